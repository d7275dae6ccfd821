// `iadesk-server serve`: the JSON API (http.hpp) and, with --site, the browser app's files.
// Refuses to start when its database role could pass row-level security (a superuser or
// BYPASSRLS) or when a migration is missing.
#include "http.hpp"

#include <csignal>
#include <fstream>
#include <iostream>
#include <thread>

#include <pthread.h>

namespace iadesk::server {

int run_serve(const ServeOptions& o) {
    {
        pqxx::connection c(o.url);
        pqxx::work tx(c);
        const auto r = tx.exec1("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
        if (r[1].as<bool>() || r[2].as<bool>()) {
            std::cerr << "iadesk-server: databaserollen «" << r[0].as<std::string>()
                      << "» er superbruker eller har BYPASSRLS; tjeneren må koble til som iadesk_app\n"
                      << "(the database role bypasses row-level security: connect as iadesk_app)\n";
            return 1;
        }
        tx.commit();
        const auto missing = pending_migrations(c);
        if (!missing.empty()) {
            std::cerr << "iadesk-server: databasen mangler migrering " << missing.front()
                      << "; kjør «iadesk-server migrate» først (run migrate first)\n";
            return 1;
        }
    }
    ConnectionPool pool(o.url);
    ChangeFeed feed;
    Api api{pool, feed, o, hash_password(random_hex(16))};
    httplib::Server http;
    // Long-polls (GET /api/changes?wait=) hold a thread while they wait; cpp-httplib's default pool
    // is 8 threads. 64 keeps room for about 50 waiting clients beside the requests that work.
    http.new_task_queue = [] { return new httplib::ThreadPool(64); };
    http.set_payload_max_length(1 << 20);
    http.set_read_timeout(10, 0);
    add_auth_routes(http, api);
    add_user_routes(http, api);
    add_data_routes(http, api);
    add_sync_routes(http, api);
    add_snapshot_route(http, api);
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        guarded(res, [&] { std::rethrow_exception(ep); });
    });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.path.rfind("/api/", 0) == 0 && res.status == 404 && res.body.empty())
            send_error(res, {404, "Ukjent adresse i API-et.", "Unknown API address."});
    });
    // The app's files carry a cookie that tells the app it came from a team server (web_library.js
    // js_team_server): it then asks /api/me; from a static server it asks nothing. Not a secret.
    http.set_file_request_handler([&o](const httplib::Request&, httplib::Response& res) {
        res.set_header("Set-Cookie", std::string("iadesk_team=1; Path=/; SameSite=Strict; Max-Age=31536000") +
                                         (o.secure_cookies ? "; Secure" : ""));
    });
    if (!o.site_dir.empty() && !http.set_mount_point("/", o.site_dir)) {
        std::cerr << "iadesk-server: --site: finner ikke mappen «" << o.site_dir << "» (no such folder)\n";
        return 2;
    }
    int port = o.port;
    if (port == 0) {
        port = http.bind_to_any_port(o.host);
    } else if (!http.bind_to_port(o.host, port)) {
        port = -1;
    }
    if (port <= 0) {
        std::cerr << "iadesk-server: kan ikke lytte på " << o.host << ":" << o.port << " (cannot listen)\n";
        return 1;
    }
    if (!o.port_file.empty()) std::ofstream(o.port_file) << port << "\n";
    std::cout << "iadesk-server: http://" << o.host << ":" << port << "/" << std::endl;
    // SIGINT and SIGTERM stop the server gracefully: requests under way finish and commit. The
    // signals are blocked in every thread and taken by one waiter (sigwait).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        http.stop();
    });
    const bool ok = http.listen_after_bind();
    pthread_kill(waiter.native_handle(), SIGTERM); // no-op once the waiter has returned
    waiter.join();
    std::cout << "iadesk-server: stoppet / stopped" << std::endl;
    return ok ? 0 : 1;
}

} // namespace iadesk::server
