/* ydoc.h - a YAML document read into a small tree with positions.
 *
 * Every file tradeoff reads (model, pricing, theme, answers) is YAML
 * written by people.  ydoc parses it with libyaml into a tree that keeps
 * the line and column of every node, refuses what a data file has no use
 * for (anchors, aliases, tags, several documents, duplicate keys), and
 * bounds size and depth.  The schema helpers below then let a loader
 * check each key with a positioned message. */
#ifndef TRADEOFF_YDOC_H
#define TRADEOFF_YDOC_H

#include <stddef.h>

#include "arena.h"
#include "err.h"

/* Largest file any loader accepts, deepest nesting, and most values
 * (scalars, lists and mappings): the largest model a test loads has
 * about 275,000, the shipped one about 2,000.  A hostile file is refused
 * in well under a second and 64 MiB (README.md, "Hardening"). */
#define YDOC_MAX_BYTES ((size_t)8 << 20)
#define YDOC_MAX_DEPTH 64
#define YDOC_MAX_NODES 400000
/* Longest single-line text (titles, ids are shorter still) and longest
 * multi-line text (help, notes, context). */
#define YDOC_MAX_LINE 1024
#define YDOC_MAX_TEXT 16384

enum ytype { Y_SCALAR = 1, Y_SEQ, Y_MAP };

struct ynode {
	enum ytype type;
	int line, col;		/* 1-based start of the node */
	unsigned char plain;	/* scalar written without quotes */
	size_t len;		/* scalar: bytes; list: items; mapping: pairs */
	const char *str;	/* scalar value, NUL-terminated */
	struct ynode **kids;	/* list: items; mapping: key0, value0, ... */
};

struct ydoc {
	const char *name;	/* file name used in messages */
	struct ynode *root;	/* NULL for an empty document */
};

/* Read the file at PATH into a malloc'd buffer (caller frees), refusing
 * directories, files over MAX bytes and unreadable files with a message
 * naming the file. */
int ydoc_read_file(const char *path, size_t max, char **buf, size_t *len,
    struct err *e);

/* Parse LEN bytes at BUF as one YAML document into DOC, allocating in
 * ARENA; NAME is the file name used in messages.  Returns 0, or -1 with
 * a positioned error. */
int ydoc_parse(struct ydoc *doc, struct arena *arena, const char *name,
    const char *buf, size_t len, struct err *e);

/* A file shipped with tradeoff as it was when tradeoff was built: NAME
 * is its path under the source tree ("data/model.yaml"), BYTES its LEN
 * bytes.  tools/data2c.c writes the table (ending with NAME NULL) into
 * data_builtin.c, with what the loaders made of each file: see struct
 * model_builtin in model.h. */
struct ydoc_builtin {
	const char *name;
	const char *bytes;
	size_t len;
};

extern const struct ydoc_builtin ydoc_builtins[];

const struct ydoc_builtin *ydoc_builtin_find(const char *buf, size_t len);

/* ydoc_read_file and ydoc_parse together. */
int ydoc_load(struct ydoc *doc, struct arena *arena, const char *path,
    struct err *e);

/* Set E to "file:line:col: message" at node N and return -1. */
int yerr(const struct ydoc *d, const struct ynode *n, struct err *e,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "a mapping", "a list", "a string" ... for messages. */
const char *ytype_name(const struct ynode *n);

/* Whether N is a null scalar (empty plain, "~" or "null"). */
int yis_null(const struct ynode *n);

/* Require N to be of TYPE; WHAT names it in the message. */
int yexpect(const struct ydoc *d, const struct ynode *n, enum ytype type,
    const char *what, struct err *e);

/* The value under KEY in mapping MAP, or NULL. */
const struct ynode *ymap_get(const struct ynode *map, const char *key);

/* Check the keys of mapping MAP (WHAT names it): each must be in ALLOWED
 * (a NULL-terminated list), and each key in REQUIRED (NULL-terminated,
 * may be NULL) must be present. */
int ymap_check(const struct ydoc *d, const struct ynode *map,
    const char *what, const char *const *allowed,
    const char *const *required, struct err *e);

/* A scalar of printable text, at most MAXLEN bytes, newlines allowed only
 * when MULTILINE; ALLOW_EMPTY permits "". */
int yscalar_text(const struct ydoc *d, const struct ynode *n,
    const char *what, size_t maxlen, int multiline, int allow_empty,
    const char **out, struct err *e);

/* An identifier: a lowercase letter, then lowercase letters, digits, '_'
 * or '-', at most 64 bytes. */
int yscalar_id(const struct ydoc *d, const struct ynode *n,
    const char *what, const char **out, struct err *e);

/* A plain integer in [MIN, MAX]. */
int yscalar_long(const struct ydoc *d, const struct ynode *n,
    const char *what, long min, long max, long *out, struct err *e);

/* A plain finite number in [MIN, MAX]. */
int yscalar_double(const struct ydoc *d, const struct ynode *n,
    const char *what, double min, double max, double *out, struct err *e);

/* A plain true/false (also yes/no, on/off). */
int yscalar_bool(const struct ydoc *d, const struct ynode *n,
    const char *what, int *out, struct err *e);

/* Whether S is a valid identifier (see yscalar_id). */
int yid_valid(const char *s);

#endif
