#!/bin/sh
# The benchmark programs work (tests/bench/README.md): the generators make
# inputs the program accepts, the core microbenchmark runs, and the
# pseudo-terminal driver sees the explorer's first frame and counts the
# bytes of a key; for the workshop, it times a change made elsewhere on
# two open explorers, reads what an idle one costs, and votes made at
# once are all found.  No timing is checked: make check must pass on a
# busy machine.
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
# The workshop's databases start from here (the explorer below answers).
cp "$tmp/sessions.db" "$tmp/base.db"

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
    -- "$TRADEOFF" --no-advance
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

# The workshop.  A change made elsewhere, seen by two open explorers.
cp "$tmp/base.db" "$tmp/ws.db"
set_cmd="'$bench/bench_gen' set '$model' '$tmp/ws.db' checkout-service traffic"
run sh -c "$set_cmd mixed"
expect_status 0
expect_out "set commit_ms="
expect_out " changed=1"
run "$bench/bench_gen" set "$model" "$tmp/ws.db" checkout-service traffic \
    nonesuch
expect_status 1
cp "$tmp/base.db" "$tmp/ws.db"
run "$bench/ptybench" -q 100 -t 10000 -E TERM=xterm -E LANG=C.UTF-8 \
    -E "HOME=$HOME" -E "TRADEOFF_DB=$tmp/ws.db" -E TRADEOFF_DB_JOURNAL=wal \
    -E "TRADEOFF_DATADIR=$TRADEOFF_DATADIR" -E 'TRADEOFF_USER=p%i' \
    -e "How does traffic arrive?" -P 2 -K 3 \
    -C "arrive? = Spiky|$set_cmd spiky" -C "arrive? = Steady|$set_cmd steady" \
    -r "$tmp/change.raw" -d "$tmp/screen" -- "$TRADEOFF" --no-advance
expect_status 0
expect_out "change screens=2 changes=3 latency_ms="
[ "$(sed -n 's/.* per_screen=\([0-9]*\).*/\1/p' "$tmp/out")" -gt 0 ] ||
    fail "a change made elsewhere sent no bytes: $(cat "$tmp/out")"
checks=$((checks + 1))
[ "$(grep -c '^change ' "$tmp/change.raw")" -eq 6 ] ||
    fail "not one line per screen and change: $(cat "$tmp/change.raw")"
checks=$((checks + 1))
grep -qF "traffic arrive? = Spiky" "$tmp/screen" ||
    fail "the last screen lacks the last change: $(cat "$tmp/screen")"
checks=$((checks + 1))
grep -qF "with p2" "$tmp/screen" ||
    fail "the first explorer does not see the second: $(cat "$tmp/screen")"
checks=$((checks + 1))

# An idle explorer: its CPU time and wake-ups are read.
cp "$tmp/base.db" "$tmp/idle.db"
run "$bench/ptybench" -q 100 -t 10000 -E TERM=xterm -E LANG=C.UTF-8 \
    -E "HOME=$HOME" -E "TRADEOFF_DB=$tmp/idle.db" -E TRADEOFF_DB_JOURNAL=wal \
    -E "TRADEOFF_DATADIR=$TRADEOFF_DATADIR" -e "How does traffic arrive?" \
    -I 2500 -- "$TRADEOFF" --no-advance
expect_status 0
expect_out "idle ms="
expect_out " wakeups_per_s="
[ "$(sed -n 's/.* voluntary=\([0-9]*\).*/\1/p' "$tmp/out")" -gt 0 ] ||
    fail "an explorer idle for 2.5 s never slept: $(cat "$tmp/out")"
checks=$((checks + 1))

# Votes at once: every one saved.
cp "$tmp/base.db" "$tmp/votes.db"
run sh "$TESTS_SRCDIR/bench/votes.sh" "$TRADEOFF" "$tmp/votes.db" \
    checkout-service traffic 5 spiky steady mixed
expect_status 0
expect_out "votes cast=5 saved=5 failed=0 busy=0 ms="

# The disagreements of a 10-participant workshop.
run "$bench/bench_core" -c disagree -k 2 "$model" "$tmp/answers.yaml"
expect_status 0
expect_out "core op=disagree count=2"
run "$bench/bench_core" -q -O disagree "$model" "$tmp/answers.yaml"
expect_status 0
expect_out "core op=disagree ns="
expect_out "core workshop idents=10 questions="
[ "$(sed -n 's/.* disputed=\([0-9]*\).*/\1/p' "$tmp/out")" -gt 0 ] ||
    fail "no question disputed: $(cat "$tmp/out")"
checks=$((checks + 1))

finish
