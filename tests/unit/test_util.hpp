// Helpers shared by the unit tests.
#pragma once

#include "iadesk/commands.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"
#include "iadesk/problems.hpp"
#include "../support/fixtures.hpp"

#include <string>
#include <vector>

// The data as saved, without the change log: undo restores the data exactly, while the log (part
// of the document, model.hpp) keeps the history and so grows with every step, undo included.
inline std::string data_bytes(const iadesk::Dataset& d, int indent = 1) {
    iadesk::Dataset copy = d;
    copy.change_log.clear();
    return iadesk::save_dataset(copy, indent);
}

// A doctest fixture (TEST_CASE_FIXTURE(DocumentOn<sample>, ...)): `doc`, a document opened on the
// dataset `make` builds, and `before`, that data as saved (data_bytes), for checking that undo gives
// back exactly the start.
template <iadesk::Dataset (*make)()>
struct DocumentOn {
    iadesk::Document doc;
    std::string before;
    DocumentOn() {
        doc.reset(make());
        before = data_bytes(doc.data);
    }
    // Applies the command of `r`, which must have been accepted (its problems are printed if not).
    void apply(iadesk::CommandResult r) {
        for (const iadesk::Problem& p : r.problems) MESSAGE(p.field << ": " << p.message_en);
        REQUIRE(r.ok());
        doc.apply(std::move(*r.command));
    }
};

// `text` with its first `from` replaced by `to`, loaded: one mistake in an otherwise valid file.
// The test stops when `from` is not in the text.
inline iadesk::DatasetLoad load_with_replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return iadesk::load_dataset(text);
}

// The problem reported at the JSON pointer `pointer`, or null.
inline const iadesk::DatasetProblem* problem_at(const std::vector<iadesk::DatasetProblem>& problems,
                                                const std::string& pointer) {
    for (const iadesk::DatasetProblem& p : problems)
        if (p.pointer == pointer) return &p;
    return nullptr;
}

// The load reported a problem at `pointer` whose bokmål text contains `words`.
inline void check_reported(const iadesk::DatasetLoad& l, const std::string& pointer, const std::string& words) {
    CAPTURE(pointer);
    const iadesk::DatasetProblem* p = problem_at(l.problems, pointer);
    REQUIRE(p);
    CHECK(p->message_nb.find(words) != std::string::npos);
}

// A problem names `field` and says what is wrong in both languages.
inline bool has_field(const std::vector<iadesk::Problem>& problems, const std::string& field) {
    for (const iadesk::Problem& p : problems)
        if (p.field == field && !p.message_nb.empty() && !p.message_en.empty()) return true;
    return false;
}

using iadesk::testing::read_text;

// d(2026, 3, 2) is 02.03.2026: the short form the command and import tests write their dates in.
constexpr auto d = &iadesk::testing::ymd;
