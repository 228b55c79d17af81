#!/bin/sh
# A whole workshop at 80x24: every answer moves the recommendation on
# screen, and quitting and reopening finds everything as it was.
. "$TESTS_SRCDIR/e2e/lib.sh"

start --session checkout
wait_for "0/21 answered"
wait_for "Recommendation: undecided"

# Layout is the point here: the first screen, exactly.
screen >"$tmp/first.txt"
checks=$((checks + 1))
if ! diff -u "$TESTS_SRCDIR/e2e/screens/start-80x24.txt" "$tmp/first.txt" >&2; then
	fail "the first screen differs from screens/start-80x24.txt"
fi

# The serverless scenario of issue 2: the first answer to every question
# of the workload, architecture, team, compliance, operations and delivery
# panels, moving on with the right arrow.
keys 1
wait_for "Recommendation: Serverless"
n=1
while [ $n -lt 20 ]; do
	keys Right 1
	n=$((n + 1))
	wait_for "$n/21 answered"
done
wait_for "Serverless, confidence 0.95"
expect_screen "What would flip it: GPUs → Hybrid"

# Work over 15 minutes rules functions out: the screen says so at once.
keys g Right 3
wait_for "blocked: duration"
wait_for "Recommendation: Hybrid"
expect_screen "= Long (over 15 min"
expect_no_screen "Serverless, confidence"

# Quit and come back: the same answers, the same result.
quit
start
wait_for "tradeoff · checkout"
wait_for "20/21 answered"
wait_for "Recommendation: Hybrid"
keys g Right
wait_for "● Long (over 15 min"
quit

# The answers are in the database for the command line too.
run "$TRADEOFF" export checkout --format yaml
expect_status 0
expect_out "  duration: long"
expect_out "  rollout: simple"

finish
