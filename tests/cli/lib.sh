# lib.sh - helpers for the command-line tests (POSIX sh).
#
# A test sources this file, then calls `run CMD...` and the expect_*
# checks on what it printed; `finish` sets the exit status.  Every test
# gets its own temporary HOME and XDG directories, so nothing outside
# them is read or written.

set -u
: "${TRADEOFF:?TRADEOFF must name the binary under test}"
: "${TRADEOFF_DATADIR:?TRADEOFF_DATADIR must be set}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tradeoff-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home
XDG_DATA_HOME=$tmp/data
XDG_CONFIG_HOME=$tmp/config
TRADEOFF_DB=$tmp/sessions.db
export HOME XDG_DATA_HOME XDG_CONFIG_HOME TRADEOFF_DB
mkdir -p "$HOME"
unset NO_COLOR TRADEOFF_NOW 2>/dev/null || true

model=$TRADEOFF_DATADIR/data/model.yaml
checks=0
failures=0
status=0

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	failures=$((failures + 1))
}

# run CMD...: run it, keeping stdout, stderr and the exit status.
run() {
	last="$*"
	"$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
}

show() {
	printf '  command: %s\n  status: %s\n  stdout: %s\n  stderr: %s\n' \
	    "$last" "$status" "$(head -c 2000 "$tmp/out")" \
	    "$(head -c 2000 "$tmp/err")" >&2
}

expect_status() {
	checks=$((checks + 1))
	if [ "$status" -ne "$1" ]; then
		fail "${2:-$last}: exit status $status, expected $1"
		show
	fi
}

# expect_out TEXT: stdout contains TEXT (a fixed string).
expect_out() {
	checks=$((checks + 1))
	if ! grep -qF -- "$1" "$tmp/out"; then
		fail "${2:-$last}: stdout lacks '$1'"
		show
	fi
}

expect_no_out() {
	checks=$((checks + 1))
	if grep -qF -- "$1" "$tmp/out"; then
		fail "${2:-$last}: stdout has '$1'"
		show
	fi
}

# expect_err TEXT: stderr contains TEXT.
expect_err() {
	checks=$((checks + 1))
	if ! grep -qF -- "$1" "$tmp/err"; then
		fail "${2:-$last}: stderr lacks '$1'"
		show
	fi
}

# expect_err_line TEXT: stderr is exactly one line, equal to TEXT.
expect_err_line() {
	checks=$((checks + 1))
	if [ "$(cat "$tmp/err")" != "$1" ] ||
	    [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
		fail "${2:-$last}: stderr is not the one line '$1'"
		show
	fi
}

expect_empty_err() {
	checks=$((checks + 1))
	if [ -s "$tmp/err" ]; then
		fail "${1:-$last}: unexpected stderr"
		show
	fi
}

# yaml_value KEY: the value of a top-level "KEY: value" line of stdout.
yaml_value() {
	sed -n "s/^$1: //p" "$tmp/out"
}

finish() {
	printf '%s: %d checks, %d failures\n' "$(basename "$0")" "$checks" \
	    "$failures"
	[ "$failures" -eq 0 ]
}
