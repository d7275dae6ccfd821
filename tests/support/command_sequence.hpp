// command_sequence: random sequences of edits through every command builder, for the property test
// (tests/unit/test_command_sequences.cpp) and the fuzz target (tests/fuzz/fuzz_commands.cpp).
//
// The property: whatever a user does (any builder, any input: empty, huge, hostile text, dates out of
// range, ids that collide, records that no longer exist; undo and redo in between), every state the
// document reaches saves and loads back equal (load_dataset(save_dataset(d)) saves to the same
// bytes), and undoing everything restores the first state byte for byte.
//
// Choices come from a Source: a seeded generator in the unit test, the fuzzer's bytes in the fuzz
// target (exhausted bytes read as 0, so every input is a valid sequence).
#pragma once

#include "iadesk/commands.hpp"
#include "iadesk/csv_import.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/demo.hpp"
#include "iadesk/document.hpp"
#include "iadesk/goal_commands.hpp"
#include "iadesk/half_year.hpp"
#include "iadesk/plan_commands.hpp"

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::testing {

class Source {
public:
    explicit Source(uint64_t seed) : rng_(seed) {}
    Source(const uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    uint32_t next() {
        if (data_) {
            uint32_t v = 0;
            for (int k = 0; k < 4; ++k) v = (v << 8) | (pos_ < size_ ? data_[pos_++] : 0);
            return v;
        }
        return static_cast<uint32_t>(rng_());
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
    bool chance(unsigned percent) { return below(100) < percent; }
    bool exhausted() const { return data_ && pos_ >= size_; }

    // Mostly ordinary, sometimes empty, blank, huge (over the 10 000-byte limit), hostile or not UTF-8.
    std::string text() {
        switch (below(12)) {
        case 0: return "";
        case 1: return "   ";
        case 2: return std::string(10001 + below(3), 'x');
        case 3: return std::string(2001, 'y');
        case 4: return "##skjult\x1b[31m";
        case 5: return std::string("\xff\xfe", 2);
        case 6: return "F32 diagnose";
        default: {
            static const char* const words[] = {"Kari", "Nordmann", "Kjøkken", "Ålesund", "drift", "Øst", "plan", "møte"};
            return std::string(words[below(8)]) + " " + words[below(8)];
        }
        }
    }
    Date date() {
        if (chance(5)) return Date::from_ymd(1850, 1, 1); // out of the accepted range
        return Date::from_ymd(2024, 1, 1) + static_cast<int>(below(1100));
    }
    std::optional<Date> maybe_date() { return chance(30) ? std::nullopt : std::optional<Date>(date()); }
    template <class T> const T* pick(const std::vector<T>& v) { return v.empty() ? nullptr : &v[below(v.size())]; }

private:
    std::mt19937_64 rng_;
    const uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t pos_ = 0;
};

// One random edit built from the document as it is now (it may be refused: that is fine).
inline CommandResult random_edit(const Dataset& ds, Source& s, Date today) {
    auto id_of = [&](const auto& list, const char* fresh) {
        const auto* x = s.pick(list);
        return x && s.chance(70) ? x->id : std::string(fresh) + std::to_string(s.below(1000));
    };
    const std::string employee = id_of(ds.employees, "E");
    const std::string unit = id_of(ds.units, "U");
    switch (s.below(24)) {
    case 0: {
        Organisation o = ds.organisation;
        o.name = s.text();
        if (s.chance(20)) o.orgnr = "940123454"; // wrong check digit
        return set_organisation(ds, o);
    }
    case 1: return add_unit(ds, {s.chance(50) ? next_unit_id(ds) : unit, s.text()});
    case 2: return rename_unit(ds, unit, s.text());
    case 3: return remove_unit(ds, unit);
    case 4: {
        Employee e{s.chance(80) ? next_employee_id(ds) : employee, s.text(), unit, {{s.date(), s.maybe_date(), 10.0 * static_cast<double>(s.below(12))}},
                   s.chance(50) ? std::optional<int>(1940 + static_cast<int>(s.below(300))) : std::nullopt};
        return add_employee(ds, e);
    }
    case 5: {
        const Employee* e = s.pick(ds.employees);
        if (!e) return refused("", ProblemCode::record_gone);
        Employee changed = *e;
        if (s.chance(50)) changed.name = s.text();
        else changed.unit = unit;
        return update_employee(ds, e->id, changed);
    }
    case 6: return remove_employee(ds, employee);
    case 7: return add_employment(ds, employee, {s.date(), s.maybe_date(), 50});
    case 8: return update_employment(ds, employee, s.below(3), {s.date(), s.maybe_date(), static_cast<double>(s.below(150))});
    case 9: return remove_employment(ds, employee, s.below(3));
    case 10: {
        const bool egen = s.chance(30);
        return add_absence(ds, {employee, egen ? AbsenceKind::egenmelding : AbsenceKind::sykmelding, s.date(), s.maybe_date(),
                                static_cast<int>(s.below(130))});
    }
    case 11: {
        Absence a{employee, AbsenceKind::sykmelding, s.date(), s.maybe_date(), 20 + static_cast<int>(s.below(81))};
        return update_absence(ds, s.below(ds.absences.size() + 1), a);
    }
    case 12: return remove_absence(ds, s.below(ds.absences.size() + 1));
    case 13: {
        static const char* const milestones[] = {"oppfolgingsplan", "dialogmote1", "dialogmote2", "kaffe"};
        const bool exempt = s.chance(30);
        const Date start = s.date();
        return add_milestone_event(ds, {employee, start, milestones[s.below(4)], exempt ? EventStatus::exempt : EventStatus::done,
                                        start + static_cast<int>(s.below(60)) - 5, exempt && s.chance(70) ? s.text() : "", s.text()},
                                   today);
    }
    case 14: {
        if (s.chance(50) || ds.milestone_events.empty()) return remove_milestone_event(ds, s.below(ds.milestone_events.size() + 1));
        const std::size_t at = s.below(ds.milestone_events.size() + 1);
        MilestoneEvent ev = at < ds.milestone_events.size() ? ds.milestone_events[at] : MilestoneEvent{};
        ev.date = ev.date + static_cast<int>(s.below(20)) - 10;
        ev.participants = s.text();
        ev.note = s.text();
        return update_milestone_event(ds, at, ev, today);
    }
    case 15: {
        Goal g;
        g.id = s.chance(80) ? next_goal_id(ds) : id_of(ds.goals, "G");
        g.title = s.text();
        g.area = s.chance(80) ? "ia2025.sykefravær" : "";
        g.description = s.text();
        g.units = {unit};
        if (s.chance(50)) g.target_change = -static_cast<double>(s.below(120));
        return s.chance(70) || ds.goals.empty() ? add_goal(ds, g) : update_goal(ds, ds.goals[s.below(ds.goals.size())].id, g);
    }
    case 16: return remove_goal(ds, id_of(ds.goals, "G"));
    case 17: {
        GoalActivity a{next_activity_id(ds), id_of(ds.goals, "G"), s.text(), s.text(), s.maybe_date(), ActivityStatus::planlagt, {}, s.text()};
        return add_activity(ds, a);
    }
    case 18: return s.chance(50) ? remove_activity(ds, id_of(ds.goal_activities, "A"))
                                 : set_activity_status(ds, id_of(ds.goal_activities, "A"), ActivityStatus::fullfort, today);
    case 19: {
        IaMeeting m{next_meeting_id(ds), s.date(), {{MeetingRole::leder, s.text()}}, s.text(), {{s.text(), {id_of(ds.goals, "G")}}}};
        return s.chance(70) ? add_meeting(ds, m) : remove_meeting(ds, id_of(ds.ia_meetings, "M"));
    }
    case 20: {
        const Absence* a = s.pick(ds.absences);
        const std::string who = a ? a->employee : employee;
        const Date start = a ? a->from : s.date();
        switch (s.below(4)) {
        case 0: return new_plan_version(ds, who, start, s.chance(50) ? "" : "previous", s.text(), today);
        case 1: return exempt_plan(ds, who, start, s.text(), s.text(), today);
        case 2: return add_adjustment_option(ds, s.text());
        default: {
            const Plan* p = s.pick(ds.plans);
            if (!p) return refused("", ProblemCode::record_gone);
            PlanContent c;
            c.typical_workday = s.text();
            c.work_ability = s.text();
            c.tasks.push_back({s.text(), TaskFeasibility::can, s.text()});
            if (s.chance(50)) return edit_plan_draft(ds, p->id, c, today);
            return mark_plan_agreed(ds, p->id, today, today, s.text(), today);
        }
        }
    }
    case 21: {
        HalfYearReport r;
        r.year = 2025 + static_cast<int>(s.below(3));
        r.half = 1 + static_cast<int>(s.below(3));
        r.key_experience = s.text();
        r.successful_activity = s.chance(50) ? id_of(ds.goal_activities, "A") : "";
        if (s.chance(70)) return set_half_year_texts(ds, Role::hr(), r);
        return sign_off_half_year(ds, Role::tillitsvalgt(), r.year, r.half, s.text(), today);
    }
    case 22: {
        std::string csv = "id;navn;enhet;stillingsprosent;fra\n";
        const std::size_t rows = 1 + s.below(3);
        for (std::size_t i = 0; i < rows; ++i)
            csv += "N" + std::to_string(s.below(50)) + ";" + s.text() + ";" + (s.chance(50) ? unit : s.text()) + ";" +
                   std::to_string(s.below(120)) + ";" + format_norwegian(s.date()) + "\n";
        EmployeeImport im = import_employees_csv(ds, csv);
        if (!im.ok()) return refused(im.errors.empty() ? "" : im.errors[0].column, ProblemCode::record_gone);
        return accepted(std::move(*im.command));
    }
    default: {
        std::string csv = "ansatt;type;fra;til;grad\n";
        csv += employee + ";" + (s.chance(50) ? "sykmelding" : "egenmelding") + ";" + format_norwegian(s.date()) + ";;" +
               std::to_string(s.below(120)) + "\n";
        AbsenceImport im = import_absences_csv(ds, csv);
        if (!im.ok()) return refused(im.errors.empty() ? "" : im.errors[0].column, ProblemCode::record_gone);
        return accepted(std::move(*im.command));
    }
    }
}

struct SequenceStats {
    std::size_t applied = 0; // edits accepted by their builder and applied
    std::size_t refused = 0; // edits refused by their builder
};

// Runs `steps` random edits, undos and redos on a small demo organisation of `employees` and checks
// the property after each (or, with `every_step` false, only for the state the sequence ends in: the
// fuzzer, which tries every prefix of an input as an input of its own, reaches the states in between
// that way at a fraction of the cost). Returns "" when it holds, else what broke (with the step).
inline std::string run_command_sequence(Source& s, std::size_t steps, SequenceStats* stats = nullptr,
                                        int employees = 12, bool every_step = true) {
    const Date today = Date::from_ymd(2026, 11, 24);
    Document doc;
    doc.reset(make_demo_dataset(today, employees));
    const std::string first = save_dataset(doc.data);
    uint64_t checked_revision = doc.revision;
    for (std::size_t step = 0; step < steps && !s.exhausted(); ++step) {
        const std::string where = "step " + std::to_string(step) + ": ";
        const unsigned action = static_cast<unsigned>(s.below(10));
        if (action == 0) doc.undo();
        else if (action == 1) doc.redo();
        else {
            CommandResult r = random_edit(doc.data, s, today);
            if (r.ok() != r.problems.empty()) return where + "a builder gave both or neither of a command and problems";
            for (const Problem& p : r.problems)
                if (p.message_nb.empty() || p.message_en.empty()) return where + "a problem without both texts";
            if (stats) ++(r.ok() ? stats->applied : stats->refused);
            if (r.ok()) {
                std::vector<Problem> refused = doc.apply(std::move(*r.command));
                // A builder's command passes its own checks: Document::apply refusing it means the
                // builder let something through that the loader refuses.
                if (!refused.empty()) return where + "Document::apply refused a built command: " + refused[0].field + " " + refused[0].message_en;
                if (s.chance(20)) doc.end_merge();
            }
        }
        // A step that changed nothing (a refused edit, an undo with nothing to undo) leaves the state
        // that was checked last.
        const bool last = step + 1 == steps || s.exhausted();
        if (doc.revision == checked_revision || (!every_step && !last)) continue;
        checked_revision = doc.revision;
        const std::string saved = save_dataset(doc.data);
        DatasetLoad back = load_dataset(saved);
        if (!back.ok())
            return where + "the saved document does not load: " + back.problems[0].pointer + " " + back.problems[0].message_en;
        if (save_dataset(*back.dataset) != saved) return where + "the document loads back different";
    }
    while (doc.can_undo()) doc.undo();
    // The change log records the undos; everything else must be as it was.
    doc.data.change_log.clear();
    DatasetLoad first_back = load_dataset(first);
    if (!first_back.ok()) return "the first state does not load";
    first_back.dataset->change_log.clear();
    if (save_dataset(doc.data) != save_dataset(*first_back.dataset)) return "undoing everything does not restore the first state";
    return "";
}

} // namespace iadesk::testing
