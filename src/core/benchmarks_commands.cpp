// benchmarks_commands: the imported comparison figures as commands (include/iadesk/commands.hpp,
// "Comparison figures"), so that an import is one undoable step, logged, and saved with the register.
#include "iadesk/benchmarks.hpp"
#include "iadesk/commands.hpp"

#include "dataset_internal.hpp"


namespace iadesk {
namespace {

Command figures_command(const Dataset& ds, std::vector<BenchmarkFigure> next, std::string description) {
    Command c;
    c.description = std::move(description);
    c.affects_cases = false; // cases and milestones never read the comparison figures
    c.touched = Touched::none();
    c.apply = [next = std::move(next)](Dataset& d) { d.comparison_figures = next; };
    c.undo = [old = ds.comparison_figures](Dataset& d) { d.comparison_figures = old; };
    return c;
}

} // namespace

CommandResult import_comparison_figures(const Dataset& ds, std::vector<BenchmarkFigure> figures, std::string_view file_name) {
    if (figures.empty()) return refused("comparison_figures", ProblemCode::field_missing, {{"key", "figures"}});
    // The loader's checks on the imported figures alone (a duplicate within the file is refused too).
    Dataset candidate;
    candidate.comparison_figures = figures;
    std::vector<DatasetProblem> found;
    detail_ds::Reporter rep{found};
    detail_ds::check_comparison_figures(candidate, nullptr, detail_ds::Path{}, rep);
    if (!found.empty()) {
        std::vector<Problem> p;
        for (DatasetProblem& d : found)
            p.push_back({d.pointer.empty() ? std::string() : d.pointer.substr(1), std::move(d.message_nb), std::move(d.message_en), d.code});
        return refused(std::move(p));
    }
    const std::size_t count = figures.size();
    BenchmarkTable stored, incoming;
    stored.figures = ds.comparison_figures;
    incoming.figures = std::move(figures);
    std::vector<BenchmarkFigure> next = merge_benchmarks(stored, incoming).figures; // same key replaced, sorted
    return accepted(figures_command(ds, std::move(next),
                                    "Importerte " + std::to_string(count) + " sammenligningstall fra «" + std::string(file_name) + "»"));
}

CommandResult remove_comparison_figures(const Dataset& ds) {
    if (ds.comparison_figures.empty()) return refused("comparison_figures", ProblemCode::field_missing, {{"key", "comparison_figures"}});
    return accepted(figures_command(ds, {}, "Fjernet " + std::to_string(ds.comparison_figures.size()) + " importerte sammenligningstall"));
}

} // namespace iadesk
