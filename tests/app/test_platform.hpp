// A native app::Platform for the app tests: snapshots in memory, the browser's asynchronous copy
// to IndexedDB played by the test (persist() only counts; the test answers with on_persisted),
// downloads kept, the address and the tab title kept.
#pragma once

#include "app/app_platform.hpp"
#include "../support/memory_store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::test {

using MemoryStore = testing::MemoryStore;

struct Download {
    std::string name, mime, bytes;
};

class TestPlatform : public app::Platform {
public:
    MemoryStore memory;
    bool has_store = true;
    bool asynchronous_persist = true; // like the browser: "saved" only once on_persisted(true) came
    int persist_calls = 0;
    std::vector<Download> downloads;
    bool waiting_update = false; // a new version of the app waits (the service worker's)
    int update_looks = 0;
    int reloads = 0;
    std::vector<int> picks;      // the purposes pick_file was asked for; the test answers with App::on_file_picked
    std::string last_accept;

    ByteStore* store() override { return has_store ? &memory : nullptr; }
    bool persist() override {
        ++persist_calls;
        return asynchronous_persist;
    }
    bool download(const std::string& name, const std::string& mime, const std::string& bytes) override {
        downloads.push_back({name, mime, bytes});
        return true;
    }
    bool pick_file(int purpose, const std::string& accept) override {
        picks.push_back(purpose);
        last_accept = accept;
        return true;
    }
    void look_for_update() override { ++update_looks; }
    bool update_waiting() override { return waiting_update; }
    bool reload() override {
        ++reloads;
        return true;
    }
    // The address (route path) and the tab title, as a browser keeps them; every show_route() call.
    struct RouteChange {
        std::string path;
        bool push = false;
    };
    std::string address;
    std::vector<RouteChange> route_changes;
    std::string title;
    std::string route() override { return address; }
    void show_route(const std::string& path, bool push) override {
        address = path;
        route_changes.push_back({path, push});
    }
    void set_title(const std::string& text) override { title = text; }
    // A team server behind the page (team mode) when has_server: each request is kept for the test
    // to answer with App::on_http; without it http() is not available, as in the native app.
    struct HttpRequest {
        int id = 0;
        std::string method, path, body, csrf;
    };
    bool has_server = false;
    std::vector<HttpRequest> requests;
    bool team_server() override { return has_server; }
    std::map<std::string, std::string> kept; // the browser's localStorage
    void keep_text(const std::string& key, const std::string& text) override { kept[key] = text; }
    std::optional<std::string> kept_text(const std::string& key) override {
        auto it = kept.find(key);
        return it == kept.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    bool http(int request, const std::string& method, const std::string& path, const std::string& body,
              const std::string& csrf) override {
        if (!has_server) return false;
        requests.push_back({request, method, path, body, csrf});
        return true;
    }
    // The snapshots in the store, by name (not the ".damaged" or ".tmp" ones).
    std::vector<std::string> snapshots() const {
        std::vector<std::string> out;
        for (const auto& [name, bytes] : memory.files)
            if (SnapshotStore::seq_of(name)) out.push_back(name);
        return out;
    }
};

} // namespace iadesk::test
