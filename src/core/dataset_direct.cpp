// dataset_direct: the record arrays read straight into the Dataset (see DirectRecords in
// dataset_internal.hpp for the contract).
//
// Why: the streaming pass (dataset_sax.cpp) built a json value per record, a std::map of its
// members, and the Loader then looked each member up by name: ~70 % of a load of 50 000 employees
// (perf, docs/performance.md "Whole processes"). Here each SAX event is put into its field as it
// arrives. Anything this reader does not take exactly as the Loader would without a problem makes
// it decline (return false); load_dataset then reads the text again the way it always did, so
// every problem and message comes from the one Loader.
#include "dataset_internal.hpp"

#include <cmath>

namespace iadesk::detail_ds {
namespace {

// Bit of a field in DirectRecords::seen_: the position of its name in the array's table.
constexpr std::array<std::string_view, 3> kUnitKeys = {"id", "name", "closed"};
constexpr std::array<std::string_view, 8> kEmployeeKeys = {"id", "name", "unit", "birth_year", "birth_date",
                                                           "national_id", "earlier_units", "employment"};
constexpr std::array<std::string_view, 5> kAbsenceKeys = {"employee", "kind", "from", "to", "grade"};
constexpr std::array<std::string_view, 7> kEventKeys = {"employee", "case_start", "milestone", "status",
                                                        "date", "note", "participants"};
constexpr std::array<std::string_view, 4> kPeriodKeys = {"from", "to", "percent", "end_reason"};
constexpr std::array<std::string_view, 2> kMoveKeys = {"unit", "until"};

// Required members (bits) of each kind of object.
constexpr unsigned kUnitRequired = 0b011;          // id, name
constexpr unsigned kEmployeeRequired = 0b10000111; // id, name, unit, employment
constexpr unsigned kAbsenceRequired = 0b00111;     // employee, kind, from
constexpr unsigned kEventRequired = 0b11111;       // employee, case_start, milestone, status, date
constexpr unsigned kPeriodRequired = 0b101;        // from, percent
constexpr unsigned kMoveRequired = 0b11;           // unit, until

// Names and enum values compared byte by byte: they are short, and a call of memcmp per candidate
// was ~10 % of a load (perf).
bool same(std::string_view w, std::string_view k) {
    if (w.size() != k.size()) return false;
    std::size_t j = 0;
    while (j < w.size() && w[j] == k[j]) ++j;
    return j == w.size();
}

template <std::size_t N>
int key_index(const std::array<std::string_view, N>& keys, std::string_view k) {
    for (std::size_t i = 0; i < N; ++i)
        if (same(keys[i], k)) return static_cast<int>(i);
    return -1;
}

// ObjectReader::integer's rule (dataset.cpp): whole, within +-2e9.
bool whole_int(double d, int& out) {
    if (std::floor(d) != d || d < -2e9 || d > 2e9) return false;
    out = static_cast<int>(d);
    return true;
}

bool date_of(std::string_view s, Date& out) {
    auto d = parse_iso_date(s);
    if (!d) return false;
    out = *d;
    return true;
}

} // namespace

bool DirectRecords::begin_array(int k) {
    const std::size_t a = static_cast<std::size_t>(k);
    if (started_[a]) return false; // a second array of the same name: the Loader's case
    started_[a] = true;
    array_ = k;
    return true;
}

bool DirectRecords::start_record() {
    depth_ = 1;
    seen_ = 0;
    field_ = -1;
    switch (array_) {
    case 0: ds_.units.emplace_back(); meta_.unit_bad.push_back(0); break;
    case 1:
        ds_.employees.emplace_back();
        meta_.period_offset.push_back(meta_.period_bad.size());
        meta_.employee_bad.push_back(0);
        break;
    case 2: ds_.absences.emplace_back(); meta_.absence_bad.push_back(0); break;
    default: ds_.milestone_events.emplace_back(); meta_.event_bad.push_back(0); break;
    }
    return true;
}

bool DirectRecords::key(std::string_view k) {
    int i = -1;
    if (depth_ == 1) {
        switch (array_) {
        case 0: i = key_index(kUnitKeys, k); break;
        case 1: i = key_index(kEmployeeKeys, k); break;
        case 2: i = key_index(kAbsenceKeys, k); break;
        default: i = key_index(kEventKeys, k); break;
        }
        if (i < 0 || (seen_ & (1u << i))) return false; // unknown (ignored by the Loader) or twice
        seen_ |= 1u << i;
        field_ = i;
        return true;
    }
    if (depth_ != 3) return false;
    i = nested_ == Nested::employment ? key_index(kPeriodKeys, k) : key_index(kMoveKeys, k);
    if (i < 0 || (sub_seen_ & (1u << i))) return false;
    sub_seen_ |= 1u << i;
    sub_field_ = i;
    return true;
}

bool DirectRecords::string(std::string& v) {
    if (depth_ == 3) {
        if (nested_ == Nested::employment) {
            Employment& m = ds_.employees.back().employment.back();
            switch (sub_field_) {
            case 0: return date_of(v, m.from);
            case 1: {
                Date d;
                if (!date_of(v, d)) return false;
                m.to = d;
                return true;
            }
            case 3: {
                auto reason = parse_end_reason(v);
                if (!reason) return false;
                m.end_reason = reason;
                return true;
            }
            default: return false; // percent
            }
        }
        EarlierUnit& u = ds_.employees.back().earlier_units.back();
        if (sub_field_ == 0) { u.unit = std::move(v); return true; }
        return date_of(v, u.until);
    }
    if (depth_ != 1) return false;
    switch (array_) {
    case 0: {
        Unit& u = ds_.units.back();
        switch (field_) {
        case 0: u.id = std::move(v); return true;
        case 1: u.name = std::move(v); return true;
        default: {
            Date d;
            if (!date_of(v, d)) return false;
            u.closed = d;
            return true;
        }
        }
    }
    case 1: {
        Employee& e = ds_.employees.back();
        switch (field_) {
        case 0: e.id = std::move(v); return true;
        case 1: e.name = std::move(v); return true;
        case 2: e.unit = std::move(v); return true;
        case 4: {
            Date d;
            if (!date_of(v, d)) return false;
            e.birth_date = d;
            return true;
        }
        case 5: e.national_id = std::move(v); return true;
        default: return false; // birth_year, earlier_units, employment
        }
    }
    case 2: {
        Absence& a = ds_.absences.back();
        switch (field_) {
        case 0: a.employee = std::move(v); return true;
        case 1:
            if (same(v, "egenmelding")) a.kind = AbsenceKind::egenmelding;
            else if (same(v, "sykmelding")) a.kind = AbsenceKind::sykmelding;
            else return false;
            return true;
        case 2: return date_of(v, a.from);
        case 3: {
            Date d;
            if (!date_of(v, d)) return false;
            a.to = d;
            return true;
        }
        default: return false; // grade
        }
    }
    default: {
        MilestoneEvent& ev = ds_.milestone_events.back();
        switch (field_) {
        case 0: ev.employee = std::move(v); return true;
        case 1: return date_of(v, ev.case_start);
        case 2: ev.milestone = std::move(v); return true;
        case 3:
            if (same(v, "done")) ev.status = EventStatus::done;
            else if (same(v, "exempt")) ev.status = EventStatus::exempt;
            else return false;
            return true;
        case 4: return date_of(v, ev.date);
        case 5: ev.note = std::move(v); return true;
        default: ev.participants = std::move(v); return true;
        }
    }
    }
}

bool DirectRecords::number(double d) {
    if (depth_ == 3)
        return nested_ == Nested::employment && sub_field_ == 2 && (ds_.employees.back().employment.back().percent = d, true);
    if (depth_ != 1) return false;
    if (array_ == 1 && field_ == 3) {
        int v = 0;
        if (!whole_int(d, v)) return false;
        ds_.employees.back().birth_year = v;
        return true;
    }
    if (array_ == 2 && field_ == 4) return whole_int(d, ds_.absences.back().grade);
    return false;
}

// null: the Loader's default for an optional member (an open date, no end reason, no birth year ...).
bool DirectRecords::null() {
    if (depth_ == 3) {
        if (nested_ == Nested::employment) return sub_field_ == 1 || sub_field_ == 3;
        return false;
    }
    if (depth_ != 1) return false;
    switch (array_) {
    case 0: return field_ == 2;
    case 1: return field_ == 3 || field_ == 4 || field_ == 5 || field_ == 6;
    case 2: return field_ == 3 || field_ == 4;
    default: return field_ == 5 || field_ == 6;
    }
}

bool DirectRecords::start_array() {
    if (depth_ != 1 || array_ != 1 || (field_ != 6 && field_ != 7)) return false;
    nested_ = field_ == 7 ? Nested::employment : Nested::earlier_units;
    depth_ = 2;
    return true;
}

bool DirectRecords::start_object() {
    if (depth_ != 2) return false;
    Employee& e = ds_.employees.back();
    if (nested_ == Nested::employment) {
        e.employment.emplace_back();
        meta_.period_bad.push_back(0);
    } else {
        e.earlier_units.emplace_back();
    }
    depth_ = 3;
    sub_seen_ = 0;
    sub_field_ = -1;
    return true;
}

bool DirectRecords::end_array() {
    if (depth_ != 2) return false;
    depth_ = 1;
    return true;
}

bool DirectRecords::end_object() {
    if (depth_ == 3) {
        const unsigned required = nested_ == Nested::employment ? kPeriodRequired : kMoveRequired;
        depth_ = 2;
        return (sub_seen_ & required) == required;
    }
    if (depth_ != 1) return false;
    depth_ = 0;
    unsigned required = 0;
    switch (array_) {
    case 0: required = kUnitRequired; break;
    case 1: required = kEmployeeRequired; break;
    case 2: required = kAbsenceRequired; break;
    default: required = kEventRequired; break;
    }
    return (seen_ & required) == required;
}

} // namespace iadesk::detail_ds
