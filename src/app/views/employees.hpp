// Ansatte: the employee register — a list with search, unit filter and sort that stays fluent at
// 50 000 rows (table + clipper), the employee editor (name, unit and moves between units with their
// history, employment periods with
// position percent, birth year, and for HR the birth date) and the employee's absence with
// registration of new absence (egenmelding or sykmelding, grade, open end; employee_absences.cpp).
// Every edit is a checked command (commands.hpp): problems are shown next to the field and in a
// summary, and nothing is changed until they are fixed. An egenmelding outside the rule (the law's
// or the organisation's, sick_pay.hpp check_egenmelding) is registered all the same, with a warning.
#pragma once

#include "app/view_context.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/sick_pay.hpp"

#include <optional>

#include <string>
#include <vector>

namespace iadesk::app {

struct EmploymentRow {
    std::string from, to, percent;
    int end_reason = -1;        // EndReason as an index (model.hpp), -1 = not given; shown when "Til" is filled
};

struct EmployeeForm {
    bool is_new = false;
    std::string id;
    std::string name;
    std::string unit;
    std::string birth_year;
    std::string birth_date;     // dd.mm.yyyy as typed; only HR sees and edits it
    std::string national_id;    // fødselsnummer as typed; only HR sees and edits it
    std::vector<EmploymentRow> employment;
    std::vector<Problem> problems;
};

// "Flytt til annen enhet" for one employee: the target unit and the first day there, as typed.
struct UnitMoveForm {
    std::string employee;       // whose move is open; empty = closed
    std::string unit;
    std::string date;
    std::vector<Problem> problems;
};

struct AbsenceForm {
    bool open = false;          // the form is shown
    int kind = 1;               // 0 egenmelding, 1 sykmelding
    std::string from, to, grade = "100";
    bool open_end = false;
    std::vector<Problem> problems;
    // The egenmelding rule's check of the dates as typed, redone when they or the document change.
    std::string checked_dates;
    uint64_t checked_revision = UINT64_MAX;
    std::optional<EgenmeldingCheck> rule_check;
};

struct EmployeesView {
    std::string search;
    int unit_filter = -1;
    bool only_sick = false;
    std::vector<int> order;            // indices into the visible employees
    uint64_t order_revision = UINT64_MAX;
    bool order_dirty = true;
    int sort_column = 0;
    bool sort_ascending = true;
    std::string selected;              // employee id shown in the editor
    EmployeeForm form;
    AbsenceForm absence;
    UnitMoveForm move;
    bool confirm_remove = false;

    void draw(ViewContext& ctx);
    void start_new(const ViewContext& ctx);
    // Shows employee `id` in the editor (the route "#/ansatte/<id>"); false when the role sees no
    // such employee.
    bool open(const ViewContext& ctx, const std::string& id);

private:
    void rebuild_order(const ViewContext& ctx);
    void draw_list(ViewContext& ctx);
    void draw_cards(ViewContext& ctx); // the list on a narrow screen (employee_cards.cpp)
    void draw_editor(ViewContext& ctx);
    void draw_unit_and_moves(ViewContext& ctx, const Employee& e, bool editable);
    void draw_end_reason(EmploymentRow& r, bool editable);
    void draw_absences(ViewContext& ctx, const Employee& e);
    void draw_absence_form(ViewContext& ctx, const Employee& e);
    void load_form(const ViewContext& ctx, const Employee& e);
    void save_form(ViewContext& ctx);
    void save_absence(ViewContext& ctx, const Employee& e);
    void draw_egenmelding_warning(const ViewContext& ctx, const Employee& e);
};

} // namespace iadesk::app
