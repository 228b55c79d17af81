#!/bin/sh
# The flow of a questionnaire: answering an open question moves on to
# the next open one (a toggles it; --no-advance starts it off), changing
# an answer stays put, the last answer says the questionnaire is
# complete; a key that does nothing says why; reopening a session comes
# back where it was left; undo goes to the question it changed.
. "$TESTS_SRCDIR/e2e/lib.sh"

start -A --session flow
wait_for "Workload (1 of 7) › How does traffic arrive?"
keys 1
wait_for "Workload (2 of 7) › How long does one unit of work run?"
wait_for "1/21 answered"
# Changing an answer stays put.
keys Left
wait_for "How does traffic arrive? = Spiky"
keys 2
wait_for "How does traffic arrive? = Steady"
expect_screen "Workload (1 of 7)"
# a turns it off and on.
keys Right a
wait_for "Answering stays on the question (a moves on again)."
keys 1
wait_for "How long does one unit of work run? = Short"
expect_screen "Workload (2 of 7)"
keys a
wait_for "Answering an open question moves on to the next (a turns it off)."
# A key that does nothing says why.
keys 5
wait_for "This question has 3 answers: 1-3 choose one."
keys Home
wait_for "Workload (1 of 7)"
keys Left
wait_for "This is the first question."
keys End Right
wait_for "This is the last question."
# Answer everything: the last answer says it is complete.
n=2
while [ $n -lt 21 ]; do
	keys 1
	n=$((n + 1))
	wait_for "$n/21 answered"
done
wait_for "Every question is answered: r shows why, e exports"
# Undo goes to the question it changed.
keys g
wait_for "Workload (1 of 7)"
keys u
wait_for "Undone: "
expect_no_screen "Workload (1 of 7) ›"
# Reopening returns where it was left.
keys g Tab Tab
wait_for "Team (1 of 3)"
quit
start -A --session flow
wait_for "Team (1 of 3)"
quit
# --no-advance starts it off.
start --session flow2
wait_for "Workload (1 of 7)"
keys 1
wait_for "1/21 answered"
expect_screen "Workload (1 of 7) › How does traffic arrive? = Spiky"
quit
finish
