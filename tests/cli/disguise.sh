#!/bin/sh
# Text that can disguise itself (README.md, "Shared hosts"):
# bidirectional controls, zero-width and other invisible characters,
# line separators.  Session and participant names refuse them; notes and
# context keep them, and every place that shows text shows them as
# visible escapes ("<U+202E>"); Markdown exports also neutralise what
# GitHub reads beyond CommonMark (math between '$', ":emoji:").
. "$TESTS_SRCDIR/cli/lib.sh"

d=$tmp/disguise
mkdir -p "$d"
rlo=$(printf '\342\200\256')	# U+202E RIGHT-TO-LEFT OVERRIDE
lri=$(printf '\342\201\246')	# U+2066 LEFT-TO-RIGHT ISOLATE
rlm=$(printf '\342\200\217')	# U+200F RIGHT-TO-LEFT MARK
zwsp=$(printf '\342\200\213')	# U+200B ZERO WIDTH SPACE
bom=$(printf '\357\273\277')	# U+FEFF (BOM)
ls=$(printf '\342\200\250')	# U+2028 LINE SEPARATOR
acute=$(printf '\314\201')	# U+0301 COMBINING ACUTE ACCENT
nbsp=$(printf '\302\240')	# U+00A0 NO-BREAK SPACE

# ---- names refuse them: import, rename, copy, the file's session: ----
run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session plain
expect_status 0
for bad in "pay${rlo}lapyap" "a${lri}b" "x${rlm}" "${zwsp}plain" \
    "plain${bom}" "one${ls}two" "${acute}plain" "${nbsp}${nbsp}" \
    "$nbsp $nbsp"; do
	run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session "$bad"
	expect_status 2 "import --session with a disguised name"
	expect_no_out saved
	run "$TRADEOFF" rename plain "$bad"
	expect_status 2 "rename to a disguised name"
	run "$TRADEOFF" copy plain "$bad"
	expect_status 2 "copy to a disguised name"
	printf 'session: "%s"\nanswers: {traffic: spiky}\n' "$bad" >"$d/named.yaml"
	run "$TRADEOFF" import "$d/named.yaml"
	expect_status 1 "session: with a disguised name"
	expect_err "named.yaml:1:10:"
done
run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session "pay${rlo}x"
expect_err "tradeoff: a session name must not contain <U+202E> (an invisible or bidirectional control character, which can make it look like another)"
run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session "${acute}x"
expect_err "must not start with <U+0301> (a combining mark"
run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session "${nbsp}${nbsp}"
expect_err "must not be only spaces"
# Letters with their accents, other scripts and emoji stay fine.
run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session "Zoe${acute} 東京 עברית"
expect_status 0
# Participants are names too, one line each.
for bad in "Ana${rlo}" "Ben${ls}Chloe" "${nbsp}"; do
	printf 'participants: ["Ana", "%s"]\nanswers: {traffic: spiky}\n' "$bad" >"$d/parts.yaml"
	run "$TRADEOFF" import "$d/parts.yaml" --session parts
	expect_status 1 "a disguised participant"
	expect_err "parts.yaml:1:23: a participant "
done
run "$TRADEOFF" list
expect_no_out parts

# ---- notes and context keep them; every output shows them ----
cat >"$d/a.yaml" <<'YAML'
context: "Pay \u202Eevil\u202C here.\n$\\color{red}{\\Huge APPROVED}$ :white_check_mark: done\uFEFF"
participants: [Ana, Ben]
answers:
  traffic: spiky
notes:
  traffic: "peak\u2028x \u2066iso\u2069 \u200Fy"
YAML
run "$TRADEOFF" import "$d/a.yaml" --session demo
expect_status 0
run "$TRADEOFF" export demo
expect_status 0
expect_out 'Pay &lt;U+202E&gt;evil&lt;U+202C&gt; here.'
expect_out '\$\\color{red}{\\Huge APPROVED}\$ `:white_check_mark:` done&lt;U+FEFF&gt;'
expect_out 'peak&lt;U+2028&gt;x &lt;U+2066&gt;iso&lt;U+2069&gt; &lt;U+200F&gt;y'
cp "$tmp/out" "$d/demo.md"
run "$TRADEOFF" export demo --format adr
expect_status 0
expect_out 'Pay &lt;U+202E&gt;evil&lt;U+202C&gt; here.'
expect_out '\$\\color{red}{\\Huge APPROVED}\$ `:white_check_mark:`'
expect_out 'peak&lt;U+2028&gt;x &lt;U+2066&gt;iso'
cp "$tmp/out" "$d/demo-adr.md"
for f in demo.md demo-adr.md; do
	checks=$((checks + 1))
	# No disguising character left in either document.
	if LC_ALL=C grep -q "$rlo\|$lri\|$rlm\|$zwsp\|$bom\|$ls" "$d/$f"; then
		fail "$f: a disguising character is written as it is"
	fi
	# GitHub's renderer has math; cmark-gfm does not, but shows where
	# the '$' went: as text.
	if command -v cmark-gfm >/dev/null 2>&1; then
		checks=$((checks + 1))
		cmark-gfm -e table "$d/$f" >"$d/$f.html"
		grep -qF '$\color{red}{\Huge APPROVED}$ <code>:white_check_mark:</code>' \
		    "$d/$f.html" || fail "$f: the math and the shortcode do not come out as text"
	fi
done
# YAML is data: exact, escaped, and import gives the same text back.
run "$TRADEOFF" export demo --format yaml
expect_status 0
expect_out 'context: "Pay \u202Eevil\u202C here.\n$\\color{red}{\\Huge APPROVED}$ :white_check_mark:'
expect_out 'traffic: "peak\Lx \u2066iso\u2069 \u200Fy"'
cp "$tmp/out" "$d/demo.yaml"
run "$TRADEOFF" import "$d/demo.yaml" --session demo2
expect_status 0
run "$TRADEOFF" export demo2 --format yaml
sed 's/^session: demo2$/session: demo/' "$tmp/out" >"$d/demo2.yaml"
checks=$((checks + 1))
cmp -s "$d/demo.yaml" "$d/demo2.yaml" || fail "export, import, export: not the same bytes"

# ---- a name that got into the database anyway (an older version, or
# written by hand) is shown escaped by list ----
"$DBTOOL" exec "$TRADEOFF_DB" "UPDATE sessions SET name = 'de' || char(0x202e) || 'mo' WHERE name = 'demo'"
run "$TRADEOFF" list
expect_status 0
expect_out "de<U+202E>mo "
expect_no_out "$rlo"
run "$TRADEOFF" list --format yaml
expect_out '- name: "de\u202Emo"'
expect_no_out "$rlo"
# It can still be exported and deleted by its name as it is.
run "$TRADEOFF" export "de${rlo}mo" --format yaml
expect_status 0
run "$TRADEOFF" delete "de${rlo}mo"
expect_status 0
run "$TRADEOFF" list
expect_no_out "U+202E"

# ---- list pads names by the columns they take (wide characters two,
# combining marks none), not by their characters ----
db=$d/width.db
for n in "東京駅" "Zoe${acute}" "ab"; do
	run env TRADEOFF_NOW=1700000000 "$TRADEOFF" --db "$db" import \
	    "$TRADEOFF_DATADIR/data/example.yaml" --session "$n"
	expect_status 0
done
run "$TRADEOFF" --db "$db" list
expect_status 0
expect_out "NAME    UPDATED "
expect_out "東京駅  2023-11-14T22:13:20Z"
expect_out "Zoe${acute}     2023-11-14T22:13:20Z"
expect_out "ab      2023-11-14T22:13:20Z"

# ---- a model's text in the text reports: eval, diff, recheck -------------
# A model is a file anyone can edit (control characters it refuses);
# what it says reaches the terminal with its disguising characters as
# visible escapes.
sed -e "s/^    title: Serverless\$/    title: \"Pay ${rlo}evil\"/" \
    "$TRADEOFF_DATADIR/data/model.yaml" >"$d/model.yaml"
checks=$((checks + 1))
grep -q "title: \"Pay ${rlo}evil" "$d/model.yaml" || fail "no disguised title"
for args in "eval --answers $TRADEOFF_DATADIR/data/example.yaml" \
    "diff $TRADEOFF_DATADIR/data/example.yaml $TRADEOFF_DATADIR/tests/data/serverless.yaml"; do
	# shellcheck disable=SC2086
	run "$TRADEOFF" --model "$d/model.yaml" $args
	expect_status 0 "$args with a disguised model"
	expect_out "Pay <U+202E>evil"
	checks=$((checks + 1))
	LC_ALL=C grep -q "$rlo" "$tmp/out" &&
	    fail "$args: a disguising character reached the terminal"
done
run "$TRADEOFF" --model "$d/model.yaml" export plain --format adr -o "$d/rec.md"
expect_status 0
run "$TRADEOFF" --model "$d/model.yaml" recheck "$d/rec.md"
expect_out "<U+202E>"
checks=$((checks + 1))
LC_ALL=C grep -q "$rlo" "$tmp/out" &&
    fail "recheck: a disguising character reached the terminal"

finish
