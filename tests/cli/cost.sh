#!/bin/sh
# The cost model through the binary: eval's cost block on the AWS Lambda
# mobile-backend workload, the Kubernetes figure against the shipped
# prices, the break-even between a cheaper and a dearer volume,
# --pricing, staleness, and tradeoff check on price lists.
. "$TESTS_SRCDIR/cli/lib.sh"
prices=$TRADEOFF_DATADIR/data/pricing.yaml

# 2026-12-01, when the shipped prices are current (lib.sh unsets it).
TRADEOFF_NOW=1796083200
export TRADEOFF_NOW

# field NAME KEY: KEY's value in the flow mapping "  NAME: {...}" of the
# last stdout.
field() {
	sed -n "s/^  $1: {\(.*, \)\{0,1\}$2: \([^,}]*\).*/\2/p" "$tmp/out"
}

# check CONDITION MESSAGE: count a check, fail with MESSAGE unless the
# shell CONDITION holds.
check() {
	checks=$((checks + 1))
	eval "$1" || fail "$2"
}

# workload REQUESTS: the mobile-backend answers file at REQUESTS a month.
workload() {
	printf 'answers:\n  traffic: spiky\nworkload:\n'
	printf '  requests_per_month: %s\n  avg_duration_ms: 120\n' "$1"
	printf '  memory_mb: 1536\n  arch: x86_64\n  free_tier: true\n'
}

# 1. The mobile-backend example: $2.33 + $0.40 = $2.73.
workload 3000000 >"$tmp/mobile.yaml"
run "$TRADEOFF" eval --answers "$tmp/mobile.yaml" --format yaml
expect_status 0
expect_empty_err
expect_out "
  serverless: {monthly: 2.73, compute: 2.33, requests: 0.40, gateway: 0.00}
"
expect_out "
  price_date: \"2026-11-28\"
  stale: false
"

# 2. Kubernetes: 730 x (nodes x node price + control plane), the prices
# read from the shipped file.
node_price=$(sed -n 's/.*{type: m6i\.large,.*per_hour: \([0-9.]*\),.*/\1/p' \
    "$prices")
control=$(awk '/^  aws:/ { aws = 1 } /^  gcp:/ { aws = 0 }
    aws && /control_plane_per_hour:/ { print $2 }' "$prices")
nodes=$(field kubernetes nodes)
monthly=$(field kubernetes monthly)
expect=$(awk -v n="$nodes" -v p="$node_price" -v c="$control" \
    'BEGIN { printf "%.2f", 730 * (n * p + c) }')
check '[ -n "$node_price" ] && [ -n "$control" ] && [ -n "$nodes" ]' \
    "cannot read the prices or nodes ('$node_price', '$control', '$nodes')"
check '[ "$monthly" = "$expect" ]' \
    "kubernetes monthly $monthly, but 730 x ($nodes x $node_price + $control) = $expect"
check '[ "$monthly" = 213.16 ] && [ "$nodes" = 2 ]' \
    "kubernetes: $monthly for $nodes nodes, not 213.16 for 2"

# 3. The break-even sits between a volume where functions cost less and
# one where they cost more.
be=$(yaml_value '  break_even_requests_per_month')
check '[ -n "$be" ] && [ "$be" != null ]' "no break-even: '$be'"
for side in below above; do
	if [ "$side" = below ]; then
		v=$(awk -v b="$be" 'BEGIN { printf "%.0f", b / 2 }')
		want='f < k'
	else
		v=$(awk -v b="$be" 'BEGIN { printf "%.0f", b * 2 }')
		want='f > k'
	fi
	workload "$v" >"$tmp/$side.yaml"
	run "$TRADEOFF" eval -a "$tmp/$side.yaml" -f yaml
	expect_status 0
	f=$(field serverless monthly)
	k=$(field kubernetes monthly)
	check "awk -v f='$f' -v k='$k' 'BEGIN { exit !($want) }'" \
	    "$v requests ($side $be): functions $f, cluster $k"
done

# 4. Text shows the figures; Markdown their formulas and the date.
run "$TRADEOFF" eval -a "$tmp/mobile.yaml"
expect_status 0
expect_out 'Serverless            $2.73  compute $2.33 + requests $0.40'
expect_out 'Kubernetes          $213.16  2 x m6i.large nodes'
run "$TRADEOFF" eval -a "$tmp/mobile.yaml" -f markdown
expect_status 0
expect_out '3,000,000 req × 0.120 s × 1.5 GB = 540,000 GB-s; (540,000 − 400,000 free) × $0.0000166667 = $2.33'
expect_out '(3,000,000 − 1,000,000 free) × $0.20 / 1,000,000 = $0.40'
expect_out 'Monthly cost with Amazon Web Services prices of 2026-11-28'
expect_no_out 'Stale prices'

# 5. Staleness follows TRADEOFF_NOW: 2028-11-27 is two years on.
TRADEOFF_NOW=1858896000
run "$TRADEOFF" eval -a "$tmp/mobile.yaml" -f yaml
expect_out "  stale: true"
run "$TRADEOFF" eval -a "$tmp/mobile.yaml" -f markdown
expect_out '**Stale prices:** the price list is 730 days old'
TRADEOFF_NOW=soon
run "$TRADEOFF" eval -a "$tmp/mobile.yaml"
expect_status 2
expect_err "tradeoff: TRADEOFF_NOW must be whole seconds since the epoch, not 'soon'"
TRADEOFF_NOW=1796083200

# 6. --pricing is honoured: a price list with dearer requests.
sed 's/per_million_requests: 0\.20$/per_million_requests: 0.40/' "$prices" \
    >"$tmp/dear.yaml"
run "$TRADEOFF" eval -a "$tmp/mobile.yaml" -f yaml --pricing "$tmp/dear.yaml"
expect_status 0
expect_out "serverless: {monthly: 3.13, compute: 2.33, requests: 0.80,"

# 7. A broken price list: exit 1, its position, nothing on stdout.
sed 's/per_hour: 0\.096, default: true/per_hour: -0.096, default: true/' \
    "$prices" >"$tmp/broken.yaml"
pos=$(awk 'i = index($0, "-0.096") { print NR ":" i; exit }' "$tmp/broken.yaml")
run "$TRADEOFF" eval -a "$tmp/mobile.yaml" --pricing "$tmp/broken.yaml"
expect_status 1
check '[ ! -s "$tmp/out" ]' "a broken --pricing wrote to stdout"
expect_err_line "tradeoff: $tmp/broken.yaml:$pos: 'aws.nodes.types[0].per_hour' must be between 0 and 1000, not -0.096"

# 8. An unknown node type: exit 1 at its position in the answers file.
{ workload 3000000; echo "  node_type: m6i.gigantic"; } >"$tmp/node.yaml"
run "$TRADEOFF" eval -a "$tmp/node.yaml"
expect_status 1
expect_err "tradeoff: $tmp/node.yaml:9:14: unknown node type 'm6i.gigantic' for aws (expected: m6i.large, "

# 9. tradeoff check: the shipped price list passes, the broken one and
# the unknown node type fail with their positions.
run "$TRADEOFF" check "$prices"
expect_status 0
expect_out "$prices: ok: price list version 1 (USD): 3 providers"
run "$TRADEOFF" check "$tmp/broken.yaml"
expect_status 1
expect_err "$tmp/broken.yaml:$pos: "
run "$TRADEOFF" check "$tmp/node.yaml"
expect_status 1
expect_err "$tmp/node.yaml:9:14: unknown node type 'm6i.gigantic'"
run "$TRADEOFF" --pricing "$tmp/broken.yaml" check "$tmp/mobile.yaml"
expect_status 1
expect_err "cannot check the workload: the price list did not load: $tmp/broken.yaml:$pos:"

finish
