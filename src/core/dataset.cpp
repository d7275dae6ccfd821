// dataset: the iadesk JSON document <-> Dataset (contract in include/iadesk/dataset.hpp; the
// format, every field and every check are documented in docs/data-format.md).
//
// Design
// - Parsing is strictly non-throwing (the browser build may have no exception support): one
//   nlohmann SAX pass with a handler that never throws (dataset_sax.cpp) streams the record arrays
//   element by element, each element a small json value, and builds the rest as a DOM. (A whole
//   DOM via json::parse(text, nullptr, false) measured 2 s for 50 000 employees / 470 000
//   absences; streaming keeps memory flat and load well under a second.) Every value's type is
//   checked before it is read, through get_ptr.
// - Two phases. Phase 1 reads JSON into a Dataset, reporting type / required-field / date-syntax /
//   enum problems and remembering, per record, which fields could not be read (FieldBits).
//   Phase 2 (check_dataset) runs the value and cross-record checks on the Dataset; it is shared
//   with validate_dataset(), where all fields count as readable. So every problem is reported
//   once, and a field that could not be read causes no follow-up noise.
// - JSON pointers are built only when a problem is reported (Path is a chain of stack frames),
//   so a valid 500 000-record file costs no pointer strings.
// - Forward compatibility: unknown members are ignored (a newer minor writer may add optional
//   fields); "format" must be "iadesk" and "version" at most kDatasetFormatVersion, else loading
//   stops with that single problem, since nothing else can be interpreted safely.
#include "iadesk/dataset.hpp"
#include "dataset_internal.hpp"
#include "iadesk/benchmarks.hpp"
#include "json_fields.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace iadesk {
namespace {

using json = nlohmann::json;
using detail_ds::Path;
using detail_ds::Reporter;


// Kinds of value a field may hold, for the "must be ..." messages (labels of problems.hpp).
enum class Want { string, date, number, integer, boolean, array, object };

const char* want_key(Want w) {
    switch (w) {
    case Want::string: return "want.string";
    case Want::date: return "want.date";
    case Want::number: return "want.number";
    case Want::integer: return "want.integer";
    case Want::boolean: return "want.boolean";
    case Want::array: return "want.array";
    case Want::object: return "want.object";
    }
    return "";
}

// Phase-1 reader: one object, its members by name, with problems reported under `at`.
class ObjectReader {
public:
    ObjectReader(const json& obj, const Path& at, Reporter& rep) : obj_(obj), at_(at), rep_(rep) {}

    const json* find(std::string_view key) const {
        auto it = obj_.find(key);
        return it == obj_.end() ? nullptr : &*it;
    }

    void wrong_type(std::string_view key, const json& v, Want w) const {
        Path p{&at_, key};
        rep_.add(p, ProblemCode::wrong_type,
                 {ProblemArg::label("expected", want_key(w)), ProblemArg::label("actual", detail_ds::type_key(v))});
    }

    void missing(std::string_view key) const {
        Path p{&at_, key};
        rep_.add(p, ProblemCode::field_missing, {{"key", key}});
    }

    // Each reader returns false (after reporting) when the field is unusable; `required`
    // decides whether absence is a problem (when it is not, `out` keeps its default).
    bool string(std::string_view key, std::string& out, bool required = true) const {
        const json* v = find(key);
        if (!v) { if (required) missing(key); return !required; }
        if (!required && v->is_null()) return true;
        auto s = v->get_ptr<const json::string_t*>();
        if (!s) { wrong_type(key, *v, Want::string); return false; }
        out = *s;
        return true;
    }

    bool date(std::string_view key, Date& out) const {
        const json* v = find(key);
        if (!v) { missing(key); return false; }
        return parse_date_value(key, *v, out);
    }

    // An open end: null or absent.
    bool optional_date(std::string_view key, std::optional<Date>& out) const {
        const json* v = find(key);
        if (!v || v->is_null()) { out.reset(); return true; }
        Date d;
        if (!parse_date_value(key, *v, d)) return false;
        out = d;
        return true;
    }

    bool number(std::string_view key, double& out) const {
        const json* v = find(key);
        if (!v) { missing(key); return false; }
        if (!v->is_number()) { wrong_type(key, *v, Want::number); return false; }
        out = numeric(*v);
        return true;
    }

    // Integers may be written as 100 or 100.0; 50.5 is not an integer.
    bool integer(std::string_view key, int& out, bool required) const {
        const json* v = find(key);
        if (!v) { if (required) missing(key); return !required; }
        if (!required && v->is_null()) return true;
        if (!v->is_number()) { wrong_type(key, *v, Want::integer); return false; }
        double d = numeric(*v);
        if (std::floor(d) != d || d < -2e9 || d > 2e9) {
            Path p{&at_, key};
            rep_.add(p, ProblemCode::not_an_integer, {{"range", ""}, {"value", v->dump()}});
            return false;
        }
        out = static_cast<int>(d);
        return true;
    }

    bool boolean(std::string_view key, bool& out) const {
        const json* v = find(key);
        if (!v || v->is_null()) return true; // optional, default kept
        auto b = v->get_ptr<const json::boolean_t*>();
        if (!b) { wrong_type(key, *v, Want::boolean); return false; }
        out = *b;
        return true;
    }

    // A required array member; nullptr (after reporting) when absent or not an array.
    const json* array(std::string_view key, bool required) const {
        const json* v = find(key);
        if (!v) { if (required) missing(key); return nullptr; }
        if (!v->is_array()) { wrong_type(key, *v, Want::array); return nullptr; }
        return v;
    }

private:
    static double numeric(const json& v) {
        if (auto i = v.get_ptr<const json::number_integer_t*>()) return static_cast<double>(*i);
        if (auto u = v.get_ptr<const json::number_unsigned_t*>()) return static_cast<double>(*u);
        if (auto f = v.get_ptr<const json::number_float_t*>()) return *f;
        return 0;
    }

    bool parse_date_value(std::string_view key, const json& v, Date& out) const {
        auto s = v.get_ptr<const json::string_t*>();
        if (!s) { wrong_type(key, v, Want::date); return false; }
        auto d = parse_iso_date(*s);
        if (!d) {
            Path p{&at_, key};
            rep_.add(p, ProblemCode::invalid_date, {{"value", *s}});
            return false;
        }
        out = *d;
        return true;
    }

    const json& obj_;
    const Path& at_;
    Reporter& rep_;
};

// Reports a non-object array element; returns false then.
bool expect_object(const json& v, const Path& at, Reporter& rep) {
    if (v.is_object()) return true;
    rep.add(at, ProblemCode::not_an_object, {ProblemArg::label("actual", detail_ds::type_key(v))});
    return false;
}

// --- Syntax errors ----------------------------------------------------------------------------

DatasetProblem syntax_problem(std::string_view text, const detail_ds::StreamResult& res) {
    std::size_t pos = std::min(res.error_position, text.size());
    // nlohmann reports the position one past the offending character.
    std::size_t upto = pos > 0 ? pos - 1 : 0;
    int line = 1, col = 1;
    for (std::size_t i = 0; i < upto; ++i) {
        if (text[i] == '\n') { ++line; col = 1; }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col; // count code points
    }
    auto problem = [](ProblemCode code, std::initializer_list<ProblemArg> args) {
        ProblemText t = problem_text(code, args);
        return DatasetProblem{"", std::move(t.nb), std::move(t.en), code};
    };
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return problem(ProblemCode::file_empty, {});
    std::string detail = res.error_what;
    if (auto c = detail.find(": "); c != std::string::npos) detail = detail.substr(c + 2);
    return problem(ProblemCode::json_syntax, {{"line", line}, {"column", col}, ProblemArg::detail("detail", detail)});
}

// --- Phase 1: JSON -> Dataset ----------------------------------------------------------------

// Format 4: næringskode, its standard, sector and bransjeprogram (each optional; an unknown
// value is a problem naming the field, and the field stays at its default).
void read_classification(ObjectReader& r, const Path& at, Reporter& rep, Organisation& org,
                         detail_ds::LoadMeta& meta) {
    using F = detail_ds::OrgField;
    if (const json* m = r.find("naeringskode"); m && !m->is_null())
        if (!r.string("naeringskode", org.naeringskode, false)) meta.organisation_bad |= F::naeringskode;
    std::string text;
    if (const json* m = r.find("naeringskode_standard"); m && !m->is_null() && r.string("naeringskode_standard", text, false)) {
        if (auto s = industry_standard_from_id(text)) org.naeringskode_standard = *s;
        else {
            Path p{&at, "naeringskode_standard"};
            rep.add(p, ProblemCode::unknown_value, {{"value", text}, {"allowed", "SN2007, SN2025"}});
            meta.organisation_bad |= F::naeringskode;
        }
    }
    text.clear();
    if (const json* m = r.find("sector"); m && !m->is_null() && r.string("sector", text, false)) {
        if (auto s = sector_from_id(text)) org.sector = *s;
        else {
            Path p{&at, "sector"};
            rep.add(p, ProblemCode::unknown_value, {{"value", text}, {"allowed", "statlig, kommunal, privat"}});
        }
    }
    text.clear();
    if (const json* m = r.find("bransjeprogram"); m && !m->is_null() && r.string("bransjeprogram", text, false)) {
        if (auto b = bransjeprogram_from_id(text)) org.bransjeprogram = *b;
        else {
            Path p{&at, "bransjeprogram"};
            rep.add(p, ProblemCode::unknown_value,
                    {{"value", text}, {"allowed", "barnehager, naeringsmiddelindustri, sykehus, sykehjem, transport, bygg, anlegg"}});
        }
    }
}

void read_organisation(const json& doc, const Path& root, Reporter& rep, Organisation& org,
                       detail_ds::LoadMeta& meta) {
    auto it = doc.find("organisation");
    Path at{&root, "organisation"};
    if (it == doc.end()) {
        rep.add(at, ProblemCode::field_missing, {{"key", "organisation"}});
        meta.organisation_bad = ~0u;
        return;
    }
    if (!expect_object(*it, at, rep)) { meta.organisation_bad = ~0u; return; }
    ObjectReader r(*it, at, rep);
    using F = detail_ds::OrgField;
    if (!r.string("name", org.name)) meta.organisation_bad |= F::name;
    if (!r.string("orgnr", org.orgnr)) meta.organisation_bad |= F::orgnr;
    r.boolean("ia_agreement", org.ia_agreement);
    r.boolean("own_bht", org.own_bht);
    if (const json* m = r.find("email"); m && !m->is_null())
        if (!r.string("email", org.email, false)) meta.organisation_bad |= F::email;
    read_classification(r, at, rep, org, meta);
    if (const json* eg = r.find("egenmelding"); eg && !eg->is_null()) {
        Path ep{&at, "egenmelding"};
        if (!expect_object(*eg, ep, rep)) { meta.organisation_bad |= F::egenmelding; return; }
        ObjectReader er(*eg, ep, rep);
        EgenmeldingRule rule;
        rule.times_per_12_months.reset();
        int v = 0;
        bool ok = er.integer("days_at_a_time", rule.days_at_a_time, true);
        if (const json* t = er.find("times_per_12_months"); t && !t->is_null()) {
            if (er.integer("times_per_12_months", v, false)) rule.times_per_12_months = v;
            else ok = false;
        }
        if (const json* d = er.find("days_per_12_months"); d && !d->is_null()) {
            if (er.integer("days_per_12_months", v, false)) rule.days_per_12_months = v;
            else ok = false;
        }
        ok = er.optional_date("agreed_from", rule.agreed_from) && ok;
        if (ok) org.egenmelding = rule;
        else meta.organisation_bad |= F::egenmelding;
    }
}

// Receives the streamed records and reads each into the Dataset, keeping indices aligned with
// the JSON arrays (an unreadable element leaves a default record and its bits in LoadMeta).
class Loader final : public detail_ds::RecordSink {
public:
    Dataset ds;
    detail_ds::LoadMeta meta;
    std::array<std::vector<DatasetProblem>, 4> problems; // per record array, in document order

    void begin_array(int k) override { skip_[static_cast<std::size_t>(k)] = started_[static_cast<std::size_t>(k)]; started_[static_cast<std::size_t>(k)] = true; }

    void record(int k, std::size_t i, const json& v) override {
        const std::size_t a = static_cast<std::size_t>(k);
        if (skip_[a]) return; // a second array of the same name is reported, not read
        Reporter rep{problems[a]};
        Path root{};
        Path arr{&root, detail_ds::kRecordArrays[a]};
        Path p{&arr, {}, i};
        bool obj = expect_object(v, p, rep);
        switch (k) {
        case 0: unit(v, obj, p, rep); break;
        case 1: employee(v, obj, p, rep); break;
        case 2: absence(v, obj, p, rep); break;
        default: event(v, obj, p, rep); break;
        }
    }

private:
    void unit(const json& v, bool obj, const Path& p, Reporter& rep) {
        using F = detail_ds::UnitField;
        Unit& u = ds.units.emplace_back();
        uint8_t& bad = meta.unit_bad.emplace_back(0);
        if (!obj) { bad = 0xFF; return; }
        ObjectReader r(v, p, rep);
        if (!r.string("id", u.id)) bad |= F::id;
        if (!r.string("name", u.name)) bad |= F::name;
        if (!r.optional_date("closed", u.closed)) bad |= F::closed;
    }

    void employee(const json& v, bool obj, const Path& p, Reporter& rep) {
        using F = detail_ds::EmployeeField;
        using P = detail_ds::PeriodField;
        Employee& e = ds.employees.emplace_back();
        meta.period_offset.push_back(meta.period_bad.size());
        uint8_t& bad = meta.employee_bad.emplace_back(0);
        if (!obj) { bad = 0xFF; return; }
        ObjectReader r(v, p, rep);
        if (!r.string("id", e.id)) bad |= F::id;
        if (!r.string("name", e.name)) bad |= F::name;
        if (!r.string("unit", e.unit)) bad |= F::unit;
        int by = 0;
        if (const json* b = r.find("birth_year"); b && !b->is_null()) {
            if (r.integer("birth_year", by, false)) e.birth_year = by;
            else bad |= F::birth_year;
        }
        if (!r.optional_date("birth_date", e.birth_date)) bad |= F::birth_date;
        if (const json* n = r.find("national_id"); n && !n->is_null())
            if (!r.string("national_id", e.national_id, false)) bad |= F::national_id;
        const json* moves_member = r.find("earlier_units");
        const json* moves = moves_member && !moves_member->is_null() ? r.array("earlier_units", false) : nullptr;
        if (moves) {
            Path mp{&p, "earlier_units"};
            for (std::size_t j = 0; j < moves->size(); ++j) {
                Path pp{&mp, {}, j};
                EarlierUnit& u = e.earlier_units.emplace_back();
                if (!expect_object((*moves)[j], pp, rep)) { bad |= F::earlier_units; continue; }
                ObjectReader ur((*moves)[j], pp, rep);
                if (!ur.string("unit", u.unit) || !ur.date("until", u.until)) bad |= F::earlier_units;
            }
        } else if (moves_member && !moves_member->is_null()) {
            bad |= F::earlier_units;
        }
        const json* emp = r.array("employment", true);
        if (!emp) { bad |= F::employment; return; }
        Path ep{&p, "employment"};
        e.employment.resize(emp->size());
        for (std::size_t j = 0; j < emp->size(); ++j) {
            Path pp{&ep, {}, j};
            uint8_t pbad = 0;
            if (!expect_object((*emp)[j], pp, rep)) {
                pbad = 0xFF;
            } else {
                ObjectReader pr((*emp)[j], pp, rep);
                Employment& m = e.employment[j];
                if (!pr.date("from", m.from)) pbad |= P::from;
                if (!pr.optional_date("to", m.to)) pbad |= P::to;
                if (!pr.number("percent", m.percent)) pbad |= P::percent;
                // Format 4: the sluttårsak; absent or null = not given.
                if (const json* er = pr.find("end_reason"); er && !er->is_null()) {
                    std::string code;
                    if (!pr.string("end_reason", code, false)) {
                        pbad |= P::end_reason;
                    } else if (auto reason = parse_end_reason(code)) {
                        m.end_reason = reason;
                    } else {
                        Path rp{&pp, "end_reason"};
                        rep.add(rp, ProblemCode::unknown_value, {{"value", code}, ProblemArg::detail("allowed", end_reason_codes())});
                        pbad |= P::end_reason;
                    }
                }
            }
            meta.period_bad.push_back(pbad);
        }
    }

    void absence(const json& v, bool obj, const Path& p, Reporter& rep) {
        using F = detail_ds::AbsenceField;
        Absence& a = ds.absences.emplace_back();
        uint8_t& bad = meta.absence_bad.emplace_back(0);
        if (!obj) { bad = 0xFF; return; }
        ObjectReader r(v, p, rep);
        if (!r.string("employee", a.employee)) bad |= F::employee;
        if (const json* k = r.find("kind"); k && k->is_string()) {
            const std::string& kind = *k->get_ptr<const json::string_t*>();
            if (kind == "egenmelding") a.kind = AbsenceKind::egenmelding;
            else if (kind == "sykmelding") a.kind = AbsenceKind::sykmelding;
            else {
                Path kp{&p, "kind"};
                rep.add(kp, ProblemCode::unknown_value, {{"value", kind}, {"allowed", "egenmelding, sykmelding"}});
                bad |= F::kind;
            }
        } else {
            std::string ignored;
            r.string("kind", ignored); // reports missing / wrong type
            bad |= F::kind;
        }
        if (!r.date("from", a.from)) bad |= F::from;
        if (!r.optional_date("to", a.to)) bad |= F::to;
        // grade is optional and defaults to 100 (egenmelding is always 100).
        if (!r.integer("grade", a.grade, false)) bad |= F::grade;
    }

    void event(const json& v, bool obj, const Path& p, Reporter& rep) {
        using F = detail_ds::EventField;
        MilestoneEvent& ev = ds.milestone_events.emplace_back();
        uint8_t& bad = meta.event_bad.emplace_back(0);
        if (!obj) { bad = 0xFF; return; }
        ObjectReader r(v, p, rep);
        if (!r.string("employee", ev.employee)) bad |= F::employee;
        if (!r.date("case_start", ev.case_start)) bad |= F::case_start;
        if (!r.string("milestone", ev.milestone)) bad |= F::milestone;
        std::string status;
        if (!r.string("status", status)) {
            bad |= F::status;
        } else if (status == "done") {
            ev.status = EventStatus::done;
        } else if (status == "exempt") {
            ev.status = EventStatus::exempt;
        } else {
            Path sp{&p, "status"};
            rep.add(sp, ProblemCode::unknown_value, {{"value", status}, {"allowed", "done, exempt"}});
            bad |= F::status;
        }
        if (!r.date("date", ev.date)) bad |= F::date;
        if (!r.string("note", ev.note, false)) bad |= F::note;
        if (!r.string("participants", ev.participants, false)) bad |= F::participants; // optional (files before it)
    }

    std::array<bool, 4> started_{};
    std::array<bool, 4> skip_{};
};

// "format" and "version": if either is wrong nothing else can be read safely.
bool check_format(const json& doc, const Path& root, Reporter& rep) {
    ObjectReader r(doc, root, rep);
    const json* f = r.find("format");
    auto fs = f ? f->get_ptr<const json::string_t*>() : nullptr;
    if (!fs || *fs != "iadesk") {
        Path p{&root, "format"};
        // Never dump() the value: a deeply nested "format" would recurse (a fuzzer finding).
        if (fs) rep.add(p, ProblemCode::not_iadesk, {{"actual", *fs}});
        else rep.add(p, ProblemCode::not_iadesk, {ProblemArg::label("actual", f ? detail_ds::type_key(*f) : "is.missing")});
        return false;
    }
    int version = 0;
    if (!r.integer("version", version, true)) return false;
    if (version >= 1 && version <= kDatasetFormatVersion) return true;
    Path p{&root, "version"};
    rep.add(p, version > kDatasetFormatVersion ? ProblemCode::format_newer : ProblemCode::format_invalid,
            {{"version", version}, {"supported", kDatasetFormatVersion}});
    return false;
}

// Document order of problems: root, format, version, organisation, then the arrays by element
// (employment periods within an employee); problems of one element keep their check order.
struct ProblemKey {
    int section = 0;
    long index = -1;
    long sub = -1;
    bool operator<(const ProblemKey& o) const {
        if (section != o.section) return section < o.section;
        if (index != o.index) return index < o.index;
        return sub < o.sub;
    }
};

ProblemKey problem_key(const std::string& pointer) {
    static const std::array<std::string_view, 8> order = {"", "format", "version", "organisation", "units",
                                                          "employees", "absences", "milestone_events"};
    std::vector<std::string_view> seg;
    std::string_view rest(pointer);
    while (!rest.empty() && rest[0] == '/') {
        rest.remove_prefix(1);
        auto slash = rest.find('/');
        seg.push_back(rest.substr(0, slash));
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    }
    auto number = [](std::string_view s) -> long {
        if (s.empty() || s.size() > 12) return -1;
        long v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    ProblemKey k;
    k.section = seg.empty() ? 0 : static_cast<int>(std::find(order.begin(), order.end(), seg[0]) - order.begin());
    if (seg.size() > 1) k.index = number(seg[1]);
    if (seg.size() > 3 && seg[2] == "employment") k.sub = number(seg[3]);
    return k;
}

void sort_problems(std::vector<DatasetProblem>& problems) {
    std::vector<std::pair<ProblemKey, std::size_t>> keys;
    keys.reserve(problems.size());
    for (std::size_t i = 0; i < problems.size(); ++i) keys.emplace_back(problem_key(problems[i].pointer), i);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<DatasetProblem> sorted;
    sorted.reserve(problems.size());
    for (const auto& k : keys) sorted.push_back(std::move(problems[k.second]));
    problems = std::move(sorted);
}

} // namespace

namespace {

DatasetLoad load(std::string_view json_text, const std::function<void(std::size_t)>* hint, bool direct_first) {
    DatasetLoad result;
    if (json_text.size() > kMaxDatasetBytes) {
        ProblemText t = problem_text(ProblemCode::input_too_large,
                                     {{"mb", json_text.size() >> 20}, {"max", kMaxDatasetBytes >> 20}});
        result.problems.push_back({"", std::move(t.nb), std::move(t.en), ProblemCode::input_too_large});
        return result;
    }
    Reporter rep{result.problems};
    Loader loader;
    detail_ds::StreamResult res;
    // First the direct reader (dataset_direct.cpp: a valid file's records straight into the
    // Dataset); when it declines, the Loader reads the text (which reports any problem), through
    // the fast reader or else nlohmann's parser.
    bool read = false;
    if (direct_first) {
        detail_ds::DirectRecords direct(loader.ds, loader.meta);
        read = detail_ds::stream_document_direct(json_text, direct, res, hint);
    }
    if (!read) {
        loader = Loader{};
        if (!detail_ds::stream_document_fast(json_text, loader, res, hint)) {
            loader = Loader{}; // it may have seen records; nlohmann's parser reads the text again
            res = detail_ds::stream_document(json_text, loader);
        }
    }
    if (!res.syntax_ok) {
        result.problems.push_back(syntax_problem(json_text, res));
        return result;
    }
    const json& doc = res.top;
    Path root{};
    if (!doc.is_object()) {
        rep.add(root, ProblemCode::document_not_object, {ProblemArg::label("actual", detail_ds::type_key(doc))});
        return result;
    }
    // A member twice in one object anywhere: refused at its place, before anything else is read.
    for (const std::string& pointer : res.duplicate_keys) {
        const std::size_t slash = pointer.rfind('/');
        std::string key = pointer.substr(slash + 1); // unescaped for the message
        for (std::size_t at; (at = key.find("~1")) != std::string::npos;) key.replace(at, 2, "/");
        for (std::size_t at; (at = key.find("~0")) != std::string::npos;) key.replace(at, 2, "~");
        ProblemText t = problem_text(ProblemCode::field_twice, {{"key", key}});
        result.problems.push_back({pointer, std::move(t.nb), std::move(t.en), ProblemCode::field_twice});
    }
    if (!result.problems.empty()) return result;
    if (!check_format(doc, root, rep)) return result;

    read_organisation(doc, root, rep, loader.ds.organisation, loader.meta);
    ObjectReader r(doc, root, rep);
    for (std::size_t k = 0; k < detail_ds::kRecordArrays.size(); ++k) {
        std::string_view name = detail_ds::kRecordArrays[k];
        bool required = k < 2; // units and employees; absences and milestone_events may be absent
        if (!res.streamed[k]) {
            r.array(name, required); // reports missing (if required) or the wrong type
            if (k == 0) loader.meta.units_missing = true;
            if (k == 1) loader.meta.employees_missing = true;
        }
        for (DatasetProblem& p : loader.problems[k]) result.problems.push_back(std::move(p));
    }
    detail_ds::read_plans(doc, root, rep, loader.ds); // optional "adjustment_options", "plans"
    detail_ds::read_goals(doc, root, rep, loader.ds, loader.meta.goals); // optional "goals", "goal_activities", "ia_meetings"
    detail_ds::read_half_years(doc, root, rep, loader.ds, loader.meta.half_year_bad); // optional "half_year_reports"
    detail_ds::read_comparison_figures(doc, root, rep, loader.ds, loader.meta.comparison_bad); // optional "comparison_figures" (format 5)
    detail_ds::read_change_log(doc, root, rep, loader.ds); // optional "change_log"
    res.top = json(); // free the DOM before the checks

    detail_ds::check_dataset(loader.ds, &loader.meta, rep);
    if (!result.problems.empty()) {
        sort_problems(result.problems);
        return result;
    }

    // Canonical order of employment periods (model.hpp: sorted by `from`); the checks above
    // already guaranteed that they do not overlap.
    for (Employee& e : loader.ds.employees)
        std::stable_sort(e.employment.begin(), e.employment.end(),
                         [](const Employment& a, const Employment& b) { return a.from < b.from; });
    detail_ds::sort_half_years(loader.ds);
    sort_benchmarks(loader.ds.comparison_figures); // the order Dataset::comparison_figures keeps
    result.dataset = std::move(loader.ds);
    return result;
}

} // namespace

DatasetLoad load_dataset(std::string_view json_text) { return load(json_text, nullptr, true); }

DatasetLoad load_dataset(std::string_view json_text, const std::function<void(std::size_t)>& passed) {
    return load(json_text, passed ? &passed : nullptr, true);
}

DatasetLoad detail_ds::load_dataset_without_direct(std::string_view json_text) { return load(json_text, nullptr, false); }

std::vector<DatasetProblem> validate_dataset(const Dataset& ds) {
    std::vector<DatasetProblem> problems;
    Reporter rep{problems};
    detail_ds::check_dataset(ds, nullptr, rep);
    return problems;
}

} // namespace iadesk

namespace iadesk::detail_ds {

// A JSON value's kind as a label key of problems.hpp ("Må være tekst (var tall)").
const char* type_key(const json& v) {
    switch (v.type()) {
    case json::value_t::null: return "is.null";
    case json::value_t::object: return "is.object";
    case json::value_t::array: return "is.array";
    case json::value_t::string: return "is.string";
    case json::value_t::boolean: return "is.boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "is.number";
    default: return "is.unknown";
    }
}

} // namespace iadesk::detail_ds
