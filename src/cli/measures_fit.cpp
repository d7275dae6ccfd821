// `iadesk measures`: the case a measure is checked against and the honest verdict (contract in
// measures_cli.hpp and measures_cmd.cpp's header), and `suggest`.
//   suggest FILE --employee ID --today DATE [fact flags]: the employee's case open on DATE (week,
//   grade on DATE, whole months since its start), the organisation (own_bht -> has_bht,
//   ia_agreement -> ia_member), employment on DATE, and the "oppfolgingsplan" milestone event of
//   the case (done: a plan exists; exempt: none; no event: unknown); fact flags override them.
#include "cli/measures_cli.hpp"

#include "cli/cli_util.hpp"

#include "iadesk/cases.hpp"

#include <algorithm>
#include <iterator>

namespace iadesk::cli::measures_cli {

namespace {

constexpr const char* kCaseOptions[] = {"--week", "--grade",    "--months", "--plan",  "--own-measures", "--bht",
                                        "--ia",   "--employer", "--data",   "--today", "--employee"};

std::optional<bool> parse_yes_no(const std::string& s) {
    if (s == "yes" || s == "ja" || s == "true") return true;
    if (s == "no" || s == "nei" || s == "false") return false;
    return std::nullopt;
}

// Whole calendar months from `start` through `today` inclusive (01.01-31.01 is one month).
int whole_months(Date start, Date today) {
    const Date end = today + 1;
    int m = (end.year() - start.year()) * 12 + (end.month() - start.month());
    if (end.day() < start.day()) --m;
    return m < 0 ? 0 : m;
}

// Copies every fact `over` knows into `ctx` (explicit flags win over what the file says).
void apply_overrides(ms::EligibilityContext& ctx, const ms::EligibilityContext& over) {
    auto put = [](auto& to, const auto& from) {
        if (from) to = from;
    };
    put(ctx.has_bht, over.has_bht);
    put(ctx.ia_member, over.ia_member);
    put(ctx.has_employer, over.has_employer);
    put(ctx.sick_listed, over.sick_listed);
    put(ctx.case_week, over.case_week);
    put(ctx.grade, over.grade);
    put(ctx.has_followup_plan, over.has_followup_plan);
    put(ctx.own_measures_tried, over.own_measures_tried);
    put(ctx.months_sick, over.months_sick);
    put(ctx.reduced_work_capacity, over.reduced_work_capacity);
}

std::string without_period(std::string s) {
    while (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

json opt_json(const std::optional<bool>& v) { return v ? json(*v) : json(nullptr); }
json opt_json(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

const char* yes_no_unknown(const std::optional<bool>& v) { return !v ? "ukjent" : *v ? "ja" : "nei"; }

// The verdict of a suggestion (never not_eligible: suggest() leaves those out).
ms::Eligibility eligibility_of(const ms::Suggestion& s) {
    ms::Eligibility e;
    e.verdict = s.verdict;
    e.to_check = s.to_check;
    return e;
}

json suggestions_json(const ms::Catalogue& c, const std::vector<ms::Suggestion>& list) {
    json arr = json::array();
    for (const auto& s : list) {
        const ms::Measure& m = c.measures[static_cast<std::size_t>(s.measure)];
        json missing = json::array();
        for (const auto& t : s.missing) missing.push_back(t.nb);
        const json fit = eligibility_json(eligibility_of(s));
        arr.push_back({{"id", m.id}, {"name", m.name.nb}, {"fit", round2(s.fit)}, {"verdict", fit["verdict"]},
                       {"verdict_text", fit["verdict_text"]}, {"reason", s.reason.nb}, {"to_check", fit["to_check"]},
                       {"missing", missing}});
    }
    return arr;
}

void print_suggestions(const ms::Catalogue& c, const std::vector<ms::Suggestion>& list, std::ostream& out) {
    if (list.empty()) {
        out << "Ingen forslag for denne situasjonen.\n";
        return;
    }
    int n = 0;
    for (const auto& s : list) {
        const ms::Measure& m = c.measures[static_cast<std::size_t>(s.measure)];
        out << ++n << ". " << m.name.nb << "\n   " << s.reason.nb << "\n   " << verdict_text(eligibility_of(s)) << "\n";
        for (const auto& mi : s.missing) out << "   " << mi.nb << "\n";
    }
}

json context_json(const ms::EligibilityContext& ctx) {
    return {{"sick_listed", opt_json(ctx.sick_listed)}, {"case_week", opt_json(ctx.case_week)},
            {"grade", opt_json(ctx.grade)}, {"months_sick", opt_json(ctx.months_sick)},
            {"has_employer", opt_json(ctx.has_employer)}, {"has_bht", opt_json(ctx.has_bht)},
            {"ia_member", opt_json(ctx.ia_member)}, {"has_followup_plan", opt_json(ctx.has_followup_plan)},
            {"own_measures_tried", opt_json(ctx.own_measures_tried)},
            {"reduced_work_capacity", opt_json(ctx.reduced_work_capacity)}};
}

} // namespace

bool CaseOptions::given() const {
    const ms::EligibilityContext& f = facts;
    return !file.empty() || f.case_week || f.grade || f.months_sick || f.has_followup_plan || f.own_measures_tried ||
           f.has_bht || f.ia_member || f.has_employer;
}

int read_case_option(const Args& args, std::size_t& i, const char* verb, CaseOptions& o, std::ostream& err) {
    const std::string& a = args[i];
    if (std::find(std::begin(kCaseOptions), std::end(kCaseOptions), a) == std::end(kCaseOptions)) return 0;
    if (i + 1 >= args.size()) {
        err << "iadesk measures " << verb << ": " << a << " mangler verdi\n" << kUsage;
        return 2;
    }
    const std::string& v = args[++i];
    const std::optional<int> num = parse_int(v);
    const std::optional<bool> yn = parse_yes_no(v);
    ms::EligibilityContext& f = o.facts;
    bool ok = true;
    if (a == "--week") ok = (f.case_week = num).has_value();
    else if (a == "--grade") ok = (f.grade = num).has_value() && *num >= 1 && *num <= 100;
    else if (a == "--months") ok = (f.months_sick = num).has_value();
    else if (a == "--plan") ok = (f.has_followup_plan = yn).has_value();
    else if (a == "--own-measures") ok = (f.own_measures_tried = yn).has_value();
    else if (a == "--bht") ok = (f.has_bht = yn).has_value();
    else if (a == "--ia") ok = (f.ia_member = yn).has_value();
    else if (a == "--employer") ok = (f.has_employer = yn).has_value();
    else if (a == "--data") o.file = v;
    else if (a == "--today") o.today_text = v;
    else o.employee = v;
    if (!ok) {
        err << "iadesk measures " << verb << ": ugyldig verdi «" << v << "» for " << a << "\n";
        return 2;
    }
    return 1;
}

std::optional<CaseContext> resolve_case(const CaseOptions& o, const char* verb, std::ostream& err, int& exit_code) {
    const std::string who = std::string("iadesk measures ") + verb;
    exit_code = 2;
    CaseContext out;
    if (o.file.empty()) {
        if (!o.employee.empty()) {
            err << who << ": --employee krever en datasettfil\n" << kUsage;
            return std::nullopt;
        }
        if (!o.today_text.empty() && !parse_date(o.today_text)) {
            err << who << ": ugyldig dato for --today: «" << o.today_text << "»\n";
            return std::nullopt;
        }
        out.ctx = o.facts;
        if (const auto d = parse_date(o.today_text)) out.ctx.today = format_iso(*d);
        if (out.ctx.case_week || out.ctx.grade) {
            out.ctx.sick_listed = true;
            if (!out.ctx.has_employer) out.ctx.has_employer = true; // sick pay from an employment
        }
        return out;
    }
    if (o.employee.empty() || o.today_text.empty()) {
        err << who << ": FIL krever --employee ID og --today DATO\n" << kUsage;
        return std::nullopt;
    }
    const std::optional<Date> today = parse_date(o.today_text);
    if (!today) {
        err << who << ": ugyldig dato for --today: «" << o.today_text << "»\n";
        return std::nullopt;
    }
    const std::optional<Dataset> ds = load_dataset_file(o.file, "measures " + std::string(verb), err, exit_code);
    if (!ds) return std::nullopt;
    const Employee* e = nullptr;
    for (const Employee& x : ds->employees)
        if (x.id == o.employee) e = &x;
    if (e == nullptr) {
        err << who << ": ukjent ansatt «" << o.employee << "» i «" << o.file << "»\n";
        exit_code = 1;
        return std::nullopt;
    }
    const std::vector<SicknessCase> cases = build_cases(*ds, *today);
    const SicknessCase* sc = case_on(cases, o.employee, *today);

    ms::EligibilityContext& ctx = out.ctx;
    ctx.today = format_iso(*today);
    ctx.has_bht = ds->organisation.own_bht;
    ctx.ia_member = ds->organisation.ia_agreement;
    ctx.has_employer = position_share_on(*e, *today) > 0.0;
    ctx.sick_listed = sc != nullptr;
    if (sc) {
        ctx.case_week = sc->week_on(*today);
        ctx.grade = grade_on(*sc, *ds, *today);
        ctx.months_sick = whole_months(sc->start, *today);
        // The plan is known only from a recorded milestone event: done = made, exempt = not made.
        for (const MilestoneEvent& ev : ds->milestone_events)
            if (ev.employee == o.employee && ev.case_start == sc->start && ev.milestone == "oppfolgingsplan")
                ctx.has_followup_plan = ev.status == EventStatus::done;
        out.case_start = sc->start;
    }
    apply_overrides(ctx, o.facts);
    out.from_file = true;
    out.employee_id = e->id;
    out.employee_name = e->name;
    out.today = today;
    exit_code = 0;
    return out;
}

std::string verdict_text(const ms::Eligibility& e) {
    auto join = [](const std::vector<ms::Finding>& list, bool with_detail) {
        std::string s;
        for (const ms::Finding& f : list) {
            std::string one = without_period(f.condition.nb);
            if (with_detail && !f.detail.nb.empty()) one += " (her: " + f.detail.nb + ")";
            s += (s.empty() ? "" : "; ") + one;
        }
        return s;
    };
    switch (e.verdict) {
    case ms::Verdict::eligible: return "Passer";
    case ms::Verdict::not_eligible: return "Passer ikke: " + join(e.failed, true);
    case ms::Verdict::unknown: return "Kan passe – sjekk: " + join(e.to_check, false);
    }
    return "";
}

json eligibility_json(const ms::Eligibility& e) {
    json failed = json::array(), to_check = json::array();
    for (const ms::Finding& f : e.failed) failed.push_back({{"condition", f.condition.nb}, {"detail", f.detail.nb}});
    for (const ms::Finding& f : e.to_check)
        to_check.push_back({{"condition", f.condition.nb}, {"checkable", f.checkable}, {"missing", f.detail.nb}});
    return {{"verdict", std::string(ms::verdict_id(e.verdict))}, {"verdict_text", verdict_text(e)},
            {"failed", failed}, {"to_check", to_check}};
}

void print_findings(const ms::Eligibility& e, const std::string& indent, std::ostream& out) {
    for (const ms::Finding& f : e.failed)
        out << indent << "✗ " << without_period(f.condition.nb) << (f.detail.nb.empty() ? "" : " – her: " + f.detail.nb) << "\n";
    for (const ms::Finding& f : e.to_check)
        out << indent << "? " << without_period(f.condition.nb)
            << (f.checkable ? " – mangler opplysning: " + f.detail.nb : std::string(" – iadesk kan ikke sjekke dette")) << "\n";
}

int cmd_suggest(const ms::Catalogue& c, const Args& args, std::ostream& out, std::ostream& err) {
    CaseOptions o;
    bool as_json = false;
    std::size_t limit = 10;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            as_json = true;
            continue;
        }
        if (a.empty() || a[0] != '-') {
            if (!o.file.empty()) {
                err << "iadesk measures suggest: bare én FIL (fikk også «" << a << "»)\n" << kUsage;
                return 2;
            }
            o.file = a;
            continue;
        }
        if (a == "--limit") {
            const auto n = i + 1 < args.size() ? parse_int(args[i + 1]) : std::nullopt;
            if (!n) {
                err << "iadesk measures suggest: ugyldig verdi «" << (i + 1 < args.size() ? args[i + 1] : "") << "» for --limit\n";
                return 2;
            }
            limit = static_cast<std::size_t>(*n);
            ++i;
            continue;
        }
        const int r = read_case_option(args, i, "suggest", o, err);
        if (r == 2) return 2;
        if (r == 0) {
            err << "iadesk measures suggest: ukjent valg " << a << "\n" << kUsage;
            return 2;
        }
    }
    int rc = 0;
    const std::optional<CaseContext> cc = resolve_case(o, "suggest", err, rc);
    if (!cc) return rc;
    const ms::EligibilityContext& ctx = cc->ctx;
    const auto list = ms::suggest(c, ctx, limit);
    if (!cc->from_file) {
        if (as_json) out << dump(suggestions_json(c, list)) << "\n";
        else print_suggestions(c, list, out);
        return 0;
    }
    const Date today = *cc->today;
    if (as_json) {
        json cj = nullptr;
        if (cc->case_start)
            cj = json{{"start", format_iso(*cc->case_start)}, {"week", *ctx.case_week}, {"grade", *ctx.grade},
                      {"months_sick", *ctx.months_sick}};
        json j{{"employee", cc->employee_id}, {"name", cc->employee_name}, {"today", format_iso(today)}, {"case", cj},
               {"context", context_json(ctx)}, {"suggestions", suggestions_json(c, list)}};
        out << dump(j) << "\n";
        return 0;
    }
    out << "Tiltak for " << cc->employee_name << " (" << cc->employee_id << ") per " << format_norwegian(today) << "\n";
    if (cc->case_start)
        out << "Sykefravær fra " << format_norwegian(*cc->case_start) << ": uke " << *ctx.case_week << ", " << *ctx.grade
            << " % sykmeldt, " << *ctx.months_sick << (*ctx.months_sick == 1 ? " hel måned" : " hele måneder") << "\n";
    else
        out << "Ikke sykmeldt per " << format_norwegian(today) << " (forebygging)\n";
    out << "Bedriftshelsetjeneste: " << yes_no_unknown(ctx.has_bht) << " · IA-virksomhet: " << yes_no_unknown(ctx.ia_member)
        << " · oppfølgingsplan: " << yes_no_unknown(ctx.has_followup_plan) << " · tiltak i egen regi prøvd: "
        << yes_no_unknown(ctx.own_measures_tried) << "\n\n";
    print_suggestions(c, list, out);
    return 0;
}

} // namespace iadesk::cli::measures_cli
