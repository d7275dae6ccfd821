#include "app/views/plan_editor.hpp"

#include "app/format.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "iadesk/measures.hpp"
#include "iadesk/plan_commands.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace iadesk::app {
namespace {

constexpr const char* kRecipients[] = {"sykmelder", "nav", "arbeidstaker", "bht", "annen"};
constexpr const char* kRecipientKeys[] = {"plan.to_sykmelder", "plan.to_nav", "plan.to_employee", "plan.to_bht",
                                          "plan.to_other"};

bool english(const ViewContext& ctx) { return ctx.language == Language::en; }

std::string actor(const ViewContext& ctx) {
    switch (ctx.derived.role.kind) {
    case RoleKind::hr: return "HR";
    case RoleKind::manager: return "Nærmeste leder";
    case RoleKind::tillitsvalgt: return "Tillitsvalgt";
    case RoleKind::employee: return "Arbeidstaker";
    }
    return "HR";
}

std::string date_text(const std::optional<Date>& d) { return d ? format_norwegian(*d) : std::string(); }

// The case whose plan the editor shows: the employee's open case, else the latest plan's case.
std::optional<Date> case_of(const ViewContext& ctx, const std::string& employee) {
    if (const CaseSchedule* s = ctx.derived.schedule_of(employee)) return s->sickness_case->start;
    std::optional<Date> best;
    for (const Plan& p : ctx.data().plans)
        if (p.employee == employee && (!best || *best < p.case_start)) best = p.case_start;
    return best;
}

const char* plan_state_key(const Plan* p) {
    if (!p) return "plan.state_none";
    if (p->versions.empty()) return p->exemption ? "plan.state_exempt" : "plan.state_none";
    return p->versions.back().agreed() ? "plan.state_agreed" : "plan.state_draft";
}

void hint_line(const QualityHint& h, bool en) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.38f, 0.02f, 1));
    const std::string& m = en ? h.message_en : h.message_nb;
    ImGui::TextWrapped("\xE2\x9A\xA0 %s", m.c_str());
    ImGui::PopStyleColor();
    probe::note_text(m);
}

// Inline hints for one part (field) of the plan.
void hints_for(const PlanQuality& q, const char* field, bool en) {
    for (const QualityHint& h : q.hints)
        if (h.field == field) hint_line(h, en);
}

// Draws "Fjern" on the same line when the plan is editable; when pressed, erases row `i` of `rows`
// and returns true: the caller pops its ID and stops iterating, since the vector changed under it.
template <class Row>
bool remove_row_button(std::vector<Row>& rows, std::size_t i, bool read_only) {
    if (read_only) return false;
    ImGui::SameLine();
    if (!ImGui::SmallButton(tr("plan.remove"))) return false;
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

void section(const ViewContext& ctx, const char* key) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.theme.fonts.heading);
    ImGui::TextUnformatted(tr(key));
    ImGui::PopFont();
    probe::note_text(tr(key));
}

} // namespace

void PlanEditorView::open(const std::string& employee) {
    employee_id = employee;
    view_version = 0;
    loaded_revision_ = UINT64_MAX;
    loaded_plan_.clear();
    problems_.clear();
    dialog_problems_.clear();
}

void PlanEditorView::draw(ViewContext& ctx) {
    if (employee_id.empty()) draw_list(ctx);
    else draw_editor(ctx);
}

void PlanEditorView::draw_list(ViewContext& ctx) {
    ui::heading(ctx.theme.fonts.heading, tr("plan.list_title"));
    ui::label_text(tr("plan.list_help"));
    ui::search_box(tr("plan.search_hint"), "plan-search", list_search_, 14);
    const Dataset& data = ctx.data();
    std::vector<int> rows;
    for (std::size_t i = 0; i < ctx.derived.rows.size(); ++i) {
        const OverviewRow& r = ctx.derived.rows[i];
        if (r.employee < 0) continue;
        const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
        if (!list_search_.empty() && measures::fold(e.name).find(measures::fold(list_search_)) == std::string::npos) continue;
        rows.push_back(static_cast<int>(i));
    }
    char count[64];
    std::snprintf(count, sizeof count, tr("plan.count"), static_cast<int>(rows.size()), static_cast<int>(ctx.derived.rows.size()));
    ui::text(count);
    if (rows.empty()) {
        ui::label_text(tr("plan.list_empty"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("plans", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("col.name"), 0, 2.2f);
    ImGui::TableSetupColumn(tr("col.unit"), 0, 1.8f);
    ImGui::TableSetupColumn(tr("overview.week"), 0, 0.6f);
    ImGui::TableSetupColumn(tr("plan.col_state"), 0, 1.4f);
    ImGui::TableSetupColumn(tr("plan.col_quality"), 0, 1.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(rows.size()));
    while (clip.Step()) {
        for (int k = clip.DisplayStart; k < clip.DisplayEnd; ++k) {
            const OverviewRow& r = ctx.derived.rows[static_cast<std::size_t>(rows[static_cast<std::size_t>(k)])];
            const Employee& e = data.employees[static_cast<std::size_t>(r.employee)];
            const CaseSchedule& s = ctx.derived.schedules[static_cast<std::size_t>(r.schedule)];
            const Plan* p = find_plan(data, e.id, s.sickness_case->start);
            ImGui::PushID(e.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(e.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) open(e.id);
            probe::note_text(e.name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ctx.derived.unit_name(data, e.unit).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", r.week);
            ImGui::TableNextColumn();
            if (p && !p->versions.empty()) ImGui::Text("%s v%d", tr(plan_state_key(p)), p->versions.back().number);
            else ImGui::TextUnformatted(tr(plan_state_key(p)));
            ImGui::TableNextColumn();
            if (p && !p->versions.empty()) ImGui::Text("%d / 5", plan_quality(p->versions.back().content).score);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void PlanEditorView::load(const Plan& p, uint64_t revision) {
    loaded_plan_ = p.id;
    loaded_versions_ = static_cast<int>(p.versions.size());
    loaded_revision_ = revision;
    draft_ = p.versions.empty() ? PlanContent{} : p.versions.back().content;
    evaluation_text_ = date_text(draft_.evaluation_date);
    measure_from_.clear();
    measure_to_.clear();
    for (const PlanMeasure& m : draft_.own_measures) {
        measure_from_.push_back(date_text(m.from));
        measure_to_.push_back(date_text(m.to));
    }
}

void PlanEditorView::sync_dates() {
    bad_date_ = false;
    auto parse = [&](const std::string& t, std::optional<Date>& out) {
        if (t.empty()) { out.reset(); return; }
        out = parse_date(t);
        if (!out) bad_date_ = true;
    };
    parse(evaluation_text_, draft_.evaluation_date);
    measure_from_.resize(draft_.own_measures.size());
    measure_to_.resize(draft_.own_measures.size());
    for (std::size_t i = 0; i < draft_.own_measures.size(); ++i) {
        parse(measure_from_[i], draft_.own_measures[i].from);
        parse(measure_to_[i], draft_.own_measures[i].to);
    }
}

bool PlanEditorView::dirty(const Plan& p) const {
    if (p.versions.empty()) return false;
    return !changed_fields(p.versions.back().content, draft_).empty() || bad_date_;
}

void PlanEditorView::save(ViewContext& ctx, const Plan& p) {
    CommandResult r = edit_plan_draft(ctx.doc.data, p.id, draft_, ctx.today);
    problems_ = r.problems;
    if (r.ok()) ctx.commands.push_back(std::move(*r.command));
}

void PlanEditorView::draw_editor(ViewContext& ctx) {
    const Dataset& data = ctx.data();
    auto it = ctx.derived.employee_index.find(employee_id);
    if (ImGui::Button(tr("plan.back"))) { employee_id.clear(); return; }
    if (it == ctx.derived.employee_index.end()) {
        ui::label_text(tr("plan.no_employee"));
        return;
    }
    const Employee& e = data.employees[static_cast<std::size_t>(it->second)];
    const std::optional<Date> start = case_of(ctx, e.id);
    char title[256];
    std::snprintf(title, sizeof title, tr("plan.title"), e.name.c_str());
    ui::heading(ctx.theme.fonts.heading, title);
    if (!start) {
        ui::label_text(tr("plan.no_case"));
        return;
    }
    const Plan* p = find_plan(data, e.id, *start);
    if (!p || p->versions.empty()) {
        draw_start(ctx, e, *start);
        if (p) draw_popups(ctx, *p);
        return;
    }
    if (loaded_plan_ != p->id || loaded_versions_ != static_cast<int>(p->versions.size()) ||
        (loaded_revision_ != ctx.doc.revision && !dirty(*p)))
        load(*p, ctx.doc.revision);
    loaded_revision_ = ctx.doc.revision;

    const bool may_edit = ctx.can_edit(EditArea::plans, e.unit);
    if (view_version > static_cast<int>(p->versions.size())) view_version = 0;
    const bool viewing_old = view_version != 0 && view_version != p->versions.back().number;
    const bool editable = may_edit && !viewing_old && !p->versions.back().agreed();
    draw_toolbar(ctx, *p, e, may_edit);

    const float em = ImGui::GetFontSize();
    const float side = std::max(18 * em, ImGui::GetContentRegionAvail().x * 0.32f);
    ImGui::BeginChild("plan-parts", ImVec2(ImGui::GetContentRegionAvail().x - side - em, 0));
    if (viewing_old) {
        PlanContent old = p->versions[static_cast<std::size_t>(view_version - 1)].content;
        char line[128];
        std::snprintf(line, sizeof line, tr("plan.viewing_old"), view_version);
        ui::label_text(line);
        draw_parts(ctx, old, false);
    } else {
        draw_parts(ctx, draft_, editable);
        sync_dates();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("plan-side", ImVec2(0, 0), ImGuiChildFlags_Border);
    draw_side(ctx, *p, may_edit);
    ImGui::EndChild();
    draw_popups(ctx, *p);
}

void PlanEditorView::draw_start(ViewContext& ctx, const Employee& e, Date case_start) {
    char line[160];
    std::snprintf(line, sizeof line, tr("plan.case_from"), format_date(case_start, ctx.language).c_str());
    ui::label_text(line);
    const Plan* p = find_plan(ctx.data(), e.id, case_start);
    if (p && p->exemption) {
        ui::label_text(tr("plan.exempted"));
        ui::label_text(p->exemption->reason.c_str());
        return;
    }
    ui::label_text(tr("plan.empty_state"));
    const bool may_edit = ctx.can_edit(EditArea::plans, e.unit);
    if (!may_edit) return;
    ImGui::Spacing();
    for (const PlanTemplate& t : plan_templates()) {
        const std::string label = english(ctx) ? t.name_en : t.name_nb;
        if (ImGui::Button(label.c_str())) {
            CommandResult r = new_plan_version(ctx.doc.data, e.id, case_start, t.id, actor(ctx), ctx.today);
            problems_ = r.problems;
            if (r.ok()) ctx.commands.push_back(std::move(*r.command));
        }
        ImGui::SameLine();
    }
    if (ImGui::Button(tr("plan.template_empty"))) {
        CommandResult r = new_plan_version(ctx.doc.data, e.id, case_start, "", actor(ctx), ctx.today);
        problems_ = r.problems;
        if (r.ok()) ctx.commands.push_back(std::move(*r.command));
    }
    ImGui::Spacing();
    ImGui::Separator();
    ui::label_text(tr("plan.exempt_help"));
    if (ImGui::Button(tr("plan.exempt"))) open_exempt_ = true;
    ui::problem_summary(problems_, english(ctx));
    if (open_exempt_) {
        ImGui::OpenPopup("plan-exempt");
        open_exempt_ = false;
        dialog_problems_.clear();
    }
    if (ImGui::BeginPopupModal("plan-exempt", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ui::label_text(tr("plan.exempt_confirm"));
        ui::input_multiline(tr("plan.exempt_reason"), "exempt-reason", exempt_reason_, 30, 3, kPlanTextMax);
        ui::problem_summary(dialog_problems_, english(ctx));
        if (ui::primary_button(tr("plan.exempt_save"))) {
            CommandResult r = exempt_plan(ctx.doc.data, e.id, case_start, exempt_reason_, actor(ctx), ctx.today);
            dialog_problems_ = r.problems;
            if (r.ok()) {
                ctx.commands.push_back(std::move(*r.command));
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void PlanEditorView::draw_toolbar(ViewContext& ctx, const Plan& p, const Employee& e, bool may_edit) {
    const PlanVersion& last = p.versions.back();
    char line[256];
    std::snprintf(line, sizeof line, tr("plan.case_from"), format_date(p.case_start, ctx.language).c_str());
    ImGui::TextDisabled("%s · %s", ctx.derived.unit_name(ctx.data(), e.unit).c_str(), line);
    // State and quality.
    const PlanQuality q = plan_quality(draft_);
    std::snprintf(line, sizeof line, tr("plan.state_line"), tr(plan_state_key(&p)), last.number, q.score);
    ui::text(line);
    const bool is_dirty = dirty(p);
    const bool draft_open = may_edit && !last.agreed();
    // Primary action: save the draft (or, when saved, mark it agreed).
    ImGui::BeginDisabled(!draft_open || !is_dirty);
    if (ui::primary_button(tr("plan.save"))) {
        guard_hits_ = find_diagnosis_like(draft_);
        if (bad_date_) problems_ = {{"evaluation_date", "Ugyldig dato", "Invalid date"}};
        else if (!guard_hits_.empty()) ask_guard_ = true;
        else save(ctx, p);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!draft_open || is_dirty);
    if (ImGui::Button(tr("plan.mark_agreed"))) {
        open_agree_ = true;
        agree_employee_ = agree_manager_ = format_norwegian(ctx.today);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    PlanOutputOptions opt;
    opt.today = ctx.today;
    opt.version = view_version;
    if (ImGui::Button(tr("plan.print")))
        ctx.open_html("oppfolgingsplan-" + e.id + ".html", plan_html(ctx.data(), p, opt));
    ImGui::SameLine();
    if (ImGui::Button(tr("plan.export")))
        ctx.download("oppfolgingsplan-" + e.id + ".json", "application/json", plan_nav_json(ctx.data(), p, opt));
    if (is_dirty && draft_open) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("plan.unsaved"));
        probe::note_text(tr("plan.unsaved"));
    }
    // New version (after agreement): from the previous version, a template or empty.
    if (may_edit && last.agreed()) {
        ImGui::SameLine();
        const auto& ts = plan_templates();
        std::vector<std::string> names = {tr("plan.from_previous")};
        for (const PlanTemplate& t : ts) names.push_back(english(ctx) ? t.name_en : t.name_nb);
        names.push_back(tr("plan.template_empty"));
        new_version_origin_ = std::clamp(new_version_origin_, 0, static_cast<int>(names.size()) - 1);
        ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
        if (ImGui::BeginCombo("##origin", names[static_cast<std::size_t>(new_version_origin_)].c_str())) {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (ImGui::Selectable(names[i].c_str(), static_cast<int>(i) == new_version_origin_)) new_version_origin_ = static_cast<int>(i);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("plan.new_version"))) {
            std::string origin = new_version_origin_ == 0 ? "previous"
                                 : new_version_origin_ <= static_cast<int>(ts.size())
                                     ? ts[static_cast<std::size_t>(new_version_origin_ - 1)].id
                                     : "";
            CommandResult r = new_plan_version(ctx.doc.data, p.employee, p.case_start, origin, actor(ctx), ctx.today);
            problems_ = r.problems;
            if (r.ok()) {
                ctx.commands.push_back(std::move(*r.command));
                view_version = 0;
            }
        }
    }
    ui::problem_summary(problems_, english(ctx));
    if (!q.hints.empty()) {
        for (std::size_t i = 0; i < std::min<std::size_t>(q.hints.size(), 2); ++i) hint_line(q.hints[i], english(ctx));
    }
    ImGui::Separator();
}

void PlanEditorView::draw_parts(ViewContext& ctx, PlanContent& c, bool editable) {
    const bool en = english(ctx);
    const bool ro = !editable;
    const PlanQuality q = plan_quality(c);
    auto field_problem = [&](const std::string& f) { ui::field_problem(problems_, f.c_str(), en); };

    section(ctx, "plan.part_workday");
    ui::input_multiline(tr("plan.workday"), "typical-workday", c.typical_workday, 0, 3, kPlanTextMax, ro);
    hints_for(q, "typical_workday", en);

    section(ctx, "plan.part_tasks");
    ImGui::TextDisabled("%s", tr("plan.tasks_help"));
    hints_for(q, "tasks", en);
    const char* feas[] = {tr("plan.can"), tr("plan.with_adjustment"), tr("plan.cannot")};
    for (std::size_t i = 0; i < c.tasks.size(); ++i) {
        PlanTask& t = c.tasks[i];
        ImGui::PushID(static_cast<int>(i));
        char label[64];
        std::snprintf(label, sizeof label, tr("plan.task_n"), static_cast<int>(i) + 1);
        ui::input_text(label, "task", t.description, 24, ro);
        field_problem("tasks/" + std::to_string(i) + "/description");
        ImGui::SameLine();
        int f = static_cast<int>(t.feasibility);
        ImGui::BeginDisabled(ro);
        ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
        if (ImGui::Combo("##feas", &f, feas, 3)) t.feasibility = static_cast<TaskFeasibility>(f);
        ImGui::EndDisabled();
        probe::note_text(feas[f]);
        ui::input_text(tr("plan.task_note"), "note", t.note, 40, ro);
        if (remove_row_button(c.tasks, i, ro)) {
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (!ro && ImGui::Button(tr("plan.add_task"))) c.tasks.push_back({});

    section(ctx, "plan.part_ability");
    ui::input_multiline(tr("plan.ability"), "work-ability", c.work_ability, 0, 3, kPlanTextMax, ro);
    field_problem("work_ability");
    hints_for(q, "work_ability", en);

    section(ctx, "plan.part_measures");
    hints_for(q, "adjustment_options", en);
    const char* statuses[] = {tr("plan.st_forslag"), tr("plan.st_avtalt"), tr("plan.st_ikke_aktuelt"), tr("plan.st_gjennomfort")};
    if (!ro) {
        measure_from_.resize(c.own_measures.size());
        measure_to_.resize(c.own_measures.size());
    }
    for (std::size_t i = 0; i < c.own_measures.size(); ++i) {
        PlanMeasure& m = c.own_measures[i];
        ImGui::PushID(static_cast<int>(1000 + i));
        char label[64];
        std::snprintf(label, sizeof label, tr("plan.measure_n"), static_cast<int>(i) + 1);
        ui::input_text(label, "measure", m.description, 30, ro);
        field_problem("own_measures/" + std::to_string(i) + "/description");
        ImGui::SameLine();
        int st = static_cast<int>(m.status);
        ImGui::BeginDisabled(ro);
        ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
        if (ImGui::Combo("##status", &st, statuses, 4)) m.status = static_cast<MeasureStatus>(st);
        ImGui::EndDisabled();
        probe::note_text(statuses[st]);
        ui::input_text(tr("plan.responsible"), "responsible", m.responsible, 14, ro);
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (ro) ImGui::TextUnformatted((date_text(m.from) + " – " + date_text(m.to)).c_str());
        else {
            ui::date_input(tr("plan.from"), "from", measure_from_[i]);
            ImGui::SameLine();
            ui::date_input(tr("plan.to"), "to", measure_to_[i]);
        }
        ImGui::EndGroup();
        field_problem("own_measures/" + std::to_string(i) + "/to");
        if (!ro && ImGui::SmallButton(tr("plan.remove"))) {
            c.own_measures.erase(c.own_measures.begin() + static_cast<std::ptrdiff_t>(i));
            measure_from_.erase(measure_from_.begin() + static_cast<std::ptrdiff_t>(i));
            measure_to_.erase(measure_to_.begin() + static_cast<std::ptrdiff_t>(i));
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (!ro && ImGui::Button(tr("plan.add_measure"))) c.own_measures.push_back({});

    // The organisation's general adjustment options (003:23720-23728).
    ImGui::Spacing();
    ui::text(tr("plan.options"));
    const Dataset& data = ctx.data();
    if (data.adjustment_options.empty()) ImGui::TextDisabled("%s", tr("plan.options_empty"));
    for (const AdjustmentOption& o : data.adjustment_options) {
        bool on = std::find(c.adjustment_options.begin(), c.adjustment_options.end(), o.id) != c.adjustment_options.end();
        ImGui::BeginDisabled(ro);
        if (ImGui::Checkbox(o.text.c_str(), &on)) {
            if (on) c.adjustment_options.push_back(o.id);
            else std::erase(c.adjustment_options, o.id);
        }
        ImGui::EndDisabled();
        probe::note_text(o.text);
    }
    if (!ro && ctx.can_edit(EditArea::organisation)) {
        ui::input_text(tr("plan.new_option"), "new-option", new_option_, 24);
        ImGui::SameLine();
        if (ImGui::Button(tr("plan.add_option"))) {
            CommandResult r = add_adjustment_option(ctx.doc.data, new_option_);
            problems_ = r.problems;
            if (r.ok()) {
                ctx.commands.push_back(std::move(*r.command));
                new_option_.clear();
            }
        }
    }

    section(ctx, "plan.part_help");
    for (std::size_t i = 0; i < c.help_measures.size(); ++i) {
        HelpMeasure& m = c.help_measures[i];
        ImGui::PushID(static_cast<int>(2000 + i));
        ui::input_text(tr("plan.help_measure"), "help", m.description, 30, ro);
        if (!m.measure_id.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s", tr("plan.catalogue"), m.measure_id.c_str());
        }
        if (remove_row_button(c.help_measures, i, ro)) {
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (!ro && ImGui::Button(tr("plan.add_help"))) c.help_measures.push_back({});

    section(ctx, "plan.part_other");
    ui::input_multiline(tr("plan.other"), "other-adjustments", c.other_adjustments, 0, 2, kPlanTextMax, ro);

    section(ctx, "plan.part_follow_up");
    ui::input_multiline(tr("plan.follow_up"), "follow-up", c.follow_up, 0, 3, kPlanTextMax, ro);
    hints_for(q, "follow_up", en);
    if (ro) ImGui::Text("%s: %s", tr("plan.evaluation"), date_text(c.evaluation_date).c_str());
    else ui::date_input(tr("plan.evaluation"), "evaluation", evaluation_text_);
    field_problem("evaluation_date");
    hints_for(q, "evaluation_date", en);

    section(ctx, "plan.part_participation");
    int part = !c.employee_participated ? 0 : *c.employee_participated ? 1 : 2;
    ImGui::BeginDisabled(ro);
    bool changed = ImGui::RadioButton(tr("plan.part_unanswered"), &part, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr("plan.part_yes"), &part, 1);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr("plan.part_no"), &part, 2);
    ImGui::EndDisabled();
    if (changed) c.employee_participated = part == 0 ? std::nullopt : std::optional<bool>(part == 1);
    hints_for(q, "employee_participated", en);
    if (c.employee_participated == false) {
        ui::input_multiline(tr("plan.why_not"), "why-not", c.not_participated_reason, 0, 2, kPlanTextMax, ro);
        field_problem("not_participated_reason");
    }
    ImGui::Spacing();
}

void PlanEditorView::draw_side(ViewContext& ctx, const Plan& p, bool may_edit) {
    ui::text(tr("plan.versions"));
    for (std::size_t i = 0; i < p.versions.size(); ++i) {
        const PlanVersion& v = p.versions[i];
        ImGui::PushID(static_cast<int>(i));
        char line[200];
        std::snprintf(line, sizeof line, tr("plan.version_line"), v.number, format_date(v.created, ctx.language).c_str(),
                      v.created_by.c_str());
        const bool selected = (view_version == 0 && i + 1 == p.versions.size()) || view_version == v.number;
        if (ImGui::Selectable(line, selected)) view_version = i + 1 == p.versions.size() ? 0 : v.number;
        probe::note_text(line);
        if (v.agreed()) {
            std::snprintf(line, sizeof line, tr("plan.agreed_line"), format_date(*v.agreed_employee, ctx.language).c_str(),
                          format_date(*v.agreed_manager, ctx.language).c_str(), v.manager_name.c_str());
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", line);
            ImGui::PopStyleColor();
            probe::note_text(line);
        } else {
            ImGui::TextDisabled("%s", tr("plan.state_draft"));
        }
        if (i > 0) {
            std::string changed;
            for (const std::string& f : changed_fields(p.versions[i - 1].content, v.content)) {
                if (!changed.empty()) changed += ", ";
                changed += english(ctx) ? field_label_en(f) : field_label_nb(f);
            }
            const std::string text = std::string(tr("plan.changed")) + " " + (changed.empty() ? tr("plan.nothing") : changed);
            ImGui::TextWrapped("%s", text.c_str());
            probe::note_text(text);
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    ui::text(tr("plan.shared"));
    if (p.shares.empty()) ImGui::TextDisabled("%s", tr("plan.not_shared"));
    for (const PlanShare& s : p.shares) {
        const std::string line = format_date(s.date, ctx.language) + " · " + recipient_nb(s.recipient) +
                                 (s.channel.empty() ? "" : " · " + s.channel) + " · v" + std::to_string(s.version);
        ImGui::TextWrapped("%s", line.c_str());
        probe::note_text(line);
    }
    if (may_edit && p.versions.back().agreed()) {
        if (ImGui::Button(tr("plan.log_share"))) {
            open_share_ = true;
            share_date_ = format_norwegian(ctx.today);
        }
    }
    const bool sent = std::any_of(p.shares.begin(), p.shares.end(), [](const PlanShare& s) { return s.recipient == "sykmelder"; });
    if (!sent) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.38f, 0.02f, 1));
        ImGui::TextWrapped("%s", tr("plan.send_hint"));
        ImGui::PopStyleColor();
    }
}

void PlanEditorView::draw_popups(ViewContext& ctx, const Plan& p) {
    const bool en = english(ctx);
    if (ask_guard_) {
        ImGui::OpenPopup("plan-guard");
        ask_guard_ = false;
    }
    if (ImGui::BeginPopupModal("plan-guard", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ui::label_text(tr("plan.guard_title"));
        for (const DiagnosisHit& h : guard_hits_) {
            const std::string line = "\xE2\x80\xA2 \xC2\xAB" + h.match + "\xC2\xBB (" +
                                     (en ? field_label_en(h.field.substr(0, h.field.find('/'))) : field_label_nb(h.field.substr(0, h.field.find('/')))) + ")";
            ui::text(line.c_str());
        }
        ui::label_text(tr("plan.guard_help"));
        if (ImGui::Button(tr("plan.guard_edit"))) ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button(tr("plan.guard_save"))) {
            save(ctx, p);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    if (open_agree_) {
        ImGui::OpenPopup("plan-agree");
        open_agree_ = false;
        dialog_problems_.clear();
    }
    if (ImGui::BeginPopupModal("plan-agree", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ui::label_text(tr("plan.agree_help"));
        auto emp = ui::date_input(tr("plan.agree_employee"), "agree-employee", agree_employee_);
        auto man = ui::date_input(tr("plan.agree_manager"), "agree-manager", agree_manager_);
        ui::input_text(tr("plan.manager_name"), "manager-name", manager_name_, 20);
        ui::problem_summary(dialog_problems_, en);
        if (ui::primary_button(tr("plan.agree_save"))) {
            if (!emp || !man) {
                dialog_problems_ = {{"agreed_employee", "Skriv begge datoene", "Enter both dates"}};
            } else {
                CommandResult r = mark_plan_agreed(ctx.doc.data, p.id, *emp, *man, manager_name_, ctx.today);
                dialog_problems_ = r.problems;
                if (r.ok()) {
                    ctx.commands.push_back(std::move(*r.command));
                    ImGui::CloseCurrentPopup();
                }
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (open_share_) {
        ImGui::OpenPopup("plan-share");
        open_share_ = false;
        dialog_problems_.clear();
    }
    if (ImGui::BeginPopupModal("plan-share", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr("plan.recipient"));
        const char* names[5];
        for (int i = 0; i < 5; ++i) names[i] = tr(kRecipientKeys[i]);
        ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
        ImGui::Combo("##recipient", &share_recipient_, names, 5);
        auto when = ui::date_input(tr("plan.share_date"), "share-date", share_date_);
        ui::input_text(tr("plan.channel"), "share-channel", share_channel_, 20);
        ui::problem_summary(dialog_problems_, en);
        if (ui::primary_button(tr("plan.share_save"))) {
            if (!when) {
                dialog_problems_ = {{"date", "Skriv datoen", "Enter the date"}};
            } else {
                PlanShare s{*when, kRecipients[share_recipient_], share_channel_, 0};
                CommandResult r = log_plan_share(ctx.doc.data, p.id, s, ctx.today);
                dialog_problems_ = r.problems;
                if (r.ok()) {
                    ctx.commands.push_back(std::move(*r.command));
                    ImGui::CloseCurrentPopup();
                }
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace iadesk::app
