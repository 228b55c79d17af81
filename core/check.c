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

/* Every role of T whose text has less contrast than text needs, in
 * a message in E about PATH; 0 when there is none.  The lowest contrast
 * of all in *LOWEST (21 when no role has colours). */
static int
check_contrast(const char *path, const struct theme *t, double *lowest,
    struct err *e)
{
	char list[600], fg[32], bg[32];
	size_t o = 0;
	int r, low = 0;

	*lowest = 21;
	list[0] = '\0';
	for (r = 0; r < ROLE_COUNT; r++) {
		double c = theme_role_contrast(t, (enum theme_role)r);

		if (c < 0)
			continue;
		if (c < *lowest)
			*lowest = c;
		if (c >= THEME_MIN_CONTRAST)
			continue;
		if (low++ < 4 && o < sizeof list)
			o += (size_t)snprintf(list + o, sizeof list - o,
			    "%s'%s' %.1f:1 (%s on %s)", o ? ", " : "",
			    theme_role_name((enum theme_role)r), c,
			    t->style[r].fg == THEME_DEFAULT ? "the terminal's "
			    "text colour" : theme_colour_name(t->style[r].fg,
			    fg, sizeof fg), t->style[r].bg == THEME_DEFAULT ?
			    "the terminal's background" : theme_colour_name(
			    t->style[r].bg, bg, sizeof bg));
	}
	if (low == 0)
		return 0;
	err_file(e, path, "theme '%s' is hard to read: %d role%s under "
	    "%.1f:1 contrast (WCAG AA): %s%s; text on the terminal's own "
	    "background must read on black and on white, or give 'normal' "
	    "a bg, which is then painted on every cell", t->name, low,
	    low == 1 ? "" : "s", THEME_MIN_CONTRAST, list, low > 4 ?
	    ", ..." : "");
	return -1;
}

static int
check_theme(const char *path, const char *datadir, const char *buf,
    size_t len, char *summary, size_t size, struct err *e)
{
	struct theme t;
	double lowest;
	int r, given = 0, colours;

	if (theme_load_buffer(&t, path, buf, len, datadir, e) != 0 ||
	    check_contrast(path, &t, &lowest, e) != 0)
		return -1;
	for (r = 0; r < ROLE_COUNT; r++)
		given += t.given[r];
	colours = theme_colours_used(&t);
	if (colours == 0)
		snprintf(summary, size, "theme '%s': %d roles (%d given), "
		    "attributes only", t.name, ROLE_COUNT, given);
	else
		snprintf(summary, size, "theme '%s': %d roles (%d given), "
		    "uses %d colours, contrast %.1f:1 or more", t.name,
		    ROLE_COUNT, given, colours, lowest);
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
