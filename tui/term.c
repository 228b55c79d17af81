/* term.c - the terminal: checking it, taking it over, giving it back,
 * the theme's colours, and the signals that end the explorer. */
#include "config.h"

#include "ui.h"

#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Quit on SIGINT, SIGTERM and SIGHUP (a dropped SSH connection) through
 * the loop, so the terminal is restored and a note being typed is saved.
 * Installed before newterm, so curses leaves them alone. */
static void
catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

int
ui_signal(void)
{
	return got_signal;
}

/* Curses attributes for a theme's attribute bits. */
static attr_t
curses_attrs(unsigned attrs)
{
	attr_t a = A_NORMAL;

	if (attrs & THEME_ATTR_BOLD)
		a |= A_BOLD;
	if (attrs & THEME_ATTR_DIM)
		a |= A_DIM;
	if (attrs & THEME_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (attrs & THEME_ATTR_REVERSE)
		a |= A_REVERSE;
	if (attrs & THEME_ATTR_STANDOUT)
		a |= A_STANDOUT;
#ifdef A_ITALIC
	if (attrs & THEME_ATTR_ITALIC)
		a |= A_ITALIC;
#endif
	return a;
}

/* The colour to ask curses for: on a direct-colour terminal (more
 * than 256 colours, such as TERM=xterm-direct) a number is an RGB value
 * except 0-7, so palette colours 8-255 go as their RGB. */
static int
curses_colour(int c, int ncolours)
{
	if (ncolours > 256 && c >= 8)
		return (int)theme_colour_rgb(c);
	return c;
}

/* Make pair N with FG on BG; whether it worked. */
static int
make_pair(int n, int fg, int bg)
{
#ifdef HAVE_INIT_EXTENDED_PAIR
	return init_extended_pair(n, fg, bg) == OK;
#else
	return init_pair((short)n, (short)fg, (short)bg) == OK;
#endif
}

/* Give each role the style the theme says, as drawn with NCOLOURS
 * colours (0: attributes only).  Roles with the same colours share a
 * colour pair. */
static void
apply_theme(struct ui *ui, const struct theme *t, int ncolours,
    int default_colours)
{
	int fgs[ROLE_COUNT], bgs[ROLE_COUNT];
	int r, npairs = 0, i;

	for (r = 0; r < ROLE_COUNT; r++) {
		struct theme_style st = theme_style_for(t, (enum theme_role)r,
		    ncolours);
		int pair = 0;

		ui->style[r] = curses_attrs(st.attrs);
		if (ncolours == 0 || (st.fg < 0 && st.bg < 0))
			continue;
		/* Without use_default_colors, "default" is white on black. */
		if (!default_colours) {
			if (st.fg < 0)
				st.fg = COLOR_WHITE;
			if (st.bg < 0)
				st.bg = COLOR_BLACK;
		}
		st.fg = st.fg < 0 ? st.fg : curses_colour(st.fg, ncolours);
		st.bg = st.bg < 0 ? st.bg : curses_colour(st.bg, ncolours);
		for (i = 0; i < npairs; i++)
			if (fgs[i] == st.fg && bgs[i] == st.bg)
				pair = i + 1;
		if (pair == 0 && npairs + 1 < COLOR_PAIRS) {
			fgs[npairs] = st.fg;
			bgs[npairs] = st.bg;
			if (make_pair(npairs + 1, st.fg, st.bg))
				pair = ++npairs;
		}
		ui->style[r] |= COLOR_PAIR(pair);
	}
	/* A theme that gives `normal` colours paints them on every cell,
	 * blank ones included: they are each window's background, which
	 * curses also gives every cell drawn without a colour pair.  Only
	 * the property is set (wbkgdset, not wbkgd, which rewrites every
	 * cell): each window is erased to it before it is drawn. */
	ui->paint = ui->style[ROLE_NORMAL] & A_COLOR;
	wbkgdset(stdscr, ' ' | ui->paint);
}

void
ui_paint_windows(struct ui *ui)
{
	WINDOW *ws[] = { ui->w_title, ui->w_context, ui->w_body,
	    ui->w_side, ui->w_scores, ui->w_hint };
	size_t i;

	for (i = 0; i < sizeof ws / sizeof ws[0]; i++)
		if (ws[i] != NULL)
			wbkgdset(ws[i], ' ' | ui->paint);
}

static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

/* Whether the terminfo database has an entry called TERM, though
 * setupterm refused it (as it does a "generic" entry such as ibm327x):
 * its file in any of the directories ncurses searches. */
static int
terminfo_has(const char *term)
{
	static const char *const fixed[] = { "/etc/terminfo",
	    "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo",
	    "/usr/share/lib/terminfo", "/usr/local/share/terminfo" };
	const char *ti = getenv("TERMINFO"), *home = getenv("HOME");
	const char *dirs = getenv("TERMINFO_DIRS");
	char dir[1024], path[2048];
	struct stat st;
	size_t i, n;
	int k;

	if (term[0] == '\0' || term[0] == '.' || strchr(term, '/') != NULL ||
	    strlen(term) > 255)
		return 0;
	for (k = 0; ; k++) {
		if (k == 0 && ti != NULL)
			snprintf(dir, sizeof dir, "%s", ti);
		else if (k == 1 && home != NULL)
			snprintf(dir, sizeof dir, "%s/.terminfo", home);
		else if (k == 2 && dirs != NULL && *dirs != '\0') {
			n = strcspn(dirs, ":");
			snprintf(dir, sizeof dir, "%.*s", (int)n, dirs);
			dirs += n + (dirs[n] == ':');
			k--;
		} else if (k >= 3 && (size_t)(k - 3) < sizeof fixed /
		    sizeof fixed[0])
			snprintf(dir, sizeof dir, "%s", fixed[k - 3]);
		else if (k >= 3)
			return 0;
		else
			continue;
		if (dir[0] == '\0')
			continue;
		/* The first letter, or its hex code (macOS). */
		for (i = 0; i < 2; i++) {
			if (i == 0)
				snprintf(path, sizeof path, "%s/%c/%s", dir,
				    term[0], term);
			else
				snprintf(path, sizeof path, "%s/%02x/%s", dir,
				    (unsigned char)term[0], term);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
				return 1;
		}
	}
}

/* Whether TERM names a terminal that answers (or safely ignores) the
 * OSC 11 background colour query: xterm and its kin. */
static int
term_answers_osc(const char *term)
{
	static const char *const kin[] = { "xterm", "rxvt", "urxvt",
	    "screen", "tmux", "vte", "gnome", "konsole", "alacritty",
	    "kitty", "foot", "wezterm", "iterm", "mintty", "st-", "contour" };
	size_t i;

	for (i = 0; i < sizeof kin / sizeof kin[0]; i++)
		if (strncmp(term, kin[i], strlen(kin[i])) == 0)
			return 1;
	return 0;
}

/* Milliseconds on a clock that only goes forward. */
static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Whether the N bytes at BUF hold the whole answer to the device
 * attributes request (ESC [ ? ... c). */
static int
da1_answered(const char *buf, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++)
		if (buf[i] == '\033' && buf[i + 1] == '[' && buf[i + 2] == '?')
			return memchr(buf + i + 3, 'c', n - i - 3) != NULL;
	return 0;
}

/* Ask the terminal its background colour (OSC 11), then its device
 * attributes (DA1), which every terminal answers, in order: once that
 * answer is in, so is the colour if the terminal knows the query.  At
 * most QUERY_MS; whatever arrives is read here and never reaches the
 * explorer's keys (the input is flushed when the answers are not
 * complete).  0 with *RGB, or -1. */
#define QUERY_MS 50
static int
query_background(unsigned long *rgb)
{
	static const char q[] = "\033]11;?\a\033[c";
	struct termios old, raw;
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	char buf[256];
	size_t n = 0;
	long end;
	int done = 0, left;
	ssize_t got;

	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return -1;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return -1;
	end = now_ms() + QUERY_MS;
	if (write(STDOUT_FILENO, q, sizeof q - 1) == (ssize_t)(sizeof q - 1))
		while (!done && n < sizeof buf - 1 &&
		    (left = (int)(end - now_ms())) > 0 &&
		    poll(&pfd, 1, left) > 0) {
			got = read(STDIN_FILENO, buf + n, sizeof buf - 1 - n);
			if (got <= 0)
				break;
			n += (size_t)got;
			done = da1_answered(buf, n);
		}
	if (!done)
		tcflush(STDIN_FILENO, TCIFLUSH);
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	return theme_osc_rgb(buf, n, rgb);
}

/* What the terminal says of its background: 1 light, 0 dark, -1 it
 * does not say.  COLORFGBG first (rxvt, Konsole and others set it); then
 * the OSC 11 query, for xterm's kin, and not where the answer could come
 * too late to be read here (over SSH, outside tmux and screen, which
 * answer it themselves). */
static int
background_light(const char *term)
{
	unsigned long rgb;
	int light = theme_colorfgbg_light(getenv("COLORFGBG"));
	const char *ssh = getenv("SSH_CONNECTION");

	if (light >= 0 || !term_answers_osc(term))
		return light;
	if (ssh != NULL && ssh[0] != '\0' && getenv("TMUX") == NULL &&
	    getenv("STY") == NULL)
		return -1;
	if (query_background(&rgb) != 0)
		return -1;
	return theme_rgb_is_light(rgb);
}

/* TERM's terminfo entry: one that can drive a full screen, or a
 * message saying why not.  Sets ui->ncolours from it when COLOUR. */
static int
check_terminfo(struct ui *ui, const char *term, int colour, struct err *e)
{
	char *cup, qt[128];
	int err = 0;

	/* Named in messages with its control characters escaped. */
	err_quote(qt, sizeof qt, term, strlen(term));
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		if (err == 1)
			err_set(e, "terminal type '%s' is a "
			    "printing terminal; the explorer needs a screen",
			    qt);
		else if (err == 0 && terminfo_has(term))
			err_set(e, "terminal type '%s' has no cursor "
			    "addressing (its terminfo entry is for a line-mode "
			    "or generic terminal); the explorer needs a "
			    "full-screen terminal (try TERM=xterm)", qt);
		else if (err == 0)
			err_set(e, "unknown terminal type '%s' "
			    "(no terminfo entry; try TERM=xterm)", qt);
		else
			err_set(e, "cannot find the terminfo "
			    "database for '%s'", qt);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		err_set(e, "terminal type '%s' has no cursor "
		    "addressing; the explorer needs a full-screen terminal",
		    qt);
		del_curterm(cur_term);
		return -1;
	}
	/* Colours as the terminal has them, unless turned off. */
	ui->ncolours = 0;
	if (colour && tigetnum("colors") >= 8)
		ui->ncolours = tigetnum("colors");
	del_curterm(cur_term);
	return 0;
}

int
ui_check(struct ui *ui, const struct ui_opts *o, struct err *e)
{
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	struct err me;
	int light = -1;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		err_set(e, "the explorer needs a terminal, and "
		    "standard %s is not one (for scripts, use 'tradeoff "
		    "eval')", isatty(STDIN_FILENO) ? "output" : "input");
		return -1;
	}
	if (term == NULL || term[0] == '\0') {
		err_set(e, "TERM is not set, so the terminal "
		    "cannot be driven (try TERM=xterm)");
		return -1;
	}
	if (strcmp(term, "dumb") == 0) {
		err_set(e, "TERM=dumb cannot move the cursor; "
		    "the explorer needs a full-screen terminal (try "
		    "TERM=xterm, or use 'tradeoff eval')");
		return -1;
	}
	if (check_terminfo(ui, term, !o->no_colour && (nc == NULL ||
	    nc[0] == '\0'), e) != 0)
		return -1;
	/* A light background picks the light theme; --theme always wins,
	 * and without colour there is nothing to pick. */
	if (o->theme == NULL && ui->ncolours > 0)
		light = background_light(term);
	if (theme_choose(&ui->theme, o->theme, o->datadir, ui->ncolours,
	    light == 1, &me) != 0) {
		err_set(e, "%s", me.msg);
		return -1;
	}
	ui->ascii = o->ascii;
	return 0;
}

int
ui_start(struct ui *ui, struct err *e)
{
	const char *term = getenv("TERM");
	int ncolours = ui->ncolours, default_colours = 0;

	catch_signals();
#ifdef HAVE_SET_ESCDELAY
	/* Esc should answer at once; a user's ESCDELAY wins. */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
#endif
	ui->screen = newterm(term, stdout, stdin);
	if (ui->screen == NULL) {
		char qt[128];

		err_set(e, "cannot start the terminal '%s'", err_quote(qt,
		    sizeof qt, term != NULL ? term : "", term != NULL ?
		    strlen(term) : 0));
		return -1;
	}
	set_term(ui->screen);
	/* ncurses writes its output out after every cursor movement until
	 * the screen has once been through endwin() (_nc_mvcur flushes
	 * while _endwin is ewInitial): an arrow key was 4 writes, a frame
	 * 37, each a packet of its own over SSH.  After this endwin() the
	 * first doupdate() resumes the screen, and each update is one
	 * write; it costs 86 bytes once (the alternate screen left and
	 * entered in the same burst). */
	endwin();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	wtimeout(stdscr, 500);
	curs_set(0);
	ui->utf8 = !ui->ascii && locale_is_utf8();
	if (ncolours > 0 && has_colors() && start_color() == OK) {
#ifdef HAVE_USE_DEFAULT_COLORS
		default_colours = use_default_colors() == OK;
#endif
		ncolours = COLORS;
#ifndef HAVE_INIT_EXTENDED_PAIR
		/* Direct colour needs pairs of RGB values: keep to the 8
		 * colours such terminals number as usual. */
		if (ncolours > 256)
			ncolours = 8;
#endif
	} else
		ncolours = 0;
	ui->colour = ncolours > 0;
	apply_theme(ui, &ui->theme, ncolours, default_colours);
	return 0;
}

void
ui_windows_free(struct ui *ui)
{
	WINDOW **ws[] = { &ui->w_title, &ui->w_context, &ui->w_body,
	    &ui->w_side, &ui->w_scores, &ui->w_hint };
	size_t i;

	for (i = 0; i < sizeof ws / sizeof ws[0]; i++)
		if (*ws[i] != NULL) {
			delwin(*ws[i]);
			*ws[i] = NULL;
		}
}

void
ui_end(struct ui *ui)
{
	if (ui->screen == NULL)
		return;
	ui_windows_free(ui);
	curs_set(1);
	endwin();
	delscreen(ui->screen);
	ui->screen = NULL;
}

