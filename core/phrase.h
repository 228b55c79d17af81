/* phrase.h - the decision put into words, each idea once.
 *
 * How the recommendation, what would flip it, a ruled-out option and the
 * break-even are said is written here and nowhere else: the explorer's
 * views, the text report and the Markdown exporters all call these (the
 * Markdown writers escape the phrase as a whole).  Times are formatted
 * here too; amounts and counts by pricing_group and pricing_money.
 * Every function writes into BUF (SIZE bytes) and returns it. */
#ifndef TRADEOFF_PHRASE_H
#define TRADEOFF_PHRASE_H

#include <stddef.h>

#include "cost.h"
#include "eval.h"
#include "model.h"

/* "Serverless" or "undecided (nothing answered yet)", "undecided (a
 * tie, or every option is blocked)". */
const char *phrase_recommendation(const struct model *m,
    const struct eval_result *r, char *buf, size_t size);

/* What would flip it, as a sentence: 'Answering "PROMPT" with "LABEL"
 * (now "LABEL") would recommend OPTION.', 'Setting the weight of
 * DIMENSION to 4 (now 3) would recommend OPTION.', or that no single
 * change would.  ANSWERS and WEIGHTS are the ones evaluated. */
const char *phrase_flip(const struct model *m, const struct eval_result *r,
    const int *answers, const int *weights, char *buf, size_t size);

/* The same for one line: 'LABEL -> OPTION ("PROMPT")', 'DIMENSION weight
 * 4 -> OPTION', "no single change"; ARROW is "→" or "->". */
const char *phrase_flip_short(const struct model *m,
    const struct eval_result *r, const char *arrow, char *buf, size_t size);

/* Why block B rules its option out, in the model's words: 'REASON
 * ("PROMPT": LABEL)', adding '; "PROMPT" is not answered, so LABEL is
 * assumed' when the block holds through an unanswered question's
 * default (the provider: AWS). */
const char *phrase_block(const struct model *m, const struct eval_block *b,
    char *buf, size_t size);

/* The break-even of C after "Break-even: ", without a final stop:
 * "above 41,000,000 requests a month, functions cost more than the
 * cluster", or why there is none. */
const char *phrase_break_even(const struct cost_result *c, char *buf,
    size_t size);

/* A history field ("answer:traffic", "weight:cost", "vote:ben:devops",
 * "context" ...) with VALUE (as stored; NULL: unset) in the model's
 * words: '"How does traffic arrive?" is "Spiky"', 'the weight of Cost
 * is 5', 'ben's vote on "..." is taken back'. */
const char *phrase_change(const struct model *m, const char *field,
    const char *value, char *buf, size_t size);

/* What a history field is, in the model's words: 'the answer to "How
 * does traffic arrive?"', 'the weight of Cost', 'ben's vote on "..."'. */
const char *phrase_field(const struct model *m, const char *field,
    char *buf, size_t size);

/* The VALUE (as stored) of a history FIELD in the model's words: an
 * answer's label ("Spiky"), "unanswered", a weight or figure as it is,
 * "the default" when unset. */
const char *phrase_value(const struct model *m, const char *field,
    const char *value, char *buf, size_t size);

enum phrase_time {
	PHRASE_TIME_ISO,	/* 2026-01-31T09:05:00Z */
	PHRASE_TIME_MINUTE,	/* 2026-01-31 09:05 (UTC) */
	PHRASE_TIME_DAY		/* 2026-01-31 */
};

/* T (seconds since 1970) in UTC in the form F; the number itself when
 * it is out of range. */
const char *phrase_time(long long t, enum phrase_time f, char *buf,
    size_t size);

#endif
