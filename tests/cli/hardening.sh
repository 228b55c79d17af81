#!/bin/sh
# The binary carries the hardening configure chose (TRADEOFF_HARDENING:
# the flags it found, empty with --disable-hardening).
. "$TESTS_SRCDIR/cli/lib.sh"

if ! command -v readelf >/dev/null 2>&1; then
	echo "readelf is not installed: skipping" >&2
	exit 77
fi
flags=" ${TRADEOFF_HARDENING-} "

# has FLAG: configure chose FLAG.
has() {
	case $flags in *" $1 "*) return 0 ;; esac
	return 1
}

if has -pie; then
	run readelf -h "$TRADEOFF"
	expect_status 0
	expect_out "DYN (Position-Independent Executable"
fi
if has -Wl,-z,relro; then
	run readelf -lW "$TRADEOFF"
	expect_out "GNU_RELRO"
fi
if has -Wl,-z,now; then
	run readelf -dW "$TRADEOFF"
	expect_out "BIND_NOW"
fi
if has -fstack-protector-strong; then
	run readelf -sW --dyn-syms "$TRADEOFF"
	expect_out "__stack_chk_fail"
fi
if has -D_FORTIFY_SOURCE=2; then
	# Checked versions of the copies and formats the program makes.
	run readelf -sW --dyn-syms "$TRADEOFF"
	expect_out "__snprintf_chk"
fi
[ "$checks" -eq 0 ] && echo "built without hardening: nothing to check" >&2
finish
