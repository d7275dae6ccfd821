#include "app/widgets.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"

#include <imgui.h>

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
