// platform/native: POSIX files for the CLI and the native tests (contract in platform.hpp).
#include "platform/platform.hpp"

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

} // namespace iadesk::platform
