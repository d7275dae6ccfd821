// plan_commands: checked plan edits (contract in include/iadesk/plan_commands.hpp).
#include "iadesk/plan_commands.hpp"

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
Command replace_plan(const Dataset& ds, std::size_t index, Plan after, std::string description, std::string merge_key = {}) {
    auto before = std::make_shared<const Plan>(ds.plans[index]);
    auto next = std::make_shared<const Plan>(std::move(after));
    Command c;
    c.description = std::move(description);
    c.merge_key = std::move(merge_key);
    c.apply = [index, next](Dataset& d) { d.plans[index] = *next; };
    c.undo = [index, before](Dataset& d) { d.plans[index] = *before; };
    return c;
}

Command append_plan(Plan plan, std::string description) {
    auto p = std::make_shared<const Plan>(std::move(plan));
    Command c;
    c.description = std::move(description);
    c.apply = [p](Dataset& d) { d.plans.push_back(*p); };
    c.undo = [](Dataset& d) { d.plans.pop_back(); };
    return c;
}

std::vector<Problem> check_options(const Dataset& ds, const PlanContent& c) {
    std::vector<Problem> out;
    for (std::size_t i = 0; i < c.adjustment_options.size(); ++i)
        if (!find_adjustment_option(ds, c.adjustment_options[i]))
            out.push_back({"adjustment_options/" + std::to_string(i),
                           "Ukjent tilretteleggingsmulighet «" + c.adjustment_options[i] + "»",
                           "Unknown adjustment option \"" + c.adjustment_options[i] + "\""});
    return out;
}

std::string name_of(const Dataset& ds, std::string_view employee) {
    const Employee* e = find_employee(ds, employee);
    return e ? e->name : std::string(employee);
}

// Date problems shared by agreement and sharing: not in the future, not before `earliest`.
void check_day(std::vector<Problem>& out, const char* field, Date d, Date earliest, Date today) {
    if (today < d)
        out.push_back({field, "Datoen kan ikke være i fremtiden (i dag er " + format_norwegian(today) + ")",
                       "The date cannot be in the future (today is " + format_norwegian(today) + ")"});
    else if (d < earliest)
        out.push_back({field, "Datoen kan ikke være før " + format_norwegian(earliest),
                       "The date cannot be before " + format_norwegian(earliest)});
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
        return refused("employee", "Ukjent ansatt «" + std::string(employee) + "»",
                      "Unknown employee \"" + std::string(employee) + "\"");
    const PlanTemplate* tpl = nullptr;
    if (!origin.empty() && origin != "previous") {
        tpl = find_plan_template(origin);
        if (!tpl) return refused("origin", "Ukjent mal «" + origin + "»", "Unknown template \"" + origin + "\"");
    }
    if (today < case_start)
        return refused("case_start", "Planen kan ikke lages før sykefraværet startet (" + format_norwegian(case_start) + ")",
                      "The plan cannot be made before the sick leave started (" + format_norwegian(case_start) + ")");
    const Plan* existing = find_plan(ds, employee, case_start);
    PlanVersion v;
    v.created = today;
    v.created_by = std::move(created_by);
    v.origin = origin;
    if (tpl) v.content = tpl->content;
    const std::string who = name_of(ds, employee);
    if (!existing) {
        if (origin == "previous")
            return refused("origin", "Det finnes ingen tidligere versjon å bygge på", "There is no earlier version to start from");
        Plan p;
        p.id = next_plan_id(ds);
        p.employee = std::string(employee);
        p.case_start = case_start;
        p.versions.push_back(std::move(v));
        return accepted(append_plan(std::move(p), "Ny oppfølgingsplan for " + who));
    }
    if (existing->exemption && existing->versions.empty())
        return refused("exemption", "Saken er unntatt fra oppfølgingsplan (åpenbart unødvendig); angre unntaket først",
                      "The case is exempted from a follow-up plan (obviously unnecessary); undo the exemption first");
    if (!existing->versions.empty() && !existing->versions.back().agreed())
        return refused("versions", "Siste versjon er fortsatt et utkast: endre utkastet, eller marker enige først",
                      "The last version is still a draft: edit the draft, or mark it agreed first");
    if (origin == "previous") {
        if (existing->versions.empty())
            return refused("origin", "Det finnes ingen tidligere versjon å bygge på", "There is no earlier version to start from");
        v.content = existing->versions.back().content;
    }
    Plan after = *existing;
    v.number = static_cast<int>(after.versions.size()) + 1;
    after.versions.push_back(std::move(v));
    const std::size_t index = static_cast<std::size_t>(plan_index(ds, existing->id));
    return accepted(replace_plan(ds, index, std::move(after),
                           "Ny versjon " + std::to_string(existing->versions.size() + 1) + " av oppfølgingsplanen for " + who));
}

CommandResult edit_plan_draft(const Dataset& ds, std::string_view plan_id, PlanContent content, Date today) {
    const std::ptrdiff_t i = plan_index(ds, plan_id);
    if (i < 0) return refused("id", "Ukjent plan «" + std::string(plan_id) + "»", "Unknown plan \"" + std::string(plan_id) + "\"");
    const Plan& p = ds.plans[static_cast<std::size_t>(i)];
    if (p.versions.empty()) return refused("versions", "Planen har ingen versjon", "The plan has no version");
    if (p.versions.back().agreed())
        return refused("versions", "Versjonen er avtalt og kan ikke endres: lag en ny versjon",
                      "The version is agreed and cannot change: make a new version");
    std::vector<Problem> problems = check_plan_content(content, today);
    for (Problem& pr : check_options(ds, content)) problems.push_back(std::move(pr));
    if (!problems.empty()) return refused(std::move(problems));
    Plan after = p;
    after.versions.back().content = std::move(content);
    return accepted(replace_plan(ds, static_cast<std::size_t>(i), std::move(after),
                           "Endret oppfølgingsplanen for " + name_of(ds, p.employee), "plan:" + p.id));
}

CommandResult mark_plan_agreed(const Dataset& ds, std::string_view plan_id, Date employee_date, Date manager_date,
                               std::string manager_name, Date today) {
    const std::ptrdiff_t i = plan_index(ds, plan_id);
    if (i < 0) return refused("id", "Ukjent plan «" + std::string(plan_id) + "»", "Unknown plan \"" + std::string(plan_id) + "\"");
    const Plan& p = ds.plans[static_cast<std::size_t>(i)];
    if (p.versions.empty()) return refused("versions", "Planen har ingen versjon", "The plan has no version");
    const PlanVersion& v = p.versions.back();
    if (v.agreed()) return refused("versions", "Versjonen er allerede avtalt", "The version is already agreed");
    std::vector<Problem> problems;
    check_day(problems, "agreed_employee", employee_date, v.created, today);
    check_day(problems, "agreed_manager", manager_date, v.created, today);
    if (manager_name.find_first_not_of(" \t") == std::string::npos)
        problems.push_back({"manager_name", "Skriv navnet på lederen som er enig", "Enter the name of the manager who agrees"});
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
    return accepted(replace_plan(ds, static_cast<std::size_t>(i), std::move(after),
                           "Markerte oppfølgingsplanen for " + name_of(ds, p.employee) + " som avtalt"));
}

CommandResult log_plan_share(const Dataset& ds, std::string_view plan_id, PlanShare share, Date today) {
    const std::ptrdiff_t i = plan_index(ds, plan_id);
    if (i < 0) return refused("id", "Ukjent plan «" + std::string(plan_id) + "»", "Unknown plan \"" + std::string(plan_id) + "\"");
    const Plan& p = ds.plans[static_cast<std::size_t>(i)];
    if (p.versions.empty()) return refused("versions", "Planen har ingen versjon å dele", "The plan has no version to share");
    if (share.version == 0) share.version = p.versions.back().number;
    if (share.version < 1 || share.version > static_cast<int>(p.versions.size()))
        return refused("version", "Planen har ingen versjon " + std::to_string(share.version),
                      "The plan has no version " + std::to_string(share.version));
    const PlanVersion& v = p.versions[static_cast<std::size_t>(share.version - 1)];
    std::vector<Problem> problems;
    static const char* const kRecipients[] = {"sykmelder", "nav", "arbeidstaker", "bht", "annen"};
    if (std::find_if(std::begin(kRecipients), std::end(kRecipients), [&](const char* r) { return share.recipient == r; }) ==
        std::end(kRecipients))
        problems.push_back({"recipient", "Velg mottaker: sykmelder, NAV, arbeidstaker, bedriftshelsetjenesten eller annen",
                            "Choose a recipient: sykmelder, nav, arbeidstaker, bht or annen"});
    if (!v.agreed())
        problems.push_back({"version", "Versjonen må være avtalt før den deles", "The version must be agreed before it is shared"});
    else
        check_day(problems, "date", share.date, std::max(*v.agreed_employee, *v.agreed_manager), today);
    if (utf8_length(share.channel) > 200)
        problems.push_back({"channel", "Kanalen kan ha høyst 200 tegn", "The channel may have at most 200 characters"});
    if (!problems.empty()) return refused(std::move(problems));
    Plan after = p;
    after.shares.push_back(share);
    return accepted(replace_plan(ds, static_cast<std::size_t>(i), std::move(after),
                           "Delte oppfølgingsplanen for " + name_of(ds, p.employee) + " med " + recipient_nb(share.recipient)));
}

CommandResult exempt_plan(const Dataset& ds, std::string_view employee, Date case_start, std::string reason, std::string by,
                          Date today) {
    if (!find_employee(ds, employee))
        return refused("employee", "Ukjent ansatt «" + std::string(employee) + "»",
                      "Unknown employee \"" + std::string(employee) + "\"");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        return refused("reason", "Skriv hvorfor en plan er åpenbart unødvendig", "Say why a plan is obviously unnecessary");
    if (utf8_length(reason) > kPlanTextMax)
        return refused("reason", "Teksten kan ha høyst 2000 tegn", "The text may have at most 2000 characters");
    const Plan* existing = find_plan(ds, employee, case_start);
    if (existing && !existing->versions.empty())
        return refused("versions", "Saken har allerede en oppfølgingsplan; unntak kan bare gis når det ikke finnes en plan",
                      "The case already has a follow-up plan; an exemption is only possible without one");
    if (existing && existing->exemption)
        return refused("exemption", "Saken er allerede unntatt", "The case is already exempted");
    Plan p;
    p.id = next_plan_id(ds);
    p.employee = std::string(employee);
    p.case_start = case_start;
    p.exemption = PlanExemption{today, std::move(reason), std::move(by)};
    return accepted(append_plan(std::move(p), "Unntak fra oppfølgingsplan for " + name_of(ds, employee)));
}

CommandResult add_adjustment_option(const Dataset& ds, std::string text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return refused("text", "Beskriv tilretteleggingsmuligheten", "Describe the adjustment option");
    if (utf8_length(text) > kPlanTextMax) return refused("text", "Teksten kan ha høyst 2000 tegn", "The text may have at most 2000 characters");
    long best = 0;
    for (const AdjustmentOption& o : ds.adjustment_options)
        if (o.id.size() > 1 && o.id[0] == 'A' && o.id.size() < 10 &&
            std::all_of(o.id.begin() + 1, o.id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            long v = 0;
            for (std::size_t k = 1; k < o.id.size(); ++k) v = v * 10 + (o.id[k] - '0');
            best = std::max(best, v);
        }
    auto opt = std::make_shared<const AdjustmentOption>(AdjustmentOption{"A" + std::to_string(best + 1), std::move(text)});
    Command c;
    c.description = "La til tilretteleggingsmulighet: " + opt->text;
    c.apply = [opt](Dataset& d) { d.adjustment_options.push_back(*opt); };
    c.undo = [](Dataset& d) { d.adjustment_options.pop_back(); };
    return accepted(std::move(c));
}

CommandResult update_adjustment_option(const Dataset& ds, std::string_view id, std::string text) {
    auto it = std::find_if(ds.adjustment_options.begin(), ds.adjustment_options.end(),
                           [&](const AdjustmentOption& o) { return o.id == id; });
    if (it == ds.adjustment_options.end())
        return refused("id", "Ukjent tilretteleggingsmulighet «" + std::string(id) + "»",
                      "Unknown adjustment option \"" + std::string(id) + "\"");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return refused("text", "Beskriv tilretteleggingsmuligheten", "Describe the adjustment option");
    if (utf8_length(text) > kPlanTextMax) return refused("text", "Teksten kan ha høyst 2000 tegn", "The text may have at most 2000 characters");
    const std::size_t index = static_cast<std::size_t>(it - ds.adjustment_options.begin());
    auto before = std::make_shared<const std::string>(it->text);
    auto after = std::make_shared<const std::string>(std::move(text));
    Command c;
    c.description = "Endret tilretteleggingsmulighet";
    c.merge_key = "adjustment_option:" + std::string(id);
    c.apply = [index, after](Dataset& d) { d.adjustment_options[index].text = *after; };
    c.undo = [index, before](Dataset& d) { d.adjustment_options[index].text = *before; };
    return accepted(std::move(c));
}

} // namespace iadesk
