/* check_ydoc.c - the documents parsed at build time (ydoc_builtins): each
 * is a shipped file, byte for byte; the tree made from it is the one
 * libyaml gives for those bytes; and ydoc_parse uses it only for the very
 * same bytes. */
#include "config.h"

#include "ydoc.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const shipped[] = { "data/model.yaml",
    "data/pricing.yaml", "themes/default.yaml", "themes/light.yaml",
    "themes/mono.yaml", "themes/high-contrast.yaml" };
#define NSHIPPED ((int)(sizeof shipped / sizeof shipped[0]))

static int
nbuiltins(void)
{
	int n = 0;

	while (ydoc_builtins[n].bytes != NULL)
		n++;
	return n;
}

/* Whether trees A and B are the same, node for node; WHERE names the
 * first difference. */
static int
same_tree(const struct ynode *a, const struct ynode *b, char *where,
    size_t size)
{
	size_t i, n;

	if (a == NULL || b == NULL) {
		snprintf(where, size, "a missing node");
		return a == b;
	}
	if (a->type != b->type || a->line != b->line || a->col != b->col ||
	    a->plain != b->plain || a->len != b->len) {
		snprintf(where, size, "node at %d:%d", a->line, a->col);
		return 0;
	}
	if (a->type == Y_SCALAR) {
		if (memcmp(a->str, b->str, a->len + 1) != 0) {
			snprintf(where, size, "text at %d:%d", a->line, a->col);
			return 0;
		}
		return 1;
	}
	n = a->type == Y_MAP ? 2 * a->len : a->len;
	for (i = 0; i < n; i++)
		if (!same_tree(a->kids[i], b->kids[i], where, size))
			return 0;
	return 1;
}

static char *
read_shipped(const char *rel, size_t *len)
{
	const char *dir = getenv("TRADEOFF_DATADIR");
	char path[4096];
	char *buf;
	struct err e;

	snprintf(path, sizeof path, "%s/%s", dir != NULL ? dir :
	    TRADEOFF_SRCDIR, rel);
	ck_assert_msg(ydoc_read_file(path, YDOC_MAX_BYTES, &buf, len,
	    &e) == 0, "%s", e.msg);
	return buf;
}

/* Every shipped file is built in, byte for byte: an edit to one without
 * a rebuild would otherwise just be slower, never wrong, but the build
 * rule is what keeps them in step. */
START_TEST(test_shipped_built_in)
{
	size_t len;
	char *buf = read_shipped(shipped[_i], &len);
	int b, found = 0;

	ck_assert_int_eq(nbuiltins(), NSHIPPED);
	for (b = 0; ydoc_builtins[b].bytes != NULL; b++)
		if (ydoc_builtins[b].len == len &&
		    memcmp(ydoc_builtins[b].bytes, buf, len) == 0)
			found = 1;
	ck_assert_msg(found, "%s is not built in as it is", shipped[_i]);
	free(buf);
}
END_TEST

/* The built-in tree is what parsing the bytes gives. */
START_TEST(test_same_as_parsed)
{
	const struct ydoc_builtin *bi = &ydoc_builtins[_i];
	struct arena *arena = arena_new();
	struct ydoc doc, built;
	struct err e;
	char where[128] = "";

	ck_assert_ptr_nonnull(arena);
	ck_assert_msg(ydoc_parse_yaml(&doc, arena, "t.yaml", bi->bytes,
	    bi->len, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(ydoc_parse(&built, arena, "t.yaml", bi->bytes,
	    bi->len, &e), 0);
	ck_assert_msg(same_tree(doc.root, built.root, where, sizeof where),
	    "built-in document %d differs from its parse: %s", _i, where);
	arena_free(arena);
}
END_TEST

/* ydoc_parse gives the built-in tree for the same bytes (under the name
 * it is asked to use), and parses anything else. */
START_TEST(test_lookup)
{
	const struct ydoc_builtin *bi = &ydoc_builtins[0];
	struct arena *arena = arena_new();
	struct ydoc built, doc;
	struct err e;
	char *copy = malloc(bi->len + 2);
	char where[128] = "";

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, bi->bytes, bi->len);
	ck_assert_int_eq(ydoc_parse(&built, arena, "mine.yaml", copy, bi->len,
	    &e), 0);
	ck_assert_str_eq(built.name, "mine.yaml");
	/* Made from the table, not parsed: its text is the table's. */
	ck_assert_ptr_eq(built.root->kids[0]->str,
	    bi->strings + bi->node[bi->kids[bi->node[0].at]].at);
	/* One more byte: the file was edited, so it is parsed, to the same
	 * tree here. */
	copy[bi->len] = '\n';
	ck_assert_int_eq(ydoc_parse(&doc, arena, "mine.yaml", copy,
	    bi->len + 1, &e), 0);
	ck_assert_ptr_ne(doc.root->kids[0]->str, built.root->kids[0]->str);
	ck_assert(same_tree(doc.root, built.root, where, sizeof where));
	/* A changed byte that keeps the length: parsed as well. */
	copy[bi->len - 2] = copy[bi->len - 2] == 'x' ? 'y' : 'x';
	ck_assert_int_eq(ydoc_parse(&doc, arena, "mine.yaml", copy, bi->len,
	    &e), 0);
	ck_assert_ptr_ne(doc.root->kids[0]->str, built.root->kids[0]->str);
	free(copy);
	arena_free(arena);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ydoc");
	TCase *tc = tcase_create("built in");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_shipped_built_in, 0, NSHIPPED);
	tcase_add_loop_test(tc, test_same_as_parsed, 0, nbuiltins());
	tcase_add_test(tc, test_lookup);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
