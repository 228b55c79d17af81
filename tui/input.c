/* input.c - keys whole, whatever the link does; see input.h. */
#include "config.h"

#include "input.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SEQ_MAX 32

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ESC [ N ~ : the keys of the VT220 family (xterm, rxvt, the Linux
 * console, tmux, screen, PuTTY). */
static int
tilde_key(int n)
{
	static const struct {
		int n, key;
	} keys[] = {
		{ 1, KEY_HOME }, { 2, KEY_IC }, { 3, KEY_DC }, { 4, KEY_END },
		{ 5, KEY_PPAGE }, { 6, KEY_NPAGE }, { 7, KEY_HOME },
		{ 8, KEY_END }, { 11, KEY_F(1) }, { 12, KEY_F(2) },
		{ 13, KEY_F(3) }, { 14, KEY_F(4) }, { 15, KEY_F(5) },
		{ 17, KEY_F(6) }, { 18, KEY_F(7) }, { 19, KEY_F(8) },
		{ 20, KEY_F(9) }, { 21, KEY_F(10) }, { 23, KEY_F(11) },
		{ 24, KEY_F(12) },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].n == n)
			return keys[i].key;
	return 0;
}

/* A final letter: arrows, Home and End, F1-F4 (SS3 or xterm's CSI with
 * modifiers, "1;5A"). */
static int
letter_key(char c)
{
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case 'P': return KEY_F(1);
	case 'Q': return KEY_F(2);
	case 'R': return KEY_F(3);
	case 'S': return KEY_F(4);
	case 'Z': return KEY_BTAB;
	}
	return 0;
}

int
input_key_of(const char *seq, size_t len)
{
	char buf[SEQ_MAX + 1];
	char final;

	if (len < 2 || len > SEQ_MAX)
		return 0;
	memcpy(buf, seq, len);
	buf[len] = '\0';
	final = buf[len - 1];
	if (buf[0] == 'O')
		return len == 2 ? letter_key(final) : 0;
	if (buf[0] != '[')
		return 0;
	/* The Linux console's F1-F5: ESC [ [ A ... E. */
	if (len == 3 && buf[1] == '[' && final >= 'A' && final <= 'E')
		return KEY_F(final - 'A' + 1);
	if (final == '~')
		return tilde_key(atoi(buf + 1));
	if (final == 'Z')
		return KEY_BTAB;
	return letter_key(final);
}

/* Read the rest of a sequence that began with Esc and FIRST ('[' or
 * 'O') to its final byte, bytes at most INPUT_SEQ_MS apart; the key it
 * stands for, or 0. */
static int
read_sequence(WINDOW *w, wint_t first)
{
	char seq[SEQ_MAX + 1];
	size_t len = 0;
	wint_t c;
	int rc;

	seq[len++] = (char)first;
	wtimeout(w, INPUT_SEQ_MS);
	for (;;) {
		rc = wget_wch(w, &c);
		if (rc == ERR || rc == KEY_CODE_YES || c > 0x7e)
			return 0;	/* broken off: drop what came */
		if (len < SEQ_MAX)
			seq[len++] = (char)c;
		/* SS3 is one byte more; CSI ends at 0x40-0x7e (but the
		 * Linux console's "[[" carries one more). */
		if (first == 'O')
			break;
		if (c >= 0x40 && c <= 0x7e && !(len == 2 && c == '['))
			break;
	}
	return input_key_of(seq, len);
}

/* A key within TIMEOUT_MS, sequences read whole. */
static int
read_key(struct input *in, WINDOW *w, int timeout_ms, wint_t *ch)
{
	int rc, key;

	wtimeout(w, timeout_ms);
	rc = wget_wch(w, ch);
	if (rc == ERR || rc == KEY_CODE_YES)
		return rc;
	if (*ch == 27) {
		/* Esc acts at once; what follows soon may be the rest of a
		 * sequence. */
		in->esc_ms = now_ms();
		return rc;
	}
	if ((*ch == '[' || *ch == 'O') && in->esc_ms != 0 &&
	    now_ms() - in->esc_ms <= INPUT_SEQ_MS) {
		in->esc_ms = 0;
		if ((key = read_sequence(w, *ch)) == 0)
			return ERR;	/* swallowed whole: as if nothing came */
		*ch = (wint_t)key;
		return KEY_CODE_YES;
	}
	in->esc_ms = 0;
	return rc;
}

int
input_get(struct input *in, WINDOW *w, int timeout_ms, int wake_fd,
    wint_t *ch)
{
	struct pollfd p[2];
	int rc;

	in->woke = 0;
	if (wake_fd < 0)
		return read_key(in, w, timeout_ms, ch);
	/* What curses holds already, or what is there now; else sleep
	 * until a key or a wake-up comes. */
	if ((rc = read_key(in, w, 0, ch)) != ERR)
		return rc;
	p[0].fd = STDIN_FILENO;
	p[0].events = POLLIN;
	p[1].fd = wake_fd;
	p[1].events = POLLIN;
	if (poll(p, 2, timeout_ms) <= 0)
		return ERR;		/* the time, or a signal */
	if (p[1].revents & POLLIN)
		in->woke = 1;
	if (p[0].revents & (POLLIN | POLLHUP | POLLERR))
		return read_key(in, w, 0, ch);
	return ERR;
}
