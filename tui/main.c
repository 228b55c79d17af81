/* main.c - the entry point: options, the command table, exit statuses. */
#include "config.h"

#include "cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#define COMMON (OPTBIT(DB) | OPTBIT(MODEL) | OPTBIT(PRICING) | \
	OPTBIT(THEME) | OPTBIT(ASCII) | OPTBIT(NO_COLOR) | OPTBIT(AS))

struct command {
	const char *name;
	int (*run)(struct cli *);
	int min_args, max_args;		/* positional arguments; -1: any */
	unsigned options;		/* beyond COMMON */
	const char *args;		/* for messages */
};

static const struct command commands[] = {
	{ "eval", cmd_eval, 0, 0, OPTBIT(ANSWERS) | OPTBIT(FORMAT) |
	    OPTBIT(SESSION), "" },
	{ "check", cmd_check, 0, -1, 0, "[FILE...]" },
	{ "list", cmd_list, 0, 0, OPTBIT(FORMAT) | OPTBIT(MILESTONES), "" },
	{ "import", cmd_import, 1, 1, OPTBIT(SESSION), "FILE" },
	{ "export", cmd_export, 1, 1, OPTBIT(FORMAT) | OPTBIT(OUTPUT) |
	    OPTBIT(FORCE) | OPTBIT(DIR) | OPTBIT(SUPERSEDES) | OPTBIT(STATUS) |
	    OPTBIT(NO_CHART) | OPTBIT(NO_FRONT_MATTER), "NAME" },
	{ "rename", cmd_rename, 2, 2, 0, "OLD NEW" },
	{ "copy", cmd_copy, 2, 2, 0, "OLD NEW" },
	{ "delete", cmd_delete, 1, 1, 0, "NAME" },
	{ "vote", cmd_vote, 3, 3, 0, "NAME QUESTION ANSWER" },
	{ "milestone", cmd_milestone, 2, 2, 0, "NAME LABEL" },
	{ "diff", cmd_diff, 2, 2, OPTBIT(FORMAT), "A B" },
	{ "recheck", cmd_recheck, 1, -1, OPTBIT(FORMAT), "FILE..." },
};

static const char usage_text[] =
"Usage: tradeoff [OPTION...] [--session NAME] [--read-only] [--no-advance]\n"
"       tradeoff eval --answers FILE|--session NAME[@LABEL]\n"
"                     [--format yaml|markdown|text]\n"
"       tradeoff check [FILE...]\n"
"       tradeoff list [--format text|yaml] [--milestones NAME]\n"
"       tradeoff import FILE [--session NAME]\n"
"       tradeoff export NAME[@LABEL] [--format markdown|adr|yaml] [-o FILE|-]\n"
"                       [--force] [--no-chart] [--dir DIR [--supersedes NNNN]]\n"
"                       [--status proposed|accepted] [--no-front-matter]\n"
"       tradeoff rename OLD NEW | copy OLD NEW | delete NAME\n"
"       tradeoff vote NAME QUESTION ANSWER [--as WHO]\n"
"       tradeoff milestone NAME LABEL\n"
"       tradeoff diff A B [--format text|yaml|markdown]\n"
"       tradeoff recheck FILE... [--format text|yaml]\n"
"\n"
"Explore whether a workload should run on Serverless, Kubernetes or a hybrid\n"
"of both: answer questions, weigh what matters, and see the recommendation,\n"
"its reasons and what would flip it.\n"
"\n"
"Commands:\n"
"  (none)                 the interactive explorer\n"
"  eval                   evaluate an answers file and print the result\n"
"  check [FILE...]        validate model, price list, answers and theme files\n"
"                         (default: the shipped model, prices and themes)\n"
"  list                   the saved sessions, with their recommendations\n"
"  import FILE            save an answers file as a session (created or\n"
"                         replaced; named by --session or its 'session:')\n"
"  export NAME            write a session out: markdown (the default), the\n"
"                         workshop summary; adr, a decision record (MADR);\n"
"                         yaml, an answers file that import reads back\n"
"  rename OLD NEW         rename a session\n"
"  copy OLD NEW           copy a session (its history starts afresh)\n"
"  delete NAME            delete a session and its history\n"
"  vote NAME QUESTION ANSWER\n"
"                         record a participant's own answer (a vote) in a\n"
"                         session; the session's answer stays what the room\n"
"                         settles on\n"
"  milestone NAME LABEL   save a named, immutable snapshot of a session;\n"
"                         NAME@LABEL names it wherever a session is read\n"
"  diff A B               what changed between two sessions, milestones or\n"
"                         files, and what that did to the decision\n"
"  recheck FILE...        does each decision record (or answers file with\n"
"                         'decision:') still hold with today's model and\n"
"                         prices? (exit status 3 when one no longer holds)\n"
"\n"
"Options:\n"
"  -a, --answers=FILE     the answers file to evaluate ('-' for standard input)\n"
"  -f, --format=FORMAT    output format: yaml, markdown or text (eval;\n"
"                         default text); text or yaml (list, recheck);\n"
"                         markdown, adr or yaml (export; default\n"
"                         markdown); text, yaml or markdown (diff)\n"
"  -s, --session=NAME     the session to open, to import into, or to\n"
"                         evaluate (eval; NAME@LABEL: a milestone)\n"
"  -o, --output=FILE      where export writes ('-', the default: standard\n"
"                         output); a summary written to FILE.md gets its\n"
"                         cost chart beside it, FILE-cost.svg\n"
"      --force            let export replace an existing file or link\n"
"      --no-chart         export: no chart beside the summary\n"
"      --dir=DIR          export --format adr: the next NNNN-title.md in DIR\n"
"      --supersedes=NNNN  with --dir: the new record replaces record NNNN\n"
"      --status=STATUS    the record's status: proposed (default) or accepted\n"
"      --no-front-matter  export --format adr: the status as a list under the\n"
"                         title and the evidence in an HTML comment at the\n"
"                         end, for places that show front matter as text\n"
"      --milestones=NAME  list: the milestones of session NAME\n"
"      --as=WHO           who you are in a workshop (an identity such as\n"
"                         'ben'; also $TRADEOFF_USER; default: the login\n"
"                         name): recorded with every change and vote\n"
"      --read-only        watch a session live in the explorer; save nothing\n"
"      --no-advance       in the explorer, stay on a question once answered\n"
"                         (a toggles it)\n"
"      --db=PATH          the session database (also $TRADEOFF_DB)\n"
"      --model=PATH       a decision model other than the shipped one\n"
"      --pricing=PATH     a price list other than the shipped one\n"
"      --theme=NAME|PATH  a colour theme\n"
"      --ascii            draw with ASCII characters only\n"
"      --no-color         no colours (also $NO_COLOR)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"In the explorer, ? lists every key; q quits; H shows the history and m saves\n"
"a milestone.  Every change is saved as it is made.\n"
"\n"
"Exit status: 0 success, 1 failure (bad file, I/O, not found), 2 usage error,\n"
"3 recheck: a recorded decision no longer holds.\n"
"\n"
"Environment: TRADEOFF_DATADIR (where data/model.yaml is found),\n"
"TRADEOFF_DB (the session database; default\n"
"$XDG_DATA_HOME/tradeoff/sessions.db or ~/.local/share/tradeoff/sessions.db),\n"
"TRADEOFF_NOW (seconds since the epoch to take as the current time),\n"
"TRADEOFF_USER (who you are, as --as).\n"
"See tradeoff(1) for the file formats and how scoring works.\n";

static int
version(void)
{
	printf("tradeoff %s\n"
	    "Copyright (C) 2026 the tradeoff developers.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n",
	    PACKAGE_VERSION);
	return EXIT_OK;
}

static const char *const option_names[OPT_COUNT] = {
#define CLI_NAME(name, str, ...) [OPT_##name] = str,
	CLI_OPTIONS(CLI_NAME)
#undef CLI_NAME
};

/* The short option of each option, or 0. */
static const char short_names[OPT_COUNT] = {
#define CLI_SHORT(name, str, arg, shrt) [OPT_##name] = shrt,
	CLI_OPTIONS(CLI_SHORT)
#undef CLI_SHORT
};

/* getopt's string of short options (":a:f:..."), from the table. */
static const char *
short_options(char *buf, size_t size)
{
	static const int takes_arg[OPT_COUNT] = {
#define CLI_ARG(name, str, arg, shrt) [OPT_##name] = arg,
		CLI_OPTIONS(CLI_ARG)
#undef CLI_ARG
	};
	size_t n = 0;
	int i;

	buf[n++] = ':';
	for (i = 0; i < OPT_COUNT && n + 3 < size; i++)
		if (short_names[i] != 0) {
			buf[n++] = short_names[i];
			if (takes_arg[i])
				buf[n++] = ':';
		}
	buf[n] = '\0';
	return buf;
}

/* The option whose short name is CH, or -1. */
static int
short_option(int ch)
{
	int i;

	for (i = 0; i < OPT_COUNT; i++)
		if (short_names[i] != 0 && short_names[i] == ch)
			return i;
	return -1;
}

static int
parse(int argc, char **argv, struct cli *c)
{
	static const struct option longopts[] = {
#define CLI_LONG(name, str, arg, shrt) \
	{ str, arg ? required_argument : no_argument, NULL, OPT_##name + 256 },
		CLI_OPTIONS(CLI_LONG)
#undef CLI_LONG
		{ NULL, 0, NULL, 0 }
	};
	char shorts[2 * OPT_COUNT + 2], q[128], opt_char[2] = "";
	int ch, i;

	memset(c, 0, sizeof *c);
	opterr = 0;
	optind = 1;
	short_options(shorts, sizeof shorts);
	while ((ch = getopt_long(argc, argv, shorts, longopts, NULL)) != -1) {
		int opt = ch >= 256 ? ch - 256 : short_option(ch);

		switch (ch) {
		case ':':
			if (optopt >= 256)
				return cli_usage_error("option '--%s' needs "
				    "an argument", option_names[optopt - 256]);
			opt_char[0] = (char)optopt;
			return cli_usage_error("option '-%s' needs an "
			    "argument", cli_quote(q, sizeof q, opt_char));
		case '?':
			if (optopt >= 256 || optopt == 0)
				return cli_usage_error("unknown or ambiguous "
				    "option '%s'", cli_quote(q, sizeof q,
				    argv[optind - 1]));
			opt_char[0] = (char)optopt;
			return cli_usage_error("unknown option '-%s'",
			    cli_quote(q, sizeof q, opt_char));
		}
		if (opt < 0 || opt >= OPT_COUNT)
			return cli_usage_error("bad option");
		if ((c->given & (1u << opt)) && option_names[opt] != NULL &&
		    opt != OPT_HELP && opt != OPT_VERSION)
			return cli_usage_error("option '--%s' given twice",
			    option_names[opt]);
		c->given |= 1u << opt;
		c->value[opt] = optarg;
	}
	c->argc = argc - optind;
	c->argv = argv + optind;
	if (c->argc > 0) {
		c->command = c->argv[0];
		c->argc--;
		c->argv++;
	}
	for (i = 0; i < OPT_COUNT; i++)
		if ((c->given & (1u << i)) && c->value[i] != NULL &&
		    c->value[i][0] == '\0')
			return cli_usage_error("option '--%s' needs a non-empty "
			    "argument", option_names[i]);
	return EXIT_OK;
}

static int
check_options(const struct cli *c, unsigned allowed, const char *cmd)
{
	int i;

	for (i = 0; i < OPT_COUNT; i++)
		if ((c->given & (1u << i)) && !(allowed & (1u << i)))
			return cli_usage_error("option '--%s' does not apply "
			    "to %s", option_names[i], cmd);
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct cli c;
	char q[128];
	size_t i;
	int rc;

	/* The user's locale for text (UTF-8 or not, and how wide each
	 * character is), and only for that: numbers are read and written
	 * the C way (files and reports use a decimal point whatever the
	 * locale's), dates are numeric, messages are English, and nothing
	 * is sorted by the locale's rules, so the other categories, each a
	 * file to load at every start, would change nothing or only mix
	 * another language into English sentences. */
	setlocale(LC_CTYPE, "");
	cli_guard_fds();
	if ((rc = parse(argc, argv, &c)) != EXIT_OK)
		return rc;
	if (c.given & OPTBIT(HELP)) {
		fputs(usage_text, stdout);
		return cli_exit(EXIT_OK);
	}
	if (c.given & OPTBIT(VERSION))
		return cli_exit(version());
	if (c.command == NULL) {
		if ((rc = check_options(&c, COMMON | OPTBIT(SESSION) |
		    OPTBIT(READ_ONLY) | OPTBIT(NO_ADVANCE), "the explorer")) !=
		    EXIT_OK)
			return rc;
		return cli_exit(cmd_explore(&c));
	}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		const struct command *cmd = &commands[i];

		if (strcmp(cmd->name, c.command) != 0)
			continue;
		if ((rc = check_options(&c, COMMON | cmd->options,
		    cmd->name)) != EXIT_OK)
			return rc;
		if (c.argc < cmd->min_args)
			return cli_usage_error("%s needs %s", cmd->name,
			    cmd->args);
		if (cmd->max_args >= 0 && c.argc > cmd->max_args)
			return cli_usage_error("too many arguments for %s "
			    "(unexpected '%s')", cmd->name, cli_quote(q,
			    sizeof q, c.argv[cmd->max_args]));
		return cli_exit(cmd->run(&c));
	}
	return cli_usage_error("unknown command '%s'", cli_quote(q, sizeof q,
	    c.command));
}
