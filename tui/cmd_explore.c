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
open_session(const struct cli *c, struct session *s)
{
	struct store *st;
	struct err e;
	int rc;

	if ((rc = cli_store_open(c, s->model, 0, 1, &st)) != EXIT_OK)
		return rc;
	session_attach(s, st);
	if (session_open_default(s, c->value[OPT_SESSION], &e) != 0)
		return cli_fail("%s", e.msg);
	return EXIT_OK;
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
	if (session_init(&s, m, p, now, &e) != 0) {
		cli_fail("%s", e.msg);
		goto out;
	}
	ui.s = &s;
	if ((rc = check_terminal(c, &ui)) != EXIT_OK ||
	    (rc = open_session(c, &s)) != EXIT_OK)
		goto out;
	rc = explore(&ui);
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
