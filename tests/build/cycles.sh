#!/bin/sh
# No two translation units depend on each other, directly or around a
# loop: for the objects of tui/ and of core/, a use (nm's U) of a symbol
# that another object defines is an edge, and the graph must have no
# cycle.  Needs nm (binutils); skipped without it.
. "$TESTS_SRCDIR/cli/lib.sh"

command -v nm >/dev/null 2>&1 || { echo "nm is not installed: skipped"; exit 77; }
cd "$TESTS_BUILDDIR/.." || exit 99

# "object symbol" lines for definitions and for uses.
defs=$tmp/defs uses=$tmp/uses edges=$tmp/edges
: >"$defs"; : >"$uses"
for o in tui/tradeoff-*.o core/libcore_a-*.o; do
	[ -f "$o" ] || continue
	case $o in *data_builtin*) continue ;; esac
	n=$(echo "$o" | sed 's/tradeoff-//; s/libcore_a-//; s/\.o$//')
	nm -g --defined-only "$o" | awk -v n="$n" 'NF == 3 { print $3, n }' \
	    >>"$defs"
	nm -g --undefined-only "$o" | awk -v n="$n" '{ print $NF, n }' \
	    >>"$uses"
done
checks=$((checks + 1))
[ -s "$defs" ] || fail "no objects found under $(pwd)"
# Edge "user definer" for each use of a symbol another object defines.
sort -k1,1 "$defs" >"$defs.s"; sort -k1,1 "$uses" >"$uses.s"
join "$uses.s" "$defs.s" | awk '$2 != $3 { print $2, $3 }' | sort -u \
    >"$edges"
# A cycle shows as a pair of units that reach each other.
awk '
{ to[$1] = to[$1] " " $2; node[$1]; node[$2] }
function reach(a, b,    seen, stack, n, x, i, k, m, parts) {
	n = 0; stack[++n] = a; delete seen
	while (n > 0) {
		x = stack[n--]
		m = split(to[x], parts, " ")
		for (i = 1; i <= m; i++) {
			k = parts[i]
			if (k == b) return 1
			if (!(k in seen)) { seen[k]; stack[++n] = k }
		}
	}
	return 0
}
END {
	for (a in node) for (b in node)
		if (a < b && reach(a, b) && reach(b, a))
			print a " <-> " b
}' "$edges" | sort >"$tmp/cycles"
checks=$((checks + 1))
if [ -s "$tmp/cycles" ]; then
	cat "$tmp/cycles" >&2
	fail "translation units depend on each other (above)"
fi
finish
