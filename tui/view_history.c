/* view_history.c - the session's history: every change with who and
 * when, its milestones on the same timeline, and the difference between
 * the session now and a milestone (a pager, a key away).  Also the
 * prompt that saves a milestone (`m`). */
#include "config.h"

#include "views.h"

#include "diff.h"
#include "milestone.h"
#include "phrase.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	long long time;
	char user[128];
	char text[400];
	int milestone;			/* 1: a milestone (label in text) */
	char label[ANSWERS_NAME_MAX + 1];
};

struct history_view {
	struct entry *v;
	int n, cap;
	int cursor, top;
	int failed;
	/* The difference with a milestone, when shown: its text, lines. */
	char *diff;
	char title[ANSWERS_NAME_MAX + 64];
	struct scroll sc;
};

static struct entry *
add(struct history_view *h)
{
	struct entry *nv;

	if (h->n == h->cap) {
		int cap = h->cap ? h->cap * 2 : 64;

		if ((nv = realloc(h->v, (size_t)cap * sizeof *nv)) == NULL) {
			h->failed = 1;
			return NULL;
		}
		h->v = nv;
		h->cap = cap;
	}
	memset(&h->v[h->n], 0, sizeof h->v[h->n]);
	return &h->v[h->n++];
}

struct collect {
	struct history_view *h;
	const struct model *m;
};

/* A history entry in the model's words. */
static int
collect_change(const struct store_change *c, void *arg)
{
	struct collect *x = arg;
	struct entry *en = add(x->h);
	char words[360];

	if (en == NULL)
		return 1;
	en->time = c->time;
	snprintf(en->user, sizeof en->user, "%s", c->user);
	if (strcmp(c->field, "created") == 0)
		snprintf(words, sizeof words, "the session is created");
	else if (strcmp(c->field, "copied") == 0)
		snprintf(words, sizeof words, "copied from '%s'",
		    c->old != NULL ? c->old : "");
	else if (strcmp(c->field, "milestone") == 0) {
		en->milestone = 1;
		snprintf(en->label, sizeof en->label, "%s",
		    c->new != NULL ? c->new : "");
		snprintf(words, sizeof words, "milestone '%s'", en->label);
	} else if (strcmp(c->field, "name") == 0)
		snprintf(words, sizeof words, "renamed from '%s' to '%s'",
		    c->old != NULL ? c->old : "", c->new != NULL ? c->new : "");
	else
		phrase_change(x->m, c->field, c->new, words, sizeof words);
	snprintf(en->text, sizeof en->text, "%s%s", c->undoes != 0 ?
	    "undo: " : "", words);
	return 0;
}

/* A milestone the history does not name: one a copy brought from its
 * source, older than the copy's history. */
static int
collect_milestone(const struct store_milestone *ms, void *arg)
{
	struct collect *x = arg;
	struct entry *en;
	int i;

	for (i = 0; i < x->h->n; i++)
		if (x->h->v[i].milestone && strcmp(x->h->v[i].label,
		    ms->label) == 0)
			return 0;
	if ((en = add(x->h)) == NULL)
		return 1;
	en->time = ms->time;
	en->milestone = 1;
	snprintf(en->user, sizeof en->user, "%s", ms->user);
	snprintf(en->label, sizeof en->label, "%s", ms->label);
	snprintf(en->text, sizeof en->text, "milestone '%s'", ms->label);
	return 0;
}

static void
load(struct ui *ui, struct history_view *h)
{
	struct collect x = { .h = h, .m = ui->s->model };
	struct entry *tmp;
	struct err e;
	int nh, extra;

	h->n = 0;
	h->failed = 0;
	if (ui->s->store == NULL)
		return;
	if (store_history(ui->s->store, ui->s->info.id, collect_change, &x,
	    &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		return;
	}
	nh = h->n;
	if (store_milestone_list(ui->s->store, ui->s->info.id,
	    collect_milestone, &x, &e) != 0) {
		ui_status(ui, 1, "%s", e.msg);
		return;
	}
	/* The history is in order; milestones it does not name came with
	 * a copy from before its history began, so they go first. */
	extra = h->n - nh;
	if (extra > 0 && nh > 0 && (tmp = malloc((size_t)extra *
	    sizeof *tmp)) != NULL) {
		memcpy(tmp, h->v + nh, (size_t)extra * sizeof *tmp);
		memmove(h->v + extra, h->v, (size_t)nh * sizeof *tmp);
		memcpy(h->v, tmp, (size_t)extra * sizeof *tmp);
		free(tmp);
	}
	if (h->cursor >= h->n)
		h->cursor = h->n > 0 ? h->n - 1 : 0;
}

static void
draw_diff(struct ui *ui, struct history_view *h, WINDOW *w, int rows,
    int cols)
{
	struct pager p;
	const char *s = h->diff;

	pager_start(&p, ui, &h->sc, w, rows, cols);
	pager_text(&p, 1, ROLE_HEADING, NULL, ROLE_HEADING, h->title);
	pager_blank(&p);
	while (s != NULL && *s != '\0') {
		const char *nl = strchr(s, '\n');
		size_t len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		char line[1024];

		snprintf(line, sizeof line, "%.*s", (int)len, s);
		if (len == 0)
			pager_blank(&p);
		else
			pager_text(&p, 1, ROLE_NORMAL, NULL, ROLE_NORMAL,
			    line);
		s = nl != NULL ? nl + 1 : s + len;
	}
	pager_text(&p, 1, ROLE_DIM, NULL, ROLE_DIM, "Enter: back to the "
	    "history.");
	pager_end(&p);
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct history_view *h = priv;
	char t[32], buf[600];
	int i, y = 2, list = rows - 3;

	if (h->diff != NULL) {
		draw_diff(ui, h, w, rows, cols);
		return;
	}
	load(ui, h);
	snprintf(buf, sizeof buf, "History of '%s' (%d entr%s; Enter on a "
	    "milestone: what changed since)", ui->s->info.name, h->n,
	    h->n == 1 ? "y" : "ies");
	draw_text(ui, w, 0, 1, cols - 2, ROLE_HEADING, buf);
	draw_text(ui, w, 1, 3, 17, ROLE_DIM, "When (UTC)");
	draw_text(ui, w, 1, 21, 12, ROLE_DIM, "Who");
	draw_text(ui, w, 1, 34, cols - 35, ROLE_DIM, "What");
	if (h->n == 0)
		draw_text(ui, w, 2, 3, cols - 4, ROLE_DIM, "No changes yet.");
	if (list < 1)
		list = 1;
	if (h->cursor < h->top)
		h->top = h->cursor;
	if (h->cursor >= h->top + list)
		h->top = h->cursor - list + 1;
	for (i = h->top; i < h->n && y < rows; i++, y++) {
		const struct entry *en = &h->v[i];
		enum theme_role role = i == h->cursor ? ROLE_CURSOR :
		    en->milestone ? ROLE_RECOMMENDED : ROLE_NORMAL;

		if (en->milestone)
			draw_text(ui, w, y, 1, 2, ROLE_RECOMMENDED, "*");
		draw_text(ui, w, y, 3, 17, role, phrase_time(en->time,
		    PHRASE_TIME_MINUTE, t, sizeof t));
		draw_text(ui, w, y, 21, 12, role, en->user);
		draw_text(ui, w, y, 34, cols - 35, role, en->text);
	}
}

/* The difference between milestone LABEL and the session now, as
 * text, into H. */
static int
show_diff(struct ui *ui, struct history_view *h, const char *label)
{
	struct session *now = ui->s;
	struct store_milestone ms;
	struct session then;
	struct diff_side a, b;
	struct answers *ans;
	struct diff d;
	struct err e;
	char pricing[256], name[2 * ANSWERS_NAME_MAX + 2];
	size_t len;
	FILE *f;
	int rc = -1;

	if (session_init(&then, now->model, now->pricing, now->now, &e) != 0)
		goto out;
	if ((ans = milestone_answers(now->store, now->info.id,
	    now->info.name, label, now->model, &ms, &e)) == NULL)
		goto out;
	session_use_answers(&then, ans, &e);
	snprintf(name, sizeof name, "%s@%s", now->info.name, label);
	a = (struct diff_side){ .name = name, .s = &then, .model_id =
	    ms.model_id, .model_version = ms.model_version, .pricing =
	    ms.pricing };
	b = (struct diff_side){ .name = now->info.name, .s = now, .model_id =
	    now->model->id, .model_version = now->model->version, .pricing =
	    milestone_pricing_line(now->pricing, pricing, sizeof pricing) };
	if (diff_run(&d, &a, &b, &e) != 0)
		goto out;
	free(h->diff);
	h->diff = NULL;
	if ((f = open_memstream(&h->diff, &len)) != NULL) {
		rc = diff_write(f, DIFF_TEXT, &d, &e);
		if (fclose(f) != 0)
			rc = -1;
	}
	diff_free(&d);
	snprintf(h->title, sizeof h->title, "Since milestone '%s'", label);
	memset(&h->sc, 0, sizeof h->sc);
out:
	session_fini(&then);
	if (rc != 0) {
		free(h->diff);
		h->diff = NULL;
		ui_status(ui, 1, "%s", rc == -1 && e.msg[0] != '\0' ? e.msg :
		    "out of memory");
	}
	return UI_DRAW;
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct history_view *h = priv;
	int page = ui->body_rows > 4 ? ui->body_rows - 3 : 1;

	(void)digit;
	if (h->diff != NULL) {
		if (act == ACT_SELECT) {
			free(h->diff);
			h->diff = NULL;
			return UI_DRAW;
		}
		return scroll_key(&h->sc, act, page);
	}
	switch (act) {
	case ACT_UP:
		h->cursor -= h->cursor > 0;
		return UI_DRAW;
	case ACT_DOWN:
		h->cursor += h->cursor + 1 < h->n;
		return UI_DRAW;
	case ACT_PAGE_UP:
		h->cursor = h->cursor > page ? h->cursor - page : 0;
		return UI_DRAW;
	case ACT_PAGE_DOWN:
		h->cursor = h->cursor + page < h->n ? h->cursor + page :
		    (h->n > 0 ? h->n - 1 : 0);
		return UI_DRAW;
	case ACT_FIRST:
		h->cursor = 0;
		return UI_DRAW;
	case ACT_LAST:
		h->cursor = h->n > 0 ? h->n - 1 : 0;
		return UI_DRAW;
	case ACT_SELECT:
		if (h->cursor >= h->n || !h->v[h->cursor].milestone) {
			ui_status(ui, 0, "Enter on a milestone (marked *) "
			    "shows what changed since.");
			return UI_DRAW;
		}
		return show_diff(ui, h, h->v[h->cursor].label);
	default:
		return UI_NONE;
	}
}

static void
open_view(struct ui *ui, void *priv)
{
	struct history_view *h = priv;

	free(h->diff);
	h->diff = NULL;
	load(ui, h);
	/* The latest first in view: the cursor on the newest entry. */
	h->cursor = h->n > 0 ? h->n - 1 : 0;
}

static void
free_view(void *priv)
{
	struct history_view *h = priv;

	free(h->v);
	free(h->diff);
}

const struct view_ops view_history = {
	.id = VIEW_HISTORY,
	.private_size = sizeof(struct history_view),
	.draw = draw,
	.key = key,
	.open = open_view,
	.free = free_view,
};

/* The milestone prompt ------------------------------------------------------ */

static int
label_typed(struct ui *ui, void *data, const char *text)
{
	struct err e;

	(void)data;
	if (milestone_save(ui->s, text, &e) != 0) {
		ui_status(ui, 1, "No milestone: %s", e.msg);
		return UI_DRAW;
	}
	ui_status(ui, 0, "Milestone '%s' saved: %s@%s names it.", text,
	    ui->s->info.name, text);
	return UI_DRAW;
}

int
prompt_milestone(struct ui *ui)
{
	if (ui->readonly) {
		ui_status(ui, 1, "Watching read-only: no milestone is saved.");
		return UI_DRAW;
	}
	edit_start(ui, "Milestone label:", "", 0, label_typed, NULL);
	return UI_NONE;
}
