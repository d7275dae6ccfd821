// platform/posix_files: the file functions of platform.hpp over POSIX, used by both builds
// (natively on the disk; in the browser on Emscripten's file system, where /data is IndexedDB).
#include "platform/platform.hpp"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iadesk::platform {

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (error) *error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::fclose(f);
        if (error) *error = "is a directory";
        return std::nullopt;
    }
    std::string bytes;
    if (st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    bool failed = std::ferror(f) != 0;
    int err = errno;
    std::fclose(f);
    if (failed) {
        if (error) *error = std::strerror(err);
        return std::nullopt;
    }
    return bytes;
}

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error) {
    const std::string tmp = path + ".tmp";
    auto fail = [&](const char* what) {
        if (error) *error = std::string(what) + ": " + std::strerror(errno);
        return false;
    };
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return fail("cannot create temporary file");
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = ok && std::fflush(f) == 0;
    ok = ok && ::fsync(fileno(f)) == 0;
    if (!ok) {
        int err = errno;
        std::fclose(f);
        std::remove(tmp.c_str());
        errno = err;
        return fail("cannot write temporary file");
    }
    if (std::fclose(f) != 0) {
        std::remove(tmp.c_str());
        return fail("cannot close temporary file");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        std::remove(tmp.c_str());
        errno = err;
        return fail("cannot rename temporary file");
    }
    return true;
}

std::vector<std::string> list_dir(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d)) {
            std::string n = e->d_name;
            if (n != "." && n != "..") names.push_back(std::move(n));
        }
        ::closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool make_dir(const std::string& dir) { return ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST; }

bool remove_file(const std::string& path) { return std::remove(path.c_str()) == 0; }

bool rename_file(const std::string& from, const std::string& to) { return std::rename(from.c_str(), to.c_str()) == 0; }

DirectoryStore::DirectoryStore(std::string dir) : dir_(std::move(dir)) { make_dir(dir_); }

std::vector<std::string> DirectoryStore::list() { return list_dir(dir_); }

std::optional<std::string> DirectoryStore::read(const std::string& name) { return read_file(path(name), nullptr); }

bool DirectoryStore::write_atomic(const std::string& name, std::string_view bytes, std::string* error) {
    return write_file_atomic(path(name), bytes, error);
}

bool DirectoryStore::append(const std::string& name, std::string_view bytes, std::string* error) {
    std::FILE* f = std::fopen(path(name).c_str(), "ab");
    bool ok = f && std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const int err = errno;
    if (f && std::fclose(f) != 0) ok = false;
    if (!ok && error) *error = std::string("cannot append to ") + name + ": " + std::strerror(f ? err : errno);
    return ok;
}

bool DirectoryStore::remove(const std::string& name) { return remove_file(path(name)); }

bool DirectoryStore::rename(const std::string& from, const std::string& to) { return rename_file(path(from), path(to)); }

#ifndef __EMSCRIPTEN__
// Native: documents for the user are files in the working directory (web.cpp has the browser's).
bool open_html(const std::string& name, std::string_view html) { return write_file_atomic(name, html, nullptr); }
bool download(const std::string& name, const std::string&, std::string_view bytes) {
    return write_file_atomic(name, bytes, nullptr);
}
#endif

} // namespace iadesk::platform
