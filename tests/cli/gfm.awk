# gfm.awk - flatten cmark-gfm's XML (-t xml) into one line per block,
# so the shell tests can assert on a document's structure with grep.
#
#   h1<TAB>text             a heading and its text
#   p<TAB>text              a paragraph (inline markup reduced to text)
#   list<TAB>bullet|ordered a list; item: one of its items
#   table                   a table; then one line per row:
#   row<TAB>cell<TAB>cell   the header row first, cells' text
#   code<TAB>info           a fenced code block and its info string
#   quote, hr               a block quote, a thematic break
#   HTML<TAB>raw            raw HTML, block or inline: what must never be
#   link<TAB>destination    a link (autolinks included)
#   strong, emph, strike, code_span: inline markup seen (with its text)
#
# Text is decoded (&lt; &gt; &amp; &quot;); soft and hard line breaks
# read as one space.

function decode(s) {
	gsub(/&lt;/, "<", s)
	gsub(/&gt;/, ">", s)
	gsub(/&quot;/, "\"", s)
	gsub(/&#39;/, "'", s)
	gsub(/&amp;/, "\\&", s)
	return s
}

# The content of a one-line element: <tag attrs>content</tag>.
function inner(line) {
	sub(/^[ \t]*<[^>]*>/, "", line)
	sub(/<\/[a-z_]+>[ \t]*$/, "", line)
	return decode(line)
}

function add(s) {
	if (incell)
		cell = cell s
	else
		buf = buf s
}

BEGIN { incode = 0; incell = 0; buf = ""; row = "" }


incode {
	if ($0 ~ /<\/code_block>[ \t]*$/)
		incode = 0
	next
}

/<heading level="[0-9]">/ {
	match($0, /level="[0-9]"/)
	level = substr($0, RSTART + 7, 1)
	buf = ""
	next
}
/<\/heading>/ { print "h" level "\t" buf; buf = ""; next }
/<paragraph>/ { buf = ""; next }
/<\/paragraph>/ { print "p\t" buf; buf = ""; next }
/<list type="/ {
	match($0, /type="[a-z]+"/)
	print "list\t" substr($0, RSTART + 6, RLENGTH - 7)
	next
}
/<item>/ { print "item"; next }
/<block_quote>/ { print "quote"; next }
/<thematic_break/ { print "hr"; next }
/<table>/ { print "table"; next }
/<table_header>|<table_row>/ { row = ""; ncells = 0; next }
/<\/table_header>|<\/table_row>/ { print "row" row; next }
/<table_cell *\/>/ { row = row "\t"; next }
/<table_cell/ { incell = 1; cell = ""; next }
/<\/table_cell>/ { row = row "\t" cell; incell = 0; next }
/<code_block/ {
	info = ""
	if (match($0, /info="[^"]*"/))
		info = decode(substr($0, RSTART + 6, RLENGTH - 7))
	print "code\t" info
	if ($0 !~ /<\/code_block>[ \t]*$/)
		incode = 1
	next
}
/<html_block|<html_inline/ {
	print "HTML\t" inner($0)
	if ($0 ~ /<html_block/ && $0 !~ /<\/html_block>/) {
		# A multi-line raw block: skip to its end.
		while ((getline line) > 0 && line !~ /<\/html_block>/)
			;
	}
	next
}
/<link / {
	match($0, /destination="[^"]*"/)
	print "link\t" decode(substr($0, RSTART + 13, RLENGTH - 14))
	next
}
/<strong>/ { print "strong"; next }
/<emph>/ { print "emph"; next }
/<strikethrough>/ { print "strike"; next }
/<text[ >]/ { add(inner($0)); next }
/<code[ >]/ { s = inner($0); print "code_span\t" s; add(s); next }
/<softbreak|<linebreak/ { add(" "); next }
