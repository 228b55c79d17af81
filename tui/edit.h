/* edit.h - the one-line text field at the bottom of the screen.
 *
 * Whoever opens the editor gives it a handler and a pointer of its own;
 * when the text is confirmed the editor calls HANDLER(ui, DATA, TEXT)
 * and knows nothing of what the text is for (a note, a name, a figure,
 * a confirmation). */
#ifndef TRADEOFF_EDIT_H
#define TRADEOFF_EDIT_H

#include <wchar.h>

#define EDIT_MAX 4096

struct ui;

/* Called with the confirmed text (UTF-8); returns UI_* flags. */
typedef int (*edit_handler)(struct ui *ui, void *data, const char *text);

enum {
	EDIT_KEEP = 1 << 0,	/* Esc and a quit keep the text (a note):
				 * it is confirmed, not dropped */
	EDIT_REPLACE = 1 << 1,	/* a single value (a figure, a path, a
				 * name): typing replaces what it holds,
				 * an editing key first edits it */
	EDIT_KEY = 1 << 2	/* a choice: the first key is the answer */
};

struct editor {
	edit_handler done;	/* NULL: not editing */
	void *data;
	unsigned flags;
	char prompt[256];
	wchar_t buf[EDIT_MAX];
	int len, pos, scroll;
	char draft[80];		/* "note:traffic": kept while typed */
	int unsaved;		/* typed since the draft was kept */
};

/* Start editing: PROMPT, the initial TEXT (UTF-8, may be NULL). */
void edit_start(struct ui *ui, const char *prompt, const char *text,
    unsigned flags, edit_handler done, void *data);

/* Keep what is typed as a draft of FIELD (presence_draft), so that a
 * kill does not lose it; forgotten when the edit ends. */
void edit_draft(struct ui *ui, const char *field);

/* Keep the draft now if anything was typed since it was last kept. */
void edit_keep_draft(struct ui *ui);

/* Replace the text being edited with TEXT (UTF-8): a draft given back. */
void edit_replace(struct ui *ui, const char *text);

/* Whether a text is being edited. */
int edit_active(const struct ui *ui);

/* A key (wget_wch's RC and CH) for the editor; UI_* flags. */
int edit_key(struct ui *ui, int rc, wint_t ch);

/* End the edit as if the program stopped: confirmed when EDIT_KEEP,
 * dropped otherwise. */
int edit_stop(struct ui *ui);

/* Draw the prompt, the text and the cursor on line 0 of the hint
 * window. */
void edit_draw(struct ui *ui);

#endif
