// dataset: load/save/validate (include/iadesk/dataset.hpp, docs/data-format.md).
#include "iadesk/dataset.hpp"
#include "iadesk/generate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sys/mman.h>
#include <string>

using namespace iadesk;
using nlohmann::json;

namespace {

Date d(int y, int m, int day) { return Date::from_ymd(y, m, day); }

Dataset sample() {
    Dataset ds;
    ds.organisation = {"Fjordvik \"test\" kommune – ÆØÅ", "940123453", true, false};
    ds.units = {{"U1", "Sykehjem Nord"}, {"U2", "Skole Vest"}};
    Employee a{"E1", "Kari Nordmann", "U1", {{d(2020, 1, 1), d(2025, 12, 31), 60}, {d(2026, 1, 1), std::nullopt, 37.5}}, 1980};
    Employee b{"E2", "Ola Ås\\Berg", "U2", {{d(2019, 8, 1), std::nullopt, 100}}, std::nullopt};
    ds.employees = {a, b};
    ds.absences = {{"E1", AbsenceKind::egenmelding, d(2026, 3, 2), d(2026, 3, 3), 100},
                   {"E1", AbsenceKind::sykmelding, d(2026, 10, 5), std::nullopt, 50},
                   {"E2", AbsenceKind::sykmelding, d(2026, 5, 4), d(2026, 6, 30), 100}};
    ds.milestone_events = {{"E1", d(2026, 10, 5), "oppfolgingsplan", EventStatus::exempt, d(2026, 10, 20), "åpenbart unødvendig"},
                           {"E2", d(2026, 5, 4), "dialogmote1", EventStatus::done, d(2026, 6, 15), "Holdt på\ttelefon"}};
    return ds;
}

bool same(const Dataset& x, const Dataset& y) {
    auto emp_eq = [](const Employment& a, const Employment& b) { return a.from == b.from && a.to == b.to && a.percent == b.percent; };
    if (x.organisation.name != y.organisation.name || x.organisation.orgnr != y.organisation.orgnr ||
        x.organisation.ia_agreement != y.organisation.ia_agreement || x.organisation.own_bht != y.organisation.own_bht)
        return false;
    if (x.units.size() != y.units.size() || x.employees.size() != y.employees.size() ||
        x.absences.size() != y.absences.size() || x.milestone_events.size() != y.milestone_events.size())
        return false;
    for (size_t i = 0; i < x.units.size(); ++i)
        if (x.units[i].id != y.units[i].id || x.units[i].name != y.units[i].name) return false;
    for (size_t i = 0; i < x.employees.size(); ++i) {
        const Employee &a = x.employees[i], &b = y.employees[i];
        if (a.id != b.id || a.name != b.name || a.unit != b.unit || a.birth_year != b.birth_year ||
            !std::equal(a.employment.begin(), a.employment.end(), b.employment.begin(), b.employment.end(), emp_eq))
            return false;
    }
    for (size_t i = 0; i < x.absences.size(); ++i) {
        const Absence &a = x.absences[i], &b = y.absences[i];
        if (a.employee != b.employee || a.kind != b.kind || a.from != b.from || a.to != b.to || a.grade != b.grade) return false;
    }
    for (size_t i = 0; i < x.milestone_events.size(); ++i) {
        const MilestoneEvent &a = x.milestone_events[i], &b = y.milestone_events[i];
        if (a.employee != b.employee || a.case_start != b.case_start || a.milestone != b.milestone ||
            a.status != b.status || a.date != b.date || a.note != b.note || a.participants != b.participants)
            return false;
    }
    return true;
}

// A small valid document as json, for the tests below to break one thing at a time.
json base() { return json::parse(save_dataset(sample())); }

DatasetLoad load(const json& j) { return load_dataset(j.dump()); }

const DatasetProblem* find(const DatasetLoad& r, const std::string& pointer) {
    for (const auto& p : r.problems)
        if (p.pointer == pointer) return &p;
    return nullptr;
}

std::string all(const DatasetLoad& r) {
    std::string s;
    for (const auto& p : r.problems) s += p.pointer + ": " + p.message_en + "\n";
    return s;
}

} // namespace

TEST_CASE("dataset: save and load round trip, pretty and compact") {
    Dataset ds = sample();
    REQUIRE(validate_dataset(ds).empty());
    for (int indent : {1, 0, 2, -1}) {
        std::string text = save_dataset(ds, indent);
        DatasetLoad r = load_dataset(text);
        INFO(all(r));
        REQUIRE(r.ok());
        CHECK(r.problems.empty());
        CHECK(same(*r.dataset, ds));
        CHECK(save_dataset(*r.dataset, indent) == text);
    }
    // Pretty form: one record per line.
    std::string text = save_dataset(ds);
    CHECK(text.find("\n  {\"employee\": \"E1\", \"kind\": \"sykmelding\", \"from\": \"2026-10-05\", \"to\": null, \"grade\": 50}") != std::string::npos);
    CHECK(save_dataset(ds, -1).find('\n') == std::string::npos);
}

TEST_CASE("dataset: optional members take their defaults, unknown members are ignored") {
    json j = base();
    j.erase("absences");
    j.erase("milestone_events");
    j["organisation"].erase("ia_agreement");
    j["future_field"] = {{"x", 1}};
    j["units"][0]["colour"] = "blue";
    j["employees"][1].erase("birth_year");
    j["employees"][0]["employment"][1].erase("to");
    DatasetLoad r = load(j);
    INFO(all(r));
    REQUIRE(r.ok());
    CHECK(r.dataset->absences.empty());
    CHECK(r.dataset->milestone_events.empty());
    CHECK_FALSE(r.dataset->organisation.ia_agreement);
    CHECK_FALSE(r.dataset->employees[0].employment[1].to.has_value());
}

TEST_CASE("dataset: who took part in a milestone is saved and loaded, and files without it load as before") {
    Dataset ds = sample();
    ds.milestone_events[1].participants = "Ola Ås, leder «Per»; BHT";
    const std::string text = save_dataset(ds);
    // Written between the date and the note, only for the event that has it.
    CHECK(text.find("\"date\": \"2026-06-15\", \"participants\": \"Ola Ås, leder «Per»; BHT\", \"note\": \"Holdt på\\ttelefon\"") !=
          std::string::npos);
    CHECK(text.find("\"participants\"") == text.rfind("\"participants\"")); // once: event 0 has none
    DatasetLoad r = load_dataset(text);
    INFO(all(r));
    REQUIRE(r.ok());
    CHECK(r.dataset->milestone_events[1].participants == "Ola Ås, leder «Per»; BHT");
    CHECK(r.dataset->milestone_events[0].participants.empty());
    CHECK(save_dataset(*r.dataset) == text);

    // A file from before the field (as every file written until now): loads, and is written unchanged.
    const std::string old_text = save_dataset(sample());
    REQUIRE(old_text.find("participants") == std::string::npos);
    DatasetLoad old = load_dataset(old_text);
    REQUIRE(old.ok());
    CHECK(old.dataset->milestone_events[1].participants.empty());
    CHECK(save_dataset(*old.dataset) == old_text);

    // null is "not recorded"; a number is refused at its place.
    json j = base();
    j["milestone_events"][0]["participants"] = nullptr;
    CHECK(load(j).ok());
    j["milestone_events"][0]["participants"] = 5;
    DatasetLoad bad = load(j);
    CHECK_FALSE(bad.ok());
    CHECK(find(bad, "/milestone_events/0/participants"));
}

TEST_CASE("dataset: grade defaults to 100, integral floats are integers") {
    json j = base();
    j["absences"][2].erase("grade");
    j["absences"][1]["grade"] = 50.0;
    DatasetLoad r = load(j);
    REQUIRE(r.ok());
    CHECK(r.dataset->absences[2].grade == 100);
    CHECK(r.dataset->absences[1].grade == 50);
}

TEST_CASE("dataset: employment periods are sorted by start on load") {
    json j = base();
    auto& emp = j["employees"][0]["employment"];
    std::swap(emp[0], emp[1]);
    DatasetLoad r = load(j);
    INFO(all(r));
    REQUIRE(r.ok());
    CHECK(r.dataset->employees[0].employment[0].from == d(2020, 1, 1));
}

struct BadCase {
    const char* name;
    const char* pointer; // where the mutation happens (json_pointer) and where the problem is
    json value;          // replacement; a discarded json means "remove the member"
    const char* expected_pointer;
    const char* en_part;
    size_t count = 1;    // problems in all (a duplicate id also leaves references dangling)
};

TEST_CASE("dataset: each kind of problem is reported at its JSON pointer") {
    const json remove = json::value_t::discarded;
    const BadCase cases[] = {
        {"grade too high", "/absences/2/grade", 150, "/absences/2/grade", "Grade must be between 20 and 100 (was 150)"},
        {"grade too low", "/absences/2/grade", 10, "/absences/2/grade", "between 20 and 100 (was 10)"},
        {"graded egenmelding", "/absences/0/grade", 50, "/absences/0/grade", "egenmelding always has grade 100 (was 50)"},
        {"grade not integer", "/absences/1/grade", 50.5, "/absences/1/grade", "Must be an integer (was 50.5)"},
        {"grade wrong type", "/absences/1/grade", "50", "/absences/1/grade", "Must be an integer (was string)"},
        {"kind unknown", "/absences/1/kind", "ferie", "/absences/1/kind", "Unknown value \"ferie\" (egenmelding, sykmelding)"},
        {"impossible date", "/absences/1/from", "2026-02-30", "/absences/1/from", "Invalid date \"2026-02-30\""},
        {"Norwegian date in file", "/absences/1/from", "05.10.2026", "/absences/1/from", "Invalid date"},
        {"date not a string", "/absences/1/from", 20261005, "/absences/1/from", "Must be a date string (YYYY-MM-DD) (was number)"},
        {"to before from", "/absences/2/to", "2026-05-01", "/absences/2/to", "End date 2026-05-01 is before start date 2026-05-04"},
        {"missing from", "/absences/2/from", remove, "/absences/2/from", "Field \"from\" is missing"},
        {"unknown employee", "/absences/2/employee", "E9", "/absences/2/employee", "Unknown employee \"E9\""},
        {"absence not an object", "/absences/2", 7, "/absences/2", "Must be an object (was number)"},
        {"percent zero", "/employees/1/employment/0/percent", 0, "/employees/1/employment/0/percent", "above 0 and at most 100 (was 0)"},
        {"percent over 100", "/employees/1/employment/0/percent", 120, "/employees/1/employment/0/percent", "(was 120)"},
        {"employment to before from", "/employees/1/employment/0/to", "2019-07-31", "/employees/1/employment/0/to", "is before start date"},
        {"employment overlap", "/employees/0/employment/0/to", "2026-01-01", "/employees/0/employment/1", "period 2026-01-01 to (open) overlaps 2020-01-01 to 2026-01-01"},
        {"no employment", "/employees/1/employment", json::array(), "/employees/1/employment", "at least one employment period"},
        {"employment not array", "/employees/1/employment", "full time", "/employees/1/employment", "Must be an array (was string)"},
        {"unknown unit", "/employees/1/unit", "U7", "/employees/1/unit", "Unknown unit \"U7\""},
        {"duplicate employee id", "/employees/1/id", "E1", "/employees/1/id", "The id \"E1\" is already used by Kari Nordmann", 3},
        {"duplicate unit id", "/units/1/id", "U1", "/units/1/id", "The id \"U1\" is already used by Sykehjem Nord", 2},
        {"empty unit name", "/units/1/name", "  ", "/units/1/name", "The name must be filled in"},
        {"missing employee name", "/employees/0/name", remove, "/employees/0/name", "Field \"name\" is missing"},
        {"birth year", "/employees/0/birth_year", 1850, "/employees/0/birth_year", "1900-2200 (was 1850)"},
        {"orgnr check digit", "/organisation/orgnr", "940123454", "/organisation/orgnr", "Invalid organisation number \"940123454\""},
        {"orgnr letters", "/organisation/orgnr", "94012345X", "/organisation/orgnr", "Invalid organisation number"},
        {"orgnr number type", "/organisation/orgnr", 940123453, "/organisation/orgnr", "Must be a string (was number)"},
        {"ia_agreement type", "/organisation/ia_agreement", "ja", "/organisation/ia_agreement", "Must be true or false"},
        {"missing organisation", "/organisation", remove, "/organisation", "Field \"organisation\" is missing"},
        {"units not array", "/units", json::object(), "/units", "Must be an array (was object)"},
        {"missing employees", "/employees", remove, "/employees", "Field \"employees\" is missing"},
        {"unknown milestone", "/milestone_events/0/milestone", "kaffe", "/milestone_events/0/milestone", "Unknown milestone \"kaffe\" (known: "},
        {"unknown status", "/milestone_events/0/status", "maybe", "/milestone_events/0/status", "Unknown value \"maybe\" (done, exempt)"},
        {"exempt without reason", "/milestone_events/0/note", "", "/milestone_events/0/note", "An exemption needs a reason"},
        {"event before case", "/milestone_events/1/date", "2026-05-01", "/milestone_events/1/date", "before the case start 2026-05-04"},
        {"event unknown employee", "/milestone_events/1/employee", "X", "/milestone_events/1/employee", "Unknown employee \"X\""},
    };
    for (const BadCase& c : cases) {
        std::string name = c.name;
        CAPTURE(name);
        json j = base();
        json::json_pointer ptr(c.pointer);
        if (c.value.is_discarded()) j[ptr.parent_pointer()].erase(ptr.back());
        else j[ptr] = c.value;
        DatasetLoad r = load(j);
        INFO(all(r));
        CHECK_FALSE(r.ok());
        CHECK(r.problems.size() == c.count);
        const DatasetProblem* p = find(r, c.expected_pointer);
        REQUIRE(p != nullptr);
        CHECK(p->message_en.find(c.en_part) != std::string::npos);
        CHECK_FALSE(p->message_nb.empty());
        CHECK(p->message_nb != p->message_en);
    }
}

TEST_CASE("dataset: Norwegian and English messages") {
    json j = base();
    j["absences"][2]["grade"] = 150;
    DatasetLoad r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/absences/2/grade");
    CHECK(r.problems[0].message_nb == "Grad må være mellom 20 og 100 (var 150)");
    CHECK(r.problems[0].message_en == "Grade must be between 20 and 100 (was 150)");
}

TEST_CASE("dataset: every problem is reported together and nothing is loaded") {
    json j = base();
    j["absences"][0]["grade"] = 150;
    j["absences"][1]["from"] = "2026-13-01";
    j["absences"][2]["employee"] = "NOBODY";
    j["employees"][1]["unit"] = "U404";
    j["units"][1]["id"] = "U1";
    j["organisation"]["orgnr"] = "123";
    j["milestone_events"][0]["status"] = "later";
    DatasetLoad r = load(j);
    INFO(all(r));
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.dataset.has_value());
    CHECK(r.problems.size() == 7);
    for (const char* p : {"/absences/0/grade", "/absences/1/from", "/absences/2/employee", "/employees/1/unit",
                          "/units/1/id", "/organisation/orgnr", "/milestone_events/0/status"})
        CHECK_MESSAGE(find(r, p) != nullptr, p);
}

TEST_CASE("dataset: problems come in document order") {
    json j = base();
    j["milestone_events"][0]["date"] = "2026-02-30";  // read problem (phase 1)
    j["absences"][2]["grade"] = 150;                   // value problem (phase 2)
    j["absences"][0]["from"] = "x";                    // read problem
    j["employees"][1]["unit"] = "U9";                  // reference problem
    j["employees"][0]["employment"][1]["percent"] = 0; // value problem in a nested period
    j["employees"][0]["employment"][0]["from"] = 3;    // read problem in an earlier period
    j["organisation"]["orgnr"] = "1";
    DatasetLoad r = load(j);
    std::vector<std::string> got;
    for (const auto& p : r.problems) got.push_back(p.pointer);
    CHECK(got == std::vector<std::string>{"/organisation/orgnr", "/employees/0/employment/0/from",
                                          "/employees/0/employment/1/percent", "/employees/1/unit",
                                          "/absences/0/from", "/absences/2/grade", "/milestone_events/0/date"});
}

TEST_CASE("dataset: an unreadable field gives one problem, not follow-ups") {
    json j = base();
    j["employees"][0]["id"] = 17; // E1 is then unknown, but its absences must not all be reported
    j["absences"][1]["to"] = true; // no "before from" noise
    DatasetLoad r = load(j);
    INFO(all(r));
    CHECK(r.problems.size() == 2);
    CHECK(find(r, "/employees/0/id") != nullptr);
    CHECK(find(r, "/absences/1/to") != nullptr);
}

TEST_CASE("dataset: syntax errors name the line and column") {
    DatasetLoad r = load_dataset("{\n \"format\": \"iadesk\",\n \"version\": 1,,\n}");
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.ok());
    CHECK(r.problems[0].pointer == "");
    CHECK(r.problems[0].message_en.find("Invalid JSON at line 3, column 15") != std::string::npos);
    CHECK(r.problems[0].message_nb.find("linje 3, kolonne 15") != std::string::npos);

    DatasetLoad empty = load_dataset("  \n");
    REQUIRE(empty.problems.size() == 1);
    CHECK(empty.problems[0].message_en == "The file is empty (no JSON)");

    DatasetLoad arr = load_dataset("[1, 2]");
    REQUIRE(arr.problems.size() == 1);
    CHECK(arr.problems[0].message_en == "The document must be a JSON object (was array)");
}

TEST_CASE("dataset: the fødselsnummer is read, checked (mod 11) and written only when given") {
    Dataset ds;
    ds.organisation = {"Fjordvik kommune", "974760673", false, false};
    ds.units = {{"U1", "Drift"}};
    ds.employees = {{"E1", "Kari", "U1", {{Date::from_ymd(2020, 1, 1), std::nullopt, 100}}, 1990}};
    CHECK(save_dataset(ds).find("national_id") == std::string::npos);
    ds.employees[0].national_id = "01819012446";
    const std::string text = save_dataset(ds);
    DatasetLoad back = load_dataset(text);
    REQUIRE(back.ok());
    CHECK(back.dataset->employees[0].national_id == "01819012446");
    std::string bad = text;
    bad.replace(bad.find("01819012446"), 11, "01819012447");
    DatasetLoad refused = load_dataset(bad);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0].pointer == "/employees/0/national_id");
    CHECK(refused.problems[0].code == ProblemCode::national_id_invalid);
}

TEST_CASE("dataset: a member twice in one object is refused at its place, before anything else") {
    // The same JSON read by two programs could mean two things (RFC 8259 §4: names SHOULD be
    // unique); the loader names each repeat instead of keeping the last one silently.
    DatasetLoad r = load_dataset(R"({"format": "iadesk", "version": 1, "version": 2,
        "organisation": {"name": "A", "orgnr": "974760673"}, "units": [{"id": "U1", "name": "X", "name": "Y"}],
        "employees": [], "employees": [], "absences": [{"employee": "E1", "a~b/c": 1, "a~b/c": 2}]})");
    CHECK_FALSE(r.ok());
    std::vector<std::string> pointers;
    for (const auto& p : r.problems) pointers.push_back(p.pointer);
    CHECK(pointers == std::vector<std::string>{"/version", "/units/0/name", "/employees", "/absences/0/a~0b~1c"});
    for (const auto& p : r.problems) CHECK(p.code == ProblemCode::field_twice);
    CHECK(r.problems[3].message_nb == "Feltet «a~b/c» forekommer mer enn én gang");
}

TEST_CASE("dataset: a text over the size limit is refused without being parsed") {
    // An untouched anonymous mapping one byte over the limit: readable zeros that take no memory,
    // so the test shows the limit is checked before the text is read.
    const std::size_t size = kMaxDatasetBytes + 1;
    void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    REQUIRE(p != MAP_FAILED);
    DatasetLoad r = load_dataset(std::string_view(static_cast<const char*>(p), size));
    munmap(p, size);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].code == ProblemCode::input_too_large);
    CHECK(r.problems[0].message_nb == "Filen er for stor (1024 MB; høyst 1024 MB)");
}

TEST_CASE("dataset: wrong format or a newer version stops with one clear problem") {
    json j = base();
    j["format"] = "excel";
    j["units"] = 5; // not reported: nothing is read after a wrong format
    DatasetLoad r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/format");
    CHECK(r.problems[0].message_en.find("Not an iadesk dataset") != std::string::npos);

    j = base();
    j.erase("format");
    r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message_en.find("(missing)") != std::string::npos);

    j = base();
    j["version"] = kDatasetFormatVersion + 1;
    r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/version");
    CHECK(r.problems[0].code == ProblemCode::format_newer);
    CHECK(r.problems[0].message_en.find("saved by a newer iadesk (format version " + std::to_string(kDatasetFormatVersion + 1) +
                                        "); this version supports up to version " + std::to_string(kDatasetFormatVersion)) !=
          std::string::npos);
    CHECK(r.problems[0].message_nb.find("oppdater iadesk") != std::string::npos);

    j["version"] = 0;
    r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message_en.find("Invalid format version 0") != std::string::npos);

    j["version"] = "1";
    r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message_en == "Must be an integer (was string)");
}

TEST_CASE("dataset: a bare header reports each missing required member") {
    DatasetLoad r = load_dataset(R"({"format":"iadesk","version":1})");
    CHECK(find(r, "/organisation") != nullptr);
    CHECK(find(r, "/units") != nullptr);
    CHECK(find(r, "/employees") != nullptr);
    CHECK(r.problems.size() == 3);
}

TEST_CASE("validate_dataset: in-memory checks (sorted employment, date range, references)") {
    Dataset ds = sample();
    CHECK(validate_dataset(ds).empty());
    std::swap(ds.employees[0].employment[0], ds.employees[0].employment[1]);
    ds.absences[0].from = d(1850, 1, 1);
    ds.absences[1].employee = "E3";
    auto problems = validate_dataset(ds);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].pointer == "/employees/0/employment/1/from");
    CHECK(problems[0].message_en == "Employment periods must be sorted by start date");
    CHECK(problems[1].pointer == "/absences/0/from");
    CHECK(problems[2].pointer == "/absences/1/employee");
}

TEST_CASE("dataset: open employment followed by another period overlaps") {
    json j = base();
    j["employees"][1]["employment"].push_back({{"from", "2024-01-01"}, {"to", nullptr}, {"percent", 50}});
    DatasetLoad r = load(j);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/employees/1/employment/1");
    CHECK(r.problems[0].message_nb == "Arbeidsforholdet 01.01.2024–(åpen) overlapper med 01.08.2019–(åpen)");
}

TEST_CASE("dataset: a save in steps gives the same bytes as one save, and each step writes at most its budget of records") {
    GenerateOptions g;
    g.employees = 800;
    g.seed = 7;
    g.today = Date::from_ymd(2026, 11, 24);
    Dataset ds = generate_dataset(g);
    ds.change_log.push_back({1795000000, "hr", "Endret organisasjonsnavn"});
    const std::size_t records = ds.employees.size() + ds.absences.size() + ds.milestone_events.size();
    for (int indent : {-1, 1}) {
        for (std::size_t budget : {std::size_t{1}, std::size_t{97}, std::size_t{5000}}) {
            DatasetSaver saver(ds, indent);
            std::size_t steps = 0;
            double last = -1;
            std::string joined; // taken a piece a step, as the app's autosave appends them to a file
            while (!saver.step(budget)) {
                ++steps;
                if (steps % 2) joined += saver.take(); // and left in the saver on other steps
                CHECK(saver.progress() > last); // every step moves on
                last = saver.progress();
                REQUIRE(steps <= records / budget + 4);
            }
            CHECK(steps >= records / budget - 1); // no step wrote more than its budget (give or take the array ends)
            CHECK(saver.done());
            joined += saver.take();
            CHECK(saver.take().empty()); // nothing twice
            const bool same = joined == save_dataset(ds, indent); // (not CHECK(a == b): megabytes in a failure message)
            CHECK(same);
        }
    }
}
