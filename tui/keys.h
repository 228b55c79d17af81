/* keys.h - the one key table: keys -> named actions, per view.
 *
 * Every key the explorer understands is a row in keys.c: which views it
 * works in, which action it triggers, and what it does in words.  Key
 * lookup, the hint line and the `?` help overlay all read that table, so
 * they cannot disagree. */
#ifndef TRADEOFF_KEYS_H
#define TRADEOFF_KEYS_H

#include <stddef.h>

/* The views (screens) of the explorer, each a bit for the key table. */
#define VIEWS(X) \
	X(QUESTION, "questionnaire") \
	X(TABLE, "comparison tables") \
	X(WHY, "rationale") \
	X(WEIGHTS, "weights") \
	X(SESSIONS, "sessions") \
	X(COST, "cost") \
	X(DISAGREE, "votes and disagreement") \
	X(INFO, "session: name, context, participants") \
	X(HISTORY, "history and milestones") \
	X(HELP, "help")

enum view_id {
#define VIEW_ENUM(name, title) VIEW_##name,
	VIEWS(VIEW_ENUM)
#undef VIEW_ENUM
	VIEW_COUNT
};

#define V(name) (1u << VIEW_##name)
#define V_ALL ((1u << VIEW_COUNT) - 1)

/* Actions, named once; handlers switch on them. */
#define ACTIONS(X) \
	X(NONE) X(QUIT) X(HELP) X(BACK) X(REDRAW) \
	X(UP) X(DOWN) X(LEFT) X(RIGHT) X(PAGE_UP) X(PAGE_DOWN) \
	X(FIRST) X(LAST) X(NEXT_PANEL) X(PREV_PANEL) \
	X(SELECT) X(CLEAR) X(DIGIT) X(UNDO) X(NOTE) \
	X(TABLES) X(WHY) X(WEIGHTS) X(SESSIONS) X(COST) X(EXPORT) \
	X(NEW) X(RENAME) X(COPY) X(DELETE) X(EDIT) \
	X(VOTE) X(REVEAL) X(DISAGREE) X(REDO) X(UNDO_OTHER) X(ADVANCE) X(INFO) \
	X(HISTORY) X(MILESTONE)

enum action {
#define ACTION_ENUM(name) ACT_##name,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

#define BIND_KEYS 4

struct binding {
	unsigned views;		/* V(...) bits where this row applies */
	enum action action;
	int keys[BIND_KEYS];	/* curses key codes or characters; 0 ends;
				 * for ACT_DIGIT the first and last digit */
	const char *help;	/* what it does, for the help overlay */
	const char *hint;	/* short word for the hint line, or NULL */
};

extern const struct binding key_bindings[];
extern const size_t key_nbindings;

/* The action KEY triggers in VIEW (ACT_NONE when none); digits report
 * ACT_DIGIT with the digit's value in *DIGIT. */
enum action keys_lookup(enum view_id view, int key, int *digit);

/* A printable name for KEY: "Enter", "Tab", "q", "Up" (ASCII) or "↑"
 * (UTF-8). */
const char *keys_name(int key, int utf8, char *buf, size_t size);

/* The view's title, for headings. */
const char *keys_view_title(enum view_id view);

#endif
