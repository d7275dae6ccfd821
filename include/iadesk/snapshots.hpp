// snapshots: crash-safe storage of the document as numbered snapshots.
//
// Contract
// - The store only sees a ByteStore (names -> bytes): the browser's IndexedDB-backed file system
//   and the native disk implement it the same way (platform/posix_files.cpp), and tests use an
//   in-memory one that can fail at any step.
// - save() writes "snapshot-<seq>.json" (seq = 12 digits, one more than the newest present or set
//   aside as damaged) with write_atomic (temporary file, then rename), then prunes all but the
//   newest `keep` snapshots, or all but the newest `keep_large` when the one just written is
//   `large_bytes` or more (a register of 50 000 employees is ~57 MB a snapshot: five of them made
//   every start read ~290 MB back from the browser's storage into memory).
//   A failed write leaves every earlier snapshot as it was and reports why.
// - The user's data is never pruned away: the newest snapshot known to load is always kept, in
//   place of the oldest of the kept ones. A snapshot is known to load when load_newest() opened it,
//   or when save_bytes() loaded its text back before writing it (texts up to `verify_bytes`; a
//   larger one, written whole on page hide or in pieces, is checked when the next start loads it).
//   A save whose text does not load is still written (it holds the newest edits) and reported
//   (last_save_problem()); it is never counted as known good.
// - load_newest() tries the snapshots from newest to oldest and returns the first that loads as
//   a valid dataset. Every newer one that did not load is reported (which one, why), renamed to
//   "<name>.damaged" so that it is kept for inspection but never tried again, and never deleted.
//   A snapshot written by a newer iadesk (its format version is above kDatasetFormatVersion) is
//   not damaged: load_newest() stops there, reports it in `newer_version`, loads nothing older
//   (that would show stale data as current) and renames nothing; from then on the store refuses
//   to write (save, pieces), so the newer data is never pruned or shadowed by an older format.
// - Leftover temporary files (".tmp") from an interrupted save are ignored and removed.
// - A snapshot can also be written in pieces (the app's autosave of a large document, a piece a
//   frame): begin_pieces() picks the next number and starts "<name>.tmp" (reserving about the
//   expected size when given), append_piece() adds to it, commit_pieces() renames it to its name
//   and prunes as save_bytes() does, abandon_pieces() removes it. Until the commit the earlier
//   snapshots are untouched; a one-shot save meanwhile abandons the pieces first.
#pragma once

#include "iadesk/dataset.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk {

class ByteStore {
public:
    virtual ~ByteStore() = default;
    virtual std::vector<std::string> list() = 0;                          // names, any order
    virtual std::optional<std::string> read(const std::string& name) = 0;
    virtual bool write_atomic(const std::string& name, std::string_view bytes, std::string* error) = 0;
    virtual bool append(const std::string& name, std::string_view bytes, std::string* error) = 0; // creates it
    // A hint that `name` will grow to about `bytes` by appends (the browser's in-memory files then
    // grow once, not by copying themselves every few megabytes); the default ignores it.
    virtual void reserve(const std::string& name, std::size_t bytes) { (void)name, (void)bytes; }
    virtual bool remove(const std::string& name) = 0;
    virtual bool rename(const std::string& from, const std::string& to) = 0;
    // When `name` was last written (seconds since 1970, UTC), if the store knows; the default does not.
    virtual std::optional<int64_t> modified_unix(const std::string& name) { (void)name; return std::nullopt; }
};

struct SnapshotProblem {
    std::string name;        // the snapshot file
    std::string message_nb;
    std::string message_en;
};

struct SnapshotLoad {
    std::optional<Dataset> dataset;       // nullopt: no valid snapshot (first start, all damaged, or newer)
    uint64_t seq = 0;                     // of the loaded snapshot
    std::optional<int64_t> saved_unix;    // when the loaded snapshot was written, if the store knows
    std::vector<SnapshotProblem> damaged; // newer snapshots that could not be loaded (now "<name>.damaged")
    std::optional<SnapshotProblem> newer_version; // the newest snapshot is of a newer format: nothing loaded
};

class SnapshotStore {
public:
    static constexpr std::size_t kLargeBytes = 16u << 20;
    // Texts up to this size are loaded back when saved: every one-shot autosave (under 20 000
    // records, ~2.1 MB), at most ~10-25 ms natively (docs/reliability.md, "Known to load").
    static constexpr std::size_t kVerifyBytes = (5u << 20) / 2;
    explicit SnapshotStore(ByteStore& bytes, int keep = 5, std::size_t large_bytes = kLargeBytes, int keep_large = 2,
                           std::size_t verify_bytes = kVerifyBytes)
        : bytes_(bytes), keep_(keep), large_bytes_(large_bytes), keep_large_(keep_large), verify_bytes_(verify_bytes) {}

    SnapshotLoad load_newest();
    bool save(const Dataset& data, std::string* error);
    bool save_bytes(std::string_view dataset_json, std::string* error); // already serialised
    std::vector<uint64_t> sequence_numbers(); // present snapshots, ascending
    // The newest snapshot known to load (opened at start or loaded back when saved), if any.
    std::optional<uint64_t> known_good() const { return known_good_; }
    // Why the text of the last save_bytes() did not load back (its first problem); nullopt when it
    // did, or was not checked (too large).
    const std::optional<DatasetProblem>& last_save_problem() const { return last_save_problem_; }
    // load_newest() met a snapshot of a newer format: nothing is written any more.
    bool holds_newer_version() const { return newer_version_; }
    // Snapshots set aside as damaged ("<name>.damaged"), by name, ascending; read() gives their bytes.
    std::vector<std::string> damaged_names();
    std::optional<std::string> read(const std::string& name) { return bytes_.read(name); }

    bool begin_pieces(std::string* error, std::size_t expected_bytes = 0);
    bool append_piece(std::string_view bytes, std::string* error);
    bool commit_pieces(std::string* error);
    void abandon_pieces();
    bool writing_pieces() const { return !pending_.empty(); }

    static std::string name_of(uint64_t seq);
    static std::optional<uint64_t> seq_of(std::string_view name);

private:
    ByteStore& bytes_;
    int keep_;
    std::size_t large_bytes_;
    int keep_large_;
    std::size_t verify_bytes_;
    std::optional<uint64_t> known_good_;
    std::optional<DatasetProblem> last_save_problem_;
    bool newer_version_ = false;
    std::string pending_; // name of the snapshot being written in pieces (its file is pending_ + ".tmp")
    std::size_t pending_bytes_ = 0;

    uint64_t next_seq();
    bool refuse_newer(std::string* error) const;
    void prune(std::vector<uint64_t> seqs, std::size_t newest_bytes);
};

// A snapshot of a large document written over several calls (the app's autosave, a slice a frame,
// so that no frame is held > 50 ms: docs/performance.md).
// - begin() starts it (SnapshotStore::begin_pieces, sized to the expected text). `data` must stay
//   alive until the snapshot is done or dropped; it is only read.
// - step(current_revision, slice_over) first compares the document's revision with the one begun
//   with: if it changed, or a one-shot save (save_bytes) has replaced the pieces meanwhile, the
//   pieces are dropped (abandoned; earlier snapshots are untouched) and the caller starts over.
//   Otherwise it serialises records until slice_over() says so (asked every
//   `records_between_checks` records) or the text is complete, appends that piece, and once
//   complete commits the snapshot (done). A failing store drops the pieces (failed, with
//   `error`). After done, abandoned or failed the writer is idle again.
class SteppedSnapshot {
public:
    enum class Step { more, done, abandoned, failed };

    bool begin(SnapshotStore& store, const Dataset& data, uint64_t revision, std::string* error);
    Step step(uint64_t current_revision, const std::function<bool()>& slice_over, std::string* error,
              std::size_t records_between_checks = 2000);
    void drop(); // abandons the pieces, if any
    bool active() const { return saver_ != nullptr; }
    uint64_t revision() const { return revision_; }
    double progress() const { return saver_ ? saver_->progress() : 0.0; }

private:
    SnapshotStore* store_ = nullptr;
    std::unique_ptr<DatasetSaver> saver_;
    uint64_t revision_ = 0;
};

} // namespace iadesk
