/* theme.h - colour themes: semantic roles mapped to colours and attributes.
 *
 * The explorer never names a colour; it draws text in a role ("the current
 * panel", "the best option's bar") and the theme says how each role looks:
 * a foreground, a background and attributes.  Themes are YAML files
 * (themes/README.md documents the format); adding one touches that file
 * only.  This module loads and checks them, finds them by name, and says
 * how a 256-colour theme looks on a terminal with fewer colours.  It knows
 * nothing about curses: the front end maps the attribute bits and colour
 * numbers to its own.
 *
 * Colours are -1 (THEME_DEFAULT: the terminal's own colour) or 0-255:
 * 0-7 the eight basic colours, 8-15 their bright versions, 16-255 the
 * xterm 256-colour palette. */
#ifndef TRADEOFF_THEME_H
#define TRADEOFF_THEME_H

#include <stddef.h>

#include "err.h"

/* The roles: X(ID, "name", "what is drawn in it").  Adding a role is one
 * line here, then (if the default look is not right for it) one line in
 * each shipped theme. */
#define THEME_ROLES(X) \
	X(NORMAL, "normal", "default text; roles not given fall back to it") \
	X(TITLE, "title", "the top bar") \
	X(BORDER, "border", "frames and separators") \
	X(PANEL, "panel", "an entry in the panel list") \
	X(PANEL_CURRENT, "panel_current", "the current panel") \
	X(PROGRESS, "progress", "answered-per-panel counts") \
	X(QUESTION, "question", "the question being asked") \
	X(ANSWER, "answer", "an answer line") \
	X(ANSWER_CHOSEN, "answer_chosen", "the chosen answer") \
	X(CURSOR, "cursor", "the line under the cursor") \
	X(HELP, "help", "help text") \
	X(BAR_TRACK, "bar_track", "the empty part of a score bar") \
	X(BAR, "bar", "the filled part of a score bar") \
	X(BAR_BEST, "bar_best", "the filled part of the best option's bar") \
	X(RECOMMENDED, "recommended", "the recommendation") \
	X(CONFIDENCE, "confidence", "the recommendation's confidence") \
	X(BLOCKED, "blocked", "a blocked option and its reason") \
	X(RELEVANT, "relevant", "a table row that matters for the answers") \
	X(FAVOURED, "favoured", "the favoured cell in a table row") \
	X(HEADING, "heading", "table and section headings") \
	X(KEY, "key", "a key name in the hint line") \
	X(HINT, "hint", "the hint line's text") \
	X(STATUS, "status", "the status line") \
	X(ERROR, "error", "an error message") \
	X(WARNING, "warning", "a warning, such as stale prices") \
	X(NOTE, "note", "a note's text") \
	X(DIM, "dim", "secondary text") \
	X(INPUT, "input", "a text field being edited") \
	X(CHART_1, "chart_1", "the first priced option's cost line") \
	X(CHART_2, "chart_2", "the second priced option's cost line") \
	X(CHART_3, "chart_3", "the third priced option's cost line") \
	X(CHART_4, "chart_4", "the fourth priced option's cost line") \
	X(CHART_5, "chart_5", "the fifth priced option's cost line")

/* Chart roles go by the option's position: ROLE_CHART_1 + i. */
#define THEME_CHART_ROLES 5

enum theme_role {
#define THEME_ROLE_ENUM(id, name, help) ROLE_##id,
	THEME_ROLES(THEME_ROLE_ENUM)
#undef THEME_ROLE_ENUM
	ROLE_COUNT
};

/* The eight basic colours, in terminal order (0-7). */
#define THEME_COLOURS(X) \
	X(BLACK, "black") X(RED, "red") X(GREEN, "green") \
	X(YELLOW, "yellow") X(BLUE, "blue") X(MAGENTA, "magenta") \
	X(CYAN, "cyan") X(WHITE, "white")

enum theme_colour {
	THEME_DEFAULT = -1,
#define THEME_COLOUR_ENUM(id, name) THEME_##id,
	THEME_COLOURS(THEME_COLOUR_ENUM)
#undef THEME_COLOUR_ENUM
	THEME_BRIGHT = 8	/* add to a basic colour for its bright one */
};

/* Attributes: X(ID, "name").  THEME_ATTR_BOLD etc. are bits. */
#define THEME_ATTRS(X) \
	X(BOLD, "bold") X(DIM, "dim") X(UNDERLINE, "underline") \
	X(REVERSE, "reverse") X(ITALIC, "italic") X(STANDOUT, "standout")

enum theme_attr_index {
#define THEME_ATTR_INDEX(id, name) THEME_ATTR_INDEX_##id,
	THEME_ATTRS(THEME_ATTR_INDEX)
#undef THEME_ATTR_INDEX
	THEME_ATTR_COUNT
};

enum theme_attr {
#define THEME_ATTR_BIT(id, name) THEME_ATTR_##id = 1 << THEME_ATTR_INDEX_##id,
	THEME_ATTRS(THEME_ATTR_BIT)
#undef THEME_ATTR_BIT
};

#define THEME_NAME_MAX 64	/* bytes in a theme name */
#define THEME_DESC_MAX 256	/* bytes in a description */
#define THEME_INHERIT_MAX 8	/* themes in one `inherits` chain */

/* How one role looks. */
struct theme_style {
	int fg, bg;		/* THEME_DEFAULT or 0-255 */
	unsigned attrs;		/* THEME_ATTR_* bits */
};

/* A loaded theme.  Plain data, no pointers: copy it, keep it on the stack
 * or in a static; nothing to free. */
struct theme {
	char name[THEME_NAME_MAX + 1];
	char description[THEME_DESC_MAX + 1];
	char inherits[THEME_NAME_MAX + 1];	/* "" when it inherits none */
	/* Every role, resolved: a role the theme does not give has the
	 * colours of `normal` and no attributes, and a role given without
	 * fg or bg takes that colour from `normal`. */
	struct theme_style style[ROLE_COUNT];
	/* Whether the theme (or one it inherits) gives the role. */
	unsigned char given[ROLE_COUNT];
};

/* The name of role R as written in theme files ("panel_current"), and a
 * short description of what is drawn in it. */
const char *theme_role_name(enum theme_role r);
const char *theme_role_help(enum theme_role r);

/* The role called NAME, or -1. */
int theme_role_find(const char *name);

/* The name of the attribute with index I (THEME_ATTR_INDEX_*). */
const char *theme_attr_name(int i);

/* Parse a colour as written in a theme: "default", a basic colour name,
 * "bright-" and a basic name, or a number 0-255.  Returns 0 with *OUT
 * set, or -1 when S is none of these. */
int theme_colour_parse(const char *s, int *out);

/* COLOUR as a theme file writes it ("bright-red", "244"), in BUF;
 * THEME_DEFAULT is "default". */
const char *theme_colour_name(int colour, char *buf, size_t size);

/* The colour to use for COLOUR on a terminal with NCOLOURS colours:
 * 256 or more: COLOUR itself; 16-255 (e.g. 88): 16-255 become the basic
 * or bright colour of the nearest hue (greys by lightness); 8-15: that,
 * then bright colours become basic ones (8-15 -> 0-7); fewer than 8:
 * THEME_DEFAULT.  THEME_DEFAULT stays itself. */
int theme_colour_reduce(int colour, int ncolours);

/* Role R of T as drawn on a terminal with NCOLOURS colours (see
 * theme_colour_reduce).  When fewer colours make fg and bg the same where
 * the theme had them differ, bg becomes THEME_DEFAULT so the text stays
 * readable. */
struct theme_style theme_style_for(const struct theme *t, enum theme_role r,
    int ncolours);

/* How colours look, for judging whether text can be read.
 *
 * Colour C (0-255) of the 256-colour palette as 0xRRGGBB: 0-15 as xterm
 * shows them by default, 16-255 as every 256-colour terminal does. */
unsigned long theme_colour_rgb(int c);

/* The relative luminance of 0xRRGGBB, 0 (black) to 1 (white), and the
 * contrast ratio of two colours, 1 to 21, both as WCAG 2 defines them. */
double theme_luminance(unsigned long rgb);
double theme_contrast(unsigned long a, unsigned long b);

/* Text should have at least this contrast with what is behind it (WCAG
 * AA for normal text). */
#define THEME_MIN_CONTRAST 4.5

/* The lowest contrast role R of T can show, at 256 colours: its colour
 * against its background, or, where one of them is the terminal's own
 * (which may be black or white), the worse of the two.  A bold colour
 * 0-7 must read both as itself and as its bright version, which is how
 * terminals that brighten bold (xterm by default) show it.  -1 when the
 * role uses only the terminal's own colours. */
double theme_role_contrast(const struct theme *t, enum theme_role r);

/* Whether 0xRRGGBB is a light background: one that dark text reads on
 * better than light text. */
int theme_rgb_is_light(unsigned long rgb);

/* What the COLORFGBG variable ("15;0", "0;default;15") says of the
 * terminal's background: 1 light (white, 7 or 15), 0 dark (any other of
 * the 16 colours), -1 it does not say. */
int theme_colorfgbg_light(const char *v);

/* The colour in a terminal's answer to the OSC 11 query, the LEN bytes
 * at S ("ESC ] 11 ; rgb:RRRR/GGGG/BBBB" ended by BEL or ESC \), in *RGB
 * as 0xRRGGBB; -1 when S holds no such answer. */
int theme_osc_rgb(const char *s, size_t len, unsigned long *rgb);

/* The fewest colours that show T as written: 0 (attributes only), 8, 16
 * or 256. */
int theme_colours_used(const struct theme *t);

/* Fill T with the built-in monochrome theme (attributes only; the same
 * as the shipped themes/mono.yaml).  Needs no file, cannot fail. */
void theme_mono(struct theme *t);

/* A shipped theme that inherits none, compiled when tradeoff was built,
 * as struct model_builtin in model.h is for the model. */
struct theme_builtin {
	const char *name;
	const struct theme *theme;
};

extern const struct theme_builtin theme_builtins[];

/* Load the theme in the LEN bytes at BUF.  PATH names the file in
 * messages and, when it exists, tells it apart from the theme it
 * inherits.  `inherits: NAME` is looked up like theme_find does in the
 * user's directory and DATADIR/themes (DATADIR may be NULL), skipping the
 * file itself, so a user's default.yaml may inherit the shipped default.
 * Returns 0, or -1 with a file:line:column message in E. */
int theme_load_buffer(struct theme *t, const char *path, const char *buf,
    size_t len, const char *datadir, struct err *e);

/* Read the file at PATH and load it as theme_load_buffer does. */
int theme_load(struct theme *t, const char *path, const char *datadir,
    struct err *e);

/* Whether S is a valid theme name: 1-64 of a-z, 0-9, '_' and '-'. */
int theme_name_valid(const char *s);

/* The user's theme directory in BUF: $XDG_CONFIG_HOME/tradeoff/themes
 * when XDG_CONFIG_HOME is an absolute path, else
 * $HOME/.config/tradeoff/themes.  NULL when neither is set (or the path
 * does not fit). */
const char *theme_user_dir(char *buf, size_t size);

/* The file for --theme SPEC, in PATH: SPEC itself when it contains a '/'
 * or ends in ".yaml" or ".yml"; otherwise the name SPEC looked up as
 * NAME.yaml in the user's theme directory, then in DATADIR/themes
 * (DATADIR may be NULL).  Returns 0, or -1 with a message in E for an
 * invalid name or one no directory has (the message lists the
 * themes there are). */
int theme_find(const char *spec, const char *datadir, char *path,
    size_t size, struct err *e);

/* theme_find, then theme_load. */
int theme_lookup(struct theme *t, const char *spec, const char *datadir,
    struct err *e);

/* The theme the explorer should use.  SPEC is --theme, or NULL for the
 * theme named "default" (or "light" when LIGHT says the terminal's
 * background is light and that theme is found).  COLOURS is 0 when colour is off (NO_COLOR,
 * --no-color, a terminal without colours): then the theme named "mono"
 * is used, whatever SPEC says (SPEC is still checked, so a mistake in it
 * is reported the same everywhere).  A missing "default" or "mono" file
 * gives the built-in mono theme, so the program never fails for lack of
 * a theme file; a named theme that is not found, or any bad file, is an
 * error (-1 with E). */
int theme_choose(struct theme *t, const char *spec, const char *datadir,
    int colours, int light, struct err *e);

/* A set of theme names, sorted, without repeats. */
struct theme_list {
	char **name;
	size_t n, cap;
};

/* Add to L the names of the themes in directory DIR: each file NAME.yaml
 * with a valid NAME.  A missing or unreadable DIR adds nothing.  Returns
 * 0, or -1 when out of memory. */
int theme_list_dir(struct theme_list *l, const char *dir);

/* Add the themes theme_find can find by name: the user's directory and
 * DATADIR/themes (DATADIR may be NULL). */
int theme_list_all(struct theme_list *l, const char *datadir);

/* Release L's names and empty it. */
void theme_list_free(struct theme_list *l);

/* The names theme_list_all finds, as "default, light, mono", in BUF
 * (shortened with "..." when it does not fit); "none" when there are
 * none. */
const char *theme_available(const char *datadir, char *buf, size_t size);

#endif
