// for_each_employee_cases (cases.hpp) gives build_cases' cases, one employee at a time.
#include "iadesk/cases.hpp"
#include "iadesk/generate.hpp"

#include <doctest/doctest.h>

using namespace iadesk;

TEST_CASE("cases one employee at a time: the same cases in the same order") {
    GenerateOptions opt;
    opt.employees = 400;
    opt.seed = 11;
    opt.today = Date::from_ymd(2026, 11, 24);
    Dataset ds = generate_dataset(opt);
    ds.absences.push_back({"NOT-IN-LIST", AbsenceKind::sykmelding, Date::from_ymd(2026, 3, 2), std::nullopt, 100});
    const Date today = Date::from_ymd(2026, 11, 24);
    const std::vector<SicknessCase> all = build_cases(ds, today);
    REQUIRE(all.size() > 100);
    std::size_t i = 0, calls = 0;
    bool same = true;
    for_each_employee_cases(ds, today, {}, [&](std::vector<SicknessCase>& cases) {
        ++calls;
        for (const SicknessCase& c : cases) {
            same = same && c.employee == cases.front().employee; // one employee per call
            if (i >= all.size()) { same = false; continue; }
            const SicknessCase& a = all[i++];
            same = same && a.employee == c.employee && a.start == c.start && a.end == c.end &&
                   a.sick_days == c.sick_days && a.agp_end == c.agp_end && a.maksdato == c.maksdato &&
                   a.absences == c.absences && a.pay.nav_days_account == c.pay.nav_days_account &&
                   a.pay.days_left == c.pay.days_left && a.pay.no_sick_pay == c.pay.no_sick_pay &&
                   a.pay.fresh_right_from == c.pay.fresh_right_from && a.pay.birth == c.pay.birth;
        }
    });
    CHECK(same);
    CHECK(i == all.size());
    CHECK(calls > 1);
    CHECK(all.back().employee == "NOT-IN-LIST");
}
