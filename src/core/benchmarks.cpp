// benchmarks: the classification ids, NAV's bransje definition and the JSON form of the comparison
// figures (see benchmarks.hpp for the contract; the CSV import is in benchmarks_csv.cpp, the
// comparison in benchmarks_compare.cpp).
#include "iadesk/benchmarks.hpp"

#include "iadesk/assets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <tuple>

namespace iadesk {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 4> kSectorIds = {"", "statlig", "kommunal", "privat"};
constexpr std::array<std::string_view, 8> kBransjeIds = {"",        "barnehager", "naeringsmiddelindustri", "sykehus",
                                                          "sykehjem", "transport",  "bygg",                   "anlegg"};

bool digit(char c) { return c >= '0' && c <= '9'; }

bool in(std::string_view code5, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), code5) != list.end();
}

DatasetProblem problem(std::string pointer, ProblemCode code, std::initializer_list<ProblemArg> args = {}) {
    ProblemText t = problem_text(code, args);
    return {std::move(pointer), std::move(t.nb), std::move(t.en), code};
}

// nlohmann's DOM builder, remembering where a syntax error was (the parser never throws with
// allow_exceptions = false).
struct DomWithPosition : nlohmann::detail::json_sax_dom_parser<json> {
    using nlohmann::detail::json_sax_dom_parser<json>::json_sax_dom_parser;
    std::size_t error_at = 0;
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        error_at = position;
        return false;
    }
};

std::string type_name(const json& v) {
    switch (v.type()) {
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::null: return "null";
    default: return "number";
    }
}

// Reads the members of one object, reporting at `base` + "/" + key.
struct Fields {
    const json& obj;
    std::string base;
    std::vector<DatasetProblem>& out;

    const json* get(const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) out.push_back(problem(base, ProblemCode::field_missing, {{"key", key}}));
            return nullptr;
        }
        return &*it;
    }
    void wrong(const char* key, const char* expected, const json& v) {
        out.push_back(problem(base + "/" + key, ProblemCode::wrong_type, {{"expected", expected}, {"actual", type_name(v)}}));
    }
    std::optional<std::string> text(const char* key, bool required) {
        const json* v = get(key, required);
        if (!v) return required ? std::nullopt : std::optional<std::string>(std::string());
        if (!v->is_string()) { wrong(key, "string", *v); return std::nullopt; }
        return v->get<std::string>();
    }
    std::optional<int> integer(const char* key, int lo, int hi) {
        const json* v = get(key, true);
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) { wrong(key, "integer", *v); return std::nullopt; }
        const long long n = v->get<long long>();
        if (n < lo || n > hi) {
            out.push_back(problem(base + "/" + key, ProblemCode::integer_range, {{"lo", lo}, {"hi", hi}, {"value", n}}));
            return std::nullopt;
        }
        return static_cast<int>(n);
    }
};

auto figure_key(const BenchmarkFigure& f) { return std::tuple(f.category, std::string_view(f.code), f.measure, f.year, f.quarter); }

} // namespace

std::optional<BenchmarkCategory> benchmark_category_from_id(std::string_view id) {
    if (id == "land") return BenchmarkCategory::land;
    if (id == "sektor") return BenchmarkCategory::sektor;
    if (id == "bransje") return BenchmarkCategory::bransje;
    return std::nullopt;
}

std::optional<SickLeaveMeasure> measure_from_id(std::string_view id) {
    if (id == "legemeldt") return SickLeaveMeasure::legemeldt;
    if (id == "egen_og_legemeldt") return SickLeaveMeasure::total;
    return std::nullopt;
}

std::string_view benchmark_codes_allowed(BenchmarkCategory c) {
    switch (c) {
    case BenchmarkCategory::sektor: return "statlig, kommunal, privat";
    case BenchmarkCategory::bransje: return "barnehager, naeringsmiddelindustri, sykehus, sykehjem, transport, bygg, anlegg";
    case BenchmarkCategory::land: break;
    }
    return "\"\"";
}

// --- Classification ------------------------------------------------------------------------------

std::string_view sector_id(Sector s) { return kSectorIds[static_cast<std::size_t>(s) % kSectorIds.size()]; }
std::optional<Sector> sector_from_id(std::string_view id) {
    for (std::size_t i = 0; i < kSectorIds.size(); ++i)
        if (kSectorIds[i] == id) return static_cast<Sector>(i);
    return std::nullopt;
}
std::string_view bransjeprogram_id(Bransjeprogram b) { return kBransjeIds[static_cast<std::size_t>(b) % kBransjeIds.size()]; }
std::optional<Bransjeprogram> bransjeprogram_from_id(std::string_view id) {
    for (std::size_t i = 0; i < kBransjeIds.size(); ++i)
        if (kBransjeIds[i] == id) return static_cast<Bransjeprogram>(i);
    return std::nullopt;
}
std::string_view industry_standard_id(IndustryStandard s) { return s == IndustryStandard::sn2025 ? "SN2025" : "SN2007"; }
std::optional<IndustryStandard> industry_standard_from_id(std::string_view id) {
    if (id == "SN2007") return IndustryStandard::sn2007;
    if (id == "SN2025") return IndustryStandard::sn2025;
    return std::nullopt;
}
std::string sector_label_key(Sector s) {
    return s == Sector::unset ? "comparison.sector.unset" : "comparison.sector." + std::string(sector_id(s));
}
std::string bransjeprogram_label_key(Bransjeprogram b) {
    return b == Bransjeprogram::none ? "comparison.bransje.none" : "comparison.bransje." + std::string(bransjeprogram_id(b));
}

bool is_valid_naeringskode(std::string_view c) {
    return c.size() == 6 && digit(c[0]) && digit(c[1]) && c[2] == '.' && digit(c[3]) && digit(c[4]) && digit(c[5]);
}

Bransjeprogram bransjeprogram_for_code(std::string_view code, IndustryStandard standard) {
    if (!is_valid_naeringskode(code)) return Bransjeprogram::none;
    const std::string five = std::string(code.substr(0, 2)) + std::string(code.substr(3));
    const std::string_view naering = code.substr(0, 2);
    // By næring, the same in both standards (navikt/ia-felles, Bransje).
    if (naering == "10") return Bransjeprogram::naeringsmiddelindustri;
    if (naering == "41") return Bransjeprogram::bygg;
    if (naering == "42") return Bransjeprogram::anlegg;
    if (standard == IndustryStandard::sn2007) {
        if (five == "88911") return Bransjeprogram::barnehager;
        if (in(five, {"86101", "86102", "86104", "86105", "86106", "86107"})) return Bransjeprogram::sykehus;
        if (in(five, {"87101", "87102"})) return Bransjeprogram::sykehjem;
        if (in(five, {"49100", "49311", "49312", "49391", "49392"})) return Bransjeprogram::transport;
    } else {
        if (five == "85100") return Bransjeprogram::barnehager;
        if (in(five, {"86101", "86102", "86103", "86104"})) return Bransjeprogram::sykehus;
        if (in(five, {"87101", "87102", "87103", "87104", "87105", "87106"})) return Bransjeprogram::sykehjem;
        if (in(five, {"49110", "49120", "49310", "49320", "49330", "49340", "49390"})) return Bransjeprogram::transport;
    }
    return Bransjeprogram::none;
}

// --- Figures ---------------------------------------------------------------------------------------

std::string_view benchmark_category_id(BenchmarkCategory c) {
    switch (c) {
    case BenchmarkCategory::land: return "land";
    case BenchmarkCategory::sektor: return "sektor";
    case BenchmarkCategory::bransje: return "bransje";
    }
    return "land";
}
std::string_view measure_id(SickLeaveMeasure m) { return m == SickLeaveMeasure::total ? "egen_og_legemeldt" : "legemeldt"; }

bool benchmark_code_known(BenchmarkCategory c, std::string_view code) {
    switch (c) {
    case BenchmarkCategory::land: return code.empty() || code == "norge";
    case BenchmarkCategory::sektor: return !code.empty() && sector_from_id(code).has_value();
    case BenchmarkCategory::bransje: return !code.empty() && bransjeprogram_from_id(code).has_value();
    }
    return false;
}

std::string benchmark_figure_name(const BenchmarkFigure& f) {
    std::string s(benchmark_category_id(f.category));
    if (!f.code.empty()) s += " " + f.code;
    s += " " + std::string(measure_id(f.measure)) + " " + std::to_string(f.year) + "K" + std::to_string(f.quarter);
    return s;
}

BenchmarkLoad parse_benchmarks(std::string_view text) {
    BenchmarkLoad out;
    std::vector<DatasetProblem>& probs = out.problems;
    json doc;
    DomWithPosition sax(doc, false);
    if (!json::sax_parse(text.begin(), text.end(), &sax) || doc.is_discarded()) {
        int line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < sax.error_at && i < text.size(); ++i) {
            if (text[i] == '\n') { line = 1 + line; col = 1; }
            else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
        }
        probs.push_back(problem("", ProblemCode::json_syntax, {{"line", line}, {"column", col}, ProblemArg::detail("detail", "")}));
        return out;
    }
    if (!doc.is_object()) {
        probs.push_back(problem("", ProblemCode::document_not_object, {{"actual", type_name(doc)}}));
        return out;
    }
    Fields top{doc, "", probs};
    BenchmarkTable table;
    if (auto f = top.text("format", true); f && *f != "iadesk-comparison")
        probs.push_back(problem("/format", ProblemCode::unknown_value, {{"value", *f}, {"allowed", "iadesk-comparison"}}));
    top.integer("version", 1, 1);
    if (auto s = top.text("source", true)) table.source = *s;
    if (auto n = top.text("note", false)) table.note = *n;
    if (auto p = top.text("published", true); p && !p->empty()) {
        if (auto d = parse_iso_date(*p)) table.published = *d;
        else probs.push_back(problem("/published", ProblemCode::invalid_date, {{"value", *p}}));
    }
    const json* series = top.get("series", true);
    if (series && !series->is_array()) top.wrong("series", "array", *series);
    if (series && series->is_array()) {
        for (std::size_t i = 0; i < series->size(); ++i) {
            const json& s = (*series)[i];
            const std::string at = "/series/" + std::to_string(i);
            if (!s.is_object()) { probs.push_back(problem(at, ProblemCode::not_an_object, {{"actual", type_name(s)}})); continue; }
            Fields sf{s, at, probs};
            BenchmarkFigure proto;
            bool ok = true;
            if (auto c = sf.text("category", true)) {
                if (auto cat = benchmark_category_from_id(*c)) proto.category = *cat;
                else { probs.push_back(problem(at + "/category", ProblemCode::unknown_value, {{"value", *c}, {"allowed", "land, sektor, bransje"}})); ok = false; }
            } else ok = false;
            if (auto c = sf.text("code", false)) {
                proto.code = *c;
                if (ok && !benchmark_code_known(proto.category, proto.code)) {
                    probs.push_back(problem(at + "/code", ProblemCode::unknown_value,
                                            {{"value", *c}, {"allowed", benchmark_codes_allowed(proto.category)}}));
                    ok = false;
                }
                if (proto.category == BenchmarkCategory::land) proto.code.clear();
            } else ok = false;
            if (auto m = sf.text("measure", true)) {
                if (auto mm = measure_from_id(*m)) proto.measure = *mm;
                else { probs.push_back(problem(at + "/measure", ProblemCode::unknown_value, {{"value", *m}, {"allowed", "legemeldt, egen_og_legemeldt"}})); ok = false; }
            } else ok = false;
            if (auto src = sf.text("source", true)) proto.source = *src; else ok = false;
            const json* figs = sf.get("figures", true);
            if (figs && !figs->is_array()) { sf.wrong("figures", "array", *figs); continue; }
            if (!figs) continue;
            for (std::size_t k = 0; k < figs->size(); ++k) {
                const json& fv = (*figs)[k];
                const std::string fat = at + "/figures/" + std::to_string(k);
                if (!fv.is_object()) { probs.push_back(problem(fat, ProblemCode::not_an_object, {{"actual", type_name(fv)}})); continue; }
                Fields ff{fv, fat, probs};
                BenchmarkFigure f = proto;
                auto y = ff.integer("year", 1990, 2200);
                auto q = ff.integer("quarter", 1, 4);
                const json* pv = ff.get("percent", true);
                bool fok = y && q && pv;
                if (pv && !pv->is_number()) { ff.wrong("percent", "number", *pv); fok = false; }
                else if (pv) {
                    const double v = pv->get<double>();
                    if (!std::isfinite(v) || v < 0 || v > 100) {
                        probs.push_back(problem(fat + "/percent", ProblemCode::benchmark_percent_invalid, {{"value", v}}));
                        fok = false;
                    } else f.percent = v;
                }
                if (const json* vv = ff.get("verify", false)) {
                    if (vv->is_boolean()) f.verify = vv->get<bool>();
                    else { ff.wrong("verify", "boolean", *vv); fok = false; }
                }
                if (!fok || !ok) continue;
                f.year = *y;
                f.quarter = *q;
                table.figures.push_back(std::move(f));
            }
        }
    }
    // One figure per category, code, measure and quarter.
    std::vector<std::size_t> order(table.figures.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return figure_key(table.figures[a]) < figure_key(table.figures[b]); });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (figure_key(table.figures[order[i]]) == figure_key(table.figures[order[i - 1]]))
            probs.push_back(problem("/series", ProblemCode::benchmark_figure_twice, {{"figure", benchmark_figure_name(table.figures[order[i]])}}));
    if (!probs.empty()) return out;
    std::stable_sort(table.figures.begin(), table.figures.end(), [](const BenchmarkFigure& a, const BenchmarkFigure& b) { return figure_key(a) < figure_key(b); });
    out.table = std::move(table);
    return out;
}

BenchmarkLoad shipped_benchmarks() { return parse_benchmarks(assets::get("stats/comparison-figures.json")); }

BenchmarkTable merge_benchmarks(const BenchmarkTable& base, const BenchmarkTable& newer) {
    BenchmarkTable out = base;
    for (const BenchmarkFigure& f : newer.figures) {
        auto it = std::find_if(out.figures.begin(), out.figures.end(), [&](const BenchmarkFigure& g) { return figure_key(g) == figure_key(f); });
        if (it != out.figures.end()) *it = f;
        else out.figures.push_back(f);
    }
    std::stable_sort(out.figures.begin(), out.figures.end(), [](const BenchmarkFigure& a, const BenchmarkFigure& b) { return figure_key(a) < figure_key(b); });
    if (!newer.source.empty()) out.note += (out.note.empty() ? "" : " ") + std::string("+ ") + newer.source;
    return out;
}

BenchmarkTable with_imported_figures(const BenchmarkTable& shipped, const Dataset& ds) {
    if (ds.comparison_figures.empty()) return shipped;
    BenchmarkTable imported;
    imported.figures = ds.comparison_figures;
    return merge_benchmarks(shipped, imported);
}

void sort_benchmarks(std::vector<BenchmarkFigure>& figures) {
    std::stable_sort(figures.begin(), figures.end(), [](const BenchmarkFigure& a, const BenchmarkFigure& b) { return figure_key(a) < figure_key(b); });
}

const BenchmarkFigure* find_benchmark(const BenchmarkTable& t, BenchmarkCategory c, std::string_view code, SickLeaveMeasure m, Quarter q) {
    for (const BenchmarkFigure& f : t.figures)
        if (f.category == c && f.code == code && f.measure == m && f.year == q.year && f.quarter == q.q) return &f;
    return nullptr;
}

} // namespace iadesk
