// Team mode in the app (src/app/team_mode.hpp, app_team.cpp), with the server played by the test
// through TestPlatform::http: the login screen, the register opened from the snapshot with the
// account's role, an absence registered in the app sent as add_absence, the sync state in the
// status bar, offline and back, and what team mode does not offer.
#include "headless_app.hpp"

#include "team_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>


using iadesk::test::HeadlessApp;
using nlohmann::json;

namespace {

std::string snapshot() { return iadesk::test::team_snapshot(); }

const std::string kManager = json{{"user", {{"id", 2}, {"email", "leder@fjordvik.example"}, {"name", ""},
                                            {"organisation", {{"id", 1}, {"name", "Fjordvik kommune"}}},
                                            {"roles", {{{"role", "manager"}, {"unit", "U1"}}}}}},
                                  {"csrf_token", std::string(64, 'a')}}.dump();

// The request the app sent last with this method and path prefix.
const iadesk::test::TestPlatform::HttpRequest* last_request(const HeadlessApp& h, const std::string& method, const std::string& path) {
    for (auto it = h.platform.requests.rbegin(); it != h.platform.requests.rend(); ++it)
        if (it->method == method && it->path.rfind(path, 0) == 0) return &*it;
    return nullptr;
}

// The app started with a team server behind it, logged in as the manager of U1 and opened.
void open_as_manager(HeadlessApp& h) {
    h.platform.has_server = true;
    ImGui::GetIO().DisplaySize = ImVec2(1400, 2400);
    h.start();
    const auto* me = last_request(h, "GET", "/api/me");
    REQUIRE(me);
    h.app->on_http(me->id, 401, R"({"error": "Du er ikke logget inn", "error_en": "Not logged in"})");
    h.frames(3);
    REQUIRE(h.shows_text_containing("Logg inn i iadesk"));
    CHECK_FALSE(h.app->document_open());
    h.type("E-postadresse", "leder@fjordvik.example");
    h.type("Passord", "hemmelig-passord");
    h.click("Logg inn");
    const auto* login = last_request(h, "POST", "/api/login");
    REQUIRE(login);
    CHECK(json::parse(login->body) == json{{"email", "leder@fjordvik.example"}, {"password", "hemmelig-passord"}});
    h.app->on_http(login->id, 200, kManager);
    h.frames(2);
    const auto* snap = last_request(h, "GET", "/api/sync/snapshot");
    REQUIRE(snap);
    CHECK(snap->csrf == std::string(64, 'a'));
    h.app->on_http(snap->id, 200, snapshot());
    h.frames(3);
    REQUIRE(h.app->document_open());
}

// Ansatte › Anne Lie (E05) › Registrer fravær: an open-ended sykmelding from 02.11.2026.
void register_e05_sick_leave(HeadlessApp& h) {
    h.click("Ansatte");
    h.click("Anne Lie");
    h.click("Registrer fravær");
    h.type("Første fraværsdag", "02.11.2026");
    h.click("Åpen slutt (sluttdato ukjent)");
    h.click("Lagre fravær");
}

} // namespace

TEST_CASE("team mode: a page not from a team server asks nothing and opens as the single-browser app") {
    HeadlessApp h;
    h.start(); // has_server false: TestPlatform::team_server() is false
    CHECK(h.app->document_open());
    CHECK_FALSE(h.app->team_mode_on());
    CHECK(h.platform.requests.empty());
}

TEST_CASE("team mode: an answer to /api/me that is not the API's means no team server") {
    HeadlessApp h;
    h.platform.has_server = true;
    h.start();
    const auto* me = last_request(h, "GET", "/api/me");
    REQUIRE(me);
    CHECK_FALSE(h.app->document_open()); // waits for the answer
    h.app->on_http(me->id, 404, "<html>Not found</html>");
    h.frames(4);
    CHECK(h.app->document_open());
    CHECK_FALSE(h.app->team_mode_on());
}

TEST_CASE("team mode: a wrong password is said on the login screen") {
    HeadlessApp h;
    h.platform.has_server = true;
    h.start();
    h.app->on_http(last_request(h, "GET", "/api/me")->id, 401, R"({"error": "x", "error_en": "x"})");
    h.frames(2);
    h.click("Logg inn"); // nothing filled in
    CHECK(h.shows_text_containing("Fyll inn både e-postadresse og passord."));
    CHECK_FALSE(last_request(h, "POST", "/api/login"));
    h.type("E-postadresse", "leder@fjordvik.example");
    h.type("Passord", "feil");
    h.click("Logg inn");
    h.app->on_http(last_request(h, "POST", "/api/login")->id, 401,
                   R"({"error": "Feil e-postadresse eller passord.", "error_en": "Wrong e-mail address or password."})");
    h.frames(2);
    CHECK(h.shows_text_containing("Feil e-postadresse eller passord."));
    CHECK_FALSE(h.app->document_open());
}

TEST_CASE("team mode: the manager's register from the server, an absence sent as a command, offline and back") {
    HeadlessApp h;
    open_as_manager(h);
    CHECK(h.app->team_mode_on());
    CHECK(h.shows_text_containing("leder@fjordvik.example \xC2\xB7 Nærmeste leder (Sykehjem Nord)"));
    CHECK(h.shows_text_containing("Alt er lagret på tjeneren \xC2\xB7 leder@fjordvik.example"));
    const auto* pull = last_request(h, "GET", "/api/changes");
    REQUIRE(pull);
    CHECK(pull->path == "/api/changes?since=40&wait=20");

    // Ansatte: U1's people only, and no "Ny ansatt" (the server does not take new employees yet).
    h.click("Ansatte");
    CHECK(h.shows_text_containing("5 av 5 ansatte"));
    CHECK_FALSE(h.find("Ny ansatt").is_object());

    // Anne Lie (E05): a sykmelding from 02.11.2026, open-ended.
    h.click("Anne Lie");
    h.click("Registrer fravær");
    h.type("Første fraværsdag", "02.11.2026");
    h.click("Åpen slutt (sluttdato ukjent)");
    h.click("Lagre fravær");
    h.frames(2);
    const auto* push = last_request(h, "POST", "/api/commands");
    REQUIRE(push);
    const json cmd = json::parse(push->body);
    CHECK(cmd["op"] == "add_absence");
    CHECK(cmd["employee"] == "E05");
    CHECK(cmd["from"] == "2026-11-02");
    CHECK_FALSE(cmd.contains("to"));
    CHECK(push->csrf == std::string(64, 'a'));
    CHECK(h.shows_text_containing("1 endring sendes til tjeneren"));

    // No answer (offline): said, and the same command with the same key is sent again later.
    h.app->on_http(push->id, 0, "");
    h.frames(2);
    CHECK(h.shows_text_containing("Frakoblet \xE2\x80\x93 1 endring venter"));
    const std::size_t sent = h.platform.requests.size();
    h.seconds(2.5);
    const auto* again = last_request(h, "POST", "/api/commands");
    REQUIRE(h.platform.requests.size() > sent);
    CHECK(json::parse(again->body) == cmd);

    json answer = {{"seq", 41}, {"record_id", 120}, {"duplicate", false},
                   {"record", {{"id", 120}, {"rev", 41}, {"employee", "E05"}, {"kind", "sykmelding"}, {"from", "2026-11-02"}, {"to", nullptr}, {"grade", 100}}}};
    h.app->on_http(again->id, 200, answer.dump());
    h.frames(2);
    CHECK(h.shows_text_containing("Alt er lagret på tjeneren"));
}

TEST_CASE("team mode: another user's change is shown, and an ended session goes back to the login screen") {
    HeadlessApp h;
    open_as_manager(h);
    const auto* pull = last_request(h, "GET", "/api/changes");
    REQUIRE(pull);
    const json change = {{"changes", {{{"seq", 41}, {"kind", "absence"}, {"employee", "E04"}, {"record_id", 130}, {"description", "x"},
                                       {"record", {{"id", 130}, {"rev", 41}, {"employee", "E04"}, {"kind", "sykmelding"}, {"from", "2026-11-16"}, {"to", nullptr}, {"grade", 100}}}}}},
                         {"last", 41}, {"more", false}};
    h.app->on_http(pull->id, 200, change.dump());
    h.frames(2);
    const json doc = json::parse(h.app->document_json());
    bool found = false;
    for (const json& a : doc["absences"]) found |= a["employee"] == "E04" && a["from"] == "2026-11-16";
    CHECK(found);
    const auto* next = last_request(h, "GET", "/api/changes");
    CHECK(next->path == "/api/changes?since=41&wait=20");
    h.app->on_http(next->id, 401, R"({"error": "Du er ikke logget inn", "error_en": "Not logged in"})");
    h.frames(2);
    CHECK(h.shows_text_containing("Logg inn i iadesk"));
}

TEST_CASE("team mode: a team server out of reach never opens the browser's own data instead") {
    HeadlessApp h;
    h.platform.has_server = true;
    h.start();
    h.app->on_http(last_request(h, "GET", "/api/me")->id, 0, ""); // offline
    h.frames(3);
    CHECK_FALSE(h.app->document_open());
    CHECK(h.shows_text_containing("Logg inn i iadesk"));
    CHECK(h.shows_text_containing("Får ikke kontakt med tjeneren"));
}

TEST_CASE("team mode: logging out waits for unsent changes, then ends the session and takes the register away") {
    HeadlessApp h;
    open_as_manager(h);
    register_e05_sick_leave(h);
    const auto* push = last_request(h, "POST", "/api/commands");
    REQUIRE(push);
    h.click("leder@fjordvik.example \xC2\xB7 Nærmeste leder (Sykehjem Nord)");
    CHECK(h.shows_text_containing("Venter til endringene dine er sendt og avklart."));
    h.click("Logg ut"); // disabled: nothing happens
    CHECK_FALSE(last_request(h, "POST", "/api/logout"));
    CHECK(h.app->document_open());

    json answer = {{"seq", 41}, {"record_id", 120}, {"duplicate", false},
                   {"record", {{"id", 120}, {"rev", 41}, {"employee", "E05"}, {"kind", "sykmelding"}, {"from", "2026-11-02"}, {"to", nullptr}, {"grade", 100}}}};
    h.click("leder@fjordvik.example \xC2\xB7 Nærmeste leder (Sykehjem Nord)"); // closed again
    h.app->on_http(push->id, 200, answer.dump());
    h.frames(2);
    h.click("leder@fjordvik.example \xC2\xB7 Nærmeste leder (Sykehjem Nord)");
    CHECK_FALSE(h.shows_text_containing("Venter til endringene dine er sendt og avklart."));
    h.click("Logg ut");
    const auto* logout = last_request(h, "POST", "/api/logout");
    REQUIRE(logout);
    CHECK(logout->csrf == std::string(64, 'a'));
    h.frames(2);
    CHECK(h.shows_text_containing("Du er logget ut."));
    CHECK(h.shows_text_containing("Logg inn i iadesk"));
    CHECK(json::parse(h.app->document_json())["employees"].empty()); // the register left the page
}

TEST_CASE("team mode: a change not sent when the page went is sent from the next page, with the same key") {
    std::map<std::string, std::string> browser_storage;
    json first;
    {
        HeadlessApp h;
        open_as_manager(h);
        register_e05_sick_leave(h);
        h.frames(2);
        const auto* push = last_request(h, "POST", "/api/commands");
        REQUIRE(push);
        first = json::parse(push->body);
        h.app->on_http(push->id, 0, ""); // offline; then the page is closed
        h.frames(2);
        browser_storage = h.platform.kept;
    }
    REQUIRE(browser_storage.count("iadesk-team-journal:leder@fjordvik.example"));
    HeadlessApp again;
    again.platform.kept = browser_storage;
    open_as_manager(again);
    CHECK(again.shows_text_containing("1 endring som ikke var sendt da siden sist ble lukket, er lagt tilbake og sendes nå"));
    const json doc = json::parse(again.app->document_json());
    bool shown = false;
    for (const json& a : doc["absences"]) shown |= a["employee"] == "E05" && a["from"] == "2026-11-02";
    CHECK(shown);
    const auto* push = last_request(again, "POST", "/api/commands");
    REQUIRE(push);
    CHECK(json::parse(push->body) == first); // the same command and key: stored once if it had arrived
    json answer = {{"seq", 41}, {"record_id", 120}, {"duplicate", false},
                   {"record", {{"id", 120}, {"rev", 41}, {"employee", "E05"}, {"kind", "sykmelding"}, {"from", "2026-11-02"}, {"to", nullptr}, {"grade", 100}}}};
    again.app->on_http(push->id, 200, answer.dump());
    again.frames(3);
    CHECK(again.platform.kept["iadesk-team-journal:leder@fjordvik.example"] == "[]");
}
