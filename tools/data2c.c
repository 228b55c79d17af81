/* data2c.c - the shipped model, price list and themes, loaded when
 * tradeoff is built.
 *
 *   data2c SRCDIR [--model FILE] [--pricing FILE] [--theme FILE]... \
 *       > data_builtin.c
 *
 * Each FILE (a path under SRCDIR) is loaded and checked by the program's
 * own loader (model_load_buffer, pricing_load_buffer, theme_load_buffer)
 * and written out as C: its bytes (ydoc_builtins, in ydoc.h), and the
 * structs the loader made, as static data laid out as the evaluator and
 * the views read them.  A start given the same
 * bytes copies the top-level struct and is done, instead of walking the
 * file's tree and checking every value again (README.md, "Performance").
 * A file that does not load stops the build with its message; a theme
 * that inherits another is left out, since what it inherits is looked
 * up where the program runs. */
#include "config.h"

#include "arena.h"
#include "emit.h"
#include "model.h"
#include "pricing.h"
#include "theme.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The layouts written below, field by field: a field added to one of
 * these structs must be written here too, or the build says so. */
#if defined(__x86_64__) && defined(__LP64__)
_Static_assert(sizeof(struct model) == 168, "data2c: struct model");
_Static_assert(sizeof(struct model_question) == 72,
    "data2c: struct model_question");
_Static_assert(sizeof(struct model_answer) == 72,
    "data2c: struct model_answer");
_Static_assert(sizeof(struct model_block) == 32, "data2c: model_block");
_Static_assert(sizeof(struct model_option) == 32, "data2c: model_option");
_Static_assert(sizeof(struct model_dim) == 32, "data2c: model_dim");
_Static_assert(sizeof(struct model_panel) == 32, "data2c: model_panel");
_Static_assert(sizeof(struct model_row) == 40, "data2c: model_row");
_Static_assert(sizeof(struct model_table) == 32, "data2c: model_table");
_Static_assert(sizeof(struct pricing_provider) == 1176,
    "data2c: struct pricing_provider");
_Static_assert(sizeof(struct pricing_functions) == 392,
    "data2c: struct pricing_functions");
_Static_assert(sizeof(struct pricing) == 40 + WL_NPROVIDERS *
    sizeof(struct pricing_provider), "data2c: struct pricing");
_Static_assert(sizeof(struct theme) == 820,
    "data2c: struct theme");
#endif

static FILE *out;

static void
str(const char *s)
{
	emit_string(out, s);
}

static void
dbl(double v)
{
	emit_double(out, v);
}

/* N doubles as an initialiser list. */
static void
doubles(const double *v, size_t n)
{
	size_t i;

	fputs("{", out);
	for (i = 0; i < n; i++) {
		fputs(i % 6 ? " " : "\n\t", out);
		dbl(v[i]);
		fputs(",", out);
	}
	fputs("\n}", out);
}

static void
conds(const char *name, const struct model_cond *c, int n)
{
	int i;

	if (n == 0)
		return;
	fprintf(out, "static struct model_cond %s[] = {", name);
	for (i = 0; i < n; i++)
		fprintf(out, "\n\t{ %d, %#x },", c[i].question, c[i].mask);
	fputs("\n};\n", out);
}

/* An array's name, or NULL when it has no items. */
static const char *
ref(const char *name, int n)
{
	return n > 0 ? name : "NULL";
}

/* The opening of an initialiser "{ A, B", and ", C" on a line of its
 * own when WITH_C (C may be NULL, written as NULL). */
static void
item_strings(const char *a, const char *b, int with_c, const char *c)
{
	fputs("\n\t{ ", out);
	str(a);
	fputs(", ", out);
	str(b);
	if (with_c) {
		fputs(",\n\t  ", out);
		str(c);
	}
}

static void
answer(const struct model *m, const char *p, const struct model_answer *a)
{
	char name[128];
	int b, o;

	for (b = 0; b < a->nblocks; b++) {
		snprintf(name, sizeof name, "%s_b%d_conds", p, b);
		conds(name, a->blocks[b].conds, a->blocks[b].nconds);
	}
	if (a->nblocks > 0) {
		fprintf(out, "static struct model_block %s_blocks[] = {", p);
		for (b = 0; b < a->nblocks; b++) {
			snprintf(name, sizeof name, "%s_b%d_conds", p, b);
			fprintf(out, "\n\t{ %d, ", a->blocks[b].option);
			str(a->blocks[b].reason);
			fprintf(out, ", %d, %s },", a->blocks[b].nconds,
			    ref(name, a->blocks[b].nconds));
		}
		fputs("\n};\n", out);
	}
	fprintf(out, "static const char *%s_block[] = {", p);
	for (o = 0; o < m->noptions; o++) {
		fputs("\n\t", out);
		str(a->block[o]);
		fputs(",", out);
	}
	fprintf(out, "\n};\nstatic double %s_effect[] = ", p);
	doubles(a->effect, (size_t)m->noptions * (size_t)m->ndims);
	fputs(";\n", out);
}

static void
question(const struct model *m, int q)
{
	const struct model_question *qn = &m->questions[q];
	char p[64], name[128];
	int a;

	for (a = 0; a < qn->nanswers; a++) {
		snprintf(p, sizeof p, "q%d_a%d", q, a);
		answer(m, p, &qn->answers[a]);
	}
	fprintf(out, "static struct model_answer q%d_answers[] = {", q);
	for (a = 0; a < qn->nanswers; a++) {
		const struct model_answer *x = &qn->answers[a];

		snprintf(p, sizeof p, "q%d_a%d", q, a);
		fputs("\n\t{ .id = ", out);
		str(x->id);
		fputs(",\n\t  .label = ", out);
		str(x->label);
		fputs(",\n\t  .help = ", out);
		str(x->help);
		snprintf(name, sizeof name, "%s_blocks", p);
		fprintf(out, ",\n\t  .line = %d, .col = %d, .effect = "
		    "%s_effect, .nblocks = %d, .blocks = %s,\n\t  .block = "
		    "%s_block, .block_mask = %#x },", x->line, x->col, p,
		    x->nblocks, ref(name, x->nblocks), p, x->block_mask);
	}
	fputs("\n};\n", out);
	snprintf(name, sizeof name, "q%d_conds", q);
	conds(name, qn->conds, qn->nconds);
	fprintf(out, "static double q%d_span[] = ", q);
	doubles(qn->span, (size_t)m->ndims);
	fputs(";\n", out);
}

static void
questions(const struct model *m)
{
	char name[64];
	int q;

	for (q = 0; q < m->nquestions; q++)
		question(m, q);
	fputs("static struct model_question questions[] = {", out);
	for (q = 0; q < m->nquestions; q++) {
		const struct model_question *qn = &m->questions[q];

		fputs("\n\t{ .id = ", out);
		str(qn->id);
		fputs(",\n\t  .prompt = ", out);
		str(qn->prompt);
		fputs(",\n\t  .help = ", out);
		str(qn->help);
		snprintf(name, sizeof name, "q%d_conds", q);
		fprintf(out, ",\n\t  .panel = %d, .nanswers = %d, .answers = "
		    "q%d_answers, .nconds = %d, .conds = %s,\n\t  .span = "
		    "q%d_span, .controls = %d, .def = %d },", qn->panel,
		    qn->nanswers, q, qn->nconds, ref(name, qn->nconds), q,
		    qn->controls, qn->def);
	}
	fputs("\n};\n", out);
}

static void
tables(const struct model *m)
{
	int t, r, i;

	for (t = 0; t < m->ntables; t++) {
		const struct model_table *tb = &m->tables[t];

		for (r = 0; r < tb->nrows; r++) {
			const struct model_row *row = &tb->rows[r];

			fprintf(out, "static const char *t%d_r%d_cells[] = {",
			    t, r);
			for (i = 0; i < m->noptions; i++) {
				fputs("\n\t", out);
				str(row->cells[i]);
				fputs(",", out);
			}
			fputs("\n};\n", out);
			if (row->nquestions == 0)
				continue;
			fprintf(out, "static int t%d_r%d_questions[] = {", t,
			    r);
			for (i = 0; i < row->nquestions; i++)
				fprintf(out, " %d,", row->questions[i]);
			fputs(" };\n", out);
		}
		fprintf(out, "static struct model_row t%d_rows[] = {", t);
		for (r = 0; r < tb->nrows; r++) {
			char name[64];

			item_strings(tb->rows[r].id, tb->rows[r].label, 0,
			    NULL);
			snprintf(name, sizeof name, "t%d_r%d_questions", t, r);
			fprintf(out, ",\n\t  t%d_r%d_cells, %d, %s },", t, r,
			    tb->rows[r].nquestions,
			    ref(name, tb->rows[r].nquestions));
		}
		fputs("\n};\n", out);
	}
	fputs("static struct model_table tables[] = {", out);
	for (t = 0; t < m->ntables; t++) {
		fprintf(out, "\n\t{ %d, ", m->tables[t].dim);
		str(m->tables[t].title);
		fprintf(out, ", %d, %d, t%d_rows },", m->tables[t].nrows,
		    m->tables[t].first_row, t);
	}
	fputs("\n};\n", out);
}

static void
guidance(const struct model *m)
{
	int o, i;

	for (o = 0; o < m->noptions; o++) {
		fprintf(out, "static const char *guidance_%d[] = {", o);
		for (i = 0; i < m->nguidance[o]; i++) {
			fputs("\n\t", out);
			str(m->guidance[o][i]);
			fputs(",", out);
		}
		fputs("\n\tNULL\n};\n", out);
	}
	fputs("static const char **guidance[] = {", out);
	for (o = 0; o < m->noptions; o++)
		fprintf(out, " guidance_%d,", o);
	fputs(" };\nstatic int nguidance[] = {", out);
	for (o = 0; o < m->noptions; o++)
		fprintf(out, " %d,", m->nguidance[o]);
	fputs(" };\n", out);
}

static void
ints(const int *v, size_t n)
{
	size_t i;

	fputs("{", out);
	for (i = 0; i < n; i++)
		fprintf(out, "%s%d,", i % 12 || i == 0 ? " " : "\n\t  ", v[i]);
	fputs(" }", out);
}

/* Model M as the static struct model_D, and what it points to. */
static void
write_model(int d, const struct model *m)
{
	int i;

	fprintf(out, "\n/* %s */\nstatic struct model_option options[] = {",
	    m->file);
	for (i = 0; i < m->noptions; i++) {
		item_strings(m->options[i].id, m->options[i].title, 1,
		    m->options[i].summary);
		fprintf(out, ", %d },", m->options[i].shape);
	}
	fputs("\n};\nstatic struct model_dim dims[] = {", out);
	for (i = 0; i < m->ndims; i++) {
		item_strings(m->dims[i].id, m->dims[i].title, 1,
		    m->dims[i].help);
		fprintf(out, ", %d },", m->dims[i].weight);
	}
	fputs("\n};\nstatic struct model_panel panels[] = {", out);
	for (i = 0; i < m->npanels; i++) {
		item_strings(m->panels[i].id, m->panels[i].title, 0, NULL);
		fprintf(out, ", %d, %d, %d },", m->panels[i].context,
		    m->panels[i].first, m->panels[i].count);
	}
	fputs("\n};\n", out);
	questions(m);
	tables(m);
	guidance(m);
	fputs("static int qhash[] = ", out);
	ints(m->qhash, m->qhash_size);
	fprintf(out, ";\n\nstatic const struct model model_%d = {\n"
	    "\t.id = ", d);
	str(m->id);
	fputs(", .version = ", out);
	str(m->version);
	fputs(",\n\t.title = ", out);
	str(m->title);
	fprintf(out, ",\n\t.noptions = %d, .ndims = %d, .npanels = %d, "
	    ".nquestions = %d,\n\t.ntables = %d, .nrows = %d,\n"
	    "\t.options = options, .dims = dims, .panels = panels,\n"
	    "\t.questions = questions, .tables = tables,\n"
	    "\t.cost_dim = %d,\n\t.role_question = ", m->noptions, m->ndims,
	    m->npanels, m->nquestions, m->ntables, m->nrows, m->cost_dim);
	ints(m->role_question, MODEL_NQROLES);
	fputs(",\n\t.role_answer = {", out);
	for (i = 0; i < MODEL_NAROLES; i++)
		fprintf(out, " { %d, %d },", m->role_answer[i][0],
		    m->role_answer[i][1]);
	fputs(" },\n\t.shape_option = ", out);
	ints(m->shape_option, MODEL_NSHAPES);
	fprintf(out, ",\n\t.nguidance = nguidance, .guidance = guidance,\n"
	    "\t.qhash = qhash, .qhash_size = %zu,\n};\n", m->qhash_size);
}

static void
block(const struct pricing_block *b)
{
	fputs("{ ", out);
	str(b->service);
	fputs(",\n\t    ", out);
	str(b->source);
	fputs(",\n\t    ", out);
	str(b->date);
	fprintf(out, ", %ld }", b->day);
}

static void
functions(const struct pricing_functions *f)
{
	int a, t;

	fprintf(out, "{\n\t    .has_arch = %#x,\n\t    .gb_second = ",
	    f->has_arch);
	doubles(f->gb_second, WL_NARCHS);
	fputs(",\n\t    .vcpu_second = ", out);
	doubles(f->vcpu_second, WL_NARCHS);
	fputs(",\n\t    .per_million_requests = ", out);
	dbl(f->per_million_requests);
	fputs(",\n\t    .free_requests = ", out);
	dbl(f->free_requests);
	fputs(", .free_gb_seconds = ", out);
	dbl(f->free_gb_seconds);
	fputs(",\n\t    .free_vcpu_seconds = ", out);
	dbl(f->free_vcpu_seconds);
	fputs(",\n\t    .ntiers = ", out);
	ints(f->ntiers, WL_NARCHS);
	fputs(",\n\t    .tiers = {", out);
	for (a = 0; a < WL_NARCHS; a++) {
		fputs(f->ntiers[a] == 0 ? " { { 0, 0 }" : " {", out);
		for (t = 0; t < f->ntiers[a]; t++) {
			fputs(" { ", out);
			dbl(f->tiers[a][t].above);
			fputs(", ", out);
			dbl(f->tiers[a][t].rate);
			fputs(" },", out);
		}
		fputs(" },", out);
	}
	fprintf(out, " },\n\t    .init_billed = %d,\n\t    .max_memory_mb = ",
	    f->init_billed);
	dbl(f->max_memory_mb);
	fputs(", .max_duration_ms = ", out);
	dbl(f->max_duration_ms);
	fprintf(out, ",\n\t    .has_warm = %d, .warm_gb_second = ",
	    f->has_warm);
	dbl(f->warm_gb_second);
	fputs(",\n\t    .warm_vcpu_second = ", out);
	dbl(f->warm_vcpu_second);
	fputs(",\n\t    .warm_execution_gb_second = ", out);
	dbl(f->warm_execution_gb_second);
	fputs(" }", out);
}

/* Field NAME of provider PV, a double. */
#define PV_DOUBLE(pv, name) \
	do { \
		fputs(",\n\t  ." #name " = ", out); \
		dbl((pv)->name); \
	} while (0)

static void
provider(int d, int i, const struct pricing_provider *pv)
{
	int b;

	fputs("\n\t{ .id = ", out);
	str(pv->id);
	fputs(", .name = ", out);
	str(pv->name);
	fputs(", .region = ", out);
	str(pv->region);
	fputs(",\n\t  .block = {", out);
	for (b = 0; b < PB_NBLOCKS; b++) {
		fputs("\n\t    ", out);
		block(&pv->block[b]);
		fputs(",", out);
	}
	fputs(" },\n\t  .functions = ", out);
	functions(&pv->functions);
	fputs(",\n\t  .legacy = ", out);
	functions(&pv->legacy);
	fprintf(out, ",\n\t  .has_legacy = %d,\n\t  .gateway = ",
	    pv->has_legacy);
	doubles(pv->gateway, WL_NGATEWAYS);
	PV_DOUBLE(pv, gateway_free_requests);
	PV_DOUBLE(pv, control_plane_per_hour);
	PV_DOUBLE(pv, extended_per_hour);
	fprintf(out, ",\n\t  .nnodes = %d, .nodes = ", pv->nnodes);
	if (pv->nnodes > 0)
		fprintf(out, "pricing_%d_nodes_%d", d, i);
	else
		fputs("NULL", out);
	fprintf(out, ", .default_node = %d,\n\t  .has_containers = %d",
	    pv->default_node, pv->has_containers);
	PV_DOUBLE(pv, ct_vcpu_second);
	PV_DOUBLE(pv, ct_gib_second);
	PV_DOUBLE(pv, ct_per_million_requests);
	PV_DOUBLE(pv, ct_free_requests);
	PV_DOUBLE(pv, ct_free_vcpu_seconds);
	PV_DOUBLE(pv, ct_free_gib_seconds);
	PV_DOUBLE(pv, ct_instance_vcpu);
	PV_DOUBLE(pv, ct_instance_gib);
	PV_DOUBLE(pv, ct_min_instances);
	fprintf(out, ",\n\t  .line = %d, .col = %d, .date = ", pv->line,
	    pv->col);
	str(pv->date);
	fprintf(out, ", .day = %ld },", pv->day);
}

/* Price list P as the static struct pricing_D. */
static void
write_pricing(int d, const struct pricing *p)
{
	int i, n;

	fprintf(out, "\n/* %s */\n", p->file);
	for (i = 0; i < WL_NPROVIDERS; i++) {
		const struct pricing_provider *pv = &p->provider[i];

		if (pv->nnodes == 0)
			continue;
		fprintf(out, "static struct pricing_node pricing_%d_nodes_%d[] "
		    "= {", d, i);
		for (n = 0; n < pv->nnodes; n++) {
			fputs("\n\t{ ", out);
			str(pv->nodes[n].type);
			fputs(", ", out);
			dbl(pv->nodes[n].vcpu);
			fputs(", ", out);
			dbl(pv->nodes[n].memory_gib);
			fputs(", ", out);
			dbl(pv->nodes[n].per_hour);
			fputs(" },", out);
		}
		fputs("\n};\n", out);
	}
	fprintf(out, "static const struct pricing pricing_%d = {\n"
	    "\t.version = %ld, .currency = ", d, p->version);
	str(p->currency);
	fputs(", .title = ", out);
	str(p->title);
	fputs(",\n\t.provider = {", out);
	for (i = 0; i < WL_NPROVIDERS; i++)
		provider(d, i, &p->provider[i]);
	fputs("\n\t}\n};\n", out);
}

/* Theme T as the static struct theme_D. */
static void
write_theme(int d, const char *file, const struct theme *t)
{
	int r;

	fprintf(out, "\n/* %s */\nstatic const struct theme theme_%d = {\n"
	    "\t.name = ", file, d);
	emit_chars(out, t->name);
	fputs(",\n\t.description = ", out);
	emit_chars(out, t->description);
	fputs(",\n\t.inherits = ", out);
	emit_chars(out, t->inherits);
	fputs(",\n\t.style = {", out);
	for (r = 0; r < ROLE_COUNT; r++)
		fprintf(out, "\n\t\t{ %d, %d, %#x },", t->style[r].fg,
		    t->style[r].bg, t->style[r].attrs);
	fputs("\n\t},\n\t.given = {", out);
	for (r = 0; r < ROLE_COUNT; r++)
		fprintf(out, "%s%d,", r % 16 ? " " : "\n\t\t", t->given[r]);
	fputs("\n\t}\n};\n", out);
}

enum kind { K_MODEL, K_PRICING, K_THEME };

struct item {
	enum kind kind;
	const char *file;
	int written;
};

static int
fail(const char *file, const char *msg)
{
	fprintf(stderr, "data2c: %s: %s\n", file, msg);
	return 1;
}

/* Load ITEM (under SRCDIR) and write it as number D. */
static int
write_item(const char *srcdir, struct item *it, int d)
{
	char path[4096];
	struct err e;
	char *buf;
	size_t len;
	int rc = 0;

	snprintf(path, sizeof path, "%s/%s", srcdir, it->file);
	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, &e) != 0)
		return fail(it->file, e.msg);
	fprintf(out, "\n/* %s, byte for byte */\nstatic const char bytes_%d[] "
	    "=\n\t", it->file, d);
	emit_literal(out, buf, len, "\t");
	fputs(";\n", out);
	if (it->kind == K_MODEL) {
		struct model *m = model_load_buffer(it->file, buf, len, &e);

		if (m == NULL)
			rc = fail(it->file, e.msg);
		else
			write_model(d, m);
		model_free(m);
		it->written = m != NULL;
	} else if (it->kind == K_PRICING) {
		struct pricing *p = pricing_load_buffer(it->file, buf, len,
		    &e);

		if (p == NULL)
			rc = fail(it->file, e.msg);
		else
			write_pricing(d, p);
		pricing_free(p);
		it->written = p != NULL;
	} else {
		struct theme t;

		if (theme_load_buffer(&t, path, buf, len, srcdir, &e) != 0)
			rc = fail(it->file, e.msg);
		else if (t.inherits[0] == '\0') {
			write_theme(d, it->file, &t);
			it->written = 1;
		}
	}
	free(buf);
	return rc;
}

static void
table(const char *type, const char *prefix, const struct item *items,
    int n, enum kind kind)
{
	int i;

	printf("\nconst struct %s_builtin %s_builtins[] = {\n", type, type);
	for (i = 0; i < n; i++)
		if (items[i].kind == kind && items[i].written)
			printf("\t{ \"%s\", &%s_%d },\n", items[i].file, prefix,
			    i);
	printf("\t{ NULL, NULL }\n};\n");
}

static int
count_kind(const struct item *items, int n, enum kind kind)
{
	int i, k = 0;

	for (i = 0; i < n; i++)
		k += items[i].kind == kind;
	return k;
}

int
main(int argc, char **argv)
{
	struct item *items = calloc((size_t)argc, sizeof *items);
	int i, n = 0;

	out = stdout;
	if (items == NULL)
		return 1;
	for (i = 2; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--model") == 0)
			items[n].kind = K_MODEL;
		else if (strcmp(argv[i], "--pricing") == 0)
			items[n].kind = K_PRICING;
		else if (strcmp(argv[i], "--theme") == 0)
			items[n].kind = K_THEME;
		else
			break;
		items[n++].file = argv[i + 1];
	}
	/* The model's and the price list's arrays have fixed names: one
	 * of each at most. */
	if (argc < 2 || i != argc || count_kind(items, n, K_MODEL) > 1 ||
	    count_kind(items, n, K_PRICING) > 1) {
		fputs("usage: data2c SRCDIR [--model FILE] [--pricing FILE] "
		    "[--theme FILE]...\n", stderr);
		return 2;
	}
	printf("/* data_builtin.c - generated by tools/data2c from the shipped "
	    "files; do not\n * edit.  See struct model_builtin in model.h. */\n"
	    "#include \"config.h\"\n\n#include <stddef.h>\n\n"
	    "#include \"model.h\"\n#include \"pricing.h\"\n"
	    "#include \"theme.h\"\n#include \"ydoc.h\"\n");
	for (i = 0; i < n; i++)
		if (write_item(argv[1], &items[i], i) != 0)
			return 1;
	printf("\nconst struct ydoc_builtin ydoc_builtins[] = {\n");
	for (i = 0; i < n; i++)
		printf("\t{ \"%s\", bytes_%d, sizeof bytes_%d - 1 },\n",
		    items[i].file, i, i);
	printf("\t{ NULL, NULL, 0 }\n};\n");
	table("model", "model", items, n, K_MODEL);
	table("pricing", "pricing", items, n, K_PRICING);
	table("theme", "theme", items, n, K_THEME);
	free(items);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
