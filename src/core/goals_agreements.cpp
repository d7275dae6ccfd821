// goals (agreements and periods): the IA agreements as data files (assets/ia/*.json, read with
// parse_agreement), goal periods (quarters and years) and the goal enums' stored words. The
// contract is in include/iadesk/goals.hpp; the evaluation is in goals.cpp.
#include "iadesk/goals.hpp"
#include "iadesk/enum_text.hpp"

#include "iadesk/assets.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace iadesk {
namespace {

using nlohmann::json;

// --- Agreement files -----------------------------------------------------------------------------

class AgreementReader {
public:
    std::vector<AgreementProblem> problems;

    void fail(std::string pointer, std::string message) { problems.push_back({std::move(pointer), std::move(message)}); }

    std::string str(const json& obj, const std::string& ptr, const char* key, bool required = true) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(ptr + "/" + key, "missing");
            return {};
        }
        if (!it->is_string()) { fail(ptr + "/" + key, "must be a string"); return {}; }
        return *it->get_ptr<const json::string_t*>();
    }

    void text_pair(const json& obj, const std::string& ptr, const char* key, std::string& nb, std::string& en) {
        auto it = obj.find(key);
        if (it == obj.end() || !it->is_object()) { fail(ptr + "/" + key, "must be an object {\"nb\", \"en\"}"); return; }
        nb = str(*it, ptr + "/" + key, "nb");
        en = str(*it, ptr + "/" + key, "en");
    }

    bool boolean(const json& obj, const std::string& ptr, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return false;
        if (!it->is_boolean()) { fail(ptr + "/" + key, "must be true or false"); return false; }
        return *it->get_ptr<const json::boolean_t*>();
    }

    std::optional<double> number(const json& obj, const std::string& ptr, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return std::nullopt;
        if (!it->is_number()) { fail(ptr + "/" + key, "must be a number"); return std::nullopt; }
        if (auto i = it->get_ptr<const json::number_integer_t*>()) return static_cast<double>(*i);
        if (auto u = it->get_ptr<const json::number_unsigned_t*>()) return static_cast<double>(*u);
        return *it->get_ptr<const json::number_float_t*>();
    }
};

} // namespace

// --- Agreements ----------------------------------------------------------------------------------

AgreementParse parse_agreement(std::string_view text) {
    AgreementParse out;
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        out.problems.push_back({"", "not a JSON object"});
        return out;
    }
    AgreementReader r;
    IaAgreement a;
    if (r.str(doc, "", "format") != "iadesk-ia-agreement") r.fail("/format", "must be \"iadesk-ia-agreement\"");
    if (auto v = r.number(doc, "", "version"); !v || *v != 1) r.fail("/version", "must be 1");
    a.id = r.str(doc, "", "id");
    r.text_pair(doc, "", "name", a.name_nb, a.name_en);
    a.from_year = static_cast<int>(r.number(doc, "", "from_year").value_or(0));
    a.to_year = static_cast<int>(r.number(doc, "", "to_year").value_or(0));
    a.custom = r.boolean(doc, "", "custom");
    if (!a.custom && (a.from_year < 1900 || a.to_year < a.from_year)) r.fail("/from_year", "a dated agreement needs from_year <= to_year");
    a.note = r.str(doc, "", "note", false);
    a.source = r.str(doc, "", "source");
    auto areas = doc.find("areas");
    if (areas == doc.end() || !areas->is_array() || areas->empty()) {
        r.fail("/areas", "must be a non-empty array");
    } else {
        for (std::size_t i = 0; i < areas->size(); ++i) {
            const json& o = (*areas)[i];
            const std::string ptr = "/areas/" + std::to_string(i);
            if (!o.is_object()) { r.fail(ptr, "must be an object"); continue; }
            GoalArea ar;
            ar.id = r.str(o, ptr, "id");
            if (ar.id.rfind(a.id + ".", 0) != 0) r.fail(ptr + "/id", "must start with the agreement id and a dot");
            ar.code = r.str(o, ptr, "code");
            r.text_pair(o, ptr, "name", ar.name_nb, ar.name_en);
            r.text_pair(o, ptr, "duty", ar.duty_nb, ar.duty_en);
            ar.result_goals = r.boolean(o, ptr, "result_goals");
            ar.activity_goals = r.boolean(o, ptr, "activity_goals");
            ar.source = r.str(o, ptr, "source");
            if (auto ref = o.find("reference"); ref != o.end() && !ref->is_null()) {
                const std::string rp = ptr + "/reference";
                if (!ref->is_object()) {
                    r.fail(rp, "must be an object");
                } else {
                    std::string period = r.str(*ref, rp, "period");
                    ar.reference_period = parse_period(period);
                    if (!ar.reference_period) r.fail(rp + "/period", "must be YYYY or YYYY-Qn");
                    ar.reference_value = r.number(*ref, rp, "value");
                    ar.target_change = r.number(*ref, rp, "target_change");
                    ar.target_value = r.number(*ref, rp, "target_value");
                }
            }
            for (const GoalArea& other : a.areas)
                if (other.id == ar.id) r.fail(ptr + "/id", "duplicate area id");
            a.areas.push_back(std::move(ar));
        }
    }
    out.problems = std::move(r.problems);
    if (out.problems.empty()) out.agreement = std::move(a);
    return out;
}

const std::vector<IaAgreement>& builtin_agreements() {
    static const std::vector<IaAgreement> all = [] {
        std::vector<IaAgreement> v;
        for (std::string_view path : assets::list("ia/")) {
            if (path.size() < 5 || path.substr(path.size() - 5) != ".json") continue;
            AgreementParse p = parse_agreement(assets::get(path));
            if (p.agreement) v.push_back(std::move(*p.agreement));
        }
        std::stable_sort(v.begin(), v.end(), [](const IaAgreement& a, const IaAgreement& b) {
            if (a.custom != b.custom) return !a.custom;
            return a.from_year < b.from_year;
        });
        return v;
    }();
    return all;
}

const IaAgreement* agreement_in_force(Date today) {
    const int year = today.year();
    const IaAgreement* in_force = nullptr;
    const IaAgreement* started = nullptr;
    for (const IaAgreement& a : builtin_agreements()) { // dated ones by from_year
        if (a.custom || a.from_year > year) continue;
        started = &a;
        if (year <= a.to_year) in_force = &a;
    }
    return in_force ? in_force : started;
}

const GoalArea* find_area(std::string_view id) {
    for (const IaAgreement& a : builtin_agreements())
        for (const GoalArea& ar : a.areas)
            if (ar.id == id) return &ar;
    return nullptr;
}

const IaAgreement* agreement_of_area(std::string_view id) {
    for (const IaAgreement& a : builtin_agreements())
        for (const GoalArea& ar : a.areas)
            if (ar.id == id) return &a;
    return nullptr;
}

std::string area_label(std::string_view id, bool english) {
    if (const GoalArea* a = find_area(id)) return english ? a->name_en : a->name_nb;
    return std::string(id);
}

// --- Periods ---------------------------------------------------------------------------------------

std::string format_period(GoalPeriod p) {
    char buf[16];
    if (p.quarter == 0) std::snprintf(buf, sizeof buf, "%04d", p.year);
    else std::snprintf(buf, sizeof buf, "%04d-Q%d", p.year, p.quarter);
    return buf;
}

std::optional<GoalPeriod> parse_period(std::string_view t) {
    auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (t.size() < 4 || !digits(t.substr(0, 4))) return std::nullopt;
    GoalPeriod p;
    p.year = std::stoi(std::string(t.substr(0, 4)));
    if (p.year < 1900 || p.year > 2200) return std::nullopt;
    if (t.size() == 4) return p;
    if (t.size() == 7 && t[4] == '-' && (t[5] == 'Q' || t[5] == 'q') && t[6] >= '1' && t[6] <= '4') {
        p.quarter = t[6] - '0';
        return p;
    }
    return std::nullopt;
}

std::string period_label(GoalPeriod p, bool english) {
    if (p.quarter == 0) return std::to_string(p.year);
    if (english) return "Q" + std::to_string(p.quarter) + " " + std::to_string(p.year);
    return std::to_string(p.quarter) + ". kvartal " + std::to_string(p.year);
}

Date period_first(GoalPeriod p) { return Date::from_ymd(p.year, p.quarter == 0 ? 1 : 3 * (p.quarter - 1) + 1, 1); }

Date period_last(GoalPeriod p) {
    const int month = p.quarter == 0 ? 12 : 3 * p.quarter;
    return Date::from_ymd(p.year, month, days_in_month(p.year, month));
}

double quarter_index(GoalPeriod p) { return p.quarter == 0 ? p.year * 4 + 1.5 : p.year * 4 + (p.quarter - 1); }

const char* to_string(GoalKind k) { return k == GoalKind::result ? "result" : "activity"; }
const char* to_string(GoalMetric m) {
    switch (m) {
    case GoalMetric::sick_leave: return "sick_leave";
    case GoalMetric::dropout: return "dropout";
    default: return "recorded";
    }
}

constexpr EnumText<ActivityStatus> kActivityStatusText[] = {
    {ActivityStatus::planlagt, "planlagt"}, {ActivityStatus::pagar, "pågår"},
    {ActivityStatus::fullfort, "fullført"}, {ActivityStatus::avbrutt, "avbrutt"},
};
constexpr EnumText<MeetingRole> kMeetingRoleText[] = {
    {MeetingRole::leder, "leder"}, {MeetingRole::tillitsvalgt, "tillitsvalgt"}, {MeetingRole::verneombud, "verneombud"},
    {MeetingRole::hr, "hr"},       {MeetingRole::bht, "bht"},                   {MeetingRole::nav, "nav"},
    {MeetingRole::annen, "annen"},
};

const char* to_string(ActivityStatus s) { return enum_code(kActivityStatusText, s); }
const char* to_string(MeetingRole r) { return enum_code(kMeetingRoleText, r); }

std::optional<ActivityStatus> parse_activity_status(std::string_view s) {
    // Also the spellings without ø and å, as typed on keyboards without them.
    if (s == "pagar") return ActivityStatus::pagar;
    if (s == "fullfort") return ActivityStatus::fullfort;
    return enum_parse(kActivityStatusText, s);
}

std::optional<MeetingRole> parse_meeting_role(std::string_view s) { return enum_parse(kMeetingRoleText, s); }

std::string activity_status_codes() { return enum_codes(kActivityStatusText); }
std::string meeting_role_codes() { return enum_codes(kMeetingRoleText); }

} // namespace iadesk
