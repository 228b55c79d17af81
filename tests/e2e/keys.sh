#!/bin/sh
# Keys that never lie: Home, End, Insert, Delete, PgUp, PgDn and F1-F12
# as xterm, rxvt, the Linux console, tmux and PuTTY send them, whole and
# split across reads 30-150 ms apart, under several TERMs and in every
# view.  Whatever the terminal description knows, the session must hold
# no answer afterwards that it did not hold before: an escape sequence
# never reaches a view as Esc and digits.
#
# make check runs a seeded sample (TRADEOFF_KEYS_SEED repeats one);
# TRADEOFF_KEYS_FULL=1 (make check-keys) runs the whole matrix.
. "$TESTS_SRCDIR/e2e/lib.sh"

seed=${TRADEOFF_KEYS_SEED:-$(date +%s)}
full=${TRADEOFF_KEYS_FULL:-0}
echo "keys.sh: seed $seed (TRADEOFF_KEYS_SEED=$seed repeats this run)" >&2

# The encodings: a key's bytes after Esc, in hex, per terminal family.
# (F10 is left out: it quits, and ends each run.)
cat >"$tmp/codes" <<'EOF'
xterm Home 5b48
xterm Home 4f48
xterm End 5b46
xterm End 4f46
xterm Insert 5b327e
xterm Delete 5b337e
xterm PgUp 5b357e
xterm PgDn 5b367e
xterm F1 4f50
xterm F2 4f51
xterm F3 4f52
xterm F4 4f53
xterm F5 5b31357e
xterm F6 5b31377e
xterm F7 5b31387e
xterm F8 5b31397e
xterm F9 5b32307e
xterm F11 5b32337e
xterm F12 5b32347e
rxvt Home 5b377e
rxvt End 5b387e
rxvt F1 5b31317e
rxvt F2 5b31327e
rxvt F3 5b31337e
rxvt F4 5b31347e
linux Home 5b317e
linux End 5b347e
linux F1 5b5b41
linux F2 5b5b42
linux F3 5b5b43
linux F4 5b5b44
linux F5 5b5b45
tmux Home 5b317e
tmux End 5b347e
tmux Insert 5b327e
tmux PgUp 5b357e
tmux PgDn 5b367e
putty Home 5b317e
putty End 5b347e
putty F1 5b31317e
putty F4 5b31347e
putty Delete 5b337e
xterm CtrlHome 5b313b3548
xterm ShiftF5 5b31353b327e
EOF

# The views to be in, by the key that opens them ("-": the questions).
views="- ? t r w c s d"

run "$TRADEOFF" import "$TRADEOFF_DATADIR/data/example.yaml" --session keys
expect_status 0

# answers: the session's answers, one "question: answer" a line.
answers() {
	"$TRADEOFF" export keys --format yaml |
	    awk '/^answers:/ { a = 1; next } /^[^ ]/ { a = 0 } a'
}
answers >"$tmp/before"

# send HEX [GAP_MS...]: Esc, then the bytes of HEX; with gaps, split
# after the Esc and again in the middle.  One tmux command list, the
# gaps slept in the server (run-shell waits): no client started between
# the parts, so a busy machine stretches a gap by little, not by the
# start of a process.
send() {
	hex=$1 gap1=${2:-0} gap2=${3:-0}
	if [ "$gap1" -eq 0 ]; then
		# shellcheck disable=SC2046
		tm send-keys -t "$pane" -H 1b $(echo "$hex" | sed 's/../& /g')
		return
	fi
	half=$(( ${#hex} / 4 * 2 ))
	[ "$half" -eq 0 ] && half=${#hex}
	first=$(echo "$hex" | cut -c1-"$half")
	rest=$(echo "$hex" | cut -c$((half + 1))-)
	s1=$(awk -v g="$gap1" 'BEGIN { printf "%.3f", g / 1000 }')
	s2=$(awk -v g="$gap2" 'BEGIN { printf "%.3f", g / 1000 }')
	if [ -n "$rest" ]; then
		# shellcheck disable=SC2046
		tm send-keys -t "$pane" -H 1b \; run-shell "sleep $s1" \; \
		    send-keys -t "$pane" -H $(echo "$first" | sed 's/../& /g') \; \
		    run-shell "sleep $s2" \; \
		    send-keys -t "$pane" -H $(echo "$rest" | sed 's/../& /g')
	else
		# shellcheck disable=SC2046
		tm send-keys -t "$pane" -H 1b \; run-shell "sleep $s1" \; \
		    send-keys -t "$pane" -H $(echo "$first" | sed 's/../& /g')
	fi
}

# The plan: every code in every view for the whole matrix, else a
# seeded sample of 24 per terminal type; each whole or split.
plan() {
	awk -v seed="$1" -v full="$full" -v views="$views" '
	BEGIN { srand(seed); nv = split(views, v, " ") }
	{ code[++n] = $3; name[n] = $1 " " $2 }
	END {
		if (full) {
			for (i = 1; i <= n; i++)
				for (j = 1; j <= nv; j++)
					print v[j], code[i], 0, 0, name[i]
			for (i = 1; i <= n; i++)
				print "-", code[i], 30 + int(rand() * 120),
				    30 + int(rand() * 120), name[i]
			exit
		}
		for (k = 0; k < 24; k++) {
			i = 1 + int(rand() * n)
			j = 1 + int(rand() * nv)
			split_it = rand() < 0.5
			print v[j], code[i], split_it ? 30 + int(rand() * 120) : 0,
			    split_it ? 30 + int(rand() * 120) : 0, name[i]
		}
	}' "$tmp/codes"
}

t=0
for term in xterm-256color screen-256color tmux-256color vt100 linux ansi; do
	t=$((t + 1))
	start -t "$term" --session keys
	wait_for "answered"
	plan $((seed + t)) >"$tmp/plan"
	while read -r view code gap1 gap2 family key; do
		[ "$view" != - ] && keys "$view"
		send "$code" "$gap1" "$gap2"
		# Back to the questions from wherever the key led (b is
		# no key in the questionnaire; Ctrl-U empties a prompt).
		keys C-u Escape b
		printf '%s %s %s %s %s %s\n' "$term" "$view" "$family" "$key" \
		    "$gap1" "$gap2" >>"$tmp/sent"
	done <"$tmp/plan"
	# F10 quits, in this terminal's encoding.
	send 5b32317e
	wait_for "[exit 0]"
	answers >"$tmp/after"
	checks=$((checks + 1))
	if grep -vxF -f "$tmp/before" "$tmp/after" >"$tmp/new"; then
		fail "TERM=$term: answers the keys recorded: $(cat "$tmp/new") (seed $seed; keys sent: $(tr '\n' ';' <"$tmp/sent"))"
	fi
	: >"$tmp/sent"
done
finish
