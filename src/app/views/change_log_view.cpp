#include "app/views/change_log_view.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/access.hpp"

#include <imgui.h>

#include <ctime>

namespace iadesk::app {

namespace {

// "24.11.2026 14:05" in local time (bokmål and English alike use dd.mm.yyyy here, as the app does).
std::string when_text(int64_t unix_seconds) {
    if (unix_seconds <= 0) return "–";
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    return fmt::format("{:02}.{:02}.{:04} {}", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
                       format_clock(tm.tm_hour, tm.tm_min));
}

const char* role_text(const std::string& role) {
    if (role == "hr") return tr("role.hr_name");
    if (role == "manager") return tr("changelog.role_manager");
    if (role == "tillitsvalgt") return tr("role.tillitsvalgt_name");
    if (role == "employee") return tr("role.employee_of");
    return role.empty() ? "–" : role.c_str();
}

} // namespace

void draw_change_log(ViewContext& ctx) {
    if (!may_see_change_log(ctx.derived.role)) {
        ui::text(tr("changelog.hr_only"));
        return;
    }
    const std::vector<ChangeLogEntry>& log = ctx.data().change_log;
    ui::text(trn("changelog.count", static_cast<long long>(log.size()), fmt::arg("count", log.size())).c_str());
    if (log.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("change-log", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ui::table_columns({{"changelog.when", 9 * em, ImGuiTableColumnFlags_WidthFixed},
                       {"changelog.role", 11 * em, ImGuiTableColumnFlags_WidthFixed},
                       {"changelog.what", 0.0f, ImGuiTableColumnFlags_WidthStretch}});
    ui::visible_rows(log.size(), [&](std::size_t row) {
        const ChangeLogEntry& e = log[log.size() - 1 - row]; // newest first
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(when_text(e.unix_seconds).c_str());
        ImGui::TableNextColumn();
        ui::text(role_text(e.role));
        ImGui::TableNextColumn();
        ui::text(e.description.c_str());
    });
    ImGui::EndTable();
}

} // namespace iadesk::app
