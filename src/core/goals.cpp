// goals: the progress formulas, the projection and the evaluation of every goal (contract in
// include/iadesk/goals.hpp; the model and formulas in docs/goals.md). Agreements, periods and the
// enums' stored words are in goals_agreements.cpp.
#include "iadesk/goals.hpp"
#include "iadesk/enum_text.hpp"

#include "iadesk/assets.hpp"
#include "iadesk/dropout.hpp"
#include "iadesk/stats.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace iadesk {
namespace {

using nlohmann::json;

// --- Small helpers ---------------------------------------------------------------------------------

double round1(double v) { return round_percent(v); } // one decimal, half up (stats.hpp)

int qindex(GoalPeriod p) { return p.year * 4 + (p.quarter - 1); }
GoalPeriod from_qindex(int i) { return {i / 4, i % 4 + 1}; }

GoalPeriod last_complete_quarter(Date today) {
    const Quarter q = quarter_of(today);
    GoalPeriod p{q.year, q.q};
    if (period_last(p) >= today) p = from_qindex(qindex(p) - 1);
    return p;
}

// The last quarter ending on or before `d`.
GoalPeriod last_quarter_ending_by(Date d) {
    const Quarter q = quarter_of(d);
    GoalPeriod p{q.year, q.q};
    if (period_last(p) > d) p = from_qindex(qindex(p) - 1);
    return p;
}

std::string pct_text(double fraction) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", round1(fraction * 100.0));
    std::string s = buf;
    for (char& c : s)
        if (c == '.') c = ',';
    return s + " %";
}

// A goal value as shown: one decimal, half up; a decimal comma in Norwegian.
std::string value_text(double v, bool english) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", round1(v));
    std::string s = buf;
    if (!english)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

// The sick-leave figure of a set of units (empty = the organisation) in a period, protected
// (stats.hpp): the organisation and a single unit as the period's protected table has them; a set
// of several units only when it adds nothing to that table (none of its units is withheld, or
// it holds every withheld unit that has people, so that it equals the organisation minus the
// shown units) and its own largest quarterly head-count reaches kMaskBelow. Otherwise two shown
// figures would give a small unit by subtraction.
struct Figure {
    std::optional<double> value; // one decimal
    bool masked = false;
    MaskReason reason = MaskReason::none;
    bool unknown_unit = false;
};

class SickLeaveSource {
public:
    explicit SickLeaveSource(const Dataset& ds) : ds_(ds) {
        for (std::size_t i = 0; i < ds.units.size(); ++i) unit_index_.emplace(ds.units[i].id, i);
    }

    Figure figure(const std::vector<std::string>& units, Date from, Date to) {
        const StatsTable& t = table(from, to);
        Figure f;
        auto from_group = [&f](const StatsGroup& g) {
            f.masked = g.masked;
            f.reason = g.reason;
            f.value = g.percent;
        };
        if (units.empty()) {
            from_group(t.organisation);
            return f;
        }
        std::vector<std::size_t> chosen;
        for (const std::string& u : units) {
            auto it = unit_index_.find(u);
            if (it == unit_index_.end()) { f.unknown_unit = true; return f; }
            if (std::find(chosen.begin(), chosen.end(), it->second) == chosen.end()) chosen.push_back(it->second);
        }
        if (chosen.size() == 1) {
            from_group(t.units[chosen.front()]);
            return f;
        }
        bool holds_some_hidden = false, holds_every_hidden = !t.unlisted;
        for (std::size_t u = 0; u < t.units.size(); ++u) {
            const StatsGroup& g = t.units[u];
            if (!g.masked || masking_headcount(g) == 0) continue;
            const bool in = std::find(chosen.begin(), chosen.end(), u) != chosen.end();
            holds_some_hidden = holds_some_hidden || in;
            holds_every_hidden = holds_every_hidden && in;
        }
        // The set's own head-count, per quarter piece (each employee is in one unit).
        std::vector<int> heads(t.organisation.quarter_heads.size(), 0);
        DagsverkSums sums;
        for (std::size_t u : chosen) {
            for (std::size_t k = 0; k < heads.size() && k < t.units[u].quarter_heads.size(); ++k)
                heads[k] += t.units[u].quarter_heads[k];
            sums.mulige += t.unit_sums[u].mulige;
            sums.tapte += t.unit_sums[u].tapte;
        }
        const int headcount = heads.empty() ? 0 : *std::max_element(heads.begin(), heads.end());
        if (headcount < kMaskBelow) {
            f.masked = true;
            f.reason = MaskReason::small_group;
        } else if (holds_some_hidden && !holds_every_hidden) {
            f.masked = true;
            f.reason = MaskReason::protects_small_group;
        } else if (sums.mulige > 0) {
            f.value = round1(sums.tapte / sums.mulige * 100.0);
        }
        return f;
    }

    // The drop-out share to benefits of the units (empty = the organisation) in a calendar year
    // (dropout.hpp), protected like the sick-leave figures.
    Figure dropout(const std::vector<std::string>& units, int year) {
        auto it = dropout_cache_.find(year);
        if (it == dropout_cache_.end()) it = dropout_cache_.emplace(year, compute_dropout(ds_, year, kMaskBelow)).first;
        const DropoutFigure d = dropout_figure(ds_, it->second, units, kMaskBelow);
        return {d.value, d.masked, d.reason, d.unknown_unit};
    }

private:
    const StatsTable& table(Date from, Date to) {
        auto key = std::make_pair(from.days, to.days);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        return cache_.emplace(key, compute_stats_table(ds_, from, to, kMaskBelow)).first->second;
    }

    const Dataset& ds_;
    std::unordered_map<std::string, std::size_t> unit_index_;
    std::map<std::pair<int32_t, int32_t>, StatsTable> cache_;
    std::map<int, DropoutTable> dropout_cache_;
};

// A goal's masking reason: small_group wins over protects_small_group.
void note_mask(GoalEvaluation& e, const Figure& f) {
    if (!f.masked) return;
    e.masked = true;
    if (e.mask_reason != MaskReason::small_group) e.mask_reason = f.reason;
}

Flag flag(std::string nb, std::string en) { return {std::move(nb), std::move(en)}; }

bool reached(const Goal& g, double current, double target) {
    const bool rising = g.metric == GoalMetric::recorded && g.higher_is_better;
    return rising ? current >= target - 1e-9 : current <= target + 1e-9;
}

bool may_see(const Role& role, const Goal& g) {
    if (g.metric == GoalMetric::recorded) return true; // recorded by hand: not statistics of people
    if (g.units.empty()) return may_see_statistics(role, std::nullopt);
    for (const std::string& u : g.units)
        if (!may_see_statistics(role, u)) return false;
    return true;
}

const RecordedValue* recorded_for(const Goal& g, GoalPeriod p) {
    for (const RecordedValue& v : g.values)
        if (v.period == p) return &v;
    return nullptr;
}

void evaluate_result(const Dataset& ds, const Goal& g, Date today, GoalPeriod lcq, const Role& role,
                     SickLeaveSource& src, GoalEvaluation& e) {
    (void)ds;
    const bool sick = g.metric == GoalMetric::sick_leave;
    const bool drop = g.metric == GoalMetric::dropout; // per calendar year: a baseline quarter counts as its year
    const bool visible = may_see(role, g);
    e.no_access = !visible;
    e.baseline_period = g.baseline_period;
    const std::optional<GoalPeriod> bp = g.baseline_period;
    bool unknown_unit = false;

    // Baseline
    if (g.baseline_value) {
        e.baseline = round1(*g.baseline_value);
    } else if (bp && visible) {
        if (sick) {
            Figure f = src.figure(g.units, period_first(*bp), period_last(*bp));
            e.baseline = f.value;
            note_mask(e, f);
            unknown_unit = unknown_unit || f.unknown_unit;
        } else if (drop) {
            Figure f = src.dropout(g.units, bp->year);
            e.baseline = f.value;
            note_mask(e, f);
            unknown_unit = unknown_unit || f.unknown_unit;
        } else if (const RecordedValue* v = recorded_for(g, *bp)) {
            e.baseline = v->value;
        }
    }
    e.target = goal_target(g, e.baseline);
    // A target the baseline already meets ("under 8 %" from 4 %) is a limit to stay within, not a
    // distance to cover (docs/goals.md, limit goals).
    e.limit = e.baseline && e.target && reached(g, *e.baseline, *e.target);
    if (!visible) {
        e.reason = flag("Rollen har ikke tilgang til denne statistikken", "The role may not see these statistics");
        if (!g.baseline_value) e.baseline.reset();
        return;
    }

    // Current value, series and projection points
    std::vector<std::pair<double, double>> points;
    double x_current = 0;
    if (sick) {
        if (bp && bp->quarter != 0) {
            GoalPeriod cp{lcq.quarter >= bp->quarter ? lcq.year : lcq.year - 1, bp->quarter};
            if (cp > *bp) {
                Figure f = src.figure(g.units, period_first(cp), period_last(cp));
                e.current = f.value;
                e.current_period = cp;
                note_mask(e, f);
                unknown_unit = unknown_unit || f.unknown_unit;
                x_current = qindex(cp);
            }
        } else {
            GoalPeriod start = from_qindex(qindex(lcq) - 3);
            Figure f = src.figure(g.units, period_first(start), period_last(lcq));
            e.current = f.value;
            e.current_period = lcq;
            e.current_rolling = true;
            note_mask(e, f);
            unknown_unit = unknown_unit || f.unknown_unit;
            x_current = qindex(lcq);
        }
        int first = qindex(lcq) - 15;
        if (bp) first = std::max(first, qindex(bp->quarter ? *bp : GoalPeriod{bp->year, 1}));
        first = std::min(first, qindex(lcq));
        for (int i = first; i <= qindex(lcq); ++i) {
            GoalPeriod p = from_qindex(i);
            Figure f = src.figure(g.units, period_first(p), period_last(p));
            e.series.push_back({p, f.value, f.masked, f.reason});
        }
        // Seasonally neutral points: the rolling four-quarter figure ending at each of the last
        // five complete quarters.
        for (int k = 4; k >= 0; --k) {
            const int end = qindex(lcq) - k;
            Figure f = src.figure(g.units, period_first(from_qindex(end - 3)), period_last(from_qindex(end)));
            if (f.value) points.emplace_back(end, *f.value);
        }
    } else if (drop) {
        // The last complete calendar year against the baseline year; the series and the projection's
        // points are the years from the baseline (at most the last five).
        const int last_year = today.year() - 1;
        if (!bp || last_year > bp->year) {
            Figure f = src.dropout(g.units, last_year);
            e.current = f.value;
            e.current_period = GoalPeriod{last_year, 0};
            note_mask(e, f);
            unknown_unit = unknown_unit || f.unknown_unit;
            x_current = quarter_index(*e.current_period);
        }
        const int first = std::min(last_year, std::max(last_year - 4, bp ? bp->year : last_year - 4));
        for (int y = first; y <= last_year; ++y) {
            Figure f = src.dropout(g.units, y);
            e.series.push_back({GoalPeriod{y, 0}, f.value, f.masked, f.reason});
            if (f.value) points.emplace_back(quarter_index(GoalPeriod{y, 0}), *f.value);
        }
    } else {
        const RecordedValue* best = nullptr;
        for (const RecordedValue& v : g.values) {
            if (period_first(v.period) > today) continue; // a value for a future period is not yet current
            bool fits = true;
            if (bp) fits = v.period > *bp && (bp->quarter == 0 ? v.period.quarter == 0 : v.period.quarter == bp->quarter);
            if (fits && (!best || v.period > best->period)) best = &v;
        }
        if (best) {
            e.current = best->value;
            e.current_period = best->period;
            x_current = quarter_index(best->period);
        }
        std::vector<const RecordedValue*> same;
        for (const RecordedValue& v : g.values) {
            e.series.push_back({v.period, v.value, false});
            if (period_first(v.period) > today) continue;
            if (!bp || (bp->quarter == 0) == (v.period.quarter == 0)) same.push_back(&v);
        }
        std::sort(same.begin(), same.end(), [](auto* a, auto* b) { return a->period < b->period; });
        if (same.size() > 5) same.erase(same.begin(), same.end() - 5);
        for (const RecordedValue* v : same) points.emplace_back(quarter_index(v->period), v->value);
        std::sort(e.series.begin(), e.series.end(), [](const MetricPoint& a, const MetricPoint& b) { return a.period < b.period; });
    }

    if (e.current && e.baseline && e.target) {
        if (!e.limit) e.progress = result_progress(*e.baseline, *e.target, *e.current);
        e.reduction = relative_reduction(*e.baseline, *e.current);
    }

    // Projection to the period compared at the deadline
    if (g.deadline && e.current && e.target && e.baseline) {
        if (auto line = fit_line(points)) {
            Projection pr;
            pr.points = points;
            pr.slope_per_quarter = line->slope;
            GoalPeriod fp = last_quarter_ending_by(*g.deadline);
            if (drop || (!sick && bp && bp->quarter == 0)) fp = {g.deadline->year(), 0};
            else if (bp && bp->quarter != 0)
                while (fp.quarter != bp->quarter) fp = from_qindex(qindex(fp) - 1);
            pr.final_period = fp;
            const double dx = quarter_index(fp) - x_current;
            pr.value = round1(*e.current + line->slope * std::max(0.0, dx));
            if (!e.limit) pr.progress = result_progress(*e.baseline, *e.target, pr.value);
            e.projection = std::move(pr);
        }
    }

    // Status
    if (unknown_unit) {
        e.reason = flag("Målet gjelder en enhet som ikke finnes lenger", "The goal refers to a unit that no longer exists");
        return;
    }
    if (!e.verifiable) {
        e.reason = flag("Ikke etterprøvbart: " + e.not_verifiable.front().nb, "Not verifiable: " + e.not_verifiable.front().en);
        return;
    }
    if (e.masked && !e.current) {
        if (e.mask_reason == MaskReason::protects_small_group)
            e.reason = flag("Skjermet for å beskytte en liten gruppe", "Masked to protect a small group");
        else
            e.reason = flag("Skjermet (færre enn 5 ansatte)", "Masked (fewer than 5 employees)");
        return;
    }
    if (!e.baseline) {
        e.reason = flag("Utgangspunktet mangler data", "The baseline has no data");
        return;
    }
    if (!e.current) {
        e.reason = flag(bp && bp->quarter && !drop ? "Ingen tall for samme kvartal etter utgangspunktet ennå"
                                          : "Ingen tall etter utgangspunktet ennå",
                        bp && bp->quarter && !drop ? "No figure for the same quarter after the baseline yet"
                                          : "No figure after the baseline yet");
        return;
    }
    const bool rising = g.metric == GoalMetric::recorded && g.higher_is_better;
    if (reached(g, *e.current, *e.target)) {
        e.status = GoalStatus::reached;
        if (e.limit)
            e.reason = flag("Innenfor grensen (" + std::string(rising ? "minst " : "høyst ") + value_text(*e.target, false) + ")",
                            "Within the limit (" + std::string(rising ? "at least " : "at most ") + value_text(*e.target, true) + ")");
        else
            e.reason = flag("Målet er nådd", "The target is reached");
        return;
    }
    if (*g.deadline < today) {
        e.status = GoalStatus::behind;
        e.reason = flag("Fristen er passert uten at målet er nådd", "The deadline has passed without reaching the target");
        return;
    }
    if (e.limit) {
        // Outside the limit: no share of a way, only whether the trend brings it back in time.
        const std::string now_nb = value_text(*e.current, false) + " mot " + (rising ? "minst " : "høyst ") + value_text(*e.target, false);
        const std::string now_en = value_text(*e.current, true) + " against " + (rising ? "at least " : "at most ") + value_text(*e.target, true);
        if (e.projection && reached(g, e.projection->value, *e.target)) {
            e.status = GoalStatus::at_risk;
            e.reason = flag("Utenfor grensen nå (" + now_nb + "); framskrivingen er innenfor innen fristen",
                            "Outside the limit now (" + now_en + "); the projection is within it by the deadline");
        } else {
            e.status = GoalStatus::behind;
            e.reason = flag("Utenfor grensen (" + now_nb + ")" + (e.projection ? ", og framskrivingen er også utenfor" : ""),
                            "Outside the limit (" + now_en + ")" + (e.projection ? ", and so is the projection" : ""));
        }
        return;
    }
    if (e.projection) {
        const double pp = e.projection->progress.value_or(0);
        if (reached(g, e.projection->value, *e.target)) {
            e.status = GoalStatus::on_track;
            e.reason = flag("Framskrivingen når målet innen fristen", "The projection reaches the target by the deadline");
        } else if (pp >= 0.5) {
            e.status = GoalStatus::at_risk;
            e.reason = flag("Framskrivingen når " + pct_text(pp) + " av veien innen fristen",
                            "The projection gets " + pct_text(pp) + " of the way by the deadline");
        } else {
            e.status = GoalStatus::behind;
            e.reason = flag("Framskrivingen når bare " + pct_text(pp) + " av veien innen fristen",
                            "The projection gets only " + pct_text(pp) + " of the way by the deadline");
        }
        return;
    }
    // Too few points for a line: compare the progress with the share of the time elapsed.
    const Date start = period_last(*bp);
    const double total = std::max(1, *g.deadline - start);
    const double elapsed = std::clamp((today - start) / total, 0.0, 1.0);
    const double p = e.progress.value_or(0);
    if (p >= elapsed) e.status = GoalStatus::on_track;
    else if (p >= elapsed / 2) e.status = GoalStatus::at_risk;
    else e.status = GoalStatus::behind;
    e.reason = flag(pct_text(p) + " av veien etter " + pct_text(elapsed) + " av tiden (for få kvartaler til framskriving)",
                    pct_text(p) + " of the way after " + pct_text(elapsed) + " of the time (too few quarters to project)");
}

void evaluate_activity(const Goal& g, Date today, GoalEvaluation& e) {
    if (!e.verifiable) {
        e.reason = flag("Ikke etterprøvbart: " + e.not_verifiable.front().nb, "Not verifiable: " + e.not_verifiable.front().en);
        return;
    }
    bool met = false;
    if (g.criterion_count) met = e.activities_done >= *g.criterion_count;
    else if (g.criterion_date) met = e.activities_planned > 0 && e.activities_done == e.activities_planned;
    if (met) {
        e.status = GoalStatus::reached;
        e.reason = flag("Kriteriet er oppfylt", "The criterion is met");
        return;
    }
    if ((g.deadline && *g.deadline < today) || (g.criterion_date && *g.criterion_date < today)) {
        e.status = GoalStatus::behind;
        e.reason = flag("Fristen er passert uten at kriteriet er oppfylt", "The deadline has passed without meeting the criterion");
        return;
    }
    if (e.activities_overdue > 0) {
        e.status = GoalStatus::at_risk;
        e.reason = flag(std::to_string(e.activities_overdue) + (e.activities_overdue == 1 ? " aktivitet" : " aktiviteter") +
                            " har passert planlagt dato",
                        std::to_string(e.activities_overdue) + (e.activities_overdue == 1 ? " activity is" : " activities are") +
                            " past the planned date");
        return;
    }
    e.status = GoalStatus::on_track;
    e.reason = flag("Aktivitetene følger planen", "The activities follow the plan");
}

} // namespace

// --- Formulas ----------------------------------------------------------------------------------------

std::optional<double> result_progress(double baseline, double target, double current) {
    const double span = baseline - target;
    if (std::fabs(span) < 1e-12) return std::nullopt;
    return std::max(0.0, (baseline - current) / span);
}

std::optional<Flag> target_warning(const Goal& g, std::optional<double> baseline) {
    if (g.kind != GoalKind::result) return std::nullopt;
    const bool rising = g.metric == GoalMetric::recorded && g.higher_is_better;
    if (g.target_change && *g.target_change != 0 && (*g.target_change > 0) != rising)
        return Flag{"Endringen peker feil vei: " + std::string(rising ? "høyere" : "lavere") + " er bedre for dette målet",
                    "The change points the wrong way: " + std::string(rising ? "higher" : "lower") + " is better for this goal"};
    const std::optional<double> target = goal_target(g, baseline);
    if (baseline && target && reached(g, *baseline, *target))
        return Flag{"Utgangspunktet (" + value_text(*baseline, false) + ") oppfyller allerede målet: det blir en grense å holde seg innenfor, uten fremdrift",
                    "The baseline (" + value_text(*baseline, true) + ") already meets the target: it becomes a limit to stay within, with no progress"};
    return std::nullopt;
}

std::optional<double> relative_reduction(double baseline, double current) {
    if (std::fabs(baseline) < 1e-12) return std::nullopt;
    return (baseline - current) / baseline;
}

std::optional<double> goal_target(const Goal& g, std::optional<double> baseline) {
    if (g.target_value) return *g.target_value;
    if (g.target_change && baseline) return round1(*baseline * (1.0 + *g.target_change / 100.0));
    return std::nullopt;
}

constexpr EnumText<GoalStatus> kGoalStatusText[] = {
    {GoalStatus::unknown, "ukjent", "ukjent", "unknown"},
    {GoalStatus::reached, "nådd", "nådd", "reached"},
    {GoalStatus::on_track, "i rute", "i rute", "on track"},
    {GoalStatus::at_risk, "risiko", "risiko", "at risk"},
    {GoalStatus::behind, "etter", "etter", "behind"},
};

const char* to_string(GoalStatus s) { return enum_code(kGoalStatusText, s); }
const char* status_label_en(GoalStatus s) { return enum_row(kGoalStatusText, s).en; }

std::optional<Line> fit_line(const std::vector<std::pair<double, double>>& pts) {
    if (pts.size() < 2) return std::nullopt;
    double mx = 0, my = 0;
    for (const auto& [x, y] : pts) { mx += x; my += y; }
    mx /= static_cast<double>(pts.size());
    my /= static_cast<double>(pts.size());
    double sxx = 0, sxy = 0;
    for (const auto& [x, y] : pts) { sxx += (x - mx) * (x - mx); sxy += (x - mx) * (y - my); }
    if (sxx < 1e-12) return std::nullopt;
    Line l;
    l.slope = sxy / sxx;
    l.intercept = my - l.slope * mx;
    return l;
}

// --- Evaluation ----------------------------------------------------------------------------------

std::vector<Flag> verifiability_flags(const Goal& g) {
    std::vector<Flag> out;
    if (g.kind == GoalKind::result) {
        if (!g.baseline_period)
            out.push_back(flag("mangler utgangspunkt (periode)", "no baseline (period)"));
        if (!g.target_value && !g.target_change)
            out.push_back(flag("mangler mål (verdi eller endring)", "no target (value or change)"));
    } else if (!g.criterion_count && !g.criterion_date) {
        out.push_back(flag("mangler målbart kriterium (antall eller dato)", "no measurable criterion (count or date)"));
    }
    if (!g.deadline) out.push_back(flag("mangler frist", "no deadline"));
    return out;
}

bool meeting_counts(const IaMeeting& m) {
    bool leader = false, employees = false;
    for (const MeetingAttendee& a : m.attendees) {
        leader = leader || a.role == MeetingRole::leder;
        employees = employees || a.role == MeetingRole::tillitsvalgt || a.role == MeetingRole::verneombud;
    }
    return leader && employees;
}

std::vector<MeetingYear> meeting_years(const Dataset& ds, Date today) {
    int first = today.year();
    for (const IaMeeting& m : ds.ia_meetings) first = std::min(first, m.date.year());
    std::vector<MeetingYear> out;
    for (int y = first; y <= today.year(); ++y) {
        MeetingYear my;
        my.year = y;
        for (const IaMeeting& m : ds.ia_meetings) {
            if (m.date.year() != y) continue;
            if (!meeting_counts(m)) ++my.not_counting;
            else if (m.date <= today) ++my.held;
            else ++my.planned;
        }
        my.below_good_practice = my.held + my.planned < 2;
        out.push_back(my);
    }
    return out;
}

GoalsOverview evaluate_goals(const Dataset& ds, Date today, const Role& role) {
    GoalsOverview ov;
    ov.today = today;
    ov.last_complete_quarter = last_complete_quarter(today);
    SickLeaveSource src(ds);
    std::unordered_map<std::string_view, std::size_t> index;
    ov.goals.resize(ds.goals.size());
    for (std::size_t i = 0; i < ds.goals.size(); ++i) {
        ov.goals[i].goal = &ds.goals[i];
        index.emplace(ds.goals[i].id, i);
    }
    for (const GoalActivity& a : ds.goal_activities) {
        auto it = index.find(a.goal);
        if (it == index.end()) continue;
        GoalEvaluation& e = ov.goals[it->second];
        if (a.status == ActivityStatus::avbrutt) { ++e.activities_cancelled; continue; }
        ++e.activities_planned;
        if (a.status == ActivityStatus::fullfort) ++e.activities_done;
        else if (a.planned && *a.planned < today) ++e.activities_overdue;
    }
    for (GoalEvaluation& e : ov.goals) {
        const Goal& g = *e.goal;
        e.not_verifiable = verifiability_flags(g);
        e.verifiable = e.not_verifiable.empty();
        if (e.activities_planned > 0) e.activity_progress = static_cast<double>(e.activities_done) / e.activities_planned;
        if (g.kind == GoalKind::result) evaluate_result(ds, g, today, ov.last_complete_quarter, role, src, e);
        else evaluate_activity(g, today, e);
    }

    // Per area: built-in areas in their files' order, custom areas after in order of appearance.
    std::vector<std::string> order;
    for (const IaAgreement& a : builtin_agreements())
        for (const GoalArea& ar : a.areas)
            for (const Goal& g : ds.goals)
                if (g.area == ar.id) { order.push_back(ar.id); break; }
    for (const Goal& g : ds.goals)
        if (!find_area(g.area) && std::find(order.begin(), order.end(), g.area) == order.end()) order.push_back(g.area);
    for (const std::string& area : order) {
        AreaSummary s;
        s.area = area;
        if (const GoalArea* ga = find_area(area)) s.code = ga->code;
        double sum = 0;
        int n = 0;
        for (const GoalEvaluation& e : ov.goals) {
            if (e.goal->area != area) continue;
            ++s.goals;
            (e.goal->kind == GoalKind::result ? s.result_goals : s.activity_goals)++;
            switch (e.status) {
            case GoalStatus::reached: ++s.reached; break;
            case GoalStatus::on_track: ++s.on_track; break;
            case GoalStatus::at_risk: ++s.at_risk; break;
            case GoalStatus::behind: ++s.behind; break;
            case GoalStatus::unknown: ++s.unknown; break;
            }
            if (!e.verifiable) ++s.not_verifiable;
            s.activities_planned += e.activities_planned;
            s.activities_done += e.activities_done;
            if (e.progress) { sum += *e.progress; ++n; }
        }
        if (n > 0) s.mean_progress = sum / n;
        ov.areas.push_back(std::move(s));
    }
    ov.meeting_years = meeting_years(ds, today);
    return ov;
}

} // namespace iadesk
