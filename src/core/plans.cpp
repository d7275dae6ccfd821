// plans: checks, quality score, diagnosis guard, templates, changed fields and milestone events
// of follow-up plans (contract in include/iadesk/plans.hpp; docs/plans.md).
#include "iadesk/plans.hpp"
#include "iadesk/enum_text.hpp"

#include "iadesk/assets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace iadesk {
namespace {

using json = nlohmann::json;

std::string str_of(const json& o, const char* key) {
    if (!o.is_object()) return {};
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return {};
    return *it->get_ptr<const json::string_t*>();
}

// Non-space characters (bytes of ASCII whitespace excluded) of a text.
std::size_t non_space(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) ++n;
    return n;
}

bool answered(std::string_view s) { return non_space(s) >= kAnsweredMinChars; }

Date one_year_after(Date d) {
    int y = d.year() + 1, m = d.month(), day = d.day();
    if (m == 2 && day == 29 && !is_leap_year(y)) day = 28;
    return Date::from_ymd(y, m, day);
}


// --- Diagnosis guard data -------------------------------------------------------------------------

struct GuardWord {
    std::string word;            // lower case
    bool prefix = false;         // "word*"
    bool suffix = false;         // "*word"
};

struct GuardData {
    std::vector<GuardWord> words;
    std::vector<std::string> place_words;
    std::vector<std::string> road_words;
};

std::vector<std::string> string_list(const json& doc, const char* key) {
    std::vector<std::string> out;
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_array()) return out;
    for (const json& v : *it)
        if (v.is_string()) out.push_back(*v.get_ptr<const json::string_t*>());
    return out;
}

// Lower case of ASCII and of the Norwegian letters Æ Ø Å (UTF-8), enough for the word lists.
std::string lower(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) out[i] = static_cast<char>(std::tolower(c));
        else if (c == 0xC3 && i + 1 < out.size()) {
            unsigned char d = static_cast<unsigned char>(out[i + 1]);
            if (d == 0x86 || d == 0x98 || d == 0x85) out[i + 1] = static_cast<char>(d + 0x20); // Æ Ø Å
            ++i;
        }
    }
    return out;
}

const GuardData& guard_data() {
    static const GuardData data = [] {
        GuardData g;
        json doc = json::parse(assets::get("plans/diagnosis_guard.json"), nullptr, false);
        if (!doc.is_object()) return g;
        for (std::string w : string_list(doc, "words")) {
            GuardWord gw;
            if (!w.empty() && w.back() == '*') { gw.prefix = true; w.pop_back(); }
            if (!w.empty() && w.front() == '*') { gw.suffix = true; w.erase(0, 1); }
            gw.word = lower(w);
            if (!gw.word.empty()) g.words.push_back(std::move(gw));
        }
        for (const std::string& w : string_list(doc, "place_words")) g.place_words.push_back(lower(w));
        for (const std::string& w : string_list(doc, "road_words")) g.road_words.push_back(lower(w));
        return g;
    }();
    return data;
}

// A word character: ASCII letter or digit, or any byte of a multi-byte UTF-8 letter (æøå...).
bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The word (lower case) right before byte offset `at`, skipping spaces.
std::string word_before(std::string_view t, std::size_t at) {
    std::size_t end = at;
    while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\t')) --end;
    std::size_t begin = end;
    while (begin > 0 && word_byte(static_cast<unsigned char>(t[begin - 1]))) --begin;
    if (end == at) return {}; // no space: the code is glued to something else
    return lower(t.substr(begin, end - begin));
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool word_matches(const GuardWord& g, const std::string& w) {
    if (g.prefix && g.suffix) return w.find(g.word) != std::string::npos;
    if (g.prefix) return w.size() >= g.word.size() && w.compare(0, g.word.size(), g.word) == 0;
    if (g.suffix) return w.size() >= g.word.size() && w.compare(w.size() - g.word.size(), g.word.size(), g.word) == 0;
    return w == g.word;
}

// --- Templates ------------------------------------------------------------------------------------

PlanContent content_of(const json& t) {
    PlanContent c;
    c.typical_workday = str_of(t, "typical_workday");
    c.work_ability = str_of(t, "work_ability");
    c.other_adjustments = str_of(t, "other_adjustments");
    c.follow_up = str_of(t, "follow_up");
    if (auto it = t.find("tasks"); it != t.end() && it->is_array())
        for (const json& x : *it) {
            PlanTask task{str_of(x, "description"), TaskFeasibility::can, str_of(x, "note")};
            parse_feasibility(str_of(x, "feasibility"), task.feasibility);
            c.tasks.push_back(std::move(task));
        }
    if (auto it = t.find("own_measures"); it != t.end() && it->is_array())
        for (const json& x : *it) {
            PlanMeasure m;
            m.description = str_of(x, "description");
            m.responsible = str_of(x, "responsible");
            parse_measure_status(str_of(x, "status"), m.status);
            c.own_measures.push_back(std::move(m));
        }
    if (auto it = t.find("help_measures"); it != t.end() && it->is_array())
        for (const json& x : *it) c.help_measures.push_back({str_of(x, "description"), str_of(x, "measure_id")});
    return c;
}

constexpr CodeText kFieldLabels[] = {
    {"typical_workday", "Vanlig arbeidsdag", "Typical workday"},
    {"tasks", "Arbeidsoppgaver", "Tasks"},
    {"work_ability", "Arbeidsevne", "Work ability"},
    {"own_measures", "Tiltak i arbeidsgivers regi", "Measures by the employer"},
    {"adjustment_options", "Tilretteleggingsmuligheter", "Adjustment options"},
    {"help_measures", "Tiltak med bistand fra NAV eller helsetjenesten", "Measures with help from NAV or health services"},
    {"other_adjustments", "Annen tilrettelegging", "Other adjustments"},
    {"follow_up", "Videre oppfølging", "Follow-up"},
    {"evaluation_date", "Neste evaluering", "Next evaluation"},
    {"employee_participated", "Arbeidstakers medvirkning", "Employee took part"},
    {"not_participated_reason", "Hvorfor ikke medvirket", "Why not taken part"},
    {"exemption", "Unntak", "Exemption"},
    {"shares", "Delt med", "Shared with"},
};

} // namespace

// --- Names ----------------------------------------------------------------------------------------

constexpr EnumText<TaskFeasibility> kFeasibilityText[] = {
    {TaskFeasibility::can, "kan_utfores", "Kan utføres", "Can be done"},
    {TaskFeasibility::with_adjustment, "kan_utfores_med_tilrettelegging", "Kan utføres med tilrettelegging",
     "Can be done with adjustment"},
    {TaskFeasibility::cannot, "kan_ikke_utfores", "Kan ikke utføres", "Cannot be done"},
};
constexpr EnumText<MeasureStatus> kMeasureStatusText[] = {
    {MeasureStatus::forslag, "forslag", "Forslag", "Proposed"},
    {MeasureStatus::avtalt, "avtalt", "Avtalt", "Agreed"},
    {MeasureStatus::ikke_aktuelt, "ikke_aktuelt", "Ikke aktuelt", "Not relevant"},
    {MeasureStatus::gjennomfort, "gjennomfort", "Gjennomført", "Done"},
};

const char* to_string(TaskFeasibility f) { return enum_code(kFeasibilityText, f); }
const char* to_string(MeasureStatus s) { return enum_code(kMeasureStatusText, s); }

bool parse_feasibility(std::string_view s, TaskFeasibility& out) {
    const auto v = enum_parse(kFeasibilityText, s);
    if (v) out = *v;
    return v.has_value();
}

bool parse_measure_status(std::string_view s, MeasureStatus& out) {
    const auto v = enum_parse(kMeasureStatusText, s);
    if (v) out = *v;
    return v.has_value();
}

const char* label_nb(TaskFeasibility f) { return enum_row(kFeasibilityText, f).nb; }
const char* label_en(TaskFeasibility f) { return enum_row(kFeasibilityText, f).en; }
const char* label_nb(MeasureStatus s) { return enum_row(kMeasureStatusText, s).nb; }
const char* label_en(MeasureStatus s) { return enum_row(kMeasureStatusText, s).en; }

constexpr CodeText kRecipients[] = {
    {"sykmelder", "Sykmelder", "Certifying doctor"}, {"nav", "NAV", "NAV"},
    {"arbeidstaker", "Arbeidstaker", "Employee"},    {"bht", "Bedriftshelsetjenesten", "Occupational health service"},
};

const char* recipient_nb(std::string_view r) {
    const CodeText* l = find_code(kRecipients, r);
    return l ? l->nb : "Annen";
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// --- Checks ----------------------------------------------------------------------------------------

std::vector<PlanTextField> plan_text_fields(const PlanContent& c) {
    std::vector<PlanTextField> f;
    f.push_back({"typical_workday", &c.typical_workday});
    for (std::size_t i = 0; i < c.tasks.size(); ++i) {
        const std::string p = "tasks/" + std::to_string(i) + "/";
        f.push_back({p + "description", &c.tasks[i].description});
        f.push_back({p + "note", &c.tasks[i].note});
    }
    f.push_back({"work_ability", &c.work_ability});
    for (std::size_t i = 0; i < c.own_measures.size(); ++i) {
        const std::string p = "own_measures/" + std::to_string(i) + "/";
        f.push_back({p + "description", &c.own_measures[i].description});
        f.push_back({p + "responsible", &c.own_measures[i].responsible});
    }
    for (std::size_t i = 0; i < c.help_measures.size(); ++i)
        f.push_back({"help_measures/" + std::to_string(i) + "/description", &c.help_measures[i].description});
    f.push_back({"other_adjustments", &c.other_adjustments});
    f.push_back({"follow_up", &c.follow_up});
    f.push_back({"not_participated_reason", &c.not_participated_reason});
    return f;
}

std::vector<Problem> check_plan_text_lengths(const PlanContent& c) {
    std::vector<Problem> out;
    for (const PlanTextField& f : plan_text_fields(c)) {
        if (f.text->size() <= kPlanTextMax) continue; // a code point is at least one byte
        if (const std::size_t n = utf8_length(*f.text); n > kPlanTextMax)
            out.push_back(make_problem(f.field, ProblemCode::text_too_many_chars, {{"n", n}, {"max", kPlanTextMax}}));
    }
    return out;
}

std::vector<Problem> check_plan_content(const PlanContent& c, Date today) {
    std::vector<Problem> out = check_plan_text_lengths(c);
    auto add = [&](std::string field, ProblemCode code, std::initializer_list<ProblemArg> args = {}) {
        out.push_back(make_problem(std::move(field), code, args));
    };
    for (std::size_t i = 0; i < c.tasks.size(); ++i)
        if (non_space(c.tasks[i].description) == 0) add("tasks/" + std::to_string(i) + "/description", ProblemCode::plan_describe_task);
    for (std::size_t i = 0; i < c.own_measures.size(); ++i) {
        const PlanMeasure& m = c.own_measures[i];
        const std::string p = "own_measures/" + std::to_string(i) + "/";
        if (non_space(m.description) == 0) add(p + "description", ProblemCode::plan_describe_measure);
        if (m.from && m.to && *m.to < *m.from) add(p + "to", ProblemCode::plan_measure_dates, {{"from", *m.from}});
    }
    for (std::size_t i = 0; i < c.help_measures.size(); ++i)
        if (non_space(c.help_measures[i].description) == 0 && c.help_measures[i].measure_id.empty())
            add("help_measures/" + std::to_string(i) + "/description", ProblemCode::plan_describe_measure);
    if (c.evaluation_date) {
        const Date limit = one_year_after(today);
        if (*c.evaluation_date <= today) add("evaluation_date", ProblemCode::plan_evaluation_past, {{"today", today}});
        else if (limit < *c.evaluation_date) add("evaluation_date", ProblemCode::plan_evaluation_far, {{"limit", limit}});
    }
    if (c.employee_participated == false && non_space(c.not_participated_reason) == 0)
        add("not_participated_reason", ProblemCode::plan_not_participated);
    return out;
}

// --- Quality ------------------------------------------------------------------------------------------

PlanQuality plan_quality(const PlanContent& c) {
    PlanQuality q;
    q.tasks = std::any_of(c.tasks.begin(), c.tasks.end(), [](const PlanTask& t) { return non_space(t.description) >= 3; });
    q.work_ability = answered(c.work_ability);
    const bool measures = std::any_of(c.own_measures.begin(), c.own_measures.end(), [](const PlanMeasure& m) {
        return non_space(m.description) >= 3 && m.status != MeasureStatus::ikke_aktuelt;
    });
    q.workplace_measures = measures || !c.adjustment_options.empty() || answered(c.other_adjustments);
    q.follow_up = answered(c.follow_up) || c.evaluation_date.has_value();
    q.score = 1 + q.tasks + q.work_ability + q.workplace_measures + q.follow_up;

    auto hint = [&](const char* field, const char* nb, const char* en) { q.hints.push_back({field, nb, en}); };
    if (!q.tasks)
        hint("tasks", "Beskriv de faktiske arbeidsoppgavene, og om hver kan utføres, med tilrettelegging eller ikke",
             "Describe the real tasks and whether each can be done, with adjustment or not");
    else if (std::all_of(c.tasks.begin(), c.tasks.end(), [](const PlanTask& t) { return non_space(t.note) == 0; }))
        hint("tasks", "Skriv en merknad til oppgavene: hva skal til for at de kan utføres?",
             "Add a note to the tasks: what would make them possible?");
    if (!q.workplace_measures)
        hint("adjustment_options",
             "Legg til tilretteleggingsmuligheter på arbeidsplassen eller tiltak i arbeidsgivers regi",
             "Add the adjustment options at the workplace or measures by the employer");
    if (!q.work_ability)
        hint("work_ability", "Vurder arbeidsevnen: hva kan arbeidstakeren gjøre nå?",
             "Assess the work ability: what can the employee do now?");
    if (!q.follow_up)
        hint("follow_up", "Beskriv neste oppfølgingspunkt: hvordan og når dere følger opp",
             "Describe the next follow-up point: how and when you follow up");
    else if (!c.evaluation_date)
        hint("evaluation_date", "Sett en dato for neste evaluering", "Set a date for the next evaluation");
    if (!answered(c.typical_workday))
        hint("typical_workday", "Beskriv en vanlig arbeidsdag", "Describe a typical workday");
    if (!c.employee_participated)
        hint("employee_participated", "Svar på om arbeidstakeren har medvirket i planen",
             "Answer whether the employee took part in the plan");
    return q;
}

// --- Diagnosis guard --------------------------------------------------------------------------------

std::vector<DiagnosisHit> find_diagnosis_like(std::string_view t) {
    std::vector<DiagnosisHit> hits;
    const GuardData& g = guard_data();
    std::size_t i = 0;
    const std::size_t n = t.size();
    while (i < n) {
        if (!word_byte(static_cast<unsigned char>(t[i]))) { ++i; continue; }
        // A word: letters, digits and UTF-8 bytes; a hyphen inside joins words ("long-covid").
        std::size_t j = i;
        while (j < n && word_byte(static_cast<unsigned char>(t[j]))) ++j;
        std::size_t k = j;
        while (k + 1 < n && t[k] == '-' && word_byte(static_cast<unsigned char>(t[k + 1]))) {
            k += 1;
            while (k < n && word_byte(static_cast<unsigned char>(t[k]))) ++k;
        }
        const std::string_view word = t.substr(i, j - i);
        const bool joined = k > j; // "L03-prosjektet"
        // Code: letter + 2 digits, optionally ".digits".
        if (word.size() == 3 && is_upper(static_cast<unsigned char>(word[0])) &&
            is_digit(static_cast<unsigned char>(word[1])) && is_digit(static_cast<unsigned char>(word[2]))) {
            std::size_t end = j;
            if (!joined && end + 1 < n && t[end] == '.' && is_digit(static_cast<unsigned char>(t[end + 1]))) {
                ++end;
                while (end < n && is_digit(static_cast<unsigned char>(t[end]))) ++end;
                if (end < n && word_byte(static_cast<unsigned char>(t[end]))) end = 0; // "F32.1x": not a code
            }
            const std::string before = word_before(t, i);
            const bool place = contains(g.place_words, before);
            const bool road = word[0] == 'E' && contains(g.road_words, before);
            if (end && !joined && !place && !road)
                hits.push_back({"", i, std::string(t.substr(i, end - i)), true});
        }
        // Words: the whole hyphenated word and each part.
        const std::string whole = lower(t.substr(i, k - i));
        bool found = false;
        for (const GuardWord& gw : g.words)
            if (word_matches(gw, whole)) { hits.push_back({"", i, std::string(t.substr(i, k - i)), false}); found = true; break; }
        if (!found && joined) {
            std::size_t p = i;
            while (p < k && !found) {
                std::size_t q = p;
                while (q < k && t[q] != '-') ++q;
                const std::string part = lower(t.substr(p, q - p));
                for (const GuardWord& gw : g.words)
                    if (word_matches(gw, part)) { hits.push_back({"", p, std::string(t.substr(p, q - p)), false}); found = true; break; }
                p = q + 1;
            }
        }
        i = k;
    }
    return hits;
}

std::vector<DiagnosisHit> find_diagnosis_like(const PlanContent& c) {
    std::vector<DiagnosisHit> out;
    for (const PlanTextField& f : plan_text_fields(c))
        for (DiagnosisHit h : find_diagnosis_like(*f.text)) {
            h.field = f.field;
            out.push_back(std::move(h));
        }
    return out;
}

// --- Templates ------------------------------------------------------------------------------------------

const std::vector<PlanTemplate>& plan_templates() {
    static const std::vector<PlanTemplate> list = [] {
        std::vector<PlanTemplate> out;
        json doc = json::parse(assets::get("plans/templates.json"), nullptr, false);
        if (!doc.is_object()) return out;
        auto it = doc.find("templates");
        if (it == doc.end() || !it->is_array()) return out;
        for (const json& t : *it) {
            if (!t.is_object()) continue;
            PlanTemplate pt;
            pt.id = str_of(t, "id");
            if (auto nm = t.find("name"); nm != t.end()) {
                pt.name_nb = str_of(*nm, "nb");
                pt.name_en = str_of(*nm, "en");
            }
            pt.content = content_of(t);
            if (!pt.id.empty()) out.push_back(std::move(pt));
        }
        return out;
    }();
    return list;
}

const PlanTemplate* find_plan_template(std::string_view id) {
    for (const PlanTemplate& t : plan_templates())
        if (t.id == id) return &t;
    return nullptr;
}

// --- Lookups -----------------------------------------------------------------------------------------------

const Plan* find_plan(const Dataset& ds, std::string_view employee, Date case_start) {
    for (const Plan& p : ds.plans)
        if (p.employee == employee && p.case_start == case_start) return &p;
    return nullptr;
}

const Plan* find_plan(const Dataset& ds, std::string_view plan_id) {
    for (const Plan& p : ds.plans)
        if (p.id == plan_id) return &p;
    return nullptr;
}

const AdjustmentOption* find_adjustment_option(const Dataset& ds, std::string_view id) {
    for (const AdjustmentOption& o : ds.adjustment_options)
        if (o.id == id) return &o;
    return nullptr;
}

// --- Changed fields ------------------------------------------------------------------------------------------

std::vector<std::string> changed_fields(const PlanContent& a, const PlanContent& b) {
    std::vector<std::string> out;
    auto tasks_eq = [](const PlanTask& x, const PlanTask& y) {
        return x.description == y.description && x.feasibility == y.feasibility && x.note == y.note;
    };
    auto measures_eq = [](const PlanMeasure& x, const PlanMeasure& y) {
        return x.description == y.description && x.responsible == y.responsible && x.from == y.from && x.to == y.to &&
               x.status == y.status;
    };
    auto help_eq = [](const HelpMeasure& x, const HelpMeasure& y) {
        return x.description == y.description && x.measure_id == y.measure_id;
    };
    if (a.typical_workday != b.typical_workday) out.push_back("typical_workday");
    if (!std::equal(a.tasks.begin(), a.tasks.end(), b.tasks.begin(), b.tasks.end(), tasks_eq)) out.push_back("tasks");
    if (a.work_ability != b.work_ability) out.push_back("work_ability");
    if (!std::equal(a.own_measures.begin(), a.own_measures.end(), b.own_measures.begin(), b.own_measures.end(), measures_eq))
        out.push_back("own_measures");
    if (a.adjustment_options != b.adjustment_options) out.push_back("adjustment_options");
    if (!std::equal(a.help_measures.begin(), a.help_measures.end(), b.help_measures.begin(), b.help_measures.end(), help_eq))
        out.push_back("help_measures");
    if (a.other_adjustments != b.other_adjustments) out.push_back("other_adjustments");
    if (a.follow_up != b.follow_up) out.push_back("follow_up");
    if (a.evaluation_date != b.evaluation_date) out.push_back("evaluation_date");
    if (a.employee_participated != b.employee_participated) out.push_back("employee_participated");
    if (a.not_participated_reason != b.not_participated_reason) out.push_back("not_participated_reason");
    return out;
}

const char* field_label_nb(std::string_view field) {
    const CodeText* l = find_code(kFieldLabels, field);
    return l ? l->nb : "";
}
const char* field_label_en(std::string_view field) {
    const CodeText* l = find_code(kFieldLabels, field);
    return l ? l->en : "";
}

// --- Milestone events ------------------------------------------------------------------------------------------

std::vector<MilestoneEvent> plan_milestone_events(const Plan& p) {
    std::vector<MilestoneEvent> out;
    const PlanShare* first_sykmelder = nullptr;
    const PlanShare* first_nav = nullptr;
    const PlanShare* last_nav = nullptr;
    for (const PlanShare& s : p.shares) {
        if (s.recipient == "sykmelder" && (!first_sykmelder || s.date < first_sykmelder->date)) first_sykmelder = &s;
        if (s.recipient == "nav") {
            if (!first_nav || s.date < first_nav->date) first_nav = &s;
            if (!last_nav || !(s.date < last_nav->date)) last_nav = &s;
        }
    }
    auto note = [](const PlanShare& s, const char* to) {
        std::string n = "Oppfølgingsplan versjon " + std::to_string(s.version) + " delt med " + to;
        if (!s.channel.empty()) n += " (" + s.channel + ")";
        return n;
    };
    if (first_sykmelder)
        out.push_back({p.employee, p.case_start, "oppfolgingsplan", EventStatus::done, first_sykmelder->date,
                       note(*first_sykmelder, "sykmelder")});
    else if (p.exemption)
        out.push_back({p.employee, p.case_start, "oppfolgingsplan", EventStatus::exempt, p.exemption->date,
                       "Åpenbart unødvendig: " + p.exemption->reason});
    if (first_nav)
        out.push_back({p.employee, p.case_start, "rapport_nav_9uker", EventStatus::done, first_nav->date, note(*first_nav, "NAV")});
    if (last_nav)
        out.push_back({p.employee, p.case_start, "plan_til_nav", EventStatus::done, last_nav->date, note(*last_nav, "NAV")});
    return out;
}

} // namespace iadesk
