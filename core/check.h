/* check.h - "what kind of file is this, and is it valid?"
 *
 * `tradeoff check` takes any of the files tradeoff reads and validates
 * each with the loader for its kind, told apart by its top-level keys. */
#ifndef TRADEOFF_CHECK_H
#define TRADEOFF_CHECK_H

#include <stddef.h>

#include "err.h"
#include "model.h"
#include "pricing.h"

enum check_kind {
	CHECK_UNKNOWN, CHECK_MODEL, CHECK_ANSWERS, CHECK_THEME, CHECK_PRICING
};

/* Validate the file at PATH; answers files are checked against MODEL,
 * and a theme's `inherits` is looked up with DATADIR (may be NULL).
 * On success, a one-line description of what it holds goes in SUMMARY
 * and its kind in *KIND; on failure, a positioned message in E. */
int check_file(const char *path, const struct model *model,
    const char *datadir, enum check_kind *kind, char *summary, size_t size,
    struct err *e);

/* check_file, and the workload of answers files is also checked against
 * the price list PRICING (its node type and architecture must be
 * priced); PRICING may be NULL to skip that. */
int check_file_priced(const char *path, const struct model *model,
    const struct pricing *pricing, const char *datadir,
    enum check_kind *kind, char *summary, size_t size, struct err *e);

#endif
