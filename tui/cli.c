/* cli.c - what every command uses: messages and exit statuses, where
 * the shipped data is, loading the model and prices, the clock, and
 * opening the session store; see cli.h. */
#include "config.h"

#include "cli.h"

#include "session.h"
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("tradeoff: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'tradeoff --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("tradeoff: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_FAIL;
}

const char *
cli_quote(char *buf, size_t size, const char *s)
{
	return err_quote(buf, size, s, strlen(s));
}

FILE *
cli_text_open(struct cli_text *t)
{
	t->buf = NULL;
	t->len = 0;
	return t->fp = open_memstream(&t->buf, &t->len);
}

int
cli_text_close(struct cli_text *t)
{
	int rc = fclose(t->fp);

	if (rc == 0)
		err_write_safe(stdout, t->buf, t->len);
	free(t->buf);
	return rc == 0 ? 0 : -1;
}

void
cli_guard_fds(void)
{
	int fd;

	/* Closed, the descriptor would go to the next file opened (an
	 * export's temporary file, say), and what the program prints
	 * would land there.  /dev/null opened the wrong way round stands
	 * in: using it fails as using the closed descriptor would. */
	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) < 0)
			break;
}

int
cli_exit(int rc)
{
	int failed;

	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	if (!failed && fclose(stdout) != 0)
		failed = 1;
	if (failed && rc == EXIT_OK)
		return cli_fail("cannot write to standard output: %s",
		    errno != 0 ? strerror(errno) : "write error");
	return failed ? EXIT_FAIL : rc;
}

/* Whether this program runs from the build tree (not installed). */
static int
in_build_tree(void)
{
#if defined(TRADEOFF_BUILDDIR)
	char exe[PATH_MAX], dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t len;

	if (n <= 0 || realpath(TRADEOFF_BUILDDIR, dir) == NULL)
		return 0;
	exe[n] = '\0';
	len = strlen(dir);
	return strncmp(exe, dir, len) == 0 && exe[len] == '/' &&
	    strchr(exe + len + 1, '/') == NULL;
#else
	return 0;
#endif
}

const char *
cli_datadir(void)
{
	const char *env = getenv("TRADEOFF_DATADIR");

	if (env != NULL && env[0] != '\0')
		return env;
#if defined(TRADEOFF_SRCDIR)
	if (in_build_tree())
		return TRADEOFF_SRCDIR;
#endif
	return PKGDATADIR;
}

const char *
cli_datafile(const char *rel, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", cli_datadir(), rel);
	return buf;
}

struct model *
cli_load_model(const struct cli *c)
{
	char buf[PATH_MAX];
	const char *path = c->value[OPT_MODEL];
	struct model *m;
	struct err e;

	/* The path as given: a copy could cut a long one short and name
	 * another file. */
	if (path == NULL)
		path = cli_datafile("data/model.yaml", buf, sizeof buf);
	m = model_load(path, &e);
	if (m == NULL)
		cli_fail("%s", e.msg);
	return m;
}

struct pricing *
cli_load_pricing(const struct cli *c)
{
	char buf[PATH_MAX];
	const char *path = c->value[OPT_PRICING];
	struct pricing *p;
	struct err e;

	if (path == NULL)
		path = cli_datafile("data/pricing.yaml", buf, sizeof buf);
	p = pricing_load(path, &e);
	if (p == NULL)
		cli_fail("%s", e.msg);
	return p;
}

int
cli_identity(const struct cli *c, const char **ident)
{
	const char *env = getenv("TRADEOFF_USER");
	struct err e;

	*ident = c->value[OPT_AS];
	if (*ident == NULL && env != NULL && env[0] != '\0')
		*ident = env;
	if (*ident != NULL && answers_ident_check(*ident, &e) != 0)
		return cli_usage_error("%s%s", c->value[OPT_AS] != NULL ? "" :
		    "TRADEOFF_USER: ", e.msg);
	return EXIT_OK;
}

int
cli_fixed_now(long long *now)
{
	const char *env = getenv("TRADEOFF_NOW");
	char *end, q[128];
	long long v;

	*now = 0;
	if (env == NULL || env[0] == '\0')
		return EXIT_OK;
	errno = 0;
	v = strtoll(env, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0 || env[0] < '0' ||
	    env[0] > '9')
		return cli_usage_error("TRADEOFF_NOW must be whole seconds "
		    "since the epoch, not '%s'", cli_quote(q, sizeof q, env));
	*now = v;
	return EXIT_OK;
}

int
cli_now(long long *now)
{
	int rc = cli_fixed_now(now);

	if (rc == EXIT_OK && *now == 0)
		*now = (long long)time(NULL);
	return rc;
}

static int
env_journal(enum store_journal *j)
{
	const char *s = getenv("TRADEOFF_DB_JOURNAL");
	char q[128];

	*j = STORE_JOURNAL_AUTO;
	if (s == NULL || s[0] == '\0' || strcmp(s, "auto") == 0)
		return EXIT_OK;
	if (strcmp(s, "wal") == 0)
		*j = STORE_JOURNAL_WAL;
	else if (strcmp(s, "delete") == 0)
		*j = STORE_JOURNAL_DELETE;
	else
		return cli_usage_error("TRADEOFF_DB_JOURNAL must be auto, wal "
		    "or delete, not '%s'", cli_quote(q, sizeof q, s));
	return EXIT_OK;
}

int
cli_store_open(const struct cli *c, const struct model *m, int readonly,
    int create, struct store **out)
{
	struct store_opts o = { .model = m, .readonly = readonly };
	const char *env = getenv("TRADEOFF_DB");
	char path[PATH_MAX];
	struct stat sb;
	struct err e;
	int rc;

	*out = NULL;
	if ((rc = cli_fixed_now(&o.now)) != EXIT_OK ||
	    (rc = env_journal(&o.journal)) != EXIT_OK ||
	    (rc = cli_identity(c, &o.user)) != EXIT_OK)
		return rc;
	if (c->value[OPT_DB] != NULL)
		o.path = c->value[OPT_DB];
	else if (env != NULL && env[0] != '\0')
		o.path = env;
	else if (store_default_path(path, sizeof path, &e) == 0)
		o.path = path;
	else
		return cli_fail("%s", e.msg);
	if (!create && stat(o.path, &sb) != 0 && errno == ENOENT)
		return EXIT_OK;		/* nothing saved yet */
	*out = store_open(&o, &e);
	return *out != NULL ? EXIT_OK : cli_fail("%s", e.msg);
}

int
cli_open_session(const struct cli *c, struct session *s, const char *name)
{
	char qn[ANSWERS_NAME_MAX * 4 + 8];
	struct store *st = NULL;
	struct err e;
	int rc;

	if ((rc = cli_store_open(c, s->model, 0, 0, &st)) != EXIT_OK)
		return rc;
	session_attach(s, st);
	rc = st != NULL ? session_open(s, name, 0, NULL, NULL, &e) : 0;
	if (rc < 0)
		return cli_fail("%s", e.msg);
	if (rc == 0)
		return cli_fail("no session named '%s'", cli_quote(qn,
		    sizeof qn, name));
	return EXIT_OK;
}

