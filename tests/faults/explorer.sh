#!/bin/sh
# Faults around the explorer, in tmux.
#
# Killed while answers are being made: SIGKILL, SIGTERM,
# SIGHUP (a dropped SSH connection), SIGINT, and the terminal itself
# going away, each at a random moment in a burst of answers.  After each:
# every answer the screen showed before the kill is saved, the terminal
# was restored where the signal allows (all but SIGKILL), the program
# died of the signal, and PRAGMA integrity_check is "ok".
. "$TESTS_SRCDIR/e2e/lib.sh"
: "${DBTOOL:?DBTOOL must name tests/faults/dbtool}"

rounds=${TRADEOFF_KILL_ROUNDS:-4}
seed=${TRADEOFF_KILL_SEED:-$(date +%s)}
echo "explorer.sh: seed $seed (TRADEOFF_KILL_SEED=$seed repeats this run)" >&2

# A random delay in seconds, 0 to $1 ms, from the seeded sequence.
n_rand=0
delay() {
	n_rand=$((n_rand + 1))
	awk -v s="$seed" -v n="$n_rand" -v max="$1" \
	    'BEGIN { srand(s + n * 7919); printf "%.3f\n", rand() * max / 1000 }'
}

# A burst: every question answered with its first answer, one tmux
# command per answer (a few milliseconds each), so a kill sent while it
# runs lands between answers, or in the middle of saving one.
burst() {
	keys 1
	i=1
	while [ $i -lt 21 ]; do
		keys Right 1 2>/dev/null
		i=$((i + 1))
	done
}
# The reference: what the whole burst saves.
start --session reference
wait_for "0/21 answered"
burst
wait_for "21/21 answered"
quit
run "$TRADEOFF" export reference --format yaml
expect_status 0
sed -n '/^answers:/,/^[a-z]/{/^  /p}' "$tmp/out" >"$tmp/reference"
checks=$((checks + 1))
[ "$(wc -l <"$tmp/reference")" -eq 21 ] || fail "the reference has not 21 answers"

# answered: the "N/21 answered" count on the screen now, or -1.
answered() {
	screen | sed -n 's|.* \([0-9][0-9]*\)/21 answered.*|\1|p' | head -n 1 |
	    grep . || echo -1
}

# check_saved NAME SHOWN: session NAME holds at least the SHOWN answers
# the screen showed, each the reference's, and the file is sound.
check_saved() {
	run "$TRADEOFF" export "$1" --format yaml
	expect_status 0
	sed -n '/^answers:/,/^[a-z]/{/^  /p}' "$tmp/out" >"$tmp/saved"
	n=$(wc -l <"$tmp/saved")
	echo "$1: $2 answers shown before the kill, $n saved" >&2
	checks=$((checks + 1))
	if [ "$n" -lt "$2" ]; then
		fail "$1: the screen showed $2 answered, $n were saved (seed $seed)"
	fi
	checks=$((checks + 1))
	if ! grep -vxF -f "$tmp/reference" "$tmp/saved" >"$tmp/wrong"; then :; else
		fail "$1: saved answers that were never given: $(cat "$tmp/wrong")"
	fi
	run "$DBTOOL" integrity "$TRADEOFF_DB"
	expect_status 0
	expect_out "ok"
}

# ---- signals at random moments in a burst of answers ----
for sig in KILL TERM HUP INT; do
	r=0
	while [ $r -lt "$rounds" ]; do
		r=$((r + 1))
		name="$sig-$r"
		start --session "$name"
		wait_for "0/21 answered"
		burst &
		keyer=$!
		# Later in the burst each round: 0-25 ms, 0-50 ms, ...
		sleep "$(delay $((25 * r)))"
		shown=$(answered)
		# (Ctrl-C in the pane would interrupt the pane's shell as
		# well, and with it the exit line: the signal is sent.)
		kill -s "$sig" "$(pid)"
		case $sig in
		KILL) code=137 ;;
		TERM) code=143 ;;
		HUP) code=129 ;;
		INT) code=130 ;;
		esac
		wait "$keyer"
		wait_for "[exit $code]"
		# SIGKILL leaves the terminal as it was at the kill; the
		# others are caught, the terminal restored, then the program
		# dies of the signal.
		[ "$sig" != KILL ] && expect_restored "SIG$sig"
		check_saved "$name" "$shown"
	done
done

# ---- the terminal goes away (the pane is closed: a hangup) ----
r=0
while [ $r -lt "$rounds" ]; do
	r=$((r + 1))
	name="hangup-$r"
	start --session "$name"
	wait_for "0/21 answered"
	p=$(pid)
	burst &
	keyer=$!
	sleep "$(delay $((25 * r)))"
	shown=$(answered)
	tm kill-pane -t "$pane"
	wait "$keyer"
	# It must end, not spin on a terminal that is gone.
	i=0
	# (A generous limit: a sanitizer build on busy cores is slow to
	# notice, and only a program that never ends reaches it.)
	while kill -0 "$p" 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	checks=$((checks + 1))
	if kill -0 "$p" 2>/dev/null; then
		fail "$name: still running 60 s after its terminal went away"
		kill -KILL "$p"
	fi
	check_saved "$name" "$shown"
done

# ---- the database locked by another program for longer than 5 s ----
# The answer is refused with a message, not shown as made; once the lock
# is gone the same key saves it.
start --session locked
wait_for "0/21 answered"
rm -f "$tmp/ready"
"$DBTOOL" lock "$TRADEOFF_DB" 300 "$tmp/ready" &
locker=$!
i=0
while [ ! -s "$tmp/ready" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
keys 1
wait_for "Not saved:" 120
wait_for "locked"
expect_screen "0/21 answered"
expect_no_screen "●"
kill "$locker"
wait "$locker"
keys 1
wait_for "1/21 answered"
quit
run "$TRADEOFF" export locked --format yaml
expect_status 0
expect_out "traffic: spiky"

# ---- the database replaced by garbage between two runs ----
start --session garbage
wait_for "0/21 answered"
keys 1
wait_for "1/21 answered"
quit
i=0
while [ $i -lt 2000 ]; do printf 'not a database '; i=$((i + 1)); done >"$tmp/garbage"
cp "$tmp/garbage" "$TRADEOFF_DB"
rm -f "$TRADEOFF_DB-wal" "$TRADEOFF_DB-shm"
start -x 300 --session garbage
wait_for "[exit 1]"
wait_for "not a SQLite database"
expect_restored "garbage database"
checks=$((checks + 1))
cmp -s "$tmp/garbage" "$TRADEOFF_DB" || fail "the garbage database was changed"

finish
