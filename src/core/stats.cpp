// stats: sykefraværsprosent, mulige and tapte dagsverk, head-counts per quarter (stats.hpp;
// docs/domain.md). The masking itself is in stats_masking.cpp.
//
// Cost: the working days of the query period are computed once into a prefix-sum array, so the
// working days of any interval are one subtraction. Per employee the absences are cut into
// elementary segments (where the set of covering records does not change) and each segment is
// intersected with each employment period: O(k log k + k * e) for k records and e employment
// periods, independent of how many days a record spans.
#include "iadesk/stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <unordered_map>

namespace iadesk {
namespace {

// Working days (calendar.hpp is_working_day) of a fixed period, as a prefix sum.
class WorkingDays {
public:
    WorkingDays(Date from, Date to) : from_(from), to_(to) {
        const int n = to < from ? 0 : to - from + 1;
        prefix_.assign(static_cast<std::size_t>(n) + 1, 0);
        for (int i = 0; i < n; ++i) prefix_[i + 1] = prefix_[i] + (is_working_day(from + i) ? 1 : 0);
    }
    // Working days in [a, b] ∩ [from, to].
    int count(Date a, Date b) const {
        if (a < from_) a = from_;
        if (to_ < b) b = to_;
        if (b < a) return 0;
        return prefix_[b - from_ + 1] - prefix_[a - from_];
    }
    Date from() const { return from_; }
    Date to() const { return to_; }

private:
    Date from_, to_;
    std::vector<int> prefix_;
};

struct Clipped {
    Date a, b; // inside the period
    int grade;
    bool legemeldt;
};

// Adds `days` working days of each employment period overlapping [a, b], weighted by the
// position share, times `weight`, to `out`.
double employed_working_days(const Employee& e, const WorkingDays& wd, Date a, Date b) {
    double sum = 0;
    for (const Employment& p : e.employment) {
        const Date pa = std::max(p.from, a);
        const Date pb = p.to ? std::min(*p.to, b) : b;
        if (pb < pa) continue;
        sum += wd.count(pa, pb) * (p.percent / 100.0);
    }
    return sum;
}

// Buffers reused from one employee to the next (no allocation per employee).
struct Scratch {
    std::vector<Clipped> recs;
    std::vector<int32_t> cuts;
};

DagsverkSums employee_sums(const Employee& e, const Absence* const* absences, std::size_t count,
                           const WorkingDays& wd, Scratch& scratch) {
    DagsverkSums s;
    s.mulige = employed_working_days(e, wd, wd.from(), wd.to());
    if (count == 0 || s.mulige == 0) return s;

    // Records clipped to the period; an open record runs to the period's end.
    std::vector<Clipped>& recs = scratch.recs;
    std::vector<int32_t>& cuts = scratch.cuts;
    recs.clear();
    cuts.clear();
    for (std::size_t i = 0; i < count; ++i) {
        const Absence* a = absences[i];
        const Date first = std::max(a->from, wd.from());
        const Date last = a->to ? std::min(*a->to, wd.to()) : wd.to();
        if (last < first) continue;
        recs.push_back({first, last, std::min(a->grade, 100), a->kind == AbsenceKind::sykmelding});
        cuts.push_back(first.days);
        cuts.push_back(last.days + 1);
    }
    if (recs.empty()) return s;
    std::sort(recs.begin(), recs.end(), [](const Clipped& x, const Clipped& y) { return x.a < y.a; });
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    // Each elementary segment [cuts[i], cuts[i+1] - 1]: highest grade, legemeldt if any
    // sykmelding covers it (stats.hpp contract).
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const Date x{cuts[i]}, y{cuts[i + 1] - 1};
        int grade = 0;
        bool lege = false;
        for (const Clipped& r : recs) {
            if (r.a > x) break;
            if (r.b < x) continue;
            grade = std::max(grade, r.grade);
            lege = lege || r.legemeldt;
        }
        if (grade == 0) continue;
        const double lost = employed_working_days(e, wd, x, y) * (grade / 100.0);
        (lege ? s.tapte_legemeldt : s.tapte_egenmeldt) += lost;
    }
    s.tapte = s.tapte_egenmeldt + s.tapte_legemeldt;
    return s;
}

bool employed_in(const Employee& e, Date from, Date to) {
    for (const Employment& p : e.employment)
        if (p.from <= to && (!p.to || from <= *p.to)) return true;
    return false;
}

void add(DagsverkSums& into, const DagsverkSums& s) {
    into.mulige += s.mulige;
    into.tapte += s.tapte;
    into.tapte_egenmeldt += s.tapte_egenmeldt;
    into.tapte_legemeldt += s.tapte_legemeldt;
}

struct Piece {
    Date a, b;
};

// The part of an employee's employment inside [a, b] (the days spent in one unit).
Employee employment_within(const Employee& e, Date a, Date b) {
    Employee part;
    for (const Employment& p : e.employment) {
        const Date pa = std::max(p.from, a);
        const Date pb = p.to ? std::min(*p.to, b) : b;
        if (pa <= pb) part.employment.push_back({pa, pb, p.percent});
    }
    return part;
}

// The employee's stays in units that overlap [from, to] (Employee::earlier_units): unit and days.
struct Stay {
    const std::string* unit;
    Date a, b;
};
std::vector<Stay> stays_within(const Employee& e, Date from, Date to) {
    std::vector<Stay> out;
    Date start = from;
    for (const EarlierUnit& u : e.earlier_units) {
        if (u.until < start) continue;
        if (to < start) break;
        out.push_back({&u.unit, start, std::min(u.until, to)});
        start = u.until + 1;
    }
    if (start <= to) out.push_back({&e.unit, start, to});
    return out;
}

// The period cut at quarter boundaries (stats.hpp: head-count).
std::vector<Piece> quarter_pieces(Date from, Date to) {
    std::vector<Piece> out;
    for (Date a = from; a <= to;) {
        const Date b = std::min(quarter_of(a).last(), to);
        out.push_back({a, b});
        a = b + 1;
    }
    return out;
}

// One row of the table before protection: unmasked sums and percents.
StatsGroup raw_group(std::optional<std::string> unit, int employees, std::vector<int> heads, const DagsverkSums& sums) {
    StatsGroup g;
    g.unit = std::move(unit);
    g.employees = employees;
    g.quarter_heads = std::move(heads);
    g.sums = sums;
    if (sums.mulige > 0) {
        g.percent = round_percent(sums.tapte / sums.mulige * 100.0);
        g.percent_egenmeldt = round_percent(sums.tapte_egenmeldt / sums.mulige * 100.0);
        g.percent_legemeldt = round_percent(sums.tapte_legemeldt / sums.mulige * 100.0);
    }
    return g;
}

} // namespace

DagsverkSums employee_dagsverk(const Employee& e, const std::vector<const Absence*>& absences, Date from, Date to) {
    const WorkingDays wd(from, to);
    Scratch scratch;
    return employee_sums(e, absences.data(), absences.size(), wd, scratch);
}

StatsTable compute_stats_table(const Dataset& ds, Date from, Date to, int mask_below) {
    StatsTable out;
    out.from = from;
    out.to = to;
    const WorkingDays wd(from, to);
    const std::vector<Piece> pieces = quarter_pieces(from, to);

    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(ds.employees.size() * 2 + 1);
    for (std::size_t i = 0; i < ds.employees.size(); ++i) index.emplace(ds.employees[i].id, i);
    // The period's absences grouped by employee: a counting sort into one flat array.
    std::vector<std::size_t> owner(ds.absences.size(), SIZE_MAX);
    std::vector<std::size_t> offset(ds.employees.size() + 1, 0);
    for (std::size_t i = 0; i < ds.absences.size(); ++i) {
        const Absence& a = ds.absences[i];
        if (a.from > to || (a.to && *a.to < from)) continue;
        auto it = index.find(a.employee);
        if (it == index.end()) continue;
        owner[i] = it->second;
        ++offset[it->second + 1];
    }
    for (std::size_t k = 1; k < offset.size(); ++k) offset[k] += offset[k - 1];
    std::vector<const Absence*> grouped(offset.back());
    {
        std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
        for (std::size_t i = 0; i < ds.absences.size(); ++i)
            if (owner[i] != SIZE_MAX) grouped[fill[owner[i]]++] = &ds.absences[i];
    }

    // The whole table, whatever was asked: one row per unit and a last row for employees whose
    // unit is not listed (never shown, but a part of the organisation's total).
    std::unordered_map<std::string_view, std::size_t> unit_index;
    for (std::size_t u = 0; u < ds.units.size(); ++u) unit_index.emplace(ds.units[u].id, u);
    const std::size_t unlisted = ds.units.size();
    std::vector<DagsverkSums> sums(unlisted + 1);
    std::vector<int> seen(unlisted + 1, 0);
    std::vector<std::vector<int>> heads(unlisted + 1, std::vector<int>(pieces.size(), 0));
    Scratch scratch;

    // The organisation counts each person once; a unit counts the people who were in it on at
    // least one day (someone who moved during the period counts in both units).
    int org_seen = 0;
    std::vector<int> org_heads(pieces.size(), 0);
    const auto count_in = [&](const Employee& e, int& seen_in, std::vector<int>& heads_in) {
        ++seen_in;
        for (std::size_t k = 0; k < pieces.size(); ++k)
            if (employed_in(e, pieces[k].a, pieces[k].b)) ++heads_in[k];
    };
    const auto group_of = [&](const std::string& unit) {
        auto it = unit_index.find(unit);
        return it == unit_index.end() ? unlisted : it->second;
    };
    for (std::size_t i = 0; i < ds.employees.size(); ++i) {
        const Employee& e = ds.employees[i];
        if (!employed_in(e, from, to)) continue;
        count_in(e, org_seen, org_heads);
        const Absence* const* own = grouped.data() + offset[i];
        const std::size_t n = offset[i + 1] - offset[i];
        if (e.earlier_units.empty() || e.earlier_units.back().until < from) { // in one unit all the period
            const std::size_t g = group_of(e.unit);
            count_in(e, seen[g], heads[g]);
            add(sums[g], employee_sums(e, own, n, wd, scratch));
            continue;
        }
        for (const Stay& stay : stays_within(e, from, to)) { // each day in the unit of that day
            const Employee part = employment_within(e, stay.a, stay.b);
            if (!employed_in(part, from, to)) continue;
            const std::size_t g = group_of(*stay.unit);
            count_in(part, seen[g], heads[g]);
            add(sums[g], employee_sums(part, own, n, wd, scratch));
        }
    }

    DagsverkSums org_sums;
    std::vector<StatsGroup> table;
    table.reserve(unlisted + 1);
    for (std::size_t g = 0; g <= unlisted; ++g) {
        add(org_sums, sums[g]);
        std::optional<std::string> unit;
        if (g < unlisted) unit = ds.units[g].id;
        table.push_back(raw_group(std::move(unit), seen[g], std::move(heads[g]), sums[g]));
    }
    out.organisation = raw_group(std::nullopt, org_seen, std::move(org_heads), org_sums);
    out.unlisted = table.back().employees > 0;
    out.unit_sums.assign(sums.begin(), sums.end() - 1);

    std::vector<StatsGroup*> org_only{&out.organisation};
    protect_parts(org_only, mask_below);
    // The unlisted row is never shown: to the protection it is a hidden part from the start.
    StatsGroup& rest = table.back();
    if (mask_below > 0 && rest.employees > 0) {
        rest.masked = true;
        rest.reason = masking_headcount(rest) < mask_below ? MaskReason::small_group : MaskReason::protects_small_group;
    }
    std::vector<StatsGroup*> parts;
    for (StatsGroup& g : table) parts.push_back(&g);
    protect_parts(parts, mask_below);

    table.pop_back();
    out.units = std::move(table);
    return out;
}

StatsResult compute_stats(const Dataset& ds, const StatsQuery& q) {
    StatsTable t = compute_stats_table(ds, q.from, q.to, q.mask_below);
    StatsResult out;
    out.from = q.from;
    out.to = q.to;
    if (!q.by_unit || q.include_total) out.groups.push_back(std::move(t.organisation));
    if (q.by_unit)
        for (StatsGroup& g : t.units) out.groups.push_back(std::move(g));
    return out;
}

double round_percent(double value) {
    // Half up at one decimal. The nudge absorbs binary error in sums such as 6.45 stored as
    // 6.4499999999999993 (about 1e-15 relative) but keeps 6.249999999 below the half.
    constexpr double kNudge = 1e-9;
    return std::floor(value * 10.0 + 0.5 + kNudge) / 10.0;
}

std::string format_percent_nb(double rounded_value) {
    const long long tenths = std::llround(rounded_value * 10.0);
    const long long whole = (tenths < 0 ? -tenths : tenths) / 10;
    const long long frac = (tenths < 0 ? -tenths : tenths) % 10;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%lld,%lld\xC2\xA0%%", tenths < 0 ? "-" : "", whole, frac);
    return buf;
}

Date Quarter::first() const { return Date::from_ymd(year, 3 * (q - 1) + 1, 1); }

Date Quarter::last() const {
    const int month = 3 * q;
    return Date::from_ymd(year, month, days_in_month(year, month));
}

Quarter Quarter::plus(int quarters) const {
    const int index = year * 4 + (q - 1) + quarters;
    return {index / 4, index % 4 + 1};
}

Quarter quarter_of(Date d) { return {d.year(), (d.month() - 1) / 3 + 1}; }

Quarter latest_complete_quarter(Date today) {
    const Quarter q = quarter_of(today);
    return q.last() >= today ? q.plus(-1) : q;
}

StatsQuery nav_four_quarters_query(Date today, bool by_unit, bool include_total) {
    const Quarter last = latest_complete_quarter(today);
    StatsQuery q;
    q.from = last.plus(-3).first();
    q.to = last.last();
    q.by_unit = by_unit;
    q.include_total = include_total;
    return q;
}

int duration_band(int days) {
    // 1-7 days, 8-16 days, 17 days-8 weeks (56), 8-20 weeks (140), 20-39 weeks (273), over 39.
    if (days <= 7) return 0;
    if (days <= 16) return 1;
    if (days <= 8 * 7) return 2;
    if (days <= 20 * 7) return 3;
    if (days <= 39 * 7) return 4;
    return 5;
}

const char* duration_band_label_nb(int band) {
    static constexpr const char* kLabels[6] = {"1–7 dager", "8–16 dager", "17 dager–8 uker",
                                               "8–20 uker", "20–39 uker", "over 39 uker"};
    return band >= 0 && band < 6 ? kLabels[band] : "";
}

} // namespace iadesk
