// One address per view (route.hpp, app_platform.hpp): each view has a route ("#/ansatte/E0001"),
// moving in the app puts a new entry in the history only when the route changes, Back/Forward and
// reloads (App::on_route, Platform::route) open the route's view once the data is open, a bad
// route opens Oversikt without a crash, and the tab title is "<view> – iadesk".
#include "headless_app.hpp"
#include "app/derived.hpp"
#include "app/route.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk;
using app::Page;
using app::Route;

namespace {

const char* const kDash = " \xE2\x80\x93 iadesk"; // " – iadesk"

// The employee of the first case open on the demo's day, and one with no open case, found with
// the derived data the views use (not with the route code).
struct DemoPeople {
    std::string with_case, without_case;
};
DemoPeople demo_people(const Dataset& data) {
    app::Derived derived;
    derived.refresh(data, 1, 1, Date::from_ymd(2026, 11, 24), Role::hr());
    DemoPeople out;
    for (const Employee& e : data.employees) {
        if (derived.schedule_of(e.id)) {
            if (out.with_case.empty()) out.with_case = e.id;
        } else if (out.without_case.empty()) {
            out.without_case = e.id;
        }
    }
    return out;
}

} // namespace

TEST_CASE("routes: every view has its Norwegian slug, and parsing gives the view back") {
    const struct {
        Route route;
        const char* path;
    } table[] = {
        {{Page::overview, "", false}, "/oversikt"},
        {{Page::employees, "", false}, "/ansatte"},
        {{Page::employees, "E0001", false}, "/ansatte/E0001"},
        {{Page::followup, "", false}, "/oppfolging"},
        {{Page::followup, "E0007", false}, "/oppfolging/E0007"},
        {{Page::plans, "", false}, "/oppfolgingsplaner"},
        {{Page::plans, "E0007", false}, "/oppfolgingsplaner/E0007"},
        {{Page::goals, "", false}, "/mal"},
        {{Page::measures, "", false}, "/tiltak"},
        {{Page::statistics, "", false}, "/statistikk"},
        {{Page::settings, "", false}, "/innstillinger"},
        {{Page::settings, "", true}, "/data"},
    };
    for (const auto& row : table) {
        INFO(row.path);
        CHECK(app::route_path(row.route) == row.path);
        const std::optional<Route> parsed = app::parse_route(row.path);
        REQUIRE(parsed);
        CHECK(*parsed == row.route);
        CHECK(app::parse_route(std::string("#") + row.path) == row.route); // location.hash as it is
    }
    CHECK(app::parse_route("/statistikk/") == Route{Page::statistics, "", false}); // a trailing slash
}

TEST_CASE("routes: an employee id is percent-encoded byte by byte (RFC 3986) and decoded back") {
    // "Kari Ø/1": ' ' is 0x20, 'Ø' (U+00D8) is C3 98 in UTF-8, '/' is 0x2F; letters and digits stay.
    const Route kari{Page::employees, "Kari \xC3\x98/1", false};
    CHECK(app::route_path(kari) == "/ansatte/Kari%20%C3%98%2F1");
    CHECK(app::parse_route("/ansatte/Kari%20%C3%98%2F1") == kari);
    CHECK(app::parse_route("/ansatte/Kari%20%c3%98%2f1") == kari); // lower-case hex digits too
    CHECK(app::route_path({Page::followup, "a-b_c.d~e", false}) == "/oppfolging/a-b_c.d~e"); // unreserved
}

TEST_CASE("routes: anything else is no route") {
    for (const char* bad : {"", "#", "/", "#/", "oversikt", "/ukjent", "/Oversikt", "/oversikt/E1", "/mal/1",
                            "/data/E1", "/innstillinger/data", "/ansatte//", "/ansatte/a/b", "/ansatte/%",
                            "/ansatte/%2", "/ansatte/%zz", "/ansatte/%G1", "//ansatte"}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(app::parse_route(bad));
    }
}

TEST_CASE("routes: the tab title is the view's name in the user's language") {
    CHECK(std::string(app::route_title_key({Page::overview, "", false})) == "nav.overview");
    CHECK(std::string(app::route_title_key({Page::employees, "E1", false})) == "nav.employees");
    CHECK(std::string(app::route_title_key({Page::settings, "", true})) == "settings.tab_data");
    CHECK(std::string(app::route_title_key({Page::settings, "", false})) == "nav.settings");
}

TEST_CASE("routes: moving in the app adds a history entry per view, Back opens the earlier one") {
    test::HeadlessApp h;
    h.start(); // the demo, opened from an address without a route
    REQUIRE(h.app->document_open());
    // The first route replaces the address's entry (no history entry of its own).
    REQUIRE(h.platform.route_changes.size() == 1);
    CHECK(h.platform.route_changes[0].path == "/oversikt");
    CHECK_FALSE(h.platform.route_changes[0].push);
    CHECK(h.platform.title == std::string("Oversikt") + kDash);

    h.click("Ansatte");
    h.frames(3);
    REQUIRE(h.platform.route_changes.size() == 2); // once, not once a frame
    CHECK(h.platform.route_changes[1].path == "/ansatte");
    CHECK(h.platform.route_changes[1].push);
    CHECK(h.platform.title == std::string("Ansatte") + kDash);

    h.click("Statistikk");
    REQUIRE(h.platform.route_changes.size() == 3);
    CHECK(h.platform.route_changes[2].path == "/statistikk");
    CHECK(h.platform.title == std::string("Statistikk") + kDash);

    // Back: the browser's address is the earlier entry's, and the platform says so.
    h.platform.address = "/ansatte";
    h.app->on_route("/ansatte");
    h.frames(2);
    CHECK(h.app->current_route() == Route{Page::employees, "", false});
    CHECK(h.platform.title == std::string("Ansatte") + kDash);
    CHECK(h.platform.route_changes.size() == 3); // not pushed again
}

TEST_CASE("routes: an employee's, a case's and the Data tab's routes open them") {
    test::HeadlessApp h;
    h.start();
    const DemoPeople people = demo_people(h.app->document().data);
    REQUIRE_FALSE(people.with_case.empty());
    REQUIRE_FALSE(people.without_case.empty());
    const Employee* kari = nullptr;
    for (const Employee& e : h.app->document().data.employees)
        if (e.id == people.with_case) kari = &e;
    REQUIRE(kari);

    h.app->on_route("/ansatte/" + kari->id);
    h.frames(2);
    CHECK(h.app->current_route() == Route{Page::employees, kari->id, false});
    CHECK(h.shows(kari->name)); // the editor's heading

    h.app->on_route("/oppfolging/" + kari->id);
    h.frames(2);
    CHECK(h.app->current_route() == Route{Page::followup, kari->id, false});
    CHECK(h.platform.title == std::string("Oppfølging") + kDash);

    h.app->on_route("/data");
    h.frames(3);
    CHECK(h.app->current_route() == Route{Page::settings, "", true});
    CHECK(h.platform.title == std::string("Data") + kDash);
    h.app->on_route("/innstillinger");
    h.frames(3);
    CHECK(h.app->current_route() == Route{Page::settings, "", false});
    const std::size_t changes = h.platform.route_changes.size();
    h.frames(3);
    CHECK(h.platform.route_changes.size() == changes); // settled: the first tab shows, no flip-flop
}

TEST_CASE("routes: a bad route, or an employee who is not there, opens Oversikt and corrects the address") {
    test::HeadlessApp h;
    h.start();
    const DemoPeople people = demo_people(h.app->document().data);
    for (const std::string& bad : {std::string("/ukjent"), std::string("/ansatte/finnes-ikke"), std::string("/ansatte/%zz"),
                                  "/oppfolging/" + people.without_case, std::string("/oppfolgingsplaner/finnes-ikke")}) {
        INFO(bad);
        h.click("Tiltak");
        h.platform.address = bad;
        h.app->on_route(bad);
        h.frames(2);
        CHECK(h.app->current_route() == Route{Page::overview, "", false});
        REQUIRE_FALSE(h.platform.route_changes.empty());
        CHECK(h.platform.route_changes.back().path == "/oversikt");
        CHECK_FALSE(h.platform.route_changes.back().push); // replaces the bad entry
        CHECK(h.platform.title == std::string("Oversikt") + kDash);
    }
}

TEST_CASE("routes: a reload opens the address's view once the data is open") {
    std::string id, name;
    {
        test::HeadlessApp h;
        h.platform.address = "/mal";
        h.start();
        REQUIRE(h.app->document_open());
        CHECK(h.app->current_route() == Route{Page::goals, "", false});
        CHECK(h.platform.title == std::string("IA-mål") + kDash);
        CHECK(h.platform.route_changes.empty()); // the address is right already
        id = h.app->document().data.employees.at(5).id;
        name = h.app->document().data.employees.at(5).name;
    }
    test::HeadlessApp h; // the same demo (the same day), opened at an employee's address
    h.platform.address = "#/ansatte/" + id;
    h.start();
    CHECK(h.app->current_route() == Route{Page::employees, id, false});
    CHECK(h.shows(name));
    REQUIRE(h.platform.route_changes.size() == 1); // "#/ansatte/.." written without '#': replaced, not added
    CHECK_FALSE(h.platform.route_changes[0].push);
}
