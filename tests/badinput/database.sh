#!/bin/sh
# The bad-input catalogue: session databases that are not what they
# should be.  Reading (list, export) and writing (import) each give exit
# 1 and one line naming the file and what to do, and the file is left
# exactly as it was.
. "$TESTS_SRCDIR/badinput/lib.sh"

: "${DBTOOL:?DBTOOL must name tests/faults/dbtool}"
d=$tmp/db
mkdir -p "$d"

# A good database to break copies of.
run "$TRADEOFF" --db "$d/good.db" import "$example"
expect_status 0
size=$(wc -c <"$d/good.db")
[ "$size" -gt 8192 ] || fail "good.db is only $size bytes"

# refused FILE TEXT: list, export and import all fail on FILE with one
# line "tradeoff: FILE: ...TEXT...", and FILE (with any -wal or -shm
# beside it) is byte for byte what it was.
refused() {
	# Only a regular file's bytes are compared (reading a FIFO would
	# wait for a writer).
	if [ -f "$1" ]; then cp "$1" "$d/before"; else : >"$d/before"; fi
	for cmd in "list" "export checkout-service --format yaml" \
	    "import $example --session other"; do
		# shellcheck disable=SC2086
		timed "$TRADEOFF" --db "$1" $cmd
		expect_status 1
		expect_file_error "$1" "$2"
		checks=$((checks + 1))
		if [ -f "$1" ] && ! cmp -s "$d/before" "$1"; then
			fail "$cmd changed $1"
		fi
	done
}

# ---- not a database ----
i=0
while [ $i -lt 64 ]; do
	printf "\\$(printf %03o $(( (i * 97 + 31) % 256 )))"
	i=$((i + 1))
done >"$d/block"
i=0
while [ $i -lt 256 ]; do cat "$d/block"; i=$((i + 1)); done >"$d/garbage.db"
refused "$d/garbage.db" "not a SQLite database"
awk 'BEGIN { for (i = 0; i < 400; i++) print "This is a text file, not a database." }' \
    >"$d/text.db"
refused "$d/text.db" "not a SQLite database"
# Another program's database; one from a newer tradeoff.
"$DBTOOL" exec "$d/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
refused "$d/other.db" "not a tradeoff session database"
"$DBTOOL" exec "$d/appid.db" "PRAGMA application_id = 42"
refused "$d/appid.db" "not a tradeoff session database"
cp "$d/good.db" "$d/newer.db"
"$DBTOOL" exec "$d/newer.db" "PRAGMA user_version = 99"
refused "$d/newer.db" "comes from a newer version of tradeoff (schema 99"

# ---- damaged ----
head -c $((size / 2)) "$d/good.db" >"$d/half.db"
refused "$d/half.db" "the database is damaged"
cp "$d/good.db" "$d/holes.db"
# Garbage over every page after the first (the header and the schema).
i=1
while [ $((i * 4096)) -lt "$size" ]; do
	dd if="$d/garbage.db" of="$d/holes.db" bs=4096 seek=$i count=1 \
	    conv=notrunc 2>/dev/null
	i=$((i + 1))
done
refused "$d/holes.db" "the database is damaged"

# ---- not a file ----
mkdir "$d/dir.db"
refused "$d/dir.db" "it is a directory"
mkfifo "$d/fifo.db"
refused "$d/fifo.db" "it is not a regular file"
refused /dev/null "it is not a regular file"
ln -s loop.db "$d/loop.db"
refused "$d/loop.db" "Too many levels of symbolic links"
printf 'x\n' >"$d/file"
timed "$TRADEOFF" --db "$d/file/sessions.db" import "$example"
expect_status 1
expect_file_error "$d/file/sessions.db" "Not a directory"
timed "$TRADEOFF" --db "$d/a/b/$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "p" }').db" import "$example"
expect_status 1
expect_err_line "tradeoff: the session database path is too long"

# ---- what is fine ----
# An empty file is an empty database: nothing saved yet.
: >"$d/empty.db"
run "$TRADEOFF" --db "$d/empty.db" list
expect_status 0
expect_out "No sessions yet"
run "$TRADEOFF" --db "$d/empty.db" import "$example"
expect_status 0
# A write-ahead log of garbage left beside a closed database is ignored
# (its checksums do not match): the sessions are there.
cp "$d/good.db" "$d/wal.db"
cp "$d/garbage.db" "$d/wal.db-wal"
run "$TRADEOFF" --db "$d/wal.db" export checkout-service --format yaml
expect_status 0
expect_out "traffic: spiky"
run "$DBTOOL" integrity "$d/wal.db"
expect_status 0
# Likewise a garbage rollback journal.
cp "$d/good.db" "$d/journal.db"
cp "$d/garbage.db" "$d/journal.db-journal"
run "$TRADEOFF" --db "$d/journal.db" export checkout-service --format yaml
expect_status 0
expect_out "traffic: spiky"

# ---- a writer killed in the middle of a change ----
# It leaves a hot rollback journal (or a log never checkpointed); the
# commands that only read recover it and find the sessions as they were.
for mode in delete wal; do
	cp "$d/good.db" "$d/killed-$mode.db"
	run "$DBTOOL" crash "$d/killed-$mode.db" "$mode"
	expect_status 0
	[ "$mode" = delete ] && [ ! -s "$d/killed-$mode.db-journal" ] &&
	    fail "dbtool crash left no journal"
	run "$TRADEOFF" --db "$d/killed-$mode.db" list
	expect_status 0
	expect_out "checkout-service"
	run "$TRADEOFF" --db "$d/killed-$mode.db" export checkout-service --format yaml
	expect_status 0
	expect_out "traffic: spiky"
	run "$DBTOOL" integrity "$d/killed-$mode.db"
	expect_status 0
done
# Someone who may not write it is told what happened, not to check
# permissions.  As root, as nobody through setpriv when there is one.
cp "$d/good.db" "$d/killed-ro.db"
run "$DBTOOL" crash "$d/killed-ro.db" delete
chmod 444 "$d/killed-ro.db"
as_other=
if [ "$(id -u)" -ne 0 ]; then
	as_other=" "
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	as_other="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$tmp" "$d"
fi
if [ -n "$as_other" ]; then
	# shellcheck disable=SC2086
	run $as_other "$TRADEOFF" --db "$d/killed-ro.db" list
	expect_status 1
	expect_file_error "$d/killed-ro.db" "holds a change a stopped program left unfinished"
	chmod 700 "$tmp" "$d"
else
	echo "note: no way to run as another user: the unwritable hot journal is not tested" >&2
fi

# ---- rows changed by hand ----
# Invalid text is reported for what it is, not as unknown to the model;
# what is valid is still exported.
cp "$d/good.db" "$d/tampered.db"
"$DBTOOL" exec "$d/tampered.db" "UPDATE notes SET text = CAST(x'7065616bff0a' AS TEXT) WHERE question = 'traffic'; UPDATE sessions SET context = 'a' || char(27) || '[2Jb'"
run "$TRADEOFF" --db "$d/tampered.db" export checkout-service --format yaml
expect_status 0
expect_out "answers:"
expect_err "tradeoff: warning: session 'checkout-service': 2 saved entries left out as not valid (text that is not UTF-8 or holds control characters"
checks=$((checks + 1))
grep -q "unknown to model" "$tmp/err" && fail "invalid text reported as unknown to the model"
# A session name stored as a BLOB: listed, exported and deleted by name.
cp "$d/good.db" "$d/blob.db"
"$DBTOOL" exec "$d/blob.db" "UPDATE sessions SET name = CAST(name AS BLOB)"
run "$TRADEOFF" --db "$d/blob.db" list
expect_status 0
expect_out "checkout-service  "
run "$TRADEOFF" --db "$d/blob.db" export checkout-service --format yaml
expect_status 0
expect_out "traffic: spiky"
run "$TRADEOFF" --db "$d/blob.db" delete checkout-service
expect_status 0
run "$TRADEOFF" --db "$d/blob.db" list
expect_out "No sessions yet"
# -0 is 0, typed in a file or written into the database.
printf 'answers: {traffic: spiky}\nworkload: {requests_per_month: -0}\n' >"$d/zero.yaml"
run "$TRADEOFF" --db "$d/zero.db" import "$d/zero.yaml" --session zero
expect_status 0
run "$TRADEOFF" --db "$d/zero.db" export zero --format yaml
expect_out "requests_per_month: 0"
expect_no_out "-0"
"$DBTOOL" exec "$d/zero.db" "UPDATE workload SET value = '-0' WHERE key = 'requests_per_month'"
run "$TRADEOFF" --db "$d/zero.db" export zero --format yaml
expect_out "requests_per_month: 0"
expect_no_out "-0"

finish_cases
