/* view_disagree.c - the workshop's votes: each participant's own
 * recommendation beside the room's, and the questions where votes
 * differ, what each disputed answer would recommend, those that change
 * the outcome first.  Votes not yet revealed stay hidden here too. */
#include "config.h"

#include "views.h"
#include "phrase.h"

#include <stdio.h>
#include <string.h>

/* The identity under the cursor, and the page's scroll. */
struct disagree_view {
	int cursor;
	struct scroll sc;
	int editing;		/* the identity whose name is being typed */
};

/* Whether identity I's votes may be shown to this participant: their
 * own, or every question they voted on is revealed. */
static int
shown(const struct session *s, int i)
{
	const struct answers *a = s->answers;
	int q;

	if (strcmp(a->ident[i], session_ident(s)) == 0)
		return 1;
	for (q = 0; q < s->model->nquestions; q++)
		if (a->vote[i][q] >= 0 && !a->revealed[q])
			return 0;
	return 1;
}

/* Each participant's own recommendation beside the room's. */
static void
participants(struct pager *p, const struct session *s,
    const struct disagree_view *st)
{
	const struct model *m = s->model;
	const struct answers *a = s->answers;
	const struct disagree *d = s->disagree;
	char label[ANSWERS_IDENT_MAX + 8], buf[512], rec[256];
	int i;

	phrase_recommendation(m, s->result, rec, sizeof rec);
	snprintf(buf, sizeof buf, "%s; you are %s.", rec, session_ident(s));
	pager_text(p, 1, ROLE_HEADING, "The room:", ROLE_RECOMMENDED, buf);
	pager_blank(p);
	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING, "Each "
	    "participant's own recommendation (their votes, the room's "
	    "answers elsewhere)");
	if (a->nidents == 0)
		pager_text(p, 3, ROLE_NORMAL, NULL, ROLE_DIM, "Nobody has voted "
		    "yet: v on a question gives your own answer.");
	for (i = 0; i < a->nidents; i++) {
		int own = d->own[i];

		snprintf(label, sizeof label, "%s %s", i == st->cursor ?
		    (p->ui->utf8 ? "\xe2\x96\xb8" : ">") : " ", a->ident[i]);
		snprintf(buf, sizeof buf, "%s: %s%s", a->ident_as[i] != NULL ?
		    a->ident_as[i] : "(not listed yet: Enter says who)",
		    !shown(s, i) ? "votes hidden until revealed" : own >= 0 ?
		    m->options[own].title : "undecided", shown(s, i) &&
		    own != d->room ? " (differs from the room)" : "");
		pager_text(p, 2, i == st->cursor ? ROLE_CURSOR : ROLE_KEY,
		    label, ROLE_NORMAL, buf);
	}
}

/* The voters of answer K to question Q, "ana, chloe". */
static const char *
voters(const struct answers *a, int q, int k, char *buf, size_t size)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < a->nidents && o < size; i++)
		if (a->vote[i][q] == k)
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
			    o ? ", " : "", a->ident[i]);
	return buf;
}

/* One disputed question: hidden, or who chose what and what it would
 * recommend. */
static void
disputed(struct pager *p, const struct session *s,
    const struct disagree_question *x)
{
	const struct model *m = s->model;
	const struct model_question *qn = &m->questions[x->question];
	char buf[1024], who[512], label[16];
	int i, n;

	pager_blank(p);
	pager_text(p, 1, ROLE_QUESTION, NULL, ROLE_QUESTION, qn->prompt);
	if (!s->answers->revealed[x->question]) {
		n = answers_votes_on(s->answers, x->question, NULL);
		snprintf(buf, sizeof buf, "%d votes, hidden until revealed (V "
		    "on the question reveals them).", n);
		pager_text(p, 3, ROLE_NORMAL, NULL, ROLE_DIM, buf);
		return;
	}
	for (i = 0; i < x->nanswers; i++) {
		const struct disagree_answer *y = &x->answers[i];

		snprintf(label, sizeof label, "%s", y->changes ?
		    (p->ui->utf8 ? "\xe2\x97\x86" : "!") : " ");
		snprintf(buf, sizeof buf, "%s: %s; with it the recommendation "
		    "%s %s.", qn->answers[y->answer].label, voters(s->answers,
		    x->question, y->answer, who, sizeof who), y->changes ?
		    "becomes" : "stays", y->recommendation >= 0 ?
		    m->options[y->recommendation].title : "undecided");
		pager_text(p, 3, y->changes ? ROLE_WARNING : ROLE_DIM, label,
		    ROLE_NORMAL, buf);
	}
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct disagree_view *st = priv;
	const struct disagree *d = ui->s->disagree;
	struct pager p;
	int j;

	if (st->cursor >= ui->s->answers->nidents)
		st->cursor = ui->s->answers->nidents > 0 ?
		    ui->s->answers->nidents - 1 : 0;
	pager_start(&p, ui, &st->sc, w, rows, cols);
	participants(&p, ui->s, st);
	pager_blank(&p);
	pager_text(&p, 1, ROLE_HEADING, NULL, ROLE_HEADING, "Where the votes "
	    "differ (those that change the recommendation first)");
	if (d->nquestions == 0)
		pager_text(&p, 3, ROLE_NORMAL, NULL, ROLE_DIM, "No question has "
		    "votes that differ.");
	for (j = 0; j < d->nquestions; j++)
		disputed(&p, ui->s, &d->questions[j]);
	pager_end(&p);
}

static int
who_typed(struct ui *ui, void *priv, const char *text)
{
	struct disagree_view *st = priv;
	const struct answers *a = ui->s->answers;
	unsigned what = 0;
	struct err e;
	int rc;

	if (st->editing >= a->nidents)
		return UI_DRAW;
	rc = session_set_identity(ui->s, a->ident[st->editing], text, &what,
	    &e);
	return ui_changed(ui, rc, what, &e);
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	struct disagree_view *st = priv;
	const struct answers *a = ui->s->answers;
	char prompt[ANSWERS_IDENT_MAX + 64];

	(void)digit;
	switch (act) {
	case ACT_UP:
		if (st->cursor > 0)
			st->cursor--;
		return UI_DRAW;
	case ACT_DOWN:
		if (st->cursor + 1 < a->nidents)
			st->cursor++;
		return UI_DRAW;
	case ACT_EDIT:
		if (st->cursor >= a->nidents)
			return UI_NONE;
		st->editing = st->cursor;
		snprintf(prompt, sizeof prompt, "Who is %s? (as listed):",
		    a->ident[st->cursor]);
		edit_start(ui, prompt, a->ident_as[st->cursor], 0, who_typed,
		    st);
		return UI_NONE;
	default:
		return scroll_key(&st->sc, act, ui->body_rows > 3 ?
		    ui->body_rows - 2 : 1);
	}
}

const struct view_ops view_disagree = {
	.id = VIEW_DISAGREE,
	.private_size = sizeof(struct disagree_view),
	.draw = draw,
	.key = key,
};
