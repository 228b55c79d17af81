/* store_milestone.c - milestones: named, immutable snapshots of a
 * session (schema version 3).  A milestone row is written once, in one
 * transaction, and never changed: the table refuses updates (a trigger),
 * undo and import never touch it, and only deleting its session removes
 * it (store_admin.c carries milestones through copy and delete; a rename
 * keeps the session's id, so they follow). */
#include "config.h"

#include "store_impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether the file has the milestones table yet: a read-only open of
 * an older file has none, and so no milestones. */
static int
has_table(const struct store *st)
{
	return !st->empty && st->version >= 3;
}

static void
text_col(sqlite3_stmt *s, int col, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	snprintf(buf, size, "%s", t != NULL ? (const char *)t : "");
}

#define MILESTONE_COLUMNS "label, time, user, model_id, model_version, " \
	"pricing, answers"

static void
milestone_row(sqlite3_stmt *s, long long sid, struct store_milestone *m)
{
	memset(m, 0, sizeof *m);
	m->session = sid;
	text_col(s, 0, m->label, sizeof m->label);
	m->time = sqlite3_column_int64(s, 1);
	text_col(s, 2, m->user, sizeof m->user);
	text_col(s, 3, m->model_id, sizeof m->model_id);
	text_col(s, 4, m->model_version, sizeof m->model_version);
	text_col(s, 5, m->pricing, sizeof m->pricing);
	m->answers = (const char *)sqlite3_column_text(s, 6);
	if (m->answers == NULL)
		m->answers = "";
}

int
store_milestone_add(struct store *st, long long sid,
    const struct store_milestone *m, struct err *e)
{
	char q[ANSWERS_NAME_MAX * 4 + 8];
	sqlite3_stmt *s;
	int rc;

	if (answers_name_check(m->label, e) != 0)
		return -1;
	if (st->readonly) {
		err_file(e, st->path, "opened read-only: the milestone is not "
		    "saved");
		return -1;
	}
	if (store_begin_write(st, e) != 0)
		return -1;
	if ((rc = store_milestone_get(st, sid, m->label, NULL, NULL, e)) != 0) {
		if (rc > 0)
			err_set(e, "the session already has a milestone "
			    "'%s'; a milestone never changes, so choose "
			    "another label", err_quote(q, sizeof q, m->label,
			    strlen(m->label)));
		goto fail;
	}
	/* The session must still exist; its row says it changed now. */
	if (store_touch(st, sid, e) != 0 ||
	    store_prepare(st, "INSERT INTO milestones(session_id, label, "
	    "time, user, model_id, model_version, pricing, answers) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &s, e) != 0)
		goto fail;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, m->label);
	sqlite3_bind_int64(s, 3, store_now(st));
	store_bind_text(s, 4, st->user);
	store_bind_text(s, 5, m->model_id);
	store_bind_text(s, 6, m->model_version);
	store_bind_text(s, 7, m->pricing);
	store_bind_text(s, 8, m->answers);
	/* On the session's timeline too (audit only: undo skips it). */
	if (store_run(st, s, "cannot save the milestone", e) != 0 ||
	    store_history_add(st, sid, "milestone", NULL, m->label, 0, 0,
	    e) != 0 ||
	    store_commit(st, "cannot save the milestone", e) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int
store_milestone_get(struct store *st, long long sid, const char *label,
    struct store_milestone *out, char **answers, struct err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (answers != NULL)
		*answers = NULL;
	if (!has_table(st))
		return 0;
	if (store_prepare(st, "SELECT " MILESTONE_COLUMNS " FROM milestones "
	    "WHERE session_id = ?1 AND label = ?2", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	store_bind_text(s, 2, label);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		struct store_milestone m;

		milestone_row(s, sid, &m);
		if (answers != NULL && (*answers = strdup(m.answers)) ==
		    NULL) {
			sqlite3_finalize(s);
			err_set(e, "out of memory");
			return -1;
		}
		if (out != NULL) {
			*out = m;
			out->answers = answers != NULL ? *answers : NULL;
		}
		sqlite3_finalize(s);
		return 1;
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(st, rc, "cannot read the milestones", e);
}

int
store_milestone_list(struct store *st, long long sid,
    int (*fn)(const struct store_milestone *m, void *arg), void *arg,
    struct err *e)
{
	struct store_milestone m;
	sqlite3_stmt *s;
	int rc;

	if (!has_table(st))
		return 0;
	if (store_prepare(st, "SELECT " MILESTONE_COLUMNS " FROM milestones "
	    "WHERE session_id = ?1 ORDER BY time, rowid", &s, e) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, sid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		milestone_row(s, sid, &m);
		if (fn(&m, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "cannot read the milestones", e);
	return 0;
}
