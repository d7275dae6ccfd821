// Lint of the shipped measures catalogue (assets/measures/*.json) and of its parser's problem
// reporting (docs/measures.md; docs/domain.md, Tiltak / Measures).
#include "iadesk/measures.hpp"
#include "../support/shipped_measures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>

using namespace iadesk::measures;

namespace {

const Catalogue& shipped() { return iadesk::testing::shipped_catalogue(); }

// The report ids of docs/sources.md: each report is a heading "### `id`".
std::set<std::string> documented_report_ids() {
    std::ifstream in(std::string(IADESK_SOURCE_DIR) + "/docs/sources.md");
    std::set<std::string> ids;
    std::string line;
    const std::string head = "### `";
    while (std::getline(in, line))
        if (line.rfind(head, 0) == 0 && line.size() > head.size() + 1 && line.back() == '`')
            ids.insert(line.substr(head.size(), line.size() - head.size() - 1));
    return ids;
}

// The report a free-text citation names, or "" when it cites something else (a law section, a
// nav.no or other web page, a navikt repository). "nossen-2023 tabell 3; fafo-kompetanse-2021
// sammendrag" names two; every part of such a string is checked.
std::vector<std::string> cited_reports(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t end = text.find("; ", from);
        if (end == std::string::npos) end = text.size();
        const std::string part = text.substr(from, end - from);
        bool other = false;
        for (const char* prefix : {"navikt/", "nav.no", "www.", "http", "idebanken", "folketrygdloven", "arbeidsmiljøloven", "docs/"})
            other = other || part.rfind(prefix, 0) == 0;
        if (!other) out.push_back(part.substr(0, part.find(' ')));
        from = end + 2;
    }
    return out;
}

} // namespace

TEST_CASE("measures catalogue: shipped files parse without problems") {
    const Catalogue& c = shipped();
    for (const auto& p : c.problems) MESSAGE(p.file << p.pointer << ": " << p.message);
    CHECK(c.problems.empty());
    CHECK(c.measures.size() >= 30);
}

TEST_CASE("measures catalogue: every measure docs/domain.md names is present") {
    const Catalogue& c = shipped();
    for (const char* id : {"inkluderingstilskudd", "midlertidig_lonnstilskudd", "varig_lonnstilskudd", "mentor", "arbeidstrening",
                           "arbeidsmarkedsopplaering", "kompetansetiltak_sykmeldte", "tilskudd_ekspertbistand",
                           "tilretteleggingstilskudd", "tilretteleggingsgaranti", "ia_plass", "gradert_sykmelding",
                           "aktiv_sykmelding", "reisetilskudd", "friskmelding_arbeidsformidling", "unntak_arbeidsgiverperioden",
                           "arbeidsplassvurdering", "funksjonsassistanse", "hjelpemidler", "raskere_tilbake_avklaring",
                           "raskere_tilbake_oppfolging", "arbeidsrettet_rehabilitering", "behandling_lettere_psykiske_lidelser",
                           "bedriftshelsetjeneste", "nav_arbeidslivssenter", "utvidet_egenmelding", "ips", "avklaring",
                           "oppfolgingstiltak", "firearig_lonnstilskudd", "varig_tilrettelagt_arbeid"}) {
        INFO(id);
        CHECK(c.find(id) != nullptr);
    }
    REQUIRE(c.find("tilretteleggingstilskudd") != nullptr);
    CHECK_FALSE(c.find("tilretteleggingstilskudd")->current);
    CHECK_FALSE(c.find("aktiv_sykmelding")->current);
    CHECK(c.find("inkluderingstilskudd")->current);
}

TEST_CASE("measures catalogue: lint of every record") {
    const Catalogue& c = shipped();
    const Taxonomy& t = c.taxonomy;
    std::set<std::string> ids;
    for (const Measure& m : c.measures) {
        INFO("measure " << m.id);
        CHECK(ids.insert(m.id).second);
        CHECK_FALSE(m.name.nb.empty());
        CHECK_FALSE(m.name.en.empty());
        CHECK_FALSE(m.summary.nb.empty());
        CHECK_FALSE(m.body.nb.empty());
        CHECK(m.summary.nb.size() <= 300); // a summary is one or two sentences
        CHECK(Taxonomy::find(t.providers, m.provider) != nullptr);
        CHECK_FALSE(m.applicants.empty());
        for (const auto& a : m.applicants) CHECK(Taxonomy::find(t.applicants, a) != nullptr);
        CHECK_FALSE(m.target_groups.empty());
        for (const auto& g : m.target_groups) CHECK(Taxonomy::find(t.target_groups, g) != nullptr);
        CHECK_FALSE(m.phases.empty());
        for (const auto& g : m.ia_goals) CHECK(Taxonomy::find(t.ia_goals, g) != nullptr);
        CHECK(m.search_words.size() >= 3);

        // Current / historic is consistent with valid_to, and dates are ordered.
        CHECK(m.current == m.valid_to.empty());
        CHECK(valid_iso_date(m.checked)); // the day the record was last compared with its sources
        if (m.current) CHECK(m.replaced_by.empty());
        if (!m.valid_from.empty() && !m.valid_to.empty()) CHECK(m.valid_from.substr(0, 4) <= m.valid_to.substr(0, 4));

        for (const Amount& a : m.amounts) {
            INFO("amount " << a.what.nb);
            CHECK(a.year >= 1990);
            CHECK(a.year <= 2100);
            CHECK_FALSE(a.source.empty());
            CHECK_FALSE(a.what.nb.empty());
            CHECK(a.value > 0);
            if (a.unit == "percent") CHECK(a.value <= 100);
        }
        for (const Condition& cond : m.conditions) CHECK_FALSE(cond.text.nb.empty());
        for (const Evidence& e : m.evidence) {
            CHECK_FALSE(e.text.nb.empty());
            CHECK_FALSE(e.source.empty());
        }

        REQUIRE_FALSE(m.sources.empty());
        for (const Source& s : m.sources) {
            INFO("source " << s.ref);
            CHECK((s.kind == "report" || s.kind == "law" || s.kind == "web"));
        }
    }
}

TEST_CASE("measures catalogue: every report it cites has its entry in docs/sources.md") {
    const std::set<std::string> documented = documented_report_ids();
    REQUIRE(documented.size() >= 5);
    // The loader's table and docs/sources.md list the same reports.
    std::set<std::string> known;
    for (std::string_view id : report_ids()) {
        known.emplace(id);
        INFO("report id in the core's table " << id);
        CHECK(documented.count(std::string(id)) == 1);
        CHECK_FALSE(report_title(id).empty());
    }
    CHECK(known == documented);
    CHECK(report_title("seed-003").empty());

    std::set<std::string> used;
    for (const Measure& m : shipped().measures) {
        INFO("measure " << m.id);
        std::vector<std::string> cites;
        for (const Source& s : m.sources)
            if (s.kind == "report") cites.push_back(s.ref);
        for (const Evidence& e : m.evidence) cites.push_back(e.source);
        for (const Amount& a : m.amounts) cites.push_back(a.source);
        for (const std::string& cite : cites)
            for (const std::string& id : cited_reports(cite)) {
                INFO("citation " << cite);
                CHECK(documented.count(id) == 1);
                used.insert(id);
            }
    }
    // The catalogue rests on all five reports; a report no longer cited anywhere would show here.
    CHECK(used == documented);
}

TEST_CASE("measures catalogue: taxonomy labels and synonym targets") {
    const Catalogue& c = shipped();
    for (const Text& p : c.taxonomy.phases) {
        CHECK_FALSE(p.nb.empty());
        CHECK_FALSE(p.en.empty());
    }
    std::set<std::string> goal_ids;
    for (const Label& g : c.taxonomy.ia_goals) goal_ids.insert(g.id);
    for (const char* g : {"1", "2a", "2b", "3a", "3b"}) CHECK(goal_ids.count(g) == 1);

    // Every synonym target leads to at least one record.
    const MeasureIndex index(c);
    CHECK_FALSE(c.synonyms.empty());
    for (const Synonym& y : c.synonyms) {
        if (y.equivalent) continue;
        for (const auto& target : y.to) {
            INFO("synonym target " << target);
            CHECK_FALSE(index.search(target).empty());
        }
        for (const auto& from : y.from) {
            INFO("synonym " << from);
            CHECK_FALSE(index.search(from).empty());
        }
    }
}

TEST_CASE("measures catalogue: the checkable predicates the issue requires exist") {
    const Catalogue& c = shipped();
    auto has_leaf = [](const Measure& m, Fact f) {
        std::vector<const Check*> stack;
        for (const auto& cond : m.conditions)
            if (cond.check) stack.push_back(&*cond.check);
        while (!stack.empty()) {
            const Check* ch = stack.back();
            stack.pop_back();
            if (ch->kind == Check::Kind::fact && ch->fact == f) return true;
            for (const auto& sub : ch->children) stack.push_back(&sub);
        }
        return false;
    };
    CHECK(has_leaf(*c.find("arbeidsplassvurdering"), Fact::has_bht));
    CHECK(has_leaf(*c.find("raskere_tilbake_avklaring"), Fact::has_followup_plan));
    CHECK(has_leaf(*c.find("raskere_tilbake_avklaring"), Fact::own_measures_tried));
    CHECK(has_leaf(*c.find("kompetansetiltak_sykmeldte"), Fact::case_week));
    CHECK(has_leaf(*c.find("kompetansetiltak_sykmeldte"), Fact::grade));
    CHECK(has_leaf(*c.find("midlertidig_lonnstilskudd"), Fact::months_sick));
    CHECK(has_leaf(*c.find("tilretteleggingstilskudd"), Fact::ia_member));
    // Evidence with its caveat where the report gives one (nossen-2023 tabell 3: lønnstilskudd).
    const Measure& lts = *c.find("midlertidig_lonnstilskudd");
    REQUIRE_FALSE(lts.evidence.empty());
    CHECK(lts.evidence[0].text.nb.find("50,0 %") != std::string::npos);
    CHECK(lts.evidence[0].caveat.nb.find("seleksjon") != std::string::npos);
    // Inkluderingstilskudd caps by year (navikt/tiltaksgjennomforing-api, satser/Sats.java).
    std::map<int, double> caps;
    for (const Amount& a : c.find("inkluderingstilskudd")->amounts) caps[a.year] = a.value;
    CHECK(caps[2024] == 149100);
    CHECK(caps[2025] == 154800);
    CHECK(caps[2026] == 160400);
}

TEST_CASE("measures catalogue: problems are reported with file and JSON pointer, never thrown") {
    Catalogue c;
    parse_catalogue_file("{not json", "measures/bad.json", c);
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].file == "measures/bad.json");
    CHECK(c.problems[0].pointer.empty());

    Catalogue d;
    parse_catalogue_file(R"({"measures": [{"id": "x", "name": {"nb": "X"}, "summary": {"nb": "s"}, "body": {"nb": "b"},
        "provider": "nav", "applicants": ["nav"], "target_groups": ["sykmeldte"], "phases": ["sick_9_99"],
        "status": "historic", "amounts": [{"what": {"nb": "w"}, "value": "1", "unit": "NOK", "year": "2020", "source": "s"}],
        "conditions": [{"text": {"nb": "t"}, "check": {"fact": "weather", "is": true}}],
        "sources": [{"kind": "report", "ref": "sintef-ia-2099 side 4"}, {"kind": "seed", "ref": "sintef-ia-2013 kap. 5.9.1"},
                    {"kind": "report", "ref": "sintef-ia-2013"}, {"kind": "report", "ref": "sintef-ia-2013 kap. 9.1.4"},
                    {"kind": "law", "ref": "folketrygdloven 8-19"}]}]})",
                         "measures/x.json", d);
    std::set<std::string> pointers;
    for (const auto& p : d.problems) pointers.insert(p.pointer);
    CHECK(pointers.count("/measures/0/name/en") == 1);
    CHECK(pointers.count("/measures/0/phases/0") == 1);
    CHECK(pointers.count("/measures/0/valid_to") == 1);       // historic without valid_to
    CHECK(pointers.count("/measures/0/amounts/0/value") == 1); // string instead of number
    CHECK(pointers.count("/measures/0/amounts/0/year") == 1);
    CHECK(pointers.count("/measures/0/conditions/0/check/fact") == 1);
    CHECK(pointers.count("/measures/0/sources/0/ref") == 1); // a report id docs/sources.md does not list
    CHECK(pointers.count("/measures/0/sources/1/ref") == 1); // the retired kind "seed"
    CHECK(pointers.count("/measures/0/sources/2/ref") == 1); // a report without chapter, section or table
    CHECK(pointers.count("/measures/0/sources/3/ref") == 0); // a known report and its chapter
    CHECK(pointers.count("/measures/0/sources/4/ref") == 1); // a law without §
    // The record is still loaded so one bad field does not hide it.
    CHECK(d.measures.size() == 1);

    Catalogue e;
    parse_catalogue_file("[1, 2]", "measures/array.json", e);
    CHECK(e.problems.size() == 1);
    parse_catalogue_file(R"({"measures": [{"id": "a"}, {"id": "a"}]})", "measures/dup.json", e);
    finish_catalogue(e);
    bool duplicate = false;
    for (const auto& p : e.problems) duplicate = duplicate || p.message == "duplicate id";
    CHECK(duplicate);
}

TEST_CASE("measures catalogue: the 2026 review - what is current, historic and what replaced it") {
    const Catalogue& c = shipped();
    // Raskere tilbake was reorganised from 2018 (nav.no, "Raskere tilbake"): historic, pointing to
    // NAV's ordinary measures.
    for (const char* id : {"raskere_tilbake_avklaring", "raskere_tilbake_oppfolging", "behandling_lettere_psykiske_lidelser"}) {
        INFO(id);
        REQUIRE(c.find(id) != nullptr);
        CHECK_FALSE(c.find(id)->current);
        CHECK(c.find(id)->valid_to == "2017-12-31");
    }
    CHECK(c.find("raskere_tilbake_oppfolging")->replaced_by == std::vector<std::string>{"oppfolgingstiltak", "avklaring"});
    CHECK(c.find("arbeidsrettet_rehabilitering")->current);
    CHECK(c.find("avklaring")->current);

    // Utvidet egenmelding: any employer may grant it, folketrygdloven § 8-24 fourth paragraph.
    const Measure& egen = *c.find("utvidet_egenmelding");
    CHECK(egen.current);
    CHECK(std::any_of(egen.sources.begin(), egen.sources.end(),
                      [](const Source& s) { return s.kind == "law" && s.ref == "folketrygdloven § 8-24"; }));

    // Fireårig lønnstilskudd for unge: from 1 August 2026, 70/60/50/35 % by year.
    const Measure& young = *c.find("firearig_lonnstilskudd");
    CHECK(young.current);
    CHECK(young.valid_from == "2026-08-01");
    std::vector<double> rates;
    for (const Amount& a : young.amounts) rates.push_back(a.value);
    CHECK(rates == std::vector<double>{70, 60, 50, 35});

    // The newest figures: VTAO 7 321 kr a month in 2026, ekspertbistand 24 900 kr (2026, to verify).
    auto newest = [&](const char* id) {
        const Amount* best = nullptr;
        for (const Amount& a : c.find(id)->amounts)
            if (best == nullptr || a.year > best->year) best = &a;
        REQUIRE(best != nullptr);
        return *best;
    };
    CHECK(newest("varig_tilrettelagt_arbeid").value == 7321);
    CHECK(newest("varig_tilrettelagt_arbeid").year == 2026);
    CHECK(newest("tilskudd_ekspertbistand").value == 24900);
    CHECK(newest("tilskudd_ekspertbistand").year == 2026);
    CHECK(newest("tilskudd_ekspertbistand").verify);
}

namespace {
// One current record with the amounts given (JSON), parsed alone.
Catalogue with_amounts(const std::string& amounts, const std::string& status = R"("status": "current")") {
    Catalogue c;
    parse_catalogue_file(R"({"measures": [{"id": "x", "name": {"nb": "X", "en": "X"}, "summary": {"nb": "s"}, "body": {"nb": "b"},
        "provider": "nav", "applicants": ["nav"], "target_groups": ["sykmeldte"], "phases": ["sick_0_8"], )" + status +
                             R"(, "checked": "2026-12-07", "sources": [{"kind": "law", "ref": "folketrygdloven § 8-19"}],
        "amounts": [)" + amounts + "]}]}",
                         "measures/x.json", c);
    return c; // parsed alone: no taxonomy, so finish_catalogue would only report unknown labels
}
const char* const kRate2024 = R"({"what": {"nb": "Sats"}, "value": 100, "unit": "NOK", "year": 2024, "source": "nav.no/x"})";
} // namespace

TEST_CASE("measures catalogue: no current measure shows a figure older than last year without saying why") {
    // The shipped catalogue on the day of its review (the rule takes the date; never the clock).
    const Catalogue& c = shipped();
    const auto stale = stale_amounts(c, "2026-12-07");
    for (const StaleAmount& s : stale) {
        const Measure& m = c.measures[static_cast<std::size_t>(s.measure)];
        MESSAGE(m.id << ": " << m.amounts[static_cast<std::size_t>(s.amount)].what.nb << " ("
                     << m.amounts[static_cast<std::size_t>(s.amount)].year << ")");
    }
    CHECK(stale.empty());

    // A planted 2024 rate is stale on 07.12.2026 (last year is 2025) ...
    const Catalogue planted = with_amounts(kRate2024);
    REQUIRE(planted.problems.empty());
    REQUIRE(stale_amounts(planted, "2026-12-07").size() == 1);
    CHECK(amount_is_stale(planted.measures[0], 0, 2026));
    // ... but not in 2025, when 2024 was last year;
    CHECK(stale_amounts(planted, "2025-06-30").empty());
    // not when a newer figure of the same thing follows it (the series' history);
    CHECK(stale_amounts(with_amounts(std::string(kRate2024) +
                                     R"(, {"what": {"nb": "Sats"}, "value": 110, "unit": "NOK", "year": 2026, "source": "nav.no/x"})"),
                        "2026-12-07")
              .empty());
    // a newer figure of something else does not excuse it;
    CHECK(stale_amounts(with_amounts(std::string(kRate2024) +
                                     R"(, {"what": {"nb": "Annen sats"}, "value": 110, "unit": "NOK", "year": 2026, "source": "nav.no/x"})"),
                        "2026-12-07")
              .size() == 1);
    // not with a reason why the old figure is still shown;
    const Catalogue explained = with_amounts(
        R"({"what": {"nb": "Sats"}, "value": 100, "unit": "NOK", "year": 2024, "source": "nav.no/x", "stale_reason": {"nb": "En regel, ikke en sats."}})");
    REQUIRE(explained.problems.empty());
    CHECK(explained.measures[0].amounts[0].stale_reason.nb == "En regel, ikke en sats.");
    CHECK(stale_amounts(explained, "2026-12-07").empty());
    // and never for a historic measure; an unreadable date checks nothing.
    CHECK(stale_amounts(with_amounts(kRate2024, R"("status": "historic", "valid_to": "2018")"), "2026-12-07").empty());
    CHECK(stale_amounts(planted, "").empty());
}

TEST_CASE("measures catalogue: the checked date and replaced_by are checked when loaded") {
    auto problems_for = [](const std::string& fields) {
        Catalogue c;
        parse_catalogue_file(R"({"measures": [{"id": "x", "name": {"nb": "X", "en": "X"}, "summary": {"nb": "s"}, "body": {"nb": "b"},
            "provider": "nav", "applicants": ["nav"], "target_groups": ["sykmeldte"], "phases": ["sick_0_8"],
            "sources": [{"kind": "law", "ref": "folketrygdloven § 8-19"}], )" + fields + "}]}",
                             "measures/x.json", c);
        finish_catalogue(c);
        // Only the fields under test: a record parsed alone has no taxonomy for its labels.
        std::vector<std::string> out;
        for (const auto& p : c.problems)
            if (p.pointer.find("/checked") != std::string::npos || p.pointer.find("/replaced_by") != std::string::npos)
                out.push_back(p.pointer + ": " + p.message);
        return out;
    };
    CHECK(problems_for(R"("status": "current", "checked": "2026-12-07")").empty());
    CHECK(problems_for(R"("status": "current", "checked": "2028-02-29")").empty()); // a leap day
    CHECK(problems_for(R"("status": "current")") == std::vector<std::string>{"/measures/0/checked: required string is missing"});
    for (const char* bad : {"07.12.2026", "2026-13-01", "2026-02-29", "2026-12-7", "2026-12-07T10:00"}) {
        INFO(bad);
        const auto p = problems_for(std::string(R"("status": "current", "checked": ")") + bad + "\"");
        REQUIRE(p.size() == 1);
        CHECK(p[0] == std::string("/measures/0/checked: must be the date the record was last compared with its sources, "
                                  "as YYYY-MM-DD (got \"") + bad + "\")");
    }
    CHECK(problems_for(R"("status": "current", "checked": 20261207)") == std::vector<std::string>{"/measures/0/checked: must be a string"});

    CHECK(problems_for(R"("status": "current", "checked": "2026-12-07", "replaced_by": ["y"])") ==
          std::vector<std::string>{"/measures/0/replaced_by: only a historic measure can be replaced by others",
                                   "/x/replaced_by: unknown measure \"y\""});
    CHECK(problems_for(R"("status": "historic", "valid_to": "2017", "checked": "2026-12-07", "replaced_by": ["x"])") ==
          std::vector<std::string>{"/x/replaced_by: \"x\" is itself historic"});
}
