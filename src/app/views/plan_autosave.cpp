// The plan editor's working copy and how it reaches the document (contract in plan_editor.hpp):
// loading it, noticing edits, committing them after a pause or when the editor is left, following
// undo/redo, and saying what is not saved.
#include "app/views/plan_editor.hpp"
#include "app/views/plan_parts.hpp"

#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/plan_commands.hpp"

#include <imgui.h>

namespace iadesk::app {
using namespace plans_ui;

void PlanEditorView::load(const Dataset& whole, const Plan& p) {
    loaded_plan_ = p.id;
    loaded_employee_ = p.employee;
    loaded_name_ = p.employee;
    for (const Employee& e : whole.employees)
        if (e.id == p.employee) loaded_name_ = e.name;
    loaded_versions_ = static_cast<int>(p.versions.size());
    draft_ = p.versions.empty() ? PlanContent{} : p.versions.back().content;
    seen_ = draft_;
    evaluation_text_ = date_text(draft_.evaluation_date);
    measure_from_.clear();
    measure_to_.clear();
    for (const PlanMeasure& m : draft_.own_measures) {
        measure_from_.push_back(date_text(m.from));
        measure_to_.push_back(date_text(m.to));
    }
    bad_date_ = false;
    bad_date_key_ = nullptr;
    last_frame_ = draft_;
    last_dates_ = date_texts();
    pending_ = refused_ = false;
    edited_at_ = -1;
    problems_.clear();
    guard_hits_ = find_diagnosis_like(draft_);
}

void PlanEditorView::sync_dates() {
    bad_date_ = false;
    bad_date_key_ = nullptr;
    auto parse = [&](const std::string& t, std::optional<Date>& out, const char* key) {
        if (t.empty()) { out.reset(); return; }
        out = parse_date(t);
        if (!out && !bad_date_) {
            bad_date_ = true;
            bad_date_key_ = key;
        }
    };
    parse(evaluation_text_, draft_.evaluation_date, "plan.evaluation");
    measure_from_.resize(draft_.own_measures.size());
    measure_to_.resize(draft_.own_measures.size());
    for (std::size_t i = 0; i < draft_.own_measures.size(); ++i) {
        parse(measure_from_[i], draft_.own_measures[i].from, "plan.from");
        parse(measure_to_[i], draft_.own_measures[i].to, "plan.to");
    }
}

std::vector<std::string> PlanEditorView::date_texts() const {
    std::vector<std::string> all{evaluation_text_};
    all.insert(all.end(), measure_from_.begin(), measure_from_.end());
    all.insert(all.end(), measure_to_.begin(), measure_to_.end());
    return all;
}

bool PlanEditorView::has_own_edits() const { return bad_date_ || !changed_fields(seen_, draft_).empty(); }

void PlanEditorView::follow_document(const Dataset& whole, const Plan& p) {
    if (p.id != loaded_plan_ || static_cast<int>(p.versions.size()) != loaded_versions_) {
        load(whole, p);
        return;
    }
    const PlanContent& now = p.versions.back().content;
    if (changed_fields(seen_, now).empty()) return;
    // The document's draft changed: our commit landed, or undo/redo. Without edits of its own the
    // copy shows the document; with them it keeps them (they are committed on top).
    const bool own = has_own_edits();
    seen_ = now;
    if (!own) load(whole, p);
}

CommandResult PlanEditorView::try_commit(const Dataset& whole, Date today) {
    CommandResult r = bad_date_ ? refused(std::vector<Problem>{}) // the date field says it (ui::date_input)
                                : edit_plan_draft(whole, loaded_plan_, draft_, today);
    problems_ = r.problems;
    refused_ = !r.ok();
    return r;
}

void PlanEditorView::keep_committed(ViewContext& ctx, double now) {
    if (loaded_plan_.empty()) return;
    const Plan* p = find_plan(ctx.doc.data, loaded_plan_);
    if (!p || p->versions.empty()) { // gone (its creation undone): nothing to commit to
        loaded_plan_.clear();
        pending_ = refused_ = false;
        return;
    }
    follow_document(ctx.doc.data, *p);
    if (const std::vector<std::string> dates = date_texts(); !changed_fields(last_frame_, draft_).empty() || dates != last_dates_) {
        last_frame_ = draft_;
        last_dates_ = dates;
        edited_at_ = now;
        guard_hits_ = find_diagnosis_like(draft_);
    }
    const PlanVersion& last = p->versions.back();
    std::string unit;
    if (auto it = ctx.derived.employee_index.find(p->employee); it != ctx.derived.employee_index.end())
        unit = ctx.data().employees[static_cast<std::size_t>(it->second)].unit;
    may_commit_ = !last.agreed() && ctx.can_edit(EditArea::plans, unit);
    pending_ = bad_date_ || !changed_fields(last.content, draft_).empty();
    if (!pending_) {
        if (refused_) problems_.clear();
        refused_ = false;
        edited_at_ = -1;
        return;
    }
    if (!may_commit_ || edited_at_ < 0) return;
    // While a text field is typed in, wait for a pause; otherwise (a choice, a row added, the field
    // or the page left) commit now.
    if (ImGui::GetIO().WantTextInput && now - edited_at_ < kCommitDelaySeconds) return;
    edited_at_ = -1; // one attempt per edit: a refused copy waits for the next edit
    CommandResult r = try_commit(ctx.doc.data, ctx.today);
    if (r.ok()) ctx.commands.push_back(std::move(*r.command));
}

std::optional<Command> PlanEditorView::commit_for_flush(const Dataset& whole, Date today) {
    if (loaded_plan_.empty() || !pending_ || !may_commit_) return std::nullopt;
    CommandResult r = try_commit(whole, today);
    if (!r.ok()) return std::nullopt;
    return std::move(*r.command);
}

std::string PlanEditorView::unsaved_reason(Language language) const {
    if (bad_date_ && bad_date_key_) return trf("plan.unsaved_bad_date", fmt::arg("field", tr(bad_date_key_)));
    if (!problems_.empty()) return language == Language::en ? problems_.front().message_en : problems_.front().message_nb;
    if (!may_commit_) return tr("plan.unsaved_no_access");
    return {};
}

PlanEditorView::UnsavedEdits PlanEditorView::unsaved_edits(Language language) const {
    if (loaded_plan_.empty() || !pending_) return {};
    if (!refused_ && may_commit_) return {tr("plan.draft_saving"), false};
    return {trf("plan.unsaved_status", fmt::arg("name", loaded_name_), fmt::arg("reason", unsaved_reason(language))), true};
}

// Asked instead of showing another case's plan while this copy holds edits that are not saved.
void PlanEditorView::draw_unsaved_elsewhere(ViewContext& ctx) {
    ui::error_text(trf("plan.other_unsaved", fmt::arg("name", loaded_name_), fmt::arg("reason", unsaved_reason(ctx.language)))
                       .c_str());
    if (ImGui::Button(tr("plan.back_to_unsaved"))) {
        employee_id = loaded_employee_;
        view_version = 0;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("plan.discard_unsaved"))) {
        loaded_plan_.clear();
        pending_ = refused_ = false;
        problems_.clear();
    }
}

// The toolbar's word on the draft: saved, being saved, or not saved and why.
void PlanEditorView::draw_draft_state(Language language) {
    if (!pending_) {
        ui::muted_text(tr("plan.draft_saved"));
    } else if (refused_ || !may_commit_) {
        ui::error_text(trf("plan.draft_not_saved", fmt::arg("reason", unsaved_reason(language))).c_str());
    } else {
        ui::muted_text(tr("plan.draft_saving"));
    }
}

} // namespace iadesk::app
