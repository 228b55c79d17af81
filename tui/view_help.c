/* view_help.c - every key, generated from the key table. */
#include "config.h"

#include "views.h"
#include "text.h"

#include <stdio.h>
#include <string.h>

/* The keys of binding B, e.g. "Up/k", in BUF. */
static const char *
key_list(struct ui *ui, const struct binding *b, char *buf, size_t size)
{
	char name[32];
	size_t o = 0;
	int k;

	buf[0] = '\0';
	if (b->action == ACT_DIGIT) {
		snprintf(buf, size, "%c-%c", b->keys[0], b->keys[1]);
		return buf;
	}
	for (k = 0; k < BIND_KEYS && b->keys[k] != 0; k++) {
		keys_name(b->keys[k], ui->utf8, name, sizeof name);
		/* Alternatives that name the same key once suffice. */
		if (k > 0 && strstr(buf, name) != NULL)
			continue;
		o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? " " : "",
		    name);
		if (o >= size)
			break;
	}
	return buf;
}

/* Rows listed in the general sections, not under each view. */
static int
generic(unsigned views)
{
	return views == V_ALL || views == (V_ALL & ~V(HELP)) ||
	    views == (V_ALL & ~V(QUESTION));
}

/* The keys' column: as wide as the widest list of keys, by the columns
 * they take on screen (an arrow is three bytes and one column). */
static int
keys_cols(struct ui *ui)
{
	char keys[64];
	size_t i;
	int w, max = 0;

	for (i = 0; i < key_nbindings; i++)
		if ((w = text_width(key_list(ui, &key_bindings[i], keys,
		    sizeof keys), ui->utf8)) > max)
			max = w;
	return max;
}

static void
section(struct pager *p, struct ui *ui, unsigned mask, int exact,
    const char *title, int keyw)
{
	char keys[64], label[128];
	size_t i;
	int pad;

	pager_text(p, 1, ROLE_HEADING, NULL, ROLE_HEADING, title);
	for (i = 0; i < key_nbindings; i++) {
		const struct binding *b = &key_bindings[i];

		if (exact ? b->views != mask : !(b->views & mask) ||
		    generic(b->views))
			continue;
		key_list(ui, b, keys, sizeof keys);
		/* Padded to the column, plus one; pager_text adds a
		 * space more before the text. */
		pad = keyw - text_width(keys, ui->utf8) + 1;
		snprintf(label, sizeof label, "%s%*s", keys, pad > 0 ? pad : 0,
		    "");
		pager_text(p, 3, ROLE_KEY, label, ROLE_NORMAL, b->help);
	}
	pager_blank(p);
}

static void
draw(struct ui *ui, void *priv, WINDOW *w, int rows, int cols)
{
	struct pager p;
	int v, keyw = keys_cols(ui);

	pager_start(&p, ui, priv, w, rows, cols);
	pager_text(&p, 1, ROLE_HEADING, NULL, ROLE_NORMAL, "Every change is "
	    "saved the moment it is made; quitting, a dropped connection or "
	    "a kill loses nothing. Esc goes back without discarding "
	    "anything.");
	pager_blank(&p);
	/* Keys of each view, then the ones that work almost everywhere. */
	for (v = 0; v < VIEW_COUNT; v++) {
		char title[64];

		if (v == VIEW_HELP)
			continue;
		snprintf(title, sizeof title, "In the %s", keys_view_title(
		    (enum view_id)v));
		section(&p, ui, 1u << v, 0, title, keyw);
	}
	section(&p, ui, V_ALL & ~V(HELP), 1, "Everywhere", keyw);
	section(&p, ui, V_ALL & ~V(QUESTION), 1, "Outside the questionnaire",
	    keyw);
	section(&p, ui, V_ALL, 1, "Always", keyw);
	pager_text(&p, 1, ROLE_HEADING, NULL, ROLE_HEADING, "Notes and names");
	pager_text(&p, 3, ROLE_NORMAL, NULL, ROLE_NORMAL, "Enter saves; Esc "
	    "keeps a note as typed and cancels a rename; Left, Right, Home, "
	    "End, Ctrl-A, Ctrl-E, Ctrl-U and Ctrl-K edit.");
	pager_end(&p);
}

static int
key(struct ui *ui, void *priv, enum action act, int digit)
{
	(void)digit;
	return scroll_key(priv, act, ui->body_rows > 3 ? ui->body_rows - 2 :
	    1);
}

const struct view_ops view_help = {
	.id = VIEW_HELP,
	.private_size = sizeof(struct scroll),
	.draw = draw,
	.key = key,
};
