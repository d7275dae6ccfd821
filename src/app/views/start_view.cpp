#include "app/views/start_view.hpp"

#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/checks.hpp"

#include <imgui.h>

#include <algorithm>
#include <sstream>

namespace iadesk::app {

namespace {

std::string trimmed(std::string s) {
    const auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && space(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && space(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

} // namespace

bool is_demo(const Dataset& ds) {
    const std::string& n = ds.organisation.name;
    static constexpr std::string_view kMark = "(demo)";
    return n.size() >= kMark.size() && n.compare(n.size() - kMark.size(), kMark.size(), kMark) == 0;
}

bool StartView::draw_demo_button(const Dataset& ds, bool may_edit) {
    if (!is_demo(ds) || !may_edit) return false;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("start.own"))) open_requested = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf("start.banner", fmt::arg("name", ds.organisation.name)).c_str());
    return true;
}

void StartView::draw_dialog(ViewContext& ctx) {
    const char* title = tr("start.title");
    const std::string popup = std::string(title) + "###start-dialog";
    if (open_requested) {
        open_requested = false;
        problems.clear();
        if (name.empty() && !is_demo(ctx.doc.data)) name = ctx.doc.data.organisation.name;
        ImGui::OpenPopup(popup.c_str());
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const bool english = ctx.language == Language::en;
    ui::label_text(tr("start.intro"));
    ui::input_text(tr("start.name"), "start-name", name, 24);
    ui::field_problem(problems, "name", english);
    ui::input_text(tr("settings.orgnr"), "start-orgnr", orgnr, 9);
    if (!orgnr.empty() && orgnr.size() >= 9 && !is_valid_orgnr(trimmed(orgnr))) // said while typing
        ui::error_text(tr("start.orgnr_invalid"));
    ui::field_problem(problems, "orgnr", english);
    ui::input_multiline(tr("start.units"), "start-units", units, 24, 4);
    ui::muted_line(tr("start.units_help"));
    ui::field_problem(problems, "units", english);
    ImGui::Spacing();
    if (ui::primary_button(tr("start.create"))) create(ctx);
    ImGui::SameLine();
    if (ImGui::Button(tr("start.demo"))) {
        requested_demo = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The new register: the organisation and its units, nobody employed yet.
void StartView::create(ViewContext& ctx) {
    problems.clear();
    Dataset next;
    next.organisation.name = trimmed(name);
    next.organisation.orgnr = trimmed(orgnr);
    check_organisation(next.organisation, problems);
    std::istringstream lines(units);
    for (std::string line; std::getline(lines, line);) {
        line = trimmed(line);
        if (line.empty()) continue;
        if (std::any_of(next.units.begin(), next.units.end(), [&](const Unit& u) { return u.name == line; })) continue;
        Unit u{"U" + std::to_string(next.units.size() + 1), line, std::nullopt};
        std::vector<Problem> unit_problems;
        check_unit(u, unit_problems);
        for (Problem& p : unit_problems) {
            p.field = "units";
            problems.push_back(std::move(p));
        }
        next.units.push_back(std::move(u));
    }
    if (next.units.empty())
        problems.push_back({"units", "Skriv minst én enhet (én per linje), for eksempel «Administrasjon»",
                            "Write at least one unit (one per line), for example \"Administration\""});
    if (!problems.empty()) return;
    const std::string description = "Startet med egen virksomhet " + next.organisation.name;
    if (ctx.submit_to(replace_dataset(ctx.doc.data, std::move(next), description), problems)) {
        name.clear();
        orgnr.clear();
        units.clear();
        ImGui::CloseCurrentPopup();
    }
}

} // namespace iadesk::app
