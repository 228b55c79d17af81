#!/bin/sh
# tradeoff check: the shipped files pass, broken copies fail with their
# position.
. "$TESTS_SRCDIR/cli/lib.sh"

run "$TRADEOFF" check
expect_status 0
expect_out "ok: decision model 'serverless-vs-kubernetes'"

run "$TRADEOFF" check "$model" "$TRADEOFF_DATADIR/data/example.yaml" \
    "$TESTS_SRCDIR/data/serverless.yaml"
expect_status 0
expect_out "$model: ok: decision model"
expect_out "example.yaml: ok: answers for model 'serverless-vs-kubernetes': 14 of 22 questions answered"

# broken NAME SED-SCRIPT: a copy of the model with one edit.
broken() {
	sed "$2" "$model" >"$tmp/$1.yaml"
	cmp -s "$model" "$tmp/$1.yaml" && fail "$1: the edit changed nothing"
}

# where TEXT FILE: "line:column" of the first TEXT in FILE.
where() {
	awk -v t="$1" 'i = index($0, t) { print NR ":" i; exit }' "$2"
}

broken wrong-type '0,/weight: 4/s//weight: high/'
run "$TRADEOFF" check "$tmp/wrong-type.yaml"
expect_status 1
pos=$(where 'high' "$tmp/wrong-type.yaml")
expect_err_line "tradeoff: $tmp/wrong-type.yaml:$pos: dimension weight must be a whole number, not 'high'"

broken unknown-ref '0,/serverless: {cost: 3, architecture: 1}/s//serverless: {cost: 3, architectur: 1}/'
run "$TRADEOFF" check "$tmp/unknown-ref.yaml"
expect_status 1
pos=$(where 'architectur:' "$tmp/unknown-ref.yaml")
expect_err_line "tradeoff: $tmp/unknown-ref.yaml:$pos: unknown dimension 'architectur' in 'scores'"

broken unknown-question 's/questions: \[duration, traffic\]/questions: [duration, trafic]/'
run "$TRADEOFF" check "$tmp/unknown-question.yaml"
expect_status 1
pos=$(where 'trafic' "$tmp/unknown-question.yaml")
expect_err_line "tradeoff: $tmp/unknown-question.yaml:$pos: unknown question 'trafic' in row 'compute_lifecycle'"

broken duplicate-id 's/- id: duration$/- id: traffic/'
run "$TRADEOFF" check "$tmp/duplicate-id.yaml"
expect_status 1
line=$(grep -n -- '- id: traffic' "$tmp/duplicate-id.yaml" | sed -n '2s/:.*//p')
expect_err_line "tradeoff: $tmp/duplicate-id.yaml:$line:13: duplicate question id 'traffic'"

broken alias 's/^  - id: workload$/  - id: \&w workload/'
run "$TRADEOFF" check "$tmp/alias.yaml"
expect_status 1
pos=$(where '&w' "$tmp/alias.yaml")
expect_err_line "tradeoff: $tmp/alias.yaml:$pos: anchors and aliases are not allowed in this file"

# Cut off inside a quoted string.
head -c "$(grep -b 'version: "1.0"' "$model" | cut -d: -f1)" "$model" >"$tmp/truncated.yaml"
printf '  version: "1.' >>"$tmp/truncated.yaml"
run "$TRADEOFF" check "$tmp/truncated.yaml"
expect_status 1
expect_err "truncated.yaml:"
expect_err "invalid YAML: found unexpected end of stream while scanning a quoted scalar"

# Cut off in the middle of a mapping: what is missing is named.
head -n 60 "$model" >"$tmp/cut.yaml"
run "$TRADEOFF" check "$tmp/cut.yaml"
expect_status 1
# The position is the start of the top-level mapping, after the comments.
line=$(grep -n '^model:' "$tmp/cut.yaml" | cut -d: -f1)
expect_err_line "tradeoff: $tmp/cut.yaml:$line:1: a model file is missing 'panels'"

printf '\177ELF\002\001\001\000\000\000\000' >"$tmp/garbage.yaml"
head -c 300 "$TRADEOFF" >>"$tmp/garbage.yaml"
run "$TRADEOFF" check "$tmp/garbage.yaml"
expect_status 1
expect_err_line "tradeoff: $tmp/garbage.yaml:1:1: not valid text: control characters are not allowed (byte 0x7f)"

: >"$tmp/empty.yaml"
run "$TRADEOFF" check "$tmp/empty.yaml"
expect_status 1
expect_err_line "tradeoff: $tmp/empty.yaml:1:1: empty file: nothing to check"

printf 'colour: red\n' >"$tmp/what.yaml"
run "$TRADEOFF" check "$tmp/what.yaml"
expect_status 1
expect_err "what.yaml:1:1: not a tradeoff file"

# --model with a broken model: the model's own error, exit 1.
run "$TRADEOFF" --model "$tmp/alias.yaml" eval -a "$TESTS_SRCDIR/data/hybrid.yaml"
expect_status 1
expect_err "alias.yaml:$pos: anchors and aliases are not allowed"

# One bad file among good ones: each reported, exit 1.
run "$TRADEOFF" check "$model" "$tmp/empty.yaml" "$TESTS_SRCDIR/data/hybrid.yaml"
expect_status 1
expect_out "$model: ok"
expect_out "hybrid.yaml: ok"
expect_err "empty.yaml:1:1"

finish
