// GET /api/sync/snapshot: where a client of sync starts (docs/team.md, "Sync"):
// {"sync": {"last", "absences": [[id, rev]...], "milestone_events": [[id, rev]...]}, "dataset": the
// visible register in the dataset file's form}, in that order (the app hands the dataset part to
// its loader as it is). The client then pulls changes from "last". Plans, goals, meetings and the
// change log are not in it yet. Every snapshot is audited (read_snapshot).
#include "http.hpp"

#include "core/json_out.hpp"

namespace iadesk::server {

namespace {

// The user's visible register in the dataset file's form (docs/data-format.md): the organisation,
// the units and the employees as JSON from PostgreSQL, each employee's employments through the
// index whatever the planner's statistics (grouped once and joined instead, a fresh import without
// statistics got a nested loop over the groups: 1,7 s at 1 000 employees); the absences and
// milestone events written here from their rows with the core's JSON writer (core/json_out.hpp:
// PostgreSQL's json_build_object for each of 467 027 absences took 1,5 s of a 3,1 s snapshot). Empty texts are
// left out as the app's own files leave them out; the fødselsnummer only for HR.
//
// "last" is read first, each part then in its own statement: a record changed after "last" may
// already be in the snapshot with its newer rev, and the pull from "last" brings that change again,
// which the client recognises by the rev (team_sync.hpp) and skips; nothing is missed.
constexpr const char* kSnapshotHeadSql = R"SQL(
SELECT json_build_object(
     'format', 'iadesk', 'version', 5,
     'organisation', (SELECT json_strip_nulls(json_build_object(
         'name', name, 'orgnr', nullif(orgnr, ''), 'ia_agreement', ia_agreement, 'own_bht', own_bht,
         'email', nullif(email, ''), 'naeringskode', nullif(naeringskode, ''),
         'naeringskode_standard', naeringskode_standard, 'sector', nullif(sector, ''),
         'bransjeprogram', nullif(bransjeprogram, ''), 'egenmelding', egenmelding)) FROM organisations),
     'units', (SELECT coalesce(json_agg(json_strip_nulls(json_build_object('id', id, 'name', name, 'closed', closed))
                                        ORDER BY position), '[]') FROM units),
     'employees', (SELECT coalesce(json_agg(json_strip_nulls(json_build_object(
         'id', e.id, 'name', e.name, 'unit', e.unit, 'birth_year', e.birth_year, 'birth_date', e.birth_date,
         'national_id', CASE WHEN $1 THEN nullif(e.national_id, '') END,
         'earlier_units', (SELECT json_agg(json_build_object('unit', w.unit, 'until', w.until) ORDER BY w.until)
                           FROM employee_earlier_units w WHERE w.org_id = e.org_id AND w.employee = e.id),
         'employment', (SELECT json_agg(json_build_object('from', p.from_date, 'to', p.to_date, 'percent', p.percent,
                                                          'end_reason', p.end_reason) ORDER BY p.from_date)
                        FROM employments p WHERE p.org_id = e.org_id AND p.employee = e.id)))
         ORDER BY e.position), '[]') FROM employees e))::text
)SQL";

// Appends to `out` with the core's JSON writer (json_out.hpp's Sink).
struct TextSink {
    std::string& out;
    void raw(const char* p, std::size_t n) { out.append(p, n); }
    void ch(char c) { out.push_back(c); }
};

void snapshot(pqxx::work& tx, const Session& s, httplib::Response& res) {
    using namespace iadesk::detail_ds;
    const bool hr = has_role(tx, "hr");
    const auto last = tx.exec("SELECT coalesce(max(seq), 0) FROM changes")[0][0].as<long long>();
    std::string head = tx.exec_params(kSnapshotHeadSql, hr)[0][0].as<std::string>();
    const auto absences = tx.exec("SELECT id, rev, employee, kind, from_date, to_date, grade FROM absences ORDER BY id");
    const auto events = tx.exec("SELECT id, rev, employee, case_start, milestone, status, date, participants, note"
                                " FROM milestone_events ORDER BY id");
    audit(tx, s.user_id, 0, "read_snapshot", "", {{"absences", absences.size()}, {"milestone_events", events.size()}});

    std::string body;
    body.reserve(head.size() + absences.size() * 110 + events.size() * 200 + 64);
    TextSink out{body};
    body += "{\"sync\":{\"last\":";
    put_json_integer(out, last);
    auto ids = [&](const pqxx::result& rows) {
        body += '[';
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i) body += ',';
            body += '[';
            body += rows[i][0].c_str();
            body += ',';
            body += rows[i][1].c_str();
            body += ']';
        }
        body += ']';
    };
    body += ",\"absences\":";
    ids(absences);
    body += ",\"milestone_events\":";
    ids(events);
    body += "},\"dataset\":";
    head.pop_back(); // the closing brace: the records follow
    body += head;
    body += ",\"absences\":[";
    for (std::size_t i = 0; i < absences.size(); ++i) {
        const auto& r = absences[i];
        body += i ? ",{\"employee\":" : "{\"employee\":";
        put_json_string(out, r[2].c_str());
        body += ",\"kind\":";
        put_json_string(out, r[3].c_str());
        body += ",\"from\":\"";
        body += r[4].c_str();
        body += "\",\"to\":";
        if (r[5].is_null()) body += "null";
        else (body += '"', body += r[5].c_str(), body += '"');
        body += ",\"grade\":";
        body += r[6].c_str();
        body += '}';
    }
    body += "],\"milestone_events\":[";
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& r = events[i];
        body += i ? ",{\"employee\":" : "{\"employee\":";
        put_json_string(out, r[2].c_str());
        body += ",\"case_start\":\"";
        body += r[3].c_str();
        body += "\",\"milestone\":";
        put_json_string(out, r[4].c_str());
        body += ",\"status\":";
        put_json_string(out, r[5].c_str());
        body += ",\"date\":\"";
        body += r[6].c_str();
        body += '"';
        if (!r[7].is_null() && *r[7].c_str()) {
            body += ",\"participants\":";
            put_json_string(out, r[7].c_str());
        }
        body += ",\"note\":";
        put_json_string(out, r[8].c_str());
        body += '}';
    }
    body += "]}}";
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(std::move(body), "application/json; charset=utf-8");
}

} // namespace

void add_snapshot_route(httplib::Server& http, Api& api) {
    http.Get("/api/sync/snapshot", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [](pqxx::work& tx, const Session& s, httplib::Response& out) { snapshot(tx, s, out); });
    });
}

} // namespace iadesk::server
