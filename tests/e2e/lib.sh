# lib.sh - drive the real explorer in tmux (POSIX sh).
#
# Each test gets a private tmux server and a fixed environment: TERM,
# LANG, TZ, HOME, XDG directories and the database all pinned, so the
# screens are the same on every machine.  `start` runs tradeoff in a
# detached 80x24 window; `keys` types; `wait_for` polls the screen until
# a text appears (a test never sleeps a fixed time to "let it draw").

. "$TESTS_SRCDIR/cli/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux is not installed: skipping" >&2
	exit 77
fi

sock=$tmp/tmux.0.sock
nstarts=0
pane=t:0.0
export TRADEOFF_DB_JOURNAL=${TRADEOFF_DB_JOURNAL:-auto}

tm() {
	tmux -S "$sock" -f /dev/null "$@"
}

cleanup_tmux() {
	tm kill-server >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup_tmux EXIT

# run_script FILE PIDFILE [-A] [-u USER] [-x COLS] [-y ROWS] [-t TERM]
# [-e VAR=VALUE]... [ARGS...]: write the script that runs the explorer
# with the fixed environment (as USER, through setpriv; with
# --no-advance unless -A); sets cols and rows.
run_script() {
	script=$1 pidfile=$2
	shift 2
	cols=80 rows=24 term=xterm envs= as= advance=0
	while [ $# -gt 0 ]; do
		case $1 in
		-A) advance=1; shift ;;
		-u) as="setpriv --reuid=$2 --regid=nogroup --clear-groups "
		    shift 2 ;;
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		-t) term=$2; shift 2 ;;
		-e) envs="$envs $2"; shift 2 ;;
		*) break ;;
		esac
	done
	# The tests answer a question and stay on it unless they ask for
	# the default, answering moves on (-A; tests/e2e/flow.sh).
	[ "$advance" -eq 0 ] && set -- --no-advance "$@"
	# Sanitizer settings of a sanitizer build reach the program too.
	for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
		eval "val=\${$v:-}"
		[ -n "$val" ] && envs="$envs $v=$val"
	done
	# The arguments go into the script, each quoted for the shell.
	qargs=
	for a in "$@"; do
		qargs="$qargs '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
	done
	termvar="TERM=$term"
	[ "$term" = - ] && termvar=
	printf '#!/bin/sh\necho $$ >"%s"\nexec %senv -i PATH=/usr/bin:/bin %s LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC HOME=%s XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s TRADEOFF_DB=%s TRADEOFF_DATADIR=%s TRADEOFF_DB_JOURNAL=%s %s %s %s\n' \
	    "$pidfile" "$as" "$termvar" "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" \
	    "$TRADEOFF_DB" "$TRADEOFF_DATADIR" "$TRADEOFF_DB_JOURNAL" "$envs" \
	    "$TRADEOFF" "$qargs" >"$script"
	chmod +x "$script"
	rm -f "$pidfile"
}

# The exit line on a line of its own: a program killed mid-frame leaves
# the cursor anywhere and the terminal raw (a newline does not return
# the carriage), and "[exit 137]" must not wrap.
exit_line="s=\$?; printf '\\r\\n[exit %d]\\r\\n' \$s; sleep 600"

# start [-x COLS] [-y ROWS] [-t TERM] [-e VAR=VALUE]... [ARGS...]: run the
# explorer in a fresh tmux window; it stays open after the program ends
# so its last screen and exit status can be read.  -t - leaves TERM
# unset.
start() {
	run_script "$tmp/run.sh" "$tmp/pid" "$@"
	# A fresh server each time: a server being killed cannot take the
	# new session with it.
	tm kill-server >/dev/null 2>&1 || true
	nstarts=$((nstarts + 1))
	sock=$tmp/tmux.$nstarts.sock
	pane=t:0.0
	tm new-session -d -s t -x "$cols" -y "$rows" "$tmp/run.sh; $exit_line"
	tm set-option -t t status off >/dev/null
}

# join NAME [OPTIONS] [ARGS...]: one more explorer, beside the others,
# in the tmux session NAME of the same server (a workshop: several
# explorers on one database).  `use NAME` points keys and screens at it.
join() {
	name=$1
	shift
	run_script "$tmp/run-$name.sh" "$tmp/pid-$name" "$@"
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
	    "$tmp/run-$name.sh; $exit_line"
	tm set-option -t "$name" status off >/dev/null
	pane=$name:0.0
}

use() {
	pane=$1:0.0
}

# pid_of NAME: the process id of the explorer NAME joined with.
pid_of() {
	cat "$tmp/pid-$1"
}

# keys KEY...: as tmux send-keys (named keys like Down, Enter, Escape).
keys() {
	tm send-keys -t "$pane" "$@"
}

# text STRING: type a literal string.
text() {
	tm send-keys -t "$pane" -l "$1"
}

screen() {
	tm capture-pane -p -t "$pane"
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT (default 60 s:
# only a failure waits that long, and a sanitizer build on busy cores
# must never).
wait_for() {
	limit=$(( ${2:-60} * 20 ))
	i=0
	checks=$((checks + 1))
	while [ $i -lt "$limit" ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "screen never showed '$1'"
	screen | sed 's/^/  | /' >&2
	return 1
}

# wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT.
wait_gone() {
	limit=$(( ${2:-60} * 20 ))
	i=0
	checks=$((checks + 1))
	while [ $i -lt "$limit" ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "screen still shows '$1'"
	screen | sed 's/^/  | /' >&2
	return 1
}

# expect_screen TEXT: the screen shows TEXT now.
expect_screen() {
	checks=$((checks + 1))
	if ! screen | grep -qF -- "$1"; then
		fail "screen lacks '$1'"
		screen | sed 's/^/  | /' >&2
	fi
}

expect_no_screen() {
	checks=$((checks + 1))
	if screen | grep -qF -- "$1"; then
		fail "screen shows '$1'"
		screen | sed 's/^/  | /' >&2
	fi
}

# pid: the process id of the program in the window.
pid() {
	cat "$tmp/pid"
}

# quit: press q and wait for the program to end with status 0.
quit() {
	keys q
	wait_for "[exit 0]"
}

resize() {
	tm resize-window -t t -x "$1" -y "$2"
}

# term_state: what the program left the terminal in, as tmux sees it:
# "ALTERNATE CURSOR KEYPAD" flags, "0 1 0" when restored (the normal
# screen, the cursor shown, the keypad in normal mode).
term_state() {
	tm display -p -t "$pane" '#{alternate_on} #{cursor_flag} #{keypad_cursor_flag}'
}

# expect_restored [WHAT]: the terminal is back as it was before the
# program ran.
expect_restored() {
	checks=$((checks + 1))
	st=$(term_state)
	if [ "$st" != "0 1 0" ]; then
		fail "${1:-the terminal} was not restored (alternate, cursor, keypad: $st)"
		screen | sed 's/^/  | /' >&2
	fi
}
