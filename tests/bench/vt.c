/* vt.c - a small terminal emulator for the benchmarks; see vt.h. */
/* wcwidth */
#define _GNU_SOURCE 1
#include "config.h"

#include "vt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

enum { S_GROUND, S_ESC, S_CHARSET, S_SKIP1, S_CSI, S_STRING, S_STRING_ESC };

/* A cell covered by the right half of a wide character. */
#define WIDE_TAIL 0xffffffffu

/* Attribute signature: flags in bits 0-7, foreground 8-17, background
 * 18-27 (0 is the default colour, else colour + 1). */
#define A_FLAGS 0xffu
#define A_FG_SHIFT 8
#define A_BG_SHIFT 18
#define A_COLOUR_MASK 0x3ffu
#define A_BG_ONLY (A_COLOUR_MASK << A_BG_SHIFT)

static const uint16_t dec_graphics[32] = {
	/* 0x5f .. 0x7e */
	0x00a0, 0x25c6, 0x2592, 0x2409, 0x240c, 0x240d, 0x240a, 0x00b0,
	0x00b1, 0x2424, 0x240b, 0x2518, 0x2510, 0x250c, 0x2514, 0x253c,
	0x23ba, 0x23bb, 0x2500, 0x23bc, 0x23bd, 0x251c, 0x2524, 0x2534,
	0x252c, 0x2502, 0x2264, 0x2265, 0x03c0, 0x2260, 0x00a3, 0x00b7,
};

static uint32_t *
cell(struct vt *vt, int y, int x)
{
	return &vt->ch[(size_t)y * (size_t)vt->cols + (size_t)x];
}

static uint32_t *
cell_attr(struct vt *vt, int y, int x)
{
	return &vt->at[(size_t)y * (size_t)vt->cols + (size_t)x];
}

/* Blank cells X0..X1-1 of row Y with the current background. */
static void
blank(struct vt *vt, int y, int x0, int x1)
{
	int x;

	if (x0 < 0)
		x0 = 0;
	if (x1 > vt->cols)
		x1 = vt->cols;
	for (x = x0; x < x1; x++) {
		*cell(vt, y, x) = 0;
		*cell_attr(vt, y, x) = vt->attr & A_BG_ONLY;
	}
}

static void
copy_row(struct vt *vt, int to, int from)
{
	size_t n = (size_t)vt->cols;

	memmove(cell(vt, to, 0), cell(vt, from, 0), n * sizeof *vt->ch);
	memmove(cell_attr(vt, to, 0), cell_attr(vt, from, 0),
	    n * sizeof *vt->at);
}

/* Scroll rows TOP..BOT up by N (new blank rows at the bottom). */
static void
scroll_up(struct vt *vt, int top, int bot, int n)
{
	int y;

	if (n > bot - top + 1)
		n = bot - top + 1;
	for (y = top; y + n <= bot; y++)
		copy_row(vt, y, y + n);
	for (y = bot - n + 1; y <= bot; y++)
		blank(vt, y, 0, vt->cols);
}

static void
scroll_down(struct vt *vt, int top, int bot, int n)
{
	int y;

	if (n > bot - top + 1)
		n = bot - top + 1;
	for (y = bot; y - n >= top; y--)
		copy_row(vt, y, y - n);
	for (y = top; y < top + n; y++)
		blank(vt, y, 0, vt->cols);
}

static void
clear_all(struct vt *vt)
{
	int y;

	for (y = 0; y < vt->rows; y++)
		blank(vt, y, 0, vt->cols);
}

static void
reset(struct vt *vt)
{
	vt->y = vt->x = vt->wrap_pending = 0;
	vt->top = 0;
	vt->bot = vt->rows - 1;
	vt->sy = vt->sx = 0;
	vt->attr = vt->sattr = 0;
	vt->charset[0] = vt->charset[1] = 0;
	vt->gl = 0;
	vt->insert = 0;
	vt->autowrap = 1;
	vt->app_cursor = 0;
	vt->last = ' ';
	vt->state = S_GROUND;
	vt->need = 0;
	clear_all(vt);
}

int
vt_init(struct vt *vt, int rows, int cols)
{
	memset(vt, 0, sizeof *vt);
	vt->rows = rows;
	vt->cols = cols;
	vt->ch = calloc((size_t)rows * (size_t)cols, sizeof *vt->ch);
	vt->at = calloc((size_t)rows * (size_t)cols, sizeof *vt->at);
	if (vt->ch == NULL || vt->at == NULL) {
		vt_free(vt);
		return -1;
	}
	reset(vt);
	return 0;
}

void
vt_free(struct vt *vt)
{
	free(vt->ch);
	free(vt->at);
	vt->ch = vt->at = NULL;
}

int
vt_resize(struct vt *vt, int rows, int cols)
{
	uint32_t *ch = calloc((size_t)rows * (size_t)cols, sizeof *ch);
	uint32_t *at = calloc((size_t)rows * (size_t)cols, sizeof *at);
	int y, x;

	if (ch == NULL || at == NULL) {
		free(ch);
		free(at);
		return -1;
	}
	for (y = 0; y < rows && y < vt->rows; y++)
		for (x = 0; x < cols && x < vt->cols; x++) {
			ch[(size_t)y * (size_t)cols + (size_t)x] = *cell(vt, y, x);
			at[(size_t)y * (size_t)cols + (size_t)x] =
			    *cell_attr(vt, y, x);
		}
	free(vt->ch);
	free(vt->at);
	vt->ch = ch;
	vt->at = at;
	vt->rows = rows;
	vt->cols = cols;
	vt->top = 0;
	vt->bot = rows - 1;
	if (vt->y >= rows)
		vt->y = rows - 1;
	if (vt->x >= cols)
		vt->x = cols - 1;
	vt->wrap_pending = 0;
	return 0;
}

static void
reply(struct vt *vt, const char *s)
{
	size_t n = strlen(s);

	if (vt->nreply + n <= sizeof vt->reply) {
		memcpy(vt->reply + vt->nreply, s, n);
		vt->nreply += n;
	}
}

static void
move_to(struct vt *vt, int y, int x)
{
	vt->y = y < 0 ? 0 : y >= vt->rows ? vt->rows - 1 : y;
	vt->x = x < 0 ? 0 : x >= vt->cols ? vt->cols - 1 : x;
	vt->wrap_pending = 0;
}

static void
linefeed(struct vt *vt)
{
	if (vt->y == vt->bot)
		scroll_up(vt, vt->top, vt->bot, 1);
	else if (vt->y < vt->rows - 1)
		vt->y++;
	vt->wrap_pending = 0;
}

static void
reverse_index(struct vt *vt)
{
	if (vt->y == vt->top)
		scroll_down(vt, vt->top, vt->bot, 1);
	else if (vt->y > 0)
		vt->y--;
	vt->wrap_pending = 0;
}

/* Shift cells X.. of row Y right by N (insert) or left (N < 0). */
static void
shift_row(struct vt *vt, int y, int x, int n)
{
	int c = vt->cols, k;

	if (n > 0) {
		if (n > c - x)
			n = c - x;
		for (k = c - 1; k >= x + n; k--) {
			*cell(vt, y, k) = *cell(vt, y, k - n);
			*cell_attr(vt, y, k) = *cell_attr(vt, y, k - n);
		}
		blank(vt, y, x, x + n);
	} else {
		n = -n;
		if (n > c - x)
			n = c - x;
		for (k = x; k + n < c; k++) {
			*cell(vt, y, k) = *cell(vt, y, k + n);
			*cell_attr(vt, y, k) = *cell_attr(vt, y, k + n);
		}
		blank(vt, y, c - n, c);
	}
}

static void
put(struct vt *vt, uint32_t cp)
{
	int w;

	if (vt->charset[vt->gl] == 1 && cp >= 0x5f && cp <= 0x7e)
		cp = dec_graphics[cp - 0x5f];
	w = wcwidth((wchar_t)cp);
	if (w == 0)
		return;		/* combining: the base cell stands for it */
	if (w < 0)
		w = 1;
	if (vt->wrap_pending || (w == 2 && vt->x == vt->cols - 1)) {
		if (vt->autowrap) {
			vt->x = 0;
			linefeed(vt);
		}
		vt->wrap_pending = 0;
	}
	if (vt->insert)
		shift_row(vt, vt->y, vt->x, w);
	*cell(vt, vt->y, vt->x) = cp;
	*cell_attr(vt, vt->y, vt->x) = vt->attr;
	if (w == 2 && vt->x + 1 < vt->cols) {
		*cell(vt, vt->y, vt->x + 1) = WIDE_TAIL;
		*cell_attr(vt, vt->y, vt->x + 1) = vt->attr;
	}
	vt->last = cp;
	vt->x += w;
	if (vt->x >= vt->cols) {
		vt->x = vt->cols - 1;
		vt->wrap_pending = 1;
	}
}

static int
param(const struct vt *vt, int i, int def)
{
	return i < vt->nparam && vt->param[i] > 0 ? vt->param[i] : def;
}

static uint32_t
set_colour(uint32_t attr, int shift, int colour)
{
	attr &= ~(A_COLOUR_MASK << shift);
	return attr | ((uint32_t)(colour + 1) & A_COLOUR_MASK) << shift;
}

static void
sgr(struct vt *vt)
{
	int i;

	if (vt->nparam == 0) {
		vt->attr = 0;
		return;
	}
	for (i = 0; i < vt->nparam; i++) {
		int p = vt->param[i];

		if (p == 0)
			vt->attr = 0;
		else if (p >= 1 && p <= 8)
			vt->attr |= 1u << (p - 1);
		else if (p >= 21 && p <= 28) {
			vt->attr &= ~(1u << (p - 21));
			if (p == 22)
				vt->attr &= ~3u;	/* bold and faint */
		} else if (p >= 30 && p <= 37)
			vt->attr = set_colour(vt->attr, A_FG_SHIFT, p - 30);
		else if (p == 39)
			vt->attr &= ~(A_COLOUR_MASK << A_FG_SHIFT);
		else if (p >= 40 && p <= 47)
			vt->attr = set_colour(vt->attr, A_BG_SHIFT, p - 40);
		else if (p == 49)
			vt->attr &= ~(A_COLOUR_MASK << A_BG_SHIFT);
		else if (p >= 90 && p <= 97)
			vt->attr = set_colour(vt->attr, A_FG_SHIFT, p - 90 + 8);
		else if (p >= 100 && p <= 107)
			vt->attr = set_colour(vt->attr, A_BG_SHIFT, p - 100 + 8);
		else if ((p == 38 || p == 48) && i + 1 < vt->nparam) {
			int shift = p == 38 ? A_FG_SHIFT : A_BG_SHIFT, c = 0;

			if (vt->param[i + 1] == 5 && i + 2 < vt->nparam) {
				c = vt->param[i + 2] & 0xff;
				i += 2;
			} else if (vt->param[i + 1] == 2 && i + 4 < vt->nparam) {
				/* Direct colour: folded into the signature. */
				c = 256 + (vt->param[i + 2] * 7 +
				    vt->param[i + 3] * 5 + vt->param[i + 4]) %
				    700;
				i += 4;
			} else
				i++;
			vt->attr = set_colour(vt->attr, shift, c);
		}
	}
}

static void
modes(struct vt *vt, int on)
{
	int i;

	for (i = 0; i < vt->nparam; i++) {
		int p = vt->param[i];

		if (vt->priv == '?') {
			if (p == 1)
				vt->app_cursor = on;
			else if (p == 7)
				vt->autowrap = on;
			else if (p == 47 || p == 1047 || p == 1049) {
				/* No separate buffer: either screen starts
				 * out as whatever is drawn next. */
				if (p == 1049 && on) {
					vt->sy = vt->y;
					vt->sx = vt->x;
				}
				clear_all(vt);
			}
		} else if (vt->priv == 0 && p == 4)
			vt->insert = on;
	}
}

static void
csi(struct vt *vt, unsigned char f)
{
	char buf[64];
	int n = param(vt, 0, 1), y;

	if (vt->priv == '>' || vt->priv == '=') {
		if (f == 'c' && vt->priv == '>')
			reply(vt, "\033[>0;276;0c");
		return;
	}
	if (vt->inter != 0)
		return;		/* DECSCUSR and the like: no effect here */
	switch (f) {
	case '@':
		shift_row(vt, vt->y, vt->x, n);
		break;
	case 'A':
		move_to(vt, vt->y - n, vt->x);
		break;
	case 'B':
	case 'e':
		move_to(vt, vt->y + n, vt->x);
		break;
	case 'C':
	case 'a':
		move_to(vt, vt->y, vt->x + n);
		break;
	case 'D':
		move_to(vt, vt->y, vt->x - n);
		break;
	case 'E':
		move_to(vt, vt->y + n, 0);
		break;
	case 'F':
		move_to(vt, vt->y - n, 0);
		break;
	case 'G':
	case '`':
		move_to(vt, vt->y, n - 1);
		break;
	case 'd':
		move_to(vt, n - 1, vt->x);
		break;
	case 'H':
	case 'f':
		move_to(vt, param(vt, 0, 1) - 1, param(vt, 1, 1) - 1);
		break;
	case 'I':
		move_to(vt, vt->y, (vt->x / 8 + n) * 8);
		break;
	case 'Z':
		move_to(vt, vt->y, ((vt->x + 7) / 8 - n) * 8);
		break;
	case 'J':
		if (vt->priv != 0 && vt->priv != '?')
			break;
		switch (param(vt, 0, 0)) {
		case 0:
			blank(vt, vt->y, vt->x, vt->cols);
			for (y = vt->y + 1; y < vt->rows; y++)
				blank(vt, y, 0, vt->cols);
			break;
		case 1:
			for (y = 0; y < vt->y; y++)
				blank(vt, y, 0, vt->cols);
			blank(vt, vt->y, 0, vt->x + 1);
			break;
		default:
			clear_all(vt);
		}
		break;
	case 'K':
		switch (param(vt, 0, 0)) {
		case 0:
			blank(vt, vt->y, vt->x, vt->cols);
			break;
		case 1:
			blank(vt, vt->y, 0, vt->x + 1);
			break;
		default:
			blank(vt, vt->y, 0, vt->cols);
		}
		break;
	case 'L':
		if (vt->y >= vt->top && vt->y <= vt->bot)
			scroll_down(vt, vt->y, vt->bot, n);
		vt->x = 0;
		break;
	case 'M':
		if (vt->y >= vt->top && vt->y <= vt->bot)
			scroll_up(vt, vt->y, vt->bot, n);
		vt->x = 0;
		break;
	case 'P':
		shift_row(vt, vt->y, vt->x, -n);
		break;
	case 'S':
		if (vt->priv == 0)
			scroll_up(vt, vt->top, vt->bot, n);
		break;
	case 'T':
		if (vt->priv == 0 && vt->nparam <= 1)
			scroll_down(vt, vt->top, vt->bot, n);
		break;
	case 'X':
		blank(vt, vt->y, vt->x, vt->x + n);
		break;
	case 'b':
		while (n-- > 0)
			put(vt, vt->last);
		break;
	case 'm':
		if (vt->priv == 0)
			sgr(vt);
		break;
	case 'r':
		if (vt->priv == 0) {
			int t = param(vt, 0, 1) - 1, b = param(vt, 1, vt->rows) - 1;

			if (b >= vt->rows)
				b = vt->rows - 1;
			if (t < b) {
				vt->top = t;
				vt->bot = b;
			}
			move_to(vt, 0, 0);
		}
		break;
	case 'h':
		modes(vt, 1);
		break;
	case 'l':
		modes(vt, 0);
		break;
	case 'n':
		if (param(vt, 0, 0) == 6) {
			snprintf(buf, sizeof buf, "\033[%d;%dR", vt->y + 1,
			    vt->x + 1);
			reply(vt, buf);
		} else if (param(vt, 0, 0) == 5)
			reply(vt, "\033[0n");
		break;
	case 'c':
		if (vt->priv == 0)
			reply(vt, "\033[?1;2c");
		break;
	case 's':
		if (vt->priv == 0) {
			vt->sy = vt->y;
			vt->sx = vt->x;
			vt->sattr = vt->attr;
		}
		break;
	case 'u':
		if (vt->priv == 0) {
			move_to(vt, vt->sy, vt->sx);
			vt->attr = vt->sattr;
		}
		break;
	case 't':
		if (param(vt, 0, 0) == 18) {
			snprintf(buf, sizeof buf, "\033[8;%d;%dt", vt->rows,
			    vt->cols);
			reply(vt, buf);
		}
		break;
	default:
		break;
	}
}

static void
esc(struct vt *vt, unsigned char c)
{
	vt->state = S_GROUND;
	switch (c) {
	case '[':
		vt->state = S_CSI;
		vt->nparam = 0;
		vt->priv = vt->inter = 0;
		memset(vt->param, 0, sizeof vt->param);
		break;
	case ']':
	case 'P':
	case '_':
	case '^':
	case 'X':
		vt->state = S_STRING;
		break;
	case '(':
	case ')':
	case '*':
	case '+':
		vt->inter = (char)c;
		vt->state = S_CHARSET;
		break;
	case '#':
	case ' ':
	case '%':
		vt->state = S_SKIP1;
		break;
	case '7':
		vt->sy = vt->y;
		vt->sx = vt->x;
		vt->sattr = vt->attr;
		break;
	case '8':
		move_to(vt, vt->sy, vt->sx);
		vt->attr = vt->sattr;
		break;
	case 'D':
		linefeed(vt);
		break;
	case 'E':
		vt->x = 0;
		linefeed(vt);
		break;
	case 'M':
		reverse_index(vt);
		break;
	case 'c':
		reset(vt);
		break;
	default:
		break;		/* keypad modes, and what does not draw */
	}
}

static void
control(struct vt *vt, unsigned char c)
{
	switch (c) {
	case '\b':
		if (vt->x > 0)
			vt->x--;
		vt->wrap_pending = 0;
		break;
	case '\t':
		move_to(vt, vt->y, (vt->x / 8 + 1) * 8);
		break;
	case '\n':
	case '\v':
	case '\f':
		linefeed(vt);
		break;
	case '\r':
		vt->x = 0;
		vt->wrap_pending = 0;
		break;
	case 0x0e:
		vt->gl = 1;
		break;
	case 0x0f:
		vt->gl = 0;
		break;
	case 0x1b:
		vt->state = S_ESC;
		break;
	default:
		break;		/* BEL, NUL and the rest */
	}
}

static void
ground(struct vt *vt, unsigned char c)
{
	if (vt->need > 0) {
		if ((c & 0xc0) == 0x80) {
			vt->cp = vt->cp << 6 | (c & 0x3f);
			if (--vt->need == 0)
				put(vt, vt->cp);
			return;
		}
		vt->need = 0;
		put(vt, 0xfffd);
	}
	if (c < 0x20) {
		control(vt, c);
		return;
	}
	if (c < 0x7f) {
		put(vt, c);
		return;
	}
	if (c == 0x7f)
		return;
	if ((c & 0xe0) == 0xc0) {
		vt->cp = c & 0x1f;
		vt->need = 1;
	} else if ((c & 0xf0) == 0xe0) {
		vt->cp = c & 0x0f;
		vt->need = 2;
	} else if ((c & 0xf8) == 0xf0) {
		vt->cp = c & 0x07;
		vt->need = 3;
	} else
		put(vt, 0xfffd);
}

void
vt_feed(struct vt *vt, const unsigned char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = buf[i];

		switch (vt->state) {
		case S_GROUND:
			ground(vt, c);
			break;
		case S_ESC:
			esc(vt, c);
			break;
		case S_CHARSET:
			vt->charset[vt->inter == ')' ? 1 : 0] = c == '0';
			vt->inter = 0;
			vt->state = S_GROUND;
			break;
		case S_SKIP1:
			vt->state = S_GROUND;
			break;
		case S_CSI:
			if (c == 0x1b) {
				vt->state = S_ESC;
			} else if (c < 0x20) {
				control(vt, c);
				if (vt->state == S_GROUND)
					vt->state = S_CSI;
			} else if (c >= '0' && c <= '9') {
				if (vt->nparam == 0)
					vt->nparam = 1;
				if (vt->nparam <= VT_MAX_PARAMS &&
				    vt->param[vt->nparam - 1] < 100000)
					vt->param[vt->nparam - 1] =
					    vt->param[vt->nparam - 1] * 10 +
					    (c - '0');
			} else if (c == ';' || c == ':') {
				if (vt->nparam == 0)
					vt->nparam = 1;
				if (vt->nparam < VT_MAX_PARAMS)
					vt->param[vt->nparam++] = 0;
			} else if (c >= '<' && c <= '?') {
				vt->priv = (char)c;
			} else if (c >= 0x20 && c <= 0x2f) {
				vt->inter = (char)c;
			} else {
				if (vt->nparam > VT_MAX_PARAMS)
					vt->nparam = VT_MAX_PARAMS;
				vt->state = S_GROUND;
				csi(vt, c);
			}
			break;
		case S_STRING:
			if (c == 0x07)
				vt->state = S_GROUND;
			else if (c == 0x1b)
				vt->state = S_STRING_ESC;
			break;
		case S_STRING_ESC:
			vt->state = c == '\\' ? S_GROUND : S_STRING;
			break;
		}
	}
}

uint64_t
vt_hash(const struct vt *vt)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i, n = (size_t)vt->rows * (size_t)vt->cols;

	for (i = 0; i < n; i++) {
		/* A blank cell and a space look the same. */
		uint32_t c = vt->ch[i] == ' ' ? 0 : vt->ch[i];

		h = (h ^ c) * 1099511628211ULL;
		h = (h ^ vt->at[i]) * 1099511628211ULL;
	}
	return h;
}

static size_t
utf8_put(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

void
vt_row(const struct vt *vt, int y, char *buf, size_t size)
{
	size_t o = 0, keep = 0;
	int x;

	for (x = 0; x < vt->cols && o + 5 < size; x++) {
		uint32_t c = vt->ch[(size_t)y * (size_t)vt->cols + (size_t)x];

		if (c == WIDE_TAIL)
			continue;
		o += utf8_put(buf + o, c == 0 ? ' ' : c);
		if (c != 0 && c != ' ')
			keep = o;
	}
	buf[keep] = '\0';
}

int
vt_contains(const struct vt *vt, const char *text)
{
	char row[4096];
	int y;

	for (y = 0; y < vt->rows; y++) {
		vt_row(vt, y, row, sizeof row);
		if (strstr(row, text) != NULL)
			return 1;
	}
	return 0;
}
