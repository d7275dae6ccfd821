// Innstillinger: the organisation's name and number, language.
#pragma once

#include "app/i18n.hpp"
#include "iadesk/document.hpp"

#include <string>
#include <vector>

namespace iadesk::app {

struct Theme;

struct SettingsView {
    std::string name_buffer;     // edit buffer of the organisation name
    uint64_t synced_revision = UINT64_MAX;

    // Queues commands into `out`; may switch `language`.
    void draw(const Document& doc, const Theme& theme, Language& language, std::vector<Command>& out);
};

} // namespace iadesk::app
