// csv_import_absences: egenmeldinger and sykmeldinger from CSV (csv_import.hpp).
#include "iadesk/csv_import.hpp"

#include "csv_internal.hpp"
#include "iadesk/checks.hpp"
#include "iadesk/commands.hpp"

#include <cmath>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace iadesk {

namespace {

using namespace detail_csv;
using namespace std::literals;

constexpr std::string_view kEmployee[] = {"ansatt"sv,   "ansattid"sv, "ansattnr"sv,   "ansattnummer"sv,
                                          "id"sv,       "employee"sv, "employeeid"sv, "employeeno"sv};
constexpr std::string_view kKind[] = {"type"sv, "art"sv, "fraværstype"sv, "fravarstype"sv, "kind"sv};
constexpr std::string_view kFrom[] = {"fra"sv, "fradato"sv, "startdato"sv, "start"sv, "from"sv, "fromdate"sv, "startdate"sv};
constexpr std::string_view kTo[] = {"til"sv, "tildato"sv, "sluttdato"sv, "slutt"sv, "to"sv, "todate"sv, "enddate"sv, "end"sv};
constexpr std::string_view kGrade[] = {"grad"sv, "sykmeldingsgrad"sv, "prosent"sv, "grade"sv, "percent"sv};

constexpr ColumnSpec kSpecs[] = {
    {"employee_id", kEmployee, true}, {"kind", kKind, true},    {"from", kFrom, true},
    {"to", kTo, false},               {"grade", kGrade, false},
};
enum Col : std::size_t { A_EMP, A_KIND, A_FROM, A_TO, A_GRADE };

// The kinds as people write them (normalized like a header): egenmelding or sykmelding.
std::optional<AbsenceKind> parse_kind(std::string_view v) {
    const std::string f = normalize_header(v);
    for (const char* k : {"egenmelding", "egenmeldt", "e", "em", "selfcertified", "selfcertification"})
        if (f == k) return AbsenceKind::egenmelding;
    for (const char* k : {"sykmelding", "sykemelding", "sykmeldt", "sykemeldt", "legemeldt", "legemelding", "s", "sm",
                          "doctorcertified", "sicknote"})
        if (f == k) return AbsenceKind::sykmelding;
    return std::nullopt;
}

// Absence periods per employee: those registered (line 0) and the rows read so far.
class KnownAbsences {
public:
    explicit KnownAbsences(const Dataset& ds) {
        known_.reserve(ds.employees.size());
        for (const Absence& a : ds.absences) known_[a.employee].push_back({a.from, a.to, 0});
    }
    // Reports an overlap of [from, to] with a known period of `employee`; else remembers it.
    void add(RowReader& rr, std::string_view employee, Date from, std::optional<Date> to) {
        std::vector<Period>& mine = known_[employee];
        const Date to_or_open = to.value_or(kOpen);
        for (const Period& k : mine) {
            if (!(from <= k.to.value_or(kOpen) && k.from <= to_or_open)) continue;
            const ProblemArg period = ProblemArg::period("period", k.from, k.to);
            if (k.line == 0) rr.error(A_FROM, ProblemCode::csv_overlap_registered, {period});
            else rr.error(A_FROM, ProblemCode::csv_overlap_row, {{"line", k.line}, period});
            return;
        }
        mine.push_back({from, to, rr.line()});
    }

private:
    static constexpr Date kOpen{INT32_MAX};
    struct Period { Date from; std::optional<Date> to; std::size_t line; };
    std::unordered_map<std::string_view, std::vector<Period>> known_; // keys view the dataset's ids
};

} // namespace

AbsenceImport import_absences_csv(const Dataset& ds, std::string_view bytes) {
    AbsenceImport out;
    const std::optional<OpenedImport> opened = open_import(ds, bytes, kSpecs, out);
    if (!opened) return out;
    const CsvTable& t = opened->table;
    const Columns& cols = opened->columns;
    const std::unordered_map<std::string_view, std::size_t>& emp = opened->employees;
    KnownAbsences known(ds);

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (!row_shape_ok(t, r, out.errors)) continue;
        RowReader rr{t, cols, kSpecs, r, out.errors};
        AbsenceImportRow row;
        row.line = rr.line();
        const std::string id = rr.text(A_EMP, true);
        const auto eit = emp.find(id);
        if (!id.empty() && eit == emp.end()) rr.error(A_EMP, ProblemCode::unknown_employee, {{"id", id}});
        std::optional<AbsenceKind> kind;
        const std::string_view kv = rr.cell(A_KIND);
        if (kv.empty()) rr.error(A_KIND, ProblemCode::required, {ProblemArg::label("field", "kind")});
        else if (!(kind = parse_kind(kv))) rr.error(A_KIND, ProblemCode::csv_absence_kind, {{"value", kv}});
        const auto from = rr.date(A_FROM, true);
        const auto to = rr.date(A_TO, false);
        int grade = 100;
        bool grade_ok = true;
        if (const std::string_view gv = rr.cell(A_GRADE); !gv.empty()) {
            const auto v = parse_number(gv);
            if (!v || *v != std::floor(*v) || std::fabs(*v) > 1e6) {
                rr.error(A_GRADE, ProblemCode::csv_invalid_grade, {{"value", gv}});
                grade_ok = false;
            } else grade = static_cast<int>(*v);
        }
        if (!from || !kind || !grade_ok) continue;
        row.absence = {id, *kind, *from, to, grade};
        std::vector<Problem> problems;
        check_absence(row.absence, problems);
        for (const Problem& p : problems) report(rr, p, A_FROM, A_TO, A_GRADE);
        if (rr.failed) continue;
        const Employee& employee = ds.employees[eit->second];
        row.employee_name = employee.name;
        for (const Problem& p : check_absence_in_employment(employee, row.absence)) rr.error(A_FROM, p);
        if (rr.failed) continue;
        known.add(rr, employee.id, *from, to);
        if (rr.failed) continue;
        out.rows.push_back(std::move(row));
    }
    sort_by_line(out.errors);
    if (!out.errors.empty() || out.rows.empty()) {
        if (out.errors.empty()) out.errors.push_back(csv_error(0, {}, ProblemCode::csv_no_absence_rows));
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

} // namespace iadesk
