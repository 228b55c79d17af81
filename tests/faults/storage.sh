#!/bin/sh
# Faults of the session database's storage: a read-only file system, a
# full disk, a lock held longer than the timeout.  After each: exit 1
# with a message naming the file and what to do, nothing saved lost,
# PRAGMA integrity_check "ok".
#
# The file-system cases mount a small tmpfs in a private mount namespace
# (unshare -m), which needs root or CAP_SYS_ADMIN; where that is not
# permitted they fall back to what an unprivileged user can do (a file
# size limit for a full disk, permissions for read-only) or are skipped
# with a note.

# Re-run in a private mount namespace, once, when permitted: mounts made
# there vanish with the test, whatever happens to it.
if [ -z "${TRADEOFF_IN_NS-}" ] && command -v unshare >/dev/null 2>&1 &&
    unshare -m --propagation private true 2>/dev/null; then
	TRADEOFF_IN_NS=1 exec unshare -m --propagation private sh "$0" "$@"
fi

. "$TESTS_SRCDIR/cli/lib.sh"
: "${DBTOOL:?DBTOOL must name tests/faults/dbtool}"

example=$TRADEOFF_DATADIR/data/example.yaml
mnt=$tmp/mnt
mkdir -p "$mnt"

# A context of 16 KB: each import of it writes a few pages.
awk 'BEGIN { print "context: |"; for (i = 0; i < 160; i++) { printf "  "; for (j = 0; j < 100; j++) printf "x"; print "" }; print "answers: {traffic: steady}" }' \
    >"$tmp/big.yaml"

# intact DB: the example session is there as imported, and the file is
# sound.
intact() {
	run "$TRADEOFF" --db "$1" export checkout-service --format yaml
	expect_status 0
	expect_out "traffic: spiky"
	expect_out "regulation: moderate"
	run "$DBTOOL" integrity "$1"
	expect_status 0
	expect_out "ok"
}

mounted=
if [ -n "${TRADEOFF_IN_NS-}" ] &&
    mount -t tmpfs -o size=1m,mode=0700 tradeoff-test "$mnt" 2>/dev/null; then
	mounted=1
	umount "$mnt"
else
	echo "note: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN in a mount namespace): the read-only file system and full disk cases use permissions and a file size limit instead" >&2
fi

for journal in wal delete; do
	export TRADEOFF_DB_JOURNAL=$journal

	# ---- a read-only file system ----
	if [ -n "$mounted" ]; then
		mount -t tmpfs -o size=1m,mode=0700 tradeoff-test "$mnt"
		db=$mnt/sessions.db
		run "$TRADEOFF" --db "$db" import "$example"
		expect_status 0
		mount -o remount,ro "$mnt"
		# Reading works (a WAL database is read as immutable: no -shm
		# file can be made there).
		run "$TRADEOFF" --db "$db" list
		expect_status 0
		expect_out "checkout-service"
		intact "$db"
		run "$TRADEOFF" --db "$db" import "$tmp/big.yaml" --session new
		expect_status 1
		expect_err_line "tradeoff: $db: the session database is read-only (it is on a read-only file system); changes could not be saved"
		run "$TRADEOFF" --db "$db" delete checkout-service
		expect_status 1
		expect_err "read-only file system"
		run "$TRADEOFF" --db "$mnt/other.db" import "$example"
		expect_status 1
		expect_err_line "tradeoff: $mnt/other.db: cannot create the session database: Read-only file system"
		umount "$mnt"
	elif [ "$(id -u)" -ne 0 ]; then
		mkdir -p "$tmp/ro"
		db=$tmp/ro/sessions-$journal.db
		run "$TRADEOFF" --db "$db" import "$example"
		chmod 444 "$db"
		run "$TRADEOFF" --db "$db" import "$tmp/big.yaml" --session new
		expect_status 1
		expect_err "read-only"
		chmod 600 "$db"
		intact "$db"
	fi

	# ---- a full disk ----
	if [ -n "$mounted" ]; then
		mount -t tmpfs -o size=512k,mode=0700 tradeoff-test "$mnt"
		db=$mnt/sessions.db
		run "$TRADEOFF" --db "$db" import "$example"
		expect_status 0
		# Leave 64 KiB: room to open, not to save much.
		avail=$(df -Pk "$mnt" | awk 'NR == 2 { print $4 }')
		dd if=/dev/zero of="$mnt/fill" bs=1024 count=$((avail - 64)) \
		    2>/dev/null
		i=0 full=
		while [ $i -lt 20 ]; do
			i=$((i + 1))
			run "$TRADEOFF" --db "$db" import "$tmp/big.yaml" --session "big$i"
			[ "$status" -ne 0 ] && { full=1; break; }
		done
		checks=$((checks + 1))
		[ -n "$full" ] || fail "$journal: 20 imports of 16 KB fitted in 64 KiB"
		expect_status 1
		expect_err_line "tradeoff: $db: cannot save the session: the disk is full; nothing was changed, free some space and try again"
		# The session that did not fit is not there, half or whole.
		run "$TRADEOFF" --db "$db" export "big$i" --format yaml
		expect_status 1
		run "$TRADEOFF" --db "$db" list
		expect_status 0
		intact "$db"
		# With room again, the same import works.
		rm "$mnt/fill"
		run "$TRADEOFF" --db "$db" import "$tmp/big.yaml" --session "big$i"
		expect_status 0
		intact "$db"
		umount "$mnt"
	else
		# A file size limit: writes past it fail with EFBIG (the
		# signal it would send is ignored, as a shell may).
		db=$tmp/limited-$journal.db
		run "$TRADEOFF" --db "$db" import "$example"
		run sh -c 'ulimit -f 100; trap "" XFSZ; i=0; while [ $i -lt 20 ]; do i=$((i + 1)); "$0" --db "$1" import "$2" --session big$i || exit; done' \
		    "$TRADEOFF" "$db" "$tmp/big.yaml"
		expect_status 1
		expect_err "tradeoff: $db: cannot save the session"
		intact "$db"
	fi

	# ---- a lock held longer than the timeout (5 s) ----
	db=$tmp/locked-$journal.db
	run "$TRADEOFF" --db "$db" import "$example"
	expect_status 0
	rm -f "$tmp/ready"
	# Held far longer than any run could take: giving up is the
	# program's timeout, never the lock's end.
	"$DBTOOL" lock "$db" 300 "$tmp/ready" &
	locker=$!
	i=0
	while [ ! -s "$tmp/ready" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	t0=$(date +%s)
	run "$TRADEOFF" --db "$db" import "$tmp/big.yaml" --session blocked
	waited=$(( $(date +%s) - t0 ))
	expect_status 1
	# (In WAL mode the save waits; with a rollback journal the lock
	# keeps even the read before it out.)
	expect_err "tradeoff: $db: cannot "
	expect_err ": the database stayed locked by another program for 5.0 s (perhaps another tradeoff saving a change); nothing was changed, try again"
	checks=$((checks + 1))
	# At least the timeout; the upper bound only catches waiting for
	# ever, whatever the load.
	[ "$waited" -ge 4 ] && [ "$waited" -le 120 ] ||
	    fail "$journal: gave up after $waited s, not the 5 s timeout"
	if [ "$journal" = wal ]; then
		# Readers go on reading the last commit.
		run "$TRADEOFF" --db "$db" list
		expect_status 0
		expect_out "checkout-service"
	fi
	kill "$locker"
	wait "$locker"
	run "$TRADEOFF" --db "$db" export blocked --format yaml
	expect_status 1
	run "$TRADEOFF" --db "$db" import "$tmp/big.yaml" --session blocked
	expect_status 0
	intact "$db"
done

finish
