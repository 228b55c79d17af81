/* cmd_explore.c - starting the interactive explorer: the model, the
 * prices, the terminal, the session store, the session to open. */
#include "config.h"

#include "cli.h"
#include "ui.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

/* Check the terminal and the theme before the database is opened, so a
 * run that cannot show anything leaves nothing behind. */
static int
check_terminal(const struct cli *c, struct ui *ui)
{
	struct ui_opts opts;
	struct err e;

	opts.ascii = (c->given & OPTBIT(ASCII)) != 0;
	opts.no_colour = (c->given & OPTBIT(NO_COLOR)) != 0;
	opts.theme = c->value[OPT_THEME];
	opts.datadir = cli_datadir();
	if (ui_check(ui, &opts, &e) != 0)
		return cli_fail("%s", e.msg);
	return EXIT_OK;
}

/* The session to open: --session NAME (created if new), else the one
 * changed last, else a new one named for today. */
static int
open_session(const struct cli *c, struct session *s, int readonly)
{
	struct store *st;
	struct err e;
	int rc;

	if ((rc = cli_store_open(c, s->model, readonly, !readonly, &st)) !=
	    EXIT_OK)
		return rc;
	if (st == NULL)
		return cli_fail("no session database to watch yet (--read-only "
		    "creates none)");
	session_attach(s, st);
	if (readonly) {
		rc = session_open(s, c->value[OPT_SESSION], 0, NULL, NULL, &e);
		if (rc == 0) {
			char q[ANSWERS_NAME_MAX * 4 + 8];

			return cli_fail("no session named '%s' to watch",
			    err_quote(q, sizeof q, c->value[OPT_SESSION],
			    strlen(c->value[OPT_SESSION])));
		}
		return rc < 0 ? cli_fail("%s", e.msg) : EXIT_OK;
	}
	if (session_open_default(s, c->value[OPT_SESSION], &e) != 0)
		return cli_fail("%s", e.msg);
	return EXIT_OK;
}

/* Live: how often to look at the database, and who else is here.  On a
 * network file system (the rollback journal) each look takes a lock and
 * a read over the network: look less often there. */
static void
go_live(struct ui *ui)
{
	struct err e;

	ui->tick_ms = store_journal_mode(ui->s->store) == STORE_JOURNAL_WAL ?
	    100 : 1000;
	ui->presence = presence_open(store_path(ui->s->store),
	    session_ident(ui->s), &e);
	if (ui->presence == NULL)
		ui_status(ui, 1, "Not showing who else is here: %s", e.msg);
}

/* Run the explorer on S; an exit status, or 128 + the signal that
 * ended it (after restoring the terminal). */
static int
explore(struct ui *ui)
{
	struct err e;
	int sig;

	if (ui_start(ui, &e) != 0)
		return cli_fail("%s", e.msg);
	sig = ui_run(ui);
	ui_end(ui);
	if (sig < 0)
		return cli_fail("out of memory");
	return sig > 0 ? 128 + sig : EXIT_OK;
}

int
cmd_explore(struct cli *c)
{
	struct ui ui;
	struct session s;
	struct model *m;
	struct pricing *p = NULL;
	struct err e;
	long long now;
	int rc;

	memset(&ui, 0, sizeof ui);
	memset(&s, 0, sizeof s);
	/* A bad name is a usage error before anything is written. */
	if (c->value[OPT_SESSION] != NULL &&
	    answers_name_check(c->value[OPT_SESSION], &e) != 0)
		return cli_usage_error("%s", e.msg);
	if ((rc = cli_now(&now)) != EXIT_OK)
		return rc;
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	rc = EXIT_FAIL;
	if ((p = cli_load_pricing(c)) == NULL)
		goto out;
	/* Opening the session below evaluates it. */
	if (session_init_unevaluated(&s, m, p, now, &e) != 0) {
		cli_fail("%s", e.msg);
		goto out;
	}
	ui.s = &s;
	ui.readonly = (c->given & OPTBIT(READ_ONLY)) != 0;
	ui.advance = (c->given & OPTBIT(NO_ADVANCE)) == 0;
	if (ui.readonly && c->value[OPT_SESSION] == NULL) {
		rc = cli_usage_error("--read-only watches a session: give "
		    "--session NAME");
		goto out;
	}
	if ((rc = check_terminal(c, &ui)) != EXIT_OK ||
	    (rc = open_session(c, &s, ui.readonly)) != EXIT_OK)
		goto out;
	go_live(&ui);
	rc = explore(&ui);
	presence_close(ui.presence);
out:
	session_fini(&s);
	pricing_free(p);
	model_free(m);
	if (rc > 128) {
		/* Everything is saved and the terminal restored: now die of
		 * the signal, as the parent expects. */
		signal(rc - 128, SIG_DFL);
		raise(rc - 128);
	}
	return rc;
}
