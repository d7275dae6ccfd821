// Unit tests of the IA half-year report texts and the tillitsvalgt's sign-off (half_year.hpp;
// sintef-ia-2013 kap. 2.3.1): the dataset format (load, save, validate, problems by JSON pointer), the
// commands with undo, and the role rules (HR writes, only the tillitsvalgt signs).
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"
#include "iadesk/goal_commands.hpp"
#include "iadesk/half_year.hpp"

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace iadesk;

namespace {

using testing::ymd;

const std::string kFixtureText = read_text(std::string(IADESK_SOURCE_DIR) + "/tests/fixtures/goals/goals.json");

Dataset fixture() {
    DatasetLoad l = load_dataset(kFixtureText);
    REQUIRE(l.ok());
    return std::move(*l.dataset);
}

// The fixture with `from` replaced by `to` (once), loaded.
DatasetLoad load_with(const std::string& from, const std::string& to) { return load_with_replaced(kFixtureText, from, to); }

HalfYearReport texts(int year, int half, std::string experience) {
    HalfYearReport r;
    r.year = year;
    r.half = half;
    r.key_experience = std::move(experience);
    return r;
}

const Role kHr = Role::hr();
const Role kTv = Role::tillitsvalgt();

} // namespace

TEST_CASE("half-year store: the fixture's texts and sign-off load and round-trip exactly") {
    Dataset ds = fixture();
    REQUIRE(ds.half_year_reports.size() == 1);
    const HalfYearReport& r = ds.half_year_reports[0];
    CHECK(r.year == 2026);
    CHECK(r.half == 1);
    CHECK(r.key_experience == "Faste ledersamlinger gir bedre tilrettelegging.");
    CHECK(r.deviations.find("Nettkurset") == 0);
    CHECK(r.successful_activity == "A2");
    REQUIRE(r.signed_off);
    CHECK(r.signed_off->name == "Kari Fagforbundet");
    CHECK(r.signed_off->date == ymd(2026, 8, 20));
    const std::string once = save_dataset(ds);
    CHECK(once.find("\"half_year_reports\"") != std::string::npos);
    DatasetLoad again = load_dataset(once);
    REQUIRE(again.ok());
    CHECK(save_dataset(*again.dataset) == once);
    CHECK(save_dataset(*again.dataset, -1) == save_dataset(ds, -1));
    CHECK(validate_dataset(ds).empty());
    // Without reports the member is not written (older files save unchanged).
    ds.half_year_reports.clear();
    CHECK(save_dataset(ds).find("half_year_reports") == std::string::npos);
}

TEST_CASE("half-year store: periods are sorted on load, an unsigned report saves signed_off null") {
    DatasetLoad l = load_with("\"half_year_reports\": [",
                              "\"half_year_reports\": [{\"year\": 2026, \"half\": 2, \"key_experience\": \"Høst\", \"signed_off\": null},");
    REQUIRE(l.ok());
    REQUIRE(l.dataset->half_year_reports.size() == 2);
    CHECK(l.dataset->half_year_reports[0].half == 1);
    CHECK(l.dataset->half_year_reports[1].key_experience == "Høst");
    CHECK_FALSE(l.dataset->half_year_reports[1].signed_off);
    CHECK(save_dataset(*l.dataset).find("\"signed_off\": null") != std::string::npos);
}

TEST_CASE("half-year store: bad input is refused with the field named") {
    auto l = load_with("\"successful_activity\": \"A2\"", "\"successful_activity\": \"A99\"");
    CHECK_FALSE(l.ok());
    check_reported(l, "/half_year_reports/0/successful_activity", "Ukjent aktivitet «A99»");

    check_reported(load_with("\"half\": 1", "\"half\": 3"), "/half_year_reports/0/half", "var 3");
    l = load_with("\"year\": 2026, \"half\"", "\"year\": 1800, \"half\"");
    CHECK(problem_at(l.problems, "/half_year_reports/0/year"));
    l = load_with("\"year\": 2026, \"half\"", "\"year\": \"2026\", \"half\"");
    CHECK(problem_at(l.problems, "/half_year_reports/0/year"));
    CHECK(l.problems.size() == 1); // one mistake, one problem
    l = load_with("\"date\": \"2026-08-20\"", "\"date\": \"2026-02-30\"");
    CHECK(problem_at(l.problems, "/half_year_reports/0/signed_off/date"));
    l = load_with("\"name\": \"Kari Fagforbundet\"", "\"name\": \"  \"");
    CHECK(problem_at(l.problems, "/half_year_reports/0/signed_off/name"));
    check_reported(load_with("\"key_experience\": \"Faste", "\"key_experience\": \"" + std::string(10001, 'x') + "\", \"x\": \""),
                   "/half_year_reports/0/key_experience", "for lang");
    check_reported(load_with("\"half_year_reports\": [", "\"half_year_reports\": [{\"year\": 2026, \"half\": 1},"),
                   "/half_year_reports/1/half", "er registrert to ganger (/half_year_reports/0)");
    l = load_with("\"half_year_reports\": [", "\"half_year_reports\": [7, ");
    CHECK(problem_at(l.problems, "/half_year_reports/0"));
}

TEST_CASE("half-year commands: HR writes the texts, checked by field, undo restores exactly") {
    Document doc;
    doc.reset(fixture());
    const Dataset before = doc.data;
    HalfYearReport t = texts(2026, 2, "Samlingene virker.");
    t.deviations = "Samling 3 ble utsatt.";
    t.successful_activity = "A1";
    t.successful_text = "God deltakelse.";
    CommandResult r = set_half_year_texts(doc.data, kHr, t);
    REQUIRE(r.ok());
    doc.apply(std::move(*r.command));
    REQUIRE(doc.data.half_year_reports.size() == 2);
    const HalfYearReport* s = find_half_year(doc.data, 2026, 2);
    REQUIRE(s);
    CHECK(s->deviations == "Samling 3 ble utsatt.");
    CHECK(s->successful_activity == "A1");
    CHECK_FALSE(s->signed_off);
    CHECK(doc.data.half_year_reports[1].half == 2); // kept in (year, half) order
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(data_bytes(doc.data) == data_bytes(before));

    t.successful_activity = "A99";
    CHECK(has_field(set_half_year_texts(doc.data, kHr, t).problems, "successful_activity"));
    t.successful_activity.clear();
    t.half = 0;
    CHECK(has_field(set_half_year_texts(doc.data, kHr, t).problems, "half"));
    t.half = 2;
    t.year = 3000;
    CHECK(has_field(set_half_year_texts(doc.data, kHr, t).problems, "year"));
    t.year = 2026;
    t.successful_text = std::string(10001, 'x');
    CommandResult too_long = set_half_year_texts(doc.data, kHr, t);
    CHECK_FALSE(too_long.ok());
    CHECK(has_field(too_long.problems, "successful_text"));
}

TEST_CASE("half-year commands: emptying every text of an unsigned period removes it") {
    Dataset ds = fixture();
    CommandResult add = set_half_year_texts(ds, kHr, texts(2025, 2, "Noe"));
    REQUIRE(add.ok());
    add.command->apply(ds);
    CHECK(ds.half_year_reports.size() == 2);
    CommandResult clear = set_half_year_texts(ds, kHr, texts(2025, 2, ""));
    REQUIRE(clear.ok());
    clear.command->apply(ds);
    CHECK(ds.half_year_reports.size() == 1);
    clear.command->undo(ds);
    CHECK(find_half_year(ds, 2025, 2)->key_experience == "Noe");
}

TEST_CASE("half-year roles: only HR writes, only the tillitsvalgt signs") {
    Dataset ds = fixture();
    const Role others[] = {Role::manager("U1"), Role::employee_of("E01"), kTv};
    for (const Role& role : others) {
        CAPTURE(to_string(role.kind));
        CommandResult r = set_half_year_texts(ds, role, texts(2026, 2, "Tekst"));
        CHECK_FALSE(r.ok());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message_nb == "Bare HR / arbeidsgiver kan skrive halvårsrapporten");
    }
    const Role not_signers[] = {kHr, Role::manager("U1"), Role::employee_of("E01")};
    for (const Role& role : not_signers) {
        CAPTURE(to_string(role.kind));
        CommandResult r = sign_off_half_year(ds, role, 2026, 1, "Ola", ymd(2026, 11, 24));
        CHECK_FALSE(r.ok());
        CHECK(r.problems[0].code == ProblemCode::role_half_year_sign);
        CHECK(r.problems[0].message_nb == "Bare tillitsvalgt kan signere halvårsrapporten eller trekke signeringen tilbake");
        CHECK_FALSE(withdraw_half_year_sign_off(ds, role, 2026, 1).ok());
    }
    CHECK(may_sign_off_half_year(kTv));
    CHECK_FALSE(may_write_half_year(kTv));
}

TEST_CASE("half-year sign-off: recorded with name and date, undone, withdrawn") {
    Document doc;
    doc.reset(fixture());
    CommandResult bad = sign_off_half_year(doc.data, kTv, 2026, 2, " ", ymd(2026, 11, 24));
    CHECK(has_field(bad.problems, "signed_off/name"));
    CommandResult r = sign_off_half_year(doc.data, kTv, 2026, 2, "Per Tillitsvalgt", ymd(2026, 11, 24));
    REQUIRE(r.ok());
    CHECK(r.command->description == "Halvårsrapporten for 2. halvår 2026 gjennomgått med tillitsvalgt Per Tillitsvalgt");
    doc.apply(std::move(*r.command));
    const HalfYearReport* s = find_half_year(doc.data, 2026, 2);
    REQUIRE(s);
    REQUIRE(s->signed_off);
    CHECK(s->signed_off->name == "Per Tillitsvalgt");
    CHECK(s->signed_off->date == ymd(2026, 11, 24));
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK_FALSE(find_half_year(doc.data, 2026, 2));

    CommandResult w = withdraw_half_year_sign_off(doc.data, kTv, 2026, 1);
    REQUIRE(w.ok());
    doc.apply(std::move(*w.command));
    CHECK_FALSE(find_half_year(doc.data, 2026, 1)->signed_off);
    CHECK(find_half_year(doc.data, 2026, 1)->key_experience.size() > 0); // the texts stay
    CHECK(has_field(withdraw_half_year_sign_off(doc.data, kTv, 2026, 1).problems, "signed_off"));
    doc.undo();
    CHECK(find_half_year(doc.data, 2026, 1)->signed_off->name == "Kari Fagforbundet");
}

TEST_CASE("half-year sign-off: changing a text clears it, unchanged texts keep it, undo restores it") {
    Document doc;
    doc.reset(fixture());
    HalfYearReport same = *find_half_year(doc.data, 2026, 1);
    CommandResult keep = set_half_year_texts(doc.data, kHr, same);
    REQUIRE(keep.ok());
    doc.apply(std::move(*keep.command));
    CHECK(find_half_year(doc.data, 2026, 1)->signed_off);

    HalfYearReport changed = same;
    changed.deviations += " Og mer.";
    CommandResult r = set_half_year_texts(doc.data, kHr, changed);
    REQUIRE(r.ok());
    CHECK(r.command->description.find("signeringen til Kari Fagforbundet er fjernet") != std::string::npos);
    doc.apply(std::move(*r.command));
    CHECK_FALSE(find_half_year(doc.data, 2026, 1)->signed_off);
    CHECK(find_half_year(doc.data, 2026, 1)->deviations == changed.deviations);
    doc.undo();
    REQUIRE(find_half_year(doc.data, 2026, 1)->signed_off);
    CHECK(find_half_year(doc.data, 2026, 1)->signed_off->date == ymd(2026, 8, 20));
    CHECK(find_half_year(doc.data, 2026, 1)->deviations == same.deviations);
}

TEST_CASE("half-year: removing the successful activity or its goal unlinks it, keeps the text, undo relinks") {
    Document doc;
    doc.reset(fixture());
    CommandResult r = remove_activity(doc.data, "A2");
    REQUIRE(r.ok());
    doc.apply(std::move(*r.command));
    CHECK(find_half_year(doc.data, 2026, 1)->successful_activity.empty());
    CHECK(find_half_year(doc.data, 2026, 1)->successful_text == "Alle ledere kjente arbeidsplassvurderingen etterpå.");
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(find_half_year(doc.data, 2026, 1)->successful_activity == "A2");
    r = remove_goal(doc.data, "G4");
    REQUIRE(r.ok());
    doc.apply(std::move(*r.command));
    CHECK(find_half_year(doc.data, 2026, 1)->successful_activity.empty());
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(find_half_year(doc.data, 2026, 1)->successful_activity == "A2");
    CHECK(validate_dataset(doc.data).empty());
}
