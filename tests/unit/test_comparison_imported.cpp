// Imported comparison figures kept in the register (format 5, Dataset::comparison_figures;
// benchmarks.hpp, commands.hpp "Comparison figures"): read, checked and written with the document,
// imported and removed as undoable commands, and used by the comparison before the shipped table.
// Expected numbers are worked out by hand in the comment above their check.
#include "iadesk/benchmarks.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace iadesk;
namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(IADESK_SOURCE_DIR) / "tests" / "fixtures" / "dataset-v5" / "comparison-figures.json";

std::string fixture_text() {
    std::ifstream in(kFixture, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Dataset fixture() {
    DatasetLoad r = load_dataset(fixture_text());
    for (const DatasetProblem& p : r.problems) MESSAGE(p.pointer << ": " << p.message_en);
    REQUIRE(r.ok());
    return *r.dataset;
}

std::vector<DatasetProblem> problems_with(const std::string& from, const std::string& to) {
    std::string text = fixture_text();
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    DatasetLoad r = load_dataset(text);
    CHECK_FALSE(r.ok()); // nothing is loaded when a figure is wrong
    return r.problems;
}

BenchmarkFigure bransje(int year, int quarter, double percent, std::string source = "ny.csv") {
    BenchmarkFigure f;
    f.category = BenchmarkCategory::bransje;
    f.code = "barnehager";
    f.year = year;
    f.quarter = quarter;
    f.percent = percent;
    f.source = std::move(source);
    return f;
}

} // namespace

TEST_CASE("imported figures: the v5 fixture reads them, sorted, and writes them back the same") {
    const Dataset ds = fixture();
    REQUIRE(ds.comparison_figures.size() == 5);
    // Sorted like every table: land before bransje.
    CHECK(ds.comparison_figures[0].category == BenchmarkCategory::land);
    CHECK(ds.comparison_figures[0].percent == doctest::Approx(6.5));
    CHECK(ds.comparison_figures[1].category == BenchmarkCategory::bransje);
    CHECK(ds.comparison_figures[1].year == 2025);
    CHECK(ds.comparison_figures[1].quarter == 2);
    CHECK(ds.comparison_figures[4].source == "«ssb-2026K1.csv», importert 01.06.2026");
    const std::string saved = save_dataset(ds);
    CHECK(saved.find("\"comparison_figures\": [") != std::string::npos);
    DatasetLoad back = load_dataset(saved);
    REQUIRE(back.ok());
    CHECK(back.dataset->comparison_figures == ds.comparison_figures);
    CHECK(save_dataset(*back.dataset) == saved);
    // A register without imported figures writes no member at all.
    Dataset none = ds;
    none.comparison_figures.clear();
    CHECK(save_dataset(none).find("comparison_figures") == std::string::npos);
}

TEST_CASE("imported figures: a wrong figure is refused at its place, and nothing is loaded") {
    auto first = [](const std::vector<DatasetProblem>& p) { return p.empty() ? std::string() : p.front().pointer; };
    // The file order: [0] bransje 2025K2, [1] 2025K3, ... [4] land 2026K1.
    CHECK(first(problems_with("\"percent\": 10.0", "\"percent\": 110")) == "/comparison_figures/0/percent");
    CHECK(first(problems_with("\"code\": \"barnehager\", \"measure\": \"legemeldt\", \"year\": 2025, \"quarter\": 3",
                              "\"code\": \"skoler\", \"measure\": \"legemeldt\", \"year\": 2025, \"quarter\": 3")) ==
          "/comparison_figures/1/code");
    CHECK(first(problems_with("\"year\": 2025, \"quarter\": 4", "\"year\": 2025, \"quarter\": 5")) == "/comparison_figures/2/quarter");
    CHECK(first(problems_with("\"measure\": \"legemeldt\", \"year\": 2026, \"quarter\": 1, \"percent\": 12.0",
                              "\"measure\": \"sykmeldt\", \"year\": 2026, \"quarter\": 1, \"percent\": 12.0")) ==
          "/comparison_figures/3/measure");
    // Not a list (the figures moved under a member iadesk does not know, which is ignored).
    CHECK(first(problems_with("\"comparison_figures\": [", "\"comparison_figures\": 7, \"unknown\": [")) == "/comparison_figures");
    // The same quarter twice: the second one is named.
    const auto twice = problems_with("\"year\": 2025, \"quarter\": 3", "\"year\": 2025, \"quarter\": 2");
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].pointer == "/comparison_figures/1");
    CHECK(twice[0].message_nb.find("bransje barnehager legemeldt 2025K2") != std::string::npos);
}

TEST_CASE("imported figures: the comparison uses them before the shipped table") {
    // Five at 100 % since 2020; E1 sykmeldt 100 % 01.04.2025-31.03.2026, all of 2025K2..2026K1:
    // 1 of 5 = 20,0 % in each quarter. The shipped table has barnehager for 2025K1 only, so without
    // the imported figures there is no verdict.
    const Dataset ds = fixture();
    const BenchmarkLoad shipped = shipped_benchmarks();
    REQUIRE(shipped.ok());
    Dataset without = ds;
    without.comparison_figures.clear();
    const BenchmarkTable shipped_only = with_imported_figures(*shipped.table, without);
    CHECK(compare_with_benchmarks(without, shipped_only, Quarter{2026, 1}).verdict == Verdict::incomplete);

    // Imported barnehager 10,0 9,0 11,0 12,0: mean 42 / 4 = 10,5; 10,5 x 1,1 = 11,55 < 20,0: OVER.
    const BenchmarkTable table = with_imported_figures(*shipped.table, ds);
    const Comparison c = compare_with_benchmarks(ds, table, Quarter{2026, 1});
    REQUIRE(c.rows.size() == 4);
    CHECK(c.organisation == doctest::Approx(20.0));
    CHECK(c.bransje == doctest::Approx(10.5));
    CHECK(c.verdict == Verdict::over);
    REQUIRE(c.rows[3].bransje != nullptr);
    CHECK(c.rows[3].bransje->source == "«ssb-2026K1.csv», importert 01.06.2026");
    // The country: only 2026K1 (6,5) is imported, the shipped series ends 2025K1: no four-quarter figure.
    REQUIRE(c.rows[3].land != nullptr);
    CHECK(c.rows[3].land->percent == doctest::Approx(6.5));
    CHECK(c.rows[0].land == nullptr);
    CHECK_FALSE(c.land.has_value());
    // The shipped figures the register does not replace are all still there.
    CHECK(table.figures.size() == shipped.table->figures.size() + 5);
}

TEST_CASE("imported figures: importing is one undoable step that replaces the same quarter and keeps the rest") {
    Document doc;
    doc.reset(fixture());
    // 2025K2 again (10,0 -> 10,2) and a new quarter 2026K2: 5 stored, 1 replaced, 1 added = 6.
    CommandResult r = import_comparison_figures(doc.data, {bransje(2025, 2, 10.2), bransje(2026, 2, 9.5)}, "ny.csv");
    REQUIRE(r.ok());
    CHECK(r.command->description == "Importerte 2 sammenligningstall fra «ny.csv»");
    CHECK(doc.apply(std::move(*r.command)).empty());
    REQUIRE(doc.data.comparison_figures.size() == 6);
    CHECK(doc.data.comparison_figures[1].percent == doctest::Approx(10.2));
    CHECK(doc.data.comparison_figures[1].source == "ny.csv");
    CHECK(doc.data.comparison_figures[5].year == 2026);
    CHECK(doc.data.comparison_figures[5].quarter == 2);
    CHECK(doc.change_log().back().description == "Importerte 2 sammenligningstall fra «ny.csv»");
    doc.undo();
    CHECK(doc.data.comparison_figures == fixture().comparison_figures);

    CommandResult gone = remove_comparison_figures(doc.data);
    REQUIRE(gone.ok());
    CHECK(gone.command->description == "Fjernet 5 importerte sammenligningstall");
    CHECK(doc.apply(std::move(*gone.command)).empty());
    CHECK(doc.data.comparison_figures.empty());
    CHECK_FALSE(remove_comparison_figures(doc.data).ok()); // nothing left to remove
    doc.undo();
    CHECK(doc.data.comparison_figures.size() == 5);
}

TEST_CASE("imported figures: an empty or wrong import is refused and changes nothing") {
    const Dataset ds = fixture();
    CHECK_FALSE(import_comparison_figures(ds, {}, "tom.csv").ok());
    CommandResult bad = import_comparison_figures(ds, {bransje(2026, 2, 120)}, "feil.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.problems[0].field == "comparison_figures/0/percent");
    CommandResult twice = import_comparison_figures(ds, {bransje(2026, 2, 9), bransje(2026, 2, 8)}, "to.csv");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.problems[0].message_en.find("2026K2") != std::string::npos);
}
