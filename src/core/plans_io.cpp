// plans_io: the dataset format's optional "adjustment_options" and "plans" members — reading
// (phase 1 of load_dataset, from the document's DOM: plans are few, so they are not streamed),
// checks (phase 2, shared with validate_dataset) and writing (canonical form). Layout and checks:
// docs/data-format.md ("plans", "adjustment_options") and docs/plans.md.
#include "json_fields.hpp"

#include "iadesk/plans.hpp"

#include <cstdio>
#include <unordered_set>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;

using Reader = JsonFields;

void read_content(const json& o, const Path& at, Reporter& rep, PlanContent& c) {
    if (!o.is_object()) { rep.add(at, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key(o))}); return; }
    Reader r{o, at, rep};
    r.str("typical_workday", c.typical_workday);
    r.each("tasks", [&](const json& e, const Path& p) {
        Reader t{e, p, rep};
        PlanTask& task = c.tasks.emplace_back();
        t.str("description", task.description);
        t.enumerated("feasibility", task.feasibility,
                     [](std::string_view s, TaskFeasibility& f) { return parse_feasibility(s, f); },
                     "kan_utfores, kan_utfores_med_tilrettelegging, kan_ikke_utfores");
        t.str("note", task.note);
    });
    r.str("work_ability", c.work_ability);
    r.each("own_measures", [&](const json& e, const Path& p) {
        Reader t{e, p, rep};
        PlanMeasure& m = c.own_measures.emplace_back();
        t.str("description", m.description);
        t.str("responsible", m.responsible);
        t.opt_date("from", m.from);
        t.opt_date("to", m.to);
        t.enumerated("status", m.status, [](std::string_view s, MeasureStatus& v) { return parse_measure_status(s, v); },
                     "forslag, avtalt, ikke_aktuelt, gjennomfort");
    });
    r.each("adjustment_options", [&](const json& e, const Path& p) {
        if (auto s = e.get_ptr<const json::string_t*>()) c.adjustment_options.push_back(*s);
        else rep.add(p, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.string"), ProblemArg::label("actual", type_key(e))});
    });
    r.each("help_measures", [&](const json& e, const Path& p) {
        Reader t{e, p, rep};
        HelpMeasure& m = c.help_measures.emplace_back();
        t.str("description", m.description);
        t.str("measure_id", m.measure_id);
    });
    r.str("other_adjustments", c.other_adjustments);
    r.str("follow_up", c.follow_up);
    r.opt_date("evaluation_date", c.evaluation_date);
    r.opt_bool("employee_participated", c.employee_participated);
    r.str("not_participated_reason", c.not_participated_reason);
}

void read_plan(const json& o, const Path& at, Reporter& rep, Plan& plan) {
    Reader r{o, at, rep};
    r.str("id", plan.id, true);
    r.str("employee", plan.employee, true);
    r.date("case_start", plan.case_start);
    r.each("versions", [&](const json& e, const Path& p) {
        Reader v{e, p, rep};
        PlanVersion& ver = plan.versions.emplace_back();
        v.integer("number", ver.number, 0, 999999);
        v.date("created", ver.created);
        v.str("created_by", ver.created_by);
        v.str("origin", ver.origin);
        v.opt_date("agreed_employee", ver.agreed_employee);
        v.opt_date("agreed_manager", ver.agreed_manager);
        v.str("manager_name", ver.manager_name);
        if (const json* c = v.find("content")) {
            Path cp{&p, "content"};
            read_content(*c, cp, rep, ver.content);
        } else {
            v.missing("content");
        }
    });
    r.each("shares", [&](const json& e, const Path& p) {
        Reader s{e, p, rep};
        PlanShare& sh = plan.shares.emplace_back();
        s.date("date", sh.date);
        s.str("recipient", sh.recipient, true);
        s.str("channel", sh.channel);
        s.integer("version", sh.version, 0, 999999);
    });
    if (const json* ex = r.find("exemption"); ex && !ex->is_null()) {
        Path ep{&at, "exemption"};
        if (!ex->is_object()) {
            rep.add(ep, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.object_or_null"), ProblemArg::label("actual", type_key(*ex))});
        } else {
            Reader x{*ex, ep, rep};
            PlanExemption e;
            x.date("date", e.date);
            x.str("reason", e.reason, true);
            x.str("by", e.by);
            plan.exemption = e;
        }
    }
}

// --- Writing ------------------------------------------------------------------------------------------

struct Out {
    std::string& s;
    bool compact;
    void str(std::string_view v) {
        write_json_string(s, v);
    }
    void key(const char* k) { s += '"'; s += k; s += compact ? "\":" : "\": "; }
    void sep() { s += compact ? "," : ", "; }
    void date(const std::optional<Date>& d) {
        if (!d) { s += "null"; return; }
        s += '"'; s += format_iso(*d); s += '"';
    }
    void kv(const char* k, std::string_view v, bool last = false) { key(k); str(v); if (!last) sep(); }
    void kd(const char* k, const std::optional<Date>& d, bool last = false) { key(k); date(d); if (!last) sep(); }
};

void write_content(Out& w, const PlanContent& c) {
    w.s += '{';
    w.kv("typical_workday", c.typical_workday);
    w.key("tasks"); w.s += '[';
    for (std::size_t i = 0; i < c.tasks.size(); ++i) {
        if (i) w.sep();
        w.s += '{';
        w.kv("description", c.tasks[i].description);
        w.kv("feasibility", to_string(c.tasks[i].feasibility));
        w.kv("note", c.tasks[i].note, true);
        w.s += '}';
    }
    w.s += ']'; w.sep();
    w.kv("work_ability", c.work_ability);
    w.key("own_measures"); w.s += '[';
    for (std::size_t i = 0; i < c.own_measures.size(); ++i) {
        const PlanMeasure& m = c.own_measures[i];
        if (i) w.sep();
        w.s += '{';
        w.kv("description", m.description);
        w.kv("responsible", m.responsible);
        w.kd("from", m.from);
        w.kd("to", m.to);
        w.kv("status", to_string(m.status), true);
        w.s += '}';
    }
    w.s += ']'; w.sep();
    w.key("adjustment_options"); w.s += '[';
    for (std::size_t i = 0; i < c.adjustment_options.size(); ++i) {
        if (i) w.sep();
        w.str(c.adjustment_options[i]);
    }
    w.s += ']'; w.sep();
    w.key("help_measures"); w.s += '[';
    for (std::size_t i = 0; i < c.help_measures.size(); ++i) {
        if (i) w.sep();
        w.s += '{';
        w.kv("description", c.help_measures[i].description);
        w.kv("measure_id", c.help_measures[i].measure_id, true);
        w.s += '}';
    }
    w.s += ']'; w.sep();
    w.kv("other_adjustments", c.other_adjustments);
    w.kv("follow_up", c.follow_up);
    w.kd("evaluation_date", c.evaluation_date);
    w.key("employee_participated");
    w.s += !c.employee_participated ? "null" : *c.employee_participated ? "true" : "false";
    w.sep();
    w.kv("not_participated_reason", c.not_participated_reason, true);
    w.s += '}';
}

void write_plan(Out& w, const Plan& p) {
    w.kv("id", p.id);
    w.kv("employee", p.employee);
    w.kd("case_start", p.case_start);
    w.key("versions"); w.s += '[';
    for (std::size_t i = 0; i < p.versions.size(); ++i) {
        const PlanVersion& v = p.versions[i];
        if (i) w.sep();
        w.s += '{';
        w.key("number"); w.s += std::to_string(v.number); w.sep();
        w.kd("created", v.created);
        w.kv("created_by", v.created_by);
        w.kv("origin", v.origin);
        w.kd("agreed_employee", v.agreed_employee);
        w.kd("agreed_manager", v.agreed_manager);
        w.kv("manager_name", v.manager_name);
        w.key("content");
        write_content(w, v.content);
        w.s += '}';
    }
    w.s += ']'; w.sep();
    w.key("shares"); w.s += '[';
    for (std::size_t i = 0; i < p.shares.size(); ++i) {
        const PlanShare& s = p.shares[i];
        if (i) w.sep();
        w.s += '{';
        w.kd("date", s.date);
        w.kv("recipient", s.recipient);
        w.kv("channel", s.channel);
        w.key("version"); w.s += std::to_string(s.version);
        w.s += '}';
    }
    w.s += ']'; w.sep();
    w.key("exemption");
    if (!p.exemption) {
        w.s += "null";
    } else {
        w.s += '{';
        w.kd("date", p.exemption->date);
        w.kv("reason", p.exemption->reason);
        w.kv("by", p.exemption->by, true);
        w.s += '}';
    }
}

template <class T, class F>
void array_member(std::string& out, int indent, const char* name, const std::vector<T>& items, F&& one) {
    const bool compact = indent < 0;
    auto newline = [&](int level) {
        if (compact) return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * level), ' ');
    };
    out += ',';
    newline(1);
    Out w{out, compact};
    w.key(name);
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        newline(2);
        out += '{';
        one(w, items[i]);
        out += '}';
    }
    if (!items.empty()) newline(1);
    out += ']';
}


} // namespace

void read_plans(const nlohmann::json& doc, const Path& root, Reporter& rep, Dataset& ds) {
    Reader r{doc, root, rep};
    r.each("adjustment_options", [&](const json& e, const Path& p) {
        Reader o{e, p, rep};
        AdjustmentOption& opt = ds.adjustment_options.emplace_back();
        o.str("id", opt.id, true);
        o.str("text", opt.text, true);
    });
    r.each("plans", [&](const json& e, const Path& p) {
        if (!e.is_object()) { rep.add(p, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key(e))}); return; }
        read_plan(e, p, rep, ds.plans.emplace_back());
    });
}


void write_plans(const Dataset& ds, int indent, std::string& out) {
    if (!ds.adjustment_options.empty())
        array_member(out, indent, "adjustment_options", ds.adjustment_options, [](Out& w, const AdjustmentOption& o) {
            w.kv("id", o.id);
            w.kv("text", o.text, true);
        });
    if (!ds.plans.empty())
        array_member(out, indent, "plans", ds.plans, [](Out& w, const Plan& p) { write_plan(w, p); });
}

} // namespace iadesk::detail_ds
