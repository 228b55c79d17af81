/* ui.c - what every view uses to act: the status line, the outcome of
 * a session verb, moving between questions and views; see ui.h. */
#include "config.h"

#include "ui.h"

#include <stdarg.h>
#include <stdio.h>

void
ui_status(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	ui->status_error = error;
}

int
ui_changed(struct ui *ui, int rc, unsigned what, const struct err *e)
{
	if (rc < 0) {
		ui_status(ui, 1, "Not saved: %s", e->msg);
		return UI_DRAW;
	}
	if (what == 0)
		return UI_NONE;
	ui->what |= what;
	return UI_CHANGED;
}

void
ui_request_view(struct ui *ui, enum view_id view)
{
	ui->next_view = (int)view + 1;
}

int
ui_step_question(const struct ui *ui, int q, int dir)
{
	for (q += dir; q >= 0 && q < ui->s->model->nquestions; q += dir)
		if (ui->s->result->visible_q[q])
			return q;
	return -1;
}

int
ui_first_open(const struct ui *ui)
{
	const struct session *s = ui->s;
	int q;

	for (q = 0; q < s->model->nquestions; q++)
		if (s->result->visible_q[q] && s->answers->answer[q] < 0)
			return q;
	return 0;
}

int
ui_resume_question(const struct ui *ui)
{
	char id[65];
	int q;

	if (presence_where(ui->presence, ui->s->info.id, id, sizeof id) &&
	    (q = model_question_index(ui->s->model, id)) >= 0 &&
	    ui->s->result->visible_q[q])
		return q;
	return ui_first_open(ui);
}

int
ui_next_open(const struct ui *ui, int q)
{
	int n = ui->s->model->nquestions, i, k;

	for (i = 1; i < n; i++) {
		k = (q + i) % n;
		if (ui->s->result->visible_q[k] &&
		    ui->s->answers->answer[k] < 0)
			return k;
	}
	return -1;
}

void
ui_go_question(struct ui *ui, int q)
{
	if (q < 0 || q >= ui->s->model->nquestions)
		return;
	if (!ui->s->result->visible_q[q]) {
		int n = ui_step_question(ui, q, 1);

		q = n >= 0 ? n : ui_step_question(ui, q, -1);
		if (q < 0)
			return;
	}
	ui->question = q;
}
