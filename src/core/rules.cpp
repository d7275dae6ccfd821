// rules: follow-up regimes parsed from JSON (rules.hpp). The file layout is documented in
// docs/rules.md; in short:
//
//   {"format": "iadesk-rules", "version": 1, "id": "current",
//    "name": {"nb": "...", "en": "..."}, "valid_from": "2014-07-01", "valid_to": null,
//    "verified": true, "note": "...", "source": "...",
//    "milestones": [{"id": "oppfolgingsplan", "label": {"nb": "...", "en": "..."},
//                    "due": {"offset_days": 27}            // or {"anchor": "maksdato"}
//                    "responsible": "arbeidsgiver", "applies": "always", "source": "..."}]}
//
// Only the non-throwing nlohmann::json API is used (parse with allow_exceptions = false, type
// checks before every get), because the browser build may have exception catching disabled.
// Unknown keys are errors, so a misspelt "ofset_days" cannot silently fall back to a default.
#include "iadesk/rules.hpp"

#include "iadesk/assets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>

namespace iadesk {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "iadesk-rules";
constexpr int kVersion = 1;
constexpr int kMaxOffsetDays = 3 * 366; // a sick-pay right never spans more (ftrl § 8-12)

// RFC 6901 escaping of one reference token.
std::string escape_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

bool is_identifier(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

class Parser {
public:
    std::vector<RuleProblem> problems;

    void fail(const std::string& pointer, std::string message) {
        problems.push_back({pointer, std::move(message)});
    }

    void check_keys(const json& obj, const std::string& ptr, std::initializer_list<std::string_view> known) {
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                fail(ptr + "/" + escape_token(it.key()), "unknown key \"" + it.key() + "\"");
    }

    // A required non-empty string.
    std::string text(const json& obj, const std::string& ptr, const char* key) {
        const std::string p = ptr + "/" + key;
        if (!obj.contains(key)) { fail(p, "missing"); return {}; }
        const json& v = obj[key];
        if (!v.is_string()) { fail(p, "must be a string"); return {}; }
        std::string s = v.get<std::string>();
        if (s.empty()) fail(p, "must not be empty");
        return s;
    }

    // {"nb": "...", "en": "..."}
    void label(const json& obj, const std::string& ptr, const char* key, std::string& nb, std::string& en) {
        const std::string p = ptr + "/" + key;
        if (!obj.contains(key)) { fail(p, "missing"); return; }
        const json& v = obj[key];
        if (!v.is_object()) { fail(p, "must be an object {\"nb\": ..., \"en\": ...}"); return; }
        check_keys(v, p, {"nb", "en"});
        nb = text(v, p, "nb");
        en = text(v, p, "en");
    }

    std::optional<Date> date(const json& v, const std::string& p) {
        if (!v.is_string()) { fail(p, "must be a date string YYYY-MM-DD"); return std::nullopt; }
        auto d = parse_iso_date(v.get<std::string>());
        if (!d) fail(p, "not a real calendar date YYYY-MM-DD: \"" + v.get<std::string>() + "\"");
        return d;
    }

    MilestoneRule milestone(const json& m, const std::string& p) {
        MilestoneRule r;
        if (!m.is_object()) { fail(p, "must be an object"); return r; }
        check_keys(m, p, {"id", "label", "due", "responsible", "applies", "source", "abolished_from"});
        r.id = text(m, p, "id");
        if (!r.id.empty() && !is_identifier(r.id)) fail(p + "/id", "use lower-case letters, digits, '_' and '-'");
        label(m, p, "label", r.label_nb, r.label_en);
        r.responsible = text(m, p, "responsible");
        r.source = text(m, p, "source");
        if (m.contains("abolished_from")) r.abolished_from = date(m["abolished_from"], p + "/abolished_from");

        const std::string applies = text(m, p, "applies");
        if (applies == "always") r.applies = Applicability::always;
        else if (applies == "on_request") r.applies = Applicability::on_request;
        else if (applies == "full_leave_else_on_request") r.applies = Applicability::full_leave_else_on_request;
        else if (applies == "informational") r.applies = Applicability::informational;
        else if (!applies.empty())
            fail(p + "/applies",
                 "must be \"always\", \"on_request\", \"full_leave_else_on_request\" or \"informational\"");

        if (!m.contains("due")) {
            if (r.applies == Applicability::on_request) r.has_due = false;
            else if (!applies.empty()) fail(p + "/due", "missing (only an \"on_request\" milestone may omit it)");
            return r;
        }
        const json& due = m["due"];
        const std::string dp = p + "/due";
        if (!due.is_object()) { fail(dp, "must be an object {\"offset_days\": n} or {\"anchor\": ...}"); return r; }
        check_keys(due, dp, {"anchor", "offset_days"});
        if (!due.contains("anchor") && !due.contains("offset_days"))
            fail(dp, "needs \"offset_days\" and/or \"anchor\"");
        if (due.contains("anchor")) {
            const json& a = due["anchor"];
            const std::string s = a.is_string() ? a.get<std::string>() : std::string();
            if (s == "case_start") r.anchor = DueAnchor::case_start;
            else if (s == "agp_end") r.anchor = DueAnchor::agp_end;
            else if (s == "maksdato") r.anchor = DueAnchor::maksdato;
            else fail(dp + "/anchor", "must be \"case_start\", \"agp_end\" or \"maksdato\"");
        }
        if (due.contains("offset_days")) {
            const json& o = due["offset_days"];
            if (!o.is_number_integer()) {
                fail(dp + "/offset_days", "must be an integer number of days");
            } else {
                // Unsigned values beyond long long would wrap in get<long long>().
                const long long n = o.is_number_unsigned() && o.get<unsigned long long>() > kMaxOffsetDays
                                        ? kMaxOffsetDays + 1LL
                                        : o.get<long long>();
                if (n < -kMaxOffsetDays || n > kMaxOffsetDays)
                    fail(dp + "/offset_days", "out of range -" + std::to_string(kMaxOffsetDays) + ".." +
                                                  std::to_string(kMaxOffsetDays));
                else r.offset_days = static_cast<int>(n);
            }
        }
        return r;
    }

    RuleSet rule_set(const json& root) {
        RuleSet rs;
        if (!root.is_object()) { fail("", "a rule set must be a JSON object"); return rs; }
        check_keys(root, "", {"format", "version", "id", "name", "valid_from", "valid_to", "verified",
                              "note", "source", "milestones"});
        if (!root.contains("format")) fail("/format", "missing (must be \"iadesk-rules\")");
        else if (!root["format"].is_string() || root["format"].get<std::string>() != kFormat)
            fail("/format", "must be \"iadesk-rules\"");
        if (!root.contains("version")) fail("/version", "missing (must be 1)");
        else if (!root["version"].is_number_integer() || root["version"].get<long long>() != kVersion)
            fail("/version", "unsupported version (this build reads version 1)");

        rs.id = text(root, "", "id");
        if (!rs.id.empty() && !is_identifier(rs.id)) fail("/id", "use lower-case letters, digits, '_' and '-'");
        label(root, "", "name", rs.name_nb, rs.name_en);
        rs.source = text(root, "", "source");

        if (!root.contains("valid_from")) fail("/valid_from", "missing");
        else if (auto d = date(root["valid_from"], "/valid_from")) rs.valid_from = *d;
        if (root.contains("valid_to") && !root["valid_to"].is_null()) {
            if (auto d = date(root["valid_to"], "/valid_to")) {
                rs.valid_to = d;
                if (*d < rs.valid_from) fail("/valid_to", "is before valid_from");
            }
        }
        if (root.contains("verified")) {
            if (root["verified"].is_boolean()) rs.verified = root["verified"].get<bool>();
            else fail("/verified", "must be true or false");
        }
        if (root.contains("note")) {
            if (root["note"].is_string()) rs.note = root["note"].get<std::string>();
            else fail("/note", "must be a string");
        }

        if (!root.contains("milestones")) { fail("/milestones", "missing"); return rs; }
        const json& ms = root["milestones"];
        if (!ms.is_array()) { fail("/milestones", "must be an array"); return rs; }
        if (ms.empty()) fail("/milestones", "must hold at least one milestone");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ms.size(); ++i) {
            const std::string p = "/milestones/" + std::to_string(i);
            MilestoneRule r = milestone(ms[i], p);
            if (!r.id.empty() && !seen.insert(r.id).second) fail(p + "/id", "duplicate milestone id \"" + r.id + "\"");
            rs.milestones.push_back(std::move(r));
        }
        return rs;
    }
};

} // namespace

const MilestoneRule* RuleSet::find(std::string_view milestone_id) const {
    for (const MilestoneRule& m : milestones)
        if (m.id == milestone_id) return &m;
    return nullptr;
}

RuleSetParse parse_rule_set(std::string_view json_text) {
    RuleSetParse out;
    const json root = json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        out.problems.push_back({"", "not valid JSON"});
        return out;
    }
    Parser p;
    RuleSet rs = p.rule_set(root);
    out.problems = std::move(p.problems);
    if (out.problems.empty()) out.rule_set = std::move(rs);
    return out;
}

std::vector<RuleSet> builtin_rule_sets(std::vector<RuleProblem>* problems) {
    std::vector<RuleSet> sets;
    for (std::string_view path : assets::list("rules/")) {
        if (path.size() < 5 || path.substr(path.size() - 5) != ".json") continue;
        RuleSetParse r = parse_rule_set(assets::get(path));
        if (r.rule_set) sets.push_back(std::move(*r.rule_set));
        if (problems)
            for (RuleProblem& pr : r.problems)
                problems->push_back({std::string(path) + "#" + pr.pointer, std::move(pr.message)});
    }
    std::stable_sort(sets.begin(), sets.end(),
                     [](const RuleSet& a, const RuleSet& b) { return a.valid_from < b.valid_from; });
    return sets;
}

const RuleSet* choose_rule_set(const std::vector<RuleSet>& sets, Date case_start) {
    const RuleSet* best = nullptr;
    for (const RuleSet& s : sets) {
        if (case_start < s.valid_from || (s.valid_to && *s.valid_to < case_start)) continue;
        if (!best || best->valid_from < s.valid_from) best = &s;
    }
    return best;
}

} // namespace iadesk
