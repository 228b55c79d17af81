#!/bin/sh
# The summaries' Mermaid charts drawn by Mermaid itself (10.6 and 11.17,
# in headless Chromium; tests/render/mermaid-render.sh): every block
# renders without error in both; no x-axis category is lost (blank labels
# are distinct, so Mermaid keeps one position per data point); 11.17's
# legend names each series.  Skipped (77) where Chromium or the Mermaid
# bundles are missing: `sh .ci/install-deps --checks` installs them.
. "$TESTS_SRCDIR/cli/lib.sh"
cd "$tmp" || exit 99

data=$TESTS_SRCDIR/data
render=$TESTS_SRCDIR/render/mermaid-render.sh
TRADEOFF_NOW=1748736000
export TRADEOFF_NOW

"$TRADEOFF" import "$data/workshop-v2.yaml" >/dev/null || fail "import"
"$TRADEOFF" import "$data/hostile.yaml" >/dev/null || fail "import hostile"
"$TRADEOFF" export checkout-draft >checkout.md || fail "export"
"$TRADEOFF" export -- '# <b>bold</b> | `tick` \ 🚀 > 1. - x' >hostile.md ||
    fail "export hostile"
for f in serverless kubernetes hybrid; do
	"$TRADEOFF" eval --answers "$data/$f.yaml" --format markdown >"$f.md" ||
	    fail "eval $f"
done

# positions SVG: the distinct x positions of the x-axis labels (the
# texts of the label group in the bottom axis).
positions() {
	awk '{
		s = substr($0, index($0, "class=\"bottom-axis\""))
		s = substr(s, index(s, "<g class=\"label\">"))
		print substr(s, 1, index(s, "</g>"))
	}' "$1" | grep -o 'translate([0-9.]*' | sort -u | wc -l
}

for md in checkout hostile serverless kubernetes hybrid; do
	sh "$render" "$md.md" "r-$md" >"$md.log" 2>&1
	rc=$?
	if [ $rc -eq 77 ]; then
		cat "$md.log"
		echo "SKIP: no Chromium or no Mermaid bundles"
		exit 77
	fi
	checks=$((checks + 1))
	[ $rc -eq 0 ] || { fail "$md.md: Mermaid could not draw it"; \
	    sed 's/^/  /' "$md.log" >&2; continue; }
	# One block: the cost chart.
	want=$(grep '^  x-axis ' "r-$md/1.mmd" | tr -cd , | wc -c)
	want=$((want + 1))
	for svg in "r-$md"/1-*.svg; do
		checks=$((checks + 1))
		got=$(positions "$svg")
		[ "$got" -eq "$want" ] ||
		    fail "$svg: $got x positions for $want data points"
	done
	for name in Serverless Kubernetes Hybrid; do
		checks=$((checks + 1))
		sed -n 's/.*class="legend"//p' "r-$md"/1-11.17.*.svg |
		    grep -q ">$name<" ||
		    fail "$md: Mermaid 11.17's legend lacks $name"
	done
done

finish
