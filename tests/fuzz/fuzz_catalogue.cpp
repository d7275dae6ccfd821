// Fuzz target: the measure catalogue parser (parse_catalogue_file + finish_catalogue, include/
// iadesk/measures.hpp) on arbitrary bytes, read as one more file next to the shipped taxonomy,
// then indexed and searched.
// Invariants: every problem names its file and a JSON pointer (empty or starting with '/') and
// has a message; records end up sorted by id; the index covers every record; searches return
// valid, distinct positions; a verdict agrees with its findings (not_eligible exactly when a
// condition failed, eligible only with nothing left to check); stale amounts are amounts of
// current records.
#include "fuzz_check.hpp"

#include "iadesk/assets.hpp"
#include "iadesk/measures.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

using namespace iadesk::measures;

namespace {

void check_hits(const std::vector<SearchHit>& hits, const MeasureIndex& index) {
    std::set<int> seen;
    for (const SearchHit& h : hits) {
        FUZZ_CHECK(h.measure >= 0 && static_cast<std::size_t>(h.measure) < index.size(), "hit is a catalogue position");
        FUZZ_CHECK(seen.insert(h.measure).second, "no measure is returned twice");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const Catalogue with_taxonomy = [] {
        Catalogue t;
        parse_catalogue_file(iadesk::assets::get("measures/taxonomy.json"), "measures/taxonomy.json", t);
        FUZZ_CHECK(t.problems.empty(), "the shipped taxonomy parses");
        return t;
    }();
    Catalogue c = with_taxonomy;
    parse_catalogue_file(text, "measures/fuzz.json", c);
    finish_catalogue(c);
    for (const CatalogueProblem& p : c.problems) {
        FUZZ_CHECK(!p.file.empty(), "problem names its file");
        FUZZ_CHECK(p.pointer.empty() || p.pointer[0] == '/', "problem pointer is a JSON pointer");
        FUZZ_CHECK(!p.message.empty(), "problem has a message");
    }
    FUZZ_CHECK(std::is_sorted(c.measures.begin(), c.measures.end(),
                              [](const Measure& a, const Measure& b) { return a.id < b.id; }),
               "records sorted by id");
    for (const Measure& m : c.measures) FUZZ_CHECK(!m.id.empty(), "every record has an id");
    if (!c.measures.empty()) {
        FUZZ_CHECK(c.find(c.measures.front().id) != nullptr, "find() finds a record");
        FUZZ_CHECK(c.index_of(c.measures.back().id) >= 0, "index_of() finds a record");
    }
    MeasureIndex index(c);
    FUZZ_CHECK(index.size() == std::min<std::size_t>(c.measures.size(), 0xFFFF), "the index covers every record");
    auto all = index.search("");
    FUZZ_CHECK(all.size() == index.size(), "an empty query without filter lists every record");
    check_hits(all, index);
    if (!c.measures.empty()) {
        const Measure& m = c.measures.front();
        check_hits(index.search(m.name.nb), index);
        for (const std::string& w : m.search_words) check_hits(index.search(w, {}, 3), index);
    }
    const EligibilityContext nothing_known;
    for (const Measure& m : c.measures) {
        const Eligibility e = evaluate(m, nothing_known);
        FUZZ_CHECK((e.verdict == Verdict::not_eligible) == !e.failed.empty(), "not_eligible exactly when a condition failed");
        FUZZ_CHECK(e.verdict != Verdict::eligible || e.to_check.empty(), "eligible only with nothing left to check");
    }
    for (const StaleAmount& s : stale_amounts(c, "2026-12-07")) {
        FUZZ_CHECK(s.measure >= 0 && static_cast<std::size_t>(s.measure) < c.measures.size(), "stale amount of a record");
        const Measure& m = c.measures[static_cast<std::size_t>(s.measure)];
        FUZZ_CHECK(m.current && s.amount >= 0 && static_cast<std::size_t>(s.amount) < m.amounts.size(),
                   "stale amount of a current record");
    }
    return 0;
}
