// Lint of the shipped measures catalogue (assets/measures/*.json) and of its parser's problem
// reporting (issue 6; DOMAIN.md §7).
#include "iadesk/measures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

using namespace iadesk::measures;

namespace {

const Catalogue& shipped() {
    static const Catalogue c = builtin_catalogue();
    return c;
}

// Line counts of the seed reports (/work/shared/seeds), to catch citations past the end.
const std::map<std::string, int> kSeedLines = {{"000", 3455}, {"001", 7649}, {"002", 1451}, {"003", 41840}, {"004", 4055}};

// Every line number in a seed citation such as "003:41089-41140, 41101".
std::vector<int> cited_lines(const std::string& ref) {
    std::vector<int> out;
    int v = -1;
    for (std::size_t i = 4; i <= ref.size(); ++i) {
        const char ch = i < ref.size() ? ref[i] : ' ';
        if (ch >= '0' && ch <= '9') v = (v < 0 ? 0 : v * 10) + (ch - '0');
        else if (v >= 0) {
            out.push_back(v);
            v = -1;
        }
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

TEST_CASE("measures catalogue: every measure DOMAIN.md §7 names is present") {
    const Catalogue& c = shipped();
    for (const char* id : {"inkluderingstilskudd", "midlertidig_lonnstilskudd", "varig_lonnstilskudd", "mentor", "arbeidstrening",
                           "arbeidsmarkedsopplaering", "kompetansetiltak_sykmeldte", "tilskudd_ekspertbistand",
                           "tilretteleggingstilskudd", "tilretteleggingsgaranti", "ia_plass", "gradert_sykmelding",
                           "aktiv_sykmelding", "reisetilskudd", "friskmelding_arbeidsformidling", "unntak_arbeidsgiverperioden",
                           "arbeidsplassvurdering", "funksjonsassistanse", "hjelpemidler", "raskere_tilbake_avklaring",
                           "raskere_tilbake_oppfolging", "arbeidsrettet_rehabilitering", "behandling_lettere_psykiske_lidelser",
                           "bedriftshelsetjeneste", "nav_arbeidslivssenter", "utvidet_egenmelding", "ips"}) {
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
            CHECK((s.kind == "seed" || s.kind == "note" || s.kind == "law" || s.kind == "web"));
            if (s.kind == "seed") {
                auto it = kSeedLines.find(s.ref.substr(0, 3));
                REQUIRE(it != kSeedLines.end());
                for (int line : cited_lines(s.ref)) {
                    CHECK(line >= 1);
                    CHECK(line <= it->second);
                }
            }
        }
    }
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
    // Evidence with its caveat where the notes give one (seed_000_002.md §4: lønnstilskudd).
    const Measure& lts = *c.find("midlertidig_lonnstilskudd");
    REQUIRE_FALSE(lts.evidence.empty());
    CHECK(lts.evidence[0].text.nb.find("50,0 %") != std::string::npos);
    CHECK(lts.evidence[0].caveat.nb.find("seleksjon") != std::string::npos);
    // Inkluderingstilskudd caps by year (peer-systems.md A4).
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
        "sources": [{"kind": "seed", "ref": "009:12"}]}]})",
                         "measures/x.json", d);
    std::set<std::string> pointers;
    for (const auto& p : d.problems) pointers.insert(p.pointer);
    CHECK(pointers.count("/measures/0/name/en") == 1);
    CHECK(pointers.count("/measures/0/phases/0") == 1);
    CHECK(pointers.count("/measures/0/valid_to") == 1);       // historic without valid_to
    CHECK(pointers.count("/measures/0/amounts/0/value") == 1); // string instead of number
    CHECK(pointers.count("/measures/0/amounts/0/year") == 1);
    CHECK(pointers.count("/measures/0/conditions/0/check/fact") == 1);
    CHECK(pointers.count("/measures/0/sources/0/ref") == 1);
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
