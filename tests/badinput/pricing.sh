#!/bin/sh
# The bad-input catalogue: price lists.  Every value of the wrong type,
# unknown and missing providers and keys, duplicates, prices, sizes and
# dates out of range; each refused with the position of the mistake.
. "$TESTS_SRCDIR/badinput/lib.sh"

d=$tmp/pricing
mkdir -p "$d/types"

awk -v dir="$d/types" -f "$TESTS_SRCDIR/badinput/mutate.awk" "$pricing" \
    >"$d/types/index"
[ "$(wc -l <"$d/types/index")" -gt 150 ] || fail "too few keys mutated"
while read -r n line key; do
	bad pricing "$d/types/$n.yaml" "$line"
done <"$d/types/index"

edit() {
	sed "$2" "$pricing" >"$d/$1.yaml"
	cmp -s "$pricing" "$d/$1.yaml" && fail "$1: the edit changed nothing"
	f=$d/$1.yaml
}

case_at() {
	edit "$1" "$2"
	bad pricing "$f" "$(line_of "$3" "$f")" "$4"
}

# ---- unknown and missing ----
case_at unknown-provider 's/^  gcp:$/  ibm:/' '  ibm:' "unknown key 'ibm' in 'providers'"
edit missing-provider '/^  azure:$/,$d'
bad pricing "$f" "$(line_of '  aws:' "$f")" "'providers' is missing 'azure'"
case_at unknown-key '0,/      http: 1.00/s//      grpc: 1.00/' 'grpc:' "unknown key 'grpc' in 'aws.gateway'"
case_at unknown-arch '0,/        arm64: 0.0000133334/s//        riscv: 0.0000133334/' 'riscv' "unknown key 'riscv'"
edit missing-x86 '0,/        x86_64: 0.0000166667/s//        arm64: 0.0000166667/'
bad pricing "$f" "$(($(line_of 'arm64: 0.0000166667' "$f") + 1))" "duplicate key 'arm64'"
case_at arch-mismatch '0,/        x86_64: 0.000024/s//        x86_64: 0.000024\n        arm64: 0.000020/' 'arm64: 0.000020' "must price the same architectures"
case_at node-key '0,/per_hour: 0.096, default: true/s//per_hour: 0.096, default: true, spot: 0.03/' 'spot: 0.03' "unknown key 'spot' in a node type"

# ---- duplicates and defaults ----
case_at dup-node '0,/{type: m6i.xlarge,/s//{type: m6i.large,/' '{type: m6i.large, vcpu: 4' "duplicate node type 'm6i.large' for aws (first at"
case_at two-defaults '0,/per_hour: 0.192}/s//per_hour: 0.192, default: true}/' 'per_hour: 0.192, default: true' "a second default node type for aws"
edit no-default '0,/, default: true}/s//}/'
bad pricing "$f" "$(($(line_of '{type: m6i.large' "$f")))" "no default node type for aws"
case_at dup-key '0,/      rest: 3.50/s//      rest: 3.50\n      rest: 4.00/' 'rest: 4.00' "duplicate key 'rest'"

# ---- numbers ----
for v in 1 -0.1 0.02 1e400 .nan '"0.0000166667"' 0x1 abc; do
	case_at "gb-$v" "0,/x86_64: 0.0000166667/s//x86_64: $v/" "x86_64: $v" "'aws.functions.gb_second.x86_64'"
done
case_at per-million '0,/per_million_requests: 0.20/s//per_million_requests: 1001/' 'per_million_requests: 1001' "between 0 and 1000"
case_at free-huge '0,/requests: 1000000$/s//requests: 1e13/' 'requests: 1e13' "between 0 and 1e+12"
case_at control-plane '0,/control_plane_per_hour: 0.10/s//control_plane_per_hour: 101/' 'control_plane_per_hour: 101' "between 0 and 100"
case_at node-vcpu '0,/vcpu: 2, memory_gib: 8, per_hour: 0.096, default: true/s//vcpu: 0.05, memory_gib: 8, per_hour: 0.096, default: true/' 'vcpu: 0.05' "'aws.nodes.types[0].vcpu' must be between 0.1 and 1024"
case_at node-free '0,/per_hour: 0.096, default: true/s//per_hour: 0, default: true/' 'per_hour: 0, default' "must be more than 0"
case_at node-memory '0,/memory_gib: 8, per_hour: 0.096, default: true/s//memory_gib: 70000, per_hour: 0.096, default: true/' 'memory_gib: 70000' "between 0.1 and 65536"
case_at version '0,/  version: 1/s//  version: 2/' 'version: 2' "price list version 2 is not supported"
case_at version-big '0,/  version: 1/s//  version: 99999999999999999999/' 'version: 9999' "'pricing.version' must be a whole number"
case_at currency '0,/currency: USD/s//currency: usd/' 'currency: usd' "three-letter code"
case_at currency-long '0,/currency: USD/s//currency: EURO/' 'currency: EURO' "three-letter code"
case_at node-type '0,/{type: m6i.large,/s//{type: "m6i large",/' 'm6i large' "node type 'm6i large' is not a valid name"
case_at node-type-long "0,/{type: m6i.large,/s//{type: $(awk 'BEGIN { for (i = 0; i < 64; i++) printf "m" }'),/" 'mmmm' "is not a valid name"

# ---- dates and sources ----
for v in 2025-02-30 2025-13-01 1999-12-31 2100-01-01 2025-1-5 20250115 '"yesterday"' 2024-02-29x; do
	case_at "date-$v" "0,/date: 2026-11-28/s//date: $v/" "date: $v" "'aws.functions.date'"
done
edit leap-day '0,/date: 2026-11-28/s//date: 2024-02-29/'
good pricing "$f"
i=0
for v in ftp://example.com https:// 'https://a b' example.com; do
	i=$((i + 1))
	case_at "source-$i" "0,\\|source: https://aws.amazon.com/lambda/pricing/|s||source: $v|" "source: $v" "must be a web address"
done

# ---- containers ----
# A price list without 'containers' blocks (as in 0.1.0) still prices
# the shipped model; a model with a containers option is refused, at
# the first provider without them, by check and by eval.
edit no-containers '/^    containers:$/,/^$/d'
grep -q 'containers:' "$f" && fail "no-containers: a containers block is left"
good pricing "$f"
containers_model=$TRADEOFF_DATADIR/data/model-containers.yaml
timed "$TRADEOFF" --model "$containers_model" check "$f"
expect_status 1
expect_positioned "$f" "$(line_of 'name: Amazon Web Services' "$f"):5" \
    "no 'containers' prices for aws: option 'containers' of model"
timed "$TRADEOFF" --model "$containers_model" --pricing "$f" eval \
    --answers "$example"
expect_status 1
expect_positioned "$f" "$(line_of 'name: Amazon Web Services' "$f"):5" \
    "no 'containers' prices for aws"
# A bad containers figure is positioned like any other.
case_at containers-rate '0,/vcpu_second: 0.0000112444/s//vcpu_second: 2/' \
    'vcpu_second: 2' "'aws.containers.vcpu_second' must be between 0 and 0.01"

# ---- the blocks of 0.2.0 ----
# An older user's copy without them still prices the shipped model; the
# extended-support rate it lacks is asked for at the figure's place.
edit no-new-blocks '/^    legacy_functions:$/,/^      limits: {memory_mb: 1536/d; /^      tiers:$/,/^          - {above: 18750000000/d; /init_billed:/d; /limits:/d; /warm:/d; /extended_support_per_hour:/d'
grep -q 'extended_support\|warm:\|tiers:\|legacy_functions' "$f" &&
    fail "no-new-blocks: a new block is left"
good pricing "$f"
printf 'answers: {traffic: spiky}\nworkload:\n  support: extended\n' \
    >"$d/extended.yaml"
timed "$TRADEOFF" --pricing "$f" eval --answers "$d/extended.yaml"
expect_status 1
expect_positioned "$d/extended.yaml" 3:12 \
    "the price list has no extended-support rate for aws"
# Limits out of range, tiers out of order, a warm block without its rate.
case_at limit-memory '0,/limits: {memory_mb: 10240,/s//limits: {memory_mb: 64,/' \
    'memory_mb: 64' "'aws.functions.limits.memory_mb' must be between 128"
case_at limit-duration 's/duration_ms: 900000}/duration_ms: -1}/' \
    'duration_ms: -1' "'aws.functions.limits.duration_ms' must be between 1"
case_at tier-order 's/above: 15000000000,/above: 1000,/' 'above: 1000,' \
    "the thresholds of tiers must rise"
case_at warm-rate '0,/warm: {gb_second: 0.0000041667,/s//warm: {/' \
    'warm: { execution' "'aws.functions.warm' is missing 'gb_second'"
# A workload beyond the provider's limits, at the figure's place.
printf 'answers: {provider: aws}\nworkload:\n  memory_mb: 16384\n' \
    >"$d/big-memory.yaml"
timed "$TRADEOFF" eval --answers "$d/big-memory.yaml"
expect_status 1
expect_positioned "$d/big-memory.yaml" 3:14 \
    "memory_mb 16,384 is more than AWS Lambda allows (10,240 MB)"
# A model whose provider question offers a provider the price list
# lacks, at the answer's place in the model.
sed 's/^          - id: gcp$/          - id: oracle/' \
    "$TRADEOFF_DATADIR/data/model.yaml" >"$d/oracle-model.yaml"
timed "$TRADEOFF" --model "$d/oracle-model.yaml" eval --answers "$example"
expect_status 1
expect_positioned "$d/oracle-model.yaml" \
    "$(line_of '          - id: oracle' "$d/oracle-model.yaml"):17" \
    "answer 'oracle' of question 'provider' (role: provider) names a provider the price list"

finish_cases
