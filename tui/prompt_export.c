/* prompt_export.c - exporting the open session from the explorer: the
 * format, the path, and a confirmation before replacing a file. */
#include "config.h"

#include "views.h"

#include "export.h"

#include <stdio.h>
#include <string.h>

/* Write the export to PATH (FORCE: replace what is there). */
static int
export_to(struct ui *ui, const char *path, int force);

static int
confirmed(struct ui *ui, void *data, const char *text)
{
	(void)data;
	if (strcmp(text, "yes") != 0) {
		ui_status(ui, 0, "Not written.");
		return UI_DRAW;
	}
	return export_to(ui, ui->export_path, 1);
}

static int
export_to(struct ui *ui, const char *path, int force)
{
	enum export_format f = (enum export_format)ui->export_format;
	unsigned what = 0;
	struct err e;
	char q[160];
	int rc;

	/* What the database holds now, also on screen. */
	if (session_refresh(ui->s, &what, &e) != 0) {
		ui_status(ui, 1, "Not written: %s", e.msg);
		return UI_DRAW;
	}
	ui_changed(ui, 0, what, &e);
	rc = export_session_to(ui->s, f, path, force, &e);
	err_quote(q, sizeof q, path, strlen(path));
	if (rc == EXPORT_EXISTS) {
		snprintf(ui->export_path, sizeof ui->export_path, "%s", path);
		edit_start(ui, "That file exists. Replace it? Type yes:", "",
		    0, confirmed, NULL);
		return UI_NONE;
	}
	if (rc != 0) {
		ui_status(ui, 1, "Not written: %s", e.msg);
		return UI_DRAW;
	}
	ui_status(ui, 0, "Wrote the %s to %s.", f == EXPORT_ADR ?
	    "decision record" : f == EXPORT_YAML ? "answers file" : "summary",
	    q);
	return UI_DRAW | (what != 0 ? UI_CHANGED : 0);
}

static int
path_given(struct ui *ui, void *data, const char *text)
{
	(void)data;
	if (text[0] == '\0' || strcmp(text, "-") == 0) {
		ui_status(ui, 1, "Give a file to write to (standard output is "
		    "the screen here).");
		return UI_DRAW;
	}
	return export_to(ui, text, 0);
}

static int
format_given(struct ui *ui, void *data, const char *text)
{
	enum export_format f;
	char path[EDIT_MAX];

	(void)data;
	if (export_format_parse(text, &f) != 0) {
		ui_status(ui, 1, "No format '%.40s': markdown, adr or yaml.",
		    text);
		return UI_DRAW;
	}
	ui->export_format = (int)f;
	export_default_path(ui->s->info.name, f, path, sizeof path);
	edit_start(ui, "Write to:", path, 0, path_given, NULL);
	return UI_NONE;
}

int
prompt_export(struct ui *ui)
{
	edit_start(ui, "Export as (markdown, adr or yaml):", "markdown", 0,
	    format_given, NULL);
	return UI_NONE;
}
