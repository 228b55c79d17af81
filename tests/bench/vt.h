/* vt.h - a small terminal emulator for the benchmarks.
 *
 * Enough of xterm to know what a full-screen program has put on the
 * screen: cursor addressing, erasing, scrolling regions, insert and
 * delete, repeat, the DEC line-drawing set, UTF-8 and wide characters,
 * and SGR attributes (kept as a signature per cell, so a recolouring
 * counts as a change).  It answers the queries programs wait on (cursor
 * position, device attributes).  It keeps no scrollback and treats the
 * alternate screen as a cleared screen. */
#ifndef TRADEOFF_VT_H
#define TRADEOFF_VT_H

#include <stddef.h>
#include <stdint.h>

#define VT_MAX_PARAMS 16

struct vt {
	int rows, cols;
	uint32_t *ch;		/* code points, rows * cols; 0 is blank */
	uint32_t *at;		/* attribute signature per cell */
	int y, x, wrap_pending;
	int top, bot;		/* scrolling region, inclusive */
	int sy, sx;		/* saved cursor */
	uint32_t attr, sattr;
	int charset[2], gl;	/* G0/G1: 0 ASCII, 1 DEC graphics */
	int insert, autowrap;
	int app_cursor;		/* DECCKM: arrows send ESC O x */
	uint32_t last;		/* last printed character (for REP) */
	/* Parser. */
	int state;
	int param[VT_MAX_PARAMS], nparam;
	char priv, inter;
	uint32_t cp;
	int need;		/* UTF-8 continuation bytes still due */
	/* Bytes to send back to the program (query answers). */
	char reply[256];
	size_t nreply;
};

/* Set up an empty ROWS x COLS screen; -1 when out of memory. */
int vt_init(struct vt *vt, int rows, int cols);
void vt_free(struct vt *vt);

/* A new size; what fits is kept. */
int vt_resize(struct vt *vt, int rows, int cols);

/* Interpret N bytes of program output. */
void vt_feed(struct vt *vt, const unsigned char *buf, size_t n);

/* A hash of what the screen shows (characters and attributes). */
uint64_t vt_hash(const struct vt *vt);

/* Row Y as UTF-8, trailing blanks dropped, into BUF. */
void vt_row(const struct vt *vt, int y, char *buf, size_t size);

/* Whether TEXT appears within one row of the screen. */
int vt_contains(const struct vt *vt, const char *text);

#endif
