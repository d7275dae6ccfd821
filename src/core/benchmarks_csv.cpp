// benchmarks_csv: a newer published table of comparison figures in CSV (benchmarks.hpp contract).
// The file is read by the project's CSV reader (csv.hpp: encodings, BOM, quoting); nothing is
// imported when any row has a problem, and every problem names its line and column.
#include "iadesk/benchmarks.hpp"
#include "iadesk/csv.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>

namespace iadesk {
namespace {

struct Column {
    const char* key;                      // the canonical (Norwegian) name
    std::array<const char*, 3> accepted;  // names accepted in a header, lower case
    bool required;
};
constexpr std::array<Column, 6> kColumns = {{
    {"kategori", {"kategori", "category", nullptr}, true},
    {"kode", {"kode", "code", nullptr}, true},
    {"år", {"år", "ar", "year"}, true},
    {"kvartal", {"kvartal", "quarter", nullptr}, true},
    {"prosent", {"prosent", "percent", "sykefraværsprosent"}, true},
    {"måltall", {"måltall", "measure", "fravær"}, false},
}};

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // Æ Ø Å (UTF-8 C3 86, C3 98, C3 85) to æ ø å: headers written "År" or "MÅLTALL".
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '\xC3' && (s[i + 1] == '\x86' || s[i + 1] == '\x98' || s[i + 1] == '\x85'))
            s[i + 1] = static_cast<char>(s[i + 1] + 0x20);
    return s;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

DatasetProblem at_cell(std::size_t line, std::string_view column, ProblemCode code, std::initializer_list<ProblemArg> args) {
    ProblemText t = problem_text(code, args);
    const std::string col(column);
    std::string where_nb = "Linje " + std::to_string(line) + (col.empty() ? "" : ", kolonne «" + col + "»");
    std::string where_en = "Line " + std::to_string(line) + (col.empty() ? "" : ", column \"" + col + "\"");
    return {"line " + std::to_string(line) + (col.empty() ? "" : ", column " + col), where_nb + ": " + t.nb,
            where_en + ": " + t.en, code};
}

std::optional<int> read_int(const std::string& s) {
    if (s.empty() || s.size() > 6) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<double> read_percent(std::string s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    for (char& c : s) {
        if (c == ',') c = '.';
        else if (!((c >= '0' && c <= '9') || c == '.')) return std::nullopt;
    }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v) || v < 0 || v > 100) return std::nullopt;
    return v;
}

} // namespace

BenchmarkLoad import_benchmarks_csv(std::string_view csv_text, const std::string& source) {
    BenchmarkLoad out;
    std::vector<DatasetProblem>& probs = out.problems;
    const CsvTable csv = parse_csv(csv_text);
    for (const CsvRowError& e : csv.errors) {
        std::string where_nb = "Linje " + std::to_string(e.line), where_en = "Line " + std::to_string(e.line);
        probs.push_back({"line " + std::to_string(e.line), where_nb + ": " + e.message_nb, where_en + ": " + e.message_en, e.code});
    }
    if (csv.header.empty()) {
        if (probs.empty()) probs.push_back(at_cell(1, "", ProblemCode::csv_file_empty, {}));
        return out;
    }
    std::array<int, kColumns.size()> index;
    index.fill(-1);
    for (std::size_t h = 0; h < csv.header.size(); ++h) {
        const std::string name = lower(trim(csv.header[h]));
        for (std::size_t c = 0; c < kColumns.size(); ++c)
            for (const char* a : kColumns[c].accepted)
                if (a && name == a) {
                    if (index[c] >= 0)
                        probs.push_back(at_cell(csv.header_line, csv.header[h], ProblemCode::csv_column_twice,
                                                {{"column", csv.header[h]}, {"other", csv.header[static_cast<std::size_t>(index[c])]}}));
                    else index[c] = static_cast<int>(h);
                }
    }
    for (std::size_t c = 0; c < kColumns.size(); ++c)
        if (kColumns[c].required && index[c] < 0)
            probs.push_back(at_cell(csv.header_line, kColumns[c].key, ProblemCode::csv_column_missing,
                                    {{"column", kColumns[c].key}, {"accepted", "kategori;kode;år;kvartal;prosent[;måltall]"}}));
    if (!probs.empty()) return out;

    BenchmarkTable table;
    table.source = source;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        const auto& row = csv.rows[r];
        const std::size_t line = r < csv.lines.size() ? csv.lines[r] : 0;
        auto cell = [&](std::size_t c) { return index[c] >= 0 && static_cast<std::size_t>(index[c]) < row.size() ? trim(row[static_cast<std::size_t>(index[c])]) : std::string(); };
        auto header = [&](std::size_t c) { return index[c] >= 0 ? csv.header[static_cast<std::size_t>(index[c])] : std::string(kColumns[c].key); };
        BenchmarkFigure f;
        f.source = source;
        bool ok = true;
        const std::string cat = lower(cell(0));
        if (cat == "land" || cat == "norge") f.category = BenchmarkCategory::land;
        else if (cat == "sektor" || cat == "sector") f.category = BenchmarkCategory::sektor;
        else if (cat == "bransje") f.category = BenchmarkCategory::bransje;
        else { probs.push_back(at_cell(line, header(0), ProblemCode::unknown_value, {{"value", cell(0)}, {"allowed", "land, sektor, bransje"}})); ok = false; }
        f.code = lower(cell(1));
        if (ok && f.category == BenchmarkCategory::land) f.code.clear();
        if (ok && !benchmark_code_known(f.category, f.code)) {
            probs.push_back(at_cell(line, header(1), ProblemCode::unknown_value,
                                    {{"value", cell(1)}, {"allowed", f.category == BenchmarkCategory::sektor ? "statlig, kommunal, privat"
                                                                       : "barnehager, naeringsmiddelindustri, sykehus, sykehjem, transport, bygg, anlegg"}}));
            ok = false;
        }
        const auto year = read_int(cell(2));
        if (!year || *year < 1990 || *year > 2200) {
            probs.push_back(at_cell(line, header(2), ProblemCode::integer_range, {{"lo", 1990}, {"hi", 2200}, {"value", cell(2)}}));
            ok = false;
        }
        std::string qtext = lower(cell(3));
        if (!qtext.empty() && (qtext[0] == 'k' || qtext[0] == 'q')) qtext.erase(0, 1);
        const auto quarter = read_int(qtext);
        if (!quarter || *quarter < 1 || *quarter > 4) {
            probs.push_back(at_cell(line, header(3), ProblemCode::integer_range, {{"lo", 1}, {"hi", 4}, {"value", cell(3)}}));
            ok = false;
        }
        const auto percent = read_percent(cell(4));
        if (!percent) {
            probs.push_back(at_cell(line, header(4), ProblemCode::benchmark_percent_invalid, {{"value", cell(4)}}));
            ok = false;
        }
        const std::string measure = lower(cell(5));
        if (measure.empty() || measure == "legemeldt") f.measure = SickLeaveMeasure::legemeldt;
        else if (measure == "egen_og_legemeldt" || measure == "egen- og legemeldt" || measure == "total") f.measure = SickLeaveMeasure::total;
        else { probs.push_back(at_cell(line, header(5), ProblemCode::unknown_value, {{"value", cell(5)}, {"allowed", "legemeldt, egen_og_legemeldt"}})); ok = false; }
        if (!ok) continue;
        f.year = *year;
        f.quarter = *quarter;
        f.percent = *percent;
        for (const BenchmarkFigure& g : table.figures)
            if (g.category == f.category && g.code == f.code && g.measure == f.measure && g.year == f.year && g.quarter == f.quarter) {
                probs.push_back(at_cell(line, "", ProblemCode::benchmark_figure_twice, {{"figure", benchmark_figure_name(f)}}));
                ok = false;
                break;
            }
        if (ok) table.figures.push_back(std::move(f));
    }
    if (probs.empty() && table.figures.empty()) probs.push_back(at_cell(csv.header_line, "", ProblemCode::csv_file_empty, {}));
    if (!probs.empty()) return out;
    sort_benchmarks(table.figures);
    out.table = std::move(table);
    return out;
}

} // namespace iadesk
