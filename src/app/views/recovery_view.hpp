// recovery_view: what the user sees when the stored data did not open as it should.
//
// Contract
// - draw_recovery(): no stored snapshot loads. Drawn instead of the app: each damaged save with
//   its problem and a download of its raw bytes, and the choices "start with the demo" / "start
//   empty". It only reports what the user chose; the App acts on it. Nothing is deleted or
//   overwritten by any choice (the damaged saves stay as "<name>.damaged", new saves get new
//   numbers), and the App writes nothing until a choice is made.
// - draw_newer(): the stored data was written by a newer iadesk. Drawn instead of the app: the
//   message, "Oppdater" (the waiting new version when the service worker has one, else a reload)
//   and a download of that save. Nothing is written.
// - draw_fallback_notice(): an older snapshot was opened because the newest ones were damaged: a
//   modal that says which save was opened and which were damaged, with a download of each, until
//   the user closes it.
#pragma once

#include "app/i18n.hpp"
#include "app/theme.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

struct StoredSave {
    std::string name;       // in the store ("snapshot-000000000007.json.damaged")
    std::string problem_nb; // empty: set aside at an earlier start
    std::string problem_en;
};

struct RecoveryView {
    enum class Choice { none, demo, empty, update };

    std::vector<StoredSave> saves;       // the damaged saves (recovery, notice) or the newer one
    std::string opened_text;             // the notice's first line (what was opened), in the user's language
    bool notice_open = false;

    Choice draw_recovery(const Theme& theme, Language language, const std::function<void(const StoredSave&)>& download);
    Choice draw_newer(const Theme& theme, Language language, bool update_waiting,
                      const std::function<void(const StoredSave&)>& download);
    void draw_fallback_notice(const Theme& theme, Language language, const std::function<void(const StoredSave&)>& download);
};

// "Åpnet lagringen fra 06.12.2026 kl. 14:03; de 2 nyeste lagringene var skadet" (the time left
// out when unknown).
std::string fallback_opened_text(std::optional<int64_t> saved_unix, int damaged, Language language);

// The file name a save is offered under: "iadesk-skadet-snapshot-000000000007.json" for a damaged
// one, "iadesk-lagring-snapshot-000000000007.json" for another (the newer version's).
std::string download_name_of(const StoredSave& save);

} // namespace iadesk::app
