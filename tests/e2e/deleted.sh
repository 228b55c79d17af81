#!/bin/sh
# A database deleted, replaced or robbed of its log under an open
# explorer is noticed on the next change: the explorer says so and saves
# nothing into a file nobody can see.
. "$TESTS_SRCDIR/e2e/lib.sh"

start --session gone
wait_for "Enter choose"
keys 1
wait_for "1/21 answered"
rm -f "$TRADEOFF_DB" "$TRADEOFF_DB-wal" "$TRADEOFF_DB-shm"
keys Right 1
wait_for "deleted or replaced since i"
expect_screen "1/21 answered"
quit
checks=$((checks + 1))
[ -e "$TRADEOFF_DB" ] && fail "the explorer made the deleted database again"

# Replaced by another file of the same name.
start --session again
wait_for "Enter choose"
keys 1
wait_for "1/21 answered"
cp "$TRADEOFF_DB" "$tmp/copy.db"
mv "$tmp/copy.db" "$TRADEOFF_DB"
keys Right 1
wait_for "deleted or replaced since i"
quit

# The log deleted, with a change another program saved in it.
rm -f "$TRADEOFF_DB" "$TRADEOFF_DB-wal" "$TRADEOFF_DB-shm"
start --session logged
wait_for "Enter choose"
keys 1
wait_for "1/21 answered"
run "$TRADEOFF" vote logged traffic steady --as other
expect_status 0
rm -f "$TRADEOFF_DB-wal"
keys Right 1
wait_for ": its log "
quit
finish
