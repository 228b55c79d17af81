#!/bin/sh
# Colour as a person sees it: tmux keeps each cell's colours
# (capture-pane -e), and runs.awk turns them into runs of text with
# their colours.  Every role is drawn in its theme's colour (the bars,
# the chart's curves, the borders); a light terminal gets the light
# theme, with nothing white or yellow on the terminal's background;
# themes that paint their own background leave no text on the
# terminal's; NO_COLOR's bars are characters, not reverse video; a
# direct-colour terminal gets the palette's RGB.
. "$TESTS_SRCDIR/e2e/lib.sh"

runs() {
	tm capture-pane -e -p -t "$pane" | awk -f "$TESTS_SRCDIR/e2e/runs.awk"
}

# has_run WHAT AWK-CONDITION: some run satisfies the condition ($1 row,
# $2 fg, $3 bg, $4 attributes, $5 text).
has_run() {
	checks=$((checks + 1))
	if ! runs | awk -F '\t' "$2 { found = 1 } END { exit !found }"; then
		fail "$1"
		runs | sed 's/^/  | /' >&2
	fi
}

no_run() {
	checks=$((checks + 1))
	if runs | awk -F '\t' "$2 { found = 1 } END { exit !found }"; then
		fail "$1"
		runs | awk -F '\t' "$2" | sed 's/^/  | /' >&2
	fi
}

# count_glyph GLYPH FG: how many GLYPH characters are drawn in FG.
count_glyph() {
	runs | awk -F '\t' -v g="$1" -v fg="$2" '$2 == fg {
		n += split($5, x, g) - 1 } END { print n + 0 }'
}

# ---- default theme, 256 colours ----
start -t xterm-256color --session colour
wait_for "Recommendation: undecided"
keys 1
wait_for "1/21 answered"
wait_for "recommended"
# The recommended option's bar is bar_best (bright green, bold), the
# others bar (green); the track is grey; borders are 69.
has_run "the recommended bar is not bright green" \
    '$5 ~ /█/ && $2 == "92" && $4 ~ /b/'
has_run "the other bars are not green" '$5 ~ /█/ && $2 == "32"'
has_run "the bar track is not grey 244" '$5 ~ /░/ && $2 == "38;5;244"'
has_run "the border is not colour 69" '$5 ~ /│/ && $2 == "38;5;69"'
# The theme paints its black: no run keeps the terminal's background.
no_run "a run on the terminal's background" '$3 == "49"'
# One cursor: the answer under it; the question list's current item
# only in the current panel's colour.
has_run "no cursor on an answer" '$5 ~ /Spiky|Steady|Mixed/ && $3 == "46"'
has_run "the current question is not marked" \
    '$5 ~ /traffic/ && $2 == "96" && $3 == "40"'
keys c
wait_for "Workload  shaded: default"
# The chart's curves in their roles' colours: far more markers than
# the legend's one each.
n=$(count_glyph ● 93)
[ "$n" -ge 10 ] || fail "the first option's curve: $n yellow markers"
n=$(count_glyph ■ "38;5;39")
[ "$n" -ge 10 ] || fail "the second option's curve: $n blue markers"
n=$(count_glyph ▲ 95)
[ "$n" -ge 2 ] || fail "the third option's curve: $n magenta markers"
checks=$((checks + 3))
# Round costs between the axis's ends.
expect_screen '$10     ┤'
quit

# ---- a light terminal (COLORFGBG says so): the light theme ----
start -t xterm-256color -e "COLORFGBG='0;15'" --session colour
wait_for "1/21 answered"
has_run "the light theme's text is not black on white" \
    '$2 == "30" && $3 == "107"'
no_run "white or yellow text on the terminal's background" \
    '$3 == "49" && $5 ~ /[^ ]/ && ($2 ~ /^(37|97|33|93)$/ ||
    $2 ~ /^38;5;(7|15|11|3|229|230|231|25[0-5]|22[67])$/)'
no_run "a run on the terminal's background" '$3 == "49"'
keys c
wait_for "Workload  shaded: default"
no_run "white or yellow text on the terminal's background" \
    '$3 == "49" && $5 ~ /[^ ]/ && ($2 ~ /^(37|97|33|93)$/ ||
    $2 ~ /^38;5;(7|15|11|3|229|230|231|25[0-5]|22[67])$/)'
quit

# --theme wins over the terminal.
start -t xterm-256color -e "COLORFGBG='0;15'" --theme default --session colour
wait_for "1/21 answered"
has_run "--theme default is not used" '$2 == "37" && $3 == "40"'
quit

# ---- high-contrast on a light terminal: its own black everywhere ----
start -t xterm-256color -e "COLORFGBG='0;15'" --theme high-contrast \
    --session colour
wait_for "1/21 answered"
no_run "a run on the terminal's background" '$3 == "49"'
# Reverse video is the cursor's alone: keys are not reversed.
no_run "a reversed answer number" '$5 ~ /^[1-9]$/ && $4 ~ /r/'
keys c
wait_for "Workload  shaded: default"
no_run "a run on the terminal's background" '$3 == "49"'
quit

# ---- NO_COLOR: a full bar is full ----
start -t xterm-256color -e NO_COLOR=1 --session colour
wait_for "1/21 answered"
has_run "the bars are not block characters" '$5 ~ /████/ && $4 !~ /r/'
no_run "a bar in reverse video" '$5 ~ /█/ && $4 ~ /r/'
quit

# ---- direct colour: palette colours sent as their RGB ----
if infocmp xterm-direct >/dev/null 2>&1; then
	start -t xterm-direct --session colour
	wait_for "1/21 answered"
	has_run "the border is not RGB 5f87ff" \
	    '$5 ~ /│/ && $2 == "38;2;95;135;255"'
	has_run "dim text is not RGB 808080" '$2 == "38;2;128;128;128"'
	quit
else
	echo "note: no terminfo entry 'xterm-direct': the direct-colour case is skipped" >&2
fi

finish
