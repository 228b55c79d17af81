#!/bin/sh
# The bad-input catalogue, part 1: what is wrong with any file whatever
# its kind, for each loader (model, price list, answers, theme): empty,
# garbage, huge, deeply nested, aliases, tags, not UTF-8, not a file.
. "$TESTS_SRCDIR/badinput/lib.sh"

d=$tmp/files
mkdir -p "$d"

# Each kind's loader, and for the theme the check command (which reads
# a theme with the same reader; tests/badinput/terminal.sh gives the
# explorer's --theme the same files).
kinds="model pricing answers import theme"

# ---- content: each case is one file, every loader must refuse it ----

: >"$d/empty.yaml"
printf '# only a comment\n\n   \n# and another\n' >"$d/comments.yaml"

# Bytes 0-255 in a scrambled order, twice.
i=0
while [ $i -lt 512 ]; do
	printf "\\$(printf %03o $(( (i * 167 + 13) % 256 )))"
	i=$((i + 1))
done >"$d/garbage.yaml"

printf 'model:\000\n  id: x\n' >"$d/nul.yaml"
printf 'model: caf\351\n' >"$d/latin1.yaml"
printf 'model: \300\257\n' >"$d/overlong.yaml"
printf 'model: \355\240\200\n' >"$d/surrogate.yaml"
printf 'model: \357\277\276\n' >"$d/nonchar.yaml"
printf 'model:\n\tid: x\n' >"$d/tab.yaml"
printf 'model: "open\n' >"$d/unterminated.yaml"
printf 'a: &a [*a]\n' >"$d/alias-loop.yaml"
printf 'a: &a ["x", "x"]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n' \
    >"$d/laughs.yaml"
printf 'model: !!binary aGVsbG8=\n' >"$d/tag.yaml"
printf 'model: !<tag:yaml.org,2002:str> x\n' >"$d/verbatim-tag.yaml"
printf '%%YAML 1.1\n%%TAG ! tag:x,2026:\n---\nmodel: !a b\n' \
    >"$d/directive.yaml"
printf 'model: 1\n---\nmodel: 2\n' >"$d/two-docs.yaml"
printf -- '- model\n- options\n' >"$d/list.yaml"
printf 'just text\n' >"$d/scalar.yaml"
printf '? [a, b]\n: c\n' >"$d/complex-key.yaml"
printf 'model: 1\nmodel: 2\n' >"$d/duplicate.yaml"

# 10,000 levels of nesting, flow and block style.
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "" }' \
    >"$d/deep-flow.yaml"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "{a: "; printf "x"; for (i = 0; i < 10000; i++) printf "}"; print "" }' \
    >"$d/deep-map.yaml"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "- "; print "x" }' \
    >"$d/deep-block.yaml"
# A mapping of 150,000 keys and one key of a megabyte.
awk 'BEGIN { for (i = 0; i < 150000; i++) printf "k%d: 1\n", i }' \
    >"$d/wide.yaml"
awk 'BEGIN { printf "? "; for (i = 0; i < 1048576; i++) printf "k"; print "\n: 1" }' \
    >"$d/long-key.yaml"

for kind in $kinds; do
	bad "$kind" "$d/empty.yaml" 1:1 "empty file"
	bad "$kind" "$d/comments.yaml" 1:1 "empty file"
	bad "$kind" "$d/garbage.yaml" 1 "not valid text"
	bad "$kind" "$d/nul.yaml" 1:7 "not valid text: control characters are not allowed (byte 0x00)"
	bad "$kind" "$d/latin1.yaml" 1:11 "not valid text"
	bad "$kind" "$d/overlong.yaml" 1:8 "not valid text"
	bad "$kind" "$d/surrogate.yaml" 1:8 "invalid Unicode character (U+D800)"
	bad "$kind" "$d/nonchar.yaml" 1:8 "(U+FFFE)"
	bad "$kind" "$d/tab.yaml" 2:1 "invalid YAML"
	bad "$kind" "$d/unterminated.yaml" "" "invalid YAML"
	bad "$kind" "$d/alias-loop.yaml" 1:4 "anchors and aliases are not allowed"
	bad "$kind" "$d/laughs.yaml" 1:4 "anchors and aliases are not allowed"
	bad "$kind" "$d/tag.yaml" 1:8 "tags"
	bad "$kind" "$d/verbatim-tag.yaml" 1:8 "tags"
	bad "$kind" "$d/directive.yaml" 4:8 "tags"
	bad "$kind" "$d/two-docs.yaml" 2:1 "only one YAML document"
	bad "$kind" "$d/list.yaml" 1:1 "must be a mapping, not a list"
	bad "$kind" "$d/scalar.yaml" 1:1 "must be a mapping"
	bad "$kind" "$d/complex-key.yaml" 1:3 "a mapping key must be plain text"
	bad "$kind" "$d/duplicate.yaml" 2:1 "duplicate key 'model' (first at 1:1)"
	bad "$kind" "$d/deep-flow.yaml" 1:65 "nested too deeply"
	bad "$kind" "$d/deep-map.yaml" 1:257 "nested too deeply"
	bad "$kind" "$d/deep-block.yaml" 1:129 "nested too deeply"
	# Told apart by their keys, these are no kind of file to check.
	unknown="unknown key 'k" at=1:3
	[ "$kind" = theme ] && unknown="not a tradeoff file" at=1:1
	bad "$kind" "$d/wide.yaml" 1:1 "$unknown"
	bad "$kind" "$d/long-key.yaml" "$at" "$unknown"
	# The key is quoted shortened: the message stays a line.
	[ "$(wc -c <"$tmp/err")" -lt 1200 ] || fail "long key: a long message"
done

# ---- millions of tiny values: refused while they are read, within a
# few hundredths of a second and 64 MiB, not after seconds and 300 MB ----
awk 'BEGIN { printf "participants: [a"; for (i = 1; i < 2796000; i++) printf ", a"; print "]" }' \
    >"$d/flow.yaml"
awk 'BEGIN { print "participants:"; for (i = 0; i < 2097000; i++) print "- a" }' \
    >"$d/block.yaml"
awk 'BEGIN { printf "{"; for (i = 0; i < 700000; i++) printf "k%d: 1, ", i; print "k: 1}" }' \
    >"$d/flow-map.yaml"
for kind in $kinds; do
	bad "$kind" "$d/flow.yaml" 1:1200007 "too many values in one file (the limit is 400000)"
	bad "$kind" "$d/block.yaml" 399999:3 "too many values in one file"
	bad "$kind" "$d/flow-map.yaml" 1 "too many values in one file"
done
# The memory, measured where GNU time can and the build has no sanitizer
# (which reserves memory of its own).
if [ -x /usr/bin/time ] && ! grep -q __asan_init "$TRADEOFF" 2>/dev/null &&
    /usr/bin/time -f %M -o "$d/rss" true 2>/dev/null; then
	for f in flow block flow-map; do
		/usr/bin/time -f %M -o "$d/rss" "$TRADEOFF" eval --answers \
		    "$d/$f.yaml" 2>/dev/null
		checks=$((checks + 1))
		[ "$(tail -n 1 "$d/rss")" -lt 65536 ] ||
		    fail "$f.yaml: refused using $(tail -n 1 "$d/rss") KiB, over 64 MiB"
	done
fi

# ---- size: the limit is 8 MiB; larger files are refused unread ----

if command -v truncate >/dev/null 2>&1; then
	truncate -s 100M "$d/huge.yaml"
else
	dd if=/dev/null of="$d/huge.yaml" bs=1 seek=104857600 2>/dev/null
fi
limit=$((8 * 1024 * 1024))
head -c $((limit + 1)) "$d/huge.yaml" >"$d/over.yaml"
for kind in $kinds; do
	bad_file "$kind" "$d/huge.yaml" "file too large (104857600 bytes; the limit is $limit)"
	bad_file "$kind" "$d/over.yaml" "file too large ($((limit + 1)) bytes"
done
# Through standard input: read up to the limit, then refused.
timed "$TRADEOFF" eval --answers - <"$d/huge.yaml"
expect_status 1
expect_err_line "tradeoff: <stdin>: file too large (the limit is $limit bytes)"
timed "$TRADEOFF" import - --session x <"$d/huge.yaml"
expect_status 1
expect_err_line "tradeoff: <stdin>: file too large (the limit is $limit bytes)"
# Exactly at the limit is read (and then found empty: all comments).
awk -v n=$limit 'BEGIN { s = "# 0123456789012345678901234567890123456789012345678901234567890\n"; for (i = 0; i + length(s) <= n; i += length(s)) printf "%s", s; if (i < n) { for (; i < n - 1; i++) printf "#"; print "" } }' \
    >"$d/at-limit.yaml"
[ "$(wc -c <"$d/at-limit.yaml")" -eq $limit ] || fail "at-limit.yaml is not $limit bytes"
for kind in $kinds; do
	bad "$kind" "$d/at-limit.yaml" 1:1 "empty file"
done

# ---- not a readable regular file ----

mkdir "$d/dir.yaml"
mkfifo "$d/fifo.yaml"
ln -s "loop.yaml" "$d/loop.yaml"
printf 'x\n' >"$d/plain"
for kind in $kinds; do
	bad_file "$kind" "$d/dir.yaml" "is a directory, not a file"
	bad_file "$kind" "$d/missing.yaml" "cannot open: No such file or directory"
	bad_file "$kind" "$d/plain/x.yaml" "cannot open: Not a directory"
	bad_file "$kind" "$d/loop.yaml" "cannot open: Too many levels of symbolic links"
	# A FIFO nobody writes to must not hang the open.
	bad_file "$kind" "$d/fifo.yaml" "is not a regular file"
	bad_file "$kind" /dev/zero "is not a regular file"
done

cp "$TRADEOFF_DATADIR/data/model.yaml" "$d/unreadable.yaml"
chmod 000 "$d/unreadable.yaml"
if [ "$(id -u)" -eq 0 ]; then
	echo "note: running as root, which reads any file: the unreadable-file case is skipped" >&2
else
	for kind in $kinds; do
		bad_file "$kind" "$d/unreadable.yaml" "cannot open: Permission denied"
	done
fi
chmod 600 "$d/unreadable.yaml"

# A file name with a line break and an escape: the message quotes it
# and stays one line.
nl='
'
weird="$d/bad${nl}name$(printf '\033')[2J.yaml"
: >"$weird"
for kind in $kinds; do
	load "$kind" "$weird"
	expect_status 1
	expect_err_line "tradeoff: $d/bad\\x0aname\\x1b[2J.yaml:1:1: $(sed -n 's/^.*:1:1: //p' "$tmp/err")"
	expect_err "empty file"
done

finish_cases
