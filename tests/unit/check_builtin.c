/* check_builtin.c - the shipped files as compiled into the program
 * (tools/data2c.c): each is there byte for byte, found only for the very
 * same bytes; and the model, price list and themes compiled in are what
 * the loaders make of the files.  Each of those is loaded twice, once as
 * shipped (the compiled copy) and once with a newline added (which YAML
 * reads the same, so the loader parses, walks and checks it), and the
 * two are compared field by field. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "pricing.h"
#include "theme.h"
#include "ydoc.h"

/* The shipped file DIR/NAME, in *BUF (caller frees) with room for one
 * more byte. */
static size_t
shipped(const char *name, char **buf)
{
	const char *dir = getenv("TRADEOFF_DATADIR");
	char path[4096];
	struct err e;
	size_t len;
	char *b;

	ck_assert_msg(dir != NULL, "TRADEOFF_DATADIR is not set");
	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_msg(ydoc_read_file(path, YDOC_MAX_BYTES, &b, &len, &e) == 0,
	    "%s", e.msg);
	ck_assert_ptr_nonnull(b = realloc(b, len + 1));
	*buf = b;
	return len;
}

static void
same_str(const char *a, const char *b, const char *what)
{
	if (a == NULL || b == NULL)
		ck_assert_msg(a == b, "%s: one is NULL", what);
	else
		ck_assert_msg(strcmp(a, b) == 0, "%s: '%s' != '%s'", what, a,
		    b);
}

static void
same_conds(const struct model_cond *a, const struct model_cond *b, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		ck_assert_int_eq(a[i].question, b[i].question);
		ck_assert_uint_eq(a[i].mask, b[i].mask);
	}
}

static void
same_answer(const struct model *m, const struct model_answer *a,
    const struct model_answer *b)
{
	int i;

	same_str(a->id, b->id, "answer id");
	same_str(a->label, b->label, a->id);
	same_str(a->help, b->help, a->id);
	ck_assert_int_eq(a->line, b->line);
	ck_assert_int_eq(a->col, b->col);
	for (i = 0; i < m->noptions * m->ndims; i++)
		ck_assert_msg(a->effect[i] == b->effect[i], "%s effect %d",
		    a->id, i);
	ck_assert_int_eq(a->nblocks, b->nblocks);
	for (i = 0; i < a->nblocks; i++) {
		ck_assert_int_eq(a->blocks[i].option, b->blocks[i].option);
		same_str(a->blocks[i].reason, b->blocks[i].reason, a->id);
		ck_assert_int_eq(a->blocks[i].nconds, b->blocks[i].nconds);
		same_conds(a->blocks[i].conds, b->blocks[i].conds,
		    a->blocks[i].nconds);
	}
	for (i = 0; i < m->noptions; i++)
		same_str(a->block[i], b->block[i], a->id);
	ck_assert_uint_eq(a->block_mask, b->block_mask);
}

static void
same_question(const struct model *m, const struct model_question *a,
    const struct model_question *b)
{
	int i;

	same_str(a->id, b->id, "question id");
	same_str(a->prompt, b->prompt, a->id);
	same_str(a->help, b->help, a->id);
	ck_assert_int_eq(a->panel, b->panel);
	ck_assert_int_eq(a->nanswers, b->nanswers);
	for (i = 0; i < a->nanswers; i++)
		same_answer(m, &a->answers[i], &b->answers[i]);
	ck_assert_int_eq(a->nconds, b->nconds);
	same_conds(a->conds, b->conds, a->nconds);
	for (i = 0; i < m->ndims; i++)
		ck_assert(a->span[i] == b->span[i]);
	ck_assert_int_eq(a->controls, b->controls);
	ck_assert_int_eq(a->def, b->def);
}

static void
same_tables(const struct model *a, const struct model *b)
{
	int t, r, i;

	ck_assert_int_eq(a->ntables, b->ntables);
	ck_assert_int_eq(a->nrows, b->nrows);
	for (t = 0; t < a->ntables; t++) {
		const struct model_table *x = &a->tables[t], *y = &b->tables[t];

		ck_assert_int_eq(x->dim, y->dim);
		same_str(x->title, y->title, "table");
		ck_assert_int_eq(x->nrows, y->nrows);
		ck_assert_int_eq(x->first_row, y->first_row);
		for (r = 0; r < x->nrows; r++) {
			same_str(x->rows[r].id, y->rows[r].id, "row");
			same_str(x->rows[r].label, y->rows[r].label, "row");
			for (i = 0; i < a->noptions; i++)
				same_str(x->rows[r].cells[i],
				    y->rows[r].cells[i], x->rows[r].id);
			ck_assert_int_eq(x->rows[r].nquestions,
			    y->rows[r].nquestions);
			for (i = 0; i < x->rows[r].nquestions; i++)
				ck_assert_int_eq(x->rows[r].questions[i],
				    y->rows[r].questions[i]);
		}
	}
}

static void
same_model(const struct model *a, const struct model *b)
{
	int i, j;

	same_str(a->file, b->file, "file");
	same_str(a->id, b->id, "id");
	same_str(a->version, b->version, "version");
	same_str(a->title, b->title, "title");
	ck_assert_int_eq(a->noptions, b->noptions);
	ck_assert_int_eq(a->ndims, b->ndims);
	ck_assert_int_eq(a->npanels, b->npanels);
	ck_assert_int_eq(a->nquestions, b->nquestions);
	for (i = 0; i < a->noptions; i++) {
		same_str(a->options[i].id, b->options[i].id, "option");
		same_str(a->options[i].title, b->options[i].title, "option");
		same_str(a->options[i].summary, b->options[i].summary,
		    "option");
		ck_assert_int_eq(a->options[i].shape, b->options[i].shape);
	}
	for (i = 0; i < a->ndims; i++) {
		same_str(a->dims[i].id, b->dims[i].id, "dim");
		same_str(a->dims[i].title, b->dims[i].title, "dim");
		same_str(a->dims[i].help, b->dims[i].help, "dim");
		ck_assert_int_eq(a->dims[i].weight, b->dims[i].weight);
	}
	for (i = 0; i < a->npanels; i++) {
		same_str(a->panels[i].id, b->panels[i].id, "panel");
		same_str(a->panels[i].title, b->panels[i].title, "panel");
		ck_assert_int_eq(a->panels[i].context, b->panels[i].context);
		ck_assert_int_eq(a->panels[i].first, b->panels[i].first);
		ck_assert_int_eq(a->panels[i].count, b->panels[i].count);
	}
	for (i = 0; i < a->nquestions; i++)
		same_question(a, &a->questions[i], &b->questions[i]);
	same_tables(a, b);
	ck_assert_int_eq(a->cost_dim, b->cost_dim);
	for (i = 0; i < MODEL_NQROLES; i++)
		ck_assert_int_eq(a->role_question[i], b->role_question[i]);
	for (i = 0; i < MODEL_NAROLES; i++)
		for (j = 0; j < 2; j++)
			ck_assert_int_eq(a->role_answer[i][j],
			    b->role_answer[i][j]);
	for (i = 0; i < MODEL_NSHAPES; i++)
		ck_assert_int_eq(a->shape_option[i], b->shape_option[i]);
	for (i = 0; i < a->noptions; i++) {
		ck_assert_int_eq(a->nguidance[i], b->nguidance[i]);
		for (j = 0; j < a->nguidance[i]; j++)
			same_str(a->guidance[i][j], b->guidance[i][j],
			    "guidance");
	}
	ck_assert_uint_eq(a->qhash_size, b->qhash_size);
	for (i = 0; i < (int)a->qhash_size; i++)
		ck_assert_int_eq(a->qhash[i], b->qhash[i]);
}

START_TEST(test_model)
{
	char *buf;
	size_t len = shipped("data/model.yaml", &buf);
	struct err e;
	struct model *built, *loaded;

	built = model_load_buffer("model.yaml", buf, len, &e);
	ck_assert_msg(built != NULL, "%s", e.msg);
	/* The compiled copy, not a tree walked again. */
	ck_assert_ptr_eq(built->options, model_builtins[0].model->options);
	buf[len] = '\n';
	loaded = model_load_buffer("model.yaml", buf, len + 1, &e);
	ck_assert_msg(loaded != NULL, "%s", e.msg);
	ck_assert_ptr_ne(loaded->options, built->options);
	same_model(built, loaded);
	/* Each is a model of its own: freeing one leaves the other. */
	model_free(loaded);
	loaded = model_load_buffer("other.yaml", buf, len, &e);
	ck_assert_ptr_nonnull(loaded);
	ck_assert_str_eq(loaded->file, "other.yaml");
	ck_assert_str_eq(built->file, "model.yaml");
	model_free(built);
	ck_assert_int_eq(model_question_index(loaded,
	    loaded->questions[3].id), 3);
	model_free(loaded);
	free(buf);
}
END_TEST

static void
same_provider(const struct pricing_provider *a,
    const struct pricing_provider *b)
{
	int i;

	same_str(a->id, b->id, "provider");
	same_str(a->name, b->name, a->id);
	same_str(a->region, b->region, a->id);
	for (i = 0; i < PB_NBLOCKS; i++) {
		same_str(a->block[i].service, b->block[i].service, a->id);
		same_str(a->block[i].source, b->block[i].source, a->id);
		same_str(a->block[i].date, b->block[i].date, a->id);
		ck_assert_int_eq(a->block[i].day, b->block[i].day);
	}
	/* No pointers in these: every byte is a figure (or zero). */
	ck_assert(memcmp(&a->functions, &b->functions,
	    sizeof a->functions) == 0);
	ck_assert(memcmp(&a->legacy, &b->legacy, sizeof a->legacy) == 0);
	ck_assert_int_eq(a->has_legacy, b->has_legacy);
	ck_assert(memcmp(a->gateway, b->gateway, sizeof a->gateway) == 0);
	ck_assert(a->gateway_free_requests == b->gateway_free_requests);
	ck_assert(a->control_plane_per_hour == b->control_plane_per_hour);
	ck_assert(a->extended_per_hour == b->extended_per_hour);
	ck_assert_int_eq(a->nnodes, b->nnodes);
	for (i = 0; i < a->nnodes; i++) {
		same_str(a->nodes[i].type, b->nodes[i].type, a->id);
		ck_assert(a->nodes[i].vcpu == b->nodes[i].vcpu);
		ck_assert(a->nodes[i].memory_gib == b->nodes[i].memory_gib);
		ck_assert(a->nodes[i].per_hour == b->nodes[i].per_hour);
	}
	ck_assert_int_eq(a->default_node, b->default_node);
	ck_assert_int_eq(a->has_containers, b->has_containers);
	ck_assert(a->ct_vcpu_second == b->ct_vcpu_second);
	ck_assert(a->ct_gib_second == b->ct_gib_second);
	ck_assert(a->ct_per_million_requests == b->ct_per_million_requests);
	ck_assert(a->ct_free_requests == b->ct_free_requests);
	ck_assert(a->ct_free_vcpu_seconds == b->ct_free_vcpu_seconds);
	ck_assert(a->ct_free_gib_seconds == b->ct_free_gib_seconds);
	ck_assert(a->ct_instance_vcpu == b->ct_instance_vcpu);
	ck_assert(a->ct_instance_gib == b->ct_instance_gib);
	ck_assert(a->ct_min_instances == b->ct_min_instances);
	ck_assert_int_eq(a->line, b->line);
	ck_assert_int_eq(a->col, b->col);
	same_str(a->date, b->date, a->id);
	ck_assert_int_eq(a->day, b->day);
}

START_TEST(test_pricing)
{
	char *buf;
	size_t len = shipped("data/pricing.yaml", &buf);
	struct err e;
	struct pricing *built, *loaded;
	int i;

	built = pricing_load_buffer("pricing.yaml", buf, len, &e);
	ck_assert_msg(built != NULL, "%s", e.msg);
	ck_assert_ptr_eq(built->provider[0].nodes,
	    pricing_builtins[0].pricing->provider[0].nodes);
	buf[len] = '\n';
	loaded = pricing_load_buffer("pricing.yaml", buf, len + 1, &e);
	ck_assert_msg(loaded != NULL, "%s", e.msg);
	ck_assert_ptr_ne(loaded->provider[0].nodes, built->provider[0].nodes);
	same_str(built->file, loaded->file, "file");
	ck_assert_int_eq(built->version, loaded->version);
	same_str(built->currency, loaded->currency, "currency");
	same_str(built->title, loaded->title, "title");
	for (i = 0; i < WL_NPROVIDERS; i++)
		same_provider(&built->provider[i], &loaded->provider[i]);
	pricing_free(built);
	pricing_free(loaded);
	free(buf);
}
END_TEST

START_TEST(test_themes)
{
	static const char *const names[] = { "themes/default.yaml",
	    "themes/light.yaml", "themes/mono.yaml",
	    "themes/high-contrast.yaml" };
	const char *dir = getenv("TRADEOFF_DATADIR");
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct theme built, loaded;
		struct err e;
		char *buf;
		size_t len = shipped(names[i], &buf);

		ck_assert_ptr_nonnull(theme_builtins[i].name);
		ck_assert_str_eq(theme_builtins[i].name, names[i]);
		ck_assert_msg(theme_load_buffer(&built, names[i], buf, len,
		    dir, &e) == 0, "%s", e.msg);
		ck_assert(memcmp(&built, theme_builtins[i].theme,
		    sizeof built) == 0);
		buf[len] = '\n';
		memset(&loaded, 0, sizeof loaded);
		ck_assert_msg(theme_load_buffer(&loaded, names[i], buf,
		    len + 1, dir, &e) == 0, "%s", e.msg);
		ck_assert_msg(memcmp(&built, &loaded, sizeof built) == 0,
		    "%s: the compiled theme differs from the file's",
		    names[i]);
		free(buf);
	}
}
END_TEST

static const char *const files[] = { "data/model.yaml",
    "data/pricing.yaml", "themes/default.yaml", "themes/light.yaml",
    "themes/mono.yaml", "themes/high-contrast.yaml" };
#define NFILES ((int)(sizeof files / sizeof files[0]))

/* Every shipped file is compiled in, byte for byte, under its name: an
 * edit to one without a rebuild would only be slower, never wrong, but
 * the build rule is what keeps them in step.  Only those very bytes
 * find it: one byte more, or one byte changed, is another file. */
START_TEST(test_files)
{
	char *buf;
	size_t len = shipped(files[_i], &buf);
	const struct ydoc_builtin *bi = ydoc_builtin_find(buf, len);
	int n = 0;

	while (ydoc_builtins[n].name != NULL)
		n++;
	ck_assert_int_eq(n, NFILES);
	ck_assert_msg(bi != NULL, "%s is not compiled in as it is",
	    files[_i]);
	ck_assert_str_eq(bi->name, files[_i]);
	buf[len] = '\n';
	ck_assert_ptr_null(ydoc_builtin_find(buf, len + 1));
	buf[len - 2] = buf[len - 2] == 'x' ? 'y' : 'x';
	ck_assert_ptr_null(ydoc_builtin_find(buf, len));
	free(buf);
}
END_TEST

/* Bytes that are not a shipped file as built still go through the
 * loader, with its positioned messages. */
START_TEST(test_edited)
{
	char *buf;
	size_t len = shipped("data/model.yaml", &buf);
	struct err e;
	char *at = strstr(buf, "weight: ");

	ck_assert_ptr_nonnull(at);
	at[8] = '9';
	ck_assert_ptr_null(model_load_buffer("edited.yaml", buf, len, &e));
	ck_assert_msg(strstr(e.msg, "edited.yaml:") == e.msg, "%s", e.msg);
	free(buf);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("builtin");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_files, 0, NFILES);
	tcase_add_test(tc, test_model);
	tcase_add_test(tc, test_pricing);
	tcase_add_test(tc, test_themes);
	tcase_add_test(tc, test_edited);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
