// Login, logout, the current user, and the session check every API request goes through
// (http.hpp). Rate limit: 5 failed logins on an e-mail address within 15 minutes, then 429 until
// the oldest of them is 15 minutes old (iadesk_login_lookup, migrations/0002_access.sql).
#include "http.hpp"

#include <charconv>
#include <iostream>

namespace iadesk::server {

namespace {
using nlohmann::json;
constexpr int kMaxFailedLogins = 5;
constexpr const char* kCookie = "iadesk_session";

// The session token from the Cookie header, or "" (never more than one well-formed token).
std::string session_token(const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    const std::string key = std::string(kCookie) + "=";
    std::size_t at = 0;
    while (at < cookies.size()) {
        while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
        std::size_t end = cookies.find(';', at);
        if (end == std::string::npos) end = cookies.size();
        std::string_view part(cookies.data() + at, end - at);
        if (part.substr(0, key.size()) == key) {
            std::string_view value = part.substr(key.size());
            if (value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string_view::npos)
                return std::string(value);
            return "";
        }
        at = end;
    }
    return "";
}

std::string idle_interval(const ServeOptions& o) { return std::to_string(o.idle_minutes) + " minutes"; }

const ApiError kNotLoggedIn{401, "Du er ikke logget inn, eller økten er utløpt. Logg inn på nytt.",
                            "You are not logged in, or the session has expired. Log in again."};

json user_json(pqxx::work& tx, std::int64_t user_id) {
    const auto u = tx.exec_params1("SELECT u.email, u.display_name, o.id, o.name FROM users u"
                                   " JOIN organisations o ON o.id = u.org_id WHERE u.id = $1", user_id);
    json roles = json::array();
    for (const auto& g : tx.exec_params("SELECT role, unit, employee FROM role_grants WHERE user_id = $1 ORDER BY id", user_id)) {
        json r = {{"role", g[0].as<std::string>()}};
        if (!g[1].is_null()) r["unit"] = g[1].as<std::string>();
        if (!g[2].is_null()) r["employee"] = g[2].as<std::string>();
        roles.push_back(r);
    }
    return {{"id", user_id}, {"email", u[0].as<std::string>()}, {"name", u[1].as<std::string>()},
            {"organisation", {{"id", u[2].as<std::int64_t>()}, {"name", u[3].as<std::string>()}}}, {"roles", roles}};
}

void login(Api& api, const httplib::Request& req, httplib::Response& res) {
    const json body = json_body(req);
    auto text = [&](const char* key, std::size_t max, const char* nb, const char* en) {
        auto it = body.find(key);
        if (it == body.end() || !it->is_string() || it->get<std::string>().empty() || it->get<std::string>().size() > max)
            throw ApiError{400, std::string(key) + ": " + nb, std::string(key) + ": " + en};
        return it->get<std::string>();
    };
    const std::string email = text("email", 254, "oppgi e-postadressen (høyst 254 tegn)", "give the e-mail address (at most 254 characters)");
    const std::string password = text("password", 1024, "oppgi passordet (høyst 1024 tegn)", "give the password (at most 1024 characters)");
    auto lease = api.pool.acquire();
    pqxx::work tx(*lease);
    const auto account = tx.exec_params1("SELECT user_id, password_hash, recent_failures FROM iadesk_login_lookup($1)", email);
    if (account[2].as<int>() >= kMaxFailedLogins) {
        audit(tx, 0, 0, "login_blocked", email);
        tx.commit();
        throw ApiError{429, "For mange mislykkede innlogginger. Vent 15 minutter og prøv igjen.",
                       "Too many failed logins. Wait 15 minutes and try again."};
    }
    const bool known = !account[0].is_null();
    bool ok = false;
    if (known)
        ok = verify_password(account[1].as<std::string>(), password);
    else
        verify_password(api.dummy_hash, password); // as long as a wrong password; never a match
    tx.exec_params("SELECT iadesk_login_record($1, $2, $3)", email, ok, req.remote_addr);
    if (!ok) {
        audit(tx, 0, 0, "login_failed", email);
        tx.commit();
        throw ApiError{401, "Feil e-postadresse eller passord.", "Wrong e-mail address or password."};
    }
    const auto user_id = account[0].as<std::int64_t>();
    const std::string token = random_hex(32);
    const std::string csrf = random_hex(32);
    tx.exec_params("SELECT iadesk_session_create($1, decode($2, 'hex'), $3, $4::interval)",
                   user_id, sha256_hex(token), csrf, idle_interval(api.options));
    tx.exec_params("SELECT set_config('iadesk.user_id', $1, true)", std::to_string(user_id));
    audit(tx, user_id, 0, "login", email);
    json out = {{"user", user_json(tx, user_id)}, {"csrf_token", csrf}};
    tx.commit();
    res.set_header("Set-Cookie", std::string(kCookie) + "=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                                     std::to_string(api.options.idle_minutes * 60) + (api.options.secure_cookies ? "; Secure" : ""));
    send_json(res, 200, out);
}

void clear_cookie(const Api& api, httplib::Response& res) {
    res.set_header("Set-Cookie", std::string(kCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" +
                                     (api.options.secure_cookies ? "; Secure" : ""));
}
} // namespace

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const ApiError& e) { send_json(res, e.status, error_json(e)); }

void guarded(httplib::Response& res, const std::function<void()>& body) {
    try {
        body();
    } catch (const ApiError& e) {
        send_error(res, e);
    } catch (const pqxx::in_doubt_error& e) {
        // The connection broke during COMMIT: the change may or may not be stored. A command pushed
        // again with the same key is applied at most once (http_sync.cpp), so asking for that is safe.
        std::cerr << "iadesk-server: commit in doubt: " << e.what() << "\n";
        send_error(res, {503, "Databasen svarte ikke da endringen skulle lagres. Send den igjen; den lagres ikke to ganger.",
                         "The database did not answer while the change was being stored. Send it again; it is not stored twice."});
    } catch (const pqxx::broken_connection& e) {
        std::cerr << "iadesk-server: database connection: " << e.what() << "\n";
        send_error(res, {503, "Databasen svarer ikke. Prøv igjen om litt.", "The database does not answer. Try again shortly."});
    } catch (const std::exception& e) {
        std::cerr << "iadesk-server: " << e.what() << "\n";
        send_error(res, {500, "Intern feil på tjeneren. Ingenting ble endret.", "Internal server error. Nothing was changed."});
    }
}

json json_body(const httplib::Request& req) {
    json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw ApiError{400, "Forespørselen må være et JSON-objekt.", "The request body must be a JSON object."};
    return body;
}

std::string text_field(const json& body, const char* key, std::size_t max, bool required) {
    auto bad = [key](const std::string& nb, const std::string& en) { return ApiError{400, key + (": " + nb), key + (": " + en)}; };
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        if (required) throw bad("mangler", "missing");
        return {};
    }
    if (!it->is_string()) throw bad("må være tekst", "must be text");
    std::string v = it->get<std::string>();
    if (v.size() > max) throw bad("høyst " + std::to_string(max) + " tegn", "at most " + std::to_string(max) + " characters");
    if (required && v.empty()) throw bad("mangler", "missing");
    return v;
}

long long query_number(const httplib::Request& req, const char* key, long long fallback, long long lo, long long hi) {
    if (!req.has_param(key)) return fallback;
    const std::string v = req.get_param_value(key);
    long long n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || p != v.data() + v.size() || n < lo || n > hi)
        throw ApiError{400, std::string(key) + ": «" + v + "» er ikke et tall fra " + std::to_string(lo) + " til " + std::to_string(hi),
                       std::string(key) + ": not a number from " + std::to_string(lo) + " to " + std::to_string(hi)};
    return n;
}

bool has_role(pqxx::work& tx, std::string_view role) {
    return tx.exec_params1("SELECT iadesk_has_role($1)", std::string(role))[0].as<bool>();
}

namespace {
void with_session_unguarded(Api& api, const httplib::Request& req, httplib::Response& res, const SessionHandler& handler) {
    const std::string token = session_token(req);
    if (token.empty()) throw kNotLoggedIn;
    auto lease = api.pool.acquire();
    pqxx::work tx(*lease);
    const auto found = tx.exec_params("SELECT session_id, user_id, csrf_token FROM iadesk_session_touch(decode($1, 'hex'), $2::interval)",
                                      sha256_hex(token), idle_interval(api.options));
    if (found.empty()) throw kNotLoggedIn;
    Session s{found[0][0].as<std::int64_t>(), found[0][1].as<std::int64_t>(), found[0][2].as<std::string>()};
    if (req.method != "GET" && req.method != "HEAD" && !equal_constant_time(req.get_header_value("X-CSRF-Token"), s.csrf)) {
        tx.commit(); // the idle expiry moved on; nothing else happened
        throw ApiError{403, "Forespørselen mangler gyldig CSRF-token (X-CSRF-Token). Last siden på nytt.",
                       "The request lacks a valid CSRF token (X-CSRF-Token). Reload the page."};
    }
    tx.exec_params("SELECT set_config('iadesk.user_id', $1, true)", std::to_string(s.user_id));
    handler(tx, s, res);
    tx.commit();
}
} // namespace

void with_session(Api& api, const httplib::Request& req, httplib::Response& res, const SessionHandler& handler) {
    guarded(res, [&] {
        try {
            with_session_unguarded(api, req, res, handler);
        } catch (const pqxx::broken_connection&) {
            api.pool.drop_idle(); // PostgreSQL went away: the idle connections are gone with it
            throw;
        } catch (const pqxx::in_doubt_error&) {
            api.pool.drop_idle();
            throw;
        }
    });
}

void add_auth_routes(httplib::Server& http, Api& api) {
    http.Post("/api/login", [&api](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] { login(api, req, res); });
    });
    http.Post("/api/logout", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [&api](pqxx::work& tx, const Session& s, httplib::Response& out) {
            tx.exec_params("UPDATE sessions SET revoked_at = now() WHERE id = $1", s.id);
            audit(tx, s.user_id, 0, "logout", "");
            clear_cookie(api, out);
            send_json(out, 200, {{"ok", true}});
        });
    });
    http.Post("/api/logout-all", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [&api](pqxx::work& tx, const Session& s, httplib::Response& out) {
            const auto ended = tx.exec_params("UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
                                              s.user_id).affected_rows();
            audit(tx, s.user_id, 0, "logout_all", "", {{"sessions", ended}});
            clear_cookie(api, out);
            send_json(out, 200, {{"ok", true}, {"sessions_ended", ended}});
        });
    });
    http.Get("/api/me", [&api](const httplib::Request& req, httplib::Response& res) {
        with_session(api, req, res, [](pqxx::work& tx, const Session& s, httplib::Response& out) {
            send_json(out, 200, {{"user", user_json(tx, s.user_id)}, {"csrf_token", s.csrf}});
        });
    });
}

} // namespace iadesk::server
