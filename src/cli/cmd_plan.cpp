// `iadesk plan FILE --employee ID [--case-start DATO] [--version N] [--today DATO]
//  [--format html|json|text]`: one follow-up plan (plans.hpp, docs/plans.md) as printable HTML, as
// JSON in the shape of NAV's API for HR systems (FollowUpPlanDTO), or as plain Norwegian text.
// Without --case-start the plan of the employee's latest case is shown; without --version the
// last version. --today is the print date of the HTML (default: today). Exit codes: 0 ok,
// 1 bad data or no such plan, 2 bad usage.
#include "cli/cli_util.hpp"

#include "iadesk/plans.hpp"

namespace iadesk::cli {
namespace {

const char* kUsage =
    "bruk: iadesk plan FIL --employee ID [--case-start DATO] [--version N] [--today DATO]\n"
    "                  [--format html|json|text]\n"
    "  html: utskriftsvennlig dokument (A4); json: NAVs felt for lønns- og personalsystemer\n"
    "  (lps-oppfolgingsplan-mottak, se docs/plans.md); text: ren tekst (standard).\n";

} // namespace

int cmd_plan(const Args& args, std::ostream& out, std::ostream& err) {
    ParsedArgs a;
    if (!parse_args(args, "plan", {"--employee", "--case-start", "--version", "--today", "--format"}, {}, a, err)) return 2;
    if (a.help) { out << kUsage; return 0; }
    auto path = file_argument(a, "plan", kUsage, err);
    if (!path) return 2;
    if (!a.values.count("--employee")) {
        err << "plan: mangler --employee ID\n" << kUsage;
        return 2;
    }
    const std::string employee = a.values.at("--employee");
    const std::string format = a.values.count("--format") ? a.values.at("--format") : "text";
    if (format != "html" && format != "json" && format != "text") {
        err << "plan: ukjent format «" << format << "» (html, json eller text)\n";
        return 2;
    }
    std::optional<Date> case_start;
    if (a.values.count("--case-start")) {
        case_start = date_option(a, "plan", "--case-start", std::nullopt, err);
        if (!case_start) return 2;
    }
    auto today = date_option(a, "plan", "--today", local_today(), err);
    if (!today) return 2;
    int version = 0;
    if (a.values.count("--version")) {
        const std::string& v = a.values.at("--version");
        if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos || v == "0") {
            err << "plan: --version må være et positivt heltall (var «" << v << "»)\n";
            return 2;
        }
        version = std::stoi(v);
    }
    int rc = 0;
    auto ds = load_dataset_file(*path, "plan", err, rc);
    if (!ds) return rc;

    const Plan* plan = nullptr;
    for (const Plan& p : ds->plans) {
        if (p.employee != employee) continue;
        if (case_start ? p.case_start == *case_start : (!plan || plan->case_start < p.case_start)) plan = &p;
    }
    if (!plan) {
        err << "plan: ingen oppfølgingsplan for ansatt «" << employee << "»";
        if (case_start) err << " med sykefravær fra " << format_norwegian(*case_start);
        err << "\n";
        return 1;
    }
    if (version > static_cast<int>(plan->versions.size())) {
        err << "plan: planen har " << plan->versions.size() << " versjon(er), ikke " << version << "\n";
        return 1;
    }
    PlanOutputOptions opt;
    opt.version = version;
    opt.today = *today;
    if (format == "html") out << plan_html(*ds, *plan, opt);
    else if (format == "json") out << plan_nav_json(*ds, *plan, opt);
    else out << plan_text(*ds, *plan, opt);
    return 0;
}

} // namespace iadesk::cli
