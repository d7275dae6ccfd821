#include "app/views/settings.hpp"

#include "app/views/change_log_view.hpp"

#include "app/theme.hpp"
#include "app/test_probe.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

namespace iadesk::app {

void SettingsView::draw_organisation(ViewContext& ctx) {
    const Document& doc = ctx.doc;
    ImGui::Spacing();
    // The edit buffer follows the document unless the user is typing in it.
    if (synced_revision != doc.revision && !ImGui::IsAnyItemActive()) {
        name_buffer = doc.data.organisation.name;
        orgnr_buffer = doc.data.organisation.orgnr;
        orgnr_problems.clear();
        email_buffer = doc.data.organisation.email;
        email_problems.clear();
        naeringskode_buffer = doc.data.organisation.naeringskode;
        naeringskode_problems.clear();
        synced_revision = doc.revision;
    }
    const bool editable = ctx.can_edit(EditArea::organisation);
    const bool english = ctx.language == Language::en;
    // One field of the organisation: each keystroke that gives a valid organisation is one merged
    // edit; until then the field's problem shows under it and the document keeps the last valid text.
    const auto field = [&](const char* label, const char* id, std::string& buffer, float width, std::string Organisation::*member,
                           std::vector<Problem>& problems, const char* json_name, const char* help) {
        if (ui::input_text(tr(label), id, buffer, width, !editable)) {
            Organisation org = doc.data.organisation;
            org.*member = buffer;
            CommandResult r = set_organisation(doc.data, std::move(org));
            problems = std::move(r.problems);
            if (r.ok()) {
                ctx.commands.push_back(std::move(*r.command));
                synced_revision = doc.revision + 1;
            }
        }
        ui::field_problem(problems, json_name, english);
        ui::muted_line(tr(help));
    };
    field("settings.org_name", "org-name", name_buffer, 24, &Organisation::name, name_problems, "name", "settings.org_name_help");
    // The organisation number is taken when it passes the mod-11 check.
    field("settings.orgnr", "org-orgnr", orgnr_buffer, 9, &Organisation::orgnr, orgnr_problems, "orgnr", "settings.orgnr_help");
    // The follow-up's e-mail address (the calendar files' organiser): taken when it looks right or is empty.
    field("settings.email", "org-email", email_buffer, 20, &Organisation::email, email_problems, "email", "settings.email_help");
    // The næringskode (taken when it is NN.NNN or empty), its standard, the sector and the
    // bransjeprogram: what the comparison with the bransje needs (settings_classification.cpp).
    field("settings.naeringskode", "org-naeringskode", naeringskode_buffer, 7, &Organisation::naeringskode,
          naeringskode_problems, "naeringskode", "settings.naeringskode_help");
    draw_classification(ctx);
    draw_egenmelding(ctx);
}

void SettingsView::draw_look(Language& language, Theme& theme) {
    ImGui::Spacing();
    ui::text(tr("settings.theme"));
    int kind = static_cast<int>(theme.kind);
    bool changed = ImGui::RadioButton(tr("settings.theme_light"), &kind, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr("settings.theme_dark"), &kind, 1);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr("settings.theme_contrast"), &kind, 2);
    if (changed) {
        theme.kind = static_cast<ThemeKind>(kind);
        theme.dirty = true;
    }
    ImGui::Spacing();
    ui::text(tr("settings.font_size"));
    int size = static_cast<int>(theme.base_size);
    ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
    // Applied when the slider is released: rebuilding the fonts while dragging would jump.
    if (ImGui::SliderInt("##font-size", &size, 12, 28, "%d px")) pending_font_size = size;
    if (ImGui::IsItemDeactivatedAfterEdit() && pending_font_size > 0) {
        theme.base_size = static_cast<float>(pending_font_size);
        theme.dirty = true;
        pending_font_size = 0;
    }
    ImGui::Spacing();
    ui::text(tr("settings.language"));
    if (ImGui::RadioButton("Norsk bokmål", language == Language::nb)) language = Language::nb;
    ImGui::SameLine();
    if (ImGui::RadioButton("English", language == Language::en)) language = Language::en;
}

namespace {

// A tab that browser tests can find by its label.
bool tab(const char* label, ImGuiTabItemFlags flags = 0) {
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    probe::note_text(label);
    return open;
}

} // namespace

void SettingsView::draw(ViewContext& ctx, Language& language, Theme& theme, const std::function<void(FilePurpose)>& pick) {
    ui::heading(ctx.theme.fonts.heading, tr("settings.title"));
    if (!ImGui::BeginTabBar("settings-tabs")) return;
    if (tab(tr("settings.tab_org"), select_org_tab ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_organisation(ctx);
        ImGui::EndTabItem();
        select_org_tab = false;
    }
    if (tab(tr("settings.tab_units"), select_units_tab ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_units(ctx);
        ImGui::EndTabItem();
    }
    select_units_tab = false;
    data_tab_shown = false;
    if (tab(tr("settings.tab_data"), select_data_tab ? ImGuiTabItemFlags_SetSelected : 0)) {
        data.draw(ctx, pick);
        ImGui::EndTabItem();
        data_tab_shown = true;
        select_data_tab = false;
    }
    if (tab(tr("settings.tab_look"))) {
        draw_look(language, theme);
        ImGui::EndTabItem();
    }
    if (tab(tr("settings.tab_log"), select_log_tab ? ImGuiTabItemFlags_SetSelected : 0)) {
        draw_change_log(ctx);
        ImGui::EndTabItem();
    }
    select_log_tab = false;
    ImGui::EndTabBar();
}

} // namespace iadesk::app
