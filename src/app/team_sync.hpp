// team_sync: the app's side of the team server's sync (docs/team.md, "Sync"), without I/O. The App
// sends what next_command() gives and hands every answer back; this module decides what to send,
// keeps the server's ids beside the local records and applies other people's changes.
//
// Contract
// - The server's version of each absence and milestone event (its "base") is kept by id with its
//   rev. The local records are the Document's; ids run parallel to them (0: made here, not stored
//   on the server yet). observe(ds) is called after every local change of the Document (undo and
//   redo too): it lines the ids up again by comparing the records before and after: an equal
//   prefix and suffix keep their ids; between them an equal record keeps its id, a record about
//   the same thing (the same employee; an event's case and milestone) is that record changed,
//   and the rest is added or removed.
// - What waits to be sent is worked out from the difference, never kept as a list that could go
//   stale: a record with id 0 is an add, a local record that differs from its base an update, a
//   base id without a local record a removal. next_command() sends removals first, then updates,
//   then adds (so a shortened or removed absence makes room before an overlapping one comes), one
//   at a time: it gives nothing while a command is unanswered. Each command has an idempotency key
//   made when it is first sent (an add: when the record appears) and sent again unchanged until
//   answered, so a lost answer never stores a change twice.
// - on_answer(): 200 stores the server's record as base (an add gets its id); 409 (someone changed
//   or removed the record meanwhile) and 422 (the server's checks refused it) become a Conflict the
//   user must settle, and that record is not sent again until resolve() says whose version stays;
//   401 means the session ended; anything else (offline, 5xx) leaves it waiting, to be sent again.
// - on_changes(): other people's changes, in order, from GET /api/changes. A record not changed
//   here takes the new version; a record changed here keeps the local version and its old base, so
//   sending it gives a 409 with both versions: nothing is overwritten without the user seeing it.
//   Changes that arrive while a command is unanswered wait until it is answered (the change may be
//   that command's own).
// - Only absences and milestone events are synchronised; the App refuses other edits in team mode.
#pragma once

#include "iadesk/model.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace iadesk::app {

struct TeamConflict {
    bool refused = false;          // 422: the server's checks said no (else 409: changed meanwhile)
    bool absence = true;           // else a milestone event
    std::int64_t id = 0;           // the server's id (0: an add)
    std::string add_key;           // an add's key (id 0)
    std::string message_nb, message_en;
    std::optional<Absence> their_absence, my_absence;       // set for an absence, when it exists
    std::optional<MilestoneEvent> their_event, my_event;    // likewise for an event
    std::int64_t their_rev = 0;
};

class TeamSync {
public:
    enum class Answer { stored, conflict, refused, logged_out, retry };

    // From GET /api/sync/snapshot. On success `out` is the register to open and nothing is
    // pending; on failure the reason (bokmål) and nothing changed.
    std::optional<std::string> start(std::string_view snapshot_json, Dataset& out, std::string client_id);
    void observe(const Dataset& ds);
    // The next command as the JSON body of POST /api/commands, or nullopt (nothing waiting, or one
    // is unanswered).
    std::optional<std::string> next_command(const Dataset& ds);
    bool command_in_flight() const { return in_flight_.has_value(); }
    // The answer to the command next_command() gave; may change `ds` (changes held back meanwhile:
    // see take_data_changed). Status 0 (no answer, offline) or a 5xx: retry, sent again later with
    // the same key.
    Answer on_answer(int status, std::string_view body, Dataset& ds);
    // True once after on_answer() applied changes it had held back (then `ds` changed).
    bool take_data_changed() { return std::exchange(data_changed_, false); }
    // GET /api/changes's answer; true when `ds` changed. Held back while a command is unanswered.
    bool on_changes(std::string_view body, Dataset& ds);
    std::int64_t last_seq() const { return last_; }
    std::size_t waiting(const Dataset& ds) const; // changes not yet stored on the server
    const std::vector<TeamConflict>& conflicts() const { return conflicts_; }
    // Settles conflicts()[i]: keep_mine sends the local version again on top of theirs; else the
    // server's version replaces the local one. True when `ds` changed.
    bool resolve(std::size_t i, bool keep_mine, Dataset& ds);
    // Every change not yet stored on the server (the one being sent included) as a JSON array of
    // the commands that would send it, each with its key, in sending order; "[]" when none. Kept by
    // the App where a reload finds it, so that nothing waiting is lost with the page.
    std::string journal(const Dataset& ds);
    // After start() on a new page: puts the journal's changes back on `ds` and on top of the
    // snapshot's records, with the same keys and the revs they were based on, so they are sent as
    // they would have been (a change the server already stored answers as a duplicate; one that
    // met another user's change is a conflict). Entries that no longer fit (their record is gone
    // and the change was not an add) are dropped. Returns how many were put back.
    std::size_t replay(std::string_view journal, Dataset& ds);
    // Moves on whenever what waits may have changed (observe, answers, changes, resolve, replay):
    // the App recomputes waiting() and the journal only then.
    std::uint64_t generation() const { return generation_; }

private:
    struct Ref {
        std::int64_t id = 0;
        std::string key; // an add's idempotency key (id 0)
    };
    struct InFlight {
        std::string key;
        bool absence = true;
        std::string op;        // add / update / remove
        std::int64_t id = 0;   // update, remove
        std::string add_key;   // add
    };
    bool blocked(bool absence, std::int64_t id, const std::string& add_key) const;
    enum class Standing { settled, changed, removed };
    Standing standing(bool absence, std::int64_t id, const Dataset& ds) const;
    std::string new_key();
    bool apply_change(const struct ChangeRecord& c, Dataset& ds);

    std::vector<Absence> seen_absences_;      // ds.absences at the last observe()
    std::vector<MilestoneEvent> seen_events_; // ds.milestone_events likewise
    std::vector<Ref> absence_refs_;           // parallel to ds.absences
    std::vector<Ref> event_refs_;             // parallel to ds.milestone_events
    std::unordered_map<std::int64_t, std::pair<Absence, std::int64_t>> base_absences_;      // id -> (record, rev)
    std::unordered_map<std::int64_t, std::pair<MilestoneEvent, std::int64_t>> base_events_; // id -> (record, rev)
    std::map<std::pair<bool, std::int64_t>, std::string> keys_; // (absence?, id) -> the update/remove's key
    // Server records that may differ from their base (changed or removed here); the others are
    // known to equal it, so what waits is found without comparing every record.
    std::set<std::pair<bool, std::int64_t>> touched_;
    std::optional<InFlight> in_flight_;
    std::vector<std::string> held_changes_;   // on_changes() bodies held while a command is unanswered
    std::vector<TeamConflict> conflicts_;
    std::int64_t last_ = 0;
    std::string client_id_;
    std::uint64_t counter_ = 0;
    bool data_changed_ = false;
    std::uint64_t generation_ = 0;
    // The commands for everything that waits (journal, next_command), blocked ones left out when
    // `skip_blocked`; keys are made for those that have none yet.
    std::vector<std::pair<InFlight, std::string>> pending_commands(const Dataset& ds, bool skip_blocked);
};

} // namespace iadesk::app
