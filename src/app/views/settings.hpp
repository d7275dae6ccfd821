// Innstillinger: the organisation's name and number, language.
#pragma once

#include "app/theme.hpp"
#include "app/view_context.hpp"
#include "app/views/data_view.hpp"

#include <functional>
#include <string>
#include <vector>

namespace iadesk::app {

struct SettingsView {
    std::string name_buffer;     // edit buffer of the organisation name
    std::vector<iadesk::Problem> name_problems; // why the last edit of the name was refused
    uint64_t synced_revision = UINT64_MAX;

    DataView data;
    bool select_data_tab = false;  // a file arrived: show the Data tab
    bool select_log_tab = false;   // the "change log" action: show the Endringslogg tab
    int pending_font_size = 0;

    // Queues commands; may switch `language` and change `theme` (kind, font size).
    void draw(ViewContext& ctx, Language& language, Theme& theme, const std::function<void(FilePurpose)>& pick);

private:
    void draw_organisation(ViewContext& ctx);
    void draw_look(Language& language, Theme& theme);
};

} // namespace iadesk::app
