#!/bin/sh
# The bad-input catalogue: the explorer in hostile terminals, driven in
# tmux.  An unusable terminal (TERM unset, dumb, unknown, without cursor
# addressing, not a terminal at all) or a bad theme gets one line and
# exit 1 on a normal screen, never a garbled one; a tiny terminal gets a
# "too small" screen and comes back when it grows; LANG=C draws ASCII.
. "$TESTS_SRCDIR/e2e/lib.sh"

example=$TRADEOFF_DATADIR/data/example.yaml
d=$tmp/term
mkdir -p "$d"

# refused TEXT START-ARGS...: the explorer ends at once with exit 1 and
# TEXT on the screen, the terminal as it was.
refused() {
	want=$1
	shift
	# Wide enough that no message wraps.
	start -x 300 "$@"
	wait_for "[exit 1]" && wait_for "$want"
	expect_restored "$*"
}

# ---- unusable terminals ----
refused "tradeoff: TERM is not set" -t -
refused "tradeoff: TERM is not set" -t ''
refused "tradeoff: TERM=dumb cannot move the cursor" -t dumb
refused "tradeoff: unknown terminal type 'no-such-term'" -t no-such-term
refused "tradeoff: unknown terminal type" -t ../../../../etc/passwd
# Named with its control characters escaped, as every message does.
refused "tradeoff: unknown terminal type 'a\x1b[2Jb'" -t "$(printf 'a\033[2Jb')"
refused "cannot start the terminal" -e LINES=100000 -e COLUMNS=100000
# A printing terminal (setupterm says "hardcopy").
if infocmp lpr >/dev/null 2>&1; then
	refused "tradeoff: " -t lpr
else
	echo "note: no terminfo entry 'lpr': the hardcopy terminal case is skipped" >&2
fi
# An entry without cursor addressing that setupterm calls generic: it
# has an entry, so it is not "unknown".
if infocmp ibm327x >/dev/null 2>&1; then
	refused "tradeoff: terminal type 'ibm327x' has no cursor addressing" -t ibm327x
else
	echo "note: no terminfo entry 'ibm327x': the generic terminal case is skipped" >&2
fi
# Standard input or output not a terminal.
start -e TRADEOFF_IN=/dev/null
printf '#!/bin/sh\nexec "$@" </dev/null\n' >"$d/stdin.sh"
printf '#!/bin/sh\nexec "$@" >"%s/out.txt"\n' "$d" >"$d/stdout.sh"
chmod +x "$d/stdin.sh" "$d/stdout.sh"
for w in stdin stdout; do
	sed "s|exec env -i|exec $d/$w.sh env -i|" "$tmp/run.sh" >"$tmp/run2.sh"
	mv "$tmp/run2.sh" "$tmp/run.sh"
	chmod +x "$tmp/run.sh"
	tm respawn-pane -k -t "$pane" "$tmp/run.sh; echo \"[exit \$?]\"; sleep 600"
	wait_for "[exit 1]"
	wait_for "the explorer needs a terminal"
	expect_restored "$w"
	sed -i "s|exec $d/$w.sh env -i|exec env -i|" "$tmp/run.sh"
done

# ---- bad themes: reported before the screen is taken ----
: >"$d/empty.yaml"
printf 'name: t\n' >"$d/noroles.yaml"
printf 'name: t\nroles:\n  title: {fg: purple}\n' >"$d/colour.yaml"
mkdir "$d/dir.yaml"
mkfifo "$d/fifo.yaml"
if command -v truncate >/dev/null 2>&1; then
	truncate -s 100M "$d/huge.yaml"
else
	dd if=/dev/null of="$d/huge.yaml" bs=1 seek=104857600 2>/dev/null
fi
refused "$d/empty.yaml:1:1: empty file: a theme is a mapping" --theme "$d/empty.yaml"
refused "$d/noroles.yaml:1:1: a theme file is missing 'roles'" --theme "$d/noroles.yaml"
refused "$d/colour.yaml:3:15: unknown colour 'purple'" --theme "$d/colour.yaml"
refused "$d/dir.yaml: is a directory" --theme "$d/dir.yaml"
refused "$d/fifo.yaml: is not a regular file" --theme "$d/fifo.yaml"
refused "$d/huge.yaml: file too large" --theme "$d/huge.yaml"
refused "$d/missing.yaml: cannot open" --theme "$d/missing.yaml"
# As many "../" as the directory the test runs in is deep, and one more:
# /etc/passwd from any build directory.
up=$(pwd | sed 's|/[^/]*|../|g')../
refused "/etc/passwd:1:1:" --theme "${up}etc/passwd"
refused "unknown theme 'nosuch'" --theme nosuch
refused "invalid theme name 'Bad Name'" --theme 'Bad Name'

# ---- tiny terminals ----
start -x 10 -y 3 --session tiny
wait_for "Terminal"
resize 80 24
wait_for "0/21 answered"
resize 1 1
sleep 0.3
resize 40 10
wait_for "too small"
resize 80 24
wait_for "0/21 answered"
keys 1
wait_for "1/21 answered"
resize 10 3
wait_for "Terminal"
quit
expect_restored "10x3"
start -x 1 -y 1 --session tiny
sleep 0.5
keys q
# One cell cannot show the exit line: widen once the program is gone.
i=0
while kill -0 "$(pid)" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
resize 80 24
wait_for "[exit 0]"
expect_restored "1x1"
run "$TRADEOFF" export tiny --format yaml
expect_status 0
expect_out "traffic: spiky"

# ---- LANG=C: ASCII drawing, UTF-8 names kept as they are ----
run "$TRADEOFF" import "$example" --session 'Zoë — café'
expect_status 0
for l in C POSIX; do
	start -e LANG=$l -e LC_ALL=$l --session 'Zoë — café'
	wait_for "answered"
	wait_for "Recommendation:"
	checks=$((checks + 1))
	if screen | LC_ALL=C grep -q "$(printf '\342\224\202')"; then
		fail "LANG=$l: UTF-8 line drawing on the screen"
	fi
	quit
	expect_restored "LANG=$l"
done
# Terminals with few or no colours, and NO_COLOR.
for t in vt100 xterm-mono linux screen-256color; do
	start -t "$t" --session colours
	wait_for "Recommendation:"
	quit
	expect_restored "TERM=$t"
done
start -e NO_COLOR=1 --session colours
wait_for "Recommendation:"
quit

finish
