#!/bin/sh
# The SVG cost chart written beside a summary exported to a file: named
# after the -o file, refused over an existing file or link as -o is,
# well-formed XML in the SVG namespace (read by xmllint, an XML parser)
# with its legend, markers and marks, user text escaped, referred to
# from the Markdown as an image, left out by --no-chart and for standard
# output.
. "$TESTS_SRCDIR/cli/lib.sh"
cd "$tmp" || exit 99

data=$TESTS_SRCDIR/data
have_xmllint=1
command -v xmllint >/dev/null 2>&1 || have_xmllint=0
TRADEOFF_NOW=1748736000
export TRADEOFF_NOW

t() {
	tw=$1
	shift
	run "$TRADEOFF" "$@"
	expect_status "$tw"
}

# exists FILE / absent FILE
exists() {
	checks=$((checks + 1))
	[ -f "$1" ] || fail "$1 was not written"
}
absent() {
	checks=$((checks + 1))
	[ ! -e "$1" ] && [ ! -L "$1" ] || fail "$1 should not exist"
}

# has FILE TEXT: FILE contains the fixed string TEXT.
has() {
	checks=$((checks + 1))
	grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"
}
lacks() {
	checks=$((checks + 1))
	! grep -qF -- "$2" "$1" || fail "$1 has '$2'"
}

# xpath FILE EXPR WANT: the XPath expression EXPR over FILE gives WANT
# (the SVG namespace bound to the prefix s).
xpath() {
	[ "$have_xmllint" = 1 ] || return 0
	checks=$((checks + 1))
	got=$(printf 'setns s=http://www.w3.org/2000/svg\nxpath %s\n' "$2" |
	    xmllint --shell "$1" 2>&1 | sed -n 's/^.*Object is a [^:]*: *//p')
	[ "$got" = "$3" ] || fail "$1: $2 is '$got', expected '$3'"
}

# wellformed FILE: an XML parser reads it, and its root is svg in the SVG
# namespace.
wellformed() {
	[ "$have_xmllint" = 1 ] || return 0
	checks=$((checks + 1))
	xmllint --noout "$1" 2>"$tmp/xmlerr" ||
	    fail "$1 is not well-formed XML: $(head -3 "$tmp/xmlerr")"
	xpath "$1" 'count(/s:svg)' 1
}

"$TRADEOFF" import "$data/workshop-v2.yaml" >/dev/null || fail "import"

# --- beside the -o file, named after it -------------------------------------

t 0 export checkout-draft -o checkout.md
expect_empty_err
exists checkout.md
exists checkout-cost.svg
has checkout.md '](checkout-cost.svg)'
wellformed checkout-cost.svg
# A legend entry per option, each with its line and marker, and a series
# per option: a line and a marker at each decade.
xpath checkout-cost.svg 'count(//s:g[@class="legend-entry"])' 3
xpath checkout-cost.svg 'count(//s:g[@class="legend-entry"]/s:line)' 3
xpath checkout-cost.svg 'count(//s:g[@class="series"]/s:polyline)' 3
xpath checkout-cost.svg 'count(//s:g[@id="series-1"]/s:circle) > 3' true
xpath checkout-cost.svg 'count(//s:g[@id="series-2"]/s:rect) > 3' true
xpath checkout-cost.svg 'count(//s:g[@id="series-3"]/s:path) > 3' true
# Dash patterns tell the lines apart without colour.
xpath checkout-cost.svg \
    'count(//s:g[@class="series"]/s:polyline[@stroke-dasharray])' 2
# The workload and the break-even marked, and named in the legend.
has checkout-cost.svg '>workload: 3M requests</text>'
has checkout-cost.svg '>break-even: 51M requests</text>'
has checkout-cost.svg 'the break-even (×) is at</text>'
has checkout-cost.svg '>50,752,212 requests a month.</text>'
has checkout-cost.svg '>Serverless: $22.28</text>'
has checkout-cost.svg '>Kubernetes: $213.16</text>'
has checkout-cost.svg '>Requests a month (log scale)</text>'
has checkout-cost.svg '<title id="title">'
# The same bytes for the same report.
cp checkout-cost.svg first.svg
t 0 export checkout-draft -o checkout.md --force
checks=$((checks + 1))
cmp -s first.svg checkout-cost.svg || fail "the chart changed between runs"

mkdir docs
t 0 export checkout-draft -o docs/notes
exists docs/notes-cost.svg
has docs/notes '](notes-cost.svg)'
t 0 export checkout-draft -o 'docs/a b(1).v2.md'
exists 'docs/a b(1).v2-cost.svg'
has 'docs/a b(1).v2.md' '](a%20b%281%29.v2-cost.svg)'

# --- not for standard output, other formats, or --no-chart ------------------

t 0 export checkout-draft
lacks "$tmp/out" '-cost.svg'
t 0 export checkout-draft -o plain.md --no-chart
absent plain-cost.svg
lacks plain.md '-cost.svg'
t 0 export checkout-draft --format adr -o rec.md
absent rec-cost.svg
t 2 export checkout-draft --format adr -o rec2.md --no-chart
expect_err "--no-chart applies to --format markdown"
absent rec2.md
t 0 export checkout-draft --format yaml -o answers.yaml
absent answers-cost.svg

# --- the refusals of -o, for the chart too ----------------------------------

echo keep >taken-cost.svg
t 1 export checkout-draft -o taken.md
expect_err "taken-cost.svg: already exists; use --force"
absent taken.md
checks=$((checks + 1))
[ "$(cat taken-cost.svg)" = keep ] || fail "taken-cost.svg was changed"
t 0 export checkout-draft -o taken.md --force
wellformed taken-cost.svg

echo secret >target
ln -s target linked-cost.svg
t 1 export checkout-draft -o linked.md
expect_err "linked-cost.svg: is a symbolic link"
absent linked.md
t 0 export checkout-draft -o linked.md --force
checks=$((checks + 1))
[ "$(cat target)" = secret ] && [ ! -L linked-cost.svg ] ||
    fail "--force followed the link instead of replacing it"

# A name near the file system's limit of 255 bytes: the summary alone
# is written; the chart's longer name is refused before anything is.
long=$(printf '%0250d' 0)
t 1 export checkout-draft -o "$long.md"
expect_err "the name is too long for the chart beside it (use a shorter name, or --no-chart)"
absent "$long.md"
t 0 export checkout-draft -o "$long.md" --no-chart
exists "$long.md"
t 0 export checkout-draft -o "$long.md" --no-chart --force
exists "$long.md"
checks=$((checks + 1))
ls -A | grep -q '^\.' && fail "temporary files left: $(ls -A | grep '^\.')"

# Anything else in the chart's way is named, with what to do.
mkfifo pipe-cost.svg
t 1 export checkout-draft -o pipe.md --force
expect_err "pipe-cost.svg: is not a regular file; move it away, or leave the chart out with --no-chart"
absent pipe.md
mkdir dir-cost.svg
t 1 export checkout-draft -o dir.md --force
expect_err "dir-cost.svg: is a directory"
absent dir.md

# --- user text is escaped ---------------------------------------------------

# Option titles come from the model, which anyone can edit.
sed -e 's/^    title: Serverless$/    title: "<b>F\&amp;\\"s\x27 \\u202E<\/svg>"/' \
    "$model" >hostile-model.yaml
t 0 --model hostile-model.yaml import "$data/workshop-v2.yaml" \
    --session hostile
t 0 --model hostile-model.yaml export hostile -o hostile.md
wellformed hostile-cost.svg
has hostile-cost.svg '&lt;b&gt;F&amp;amp;&quot;s&apos; &lt;U+202E&gt;&lt;/svg&gt;'
lacks hostile-cost.svg '<b>'
xpath hostile-cost.svg 'count(//s:g[@class="legend-entry"])' 3
# In the Mermaid chart an edited model's name keeps only letters,
# digits and plain punctuation.
has hostile.md "  line \"bFamps' /svg\" ["

# --- what the chart cannot show is said, not drawn -----------------------

# A workload beyond the samples (10k to 10B): no mark, and the notes and
# the image's text say so.
sed 's/^  requests_per_month: .*/  requests_per_month: 1000000000000/' \
    "$data/workshop-v2.yaml" >huge.yaml
grep -q '^  requests_per_month: 1000000000000$' huge.yaml ||
    fail "huge.yaml has no workload to change"
t 0 import huge.yaml --session huge
t 0 export huge -o huge.md
wellformed huge-cost.svg
lacks huge-cost.svg '>workload:'
has huge-cost.svg "1,000,000,000,000 requests a month, beyond the chart"
has huge-cost.svg "(10k to 10B)"
lacks huge.md 'the workload marked'
has huge.md 'the break-even marked'
has huge.md 'lies beyond the chart, which ends at'

# Four options: the legend in two columns, every name and cost whole.
t 0 --model "$TRADEOFF_DATADIR/data/model-containers.yaml" import \
    "$data/workshop-v2.yaml" --session four
t 0 --model "$TRADEOFF_DATADIR/data/model-containers.yaml" export four \
    -o four.md
wellformed four-cost.svg
xpath four-cost.svg 'count(//s:g[@class="legend-entry"])' 4
has four-cost.svg '>Serverless containers: $'
xpath four-cost.svg 'count(//s:g[@class="legend-entry"]/s:text[@x="130.0"])' 2

# Another currency: the ticks are plain numbers, the axis names it.
sed 's/^  currency: USD$/  currency: EUR/' \
    "$TRADEOFF_DATADIR/data/pricing.yaml" >eur.yaml
grep -q '^  currency: EUR$' eur.yaml || fail "eur.yaml names no currency"
t 0 --pricing eur.yaml export checkout-draft -o eur.md
wellformed eur-cost.svg
has eur-cost.svg '>EUR per month (log scale)</text>'
has eur-cost.svg '>1,000</text>'
lacks eur-cost.svg '>1,000 EUR</text>'

finish
