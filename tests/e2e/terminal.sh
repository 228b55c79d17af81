#!/bin/sh
# Terminals as they are: resizing, too small, no colour, ASCII, and
# terminals the explorer cannot use (one line, exit 1, no garbage).
. "$TESTS_SRCDIR/e2e/lib.sh"

# Shrink below the minimum and back, several times, answering between.
start --session resize
wait_for "Enter choose"
resize 40 12
wait_for "Terminal too small: 40x12"
expect_screen "Everything is saved."
resize 80 24
wait_for "Enter choose"
wait_for "tradeoff · resize"
keys 2
wait_for "1/21 answered"
resize 10 3
sleep 0.2
resize 1 1
sleep 0.2
resize 61 20
wait_for "Enter choose"
resize 59 20
wait_for "Terminal too small: 59x20"
resize 160 48
wait_for "Architecture and application fit"
resize 80 24
# tmux crops the wide screen at once; the hint line's right end appears
# only when the explorer has drawn for 80 columns.
wait_for "w weights       ? help  q quit"
wait_for "Recommendation: Kubernetes"
# The screen is whole again: compare with what a fresh start draws.
screen >"$tmp/after-resize.txt"
quit
start --session resize
wait_for "Recommendation: Kubernetes"
keys g
wait_for "Workload (1 of 7) › How does traffic arrive?"
screen >"$tmp/fresh.txt"
checks=$((checks + 1))
diff -u "$tmp/fresh.txt" "$tmp/after-resize.txt" >&2 ||
    fail "the screen after resizing differs from a fresh one"
quit

# NO_COLOR: attributes only, not one colour; with colours there are some.
has_colour() {
	tm capture-pane -p -e -t "$pane" |
	    grep -Eq '\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;[25])[;m]'
}
start -t xterm-256color --session colour
wait_for "Enter choose"
checks=$((checks + 1))
has_colour || fail "the default theme shows no colour"
quit
start -t xterm-256color -e NO_COLOR=1 --session colour
wait_for "Enter choose"
checks=$((checks + 1))
if has_colour; then
	fail "NO_COLOR=1 still shows colour"
	tm capture-pane -p -e -t "$pane" | head -5 | cat -v >&2
fi
quit
start -t xterm-256color --no-color --session colour
wait_for "Enter choose"
checks=$((checks + 1))
has_colour && fail "--no-color still shows colour"
quit

# A locale that is not UTF-8, and --ascii: ASCII line drawing.
start -e LANG=C -e LC_ALL=C --session ascii
wait_for "Enter choose"
expect_screen "> Workload     0/7 | How does traffic arrive?"
expect_screen "( ) Spiky"
expect_no_screen "│"
quit
start --ascii --session ascii
wait_for "Enter choose"
expect_screen "| How does traffic arrive?"
expect_no_screen "█"
quit

# Terminals that cannot be used: one line, exit 1, and no database or
# session left behind.
start -t dumb -e "TRADEOFF_DB=$tmp/unused.db"
wait_for "[exit 1]"
expect_screen "tradeoff: TERM=dumb cannot move the cursor"
checks=$((checks + 1))
[ ! -e "$tmp/unused.db" ] || fail "TERM=dumb left a database behind"
start -t no-such-terminal
wait_for "[exit 1]"
expect_screen "tradeoff: unknown terminal type 'no-such-terminal'"
start -t ""
wait_for "[exit 1]"
expect_screen "tradeoff: TERM is not set"
start -t lpr
wait_for "[exit 1]"
expect_screen "tradeoff: terminal type 'lpr' is a printing terminal"

# Not a terminal at all.
run env TERM=xterm TRADEOFF_DB="$tmp/unused.db" "$TRADEOFF" </dev/null
expect_status 1
checks=$((checks + 1))
[ ! -e "$tmp/unused.db" ] || fail "no tty, yet a database was made"
expect_err_line "tradeoff: the explorer needs a terminal, and standard input is not one (for scripts, use 'tradeoff eval')"

# A theme that does not exist, and a broken one: said before the screen.
start --theme nosuch
wait_for "[exit 1]"
expect_screen "unknown theme 'nosuch'"
printf 'name: x\nroles:\n  normal: {fg: purple}\n' >"$tmp/bad-theme.yaml"
start --theme "$tmp/bad-theme.yaml"
wait_for "[exit 1]"
expect_screen "bad-theme.yaml:3:"

finish
