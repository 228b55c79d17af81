#!/bin/sh
# The command line itself: help, version, usage errors (exit 2).
. "$TESTS_SRCDIR/cli/lib.sh"

run "$TRADEOFF" --help
expect_status 0
expect_out "Usage: tradeoff"
expect_out "tradeoff eval --answers FILE"
expect_out "tradeoff export NAME[@LABEL] [--format markdown|adr|yaml]"
expect_out "tradeoff milestone NAME LABEL"
expect_out "tradeoff diff A B [--format text|yaml|markdown]"
expect_out "tradeoff recheck FILE... [--format text|yaml]"
expect_out "3 recheck: a recorded decision no longer holds."
expect_out "Exit status: 0 success, 1 failure"
expect_empty_err

run "$TRADEOFF" eval --help
expect_status 0
expect_out "Usage: tradeoff"

run "$TRADEOFF" --version
expect_status 0
[ "$(head -n 1 "$tmp/out")" = "tradeoff $(sed -n 's/^AC_INIT(\[tradeoff\], \[\(.*\)\]).*/\1/p' "$TESTS_SRCDIR/../configure.ac")" ] ||
    fail "--version first line: $(head -n 1 "$tmp/out")"
expect_out "Copyright (C)"

run "$TRADEOFF" --frobnicate
expect_status 2
expect_err "tradeoff: unknown or ambiguous option '--frobnicate'"
expect_err "Try 'tradeoff --help'"

run "$TRADEOFF" -x
expect_status 2
expect_err "unknown option '-x'"

run "$TRADEOFF" frobnicate
expect_status 2
expect_err "tradeoff: unknown command 'frobnicate'"

run "$TRADEOFF" eval
expect_status 2
expect_err "eval needs --answers FILE"

run "$TRADEOFF" eval --answers
expect_status 2
expect_err "option '--answers' needs an argument"

run "$TRADEOFF" eval -a
expect_status 2
expect_err "option '-a' needs an argument"

run "$TRADEOFF" eval --answers=
expect_status 2
expect_err "option '--answers' needs a non-empty argument"

run "$TRADEOFF" eval -a x.yaml -a y.yaml
expect_status 2
expect_err "option '--answers' given twice"

run "$TRADEOFF" eval -a x.yaml --format pdf
expect_status 2
expect_err "unknown format 'pdf' (expected yaml, markdown or text)"

run "$TRADEOFF" check --answers x.yaml
expect_status 2
expect_err "option '--answers' does not apply to check"

run "$TRADEOFF" eval -a x.yaml extra
expect_status 2
expect_err "too many arguments for eval (unexpected 'extra')"

# A very long argument is an error like any other, not a crash.
long=$(head -c 5000 /dev/zero | tr '\0' 'x')
run "$TRADEOFF" "$long"
expect_status 2
expect_err "unknown command"

finish
