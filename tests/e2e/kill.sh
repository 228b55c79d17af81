#!/bin/sh
# A kill loses nothing that was on screen; a polite signal also restores
# the terminal and keeps a note being typed.
. "$TESTS_SRCDIR/e2e/lib.sh"

exported() {
	"$TRADEOFF" export "$1" --format yaml 2>&1
}

# SIGKILL in the middle of a session: every answer the screen showed
# is in the database afterwards.
start --session killed
wait_for "Enter choose"
keys 2 Right 3 Right 3 Right 2
wait_for "4/21 answered"
kill -KILL "$(pid)"
wait_for "[exit 137]"
out=$(exported killed)
for a in "traffic: steady" "duration: long" "state: in_memory" \
    "latency: moderate"; do
	checks=$((checks + 1))
	case $out in
	*"  $a"*) ;;
	*) fail "after SIGKILL, '$a' is missing from: $out" ;;
	esac
done
start --session killed
wait_for "4/21 answered"
wait_for "blocked: duration"
quit

# SIGTERM and SIGHUP (a dropped SSH connection) while a note is typed:
# the note is saved, the screen is given back, the program dies of the
# signal as it should.
for sig in TERM HUP; do
	start --session "sig $sig"
	wait_for "Enter choose"
	keys 1
	wait_for "1/21 answered"
	keys n
	wait_for "Note:"
	text "typed when $sig came"
	wait_for "typed when $sig came"
	kill -"$sig" "$(pid)"
	if [ "$sig" = TERM ]; then code=143; else code=129; fi
	wait_for "[exit $code]"
	# Left the alternate screen: the explorer's frame is gone.
	expect_no_screen "Recommendation:"
	out=$(exported "sig $sig")
	checks=$((checks + 1))
	case $out in
	*"traffic: typed when $sig came"*) ;;
	*) fail "the note typed at SIG$sig was lost: $out" ;;
	esac
done

# The database is sound after all that.
run "$TRADEOFF" list
expect_status 0
expect_out "killed"

finish
