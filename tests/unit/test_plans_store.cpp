// Unit tests of plans in the dataset format, the plan commands (versions kept, undo exact), the
// milestones completed by plan events, the HTML golden file and the NAV JSON mapping.
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"
#include "iadesk/milestones.hpp"
#include "iadesk/plan_commands.hpp"
#include "iadesk/plans.hpp"

#include "test_util.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

using namespace iadesk;

namespace {

using testing::ymd;

const std::string kExample = std::string(IADESK_SOURCE_DIR) + "/examples/fjordvik-plans.json";

Dataset example() { return testing::load_dataset_file(kExample); }

Dataset small() {
    Dataset ds;
    ds.organisation = {"Fjordvik kommune", "940123453", true, true};
    ds.units = {{"U1", "Sykehjem Nord"}};
    ds.employees = {{"E1", "Kari Nordmann", "U1", {{ymd(2015, 3, 1), std::nullopt, 100}}, 1975}};
    ds.absences = {{"E1", AbsenceKind::sykmelding, ymd(2026, 9, 14), std::nullopt, 100}};
    ds.adjustment_options = {{"A1", "Lettere oppgaver i en periode"}};
    return ds;
}

void apply(Document& doc, CommandResult r) {
    for (const Problem& p : r.problems) MESSAGE(p.field << ": " << p.message_en);
    REQUIRE(r.ok());
    doc.apply(std::move(*r.command));
}

const Milestone& get(const CaseSchedule& s, const std::string& id) {
    return testing::element_with(s.milestones, id, [](const Milestone& m) { return m.rule->id; }, "milestone");
}

} // namespace

TEST_CASE("dataset: the example with plans loads, validates and saves back to the same text") {
    const Dataset ds = example();
    REQUIRE(ds.plans.size() == 2);
    REQUIRE(ds.adjustment_options.size() == 4);
    const Plan& p = ds.plans[0];
    CHECK(p.employee == "E01");
    REQUIRE(p.versions.size() == 2);
    CHECK(p.versions[0].origin == "physical");
    CHECK(p.versions[1].agreed());
    CHECK(p.versions[0].content.tasks[0].feasibility == TaskFeasibility::cannot);
    CHECK(p.versions[1].content.own_measures[1].status == MeasureStatus::gjennomfort);
    CHECK(p.shares.size() == 2);
    CHECK(ds.plans[1].exemption.has_value());
    CHECK(validate_dataset(ds).empty());
    const std::string saved = save_dataset(ds, 1);
    DatasetLoad again = load_dataset(saved);
    REQUIRE(again.dataset.has_value());
    CHECK(save_dataset(*again.dataset, 1) == saved);
    CHECK(save_dataset(*again.dataset, -1) == save_dataset(ds, -1));
}

TEST_CASE("dataset: files without plans load and save unchanged (the members are optional)") {
    const std::string text = read_text(std::string(IADESK_SOURCE_DIR) + "/examples/fjordvik-small.json");
    DatasetLoad l = load_dataset(text);
    REQUIRE(l.dataset.has_value());
    CHECK(l.dataset->plans.empty());
    const std::string saved = save_dataset(*l.dataset, 1);
    CHECK(saved.find("\"plans\"") == std::string::npos);
    CHECK(saved.find("\"adjustment_options\"") == std::string::npos);
}

TEST_CASE("dataset: plan problems are reported with their JSON pointers") {
    nlohmann::json doc = nlohmann::json::parse(read_text(kExample));
    doc["plans"][0]["employee"] = "E99";
    doc["plans"][0]["versions"][1]["number"] = 5;
    doc["plans"][0]["versions"][0]["content"]["tasks"][0]["feasibility"] = "kanskje";
    doc["plans"][0]["versions"][0]["content"]["adjustment_options"][0] = "A77";
    doc["plans"][0]["versions"][0]["content"]["follow_up"] = std::string(2001, 'x');
    doc["plans"][0]["shares"][0]["recipient"] = "naboen";
    doc["plans"][0]["shares"][1]["version"] = 3;
    doc["plans"][1]["exemption"]["reason"] = "";
    doc["plans"][1]["id"] = "P1";
    doc["adjustment_options"][1]["id"] = "A1";
    doc["plans"][0]["case_start"] = "2026-02-30";
    DatasetLoad l = load_dataset(doc.dump());
    CHECK_FALSE(l.dataset.has_value());
    std::vector<std::string> pointers;
    for (const DatasetProblem& p : l.problems) pointers.push_back(p.pointer);
    auto has = [&](const std::string& ptr) { return std::find(pointers.begin(), pointers.end(), ptr) != pointers.end(); };
    CHECK(has("/plans/0/case_start"));
    CHECK(has("/plans/0/versions/0/content/tasks/0/feasibility"));
    CHECK(has("/adjustment_options/1/id"));
    CHECK(has("/plans/0/employee"));
    CHECK(has("/plans/0/versions/1/number"));
    CHECK(has("/plans/0/versions/0/content/adjustment_options/0"));
    CHECK(has("/plans/0/versions/0/content/follow_up"));
    CHECK(has("/plans/0/shares/0/recipient"));
    CHECK(has("/plans/0/shares/1/version"));
    CHECK(has("/plans/1/id"));
    CHECK(has("/plans/1/exemption/reason"));
    // Wrong types.
    nlohmann::json bad = nlohmann::json::parse(read_text(kExample));
    bad["plans"] = {{{"id", 5}, {"employee", "E01"}, {"case_start", "2026-09-14"}, {"versions", "no"}}};
    l = load_dataset(bad.dump());
    CHECK_FALSE(l.dataset.has_value());
    pointers.clear();
    for (const DatasetProblem& p : l.problems) pointers.push_back(p.pointer);
    CHECK(has("/plans/0/id"));
    CHECK(has("/plans/0/versions"));
    bad["plans"] = "none";
    l = load_dataset(bad.dump());
    REQUIRE(l.problems.size() == 1);
    CHECK(l.problems[0].pointer == "/plans");
}

TEST_CASE("commands: a plan from a template, edited, agreed, shared, and an update keeps the earlier version") {
    Document doc;
    doc.data = small();
    const Date s = ymd(2026, 9, 14);
    apply(doc, new_plan_version(doc.data, "E1", s, "office", "Hanne", ymd(2026, 10, 1)));
    REQUIRE(doc.data.plans.size() == 1);
    const std::string id = doc.data.plans[0].id;
    CHECK(id == "P1");
    CHECK(doc.data.plans[0].versions[0].content.tasks[0].description == "Skjermarbeid");
    CHECK(doc.data.plans[0].versions[0].created_by == "Hanne");

    // A second plan for the same case is a new version, refused while the draft is open.
    CommandResult r = new_plan_version(doc.data, "E1", s, "previous", "Hanne", ymd(2026, 10, 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].field == "versions");

    PlanContent c = doc.data.plans[0].versions[0].content;
    c.work_ability = "Kan arbeide fire timer om dagen.";
    c.evaluation_date = ymd(2026, 9, 30); // before today: refused
    r = edit_plan_draft(doc.data, id, c, ymd(2026, 10, 1));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].field == "evaluation_date");
    c.evaluation_date = ymd(2026, 11, 1);
    c.adjustment_options = {"A9"};
    r = edit_plan_draft(doc.data, id, c, ymd(2026, 10, 1));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].field == "adjustment_options/0");
    c.adjustment_options = {"A1"};
    apply(doc, edit_plan_draft(doc.data, id, c, ymd(2026, 10, 1)));

    // Sharing before agreement is refused; agreement needs a manager and no future dates.
    r = log_plan_share(doc.data, id, {ymd(2026, 10, 2), "sykmelder", "papir", 0}, ymd(2026, 10, 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].field == "version");
    r = mark_plan_agreed(doc.data, id, ymd(2026, 10, 3), ymd(2026, 10, 2), "", ymd(2026, 10, 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems.size() == 2);
    CHECK(r.problems[0].field == "agreed_employee");
    CHECK(r.problems[1].field == "manager_name");
    apply(doc, mark_plan_agreed(doc.data, id, ymd(2026, 10, 2), ymd(2026, 10, 2), "Hanne Strand", ymd(2026, 10, 2)));
    CHECK(doc.data.plans[0].versions[0].agreed());

    // An agreed version is read-only.
    r = edit_plan_draft(doc.data, id, c, ymd(2026, 10, 3));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].message_nb == "Versjonen er avtalt og kan ikke endres: lag en ny versjon");
    apply(doc, log_plan_share(doc.data, id, {ymd(2026, 10, 3), "sykmelder", "papir", 0}, ymd(2026, 10, 3)));

    // The update at dialogmøte 1: a new version from the previous one; version 1 stays as it was.
    const PlanVersion v1 = doc.data.plans[0].versions[0];
    apply(doc, new_plan_version(doc.data, "E1", s, "previous", "Ola", ymd(2026, 10, 28)));
    REQUIRE(doc.data.plans[0].versions.size() == 2);
    CHECK(doc.data.plans[0].versions[1].number == 2);
    CHECK(doc.data.plans[0].versions[1].origin == "previous");
    CHECK(doc.data.plans[0].versions[1].created_by == "Ola");
    CHECK_FALSE(doc.data.plans[0].versions[1].agreed());
    CHECK(changed_fields(v1.content, doc.data.plans[0].versions[1].content).empty());
    PlanContent c2 = doc.data.plans[0].versions[1].content;
    c2.work_ability = "Kan arbeide seks timer om dagen.";
    c2.evaluation_date = ymd(2026, 12, 1);
    apply(doc, edit_plan_draft(doc.data, id, c2, ymd(2026, 10, 28)));
    const PlanVersion& kept = doc.data.plans[0].versions[0];
    CHECK(kept.content.work_ability == "Kan arbeide fire timer om dagen.");
    CHECK(kept.agreed_manager == ymd(2026, 10, 2));
    CHECK(kept.created_by == "Hanne");
    CHECK(changed_fields(kept.content, doc.data.plans[0].versions[1].content) ==
          std::vector<std::string>{"work_ability", "evaluation_date"});
    CHECK(validate_dataset(doc.data).empty());

    // Undo restores exactly, step by step, down to no plan at all.
    const std::string before_edit = data_bytes(doc.data, -1);
    doc.undo(); // edit of v2
    CHECK(doc.data.plans[0].versions[1].content.work_ability == "Kan arbeide fire timer om dagen.");
    doc.redo();
    CHECK(data_bytes(doc.data, -1) == before_edit);
    while (doc.can_undo()) doc.undo();
    CHECK(doc.data.plans.empty());
    CHECK(data_bytes(doc.data, -1) == save_dataset(small(), -1));
}

TEST_CASE("commands: exemption and its refusals") {
    Dataset ds = small();
    const Date s = ymd(2026, 9, 14);
    CommandResult r = exempt_plan(ds, "E1", s, "  ", "Hanne", ymd(2026, 10, 1));
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].field == "reason");
    CHECK(exempt_plan(ds, "E9", s, "Grunn", "Hanne", ymd(2026, 10, 1)).problems.at(0).field == "employee");
    Document doc;
    doc.data = ds;
    apply(doc, exempt_plan(doc.data, "E1", s, "Snart tilbake i full jobb", "Hanne", ymd(2026, 10, 1)));
    CHECK(doc.data.plans.at(0).exemption->reason == "Snart tilbake i full jobb");
    CHECK(validate_dataset(doc.data).empty());
    CHECK_FALSE(exempt_plan(doc.data, "E1", s, "Igjen", "Hanne", ymd(2026, 10, 2)).ok());
    CHECK(new_plan_version(doc.data, "E1", s, "", "Hanne", ymd(2026, 10, 2)).problems.at(0).field == "exemption");
    // A case with a plan cannot be exempted.
    Document other;
    other.data = ds;
    apply(other, new_plan_version(other.data, "E1", s, "", "Hanne", ymd(2026, 10, 1)));
    CHECK(exempt_plan(other.data, "E1", s, "Grunn", "Hanne", ymd(2026, 10, 2)).problems.at(0).field == "versions");
    // Unknown template, "previous" without a plan, before the case started.
    CHECK(new_plan_version(ds, "E1", s, "circus", "H", ymd(2026, 10, 1)).problems.at(0).field == "origin");
    CHECK(new_plan_version(ds, "E1", s, "previous", "H", ymd(2026, 10, 1)).problems.at(0).field == "origin");
    CHECK(new_plan_version(ds, "E1", s, "", "H", ymd(2026, 9, 1)).problems.at(0).field == "case_start");
}

TEST_CASE("commands: adjustment options and removing an employee takes the plans along") {
    Document doc;
    doc.data = small();
    apply(doc, add_adjustment_option(doc.data, "Hjemmekontor to dager i uken"));
    CHECK(doc.data.adjustment_options.back().id == "A2");
    apply(doc, update_adjustment_option(doc.data, "A2", "Hjemmekontor tre dager i uken"));
    CHECK(doc.data.adjustment_options.back().text == "Hjemmekontor tre dager i uken");
    CHECK_FALSE(add_adjustment_option(doc.data, " ").ok());
    apply(doc, new_plan_version(doc.data, "E1", ymd(2026, 9, 14), "physical", "H", ymd(2026, 10, 1)));
    const std::string with_plan = data_bytes(doc.data, -1);
    apply(doc, remove_employee(doc.data, "E1"));
    CHECK(doc.data.plans.empty());
    CHECK(validate_dataset(doc.data).empty());
    doc.undo();
    CHECK(data_bytes(doc.data, -1) == with_plan);
}

TEST_CASE("milestones: plan events complete oppfolgingsplan, rapport_nav_9uker and plan_til_nav") {
    const std::vector<RuleSet> sets = builtin_rule_sets();
    auto set = [&](const std::string& id) -> const RuleSet& {
        for (const RuleSet& r : sets)
            if (r.id == id) return r;
        FAIL("no rule set");
        return sets.front();
    };
    Dataset ds = small();
    const Date s = ymd(2026, 9, 14);
    const Date today = ymd(2026, 10, 20);
    std::vector<SicknessCase> cases = build_cases(ds, today);
    REQUIRE(cases.size() == 1);
    CHECK(get(schedule_case(cases[0], set("current"), ds, {}, today), "oppfolgingsplan").status == MilestoneStatus::overdue);

    Plan p;
    p.id = "P1";
    p.employee = "E1";
    p.case_start = s;
    PlanVersion v;
    v.created = ymd(2026, 10, 1);
    v.agreed_employee = v.agreed_manager = ymd(2026, 10, 2);
    p.versions.push_back(v);
    ds.plans.push_back(p);
    // A plan that is only agreed does not complete the milestone: it must reach the sykmelder.
    CHECK(get(schedule_case(cases[0], set("current"), ds, {}, today), "oppfolgingsplan").status == MilestoneStatus::overdue);

    ds.plans[0].shares.push_back({ymd(2026, 10, 5), "sykmelder", "papir", 1});
    CaseSchedule sch = schedule_case(cases[0], set("current"), ds, {}, today);
    const Milestone& op = get(sch, "oppfolgingsplan");
    CHECK(op.status == MilestoneStatus::done);
    REQUIRE(op.event);
    CHECK(op.event->date == ymd(2026, 10, 5));
    CHECK(op.event->note == "Oppfølgingsplan versjon 1 delt med sykmelder (papir)");
    CHECK(get(sch, "plan_til_nav").status == MilestoneStatus::upcoming);

    // The same through schedule_open_cases (what the app and the CLI use); the schedule keeps
    // the derived events alive after the dataset's plan list changes.
    {
        std::vector<CaseSchedule> all = schedule_open_cases(cases, sets, ds, today);
        REQUIRE(all.size() == 1);
        CaseSchedule copy = all[0];
        all.clear();
        CHECK(get(copy, "oppfolgingsplan").status == MilestoneStatus::done);
        CHECK(get(copy, "oppfolgingsplan").event->date == ymd(2026, 10, 5));
    }

    // NAV: the 2011 regime's 9-week report takes the first sharing with NAV, plan_til_nav the latest.
    ds.plans[0].shares.push_back({ymd(2026, 11, 10), "nav", "Altinn", 1});
    ds.plans[0].shares.push_back({ymd(2027, 3, 1), "nav", "Altinn", 1});
    const Date later = ymd(2027, 3, 5);
    cases = build_cases(ds, later);
    sch = schedule_case(cases[0], set("2011"), ds, {}, later);
    CHECK(get(sch, "rapport_nav_9uker").status == MilestoneStatus::done);
    CHECK(get(sch, "rapport_nav_9uker").event->date == ymd(2026, 11, 10));
    CHECK(get(sch, "plan_til_nav").event->date == ymd(2027, 3, 1));
    sch = schedule_case(cases[0], set("current"), ds, {}, later);
    CHECK(get(sch, "plan_til_nav").status == MilestoneStatus::done);

    // A plan of another case does not count.
    ds.plans[0].case_start = s + 1;
    CHECK(get(schedule_case(cases[0], set("current"), ds, {}, later), "plan_til_nav").status != MilestoneStatus::done);

    // Exemption: oppfolgingsplan exempt with the reason.
    ds.plans.clear();
    Plan ex;
    ex.id = "P2";
    ex.employee = "E1";
    ex.case_start = s;
    ex.exemption = PlanExemption{ymd(2026, 10, 1), "Snart tilbake", "H"};
    ds.plans.push_back(ex);
    cases = build_cases(ds, today);
    sch = schedule_case(cases[0], set("current"), ds, {}, today);
    CHECK(get(sch, "oppfolgingsplan").status == MilestoneStatus::exempt);
    CHECK(get(sch, "oppfolgingsplan").event->note == "Åpenbart unødvendig: Snart tilbake");

    // A recorded event later than the plan's wins (latest date), as for recorded events.
    MilestoneEvent rec{"E1", s, "oppfolgingsplan", EventStatus::done, ymd(2026, 10, 10), "Manuelt"};
    sch = schedule_case(cases[0], set("current"), ds, {&rec}, today);
    CHECK(get(sch, "oppfolgingsplan").status == MilestoneStatus::done);
    CHECK(get(sch, "oppfolgingsplan").event == &rec);
}

TEST_CASE("quality score on the example plans") {
    const Dataset ds = example();
    const PlanQuality q = plan_quality(ds.plans[0].versions[1].content);
    CHECK(q.score == 5);
    // A near-empty plan as the reports describe (sintef-ia-2013 kap. 5.9.1): score 1 and the task hint first.
    PlanContent near_empty;
    near_empty.follow_up = "Ok.";
    CHECK(plan_quality(near_empty).score == 1);
    // Tasks and work ability only.
    PlanContent two = ds.plans[0].versions[1].content;
    two.own_measures.clear();
    two.adjustment_options.clear();
    two.other_adjustments.clear();
    two.follow_up.clear();
    two.evaluation_date.reset();
    const PlanQuality q2 = plan_quality(two);
    CHECK(q2.score == 3);
    CHECK(q2.hints.at(0).field == "adjustment_options");
    CHECK(q2.hints.at(1).field == "follow_up");
}

TEST_CASE("HTML output matches the golden file byte for byte") {
    const Dataset ds = example();
    PlanOutputOptions opt;
    opt.today = ymd(2026, 11, 24);
    const std::string html = plan_html(ds, ds.plans[0], opt);
    const std::string golden_path = std::string(IADESK_SOURCE_DIR) + "/tests/golden/plan-E01.html";
    if (std::getenv("IADESK_UPDATE_GOLDEN")) std::ofstream(golden_path, std::ios::binary) << html;
    const std::string golden = read_text(golden_path);
    REQUIRE_FALSE(golden.empty());
    CHECK(html == golden);
    // Structure a screen reader and print-to-PDF rely on.
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"nb\">", 0) == 0);
    CHECK(html.find("@page { size: A4;") != std::string::npos);
    CHECK(html.find("<h1>Oppfølgingsplan</h1>") != std::string::npos);
    CHECK(html.find("<th scope=\"col\">Oppgave</th>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    // Escaping.
    Dataset odd = ds;
    odd.plans[0].versions[1].content.typical_workday = "<b>A & B</b>";
    const std::string h2 = plan_html(odd, odd.plans[0], opt);
    CHECK(h2.find("<p>&lt;b&gt;A &amp; B&lt;/b&gt;</p>") != std::string::npos);
    // An earlier version can be printed; the exemption prints its reason.
    opt.version = 1;
    CHECK(plan_html(ds, ds.plans[0], opt).find("Versjon</dt><dd>1 av 2") != std::string::npos);
    opt.version = 0;
    CHECK(plan_html(ds, ds.plans[1], opt).find("<h2>Unntak: åpenbart unødvendig</h2>") != std::string::npos);
}

TEST_CASE("print: says what the diagnosis check found, never that the plan has no diagnosis") {
    const Dataset ds = example();
    PlanOutputOptions opt;
    opt.today = ymd(2026, 11, 24);
    // The example's plan speaks of tasks, hours and lifts only: nothing to flag.
    const std::string clean_html = plan_html(ds, ds.plans[0], opt);
    CHECK(clean_html.find("<p class=\"lead\">Etter arbeidsmiljøloven § 4-6. Kontrollert for diagnosekoder og diagnoseord: ingen funnet.</p>") !=
          std::string::npos);
    CHECK(clean_html.find("ingen diagnose") == std::string::npos);
    CHECK(clean_html.find("Advarsel") == std::string::npos);
    const std::string clean_text = plan_text(ds, ds.plans[0], opt);
    CHECK(clean_text.find("\nKontrollert for diagnosekoder og diagnoseord: ingen funnet.\n") != std::string::npos);

    // A code in the work ability and a guard word in a task's note of the printed (last) version.
    Dataset odd = ds;
    odd.plans[0].versions[1].content.work_ability = "Sykmeldt for F32, kan arbeide seks timer.";
    odd.plans[0].versions[1].content.tasks[0].note = "Tunge løft går ikke på grunn av prolaps";
    const std::string warning =
        "Advarsel: teksten kan inneholde helseopplysninger (diagnoseord «prolaps» under Arbeidsoppgaver; diagnosekode «F32» "
        "under Arbeidsevne). Arbeidsgiveren skal ikke lagre diagnoser (arbeidsmiljøloven § 4-6, personopplysningsloven og GDPR art. 9).";
    const std::string html = plan_html(odd, odd.plans[0], opt);
    CHECK(html.find("<p class=\"lead\">Etter arbeidsmiljøloven § 4-6.</p>\n<p class=\"warning\">" + warning + "</p>") != std::string::npos);
    CHECK(html.find("ingen funnet") == std::string::npos);
    CHECK(html.find("ingen diagnose") == std::string::npos);
    const std::string text = plan_text(odd, odd.plans[0], opt);
    CHECK(text.find("\n" + warning + "\n") != std::string::npos);
    CHECK(text.find("ingen funnet") == std::string::npos);
    // Version 1 has neither: its print is clean again.
    opt.version = 1;
    CHECK(plan_html(odd, odd.plans[0], opt).find("ingen funnet.</p>") != std::string::npos);

    // The exemption's reason and the sharing log are checked too; the same word twice is named once.
    opt.version = 0;
    Dataset exempt = ds;
    REQUIRE(exempt.plans[1].exemption);
    exempt.plans[1].exemption->reason = "Depresjon, kort fravær. Depresjon.";
    const std::string e = plan_text(exempt, exempt.plans[1], opt);
    CHECK(e.find("Advarsel: teksten kan inneholde helseopplysninger (diagnoseord «Depresjon» under Unntak).") != std::string::npos);
    exempt.plans[0].shares[0].channel = "Sendt med L03-skjema og F32";
    CHECK(plan_text(exempt, exempt.plans[0], opt).find("(diagnosekode «F32» under Delt med)") != std::string::npos);
}

TEST_CASE("NAV JSON: every FollowUpPlanDTO field, in order, mapped as docs/plans.md says, optional ones left out and never null") {
    Dataset ds = example();
    ds.employees[0].national_id = "01819012446"; // E01 (hand-checked mod 11 in test_cases.cpp)
    REQUIRE(ds.plans[0].employee == ds.employees[0].id);
    PlanOutputOptions opt;
    opt.today = ymd(2026, 11, 24);
    NavExportChoices choices;
    choices.send_to_nav = true;
    choices.needs_help_from_nav = true;
    choices.help_description = "Vurdering av gradert sykmelding videre";
    choices.contact_phone = "+47 900 00 000";
    choices.contact_email = "hanne.strand@fjordvik.kommune.no";
    const NavPlanExport exp = plan_nav_export(ds, ds.plans[0], opt, choices);
    REQUIRE(exp.ok());
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(exp.json);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) {
        keys.push_back(it.key());
        CHECK_MESSAGE(!it.value().is_null(), it.key()); // NAV's OpenAPI document marks nothing nullable
    }
    // messageToGeneralPractitioner, employeeHasNotContributedToPlanDescription and lpsEmail have
    // nothing to say here: left out.
    CHECK(keys == std::vector<std::string>{
                      "employeeIdentificationNumber", "typicalWorkday", "tasksThatCanStillBeDone", "tasksThatCanNotBeDone",
                      "previousFacilitation", "plannedFacilitation", "otherFacilitationOptions", "followUp",
                      "evaluationDate", "sendPlanToNav", "needsHelpFromNav", "needsHelpFromNavDescription",
                      "sendPlanToGeneralPractitioner", "additionalInformation", "contactPersonFullName",
                      "contactPersonPhoneNumber", "contactPersonEmail", "employeeHasContributedToPlan", "lpsName"});
    CHECK(j["employeeIdentificationNumber"] == "01819012446");
    CHECK(j["typicalWorkday"] == ds.plans[0].versions[1].content.typical_workday);
    CHECK(j["tasksThatCanStillBeDone"] ==
          "- Medisinutdeling og dokumentasjon\n- Måltider og aktiviteter med beboerne: Sittende arbeid og pauser ved behov (med tilrettelegging)");
    CHECK(j["tasksThatCanNotBeDone"] == "- Morgenstell og forflytning av beboere: Krever tunge løft");
    CHECK(j["previousFacilitation"] == "- Takheis på rom 4 og 7, kollega tar forflytninger (ansvarlig: Avdelingsleder) 12.10.2026–");
    CHECK(j["plannedFacilitation"] ==
          "- Vakter 08.00-14.00 i fire uker, så full dagvakt (ansvarlig: Avdelingsleder) 02.11.2026–27.11.2026");
    CHECK(j["otherFacilitationOptions"] ==
          "- Lettere oppgaver i en periode (for eksempel kjøkken, medisinrom eller administrasjon)\n"
          "- Hjelpemidler: løftestol, takheis, tralle, hev-senk-bord\n"
          "- Arbeidsplassvurdering fra bedriftshelsetjenesten hvis løftene fortsatt er et problem etter fire uker.");
    CHECK(j["followUp"] == "Samtale med avdelingsleder hver fredag. Planen evalueres i dialogmøte 1.");
    CHECK(j["evaluationDate"] == "2026-12-04");
    // The employer's choices, not guessed from the plan's help measures.
    CHECK(j["sendPlanToNav"] == true);
    CHECK(j["needsHelpFromNav"] == true);
    CHECK(j["needsHelpFromNavDescription"] == "Vurdering av gradert sykmelding videre");
    CHECK(j["sendPlanToGeneralPractitioner"] == true);
    CHECK(j["additionalInformation"] ==
          "Vurdering av arbeidsevne: Kan arbeide seks timer om dagen. Lette løft går bra; forflytning av beboere går ikke ennå.");
    CHECK(j["contactPersonFullName"] == "Hanne Strand");
    CHECK(j["contactPersonPhoneNumber"] == "+47 900 00 000");
    CHECK(j["contactPersonEmail"] == "hanne.strand@fjordvik.kommune.no");
    CHECK(j["employeeHasContributedToPlan"] == true);
    CHECK(j["lpsName"] == "iadesk");

    // Not to NAV, no help: needsHelpFromNav is left out (NAV opens a caseworker task only when asked).
    NavExportChoices plain = choices;
    plain.send_to_nav = false;
    plain.needs_help_from_nav = false;
    const auto jp = nlohmann::ordered_json::parse(plan_nav_export(ds, ds.plans[0], opt, plain).json);
    CHECK(jp["sendPlanToNav"] == false);
    CHECK_FALSE(jp.contains("needsHelpFromNav"));
    CHECK_FALSE(jp.contains("needsHelpFromNavDescription"));
    // Version 1.
    opt.version = 1;
    const auto j1 = nlohmann::ordered_json::parse(plan_nav_export(ds, ds.plans[0], opt, plain).json);
    CHECK(j1["evaluationDate"] == "2026-11-02");
    CHECK(j1["previousFacilitation"] == "");
}

TEST_CASE("NAV JSON: a plan NAV would refuse is not written, and every reason names its field") {
    Dataset ds = example();
    PlanOutputOptions opt;
    opt.today = ymd(2026, 11, 24);
    NavExportChoices choices; // nothing filled in
    choices.needs_help_from_nav = true; // but not sent to NAV
    NavPlanExport exp = plan_nav_export(ds, ds.plans[0], opt, choices);
    CHECK_FALSE(exp.ok());
    CHECK(exp.json.empty());
    std::vector<std::string> fields;
    for (const Problem& p : exp.problems) fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"national_id", "contact_phone", "contact_email", "needs_help_from_nav", "help_description"});
    CHECK(exp.problems[0].message_nb ==
          "Fødselsnummeret til " + ds.employees[0].name + " mangler: NAV krever det (HR legger det inn under Ansatte)");
    CHECK(exp.problems[1].message_nb == "Telefonnummeret til kontaktpersonen må fylles ut");
    CHECK(exp.problems[3].message_nb == "Behov for hjelp fra NAV forutsetter at planen sendes til NAV");
    // A wrong fødselsnummer and an unanswered participation.
    ds.employees[0].national_id = "01819012447";
    ds.plans[0].versions[1].content.employee_participated.reset();
    choices = NavExportChoices{};
    choices.contact_phone = "900 00 000";
    choices.contact_email = "leder@example.no";
    exp = plan_nav_export(ds, ds.plans[0], opt, choices);
    fields.clear();
    for (const Problem& p : exp.problems) fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"national_id", "employee_participated"});
    // The exempted case (E03): nothing to send.
    REQUIRE(ds.plans[1].exemption);
    exp = plan_nav_export(ds, ds.plans[1], opt, choices);
    REQUIRE(exp.problems.size() == 1);
    CHECK(exp.problems[0].code == ProblemCode::nav_exempted);
}
