// half_year_commands: checked edits of the IA half-year texts and the tillitsvalgt's sign-off
// (include/iadesk/half_year.hpp).
#include "iadesk/half_year.hpp"

#include "dataset_internal.hpp"

#include <algorithm>

namespace iadesk {
namespace {

bool same_texts(const HalfYearReport& a, const HalfYearReport& b) {
    return a.key_experience == b.key_experience && a.deviations == b.deviations && a.successful_activity == b.successful_activity &&
           a.successful_text == b.successful_text;
}

bool empty_record(const HalfYearReport& r) {
    return r.key_experience.empty() && r.deviations.empty() && r.successful_activity.empty() && r.successful_text.empty() &&
           !r.signed_off;
}

// The list with `r` in its place (sorted by period), or without the period when `r` is empty.
std::vector<HalfYearReport> with(const std::vector<HalfYearReport>& list, const HalfYearReport& r) {
    std::vector<HalfYearReport> out;
    out.reserve(list.size() + 1);
    bool placed = empty_record(r);
    for (const HalfYearReport& x : list) {
        if (x.year == r.year && x.half == r.half) continue;
        if (!placed && std::pair(r.year, r.half) < std::pair(x.year, x.half)) { out.push_back(r); placed = true; }
        out.push_back(x);
    }
    if (!placed) out.push_back(r);
    return out;
}

Command replace_list(const Dataset& ds, std::vector<HalfYearReport> now, std::string description, std::string merge_key = {}) {
    Command c;
    c.affects_cases = false; // no case or milestone reads goals, activities, meetings or reports
    c.description = std::move(description);
    c.merge_key = std::move(merge_key);
    c.touched = Touched::none();
    c.touched.half_years = true;
    c.apply = [now = std::move(now)](Dataset& d) { d.half_year_reports = now; };
    c.undo = [old = ds.half_year_reports](Dataset& d) { d.half_year_reports = old; };
    return c;
}

} // namespace

namespace {

// The loader's checks of a report as it would be stored (checks.hpp): its own values, and the
// activity it names exists.
std::vector<Problem> check_report(const Dataset& ds, const HalfYearReport& r) {
    std::vector<Problem> p;
    check_half_year(r, p);
    const Lookup l(ds);
    if (!r.successful_activity.empty() && !l.activity(r.successful_activity))
        p.push_back(make_problem("successful_activity", ProblemCode::unknown_activity, {{"id", r.successful_activity}}));
    return p;
}

} // namespace

const HalfYearReport* find_half_year(const Dataset& ds, int year, int half) {
    for (const HalfYearReport& r : ds.half_year_reports)
        if (r.year == year && r.half == half) return &r;
    return nullptr;
}

std::string half_year_label(int year, int half) { return std::to_string(half) + ". halvår " + std::to_string(year); }

CommandResult set_half_year_texts(const Dataset& ds, const Role& role, HalfYearReport texts) {
    if (!may_write_half_year(role))
        return refused("", ProblemCode::role_half_year_write);
    texts.signed_off.reset();
    std::vector<Problem> p = check_report(ds, texts);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "Endret halvårsrapporten for " + half_year_label(texts.year, texts.half);
    if (const HalfYearReport* old = find_half_year(ds, texts.year, texts.half)) {
        if (same_texts(*old, texts)) texts.signed_off = old->signed_off;
        else if (old->signed_off) desc += " (signeringen til " + old->signed_off->name + " er fjernet)";
    }
    const std::string key = "half_year:" + std::to_string(texts.year) + "-" + std::to_string(texts.half);
    return {replace_list(ds, with(ds.half_year_reports, texts), std::move(desc), key), {}};
}

CommandResult sign_off_half_year(const Dataset& ds, const Role& role, int year, int half, std::string name, Date today) {
    if (!may_sign_off_half_year(role))
        return refused("", ProblemCode::role_half_year_sign);
    HalfYearReport r;
    if (const HalfYearReport* old = find_half_year(ds, year, half)) r = *old;
    r.year = year;
    r.half = half;
    r.signed_off = HalfYearSignOff{name, today};
    std::vector<Problem> p = check_report(ds, r);
    if (!p.empty()) return refused(std::move(p));
    return {replace_list(ds, with(ds.half_year_reports, r),
                         "Halvårsrapporten for " + half_year_label(year, half) + " gjennomgått med tillitsvalgt " + name),
            {}};
}

CommandResult withdraw_half_year_sign_off(const Dataset& ds, const Role& role, int year, int half) {
    if (!may_sign_off_half_year(role))
        return refused("", ProblemCode::role_half_year_sign);
    const HalfYearReport* old = find_half_year(ds, year, half);
    if (!old || !old->signed_off)
        return refused("signed_off", ProblemCode::half_year_unsigned, {{"period", half_year_label(year, half)}});
    HalfYearReport r = *old;
    r.signed_off.reset();
    return {replace_list(ds, with(ds.half_year_reports, r), "Trakk tilbake signeringen av halvårsrapporten for " + half_year_label(year, half)),
            {}};
}

} // namespace iadesk
