// Fuzz target: sequences of edits through every command builder, chosen by the input bytes
// (tests/support/command_sequence.hpp). Invariant: every state the document reaches saves and loads
// back equal, no built command is refused by Document::apply, and undoing everything restores the
// first state.
#include "fuzz_check.hpp"

#include "../support/command_sequence.hpp"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    iadesk::testing::Source source(data, size);
    const std::string broken = iadesk::testing::run_command_sequence(source, 200, nullptr, 3);
    if (!broken.empty()) std::fprintf(stderr, "%s\n", broken.c_str());
    FUZZ_CHECK(broken.empty(), "the command-sequence property");
    return 0;
}
