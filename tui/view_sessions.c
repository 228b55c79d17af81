/* view_sessions.c - the sessions in the database: open, new, rename,
 * copy, delete.  Only the page on screen is read, so the list opens as
 * fast with ten thousand sessions as with one. */
#include "config.h"

#include "views.h"
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_MAX 128

struct row {
	struct store_session s;
	int answered, visible;
	int rec;		/* option index, -1 undecided, -2 unreadable */
};

/* The page on screen, read when the cursor leaves it or data changes,
 * and the cursor. */
struct sessions_view {
	struct row rows[PAGE_MAX];
	int n;
	long long offset, total;
	int valid;
	int cursor;
	struct eval_result *scratch;	/* for evaluating the rows */
	struct row acting;		/* the row a prompt is about */
};

static int
collect(const struct store_session *s, void *arg)
{
	struct sessions_view *st = arg;

	if (st->n >= PAGE_MAX)
		return 1;
	memset(&st->rows[st->n], 0, sizeof st->rows[st->n]);
	st->rows[st->n++].s = *s;
	return 0;
}

/* Evaluate each listed session for its progress and recommendation. */
static void
evaluate_rows(struct ui *ui, struct sessions_view *st)
{
	struct err e;
	int i;

	if (st->scratch == NULL &&
	    (st->scratch = eval_result_new(ui->s->model)) == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		struct row *r = &st->rows[i];

		if (session_peek(ui->s, r->s.id, st->scratch, &e) != 0) {
			r->rec = -2;
			continue;
		}
		r->answered = st->scratch->answered;
		r->visible = st->scratch->visible;
		r->rec = st->scratch->recommendation;
	}
}

static int
page_rows(const struct ui *ui)
{
	int n = ui->body_rows - 3;

	return n < 1 ? 1 : n > PAGE_MAX ? PAGE_MAX : n;
}

/* Read the page holding the cursor. */
static void
load_page(struct ui *ui, struct sessions_view *st)
{
	struct store *store = ui->s->store;
	struct err e;
	int per = page_rows(ui);

	st->n = 0;
	st->valid = 1;
	if (store_count(store, &st->total, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		st->total = 0;
		return;
	}
	if (st->cursor >= st->total)
		st->cursor = st->total > 0 ? (int)st->total - 1 : 0;
	if (st->cursor < 0)
		st->cursor = 0;
	st->offset = st->cursor / per * per;
	if (store_list(store, st->offset, per, collect, st, &e) != 0)
		ui_status(ui, 1, "%s", e.msg);
	evaluate_rows(ui, st);
}

static void
open_view(struct ui *ui, void *priv)
{
	struct sessions_view *st = priv;

	(void)ui;
	st->valid = 0;
	st->cursor = 0;
}

static void
free_view(void *priv)
{
	struct sessions_view *st = priv;

	eval_result_free(st->scratch);
}

static const struct row *
current(const struct sessions_view *st)
{
	long long i = st->cursor - st->offset;

	return i >= 0 && i < st->n ? &st->rows[i] : NULL;
}

/* Row R at line Y. */
static void
draw_row(struct ui *ui, WINDOW *w, int y, int cols, int namew,
    const struct row *r, int at)
{
	const struct model *m = ui->s->model;
	char when[32], buf[32];

	phrase_time(r->s.updated, PHRASE_TIME_MINUTE, when, sizeof when);
	if (r->s.id == ui->s->info.id)
		draw_text(ui, w, y, 1, 2, ROLE_RECOMMENDED, ui->utf8 ?
		    "\xe2\x97\x8f " : "* ");
	draw_text(ui, w, y, 3, namew, at ? ROLE_CURSOR : ROLE_NORMAL,
	    r->s.name);
	draw_text(ui, w, y, 4 + namew, 17, ROLE_NORMAL, when);
	snprintf(buf, sizeof buf, "%d/%d", r->answered, r->visible);
	draw_text(ui, w, y, 22 + namew, 8, ROLE_PROGRESS, buf);
	draw_text(ui, w, y, 32 + namew, cols - 33 - namew, r->rec >= 0 ?
	    ROLE_RECOMMENDED : ROLE_DIM, r->rec >= 0 ?
	    m->options[r->rec].title : r->rec == -1 ? "undecided" :
	    "(unreadable)");
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct sessions_view *st = priv;
	char buf[256];
	int i, namew = cols - 48, y = 2;

	if (!st->valid || st->cursor < st->offset ||
	    st->cursor >= st->offset + page_rows(ui))
		load_page(ui, st);
	snprintf(buf, sizeof buf, "Sessions (%lld) in %s", st->total,
	    store_path(ui->s->store));
	draw_text(ui, w, 0, 1, cols - 2, ROLE_HEADING, buf);
	if (namew < 16)
		namew = 16;
	draw_text(ui, w, 1, 3, namew, ROLE_DIM, "Name");
	draw_text(ui, w, 1, 4 + namew, 17, ROLE_DIM, "Changed (UTC)");
	draw_text(ui, w, 1, 22 + namew, 8, ROLE_DIM, "Answered");
	draw_text(ui, w, 1, 32 + namew, cols - 33 - namew, ROLE_DIM,
	    "Recommendation");
	for (i = 0; i < st->n && y < rows; i++, y++)
		draw_row(ui, w, y, cols, namew, &st->rows[i],
		    st->offset + i == st->cursor);
}

/* Open session NAME (creating it when CREATE) in place of the open one. */
static int
switch_to(struct ui *ui, const char *name, int create)
{
	unsigned what = 0;
	struct err e;
	int created = 0, rc;

	rc = session_open(ui->s, name, create, &created, &what, &e);
	if (rc <= 0) {
		ui_status(ui, 1, "%s", rc == 0 ? "No such session." : e.msg);
		return UI_DRAW;
	}
	ui_request_view(ui, VIEW_QUESTION);
	ui_status(ui, 0, "%s session '%s'.", created ? "New" : "Opened",
	    ui->s->info.name);
	return ui_changed(ui, 0, what | SESSION_OPENED, &e) | UI_ALL;
}

/* The outcome of a rename, copy or delete: RC and what it changed. */
static int
done(struct ui *ui, struct sessions_view *st, int rc, unsigned what,
    const struct err *e)
{
	st->valid = 0;
	if (rc != 0) {
		ui_status(ui, 1, "%s", e->msg);
		return UI_DRAW;
	}
	return ui_changed(ui, 0, what | SESSION_LIST, e) | UI_ALL;
}

static int
new_typed(struct ui *ui, void *priv, const char *text)
{
	struct sessions_view *st = priv;
	struct err e;

	st->valid = 0;
	if (answers_name_check(text, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		return UI_DRAW;
	}
	return switch_to(ui, text, 1);
}

static int
rename_typed(struct ui *ui, void *priv, const char *text)
{
	struct sessions_view *st = priv;
	unsigned what = 0;
	struct err e;
	int rc = session_rename(ui->s, st->acting.s.name, text, &what, &e);

	if (rc == 0 && what != 0)
		ui_status(ui, 0, "Renamed.");
	return done(ui, st, rc, what, &e);
}

static int
copy_typed(struct ui *ui, void *priv, const char *text)
{
	struct sessions_view *st = priv;
	unsigned what = 0;
	struct err e;
	int rc = session_copy(ui->s, st->acting.s.name, text, &what, &e);

	if (rc == 0)
		ui_status(ui, 0, "Copied to '%s'.", text);
	return done(ui, st, rc, what, &e);
}

static int
delete_typed(struct ui *ui, void *priv, const char *text)
{
	struct sessions_view *st = priv;
	unsigned what = 0;
	struct err e;
	int rc;

	if (strcmp(text, "yes") != 0) {
		ui_status(ui, 0, "Not deleted.");
		return UI_DRAW;
	}
	rc = session_delete(ui->s, st->acting.s.name, &what, &e);
	if (rc == 0)
		ui_status(ui, 0, "Deleted '%s'.", st->acting.s.name);
	return done(ui, st, rc, what, &e);
}

/* Start a prompt about row R. */
static int
ask(struct ui *ui, struct sessions_view *st, const struct row *r,
    const char *prompt, const char *text, edit_handler fn)
{
	if (r == NULL)
		return UI_NONE;
	st->acting = *r;
	edit_start(ui, prompt, text, fn == delete_typed ? 0 : EDIT_REPLACE,
	    fn, st);
	return UI_NONE;
}

/* Move the cursor by N rows, within the list. */
static int
move_cursor(struct sessions_view *st, int n)
{
	st->cursor += n;
	if (st->cursor >= st->total)
		st->cursor = st->total > 0 ? (int)st->total - 1 : 0;
	if (st->cursor < 0)
		st->cursor = 0;
	return UI_DRAW;
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct sessions_view *st = priv;
	const struct row *r = current(st);
	char name[ANSWERS_NAME_MAX + 64], base[ANSWERS_NAME_MAX + 16];
	int per = page_rows(ui);

	(void)digit;
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
		return move_cursor(st, act == ACT_UP ? -1 : 1);
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		return move_cursor(st, act == ACT_PAGE_UP ? -per : per);
	case ACT_SELECT:
		if (r == NULL)
			return UI_NONE;
		if (r->s.id != ui->s->info.id)
			return switch_to(ui, r->s.name, 0);
		ui_request_view(ui, VIEW_QUESTION);
		return UI_ALL;
	case ACT_NEW:
		session_new_name(ui->s, name, sizeof name);
		edit_start(ui, "New session:", name, EDIT_REPLACE, new_typed,
		    st);
		return UI_NONE;
	case ACT_RENAME:
		return ask(ui, st, r, "Rename to:", r != NULL ? r->s.name : "",
		    rename_typed);
	case ACT_COPY:
		if (r == NULL)
			return UI_NONE;
		snprintf(base, sizeof base, "%s copy", r->s.name);
		session_unused_name(ui->s, base, name, sizeof name);
		return ask(ui, st, r, "Copy to:", name, copy_typed);
	case ACT_DELETE:
		if (r != NULL && r->s.id == ui->s->info.id) {
			ui_status(ui, 1, "This session is open; open another "
			    "before deleting it.");
			return UI_NONE;
		}
		if (r == NULL)
			return UI_NONE;
		snprintf(name, sizeof name, "Delete '%s' and its history? Type "
		    "yes:", r->s.name);
		return ask(ui, st, r, name, "", delete_typed);
	default:
		return UI_NONE;
	}
}

const struct view_ops view_sessions = {
	.id = VIEW_SESSIONS,
	.private_size = sizeof(struct sessions_view),
	.free = free_view,
	.draw = draw,
	.key = key,
	.open = open_view,
};
