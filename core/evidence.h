/* evidence.h - what a decision record carries so that it stays
 * checkable (DESIGN.md section 12).
 *
 * An exported ADR's front matter (or, without front matter, an HTML
 * comment at its end) holds, under the one key `tradeoff`,
 * the whole answers document (as export --format yaml writes it), the
 * recommendation it recorded, the model's id and version, the price
 * list's version and date, the unit prices and monthly costs it used,
 * the break-even, the questions asked and the options ruled out, and a
 * digest of all of it, so that an edit of the evidence is noticed.
 * `import` reopens the record as a session; `recheck` evaluates the
 * recorded answers again (recheck.h).  The same reader takes an answers
 * file (with its optional `decision:`), so commands that read
 * decisions take either. */
#ifndef TRADEOFF_EVIDENCE_H
#define TRADEOFF_EVIDENCE_H

#include <stdio.h>

#include "answers.h"
#include "cost.h"
#include "err.h"
#include "model.h"
#include "pricing.h"
#include "report.h"
#include "yamlw.h"

/* The front matter's key. */
#define EVIDENCE_KEY "tradeoff"
/* A record without front matter (export --no-front-matter) carries the
 * same key and evidence in an HTML comment at its end, opening with
 * this on a line of its own; its status and date are items of the list
 * under its title, each "- **Status:** proposed" (EVIDENCE_ITEM). */
#define EVIDENCE_COMMENT "<!-- tradeoff evidence"
#define EVIDENCE_ITEM "- **%s:** "
/* The layout of the evidence this program writes and reads. */
#define EVIDENCE_VERSION 1
#define EVIDENCE_MAX_PRICES 8

/* One unit price the cost model used, by key ("functions_gb_second"),
 * with what it prices in words ("AWS Lambda per GB-second (x86_64)"). */
struct evidence_price {
	const char *key;
	char what[160];
	double value;
};

enum evidence_kind {
	EVIDENCE_ANSWERS,	/* an answers file */
	EVIDENCE_ADR		/* a decision record with evidence */
};

struct evidence {
	enum evidence_kind kind;
	struct answers *answers;	/* owned; the strings below live in
					 * its arena */
	const char *status;		/* front matter status, or NULL */
	const char *date;		/* front matter date, or NULL */
	/* The recommendation recorded (an option id or "undecided"), or
	 * NULL (an answers file without `decision:`). */
	const char *recommendation;
	const char *model_id, *model_version;	/* NULL when not recorded */
	const char *pricing_version, *pricing_title;
	const char *provider, *region, *currency, *price_date;
	int nprices;
	struct evidence_price prices[EVIDENCE_MAX_PRICES];
	int nmonthly;
	const char *monthly_option[MODEL_MAX_OPTIONS];
	double monthly[MODEL_MAX_OPTIONS];
	int has_break_even;		/* break_even recorded as a number */
	double break_even;
	int nasked;			/* the questions asked then; -1: not
					 * recorded */
	const char **asked;
	int nblocked;			/* options ruled out: "option" */
	const char **blocked;
};

/* The unit prices a workload is priced with: those of provider C's
 * plan, gateway, control plane and node type for the answers A (at
 * most EVIDENCE_MAX_PRICES, into OUT; the keys are static text).  How
 * many. */
int evidence_unit_prices(const struct cost_result *c,
    const struct answers *a, struct evidence_price *out);

/* Write the key `tradeoff` and its evidence for report R (whose
 * recommendation the record names, or "undecided": RECOMMENDATION)
 * into the front matter W is writing.  0, or -1 with a message. */
int evidence_write(struct yamlw *w, const struct report *r,
    const char *recommendation, struct err *e);

/* Write, to OUT, the HTML comment that holds the evidence of report R
 * (as evidence_write) in a record without front matter: the same YAML,
 * with no "--" in it (yamlw_quote_dashes), so no text can end the
 * comment early.  0, or -1 with a message. */
int evidence_write_comment(FILE *out, const struct report *r,
    const char *recommendation, struct err *e);

/* An item "- **LABEL:** VALUE" of the list under the title of a record
 * without front matter: its line (from LINE to END, after its line
 * break) and its VALUE (VLEN bytes, no line break). */
struct evidence_item {
	size_t line, end;
	const char *value;
	size_t vlen;
};

/* Find item LABEL ("Status") in the LEN bytes at BUF, before the first
 * "## " heading: 1 and *IT, or 0. */
int evidence_item(const char *buf, size_t len, const char *label,
    struct evidence_item *it);

/* Read PATH against model M: a decision record (a Markdown file opening
 * with front matter, or holding an evidence comment: the last one is
 * read) must carry the evidence, unchanged since it was written;
 * anything else is read as an answers file.  0, or -1 with a
 * positioned message (EV then holds nothing). */
int evidence_read(struct evidence *ev, const struct model *m,
    const char *path, struct err *e);

/* The same for LEN bytes at BUF, NAME naming them in messages. */
int evidence_read_buffer(struct evidence *ev, const struct model *m,
    const char *name, const char *buf, size_t len, struct err *e);

/* Whether the LEN bytes at BUF open with front matter ("---" alone on
 * the first line). */
int evidence_has_front_matter(const char *buf, size_t len);

/* Release what EV holds.  Safe on a zeroed EV. */
void evidence_free(struct evidence *ev);

#endif
