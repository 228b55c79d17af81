/* session.c - saving every change of the open session; see session.h. */
#include "config.h"

#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_impl.h"
#include "export.h"

const char *
session_name(const struct session *s)
{
	return s->info.name;
}

static int
failed(struct ui *ui, const struct err *e)
{
	ui_status(ui, 1, "Not saved: %s", e->msg);
	return UI_DRAW;
}

int
session_set_answer(struct ui *ui, int q, int a)
{
	struct err e;

	if (ui->answers->answer[q] == a)
		return UI_NONE;
	if (store_set_answer(ui->session->store, ui->session->info.id, q, a,
	    &e) < 0)
		return failed(ui, &e);
	ui->answers->answer[q] = a;
	return UI_CHANGED;
}

int
session_set_weight(struct ui *ui, int d, int weight)
{
	struct err e;

	if (store_set_weight(ui->session->store, ui->session->info.id, d,
	    weight, &e) < 0)
		return failed(ui, &e);
	ui->answers->weight[d] = weight;
	return UI_CHANGED;
}

int
session_set_workload(struct ui *ui, int f, const char *text)
{
	struct workload w = ui->answers->workload;
	char msg[256];
	struct err e;

	if (text != NULL && workload_parse(&w, f, text, msg,
	    sizeof msg) != 0) {
		ui_status(ui, 1, "%s", msg);
		return UI_DRAW;
	}
	if (text == NULL) {
		w.num[f] = wl_fields[f].def;
		w.text[f][0] = '\0';
		w.set &= ~(1u << f);
	}
	if (store_set_workload(ui->session->store, ui->session->info.id, f,
	    text, &e) < 0)
		return failed(ui, &e);
	ui->answers->workload = w;
	/* A node type belongs to one provider: another provider's default
	 * takes over when the provider changes. */
	if (f == WL_PROVIDER && ui->pricing != NULL && w.text[WL_NODE_TYPE][0] &&
	    cost_node(&ui->pricing->provider[(int)w.num[WL_PROVIDER]], &w) ==
	    NULL)
		return session_set_workload(ui, WL_NODE_TYPE, NULL);
	return UI_CHANGED;
}

static int
set_note(struct ui *ui, int q, const char *text)
{
	struct err e;
	const char *old = ui->answers->note[q];

	if ((old == NULL && text[0] == '\0') ||
	    (old != NULL && strcmp(old, text) == 0))
		return UI_DRAW;
	if (store_set_note(ui->session->store, ui->session->info.id, q,
	    text[0] != '\0' ? text : NULL, &e) < 0)
		return failed(ui, &e);
	ui->answers->note[q] = text[0] != '\0' ?
	    answers_strdup(ui->answers, text) : NULL;
	ui_status(ui, 0, text[0] != '\0' ? "Note saved." : "Note removed.");
	return UI_DRAW;
}

int
session_reload(struct ui *ui)
{
	struct answers *a;
	struct err e;
	int skipped = 0;

	a = store_load(ui->session->store, ui->session->info.id, &skipped, &e);
	if (a == NULL) {
		ui_status(ui, 1, "Cannot read the session: %s", e.msg);
		return -1;
	}
	answers_free(ui->answers);
	ui->answers = a;
	if (skipped > 0)
		ui_status(ui, 1, "%d saved entr%s unknown to this model, "
		    "left as they are.", skipped, skipped == 1 ? "y is" :
		    "ies are");
	return 0;
}

int
session_undo(struct ui *ui)
{
	struct store_undo u;
	struct err e;
	int rc;

	rc = store_undo(ui->session->store, ui->session->info.id, &u, &e);
	if (rc < 0)
		return failed(ui, &e);
	if (rc == 0) {
		ui_status(ui, 0, "Nothing to undo.");
		return UI_NONE;
	}
	if (session_reload(ui) != 0)
		return UI_DRAW;
	if (u.count > 1)
		ui_status(ui, 0, "Undone: %d changes (an import).", u.count);
	else
		ui_status(ui, 0, "Undone: %s is %s%s%s.", u.field,
		    u.unset ? "" : "now '", u.unset ? "unset" : u.value,
		    u.unset ? "" : "'");
	return UI_CHANGED;
}

/* Open session NAME (creating it when CREATE) in place of the current. */
int
session_switch(struct ui *ui, const char *name, int create)
{
	struct store_session info;
	struct err e;
	int rc, created = 0;

	if (create)
		rc = store_find_or_create(ui->session->store, name, &info,
		    &created, &e);
	else
		rc = store_find(ui->session->store, name, &info, &e) == 1 ? 0 :
		    -1;
	if (rc != 0) {
		ui_status(ui, 1, "%s", rc < 0 && !create ? "No such session." :
		    e.msg);
		return UI_DRAW;
	}
	ui->session->info = info;
	if (session_reload(ui) != 0)
		return UI_DRAW;
	eval_run(ui->model, ui->answers->answer, ui->answers->weight,
	    ui->result);
	ui_go_question(ui, ui_first_open(ui));
	ui->weight = 0;
	ui_open_view(ui, &view_question);
	ui_status(ui, 0, "%s session '%s'.", created ? "New" : "Opened",
	    info.name);
	return UI_CHANGED | UI_ALL;
}

int
session_export(struct ui *ui)
{
	ui_edit_start(ui, EDIT_EXPORT_FORMAT, 0,
	    "Export as (markdown, adr or yaml):", "markdown");
	return UI_NONE;
}

/* Write the export to PATH (FORCE: replace what is there). */
static int
export_to(struct ui *ui, const char *path, int force)
{
	enum export_format f = (enum export_format)ui->export_format;
	struct err e;
	char q[160];
	int rc;

	rc = export_session_to(ui->session->store, ui->session->info.id,
	    ui->model, ui->pricing, f, path, force, ui->now, &e);
	err_quote(q, sizeof q, path, strlen(path));
	if (rc == EXPORT_EXISTS) {
		snprintf(ui->export_path, sizeof ui->export_path, "%s", path);
		ui_edit_start(ui, EDIT_CONFIRM_OVERWRITE, 0, "That file exists. "
		    "Replace it? Type yes:", "");
		return UI_NONE;
	}
	if (rc != 0)
		return failed(ui, &e);
	ui_status(ui, 0, "Wrote the %s to %s.", f == EXPORT_ADR ?
	    "decision record" : f == EXPORT_YAML ? "answers file" : "summary",
	    q);
	return UI_DRAW;
}

static int
export_step(struct ui *ui, enum edit_purpose purpose, const char *text)
{
	enum export_format f;
	char path[EDIT_MAX];

	switch (purpose) {
	case EDIT_EXPORT_FORMAT:
		if (export_format_parse(text, &f) != 0) {
			ui_status(ui, 1, "No format '%.40s': markdown, adr or "
			    "yaml.", text);
			return UI_DRAW;
		}
		ui->export_format = (int)f;
		export_default_path(session_name(ui->session), f, path,
		    sizeof path);
		ui_edit_start(ui, EDIT_EXPORT_PATH, 0, "Write to:", path);
		return UI_NONE;
	case EDIT_EXPORT_PATH:
		if (text[0] == '\0' || strcmp(text, "-") == 0) {
			ui_status(ui, 1, "Give a file to write to (standard "
			    "output is the screen here).");
			return UI_DRAW;
		}
		return export_to(ui, text, 0);
	case EDIT_CONFIRM_OVERWRITE:
		if (strcmp(text, "yes") != 0) {
			ui_status(ui, 0, "Not written.");
			return UI_DRAW;
		}
		return export_to(ui, ui->export_path, 1);
	default:
		return UI_NONE;
	}
}

int
session_edit_done(struct ui *ui, enum edit_purpose purpose, int arg,
    const char *text)
{
	switch (purpose) {
	case EDIT_NOTE:
		return set_note(ui, arg, text);
	case EDIT_COST:
		return session_set_workload(ui, arg, text[0] != '\0' ? text :
		    NULL);
	case EDIT_EXPORT_FORMAT:
	case EDIT_EXPORT_PATH:
	case EDIT_CONFIRM_OVERWRITE:
		return export_step(ui, purpose, text);
	default:
		return view_sessions_edit_done(ui, purpose, text);
	}
}
