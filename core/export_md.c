/* export_md.c - the Markdown summary; see export_md.h. */
#include "config.h"

#include "export_md.h"
#include "md.h"

#include <errno.h>
#include <string.h>

static void
md_scores(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	int o, d;

	fputs("| Option | Total |", out);
	for (d = 0; d < m->ndims; d++) {
		fputc(' ', out);
		md_cell(out, m->dims[d].title);
		fprintf(out, " (w%d) |", r->answers->weight[d]);
	}
	fputs("\n|---|---:|", out);
	for (d = 0; d < m->ndims; d++)
		fputs("---:|", out);
	fputc('\n', out);
	for (o = 0; o < m->noptions; o++) {
		fputs("| ", out);
		if (o == res->recommendation)
			fputs("**", out);
		md_cell(out, m->options[o].title);
		if (o == res->recommendation)
			fputs("**", out);
		if (res->blocked & (1u << o))
			fputs(" (blocked)", out);
		fprintf(out, " | %.1f |", res->total[o]);
		for (d = 0; d < m->ndims; d++)
			fprintf(out, " %.1f |", res->score[o][d]);
		fputc('\n', out);
	}
}

static void
md_why(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct eval_result *res = r->result;
	char buf[1200];
	int i;

	if (res->nblocks > 0) {
		fputs("\n## Blocked options\n\n", out);
		for (i = 0; i < res->nblocks; i++) {
			fputs("- **", out);
			md_inline(out, m->options[res->blocks[i].option].title);
			fputs("**: ", out);
			md_inline(out, report_block_text(r, &res->blocks[i], buf,
			    sizeof buf));
			fputc('\n', out);
		}
	}
	if (res->nrationale > 0) {
		fputs("\n## Rationale\n\n", out);
		for (i = 0; i < res->nrationale; i++) {
			const struct eval_reason *x = &res->rationale[i];
			const struct model_question *qn =
			    &m->questions[x->question];

			fprintf(out, "%d. `%s` = `%s` favours ", i + 1, qn->id,
			    qn->answers[x->answer].id);
			md_inline(out, m->options[x->favors].title);
			fputs(" on ", out);
			md_inline(out, m->dims[x->dim].title);
			fprintf(out, " (%.1f points)\n", x->points);
		}
	}
	fputs("\n## What would flip it\n\n", out);
	if (res->flip.kind == FLIP_ANSWER) {
		const struct model_question *qn =
		    &m->questions[res->flip.question];

		fprintf(out, "Answering `%s` with `%s` would recommend ",
		    qn->id, qn->answers[res->flip.answer].id);
		md_inline(out, m->options[res->flip.to].title);
		fputs(".\n", out);
	} else if (res->flip.kind == FLIP_WEIGHT) {
		fprintf(out, "Setting the weight of `%s` to %d would "
		    "recommend ", m->dims[res->flip.dim].id, res->flip.weight);
		md_inline(out, m->options[res->flip.to].title);
		fputs(".\n", out);
	} else
		fputs("No single answer or weight change would change the "
		    "recommendation.\n", out);
}

static void
md_answers(FILE *out, const struct report *r)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	int p, q;

	fputs("\n## Answers\n", out);
	for (p = 0; p < m->npanels; p++) {
		const struct model_panel *pn = &m->panels[p];

		fputs("\n### ", out);
		md_inline(out, pn->title);
		fputs("\n\n| Question | Answer | Note |\n|---|---|---|\n", out);
		for (q = pn->first; q < pn->first + pn->count; q++) {
			const struct model_question *qn = &m->questions[q];

			fputs("| ", out);
			md_cell(out, qn->prompt);
			fputs(" | ", out);
			if (!r->result->visible_q[q])
				fputs("*(not asked)*", out);
			else if (a->answer[q] >= 0)
				md_cell(out, qn->answers[a->answer[q]].label);
			else
				fputs("*(unanswered)*", out);
			fputs(" | ", out);
			if (a->note[q] != NULL)
				md_cell(out, a->note[q]);
			fputs(" |\n", out);
		}
	}
}

int
export_md(FILE *out, const struct report *r, struct err *e)
{
	const struct model *m = r->model;
	const struct answers *a = r->answers;
	const struct eval_result *res = r->result;
	int i;

	fputs("# ", out);
	if (a->session != NULL) {
		md_inline(out, a->session);
		fputs(": ", out);
	}
	md_inline(out, m->title);
	fputs("\n\n", out);
	fputs("Model: `", out);
	fputs(m->id, out);
	fputs("` version ", out);
	md_inline(out, m->version);
	fputs("\n\n", out);
	if (a->context != NULL && a->context[0] != '\0') {
		md_paragraph(out, a->context);
		fputs("\n\n", out);
	}
	if (a->nparticipants > 0) {
		fputs("Participants: ", out);
		for (i = 0; i < a->nparticipants; i++) {
			if (i > 0)
				fputs(", ", out);
			md_inline(out, a->participants[i]);
		}
		fputs("\n\n", out);
	}
	fputs("## Recommendation\n\n", out);
	if (res->recommendation >= 0) {
		fputs("**", out);
		md_inline(out, m->options[res->recommendation].title);
		fprintf(out, "** with confidence %.2f ", res->confidence);
	} else
		fputs("**Undecided** ", out);
	fprintf(out, "(%d of %d questions answered).\n\n", res->answered,
	    res->visible);
	md_scores(out, r);
	md_why(out, r);
	md_answers(out, r);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(e, "cannot write Markdown: %s", strerror(errno));
		return -1;
	}
	return 0;
}
