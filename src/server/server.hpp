// iadesk-server: the team server of record (docs/team.md). PostgreSQL holds the data; row-level
// security (migrations/0002_access.sql) decides which rows a request sees.
//
// Contract
// - Administrative commands (migrate, import, create-admin) connect as the cluster's owner; `serve`
//   connects as iadesk_app and refuses to start as a superuser or a role with BYPASSRLS.
// - Every API request that acts for a user runs in one transaction that first sets
//   iadesk.user_id (set_config(..., true): local to the transaction), so no request sees another's.
// - Errors are JSON {"error": "<norsk>", "error_en": "<English>"} with the HTTP status; no
//   exception escapes a handler.
#pragma once

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iadesk::server {

// --- Migrations (migrate.cpp; the SQL files embedded at build time) -------------------------------
struct Migration {
    std::string_view name; // file name without ".sql", e.g. "0001_schema"; sorted
    std::string_view sql;
};
std::vector<Migration> embedded_migrations(); // generated: migrations_embedded.cpp
// Applies the migrations not yet in schema_migrations, in order, each in its own transaction, under
// an advisory lock. Returns the names applied (empty: nothing to do).
std::vector<std::string> migrate(pqxx::connection& c);
// The embedded migrations missing from the database (serve refuses to start while any is).
std::vector<std::string> pending_migrations(pqxx::connection& c);

// --- Connections ---------------------------------------------------------------------------------
// At most `max_open` connections, reused across requests (cpp-httplib serves on a thread pool of
// more threads than that: a request waits for a connection rather than opening one more than
// PostgreSQL's max_connections allows). A connection found broken (PostgreSQL restarted) is dropped
// together with every idle one, which would be broken too; the next request opens a fresh one.
class ConnectionPool {
public:
    explicit ConnectionPool(std::string url, std::size_t max_open = 16) : url_(std::move(url)), max_open_(max_open) {}
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> c) : pool_(&pool), c_(std::move(c)) {}
        Lease(Lease&&) = default;
        ~Lease();
        pqxx::connection& operator*() { return *c_; }
    private:
        ConnectionPool* pool_;
        std::unique_ptr<pqxx::connection> c_;
    };
    Lease acquire(); // throws pqxx::broken_connection when PostgreSQL cannot be reached
    void drop_idle();

private:
    friend class Lease;
    std::string url_;
    std::size_t max_open_;
    std::size_t open_ = 0; // leased + idle
    std::mutex mutex_;
    std::condition_variable released_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

// --- Secrets (crypto.cpp, libsodium) -------------------------------------------------------------
std::string random_hex(std::size_t bytes);                     // lower-case hex of random bytes
std::string one_time_password();                               // 20 characters, no look-alikes
std::string hash_password(std::string_view password);          // argon2id, crypto_pwhash_str
bool verify_password(std::string_view hash, std::string_view password);
std::string sha256_hex(std::string_view data);
bool equal_constant_time(std::string_view a, std::string_view b);

// --- Errors --------------------------------------------------------------------------------------
struct ApiError {
    int status;
    std::string nb;
    std::string en;
};
nlohmann::json error_json(const ApiError& e);

// --- Commands (main.cpp dispatches) ---------------------------------------------------------------
int run_import(const std::string& url, const std::string& org_name, const std::string& file);
int run_create_org(const std::string& url, const std::string& name, const std::string& orgnr);
int run_create_admin(const std::string& url, const std::string& email, std::int64_t org_id);
struct ServeOptions {
    std::string url;
    std::string host = "127.0.0.1";
    int port = 8090;            // 0: any free port
    std::string port_file;      // written with the port once listening
    std::string site_dir;       // served at / when set (build/web/site)
    int idle_minutes = 12 * 60; // a session ends after this long without a request
    bool secure_cookies = false; // behind a TLS proxy: the cookies carry Secure (docs/team.md)
};
int run_serve(const ServeOptions& o);

// Audit row (append-only table audit_log), in the caller's transaction. user_id 0: none (a failed
// login, a command); org_id 0: the current user's organisation.
void audit(pqxx::work& tx, std::int64_t user_id, std::int64_t org_id, std::string_view action,
           std::string_view target, const nlohmann::json& detail = nlohmann::json::object());

} // namespace iadesk::server
