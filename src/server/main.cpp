// iadesk-server: the team server (docs/team.md).
//   iadesk-server migrate --db URL
//   iadesk-server import --db URL [--org-name NAME] FILE.json
//   iadesk-server create-org --db URL --name NAME [--orgnr 9 DIGITS]
//   iadesk-server create-admin --db URL --email E [--org ID]
//   iadesk-server serve --db URL [--host 127.0.0.1] [--port 8090|0] [--port-file F] [--site DIR]
//                       [--idle-minutes 720] [--secure-cookies on|off]
// Exit status: 0 done, 1 failed (database, invalid data), 2 bad usage.
#include "server.hpp"

#include <sodium.h>

#include <charconv>
#include <iostream>
#include <map>

namespace {
using namespace iadesk::server;

int usage(const std::string& problem) {
    if (!problem.empty()) std::cerr << "iadesk-server: " << problem << "\n";
    std::cerr << "bruk / usage:\n"
                 "  iadesk-server migrate --db URL\n"
                 "  iadesk-server import --db URL [--org-name NAME] FILE.json\n"
                 "  iadesk-server create-org --db URL --name NAME [--orgnr N]\n"
                 "  iadesk-server create-admin --db URL --email E [--org ID]\n"
                 "  iadesk-server serve --db URL [--host H] [--port N|0] [--port-file F] [--site DIR] [--idle-minutes M]\n"
                 "                      [--secure-cookies on|off]\n";
    return 2;
}

bool parse_int(const std::string& s, long long& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

int run(int argc, char** argv) {
    if (argc < 2) return usage("");
    const std::string verb = argv[1];
    std::map<std::string, std::string> opts;
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (i + 1 >= argc) return usage(a + ": mangler verdi (missing value)");
            opts[a] = argv[++i];
        } else {
            files.push_back(a);
        }
    }
    auto known = [&](std::initializer_list<const char*> names) {
        for (const auto& [k, v] : opts) {
            bool ok = false;
            for (const char* n : names) ok = ok || k == n;
            if (!ok) return usage(k + ": ukjent valg for " + verb + " (unknown option)");
        }
        return 0;
    };
    if (!opts.count("--db")) return usage("--db URL mangler (missing)");
    const std::string url = opts["--db"];
    if (verb == "migrate") {
        if (int u = known({"--db"})) return u;
        pqxx::connection c(url);
        const auto applied = migrate(c);
        if (applied.empty()) std::cout << "Ingen nye migreringer / nothing to migrate\n";
        for (const auto& name : applied) std::cout << "Migrert / applied: " << name << "\n";
        return 0;
    }
    if (verb == "import") {
        if (int u = known({"--db", "--org-name"})) return u;
        if (files.size() != 1) return usage("import: oppgi én fil (give one FILE.json)");
        return run_import(url, opts["--org-name"], files[0]);
    }
    if (verb == "create-org") {
        if (int u = known({"--db", "--name", "--orgnr"})) return u;
        return run_create_org(url, opts["--name"], opts["--orgnr"]);
    }
    if (verb == "create-admin") {
        if (int u = known({"--db", "--email", "--org"})) return u;
        long long org = 0;
        if (opts.count("--org") && (!parse_int(opts["--org"], org) || org <= 0)) return usage("--org: et positivt heltall (a positive integer)");
        if (!opts.count("--email")) return usage("--email mangler (missing)");
        return run_create_admin(url, opts["--email"], org);
    }
    if (verb == "serve") {
        if (int u = known({"--db", "--host", "--port", "--port-file", "--site", "--idle-minutes", "--secure-cookies"})) return u;
        ServeOptions o;
        o.url = url;
        if (opts.count("--host")) o.host = opts["--host"];
        long long n = 0;
        if (opts.count("--port")) {
            if (!parse_int(opts["--port"], n) || n < 0 || n > 65535) return usage("--port: 0..65535");
            o.port = static_cast<int>(n);
        }
        if (opts.count("--idle-minutes")) {
            if (!parse_int(opts["--idle-minutes"], n) || n < 1 || n > 7 * 24 * 60) return usage("--idle-minutes: 1..10080");
            o.idle_minutes = static_cast<int>(n);
        }
        if (opts.count("--secure-cookies")) {
            const std::string v = opts["--secure-cookies"];
            if (v != "on" && v != "off") return usage("--secure-cookies: on eller off (on or off)");
            o.secure_cookies = v == "on";
        }
        o.port_file = opts["--port-file"];
        o.site_dir = opts["--site"];
        return run_serve(o);
    }
    return usage("ukjent kommando «" + verb + "» (unknown command)");
}
} // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        std::cerr << "iadesk-server: libsodium could not start\n";
        return 1;
    }
    try {
        return run(argc, argv);
    } catch (const pqxx::broken_connection& e) {
        std::cerr << "iadesk-server: får ikke kontakt med databasen (cannot connect to the database): " << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "iadesk-server: " << e.what() << "\n";
    }
    return 1;
}
