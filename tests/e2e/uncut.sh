#!/bin/sh
# Nothing that carries meaning is cut (DESIGN.md section 8), at 80x24,
# 120x40 and 60x20: answers wrap, the context line keeps the answer, a
# wide terminal shows the questionnaire as 80 columns do and every
# dimension's score, a long note and the rationale read whole, the cost
# panel fits the minimum size; a burst of steps to a figure is one undo.
. "$TESTS_SRCDIR/e2e/lib.sh"

# no_line_has A B: no line of the screen holds both A and B.
no_line_has() {
	checks=$((checks + 1))
	if screen | grep -F -- "$1" | grep -qF -- "$2"; then
		fail "a line shows '$1' with '$2'"
		screen | sed 's/^/  | /' >&2
	fi
}

# The duration question: labels and descriptions whole, wrapped.
for size in "80 24" "120 40" "60 20"; do
	set -- $size
	start -x "$1" -y "$2" --session "cut$1"
	wait_for "Recommendation: undecided"
	keys 1 Right 2
	wait_for "2/21 answered"
	# The answer whole in the context line.
	wait_for "= Medium (1 s to 15 min)"
	expect_no_screen "Medium (1 s to 15 m…"
	expect_screen "Short"
	expect_no_screen "contin…"
	expect_no_screen "Request/response work …"
	if [ "$1" -ge 80 ]; then
		# Every answer and its whole description on the screen.
		expect_screen "Long (over"
		expect_screen "continuous)"
		expect_screen "well under a second."
		expect_screen "stream consumers."
		no_line_has "│ 1 ○" "…"
		no_line_has "│ 2 ●" "…"
		no_line_has "│ 3 ○" "…"
	else
		# Too many lines for 60x20: they scroll with the cursor.
		wait_for "answers 1-2 of 3"
		keys Down Down
		wait_for "stream consumers."
		expect_screen "continuous)"
		expect_screen "answers 2-3 of 3"
	fi
	# The last answer keeps its label whole in the context line.
	keys 3
	wait_for "= Long (over 15 min, or continuous)"
	quit
done

# A wide terminal: the side table leaves the questionnaire its 80
# columns; the score strip shows all six dimensions.
for size in "120 40" "160 40"; do
	set -- $size
	start -x "$1" -y "$2" --session "wide$1"
	wait_for "Recommendation: undecided"
	expect_screen "Bursty and unpredictable, with idle periods."
	expect_no_screen "idle p…"
	for dim in Arch Cost Oper Obse Secu Deli; do
		expect_screen "$dim  50"
	done
	quit
done

# A note longer than its lines ends with a mark, and PgDn reads on
# into it after the help.
start --session note
wait_for "Recommendation: undecided"
keys n
wait_for "Note:"
text "Black Friday peaks at forty times the daily average, and the payment provider rate-limits us at twice the normal load, so the queue in front of it must absorb the rest; marketing plans two more campaigns this year, each with a spike of its own, and the finance team wants the bill for each of them apart from the rest of the month, with the cold starts counted; see ticket OPS-1234."
keys Enter
wait_for "Note saved."
wait_for "Note: Black Friday peaks"
expect_screen "… PgDn"
expect_no_screen "OPS-1234"
i=0
while [ $i -lt 20 ]; do
	keys PageDown
	i=$((i + 1))
done
wait_for "OPS-1234"
quit

# The rationale's scroll mark has a line of its own.
start --session why
wait_for "Recommendation: undecided"
keys 1 Right 2 r
wait_for "What would flip it"
wait_for "↓ more"
i=0
while [ $i -lt 40 ]; do
	keys PageDown
	i=$((i + 1))
done
wait_for " end"
expect_screen "more than a flat bill."
quit

# The cost panel at 80x24: the costs in words, whole; the break-even's
# sign is its own; the axis labels apart.
start --session cost80
wait_for "Recommendation: undecided"
keys c
wait_for "Requests a month"
wait_for "compute \$3.33 +"
expect_screen "requests \$1.80"
expect_screen "2 m6i.large"
expect_no_screen "req…"
expect_no_screen "(minimu…"
expect_screen "× Break-even: above 241,755,164"
no_line_has "Break-even" "▲"
expect_screen "┊ now"
no_line_has "└" "▲"
expect_no_screen "1010G"
expect_no_screen "10M10"
# A burst of steps is one change: one undo takes it all back.
keys Down Right Right Right
wait_for "Requests a month  100,000,000"
keys u
wait_for "Requests a month  10,000,000"
wait_for "Undone"
keys u
wait_for "Nothing of yours to undo."
quit

# The cost panel at 60x20: the price date, the break-even whole; the
# cursor stays on a drawn line down to the last figure, and edits it.
start -x 60 -y 20 -e TRADEOFF_NOW=1900000000 --session cost60
wait_for "Recommendation: undecided"
keys c
wait_for "Requests a month"
wait_for "2026-11-28 STALE"
expect_screen "aws us-east-1, prices"
expect_screen "× Break-even: above"
expect_screen "241,755,164"
expect_screen "cluster."
expect_screen "Serverless \$5.13"
expect_screen "Kubernetes \$213.16"
expect_screen "Hybrid     \$213.56"
expect_no_screen "tesFree"
i=0
while [ $i -lt 17 ]; do
	keys Down
	i=$((i + 1))
done
wait_for "▸ Cluster support   standard"
expect_screen "18/18"
keys Right
wait_for "▸ Cluster support   extended"
keys Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
wait_for "▸ Cloud provider"
expect_screen "1/18"
quit
finish
