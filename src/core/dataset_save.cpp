// dataset_save: Dataset -> the canonical JSON text (docs/data-format.md, "Canonical form").
//
// Written by hand rather than through a json DOM: 500 000 records would otherwise cost a tree of
// maps first. Canonical form: members in a fixed order, every optional member written ("to": null
// for an open end, "grade" always, "note" always), employment periods in the Dataset's order
// (sorted by `from` for a valid Dataset), numbers in their shortest round-trip form.
// indent >= 0: one record per line, top-level members indented by `indent` spaces and records by
// 2 x indent (diff-friendly); indent < 0: everything on one line without spaces.
#include "dataset_internal.hpp"
#include "json_out.hpp"
#include "iadesk/benchmarks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <memory>

namespace iadesk {
namespace {

// Writes into its own buffer through a raw pointer: std::string's append and push_back are not
// inlined in the WebAssembly build (libc++ instantiates basic_string<char> out of line), which
// made saving 6-7x slower there than natively.
class Writer {
public:
    explicit Writer(int indent) : indent_(indent) {}

    void raw(std::string_view s) { if (!s.empty()) std::memcpy(room(s.size()), s.data(), s.size()); }
    void raw(const char* s, std::size_t n) { if (n) std::memcpy(room(n), s, n); }
    void ch(char c) { *room(1) = c; }
    // The text written since the last take(), copied; the buffer stays for what follows.
    std::string take() {
        std::string piece(data_, len_);
        len_ = 0;
        return piece;
    }
    // The same, when nothing follows: the buffer itself is handed over (no copy of a whole
    // save_dataset text; the writer is empty after).
    std::string take_last() {
        buf_.resize(len_);
        std::string all = std::move(buf_);
        buf_ = std::string();
        data_ = buf_.data();
        len_ = cap_ = 0;
        return all;
    }
    void reserve(std::size_t bytes) { if (bytes > cap_) grow(bytes); }
    // For writers that append to a std::string (plans, goals, ...): append, then resume.
    void append_with(void (*write)(const Dataset&, int, std::string&), const Dataset& ds, int indent) {
        std::string text;
        write(ds, indent, text);
        raw(text);
    }

    void str(std::string_view s) { detail_ds::put_json_string(*this, s); }

    void key(std::string_view k) {
        str(k);
        raw(compact() ? ":" : ": ");
    }
    void sep() { raw(compact() ? "," : ", "); }
    void date(Date d) { detail_ds::put_json_date(*this, d); }
    void opt_date(const std::optional<Date>& d) { if (d) date(*d); else raw("null"); }
    void integer(long long v) { detail_ds::put_json_integer(*this, v); }
    void number(double v) { detail_ds::put_json_number(*this, v); }
    void boolean(bool b) { raw(b ? "true" : "false"); }

    // Layout between top-level members / records.
    void newline(int level) {
        if (compact()) return;
        ch('\n');
        const std::size_t n = static_cast<std::size_t>(indent_ * level);
        std::memset(room(n), ' ', n);
    }
    bool compact() const { return indent_ < 0; }
    int indent() const { return indent_; }

private:

    int indent_;
    std::string buf_; // [0, len_) is written, [len_, cap_) is room; written through data_
    char* data_ = buf_.data();
    std::size_t len_ = 0;
    std::size_t cap_ = 0;

    // `n` bytes to write at the end; the buffer grows (out of line, rarely) when full.
    char* room(std::size_t n) {
        if (len_ + n > cap_) grow(len_ + n);
        char* p = data_ + len_;
        len_ += n;
        return p;
    }
    [[gnu::noinline]] void grow(std::size_t need) {
        const std::size_t cap = std::max(need, cap_ * 2 + 4096);
        buf_.resize(cap); // keeps [0, len_)
        data_ = buf_.data();
        cap_ = cap;
    }
};

// The member "name": [ that opens a record array (after the previous member).
void open_array(Writer& w, std::string_view name) {
    w.ch(',');
    w.newline(1);
    w.key(name);
    w.ch('[');
}

void close_array(Writer& w, bool empty) {
    if (!empty) w.newline(1);
    w.ch(']');
}

void write_employee(Writer& w, const Employee& e) {
    w.key("id"); w.str(e.id); w.sep();
    w.key("name"); w.str(e.name); w.sep();
    w.key("unit"); w.str(e.unit); w.sep();
    if (e.birth_year) { w.key("birth_year"); w.integer(*e.birth_year); w.sep(); }
    if (e.birth_date) { w.key("birth_date"); w.date(*e.birth_date); w.sep(); } // written only when set (format 2)
    if (!e.national_id.empty()) { w.key("national_id"); w.str(e.national_id); w.sep(); } // likewise
    if (!e.earlier_units.empty()) { // likewise
        w.key("earlier_units");
        w.ch('[');
        for (std::size_t j = 0; j < e.earlier_units.size(); ++j) {
            if (j) w.sep();
            w.ch('{');
            w.key("unit"); w.str(e.earlier_units[j].unit); w.sep();
            w.key("until"); w.date(e.earlier_units[j].until);
            w.ch('}');
        }
        w.ch(']');
        w.sep();
    }
    w.key("employment");
    w.ch('[');
    for (std::size_t j = 0; j < e.employment.size(); ++j) {
        const Employment& m = e.employment[j];
        if (j) w.sep();
        w.ch('{');
        w.key("from"); w.date(m.from); w.sep();
        w.key("to"); w.opt_date(m.to); w.sep();
        w.key("percent"); w.number(m.percent);
        if (m.end_reason) { w.sep(); w.key("end_reason"); w.str(to_string(*m.end_reason)); } // written only when set (format 4)
        w.ch('}');
    }
    w.ch(']');
}

void write_absence(Writer& w, const Absence& a) {
    w.key("employee"); w.str(a.employee); w.sep();
    w.key("kind"); w.str(to_string(a.kind)); w.sep();
    w.key("from"); w.date(a.from); w.sep();
    w.key("to"); w.opt_date(a.to); w.sep();
    w.key("grade"); w.integer(a.grade);
}

void write_event(Writer& w, const MilestoneEvent& ev) {
    w.key("employee"); w.str(ev.employee); w.sep();
    w.key("case_start"); w.date(ev.case_start); w.sep();
    w.key("milestone"); w.str(ev.milestone); w.sep();
    w.key("status"); w.str(to_string(ev.status)); w.sep();
    w.key("date"); w.date(ev.date); w.sep();
    // Written only when recorded, so a file without participants is written as before.
    if (!ev.participants.empty()) { w.key("participants"); w.str(ev.participants); w.sep(); }
    w.key("note"); w.str(ev.note);
}

void write_unit(Writer& w, const Unit& u) {
    w.key("id"); w.str(u.id); w.sep();
    w.key("name"); w.str(u.name);
    if (u.closed) { w.sep(); w.key("closed"); w.date(*u.closed); } // written only when set (format 2)
}

} // namespace

// The saver's state: which part is being written and how far into it.
struct DatasetSaver::State {
    const Dataset& ds;
    Writer w;
    int part = 0;          // 0 head and units, 1 employees, 2 absences, 3 milestone events, 4 the rest, 5 done
    std::size_t next = 0;  // next record of the current array
    bool opened = false;   // the current array's opening is written
    std::size_t written = 0;

    State(const Dataset& d, int indent) : ds(d), w(indent) {}

    // Writes up to `budget` records of `items` (opening and closing the array around them).
    template <class T, class F>
    bool array(std::string_view name, const std::vector<T>& items, F&& write_one, std::size_t& budget) {
        if (!opened) { open_array(w, name); opened = true; }
        for (; next < items.size() && budget > 0; ++next, --budget, ++written) {
            if (next) w.ch(',');
            w.newline(2);
            w.ch('{');
            write_one(w, items[next]);
            w.ch('}');
        }
        if (next < items.size()) return false;
        close_array(w, items.empty());
        next = 0;
        opened = false;
        return true;
    }
};

DatasetSaver::DatasetSaver(const Dataset& ds, int indent) : state_(std::make_unique<State>(ds, indent)) {}

DatasetSaver::~DatasetSaver() = default;
DatasetSaver::DatasetSaver(DatasetSaver&&) noexcept = default;
DatasetSaver& DatasetSaver::operator=(DatasetSaver&&) noexcept = default;

std::size_t DatasetSaver::expected_size() const {
    const Dataset& d = state_->ds;
    return 4096 + d.employees.size() * 160 + d.absences.size() * 110 + d.milestone_events.size() * 160 +
           d.change_log.size() * 120;
}

// One allocation for the whole text, when it is taken at the end (save_dataset).
void DatasetSaver::reserve_whole() { state_->w.reserve(expected_size()); }

bool DatasetSaver::done() const { return state_->part == 5; }

double DatasetSaver::progress() const {
    const Dataset& d = state_->ds;
    const double total = 1.0 + static_cast<double>(d.employees.size() + d.absences.size() + d.milestone_events.size());
    return done() ? 1.0 : static_cast<double>(state_->written) / total;
}

std::string DatasetSaver::take() {
    return done() ? state_->w.take_last() : state_->w.take();
}

bool DatasetSaver::step(std::size_t budget) {
    State& st = *state_;
    Writer& w = st.w;
    const Dataset& ds = st.ds;
    while (st.part < 5) {
        switch (st.part) {
        case 0: {
            w.ch('{');
            w.newline(1);
            w.key("format"); w.str("iadesk"); w.ch(',');
            w.newline(1);
            w.key("version"); w.integer(kDatasetFormatVersion); w.ch(',');
            w.newline(1);
            const Organisation& o = ds.organisation;
            w.key("organisation");
            w.ch('{');
            w.key("name"); w.str(o.name); w.sep();
            w.key("orgnr"); w.str(o.orgnr); w.sep();
            w.key("ia_agreement"); w.boolean(o.ia_agreement); w.sep();
            w.key("own_bht"); w.boolean(o.own_bht);
            if (!o.email.empty()) { w.sep(); w.key("email"); w.str(o.email); } // written only when set (format 3)
            if (!o.naeringskode.empty()) { // format 4, each written only when set
                w.sep(); w.key("naeringskode"); w.str(o.naeringskode);
                w.sep(); w.key("naeringskode_standard"); w.str(industry_standard_id(o.naeringskode_standard));
            }
            if (o.sector != Sector::unset) { w.sep(); w.key("sector"); w.str(sector_id(o.sector)); }
            if (o.bransjeprogram != Bransjeprogram::none) { w.sep(); w.key("bransjeprogram"); w.str(bransjeprogram_id(o.bransjeprogram)); }
            if (o.egenmelding) { // written only when set (added in 1.1)
                const EgenmeldingRule& r = *o.egenmelding;
                w.sep();
                w.key("egenmelding");
                w.ch('{');
                w.key("days_at_a_time"); w.integer(r.days_at_a_time); w.sep();
                w.key("times_per_12_months");
                if (r.times_per_12_months) w.integer(*r.times_per_12_months); else w.raw("null");
                w.sep();
                w.key("days_per_12_months");
                if (r.days_per_12_months) w.integer(*r.days_per_12_months); else w.raw("null");
                w.sep();
                w.key("agreed_from"); w.opt_date(r.agreed_from);
                w.ch('}');
            }
            w.ch('}');
            std::size_t all = ds.units.size();
            st.array("units", ds.units, write_unit, all); // units are few: all at once
            break;
        }
        case 1: if (!st.array("employees", ds.employees, write_employee, budget)) return false; break;
        case 2: if (!st.array("absences", ds.absences, write_absence, budget)) return false; break;
        case 3: if (!st.array("milestone_events", ds.milestone_events, write_event, budget)) return false; break;
        case 4: {
            const int indent = w.compact() ? -1 : w.indent();
            w.append_with(detail_ds::write_plans, ds, indent); // "adjustment_options", "plans" when non-empty
            w.append_with(detail_ds::write_goals, ds, indent); // "goals", "goal_activities", "ia_meetings" when non-empty
            w.append_with(detail_ds::write_half_years, ds, indent); // "half_year_reports" when non-empty
            w.append_with(detail_ds::write_comparison_figures, ds, indent); // "comparison_figures" when non-empty
            w.append_with(detail_ds::write_change_log, ds, indent); // "change_log" when non-empty
            if (!w.compact()) w.ch('\n');
            w.ch('}');
            if (!w.compact()) w.ch('\n');
            break;
        }
        }
        ++st.part;
    }
    return true;
}

std::string save_dataset(const Dataset& ds, int indent) {
    DatasetSaver saver(ds, indent);
    saver.reserve_whole();
    saver.step(SIZE_MAX);
    return saver.take();
}

} // namespace iadesk
