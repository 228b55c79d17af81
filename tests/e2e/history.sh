#!/bin/sh
# The history view (H) and milestones (m) in the explorer: every change
# with who and when, milestones on the same timeline, and the difference
# between the session now and a milestone a key away.
. "$TESTS_SRCDIR/e2e/lib.sh"

example=$TRADEOFF_DATADIR/data/example.yaml
USER=ana run "$TRADEOFF" import "$example" --session ws
expect_status 0

start --session ws
wait_for "14/22 answered"
# A milestone from the explorer: m, then its label.
keys m
wait_for "Milestone label:"
text "workshop"
keys Enter
wait_for "Milestone 'workshop' saved"
# The label is taken now: refused, with the reason.
keys m
wait_for "Milestone label:"
text "workshop"
keys Enter
wait_for "already has a milestone 'workshop'"
# A change after the milestone: traffic becomes steady.
keys g
wait_for "How does traffic arrive?"
keys 2
wait_for "How does traffic arrive? = Steady"
# The history: the import, the milestone, the change, with who.
keys H
wait_for "History of 'ws'"
expect_screen "milestone 'workshop'"
expect_screen "\"How does traffic arrive?\" is \"Steady\""
# Enter on the milestone shows what changed since and what it did.
keys Up
keys Enter
wait_for "Since milestone 'workshop'"
expect_screen "The answer to \"How does traffic arrive?\": Spiky -> Steady"
expect_screen "What that did:"
# Enter again: back to the history.
keys Enter
wait_for "History of 'ws'"
quit

# The help lists both keys (a tall window shows the whole list).
start -y 120 --session ws
wait_for "14/22 answered"
keys '?'
wait_for "history: every change"
expect_screen "save a milestone"
quit

# What the explorer saved, seen from the command line.
run "$TRADEOFF" list --milestones ws
expect_status 0
expect_out "workshop"
run "$TRADEOFF" export ws@workshop --format yaml
expect_status 0
expect_out "  traffic: spiky"
finish
