/* view_sessions.c - the sessions in the database: open, new, rename,
 * copy, delete.  Only the page on screen is read, so the list opens as
 * fast with ten thousand sessions as with one. */
#include "config.h"

#include "ui.h"
#include "session.h"
#include "session_impl.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define PAGE_MAX 128

struct row {
	struct store_session s;
	int answered, visible;
	int rec;		/* option index, -1 undecided, -2 unreadable */
};

/* The page on screen, read when the cursor leaves it or data changes. */
static struct {
	struct row rows[PAGE_MAX];
	int n;
	long long offset, total;
	int valid;
} page;

static int
collect(const struct store_session *s, void *arg)
{
	(void)arg;
	if (page.n >= PAGE_MAX)
		return 1;
	page.rows[page.n++].s = *s;
	return 0;
}

/* Evaluate each listed session for its progress and recommendation. */
static void
evaluate_rows(struct ui *ui)
{
	struct err e;
	int i;

	for (i = 0; i < page.n; i++) {
		struct row *r = &page.rows[i];
		struct answers *a = store_load(ui->session->store, r->s.id, NULL,
		    &e);

		if (a == NULL) {
			r->rec = -2;
			continue;
		}
		eval_run(ui->model, a->answer, a->weight, ui->scratch);
		r->answered = ui->scratch->answered;
		r->visible = ui->scratch->visible;
		r->rec = ui->scratch->recommendation;
		answers_free(a);
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
load_page(struct ui *ui)
{
	struct err e;
	int per = page_rows(ui);

	page.n = 0;
	page.valid = 1;
	if (store_count(ui->session->store, &page.total, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		page.total = 0;
		return;
	}
	if (ui->session_cursor >= page.total)
		ui->session_cursor = page.total > 0 ? (int)page.total - 1 : 0;
	if (ui->session_cursor < 0)
		ui->session_cursor = 0;
	page.offset = ui->session_cursor / per * per;
	if (store_list(ui->session->store, page.offset, per, collect, NULL,
	    &e) != 0)
		ui_status(ui, 1, "%s", e.msg);
	evaluate_rows(ui);
}

static void
open_view(struct ui *ui)
{
	page.valid = 0;
	ui->session_cursor = 0;
}

static const struct row *
current(const struct ui *ui)
{
	long long i = ui->session_cursor - page.offset;

	return i >= 0 && i < page.n ? &page.rows[i] : NULL;
}

static void
draw(struct ui *ui, WINDOW *w, int rows, int cols)
{
	const struct model *m = ui->model;
	char buf[256], when[32];
	int i, namew = cols - 48, y = 2;

	if (!page.valid || ui->session_cursor < page.offset ||
	    ui->session_cursor >= page.offset + page_rows(ui))
		load_page(ui);
	snprintf(buf, sizeof buf, "Sessions (%lld) in %s", page.total,
	    store_path(ui->session->store));
	draw_text(ui, w, 0, 1, cols - 2, ROLE_HEADING, buf);
	if (namew < 16)
		namew = 16;
	draw_text(ui, w, 1, 3, namew, ROLE_DIM, "Name");
	draw_text(ui, w, 1, 4 + namew, 17, ROLE_DIM, "Changed (UTC)");
	draw_text(ui, w, 1, 22 + namew, 8, ROLE_DIM, "Answered");
	draw_text(ui, w, 1, 32 + namew, cols - 33 - namew, ROLE_DIM,
	    "Recommendation");
	for (i = 0; i < page.n && y < rows; i++, y++) {
		const struct row *r = &page.rows[i];
		int at = page.offset + i == ui->session_cursor;
		int open = r->s.id == ui->session->info.id;
		time_t t = (time_t)r->s.updated;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		draw_text(ui, w, y, 1, 2, ROLE_RECOMMENDED, open ? (ui->utf8 ?
		    "\xe2\x97\x8f " : "* ") : "  ");
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
}

static void
suggest_name(struct ui *ui, char *buf, size_t size, const char *base)
{
	struct store_session s;
	struct err e;
	int i;

	snprintf(buf, size, "%s", base);
	for (i = 2; i < 1000 && store_find(ui->session->store, buf, &s,
	    &e) == 1; i++)
		snprintf(buf, size, "%s (%d)", base, i);
}

static int
key(struct ui *ui, enum action act, int digit)
{
	const struct row *r = current(ui);
	char name[ANSWERS_NAME_MAX + 32], prompt[ANSWERS_NAME_MAX + 16];
	int per = page_rows(ui);

	(void)digit;
	switch (act) {
	case ACT_UP:
		if (ui->session_cursor > 0)
			ui->session_cursor--;
		return UI_DRAW;
	case ACT_DOWN:
		if (ui->session_cursor + 1 < page.total)
			ui->session_cursor++;
		return UI_DRAW;
	case ACT_PAGE_UP:
		ui->session_cursor -= per;
		if (ui->session_cursor < 0)
			ui->session_cursor = 0;
		return UI_DRAW;
	case ACT_PAGE_DOWN:
		ui->session_cursor += per;
		if (ui->session_cursor >= page.total)
			ui->session_cursor = page.total > 0 ?
			    (int)page.total - 1 : 0;
		return UI_DRAW;
	case ACT_SELECT:
		if (r == NULL)
			return UI_NONE;
		if (r->s.id != ui->session->info.id)
			return session_switch(ui, r->s.name, 0);
		ui_open_view(ui, &view_question);
		return UI_ALL;
	case ACT_NEW: {
		char base[64];
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(base, sizeof base, "workshop %Y-%m-%d", &tm);
		suggest_name(ui, name, sizeof name, base);
		ui_edit_start(ui, EDIT_NEW_SESSION, 0, "New session:", name);
		return UI_NONE;
	}
	case ACT_RENAME:
		if (r == NULL)
			return UI_NONE;
		ui_edit_start(ui, EDIT_RENAME, 0, "Rename to:", r->s.name);
		return UI_NONE;
	case ACT_COPY:
		if (r == NULL)
			return UI_NONE;
		snprintf(prompt, sizeof prompt, "%s copy", r->s.name);
		suggest_name(ui, name, sizeof name, prompt);
		ui_edit_start(ui, EDIT_COPY, 0, "Copy to:", name);
		return UI_NONE;
	case ACT_DELETE:
		if (r == NULL)
			return UI_NONE;
		if (r->s.id == ui->session->info.id) {
			ui_status(ui, 1, "This session is open; open another "
			    "before deleting it.");
			return UI_NONE;
		}
		ui_edit_start(ui, EDIT_CONFIRM_DELETE, 0,
		    "Delete it and its history? Type yes:", "");
		return UI_NONE;
	default:
		return UI_NONE;
	}
}

int
view_sessions_edit_done(struct ui *ui, enum edit_purpose purpose,
    const char *text)
{
	const struct row *r = current(ui);
	struct err e, ne;
	int rc = 0;

	page.valid = 0;
	if (purpose == EDIT_CONFIRM_DELETE) {
		if (r == NULL || strcmp(text, "yes") != 0) {
			ui_status(ui, 0, "Not deleted.");
			return UI_DRAW;
		}
		if (store_delete(ui->session->store, r->s.name, &e) != 0)
			rc = -1;
		else
			ui_status(ui, 0, "Deleted '%s'.", r->s.name);
	} else {
		if (answers_name_check(text, &ne) != 0) {
			ui_status(ui, 1, "%s", ne.msg);
			return UI_DRAW;
		}
		if (purpose == EDIT_NEW_SESSION)
			return session_switch(ui, text, 1);
		if (r == NULL)
			return UI_DRAW;
		if (purpose == EDIT_RENAME) {
			if (strcmp(text, r->s.name) == 0)
				return UI_DRAW;
			if (store_rename(ui->session->store, r->s.name, text,
			    &e) != 0)
				rc = -1;
			else {
				if (r->s.id == ui->session->info.id)
					snprintf(ui->session->info.name,
					    sizeof ui->session->info.name,
					    "%s", text);
				ui_status(ui, 0, "Renamed.");
			}
		} else if (purpose == EDIT_COPY) {
			if (store_copy(ui->session->store, r->s.name, text,
			    &e) != 0)
				rc = -1;
			else
				ui_status(ui, 0, "Copied to '%s'.", text);
		}
	}
	if (rc != 0)
		ui_status(ui, 1, "%s", e.msg);
	return UI_ALL;
}

const struct view_ops view_sessions = {
	.id = VIEW_SESSIONS,
	.draw = draw,
	.key = key,
	.open = open_view,
};
