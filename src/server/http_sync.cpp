// Synchronisation: POST /api/commands (a client's command, applied through the core) and
// GET /api/changes (what changed since a sequence number, waiting for it when asked). docs/team.md,
// "Sync"; the tables in migrations/0004_sync.sql.
//
// Contract
// - A command is {"key", "op", ...fields}. `key` (8..100 characters, e.g. a UUID the client made
//   when the user acted) makes it idempotent: a key already accepted for this user is answered with
//   the stored answer and "duplicate": true, and nothing is applied again. Refused and conflicting
//   commands store nothing (they changed nothing).
// - The ops: add_absence, update_absence, remove_absence, add_milestone_event,
//   update_milestone_event, remove_milestone_event. The server loads the employee's records that
//   the checks need (units, the employee, employments, absences, milestone events) under RLS,
//   builds the command with the core's builder (include/iadesk/commands.hpp) and applies it with
//   Document::apply: it refuses exactly what the app refuses (422, every problem with its field,
//   bokmål and English).
// - Who may: access.hpp may_edit (HR; a manager for the own units' employees); others 403. An
//   employee the user may not see is 404, like a missing one.
// - update_* and remove_* carry "id" and "base_rev" (the record's rev the client saw). A record
//   whose rev moved on, or that is gone, is a conflict: 409 with "theirs" (the record now, or null)
//   and "yours" (the command), nothing changed.
// - Accepted: 200 {"seq", "kind", "record" (null when removed), "record_id", "description"}; the
//   change is a row of `changes` with that seq, in the organisation's commit order.
// - GET /api/changes?since=N[&wait=S]: the visible changes with seq > N, in order, at most 1000
//   ({"changes", "last", "more"}); with wait (1..25 s) an empty answer waits until a change comes or
//   the time is up. A push on this server wakes the waiters at once; changes pushed through another
//   server process are seen within a second (each waiter looks again every second).
// - GET /api/sync/snapshot, where a client starts, is in http_snapshot.cpp.
#include "http.hpp"

#include "iadesk/access.hpp"
#include "iadesk/calendar.hpp"
#include "iadesk/commands.hpp"
#include "iadesk/document.hpp"

#include <chrono>

namespace iadesk::server {

namespace {
using nlohmann::json;

// --- Reading a command's fields ---------------------------------------------------------------------
[[noreturn]] void bad_field(const std::string& key, const std::string& nb, const std::string& en) {
    throw ApiError{400, key + ": " + nb, key + ": " + en};
}

std::optional<Date> date_field(const json& b, const char* key, bool required) {
    auto it = b.find(key);
    if (it == b.end() || it->is_null()) {
        if (required) bad_field(key, "mangler", "missing");
        return std::nullopt;
    }
    if (it->is_string())
        if (auto d = parse_iso_date(it->get<std::string>())) return d;
    bad_field(key, "«" + it->dump() + "» er ikke en dato (ÅÅÅÅ-MM-DD)", "not a date (YYYY-MM-DD)");
}

std::int64_t int_field(const json& b, const char* key) {
    auto it = b.find(key);
    if (it == b.end() || it->is_null()) bad_field(key, "mangler", "missing");
    if (!it->is_number_integer()) bad_field(key, "må være et heltall", "must be an integer");
    return it->get<std::int64_t>();
}

Absence absence_from(const json& b, std::string employee) {
    Absence a;
    a.employee = std::move(employee);
    const std::string kind = text_field(b, "kind", 20, true);
    if (kind == "egenmelding") a.kind = AbsenceKind::egenmelding;
    else if (kind == "sykmelding") a.kind = AbsenceKind::sykmelding;
    else bad_field("kind", "må være «egenmelding» eller «sykmelding»", "must be \"egenmelding\" or \"sykmelding\"");
    a.from = *date_field(b, "from", true);
    a.to = date_field(b, "to", false);
    a.grade = b.contains("grade") ? static_cast<int>(int_field(b, "grade")) : 100;
    return a;
}

MilestoneEvent event_from(const json& b, std::string employee, Date case_start, std::string milestone) {
    MilestoneEvent ev;
    ev.employee = std::move(employee);
    ev.case_start = case_start;
    ev.milestone = std::move(milestone);
    const std::string status = text_field(b, "status", 20, true);
    if (status == "done") ev.status = EventStatus::done;
    else if (status == "exempt") ev.status = EventStatus::exempt;
    else bad_field("status", "må være «done» eller «exempt»", "must be \"done\" or \"exempt\"");
    ev.date = *date_field(b, "date", true);
    ev.note = text_field(b, "note", 2000, false);
    ev.participants = text_field(b, "participants", 2000, false);
    return ev;
}

// --- The records a command's checks need, loaded under RLS ------------------------------------------
struct Slice {
    Dataset ds;
    std::vector<std::int64_t> absence_ids, absence_revs; // parallel to ds.absences
    std::vector<std::int64_t> event_ids, event_revs;     // parallel to ds.milestone_events
};

const ApiError kNoEmployee{404, "Fant ikke den ansatte.", "No such employee."};

Slice load_slice(pqxx::work& tx, const std::string& employee) {
    Slice s;
    auto open_date = [](const pqxx::field& f) { return f.is_null() ? std::optional<Date>() : parse_iso_date(f.as<std::string>()); };
    for (const auto& r : tx.exec("SELECT id, name, closed::text FROM units ORDER BY position"))
        s.ds.units.push_back({r[0].as<std::string>(), r[1].as<std::string>(), open_date(r[2])});
    const auto e = tx.exec_params("SELECT id, name, unit FROM employees WHERE id = $1", employee);
    if (e.empty()) throw kNoEmployee;
    Employee emp;
    emp.id = e[0][0].as<std::string>();
    emp.name = e[0][1].as<std::string>();
    emp.unit = e[0][2].as<std::string>();
    for (const auto& p : tx.exec_params("SELECT from_date::text, to_date::text, percent::float8 FROM employments"
                                        " WHERE employee = $1 ORDER BY from_date", employee))
        emp.employment.push_back({*parse_iso_date(p[0].as<std::string>()), open_date(p[1]), p[2].as<double>(), std::nullopt});
    for (const auto& w : tx.exec_params("SELECT unit, until::text FROM employee_earlier_units WHERE employee = $1 ORDER BY until", employee))
        emp.earlier_units.push_back({w[0].as<std::string>(), *parse_iso_date(w[1].as<std::string>())});
    s.ds.employees.push_back(std::move(emp));
    for (const auto& a : tx.exec_params("SELECT id, rev, kind, from_date::text, to_date::text, grade FROM absences"
                                        " WHERE employee = $1 ORDER BY from_date, id", employee)) {
        s.absence_ids.push_back(a[0].as<std::int64_t>());
        s.absence_revs.push_back(a[1].as<std::int64_t>());
        s.ds.absences.push_back({employee, a[2].as<std::string>() == "egenmelding" ? AbsenceKind::egenmelding : AbsenceKind::sykmelding,
                                 *parse_iso_date(a[3].as<std::string>()), open_date(a[4]), a[5].as<int>()});
    }
    for (const auto& m : tx.exec_params("SELECT id, rev, case_start::text, milestone, status, date::text, note, participants"
                                        " FROM milestone_events WHERE employee = $1 ORDER BY id", employee)) {
        s.event_ids.push_back(m[0].as<std::int64_t>());
        s.event_revs.push_back(m[1].as<std::int64_t>());
        s.ds.milestone_events.push_back({employee, *parse_iso_date(m[2].as<std::string>()), m[3].as<std::string>(),
                                         m[4].as<std::string>() == "exempt" ? EventStatus::exempt : EventStatus::done,
                                         *parse_iso_date(m[5].as<std::string>()), m[6].as<std::string>(), m[7].as<std::string>()});
    }
    return s;
}

json absence_json(const Absence& a, std::int64_t id, std::int64_t rev) {
    return {{"id", id}, {"rev", rev}, {"employee", a.employee},
            {"kind", a.kind == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding"},
            {"from", format_iso(a.from)}, {"to", a.to ? json(format_iso(*a.to)) : json()}, {"grade", a.grade}};
}

json event_json(const MilestoneEvent& ev, std::int64_t id, std::int64_t rev) {
    return {{"id", id}, {"rev", rev}, {"employee", ev.employee}, {"case_start", format_iso(ev.case_start)},
            {"milestone", ev.milestone}, {"status", ev.status == EventStatus::exempt ? "exempt" : "done"},
            {"date", format_iso(ev.date)}, {"note", ev.note}, {"participants", ev.participants}};
}

// Today in Norway (Europe/Oslo: UTC+1, UTC+2 from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC, the EU rule): an event may not be dated after it.
Date norwegian_today() {
    using namespace std::chrono;
    const auto now = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    const Date utc_day{static_cast<int>(now / 86400)};
    auto last_sunday = [](int year, int month) {
        Date d = Date::from_ymd(year, month, 31);
        return d - (d.weekday() % 7);
    };
    const int year = utc_day.year();
    const long long summer_from = last_sunday(year, 3).days * 86400LL + 3600;
    const long long summer_until = last_sunday(year, 10).days * 86400LL + 3600;
    const long long offset = (now >= summer_from && now < summer_until) ? 7200 : 3600;
    return Date{static_cast<int>((now + offset) / 86400)};
}

// The user's role for editing this employee, as the core names it (access.hpp); 403 when none may.
void require_edit(pqxx::work& tx, const Employee& e, EditArea area) {
    if (has_role(tx, "hr") && may_edit(Role::hr(), area, e.unit)) return;
    const bool manages = tx.exec_params1("SELECT $1 = ANY (iadesk_manager_units())", e.unit)[0].as<bool>();
    if (manages && may_edit(Role::manager(e.unit), area, e.unit)) return;
    throw ApiError{403, "Rollen din kan ikke endre fravær eller milepæler for denne ansatte.",
                   "Your role may not change absence or milestones for this employee."};
}

json problems_json(const std::vector<Problem>& problems) {
    json out = json::array();
    for (const Problem& p : problems)
        out.push_back({{"field", p.field}, {"message", p.message_nb}, {"message_en", p.message_en}, {"code", std::string(problem_id(p.code))}});
    return out;
}

// A command the core refused (ApiError carries one text; the answer lists every problem).
struct Refusal {
    std::vector<Problem> problems;
};
[[noreturn]] void refuse(std::vector<Problem> problems) { throw Refusal{std::move(problems)}; }

struct Conflict {
    json theirs;
};

std::size_t index_of(const std::vector<std::int64_t>& ids, std::int64_t id) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) return i;
    return ids.size();
}

json run_command(pqxx::work& tx, const Session& s, const json& body, const std::string& op, std::int64_t& seq_out) {
    const std::string employee = text_field(body, "employee", 100, true);
    Slice slice = load_slice(tx, employee);
    const bool absence_op = op.find("absence") != std::string::npos;
    require_edit(tx, slice.ds.employees.front(), absence_op ? EditArea::absences : EditArea::milestone_events);
    const Date today = norwegian_today();

    // Update and remove name the record and the rev they were based on.
    std::size_t index = 0;
    std::int64_t record_id = 0;
    if (op.rfind("update_", 0) == 0 || op.rfind("remove_", 0) == 0) {
        record_id = int_field(body, "id");
        const std::int64_t base = int_field(body, "base_rev");
        const auto& ids = absence_op ? slice.absence_ids : slice.event_ids;
        const auto& revs = absence_op ? slice.absence_revs : slice.event_revs;
        index = index_of(ids, record_id);
        if (index == ids.size()) throw Conflict{json()};
        if (revs[index] != base)
            throw Conflict{absence_op ? absence_json(slice.ds.absences[index], record_id, revs[index])
                                      : event_json(slice.ds.milestone_events[index], record_id, revs[index])};
    }

    CommandResult built;
    if (op == "add_absence") built = add_absence(slice.ds, absence_from(body, employee));
    else if (op == "update_absence") built = update_absence(slice.ds, index, absence_from(body, employee));
    else if (op == "remove_absence") built = remove_absence(slice.ds, index);
    else if (op == "add_milestone_event")
        built = add_milestone_event(slice.ds, event_from(body, employee, *date_field(body, "case_start", true),
                                                         text_field(body, "milestone", 100, true)), today);
    else if (op == "update_milestone_event") {
        const MilestoneEvent& old = slice.ds.milestone_events[index];
        built = update_milestone_event(slice.ds, index, event_from(body, employee, old.case_start, old.milestone), today);
    } else if (op == "remove_milestone_event") built = remove_milestone_event(slice.ds, index);
    else bad_field("op", "ukjent kommando «" + op + "»", "unknown command \"" + op + "\"");
    if (!built.ok()) refuse(built.problems);

    Document doc;
    doc.reset(std::move(slice.ds));
    const std::string description = built.command->description;
    if (auto problems = doc.apply(std::move(*built.command)); !problems.empty()) refuse(problems);

    // Written under the organisation's lock (taken by the caller), so seqs commit in order.
    const auto seq = tx.exec("SELECT nextval(pg_get_serial_sequence('changes', 'seq'))")[0][0].as<std::int64_t>();
    const std::string kind = absence_op ? "absence" : "milestone_event";
    json record;
    if (op == "add_absence") {
        const Absence& a = doc.data.absences.back();
        record_id = tx.exec_params1("INSERT INTO absences(org_id, employee, kind, from_date, to_date, grade, rev)"
                                    " VALUES (iadesk_user_org(), $1, $2, $3::date, $4::date, $5, $6) RETURNING id",
                                    employee, a.kind == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding",
                                    format_iso(a.from), a.to ? std::optional<std::string>(format_iso(*a.to)) : std::nullopt,
                                    a.grade, seq)[0].as<std::int64_t>();
        record = absence_json(a, record_id, seq);
    } else if (op == "update_absence") {
        const Absence& a = doc.data.absences[index];
        tx.exec_params("UPDATE absences SET kind = $2, from_date = $3::date, to_date = $4::date, grade = $5, rev = $6 WHERE id = $1",
                       record_id, a.kind == AbsenceKind::egenmelding ? "egenmelding" : "sykmelding", format_iso(a.from),
                       a.to ? std::optional<std::string>(format_iso(*a.to)) : std::nullopt, a.grade, seq);
        record = absence_json(a, record_id, seq);
    } else if (op == "add_milestone_event") {
        const MilestoneEvent& ev = doc.data.milestone_events.back();
        record_id = tx.exec_params1("INSERT INTO milestone_events(org_id, employee, case_start, milestone, status, date, note, participants, rev)"
                                    " VALUES (iadesk_user_org(), $1, $2::date, $3, $4, $5::date, $6, $7, $8) RETURNING id",
                                    employee, format_iso(ev.case_start), ev.milestone, ev.status == EventStatus::exempt ? "exempt" : "done",
                                    format_iso(ev.date), ev.note, ev.participants, seq)[0].as<std::int64_t>();
        record = event_json(ev, record_id, seq);
    } else if (op == "update_milestone_event") {
        const MilestoneEvent& ev = doc.data.milestone_events[index];
        tx.exec_params("UPDATE milestone_events SET status = $2, date = $3::date, note = $4, participants = $5, rev = $6 WHERE id = $1",
                       record_id, ev.status == EventStatus::exempt ? "exempt" : "done", format_iso(ev.date), ev.note, ev.participants, seq);
        record = event_json(ev, record_id, seq);
    } else {
        tx.exec_params(absence_op ? "DELETE FROM absences WHERE id = $1" : "DELETE FROM milestone_events WHERE id = $1", record_id);
    }
    tx.exec_params("INSERT INTO changes(seq, org_id, employee, kind, record_id, record, user_id, description)"
                   " VALUES ($1, iadesk_user_org(), $2, $3, $4, $5::jsonb, $6, $7)",
                   seq, employee, kind, record_id, record.is_null() ? std::optional<std::string>() : std::optional<std::string>(record.dump()),
                   s.user_id, description);
    seq_out = seq;
    return {{"seq", seq}, {"kind", kind}, {"record_id", record_id}, {"record", record}, {"description", description}};
}

void push_command(pqxx::work& tx, const Session& s, const json& body, httplib::Response& res) {
    const std::string key = text_field(body, "key", 100, true);
    if (key.size() < 8) bad_field("key", "minst 8 tegn", "at least 8 characters");
    const std::string op = text_field(body, "op", 40, true);
    // One writer per organisation at a time: seqs are assigned and committed in the same order.
    tx.exec("SELECT pg_advisory_xact_lock(iadesk_user_org())");
    const auto seen = tx.exec_params("SELECT response::text FROM sync_commands WHERE key = $1", key);
    if (!seen.empty()) {
        json answer = json::parse(seen[0][0].as<std::string>());
        answer["duplicate"] = true;
        send_json(res, 200, answer);
        return;
    }
    try {
        std::int64_t seq = 0;
        json answer = run_command(tx, s, body, op, seq);
        tx.exec_params("INSERT INTO sync_commands(org_id, user_id, key, seq, response) VALUES (iadesk_user_org(), $1, $2, $3, $4::jsonb)",
                       s.user_id, key, seq, answer.dump());
        audit(tx, s.user_id, 0, "command", op, {{"key", key}, {"seq", seq}, {"employee", body.value("employee", "")}});
        answer["duplicate"] = false;
        send_json(res, 200, answer);
    } catch (const Refusal& refusal) {
        // Nothing was written before the checks ended (the caller's commit keeps only the session's
        // touch); the same for a conflict.
        const Problem& first = refusal.problems.front();
        send_json(res, 422, {{"error", (first.field.empty() ? "" : first.field + ": ") + first.message_nb},
                             {"error_en", (first.field.empty() ? "" : first.field + ": ") + first.message_en},
                             {"problems", problems_json(refusal.problems)}});
    } catch (const Conflict& c) {
        send_json(res, 409, {{"error", "Noen andre har endret eller slettet dette i mellomtiden. Ingenting ble endret; se begge versjonene."},
                             {"error_en", "Someone else changed or deleted this meanwhile. Nothing was changed; see both versions."},
                             {"theirs", c.theirs}, {"yours", body}});
    }
}

json change_json(const pqxx::row& r) {
    return {{"seq", r[0].as<std::int64_t>()}, {"kind", r[1].as<std::string>()}, {"employee", r[2].as<std::string>()},
            {"record_id", r[3].as<std::int64_t>()}, {"record", r[4].is_null() ? json() : json::parse(r[4].as<std::string>())},
            {"description", r[5].as<std::string>()}, {"at", r[6].as<std::string>()}};
}

void pull_changes(Api& api, const httplib::Request& req, httplib::Response& res) {
    std::int64_t since = 0, wait = 0;
    guarded(res, [&] {
        since = query_number(req, "since", 0, 0, std::numeric_limits<std::int64_t>::max() / 2);
        wait = query_number(req, "wait", 0, 0, 25);
    });
    if (res.status != -1) return;
    constexpr int kLimit = 1000;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait);
    for (;;) {
        const std::uint64_t generation = api.feed.generation();
        with_session(api, req, res, [&](pqxx::work& tx, const Session&, httplib::Response& out) {
            json changes = json::array();
            for (const auto& r : tx.exec_params("SELECT seq, kind, employee, record_id, record::text, description, at::text FROM changes"
                                                " WHERE org_id = iadesk_user_org() AND seq > $1 ORDER BY seq LIMIT $2",
                                                since, kLimit + 1))
                changes.push_back(change_json(r));
            const bool more = changes.size() > kLimit;
            if (more) changes.erase(changes.end() - 1);
            if (changes.empty() && std::chrono::steady_clock::now() < deadline) return; // wait below
            const std::int64_t last = changes.empty() ? since : changes.back()["seq"].get<std::int64_t>();
            send_json(out, 200, {{"changes", changes}, {"last", last}, {"more", more}});
        });
        if (res.status != -1) return; // answered, or an error
        api.feed.wait_for_change(generation, std::min(deadline, std::chrono::steady_clock::now() + std::chrono::seconds(1)));
    }
}
} // namespace

void ChangeFeed::notify() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
    }
    changed_.notify_all();
}

std::uint64_t ChangeFeed::generation() {
    std::lock_guard<std::mutex> lock(mutex_);
    return generation_;
}

void ChangeFeed::wait_for_change(std::uint64_t seen, std::chrono::steady_clock::time_point until) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_until(lock, until, [&] { return generation_ != seen; });
}

void add_sync_routes(httplib::Server& http, Api& api) {
    http.Post("/api/commands", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [&](pqxx::work& tx, const Session& s, httplib::Response& out) {
            push_command(tx, s, json_body(req), out);
        });
        if (res.status == 200) api.feed.notify(); // after the commit: a woken pull sees the change
    });
    http.Get("/api/changes", [&api](const httplib::Request& req, httplib::Response& res) { pull_changes(api, req, res); });
}

} // namespace iadesk::server
