#!/bin/sh
# Every view one key away at 80x24: tables, rationale, weights, notes,
# undo, sessions, cost, help; each change saved as it is made.
. "$TESTS_SRCDIR/e2e/lib.sh"

start --session views
wait_for "Recommendation: undecided"
keys 1 Right 1
wait_for "2/21 answered"

# Each comparison table, from the one that bears most on the question
# (duration: the cost table).
keys t
wait_for "Cost dynamics (2 of 6"
keys 1
wait_for "Architecture and application fit (1 of 6"
expect_screen "● Compute"
expect_screen "✓ Ephemeral"
for n in 2 3 4 5 6; do
	keys Right
	wait_for "($n of 6"
done
expect_screen "Deployment and delivery"
keys 2
wait_for "Cost dynamics (2 of 6"
wait_for "Monthly for this workload: Serverless \$"
keys Escape
wait_for "Enter choose"

# The rationale and the flip.
keys r
wait_for "What would flip it"
expect_screen "Why: the answers that moved the result most"
expect_screen "traffic = Spiky: favours Serverless on Cost"
keys r
wait_for "Enter choose"

# A weight: cost from 3 to 5, with the arrows and with a digit.
keys w
wait_for "Dimension weights"
keys Down Right
wait_for "4 (changed)"
keys 5
wait_for "5 (changed)"
keys Escape

# A note on the current question (duration), kept on Esc.
keys n
wait_for "Note:"
text "Batch jobs | run < 1 s"
keys Escape
wait_for "Note: Batch jobs | run < 1 s"

# Undo takes back the note, then the weight, one step at a time.
keys u
wait_for 'Undone: the note on "How long does one unit of work run?" is removed.'
wait_gone "Note: Batch jobs"
keys u
wait_for "Undone: the weight of Cost is 4."
keys u
wait_for "Undone: the weight of Cost is the default again."
keys u
wait_for 'Undone: "How long does one unit of work run?" is unanswered.'
wait_for "1/21 answered"

# Write the note again and make sure it lands in the database.
keys n
text "Peak at 40x on Black Friday"
keys Enter
wait_for "Note saved."

# The cost panel: a figure stepped up changes the figures at once.
keys c
wait_for "Requests a month"
wait_for "Requests a month  10,000,000"
keys Down Right
wait_for "Requests a month  20,000,000"
keys Enter
wait_for "Requests a month in req/month:"
keys C-u
text "3000000"
keys Enter
wait_for "Requests a month  3,000,000"
wait_for "Break-even:"
keys Escape

# The help overlay lists every key from the key table.
keys '?'
wait_for "In the questionnaire"
expect_screen "1-5                 choose the answer with that number"
keys Escape
wait_for "Enter choose"

# Export: the format, then the path; asked before replacing a file.
keys e
wait_for "Export as: m summary  a ADR  y YAML"
keys m
wait_for "Write to: ./views.md"
keys C-u
text "$tmp/views.md"
keys Enter
wait_for "Wrote the summary and its chart to $tmp/views.md."
checks=$((checks + 1))
[ -s "$tmp/views-cost.svg" ] || fail "no chart beside the summary"
checks=$((checks + 1))
grep -q "^# views" "$tmp/views.md" || fail "the summary is not in $tmp/views.md"
keys e a
wait_for "Write to: ./views-adr.md"
# Typing into the prefilled path replaces it.
text "$tmp/views.md"
keys Enter
wait_for "That file exists. Replace it? Type yes:"
text yes
keys Enter
wait_for "Wrote the decision record to $tmp/views.md."
checks=$((checks + 1))
grep -q "^status: proposed" "$tmp/views.md" ||
    fail "the decision record did not replace $tmp/views.md"
# Only the summary's chart in the way: asked about, then replaced.
rm "$tmp/views.md"
keys e m C-u
text "$tmp/views.md"
keys Enter
wait_for "Its chart (-cost.svg) exists. Replace it? Type yes:"
text yes
keys Enter
wait_for "Wrote the summary and its chart to $tmp/views.md."

# Sessions: a new one, then back to the first.
keys s
wait_for "Sessions (1)"
keys N
wait_for "New session:"
keys C-u
text "second | room"
keys Enter
wait_for "tradeoff · second | room"
wait_for "0/21 answered"
keys s
wait_for "Sessions (2)"
keys Down Enter
wait_for "tradeoff · views"
wait_for "1/21 answered"
quit

run "$TRADEOFF" export views --format yaml
expect_status 0
expect_out "  traffic: spiky"
expect_out "  duration: Peak at 40x on Black Friday"
expect_out "  requests_per_month: 3000000"
expect_no_out "weights:"
run "$TRADEOFF" list
expect_out "second | room"

finish
