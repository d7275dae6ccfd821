// Comparison figures as data (benchmarks.hpp): the shipped table, its JSON checks, the CSV import
// of a newer published table and the merge. Bad input gives problems, never a throw or half a table.
#include "iadesk/benchmarks.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk;

namespace {

const std::string kMinimal = R"({"format": "iadesk-comparison", "version": 1, "source": "test", "published": "2024-09-05",
 "series": [{"category": "land", "code": "", "measure": "legemeldt", "source": "ssb",
             "figures": [{"year": 2024, "quarter": 2, "percent": 5.9}]}]})";

std::string with(std::string text, const std::string& from, const std::string& to) {
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

TEST_CASE("comparison figures: the shipped table loads, dated, with its sources and verify marks") {
    const BenchmarkLoad r = shipped_benchmarks();
    for (const DatasetProblem& p : r.problems) MESSAGE(p.pointer << ": " << p.message_en);
    REQUIRE(r.ok());
    const BenchmarkTable& t = *r.table;
    CHECK(t.published == Date::from_ymd(2025, 9, 30));
    CHECK_FALSE(t.source.empty());
    CHECK(t.note.find("verify") != std::string::npos);
    // KS' table 1 (source SSB): legemeldt, all sectors, 2. kvartal 2024 = 5,9.
    const BenchmarkFigure* land = find_benchmark(t, BenchmarkCategory::land, "", SickLeaveMeasure::legemeldt, Quarter{2024, 2});
    REQUIRE(land != nullptr);
    CHECK(land->percent == doctest::Approx(5.9));
    CHECK_FALSE(land->verify);
    CHECK(land->source.find("ks.no") != std::string::npos);
    // The kommuner's figures stand in for the kommunal sector: marked to verify.
    const BenchmarkFigure* kommunal = find_benchmark(t, BenchmarkCategory::sektor, "kommunal", SickLeaveMeasure::legemeldt, Quarter{2024, 1});
    REQUIRE(kommunal != nullptr);
    CHECK(kommunal->verify);
    // Statlig forvaltning, egen- og legemeldt, 1. kvartal 2022 = 8,1.
    const BenchmarkFigure* statlig = find_benchmark(t, BenchmarkCategory::sektor, "statlig", SickLeaveMeasure::total, Quarter{2022, 1});
    REQUIRE(statlig != nullptr);
    CHECK(statlig->percent == doctest::Approx(8.1));
    for (const BenchmarkFigure& f : t.figures) {
        CAPTURE(benchmark_figure_name(f));
        CHECK_FALSE(f.source.empty());
        CHECK(f.percent > 0);
        CHECK(f.percent < 20);
    }
}

TEST_CASE("comparison figures: JSON problems carry a pointer, and nothing is loaded") {
    REQUIRE(parse_benchmarks(kMinimal).ok());
    const auto percent = parse_benchmarks(with(kMinimal, "5.9", "150")).problems;
    REQUIRE(percent.size() == 1);
    CHECK(percent[0].pointer == "/series/0/figures/0/percent");
    CHECK(percent[0].message_nb == "Ugyldig sykefraværsprosent «150» (et tall fra 0 til 100, f.eks. 6,2)");
    const auto quarter = parse_benchmarks(with(kMinimal, "\"quarter\": 2", "\"quarter\": 5"));
    CHECK_FALSE(quarter.ok());
    REQUIRE(quarter.problems.size() == 1);
    CHECK(quarter.problems[0].pointer == "/series/0/figures/0/quarter");
    const auto category = parse_benchmarks(with(kMinimal, "\"land\"", "\"fylke\"")).problems;
    REQUIRE(category.size() == 1);
    CHECK(category[0].pointer == "/series/0/category");
    const auto code = parse_benchmarks(with(with(kMinimal, "\"land\"", "\"bransje\""), "\"code\": \"\"", "\"code\": \"skoler\"")).problems;
    REQUIRE(code.size() == 1);
    CHECK(code[0].pointer == "/series/0/code");
    const auto twice = parse_benchmarks(with(kMinimal, "{\"year\": 2024, \"quarter\": 2, \"percent\": 5.9}",
                                             "{\"year\": 2024, \"quarter\": 2, \"percent\": 5.9}, {\"year\": 2024, \"quarter\": 2, \"percent\": 6.0}")).problems;
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].code == ProblemCode::benchmark_figure_twice);
    CHECK(twice[0].message_en == "The figure for land legemeldt 2024K2 is given twice");
    const auto syntax = parse_benchmarks("{\n \"format\": }");
    REQUIRE(syntax.problems.size() == 1);
    CHECK(syntax.problems[0].code == ProblemCode::json_syntax);
    CHECK(syntax.problems[0].message_en.find("line 2") != std::string::npos);
    CHECK_FALSE(parse_benchmarks("[1, 2]").ok());
    CHECK_FALSE(parse_benchmarks("").ok());
}

TEST_CASE("comparison figures: every prefix of the shipped file and of a CSV is refused or read, never thrown") {
    const std::string shipped = R"({"format": "iadesk-comparison", "version": 1, "source": "s", "published": "2025-09-30", "series": [{"category": "sektor", "code": "statlig", "measure": "egen_og_legemeldt", "source": "x", "figures": [{"year": 2022, "quarter": 1, "percent": 8.1, "verify": true}]}]})";
    for (std::size_t n = 0; n < shipped.size(); ++n) {
        const BenchmarkLoad r = parse_benchmarks(std::string_view(shipped).substr(0, n));
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.problems.empty());
    }
    const std::string csv = "kategori;kode;år;kvartal;prosent\nbransje;barnehager;2024;3;10,4\n";
    for (std::size_t n = 0; n <= csv.size(); ++n) {
        const BenchmarkLoad r = import_benchmarks_csv(std::string_view(csv).substr(0, n), "t");
        CHECK(r.ok() == r.problems.empty());
    }
    std::string noise;
    for (int i = 0; i < 512; ++i) noise += static_cast<char>((i * 37 + 11) % 256);
    CHECK_FALSE(parse_benchmarks(noise).ok());
    CHECK_FALSE(import_benchmarks_csv(noise, "t").ok());
}

TEST_CASE("comparison figures: a newer table in CSV, BOM and decimal comma, replaces the same quarter") {
    const std::string csv = "\xEF\xBB\xBF" "Kategori;Kode;År;Kvartal;Prosent\r\n"
                            "bransje;barnehager;2024;3;10,4\r\n"
                            "land;;2024;2;6,0\r\n"
                            "sektor;privat;2024;3;5,1\r\n";
    const BenchmarkLoad r = import_benchmarks_csv(csv, "ssb-2024K3.csv");
    for (const DatasetProblem& p : r.problems) MESSAGE(p.pointer << ": " << p.message_en);
    REQUIRE(r.ok());
    REQUIRE(r.table->figures.size() == 3);
    const BenchmarkFigure* b = find_benchmark(*r.table, BenchmarkCategory::bransje, "barnehager", SickLeaveMeasure::legemeldt, Quarter{2024, 3});
    REQUIRE(b != nullptr); // no måltall column: legemeldt
    CHECK(b->percent == doctest::Approx(10.4));
    CHECK(b->source == "ssb-2024K3.csv");
    CHECK(r.table->figures[0].category == BenchmarkCategory::land); // sorted like every table

    const BenchmarkTable base = *parse_benchmarks(kMinimal).table; // land legemeldt 2024K2 = 5,9
    const BenchmarkTable merged = merge_benchmarks(base, *r.table);
    // 1 + 3 figures, land 2024K2 replaced (5,9 -> 6,0): 3 figures.
    CHECK(merged.figures.size() == 3);
    const BenchmarkFigure* land = find_benchmark(merged, BenchmarkCategory::land, "", SickLeaveMeasure::legemeldt, Quarter{2024, 2});
    REQUIRE(land != nullptr);
    CHECK(land->percent == doctest::Approx(6.0));
    CHECK(land->source == "ssb-2024K3.csv");
    CHECK(find_benchmark(merged, BenchmarkCategory::sektor, "privat", SickLeaveMeasure::legemeldt, Quarter{2024, 3}) != nullptr);
}

TEST_CASE("comparison figures: CSV errors give line and column, and nothing is imported") {
    const std::string csv = "kategori;kode;år;kvartal;prosent\n"
                            "bransje;barnehager;2024;3;10,4\n"
                            "bransje;barnehager;2024;4;ti\n"
                            "bransje;skoler;2024;4;5,0\n"
                            "land;;2024;7;5,0\n";
    const BenchmarkLoad r = import_benchmarks_csv(csv, "t");
    CHECK_FALSE(r.ok()); // line 2 was good, but nothing is imported
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].pointer == "line 3, column prosent");
    CHECK(r.problems[0].message_nb == "Linje 3, kolonne «prosent»: Ugyldig sykefraværsprosent «ti» (et tall fra 0 til 100, f.eks. 6,2)");
    CHECK(r.problems[0].message_en.rfind("Line 3, column \"prosent\": ", 0) == 0);
    CHECK(r.problems[1].pointer == "line 4, column kode");
    CHECK(r.problems[1].message_nb.find("«skoler»") != std::string::npos);
    CHECK(r.problems[2].pointer == "line 5, column kvartal");

    const BenchmarkLoad missing = import_benchmarks_csv("kategori;kode;år;prosent\nland;;2024;5,0\n", "t");
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].code == ProblemCode::csv_column_missing);
    CHECK(missing.problems[0].message_nb.find("«kvartal»") != std::string::npos);

    const BenchmarkLoad twice = import_benchmarks_csv("kategori;kode;år;kvartal;prosent\nland;;2024;1;5,0\nland;;2024;1;5,1\n", "t");
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].pointer == "line 3");
    CHECK_FALSE(import_benchmarks_csv("", "t").ok());
    CHECK_FALSE(import_benchmarks_csv("kategori;kode;år;kvartal;prosent\n", "t").ok());
}
