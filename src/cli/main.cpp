// iadesk: the command-line tool (native only). Parses the verb and dispatches to cmd_*.cpp;
// exit codes: 0 ok, 1 bad input data, 2 bad usage, 3 file in use (commands.hpp).
#include "cli/commands.hpp"
#include "cli/terminal_output.hpp"

#include <unistd.h>

#include <cstring>
#include <iostream>
#include <string>

namespace {

const char* kUsage =
    "iadesk – oppfølging av sykefravær og IA-arbeid\n"
    "\n"
    "bruk: iadesk KOMMANDO [ARGUMENTER] [--json]\n"
    "\n"
    "kommandoer:\n"
    "  validate FIL                              kontroller et datasett (alle problemer med JSON-peker)\n"
    "  cases FIL [--today DATO]                  sykefraværstilfeller og sykepengekonto (NAV-dager, maksdato)\n"
    "  milestones FIL --today DATO               milepæler for tilfellene som er åpne på DATO\n"
    "  stats FIL --from DATO --to DATO [--by unit]  sykefraværsprosent (skjermet under 5 ansatte)\n"
    "  stats compare FIL [--figures CSV]         din virksomhet / bransjen / sektoren / landet, NAVs vurdering\n"
    "  generate --employees N [--seed S] [--today DATO] [--out FIL]  syntetisk datasett\n"
    "  measures search|show|suggest ...          tiltak og virkemidler\n"
    "  goals FIL --today DATO [--report plan|half-year]  IA-mål: fremdrift, status, IA-møter, rapporter\n"
    "  plan FIL --employee ID [--case-start DATO] --format html|json|text  oppfølgingsplan\n"
    "  import employees|absence CSV --into FIL [--dry-run]  CSV-import (alt eller ingenting)\n"
    "\n"
    "DATO skrives ÅÅÅÅ-MM-DD eller dd.mm.åååå. --json gir maskinlesbar utdata.\n"
    "Avslutningskode: 0 ok, 1 ugyldige data, 2 feil bruk eller en fil som ikke kan leses/skrives,\n"
    "3 filen er i bruk av en annen prosess (import og generate --out venter på den i opptil\n"
    "IADESK_LOCK_TIMEOUT sekunder, standard 60).\n"
    "Se «iadesk KOMMANDO --help» og docs/data-format.md.\n";

struct Verb {
    const char* name;
    int (*run)(const iadesk::cli::Args&, std::ostream&, std::ostream&);
};

const Verb kVerbs[] = {
    {"validate", iadesk::cli::cmd_validate},     {"cases", iadesk::cli::cmd_cases},
    {"milestones", iadesk::cli::cmd_milestones}, {"stats", iadesk::cli::cmd_stats},
    {"generate", iadesk::cli::cmd_generate},     {"measures", iadesk::cli::cmd_measures},
    {"goals", iadesk::cli::cmd_goals},
    {"plan", iadesk::cli::cmd_plan},             {"import", iadesk::cli::cmd_import},
};

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    // Data text never acts on a terminal (terminal_output.hpp); files and pipes get the exact bytes.
    iadesk::cli::TerminalSafeBuf safe_out(std::cout.rdbuf()), safe_err(std::cerr.rdbuf());
    struct Restore { // destroyed before the wrappers: flushed through them, then the streams given back
        std::streambuf* out = std::cout.rdbuf();
        std::streambuf* err = std::cerr.rdbuf();
        ~Restore() {
            std::cout.flush();
            std::cerr.flush();
            std::cout.rdbuf(out);
            std::cerr.rdbuf(err);
        }
    } restore;
    if (::isatty(STDOUT_FILENO)) std::cout.rdbuf(&safe_out);
    if (::isatty(STDERR_FILENO)) std::cerr.rdbuf(&safe_err);
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string verb = argv[1];
    if (verb == "--help" || verb == "-h" || verb == "help") {
        std::cout << kUsage;
        return 0;
    }
    if (verb == "--version") {
        std::cout << "iadesk 0.1.0\n";
        return 0;
    }
    iadesk::cli::Args args(argv + 2, argv + argc);
    for (const Verb& v : kVerbs) {
        if (verb == v.name) {
            int rc = v.run(args, std::cout, std::cerr);
            std::cout.flush();
            return std::cout.fail() ? (rc == 0 ? 1 : rc) : rc;
        }
    }
    std::cerr << "iadesk: ukjent kommando «" << verb << "»\n\n" << kUsage;
    return 2;
}
