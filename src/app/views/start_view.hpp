// start_view: the first day. While the register is the demo, the top bar says so next to the
// organisation's name ("Fjordvik kommune (demo)") with the button "Start med egen virksomhet" (it
// takes no room from the pages); the same dialog is reached later from Innstillinger → Data
// ("Start på nytt…"), with the choice of the demo again.
//
// Contract
// - The dialog asks for the organisation's name, its organisation number (mod 11, checked while
//   typing) and its units (one per line, at least one). "Opprett" replaces the whole register by
//   that organisation as ONE undoable command (commands.hpp replace_dataset; the change log is
//   kept), so Ctrl+Z brings the demo or the earlier register back.
// - "Prøv med eksempeldata" is reported to the App (requested_demo), which builds the demo with its
//   own options and replaces the register the same way.
// - Problems are shown under the field they concern, in the user's language; nothing is replaced
//   until every field is fine.
#pragma once

#include "app/view_context.hpp"

#include <string>
#include <vector>

namespace iadesk::app {

// Whether the register is the demo organisation (its name says so: demo.hpp).
bool is_demo(const Dataset& ds);

struct StartView {
    bool open_requested = false;   // open the dialog at the next frame (banner, Innstillinger → Data)
    bool requested_demo = false;   // the user chose the demo: the App replaces the register
    std::string name, orgnr, units;
    std::vector<Problem> problems;

    // In the top bar, after the organisation's name: the button, only while the register is the
    // demo and the role may replace it; true when drawn.
    bool draw_demo_button(const Dataset& ds, bool may_edit);
    void draw_dialog(ViewContext& ctx);  // the modal, once opened

private:
    void create(ViewContext& ctx);
};

} // namespace iadesk::app
