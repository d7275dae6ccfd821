// Crash-safe snapshot storage: the same SnapshotStore the browser uses,
// over an in-memory byte store that simulates a crash (power cut) at every step of a save.
#include "iadesk/snapshots.hpp"
#include "../support/fixtures.hpp"
#include "../support/memory_store.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace iadesk;

namespace {

// A byte store whose every mutation is one "step"; after `crash_after` steps the machine is gone
// and nothing more reaches the disk. write_atomic is two steps: temporary file, then rename; a
// torn write leaves half of the temporary file.
class CrashingStore : public testing::MemoryStore {
public:
    int steps = 0;
    int crash_after = 1 << 30;

    bool alive() { return steps++ < crash_after; }
    bool write_atomic(const std::string& n, std::string_view bytes, std::string* error) override {
        if (!alive()) { files[n + ".tmp"] = std::string(bytes.substr(0, bytes.size() / 2)); return fail(error); }
        files[n + ".tmp"] = std::string(bytes);
        if (!alive()) return fail(error);
        files[n] = files[n + ".tmp"];
        files.erase(n + ".tmp");
        return true;
    }
    // One step; a torn append leaves half of its bytes.
    bool append(const std::string& n, std::string_view bytes, std::string* error) override {
        if (!alive()) { files[n] += std::string(bytes.substr(0, bytes.size() / 2)); return fail(error); }
        files[n] += std::string(bytes);
        return true;
    }
    void reserve(const std::string& n, std::size_t bytes) override { reserved[n] = bytes; }
    std::map<std::string, std::size_t> reserved;
    bool remove(const std::string& n) override { return alive() && MemoryStore::remove(n); }
    bool rename(const std::string& a, const std::string& b) override { return alive() && MemoryStore::rename(a, b); }
    static bool fail(std::string* e) { if (e) *e = "crash"; return false; }
};

using testing::one_unit_organisation;

} // namespace

TEST_CASE("snapshots: save, load the newest, keep only the last five") {
    CrashingStore mem;
    SnapshotStore store(mem, 5);
    CHECK_FALSE(store.load_newest().dataset.has_value()); // first start
    for (int i = 1; i <= 7; ++i) REQUIRE(store.save(one_unit_organisation("Versjon " + std::to_string(i)), nullptr));
    SnapshotLoad l = store.load_newest();
    REQUIRE(l.dataset);
    CHECK(l.dataset->organisation.name == "Versjon 7");
    CHECK(l.seq == 7);
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{3, 4, 5, 6, 7});
}

TEST_CASE("snapshots: a crash at every step of a save leaves the last completed change, nothing corrupt") {
    for (int crash = 0; crash < 8; ++crash) {
        CAPTURE(crash);
        CrashingStore mem;
        {
            SnapshotStore store(mem, 2);
            REQUIRE(store.save(one_unit_organisation("Før"), nullptr));
            REQUIRE(store.save(one_unit_organisation("Før 2"), nullptr));
        }
        mem.steps = 0;
        mem.crash_after = crash;
        bool completed = SnapshotStore(mem, 2).save(one_unit_organisation("Etter"), nullptr);
        // Restart: the machine is back.
        mem.crash_after = 1 << 30;
        SnapshotStore after(mem, 2);
        SnapshotLoad l = after.load_newest();
        REQUIRE(l.dataset);
        CHECK(l.damaged.empty());
        if (completed) CHECK(l.dataset->organisation.name == "Etter");
        else CHECK((l.dataset->organisation.name == "Før 2" || l.dataset->organisation.name == "Etter"));
        for (auto& [name, bytes] : mem.files) CHECK(name.find(".tmp") == std::string::npos); // cleaned up
        // And the store keeps working after the crash.
        REQUIRE(after.save(one_unit_organisation("Neste"), nullptr));
        CHECK(after.load_newest().dataset->organisation.name == "Neste");
    }
}

TEST_CASE("snapshots: a damaged newest snapshot falls back to the previous one and says which was lost") {
    CrashingStore mem;
    SnapshotStore store(mem);
    REQUIRE(store.save(one_unit_organisation("God"), nullptr));
    REQUIRE(store.save(one_unit_organisation("Skadet"), nullptr));
    const std::string newest = SnapshotStore::name_of(2);
    mem.files[newest] = mem.files[newest].substr(0, 40); // torn by a disk error
    SnapshotLoad l = store.load_newest();
    REQUIRE(l.dataset);
    CHECK(l.dataset->organisation.name == "God");
    REQUIRE(l.damaged.size() == 1);
    CHECK(l.damaged[0].name == newest);
    CHECK(l.damaged[0].message_nb.find("skadet") != std::string::npos);
    CHECK(mem.files.count(newest + ".damaged") == 1); // kept for inspection, not deleted
    // The next save does not reuse the damaged snapshot's number.
    REQUIRE(store.save(one_unit_organisation("Ny"), nullptr));
    CHECK(mem.files.count(SnapshotStore::name_of(3)) == 1);
    CHECK(store.load_newest().dataset->organisation.name == "Ny");
}

// The app's autosave of a large document: the text a piece a frame (DatasetSaver::take), appended
// to the snapshot's temporary file.
bool save_in_pieces(SnapshotStore& store, const Dataset& d, std::string* error) {
    DatasetSaver saver(d, -1);
    if (!store.begin_pieces(error, saver.expected_size())) return false;
    bool done = false;
    while (!done) {
        done = saver.step(1);
        if (!store.append_piece(saver.take(), error)) return false;
    }
    return store.commit_pieces(error);
}

TEST_CASE("snapshots: a snapshot written in pieces loads like one written whole, and prunes the same") {
    CrashingStore mem;
    SnapshotStore store(mem, 2);
    REQUIRE(store.save(one_unit_organisation("Hel"), nullptr));
    Dataset big = one_unit_organisation("I biter");
    for (int i = 0; i < 30; ++i) big.units.push_back({"E" + std::to_string(i), "Enhet " + std::to_string(i)});
    std::string error;
    REQUIRE(save_in_pieces(store, big, &error));
    CHECK(mem.files.at(SnapshotStore::name_of(2)) == save_dataset(big, -1));
    // The temporary file was announced with about its size (the browser grows it once).
    REQUIRE(mem.reserved.count(SnapshotStore::name_of(2) + ".tmp") == 1);
    CHECK(mem.reserved.at(SnapshotStore::name_of(2) + ".tmp") >= save_dataset(big, -1).size());
    REQUIRE(save_in_pieces(store, one_unit_organisation("Tredje"), &error));
    // Two kept, as for whole saves; pieces are not loaded back when written, so the one known to
    // load ("Hel") is kept in place of the older of the two written in pieces.
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{1, 3});
    CHECK(store.load_newest().dataset->organisation.name == "Tredje");
    for (auto& [name, bytes] : mem.files) CHECK(name.find(".tmp") == std::string::npos);
}

TEST_CASE("snapshots: pieces under way are invisible, survive listing, and are dropped by a one-shot save") {
    CrashingStore mem;
    SnapshotStore store(mem, 5);
    REQUIRE(store.save(one_unit_organisation("Før"), nullptr));
    REQUIRE(store.begin_pieces(nullptr));
    REQUIRE(store.append_piece("{\"format\":", nullptr));
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{1}); // the piece file is not a snapshot ...
    CHECK(mem.files.count(SnapshotStore::name_of(2) + ".tmp") == 1); // ... and listing keeps it
    CHECK(store.load_newest().dataset->organisation.name == "Før");
    // The page is hidden: the app saves whole at once; the pieces are dropped, the numbers go on.
    REQUIRE(store.save(one_unit_organisation("Flush"), nullptr));
    CHECK_FALSE(store.writing_pieces());
    CHECK(mem.files.count(SnapshotStore::name_of(2) + ".tmp") == 0);
    CHECK(store.load_newest().dataset->organisation.name == "Flush");
    CHECK_FALSE(store.append_piece("x", nullptr));
    std::string error;
    CHECK_FALSE(store.commit_pieces(&error));
    CHECK(error == "no snapshot is being written");
}

TEST_CASE("snapshots: a crash at every step of a save in pieces leaves the last completed change, nothing corrupt") {
    for (int crash = 0; crash < 40; ++crash) {
        CAPTURE(crash);
        CrashingStore mem;
        REQUIRE(SnapshotStore(mem, 2).save(one_unit_organisation("Før"), nullptr));
        mem.steps = 0;
        mem.crash_after = crash;
        SnapshotStore during(mem, 2);
        const bool completed = save_in_pieces(during, one_unit_organisation("Etter"), nullptr);
        mem.crash_after = 1 << 30; // restart: the machine is back
        SnapshotStore after(mem, 2);
        SnapshotLoad l = after.load_newest();
        REQUIRE(l.dataset);
        CHECK(l.damaged.empty());
        CHECK(l.dataset->organisation.name == (completed ? "Etter" : "Før"));
        for (auto& [name, bytes] : mem.files) CHECK(name.find(".tmp") == std::string::npos); // cleaned up at start
    }
}

// The app's autosave of a large document (SteppedSnapshot): a slice a frame, abandoned when the
// document changes meanwhile, never leaving a half-written snapshot behind.
Dataset org_with_employees(const std::string& name, int employees) {
    return testing::one_unit_organisation_with_staff(name, static_cast<std::size_t>(employees));
}

TEST_CASE("stepped snapshot: slices end when the slice is over, and the finished snapshot is the document") {
    CrashingStore mem;
    SnapshotStore store(mem, 3);
    REQUIRE(store.save(one_unit_organisation("Før"), nullptr));
    const Dataset d = org_with_employees("Stor", 40);
    SteppedSnapshot w;
    REQUIRE(w.begin(store, d, 7, nullptr));
    CHECK(w.active());
    int slices = 0;
    double last = -1;
    SteppedSnapshot::Step s;
    while ((s = w.step(7, [] { return true; }, nullptr, 5)) == SteppedSnapshot::Step::more) {
        ++slices;
        CHECK(w.progress() > last);
        last = w.progress();
        CHECK(store.load_newest().dataset->organisation.name == "Før"); // not visible before it is done
    }
    CHECK(s == SteppedSnapshot::Step::done);
    CHECK(slices >= 40 / 5 - 1); // 40 employees, 5 records a slice
    CHECK_FALSE(w.active());
    CHECK(w.revision() == 7);
    CHECK(mem.files.at(SnapshotStore::name_of(2)) == save_dataset(d, -1));
    CHECK(store.load_newest().dataset->organisation.name == "Stor");
}

TEST_CASE("stepped snapshot: a change to the document meanwhile abandons it, the next one saves the change") {
    CrashingStore mem;
    SnapshotStore store(mem, 3);
    REQUIRE(store.save(one_unit_organisation("Før"), nullptr));
    Dataset d = org_with_employees("Første utgave", 40);
    SteppedSnapshot w;
    REQUIRE(w.begin(store, d, 1, nullptr));
    REQUIRE(w.step(1, [] { return true; }, nullptr, 5) == SteppedSnapshot::Step::more);
    d.organisation.name = "Endret under lagringen"; // the user typed: the document's revision is now 2
    CHECK(w.step(2, [] { return true; }, nullptr, 5) == SteppedSnapshot::Step::abandoned);
    CHECK_FALSE(w.active());
    for (auto& [name, bytes] : mem.files) CHECK(name.find(".tmp") == std::string::npos);
    CHECK(store.load_newest().dataset->organisation.name == "Før");
    // The app starts over after a pause.
    REQUIRE(w.begin(store, d, 2, nullptr));
    SteppedSnapshot::Step s;
    while ((s = w.step(2, [] { return false; }, nullptr)) == SteppedSnapshot::Step::more) {}
    CHECK(s == SteppedSnapshot::Step::done);
    CHECK(store.load_newest().dataset->organisation.name == "Endret under lagringen");
}

TEST_CASE("stepped snapshot: a store failing midway leaves the previous snapshot and says why") {
    for (int crash = 1; crash < 12; ++crash) {
        CAPTURE(crash);
        CrashingStore mem;
        REQUIRE(SnapshotStore(mem, 3).save(one_unit_organisation("Før"), nullptr));
        SnapshotStore store(mem, 3);
        const Dataset d = org_with_employees("Etter", 30);
        mem.steps = 0;
        mem.crash_after = crash;
        SteppedSnapshot w;
        std::string error;
        SteppedSnapshot::Step s = SteppedSnapshot::Step::failed;
        if (w.begin(store, d, 1, &error)) {
            while ((s = w.step(1, [] { return true; }, &error, 4)) == SteppedSnapshot::Step::more) {}
        }
        CHECK_FALSE(w.active());
        if (s == SteppedSnapshot::Step::failed) CHECK((error == "crash" || error == "cannot rename temporary file"));
        mem.crash_after = 1 << 30; // restart
        SnapshotLoad l = SnapshotStore(mem, 3).load_newest();
        REQUIRE(l.dataset);
        CHECK(l.damaged.empty());
        CHECK(l.dataset->organisation.name == (s == SteppedSnapshot::Step::done ? "Etter" : "Før"));
    }
}

TEST_CASE("snapshots: a large register keeps fewer snapshots, and a small one five again") {
    CrashingStore mem;
    SnapshotStore store(mem, 5, /*large_bytes=*/2000, /*keep_large=*/2);
    for (int i = 1; i <= 5; ++i) REQUIRE(store.save(one_unit_organisation("Liten " + std::to_string(i)), nullptr));
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{1, 2, 3, 4, 5});
    const Dataset big = org_with_employees("Stor", 40); // ~4 KB: "large" for this store
    REQUIRE(save_dataset(big, -1).size() >= 2000);
    REQUIRE(store.save(big, nullptr));
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{5, 6}); // the newest and one to fall back on
    REQUIRE(save_in_pieces(store, big, nullptr));                   // written in pieces: the same rule
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{6, 7});
    for (int i = 8; i <= 12; ++i) REQUIRE(store.save(one_unit_organisation("Liten igjen"), nullptr));
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{8, 9, 10, 11, 12});
}

TEST_CASE("stepped snapshot: a one-shot save meanwhile (page hide) ends it as abandoned, not as a failure") {
    CrashingStore mem;
    SnapshotStore store(mem, 3);
    const Dataset d = org_with_employees("Stor", 40);
    SteppedSnapshot w;
    REQUIRE(w.begin(store, d, 1, nullptr));
    REQUIRE(w.step(1, [] { return true; }, nullptr, 5) == SteppedSnapshot::Step::more);
    REQUIRE(store.save(one_unit_organisation("Lagret ved sideskjul"), nullptr)); // the flush writes the document whole
    std::string error;
    CHECK(w.step(1, [] { return true; }, &error, 5) == SteppedSnapshot::Step::abandoned);
    CHECK(error.empty());
    CHECK_FALSE(w.active());
    CHECK(store.load_newest().dataset->organisation.name == "Lagret ved sideskjul");
    for (auto& [name, bytes] : mem.files) CHECK(name.find(".tmp") == std::string::npos);
}

// --- The user's data is never pruned away (snapshots.hpp: "known to load") ----------------------

namespace {

// What the reported bug wrote: a name longer than the loader accepts (10 000 bytes, dataset
// format) was saved, and could never be loaded again.
Dataset org_with_too_long_name() { return one_unit_organisation(std::string(10001, 'x')); }

std::string text_of(const Dataset& d) { return save_dataset(d, -1); }

// A valid dataset's text in a format version above this iadesk's.
std::string newer_version_text(const std::string& name) {
    std::string t = text_of(one_unit_organisation(name));
    const std::string v = "\"version\":" + std::to_string(kDatasetFormatVersion);
    const std::size_t at = t.find(v);
    REQUIRE(at != std::string::npos);
    return t.replace(at, v.size(), "\"version\":" + std::to_string(kDatasetFormatVersion + 1));
}

} // namespace

TEST_CASE("snapshots: a run of unloadable saves after a good one never prunes the good one, and the next start opens it") {
    CrashingStore mem;
    {
        SnapshotStore store(mem, 5);
        REQUIRE(store.save(one_unit_organisation("God AS"), nullptr)); // 1: loads back, so it is known to load
        CHECK(store.known_good() == std::optional<uint64_t>(1));
        for (int i = 0; i < 7; ++i) {
            REQUIRE(store.save(org_with_too_long_name(), nullptr)); // 2..8: written, but never load
            REQUIRE(store.last_save_problem());
            CHECK(store.last_save_problem()->pointer == "/organisation/name");
            CHECK(store.known_good() == std::optional<uint64_t>(1));
            CHECK(mem.files.count(SnapshotStore::name_of(1)) == 1);
        }
        // Five kept as before: the newest four and, in place of the oldest, the one that loads.
        CHECK(store.sequence_numbers() == std::vector<uint64_t>{1, 5, 6, 7, 8});
    }
    // The next start: the four newer ones are set aside, newest first, and the good one opens.
    SnapshotStore after(mem, 5);
    SnapshotLoad l = after.load_newest();
    REQUIRE(l.dataset);
    CHECK(l.dataset->organisation.name == "God AS");
    CHECK(l.seq == 1);
    REQUIRE(l.damaged.size() == 4);
    CHECK(l.damaged[0].name == SnapshotStore::name_of(8));
    CHECK(l.damaged[3].name == SnapshotStore::name_of(5));
    CHECK(l.damaged[0].message_nb.find("/organisation/name: Teksten er for lang") != std::string::npos);
    CHECK(after.damaged_names() == std::vector<std::string>{SnapshotStore::name_of(5) + ".damaged", SnapshotStore::name_of(6) + ".damaged",
                                                           SnapshotStore::name_of(7) + ".damaged", SnapshotStore::name_of(8) + ".damaged"});
    CHECK(mem.files.at(SnapshotStore::name_of(8) + ".damaged") == text_of(org_with_too_long_name())); // byte for byte
    // New saves get new numbers and never touch the damaged ones.
    REQUIRE(after.save(one_unit_organisation("God AS, endret"), nullptr));
    CHECK(after.sequence_numbers() == std::vector<uint64_t>{1, 9});
    CHECK(after.damaged_names().size() == 4);
}

TEST_CASE("snapshots: the save that loads back becomes the one kept, an unloadable one in between is pruned normally") {
    CrashingStore mem;
    SnapshotStore store(mem, 3);
    REQUIRE(store.save(one_unit_organisation("A"), nullptr));                 // 1 good
    REQUIRE(store.save(org_with_too_long_name(), nullptr)); // 2 bad
    REQUIRE(store.save(one_unit_organisation("B"), nullptr));                 // 3 good: now the one known to load
    CHECK_FALSE(store.last_save_problem());
    CHECK(store.known_good() == std::optional<uint64_t>(3));
    REQUIRE(store.save(org_with_too_long_name(), nullptr)); // 4 bad
    REQUIRE(store.save(org_with_too_long_name(), nullptr)); // 5 bad
    REQUIRE(store.save(org_with_too_long_name(), nullptr)); // 6 bad
    CHECK(store.sequence_numbers() == std::vector<uint64_t>{3, 5, 6});
    CHECK(SnapshotStore(mem, 3).load_newest().dataset->organisation.name == "B");
}

TEST_CASE("snapshots: a large save is known to load only once a start has loaded it") {
    CrashingStore mem;
    const Dataset big = org_with_employees("Stor", 40); // ~4 KB: "large" for these stores
    REQUIRE(SnapshotStore(mem, 5, 2000, 2, 1000).save(one_unit_organisation("Liten"), nullptr)); // 1
    {
        // Texts over 1000 bytes are not loaded back when saved (the browser's limit is 4 MB).
        SnapshotStore store(mem, 5, 2000, 2, 1000);
        REQUIRE(store.load_newest().seq == 1); // opened at start: known to load
        for (int i = 0; i < 4; ++i) REQUIRE(save_in_pieces(store, big, nullptr)); // 2..5, not checked
        CHECK(store.known_good() == std::optional<uint64_t>(1));
        CHECK(store.sequence_numbers() == std::vector<uint64_t>{1, 5}); // two kept: the newest and the one known
    }
    SnapshotStore next(mem, 5, 2000, 2, 1000);
    SnapshotLoad l = next.load_newest();
    CHECK(l.seq == 5);
    CHECK(l.damaged.empty());
    CHECK(next.known_good() == std::optional<uint64_t>(5));
    REQUIRE(next.save(big, nullptr)); // 6: 1 may go now
    CHECK(next.sequence_numbers() == std::vector<uint64_t>{5, 6});
}

TEST_CASE("snapshots: a snapshot of a newer format version is reported as newer, never renamed, pruned or written over") {
    CrashingStore mem;
    REQUIRE(SnapshotStore(mem).save(one_unit_organisation("Eldre"), nullptr));  // 1, this version
    mem.files[SnapshotStore::name_of(2)] = newer_version_text("Nyere"); // 2, written by a newer iadesk
    const auto before = mem.files;
    SnapshotStore store(mem);
    SnapshotLoad l = store.load_newest();
    CHECK_FALSE(l.dataset); // not the older data either: it would be shown as if it were current
    CHECK(l.damaged.empty());
    REQUIRE(l.newer_version);
    CHECK(l.newer_version->name == SnapshotStore::name_of(2));
    CHECK(l.newer_version->message_nb.find("formatversjon " + std::to_string(kDatasetFormatVersion + 1)) != std::string::npos);
    CHECK(store.holds_newer_version());
    // Nothing written: not by a save, not in pieces; every file as it was.
    std::string error;
    CHECK_FALSE(store.save(one_unit_organisation("Eldre, endret"), &error));
    CHECK(error.find("newer") != std::string::npos);
    CHECK_FALSE(store.begin_pieces(&error));
    CHECK(mem.files == before);
    // The next start finds it the same way.
    CHECK(SnapshotStore(mem).load_newest().newer_version->name == SnapshotStore::name_of(2));
    CHECK(mem.files == before);
}

TEST_CASE("snapshots: a newer-version snapshot behind a damaged newest one stops the search there") {
    CrashingStore mem;
    REQUIRE(SnapshotStore(mem).save(one_unit_organisation("Eldre"), nullptr));              // 1
    mem.files[SnapshotStore::name_of(2)] = newer_version_text("Nyere");    // 2
    mem.files[SnapshotStore::name_of(3)] = newer_version_text("Nyest").substr(0, 30); // 3, torn
    SnapshotLoad l = SnapshotStore(mem).load_newest();
    CHECK_FALSE(l.dataset);
    REQUIRE(l.damaged.size() == 1);
    CHECK(l.damaged[0].name == SnapshotStore::name_of(3));
    REQUIRE(l.newer_version);
    CHECK(l.newer_version->name == SnapshotStore::name_of(2));
    CHECK(mem.files.count(SnapshotStore::name_of(1)) == 1);
    CHECK(mem.files.count(SnapshotStore::name_of(2)) == 1);
}

TEST_CASE("snapshots: the opened snapshot's time comes from the store, when it knows it") {
    struct TimedStore : CrashingStore {
        std::optional<int64_t> modified_unix(const std::string& n) override {
            return files.count(n) ? std::optional<int64_t>(1796565780) : std::nullopt; // 2026-12-06 14:03 UTC
        }
    } mem;
    REQUIRE(SnapshotStore(mem).save(one_unit_organisation("Med tid"), nullptr));
    CHECK(SnapshotStore(mem).load_newest().saved_unix == std::optional<int64_t>(1796565780));
    CrashingStore plain;
    REQUIRE(SnapshotStore(plain).save(one_unit_organisation("Uten tid"), nullptr));
    CHECK_FALSE(SnapshotStore(plain).load_newest().saved_unix);
}
