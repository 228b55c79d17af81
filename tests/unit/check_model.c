/* check_model.c - the YAML reader and the model loader, good and bad. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "testutil.h"
#include "ydoc.h"

/* A small valid model, in pieces so each bad case changes one. */
#define HEAD "model: {id: m, version: \"1\", title: T}\n"	/* 1 */
#define OPTS "options:\n"					/* 2 */ \
	"  - {id: a, title: A}\n"				/* 3 */ \
	"  - {id: b, title: B}\n"				/* 4 */
#define DIMS "dimensions:\n"					/* 5 */ \
	"  - {id: x, title: X, weight: 3}\n"			/* 6 */
#define PANELS "panels:\n"					/* 7 */ \
	"  - id: p\n"						/* 8 */ \
	"    title: P\n"					/* 9 */ \
	"    questions:\n"					/* 10 */
#define Q1 "      - id: q1\n"					/* 11 */ \
	"        prompt: Q1?\n"					/* 12 */ \
	"        help: H\n"					/* 13 */ \
	"        answers:\n"					/* 14 */ \
	"          - {id: y, label: Y, scores: {a: {x: 2}}}\n"	/* 15 */ \
	"          - {id: n, label: N, scores: {b: {x: 2}}, blocks: {a: no}}\n"
#define TABLES "tables:\n"					/* 17 */ \
	"  - dimension: x\n"					/* 18 */ \
	"    title: TX\n"					/* 19 */ \
	"    rows:\n"						/* 20 */ \
	"      - {id: r, label: R, cells: {a: ca, b: cb}, questions: [q1]}\n"
#define GUIDE "guidance:\n  a: [when a]\n"			/* 22-23 */
#define MINI HEAD OPTS DIMS PANELS Q1 TABLES GUIDE

START_TEST(test_mini_loads)
{
	struct model *m = tu_model(MINI);

	ck_assert_str_eq(m->id, "m");
	ck_assert_int_eq(m->noptions, 2);
	ck_assert_int_eq(m->ndims, 1);
	ck_assert_int_eq(m->nquestions, 1);
	ck_assert_int_eq(m->questions[0].nanswers, 2);
	ck_assert(model_effect(m, 0, 0, 0, 0) == 2.0);
	ck_assert(model_effect(m, 0, 0, 1, 0) == 0.0);
	ck_assert_str_eq(m->questions[0].answers[1].block[0], "no");
	ck_assert_uint_eq(m->questions[0].answers[1].block_mask, 1u);
	ck_assert(m->questions[0].span[0] == 2.0);
	ck_assert_int_eq(m->nrows, 1);
	ck_assert_str_eq(m->tables[0].rows[0].cells[1], "cb");
	ck_assert_int_eq(m->tables[0].rows[0].questions[0], 0);
	ck_assert_int_eq(m->nguidance[0], 1);
	ck_assert_int_eq(m->nguidance[1], 0);
	model_free(m);
}
END_TEST

struct bad {
	const char *what, *text, *message;
};

static const struct bad bad_models[] = {
	{ "empty file", "", "test.yaml:1:1: empty file" },
	{ "only a comment", "# nothing\n", "test.yaml:1:1: empty file" },
	{ "not a mapping", "- a\n- b\n",
	  "test.yaml:1:1: a model file must be a mapping, not a list" },
	{ "unknown top-level key", MINI "colour: red\n",
	  "test.yaml:24:1: unknown key 'colour' in a model file" },
	{ "missing panels", HEAD OPTS DIMS,
	  "test.yaml:1:1: a model file is missing 'panels'" },
	{ "header not a mapping", "model: m\n" OPTS DIMS PANELS Q1,
	  "test.yaml:1:8: 'model' must be a mapping, not a scalar" },
	{ "header missing version", "model: {id: m, title: T}\n" OPTS DIMS
	  PANELS Q1, "test.yaml:1:8: 'model' is missing 'version'" },
	{ "options not a list", HEAD "options: 5\n" DIMS PANELS Q1,
	  "test.yaml:2:10: 'options' must be a list, not a scalar" },
	{ "options empty", HEAD "options: []\n" DIMS PANELS Q1,
	  "test.yaml:2:10: 'options' must not be empty" },
	{ "option not a mapping", HEAD "options:\n  - a\n" DIMS PANELS Q1,
	  "test.yaml:3:5: an option must be a mapping, not a scalar" },
	{ "option unknown key", HEAD "options:\n  - {id: a, title: A, "
	  "colour: red}\n  - {id: b, title: B}\n" DIMS PANELS Q1,
	  "test.yaml:3:23: unknown key 'colour' in an option" },
	{ "option missing title", HEAD "options:\n  - {id: a}\n" DIMS PANELS
	  Q1, "test.yaml:3:5: an option is missing 'title'" },
	{ "duplicate option id", HEAD "options:\n  - {id: a, title: A}\n"
	  "  - {id: a, title: B}\n" DIMS PANELS Q1,
	  "test.yaml:4:10: duplicate option id 'a'" },
	{ "invalid option id", HEAD "options:\n  - {id: \"A b\", title: A}\n"
	  DIMS PANELS Q1,
	  "test.yaml:3:10: option id 'A b' is not a valid identifier" },
	{ "too many options", HEAD "options: [{id: a, title: A}, {id: b, "
	  "title: B}, {id: c, title: C}, {id: d, title: D}, {id: e, title: "
	  "E}, {id: f, title: F}, {id: g, title: G}, {id: h, title: H}, "
	  "{id: i, title: I}]\n" DIMS PANELS Q1,
	  "test.yaml:2:10: 'options' has 9 entries; a model has 2 to 5 "
	  "options" },
	{ "six options", HEAD "options: [{id: a, title: A}, {id: b, "
	  "title: B}, {id: c, title: C}, {id: d, title: D}, {id: e, title: "
	  "E}, {id: f, title: F}]\n" DIMS PANELS Q1,
	  "test.yaml:2:10: 'options' has 6 entries; a model has 2 to 5 "
	  "options" },
	{ "one option", HEAD "options:\n  - {id: a, title: A}\n" DIMS PANELS
	  Q1, "test.yaml:3:3: 'options' has 1 entry; a model has 2 to 5 "
	  "options" },
	{ "option named undecided", HEAD "options:\n  - {id: a, title: A}\n"
	  "  - {id: undecided, title: U}\n" DIMS PANELS Q1,
	  "test.yaml:4:10: option id 'undecided' is reserved: reports use it "
	  "when no option leads" },
	{ "unknown cost shape", HEAD "options:\n  - {id: a, title: A, cost: "
	  "lambda}\n  - {id: b, title: B}\n" DIMS PANELS Q1,
	  "test.yaml:3:29: unknown cost shape 'lambda' for option 'a' "
	  "(expected functions, cluster, split or containers)" },
	{ "cost shape not a word", HEAD "options:\n  - {id: a, title: A, "
	  "cost: [functions]}\n  - {id: b, title: B}\n" DIMS PANELS Q1,
	  "test.yaml:3:29: the cost shape of option 'a' must be one of "
	  "functions, cluster, split or containers, not a list" },
	{ "cost shape empty", HEAD "options:\n  - {id: a, title: A, cost: "
	  "}\n  - {id: b, title: B}\n" DIMS PANELS Q1,
	  "test.yaml:3:" },
	{ "two cost dimensions", HEAD OPTS "dimensions:\n  - {id: x, title: X, "
	  "weight: 3, cost: true}\n  - {id: z, title: Z, weight: 1, cost: "
	  "true}\n" PANELS Q1,
	  "test.yaml:7:40: dimension 'z' is marked 'cost: true', and so is "
	  "'x': only one dimension counts the bill" },
	{ "cost dimension not a boolean", HEAD OPTS "dimensions:\n  - {id: x, "
	  "title: X, weight: 3, cost: yes please}\n" PANELS Q1,
	  "test.yaml:6:40: a dimension's 'cost' must be true or false" },
	{ "panel context not a boolean", HEAD OPTS DIMS "panels:\n  - id: p\n"
	  "    title: P\n    context: 3\n    questions:\n" Q1,
	  "test.yaml:10:14: " },
	{ "title with a control character", HEAD "options:\n  - {id: a, "
	  "title: \"A\\x07\"}\n" DIMS PANELS Q1,
	  "test.yaml:3:20: option title contains control characters" },
	{ "weight out of range", HEAD OPTS "dimensions:\n  - {id: x, title: X, "
	  "weight: 9}\n" PANELS Q1,
	  "test.yaml:6:31: dimension weight must be between 0 and 5, not 9" },
	{ "weight not a number", HEAD OPTS "dimensions:\n  - {id: x, title: X, "
	  "weight: high}\n" PANELS Q1,
	  "test.yaml:6:31: dimension weight must be a whole number, not "
	  "'high'" },
	{ "weight quoted", HEAD OPTS "dimensions:\n  - {id: x, title: X, "
	  "weight: \"3\"}\n" PANELS Q1,
	  "test.yaml:6:31: dimension weight must be a whole number, not '3'" },
	{ "duplicate dimension", HEAD OPTS "dimensions:\n  - {id: x, title: X,"
	  " weight: 3}\n  - {id: x, title: Y, weight: 1}\n" PANELS Q1,
	  "test.yaml:7:10: duplicate dimension id 'x'" },
	{ "panels empty", HEAD OPTS DIMS "panels: []\n",
	  "test.yaml:7:9: 'panels' must not be empty" },
	{ "panel without questions", HEAD OPTS DIMS "panels:\n  - {id: p, "
	  "title: P}\n", "test.yaml:8:5: a panel is missing 'questions'" },
	{ "questions empty", HEAD OPTS DIMS PANELS "      []\n",
	  "test.yaml:11:7: 'questions' must not be empty" },
	{ "question missing help", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        answers: [{id: y, "
	  "label: Y}, {id: n, label: N}]\n",
	  "test.yaml:11:9: a question is missing 'help'" },
	{ "question with one answer", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y}]\n",
	  "test.yaml:14:18: question 'q1' must have 2 to 5 answers, not 1" },
	{ "duplicate question id", HEAD OPTS DIMS PANELS Q1
	  "      - id: q1\n        prompt: Again?\n        help: H\n"
	  "        answers: [{id: y, label: Y}, {id: n, label: N}]\n",
	  "test.yaml:17:13: duplicate question id 'q1'" },
	{ "duplicate answer id", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y}, {id: y, label: N}]\n",
	  "test.yaml:14:43: duplicate answer id 'y' in question 'q1'" },
	{ "score for an unknown option", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y, scores: {z: {x: 1}}}, {id: n, "
	  "label: N}]\n",
	  "test.yaml:14:46: unknown option 'z' in 'scores'" },
	{ "score for an unknown dimension", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y, scores: {a: {cost: 1}}}, "
	  "{id: n, label: N}]\n",
	  "test.yaml:14:50: unknown dimension 'cost' in 'scores'" },
	{ "score out of range", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y, scores: {a: {x: 7}}}, "
	  "{id: n, label: N}]\n",
	  "test.yaml:14:53: a score must be between -5 and 5, not 7" },
	{ "scores empty", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y, scores: {}}, "
	  "{id: n, label: N}]\n",
	  "test.yaml:14:45: 'scores' must not be empty" },
	{ "block for an unknown option", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y, blocks: {z: nope}}, "
	  "{id: n, label: N}]\n",
	  "test.yaml:14:46: unknown option 'z' in 'blocks'" },
	{ "block reason empty", HEAD OPTS DIMS PANELS
	  "      - id: q1\n        prompt: Q1?\n        help: H\n"
	  "        answers: [{id: y, label: Y, blocks: {a: \"\"}}, "
	  "{id: n, label: N}]\n",
	  "test.yaml:14:49: a block reason is empty" },
	{ "when naming an unknown question", HEAD OPTS DIMS PANELS Q1
	  "      - id: q2\n        prompt: Q2?\n        help: H\n"
	  "        when: {q9: y}\n"
	  "        answers: [{id: y, label: Y}, {id: n, label: N}]\n",
	  "test.yaml:20:16: unknown question 'q9' in 'when'" },
	{ "when naming itself", HEAD OPTS DIMS PANELS Q1
	  "      - id: q2\n        prompt: Q2?\n        help: H\n"
	  "        when: {q2: y}\n"
	  "        answers: [{id: y, label: Y}, {id: n, label: N}]\n",
	  "test.yaml:20:16: 'when' must name an earlier question, not 'q2'" },
	{ "when naming an unknown answer", HEAD OPTS DIMS PANELS Q1
	  "      - id: q2\n        prompt: Q2?\n        help: H\n"
	  "        when: {q1: [y, maybe]}\n"
	  "        answers: [{id: y, label: Y}, {id: n, label: N}]\n",
	  "test.yaml:20:24: unknown answer 'maybe' for question 'q1'" },
	{ "table for an unknown dimension", HEAD OPTS DIMS PANELS Q1
	  "tables:\n  - dimension: cost\n    title: T\n    rows: []\n",
	  "test.yaml:18:16: unknown dimension 'cost' in a table" },
	{ "two tables for one dimension", HEAD OPTS DIMS PANELS Q1 TABLES
	  "  - dimension: x\n    title: T2\n    rows: [{id: r, label: R, "
	  "cells: {a: c, b: c}}]\n",
	  "test.yaml:22:16: dimension 'x' already has a table" },
	{ "table without rows", HEAD OPTS DIMS PANELS Q1
	  "tables:\n  - dimension: x\n    title: T\n    rows: []\n",
	  "test.yaml:20:11: 'rows' must not be empty" },
	{ "row missing a cell", HEAD OPTS DIMS PANELS Q1
	  "tables:\n  - dimension: x\n    title: T\n    rows:\n"
	  "      - {id: r, label: R, cells: {a: ca}}\n",
	  "test.yaml:21:34: row 'r' has no cell for option 'b'" },
	{ "row naming an unknown question", HEAD OPTS DIMS PANELS Q1
	  "tables:\n  - dimension: x\n    title: T\n    rows:\n"
	  "      - {id: r, label: R, cells: {a: c, b: c}, questions: [q9]}\n",
	  "test.yaml:21:60: unknown question 'q9' in row 'r'" },
	{ "duplicate row id", HEAD OPTS DIMS PANELS Q1
	  "tables:\n  - dimension: x\n    title: T\n    rows:\n"
	  "      - {id: r, label: R, cells: {a: c, b: c}}\n"
	  "      - {id: r, label: S, cells: {a: c, b: c}}\n",
	  "test.yaml:22:14: duplicate row id 'r' in the x table" },
	{ "guidance for an unknown option", HEAD OPTS DIMS PANELS Q1
	  "guidance:\n  z: [never]\n",
	  "test.yaml:18:3: unknown option 'z' in 'guidance'" },
	{ "guidance empty list", HEAD OPTS DIMS PANELS Q1
	  "guidance:\n  a: []\n",
	  "test.yaml:18:6: guidance must not be empty" },
	{ "anchor", HEAD "options:\n  - &first {id: a, title: A}\n" DIMS
	  PANELS Q1,
	  "test.yaml:3:5: anchors and aliases are not allowed" },
	{ "alias", HEAD "options:\n  - {id: a, title: A}\n  - *first\n" DIMS
	  PANELS Q1,
	  "test.yaml:4:5: anchors and aliases are not allowed" },
	{ "tag", HEAD "options:\n  - {id: a, title: !!str A}\n" DIMS PANELS
	  Q1, "test.yaml:3:20: YAML tags ('!...') are not allowed" },
	{ "duplicate key", "model: {id: m, version: \"1\", title: T, id: n}\n"
	  OPTS DIMS PANELS Q1,
	  "test.yaml:1:40: duplicate key 'id' (first at 1:9)" },
	{ "two documents", MINI "---\nmodel: {}\n",
	  "test.yaml:24:1: only one YAML document is allowed" },
	{ "truncated file", "model: {id: m, version: \"1\n",
	  "test.yaml:2:1: invalid YAML: found unexpected end of stream while "
	  "scanning a quoted scalar (which starts at 1:25)" },
	{ "unclosed flow list", HEAD "options: [{id: a, title: A}\n",
	  "test.yaml:3:1: invalid YAML: did not find expected ',' or ']'" },
	{ "binary garbage", "\x7f" "ELF\x02\x01\x01\x00\x00\x00",
	  "test.yaml:1:1: not valid text: control characters are not allowed" },
	{ "invalid UTF-8", HEAD "options:\n  - {id: a, title: \"caf\xe9\"}\n",
	  "test.yaml:3:25: not valid text: invalid trailing UTF-8 octet" },
	{ "complex key", "? [a, b]\n: c\n",
	  "test.yaml:1:3: a mapping key must be plain text" },
	{ "unknown question role", HEAD OPTS DIMS PANELS
	  "      - {id: q1, prompt: Q, help: H, role: cloud, answers: "
	  "[{id: y, label: Y}, {id: n, label: N}]}\n",
	  "test.yaml:11:44: unknown role 'cloud' for a question (expected: "
	  "provider)" },
	{ "second provider role", HEAD OPTS DIMS PANELS
	  "      - {id: q1, prompt: Q, help: H, role: provider, answers: "
	  "[{id: y, label: Y}, {id: n, label: N}]}\n"
	  "      - {id: q2, prompt: Q, help: H, role: provider, answers: "
	  "[{id: y, label: Y}, {id: n, label: N}]}\n",
	  "test.yaml:12:44: a second question with role 'provider' (the "
	  "first is 'q1')" },
	{ "unknown answer role", HEAD OPTS DIMS PANELS
	  "      - {id: q1, prompt: Q, help: H, answers: "
	  "[{id: y, label: Y, role: warm}, {id: n, label: N}]}\n",
	  "test.yaml:11:72: unknown role 'warm' for an answer (expected: "
	  "warm_capacity)" },
	{ "default not an answer", HEAD OPTS DIMS PANELS
	  "      - {id: q1, prompt: Q, help: H, default: maybe, answers: "
	  "[{id: y, label: Y}, {id: n, label: N}]}\n",
	  "test.yaml:11:47: a question's 'default' must be one of its "
	  "answers, not 'maybe'" },
	{ "block when unknown question", HEAD OPTS DIMS PANELS
	  "      - {id: q1, prompt: Q, help: H, answers: "
	  "[{id: y, label: Y, blocks: {a: [{reason: R, when: {cloud: x}}]}}, "
	  "{id: n, label: N}]}\n",
	  "test.yaml:11:98: unknown question 'cloud' in 'when'" },
	{ "block without reason", HEAD OPTS DIMS PANELS
	  "      - {id: q1, prompt: Q, help: H, answers: "
	  "[{id: y, label: Y, blocks: {a: [{when: {q1: y}}]}}, "
	  "{id: n, label: N}]}\n",
	  "test.yaml:11:79: a block is missing 'reason'" },
};

/* Roles, a default and a block whose `when` names a later question. */
START_TEST(test_roles_and_conditional_blocks)
{
	struct model *m = tu_model(HEAD OPTS DIMS PANELS
	    "      - id: q1\n"
	    "        prompt: Q1\n"
	    "        help: H\n"
	    "        answers:\n"
	    "          - id: y\n"
	    "            label: Y\n"
	    "            role: warm_capacity\n"
	    "            blocks:\n"
	    "              a:\n"
	    "                - {reason: on c1, when: {cloud: c1}}\n"
	    "                - {reason: on c2, when: {cloud: [c2]}}\n"
	    "              b: always\n"
	    "          - {id: n, label: N}\n"
	    "      - id: cloud\n"
	    "        prompt: Where?\n"
	    "        help: H\n"
	    "        role: provider\n"
	    "        default: c1\n"
	    "        answers: [{id: c1, label: C1}, {id: c2, label: C2}, "
	    "{id: c3, label: C3}]\n");
	const struct model_answer *y = &m->questions[0].answers[0];
	int ans[2] = { 0, -1 };
	char vis[2] = { 1, 1 };

	ck_assert_int_eq(m->role_question[MODEL_QROLE_PROVIDER], 1);
	ck_assert_int_eq(m->role_answer[MODEL_AROLE_WARM][0], 0);
	ck_assert_int_eq(m->role_answer[MODEL_AROLE_WARM][1], 0);
	ck_assert_int_eq(m->questions[1].def, 0);
	ck_assert_int_eq(m->questions[0].def, -1);
	ck_assert_int_eq(y->nblocks, 3);
	ck_assert_uint_eq(y->block_mask, 3u);
	ck_assert_str_eq(y->block[0], "on c1");
	ck_assert_int_eq(y->blocks[0].nconds, 1);
	ck_assert_int_eq(y->blocks[0].conds[0].question, 1);
	ck_assert_int_eq(y->blocks[2].nconds, 0);
	/* Unanswered, the question counts as its default. */
	ck_assert(model_block_holds(m, &y->blocks[0], ans, vis));
	ck_assert(!model_block_holds(m, &y->blocks[1], ans, vis));
	ans[1] = 1;
	ck_assert(!model_block_holds(m, &y->blocks[0], ans, vis));
	ck_assert(model_block_holds(m, &y->blocks[1], ans, vis));
	ans[1] = 2;
	ck_assert(!model_block_holds(m, &y->blocks[0], ans, vis));
	ck_assert(!model_block_holds(m, &y->blocks[1], ans, vis));
	ck_assert(model_block_holds(m, &y->blocks[2], ans, vis));
	ck_assert(model_answer_role(m, MODEL_AROLE_WARM, ans, vis));
	ans[0] = 1;
	ck_assert(!model_answer_role(m, MODEL_AROLE_WARM, ans, vis));
	model_free(m);
}
END_TEST

/* Bad input gives exactly the message expected, position included. */
START_TEST(test_bad_model)
{
	const struct bad *b = &bad_models[_i];
	struct err e;
	struct model *m;

	err_clear(&e);
	m = model_load_buffer("test.yaml", b->text, strlen(b->text), &e);
	ck_assert_msg(m == NULL, "%s: loaded, but should not", b->what);
	ck_assert_msg(strncmp(e.msg, b->message, strlen(b->message)) == 0,
	    "%s:\n  got      '%s'\n  expected '%s...'", b->what, e.msg,
	    b->message);
}
END_TEST

START_TEST(test_deep_nesting)
{
	size_t n = 10000, i;
	char *text = malloc(2 * n + 1);
	struct err e;

	for (i = 0; i < n; i++)
		text[i] = '[';
	for (i = 0; i < n; i++)
		text[n + i] = ']';
	text[2 * n] = '\0';
	ck_assert_ptr_null(model_load_buffer("deep.yaml", text, 2 * n, &e));
	ck_assert_str_eq(e.msg, "deep.yaml:1:65: nested too deeply (the "
	    "limit is 64 levels)");
	free(text);
}
END_TEST

START_TEST(test_too_large)
{
	size_t n = YDOC_MAX_BYTES + 1;
	char *text = malloc(n);
	struct err e;

	memset(text, ' ', n);
	ck_assert_ptr_null(model_load_buffer("big.yaml", text, n, &e));
	ck_assert_msg(strstr(e.msg, "big.yaml: file too large") == e.msg,
	    "%s", e.msg);
	free(text);
}
END_TEST

START_TEST(test_files)
{
	char dir[] = "/tmp/tradeoff-model-XXXXXX", path[256];
	struct err e;
	int fd;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/missing.yaml", dir);
	ck_assert_ptr_null(model_load(path, &e));
	ck_assert_msg(strstr(e.msg, "missing.yaml: cannot open: No such file")
	    != NULL, "%s", e.msg);
	ck_assert_ptr_null(model_load(dir, &e));
	ck_assert_msg(strstr(e.msg, ": is a directory, not a file") != NULL,
	    "%s", e.msg);
	snprintf(path, sizeof path, "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	ck_assert_ptr_null(model_load(path, &e));
	ck_assert_msg(strstr(e.msg, "fifo: is not a regular file") != NULL,
	    "%s", e.msg);
	unlink(path);
	snprintf(path, sizeof path, "%s/model.yaml", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, MINI, strlen(MINI)), (ssize_t)strlen(MINI));
	close(fd);
	{
		struct model *m = model_load(path, &e);

		ck_assert_msg(m != NULL, "%s", e.msg);
		ck_assert_str_eq(m->file, path);
		model_free(m);
	}
	unlink(path);
	rmdir(dir);
}
END_TEST

/* These ids are a public interface (README.md, "Answers files"). */
static const char *const vocabulary[][7] = {
	{ "workload", "traffic", "spiky", "steady", "mixed" },
	{ "workload", "duration", "short", "medium", "long" },
	{ "workload", "state", "stateless", "external", "in_memory" },
	{ "workload", "latency", "tolerant", "moderate", "strict" },
	{ "workload", "connections", "none", "some", "core" },
	{ "workload", "mix", "uniform", "split" },
	{ "architecture", "services", "few", "several", "many" },
	{ "architecture", "coupling", "loose", "moderate", "tight" },
	{ "architecture", "runtime", "standard", "custom", "special" },
	{ "architecture", "networking", "managed", "custom" },
	{ "team", "devops", "none", "some", "strong" },
	{ "team", "time_to_market", "urgent", "normal", "relaxed" },
	{ "team", "existing_platform", "none", "kubernetes", "serverless" },
	{ "compliance", "regulation", "none", "moderate", "strict" },
	{ "compliance", "network_policy", "none", "namespace", "granular" },
	{ "compliance", "regions", "single", "multi" },
	{ "operations", "debugging", "logs", "tracing", "live" },
	{ "operations", "observability_stack", "platform", "existing" },
	{ "delivery", "rollout", "simple", "staged", "progressive" },
};

START_TEST(test_shipped_vocabulary)
{
	struct model *m = tu_shipped_model();
	size_t i, j;

	for (i = 0; i < sizeof vocabulary / sizeof vocabulary[0]; i++) {
		int q = model_question_index(m, vocabulary[i][1]);
		int p = model_panel_index(m, vocabulary[i][0]);

		ck_assert_msg(q >= 0, "question %s missing", vocabulary[i][1]);
		ck_assert_msg(p >= 0, "panel %s missing", vocabulary[i][0]);
		ck_assert_msg(m->questions[q].panel == p, "%s not in panel %s",
		    vocabulary[i][1], vocabulary[i][0]);
		for (j = 2; j < 7 && vocabulary[i][j] != NULL; j++)
			ck_assert_msg(model_answer_index(m, q,
			    vocabulary[i][j]) >= 0, "answer %s.%s missing",
			    vocabulary[i][1], vocabulary[i][j]);
	}
	ck_assert_int_ge(model_option_index(m, "serverless"), 0);
	ck_assert_int_ge(model_option_index(m, "kubernetes"), 0);
	ck_assert_int_ge(model_option_index(m, "hybrid"), 0);
	ck_assert_int_ge(model_panel_index(m, "cost"), 0);
	model_free(m);
}
END_TEST

/* The shipped model is complete: help for every question, a table for
 * every dimension whose rows name questions, guidance for every option,
 * and every question bears on some table row. */
START_TEST(test_shipped_complete)
{
	static const char *const dims[] = { "architecture", "cost",
	    "operations", "observability", "security", "delivery" };
	struct model *m = tu_shipped_model();
	char *used = calloc((size_t)m->nquestions, 1);
	int q, o, t, r, k;
	size_t d;

	for (d = 0; d < sizeof dims / sizeof dims[0]; d++) {
		int di = model_dim_index(m, dims[d]);

		ck_assert_msg(di >= 0, "dimension %s missing", dims[d]);
		ck_assert_msg(model_table_for(m, di) != NULL, "no %s table",
		    dims[d]);
		ck_assert_int_ge(model_table_for(m, di)->nrows, 4);
	}
	for (q = 0; q < m->nquestions; q++)
		ck_assert_msg(strlen(m->questions[q].help) > 80,
		    "help for %s is too thin", m->questions[q].id);
	for (o = 0; o < m->noptions; o++)
		ck_assert_int_ge(m->nguidance[o], 3);
	for (t = 0; t < m->ntables; t++)
		for (r = 0; r < m->tables[t].nrows; r++) {
			ck_assert_int_ge(m->tables[t].rows[r].nquestions, 1);
			for (k = 0; k < m->tables[t].rows[r].nquestions; k++)
				used[m->tables[t].rows[r].questions[k]] = 1;
		}
	for (q = 0; q < m->nquestions; q++)
		ck_assert_msg(used[q], "no table row names %s",
		    m->questions[q].id);
	free(used);
	model_free(m);
}
END_TEST

/* Spot-check that the architecture table covers the source material. */
START_TEST(test_shipped_rows)
{
	static const char *const rows[] = { "compute_lifecycle",
	    "resource_control", "auto_scaling", "startup_latency",
	    "concurrency", "networking", "deployment_complexity",
	    "stateful_workloads" };
	struct model *m = tu_shipped_model();
	const struct model_table *t = model_table_for(m,
	    model_dim_index(m, "architecture"));
	size_t i;
	int r, found;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		found = 0;
		for (r = 0; r < t->nrows; r++)
			if (strcmp(t->rows[r].id, rows[i]) == 0)
				found = 1;
		ck_assert_msg(found, "architecture row %s missing", rows[i]);
	}
	model_free(m);
}
END_TEST

START_TEST(test_visible)
{
	struct model *m = tu_model(HEAD OPTS DIMS PANELS Q1
	    "      - id: q2\n        prompt: Q2?\n        help: H\n"
	    "        when: {q1: y}\n"
	    "        answers: [{id: y, label: Y}, {id: n, label: N}]\n"
	    "      - id: q3\n        prompt: Q3?\n        help: H\n"
	    "        when: {q2: [y, n]}\n"
	    "        answers: [{id: y, label: Y}, {id: n, label: N}]\n");
	int answers[3] = { -1, 0, 0 };
	char vis[3];

	ck_assert(m->questions[0].controls);
	ck_assert(m->questions[1].controls);
	ck_assert(!m->questions[2].controls);
	ck_assert_int_eq(model_visible(m, answers, vis), 1);
	ck_assert(vis[0] && !vis[1] && !vis[2]);
	answers[0] = 1;
	ck_assert_int_eq(model_visible(m, answers, vis), 1);
	answers[0] = 0;
	ck_assert_int_eq(model_visible(m, answers, vis), 3);
	answers[1] = -1;
	ck_assert_int_eq(model_visible(m, answers, vis), 2);
	ck_assert(vis[1] && !vis[2]);
	model_free(m);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("loader");

	tcase_add_test(tc, test_mini_loads);
	tcase_add_test(tc, test_roles_and_conditional_blocks);
	tcase_add_loop_test(tc, test_bad_model, 0,
	    (int)(sizeof bad_models / sizeof bad_models[0]));
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_too_large);
	tcase_add_test(tc, test_files);
	tcase_add_test(tc, test_visible);
	suite_add_tcase(s, tc);
	tc = tcase_create("shipped");
	tcase_add_test(tc, test_shipped_vocabulary);
	tcase_add_test(tc, test_shipped_complete);
	tcase_add_test(tc, test_shipped_rows);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
