// dataset_change_log: the dataset format's optional "change_log" member (when, role,
// what), read from the DOM (phase 1, with its checks: the log is the app's own record, nothing
// refers to it) and written in the canonical form when non-empty. Layout: docs/data-format.md.
//
//   "change_log": [{"unix_seconds": 1795000000, "role": "hr", "description": "Endret organisasjonsnavn"}]
//
#include "json_fields.hpp"

namespace iadesk::detail_ds {

void read_change_log(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds) {
    JsonFields top{doc, root, rep};
    const nlohmann::json* list = top.array("change_log");
    if (!list) return;
    Path lp{&root, "change_log"};
    for (std::size_t i = 0; i < list->size(); ++i) {
        Path ep{&lp, {}, i};
        const nlohmann::json& v = (*list)[i];
        if (!v.is_object()) {
            rep.add(ep, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key(v))});
            continue;
        }
        JsonFields f{v, ep, rep};
        ChangeLogEntry e;
        std::optional<double> when;
        f.opt_number("unix_seconds", when);
        f.str("role", e.role, true);
        f.str("description", e.description, true);
        if (!when && !f.bad) f.missing("unix_seconds");
        if (when && (*when < 0 || *when > 1e11 || *when != static_cast<double>(static_cast<int64_t>(*when))))
            f.invalid("unix_seconds", ProblemCode::seconds_invalid);
        for (const char* key : {"role", "description"}) {
            const std::string& s = key[0] == 'r' ? e.role : e.description;
            if (s.size() > kMaxTextBytes)
                f.invalid(key, ProblemCode::text_too_long, {{"n", s.size()}, {"max", kMaxTextBytes}});
        }
        if (f.bad) continue;
        e.unix_seconds = static_cast<int64_t>(*when);
        ds.change_log.push_back(std::move(e));
    }
}

void write_change_log(const Dataset& ds, int indent, std::string& out) {
    JsonOut w(out, indent);
    w.record_array("change_log", ds.change_log, [&](const ChangeLogEntry& e) {
        w.key("unix_seconds"); w.integer(e.unix_seconds); w.sep();
        w.key("role"); w.str(e.role); w.sep();
        w.key("description"); w.str(e.description);
    });
}

} // namespace iadesk::detail_ds
