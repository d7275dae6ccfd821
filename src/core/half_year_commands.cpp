// half_year_commands: checked edits of the IA half-year texts and the tillitsvalgt's sign-off
// (include/iadesk/half_year.hpp).
#include "iadesk/half_year.hpp"

#include "dataset_internal.hpp"

#include <algorithm>

namespace iadesk {
namespace {

using detail_ds::excerpt;
using detail_ds::kMaxTextBytes;

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

void length(std::vector<Problem>& p, const char* field, const std::string& text) {
    if (text.size() <= kMaxTextBytes) return;
    p.push_back({field, "Teksten er for lang (" + std::to_string(text.size()) + " byte; høyst " + std::to_string(kMaxTextBytes) + ")",
                 "The text is too long (" + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxTextBytes) + ")"});
}

std::vector<Problem> period_problems(int year, int half) {
    std::vector<Problem> p;
    if (year < 1900 || year > 2200)
        p.push_back({"year", "Året må ligge i 1900–2200 (var " + std::to_string(year) + ")",
                     "The year must lie in 1900-2200 (was " + std::to_string(year) + ")"});
    if (half != 1 && half != 2)
        p.push_back({"half", "Halvåret må være 1 (januar–juni) eller 2 (juli–desember) (var " + std::to_string(half) + ")",
                     "The half must be 1 (January-June) or 2 (July-December) (was " + std::to_string(half) + ")"});
    return p;
}

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
    c.apply = [now = std::move(now)](Dataset& d) { d.half_year_reports = now; };
    c.undo = [old = ds.half_year_reports](Dataset& d) { d.half_year_reports = old; };
    return c;
}

} // namespace

std::vector<Problem> check_half_year_values(const HalfYearReport& r) {
    std::vector<Problem> p = period_problems(r.year, r.half);
    length(p, "key_experience", r.key_experience);
    length(p, "deviations", r.deviations);
    length(p, "successful_activity", r.successful_activity);
    length(p, "successful_text", r.successful_text);
    if (r.signed_off) {
        if (blank(r.signed_off->name))
            p.push_back({"signed_off/name", "Navnet til den som signerer kan ikke være tomt", "The name of the person signing must not be empty"});
        length(p, "signed_off/name", r.signed_off->name);
        const int y = r.signed_off->date.year();
        if (y < 1900 || y > 2200)
            p.push_back({"signed_off/date", "Datoen må ligge i årene 1900–2200 (år " + std::to_string(y) + ")",
                         "The date must lie in the years 1900-2200 (year " + std::to_string(y) + ")"});
    }
    return p;
}

const HalfYearReport* find_half_year(const Dataset& ds, int year, int half) {
    for (const HalfYearReport& r : ds.half_year_reports)
        if (r.year == year && r.half == half) return &r;
    return nullptr;
}

std::string half_year_label(int year, int half) { return std::to_string(half) + ". halvår " + std::to_string(year); }

CommandResult set_half_year_texts(const Dataset& ds, const Role& role, HalfYearReport texts) {
    if (!may_write_half_year(role))
        return refused("", "Bare HR / arbeidsgiver kan skrive halvårsrapporten", "Only HR / the employer may write the half-year report");
    texts.signed_off.reset();
    std::vector<Problem> p = check_half_year_values(texts);
    if (!texts.successful_activity.empty() &&
        std::none_of(ds.goal_activities.begin(), ds.goal_activities.end(),
                     [&](const GoalActivity& a) { return a.id == texts.successful_activity; }))
        p.push_back({"successful_activity", "Ukjent aktivitet «" + excerpt(texts.successful_activity) + "» (velg en aktivitet som finnes)",
                     "Unknown activity \"" + excerpt(texts.successful_activity) + "\" (choose an existing activity)"});
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
        return refused("", "Bare tillitsvalgt kan signere halvårsrapporten", "Only the union representative may sign off the half-year report");
    HalfYearReport r;
    if (const HalfYearReport* old = find_half_year(ds, year, half)) r = *old;
    r.year = year;
    r.half = half;
    r.signed_off = HalfYearSignOff{name, today};
    std::vector<Problem> p = check_half_year_values(r);
    if (!p.empty()) return refused(std::move(p));
    return {replace_list(ds, with(ds.half_year_reports, r),
                         "Halvårsrapporten for " + half_year_label(year, half) + " gjennomgått med tillitsvalgt " + name),
            {}};
}

CommandResult withdraw_half_year_sign_off(const Dataset& ds, const Role& role, int year, int half) {
    if (!may_sign_off_half_year(role))
        return refused("", "Bare tillitsvalgt kan trekke tilbake signeringen", "Only the union representative may withdraw the sign-off");
    const HalfYearReport* old = find_half_year(ds, year, half);
    if (!old || !old->signed_off)
        return refused("signed_off", "Halvårsrapporten for " + half_year_label(year, half) + " er ikke signert",
                    "The half-year report of " + std::to_string(year) + "-" + std::to_string(half) + " is not signed off");
    HalfYearReport r = *old;
    r.signed_off.reset();
    return {replace_list(ds, with(ds.half_year_reports, r), "Trakk tilbake signeringen av halvårsrapporten for " + half_year_label(year, half)),
            {}};
}

} // namespace iadesk
