// fuzz_check: invariant checks for the libFuzzer targets (tests/fuzz/run.sh). A failed check
// prints what was violated and aborts, which libFuzzer reports as a crash and saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                                  \
    do {                                                                                        \
        if (!(cond)) {                                                                          \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s (%s)\n", __FILE__, __LINE__,   \
                         what, #cond);                                                          \
            std::abort();                                                                       \
        }                                                                                       \
    } while (0)
