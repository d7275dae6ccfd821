#include "app/widgets.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"

#include "app/i18n.hpp"
#include "iadesk/calendar.hpp"

#include <imgui.h>

#include <cstdio>

namespace iadesk::app::ui {
namespace {

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

} // namespace

void heading(ImFont* font, const char* text) {
    if (font) ImGui::PushFont(font);
    ImGui::TextUnformatted(text);
    if (font) ImGui::PopFont();
    probe::note_text(text);
}

void text(const char* t) {
    ImGui::TextUnformatted(t);
    probe::note_text(t);
}

void label_text(const char* text) {
    ImGui::TextWrapped("%s", text);
    probe::note_text(text);
}

bool input_text(const char* label, const char* id, std::string& value, float width_em, bool read_only) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(width_em * ImGui::GetFontSize());
    std::string hidden_id = std::string("##") + id; // the label is drawn above the field
    bool changed = ImGui::InputText(hidden_id.c_str(), value.data(), value.capacity() + 1,
                                    ImGuiInputTextFlags_CallbackResize | (read_only ? ImGuiInputTextFlags_ReadOnly : 0),
                                    resize_callback, &value);
    probe::note_value(value, label);
    return changed;
}

} // namespace iadesk::app::ui

namespace iadesk::app::ui {

void status_tag(iadesk::MilestoneStatus status) {
    const StatusLook look = status_look(status);
    const std::string text = std::string(look.icon) + " " + tr(look.word_key);
    ImGui::PushStyleColor(ImGuiCol_Text, look.colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    probe::note_text(tr(look.word_key));
}

} // namespace iadesk::app::ui

namespace iadesk::app::ui {

std::optional<iadesk::Date> date_input(const char* label, const char* id, std::string& text, bool read_only) {
    input_text(label, id, text, 8.0f, read_only);
    if (text.empty()) return std::nullopt;
    std::optional<iadesk::Date> d = iadesk::parse_date(text);
    if (!d) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1));
        ImGui::TextUnformatted(tr("form.bad_date"));
        ImGui::PopStyleColor();
        probe::note_text(tr("form.bad_date"));
    }
    return d;
}

void problem_summary(const std::vector<iadesk::Problem>& problems, bool english) {
    if (problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.93f, 0.93f, 1));
    ImGui::BeginChild("problems", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.60f, 0.08f, 0.08f, 1));
    ImGui::TextUnformatted(tr("form.problems"));
    for (const iadesk::Problem& p : problems) {
        const std::string& m = english ? p.message_en : p.message_nb;
        const std::string line = "\xE2\x80\xA2 " + m;
        ImGui::TextWrapped("%s", line.c_str());
        probe::note_text(m);
    }
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void field_problem(const std::vector<iadesk::Problem>& problems, const char* field, bool english) {
    for (const iadesk::Problem& p : problems) {
        if (p.field != field) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1));
        ImGui::TextWrapped("%s", (english ? p.message_en : p.message_nb).c_str());
        ImGui::PopStyleColor();
    }
}

bool primary_button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.16f, 0.38f, 0.74f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.20f, 0.45f, 0.84f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.12f, 0.30f, 0.62f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(4);
    return pressed;
}

bool search_box(const char* hint, const char* id, std::string& value, float width_em) {
    ImGui::SetNextItemWidth(width_em * ImGui::GetFontSize());
    const std::string hidden = std::string("##") + id;
    const bool changed = ImGui::InputTextWithHint(hidden.c_str(), hint, value.data(), value.capacity() + 1,
                                                  ImGuiInputTextFlags_CallbackResize, resize_callback, &value);
    probe::note_value(value, hint);
    return changed;
}

} // namespace iadesk::app::ui

namespace iadesk::app::ui {

bool input_multiline(const char* label, const char* id, std::string& value, float width_em, float lines,
                     std::size_t max_chars, bool read_only) {
    ImGui::TextUnformatted(label);
    const float em = ImGui::GetFontSize();
    const float width = width_em > 0 ? width_em * em : -1.0f;
    const std::string hidden_id = std::string("##") + id;
    const bool changed = ImGui::InputTextMultiline(
        hidden_id.c_str(), value.data(), value.capacity() + 1,
        ImVec2(width, lines * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y),
        ImGuiInputTextFlags_CallbackResize | (read_only ? ImGuiInputTextFlags_ReadOnly : 0), resize_callback, &value);
    probe::note_value(value, label);
    if (max_chars > 0) {
        std::size_t n = 0;
        for (char c : value) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        char buf[48];
        std::snprintf(buf, sizeof buf, "%zu / %zu", n, max_chars);
        if (n > max_chars) ImGui::TextColored(ImVec4(0.70f, 0.10f, 0.10f, 1), "%s", buf);
        else ImGui::TextDisabled("%s", buf);
    }
    return changed;
}

} // namespace iadesk::app::ui

namespace iadesk::app::ui {

bool table_sort_changed(int& column, bool& ascending) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return false;
    if (specs->SpecsCount > 0) {
        column = static_cast<int>(specs->Specs[0].ColumnUserID);
        ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    specs->SpecsDirty = false;
    return true;
}

bool unit_filter_combo(const char* id, const iadesk::Dataset& data, int& filter, float width_em) {
    if (filter >= static_cast<int>(data.units.size())) filter = -1; // the unit is gone (role, undo)
    bool changed = false;
    ImGui::SetNextItemWidth(width_em * ImGui::GetFontSize());
    const char* all = tr("overview.all_units");
    if (ImGui::BeginCombo(id, filter < 0 ? all : data.units[static_cast<std::size_t>(filter)].name.c_str())) {
        if (ImGui::Selectable(all, filter < 0)) { filter = -1; changed = true; }
        for (std::size_t i = 0; i < data.units.size(); ++i)
            if (ImGui::Selectable(data.units[i].name.c_str(), filter == static_cast<int>(i))) {
                filter = static_cast<int>(i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace iadesk::app::ui
