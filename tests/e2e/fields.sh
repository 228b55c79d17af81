#!/bin/sh
# Fields and prompts: typing into a prefilled figure or path replaces
# it; the session's context and participants are seen and edited in the
# explorer (i); the delete confirmation names the session.
. "$TESTS_SRCDIR/e2e/lib.sh"

start --session fields
wait_for "Enter choose"
# A figure: Enter shows it selected; typing replaces it.
keys c Down
wait_for "Requests a month"
keys Enter
wait_for "Requests a month in req/month:"
text 5000000
keys Enter
wait_for "5,000,000"
expect_no_screen "10000000"

# The session: context lines and participants.
keys i
wait_for "Context (the problem, in a few lines)"
keys Down Enter
wait_for "Add:"
text "Checkout API for the EU shop"
keys Enter
wait_for "Context saved."
keys Down Enter
wait_for "Add:"
text "Black Friday is the stress case"
keys Enter
wait_for "Black Friday is the stress case"
keys Down Down Enter
wait_for "Add:"
text "Ana (architect)"
keys Enter
wait_for "Participants saved."
wait_for "Ana (architect)"
# A line removed.
keys Up Up x
wait_for "Context saved."
expect_no_screen "Black Friday is the stress case"
quit
run "$TRADEOFF" export fields --format yaml
expect_out 'context: Checkout API for the EU shop'
expect_out '- Ana (architect)'

# The delete confirmation names the session.
run "$TRADEOFF" copy fields "to delete"
start --session fields
wait_for "Enter choose"
keys s
wait_for "Sessions (2)"
keys D
wait_for "Delete 'to delete' and its history? Type yes:"
keys Escape
quit
finish
