# lib.sh - the bad-input catalogue's helpers (POSIX sh).
#
# Every case feeds one bad thing to the real binary and expects it to
# fail the documented way: exit status 1 (2 for a usage error), one line
# on standard error naming the file, with "line:column:" where the
# problem has a position, nothing on standard output, quickly.  Each run
# has at most $cpu_limit seconds of CPU, and $wall_limit of wall-clock
# time for a hang that uses none: a loop or a hang is a failure, not a
# stuck test, and no limit is near what a sanitizer build on two busy
# cores takes.

. "$TESTS_SRCDIR/cli/lib.sh"

example=$TRADEOFF_DATADIR/data/example.yaml
pricing=$TRADEOFF_DATADIR/data/pricing.yaml
slow_ms=2000
cpu_limit=${TRADEOFF_TEST_CPU:-30}
wall_limit=300
ncases=0

# now_ms: milliseconds since the epoch (GNU date; seconds elsewhere).
now_ms() {
	t=$(date +%s%N 2>/dev/null)
	case $t in
	*N) echo $(( $(date +%s) * 1000 )) ;;
	*) echo $((t / 1000000)) ;;
	esac
}

# timed CMD...: run as `run` does, with the limits above; a case over
# $slow_ms is reported (sanitizer and valgrind builds are slower, so it
# is not a failure), and one a limit stops is.
timed() {
	ncases=$((ncases + 1))
	t0=$(now_ms)
	run timeout "$wall_limit" sh -c 'ulimit -t "$0" && exec "$@"' \
	    "$cpu_limit" "$@"
	last=$*
	elapsed=$(( $(now_ms) - t0 ))
	if [ "$status" -eq 124 ]; then
		checks=$((checks + 1))
		fail "$*: still running after $wall_limit s"
	elif [ "$status" -eq 152 ] || [ "$status" -eq 137 ]; then
		checks=$((checks + 1))
		fail "$*: used more than $cpu_limit s of CPU"
	elif [ "$elapsed" -gt "$slow_ms" ]; then
		echo "note: slow case (${elapsed} ms): $*" >&2
	fi
}

# load KIND FILE: run the loader of KIND on FILE through the program.
#   model    tradeoff --model FILE check (the model in use)
#   pricing  tradeoff --pricing FILE eval --answers example.yaml
#   answers  tradeoff eval --answers FILE
#   import   tradeoff import FILE --session x (answers, into the database)
#   theme    tradeoff check FILE (told apart by its 'roles:')
#   check    tradeoff check FILE (any kind)
load() {
	case $1 in
	model) timed "$TRADEOFF" --model "$2" check ;;
	pricing) timed "$TRADEOFF" --pricing "$2" eval --answers "$example" ;;
	answers) timed "$TRADEOFF" eval --answers "$2" ;;
	import) timed "$TRADEOFF" import "$2" --session x ;;
	theme|check) timed "$TRADEOFF" check "$2" ;;
	*) echo "lib.sh: unknown kind $1" >&2; exit 99 ;;
	esac
}

# one_line: the one line of stderr in $line; false when there are more
# or none.  (No subprocesses: the catalogue runs this thousands of times.)
one_line() {
	line= more=
	{ IFS= read -r line && IFS= read -r more; } <"$tmp/err"
	[ -n "$line" ] && [ -z "$more" ]
}

# expect_positioned FILE [LINE[:COL]] [TEXT]: stderr is one line,
# "tradeoff: FILE:LINE:COL: message" (at LINE, and COL, when given) and
# contains TEXT when given; stdout is empty.
expect_positioned() {
	checks=$((checks + 1))
	rest=
	one_line && rest=${line#"tradeoff: $1:"}
	if [ -z "$rest" ] || [ "$rest" = "$line" ]; then
		fail "${last}: stderr is not one line 'tradeoff: $1:...'"
		show
		return
	fi
	pos=${rest%%: *}
	case $pos in
	*[!0-9:]*|:*|*:|*:*:*|"$rest") pos= ;;
	*:*) ;;
	*) pos= ;;
	esac
	if [ -z "$pos" ]; then
		fail "${last}: no line:column in the message"
		show
		return
	fi
	case ${2:-} in
	'') ;;
	*:*) [ "$pos" = "$2" ] || { fail "${last}: at $pos, expected $2"; show; } ;;
	*) [ "${pos%%:*}" = "$2" ] || { fail "${last}: at line ${pos%%:*}, expected $2"; show; } ;;
	esac
	if [ -n "${3:-}" ]; then
		case $line in
		*"$3"*) ;;
		*) fail "${last}: stderr lacks '$3'"; show ;;
		esac
	fi
	[ -s "$tmp/out" ] && { fail "${last}: output on stdout"; show; }
	return 0
}

# expect_file_error FILE TEXT: stderr is the one line "tradeoff: FILE:
# ..." with no position (the file as a whole is wrong), containing TEXT.
expect_file_error() {
	checks=$((checks + 1))
	one_line || line="(not one line)"
	case $line in
	"tradeoff: $1: "*"$2"*) ;;
	*)
		fail "${last}: stderr is not the one line 'tradeoff: $1: ...$2...'"
		show ;;
	esac
}

# bad KIND FILE [LINE[:COL]] [TEXT]: loading FILE as KIND fails with
# status 1 and a positioned message (see expect_positioned).
bad() {
	load "$1" "$2"
	expect_status 1
	expect_positioned "$2" "${3:-}" "${4:-}"
}

# bad_file KIND FILE TEXT: fails with status 1 and "FILE: ...TEXT...".
bad_file() {
	load "$1" "$2"
	expect_status 1
	expect_file_error "$2" "$3"
}

# good KIND FILE: FILE loads (the unchanged copy a case starts from).
good() {
	load "$1" "$2"
	expect_status 0
}

# line_of TEXT FILE: the number of the first line of FILE holding TEXT.
line_of() {
	grep -nF -- "$1" "$2" | head -n 1 | cut -d: -f1
}

finish_cases() {
	printf '%s: %d cases\n' "$(basename "$0")" "$ncases"
	finish
}
