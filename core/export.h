/* export.h - a saved session written out: the workshop summary
 * (Markdown), an architecture decision record (MADR 4), or the answers
 * file that import reads back (YAML).
 *
 * The command line (`tradeoff export`) and the explorer's export key
 * both come through here, so a session exports the same bytes from
 * either.  Nothing here draws or reads the clock: the caller passes the
 * time the report is made at (for flagging a stale price list). */
#ifndef TRADEOFF_EXPORT_H
#define TRADEOFF_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "cost.h"
#include "err.h"
#include "eval.h"
#include "model.h"
#include "outfile.h"
#include "pricing.h"
#include "report.h"
#include "session.h"
#include "store.h"

enum export_format {
	EXPORT_MARKDOWN,		/* the summary (export_md.h) */
	EXPORT_ADR,			/* the decision record (export_adr.h) */
	EXPORT_YAML,			/* the answers file (export_yaml.h) */
	EXPORT_NFORMATS
};

/* What export_session_to returns when PATH exists (a file or a symbolic
 * link) and FORCE was 0: ask, then call again with FORCE. */
#define EXPORT_EXISTS OUTFILE_EXISTS

/* The format named S ("markdown" or "md", "adr", "yaml"): 0, or -1
 * when there is none by that name. */
int export_format_parse(const char *s, enum export_format *f);

/* The name of format F ("markdown", "adr", "yaml"). */
const char *export_format_name(enum export_format f);

/* Session NAME made safe as a file name in BUF: ASCII letters, digits,
 * '-', '_' and '.' kept, anything else (a byte of a UTF-8 character
 * included) becomes '-', runs of '-' collapse to one, and no '.' or '-'
 * leads or trails; never empty ("session" when nothing is left), at
 * most 100 bytes.  "Checkout | EU / café" gives "Checkout-EU-caf".
 * Returns BUF (SIZE at least 2; shortened to fit a smaller one). */
const char *export_file_name(const char *name, char *buf, size_t size);

/* The default path for exporting session NAME in format F, in the
 * current directory: "./NAME.md" (markdown), "./NAME-adr.md" (adr),
 * "./NAME.yaml" (yaml), NAME made safe by export_file_name.  Returns
 * BUF. */
const char *export_default_path(const char *name, enum export_format f,
    char *buf, size_t size);

/* An open session gathered for export: its history, and the report the
 * writers read (pointing into the session, which must outlive it). */
struct export_doc {
	const struct session *s;
	struct report_session session;
	struct report_change *changes;
	struct arena *arena;		/* the history's strings */
	struct report report;
};

/* Gather the open session S (its answers, evaluation and cost as S holds
 * them) and its history into D.  0, or -1 with a message (D then holds
 * nothing to free). */
int export_doc_load(struct export_doc *d, const struct session *s,
    struct err *e);

/* Release what D holds.  Safe on a zeroed or failed D. */
void export_doc_free(struct export_doc *d);

/* Write report R in format F to OUT (yaml writes R->answers as an
 * answers file).  0, or -1 with a message. */
int export_write(FILE *out, enum export_format f, const struct report *r,
    struct err *e);

/* What export_files does besides writing the document. */
#define EXPORT_FORCE 1		/* replace an existing file or link */
#define EXPORT_CHART 2		/* a summary's SVG chart beside it */

/* The path of the chart beside the summary PATH: its last extension
 * replaced by "-cost.svg" ("out/checkout.md" gives
 * "out/checkout-cost.svg", "notes" "notes-cost.svg"), in BUF; NULL when
 * it does not fit. */
const char *export_chart_path(const char *path, char *buf, size_t size);

/* Write report R in format F to PATH ("-" or NULL: standard output),
 * all or nothing, through a temporary file beside it (outfile.h).  With
 * EXPORT_CHART, a summary written to a file gets its cost chart beside
 * it (export_chart_path; chart.h) and refers to it as an image; the
 * same refusals apply to both files, checked before either is written.
 * Returns 0; EXPORT_EXISTS when either exists or is a symbolic link and
 * EXPORT_FORCE is not given (nothing written, the message naming it);
 * -1 with a message otherwise. */
int export_files(struct report *r, enum export_format f, const char *path,
    unsigned flags, struct err *e);

/* Export the open session S in format F to PATH in one call, for the
 * explorer: gather it as export_doc_load does and write it with
 * export_files, the chart included.  (Refresh S first for what the
 * database holds now.)  Returns as export_files does. */
int export_session_to(const struct session *s, enum export_format f,
    const char *path, int force, struct err *e);

#endif
