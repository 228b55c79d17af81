#!/bin/sh
# mermaid-render.sh -- render every ```mermaid block of a Markdown file with
# the real Mermaid library (several versions) in headless Chromium.
#
# Usage: mermaid-render.sh FILE.md OUTDIR
#
# For block n (1-based, in document order) and each version V it writes
#   OUTDIR/<n>.mmd            the extracted diagram source
#   OUTDIR/<n>-<V>.svg        the SVG Mermaid produced (on success; the only
#                             change is "&nbsp;" -> "&#160;" so it is valid XML)
#   OUTDIR/<n>-<V>.err        Mermaid's error text (on failure)
# and prints one line per block per version: "ok" or the error text.
#
# Exit status (automake conventions):
#   0   every block rendered without error in every version
#   1   at least one block failed to parse/render (or the file has none
#       and TRADEOFF_MERMAID_REQUIRE_BLOCKS=1)
#   2   usage error
#   77  SKIP: no Chromium, or a Mermaid bundle is missing
#       (run tests/render/fetch-mermaid.sh)
#   99  harness failure: Chromium crashed or timed out
#
# Environment:
#   TRADEOFF_MERMAID_DIR       bundle cache (default /var/cache/tradeoff-mermaid),
#                              layout DIR/<version>/mermaid.min.js
#   TRADEOFF_MERMAID_VERSIONS  versions to use (default "10.6.1 11.17.2")
#   TRADEOFF_MERMAID_TIMEOUT   wall-clock seconds per Chromium run (default 120)
#   CHROMIUM                   browser binary (default: first of chromium,
#                              chromium-browser, google-chrome-stable,
#                              google-chrome found in PATH)
#
# Only POSIX sh, awk, sed, coreutils (mktemp, base64, timeout) and
# Chromium are used; no npm packages are needed at run time.

set -u

usage() {
	echo "usage: $0 FILE.md OUTDIR" >&2
	exit 2
}

[ $# -eq 2 ] || usage
md=$1
outdir=$2
if [ ! -f "$md" ] || [ ! -r "$md" ]; then
	echo "$0: cannot read $md" >&2
	exit 2
fi

mdir=${TRADEOFF_MERMAID_DIR:-/var/cache/tradeoff-mermaid}
versions=${TRADEOFF_MERMAID_VERSIONS:-10.6.1 11.17.2}
tmo=${TRADEOFF_MERMAID_TIMEOUT:-120}

# ---- prerequisites (missing ones mean SKIP, not FAIL) -------------------
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome-stable google-chrome; do
		if command -v "$b" >/dev/null 2>&1; then
			browser=$(command -v "$b")
			break
		fi
	done
fi
if [ -z "$browser" ] || ! command -v "$browser" >/dev/null 2>&1; then
	echo "SKIP: no Chromium found (apt-get install chromium, or set CHROMIUM)" >&2
	exit 77
fi
for v in $versions; do
	if [ ! -s "$mdir/$v/mermaid.min.js" ]; then
		echo "SKIP: $mdir/$v/mermaid.min.js missing (run tests/render/fetch-mermaid.sh)" >&2
		exit 77
	fi
done
if ! command -v base64 >/dev/null 2>&1; then
	echo "SKIP: base64 (coreutils) not found" >&2
	exit 77
fi
tcmd=
if command -v timeout >/dev/null 2>&1; then
	tcmd="timeout -k 5 $tmo"
fi

# ---- absolute paths, scratch dir ------------------------------------------
mkdir -p "$outdir" || exit 2
outdir=$(cd "$outdir" && pwd) || exit 2
mdabs=$(cd "$(dirname "$md")" && pwd)/$(basename "$md")
case $mdir in /*) ;; *) mdir=$(pwd)/$mdir ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mermaid-render.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- extract ```mermaid / ~~~mermaid fenced blocks (CommonMark rules) -----
# drop results of a previous run (only files this script names)
rm -f "$outdir"/[0-9]*.mmd "$outdir"/[0-9]*-*.svg "$outdir"/[0-9]*-*.err \
	"$outdir/.count" 2>/dev/null
awk -v out="$outdir" '
# (no regex interval expressions: mawk does not support them)
function indent(s,   k) {
	k = 0
	while (substr(s, k + 1, 1) == " ") k++
	return k
}
function fence_of(s) {
	# returns the fence run (``` or ~~~, 3+) at the start of s, or ""
	if (match(s, /^(````*|~~~~*)/) && RLENGTH >= 3) return substr(s, 1, RLENGTH)
	return ""
}
BEGIN { infence = 0; n = 0 }
{
	line = $0
	sub(/\r$/, "", line)
	if (!infence) {
		ind = indent(line)
		if (ind > 3) next
		rest = substr(line, ind + 1)
		f = fence_of(rest)
		if (f == "") next
		info = substr(rest, length(f) + 1)
		if (substr(f, 1, 1) == "`" && index(info, "`")) next
		infence = 1; fch = substr(f, 1, 1); flen = length(f); find = ind
		sub(/^[ \t]+/, "", info)
		split(info, w, /[ \t{]/)
		if (w[1] == "mermaid") {
			n++; file = sprintf("%s/%d.mmd", out, n); capture = 1
			printf "" > file
		} else capture = 0
		next
	}
	# inside a fence: closing fence?
	ind = indent(line)
	rest = substr(line, ind + 1)
	f = fence_of(rest)
	if (f != "" && ind <= 3 && substr(f, 1, 1) == fch && length(f) >= flen &&
	    substr(rest, length(f) + 1) ~ /^[ \t]*$/) {
		if (capture) close(file)
		infence = 0; capture = 0
		next
	}
	if (capture) {
		# strip up to the opening fence indentation
		for (i = 0; i < find && substr(line, 1, 1) == " "; i++)
			line = substr(line, 2)
		print line > file
	}
}
END { if (capture) close(file); print n > (out "/.count") }
' "$mdabs" || exit 99
nblocks=$(cat "$outdir/.count")
rm -f "$outdir/.count"

if [ "$nblocks" -eq 0 ]; then
	echo "$md: no mermaid blocks"
	[ "${TRADEOFF_MERMAID_REQUIRE_BLOCKS:-0}" = 1 ] && exit 1
	exit 0
fi

# ---- build the page: sources go into <textarea> (HTML-escaped) ----------
esc() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' "$1"; }

make_page() { # $1 = page path
	{
		cat <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>mermaid-render</title>
<script src="mermaid.min.js"></script>
</head><body>
EOF
		i=1
		while [ "$i" -le "$nblocks" ]; do
			printf '<textarea id="src-%d">\n' "$i"
			esc "$outdir/$i.mmd"
			printf '</textarea>\n'
			i=$((i + 1))
		done
		cat <<'EOF'
<pre id="out"></pre>
<script>
(function () {
  var out = document.getElementById('out');
  var lines = [''];
  function b64(s) {
    var bytes = new TextEncoder().encode(String(s)), bin = '';
    for (var i = 0; i < bytes.length; i += 0x8000)
      bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  }
  function errText(e) {
    if (e == null) return 'unknown error';
    var m = (e.message !== undefined) ? e.message : String(e);
    if (e.str && String(m).indexOf(e.str) < 0) m += '\n' + e.str;
    return String(m);
  }
  function finish() {
    lines.push('DONE', '');
    out.textContent = lines.join('\n');
  }
  if (typeof mermaid === 'undefined') {
    lines.push('FATAL ' + b64('mermaid.min.js did not load'));
    finish();
    return;
  }
  var base = { startOnLoad: false, logLevel: 5 };
  var n = document.querySelectorAll('textarea[id^="src-"]').length;
  (async function () {
    for (var i = 1; i <= n; i++) {
      var ta = document.getElementById('src-' + i);
      var text = ta.value;
      ta.parentNode.removeChild(ta);
      try {
        mermaid.initialize(base);
        // parse() throws on syntax errors (render() may instead draw the
        // "Syntax error" bomb diagram in some versions/modes).
        var p = await mermaid.parse(text);
        if (p === false) throw new Error('mermaid.parse() returned false');
        var r = await mermaid.render('mmd-' + i, text);
        var svg = (typeof r === 'string') ? r : r.svg;
        if (!svg) throw new Error('mermaid.render() returned no SVG');
        if (/aria-roledescription="error"/.test(svg) ||
            /Syntax error in text/.test(svg))
          throw new Error('Mermaid rendered its error diagram: ' +
            (svg.match(/Syntax error[^<]*/) || ['syntax error'])[0]);
        // render() returns HTML-serialised markup; U+00A0 comes out as
        // "&nbsp;", which is not XML. Make the .svg file well-formed.
        svg = svg.replace(/&nbsp;/g, '&#160;');
        lines.push('R ' + i + ' ok ' + b64(svg));
      } catch (e) {
        lines.push('R ' + i + ' err ' + b64(errText(e)));
      }
      // clean up anything a failed render left behind
      var junk = document.querySelectorAll('[id^="dmmd-"], [id^="mmd-"]');
      for (var j = 0; j < junk.length; j++) junk[j].remove();
    }
    finish();
  })().catch(function (e) {
    lines.push('FATAL ' + b64(errText(e)));
    finish();
  });
})();
</script>
</body></html>
EOF
	} >"$1"
}

# ---- run each version ------------------------------------------------------
status=0
for v in $versions; do
	vd=$tmp/v-$v
	mkdir -p "$vd/profile"
	ln -s "$mdir/$v/mermaid.min.js" "$vd/mermaid.min.js"
	make_page "$vd/page.html"
	# HOME/XDG dirs point into scratch so nothing is written elsewhere and
	# it works with an unwritable or shared $HOME (CI, root).
	HOME=$vd XDG_CONFIG_HOME=$vd XDG_CACHE_HOME=$vd \
	$tcmd "$browser" --headless --no-sandbox --disable-gpu \
		--disable-dev-shm-usage --no-first-run --no-default-browser-check \
		--disable-extensions --disable-background-networking \
		--disable-component-update --disable-sync --mute-audio \
		--disable-crash-reporter --hide-scrollbars \
		--user-data-dir="$vd/profile" \
		--window-size=1280,1024 \
		--virtual-time-budget=60000 \
		--dump-dom "file://$vd/page.html" \
		>"$vd/dom.html" 2>"$vd/chromium.log"
	rc=$?
	if ! grep -q '^DONE$' "$vd/dom.html"; then
		echo "mermaid $v: HARNESS FAILURE (chromium exit $rc$( [ $rc -eq 124 ] && echo ", timed out after ${tmo}s"))" >&2
		grep -v -e dbus -e zygote "$vd/chromium.log" | tail -n 20 >&2
		exit 99
	fi
	if grep -q '^FATAL ' "$vd/dom.html"; then
		msg=$(sed -n 's/^FATAL //p' "$vd/dom.html" | head -n 1 | base64 -d)
		echo "mermaid $v: HARNESS FAILURE: $msg" >&2
		exit 99
	fi
	i=1
	while [ "$i" -le "$nblocks" ]; do
		rec=$(grep "^R $i " "$vd/dom.html" | head -n 1)
		kind=$(printf '%s\n' "$rec" | cut -d ' ' -f 3)
		data=$(printf '%s\n' "$rec" | cut -d ' ' -f 4)
		case $kind in
		ok)
			printf '%s' "$data" | base64 -d >"$outdir/$i-$v.svg"
			echo "block $i mermaid $v: ok"
			;;
		err)
			printf '%s\n' "$(printf '%s' "$data" | base64 -d)" \
				>"$outdir/$i-$v.err"
			echo "block $i mermaid $v: ERROR"
			sed 's/^/    /' "$outdir/$i-$v.err"
			status=1
			;;
		*)
			echo "block $i mermaid $v: ERROR: no result from renderer"
			status=1
			;;
		esac
		i=$((i + 1))
	done
done
exit $status
