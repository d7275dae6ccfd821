// dataset_half_year: the dataset format's optional "half_year_reports" member (IA half-year report
// texts and the tillitsvalgt's sign-off; half_year.hpp, sintef-ia-2013 kap. 2.3.1) — reading (phase
// 1, from the DOM), checks (phase 2; the value checks are check_half_year_values) and writing
// (canonical form, only when non-empty). Layout: docs/data-format.md ("half_year_reports").
//
//   "half_year_reports": [{"year": 2026, "half": 2, "key_experience": "...", "deviations": "...",
//     "successful_activity": "A3", "successful_text": "...",
//     "signed_off": {"name": "Per Tillitsvalgt", "date": "2026-11-20"}}]   (signed_off may be null)
#include "json_fields.hpp"

#include "iadesk/half_year.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;

void read_one(const json& v, const Path& p, Reporter& rep, HalfYearReport& r, uint8_t& bad) {
    if (!v.is_object()) {
        // By type, never dump(): a deeply nested value would recurse (a fuzzer finding, reliability.md).
        rep.add(p, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key(v))});
        bad = 1;
        return;
    }
    JsonFields f{v, p, rep};
    f.integer("year", r.year, -1e6, 1e6);
    f.integer("half", r.half, -1e6, 1e6);
    f.str("key_experience", r.key_experience);
    f.str("deviations", r.deviations);
    f.str("successful_activity", r.successful_activity);
    f.str("successful_text", r.successful_text);
    if (const json* s = f.find("signed_off")) {
        Path sp{&p, "signed_off"};
        if (!s->is_object()) {
            f.wrong("signed_off", *s, "want.object_or_null");
        } else {
            JsonFields g{*s, sp, rep};
            HalfYearSignOff so;
            g.str("name", so.name);
            g.date("date", so.date);
            if (g.bad) f.bad = true;
            else r.signed_off = std::move(so);
        }
    }
    if (f.bad) bad = 1;
}

} // namespace

void read_half_years(const json& doc, const Path& root, Reporter& rep, Dataset& ds, std::vector<uint8_t>& bad) {
    auto it = doc.find("half_year_reports");
    if (it == doc.end() || it->is_null()) return;
    Path at{&root, "half_year_reports"};
    if (!it->is_array()) {
        rep.add(at, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.array"), ProblemArg::label("actual", type_key(*it))});
        return;
    }
    ds.half_year_reports.resize(it->size());
    bad.assign(it->size(), 0);
    for (std::size_t i = 0; i < it->size(); ++i) {
        Path p{&at, {}, i};
        read_one((*it)[i], p, rep, ds.half_year_reports[i], bad[i]);
    }
}


void sort_half_years(Dataset& ds) {
    std::stable_sort(ds.half_year_reports.begin(), ds.half_year_reports.end(),
                     [](const HalfYearReport& a, const HalfYearReport& b) { return std::pair(a.year, a.half) < std::pair(b.year, b.half); });
}

void write_half_years(const Dataset& ds, int indent, std::string& out) {
    JsonOut w(out, indent);
    w.record_array("half_year_reports", ds.half_year_reports, [&](const HalfYearReport& r) {
        w.key("year"); w.integer(r.year); w.sep();
        w.key("half"); w.integer(r.half); w.sep();
        w.member("key_experience", r.key_experience);
        w.member("deviations", r.deviations);
        w.member("successful_activity", r.successful_activity);
        w.member("successful_text", r.successful_text);
        w.key("signed_off");
        if (r.signed_off) {
            w.raw("{");
            w.member("name", r.signed_off->name);
            w.member("date", r.signed_off->date, true);
            w.raw("}");
        } else {
            w.raw("null");
        }
    });
}

} // namespace iadesk::detail_ds
