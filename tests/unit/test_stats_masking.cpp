// Unit tests of the statistics' masking (stats.hpp contract; docs/domain.md "Sykefraværsstatistikk"):
// NAV's head-count rule over several quarters, secondary suppression, and a property test that
// no withheld group can be recovered by subtraction from any output (statistics, every role's
// view, the CSV export, the IA goals' figures and chart series).
#include "iadesk/access.hpp"
#include "iadesk/csv.hpp"
#include "iadesk/goals.hpp"
#include "iadesk/stats.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <sstream>

using namespace iadesk;

namespace {

using testing::ymd;

Employee emp(const std::string& id, const std::string& unit, Date from, std::optional<Date> to, double percent = 100) {
    return {id, id, unit, {{from, to, percent}}, std::nullopt};
}

Absence sick(const std::string& e, Date from, Date to, int grade = 100, AbsenceKind kind = AbsenceKind::sykmelding) {
    return {e, kind, from, to, grade};
}

// Adds `n` employees of `unit` employed from..to, ids prefix1..prefixn.
void staff(Dataset& ds, const std::string& unit, const std::string& prefix, int n, Date from, std::optional<Date> to,
           int first = 1) {
    for (int i = first; i < first + n; ++i) ds.employees.push_back(emp(prefix + std::to_string(i), unit, from, to));
}

// An organisation whose units have the given sizes, everyone at 100 % since 2020; unit k's first
// employee is sick-listed 100 % for the first k + 1 working weeks of 2026 (so every unit has its
// own figures).
Dataset org_of(const std::vector<int>& sizes) {
    Dataset ds;
    ds.organisation = {"Testkommune", "940123453", true, false};
    for (std::size_t u = 0; u < sizes.size(); ++u) {
        const std::string id = "U" + std::to_string(u + 1);
        ds.units.push_back({id, "Enhet " + std::to_string(u + 1)});
        staff(ds, id, id + "-", sizes[u], ymd(2020, 1, 1), std::nullopt);
        if (sizes[u] > 0) ds.absences.push_back(sick(id + "-1", ymd(2026, 1, 5), ymd(2026, 1, 5) + 7 * static_cast<int>(u + 1) - 3));
    }
    return ds;
}

std::vector<MaskReason> reasons(const StatsResult& r) {
    std::vector<MaskReason> out;
    for (const StatsGroup& g : r.groups) out.push_back(g.reason);
    return out;
}

constexpr MaskReason kShown = MaskReason::none;
constexpr MaskReason kSmall = MaskReason::small_group;
constexpr MaskReason kProtects = MaskReason::protects_small_group;

// --- The recovery check ----------------------------------------------------------------------------
// One total and its parts as an output shows them: `total` the shown sums of the total; each part
// shown (sums) or withheld, with its true (unmasked) sums and quarterly head-counts. What the
// output gives away about the withheld parts is their sum: total minus the shown parts. That
// sum must not be one withheld part's figures (mulige and tapte), nor the figures of a union of
// fewer than 5 people.
struct PartView {
    std::string name;
    std::optional<DagsverkSums> shown;
    DagsverkSums truth;
    std::vector<int> heads;
};

bool same(const DagsverkSums& a, const DagsverkSums& b, double tolerance) {
    return std::fabs(a.mulige - b.mulige) <= tolerance && std::fabs(a.tapte - b.tapte) <= tolerance;
}

void check_not_recoverable(const std::string& what, const DagsverkSums& total, const std::vector<PartView>& parts,
                           double tolerance = 1e-6) {
    DagsverkSums rest = total;
    std::vector<const PartView*> hidden;
    for (const PartView& p : parts) {
        if (p.shown) {
            rest.mulige -= p.shown->mulige;
            rest.tapte -= p.shown->tapte;
        } else if (!p.heads.empty() && *std::max_element(p.heads.begin(), p.heads.end()) > 0) {
            hidden.push_back(&p);
        }
    }
    for (const PartView* h : hidden)
        CHECK_MESSAGE(!(hidden.size() == 1 || same(rest, h->truth, tolerance)),
                      what << ": total minus the shown parts gives the withheld " << h->name);
    if (hidden.size() >= 2) {
        std::vector<int> sum(hidden.front()->heads.size(), 0);
        for (const PartView* h : hidden)
            for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += h->heads[k];
        CHECK_MESSAGE(*std::max_element(sum.begin(), sum.end()) >= 5,
                      what << ": the withheld parts together have fewer than 5 people");
    }
}

// The parts of `shown` (a result's unit groups) against the truth of the period's table.
std::vector<PartView> part_views(const StatsResult& shown, const StatsTable& truth, const Dataset& ds) {
    std::vector<PartView> out;
    for (std::size_t u = 0; u < ds.units.size(); ++u) {
        PartView p;
        p.name = ds.units[u].id;
        p.truth = truth.unit_sums[u];
        p.heads = truth.units[u].quarter_heads;
        for (const StatsGroup& g : shown.groups)
            if (g.unit == ds.units[u].id && g.sums) p.shown = g.sums;
        out.push_back(std::move(p));
    }
    return out;
}

// The CSV export parsed back: per row name the five figures (mulige, tapte, egenmeldt, legemeldt,
// percent), nullopt when "skjermet".
std::map<std::string, std::optional<DagsverkSums>> parse_stats_csv(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::map<std::string, std::optional<DagsverkSums>> rows;
    std::istringstream in(text);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        if (header) { header = false; continue; }
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream ls(line);
        while (std::getline(ls, cell, ';')) cells.push_back(cell);
        REQUIRE(cells.size() >= 9);
        if (cells[4] == "skjermet") {
            rows[cells[0]] = std::nullopt;
            continue;
        }
        auto num = [](std::string s) {
            for (char& c : s)
                if (c == ',') c = '.';
            s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
            return std::stod(s);
        };
        rows[cells[0]] = DagsverkSums{num(cells[4]), num(cells[5]), num(cells[6]), num(cells[7])};
    }
    return rows;
}

using testing::Rng; // splitmix64, the same numbers on every platform

} // namespace

TEST_CASE("stats masking: over a year the largest quarterly head-count decides, not the people seen") {
    // 2025 working days per quarter (Monday-Friday less 1.1, 17.4, 18.4, 21.4, 1.5, 29.5, 9.6,
    // 25.12, 26.12): Q1 63, Q2 59, Q3 66, Q4 64 = 252.
    // Unit A has 4, 6, 3, 4 employees in the four quarters (17 different people over the year);
    // unit B has 4, 4, 3, 4 (15 people); unit C has the same 5 people all year.
    Dataset ds;
    ds.organisation = {"Testkommune", "940123453", true, false};
    ds.units = {{"A", "Enhet A"}, {"B", "Enhet B"}, {"C", "Enhet C"}};
    const Date q1 = ymd(2025, 1, 1), q2 = ymd(2025, 4, 1), q3 = ymd(2025, 7, 1), q4 = ymd(2025, 10, 1);
    staff(ds, "A", "A", 4, q1, ymd(2025, 3, 31), 1);
    staff(ds, "A", "A", 6, q2, ymd(2025, 6, 30), 5);
    staff(ds, "A", "A", 3, q3, ymd(2025, 9, 30), 11);
    staff(ds, "A", "A", 4, q4, ymd(2025, 12, 31), 14);
    staff(ds, "B", "B", 4, q1, ymd(2025, 3, 31), 1);
    staff(ds, "B", "B", 4, q2, ymd(2025, 6, 30), 5);
    staff(ds, "B", "B", 3, q3, ymd(2025, 9, 30), 9);
    staff(ds, "B", "B", 4, q4, ymd(2025, 12, 31), 12);
    staff(ds, "C", "C", 5, ymd(2020, 1, 1), std::nullopt);
    ds.absences.push_back(sick("A5", q2, ymd(2025, 6, 30))); // all of Q2: 59 days legemeldt

    const StatsResult year = compute_stats(ds, {ymd(2025, 1, 1), ymd(2025, 12, 31), true});
    REQUIRE(year.groups.size() == 3);
    const StatsGroup& a = year.groups[0];
    CHECK(a.employees == 17);
    CHECK(a.quarter_heads == std::vector<int>{4, 6, 3, 4});
    CHECK(masking_headcount(a) == 6);
    CHECK_FALSE(a.masked); // largest quarter 6 >= 5
    CHECK(a.reason == kShown);
    // A: mulige 4 x 63 + 6 x 59 + 3 x 66 + 4 x 64 = 252 + 354 + 198 + 256 = 1060; tapte 59
    // legemeldt -> 59 / 1060 = 5,566 % -> 5,6.
    REQUIRE(a.sums);
    CHECK(a.sums->mulige == doctest::Approx(1060));
    CHECK(a.sums->tapte_legemeldt == doctest::Approx(59));
    CHECK(*a.percent == doctest::Approx(5.6));
    CHECK(*a.percent_legemeldt == doctest::Approx(5.6));
    CHECK(*a.percent_egenmeldt == doctest::Approx(0.0));

    const StatsGroup& b = year.groups[1];
    CHECK(b.employees == 15); // 15 people seen over the year do not lift the mask
    CHECK(b.quarter_heads == std::vector<int>{4, 4, 3, 4});
    CHECK(b.masked);
    CHECK(b.reason == kSmall);
    CHECK_FALSE(b.sums);
    CHECK_FALSE(b.percent);
    CHECK_FALSE(b.percent_legemeldt);

    // C (5 all year) is the smallest shown unit: withheld so that organisation - A - C != B.
    CHECK(year.groups[2].reason == kProtects);
    CHECK_FALSE(year.groups[2].sums);

    // The organisation: 13, 15, 11, 13 per quarter; mulige 1060 + 942 (B: 252 + 236 + 198 + 256)
    // + 1260 (C: 5 x 252) = 3262; tapte 59 -> 1,809 % -> 1,8. The organisation-only answer is the
    // same figure, never withheld for the units' sake.
    const StatsResult whole = compute_stats(ds, {ymd(2025, 1, 1), ymd(2025, 12, 31)});
    REQUIRE(whole.groups.size() == 1);
    CHECK(whole.groups[0].employees == 37);
    CHECK(whole.groups[0].quarter_heads == std::vector<int>{13, 15, 11, 13});
    CHECK(whole.groups[0].sums->mulige == doctest::Approx(3262));
    CHECK(*whole.groups[0].percent == doctest::Approx(1.8));

    // A single quarter: its head-count. Q2: A 6 shown, B 4 masked, C 5 protects B.
    const StatsResult q2r = compute_stats(ds, {q2, ymd(2025, 6, 30), true});
    CHECK(reasons(q2r) == std::vector<MaskReason>{kShown, kSmall, kProtects});
    CHECK(q2r.groups[0].quarter_heads == std::vector<int>{6});
    // Q1: A has 4: small, like B; C shown (the withheld A and B hold 8 people together).
    const StatsResult q1r = compute_stats(ds, {q1, ymd(2025, 3, 31), true});
    CHECK(reasons(q1r) == std::vector<MaskReason>{kSmall, kSmall, kShown});

    // A period that is not whole quarters: each quarter's part counts on its own. 15.3-15.4.2025:
    // A has 4 (Q1 part) and 6 (Q2 part) -> 6; B 4 and 4 -> 4.
    const StatsResult cross = compute_stats(ds, {ymd(2025, 3, 15), ymd(2025, 4, 15), true});
    CHECK(cross.groups[0].quarter_heads == std::vector<int>{4, 6});
    CHECK(cross.groups[0].employees == 10);
    CHECK(cross.groups[1].reason == kSmall);
}

TEST_CASE("stats masking: secondary suppression withholds the smallest shown unit, deterministically") {
    const Date from = ymd(2026, 1, 1), to = ymd(2026, 3, 31);
    auto by_unit = [&](const Dataset& ds) { return compute_stats(ds, {from, to, true, 5, true}); };

    // Exactly one small unit: organisation - U1 - U2 would be U3, so U2 (6, the smallest shown)
    // goes too; the organisation stays.
    StatsResult r = by_unit(org_of({10, 6, 3}));
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kShown, kProtects, kSmall});
    CHECK(r.groups[0].percent.has_value());
    // Two small units that hold 4 people together: their sum is a small group too, so U4 (8)
    // goes; U1 stays.
    r = by_unit(org_of({10, 2, 2, 8}));
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kShown, kSmall, kSmall, kProtects});
    // Two small units with 6 together: only their sum can be derived, a group of 6: nothing more.
    r = by_unit(org_of({10, 3, 3}));
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kShown, kSmall, kSmall});
    // A unit with nobody in it has nothing to protect: no second unit is withheld.
    r = by_unit(org_of({10, 6, 0}));
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kShown, kShown, kSmall});
    CHECK(r.groups[3].employees == 0);
    // A tie: the first of the smallest in the units' order (U1 before U2).
    r = by_unit(org_of({5, 5, 2}));
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kProtects, kShown, kSmall});
    // Every unit small, the organisation not: the organisation's figure is a group of 6.
    r = by_unit(org_of({3, 3}));
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kSmall, kSmall});

    // Employees of a unit that is not listed are a part that is never shown (a dataset that
    // validation would refuse must still not leak): with 3 of them and U2 small, the hidden
    // parts hold 7 people and U1 stays; with 2 of them alone, U2 (the smallest shown) goes.
    Dataset odd = org_of({10, 4});
    staff(odd, "X", "X", 3, ymd(2020, 1, 1), std::nullopt);
    CHECK(reasons(by_unit(odd)) == std::vector<MaskReason>{kShown, kShown, kSmall});
    Dataset odd2 = org_of({10, 6});
    staff(odd2, "X", "X", 2, ymd(2020, 1, 1), std::nullopt);
    CHECK(reasons(by_unit(odd2)) == std::vector<MaskReason>{kShown, kShown, kProtects});

    // The threshold 0 gives reference sums: nothing is withheld.
    r = compute_stats(org_of({10, 6, 3}), {from, to, true, 0});
    CHECK(reasons(r) == std::vector<MaskReason>{kShown, kShown, kShown});

    // Protection is idempotent and the same for a result computed with a lower threshold.
    StatsResult low = compute_stats(org_of({10, 6, 3}), {from, to, true, 1, true});
    CHECK(reasons(low) == std::vector<MaskReason>{kShown, kShown, kShown, kShown});
    protect_result(low, 5);
    CHECK(reasons(low) == std::vector<MaskReason>{kShown, kShown, kProtects, kSmall});
    protect_result(low, 5);
    CHECK(reasons(low) == std::vector<MaskReason>{kShown, kShown, kProtects, kSmall});
    CHECK_FALSE(low.groups[2].sums);
}

TEST_CASE("stats masking: no withheld group can be recovered by subtraction from any output") {
    Rng rng{2026};
    const std::vector<int> sizes_pool = {0, 1, 2, 3, 4, 5, 6, 7, 9, 12};
    int withheld_seen = 0, protected_seen = 0;
    for (int round = 0; round < 60; ++round) {
        // Units of mixed sizes, some turnover, absences of both kinds. Round 0 is the classic
        // case: exactly one small unit.
        std::vector<int> sizes;
        if (round == 0) {
            sizes = {9, 6, 3};
        } else {
            for (int u = 0, n = 2 + rng.below(5); u < n; ++u) sizes.push_back(sizes_pool[static_cast<std::size_t>(rng.below(10))]);
        }
        Dataset ds;
        ds.organisation = {"Testkommune", "940123453", true, false};
        for (std::size_t u = 0; u < sizes.size(); ++u) {
            const std::string id = "U" + std::to_string(u + 1);
            ds.units.push_back({id, "Enhet " + std::to_string(u + 1)});
            for (int i = 0; i < sizes[u]; ++i) {
                const std::string e = id + "-" + std::to_string(i);
                const bool leaves = rng.below(6) == 0;
                const Date start = rng.below(5) == 0 ? ymd(2025, 1, 1) + rng.below(500) : ymd(2020, 1, 1);
                ds.employees.push_back(emp(e, id, start, leaves ? std::optional<Date>(start + 60 + rng.below(200)) : std::nullopt,
                                           rng.below(3) == 0 ? 60 : 100));
                for (int k = 0, n = rng.below(3); k < n; ++k) {
                    const Date a = ymd(2025, 1, 1) + rng.below(640);
                    const bool egen = rng.below(3) == 0;
                    ds.absences.push_back(sick(e, a, a + (egen ? rng.below(3) : rng.below(60)), egen ? 100 : 20 + 10 * rng.below(9),
                                               egen ? AbsenceKind::egenmelding : AbsenceKind::sykmelding));
                }
            }
        }
        // Goals: the organisation, each unit and two random sets of units, baseline Q1 2026 taken
        // from the data (so the baseline and the chart series are figures of the period tables).
        auto add_goal = [&](std::vector<std::string> units) {
            Goal g;
            g.id = "G" + std::to_string(ds.goals.size() + 1);
            g.kind = GoalKind::result;
            g.area = "ia2010.delmal1";
            g.title = g.id;
            g.units = std::move(units);
            g.baseline_period = GoalPeriod{2026, 1};
            g.target_change = -20;
            g.deadline = ymd(2027, 12, 31);
            ds.goals.push_back(g);
        };
        add_goal({});
        for (const Unit& u : ds.units) add_goal({u.id});
        for (int k = 0; k < 2; ++k) {
            std::vector<std::string> set;
            for (const Unit& u : ds.units)
                if (rng.below(2)) set.push_back(u.id);
            if (set.size() >= 2) add_goal(set);
        }

        const std::vector<std::pair<Date, Date>> periods = {{ymd(2026, 1, 1), ymd(2026, 3, 31)},
                                                            {ymd(2025, 4, 1), ymd(2026, 3, 31)},
                                                            {ymd(2026, 2, 10), ymd(2026, 5, 20)}};
        for (const auto& [from, to] : periods) {
            const StatsTable truth = compute_stats_table(ds, from, to, 0);
            const std::string when = "round " + std::to_string(round) + " " + format_iso(from) + "..";
            // compute_stats: the organisation-only answer and the per-unit answer together.
            const StatsResult org = compute_stats(ds, {from, to});
            const StatsResult units = compute_stats(ds, {from, to, true});
            for (const StatsGroup& g : units.groups) {
                withheld_seen += g.masked ? 1 : 0;
                protected_seen += g.reason == kProtects ? 1 : 0;
            }
            if (org.groups[0].sums) check_not_recoverable(when + " compute_stats", *org.groups[0].sums, part_views(units, truth, ds));
            // Each role's view, also of a result computed with a lower threshold.
            for (const Role& role : {Role::hr(), Role::tillitsvalgt(), Role::manager("U1")}) {
                for (int threshold : {5, 1}) {
                    const StatsResult v = visible_stats(compute_stats(ds, {from, to, true, threshold, true}), role);
                    std::optional<DagsverkSums> total;
                    for (const StatsGroup& g : v.groups)
                        if (!g.unit) total = g.sums;
                    if (role.kind == RoleKind::manager) {
                        CHECK_FALSE(total); // a manager never sees the organisation
                        for (const StatsGroup& g : v.groups) CHECK(g.unit == "U1");
                        continue;
                    }
                    if (total) check_not_recoverable(when + " visible_stats " + to_string(role.kind), *total, part_views(v, truth, ds));
                }
            }
            // The CSV export, parsed back (figures with one decimal: a tolerance of one rounding per cell).
            for (const Role& role : {Role::hr(), Role::tillitsvalgt()}) {
                const auto rows = parse_stats_csv(export_stats_csv(compute_stats(ds, {from, to, true, 5, true}), ds, role));
                REQUIRE(rows.count("Hele organisasjonen"));
                const auto& total = rows.at("Hele organisasjonen");
                if (!total) continue;
                std::vector<PartView> parts = part_views(StatsResult{}, truth, ds);
                for (std::size_t u = 0; u < ds.units.size(); ++u) {
                    REQUIRE(rows.count(ds.units[u].name));
                    parts[u].shown = rows.at(ds.units[u].name);
                }
                check_not_recoverable(when + " CSV " + to_string(role.kind), *total, parts, 0.05 * static_cast<double>(parts.size() + 1));
            }
        }

        // The IA goals: every shown figure of a set of units (baseline and chart series) against
        // the units' own figures in the same period, and against the organisation with the
        // other units.
        const GoalsOverview ov = evaluate_goals(ds, ymd(2026, 11, 24), Role::tillitsvalgt());
        for (const GoalEvaluation& e : ov.goals) {
            for (const MetricPoint& p : e.series) {
                if (!p.value) continue;
                const StatsTable truth = compute_stats_table(ds, period_first(p.period), period_last(p.period), 0);
                const StatsTable shown = compute_stats_table(ds, period_first(p.period), period_last(p.period), 5);
                std::vector<std::string> set = e.goal->units;
                if (set.empty())
                    for (const Unit& u : ds.units) set.push_back(u.id);
                DagsverkSums goal_total;
                std::vector<PartView> inside, outside;
                for (std::size_t u = 0; u < ds.units.size(); ++u) {
                    PartView pv{ds.units[u].id, std::nullopt, truth.unit_sums[u], truth.units[u].quarter_heads};
                    if (shown.units[u].sums) pv.shown = shown.units[u].sums;
                    if (std::find(set.begin(), set.end(), ds.units[u].id) != set.end()) {
                        goal_total.mulige += truth.unit_sums[u].mulige;
                        goal_total.tapte += truth.unit_sums[u].tapte;
                        inside.push_back(pv);
                    } else {
                        outside.push_back(pv);
                    }
                }
                const std::string what = "round " + std::to_string(round) + " goal " + e.goal->id + " " + format_period(p.period);
                // The goal's figure minus its shown units.
                check_not_recoverable(what, goal_total, inside);
                // The organisation minus the goal's figure (one shown part) and the other units.
                if (shown.organisation.sums) {
                    outside.push_back({"goal", goal_total, goal_total, {}});
                    check_not_recoverable(what + " vs organisation", *shown.organisation.sums, outside);
                }
            }
        }
    }
    // The generated cases did exercise both reasons.
    CHECK(withheld_seen > 20);
    CHECK(protected_seen > 10);
}
