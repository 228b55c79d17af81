/* cmd_explore.c - starting the interactive explorer: the model, the
 * session store, the session to open, the terminal. */
#include "config.h"

#include "cli.h"
#include "session.h"
#include "session_impl.h"
#include "ui.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The session to open: --session NAME (created if new), else the one
 * changed last, else a new one named for today. */
static int
pick_session(const struct cli *c, struct store *st, struct store_session *s)
{
	char name[ANSWERS_NAME_MAX + 16], base[64];
	struct err e;
	time_t now;
	struct tm tm;
	int i, rc;

	if (c->value[OPT_SESSION] != NULL) {
		if (store_find_or_create(st, c->value[OPT_SESSION], s, NULL,
		    &e) != 0)
			return cli_fail("%s", e.msg);
		return EXIT_OK;
	}
	rc = store_latest(st, s, &e);
	if (rc < 0)
		return cli_fail("%s", e.msg);
	if (rc == 1)
		return EXIT_OK;
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(base, sizeof base, "workshop %Y-%m-%d", &tm);
	snprintf(name, sizeof name, "%s", base);
	for (i = 2; store_find(st, name, s, &e) == 1 && i < 1000; i++)
		snprintf(name, sizeof name, "%s (%d)", base, i);
	if (store_find_or_create(st, name, s, NULL, &e) != 0)
		return cli_fail("%s", e.msg);
	return EXIT_OK;
}

int
cmd_explore(struct cli *c)
{
	struct ui ui;
	struct ui_opts opts;
	struct session sess;
	struct model *m;
	struct pricing *pricing = NULL;
	struct err e;
	int rc, sig;

	memset(&ui, 0, sizeof ui);
	memset(&sess, 0, sizeof sess);
	/* A bad name is a usage error before anything is written. */
	if (c->value[OPT_SESSION] != NULL &&
	    answers_name_check(c->value[OPT_SESSION], &e) != 0)
		return cli_usage_error("%s", e.msg);
	if ((m = cli_load_model(c)) == NULL)
		return EXIT_FAIL;
	ui.model = m;
	ui.session = &sess;
	if ((rc = cli_now(&ui.now)) != EXIT_OK)
		goto out;
	if ((pricing = cli_load_pricing(c)) == NULL) {
		rc = EXIT_FAIL;
		goto out;
	}
	ui.pricing = pricing;
	if (cost_check_model(pricing, m, &e) != 0) {
		rc = cli_fail("%s", e.msg);
		goto out;
	}
	/* The terminal and the theme are checked before the database is
	 * opened, so a run that cannot show anything leaves nothing behind. */
	opts.ascii = (c->given & OPTBIT(ASCII)) != 0;
	opts.no_colour = (c->given & OPTBIT(NO_COLOR)) != 0;
	opts.theme = c->value[OPT_THEME];
	opts.datadir = cli_datadir();
	if (ui_check(&ui, &opts) != 0) {
		rc = EXIT_FAIL;
		goto out;
	}
	rc = cli_store_open(c, m, 0, 1, &sess.store);
	if (rc != EXIT_OK)
		goto out;
	if ((rc = pick_session(c, sess.store, &sess.info)) != EXIT_OK)
		goto out;
	ui.answers = store_load(sess.store, sess.info.id, NULL, &e);
	ui.result = eval_result_new(m);
	ui.scratch = eval_result_new(m);
	if (ui.answers == NULL || ui.result == NULL || ui.scratch == NULL) {
		rc = cli_fail("%s", ui.answers == NULL ? e.msg :
		    "out of memory");
		goto out;
	}
	if (ui_start(&ui) != 0) {
		rc = EXIT_FAIL;
		goto out;
	}
	sig = ui_run(&ui);
	ui_end(&ui);
	rc = EXIT_OK;
	if (sig != 0) {
		/* Everything is saved and the terminal restored: now die of
		 * the signal, as the parent expects. */
		answers_free(ui.answers);
		eval_result_free(ui.result);
		eval_result_free(ui.scratch);
		store_close(sess.store);
		pricing_free(pricing);
		model_free(m);
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
out:
	answers_free(ui.answers);
	eval_result_free(ui.result);
	eval_result_free(ui.scratch);
	store_close(sess.store);
	pricing_free(pricing);
	model_free(m);
	return rc;
}
