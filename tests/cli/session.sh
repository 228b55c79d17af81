#!/bin/sh
# The session commands end to end: list, import, export, rename, copy,
# delete; names that need quoting; refusals that change nothing.
. "$TESTS_SRCDIR/cli/lib.sh"
cd "$tmp" || exit 99

umask 022
TRADEOFF_DB=$tmp/db/sessions.db	# a directory to create, too
TRADEOFF_NOW=1767225600		# 2026-01-01T00:00:00Z
export TRADEOFF_DB TRADEOFF_NOW
unset TRADEOFF_DB_JOURNAL 2>/dev/null || true
example=$TRADEOFF_DATADIR/data/example.yaml

# t STATUS ARG...: run the program and check its exit status.
t() {
	tw=$1
	shift
	run "$TRADEOFF" "$@"
	expect_status "$tw"
}

# te STATUS VAR=VALUE ARG...: the same with one more environment variable.
te() {
	tw=$1
	ta=$2
	shift 2
	run env "$ta" "$TRADEOFF" "$@"
	expect_status "$tw"
}

# has FILE TEXT: FILE contains TEXT (a fixed string).
has() {
	checks=$((checks + 1))
	grep -F -q -- "$2" "$1" || {
		fail "$1 lacks '$2'"
		sed 's/^/  | /' "$1" >&2
	}
}

# same FILE FILE: the same bytes.
same() {
	checks=$((checks + 1))
	cmp -s "$1" "$2" || {
		fail "$1 and $2 differ"
		diff "$1" "$2" | sed 's/^/  /' >&2
	}
}

# --- import and export round trip ------------------------------------------

t 0 import "$example" --session demo
expect_out "session 'demo' saved"
t 0 export demo --format yaml
cp out demo.yaml
cat >expected.yaml <<'EOF'
session: demo
context: Checkout API for the EU shop.  Black Friday is the stress case; the rest of the year traffic is modest and follows the working day.
participants:
- Ana (architect)
- Ben (SRE)
- Chloe (security)
answers:
  traffic: spiky
  duration: short
  state: external
  latency: moderate
  connections: none
  mix: uniform
  services: few
  coupling: loose
  runtime: standard
  networking: managed
  devops: some
  time_to_market: urgent
  existing_platform: none
  regulation: moderate
weights:
  cost: 4
workload:
  requests_per_month: 3000000
  avg_duration_ms: 120
  memory_mb: 1536
  arch: x86_64
  free_tier: true
notes:
  traffic: Black Friday peaks at 40x the daily average.
  regulation: PCI scope is limited to the payment provider's hosted page.
EOF
same demo.yaml expected.yaml

# The export evaluates exactly like the file it came from.
t 0 eval --answers "$example" --format yaml
cp out eval1
t 0 eval --answers demo.yaml --format yaml
same out eval1

# Importing the export: nothing changes, and it exports byte for byte.
t 0 import demo.yaml
expect_out "already matches"
t 0 export demo --format yaml
same out demo.yaml

# Text that YAML could misread, in every field that holds text.
cat >nasty.yaml <<'EOF'
session: "it's a \"name\" | with/slashes and ünïcødé"
context: "  leading spaces, # not a comment\nsecond line\n"
participants: ["yes", "null", "123", "- dash", "Zoë: lead", "a, b", "[x]"]
answers:
  traffic: spiky
  state: in_memory
weights: {cost: 0, security: 5}
workload: {node_type: "m5.large", peak_ratio: 2.5, gateway: http, free_tier: false}
notes:
  traffic: "line one\n  indented line two\n\ttab\n"
  state: "ends with spaces   "
  latency: "yes"
  duration: "null"
  connections: "123"
  mix: "# hash first"
  services: "'single' \"double\" \\ backslash"
  coupling: "trailing newlines kept\n\n"
  runtime: " leading space"
  networking: "multi\nline with trailing spaces   \nend"
  devops: "日本語のノート"
  rollout: "\n starts with a newline"
  regulation: "~"
EOF
nasty="it's a \"name\" | with/slashes and ünïcødé"
t 0 import nasty.yaml
t 0 export "$nasty" --format yaml -o nasty1.yaml
t 0 import nasty1.yaml --session "copy of nasty"
t 0 export "copy of nasty" --format yaml -o nasty2.yaml
sed 1d nasty1.yaml >n1
sed 1d nasty2.yaml >n2
same n1 n2
t 0 import nasty1.yaml
expect_out "already matches"
t 0 eval --answers nasty.yaml --format yaml
cp out eval1
t 0 eval --answers nasty2.yaml --format yaml
same out eval1

# --- list ---------------------------------------------------------------------

t 0 list
expect_out "NAME"
expect_out "demo "
expect_out "2026-01-01T00:00:00Z"
expect_out "14/"
expect_out "serverless (confidence"
expect_out "$nasty"
t 0 list --format yaml
expect_out "sessions:"
expect_out "- name: demo"
expect_out "  updated: \"2026-01-01T00:00:00Z\""
expect_out "  answered: 14"
expect_out "  recommendation: serverless"
t 2 list --format markdown
expect_err "unknown format"

# --- rename, copy, delete -------------------------------------------------------

t 0 rename demo "renamed/demo"
t 1 export demo --format yaml
expect_err "no session named 'demo'"
t 0 export "renamed/demo" --format yaml
sed 1d out >r1
sed 1d demo.yaml >d1
same r1 d1
t 1 rename "renamed/demo" "copy of nasty"
expect_err "already exists"
t 1 rename missing other
expect_err "no session named 'missing'"
t 2 rename "renamed/demo" ""
t 0 copy "renamed/demo" "c|o'p\"y ü"
t 0 export "c|o'p\"y ü" --format yaml
sed 1d out >c1
same c1 d1
t 1 copy "renamed/demo" "c|o'p\"y ü"
expect_err "already exists"
t 1 copy missing other
t 0 delete "c|o'p\"y ü"
t 1 delete "c|o'p\"y ü"
expect_err "no session named 'c|o'p\"y ü'"
t 0 list
expect_no_out "c|o'p"
t 1 export "$(printf 'bad\033[31mname')" --format yaml
expect_err "no session named 'bad\\x1b[31mname'"

# --- a bad import changes nothing -------------------------------------------------

t 0 list --format yaml
cp out list-before
t 0 export "renamed/demo" --format yaml -o before.yaml
printf 'answers:\n  traffic: sometimes\n' >bad.yaml
t 1 import bad.yaml --session "renamed/demo"
expect_err "bad.yaml:2:12: unknown answer 'sometimes' for question 'traffic'"
t 1 import bad.yaml --session brand-new
printf 'answers: {traffic: spiky}\nworkload: {memory_mb: 99999999}\n' >bad2.yaml
t 1 import bad2.yaml --session "renamed/demo"
expect_err "memory_mb"
t 0 export "renamed/demo" --format yaml
same out before.yaml
t 0 list --format yaml
same out list-before
printf 'answers: {traffic: spiky}\n' >noname.yaml
t 2 import noname.yaml
expect_err "needs a session name"
t 2 import noname.yaml --session "$(printf 'tab\there')"
t 1 import missing.yaml --session x

# --- export to files ------------------------------------------------------------------

mkdir out.d
t 0 export "renamed/demo" --format yaml -o out.d/x.yaml
same out.d/x.yaml before.yaml
echo keep >out.d/x.yaml
t 1 export "renamed/demo" --format yaml -o out.d/x.yaml
expect_err "already exists; use --force"
has out.d/x.yaml keep
t 0 export "renamed/demo" --format yaml -o out.d/x.yaml --force
same out.d/x.yaml before.yaml
echo target >out.d/target
ln -s target out.d/link
t 1 export "renamed/demo" --format yaml -o out.d/link
expect_err "symbolic link"
has out.d/target target
t 0 export "renamed/demo" --format yaml -o out.d/link --force
has out.d/target target
[ -L out.d/link ] && fail "the link was followed, not replaced"
same out.d/link before.yaml
t 0 export "renamed/demo" --format yaml -o -
same out before.yaml
t 1 export "renamed/demo" --format yaml -o out.d
t 1 export "renamed/demo" --format yaml -o no/such/dir/x.yaml
n=$(ls -A out.d | wc -l)
[ "$n" -eq 3 ] || fail "temporary files left in out.d: $(ls -A out.d)"
# The documents (tests/cli/export.sh has the rest); markdown by default.
t 0 export "renamed/demo" --format markdown
expect_out "## Decision"
cp out demo.md
t 0 export "renamed/demo"
same out demo.md
t 0 export "renamed/demo" --format adr
expect_out "## Decision Outcome"
t 2 export "renamed/demo" --format pdf
expect_err "unknown format"

# --- where the database lives ----------------------------------------------------------

ls -ld db | grep -q '^drwx------' || fail "db directory is not 0700"
ls -l db/sessions.db | grep -q '^-rw-------' || fail "database is not 0600"

# --db over TRADEOFF_DB; a missing database has no sessions and is not
# created by reading it.
t 0 --db other.db import "$example" --session elsewhere
t 0 list
expect_no_out elsewhere
t 0 list --db other.db
expect_out elsewhere
t 0 list --db none/x.db
expect_out "No sessions yet"
t 0 list --db none/x.db --format yaml
expect_out "sessions: []"
t 1 export x --db none/x.db --format yaml
t 1 delete x --db none/x.db
[ -e none ] && fail "reading a missing database created it"

# The default path, under XDG_DATA_HOME, else HOME.
(
	unset TRADEOFF_DB
	XDG_DATA_HOME=$tmp/xdg "$TRADEOFF" import "$example" --session x \
	    >/dev/null && [ -f "$tmp/xdg/tradeoff/sessions.db" ]
) || fail "XDG_DATA_HOME not used"
ls -ld xdg/tradeoff | grep -q '^drwx------' || fail "xdg dir is not 0700"
(
	unset TRADEOFF_DB XDG_DATA_HOME
	"$TRADEOFF" import "$example" --session x >/dev/null &&
	    [ -f "$HOME/.local/share/tradeoff/sessions.db" ]
) || fail "HOME/.local/share not used"

# Files that are not session databases are refused and left alone.
printf 'just text\n' >text.db
cp text.db text.orig
t 1 list --db text.db
expect_err "not a SQLite database"
t 1 import "$example" --session x --db text.db
same text.db text.orig

# Bad settings are usage errors.
te 2 TRADEOFF_NOW=soon list
expect_err TRADEOFF_NOW
te 2 TRADEOFF_DB_JOURNAL=sometimes list
expect_err TRADEOFF_DB_JOURNAL
te 0 TRADEOFF_DB_JOURNAL=delete --db journal.db import "$example" --session j
[ -e journal.db-wal ] && fail "WAL used though TRADEOFF_DB_JOURNAL=delete"

# A node type the price list lacks is refused at import as at eval, and
# nothing is saved.
printf 'session: nodes\nanswers:\n  traffic: spiky\nworkload:\n  node_type: m9z.huge\n' >nodes.yaml
t 1 import nodes.yaml
expect_err "nodes.yaml:5:14: unknown node type 'm9z.huge'"
t 1 export nodes --format yaml
expect_err "no session named 'nodes'"

t 2 import
t 2 rename a
t 2 delete a b
t 2 list extra
t 2 list --session x
t 0 --help
expect_out "tradeoff import FILE"
expect_out "tradeoff rename OLD NEW"

finish
