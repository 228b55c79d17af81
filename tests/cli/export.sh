#!/bin/sh
# Exporting sessions as documents: the workshop summary (Markdown) and
# the decision record (MADR), and eval's Markdown, which is the same
# writer.  Golden files from a fixed session with fixed times, compared
# byte for byte; every export parsed by cmark-gfm and its structure
# checked; hostile names and notes shown as text; the refusals to
# overwrite a file or follow a symbolic link.
#
# After a deliberate change to the exports, rewrite the golden files with
#   make check TESTS=tests/cli/export.sh TRADEOFF_UPDATE_GOLDEN=1
# and read the diff before committing it.
. "$TESTS_SRCDIR/cli/lib.sh"
cd "$tmp" || exit 99

data=$TESTS_SRCDIR/data
golden=$TESTS_SRCDIR/golden
umask 022
TRADEOFF_DB=$tmp/sessions.db
export TRADEOFF_DB
unset TRADEOFF_DB_JOURNAL 2>/dev/null || true
have_cmark=1
command -v cmark-gfm >/dev/null 2>&1 || have_cmark=0

# t STATUS ARG...: run the program and check its exit status.
t() {
	tw=$1
	shift
	run "$TRADEOFF" "$@"
	expect_status "$tw"
}

# same FILE FILE: the same bytes.
same() {
	checks=$((checks + 1))
	cmp -s "$1" "$2" || {
		fail "$1 and $2 differ"
		diff -u "$1" "$2" | head -40 | sed 's/^/  /' >&2
	}
}

# golden NAME FILE: FILE is tests/golden/NAME byte for byte (or becomes
# it, with TRADEOFF_UPDATE_GOLDEN=1).
golden() {
	if [ "${TRADEOFF_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$2" "$golden/$1" || fail "cannot update $golden/$1"
		return
	fi
	same "$golden/$1" "$2"
}

# flat MD: cmark-gfm's reading of the Markdown file MD, one line per
# block (tests/cli/gfm.awk), in MD.flat.
flat() {
	cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -t xml \
	    "$1" | awk -f "$TESTS_SRCDIR/cli/gfm.awk" >"$1.flat" ||
	    fail "cmark-gfm failed on $1"
}

# has FILE LINE: FILE has LINE, whole.
has() {
	checks=$((checks + 1))
	grep -qxF -- "$2" "$1" || {
		fail "$1 lacks the line '$2'"
		grep -F -- "$(printf '%s' "$2" | cut -c1-12)" "$1" |
		    head -5 | sed 's/^/  near: /' >&2
	}
}

# lacks FILE REGEX: no line of FILE matches REGEX.
lacks() {
	checks=$((checks + 1))
	if grep -q -- "$2" "$1"; then
		fail "$1 has lines matching '$2'"
		grep -- "$2" "$1" | head -5 | sed 's/^/  /' >&2
	fi
}

# headings FLAT: the headings of a flattened document, one a line.
headings() {
	grep '^h[1-6]	' "$1"
}

# tables FLAT: per table, "rows x columns" (columns of the header row),
# and "ragged" when a row has another number of cells.
tables() {
	awk -F '\t' '
	$1 == "table" { if (n) print n " x " c r; n = 0; c = 0; r = "" }
	$1 == "row" { if (!n) c = NF - 1; else if (NF - 1 != c) r = " ragged"; n++ }
	END { if (n) print n " x " c r }' "$1"
}

# clean FLAT: nothing a user could have smuggled in: no raw HTML but the
# writer's own folds, no block quote, thematic break or strike-through,
# and links only to http(s).
clean() {
	checks=$((checks + 1))
	if grep '^HTML' "$1" | grep -qvx 'HTML	<details>\|HTML	</details>'; then
		fail "$1 has raw HTML the writer did not make"
		grep '^HTML' "$1" | grep -vx 'HTML	<details>\|HTML	</details>' |
		    head -5 | sed 's/^/  /' >&2
	fi
	lacks "$1" '^quote$'
	lacks "$1" '^hr$'
	lacks "$1" '^strike$'
	lacks "$1" '^link	[^h]'
	lacks "$1" '^link	h[^t]'
}

# folds MD: every line of MD that starts with '<' is the writer's fold:
# <details>, </details> or a <summary> of plain words.
folds() {
	checks=$((checks + 1))
	bad=$(grep '^<' "$1" | grep -vx '<details>\|</details>\|<summary>[A-Za-z0-9 ,'"'"'-]*</summary>')
	[ -z "$bad" ] || fail "$1: HTML lines the writer does not make: $bad"
}

# body ADR: the decision record without its front matter, in ADR.body;
# the front matter in ADR.front.
body() {
	awk 'NR == 1 && $0 == "---" { fm = 1; next }
	    fm && $0 == "---" { fm = 0; next }
	    fm { print > "'"$1"'.front"; next }
	    { print }' "$1" >"$1.body"
	checks=$((checks + 1))
	[ "$(head -n 1 "$1")" = "---" ] && [ -s "$1.front" ] ||
	    fail "$1 does not open with front matter"
}

# mermaid MD: the Mermaid blocks of MD hold only what the writer makes:
# numbers, labels made here (round volumes, or spaces between two
# braille blanks), series named from the model, and a checked currency
# code.
blank=$(printf '\342\240\200')
nbsp=$(printf '\302\240')
mermaid() {
	checks=$((checks + 1))
	bad=$(awk -v blank="$blank" '
	    /^```mermaid$/ { m = 1; next } m && /^```$/ { m = 0; next }
	    m && /^%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#[0-9A-F]+(, #[0-9A-F]+)*"\}\}, "themeCSS": "[.a-z0-9 {}:;-]*"\}\}%%$/ { next }
	    m && $0 == "xychart-beta" { next }
	    m && /^  title "Cost per month \([A-Z][A-Z][A-Z]\)"$/ { next }
	    m && /^  y-axis "[A-Z][A-Z][A-Z] per month" 0 --> [0-9]+$/ { next }
	    m && /^  line "[^"#;%<>`]*" \[[0-9.]+(, [0-9.]+)*\]$/ { next }
	    m && /^  x-axis "Requests a month" \[/ {
		x = $0
		gsub("\"" blank " +" blank "\"", "\"\"", x)
		if (x ~ /^  x-axis "Requests a month" \["[0-9.]*[kMB]?"(, "[0-9.]*[kMB]?")*\]$/)
			next
	    }
	    m { print }' "$1")
	[ -z "$bad" ] || fail "$1: unexpected Mermaid lines: $bad"
	grep -q '^```mermaid$' "$1" || fail "$1 has no Mermaid block"
}

# --- a fixed session: ana imports, ben changes, ana renames -----------------

T0=1748736000			# 2025-06-01T00:00:00Z
USER=ana TRADEOFF_NOW=$T0 "$TRADEOFF" import "$data/workshop.yaml" \
    >/dev/null || fail "import workshop.yaml"
USER=ben TRADEOFF_NOW=$((T0 + 5400)) "$TRADEOFF" import \
    "$data/workshop-v2.yaml" >/dev/null || fail "import workshop-v2.yaml"
USER=ana TRADEOFF_NOW=$((T0 + 6000)) "$TRADEOFF" rename checkout-draft \
    checkout-service || fail "rename"
TRADEOFF_NOW=$((T0 + 6000))
USER=ana
export TRADEOFF_NOW USER

# --- the summary --------------------------------------------------------------

t 0 export checkout-service
expect_empty_err
cp out summary.md
golden checkout-service.md summary.md
t 0 export checkout-service --format markdown
same out summary.md
t 0 export checkout-service -f md -o -
same out summary.md
mermaid summary.md

# The same writer for an answers file: no dates, no history.
t 0 eval --answers "$data/workshop-v2.yaml" --format markdown
cp out eval.md
golden workshop-eval.md eval.md
expect_no_out "## Change history"
expect_no_out "**Date:**"
expect_out "## Comparison tables"
mermaid eval.md

# --- the decision record ------------------------------------------------------

t 0 export checkout-service --format adr
expect_empty_err
cp out adr.md
golden checkout-service-adr.md adr.md
body adr.md
has adr.md.front "status: proposed"
has adr.md.front "date: 2025-06-01"
has adr.md.front "- Ben (SRE)"

# Without front matter (issue 17): the title first, the status as a
# list under it, the evidence in a comment at the end; otherwise the
# same record.
t 0 export checkout-service --format adr --no-front-matter
expect_empty_err
cp out plain.md
golden checkout-service-adr-plain.md plain.md
has plain.md "- **Status:** proposed"
has plain.md "- **Date:** 2025-06-01"
has plain.md "- **Decision-makers:** Ana (architect), Ben (SRE), Chloe (security)"
has plain.md "<!-- tradeoff evidence (read by \`tradeoff recheck\` and \`tradeoff import\`; keep it with the record)"
checks=$((checks + 1))
[ "$(head -n 1 plain.md)" = "# Choose Serverless for checkout-service" ] ||
    fail "plain.md does not open with its title"
sed -e '/^<!-- tradeoff evidence/,$d' \
    -e 's/: the comment at its end keeps /: the front matter keeps /' \
    plain.md | grep -v '^$' |
    grep -v '^- \*\*\(Status\|Date\|Decision-makers\):\*\* ' >plain.cmp
grep -v '^$' adr.md.body >adr.cmp
same adr.cmp plain.cmp

# --- every export through a real GFM parser -------------------------------------

if [ "$have_cmark" = 1 ]; then
	flat summary.md
	clean summary.md.flat
	headings summary.md.flat >got
	cat >want <<'EOF'
h1	checkout-service: Serverless, Kubernetes or hybrid
h2	Decision
h2	Context
h2	Scores
h2	Rationale
h2	Answers
h2	Cost
h3	Cost against volume
h3	How each figure is worked out
h4	Serverless: AWS Lambda
h4	Kubernetes: Amazon EKS on m6i.large
h4	Hybrid: 30% of the requests on functions
h3	Prices
h2	Comparison tables
h3	Architecture and application fit
h3	Cost dynamics
h3	Operational complexity
h3	Observability
h3	Security
h3	Deployment and delivery
h2	Weights
h2	Change history
EOF
	same want got
	# Scores; answers; cost; the chart's key; the decades; prices;
	# comparison tables; weights; history (31 changes, one day).
	tables summary.md.flat >got
	cat >want <<'EOF'
4 x 8
23 x 4
4 x 3
4 x 5
8 x 4
5 x 4
10 x 4
7 x 4
6 x 4
5 x 4
7 x 4
6 x 4
7 x 3
32 x 5
EOF
	same want got
	f=summary.md.flat
	has $f "row	Option	Total	Architecture (w4)	Cost (w4)	Operations (w4)	Observability (w2)	Security (w4)	Delivery (w2)"
	has $f "row	Workload	How does traffic arrive?	Spiky	Black Friday peaks at 40x the daily average."
	has $f "row		How sensitive is it to latency?	Strict (p99 under ~100 ms)	Checkout must answer in 100 ms at p99, card form included."
	has $f "row	Delivery	How must releases roll out?	Blue/green or canary	"
	has $f "row	Cost	What kind of bill does the organisation prefer?	(unanswered)	"
	# Rows that matter are marked, and the favoured cell; a no-break
	# space keeps each mark on its word's line.
	has $f "row	Startup latency${nbsp}●	Cold starts from about 100 ms to seconds, their initialisation billed on AWS Lambda since August 2025; provisioned concurrency or minimum instances keep them warm at extra cost.	✓${nbsp}Pods are already running, so no cold start on the request path; new pods take seconds to minutes.	Latency-critical paths on warm pods; cold starts only where they do not matter."
	has $f "row	Idle cost${nbsp}●	✓${nbsp}Nothing when nothing runs (unless instances are kept warm).	Nodes and the control plane cost money around the clock.	A smaller always-on cluster; idle edges cost nothing."
	# The history a table per day: times too short to wrap.
	has $f "p	2025-06-01 (UTC)"
	has $f "row	Time	Who	What	Was	Now"
	has $f "row	01:30:00	ben	Weight of Security	3 (default)	4"
	has $f "row	01:30:00	ben	Answer to latency	Moderate (p99 under ~1 s)	Strict (p99 under ~100 ms)"
	has $f "row	01:40:00	ana	Renamed	checkout-draft	checkout-service"
	lacks $f '^row	[0-9-]*T[0-9:]*Z	'
	# The decision first: what it is, why, what flips it, what it
	# costs, what is open; the long sections folded.
	has $f "p	Serverless, with confidence 0.73 (16 of 22 questions answered)."
	has $f "p	How sensitive is it to latency? Strict (p99 under ~100 ms): favours Kubernetes (Architecture)"
	has $f "p	Cost a month at 3,000,000 requests: Serverless \$22.28, Kubernetes \$213.16, Hybrid \$231.34 (Amazon Web Services prices of 2026-11-28). Break-even: above 50,752,212 requests a month, functions cost more than the cluster."
	has $f "p	Which cloud would it run on?"
	checks=$((checks + 1))
	[ "$(sed -n '/^## Decision/,/^## /p' summary.md | wc -l)" -le 45 ] ||
	    fail "the decision at the top is longer than a screen"
	checks=$((checks + 1))
	[ "$(grep -c '^HTML	<details>$' $f)" -eq 3 ] ||
	    fail "expected three folded sections"
	folds summary.md
	has $f "code	mermaid"
	has $f "p	Checkout API for the EU shop. Black Friday is the stress case; the rest of the year traffic is modest and follows the working day."

	flat eval.md
	clean eval.md.flat
	headings eval.md.flat | grep -v '^h1' >got
	headings summary.md.flat | grep -v '^h1' |
	    grep -v '^h2	Change history' >want
	same want got

	flat adr.md.body
	f=adr.md.body.flat
	clean $f
	headings $f >got
	cat >want <<'EOF'
h1	Choose Serverless for checkout-service
h2	Context and Problem Statement
h2	Decision Drivers
h2	Considered Options
h2	Decision Outcome
h3	Consequences
h3	Confirmation
h2	Pros and Cons of the Options
h3	Serverless
h3	Kubernetes
h3	Hybrid
h2	More Information
EOF
	same want got
	lacks $f '^table$'
	has $f 'p	Chosen option: "Serverless", because it scores 69.7 of 100 against 42.2 for Kubernetes, chiefly on Architecture, Delivery and Operations (confidence 0.73, 16 of 22 questions answered).'
	# A Bad line quotes the cell of the option the row favours.
	has $f "p	Bad, because Startup latency favours Kubernetes: Pods are already running, so no cold start on the request path; new pods take seconds to minutes."
	has $f "p	Answering \"What does the code need from its runtime?\" with \"GPUs\" (now \"A standard language runtime\") would recommend Kubernetes."
	# Every note is in the record, with its question.
	has $f "p	What regulation applies? Moderate (SOC 2 style) — PCI scope is limited to the payment provider's hosted page."

	# Rendered anywhere but GitHub's file view: no thematic break, no
	# heading before the title, and nothing of the evidence shows.
	cmark-gfm --extension table plain.md >plain.html ||
	    fail "cmark-gfm failed on plain.md"
	lacks plain.html '<hr'
	checks=$((checks + 1))
	[ "$(head -n 1 plain.html)" = "<h1>Choose Serverless for checkout-service</h1>" ] ||
	    fail "plain.html does not open with the title"
	lacks plain.html 'tradeoff:'
	lacks plain.html 'answers_file'
	cmark-gfm --unsafe --extension table plain.md >plain-raw.html ||
	    fail "cmark-gfm failed on plain.md"
	awk '/<!--/ { c = 1 } !c { print } /-->/ { c = 0 }' plain-raw.html \
	    >plain-shown.html
	lacks plain-shown.html 'tradeoff:'
	lacks plain-shown.html 'answers_file'
	lacks plain-shown.html 'digest'
	checks=$((checks + 1))
	[ "$(tail -n 1 plain-raw.html)" = "-->" ] ||
	    fail "plain-raw.html does not end with the comment"
	flat plain.md
	has plain.md.flat "p	Status: proposed"
	checks=$((checks + 1))
	[ "$(grep -c '^HTML' plain.md.flat)" = 1 ] &&
	    [ "$(tail -n 1 plain.md.flat | cut -c1-27)" = "HTML	<!-- tradeoff evidence" ] ||
	    fail "plain.md: the evidence is not one HTML comment at its end"
	headings plain.md.flat >got
	headings $f >want
	same want got
fi

# --- hostile names and notes ------------------------------------------------------

hostile='# <b>bold</b> | `tick` \ 🚀 > 1. - x'
t 0 import "$data/hostile.yaml"
t 0 export -- "$hostile"
cp out hostile.md
golden hostile.md hostile.md
mermaid hostile.md
t 0 export --format adr -- "$hostile"
cp out hostile-adr.md
golden hostile-adr.md hostile-adr.md
body hostile-adr.md
# YAML keeps every participant one list entry (libyaml quotes them).
has hostile-adr.md.front "- <img src=x onerror=alert(1)>"
has hostile-adr.md.front '- "- dash"'
has hostile-adr.md.front '- "---"'
has hostile-adr.md.front "- '# hash'"
t 0 eval --answers "$data/hostile.yaml" --format markdown
cp out hostile-eval.md

if [ "$have_cmark" = 1 ]; then
	for d in hostile.md hostile-adr.md.body hostile-eval.md; do
		flat $d
		clean $d.flat
		# Only the writers' own emphasis: "*(unanswered)*" and such.
		checks=$((checks + 1))
		n=$(grep -c '^emph$' $d.flat)
		want_n=$(grep -o '\*([a-z ]*)\*' $d | wc -l)
		[ "$n" -eq "$want_n" ] ||
		    fail "$d: $n emphasised spans, the writer made $want_n"
		checks=$((checks + 1))
		grep -q '^link	javascript' $d.flat && fail "$d: a javascript: link"
	done
	f=hostile.md.flat
	has $f "h1	$hostile: Serverless, Kubernetes or hybrid"
	headings $f | grep -v '^h1' >got
	headings summary.md.flat | grep -v '^h1' >want
	same want got
	has $f 'p	Participants: <img src=x onerror=alert(1)>, - dash, 1. one, # hash, ---, Zoë: lead & co'
	has $f 'p	# heading > quote - item + plus 1. item 2) paren | a | b | |---|---| <script>alert(1)</script> ``` fenced ``` indented code *** text with trailing backslash \ Setext underline ==='
	has $f 'row	Workload	How does traffic arrive?	Spiky	| pipes | in | a | note |'
	has $f 'row		How long does one unit of work run?	Short (under 1 s)	<script>alert(1)</script>'
	has $f 'row		Where does the workload keep its state?	Shared in memory	# heading'
	has $f 'row		How sensitive is it to latency?	Strict (p99 under ~100 ms)	> quote'
	has $f 'row	Team	How much platform experience does the team have?	Strong	- item'
	has $f 'row		Does it hold long-lived connections?	(unanswered)	1. item'
	has $f 'row		Is the workload one kind of thing, or two?	(unanswered)	multi-line / text / with a blank line'
	has $f 'row	Architecture	How many services make up the system?	(unanswered)	`code` and ``double`` and \backslash\ and trailing \'
	has $f 'row		How do the services talk to each other?	(unanswered)	emoji 🚀🔥 and &amp; &lt;b&gt; entities'
	has $f 'row		What does the code need from its runtime?	(unanswered)	[link](javascript:alert(1)) ![img](x.png) <http://x.example>'
	has $f 'row		What does it need from the network?	(unanswered)	**bold** _em_ ~~strike~~ <!-- comment -->'
	has $f 'row	Delivery	How must releases roll out?	(unanswered)	+ plus / === / ---'
	has $f "row	01:40:00	ana	Session created	—	$hostile"
	checks=$((checks + 1))
	tables $f | grep ragged && fail "hostile.md: a ragged table"
	f=hostile-adr.md.body.flat
	# 5 of 21 questions answered: too little evidence to choose.
	has $f "h1	Choose between Serverless, Kubernetes and Hybrid for $hostile"
	headings $f | grep -v '^h1' >got
	headings adr.md.body.flat | grep -v '^h1' | grep -v '^h3	Consequences' >want
	same want got
	has $f 'p	Still open:' 
	has $f 'p	Where does the workload keep its state? Shared in memory — # heading'
	has $f 'p	How long does one unit of work run? Short (under 1 s) — <script>alert(1)</script>'
	has $f 'p	How does traffic arrive? Spiky — | pipes | in | a | note |'
fi

# --- writing files: no overwrite, no following links, without --force ------------

mkdir out.d
for fmt in markdown adr; do
	# The same bytes as to standard output (the chart beside a summary
	# and its refusals: tests/cli/chart.sh).
	want=summary.md nochart=--no-chart
	[ $fmt = adr ] && want=adr.md nochart=
	t 0 export checkout-service --format $fmt $nochart -o out.d/x.md
	expect_empty_err
	same out.d/x.md $want
	echo keep >out.d/x.md
	t 1 export checkout-service --format $fmt $nochart -o out.d/x.md
	expect_err_line "tradeoff: out.d/x.md: already exists; use --force to replace it"
	has out.d/x.md keep
	t 0 export checkout-service --format $fmt $nochart -o out.d/x.md --force
	same out.d/x.md $want
	rm out.d/x.md

	echo target >out.d/target
	ln -s target out.d/link
	t 1 export checkout-service --format $fmt $nochart -o out.d/link
	expect_err "is a symbolic link; use --force"
	has out.d/target target
	t 0 export checkout-service --format $fmt $nochart -o out.d/link --force
	has out.d/target target
	checks=$((checks + 1))
	[ -L out.d/link ] && fail "$fmt: the link was followed, not replaced"
	same out.d/link $want
	rm out.d/link

	# A dangling link is refused too, and nothing appears at its target.
	ln -s nowhere out.d/dangling
	t 1 export checkout-service --format $fmt $nochart -o out.d/dangling
	checks=$((checks + 1))
	[ -e out.d/nowhere ] && fail "$fmt: wrote through a dangling link"
	rm out.d/dangling
	t 1 export checkout-service --format $fmt $nochart -o no/such/dir/x.md
	t 1 export checkout-service --format $fmt $nochart -o out.d
	expect_err "is a directory"
done
checks=$((checks + 1))
n=$(ls -A out.d | wc -l)
[ "$n" -eq 1 ] || fail "files left in out.d: $(ls -A out.d)"

# --- refusals ------------------------------------------------------------------------

t 2 export checkout-service --format pdf
expect_err "unknown format 'pdf' for export (expected markdown, adr or yaml)"
t 2 eval --answers "$data/workshop.yaml" --format adr
t 1 export no-such-session --format adr
expect_err_line "tradeoff: no session named 'no-such-session'"
t 1 export checkout-service --format markdown --db "$tmp/none/x.db"
checks=$((checks + 1))
[ -e "$tmp/none" ] && fail "export created a database"

# A price list that cannot price the session's workload: the documents
# leave the cost out and say so; a broken one is an error, except for
# the answers file, which needs no prices.
prices=$TRADEOFF_DATADIR/data/pricing.yaml
sed '/type: m5.large/d' "$prices" >nolarge.yaml
grep -q 'type: m5.large' nolarge.yaml && fail "sed did not drop m5.large"
printf 'workload: {node_type: m5.large}\n' >node.yaml
t 0 import node.yaml --session priced
t 0 export priced --pricing nolarge.yaml
expect_err "the cost section is left out"
expect_no_out "Monthly cost with"
expect_out "## Weights"
t 0 export priced --pricing nolarge.yaml --format adr
expect_err "the cost section is left out"
expect_no_out "Cost per month"
printf 'pricing: [\n' >broken.yaml
t 1 export checkout-service --pricing broken.yaml
expect_err "broken.yaml"
t 0 export checkout-service --pricing broken.yaml --format yaml
expect_out "session: checkout-service"

# A session with nothing answered is still a document.
printf 'context: nothing decided yet\n' >empty.yaml
t 0 import empty.yaml --session empty
t 0 export empty --format adr
expect_out "# Choose between Serverless, Kubernetes and Hybrid for empty"
expect_out "No option is chosen yet"
t 0 export empty
expect_out "**Undecided**"

if [ "$have_cmark" = 0 ]; then
	echo "cmark-gfm not found: the GFM checks were skipped" >&2
	finish || exit 1
	exit 77
fi
finish
