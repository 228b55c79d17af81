# mutate.awk - copies of a YAML file, each with one value of the wrong type.
#
#   awk -v dir=DIR -f mutate.awk FILE
#
# For every key of FILE (block keys on their own line and keys inside
# flow mappings such as `{cost: 3}`, and flow mappings that are list
# items), writes DIR/N.yaml: FILE with that one value replaced by a value
# of another type (a scalar or a list by a mapping, a mapping by a list),
# and prints "N LINE KEY" (LINE: where the replaced value starts).  The
# files are the shape tradeoff's data files have: two-space indentation,
# block scalars (`>-`, `|`) and one-line flow collections.

function indent_of(s) {
	match(s, /^ */)
	return RLENGTH
}

function blank_or_comment(s) {
	return s ~ /^ *(#.*)?$/
}

# Write FILE with lines FROM..TO replaced by the single line TEXT.
function emit(from, to, text, line, key,    f, j) {
	n++
	f = dir "/" n ".yaml"
	for (j = 1; j < from; j++)
		print L[j] > f
	print text > f
	for (j = to + 1; j <= nl; j++)
		print L[j] > f
	close(f)
	print n, line, key
}

# The wrong value for VALUE: a mapping for a scalar or a list, a list for
# a mapping.
function wrong(value) {
	return value ~ /^\{/ ? "[wrong, type]" : "{wrong: type}"
}

# Mutate each value inside the flow collections of line I.
function flow_pairs(i,    s, len, p, c, depth, start, key, vstart, vend,
    vdepth, value) {
	s = L[i]
	len = length(s)
	depth = 0
	for (p = 1; p <= len; p++) {
		c = substr(s, p, 1)
		if (c == "\"" || c == "'") {
			# Skip a quoted scalar.
			for (p++; p <= len && substr(s, p, 1) != c; p++)
				;
			continue
		}
		if (c == "{" || c == "[")
			depth++
		else if (c == "}" || c == "]")
			depth--
		if (depth < 1 || (c != "{" && c != ","))
			continue
		# A key right after '{' or ',' inside a flow mapping.
		if (!match(substr(s, p + 1), /^ *[a-z0-9_][a-z0-9_-]*: /))
			continue
		key = substr(s, p + 1, RLENGTH)
		sub(/^ */, "", key)
		sub(/: $/, "", key)
		vstart = p + 1 + RLENGTH
		# The value runs to the ',' or '}' that closes it.
		vdepth = 0
		for (vend = vstart; vend <= len; vend++) {
			c = substr(s, vend, 1)
			if (c == "{" || c == "[")
				vdepth++
			else if ((c == "}" || c == "]") && vdepth == 0)
				break
			else if (c == "}" || c == "]")
				vdepth--
			else if (c == "," && vdepth == 0)
				break
		}
		value = substr(s, vstart, vend - vstart)
		emit(i, i, substr(s, 1, vstart - 1) wrong(value) substr(s, vend),
		    i, key)
	}
}

{ L[++nl] = $0 }

END {
	n = 0
	inblock = -1	# the indentation a block scalar's lines exceed
	for (i = 1; i <= nl; i++) {
		s = L[i]
		if (inblock >= 0) {
			if (blank_or_comment(s) || indent_of(s) > inblock)
				continue
			inblock = -1
		}
		if (blank_or_comment(s))
			continue
		if (s ~ /^ *- \{/) {
			# A flow mapping as a list item.
			ind = indent_of(s)
			emit(i, i, substr(s, 1, ind + 2) "[wrong, type]", i, "-")
			flow_pairs(i)
			continue
		}
		if (!match(s, /^ *(- )?[a-z0-9_][a-z0-9_-]*:( |$)/)) {
			if (s ~ /[{]/)
				flow_pairs(i)
			continue
		}
		plen = RLENGTH
		prefix = substr(s, 1, plen)
		sub(/ $/, "", prefix)
		key = prefix
		sub(/^ *(- )?/, "", key)
		sub(/:$/, "", key)
		keycol = indent_of(s) + (s ~ /^ *- / ? 2 : 0)
		value = substr(s, plen + 1)
		sub(/^ +/, "", value)
		sub(/ +#.*$/, "", value)
		if (value == "" || value ~ /^[>|][-+]?$/) {
			# A block collection or a block scalar: replace the key's
			# line and everything under it.
			for (j = i + 1; j <= nl; j++) {
				t = L[j]
				if (blank_or_comment(t) || indent_of(t) > keycol)
					continue
				if (value == "" && indent_of(t) == keycol &&
				    t ~ /^ *- /)
					continue
				break
			}
			last = j - 1
			while (last > i && blank_or_comment(L[last]))
				last--
			if (value == "") {
				for (k = i + 1; k <= last && blank_or_comment(L[k]); k++)
					;
				# A list follows when its first line is an item.
				if (L[k] ~ /^ *- /)
					w = "{wrong: type}"
				else
					w = "[wrong, type]"
			} else {
				w = "{wrong: type}"
				inblock = keycol
			}
			emit(i, last, prefix " " w, i, key)
			continue
		}
		emit(i, i, prefix " " wrong(value), i, key)
		if (value ~ /^[{[]/)
			flow_pairs(i)
	}
}
