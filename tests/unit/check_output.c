/* check_output.c - answers files in, YAML and Markdown out. */
#include "config.h"

#include <math.h>

#include "err.h"
#include "eval.h"
#include "export_md.h"
#include "md.h"
#include "report.h"
#include "testutil.h"
#include "utf8.h"
#include "workload.h"
#include "yamlw.h"
#include "ydoc.h"

static struct model *m;

static void
setup(void)
{
	m = tu_shipped_model();
}

static void
teardown(void)
{
	model_free(m);
	m = NULL;
}

struct bad {
	const char *what, *text, *message;
};

static const struct bad bad_answers[] = {
	{ "empty", "", "a.yaml:1:1: empty file" },
	{ "a list", "- traffic\n",
	  "a.yaml:1:1: an answers file must be a mapping, not a list" },
	{ "unknown top-level key", "answer:\n  traffic: spiky\n",
	  "a.yaml:1:1: unknown key 'answer' in an answers file" },
	{ "unknown question", "answers:\n  trafic: spiky\n",
	  "a.yaml:2:3: unknown question 'trafic' in 'answers'" },
	{ "unknown answer", "answers:\n  traffic: sometimes\n",
	  "a.yaml:2:12: unknown answer 'sometimes' for question 'traffic' "
	  "(expected: spiky, steady, mixed)" },
	{ "answer is a list", "answers:\n  traffic: [spiky]\n",
	  "a.yaml:2:12: the answer to 'traffic' must be an answer id, not a "
	  "list" },
	{ "answers a list", "answers: [spiky]\n",
	  "a.yaml:1:10: 'answers' must be a mapping, not a list" },
	{ "duplicate question", "answers:\n  traffic: spiky\n  traffic: "
	  "steady\n", "a.yaml:3:3: duplicate key 'traffic' (first at 2:3)" },
	{ "weight out of range", "weights:\n  cost: 6\n",
	  "a.yaml:2:9: a weight must be between 0 and 5, not 6" },
	{ "negative weight", "weights:\n  cost: -1\n",
	  "a.yaml:2:9: a weight must be between 0 and 5, not -1" },
	{ "fractional weight", "weights:\n  cost: 2.5\n",
	  "a.yaml:2:9: a weight must be a whole number, not '2.5'" },
	{ "unknown dimension", "weights:\n  price: 3\n",
	  "a.yaml:2:3: unknown dimension 'price' in 'weights'" },
	{ "workload out of range", "workload:\n  memory_mb: 64\n",
	  "a.yaml:2:14: memory_mb must be between 128 and 32768, not 64" },
	{ "workload not a number", "workload:\n  requests_per_month: lots\n",
	  "a.yaml:2:23: requests_per_month must be a number" },
	{ "workload fraction of requests",
	  "workload:\n  requests_per_month: 1.5\n",
	  "a.yaml:2:23: requests_per_month must be a whole number" },
	{ "workload quoted number", "workload:\n  memory_mb: \"512\"\n",
	  "a.yaml:2:14: workload figure 'memory_mb' must not be quoted" },
	{ "workload bad choice", "workload:\n  arch: sparc\n",
	  "a.yaml:2:9: arch must be one of x86_64, arm64" },
	{ "workload bad boolean", "workload:\n  free_tier: maybe\n",
	  "a.yaml:2:14: free_tier must be true or false" },
	{ "workload unknown key", "workload:\n  cpus: 4\n",
	  "a.yaml:2:3: unknown key 'cpus' in 'workload'" },
	{ "workload empty value", "workload:\n  memory_mb:\n",
	  "a.yaml:2:13: workload figure 'memory_mb' must be a value, not an "
	  "empty value" },
	{ "note for unknown question", "notes:\n  nope: hi\n",
	  "a.yaml:2:3: unknown question 'nope' in 'notes'" },
	{ "note not text", "notes:\n  traffic: [a, b]\n",
	  "a.yaml:2:12: a note must be text, not a list" },
	{ "session name with a newline", "session: \"a\\nb\"\n",
	  "a.yaml:1:10: 'session' contains control characters or line "
	  "breaks" },
	{ "session name only spaces", "session: \"   \"\n",
	  "a.yaml:1:10: a session name must not be only spaces" },
	{ "participants a mapping", "participants: {a: b}\n",
	  "a.yaml:1:15: 'participants' must be a list, not a mapping" },
	{ "context a list", "context: [a]\n",
	  "a.yaml:1:10: 'context' must be text, not a list" },
	{ "alias", "answers:\n  traffic: &t spiky\n  duration: *t\n",
	  "a.yaml:2:12: anchors and aliases are not allowed" },
};

START_TEST(test_bad_answers)
{
	const struct bad *b = &bad_answers[_i];
	struct err e;
	struct answers *a;

	err_clear(&e);
	a = answers_load_buffer(m, "a.yaml", b->text, strlen(b->text), &e);
	ck_assert_msg(a == NULL, "%s: loaded, but should not", b->what);
	ck_assert_msg(strncmp(e.msg, b->message, strlen(b->message)) == 0,
	    "%s:\n  got      '%s'\n  expected '%s...'", b->what, e.msg,
	    b->message);
}
END_TEST

static const char full_answers[] =
"session: \"Checkout | \\\"EU\\\" / caf\xc3\xa9\"\n"
"context: |\n  Line one.\n  Line two.\n"
"participants: [Ana, Ben]\n"
"answers:\n  traffic: spiky\n  duration: short\n  mix:\n"
"weights:\n  cost: 5\n  delivery: 0\n"
"workload:\n  requests_per_month: 3000000\n  avg_duration_ms: 120\n"
"  memory_mb: 1536\n  arch: arm64\n  free_tier: false\n"
"notes:\n  traffic: \"Black Friday: 40x\"\n";

START_TEST(test_answers_load)
{
	struct err e;
	struct answers *a = answers_load_buffer(m, "a.yaml", full_answers,
	    strlen(full_answers), &e);
	int q = model_question_index(m, "traffic"), visible;

	ck_assert_msg(a != NULL, "%s", e.msg);
	ck_assert_str_eq(a->session, "Checkout | \"EU\" / caf\xc3\xa9");
	ck_assert_str_eq(a->context, "Line one.\nLine two.\n");
	ck_assert_int_eq(a->nparticipants, 2);
	ck_assert_str_eq(a->participants[1], "Ben");
	ck_assert_int_eq(a->answer[q], 0);
	ck_assert_int_eq(a->answer[model_question_index(m, "mix")], -1);
	ck_assert_str_eq(a->note[q], "Black Friday: 40x");
	ck_assert_int_eq(a->weight[model_dim_index(m, "cost")], 5);
	ck_assert_int_eq(a->weight[model_dim_index(m, "delivery")], 0);
	ck_assert_int_eq(a->weight[model_dim_index(m, "architecture")],
	    m->dims[model_dim_index(m, "architecture")].weight);
	ck_assert(a->workload.num[WL_REQUESTS] == 3000000);
	ck_assert(a->workload.num[WL_ARCH] == 1);
	ck_assert(a->workload.num[WL_FREE_TIER] == 0);
	ck_assert(a->workload.num[WL_PEAK_RATIO] ==
	    wl_fields[WL_PEAK_RATIO].def);
	ck_assert(a->workload.set & (1u << WL_MEMORY));
	ck_assert(!(a->workload.set & (1u << WL_PEAK_RATIO)));
	ck_assert_int_eq(answers_count(a, &visible), 2);
	ck_assert_int_eq(visible, m->nquestions - 1);
	answers_free(a);
}
END_TEST

/* Write a report to memory and parse it back with the YAML reader. */
static char *
yaml_of(const char *answers_text, struct arena *arena, struct ydoc *doc)
{
	struct err e;
	struct answers *a = answers_load_buffer(m, "a.yaml", answers_text,
	    strlen(answers_text), &e);
	struct eval_result *res = eval_result_new(m);
	struct report rep;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_msg(a != NULL, "%s", e.msg);
	eval_run(m, a->answer, a->weight, res);
	rep = (struct report){ .model = m, .answers = a, .result = res };
	ck_assert_int_eq(report_yaml(f, &rep, &e), 0);
	fclose(f);
	ck_assert_msg(ydoc_parse(doc, arena, "out.yaml", buf, len, &e) == 0,
	    "%s\n%s", e.msg, buf);
	eval_result_free(res);
	answers_free(a);
	return buf;
}

START_TEST(test_yaml_keys)
{
	static const char *const keys[] = { "recommendation", "confidence",
	    "answered", "questions", "scores", "blocked", "rationale", "flip" };
	struct arena *arena = arena_new();
	struct ydoc doc;
	char *buf = yaml_of("answers:\n  duration: long\n  state: in_memory\n",
	    arena, &doc);
	const struct ynode *root = doc.root, *n;
	size_t i;

	ck_assert_int_eq(root->type, Y_MAP);
	ck_assert_uint_eq(root->len, sizeof keys / sizeof keys[0]);
	for (i = 0; i < root->len; i++)
		ck_assert_str_eq(root->kids[2 * i]->str, keys[i]);
	ck_assert_str_eq(ymap_get(root, "recommendation")->str, "kubernetes");
	ck_assert_str_eq(ymap_get(root, "answered")->str, "2");
	n = ymap_get(ymap_get(root, "scores"), "serverless");
	ck_assert_int_eq(n->type, Y_MAP);
	ck_assert_str_eq(n->kids[0]->str, "total");
	ck_assert_uint_eq(n->len, 1 + (size_t)m->ndims);
	n = ymap_get(ymap_get(root, "blocked"), "serverless");
	ck_assert_int_eq(n->type, Y_SEQ);
	ck_assert_str_eq(n->kids[0]->str, "duration: AWS Lambda stops an "
	    "invocation at 15 minutes");
	n = ymap_get(root, "rationale");
	ck_assert_int_eq(n->type, Y_SEQ);
	ck_assert_str_eq(ymap_get(n->kids[0], "favors")->str, "kubernetes");
	n = ymap_get(root, "flip");
	ck_assert_int_eq(n->type, Y_MAP);
	ck_assert_ptr_nonnull(ymap_get(n, "recommendation"));
	free(buf);
	arena_free(arena);
}
END_TEST

START_TEST(test_yaml_undecided)
{
	struct arena *arena = arena_new();
	struct ydoc doc;
	char *buf = yaml_of("answers: {}\n", arena, &doc);

	ck_assert_str_eq(ymap_get(doc.root, "recommendation")->str,
	    "undecided");
	ck_assert(yis_null(ymap_get(doc.root, "flip")));
	ck_assert_uint_eq(ymap_get(doc.root, "blocked")->len, 0);
	ck_assert_uint_eq(ymap_get(doc.root, "rationale")->len, 0);
	free(buf);
	arena_free(arena);
}
END_TEST

/* yamlw_text must bring back exactly the text it was given. */
START_TEST(test_yaml_text_round_trip)
{
	static const char *const texts[] = { "plain", "yes", "No", "null",
	    "~", "", "123", "-1.5e3", "0x1f", "12:30", " leading", "trailing ",
	    "a: b", "#hash", "- dash", "[x]", "{y}", "'single'", "\"double\"",
	    "multi\nline", "multi\nline\n", "\ttab", "caf\xc3\xa9 \xf0\x9f\x9a\x80",
	    "back\\slash", "| pipe", "> fold", "%percent", "@at", "`tick`",
	    "line\n\n\nbreaks", " \n lead space lines", "true", "FALSE",
	    ".inf", "<<" };
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct yamlw w;
		struct err e;
		struct arena *arena = arena_new();
		struct ydoc doc;
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		const char *got;

		ck_assert_int_eq(yamlw_open(&w, f, &e), 0);
		yamlw_map(&w, 0);
		yamlw_key(&w, "k");
		yamlw_text(&w, texts[i]);
		yamlw_map_end(&w);
		ck_assert_int_eq(yamlw_close(&w, &e), 0);
		fclose(f);
		ck_assert_int_eq(ydoc_parse(&doc, arena, "t", buf, len, &e), 0);
		got = ymap_get(doc.root, "k")->str;
		ck_assert_msg(!yis_null(ymap_get(doc.root, "k")) ||
		    texts[i][0] == '\0', "'%s' came back as null:\n%s",
		    texts[i], buf);
		ck_assert_msg(strcmp(got, texts[i]) == 0, "'%s' came back as "
		    "'%s':\n%s", texts[i], got, buf);
		free(buf);
		arena_free(arena);
	}
}
END_TEST

static char *
md_of(void (*fn)(FILE *, const char *), const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	fn(f, s);
	fclose(f);
	return buf;
}

/* A '|' not preceded by an odd run of backslashes. */
static int
has_bare_pipe(const char *s)
{
	size_t i, bs;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] != '|')
			continue;
		for (bs = 0; bs < i && s[i - 1 - bs] == '\\'; bs++)
			;
		if (bs % 2 == 0)
			return 1;
	}
	return 0;
}

START_TEST(test_md_escape)
{
	char *s;

	s = md_of(md_cell, "| pipes | and \\| more");
	ck_assert(!has_bare_pipe(s));
	ck_assert_str_eq(s, "\\| pipes \\| and \\\\\\| more");
	free(s);
	s = md_of(md_cell, "<script>alert(1)</script> & co");
	ck_assert_str_eq(s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
	free(s);
	s = md_of(md_cell, "two\nlines");
	ck_assert_str_eq(s, "two / lines");
	free(s);
	s = md_of(md_inline, "# heading");
	ck_assert_str_eq(s, "\\# heading");
	free(s);
	s = md_of(md_paragraph, "- item\n1. one\n> quote\n    code\n==");
	ck_assert_str_eq(s, "\\- item\\\n1\\. one\\\n&gt; quote\\\ncode\\\n"
	    "\\==");
	free(s);
	s = md_of(md_inline, "*bold* _it_ `code` [link](x) ~~s~~ caf\xc3\xa9");
	ck_assert_str_eq(s, "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) "
	    "\\~\\~s\\~\\~ caf\xc3\xa9");
	free(s);
	s = md_of(md_inline, "bell\a and esc\x1b[31m");
	ck_assert_str_eq(s, "bell and esc\\[31m");
	free(s);
}
END_TEST

/* Text that follows "- " in a list item or starts a cell must not open
 * a block there; what cannot open one is left alone. */
/* Found by tests/fuzz/fuzz_md: control characters, which are dropped,
 * hid what starts a line from the escaping, and lines of them alone
 * made hard breaks and blank lines out of nothing. */
START_TEST(test_md_controls)
{
	static const struct {
		void (*fn)(FILE *, const char *);
		const char *in, *out;
	} cases[] = {
		{ md_paragraph, "first\n\x01- item\n\f    code\n\x02" "1. one\n"
		  "1\x03) two\n\x7f===",
		  "first\\\n\\- item\\\ncode\\\n1\\. one\\\n1\\) two\\\n\\===" },
		/* C1 controls likewise, and after the marker. */
		{ md_paragraph, "a\n\xc2\x85- b\n1.\xc2\x9b c\n2\x01.",
		  "a\\\n\\- b\\\n1\\. c\\\n2\\." },
		{ md_inline, "\x01\xc2\x90+ plus", "\\+ plus" },
		/* Lines of controls only: blank, and blank at the ends say
		 * nothing. */
		{ md_paragraph, "\x01\nline\n\x0e\n\nnext\n\x0e",
		  "line\n\nnext" },
		{ md_paragraph, "  \nafter a blank first line",
		  "after a blank first line" },
		{ md_paragraph, "ends\x0e\xc2\x80  ", "ends" },
		{ md_cell, "\x01|\x02", "\\|" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = md_of(cases[i].fn, cases[i].in);

		ck_assert_msg(strcmp(s, cases[i].out) == 0, "case %zu gave "
		    "'%s', expected '%s'", i, s, cases[i].out);
		free(s);
	}
}
END_TEST

START_TEST(test_md_escape_start)
{
	static const struct {
		void (*fn)(FILE *, const char *);
		const char *in, *out;
	} cases[] = {
		{ md_inline, "- dash", "\\- dash" },
		{ md_inline, "+ plus", "\\+ plus" },
		{ md_inline, "1. item", "1\\. item" },
		{ md_inline, "12) item", "12\\) item" },
		{ md_inline, "3.", "3\\." },
		{ md_inline, "1.0 is a version", "1.0 is a version" },
		{ md_inline, "1234567890. too long to be a list",
		  "1234567890. too long to be a list" },
		{ md_inline, "a - b 1. c", "a - b 1. c" },
		{ md_inline, "> quote", "&gt; quote" },
		{ md_inline, "=== setext", "\\=== setext" },
		{ md_cell, "- item\n- second", "\\- item / - second" },
		{ md_cell, "\n\n  1. after blank lines", "1\\. after blank lines" },
		{ md_inline, "caf\xc3\xa9 \xf0\x9f\x9a\x80", "caf\xc3\xa9 \xf0\x9f\x9a\x80" },
		/* Invalid UTF-8 is replaced; C1 controls are dropped. */
		{ md_inline, "a\xff\xc3" "b", "a\xef\xbf\xbd\xef\xbf\xbd" "b" },
		{ md_inline, "a\xc2\x85" "b\xc2\xa0" "c", "ab\xc2\xa0" "c" },
		{ md_inline, "&lt;b&gt; &#60;", "&amp;lt;b&amp;gt; &amp;\\#60;" },
		{ md_id, "traffic", "`traffic`" },
		{ md_id, "a`b", "a\\`b" },
		{ md_id, "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = md_of(cases[i].fn, cases[i].in);

		ck_assert_msg(strcmp(s, cases[i].out) == 0, "'%s' gave '%s', "
		    "expected '%s'", cases[i].in, s, cases[i].out);
		free(s);
	}
}
END_TEST

START_TEST(test_md_cell_max)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	md_cell_max(f, "abc", 3);
	fputc('/', f);
	md_cell_max(f, "abcd", 3);
	fputc('/', f);
	/* Characters, not bytes, and never half of one. */
	md_cell_max(f, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 2);
	fputc('/', f);
	md_cell_max(f, "|x|", 2);
	fclose(f);
	ck_assert_str_eq(buf, "abc/abc\xe2\x80\xa6/\xc3\xa9\xc3\xa9\xe2\x80\xa6/"
	    "\\|x\xe2\x80\xa6");
	free(buf);
}
END_TEST

START_TEST(test_markdown_summary)
{
	struct err e;
	struct answers *a = answers_load_buffer(m, "a.yaml", full_answers,
	    strlen(full_answers), &e);
	struct eval_result *res = eval_result_new(m);
	struct report rep;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(a);
	eval_run(m, a->answer, a->weight, res);
	rep = (struct report){ .model = m, .answers = a, .result = res };
	ck_assert_int_eq(export_md(f, &rep, &e), 0);
	fclose(f);
	{
		const char *title = "# Checkout \\| \"EU\" / caf\xc3\xa9: "
		    "Serverless, Kubernetes or hybrid\n";

		ck_assert_msg(strncmp(buf, title, strlen(title)) == 0, "%s",
		    buf);
	}
	ck_assert_ptr_nonnull(strstr(buf, "## Decision\n\n**Serverless**"));
	ck_assert_ptr_nonnull(strstr(buf, "| Black Friday: 40x |"));
	ck_assert_ptr_nonnull(strstr(buf, "Line one.\\\nLine two."));
	free(buf);
	eval_result_free(res);
	answers_free(a);
}
END_TEST

START_TEST(test_utf8)
{
	ck_assert_int_eq(utf8_valid_len("a", 1), 1);
	ck_assert_int_eq(utf8_valid_len("\xc3\xa9", 2), 2);
	ck_assert_int_eq(utf8_valid_len("\xc3", 1), 0);
	ck_assert_int_eq(utf8_valid_len("\xc0\xaf", 2), 0);	/* overlong */
	ck_assert_int_eq(utf8_valid_len("\xe0\x80\xaf", 3), 0);
	ck_assert_int_eq(utf8_valid_len("\xed\xa0\x80", 3), 0);	/* surrogate */
	ck_assert_int_eq(utf8_valid_len("\xf4\x90\x80\x80", 4), 0);
	ck_assert_int_eq(utf8_valid_len("\xf0\x9f\x9a\x80", 4), 4);
	ck_assert(utf8_printable("caf\xc3\xa9", 5, NULL));
	ck_assert(!utf8_printable("a\nb", 3, NULL));
	ck_assert(utf8_printable("a\nb", 3, "\n"));
	ck_assert(!utf8_printable("a\0b", 3, "\n"));
	ck_assert(!utf8_printable("\xc2\x85", 2, NULL));	/* C1 */
	ck_assert_uint_eq(utf8_count("caf\xc3\xa9", 5), 4);
}
END_TEST

START_TEST(test_err_quote)
{
	char buf[16];

	ck_assert_str_eq(err_quote(buf, sizeof buf, "a\x1b[2Jb", 6),
	    "a\\x1b[2Jb");
	ck_assert_str_eq(err_quote(buf, sizeof buf, "\xff", 1), "\\xff");
	ck_assert_str_eq(err_quote(buf, sizeof buf,
	    "abcdefghijklmnopqrstuvwxyz", 26), "abcdefghijkl...");
	ck_assert_str_eq(err_quote(buf, sizeof buf, "caf\xc3\xa9", 5),
	    "caf\xc3\xa9");
}
END_TEST

START_TEST(test_workload_parse)
{
	struct workload w;
	char msg[256], out[64];

	workload_defaults(&w);
	ck_assert_uint_eq(w.set, 0);
	ck_assert_int_eq(workload_parse(&w, WL_MEMORY, "1536", msg,
	    sizeof msg), 0);
	ck_assert(w.num[WL_MEMORY] == 1536);
	ck_assert_int_eq(workload_parse(&w, WL_MEMORY, "100000", msg,
	    sizeof msg), -1);
	ck_assert_str_eq(msg, "memory_mb must be between 128 and 32768, not "
	    "100000");
	ck_assert_int_eq(workload_parse(&w, WL_DURATION, "nan", msg,
	    sizeof msg), -1);
	ck_assert_int_eq(workload_parse(&w, WL_DURATION, "1e999", msg,
	    sizeof msg), -1);
	ck_assert_int_eq(workload_parse(&w, WL_DURATION, "0x10", msg,
	    sizeof msg), -1);
	ck_assert_int_eq(workload_parse(&w, WL_DURATION, "12.5", msg,
	    sizeof msg), 0);
	ck_assert_str_eq(workload_format(&w, WL_DURATION, out, sizeof out),
	    "12.5");
	ck_assert_int_eq(workload_parse(&w, WL_GATEWAY, "rest", msg,
	    sizeof msg), 0);
	ck_assert_str_eq(workload_format(&w, WL_GATEWAY, out, sizeof out),
	    "rest");
	ck_assert_int_eq(workload_parse(&w, WL_FREE_TIER, "false", msg,
	    sizeof msg), 0);
	ck_assert_str_eq(workload_format(&w, WL_FREE_TIER, out, sizeof out),
	    "false");
	ck_assert_int_eq(workload_field("memory_mb"), WL_MEMORY);
	ck_assert_int_eq(workload_field("nope"), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("answers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_bad_answers, 0,
	    (int)(sizeof bad_answers / sizeof bad_answers[0]));
	tcase_add_test(tc, test_answers_load);
	suite_add_tcase(s, tc);
	tc = tcase_create("writers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_yaml_keys);
	tcase_add_test(tc, test_yaml_undecided);
	tcase_add_test(tc, test_yaml_text_round_trip);
	tcase_add_test(tc, test_md_escape);
	tcase_add_test(tc, test_md_escape_start);
	tcase_add_test(tc, test_md_controls);
	tcase_add_test(tc, test_md_cell_max);
	tcase_add_test(tc, test_markdown_summary);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_err_quote);
	tcase_add_test(tc, test_workload_parse);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
