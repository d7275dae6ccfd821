#include "app/views/half_year_view.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/half_year.hpp"

#include <imgui.h>

#include <algorithm>

namespace iadesk::app {
namespace {

bool english(const ViewContext& ctx) { return ctx.language == Language::en; }

constexpr std::size_t kMaxChars = 10000; // kMaxTextBytes of the dataset (half_year.hpp)

} // namespace

// The fields follow the stored texts of the chosen half year; unsaved edits are kept.
void HalfYearEditor::load(const ViewContext& ctx) {
    const bool period_changed = year != loaded_year || half != loaded_half;
    if (!period_changed && (loaded_revision == ctx.doc.revision || dirty)) return;
    const HalfYearReport* r = find_half_year(ctx.doc.data, year, half);
    key_experience = r ? r->key_experience : std::string();
    deviations = r ? r->deviations : std::string();
    successful_activity = r ? r->successful_activity : std::string();
    successful_text = r ? r->successful_text : std::string();
    loaded_year = year;
    loaded_half = half;
    loaded_revision = ctx.doc.revision;
    dirty = false;
    problems.clear();
}

void HalfYearEditor::draw(ViewContext& ctx, const GoalsOverview& overview) {
    const bool en = english(ctx);
    if (year == 0) {
        year = ctx.today.year();
        half = ctx.today.month() <= 6 ? 1 : 2;
    }
    ui::heading(ctx.theme.fonts.title, tr("goals.half_year"));
    ui::label_text(tr("goals.half_year_help"));
    ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
    ImGui::InputInt(tr("goals.year"), &year);
    year = std::clamp(year, 1900, 2200);
    ImGui::SameLine(0, 2 * ImGui::GetFontSize());
    ImGui::RadioButton(tr("goals.half1"), &half, 1);
    ImGui::SameLine();
    ImGui::RadioButton(tr("goals.half2"), &half, 2);
    load(ctx);

    const Role& role = ctx.derived.role;
    const bool may_write = !ctx.read_only && may_write_half_year(role);
    const bool may_sign = !ctx.read_only && may_sign_off_half_year(role);
    const HalfYearReport* stored = find_half_year(ctx.doc.data, year, half);

    // The sign-off status and the actions first, the texts below (docs/domain.md, IA goals: the report is
    // reviewed with the tillitsvalgt).
    if (stored && stored->signed_off) {
        ui::text(("\xE2\x9C\x93 " + trf("half_year.signed", fmt::arg("name", stored->signed_off->name),
                                        fmt::arg("date", format_date(stored->signed_off->date, ctx.language))))
                     .c_str());
    } else {
        ui::text(tr("half_year.not_signed"));
    }
    if (may_write) {
        if (dirty && stored && stored->signed_off) {
            ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
            ui::label_text((std::string("\xE2\x9A\xA0 ") + tr("half_year.save_clears")).c_str());
            ImGui::PopStyleColor();
        }
        ImGui::BeginDisabled(!dirty);
        if (ui::primary_button(tr("half_year.save"))) save(ctx);
        ImGui::SameLine();
        if (ImGui::Button(tr("half_year.discard"))) { dirty = false; loaded_revision = UINT64_MAX; }
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    if (may_sign) {
        ui::input_text(tr("half_year.signer"), "half-signer", signer, 20);
        ui::field_problem(problems, "signed_off/name", en);
        if (ui::primary_button(tr("half_year.sign"))) {
            CommandResult r = sign_off_half_year(ctx.doc.data, role, year, half, signer, ctx.today);
            if (r.ok()) { ctx.commands.push_back(std::move(*r.command)); problems.clear(); }
            else problems = std::move(r.problems);
        }
        ImGui::SameLine();
        if (stored && stored->signed_off) {
            if (ImGui::Button(tr("half_year.withdraw"))) {
                CommandResult r = withdraw_half_year_sign_off(ctx.doc.data, role, year, half);
                if (r.ok()) ctx.commands.push_back(std::move(*r.command));
                else problems = std::move(r.problems);
            }
            ImGui::SameLine();
        }
    }
    if (ImGui::Button(tr("goals.print_half_year")))
        ctx.open_html("ia-halvarsrapport-" + std::to_string(year) + "-" + std::to_string(half) + ".html",
                      half_year_report_html(ctx.doc.data, overview, year, half));
    if (dirty) ui::muted_line(tr("half_year.print_stored"));
    ui::field_problem(problems, "", en); // a refusal of the record as a whole (e.g. the role)
    ImGui::Spacing();

    bool edited = false;
    edited |= ui::input_multiline(tr("goals.field.key_experience"), "half-experience", key_experience, 34, 3, kMaxChars, !may_write);
    ui::field_problem(problems, "key_experience", en);
    edited |= ui::input_multiline(tr("half_year.deviations"), "half-deviations", deviations, 34, 3, kMaxChars, !may_write);
    ui::muted_line(tr("half_year.deviations_help"));
    ui::field_problem(problems, "deviations", en);
    ui::text(tr("goals.field.best_activity"));
    std::string best = "–";
    for (const GoalActivity& a : ctx.doc.data.goal_activities)
        if (a.id == successful_activity) best = a.title;
    ImGui::SetNextItemWidth(30 * ImGui::GetFontSize());
    ImGui::BeginDisabled(!may_write);
    if (ui::begin_combo("##best-activity", best)) {
        if (ImGui::Selectable("–", successful_activity.empty())) { successful_activity.clear(); edited = true; }
        for (const GoalActivity& a : ctx.doc.data.goal_activities) {
            ui::push_id(a.id);
            if (ui::selectable(a.title, "activity", a.id == successful_activity)) { successful_activity = a.id; edited = true; }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    probe::note_text(best);
    ui::field_problem(problems, "successful_activity", en);
    edited |= ui::input_multiline(tr("goals.field.best_why"), "half-why", successful_text, 34, 2, kMaxChars, !may_write);
    ui::field_problem(problems, "successful_text", en);
    if (edited && may_write) dirty = true;
}

void HalfYearEditor::save(ViewContext& ctx) {
    HalfYearReport t;
    t.year = year;
    t.half = half;
    t.key_experience = key_experience;
    t.deviations = deviations;
    t.successful_activity = successful_activity;
    t.successful_text = successful_text;
    if (!ctx.submit_to(set_half_year_texts(ctx.doc.data, ctx.derived.role, std::move(t)), problems)) return;
    dirty = false;
    problems.clear();
}

} // namespace iadesk::app
