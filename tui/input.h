/* input.h - keys as the user pressed them, whatever the link and the
 * terminal description do to them.
 *
 * ncurses turns the escape sequences its terminal description knows
 * into keys; one it does not know (Home sent as ESC [ 1 ~ where the
 * description says ESC O H, as tmux, screen and PuTTY do), or one split
 * across reads on a slow link, arrives as Esc followed by characters,
 * and a '1' among them would answer a question.  Here Esc still acts at
 * once, but a '[' or 'O' arriving within INPUT_SEQ_MS of it starts a
 * sequence that is read to its final byte and then either mapped to the
 * key it is well known as (Home, End, Delete, PgUp, F1 ...) or dropped:
 * it never reaches a view as characters. */
#ifndef TRADEOFF_INPUT_H
#define TRADEOFF_INPUT_H

#include <curses.h>
#include <wchar.h>

#define INPUT_SEQ_MS 250	/* a '[' or 'O' this soon after Esc */

struct input {
	long long esc_ms;	/* when the last Esc came, or 0 */
	int woke;		/* input_get returned for WAKE_FD */
};

/* The next key from W, as wget_wch gives it (OK, KEY_CODE_YES or ERR
 * after TIMEOUT_MS with nothing); escape sequences are read whole.
 * With WAKE_FD (not -1) it also returns ERR as soon as that descriptor
 * is readable, with IN->woke set. */
int input_get(struct input *in, WINDOW *w, int timeout_ms, int wake_fd,
    wint_t *ch);

/* The key a sequence stands for: CSI ("[1~", "[[A") or SS3 ("OH")
 * without its Esc, LEN bytes; 0 when it is none we know. */
int input_key_of(const char *seq, size_t len);

#endif
