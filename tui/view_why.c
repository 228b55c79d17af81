/* view_why.c - the rationale: why this recommendation, what blocks the
 * others, what would flip it, the scores by dimension, the guidance. */
#include "config.h"

#include "views.h"
#include "phrase.h"

#include <stdio.h>

static void
recommendation(struct pager *p, const struct session *s)
{
	const struct eval_result *r = s->result;
	char buf[512], rec[256];

	phrase_recommendation(s->model, r, rec, sizeof rec);
	if (r->recommendation >= 0)
		snprintf(buf, sizeof buf, "%s, with confidence %.2f (%d of %d "
		    "questions answered; a lead of %.1f points).", rec,
		    r->confidence, r->answered, r->visible, r->runner_up >= 0 ?
		    r->total[r->recommendation] - r->total[r->runner_up] :
		    100.0);
	else
		snprintf(buf, sizeof buf, "%s.", rec);
	pager_text(p, 1, ROLE_HEADING, "Recommendation:", ROLE_RECOMMENDED,
	    buf);
}

static void
flip(struct pager *p, const struct session *s)
{
	char buf[1200];

	pager_blank(p);
	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING,
	    "What would flip it");
	pager_text(p, 3, ROLE_NORMAL, NULL, ROLE_NORMAL, phrase_flip(s->model,
	    s->result, s->answers->answer, s->answers->weight, buf,
	    sizeof buf));
}

static void
blocked(struct pager *p, const struct session *s)
{
	const struct model *m = s->model;
	const struct eval_result *r = s->result;
	char buf[1200], label[64];
	int i;

	if (r->nblocks == 0)
		return;
	pager_blank(p);
	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING, "Ruled out");
	for (i = 0; i < r->nblocks; i++) {
		snprintf(label, sizeof label, "%s:",
		    m->options[r->blocks[i].option].title);
		pager_text(p, 3, ROLE_BLOCKED, label, ROLE_NORMAL,
		    phrase_block(m, &r->blocks[i], buf, sizeof buf));
	}
}

static void
reasons(struct pager *p, const struct session *s)
{
	const struct model *m = s->model;
	const struct eval_result *r = s->result;
	char buf[1200], label[64];
	int i;

	pager_blank(p);
	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING,
	    "Why: the answers that moved the result most");
	if (r->nrationale == 0)
		pager_text(p, 3, ROLE_NORMAL, NULL, ROLE_DIM,
		    "No answer favours one option yet.");
	for (i = 0; i < r->nrationale; i++) {
		const struct eval_reason *x = &r->rationale[i];
		const struct model_question *qn = &m->questions[x->question];

		snprintf(label, sizeof label, "%5.1f", x->points);
		snprintf(buf, sizeof buf, "%s = %s: favours %s on %s",
		    qn->id, qn->answers[x->answer].label,
		    m->options[x->favors].title, m->dims[x->dim].title);
		pager_text(p, 2, ROLE_CONFIDENCE, label, ROLE_NORMAL, buf);
	}
}

/* The scores by dimension: a heading row of options, then a row per
 * dimension. */
static void
scores(struct pager *p, const struct session *s)
{
	const struct model *m = s->model;
	const struct eval_result *r = s->result;
	char buf[1200];
	int d, o;

	pager_blank(p);
	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING,
	    "Scores by dimension (weight)");
	for (d = -1; d < m->ndims; d++) {
		int n = 0;

		if (d < 0)
			n = snprintf(buf, sizeof buf, "%-20s", "");
		else
			n = snprintf(buf, sizeof buf, "%-16.16s (%d) ",
			    m->dims[d].title, s->answers->weight[d]);
		for (o = 0; o < m->noptions && n < (int)sizeof buf - 16; o++)
			n += d < 0 ? snprintf(buf + n, sizeof buf - (size_t)n,
			    "%12.12s", m->options[o].title) :
			    snprintf(buf + n, sizeof buf - (size_t)n, "%12.1f",
			    r->score[o][d]);
		pager_text(p, 3, ROLE_NORMAL, NULL, d < 0 ? ROLE_HEADING :
		    r->has_evidence[d] ? ROLE_NORMAL : ROLE_DIM, buf);
	}
}

static void
guidance(struct pager *p, const struct session *s, int utf8)
{
	const struct model *m = s->model;
	int o = s->result->recommendation, i;
	char buf[256];

	if (o < 0 || m->nguidance[o] == 0)
		return;
	pager_blank(p);
	snprintf(buf, sizeof buf, "Choose %s when", m->options[o].title);
	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING, buf);
	for (i = 0; i < m->nguidance[o]; i++)
		pager_text(p, 3, ROLE_DIM, utf8 ? "\xe2\x80\xa2" : "-",
		    ROLE_NORMAL, m->guidance[o][i]);
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct pager p;

	pager_start(&p, ui, priv, w, rows, cols);
	recommendation(&p, ui->s);
	flip(&p, ui->s);
	blocked(&p, ui->s);
	reasons(&p, ui->s);
	scores(&p, ui->s);
	guidance(&p, ui->s, ui->utf8);
	pager_end(&p);
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	(void)digit;
	return scroll_key(priv, act, ui->body_rows > 3 ? ui->body_rows - 2 :
	    1);
}

const struct view_ops view_why = {
	.id = VIEW_WHY,
	.private_size = sizeof(struct scroll),
	.draw = draw,
	.key = key,
};
