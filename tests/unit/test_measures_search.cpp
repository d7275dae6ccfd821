// The measures search engine over the shipped catalogue: folding, compounds, prefixes, typos,
// synonyms, field weights, deterministic ranking and filters (speed: bench/, search_1000).
#include "iadesk/measures.hpp"
#include "../support/shipped_measures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace iadesk::measures;

namespace {

const Catalogue& cat() { return iadesk::testing::shipped_catalogue(); }
const MeasureIndex& idx() { return iadesk::testing::shipped_index(); }

std::vector<std::string> ids(std::string_view query, const SearchFilter& f = {}, std::size_t limit = 0) {
    std::vector<std::string> out;
    for (const auto& h : idx().search(query, f, limit)) out.push_back(cat().measures[static_cast<std::size_t>(h.measure)].id);
    return out;
}

std::string first(std::string_view query) {
    auto v = ids(query, {}, 1);
    return v.empty() ? std::string() : v[0];
}

} // namespace

TEST_CASE("measures search: folding of case and Norwegian letters") {
    CHECK(fold("Lønnsstøtte") == "lonnsstotte");
    CHECK(fold("loennsstoette") == "lonnsstotte");
    CHECK(fold("LONNSSTOTTE") == "lonnsstotte");
    CHECK(fold("Arbeidsmarkedsopplæring") == "arbeidsmarkedsopplaering");
    CHECK(fold("Årsverk") == fold("aarsverk"));
    CHECK(fold("Årsverk") == "arsverk");
    CHECK(fold("§ 8-20") == "  8 20");
    CHECK(tokenize("Tilskudd til ekspertbistand (IA)") == std::vector<std::string>{"tilskudd", "til", "ekspertbistand", "ia"});
    CHECK(tokenize("uke 12–26") == std::vector<std::string>{"uke", "12", "26"});
}

TEST_CASE("measures search: edit distance with cut-off and allowed edits") {
    CHECK(edit_distance("lonnstilskudd", "lonnstilskud", 2) == 1);
    CHECK(edit_distance("ekspert", "ekspetr", 1) == 1); // transposition counts as one edit
    CHECK(edit_distance("mentor", "mentor", 1) == 0);
    CHECK(edit_distance("mentor", "monitor", 1) == 2); // over the cut-off: max + 1
    CHECK(edit_distance("abc", "abcdefgh", 2) == 3);
    // Long words (over the search's 48-letter fuzzy cut) get the same distance as short ones: a
    // word is 0 from itself, one substitution, insertion or swap is 1, whatever the length.
    // Found by fuzzing: a 59-letter token was "3 edits" from itself.
    const std::string v59(59, 'v');
    CHECK(edit_distance(v59, v59, 2) == 0);
    CHECK(tokenize(std::string("\x5f") + v59 + "\xa9\xc3\xad") == std::vector<std::string>{v59, "i"});
    std::string one_off = v59;
    one_off[55] = 'w';
    CHECK(edit_distance(v59, one_off, 2) == 1);
    CHECK(edit_distance(v59 + "ab", v59 + "ba", 2) == 1);
    CHECK(edit_distance(v59 + "a", v59, 2) == 1);
    CHECK(edit_distance(v59 + "abc", v59, 2) == 3);
    CHECK(edit_distance(std::string(200000, 'x'), std::string(200000, 'x'), 2) == 0);
    // A common prefix does not change the distance: the long path agrees with the short one.
    const std::string pad(60, 'p');
    for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"lonnstilskudd", "lonnstilskud"}, {"ekspert", "ekspetr"}, {"mentor", "monitor"},
             {"abc", "abcdefgh"}, {"ca", "abc"}, {"", "ab"}, {"kitten", "sitting"}})
        for (int k : {0, 1, 2, 3}) {
            CAPTURE(a);
            CAPTURE(b);
            CAPTURE(k);
            CHECK(edit_distance(pad + a, pad + b, k) == edit_distance(a, b, k));
        }
    CHECK(allowed_edits(4) == 0);
    CHECK(allowed_edits(5) == 1);
    CHECK(allowed_edits(8) == 1);
    CHECK(allowed_edits(9) == 2);
}

TEST_CASE("measures search: compound words") {
    CHECK(first("inkludering") == "inkluderingstilskudd");
    CHECK(first("Inkluderingstilskudd") == "inkluderingstilskudd");
    // "tilskudd" finds every measure with tilskudd in its name.
    const auto hits = ids("tilskudd");
    const std::set<std::string> found(hits.begin(), hits.end());
    int named = 0;
    for (const Measure& m : cat().measures)
        if (fold(m.name.nb).find("tilskudd") != std::string::npos) {
            ++named;
            INFO(m.id);
            CHECK(found.count(m.id) == 1);
        }
    CHECK(named >= 6);
    // Whole-word hits outrank compound parts: "Tilskudd til ekspertbistand" before "Inkluderingstilskudd".
    double whole = 0, part = 0;
    for (const auto& h : idx().search("tilskudd")) {
        const auto& id = cat().measures[static_cast<std::size_t>(h.measure)].id;
        if (id == "tilskudd_ekspertbistand") whole = h.score;
        if (id == "inkluderingstilskudd") part = h.score;
    }
    CHECK(whole == doctest::Approx(Ranking::name));
    CHECK(part == doctest::Approx(Ranking::name * Ranking::inside));
    CHECK(ids("rehabilitering")[0] == "arbeidsrettet_rehabilitering");
}

TEST_CASE("measures search: typos and folding together") {
    CHECK(first("inkluderingstilskud") == "inkluderingstilskudd");
    CHECK(first("inkludringstilskudd") == "inkluderingstilskudd");
    CHECK(first("inkluderingstislkudd") == "inkluderingstilskudd"); // transposition
    const auto lonn = ids("lonnstilskud", {}, 2);
    REQUIRE(lonn.size() == 2);
    CHECK(std::set<std::string>(lonn.begin(), lonn.end()) ==
          std::set<std::string>{"midlertidig_lonnstilskudd", "varig_lonnstilskudd"});
    CHECK(first("lønnstilskudd") == "midlertidig_lonnstilskudd"); // tie with varig broken by id
    CHECK(first("mentr") == "mentor");                              // 5 letters: one edit
    CHECK(first("hjelpemiddel") == "hjelpemidler");
    CHECK(first("arbeidsplasvurdering") == "arbeidsplassvurdering");
    // Short words get no typo tolerance: "ipx" finds nothing.
    CHECK(ids("ipx").empty());
}

TEST_CASE("measures search: prefix matching while typing") {
    CHECK(first("ekspe") == "tilskudd_ekspertbistand");
    CHECK(first("ekspert") == "tilskudd_ekspertbistand");
    CHECK(first("funksjonsass") == "funksjonsassistanse");
    CHECK(first("mento") == "mentor");
    CHECK(first("gradert sykm") == "gradert_sykmelding");
}

TEST_CASE("measures search: synonyms and abbreviations") {
    CHECK(first("AMO") == "arbeidsmarkedsopplaering");
    CHECK(first("arbeidsmarkedsopplæring") == "arbeidsmarkedsopplaering");
    CHECK(first("arbeidsmarkedskurs") == "arbeidsmarkedsopplaering");
    CHECK(first("IPS") == "ips");
    CHECK(first("individuell jobbstøtte") == "ips");
    CHECK(first("BHT") == "bedriftshelsetjeneste");
    CHECK(first("bedriftshelsetjeneste") == "bedriftshelsetjeneste");
    const auto stotte = ids("lønnsstøtte", {}, 2);
    CHECK(std::set<std::string>(stotte.begin(), stotte.end()) ==
          std::set<std::string>{"midlertidig_lonnstilskudd", "varig_lonnstilskudd"});
    CHECK(first("loennsstoette") == first("lønnsstøtte"));
    CHECK(first("psykolog") == "behandling_lettere_psykiske_lidelser");
    CHECK(first("kronisk syk") == "unntak_arbeidsgiverperioden");
}

TEST_CASE("measures search: situations, English names and stop words") {
    CHECK(first("kompetanse sykmeldt") == "kompetansetiltak_sykmeldte");
    CHECK(first("mentor") == "mentor");
    CHECK(first("tilskudd til ekspertbistand") == "tilskudd_ekspertbistand");
    CHECK(first("wage subsidy") == "midlertidig_lonnstilskudd");
    CHECK(first("inclusion grant") == "inkluderingstilskudd");
    CHECK(first("workplace assessment") == "arbeidsplassvurdering");
    CHECK(first("graded sick leave") == "gradert_sykmelding");
    CHECK(first("8-20") == "unntak_arbeidsgiverperioden");
    CHECK(ids("").size() == cat().measures.size()); // empty query lists everything
}

TEST_CASE("measures search: field weights - a name hit beats a body hit") {
    // "oppfølgingsplan" appears in bodies only, "mentor" in a name: the name hit scores higher.
    const auto name_hit = idx().search("mentor", {}, 1);
    const auto body_hit = idx().search("oppfølgingsplan", {}, 1);
    REQUIRE_FALSE(name_hit.empty());
    REQUIRE_FALSE(body_hit.empty());
    // "Mentor" is that measure's whole name: name weight 10 × exact 1.0 × whole name 1.25.
    CHECK(name_hit[0].score == doctest::Approx(Ranking::name * Ranking::whole_name));
    CHECK(body_hit[0].score < Ranking::name);
    // Search words weigh more than summaries: "truck" is a search word of AMO only.
    CHECK(first("truck") == "arbeidsmarkedsopplaering");
}

TEST_CASE("measures search: the 2026 catalogue - the youth wage subsidy and Raskere tilbake") {
    // Both words are in the youth subsidy's name; the other wage subsidies match one word only.
    CHECK(first("lønnstilskudd unge") == "firearig_lonnstilskudd");
    CHECK(first("lonnstilskudd ungdom") == "firearig_lonnstilskudd");
    // "lønnstilskudd" alone is half the name of the two general subsidies and a quarter of the
    // youth one: on an equal score the shorter name comes first.
    CHECK(ids("lønnstilskudd", {}, 3) ==
          std::vector<std::string>{"midlertidig_lonnstilskudd", "varig_lonnstilskudd", "firearig_lonnstilskudd"});
    // Raskere tilbake is found by its name, as historic, next to what replaced it.
    const auto rt = ids("raskere tilbake", {}, 5);
    CHECK(std::count(rt.begin(), rt.end(), "raskere_tilbake_avklaring") == 1);
    CHECK(std::count(rt.begin(), rt.end(), "raskere_tilbake_oppfolging") == 1);
    for (const auto& id : rt)
        if (id.rfind("raskere_tilbake", 0) == 0) CHECK_FALSE(cat().find(id)->current);
    CHECK(std::count(rt.begin(), rt.end(), "avklaring") == 1);
    CHECK(first("utvidet egenmelding") == "utvidet_egenmelding");
}

TEST_CASE("measures search: deterministic ranking, ties by the shorter name, then id") {
    for (const char* q : {"tilskudd", "sykmeldt", "arbeid", "nav", "tilrettelegging"}) {
        const auto a = idx().search(q);
        const auto b = idx().search(q);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].measure == b[i].measure);
            if (i > 0) {
                CHECK(a[i - 1].score >= a[i].score);
                if (a[i - 1].score == a[i].score) { // ties: the shorter bokmål name, then the id
                    const Measure& ma = cat().measures[static_cast<std::size_t>(a[i - 1].measure)];
                    const Measure& mb = cat().measures[static_cast<std::size_t>(a[i].measure)];
                    const auto la = tokenize(ma.name.nb).size(), lb = tokenize(mb.name.nb).size();
                    CHECK((la < lb || (la == lb && ma.id < mb.id)));
                }
            }
        }
    }
}

TEST_CASE("measures search: filters") {
    SearchFilter phase;
    phase.phase = Phase::sick_8_26;
    for (const auto& id : ids("tilskudd", phase)) CHECK(cat().find(id)->has_phase(Phase::sick_8_26));
    CHECK_FALSE(ids("tilskudd", phase).empty());

    SearchFilter historic;
    historic.validity = Validity::historic_only;
    const auto hist = ids("", historic);
    CHECK(std::set<std::string>(hist.begin(), hist.end()).count("tilretteleggingstilskudd") == 1);
    for (const auto& id : hist) CHECK_FALSE(cat().find(id)->current);

    SearchFilter current;
    current.validity = Validity::current_only;
    for (const auto& id : ids("tilretteleggingstilskudd", current)) CHECK(id != "tilretteleggingstilskudd");

    SearchFilter goal;
    goal.ia_goal = "2b";
    const auto g = ids("", goal);
    CHECK(std::set<std::string>(g.begin(), g.end()).count("ia_plass") == 1);
    for (const auto& id : g) {
        const auto& goals = cat().find(id)->ia_goals;
        CHECK(std::find(goals.begin(), goals.end(), "2b") != goals.end());
    }

    SearchFilter provider;
    provider.provider = "nav_hjelpemiddelsentral";
    const auto p = ids("", provider);
    CHECK(std::set<std::string>(p.begin(), p.end()) == std::set<std::string>{"funksjonsassistanse", "hjelpemidler"});

    SearchFilter group;
    group.target_group = "ia_virksomheter";
    for (const auto& id : ids("", group)) {
        const auto& groups = cat().find(id)->target_groups;
        CHECK(std::find(groups.begin(), groups.end(), "ia_virksomheter") != groups.end());
    }
    CHECK(ids("mentor", provider).empty());
    CHECK(ids("", {}, 5).size() == 5);
}

TEST_CASE("measures search: historic measures rank below current ones on equal terms") {
    // Both names contain "tilskudd" as a compound part; the historic one is scaled down.
    const auto hits = idx().search("tilskudd");
    double inkl = 0, tilr = 0;
    for (const auto& h : hits) {
        const auto& id = cat().measures[static_cast<std::size_t>(h.measure)].id;
        if (id == "inkluderingstilskudd") inkl = h.score;
        if (id == "tilretteleggingstilskudd") tilr = h.score;
    }
    CHECK(inkl > tilr);
    CHECK(tilr > 0);
}

// The speed of 1 000 searches is measured in bench/ (search_1000), not here.

TEST_CASE("measures search: the issue's relevance queries as a user types them") {
    // Without ø, and with the other misspellings the issue names.
    const auto lonn = ids("lonnstilskudd", {}, 2);
    CHECK(std::set<std::string>(lonn.begin(), lonn.end()) ==
          std::set<std::string>{"midlertidig_lonnstilskudd", "varig_lonnstilskudd"});
    CHECK(first("inkluderingstilsudd") == "inkluderingstilskudd");   // a letter left out
    CHECK(first("inkluderingstillskudd") == "inkluderingstilskudd"); // a letter doubled
    CHECK(first("ekspertbisand") == "tilskudd_ekspertbistand");
    // Results update on every keystroke: each prefix of the word already has it first.
    const std::string word = "inkluderingstilskudd";
    for (std::size_t n = 4; n <= word.size(); ++n) {
        INFO(word.substr(0, n));
        CHECK(first(word.substr(0, n)) == "inkluderingstilskudd");
    }
    // Situations in the employer's own words, in either order.
    CHECK(first("sykmeldt kompetanse") == "kompetansetiltak_sykmeldte");
    CHECK(first("hjelpemiddelsentralen") == "hjelpemidler");
    CHECK(first("mentor tilskudd") == "mentor");
}

TEST_CASE("measures search: English names") {
    CHECK(first("expert assistance") == "tilskudd_ekspertbistand");
    CHECK(first("travel grant") == "reisetilskudd");
    CHECK(first("assistive aids") == "hjelpemidler");
    CHECK(first("occupational health service") == "bedriftshelsetjeneste");
    CHECK(first("permanent wage subsidy") == "varig_lonnstilskudd");
    CHECK(first("temporary wage subsidy") == "midlertidig_lonnstilskudd");
    CHECK(first("career guidance") == "karriereveiledning");
    CHECK(first("skills measures") == "kompetansetiltak_sykmeldte");
    CHECK(first("adaptation grant") == "tilretteleggingstilskudd"); // historic, still found by its name
}

TEST_CASE("measures search: every measure's own name, in bokmål and English, finds it first") {
    for (const Measure& m : cat().measures) {
        INFO(m.id);
        CHECK(first(m.name.nb) == m.id);
        if (m.name.en.empty()) continue;
        CHECK(first(m.name.en) == m.id);
    }
}

// "Work training" matches every word of Arbeidstrening's English name and two words of "Work
// preparatory training (AFT)", with the same score (20); the measure named so comes first.
TEST_CASE("measures search: the English name Work training finds Arbeidstrening first, AFT second") {
    const auto hits = idx().search("Work training", {}, 3);
    REQUIRE(hits.size() >= 2);
    CHECK(cat().measures[static_cast<std::size_t>(hits[0].measure)].id == "arbeidstrening");
    CHECK(cat().measures[static_cast<std::size_t>(hits[1].measure)].id == "arbeidsforberedende_trening");
}
