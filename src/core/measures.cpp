// measures: catalogue parsing and checks (contract in include/iadesk/measures.hpp; record format
// in docs/measures.md). nlohmann::json is used in non-throwing mode only: parse(text, nullptr,
// false), and every access is preceded by a type check.
#include "iadesk/measures.hpp"

#include "iadesk/assets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace iadesk::measures {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, kPhaseCount> kPhaseIds = {
    "prevention", "sick_0_8", "sick_8_26", "sick_26_52", "after_sickpay", "recruitment"};
constexpr std::array<std::string_view, 10> kFactIds = {
    "has_bht",           "ia_member",          "has_employer", "sick_listed", "case_week",
    "grade",             "has_followup_plan",  "own_measures_tried", "months_sick",
    "reduced_work_capacity"};
constexpr std::array<std::string_view, 7> kUnits = {"NOK", "MNOK", "percent", "hours", "weeks", "months", "days"};

// RFC 6901 escaping of one reference token.
std::string escape_token(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (ch == '~') out += "~0";
        else if (ch == '/') out += "~1";
        else out += ch;
    }
    return out;
}

struct Reader {
    Catalogue& cat;
    std::string file;

    void problem(const std::string& ptr, std::string msg) { cat.problems.push_back({file, ptr, std::move(msg)}); }

    const json* member(const json& obj, std::string_view key) const {
        if (!obj.is_object()) return nullptr;
        auto it = obj.find(std::string(key));
        return it == obj.end() ? nullptr : &*it;
    }

    // Reads a string member. Missing and null count as absent; other types are problems.
    bool str(const json& obj, std::string_view key, const std::string& ptr, std::string& out, bool required) {
        const json* v = member(obj, key);
        const std::string p = ptr + "/" + escape_token(key);
        if (v == nullptr || v->is_null()) {
            if (required) problem(p, "required string is missing");
            return false;
        }
        if (!v->is_string()) {
            problem(p, "must be a string");
            return false;
        }
        out = v->get_ref<const std::string&>();
        if (required && out.empty()) problem(p, "must not be empty");
        return true;
    }

    // {"nb": ..., "en": ...}; nb required when the text is required.
    bool text(const json& obj, std::string_view key, const std::string& ptr, Text& out, bool required) {
        const json* v = member(obj, key);
        const std::string p = ptr + "/" + escape_token(key);
        if (v == nullptr || v->is_null()) {
            if (required) problem(p, "required text {nb, en} is missing");
            return false;
        }
        if (!v->is_object()) {
            problem(p, "must be an object {nb, en}");
            return false;
        }
        str(*v, "nb", p, out.nb, required);
        str(*v, "en", p, out.en, false);
        return true;
    }

    std::vector<std::string> str_list(const json& obj, std::string_view key, const std::string& ptr, bool required) {
        std::vector<std::string> out;
        const json* v = member(obj, key);
        const std::string p = ptr + "/" + escape_token(key);
        if (v == nullptr || v->is_null()) {
            if (required) problem(p, "required list is missing");
            return out;
        }
        if (!v->is_array()) {
            problem(p, "must be an array of strings");
            return out;
        }
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& e = (*v)[i];
            if (!e.is_string() || e.get_ref<const std::string&>().empty())
                problem(p + "/" + std::to_string(i), "must be a non-empty string");
            else
                out.push_back(e.get_ref<const std::string&>());
        }
        if (required && out.empty()) problem(p, "must not be empty");
        return out;
    }

    std::optional<int> integer(const json& obj, std::string_view key, const std::string& ptr) {
        const json* v = member(obj, key);
        if (v == nullptr || v->is_null()) return std::nullopt;
        if (!v->is_number_integer()) {
            problem(ptr + "/" + escape_token(key), "must be an integer");
            return std::nullopt;
        }
        return static_cast<int>(v->get<std::int64_t>());
    }

    std::optional<Check> check(const json& v, const std::string& ptr, int depth) {
        if (depth > 8) {
            problem(ptr, "check nested too deeply");
            return std::nullopt;
        }
        if (!v.is_object()) {
            problem(ptr, "check must be an object");
            return std::nullopt;
        }
        Check c;
        if (const json* f = member(v, "fact")) {
            c.kind = Check::Kind::fact;
            auto fact = f->is_string() ? parse_fact(f->get_ref<const std::string&>()) : std::nullopt;
            if (!fact) {
                problem(ptr + "/fact", "unknown fact");
                return std::nullopt;
            }
            c.fact = *fact;
            if (fact_is_numeric(*fact)) {
                c.min = integer(v, "min", ptr);
                c.max = integer(v, "max", ptr);
                if (!c.min && !c.max) {
                    problem(ptr, "a numeric fact needs min and/or max");
                    return std::nullopt;
                }
            } else {
                const json* is = member(v, "is");
                if (is == nullptr || !is->is_boolean()) {
                    problem(ptr + "/is", "a yes/no fact needs \"is\": true|false");
                    return std::nullopt;
                }
                c.is = is->get<bool>();
            }
            return c;
        }
        for (auto [key, kind] : {std::pair{"all", Check::Kind::all}, std::pair{"any", Check::Kind::any},
                                 std::pair{"not", Check::Kind::negate}}) {
            const json* sub = member(v, key);
            if (sub == nullptr) continue;
            c.kind = kind;
            const std::string p = ptr + "/" + key;
            if (kind == Check::Kind::negate) {
                if (auto child = check(*sub, p, depth + 1)) c.children.push_back(std::move(*child));
                else return std::nullopt;
                return c;
            }
            if (!sub->is_array() || sub->empty()) {
                problem(p, "must be a non-empty array of checks");
                return std::nullopt;
            }
            for (std::size_t i = 0; i < sub->size(); ++i) {
                auto child = check((*sub)[i], p + "/" + std::to_string(i), depth + 1);
                if (!child) return std::nullopt;
                c.children.push_back(std::move(*child));
            }
            return c;
        }
        problem(ptr, "check needs \"fact\", \"all\", \"any\" or \"not\"");
        return std::nullopt;
    }

    void measure(const json& v, const std::string& ptr) {
        if (!v.is_object()) {
            problem(ptr, "a measure must be an object");
            return;
        }
        Measure m;
        if (!str(v, "id", ptr, m.id, true) || m.id.empty()) return;
        for (char ch : m.id)
            if (!(std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_')) {
                problem(ptr + "/id", "id must use a-z, 0-9 and _ only");
                break;
            }
        text(v, "name", ptr, m.name, true);
        if (m.name.en.empty()) problem(ptr + "/name/en", "an English name is required");
        text(v, "summary", ptr, m.summary, true);
        text(v, "body", ptr, m.body, true);
        str(v, "provider", ptr, m.provider, true);
        m.applicants = str_list(v, "applicants", ptr, true);
        m.target_groups = str_list(v, "target_groups", ptr, true);
        auto phases = str_list(v, "phases", ptr, true);
        for (std::size_t i = 0; i < phases.size(); ++i) {
            if (auto p = parse_phase(phases[i])) m.phases.push_back(*p);
            else problem(ptr + "/phases/" + std::to_string(i), "unknown phase \"" + phases[i] + "\"");
        }
        m.ia_goals = str_list(v, "ia_goals", ptr, false);

        if (const json* conds = member(v, "conditions"); conds != nullptr && !conds->is_null()) {
            if (!conds->is_array()) problem(ptr + "/conditions", "must be an array");
            else
                for (std::size_t i = 0; i < conds->size(); ++i) {
                    const std::string p = ptr + "/conditions/" + std::to_string(i);
                    Condition c;
                    text((*conds)[i], "text", p, c.text, true);
                    if (const json* ch = member((*conds)[i], "check")) c.check = check(*ch, p + "/check", 0);
                    m.conditions.push_back(std::move(c));
                }
        }

        if (const json* d = member(v, "max_duration"); d != nullptr && !d->is_null()) {
            text(v, "max_duration", ptr, m.max_duration, false);
            m.max_duration_weeks = integer(*d, "weeks", ptr + "/max_duration");
            if (m.max_duration_weeks && *m.max_duration_weeks <= 0) problem(ptr + "/max_duration/weeks", "must be positive");
        }

        if (const json* amounts = member(v, "amounts"); amounts != nullptr && !amounts->is_null()) {
            if (!amounts->is_array()) problem(ptr + "/amounts", "must be an array");
            else
                for (std::size_t i = 0; i < amounts->size(); ++i) {
                    const json& a = (*amounts)[i];
                    const std::string p = ptr + "/amounts/" + std::to_string(i);
                    Amount am;
                    text(a, "what", p, am.what, true);
                    if (const json* val = member(a, "value"); val != nullptr && val->is_number()) am.value = val->get<double>();
                    else problem(p + "/value", "must be a number");
                    str(a, "unit", p, am.unit, true);
                    if (std::find(kUnits.begin(), kUnits.end(), am.unit) == kUnits.end())
                        problem(p + "/unit", "unknown unit \"" + am.unit + "\"");
                    auto year = integer(a, "year", p);
                    if (!year || *year < 1990 || *year > 2100) problem(p + "/year", "every amount needs its year (1990-2100)");
                    else am.year = *year;
                    str(a, "source", p, am.source, true);
                    if (const json* vf = member(a, "verify"); vf != nullptr && vf->is_boolean()) am.verify = vf->get<bool>();
                    text(a, "stale_reason", p, am.stale_reason, false);
                    m.amounts.push_back(std::move(am));
                }
        }

        std::string status;
        str(v, "status", ptr, status, true);
        if (status != "current" && status != "historic") problem(ptr + "/status", "must be \"current\" or \"historic\"");
        m.current = status != "historic";
        str(v, "valid_from", ptr, m.valid_from, false);
        str(v, "valid_to", ptr, m.valid_to, false);
        if (!m.valid_from.empty() && !valid_partial_date(m.valid_from)) problem(ptr + "/valid_from", "must be YYYY, YYYY-MM or YYYY-MM-DD");
        if (!m.valid_to.empty() && !valid_partial_date(m.valid_to)) problem(ptr + "/valid_to", "must be YYYY, YYYY-MM or YYYY-MM-DD");
        if (!m.current && m.valid_to.empty()) problem(ptr + "/valid_to", "a historic measure needs valid_to");
        if (m.current && !m.valid_to.empty()) problem(ptr + "/valid_to", "a current measure must not have valid_to");
        m.replaced_by = str_list(v, "replaced_by", ptr, false);
        if (m.current && !m.replaced_by.empty()) problem(ptr + "/replaced_by", "only a historic measure can be replaced by others");
        if (str(v, "checked", ptr, m.checked, true) && !m.checked.empty() && !valid_iso_date(m.checked))
            problem(ptr + "/checked", "must be the date the record was last compared with its sources, as YYYY-MM-DD (got \"" +
                                          m.checked + "\")");

        if (const json* ev = member(v, "evidence"); ev != nullptr && !ev->is_null()) {
            if (!ev->is_array()) problem(ptr + "/evidence", "must be an array");
            else
                for (std::size_t i = 0; i < ev->size(); ++i) {
                    const std::string p = ptr + "/evidence/" + std::to_string(i);
                    Evidence e;
                    text((*ev)[i], "text", p, e.text, true);
                    text((*ev)[i], "caveat", p, e.caveat, false);
                    str((*ev)[i], "source", p, e.source, true);
                    m.evidence.push_back(std::move(e));
                }
        }

        if (const json* src = member(v, "sources"); src != nullptr && src->is_array()) {
            for (std::size_t i = 0; i < src->size(); ++i) {
                const std::string p = ptr + "/sources/" + std::to_string(i);
                Source s;
                str((*src)[i], "kind", p, s.kind, true);
                str((*src)[i], "ref", p, s.ref, true);
                str((*src)[i], "note", p, s.note, false);
                if (!source_ref_ok(s)) problem(p + "/ref", "reference does not fit its kind (report: an id of docs/sources.md and a chapter, section or table; law with §; web URL)");
                m.sources.push_back(std::move(s));
            }
        }
        if (m.sources.empty()) problem(ptr + "/sources", "at least one source is required");

        m.search_words = str_list(v, "search_words", ptr, false);
        text(v, "suggest_hint", ptr, m.suggest_hint, false);
        if (const json* b = member(v, "boost"); b != nullptr && !b->is_null()) m.boost = check(*b, ptr + "/boost", 0);
        m.verify = str_list(v, "verify", ptr, false);
        cat.measures.push_back(std::move(m));
    }

    static bool valid_partial_date(std::string_view s) {
        auto digits = [&](std::size_t from, std::size_t n) {
            for (std::size_t i = from; i < from + n; ++i)
                if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
            return true;
        };
        if (s.size() == 4) return digits(0, 4);
        if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
        if (s.size() == 10) return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
        return false;
    }

    static bool source_ref_ok(const Source& s) {
        if (s.kind == "report") {
            // "<id> <place>": a report of docs/sources.md and where in it, e.g. "sintef-ia-2013 kap. 9.1.4".
            const std::size_t space = s.ref.find(' ');
            if (space == std::string::npos || space + 1 >= s.ref.size()) return false;
            return !report_title(std::string_view(s.ref).substr(0, space)).empty();
        }
        if (s.kind == "law") return s.ref.find("§") != std::string::npos;
        if (s.kind == "web") return s.ref.rfind("https://", 0) == 0 || s.ref.rfind("http://", 0) == 0;
        return false;
    }

    void taxonomy(const json& t, const std::string& ptr) {
        Taxonomy& tx = cat.taxonomy;
        if (const json* ph = member(t, "phases"); ph != nullptr && ph->is_object()) {
            for (int i = 0; i < kPhaseCount; ++i)
                text(*ph, kPhaseIds[static_cast<std::size_t>(i)], ptr + "/phases", tx.phases[static_cast<std::size_t>(i)], true);
        } else {
            problem(ptr + "/phases", "labels of the phases are required");
        }
        auto labels = [&](std::string_view key, std::vector<Label>& out) {
            const json* list = member(t, key);
            const std::string p = ptr + "/" + std::string(key);
            if (list == nullptr || !list->is_array()) {
                problem(p, "must be an array of {id, nb, en}");
                return;
            }
            for (std::size_t i = 0; i < list->size(); ++i) {
                Label l;
                const std::string pi = p + "/" + std::to_string(i);
                str((*list)[i], "id", pi, l.id, true);
                str((*list)[i], "nb", pi, l.label.nb, true);
                str((*list)[i], "en", pi, l.label.en, true);
                out.push_back(std::move(l));
            }
        };
        labels("ia_goals", tx.ia_goals);
        labels("providers", tx.providers);
        labels("target_groups", tx.target_groups);
        labels("applicants", tx.applicants);
    }

    void search(const json& s, const std::string& ptr) {
        auto stop = str_list(s, "stopwords", ptr, false);
        cat.stopwords.insert(cat.stopwords.end(), stop.begin(), stop.end());
        const json* syn = member(s, "synonyms");
        if (syn == nullptr) return;
        if (!syn->is_array()) {
            problem(ptr + "/synonyms", "must be an array");
            return;
        }
        for (std::size_t i = 0; i < syn->size(); ++i) {
            const std::string p = ptr + "/synonyms/" + std::to_string(i);
            Synonym y;
            if (member((*syn)[i], "equivalent") != nullptr) {
                y.equivalent = true;
                y.from = str_list((*syn)[i], "equivalent", p, true);
                if (y.from.size() < 2) problem(p + "/equivalent", "an equivalence needs at least two terms");
                y.to = y.from;
            } else {
                y.from = str_list((*syn)[i], "from", p, true);
                y.to = str_list((*syn)[i], "to", p, true);
            }
            cat.synonyms.push_back(std::move(y));
        }
    }
};

} // namespace

std::string_view phase_id(Phase p) { return kPhaseIds[static_cast<std::size_t>(p)]; }

std::optional<Phase> parse_phase(std::string_view id) {
    for (std::size_t i = 0; i < kPhaseIds.size(); ++i)
        if (kPhaseIds[i] == id) return static_cast<Phase>(i);
    return std::nullopt;
}

Phase phase_for_week(int w) {
    if (w <= 0) return Phase::prevention;
    if (w <= 8) return Phase::sick_0_8;
    if (w <= 26) return Phase::sick_8_26;
    if (w <= 52) return Phase::sick_26_52;
    return Phase::after_sickpay;
}

std::string_view fact_id(Fact f) { return kFactIds[static_cast<std::size_t>(f)]; }

std::optional<Fact> parse_fact(std::string_view id) {
    for (std::size_t i = 0; i < kFactIds.size(); ++i)
        if (kFactIds[i] == id) return static_cast<Fact>(i);
    return std::nullopt;
}

bool fact_is_numeric(Fact f) { return f == Fact::case_week || f == Fact::grade || f == Fact::months_sick; }

bool Measure::has_phase(Phase p) const { return std::find(phases.begin(), phases.end(), p) != phases.end(); }

const Label* Taxonomy::find(const std::vector<Label>& list, std::string_view id) {
    for (const Label& l : list)
        if (l.id == id) return &l;
    return nullptr;
}

int Catalogue::index_of(std::string_view id) const {
    auto it = std::lower_bound(measures.begin(), measures.end(), id,
                               [](const Measure& m, std::string_view key) { return m.id < key; });
    if (it == measures.end() || it->id != id) return -1;
    return static_cast<int>(it - measures.begin());
}

const Measure* Catalogue::find(std::string_view id) const {
    int i = index_of(id);
    return i < 0 ? nullptr : &measures[static_cast<std::size_t>(i)];
}

void parse_catalogue_file(std::string_view json_text, std::string_view file_name, Catalogue& into) {
    Reader r{into, std::string(file_name)};
    json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (doc.is_discarded()) {
        r.problem("", "not valid JSON");
        return;
    }
    if (!doc.is_object()) {
        r.problem("", "top level must be an object");
        return;
    }
    bool known = false;
    if (const json* ms = r.member(doc, "measures")) {
        known = true;
        if (!ms->is_array()) r.problem("/measures", "must be an array");
        else
            for (std::size_t i = 0; i < ms->size(); ++i) r.measure((*ms)[i], "/measures/" + std::to_string(i));
    }
    if (const json* t = r.member(doc, "taxonomy")) {
        known = true;
        r.taxonomy(*t, "/taxonomy");
    }
    if (const json* s = r.member(doc, "search")) {
        known = true;
        r.search(*s, "/search");
    }
    if (!known) r.problem("", "expected \"measures\", \"taxonomy\" or \"search\"");
}

void finish_catalogue(Catalogue& c) {
    std::stable_sort(c.measures.begin(), c.measures.end(), [](const Measure& a, const Measure& b) { return a.id < b.id; });
    auto problem = [&](const Measure& m, std::string where, std::string msg) {
        c.problems.push_back({"measures/", "/" + m.id + where, std::move(msg)});
    };
    for (std::size_t i = 1; i < c.measures.size(); ++i)
        if (c.measures[i].id == c.measures[i - 1].id) problem(c.measures[i], "", "duplicate id");

    const Taxonomy& t = c.taxonomy;
    for (const Measure& m : c.measures) {
        if (Taxonomy::find(t.providers, m.provider) == nullptr) problem(m, "/provider", "unknown provider \"" + m.provider + "\"");
        for (const auto& a : m.applicants)
            if (Taxonomy::find(t.applicants, a) == nullptr) problem(m, "/applicants", "unknown applicant \"" + a + "\"");
        for (const auto& g : m.target_groups)
            if (Taxonomy::find(t.target_groups, g) == nullptr) problem(m, "/target_groups", "unknown target group \"" + g + "\"");
        for (const auto& g : m.ia_goals)
            if (Taxonomy::find(t.ia_goals, g) == nullptr) problem(m, "/ia_goals", "unknown IA goal \"" + g + "\"");
    }
    // A successor must exist and be in force: "replaced by" points the reader to what to use today.
    for (const Measure& m : c.measures)
        for (const auto& id : m.replaced_by) {
            const Measure* next = c.find(id);
            if (next == nullptr) problem(m, "/replaced_by", "unknown measure \"" + id + "\"");
            else if (!next->current) problem(m, "/replaced_by", "\"" + id + "\" is itself historic");
        }

    // Every synonym target must be findable: each token of a one-way target, and at least one
    // term of an equivalence group, occurs inside some token of some record.
    std::set<std::string> vocab;
    for (const Measure& m : c.measures)
        for (const std::string* s : {&m.name.nb, &m.name.en, &m.summary.nb, &m.summary.en, &m.body.nb, &m.body.en}) {
            auto toks = tokenize(*s);
            vocab.insert(toks.begin(), toks.end());
        }
    for (const Measure& m : c.measures)
        for (const auto& w : m.search_words) {
            auto toks = tokenize(w);
            vocab.insert(toks.begin(), toks.end());
        }
    auto findable = [&](const std::string& term) {
        auto toks = tokenize(term);
        if (toks.empty()) return false;
        for (const auto& tk : toks) {
            bool hit = false;
            for (const auto& v : vocab)
                if (v.find(tk) != std::string::npos) {
                    hit = true;
                    break;
                }
            if (!hit) return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < c.synonyms.size(); ++i) {
        const Synonym& y = c.synonyms[i];
        const std::string ptr = "/search/synonyms/" + std::to_string(i);
        if (y.equivalent) {
            if (std::none_of(y.to.begin(), y.to.end(), findable))
                c.problems.push_back({"measures/", ptr, "no term of the equivalence occurs in the catalogue"});
        } else {
            for (const auto& term : y.to)
                if (!findable(term)) c.problems.push_back({"measures/", ptr, "synonym target \"" + term + "\" occurs in no record"});
        }
    }
}

namespace {
// The reports of docs/sources.md (id, short citation). Add a report there and here together.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kReports = {{
    {"sintef-ia-2013", "SINTEF: Evaluering av IA-avtalen (2010–2013), 2013"},
    {"fafo-kompetanse-2021", "Hilsen, Lien og Tveito: Kompetansetiltak for sykmeldte, Fafo-rapport 2021:04"},
    {"oe-kompetanse-2022", "Oslo Economics: Prosessevaluering av Kompetansetiltak for sykmeldte, 2022"},
    {"nossen-2023", "Nossen: Tiltaksdeltakere med nedsatt arbeidsevne – hvor går de etterpå?, Arbeid og velferd 2/2023"},
    {"oxford-norce-sfs", "Oxford Research og NORCE: Evaluering av Senter for Sykefraværsoppfølging i Hamarregionen"},
}};
} // namespace

std::string_view report_title(std::string_view id) {
    for (const auto& [known, title] : kReports)
        if (known == id) return title;
    return {};
}

std::vector<std::string_view> report_ids() {
    std::vector<std::string_view> out;
    for (const auto& r : kReports) out.push_back(r.first);
    return out;
}

Catalogue builtin_catalogue() {
    Catalogue c;
    for (std::string_view path : assets::list("measures/"))
        if (path.size() > 5 && path.substr(path.size() - 5) == ".json") parse_catalogue_file(assets::get(path), path, c);
    if (c.measures.empty()) c.problems.push_back({"measures/", "", "no measures are embedded"});
    finish_catalogue(c);
    return c;
}

} // namespace iadesk::measures
