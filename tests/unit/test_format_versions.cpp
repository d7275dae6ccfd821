// Format versions (docs/reliability.md "Format versions"): fixtures of every dataset
// format version live in tests/fixtures/dataset-v<N>/ and must keep loading, with the same
// content, in every later iadesk. A fixture is never edited once committed: a new version gets a
// new folder, and the older folders stay to test its migration.
#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace iadesk;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(IADESK_SOURCE_DIR) / "tests" / "fixtures";

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << p.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Dataset load_fixture(const std::string& rel) {
    DatasetLoad r = load_dataset(read(kFixtures / rel));
    for (const DatasetProblem& p : r.problems) MESSAGE(rel << ": " << p.pointer << ": " << p.message_en);
    REQUIRE(r.ok());
    return *r.dataset;
}

std::vector<fs::path> json_files(const fs::path& dir) {
    std::vector<fs::path> out;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

Date d(int y, int m, int day) { return Date::from_ymd(y, m, day); }

} // namespace

TEST_CASE("format versions: a fixture folder for every version up to the current, and each fixture loads") {
    for (int v = 1; v <= kDatasetFormatVersion; ++v) {
        const fs::path dir = kFixtures / ("dataset-v" + std::to_string(v));
        const auto files = json_files(dir);
        CHECK_MESSAGE(!files.empty(), "no fixtures in " << dir.string());
        for (const fs::path& f : files) {
            DatasetLoad r = load_dataset(read(f));
            for (const DatasetProblem& p : r.problems) MESSAGE(f.filename().string() << ": " << p.pointer << ": " << p.message_en);
            CHECK_MESSAGE(r.ok(), f.string());
            if (!r.ok()) continue;
            // Whatever version it was written in, it saves in the current one, and that reloads.
            const std::string saved = save_dataset(*r.dataset);
            CHECK(saved.find("\"version\": " + std::to_string(kDatasetFormatVersion)) != std::string::npos);
            DatasetLoad again = load_dataset(saved);
            REQUIRE(again.ok());
            CHECK(save_dataset(*again.dataset) == saved);
        }
    }
    // No fixture folder for a version this iadesk does not know yet.
    CHECK_FALSE(fs::exists(kFixtures / ("dataset-v" + std::to_string(kDatasetFormatVersion + 1))));
}

TEST_CASE("format versions: v1 minimal.json") {
    const Dataset ds = load_fixture("dataset-v1/minimal.json");
    CHECK(ds.organisation.name == "Lille AS");
    CHECK(ds.organisation.orgnr == "940123453");
    CHECK_FALSE(ds.organisation.ia_agreement); // absent flags default to false
    CHECK_FALSE(ds.organisation.own_bht);
    CHECK(ds.units.empty());
    CHECK(ds.employees.empty());
    CHECK(ds.absences.empty());          // "absences" and "milestone_events" may be absent
    CHECK(ds.milestone_events.empty());
}

TEST_CASE("format versions: v1 every-field.json, field by field") {
    const Dataset ds = load_fixture("dataset-v1/every-field.json");
    // Unknown members ("written_by", "extra") are ignored.
    CHECK(ds.organisation.name == "Fjordvik kommune – Ås og Ørsta");
    CHECK(ds.organisation.ia_agreement);
    CHECK_FALSE(ds.organisation.own_bht);

    REQUIRE(ds.units.size() == 2);
    CHECK(ds.units[1].id == "U/2~");
    CHECK(ds.units[1].name == "Skole \"Vest\"");

    REQUIRE(ds.employees.size() == 3);
    const Employee& e1 = ds.employees[0];
    CHECK(e1.birth_year == 1975);
    REQUIRE(e1.employment.size() == 2);
    // Periods are sorted by `from` on load, whatever the file's order.
    CHECK(e1.employment[0].from == d(2015, 3, 1));
    CHECK(e1.employment[0].to == d(2025, 12, 31));
    CHECK(e1.employment[0].percent == 100);
    CHECK(e1.employment[1].from == d(2026, 1, 1));
    CHECK_FALSE(e1.employment[1].to.has_value());
    CHECK(e1.employment[1].percent == 37.5);
    const Employee& e2 = ds.employees[1];
    CHECK(e2.name == "Åse Ødegård");
    CHECK(e2.unit == "U/2~");
    CHECK_FALSE(e2.birth_year.has_value()); // null
    REQUIRE(e2.employment.size() == 1);
    CHECK(e2.employment[0].from == d(2024, 2, 29));
    CHECK_FALSE(e2.employment[0].to.has_value()); // absent "to"
    CHECK_FALSE(ds.employees[2].birth_year.has_value()); // absent

    REQUIRE(ds.absences.size() == 4);
    CHECK(ds.absences[0].kind == AbsenceKind::sykmelding);
    CHECK(ds.absences[0].from == d(2026, 1, 5));
    CHECK_FALSE(ds.absences[0].to.has_value());
    CHECK(ds.absences[1].kind == AbsenceKind::egenmelding);
    CHECK(ds.absences[1].grade == 100); // absent grade: 100
    CHECK(ds.absences[1].to == d(2025, 11, 4));
    CHECK(ds.absences[2].grade == 50);  // written 50.0
    CHECK(ds.absences[3].grade == 20);
    CHECK_FALSE(ds.absences[3].to.has_value());

    REQUIRE(ds.milestone_events.size() == 3);
    const MilestoneEvent& m0 = ds.milestone_events[0];
    CHECK(m0.employee == "E1");
    CHECK(m0.case_start == d(2026, 1, 5));
    CHECK(m0.milestone == "oppfolgingsplan");
    CHECK(m0.status == EventStatus::done);
    CHECK(m0.date == d(2026, 1, 28));
    CHECK(m0.note == "Plan sendt sykmelder");
    CHECK(ds.milestone_events[1].status == EventStatus::exempt);
    CHECK(ds.milestone_events[1].note == "åpenbart unødvendig");
    CHECK(ds.milestone_events[2].note.empty()); // absent note
}

TEST_CASE("format versions: v1 canonical-generated.json is byte-for-byte the canonical form") {
    // Written by `iadesk generate --employees 6 --seed 3 --today 2026-11-24`: the canonical form of
    // v1. If this fails, save_dataset changed its output: either that is a format change (a new
    // version, docs/reliability.md) or the change is a mistake.
    const std::string bytes = read(kFixtures / "dataset-v1/canonical-generated.json");
    DatasetLoad r = load_dataset(bytes);
    REQUIRE(r.ok());
    CHECK(r.dataset->units.size() == 1);
    CHECK(r.dataset->employees.size() == 6);
    CHECK(r.dataset->absences.size() == 55);
    CHECK(r.dataset->milestone_events.size() == 2);
    CHECK(r.dataset->employees[0].name == "Maria Andersen");
    // Saved now it is the same text in the current version: only the version number differs (v2
    // added members that are written only when set).
    std::string as_current = bytes;
    const std::string v1 = "\"version\": 1,", vc = "\"version\": " + std::to_string(kDatasetFormatVersion) + ",";
    REQUIRE(as_current.find(v1) != std::string::npos);
    as_current.replace(as_current.find(v1), v1.size(), vc);
    CHECK(save_dataset(*r.dataset) == as_current);
}

TEST_CASE("format versions: v2 canonical-generated.json saves as the same text in the current version") {
    // Written by `iadesk generate --employees 6 --seed 3 --today 2026-11-24` in version 2. Version 3
    // added members that are written only when set, so only the version number differs.
    const std::string bytes = read(kFixtures / "dataset-v2/canonical-generated.json");
    DatasetLoad r = load_dataset(bytes);
    REQUIRE(r.ok());
    CHECK(r.dataset->employees.size() == 6);
    std::string as_current = bytes;
    const std::string v2 = "\"version\": 2,", vc = "\"version\": " + std::to_string(kDatasetFormatVersion) + ",";
    REQUIRE(as_current.find(v2) != std::string::npos);
    as_current.replace(as_current.find(v2), v2.size(), vc);
    CHECK(save_dataset(*r.dataset) == as_current);
}

TEST_CASE("format versions: v3 every-field.json, the members version 3 added") {
    const Dataset ds = load_fixture("dataset-v3/every-field.json");
    CHECK(ds.organisation.email == "oppfolging@fjordvik.kommune.no");
    REQUIRE(ds.units.size() == 2);
    CHECK(ds.units[0].closed == d(2026, 3, 1));
    CHECK_FALSE(ds.units[1].closed.has_value()); // absent: in use
    REQUIRE(ds.employees.size() == 2);
    REQUIRE(ds.employees[0].earlier_units.size() == 1);
    CHECK(ds.employees[0].earlier_units[0].unit == "U1");
    CHECK(ds.employees[0].earlier_units[0].until == d(2026, 2, 28));
    CHECK(ds.employees[1].earlier_units.empty());
    REQUIRE(ds.milestone_events.size() == 1);
    CHECK(ds.milestone_events[0].participants == "Kari Nordmann, leder Per Berg, BHT");
    // Written back as they were read.
    const std::string saved = save_dataset(ds);
    CHECK(saved.find(R"("email": "oppfolging@fjordvik.kommune.no")") != std::string::npos);
    CHECK(saved.find(R"("closed": "2026-03-01")") != std::string::npos);
    CHECK(saved.find(R"("earlier_units": [{"unit": "U1", "until": "2026-02-28"}])") != std::string::npos);
    CHECK(saved.find(R"("participants": "Kari Nordmann, leder Per Berg, BHT")") != std::string::npos);
}

TEST_CASE("format versions: v3 members are checked") {
    const std::string good = read(kFixtures / "dataset-v3/every-field.json");
    auto problems_with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
        return load_dataset(text).problems;
    };
    const auto email = problems_with(R"("oppfolging@fjordvik.kommune.no")", R"("oppfolging fjordvik.no")");
    REQUIRE(email.size() == 1);
    CHECK(email[0].pointer == "/organisation/email");
    CHECK(email[0].message_nb == "E-postadressen «oppfolging fjordvik.no» ser ikke riktig ut (navn@domene.no, uten mellomrom)");
    const auto closed = problems_with(R"("closed": "2026-03-01")", R"("closed": "2026-02-30")");
    REQUIRE(closed.size() == 1);
    CHECK(closed[0].pointer == "/units/0/closed");
    const auto history = problems_with(R"({"unit": "U1", "until")", R"({"unit": "U9", "until")");
    REQUIRE(history.size() == 1);
    CHECK(history[0].pointer == "/employees/0/earlier_units/0/unit");
}

TEST_CASE("format versions: v2 every-field.json, the members version 2 added") {
    const Dataset ds = load_fixture("dataset-v2/every-field.json");
    REQUIRE(ds.organisation.egenmelding.has_value());
    const EgenmeldingRule& rule = *ds.organisation.egenmelding;
    CHECK(rule.days_at_a_time == 8);
    CHECK_FALSE(rule.times_per_12_months.has_value()); // null: no limit by times
    CHECK(rule.days_per_12_months == 24);
    CHECK(rule.agreed_from == d(2024, 1, 1));
    REQUIRE(ds.employees.size() == 2);
    CHECK(ds.employees[0].birth_date == d(1958, 3, 14));
    CHECK(ds.employees[0].birth_year == 1958);
    CHECK_FALSE(ds.employees[1].birth_date.has_value()); // absent
    // Synthetic (month + 80) 148358 496 k1 k2 by hand: 267 mod 11 = 3 -> k1 8; 224 mod 11 = 4 -> k2 7.
    CHECK(ds.employees[0].national_id == "14835849687");
    CHECK(ds.employees[1].national_id.empty());
    // Written back as they were read.
    const std::string saved = save_dataset(ds);
    CHECK(saved.find("\"birth_date\": \"1958-03-14\"") != std::string::npos);
    CHECK(saved.find("\"national_id\": \"14835849687\"") != std::string::npos);
    CHECK(saved.find("\"egenmelding\": {\"days_at_a_time\": 8, \"times_per_12_months\": null, \"days_per_12_months\": 24, "
                     "\"agreed_from\": \"2024-01-01\"}") != std::string::npos);
}

TEST_CASE("format versions: v2 members are checked") {
    const std::string good = read(kFixtures / "dataset-v2/every-field.json");
    auto load_with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
        return load_dataset(text);
    };
    DatasetLoad year = load_with("\"birth_date\": \"1958-03-14\"", "\"birth_date\": \"1959-03-14\"");
    REQUIRE(year.problems.size() == 1);
    CHECK(year.problems[0].pointer == "/employees/0/birth_date");
    CHECK(year.problems[0].message_nb == "Fødselsdatoen 14.03.1959 passer ikke med fødselsåret 1958");
    DatasetLoad days = load_with("\"days_at_a_time\": 8", "\"days_at_a_time\": 17");
    REQUIRE(days.problems.size() == 1);
    CHECK(days.problems[0].pointer == "/organisation/egenmelding/days_at_a_time");
    CHECK(days.problems[0].code == ProblemCode::egenmelding_days);
    DatasetLoad none = load_with("\"days_per_12_months\": 24", "\"days_per_12_months\": null");
    REQUIRE(none.problems.size() == 1);
    CHECK(none.problems[0].code == ProblemCode::egenmelding_no_limit);
}

TEST_CASE("format versions: versions outside 1..current are refused at /version, nothing else read") {
    const std::string rest = R"(, "organisation": {"name": "x", "orgnr": "1"}, "units": 5})";
    const std::vector<std::string> versions = {"0", "-1", std::to_string(kDatasetFormatVersion + 1), "\"1\"", "1.5", "null"};
    for (const std::string& v : versions) {
        CAPTURE(v);
        DatasetLoad r = load_dataset(R"({"format": "iadesk", "version": )" + v + rest);
        CHECK_FALSE(r.ok());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].pointer == "/version");
    }
    DatasetLoad newer = load_dataset(R"({"format": "iadesk", "version": )" + std::to_string(kDatasetFormatVersion + 1) + rest);
    REQUIRE(newer.problems.size() == 1);
    CHECK(newer.problems[0].code == ProblemCode::format_newer);
    CHECK(newer.problems[0].message_en.find("update iadesk") != std::string::npos);
    DatasetLoad missing = load_dataset(R"({"format": "iadesk"})");
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].pointer == "/version");
}

TEST_CASE("format versions: v4 dropout.json, the employment end_reason version 4 added") {
    const std::string text = read(kFixtures / "dataset-v4/dropout.json");
    const Dataset ds = load_fixture("dataset-v4/dropout.json");
    REQUIRE(ds.employees.size() == 21);
    CHECK(ds.employees[2].employment[0].end_reason == EndReason::uforetrygd); // A3
    CHECK(ds.employees[3].employment[0].end_reason == EndReason::aap);        // A4
    CHECK(ds.employees[5].employment[0].end_reason == EndReason::alderspensjon);
    CHECK_FALSE(ds.employees[5].employment[1].end_reason.has_value());        // open, none given
    CHECK_FALSE(ds.employees[9].employment[0].end_reason.has_value());        // A10: ended, none given
    REQUIRE(ds.goals.size() == 1);
    CHECK(ds.goals[0].metric == GoalMetric::dropout);
    // nlohmann's parser reads the same (a NUL byte at the end makes the fast reader decline).
    DatasetLoad slow = load_dataset(text + std::string(1, '\0'));
    REQUIRE(slow.ok());
    CHECK(save_dataset(*slow.dataset) == save_dataset(ds));
    // Round trip: written only when set, read back the same.
    const std::string saved = save_dataset(ds);
    CHECK(saved.find(R"("to": "2025-03-31", "percent": 100, "end_reason": "uforetrygd"})") != std::string::npos);
    CHECK(saved.find(R"("metric": "dropout")") != std::string::npos);
    CHECK(saved.find("\"version\": " + std::to_string(kDatasetFormatVersion) + ",") != std::string::npos);
    DatasetLoad back = load_dataset(saved);
    REQUIRE(back.ok());
    CHECK(save_dataset(*back.dataset) == saved);
    CHECK(back.dataset->employees[8].employment[0].end_reason == EndReason::utdanning); // A9
}

TEST_CASE("format versions: v4 end_reason is checked") {
    const std::string good = read(kFixtures / "dataset-v4/dropout.json");
    auto problems_with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
        return load_dataset(text).problems;
    };
    // Only with an end date: the data is refused as a whole (never half-loaded).
    const auto open = problems_with(R"("to": "2025-03-31", "percent": 100, "end_reason": "uforetrygd")",
                                    R"("to": null, "percent": 100, "end_reason": "uforetrygd")");
    REQUIRE(open.size() == 1);
    CHECK(open[0].pointer == "/employees/2/employment/0/end_reason");
    CHECK(open[0].message_nb == "Sluttårsak kan bare gis når arbeidsforholdet har en sluttdato (Til)");
    CHECK(open[0].message_en == "An end reason can only be given when the employment period has an end date (to)");
    const auto unknown = problems_with(R"("end_reason": "aap")", R"("end_reason": "sykdom")");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].pointer == "/employees/3/employment/0/end_reason");
    CHECK(unknown[0].message_nb == "Ukjent verdi «sykdom» (uforetrygd, aap, alderspensjon, annen_jobb, utdanning, annet)");
    const auto metric = problems_with(R"("metric": "dropout")", R"("metric": "frafall")");
    REQUIRE(metric.size() == 1);
    CHECK(metric[0].pointer == "/goals/0/metric");
}

TEST_CASE("format versions: v4 organisation-bransje.json, the organisation members version 4 added") {
    const Dataset ds = load_fixture("dataset-v4/organisation-bransje.json");
    CHECK(ds.organisation.naeringskode == "88.911");
    CHECK(ds.organisation.naeringskode_standard == IndustryStandard::sn2007);
    CHECK(ds.organisation.sector == Sector::privat);
    CHECK(ds.organisation.bransjeprogram == Bransjeprogram::barnehager);
    // Written back as they were read, and the saved text reloads to the same.
    const std::string saved = save_dataset(ds);
    CHECK(saved.find(R"("naeringskode": "88.911", "naeringskode_standard": "SN2007", "sector": "privat", "bransjeprogram": "barnehager")") !=
          std::string::npos);
    DatasetLoad again = load_dataset(saved);
    REQUIRE(again.ok());
    CHECK(again.dataset->organisation.bransjeprogram == Bransjeprogram::barnehager);
    CHECK(save_dataset(*again.dataset) == saved);
    // A v3 document has none of them: defaults, and none is written.
    const Dataset v3 = load_fixture("dataset-v3/every-field.json");
    CHECK(v3.organisation.naeringskode.empty());
    CHECK(v3.organisation.sector == Sector::unset);
    CHECK(v3.organisation.bransjeprogram == Bransjeprogram::none);
    const std::string v3_saved = save_dataset(v3);
    CHECK(v3_saved.find("naeringskode") == std::string::npos);
    CHECK(v3_saved.find("\"sector\"") == std::string::npos);
    CHECK(v3_saved.find("bransjeprogram") == std::string::npos);
}

TEST_CASE("format versions: v4 members are checked, each problem naming its field") {
    const std::string good = read(kFixtures / "dataset-v4/organisation-bransje.json");
    auto problems_with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
        DatasetLoad r = load_dataset(text);
        CHECK_FALSE(r.ok());
        return r.problems;
    };
    const auto code = problems_with(R"("88.911")", R"("88911")");
    REQUIRE(code.size() == 1);
    CHECK(code[0].pointer == "/organisation/naeringskode");
    CHECK(code[0].code == ProblemCode::naeringskode_invalid);
    CHECK(code[0].message_nb.find("«88911»") != std::string::npos);
    CHECK(code[0].message_nb.find("NN.NNN") != std::string::npos);
    const auto standard = problems_with(R"("SN2007")", R"("SN94")");
    REQUIRE(standard.size() == 1);
    CHECK(standard[0].pointer == "/organisation/naeringskode_standard");
    CHECK(standard[0].message_en.find("SN2007, SN2025") != std::string::npos);
    const auto sector = problems_with(R"("privat")", R"("offentlig")");
    REQUIRE(sector.size() == 1);
    CHECK(sector[0].pointer == "/organisation/sector");
    CHECK(sector[0].message_nb.find("«offentlig»") != std::string::npos);
    const auto bransje = problems_with(R"("barnehager")", R"("skole")");
    REQUIRE(bransje.size() == 1);
    CHECK(bransje[0].pointer == "/organisation/bransjeprogram");
    const auto type = problems_with(R"("88.911")", "88911");
    REQUIRE(type.size() == 1);
    CHECK(type[0].pointer == "/organisation/naeringskode");
}
