/* ptybench.c - run a full-screen program in a pseudo-terminal and measure
 * what a user at the other end of a slow link gets.
 *
 *   ptybench [OPTION...] -- PROGRAM [ARG...]
 *
 * Each run starts PROGRAM on a fresh pseudo-terminal of the given size,
 * reads everything it writes into a small terminal emulator (vt.c), and
 * takes the first frame as complete when the output has been quiet for a
 * while and the screen shows every text given with -e.  The first-frame
 * time is when the emulated screen first looked exactly as it does then
 * (characters and attributes), counted from just before the fork; trailing
 * bytes that change nothing (a cursor move, a mode) do not count.
 *
 * Then the phases (-m) run in order, -R times: each sends its keys one at
 * a time, and after each waits until the output has been quiet (or, when
 * nothing comes, up to -w ms), counting the bytes.  Finally the program
 * gets SIGTERM and its peak resident memory comes from wait4.
 *
 * Results go to standard output, one line per measure, as KEY=VALUE
 * fields that tests/bench/run.sh reads:
 *
 *   start runs=N frame_ms=MEDIAN frame_ms_min=.. frame_ms_max=..
 *         frame_ms_p10=.. frame_ms_p90=.. last_ms=.. bytes=.. maxrss_kb=..
 *   phase label=L keys=N bytes=TOTAL per_key=MEAN min=.. max=..
 *         latency_ms=MEDIAN
 *
 * -r FILE appends one line per run (frame ms, last byte ms, bytes, peak
 * RSS KiB) and one per key of a reported phase ("key LABEL ms bytes"),
 * so runs of several programs taking turns can be pooled; -d
 * FILE writes the last screen as text; -l FILE logs every byte each key
 * brought, escaped, for reading what a program sends.
 *
 * Keys (-m LABEL:KEY,KEY...:COUNT; COUNT keys are sent, cycling through
 * the list): up down left right (as the terminal's cursor-key mode asks),
 * enter esc tab space comma colon, size=COLSxROWS (a resize: TIOCSWINSZ,
 * and the kernel sends SIGWINCH), wait=MS, or one character to type.  A
 * phase labelled "-" is sent but not reported.
 *
 * Idle (-I MS): after the phases, the program is left alone for MS ms
 * and what it cost is read from /proc before and after: CPU time
 * (utime + stime of /proc/PID/stat, and the scheduler's own count in
 * /proc/PID/schedstat where there is one) and context switches
 * (voluntary and not, /proc/PID/status), each a wake-up:
 *
 *   idle ms=MS cpu_ms=.. cpu_pct=.. run_ms=.. run_pct=.. voluntary=..
 *        nonvoluntary=.. wakeups_per_s=.. bytes=..
 *
 * Changes made elsewhere (-C TEXT|COMMAND, -P SCREENS, -K COUNT): SCREENS
 * copies of the program are started (in -E values, %i is the copy's
 * number, 1 to SCREENS: TRADEOFF_USER=p%i), each to its first frame,
 * and left until every screen has been quiet for a second.  Then COUNT
 * times, the -C specs taking turns, COMMAND runs (sh -c) while every
 * screen is read: it makes a change and prints "commit_ms=MS", the
 * moment the change was committed on CLOCK_MONOTONIC (without it, the
 * moment COMMAND was started counts).  Each screen's latency is from
 * that moment to the read after which the screen shows TEXT (no screen
 * may show it before); its bytes are all it got until every screen was
 * quiet again.  Results:
 *
 *   change screens=N changes=K latency_ms=MEDIAN latency_ms_p90=..
 *          latency_ms_max=.. all_ms=MEDIAN all_ms_max=.. bytes=TOTAL
 *          per_screen=MEAN min=.. max=.. command_ms=MEDIAN
 *
 * all_ms is, per change, when the last screen showed it.  With -r, one
 * line per screen and change: "change K SCREEN LATENCY_MS BYTES". */
#include "config.h"

#include "vt.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_LIST 64
#define MAX_READS 65536
#define MAX_SAMPLES 100000

struct phase {
	const char *label;
	const char *keys[MAX_LIST];
	int nkeys, count;
	/* Results, over every run and repetition. */
	long long bytes;
	int sent;
	long long min, max;
	double *latency;
	int nlatency;
};

struct opts {
	int rows, cols;
	int runs, repeat;
	int quiet_ms;		/* output settled after this long */
	int wait_ms;		/* how long a key may take to answer */
	int timeout_ms;		/* the most a frame may take */
	const char *expect[MAX_LIST];
	int nexpect;
	char *env[MAX_LIST];
	int nenv;
	struct phase phase[MAX_LIST];
	int nphase;
	int idle_ms;		/* -I: left alone this long, measured */
	int screens;		/* -P: copies open at once */
	struct change {
		const char *text;	/* what shows it is on a screen */
		const char *cmd;	/* sh -c COMMAND makes it */
	} change[MAX_LIST];
	int nchange;
	int changes;		/* -K: how many are made */
	const char *dump;	/* file for the last screen */
	FILE *log;		/* what each key brought, escaped */
	FILE *raw;		/* one line per run */
	char **argv;
};

/* One running program. */
struct child {
	FILE *log;
	pid_t pid;
	int fd;
	struct vt vt;
	long long bytes;
	int exited;
	int status;
	struct rusage ru;
	double last_read;	/* when bytes last came */
};

static void
die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("ptybench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	if (n == 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
send_replies(struct child *c)
{
	if (c->vt.nreply > 0) {
		ssize_t w = write(c->fd, c->vt.reply, c->vt.nreply);

		(void)w;
		c->vt.nreply = 0;
	}
}

/* Bytes as C-like text: controls escaped, ESC as \e. */
static void
log_bytes(FILE *f, const unsigned char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (buf[i] == 0x1b)
			fputs("\\e", f);
		else if (buf[i] == '\\')
			fputs("\\\\", f);
		else if (buf[i] < 0x20 || buf[i] == 0x7f)
			fprintf(f, "\\x%02x", buf[i]);
		else
			fputc(buf[i], f);
	}
}

/* Read what is there (waiting up to MS); returns bytes read, 0 on
 * timeout, -1 when the program has gone. */
static ssize_t
pump(struct child *c, int ms)
{
	unsigned char buf[65536];
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	ssize_t n;
	int rc;

	rc = poll(&p, 1, ms < 0 ? 0 : ms);
	if (rc < 0)
		return errno == EINTR ? 0 : -1;
	if (rc == 0)
		return 0;
	n = read(c->fd, buf, sizeof buf);
	if (n <= 0)
		return n < 0 && errno == EINTR ? 0 : -1;
	vt_feed(&c->vt, buf, (size_t)n);
	send_replies(c);
	if (c->log != NULL)
		log_bytes(c->log, buf, (size_t)n);
	c->bytes += n;
	c->last_read = now_ms();
	return n;
}

/* VAR=VALUE with each %i made the copy's number N. */
static char *
env_for(const char *var, int n)
{
	char *out = malloc(strlen(var) * 4 + 16), *w = out;
	const char *r;

	if (out == NULL)
		return NULL;
	for (r = var; *r != '\0'; r++) {
		if (r[0] == '%' && r[1] == 'i') {
			w += sprintf(w, "%d", n);
			r++;
		} else
			*w++ = *r;
	}
	*w = '\0';
	return out;
}

/* Start copy N (from 1) of the program. */
static void
start(struct child *c, const struct opts *o, int n)
{
	struct winsize ws = { .ws_row = (unsigned short)o->rows,
	    .ws_col = (unsigned short)o->cols };
	int i;

	memset(c, 0, sizeof *c);
	if (vt_init(&c->vt, o->rows, o->cols) != 0)
		die("out of memory");
	c->log = o->log;
	if (c->log != NULL)
		fputs("\n[start] ", c->log);
	c->pid = forkpty(&c->fd, NULL, NULL, &ws);
	if (c->pid < 0)
		die("forkpty: %s", strerror(errno));
	if (c->pid == 0) {
		clearenv();
		for (i = 0; i < o->nenv; i++) {
			char *v = env_for(o->env[i], n);

			if (v == NULL)
				_exit(127);
			putenv(v);
		}
		execvp(o->argv[0], o->argv);
		fprintf(stderr, "ptybench: %s: %s\n", o->argv[0],
		    strerror(errno));
		_exit(127);
	}
}

/* End the program and collect its exit and resource use. */
static void
finish(struct child *c)
{
	double t0 = now_ms();
	int signalled = 0;

	kill(c->pid, SIGTERM);
	for (;;) {
		pid_t r = wait4(c->pid, &c->status, WNOHANG, &c->ru);

		if (r == c->pid)
			break;
		if (r < 0)
			die("wait4: %s", strerror(errno));
		if (pump(c, 20) < 0)
			usleep(10000);
		if (!signalled && now_ms() - t0 > 3000) {
			kill(c->pid, SIGKILL);
			signalled = 1;
		}
	}
	c->exited = 1;
	if (c->log != NULL)
		fputc('\n', c->log);
	close(c->fd);
	vt_free(&c->vt);
}

/* Whether the screen shows every expected text. */
static int
complete(const struct child *c, const struct opts *o)
{
	int i;

	for (i = 0; i < o->nexpect; i++)
		if (!vt_contains(&c->vt, o->expect[i]))
			return 0;
	return 1;
}

static void
dump_screen(const struct vt *vt, const char *path)
{
	FILE *f = fopen(path, "w");
	char row[4096];
	int y;

	if (f == NULL)
		die("%s: %s", path, strerror(errno));
	for (y = 0; y < vt->rows; y++) {
		vt_row(vt, y, row, sizeof row);
		fprintf(f, "%s\n", row);
	}
	fclose(f);
}

/* Wait for the first full frame; returns its time in ms since T0, and
 * the time of the last byte in *LAST. */
static double
first_frame(struct child *c, const struct opts *o, double t0, double *last)
{
	static double when[MAX_READS];
	static uint64_t hash[MAX_READS];
	double quiet_since = now_ms();
	int n = 0, i, gone = 0;
	uint64_t final;

	for (;;) {
		double t = now_ms();
		ssize_t r;

		if (t - t0 > o->timeout_ms)
			break;
		r = pump(c, o->quiet_ms / 4 + 1);
		if (r < 0) {
			gone = 1;
			break;
		}
		t = now_ms();
		if (r > 0) {
			if (n < MAX_READS) {
				when[n] = t;
				hash[n] = vt_hash(&c->vt);
				n++;
			}
			quiet_since = t;
			continue;
		}
		if (n > 0 && t - quiet_since >= o->quiet_ms && complete(c, o))
			break;
	}
	if (n == 0 || !complete(c, o)) {
		char row[4096];
		int y;

		if (gone)
			fprintf(stderr, "ptybench: %s ended before a complete "
			    "frame (%lld bytes); the screen:\n", o->argv[0],
			    c->bytes);
		else
			fprintf(stderr, "ptybench: %s: no complete frame in %d "
			    "ms (%lld bytes); the screen:\n", o->argv[0],
			    o->timeout_ms, c->bytes);
		for (y = 0; y < c->vt.rows; y++) {
			vt_row(&c->vt, y, row, sizeof row);
			fprintf(stderr, "  |%s\n", row);
		}
		kill(c->pid, SIGKILL);
		exit(1);
	}
	final = vt_hash(&c->vt);
	for (i = 0; i < n && hash[i] != final; i++)
		;
	*last = when[n - 1] - t0;
	return when[i] - t0;
}

static void
send_key(struct child *c, const char *k)
{
	const char *s = k;
	char buf[8];
	int cols, rows;

	if (strncmp(k, "size=", 5) == 0) {
		struct winsize ws;

		if (sscanf(k + 5, "%dx%d", &cols, &rows) != 2 || cols < 1 ||
		    rows < 1)
			die("bad size '%s'", k);
		memset(&ws, 0, sizeof ws);
		ws.ws_col = (unsigned short)cols;
		ws.ws_row = (unsigned short)rows;
		if (vt_resize(&c->vt, rows, cols) != 0)
			die("out of memory");
		if (ioctl(c->fd, TIOCSWINSZ, &ws) != 0)
			die("TIOCSWINSZ: %s", strerror(errno));
		return;
	}
	if (strncmp(k, "wait=", 5) == 0) {
		double until = now_ms() + atoi(k + 5);

		while (now_ms() < until && pump(c, (int)(until - now_ms()) + 1)
		    >= 0)
			;
		return;
	}
	if (strcmp(k, "up") == 0 || strcmp(k, "down") == 0 ||
	    strcmp(k, "right") == 0 || strcmp(k, "left") == 0) {
		snprintf(buf, sizeof buf, "\033%c%c", c->vt.app_cursor ? 'O' :
		    '[', k[0] == 'u' ? 'A' : k[0] == 'd' ? 'B' : k[0] == 'r' ?
		    'C' : 'D');
		s = buf;
	} else if (strcmp(k, "enter") == 0)
		s = "\r";
	else if (strcmp(k, "esc") == 0)
		s = "\033";
	else if (strcmp(k, "tab") == 0)
		s = "\t";
	else if (strcmp(k, "space") == 0)
		s = " ";
	else if (strlen(k) != 1)
		die("unknown key '%s'", k);
	if (write(c->fd, s, strlen(s)) != (ssize_t)strlen(s))
		die("write: %s", strerror(errno));
}

/* Send one key and count what comes back. */
static void
measure_key(struct child *c, const struct opts *o, struct phase *p,
    const char *k)
{
	long long before = c->bytes;
	double t0 = now_ms(), last = t0, t;
	long long got;

	if (c->log != NULL)
		fprintf(c->log, "\n[%s %s] ", p->label, k);
	send_key(c, k);
	for (;;) {
		ssize_t r;

		t = now_ms();
		/* Nothing yet: wait up to wait_ms; then until quiet. */
		if (c->bytes == before ? t - t0 >= o->wait_ms :
		    t - last >= o->quiet_ms)
			break;
		r = pump(c, o->quiet_ms / 4 + 1);
		if (r < 0)
			die("%s ended during phase %s", o->argv[0], p->label);
		if (r > 0)
			last = now_ms();
	}
	got = c->bytes - before;
	if (p->sent == 0 || got < p->min)
		p->min = got;
	if (p->sent == 0 || got > p->max)
		p->max = got;
	p->sent++;
	p->bytes += got;
	if (got > 0 && p->nlatency < MAX_SAMPLES)
		p->latency[p->nlatency++] = last - t0;
	if (o->raw != NULL && strcmp(p->label, "-") != 0)
		fprintf(o->raw, "key %s %.3f %lld\n", p->label,
		    got > 0 ? last - t0 : 0.0, got);
}

static void
run_phases(struct child *c, struct opts *o)
{
	int r, i, k;

	for (r = 0; r < o->repeat; r++)
		for (i = 0; i < o->nphase; i++) {
			struct phase *p = &o->phase[i];

			for (k = 0; k < p->count; k++)
				measure_key(c, o, p, p->keys[k % p->nkeys]);
		}
}

static void
parse_phase(struct opts *o, char *spec)
{
	struct phase *p;
	char *colon1 = strchr(spec, ':'), *colon2, *tok, *save = NULL;

	if (o->nphase >= MAX_LIST)
		die("too many phases");
	p = &o->phase[o->nphase++];
	colon2 = colon1 != NULL ? strrchr(spec, ':') : NULL;
	if (colon1 == NULL || colon2 == colon1)
		die("a phase is LABEL:KEY,KEY...:COUNT, not '%s'", spec);
	*colon1 = *colon2 = '\0';
	p->label = spec;
	p->count = atoi(colon2 + 1);
	if (p->count < 1)
		die("bad count in phase '%s'", spec);
	/* A lone "," or ":" key is written as comma / colon. */
	for (tok = strtok_r(colon1 + 1, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (p->nkeys >= MAX_LIST)
			die("too many keys in phase '%s'", spec);
		p->keys[p->nkeys++] = strcmp(tok, "comma") == 0 ? "," :
		    strcmp(tok, "colon") == 0 ? ":" : tok;
	}
	if (p->nkeys == 0)
		die("no keys in phase '%s'", spec);
	p->latency = calloc(MAX_SAMPLES, sizeof *p->latency);
	if (p->latency == NULL)
		die("out of memory");
}

/* What a process has cost so far, from /proc. */
struct cost {
	double cpu_ms;		/* utime + stime */
	double run_ms;		/* schedstat: time on a CPU; -1 unknown */
	long long voluntary, nonvoluntary;
};

static void
read_cost(pid_t pid, struct cost *k)
{
	char path[64], buf[4096], *p;
	unsigned long ut = 0, st = 0;
	unsigned long long ns;
	long tick = sysconf(_SC_CLK_TCK);
	FILE *f;
	size_t n;

	memset(k, 0, sizeof *k);
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		die("%s: %s", path, strerror(errno));
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* The command name may hold anything: fields follow its last ')'. */
	if ((p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
	    &ut, &st) != 2)
		die("%s: cannot read utime and stime", path);
	k->cpu_ms = (double)(ut + st) * 1000.0 / (double)(tick > 0 ? tick :
	    100);
	k->run_ms = -1;
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%llu", &ns) == 1)
			k->run_ms = (double)ns / 1e6;
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		die("%s: %s", path, strerror(errno));
	while (fgets(buf, sizeof buf, f) != NULL) {
		sscanf(buf, "voluntary_ctxt_switches: %lld", &k->voluntary);
		sscanf(buf, "nonvoluntary_ctxt_switches: %lld",
		    &k->nonvoluntary);
	}
	fclose(f);
}

/* Leave the program alone for o->idle_ms, and say what that cost. */
static void
idle(struct child *c, const struct opts *o)
{
	struct cost a, b;
	long long bytes = c->bytes;
	double t0, t, ms;

	read_cost(c->pid, &a);
	t0 = now_ms();
	while ((t = now_ms()) - t0 < o->idle_ms)
		if (pump(c, (int)(o->idle_ms - (t - t0)) + 1) < 0)
			die("%s ended while idle", o->argv[0]);
	read_cost(c->pid, &b);
	ms = now_ms() - t0;
	printf("idle ms=%.0f cpu_ms=%.0f cpu_pct=%.3f run_ms=%.3f "
	    "run_pct=%.4f voluntary=%lld nonvoluntary=%lld "
	    "wakeups_per_s=%.2f bytes=%lld\n", ms, b.cpu_ms - a.cpu_ms,
	    (b.cpu_ms - a.cpu_ms) * 100 / ms,
	    a.run_ms < 0 ? -1.0 : b.run_ms - a.run_ms,
	    a.run_ms < 0 ? -1.0 : (b.run_ms - a.run_ms) * 100 / ms,
	    b.voluntary - a.voluntary, b.nonvoluntary - a.nonvoluntary,
	    (double)(b.voluntary - a.voluntary + b.nonvoluntary -
	    a.nonvoluntary) * 1000 / ms, c->bytes - bytes);
}

/* Read every screen until all have been quiet for QUIET ms (at most
 * o->timeout_ms). */
static void
settle(struct child *c, int n, const struct opts *o, int quiet)
{
	double t0 = now_ms(), last = t0;
	int i;

	while (now_ms() - last < quiet) {
		struct pollfd p[MAX_LIST];

		if (now_ms() - t0 > o->timeout_ms)
			die("the screens never settled");
		for (i = 0; i < n; i++)
			p[i] = (struct pollfd){ .fd = c[i].fd, .events = POLLIN };
		if (poll(p, (nfds_t)n, 10) < 0 && errno != EINTR)
			die("poll: %s", strerror(errno));
		for (i = 0; i < n; i++)
			if (p[i].revents != 0) {
				if (pump(&c[i], 0) < 0)
					die("%s (screen %d) ended", o->argv[0],
					    i + 1);
				last = now_ms();
			}
	}
}

static void
show_screen(const struct child *c, int n)
{
	char row[4096];
	int y;

	fprintf(stderr, "ptybench: screen %d:\n", n);
	for (y = 0; y < c->vt.rows; y++) {
		vt_row(&c->vt, y, row, sizeof row);
		fprintf(stderr, "  |%s\n", row);
	}
}

/* The results of one change on N screens. */
struct made {
	double commit;		/* when it was committed (ms) */
	double command_ms;	/* how long the command ran */
	double *shown;		/* [n]: when each screen showed it */
	long long *bytes;	/* [n] */
};

/* Start sh -c CMD with its output on a pipe; its read end in *FD. */
static pid_t
spawn(const char *cmd, int *fd)
{
	int p[2];
	pid_t pid;

	if (pipe(p) != 0)
		die("pipe: %s", strerror(errno));
	if ((pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		close(p[0]);
		if (dup2(p[1], 1) < 0)
			_exit(127);
		close(p[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	*fd = p[0];
	return pid;
}

/* Make change K (the -C specs taking turns) and watch N screens show
 * it, into *M. */
static void
make_change(struct child *c, int n, const struct opts *o, int k,
    struct made *m)
{
	const struct change *ch = &o->change[k % o->nchange];
	struct pollfd p[MAX_LIST + 1];
	char out[4096];
	size_t nout = 0;
	double t0, ended = -1, last, t;
	long long before[MAX_LIST];
	const char *at;
	int i, fd, st, open = 1, waiting;
	pid_t pid;

	for (i = 0; i < n; i++) {
		if (vt_contains(&c[i].vt, ch->text)) {
			show_screen(&c[i], i + 1);
			die("screen %d shows '%s' before change %d", i + 1,
			    ch->text, k + 1);
		}
		before[i] = c[i].bytes;
		m->shown[i] = -1;
	}
	t0 = last = now_ms();
	pid = spawn(ch->cmd, &fd);
	for (;;) {
		t = now_ms();
		for (i = waiting = 0; i < n; i++)
			waiting += m->shown[i] < 0;
		if (!open && waiting == 0 && t - last >= o->quiet_ms)
			break;
		if (t - t0 > o->timeout_ms) {
			for (i = 0; i < n; i++)
				if (m->shown[i] < 0)
					show_screen(&c[i], i + 1);
			die("change %d: %d of %d screens do not show '%s' "
			    "after %d ms%s", k + 1, waiting, n, ch->text,
			    o->timeout_ms, open ? " (the command still runs)" :
			    "");
		}
		for (i = 0; i < n; i++)
			p[i] = (struct pollfd){ .fd = c[i].fd, .events = POLLIN };
		p[n] = (struct pollfd){ .fd = open ? fd : -1, .events = POLLIN };
		if (poll(p, (nfds_t)n + 1, o->quiet_ms / 4 + 1) < 0 &&
		    errno != EINTR)
			die("poll: %s", strerror(errno));
		for (i = 0; i < n; i++) {
			if (p[i].revents == 0)
				continue;
			if (pump(&c[i], 0) < 0)
				die("%s (screen %d) ended", o->argv[0], i + 1);
			last = c[i].last_read;
			if (m->shown[i] < 0 && vt_contains(&c[i].vt, ch->text))
				m->shown[i] = c[i].last_read;
		}
		if (open && p[n].revents != 0) {
			char buf[1024];
			ssize_t r = read(fd, buf, sizeof buf);

			if (r > 0) {
				/* What does not fit is read and dropped. */
				size_t keep = sizeof out - 1 - nout;

				if ((size_t)r < keep)
					keep = (size_t)r;
				memcpy(out + nout, buf, keep);
				nout += keep;
				continue;
			}
			if (r < 0 && errno == EINTR)
				continue;
			ended = now_ms();
			open = 0;
			close(fd);
			out[nout] = '\0';
			if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
			    WEXITSTATUS(st) != 0)
				die("change %d: '%s' failed: %s", k + 1, ch->cmd,
				    out);
		}
	}
	m->commit = (at = strstr(out, "commit_ms=")) != NULL ?
	    strtod(at + 10, NULL) : t0;
	m->command_ms = ended - t0;
	for (i = 0; i < n; i++)
		m->bytes[i] = c[i].bytes - before[i];
}

/* -C: N screens, o->changes changes made elsewhere. */
static void
watch(struct opts *o)
{
	int n = o->screens, k, i, ns = 0;
	struct child *c = calloc((size_t)n, sizeof *c);
	double *lat = calloc((size_t)(n * o->changes), sizeof *lat);
	double *all = calloc((size_t)o->changes, sizeof *all);
	double *cmd = calloc((size_t)o->changes, sizeof *cmd);
	double *bytes = calloc((size_t)(n * o->changes), sizeof *bytes);
	double shown[MAX_LIST], last, total = 0;
	long long nb[MAX_LIST];
	struct made m = { .shown = shown, .bytes = nb };

	if (c == NULL || lat == NULL || all == NULL || cmd == NULL ||
	    bytes == NULL)
		die("out of memory");
	for (i = 0; i < n; i++) {
		double t0 = now_ms();

		start(&c[i], o, i + 1);
		if (i > 0)
			c[i].log = NULL;	/* the log is of the first */
		first_frame(&c[i], o, t0, &last);
	}
	/* The others' titles change as each arrives. */
	settle(c, n, o, 1000);
	for (k = 0; k < o->changes; k++) {
		make_change(c, n, o, k, &m);
		all[k] = 0;
		for (i = 0; i < n; i++) {
			double l = shown[i] - m.commit;

			lat[ns] = l;
			bytes[ns++] = (double)nb[i];
			total += (double)nb[i];
			if (l > all[k])
				all[k] = l;
			if (o->raw != NULL)
				fprintf(o->raw, "change %d %d %.3f %lld\n", k + 1,
				    i + 1, l, nb[i]);
		}
		cmd[k] = m.command_ms;
	}
	if (o->dump != NULL)
		dump_screen(&c[0].vt, o->dump);
	for (i = 0; i < n; i++)
		finish(&c[i]);
	qsort(lat, (size_t)ns, sizeof *lat, dbl_cmp);
	qsort(bytes, (size_t)ns, sizeof *bytes, dbl_cmp);
	printf("change screens=%d changes=%d latency_ms=%.3f "
	    "latency_ms_p90=%.3f latency_ms_max=%.3f", n, o->changes,
	    median(lat, ns), lat[ns - 1 - ns / 10], lat[ns - 1]);
	qsort(all, (size_t)o->changes, sizeof *all, dbl_cmp);
	printf(" all_ms=%.3f all_ms_max=%.3f", median(all, o->changes),
	    all[o->changes - 1]);
	printf(" bytes=%.0f per_screen=%.1f min=%.0f max=%.0f command_ms=%.3f\n",
	    total, total / ns, bytes[0], bytes[ns - 1],
	    median(cmd, o->changes));
	free(c);
	free(lat);
	free(all);
	free(cmd);
	free(bytes);
}

static void
parse_change(struct opts *o, char *spec)
{
	char *bar = strchr(spec, '|');

	if (o->nchange >= MAX_LIST)
		die("too many -C");
	if (bar == NULL || bar == spec || bar[1] == '\0')
		die("a change is TEXT|COMMAND, not '%s'", spec);
	*bar = '\0';
	o->change[o->nchange].text = spec;
	o->change[o->nchange++].cmd = bar + 1;
}

static void
usage(void)
{
	fputs("usage: ptybench [-s COLSxROWS] [-n RUNS] [-q QUIET_MS] "
	    "[-w WAIT_MS]\n"
	    "                [-I IDLE_MS] [-P SCREENS -K COUNT -C 'TEXT|COMMAND'"
	    "...]\n"
	    "                [-t TIMEOUT_MS] [-e TEXT]... [-E VAR=VALUE]... "
	    "[-R REPEAT]\n"
	    "                [-m LABEL:KEY,...:COUNT]... [-d FILE] [-l FILE] "
	    "[-r FILE]\n"
	    "                -- PROGRAM [ARG...]\n", stderr);
	exit(2);
}

static void
parse(int argc, char **argv, struct opts *o)
{
	int ch;

	memset(o, 0, sizeof *o);
	o->rows = 24;
	o->cols = 80;
	o->runs = 1;
	o->repeat = 1;
	o->quiet_ms = 200;
	o->wait_ms = 500;
	o->timeout_ms = 10000;
	o->screens = 1;
	o->changes = 1;
	while ((ch = getopt(argc, argv, "s:n:q:w:t:e:E:R:m:d:l:r:I:P:K:C:")) !=
	    -1) {
		switch (ch) {
		case 's':
			if (sscanf(optarg, "%dx%d", &o->cols, &o->rows) != 2 ||
			    o->cols < 1 || o->rows < 1)
				usage();
			break;
		case 'n':
			o->runs = atoi(optarg);
			break;
		case 'q':
			o->quiet_ms = atoi(optarg);
			break;
		case 'w':
			o->wait_ms = atoi(optarg);
			break;
		case 't':
			o->timeout_ms = atoi(optarg);
			break;
		case 'e':
			if (o->nexpect >= MAX_LIST)
				die("too many -e");
			o->expect[o->nexpect++] = optarg;
			break;
		case 'E':
			if (o->nenv >= MAX_LIST)
				die("too many -E");
			o->env[o->nenv++] = optarg;
			break;
		case 'R':
			o->repeat = atoi(optarg);
			break;
		case 'm':
			parse_phase(o, optarg);
			break;
		case 'd':
			o->dump = optarg;
			break;
		case 'I':
			o->idle_ms = atoi(optarg);
			break;
		case 'P':
			o->screens = atoi(optarg);
			break;
		case 'K':
			o->changes = atoi(optarg);
			break;
		case 'C':
			parse_change(o, optarg);
			break;
		case 'r':
			if ((o->raw = fopen(optarg, "a")) == NULL)
				die("%s: %s", optarg, strerror(errno));
			break;
		case 'l':
			if ((o->log = fopen(optarg, "w")) == NULL)
				die("%s: %s", optarg, strerror(errno));
			break;
		default:
			usage();
		}
	}
	if (optind >= argc || o->runs < 1 || o->repeat < 1 ||
	    o->quiet_ms < 1 || o->runs > MAX_SAMPLES || o->idle_ms < 0 ||
	    o->screens < 1 || o->screens > MAX_LIST || o->changes < 1)
		usage();
	o->argv = argv + optind;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct child c;
	double *frame, *last, *bytes, *rss;
	int run, i;

	setlocale(LC_CTYPE, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	parse(argc, argv, &o);
	if (o.nchange > 0) {
		watch(&o);
		if (o.raw != NULL && fclose(o.raw) != 0)
			die("cannot write the raw results");
		if (o.log != NULL)
			fclose(o.log);
		return 0;
	}
	frame = calloc((size_t)o.runs, sizeof *frame);
	last = calloc((size_t)o.runs, sizeof *last);
	bytes = calloc((size_t)o.runs, sizeof *bytes);
	rss = calloc((size_t)o.runs, sizeof *rss);
	if (frame == NULL || last == NULL || bytes == NULL || rss == NULL)
		die("out of memory");
	for (run = 0; run < o.runs; run++) {
		double t0 = now_ms();

		start(&c, &o, 1);
		frame[run] = first_frame(&c, &o, t0, &last[run]);
		bytes[run] = (double)c.bytes;
		run_phases(&c, &o);
		if (o.idle_ms > 0 && run == o.runs - 1)
			idle(&c, &o);
		if (o.dump != NULL && run == o.runs - 1)
			dump_screen(&c.vt, o.dump);
		finish(&c);
		rss[run] = (double)c.ru.ru_maxrss;
		if (o.raw != NULL)
			fprintf(o.raw, "%.3f %.3f %.0f %.0f\n", frame[run],
			    last[run], bytes[run], rss[run]);
	}
	printf("start runs=%d frame_ms=%.3f", o.runs, median(frame, o.runs));
	printf(" frame_ms_min=%.3f frame_ms_max=%.3f", frame[0],
	    frame[o.runs - 1]);
	printf(" frame_ms_p10=%.3f frame_ms_p90=%.3f",
	    frame[o.runs / 10], frame[o.runs - 1 - o.runs / 10]);
	printf(" last_ms=%.3f bytes=%.0f maxrss_kb=%.0f\n",
	    median(last, o.runs), median(bytes, o.runs), median(rss, o.runs));
	for (i = 0; i < o.nphase; i++) {
		struct phase *p = &o.phase[i];

		if (strcmp(p->label, "-") == 0)
			continue;
		printf("phase label=%s keys=%d bytes=%lld per_key=%.1f min=%lld "
		    "max=%lld latency_ms=%.3f\n", p->label, p->sent, p->bytes,
		    p->sent ? (double)p->bytes / p->sent : 0.0, p->min, p->max,
		    median(p->latency, p->nlatency));
	}
	if (o.raw != NULL && fclose(o.raw) != 0)
		die("cannot write the raw results");
	if (o.log != NULL)
		fclose(o.log);
	for (i = 0; i < o.nphase; i++)
		free(o.phase[i].latency);
	free(frame);
	free(last);
	free(bytes);
	free(rss);
	return 0;
}
