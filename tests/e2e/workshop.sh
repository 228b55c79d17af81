#!/bin/sh
# A workshop: three explorers on one database, as ana, ben and chloe.
# What one changes appears on the others' screens without a key press;
# each sees who else is there; votes stay hidden until revealed; the
# disagreement view agrees with eval; a note changed meanwhile is not
# overwritten; undo takes back one's own change; a killed explorer
# drops out of the others' titles.
. "$TESTS_SRCDIR/e2e/lib.sh"

data=$TESTS_SRCDIR/data
# The example session without its first two answers.
sed -e '/^  traffic:/d' -e '/^  duration:/d' "$TRADEOFF_DATADIR/data/example.yaml" \
    >"$tmp/ws.yaml"
run "$TRADEOFF" import "$tmp/ws.yaml" --session ws
expect_status 0

join ana --session ws --as ana
wait_for "Enter choose"
join ben --session ws --as ben
wait_for "Enter choose"
join chloe --session ws --as chloe
wait_for "Enter choose"

# Presence: each title names the others.
use ana
wait_for "with ben, chloe"
use chloe
wait_for "with ana, ben"

# Live: ana answers; ben and chloe see it without a key.
use ana
wait_for "12/22 answered"
keys g 2
wait_for "13/22 answered"
use ben
wait_for "13/22 answered"
use chloe
wait_for "13/22 answered"
wait_for "How does traffic arrive? = Steady"

# Votes are hidden until everyone present has voted, or someone
# reveals them.
use ana
keys g v 1
wait_for "Your vote is saved, hidden"
use ben
keys g
wait_for "1 vote, hidden until revealed"
expect_no_screen "ana Spiky"
keys v 3
wait_for "2 votes, hidden until revealed (V); yours: Mixed"
use ana
wait_for "2 votes, hidden until revealed (V); yours: Spiky"
use chloe
keys g
wait_for "2 votes, hidden until revealed"
keys V
wait_for "Votes differ: ana Spiky, ben Mixed"
use ana
wait_for "Votes differ: ana Spiky, ben Mixed"
use ben
wait_for "Votes differ: ana Spiky, ben Mixed"

# A vote that changes the outcome, and the disagreement view against
# eval on the same answers.
"$TRADEOFF" vote ws duration long --as ben >/dev/null
"$TRADEOFF" vote ws duration short --as ana >/dev/null
"$TRADEOFF" vote ws duration short --as chloe >/dev/null
use ana
keys d
wait_for "Where the votes differ"
wait_for "Long (over 15 min, or continuous): ben; with it the"
run "$TRADEOFF" export ws --format yaml
expect_status 0
cp "$tmp/out" "$tmp/ws-now.yaml"
run "$TRADEOFF" eval --answers "$tmp/ws-now.yaml" --format yaml
expect_status 0
want=$(awk '/- question: duration/ { q = 1 } q && /answer: long/ {
    sub(/.*recommendation: /, ""); sub(/}.*/, ""); print; exit }' "$tmp/out")
case $want in
serverless) title=Serverless ;;
kubernetes) title=Kubernetes ;;
hybrid) title=Hybrid ;;
*) fail "eval gave no recommendation with duration: long ($want)" ;;
esac
screen | tr -s ' \n' '  ' >"$tmp/view.txt"
checks=$((checks + 1))
grep -q "ben; with it the recommendation [a-z]* $title" "$tmp/view.txt" ||
    fail "the disagreement view does not say $title for ben's Long: $(cat "$tmp/view.txt")"
keys Escape
wait_gone "Where the votes differ"

# A note changed by someone else while it is being typed is not
# overwritten: the writer is told, and chooses.
use ana
keys g n
wait_for "Note:"
text "ana's view"
use ben
keys g n
wait_for "Note:"
text "ben's view"
keys Enter
wait_for "Note saved."
use ana
keys Enter
wait_for "Changed meanwhile (above). Enter: yours; Esc: theirs ana's view"
wait_for "Note: ben's view"
keys Enter
wait_for "Note saved."
use ben
wait_for "Note: ana's view"

# Undo is per participant: ana's u takes back ana's change, not ben's
# later one.
use ben
keys Right 1
wait_for "How long does one unit of work run? = Short"
use ana
keys g 3
wait_for "How does traffic arrive? = Mixed"
keys u
wait_for 'Undone: "How does traffic arrive?" is "Steady".'
use ben
wait_for "How long does one unit of work run? = Short"
# ... and asks before taking back a value someone changed since.
use ana
keys 1
wait_for "How does traffic arrive? = Spiky"
use ben
keys g 2
use ana
wait_for "How does traffic arrive? = Steady"
keys u
wait_for "ben changed the answer to"
text no
keys Enter
wait_for "Not undone."

# A killed explorer drops out of the others' titles within seconds.
kill -KILL "$(pid_of chloe)"
use ana
wait_for "with ben " 20
expect_no_screen "chloe"

use ana
keys q
use ben
keys q
finish
