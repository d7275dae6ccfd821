// dropout: drop-out (frafall) per calendar year and unit, masked like the sick-leave statistics
// (the contract is in include/iadesk/dropout.hpp; the definition and its limits in docs/domain.md,
// "Drop-out (frafall)").
#include "iadesk/dropout.hpp"

#include "iadesk/enum_text.hpp"

#include <algorithm>
#include <unordered_map>

namespace iadesk {
namespace {

constexpr EnumText<EndReason> kEndReasonText[] = {
    {EndReason::uforetrygd, "uforetrygd", "Uføretrygd", "Disability benefit (uføretrygd)"},
    {EndReason::aap, "aap", "Arbeidsavklaringspenger (AAP)", "Work assessment allowance (AAP)"},
    {EndReason::alderspensjon, "alderspensjon", "Alderspensjon (også AFP)", "Retirement pension (AFP included)"},
    {EndReason::annen_jobb, "annen_jobb", "Annen jobb", "Another job"},
    {EndReason::utdanning, "utdanning", "Utdanning", "Education"},
    {EndReason::annet, "annet", "Annet", "Other"},
};

bool to_benefits(EndReason r) { return r == EndReason::uforetrygd || r == EndReason::aap; }

// What one person did in the year: the units of the employed days, and the leaving if any.
struct PersonYear {
    bool employed = false;
    std::vector<const std::string*> units;   // distinct
    const std::string* left_unit = nullptr; // the unit of the last day; nullptr = did not leave
    std::optional<EndReason> left_reason;
};

void add_unit(PersonYear& p, const std::string& unit) {
    for (const std::string* u : p.units)
        if (*u == unit) return;
    p.units.push_back(&unit);
}

// The units of the days [a, b] (an employed stretch): the stays of Employee::earlier_units, then the
// current unit after the last of them.
void add_units(const Employee& e, Date a, Date b, PersonYear& p) {
    Date stay_first = Date::from_ymd(1, 1, 1);
    for (const EarlierUnit& u : e.earlier_units) {
        if (u.until >= a && stay_first <= b) add_unit(p, u.unit);
        stay_first = u.until + 1;
    }
    if (stay_first <= b) add_unit(p, e.unit);
}

bool employed_on(const Employee& e, Date d) {
    for (const Employment& m : e.employment)
        if (m.from <= d && (!m.to || d <= *m.to)) return true;
    return false;
}

PersonYear person_year(const Employee& e, Date first, Date last) {
    PersonYear p;
    const Employment* leaving = nullptr;
    for (const Employment& m : e.employment) {
        const Date a = std::max(m.from, first);
        const Date b = m.to ? std::min(*m.to, last) : last;
        if (b < a) continue;
        p.employed = true;
        add_units(e, a, b, p);
        if (m.to && first <= *m.to && *m.to <= last && !employed_on(e, *m.to + 1) && (!leaving || *leaving->to < *m.to))
            leaving = &m;
    }
    if (leaving) {
        p.left_unit = &unit_on(e, *leaving->to);
        p.left_reason = leaving->end_reason;
    }
    return p;
}

void count_leaver(const PersonYear& p, DropoutCounts& c) {
    ++c.left;
    if (!p.left_reason) {
        ++c.reason_not_given;
        return;
    }
    ++c.by_reason[static_cast<std::size_t>(*p.left_reason)];
    if (to_benefits(*p.left_reason)) ++c.left_to_benefits;
}

std::optional<double> share(int to_benefits_count, int persons) {
    if (persons <= 0) return std::nullopt;
    return round_percent(100.0 * to_benefits_count / persons);
}

// The masking shadow of a group: the year is one piece whose head-count is the persons.
StatsGroup shadow(const DropoutGroup& g) {
    StatsGroup s;
    s.unit = g.unit;
    s.employees = g.persons;
    s.quarter_heads = {g.persons};
    return s;
}

void apply_mask(DropoutGroup& g, const StatsGroup& s) {
    g.masked = s.masked;
    g.reason = s.reason;
    if (g.masked) {
        g.counts.reset();
        g.share_to_benefits.reset();
    }
}

Date year_first(int year) { return Date::from_ymd(year, 1, 1); }
Date year_last(int year) { return Date::from_ymd(year, 12, 31); }

} // namespace

const char* to_string(EndReason r) { return enum_code(kEndReasonText, r); }
std::optional<EndReason> parse_end_reason(std::string_view code) { return enum_parse(kEndReasonText, code); }
std::string end_reason_codes() { return enum_codes(kEndReasonText); }
const char* end_reason_label(EndReason r, bool english) {
    const EnumText<EndReason>& row = enum_row(kEndReasonText, r);
    return english ? row.en : row.nb;
}

DropoutTable compute_dropout(const Dataset& ds, int year, int mask_below) {
    const Date first = year_first(year), last = year_last(year);
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < ds.units.size(); ++i) index.emplace(ds.units[i].id, i);
    const std::size_t unlisted = ds.units.size();
    auto slot = [&](const std::string& unit) {
        auto it = index.find(unit);
        return it == index.end() ? unlisted : it->second;
    };

    DropoutTable t;
    t.year = year;
    std::vector<DropoutGroup> groups(unlisted + 1);
    for (std::size_t g = 0; g < unlisted; ++g) groups[g].unit = ds.units[g].id;
    for (DropoutGroup& g : groups) g.counts = DropoutCounts{};
    t.organisation.counts = DropoutCounts{};

    for (const Employee& e : ds.employees) {
        const PersonYear p = person_year(e, first, last);
        if (!p.employed) continue;
        ++t.organisation.persons;
        std::vector<std::size_t> seen;
        for (const std::string* u : p.units) {
            const std::size_t s = slot(*u);
            if (std::find(seen.begin(), seen.end(), s) != seen.end()) continue; // two unlisted units: one part
            seen.push_back(s);
            ++groups[s].persons;
        }
        if (p.left_unit) {
            count_leaver(p, *t.organisation.counts);
            count_leaver(p, *groups[slot(*p.left_unit)].counts);
        }
    }
    for (DropoutGroup& g : groups) g.share_to_benefits = share(g.counts->left_to_benefits, g.persons);
    t.organisation.share_to_benefits = share(t.organisation.counts->left_to_benefits, t.organisation.persons);

    // Masking: the organisation on its own (primary), the units as its parts (stats.hpp).
    StatsGroup org = shadow(t.organisation);
    std::vector<StatsGroup*> org_only{&org};
    protect_parts(org_only, mask_below);
    apply_mask(t.organisation, org);

    std::vector<StatsGroup> shadows;
    shadows.reserve(groups.size());
    for (const DropoutGroup& g : groups) shadows.push_back(shadow(g));
    StatsGroup& rest = shadows.back();
    t.unlisted = rest.employees > 0;
    if (mask_below > 0 && t.unlisted) { // never shown: a hidden part from the start
        rest.masked = true;
        rest.reason = rest.employees < mask_below ? MaskReason::small_group : MaskReason::protects_small_group;
    }
    std::vector<StatsGroup*> parts;
    for (StatsGroup& s : shadows) parts.push_back(&s);
    protect_parts(parts, mask_below);
    for (std::size_t g = 0; g < unlisted; ++g) {
        apply_mask(groups[g], shadows[g]);
        t.units.push_back(std::move(groups[g]));
    }
    return t;
}

DropoutFigure dropout_figure(const Dataset& ds, const DropoutTable& t, const std::vector<std::string>& units,
                             int mask_below) {
    DropoutFigure f;
    auto from_group = [&f](const DropoutGroup& g) {
        f.masked = g.masked;
        f.reason = g.reason;
        f.value = g.share_to_benefits;
    };
    if (units.empty()) {
        from_group(t.organisation);
        return f;
    }
    std::vector<std::size_t> chosen;
    for (const std::string& u : units) {
        auto it = std::find_if(ds.units.begin(), ds.units.end(), [&u](const Unit& x) { return x.id == u; });
        if (it == ds.units.end() || t.units.size() != ds.units.size()) {
            f.unknown_unit = true;
            return f;
        }
        const std::size_t k = static_cast<std::size_t>(it - ds.units.begin());
        if (std::find(chosen.begin(), chosen.end(), k) == chosen.end()) chosen.push_back(k);
    }
    if (chosen.size() == 1) {
        from_group(t.units[chosen.front()]);
        return f;
    }
    bool holds_some_hidden = false, holds_every_hidden = !t.unlisted;
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        if (!t.units[u].masked || t.units[u].persons == 0) continue;
        const bool in = std::find(chosen.begin(), chosen.end(), u) != chosen.end();
        holds_some_hidden = holds_some_hidden || in;
        holds_every_hidden = holds_every_hidden && in;
    }
    // The set's own head-count and leavers, each person once.
    const Date first = year_first(t.year), last = year_last(t.year);
    auto in_set = [&](const std::string& unit) {
        for (std::size_t k : chosen)
            if (ds.units[k].id == unit) return true;
        return false;
    };
    int persons = 0, to_benefits_count = 0;
    for (const Employee& e : ds.employees) {
        const PersonYear p = person_year(e, first, last);
        if (!p.employed || std::none_of(p.units.begin(), p.units.end(), [&](const std::string* u) { return in_set(*u); }))
            continue;
        ++persons;
        if (p.left_unit && in_set(*p.left_unit) && p.left_reason && to_benefits(*p.left_reason)) ++to_benefits_count;
    }
    if (mask_below > 0 && persons < mask_below) {
        f.masked = true;
        f.reason = MaskReason::small_group;
    } else if (mask_below > 0 && holds_some_hidden && !holds_every_hidden) {
        f.masked = true;
        f.reason = MaskReason::protects_small_group;
    } else {
        f.value = share(to_benefits_count, persons);
    }
    return f;
}

} // namespace iadesk
