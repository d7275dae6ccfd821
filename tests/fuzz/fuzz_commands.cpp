// Fuzz target: sequences of edits through every command builder, chosen by the input bytes
// (tests/support/command_sequence.hpp), on a demo organisation of 3 employees. Invariant: the state a
// sequence ends in saves and loads back equal (the states in between are the end states of the
// input's prefixes, which the fuzzer tries as inputs of their own; the unit test checks every step of
// its sequences), no built command is refused by Document::apply, and undoing everything restores the
// first state.
#include "fuzz_check.hpp"

#include "../support/command_sequence.hpp"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    iadesk::testing::Source source(data, size);
    const std::string broken = iadesk::testing::run_command_sequence(source, 200, nullptr, 3, false);
    if (!broken.empty()) std::fprintf(stderr, "%s\n", broken.c_str());
    FUZZ_CHECK(broken.empty(), "the command-sequence property");
    return 0;
}
