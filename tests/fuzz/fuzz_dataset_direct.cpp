// Fuzz target: the direct reader of the record arrays (src/core/dataset_direct.cpp) against the
// Loader. Invariant (DirectRecords' contract in dataset_internal.hpp): load_dataset gives exactly
// what the Loader alone gives: the same refusal with the same problems (pointers and both
// messages, in order), or the same dataset (compared by its saved bytes). Seeds: the dataset corpus.
#include "fuzz_check.hpp"

#include "core/dataset_internal.hpp"
#include "iadesk/dataset.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace iadesk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const DatasetLoad with = load_dataset(text);
    const DatasetLoad without = detail_ds::load_dataset_without_direct(text);
    FUZZ_CHECK(with.ok() == without.ok(), "the direct reader loads what the Loader loads");
    FUZZ_CHECK(with.problems.size() == without.problems.size(), "the same number of problems");
    for (std::size_t i = 0; i < with.problems.size() && i < without.problems.size(); ++i) {
        const DatasetProblem &a = with.problems[i], &b = without.problems[i];
        FUZZ_CHECK(a.pointer == b.pointer && a.message_nb == b.message_nb && a.message_en == b.message_en,
                   "the same problems in the same order");
    }
    if (with.ok() && without.ok())
        FUZZ_CHECK(save_dataset(*with.dataset) == save_dataset(*without.dataset), "the same dataset");
    return 0;
}
