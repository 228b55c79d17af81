#!/bin/sh
# The bad-input catalogue: hostile command lines.  Each has a documented
# exit status (2: usage, 1: failure, 0: fine), a message that stays one
# bounded line however long or strange the input, and leaves nothing
# behind it should not.
. "$TESTS_SRCDIR/badinput/lib.sh"

# usage ARGS...: exit 2, "tradeoff: ..." and the --help hint.
usage() {
	timed "$TRADEOFF" "$@"
	expect_status 2
	checks=$((checks + 1))
	case $(head -n 1 "$tmp/err") in
	"tradeoff: "*) ;;
	*) fail "$last: no 'tradeoff:' message"; show ;;
	esac
	expect_err "Try 'tradeoff --help' for more information."
	[ -s "$tmp/out" ] && { fail "$last: output on stdout"; show; }
	bounded
}

# failure ARGS...: exit 1 with one "tradeoff: ..." line.
failure() {
	timed "$TRADEOFF" "$@"
	expect_status 1
	checks=$((checks + 1))
	one_line || { fail "$last: not one line on stderr"; show; }
	bounded
}

# bounded: stderr stays short whatever the input was.
bounded() {
	checks=$((checks + 1))
	[ "$(wc -c <"$tmp/err")" -lt 2048 ] ||
	    { fail "$last: $(wc -c <"$tmp/err") bytes on stderr"; show; }
}

# ---- options ----
usage --frobnicate
usage -x
usage --db
usage --model
usage eval --answers
usage eval -a
usage -s
usage --session=
usage --db ''
usage --session a --session b
usage list --session a
usage eval --force -a "$example"
usage check --format yaml
usage list --format
usage list --format json
usage eval --format pdf -a "$example"
usage export x --format docx
usage frobnicate
usage eval
usage import
usage export
usage rename x
usage copy x
usage delete
usage list extra
usage export a b
usage rename a b c
usage --ascii=yes
# A name starting with '-' must come after '--'.
usage export -weird
run "$TRADEOFF" import "$example" --session x
expect_status 0

# ---- very long arguments (100 KB) ----
long=$(awk 'BEGIN { for (i = 0; i < 102400; i++) printf "n" }')
usage import "$example" --session "$long"
expect_err "a session name must be at most 200 bytes, not 102400"
usage rename x "$long"
usage copy x "$long"
failure export "$long" --format yaml
expect_err "tradeoff: no session named 'nnnn"
failure delete "$long"
failure rename "$long" y
usage --session "$long"
# Paths: used as given (not cut short to another file), named shortened.
failure --model "/tmp/$long" check
expect_err ": cannot open: File name too long"
failure --pricing "/tmp/$long" eval --answers "$example"
expect_err ": cannot open: File name too long"
failure eval --answers "/tmp/$long"
failure check "/tmp/$long"
failure --db "/tmp/$long" list
failure --db "/tmp/$long" import "$example"
failure export x --format yaml -o "/tmp/$long"
failure export x --format yaml -o "$tmp/$long.yaml"
# A path of 6,000 characters whose first 4,095 name a directory.
deep=$(awk 'BEGIN { for (i = 0; i < 3000; i++) printf "./" }')
failure --model "$tmp/${deep}model.yaml" check
expect_err "cannot open: File name too long"
failure --pricing "$tmp/${deep}pricing.yaml" check
expect_err "cannot open: File name too long"

# ---- names that look like paths are only names ----
for name in ../../etc/passwd /tmp/x "$tmp/made-by-name" . .. '~' '$HOME' \
    '*' '-' '--' "a'b" 'a"b' 'a|b' 'a\b'; do
	run "$TRADEOFF" import "$example" --session "$name"
	expect_status 0
	run "$TRADEOFF" export --format yaml -- "$name"
	expect_status 0
	expect_out "answers:"
done
checks=$((checks + 1))
[ -e "$tmp/made-by-name" ] && fail "a session name made a file"
run "$TRADEOFF" list
expect_status 0
expect_out "../../etc/passwd"
run "$TRADEOFF" delete -- ../../etc/passwd
expect_status 0

# ---- empty names, control characters, line breaks, bad UTF-8 ----
usage import "$example" --session ''
usage rename x ''
usage copy x ''
failure export '' --format yaml
expect_err "no session named ''"
failure delete ''
nl='
'
for name in "a${nl}b" "$(printf 'a\033[2Jb')" "$(printf 'a\tb')" \
    "$(printf 'a\rb')" "$(printf '\377\376')" "$(printf 'caf\351')" \
    "$(printf '\302\233')" '   '; do
	usage import "$example" --session "$name"
	usage rename x "$name"
	usage copy x "$name"
	usage --session "$name"
	failure export --format yaml -- "$name"
	failure delete -- "$name"
	# Quoted: no control character reaches the terminal.
	checks=$((checks + 1))
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/err"; then
		fail "$last: a control character on stderr"
		show
	fi
done
# A bad name for the explorer is refused before a database is made.
db_saved=$TRADEOFF_DB
TRADEOFF_DB=$tmp/explorer-bad-name.db
usage --session "$(printf 'a\tb')"
TRADEOFF_DB=$db_saved
checks=$((checks + 1))
[ -e "$tmp/explorer-bad-name.db" ] &&
    fail "--session with a bad name created the database"
# Nothing of that was saved: x is the only session besides the names.
run "$TRADEOFF" list --format yaml
checks=$((checks + 1))
[ "$(grep -c "^- name:" "$tmp/out")" -eq 14 ] ||
    { fail "list: not the 14 sessions made (x and the names, less one deleted)"; show; }

# ---- what the program did not understand is echoed escaped ----
# An unknown command, format or option, an unexpected argument and bad
# settings in the environment: the message quotes them with their
# control characters escaped, as it does names.
esc=$(printf 'x\033[2J\007')
no_controls() {
	checks=$((checks + 1))
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/err"; then
		fail "$last: a control character on stderr"
		show
	fi
}
for args in "$esc" "list --format $esc" "eval -a $example --format $esc" \
    "export x --format $esc" "--$esc" "-$(printf '\001')" "rename a b $esc"; do
	# shellcheck disable=SC2086
	usage $args
	no_controls
done
expect_err "unexpected 'x\\x1b[2J\\x07'"
usage "$esc"
expect_err "unknown command 'x\\x1b[2J\\x07'"
timed env TRADEOFF_NOW="$esc" "$TRADEOFF" eval --answers "$example"
expect_status 2
no_controls
expect_err "not 'x\\x1b[2J\\x07'"
timed env TRADEOFF_DB_JOURNAL="$esc" "$TRADEOFF" list
expect_status 2
no_controls

finish_cases
