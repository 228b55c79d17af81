#!/bin/sh
# Many writers and several explorers on one session for a bounded time:
# afterwards every change a writer was told was saved is in the
# database, and every open screen shows what the database holds.
. "$TESTS_SRCDIR/e2e/lib.sh"

run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session ws
expect_status 0

for who in ana ben chloe; do
	join "$who" --session ws --as "$who"
	wait_for "Enter choose"
done

# Six writers vote in turn on every answer of devops; each one's last
# vote is the one that must stay.
writer() {
	i=0
	while [ $i -lt 12 ]; do
		for a in none some strong; do
			"$TRADEOFF" vote ws devops "$a" --as "w$1" >/dev/null ||
			    echo "w$1 $a" >>"$tmp/refused"
		done
		i=$((i + 1))
	done
	echo "w$1 strong" >>"$tmp/wanted"
}
: >"$tmp/refused"
: >"$tmp/wanted"
for n in 1 2 3 4 5 6; do
	writer "$n" &
done
# Meanwhile the explorers change the first answer back and forth.
r=0
while [ $r -lt 15 ]; do
	for who in ana ben chloe; do
		use "$who"
		keys g "$(( (r % 3) + 1 ))"
	done
	r=$((r + 1))
done
wait

checks=$((checks + 1))
[ -s "$tmp/refused" ] && fail "votes refused: $(cat "$tmp/refused")"
run "$TRADEOFF" export ws --format yaml
expect_status 0
cp "$tmp/out" "$tmp/final.yaml"
while read -r who a; do
	checks=$((checks + 1))
	awk -v who="  $who:" -v want="    devops: $a" '
	    $0 == who { in_it = 1; next }
	    in_it && /^  [^ ]/ { in_it = 0 }
	    in_it && $0 == want { found = 1 }
	    END { exit !found }' "$tmp/final.yaml" ||
	    fail "the last vote of $who ($a) is not saved"
done <"$tmp/wanted"

# Every screen ends showing the database's answer.
traffic=$(awk '/^answers:/ { a = 1; next } /^[^ ]/ { a = 0 }
    a && /^  traffic:/ { print $2 }' "$tmp/final.yaml")
case $traffic in
spiky) label=Spiky ;;
steady) label=Steady ;;
mixed) label=Mixed ;;
*) fail "no traffic answer: $traffic" ;;
esac
for who in ana ben chloe; do
	use "$who"
	wait_for "How does traffic arrive? = $label" 15
done
for who in ana ben chloe; do
	use "$who"
	keys q
done
finish
