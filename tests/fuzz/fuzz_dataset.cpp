// Fuzz target: load_dataset (include/iadesk/dataset.hpp) on arbitrary bytes.
// Invariants (the header's contract):
// - never both a dataset and problems; never neither (a refusal always says why);
// - every problem has a JSON pointer that is empty or starts with '/', and both messages;
// - a dataset that loads passes validate_dataset, saves, reloads, and saves to the same bytes.
#include "fuzz_check.hpp"

#include "iadesk/dataset.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace iadesk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    DatasetLoad r = load_dataset(text);
    FUZZ_CHECK(r.ok() != !r.problems.empty(), "a load either succeeds without problems or fails with at least one");
    for (const DatasetProblem& p : r.problems) {
        FUZZ_CHECK(p.pointer.empty() || p.pointer[0] == '/', "problem pointer is a JSON pointer");
        FUZZ_CHECK(!p.message_nb.empty() && !p.message_en.empty(), "problem has both messages");
    }
    if (!r.ok()) return 0;

    FUZZ_CHECK(validate_dataset(*r.dataset).empty(), "a loaded dataset validates");
    const std::string saved = save_dataset(*r.dataset);
    DatasetLoad again = load_dataset(saved);
    if (!again.ok()) {
        for (const DatasetProblem& p : again.problems)
            std::fprintf(stderr, "reload problem %s: %s\n", p.pointer.c_str(), p.message_en.c_str());
    }
    FUZZ_CHECK(again.ok(), "the saved form of a loaded dataset loads");
    FUZZ_CHECK(save_dataset(*again.dataset) == saved, "save(load(save(d))) == save(d)");
    return 0;
}
