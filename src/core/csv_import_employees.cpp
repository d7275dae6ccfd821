// csv_import_employees: employees with their employment periods from CSV (csv_import.hpp).
#include "iadesk/csv_import.hpp"

#include "csv_internal.hpp"
#include "iadesk/checks.hpp"
#include "iadesk/commands.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <unordered_map>
#include <utility>

namespace iadesk {

namespace {

using namespace detail_csv;
using namespace std::literals;

constexpr std::string_view kId[] = {"id"sv, "ansattid"sv, "ansattnr"sv, "ansattnummer"sv, "employeeid"sv,
                                    "employeeno"sv};
constexpr std::string_view kName[] = {"navn"sv, "name"sv, "fulltnavn"sv, "fullname"sv};
constexpr std::string_view kUnit[] = {"enhet"sv, "enhetid"sv, "unit"sv, "unitid"sv, "avdeling"sv,
                                      "department"sv};
constexpr std::string_view kUnitName[] = {"enhetsnavn"sv, "unitname"sv};
constexpr std::string_view kPercent[] = {"stillingsprosent"sv, "stilling"sv, "prosent"sv, "percent"sv,
                                         "positionpercent"sv, "position"sv};
constexpr std::string_view kFrom[] = {"fra"sv, "fradato"sv, "startdato"sv, "start"sv, "ansattfra"sv,
                                      "from"sv, "fromdate"sv, "startdate"sv};
constexpr std::string_view kTo[] = {"til"sv, "tildato"sv, "sluttdato"sv, "slutt"sv, "ansatttil"sv, "to"sv,
                                    "todate"sv, "enddate"sv, "end"sv};
constexpr std::string_view kBirth[] = {"fødselsår"sv, "fodselsar"sv, "fødselsaar"sv, "født"sv, "birthyear"sv,
                                       "yearofbirth"sv};
constexpr std::string_view kEndReason[] = {"sluttårsak"sv, "sluttarsak"sv, "sluttaarsak"sv, "endreason"sv};

constexpr ColumnSpec kSpecs[] = {
    {"id", kId, true},
    {"name", kName, true},
    {"unit", kUnit, true},
    {"unit_name", kUnitName, false},
    {"percent", kPercent, false},
    {"from", kFrom, true},
    {"to", kTo, false},
    {"birth_year", kBirth, false},
    {"end_reason", kEndReason, false},
};
enum Col : std::size_t { E_ID, E_NAME, E_UNIT, E_UNIT_NAME, E_PERCENT, E_FROM, E_TO, E_BIRTH, E_END_REASON };

// A sluttårsak cell: the stored codes (model.hpp EndReason) or their Norwegian words as people write
// them ("Uføretrygd", "AAP", "annen jobb"; "AFP" is alderspensjon), case and æøå folded.
std::optional<EndReason> parse_end_reason_cell(std::string_view cell) {
    std::string s;
    for (char c : fold(trim(cell))) s += (c == ' ' || c == '-') ? '_' : c;
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"ø", "o"}, {"æ", "ae"}, {"å", "a"}})
        for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
    if (s == "afp") return EndReason::alderspensjon;
    return parse_end_reason(s);
}

// The units of the dataset and those the import creates: an existing id, an existing name
// (case-insensitive), or a new unit.
class UnitResolver {
public:
    explicit UnitResolver(const Dataset& ds) : ds_(ds) {
        for (std::size_t i = 0; i < ds.units.size(); ++i) {
            by_id_.emplace(ds.units[i].id, i);
            by_name_.emplace(fold(ds.units[i].name), i);
        }
        const std::string nid = next_unit_id(ds); // "U<n>" with padding; new ids count on from there
        const std::string digits = nid.substr(1);
        width_ = digits.size();
        std::from_chars(digits.data(), digits.data() + digits.size(), next_no_);
    }

    // The unit id for a row's `unit` (and `unit_name`) cells; a new unit is checked and added to
    // `created` unless the row has failed already.
    void resolve(RowReader& rr, const std::string& unit, const std::string& unit_name, std::string& id,
                 std::vector<Unit>& created) {
        if (by_id_.count(unit)) { id = unit; return; }
        if (auto it = by_name_.find(fold(unit)); it != by_name_.end()) { id = ds_.units[it->second].id; return; }
        const bool named = !unit_name.empty();
        const std::string key = named ? "id:" + unit : "name:" + fold(unit);
        if (auto it = new_by_key_.find(key); it != new_by_key_.end()) { id = it->second; return; }
        if (rr.failed) return;
        Unit u;
        if (named) { u.id = unit; u.name = unit_name; }
        else {
            std::string n = std::to_string(next_no_++);
            if (n.size() < width_) n.insert(0, width_ - n.size(), '0');
            u.id = "U" + n;
            u.name = unit;
        }
        std::vector<Problem> problems;
        check_unit(u, problems);
        for (const Problem& p : problems) rr.error(p.field == "name" && named ? E_UNIT_NAME : E_UNIT, p);
        if (rr.failed) return;
        new_by_key_.emplace(key, u.id);
        id = u.id;
        created.push_back(std::move(u));
    }

private:
    const Dataset& ds_;
    std::unordered_map<std::string_view, std::size_t> by_id_;
    std::unordered_map<std::string, std::size_t> by_name_;      // folded name -> units index
    std::unordered_map<std::string, std::string> new_by_key_;   // id or folded name -> new unit id
    long long next_no_ = 0;
    std::size_t width_ = 1;
};

// One row read into `row`; problems reported through `rr`.
void read_row(RowReader& rr, EmployeeImportRow& row,
              const std::unordered_map<std::string_view, std::size_t>& existing, UnitResolver& units,
              std::vector<Unit>& new_units) {
    row.line = rr.line();
    row.id = rr.text(E_ID, true);
    row.name = rr.text(E_NAME, true);
    const std::string unit = rr.text(E_UNIT, true);
    const std::string unit_name = rr.text(E_UNIT_NAME, false);
    const auto from = rr.date(E_FROM, true);
    const auto to = rr.date(E_TO, false);
    double percent = 100;
    if (const std::string_view pv = rr.cell(E_PERCENT); !pv.empty()) {
        if (auto v = parse_number(pv)) percent = *v;
        else rr.error(E_PERCENT, ProblemCode::csv_invalid_percent, {{"value", pv}});
    }
    if (const std::string_view bv = rr.cell(E_BIRTH); !bv.empty()) {
        int y = 0;
        auto [p, ec] = std::from_chars(bv.data(), bv.data() + bv.size(), y);
        if (ec != std::errc() || p != bv.data() + bv.size())
            rr.error(E_BIRTH, ProblemCode::csv_invalid_birth_year, {{"value", bv}});
        else row.birth_year = y; // its range is the loader's check, below
    }
    std::optional<EndReason> end_reason;
    if (const std::string_view rv = rr.cell(E_END_REASON); !trim(rv).empty()) {
        end_reason = parse_end_reason_cell(rv);
        if (!end_reason) rr.error(E_END_REASON, ProblemCode::csv_end_reason, {{"value", rv}, ProblemArg::detail("allowed", end_reason_codes())});
    }
    if (!row.id.empty() && existing.count(row.id)) rr.error(E_ID, ProblemCode::csv_employee_exists, {{"id", row.id}});
    // The loader's checks of the row as an employee with one period (checks.hpp). Without a
    // readable start date only the percent can still be checked; empty cells are reported above.
    row.employment = {from.value_or(Date{1 << 16}), from ? to : std::nullopt, percent, end_reason};
    std::vector<Problem> problems;
    check_employee(Employee{row.id, row.name, {}, {row.employment}, row.birth_year}, problems);
    for (const Problem& p : problems) {
        if (p.code == ProblemCode::required) continue;
        if (p.field == "id") rr.error(E_ID, p);
        else if (p.field == "name") rr.error(E_NAME, p);
        else if (p.field == "birth_year") rr.error(E_BIRTH, p);
        else if (p.field.ends_with("/percent")) rr.error(E_PERCENT, p);
        else if (p.field.ends_with("/end_reason")) {
            if (from && trim(rr.cell(E_TO)).empty()) rr.error(E_END_REASON, p); // else the date's own problem says it
        }
        else if (from) rr.error(p.field.ends_with("/from") ? E_FROM : E_TO, p);
    }
    if (!unit.empty()) units.resolve(rr, unit, unit_name, row.unit, new_units);
}

// Employees in order of first row; rows grouped by id.
struct Group {
    std::size_t first_row;                                   // index into rows
    std::vector<std::pair<Employment, std::size_t>> periods; // with their line
};

} // namespace

EmployeeImport import_employees_csv(const Dataset& ds, std::string_view bytes) {
    EmployeeImport out;
    const std::optional<OpenedImport> opened = open_import(ds, bytes, kSpecs, out);
    if (!opened) return out;
    const CsvTable& t = opened->table;
    const Columns& cols = opened->columns;
    const std::unordered_map<std::string_view, std::size_t>& existing = opened->employees;
    UnitResolver units(ds);
    std::unordered_map<std::string, std::size_t> group_of; // id -> groups index
    group_of.reserve(t.rows.size());
    std::vector<Group> groups;
    groups.reserve(t.rows.size());

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!row_shape_ok(t, r, out.errors)) continue;
        RowReader rr{t, cols, kSpecs, r, out.errors};
        EmployeeImportRow row;
        read_row(rr, row, existing, units, out.new_units);
        if (rr.failed) continue;
        // Several rows of one id: one employee with several periods.
        auto [git, fresh] = group_of.emplace(row.id, groups.size());
        if (fresh) {
            groups.push_back({out.rows.size(), {{row.employment, row.line}}});
        } else {
            Group& g = groups[git->second];
            const EmployeeImportRow& first = out.rows[g.first_row];
            if (first.name != row.name || first.unit != row.unit) {
                rr.error(first.name != row.name ? E_NAME : E_UNIT, ProblemCode::csv_id_conflict, {{"line", first.line}});
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
            out.errors.push_back(csv_error(g.periods[j].second, cols.names[E_FROM], p));
        }
        employees->push_back(std::move(e));
    }
    sort_by_line(out.errors);
    if (!out.errors.empty() || out.rows.empty()) {
        if (out.errors.empty()) out.errors.push_back(csv_error(0, {}, ProblemCode::csv_no_employee_rows));
        return out;
    }

    auto units_added = std::make_shared<std::vector<Unit>>(out.new_units);
    Command c;
    c.description = "Importerte " + std::to_string(employees->size()) +
                    (employees->size() == 1 ? " ansatt" : " ansatte") + " fra CSV";
    if (!units_added->empty())
        c.description +=
            " og " + std::to_string(units_added->size()) + (units_added->size() == 1 ? " ny enhet" : " nye enheter");
    const std::size_t n_units = ds.units.size(), n_emp = ds.employees.size();
    c.touched = Touched::none();
    for (std::size_t i = 0; i < units_added->size(); ++i) c.touched.units.push_back(n_units + i);
    for (std::size_t i = 0; i < employees->size(); ++i) c.touched.employees.push_back(n_emp + i);
    c.apply = [employees, units_added](Dataset& d) {
        d.units.insert(d.units.end(), units_added->begin(), units_added->end());
        d.employees.insert(d.employees.end(), employees->begin(), employees->end());
    };
    c.undo = [n_units, n_emp](Dataset& d) {
        if (d.units.size() > n_units) d.units.resize(n_units);
        if (d.employees.size() > n_emp) d.employees.resize(n_emp);
    };
    out.command = std::move(c);
    return out;
}

} // namespace iadesk
