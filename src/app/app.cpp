#include "app/app.hpp"

#include "app/widgets.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/generate.hpp"

#include <imgui.h>

#include <cstdio>

namespace iadesk::app {

void App::init(const AppOptions& opt) {
    options_ = opt;
    if (std::string err = translations_.load_builtin(); !err.empty())
        std::fprintf(stderr, "iadesk: translations: %s\n", err.c_str());
    set_current_translations(&translations_);
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (opt.test_mode) probe::attach(ImGui::GetCurrentContext(), &probe_);

    // First start: a living demo organisation (issue 7 replaces this with the stored document).
    GenerateOptions g;
    g.employees = opt.demo_employees;
    g.seed = 2026;
    g.today = opt.today;
    Dataset demo = generate_dataset(g);
    demo.organisation.name = "Fjordvik kommune";
    doc_.reset(std::move(demo));
}

bool App::set_display_scale(float dpr) {
    if (theme_.fonts.body && dpr == theme_.scale) return false;
    theme_.apply(dpr);
    return true;
}

void App::refresh_derived() {
    if (derived_.revision == doc_.revision) return;
    derived_.cases = build_cases(doc_.data, options_.today);
    derived_.open_cases = 0;
    for (const SicknessCase& c : derived_.cases)
        if (c.start <= options_.today && (c.is_open() || *c.end >= options_.today)) ++derived_.open_cases;
    derived_.revision = doc_.revision;
}

void App::handle_shortcuts() {
    // Shortcuts work everywhere except where a text field would take the keys itself.
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) {
        if (std::string d = doc_.undo(); !d.empty()) status_message_ = std::string(tr("status.undone")) + d;
    }
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y) ||
        ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z)) {
        if (std::string d = doc_.redo(); !d.empty()) status_message_ = std::string(tr("status.redone")) + d;
    }
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    ImGui::PushFont(theme_.fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::TextUnformatted("iadesk");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.89f, 0.95f, 1));
    ImGui::TextUnformatted(doc_.data.organisation.name.c_str());
    probe::note_text(doc_.data.organisation.name);
    const char* role = tr("role.hr");
    const float right = ImGui::GetWindowWidth() - ImGui::CalcTextSize(role).x - 3 * ImGui::GetFontSize();
    ImGui::SameLine(right);
    ImGui::TextUnformatted(role);
    ImGui::PopStyleColor();
    ImGui::EndMenuBar();
}

void App::draw_navigation() {
    struct Entry { Page page; const char* key; };
    const Entry entries[] = {{Page::overview, "nav.overview"}, {Page::settings, "nav.settings"}};
    for (const Entry& e : entries) {
        if (ImGui::Selectable(tr(e.key), page_ == e.page, 0, ImVec2(0, 1.8f * ImGui::GetFontSize())))
            page_ = e.page;
    }
}

void App::draw_status_bar() {
    ImGui::Separator();
    const char* text = status_message_.empty() ? tr("status.ready") : status_message_.c_str();
    ImGui::TextDisabled("%s", text);
    probe::note_text(text);
}

void App::draw() {
    refresh_derived();
    handle_shortcuts();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("iadesk", nullptr, flags);
    draw_menu_bar();

    const float em = ImGui::GetFontSize();
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("navigation", ImVec2(11 * em, -status_h), ImGuiChildFlags_Border);
    draw_navigation();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("page", ImVec2(0, -status_h), ImGuiChildFlags_None);
    switch (page_) {
    case Page::overview:
        overview_.draw(doc_.data, derived_.cases, derived_.open_cases, options_.today, theme_);
        break;
    case Page::settings:
        settings_.draw(doc_, theme_, translations_.language, pending_);
        break;
    }
    ImGui::EndChild();
    draw_status_bar();
    ImGui::End();

    // Apply what the views asked for, after drawing (ImGui's request-flag idiom).
    for (Command& c : pending_) doc_.apply(std::move(c), 0, "hr");
    pending_.clear();
    if (!ImGui::IsAnyItemActive()) doc_.end_merge(); // a field edit is one undo step
}

std::string App::document_json() const { return save_dataset(doc_.data); }

} // namespace iadesk::app
