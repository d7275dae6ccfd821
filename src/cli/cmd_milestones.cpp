// `iadesk milestones FILE --today DATE [--json]`: the follow-up schedule of every case open on
// DATE (docs/domain.md, Follow-up milestones; milestones.hpp), each under the rule set chosen by
// its start date.
//   JSON: [{"employee", "case_start", "rule_set", "milestones": [{"id", "due" (null for an
//         on-request milestone without a due date), "status", "responsible"}]}]
//   Text: one block per case, the milestone's Norwegian label, due date dd.mm.yyyy and status.
#include "cli/cli_util.hpp"

#include "iadesk/cases.hpp"
#include "iadesk/milestones.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace iadesk::cli {

namespace {

const char* kUsage = "bruk: iadesk milestones FIL --today DATO [--json]\n";

const char* status_nb(MilestoneStatus s) {
    switch (s) {
    case MilestoneStatus::done: return "utført";
    case MilestoneStatus::exempt: return "unntatt";
    case MilestoneStatus::upcoming: return "kommer";
    case MilestoneStatus::due_soon: return "snart (innen 7 dager)";
    case MilestoneStatus::overdue: return "forfalt";
    case MilestoneStatus::on_request: return "ved behov";
    case MilestoneStatus::not_applicable: return "ikke aktuelt";
    }
    return "";
}

} // namespace

int cmd_milestones(const Args& args, std::ostream& out, std::ostream& err) {
    int rc = 0;
    auto opened = open_dated_file(args, "milestones", kUsage, {"--today"}, {"--json"}, std::nullopt, out, err, rc);
    if (!opened) return rc;
    const ParsedArgs& a = opened->args;
    const Dataset& ds = opened->data;
    const Date today = opened->today;

    std::vector<RuleProblem> rule_problems;
    const std::vector<RuleSet> sets = builtin_rule_sets(&rule_problems);
    for (const RuleProblem& p : rule_problems) err << "advarsel: regelverk " << p.pointer << ": " << p.message << "\n";
    // Only the cases open on `today` are kept (schedule_open_cases skips the others): the cases are
    // built one employee at a time, not all 1.3 million at 200 000 employees at once.
    std::vector<SicknessCase> cases;
    for_each_employee_cases(ds, today, {}, [&](std::vector<SicknessCase>& of_one) {
        for (SicknessCase& c : of_one)
            if (!(today < c.start || (c.end && *c.end < today))) cases.push_back(std::move(c));
    });
    const std::vector<CaseSchedule> schedules = schedule_open_cases(cases, sets, ds, today);

    if (a.flags.count("--json")) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const CaseSchedule& s : schedules) {
            nlohmann::ordered_json ms = nlohmann::ordered_json::array();
            for (const Milestone& m : s.milestones)
                ms.push_back({{"id", m.rule->id},
                              {"due", m.has_due() ? nlohmann::ordered_json(format_iso(m.due)) : nlohmann::ordered_json(nullptr)},
                              {"status", to_string(m.status)},
                              {"responsible", m.rule->responsible}});
            j.push_back({{"employee", s.sickness_case->employee},
                         {"case_start", format_iso(s.sickness_case->start)},
                         {"rule_set", s.rule_set->id},
                         {"milestones", std::move(ms)}});
        }
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return 0;
    }

    std::unordered_map<std::string_view, const Employee*> by_id;
    for (const Employee& e : ds.employees) by_id.emplace(e.id, &e);
    out << "Åpne sykefraværstilfeller i " << ds.organisation.name << " per " << format_norwegian(today) << ": "
        << schedules.size() << "\n";
    for (const CaseSchedule& s : schedules) {
        const SicknessCase& c = *s.sickness_case;
        auto it = by_id.find(c.employee);
        out << "\n" << c.employee << " " << (it != by_id.end() ? it->second->name : "") << " – tilfelle fra "
            << format_norwegian(c.start) << ", uke " << c.week_on(today) << " (regelverk: " << s.rule_set->name_nb
            << ")\n";
        for (const Milestone& m : s.milestones) {
            out << "  " << pad_right(m.has_due() ? format_norwegian(m.due) : "–", 12) << pad_right(status_nb(m.status), 23)
                << pad_right(m.rule->responsible, 14) << m.rule->label_nb << "\n";
        }
    }
    return 0;
}

} // namespace iadesk::cli
