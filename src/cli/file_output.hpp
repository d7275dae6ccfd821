// file_output: how the verbs that write a file (import --into, generate --out) write it: under
// the file's lock and through the one safe writer (platform.hpp has both contracts).
//
// Contract
// - lock_for_writing takes platform::FileLock on "<path>.lock" for `lock`. It waits up to
//   IADESK_LOCK_TIMEOUT seconds (default 60; "30", "0.5" or "0,5"; 0 = one try, at most 86400),
//   saying once on `err` that it waits. Returns the exit code: 0 locked; 3 (kExitBusy) still held
//   by another process at the deadline; 2 when `path` is a symbolic link or not a regular file,
//   the lock file cannot be used, or IADESK_LOCK_TIMEOUT is malformed. Every refusal names the
//   file and the problem in Norwegian, then in English. With `only_if_exists` a missing `path`
//   is not locked (0): the verb's own read then reports it, and no lock file is left beside a
//   mistyped name.
// - write_output writes `bytes` to `path` (platform::write_file_atomic) and returns the exit code:
//   0 written; 2 with a message naming the file, the failed step, and whether the file is as it
//   was (it always is, unless only the final flush of the directory failed: then it says so).
// A verb that reads the file it writes takes the lock before the read and keeps `lock` alive until
// write_output has returned, so that concurrent runs queue and none loses another's change.
#pragma once

#include "iadesk/dataset.hpp"
#include "platform/platform.hpp"

#include <functional>

#include <ostream>
#include <string>
#include <string_view>

namespace iadesk::cli {

constexpr int kExitBusy = 3;
constexpr double kDefaultLockTimeoutSeconds = 60;

int lock_for_writing(const std::string& path, const std::string& verb, platform::FileLock& lock, std::ostream& err,
                     bool only_if_exists = false);

int write_output(const std::string& path, std::string_view bytes, const std::string& verb, std::ostream& err);
// write_output with the bytes given in pieces (platform::write_file_atomic_pieces); the same codes
// and messages.
int write_output_pieces(const std::string& path, const std::function<bool(std::string_view&)>& next_piece,
                        const std::string& verb, std::ostream& err);
// write_output of save_dataset(ds), saved and written kSavePieceRecords records at a time
// (DatasetSaver): the same bytes without the whole text in memory (a dataset of 240 MB).
constexpr std::size_t kSavePieceRecords = 20000;
int write_dataset_output(const std::string& path, const Dataset& ds, const std::string& verb, std::ostream& err);

} // namespace iadesk::cli
