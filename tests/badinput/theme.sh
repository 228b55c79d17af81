#!/bin/sh
# The bad-input catalogue: themes.  Every value of the wrong type in each
# shipped theme, unknown roles, colours and attributes, numbers out of
# range, bad names, and `inherits` that leads nowhere or in circles.
. "$TESTS_SRCDIR/badinput/lib.sh"

d=$tmp/theme
user=$XDG_CONFIG_HOME/tradeoff/themes
mkdir -p "$d" "$user"

for t in "$TRADEOFF_DATADIR"/themes/*.yaml; do
	name=$(basename "$t" .yaml)
	mkdir -p "$d/types-$name"
	awk -v dir="$d/types-$name" -f "$TESTS_SRCDIR/badinput/mutate.awk" \
	    "$t" >"$d/types-$name/index"
	[ "$(wc -l <"$d/types-$name/index")" -gt 40 ] ||
	    fail "$name: too few keys mutated"
	while read -r n line key; do
		bad theme "$d/types-$name/$n.yaml" "$line"
	done <"$d/types-$name/index"
done

# theme NAME TEXT...: a theme file NAME.yaml in the catalogue directory
# holding the lines TEXT.
theme() {
	f=$d/$1.yaml
	shift
	printf '%s\n' "$@" >"$f"
}

theme role 'name: t' 'roles:' '  titel: {fg: red}'
bad theme "$f" 3:3 "unknown role 'titel' (did you mean 'title'?)"
theme role2 'name: t' 'roles:' '  sidebar: {fg: red}'
bad theme "$f" 3:3 "unknown role 'sidebar' (the roles are: normal, title"
theme colour 'name: t' 'roles:' '  title: {fg: rde}'
bad theme "$f" 3:15 "unknown colour 'rde' for fg of role 'title' (did you mean 'red'?)"
theme colour2 'name: t' 'roles:' '  title: {bg: "#ff0000"}'
bad theme "$f" 3:15 "unknown colour '#ff0000' for bg of role 'title'"
for c in 256 999 -1 1.5 0x10 bright-bright-red BRIGHT-RED; do
	theme "colour-$c" 'name: t' 'roles:' "  title: {fg: $c}"
	bad theme "$f" 3:15 "fg of role 'title'"
done
theme attr 'name: t' 'roles:' '  title: {attrs: [blod]}'
bad theme "$f" 3:19 "unknown attribute 'blod' in role 'title' (did you mean 'bold'?)"
theme attr2 'name: t' 'roles:' '  title: {attrs: [bold, bold]}'
bad theme "$f" 3:25 "attribute 'bold' is given twice in role 'title'"
theme attr3 'name: t' 'roles:' '  title: {attrs: bold}'
bad theme "$f" 3:18 "attrs of role 'title' must be a list"
theme key 'name: t' 'roles:' '  title: {fg: red, fgcolour: blue}'
bad theme "$f" 3:20 "unknown key 'fgcolour' in role 'title'"
theme dup 'name: t' 'roles:' '  title: {fg: red}' '  title: {fg: blue}'
bad theme "$f" 4:3 "duplicate key 'title' (first at 3:3)"
theme dup2 'name: t' 'roles:' '  title: {fg: red, fg: blue}'
bad theme "$f" 3:20 "duplicate key 'fg' (first at 3:11)"
theme name 'name: My Theme' 'roles: {}'
bad theme "$f" 1:7 "theme name 'My Theme' is not valid"
theme name2 "name: $(awk 'BEGIN { for (i = 0; i < 65; i++) printf "t" }')" 'roles: {}'
bad theme "$f" 1:7 "is not valid"
theme desc 'name: t' "description: $(awk 'BEGIN { for (i = 0; i < 257; i++) printf "d" }')" 'roles: {}'
bad theme "$f" 2:14 "theme description is too long (257 bytes; the limit is 256)"
# Without 'roles' nothing says it is a theme (terminal.sh gives such a
# file to --theme, which knows).
theme noroles 'name: t'
bad theme "$f" 1:1 "not a tradeoff file"
theme noname 'roles: {}'
bad theme "$f" 1:1 "a theme file is missing 'name'"

# ---- inherits ----
theme unknown 'name: t' 'inherits: nosuch' 'roles: {}'
bad theme "$f" 2:11 "unknown theme 'nosuch' in 'inherits' (available: "
theme path 'name: t' 'inherits: ../../etc/passwd' 'roles: {}'
bad theme "$f" 2:11 "'inherits' takes a theme name, and '../../etc/passwd' is not one"
printf 'name: self\ninherits: self\nroles: {}\n' >"$user/self.yaml"
bad theme "$user/self.yaml" 2:11 "a theme cannot inherit itself"
printf 'name: a\ninherits: b\nroles: {}\n' >"$user/a.yaml"
printf 'name: b\ninherits: a\nroles: {}\n' >"$user/b.yaml"
load theme "$user/a.yaml"
expect_status 1
expect_positioned "$user/b.yaml" 2:11 "'inherits' makes a loop: a -> b -> a (inherited by $user/a.yaml)"
# A chain of nine (the limit is eight levels).
i=1
while [ $i -le 9 ]; do
	printf 'name: c%d\ninherits: c%d\nroles: {}\n' $i $((i + 1)) >"$user/c$i.yaml"
	i=$((i + 1))
done
printf 'name: c10\nroles: {}\n' >"$user/c10.yaml"
load theme "$user/c1.yaml"
expect_status 1
expect_positioned "$user/c8.yaml" 2:11 "too many levels of 'inherits' (the limit is 8) (inherited by $user/c7.yaml)"
# A broken parent is reported at its own position, naming who read it.
printf 'name: broken\nroles:\n  title: {fg: purple}\n' >"$user/broken.yaml"
theme child 'name: child' 'inherits: broken' 'roles: {}'
load theme "$f"
expect_status 1
expect_positioned "$user/broken.yaml" 3:15 "(inherited by $f)"
# A parent that is a directory, or not readable text.
mkdir "$user/dir.yaml"
theme child2 'name: child2' 'inherits: dir' 'roles: {}'
load theme "$f"
expect_status 1
expect_file_error "$user/dir.yaml" "is a directory, not a file (inherited by $f)"

finish_cases
