// Innstillinger: the organisation's name, number and units (settings_units.cpp), its egenmelding rule (the law's, or its own agreement
// with the tillitsvalgte: settings_egenmelding.cpp), the data, the look and language, the change log.
#pragma once

#include "app/theme.hpp"
#include "app/view_context.hpp"
#include "app/views/data_view.hpp"

#include <functional>
#include <string>
#include <vector>

namespace iadesk::app {

// The egenmelding rule as typed (model.hpp EgenmeldingRule); numbers and the date as text until saved.
struct EgenmeldingForm {
    int kind = 0;                 // 0: the law's rule, 1: the organisation's own agreement
    std::string days_at_a_time, times_per_12_months, days_per_12_months, agreed_from;
    std::vector<iadesk::Problem> problems; // why the last save was refused ("egenmelding/..." fields)
    bool edited = false;          // typed in since the last save: the document does not overwrite it
    uint64_t synced_revision = UINT64_MAX;
};

// Innstillinger → Enheter (settings_units.cpp): the new unit's name, and the one open action on a
// unit ("rename", "merge", "close") with what was typed for it.
struct UnitsForm {
    std::string new_name;
    std::string action;           // empty: none open
    std::string unit;             // the unit the action is on
    std::string text;             // the new name
    std::string target;           // the unit to merge into
    std::string date;             // dd.mm.yyyy as typed: the day of a merge or a closing
    std::vector<iadesk::Problem> problems;
};

struct SettingsView {
    std::string name_buffer;     // edit buffer of the organisation name
    std::vector<iadesk::Problem> name_problems; // why the last edit of the name was refused
    uint64_t synced_revision = UINT64_MAX;

    DataView data;
    bool select_data_tab = false;  // a file arrived, or the route "#/data": show the Data tab (kept until it shows)
    bool select_org_tab = false;   // the route "#/innstillinger": show the first tab (kept until it shows)
    bool data_tab_shown = false;   // the Data tab was the one drawn in the last frame (the route "#/data")
    bool select_log_tab = false;   // the "change log" action: show the Endringslogg tab
    int pending_font_size = 0;
    EgenmeldingForm egenmelding;
    UnitsForm units;
    std::string orgnr_buffer;    // edit buffer of the organisation number
    std::vector<iadesk::Problem> orgnr_problems;
    std::string email_buffer;    // edit buffer of the follow-up's e-mail address
    std::vector<iadesk::Problem> email_problems;
    std::string naeringskode_buffer; // edit buffer of the næringskode (NN.NNN)
    std::vector<iadesk::Problem> naeringskode_problems;
    bool select_units_tab = false; // "Opprett en enhet" elsewhere: show the Enheter tab

    // Queues commands; may switch `language` and change `theme` (kind, font size).
    void draw(ViewContext& ctx, Language& language, Theme& theme, const std::function<void(FilePurpose)>& pick);

private:
    void draw_organisation(ViewContext& ctx);
    void draw_egenmelding(ViewContext& ctx);
    void draw_classification(ViewContext& ctx); // næringskode, sector, bransjeprogram (settings_classification.cpp)
    void draw_units(ViewContext& ctx);
    void draw_unit_action(ViewContext& ctx, const Unit& u);
    void save_egenmelding(ViewContext& ctx);
    void draw_look(Language& language, Theme& theme);
};

} // namespace iadesk::app
