// benchmarks: comparison figures (sammenligningstall) for the bransje, the sector and the country,
// and the comparison of the organisation's own sick leave with them as NAV makes it (docs/domain.md,
// "Comparison with the bransje"; the file format in docs/data-format.md, "Comparison figures").
//
// Contract
// - The figures are data: a JSON table shipped with iadesk (assets/stats/comparison-figures.json,
//   dated, with its source) that a newer published table in CSV can extend without a new release.
//   Every figure names its category (land / sektor / bransje), code, measure, year and quarter;
//   a figure that could not be checked against its source carries verify = true and is shown so.
// - parse_benchmarks and import_benchmarks_csv never throw and never half-load: either the table
//   is set and `problems` is empty, or the table is empty and every problem is listed (JSON: with a
//   JSON pointer; CSV: with "line N, column C" as the pointer), in Norwegian and English.
// - merge_benchmarks: an imported figure replaces the figure of the same category, code, measure
//   and quarter; the rest are kept. The result is sorted (category, code, measure, year, quarter).
// - The comparison (NAV's rule, navikt/sykefravarsstatistikk vurdering-utils.ts and
//   sykefravarsstatistikk-api Aggregeringskalkulator): the last four quarters up to `last`; the
//   organisation's figure is tapte / mulige dagsverk summed over them; OVER when it is above the
//   bransje's x 1.1, UNDER when below x 0.9, else MIDDELS, comparing the one-decimal figures.
//   Fewer than four quarters with the organisation's figures, or with the bransje's, gives
//   incomplete; an organisation with fewer than 5 persons (stats.hpp masking) gives masked.
//   The bransje's four-quarter figure is the mean of its four quarterly percents (the published
//   tables give percents, not dagsverk; NAV sums the dagsverk) - docs/domain.md says what that
//   changes.
#pragma once

#include "iadesk/dataset.hpp"
#include "iadesk/model.hpp"
#include "iadesk/stats.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

// --- The organisation's classification (model.hpp) ---------------------------------------------
std::string_view sector_id(Sector s);                  // "statlig", "kommunal", "privat"; "" = unset
std::optional<Sector> sector_from_id(std::string_view id); // "" -> unset; unknown -> nullopt
std::string_view bransjeprogram_id(Bransjeprogram b);  // "barnehager" ...; "" = none
std::optional<Bransjeprogram> bransjeprogram_from_id(std::string_view id);
std::string_view industry_standard_id(IndustryStandard s); // "SN2007", "SN2025"
std::optional<IndustryStandard> industry_standard_from_id(std::string_view id);
// The i18n key of a sector or bransjeprogram's name ("comparison.sector.kommunal").
std::string sector_label_key(Sector s);
std::string bransjeprogram_label_key(Bransjeprogram b);
// "NN.NNN": two digits, a dot, three digits (the form Enhetsregisteret shows in both standards).
bool is_valid_naeringskode(std::string_view code);
// The bransjeprogram a næringskode belongs to in NAV's definition (navikt/ia-felles, Bransje):
// by næring (first two digits) for næringsmiddelindustri 10, bygg 41, anlegg 42; by
// næringsundergruppe for the others, with the codes of the standard given. none when it is in none.
Bransjeprogram bransjeprogram_for_code(std::string_view code, IndustryStandard standard);

// --- Comparison figures ------------------------------------------------------------------------
// BenchmarkCategory, SickLeaveMeasure and BenchmarkFigure are in model.hpp (the dataset keeps imported ones).
std::string_view benchmark_category_id(BenchmarkCategory c); // "land", "sektor", "bransje"
std::string_view measure_id(SickLeaveMeasure m);             // "legemeldt", "egen_og_legemeldt"
std::optional<BenchmarkCategory> benchmark_category_from_id(std::string_view id); // unknown -> nullopt
std::optional<SickLeaveMeasure> measure_from_id(std::string_view id);
// The allowed codes of a category, for messages ("statlig, kommunal, privat").
std::string_view benchmark_codes_allowed(BenchmarkCategory c);

// Whether `code` names a figure of category c: land "" (or "norge"), a sector id, a bransjeprogram id.
bool benchmark_code_known(BenchmarkCategory c, std::string_view code);

// "bransje barnehager legemeldt 2024K1": a figure named in a problem.
std::string benchmark_figure_name(const BenchmarkFigure& f);

struct BenchmarkTable {
    std::string source;           // the publication as a whole
    std::optional<Date> published;
    std::string note;
    std::vector<BenchmarkFigure> figures;
};

struct BenchmarkLoad {
    std::optional<BenchmarkTable> table;
    std::vector<DatasetProblem> problems;
    bool ok() const { return table.has_value(); }
};

// The JSON form (docs/data-format.md "Comparison figures"); fuzz-safe.
BenchmarkLoad parse_benchmarks(std::string_view json_text);
// The table shipped with this build (embedded assets/stats/comparison-figures.json).
BenchmarkLoad shipped_benchmarks();
// A newer published table: ';'-separated UTF-8 (a BOM is skipped), a header row naming the
// columns kategori;kode;år;kvartal;prosent (English names category;code;year;quarter;percent
// accepted) and an optional column måltall / measure (legemeldt | egen_og_legemeldt; default
// legemeldt). Decimal comma or point. `source` is recorded on every figure read.
BenchmarkLoad import_benchmarks_csv(std::string_view csv_text, const std::string& source);
BenchmarkTable merge_benchmarks(const BenchmarkTable& base, const BenchmarkTable& newer);
// The figures in the order every table keeps: category, code, measure, year, quarter.
void sort_benchmarks(std::vector<BenchmarkFigure>& figures);

// The table the comparison uses: the shipped one with the dataset's imported figures
// (Dataset::comparison_figures) in place of the shipped figures of the same key.
BenchmarkTable with_imported_figures(const BenchmarkTable& shipped, const Dataset& ds);

// The figure of one category/code/measure/quarter, or nullptr.
const BenchmarkFigure* find_benchmark(const BenchmarkTable& t, BenchmarkCategory c, std::string_view code,
                                      SickLeaveMeasure m, Quarter q);

// --- The comparison -----------------------------------------------------------------------------
enum class Verdict : uint8_t { over, middels, under, incomplete, masked, no_bransje };
std::string_view verdict_id(Verdict v); // "OVER", "MIDDELS", "UNDER", "UFULLSTENDIG", "MASKERT", "INGEN_BRANSJE"

// NAV's rule on the two one-decimal figures (the contract above).
Verdict judge_against_bransje(double organisation_percent, double bransje_percent);

struct ComparisonRow {
    Quarter quarter;
    std::optional<double> organisation;   // nullopt: masked or no mulige dagsverk
    bool organisation_masked = false;
    const BenchmarkFigure* bransje = nullptr; // point into the table given to compare_with_benchmarks
    const BenchmarkFigure* sector = nullptr;
    const BenchmarkFigure* land = nullptr;
};

struct Comparison {
    SickLeaveMeasure measure = SickLeaveMeasure::legemeldt;
    std::vector<ComparisonRow> rows;      // the four quarters, oldest first
    // The four-quarter figures (nullopt when incomplete or masked).
    std::optional<double> organisation;
    std::optional<double> bransje;
    std::optional<double> sector;
    std::optional<double> land;
    int organisation_quarters = 0;        // quarters with the organisation's own figure
    Verdict verdict = Verdict::no_bransje;
};

// The mean of the four quarterly percents, one decimal; nullopt unless all four are given.
std::optional<double> four_quarter_mean(const std::vector<const BenchmarkFigure*>& quarters);

// four_quarter_mean of the figures of one category/code/measure for the four quarters ending with `last`.
std::optional<double> four_quarter_figure(const BenchmarkTable& t, BenchmarkCategory c, std::string_view code,
                                          SickLeaveMeasure m, Quarter last);

// The comparison for the four quarters ending with `last` (the table must outlive the result).
Comparison compare_with_benchmarks(const Dataset& ds, const BenchmarkTable& table, Quarter last,
                                   SickLeaveMeasure measure = SickLeaveMeasure::legemeldt);

} // namespace iadesk
