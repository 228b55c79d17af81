/* fuzz.h - what the libFuzzer harnesses share.
 *
 * Each harness feeds the bytes libFuzzer makes to one reader of
 * untrusted text, the way the program does, and abort()s when a
 * property the reader promises does not hold (a crash or a sanitizer
 * report is a finding too).  They are built only with
 * ./configure CC=clang --enable-fuzzing; `make fuzz` runs them. */
#ifndef TRADEOFF_FUZZ_H
#define TRADEOFF_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The directory holding data/ and themes/: $TRADEOFF_DATADIR, else the
 * source tree this was built from. */
static inline const char *
fuzz_datadir(void)
{
	const char *d = getenv("TRADEOFF_DATADIR");

	return d != NULL && d[0] != '\0' ? d : TRADEOFF_SRCDIR;
}

/* Report a broken promise and stop, so libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__, __LINE__, \
		    #cond);						\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/* A loader's error must carry a message, and a position inside the
 * input (or none, for the file as a whole). */
#define FUZZ_CHECK_ERR(e, name) do {					\
	FUZZ_ASSERT((e).msg[0] != '\0', "an error with no message");	\
	FUZZ_ASSERT((e).line >= 0 && (e).col >= 0, "%s", (e).msg);	\
	FUZZ_ASSERT((e).line == 0 || (e).col > 0, "%s", (e).msg);	\
} while (0)

#endif
