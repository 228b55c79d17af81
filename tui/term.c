/* term.c - the terminal: checking it, taking it over, giving it back,
 * the theme's colours, and the signals that end the explorer. */
#include "config.h"

#include "ui.h"

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
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

/* Give each role the style the theme says, as drawn with NCOLOURS
 * colours (0: attributes only).  Roles with the same colours share a
 * colour pair. */
static void
apply_theme(struct ui *ui, const struct theme *t, int ncolours,
    int default_colours)
{
	short fgs[ROLE_COUNT], bgs[ROLE_COUNT];
	int r, npairs = 0, i;

	for (r = 0; r < ROLE_COUNT; r++) {
		struct theme_style st = theme_style_for(t, (enum theme_role)r,
		    ncolours);
		short pair = 0;

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
		for (i = 0; i < npairs; i++)
			if (fgs[i] == st.fg && bgs[i] == st.bg)
				pair = (short)(i + 1);
		if (pair == 0 && npairs + 1 < COLOR_PAIRS) {
			fgs[npairs] = (short)st.fg;
			bgs[npairs] = (short)st.bg;
			if (init_pair((short)(npairs + 1), (short)st.fg,
			    (short)st.bg) == OK)
				pair = (short)(++npairs);
		}
		ui->style[r] |= COLOR_PAIR(pair);
	}
}

static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
}

int
ui_check(struct ui *ui, const struct ui_opts *o, struct err *e)
{
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	struct err me;
	char *cup;
	int err = 0;

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
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		if (err == 1)
			err_set(e, "terminal type '%s' is a "
			    "printing terminal; the explorer needs a screen",
			    term);
		else if (err == 0)
			err_set(e, "unknown terminal type '%s' "
			    "(no terminfo entry; try TERM=xterm)", term);
		else
			err_set(e, "cannot find the terminfo "
			    "database for '%s'", term);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		err_set(e, "terminal type '%s' has no cursor "
		    "addressing; the explorer needs a full-screen terminal",
		    term);
		del_curterm(cur_term);
		return -1;
	}
	/* Colours as the terminal has them, unless turned off. */
	ui->ncolours = 0;
	if (!o->no_colour && (nc == NULL || nc[0] == '\0') &&
	    tigetnum("colors") >= 8)
		ui->ncolours = tigetnum("colors");
	del_curterm(cur_term);
	if (theme_choose(&ui->theme, o->theme, o->datadir, ui->ncolours, 0,
	    &me) != 0) {
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
		err_set(e, "cannot start the terminal '%s'", term);
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

