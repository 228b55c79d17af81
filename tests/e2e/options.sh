#!/bin/sh
# A model with four options at 80x24 (data/model-containers.yaml): four
# score rows on the first screen, four cost lines and four curves in the
# cost panel, each with its own marker, and an export that names them.
. "$TESTS_SRCDIR/e2e/lib.sh"

four=$TRADEOFF_DATADIR/data/model-containers.yaml

start --model "$four" --session four
wait_for "Recommendation: undecided"
# Every option has its score row; the bars sit one under the other.
for t in " Serverless       █" " Serverless cont… █" " Kubernetes       █" \
    " Hybrid           █"; do
	expect_screen "$t"
done
checks=$((checks + 1))
[ "$(screen | grep -c ' 50\.0$')" -eq 4 ] ||
    fail "the first screen does not show four scores"
keys 1 Right 1
wait_for "2/21 answered"
wait_for "Recommendation: Serverless"

# The cost panel: a line and a curve for every option.
keys c
wait_for "Requests a month  10,000,000"
for t in "Serverless            \$" "Serverless containers \$" \
    "Kubernetes            \$" "Hybrid                \$"; do
	expect_screen "$t"
done
expect_screen "Break-even:"
# The legend: four markers, one per option, and the curves use them.
for t in "● Serverless" "■ Serverless containers" "▲ Kubernetes" \
    "◆ Hybrid"; do
	expect_screen "$t"
done
checks=$((checks + 1))
screen | grep -q '■■' ||
    fail "no curve drawn with the second option's marker"
keys Escape
wait_for "Enter choose"

# Export from the explorer: the summary has every option's cost.
keys e
wait_for "Export as: m summary  a ADR  y YAML"
keys m
wait_for "Write to:"
keys C-u
text "$tmp/four.md"
keys Enter
wait_for "Wrote the summary and its chart to $tmp/four.md."
checks=$((checks + 1))
[ -s "$tmp/four-cost.svg" ] || fail "no chart beside the summary"
checks=$((checks + 1))
grep -q "^| Serverless containers (AWS Fargate (Linux, x86)) | " \
    "$tmp/four.md" || fail "the summary lacks the containers cost line"
checks=$((checks + 1))
[ "$(grep -c '^  line "[^"]*" \[' "$tmp/four.md")" -eq 4 ] ||
    fail "the summary's chart does not have four lines"
quit

finish
