#!/bin/sh
# The bad-input catalogue: hostile environments for the commands that
# need no terminal (terminal.sh drives the explorer).  Exit statuses:
# 0 when the command can still do its job, 1 when it cannot (with one
# line saying why), 2 for a malformed setting; never a crash.
. "$TESTS_SRCDIR/badinput/lib.sh"

d=$tmp/env
mkdir -p "$d"

# no_crash: the command ended by itself with 0, 1 or 2.
no_crash() {
	checks=$((checks + 1))
	[ "$status" -le 2 ] || { fail "$last: exit status $status"; show; }
}

# ---- HOME and XDG_DATA_HOME ----
# Unset: the passwd entry's home is used.  Only commands that do not
# write are run, so nothing outside the test directory is touched.
timed env -u HOME -u XDG_DATA_HOME -u TRADEOFF_DB "$TRADEOFF" list
no_crash
timed env -u HOME -u XDG_DATA_HOME -u TRADEOFF_DB -u XDG_CONFIG_HOME \
    "$TRADEOFF" eval --answers "$example"
expect_status 0
timed env -u HOME -u XDG_CONFIG_HOME "$TRADEOFF" check
expect_status 0
# Empty or relative XDG_DATA_HOME is ignored (the XDG rule): HOME wins.
timed env -u TRADEOFF_DB XDG_DATA_HOME= "$TRADEOFF" import "$example" --session env
expect_status 0
checks=$((checks + 1))
[ -f "$HOME/.local/share/tradeoff/sessions.db" ] ||
    fail "empty XDG_DATA_HOME: the database is not under HOME"
cd "$d" || exit 99
timed env -u TRADEOFF_DB XDG_DATA_HOME=relative "$TRADEOFF" list
cd - >/dev/null || exit 99
expect_status 0
expect_out "env"
checks=$((checks + 1))
[ -e "$d/relative" ] && fail "a relative XDG_DATA_HOME was used"
# Where the directory cannot be made: under a file, or in /proc.
printf 'x\n' >"$d/file"
timed env -u TRADEOFF_DB XDG_DATA_HOME="$d/file" "$TRADEOFF" import "$example"
expect_status 1
expect_file_error "$d/file/tradeoff" "cannot create the directory for the session database: Not a directory"
timed env -u TRADEOFF_DB XDG_DATA_HOME=/proc/self "$TRADEOFF" import "$example"
expect_status 1
expect_err "cannot create the directory for the session database"
# Not writable (permissions do not stop root).
mkdir -p "$d/ro"
chmod 500 "$d/ro"
if [ "$(id -u)" -ne 0 ]; then
	timed env -u TRADEOFF_DB XDG_DATA_HOME="$d/ro" "$TRADEOFF" import "$example"
	expect_status 1
	expect_err "Permission denied"
else
	echo "note: running as root: the unwritable XDG_DATA_HOME case relies on /proc and a file instead" >&2
fi
chmod 700 "$d/ro"
# Reading never creates anything.
timed env -u TRADEOFF_DB XDG_DATA_HOME="$d/new" "$TRADEOFF" list
expect_status 0
checks=$((checks + 1))
[ -e "$d/new" ] && fail "list created the data directory"
timed env -u TRADEOFF_DB XDG_DATA_HOME="$d/new" "$TRADEOFF" export x --format yaml
expect_status 1
expect_err_line "tradeoff: no session named 'x'"
[ -e "$d/new" ] && fail "export created the data directory"

# ---- tradeoff's own variables ----
for v in abc -5 0 1e9 ' 1' 99999999999999999999999; do
	timed env TRADEOFF_NOW="$v" "$TRADEOFF" eval --answers "$example"
	expect_status 2
	expect_err "TRADEOFF_NOW must be whole seconds since the epoch"
	timed env TRADEOFF_NOW="$v" "$TRADEOFF" import "$example"
	expect_status 2
done
timed env TRADEOFF_DB_JOURNAL=truncate "$TRADEOFF" list
expect_status 2
expect_err "TRADEOFF_DB_JOURNAL must be auto, wal or delete, not 'truncate'"
timed env TRADEOFF_DATADIR="$d/nowhere" "$TRADEOFF" eval --answers "$example"
expect_status 1
expect_file_error "$d/nowhere/data/model.yaml" "cannot open: No such file or directory"
timed env TRADEOFF_DATADIR="$d/file" "$TRADEOFF" check
expect_status 1
expect_err "Not a directory"
# A data directory path longer than any path: refused, not cut short.
timed env TRADEOFF_DATADIR="$d/$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }')" \
    "$TRADEOFF" eval --answers "$example"
expect_status 1
timed env TRADEOFF_DB="$d/$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }')" \
    "$TRADEOFF" import "$example"
expect_status 1
expect_err_line "tradeoff: the session database path is too long"

# ---- USER: recorded in the history, whatever it holds ----
nl='
'
for u in '' "evil${nl}user" "$(printf 'a\033[2Jb')" \
    "$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "u" }')"; do
	timed env USER="$u" "$TRADEOFF" import "$example" --session user
	expect_status 0
done
timed env -u USER "$TRADEOFF" import "$example" --session user2
expect_status 0

# ---- locale: LANG=C with UTF-8 names; a locale that does not exist ----
for l in C POSIX C.UTF-8 xx_YY.UTF-8 'de_DE.ISO-8859-1'; do
	timed env -u LC_ALL LANG="$l" "$TRADEOFF" import "$example" --session 'Zoë — café'
	expect_status 0
	timed env LC_ALL="$l" "$TRADEOFF" list
	expect_status 0
	expect_out "Zoë — café"
	timed env LC_ALL="$l" "$TRADEOFF" export 'Zoë — café' --format yaml
	expect_status 0
	expect_out "session: Zoë — café"
done

# ---- odd standard streams ----
# Closed stdout, stdout on a full device, stdin closed: an error, not a
# crash, and never a success that lost the output.
timed sh -c 'exec "$0" eval --answers "$1" >&-' "$TRADEOFF" "$example"
expect_status 1
if [ -w /dev/full ]; then
	timed sh -c 'exec "$0" eval --answers "$1" >/dev/full' "$TRADEOFF" "$example"
	expect_status 1
	timed sh -c 'exec "$0" list --format yaml >/dev/full' "$TRADEOFF"
	expect_status 1
	timed sh -c 'exec "$0" export env --format yaml >/dev/full' "$TRADEOFF"
	expect_status 1
	timed sh -c 'exec "$0" check >/dev/full' "$TRADEOFF"
	expect_status 1
fi
# Every command, --version and --help included: exit 1 and one line
# saying so, on a full device and on a closed descriptor alike.
run "$TRADEOFF" import "$example" --session streams
for redirect in '>/dev/full' '>&-'; do
	[ "$redirect" = '>/dev/full' ] && [ ! -w /dev/full ] && continue
	for args in --version --help list "list --format yaml" check \
	    "eval --answers $example" "eval --answers $example --format yaml" \
	    "export streams" "export streams --format adr" \
	    "export streams --format yaml"; do
		# shellcheck disable=SC2086
		timed sh -c "exec \"\$0\" \"\$@\" $redirect" "$TRADEOFF" $args
		expect_status 1
		checks=$((checks + 1))
		one_line || { fail "$last $redirect: not one line on stderr"; show; }
		expect_err "tradeoff: cannot write"
	done
	# A command that saved something says so before it fails.
	timed sh -c "exec \"\$0\" import \"\$1\" --session saved $redirect" \
	    "$TRADEOFF" "$example"
	expect_status 1
	expect_err "tradeoff: cannot write to standard output: "
	expect_err "; session 'saved' "
	run "$TRADEOFF" export saved --format yaml
	expect_status 0
	expect_out "traffic: spiky"
	run "$TRADEOFF" delete saved
done
timed sh -c 'exec "$0" eval --answers - <&-' "$TRADEOFF"
expect_status 1
timed sh -c 'exec "$0" import - --session s <&-' "$TRADEOFF"
expect_status 1

finish_cases
