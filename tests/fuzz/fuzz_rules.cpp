// Fuzz target: parse_rule_set (include/iadesk/rules.hpp) on arbitrary bytes.
// Invariants: a rule set or problems, never both and never neither; problem pointers are JSON
// pointers with a message; a parsed set finds each of its milestones by id and is chosen for
// its own first day.
#include "fuzz_check.hpp"

#include "iadesk/rules.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace iadesk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    RuleSetParse r = parse_rule_set(text);
    FUZZ_CHECK(r.rule_set.has_value() != !r.problems.empty(), "a rule set xor problems");
    for (const RuleProblem& p : r.problems) {
        FUZZ_CHECK(p.pointer.empty() || p.pointer[0] == '/', "problem pointer is a JSON pointer");
        FUZZ_CHECK(!p.message.empty(), "problem has a message");
    }
    if (!r.rule_set) return 0;
    const RuleSet& rs = *r.rule_set;
    for (const MilestoneRule& m : rs.milestones) FUZZ_CHECK(rs.find(m.id) != nullptr, "find() finds every milestone");
    FUZZ_CHECK(!rs.valid_to || rs.valid_from <= *rs.valid_to, "valid_from <= valid_to");
    std::vector<RuleSet> sets{rs};
    FUZZ_CHECK(choose_rule_set(sets, rs.valid_from) == &sets[0], "a set is chosen on its own first day");
    FUZZ_CHECK(choose_rule_set(sets, rs.valid_from - 1) == nullptr, "no set before its first day");
    return 0;
}
