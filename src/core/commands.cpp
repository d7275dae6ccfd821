// commands: checked edits (include/iadesk/commands.hpp). The checks and their wording follow
// dataset_check.cpp so that a command never produces a dataset that validate_dataset rejects.
#include "iadesk/commands.hpp"

#include "iadesk/rules.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdio>
#include <memory>
#include <unordered_set>
#include <utility>

namespace iadesk {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }
std::string q_nb(std::string_view s) { return "«" + std::string(s) + "»"; }
std::string q_en(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string num_text(double v) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.15g", v);
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

std::string period_text_nb(Date from, std::optional<Date> to) {
    return format_norwegian(from) + "–" + (to ? format_norwegian(*to) : std::string("(åpen)"));
}
std::string period_text_en(Date from, std::optional<Date> to) {
    return format_iso(from) + " to " + (to ? format_iso(*to) : std::string("(open)"));
}

void add(std::vector<Problem>& out, std::string field, std::string nb, std::string en) {
    out.push_back({std::move(field), std::move(nb), std::move(en)});
}

void check_date_range(std::vector<Problem>& out, const std::string& field, Date d) {
    int y = d.year();
    if (y >= 1900 && y <= 2200) return;
    add(out, field, "Datoen må ligge i årene 1900–2200 (år " + std::to_string(y) + ")",
        "The date must lie in the years 1900-2200 (year " + std::to_string(y) + ")");
}

void check_order(std::vector<Problem>& out, const std::string& field, Date from, std::optional<Date> to) {
    if (!to || *to >= from) return;
    add(out, field, "Sluttdato " + format_norwegian(*to) + " er før startdato " + format_norwegian(from),
        "End date " + format_iso(*to) + " is before start date " + format_iso(from));
}

std::optional<std::size_t> find_employee(const Dataset& ds, std::string_view id) {
    for (std::size_t i = 0; i < ds.employees.size(); ++i)
        if (ds.employees[i].id == id) return i;
    return std::nullopt;
}

std::optional<std::size_t> find_unit(const Dataset& ds, std::string_view id) {
    for (std::size_t i = 0; i < ds.units.size(); ++i)
        if (ds.units[i].id == id) return i;
    return std::nullopt;
}

CommandResult unknown_employee(std::string_view id, const char* field = "employee") {
    return refused(field, "Ukjent ansatt " + q_nb(id), "Unknown employee " + q_en(id));
}

// Puts `items` (position in the final vector, value; positions ascending) back into `v`
// in one pass: the inverse of removing them. O(n + k).
template <class T>
void reinsert(std::vector<T>& v, const std::vector<std::pair<std::size_t, T>>& items) {
    if (items.empty()) return;
    std::vector<T> out;
    out.reserve(v.size() + items.size());
    std::size_t src = 0, k = 0;
    while (out.size() < v.size() + items.size()) {
        if (k < items.size() && items[k].first == out.size()) out.push_back(items[k++].second);
        else if (src < v.size()) out.push_back(std::move(v[src++]));
        else out.push_back(items[k++].second); // positions past the end: append in order
    }
    v = std::move(out);
}

// Problems of an employee's own fields (not the id's uniqueness).
std::vector<Problem> check_employee_fields(const Dataset& ds, Employee& e) {
    std::vector<Problem> out;
    if (blank(e.id)) add(out, "id", "ID-en kan ikke være tom", "The id must not be empty");
    if (blank(e.name)) add(out, "name", "Navnet kan ikke være tomt", "The name must not be empty");
    if (!find_unit(ds, e.unit))
        add(out, "unit", "Ukjent enhet " + q_nb(e.unit) + " (velg en enhet som finnes)",
            "Unknown unit " + q_en(e.unit) + " (choose an existing unit)");
    if (e.birth_year && (*e.birth_year < 1900 || *e.birth_year > 2200))
        add(out, "birth_year", "Fødselsåret må ligge i 1900–2200 (var " + std::to_string(*e.birth_year) + ")",
            "The birth year must lie in 1900-2200 (was " + std::to_string(*e.birth_year) + ")");
    if (e.employment.empty()) {
        add(out, "employment", "Den ansatte må ha minst ett arbeidsforhold",
            "The employee needs at least one employment period");
        return out;
    }
    std::stable_sort(e.employment.begin(), e.employment.end(),
                     [](const Employment& a, const Employment& b) { return a.from < b.from; });
    bool values_ok = true;
    for (std::size_t j = 0; j < e.employment.size(); ++j) {
        auto p = check_employment_values(e.employment[j], "employment/" + std::to_string(j) + "/");
        values_ok = values_ok && p.empty();
        out.insert(out.end(), p.begin(), p.end());
    }
    if (values_ok) {
        auto p = check_employment_overlap(e.employment);
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

// Replace the employee at `index` by `now` (apply) and back (undo).
Command replace_employee(const Dataset& ds, std::size_t index, Employee now, std::string description,
                         std::string merge_key) {
    Command c;
    c.description = std::move(description);
    c.merge_key = std::move(merge_key);
    c.apply = [index, now = std::move(now)](Dataset& d) { if (index < d.employees.size()) d.employees[index] = now; };
    c.undo = [index, old = ds.employees[index]](Dataset& d) { if (index < d.employees.size()) d.employees[index] = old; };
    return c;
}

const std::unordered_set<std::string>& known_milestones() {
    static const std::unordered_set<std::string> ids = [] {
        std::unordered_set<std::string> s;
        for (const RuleSet& rs : builtin_rule_sets())
            for (const MilestoneRule& m : rs.milestones) s.insert(m.id);
        return s;
    }();
    return ids;
}


} // namespace

std::string next_prefixed_id(const std::vector<std::string_view>& ids, const std::string& prefix) {
    long long best = 0;
    std::size_t width = 1;
    for (std::string_view id : ids) {
        if (id.size() <= prefix.size() || id.substr(0, prefix.size()) != prefix) continue;
        std::string_view digits = id.substr(prefix.size());
        if (digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
        long long v = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), v);
        best = std::max(best, v);
        width = std::max(width, digits.size());
    }
    std::string n = std::to_string(best + 1);
    if (n.size() < width) n.insert(0, width - n.size(), '0');
    return prefix + n;
}

// --- Shared checks ---------------------------------------------------------------------------

std::vector<Problem> check_employment_values(const Employment& m, const std::string& prefix) {
    std::vector<Problem> out;
    check_date_range(out, prefix + "from", m.from);
    if (m.to) check_date_range(out, prefix + "to", *m.to);
    check_order(out, prefix + "to", m.from, m.to);
    if (!(m.percent > 0 && m.percent <= 100))
        add(out, prefix + "percent",
            "Stillingsprosenten må være over 0 og høyst 100 (var " + num_text(m.percent) + ")",
            "The position percent must be above 0 and at most 100 (was " + num_text(m.percent) + ")");
    return out;
}

std::vector<Problem> check_employment_overlap(const std::vector<Employment>& v) {
    std::vector<Problem> out;
    // In order of `from`, each period must start after the latest end so far (as dataset_check).
    std::size_t latest = 0;
    for (std::size_t j = 1; j < v.size(); ++j) {
        const Employment& l = v[latest];
        if (!l.to || *l.to >= v[j].from)
            add(out, "employment/" + std::to_string(j),
                "Arbeidsforholdet " + period_text_nb(v[j].from, v[j].to) + " overlapper med " +
                    period_text_nb(l.from, l.to),
                "The employment period " + period_text_en(v[j].from, v[j].to) + " overlaps " +
                    period_text_en(l.from, l.to));
        if (!v[j].to || (v[latest].to && *v[j].to > *v[latest].to)) latest = j;
    }
    return out;
}

std::vector<Problem> check_absence_values(const Absence& a) {
    std::vector<Problem> out;
    check_date_range(out, "from", a.from);
    if (a.to) check_date_range(out, "to", *a.to);
    check_order(out, "to", a.from, a.to);
    if (a.grade < 20 || a.grade > 100)
        add(out, "grade", "Grad må være mellom 20 og 100 (var " + std::to_string(a.grade) + ")",
            "Grade must be between 20 and 100 (was " + std::to_string(a.grade) + ")");
    else if (a.kind == AbsenceKind::egenmelding && a.grade != 100)
        add(out, "grade", "Egenmelding har alltid grad 100 (var " + std::to_string(a.grade) + ")",
            "An egenmelding always has grade 100 (was " + std::to_string(a.grade) + ")");
    return out;
}

// --- Organisation ----------------------------------------------------------------------------

CommandResult set_organisation(const Dataset& ds, Organisation org) {
    std::vector<Problem> p;
    if (blank(org.name)) add(p, "name", "Navnet kan ikke være tomt", "The name must not be empty");
    if (!is_valid_orgnr(org.orgnr))
        add(p, "orgnr",
            "Ugyldig organisasjonsnummer " + q_nb(org.orgnr) + " (9 siffer der det siste er kontrollsiffer etter modulus 11)",
            "Invalid organisation number " + q_en(org.orgnr) + " (9 digits, the last a modulus-11 check digit)");
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Endret organisasjonen";
    c.merge_key = "organisation";
    c.affects_cases = false; // nothing in cases or milestones reads the organisation
    c.apply = [org = std::move(org)](Dataset& d) { d.organisation = org; };
    c.undo = [old = ds.organisation](Dataset& d) { d.organisation = old; };
    return accepted(std::move(c));
}

// --- Units -----------------------------------------------------------------------------------

CommandResult add_unit(const Dataset& ds, Unit unit) {
    std::vector<Problem> p;
    if (blank(unit.id)) add(p, "id", "ID-en kan ikke være tom", "The id must not be empty");
    else if (find_unit(ds, unit.id))
        add(p, "id", "Enhets-ID-en " + q_nb(unit.id) + " er allerede brukt", "Unit id " + q_en(unit.id) + " is already used");
    if (blank(unit.name)) add(p, "name", "Navnet kan ikke være tomt", "The name must not be empty");
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "La til enhet " + unit.name;
    c.apply = [unit = std::move(unit)](Dataset& d) { d.units.push_back(unit); };
    c.undo = [](Dataset& d) { if (!d.units.empty()) d.units.pop_back(); };
    return accepted(std::move(c));
}

CommandResult rename_unit(const Dataset& ds, std::string_view unit_id, std::string new_name) {
    auto i = find_unit(ds, unit_id);
    if (!i) return refused("id", "Ukjent enhet " + q_nb(unit_id), "Unknown unit " + q_en(unit_id));
    if (blank(new_name)) return refused("name", "Navnet kan ikke være tomt", "The name must not be empty");
    Command c;
    c.description = "Endret navn på enhet " + ds.units[*i].name + " til " + new_name;
    c.merge_key = "unit:" + std::string(unit_id);
    std::size_t at = *i;
    c.apply = [at, new_name](Dataset& d) { if (at < d.units.size()) d.units[at].name = new_name; };
    c.undo = [at, old = ds.units[at].name](Dataset& d) { if (at < d.units.size()) d.units[at].name = old; };
    return accepted(std::move(c));
}

CommandResult remove_unit(const Dataset& ds, std::string_view unit_id) {
    auto i = find_unit(ds, unit_id);
    if (!i) return refused("id", "Ukjent enhet " + q_nb(unit_id), "Unknown unit " + q_en(unit_id));
    std::size_t members = 0;
    for (const Employee& e : ds.employees) members += e.unit == unit_id;
    if (members > 0)
        return refused("id",
                    "Enheten " + ds.units[*i].name + " har " + std::to_string(members) +
                        (members == 1 ? " ansatt" : " ansatte") + "; flytt dem til en annen enhet først",
                    "The unit " + ds.units[*i].name + " has " + std::to_string(members) +
                        (members == 1 ? " employee" : " employees") + "; move them to another unit first");
    std::size_t at = *i;
    Command c;
    c.description = "Slettet enhet " + ds.units[at].name;
    c.apply = [at](Dataset& d) { if (at < d.units.size()) d.units.erase(d.units.begin() + static_cast<std::ptrdiff_t>(at)); };
    c.undo = [at, old = ds.units[at]](Dataset& d) {
        d.units.insert(d.units.begin() + static_cast<std::ptrdiff_t>(std::min(at, d.units.size())), old);
    };
    return accepted(std::move(c));
}

// --- Employees -------------------------------------------------------------------------------

CommandResult add_employee(const Dataset& ds, Employee e) {
    std::vector<Problem> p = check_employee_fields(ds, e);
    if (!blank(e.id) && find_employee(ds, e.id))
        add(p, "id", "Ansatt-ID-en " + q_nb(e.id) + " er allerede brukt", "Employee id " + q_en(e.id) + " is already used");
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "La til ansatt " + e.name;
    c.apply = [e = std::move(e)](Dataset& d) { d.employees.push_back(e); };
    c.undo = [](Dataset& d) { if (!d.employees.empty()) d.employees.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_employee(const Dataset& ds, std::string_view id, Employee e) {
    auto i = find_employee(ds, id);
    if (!i) return unknown_employee(id, "id");
    std::vector<Problem> p = check_employee_fields(ds, e);
    if (e.id != id)
        add(p, "id", "ID-en til en ansatt kan ikke endres (var " + q_nb(id) + ")",
            "An employee's id cannot change (was " + q_en(id) + ")");
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "Endret ansatt " + e.name;
    return accepted(replace_employee(ds, *i, std::move(e), std::move(desc), "employee:" + std::string(id)));
}

EmployeeDependents employee_dependents(const Dataset& ds, std::string_view id) {
    EmployeeDependents r;
    for (const Absence& a : ds.absences) r.absences += a.employee == id;
    for (const MilestoneEvent& ev : ds.milestone_events) r.milestone_events += ev.employee == id;
    return r;
}

CommandResult remove_employee(const Dataset& ds, std::string_view id) {
    auto i = find_employee(ds, id);
    if (!i) return unknown_employee(id, "id");
    struct Removed {
        std::size_t index;
        Employee employee;
        std::vector<std::pair<std::size_t, Absence>> absences;
        std::vector<std::pair<std::size_t, MilestoneEvent>> events;
        std::vector<std::pair<std::size_t, Plan>> plans; // follow-up plans (issue 4) go with the employee
    };
    auto r = std::make_shared<Removed>();
    r->index = *i;
    r->employee = ds.employees[*i];
    for (std::size_t k = 0; k < ds.absences.size(); ++k)
        if (ds.absences[k].employee == id) r->absences.emplace_back(k, ds.absences[k]);
    for (std::size_t k = 0; k < ds.milestone_events.size(); ++k)
        if (ds.milestone_events[k].employee == id) r->events.emplace_back(k, ds.milestone_events[k]);
    for (std::size_t k = 0; k < ds.plans.size(); ++k)
        if (ds.plans[k].employee == id) r->plans.emplace_back(k, ds.plans[k]);

    Command c;
    c.description = "Slettet ansatt " + r->employee.name;
    if (!r->absences.empty() || !r->events.empty()) {
        c.description += " med " + std::to_string(r->absences.size()) +
                         (r->absences.size() == 1 ? " fraværsperiode" : " fraværsperioder") + " og " +
                         std::to_string(r->events.size()) +
                         (r->events.size() == 1 ? " milepælmarkering" : " milepælmarkeringer");
    }
    c.apply = [r](Dataset& d) {
        const std::string& eid = r->employee.id;
        if (r->index < d.employees.size()) d.employees.erase(d.employees.begin() + static_cast<std::ptrdiff_t>(r->index));
        std::erase_if(d.absences, [&](const Absence& a) { return a.employee == eid; });
        std::erase_if(d.milestone_events, [&](const MilestoneEvent& ev) { return ev.employee == eid; });
        std::erase_if(d.plans, [&](const Plan& p) { return p.employee == eid; });
    };
    c.undo = [r](Dataset& d) {
        d.employees.insert(d.employees.begin() + static_cast<std::ptrdiff_t>(std::min(r->index, d.employees.size())),
                           r->employee);
        reinsert(d.absences, r->absences);
        reinsert(d.milestone_events, r->events);
        reinsert(d.plans, r->plans);
    };
    return accepted(std::move(c));
}

CommandResult add_employment(const Dataset& ds, std::string_view employee_id, Employment period) {
    auto i = find_employee(ds, employee_id);
    if (!i) return unknown_employee(employee_id);
    Employee e = ds.employees[*i];
    e.employment.push_back(period);
    std::vector<Problem> p = check_employee_fields(ds, e);
    if (!p.empty()) return refused(std::move(p));
    return accepted(replace_employee(ds, *i, std::move(e), "La til arbeidsforhold for " + ds.employees[*i].name, {}));
}

CommandResult update_employment(const Dataset& ds, std::string_view employee_id, std::size_t index,
                                Employment period) {
    auto i = find_employee(ds, employee_id);
    if (!i) return unknown_employee(employee_id);
    Employee e = ds.employees[*i];
    if (index >= e.employment.size())
        return refused("employment", "Arbeidsforhold nr. " + std::to_string(index + 1) + " finnes ikke",
                    "Employment period no. " + std::to_string(index + 1) + " does not exist");
    e.employment[index] = period;
    std::vector<Problem> p = check_employee_fields(ds, e);
    if (!p.empty()) return refused(std::move(p));
    return accepted(replace_employee(ds, *i, std::move(e), "Endret arbeidsforhold for " + ds.employees[*i].name,
                                 "employment:" + std::string(employee_id) + ":" + std::to_string(index)));
}

CommandResult remove_employment(const Dataset& ds, std::string_view employee_id, std::size_t index) {
    auto i = find_employee(ds, employee_id);
    if (!i) return unknown_employee(employee_id);
    Employee e = ds.employees[*i];
    if (index >= e.employment.size())
        return refused("employment", "Arbeidsforhold nr. " + std::to_string(index + 1) + " finnes ikke",
                    "Employment period no. " + std::to_string(index + 1) + " does not exist");
    if (e.employment.size() == 1)
        return refused("employment", "Den ansatte må ha minst ett arbeidsforhold; slett heller den ansatte",
                    "The employee needs at least one employment period; remove the employee instead");
    e.employment.erase(e.employment.begin() + static_cast<std::ptrdiff_t>(index));
    return accepted(replace_employee(ds, *i, std::move(e), "Slettet arbeidsforhold for " + ds.employees[*i].name, {}));
}

// --- Absence ---------------------------------------------------------------------------------

namespace {

// Checks of an absence against the dataset; `self` is the index being replaced (not an overlap).
std::vector<Problem> check_absence(const Dataset& ds, const Absence& a, std::optional<std::size_t> self,
                                   const Employee** who) {
    std::vector<Problem> p;
    auto ei = find_employee(ds, a.employee);
    if (!ei) add(p, "employee", "Ukjent ansatt " + q_nb(a.employee), "Unknown employee " + q_en(a.employee));
    else *who = &ds.employees[*ei];
    std::vector<Problem> v = check_absence_values(a);
    p.insert(p.end(), v.begin(), v.end());
    if (!p.empty()) return p;
    const Date kOpen = Date{INT32_MAX};
    const Date a_to = a.to.value_or(kOpen);
    for (std::size_t k = 0; k < ds.absences.size(); ++k) {
        const Absence& b = ds.absences[k];
        if (self && *self == k) continue;
        if (b.employee != a.employee) continue;
        if (a.from <= b.to.value_or(kOpen) && b.from <= a_to) {
            add(p, "from",
                "Fraværet overlapper med et annet fravær for samme ansatt (" + period_text_nb(b.from, b.to) + ")",
                "The absence overlaps another absence of the same employee (" + period_text_en(b.from, b.to) + ")");
            break;
        }
    }
    return p;
}

std::string absence_text(const Absence& a) {
    std::string s = a.kind == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding";
    if (a.kind == AbsenceKind::sykmelding && a.grade != 100) s += " " + std::to_string(a.grade) + " %";
    return s + " " + period_text_nb(a.from, a.to);
}

} // namespace

CommandResult add_absence(const Dataset& ds, Absence a) {
    const Employee* who = nullptr;
    std::vector<Problem> p = check_absence(ds, a, std::nullopt, &who);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Registrerte " + absence_text(a) + " for " + who->name;
    c.apply = [a = std::move(a)](Dataset& d) { d.absences.push_back(a); };
    c.undo = [](Dataset& d) { if (!d.absences.empty()) d.absences.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_absence(const Dataset& ds, std::size_t index, Absence a) {
    if (index >= ds.absences.size())
        return refused("", "Fraværet finnes ikke (lenger)", "The absence does not exist (any more)");
    const Employee* who = nullptr;
    std::vector<Problem> p = check_absence(ds, a, index, &who);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Endret fravær for " + who->name + " til " + absence_text(a);
    c.merge_key = "absence:" + std::to_string(index);
    c.apply = [index, a = std::move(a)](Dataset& d) { if (index < d.absences.size()) d.absences[index] = a; };
    c.undo = [index, old = ds.absences[index]](Dataset& d) { if (index < d.absences.size()) d.absences[index] = old; };
    return accepted(std::move(c));
}

CommandResult remove_absence(const Dataset& ds, std::size_t index) {
    if (index >= ds.absences.size())
        return refused("", "Fraværet finnes ikke (lenger)", "The absence does not exist (any more)");
    const Absence& a = ds.absences[index];
    auto ei = find_employee(ds, a.employee);
    Command c;
    c.description = "Slettet " + absence_text(a) + (ei ? " for " + ds.employees[*ei].name : std::string());
    c.apply = [index](Dataset& d) {
        if (index < d.absences.size()) d.absences.erase(d.absences.begin() + static_cast<std::ptrdiff_t>(index));
    };
    c.undo = [index, a](Dataset& d) {
        d.absences.insert(d.absences.begin() + static_cast<std::ptrdiff_t>(std::min(index, d.absences.size())), a);
    };
    return accepted(std::move(c));
}

// --- Milestone events --------------------------------------------------------------------------

CommandResult add_milestone_event(const Dataset& ds, MilestoneEvent ev) {
    std::vector<Problem> p;
    if (!find_employee(ds, ev.employee))
        add(p, "employee", "Ukjent ansatt " + q_nb(ev.employee), "Unknown employee " + q_en(ev.employee));
    check_date_range(p, "case_start", ev.case_start);
    check_date_range(p, "date", ev.date);
    if (ev.date < ev.case_start)
        add(p, "date", "Datoen " + format_norwegian(ev.date) + " er før tilfellets start " + format_norwegian(ev.case_start),
            "The date " + format_iso(ev.date) + " is before the case start " + format_iso(ev.case_start));
    if (!known_milestones().count(ev.milestone))
        add(p, "milestone", "Ukjent milepæl " + q_nb(ev.milestone), "Unknown milestone " + q_en(ev.milestone));
    if (ev.status == EventStatus::exempt && blank(ev.note))
        add(p, "note", "Unntak krever en begrunnelse, f.eks. «åpenbart unødvendig» (aml. § 4-6)",
            "An exemption needs a reason, e.g. \"åpenbart unødvendig\" (aml § 4-6)");
    if (!p.empty()) return refused(std::move(p));
    return accepted(record_milestone_event(ds, std::move(ev)));
}

// --- Ids -------------------------------------------------------------------------------------

std::string next_employee_id(const Dataset& ds) {
    std::vector<std::string_view> ids;
    ids.reserve(ds.employees.size());
    for (const Employee& e : ds.employees) ids.push_back(e.id);
    return next_prefixed_id(ids, "E");
}

std::string next_unit_id(const Dataset& ds) {
    std::vector<std::string_view> ids;
    for (const Unit& u : ds.units) ids.push_back(u.id);
    return next_prefixed_id(ids, "U");
}

// --- Results ---------------------------------------------------------------------------------

CommandResult refused(std::vector<Problem> problems) {
    CommandResult r;
    r.problems = std::move(problems);
    return r;
}

CommandResult refused(std::string field, std::string nb, std::string en) {
    return refused(std::vector<Problem>{{std::move(field), std::move(nb), std::move(en)}});
}

CommandResult accepted(Command c) {
    CommandResult r;
    r.command = std::move(c);
    return r;
}

} // namespace iadesk
