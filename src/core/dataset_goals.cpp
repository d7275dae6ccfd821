// dataset_goals: the dataset format's optional "goals", "goal_activities" and "ia_meetings"
// members — reading (phase 1 of load_dataset, from the document's DOM: goals are few, so
// they are not streamed), checks (phase 2, shared with validate_dataset; the value checks are
// goal_commands.hpp's) and writing (canonical form, only when non-empty so that older files save
// unchanged). Layout and checks: docs/data-format.md ("goals") and docs/goals.md.
#include "json_fields.hpp"

#include "iadesk/goal_commands.hpp"
#include "iadesk/goals.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;

using Reader = JsonFields;

// A goal period "2025" or "2025-Q3" (goals.hpp parse_period).
void read_period(Reader& r, std::string_view key, std::optional<GoalPeriod>& out) {
    const json* v = r.find(key);
    if (!v) return;
    auto s = v->get_ptr<const json::string_t*>();
    if (!s) { r.wrong(key, *v, "want.period"); return; }
    out = parse_period(*s);
    if (!out) r.invalid(key, ProblemCode::period_invalid, {{"value", *s}});
}

bool expect_object(const json& v, const Path& at, Reporter& rep) {
    if (v.is_object()) return true;
    rep.add(at, ProblemCode::not_an_object, {ProblemArg::label("actual", type_key(v))});
    return false;
}

void read_goal(const json& v, const Path& p, Reporter& rep, Goal& g, uint8_t& bad) {
    if (!expect_object(v, p, rep)) { bad = 1; return; }
    Reader r{v, p, rep};
    r.str("id", g.id, true);
    std::string kind;
    r.str("kind", kind, true);
    if (kind == "result") g.kind = GoalKind::result;
    else if (kind == "activity") g.kind = GoalKind::activity;
    else if (!r.bad) r.invalid("kind", ProblemCode::unknown_value, {{"value", kind}, {"allowed", "result, activity"}});
    r.str("area", g.area, true);
    r.str("title", g.title, true);
    r.str("description", g.description);
    r.opt_date("deadline", g.deadline);
    if (g.kind == GoalKind::result) {
        std::string metric = "sick_leave";
        r.str("metric", metric);
        if (metric == "sick_leave") g.metric = GoalMetric::sick_leave;
        else if (metric == "recorded") g.metric = GoalMetric::recorded;
        else if (metric == "dropout") g.metric = GoalMetric::dropout; // format 4
        else r.invalid("metric", ProblemCode::unknown_value, {{"value", metric}, {"allowed", "sick_leave, recorded, dropout"}});
        if (const json* units = r.array("units")) {
            Path up{&p, "units"};
            for (std::size_t i = 0; i < units->size(); ++i) {
                if (auto s = (*units)[i].get_ptr<const json::string_t*>()) g.units.push_back(*s);
                else {
                    Path q{&up, {}, i};
                    rep.add(q, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.string"), ProblemArg::label("actual", type_key((*units)[i]))});
                    r.bad = true;
                }
            }
        }
        r.str("metric_name", g.metric_name);
        r.boolean("higher_is_better", g.higher_is_better);
        if (const json* values = r.array("values")) {
            Path vp{&p, "values"};
            for (std::size_t i = 0; i < values->size(); ++i) {
                Path q{&vp, {}, i};
                if (!expect_object((*values)[i], q, rep)) { r.bad = true; continue; }
                Reader vr{(*values)[i], q, rep};
                std::optional<GoalPeriod> per;
                std::optional<double> val;
                read_period(vr, "period", per);
                vr.opt_number("value", val);
                if (!per && !vr.bad) vr.missing("period");
                if (!val && !vr.bad) vr.missing("value");
                if (vr.bad) { r.bad = true; continue; }
                g.values.push_back({*per, *val});
            }
        }
        read_period(r, "baseline_period", g.baseline_period);
        r.opt_number("baseline_value", g.baseline_value);
        r.opt_number("target_value", g.target_value);
        r.opt_number("target_change", g.target_change);
        // Members of the other metric are ignored, so that the canonical form round-trips.
        if (g.metric != GoalMetric::recorded) { g.metric_name.clear(); g.higher_is_better = false; g.values.clear(); }
        else g.units.clear();
    } else {
        r.str("criterion", g.criterion);
        r.opt_int("criterion_count", g.criterion_count);
        r.opt_date("criterion_date", g.criterion_date);
    }
    if (r.bad) bad = 1;
}

void read_activity(const json& v, const Path& p, Reporter& rep, GoalActivity& a, uint8_t& bad) {
    if (!expect_object(v, p, rep)) { bad = 1; return; }
    Reader r{v, p, rep};
    r.str("id", a.id, true);
    r.str("goal", a.goal, true);
    r.str("title", a.title, true);
    r.str("owner", a.owner);
    r.opt_date("planned", a.planned);
    std::string status = "planlagt";
    r.str("status", status);
    if (auto s = parse_activity_status(status)) a.status = *s;
    else if (!r.bad) r.invalid("status", ProblemCode::unknown_value, {{"value", status}, {"allowed", activity_status_codes()}});
    r.opt_date("done", a.done);
    r.str("note", a.note);
    if (r.bad) bad = 1;
}

void read_meeting(const json& v, const Path& p, Reporter& rep, IaMeeting& m, uint8_t& bad) {
    if (!expect_object(v, p, rep)) { bad = 1; return; }
    Reader r{v, p, rep};
    r.str("id", m.id, true);
    std::optional<Date> date;
    r.opt_date("date", date, true);
    if (date) m.date = *date;
    if (const json* att = r.array("attendees")) {
        Path ap{&p, "attendees"};
        for (std::size_t i = 0; i < att->size(); ++i) {
            Path q{&ap, {}, i};
            if (!expect_object((*att)[i], q, rep)) { r.bad = true; continue; }
            Reader ar{(*att)[i], q, rep};
            MeetingAttendee a;
            std::string role;
            ar.str("role", role, true);
            if (auto mr = parse_meeting_role(role)) a.role = *mr;
            else if (!ar.bad)
                ar.invalid("role", ProblemCode::unknown_value, {{"value", role}, {"allowed", meeting_role_codes()}});
            ar.str("name", a.name);
            if (ar.bad) { r.bad = true; continue; }
            m.attendees.push_back(std::move(a));
        }
    }
    r.str("minutes", m.minutes);
    if (const json* dec = r.array("decisions")) {
        Path dp{&p, "decisions"};
        for (std::size_t i = 0; i < dec->size(); ++i) {
            Path q{&dp, {}, i};
            if (!expect_object((*dec)[i], q, rep)) { r.bad = true; continue; }
            Reader dr{(*dec)[i], q, rep};
            MeetingDecision d;
            dr.str("text", d.text, true);
            if (const json* goals = dr.array("goals")) {
                Path gp{&q, "goals"};
                for (std::size_t j = 0; j < goals->size(); ++j) {
                    if (auto s = (*goals)[j].get_ptr<const json::string_t*>()) d.goals.push_back(*s);
                    else {
                        Path gq{&gp, {}, j};
                        rep.add(gq, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.string"), ProblemArg::label("actual", type_key((*goals)[j]))});
                        dr.bad = true;
                    }
                }
            }
            if (dr.bad) r.bad = true;
            m.decisions.push_back(std::move(d)); // kept so that indices line up
        }
    }
    if (r.bad) bad = 1;
}

template <class T, class F>
void read_array(const json& doc, const Path& root, Reporter& rep, const char* name, std::vector<T>& out,
                std::vector<uint8_t>& bad, F&& read_one) {
    auto it = doc.find(name);
    if (it == doc.end() || it->is_null()) return;
    Path at{&root, name};
    if (!it->is_array()) {
        rep.add(at, ProblemCode::wrong_type, {ProblemArg::label("expected", "want.array"), ProblemArg::label("actual", type_key(*it))});
        return;
    }
    out.resize(it->size());
    bad.assign(it->size(), 0);
    for (std::size_t i = 0; i < it->size(); ++i) {
        Path p{&at, {}, i};
        read_one((*it)[i], p, rep, out[i], bad[i]);
    }
}

// --- Writing ----------------------------------------------------------------------------------------

using Out = JsonOut;


} // namespace

void read_goals(const json& doc, const Path& root, Reporter& rep, Dataset& ds, GoalsMeta& meta) {
    read_array(doc, root, rep, "goals", ds.goals, meta.goal_bad, read_goal);
    for (Goal& g : ds.goals)
        std::stable_sort(g.values.begin(), g.values.end(),
                         [](const RecordedValue& a, const RecordedValue& b) { return a.period < b.period; });
    read_array(doc, root, rep, "goal_activities", ds.goal_activities, meta.activity_bad, read_activity);
    read_array(doc, root, rep, "ia_meetings", ds.ia_meetings, meta.meeting_bad, read_meeting);
}


void write_goals(const Dataset& ds, int indent, std::string& out) {
    Out w(out, indent);
    w.record_array("goals", ds.goals, [&](const Goal& g) {
        w.member("id", g.id);
        w.member("kind", to_string(g.kind));
        w.member("area", g.area);
        w.member("title", g.title);
        w.member("description", g.description);
        w.member("deadline", g.deadline);
        if (g.kind == GoalKind::result) {
            w.member("metric", to_string(g.metric));
            if (g.metric != GoalMetric::recorded) {
                w.inline_array("units", g.units, [&](const std::string& u) { w.str(u); });
            } else {
                w.member("metric_name", g.metric_name);
                w.key("higher_is_better"); w.raw(g.higher_is_better ? "true" : "false"); w.sep();
                w.inline_array("values", g.values, [&](const RecordedValue& v) {
                    w.ch('{');
                    w.member("period", format_period(v.period));
                    w.key("value"); w.num(v.value);
                    w.ch('}');
                });
            }
            w.key("baseline_period");
            if (g.baseline_period) w.str(format_period(*g.baseline_period)); else w.raw("null");
            w.sep();
            w.key("baseline_value"); w.opt_num(g.baseline_value); w.sep();
            w.key("target_value"); w.opt_num(g.target_value); w.sep();
            w.key("target_change"); w.opt_num(g.target_change);
        } else {
            w.member("criterion", g.criterion);
            w.key("criterion_count");
            if (g.criterion_count) w.num(*g.criterion_count); else w.raw("null");
            w.sep();
            w.member("criterion_date", g.criterion_date, true);
        }
    });
    w.record_array("goal_activities", ds.goal_activities, [&](const GoalActivity& a) {
        w.member("id", a.id);
        w.member("goal", a.goal);
        w.member("title", a.title);
        w.member("owner", a.owner);
        w.member("planned", a.planned);
        w.member("status", to_string(a.status));
        w.member("done", a.done);
        w.member("note", a.note, true);
    });
    w.record_array("ia_meetings", ds.ia_meetings, [&](const IaMeeting& m) {
        w.member("id", m.id);
        w.member("date", m.date);
        w.inline_array("attendees", m.attendees, [&](const MeetingAttendee& a) {
            w.ch('{');
            w.member("role", to_string(a.role));
            w.member("name", a.name, true);
            w.ch('}');
        });
        w.member("minutes", m.minutes);
        w.inline_array("decisions", m.decisions, [&](const MeetingDecision& d) {
            w.ch('{');
            w.member("text", d.text);
            w.inline_array("goals", d.goals, [&](const std::string& goal) { w.str(goal); }, true);
            w.ch('}');
        }, true);
    });
}

} // namespace iadesk::detail_ds
