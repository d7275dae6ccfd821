// goals_check: value checks of one goal, activity or meeting on its own (goal_commands.hpp),
// shared by the commands and the dataset checks (dataset_goals.cpp).
#include "iadesk/goal_commands.hpp"
#include "iadesk/goals.hpp"

#include <cmath>
#include <cstdio>

namespace iadesk {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void add(std::vector<Problem>& out, std::string field, std::string nb, std::string en) {
    out.push_back({std::move(field), std::move(nb), std::move(en)});
}

std::string num_text(double v) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.15g", v);
    return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

void date_range(std::vector<Problem>& out, const std::string& field, Date d) {
    const int y = d.year();
    if (y >= 1900 && y <= 2200) return;
    add(out, field, "Datoen må ligge i årene 1900–2200 (år " + std::to_string(y) + ")",
        "The date must lie in the years 1900-2200 (year " + std::to_string(y) + ")");
}

void period_range(std::vector<Problem>& out, const std::string& field, GoalPeriod p) {
    if (p.year >= 1900 && p.year <= 2200 && p.quarter >= 0 && p.quarter <= 4) return;
    add(out, field, "Perioden må være et år (ÅÅÅÅ) eller et kvartal (ÅÅÅÅ-Qn) i 1900–2200",
        "The period must be a year (YYYY) or a quarter (YYYY-Qn) in 1900-2200");
}

void finite(std::vector<Problem>& out, const std::string& field, double v) {
    if (std::isfinite(v)) return;
    add(out, field, "Må være et tall", "Must be a number");
}

void not_empty(std::vector<Problem>& out, const char* field, const std::string& v, const char* nb, const char* en) {
    if (blank(v)) add(out, field, std::string(nb) + " kan ikke være tom", std::string(en) + " must not be empty");
}

} // namespace

std::vector<Problem> check_goal_values(const Goal& g) {
    std::vector<Problem> out;
    not_empty(out, "id", g.id, "ID-en", "The id");
    not_empty(out, "title", g.title, "Tittelen", "The title");
    not_empty(out, "area", g.area, "Området (delmål)", "The area (sub-goal)");
    if (g.deadline) date_range(out, "deadline", *g.deadline);
    if (g.kind == GoalKind::result) {
        if (g.baseline_period) period_range(out, "baseline_period", *g.baseline_period);
        if (g.baseline_value) finite(out, "baseline_value", *g.baseline_value);
        if (g.target_value) finite(out, "target_value", *g.target_value);
        if (g.target_value && g.target_change)
            add(out, "target_change", "Oppgi målet enten som verdi eller som endring, ikke begge",
                "Give the target either as a value or as a change, not both");
        if (g.target_change && !(*g.target_change > -100 && *g.target_change <= 1000))
            add(out, "target_change",
                "Endringen må være over −100 % og høyst 1000 % (var " + num_text(*g.target_change) + ")",
                "The change must be above -100 % and at most 1000 % (was " + num_text(*g.target_change) + ")");
        if (g.metric == GoalMetric::sick_leave) {
            for (std::size_t i = 0; i < g.units.size(); ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (g.units[i] == g.units[j])
                        add(out, "units/" + std::to_string(i), "Enheten «" + g.units[i] + "» er valgt to ganger",
                            "The unit \"" + g.units[i] + "\" is chosen twice");
            if (g.baseline_value && !(*g.baseline_value >= 0 && *g.baseline_value <= 100))
                add(out, "baseline_value", "Sykefraværsprosenten må ligge mellom 0 og 100 (var " + num_text(*g.baseline_value) + ")",
                    "The sick-leave percentage must lie between 0 and 100 (was " + num_text(*g.baseline_value) + ")");
            if (g.target_value && !(*g.target_value >= 0 && *g.target_value <= 100))
                add(out, "target_value", "Sykefraværsprosenten må ligge mellom 0 og 100 (var " + num_text(*g.target_value) + ")",
                    "The sick-leave percentage must lie between 0 and 100 (was " + num_text(*g.target_value) + ")");
        } else {
            not_empty(out, "metric_name", g.metric_name, "Navnet på måltallet", "The metric's name");
            for (std::size_t i = 0; i < g.values.size(); ++i) {
                const std::string p = "values/" + std::to_string(i) + "/";
                period_range(out, p + "period", g.values[i].period);
                finite(out, p + "value", g.values[i].value);
                for (std::size_t j = 0; j < i; ++j)
                    if (g.values[j].period == g.values[i].period)
                        add(out, p + "period", "Perioden " + format_period(g.values[i].period) + " er registrert to ganger",
                            "The period " + format_period(g.values[i].period) + " is recorded twice");
            }
        }
    } else if (g.criterion_count && *g.criterion_count < 1) {
        add(out, "criterion_count", "Antallet må være minst 1 (var " + std::to_string(*g.criterion_count) + ")",
            "The count must be at least 1 (was " + std::to_string(*g.criterion_count) + ")");
    }
    if (g.kind == GoalKind::activity && g.criterion_date) date_range(out, "criterion_date", *g.criterion_date);
    return out;
}

std::vector<Problem> check_activity_values(const GoalActivity& a) {
    std::vector<Problem> out;
    not_empty(out, "id", a.id, "ID-en", "The id");
    not_empty(out, "goal", a.goal, "Målet", "The goal");
    not_empty(out, "title", a.title, "Tittelen", "The title");
    if (a.planned) date_range(out, "planned", *a.planned);
    if (a.done) date_range(out, "done", *a.done);
    return out;
}

std::vector<Problem> check_meeting_values(const IaMeeting& m) {
    std::vector<Problem> out;
    not_empty(out, "id", m.id, "ID-en", "The id");
    date_range(out, "date", m.date);
    for (std::size_t i = 0; i < m.decisions.size(); ++i)
        if (blank(m.decisions[i].text))
            add(out, "decisions/" + std::to_string(i) + "/text", "Vedtaket kan ikke være tomt", "The decision must not be empty");
    return out;
}

} // namespace iadesk
