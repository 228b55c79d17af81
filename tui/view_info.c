/* view_info.c - the session itself: its name, the context (the problem
 * statement, several lines) and the participants, seen and edited in
 * the explorer.  Text is saved against what its editor started from:
 * when someone else changed it meanwhile, theirs is shown and the
 * writer chooses. */
#include "config.h"

#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINES_MAX 64

enum row_kind { ROW_NAME, ROW_CONTEXT, ROW_ADD_CONTEXT, ROW_PERSON,
	ROW_ADD_PERSON };

struct info_view {
	int cursor;
	struct scroll sc;
	/* What is being edited: the row's kind and index, a new line
	 * when ADDING, and the text it started from. */
	enum row_kind kind;
	int index, adding;
	char *base;
	int base_n;
	char **base_people;
};

/* The context as lines (pointers into a copy in BUF). */
static int
context_lines(const char *ctx, char *buf, size_t size, char **line)
{
	char *p;
	int n = 0;

	if (ctx == NULL || ctx[0] == '\0')
		return 0;
	snprintf(buf, size, "%s", ctx);
	for (p = buf; n < LINES_MAX; ) {
		line[n++] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

/* How many lines the context has (at most LINES_MAX). */
static int
context_count(const char *ctx)
{
	int n = 1;

	if (ctx == NULL || ctx[0] == '\0')
		return 0;
	for (; *ctx != '\0'; ctx++)
		n += *ctx == '\n';
	return n > LINES_MAX ? LINES_MAX : n;
}

/* The kind and index of row R. */
static enum row_kind
row_of(const struct session *s, int r, int *index)
{
	int nctx = context_count(s->answers->context);

	*index = 0;
	if (r == 0)
		return ROW_NAME;
	if (r <= nctx) {
		*index = r - 1;
		return ROW_CONTEXT;
	}
	if (r == nctx + 1)
		return ROW_ADD_CONTEXT;
	if (r <= nctx + 1 + s->answers->nparticipants) {
		*index = r - nctx - 2;
		return ROW_PERSON;
	}
	return ROW_ADD_PERSON;
}

static int
nrows(const struct session *s)
{
	int r = 0, i;

	while (row_of(s, r, &i) != ROW_ADD_PERSON)
		r++;
	return r + 1;
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct info_view *st = priv;
	const struct session *s = ui->s;
	char buf[16384], *line[LINES_MAX], label[32];
	struct pager p;
	int n = nrows(s), r, i;
	enum row_kind k;

	if (st->cursor >= n)
		st->cursor = n - 1;
	context_lines(s->answers->context, buf, sizeof buf, line);
	pager_start(&p, ui, &st->sc, w, rows, cols);
	for (r = 0; r < n; r++) {
		enum theme_role role = r == st->cursor ? ROLE_CURSOR :
		    ROLE_NORMAL;

		k = row_of(s, r, &i);
		snprintf(label, sizeof label, "%s", r == st->cursor ?
		    (ui->utf8 ? "\xe2\x96\xb8" : ">") : " ");
		if (k == ROW_NAME) {
			pager_text(&p, 1, ROLE_HEADING, "Session:", role,
			    s->info.name);
			pager_blank(&p);
			pager_text(&p, 1, ROLE_HEADING, NULL, ROLE_HEADING,
			    "Context (the problem, in a few lines)");
		} else if (k == ROW_CONTEXT)
			pager_text(&p, 1, ROLE_KEY, label, role, line[i]);
		else if (k == ROW_ADD_CONTEXT) {
			pager_text(&p, 1, ROLE_KEY, label, r == st->cursor ?
			    ROLE_CURSOR : ROLE_DIM, "(Enter adds a line)");
			pager_blank(&p);
			pager_text(&p, 1, ROLE_HEADING, NULL, ROLE_HEADING,
			    "Participants");
		} else if (k == ROW_PERSON)
			pager_text(&p, 1, ROLE_KEY, label, role,
			    s->answers->participants[i]);
		else
			pager_text(&p, 1, ROLE_KEY, label, r == st->cursor ?
			    ROLE_CURSOR : ROLE_DIM, "(Enter adds a participant)");
	}
	pager_blank(&p);
	pager_text(&p, 1, ROLE_DIM, NULL, ROLE_DIM, "Enter edits the line "
	    "(or adds one), x removes it; the name is renamed from here too.");
	pager_end(&p);
}

/* Forget what an edit started from. */
static void
forget(struct info_view *st)
{
	int i;

	free(st->base);
	st->base = NULL;
	for (i = 0; i < st->base_n; i++)
		free(st->base_people[i]);
	free(st->base_people);
	st->base_people = NULL;
	st->base_n = 0;
}

/* Remember what the session holds now, to save against. */
static void
remember(struct info_view *st, const struct session *s)
{
	const struct answers *a = s->answers;
	int i;

	forget(st);
	st->base = a->context != NULL ? strdup(a->context) : NULL;
	if (a->nparticipants > 0 &&
	    (st->base_people = calloc((size_t)a->nparticipants,
	    sizeof *st->base_people)) != NULL) {
		for (i = 0; i < a->nparticipants; i++)
			st->base_people[i] = strdup(a->participants[i]);
		st->base_n = a->nparticipants;
	}
}

/* Append LINE to the text in BUF (O bytes so far); the new O. */
static size_t
add_line(char *buf, size_t size, size_t o, const char *line)
{
	if (o < size)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? "\n" : "",
		    line);
	return o;
}

/* The context with line I replaced by TEXT (removed when TEXT is NULL;
 * TEXT added before line I when ADDING, at the end past the last line),
 * into BUF. */
static const char *
new_context(const char *ctx, int i, int adding, const char *text, char *buf,
    size_t size)
{
	char copy[16384], *line[LINES_MAX];
	int n = context_lines(ctx, copy, sizeof copy, line), k;
	size_t o = 0;

	buf[0] = '\0';
	for (k = 0; k < n; k++) {
		if (k == i && text != NULL)
			o = add_line(buf, size, o, text);
		if (k != i || adding)
			o = add_line(buf, size, o, line[k]);
	}
	if (adding && i >= n && text != NULL)
		o = add_line(buf, size, o, text);
	return buf;
}

/* Save the participants with person I replaced by TEXT (removed when
 * NULL, added when ADDING). */
static int
save_people(struct ui *ui, struct info_view *st, int i, const char *text)
{
	const struct answers *a = ui->s->answers;
	const char *names[ANSWERS_MAX_PARTICIPANTS + 1];
	unsigned what = 0;
	struct err e;
	int n = 0, k, rc;

	for (k = 0; k < a->nparticipants && n < ANSWERS_MAX_PARTICIPANTS;
	    k++) {
		if (k == i && st->adding && text != NULL)
			names[n++] = text;
		if (k == i && !st->adding) {
			if (text != NULL)
				names[n++] = text;
			continue;
		}
		names[n++] = a->participants[k];
	}
	if (i >= a->nparticipants && text != NULL)
		names[n++] = text;
	rc = session_set_participants_from(ui->s, n, names, st->base_n,
	    (const char *const *)st->base_people, &what, &e);
	if (rc == 2)
		ui_status(ui, 1, "Someone changed the participants meanwhile: "
		    "theirs are shown; yours were not saved.");
	else if (rc == 0)
		ui_status(ui, 0, "Participants saved.");
	return ui_changed(ui, rc == 2 ? 0 : rc, what, &e);
}

static int
save_context(struct ui *ui, struct info_view *st, int i, const char *text)
{
	char buf[16384];
	unsigned what = 0;
	struct err e;
	int rc;

	new_context(ui->s->answers->context, i, st->adding, text, buf,
	    sizeof buf);
	rc = session_set_context_from(ui->s, buf, st->base, &what, &e);
	if (rc == 2)
		ui_status(ui, 1, "Someone changed the context meanwhile: "
		    "theirs is shown; yours was not saved.");
	else if (rc == 0)
		ui_status(ui, 0, "Context saved.");
	return ui_changed(ui, rc == 2 ? 0 : rc, what, &e);
}

static int
typed(struct ui *ui, void *priv, const char *text)
{
	struct info_view *st = priv;
	unsigned what = 0;
	struct err e;
	int rc;

	switch (st->kind) {
	case ROW_NAME:
		rc = session_rename(ui->s, ui->s->info.name, text, &what, &e);
		if (rc != 0) {
			ui_status(ui, 1, "%s", e.msg);
			return UI_DRAW;
		}
		return ui_changed(ui, rc, what, &e);
	case ROW_CONTEXT:
	case ROW_ADD_CONTEXT:
		return save_context(ui, st, st->index, text[0] != '\0' ? text :
		    NULL);
	default:
		return save_people(ui, st, st->index, text[0] != '\0' ? text :
		    NULL);
	}
}

/* Edit row R (Enter), or remove it (REMOVE). */
static int
edit_row(struct ui *ui, struct info_view *st, int r, int remove)
{
	const struct session *s = ui->s;
	char buf[16384], *line[LINES_MAX];
	const char *text = "";
	int i;

	st->kind = row_of(s, r, &i);
	st->index = i;
	st->adding = st->kind == ROW_ADD_CONTEXT ||
	    st->kind == ROW_ADD_PERSON;
	remember(st, s);
	context_lines(s->answers->context, buf, sizeof buf, line);
	if (st->kind == ROW_ADD_CONTEXT)
		st->index = LINES_MAX + 1;
	if (st->kind == ROW_ADD_PERSON)
		st->index = s->answers->nparticipants;
	if (remove) {
		if (st->kind == ROW_CONTEXT)
			return save_context(ui, st, i, NULL);
		if (st->kind == ROW_PERSON)
			return save_people(ui, st, i, NULL);
		return UI_NONE;
	}
	if (st->kind == ROW_NAME)
		text = s->info.name;
	else if (st->kind == ROW_CONTEXT)
		text = line[i];
	else if (st->kind == ROW_PERSON)
		text = s->answers->participants[i];
	edit_start(ui, st->kind == ROW_NAME ? "Rename to:" : st->adding ?
	    "Add:" : "Line:", text, st->kind == ROW_NAME ? EDIT_REPLACE :
	    EDIT_KEEP, typed, st);
	return UI_NONE;
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct info_view *st = priv;
	int n = nrows(ui->s);

	(void)digit;
	switch (act) {
	case ACT_UP:
		if (st->cursor > 0)
			st->cursor--;
		return UI_DRAW;
	case ACT_DOWN:
		if (st->cursor + 1 < n)
			st->cursor++;
		return UI_DRAW;
	case ACT_EDIT:
		return edit_row(ui, st, st->cursor, 0);
	case ACT_CLEAR:
		return edit_row(ui, st, st->cursor, 1);
	default:
		return scroll_key(&st->sc, act, ui->body_rows > 3 ?
		    ui->body_rows - 2 : 1);
	}
}

static void
free_view(void *priv)
{
	forget(priv);
}

const struct view_ops view_info = {
	.id = VIEW_INFO,
	.private_size = sizeof(struct info_view),
	.draw = draw,
	.key = key,
	.free = free_view,
};
