#include "app/views/recovery_view.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <ctime>

namespace iadesk::app {
namespace {

constexpr std::string_view kDamagedSuffix = ".damaged";

// A full-window page of its own (the app's navigation is not shown), centred, at most 44 em wide.
bool begin_page(const char* id) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const bool open = ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                    ImGuiWindowFlags_NoSavedSettings);
    const float em = ImGui::GetFontSize();
    const float width = std::min(44 * em, vp->WorkSize.x - 2 * em);
    ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - width) * 0.5f, 3 * em));
    ImGui::BeginChild("page", ImVec2(width, 0), ImGuiChildFlags_None);
    return open;
}

void end_page() {
    ImGui::EndChild();
    ImGui::End();
}

// Each save with its problem and a download of its bytes.
void draw_saves(const std::vector<StoredSave>& saves, Language language, const char* earlier,
                const std::function<void(const StoredSave&)>& download) {
    for (const StoredSave& s : saves) {
        ImGui::PushID(s.name.c_str());
        const std::string& problem = language == Language::en ? s.problem_en : s.problem_nb;
        std::string shown = s.name.size() > kDamagedSuffix.size() && s.name.ends_with(kDamagedSuffix)
                                ? s.name.substr(0, s.name.size() - kDamagedSuffix.size())
                                : s.name;
        if (ImGui::SmallButton(tr("recovery.download"))) download(s);
        ImGui::SameLine();
        const std::string line = shown + ": " + (problem.empty() ? std::string(earlier) : problem);
        ui::label_text(line.c_str());
        ImGui::PopID();
    }
}

} // namespace

std::string download_name_of(const StoredSave& save) {
    if (!save.name.ends_with(kDamagedSuffix)) return "iadesk-lagring-" + save.name;
    return "iadesk-skadet-" + save.name.substr(0, save.name.size() - kDamagedSuffix.size());
}

std::string fallback_opened_text(std::optional<int64_t> saved_unix, int damaged, Language lang) {
    std::string text;
    if (saved_unix) {
        const std::time_t t = static_cast<std::time_t>(*saved_unix);
        std::tm tm{};
        localtime_r(&t, &tm);
        const Date day = Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        text = trf("startup.opened_at", fmt::arg("date", format_date(day, lang)),
                   fmt::arg("time", format_clock(tm.tm_hour, tm.tm_min)));
    } else {
        text = tr("startup.opened_older");
    }
    if (damaged > 0) {
        text += "; ";
        text += damaged == 1 ? std::string(tr("startup.damaged_one"))
                             : trf("startup.damaged_many", fmt::arg("count", damaged));
    }
    return text;
}

RecoveryView::Choice RecoveryView::draw_recovery(const Theme& theme, Language language,
                                                 const std::function<void(const StoredSave&)>& download) {
    Choice choice = Choice::none;
    begin_page("iadesk-recovery");
    ui::heading(theme.fonts.title, tr("recovery.title"));
    ui::label_text(tr("recovery.text"));
    ImGui::Spacing();
    draw_saves(saves, language, tr("recovery.earlier"), download);
    ImGui::Spacing();
    ImGui::Separator();
    ui::label_text(tr("recovery.choose"));
    if (ImGui::Button(tr("recovery.demo"))) choice = Choice::demo;
    ImGui::SameLine();
    if (ImGui::Button(tr("recovery.empty"))) choice = Choice::empty;
    end_page();
    return choice;
}

RecoveryView::Choice RecoveryView::draw_newer(const Theme& theme, Language language, bool update_waiting,
                                              const std::function<void(const StoredSave&)>& download) {
    Choice choice = Choice::none;
    begin_page("iadesk-newer");
    ui::heading(theme.fonts.title, tr("newer.title"));
    ui::label_text(tr("newer.text"));
    if (update_waiting) ui::label_text(tr("newer.update_ready"));
    if (ui::primary_button(tr("newer.update"))) choice = Choice::update;
    ImGui::Spacing();
    ImGui::Separator();
    for (const StoredSave& s : saves) {
        const std::string line = s.name + ": " + (language == Language::en ? s.problem_en : s.problem_nb);
        ui::label_text(line.c_str());
        if (ImGui::Button(tr("newer.download"))) download(s);
    }
    end_page();
    return choice;
}

void RecoveryView::draw_fallback_notice(const Theme& theme, Language language,
                                        const std::function<void(const StoredSave&)>& download) {
    if (!notice_open) return;
    if (!ImGui::IsPopupOpen("startup-problems")) ImGui::OpenPopup("startup-problems");
    ImGui::SetNextWindowSize(ImVec2(40 * ImGui::GetFontSize(), 0));
    if (ImGui::BeginPopupModal("startup-problems", nullptr, ImGuiWindowFlags_NoTitleBar)) {
        ui::heading(theme.fonts.heading, tr("startup.damaged_title"));
        ui::label_text(opened_text.c_str());
        ui::label_text(tr("startup.damaged_text"));
        draw_saves(saves, language, tr("recovery.earlier"), download);
        if (ImGui::Button(tr("common.ok")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            notice_open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace iadesk::app
