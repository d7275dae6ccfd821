// checks: the value checks of one record on its own (include/iadesk/checks.hpp). Sources of the
// rules: docs/domain.md (grades 20-100, egenmelding always 100 %, an exemption needs a reason under
// arbeidsmiljøloven § 4-6), docs/data-format.md ("Checks"), model.hpp (organisation number mod 11,
// employment periods that do not overlap), plans.hpp (NAV's 2000-character plan texts).
#include "iadesk/checks.hpp"
#include "iadesk/benchmarks.hpp"

#include "dataset_internal.hpp"
#include "iadesk/goals.hpp"
#include "iadesk/plans.hpp"

#include <algorithm>
#include <cmath>

namespace iadesk {
namespace {

using detail_ds::AbsenceField;
using detail_ds::EmployeeField;
using detail_ds::EventField;
using detail_ds::OrgField;
using detail_ds::PeriodField;
using detail_ds::UnitField;

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Collects one record's problems with fields relative to it.
struct Out {
    std::vector<Problem>& out;
    // Fields as string_view: a field's name becomes a string only when a problem is reported.
    void add(std::string_view field, ProblemCode code, std::initializer_list<ProblemArg> args = {}) {
        out.push_back(make_problem(std::string(field), code, args));
    }
    void required(std::string_view field, std::string_view label, std::string_view value) {
        if (blank(value)) add(field, ProblemCode::required, {ProblemArg::label("field", label)});
    }
    void length(std::string_view field, std::string_view value) {
        if (value.size() > kMaxTextBytes)
            add(field, ProblemCode::text_too_long, {{"n", value.size()}, {"max", kMaxTextBytes}});
    }
    void chars(std::string_view field, std::string_view value, std::size_t max) {
        if (value.size() <= max) return; // a code point is at least one byte
        if (const std::size_t n = utf8_length(value); n > max)
            add(field, ProblemCode::text_too_many_chars, {{"n", n}, {"max", max}});
    }
    // Years 1900-2200 as day numbers: the year is computed only for a date outside them.
    static bool date_ok(Date d) {
        static const int32_t first = Date::from_ymd(1900, 1, 1).days, last = Date::from_ymd(2200, 12, 31).days;
        return d.days >= first && d.days <= last;
    }
    void date(std::string_view field, Date d) {
        if (date_ok(d)) return;
        const int y = d.year();
        if (y < 1900 || y > 2200) add(field, ProblemCode::date_out_of_range, {{"year", y}});
    }
    void order(std::string_view field, Date from, Date to) {
        if (to < from) add(field, ProblemCode::end_before_start, {{"to", to}, {"from", from}});
    }
};

bool read(unsigned unread, unsigned field) { return (unread & field) == 0; }

std::string at(const char* list, std::size_t i, const char* field = nullptr) {
    std::string s = std::string(list) + "/" + std::to_string(i);
    if (field) s += std::string("/") + field;
    return s;
}

void goal_period(Out& o, const std::string& field, GoalPeriod p) {
    if (!(p.year >= 1900 && p.year <= 2200 && p.quarter >= 0 && p.quarter <= 4)) o.add(field, ProblemCode::goal_period);
}

void finite(Out& o, const std::string& field, double v) {
    if (!std::isfinite(v)) o.add(field, ProblemCode::number_not_finite);
}

const char* const kRecipients[] = {"sykmelder", "nav", "arbeidstaker", "bht", "annen"};

} // namespace

void check_organisation(const Organisation& org, std::vector<Problem>& out, unsigned unread) {
    Out o{out};
    if (read(unread, OrgField::name)) o.required("name", "name", org.name);
    o.length("name", org.name);
    if (read(unread, OrgField::orgnr) && !is_valid_orgnr(org.orgnr))
        o.add("orgnr", ProblemCode::orgnr_invalid, {{"orgnr", org.orgnr}});
    if (!org.email.empty() && read(unread, OrgField::email) && !is_plausible_email(org.email))
        o.add("email", ProblemCode::email_invalid, {{"email", org.email}});
    if (!org.naeringskode.empty() && read(unread, OrgField::naeringskode) && !is_valid_naeringskode(org.naeringskode))
        o.add("naeringskode", ProblemCode::naeringskode_invalid,
              {{"code", org.naeringskode}, {"standard", industry_standard_id(org.naeringskode_standard)}});
    if (org.egenmelding && read(unread, OrgField::egenmelding)) {
        // The limits of an agreed rule (ftrl § 8-24): at most the 16 days of the arbeidsgiverperiode
        // at a time, and a limit per 12 months by times or by days.
        const EgenmeldingRule& r = *org.egenmelding;
        if (r.days_at_a_time < 1 || r.days_at_a_time > 16)
            o.add("egenmelding/days_at_a_time", ProblemCode::egenmelding_days, {{"value", r.days_at_a_time}});
        if (r.times_per_12_months && (*r.times_per_12_months < 1 || *r.times_per_12_months > 366))
            o.add("egenmelding/times_per_12_months", ProblemCode::egenmelding_per_year, {{"value", *r.times_per_12_months}});
        if (r.days_per_12_months && (*r.days_per_12_months < 1 || *r.days_per_12_months > 366))
            o.add("egenmelding/days_per_12_months", ProblemCode::egenmelding_per_year, {{"value", *r.days_per_12_months}});
        if (!r.times_per_12_months && !r.days_per_12_months) o.add("egenmelding", ProblemCode::egenmelding_no_limit);
        if (r.agreed_from) o.date("egenmelding/agreed_from", *r.agreed_from);
    }
}

void check_unit(const Unit& u, std::vector<Problem>& out, unsigned unread) {
    Out o{out};
    if (read(unread, UnitField::id)) o.required("id", "id", u.id);
    if (read(unread, UnitField::name)) o.required("name", "name", u.name);
    o.length("id", u.id);
    o.length("name", u.name);
    if (u.closed && read(unread, UnitField::closed)) o.date("closed", *u.closed);
}

void check_employee(const Employee& e, std::vector<Problem>& out, unsigned unread, const uint8_t* period_unread,
                    bool from_file) {
    Out o{out};
    if (read(unread, EmployeeField::id)) o.required("id", "id", e.id);
    if (read(unread, EmployeeField::name)) o.required("name", "name", e.name);
    o.length("id", e.id);
    o.length("name", e.name);
    if (e.birth_year && read(unread, EmployeeField::birth_year) && (*e.birth_year < 1900 || *e.birth_year > 2200))
        o.add("birth_year", ProblemCode::birth_year_range, {{"year", *e.birth_year}});
    if (e.birth_date && read(unread, EmployeeField::birth_date)) {
        o.date("birth_date", *e.birth_date);
        if (e.birth_year && read(unread, EmployeeField::birth_year) && *e.birth_year != e.birth_date->year())
            o.add("birth_date", ProblemCode::birth_date_year, {{"date", *e.birth_date}, {"year", *e.birth_year}});
    }
    if (!e.national_id.empty() && read(unread, EmployeeField::national_id) && !is_valid_national_id(e.national_id))
        o.add("national_id", ProblemCode::national_id_invalid);
    if (read(unread, EmployeeField::earlier_units))
        for (std::size_t j = 0; j < e.earlier_units.size(); ++j) {
            const EarlierUnit& u = e.earlier_units[j];
            o.required(at("earlier_units", j, "unit"), "unit", u.unit);
            o.date(at("earlier_units", j, "until"), u.until);
            if (j > 0 && !(e.earlier_units[j - 1].until < u.until))
                o.add(at("earlier_units", j, "until"), ProblemCode::earlier_units_order,
                      {{"date", u.until}, {"previous", e.earlier_units[j - 1].until}});
        }
    if (!read(unread, EmployeeField::employment)) return;
    if (e.employment.empty()) {
        o.add("employment", ProblemCode::employment_required);
        return;
    }
    auto pread = [&](std::size_t j, unsigned f) { return !period_unread || (period_unread[j] & f) == 0; };
    std::vector<std::size_t> usable; // periods whose dates could be read and are in order
    for (std::size_t j = 0; j < e.employment.size(); ++j) {
        const Employment& m = e.employment[j];
        if (period_unread && period_unread[j] == 0xFF) continue;
        const bool from_ok = pread(j, PeriodField::from), to_ok = pread(j, PeriodField::to);
        // The fields' paths are built only for a problem (three strings per period were a cost
        // of every load).
        if (from_ok && !o.date_ok(m.from)) o.date(at("employment", j, "from"), m.from);
        if (to_ok && m.to && !o.date_ok(*m.to)) o.date(at("employment", j, "to"), *m.to);
        if (from_ok && to_ok && m.to && *m.to < m.from) o.order(at("employment", j, "to"), m.from, *m.to);
        if (m.end_reason && !m.to && to_ok && pread(j, PeriodField::end_reason))
            o.add(at("employment", j, "end_reason"), ProblemCode::end_reason_open);
        if (pread(j, PeriodField::percent) && !(m.percent > 0 && m.percent <= 100))
            o.add(at("employment", j, "percent"), ProblemCode::percent_range, {{"value", m.percent}});
        if (!from_file && j > 0 && m.from < e.employment[j - 1].from)
            o.add(at("employment", j, "from"), ProblemCode::employment_unsorted);
        if (from_ok && to_ok && (!m.to || *m.to >= m.from)) usable.push_back(j);
    }
    // Overlap: in order of `from`, each period must start after the latest end so far.
    std::stable_sort(usable.begin(), usable.end(),
                     [&](std::size_t a, std::size_t b) { return e.employment[a].from < e.employment[b].from; });
    const Employment* latest = nullptr;
    for (std::size_t j : usable) {
        const Employment& m = e.employment[j];
        if (latest && (!latest->to || *latest->to >= m.from))
            o.add(at("employment", j), ProblemCode::employment_overlap,
                  {ProblemArg::period("period", m.from, m.to), ProblemArg::period("other", latest->from, latest->to)});
        if (!latest || !m.to || (latest->to && *m.to > *latest->to)) latest = &m;
    }
}

void check_absence(const Absence& a, std::vector<Problem>& out, unsigned unread) {
    Out o{out};
    const bool from_ok = read(unread, AbsenceField::from), to_ok = read(unread, AbsenceField::to);
    if (from_ok) o.date("from", a.from);
    if (to_ok && a.to) o.date("to", *a.to);
    if (from_ok && to_ok && a.to) o.order("to", a.from, *a.to);
    if (!read(unread, AbsenceField::grade)) return;
    if (a.grade < 20 || a.grade > 100) o.add("grade", ProblemCode::grade_range, {{"value", a.grade}});
    else if (read(unread, AbsenceField::kind) && a.kind == AbsenceKind::egenmelding && a.grade != 100)
        o.add("grade", ProblemCode::grade_egenmelding, {{"value", a.grade}});
}

void check_milestone_event(const MilestoneEvent& ev, std::vector<Problem>& out, unsigned unread) {
    Out o{out};
    const bool start_ok = read(unread, EventField::case_start), date_ok = read(unread, EventField::date);
    if (start_ok) o.date("case_start", ev.case_start);
    if (date_ok) o.date("date", ev.date);
    if (start_ok && date_ok && ev.date < ev.case_start)
        o.add("date", ProblemCode::date_before_case, {{"date", ev.date}, {"start", ev.case_start}});
    if (read(unread, EventField::milestone)) {
        const std::vector<std::string>& known = detail_ds::known_milestone_ids();
        if (std::find(known.begin(), known.end(), ev.milestone) == known.end()) {
            std::string list;
            for (const std::string& id : known) list += (list.empty() ? "" : ", ") + id;
            o.add("milestone", ProblemCode::unknown_milestone, {{"id", ev.milestone}, {"known", list}});
        }
    }
    o.length("note", ev.note);
    o.length("participants", ev.participants);
    if (read(unread, EventField::status) && read(unread, EventField::note) && ev.status == EventStatus::exempt &&
        blank(ev.note))
        o.add("note", ProblemCode::exemption_reason);
}

void check_goal(const Goal& g, std::vector<Problem>& out) {
    Out o{out};
    o.required("id", "id", g.id);
    o.required("title", "title", g.title);
    o.required("area", "area", g.area);
    for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"id", &g.id}, {"title", &g.title},
                                      {"area", &g.area}, {"description", &g.description}, {"metric_name", &g.metric_name},
                                      {"criterion", &g.criterion}})
        o.length(field, *text);
    if (g.deadline) o.date("deadline", *g.deadline);
    if (g.kind == GoalKind::result) {
        if (g.baseline_period) goal_period(o, "baseline_period", *g.baseline_period);
        if (g.baseline_value) finite(o, "baseline_value", *g.baseline_value);
        if (g.target_value) finite(o, "target_value", *g.target_value);
        if (g.target_value && g.target_change) o.add("target_change", ProblemCode::goal_target_both);
        if (g.target_change && !(*g.target_change > -100 && *g.target_change <= 1000))
            o.add("target_change", ProblemCode::goal_change_range, {{"value", *g.target_change}});
        if (g.metric != GoalMetric::recorded) { // sick_leave and dropout: percents of the units' figures
            for (std::size_t i = 0; i < g.units.size(); ++i) {
                o.length(at("units", i), g.units[i]);
                for (std::size_t j = 0; j < i; ++j)
                    if (g.units[i] == g.units[j]) o.add(at("units", i), ProblemCode::goal_unit_twice, {{"unit", g.units[i]}});
            }
            if (g.baseline_value && !(*g.baseline_value >= 0 && *g.baseline_value <= 100))
                o.add("baseline_value", ProblemCode::goal_percent_range, {{"value", *g.baseline_value}});
            if (g.target_value && !(*g.target_value >= 0 && *g.target_value <= 100))
                o.add("target_value", ProblemCode::goal_percent_range, {{"value", *g.target_value}});
        } else {
            o.required("metric_name", "metric_name", g.metric_name);
            for (std::size_t i = 0; i < g.values.size(); ++i) {
                goal_period(o, at("values", i, "period"), g.values[i].period);
                finite(o, at("values", i, "value"), g.values[i].value);
                for (std::size_t j = 0; j < i; ++j)
                    if (g.values[j].period == g.values[i].period)
                        o.add(at("values", i, "period"), ProblemCode::goal_period_twice,
                              {{"period", format_period(g.values[i].period)}});
            }
        }
    } else {
        if (g.criterion_count && *g.criterion_count < 1)
            o.add("criterion_count", ProblemCode::goal_count_min, {{"value", *g.criterion_count}});
        if (g.criterion_date) o.date("criterion_date", *g.criterion_date);
    }
}

void check_activity(const GoalActivity& a, std::vector<Problem>& out) {
    Out o{out};
    o.required("id", "id", a.id);
    o.required("goal", "goal", a.goal);
    o.required("title", "title", a.title);
    for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"id", &a.id}, {"goal", &a.goal},
                                      {"title", &a.title}, {"owner", &a.owner}, {"note", &a.note}})
        o.length(field, *text);
    if (a.planned) o.date("planned", *a.planned);
    if (a.done) o.date("done", *a.done);
}

void check_meeting(const IaMeeting& m, std::vector<Problem>& out) {
    Out o{out};
    o.required("id", "id", m.id);
    o.length("id", m.id);
    o.date("date", m.date);
    o.length("minutes", m.minutes);
    for (std::size_t i = 0; i < m.attendees.size(); ++i) o.length(at("attendees", i, "name"), m.attendees[i].name);
    for (std::size_t i = 0; i < m.decisions.size(); ++i) {
        if (blank(m.decisions[i].text)) o.add(at("decisions", i, "text"), ProblemCode::decision_empty);
        o.length(at("decisions", i, "text"), m.decisions[i].text);
    }
}

void check_half_year(const HalfYearReport& r, std::vector<Problem>& out) {
    Out o{out};
    if (r.year < 1900 || r.year > 2200) o.add("year", ProblemCode::half_year_year, {{"year", r.year}});
    if (r.half != 1 && r.half != 2) o.add("half", ProblemCode::half_year_half, {{"half", r.half}});
    o.length("key_experience", r.key_experience);
    o.length("deviations", r.deviations);
    o.length("successful_activity", r.successful_activity);
    o.length("successful_text", r.successful_text);
    if (r.signed_off) {
        o.required("signed_off/name", "sign_off_name", r.signed_off->name);
        o.length("signed_off/name", r.signed_off->name);
        o.date("signed_off/date", r.signed_off->date);
    }
}

void check_adjustment_option(const AdjustmentOption& opt, std::vector<Problem>& out) {
    Out o{out};
    o.required("id", "id", opt.id);
    o.length("id", opt.id);
    o.required("text", "text", opt.text);
    o.chars("text", opt.text, kPlanTextMax);
}

void check_plan(const Plan& p, std::vector<Problem>& out) {
    Out o{out};
    o.required("id", "id", p.id);
    o.length("id", p.id);
    o.length("employee", p.employee);
    o.date("case_start", p.case_start);
    if (p.versions.empty() && !p.exemption) o.add("versions", ProblemCode::plan_needs_version);
    for (std::size_t k = 0; k < p.versions.size(); ++k) {
        const PlanVersion& v = p.versions[k];
        const std::string vp = at("versions", k) + "/";
        if (v.number != static_cast<int>(k) + 1) o.add(vp + "number", ProblemCode::plan_version_number, {{"n", k + 1}});
        o.date(vp + "created", v.created);
        o.length(vp + "created_by", v.created_by);
        o.length(vp + "origin", v.origin);
        o.length(vp + "manager_name", v.manager_name);
        if (v.agreed_employee) o.date(vp + "agreed_employee", *v.agreed_employee);
        if (v.agreed_manager) o.date(vp + "agreed_manager", *v.agreed_manager);
        for (const PlanTextField& f : plan_text_fields(v.content)) o.chars(vp + "content/" + f.field, *f.text, kPlanTextMax);
        for (std::size_t m = 0; m < v.content.own_measures.size(); ++m) {
            const PlanMeasure& me = v.content.own_measures[m];
            if (me.from) o.date(vp + "content/" + at("own_measures", m, "from"), *me.from);
            if (me.to) o.date(vp + "content/" + at("own_measures", m, "to"), *me.to);
            if (me.from && me.to && *me.to < *me.from)
                o.add(vp + "content/" + at("own_measures", m, "to"), ProblemCode::plan_measure_dates, {{"from", *me.from}});
        }
        for (std::size_t m = 0; m < v.content.help_measures.size(); ++m)
            o.length(vp + "content/" + at("help_measures", m, "measure_id"), v.content.help_measures[m].measure_id);
        for (std::size_t m = 0; m < v.content.adjustment_options.size(); ++m)
            o.length(vp + "content/" + at("adjustment_options", m), v.content.adjustment_options[m]);
        if (v.content.evaluation_date) o.date(vp + "content/evaluation_date", *v.content.evaluation_date);
    }
    for (std::size_t k = 0; k < p.shares.size(); ++k) {
        const PlanShare& s = p.shares[k];
        if (std::none_of(std::begin(kRecipients), std::end(kRecipients), [&](const char* r) { return s.recipient == r; }))
            o.add(at("shares", k, "recipient"), ProblemCode::plan_recipient, {{"value", s.recipient}});
        if (s.version < 1 || s.version > static_cast<int>(p.versions.size()))
            o.add(at("shares", k, "version"), ProblemCode::plan_no_version, {{"n", s.version}});
        o.length(at("shares", k, "channel"), s.channel);
        o.date(at("shares", k, "date"), s.date);
    }
    if (p.exemption) {
        o.required("exemption/reason", "reason", p.exemption->reason);
        o.length("exemption/reason", p.exemption->reason);
        o.length("exemption/by", p.exemption->by);
        o.date("exemption/date", p.exemption->date);
    }
}

void check_change_log_entry(const ChangeLogEntry& e, std::vector<Problem>& out) {
    Out o{out};
    o.length("role", e.role);
    o.length("description", e.description);
    if (e.unix_seconds < 0 || e.unix_seconds > 100000000000LL) o.add("unix_seconds", ProblemCode::seconds_invalid);
}

void prefix_fields(std::vector<Problem>& problems, std::string_view pointer) {
    for (Problem& p : problems) p.field = std::string(pointer) + (p.field.empty() ? "" : "/" + p.field);
}

} // namespace iadesk
