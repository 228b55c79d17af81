#!/bin/sh
# A note or a workload figure being typed when the explorer is killed
# outright (SIGKILL: no chance to save) comes back, as typed, the next time this participant
# opens the session; saving it, or leaving it empty, forgets the draft.
. "$TESTS_SRCDIR/e2e/lib.sh"

# kept TEXT: until TEXT is in the presence database (the draft is kept
# about once a second while typing; only a failure waits 60 s).
kept() {
	i=0
	checks=$((checks + 1))
	while [ $i -lt 1200 ]; do
		if cat "$TRADEOFF_DB.live" "$TRADEOFF_DB.live-wal" 2>/dev/null |
		    grep -aqF -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "the draft '$1' was never kept"
}

# saved TEXT: the session, exported, holds TEXT.
saved() {
	out=$("$TRADEOFF" export drafted --format yaml 2>&1)
	checks=$((checks + 1))
	case $out in
	*"$1"*) ;;
	*) fail "what was given back was not saved ('$1'): $out" ;;
	esac
}

# killed TEXT: once TEXT typed is kept, the explorer is killed.
killed() {
	kept "$1"
	kill -KILL "$(pid)"
	wait_for "[exit 137]"
}

start --session drafted --as ana
wait_for "Enter choose"
keys Right
wait_for "How long does one unit"
keys n
text "We still need the p99 from the load test"
wait_for "p99 from the load"
killed "p99 from the load test"

# Someone else opening the session is not offered ana's draft.
start --session drafted --as ben
wait_for "Enter choose"
expect_no_screen "p99 from the load"
expect_no_screen "Unsaved note"
quit

# Ana is: on the question she was typing on, the editor open on it.
start --session drafted --as ana
wait_for "Unsaved note, as you left it"
expect_screen "How long does one unit"
expect_screen "p99 from the load test"
text " run"
keys Enter
wait_for "Note saved."
quit
saved "p99 from the load test run"

# Saved, the draft is gone: the next start offers nothing.
start --session drafted --as ana
wait_for "Enter choose"
expect_no_screen "Unsaved note"

# A workload figure typed in the cost panel and not yet confirmed.
keys c
wait_for "Requests a month"
keys Down Enter
wait_for "Requests a month in"
text "25000000"
wait_for "25000000"
killed "25000000"
start --session drafted --as ana
wait_for "Unsaved Requests a month, as you left it:"
expect_screen "25000000"
keys Enter
wait_for "25,000,000"
quit
saved "requests_per_month: 25000000"
start --session drafted --as ana
wait_for "Enter choose"
expect_no_screen "Unsaved"
quit
finish
