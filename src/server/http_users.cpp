// HR's account administration: invite a user with a role (POST /api/users) and revoke an account
// (POST /api/users/{id}/revoke); and HR's reading of the audit log (GET /api/audit). The policies of migrations/0002_access.sql let only HR write
// users and role grants, and only in the own organisation; the checks here give the messages.
#include "http.hpp"

#include "iadesk/model.hpp"

#include <cctype>
#include <limits>

namespace iadesk::server {

namespace {
using nlohmann::json;

const ApiError kHrOnly{403, "Bare HR kan administrere brukere.", "Only HR can manage users."};

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

void invite(pqxx::work& tx, const Session& s, const json& body, httplib::Response& res) {
    if (!has_role(tx, "hr")) throw kHrOnly;
    const std::string email = lower(text_field(body, "email", 254, true));
    if (!is_plausible_email(email))
        throw ApiError{400, "email: «" + email + "» er ikke en gyldig e-postadresse", "email: not a valid e-mail address"};
    const std::string name = text_field(body, "name", 200, false);
    const std::string role = text_field(body, "role", 20, true);
    if (role != "hr" && role != "manager" && role != "tillitsvalgt" && role != "employee")
        throw ApiError{400, "role: må være hr, manager, tillitsvalgt eller employee", "role: must be hr, manager, tillitsvalgt or employee"};
    std::vector<std::string> units;
    if (role == "manager") {
        auto it = body.find("units");
        if (it == body.end() || !it->is_array() || it->empty() || it->size() > 200)
            throw ApiError{400, "units: en leder trenger minst én enhet (liste med enhets-id-er)",
                           "units: a manager needs at least one unit (a list of unit ids)"};
        for (const json& u : *it) {
            if (!u.is_string()) throw ApiError{400, "units: hver enhet er en tekst-id", "units: each unit is a text id"};
            if (tx.exec_params("SELECT 1 FROM units WHERE org_id = iadesk_user_org() AND id = $1", u.get<std::string>()).empty())
                throw ApiError{400, "units: ingen enhet «" + u.get<std::string>() + "»", "units: no such unit"};
            units.push_back(u.get<std::string>());
        }
    }
    const std::string employee = role == "employee" ? text_field(body, "employee", 100, true) : "";
    if (!employee.empty() && tx.exec_params("SELECT 1 FROM employees WHERE id = $1", employee).empty())
        throw ApiError{400, "employee: ingen ansatt «" + employee + "»", "employee: no such employee"};
    if (!tx.exec_params("SELECT 1 FROM users WHERE email = $1", email).empty())
        throw ApiError{409, "email: det finnes allerede en bruker med denne adressen", "email: a user with this address exists"};
    // Another organisation's account with the address is invisible here; the unique index still refuses it.
    const std::string password = one_time_password();
    pqxx::subtransaction insert(tx, "invite");
    std::int64_t user_id = 0;
    try {
        user_id = insert.exec_params1("INSERT INTO users(org_id, email, display_name, password_hash)"
                                      " VALUES (iadesk_user_org(), $1, $2, $3) RETURNING id",
                                      email, name, hash_password(password))[0].as<std::int64_t>();
        insert.commit();
    } catch (const pqxx::unique_violation&) {
        throw ApiError{409, "email: det finnes allerede en bruker med denne adressen", "email: a user with this address exists"};
    }
    if (role == "manager")
        for (const std::string& u : units)
            tx.exec_params("INSERT INTO role_grants(user_id, org_id, role, unit) VALUES ($1, iadesk_user_org(), 'manager', $2)", user_id, u);
    else if (role == "employee")
        tx.exec_params("INSERT INTO role_grants(user_id, org_id, role, employee) VALUES ($1, iadesk_user_org(), 'employee', $2)", user_id, employee);
    else
        tx.exec_params("INSERT INTO role_grants(user_id, org_id, role) VALUES ($1, iadesk_user_org(), $2)", user_id, role);
    audit(tx, s.user_id, 0, "invite_user", email, {{"user_id", user_id}, {"role", role}, {"units", units}, {"employee", employee}});
    send_json(res, 201, {{"id", user_id}, {"email", email}, {"role", role}, {"one_time_password", password}});
}

void revoke(pqxx::work& tx, const Session& s, const std::string& id_text, httplib::Response& res) {
    if (!has_role(tx, "hr")) throw kHrOnly;
    const ApiError not_found{404, "Fant ikke brukeren.", "No such user."};
    if (id_text.empty() || id_text.size() > 18 || id_text.find_first_not_of("0123456789") != std::string::npos) throw not_found;
    const std::int64_t id = std::stoll(id_text);
    if (id == s.user_id)
        throw ApiError{400, "Du kan ikke trekke tilbake din egen tilgang.", "You cannot revoke your own access."};
    if (tx.exec_params("UPDATE users SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL", id).affected_rows() == 0)
        throw not_found;
    const auto ended = tx.exec_params("UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", id).affected_rows();
    audit(tx, s.user_id, 0, "revoke_user", id_text, {{"sessions_ended", ended}});
    send_json(res, 200, {{"ok", true}, {"sessions_ended", ended}});
}
// GET /api/audit?before=ID&limit=N: the organisation's audit rows, newest first, at most N (1..500,
// default 100) with ids below `before` (a page further back); HR only (also the policy's rule).
// Each row: id, time, the acting account's e-mail (null: none, e.g. a failed login), action,
// target and detail.
void audit_page(pqxx::work& tx, const httplib::Request& req, httplib::Response& res) {
    if (!has_role(tx, "hr")) throw ApiError{403, "Bare HR kan lese revisjonsloggen.", "Only HR can read the audit log."};
    const long long before = query_number(req, "before", std::numeric_limits<long long>::max(), 1, std::numeric_limits<long long>::max());
    const long long limit = query_number(req, "limit", 100, 1, 500);
    json entries = json::array();
    for (const auto& r : tx.exec_params("SELECT a.id, a.at::text, u.email, a.action, a.target, a.detail::text FROM audit_log a"
                                        " LEFT JOIN users u ON u.id = a.user_id WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2",
                                        before, limit + 1))
        entries.push_back({{"id", r[0].as<long long>()}, {"at", r[1].as<std::string>()}, {"user", r[2].is_null() ? json() : json(r[2].as<std::string>())},
                           {"action", r[3].as<std::string>()}, {"target", r[4].as<std::string>()}, {"detail", json::parse(r[5].as<std::string>())}});
    const bool more = entries.size() > static_cast<std::size_t>(limit);
    if (more) entries.erase(entries.end() - 1);
    send_json(res, 200, {{"entries", entries}, {"more", more}});
}
} // namespace

void add_user_routes(httplib::Server& http, Api& api) {
    http.Get("/api/audit", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [&req](pqxx::work& tx, const Session&, httplib::Response& out) { audit_page(tx, req, out); });
    });
    http.Post("/api/users", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [&req](pqxx::work& tx, const Session& s, httplib::Response& out) {
            invite(tx, s, json_body(req), out);
        });
    });
    http.Post(R"(/api/users/([^/]+)/revoke)", [&api](const httplib::Request& req, httplib::Response& res) {
        const std::string id = req.matches[1];
        with_session(api, req, res, [&id](pqxx::work& tx, const Session& s, httplib::Response& out) {
            revoke(tx, s, id, out);
        });
    });
}

} // namespace iadesk::server
