#include "app/views/settings.hpp"

#include "app/theme.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace iadesk::app {

void SettingsView::draw(ViewContext& ctx, Language& language) {
    const Document& doc = ctx.doc;
    ui::heading(ctx.theme.fonts.heading, tr("settings.title"));
    ImGui::Spacing();
    // The edit buffer follows the document unless the user is typing in it.
    if (synced_revision != doc.revision && !ImGui::IsAnyItemActive()) {
        name_buffer = doc.data.organisation.name;
        synced_revision = doc.revision;
    }
    if (ui::input_text(tr("settings.org_name"), "org-name", name_buffer, 24.0f, ctx.read_only)) {
        ctx.commands.push_back(set_organisation_name(doc.data, name_buffer));
        synced_revision = doc.revision + 1;
    }
    ImGui::TextDisabled("%s", tr("settings.org_name_help"));
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("settings.language"));
    if (ImGui::RadioButton("Norsk bokmål", language == Language::nb)) language = Language::nb;
    ImGui::SameLine();
    if (ImGui::RadioButton("English", language == Language::en)) language = Language::en;
}

} // namespace iadesk::app
