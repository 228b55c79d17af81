#!/bin/sh
# Options come from the model: a copy of the shipped model with its
# options renamed evaluates under the new ids, and the four-option model
# (data/model-containers.yaml) is checked, evaluated in every format,
# imported and exported, with a cost line for each of its options.
. "$TESTS_SRCDIR/cli/lib.sh"
four=$TRADEOFF_DATADIR/data/model-containers.yaml

# A day when the shipped prices are current (lib.sh unsets it).
TRADEOFF_NOW=1748736000
export TRADEOFF_NOW

check() {
	checks=$((checks + 1))
	eval "$1" || fail "$2"
}

cat >"$tmp/answers.yaml" <<'YAML'
session: four-ways
answers:
  traffic: spiky
  duration: medium
  runtime: custom
  devops: some
workload:
  provider: gcp
  requests_per_month: 3000000
  avg_duration_ms: 120
  memory_mb: 1536
YAML

# --- renamed options: faas, k8s, both ---------------------------------------
# Every mention of an option id in the model (its id, scores, blocks,
# cells, guidance) is a key or an `id:` value; rename them all.
sed -e 's/^\( *\)serverless:/\1faas:/' -e 's/^\( *\)kubernetes:/\1k8s:/' \
    -e 's/^\( *\)hybrid:/\1both:/' -e 's/- id: serverless$/- id: faas/' \
    -e 's/- id: kubernetes$/- id: k8s/' -e 's/- id: hybrid$/- id: both/' \
    "$model" >"$tmp/renamed.yaml"
check "! grep -Eq '^ *(- id: )?(serverless|kubernetes|hybrid)(:|\$)' \
    '$tmp/renamed.yaml'" "the renamed model still has an old option id"
run "$TRADEOFF" --model "$tmp/renamed.yaml" check
expect_status 0
run "$TRADEOFF" --model "$tmp/renamed.yaml" eval --answers \
    "$tmp/answers.yaml" --format yaml
expect_status 0
expect_empty_err
for id in faas k8s both; do
	expect_out "
  $id: {total: "
done
expect_out "
  faas: {monthly: 4.03, compute: 3.63, requests: 0.40, gateway: 0.00}
"
expect_out "
  k8s: {monthly: 170.83, nodes: 2, node_type: e2-standard-2, control_plane: 73.00}
"
expect_out "
  both: {monthly: 170.83, function_share: 30, functions: 0.00, kubernetes: 170.83, nodes: 2}
"
expect_out "break_even_status: crossing"
expect_no_out "serverless"
expect_no_out "hybrid:"
check "[ \"\$(yaml_value recommendation)\" = faas ] ||
    [ \"\$(yaml_value recommendation)\" = k8s ] ||
    [ \"\$(yaml_value recommendation)\" = both ]" \
    "the recommendation is not a renamed id: $(yaml_value recommendation)"

# The same answers under the shipped model give the same figures under
# the old keys (nothing but the ids differs).
run "$TRADEOFF" eval --answers "$tmp/answers.yaml" --format yaml
sed -e 's/serverless/faas/g' -e 's/kubernetes/k8s/g' \
    -e 's/, k8s: \([0-9]\)/, kubernetes: \1/' -e 's/hybrid/both/g' \
    "$tmp/out" >"$tmp/shipped-renamed"
run "$TRADEOFF" --model "$tmp/renamed.yaml" eval --answers \
    "$tmp/answers.yaml" --format yaml
check "cmp -s '$tmp/shipped-renamed' '$tmp/out'" \
    "renaming the options changed more than the ids"

# --- the four-option model ---------------------------------------------------
run "$TRADEOFF" check "$four"
expect_status 0
expect_out "decision model 'serverless-containers-kubernetes' version 1.0: 4 options"
run "$TRADEOFF" --model "$four" check
expect_status 0

run "$TRADEOFF" --model "$four" eval --answers "$tmp/answers.yaml" \
    --format yaml
expect_status 0
expect_empty_err
for id in serverless containers kubernetes hybrid; do
	expect_out "
  $id: {total: "
	expect_out "
  $id: {monthly: "
done
# 0.17 instances of 1 vCPU and 2 GiB on Cloud Run all month: 446,548
# vCPU-s and 893,095 GiB-s, less the free tier: $7.73, plus $0.40.
expect_out "
  containers: {monthly: 8.13, instances: 0.17, vcpu_seconds: 446548, gib_seconds: 893095, requests: 0.40}
"

run "$TRADEOFF" --model "$four" eval --answers "$tmp/answers.yaml"
expect_status 0
for t in 'Serverless  ' 'Serverless containers' 'Kubernetes  ' 'Hybrid  '; do
	check "grep -A5 '^Cost per month' '$tmp/out' | grep -qF -- '  $t'" \
	    "text: no cost line for '$t'"
done
expect_out "0.17 instances: compute \$7.73 (446,548 vCPU-s, 893,095 GiB-s) + requests \$0.40"

run "$TRADEOFF" --model "$four" eval --answers "$tmp/answers.yaml" \
    --format markdown
expect_status 0
expect_out "| Serverless containers (Cloud Run services (request-based billing)) | \$8.13 |"
expect_out "### Serverless containers: Cloud Run services (request-based billing)"
expect_out "| Requests a month | Serverless | Serverless containers | Kubernetes | Hybrid |"
expect_out "|---:|---:|---:|---:|---:|"
expect_out "| Serverless containers | blue, dashed | "
expect_out "#E69F00, #0072B2, #009E73, #CC79A7"
expect_out "| Containers | Cloud Run services (request-based billing) | 2026-11-28 |"
check "[ \"\$(grep -c '^  line \"[^\"]*\" \[' '$tmp/out')\" -eq 4 ]" \
    "markdown: the chart does not have four lines"

# --- a session made with it: import, export in every format -----------------
run "$TRADEOFF" --model "$four" import "$tmp/answers.yaml"
expect_status 0
run "$TRADEOFF" --model "$four" export four-ways --format yaml
expect_status 0
expect_out "session: four-ways"
expect_out "  provider: gcp"
run "$TRADEOFF" --model "$four" export four-ways --format markdown
expect_status 0
expect_empty_err
expect_out "| Serverless containers (Cloud Run services (request-based billing)) | \$8.13 |"
# Its own cells in the comparison tables.
expect_out "Nothing to pack; each instance is billed for its own size"
run "$TRADEOFF" --model "$four" export four-ways --format adr
expect_status 0
expect_empty_err
expect_out "### Serverless containers"
expect_out "Serverless \$4.03, Serverless containers \$8.13, Kubernetes \$170.83, Hybrid \$170.83."
# The workload panel is the model's `context: true` panel.
expect_out "The workload, as the workshop described it:"

finish
