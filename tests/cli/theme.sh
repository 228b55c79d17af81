#!/bin/sh
# theme.sh - `tradeoff check` on theme files, through the real binary.
set -u

: "${TRADEOFF:?}" "${TRADEOFF_DATADIR:?}" "${TESTS_BUILDDIR:?}"
tmp=$(mktemp -d "$TESTS_BUILDDIR/cli-theme-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/tradeoff/themes"
XDG_CONFIG_HOME=$tmp/config HOME=$tmp
export XDG_CONFIG_HOME HOME
themes=$TRADEOFF_DATADIR/themes
failed=0

# Report a failure with what the last command wrote.
fail() {
	echo "FAIL: $1" >&2
	echo "--- stdout" >&2; cat "$tmp/out" >&2
	echo "--- stderr" >&2; cat "$tmp/err" >&2
	failed=1
}

run() {
	"$TRADEOFF" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
}

# With no files: the shipped model and price list, then each shipped
# theme.
run check
[ "$status" -eq 0 ] || fail "check: status $status"
for t in default high-contrast light mono; do
	grep -qx "$themes/$t.yaml: ok: theme '$t': 33 roles (33 given), .*" \
	    "$tmp/out" || fail "check: no line for theme $t"
done
[ "$(wc -l <"$tmp/out")" -eq 6 ] || fail "check: not 6 lines"

# Theme files given by name.
run check "$themes/mono.yaml" "$themes/light.yaml"
[ "$status" -eq 0 ] || fail "check themes: status $status"
cat >"$tmp/want" <<WANT
$themes/mono.yaml: ok: theme 'mono': 33 roles (33 given), attributes only
$themes/light.yaml: ok: theme 'light': 33 roles (33 given), uses 256 colours, contrast 4.5:1 or more
WANT
cmp -s "$tmp/want" "$tmp/out" || fail "check themes: output"

# A mistake: file:line:column, status 1, nothing on standard output.
printf 'name: bad\nroles:\n  titel: {fg: red}\n' >"$tmp/bad.yaml"
run check "$tmp/bad.yaml"
[ "$status" -eq 1 ] || fail "bad theme: status $status"
[ ! -s "$tmp/out" ] || fail "bad theme: wrote to standard output"
msg="unknown role 'titel' (did you mean 'title'?)"
grep -qx "tradeoff: $tmp/bad.yaml:3:3: $msg" "$tmp/err" ||
    fail "bad theme: message"

# A user theme inheriting a shipped one, found through XDG_CONFIG_HOME.
printf 'name: mine\ninherits: default\nroles:\n  title: {attrs: [bold]}\n' \
    >"$tmp/config/tradeoff/themes/mine.yaml"
run check "$tmp/config/tradeoff/themes/mine.yaml"
[ "$status" -eq 0 ] || fail "inheriting theme: status $status"
grep -q ": ok: theme 'mine': 33 roles (33 given), uses 256 colours, contrast 5.3:1 or more\$" \
    "$tmp/out" || fail "inheriting theme: summary"

# Text that cannot be read on a light or a dark terminal: refused, with
# each role and its figure.
printf 'name: faint\nroles:\n  help: {fg: bright-yellow}\n' >"$tmp/faint.yaml"
run check "$tmp/faint.yaml"
[ "$status" -eq 1 ] || fail "faint theme: status $status"
grep -q "faint.yaml: theme 'faint' is hard to read: 1 role under 4.5:1 contrast (WCAG AA): 'help' 1.1:1 (bright-yellow on the terminal's background);" \
    "$tmp/err" || fail "faint theme: message"

# Good and bad together: every file is reported, and the status is 1.
run check "$themes/default.yaml" "$tmp/bad.yaml"
[ "$status" -eq 1 ] || fail "good and bad: status $status"
grep -q "default.yaml: ok: " "$tmp/out" || fail "good and bad: no ok line"

exit $failed
