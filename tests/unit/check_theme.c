/* check_theme.c - themes: the roles, the shipped themes, colours and their
 * reduction, finding themes by name, inheritance, and every mistake a
 * theme file can hold. */
#define _XOPEN_SOURCE 700	/* nftw */
#include "config.h"

#include "check.h"
#include "theme.h"
#include "ydoc.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testdir.h"

static const char *const shipped[] = { "default", "light", "mono",
    "high-contrast" };
#define NSHIPPED ((int)(sizeof shipped / sizeof shipped[0]))

/* ---- Fixture: a temporary home with an empty user theme directory ---- */

/* Made by main() and removed by it after every test has run, failed or
 * not (a failed check ends the test's process without its teardown). */
static char base[256];
static char tmp[512];		/* this test's directory, inside BASE */
static char userdir[640];	/* $XDG_CONFIG_HOME/tradeoff/themes */

static const char *
datadir(void)
{
	const char *d = getenv("TRADEOFF_DATADIR");

	return d != NULL && d[0] != '\0' ? d : TRADEOFF_SRCDIR;
}



static void
mkdirs(const char *path)
{
	char buf[1024];
	char *p;

	snprintf(buf, sizeof buf, "%s", path);
	for (p = buf + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0700);
			*p = '/';
		}
	ck_assert_msg(mkdir(buf, 0700) == 0 || errno == EEXIST,
	    "mkdir %s: %s", buf, strerror(errno));
}

static void
setup(void)
{
	char config[600];

	snprintf(tmp, sizeof tmp, "%s/test-XXXXXX", base);
	ck_assert_msg(mkdtemp(tmp) != NULL, "mkdtemp %s: %s", tmp,
	    strerror(errno));
	snprintf(config, sizeof config, "%s/config", tmp);
	snprintf(userdir, sizeof userdir, "%s/config/tradeoff/themes", tmp);
	mkdirs(userdir);
	/* The developer's own themes must not change the results. */
	setenv("XDG_CONFIG_HOME", config, 1);
	setenv("HOME", tmp, 1);
}

static void
teardown(void)
{
	tu_rm_tree(tmp);
}

/* Write TEXT to DIR/NAME; the path in PATH (may be NULL). */
static void
write_file(const char *dir, const char *name, const char *text, char *path,
    size_t size)
{
	char buf[1024];
	FILE *f;

	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	f = fopen(buf, "w");
	ck_assert_msg(f != NULL, "cannot write %s", buf);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	if (path != NULL)
		snprintf(path, size, "%s", buf);
}

static struct theme
load_text(const char *text)
{
	struct theme t;
	struct err e;

	if (theme_load_buffer(&t, "t.yaml", text, strlen(text), datadir(),
	    &e) != 0)
		ck_abort_msg("theme did not load: %s", e.msg);
	return t;
}

static struct theme
lookup(const char *spec)
{
	struct theme t;
	struct err e;

	if (theme_lookup(&t, spec, datadir(), &e) != 0)
		ck_abort_msg("theme '%s' did not load: %s", spec, e.msg);
	return t;
}

/* ---- Roles ---- */

START_TEST(test_roles)
{
	int r, s;

	ck_assert_int_eq(ROLE_COUNT, 33);
	for (r = 0; r < ROLE_COUNT; r++) {
		const char *name = theme_role_name(r);

		ck_assert_int_eq(theme_role_find(name), r);
		ck_assert_msg(strlen(theme_role_help(r)) > 3, "role %s has no "
		    "description", name);
		for (s = 0; name[s] != '\0'; s++)
			ck_assert_msg((name[s] >= 'a' && name[s] <= 'z') ||
			    (s > 0 && name[s] >= '0' && name[s] <= '9') ||
			    name[s] == '_', "role name '%s'", name);
	}
	ck_assert_str_eq(theme_role_name(ROLE_NORMAL), "normal");
	ck_assert_str_eq(theme_role_name(ROLE_PANEL_CURRENT), "panel_current");
	ck_assert_str_eq(theme_role_name(ROLE_CHART_3), "chart_3");
	ck_assert_int_eq(ROLE_CHART_5 - ROLE_CHART_1 + 1, THEME_CHART_ROLES);
	/* The 0.1.0 names are aliases of the first three chart roles. */
	ck_assert_int_eq(theme_role_find("chart_serverless"), ROLE_CHART_1);
	ck_assert_int_eq(theme_role_find("chart_kubernetes"), ROLE_CHART_2);
	ck_assert_int_eq(theme_role_find("chart_hybrid"), ROLE_CHART_3);
	ck_assert_int_eq(theme_role_find("chart_6"), -1);
	ck_assert_int_eq(theme_role_find("nope"), -1);
	ck_assert_int_eq(theme_role_find("NORMAL"), -1);
	ck_assert_str_eq(theme_attr_name(THEME_ATTR_INDEX_STANDOUT),
	    "standout");
	ck_assert_int_eq(THEME_ATTR_REVERSE, 1 << THEME_ATTR_INDEX_REVERSE);
}
END_TEST

/* themes/README.md documents every role. */
/* A theme written for 0.1.0 names the chart roles after the shipped
 * options; it loads, its colours on chart_1 to chart_3. */
START_TEST(test_chart_role_aliases)
{
	struct theme t = load_text("name: old\nroles:\n"
	    "  chart_serverless: {fg: yellow}\n"
	    "  chart_kubernetes: {fg: blue, attrs: [bold]}\n"
	    "  chart_hybrid: {fg: magenta}\n"
	    "  chart_4: {fg: green}\n");
	struct err e;
	static const char both[] = "name: x\nroles:\n  chart_1: {fg: red}\n"
	    "  chart_serverless: {fg: blue}\n";

	ck_assert(t.given[ROLE_CHART_1] && t.given[ROLE_CHART_2] &&
	    t.given[ROLE_CHART_3] && t.given[ROLE_CHART_4]);
	ck_assert(!t.given[ROLE_CHART_5]);
	ck_assert_int_eq(t.style[ROLE_CHART_1].fg, THEME_YELLOW);
	ck_assert_int_eq(t.style[ROLE_CHART_2].fg, THEME_BLUE);
	ck_assert_uint_eq(t.style[ROLE_CHART_2].attrs, THEME_ATTR_BOLD);
	ck_assert_int_eq(t.style[ROLE_CHART_3].fg, THEME_MAGENTA);
	ck_assert_int_eq(t.style[ROLE_CHART_4].fg, THEME_GREEN);
	/* One role under both of its names is a mistake. */
	ck_assert_int_eq(theme_load_buffer(&t, "t.yaml", both, sizeof both - 1,
	    datadir(), &e), -1);
	ck_assert_msg(strncmp(e.msg, "t.yaml:4:3: role 'chart_1' is given "
	    "twice (as 'chart_serverless' and by its other name", 59) == 0,
	    "%s", e.msg);
}
END_TEST

START_TEST(test_roles_documented)
{
	char path[1024], *buf, row[128];
	size_t len;
	struct err e;
	int r;

	snprintf(path, sizeof path, "%s/themes/README.md", datadir());
	ck_assert_msg(ydoc_read_file(path, 1 << 20, &buf, &len, &e) == 0,
	    "%s", e.msg);
	for (r = 0; r < ROLE_COUNT; r++) {
		snprintf(row, sizeof row, "| `%s` | %s |", theme_role_name(r),
		    theme_role_help(r));
		ck_assert_msg(strstr(buf, row) != NULL, "README.md has no "
		    "row \"%s\"", row);
	}
	free(buf);
}
END_TEST

/* ---- The shipped themes ---- */

START_TEST(test_shipped_load)
{
	const char *name = shipped[_i];
	struct theme t = lookup(name);
	int r;

	ck_assert_str_eq(t.name, name);
	ck_assert_msg(t.description[0] != '\0', "%s has no description", name);
	ck_assert_str_eq(t.inherits, "");
	for (r = 0; r < ROLE_COUNT; r++) {
		ck_assert_msg(t.given[r], "theme %s does not give role %s",
		    name, theme_role_name(r));
		ck_assert_int_ge(t.style[r].fg, -1);
		ck_assert_int_le(t.style[r].fg, 255);
		ck_assert_int_ge(t.style[r].bg, -1);
		ck_assert_int_le(t.style[r].bg, 255);
	}
	/* The things that must stand out differ from plain text. */
	ck_assert(memcmp(&t.style[ROLE_CURSOR], &t.style[ROLE_NORMAL],
	    sizeof t.style[0]) != 0);
	ck_assert(memcmp(&t.style[ROLE_ANSWER_CHOSEN], &t.style[ROLE_ANSWER],
	    sizeof t.style[0]) != 0);
	ck_assert(memcmp(&t.style[ROLE_BAR], &t.style[ROLE_BAR_TRACK],
	    sizeof t.style[0]) != 0);
	ck_assert(memcmp(&t.style[ROLE_BAR_BEST], &t.style[ROLE_BAR],
	    sizeof t.style[0]) != 0);
	ck_assert(memcmp(&t.style[ROLE_PANEL_CURRENT], &t.style[ROLE_PANEL],
	    sizeof t.style[0]) != 0);
}
END_TEST

/* On 8, 16 and 256 colours no role of a shipped theme has text in its
 * own background colour, and text on the terminal's background avoids
 * the colours that vanish on it. */
START_TEST(test_shipped_readable)
{
	static const int ncolours[] = { 8, 16, 256 };
	const char *name = shipped[_i];
	struct theme t = lookup(name);
	size_t i;
	int r;

	for (i = 0; i < sizeof ncolours / sizeof ncolours[0]; i++)
		for (r = 0; r < ROLE_COUNT; r++) {
			struct theme_style s = theme_style_for(&t, r,
			    ncolours[i]);

			ck_assert_msg(s.fg == THEME_DEFAULT || s.fg != s.bg,
			    "%s: role %s is colour %d on %d at %d colours",
			    name, theme_role_name(r), s.fg, s.bg,
			    ncolours[i]);
			if (s.bg != THEME_DEFAULT || ncolours[i] == 256)
				continue;
			if (strcmp(name, "default") == 0)
				ck_assert_msg(s.fg != THEME_BLACK, "default: "
				    "role %s is black on a dark terminal at "
				    "%d colours", theme_role_name(r),
				    ncolours[i]);
			if (strcmp(name, "light") == 0)
				ck_assert_msg(s.fg % 8 != THEME_WHITE &&
				    s.fg % 8 != THEME_YELLOW, "light: role %s "
				    "is colour %d on a light terminal at %d "
				    "colours", theme_role_name(r), s.fg,
				    ncolours[i]);
		}
}
END_TEST

START_TEST(test_shipped_colours)
{
	{
		struct theme t = lookup("mono");

		ck_assert_int_eq(theme_colours_used(&t), 0);
	}
	{
		struct theme t = lookup("high-contrast");

		ck_assert_int_eq(theme_colours_used(&t), 256);
		ck_assert_int_eq(t.style[ROLE_NORMAL].bg, THEME_BLACK);
		/* Black text where bold would turn black grey. */
		ck_assert_int_eq(t.style[ROLE_TITLE].fg, 16);
		ck_assert(t.style[ROLE_CURSOR].attrs & THEME_ATTR_REVERSE);
	}
	{
		struct theme t = lookup("default");

		ck_assert_int_eq(t.style[ROLE_NORMAL].fg, THEME_WHITE);
		ck_assert_int_eq(t.style[ROLE_NORMAL].bg, THEME_BLACK);
		ck_assert_int_eq(t.style[ROLE_TITLE].fg,
		    THEME_BRIGHT + THEME_WHITE);
		ck_assert_int_eq(t.style[ROLE_TITLE].bg, THEME_BLUE);
		ck_assert_uint_eq(t.style[ROLE_TITLE].attrs, THEME_ATTR_BOLD);
		ck_assert_int_eq(t.style[ROLE_DIM].fg, 244);
	}
}
END_TEST

START_TEST(test_mono)
{
	struct theme builtin, file = lookup("mono");
	int r;

	theme_mono(&builtin);
	ck_assert_int_eq(theme_colours_used(&builtin), 0);
	ck_assert_str_eq(builtin.name, file.name);
	ck_assert_str_eq(builtin.description, file.description);
	for (r = 0; r < ROLE_COUNT; r++) {
		ck_assert_int_eq(builtin.style[r].fg, THEME_DEFAULT);
		ck_assert_int_eq(builtin.style[r].bg, THEME_DEFAULT);
		ck_assert_int_eq(file.style[r].fg, THEME_DEFAULT);
		ck_assert_int_eq(file.style[r].bg, THEME_DEFAULT);
		ck_assert_msg(builtin.style[r].attrs == file.style[r].attrs,
		    "mono role %s: built in %#x, themes/mono.yaml %#x",
		    theme_role_name(r), builtin.style[r].attrs,
		    file.style[r].attrs);
		ck_assert_int_eq(builtin.given[r], file.given[r]);
	}
	ck_assert(builtin.style[ROLE_CURSOR].attrs & THEME_ATTR_REVERSE);
	ck_assert_uint_ne(builtin.style[ROLE_BAR].attrs,
	    builtin.style[ROLE_BAR_TRACK].attrs);
	/* Whatever the terminal, mono draws no colour. */
	for (r = 0; r < ROLE_COUNT; r++) {
		struct theme_style s = theme_style_for(&builtin, r, 256);

		ck_assert_int_eq(s.fg, THEME_DEFAULT);
		ck_assert_int_eq(s.bg, THEME_DEFAULT);
	}
}
END_TEST

/* ---- Roles not given, and fg/bg not given ---- */

START_TEST(test_fallback)
{
	struct theme t = load_text("name: x\nroles:\n"
	    "  normal: {fg: red, bg: blue}\n"
	    "  title: {attrs: [bold, underline]}\n"
	    "  bar: {fg: green}\n"
	    "  bar_best: {bg: default}\n");

	ck_assert(!t.given[ROLE_PANEL]);
	ck_assert(t.given[ROLE_TITLE]);
	ck_assert_int_eq(t.style[ROLE_PANEL].fg, THEME_RED);
	ck_assert_int_eq(t.style[ROLE_PANEL].bg, THEME_BLUE);
	ck_assert_uint_eq(t.style[ROLE_PANEL].attrs, 0);
	ck_assert_int_eq(t.style[ROLE_TITLE].fg, THEME_RED);
	ck_assert_int_eq(t.style[ROLE_TITLE].bg, THEME_BLUE);
	ck_assert_uint_eq(t.style[ROLE_TITLE].attrs,
	    THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE);
	ck_assert_int_eq(t.style[ROLE_BAR].fg, THEME_GREEN);
	ck_assert_int_eq(t.style[ROLE_BAR].bg, THEME_BLUE);
	ck_assert_int_eq(t.style[ROLE_BAR_BEST].fg, THEME_RED);
	ck_assert_int_eq(t.style[ROLE_BAR_BEST].bg, THEME_DEFAULT);
	ck_assert_str_eq(t.description, "");

	/* Without normal, everything is the terminal's own. */
	t = load_text("name: y\ndescription: plain\nroles: {title: {fg: 9}}\n");
	ck_assert_str_eq(t.description, "plain");
	ck_assert_int_eq(t.style[ROLE_NORMAL].fg, THEME_DEFAULT);
	ck_assert_int_eq(t.style[ROLE_NORMAL].bg, THEME_DEFAULT);
	ck_assert_int_eq(t.style[ROLE_HINT].fg, THEME_DEFAULT);
	ck_assert_int_eq(t.style[ROLE_TITLE].fg, 9);
	ck_assert_int_eq(t.style[ROLE_TITLE].bg, THEME_DEFAULT);

	t = load_text("name: z\nroles: {}\n");
	ck_assert_int_eq(theme_colours_used(&t), 0);
}
END_TEST

/* ---- Colours ---- */

static const struct {
	const char *text;
	int colour;		/* -2: not a colour */
} colours[] = {
	{ "default", -1 }, { "black", 0 }, { "red", 1 }, { "green", 2 },
	{ "yellow", 3 }, { "blue", 4 }, { "magenta", 5 }, { "cyan", 6 },
	{ "white", 7 }, { "bright-black", 8 }, { "bright-red", 9 },
	{ "bright-cyan", 14 }, { "bright-white", 15 }, { "0", 0 },
	{ "7", 7 }, { "16", 16 }, { "016", 16 }, { "255", 255 },
	{ "256", -2 }, { "-1", -2 }, { "1000", -2 }, { "", -2 },
	{ "Red", -2 }, { "RED", -2 }, { "bright-", -2 }, { "brightred", -2 },
	{ "bright_red", -2 }, { "bright-bright-red", -2 }, { " 1", -2 },
	{ "1 ", -2 }, { "0x10", -2 }, { "+1", -2 }, { "grey", -2 },
	{ "bright-default", -2 },
};

START_TEST(test_colour_parse)
{
	int c = 12345, rc = theme_colour_parse(colours[_i].text, &c);

	if (colours[_i].colour == -2) {
		ck_assert_msg(rc == -1, "'%s' parsed as %d", colours[_i].text,
		    c);
	} else {
		ck_assert_msg(rc == 0, "'%s' did not parse", colours[_i].text);
		ck_assert_int_eq(c, colours[_i].colour);
	}
}
END_TEST

static const struct {
	int colour, ncolours, want;
} reductions[] = {
	/* 256 colours or more: as written. */
	{ 244, 256, 244 }, { 17, 256, 17 }, { 3, 256, 3 },
	{ 200, 1 << 24, 200 },
	/* 16 colours: the cube keeps its hue, bright at full strength. */
	{ 196, 16, 9 }, { 160, 16, 1 }, { 88, 16, 1 }, { 46, 16, 10 },
	{ 28, 16, 2 }, { 21, 16, 12 }, { 17, 16, 4 }, { 18, 16, 4 },
	{ 226, 16, 11 }, { 201, 16, 13 }, { 51, 16, 14 }, { 208, 16, 9 },
	{ 214, 16, 11 }, { 117, 16, 14 },
	/* ... greys by lightness, including cube colours without a hue. */
	{ 16, 16, 0 }, { 232, 16, 0 }, { 236, 16, 8 }, { 240, 16, 8 },
	{ 243, 16, 8 }, { 244, 16, 7 }, { 250, 16, 7 }, { 254, 16, 15 },
	{ 255, 16, 15 }, { 231, 16, 15 }, { 59, 16, 8 }, { 145, 16, 7 },
	{ 189, 16, 15 },
	/* ... and the first 16 stay. */
	{ 0, 16, 0 }, { 9, 16, 9 }, { 15, 16, 15 },
	/* 88-colour terminals are treated as 16. */
	{ 196, 88, 9 },
	/* 8 colours: then bright becomes basic. */
	{ 9, 8, 1 }, { 15, 8, 7 }, { 8, 8, 0 }, { 196, 8, 1 }, { 17, 8, 4 },
	{ 244, 8, 7 }, { 240, 8, 0 }, { 255, 8, 7 }, { 5, 8, 5 },
	/* No colours. */
	{ 1, 2, -1 }, { 200, 0, -1 }, { 7, 1, -1 },
	/* The terminal's own colour stays so everywhere. */
	{ -1, 256, -1 }, { -1, 16, -1 }, { -1, 8, -1 }, { -1, 0, -1 },
};

START_TEST(test_colour_reduce)
{
	ck_assert_msg(theme_colour_reduce(reductions[_i].colour,
	    reductions[_i].ncolours) == reductions[_i].want,
	    "colour %d on %d colours: got %d, want %d", reductions[_i].colour,
	    reductions[_i].ncolours, theme_colour_reduce(reductions[_i].colour,
	    reductions[_i].ncolours), reductions[_i].want);
}
END_TEST

START_TEST(test_colour_reduce_all)
{
	int c;

	for (c = 0; c < 256; c++) {
		int c16 = theme_colour_reduce(c, 16);
		int c8 = theme_colour_reduce(c, 8);

		ck_assert_int_eq(theme_colour_reduce(c, 256), c);
		ck_assert_msg(c16 >= 0 && c16 < 16, "%d -> %d", c, c16);
		ck_assert_int_eq(c8, c16 % 8);
		if (c < 16)
			ck_assert_int_eq(c16, c);
	}
	/* Each pure hue of the cube keeps its hue at every strength. */
	for (c = 1; c <= 5; c++) {
		ck_assert_int_eq(theme_colour_reduce(16 + 36 * c, 8),
		    THEME_RED);
		ck_assert_int_eq(theme_colour_reduce(16 + 6 * c, 8),
		    THEME_GREEN);
		ck_assert_int_eq(theme_colour_reduce(16 + c, 8), THEME_BLUE);
		ck_assert_int_eq(theme_colour_reduce(16 + 42 * c, 8),
		    THEME_YELLOW);
		ck_assert_int_eq(theme_colour_reduce(16 + 7 * c, 8),
		    THEME_CYAN);
		ck_assert_int_eq(theme_colour_reduce(16 + 37 * c, 8),
		    THEME_MAGENTA);
	}
	ck_assert_int_eq(theme_colour_reduce(256, 256), THEME_DEFAULT);
	ck_assert_int_eq(theme_colour_reduce(-5, 16), THEME_DEFAULT);
}
END_TEST

START_TEST(test_style_for)
{
	struct theme t = load_text("name: x\nroles:\n"
	    "  title: {fg: 46, bg: 34, attrs: [bold]}\n"
	    "  bar: {fg: red, bg: red}\n"
	    "  cursor: {fg: 196, bg: 21}\n");
	struct theme_style s;

	/* Different on 16 colours... */
	s = theme_style_for(&t, ROLE_TITLE, 16);
	ck_assert_int_eq(s.fg, 10);
	ck_assert_int_eq(s.bg, 2);
	ck_assert_uint_eq(s.attrs, THEME_ATTR_BOLD);
	/* ... the same on 8: the background gives way. */
	s = theme_style_for(&t, ROLE_TITLE, 8);
	ck_assert_int_eq(s.fg, 2);
	ck_assert_int_eq(s.bg, THEME_DEFAULT);
	/* The same by design stays so. */
	s = theme_style_for(&t, ROLE_BAR, 8);
	ck_assert_int_eq(s.fg, THEME_RED);
	ck_assert_int_eq(s.bg, THEME_RED);
	s = theme_style_for(&t, ROLE_CURSOR, 8);
	ck_assert_int_eq(s.fg, THEME_RED);
	ck_assert_int_eq(s.bg, THEME_BLUE);
	s = theme_style_for(&t, ROLE_CURSOR, 256);
	ck_assert_int_eq(s.fg, 196);
	ck_assert_int_eq(s.bg, 21);
	s = theme_style_for(&t, ROLE_CURSOR, 0);
	ck_assert_int_eq(s.fg, THEME_DEFAULT);
	ck_assert_int_eq(s.bg, THEME_DEFAULT);
	/* A role out of range reads as normal. */
	s = theme_style_for(&t, ROLE_COUNT, 256);
	ck_assert_int_eq(s.fg, THEME_DEFAULT);
}
END_TEST

/* ---- Names and where themes are found ---- */

START_TEST(test_name_valid)
{
	static const char *const good[] = { "default", "high-contrast",
	    "a_b-1", "9", "-", "x" };
	static const char *const bad[] = { "", "Dark", "../x", "..", ".",
	    "a.b", "a b", "a/b", "x.yaml", "caf\xc3\xa9", "tab\t" };
	char name[80];
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(theme_name_valid(good[i]), "'%s'", good[i]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!theme_name_valid(bad[i]), "'%s'", bad[i]);
	memset(name, 'a', sizeof name);
	name[THEME_NAME_MAX] = '\0';
	ck_assert(theme_name_valid(name));
	name[THEME_NAME_MAX] = 'a';
	name[THEME_NAME_MAX + 1] = '\0';
	ck_assert(!theme_name_valid(name));
}
END_TEST

START_TEST(test_find)
{
	char path[1024], want[1024];
	struct err e;

	/* Paths are used as they are. */
	ck_assert_int_eq(theme_find("./x.yaml", datadir(), path, sizeof path,
	    &e), 0);
	ck_assert_str_eq(path, "./x.yaml");
	ck_assert_int_eq(theme_find("a/b", datadir(), path, sizeof path, &e),
	    0);
	ck_assert_str_eq(path, "a/b");
	ck_assert_int_eq(theme_find("Mine.yaml", datadir(), path, sizeof path,
	    &e), 0);
	ck_assert_str_eq(path, "Mine.yaml");
	ck_assert_int_eq(theme_find("x.yml", datadir(), path, sizeof path,
	    &e), 0);
	ck_assert_str_eq(path, "x.yml");

	/* Names are looked up. */
	ck_assert_int_eq(theme_find("light", datadir(), path, sizeof path,
	    &e), 0);
	snprintf(want, sizeof want, "%s/themes/light.yaml", datadir());
	ck_assert_str_eq(path, want);

	ck_assert_int_eq(theme_find("nope", datadir(), path, sizeof path, &e),
	    -1);
	ck_assert_str_eq(e.msg, "unknown theme 'nope' (available: default, "
	    "high-contrast, light, mono)");
	ck_assert_int_eq(e.line, 0);
	ck_assert_int_eq(theme_find("nope", NULL, path, sizeof path, &e), -1);
	ck_assert_str_eq(e.msg, "unknown theme 'nope' (available: none)");

	ck_assert_int_eq(theme_find("..", datadir(), path, sizeof path, &e),
	    -1);
	ck_assert_str_eq(e.msg, "invalid theme name '..': a name is 1-64 "
	    "lowercase letters, digits, '_' or '-' (to use a file, give its "
	    "path, such as ./...yaml)");
	ck_assert_int_eq(theme_find("Dark", datadir(), path, sizeof path, &e),
	    -1);
	ck_assert_str_eq(e.msg, "invalid theme name 'Dark': a name is 1-64 "
	    "lowercase letters, digits, '_' or '-' (to use a file, give its "
	    "path, such as ./Dark.yaml)");
	ck_assert_int_eq(theme_find("x\033[2J", datadir(), path, sizeof path,
	    &e), -1);
	ck_assert_msg(strchr(e.msg, '\033') == NULL, "%s", e.msg);
}
END_TEST

START_TEST(test_user_dir)
{
	char buf[1024], want[1024];

	snprintf(want, sizeof want, "%s/config/tradeoff/themes", tmp);
	ck_assert_str_eq(theme_user_dir(buf, sizeof buf), want);
	/* A relative XDG_CONFIG_HOME is ignored, as the XDG spec says. */
	setenv("XDG_CONFIG_HOME", "relative/config", 1);
	snprintf(want, sizeof want, "%s/.config/tradeoff/themes", tmp);
	ck_assert_str_eq(theme_user_dir(buf, sizeof buf), want);
	unsetenv("XDG_CONFIG_HOME");
	ck_assert_str_eq(theme_user_dir(buf, sizeof buf), want);
	unsetenv("HOME");
	ck_assert_ptr_null(theme_user_dir(buf, sizeof buf));
	setenv("HOME", "/h", 1);
	ck_assert_ptr_null(theme_user_dir(buf, 10));
}
END_TEST

/* The user's directory comes before the shipped themes. */
START_TEST(test_search_order)
{
	char path[1024], want[1024], list[256];
	struct theme t;
	struct err e;

	write_file(userdir, "default.yaml", "name: default\n"
	    "roles: {title: {fg: red}}\n", want, sizeof want);
	write_file(userdir, "mine.yaml", "name: mine\nroles: {}\n", NULL, 0);
	write_file(userdir, "README.md", "not a theme\n", NULL, 0);
	write_file(userdir, "Caps.yaml", "name: x\nroles: {}\n", NULL, 0);
	ck_assert_int_eq(theme_find("default", datadir(), path, sizeof path,
	    &e), 0);
	ck_assert_str_eq(path, want);
	t = lookup("default");
	ck_assert_int_eq(t.style[ROLE_TITLE].fg, THEME_RED);
	ck_assert(!t.given[ROLE_BAR]);
	t = lookup("mine");
	ck_assert_str_eq(t.name, "mine");
	t = lookup("light");
	ck_assert_str_eq(t.name, "light");
	ck_assert_str_eq(theme_available(datadir(), list, sizeof list),
	    "default, high-contrast, light, mine, mono");

	/* Gone from the user's directory: the shipped one again. */
	ck_assert_int_eq(unlink(want), 0);
	ck_assert_int_eq(theme_find("default", datadir(), path, sizeof path,
	    &e), 0);
	snprintf(want, sizeof want, "%s/themes/default.yaml", datadir());
	ck_assert_str_eq(path, want);

	/* Also through $HOME/.config when XDG_CONFIG_HOME is not set. */
	unsetenv("XDG_CONFIG_HOME");
	snprintf(path, sizeof path, "%s/.config/tradeoff/themes", tmp);
	mkdirs(path);
	write_file(path, "home.yaml", "name: home\nroles: {}\n", NULL, 0);
	t = lookup("home");
	ck_assert_str_eq(t.name, "home");
}
END_TEST

START_TEST(test_list)
{
	struct theme_list l = { 0 };
	char dir[1024], list[64];

	write_file(userdir, "zeta.yaml", "", NULL, 0);
	write_file(userdir, "mono.yaml", "", NULL, 0);
	write_file(userdir, ".yaml", "", NULL, 0);
	write_file(userdir, "x.yml", "", NULL, 0);
	write_file(userdir, "Upper.yaml", "", NULL, 0);
	write_file(userdir, "notes.txt", "", NULL, 0);
	ck_assert_int_eq(theme_list_all(&l, datadir()), 0);
	ck_assert_uint_eq(l.n, 5);
	ck_assert_str_eq(l.name[0], "default");
	ck_assert_str_eq(l.name[1], "high-contrast");
	ck_assert_str_eq(l.name[2], "light");
	ck_assert_str_eq(l.name[3], "mono");
	ck_assert_str_eq(l.name[4], "zeta");
	theme_list_free(&l);
	ck_assert_uint_eq(l.n, 0);
	theme_list_free(&l);

	snprintf(dir, sizeof dir, "%s/missing", tmp);
	ck_assert_int_eq(theme_list_dir(&l, dir), 0);
	ck_assert_uint_eq(l.n, 0);

	/* Shortened to fit, never cut in the middle of a name. */
	ck_assert_str_eq(theme_available(datadir(), list, 30),
	    "default, high-contrast, ...");
	ck_assert_str_eq(theme_available(datadir(), list, sizeof list),
	    "default, high-contrast, light, mono, zeta");
}
END_TEST

START_TEST(test_choose)
{
	struct theme t, mono;
	char empty[1024];
	struct err e;

	theme_mono(&mono);
	ck_assert_int_eq(theme_choose(&t, NULL, datadir(), 1, 0, &e), 0);
	ck_assert_str_eq(t.name, "default");
	ck_assert_int_eq(theme_choose(&t, "light", datadir(), 1, 0, &e), 0);
	ck_assert_str_eq(t.name, "light");
	/* A light background picks the light theme; --theme wins. */
	ck_assert_int_eq(theme_choose(&t, NULL, datadir(), 1, 1, &e), 0);
	ck_assert_str_eq(t.name, "light");
	ck_assert_int_eq(theme_choose(&t, "default", datadir(), 1, 1, &e), 0);
	ck_assert_str_eq(t.name, "default");
	ck_assert_int_eq(theme_choose(&t, NULL, datadir(), 0, 1, &e), 0);
	ck_assert_str_eq(t.name, "mono");
	/* No colour: mono, whatever was asked for. */
	ck_assert_int_eq(theme_choose(&t, "light", datadir(), 0, 0, &e), 0);
	ck_assert_str_eq(t.name, "mono");
	ck_assert_int_eq(theme_colours_used(&t), 0);
	ck_assert_int_eq(theme_choose(&t, NULL, datadir(), 0, 0, &e), 0);
	ck_assert_str_eq(t.name, "mono");
	/* ... but a mistake in --theme is still one. */
	ck_assert_int_eq(theme_choose(&t, "nope", datadir(), 0, 0, &e), -1);
	ck_assert_str_eq(e.msg, "unknown theme 'nope' (available: default, "
	    "high-contrast, light, mono)");

	/* No theme files at all: the built-in mono theme. */
	snprintf(empty, sizeof empty, "%s/nodata", tmp);
	ck_assert_int_eq(theme_choose(&t, NULL, empty, 1, 0, &e), 0);
	ck_assert(memcmp(&t, &mono, sizeof t) == 0);
	ck_assert_int_eq(theme_choose(&t, NULL, NULL, 0, 0, &e), 0);
	ck_assert(memcmp(&t, &mono, sizeof t) == 0);
	ck_assert_int_eq(theme_choose(&t, "default", empty, 1, 0, &e), -1);
	ck_assert_str_eq(e.msg, "unknown theme 'default' (available: none)");

	/* A broken theme file is reported, not passed over. */
	write_file(userdir, "default.yaml", "name: default\nroles: [x]\n",
	    NULL, 0);
	ck_assert_int_eq(theme_choose(&t, NULL, datadir(), 1, 0, &e), -1);
	ck_assert_int_eq(e.line, 2);
	ck_assert_int_eq(e.col, 8);
	ck_assert_ptr_nonnull(strstr(e.msg, "'roles' must be a mapping, not a "
	    "list"));
}
END_TEST

/* ---- inherits ---- */

START_TEST(test_inherits)
{
	struct theme t, shipped_default = lookup("default");
	int r;

	write_file(userdir, "ocean.yaml", "name: ocean\ninherits: default\n"
	    "roles:\n  title: {fg: cyan}\n", NULL, 0);
	t = lookup("ocean");
	ck_assert_str_eq(t.name, "ocean");
	ck_assert_str_eq(t.inherits, "default");
	ck_assert_str_eq(t.description, "");
	/* Replaced whole: no background or bold from default's title;
	 * the background is normal's. */
	ck_assert_int_eq(t.style[ROLE_TITLE].fg, THEME_CYAN);
	ck_assert_int_eq(t.style[ROLE_TITLE].bg,
	    shipped_default.style[ROLE_NORMAL].bg);
	ck_assert_uint_eq(t.style[ROLE_TITLE].attrs, 0);
	for (r = 0; r < ROLE_COUNT; r++) {
		ck_assert(t.given[r]);
		if (r != ROLE_TITLE)
			ck_assert(memcmp(&t.style[r], &shipped_default.style[r],
			    sizeof t.style[r]) == 0);
	}

	/* Two levels; a changed normal reaches roles no file gives. */
	write_file(userdir, "deep.yaml", "name: deep\ninherits: sparse\n"
	    "roles:\n  normal: {bg: black}\n", NULL, 0);
	write_file(userdir, "sparse.yaml", "name: sparse\nroles:\n"
	    "  normal: {fg: white}\n  title: {fg: red}\n", NULL, 0);
	t = lookup("deep");
	ck_assert_int_eq(t.style[ROLE_NORMAL].fg, THEME_DEFAULT);
	ck_assert_int_eq(t.style[ROLE_NORMAL].bg, THEME_BLACK);
	ck_assert_int_eq(t.style[ROLE_PANEL].bg, THEME_BLACK);
	ck_assert_int_eq(t.style[ROLE_TITLE].fg, THEME_RED);
	ck_assert_int_eq(t.style[ROLE_TITLE].bg, THEME_BLACK);
	ck_assert(t.given[ROLE_TITLE]);
	ck_assert(!t.given[ROLE_PANEL]);

	/* A user's default may build on the shipped default. */
	write_file(userdir, "default.yaml", "name: default\ninherits: default\n"
	    "roles:\n  cursor: {attrs: [reverse]}\n", NULL, 0);
	t = lookup("default");
	ck_assert_uint_eq(t.style[ROLE_CURSOR].attrs, THEME_ATTR_REVERSE);
	ck_assert_int_eq(t.style[ROLE_CURSOR].bg,
	    shipped_default.style[ROLE_NORMAL].bg);
	ck_assert(memcmp(&t.style[ROLE_BAR], &shipped_default.style[ROLE_BAR],
	    sizeof t.style[0]) == 0);
}
END_TEST

/* Mistakes that involve more than one file: the message names the file
 * the mistake is in, and which file read it. */
START_TEST(test_inherits_bad)
{
	char a[1024], want[4096];
	struct theme t;
	struct err e;
	int i;

	write_file(userdir, "a.yaml", "name: a\ninherits: b\nroles: {}\n", a,
	    sizeof a);
	write_file(userdir, "b.yaml", "name: b\ninherits: a\nroles: {}\n",
	    NULL, 0);
	ck_assert_int_eq(theme_load(&t, a, datadir(), &e), -1);
	snprintf(want, sizeof want, "%s/b.yaml:2:11: 'inherits' makes a loop: "
	    "a -> b -> a (inherited by %s)", userdir, a);
	ck_assert_str_eq(e.msg, want);

	write_file(userdir, "self.yaml", "name: self\ninherits: self\n"
	    "roles: {}\n", a, sizeof a);
	ck_assert_int_eq(theme_load(&t, a, datadir(), &e), -1);
	snprintf(want, sizeof want, "%s:2:11: a theme cannot inherit itself "
	    "('self' has no other file to inherit)", a);
	ck_assert_str_eq(e.msg, want);

	write_file(userdir, "child.yaml", "name: child\ninherits: broken\n"
	    "roles: {}\n", a, sizeof a);
	write_file(userdir, "broken.yaml", "name: broken\nroles:\n"
	    "  title: {fg: 300}\n", NULL, 0);
	ck_assert_int_eq(theme_load(&t, a, datadir(), &e), -1);
	snprintf(want, sizeof want, "%s/broken.yaml:3:15: colour 300 for fg "
	    "of role 'title' is out of range (colour numbers are 0-255) "
	    "(inherited by %s)", userdir, a);
	ck_assert_str_eq(e.msg, want);
	ck_assert_int_eq(e.line, 3);
	ck_assert_int_eq(e.col, 15);

	/* A chain longer than the limit. */
	for (i = 0; i <= THEME_INHERIT_MAX; i++) {
		char name[32], text[128];

		snprintf(name, sizeof name, "c%d.yaml", i);
		snprintf(text, sizeof text, "name: c%d\ninherits: c%d\n"
		    "roles: {}\n", i, i + 1);
		write_file(userdir, name, text, i == 0 ? a : NULL, sizeof a);
	}
	ck_assert_int_eq(theme_load(&t, a, datadir(), &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, ":2:11: too many levels of "
	    "'inherits' (the limit is 8)"));
	ck_assert_ptr_nonnull(strstr(e.msg, "/c7.yaml:2:11:"));
}
END_TEST

/* ---- Every mistake in one file ---- */

#define ROLES_LIST "normal, title, border, panel, panel_current, progress, " \
	"question, answer, answer_chosen, cursor, help, bar_track, bar, " \
	"bar_best, recommended, confidence, blocked, relevant, favoured, " \
	"heading, key, hint, status, error, warning, note, dim, input, " \
	"chart_1, chart_2, chart_3, chart_4, chart_5"
#define COLOURS_HINT "(expected default, black, red, green, yellow, " \
	"blue, magenta, cyan, white, bright-NAME or a number 0-255; greys " \
	"are 232-255)"
#define H "name: x\nroles:\n"	/* the usual start: roles on line 3 */

static const struct {
	const char *text;
	const char *msg;	/* the whole message, or a start ending "..." */
} bad[] = {
	/* The file as a whole. */
	{ "", "t.yaml:1:1: empty file: a theme is a mapping with 'name' and "
	    "'roles'" },
	{ "# only a comment\n", "t.yaml:1:1: empty file: a theme is a "
	    "mapping with 'name' and 'roles'" },
	{ "- name\n", "t.yaml:1:1: a theme file must be a mapping, not a "
	    "list" },
	{ "theme\n", "t.yaml:1:1: a theme file must be a mapping, not a "
	    "scalar" },
	{ "name: x\nroles: {}\ncolours: {}\n", "t.yaml:3:1: unknown key "
	    "'colours' in a theme file (expected: name, description, "
	    "inherits, roles)" },
	{ "roles: {}\n", "t.yaml:1:1: a theme file is missing 'name'" },
	{ "name: x\n", "t.yaml:1:1: a theme file is missing 'roles'" },
	{ "name: x\nname: y\nroles: {}\n", "t.yaml:2:1: duplicate key 'name' "
	    "(first at 1:1)" },
	{ "name: x\nroles: {}\n---\nname: y\n", "t.yaml:3:1: only one YAML "
	    "document is allowed in this file" },
	{ "name: x\nroles: {title: {fg: red}\n", "t.yaml:3:1: invalid "
	    "YAML: ..." },
	{ "name: x\xff\nroles: {}\n", "t.yaml:1:8: not valid text: ..." },
	/* name */
	{ "name: [a]\nroles: {}\n", "t.yaml:1:7: theme name must be text, "
	    "not a list" },
	{ "name:\nroles: {}\n", "t.yaml:1:6: theme name has no value" },
	{ "name: Dark\nroles: {}\n", "t.yaml:1:7: theme name 'Dark' is not "
	    "valid (a name is 1-64 lowercase letters, digits, '_' or '-')" },
	{ "name: ../x\nroles: {}\n", "t.yaml:1:7: theme name '../x' is not "
	    "valid (a name is 1-64 lowercase letters, digits, '_' or '-')" },
	/* description */
	{ "name: x\ndescription: {a: 1}\nroles: {}\n", "t.yaml:2:14: theme "
	    "description must be text, not a mapping" },
	{ "name: x\ndescription: \"a\\nb\"\nroles: {}\n", "t.yaml:2:14: theme "
	    "description contains control characters or line breaks" },
	{ "name: x\ndescription: \"\"\nroles: {}\n", "t.yaml:2:14: theme "
	    "description is empty" },
	/* inherits */
	{ "name: x\ninherits: ../x\nroles: {}\n", "t.yaml:2:11: 'inherits' "
	    "takes a theme name, and '../x' is not one (a name is 1-64 "
	    "lowercase letters, digits, '_' or '-'; not a path)" },
	{ "name: x\ninherits: [default]\nroles: {}\n", "t.yaml:2:11: "
	    "'inherits' must be text, not a list" },
	{ "name: x\ninherits: nope\nroles: {}\n", "t.yaml:2:11: unknown theme "
	    "'nope' in 'inherits' (available: default, high-contrast, light, "
	    "mono)" },
	/* roles */
	{ "name: x\nroles: 3\n", "t.yaml:2:8: 'roles' must be a mapping, not "
	    "a scalar" },
	{ "name: x\nroles:\n", "t.yaml:2:7: 'roles' must be a mapping, not "
	    "an empty value" },
	{ "name: x\nroles: [title]\n", "t.yaml:2:8: 'roles' must be a "
	    "mapping, not a list" },
	{ H "  titel: {fg: red}\n", "t.yaml:3:3: unknown role 'titel' (did "
	    "you mean 'title'?)" },
	{ H "  panelcurrent: {}\n", "t.yaml:3:3: unknown role 'panelcurrent' "
	    "(did you mean 'panel_current'?)" },
	{ H "  foo: {}\n", "t.yaml:3:3: unknown role 'foo' (the roles are: "
	    ROLES_LIST ")" },
	{ H "  title: {}\n  bar: {}\n  title: {}\n", "t.yaml:5:3: duplicate "
	    "key 'title' (first at 3:3)" },
	{ H "  title: red\n", "t.yaml:3:10: role 'title' must be a mapping, "
	    "not a scalar" },
	{ H "  title:\n", "t.yaml:3:9: role 'title' must be a mapping, not an "
	    "empty value" },
	{ H "  title: {fgg: red}\n", "t.yaml:3:11: unknown key 'fgg' in role "
	    "'title' (expected: fg, bg, attrs)" },
	/* colours */
	{ H "  title: {fg: [red]}\n", "t.yaml:3:15: fg of role 'title' must "
	    "be a colour, not a list" },
	{ H "  title: {fg: ~}\n", "t.yaml:3:15: fg of role 'title' must be a "
	    "colour, not an empty value" },
	{ H "  title: {bg: }\n", "t.yaml:3:15: bg of role 'title' must be a "
	    "colour, not an empty value" },
	{ H "  title: {fg: purple}\n", "t.yaml:3:15: unknown colour 'purple' "
	    "for fg of role 'title' " COLOURS_HINT },
	{ H "  title: {fg: Red}\n", "t.yaml:3:15: unknown colour 'Red' for fg "
	    "of role 'title' (did you mean 'red'?)" },
	{ H "  bar: {bg: bright_red}\n", "t.yaml:3:13: unknown colour "
	    "'bright_red' for bg of role 'bar' (did you mean 'bright-red'?)" },
	{ H "  bar: {bg: 256}\n", "t.yaml:3:13: colour 256 for bg of role "
	    "'bar' is out of range (colour numbers are 0-255)" },
	{ H "  bar: {fg: -1}\n", "t.yaml:3:13: unknown colour '-1' for fg of "
	    "role 'bar' " COLOURS_HINT },
	{ H "  bar: {fg: '#ff0000'}\n", "t.yaml:3:13: unknown colour "
	    "'#ff0000' for fg of role 'bar' " COLOURS_HINT },
	/* attributes */
	{ H "  title: {attrs: bold}\n", "t.yaml:3:18: attrs of role 'title' "
	    "must be a list, not a scalar (write attrs: [bold])" },
	{ H "  title: {attrs: [bolt]}\n", "t.yaml:3:19: unknown attribute "
	    "'bolt' in role 'title' (did you mean 'bold'?)" },
	{ H "  title: {attrs: [bold, blink]}\n", "t.yaml:3:25: unknown "
	    "attribute 'blink' in role 'title' (expected bold, dim, "
	    "underline, reverse, italic, standout)" },
	{ H "  title: {attrs: [bold, reverse, bold]}\n", "t.yaml:3:34: "
	    "attribute 'bold' is given twice in role 'title'" },
	{ H "  title: {attrs: [{bold: 1}]}\n", "t.yaml:3:19: an attribute of "
	    "role 'title' must be a name, not a mapping" },
	{ H "  title: {attrs: [~]}\n", "t.yaml:3:19: an attribute of role "
	    "'title' must be a name, not an empty value" },
	/* What a data file has no use for. */
	{ H "  title: &t {fg: red}\n  bar: *t\n", "t.yaml:3:10: anchors and "
	    "aliases are not allowed in this file" },
	{ H "  bar: *t\n", "t.yaml:3:8: anchors and aliases are not allowed "
	    "in this file" },
	{ "name: !!str x\nroles: {}\n", "t.yaml:1:7: YAML tags ('!...') are "
	    "not allowed in this file" },
};

START_TEST(test_bad)
{
	const char *text = bad[_i].text, *want = bad[_i].msg;
	size_t n = strlen(want);
	struct theme t;
	struct err e;

	memset(&e, 0, sizeof e);
	ck_assert_msg(theme_load_buffer(&t, "t.yaml", text, strlen(text),
	    datadir(), &e) == -1, "accepted: %s", text);
	if (n > 3 && strcmp(want + n - 3, "...") == 0)
		ck_assert_msg(strncmp(e.msg, want, n - 3) == 0,
		    "\n got: %s\nwant: %s", e.msg, want);
	else
		ck_assert_msg(strcmp(e.msg, want) == 0, "\n got: %s\nwant: %s",
		    e.msg, want);
	/* The position is kept apart as well, for the front end. */
	ck_assert_str_eq(e.file, "t.yaml");
	ck_assert_int_gt(e.line, 0);
	ck_assert_int_gt(e.col, 0);
}
END_TEST

START_TEST(test_bad_file)
{
	char path[1024];
	struct theme t;
	struct err e;

	snprintf(path, sizeof path, "%s/none.yaml", tmp);
	ck_assert_int_eq(theme_load(&t, path, datadir(), &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot open: No such file"));
	ck_assert_int_eq(theme_load(&t, tmp, datadir(), &e), -1);
	ck_assert_ptr_nonnull(strstr(e.msg, "is a directory"));
	/* A failed load leaves the theme as it was. */
	theme_mono(&t);
	ck_assert_int_eq(theme_load_buffer(&t, "t.yaml", "name: x\nroles: 1\n",
	    17, NULL, &e), -1);
	ck_assert_str_eq(t.name, "mono");
}
END_TEST

/* ---- tradeoff check ---- */

START_TEST(test_check)
{
	char path[1024], summary[512];
	enum check_kind kind;
	struct err e;

	snprintf(path, sizeof path, "%s/themes/default.yaml", datadir());
	ck_assert_int_eq(check_file(path, NULL, datadir(), &kind, summary,
	    sizeof summary, &e), 0);
	ck_assert_int_eq(kind, CHECK_THEME);
	ck_assert_str_eq(summary, "theme 'default': 33 roles (33 given), uses "
	    "256 colours, contrast 5.3:1 or more");
	snprintf(path, sizeof path, "%s/themes/mono.yaml", datadir());
	ck_assert_int_eq(check_file(path, NULL, datadir(), &kind, summary,
	    sizeof summary, &e), 0);
	ck_assert_str_eq(summary, "theme 'mono': 33 roles (33 given), "
	    "attributes only");

	write_file(userdir, "t.yaml", "name: t\ninherits: high-contrast\n"
	    "roles:\n  title: {fg: nope}\n", path, sizeof path);
	ck_assert_int_eq(check_file(path, NULL, datadir(), &kind, summary,
	    sizeof summary, &e), -1);
	ck_assert_int_eq(kind, CHECK_THEME);
	ck_assert_int_eq(e.line, 4);
	ck_assert_int_eq(e.col, 15);

	write_file(userdir, "u.yaml", "name: u\ninherits: high-contrast\n"
	    "roles:\n  title: {fg: bright-red}\n", path, sizeof path);
	ck_assert_int_eq(check_file(path, NULL, datadir(), &kind, summary,
	    sizeof summary, &e), 0);
	ck_assert_str_eq(summary, "theme 'u': 33 roles (33 given), uses 256 "
	    "colours, contrast 5.3:1 or more");

	/* Text too faint to read: every such role named, with its
	 * figure, and the status of a mistake. */
	write_file(userdir, "w.yaml", "name: w\nroles:\n"
	    "  title: {fg: yellow}\n  border: {fg: blue, bg: black}\n"
	    "  status: {fg: black, bg: yellow, attrs: [bold]}\n", path,
	    sizeof path);
	ck_assert_int_eq(check_file(path, NULL, datadir(), &kind, summary,
	    sizeof summary, &e), -1);
	ck_assert_int_eq(kind, CHECK_THEME);
	ck_assert_msg(strstr(e.msg, "theme 'w' is hard to read: 3 roles under "
	    "4.5:1 contrast (WCAG AA): 'title' 1.7:1 (yellow on the "
	    "terminal's background), 'border' 2.2:1 (blue on black), "
	    "'status' 2.4:1 (black on yellow);") != NULL, "message: %s",
	    e.msg);

	write_file(userdir, "v.yaml", "name: v\n", path, sizeof path);
	ck_assert_int_eq(check_file(path, NULL, datadir(), &kind, summary,
	    sizeof summary, &e), -1);
	ck_assert_int_eq(kind, CHECK_UNKNOWN);
	ck_assert_ptr_nonnull(strstr(e.msg, "or a theme (with 'roles:')"));
}
END_TEST

/* ---- Contrast ---- */

/* The xterm 256-colour palette, worked out here apart from theme.c:
 * 0-15 xterm's defaults, then the 6x6x6 cube, then 24 greys. */
static unsigned long
palette(int c)
{
	static const unsigned long basic[16] = { 0x000000, 0xcd0000,
	    0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff,
	    0x00ffff, 0xffffff };
	unsigned long r, g, b, v;

	if (c < 16)
		return basic[c];
	if (c >= 232) {
		v = 8 + 10 * (unsigned long)(c - 232);
		return v << 16 | v << 8 | v;
	}
	c -= 16;
	r = c / 36 ? 55 + 40 * (unsigned long)(c / 36) : 0;
	g = c / 6 % 6 ? 55 + 40 * (unsigned long)(c / 6 % 6) : 0;
	b = c % 6 ? 55 + 40 * (unsigned long)(c % 6) : 0;
	return r << 16 | g << 8 | b;
}

START_TEST(test_palette)
{
	int c;

	for (c = 0; c < 256; c++)
		ck_assert_msg(theme_colour_rgb(c) == palette(c), "colour %d: "
		    "%06lx, not %06lx", c, theme_colour_rgb(c), palette(c));
	ck_assert_uint_eq(theme_colour_rgb(244), 0x808080);
	ck_assert_uint_eq(theme_colour_rgb(117), 0x87d7ff);
}
END_TEST

/* The figures the issue measured, and WCAG's own. */
START_TEST(test_contrast_figures)
{
	ck_assert_double_eq_tol(theme_contrast(0x000000, 0xffffff), 21, 0.001);
	ck_assert_double_eq_tol(theme_contrast(0x777777, 0x777777), 1, 0.001);
	ck_assert_double_eq_tol(theme_luminance(0xffffff), 1, 0.0001);
	/* Bright yellow on white, bright cyan on white, bold black
	 * (xterm's grey) on bright yellow and on white. */
	ck_assert_double_eq_tol(theme_contrast(theme_colour_rgb(11),
	    0xffffff), 1.07, 0.005);
	ck_assert_double_eq_tol(theme_contrast(theme_colour_rgb(14),
	    0xffffff), 1.25, 0.005);
	ck_assert_double_eq_tol(theme_contrast(theme_colour_rgb(8),
	    theme_colour_rgb(11)), 3.73, 0.005);
	ck_assert_double_eq_tol(theme_contrast(theme_colour_rgb(8),
	    0xffffff), 4.0, 0.01);
	ck_assert(theme_rgb_is_light(0xffffff));
	ck_assert(theme_rgb_is_light(0xfdf6e3));
	ck_assert(!theme_rgb_is_light(0x000000));
	ck_assert(!theme_rgb_is_light(0x002b36));
}
END_TEST

/* What a role meets: its own background, or black and white. */
START_TEST(test_role_contrast)
{
	struct theme t = load_text("name: x\nroles:\n"
	    "  title: {fg: 16, bg: bright-yellow, attrs: [bold]}\n"
	    "  status: {fg: black, bg: bright-yellow, attrs: [bold]}\n"
	    "  help: {fg: bright-yellow}\n"
	    "  hint: {fg: 243}\n"
	    "  note: {bg: blue}\n");

	ck_assert(theme_role_contrast(&t, ROLE_NORMAL) < 0);
	ck_assert_double_eq_tol(theme_role_contrast(&t, ROLE_TITLE), 19.56,
	    0.01);
	/* Bold black is grey where bold brightens. */
	ck_assert_double_eq_tol(theme_role_contrast(&t, ROLE_STATUS), 3.73,
	    0.01);
	/* On the terminal's background: the worse of black and white. */
	ck_assert_double_eq_tol(theme_role_contrast(&t, ROLE_HELP), 1.07,
	    0.01);
	ck_assert_double_eq_tol(theme_role_contrast(&t, ROLE_HINT), 4.54,
	    0.01);
	/* The terminal's own text on a background of the theme's. */
	ck_assert_double_eq_tol(theme_role_contrast(&t, ROLE_NOTE), 2.23,
	    0.01);
}
END_TEST

/* Every role of every shipped theme reads: against the background the
 * theme paints, or, where it keeps the terminal's, on black and on
 * white.  Worked out here from the theme files and the palette; a
 * shipped theme under 4.5:1 fails `make check`. */
static double
contrast_here(int fg, int bg)
{
	unsigned long a, b;
	double la, lb;
	int i;

	if (fg < 0 || bg < 0) {
		double worst = 21, c;

		for (i = 0; i < 2; i++) {
			c = contrast_here(fg < 0 ? (i ? 231 : 16) : fg,
			    bg < 0 ? (i ? 231 : 16) : bg);
			if (c < worst)
				worst = c;
		}
		return worst;
	}
	a = palette(fg);
	b = palette(bg);
	la = theme_luminance(a);
	lb = theme_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

START_TEST(test_shipped_contrast)
{
	const char *name = shipped[_i];
	struct theme t = lookup(name);
	int r;

	for (r = 0; r < ROLE_COUNT; r++) {
		struct theme_style s = t.style[r];
		double c, b;

		if (s.fg < 0 && s.bg < 0)
			continue;
		c = contrast_here(s.fg, s.bg);
		/* Bold basic colours as themselves and brightened. */
		if ((s.attrs & THEME_ATTR_BOLD) && s.fg >= 0 && s.fg < 8 &&
		    (b = contrast_here(s.fg + 8, s.bg)) < c)
			c = b;
		ck_assert_msg(c >= THEME_MIN_CONTRAST, "%s: role %s is %.2f:1 "
		    "(colour %d on %d), under 4.5:1", name,
		    theme_role_name(r), c, s.fg, s.bg);
		ck_assert_double_eq_tol(theme_role_contrast(&t, r), c, 0.001);
	}
	/* A theme with colours paints its own background: nothing it
	 * draws sits on the terminal's. */
	if (theme_colours_used(&t) > 0)
		for (r = 0; r < ROLE_COUNT; r++)
			ck_assert_msg(t.style[r].fg >= 0 && t.style[r].bg >= 0,
			    "%s: role %s keeps a terminal colour", name,
			    theme_role_name(r));
}
END_TEST

/* What the terminal says of its background. */
START_TEST(test_background_said)
{
	static const struct {
		const char *osc;
		long rgb;
	} answers[] = {
		{ "\033]11;rgb:ffff/ffff/ffff\a", 0xffffff },
		{ "\033]11;rgb:0000/0000/0000\033\\", 0x000000 },
		{ "\033]11;rgb:fdfd/f6f6/e3e3\a\033[?64;1c", 0xfdf6e3 },
		{ "\033]11;rgb:1e/1e/1e\a", 0x1e1e1e },
		{ "\033]11;rgb:f/8/0\a", 0xff8800 },
		{ "\033[?1;2c", -1 },
		{ "\033]11;rgb:ffff/ffff\a", -1 },
		{ "\033]11;rgb:ffff/ffff/ffff", -1 },
		{ "\033]11;rgb:fffff/0/0\a", -1 },
		{ "\033]11;rgb:gg/00/00\a", -1 },
		{ "\033]10;rgb:ffff/ffff/ffff\a", -1 },
		{ "", -1 },
	};
	unsigned long rgb;
	size_t i;

	for (i = 0; i < sizeof answers / sizeof answers[0]; i++) {
		int rc = theme_osc_rgb(answers[i].osc, strlen(answers[i].osc),
		    &rgb);

		ck_assert_msg(answers[i].rgb < 0 ? rc == -1 : rc == 0 &&
		    rgb == (unsigned long)answers[i].rgb, "answer %zu", i);
	}
	ck_assert_int_eq(theme_colorfgbg_light("0;15"), 1);
	ck_assert_int_eq(theme_colorfgbg_light("0;default;15"), 1);
	ck_assert_int_eq(theme_colorfgbg_light("0;7"), 1);
	ck_assert_int_eq(theme_colorfgbg_light("15;0"), 0);
	ck_assert_int_eq(theme_colorfgbg_light("7;8"), 0);
	ck_assert_int_eq(theme_colorfgbg_light("default;default"), -1);
	ck_assert_int_eq(theme_colorfgbg_light("0;16"), -1);
	ck_assert_int_eq(theme_colorfgbg_light("15"), -1);
	ck_assert_int_eq(theme_colorfgbg_light(""), -1);
	ck_assert_int_eq(theme_colorfgbg_light(NULL), -1);
}
END_TEST

static Suite *
theme_suite(void)
{
	Suite *s = suite_create("theme");
	TCase *tc;

#define TCASE(name) \
	tc = tcase_create(name); \
	tcase_add_checked_fixture(tc, setup, teardown); \
	suite_add_tcase(s, tc)

	TCASE("roles");
	tcase_add_test(tc, test_roles);
	tcase_add_test(tc, test_chart_role_aliases);
	tcase_add_test(tc, test_roles_documented);
	TCASE("shipped");
	tcase_add_loop_test(tc, test_shipped_load, 0, NSHIPPED);
	tcase_add_loop_test(tc, test_shipped_readable, 0, NSHIPPED);
	tcase_add_test(tc, test_shipped_colours);
	tcase_add_test(tc, test_mono);
	tcase_add_test(tc, test_fallback);
	TCASE("colours");
	tcase_add_loop_test(tc, test_colour_parse, 0,
	    (int)(sizeof colours / sizeof colours[0]));
	tcase_add_loop_test(tc, test_colour_reduce, 0,
	    (int)(sizeof reductions / sizeof reductions[0]));
	tcase_add_test(tc, test_colour_reduce_all);
	tcase_add_test(tc, test_style_for);
	TCASE("contrast");
	tcase_add_test(tc, test_palette);
	tcase_add_test(tc, test_contrast_figures);
	tcase_add_test(tc, test_role_contrast);
	tcase_add_loop_test(tc, test_shipped_contrast, 0, NSHIPPED);
	tcase_add_test(tc, test_background_said);
	TCASE("finding");
	tcase_add_test(tc, test_name_valid);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_user_dir);
	tcase_add_test(tc, test_search_order);
	tcase_add_test(tc, test_list);
	tcase_add_test(tc, test_choose);
	TCASE("inherits");
	tcase_add_test(tc, test_inherits);
	tcase_add_test(tc, test_inherits_bad);
	TCASE("bad input");
	tcase_add_loop_test(tc, test_bad, 0, (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, test_bad_file);
	tcase_add_test(tc, test_check);
#undef TCASE
	return s;
}

int
main(void)
{
	return tu_run_in_tmpdir(theme_suite(), "check_theme", base,
	    sizeof base);
}
