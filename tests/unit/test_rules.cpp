// Unit tests of rules.hpp: the shipped rule sets, choose_rule_set, parse_rule_set problems.
#include "iadesk/rules.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace iadesk;

namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

std::vector<std::string> ids(const RuleSet& rs) {
    std::vector<std::string> out;
    for (const MilestoneRule& m : rs.milestones) out.push_back(m.id);
    return out;
}

const RuleSet& set_by_id(const std::vector<RuleSet>& sets, const std::string& id) {
    auto it = std::find_if(sets.begin(), sets.end(), [&](const RuleSet& s) { return s.id == id; });
    REQUIRE(it != sets.end());
    return *it;
}

bool has_problem(const RuleSetParse& r, const std::string& pointer) {
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const RuleProblem& p) { return p.pointer == pointer; });
}

// A minimal valid rule set with one milestone; tests splice faults into it.
const char* kMinimal = R"({
  "format": "iadesk-rules", "version": 1, "id": "test",
  "name": {"nb": "Test", "en": "Test"},
  "valid_from": "2026-01-01", "source": "test",
  "milestones": [
    {"id": "m1", "label": {"nb": "M", "en": "M"}, "due": {"offset_days": 27},
     "responsible": "arbeidsgiver", "applies": "always", "source": "test"}
  ]})";

} // namespace

TEST_CASE("rules: the shipped rule sets load without problems") {
    std::vector<RuleProblem> problems;
    const auto sets = builtin_rule_sets(&problems);
    for (const RuleProblem& p : problems) FAIL_CHECK(p.pointer << ": " << p.message);
    REQUIRE(sets.size() == 3);
    CHECK(sets[0].id == "2007"); // sorted by valid_from
    CHECK(sets[1].id == "2011");
    CHECK(sets[2].id == "current");

    const RuleSet& s2007 = set_by_id(sets, "2007");
    CHECK_FALSE(s2007.verified); // docs/domain.md, Follow-up milestones: the regime's start date is VERIFY
    CHECK(s2007.note.find("VERIFY") != std::string::npos);
    CHECK(s2007.valid_to == ymd(2011, 6, 30));

    const RuleSet& s2011 = set_by_id(sets, "2011");
    CHECK(ids(s2011) == std::vector<std::string>{"arbeidsgiverperiode_slutt", "oppfolgingsplan", "dialogmote1",
                                                 "aktivitetskrav", "rapport_nav_9uker", "plan_til_nav",
                                                 "dialogmote2", "dialogmote3", "maksdato"});
    CHECK(s2011.valid_from == ymd(2011, 7, 1));
    CHECK(s2011.valid_to == ymd(2014, 6, 30));
    const RuleSet& cur = set_by_id(sets, "current");
    CHECK(ids(cur) == std::vector<std::string>{"arbeidsgiverperiode_slutt", "oppfolgingsplan", "dialogmote1",
                                               "aktivitetskrav", "plan_til_nav", "dialogmote2", "dialogmote3",
                                               "informasjonsbrev_39uker", "maksdato"});
    CHECK(cur.valid_from == ymd(2014, 7, 1));
    CHECK_FALSE(cur.valid_to.has_value());

    // "Within N weeks" is due on S + 7N - 1 (docs/domain.md, Cases and weeks).
    auto within = [](int weeks) { return 7 * weeks - 1; };
    CHECK(s2007.find("oppfolgingsplan")->offset_days == within(6));
    CHECK(s2007.find("dialogmote1")->offset_days == within(12));
    CHECK(s2007.find("dialogmote2")->offset_days == within(26));
    for (const RuleSet* s : {&s2011, &cur}) {
        CHECK(s->find("oppfolgingsplan")->offset_days == within(4));
        CHECK(s->find("dialogmote1")->offset_days == within(7));
        CHECK(s->find("aktivitetskrav")->offset_days == within(8));
        CHECK(s->find("dialogmote2")->offset_days == within(26));
        CHECK(s->find("dialogmote3")->applies == Applicability::on_request);
        CHECK(s->find("arbeidsgiverperiode_slutt")->anchor == DueAnchor::agp_end);
        CHECK(s->find("maksdato")->anchor == DueAnchor::maksdato);
    }
    CHECK(s2011.find("rapport_nav_9uker")->offset_days == within(9));
    CHECK(s2011.find("dialogmote1")->applies == Applicability::always);
    CHECK(s2011.find("plan_til_nav")->applies == Applicability::on_request);
    CHECK(cur.find("dialogmote1")->applies == Applicability::full_leave_else_on_request);
    CHECK(cur.find("plan_til_nav")->offset_days == within(26) - 7); // a week before dialogmøte 2
    CHECK(cur.find("informasjonsbrev_39uker")->offset_days == within(39));
    CHECK(cur.find("rapport_nav_9uker") == nullptr); // abolished 2014 (Prop. 102 L (2013-2014))
    for (const RuleSet& s : sets)
        for (const MilestoneRule& m : s.milestones) {
            CHECK_MESSAGE(!m.source.empty(), m.id);
            CHECK_MESSAGE(!m.label_nb.empty(), m.id);
            CHECK_MESSAGE(!m.label_en.empty(), m.id);
        }
}

TEST_CASE("rules: choose_rule_set by case start, on both sides of each change") {
    const auto sets = builtin_rule_sets();
    auto chosen = [&](Date d) {
        const RuleSet* s = choose_rule_set(sets, d);
        return s ? s->id : std::string("none");
    };
    CHECK(chosen(ymd(2007, 2, 28)) == "none");
    CHECK(chosen(ymd(2007, 3, 1)) == "2007");
    CHECK(chosen(ymd(2011, 6, 30)) == "2007");
    CHECK(chosen(ymd(2011, 7, 1)) == "2011");
    CHECK(chosen(ymd(2014, 6, 30)) == "2011");
    CHECK(chosen(ymd(2014, 7, 1)) == "current");
    CHECK(chosen(ymd(2026, 1, 5)) == "current");
}

TEST_CASE("rules: a new regime from a JSON string works without code change") {
    // E.g. the rewrite of ftrl § 8-7 a on 18.12.2025 (NAV's circular R08-00; docs/domain.md,
    // Follow-up milestones), as data only.
    const char* json = R"({
      "format": "iadesk-rules", "version": 1, "id": "2026",
      "name": {"nb": "Regelverk 2026", "en": "Rules 2026"},
      "valid_from": "2026-01-01", "valid_to": null, "verified": false, "note": "example",
      "source": "test",
      "milestones": [
        {"id": "ny_samtale", "label": {"nb": "Ny samtale", "en": "New meeting"},
         "due": {"offset_days": 20}, "responsible": "arbeidsgiver", "applies": "always", "source": "x"},
        {"id": "maksdato", "label": {"nb": "Maksdato", "en": "Max date"},
         "due": {"anchor": "maksdato", "offset_days": -1}, "responsible": "nav", "applies": "always", "source": "y"}
      ]})";
    auto r = parse_rule_set(json);
    REQUIRE(r.problems.empty());
    REQUIRE(r.rule_set.has_value());
    CHECK(r.rule_set->find("maksdato")->offset_days == -1);
    auto sets = builtin_rule_sets();
    sets.push_back(*r.rule_set);
    // The new set overlaps "current"; the latest valid_from wins from its first day.
    CHECK(choose_rule_set(sets, ymd(2025, 12, 31))->id == "current");
    CHECK(choose_rule_set(sets, ymd(2026, 1, 1))->id == "2026");
}

TEST_CASE("rules: parse_rule_set reports every problem with its JSON pointer") {
    SUBCASE("valid minimal set") {
        auto r = parse_rule_set(kMinimal);
        CHECK(r.problems.empty());
        REQUIRE(r.rule_set);
        CHECK(r.rule_set->verified); // default
        CHECK(r.rule_set->milestones[0].has_due);
    }
    SUBCASE("not JSON") {
        for (const char* bad : {"", "{", "[1,2", "nonsense", "{\"a\":}"}) {
            auto r = parse_rule_set(bad);
            CHECK_FALSE(r.rule_set);
            CHECK(has_problem(r, ""));
        }
    }
    SUBCASE("not an object") {
        auto r = parse_rule_set("[]");
        CHECK_FALSE(r.rule_set);
        CHECK(has_problem(r, ""));
    }
    SUBCASE("many faults at once") {
        const char* json = R"({
          "format": "something-else", "version": 2, "id": "Bad Id",
          "name": {"nb": "", "fr": "x"},
          "valid_from": "2026-02-30", "valid_to": "2020-01-01", "verified": "yes", "note": 5,
          "extra": 1,
          "milestones": [
            {"id": "a", "label": {"nb": "A", "en": "A"}, "due": {"ofset_days": 3},
             "responsible": "arbeidsgiver", "applies": "always", "source": "s"},
            {"id": "a", "label": "A", "due": {"offset_days": 1.5, "anchor": "tomorrow"},
             "responsible": 3, "applies": "sometimes", "source": "s"},
            {"id": "c", "label": {"nb": "C", "en": "C"},
             "responsible": "nav", "applies": "always", "source": "s"},
            {"id": "d", "label": {"nb": "D", "en": "D"},
             "responsible": "nav", "applies": "on_request", "source": "s"},
            {"id": "e", "label": {"nb": "E", "en": "E"}, "due": {"offset_days": 99999},
             "responsible": "nav", "applies": "always", "source": "s", "a/b~c": true},
            7
          ]})";
        auto r = parse_rule_set(json);
        CHECK_FALSE(r.rule_set);
        for (const char* p : {"/format", "/version", "/id", "/name/nb", "/name/en", "/name/fr", "/valid_from",
                              "/verified", "/note", "/extra", "/source", "/milestones/0/due/ofset_days",
                              "/milestones/0/due", "/milestones/1/id", "/milestones/1/label",
                              "/milestones/1/due/offset_days", "/milestones/1/due/anchor",
                              "/milestones/1/responsible", "/milestones/1/applies", "/milestones/2/due",
                              "/milestones/4/due/offset_days", "/milestones/4/a~1b~0c", "/milestones/5"})
            CHECK_MESSAGE(has_problem(r, p), p);
        // An on_request milestone may omit its due date.
        CHECK_FALSE(has_problem(r, "/milestones/3/due"));
        for (const RuleProblem& p : r.problems) CHECK_FALSE(p.message.empty());
    }
    SUBCASE("valid_to before valid_from") {
        std::string json = kMinimal;
        json.replace(json.find("\"valid_from\""), 0, "\"valid_to\": \"2025-12-31\", ");
        auto r = parse_rule_set(json);
        CHECK(has_problem(r, "/valid_to"));
        CHECK(r.problems.size() == 1);
    }
    SUBCASE("missing milestones and empty milestones") {
        auto r = parse_rule_set(R"({"format": "iadesk-rules", "version": 1})");
        for (const char* p : {"/id", "/name", "/valid_from", "/source", "/milestones"})
            CHECK_MESSAGE(has_problem(r, p), p);
        std::string json = kMinimal;
        const auto a = json.find('[');
        json.replace(a, json.rfind(']') - a + 1, "[]");
        CHECK(has_problem(parse_rule_set(json), "/milestones"));
    }
    SUBCASE("huge unsigned offset does not wrap") {
        std::string json = kMinimal;
        json.replace(json.find("27"), 2, "18446744073709551615");
        CHECK(has_problem(parse_rule_set(json), "/milestones/0/due/offset_days"));
    }
}

TEST_CASE("rules: abolished_from is a date, and the shipped 2011 set ends the 9-week report on 1 July 2014") {
    const char* bad = R"({
      "format": "iadesk-rules", "version": 1, "id": "x", "name": {"nb": "X", "en": "X"},
      "valid_from": "2011-07-01", "source": "test",
      "milestones": [
        {"id": "r", "label": {"nb": "R", "en": "R"}, "due": {"offset_days": 62}, "responsible": "arbeidsgiver",
         "applies": "always", "source": "x", "abolished_from": "2014-02-30"}
      ]})";
    auto r = parse_rule_set(bad);
    CHECK_FALSE(r.rule_set.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/milestones/0/abolished_from");
    for (const RuleSet& s : builtin_rule_sets()) {
        if (s.id != "2011") continue;
        REQUIRE(s.find("rapport_nav_9uker"));
        CHECK(s.find("rapport_nav_9uker")->abolished_from == ymd(2014, 7, 1));
        CHECK_FALSE(s.find("dialogmote1")->abolished_from.has_value());
    }
}
