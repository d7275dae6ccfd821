#include "app/autosave.hpp"

#include "app/i18n.hpp"
#include "iadesk/dataset.hpp"

#include <chrono>
#include <ctime>

namespace iadesk::app {

namespace {
int64_t now_unix() { return static_cast<int64_t>(std::time(nullptr)); }
} // namespace

SnapshotLoad Autosave::open(Platform* platform) {
    platform_ = platform;
    ByteStore* store = platform ? platform->store() : nullptr;
    if (!store) return {};
    snapshots_.emplace(*store);
    return snapshots_->load_newest();
}

bool Autosave::save_now(const Document& doc) {
    if (!snapshots_ || state_.read_only) return false;
    state_.stepped.drop(); // a stepped save under way is replaced by this one
    std::string error;
    if (!snapshots_->save_bytes(save_dataset(doc.data, -1), &error)) return save_failed(error);
    state_.unloadable = snapshots_->last_save_problem();
    return saved(doc.revision);
}

bool Autosave::save_failed(const std::string& error) {
    state_.stepped.drop();
    state_.error = std::string(tr("save.failed")) + error;
    state_.due = -1;
    return false;
}

// A snapshot of the document at `revision` is in the store: hand it to the platform to persist.
bool Autosave::saved(uint64_t revision) {
    state_.saved_revision = revision;
    state_.due = -1;
    if (platform_ && platform_->persist()) {
        state_.persist_pending = true; // "Lagret" only once the browser's storage has confirmed it
    } else {
        state_.saved_unix = now_unix();
        state_.error.clear();
    }
    return true;
}

// One frame's share of a stepped save: records until about kSliceSeconds have passed, then that
// piece of text appended to the snapshot's file, so that no frame copies the whole text.
void Autosave::continue_stepped_save(const Document& doc, double now) {
    const auto start = std::chrono::steady_clock::now();
    const auto slice_over = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > kSliceSeconds;
    };
    std::string error;
    switch (state_.stepped.step(doc.revision, slice_over, &error, kStepRecords)) {
    case SteppedSnapshot::Step::more: break;
    case SteppedSnapshot::Step::done: saved(state_.stepped.revision()); break;
    case SteppedSnapshot::Step::abandoned: state_.due = now + kDelaySeconds; break; // changed meanwhile
    case SteppedSnapshot::Step::failed: save_failed(error); break;
    }
}

void Autosave::tick(const Document& doc, double now) {
    if (!snapshots_ || state_.read_only) return;
    if (state_.stepped.active()) { continue_stepped_save(doc, now); return; }
    if (state_.saved_revision == doc.revision) return;
    if (state_.due < 0) state_.due = now + kDelaySeconds;
    if (now < state_.due) return;
    const Dataset& d = doc.data;
    if (d.employees.size() + d.absences.size() + d.milestone_events.size() < kSteppedRecords) {
        save_now(doc);
        return;
    }
    std::string error;
    if (!state_.stepped.begin(*snapshots_, doc.data, doc.revision, &error)) { save_failed(error); return; }
    continue_stepped_save(doc, now);
}

bool Autosave::flush(const Document& doc) {
    if (!snapshots_ || state_.read_only) return false;
    if (state_.saved_revision != doc.revision) return save_now(doc);
    // Written, but the platform's copy to lasting storage has not confirmed it: on page hide that
    // copy may be cut off, so the newest snapshot must be kept as well (the last keystrokes were
    // lost when a save started just before a reload).
    return state_.persist_pending;
}

// The browser's answer to the copy of /data into IndexedDB. IndexedDB keeps its last complete
// copy of every file (web_storage.js), so a failure loses nothing that was stored before.
void Autosave::on_persisted(bool ok, const std::string& error, double now) {
    state_.persist_pending = false;
    if (ok) {
        state_.saved_unix = now_unix();
        state_.error.clear();
        return;
    }
    const bool quota = error.find("Quota") != std::string::npos || error.find("quota") != std::string::npos;
    state_.error = quota ? std::string(tr("save.quota_full")) : std::string(tr("save.persist_failed")) + error;
    state_.saved_revision = 0;               // not safe yet: save again ...
    state_.due = now + kPersistRetrySeconds; // ... after a pause, not every frame
}

void Autosave::set_read_only(ReadOnly why, std::string detail) {
    state_.read_only = why != ReadOnly::no;
    state_.read_only_reason = why;
    state_.read_only_detail = std::move(detail);
}

} // namespace iadesk::app
