// Fuzz target: the fast JSON reader (src/core/json_fast.hpp) against nlohmann's SAX parser.
// Invariant (the header's contract): whatever the fast reader accepts, nlohmann accepts, with the
// same events in the same order; what it declines costs only time (the loader asks nlohmann).
#include "fuzz_check.hpp"

#include "../unit/json_sax_recorder.hpp"
#include "core/json_fast.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    JsonSaxRecorder fast, slow;
    const bool fast_ok = iadesk::detail_ds::fast_sax_parse(text, fast);
    const bool nlohmann_ok = nlohmann::json::sax_parse(text, &slow);
    if (!fast_ok) return 0;
    FUZZ_CHECK(nlohmann_ok, "nlohmann accepts what the fast reader accepts");
    FUZZ_CHECK(fast.log == slow.log, "the same events as nlohmann's parser");
    return 0;
}
