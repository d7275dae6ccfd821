// Fuzz target: the comparison figures (include/iadesk/benchmarks.hpp) on arbitrary bytes: the
// first byte chooses the JSON parser (even) or the CSV import (odd); the rest is the text.
// Invariants: a table or problems, never both and never neither; every problem has a pointer
// (JSON: "" or "/..."; CSV: "line N...") and messages in both languages; a table's figures are
// 0-100 in quarters 1-4, one per category, code, measure and quarter, and a merge of the table
// into itself changes nothing.
#include "fuzz_check.hpp"

#include "iadesk/benchmarks.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace iadesk;
    if (size == 0) return 0;
    const bool csv = (data[0] & 1) != 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const BenchmarkLoad r = csv ? import_benchmarks_csv(text, "fuzz.csv") : parse_benchmarks(text);
    FUZZ_CHECK(r.table.has_value() != !r.problems.empty(), "a table xor problems");
    for (const DatasetProblem& p : r.problems) {
        if (csv) FUZZ_CHECK(p.pointer.rfind("line ", 0) == 0, "a CSV problem names its line");
        else FUZZ_CHECK(p.pointer.empty() || p.pointer[0] == '/', "a JSON problem has a JSON pointer");
        FUZZ_CHECK(!p.message_nb.empty() && !p.message_en.empty(), "a problem has both messages");
    }
    if (!r.table) return 0;
    const BenchmarkTable& t = *r.table;
    for (std::size_t i = 0; i < t.figures.size(); ++i) {
        const BenchmarkFigure& f = t.figures[i];
        FUZZ_CHECK(f.percent >= 0 && f.percent <= 100, "a percent 0-100");
        FUZZ_CHECK(f.quarter >= 1 && f.quarter <= 4, "a quarter 1-4");
        FUZZ_CHECK(benchmark_code_known(f.category, f.code), "a known code");
        FUZZ_CHECK(find_benchmark(t, f.category, f.code, f.measure, Quarter{f.year, f.quarter}) == &f, "one figure per key");
    }
    FUZZ_CHECK(merge_benchmarks(t, t).figures == t.figures, "merging a table into itself changes nothing");
    return 0;
}
