#include "app/views/data_view.hpp"

#include "app/format.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "iadesk/access.hpp"
#include "iadesk/ics.hpp"

#include <imgui.h>

#include <cstdio>
#include <ctime>

namespace iadesk::app {
namespace {

void draw_errors(const std::vector<CsvRowError>& errors, bool english) {
    ImGui::PushStyleColor(ImGuiCol_Text, colours().text_error);
    for (const CsvRowError& e : errors) {
        char where[96];
        if (e.line == 0) std::snprintf(where, sizeof where, "%s", english ? "File" : "Filen");
        else if (e.column.empty()) std::snprintf(where, sizeof where, english ? "Line %zu" : "Linje %zu", e.line);
        else std::snprintf(where, sizeof where, english ? "Line %zu, column %s" : "Linje %zu, kolonne %s", e.line, e.column.c_str());
        const std::string line = std::string(where) + ": " + (english ? e.message_en : e.message_nb);
        ui::label_text(line.c_str());
    }
    ImGui::PopStyleColor();
}

} // namespace

void DataView::on_file(const ViewContext&, FilePurpose purpose, const std::string& name, const std::string& bytes) {
    employee_import.reset();
    absence_import.reset();
    restore.reset();
    file_name = name;
    job = FileCheckJob{purpose, name, bytes, 0};
}

void DataView::draw_job(const ViewContext& ctx) {
    const char* id = "##file-check";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        const std::string size = format_decimal(static_cast<double>(job->bytes.size()) / 1e6, 1, ctx.language);
        const char* stage_key = job->stage == 0 ? "data.job_reading" : job->stage == 1 ? "data.job_checking" : "data.job_done";
        char line[512];
        std::snprintf(line, sizeof line, tr(stage_key), job->name.c_str(), size.c_str());
        ui::text(line);
        char step[32];
        std::snprintf(step, sizeof step, "%d / 3", job->stage + 1);
        ImGui::ProgressBar(static_cast<float>(job->stage + 1) / 3.0f, ImVec2(26 * ImGui::GetFontSize(), 0), step);
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
        char name[64];
        std::snprintf(name, sizeof name, "iadesk-sikkerhetskopi-%s.json", format_iso(ctx.today).c_str());
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
    ImGui::TextDisabled("%s", tr("data.export_ics_help"));

    if (!ctx.can_edit(EditArea::organisation)) return;
    ImGui::Spacing();
    ImGui::Separator();
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
    char line[256];
    std::snprintf(line, sizeof line, tr("data.preview_summary"), file_name.c_str(), static_cast<int>(rows),
                  static_cast<int>(errors.size()));
    ui::label_text(line);
    // The encoding found (csv.hpp): says so when the file was converted; a refused one is an error below.
    const CsvEncoding encoding = employee_import ? employee_import->encoding : absence_import->encoding;
    if (encoding != CsvEncoding::refused) {
        const char* key = csv_encoding_converted(encoding) ? "data.preview_encoding_converted" : "data.preview_encoding";
        std::snprintf(line, sizeof line, tr(key), std::string(csv_encoding_name(encoding)).c_str());
        ui::label_text(line);
    }
    if (!errors.empty()) {
        ui::label_text(tr("data.preview_nothing"));
        draw_errors(errors, english);
    } else if (employee_import) {
        for (const Unit& u : employee_import->new_units) {
            std::snprintf(line, sizeof line, tr("data.preview_new_unit"), u.name.c_str());
            ui::label_text(line);
        }
        int shown = 0;
        for (const EmployeeImportRow& r : employee_import->rows) {
            if (++shown > 12) break;
            std::snprintf(line, sizeof line, "%s · %s · %s %%", r.name.c_str(), r.unit.c_str(),
                          format_decimal(r.employment.percent, 0, ctx.language).c_str());
            ImGui::BulletText("%s", line);
        }
    } else {
        int shown = 0;
        for (const AbsenceImportRow& r : absence_import->rows) {
            if (++shown > 12) break;
            ImGui::BulletText("%s · %s · %s", r.employee_name.c_str(), format_date(r.absence.from, ctx.language).c_str(),
                              tr(r.absence.kind == AbsenceKind::egenmelding ? "absence.egenmelding" : "absence.sykmelding"));
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
    char line[256];
    // A file of a newer format version is refused with the message the start-up gives for such data.
    const bool newer = !restore->ok() && restore->problems.size() == 1 && restore->problems.front().code == ProblemCode::format_newer;
    if (newer) {
        std::snprintf(line, sizeof line, tr("data.restore_newer"), file_name.c_str());
        ui::label_text(line);
        if (ImGui::Button(tr("common.ok"))) restore.reset();
    } else if (!restore->ok()) {
        std::snprintf(line, sizeof line, tr("data.restore_bad"), file_name.c_str(), static_cast<int>(restore->problems.size()));
        ui::label_text(line);
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
        std::snprintf(line, sizeof line, tr("data.restore_ok"), file_name.c_str(), d.organisation.name.c_str(),
                      static_cast<int>(d.employees.size()), static_cast<int>(d.absences.size()));
        ui::label_text(line);
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
