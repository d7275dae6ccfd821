// The direct reader of the record arrays (dataset_direct.cpp, DirectRecords in
// src/core/dataset_internal.hpp): what it accepts gives the same Dataset as the Loader, and
// everything it declines still loads (or is refused) through the Loader with the same problems.
#include "core/dataset_internal.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/generate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

using namespace iadesk;
using nlohmann::json;

namespace {

// Whether the direct reader takes the whole text (and so load_dataset takes its result).
bool direct_accepts(const std::string& text) {
    Dataset ds;
    detail_ds::LoadMeta meta;
    detail_ds::DirectRecords direct(ds, meta);
    detail_ds::StreamResult res;
    return detail_ds::stream_document_direct(text, direct, res);
}

std::string saved(const std::string& text) {
    DatasetLoad r = load_dataset(text);
    REQUIRE(r.ok());
    return save_dataset(*r.dataset);
}

std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// A document with every record field the format has, optional ones set and not set.
json full_document() {
    GenerateOptions opt;
    opt.employees = 60;
    opt.seed = 5;
    opt.today = Date::from_ymd(2026, 11, 24);
    json j = json::parse(save_dataset(generate_dataset(opt)));
    json& e = j["employees"][0];
    e["birth_date"] = "1980-02-29";
    e["birth_year"] = 1980;
    e["national_id"] = "";
    j["units"][1]["closed"] = nullptr;
    j["absences"][0]["grade"] = 100.0; // a whole number written as a float
    j["absences"][1]["to"] = nullptr;
    if (!j["milestone_events"].empty()) j["milestone_events"][0]["note"] = nullptr;
    return j;
}

} // namespace

TEST_CASE("direct reader: takes the canonical files and the examples") {
    const json j = full_document();
    CHECK(direct_accepts(j.dump()));
    CHECK(direct_accepts(j.dump(1)));
    for (const char* name : {"fjordvik-small.json", "fjordvik-generated.json", "fjordvik-plans.json"}) {
        CAPTURE(name);
        CHECK(direct_accepts(read_text(std::string(IADESK_SOURCE_DIR) + "/examples/" + name)));
    }
}

TEST_CASE("direct reader: the same Dataset as the Loader") {
    // An unknown member in a record makes the direct reader decline and the Loader read the text
    // (it ignores the member): both results must save to the same bytes.
    json j = full_document();
    const std::string direct_text = j.dump();
    REQUIRE(direct_accepts(direct_text));
    j["employees"][0]["unknown_member"] = {{"nested", 1}};
    const std::string loader_text = j.dump();
    REQUIRE_FALSE(direct_accepts(loader_text));
    CHECK(saved(direct_text) == saved(loader_text));

    // And the same as the Loader alone reads the text the direct reader took.
    DatasetLoad l = detail_ds::load_dataset_without_direct(direct_text);
    REQUIRE(l.ok());
    CHECK(save_dataset(*l.dataset) == saved(direct_text));

    // Members in another order than the writer's.
    json k = full_document();
    json reordered = json::object();
    for (auto it = k.begin(); it != k.end(); ++it) reordered[it.key()] = it.value(); // json sorts keys
    CHECK(direct_accepts(reordered.dump()));
    CHECK(saved(reordered.dump()) == saved(direct_text));
}

TEST_CASE("direct reader: declines what the Loader must judge, and the problems stay the Loader's") {
    struct Case {
        const char* what;
        void (*change)(json&);
    };
    const Case cases[] = {
        {"unknown kind", [](json& j) { j["absences"][0]["kind"] = "ferie"; }},
        {"bad date", [](json& j) { j["absences"][0]["from"] = "2026-02-30"; }},
        {"grade 50.5", [](json& j) { j["absences"][0]["grade"] = 50.5; }},
        {"grade as text", [](json& j) { j["absences"][0]["grade"] = "50"; }},
        {"missing employee", [](json& j) { j["absences"][0].erase("employee"); }},
        {"employment null", [](json& j) { j["employees"][0]["employment"] = nullptr; }},
        {"period not an object", [](json& j) { j["employees"][0]["employment"][0] = 7; }},
        {"percent null", [](json& j) { j["employees"][0]["employment"][0]["percent"] = nullptr; }},
        {"unknown end reason", [](json& j) { j["employees"][0]["employment"][0]["end_reason"] = "x"; }},
        {"unit name a boolean", [](json& j) { j["units"][0]["name"] = true; }},
        {"record not an object", [](json& j) { j["milestone_events"].push_back("x"); }},
        {"unknown status", [](json& j) { j["milestone_events"][0]["status"] = "maybe"; }},
        {"birth year 1980.5", [](json& j) { j["employees"][1]["birth_year"] = 1980.5; }},
        {"earlier unit without until", [](json& j) { j["employees"][1]["earlier_units"] = {{{"unit", "U1"}}}; }},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        json j = full_document();
        c.change(j);
        const std::string text = j.dump();
        CHECK_FALSE(direct_accepts(text));
        DatasetLoad r = load_dataset(text);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.problems.empty());
        // The same problems as through the Loader alone.
        DatasetLoad l = detail_ds::load_dataset_without_direct(text);
        REQUIRE(l.problems.size() == r.problems.size());
        for (std::size_t i = 0; i < r.problems.size(); ++i) {
            CHECK(r.problems[i].pointer == l.problems[i].pointer);
            CHECK(r.problems[i].message_nb == l.problems[i].message_nb);
        }
    }
    // A member twice inside a record: refused as before, at its place.
    json j = full_document();
    std::string text = j.dump();
    const std::string first = "{\"employee\":";
    const std::size_t at = text.find(first, text.find("\"absences\""));
    REQUIRE(at != std::string::npos);
    text.insert(at + 1, "\"grade\":100,\"grade\":100,");
    CHECK_FALSE(direct_accepts(text));
    DatasetLoad r = load_dataset(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].pointer == "/absences/0/grade");
}

TEST_CASE("load with a progress hint: the same load, the offsets forward within the text") {
    GenerateOptions opt;
    opt.employees = 12000; // ~14 MB: more than one hint step (8 MB)
    opt.seed = 3;
    opt.today = Date::from_ymd(2026, 11, 24);
    const std::string text = save_dataset(generate_dataset(opt));
    std::vector<std::size_t> offsets;
    DatasetLoad hinted = load_dataset(text, [&](std::size_t at) { offsets.push_back(at); });
    REQUIRE(hinted.ok());
    CHECK(save_dataset(*hinted.dataset) == text);
    REQUIRE_FALSE(offsets.empty());
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        CHECK(offsets[i] < text.size());
        if (i) CHECK(offsets[i] > offsets[i - 1]);
    }
}
