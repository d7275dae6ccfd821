// Schema migrations: src/server/migrations/NNNN_*.sql, embedded at build time, applied in name
// order and recorded in schema_migrations (docs/team.md). A second run applies nothing.
#include "server.hpp"

#include <algorithm>
#include <set>

namespace iadesk::server {

namespace {
// Any constant: serialises concurrent `migrate` runs on one database.
constexpr long kMigrationLock = 0x1ade5c;

std::set<std::string> applied(pqxx::work& tx) {
    std::set<std::string> names;
    for (const auto& row : tx.exec("SELECT name FROM schema_migrations"))
        names.insert(row[0].as<std::string>());
    return names;
}
} // namespace

std::vector<std::string> migrate(pqxx::connection& c) {
    std::vector<std::string> done;
    {
        pqxx::nontransaction lock(c);
        lock.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")");
    }
    try {
        {
            pqxx::work tx(c);
            tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            tx.commit();
        }
        for (const Migration& m : embedded_migrations()) {
            pqxx::work tx(c);
            if (applied(tx).count(std::string(m.name))) continue;
            tx.exec(std::string(m.sql));
            tx.exec_params("INSERT INTO schema_migrations(name) VALUES ($1)", std::string(m.name));
            tx.commit();
            done.emplace_back(m.name);
        }
    } catch (...) {
        pqxx::nontransaction unlock(c);
        unlock.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")");
        throw;
    }
    pqxx::nontransaction unlock(c);
    unlock.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")");
    return done;
}

std::vector<std::string> pending_migrations(pqxx::connection& c) {
    pqxx::work tx(c);
    std::set<std::string> have;
    if (tx.exec("SELECT to_regclass('schema_migrations') IS NOT NULL")[0][0].as<bool>())
        have = applied(tx);
    std::vector<std::string> missing;
    for (const Migration& m : embedded_migrations())
        if (!have.count(std::string(m.name))) missing.emplace_back(m.name);
    return missing;
}

ConnectionPool::Lease::~Lease() {
    if (!c_ || !pool_) return;
    {
        std::lock_guard<std::mutex> lock(pool_->mutex_);
        if (c_->is_open()) {
            pool_->idle_.push_back(std::move(c_));
        } else {
            c_.reset();
            --pool_->open_;
        }
    }
    pool_->released_.notify_one();
}

ConnectionPool::Lease ConnectionPool::acquire() {
    {
        std::unique_lock<std::mutex> lock(mutex_);
        released_.wait(lock, [&] { return !idle_.empty() || open_ < max_open_; });
        if (!idle_.empty()) {
            auto c = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(c));
        }
        ++open_;
    }
    try {
        return Lease(*this, std::make_unique<pqxx::connection>(url_));
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            --open_;
        }
        released_.notify_one();
        throw;
    }
}

void ConnectionPool::drop_idle() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ -= idle_.size();
    idle_.clear();
    released_.notify_all();
}

void audit(pqxx::work& tx, std::int64_t user_id, std::int64_t org_id, std::string_view action,
           std::string_view target, const nlohmann::json& detail) {
    tx.exec_params("INSERT INTO audit_log(org_id, user_id, action, target, detail) "
                   "VALUES (coalesce(nullif($1, 0), iadesk_user_org()), nullif($2, 0), $3, $4, $5::jsonb)",
                   org_id, user_id, std::string(action), std::string(target), detail.dump());
}

} // namespace iadesk::server
