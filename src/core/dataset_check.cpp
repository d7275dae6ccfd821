// dataset_check: the value and cross-record checks of a dataset (phase 2 of load_dataset, and
// validate_dataset). The list of checks is in include/iadesk/dataset.hpp and
// docs/data-format.md ("Checks"); sources: DOMAIN.md §2 (grades, egenmelding 100 %), §3 (milestone
// events), model.hpp (orgnr mod 11, non-overlapping employment).
#include "dataset_internal.hpp"

#include "iadesk/rules.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace iadesk::detail_ds {

std::string Path::str() const {
    if (!parent) return {};
    std::string s = parent->str();
    s += '/';
    if (index != npos) {
        s += std::to_string(index);
    } else {
        for (char c : key) {
            if (c == '~') s += "~0";
            else if (c == '/') s += "~1";
            else s += c;
        }
    }
    return s;
}

const std::vector<std::string>& known_milestone_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v;
        for (const RuleSet& rs : builtin_rule_sets())
            for (const MilestoneRule& m : rs.milestones)
                if (std::find(v.begin(), v.end(), m.id) == v.end()) v.push_back(m.id);
        return v;
    }();
    return ids;
}

namespace {

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string quoted_nb(std::string_view s) { return "«" + excerpt(s) + "»"; }
std::string quoted_en(std::string_view s) { return "\"" + excerpt(s) + "\""; }

// Shortest text of a number as it would appear in the file (150, 37.5).
std::string num_text(double v) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.15g", v);
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

class Checker {
public:
    Checker(const Dataset& ds, const LoadMeta* meta, Reporter& rep) : ds_(ds), meta_(meta), rep_(rep) {}

    void run() {
        Path root{};
        organisation(root);
        units(root);
        employees(root);
        absences(root);
        events(root);
    }

private:
    bool ok(const std::vector<uint8_t>* bits, std::size_t i, uint8_t field) const {
        return !bits || i >= bits->size() || ((*bits)[i] & field) == 0;
    }

    void empty_text(const Path& p, const char* what_nb, const char* what_en) {
        rep_.add(p, std::string(what_nb) + " kan ikke være tom", std::string(what_en) + " must not be empty");
    }

    // Free text has an upper bound (kMaxTextBytes): a 10 MB name is refused, not stored.
    void length(const Path& parent, const char* field, const std::string& text) {
        if (text.size() <= kMaxTextBytes) return;
        Path q{&parent, field};
        rep_.add(q, "Teksten er for lang (" + std::to_string(text.size()) + " byte; høyst " + std::to_string(kMaxTextBytes) + ")",
                 "The text is too long (" + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxTextBytes) + ")");
    }

    // Dates read from a file are always in range; an in-memory Dataset may hold anything.
    void date_range(const Path& parent, std::string_view key, Date d) {
        if (meta_) return;
        int y = d.year();
        if (y >= 1900 && y <= 2200) return;
        Path p{&parent, key};
        rep_.add(p, "Datoen må ligge i årene 1900–2200 (år " + std::to_string(y) + ")",
                 "The date must lie in the years 1900-2200 (year " + std::to_string(y) + ")");
    }

    void order(const Path& parent, Date from, Date to) {
        if (to >= from) return;
        Path p{&parent, "to"};
        rep_.add(p, "Sluttdato " + format_norwegian(to) + " er før startdato " + format_norwegian(from),
                 "End date " + format_iso(to) + " is before start date " + format_iso(from));
    }

    void organisation(const Path& root) {
        Path at{&root, "organisation"};
        unsigned bad = meta_ ? meta_->organisation_bad : 0;
        const Organisation& o = ds_.organisation;
        if (!(bad & OrgField::name) && blank(o.name)) {
            Path p{&at, "name"};
            empty_text(p, "Navnet", "The name");
        }
        length(at, "name", o.name);
        if (!(bad & OrgField::orgnr) && !is_valid_orgnr(o.orgnr)) {
            Path p{&at, "orgnr"};
            rep_.add(p, "Ugyldig organisasjonsnummer " + quoted_nb(o.orgnr) +
                            " (9 siffer der det siste er kontrollsiffer etter modulus 11)",
                     "Invalid organisation number " + quoted_en(o.orgnr) +
                         " (9 digits, the last a modulus-11 check digit)");
        }
    }

    void units(const Path& root) {
        if (meta_ && meta_->units_missing) { units_unknown_ = true; return; }
        Path at{&root, "units"};
        const std::vector<uint8_t>* bits = meta_ ? &meta_->unit_bad : nullptr;
        unit_index_.reserve(ds_.units.size());
        for (std::size_t i = 0; i < ds_.units.size(); ++i) {
            const Unit& u = ds_.units[i];
            Path p{&at, {}, i};
            if (!ok(bits, i, UnitField::id)) { units_unknown_ = true; }
            else if (blank(u.id)) { Path q{&p, "id"}; empty_text(q, "ID-en", "The id"); }
            else if (auto [it, fresh] = unit_index_.emplace(u.id, i); !fresh) {
                Path q{&p, "id"};
                rep_.add(q, "Enhets-ID-en " + quoted_nb(u.id) + " er allerede brukt av /units/" + std::to_string(it->second),
                         "Unit id " + quoted_en(u.id) + " is already used by /units/" + std::to_string(it->second));
            }
            if (ok(bits, i, UnitField::name) && blank(u.name)) { Path q{&p, "name"}; empty_text(q, "Navnet", "The name"); }
            length(p, "id", u.id);
            length(p, "name", u.name);
        }
    }

    void employees(const Path& root) {
        if (meta_ && meta_->employees_missing) { employees_unknown_ = true; return; }
        Path at{&root, "employees"};
        const std::vector<uint8_t>* bits = meta_ ? &meta_->employee_bad : nullptr;
        employee_index_.reserve(ds_.employees.size());
        for (std::size_t i = 0; i < ds_.employees.size(); ++i) {
            const Employee& e = ds_.employees[i];
            Path p{&at, {}, i};
            if (bits && (*bits)[i] == 0xFF) { employees_unknown_ = true; continue; }
            if (!ok(bits, i, EmployeeField::id)) { employees_unknown_ = true; }
            else if (blank(e.id)) { Path q{&p, "id"}; empty_text(q, "ID-en", "The id"); }
            else if (auto [it, fresh] = employee_index_.emplace(e.id, i); !fresh) {
                Path q{&p, "id"};
                rep_.add(q, "Ansatt-ID-en " + quoted_nb(e.id) + " er allerede brukt av /employees/" + std::to_string(it->second),
                         "Employee id " + quoted_en(e.id) + " is already used by /employees/" + std::to_string(it->second));
            }
            if (ok(bits, i, EmployeeField::name) && blank(e.name)) { Path q{&p, "name"}; empty_text(q, "Navnet", "The name"); }
            length(p, "id", e.id);
            length(p, "name", e.name);
            if (ok(bits, i, EmployeeField::unit) && !units_unknown_ && !unit_index_.count(e.unit)) {
                Path q{&p, "unit"};
                rep_.add(q, "Ukjent enhet " + quoted_nb(e.unit) + " (finnes ikke i /units)",
                         "Unknown unit " + quoted_en(e.unit) + " (not in /units)");
            }
            if (e.birth_year && ok(bits, i, EmployeeField::birth_year) && (*e.birth_year < 1900 || *e.birth_year > 2200)) {
                Path q{&p, "birth_year"};
                rep_.add(q, "Fødselsåret må ligge i 1900–2200 (var " + std::to_string(*e.birth_year) + ")",
                         "The birth year must lie in 1900-2200 (was " + std::to_string(*e.birth_year) + ")");
            }
            if (ok(bits, i, EmployeeField::employment)) employment(p, i, e);
        }
    }

    void employment(const Path& emp_path, std::size_t ei, const Employee& e) {
        Path at{&emp_path, "employment"};
        if (e.employment.empty()) {
            rep_.add(at, "Den ansatte må ha minst ett arbeidsforhold", "The employee needs at least one employment period");
            return;
        }
        const uint8_t* pbits = meta_ ? meta_->period_bad.data() + meta_->period_offset[ei] : nullptr;
        auto pok = [&](std::size_t j, uint8_t f) { return !pbits || (pbits[j] & f) == 0; };
        usable_.clear();
        for (std::size_t j = 0; j < e.employment.size(); ++j) {
            const Employment& m = e.employment[j];
            Path p{&at, {}, j};
            if (pbits && pbits[j] == 0xFF) continue;
            if (pok(j, PeriodField::from)) date_range(p, "from", m.from);
            if (pok(j, PeriodField::to) && m.to) date_range(p, "to", *m.to);
            if (pok(j, PeriodField::from) && pok(j, PeriodField::to) && m.to) order(p, m.from, *m.to);
            if (pok(j, PeriodField::percent) && !(m.percent > 0 && m.percent <= 100)) {
                Path q{&p, "percent"};
                rep_.add(q, "Stillingsprosenten må være over 0 og høyst 100 (var " + num_text(m.percent) + ")",
                         "The position percent must be above 0 and at most 100 (was " + num_text(m.percent) + ")");
            }
            if (!meta_ && j > 0 && m.from < e.employment[j - 1].from) {
                Path q{&p, "from"};
                rep_.add(q, "Arbeidsforholdene må være sortert etter startdato",
                         "Employment periods must be sorted by start date");
            }
            if (pok(j, PeriodField::from) && pok(j, PeriodField::to) && (!m.to || *m.to >= m.from))
                usable_.push_back(j);
        }
        // Overlap: in order of `from`, each period must start after the latest end so far.
        std::stable_sort(usable_.begin(), usable_.end(),
                         [&](std::size_t a, std::size_t b) { return e.employment[a].from < e.employment[b].from; });
        std::size_t latest = Path::npos;
        for (std::size_t j : usable_) {
            const Employment& m = e.employment[j];
            if (latest != Path::npos) {
                const Employment& l = e.employment[latest];
                if (!l.to || *l.to >= m.from) {
                    Path p{&at, {}, j};
                    std::string other = p.parent->str() + "/" + std::to_string(latest);
                    rep_.add(p, "Arbeidsforholdet overlapper med " + other, "The employment period overlaps " + other);
                }
            }
            if (latest == Path::npos || !m.to || (e.employment[latest].to && *m.to > *e.employment[latest].to))
                latest = j;
        }
    }

    bool employee_known(const Path& p, const std::string& id) {
        if (employees_unknown_ || employee_index_.count(id)) return true;
        Path q{&p, "employee"};
        rep_.add(q, "Ukjent ansatt " + quoted_nb(id) + " (finnes ikke i /employees)",
                 "Unknown employee " + quoted_en(id) + " (not in /employees)");
        return false;
    }

    void absences(const Path& root) {
        Path at{&root, "absences"};
        const std::vector<uint8_t>* bits = meta_ ? &meta_->absence_bad : nullptr;
        for (std::size_t i = 0; i < ds_.absences.size(); ++i) {
            const Absence& a = ds_.absences[i];
            if (bits && (*bits)[i] == 0xFF) continue;
            Path p{&at, {}, i};
            if (ok(bits, i, AbsenceField::employee)) employee_known(p, a.employee);
            if (ok(bits, i, AbsenceField::from)) date_range(p, "from", a.from);
            if (ok(bits, i, AbsenceField::to) && a.to) date_range(p, "to", *a.to);
            if (ok(bits, i, AbsenceField::from) && ok(bits, i, AbsenceField::to) && a.to) order(p, a.from, *a.to);
            if (!ok(bits, i, AbsenceField::grade)) continue;
            Path q{&p, "grade"};
            if (a.grade < 20 || a.grade > 100) {
                rep_.add(q, "Grad må være mellom 20 og 100 (var " + std::to_string(a.grade) + ")",
                         "Grade must be between 20 and 100 (was " + std::to_string(a.grade) + ")");
            } else if (ok(bits, i, AbsenceField::kind) && a.kind == AbsenceKind::egenmelding && a.grade != 100) {
                rep_.add(q, "Egenmelding har alltid grad 100 (var " + std::to_string(a.grade) + ")",
                         "An egenmelding always has grade 100 (was " + std::to_string(a.grade) + ")");
            }
        }
    }

    void events(const Path& root) {
        Path at{&root, "milestone_events"};
        const std::vector<uint8_t>* bits = meta_ ? &meta_->event_bad : nullptr;
        const std::vector<std::string>& known = ds_.milestone_events.empty() ? empty_ : known_milestone_ids();
        for (std::size_t i = 0; i < ds_.milestone_events.size(); ++i) {
            const MilestoneEvent& ev = ds_.milestone_events[i];
            if (bits && (*bits)[i] == 0xFF) continue;
            Path p{&at, {}, i};
            if (ok(bits, i, EventField::employee)) employee_known(p, ev.employee);
            if (ok(bits, i, EventField::case_start)) date_range(p, "case_start", ev.case_start);
            if (ok(bits, i, EventField::date)) date_range(p, "date", ev.date);
            if (ok(bits, i, EventField::case_start) && ok(bits, i, EventField::date) && ev.date < ev.case_start) {
                Path q{&p, "date"};
                rep_.add(q, "Datoen " + format_norwegian(ev.date) + " er før tilfellets start " + format_norwegian(ev.case_start),
                         "The date " + format_iso(ev.date) + " is before the case start " + format_iso(ev.case_start));
            }
            if (ok(bits, i, EventField::milestone) && std::find(known.begin(), known.end(), ev.milestone) == known.end()) {
                Path q{&p, "milestone"};
                std::string list;
                for (const std::string& id : known) list += (list.empty() ? "" : ", ") + id;
                rep_.add(q, "Ukjent milepæl " + quoted_nb(ev.milestone) + " (kjente: " + list + ")",
                         "Unknown milestone " + quoted_en(ev.milestone) + " (known: " + list + ")");
            }
            length(p, "note", ev.note);
            if (ok(bits, i, EventField::status) && ok(bits, i, EventField::note) &&
                ev.status == EventStatus::exempt && blank(ev.note)) {
                Path q{&p, "note"};
                rep_.add(q, "Unntak krever en begrunnelse i «note», f.eks. «åpenbart unødvendig» (aml. § 4-6)",
                         "An exemption needs a reason in \"note\", e.g. \"åpenbart unødvendig\" (aml § 4-6)");
            }
        }
    }

    const Dataset& ds_;
    const LoadMeta* meta_;
    Reporter& rep_;
    std::unordered_map<std::string_view, std::size_t> unit_index_;
    std::unordered_map<std::string_view, std::size_t> employee_index_;
    bool units_unknown_ = false;      // some unit id unreadable: unit references are not checked
    bool employees_unknown_ = false;  // likewise for employee references
    std::vector<std::size_t> usable_;
    const std::vector<std::string> empty_;
};

} // namespace

void check_dataset(const Dataset& ds, const LoadMeta* meta, Reporter& rep) {
    Checker(ds, meta, rep).run();
    check_goals(ds, meta ? &meta->goals : nullptr, rep); // IA goals (dataset_goals.cpp)
    check_plans(ds, rep);
    check_half_years(ds, meta, rep); // IA half-year reports (dataset_half_year.cpp)
}

} // namespace iadesk::detail_ds
