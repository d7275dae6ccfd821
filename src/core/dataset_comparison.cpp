// dataset_comparison: the dataset format's optional "comparison_figures" member (format 5): figures of a
// newer published table the user imported (benchmarks.hpp), kept with the register so that they are
// there after a reload, in a backup and undoable. Reading (phase 1, from the DOM), checks (phase 2, also
// for an in-memory Dataset) and writing (canonical form, only when non-empty). Layout:
// docs/data-format.md ("comparison_figures").
//
//   "comparison_figures": [{"category": "bransje", "code": "sykehjem", "measure": "legemeldt",
//     "year": 2025, "quarter": 2, "percent": 9.8, "verify": false, "source": "«ssb.csv», importert 07.12.2026"}]
#include "json_fields.hpp"

#include "iadesk/benchmarks.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;

auto key_of(const BenchmarkFigure& f) { return std::tuple(f.category, std::string_view(f.code), f.measure, f.year, f.quarter); }

void read_one(const json& v, const Path& p, Reporter& rep, BenchmarkFigure& f, uint8_t& bad) {
    if (!v.is_object()) {
        rep.add(p, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key(v))});
        bad = 1;
        return;
    }
    JsonFields r{v, p, rep};
    std::string category, measure;
    r.str("category", category, true);
    if (!r.bad) {
        if (auto c = benchmark_category_from_id(category)) f.category = *c;
        else r.invalid("category", ProblemCode::unknown_value, {{"value", category}, {"allowed", "land, sektor, bransje"}});
    }
    r.str("code", f.code);
    r.str("measure", measure, true);
    if (!measure.empty()) {
        if (auto m = measure_from_id(measure)) f.measure = *m;
        else r.invalid("measure", ProblemCode::unknown_value, {{"value", measure}, {"allowed", "legemeldt, egen_og_legemeldt"}});
    }
    r.integer("year", f.year, -1e6, 1e6);
    r.integer("quarter", f.quarter, -1e6, 1e6);
    if (const json* pv = r.find("percent")) {
        if (pv->is_number()) f.percent = pv->get<double>();
        else r.wrong("percent", *pv, "want.number");
    } else {
        r.missing("percent");
    }
    r.boolean("verify", f.verify);
    r.str("source", f.source, true);
    if (r.bad) bad = 1;
}

} // namespace

void read_comparison_figures(const json& doc, const Path& root, Reporter& rep, Dataset& ds, std::vector<uint8_t>& bad) {
    auto it = doc.find("comparison_figures");
    if (it == doc.end() || it->is_null()) return;
    Path at{&root, "comparison_figures"};
    if (!it->is_array()) {
        rep.add(at, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.array"), ProblemArg::label("actual", type_key(*it))});
        return;
    }
    ds.comparison_figures.resize(it->size());
    bad.assign(it->size(), 0);
    for (std::size_t i = 0; i < it->size(); ++i) {
        Path p{&at, {}, i};
        read_one((*it)[i], p, rep, ds.comparison_figures[i], bad[i]);
    }
}

// The value checks of the comparison figures the shipped table's reader makes too (benchmarks.cpp):
// a known code for the category, year 1990-2200, quarter 1-4, percent 0-100, a source, and one figure
// per category, code, measure and quarter.
void check_comparison_figures(const Dataset& ds, const std::vector<uint8_t>* bad, const Path& root, Reporter& rep) {
    Path at{&root, "comparison_figures"};
    std::vector<std::size_t> readable;
    for (std::size_t i = 0; i < ds.comparison_figures.size(); ++i) {
        if (bad && i < bad->size() && (*bad)[i]) continue;
        const BenchmarkFigure& f = ds.comparison_figures[i];
        Path p{&at, {}, i};
        bool ok = true;
        auto field = [&](std::string_view key, ProblemCode code, std::initializer_list<ProblemArg> args) {
            Path fp{&p, key};
            rep.add(fp, code, args);
            ok = false;
        };
        if (!benchmark_code_known(f.category, f.code) && !(f.category == BenchmarkCategory::land && f.code == "norge"))
            field("code", ProblemCode::unknown_value, {{"value", f.code}, {"allowed", benchmark_codes_allowed(f.category)}});
        if (f.year < 1990 || f.year > 2200) field("year", ProblemCode::integer_range, {{"lo", 1990}, {"hi", 2200}, {"value", f.year}});
        if (f.quarter < 1 || f.quarter > 4) field("quarter", ProblemCode::integer_range, {{"lo", 1}, {"hi", 4}, {"value", f.quarter}});
        if (!std::isfinite(f.percent) || f.percent < 0 || f.percent > 100)
            field("percent", ProblemCode::benchmark_percent_invalid, {{"value", f.percent}});
        if (f.source.empty()) field("source", ProblemCode::field_missing, {{"key", "source"}});
        if (ok) readable.push_back(i);
    }
    std::stable_sort(readable.begin(), readable.end(), [&](std::size_t a, std::size_t b) {
        return key_of(ds.comparison_figures[a]) < key_of(ds.comparison_figures[b]);
    });
    for (std::size_t k = 1; k < readable.size(); ++k) {
        const BenchmarkFigure& f = ds.comparison_figures[readable[k]];
        if (key_of(f) != key_of(ds.comparison_figures[readable[k - 1]])) continue;
        Path p{&at, {}, readable[k]};
        rep.add(p, ProblemCode::benchmark_figure_twice, {{"figure", benchmark_figure_name(f)}});
    }
}

void write_comparison_figures(const Dataset& ds, int indent, std::string& out) {
    JsonOut w(out, indent);
    w.record_array("comparison_figures", ds.comparison_figures, [&](const BenchmarkFigure& f) {
        w.member("category", benchmark_category_id(f.category));
        w.member("code", f.code);
        w.member("measure", measure_id(f.measure));
        w.key("year"); w.integer(f.year); w.sep();
        w.key("quarter"); w.integer(f.quarter); w.sep();
        w.key("percent"); w.num(f.percent); w.sep();
        w.key("verify"); w.raw(f.verify ? "true" : "false"); w.sep();
        w.member("source", f.source, true);
    });
}

} // namespace iadesk::detail_ds
