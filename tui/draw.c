/* draw.c - putting text, lines and bars into windows. */
#include "config.h"

#include "ui.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LINE_MAX_CHARS 1024

int
draw_text_len(struct ui *ui, WINDOW *w, int y, int x, int maxcols,
    enum theme_role role, const char *s, size_t len)
{
	wchar_t buf[LINE_MAX_CHARS + 1];
	size_t n, i;
	int cols = 0, cw;

	if (maxcols <= 0)
		return 0;
	n = text_decode(s, len, buf, LINE_MAX_CHARS, ui->utf8);
	for (i = 0; i < n; i++) {
		cw = ui->utf8 ? text_wcwidth(buf[i]) : 1;
		if (cols + cw > maxcols)
			break;
		cols += cw;
	}
	if (i < n) {
		/* Too long: end in an ellipsis. */
		while (i > 0 && cols + 1 > maxcols) {
			i--;
			cols -= ui->utf8 ? text_wcwidth(buf[i]) : 1;
		}
		buf[i++] = ui->utf8 ? 0x2026 : '~';
		cols++;
	}
	buf[i] = L'\0';
	wattrset(w, ui->style[role]);
	mvwaddnwstr(w, y, x, buf, (int)i);
	wattrset(w, ui->style[ROLE_NORMAL]);
	return cols;
}

int
draw_text(struct ui *ui, WINDOW *w, int y, int x, int maxcols, enum theme_role role,
    const char *s)
{
	return draw_text_len(ui, w, y, x, maxcols, role, s, strlen(s));
}

void
draw_fmt(struct ui *ui, WINDOW *w, int y, int x, int maxcols, enum theme_role role,
    const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	draw_text(ui, w, y, x, maxcols, role, buf);
}

int
draw_wrapped(struct ui *ui, WINDOW *w, int y, int x, int cols, int maxrows,
    int skip, enum theme_role role, const char *s)
{
	struct text_line lines[256];
	int n, i, shown;

	n = text_wrap(s, cols, ui->utf8, lines, 256);
	shown = n < 256 ? n : 256;
	for (i = skip; i < shown && i - skip < maxrows; i++)
		draw_text_len(ui, w, y + i - skip, x, cols, role,
		    s + lines[i].off, lines[i].len);
	return n;
}

void
draw_cchar(const struct ui *ui, cchar_t *cc, const wchar_t *wc,
    enum theme_role role)
{
	/* setcchar takes the colour pair apart from the attributes and
	 * ignores the pair bits among them. */
	setcchar(cc, wc, ui->style[role] & ~A_COLOR,
	    (short)PAIR_NUMBER(ui->style[role]), NULL);
}

void
draw_fill(struct ui *ui, WINDOW *w, int y, int x, int n, enum theme_role role,
    const char *utf8_char, char ascii)
{
	cchar_t cc;
	wchar_t wc[2] = { 0, 0 };
	int i;

	if (n <= 0)
		return;
	if (ui->utf8)
		text_decode(utf8_char, strlen(utf8_char), wc, 1, 1);
	else
		wc[0] = (wchar_t)ascii;
	draw_cchar(ui, &cc, wc, role);
	for (i = 0; i < n; i++)
		mvwadd_wch(w, y, x + i, &cc);
}

void
draw_hline(struct ui *ui, WINDOW *w, int y, int x, int n)
{
	draw_fill(ui, w, y, x, n, ROLE_BORDER, "\xe2\x94\x80", '-');
}

void
draw_vline(struct ui *ui, WINDOW *w, int y, int x, int n)
{
	int i;

	for (i = 0; i < n; i++)
		draw_fill(ui, w, y + i, x, 1, ROLE_BORDER, "\xe2\x94\x82", '|');
}

void
draw_bar(struct ui *ui, WINDOW *w, int y, int x, int width, double value,
    enum theme_role role)
{
	static const char *const eighths[] = { "", "\xe2\x96\x8f",
	    "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c", "\xe2\x96\x8b",
	    "\xe2\x96\x8a", "\xe2\x96\x89" };
	int units, full, part;

	if (width <= 0)
		return;
	if (value < 0)
		value = 0;
	if (value > 100)
		value = 100;
	/* Eighths of a cell where the terminal has them. */
	units = (int)(value / 100.0 * width * (ui->utf8 ? 8 : 1) + 0.5);
	full = ui->utf8 ? units / 8 : units;
	part = ui->utf8 ? units % 8 : 0;
	if (ui->style[role] & A_REVERSE) {
		/* Reverse video turns a block into background: a full cell
		 * is a reversed blank, and a part cell rounds. */
		full += part >= 4;
		part = 0;
		draw_fill(ui, w, y, x, full, role, " ", ' ');
	} else
		draw_fill(ui, w, y, x, full, role, "\xe2\x96\x88", '#');
	if (part > 0)
		draw_fill(ui, w, y, x + full, 1, role, eighths[part], '#');
	draw_fill(ui, w, y, x + full + (part > 0), width - full - (part > 0),
	    ROLE_BAR_TRACK, "\xe2\x96\x91", '.');
}

/* The length of S without its trailing blanks. */
static size_t
trimmed_len(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

void
pager_start(struct pager *p, struct ui *ui, struct scroll *sc, WINDOW *w,
    int rows, int cols)
{
	p->ui = ui;
	p->sc = sc;
	p->w = w;
	p->rows = rows;
	p->cols = cols;
	p->line = 0;
}

void
pager_text(struct pager *p, int indent, enum theme_role label_role,
    const char *label, enum theme_role role, const char *text)
{
	struct ui *ui = p->ui;
	struct text_line lines[256];
	int lw = label != NULL ? text_width(label, ui->utf8) + 1 : 0;
	int width = p->cols - indent - lw - 1, n, i, y;

	if (width < 8)
		width = 8;
	n = text_wrap(text, width, ui->utf8, lines, 256);
	for (i = 0; i < n && i < 256; i++, p->line++) {
		y = p->line - p->sc->top;
		if (y < 0 || y >= p->rows)
			continue;
		/* The label's padding is not drawn in its role, which
		 * may have a background. */
		if (i == 0 && label != NULL)
			draw_text_len(ui, p->w, y, indent, lw, label_role,
			    label, trimmed_len(label));
		draw_text_len(ui, p->w, y, indent + lw, width, role,
		    text + lines[i].off, lines[i].len);
	}
}

void
pager_blank(struct pager *p)
{
	p->line++;
}

void
pager_end(struct pager *p)
{
	struct scroll *sc = p->sc;

	/* A page that does not fit gives its last line to the mark: the
	 * text scrolls in the lines above it, and the mark covers none. */
	sc->max = p->line > p->rows ? p->line - (p->rows - 1) : 0;
	if (sc->top > sc->max)
		sc->top = sc->max;
	if (sc->max > 0) {
		wmove(p->w, p->rows - 1, 0);
		wclrtoeol(p->w);
		draw_text(p->ui, p->w, p->rows - 1, p->cols - 12, 12, ROLE_DIM,
		    sc->top < sc->max ? (p->ui->utf8 ? " \xe2\x86\x93 more " :
		    " v more ") : " end ");
	}
}

int
scroll_key(struct scroll *sc, enum action act, int page)
{
	switch (act) {
	case ACT_DOWN:
		sc->top++;
		break;
	case ACT_UP:
		sc->top--;
		break;
	case ACT_PAGE_DOWN:
		sc->top += page;
		break;
	case ACT_PAGE_UP:
		sc->top -= page;
		break;
	default:
		return UI_NONE;
	}
	if (sc->top > sc->max)
		sc->top = sc->max;
	if (sc->top < 0)
		sc->top = 0;
	return UI_DRAW;
}
