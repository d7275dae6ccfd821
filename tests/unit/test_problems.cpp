// The one table of problem texts (problems.hpp): every code has one entry in its place, both
// languages name the same placeholders, every placeholder renders, and a missing argument or
// hostile data never breaks a message.
#include "iadesk/problems.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace iadesk;

namespace {

std::set<std::string> placeholders(std::string_view t) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '{') continue;
        const std::size_t j = t.find('}', i);
        if (j == std::string_view::npos) break;
        out.insert(std::string(t.substr(i + 1, j - i - 1)));
        i = j;
    }
    return out;
}

} // namespace

TEST_CASE("problems: one entry per code in the enum's order, with unique ids") {
    const auto table = problem_templates();
    REQUIRE(table.size() == static_cast<std::size_t>(ProblemCode::count_));
    std::set<std::string_view> ids;
    for (std::size_t i = 0; i < table.size(); ++i) {
        CAPTURE(table[i].id);
        CHECK(static_cast<std::size_t>(table[i].code) == i);
        CHECK(ids.insert(table[i].id).second);
        CHECK_FALSE(table[i].nb.empty());
        CHECK_FALSE(table[i].en.empty());
        CHECK(problem_id(table[i].code) == table[i].id);
    }
}

TEST_CASE("problems: bokmål and English name the same placeholders, and each renders") {
    for (const ProblemTemplate& t : problem_templates()) {
        CAPTURE(t.id);
        const auto nb = placeholders(t.nb);
        CHECK(nb == placeholders(t.en));
        // Render with every placeholder given (as text): nothing is left in braces or as "?".
        std::vector<std::string> names(nb.begin(), nb.end());
        std::vector<ProblemArg> args;
        for (const std::string& n : names) args.emplace_back(n.c_str(), "X");
        ProblemText text;
        switch (args.size()) { // initializer_list needs a fixed count
        case 0: text = problem_text(t.code); break;
        case 1: text = problem_text(t.code, {args[0]}); break;
        case 2: text = problem_text(t.code, {args[0], args[1]}); break;
        case 3: text = problem_text(t.code, {args[0], args[1], args[2]}); break;
        default: FAIL("a template with more than three placeholders: extend the test");
        }
        CHECK(text.nb.find('{') == std::string::npos);
        CHECK(text.en.find('{') == std::string::npos);
        CHECK(text.nb.find('?') == std::string::npos);
    }
}

TEST_CASE("problems: arguments are written per language") {
    const ProblemText grade = problem_text(ProblemCode::grade_range, {{"value", 150}});
    CHECK(grade.nb == "Grad må være mellom 20 og 100 (var 150)");
    CHECK(grade.en == "Grade must be between 20 and 100 (was 150)");
    const ProblemText percent = problem_text(ProblemCode::percent_range, {{"value", 37.5 * 4}});
    CHECK(percent.nb == "Stillingsprosenten må være over 0 og høyst 100 (var 150)");
    const ProblemText half = problem_text(ProblemCode::percent_range, {{"value", 100.5}});
    CHECK(half.nb.ends_with("(var 100,5)")); // decimal comma in bokmål
    CHECK(half.en.ends_with("(was 100.5)"));
    const ProblemText dates = problem_text(ProblemCode::end_before_start,
                                           {{"to", Date::from_ymd(2026, 1, 4)}, {"from", Date::from_ymd(2026, 1, 5)}});
    CHECK(dates.nb == "Sluttdato 04.01.2026 er før startdato 05.01.2026");
    CHECK(dates.en == "End date 2026-01-04 is before start date 2026-01-05");
    const ProblemText field = problem_text(ProblemCode::required, {ProblemArg::label("field", "name")});
    CHECK(field.nb == "Navnet må fylles ut");
    CHECK(field.en == "The name must be filled in");
    const ProblemText period =
        problem_text(ProblemCode::absence_overlap, {ProblemArg::period("period", Date::from_ymd(2026, 2, 2), std::nullopt)});
    CHECK(period.nb == "Fraværet overlapper med et annet fravær for samme ansatt (02.02.2026–(åpen))");
    CHECK(period.en == "The absence overlaps another absence of the same employee (2026-02-02 to (open))");
}

TEST_CASE("problems: a missing argument renders as ?, data is cut and cleaned, braces in data stay text") {
    const ProblemText missing = problem_text(ProblemCode::grade_range);
    CHECK(missing.nb == "Grad må være mellom 20 og 100 (var ?)");
    const std::string long_name(500, 'x');
    const ProblemText cut = problem_text(ProblemCode::unknown_unit, {{"id", long_name}});
    CHECK(cut.nb == "Ukjent enhet «" + std::string(40, 'x') + "…» (velg en enhet som finnes)");
    const ProblemText hostile = problem_text(ProblemCode::unknown_unit, {{"id", std::string("{id}\x1b[31m\xff")}});
    CHECK(hostile.nb == "Ukjent enhet «{id}?[31m?» (velg en enhet som finnes)"); // no escape code, no stray byte
    const ProblemText unknown_label = problem_text(ProblemCode::required, {ProblemArg::label("field", "no_such_label")});
    CHECK(unknown_label.nb == "no_such_label må fylles ut");
}
