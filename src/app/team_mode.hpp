// team_mode: the App's session with the team server it was loaded from (docs/team.md). The App
// drives it (app_team.cpp); TeamSync (team_sync.hpp) decides what is sent.
//
// Contract
// - At init, when the platform says the page came from a team server (Platform::team_server), the
//   App asks GET /api/me through Platform::http; otherwise (the native app, a static file server)
//   it asks nothing and the stage is off: the single-browser app as before, with no request that
//   could fail. 401: the login screen; no answer: the login screen saying the server cannot be
//   reached (never the browser's own data instead); any other answer: off. 401: the login screen. 200: the register is fetched
//   (GET /api/sync/snapshot) and opened, with the role of the account, and the stage is on.
// - While on: the autosave is off (the server holds the data); the role cannot be switched; the
//   edits the server takes (absences and milestone events) are sent one command at a time, others
//   are refused with a message; what waits is kept in the browser (Platform::keep_text) and put
//   back when the same account opens the register again on a new page; a long-poll (GET /api/changes?wait=20) is always open while
//   online, and a failed request is tried again after 2 s.
// - Each request has its own id; an answer whose id is not the one waited for is dropped.
#pragma once

#include "app/team_sync.hpp"
#include "iadesk/access.hpp"

#include <cstdint>
#include <string>

namespace iadesk::app {

struct TeamMode {
    enum class Stage { off, probing, login, loading, on };
    Stage stage = Stage::off;
    // The login form.
    std::string email;
    std::string password;
    std::string login_error;       // in the user's language
    // The account (GET /api/me, POST /api/login).
    std::string csrf;
    std::string user_email;
    std::string user_name;
    std::string organisation;
    Role role;
    // Requests waited for (0: none).
    int next_request = 1;
    int me_request = 0;
    int login_request = 0;
    int snapshot_request = 0;
    int push_request = 0;
    int pull_request = 0;
    double retry_push_at = 0; // ImGui time
    double retry_pull_at = 0;
    bool online = true;
    TeamSync sync;
    std::uint64_t seen_revision = 0;
    std::string client_id;     // the idempotency keys' prefix: one per page load
    // The page came from a team server (Platform::team_server): then no answer to /api/me means
    // the server is out of reach, and the login screen says so instead of opening the
    // single-browser app's data.
    bool known_server = false;
    // What waits, worked out again only when the sync or the document moved (not every frame):
    // the count for the status bar and the journal kept in the browser (TeamSync::journal).
    std::uint64_t counted_generation = ~std::uint64_t{0};
    std::uint64_t counted_revision = ~std::uint64_t{0};
    std::size_t waiting = 0;
    std::string kept_journal = "[]";
    std::string journal_key() const { return "iadesk-team-journal:" + user_email; }

    bool on() const { return stage == Stage::on; }
};

} // namespace iadesk::app
