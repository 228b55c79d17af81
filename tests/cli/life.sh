#!/bin/sh
# The decision lifecycle on the command line (issue 16): milestones,
# NAME@LABEL, diff in three formats (golden files; the Markdown through
# cmark-gfm), decision records that carry their evidence (parsed by a
# YAML parser, re-imported byte for byte), recheck, and records as a
# numbered series.  Every exit status, and the bad input of the issue.
#
# After a deliberate change, rewrite the golden files with
#   make check TESTS=tests/cli/life.sh TRADEOFF_UPDATE_GOLDEN=1
. "$TESTS_SRCDIR/cli/lib.sh"
cd "$tmp" || exit 99

data=$TESTS_SRCDIR/data
golden=$TESTS_SRCDIR/golden
shipped=$TRADEOFF_DATADIR/data/pricing.yaml
unset TRADEOFF_DB_JOURNAL 2>/dev/null || true

t() {
	tw=$1
	shift
	run "$TRADEOFF" "$@"
	expect_status "$tw"
}

same() {
	checks=$((checks + 1))
	cmp -s "$1" "$2" || {
		fail "$1 and $2 differ"
		diff -u "$1" "$2" | head -40 | sed 's/^/  /' >&2
	}
}

golden() {
	if [ "${TRADEOFF_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$2" "$golden/$1" || fail "cannot update $golden/$1"
		return
	fi
	same "$golden/$1" "$2"
}

# front ADR: the front matter of a record, without its "---" lines.
front() {
	awk 'NR == 1 && $0 == "---" { fm = 1; next }
	    fm && $0 == "---" { exit } fm { print }' "$1"
}

# comment ADR: the YAML in the last evidence comment of a record
# without front matter, without its opening and closing lines.
comment() {
	awk '/^<!-- tradeoff evidence/ { n = 0; on = 1; next }
	    on && /^-->$/ { on = 0; next } on { l[++n] = $0 }
	    END { for (i = 1; i <= n; i++) print l[i] }' "$1"
}

# line_of REGEX FILE: the number of the last line of FILE matching REGEX.
line_of() {
	grep -n -- "$1" "$2" | tail -n 1 | cut -d: -f1
}

T0=1764316800			# 2025-11-28T08:00:00Z
TRADEOFF_NOW=$T0
USER=ana
export TRADEOFF_NOW USER

# --- a workshop, a milestone, a changed answer -------------------------------

t 0 import "$data/lifecycle.yaml"
t 0 milestone checkout-service workshop
expect_out "milestone 'workshop' saved (checkout-service@workshop)"
# The label is taken: refused, the milestone unchanged.
t 1 milestone checkout-service workshop
expect_err "already has a milestone 'workshop'"
t 1 milestone nosuch workshop
expect_err "no session named 'nosuch'"
t 2 milestone checkout-service 'a@b'
expect_err "may not hold '@'"
t 2 milestone checkout-service ''
t 2 milestone checkout-service
t 0 list --milestones checkout-service
expect_out "workshop  2025-11-28T08:00:00Z  ana  model serverless-vs-kubernetes"
t 0 list --milestones checkout-service --format yaml
expect_out "- label: workshop"
t 1 list --milestones nosuch

# Later: traffic is steady now, and the bill weighs less.
sed -e 's/^  traffic: spiky/  traffic: steady/' -e 's/^  cost: 5/  cost: 3/' \
    "$data/lifecycle.yaml" >v2.yaml
TRADEOFF_NOW=$((T0 + 86400)) run "$TRADEOFF" import v2.yaml
expect_status 0

# --- NAME@LABEL wherever a session is read ----------------------------------------

t 0 export checkout-service@workshop --format yaml
expect_out "  traffic: spiky"
t 0 export checkout-service --format yaml
expect_out "  traffic: steady"
t 0 eval --session checkout-service@workshop --format yaml
expect_out "recommendation: serverless"
t 0 eval --session checkout-service
t 1 eval --session checkout-service@nosuch
t 2 eval --session checkout-service --answers v2.yaml
# Names may hold '@': one splits only where the session has that label.
t 0 import v2.yaml --session 'team@eu'
t 0 export 'team@eu' --format yaml
expect_out "  traffic: steady"

# --- diff: three formats, golden ------------------------------------------------------

t 0 diff checkout-service@workshop checkout-service
expect_empty_err
cp out diff.txt
golden lifecycle-diff.txt diff.txt
expect_out "The answer to \"How does traffic arrive?\": Spiky -> Steady"
expect_out "The weight of Cost: 5 -> 3"
t 0 diff checkout-service@workshop checkout-service --format yaml
cp out diff.yaml
golden lifecycle-diff.yaml diff.yaml
t 0 diff checkout-service@workshop checkout-service --format markdown
cp out diff.md
golden lifecycle-diff.md diff.md
if command -v cmark-gfm >/dev/null 2>&1; then
	cmark-gfm -e table -t xml diff.md |
	    awk -f "$TESTS_SRCDIR/cli/gfm.awk" >diff.flat ||
	    fail "cmark-gfm failed on diff.md"
	checks=$((checks + 1))
	grep -q '^h2	Differences: checkout-service@workshop → checkout-service$' \
	    diff.flat || fail "diff.md: no heading"
	checks=$((checks + 1))
	grep -q '^row	Option	Before	After	Change$' diff.flat ||
	    fail "diff.md: no score table"
	checks=$((checks + 1))
	grep -q '^HTML' diff.flat && fail "diff.md: raw HTML"
fi
# The same states: no differences, still status 0.
t 0 diff checkout-service checkout-service
expect_out "No differences: checkout-service -> checkout-service"
# Files: an existing file wins, ./name forces one.
t 0 diff "$data/lifecycle.yaml" checkout-service
t 0 diff ./v2.yaml checkout-service
expect_out "No differences"
t 1 diff ./checkout-service checkout-service
t 1 diff nosuch checkout-service
expect_err "no session named 'nosuch' and no such file"
printf 'answers: {traffic: sometimes}\n' >bad.yaml
t 1 diff bad.yaml checkout-service
expect_err "bad.yaml:1:20: unknown answer 'sometimes'"
t 2 diff checkout-service
t 2 diff a b c
t 2 diff checkout-service checkout-service --format html

# --- the record carries its evidence ------------------------------------------------------

t 0 export checkout-service@workshop --format adr -o adr.md
front adr.md >adr.front
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import yaml' >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 - adr.front <<'PY' || fail "the front matter does not parse"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
t = d["tradeoff"]
assert d["status"] == "proposed", d["status"]
assert t["recommendation"] == "serverless", t
assert t["model"]["id"] == "serverless-vs-kubernetes", t["model"]
assert t["pricing"]["provider"] == "aws", t["pricing"]
assert t["unit_prices"]["functions_gb_second"] > 0, t["unit_prices"]
assert t["monthly"]["serverless"] > 0, t["monthly"]
a = t["answers_file"]
assert a["answers"]["traffic"] == "spiky", a
assert a["votes"]["ben"]["devops"] == "strong", a
assert a["workload"]["requests_per_month"] == 50000000, a
PY
fi
# Re-imported, it exports the same answers file, byte for byte.
t 0 export checkout-service@workshop --format yaml -o before.yaml
TRADEOFF_DB=$tmp/other.db run "$TRADEOFF" import adr.md
expect_status 0
TRADEOFF_DB=$tmp/other.db run "$TRADEOFF" export checkout-service \
    --format yaml -o after.yaml
expect_status 0
same before.yaml after.yaml
# Bad records: no evidence, a tampered one, unclosed front matter.
sed '/^tradeoff:/,/^---$/{/^---$/!d}' adr.md >noevidence.md
t 1 import noevidence.md --session x
expect_err "a decision record without its evidence"
sed 's/^      traffic: spiky/      traffic: mixed/' adr.md >tampered.md
t 1 import tampered.md --session x
expect_err "its digest does not match"
printf -- '---\nstatus: proposed\n' >open.md
t 1 import open.md --session x
expect_err "the front matter is not closed"

# --- recheck --------------------------------------------------------------------------------

t 0 recheck adr.md
expect_out "adr.md: holds: Serverless"
# Functions ten times as dear: the decision no longer holds, and why.
sed -e 's/x86_64: 0.0000166667/x86_64: 0.000166667/' \
    -e '0,/per_million_requests: 0.20/s//per_million_requests: 2.00/' \
    "$shipped" >dear.yaml
t 3 recheck --pricing dear.yaml adr.md
expect_out "adr.md: no longer holds: it recorded Serverless, today Kubernetes"
expect_out "AWS Lambda per GB-second (x86_64) went from 0.0000166667 to 0.000166667 USD (10 times as much)"
expect_out "below the workload's 50,000,000"
t 3 recheck --pricing dear.yaml adr.md --format yaml
expect_out "  verdict: no_longer_holds"
expect_out "    key: functions_gb_second"
# A model change that adds a blocker: no longer holds, and says so.
awk '/^  version: "1.0"/ { print "  version: \"1.1\""; next }
    /- id: few$/ { few = 1 }
    { print }
    few && /hybrid: \{operations: -1\}/ {
	print "            blocks:"
	print "              serverless: a new rule keeps this on the cluster"
	few = 0 }' "$TRADEOFF_DATADIR/data/model.yaml" >model-1.1.yaml
t 3 recheck --model model-1.1.yaml adr.md
expect_out "the model now rules out Serverless: a new rule keeps this on the cluster"
expect_out "the decision model was serverless-vs-kubernetes 1.0 then and is serverless-vs-kubernetes 1.1 now"
# A bad file wins over a decision that no longer holds.
t 1 recheck --pricing dear.yaml adr.md tampered.md
expect_out "no longer holds"
expect_err "its digest does not match"
t 1 recheck noevidence.md
t 1 recheck nosuch.md
# Answers files: with a decision to hold them to, or only evaluated.
{ cat "$data/lifecycle.yaml"; echo "decision: kubernetes"; } >decided.yaml
t 3 recheck decided.yaml
expect_out "decided.yaml: no longer holds: it recorded Kubernetes, today Serverless"
t 0 recheck "$data/lifecycle.yaml"
expect_out "no decision recorded"
t 2 recheck
t 2 recheck adr.md --format html

# --- a record without front matter (issue 17) -------------------------------------------
# The status list under the title, the evidence in a trailing HTML
# comment: recheck, import and diff read it as they read front matter.

t 0 export checkout-service@workshop --format adr --no-front-matter \
    -o plain.md
expect_empty_err
checks=$((checks + 1))
[ "$(head -n 1 plain.md)" = "# Choose Serverless for checkout-service" ] ||
    fail "plain.md does not open with its title"
checks=$((checks + 1))
[ "$(sed -n 3p plain.md)" = "- **Status:** proposed" ] ||
    fail "plain.md: no status under the title"
checks=$((checks + 1))
[ "$(tail -n 1 plain.md)" = "-->" ] || fail "plain.md does not end its comment"
checks=$((checks + 1))
[ "$(grep -c '^<!-- tradeoff evidence' plain.md)" = 1 ] ||
    fail "plain.md: not one evidence comment"
# The same evidence as in the front matter, written the same way.
front adr.md | sed -n '/^tradeoff:/,$p' >adr.evidence
comment plain.md >plain.evidence
same adr.evidence plain.evidence
t 0 recheck plain.md
expect_out "plain.md: holds: Serverless"
t 3 recheck --pricing dear.yaml plain.md
expect_out "plain.md: no longer holds: it recorded Serverless, today Kubernetes"
expect_out "AWS Lambda per GB-second (x86_64) went from 0.0000166667 to 0.000166667 USD (10 times as much)"
t 3 recheck --model model-1.1.yaml plain.md --format yaml
expect_out "  verdict: no_longer_holds"
TRADEOFF_DB=$tmp/plain.db run "$TRADEOFF" import plain.md
expect_status 0
TRADEOFF_DB=$tmp/plain.db run "$TRADEOFF" export checkout-service \
    --format yaml -o after-plain.yaml
expect_status 0
same before.yaml after-plain.yaml
t 0 diff adr.md plain.md
expect_out "No differences"
t 0 diff plain.md checkout-service
expect_out "The answer to \"How does traffic arrive?\": Spiky -> Steady"
# Only with --format adr.
t 2 export checkout-service --format markdown --no-front-matter
expect_err "--no-front-matter apply to --format adr"
t 2 export checkout-service --no-front-matter
t 2 export checkout-service --format yaml --no-front-matter

# Hostile text: nothing in it may end the comment early or open another.
evil='evil --> <!-- tradeoff evidence -- x -'
{ sed "s/^session: .*/session: \"$evil\"/" "$data/hostile.yaml"
  printf 'votes:\n  ana--x: {traffic: steady}\n  ben: {duration: long}\n'
  printf 'identities: {ana--x: "--> Ana -- <!--"}\n'; } >evil.yaml
t 0 import evil.yaml
t 0 export "$evil" --format yaml -o evil-before.yaml
t 0 export "$evil" --format adr --no-front-matter -o evil.md
comment evil.md >evil.evidence
checks=$((checks + 1))
grep -q -- '--' evil.evidence && fail "evil.md: '--' in the comment:" &&
    grep -n -- '--' evil.evidence | head -5 >&2
checks=$((checks + 1))
[ "$(grep -c -- '-->' evil.md)" = 1 ] || fail "evil.md: more than one '-->'"
checks=$((checks + 1))
[ "$(grep -c -- '<!--' evil.md)" = 1 ] || fail "evil.md: more than one '<!--'"
TRADEOFF_DB=$tmp/evil.db run "$TRADEOFF" import evil.md
expect_status 0
TRADEOFF_DB=$tmp/evil.db run "$TRADEOFF" export "$evil" --format yaml \
    -o evil-after.yaml
expect_status 0
same evil-before.yaml evil-after.yaml
t 0 recheck evil.md
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import yaml' >/dev/null 2>&1; then
	checks=$((checks + 1))
	python3 - evil.evidence "$evil" <<'PY' || fail "the comment's YAML"
import sys, yaml
t = yaml.safe_load(open(sys.argv[1]))["tradeoff"]
a = t["answers_file"]
assert a["session"] == sys.argv[2], a["session"]
assert "---" in a["participants"], a["participants"]
assert a["votes"]["ana--x"] == {"traffic": "steady"}, a["votes"]
assert a["identities"]["ana--x"] == "--> Ana -- <!--", a["identities"]
assert "<!-- comment -->" in a["notes"]["networking"], a["notes"]
PY
fi
if command -v cmark-gfm >/dev/null 2>&1; then
	# Rendered, the one comment is the evidence and ends the document.
	cmark-gfm --unsafe --extension table evil.md >evil.html ||
	    fail "cmark-gfm failed on evil.md"
	checks=$((checks + 1))
	[ "$(awk '{ s = s $0 "\n" } END { i = index(s, "-->");
	    print substr(s, i + 3) }' evil.html | tr -d '\n')" = "" ] ||
	    fail "evil.html: something after the end of the comment"
	checks=$((checks + 1))
	grep -q '^<h1>' evil.html || fail "evil.html: no title"
fi

# Bad comments: not closed, not YAML, changed, not the evidence; of
# two, the last is read.
n=$(line_of '^<!-- tradeoff evidence' plain.md)
total=$(wc -l <plain.md)
sed '$d' plain.md >open-comment.md
t 1 recheck open-comment.md
expect_err_line "tradeoff: open-comment.md:$n:1: the evidence comment is not closed (no '-->' after it)"
t 1 import open-comment.md --session x
expect_err "open-comment.md:$n:1: the evidence comment is not closed"
sed "$((n + 3))s/^/  : [/" plain.md >badyaml.md
t 1 recheck badyaml.md
expect_err "badyaml.md:$((n + 3)):"
sed 's/^      traffic: spiky/      traffic: mixed/' plain.md >tampered-plain.md
t 1 import tampered-plain.md --session x
expect_err "its digest does not match"
{ cat plain.md; printf '\n<!-- tradeoff evidence\nnotes: none\n-->\n'; } \
    >two.md
t 1 recheck two.md
expect_err "two.md:$((total + 3)):1: a decision record without its evidence: the evidence comment has no 'tradeoff' key"
{ cat plain.md; printf '\n<!-- tradeoff evidence\ntradeoff: {evidence: 1\n'; } \
    >two-open.md
t 1 import two-open.md --session x
expect_err "two-open.md:$((total + 2)):1: the evidence comment is not closed"
{ sed "$n,\$d" plain.md; printf '<!-- tradeoff evidence\n: [\n-->\n\n'
  sed -n "$n,\$p" plain.md; } >stale.md
t 0 recheck stale.md
expect_out "stale.md: holds: Serverless"
printf '# A record\n\n<!-- tradeoff evidence -->\n' >empty-comment.md
t 1 import empty-comment.md --session x
expect_err "empty-comment.md:3:1: the evidence comment holds no evidence"

# --- records as a series ---------------------------------------------------------------------

mkdir decisions
t 0 export checkout-service@workshop --format adr --dir decisions
expect_out "decisions/0001-choose-serverless-for-checkout-service.md"
t 0 export checkout-service --format adr --dir decisions --supersedes 1 \
    --status accepted
expect_out "decisions/0002-"
n2=$(ls decisions/0002-*.md)
checks=$((checks + 1))
[ "$(sed -n 2p "$n2")" = "status: accepted" ] || fail "$n2: not accepted"
checks=$((checks + 1))
grep -q '^supersedes: ADR-0001$' "$n2" || fail "$n2 links no record"
checks=$((checks + 1))
[ "$(sed -n 2p decisions/0001-*.md)" = "status: superseded by ADR-0002" ] ||
    fail "0001 is not marked superseded"
t 0 recheck decisions/*.md
expect_out "0001-choose-serverless-for-checkout-service.md: superseded"
# Never a link: the record to supersede, or the directory.
ln -s "$n2" decisions/0003-link.md
t 1 export checkout-service --format adr --dir decisions --supersedes 3
expect_err "not a regular file"
checks=$((checks + 1))
[ -L decisions/0003-link.md ] || fail "the link was replaced"
ln -s decisions linked
t 1 export checkout-service --format adr --dir linked
expect_err "is a symbolic link"
t 1 export checkout-service --format adr --dir adr.md
expect_err "not a directory"
t 1 export checkout-service --format adr --dir decisions --supersedes 9
expect_err "no record 0009 to supersede"
t 2 export checkout-service --format adr --supersedes 1
t 2 export checkout-service --format adr --dir decisions --status done
t 2 export checkout-service --format adr --dir decisions -o x.md
t 2 export checkout-service --format markdown --dir decisions
# Without front matter too: numbered, superseding and superseded, from
# and to records with front matter (0004 was written before the link
# was refused, so these are 0005 to 0008).
t 0 export checkout-service@workshop --format adr --no-front-matter \
    --dir decisions
expect_out "decisions/0005-choose-serverless-for-checkout-service.md"
r5=decisions/0005-choose-serverless-for-checkout-service.md
t 0 export checkout-service --format adr --no-front-matter --dir decisions \
    --supersedes 5 --status accepted
expect_out "decisions/0006-"
r6=$(ls decisions/0006-*.md)
checks=$((checks + 1))
[ "$(sed -n 3p "$r6")" = "- **Status:** accepted" ] || fail "$r6: not accepted"
checks=$((checks + 1))
grep -qxF -- '- **Supersedes:** ADR-0005' "$r6" || fail "$r6 links no record"
checks=$((checks + 1))
grep -q '^\* Supersedes \[ADR-0005\](0005-' "$r6" ||
    fail "$r6: no link to the record it supersedes"
checks=$((checks + 1))
[ "$(sed -n 3p "$r5")" = "- **Status:** superseded by ADR-0006" ] ||
    fail "0005 is not marked superseded"
t 0 recheck "$r5" "$r6"
expect_out "$r5: superseded (status: superseded by ADR-0006): not checked"
expect_out "$r6: holds: Serverless"
t 0 export checkout-service --format adr --no-front-matter --dir decisions \
    --supersedes 2
checks=$((checks + 1))
[ "$(sed -n 2p "$n2")" = "status: superseded by ADR-0007" ] ||
    fail "0002 is not marked superseded by a record without front matter"
t 0 export checkout-service --format adr --dir decisions --supersedes 6
checks=$((checks + 1))
[ "$(sed -n 3p "$r6")" = "- **Status:** superseded by ADR-0008" ] ||
    fail "0006 is not marked superseded by a record with front matter"
printf '# A record\n\nNo status here.\n' >decisions/0009-bare.md
t 1 export checkout-service --format adr --dir decisions --supersedes 9
expect_err "no status under its title; it was not changed"
finish
