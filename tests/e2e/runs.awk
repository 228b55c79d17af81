# runs.awk: tmux capture-pane -e output as runs of text, one a line:
# ROW FG BG ATTRS TEXT (tab-separated); FG and BG as SGR codes ("92",
# "38;5;69", "39" for the terminal's own), ATTRS "b" bold, "r" reverse.
BEGIN { fg = "39"; bg = "49"; bold = 0; rev = 0 }
function sgr(p,    n, a, i) {
	n = split(p, a, ";")
	if (p == "")
		{ n = 1; a[1] = 0 }
	for (i = 1; i <= n; i++) {
		if (a[i] == 0) { fg = "39"; bg = "49"; bold = 0; rev = 0 }
		else if (a[i] == 1) bold = 1
		else if (a[i] == 22) bold = 0
		else if (a[i] == 7) rev = 1
		else if (a[i] == 27) rev = 0
		else if ((a[i] >= 30 && a[i] <= 37) || (a[i] >= 90 && a[i] <= 97) || a[i] == 39) fg = a[i]
		else if ((a[i] >= 40 && a[i] <= 47) || (a[i] >= 100 && a[i] <= 107) || a[i] == 49) bg = a[i]
		else if ((a[i] == 38 || a[i] == 48) && a[i + 1] == 5) {
			if (a[i] == 38) fg = "38;5;" a[i + 2]; else bg = "48;5;" a[i + 2]
			i += 2
		} else if ((a[i] == 38 || a[i] == 48) && a[i + 1] == 2) {
			if (a[i] == 38) fg = "38;2;" a[i + 2] ";" a[i + 3] ";" a[i + 4]
			else bg = "48;2;" a[i + 2] ";" a[i + 3] ";" a[i + 4]
			i += 4
		}
	}
}
function emit(t) {
	if (t != "")
		printf "%d\t%s\t%s\t%s%s\t%s\n", NR, fg, bg, bold ? "b" : "", rev ? "r" : "", t
}
{
	n = split($0, part, "\033\\[")
	emit(part[1])
	for (k = 2; k <= n; k++) {
		m = index(part[k], "m")
		sgr(substr(part[k], 1, m - 1))
		emit(substr(part[k], m + 1))
	}
}
