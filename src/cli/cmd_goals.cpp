// `iadesk goals FILE --today DATE [--json] [--report plan|half-year] [--half-year YYYY-H]`: the IA goals of a dataset
// measured against its own data (goals.hpp; docs/goals.md).
//   JSON: {"today", "last_complete_quarter", "goals": [{"id", "area", "kind", "baseline", "target",
//         "current", "progress", "status", then "title", "area_label", "baseline_period",
//         "current_period", "current_rolling", "reduction", "projection", "activities",
//         "verifiable", "not_verifiable", "masked", "reason", "limit", "agreement"}], "meeting_years": [...]}.
//         "agreement": the dated IA agreement of the goal's area ("IA-avtalen 2025–2028"), null for a
//         custom area. A sick-leave result goal also has "comparison": {"quarter", "bransjeprogram",
//         "bransjen", "landet"}: the legemeldt figure over the four quarters to the last complete one
//         (benchmarks.hpp; null when missing), as beside the goal in the app.
//         "limit": true for a goal whose baseline already meets the target (a limit to stay
//         within): its "progress" is null.
//         Figures are numbers with one decimal (percent for sick leave); "progress" and
//         "reduction" are percentages (71.4 = 71,4 % of the way); a withheld figure is null.
//         "status" is one of "nådd", "i rute", "risiko", "etter", "ukjent".
//         A drop-out goal (metric "dropout", dropout.hpp) also has "years": per calendar year of its
//         series {"year", "share", "persons", "left", "left_to_benefits"}; the counts are those of
//         the organisation or the one unit measured (null for a set of units or a withheld group).
//   Text: one block per goal (a drop-out goal with a line per year); the meeting years with warnings.
//   --report plan: the action plan as HTML; --report half-year: the half-year report of
//   --half-year ("2026-2": July-December 2026; default the half-year containing --today) with the
//   texts and the tillitsvalgt's sign-off stored for it in the file (half_year_reports).
//   --half-year without --report half-year, or a malformed one, is a usage error (2).
#include "cli/cli_util.hpp"

#include "iadesk/benchmarks.hpp"
#include "iadesk/dropout.hpp"
#include "iadesk/goals.hpp"
#include "iadesk/stats.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>

namespace iadesk::cli {
namespace {

using oj = nlohmann::ordered_json;

const char* kUsage = "bruk: iadesk goals FIL --today DATO [--json] [--report plan|half-year] [--half-year ÅÅÅÅ-H]\n";

oj num(const std::optional<double>& v) { return v ? oj(round_percent(*v)) : oj(nullptr); }
oj pct(const std::optional<double>& f) { return f ? oj(round_percent(*f * 100.0)) : oj(nullptr); }
oj period(const std::optional<GoalPeriod>& p) { return p ? oj(format_period(*p)) : oj(nullptr); }

std::string text_value(const Goal& g, const GoalEvaluation& e, const std::optional<double>& v) {
    if (v) return format_number_nb(round_percent(*v), 1) + (g.metric != GoalMetric::recorded ? " %" : "");
    if (e.no_access) return "ikke tilgang";
    if (e.masked)
        return e.mask_reason == MaskReason::protects_small_group ? "skjermet for å beskytte en liten gruppe" : "skjermet (under 5 ansatte)";
    return "–";
}

// The drop-out counts of a goal's group in a year: the organisation or its one unit; nullptr for a
// set of units (only the share is computed for those) or a withheld group.
const DropoutGroup* dropout_group(const Goal& g, const DropoutTable& t) {
    const DropoutGroup* group = nullptr;
    if (g.units.empty()) group = &t.organisation;
    else if (g.units.size() == 1)
        for (const DropoutGroup& u : t.units)
            if (u.unit == g.units[0]) group = &u;
    return group && group->counts ? group : nullptr;
}

// Beside a sick-leave goal, as on the app's IA-mål page: the bransje's and the country's legemeldt
// figure over the four quarters to the last complete one (benchmarks.hpp four_quarter_mean), from
// the shipped figures with the register's imported ones before them.
struct GoalComparison {
    Quarter last;
    std::optional<double> bransje, land;
};

GoalComparison goal_comparison(const Dataset& ds, Date today) {
    GoalComparison c;
    c.last = latest_complete_quarter(today);
    const BenchmarkLoad shipped = shipped_benchmarks();
    const BenchmarkTable table = with_imported_figures(shipped.ok() ? *shipped.table : BenchmarkTable{}, ds);
    auto mean_of = [&](BenchmarkCategory category, std::string_view code) {
        return four_quarter_figure(table, category, code, SickLeaveMeasure::legemeldt, c.last);
    };
    if (ds.organisation.bransjeprogram != Bransjeprogram::none)
        c.bransje = mean_of(BenchmarkCategory::bransje, bransjeprogram_id(ds.organisation.bransjeprogram));
    c.land = mean_of(BenchmarkCategory::land, "");
    return c;
}

// The dated agreement a goal's area belongs to ("IA-avtalen 2025–2028"), or "" for a custom area.
std::string agreement_name(const Goal& g) {
    const IaAgreement* a = agreement_of_area(g.area);
    return a && !a->custom ? a->name_nb : std::string();
}

} // namespace

int cmd_goals(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "goals", {"--today", "--report", "--half-year"}, {"--json"}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "goals", kUsage, err);
    if (!path) return 2;
    auto today = date_option(a, "goals", "--today", std::nullopt, err);
    if (!today) return 2;
    std::string report;
    if (auto it = a.values.find("--report"); it != a.values.end()) {
        report = it->second;
        if (report != "plan" && report != "half-year") {
            err << "iadesk goals: ukjent rapport for --report: «" << report << "» (plan eller half-year)\n";
            return 2;
        }
    }
    std::optional<std::pair<int, int>> half_year;
    if (auto it = a.values.find("--half-year"); it != a.values.end()) {
        const std::string& v = it->second;
        const std::size_t dash = v.find('-');
        std::string h = dash == std::string::npos ? std::string() : v.substr(dash + 1);
        if (!h.empty() && (h[0] == 'H' || h[0] == 'h')) h.erase(0, 1);
        const int year = dash == 4 ? std::atoi(v.substr(0, 4).c_str()) : 0;
        if (year < 1900 || year > 2200 || (h != "1" && h != "2")) {
            err << "iadesk goals: ugyldig --half-year «" << v << "» (forventet ÅÅÅÅ-1 eller ÅÅÅÅ-2, f.eks. 2026-2)\n";
            return 2;
        }
        if (report != "half-year") {
            err << "iadesk goals: --half-year hører til --report half-year\n";
            return 2;
        }
        half_year = std::pair(year, h == "1" ? 1 : 2);
    }
    int rc = 0;
    auto ds = load_dataset_file(*path, "goals", err, rc);
    if (!ds) return rc;
    const GoalsOverview ov = evaluate_goals(*ds, *today);
    const GoalComparison cmp = goal_comparison(*ds, *today);
    const std::string quarter_nb = std::to_string(cmp.last.q) + ". kvartal " + std::to_string(cmp.last.year);

    if (report == "plan") { out << action_plan_html(*ds, ov); return 0; }
    if (report == "half-year") {
        const auto [year, half] = half_year.value_or(std::pair(today->year(), today->month() <= 6 ? 1 : 2));
        out << half_year_report_html(*ds, ov, year, half);
        return 0;
    }

    if (a.flags.count("--json")) {
        oj goals = oj::array();
        for (const GoalEvaluation& e : ov.goals) {
            const Goal& g = *e.goal;
            oj flags = oj::array();
            for (const Flag& f : e.not_verifiable) flags.push_back(f.nb);
            oj projection = nullptr;
            if (e.projection)
                projection = {{"period", format_period(e.projection->final_period)},
                              {"value", round_percent(e.projection->value)},
                              {"progress", pct(e.projection->progress)},
                              {"slope_per_quarter", std::round(e.projection->slope_per_quarter * 1000.0) / 1000.0}};
            goals.push_back({{"id", g.id},
                             {"area", g.area},
                             {"kind", to_string(g.kind)},
                             {"baseline", num(e.baseline)},
                             {"target", num(e.target)},
                             {"current", num(e.current)},
                             {"progress", g.kind == GoalKind::result ? pct(e.progress) : pct(e.activity_progress)},
                             {"status", to_string(e.status)},
                             {"title", g.title},
                             {"area_label", area_label(g.area, false)},
                             {"agreement", agreement_name(g).empty() ? oj(nullptr) : oj(agreement_name(g))},
                             {"baseline_period", period(e.baseline_period)},
                             {"current_period", period(e.current_period)},
                             {"current_rolling", e.current_rolling},
                             {"reduction", pct(e.reduction)},
                             {"projection", projection},
                             {"activities", {{"planned", e.activities_planned}, {"done", e.activities_done},
                                             {"cancelled", e.activities_cancelled}, {"overdue", e.activities_overdue}}},
                             {"verifiable", e.verifiable},
                             {"not_verifiable", flags},
                             {"masked", e.masked},
                             {"reason", e.reason.nb},
                             {"limit", e.limit}});
            if (g.kind == GoalKind::result && g.metric == GoalMetric::sick_leave) {
                const Bransjeprogram b = ds->organisation.bransjeprogram;
                goals.back()["comparison"] = {
                    {"quarter", std::to_string(cmp.last.year) + "K" + std::to_string(cmp.last.q)},
                    {"bransjeprogram", b == Bransjeprogram::none ? oj(nullptr) : oj(std::string(bransjeprogram_id(b)))},
                    {"bransjen", cmp.bransje ? oj(*cmp.bransje) : oj(nullptr)},
                    {"landet", cmp.land ? oj(*cmp.land) : oj(nullptr)}};
            }
            if (g.metric == GoalMetric::dropout) {
                oj per_year = oj::array();
                for (const MetricPoint& pt : e.series) {
                    const DropoutTable t = compute_dropout(*ds, pt.period.year);
                    const DropoutGroup* d = e.no_access ? nullptr : dropout_group(g, t);
                    per_year.push_back({{"year", pt.period.year}, {"share", num(pt.value)},
                                        {"persons", d ? oj(d->persons) : oj(nullptr)},
                                        {"left", d ? oj(d->counts->left) : oj(nullptr)},
                                        {"left_to_benefits", d ? oj(d->counts->left_to_benefits) : oj(nullptr)}});
                }
                goals.back()["years"] = std::move(per_year);
            }
        }
        oj years = oj::array();
        for (const MeetingYear& y : ov.meeting_years)
            years.push_back({{"year", y.year}, {"held", y.held}, {"planned", y.planned}, {"not_counting", y.not_counting},
                             {"below_good_practice", y.below_good_practice}});
        oj j{{"today", format_iso(*today)},
             {"last_complete_quarter", format_period(ov.last_complete_quarter)},
             {"goals", std::move(goals)},
             {"meeting_years", std::move(years)}};
        out << j.dump(2, ' ', false, oj::error_handler_t::replace) << "\n";
        return 0;
    }

    out << "IA-mål for " << ds->organisation.name << " per " << format_norwegian(*today) << "\n";
    if (ov.goals.empty()) out << "\nIngen mål er registrert.\n";
    for (const GoalEvaluation& e : ov.goals) {
        const Goal& g = *e.goal;
        out << "\n" << g.id << "  " << g.title << "\n";
        out << "  Område:       " << area_label(g.area, false) << "\n";
        if (const std::string agreement = agreement_name(g); !agreement.empty()) out << "  Avtale:       " << agreement << "\n";
        out << "  Type:         " << (g.kind == GoalKind::result ? "resultatmål" : "aktivitetsmål") << "\n";
        if (g.kind == GoalKind::result) {
            out << "  Utgangspunkt: " << text_value(g, e, e.baseline)
                << (e.baseline_period ? " (" + period_label(*e.baseline_period, false) + ")" : "") << "\n";
            out << "  Mål:          " << text_value(g, e, e.target)
                << (e.limit ? (g.metric == GoalMetric::recorded && g.higher_is_better ? " (grense: minst)" : " (grense: høyst)") : "")
                << "\n";
            out << "  Nå:           " << text_value(g, e, e.current);
            if (e.current_period)
                out << (e.current_rolling ? " (siste fire kvartaler til " : " (") << period_label(*e.current_period, false) << ")";
            out << "\n";
            if (e.progress)
                out << "  Fremdrift:    " << format_number_nb(round_percent(*e.progress * 100), 1) << " % av veien"
                    << (!e.reduction ? std::string()
                        : *e.reduction >= 0 ? ", " + format_number_nb(round_percent(*e.reduction * 100), 1) + " % reduksjon"
                                            : ", " + format_number_nb(round_percent(-*e.reduction * 100), 1) + " % økning")
                    << "\n";
            if (e.projection)
                out << "  Framskrevet:  " << text_value(g, e, e.projection->value) << " i "
                    << period_label(e.projection->final_period, false) << "\n";
            if (g.metric == GoalMetric::sick_leave) {
                const std::string four = " (legemeldt, fire kvartaler til " + quarter_nb + ")";
                const std::string none = "ingen tall for de fire kvartalene til " + quarter_nb;
                if (ds->organisation.bransjeprogram != Bransjeprogram::none)
                    out << "  Bransjen:     " << bransje_name(ds->organisation.bransjeprogram) << " "
                        << (cmp.bransje ? format_number_nb(*cmp.bransje, 1) + " %" + four : none) << "\n";
                out << "  Landet:       " << (cmp.land ? format_number_nb(*cmp.land, 1) + " %" + four : none) << "\n";
            }
            if (g.metric == GoalMetric::dropout) {
                out << "  Frafall:      andel av årets ansatte som sluttet til uføretrygd eller AAP\n";
                for (const MetricPoint& pt : e.series) {
                    const DropoutTable t = compute_dropout(*ds, pt.period.year);
                    const DropoutGroup* d = e.no_access ? nullptr : dropout_group(g, t);
                    out << "    " << pt.period.year << ": ";
                    if (pt.value) out << format_number_nb(*pt.value, 1) << " %";
                    else if (e.no_access) out << "ikke tilgang";
                    else if (pt.masked)
                        out << (pt.mask_reason == MaskReason::protects_small_group ? "skjermet for å beskytte en liten gruppe"
                                                                                    : "skjermet (under 5 ansatte)");
                    else out << "–";
                    if (d)
                        out << " (" << d->persons << " ansatte, " << d->counts->left << " sluttet, "
                            << d->counts->left_to_benefits << " til uføretrygd/AAP)";
                    out << "\n";
                }
            }
        }
        if (e.activities_planned > 0)
            out << "  Aktiviteter:  " << e.activities_done << " av " << e.activities_planned << " fullført\n";
        out << "  Frist:        " << (g.deadline ? format_norwegian(*g.deadline) : "–") << "\n";
        out << "  Status:       " << to_string(e.status) << " – " << e.reason.nb << "\n";
        if (!e.verifiable) {
            out << "  Ikke etterprøvbart:";
            for (const Flag& f : e.not_verifiable) out << " " << f.nb << ";";
            out << "\n";
        }
    }
    out << "\nIA-møter (god praksis: minst to i året; ingen lovplikt):\n";
    for (const MeetingYear& y : ov.meeting_years)
        out << "  " << y.year << ": " << y.held << " holdt, " << y.planned << " planlagt"
            << (y.below_good_practice ? "  (under god praksis)" : "") << "\n";
    return 0;
}

} // namespace iadesk::cli
