/* edit.c - the one-line text field; see edit.h. */
#include "config.h"

#include "edit.h"
#include "ui.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

void
edit_start(struct ui *ui, const char *prompt, const char *text,
    unsigned flags, edit_handler done, void *data)
{
	struct editor *ed = &ui->edit;

	memset(ed, 0, sizeof *ed);
	ed->done = done;
	ed->data = data;
	ed->flags = flags;
	snprintf(ed->prompt, sizeof ed->prompt, "%s", prompt);
	if (text != NULL)
		ed->len = (int)text_decode_exact(text, strlen(text), ed->buf,
		    EDIT_MAX - 1);
	ed->pos = ed->len;
}

void
edit_draft(struct ui *ui, const char *field)
{
	snprintf(ui->edit.draft, sizeof ui->edit.draft, "%s", field);
	ui->edit.unsaved = 1;
}

void
edit_replace(struct ui *ui, const char *text)
{
	struct editor *ed = &ui->edit;

	ed->len = (int)text_decode_exact(text, strlen(text), ed->buf,
	    EDIT_MAX - 1);
	ed->pos = ed->len;
	ed->scroll = 0;
}

int
edit_active(const struct ui *ui)
{
	return ui->edit.done != NULL;
}

/* The edited text as UTF-8 in BUF. */
static void
edit_text(const struct editor *ed, char *buf, size_t size)
{
	size_t o = 0;
	int i;

	for (i = 0; i < ed->len && o + 5 < size; i++) {
		unsigned int c = (unsigned int)ed->buf[i];

		if (c < 0x80)
			buf[o++] = (char)c;
		else if (c < 0x800) {
			buf[o++] = (char)(0xc0 | (c >> 6));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			buf[o++] = (char)(0xe0 | (c >> 12));
			buf[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		} else {
			buf[o++] = (char)(0xf0 | (c >> 18));
			buf[o++] = (char)(0x80 | ((c >> 12) & 0x3f));
			buf[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			buf[o++] = (char)(0x80 | (c & 0x3f));
		}
	}
	buf[o] = '\0';
}

void
edit_keep_draft(struct ui *ui)
{
	static char text[EDIT_MAX * 4 + 1];

	if (!edit_active(ui) || ui->edit.draft[0] == '\0' || !ui->edit.unsaved)
		return;
	edit_text(&ui->edit, text, sizeof text);
	if (presence_draft(ui->presence, ui->s->info.id, ui->edit.draft,
	    text) == 0)
		ui->edit.unsaved = 0;
}

/* Finish the edit: CONFIRMED hands the text to whoever opened it. */
static int
finish(struct ui *ui, int confirmed)
{
	static char text[EDIT_MAX * 4 + 1];
	edit_handler done = ui->edit.done;
	void *data = ui->edit.data;

	ui->edit.done = NULL;
	if (ui->edit.draft[0] != '\0')
		presence_draft(ui->presence, ui->s->info.id, ui->edit.draft,
		    NULL);
	if (!confirmed)
		return UI_DRAW;
	edit_text(&ui->edit, text, sizeof text);
	return done(ui, data, text);
}

int
edit_stop(struct ui *ui)
{
	if (!edit_active(ui))
		return UI_NONE;
	return finish(ui, (ui->edit.flags & EDIT_KEEP) != 0);
}

/* Remove N characters at AT. */
static void
cut(struct editor *ed, int at, int n)
{
	memmove(ed->buf + at, ed->buf + at + n,
	    (size_t)(ed->len - at - n) * sizeof *ed->buf);
	ed->len -= n;
}

/* A function key: movement and deletion. */
static int
special_key(struct ui *ui, int key)
{
	struct editor *ed = &ui->edit;

	/* Moving or deleting means editing what is there. */
	ed->flags &= ~(unsigned)EDIT_REPLACE;
	switch (key) {
	case KEY_LEFT:
		if (ed->pos > 0)
			ed->pos--;
		break;
	case KEY_RIGHT:
		if (ed->pos < ed->len)
			ed->pos++;
		break;
	case KEY_HOME:
		ed->pos = 0;
		break;
	case KEY_END:
		ed->pos = ed->len;
		break;
	case KEY_BACKSPACE:
		if (ed->pos > 0)
			cut(ed, --ed->pos, 1);
		break;
	case KEY_DC:
		if (ed->pos < ed->len)
			cut(ed, ed->pos, 1);
		break;
	case KEY_ENTER:
		return finish(ui, 1);
	}
	return UI_NONE;
}

#define CTRL(c) ((c) & 0x1f)

int
edit_key(struct ui *ui, int rc, wint_t ch)
{
	struct editor *ed = &ui->edit;
	int key = (int)ch;

	ed->unsaved = 1;
	if (rc == KEY_CODE_YES)
		return special_key(ui, key);
	if ((ed->flags & EDIT_KEY) && key != 27) {
		/* A choice: this key is the answer. */
		ed->len = key >= 32 ? 1 : 0;
		ed->buf[0] = (wchar_t)key;
		return finish(ui, 1);
	}
	switch (key) {
	case '\n':
	case '\r':
		return finish(ui, 1);
	case 27:
		/* Esc never discards work: a note is kept as typed. */
		return finish(ui, (ed->flags & EDIT_KEEP) != 0);
	case 127:
	case CTRL('h'):
		return special_key(ui, KEY_BACKSPACE);
	case CTRL('a'):
		return special_key(ui, KEY_HOME);
	case CTRL('e'):
		return special_key(ui, KEY_END);
	case CTRL('u'):		/* delete to the start */
		ed->flags &= ~(unsigned)EDIT_REPLACE;
		cut(ed, 0, ed->pos);
		ed->pos = 0;
		return UI_NONE;
	case CTRL('k'):		/* delete to the end */
		ed->len = ed->pos;
		return UI_NONE;
	}
	if (key < 32 || ed->len >= EDIT_MAX - 1)
		return UI_NONE;
	if (ed->flags & EDIT_REPLACE) {
		/* The first character typed replaces the value shown. */
		ed->len = ed->pos = 0;
		ed->flags &= ~(unsigned)EDIT_REPLACE;
	}
	memmove(ed->buf + ed->pos + 1, ed->buf + ed->pos,
	    (size_t)(ed->len - ed->pos) * sizeof *ed->buf);
	ed->buf[ed->pos++] = (wchar_t)key;
	ed->len++;
	return UI_NONE;
}

/* Columns characters FROM..TO-1 of the text take. */
static int
span(const struct ui *ui, int from, int to)
{
	int k, cols = 0;

	for (k = from; k < to; k++)
		cols += ui->utf8 ? text_wcwidth(ui->edit.buf[k]) : 1;
	return cols;
}

/* The editing keys at the right of the line, where ROOM columns from
 * PX leave space for them; the columns they take. */
static int
keys_help(struct ui *ui, WINDOW *w, int room, int px)
{
	const struct editor *ed = &ui->edit;
	const char *help = (ed->flags & EDIT_KEY) ? "" : (ed->flags &
	    EDIT_KEEP) ? "Enter/Esc keep  ^U ^K clear" :
	    "Enter ok  Esc cancel  ^U clear";
	int hw = text_width(help, ui->utf8);

	if (hw == 0 || room < hw + 24)
		return 0;
	draw_text(ui, w, 0, px + room - hw, hw, ROLE_HINT, help);
	return hw + 1;
}

void
edit_draw(struct ui *ui)
{
	struct editor *ed = &ui->edit;
	WINDOW *w = ui->w_hint;
	int px = draw_text(ui, w, 0, 1, ui->cols * 2 / 3, ROLE_KEY,
	    ed->prompt) + 2, room = ui->cols - px - 1, cx = 0, k;
	wchar_t wc[2] = { 0, 0 };
	cchar_t cc;

	room -= keys_help(ui, w, room, px);
	/* Keep the cursor in view. */
	if (ed->pos < ed->scroll)
		ed->scroll = ed->pos;
	while (ed->scroll < ed->pos && span(ui, ed->scroll, ed->pos) >= room)
		ed->scroll++;
	draw_fill(ui, w, 0, px, room, ROLE_INPUT, " ", ' ');
	for (k = ed->scroll; k < ed->len; k++) {
		int cw = ui->utf8 ? text_wcwidth(ed->buf[k]) : 1;

		if (cx + cw > room)
			break;
		wc[0] = ed->buf[k];
		if (!ui->utf8 && wc[0] > 127)
			wc[0] = '?';
		draw_cchar(ui, &cc, wc, ROLE_INPUT);
		/* A value that typing replaces shows as selected. */
		if (ed->flags & EDIT_REPLACE)
			cc.attr |= A_REVERSE;
		mvwadd_wch(w, 0, px + cx, &cc);
		cx += cw;
	}
	/* The cursor: the cell at the insertion point, reversed. */
	cx = span(ui, ed->scroll, ed->pos);
	if (px + cx < ui->cols)
		mvwchgat(w, 0, px + cx, 1, A_REVERSE, 0, NULL);
}
