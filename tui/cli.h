/* cli.h - the command line: options shared by every command, and the
 * commands themselves (one function each, in cmd_*.c). */
#ifndef TRADEOFF_CLI_H
#define TRADEOFF_CLI_H

#include "answers.h"
#include "export.h"
#include "model.h"
#include "pricing.h"
#include "store.h"

/* Exit statuses (README.md and tradeoff(1), "Exit status"). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,		/* bad file, I/O, not found */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_NO_LONGER = 3	/* recheck: a decision no longer holds */
};

/* Options, each a bit so a command can say which it takes. */
#define CLI_OPTIONS(X) \
	X(DB, "db", 1, 0) \
	X(MODEL, "model", 1, 0) \
	X(PRICING, "pricing", 1, 0) \
	X(THEME, "theme", 1, 0) \
	X(ASCII, "ascii", 0, 0) \
	X(NO_COLOR, "no-color", 0, 0) \
	X(ANSWERS, "answers", 1, 'a') \
	X(FORMAT, "format", 1, 'f') \
	X(SESSION, "session", 1, 's') \
	X(OUTPUT, "output", 1, 'o') \
	X(FORCE, "force", 0, 0) \
	X(AS, "as", 1, 0) \
	X(READ_ONLY, "read-only", 0, 0) \
	X(NO_ADVANCE, "no-advance", 0, 0) \
	X(MILESTONES, "milestones", 1, 0) \
	X(DIR, "dir", 1, 0) \
	X(SUPERSEDES, "supersedes", 1, 0) \
	X(STATUS, "status", 1, 0) \
	X(NO_CHART, "no-chart", 0, 0) \
	X(NO_FRONT_MATTER, "no-front-matter", 0, 0) \
	X(HELP, "help", 0, 'h') \
	X(VERSION, "version", 0, 'V')

enum cli_opt {
#define CLI_ENUM(name, ...) OPT_##name,
	CLI_OPTIONS(CLI_ENUM)
#undef CLI_ENUM
	OPT_COUNT
};

#define OPTBIT(name) (1u << OPT_##name)

struct cli {
	const char *value[OPT_COUNT];	/* option arguments */
	unsigned given;			/* bit per option seen */
	int argc;			/* positional arguments after the */
	char **argv;			/* command name */
	const char *command;
};

/* Print "tradeoff: MESSAGE" and the --help hint to stderr; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Print "tradeoff: MESSAGE" to stderr; returns EXIT_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* S fit to print in a message: control characters and characters that
 * disguise text escaped, cut to fit BUF (err_quote). */
const char *cli_quote(char *buf, size_t size, const char *s);

/* Text for a terminal made from what files hold (a model's titles, the
 * notes): written to FP, then shown on standard output with control
 * and disguising characters as visible escapes (err_write_safe).
 * cli_text_open gives FP, or NULL when out of memory; cli_text_close
 * shows the text: 0, or -1 when it could not be kept. */
struct cli_text {
	FILE *fp;
	char *buf;
	size_t len;
};
FILE *cli_text_open(struct cli_text *t);
int cli_text_close(struct cli_text *t);

/* Make sure descriptors 0, 1 and 2 are open before anything else is, so
 * no file opened later takes their place; a closed one stays unusable. */
void cli_guard_fds(void);

/* The exit status for a command that ended with RC, once standard
 * output is flushed and closed: a failure to write it is an error with
 * a message (when the command had not already failed). */
int cli_exit(int rc);

/* Where the shipped data lives: $TRADEOFF_DATADIR, the source tree when
 * running from the build tree, else the installed $(pkgdatadir). */
const char *cli_datadir(void);

/* The path of a shipped file (e.g. "data/model.yaml") in BUF. */
const char *cli_datafile(const char *rel, char *buf, size_t size);

/* Load the model: --model, else the shipped one.  NULL after printing
 * the error. */
struct model *cli_load_model(const struct cli *c);

struct store;

/* Open the session store for command C: the path from --db, else
 * $TRADEOFF_DB, else the default; $TRADEOFF_NOW fixes the clock and
 * $TRADEOFF_DB_JOURNAL (auto, wal, delete) the journal mode.  M may be
 * NULL when no session is loaded or changed.  Unless CREATE, a missing
 * database is no error: *OUT is NULL (nothing saved yet).  Returns an
 * exit status, after printing any error. */
int cli_store_open(const struct cli *c, const struct model *m, int readonly,
    int create, struct store **out);

struct session;

/* Open the store for command C (it must exist) into S, set up with
 * session_init, and the session called NAME from it.  Returns an exit
 * status, after printing any error ("no session named ..."). */
int cli_open_session(const struct cli *c, struct session *s,
    const char *name);

/* Who the user is (DESIGN: an identity, "ben"): --as, else
 * $TRADEOFF_USER, else NULL (the store takes the login name).  EXIT_OK,
 * or EXIT_USAGE after saying why the name given is no identity. */
int cli_identity(const struct cli *c, const char **ident);

/* Load the price list: --pricing, else the shipped one.  NULL after
 * printing the error. */
struct pricing *cli_load_pricing(const struct cli *c);

/* The time reports are made at, in seconds since 1970: $TRADEOFF_NOW
 * when set (so tests and golden files do not age), else the clock.
 * EXIT_OK, or EXIT_USAGE after printing why $TRADEOFF_NOW is unusable. */
int cli_now(long long *now);

/* $TRADEOFF_NOW when set, else 0 (the store then reads the clock at each
 * change); EXIT_USAGE as cli_now. */
int cli_fixed_now(long long *now);

int cmd_eval(struct cli *c);
int cmd_check(struct cli *c);
int cmd_explore(struct cli *c);
int cmd_list(struct cli *c);
int cmd_import(struct cli *c);
int cmd_export(struct cli *c);
int cmd_rename(struct cli *c);
int cmd_copy(struct cli *c);
int cmd_delete(struct cli *c);
int cmd_vote(struct cli *c);
int cmd_milestone(struct cli *c);
int cmd_diff(struct cli *c);
int cmd_recheck(struct cli *c);

/* The decision lifecycle's helpers for the other commands (cmd_life.c).
 *
 * What a session, a milestone or a file names, once loaded: its name
 * for people, and the model and price list it was recorded with. */
struct cli_target {
	char name[2 * ANSWERS_NAME_MAX + 2];
	int file;			/* read from a file */
	int milestone;			/* a milestone (ms holds it) */
	struct store_milestone ms;	/* label, time, user, versions */
	struct store_session info;	/* the session, unless a file */
	char model_id[65], model_version[65];
	char pricing[256];
};

/* Load the answers SPEC names into *OUT: with FILES, an existing file
 * (or one named "./..."), else session SPEC or milestone NAME@LABEL of
 * the store in *ST (opened read-only on first use).  EXIT_OK, or
 * EXIT_FAIL after printing why. */
int cli_load_target(const struct cli *c, const struct model *m,
    const struct pricing *p, struct store **st, const char *spec, int files,
    struct answers **out, struct cli_target *t);

struct report;

/* Whether the export options fit format F (--dir, --supersedes and
 * --status go with adr; -o or --dir).  EXIT_OK or EXIT_USAGE. */
int cli_export_options(const struct cli *c, enum export_format f);

/* Write report R of an export in format F where the options say: -o
 * (or standard output), or with --dir the next record of the series
 * (--supersedes, --status).  An exit status, after printing any
 * error. */
int cli_export_report(const struct cli *c, struct report *r,
    enum export_format f);

/* `list --milestones NAME`. */
int cmd_list_milestones(struct cli *c, int yaml);

#endif
