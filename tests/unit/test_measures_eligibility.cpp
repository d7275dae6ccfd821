// Eligibility predicates and suggestions for a case over the shipped catalogue.
// Each example is asserted on both sides, plus the unknown case; the verdict is honest
// (docs/measures.md, Suitability): eligible only when every condition is known to hold, a
// condition without a machine check keeps the measure at unknown ("Kan passe – sjekk: ...").
#include "iadesk/measures.hpp"
#include "../support/shipped_measures.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace iadesk::measures;

namespace {

const Catalogue& cat() { return iadesk::testing::shipped_catalogue(); }

Eligibility eval(const char* id, const EligibilityContext& ctx) {
    const Measure* m = cat().find(id);
    REQUIRE(m != nullptr);
    return evaluate(*m, ctx);
}

// A failed or open condition, or what the case shows or lacks for it, names `word` (bokmål).
bool mentions(const Eligibility& e, const std::string& word) {
    for (const auto* list : {&e.failed, &e.to_check})
        for (const Finding& f : *list)
            if (f.condition.nb.find(word) != std::string::npos || f.detail.nb.find(word) != std::string::npos) return true;
    return false;
}

// The conditions to check, as their bokmål texts.
std::vector<std::string> open_conditions(const Eligibility& e) {
    std::vector<std::string> out;
    for (const Finding& f : e.to_check) out.push_back(f.condition.nb);
    return out;
}

// `id` refuses the case in `ctx`, and a reason in bokmål names `reason`.
void check_refused(const char* id, const EligibilityContext& ctx, const std::string& reason) {
    CAPTURE(id);
    CAPTURE(reason);
    const Eligibility e = eval(id, ctx);
    CHECK(e.verdict == Verdict::not_eligible);
    CHECK(mentions(e, reason));
}

// A sick-listed employee in a case: week and grade as given, the rest stated explicitly.
EligibilityContext sick(int week, int grade) {
    EligibilityContext c;
    c.sick_listed = true;
    c.has_employer = true;
    c.case_week = week;
    c.grade = grade;
    c.months_sick = (week - 1) * 7 / 30;
    return c;
}

// What is known beyond week and grade: a follow-up plan made, own measures tried, own BHT.
struct Known {
    bool followup_plan, own_measures_tried, bht;
};
EligibilityContext sick(int week, int grade, Known known) {
    EligibilityContext c = sick(week, grade);
    c.has_followup_plan = known.followup_plan;
    c.own_measures_tried = known.own_measures_tried;
    c.has_bht = known.bht;
    return c;
}

const Suggestion* find_suggestion(const std::vector<Suggestion>& list, const char* id) {
    for (const auto& s : list)
        if (cat().measures[static_cast<std::size_t>(s.measure)].id == id) return &s;
    return nullptr;
}

} // namespace

TEST_CASE("measures eligibility: Kleene three-valued logic") {
    Check yes{Check::Kind::fact, Fact::has_bht, true, {}, {}, {}};
    Check no{Check::Kind::fact, Fact::ia_member, true, {}, {}, {}};
    Check unknown{Check::Kind::fact, Fact::has_employer, true, {}, {}, {}};
    EligibilityContext ctx;
    ctx.has_bht = true;
    ctx.ia_member = false;
    Check any{Check::Kind::any, Fact::has_bht, {}, {}, {}, {unknown, yes}};
    Check all{Check::Kind::all, Fact::has_bht, {}, {}, {}, {unknown, no}};
    Check all_unknown{Check::Kind::all, Fact::has_bht, {}, {}, {}, {unknown, yes}};
    Check negated{Check::Kind::negate, Fact::has_bht, {}, {}, {}, {no}};
    CHECK(evaluate_check(any, ctx) == Verdict::eligible);
    CHECK(evaluate_check(all, ctx) == Verdict::not_eligible);
    CHECK(evaluate_check(all_unknown, ctx) == Verdict::unknown);
    CHECK(evaluate_check(negated, ctx) == Verdict::eligible);
    CHECK(verdict_id(Verdict::not_eligible) == "not_eligible");
}

TEST_CASE("measures eligibility: arbeidsplassvurdering only without BHT") {
    EligibilityContext ctx = sick(6, 100);
    ctx.has_bht = false;
    CHECK(eval("arbeidsplassvurdering", ctx).verdict == Verdict::eligible);

    ctx.has_bht = true;
    const Eligibility no = eval("arbeidsplassvurdering", ctx);
    CHECK(no.verdict == Verdict::not_eligible);
    REQUIRE(no.failed.size() == 1);
    CHECK(no.failed[0].condition.nb == "Virksomheten har ikke egen bedriftshelsetjeneste og er ikke tilknyttet en fellesordning.");
    CHECK(no.failed[0].detail.nb == "virksomheten har bedriftshelsetjeneste");
    CHECK(no.failed[0].detail.en == "the enterprise has an occupational health service");

    ctx.has_bht.reset();
    const Eligibility unk = eval("arbeidsplassvurdering", ctx);
    CHECK(unk.verdict == Verdict::unknown);
    REQUIRE(unk.to_check.size() == 1);
    CHECK(unk.to_check[0].checkable);
    CHECK(unk.to_check[0].detail.nb == "om virksomheten har bedriftshelsetjeneste (BHT)");
}

TEST_CASE("measures eligibility: the three outcomes, and unchecked conditions are never taken as met") {
    // Passer: reisetilskudd has one condition, checked (sick-listed), and it holds.
    const EligibilityContext ctx = sick(5, 100);
    const Eligibility fits = eval("reisetilskudd", ctx);
    CHECK(fits.verdict == Verdict::eligible);
    CHECK(fits.failed.empty());
    CHECK(fits.to_check.empty());

    // Kan passe: gradert sykmelding's checked condition holds, but "enough productive tasks" has
    // no machine check, so it must be checked by hand and the measure only may fit.
    const Eligibility maybe = eval("gradert_sykmelding", ctx);
    CHECK(maybe.verdict == Verdict::unknown);
    CHECK(maybe.checked == Verdict::eligible);
    CHECK(open_conditions(maybe) == std::vector<std::string>{"Arbeidsgiveren har nok produktive oppgaver tilsvarende frisk-andelen."});
    CHECK_FALSE(maybe.to_check[0].checkable);
    CHECK(maybe.to_check[0].detail.nb.empty());

    // Passer ikke: kompetansetiltak in week 40 fails its week condition; the unchecked condition
    // does not soften a failure.
    EligibilityContext late = sick(40, 100);
    late.own_measures_tried = true;
    const Eligibility no = eval("kompetansetiltak_sykmeldte", late);
    CHECK(no.verdict == Verdict::not_eligible);
    REQUIRE(no.failed.size() == 1);
    CHECK(no.failed[0].condition.nb == "Mellom 12 og 26 ukers sykefravær i inneværende sykmeldingsperiode.");
    CHECK(no.failed[0].detail.nb == "uke 40 av sykefraværet");

    // A current measure whose sources name no conditions fits (nothing to check); a historic one,
    // today, does not.
    const Eligibility open = eval("karriereveiledning", ctx);
    CHECK(open.verdict == Verdict::eligible);
    const Eligibility closed = eval("tilretteleggingstilskudd", ctx);
    CHECK(closed.verdict == Verdict::not_eligible);
    REQUIRE(closed.failed.size() == 1);
    CHECK(closed.failed[0].condition.nb == "Historisk ordning, gjaldt til 31.12.2018");
}

TEST_CASE("measures eligibility: arbeidsrettet rehabilitering needs a follow-up plan and own measures tried") {
    EligibilityContext ctx = sick(10, 100);
    ctx.has_followup_plan = true;
    ctx.own_measures_tried = true;
    CHECK(eval("arbeidsrettet_rehabilitering", ctx).verdict == Verdict::eligible);

    ctx.has_followup_plan = false;
    check_refused("arbeidsrettet_rehabilitering", ctx, "oppfølgingsplan");

    ctx.has_followup_plan = true;
    ctx.own_measures_tried = false;
    check_refused("arbeidsrettet_rehabilitering", ctx, "egen regi");

    ctx.own_measures_tried.reset();
    const Eligibility unk = eval("arbeidsrettet_rehabilitering", ctx);
    CHECK(unk.verdict == Verdict::unknown);
    CHECK(mentions(unk, "om tiltak i egen regi er vurdert eller prøvd"));
}

TEST_CASE("measures eligibility: Raskere tilbake ended with 2017 and names what replaced it") {
    EligibilityContext ctx = sick(10, 100);
    ctx.has_followup_plan = true;
    ctx.own_measures_tried = true;
    for (const char* id : {"raskere_tilbake_avklaring", "raskere_tilbake_oppfolging"}) {
        INFO(id);
        ctx.today.clear();
        check_refused(id, ctx, "Historisk ordning, gjaldt til 31.12.2017");
        ctx.today = "2018-01-01";
        check_refused(id, ctx, "Historisk ordning");
        // In force in 2015: every condition is checked, and with plan and own measures tried it fits.
        ctx.today = "2015-03-01";
        CHECK(eval(id, ctx).verdict == Verdict::eligible);
        ctx.has_followup_plan = false;
        check_refused(id, ctx, "oppfølgingsplan");
        ctx.has_followup_plan = true;
    }
    const Measure& avk = *cat().find("raskere_tilbake_avklaring");
    CHECK(avk.replaced_by == std::vector<std::string>{"avklaring", "oppfolgingstiltak", "arbeidsrettet_rehabilitering"});
    for (const auto& id : avk.replaced_by) CHECK(cat().find(id)->current);
}

TEST_CASE("measures eligibility: kompetansetiltak for 100 % sick-listed in weeks 12-26") {
    EligibilityContext ctx = sick(14, 100);
    ctx.own_measures_tried = true;
    // Every checked condition holds; "completed within the sick-pay period" has no check, so the
    // measure may fit and that condition is to check.
    const Eligibility e = eval("kompetansetiltak_sykmeldte", ctx);
    CHECK(e.checked == Verdict::eligible);
    CHECK(e.verdict == Verdict::unknown);
    CHECK(open_conditions(e) == std::vector<std::string>{"Tiltaket fullføres som hovedregel innenfor sykepengeperioden (unntak fra mai 2021)."});
    for (int week : {12, 26}) {
        ctx.case_week = week;
        CHECK(eval("kompetansetiltak_sykmeldte", ctx).checked == Verdict::eligible);
    }
    for (int week : {11, 27, 40}) {
        ctx.case_week = week;
        check_refused("kompetansetiltak_sykmeldte", ctx, "uke " + std::to_string(week));
    }
    ctx.case_week = 14;
    ctx.grade = 60;
    check_refused("kompetansetiltak_sykmeldte", ctx, "60 % sykmeldt");
    ctx.grade.reset();
    const Eligibility unk = eval("kompetansetiltak_sykmeldte", ctx);
    CHECK(unk.verdict == Verdict::unknown);
    CHECK(unk.checked == Verdict::unknown);
    CHECK(mentions(unk, "sykmeldingsgraden"));
}

TEST_CASE("measures eligibility: midlertidig lønnstilskudd after 12 months of sick leave") {
    EligibilityContext ctx;
    ctx.has_employer = true;
    ctx.sick_listed = true;
    ctx.months_sick = 12;
    CHECK(eval("midlertidig_lonnstilskudd", ctx).checked == Verdict::eligible);
    // "can do ordinary tasks" has no machine check: may fit, never "fits".
    CHECK(eval("midlertidig_lonnstilskudd", ctx).verdict == Verdict::unknown);
    ctx.months_sick = 11;
    check_refused("midlertidig_lonnstilskudd", ctx, "11 måneder sykmeldt");
    ctx.months_sick.reset();
    CHECK(eval("midlertidig_lonnstilskudd", ctx).checked == Verdict::unknown);
    // A job seeker (no employer) qualifies on the other branch.
    EligibilityContext seeker;
    seeker.has_employer = false;
    CHECK(eval("midlertidig_lonnstilskudd", seeker).checked == Verdict::eligible);
}

TEST_CASE("measures eligibility: fireårig lønnstilskudd is for hiring, from 1 August 2026") {
    EligibilityContext young;
    young.has_employer = false;
    young.reduced_work_capacity = true;
    young.today = "2026-08-01";
    const Eligibility e = eval("firearig_lonnstilskudd", young);
    CHECK(e.checked == Verdict::eligible);
    CHECK(e.verdict == Verdict::unknown); // age and the NAV office's part in the trial are checked by hand
    CHECK(open_conditions(e) == std::vector<std::string>{"Deltakeren er ikke eldre enn 30 år ved oppstart.",
                                                          "Personens NAV-kontor deltar i forsøket."});
    young.today = "2026-07-31";
    check_refused("firearig_lonnstilskudd", young, "Ordningen gjelder først fra 01.08.2026");
    // Not to keep someone already employed (a sick-listed employee).
    EligibilityContext employee = sick(60, 100);
    employee.reduced_work_capacity = true;
    employee.today = "2026-12-07";
    check_refused("firearig_lonnstilskudd", employee, "personen har arbeidsgiver");
}

TEST_CASE("measures eligibility: tilretteleggingstilskudd is historic and for IA enterprises") {
    EligibilityContext ctx = sick(5, 100);
    ctx.ia_member = true;
    check_refused("tilretteleggingstilskudd", ctx, "Historisk"); // no date: today, after 2018

    ctx.today = "2015-03-01";
    CHECK(eval("tilretteleggingstilskudd", ctx).checked == Verdict::eligible);
    CHECK(eval("tilretteleggingstilskudd", ctx).verdict == Verdict::unknown); // "extra costs" is checked by hand
    ctx.ia_member = false;
    check_refused("tilretteleggingstilskudd", ctx, "ikke IA-virksomhet");
    ctx.ia_member.reset();
    CHECK(eval("tilretteleggingstilskudd", ctx).verdict == Verdict::unknown);

    ctx.ia_member = true;
    ctx.today = "2019-01-01";
    CHECK(eval("tilretteleggingstilskudd", ctx).verdict == Verdict::not_eligible);
    ctx.today = "2002-06-01"; // reserved for IA enterprises from 2003
    CHECK(eval("tilretteleggingstilskudd", ctx).verdict == Verdict::not_eligible);
    // A year-only valid_to ("2011") closes at the end of that year.
    EligibilityContext aktiv = sick(3, 100);
    aktiv.today = "2011-12-31";
    CHECK(eval("aktiv_sykmelding", aktiv).verdict == Verdict::eligible);
    aktiv.today = "2012-01-01";
    CHECK(eval("aktiv_sykmelding", aktiv).verdict == Verdict::not_eligible);
}

TEST_CASE("measures suggestions: week 3, 100 % sick-listed, no plan yet") {
    const EligibilityContext ctx = sick(3, 100, {.followup_plan = false, .own_measures_tried = false, .bht = false});
    const auto list = suggest(cat(), ctx);
    REQUIRE_FALSE(list.empty());
    const Suggestion* grad = find_suggestion(list, "gradert_sykmelding");
    REQUIRE(grad != nullptr);
    CHECK(grad->reason.nb.rfind("uke 3, 100 % sykmeldt: ", 0) == 0);
    CHECK(grad->reason.en.rfind("week 3, 100 % sick-listed: ", 0) == 0);
    CHECK(find_suggestion(list, "tilrettelegging_arbeidsgiver") != nullptr);
    CHECK(find_suggestion(list, "arbeidsplassvurdering") != nullptr); // no BHT
    CHECK(find_suggestion(list, "kompetansetiltak_sykmeldte") == nullptr); // weeks 12-26 only
    CHECK(find_suggestion(list, "raskere_tilbake_avklaring") == nullptr);  // no plan
    CHECK(find_suggestion(list, "aktiv_sykmelding") == nullptr);           // historic
    CHECK(find_suggestion(list, "tilretteleggingstilskudd") == nullptr);
    // Graded leave and in-house adaptation are boosted for a 100 % case with nothing tried yet.
    const auto top = cat().measures[static_cast<std::size_t>(list[0].measure)].id;
    CHECK((top == "gradert_sykmelding" || top == "tilrettelegging_arbeidsgiver"));
    for (std::size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].fit >= list[i].fit);
}

TEST_CASE("measures suggestions: week 14, 100 % sick-listed, plan made and own measures tried") {
    EligibilityContext ctx = sick(14, 100, {.followup_plan = true, .own_measures_tried = true, .bht = true});
    const auto list = suggest(cat(), ctx);
    const Suggestion* komp = find_suggestion(list, "kompetansetiltak_sykmeldte");
    REQUIRE(komp != nullptr);
    CHECK(komp->verdict == Verdict::unknown); // one condition has no machine check
    REQUIRE(komp->to_check.size() == 1);
    CHECK_FALSE(komp->to_check[0].checkable);
    CHECK(komp->missing.empty()); // every checkable fact is known
    CHECK(komp->reason.nb == "uke 14, 100 % sykmeldt: kompetansetiltak kan vurderes i uke 12–26");
    CHECK(komp->reason.en == "week 14, 100 % sick-listed: a skills measure can be considered in weeks 12–26");
    // The week-targeted measure is ranked first.
    CHECK(cat().measures[static_cast<std::size_t>(list[0].measure)].id == "kompetansetiltak_sykmeldte");
    CHECK(find_suggestion(list, "arbeidsrettet_rehabilitering") != nullptr);
    CHECK(find_suggestion(list, "avklaring") != nullptr);
    CHECK(find_suggestion(list, "raskere_tilbake_avklaring") == nullptr); // ended with 2017
    CHECK(find_suggestion(list, "arbeidsplassvurdering") == nullptr); // has BHT
    CHECK(find_suggestion(list, "bedriftshelsetjeneste") != nullptr);
    // Every condition of arbeidsrettet rehabilitering is checked and holds: it fits.
    CHECK(find_suggestion(list, "arbeidsrettet_rehabilitering")->verdict == Verdict::eligible);

    // Without a plan arbeidsrettet rehabilitering drops out; an unknown plan keeps it as "may fit".
    ctx.has_followup_plan = false;
    CHECK(find_suggestion(suggest(cat(), ctx), "arbeidsrettet_rehabilitering") == nullptr);
    ctx.has_followup_plan.reset();
    const auto unsure = suggest(cat(), ctx);
    const Suggestion* rehab = find_suggestion(unsure, "arbeidsrettet_rehabilitering");
    REQUIRE(rehab != nullptr);
    CHECK(rehab->verdict == Verdict::unknown);
    REQUIRE(rehab->missing.size() == 1);
    CHECK(rehab->missing[0].nb == "Mangler opplysning: om det er laget oppfølgingsplan.");
}

TEST_CASE("measures suggestions: week 40 and after twelve months") {
    EligibilityContext ctx = sick(40, 50);
    ctx.has_followup_plan = true;
    ctx.own_measures_tried = true;
    const auto list = suggest(cat(), ctx);
    CHECK(find_suggestion(list, "kompetansetiltak_sykmeldte") == nullptr);
    CHECK(find_suggestion(list, "midlertidig_lonnstilskudd") == nullptr); // 9 months: not yet
    CHECK(find_suggestion(list, "friskmelding_arbeidsformidling") != nullptr);
    for (const auto& s : list) {
        INFO(cat().measures[static_cast<std::size_t>(s.measure)].id);
        CHECK(cat().measures[static_cast<std::size_t>(s.measure)].has_phase(Phase::sick_26_52));
        CHECK(s.reason.nb.rfind("uke 40, 50 % sykmeldt: ", 0) == 0);
    }

    EligibilityContext late = sick(56, 100);
    late.months_sick = 13;
    const auto after = suggest(cat(), late);
    const Suggestion* lts = find_suggestion(after, "midlertidig_lonnstilskudd");
    REQUIRE(lts != nullptr);
    CHECK(lts->fit == 3); // checked and met (2) + the months condition holds (1)
    CHECK(lts->verdict == Verdict::unknown); // "can do ordinary tasks" is checked by hand

    // Deterministic: the same input gives the same order.
    const auto again = suggest(cat(), ctx);
    REQUIRE(again.size() == list.size());
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(again[i].measure == list[i].measure);
    CHECK(suggest(cat(), ctx, 3).size() == 3);
}

TEST_CASE("measures suggestions: no sick leave means prevention") {
    EligibilityContext ctx;
    ctx.sick_listed = false;
    ctx.has_employer = true;
    const auto list = suggest(cat(), ctx);
    REQUIRE_FALSE(list.empty());
    for (const auto& s : list) CHECK(cat().measures[static_cast<std::size_t>(s.measure)].has_phase(Phase::prevention));
    CHECK(phase_for_week(1) == Phase::sick_0_8);
    CHECK(phase_for_week(8) == Phase::sick_0_8);
    CHECK(phase_for_week(9) == Phase::sick_8_26);
    CHECK(phase_for_week(26) == Phase::sick_8_26);
    CHECK(phase_for_week(27) == Phase::sick_26_52);
    CHECK(phase_for_week(53) == Phase::after_sickpay);
}
