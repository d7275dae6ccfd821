// commands: checked edits (include/iadesk/commands.hpp). Every builder checks its candidate record
// with the loader's checks (checks.hpp) and names what it touches, so that Document::apply can check
// it again after applying.
#include "iadesk/commands.hpp"

#include "commands_internal.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <memory>
#include <utility>

namespace iadesk {

namespace detail_cmd {

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

CommandResult unknown_employee(std::string_view id, const char* field) {
    return refused(field, ProblemCode::unknown_employee, {{"id", id}});
}

Touched touching(std::vector<std::size_t> Touched::*list, std::size_t index) {
    Touched t = Touched::none();
    (t.*list).push_back(index);
    return t;
}

// The loader's checks of an employee as it would be stored at `self` (nullopt: a new one). The
// employment list is sorted by `from` first (stable), as it is kept.
std::vector<Problem> check_candidate(const Dataset& ds, Employee& e, std::optional<std::size_t> self) {
    std::stable_sort(e.employment.begin(), e.employment.end(),
                     [](const Employment& a, const Employment& b) { return a.from < b.from; });
    std::vector<Problem> out;
    check_employee(e, out);
    check_employee_refs(e, self, Lookup(ds), out);
    // Nobody joins a closed unit (one who is in it already may still be edited).
    if (auto u = find_unit(ds, e.unit); u && ds.units[*u].closed && (!self || ds.employees[*self].unit != e.unit))
        out.push_back(make_problem("unit", ProblemCode::unit_closed, {{"name", ds.units[*u].name}, {"date", *ds.units[*u].closed}}));
    return out;
}

// Replace the employee at `index` by `now` (apply) and back (undo).
Command replace_employee(const Dataset& ds, std::size_t index, Employee now, std::string description,
                         std::string merge_key) {
    Command c;
    c.description = std::move(description);
    c.merge_key = std::move(merge_key);
    c.touched = touching(&Touched::employees, index);
    c.apply = [index, now = std::move(now)](Dataset& d) { if (index < d.employees.size()) d.employees[index] = now; };
    c.undo = [index, old = ds.employees[index]](Dataset& d) { if (index < d.employees.size()) d.employees[index] = old; };
    return c;
}

} // namespace detail_cmd

using namespace detail_cmd;

namespace {

std::string period_text_nb(Date from, std::optional<Date> to) {
    return format_norwegian(from) + "–" + (to ? format_norwegian(*to) : std::string("(åpen)"));
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

// --- Organisation ----------------------------------------------------------------------------

CommandResult set_organisation(const Dataset& ds, Organisation org) {
    std::vector<Problem> p;
    check_organisation(org, p);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    // The log names the field when only the name or only the number changed.
    const Organisation& old = ds.organisation;
    const bool same_rest = org.ia_agreement == old.ia_agreement && org.own_bht == old.own_bht &&
                           org.egenmelding == old.egenmelding;
    if (same_rest && org.orgnr == old.orgnr && org.name != old.name) c.description = "Endret organisasjonsnavn";
    else if (same_rest && org.name == old.name && org.orgnr != old.orgnr) c.description = "Endret organisasjonsnummer";
    else c.description = "Endret organisasjonen";
    c.merge_key = "organisation";
    c.affects_cases = false; // nothing in cases or milestones reads the organisation
    c.touched = Touched::none();
    c.touched.organisation = true;
    c.apply = [org = std::move(org)](Dataset& d) { d.organisation = org; };
    c.undo = [old = ds.organisation](Dataset& d) { d.organisation = old; };
    return accepted(std::move(c));
}

// --- The whole register ---------------------------------------------------------------------

CommandResult replace_dataset(const Dataset& current, Dataset next, std::string description) {
    next.change_log.clear(); // a file's log is never taken over (see commands.hpp)
    std::vector<Problem> p = check_touched(next, Touched{});
    if (!p.empty()) return refused(std::move(p));
    Dataset previous = current;
    previous.change_log.clear(); // not needed: apply and undo keep the log that is there
    auto keep_log = [](Dataset& d, const Dataset& with) {
        std::vector<ChangeLogEntry> log = std::move(d.change_log);
        d = with;
        d.change_log = std::move(log);
    };
    Command c;
    c.description = std::move(description);
    c.apply = [next = std::move(next), keep_log](Dataset& d) { keep_log(d, next); };
    c.undo = [previous = std::move(previous), keep_log](Dataset& d) { keep_log(d, previous); };
    return accepted(std::move(c)); // touched: everything (the default)
}

// --- Employees -------------------------------------------------------------------------------

CommandResult add_employee(const Dataset& ds, Employee e) {
    std::vector<Problem> p = check_candidate(ds, e, std::nullopt);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "La til ansatt " + e.name;
    c.touched = touching(&Touched::employees, ds.employees.size());
    c.apply = [e = std::move(e)](Dataset& d) { d.employees.push_back(e); };
    c.undo = [](Dataset& d) { if (!d.employees.empty()) d.employees.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_employee(const Dataset& ds, std::string_view id, Employee e) {
    auto i = find_employee(ds, id);
    if (!i) return unknown_employee(id, "id");
    if (e.id != id) return refused("id", ProblemCode::id_fixed, {{"id", id}});
    std::vector<Problem> p = check_candidate(ds, e, *i);
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
        std::vector<std::pair<std::size_t, Plan>> plans; // follow-up plans go with the employee
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
    c.touched = Touched::none();
    c.touched.removed_employees.push_back(std::string(id));
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
    std::vector<Problem> p = check_candidate(ds, e, *i);
    if (!p.empty()) return refused(std::move(p));
    return accepted(replace_employee(ds, *i, std::move(e), "La til arbeidsforhold for " + ds.employees[*i].name, {}));
}

CommandResult update_employment(const Dataset& ds, std::string_view employee_id, std::size_t index,
                                Employment period) {
    auto i = find_employee(ds, employee_id);
    if (!i) return unknown_employee(employee_id);
    Employee e = ds.employees[*i];
    if (index >= e.employment.size()) return refused("employment", ProblemCode::employment_missing, {{"n", index + 1}});
    e.employment[index] = period;
    std::vector<Problem> p = check_candidate(ds, e, *i);
    if (!p.empty()) return refused(std::move(p));
    return accepted(replace_employee(ds, *i, std::move(e), "Endret arbeidsforhold for " + ds.employees[*i].name,
                                     "employment:" + std::string(employee_id) + ":" + std::to_string(index)));
}

CommandResult remove_employment(const Dataset& ds, std::string_view employee_id, std::size_t index) {
    auto i = find_employee(ds, employee_id);
    if (!i) return unknown_employee(employee_id);
    Employee e = ds.employees[*i];
    if (index >= e.employment.size()) return refused("employment", ProblemCode::employment_missing, {{"n", index + 1}});
    if (e.employment.size() == 1) return refused("employment", ProblemCode::employment_last);
    e.employment.erase(e.employment.begin() + static_cast<std::ptrdiff_t>(index));
    return accepted(replace_employee(ds, *i, std::move(e), "Slettet arbeidsforhold for " + ds.employees[*i].name, {}));
}

// --- Absence ---------------------------------------------------------------------------------

std::vector<Problem> check_absence_overlap(const Dataset& ds, const Absence& a, std::optional<std::size_t> self) {
    std::vector<Problem> p;
    const Date kOpen = Date{INT32_MAX};
    const Date a_to = a.to.value_or(kOpen);
    for (std::size_t k = 0; k < ds.absences.size(); ++k) {
        const Absence& b = ds.absences[k];
        if ((self && *self == k) || b.employee != a.employee) continue;
        if (a.from <= b.to.value_or(kOpen) && b.from <= a_to) {
            p.push_back(make_problem("from", ProblemCode::absence_overlap, {ProblemArg::period("period", b.from, b.to)}));
            break;
        }
    }
    return p;
}

std::vector<Problem> check_absence_in_employment(const Employee& e, const Absence& a) {
    if (e.employment.empty()) return {};
    const Employment* nearest = &e.employment.front(); // sorted by start (the loader sorts them)
    for (const Employment& p : e.employment) {
        if (p.from <= a.from && (!p.to || a.from <= *p.to)) return {};
        if (p.from <= a.from) nearest = &p; // the last one that began before: it ended before
    }
    return {make_problem("from", ProblemCode::absence_outside_employment,
                         {{"date", a.from}, ProblemArg::period("period", nearest->from, nearest->to)})};
}

namespace {

// The loader's checks of the absence, then (when those pass) the edit's own: within the
// employment, no overlap.
std::vector<Problem> check_absence_edit(const Dataset& ds, const Absence& a, std::optional<std::size_t> self) {
    std::vector<Problem> p;
    check_absence(a, p);
    check_absence_refs(a, Lookup(ds), p);
    if (p.empty())
        if (auto i = find_employee(ds, a.employee)) p = check_absence_in_employment(ds.employees[*i], a);
    if (p.empty()) p = check_absence_overlap(ds, a, self);
    return p;
}

std::string absence_text(const Absence& a) {
    std::string s = a.kind == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding";
    if (a.kind == AbsenceKind::sykmelding && a.grade != 100) s += " " + std::to_string(a.grade) + " %";
    return s + " " + period_text_nb(a.from, a.to);
}

std::string employee_name(const Dataset& ds, std::string_view id) {
    auto i = find_employee(ds, id);
    return i ? ds.employees[*i].name : std::string(id);
}

} // namespace

CommandResult add_absence(const Dataset& ds, Absence a) {
    std::vector<Problem> p = check_absence_edit(ds, a, std::nullopt);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Registrerte " + absence_text(a) + " for " + employee_name(ds, a.employee);
    c.touched = touching(&Touched::absences, ds.absences.size());
    c.apply = [a = std::move(a)](Dataset& d) { d.absences.push_back(a); };
    c.undo = [](Dataset& d) { if (!d.absences.empty()) d.absences.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_absence(const Dataset& ds, std::size_t index, Absence a) {
    if (index >= ds.absences.size()) return refused("", ProblemCode::record_gone);
    std::vector<Problem> p = check_absence_edit(ds, a, index);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Endret fravær for " + employee_name(ds, a.employee) + " til " + absence_text(a);
    c.merge_key = "absence:" + std::to_string(index);
    c.touched = touching(&Touched::absences, index);
    c.apply = [index, a = std::move(a)](Dataset& d) { if (index < d.absences.size()) d.absences[index] = a; };
    c.undo = [index, old = ds.absences[index]](Dataset& d) { if (index < d.absences.size()) d.absences[index] = old; };
    return accepted(std::move(c));
}

CommandResult remove_absence(const Dataset& ds, std::size_t index) {
    if (index >= ds.absences.size()) return refused("", ProblemCode::record_gone);
    const Absence& a = ds.absences[index];
    Command c;
    c.description = "Slettet " + absence_text(a) + " for " + employee_name(ds, a.employee);
    c.touched = Touched::none(); // nothing refers to an absence
    c.apply = [index](Dataset& d) {
        if (index < d.absences.size()) d.absences.erase(d.absences.begin() + static_cast<std::ptrdiff_t>(index));
    };
    c.undo = [index, a](Dataset& d) {
        d.absences.insert(d.absences.begin() + static_cast<std::ptrdiff_t>(std::min(index, d.absences.size())), a);
    };
    return accepted(std::move(c));
}

// --- Milestone events --------------------------------------------------------------------------

namespace {

// The loader's checks of an event, then the edit's own: not dated after today.
std::vector<Problem> check_event_edit(const Dataset& ds, const MilestoneEvent& ev, Date today) {
    std::vector<Problem> p;
    check_milestone_event(ev, p);
    check_milestone_event_refs(ev, Lookup(ds), p);
    if (today < ev.date) p.push_back(make_problem("date", ProblemCode::event_date_in_future, {{"date", ev.date}, {"today", today}}));
    return p;
}

} // namespace

CommandResult add_milestone_event(const Dataset& ds, MilestoneEvent ev, Date today) {
    std::vector<Problem> p = check_event_edit(ds, ev, today);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = ev.status == EventStatus::done ? "Markerte milepæl som utført" : "Markerte milepæl som unntatt";
    c.touched = touching(&Touched::milestone_events, ds.milestone_events.size());
    c.apply = [ev = std::move(ev)](Dataset& d) { d.milestone_events.push_back(ev); };
    c.undo = [](Dataset& d) { if (!d.milestone_events.empty()) d.milestone_events.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_milestone_event(const Dataset& ds, std::size_t index, MilestoneEvent ev, Date today) {
    if (index >= ds.milestone_events.size()) return refused("", ProblemCode::record_gone);
    const MilestoneEvent& old = ds.milestone_events[index];
    if (ev.employee != old.employee) return refused("employee", ProblemCode::id_fixed, {{"id", old.employee}});
    if (ev.case_start != old.case_start) return refused("case_start", ProblemCode::id_fixed, {{"id", format_norwegian(old.case_start)}});
    if (ev.milestone != old.milestone) return refused("milestone", ProblemCode::id_fixed, {{"id", old.milestone}});
    std::vector<Problem> p = check_event_edit(ds, ev, today);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = std::string(ev.status == EventStatus::done ? "Endret utført milepæl" : "Endret unntatt milepæl") +
                    " for " + employee_name(ds, ev.employee) + " (" + format_norwegian(ev.date) + ")";
    c.touched = touching(&Touched::milestone_events, index);
    c.apply = [index, ev = std::move(ev)](Dataset& d) { if (index < d.milestone_events.size()) d.milestone_events[index] = ev; };
    c.undo = [index, old](Dataset& d) { if (index < d.milestone_events.size()) d.milestone_events[index] = old; };
    return accepted(std::move(c));
}

CommandResult remove_milestone_event(const Dataset& ds, std::size_t index) {
    if (index >= ds.milestone_events.size()) return refused("", ProblemCode::record_gone);
    Command c;
    c.description = "Fjernet markering av milepæl";
    c.touched = Touched::none(); // nothing refers to an event
    c.apply = [index](Dataset& d) {
        if (index < d.milestone_events.size()) d.milestone_events.erase(d.milestone_events.begin() + static_cast<std::ptrdiff_t>(index));
    };
    c.undo = [index, removed = ds.milestone_events[index]](Dataset& d) {
        d.milestone_events.insert(d.milestone_events.begin() + static_cast<std::ptrdiff_t>(std::min(index, d.milestone_events.size())),
                                  removed);
    };
    return accepted(std::move(c));
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

CommandResult refused(std::string field, ProblemCode code, std::initializer_list<ProblemArg> args) {
    return refused(std::vector<Problem>{make_problem(std::move(field), code, args)});
}

CommandResult accepted(Command c) {
    CommandResult r;
    r.command = std::move(c);
    return r;
}

} // namespace iadesk
