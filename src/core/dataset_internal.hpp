// dataset_internal: shared by dataset.cpp (reading), dataset_check.cpp (checks) and
// dataset_save.cpp (writing). Not a public header.
#pragma once

#include "iadesk/checks.hpp"
#include "iadesk/dataset.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::detail_ds {

// A value quoted in a message: at most `max` code points, cut at a character boundary, with
// bytes that are not valid UTF-8 shown as "?" (a 10 MB string or a stray byte never goes
// into a message whole; found by the fuzzers, docs/reliability.md).
std::string excerpt(std::string_view s, std::size_t max = 40);

// A JSON pointer as a chain of stack frames: built for free, rendered (RFC 6901) only when a
// problem is reported. A frame is either an object member (key) or an array index.
struct Path {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    const Path* parent = nullptr;
    std::string_view key{};
    std::size_t index = npos;

    std::string str() const;
};

struct Reporter {
    std::vector<DatasetProblem>& out;
    void add(const Path& at, ProblemCode code, std::initializer_list<ProblemArg> args = {}) {
        ProblemText t = problem_text(code, args);
        out.push_back({at.str(), std::move(t.nb), std::move(t.en), code});
    }
    // The problems of one record (checks.hpp; fields relative to it) at their place below `at`.
    void add_all(const Path& at, std::vector<Problem>& problems) {
        if (problems.empty()) return;
        const std::string base = at.str();
        for (Problem& p : problems)
            out.push_back({base + (p.field.empty() ? "" : "/" + p.field), std::move(p.message_nb), std::move(p.message_en), p.code});
        problems.clear();
    }
};

// Bits of fields that could not be read in phase 1 (a whole non-object record is 0xFF); the
// checks skip anything that depends on such a field, so one mistake gives one problem.
struct OrgField { enum : unsigned { name = 1, orgnr = 2, egenmelding = 4, email = 8, naeringskode = 16 }; };
struct UnitField { enum : uint8_t { id = 1, name = 2, closed = 4 }; };
struct EmployeeField { enum : uint8_t { id = 1, name = 2, unit = 4, employment = 8, birth_year = 16, birth_date = 32, national_id = 64, earlier_units = 128 }; };
struct PeriodField { enum : uint8_t { from = 1, to = 2, percent = 4, end_reason = 8 }; };
struct AbsenceField { enum : uint8_t { employee = 1, kind = 2, from = 4, to = 8, grade = 16 }; };
struct EventField { enum : uint8_t { employee = 1, case_start = 2, milestone = 4, status = 8, date = 16, note = 32, participants = 64 }; };

// IA goals, activities and meetings whose record could not be read in phase 1 (1 = skip its value
// checks), indexed like the JSON arrays "goals", "goal_activities", "ia_meetings".
struct GoalsMeta {
    std::vector<uint8_t> goal_bad, activity_bad, meeting_bad;
};

// What phase 1 could not read. Vectors are indexed like the JSON arrays (the Dataset's vectors
// hold a default record where an element was unreadable, so indices line up).
struct LoadMeta {
    unsigned organisation_bad = 0;
    bool units_missing = false;
    bool employees_missing = false;
    std::vector<uint8_t> unit_bad;
    std::vector<uint8_t> employee_bad;
    std::vector<uint8_t> period_bad;          // flat, all employees' periods in order
    std::vector<std::size_t> period_offset;   // employee i's periods start at period_offset[i]
    std::vector<uint8_t> absence_bad;
    std::vector<uint8_t> event_bad;
    GoalsMeta goals;                          // IA goals, activities, meetings (dataset_goals.cpp)
    std::vector<uint8_t> half_year_bad;       // "half_year_reports" (dataset_half_year.cpp)
    std::vector<uint8_t> comparison_bad;      // "comparison_figures" (dataset_comparison.cpp)
};

// Phase 2: value and cross-record checks. `meta` is null for an in-memory Dataset
// (validate_dataset), where every field counts as readable and employment periods must also
// already be sorted by `from` (model.hpp); load_dataset sorts them itself after the checks.
void check_dataset(const Dataset& ds, const LoadMeta* meta, Reporter& rep);

// Follow-up plans (plans_io.cpp): the optional "adjustment_options" and "plans" members. read_plans
// is phase 1 (from the document's DOM; plans are not streamed); their checks are checks.hpp's (run
// by check_dataset); write_plans appends the members after "milestone_events" when non-empty.
void read_plans(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds);
void write_plans(const Dataset& ds, int indent, std::string& out);

// IA goals (dataset_goals.cpp): the optional "goals", "goal_activities" and "ia_meetings" members.
// read_goals is phase 1 (from the DOM; not streamed; `meta` marks unreadable records, whose checks
// check_dataset then skips), write_goals appends the members when non-empty.
void read_goals(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds, GoalsMeta& meta);
void write_goals(const Dataset& ds, int indent, std::string& out);

// IA half-year reports (dataset_half_year.cpp): the optional "half_year_reports" member (texts and
// the tillitsvalgt's sign-off per year and half; half_year.hpp). Same phases as the goals;
// sort_half_years puts a checked list in (year, half) order.
void read_half_years(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds, std::vector<uint8_t>& bad);
void write_half_years(const Dataset& ds, int indent, std::string& out);
void sort_half_years(Dataset& ds);

// Imported comparison figures (dataset_comparison.cpp): the optional "comparison_figures" member
// (format 5; benchmarks.hpp). read is phase 1 (`bad` marks unreadable records), check is phase 2 (run
// by check_dataset; `bad` null for an in-memory Dataset), write appends the member when non-empty.
void read_comparison_figures(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds, std::vector<uint8_t>& bad);
void check_comparison_figures(const Dataset& ds, const std::vector<uint8_t>* bad, const Path& root, Reporter& rep);
void write_comparison_figures(const Dataset& ds, int indent, std::string& out);

// The change log (dataset_change_log.cpp): the optional "change_log" member, read (and checked) from
// the DOM, written when non-empty.
void read_change_log(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds);
void write_change_log(const Dataset& ds, int indent, std::string& out);

// Milestone ids of all built-in rule sets (computed once).
const std::vector<std::string>& known_milestone_ids();

// --- Streaming pass (dataset_sax.cpp) ---------------------------------------------------------
// The top-level arrays whose elements are streamed one by one, in this index order.
inline constexpr std::array<std::string_view, 4> kRecordArrays = {"units", "employees", "absences", "milestone_events"};
int record_array_index(std::string_view key); // -1 for any other key

struct RecordSink {
    virtual ~RecordSink() = default;
    virtual void begin_array(int array) = 0;
    // One element (any JSON value) of a streamed array; `index` counts from 0 per array.
    virtual void record(int array, std::size_t index, const nlohmann::json& element) = 0;
};

struct StreamResult {
    nlohmann::json top;                  // the document without the streamed arrays' elements
                                         // (a streamed member is left as null in `top`)
    bool syntax_ok = true;
    std::size_t error_position = 0;      // as nlohmann reports it: one past the offending byte
    std::string error_what;
    std::array<bool, 4> streamed{};      // the member was an array under the root and streamed
    // Every member name that occurs twice in one object, anywhere in the document: the JSON pointer
    // of the member ("/employees/3/name"). JSON leaves duplicates undefined and parsers keep the first
    // or the last silently; iadesk refuses them, so a file means one thing.
    std::vector<std::string> duplicate_keys;
};

// Never throws. On a syntax error the sink may have seen some records; discard them.
StreamResult stream_document(std::string_view text, RecordSink& sink);

// The same pass through the fast reader (json_fast.hpp; a load of 50 000 employees 547 -> 323 ms
// natively, docs/performance.md): true with `out` exactly as stream_document would give it; false
// when the fast reader declined the text (it is not JSON, or JSON it leaves to nlohmann), and then
// the sink may have seen records: discard it and call stream_document.
bool stream_document_fast(std::string_view text, RecordSink& sink, StreamResult& out,
                          const std::function<void(std::size_t)>* passed = nullptr);

// --- Direct reading (dataset_direct.cpp) -------------------------------------------------------
// The elements of the record arrays put straight into `ds` and `meta` as the SAX events arrive,
// without a json value per record. Contract: it accepts (every call returns true) only records
// that the Loader of dataset.cpp reads without a problem and without a bad bit, and then fills
// exactly what the Loader would (the same fields, LoadMeta's vectors with zeros). Anything else
// makes a call return false: an unknown member (the Loader ignores it; here it is not worth the
// code), a member twice, a missing required member, a value of another type, a date
// parse_iso_date refuses, an unknown kind, status or end reason, a grade or birth year that is not
// a whole number, a non-object element, a second array of the same name. The caller then drops
// what was filled and loads the text through the Loader, which reports what there is to report.
class DirectRecords {
public:
    DirectRecords(Dataset& ds, LoadMeta& meta) : ds_(ds), meta_(meta) {}
    bool active() const { return depth_ > 0; }
    bool begin_array(int k);     // a streamed array starts (kRecordArrays' index)
    bool start_record();         // '{' of one of its elements
    // While active(): the events inside the element, its closing '}' included (end_object
    // at depth 1 ends the element).
    bool key(std::string_view k);
    bool string(std::string& v);
    bool number(double v);       // any JSON number, as ObjectReader's numeric() converts it
    bool null();
    bool start_array();
    bool start_object();
    bool end_array();
    bool end_object();

private:
    enum class Nested { employment, earlier_units };
    Dataset& ds_;
    LoadMeta& meta_;
    std::array<bool, 4> started_{};
    int array_ = -1;
    int depth_ = 0;              // 1 the record, 2 a nested array, 3 an element of it
    unsigned seen_ = 0, sub_seen_ = 0;
    int field_ = -1, sub_field_ = -1;
    Nested nested_ = Nested::employment;
};

// load_dataset without the direct reader: every record through the Loader (for the tests and the
// fuzz target that hold the two to the same result).
DatasetLoad load_dataset_without_direct(std::string_view json_text);

// The streaming pass with the record arrays read by `direct` (the rest into out.top, as
// stream_document). False when the fast reader or `direct` declined: then drop `direct`'s Dataset.
// `passed`: fast_sax_parse's progress hint (json_fast.hpp), for both.
bool stream_document_direct(std::string_view text, DirectRecords& direct, StreamResult& out,
                            const std::function<void(std::size_t)>* passed = nullptr);

} // namespace iadesk::detail_ds
