// platform: the few services that differ between the browser and the native build.
// The file functions are POSIX (posix_files.cpp) in both builds: natively on disk, in the browser
// on Emscripten's file system. What only the browser has lives in web_*.cpp.
//
// Contract
// - read_file returns the whole file, or nullopt with `error` set to a short reason (the system's
//   text for an open or read failure; Norwegian for a folder or a file over `max_bytes`, which is
//   refused before it is read whole, so a huge or endless file never exhausts memory).
// - write_file_atomic is the one writer of every file the program writes (CLI outputs, the
//   browser's snapshots, native documents). A reader sees the old or the new bytes, never a mix,
//   and a crash or power cut leaves one of the two:
//   1. `path` itself must be a regular file or missing: a symbolic link or anything else is
//      refused (never written through, never replaced).
//   2. The temporary file is created in the same directory under a new unpredictable name,
//      "<path>.<16 hex digits>.tmp", with O_CREAT|O_EXCL|O_NOFOLLOW: an existing name (a link
//      planted there, a leftover) is never opened, followed or reused; another name is drawn.
//      The ".tmp" ending is what the snapshot store (removes leftovers) and web_storage.js (never
//      copies them to IndexedDB) recognise.
//   3. It gets the owner, group and mode (07777) of the file it replaces before any byte is
//      written; a new file gets 0666 minus the umask. An owner the process may not give (not
//      root, someone else's file) stays the process's own; the group is then still kept when
//      the process may set it. ACLs and extended attributes are not copied.
//   4. The bytes are written, the file fsynced and closed, renamed over `path`, and the directory
//      fsynced (a file system without directory fsync, EINVAL, counts as done).
//   On any failure before the rename `path` is untouched, the temporary file is removed, false is
//   returned and `error` says which step failed and why (English). `replaced` (optional) is true
//   once the rename is done: false with `replaced` true means only the final directory fsync failed
//   (the new bytes are in place but may not survive a power cut).
// - FileLock: an advisory lock for writers of one file, so that read-modify-write verbs queue.
//   It is flock(2) on the sidecar "<path>.lock" (created empty, 0644 minus the umask, opened
//   O_NOFOLLOW|O_NONBLOCK: a link or a non-regular file there is refused; kept afterwards, since
//   deleting a lock file races with a process about to lock it). flock rather than fcntl locks:
//   an fcntl lock belongs to the process and is silently dropped when ANY descriptor of that file
//   is closed, and `flock(1)` lets a script or an administrator hold the same lock
//   (`flock data.json.lock cp data.json backup.json`); Linux maps flock onto fcntl locks on NFS,
//   so it also holds there. It is released by release(), the destructor or the process's end
//   (also a crash). In the browser flock is a no-op: its tabs share /data through their own data
//   lock (web.cpp), and the CLI does not run there.
#pragma once

#include "iadesk/snapshots.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::platform {

std::optional<std::string> read_file(const std::string& path, std::string* error,
                                     std::size_t max_bytes = static_cast<std::size_t>(-1));
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error,
                       bool* replaced = nullptr);
// The same writer with the bytes given in pieces: next_piece sets the next piece and returns true,
// or returns false when there are no more (each piece is written before the next is asked for, so
// a large text need not be in memory whole).
bool write_file_atomic_pieces(const std::string& path, const std::function<bool(std::string_view&)>& next_piece,
                              std::string* error, bool* replaced = nullptr);
// The pieces of write_file_atomic_pieces when there is one: `bytes`, then the end.
inline std::function<bool(std::string_view&)> single_piece(std::string_view bytes) {
    return [bytes, given = false](std::string_view& piece) mutable {
        if (given) return false;
        piece = bytes;
        given = true;
        return true;
    };
}
// A regular file mapped read-only (MAP_PRIVATE), for reading a large dataset without a copy of
// it in memory: the pages are the page cache's, and release_before() gives the ones a reader has
// passed back (madvise MADV_DONTNEED; read again they come back from the file). So a 240 MB file
// costs a few MB of resident memory instead of 240 MB (docs/performance.md, "Whole processes").
// map_file: nullopt with `error` empty when the file cannot be mapped but may be read (not a
// regular file, empty, the browser build): use read_file then. nullopt with `error` set: the same
// reasons and texts as read_file (cannot open, a folder, over `max_bytes`).
// While a mapping is alive, a file cut short by another program (not iadesk's writers, which
// replace the file by renaming) ends the process with a message and exit code 2 (SIGBUS).
class MappedFile {
public:
    MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
    MappedFile(MappedFile&& o) noexcept : data_(o.data_), size_(o.size_), released_(o.released_) { o.data_ = nullptr; }
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    ~MappedFile();
    std::string_view text() const { return {data_, size_}; }
    void release_before(std::size_t offset); // a hint; the bytes stay readable
private:
    const char* data_;
    std::size_t size_;
    std::size_t released_ = 0;
};
std::optional<MappedFile> map_file(const std::string& path, std::string* error,
                                   std::size_t max_bytes = static_cast<std::size_t>(-1));
std::vector<std::string> list_dir(const std::string& dir); // names, sorted; empty if missing
bool make_dir(const std::string& dir);                     // true if it exists afterwards
bool remove_file(const std::string& path);
bool rename_file(const std::string& from, const std::string& to);

class FileLock {
public:
    enum class Outcome { locked, busy, failed };

    FileLock() = default;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    FileLock& operator=(FileLock&& other) noexcept;
    ~FileLock() { release(); }

    static std::string lock_path(const std::string& path) { return path + ".lock"; }

    // Locks `path` (exclusively), trying until `timeout_seconds` have passed (0: one try).
    // `on_wait` is called once when the first try finds the lock held by someone else. busy: still
    // held at the deadline; failed: the lock file cannot be used (`error` says why, English).
    Outcome acquire(const std::string& path, double timeout_seconds, const std::function<void()>& on_wait,
                    std::string* error);
    void release();
    bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

// Documents handed to the user (follow-up plans: print and export). The browser opens the
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
