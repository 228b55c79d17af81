#!/bin/sh
# votes.sh - N participants voting on one question at once
# (tests/bench/README.md).
#
#   sh votes.sh TRADEOFF DB SESSION QUESTION N ANSWER...
#
# Starts N `TRADEOFF vote SESSION QUESTION ANSWER --as pI` processes on
# database DB together (voter I gives the ANSWERs in turn), waits for
# all, then reads the votes back (export --format yaml) and prints one
# line:
#
#   votes cast=N saved=S failed=F busy=B ms=MS
#
# saved: the votes the session holds that are the ones cast; failed:
# the processes whose exit status was not 0; busy: those that said the
# database was busy or locked; ms: from the first start to the last
# exit.  The rest of the environment (TRADEOFF_DATADIR, HOME, ...) is the
# caller's; what each process printed is left in DB.votes/.
set -eu

[ $# -ge 6 ] || {
	echo "usage: votes.sh TRADEOFF DB SESSION QUESTION N ANSWER..." >&2
	exit 2
}
tr=$1 db=$2 sess=$3 question=$4 n=$5
shift 5
dir=$db.votes
rm -rf "$dir"
mkdir "$dir"
TRADEOFF_DB=$db
export TRADEOFF_DB

t0=$(date +%s%N)
i=1
while [ "$i" -le "$n" ]; do
	# Voter I's answer: the ANSWERs in turn.
	k=$(((i - 1) % $# + 1)) j=1
	for a in "$@"; do
		if [ "$j" -eq "$k" ]; then
			answer=$a
		fi
		j=$((j + 1))
	done
	(
		if "$tr" vote "$sess" "$question" "$answer" --as "p$i" \
		    >"$dir/out.$i" 2>"$dir/err.$i"; then
			echo 0
		else
			echo $?
		fi >"$dir/rc.$i"
	) &
	echo "p$i $answer" >>"$dir/cast"
	i=$((i + 1))
done
wait
t1=$(date +%s%N)

"$tr" export "$sess" --format yaml >"$dir/export.yaml"
# The votes block: "  pN:" then "    QUESTION: ANSWER".
awk -v q="$question" '
    /^votes:/ { v = 1; next }
    /^[^ ]/ { v = 0 }
    v && /^  [^ ]/ { who = $1; sub(/:$/, "", who) }
    v && $1 == q ":" && /^    [^ ]/ { print who, $2 }' \
    "$dir/export.yaml" | sort >"$dir/saved"
sort "$dir/cast" >"$dir/cast.sorted"
saved=$(comm -12 "$dir/cast.sorted" "$dir/saved" | wc -l)
failed=$(cat "$dir"/rc.* | grep -vc '^0$' || true)
# A process that left no status failed too.
ended=$(find "$dir" -name 'rc.*' | wc -l)
failed=$((failed + n - ended))
busy=$(cat "$dir"/err.* | grep -ci 'busy\|locked' || true)
echo "votes cast=$n saved=$((saved)) failed=$failed busy=$busy" \
    "ms=$(((t1 - t0) / 1000000))"
