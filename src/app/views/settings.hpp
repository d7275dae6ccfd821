// Innstillinger: the organisation's name and number, language.
#pragma once

#include "app/view_context.hpp"

#include <string>
#include <vector>

namespace iadesk::app {

struct SettingsView {
    std::string name_buffer;     // edit buffer of the organisation name
    uint64_t synced_revision = UINT64_MAX;

    // Queues commands; may switch `language`.
    void draw(ViewContext& ctx, Language& language);
};

} // namespace iadesk::app
