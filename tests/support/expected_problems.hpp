// Checking a list of problems against a table of what a test expects, one row a problem, in order:
// the count first (REQUIRE), then each given member of each row (CHECK, with the row's index
// captured). A member a row leaves out is not checked for that problem; every value in a row is the
// test's own expectation, worked out by hand.
#pragma once

#include "iadesk/csv.hpp"
#include "iadesk/problems.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::testing {

// One expected Problem (include/iadesk/problems.hpp): from a command or a form's check.
struct ExpectedProblem {
    std::optional<std::string> field;
    std::optional<std::string> message_nb;
    std::optional<std::string> message_en;
    std::optional<ProblemCode> code;
};

inline void check_problems(const std::vector<Problem>& got, const std::vector<ExpectedProblem>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(i);
        const ExpectedProblem& w = want[i];
        if (w.field) CHECK(got[i].field == *w.field);
        if (w.message_nb) CHECK(got[i].message_nb == *w.message_nb);
        if (w.message_en) CHECK(got[i].message_en == *w.message_en);
        if (w.code) CHECK(got[i].code == *w.code);
    }
}

// One expected CsvRowError (include/iadesk/csv.hpp): a row of an imported file that was refused.
struct ExpectedRowError {
    std::optional<std::size_t> line;
    std::optional<std::string> column;
    std::optional<std::string> message_nb;
    std::optional<ProblemCode> code;
    std::optional<std::string> message_en;
};

inline void check_row_errors(const std::vector<CsvRowError>& got, const std::vector<ExpectedRowError>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(i);
        const ExpectedRowError& w = want[i];
        if (w.line) CHECK(got[i].line == *w.line);
        if (w.column) CHECK(got[i].column == *w.column);
        if (w.message_nb) CHECK(got[i].message_nb == *w.message_nb);
        if (w.code) CHECK(got[i].code == *w.code);
        if (w.message_en) CHECK(got[i].message_en == *w.message_en);
    }
}

} // namespace iadesk::testing
