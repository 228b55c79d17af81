#!/bin/sh
# The workshop headless: tradeoff vote, identities (--as, TRADEOFF_USER),
# votes through export, import and eval (the disagreement block), and
# the exit statuses.
. "$TESTS_SRCDIR/cli/lib.sh"
cd "$tmp" || exit 99

run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session ws
expect_status 0

# ---- vote ----
run "$TRADEOFF" vote ws devops strong --as ben
expect_status 0
expect_out 'ws: ben'"'"'s vote on "How much platform experience does the team have?" is "Strong"'
run "$TRADEOFF" vote ws devops strong --as ben
expect_status 0
expect_out "(already so)"
TRADEOFF_USER=ana run "$TRADEOFF" vote ws devops none
expect_status 0
expect_out "ana's vote"
run "$TRADEOFF" vote ws devops none --as chloe
expect_status 0
run "$TRADEOFF" vote nosuch devops none
expect_status 1
expect_err "no session named 'nosuch'"
run "$TRADEOFF" vote ws devopz none
expect_status 1
expect_err "no question 'devopz'"
run "$TRADEOFF" vote ws devops lots
expect_status 1
expect_err "unknown answer 'lots' for question 'devops' (expected: none, some, strong)"
run "$TRADEOFF" vote ws devops
expect_status 2
run "$TRADEOFF" vote ws devops none --as "b n"
expect_status 2
expect_err "'b n' is not an identity"
TRADEOFF_USER="$(printf 'e\033[31m')" run "$TRADEOFF" vote ws devops none
expect_status 2
expect_err "TRADEOFF_USER: "
checks=$((checks + 1))
grep -q "$(printf '\033')" "$tmp/err" && fail "a control character reached the terminal"
run "$TRADEOFF" vote ws devops none --read-only
expect_status 2

# ---- the votes travel: export, import, eval ----
run "$TRADEOFF" export ws --format yaml
expect_status 0
expect_out "votes:"
expect_out "  ben:"
expect_out "    devops: strong"
cp "$tmp/out" ws.yaml
run "$TRADEOFF" import ws.yaml --session ws2
expect_status 0
run "$TRADEOFF" export ws2 --format yaml
sed 's/^session: ws2$/session: ws/' "$tmp/out" >ws2.yaml
checks=$((checks + 1))
cmp -s ws.yaml ws2.yaml || fail "votes did not survive export and import: $(diff ws.yaml ws2.yaml)"

# A vote that changes the outcome: duration long for ben.
run "$TRADEOFF" vote ws duration long --as ben
run "$TRADEOFF" vote ws duration short --as ana
run "$TRADEOFF" export ws --format yaml
cp "$tmp/out" ws.yaml
# What eval says of the answers with ben's duration is what the
# disagreement says ben's answer would recommend.
sed 's/^  duration: short$/  duration: long/' ws.yaml >long.yaml
run "$TRADEOFF" eval --answers long.yaml --format yaml
want=$(yaml_value recommendation)
case $want in
serverless) title=Serverless ;;
kubernetes) title=Kubernetes ;;
hybrid) title=Hybrid ;;
*) fail "no recommendation with duration: long ($want)" ;;
esac
run "$TRADEOFF" eval --answers ws.yaml --format yaml
expect_status 0
room=$(yaml_value recommendation)
checks=$((checks + 1))
[ "$room" != "$want" ] || fail "ben's vote should change the outcome"
expect_out "disagreement:"
expect_out "- question: duration"
expect_out "  changes_recommendation: true"
expect_out "  - {answer: long, voters: [ben], recommendation: $want}"
expect_out "  - {answer: short, voters: [ana], recommendation: $room}"
expect_out "own_recommendations:"
expect_out "  ana: $room"
# The disputed question that changes the outcome comes first.
checks=$((checks + 1))
first=$(grep -m1 '^- question:' "$tmp/out")
[ "$first" = "- question: duration" ] || fail "first disputed question: $first"

# Text and Markdown say it too.
run "$TRADEOFF" eval --answers ws.yaml
expect_out "Votes differ (those that change the recommendation first):"
expect_out "    Long (over 15 min, or continuous): ben; the recommendation becomes $title"
run "$TRADEOFF" export ws
expect_status 0
expect_out "## Votes and disagreement"
expect_out "| ben | "
expect_out " (differs) |"
run "$TRADEOFF" export ws --format adr
expect_out '* Unresolved disagreement that changes the outcome, on "How long does one unit of work run?":'

# Without participants listed, those who took part are named.
run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session bare
sed '/^participants:/d' "$TRADEOFF_DATADIR/data/example.yaml" >bare.yaml
run "$TRADEOFF" import bare.yaml --session bare --as facilitator
run "$TRADEOFF" vote bare devops strong --as ben
run "$TRADEOFF" export bare --format adr
expect_out "decision-makers:"
expect_out "- ben"
expect_out "- facilitator"
run "$TRADEOFF" export bare
expect_out "- **Took part:** "

# The history records who did what.
run "$TRADEOFF" export ws
expect_out "| ben | Vote of ben on \`duration\` | — | Long (over 15 min, or continuous) |"
finish
