// The first-start demo (issue 7 §8).
#include "iadesk/cases.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/demo.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace iadesk;

TEST_CASE("demo: a valid, clearly marked organisation of about 60 in 5 units with cases in different weeks") {
    const Date today = Date::from_ymd(2026, 11, 24);
    const Dataset d = make_demo_dataset(today);
    CHECK(validate_dataset(d).empty());
    CHECK(d.organisation.name.find("demo") != std::string::npos);
    CHECK(d.employees.size() == 60);
    CHECK(d.units.size() == 5);
    std::set<int> weeks;
    bool graded = false;
    for (const SicknessCase& c : build_cases(d, today)) {
        if (c.start > today || (c.end && *c.end < today)) continue;
        weeks.insert(c.week_on(today));
        graded = graded || grade_on(c, d, today) < 100;
    }
    for (int w : {2, 5, 7, 10, 20, 30}) CHECK(weeks.count(w) == 1);
    CHECK(graded);
    CHECK(d.plans.size() == 1);         // a draft plan for the week-5 case (issue 7 §8)
    CHECK(save_dataset(make_demo_dataset(today)) == save_dataset(d)); // deterministic
}
