#!/bin/sh
# The bad-input catalogue: decision models.  Every value of the wrong
# type, unknown references, duplicates, numbers out of range, bad text;
# each refused with the position of the mistake.
. "$TESTS_SRCDIR/badinput/lib.sh"

model=$TRADEOFF_DATADIR/data/model.yaml
d=$tmp/model
mkdir -p "$d/types"

# Every key of the shipped model, its value swapped for one of another
# type: the error is on that line.
awk -v dir="$d/types" -f "$TESTS_SRCDIR/badinput/mutate.awk" "$model" \
    >"$d/types/index"
[ "$(wc -l <"$d/types/index")" -gt 500 ] || fail "too few keys mutated"
while read -r n line key; do
	bad model "$d/types/$n.yaml" "$line"
done <"$d/types/index"

# edit NAME SED-SCRIPT: a copy of the model with one edit (which must
# change something).
edit() {
	sed "$2" "$model" >"$d/$1.yaml"
	cmp -s "$model" "$d/$1.yaml" && fail "$1: the edit changed nothing"
	f=$d/$1.yaml
}

# case NAME SED-SCRIPT TEXT-AT-FAULT MESSAGE: the edited copy fails at
# the first line holding TEXT-AT-FAULT, with MESSAGE.
case_at() {
	edit "$1" "$2"
	bad model "$f" "$(line_of "$3" "$f")" "$4"
}

# ---- unknown references ----
case_at score-option '0,/serverless: {cost: 3, architecture: 1}/s//servrless: {cost: 3, architecture: 1}/' \
    'servrless:' "unknown option 'servrless' in 'scores'"
case_at score-dim '0,/kubernetes: {cost: -2}/s//kubernetes: {costs: -2}/' \
    'costs:' "unknown dimension 'costs' in 'scores'"
case_at block-option 's/^\( *\)serverless: kernel tuning, node/\1lambda: kernel tuning, node/' \
    'lambda:' "unknown option 'lambda' in 'blocks'"
case_at when-question 's/^\(  *\)devops: \[some, strong\]/\1devop: [some, strong]/' \
    'devop:' "unknown question 'devop' in 'when'"
case_at when-answer 's/devops: \[some, strong\]/devops: [some, expert]/' \
    'expert' "unknown answer 'expert' for question 'devops'"
case_at when-self 's/devops: \[some, strong\]/capacity_tuning: [tuned]/' \
    'capacity_tuning: [tuned]' "'when' must name an earlier question, not 'capacity_tuning'"
case_at row-question 's/questions: \[duration, traffic\]/questions: [duration, trafic]/' \
    'trafic' "unknown question 'trafic' in row"
case_at table-dim '0,/dimension: architecture/s//dimension: architecure/' \
    'architecure' "unknown dimension 'architecure' in a table"
case_at cell-option 's/^\( *\)serverless: Ephemeral instances start per request/\1servrless: Ephemeral instances start per request/' \
    'servrless:' "unknown option 'servrless' in 'cells'"
case_at guidance-option '/^guidance:/,${s/^  serverless:/  lambda:/}' \
    '  lambda:' "unknown option 'lambda' in 'guidance'"

# ---- duplicates ----
edit dup-option '0,/- id: kubernetes/s//- id: serverless/'
bad model "$f" "$(grep -n -- '- id: serverless$' "$f" | sed -n '2s/:.*//p')" "duplicate option id 'serverless'"
edit dup-question 's/- id: duration$/- id: traffic/'
bad model "$f" "$(grep -n -- '- id: traffic' "$f" | sed -n '2s/:.*//p')" "duplicate question id 'traffic'"
edit dup-answer '0,/- id: steady$/s//- id: spiky/'
bad model "$f" "$(grep -n -- '- id: spiky' "$f" | sed -n '2s/:.*//p')" "duplicate answer id 'spiky' in question 'traffic'"
# The second '  - id: architecture' is the panel (the first, a dimension).
n=$(grep -n '^  - id: architecture$' "$model" | sed -n '2s/:.*//p')
edit dup-panel "${n}s/architecture/workload/"
bad model "$f" "$n" "duplicate panel id 'workload'"
edit dup-table '0,/dimension: cost$/s//dimension: architecture/'
bad model "$f" "" "dimension 'architecture' already has a table"
case_at dup-key '0,/    title: Serverless/s//    title: Serverless\n    title: Lambda/' \
    'title: Lambda' "duplicate key 'title'"
case_at dup-score '0,/serverless: {cost: 3, architecture: 1}/s//serverless: {cost: 3, cost: 1}/' \
    'cost: 3, cost: 1' "duplicate key 'cost'"

# ---- numbers out of range or not numbers ----
for w in 6 -1 1.5 99999999999999999999 0x4 1e400 .inf .nan '"4"' 4_0 '' '~'; do
	case_at "weight-$w" "0,/weight: 4/s//weight: $w/" "weight: $w" \
	    "dimension weight"
done
for p in 5.5 -6 1e400 .inf -.inf .nan nan 0x3 '"3"' 3e0x; do
	case_at "score-$p" "0,/{cost: 3, architecture: 1}/s//{cost: $p, architecture: 1}/" \
	    "cost: $p, architecture" "a score"
done
# One answer, and six.
edit one-answer '/^          - id: steady$/,/^      - id: duration$/{/^      - id: duration$/!d}'
bad model "$f" "$(line_of '- id: spiky' "$f")" "question 'traffic' must have 2 to 5 answers, not 1"
edit six-answers '0,/^          - id: mixed$/s//          - id: m1\n            label: A\n          - id: m2\n            label: B\n          - id: m3\n            label: C\n          - id: mixed/'
bad model "$f" "" "must have 2 to 5 answers, not 6"
# Nine and six options, and one (a model has 2 to 5).
for k in 9 6 1; do
	opts=
	i=0
	while [ $i -lt $k ]; do opts="$opts  - {id: o$i, title: O$i}\\n"; i=$((i + 1)); done
	edit options-$k "/^options:/,/^dimensions:/{/^options:/!{/^dimensions:/!d}};s/^options:\$/options:\\n$opts/"
	[ $k = 1 ] && n=entry || n=entries
	bad model "$f" "$(line_of '  - {id: o0' "$f"):3" "'options' has $k $n; a model has 2 to 5 options"
done
# An option may not be called 'undecided': reports use the word.
case_at undecided-option 's/^  - id: hybrid$/  - id: undecided/' '- id: undecided' \
    "option id 'undecided' is reserved"
# A cost shape the cost model does not know.
case_at unknown-shape 's/^    cost: cluster$/    cost: nodes/' 'cost: nodes' \
    "unknown cost shape 'nodes' for option 'kubernetes' (expected functions, cluster, split or containers)"

# ---- text ----
long=$(awk 'BEGIN { for (i = 0; i < 1025; i++) printf "x" }')
case_at long-title "0,/title: Serverless\$/s//title: $long/" "title: xxx" "option title is too long (1025 bytes; the limit is 1024)"
case_at control-title '0,/title: Serverless$/s//title: "Server\\e[2Jless"/' 'Server\e' "option title contains control characters"
case_at newline-title '0,/title: Serverless$/s//title: "Server\\nless"/' 'Server\n' "option title contains control characters or line breaks"
case_at bad-id '0,/- id: serverless/s//- id: Serverless/' 'id: Serverless' "option id 'Serverless' is not a valid identifier"
case_at empty-title '0,/title: Serverless$/s//title: ""/' 'title: ""' "option title is empty"
case_at null-title '0,/title: Serverless$/s//title: ~/' 'title: ~' "option title has no value"

# ---- missing keys ----
edit no-panels '/^panels:/,/^tables:/{/^tables:/!d}'
bad model "$f" "$(line_of 'model:' "$f")" "a model file is missing 'panels'"
case_at no-label '/^            label: Spiky$/d' '- id: spiky' "an answer is missing 'label'"

# ---- size: thousands of questions named a million times loads in time
# (the ids are hashed; a linear lookup took over 10 s) ----
awk 'BEGIN {
	print "model: {id: big, version: \"1\", title: Big}"
	print "options: [{id: a, title: A}, {id: b, title: B}]"
	print "dimensions: [{id: d, title: D, weight: 1}]"
	print "panels:\n- id: p\n  title: P\n  questions:"
	for (i = 0; i < 1024; i++)
		printf "  - {id: q%d, prompt: p, help: h, answers: [{id: x, label: x}, {id: y, label: y}]}\n", i
	print "tables:\n- dimension: d\n  title: T\n  rows:"
	refs = "q1023"
	for (i = 1; i < 1000; i++)
		refs = refs ", q1023"
	for (r = 0; r < 250; r++)
		printf "  - {id: r%d, label: l, cells: {a: x, b: y}, questions: [%s]}\n", r, refs
}' >"$d/many-refs.yaml"
# Bounded by CPU time, which a busy machine does not inflate: 5 s
# (loading takes about a tenth of a second; a linear lookup took 10).
cpu_saved=$cpu_limit
cpu_limit=5
good model "$d/many-refs.yaml"
cpu_limit=$cpu_saved
expect_out "1024 questions, 250 table rows"

# ---- one question over the limit is refused with its count ----
awk 'BEGIN {
	print "model: {id: big, version: \"1\", title: Big}"
	print "options: [{id: a, title: A}, {id: b, title: B}]"
	print "dimensions: [{id: d, title: D, weight: 1}]"
	print "panels:\n- id: p\n  title: P\n  questions:"
	for (i = 0; i < 1025; i++)
		printf "  - {id: q%d, prompt: p, help: h, answers: [{id: x, label: x}, {id: y, label: y}]}\n", i
}' >"$d/too-many.yaml"
bad model "$d/too-many.yaml" 5 "the model has 1025 questions; the limit is 1024"

finish_cases
