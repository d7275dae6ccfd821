// csv: reader, importers and exporters (include/iadesk/csv.hpp; docs/import-export.md).
#include "iadesk/csv.hpp"

#include "iadesk/commands.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <utility>

namespace iadesk {

namespace {

// --- Reader ----------------------------------------------------------------------------------

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
    // ASCII whitespace and the UTF-8 no-break space (C2 A0), which Excel users paste often.
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

class Reader {
public:
    Reader(std::string_view t, char delim) : t_(t), delim_(delim) {}

    enum class Status { ok, error, eof };

    // Reads one record into `fields`; on error fills nb/en and resumes at a following line.
    Status next(std::vector<std::string>& fields, std::size_t& start_line, std::string& nb, std::string& en) {
        fields.clear();
        if (pos_ >= t_.size()) return Status::eof;
        const std::size_t rec_pos = pos_;
        start_line = line_;
        std::string field;
        enum { start, unquoted, quoted, after_quote } st = start;
        for (;;) {
            if (pos_ >= t_.size()) {
                if (st == quoted) {
                    nb = "Anførselstegnet i denne raden blir aldri avsluttet";
                    en = "A quote in this row is never closed";
                    // Resume at the line after the row's first line.
                    pos_ = rec_pos;
                    line_ = start_line;
                    skip_line();
                    return Status::error;
                }
                fields.push_back(std::move(field));
                return Status::ok;
            }
            const char c = t_[pos_];
            switch (st) {
            case start:
                if (c == '"') { st = quoted; ++pos_; continue; }
                st = unquoted;
                [[fallthrough]];
            case unquoted:
                if (c == delim_) { fields.push_back(std::move(field)); field.clear(); st = start; ++pos_; }
                else if (c == '\n' || c == '\r') { eat_newline(); fields.push_back(std::move(field)); return Status::ok; }
                else if (c == '"') {
                    nb = "Anførselstegn midt i et felt (felt " + std::to_string(fields.size() + 1) +
                         "); sett hele feltet i anførselstegn og doble anførselstegn inni";
                    en = "A quote inside a field (field " + std::to_string(fields.size() + 1) +
                         "); quote the whole field and double the quotes inside";
                    skip_line();
                    return Status::error;
                } else { field += c; ++pos_; }
                break;
            case quoted:
                if (c == '"') {
                    if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '"') { field += '"'; pos_ += 2; }
                    else { st = after_quote; ++pos_; }
                } else if (c == '\r') {
                    field += '\n'; // a line break inside a field becomes "\n"
                    ++line_;
                    pos_ += (pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n') ? 2 : 1;
                } else {
                    if (c == '\n') ++line_;
                    field += c;
                    ++pos_;
                }
                break;
            case after_quote:
                if (c == delim_) { fields.push_back(std::move(field)); field.clear(); st = start; ++pos_; }
                else if (c == '\n' || c == '\r') { eat_newline(); fields.push_back(std::move(field)); return Status::ok; }
                else {
                    nb = "Tekst etter avsluttende anførselstegn (felt " + std::to_string(fields.size() + 1) + ")";
                    en = "Text after a closing quote (field " + std::to_string(fields.size() + 1) + ")";
                    skip_line();
                    return Status::error;
                }
                break;
            }
        }
    }

private:
    void eat_newline() {
        if (t_[pos_] == '\r' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }
    void skip_line() {
        while (pos_ < t_.size() && t_[pos_] != '\n' && t_[pos_] != '\r') ++pos_;
        if (pos_ < t_.size()) eat_newline();
    }

    std::string_view t_;
    char delim_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

char detect_delimiter(std::string_view t) {
    std::size_t p = 0;
    // First non-blank line.
    while (p < t.size()) {
        std::size_t e = t.find_first_of("\r\n", p);
        if (e == std::string_view::npos) e = t.size();
        if (!is_blank(t.substr(p, e - p))) break;
        p = e + 1;
    }
    std::size_t semi = 0, comma = 0;
    bool in_q = false;
    for (; p < t.size(); ++p) {
        char c = t[p];
        if (c == '"') in_q = !in_q;
        else if (!in_q && (c == '\n' || c == '\r')) break;
        else if (!in_q && c == ';') ++semi;
        else if (!in_q && c == ',') ++comma;
    }
    return comma > semi ? ',' : ';';
}

// --- Values ------------------------------------------------------------------------------------

std::string q_nb(std::string_view s) { return "«" + std::string(s) + "»"; }
std::string q_en(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Lowercase for matching: ASCII and the Norwegian letters Æ Ø Å (UTF-8 C3 86/98/85).
std::string fold(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        char& c = out[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        else if (c == '\xC3' && i + 1 < out.size()) {
            char& n = out[i + 1];
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

// Removes the export's formula guard: "'=x" -> "=x".
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

struct ColumnSpec {
    const char* key;                       // internal name
    std::vector<const char*> aliases;      // normalized header names accepted
    bool required;
};

struct Columns {
    std::vector<int> index;                // per spec: field index or -1
    std::vector<std::string> names;        // per spec: the header as written
};

Columns map_columns(const CsvTable& t, const std::vector<ColumnSpec>& specs, std::vector<CsvRowError>& errors,
                    std::vector<std::string>& ignored) {
    Columns c;
    c.index.assign(specs.size(), -1);
    c.names.assign(specs.size(), {});
    for (std::size_t f = 0; f < t.header.size(); ++f) {
        std::string n = normalize_header(t.header[f]);
        bool matched = false;
        for (std::size_t s = 0; s < specs.size() && !matched; ++s) {
            for (const char* a : specs[s].aliases) {
                if (n != a) continue;
                matched = true;
                if (c.index[s] >= 0) {
                    errors.push_back({t.header_line, std::string(trim(t.header[f])),
                                      "Kolonnen " + q_nb(trim(t.header[f])) + " betyr det samme som " +
                                          q_nb(c.names[s]) + "; fjern en av dem",
                                      "The column " + q_en(trim(t.header[f])) + " means the same as " +
                                          q_en(c.names[s]) + "; remove one of them"});
                } else {
                    c.index[s] = static_cast<int>(f);
                    c.names[s] = std::string(trim(t.header[f]));
                }
                break;
            }
        }
        if (!matched && !is_blank(t.header[f])) ignored.push_back(std::string(trim(t.header[f])));
    }
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (!specs[s].required || c.index[s] >= 0) continue;
        std::string list;
        for (const char* a : specs[s].aliases) list += (list.empty() ? "" : ", ") + std::string(a);
        errors.push_back({t.header_line, specs[s].aliases[0],
                          "Kolonnen " + q_nb(specs[s].aliases[0]) + " mangler i overskriftsraden (godtatte navn: " + list + ")",
                          "The column " + q_en(specs[s].aliases[0]) + " is missing from the header row (accepted names: " + list + ")"});
    }
    return c;
}

// Shape check of one data row against the header; returns false (and reports) when unusable.
bool row_shape_ok(const CsvTable& t, std::size_t r, std::vector<CsvRowError>& errors) {
    const auto& row = t.rows[r];
    const std::size_t h = t.header.size();
    bool ok = row.size() == h;
    if (row.size() > h) {
        ok = true;
        for (std::size_t k = h; k < row.size(); ++k) ok = ok && is_blank(row[k]); // trailing ";;" from Excel
    }
    if (ok) return true;
    const std::string d(1, t.delimiter);
    errors.push_back({t.lines[r], {},
                      "Raden har " + std::to_string(row.size()) + " felt, men overskriften har " + std::to_string(h) +
                          " (skilletegn " + q_nb(d) + "; er skilletegnene blandet?)",
                      "The row has " + std::to_string(row.size()) + " fields but the header has " + std::to_string(h) +
                          " (delimiter " + q_en(d) + "; are the delimiters mixed?)"});
    return false;
}

struct RowReader {
    const CsvTable& t;
    const Columns& c;
    std::size_t r;
    std::vector<CsvRowError>& errors;
    bool failed = false;

    std::string_view cell(std::size_t spec) const {
        int i = c.index[spec];
        if (i < 0 || static_cast<std::size_t>(i) >= t.rows[r].size()) return {};
        return trim(t.rows[r][static_cast<std::size_t>(i)]);
    }
    void error(std::size_t spec, std::string nb, std::string en, ProblemCode code = ProblemCode::count_) {
        errors.push_back({t.lines[r], c.names[spec], std::move(nb), std::move(en), code});
        failed = true;
    }
    void error(std::size_t spec, const Problem& p) { error(spec, p.message_nb, p.message_en, p.code); }
    std::string text(std::size_t spec, const char* what_nb, const char* what_en, bool required) {
        std::string v = unguard(cell(spec));
        if (required && v.empty())
            error(spec, std::string(what_nb) + " mangler", std::string(what_en) + " is missing");
        return v;
    }
    std::optional<Date> date(std::size_t spec, bool required) {
        std::string_view v = cell(spec);
        if (v.empty()) {
            if (required) error(spec, "Datoen mangler", "The date is missing");
            return std::nullopt;
        }
        auto d = parse_date(v);
        if (!d) error(spec, "Ugyldig dato " + q_nb(v) + " (bruk dd.mm.åååå eller åååå-mm-dd, og en dato som finnes)",
                      "Invalid date " + q_en(v) + " (use dd.mm.yyyy or yyyy-mm-dd, and a date that exists)");
        return d;
    }
};

// Maps a commands.hpp problem field ("to", "grade", "employment/0/percent") to a column spec.
void report(RowReader& rr, const Problem& p, std::size_t spec_from, std::size_t spec_to, std::size_t spec_other) {
    std::size_t spec = spec_other;
    std::string_view f = p.field;
    if (auto slash = f.rfind('/'); slash != std::string_view::npos) f = f.substr(slash + 1);
    if (f == "from") spec = spec_from;
    else if (f == "to") spec = spec_to;
    rr.error(spec, p);
}

std::string period_nb(Date from, std::optional<Date> to) {
    return format_norwegian(from) + "–" + (to ? format_norwegian(*to) : std::string("(åpen)"));
}
std::string period_en(Date from, std::optional<Date> to) {
    return format_iso(from) + " to " + (to ? format_iso(*to) : std::string("(open)"));
}

const std::vector<ColumnSpec>& employee_specs() {
    static const std::vector<ColumnSpec> s = {
        {"id", {"id", "ansattid", "ansattnr", "ansattnummer", "employeeid", "employeeno"}, true},
        {"name", {"navn", "name", "fulltnavn", "fullname"}, true},
        {"unit", {"enhet", "enhetid", "unit", "unitid", "avdeling", "department"}, true},
        {"unit_name", {"enhetsnavn", "unitname"}, false},
        {"percent", {"stillingsprosent", "stilling", "prosent", "percent", "positionpercent", "position"}, false},
        {"from", {"fra", "fradato", "startdato", "start", "ansattfra", "from", "fromdate", "startdate"}, true},
        {"to", {"til", "tildato", "sluttdato", "slutt", "ansatttil", "to", "todate", "enddate", "end"}, false},
        {"birth_year", {"fødselsår", "fodselsar", "fødselsaar", "født", "birthyear", "yearofbirth"}, false},
    };
    return s;
}
enum EmpCol : std::size_t { E_ID, E_NAME, E_UNIT, E_UNIT_NAME, E_PERCENT, E_FROM, E_TO, E_BIRTH };

const std::vector<ColumnSpec>& absence_specs() {
    static const std::vector<ColumnSpec> s = {
        {"employee", {"ansatt", "ansattid", "ansattnr", "ansattnummer", "id", "employee", "employeeid", "employeeno"}, true},
        {"kind", {"type", "art", "fraværstype", "fravarstype", "kind"}, true},
        {"from", {"fra", "fradato", "startdato", "start", "from", "fromdate", "startdate"}, true},
        {"to", {"til", "tildato", "sluttdato", "slutt", "to", "todate", "enddate", "end"}, false},
        {"grade", {"grad", "sykmeldingsgrad", "prosent", "grade", "percent"}, false},
    };
    return s;
}
enum AbsCol : std::size_t { A_EMP, A_KIND, A_FROM, A_TO, A_GRADE };

std::optional<AbsenceKind> parse_kind(std::string_view v) {
    std::string f = normalize_header(v);
    for (const char* k : {"egenmelding", "egenmeldt", "e", "em", "selfcertified", "selfcertification"})
        if (f == k) return AbsenceKind::egenmelding;
    for (const char* k : {"sykmelding", "sykemelding", "sykmeldt", "sykemeldt", "legemeldt", "legemelding", "s", "sm",
                          "doctorcertified", "sicknote"})
        if (f == k) return AbsenceKind::sykmelding;
    return std::nullopt;
}

} // namespace

// --- parse_csv ---------------------------------------------------------------------------------

CsvTable parse_csv(std::string_view text) {
    CsvTable t;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    t.delimiter = detect_delimiter(text);
    Reader rd(text, t.delimiter);
    std::vector<std::string> fields;
    std::size_t line = 0;
    std::string nb, en;
    for (;;) {
        auto st = rd.next(fields, line, nb, en);
        if (st == Reader::Status::eof) break;
        if (st == Reader::Status::error) {
            t.errors.push_back({line, {}, nb, en});
            continue;
        }
        bool blank = true;
        for (const std::string& f : fields) blank = blank && is_blank(f);
        if (blank) continue;
        if (t.header_line == 0) {
            t.header = std::move(fields);
            t.header_line = line;
            fields = {};
            continue;
        }
        t.rows.push_back(std::move(fields));
        t.lines.push_back(line);
        fields = {};
        fields.reserve(t.header.size());
    }
    return t;
}

// --- Employees ---------------------------------------------------------------------------------

EmployeeImport import_employees_csv(const Dataset& ds, std::string_view text) {
    EmployeeImport out;
    CsvTable t = parse_csv(text);
    out.delimiter = t.delimiter;
    out.errors = std::move(t.errors);
    if (t.header_line == 0) {
        out.errors.push_back({0, {}, "Filen er tom", "The file is empty"});
        return out;
    }
    Columns cols = map_columns(t, employee_specs(), out.errors, out.ignored_columns);
    for (std::size_t s = 0; s < employee_specs().size(); ++s)
        if (employee_specs()[s].required && cols.index[s] < 0) return out; // a missing column: nothing to read

    std::unordered_map<std::string_view, std::size_t> unit_by_id;
    for (std::size_t i = 0; i < ds.units.size(); ++i) {
        unit_by_id.emplace(ds.units[i].id, i);
    }
    std::unordered_map<std::string, std::size_t> unit_name_index; // folded name -> units index
    for (std::size_t i = 0; i < ds.units.size(); ++i) unit_name_index.emplace(fold(ds.units[i].name), i);
    std::unordered_map<std::string, std::string> new_unit_by_key; // id or folded name -> new unit id
    std::unordered_map<std::string_view, std::size_t> existing;
    existing.reserve(ds.employees.size());
    for (std::size_t i = 0; i < ds.employees.size(); ++i) existing.emplace(ds.employees[i].id, i);
    long long next_unit_no = 0;
    std::size_t unit_width = 1;
    {
        std::string nid = next_unit_id(ds); // "U<n>" with padding; new ids count on from there
        std::string digits = nid.substr(1);
        unit_width = digits.size();
        std::from_chars(digits.data(), digits.data() + digits.size(), next_unit_no);
    }

    // Employees in order of first row; rows grouped by id.
    struct Group {
        std::size_t first_row;                               // index into out.rows
        std::vector<std::pair<Employment, std::size_t>> periods; // with their line
    };
    std::unordered_map<std::string, std::size_t> group_of; // id -> groups index
    group_of.reserve(t.rows.size());
    std::vector<Group> groups;
    groups.reserve(t.rows.size());
    out.rows.reserve(t.rows.size());

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!row_shape_ok(t, r, out.errors)) continue;
        RowReader rr{t, cols, r, out.errors};
        EmployeeImportRow row;
        row.line = t.lines[r];
        row.id = rr.text(E_ID, "ID-en", "The id", true);
        row.name = rr.text(E_NAME, "Navnet", "The name", true);
        std::string unit = rr.text(E_UNIT, "Enheten", "The unit", true);
        std::string unit_name = rr.text(E_UNIT_NAME, "", "", false);
        auto from = rr.date(E_FROM, true);
        auto to = rr.date(E_TO, false);
        double percent = 100;
        if (std::string_view pv = rr.cell(E_PERCENT); !pv.empty()) {
            if (auto v = parse_number(pv)) percent = *v;
            else rr.error(E_PERCENT, "Ugyldig stillingsprosent " + q_nb(pv) + " (et tall, f.eks. 80 eller 37,5)",
                          "Invalid position percent " + q_en(pv) + " (a number, e.g. 80 or 37.5)");
        }
        if (std::string_view bv = rr.cell(E_BIRTH); !bv.empty()) {
            int y = 0;
            auto [p, ec] = std::from_chars(bv.data(), bv.data() + bv.size(), y);
            if (ec != std::errc() || p != bv.data() + bv.size() || y < 1900 || y > 2200)
                rr.error(E_BIRTH, "Ugyldig fødselsår " + q_nb(bv) + " (fire sifre, 1900–2200)",
                         "Invalid birth year " + q_en(bv) + " (four digits, 1900-2200)");
            else row.birth_year = y;
        }
        if (!row.id.empty() && existing.count(row.id))
            rr.error(E_ID, "Ansatt-ID-en " + q_nb(row.id) + " finnes allerede i registeret (import legger bare til nye)",
                     "Employee id " + q_en(row.id) + " already exists in the register (import only adds new ones)");
        // The loader's checks of the row as an employee with one period (checks.hpp). Without a
        // readable start date only the percent can still be checked; empty cells are reported above.
        row.employment = {from.value_or(Date{1 << 16}), from ? to : std::nullopt, percent};
        {
            std::vector<Problem> problems;
            check_employee(Employee{row.id, row.name, {}, {row.employment}, row.birth_year}, problems);
            for (const Problem& p : problems) {
                if (p.code == ProblemCode::required) continue;
                if (p.field == "id") rr.error(E_ID, p);
                else if (p.field == "name") rr.error(E_NAME, p);
                else if (p.field.ends_with("/percent")) rr.error(E_PERCENT, p);
                else if (from) rr.error(p.field.ends_with("/from") ? E_FROM : E_TO, p);
            }
        }
        // Unit: existing id, existing name, or a new unit.
        if (!unit.empty()) {
            if (unit_by_id.count(unit)) row.unit = unit;
            else if (auto it = unit_name_index.find(fold(unit)); it != unit_name_index.end()) row.unit = ds.units[it->second].id;
            else {
                const bool named = !unit_name.empty();
                std::string key = named ? "id:" + unit : "name:" + fold(unit);
                auto it2 = new_unit_by_key.find(key);
                if (it2 != new_unit_by_key.end()) row.unit = it2->second;
                else if (!rr.failed) {
                    Unit u;
                    if (named) { u.id = unit; u.name = unit_name; }
                    else {
                        std::string n = std::to_string(next_unit_no++);
                        if (n.size() < unit_width) n.insert(0, unit_width - n.size(), '0');
                        u.id = "U" + n;
                        u.name = unit;
                    }
                    std::vector<Problem> problems;
                    check_unit(u, problems);
                    for (const Problem& p : problems) rr.error(p.field == "name" && named ? E_UNIT_NAME : E_UNIT, p);
                    if (rr.failed) continue;
                    new_unit_by_key.emplace(key, u.id);
                    row.unit = u.id;
                    out.new_units.push_back(std::move(u));
                }
            }
        }
        if (rr.failed) continue;
        // Several rows of one id: one employee with several periods.
        auto [git, fresh] = group_of.emplace(row.id, groups.size());
        if (fresh) {
            groups.push_back({out.rows.size(), {{row.employment, row.line}}});
        } else {
            Group& g = groups[git->second];
            const EmployeeImportRow& first = out.rows[g.first_row];
            if (first.name != row.name || first.unit != row.unit) {
                rr.error(first.name != row.name ? E_NAME : E_UNIT,
                         "Samme ID som linje " + std::to_string(first.line) + ", men annet navn eller annen enhet",
                         "Same id as line " + std::to_string(first.line) + " but another name or unit");
                continue;
            }
            g.periods.push_back({row.employment, row.line});
        }
        out.rows.push_back(std::move(row));
    }

    // Build the employees; check overlapping periods per employee.
    auto employees = std::make_shared<std::vector<Employee>>();
    employees->reserve(groups.size());
    for (Group& g : groups) {
        const EmployeeImportRow& first = out.rows[g.first_row];
        if (g.periods.size() > 1)
            std::stable_sort(g.periods.begin(), g.periods.end(),
                             [](const auto& a, const auto& b) { return a.first.from < b.first.from; });
        Employee e{first.id, first.name, first.unit, {}, first.birth_year};
        for (const auto& [m, line] : g.periods) e.employment.push_back(m);
        std::vector<Problem> problems;
        check_employee(e, problems); // the values were checked row by row: what is left is overlap
        for (const Problem& p : problems) {
            if (p.code != ProblemCode::employment_overlap) continue;
            std::size_t j = 0;
            const std::string_view digits = std::string_view(p.field).substr(p.field.rfind('/') + 1);
            std::from_chars(digits.data(), digits.data() + digits.size(), j);
            if (j >= g.periods.size()) j = 0;
            out.errors.push_back({g.periods[j].second, cols.names[E_FROM], p.message_nb, p.message_en, p.code});
        }
        employees->push_back(std::move(e));
    }
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const CsvRowError& a, const CsvRowError& b) { return a.line < b.line; });
    if (!out.errors.empty() || out.rows.empty()) {
        if (out.errors.empty())
            out.errors.push_back({0, {}, "Filen har ingen rader med ansatte", "The file has no employee rows"});
        return out;
    }

    auto units = std::make_shared<std::vector<Unit>>(out.new_units);
    Command c;
    c.description = "Importerte " + std::to_string(employees->size()) +
                    (employees->size() == 1 ? " ansatt" : " ansatte") + " fra CSV";
    if (!units->empty())
        c.description += " og " + std::to_string(units->size()) + (units->size() == 1 ? " ny enhet" : " nye enheter");
    const std::size_t n_units = ds.units.size(), n_emp = ds.employees.size();
    c.touched = Touched::none();
    for (std::size_t i = 0; i < units->size(); ++i) c.touched.units.push_back(n_units + i);
    for (std::size_t i = 0; i < employees->size(); ++i) c.touched.employees.push_back(n_emp + i);
    c.apply = [employees, units](Dataset& d) {
        d.units.insert(d.units.end(), units->begin(), units->end());
        d.employees.insert(d.employees.end(), employees->begin(), employees->end());
    };
    c.undo = [n_units, n_emp](Dataset& d) {
        if (d.units.size() > n_units) d.units.resize(n_units);
        if (d.employees.size() > n_emp) d.employees.resize(n_emp);
    };
    out.command = std::move(c);
    return out;
}

// --- Absences --------------------------------------------------------------------------------

AbsenceImport import_absences_csv(const Dataset& ds, std::string_view text) {
    AbsenceImport out;
    CsvTable t = parse_csv(text);
    out.delimiter = t.delimiter;
    out.errors = std::move(t.errors);
    if (t.header_line == 0) {
        out.errors.push_back({0, {}, "Filen er tom", "The file is empty"});
        return out;
    }
    Columns cols = map_columns(t, absence_specs(), out.errors, out.ignored_columns);
    for (std::size_t s = 0; s < absence_specs().size(); ++s)
        if (absence_specs()[s].required && cols.index[s] < 0) return out;

    std::unordered_map<std::string_view, std::size_t> emp;
    emp.reserve(ds.employees.size());
    for (std::size_t i = 0; i < ds.employees.size(); ++i) emp.emplace(ds.employees[i].id, i);
    // Known absence periods per employee: registered ones (line 0) and rows read so far.
    struct Known { Date from; std::optional<Date> to; std::size_t line; };
    std::unordered_map<std::string_view, std::vector<Known>> known;
    known.reserve(ds.employees.size());
    for (const Absence& a : ds.absences) known[a.employee].push_back({a.from, a.to, 0});
    const Date kOpen{INT32_MAX};

    out.rows.reserve(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!row_shape_ok(t, r, out.errors)) continue;
        RowReader rr{t, cols, r, out.errors};
        AbsenceImportRow row;
        row.line = t.lines[r];
        std::string id = rr.text(A_EMP, "Ansatt-ID-en", "The employee id", true);
        auto eit = emp.find(id);
        if (!id.empty() && eit == emp.end())
            rr.error(A_EMP, "Ukjent ansatt " + q_nb(id) + " (importer eller registrer den ansatte først)",
                     "Unknown employee " + q_en(id) + " (import or register the employee first)");
        std::optional<AbsenceKind> kind;
        std::string_view kv = rr.cell(A_KIND);
        if (kv.empty()) rr.error(A_KIND, "Typen mangler (egenmelding eller sykmelding)", "The type is missing (egenmelding or sykmelding)");
        else if (!(kind = parse_kind(kv)))
            rr.error(A_KIND, "Ukjent type " + q_nb(kv) + " (egenmelding eller sykmelding)",
                     "Unknown type " + q_en(kv) + " (egenmelding or sykmelding)");
        auto from = rr.date(A_FROM, true);
        auto to = rr.date(A_TO, false);
        int grade = 100;
        bool grade_ok = true;
        if (std::string_view gv = rr.cell(A_GRADE); !gv.empty()) {
            auto v = parse_number(gv);
            if (!v || *v != std::floor(*v) || std::fabs(*v) > 1e6) {
                rr.error(A_GRADE, "Ugyldig grad " + q_nb(gv) + " (et helt tall 20–100)",
                         "Invalid grade " + q_en(gv) + " (a whole number 20-100)");
                grade_ok = false;
            } else grade = static_cast<int>(*v);
        }
        if (!from || !kind || !grade_ok) continue;
        row.absence = {id, *kind, *from, to, grade};
        std::vector<Problem> problems;
        check_absence(row.absence, problems);
        for (const Problem& p : problems) report(rr, p, A_FROM, A_TO, A_GRADE);
        if (rr.failed) continue;
        row.employee_name = ds.employees[eit->second].name;
        std::vector<Known>& mine = known[ds.employees[eit->second].id];
        const Date to_or_open = to.value_or(kOpen);
        for (const Known& k : mine) {
            if (!(*from <= k.to.value_or(kOpen) && k.from <= to_or_open)) continue;
            if (k.line == 0)
                rr.error(A_FROM, "Overlapper med et fravær som alt er registrert (" + period_nb(k.from, k.to) + ")",
                         "Overlaps an absence already registered (" + period_en(k.from, k.to) + ")");
            else
                rr.error(A_FROM, "Overlapper med fraværet på linje " + std::to_string(k.line) + " (" + period_nb(k.from, k.to) + ")",
                         "Overlaps the absence on line " + std::to_string(k.line) + " (" + period_en(k.from, k.to) + ")");
            break;
        }
        if (rr.failed) continue;
        mine.push_back({*from, to, row.line});
        out.rows.push_back(std::move(row));
    }
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const CsvRowError& a, const CsvRowError& b) { return a.line < b.line; });
    if (!out.errors.empty() || out.rows.empty()) {
        if (out.errors.empty())
            out.errors.push_back({0, {}, "Filen har ingen rader med fravær", "The file has no absence rows"});
        return out;
    }
    auto absences = std::make_shared<std::vector<Absence>>();
    absences->reserve(out.rows.size());
    for (const AbsenceImportRow& r : out.rows) absences->push_back(r.absence);
    Command c;
    c.description = "Importerte " + std::to_string(absences->size()) +
                    (absences->size() == 1 ? " fraværsperiode" : " fraværsperioder") + " fra CSV";
    const std::size_t n = ds.absences.size();
    c.touched = Touched::none();
    for (std::size_t i = 0; i < absences->size(); ++i) c.touched.absences.push_back(n + i);
    c.apply = [absences](Dataset& d) { d.absences.insert(d.absences.end(), absences->begin(), absences->end()); };
    c.undo = [n](Dataset& d) { if (d.absences.size() > n) d.absences.resize(n); };
    out.command = std::move(c);
    return out;
}

// --- Export ------------------------------------------------------------------------------------

namespace {

struct CsvWriter {
    char delim;
    std::string out = "\xEF\xBB\xBF"; // BOM: Excel reads the file as UTF-8

    void cell(std::string_view v, bool first = false, bool text = true) {
        if (!first) out += delim;
        std::string s(v);
        if (text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, 1, '\'');
        const bool quote = s.find_first_of(std::string("\"\r\n") + delim) != std::string::npos ||
                           (!s.empty() && (s.front() == ' ' || s.back() == ' '));
        if (!quote) { out += s; return; }
        out += '"';
        for (char c : s) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    void end_row() { out += "\r\n"; }
};

std::string number(double v, CsvLang lang) {
    char buf[64];
    // Round half up at one decimal, as round_percent does for percentages (DOMAIN.md §6).
    std::snprintf(buf, sizeof buf, "%.1f", round_percent(v));
    std::string s = buf;
    if (lang == CsvLang::nb) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string percent_text(double v, CsvLang lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    std::string s = buf;
    if (lang == CsvLang::nb) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string date_text(Date d, CsvLang lang) { return lang == CsvLang::nb ? format_norwegian(d) : format_iso(d); }

} // namespace

std::string export_stats_csv(const StatsResult& s, const Dataset& ds, const Role& role, CsvLang lang) {
    const bool nb = lang == CsvLang::nb;
    StatsResult v = visible_stats(s, role);
    CsvWriter w{nb ? ';' : ','};
    const char* head_nb[] = {"Enhet", "Fra", "Til", "Ansatte", "Mulige dagsverk", "Tapte dagsverk",
                             "Tapte dagsverk egenmeldt", "Tapte dagsverk legemeldt", "Sykefravær (%)"};
    const char* head_en[] = {"Unit", "From", "To", "Employees", "Possible workdays", "Lost workdays",
                             "Lost workdays self-certified", "Lost workdays doctor-certified", "Sick leave (%)"};
    for (int i = 0; i < 9; ++i) w.cell(nb ? head_nb[i] : head_en[i], i == 0);
    w.end_row();
    std::unordered_map<std::string_view, std::string_view> names;
    for (const Unit& u : ds.units) names.emplace(u.id, u.name);
    const std::string masked = nb ? "skjermet" : "masked";
    for (const StatsGroup& g : v.groups) {
        std::string unit = !g.unit ? (nb ? "Hele organisasjonen" : "Whole organisation")
                                   : (names.count(*g.unit) ? std::string(names[*g.unit]) : *g.unit);
        w.cell(unit, true);
        w.cell(date_text(v.from, lang), false, false);
        w.cell(date_text(v.to, lang), false, false);
        w.cell(std::to_string(g.employees), false, false);
        if (g.masked || !g.sums) {
            for (int i = 0; i < 5; ++i) w.cell(masked);
        } else {
            w.cell(number(g.sums->mulige, lang), false, false);
            w.cell(number(g.sums->tapte, lang), false, false);
            w.cell(number(g.sums->tapte_egenmeldt, lang), false, false);
            w.cell(number(g.sums->tapte_legemeldt, lang), false, false);
            w.cell(g.percent ? number(*g.percent, lang) : std::string(), false, false);
        }
        w.end_row();
    }
    return w.out;
}

std::string export_employees_csv(const Dataset& ds, const Role& role, CsvLang lang) {
    const bool nb = lang == CsvLang::nb;
    Dataset v = visible_dataset(ds, role);
    CsvWriter w{nb ? ';' : ','};
    const char* head_nb[] = {"id", "navn", "enhet", "enhetsnavn", "stillingsprosent", "fra", "til", "fødselsår"};
    const char* head_en[] = {"id", "name", "unit", "unit_name", "percent", "from", "to", "birth_year"};
    for (int i = 0; i < 8; ++i) w.cell(nb ? head_nb[i] : head_en[i], i == 0);
    w.end_row();
    std::unordered_map<std::string_view, std::string_view> names;
    for (const Unit& u : v.units) names.emplace(u.id, u.name);
    for (const Employee& e : v.employees) {
        for (const Employment& m : e.employment) {
            w.cell(e.id, true);
            w.cell(e.name);
            w.cell(e.unit);
            w.cell(names.count(e.unit) ? names[e.unit] : std::string_view());
            w.cell(percent_text(m.percent, lang), false, false);
            w.cell(date_text(m.from, lang), false, false);
            w.cell(m.to ? date_text(*m.to, lang) : std::string(), false, false);
            w.cell(e.birth_year ? std::to_string(*e.birth_year) : std::string(), false, false);
            w.end_row();
        }
    }
    return w.out;
}

} // namespace iadesk
