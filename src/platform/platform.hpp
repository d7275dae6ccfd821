// platform: the few services that differ between the browser and the native build.
// The file functions are POSIX (posix_files.cpp) in both builds: natively on disk, in the browser
// on Emscripten's file system. What only the browser has lives in web_*.cpp.
//
// Contract
// - read_file returns the whole file, or nullopt with `error` set to a short English reason.
// - write_file_atomic writes to "<path>.tmp", flushes it, then renames it over `path`, so a
//   reader sees either the old or the new bytes, never a mix.
#pragma once

#include "iadesk/snapshots.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::platform {

std::optional<std::string> read_file(const std::string& path, std::string* error);
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error);
std::vector<std::string> list_dir(const std::string& dir); // names, sorted; empty if missing
bool make_dir(const std::string& dir);                     // true if it exists afterwards
bool remove_file(const std::string& path);
bool rename_file(const std::string& from, const std::string& to);

// Documents handed to the user (follow-up plans: print and export, issue 4). The browser opens the
// HTML in a new tab (print from there; a blocked pop-up falls back to a download) and offers bytes
// as a download named `name`; the native build writes both to `name` in the working directory.
// The browser also keeps the last document in window.iadeskLastDocument (read by the browser tests).
bool open_html(const std::string& name, std::string_view html);
bool download(const std::string& name, const std::string& mime, std::string_view bytes);

// A ByteStore (snapshots.hpp) over the files of one directory, created when missing.
class DirectoryStore : public ByteStore {
public:
    explicit DirectoryStore(std::string dir);
    std::vector<std::string> list() override;
    std::optional<std::string> read(const std::string& name) override;
    bool write_atomic(const std::string& name, std::string_view bytes, std::string* error) override;
    bool append(const std::string& name, std::string_view bytes, std::string* error) override;
    bool remove(const std::string& name) override;
    bool rename(const std::string& from, const std::string& to) override;

private:
    std::string dir_;
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
};

} // namespace iadesk::platform
