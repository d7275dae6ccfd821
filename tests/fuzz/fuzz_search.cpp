// Fuzz target: search queries against the shipped measure catalogue (MeasureIndex::search,
// fold, tokenize, edit_distance; include/iadesk/measures.hpp).
// Input: byte 0 picks the filter (phase, validity), byte 1 the limit, the rest is the query.
// Invariants: hits are distinct catalogue positions that pass the filter, at most `limit`, with
// finite non-negative scores in non-increasing order; tokens are non-empty and space-free;
// edit_distance is 0 on equal words, symmetric and never above max_dist + 1.
#include "fuzz_check.hpp"
#include "../support/shipped_measures.hpp"

#include "iadesk/measures.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

using namespace iadesk::measures;

namespace {
const MeasureIndex& index() { return iadesk::testing::shipped_index(); }
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    SearchFilter filter;
    const unsigned f = data[0];
    if (f & 0x08) filter.phase = static_cast<Phase>((f & 0x07) % kPhaseCount);
    filter.validity = static_cast<Validity>((f >> 4) % 3);
    if (f & 0x40) filter.provider = "nav";
    if (f & 0x80) filter.ia_goal = "1";
    const std::size_t limit = data[1] % 8; // 0 = all
    const std::string_view query(reinterpret_cast<const char*>(data + 2), size - 2);

    const MeasureIndex& ix = index();
    const std::vector<SearchHit> hits = ix.search(query, filter, limit);
    FUZZ_CHECK(limit == 0 || hits.size() <= limit, "at most `limit` hits");
    std::set<int> seen;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const SearchHit& h = hits[i];
        FUZZ_CHECK(h.measure >= 0 && static_cast<std::size_t>(h.measure) < ix.size(), "hit is a catalogue position");
        FUZZ_CHECK(seen.insert(h.measure).second, "no measure is returned twice");
        FUZZ_CHECK(ix.passes(h.measure, filter), "every hit passes the filter");
        FUZZ_CHECK(std::isfinite(h.score) && h.score >= 0, "score finite and non-negative");
        if (i > 0) FUZZ_CHECK(hits[i - 1].score >= h.score, "hits ordered by score");
    }

    const std::vector<std::string> tokens = tokenize(query);
    for (const std::string& t : tokens) FUZZ_CHECK(!t.empty() && t.find(' ') == std::string::npos, "tokens are words");
    if (tokens.size() >= 2) {
        const std::string& a = tokens[0];
        const std::string& b = tokens[1];
        const int k = allowed_edits(a.size());
        FUZZ_CHECK(edit_distance(a, a, k) == 0, "edit_distance(a, a) == 0");
        const int ab = edit_distance(a, b, 2), ba = edit_distance(b, a, 2);
        FUZZ_CHECK(ab == ba, "edit_distance is symmetric");
        FUZZ_CHECK(ab >= 0 && ab <= 3, "edit_distance within max_dist + 1");
        // The long-word path (over 48 letters) agrees with the search's own: a common prefix
        // changes nothing.
        const std::string pad(50, 'p');
        FUZZ_CHECK(edit_distance(pad + a, pad + b, 2) == ab, "a common prefix does not change edit_distance");
        FUZZ_CHECK(edit_distance(a + pad, b + pad, 2) == ab, "a common suffix does not change edit_distance");
    }
    return 0;
}
