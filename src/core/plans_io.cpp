// plans_io: the dataset format's optional "adjustment_options" and "plans" members — reading
// (phase 1 of load_dataset, from the document's DOM: plans are few, so they are not streamed),
// checks (phase 2, shared with validate_dataset) and writing (canonical form). Layout and checks:
// docs/data-format.md ("plans", "adjustment_options") and docs/plans.md.
#include "json_fields.hpp"

#include "iadesk/plans.hpp"

#include <cstdio>
#include <set>
#include <unordered_set>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;

using Reader = JsonFields;

void read_content(const json& o, const Path& at, Reporter& rep, PlanContent& c) {
    if (!o.is_object()) { rep.add(at, "Må være et objekt", "Must be an object"); return; }
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
        else rep.add(p, "Må være tekst (en id i adjustment_options)", "Must be a string (an id of adjustment_options)");
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
            rep.add(ep, "Må være et objekt eller null", "Must be an object or null");
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

const std::set<std::string_view>& recipients() {
    static const std::set<std::string_view> r = {"sykmelder", "nav", "arbeidstaker", "bht", "annen"};
    return r;
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
        if (!e.is_object()) { rep.add(p, "Må være et objekt", "Must be an object"); return; }
        read_plan(e, p, rep, ds.plans.emplace_back());
    });
}

void check_plans(const Dataset& ds, Reporter& rep) {
    Path root{};
    Path opts{&root, "adjustment_options"};
    std::unordered_set<std::string_view> option_ids;
    for (std::size_t i = 0; i < ds.adjustment_options.size(); ++i) {
        const AdjustmentOption& o = ds.adjustment_options[i];
        Path p{&opts, {}, i};
        Path pid{&p, "id"};
        if (o.id.empty()) rep.add(pid, "Id kan ikke være tom", "The id cannot be empty");
        else if (!option_ids.insert(o.id).second)
            rep.add(pid, "Id-en «" + o.id + "» er brukt før", "The id \"" + o.id + "\" is used twice");
        Path pt{&p, "text"};
        if (o.text.empty()) rep.add(pt, "Teksten kan ikke være tom", "The text cannot be empty");
        else if (utf8_length(o.text) > kPlanTextMax) rep.add(pt, "Teksten kan ha høyst 2000 tegn", "The text may have at most 2000 characters");
    }
    std::unordered_set<std::string_view> employees;
    for (const Employee& e : ds.employees) employees.insert(e.id);
    std::unordered_set<std::string_view> plan_ids;
    std::set<std::pair<std::string_view, int32_t>> cases;
    Path plans{&root, "plans"};
    for (std::size_t i = 0; i < ds.plans.size(); ++i) {
        const Plan& pl = ds.plans[i];
        Path p{&plans, {}, i};
        Path pid{&p, "id"};
        if (pl.id.empty()) rep.add(pid, "Id kan ikke være tom", "The id cannot be empty");
        else if (!plan_ids.insert(pl.id).second)
            rep.add(pid, "Id-en «" + pl.id + "» er brukt før", "The id \"" + pl.id + "\" is used twice");
        Path pe{&p, "employee"};
        if (!employees.count(pl.employee))
            rep.add(pe, "Ukjent ansatt «" + pl.employee + "»", "Unknown employee \"" + pl.employee + "\"");
        else if (!cases.insert({pl.employee, pl.case_start.days}).second) {
            Path pc{&p, "case_start"};
            rep.add(pc, "Sykefraværstilfellet har allerede en plan", "The sickness case already has a plan");
        }
        Path pv{&p, "versions"};
        if (pl.versions.empty() && !pl.exemption)
            rep.add(pv, "En plan må ha minst én versjon eller et unntak", "A plan needs at least one version or an exemption");
        for (std::size_t k = 0; k < pl.versions.size(); ++k) {
            const PlanVersion& v = pl.versions[k];
            Path vp{&pv, {}, k};
            if (v.number != static_cast<int>(k) + 1) {
                Path np{&vp, "number"};
                rep.add(np, "Versjonene må være nummerert 1, 2, 3 … (ventet " + std::to_string(k + 1) + ")",
                        "Versions must be numbered 1, 2, 3 ... (expected " + std::to_string(k + 1) + ")");
            }
            Path cp{&vp, "content"};
            std::vector<Problem> problems = check_plan_text_lengths(v.content);
            for (std::size_t m = 0; m < v.content.own_measures.size(); ++m) {
                const PlanMeasure& me = v.content.own_measures[m];
                if (me.from && me.to && *me.to < *me.from)
                    problems.push_back({"own_measures/" + std::to_string(m) + "/to",
                                        "Til-datoen kan ikke være før fra-datoen", "The end date cannot be before the start date"});
            }
            for (std::size_t m = 0; m < v.content.adjustment_options.size(); ++m)
                if (!option_ids.count(v.content.adjustment_options[m]))
                    problems.push_back({"adjustment_options/" + std::to_string(m),
                                        "Ukjent tilretteleggingsmulighet «" + v.content.adjustment_options[m] + "»",
                                        "Unknown adjustment option \"" + v.content.adjustment_options[m] + "\""});
            for (const Problem& pr : problems) {
                // The problem's field is a relative pointer below "content".
                std::string pointer = cp.str() + "/" + pr.field;
                rep.out.push_back({pointer, pr.message_nb, pr.message_en});
            }
        }
        Path ps{&p, "shares"};
        for (std::size_t k = 0; k < pl.shares.size(); ++k) {
            const PlanShare& s = pl.shares[k];
            Path sp{&ps, {}, k};
            if (!recipients().count(s.recipient)) {
                Path rp{&sp, "recipient"};
                rep.add(rp, "Ukjent mottaker «" + s.recipient + "» (sykmelder, nav, arbeidstaker, bht eller annen)",
                        "Unknown recipient \"" + s.recipient + "\" (sykmelder, nav, arbeidstaker, bht or annen)");
            }
            if (s.version < 1 || s.version > static_cast<int>(pl.versions.size())) {
                Path vp{&sp, "version"};
                rep.add(vp, "Planen har ingen versjon " + std::to_string(s.version),
                        "The plan has no version " + std::to_string(s.version));
            }
        }
        if (pl.exemption && pl.exemption->reason.empty()) {
            Path ep{&p, "exemption"};
            Path rp{&ep, "reason"};
            rep.add(rp, "Et unntak må ha en begrunnelse", "An exemption needs a reason");
        }
    }
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
