/* yamlw.h - writing YAML through libyaml's emitter.
 *
 * A thin layer so writers say what they mean (a mapping, a key, a piece
 * of user text) and libyaml does the quoting, escaping and layout.  The
 * first failure sticks; yamlw_close reports it. */
#ifndef TRADEOFF_YAMLW_H
#define TRADEOFF_YAMLW_H

#include <stdio.h>
#include <yaml.h>

#include "err.h"

struct yamlw {
	yaml_emitter_t em;
	int failed;
	int open;
	int escaping;	/* unicode off until a text's event is written */
	int dashes_quoted;	/* yamlw_quote_dashes */
};

/* Start a one-document stream on OUT. */
int yamlw_open(struct yamlw *w, FILE *out, struct err *e);

/* Likewise, the document opening with "---" when EXPLICIT_START (front
 * matter: the caller writes the closing "---" after yamlw_close). */
int yamlw_open_doc(struct yamlw *w, FILE *out, int explicit_start,
    struct err *e);

/* End the stream, flush, and release the emitter; -1 with a message if
 * anything failed on the way. */
int yamlw_close(struct yamlw *w, struct err *e);

/* From now on, write every scalar holding "--" (keys too) double-quoted,
 * so that yamlw_undash can escape its dashes: nothing else libyaml
 * writes holds two dashes in a row.  For YAML inside an HTML comment,
 * which "--" would end ("-->") or make invalid. */
void yamlw_quote_dashes(struct yamlw *w);

/* Write the LEN bytes at BUF, YAML written with yamlw_quote_dashes, to
 * OUT with every '-' of a run of two or more as the escape "\x2D": the
 * same document when read, and no "--" in it. */
void yamlw_undash(FILE *out, const char *buf, size_t len);

void yamlw_map(struct yamlw *w, int flow);
void yamlw_map_end(struct yamlw *w);
void yamlw_seq(struct yamlw *w, int flow);
void yamlw_seq_end(struct yamlw *w);

/* A key or identifier: plain when it can be. */
void yamlw_key(struct yamlw *w, const char *s);

/* User text: quoted whenever reading it back plain would give anything
 * but the same string (a number, a boolean, null, leading spaces...);
 * multi-line text as a literal block.  Text holding characters that
 * disguise it (utf8_disguising) is double-quoted with them escaped
 * ("\u202E"): the same text when read back, but visible. */
void yamlw_text(struct yamlw *w, const char *s);

/* A number with DECIMALS digits after the point (trailing zeros kept
 * off), an integer, a boolean, null. */
void yamlw_num(struct yamlw *w, double v, int decimals);
void yamlw_int(struct yamlw *w, long long v);
/* A number with exactly DECIMALS digits after the point ("0.40"), for
 * money. */
void yamlw_fixed(struct yamlw *w, double v, int decimals);
void yamlw_bool(struct yamlw *w, int v);
void yamlw_null(struct yamlw *w);

/* Format V with DECIMALS digits, dropping trailing zeros ("2.5", "3"). */
const char *yamlw_fmt_num(char *buf, size_t size, double v, int decimals);

#endif
