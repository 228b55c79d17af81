#!/bin/sh
# The bad-input catalogue: answers files, through eval and import.  Every
# value of the wrong type, unknown questions, answers, dimensions and
# figures, duplicates, numbers out of range, bad text.  A refused import
# changes nothing: the database is not even created.
. "$TESTS_SRCDIR/badinput/lib.sh"

d=$tmp/answers
mkdir -p "$d/types"

# bad_answers FILE [LINE[:COL]] [TEXT]: eval and import both refuse FILE
# the same way.
bad_answers() {
	bad answers "$@"
	bad import "$@"
}

awk -v dir="$d/types" -f "$TESTS_SRCDIR/badinput/mutate.awk" "$example" \
    >"$d/types/index"
[ "$(wc -l <"$d/types/index")" -gt 25 ] || fail "too few keys mutated"
while read -r n line key; do
	bad_answers "$d/types/$n.yaml" "$line"
done <"$d/types/index"

# answers NAME TEXT...: an answers file of the lines TEXT.
answers() {
	f=$d/$1.yaml
	shift
	printf '%s\n' "$@" >"$f"
}

# ---- unknown ----
answers q 'answers:' '  trafic: spiky'
bad_answers "$f" 2:3 "unknown question 'trafic' in 'answers'"
answers a 'answers:' '  traffic: sometimes'
bad_answers "$f" 2:12 "unknown answer 'sometimes' for question 'traffic' (expected: spiky, steady, mixed)"
answers n 'notes:' '  trafic: a note'
bad_answers "$f" 2:3 "unknown question 'trafic' in 'notes'"
answers w 'weights:' '  price: 3'
bad_answers "$f" 2:3 "unknown dimension 'price' in 'weights'"
answers wl 'workload:' '  requests: 100'
bad_answers "$f" 2:3 "unknown key 'requests' in 'workload'"
answers top 'answer:' '  traffic: spiky'
bad_answers "$f" 1:1 "unknown key 'answer' in an answers file"
# A node type is checked against the price list by eval (import keeps
# it: the session may be priced with another list later).
answers node 'workload:' '  node_type: m9.gigantic'
bad answers "$f" 2:14 "m9.gigantic"

# ---- duplicates ----
answers dup 'answers:' '  traffic: spiky' '  traffic: steady'
bad_answers "$f" 3:3 "duplicate key 'traffic' (first at 2:3)"
answers dup2 'answers: {}' 'weights: {}' 'answers: {}'
bad_answers "$f" 3:1 "duplicate key 'answers' (first at 1:1)"
# The same key written two ways is the same key.
answers dup3 'answers:' '  traffic: spiky' '  "traffic": steady'
bad_answers "$f" 3:3 "duplicate key 'traffic'"
answers nul 'answers:' '  "traffic\0x": spiky'
bad_answers "$f" 2:3 "a NUL character"
answers nul2 'answers:' '  traffic: "spiky\0x"'
bad_answers "$f" 2:12 "a NUL character"

# ---- numbers ----
for w in 6 -1 2.5 1e1 0x2 99999999999999999999 '"3"'; do
	answers "weight-$w" 'weights:' "  cost: $w"
	bad_answers "$f" 2:9 "a weight must be"
done
n=0
for v in 'memory_mb: 1' 'memory_mb: 1e9' 'requests_per_month: 1e13' \
    'requests_per_month: -5' 'avg_duration_ms: 0' 'avg_duration_ms: .nan' \
    'peak_ratio: 0.5' 'function_share: 101' 'target_utilization: 5' \
    'min_nodes: 1.5' 'arch: sparc' 'provider: ibm' 'gateway: soap' \
    'free_tier: maybe' 'memory_mb: "512"' 'free_tier: "yes"' \
    'vcpu_per_request: 65' 'requests_per_month: 3,000,000'; do
	n=$((n + 1))
	answers "workload-$n" 'workload:' "  $v"
	bad_answers "$f" 2 "${v%%:*}"
done

# ---- text ----
answers ctl 'session: "bad\e[2Jname"' 'answers: {}'
bad_answers "$f" 1:10 "contains control characters"
answers nl 'session: "two\nlines"' 'answers: {}'
bad_answers "$f" 1:10 "control characters or line breaks"
answers spaces 'session: "   "' 'answers: {}'
bad_answers "$f" 1:10 "a session name must not be only spaces"
answers long "session: $(awk 'BEGIN { for (i = 0; i < 201; i++) printf "s" }')" 'answers: {}'
bad_answers "$f" 1:10 "a session name must be at most 200 bytes, not 201"
answers ctx 'context: "a\bb"' 'answers: {}'
bad_answers "$f" 1:10 "'context' contains control characters"
answers note "notes:" "  traffic: $(awk 'BEGIN { for (i = 0; i < 16385; i++) printf "n" }')"
bad_answers "$f" 2:12 "a note is too long (16385 bytes; the limit is 16384)"
answers part 'participants: ["Ana\nBen"]' 'answers: {}'
bad_answers "$f" 1:16 "a participant contains control characters or line breaks"
awk 'BEGIN { printf "participants: ["; for (i = 0; i < 101; i++) printf "%sp%d", i ? ", " : "", i; print "]" }' >"$d/parts.yaml"
bad_answers "$d/parts.yaml" 1:15 "'participants' has 101 entries; the limit is 100"

# ---- the workshop: votes, identities, reveals ----
answers v1 'votes: [ben]'
bad_answers "$f" 1:8 "'votes' must be a mapping, not a list"
answers v2 'votes:' '  ben: strong'
bad_answers "$f" 2:8 "the votes of 'ben' must be a mapping of questions to answers, not a scalar"
answers v3 'votes:' '  ben: {devopz: strong}'
bad_answers "$f" 2:9 "unknown question 'devopz' in 'votes: ben'"
answers v4 'votes:' '  ben: {devops: mighty}'
bad_answers "$f" 2:17 "unknown answer 'mighty' for question 'devops' (expected: none, some, strong)"
answers v5 'votes:' '  "b en": {devops: strong}'
bad_answers "$f" 2:3 "'b en' is not an identity"
answers v6 'votes:' '  "b‮b": {devops: strong}'
bad_answers "$f" 2:3 "is not an identity"
answers v7 'votes:' '  ben: {devops: [strong]}'
bad_answers "$f" 2:17 "the answer to 'devops' must be an answer id, not a list"
answers v8 'identities:' '  ben: "Ben\u202e (SRE)"'
bad_answers "$f" 2:8 "a participant must not contain <U+202E>"
answers v9 'identities:' '  ben: ["Ben"]'
bad_answers "$f" 2:8 "a participant must be text, not a list"
answers v10 'revealed: devops'
bad_answers "$f" 1:11 "'revealed' must be a list, not a scalar"
answers v11 'revealed: [devopz]'
bad_answers "$f" 1:12 "unknown question 'devopz' in 'revealed'"
awk 'BEGIN { print "votes:"; for (i = 0; i < 101; i++) printf "  p%d: {devops: none}\n", i }' >"$d/voters.yaml"
bad_answers "$d/voters.yaml" 102:3 "too many identities (the limit is 100)"

# Nothing was saved by any of the refused imports.
checks=$((checks + 1))
[ -e "$TRADEOFF_DB" ] && fail "a refused import created the database"

# ---- a refused import leaves an existing session as it was ----
run "$TRADEOFF" import "$example"
expect_status 0
run "$TRADEOFF" export checkout-service --format yaml
cp "$tmp/out" "$d/before.yaml"
cp "$TRADEOFF_DB" "$d/before.db"
answers late 'session: checkout-service' 'answers:' '  traffic: steady' \
    '  duration: forever'
bad import "$f" 4:13 "unknown answer 'forever'"
run "$TRADEOFF" export checkout-service --format yaml
checks=$((checks + 1))
cmp -s "$d/before.yaml" "$tmp/out" || fail "a refused import changed the session"

finish_cases
