// dataset: the iadesk JSON document <-> Dataset, with validation (docs/data-format.md).
//
// Contract
// - load_dataset never throws and never half-loads: either `dataset` is set and `problems` holds
//   no errors, or `dataset` is empty and `problems` lists every problem found, each with a JSON
//   pointer (RFC 6901, e.g. "/absences/12/grade") and a message in Norwegian and English.
// - The document is {"format": "iadesk", "version": 1, "organisation": {...}, "units": [...],
//   "employees": [...], "absences": [...], "milestone_events": [...]}. Dates are "YYYY-MM-DD"
//   strings; an open end is null or absent.
// - Checks: types and required fields, real calendar dates, from <= to, grade 20..100 and
//   egenmelding = 100, percent 0 < p <= 100, unique unit and employee ids, references that
//   resolve, employment periods that do not overlap, a valid orgnr (mod 11), milestone ids known
//   to a built-in rule set.
// - save_dataset writes the canonical form: load_dataset(save_dataset(d)) == d.
#pragma once

#include "iadesk/model.hpp"
#include "iadesk/problems.hpp"

#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

// The largest dataset text load_dataset reads (1 GiB; 200 000 employees are about 240 MB). A larger
// text is refused with one clear problem, never read into memory whole.
inline constexpr std::size_t kMaxDatasetBytes = std::size_t{1} << 30;

inline constexpr int kDatasetFormatVersion = 5; // 2: employees.birth_date and national_id, organisation.egenmelding; 3: organisation.email, units.closed, employees.earlier_units, milestone_events.participants; 4: employees.employment.end_reason, goal metric dropout, organisation.naeringskode, naeringskode_standard, sector, bransjeprogram; 5: comparison_figures (docs/data-format.md)

struct DatasetProblem {
    std::string pointer;
    std::string message_nb;
    std::string message_en;
    ProblemCode code = ProblemCode::count_;
};

struct DatasetLoad {
    std::optional<Dataset> dataset;
    std::vector<DatasetProblem> problems;
    bool ok() const { return dataset.has_value(); }
};

DatasetLoad load_dataset(std::string_view json_text);
// The same load, calling `passed` now and then (every 8 MB or so) with the offset its reader has
// passed: a hint that the memory of the bytes before it may be let go if they can be brought back
// when read again (a mapped file, platform.hpp MappedFile), since a load may still read the text
// again from the start (a file with problems is read a second time to report them).
DatasetLoad load_dataset(std::string_view json_text, const std::function<void(std::size_t)>& passed);
std::string save_dataset(const Dataset& ds, int indent = 1);

// save_dataset in steps, for a save spread over several frames (the app's autosave): step(budget)
// writes at most `budget` employee, absence and milestone-event records (the small parts go
// whole) and returns true once the text is complete. take() gives the text written since the last
// take(), at any step: the takes in order, joined, are exactly what save_dataset gives (so a caller
// can append each frame's piece to a file). Contract: `ds` must outlive the saver and must not change between the steps (the caller
// compares its document revision and starts over if it changed).
class DatasetSaver {
public:
    explicit DatasetSaver(const Dataset& ds, int indent = 1);
    ~DatasetSaver();
    DatasetSaver(DatasetSaver&&) noexcept;
    DatasetSaver& operator=(DatasetSaver&&) noexcept;
    bool step(std::size_t budget);
    bool done() const;
    double progress() const; // 0..1, by records written
    std::string take();      // the text written since the last take()
    void reserve_whole();    // before the first step, when the text is taken whole at the end
    std::size_t expected_size() const; // about the length of the whole text (a little more, mostly)

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The checks of load_dataset on an in-memory Dataset (used after generation and by commands).
std::vector<DatasetProblem> validate_dataset(const Dataset& ds);

} // namespace iadesk
