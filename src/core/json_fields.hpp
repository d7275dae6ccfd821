// json_fields: the phase-1 reader of one JSON object for the dataset parts read from the DOM (plans,
// goals, half-year reports; the bulk of the dataset is streamed by dataset.cpp). Contract: a field
// that is absent or null keeps the caller's default (or is reported missing when required); a field
// of the wrong type or with an invalid value is reported at its path ("/goals/3/deadline") in
// Norwegian and English, the default is kept and `bad` is set so the caller can skip the record's
// value checks. Values quoted back are cut to a short excerpt (dataset_internal.hpp).
#pragma once

#include "dataset_internal.hpp"
#include "json_out.hpp"

#include "iadesk/calendar.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

namespace iadesk::detail_ds {

using json = nlohmann::json;

// The JSON type of a value as a label key of problems.hpp ("is.number"), for "Må være tekst (var tall)".
const char* type_key(const json& v);

// Appends `t` as a JSON string (json_out.hpp: escaped, invalid UTF-8 as U+FFFD).
inline void write_json_string(std::string& out, std::string_view t) {
    StringSink sink{out};
    put_json_string(sink, t);
}

// Writes the canonical form of the members built as parts (plans, goals, half-year reports, change log)
// with the value writers of json_out.hpp: keys, separators and line layout as save_dataset (indent < 0:
// compact).
class JsonOut {
public:
    JsonOut(std::string& s, int indent) : s_(s), indent_(indent) {}
    void raw(std::string_view t) { s_.append(t); }
    void raw(const char* p, std::size_t n) { s_.append(p, n); }
    void ch(char c) { s_.push_back(c); }
    void key(std::string_view k) { str(k); s_ += compact() ? ":" : ": "; }
    void sep() { s_ += compact() ? "," : ", "; }
    void str(std::string_view t) { put_json_string(*this, t); }
    void num(double v) { put_json_number(*this, v); }
    void integer(long long v) { put_json_integer(*this, v); }
    void opt_num(const std::optional<double>& v) { if (v) num(*v); else raw("null"); }
    void date(const std::optional<Date>& d) { if (d) put_json_date(*this, *d); else raw("null"); }
    // A member and its separator (none after the last).
    void member(std::string_view k, std::string_view v, bool last = false) { key(k); str(v); if (!last) sep(); }
    void member(std::string_view k, const std::optional<Date>& d, bool last = false) { key(k); date(d); if (!last) sep(); }
    void newline(int level) {
        if (compact()) return;
        s_.push_back('\n');
        s_.append(static_cast<std::size_t>(indent_ * level), ' ');
    }
    bool compact() const { return indent_ < 0; }

    // A member `name` holding the items on one line, `"name": [a, b]`, then a separator unless `last`;
    // `write_one(item)` writes one item (an object's braces too).
    template <class T, class F>
    void inline_array(std::string_view name, const std::vector<T>& items, F&& write_one, bool last = false) {
        key(name);
        ch('[');
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) sep();
            write_one(items[i]);
        }
        ch(']');
        if (!last) sep();
    }

    // A top-level member `name` holding one object per item, each on its own line: `,` `"name": [` ...
    // `]`; `write_one(item)` writes an object's members. An empty list is left out.
    template <class T, class F>
    void record_array(const char* name, const std::vector<T>& items, F&& write_one) {
        if (items.empty()) return;
        raw(",");
        newline(1);
        key(name);
        raw("[");
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) raw(",");
            newline(2);
            raw("{");
            write_one(items[i]);
            raw("}");
        }
        newline(1);
        raw("]");
    }

private:
    std::string& s_;
    int indent_;
};

struct JsonFields {
    const json& obj;
    const Path& at;
    Reporter& rep;
    bool bad = false;

    const json* find(std::string_view key) const {
        if (!obj.is_object()) return nullptr;
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    void invalid(std::string_view key, ProblemCode code, std::initializer_list<ProblemArg> args = {}) {
        Path p{&at, key};
        rep.add(p, code, args);
        bad = true;
    }
    // `want`: a label key of problems.hpp ("want.string").
    void wrong(std::string_view key, const json& v, const char* want) {
        invalid(key, ProblemCode::wrong_type, {ProblemArg::label("expected", want), ProblemArg::label("actual", type_key(v))});
    }
    void missing(std::string_view key) { invalid(key, ProblemCode::field_missing, {{"key", key}}); }

    void str(std::string_view key, std::string& out, bool required = false) {
        const json* v = find(key);
        if (!v) { if (required) missing(key); return; }
        if (auto s = v->get_ptr<const json::string_t*>()) out = *s;
        else wrong(key, *v, "want.string");
    }
    // Returns false when the field was present but not a real date (reported).
    bool opt_date(std::string_view key, std::optional<Date>& out, bool required = false) {
        const json* v = find(key);
        if (!v) { out.reset(); if (required) missing(key); return !required; }
        auto s = v->get_ptr<const json::string_t*>();
        if (!s) { wrong(key, *v, "want.date"); return false; }
        out = parse_iso_date(*s);
        if (out) return true;
        invalid(key, ProblemCode::invalid_date, {{"value", *s}});
        return false;
    }
    bool date(std::string_view key, Date& out) {
        std::optional<Date> d;
        if (!opt_date(key, d, true)) return false;
        out = *d;
        return true;
    }
    void opt_number(std::string_view key, std::optional<double>& out) {
        const json* v = find(key);
        if (!v) return;
        if (!v->is_number()) { wrong(key, *v, "want.number"); return; }
        out = v->get<double>();
    }
    // A whole number in [lo, hi]; absent keeps `out` (or is reported missing when required).
    bool integer(std::string_view key, int& out, double lo, double hi, bool required = true) {
        const json* v = find(key);
        if (!v) { if (required) missing(key); return false; }
        if (!v->is_number()) { wrong(key, *v, "want.integer"); return false; }
        const double d = v->get<double>();
        if (std::floor(d) != d || d < lo || d > hi) {
            const bool wide = lo <= -1e9 && hi >= 1e9; // no range worth naming
            if (wide) invalid(key, ProblemCode::not_an_integer, {{"value", v->dump()}});
            else invalid(key, ProblemCode::integer_range, {{"lo", lo}, {"hi", hi}, {"value", v->dump()}});
            return false;
        }
        out = static_cast<int>(d);
        return true;
    }
    void opt_int(std::string_view key, std::optional<int>& out, double lo = -2e9, double hi = 2e9) {
        int i = 0;
        if (integer(key, i, lo, hi, false)) out = i;
    }
    void boolean(std::string_view key, bool& out) {
        const json* v = find(key);
        if (!v) return;
        if (auto b = v->get_ptr<const json::boolean_t*>()) out = *b;
        else wrong(key, *v, "want.boolean");
    }
    void opt_bool(std::string_view key, std::optional<bool>& out) {
        const json* v = find(key);
        if (!v) { out.reset(); return; }
        if (auto b = v->get_ptr<const json::boolean_t*>()) out = *b;
        else wrong(key, *v, "want.boolean_or_null");
    }
    const json* array(std::string_view key) {
        const json* v = find(key);
        if (!v) return nullptr;
        if (!v->is_array()) { wrong(key, *v, "want.array"); return nullptr; }
        return v;
    }
    // Calls f(element, path) for each element of an optional array member that is an object (or a
    // string, for members that allow a short form); other elements are reported.
    template <class F> void each(std::string_view key, F&& f) {
        const json* v = array(key);
        if (!v) return;
        Path ap{&at, key};
        for (std::size_t i = 0; i < v->size(); ++i) {
            Path ep{&ap, {}, i};
            if (!(*v)[i].is_object() && !(*v)[i].is_string()) {
                rep.add(ep, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key((*v)[i]))});
                continue;
            }
            f((*v)[i], ep);
        }
    }
    // A string from a closed set: `parse(text, out)` says whether it is known; `allowed` lists them.
    template <class T, class P> void enumerated(std::string_view key, T& out, P&& parse, const char* allowed) {
        const json* v = find(key);
        if (!v) return; // default kept
        auto s = v->get_ptr<const json::string_t*>();
        if (!s) { wrong(key, *v, "want.string"); return; }
        if (!parse(*s, out)) invalid(key, ProblemCode::unknown_value, {{"value", *s}, {"allowed", allowed}});
    }

};

} // namespace iadesk::detail_ds
