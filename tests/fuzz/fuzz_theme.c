/* fuzz_theme.c - the theme loader (--theme FILE).
 *
 * Any bytes either load as a theme whose every role has colours in
 * -1..255 and known attributes, or give a positioned error.  `inherits`
 * is looked up in the shipped themes (HOME and XDG_CONFIG_HOME point
 * nowhere, so no user theme is read). */
#include "config.h"

#include "fuzz.h"

#include <string.h>

#include "theme.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("HOME", "/nonexistent", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme t;
	struct err e;
	int r, n;

	err_clear(&e);
	if (theme_load_buffer(&t, "fuzz.yaml", (const char *)data, size,
	    fuzz_datadir(), &e) != 0) {
		FUZZ_CHECK_ERR(e, "theme");
		return 0;
	}
	FUZZ_ASSERT(theme_name_valid(t.name), "name '%s'", t.name);
	FUZZ_ASSERT(t.inherits[0] == '\0' || theme_name_valid(t.inherits),
	    "inherits '%s'", t.inherits);
	for (r = 0; r < ROLE_COUNT; r++) {
		const struct theme_style *s = &t.style[r];

		FUZZ_ASSERT(s->fg >= -1 && s->fg <= 255 && s->bg >= -1 &&
		    s->bg <= 255, "role %d: %d/%d", r, s->fg, s->bg);
		FUZZ_ASSERT((s->attrs & ~((1u << THEME_ATTR_COUNT) - 1)) == 0,
		    "role %d: attrs %#x", r, s->attrs);
		for (n = 0; n <= 256; n = n ? n * 2 : 8) {
			struct theme_style st = theme_style_for(&t,
			    (enum theme_role)r, n);

			FUZZ_ASSERT(st.fg >= -1 && st.fg < (n ? n : 1) &&
			    st.bg >= -1 && st.bg < (n ? n : 1),
			    "role %d at %d colours: %d/%d", r, n, st.fg,
			    st.bg);
		}
	}
	return 0;
}
