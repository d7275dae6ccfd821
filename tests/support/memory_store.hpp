// An in-memory ByteStore (include/iadesk/snapshots.hpp) for the unit tests, the app tests' native
// Platform (tests/app/test_platform.hpp) and the benchmark (bench/bench.cpp): every file is an entry
// of `files`, every operation succeeds at once. A test that needs failures (a crash part-way, a full
// quota) derives from it and overrides the operations that fail.
#pragma once

#include "iadesk/snapshots.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::testing {

class MemoryStore : public ByteStore {
public:
    std::map<std::string, std::string> files; // name -> bytes, sorted by name

    std::vector<std::string> list() override {
        std::vector<std::string> out;
        for (const auto& [name, bytes] : files) out.push_back(name);
        return out;
    }
    std::optional<std::string> read(const std::string& name) override {
        auto it = files.find(name);
        if (it == files.end()) return std::nullopt;
        return it->second;
    }
    bool write_atomic(const std::string& name, std::string_view bytes, std::string*) override {
        files[name] = std::string(bytes);
        return true;
    }
    bool append(const std::string& name, std::string_view bytes, std::string*) override {
        files[name].append(bytes);
        return true;
    }
    bool remove(const std::string& name) override { return files.erase(name) > 0; }
    // False when `from` does not exist; an existing `to` is replaced.
    bool rename(const std::string& from, const std::string& to) override {
        auto it = files.find(from);
        if (it == files.end()) return false;
        std::string bytes = std::move(it->second); // no copy: the benchmark times saves of many MB
        files.erase(it);
        files[to] = std::move(bytes);
        return true;
    }
};

} // namespace iadesk::testing
