/* model.h - the decision model: options, dimensions, questions, tables.
 *
 * The model is data (data/model.yaml), loaded and validated once; the
 * evaluator and every view read it through these plain structs.  Every
 * reference in the file (question, answer, option, dimension) is resolved
 * to an index at load time, so nothing after loading looks up a name. */
#ifndef TRADEOFF_MODEL_H
#define TRADEOFF_MODEL_H

#include <stddef.h>

#include "arena.h"
#include "err.h"

#define MODEL_MIN_OPTIONS 2
#define MODEL_MAX_OPTIONS 5	/* DESIGN.md section 3: 2 to 5 options */
#define MODEL_MAX_DIMS 16
#define MODEL_MAX_ANSWERS 5	/* per question (DESIGN.md: 2-5) */
#define MODEL_MAX_WEIGHT 5
#define MODEL_MAX_EFFECT 5.0	/* |points| one answer gives one option */
#define MODEL_MAX_QUESTIONS 1024
#define MODEL_MAX_BLOCKS 16	/* per option and answer */

/* How the cost model prices an option (`cost:` in the model; doc/cost.md):
 * X(ID, "name").  MODEL_SHAPE_NONE: the option is not priced. */
#define MODEL_SHAPES(X) \
	X(FUNCTIONS, "functions") \
	X(CLUSTER, "cluster") \
	X(SPLIT, "split") \
	X(CONTAINERS, "containers")

enum model_shape {
	MODEL_SHAPE_NONE = -1,
#define MODEL_SHAPE_ENUM(id, name) MODEL_SHAPE_##id,
	MODEL_SHAPES(MODEL_SHAPE_ENUM)
#undef MODEL_SHAPE_ENUM
	MODEL_NSHAPES
};

/* The name of shape S ("functions"), or "none". */
const char *model_shape_name(int s);

struct model_option {
	const char *id, *title, *summary;
	int shape;			/* enum model_shape */
};

struct model_dim {
	const char *id, *title, *help;
	int weight;			/* default weight, 0..MODEL_MAX_WEIGHT */
};

/* "Shown only when question Q is answered with one of MASK." */
struct model_cond {
	int question;
	unsigned mask;			/* bit a: answer a of that question */
};

/* A hard constraint: OPTION is ruled out for REASON, when every one of
 * CONDS holds (an unanswered question counts as its `default` answer;
 * no conditions: always).  `blocks: {option: reason}` or `blocks:
 * {option: [{reason: ..., when: {question: [answer, ...]}}, ...]}`. */
struct model_block {
	int option;
	const char *reason;
	int nconds;
	struct model_cond *conds;
};

/* What the code needs to find in a model, named by `role:` there:
 * X(ID, "name").  The code never names a question or an answer id. */
#define MODEL_QUESTION_ROLES(X) \
	X(PROVIDER, "provider")		/* answers are price-list providers */
#define MODEL_ANSWER_ROLES(X) \
	X(WARM, "warm_capacity")	/* asks for capacity kept warm */

enum model_qrole {
#define MODEL_QROLE_ENUM(id, name) MODEL_QROLE_##id,
	MODEL_QUESTION_ROLES(MODEL_QROLE_ENUM)
#undef MODEL_QROLE_ENUM
	MODEL_NQROLES
};
enum model_arole {
#define MODEL_AROLE_ENUM(id, name) MODEL_AROLE_##id,
	MODEL_ANSWER_ROLES(MODEL_AROLE_ENUM)
#undef MODEL_AROLE_ENUM
	MODEL_NAROLES
};

struct model_answer {
	const char *id, *label, *help;
	int line, col;			/* of its id in the model's file */
	/* Points for option o in dimension d: effect[o * ndims + d]. */
	double *effect;
	/* Its blocks, in file order. */
	int nblocks;
	struct model_block *blocks;
	/* block[o]: the reason of its first block on option o, or NULL;
	 * block_mask bit o: some block may rule option o out (perhaps
	 * only under its conditions). */
	const char **block;
	unsigned block_mask;
};

struct model_question {
	const char *id, *prompt, *help;
	int panel;
	int nanswers;
	struct model_answer *answers;
	int nconds;
	struct model_cond *conds;	/* all must hold for it to be asked */
	/* span[d]: the largest |points| any answer gives any option in
	 * dimension d; the scale an answered question adds to d. */
	double *span;
	int controls;			/* another question's `when:` names it */
	/* `default:` the answer a block's `when` reads while this question
	 * is unanswered (the provider: AWS), or -1.  It scores nothing. */
	int def;
};

struct model_panel {
	const char *id, *title;
	int context;			/* `context: true`: its answers describe
					 * the workload (the ADR's context) */
	int first, count;		/* questions first .. first+count-1 */
};

struct model_row {
	const char *id, *label;
	const char **cells;		/* one per option */
	int nquestions;
	int *questions;			/* questions that bear on this row */
};

struct model_table {
	int dim;			/* the dimension it compares */
	const char *title;
	int nrows;
	int first_row;			/* index of rows[0] among all rows */
	struct model_row *rows;
};

struct model {
	struct arena *arena;
	const char *file;
	const char *id, *version, *title;
	int noptions, ndims, npanels, nquestions, ntables, nrows;
	struct model_option *options;
	struct model_dim *dims;
	struct model_panel *panels;
	struct model_question *questions;
	struct model_table *tables;
	/* The dimension the cost model's figures count in (`cost: true`
	 * on a dimension), or -1. */
	int cost_dim;
	/* role_question[r]: the question with `role:` r, or -1;
	 * role_answer[r]: {question, answer} of the answer with role r,
	 * or {-1, -1}. */
	int role_question[MODEL_NQROLES];
	int role_answer[MODEL_NAROLES][2];
	/* shape_option[s]: the first option priced with shape s, or -1. */
	int shape_option[MODEL_NSHAPES];
	/* guidance[o]: the "choose this when" list for option o. */
	int *nguidance;
	const char ***guidance;
	/* Question ids hashed for model_question_index: qhash_size slots
	 * (a power of two), each a question index or -1. */
	int *qhash;
	size_t qhash_size;
};

/* A shipped model compiled when tradeoff was built (tools/data2c.c
 * writes the table into data_builtin.c): MODEL is what model_load_buffer
 * makes of the file NAME (as named in ydoc_builtins), already laid out
 * as the evaluator reads it.  Given those bytes, model_load_buffer
 * copies it instead of walking and checking the file's tree again.  The
 * table ends with NAME NULL. */
struct model_builtin {
	const char *name;
	const struct model *model;
};

extern const struct model_builtin model_builtins[];

/* Load and validate the model at PATH.  NULL with a positioned error in
 * E on failure. */
struct model *model_load(const char *path, struct err *e);

/* Likewise from LEN bytes at BUF; NAME is used in messages. */
struct model *model_load_buffer(const char *name, const char *buf,
    size_t len, struct err *e);

/* Release M.  Accepts NULL. */
void model_free(struct model *m);

/* Index of the option, dimension, question or panel with that id, or -1. */
int model_option_index(const struct model *m, const char *id);
int model_dim_index(const struct model *m, const char *id);
int model_question_index(const struct model *m, const char *id);
int model_panel_index(const struct model *m, const char *id);

/* Index of answer ID in question Q, or -1. */
int model_answer_index(const struct model *m, int q, const char *id);

/* Points answer A of question Q gives option O in dimension D. */
static inline double
model_effect(const struct model *m, int q, int a, int o, int d)
{
	return m->questions[q].answers[a].effect[o * m->ndims + d];
}

/* Fill VISIBLE[q] with whether question q is asked under ANSWERS
 * (ANSWERS[q] is an answer index or -1).  Returns how many are. */
int model_visible(const struct model *m, const int *answers, char *visible);

/* The answer question Q counts as under ANSWERS and VISIBLE in a
 * block's `when`: its answer when asked and answered, else its
 * default (or -1). */
int model_effective_answer(const struct model *m, int q, const int *answers,
    const char *visible);

/* Whether block B holds under ANSWERS and VISIBLE. */
int model_block_holds(const struct model *m, const struct model_block *b,
    const int *answers, const char *visible);

/* The answer with role R that ANSWERS give: 1 when the role's question
 * is asked and answered with that answer, else 0. */
int model_answer_role(const struct model *m, int r, const int *answers,
    const char *visible);

/* The table for dimension D, or NULL. */
const struct model_table *model_table_for(const struct model *m, int d);

#endif
