// plan_commands: checked plan edits (contract in include/iadesk/plan_commands.hpp).
#include "iadesk/plan_commands.hpp"

#include "iadesk/checks.hpp"

#include <algorithm>
#include <memory>

namespace iadesk {
namespace {

std::ptrdiff_t plan_index(const Dataset& ds, std::string_view id) {
    for (std::size_t i = 0; i < ds.plans.size(); ++i)
        if (ds.plans[i].id == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

const Employee* find_employee(const Dataset& ds, std::string_view id) {
    for (const Employee& e : ds.employees)
        if (e.id == id) return &e;
    return nullptr;
}

// A command that replaces plan `index` by `after`; undo puts the old plan back exactly.
CommandResult replace_plan(const Dataset& ds, std::size_t index, Plan after, std::string description, std::string merge_key = {}) {
    std::vector<Problem> problems;
    check_plan(after, problems); // the loader's checks of the plan as it would be stored
    check_plan_refs(after, index, Lookup(ds), problems);
    if (!problems.empty()) return refused(std::move(problems));
    auto before = std::make_shared<const Plan>(ds.plans[index]);
    auto next = std::make_shared<const Plan>(std::move(after));
    Command c;
    c.description = std::move(description);
    c.merge_key = std::move(merge_key);
    c.touched = Touched::none();
    c.touched.plans.push_back(index);
    c.apply = [index, next](Dataset& d) { d.plans[index] = *next; };
    c.undo = [index, before](Dataset& d) { d.plans[index] = *before; };
    return accepted(std::move(c));
}

CommandResult append_plan(const Dataset& ds, Plan plan, std::string description) {
    std::vector<Problem> problems;
    check_plan(plan, problems);
    check_plan_refs(plan, std::nullopt, Lookup(ds), problems);
    if (!problems.empty()) return refused(std::move(problems));
    auto p = std::make_shared<const Plan>(std::move(plan));
    Command c;
    c.description = std::move(description);
    c.touched = Touched::none();
    c.touched.plans.push_back(ds.plans.size());
    c.apply = [p](Dataset& d) { d.plans.push_back(*p); };
    c.undo = [](Dataset& d) { d.plans.pop_back(); };
    return accepted(std::move(c));
}

std::vector<Problem> check_options(const Dataset& ds, const PlanContent& c) {
    std::vector<Problem> out;
    for (std::size_t i = 0; i < c.adjustment_options.size(); ++i)
        if (!find_adjustment_option(ds, c.adjustment_options[i]))
            out.push_back(make_problem("adjustment_options/" + std::to_string(i), ProblemCode::unknown_option,
                                       {{"id", c.adjustment_options[i]}}));
    return out;
}

std::string name_of(const Dataset& ds, std::string_view employee) {
    const Employee* e = find_employee(ds, employee);
    return e ? e->name : std::string(employee);
}

// Date problems shared by agreement and sharing: not in the future, not before `earliest`.
void check_day(std::vector<Problem>& out, const char* field, Date d, Date earliest, Date today) {
    if (today < d) out.push_back(make_problem(field, ProblemCode::date_in_future, {{"today", today}}));
    else if (d < earliest) out.push_back(make_problem(field, ProblemCode::date_before, {{"date", earliest}}));
}

} // namespace

std::string next_plan_id(const Dataset& ds) {
    long best = 0;
    for (const Plan& p : ds.plans) {
        if (p.id.size() < 2 || p.id[0] != 'P' || p.id.size() > 9) continue;
        long v = 0;
        bool digits = true;
        for (std::size_t i = 1; i < p.id.size(); ++i) {
            if (p.id[i] < '0' || p.id[i] > '9') { digits = false; break; }
            v = v * 10 + (p.id[i] - '0');
        }
        if (digits) best = std::max(best, v);
    }
    return "P" + std::to_string(best + 1);
}

CommandResult new_plan_version(const Dataset& ds, std::string_view employee, Date case_start, std::string origin,
                               std::string created_by, Date today) {
    if (!find_employee(ds, employee))
        return refused("employee", ProblemCode::unknown_employee, {{"id", employee}});
    const PlanTemplate* tpl = nullptr;
    if (!origin.empty() && origin != "previous") {
        tpl = find_plan_template(origin);
        if (!tpl) return refused("origin", ProblemCode::unknown_template, {{"id", origin}});
    }
    if (today < case_start)
        return refused("case_start", ProblemCode::plan_before_case, {{"start", case_start}});
    const Plan* existing = find_plan(ds, employee, case_start);
    PlanVersion v;
    v.created = today;
    v.created_by = std::move(created_by);
    v.origin = origin;
    if (tpl) v.content = tpl->content;
    const std::string who = name_of(ds, employee);
    if (!existing) {
        if (origin == "previous")
            return refused("origin", ProblemCode::plan_no_previous);
        Plan p;
        p.id = next_plan_id(ds);
        p.employee = std::string(employee);
        p.case_start = case_start;
        p.versions.push_back(std::move(v));
        return append_plan(ds, std::move(p), "Ny oppfølgingsplan for " + who);
    }
    if (existing->exemption && existing->versions.empty())
        return refused("exemption", ProblemCode::plan_exempted);
    if (!existing->versions.empty() && !existing->versions.back().agreed())
        return refused("versions", ProblemCode::plan_draft_open);
    if (origin == "previous") {
        if (existing->versions.empty())
            return refused("origin", ProblemCode::plan_no_previous);
        v.content = existing->versions.back().content;
    }
    Plan after = *existing;
    v.number = static_cast<int>(after.versions.size()) + 1;
    after.versions.push_back(std::move(v));
    const std::size_t index = static_cast<std::size_t>(plan_index(ds, existing->id));
    return replace_plan(ds, index, std::move(after),
                        "Ny versjon " + std::to_string(existing->versions.size() + 1) + " av oppfølgingsplanen for " + who);
}

CommandResult edit_plan_draft(const Dataset& ds, std::string_view plan_id, PlanContent content, Date today) {
    const std::ptrdiff_t i = plan_index(ds, plan_id);
    if (i < 0) return refused("id", ProblemCode::unknown_plan, {{"id", plan_id}});
    const Plan& p = ds.plans[static_cast<std::size_t>(i)];
    if (p.versions.empty()) return refused("versions", ProblemCode::plan_empty);
    if (p.versions.back().agreed()) return refused("versions", ProblemCode::plan_version_agreed);
    std::vector<Problem> problems = check_plan_content(content, today);
    for (Problem& pr : check_options(ds, content)) problems.push_back(std::move(pr));
    if (!problems.empty()) return refused(std::move(problems));
    Plan after = p;
    after.versions.back().content = std::move(content);
    return replace_plan(ds, static_cast<std::size_t>(i), std::move(after),
                        "Endret oppfølgingsplanen for " + name_of(ds, p.employee), "plan:" + p.id);
}

CommandResult mark_plan_agreed(const Dataset& ds, std::string_view plan_id, Date employee_date, Date manager_date,
                               std::string manager_name, Date today) {
    const std::ptrdiff_t i = plan_index(ds, plan_id);
    if (i < 0) return refused("id", ProblemCode::unknown_plan, {{"id", plan_id}});
    const Plan& p = ds.plans[static_cast<std::size_t>(i)];
    if (p.versions.empty()) return refused("versions", ProblemCode::plan_empty);
    const PlanVersion& v = p.versions.back();
    if (v.agreed()) return refused("versions", ProblemCode::plan_already_agreed);
    std::vector<Problem> problems;
    check_day(problems, "agreed_employee", employee_date, v.created, today);
    check_day(problems, "agreed_manager", manager_date, v.created, today);
    if (manager_name.find_first_not_of(" \t") == std::string::npos)
        problems.push_back(make_problem("manager_name", ProblemCode::required, {ProblemArg::label("field", "manager_name")}));
    // The content's own checks, against the day the parties agreed (the later of the two).
    for (Problem& pr : check_plan_content(v.content, std::max(employee_date, manager_date))) {
        pr.field = "content/" + pr.field;
        problems.push_back(std::move(pr));
    }
    if (!problems.empty()) return refused(std::move(problems));
    Plan after = p;
    after.versions.back().agreed_employee = employee_date;
    after.versions.back().agreed_manager = manager_date;
    after.versions.back().manager_name = std::move(manager_name);
    return replace_plan(ds, static_cast<std::size_t>(i), std::move(after),
                        "Markerte oppfølgingsplanen for " + name_of(ds, p.employee) + " som avtalt");
}

CommandResult log_plan_share(const Dataset& ds, std::string_view plan_id, PlanShare share, Date today) {
    const std::ptrdiff_t i = plan_index(ds, plan_id);
    if (i < 0) return refused("id", ProblemCode::unknown_plan, {{"id", plan_id}});
    const Plan& p = ds.plans[static_cast<std::size_t>(i)];
    if (p.versions.empty()) return refused("versions", ProblemCode::plan_empty);
    if (share.version == 0) share.version = p.versions.back().number;
    if (share.version < 1 || share.version > static_cast<int>(p.versions.size()))
        return refused("version", ProblemCode::plan_no_version, {{"n", share.version}});
    const PlanVersion& v = p.versions[static_cast<std::size_t>(share.version - 1)];
    std::vector<Problem> problems;
    static const char* const kRecipients[] = {"sykmelder", "nav", "arbeidstaker", "bht", "annen"};
    if (std::find_if(std::begin(kRecipients), std::end(kRecipients), [&](const char* r) { return share.recipient == r; }) ==
        std::end(kRecipients))
        problems.push_back(make_problem("recipient", ProblemCode::plan_recipient, {{"value", share.recipient}}));
    if (!v.agreed())
        problems.push_back(make_problem("version", ProblemCode::plan_share_unagreed));
    else
        check_day(problems, "date", share.date, std::max(*v.agreed_employee, *v.agreed_manager), today);
    if (const std::size_t n = utf8_length(share.channel); n > 200)
        problems.push_back(make_problem("channel", ProblemCode::text_too_many_chars, {{"n", n}, {"max", 200}}));
    if (!problems.empty()) return refused(std::move(problems));
    Plan after = p;
    after.shares.push_back(share);
    return replace_plan(ds, static_cast<std::size_t>(i), std::move(after),
                        "Delte oppfølgingsplanen for " + name_of(ds, p.employee) + " med " + recipient_nb(share.recipient));
}

CommandResult exempt_plan(const Dataset& ds, std::string_view employee, Date case_start, std::string reason, std::string by,
                          Date today) {
    if (!find_employee(ds, employee))
        return refused("employee", ProblemCode::unknown_employee, {{"id", employee}});
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return refused("reason", ProblemCode::exemption_reason);
    if (const std::size_t n = utf8_length(reason); n > kPlanTextMax)
        return refused("reason", ProblemCode::text_too_many_chars, {{"n", n}, {"max", kPlanTextMax}});
    const Plan* existing = find_plan(ds, employee, case_start);
    if (existing && !existing->versions.empty())
        return refused("versions", ProblemCode::plan_exempt_has_plan);
    if (existing && existing->exemption) return refused("exemption", ProblemCode::plan_already_exempt);
    Plan p;
    p.id = next_plan_id(ds);
    p.employee = std::string(employee);
    p.case_start = case_start;
    p.exemption = PlanExemption{today, std::move(reason), std::move(by)};
    return append_plan(ds, std::move(p), "Unntak fra oppfølgingsplan for " + name_of(ds, employee));
}

CommandResult add_adjustment_option(const Dataset& ds, std::string text) {
    long best = 0;
    for (const AdjustmentOption& o : ds.adjustment_options)
        if (o.id.size() > 1 && o.id[0] == 'A' && o.id.size() < 10 &&
            std::all_of(o.id.begin() + 1, o.id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            long v = 0;
            for (std::size_t k = 1; k < o.id.size(); ++k) v = v * 10 + (o.id[k] - '0');
            best = std::max(best, v);
        }
    AdjustmentOption option{"A" + std::to_string(best + 1), std::move(text)};
    std::vector<Problem> problems;
    check_adjustment_option(option, problems);
    check_adjustment_option_refs(option, std::nullopt, Lookup(ds), problems);
    if (!problems.empty()) return refused(std::move(problems));
    auto opt = std::make_shared<const AdjustmentOption>(std::move(option));
    Command c;
    c.description = "La til tilretteleggingsmulighet: " + opt->text;
    c.touched = Touched::none();
    c.touched.adjustment_options.push_back(ds.adjustment_options.size());
    c.apply = [opt](Dataset& d) { d.adjustment_options.push_back(*opt); };
    c.undo = [](Dataset& d) { d.adjustment_options.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_adjustment_option(const Dataset& ds, std::string_view id, std::string text) {
    auto it = std::find_if(ds.adjustment_options.begin(), ds.adjustment_options.end(),
                           [&](const AdjustmentOption& o) { return o.id == id; });
    if (it == ds.adjustment_options.end()) return refused("id", ProblemCode::unknown_option, {{"id", id}});
    AdjustmentOption changed{it->id, std::move(text)};
    std::vector<Problem> problems;
    check_adjustment_option(changed, problems);
    if (!problems.empty()) return refused(std::move(problems));
    const std::size_t index = static_cast<std::size_t>(it - ds.adjustment_options.begin());
    auto before = std::make_shared<const std::string>(it->text);
    auto after = std::make_shared<const std::string>(std::move(changed.text));
    Command c;
    c.description = "Endret tilretteleggingsmulighet";
    c.merge_key = "adjustment_option:" + std::string(id);
    c.touched = Touched::none();
    c.touched.adjustment_options.push_back(index);
    c.apply = [index, after](Dataset& d) { d.adjustment_options[index].text = *after; };
    c.undo = [index, before](Dataset& d) { d.adjustment_options[index].text = *before; };
    return accepted(std::move(c));
}

} // namespace iadesk
