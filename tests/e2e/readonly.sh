#!/bin/sh
# --read-only watches a session live on a database the user may read but
# not write: SQLite cannot open a closed WAL database read-only in a
# directory it cannot write (no -shm), so the explorer reads it as
# immutable and opens it again when a writer changes it.  Needs root, to
# be another user (nobody) through setpriv.
. "$TESTS_SRCDIR/e2e/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "needs root and setpriv to be another user: skipped" >&2
	exit 77
fi

# What nobody runs: copies of the program and the data it can reach.
chmod 755 "$tmp"
mkdir -p "$tmp/bin" "$tmp/share"
cp "$TRADEOFF" "$tmp/bin/"
cp -R "$TRADEOFF_DATADIR/data" "$TRADEOFF_DATADIR/themes" "$tmp/share/"
chmod -R a+rX "$tmp/bin" "$tmp/share"
example=$TRADEOFF_DATADIR/data/example.yaml
dir=$tmp/team
mkdir -p "$dir"
TRADEOFF_DB=$dir/s.db
export TRADEOFF_DB
run "$TRADEOFF" import "$example" --session ws
expect_status 0
# Readable by everyone, writable by its owner only; the way to it too.
chmod 755 "$dir"
chmod 644 "$TRADEOFF_DB"
rm -f "$TRADEOFF_DB-wal" "$TRADEOFF_DB-shm"

TRADEOFF=$tmp/bin/tradeoff TRADEOFF_DATADIR=$tmp/share \
    start -u nobody --session ws --read-only
wait_for "read-only"
wait_for "14/22 answered"
keys g
wait_for "How does traffic arrive? = Spiky"
# A writer changes it: the watcher shows it without a key.
sed 's/^  traffic: .*/  traffic: mixed/' "$example" \
    >"$tmp/mixed.yaml"
run "$TRADEOFF" import "$tmp/mixed.yaml" --session ws
expect_status 0
wait_for "How does traffic arrive? = Mixed"
# It saves nothing, and says so.
keys 1
wait_for "this explorer only watches (--read-only); nothing is saved"
run "$TRADEOFF" export ws --format yaml
expect_out "  traffic: mixed"
quit
finish
