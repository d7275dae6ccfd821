// Builders and helpers the unit and app tests share, so that each test reads as what it checks.
// Each dataset builder says what it holds; a test that depends on a value states it itself.
#pragma once

#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

namespace iadesk::testing {

inline Date ymd(int year, int month, int day) { return Date::from_ymd(year, month, day); }

// The smallest dataset that validates: an organisation called `name` with a valid organisation
// number (974760673) and one unit, U1 "Drift"; nobody employed. Saves are told apart by the name.
inline Dataset one_unit_organisation(const std::string& name) {
    Dataset d;
    d.organisation.name = name;
    d.organisation.orgnr = "974760673";
    d.units.push_back({"U1", "Drift"});
    return d;
}

// one_unit_organisation(name) with `count` people in U1, "A0" "Ansatt 0" .. , each full-time
// since 01.01.2020 and never absent: a document as large as a test needs.
inline Dataset one_unit_organisation_with_staff(const std::string& name, std::size_t count) {
    Dataset d = one_unit_organisation(name);
    for (std::size_t i = 0; i < count; ++i) {
        Employee e;
        e.id = "A" + std::to_string(i);
        e.name = "Ansatt " + std::to_string(i);
        e.unit = "U1";
        e.employment.push_back({Date::from_ymd(2020, 1, 1), std::nullopt, 100});
        d.employees.push_back(std::move(e));
    }
    return d;
}

// Fjordvik kommune: organisation number 974760673 (valid mod 11), IA agreement, no own occupational
// health service; no units, nobody employed.
inline Organisation fjordvik_kommune() { return {"Fjordvik kommune", "974760673", true, false}; }

// Fjordvik kommune with two units, U1 "Barnehage Solsikken" and U2 "Teknisk drift"; nobody employed.
inline Dataset fjordvik_two_units() {
    Dataset ds;
    ds.organisation = fjordvik_kommune();
    ds.units = {{"U1", "Barnehage Solsikken"}, {"U2", "Teknisk drift"}};
    return ds;
}

// An employee with one open-ended position at `percent` from `from`.
inline Employee employed_since(std::string id, std::string name, std::string unit, Date from, double percent = 100,
                               std::optional<int> birth_year = std::nullopt) {
    return {std::move(id), std::move(name), std::move(unit), {{from, std::nullopt, percent}}, birth_year};
}

// A sick leave (sykmelding) at `grade` percent; `to` empty = still open.
inline Absence sykmelding(std::string employee, Date from, std::optional<Date> to, int grade = 100) {
    return {std::move(employee), AbsenceKind::sykmelding, from, to, grade};
}

// A self-certified absence (egenmelding); always graded 100.
inline Absence egenmelding(std::string employee, Date from, Date to) {
    return {std::move(employee), AbsenceKind::egenmelding, from, to, 100};
}

// The follow-up plan (oppfolgingsplan) of the case that began `case_start`, marked done `done_on`.
inline MilestoneEvent follow_up_plan_done(std::string employee, Date case_start, Date done_on) {
    return {std::move(employee), case_start, "oppfolgingsplan", EventStatus::done, done_on, ""};
}

// Deterministic pseudo-random numbers for the property tests (splitmix64): the same sequence on
// every platform and compiler, so a failing seed fails everywhere.
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

// The element of `items` for which `key(element) == wanted`; fails the test (naming `what` and
// `wanted`) when there is none.
template <class Items, class Key>
const auto& element_with(const Items& items, const std::string& wanted, Key key, const char* what) {
    for (const auto& item : items)
        if (key(item) == wanted) return item;
    FAIL("no " << what << " " << wanted);
    return items.front();
}

// A file's bytes; empty when it cannot be read (a missing golden file then fails its comparison).
inline std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// A dataset file read and loaded; its problems are printed, and the test stops when it does not load.
inline Dataset load_dataset_file(const std::string& path) {
    DatasetLoad l = load_dataset(read_text(path));
    for (const DatasetProblem& p : l.problems) MESSAGE(p.pointer << ": " << p.message_en);
    REQUIRE(l.dataset.has_value());
    return std::move(*l.dataset);
}

} // namespace iadesk::testing
