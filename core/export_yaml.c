/* export_yaml.c - answers files written with yamlw; see export_yaml.h. */
#include "config.h"

#include "export_yaml.h"
#include "workload.h"
#include "yamlw.h"

static void
write_participants(struct yamlw *w, const struct answers *a)
{
	int i;

	if (a->nparticipants == 0)
		return;
	yamlw_key(w, "participants");
	yamlw_seq(w, 0);
	for (i = 0; i < a->nparticipants; i++)
		yamlw_text(w, a->participants[i]);
	yamlw_seq_end(w);
}

static void
write_answers(struct yamlw *w, const struct answers *a)
{
	const struct model *m = a->model;
	int q;

	yamlw_key(w, "answers");
	yamlw_map(w, 0);
	for (q = 0; q < m->nquestions; q++) {
		if (a->answer[q] < 0)
			continue;
		yamlw_key(w, m->questions[q].id);
		/* As text: an answer id like "null" must stay an id. */
		yamlw_text(w, m->questions[q].answers[a->answer[q]].id);
	}
	yamlw_map_end(w);
}

static void
write_weights(struct yamlw *w, const struct answers *a)
{
	const struct model *m = a->model;
	int d;

	if (a->weight_set == 0)
		return;
	yamlw_key(w, "weights");
	yamlw_map(w, 0);
	for (d = 0; d < m->ndims; d++) {
		if (!(a->weight_set & (1u << d)))
			continue;
		yamlw_key(w, m->dims[d].id);
		yamlw_int(w, a->weight[d]);
	}
	yamlw_map_end(w);
}

static void
write_workload(struct yamlw *w, const struct answers *a)
{
	char buf[WL_TEXT_MAX + 32];
	int f;

	if (a->workload.set == 0)
		return;
	yamlw_key(w, "workload");
	yamlw_map(w, 0);
	for (f = 0; f < WL_NFIELDS; f++) {
		if (!(a->workload.set & (1u << f)))
			continue;
		yamlw_key(w, wl_fields[f].key);
		workload_format(&a->workload, f, buf, sizeof buf);
		/* Numbers and booleans must be plain to be read back as
		 * such; free text is quoted whenever plain would differ. */
		if (wl_fields[f].kind == WL_TEXT)
			yamlw_text(w, buf);
		else
			yamlw_key(w, buf);
	}
	yamlw_map_end(w);
}

static void
write_notes(struct yamlw *w, const struct answers *a)
{
	const struct model *m = a->model;
	int q, any = 0;

	for (q = 0; q < m->nquestions; q++)
		any |= a->note[q] != NULL;
	if (!any)
		return;
	yamlw_key(w, "notes");
	yamlw_map(w, 0);
	for (q = 0; q < m->nquestions; q++) {
		if (a->note[q] == NULL)
			continue;
		yamlw_key(w, m->questions[q].id);
		yamlw_text(w, a->note[q]);
	}
	yamlw_map_end(w);
}

/* The workshop's part: every identity's votes, who each identity is,
 * and the questions whose votes are revealed. */
static void
write_workshop(struct yamlw *w, const struct answers *a)
{
	const struct model *m = a->model;
	int i, q, any;

	for (i = any = 0; i < a->nidents; i++)
		for (q = 0; q < m->nquestions; q++)
			any |= a->vote[i][q] >= 0;
	if (any) {
		yamlw_key(w, "votes");
		yamlw_map(w, 0);
		for (i = 0; i < a->nidents; i++) {
			for (q = any = 0; q < m->nquestions; q++)
				any |= a->vote[i][q] >= 0;
			if (!any)
				continue;
			yamlw_key(w, a->ident[i]);
			yamlw_map(w, 0);
			for (q = 0; q < m->nquestions; q++)
				if (a->vote[i][q] >= 0) {
					yamlw_key(w, m->questions[q].id);
					yamlw_text(w, m->questions[q].answers[
					    a->vote[i][q]].id);
				}
			yamlw_map_end(w);
		}
		yamlw_map_end(w);
	}
	for (i = any = 0; i < a->nidents; i++)
		any |= a->ident_as[i] != NULL;
	if (any) {
		yamlw_key(w, "identities");
		yamlw_map(w, 0);
		for (i = 0; i < a->nidents; i++)
			if (a->ident_as[i] != NULL) {
				yamlw_key(w, a->ident[i]);
				yamlw_text(w, a->ident_as[i]);
			}
		yamlw_map_end(w);
	}
	for (q = any = 0; q < m->nquestions; q++)
		any |= a->revealed[q];
	if (!any)
		return;
	yamlw_key(w, "revealed");
	yamlw_seq(w, 1);
	for (q = 0; q < m->nquestions; q++)
		if (a->revealed[q])
			yamlw_key(w, m->questions[q].id);
	yamlw_seq_end(w);
}

void
export_yaml_map(struct yamlw *w, const struct answers *a)
{
	yamlw_map(w, 0);
	if (a->session != NULL) {
		yamlw_key(w, "session");
		yamlw_text(w, a->session);
	}
	if (a->context != NULL && a->context[0] != '\0') {
		yamlw_key(w, "context");
		yamlw_text(w, a->context);
	}
	write_participants(w, a);
	write_answers(w, a);
	write_weights(w, a);
	write_workload(w, a);
	write_notes(w, a);
	write_workshop(w, a);
	yamlw_map_end(w);
}

int
export_yaml(FILE *out, const struct answers *a, struct err *e)
{
	struct yamlw w;

	if (yamlw_open(&w, out, e) != 0)
		return -1;
	export_yaml_map(&w, a);
	return yamlw_close(&w, e);
}
