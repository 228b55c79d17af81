/* check.c - validating any tradeoff file; see check.h. */
#include "config.h"

#include "check.h"
#include "answers.h"
#include "cost.h"
#include "theme.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>

/* Tell the kind from the top-level keys: each kind has a key no other
 * kind uses. */
static enum check_kind
detect(const struct ynode *root)
{
	if (root == NULL || root->type != Y_MAP)
		return CHECK_UNKNOWN;
	if (ymap_get(root, "model") != NULL || ymap_get(root, "options") ||
	    ymap_get(root, "panels") != NULL)
		return CHECK_MODEL;
	if (ymap_get(root, "pricing") != NULL ||
	    ymap_get(root, "providers") != NULL)
		return CHECK_PRICING;
	if (ymap_get(root, "answers") != NULL ||
	    ymap_get(root, "session") != NULL ||
	    ymap_get(root, "workload") != NULL ||
	    ymap_get(root, "weights") != NULL)
		return CHECK_ANSWERS;
	if (ymap_get(root, "roles") != NULL)
		return CHECK_THEME;
	return CHECK_UNKNOWN;
}

static int
check_model(const char *path, const char *buf, size_t len, char *summary,
    size_t size, struct err *e)
{
	struct model *m = model_load_buffer(path, buf, len, e);

	if (m == NULL)
		return -1;
	snprintf(summary, size, "decision model '%s' version %s: %d options, "
	    "%d dimensions, %d panels, %d questions, %d table rows", m->id,
	    m->version, m->noptions, m->ndims, m->npanels, m->nquestions,
	    m->nrows);
	model_free(m);
	return 0;
}

/* A price list; with MODEL, also whether it prices every option. */
static int
check_pricing(const char *path, const struct model *model, const char *buf,
    size_t len, char *summary, size_t size, struct err *e)
{
	struct pricing *p = pricing_load_buffer(path, buf, len, e);
	const struct pricing_provider *oldest;
	int i, nodes = 0;

	if (p == NULL)
		return -1;
	if (model != NULL && cost_check_model(p, model, e) != 0) {
		pricing_free(p);
		return -1;
	}
	oldest = &p->provider[0];
	for (i = 0; i < WL_NPROVIDERS; i++) {
		nodes += p->provider[i].nnodes;
		if (p->provider[i].day < oldest->day)
			oldest = &p->provider[i];
	}
	snprintf(summary, size, "price list version %ld (%s): %d providers, "
	    "%d node types, oldest prices of %s (%s)", p->version,
	    p->currency, WL_NPROVIDERS, nodes, oldest->date, oldest->id);
	pricing_free(p);
	return 0;
}

static int
check_answers(const char *path, const struct model *model,
    const struct pricing *pricing, const char *buf, size_t len,
    char *summary, size_t size, struct err *e)
{
	struct answers *a;
	int n, visible;

	if (model == NULL) {
		err_file(e, path, "an answers file needs a model to be checked "
		    "against");
		return -1;
	}
	a = answers_load_buffer(model, path, buf, len, e);
	if (a == NULL)
		return -1;
	if (pricing != NULL && cost_check(pricing, &a->workload, a->file,
	    e) != 0) {
		answers_free(a);
		return -1;
	}
	n = answers_count(a, &visible);
	snprintf(summary, size, "answers for model '%s': %d of %d questions "
	    "answered", model->id, n, visible);
	answers_free(a);
	return 0;
}

static int
check_theme(const char *path, const char *datadir, const char *buf,
    size_t len, char *summary, size_t size, struct err *e)
{
	struct theme t;
	int r, given = 0, colours;

	if (theme_load_buffer(&t, path, buf, len, datadir, e) != 0)
		return -1;
	for (r = 0; r < ROLE_COUNT; r++)
		given += t.given[r];
	colours = theme_colours_used(&t);
	if (colours == 0)
		snprintf(summary, size, "theme '%s': %d roles (%d given), "
		    "attributes only", t.name, ROLE_COUNT, given);
	else
		snprintf(summary, size, "theme '%s': %d roles (%d given), "
		    "uses %d colours", t.name, ROLE_COUNT, given, colours);
	return 0;
}

int
check_file(const char *path, const struct model *model, const char *datadir,
    enum check_kind *kind, char *summary, size_t size, struct err *e)
{
	return check_file_priced(path, model, NULL, datadir, kind, summary,
	    size, e);
}

int
check_file_priced(const char *path, const struct model *model,
    const struct pricing *pricing, const char *datadir,
    enum check_kind *kind, char *summary, size_t size, struct err *e)
{
	struct arena *arena;
	struct ydoc doc;
	char *buf;
	size_t len;
	int rc = -1;

	*kind = CHECK_UNKNOWN;
	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return -1;
	arena = arena_new();
	if (arena == NULL) {
		err_set(e, "out of memory");
		free(buf);
		return -1;
	}
	if (ydoc_parse(&doc, arena, path, buf, len, e) != 0)
		goto out;
	if (doc.root == NULL) {
		yerr(&doc, NULL, e, "empty file: nothing to check");
		goto out;
	}
	if (doc.root->type != Y_MAP) {
		yexpect(&doc, doc.root, Y_MAP, "a tradeoff file", e);
		goto out;
	}
	*kind = detect(doc.root);
	switch (*kind) {
	case CHECK_MODEL:
		rc = check_model(path, buf, len, summary, size, e);
		break;
	case CHECK_ANSWERS:
		rc = check_answers(path, model, pricing, buf, len, summary,
		    size, e);
		break;
	case CHECK_PRICING:
		rc = check_pricing(path, model, buf, len, summary, size, e);
		break;
	case CHECK_THEME:
		rc = check_theme(path, datadir, buf, len, summary, size, e);
		break;
	case CHECK_UNKNOWN:
		yerr(&doc, doc.root, e, "not a tradeoff file: expected a "
		    "model (with 'model:'), a price list (with 'pricing:'), "
		    "answers (with 'answers:') or a theme (with 'roles:')");
		break;
	}
out:
	arena_free(arena);
	free(buf);
	return rc;
}
