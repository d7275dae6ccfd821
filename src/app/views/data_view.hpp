// Data (under Innstillinger): full backup as a JSON download and restore (checked first; nothing
// replaced on error; every error listed), CSV import of employees and of absence with a preview
// and per-row errors before anything is committed, the milestones as an .ics calendar file, and
// "start med tomt register", and newer published comparison figures (CSV, benchmarks.hpp) kept in the
// register with a preview first, and removed again. Every change is one command, so it can be undone.
#pragma once

#include "app/view_context.hpp"
#include "iadesk/benchmarks.hpp"
#include "iadesk/csv_import.hpp"
#include "iadesk/dataset.hpp"

#include <functional>
#include <optional>
#include <string>

namespace iadesk::app {

enum class FilePurpose { restore, import_employees, import_absences, import_comparison_figures };

// A picked file being read and checked (long work shows its progress). One stage a
// frame, in a modal with a progress bar: the first frame shows it before any work, the second
// runs the whole check (load_dataset or the CSV importer: the parsers are not resumable, so a 50 000-
// employee file holds that one frame for about a second), the third closes it and the preview
// appears. Nothing in the document changes until the user commits the preview.
struct FileCheckJob {
    FilePurpose purpose = FilePurpose::restore;
    std::string name;
    std::string bytes;
    int stage = 0; // 0 shown, 1 checking, 2 done
};

struct DataView {
    // A file the user chose, waiting to be checked (set by the App from the platform's picker).
    std::optional<FilePurpose> pending_purpose;
    std::string pending_name;
    std::optional<EmployeeImport> employee_import;
    std::optional<AbsenceImport> absence_import;
    std::optional<DatasetLoad> restore;
    std::optional<BenchmarkLoad> figures_import; // a comparison-figures CSV, checked, waiting for "Importer"
    std::string file_name;
    bool confirm_empty = false;
    bool start_over_requested = false; // "Start på nytt…": the App opens the start dialog
    std::optional<FileCheckJob> job;

    // `pick(purpose)` asks the platform for a file; the App calls on_file() when it arrives.
    void draw(ViewContext& ctx, const std::function<void(FilePurpose)>& pick);
    void on_file(const ViewContext& ctx, FilePurpose purpose, const std::string& name, const std::string& bytes);

private:
    void draw_import_preview(ViewContext& ctx);
    void draw_restore_preview(ViewContext& ctx);
    void draw_figures(ViewContext& ctx, const std::function<void(FilePurpose)>& pick); // data_view_figures.cpp
    void draw_job(const ViewContext& ctx);
};

} // namespace iadesk::app
