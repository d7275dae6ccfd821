// autosave: keeps the open document stored, within a second of each change, without
// holding a frame long (a large document is written over several frames).
//
// Contract
// - open() makes a SnapshotStore over the platform's store and loads its newest snapshot; without
//   a store nothing is ever saved (state().stored is false).
// - tick(doc, now) is called once a frame, after the frame's changes were applied (`now` in
//   seconds, any steady clock). When the document's revision differs from the one last saved, it
//   saves kDelaySeconds after that was first seen (typing pauses); a document of
//   kSteppedRecords records or more is written in pieces (SteppedSnapshot, about kSliceSeconds of
//   serialising a frame), and a change meanwhile abandons the pieces and starts over after the
//   pause. Earlier snapshots are untouched until a new one is complete.
// - save_now() writes the whole document at once (replacing pieces under way); flush() (page
//   hide) does so only when something is unsaved, and returns true when the newest snapshot is
//   not yet confirmed by lasting storage (written now, or written earlier with its persist still
//   under way): the platform then keeps that snapshot by a synchronous route as well.
// - After a snapshot is written the platform is asked to persist it (Platform::persist); "saved"
//   is shown only once on_persisted(true) confirms it. on_persisted(false, why) keeps the data
//   in memory, says why in state().error (a full quota in plain words) and tries again
//   kPersistRetrySeconds later.
// - A save whose text does not load back (SnapshotStore::last_save_problem) is still written, but
//   state().unloadable says why, until a later save loads back: the snapshot store keeps the last
//   one that loads, so the user's data is never pruned away (snapshots.hpp).
// - Nothing is written while read-only (ReadOnly: another tab holds the data, the browser's
//   storage could not be read, or the stored data is of a newer iadesk).
#pragma once

#include "app/app_platform.hpp"
#include "iadesk/document.hpp"
#include "iadesk/snapshots.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

// Why nothing may be written (the status bar says which).
enum class ReadOnly {
    no,
    another_tab,        // another tab holds the data (the browser's lock)
    storage_unreadable, // the browser's storage could not be read: writing might replace what it holds
    newer_data,         // the stored data is of a newer iadesk (snapshots.hpp)
};

// Where the document stands against storage (shown in the status bar).
struct SaveState {
    uint64_t saved_revision = 0;  // the document revision in the newest snapshot
    double due = -1;              // time (tick's clock) when the pending save runs; -1 = none pending
    int64_t saved_unix = 0;       // wall clock of the last successful save
    std::string error;            // last failure, user-facing; empty when fine
    bool persist_pending = false; // written to the store, the copy to lasting storage not confirmed yet
    // A large document is serialised over several frames (DatasetSaver, a few ms a frame), each
    // frame's piece appended to the snapshot's temporary file (SnapshotStore::append_piece); a change
    // in between abandons it and the save starts over after the usual pause.
    SteppedSnapshot stepped;
    bool read_only = false;       // nothing may be written: why in read_only_reason
    ReadOnly read_only_reason = ReadOnly::no;
    std::string read_only_detail; // the browser's error, for storage_unreadable
    std::optional<DatasetProblem> unloadable; // the last save's text did not load back: why
};

class Autosave {
public:
    static constexpr double kPersistRetrySeconds = 5.0; // after the browser refused to store (e.g. quota full)
    static constexpr double kDelaySeconds = 0.8;        // after the last change (typing pauses)
    static constexpr std::size_t kSteppedRecords = 20000; // smaller documents are saved in one frame (a few ms)
    static constexpr std::size_t kStepRecords = 2000;     // records between two looks at the clock
    static constexpr double kSliceSeconds = 0.008;        // serialising per frame during a stepped save

    // The newest snapshot of the platform's store (nothing when it has none or there is no store).
    SnapshotLoad open(Platform* platform);
    // The document shown is the one stored at `revision` (0: not stored yet, the first tick saves it).
    void opened(uint64_t revision) { state_.saved_revision = revision; }

    void tick(const Document& doc, double now);
    bool save_now(const Document& doc);
    bool flush(const Document& doc);
    void on_persisted(bool ok, const std::string& error, double now);
    void set_read_only(ReadOnly why, std::string detail = {});

    const SaveState& state() const { return state_; }
    // The store's snapshots set aside as damaged, and any stored file's bytes (for downloads).
    std::vector<std::string> damaged_saves() { return snapshots_ ? snapshots_->damaged_names() : std::vector<std::string>{}; }
    std::optional<std::string> stored_bytes(const std::string& name) {
        return snapshots_ ? snapshots_->read(name) : std::nullopt;
    }
    bool stored() const { return snapshots_.has_value(); }
    bool saving(const Document& doc) const { return state_.saved_revision != doc.revision || state_.persist_pending; }

private:
    void continue_stepped_save(const Document& doc, double now);
    bool saved(uint64_t revision);              // a snapshot at `revision` is stored: persist it
    bool save_failed(const std::string& error); // says so in the status bar; false

    Platform* platform_ = nullptr;
    std::optional<SnapshotStore> snapshots_;
    SaveState state_;
};

} // namespace iadesk::app
