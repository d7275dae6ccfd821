// stats: sykefraværsprosent, mulige and tapte dagsverk (stats.hpp, DOMAIN.md §6).
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

StatsGroup finish_group(std::optional<std::string> unit, int employees, const DagsverkSums& sums, int mask_below) {
    StatsGroup g;
    g.unit = std::move(unit);
    g.employees = employees;
    g.masked = employees < mask_below; // NAV's threshold, DOMAIN.md §6 (peer-systems.md A)
    if (g.masked) return g;
    g.sums = sums;
    if (sums.mulige > 0) g.percent = round_percent(sums.tapte / sums.mulige * 100.0);
    return g;
}

} // namespace

DagsverkSums employee_dagsverk(const Employee& e, const std::vector<const Absence*>& absences, Date from, Date to) {
    const WorkingDays wd(from, to);
    Scratch scratch;
    return employee_sums(e, absences.data(), absences.size(), wd, scratch);
}

StatsResult compute_stats(const Dataset& ds, const StatsQuery& q) {
    StatsResult out;
    out.from = q.from;
    out.to = q.to;
    const WorkingDays wd(q.from, q.to);

    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(ds.employees.size() * 2 + 1);
    for (std::size_t i = 0; i < ds.employees.size(); ++i) index.emplace(ds.employees[i].id, i);
    // The period's absences grouped by employee: a counting sort into one flat array.
    std::vector<std::size_t> owner(ds.absences.size(), SIZE_MAX);
    std::vector<std::size_t> offset(ds.employees.size() + 1, 0);
    for (std::size_t i = 0; i < ds.absences.size(); ++i) {
        const Absence& a = ds.absences[i];
        if (a.from > q.to || (a.to && *a.to < q.from)) continue;
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

    std::unordered_map<std::string_view, std::size_t> unit_index;
    for (std::size_t u = 0; u < ds.units.size(); ++u) unit_index.emplace(ds.units[u].id, u);
    const std::size_t groups = q.by_unit ? ds.units.size() : 1;
    std::vector<DagsverkSums> sums(groups);
    std::vector<int> heads(groups, 0);
    Scratch scratch;

    for (std::size_t i = 0; i < ds.employees.size(); ++i) {
        const Employee& e = ds.employees[i];
        if (!employed_in(e, q.from, q.to)) continue;
        std::size_t g = 0;
        if (q.by_unit) {
            auto it = unit_index.find(e.unit);
            if (it == unit_index.end()) continue;
            g = it->second;
        }
        ++heads[g];
        add(sums[g], employee_sums(e, grouped.data() + offset[i], offset[i + 1] - offset[i], wd, scratch));
    }

    for (std::size_t g = 0; g < groups; ++g) {
        std::optional<std::string> unit;
        if (q.by_unit) unit = ds.units[g].id;
        out.groups.push_back(finish_group(std::move(unit), heads[g], sums[g], q.mask_below));
    }
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

Quarter quarter_of(Date d) { return {d.year(), (d.month() - 1) / 3 + 1}; }

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
