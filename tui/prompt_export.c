/* prompt_export.c - exporting the open session from the explorer: the
 * format, the path, and a confirmation before replacing a file. */
#include "config.h"

#include "views.h"

#include "export.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
		struct stat sb;

		snprintf(ui->export_path, sizeof ui->export_path, "%s", path);
		/* Only the summary's chart beside it is in the way. */
		edit_start(ui, f == EXPORT_MARKDOWN && lstat(path, &sb) != 0 ?
		    "Its chart (-cost.svg) exists. Replace it? Type yes:" :
		    "That file exists. Replace it? Type yes:", "", 0,
		    confirmed, NULL);
		return UI_NONE;
	}
	if (rc != 0) {
		ui_status(ui, 1, "Not written: %s", e.msg);
		return UI_DRAW;
	}
	/* Remembered for this session's next export in that format. */
	if (ui->export_sid != ui->s->info.id)
		memset(ui->export_last, 0, sizeof ui->export_last);
	ui->export_sid = ui->s->info.id;
	snprintf(ui->export_last[f], sizeof ui->export_last[f], "%s", path);
	ui_status(ui, 0, "Wrote the %s to %s.", f == EXPORT_ADR ?
	    "decision record" : f == EXPORT_YAML ? "answers file" :
	    "summary and its chart", q);
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

/* The format is a choice of one key. */
static int
format_given(struct ui *ui, void *data, const char *text)
{
	static const struct {
		char key;
		enum export_format f;
	} keys[] = {
		{ 'm', EXPORT_MARKDOWN }, { '1', EXPORT_MARKDOWN },
		{ 'a', EXPORT_ADR }, { '2', EXPORT_ADR },
		{ 'y', EXPORT_YAML }, { '3', EXPORT_YAML },
	};
	char path[EDIT_MAX];
	size_t i;

	(void)data;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (text[0] == keys[i].key && text[1] == '\0')
			break;
	if (i == sizeof keys / sizeof keys[0]) {
		ui_status(ui, 0, "Not exported.");
		return UI_DRAW;
	}
	ui->export_format = (int)keys[i].f;
	/* The last path this session went to in that format, else the
	 * name's. */
	if (ui->export_sid == ui->s->info.id &&
	    ui->export_last[ui->export_format][0] != '\0')
		snprintf(path, sizeof path, "%s",
		    ui->export_last[ui->export_format]);
	else
		export_default_path(ui->s->info.name, keys[i].f, path,
		    sizeof path);
	edit_start(ui, "Write to:", path, EDIT_REPLACE, path_given, NULL);
	return UI_NONE;
}

int
prompt_export(struct ui *ui)
{
	edit_start(ui, "Export as: m summary  a ADR  y YAML  (Esc: no)", "",
	    EDIT_KEY, format_given, NULL);
	return UI_NONE;
}
