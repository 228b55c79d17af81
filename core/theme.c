/* theme.c - loading, finding and reducing colour themes; see theme.h. */
#include "config.h"

#include "theme.h"
#include "ydoc.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const role_names[ROLE_COUNT] = {
#define THEME_ROLE_NAME(id, name, help) [ROLE_##id] = name,
	THEME_ROLES(THEME_ROLE_NAME)
#undef THEME_ROLE_NAME
};

static const char *const role_helps[ROLE_COUNT] = {
#define THEME_ROLE_HELP(id, name, help) [ROLE_##id] = help,
	THEME_ROLES(THEME_ROLE_HELP)
#undef THEME_ROLE_HELP
};

static const char *const attr_names[THEME_ATTR_COUNT] = {
#define THEME_ATTR_NAME(id, name) [THEME_ATTR_INDEX_##id] = name,
	THEME_ATTRS(THEME_ATTR_NAME)
#undef THEME_ATTR_NAME
};

/* Every colour word, in colour order after "default": the basic names,
 * then the bright ones (so index 1 + c names colour c). */
static const char *const colour_words[] = {
	"default",
#define THEME_COLOUR_WORD(id, name) name,
	THEME_COLOURS(THEME_COLOUR_WORD)
#undef THEME_COLOUR_WORD
#define THEME_BRIGHT_WORD(id, name) "bright-" name,
	THEME_COLOURS(THEME_BRIGHT_WORD)
#undef THEME_BRIGHT_WORD
};
#define NCOLOUR_WORDS (sizeof colour_words / sizeof colour_words[0])

/* The built-in monochrome theme; themes/mono.yaml says the same. */
static const unsigned mono_attrs[ROLE_COUNT] = {
	[ROLE_TITLE] = THEME_ATTR_BOLD | THEME_ATTR_REVERSE,
	[ROLE_PANEL_CURRENT] = THEME_ATTR_BOLD,
	[ROLE_PROGRESS] = THEME_ATTR_DIM,
	[ROLE_QUESTION] = THEME_ATTR_BOLD,
	[ROLE_ANSWER_CHOSEN] = THEME_ATTR_BOLD,
	[ROLE_CURSOR] = THEME_ATTR_REVERSE,
	[ROLE_BAR_TRACK] = THEME_ATTR_DIM,
	[ROLE_BAR_BEST] = THEME_ATTR_BOLD,
	[ROLE_RECOMMENDED] = THEME_ATTR_BOLD,
	[ROLE_BLOCKED] = THEME_ATTR_DIM,
	[ROLE_RELEVANT] = THEME_ATTR_BOLD,
	[ROLE_FAVOURED] = THEME_ATTR_UNDERLINE,
	[ROLE_HEADING] = THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE,
	[ROLE_KEY] = THEME_ATTR_BOLD,
	[ROLE_STATUS] = THEME_ATTR_REVERSE,
	[ROLE_ERROR] = THEME_ATTR_BOLD | THEME_ATTR_REVERSE,
	[ROLE_WARNING] = THEME_ATTR_BOLD,
	[ROLE_DIM] = THEME_ATTR_DIM,
	[ROLE_INPUT] = THEME_ATTR_UNDERLINE,
	[ROLE_CHART_1] = THEME_ATTR_BOLD,
	[ROLE_CHART_3] = THEME_ATTR_UNDERLINE,
	[ROLE_CHART_4] = THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE,
	[ROLE_CHART_5] = THEME_ATTR_REVERSE,
};
static const char mono_description[] =
    "No colour at all, only attributes: for NO_COLOR and terminals "
    "without colours";

const char *
theme_role_name(enum theme_role r)
{
	return r >= 0 && r < ROLE_COUNT ? role_names[r] : "?";
}

const char *
theme_role_help(enum theme_role r)
{
	return r >= 0 && r < ROLE_COUNT ? role_helps[r] : "?";
}

/* The chart roles' names in 0.1.0, when they were named for the
 * shipped model's options; theme files written then keep loading. */
static const struct {
	const char *name;
	enum theme_role role;
} role_aliases[] = {
	{ "chart_serverless", ROLE_CHART_1 },
	{ "chart_kubernetes", ROLE_CHART_2 },
	{ "chart_hybrid", ROLE_CHART_3 },
};

int
theme_role_find(const char *name)
{
	size_t i;
	int r;

	for (r = 0; r < ROLE_COUNT; r++)
		if (strcmp(role_names[r], name) == 0)
			return r;
	for (i = 0; i < sizeof role_aliases / sizeof role_aliases[0]; i++)
		if (strcmp(role_aliases[i].name, name) == 0)
			return role_aliases[i].role;
	return -1;
}

const char *
theme_attr_name(int i)
{
	return i >= 0 && i < THEME_ATTR_COUNT ? attr_names[i] : "?";
}

static int
attr_find(const char *name)
{
	int i;

	for (i = 0; i < THEME_ATTR_COUNT; i++)
		if (strcmp(attr_names[i], name) == 0)
			return i;
	return -1;
}

/* Whether S is 1-3 decimal digits; its value in *V. */
static int
small_number(const char *s, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i == 3 || s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return i > 0;
}

int
theme_colour_parse(const char *s, int *out)
{
	size_t i;
	int v;

	for (i = 0; i < NCOLOUR_WORDS; i++)
		if (strcmp(s, colour_words[i]) == 0) {
			*out = (int)i - 1;
			return 0;
		}
	if (small_number(s, &v) && v <= 255) {
		*out = v;
		return 0;
	}
	return -1;
}

const char *
theme_colour_name(int c, char *buf, size_t size)
{
	if (c >= THEME_DEFAULT && c < 2 * THEME_BRIGHT)
		snprintf(buf, size, "%s", colour_words[1 + c]);
	else
		snprintf(buf, size, "%d", c);
	return buf;
}

/* Grey of lightness V (0-255) as one of the 16 colours. */
static int
grey16(int v)
{
	if (v < 48)
		return THEME_BLACK;
	if (v < 120)
		return THEME_BRIGHT + THEME_BLACK;
	if (v < 200)
		return THEME_WHITE;
	return THEME_BRIGHT + THEME_WHITE;
}

/* Palette colour C (16-255) as one of the 16 colours.  The 6x6x6 cube
 * keeps its hue: a channel is on when it is above the middle of the
 * strongest and the weakest, so navy stays blue rather than turning
 * black; it is bright at full strength.  Greys, and colours too close to
 * grey to have a hue, go by lightness. */
static int
reduce16(int c)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	int r, g, b, max, min, hue;

	if (c < 16)
		return c;
	if (c >= 232)
		return grey16(8 + 10 * (c - 232));
	c -= 16;
	r = c / 36;
	g = c / 6 % 6;
	b = c % 6;
	max = r > g ? (r > b ? r : b) : (g > b ? g : b);
	min = r < g ? (r < b ? r : b) : (g < b ? g : b);
	if (max == min || (max - min == 1 && max >= 2))
		return grey16((level[r] + level[g] + level[b]) / 3);
	hue = (2 * r > max + min ? 1 : 0) | (2 * g > max + min ? 2 : 0) |
	    (2 * b > max + min ? 4 : 0);
	if (max == 5 || (max == 4 && min >= 2))
		hue += THEME_BRIGHT;
	return hue;
}

int
theme_colour_reduce(int colour, int ncolours)
{
	if (colour < 0 || colour > 255)
		return THEME_DEFAULT;
	if (ncolours >= 256)
		return colour;
	if (ncolours >= 16)
		return reduce16(colour);
	if (ncolours >= 8)
		return reduce16(colour) % THEME_BRIGHT;
	return THEME_DEFAULT;
}

struct theme_style
theme_style_for(const struct theme *t, enum theme_role r, int ncolours)
{
	struct theme_style s = t->style[r < 0 || r >= ROLE_COUNT ?
	    ROLE_NORMAL : r];
	int fg = theme_colour_reduce(s.fg, ncolours);
	int bg = theme_colour_reduce(s.bg, ncolours);

	if (fg == bg && fg != THEME_DEFAULT && s.fg != s.bg)
		bg = THEME_DEFAULT;
	s.fg = fg;
	s.bg = bg;
	return s;
}

/* ---- How a colour looks: RGB, lightness and contrast ---- */

/* The first 16 colours as xterm shows them by default; the rest of the
 * palette is the same in every 256-colour terminal. */
static const unsigned long basic_rgb[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
	0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
	0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff
};

unsigned long
theme_colour_rgb(int c)
{
	static const int level[6] = { 0, 95, 135, 175, 215, 255 };
	unsigned long v;

	if (c < 0 || c > 255)
		return 0;
	if (c < 16)
		return basic_rgb[c];
	if (c >= 232) {
		v = (unsigned long)(8 + 10 * (c - 232));
		return v << 16 | v << 8 | v;
	}
	c -= 16;
	return (unsigned long)level[c / 36] << 16 |
	    (unsigned long)level[c / 6 % 6] << 8 | (unsigned long)level[c % 6];
}

/* One sRGB channel (0-255) as linear light. */
static double
linear(unsigned v)
{
	double c = v / 255.0;

	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double
theme_luminance(unsigned long rgb)
{
	return 0.2126 * linear((rgb >> 16) & 0xff) +
	    0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
}

double
theme_contrast(unsigned long a, unsigned long b)
{
	double la = theme_luminance(a), lb = theme_luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

int
theme_rgb_is_light(unsigned long rgb)
{
	return theme_contrast(rgb, 0x000000) > theme_contrast(rgb, 0xffffff);
}

/* The contrast of FG on BG, either of which may be THEME_DEFAULT: the
 * terminal's own colour, black or white, whichever is worse; 21 when
 * both are. */
static double
pair_contrast(int fg, int bg)
{
	static const unsigned long terminal[2] = { 0x000000, 0xffffff };
	double worst = 21, c;
	int i;

	if (fg != THEME_DEFAULT && bg != THEME_DEFAULT)
		return theme_contrast(theme_colour_rgb(fg),
		    theme_colour_rgb(bg));
	if (fg == THEME_DEFAULT && bg == THEME_DEFAULT)
		return worst;
	for (i = 0; i < 2; i++) {
		c = theme_contrast(terminal[i], theme_colour_rgb(
		    fg != THEME_DEFAULT ? fg : bg));
		if (c < worst)
			worst = c;
	}
	return worst;
}

double
theme_role_contrast(const struct theme *t, enum theme_role r)
{
	struct theme_style s = t->style[r < 0 || r >= ROLE_COUNT ?
	    ROLE_NORMAL : r];
	double c;

	if (s.fg == THEME_DEFAULT && s.bg == THEME_DEFAULT)
		return -1;
	c = pair_contrast(s.fg, s.bg);
	/* Terminals that brighten bold text (xterm does by default) show
	 * bold colour 0-7 as its bright version, others do not: bold black
	 * is grey in one and black in the other, so both must read. */
	if ((s.attrs & THEME_ATTR_BOLD) && s.fg >= 0 && s.fg < THEME_BRIGHT) {
		double b = pair_contrast(s.fg + THEME_BRIGHT, s.bg);

		if (b < c)
			c = b;
	}
	return c;
}

int
theme_colorfgbg_light(const char *v)
{
	const char *bg;
	char *end;
	long c;

	if (v == NULL || (bg = strrchr(v, ';')) == NULL)
		return -1;
	c = strtol(bg + 1, &end, 10);
	if (end == bg + 1 || *end != '\0' || c < 0 || c > 15)
		return -1;
	/* As rxvt means it (and vim reads it): white backgrounds are
	 * light, every other colour dark. */
	return c == THEME_WHITE || c == THEME_BRIGHT + THEME_WHITE;
}

/* The value of 1-4 hex digits at S (N of them) scaled to 0-255, or -1. */
static int
hex_channel(const char *s, size_t n)
{
	unsigned long v = 0, max;
	size_t i;

	if (n < 1 || n > 4)
		return -1;
	for (i = 0; i < n; i++) {
		int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 :
		    s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		v = v * 16 + (unsigned long)d;
	}
	max = (1ul << (4 * n)) - 1;
	return (int)((v * 255 + max / 2) / max);
}

int
theme_osc_rgb(const char *s, size_t len, unsigned long *rgb)
{
	static const char head[] = "\033]11;rgb:";
	const char *p, *end = s + len;
	unsigned long v = 0;
	int i, c;

	p = memchr(s, '\033', len);
	if (p == NULL || (size_t)(end - p) < sizeof head - 1 ||
	    memcmp(p, head, sizeof head - 1) != 0)
		return -1;
	p += sizeof head - 1;
	for (i = 0; i < 3; i++) {
		const char *q = p;

		while (q < end && *q != '/' && *q != '\a' && *q != '\033')
			q++;
		if (q == end || (i < 2) != (*q == '/') ||
		    (c = hex_channel(p, (size_t)(q - p))) < 0)
			return -1;
		v = v << 8 | (unsigned long)c;
		p = q + (i < 2);
	}
	*rgb = v;
	return 0;
}

int
theme_colours_used(const struct theme *t)
{
	int r, max = -1;

	for (r = 0; r < ROLE_COUNT; r++) {
		if (t->style[r].fg > max)
			max = t->style[r].fg;
		if (t->style[r].bg > max)
			max = t->style[r].bg;
	}
	return max < 0 ? 0 : max < 8 ? 8 : max < 16 ? 16 : 256;
}

void
theme_mono(struct theme *t)
{
	int r;

	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "mono");
	snprintf(t->description, sizeof t->description, "%s",
	    mono_description);
	for (r = 0; r < ROLE_COUNT; r++) {
		t->style[r].fg = t->style[r].bg = THEME_DEFAULT;
		t->style[r].attrs = mono_attrs[r];
		t->given[r] = 1;
	}
}

int
theme_name_valid(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (i == THEME_NAME_MAX)
			return 0;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-'))
			return 0;
	}
	return i > 0;
}

/* Edit distance between A and B, a swap of neighbours counting as one
 * edit (so "titel" is one away from "title"); large for long words. */
static size_t
distance(const char *a, const char *b)
{
	size_t rows[3][THEME_NAME_MAX + 1], la = strlen(a), lb = strlen(b);
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *tmp, i, j;

	if (la > THEME_NAME_MAX || lb > THEME_NAME_MAX)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	return prev[lb];
}

/* The word in WORDS (N of them) that S is most likely a typo of: one
 * edit away, or two for words of five letters or more; NULL when none
 * is that close. */
static const char *
nearest(const char *s, const char *const *words, size_t n)
{
	const char *best = NULL;
	size_t i, d, len = strlen(s), bestd = len >= 5 ? 3 : 2;

	if (len < 3)
		return NULL;
	for (i = 0; i < n; i++)
		if ((d = distance(s, words[i])) < bestd) {
			best = words[i];
			bestd = d;
		}
	return best;
}

/* "a, b, c" from WORDS (N of them) in BUF. */
static const char *
join(char *buf, size_t size, const char *const *words, size_t n)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "",
		    words[i]);
	return buf;
}

/* ---- Finding theme files ---- */

/* A file in an `inherits` chain, known by device and inode when it
 * exists. */
struct link {
	int known;
	dev_t dev;
	ino_t ino;
	char name[THEME_NAME_MAX + 1];
};

static void
link_init(struct link *l, const char *path)
{
	struct stat st;

	memset(l, 0, sizeof *l);
	if (stat(path, &st) == 0) {
		l->known = 1;
		l->dev = st.st_dev;
		l->ino = st.st_ino;
	}
}

static int
link_same(const struct link *a, const struct link *b)
{
	return a->known && b->known && a->dev == b->dev && a->ino == b->ino;
}

const char *
theme_user_dir(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;

	/* The XDG spec says to ignore a relative XDG_CONFIG_HOME. */
	if (xdg != NULL && xdg[0] == '/')
		n = snprintf(buf, size, "%s/tradeoff/themes", xdg);
	else if (home != NULL && home[0] != '\0')
		n = snprintf(buf, size, "%s/.config/tradeoff/themes", home);
	else
		return NULL;
	return n > 0 && (size_t)n < size ? buf : NULL;
}

/* Look for NAME.yaml in the user's directory, then DATADIR/themes,
 * passing over the file SKIP (may be NULL).  Returns 0 with the path in
 * PATH, 1 when no directory has it, -1 with E when a path is too long. */
static int
find_named(const char *name, const char *datadir, const struct link *skip,
    char *path, size_t size, struct err *e)
{
	char dirs[2][4096];
	struct link here;
	int i, n, ndirs = 0;

	if (theme_user_dir(dirs[ndirs], sizeof dirs[ndirs]) != NULL)
		ndirs++;
	if (datadir != NULL && datadir[0] != '\0') {
		n = snprintf(dirs[ndirs], sizeof dirs[ndirs], "%s/themes",
		    datadir);
		if (n > 0 && (size_t)n < sizeof dirs[ndirs])
			ndirs++;
	}
	for (i = 0; i < ndirs; i++) {
		struct stat st;

		n = snprintf(path, size, "%s/%s.yaml", dirs[i], name);
		if (n < 0 || (size_t)n >= size) {
			err_set(e, "the path of theme '%s' is too long", name);
			return -1;
		}
		/* A file that exists but cannot be read is still the one
		 * meant: loading it says why it cannot be used. */
		if (stat(path, &st) != 0 && (errno == ENOENT ||
		    errno == ENOTDIR))
			continue;
		if (skip != NULL) {
			link_init(&here, path);
			if (link_same(&here, skip))
				continue;
		}
		return 0;
	}
	return 1;
}

static int
is_path(const char *spec)
{
	size_t n = strlen(spec);

	return strchr(spec, '/') != NULL ||
	    (n > 5 && strcmp(spec + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(spec + n - 4, ".yml") == 0);
}

static void
err_unknown_theme(struct err *e, const char *name, const char *datadir)
{
	char list[512];

	err_set(e, "unknown theme '%s' (available: %s)", name,
	    theme_available(datadir, list, sizeof list));
}

int
theme_find(const char *spec, const char *datadir, char *path, size_t size,
    struct err *e)
{
	char q[128];
	int rc;

	if (is_path(spec)) {
		if (snprintf(path, size, "%s", spec) >= (int)size) {
			err_set(e, "theme path too long");
			return -1;
		}
		return 0;
	}
	err_quote(q, sizeof q, spec, strlen(spec));
	if (!theme_name_valid(spec)) {
		err_set(e, "invalid theme name '%s': a name is 1-%d "
		    "lowercase letters, digits, '_' or '-' (to use a file, "
		    "give its path, such as ./%s.yaml)", q, THEME_NAME_MAX, q);
		return -1;
	}
	rc = find_named(spec, datadir, NULL, path, size, e);
	if (rc == 1)
		err_unknown_theme(e, q, datadir);
	return rc == 0 ? 0 : -1;
}

int
theme_lookup(struct theme *t, const char *spec, const char *datadir,
    struct err *e)
{
	char path[4096];

	if (theme_find(spec, datadir, path, sizeof path, e) != 0)
		return -1;
	return theme_load(t, path, datadir, e);
}

int
theme_choose(struct theme *t, const char *spec, const char *datadir,
    int colours, int light, struct err *e)
{
	struct theme unused;
	char path[4096];
	int rc = 1;

	if (spec != NULL && colours)
		return theme_lookup(t, spec, datadir, e);
	/* Without colour the theme asked for is only checked. */
	if (spec != NULL && theme_lookup(&unused, spec, datadir, e) != 0)
		return -1;
	if (colours && light)
		rc = find_named("light", datadir, NULL, path, sizeof path, e);
	if (rc == 1)
		rc = find_named(colours ? "default" : "mono", datadir, NULL,
		    path, sizeof path, e);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		theme_mono(t);
		return 0;
	}
	return theme_load(t, path, datadir, e);
}

/* ---- Lists of themes ---- */

static int
list_add(struct theme_list *l, const char *name)
{
	size_t lo = 0, hi = l->n;
	char *copy;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(l->name[mid], name);

		if (c == 0)
			return 0;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **names = realloc(l->name, cap * sizeof *names);

		if (names == NULL)
			return -1;
		l->name = names;
		l->cap = cap;
	}
	if ((copy = strdup(name)) == NULL)
		return -1;
	memmove(l->name + lo + 1, l->name + lo, (l->n - lo) * sizeof *l->name);
	l->name[lo] = copy;
	l->n++;
	return 0;
}

int
theme_list_dir(struct theme_list *l, const char *dir)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int rc = 0;

	if (dp == NULL)
		return 0;
	while (rc == 0 && (d = readdir(dp)) != NULL) {
		char stem[THEME_NAME_MAX + 1];
		size_t n = strlen(d->d_name);

		if (n <= 5 || n - 5 > THEME_NAME_MAX ||
		    strcmp(d->d_name + n - 5, ".yaml") != 0)
			continue;
		memcpy(stem, d->d_name, n - 5);
		stem[n - 5] = '\0';
		if (theme_name_valid(stem))
			rc = list_add(l, stem);
	}
	closedir(dp);
	return rc;
}

int
theme_list_all(struct theme_list *l, const char *datadir)
{
	char dir[4096];

	if (theme_user_dir(dir, sizeof dir) != NULL &&
	    theme_list_dir(l, dir) != 0)
		return -1;
	if (datadir != NULL && datadir[0] != '\0' &&
	    snprintf(dir, sizeof dir, "%s/themes", datadir) < (int)sizeof dir &&
	    theme_list_dir(l, dir) != 0)
		return -1;
	return 0;
}

void
theme_list_free(struct theme_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->name[i]);
	free(l->name);
	memset(l, 0, sizeof *l);
}

const char *
theme_available(const char *datadir, char *buf, size_t size)
{
	struct theme_list l = { 0 };
	size_t i, o = 0;

	if (size == 0)
		return buf;
	snprintf(buf, size, "none");
	if (theme_list_all(&l, datadir) != 0 || l.n == 0) {
		theme_list_free(&l);
		return buf;
	}
	buf[0] = '\0';
	for (i = 0; i < l.n; i++) {
		const char *sep = i ? ", " : "";
		size_t need = strlen(sep) + strlen(l.name[i]);
		size_t reserve = i + 1 < l.n ? strlen(", ...") : 0;

		if (o + need + reserve + 1 > size) {
			snprintf(buf + o, size - o, "%s...", sep);
			break;
		}
		o += (size_t)snprintf(buf + o, size - o, "%s%s", sep,
		    l.name[i]);
	}
	theme_list_free(&l);
	return buf;
}

/* ---- Loading ---- */

/* A role as one file gives it. */
struct spec {
	int fg, bg;
	unsigned attrs;
	unsigned char given, has_fg, has_bg;
};

/* The files of an `inherits` chain, the one being loaded last. */
struct chain {
	struct link link[THEME_INHERIT_MAX];
	int n;
	const char *datadir;
};

struct loader {
	struct ydoc doc;
	struct err *e;
	struct spec spec[ROLE_COUNT];
	const char *name, *description, *inherits;
	const struct ynode *inherits_node;
};

#define FAIL(n, ...) yerr(&L->doc, (n), L->e, __VA_ARGS__)

static int load_file(struct chain *c, struct theme *t, const char *path,
    const char *buf, size_t len, struct spec *out, struct err *e);

/* A theme name: the theme's own (WHAT "theme name") or the one it
 * inherits (WHAT "'inherits'"). */
static int
load_name(struct loader *L, const struct ynode *n, const char *what,
    const char **out)
{
	char q[128];

	if (yscalar_text(&L->doc, n, what, YDOC_MAX_LINE, 0, 0, out,
	    L->e) != 0)
		return -1;
	if (strlen(n->str) == n->len && theme_name_valid(n->str))
		return 0;
	err_quote(q, sizeof q, n->str, n->len);
	if (L->inherits_node == n)
		return FAIL(n, "'inherits' takes a theme name, and '%s' is "
		    "not one (a name is 1-%d lowercase letters, digits, '_' "
		    "or '-'; not a path)", q, THEME_NAME_MAX);
	return FAIL(n, "%s '%s' is not valid (a name is 1-%d lowercase "
	    "letters, digits, '_' or '-')", what, q, THEME_NAME_MAX);
}

static int
load_colour(struct loader *L, const struct ynode *n, const char *key,
    const char *role, int *out)
{
	char q[128], list[256];
	const char *guess;
	int v;

	if (n->type != Y_SCALAR || yis_null(n))
		return FAIL(n, "%s of role '%s' must be a colour, not %s", key,
		    role, ytype_name(n));
	err_quote(q, sizeof q, n->str, n->len);
	if (strlen(n->str) == n->len && theme_colour_parse(n->str, out) == 0)
		return 0;
	if (small_number(n->str, &v))
		return FAIL(n, "colour %d for %s of role '%s' is out of range "
		    "(colour numbers are 0-255)", v, key, role);
	if ((guess = nearest(n->str, colour_words, NCOLOUR_WORDS)) != NULL)
		return FAIL(n, "unknown colour '%s' for %s of role '%s' (did "
		    "you mean '%s'?)", q, key, role, guess);
	return FAIL(n, "unknown colour '%s' for %s of role '%s' (expected "
	    "%s, bright-NAME or a number 0-255; greys are 232-255)", q, key,
	    role, join(list, sizeof list, colour_words, 1 + THEME_BRIGHT));
}

static int
load_attrs(struct loader *L, const struct ynode *n, const char *role,
    unsigned *out)
{
	char q[128], list[256];
	const char *guess;
	size_t i;
	int a;

	if (n->type != Y_SEQ)
		return FAIL(n, "attrs of role '%s' must be a list, not %s "
		    "(write attrs: [bold])", role, ytype_name(n));
	for (i = 0; i < n->len; i++) {
		const struct ynode *item = n->kids[i];

		if (item->type != Y_SCALAR || yis_null(item))
			return FAIL(item, "an attribute of role '%s' must be "
			    "a name, not %s", role, ytype_name(item));
		err_quote(q, sizeof q, item->str, item->len);
		a = strlen(item->str) == item->len ? attr_find(item->str) : -1;
		if (a < 0 && (guess = nearest(item->str, attr_names,
		    THEME_ATTR_COUNT)) != NULL)
			return FAIL(item, "unknown attribute '%s' in role "
			    "'%s' (did you mean '%s'?)", q, role, guess);
		if (a < 0)
			return FAIL(item, "unknown attribute '%s' in role "
			    "'%s' (expected %s)", q, role, join(list,
			    sizeof list, attr_names, THEME_ATTR_COUNT));
		if (*out & (1u << a))
			return FAIL(item, "attribute '%s' is given twice in "
			    "role '%s'", q, role);
		*out |= 1u << a;
	}
	return 0;
}

static int
load_role(struct loader *L, const struct ynode *k, const struct ynode *v)
{
	static const char *const keys[] = { "fg", "bg", "attrs", NULL };
	char q[128], list[640], what[128];
	const struct ynode *n;
	const char *guess;
	struct spec *s;
	int r;

	err_quote(q, sizeof q, k->str, k->len);
	r = strlen(k->str) == k->len ? theme_role_find(k->str) : -1;
	if (r < 0 && (guess = nearest(k->str, role_names,
	    ROLE_COUNT)) != NULL)
		return FAIL(k, "unknown role '%s' (did you mean '%s'?)", q,
		    guess);
	if (r < 0)
		return FAIL(k, "unknown role '%s' (the roles are: %s)", q,
		    join(list, sizeof list, role_names, ROLE_COUNT));
	snprintf(what, sizeof what, "role '%s'", role_names[r]);
	if (yexpect(&L->doc, v, Y_MAP, what, L->e) != 0 ||
	    ymap_check(&L->doc, v, what, keys, NULL, L->e) != 0)
		return -1;
	s = &L->spec[r];
	if (s->given)
		return FAIL(k, "role '%s' is given twice (as '%s' and by its "
		    "other name; 'chart_serverless', 'chart_kubernetes' and "
		    "'chart_hybrid' are the 0.1.0 names of 'chart_1' to "
		    "'chart_3')", role_names[r], q);
	s->given = 1;
	if ((n = ymap_get(v, "fg")) != NULL) {
		if (load_colour(L, n, "fg", role_names[r], &s->fg) != 0)
			return -1;
		s->has_fg = 1;
	}
	if ((n = ymap_get(v, "bg")) != NULL) {
		if (load_colour(L, n, "bg", role_names[r], &s->bg) != 0)
			return -1;
		s->has_bg = 1;
	}
	if ((n = ymap_get(v, "attrs")) != NULL &&
	    load_attrs(L, n, role_names[r], &s->attrs) != 0)
		return -1;
	return 0;
}

/* Check the document and gather what it gives, before anything it
 * inherits is read: a file's own mistakes are reported first. */
static int
load_doc(struct loader *L)
{
	static const char *const keys[] = { "name", "description",
	    "inherits", "roles", NULL };
	static const char *const req[] = { "name", "roles", NULL };
	const struct ynode *root = L->doc.root, *n;
	size_t i;

	if (root == NULL)
		return FAIL(NULL, "empty file: a theme is a mapping with "
		    "'name' and 'roles'");
	if (yexpect(&L->doc, root, Y_MAP, "a theme file", L->e) != 0 ||
	    ymap_check(&L->doc, root, "a theme file", keys, req, L->e) != 0 ||
	    load_name(L, ymap_get(root, "name"), "theme name", &L->name) != 0)
		return -1;
	L->description = "";
	if ((n = ymap_get(root, "description")) != NULL &&
	    yscalar_text(&L->doc, n, "theme description", THEME_DESC_MAX, 0,
	    0, &L->description, L->e) != 0)
		return -1;
	if ((n = ymap_get(root, "inherits")) != NULL) {
		L->inherits_node = n;
		if (load_name(L, n, "'inherits'", &L->inherits) != 0)
			return -1;
	}
	n = ymap_get(root, "roles");
	if (yexpect(&L->doc, n, Y_MAP, "'roles'", L->e) != 0)
		return -1;
	for (i = 0; i < n->len; i++)
		if (load_role(L, n->kids[2 * i], n->kids[2 * i + 1]) != 0)
			return -1;
	return 0;
}

/* Load what L inherits into OUT. */
static int
load_parent(struct loader *L, struct chain *c, struct spec *out)
{
	char path[4096], trail[256];
	const struct link *self = &c->link[c->n - 1];
	struct link parent;
	size_t o;
	char *buf;
	size_t len;
	int i, j, rc;

	rc = find_named(L->inherits, c->datadir, self, path, sizeof path, L->e);
	if (rc < 0)
		return -1;
	if (rc == 1 && find_named(L->inherits, c->datadir, NULL, path,
	    sizeof path, L->e) == 0)
		return FAIL(L->inherits_node, "a theme cannot inherit itself "
		    "('%s' has no other file to inherit)", L->inherits);
	if (rc == 1) {
		char list[512];

		return FAIL(L->inherits_node, "unknown theme '%s' in "
		    "'inherits' (available: %s)", L->inherits,
		    theme_available(c->datadir, list, sizeof list));
	}
	link_init(&parent, path);
	for (i = 0; i < c->n; i++)
		if (link_same(&parent, &c->link[i]))
			break;
	if (i < c->n) {
		o = 0;
		for (j = 0; j < c->n && o < sizeof trail; j++)
			o += (size_t)snprintf(trail + o, sizeof trail - o,
			    "%s -> ", c->link[j].name);
		return FAIL(L->inherits_node, "'inherits' makes a loop: "
		    "%s%s", trail, L->inherits);
	}
	if (c->n == THEME_INHERIT_MAX)
		return FAIL(L->inherits_node, "too many levels of 'inherits' "
		    "(the limit is %d)", THEME_INHERIT_MAX);
	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, L->e) != 0)
		rc = -1;
	else {
		rc = load_file(c, NULL, path, buf, len, out, L->e);
		free(buf);
	}
	if (rc != 0 && strstr(L->e->msg, " (inherited by ") == NULL) {
		/* Say why this file was read at all (once: a loop message
		 * already shows the whole chain). */
		o = strlen(L->e->msg);
		snprintf(L->e->msg + o, sizeof L->e->msg - o,
		    " (inherited by %s)", L->doc.name);
	}
	return rc;
}

/* Load the theme in BUF (the file at PATH, the last link of C) into OUT:
 * what it inherits, then its own roles over those.  T, when not NULL,
 * gets its name, description and `inherits`. */
static int
load_file(struct chain *c, struct theme *t, const char *path,
    const char *buf, size_t len, struct spec *out, struct err *e)
{
	struct loader L;
	struct arena *arena = arena_new();
	int r, rc = -1;

	if (arena == NULL) {
		err_set(e, "out of memory");
		return -1;
	}
	memset(&L, 0, sizeof L);
	L.e = e;
	if (ydoc_parse(&L.doc, arena, path, buf, len, e) != 0 ||
	    load_doc(&L) != 0)
		goto out;
	link_init(&c->link[c->n], path);
	snprintf(c->link[c->n].name, sizeof c->link[c->n].name, "%s", L.name);
	c->n++;
	memset(out, 0, ROLE_COUNT * sizeof *out);
	if (L.inherits != NULL && load_parent(&L, c, out) != 0)
		goto out;
	for (r = 0; r < ROLE_COUNT; r++)
		if (L.spec[r].given)
			out[r] = L.spec[r];
	if (t != NULL) {
		snprintf(t->name, sizeof t->name, "%s", L.name);
		snprintf(t->description, sizeof t->description, "%s",
		    L.description);
		snprintf(t->inherits, sizeof t->inherits, "%s",
		    L.inherits != NULL ? L.inherits : "");
	}
	rc = 0;
out:
	arena_free(arena);
	return rc;
}

/* Fill T's styles from the merged SPEC: see struct theme. */
static void
resolve(struct theme *t, const struct spec *spec)
{
	const struct spec *normal = &spec[ROLE_NORMAL];
	int fg = normal->given && normal->has_fg ? normal->fg : THEME_DEFAULT;
	int bg = normal->given && normal->has_bg ? normal->bg : THEME_DEFAULT;
	int r;

	for (r = 0; r < ROLE_COUNT; r++) {
		const struct spec *s = &spec[r];

		t->given[r] = s->given;
		t->style[r].fg = s->given && s->has_fg ? s->fg : fg;
		t->style[r].bg = s->given && s->has_bg ? s->bg : bg;
		t->style[r].attrs = s->given ? s->attrs : 0;
	}
}

int
theme_load_buffer(struct theme *t, const char *path, const char *buf,
    size_t len, const char *datadir, struct err *e)
{
	const struct ydoc_builtin *bi = ydoc_builtin_find(buf, len);
	const struct theme_builtin *tb;
	struct spec spec[ROLE_COUNT];
	struct chain c;
	struct theme loaded;

	/* A shipped theme as it was built: compiled (it inherits none,
	 * so it is the same wherever it runs). */
	for (tb = theme_builtins; bi != NULL && tb->name != NULL; tb++)
		if (strcmp(tb->name, bi->name) == 0) {
			*t = *tb->theme;
			return 0;
		}
	memset(&c, 0, sizeof c);
	c.datadir = datadir;
	memset(&loaded, 0, sizeof loaded);
	if (load_file(&c, &loaded, path, buf, len, spec, e) != 0)
		return -1;
	resolve(&loaded, spec);
	*t = loaded;
	return 0;
}

int
theme_load(struct theme *t, const char *path, const char *datadir,
    struct err *e)
{
	char *buf;
	size_t len;
	int rc;

	if (ydoc_read_file(path, YDOC_MAX_BYTES, &buf, &len, e) != 0)
		return -1;
	rc = theme_load_buffer(t, path, buf, len, datadir, e);
	free(buf);
	return rc;
}
