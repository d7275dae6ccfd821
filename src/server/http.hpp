// The HTTP side of iadesk-server (cpp-httplib): sessions, CSRF and the JSON API (docs/team.md).
//
// Contract
// - The session cookie `iadesk_session` holds 32 random bytes in hex; the database stores only
//   their SHA-256. HttpOnly, SameSite=Strict, Path=/; the session ends after ServeOptions::
//   idle_minutes without a request, at logout, at logout-all, or when HR revokes the account.
// - Every state-changing request (POST) with a session must carry the session's CSRF token in
//   X-CSRF-Token (403 without it). A missing, forged or ended session is 401.
// - A handler acts in one transaction with iadesk.user_id set; what it reads, RLS has let through.
#pragma once

#include "server.hpp"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <functional>

namespace iadesk::server {

struct Session {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string csrf;
};

// Wakes the long-polls of GET /api/changes when this process committed a change (http_sync.cpp).
class ChangeFeed {
public:
    void notify();
    std::uint64_t generation();
    // Returns when the generation differs from `seen`, or at `until`.
    void wait_for_change(std::uint64_t seen, std::chrono::steady_clock::time_point until);

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t generation_ = 0;
};

struct Api {
    ConnectionPool& pool;
    ChangeFeed& feed;
    const ServeOptions& options;
    // A hash of a random password, verified against when the e-mail is unknown, so that a login
    // for an unknown address takes as long as one with a wrong password.
    std::string dummy_hash;
};

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, const ApiError& e);

using SessionHandler = std::function<void(pqxx::work&, const Session&, httplib::Response&)>;
// Looks the session up, checks CSRF for a POST, sets iadesk.user_id, runs `handler` and commits.
// Errors (ApiError thrown by the handler, bad sessions, database failures) become JSON responses.
void with_session(Api& api, const httplib::Request& req, httplib::Response& res, const SessionHandler& handler);
// Runs `body`, turning an escaping exception into a JSON error (500, or the ApiError's status).
void guarded(httplib::Response& res, const std::function<void()>& body);
// The request body as a JSON object, or ApiError 400.
nlohmann::json json_body(const httplib::Request& req);
bool has_role(pqxx::work& tx, std::string_view role);
// A text member of a request body: absent or null gives "" (ApiError 400 "KEY: mangler" when
// `required`, also for ""); not text, or over `max` bytes, is 400 naming KEY.
std::string text_field(const nlohmann::json& body, const char* key, std::size_t max, bool required);
// A whole number in the query (?KEY=N) from lo to hi, or `fallback` when absent; anything else is
// 400 "KEY: «…» er ikke et tall fra LO til HI".
long long query_number(const httplib::Request& req, const char* key, long long fallback, long long lo, long long hi);

void add_auth_routes(httplib::Server& http, Api& api);   // http_auth.cpp
void add_user_routes(httplib::Server& http, Api& api);   // http_users.cpp
void add_data_routes(httplib::Server& http, Api& api);   // http_data.cpp
void add_sync_routes(httplib::Server& http, Api& api);   // http_sync.cpp
void add_snapshot_route(httplib::Server& http, Api& api); // http_snapshot.cpp

} // namespace iadesk::server
