// file_output: the lock and the writer as the CLI uses them (contract in file_output.hpp).
#include "cli/file_output.hpp"

#include "cli/cli_util.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <sys/stat.h>

namespace iadesk::cli {

namespace {

// IADESK_LOCK_TIMEOUT in seconds: a non-negative number with a decimal point or comma.
std::optional<double> parse_seconds(std::string text) {
    for (char& c : text)
        if (c == ',') c = '.';
    double v = -1;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v) || v < 0 ||
        v > 86400)
        return std::nullopt;
    return v;
}

// "60", "0,5", "0,25": at most two decimals, none when whole.
std::string seconds_nb(double v) {
    std::string s = format_number_nb(v, 2);
    if (s.find(',') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == ',') s.pop_back();
    }
    return s;
}

std::string seconds_en(std::string nb) {
    for (char& c : nb)
        if (c == ',') c = '.';
    return nb;
}

} // namespace

int lock_for_writing(const std::string& path, const std::string& verb, platform::FileLock& lock, std::ostream& err,
                     bool only_if_exists) {
    const std::string who = "iadesk " + verb + ": ";
    double timeout = kDefaultLockTimeoutSeconds;
    if (const char* env = std::getenv("IADESK_LOCK_TIMEOUT"); env && *env) {
        auto parsed = parse_seconds(env);
        if (!parsed) {
            err << who << "ugyldig verdi for IADESK_LOCK_TIMEOUT: «" << env
                << "» (sekunder å vente på en låst fil, 0–86400, f.eks. 30 eller 0,5)\n"
                << "  invalid IADESK_LOCK_TIMEOUT: seconds to wait for a locked file, 0-86400\n";
            return 2;
        }
        timeout = *parsed;
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            err << who << "kan ikke skrive «" << path << "»: filen er en symbolsk lenke, og iadesk skriver ikke "
                << "gjennom lenker (oppgi filen den peker på)\n"
                << "  cannot write «" << path << "»: it is a symbolic link (name the file it points to)\n";
            return 2;
        }
        if (!S_ISREG(st.st_mode)) {
            err << who << "kan ikke skrive «" << path << "»: det er ikke en vanlig fil\n"
                << "  cannot write «" << path << "»: not a regular file\n";
            return 2;
        }
    } else if (errno == ENOENT && only_if_exists) {
        return 0;
    } else if (errno == ENOENT) {
        const std::size_t slash = path.find_last_of('/');
        const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
        if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
            err << who << "kan ikke skrive «" << path << "»: mappen «" << dir << "» finnes ikke\n"
                << "  cannot write «" << path << "»: no such folder «" << dir << "»\n";
            return 2;
        }
    }

    std::string why;
    auto waiting = [&] {
        err << who << "«" << path << "» er i bruk av en annen prosess; venter på at den blir ledig (opptil "
            << seconds_nb(timeout) << " s) …\n";
        err.flush();
    };
    switch (lock.acquire(path, timeout, waiting, &why)) {
    case platform::FileLock::Outcome::locked:
        return 0;
    case platform::FileLock::Outcome::busy:
        err << who << "«" << path << "» er i bruk av en annen prosess, og låsen «"
            << platform::FileLock::lock_path(path) << "» ble ikke ledig på " << seconds_nb(timeout)
            << " s. Ingenting er skrevet. Prøv igjen, eller vent lenger med IADESK_LOCK_TIMEOUT=sekunder.\n"
            << "  «" << path << "» is in use by another process (not free within " << seconds_en(seconds_nb(timeout))
            << " s); nothing was written.\n";
        return kExitBusy;
    case platform::FileLock::Outcome::failed:
        break;
    }
    err << who << "kan ikke skrive «" << path << "»: kan ikke låse filen: " << why << " (ingenting er skrevet)\n"
        << "  cannot write «" << path << "»: cannot lock it: " << why << "\n";
    return 2;
}

int write_output(const std::string& path, std::string_view bytes, const std::string& verb, std::ostream& err) {
    return write_output_pieces(path, platform::single_piece(bytes), verb, err);
}

int write_dataset_output(const std::string& path, const Dataset& ds, const std::string& verb, std::ostream& err) {
    DatasetSaver saver(ds);
    std::string piece;
    return write_output_pieces(
        path,
        [&](std::string_view& out) {
            if (saver.done()) return false;
            saver.step(kSavePieceRecords);
            piece = saver.take();
            out = piece;
            return true;
        },
        verb, err);
}

int write_output_pieces(const std::string& path, const std::function<bool(std::string_view&)>& next_piece,
                        const std::string& verb, std::ostream& err) {
    std::string why;
    bool replaced = false;
    if (platform::write_file_atomic_pieces(path, next_piece, &why, &replaced)) return 0;
    if (replaced)
        err << "iadesk " << verb << ": «" << path << "» er skrevet, men kanskje ikke lagret varig på disken: " << why
            << " (kontroller filen)\n"
            << "  «" << path << "» was written but may not be durable: " << why << "\n";
    else
        err << "iadesk " << verb << ": kan ikke skrive «" << path << "»: " << why << " (filen er uendret)\n"
            << "  cannot write «" << path << "»: " << why << " (the file is unchanged)\n";
    return 2;
}

} // namespace iadesk::cli
