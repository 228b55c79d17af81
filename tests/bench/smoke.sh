#!/bin/sh
# The benchmark programs work (tests/bench/README.md): the generators make
# inputs the program accepts, the core microbenchmark runs, and the
# pseudo-terminal driver sees the explorer's first frame and counts the
# bytes of a key.  No timing is checked: make check must pass on a busy
# machine.
. "$TESTS_SRCDIR/cli/lib.sh"

bench=$TESTS_BUILDDIR/bench
grep -v '^  traffic:' "$TRADEOFF_DATADIR/data/example.yaml" >"$tmp/answers.yaml"

# One copy is the model itself; two copies hold twice of everything.
run "$bench/bench_gen" model 1 "$model" "$tmp/answers.yaml" "$tmp/model1.yaml" \
    "$tmp/answers1.yaml"
expect_status 0
set -- $(sed -n 's/^model questions=\([0-9]*\) rows=\([0-9]*\) answers=\([0-9]*\)$/\1 \2 \3/p' "$tmp/out")
checks=$((checks + 1))
[ $# -eq 3 ] && [ "$1" -gt 0 ] && [ "$3" -gt 0 ] ||
    fail "bench_gen model 1: $(cat "$tmp/out")"
run "$bench/bench_gen" model 2 "$model" "$tmp/answers.yaml" "$tmp/model2.yaml" \
    "$tmp/answers2.yaml"
expect_status 0
expect_out "model questions=$(($1 * 2)) rows=$(($2 * 2)) answers=$(($3 * 2))"
run "$TRADEOFF" check --model "$tmp/model2.yaml" "$tmp/model2.yaml"
expect_status 0

run "$bench/bench_gen" db 3 "$model" "$tmp/answers.yaml" "$tmp/sessions.db"
expect_status 0
run env TRADEOFF_DB="$tmp/sessions.db" "$TRADEOFF" list
expect_status 0
expect_out "session 00002"
expect_out "checkout-service"

run "$bench/bench_core" -c eval_flip -k 3 "$tmp/model2.yaml" \
    "$tmp/answers2.yaml"
expect_status 0
expect_out "core op=eval_flip count=3"
run "$bench/bench_core" -c session_page -k 1 "$model" "$tmp/answers.yaml" \
    "$tmp/sessions.db"
expect_status 0

run "$bench/ptybench" -q 100 -t 10000 -E TERM=xterm -E LANG=C.UTF-8 \
    -E "HOME=$HOME" -E "TRADEOFF_DB=$tmp/sessions.db" \
    -E "TRADEOFF_DATADIR=$TRADEOFF_DATADIR" -e "How does traffic arrive?" \
    -m "arrow:down,up:2" -m "answer:2:1" -d "$tmp/screen" \
    -- "$TRADEOFF"
expect_status 0
expect_out "start runs=1 "
expect_out "phase label=arrow keys=2 "
expect_out "phase label=answer keys=1 "
[ "$(sed -n 's/.*label=arrow .* min=\([0-9]*\) .*/\1/p' "$tmp/out")" -gt 0 ] ||
    fail "an arrow key sent no bytes"
checks=$((checks + 1))
grep -qF "traffic arrive? = Steady" "$tmp/screen" ||
    fail "the last screen lacks the answer: $(cat "$tmp/screen")"
checks=$((checks + 1))

finish
