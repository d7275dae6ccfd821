// platform/posix_files: the file functions of platform.hpp over POSIX, used by both builds
// (natively on the disk; in the browser on Emscripten's file system, where /data is IndexedDB).
#include "platform/platform.hpp"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace iadesk::platform {

std::optional<std::string> read_file(const std::string& path, std::string* error, std::size_t max_bytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (error) *error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::fclose(f);
        if (error) *error = "er en mappe, ikke en fil";
        return std::nullopt;
    }
    auto too_large = [&](unsigned long long size) {
        std::fclose(f);
        if (error)
            *error = "filen er for stor (" + std::to_string(size >> 20) + " MB; høyst " + std::to_string(max_bytes >> 20) + " MB)";
        return std::nullopt;
    };
    if (st.st_size > 0 && static_cast<unsigned long long>(st.st_size) > max_bytes) return too_large(static_cast<unsigned long long>(st.st_size));
    std::string bytes;
    if (st.st_size > 0) {
        // A file of known size straight into the string with read(), no buffer in between (a
        // dataset of 240 MB was copied twice); a file that grows meanwhile goes on below.
        bytes.resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < bytes.size()) {
            const ssize_t n = ::read(fileno(f), bytes.data() + got, bytes.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                const int err = errno;
                std::fclose(f);
                if (error) *error = std::strerror(err);
                return std::nullopt;
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        bytes.resize(got);
    }
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        if (n > max_bytes - bytes.size()) return too_large(bytes.size() + n); // a pipe or a growing file
        bytes.append(buf, n);
    }
    bool failed = std::ferror(f) != 0;
    int err = errno;
    std::fclose(f);
    if (failed) {
        if (error) *error = std::strerror(err);
        return std::nullopt;
    }
    return bytes;
}

#ifndef __EMSCRIPTEN__
namespace {
// A mapped file cut short under the reader: say so and stop (only write() and _exit() here).
void on_sigbus(int) {
    static const char msg[] = "iadesk: filen ble endret (kortet ned) av et annet program mens den ble lest; "
                              "prøv igjen (the file was cut short while it was read)\n";
    const ssize_t ignored = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)ignored;
    ::_exit(2);
}
int g_mappings = 0;               // MappedFiles alive (the CLI is single-threaded)
struct sigaction g_previous_sigbus {};
} // namespace

std::optional<MappedFile> map_file(const std::string& path, std::string* error, std::size_t max_bytes) {
    if (error) error->clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error) *error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        const bool dir = S_ISDIR(st.st_mode);
        ::close(fd);
        if (dir && error) *error = "er en mappe, ikke en fil";
        return std::nullopt; // read_file decides (a pipe, an empty file, ...)
    }
    const auto size = static_cast<unsigned long long>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        if (error) *error = "filen er for stor (" + std::to_string(size >> 20) + " MB; høyst " + std::to_string(max_bytes >> 20) + " MB)";
        return std::nullopt;
    }
    void* p = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) return std::nullopt;
    ::madvise(p, static_cast<std::size_t>(size), MADV_SEQUENTIAL);
    if (g_mappings++ == 0) { // the handler only while a mapping is alive; the one before it after
        struct sigaction sa {};
        sa.sa_handler = on_sigbus;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGBUS, &sa, &g_previous_sigbus);
    }
    return MappedFile(static_cast<const char*>(p), static_cast<std::size_t>(size));
}

MappedFile::~MappedFile() {
    if (!data_) return;
    ::munmap(const_cast<char*>(data_), size_);
    if (--g_mappings == 0) ::sigaction(SIGBUS, &g_previous_sigbus, nullptr);
}

void MappedFile::release_before(std::size_t offset) {
    static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, size_) / page * page;
    if (!data_ || end <= released_) return;
    ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
}
#else
std::optional<MappedFile> map_file(const std::string&, std::string* error, std::size_t) {
    if (error) error->clear();
    return std::nullopt;
}
MappedFile::~MappedFile() = default;
void MappedFile::release_before(std::size_t) {}
#endif

namespace {

bool fail_with(std::string* error, const std::string& what, int err) {
    if (error) *error = what + ": " + std::strerror(err);
    return false;
}

// 64 unpredictable bits as 16 hex digits. Uniqueness does not rest on them (O_EXCL does); they
// only keep another process from guessing the name and occupying it first.
std::string random_hex() {
    uint64_t bits = 0;
    try {
        std::random_device device;
        bits = (static_cast<uint64_t>(device()) << 32) ^ device();
    } catch (...) { // no entropy source: still distinct per process and call
        bits = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
               (static_cast<uint64_t>(::getpid()) << 40);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(bits));
    return hex;
}

// A new file "<path>.<hex>.tmp" opened for writing, never an existing one (O_EXCL), never through a
// link (O_NOFOLLOW; with O_EXCL a link at the name is EEXIST anyway). -1 with errno on failure.
int create_temporary(const std::string& path, mode_t mode, std::string& tmp_path) {
    for (int attempt = 0; attempt < 64; ++attempt) {
        tmp_path = path + "." + random_hex() + ".tmp";
        const int fd = ::open(tmp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string directory_of(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Makes a rename in `dir` durable. EINVAL: the file system has no directory fsync (nothing to do).
bool sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL;
    const int err = errno;
    ::close(fd);
    errno = err;
    return ok;
}

// Gives the temporary file `fd` the owner, group and mode of `old` (platform.hpp, step 3).
bool copy_owner_and_mode(int fd, const struct stat& old) {
    struct stat mine {};
    if (::fstat(fd, &mine) != 0) return false;
    if ((mine.st_uid != old.st_uid || mine.st_gid != old.st_gid) && ::fchown(fd, old.st_uid, old.st_gid) != 0) {
        if (errno != EPERM) return false;
        if (mine.st_gid != old.st_gid && ::fchown(fd, static_cast<uid_t>(-1), old.st_gid) != 0 && errno != EPERM)
            return false;
    }
    return ::fchmod(fd, old.st_mode & 07777) == 0; // after fchown, which may clear set-id bits
}

} // namespace

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error, bool* replaced) {
    return write_file_atomic_pieces(path, single_piece(bytes), error, replaced);
}

bool write_file_atomic_pieces(const std::string& path, const std::function<bool(std::string_view&)>& next_piece,
                              std::string* error, bool* replaced) {
    if (replaced) *replaced = false;
    struct stat old {};
    bool had_old = false;
    if (::lstat(path.c_str(), &old) == 0) {
        if (S_ISLNK(old.st_mode)) {
            if (error) *error = "is a symbolic link (not written through; name the file it points to)";
            return false;
        }
        if (!S_ISREG(old.st_mode)) {
            if (error) *error = "is not a regular file";
            return false;
        }
        had_old = true;
    } else if (errno != ENOENT) {
        return fail_with(error, "cannot inspect the file", errno);
    }

    std::string tmp;
    const int fd = create_temporary(path, had_old ? 0600 : 0666, tmp);
    if (fd < 0) return fail_with(error, "cannot create temporary file", errno);
    auto abandon = [&](const char* what, bool close_it) {
        const int err = errno;
        if (close_it) ::close(fd);
        ::unlink(tmp.c_str());
        return fail_with(error, what, err);
    };
    if (had_old && !copy_owner_and_mode(fd, old)) return abandon("cannot give the temporary file the owner and mode", true);
    for (std::string_view piece; next_piece(piece);)
        if (!write_all(fd, piece)) return abandon("cannot write temporary file", true);
    if (::fsync(fd) != 0) return abandon("cannot flush temporary file to disk", true);
    if (::close(fd) != 0) return abandon("cannot close temporary file", false);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return abandon("cannot rename temporary file", false);
    if (replaced) *replaced = true;
    if (!sync_directory(directory_of(path)))
        return fail_with(error, "written, but the directory could not be flushed to disk", errno);
    return true;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        release();
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

void FileLock::release() {
    if (fd_ >= 0) ::close(fd_); // closing the only descriptor of the open file releases its flock
    fd_ = -1;
}

FileLock::Outcome FileLock::acquire(const std::string& path, double timeout_seconds,
                                    const std::function<void()>& on_wait, std::string* error) {
    release();
    const std::string lock = lock_path(path);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(timeout_seconds > 0 ? timeout_seconds : 0));
    auto failed = [&](const std::string& what, int err) {
        fail_with(error, what, err);
        return Outcome::failed;
    };
    bool told = false;
    long pause_ms = 5;
    for (;;) {
        // O_RDONLY suffices for flock; O_NONBLOCK keeps a FIFO planted there from blocking the open.
        const int fd = ::open(lock.c_str(), O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (errno == ELOOP) {
                if (error) *error = "the lock file «" + lock + "» is a symbolic link (refused; remove it)";
                return Outcome::failed;
            }
            return failed("cannot open the lock file «" + lock + "»", errno);
        }
        struct stat held {};
        if (::fstat(fd, &held) != 0) {
            const int err = errno;
            ::close(fd);
            return failed("cannot inspect the lock file «" + lock + "»", err);
        }
        if (!S_ISREG(held.st_mode)) {
            ::close(fd);
            if (error) *error = "the lock file «" + lock + "» is not a regular file";
            return Outcome::failed;
        }
        while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) {
                const int err = errno;
                ::close(fd);
                return failed("cannot lock «" + lock + "»", err);
            }
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) {
                ::close(fd);
                return Outcome::busy;
            }
            if (!told && on_wait) on_wait();
            told = true;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
            const long ms = std::min<long>(pause_ms, static_cast<long>(left));
            struct timespec pause {ms / 1000, (ms % 1000) * 1'000'000L};
            ::nanosleep(&pause, nullptr);
            pause_ms = std::min<long>(pause_ms * 2, 100);
        }
        // Locked. Still the file at the lock's name? (Someone may have deleted and recreated it
        // while this process waited on the old one.) If not, lock the new one.
        struct stat now {};
        if (::lstat(lock.c_str(), &now) == 0 && now.st_dev == held.st_dev && now.st_ino == held.st_ino) {
            fd_ = fd;
            return Outcome::locked;
        }
        ::close(fd);
    }
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

// A piece of a snapshot written over several calls (snapshots.hpp). Not followed through a link
// at the name either; the pieces' file is renamed over its name at the end (SnapshotStore).
bool DirectoryStore::append(const std::string& name, std::string_view bytes, std::string* error) {
    const int fd = ::open(path(name).c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    bool ok = fd >= 0 && write_all(fd, bytes);
    int err = errno;
    if (fd >= 0 && ::close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) fail_with(error, "cannot append to " + name, err);
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
