/* keys.c - the key table; see keys.h. */
#include "config.h"

#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

/* Order matters twice: lookup takes the first row that matches, and the
 * help overlay lists rows in this order. */
const struct binding key_bindings[] = {
	/* Moving around the questionnaire. */
	{ V(QUESTION), ACT_UP, { KEY_UP, 'k' }, "previous answer", NULL },
	{ V(QUESTION), ACT_DOWN, { KEY_DOWN, 'j' }, "next answer", NULL },
	{ V(QUESTION), ACT_SELECT, { '\n', KEY_ENTER, ' ', '\r' },
	  "choose the answer under the cursor", "choose" },
	{ V(QUESTION), ACT_DIGIT, { '1', '5' }, "choose the answer with that "
	  "number", NULL },
	{ V(QUESTION), ACT_CLEAR, { 'x', KEY_DC, KEY_BACKSPACE, 127 },
	  "clear the answer (the question counts as open)", NULL },
	{ V(QUESTION), ACT_RIGHT, { KEY_RIGHT, 'l' }, "next question",
	  "next" },
	{ V(QUESTION), ACT_LEFT, { KEY_LEFT, 'h' }, "previous question",
	  NULL },
	{ V(QUESTION), ACT_NEXT_PANEL, { '\t' }, "next panel", NULL },
	{ V(QUESTION), ACT_PREV_PANEL, { KEY_BTAB }, "previous panel",
	  NULL },
	{ V(QUESTION), ACT_FIRST, { KEY_HOME, 'g' }, "first question",
	  NULL },
	{ V(QUESTION), ACT_LAST, { KEY_END, 'G' }, "last question", NULL },
	{ V(QUESTION), ACT_PAGE_DOWN, { KEY_NPAGE }, "scroll the help text "
	  "down", NULL },
	{ V(QUESTION), ACT_PAGE_UP, { KEY_PPAGE }, "scroll the help text up",
	  NULL },
	{ V(QUESTION), ACT_NOTE, { 'n' }, "write a note for this question",
	  "note" },
	{ V(QUESTION), ACT_ADVANCE, { 'a' }, "answering an open question moves "
	  "on to the next: on or off (--no-advance starts it off)", NULL },
	{ V(QUESTION), ACT_VOTE, { 'v' }, "vote: your own answer to this "
	  "question (then its number; v again: for someone else)", NULL },
	{ V(QUESTION) | V(DISAGREE), ACT_REVEAL, { 'V' }, "reveal everyone's "
	  "votes on this question", NULL },
	/* Comparison tables. */
	{ V(TABLE), ACT_RIGHT, { KEY_RIGHT, 'l', '\t' }, "next table",
	  "next table" },
	{ V(TABLE), ACT_LEFT, { KEY_LEFT, 'h', KEY_BTAB }, "previous table",
	  NULL },
	{ V(TABLE), ACT_DIGIT, { '1', '9' }, "show the table with that number",
	  NULL },
	{ V(TABLE) | V(WHY) | V(HELP), ACT_DOWN, { KEY_DOWN, 'j' },
	  "scroll down", NULL },
	{ V(TABLE) | V(WHY) | V(HELP), ACT_UP, { KEY_UP, 'k' }, "scroll up",
	  NULL },
	{ V(TABLE) | V(WHY) | V(HELP), ACT_PAGE_DOWN, { KEY_NPAGE, ' ' },
	  "page down", NULL },
	{ V(TABLE) | V(WHY) | V(HELP), ACT_PAGE_UP, { KEY_PPAGE }, "page up",
	  NULL },
	/* Weights. */
	{ V(WEIGHTS), ACT_UP, { KEY_UP, 'k' }, "previous dimension", NULL },
	{ V(WEIGHTS), ACT_DOWN, { KEY_DOWN, 'j' }, "next dimension", NULL },
	{ V(WEIGHTS), ACT_LEFT, { KEY_LEFT, 'h', '-' }, "lower the weight",
	  NULL },
	{ V(WEIGHTS), ACT_RIGHT, { KEY_RIGHT, 'l', '+', '=' },
	  "raise the weight", NULL },
	{ V(WEIGHTS), ACT_DIGIT, { '0', '5' }, "set the weight to that number",
	  NULL },
	/* Sessions. */
	{ V(SESSIONS), ACT_UP, { KEY_UP, 'k' }, "previous session", NULL },
	{ V(SESSIONS), ACT_DOWN, { KEY_DOWN, 'j' }, "next session", NULL },
	{ V(SESSIONS), ACT_PAGE_UP, { KEY_PPAGE }, "page up", NULL },
	{ V(SESSIONS), ACT_PAGE_DOWN, { KEY_NPAGE }, "page down", NULL },
	{ V(SESSIONS), ACT_SELECT, { '\n', KEY_ENTER, '\r' },
	  "open the session", "open" },
	{ V(SESSIONS), ACT_NEW, { 'N', '+' }, "new session", "new" },
	{ V(SESSIONS), ACT_RENAME, { 'R' }, "rename the session", "rename" },
	{ V(SESSIONS), ACT_COPY, { 'C' }, "copy the session", "copy" },
	{ V(SESSIONS), ACT_DELETE, { 'D', KEY_DC }, "delete the session",
	  "delete" },
	/* The session's name, context and participants. */
	{ V(INFO), ACT_UP, { KEY_UP, 'k' }, "previous line", NULL },
	{ V(INFO), ACT_DOWN, { KEY_DOWN, 'j' }, "next line", NULL },
	{ V(INFO), ACT_EDIT, { '\n', KEY_ENTER, '\r' }, "edit the line (or "
	  "add one)", "edit" },
	{ V(INFO), ACT_CLEAR, { 'x', KEY_DC }, "remove the line", "remove" },
	/* Votes and disagreement. */
	{ V(DISAGREE), ACT_UP, { KEY_UP, 'k' }, "previous participant", NULL },
	{ V(DISAGREE), ACT_DOWN, { KEY_DOWN, 'j' }, "next participant", NULL },
	{ V(DISAGREE), ACT_EDIT, { '\n', KEY_ENTER, '\r' }, "say which listed "
	  "participant this identity is", "who" },
	{ V(DISAGREE), ACT_PAGE_DOWN, { KEY_NPAGE, ' ' }, "page down", NULL },
	{ V(DISAGREE), ACT_PAGE_UP, { KEY_PPAGE }, "page up", NULL },
	/* History and milestones. */
	{ V(HISTORY), ACT_UP, { KEY_UP, 'k' }, "previous entry", NULL },
	{ V(HISTORY), ACT_DOWN, { KEY_DOWN, 'j' }, "next entry", NULL },
	{ V(HISTORY), ACT_PAGE_UP, { KEY_PPAGE }, "page up", NULL },
	{ V(HISTORY), ACT_PAGE_DOWN, { KEY_NPAGE, ' ' }, "page down", NULL },
	{ V(HISTORY), ACT_FIRST, { KEY_HOME, 'g' }, "oldest entry", NULL },
	{ V(HISTORY), ACT_LAST, { KEY_END, 'G' }, "newest entry", NULL },
	{ V(HISTORY), ACT_SELECT, { '\n', KEY_ENTER, '\r' }, "on a "
	  "milestone: what changed since, and what it did (Enter again: "
	  "back)", "diff" },
	/* Cost. */
	{ V(COST), ACT_UP, { KEY_UP, 'k' }, "previous figure", NULL },
	{ V(COST), ACT_DOWN, { KEY_DOWN, 'j' }, "next figure", NULL },
	{ V(COST), ACT_LEFT, { KEY_LEFT, 'h', '-' }, "step the figure down",
	  NULL },
	{ V(COST), ACT_RIGHT, { KEY_RIGHT, 'l', '+', '=' },
	  "step the figure up", "step" },
	{ V(COST), ACT_EDIT, { '\n', KEY_ENTER, '\r' }, "type a value",
	  "type" },
	{ V(COST), ACT_CLEAR, { 'x', KEY_DC }, "back to the default",
	  "default" },
	/* Everywhere. */
	{ V_ALL & ~V(HELP), ACT_TABLES, { 't' }, "comparison tables",
	  "tables" },
	{ V_ALL & ~V(HELP), ACT_WHY, { 'r' },
	  "rationale and what would flip it", "why" },
	{ V_ALL & ~V(HELP), ACT_WEIGHTS, { 'w' }, "dimension weights",
	  "weights" },
	{ V_ALL & ~V(HELP), ACT_COST, { 'c' }, "cost model", "cost" },
	{ V_ALL & ~V(HELP), ACT_SESSIONS, { 's' }, "sessions", "sessions" },
	{ V_ALL & ~V(HELP), ACT_EXPORT, { 'e' },
	  "export the session (Markdown summary, decision record, YAML)",
	  "export" },
	{ V_ALL & ~V(HELP), ACT_INFO, { 'i' }, "the session: its name, "
	  "context and participants", "session" },
	{ V_ALL & ~V(HELP), ACT_DISAGREE, { 'd' }, "votes and the "
	  "disagreements that matter", "votes" },
	{ V_ALL & ~V(HELP), ACT_HISTORY, { 'H' }, "history: every change "
	  "with who and when, and the milestones", "history" },
	{ V_ALL & ~V(HELP), ACT_MILESTONE, { 'm' }, "save a milestone: a "
	  "named snapshot of the session (NAME@LABEL)", NULL },
	{ V_ALL & ~V(HELP), ACT_UNDO, { 'u' }, "undo your own last change",
	  "undo" },
	{ V_ALL & ~V(HELP), ACT_REDO, { CTRL('r') }, "redo what you last "
	  "undid", NULL },
	{ V_ALL & ~V(HELP), ACT_UNDO_OTHER, { 'U' }, "take back someone "
	  "else's last change (asks whose)", NULL },
	{ V_ALL & ~V(QUESTION), ACT_BACK, { ESC, 'b' },
	  "back to the questionnaire (nothing is lost)", "back" },
	{ V_ALL, ACT_HELP, { '?', KEY_F(1) }, "help: every key", "help" },
	{ V_ALL, ACT_REDRAW, { CTRL('l') }, "redraw the screen", NULL },
	{ V_ALL, ACT_QUIT, { 'q', KEY_F(10) },
	  "quit (every change is already saved)", "quit" },
};

const size_t key_nbindings = sizeof key_bindings / sizeof key_bindings[0];

enum action
keys_lookup(enum view_id view, int key, int *digit)
{
	size_t i;
	int k;

	for (i = 0; i < key_nbindings; i++) {
		const struct binding *b = &key_bindings[i];

		if (!(b->views & (1u << view)))
			continue;
		if (b->action == ACT_DIGIT) {
			/* The row names its first and last digits. */
			int lo = b->keys[0], hi = b->keys[1];

			if (key >= lo && key <= hi) {
				*digit = key - '0';
				return ACT_DIGIT;
			}
			continue;
		}
		for (k = 0; k < BIND_KEYS && b->keys[k] != 0; k++)
			if (b->keys[k] == key)
				return b->action;
	}
	return ACT_NONE;
}

const char *
keys_name(int key, int utf8, char *buf, size_t size)
{
	static const struct {
		int key;
		const char *ascii, *utf8;
	} names[] = {
		{ KEY_UP, "Up", "\xe2\x86\x91" },
		{ KEY_DOWN, "Down", "\xe2\x86\x93" },
		{ KEY_LEFT, "Left", "\xe2\x86\x90" },
		{ KEY_RIGHT, "Right", "\xe2\x86\x92" },
		{ KEY_NPAGE, "PgDn", "PgDn" },
		{ KEY_PPAGE, "PgUp", "PgUp" },
		{ KEY_HOME, "Home", "Home" },
		{ KEY_END, "End", "End" },
		{ KEY_DC, "Del", "Del" },
		{ KEY_BACKSPACE, "Backspace", "Backspace" },
		{ KEY_BTAB, "Shift-Tab", "Shift-Tab" },
		{ KEY_ENTER, "Enter", "Enter" },
		{ '\n', "Enter", "Enter" },
		{ '\t', "Tab", "Tab" },
		{ ' ', "Space", "Space" },
		{ ESC, "Esc", "Esc" },
		{ 127, "Backspace", "Backspace" },
		{ KEY_F(1), "F1", "F1" },
		{ KEY_F(10), "F10", "F10" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, size, "%s", utf8 ? names[i].utf8 :
			    names[i].ascii);
			return buf;
		}
	if (key > 0 && key < 32)
		snprintf(buf, size, "Ctrl-%c", key + '@');
	else if (key >= 32 && key < 127)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "key %d", key);
	return buf;
}

const char *
keys_view_title(enum view_id view)
{
	static const char *const titles[VIEW_COUNT] = {
#define VIEW_TITLE(name, title) [VIEW_##name] = title,
		VIEWS(VIEW_TITLE)
#undef VIEW_TITLE
	};

	return view < VIEW_COUNT ? titles[view] : "?";
}
