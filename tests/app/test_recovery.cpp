// Opening stored data that does not open as it should (src/app/views/recovery_view.hpp), with the
// real App drawn headless: the recovery screen when no save loads, the notice when an older one
// was opened, the newer-version screen. What is stored is checked byte for byte.
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"

#include "../support/fixtures.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

using namespace iadesk;

namespace {

using testing::one_unit_organisation;

const std::string kTorn = "{\"format\":\"iadesk\",\"version\":1,\"organisation\":{\"na";

// Times are shown in local time: the tests pin it to UTC.
struct Utc {
    Utc() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

} // namespace

TEST_CASE("recovery: no save loads -> the recovery screen, nothing written until the user chooses, the damaged saves kept") {
    test::HeadlessApp h;
    h.platform.memory.files[SnapshotStore::name_of(4)] = kTorn;
    h.platform.memory.files[SnapshotStore::name_of(5)] = save_dataset(one_unit_organisation(std::string(10001, 'x')), -1);
    const std::string torn = h.platform.memory.files[SnapshotStore::name_of(4)];
    const std::string too_long = h.platform.memory.files[SnapshotStore::name_of(5)];
    h.start();
    CHECK(h.shows("De lagrede dataene kunne ikke åpnes"));
    CHECK(h.shows_text_containing("snapshot-000000000005.json: er skadet (/organisation/name: Teksten er for lang"));
    CHECK(h.shows_text_containing("snapshot-000000000004.json: er skadet"));
    h.seconds(3); // well past the autosave's pause
    CHECK(h.platform.snapshots().empty());
    CHECK(h.platform.persist_calls == 0);
    CHECK_FALSE(h.app->flush()); // page hide writes nothing either

    // A download of a damaged save is its bytes, exactly.
    h.click("Last ned");
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK((h.platform.downloads[0].bytes == torn || h.platform.downloads[0].bytes == too_long));
    CHECK(h.platform.downloads[0].name.starts_with("iadesk-skadet-snapshot-00000000000"));

    h.click("Start med demoen");
    CHECK_FALSE(h.shows("De lagrede dataene kunne ikke åpnes"));
    h.seconds(1.5);
    // The demo is saved under a new number; the damaged saves are there, byte for byte.
    CHECK(h.platform.snapshots() == std::vector<std::string>{SnapshotStore::name_of(6)});
    CHECK(h.platform.memory.files.at(SnapshotStore::name_of(4) + ".damaged") == torn);
    CHECK(h.platform.memory.files.at(SnapshotStore::name_of(5) + ".damaged") == too_long);
    CHECK(h.platform.persist_calls == 1);
}

TEST_CASE("recovery: \"start with an empty register\" starts empty and keeps the damaged save") {
    test::HeadlessApp h;
    h.platform.memory.files[SnapshotStore::name_of(1)] = kTorn;
    h.start();
    h.click("Start med tomt register");
    h.seconds(1.5);
    REQUIRE(h.platform.snapshots() == std::vector<std::string>{SnapshotStore::name_of(2)});
    DatasetLoad saved = load_dataset(h.platform.memory.files.at(SnapshotStore::name_of(2)));
    REQUIRE(saved.ok());
    CHECK(saved.dataset->organisation.name == "Min virksomhet");
    CHECK(saved.dataset->employees.empty());
    CHECK(h.platform.memory.files.at(SnapshotStore::name_of(1) + ".damaged") == kTorn);
}

TEST_CASE("recovery: damaged newest saves -> the previous one opens, and the notice says from when and how many were damaged") {
    Utc utc;
    struct Timed : test::TestPlatform {
        struct Store : test::MemoryStore {
            std::optional<int64_t> modified_unix(const std::string& n) override {
                return n == SnapshotStore::name_of(3) ? std::optional<int64_t>(1796565780) : std::nullopt; // 06.12.2026 14:03 UTC
            }
        } timed;
        ByteStore* store() override { return &timed; }
    };
    test::HeadlessApp h;
    Timed platform;
    platform.timed.files[SnapshotStore::name_of(3)] = save_dataset(one_unit_organisation("God lagring AS"), -1);
    platform.timed.files[SnapshotStore::name_of(4)] = kTorn;
    platform.timed.files[SnapshotStore::name_of(5)] = kTorn;
    app::AppOptions opt;
    opt.test_mode = true;
    opt.platform = &platform;
    h.app->init(opt);
    h.app->storage_ready();
    h.frames(3);
    CHECK(h.app->document().data.organisation.name == "God lagring AS");
    CHECK(h.shows("Åpnet lagringen fra 06.12.2026 kl. 14:03; de 2 nyeste lagringene var skadet"));
    CHECK(h.shows("Noe av det lagrede kunne ikke leses"));
    h.click("OK");
    CHECK_FALSE(h.shows("Noe av det lagrede kunne ikke leses"));
    CHECK(h.shows("Åpnet lagringen fra 06.12.2026 kl. 14:03; de 2 nyeste lagringene var skadet")); // the status bar
    CHECK(platform.timed.files.count(SnapshotStore::name_of(5) + ".damaged") == 1);
}

TEST_CASE("recovery: data of a newer format version -> the message and \"Oppdater\", nothing written or renamed") {
    test::HeadlessApp h;
    std::string newer = save_dataset(one_unit_organisation("Nyere"), -1);
    const std::string v = "\"version\":" + std::to_string(kDatasetFormatVersion);
    newer.replace(newer.find(v), v.size(), "\"version\":" + std::to_string(kDatasetFormatVersion + 1));
    h.platform.memory.files[SnapshotStore::name_of(1)] = save_dataset(one_unit_organisation("Eldre"), -1);
    h.platform.memory.files[SnapshotStore::name_of(2)] = newer;
    const auto before = h.platform.memory.files;
    h.start();
    CHECK(h.shows("Lagret av en nyere iadesk"));
    CHECK(h.shows_text_containing("Lagret av en nyere iadesk; last inn siden på nytt for å oppdatere"));
    CHECK(h.shows("Oppdater"));
    h.click("Last ned lagringen"); // the newer save as it is, under a name that does not call it damaged
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK(h.platform.downloads[0].name == "iadesk-lagring-" + SnapshotStore::name_of(2));
    CHECK(h.platform.downloads[0].bytes == newer);
    CHECK(h.platform.update_looks == 1); // the service worker is asked for a new version
    CHECK_FALSE(h.shows("En nyere utgave av iadesk er lastet ned og klar."));
    h.platform.waiting_update = true;
    h.frames(1);
    CHECK(h.shows("En nyere utgave av iadesk er lastet ned og klar."));
    h.click("Oppdater");
    CHECK(h.platform.reloads == 1);
    h.seconds(2);
    CHECK_FALSE(h.app->flush());
    CHECK(h.platform.memory.files == before);
    CHECK(h.platform.persist_calls == 0);
}

TEST_CASE("files: a picked file too large to read is said in the status bar, and the register is unchanged") {
    test::HeadlessApp h;
    h.start();
    const std::string before = save_dataset(h.app->document().data, -1);
    h.app->on_file_too_large("lonn-2026.csv", 700.0 * 1024 * 1024);
    h.frames(2);
    CHECK(h.shows_text_containing("Filen «lonn-2026.csv» er for stor (700 MB; høyst 512 MB) og ble ikke lest"));
    CHECK(save_dataset(h.app->document().data, -1) == before);
}
