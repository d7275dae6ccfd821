#include "app/widgets.hpp"

#include "app/format.hpp"
#include "app/i18n.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "iadesk/calendar.hpp"

#include <imgui.h>
#include <imgui_internal.h> // ImHashData, RenderTextClippedEx: text drawn without ImGui's "##" rule
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace iadesk::app::ui {
namespace {

// Text drawn as written: ImGui's own label rendering stops at "##"; this does not.
void draw_text_at(ImVec2 min, ImVec2 max, std::string_view text) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 size = ImGui::CalcTextSize(begin, end);
    const ImRect clip(min, max);
    ImGui::RenderTextClippedEx(ImGui::GetWindowDrawList(), min, max, begin, end, &size,
                               ImGui::GetStyle().SelectableTextAlign, &clip);
}

void wrapped_in(const ImVec4& colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    label_text(text);
    ImGui::PopStyleColor();
}

} // namespace

void heading(ImFont* font, const char* text) {
    if (font) ImGui::PushFont(font);
    ImGui::TextUnformatted(text);
    if (font) ImGui::PopFont();
    probe::note_heading(text, font != nullptr && font == page_heading_font() ? 1 : 2);
}

void text(const char* t) {
    ImGui::TextUnformatted(t);
    probe::note_text(t);
}

void muted_line(const char* t) {
    ImGui::TextDisabled("%s", t);
    probe::note_text(t);
}

void coloured_line(const ImVec4& colour, const char* t) {
    ImGui::TextColored(colour, "%s", t);
    probe::note_text(t);
}

void bullet_text(const char* t) {
    ImGui::BulletText("%s", t);
    probe::note_text(t);
}

void text_ellipsis(const char* t) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(t);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    ImGui::Dummy(ImVec2(width, line));
    const ImVec2 max(pos.x + width, pos.y + line);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, max, max.x, max.x, t, nullptr, &size);
    probe::note_text(t);
    if (size.x > width && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t);
}

bool compact_layout() { return ImGui::GetMainViewport()->WorkSize.x < 44.0f * ImGui::GetFontSize(); }

void fit_next_dialog() {
    if (!compact_layout()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x - ImGui::GetFontSize(), vp->WorkSize.y));
}

float field_width(float width_em) {
    const float w = width_em * ImGui::GetFontSize();
    return compact_layout() ? std::min(w, ImGui::GetContentRegionAvail().x) : w;
}

void same_line_if_wide() {
    if (!compact_layout()) ImGui::SameLine();
}

void label_text(const char* text) {
    ImGui::TextWrapped("%s", text);
    probe::note_text(text);
}

void error_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    probe::note_alert(text);
}
void warning_text(const char* text) { wrapped_in(colours().text_warning, text); }
void muted_text(const char* text) { wrapped_in(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), text); }

bool input_text(const char* label, const char* id, std::string& value, float width_em, bool read_only) {
    ImGui::BeginGroup();
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(field_width(width_em));
    const std::string hidden_id = std::string("##") + id; // the label is drawn above the field
    const bool changed = ImGui::InputText(hidden_id.c_str(), &value, read_only ? ImGuiInputTextFlags_ReadOnly : 0);
    probe::note_value(value, label);
    ImGui::EndGroup();
    return changed;
}

bool password_input(const char* label, const char* id, std::string& value, float width_em) {
    ImGui::BeginGroup();
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(field_width(width_em));
    const std::string hidden_id = std::string("##") + id;
    const bool changed = ImGui::InputText(hidden_id.c_str(), &value, ImGuiInputTextFlags_Password);
    probe::note_value("", label);
    ImGui::EndGroup();
    return changed;
}

bool input_multiline(const char* label, const char* id, std::string& value, float width_em, float lines,
                     std::size_t max_chars, bool read_only) {
    ImGui::BeginGroup();
    ImGui::TextUnformatted(label);
    const float em = ImGui::GetFontSize();
    const float width = width_em > 0 ? width_em * em : -1.0f;
    const std::string hidden_id = std::string("##") + id;
    const bool changed = ImGui::InputTextMultiline(
        hidden_id.c_str(), &value, ImVec2(width, lines * ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().FramePadding.y),
        read_only ? ImGuiInputTextFlags_ReadOnly : 0);
    probe::note_value(value, label);
    if (max_chars > 0) {
        std::size_t n = 0;
        for (char c : value) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        const std::string counter = fmt::format("{} / {}", n, max_chars);
        if (n > max_chars)
            ImGui::TextColored(colours().text_error, "%s", counter.c_str());
        else
            ImGui::TextDisabled("%s", counter.c_str());
    }
    ImGui::EndGroup();
    return changed;
}

std::optional<iadesk::Date> date_input(const char* label, const char* id, std::string& text, bool read_only) {
    ImGui::BeginGroup();
    input_text(label, id, text, 8.0f, read_only);
    std::optional<iadesk::Date> d = text.empty() ? std::nullopt : iadesk::parse_date(text);
    if (!text.empty() && !d) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
        ImGui::TextUnformatted(tr("form.bad_date"));
        ImGui::PopStyleColor();
        probe::note_alert(tr("form.bad_date"));
    }
    ImGui::EndGroup();
    return d;
}

bool search_box(const char* hint, const char* id, std::string& value, float width_em, const char* probe_label,
                ImGuiInputTextFlags flags, ImGuiInputTextCallback callback, void* user_data) {
    ImGui::SetNextItemWidth(field_width(width_em));
    const std::string hidden = std::string("##") + id;
    const bool changed = ImGui::InputTextWithHint(hidden.c_str(), hint, &value, flags, callback, user_data);
    probe::note_value(value, probe_label ? probe_label : hint);
    return changed;
}

void problem_summary(const std::vector<iadesk::Problem>& problems, bool english) {
    if (problems.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours().problem_background);
    ImGui::BeginChild("problems", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
    ImGui::TextUnformatted(tr("form.problems"));
    for (const iadesk::Problem& p : problems) {
        const std::string& m = english ? p.message_en : p.message_nb;
        const std::string line = "\xE2\x80\xA2 " + m;
        ImGui::TextWrapped("%s", line.c_str());
        probe::note_alert(m);
    }
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void field_problem(const std::vector<iadesk::Problem>& problems, const char* field, bool english) {
    for (const iadesk::Problem& p : problems) {
        if (p.field != field) continue;
        error_text((english ? p.message_en : p.message_nb).c_str());
    }
}

bool primary_button(const char* label) {
    const SemanticColours& c = colours();
    ImGui::PushStyleColor(ImGuiCol_Button, c.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.accent_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.accent_active);
    ImGui::PushStyleColor(ImGuiCol_Text, c.text_on_accent);
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(4);
    return pressed;
}

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
    ImGui::SetNextItemWidth(field_width(width_em));
    const char* all = tr("overview.all_units");
    if (begin_combo(id, filter < 0 ? std::string_view(all) : data.units[static_cast<std::size_t>(filter)].name)) {
        if (ImGui::Selectable(all, filter < 0)) { filter = -1; changed = true; }
        for (std::size_t i = 0; i < data.units.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (selectable(data.units[i].name, "unit", filter == static_cast<int>(i))) {
                filter = static_cast<int>(i);
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

void tag(const char* icon, const char* word_key, const ImVec4& colour) {
    const std::string text = std::string(icon) + " " + tr(word_key);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    probe::note_text(tr(word_key));
}

void status_tag(iadesk::MilestoneStatus status) {
    const StatusLook look = status_look(status);
    tag(look.icon, look.word_key, look.colour);
}

bool begin_list_table(const char* id, int columns, const char* count_key, std::size_t shown, std::size_t total,
                      const char* empty_key) {
    label_text(trf(count_key, fmt::arg("shown", shown), fmt::arg("total", total)).c_str());
    if (total == 0) {
        label_text(tr(empty_key));
        return false;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, columns, flags)) return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    return true;
}

void table_columns(std::initializer_list<TableColumn> columns) {
    for (const TableColumn& c : columns) ImGui::TableSetupColumn(tr(c.key), c.flags, c.width, c.id);
    table_headers();
}

void table_headers() {
    // ImGui::TableHeadersRow's loop, with each header recorded by its name: ImGui's TableHeader
    // reports no label to the item hooks, and a screen reader must hear the column names.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
    const int columns = ImGui::TableGetColumnCount();
    for (int i = 0; i < columns; ++i) {
        if (!ImGui::TableSetColumnIndex(i)) continue;
        const char* name = (ImGui::TableGetColumnFlags(i) & ImGuiTableColumnFlags_NoHeaderLabel) ? "" : ImGui::TableGetColumnName(i);
        ImGui::PushID(i);
        ImGui::TableHeader(name);
        const char* end = ImGui::FindRenderedTextEnd(name);
        probe::note_header(std::string_view(name, static_cast<std::size_t>(end - name)));
        ImGui::PopID();
    }
}

void push_id(std::string_view key) {
    // ImHashData treats every byte alike; ImGui's string ids restart at "###".
    ImGui::PushID(static_cast<int>(ImHashData(key.data(), key.size())));
}

bool selectable(std::string_view text, const char* id, bool selected, ImGuiSelectableFlags flags, ImVec2 size) {
    const ImVec2 text_size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    pos.y += ImGui::GetCurrentWindowRead()->DC.CurrLineTextBaseOffset; // where ImGui puts a label
    // The text's width for layout, the available width for the hit area (as a label would give).
    if (size.x == 0) {
        size.x = text_size.x > 0 ? text_size.x : 1.0f;
        flags |= ImGuiSelectableFlags_SpanAvailWidth;
    }
    if (size.y == 0) size.y = text_size.y;
    const std::string hidden = std::string("##") + id;
    const bool pressed = ImGui::Selectable(hidden.c_str(), selected, flags, size);
    probe::note_label(text);
    if (ImGui::IsItemVisible()) draw_text_at(pos, ImGui::GetItemRectMax(), text);
    return pressed;
}

bool checkbox(std::string_view text, const char* id, bool* value) {
    const std::string hidden = std::string("##") + id;
    bool changed = ImGui::Checkbox(hidden.c_str(), value);
    probe::note_label(text);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (ImGui::IsItemClicked() && !(ImGui::GetItemFlags() & ImGuiItemFlags_Disabled)) { // the label toggles too
        *value = !*value;
        changed = true;
    }
    return changed;
}

bool begin_combo(const char* id, std::string_view preview, ImGuiComboFlags flags) {
    // The preview is drawn here, in the combo's own window, where ImGui would draw it.
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::CalcItemWidth();
    const float frame = ImGui::GetFrameHeight();
    const bool visible = !ImGui::GetCurrentWindowRead()->SkipItems;
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    const bool open = ImGui::BeginCombo(id, nullptr, flags | ImGuiComboFlags_CustomPreview);
    // No label of its own ("##id"): found by what it shows, as a person would.
    probe::note_combo(id[0] == '#' && id[1] == '#' ? preview : std::string_view(id, ImGui::FindRenderedTextEnd(id) - id),
                      preview, open);
    if (visible) {
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        const ImVec2 max(pos.x + width - frame, pos.y + frame); // left of the arrow button
        draw_list->PushClipRect(pos, max, true);
        draw_list->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), colour, preview.data(), preview.data() + preview.size());
        draw_list->PopClipRect();
    }
    return open;
}

} // namespace iadesk::app::ui
