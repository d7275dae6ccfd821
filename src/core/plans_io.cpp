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

using Out = JsonOut;

void write_content(Out& w, const PlanContent& c) {
    w.ch('{');
    w.member("typical_workday", c.typical_workday);
    w.inline_array("tasks", c.tasks, [&](const PlanTask& t) {
        w.ch('{');
        w.member("description", t.description);
        w.member("feasibility", to_string(t.feasibility));
        w.member("note", t.note, true);
        w.ch('}');
    });
    w.member("work_ability", c.work_ability);
    w.inline_array("own_measures", c.own_measures, [&](const PlanMeasure& m) {
        w.ch('{');
        w.member("description", m.description);
        w.member("responsible", m.responsible);
        w.member("from", m.from);
        w.member("to", m.to);
        w.member("status", to_string(m.status), true);
        w.ch('}');
    });
    w.inline_array("adjustment_options", c.adjustment_options, [&](const std::string& o) { w.str(o); });
    w.inline_array("help_measures", c.help_measures, [&](const HelpMeasure& h) {
        w.ch('{');
        w.member("description", h.description);
        w.member("measure_id", h.measure_id, true);
        w.ch('}');
    });
    w.member("other_adjustments", c.other_adjustments);
    w.member("follow_up", c.follow_up);
    w.member("evaluation_date", c.evaluation_date);
    w.key("employee_participated");
    w.raw(!c.employee_participated ? "null" : *c.employee_participated ? "true" : "false");
    w.sep();
    w.member("not_participated_reason", c.not_participated_reason, true);
    w.ch('}');
}

void write_plan(Out& w, const Plan& p) {
    w.member("id", p.id);
    w.member("employee", p.employee);
    w.member("case_start", p.case_start);
    w.inline_array("versions", p.versions, [&](const PlanVersion& v) {
        w.ch('{');
        w.key("number"); w.integer(v.number); w.sep();
        w.member("created", v.created);
        w.member("created_by", v.created_by);
        w.member("origin", v.origin);
        w.member("agreed_employee", v.agreed_employee);
        w.member("agreed_manager", v.agreed_manager);
        w.member("manager_name", v.manager_name);
        w.key("content");
        write_content(w, v.content);
        w.ch('}');
    });
    w.inline_array("shares", p.shares, [&](const PlanShare& s) {
        w.ch('{');
        w.member("date", s.date);
        w.member("recipient", s.recipient);
        w.member("channel", s.channel);
        w.key("version"); w.integer(s.version);
        w.ch('}');
    });
    w.key("exemption");
    if (!p.exemption) {
        w.raw("null");
    } else {
        w.ch('{');
        w.member("date", p.exemption->date);
        w.member("reason", p.exemption->reason);
        w.member("by", p.exemption->by, true);
        w.ch('}');
    }
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
    JsonOut w(out, indent);
    w.record_array("adjustment_options", ds.adjustment_options, [&](const AdjustmentOption& o) {
        w.member("id", o.id);
        w.member("text", o.text, true);
    });
    w.record_array("plans", ds.plans, [&](const Plan& p) { write_plan(w, p); });
}

} // namespace iadesk::detail_ds
