// unit_commands: units and moves between them (include/iadesk/commands.hpp, "Units"). A move keeps
// the history in Employee::earlier_units, so that the statistics of earlier periods still count each
// day in the unit of that day (stats.cpp); a closed unit keeps its history and takes nobody new.
#include "iadesk/commands.hpp"

#include "commands_internal.hpp"

#include <algorithm>

namespace iadesk {

using namespace detail_cmd;

namespace {

// The employee moved to `to` from `date` on: the current unit becomes an earlier unit up to the
// day before. Problems when the date is not after the last recorded move or the target is the same.
std::vector<Problem> moved(Employee& e, const Unit& to, Date date) {
    std::vector<Problem> p;
    if (e.unit == to.id) {
        p.push_back(make_problem("unit", ProblemCode::unit_same, {{"name", to.name}}));
        return p;
    }
    if (!e.earlier_units.empty() && !(e.earlier_units.back().until < date - 1)) {
        p.push_back(make_problem("date", ProblemCode::move_date, {{"date", date}, {"earliest", e.earlier_units.back().until + 1}}));
        return p;
    }
    e.earlier_units.push_back({e.unit, date - 1});
    e.unit = to.id;
    return p;
}

} // namespace

// --- Units -----------------------------------------------------------------------------------

CommandResult add_unit(const Dataset& ds, Unit unit) {
    std::vector<Problem> p;
    check_unit(unit, p);
    check_unit_refs(unit, std::nullopt, Lookup(ds), p);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "La til enhet " + unit.name;
    c.touched = touching(&Touched::units, ds.units.size());
    c.apply = [unit = std::move(unit)](Dataset& d) { d.units.push_back(unit); };
    c.undo = [](Dataset& d) { if (!d.units.empty()) d.units.pop_back(); };
    return accepted(std::move(c));
}

CommandResult rename_unit(const Dataset& ds, std::string_view unit_id, std::string new_name) {
    auto i = find_unit(ds, unit_id);
    if (!i) return refused("id", ProblemCode::unknown_unit, {{"id", unit_id}});
    Unit renamed = ds.units[*i];
    renamed.name = new_name;
    std::vector<Problem> p;
    check_unit(renamed, p);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Endret navn på enhet " + ds.units[*i].name + " til " + new_name;
    c.merge_key = "unit:" + std::string(unit_id);
    std::size_t at = *i;
    c.touched = touching(&Touched::units, at);
    c.apply = [at, new_name](Dataset& d) { if (at < d.units.size()) d.units[at].name = new_name; };
    c.undo = [at, old = ds.units[at].name](Dataset& d) { if (at < d.units.size()) d.units[at].name = old; };
    return accepted(std::move(c));
}

CommandResult remove_unit(const Dataset& ds, std::string_view unit_id) {
    auto i = find_unit(ds, unit_id);
    if (!i) return refused("id", ProblemCode::unknown_unit, {{"id", unit_id}});
    std::size_t members = 0, history = 0;
    for (const Employee& e : ds.employees) {
        members += e.unit == unit_id;
        history += std::any_of(e.earlier_units.begin(), e.earlier_units.end(),
                               [&](const EarlierUnit& u) { return u.unit == unit_id; });
    }
    if (members > 0) return refused("id", ProblemCode::unit_not_empty, {{"name", ds.units[*i].name}, {"n", members}});
    if (history > 0) return refused("id", ProblemCode::unit_has_history, {{"name", ds.units[*i].name}, {"n", history}});
    std::size_t at = *i;
    Command c;
    c.description = "Slettet enhet " + ds.units[at].name;
    c.touched = Touched::none();
    c.touched.removed_units.push_back(std::string(unit_id));
    c.apply = [at](Dataset& d) { if (at < d.units.size()) d.units.erase(d.units.begin() + static_cast<std::ptrdiff_t>(at)); };
    c.undo = [at, old = ds.units[at]](Dataset& d) {
        d.units.insert(d.units.begin() + static_cast<std::ptrdiff_t>(std::min(at, d.units.size())), old);
    };
    return accepted(std::move(c));
}

CommandResult close_unit(const Dataset& ds, std::string_view unit_id, Date date) {
    auto i = find_unit(ds, unit_id);
    if (!i) return refused("id", ProblemCode::unknown_unit, {{"id", unit_id}});
    const Unit& old = ds.units[*i];
    std::size_t members = 0;
    for (const Employee& e : ds.employees) members += e.unit == unit_id;
    if (members > 0) return refused("id", ProblemCode::unit_not_empty, {{"name", old.name}, {"n", members}});
    Unit closed = old;
    closed.closed = date;
    std::vector<Problem> p;
    check_unit(closed, p);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "La ned enhet " + old.name + " fra " + format_norwegian(date);
    c.touched = touching(&Touched::units, *i);
    const std::size_t at = *i;
    c.apply = [at, closed](Dataset& d) { if (at < d.units.size()) d.units[at] = closed; };
    c.undo = [at, old](Dataset& d) { if (at < d.units.size()) d.units[at] = old; };
    return accepted(std::move(c));
}

CommandResult reopen_unit(const Dataset& ds, std::string_view unit_id) {
    auto i = find_unit(ds, unit_id);
    if (!i) return refused("id", ProblemCode::unknown_unit, {{"id", unit_id}});
    const Unit& old = ds.units[*i];
    Unit open = old;
    open.closed.reset();
    Command c;
    c.description = "Tok enhet " + old.name + " i bruk igjen";
    c.touched = touching(&Touched::units, *i);
    const std::size_t at = *i;
    c.apply = [at, open](Dataset& d) { if (at < d.units.size()) d.units[at] = open; };
    c.undo = [at, old](Dataset& d) { if (at < d.units.size()) d.units[at] = old; };
    return accepted(std::move(c));
}

CommandResult move_employee(const Dataset& ds, std::string_view employee_id, std::string_view unit_id, Date date) {
    auto e = find_employee(ds, employee_id);
    if (!e) return unknown_employee(employee_id, "id");
    auto u = find_unit(ds, unit_id);
    if (!u) return refused("unit", ProblemCode::unknown_unit, {{"id", unit_id}});
    Employee next = ds.employees[*e];
    if (std::vector<Problem> p = moved(next, ds.units[*u], date); !p.empty()) return refused(std::move(p));
    std::vector<Problem> p = check_candidate(ds, next, *e);
    if (!p.empty()) return refused(std::move(p));
    std::string desc = "Flyttet " + next.name + " til " + ds.units[*u].name + " fra " + format_norwegian(date);
    return accepted(replace_employee(ds, *e, std::move(next), std::move(desc), ""));
}

CommandResult merge_units(const Dataset& ds, std::string_view from_id, std::string_view into_id, Date date) {
    auto from = find_unit(ds, from_id);
    if (!from) return refused("id", ProblemCode::unknown_unit, {{"id", from_id}});
    auto into = find_unit(ds, into_id);
    if (!into) return refused("unit", ProblemCode::unknown_unit, {{"id", into_id}});
    const Unit& target = ds.units[*into];
    if (*from == *into) return refused("unit", ProblemCode::unit_same, {{"name", target.name}});
    if (target.closed)
        return refused("unit", ProblemCode::unit_closed, {{"name", target.name}, {"date", *target.closed}});
    // Every member moves on `date`; each move is checked as move_employee would.
    std::vector<std::pair<std::size_t, Employee>> changed;
    std::vector<Problem> p;
    for (std::size_t k = 0; k < ds.employees.size(); ++k) {
        if (ds.employees[k].unit != from_id) continue;
        Employee next = ds.employees[k];
        for (Problem& q : moved(next, target, date)) {
            q.field = "employees/" + std::to_string(k) + "/" + q.field;
            p.push_back(std::move(q));
        }
        changed.emplace_back(k, std::move(next));
    }
    Unit closed = ds.units[*from];
    closed.closed = date;
    check_unit(closed, p);
    if (!p.empty()) return refused(std::move(p));
    Command c;
    c.description = "Slo sammen " + ds.units[*from].name + " med " + target.name + " fra " + format_norwegian(date) +
                    " (" + std::to_string(changed.size()) + (changed.size() == 1 ? " ansatt" : " ansatte") + " flyttet)";
    c.touched = touching(&Touched::units, *from);
    std::vector<std::pair<std::size_t, Employee>> before;
    for (const auto& [k, e] : changed) {
        c.touched.employees.push_back(k);
        before.emplace_back(k, ds.employees[k]);
    }
    const std::size_t at = *from;
    c.apply = [at, closed, changed](Dataset& d) {
        if (at < d.units.size()) d.units[at] = closed;
        for (const auto& [k, e] : changed) if (k < d.employees.size()) d.employees[k] = e;
    };
    c.undo = [at, old = ds.units[*from], before](Dataset& d) {
        if (at < d.units.size()) d.units[at] = old;
        for (const auto& [k, e] : before) if (k < d.employees.size()) d.employees[k] = e;
    };
    return accepted(std::move(c));
}

} // namespace iadesk
