#!/bin/sh
# Shared hosts (README.md, "Shared hosts"): another user on the machine
# must not be able to plant or replace a session database or its
# journal files.  The attacks of issue 15 are made as that other user
# (nobody, through setpriv), each then refused with a message saying
# why and what to do; a group sharing a database on purpose keeps
# working.  Needs root (to be both users) and setpriv (util-linux).
. "$TESTS_SRCDIR/cli/lib.sh"

: "${DBTOOL:?DBTOOL must name tests/faults/dbtool}"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
    ! setpriv --reuid=nobody --regid=nogroup --clear-groups true \
    2>/dev/null; then
	echo "needs root and setpriv to act as another user: skipping" >&2
	exit 77
fi
other="setpriv --reuid=nobody --regid=nogroup --clear-groups"
example=$TRADEOFF_DATADIR/data/example.yaml

# What the other user runs: copies of the program, the tool and the data
# where that user can reach them.
chmod 755 "$tmp"
mkdir -p "$tmp/bin" "$tmp/share"
cp "$TRADEOFF" "$DBTOOL" "$tmp/bin/"
cp -R "$TRADEOFF_DATADIR/data" "$tmp/share/"
cp "$example" "$tmp/share/example.yaml"
printf 'answers: {traffic: steady}\n' >"$tmp/share/planted.yaml"
chmod -R a+rX "$tmp/bin" "$tmp/share"
# as_other CMD...: run CMD as nobody, as `run` does.
as_other() {
	# shellcheck disable=SC2086
	run env HOME=/nonexistent TRADEOFF_DATADIR="$tmp/share" $other "$@"
}
T=$tmp/bin/tradeoff
D=$tmp/bin/dbtool

# refused DB TEXT: list, export and import all refuse DB with one line
# "tradeoff: DB: refusing to open the session database: ...TEXT...",
# and DB (if it is a file) is left as it was.
refused() {
	if [ -f "$1" ]; then cp "$1" "$tmp/before"; else : >"$tmp/before"; fi
	for cmd in "list" "export mine --format yaml" \
	    "import $example --session other"; do
		# shellcheck disable=SC2086
		run "$TRADEOFF" --db "$1" $cmd
		expect_status 1
		checks=$((checks + 1))
		case $(cat "$tmp/err") in
		"tradeoff: $1: refusing to open the session database: "*"$2"*) ;;
		*) fail "$cmd: not refused with '$2'"; show ;;
		esac
		checks=$((checks + 1))
		if [ -f "$1" ] && ! cmp -s "$tmp/before" "$1"; then
			fail "$cmd changed $1"
		fi
	done
}

# ---- 1. a -wal planted beside a closed database ----
# A team directory: anyone may add files, only their owner remove them.
team=$tmp/team
mkdir "$team"
chmod 1777 "$team"
run "$TRADEOFF" --db "$team/v.db" import "$example" --session mine
expect_status 0
# The other user's own database, in WAL mode, every page in its log.
as_other "$T" --db "$team/evil.db" import "$tmp/share/planted.yaml" --session planted
expect_status 0
as_other "$D" crash "$team/evil.db" vacuum
expect_status 0
as_other cp "$team/evil.db-wal" "$team/v.db-wal"
expect_status 0
refused "$team/v.db" "its journal $team/v.db-wal belongs to 'nobody', who owns neither the database nor shares it through its group"
expect_err "remove it when no one is using the database"
# Gone, the sessions are the victim's own, untouched.
rm -f "$team/v.db-wal" "$team/v.db-shm"
run "$TRADEOFF" --db "$team/v.db" list
expect_status 0
expect_out mine
expect_no_out planted
# The same with a planted rollback journal or -shm.
for j in journal shm; do
	rm -f "$team/v.db-$j"
	as_other cp "$team/evil.db" "$team/v.db-$j"
	refused "$team/v.db" "its journal $team/v.db-$j belongs to 'nobody'"
	rm -f "$team/v.db-$j"
done
run "$DBTOOL" integrity "$team/v.db"
expect_status 0

# ---- 2. a symbolic link planted at the --db path ----
printf 'private\n' >"$tmp/private.txt"
chmod 644 "$tmp/private.txt"
as_other ln -s "$tmp/private.txt" "$team/link.db"
refused "$team/link.db" "$team/link.db is a symbolic link owned by 'nobody', who could point it at any file"
checks=$((checks + 1))
[ "$(cat "$tmp/private.txt")" = private ] || fail "the link's target was written"
# Links of one's own (or root's) are fine, at the path or above it.
mkdir "$tmp/real"
ln -s "$tmp/real" "$tmp/alias"
ln -s v.db "$team/mylink.db"
run "$TRADEOFF" --db "$tmp/alias/s.db" import "$example" --session mine
expect_status 0
checks=$((checks + 1))
[ -f "$tmp/real/s.db" ] || fail "the database is not behind the link"
run "$TRADEOFF" --db "$team/mylink.db" list
expect_status 0
expect_out mine

# ---- directories anyone can write to, without the sticky bit ----
mkdir "$tmp/open"
run "$TRADEOFF" --db "$tmp/open/s.db" import "$example" --session mine
chmod 777 "$tmp/open"
refused "$tmp/open/s.db" "its directory $tmp/open is writable by every user (mode 0777) and not sticky"
run "$TRADEOFF" --db "$tmp/open/new.db" import "$example" --session mine
expect_status 1
expect_err "its directory $tmp/open is writable by every user (mode 0777)"
checks=$((checks + 1))
[ -e "$tmp/open/new.db" ] && fail "a database was made in $tmp/open"
# The default place, made beforehand by someone else with mode 0777.
mkdir -p "$tmp/xdg/tradeoff"
chmod 777 "$tmp/xdg/tradeoff"
run env -u TRADEOFF_DB XDG_DATA_HOME="$tmp/xdg" "$TRADEOFF" import "$example" --session mine
expect_status 1
expect_err "refusing to open the session database: its directory $tmp/xdg/tradeoff is writable by every user"
expect_err "chmod o-w"
# A database anyone may write, or another user's not shared with us.
cp "$team/v.db" "$tmp/real/ww.db"
chmod 666 "$tmp/real/ww.db"
refused "$tmp/real/ww.db" "it is writable by every user (mode 0666)"
as_other "$T" --db "$team/theirs.db" import "$tmp/share/planted.yaml" --session mine
refused "$team/theirs.db" "it belongs to 'nobody', who does not share it with you through its group"

# ---- a group sharing a database on purpose keeps working ----
grp=$tmp/grp
mkdir "$grp"
chgrp nogroup "$grp"
chmod 2770 "$grp"
run "$TRADEOFF" --db "$grp/g.db" import "$example" --session mine
expect_status 0
chgrp nogroup "$grp/g.db"
chmod 660 "$grp/g.db"
# The other member leaves a log behind (its own, in the group).
as_other "$T" --db "$grp/g.db" list
expect_status 0
expect_out mine
as_other "$D" crash "$grp/g.db" wal
expect_status 0
checks=$((checks + 1))
[ "$(stat -c %U "$grp/g.db-wal")" = nobody ] || fail "no -wal of nobody's to test with"
run "$TRADEOFF" --db "$grp/g.db" list
expect_status 0
expect_out mine
run "$TRADEOFF" --db "$grp/g.db" import "$example" --session second
expect_status 0
# Not shared any more: the other member's log is refused.
as_other "$D" crash "$grp/g.db" wal
chmod 640 "$grp/g.db"
run "$TRADEOFF" --db "$grp/g.db" list
expect_status 1
expect_err "its journal $grp/g.db-wal belongs to 'nobody'"

finish
