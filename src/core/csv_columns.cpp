// csv_columns: cell values, column mapping and the row reader shared by the CSV imports
// (csv_internal.hpp).
#include "csv_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace iadesk::detail_csv {

CsvRowError csv_error(std::size_t line, std::string column, ProblemCode code, std::initializer_list<ProblemArg> args) {
    ProblemText t = problem_text(code, args);
    return {line, std::move(column), std::move(t.nb), std::move(t.en), code};
}

CsvRowError csv_error(std::size_t line, std::string column, const Problem& p) {
    return {line, std::move(column), p.message_nb, p.message_en, p.code};
}

void sort_by_line(std::vector<CsvRowError>& errors) {
    std::stable_sort(errors.begin(), errors.end(), [](const CsvRowError& a, const CsvRowError& b) { return a.line < b.line; });
}

// --- Values ------------------------------------------------------------------------------------

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
        else break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
        else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
        else break;
    }
    return s;
}

std::string fold(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        char& c = out[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == '\xC3' && i + 1 < out.size()) {
            char& n = out[i + 1]; // Æ Ø Å are C3 86/98/85; their lowercase 0x20 higher
            if (n == '\x86' || n == '\x98' || n == '\x85') n = static_cast<char>(n + 0x20);
            ++i;
        }
    }
    return out;
}

std::string normalize_header(std::string_view h) {
    std::string f = fold(trim(h));
    std::string out;
    for (char c : f)
        if (c != ' ' && c != '-' && c != '_' && c != '.' && c != '(' && c != ')' && c != '%') out += c;
    return out;
}

std::string unguard(std::string_view s) {
    if (s.size() >= 2 && s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@')) s.remove_prefix(1);
    return std::string(s);
}

std::optional<double> parse_number(std::string_view s) {
    s = trim(s);
    if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
    if (s.empty() || s.size() > 32) return std::nullopt;
    std::string t(s);
    std::replace(t.begin(), t.end(), ',', '.');
    // strtod, not std::from_chars: Emscripten 3.1.6's libc++ has no floating-point from_chars.
    // Only digits, one sign and one point are accepted, so the C locale's rules do not matter.
    for (char c : t)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// --- Columns -----------------------------------------------------------------------------------

Columns map_columns(const CsvTable& t, std::span<const ColumnSpec> specs, std::vector<CsvRowError>& errors,
                    std::vector<std::string>& ignored) {
    Columns c;
    c.index.assign(specs.size(), -1);
    c.names.assign(specs.size(), {});
    for (std::size_t f = 0; f < t.header.size(); ++f) {
        const std::string n = normalize_header(t.header[f]);
        const std::string_view written = trim(t.header[f]);
        bool matched = false;
        for (std::size_t s = 0; s < specs.size() && !matched; ++s) {
            if (std::find(specs[s].aliases.begin(), specs[s].aliases.end(), n) == specs[s].aliases.end()) continue;
            matched = true;
            if (c.index[s] >= 0) {
                errors.push_back(csv_error(t.header_line, std::string(written), ProblemCode::csv_column_twice,
                                           {{"column", written}, {"other", c.names[s]}}));
            } else {
                c.index[s] = static_cast<int>(f);
                c.names[s] = std::string(written);
            }
        }
        if (!matched && !is_blank(t.header[f])) ignored.push_back(std::string(written));
    }
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (!specs[s].required || c.index[s] >= 0) continue;
        c.complete = false;
        std::string list;
        for (std::string_view a : specs[s].aliases) (list += list.empty() ? "" : ", ") += a;
        const std::string_view shown = specs[s].aliases[0];
        errors.push_back(csv_error(t.header_line, std::string(shown), ProblemCode::csv_column_missing,
                                   {{"column", shown}, ProblemArg::detail("accepted", list)}));
    }
    return c;
}

bool row_shape_ok(const CsvTable& t, std::size_t r, std::vector<CsvRowError>& errors) {
    const auto& row = t.rows[r];
    const std::size_t h = t.header.size();
    bool ok = row.size() == h;
    if (row.size() > h) {
        ok = true;
        for (std::size_t k = h; k < row.size(); ++k) ok = ok && is_blank(row[k]);
    }
    if (ok) return true;
    // A tab would be shown as "?" in a message: it is named instead.
    const std::string delimiter = t.delimiter == '\t' ? std::string("TAB") : std::string(1, t.delimiter);
    errors.push_back(csv_error(t.lines[r], {}, ProblemCode::csv_field_count,
                               {{"n", row.size()}, {"header", h}, {"delimiter", delimiter}}));
    return false;
}

// --- Row reader ----------------------------------------------------------------------------------

std::string_view RowReader::cell(std::size_t spec) const {
    const int i = c.index[spec];
    if (i < 0 || static_cast<std::size_t>(i) >= t.rows[r].size()) return {};
    return trim(t.rows[r][static_cast<std::size_t>(i)]);
}

void RowReader::error(std::size_t spec, ProblemCode code, std::initializer_list<ProblemArg> args) {
    errors.push_back(csv_error(line(), c.names[spec], code, args));
    failed = true;
}

void RowReader::error(std::size_t spec, const Problem& p) {
    errors.push_back(csv_error(line(), c.names[spec], p));
    failed = true;
}

std::string RowReader::text(std::size_t spec, bool required) {
    std::string v = unguard(cell(spec));
    if (required && v.empty()) error(spec, ProblemCode::required, {ProblemArg::label("field", specs[spec].label)});
    return v;
}

std::optional<Date> RowReader::date(std::size_t spec, bool required) {
    const std::string_view v = cell(spec);
    if (v.empty()) {
        if (required) error(spec, ProblemCode::required, {ProblemArg::label("field", specs[spec].label)});
        return std::nullopt;
    }
    auto d = parse_date(v);
    if (!d) error(spec, ProblemCode::csv_invalid_date, {{"value", v}});
    return d;
}

void report(RowReader& rr, const Problem& p, std::size_t spec_from, std::size_t spec_to, std::size_t spec_other) {
    std::size_t spec = spec_other;
    std::string_view f = p.field;
    if (auto slash = f.rfind('/'); slash != std::string_view::npos) f = f.substr(slash + 1);
    if (f == "from") spec = spec_from;
    else if (f == "to") spec = spec_to;
    rr.error(spec, p);
}

std::unordered_map<std::string_view, std::size_t> employees_by_id(const Dataset& ds) {
    std::unordered_map<std::string_view, std::size_t> by_id;
    by_id.reserve(ds.employees.size());
    for (std::size_t i = 0; i < ds.employees.size(); ++i) by_id.emplace(ds.employees[i].id, i);
    return by_id;
}

} // namespace iadesk::detail_csv
