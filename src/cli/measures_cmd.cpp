// `iadesk measures ...`: search and show the measures catalogue (issue 6).
// Minimal first version so the CLI links; the full verb follows with the core module.
#include "cli/commands.hpp"

namespace iadesk::cli {

int cmd_measures(const Args& args, std::ostream& out, std::ostream& err) {
    (void)out;
    if (args.empty()) {
        err << "bruk: iadesk measures search SPØRRING [--phase P] [--limit N] [--json] | show ID [--json]\n";
        return 2;
    }
    err << "iadesk measures: ikke ferdig ennå\n";
    return 2;
}

} // namespace iadesk::cli
