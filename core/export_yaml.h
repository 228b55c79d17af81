/* export_yaml.h - a session written back as an answers file.
 *
 * The format of DESIGN.md section 7 (what `eval` and `import` read), so
 * that exporting a session and importing the file gives the same
 * session, and exporting that again gives the same bytes. */
#ifndef TRADEOFF_EXPORT_YAML_H
#define TRADEOFF_EXPORT_YAML_H

#include <stdio.h>

#include "answers.h"
#include "err.h"
#include "yamlw.h"

/* Write A to OUT: session, context, participants, answers (always, in
 * model order), then the weights and workload figures that were set,
 * and the notes.  0, or -1 with a message. */
int export_yaml(FILE *out, const struct answers *a, struct err *e);

/* The same mapping written into a document W is writing (a decision
 * record's evidence holds the whole answers file). */
void export_yaml_map(struct yamlw *w, const struct answers *a);

#endif
