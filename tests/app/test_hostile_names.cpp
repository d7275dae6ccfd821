// Text from the data never acts as ImGui syntax (widgets.hpp contract): units, employees and goals
// named "A##B", "###" and "%s%s%n" are drawn as written on every page in every role. ImGui would
// cut a label at "##", take "###" as an id reset and read "%n" in a format string (a crash or a
// write through a stray pointer); the app must do none of that. Drawn headless with the real App
// on the demo register (today 24.11.2026), with three of its units, employees and goals renamed.
#include "headless_app.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/demo.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace iadesk;

namespace {

// The last one: quotes and a backslash, which the recorded widgets write out escaped (test_probe.cpp).
const std::vector<std::string> kHostile = {"A##B", "###", "%s%s%n", "Kari \"Kiki\" Nord\\vik"};
const std::vector<std::string> kPages = {"Oversikt",  "Ansatte", "Oppfølging",        "Statistikk",
                                         "Tiltak",    "IA-mål",  "Oppfølgingsplaner", "Innstillinger"};

Dataset hostile_register() {
    Dataset d = make_demo_dataset(Date::from_ymd(2026, 11, 24));
    REQUIRE(d.units.size() >= kHostile.size());
    REQUIRE(d.employees.size() >= kHostile.size());
    for (std::size_t i = 0; i < kHostile.size(); ++i) {
        d.units[i].name = kHostile[i];
        d.employees[i].name = kHostile[i];
        if (i < d.goals.size()) d.goals[i].title = kHostile[i];
    }
    return d;
}

void start(test::HeadlessApp& h) {
    h.start_with(hostile_register());
}

// The label of the first visible item whose label starts with `prefix` ("" when none).
std::string label_starting(const std::string& prefix) {
    for (const auto& it : nlohmann::json::parse(app::probe::items_json())) {
        const std::string label = it.value("label", "");
        if (it.value("visible", false) && label.starts_with(prefix)) return label;
    }
    return {};
}

void open_role_menu(test::HeadlessApp& h) {
    const std::string title = label_starting("Rolle: ");
    REQUIRE_FALSE(title.empty());
    h.click(title);
}

// Every page the role has in the navigation, each drawn a few frames; returns the pages shown.
int visit_every_page(test::HeadlessApp& h) {
    int visited = 0;
    for (const std::string& page : kPages) {
        if (!h.shows(page)) continue;
        h.click(page);
        h.frames(3);
        ++visited;
    }
    return visited;
}

} // namespace

TEST_CASE("hostile names: HR sees units, employees and goals named A##B, ### and %s%s%n exactly as written on every page") {
    test::HeadlessApp h;
    start(h);
    CHECK(visit_every_page(h) == static_cast<int>(kPages.size()));

    h.click("Ansatte");
    for (const std::string& name : kHostile) CHECK(h.shows(name)); // each a row of the list, as written
    h.click_widget("A##B"); // the row's name, not a unit cell showing the same text
    CHECK(h.value_of("Navn") == "A##B"); // the editor opened on that employee, its name unchanged
    h.click_widget("###");
    CHECK(h.value_of("Navn") == "###"); // a different row: "###" did not take A##B's id

    h.click("IA-mål");
    h.frames(2);
    if (!h.app->document().data.goals.empty()) CHECK(h.shows_text_containing(kHostile[0]));

    // Nothing was changed by drawing.
    const Dataset& d = h.app->document().data;
    for (std::size_t i = 0; i < kHostile.size(); ++i) {
        CHECK(d.units[i].name == kHostile[i]);
        CHECK(d.employees[i].name == kHostile[i]);
    }
}

TEST_CASE("hostile names: the manager of unit A##B, the tillitsvalgt and employee %s%s%n get every page drawn, the names as written") {
    test::HeadlessApp h;
    start(h);

    open_role_menu(h);
    h.click("Nærmeste leder for");
    h.click("A##B");
    CHECK(label_starting("Rolle: ").find("A##B") != std::string::npos);
    CHECK(visit_every_page(h) > 0);

    open_role_menu(h);
    h.click("Tillitsvalgt / verneombud");
    CHECK(label_starting("Rolle: ").find("Tillitsvalgt") != std::string::npos);
    CHECK(visit_every_page(h) > 0);

    open_role_menu(h);
    h.click("Arbeidstaker");
    h.click("%s%s%n");
    CHECK(label_starting("Rolle: ").find("%s%s%n") != std::string::npos);
    CHECK(visit_every_page(h) > 0);
}
