// generate: deterministic synthetic organisation (include/iadesk/generate.hpp).
#include "iadesk/generate.hpp"

#include "iadesk/cases.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/stats.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace iadesk;

namespace {

std::string problems_text(const std::vector<DatasetProblem>& ps) {
    std::string s;
    for (size_t i = 0; i < ps.size() && i < 10; ++i) s += ps[i].pointer + ": " + ps[i].message_en + "\n";
    return s;
}

// The options for `employees` people from `seed`, everything else as default (today included).
GenerateOptions options(int employees, uint64_t seed) {
    GenerateOptions opt;
    opt.employees = employees;
    opt.seed = seed;
    return opt;
}

} // namespace

TEST_CASE("generate: the result passes validate_dataset and survives save/load") {
    for (uint64_t seed : {1ull, 7ull, 12345ull}) {
        for (int n : {0, 1, 12, 300, 2000}) {
            CAPTURE(seed);
            CAPTURE(n);
            Dataset ds = generate_dataset(options(n, seed));
            CHECK(ds.employees.size() == static_cast<size_t>(n));
            auto problems = validate_dataset(ds);
            INFO(problems_text(problems));
            CHECK(problems.empty());
            DatasetLoad r = load_dataset(save_dataset(ds));
            INFO(problems_text(r.problems));
            CHECK(r.ok());
        }
    }
}

TEST_CASE("generate: deterministic for the same options, different for another seed") {
    GenerateOptions opt = options(500, 7);
    std::string a = save_dataset(generate_dataset(opt));
    std::string b = save_dataset(generate_dataset(opt));
    CHECK(a == b);
    opt.seed = 8;
    CHECK(save_dataset(generate_dataset(opt)) != a);
    opt.seed = 7;
    opt.today = Date::from_ymd(2025, 6, 1);
    CHECK(save_dataset(generate_dataset(opt)) != a);
}

TEST_CASE("generate: an employee's data does not depend on the number of employees") {
    GenerateOptions small, large;
    small.employees = 50;
    large.employees = 400;
    Dataset s = generate_dataset(small), l = generate_dataset(large);
    for (size_t i = 0; i < s.employees.size(); ++i) {
        CHECK(s.employees[i].id == l.employees[i].id);
        CHECK(s.employees[i].name == l.employees[i].name);
        CHECK(s.employees[i].employment.front().from == l.employees[i].employment.front().from);
    }
}

TEST_CASE("generate: sick leave over the last year lies in 4-8 %, egenmeldt a small part") {
    for (uint64_t seed : {1ull, 2ull, 7ull}) {
        for (int n : {300, 3000}) {
            CAPTURE(seed);
            CAPTURE(n);
            const GenerateOptions opt = options(n, seed);
            Dataset ds = generate_dataset(opt);
            StatsResult st = compute_stats(ds, {opt.today - 364, opt.today, false, 5});
            REQUIRE(st.groups.size() == 1);
            REQUIRE(st.groups[0].percent.has_value());
            double pct = *st.groups[0].percent;
            CHECK(pct >= 4.0);
            CHECK(pct <= 8.0);
            const DagsverkSums& s = *st.groups[0].sums;
            CHECK(s.tapte_egenmeldt > 0);
            CHECK(s.tapte_egenmeldt < s.tapte_legemeldt);
            MESSAGE("seed " << seed << " n " << n << ": " << pct << " % (egenmeldt "
                            << 100 * s.tapte_egenmeldt / s.mulige << " %)");
        }
    }
}

TEST_CASE("generate: the realistic features are all present") {
    const GenerateOptions opt = options(300, 7);
    Dataset ds = generate_dataset(opt);
    const Date today = opt.today;

    CHECK(is_valid_orgnr(ds.organisation.orgnr));
    CHECK(ds.employees.front().id == "E000001");
    CHECK(ds.employees.back().id == "E000300");
    CHECK(ds.units.size() >= 5);

    std::map<std::string, int> unit_sizes;
    int part_time = 0, changed = 0, ended = 0;
    for (const Employee& e : ds.employees) {
        ++unit_sizes[e.unit];
        if (e.employment.back().percent < 100) ++part_time;
        if (e.employment.size() > 1) ++changed;
        if (e.employment.back().to) ++ended;
    }
    int small_units = 0;
    for (const Unit& u : ds.units) small_units += unit_sizes[u.id] > 0 && unit_sizes[u.id] < 5;
    CHECK(small_units >= 1);
    CHECK(part_time > 30);
    CHECK(changed > 10);
    CHECK(ended > 5);

    int egen = 0, graded = 0, open = 0;
    for (const Absence& a : ds.absences) {
        egen += a.kind == AbsenceKind::egenmelding;
        graded += a.grade < 100;
        open += !a.to;
    }
    CHECK(ds.absences.size() > 300 * 6);
    CHECK(ds.absences.size() < 300 * 14);
    CHECK(egen > static_cast<int>(ds.absences.size()) / 2);
    CHECK(graded > 20);
    CHECK(open >= 2);

    auto cases = build_cases(ds, today);
    int long_cases = 0, open_on_today = 0;
    std::map<std::string, int> cases_last_year;
    for (const SicknessCase& c : cases) {
        long_cases += c.sick_days > 16 * 7;
        open_on_today += c.start <= today && (!c.end || *c.end >= today);
        if (c.start > today - 365) ++cases_last_year[c.employee];
    }
    CHECK(long_cases >= 5);
    CHECK(open_on_today >= 5);
    int recurring = 0; // 6 or more cases in a year (hyppig korttidsfravær)
    for (auto& [id, k] : cases_last_year) recurring += k >= 6;
    CHECK(recurring >= 2);

    int done = 0, exempt = 0;
    for (const MilestoneEvent& ev : ds.milestone_events) {
        if (ev.status == EventStatus::done) ++done;
        if (ev.status == EventStatus::exempt) {
            ++exempt;
            CHECK(ev.note.find("åpenbart unødvendig") != std::string::npos);
        }
        // Every event belongs to a case, is dated within it and not after `today`.
        const SicknessCase* c = case_on(cases, ev.employee, ev.case_start);
        REQUIRE(c != nullptr);
        CHECK(c->start == ev.case_start);
        CHECK(ev.date <= today);
        CHECK((!c->end || ev.date <= *c->end));
    }
    CHECK(done >= 20);
    CHECK(exempt >= 2);
    int open_with_events = 0;
    for (const SicknessCase& c : cases)
        if (case_on(cases, c.employee, today) == &c)
            for (const MilestoneEvent& ev : ds.milestone_events)
                if (ev.employee == c.employee && ev.case_start == c.start) { ++open_with_events; break; }
    CHECK(open_with_events >= 3);
}

// The same options give the same people in every build: tests/e2e/foundation.test.mjs checks that
// the browser's demo (WebAssembly, clang) has these names too. (It once had others: the two name
// picks sat in one expression, whose operands g++ and clang evaluate in opposite orders.)
TEST_CASE("generate: the demo's first employees have the names every build must give them") {
    GenerateOptions g;
    g.employees = 60;
    g.seed = 2026;
    g.today = Date::from_ymd(2026, 11, 24);
    g.units = 5;
    const Dataset d = generate_dataset(g);
    REQUIRE(d.employees.size() >= 4);
    CHECK(d.employees[0].name == "Ingrid Johnsen");
    CHECK(d.employees[1].name == "Martin Johansen");
    CHECK(d.employees[2].name == "Nora Karlsen");
    CHECK(d.employees[3].name == "Ole Olsen");
}
