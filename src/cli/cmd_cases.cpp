// `iadesk cases FILE [--today DATE] [--json]`: the sickness cases of a dataset with each case's
// sick-pay account (cases.hpp, sick_pay.hpp). `--today` (default: the local date) bounds open
// records: their sick days and the NAV days counted so far.
//   JSON: [{"employee", "start", "end" (null if open), "sick_days", "agp_end", "maksdato",
//           "agp_start", "employer_period", "nav_days_case", "nav_days_account", "days_left",
//           "maksdato_rule", "no_sick_pay", "fresh_right_from" (or null), "birth_date" (or null),
//           "birth_date_basis", "notes"}], dates YYYY-MM-DD, in cases.hpp's order; the values
//         are the ids of sick_pay.hpp's to_string. docs/data-format.md shows the example's output.
//   Text: one line per case, dates dd.mm.yyyy, a line under a case that gets no sick pay or no
//         employer period, and closing notes: holidays are not recorded, birth dates assumed.
#include "cli/cli_util.hpp"
#include "cli/json_stream.hpp"

#include "iadesk/cases.hpp"

#include <unordered_map>

namespace iadesk::cli {

namespace {
const char* kUsage = "bruk: iadesk cases FIL [--today DATO] [--json]\n";

// The remarks of one case in Norwegian (the text output), empty when there are none.
std::vector<std::string> remarks(const CaseSickPay& p) {
    std::vector<std::string> out;
    switch (p.employer_period) {
    case EmployerPeriod::applies: break;
    case EmployerPeriod::employed_under_4_weeks:
        out.push_back("ingen arbeidsgiverperiode: ansatt kortere enn 4 uker (ftrl § 8-18); om NAV betaler, "
                      "avhenger av opptjeningstiden (§ 8-2)");
        break;
    case EmployerPeriod::not_employed:
        out.push_back("ingen arbeidsgiverperiode: ingen ansettelse dagen før første fraværsdag (ftrl § 8-18)");
        break;
    case EmployerPeriod::over_70: break; // said by no_sick_pay below
    }
    switch (p.no_sick_pay) {
    case NoSickPay::none: break;
    case NoSickPay::days_used_up:
        out.push_back("ingen sykepenger fra NAV: 248 dager brukt opp " + format_norwegian(p.maksdato) + " (ftrl § 8-12)");
        break;
    case NoSickPay::days_used_up_after_67:
        out.push_back("ingen sykepenger fra NAV: 60 dager etter fylte 67 brukt opp " + format_norwegian(p.maksdato) +
                      " (ftrl § 8-51)");
        break;
    case NoSickPay::age_70: out.push_back("ingen sykepenger: fylt 70 år (ftrl § 8-3)"); break;
    }
    if (p.no_sick_pay == NoSickPay::days_used_up || p.no_sick_pay == NoSickPay::days_used_up_after_67)
        out.push_back(p.fresh_right_from ? "ny rett fra " + format_norwegian(*p.fresh_right_from) + " hvis i arbeid fram til da"
                                         : "ny rett tidligst 26 uker etter at den ansatte er tilbake i arbeid");
    return out;
}
} // namespace

int cmd_cases(const Args& args, std::ostream& out, std::ostream& err) {
    int rc = 0;
    auto opened = open_dated_file(args, "cases", kUsage, {"--today"}, {"--json"}, local_today(), out, err, rc);
    if (!opened) return rc;
    const ParsedArgs& a = opened->args;
    const Dataset& ds = opened->data;
    const Date today = opened->today;

    if (a.flags.count("--json")) {
        // Written case by case as the cases are built, one employee at a time (json_stream.hpp: the
        // bytes nlohmann's dump(2) wrote from a tree of every case).
        JsonStream j(out);
        auto date_or_null = [&j](const std::optional<Date>& d) {
            if (d) j.date(*d);
            else j.null();
        };
        j.begin_array();
        for_each_employee_cases(ds, today, {}, [&](std::vector<SicknessCase>& cases) {
            for (const SicknessCase& c : cases) {
                const CaseSickPay& p = c.pay;
                j.begin_object();
                j.key("employee"); j.string(c.employee);
                j.key("start"); j.date(c.start);
                j.key("end"); date_or_null(c.end);
                j.key("sick_days"); j.integer(c.sick_days);
                j.key("agp_end"); j.date(c.agp_end);
                j.key("maksdato"); j.date(c.maksdato);
                j.key("agp_start"); j.date(p.agp_start);
                j.key("employer_period"); j.string(to_string(p.employer_period));
                j.key("nav_days_case"); j.integer(p.nav_days_case);
                j.key("nav_days_account"); j.integer(p.nav_days_account);
                j.key("days_left"); j.integer(p.days_left);
                j.key("maksdato_rule"); j.string(to_string(p.maksdato_rule));
                j.key("no_sick_pay"); j.string(to_string(p.no_sick_pay));
                j.key("fresh_right_from"); date_or_null(p.fresh_right_from);
                j.key("birth_date"); date_or_null(p.birth_date);
                j.key("birth_date_basis"); j.string(to_string(p.birth));
                j.key("notes");
                j.begin_array();
                j.string("holidays_not_recorded");
                if (p.birth == BirthAssumption::first_of_birth_year) j.string("birth_date_assumed_1_january");
                if (p.birth == BirthAssumption::unknown) j.string("age_limits_not_checked");
                if (p.employer_period == EmployerPeriod::employed_under_4_weeks ||
                    p.employer_period == EmployerPeriod::not_employed)
                    j.string("nav_pay_depends_on_earning_period");
                j.end_array();
                j.end_object();
            }
        });
        j.end_array();
        j.newline();
        return 0;
    }

    const std::vector<SicknessCase> cases = build_cases(ds, today);
    std::unordered_map<std::string_view, const Employee*> by_id;
    for (const Employee& e : ds.employees) by_id.emplace(e.id, &e);
    out << "Sykefraværstilfeller i " << ds.organisation.name << " per " << format_norwegian(today) << ": "
        << cases.size() << "\n";
    if (cases.empty()) return 0;
    out << pad_right("Ansatt", 10) << pad_right("Navn", 24) << pad_right("Start", 12) << pad_right("Slutt", 12)
        << pad_left("Sykedager", 10) << "  " << pad_right("AGP slutt", 12) << pad_left("NAV-dager", 10)
        << pad_left("Konto", 7) << pad_left("Igjen", 7) << "  Maksdato\n";
    for (const SicknessCase& c : cases) {
        auto it = by_id.find(c.employee);
        std::string name = it != by_id.end() ? it->second->name : "";
        const CaseSickPay& p = c.pay;
        out << pad_right(c.employee, 10) << pad_right(name, 24) << pad_right(format_norwegian(c.start), 12)
            << pad_right(c.end ? format_norwegian(*c.end) : "åpent", 12) << pad_left(std::to_string(c.sick_days), 10)
            << "  " << pad_right(format_norwegian(c.agp_end), 12) << pad_left(std::to_string(p.nav_days_case), 10)
            << pad_left(std::to_string(p.nav_days_account), 7) << pad_left(std::to_string(p.days_left), 7) << "  "
            << format_norwegian(c.maksdato) << "\n";
        for (const std::string& r : remarks(p)) out << "          " << r << "\n";
    }
    out << "NAV-dager: sykepengedager etter arbeidsgiverperioden i tilfellet; Konto: brukt av de 248 (ftrl § 8-12).\n"
           "Maksdato forutsetter sammenhengende fravær. Ferie flytter maksdato hos NAV; iadesk har ikke ferie registrert.\n";
    std::size_t year_only = 0, unknown = 0;
    for (const SicknessCase& c : cases) {
        year_only += c.pay.birth == BirthAssumption::first_of_birth_year;
        unknown += c.pay.birth == BirthAssumption::unknown;
    }
    if (year_only > 0)
        out << "Aldersgrensene (67 og 70 år): for " << year_only << " tilfeller er bare fødselsåret kjent, "
            << "og 1. januar er lagt til grunn.\n";
    if (unknown > 0) out << "Aldersgrensene er ikke vurdert for " << unknown << " tilfeller uten fødselsår.\n";
    return 0;
}

} // namespace iadesk::cli
