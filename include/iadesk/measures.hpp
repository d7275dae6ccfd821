// measures: the catalogue of tiltak and virkemidler (docs/domain.md, Measures), its search engine,
// eligibility predicates and suggestions for a sickness case. Format and ranking: docs/measures.md.
//
// Contract
// - The catalogue is data: assets/measures/*.json. A file holds {"measures": [...]} (records),
//   and/or {"taxonomy": {...}} (labels of phases, IA goals, providers, target groups, applicants)
//   and {"search": {"synonyms": [...], "stopwords": [...]}}. Adding a measure is adding a record.
// - parse_catalogue_file never throws (nlohmann::json is used in non-throwing mode only) and
//   reports every problem with the file name and a JSON pointer (RFC 6901). A record with a
//   problem is still loaded when its id and name are usable, so one bad field does not hide it.
// - MeasureIndex is built once from a Catalogue and answers search() without allocation-heavy
//   work; it stores measure positions, never pointers, so it stays valid when the Catalogue is
//   moved. Ranking is deterministic: score descending, then the shorter name, then id ascending.
// - Eligibility is three-valued and honest: eligible only when every condition is known to hold;
//   a condition without a machine check, or whose facts are missing, is "to check" (unknown);
//   one failed condition makes the measure not_eligible. EligibilityContext is plain data so that
//   callers (cases, app, CLI) can fill it from whatever model they hold.
// - Every record carries the date it was last compared with its sources (`checked`), and every
//   amount its year; stale_amounts() lists the figures of current measures that are older than
//   last year, relative to a date the caller gives (never the wall clock).
// - Nothing here throws; a missing or broken asset gives an empty catalogue plus problems.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::measures {

// ---- Catalogue ---------------------------------------------------------------------------------

// The phases of docs/domain.md, Measures. Weeks count from the case start (week 1 = days 1-7).
enum class Phase : std::uint8_t {
    prevention,    // before any sick leave, or at risk of it
    sick_0_8,      // weeks 1-8 of a case
    sick_8_26,     // weeks 9-26
    sick_26_52,    // weeks 27-52
    after_sickpay, // after sick pay ends (maksdato), AAP
    recruitment,   // hiring people outside work
};
inline constexpr int kPhaseCount = 6;
std::string_view phase_id(Phase p);                      // "sick_8_26"
std::optional<Phase> parse_phase(std::string_view id);   // inverse of phase_id
Phase phase_for_week(int case_week);                     // 1-8 -> sick_0_8, ..., >52 -> after_sickpay

struct Text {
    std::string nb;
    std::string en; // may be empty where no English text exists yet
    const std::string& in(std::string_view lang) const { return (lang == "en" && !en.empty()) ? en : nb; }
};

// Facts a predicate can test; each maps to one field of EligibilityContext.
enum class Fact : std::uint8_t {
    has_bht,               // organisation has own or shared bedriftshelsetjeneste
    ia_member,             // organisation is an IA enterprise (the pre-2019 samarbeidsavtale)
    has_employer,          // the person is employed
    sick_listed,           // the person is sick-listed today
    case_week,             // week of the current sickness case (1-based)
    grade,                 // sick-leave grade today, percent (20-100)
    has_followup_plan,     // an oppfølgingsplan exists for the case
    own_measures_tried,    // bedriftsinterne tiltak considered or tried and documented
    months_sick,           // whole months of sick leave (full or graded) in the case
    reduced_work_capacity, // NAV has assessed nedsatt arbeidsevne
};
std::string_view fact_id(Fact f);
std::optional<Fact> parse_fact(std::string_view id);
bool fact_is_numeric(Fact f);

// A check expression: a leaf tests one fact ({"fact": "has_bht", "is": false} or
// {"fact": "case_week", "min": 12, "max": 26}); "all" / "any" / "not" combine.
struct Check {
    enum class Kind : std::uint8_t { fact, all, any, negate } kind = Kind::all;
    Fact fact = Fact::has_bht;
    std::optional<bool> is;      // boolean facts
    std::optional<int> min, max; // numeric facts, inclusive bounds
    std::vector<Check> children; // all / any / not (exactly one child)
};

struct Condition {
    Text text;                  // as the source states it
    std::optional<Check> check; // absent: shown to the user but not checked
};

struct Amount {
    Text what;          // "Maksimalt tilskudd per år"
    double value = 0;
    std::string unit;   // "NOK", "percent", "hours", "weeks", "months", "days"
    int year = 0;       // the year the figure applies to (or was seen in its source)
    std::string source; // citation
    bool verify = false;
    Text stale_reason;  // why a figure older than last year is still shown (see stale_amounts)
};

struct Evidence {
    Text text;          // the finding, with numbers
    Text caveat;        // selection bias, design limits ... (may be empty)
    std::string source; // citation, e.g. "nossen-2023 tabell 3" (docs/sources.md)
};

struct Source {
    // "report": ref is "<id> <place>", a report of docs/sources.md and its chapter, section or table
    // ("sintef-ia-2013 kap. 9.1.4"); "law": a law section ("folketrygdloven § 10-5"); "web": a URL.
    std::string kind;
    std::string ref;
    std::string note;
};

struct Measure {
    std::string id;
    Text name, summary, body;
    std::string provider;                  // taxonomy provider id
    std::vector<std::string> applicants;   // who applies / initiates (taxonomy applicant ids)
    std::vector<std::string> target_groups;
    std::vector<Phase> phases;
    std::vector<std::string> ia_goals;     // "1", "2a", ..., "2019:frafall"
    std::vector<Condition> conditions;     // all must hold
    Text max_duration;                     // free text; empty when none or not known
    std::optional<int> max_duration_weeks;
    std::vector<Amount> amounts;
    bool current = true;                   // false: historic (valid_to is then set)
    std::string valid_from, valid_to;      // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty = open
    std::vector<Evidence> evidence;
    std::vector<Source> sources;
    std::vector<std::string> search_words;
    Text suggest_hint;                     // short reason used by suggest(), e.g. "kan vurderes i uke 12–26"
    std::optional<Check> boost;            // suggest() ranks the measure higher when this holds
    std::vector<std::string> verify;       // facts still to check (VERIFY)
    std::string checked;                   // "YYYY-MM-DD": when the record was last compared with its sources
    std::vector<std::string> replaced_by;  // historic: ids of the current measures that took over

    bool has_phase(Phase p) const;
};

struct Label {
    std::string id;
    Text label;
};

struct Taxonomy {
    std::array<Text, kPhaseCount> phases;  // labels by Phase
    std::vector<Label> ia_goals, providers, target_groups, applicants;
    static const Label* find(const std::vector<Label>& list, std::string_view id);
};

// A synonym group. `equivalent`: every term stands for every other (AMO <-> arbeidsmarkedsopplæring).
// One-way: a query term in `from` also searches `to` (lønnsstøtte -> lønnstilskudd).
struct Synonym {
    std::vector<std::string> from;
    std::vector<std::string> to;
    bool equivalent = false;
};

struct CatalogueProblem {
    std::string file;    // asset path, e.g. "measures/grants.json"
    std::string pointer; // e.g. "/measures/3/amounts/0/year"
    std::string message; // English
};

struct Catalogue {
    std::vector<Measure> measures; // sorted by id
    Taxonomy taxonomy;
    std::vector<Synonym> synonyms;
    std::vector<std::string> stopwords;
    std::vector<CatalogueProblem> problems;

    const Measure* find(std::string_view id) const;
    int index_of(std::string_view id) const; // -1 when absent
};

// Parses one file into `into` (records appended; call finish_catalogue after the last file).
void parse_catalogue_file(std::string_view json_text, std::string_view file_name, Catalogue& into);
// Sorts records by id and reports duplicate ids, references the taxonomy does not know, and
// replaced_by ids that are unknown or not current.
void finish_catalogue(Catalogue& c);
// Every file under assets/measures/ (embedded at build time); problems are in the result.
Catalogue builtin_catalogue();

// The research reports a source of kind "report" may name, by their id in docs/sources.md (the one
// list of them; a unit test keeps the two in step), with a short citation for display:
// report_title("sintef-ia-2013") is "SINTEF: Evaluering av IA-avtalen (2010–2013), 2013". An
// unknown id gives "".
std::string_view report_title(std::string_view id);
std::vector<std::string_view> report_ids();

// "YYYY-MM-DD" naming a day that exists (29 February only in leap years).
bool valid_iso_date(std::string_view s);
// A catalogue date as users read it: "2017-12-31" -> "31.12.2017", "2018-06" -> "06.2018",
// "2018" -> "2018"; anything else is returned as given.
std::string display_date(std::string_view partial_date);

// ---- Stale amounts -----------------------------------------------------------------------------

// The rule (docs/measures.md, "Checked dates and stale amounts"): an amount of a CURRENT measure
// is stale on `today` when its year is before last year (year(today) - 1), no amount of the same
// measure with the same `what` (bokmål) has a later year (an older figure of a series is history,
// not a claim about today), and it has no stale_reason. Historic measures never have stale amounts.
bool amount_is_stale(const Measure& m, std::size_t amount, int today_year);
struct StaleAmount {
    int measure = -1; // position in Catalogue::measures
    int amount = -1;  // position in Measure::amounts
};
// Every stale amount of the catalogue on `today` ("YYYY-MM-DD"; only its year is used). An
// unreadable date gives an empty list.
std::vector<StaleAmount> stale_amounts(const Catalogue& c, std::string_view today);

// ---- Search ------------------------------------------------------------------------------------

// Folding used for both the index and queries: lower case; æ -> ae; ø, ö, "oe" -> o;
// å, "aa" -> a; other Latin-1 accents dropped; everything else not a letter or digit -> space.
std::string fold(std::string_view utf8);
// fold() then split on spaces.
std::vector<std::string> tokenize(std::string_view utf8);
// Restricted Damerau-Levenshtein distance, or max_dist + 1 once it is certain to exceed max_dist.
int edit_distance(std::string_view a, std::string_view b, int max_dist);
// Edits allowed for a query token of this length: 0 below 5 letters, 1 for 5-8, 2 for 9+.
int allowed_edits(std::size_t length);

enum class Validity : std::uint8_t { any, current_only, historic_only };

struct SearchFilter {
    std::optional<Phase> phase;
    std::string ia_goal;      // empty = any
    std::string provider;     // empty = any
    std::string target_group; // empty = any
    Validity validity = Validity::any;
};

struct SearchHit {
    int measure = -1; // position in Catalogue::measures
    double score = 0;
};

class MeasureIndex {
public:
    MeasureIndex() = default;
    explicit MeasureIndex(const Catalogue& c);

    // Ranked hits for the query, at most `limit` (0 = all): score descending, then the shorter
    // bokmål name, then id. An empty query lists every measure that passes the filter, ordered by
    // folded name, with score 0.
    std::vector<SearchHit> search(std::string_view query, const SearchFilter& filter = {},
                                  std::size_t limit = 0) const;
    bool passes(int measure, const SearchFilter& filter) const;
    std::size_t size() const { return docs_.size(); }

    struct Posting {
        std::uint16_t doc;
        float weight; // highest field weight at which the token occurs in the doc
    };
    struct Entry { // a suffix of a vocabulary token: vocab_[token].substr(offset)
        std::uint32_t token;
        std::uint16_t offset;
    };

private:
    struct Doc {
        std::string id, folded_name;
        std::string name_words_nb, name_words_en; // the name's tokens joined by ' ', for a whole-name query
        std::uint16_t name_length = 0;            // tokens in the bokmål name (tie-break: shorter first)
        std::uint8_t phases = 0; // bit per Phase
        bool current = true;
        std::string provider;
        std::vector<std::string> goals, groups;
    };
    struct Alternative {
        std::vector<std::string> tokens;
        double factor = 1.0;
    };
    std::string_view suffix(const Entry& e) const;
    void match_token(std::string_view q, std::vector<double>& best) const;
    std::vector<std::vector<Alternative>> expand(const std::vector<std::string>& tokens) const;

    std::vector<Doc> docs_;
    std::vector<std::string> vocab_;                  // unique folded tokens, sorted
    std::vector<std::vector<Posting>> postings_;      // by vocab position
    std::vector<bool> key_;                           // token occurs in a name, search word or summary
    std::vector<Entry> suffixes_;                     // sorted by suffix text, then token
    std::vector<std::vector<std::uint32_t>> key_by_length_; // key vocab positions by token length
    std::vector<std::uint64_t> bigrams_;              // by vocab position: hashed bigram set (typo filter)
    std::vector<std::pair<std::vector<std::string>, std::vector<std::vector<std::string>>>> synonyms_;
    std::vector<std::string> stopwords_;              // folded, sorted
};

// Field weights and match factors (docs/measures.md explains the ranking).
struct Ranking {
    static constexpr double name = 10, search_words = 6, summary = 3, body = 1;
    static constexpr double exact = 1.0, prefix = 0.8, inside = 0.6, fuzzy1 = 0.5, fuzzy2 = 0.4,
                            fuzzy_prefix = 0.35, synonym = 0.9, historic = 0.7,
                            whole_name = 1.25; // the query is a measure's whole name, word for word
};

// ---- Eligibility -------------------------------------------------------------------------------

// What is known about the case and the organisation. std::nullopt = not known.
struct EligibilityContext {
    std::optional<bool> has_bht;
    std::optional<bool> ia_member;
    std::optional<bool> has_employer;
    std::optional<bool> sick_listed;
    std::optional<int> case_week;
    std::optional<int> grade;
    std::optional<bool> has_followup_plan;
    std::optional<bool> own_measures_tried;
    std::optional<int> months_sick;
    std::optional<bool> reduced_work_capacity;
    std::string today; // "YYYY-MM-DD"; empty = now, i.e. historic measures are closed
};

enum class Verdict : std::uint8_t { eligible, not_eligible, unknown };
std::string_view verdict_id(Verdict v); // "eligible", "not_eligible", "unknown"

// One condition (or the validity rule) as it stands for a case.
struct Finding {
    Text condition;          // as the source states it ("Arbeidsgiveren har ... laget en oppfølgingsplan.")
    Text detail;             // failed: what the case shows ("virksomheten har bedriftshelsetjeneste");
                             // to check: the facts missing ("om det er laget oppfølgingsplan"); may be empty
    bool checkable = false;  // the catalogue has a machine check for it
};

struct Eligibility {
    // eligible: every condition is checked and holds (a measure without conditions, in force).
    // not_eligible: a condition, or the validity period, fails (`failed` says which).
    // unknown: nothing fails, but some conditions are not known to hold (`to_check`): their
    // facts are missing, or there is no machine check for them.
    Verdict verdict = Verdict::unknown;
    std::vector<Finding> failed;
    std::vector<Finding> to_check;
    // The machine checks alone (conditions without a check ignored): how well the known facts
    // fit, which suggest() ranks by. eligible here does NOT mean the measure fits.
    Verdict checked = Verdict::unknown;
};

// Evaluates validity (historic measures are not eligible unless `today` falls inside
// [valid_from, valid_to]) and every condition: checked ones with Kleene three-valued logic,
// unchecked ones as "to check".
Eligibility evaluate(const Measure& m, const EligibilityContext& ctx);
Verdict evaluate_check(const Check& c, const EligibilityContext& ctx);

struct Suggestion {
    int measure = -1;
    double fit = 0;
    Verdict verdict = Verdict::unknown; // Eligibility::verdict (honest: eligible only when all conditions hold)
    Text reason;                    // "uke 14, 100 % sykmeldt: kompetansetiltak kan vurderes i uke 12–26"
    std::vector<Finding> to_check;  // for unknown: the conditions to check (Eligibility::to_check)
    std::vector<Text> missing;      // the facts to find out, "Mangler opplysning: ..." (nb and en)
};

// Measures for a case ranked by fit to its week (phase), grade and plan state; not_eligible and
// closed historic measures are left out. Ranking uses Eligibility::checked (docs/measures.md);
// each suggestion carries the honest verdict. Ties by id. `limit` 0 = all.
std::vector<Suggestion> suggest(const Catalogue& c, const EligibilityContext& ctx, std::size_t limit = 0);

} // namespace iadesk::measures
