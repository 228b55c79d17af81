#!/bin/sh
# The explorer shows characters that disguise text as visible escapes
# ("<U+202E>"), as list and the exports do; editing a note keeps them
# as they are.
. "$TESTS_SRCDIR/e2e/lib.sh"

cat >"$tmp/a.yaml" <<'YAML'
answers:
  traffic: spiky
notes:
  traffic: "peak \u202Eevil\u202C x"
YAML
run "$TRADEOFF" import "$tmp/a.yaml" --session demo
expect_status 0
start --session demo
wait_for "answered"
keys Left
wait_for "peak <U+202E>evil<U+202C> x"
# The note opens for editing; Esc keeps it, and it is what it was.
keys n
keys Escape
quit
expect_restored "escapes"
run "$TRADEOFF" export demo --format yaml
expect_out 'traffic: "peak \u202Eevil\u202C x"'

finish
