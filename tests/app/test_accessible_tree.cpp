// What the accessible mirror is built from (test_probe.hpp, web_a11y.js): every widget and text of
// a frame with its landmark, table cell, heading level and state; a press through the mirror acts
// on the widget; narrow screens lay out without the sidebar; "?" opens the keyboard help.
#include "headless_app.hpp"
#include "app/derived.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace iadesk;
using nlohmann::json;

namespace {

std::vector<json> records() {
    std::vector<json> out;
    for (const auto& it : json::parse(app::probe::items_json()))
        if (it.value("visible", false)) out.push_back(it);
    return out;
}

std::vector<json> in_region(const std::string& region) {
    std::vector<json> out;
    for (const json& it : records())
        if (it.value("region", "") == region && it.value("kind", "") != "window") out.push_back(it);
    return out;
}

bool has_label(const std::vector<json>& items, const std::string& label, const std::string& kind = "") {
    for (const json& it : items)
        if (it.value("label", "") == label && (kind.empty() || it.value("kind", "") == kind)) return true;
    return false;
}

} // namespace

TEST_CASE("accessible tree: the menu bar, the eight views, the page with its level-1 heading, and the status bar") {
    test::HeadlessApp h;
    h.start();
    std::vector<json> nav;
    for (const json& it : in_region("navigation"))
        if (it.value("kind", "") == "button") nav.push_back(it);
    const char* views[] = {"Oversikt", "Ansatte", "Oppfølging", "Oppfølgingsplaner", "IA-mål", "Tiltak", "Statistikk", "Innstillinger"};
    CHECK(nav.size() == 8);
    for (const char* v : views) CHECK_MESSAGE(has_label(nav, v, "button"), v);
    CHECK(has_label(in_region("banner"), "Rediger", "tree")); // a menu: it opens
    bool h1 = false;
    for (const json& it : in_region("main"))
        if (it.value("role", "") == "heading" && it.value("level", 0) == 1) h1 = it.value("label", "").rfind("Trenger handling denne uken", 0) == 0;
    CHECK_MESSAGE(h1, "Oversikt's heading is level 1");
    const std::vector<json> status = in_region("status");
    REQUIRE_FALSE(status.empty());
    CHECK(has_label(status, "Klar"));
}

TEST_CASE("accessible tree: Oversikt's table gives each cell its row and column, the unit and week included") {
    test::HeadlessApp h;
    h.start();
    // The first case row: the name (a button) in column 0; the same row's unit in column 1, as the
    // derived data names it.
    const Dataset& data = h.app->document().data;
    app::Derived derived;
    derived.refresh(data, 1, 1, Date::from_ymd(2026, 11, 24), Role::hr());
    const std::vector<json> main = in_region("main");
    const json* name = nullptr;
    for (const json& it : main)
        if (it.contains("table") && it.value("col", -1) == 0 && it.value("kind", "") == "button" && !it.value("header", false)) {
            name = &it;
            break;
        }
    REQUIRE(name != nullptr);
    const Employee* e = nullptr;
    for (const Employee& x : data.employees)
        if (x.name == (*name)["label"].get<std::string>()) e = &x;
    REQUIRE(e != nullptr);
    bool unit_in_row = false;
    for (const json& it : main)
        if (it.value("table", 0u) == (*name)["table"].get<unsigned>() && it.value("row", -1) == (*name)["row"].get<int>() &&
            it.value("col", -1) == 1)
            unit_in_row = it.value("label", "") == derived.unit_name(data, e->unit);
    CHECK_MESSAGE(unit_in_row, "the unit is text in column 1 of the same row");
    bool header = false;
    for (const json& it : main) header = header || (it.value("header", false) && it.value("label", "") == "Navn");
    CHECK_MESSAGE(header, "the column headers are a header row");
}

TEST_CASE("accessible tree: a press through the mirror (probe::activate) acts on the widget, as the keyboard would") {
    test::HeadlessApp h;
    h.start();
    unsigned id = 0;
    for (const json& it : in_region("navigation"))
        if (it.value("label", "") == "Statistikk") id = it["id"].get<unsigned>();
    REQUIRE(id != 0);
    app::probe::activate(id);
    h.frames(3);
    CHECK(h.shows("Sykefravær per enhet og kvartal")); // Statistikk's heading
    // A checkbox reports its state, and a press toggles it.
    h.click("Ansatte");
    json sick_only = h.find("Bare sykmeldte");
    REQUIRE_FALSE(sick_only.is_null());
    CHECK(sick_only["checked"] == false);
    app::probe::activate(sick_only["id"].get<unsigned>());
    h.frames(3);
    CHECK(h.find("Bare sykmeldte")["checked"] == true);
}

TEST_CASE("narrow screens: no sidebar, the views behind \"Meny\", Oversikt as stacked rows inside the width") {
    test::HeadlessApp h;
    h.start();
    ImGui::GetIO().DisplaySize = ImVec2(390, 844);
    h.frames(3);
    CHECK(in_region("navigation").empty());
    const std::vector<json> bar = in_region("banner");
    CHECK(has_label(bar, "Meny", "tree"));
    CHECK(has_label(bar, "Mer", "tree"));
    for (const json& it : bar) CHECK_MESSAGE(it["x"].get<float>() + it["w"].get<float>() <= 391.0f, it["label"].get<std::string>());
    int cards = 0;
    for (const json& it : in_region("main")) {
        CHECK_MESSAGE(it["x"].get<float>() + it["w"].get<float>() <= 391.0f, it["label"].get<std::string>());
        CHECK_FALSE(it.contains("table")); // no table on a phone
        if (it.value("label", "").find(" \xC2\xB7 uke ") != std::string::npos) ++cards; // "Unit · uke 5 · 100 %"
    }
    CHECK(cards >= 3);
    // Ansatte: stacked rows too; an employee's card is shown alone, with the way back.
    h.click("Meny");
    h.click("Ansatte");
    const Dataset& data = h.app->document().data;
    std::string name;
    for (const json& it : in_region("main")) {
        CHECK_MESSAGE(it["x"].get<float>() + it["w"].get<float>() <= 391.0f, it["label"].get<std::string>());
        CHECK_FALSE(it.contains("table"));
        for (const Employee& e : data.employees)
            if (name.empty() && it.value("kind", "") == "button" && it.value("label", "") == e.name) name = e.name;
    }
    REQUIRE_FALSE(name.empty());
    h.click(name);
    CHECK(h.shows("\xE2\x80\xB9 Alle ansatte"));
    CHECK(h.find_field("Navn")["value"] == name);
    h.click("\xE2\x80\xB9 Alle ansatte");
    CHECK(h.shows(name));
    h.click("Meny");
    h.click("Statistikk");
    CHECK(h.shows("Sykefravær per enhet og kvartal"));
}

TEST_CASE("keyboard help: \"?\" outside a text field opens the list of shortcuts, Escape closes it") {
    test::HeadlessApp h;
    h.start();
    ImGui::GetIO().AddInputCharacter('?');
    h.frames(3);
    const std::vector<json> dialog = in_region("dialog");
    REQUIRE_FALSE(dialog.empty());
    CHECK(dialog.front().value("dialog", "") == "Hurtigtaster");
    CHECK(has_label(dialog, "Ctrl+K"));     // the palette, from the action registry
    CHECK(has_label(dialog, "Alt+2"));      // Ansatte
    CHECK(has_label(dialog, "Tab / Shift+Tab"));
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    h.frames(1);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    h.frames(2);
    CHECK(in_region("dialog").empty());
    // In a text field "?" is text, not the help.
    h.click("Ansatte");
    h.type("Søk på navn eller nummer", "?");
    CHECK(in_region("dialog").empty());
    CHECK(h.value_of("Søk på navn eller nummer") == "?");
}

TEST_CASE("accessible tree: a tab bar's tabs are tabs of one list, the one shown selected") {
    test::HeadlessApp h;
    h.start();
    h.click("Innstillinger");
    h.click("Data");
    std::vector<json> tabs;
    for (const json& it : in_region("main"))
        if (it.value("role", "") == "tab") tabs.push_back(it);
    REQUIRE(tabs.size() >= 2);
    int selected = 0;
    for (const json& t : tabs) {
        CHECK(t["tablist"] == tabs.front()["tablist"]);
        if (t["selected"] == true) {
            ++selected;
            CHECK(t["label"] == "Data");
        }
    }
    CHECK(selected == 1);
}


namespace {
void press(test::HeadlessApp& h, ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    h.frames(1);
    ImGui::GetIO().AddKeyEvent(key, false);
    h.frames(2);
}
std::string focused_label() {
    for (const json& it : json::parse(app::probe::items_json()))
        if (it.value("focused", false)) return it.value("region", "") + ":" + it.value("kind", "") + ":" + it.value("label", "");
    return "";
}
} // namespace

TEST_CASE("keyboard: the focus is in the page from the start and after each change of view") {
    test::HeadlessApp h;
    h.start();
    press(h, ImGuiKey_Tab);
    CHECK_MESSAGE(focused_label().rfind("main:", 0) == 0, "the first Tab stays in the page: " << focused_label());
    // A case opened with the mouse: the next Tab moves among the case's widgets.
    json row;
    for (const json& it : in_region("main"))
        if (it.contains("table") && it.value("kind", "") == "button" && !it.value("header", false)) {
            row = it;
            break;
        }
    REQUIRE_FALSE(row.is_null());
    h.click(row["label"].get<std::string>());
    REQUIRE(h.shows("Marker utf\xC3\xB8rt"));
    bool reached = false;
    for (int i = 0; i < 12 && !reached; ++i) {
        press(h, ImGuiKey_Tab);
        reached = focused_label() == "main:button:Marker utf\xC3\xB8rt";
    }
    CHECK_MESSAGE(reached, "Tab reaches Marker utført in the case: " << focused_label());
}

TEST_CASE("keyboard: Escape leaves a panel, Tab moves to the next panel, Enter goes into it, and panels are named") {
    test::HeadlessApp h;
    h.start();
    h.click("Ansatte"); // a new view: the focus goes into the page
    press(h, ImGuiKey_Tab);
    CHECK(focused_label().rfind("main:", 0) == 0);
    press(h, ImGuiKey_Escape);
    CHECK(focused_label() == "main:panel:Ansatte"); // out of the page: the page as a whole, named by its heading
    std::string list;
    for (int i = 0; i < 4 && list.empty(); ++i) { // the other panel is the list of views
        press(h, ImGuiKey_Tab);
        if (focused_label() == "navigation:panel:Hovedmeny") list = focused_label();
    }
    REQUIRE_MESSAGE(!list.empty(), "Tab reaches the list of views: " << focused_label());
    press(h, ImGuiKey_Enter);
    press(h, ImGuiKey_Tab);
    CHECK_MESSAGE(focused_label().rfind("navigation:button:", 0) == 0, "inside the list: " << focused_label());
}
