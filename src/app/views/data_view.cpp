#include "app/views/data_view.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/access.hpp"
#include "iadesk/ics.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <ctime>

namespace iadesk::app {
namespace {

void draw_errors(const std::vector<CsvRowError>& errors, bool english) {
    ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
    for (const CsvRowError& e : errors) {
        const std::string where =
            e.line == 0        ? std::string(tr("data.error_in_file"))
            : e.column.empty() ? trf("data.error_at_line", fmt::arg("line", e.line))
                               : trf("data.error_at_column", fmt::arg("line", e.line), fmt::arg("column", e.column));
        const std::string line = where + ": " + (english ? e.message_en : e.message_nb);
        ui::label_text(line.c_str());
    }
    ImGui::PopStyleColor();
}

} // namespace

void DataView::on_file(const ViewContext&, FilePurpose purpose, const std::string& name, const std::string& bytes) {
    employee_import.reset();
    absence_import.reset();
    restore.reset();
    figures_import.reset();
    file_name = name;
    job = FileCheckJob{purpose, name, bytes, 0};
}

void DataView::draw_job(const ViewContext& ctx) {
    const char* id = "##file-check";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        const std::string size = format_decimal(static_cast<double>(job->bytes.size()) / 1e6, 1, ctx.language);
        const char* stage_key = job->stage == 0 ? "data.job_reading" : job->stage == 1 ? "data.job_checking" : "data.job_done";
        ui::text(trf(stage_key, fmt::arg("file", job->name), fmt::arg("megabytes", size)).c_str());
        const std::string step = fmt::format("{} / 3", job->stage + 1);
        ImGui::ProgressBar(static_cast<float>(job->stage + 1) / 3.0f, ImVec2(26 * ImGui::GetFontSize(), 0),
                           step.c_str());
        if (job->stage == 2) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    // Advance after drawing, so that what the stage does is on screen while it runs.
    switch (job->stage) {
    case 0: job->stage = 1; break;
    case 1:
        switch (job->purpose) {
        case FilePurpose::import_employees: employee_import = import_employees_csv(ctx.doc.data, job->bytes); break;
        case FilePurpose::import_absences: absence_import = import_absences_csv(ctx.doc.data, job->bytes); break;
        case FilePurpose::restore: restore = load_dataset(job->bytes); break;
        case FilePurpose::import_comparison_figures:
            // Every figure names where it came from: the file and the day it was imported.
            figures_import = import_benchmarks_csv(
                job->bytes, trf("data.figures_source", fmt::arg("file", job->name), fmt::arg("date", format_date(ctx.today, ctx.language))));
            break;
        }
        job->stage = 2;
        break;
    default: job.reset(); break;
    }
}

void DataView::draw(ViewContext& ctx, const std::function<void(FilePurpose)>& pick) {
    if (job) draw_job(ctx);
    const bool hr = ctx.derived.role.kind == RoleKind::hr;
    ui::heading(ctx.theme.fonts.title, tr("data.backup_title"));
    ui::label_text(tr("data.backup_help"));
    if (hr && ImGui::Button(tr("data.backup"))) {
        const std::string name = "iadesk-sikkerhetskopi-" + format_iso(ctx.today) + ".json";
        if (ctx.download) ctx.download(name, "application/json", save_dataset(ctx.doc.data));
    }
    if (ctx.can_edit(EditArea::organisation)) {
        ImGui::SameLine();
        if (ImGui::Button(tr("data.restore"))) pick(FilePurpose::restore);
    }
    draw_restore_preview(ctx);

    ImGui::Spacing();
    ImGui::Separator();
    ui::heading(ctx.theme.fonts.title, tr("data.import_title"));
    ui::label_text(tr("data.import_help"));
    if (ctx.can_edit(EditArea::employees)) {
        if (ImGui::Button(tr("data.import_employees"))) pick(FilePurpose::import_employees);
        ImGui::SameLine();
    }
    if (ctx.can_edit(EditArea::absences) && hr) {
        if (ImGui::Button(tr("data.import_absences"))) pick(FilePurpose::import_absences);
    }
    draw_import_preview(ctx);
    draw_figures(ctx, pick);

    ImGui::Spacing();
    ImGui::Separator();
    ui::heading(ctx.theme.fonts.title, tr("data.export_title"));
    if (ImGui::Button(tr("data.export_employees")) && ctx.download) {
        ctx.download("ansatte.csv", "text/csv;charset=utf-8",
                     export_employees_csv(ctx.doc.data, ctx.derived.role, ctx.language == Language::nb ? CsvLang::nb : CsvLang::en));
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("data.export_ics")) && ctx.download) {
        IcsOptions opt;
        opt.now_unix_seconds = static_cast<int64_t>(std::time(nullptr));
        opt.english = ctx.language == Language::en;
        ctx.download("milepaeler.ics", "text/calendar;charset=utf-8",
                     milestones_ics(ctx.derived.schedules, ctx.data(), ctx.derived.role, opt));
    }
    ui::muted_line(tr("data.export_ics_help"));

    if (!ctx.can_edit(EditArea::organisation)) return;
    ImGui::Spacing();
    ImGui::Separator();
    ui::heading(ctx.theme.fonts.title, tr("data.start_over_title"));
    ui::label_text(tr("data.start_over_help"));
    if (ImGui::Button(tr("data.start_over"))) start_over_requested = true;
    ImGui::Spacing();
    ui::heading(ctx.theme.fonts.title, tr("data.empty_title"));
    ui::label_text(tr("data.empty_help"));
    if (!confirm_empty) {
        if (ImGui::Button(tr("data.empty"))) confirm_empty = true;
    } else {
        ui::label_text(tr("data.empty_confirm"));
        if (ImGui::Button(tr("data.empty_yes"))) {
            Dataset empty;
            empty.organisation = ctx.doc.data.organisation;
            if (empty.organisation.name.find("(demo)") != std::string::npos) empty.organisation.name = tr("data.new_org_name");
            ctx.submit(replace_dataset(ctx.doc.data, std::move(empty), tr("data.emptied")));
            confirm_empty = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("common.cancel"))) confirm_empty = false;
    }
}

void DataView::draw_import_preview(ViewContext& ctx) {
    const bool english = ctx.language == Language::en;
    if (!employee_import && !absence_import) return;
    ImGui::BeginChild("import-preview", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    const std::vector<CsvRowError>& errors = employee_import ? employee_import->errors : absence_import->errors;
    const std::size_t rows = employee_import ? employee_import->rows.size() : absence_import->rows.size();
    ui::label_text(trn("data.preview_summary", static_cast<long long>(rows), fmt::arg("file", file_name), fmt::arg("rows", rows),
                       fmt::arg("errors", errors.size()))
                       .c_str());
    // The encoding found (csv.hpp): says so when the file was converted; a refused one is an error below.
    const CsvEncoding encoding = employee_import ? employee_import->encoding : absence_import->encoding;
    if (encoding != CsvEncoding::refused) {
        const char* key = csv_encoding_converted(encoding) ? "data.preview_encoding_converted" : "data.preview_encoding";
        ui::label_text(trf(key, fmt::arg("encoding", csv_encoding_name(encoding))).c_str());
    }
    if (!errors.empty()) {
        ui::label_text(tr("data.preview_nothing"));
        draw_errors(errors, english);
    } else if (employee_import) {
        for (const Unit& u : employee_import->new_units) {
            ui::label_text(trf("data.preview_new_unit", fmt::arg("unit", u.name)).c_str());
        }
        int shown = 0;
        for (const EmployeeImportRow& r : employee_import->rows) {
            if (++shown > 12) break;
            const std::string line =
                r.name + " · " + r.unit + " · " + format_decimal(r.employment.percent, 0, ctx.language) + " %";
            ui::bullet_text(line.c_str());
        }
    } else {
        int shown = 0;
        for (const AbsenceImportRow& r : absence_import->rows) {
            if (++shown > 12) break;
            ui::bullet_text(fmt::format("{} · {} · {}", r.employee_name, format_date(r.absence.from, ctx.language),
                                        tr(r.absence.kind == AbsenceKind::egenmelding ? "absence.egenmelding"
                                                                                      : "absence.sykmelding"))
                                .c_str());
        }
    }
    const bool ok = employee_import ? employee_import->ok() : absence_import->ok();
    ImGui::BeginDisabled(!ok);
    if (ui::primary_button(tr("data.import_commit"))) {
        ctx.commands.push_back(std::move(employee_import ? *employee_import->command : *absence_import->command));
        employee_import.reset();
        absence_import.reset();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("common.cancel"))) {
        employee_import.reset();
        absence_import.reset();
    }
    ImGui::EndChild();
}

void DataView::draw_restore_preview(ViewContext& ctx) {
    if (!restore) return;
    const bool english = ctx.language == Language::en;
    ImGui::BeginChild("restore-preview", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    // A file of a newer format version is refused with the message the start-up gives for such data.
    const bool newer = !restore->ok() && restore->problems.size() == 1 && restore->problems.front().code == ProblemCode::format_newer;
    if (newer) {
        ui::label_text(trf("data.restore_newer", fmt::arg("file", file_name)).c_str());
        if (ImGui::Button(tr("common.ok"))) restore.reset();
    } else if (!restore->ok()) {
        ui::label_text(
            trf("data.restore_bad", fmt::arg("file", file_name), fmt::arg("errors", restore->problems.size())).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
        int shown = 0;
        for (const DatasetProblem& p : restore->problems) {
            if (++shown > 50) break;
            const std::string t = (p.pointer.empty() ? std::string("/") : p.pointer) + ": " + (english ? p.message_en : p.message_nb);
            ui::label_text(t.c_str());
        }
        ImGui::PopStyleColor();
        if (ImGui::Button(tr("common.ok"))) restore.reset();
    } else {
        const Dataset& d = *restore->dataset;
        ui::label_text(trf("data.restore_ok", fmt::arg("file", file_name),
                           fmt::arg("organisation", d.organisation.name), fmt::arg("employees", d.employees.size()),
                           fmt::arg("absences", d.absences.size()))
                           .c_str());
        if (ui::primary_button(tr("data.restore_commit"))) {
            ctx.submit(replace_dataset(ctx.doc.data, d, std::string(tr("data.restored")) + " «" + file_name + "»"));
            restore.reset();
        } else {
            ImGui::SameLine();
            if (ImGui::Button(tr("common.cancel"))) restore.reset();
        }
    }
    ImGui::EndChild();
}

} // namespace iadesk::app
