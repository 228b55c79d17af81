#!/bin/sh
# tradeoff eval: the scenarios, flips that flip, formats, bad input.
. "$TESTS_SRCDIR/cli/lib.sh"
data=$TESTS_SRCDIR/data

for s in serverless kubernetes hybrid; do
	run "$TRADEOFF" eval --answers "$data/$s.yaml" --format yaml
	expect_status 0
	expect_empty_err
	[ "$(yaml_value recommendation)" = "$s" ] ||
	    fail "$s scenario recommends '$(yaml_value recommendation)'"
	checks=$((checks + 1))
done

run "$TRADEOFF" eval --answers "$data/kubernetes.yaml" --format yaml
expect_out "  serverless:
  - 'duration: AWS Lambda stops an invocation at 15 minutes'"
expect_out "answered: 19"
expect_out "flip: null"

# apply_flip FILE: write FILE with the flip from the last YAML output
# applied to $tmp/flipped.yaml; prints the recommendation it promises.
apply_flip() {
	flip=$(yaml_value flip)
	to=$(printf '%s\n' "$flip" | sed -n 's/.*recommendation: \([a-z_]*\)}.*/\1/p')
	q=$(printf '%s\n' "$flip" | sed -n 's/^{question: \([a-z_]*\),.*/\1/p')
	a=$(printf '%s\n' "$flip" | sed -n 's/.*answer: \([a-z_]*\),.*/\1/p')
	d=$(printf '%s\n' "$flip" | sed -n 's/^{dimension: \([a-z_]*\),.*/\1/p')
	w=$(printf '%s\n' "$flip" | sed -n 's/.*weight: \([0-9]\),.*/\1/p')
	if [ -n "$q" ]; then
		# Replace the answer, or add it when the question was open.
		if grep -q "^  $q:" "$1"; then
			sed "s/^  $q: .*/  $q: $a/" "$1" >"$tmp/flipped.yaml"
		else
			sed "s/^answers:$/answers:\n  $q: $a/" "$1" \
			    >"$tmp/flipped.yaml"
		fi
	else
		{ cat "$1"; printf 'weights:\n  %s: %s\n' "$d" "$w"; } \
		    >"$tmp/flipped.yaml"
	fi
	printf '%s\n' "$to"
}

for s in serverless hybrid; do
	run "$TRADEOFF" eval --answers "$data/$s.yaml" --format yaml
	was=$(yaml_value recommendation)
	[ "$(yaml_value flip)" != null ] || fail "$s: no flip"
	to=$(apply_flip "$data/$s.yaml")
	run "$TRADEOFF" eval --answers "$tmp/flipped.yaml" --format yaml
	expect_status 0
	now=$(yaml_value recommendation)
	checks=$((checks + 1))
	if [ "$now" != "$to" ] || [ "$now" = "$was" ]; then
		fail "$s: flip promised $to, applying it gives $now (was $was)"
	fi
done

# The shipped example, whose flip is a weight or an answer.
run "$TRADEOFF" eval --answers "$TRADEOFF_DATADIR/data/example.yaml" \
    --format yaml
expect_status 0
to=$(apply_flip "$TRADEOFF_DATADIR/data/example.yaml")
run "$TRADEOFF" eval --answers "$tmp/flipped.yaml" --format yaml
[ "$(yaml_value recommendation)" = "$to" ] ||
    fail "example: flip to $to gives $(yaml_value recommendation)"
checks=$((checks + 1))

# No answers: undecided, nothing blocked, no flip.
printf 'answers: {}\n' >"$tmp/empty.yaml"
run "$TRADEOFF" eval --answers "$tmp/empty.yaml" --format yaml
expect_status 0
expect_out "recommendation: undecided"
expect_out "confidence: 0"
expect_out "answered: 0"
expect_out "blocked: {}"
expect_out "flip: null"

# Standard input, and the same answers give the same bytes every time.
run "$TRADEOFF" eval --answers - --format yaml <"$data/hybrid.yaml"
expect_status 0
cp "$tmp/out" "$tmp/first"
run "$TRADEOFF" eval --answers "$data/hybrid.yaml" --format yaml
cmp -s "$tmp/first" "$tmp/out" || fail "stdin and file differ"
checks=$((checks + 1))

run "$TRADEOFF" eval --answers "$data/serverless.yaml"
expect_status 0
expect_out "Recommendation: Serverless"
expect_out "What would flip it:"

run "$TRADEOFF" eval --answers "$data/serverless.yaml" --format markdown
expect_status 0
expect_out "## Decision"
expect_out "| Option | Total |"

# Bad input: exit 1, one line, with the position.
printf 'answers:\n  traffic: sometimes\n' >"$tmp/bad.yaml"
run "$TRADEOFF" eval --answers "$tmp/bad.yaml"
expect_status 1
expect_err_line "tradeoff: $tmp/bad.yaml:2:12: unknown answer 'sometimes' for question 'traffic' (expected: spiky, steady, mixed)"
[ -s "$tmp/out" ] && fail "bad answers: something on stdout"

run "$TRADEOFF" eval --answers "$tmp/missing.yaml"
expect_status 1
expect_err_line "tradeoff: $tmp/missing.yaml: cannot open: No such file or directory"

run "$TRADEOFF" eval --answers "$tmp"
expect_status 1
expect_err "is a directory"

run "$TRADEOFF" --model "$tmp/missing.yaml" eval --answers "$data/hybrid.yaml"
expect_status 1
expect_err "missing.yaml: cannot open"


# A locale with a decimal comma changes nothing: the shipped prices and
# model still read, and the figures are written with a point.  (The
# locale is built here; it is skipped where localedef or its sources are
# missing.)
mkdir -p "$tmp/locale"
if command -v localedef >/dev/null 2>&1 &&
    localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" >/dev/null 2>&1 &&
    [ "$(LOCPATH=$tmp/locale LC_ALL=de_DE.UTF-8 locale decimal_point 2>/dev/null)" = "," ]; then
	run "$TRADEOFF" eval --answers "$TRADEOFF_DATADIR/data/example.yaml" \
	    --format yaml
	expect_status 0
	cp "$tmp/out" "$tmp/c.yaml"
	LOCPATH=$tmp/locale LC_ALL=de_DE.UTF-8
	export LOCPATH LC_ALL
	run "$TRADEOFF" eval --answers "$TRADEOFF_DATADIR/data/example.yaml" \
	    --format yaml
	expect_status 0
	expect_empty_err
	checks=$((checks + 1))
	cmp -s "$tmp/c.yaml" "$tmp/out" ||
	    fail "eval under de_DE.UTF-8 differs from eval under C.UTF-8"
	run "$TRADEOFF" check
	expect_status 0
	LC_ALL=C.UTF-8
	unset LOCPATH
else
	echo "no de_DE.UTF-8 locale could be built: decimal comma not tested" >&2
fi

finish
