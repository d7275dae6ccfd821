// cli_util: what the dataset verbs share: option parsing, dates, loading a dataset file, and
// Norwegian number formatting. Exit codes (commands.hpp): 0 ok, 1 bad input data, 2 bad usage
// (unknown option, missing or unreadable file, bad date).
#pragma once

#include "cli/commands.hpp"

#include "iadesk/dataset.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace iadesk::cli {

struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values; // "--from" -> "2026-01-01"
    std::set<std::string> flags;               // "--json"
    bool help = false;

    bool has(const std::string& opt) const { return values.count(opt) || flags.count(opt); }
};

// Parses `--opt value`, `--opt=value` and flags. `valued` options take a value, `flags` do not;
// "--help"/"-h" sets `help`. On an unknown option or a missing value, writes a message naming it
// (prefixed by `verb`) and returns false.
bool parse_args(const Args& args, const std::string& verb, const std::vector<std::string>& valued,
                const std::vector<std::string>& flags, ParsedArgs& out, std::ostream& err);

// The date given for `opt` (YYYY-MM-DD or dd.mm.yyyy). Absent: `fallback` if given, else a
// "missing option" message. Malformed: a message naming the option and the text.
std::optional<Date> date_option(const ParsedArgs& a, const std::string& verb, const std::string& opt,
                                std::optional<Date> fallback, std::ostream& err);

// Today's local date (the default of --today where the verb allows one).
Date local_today();

// Reads and loads a dataset file (mapped when it can be, platform.hpp MappedFile; else read
// whole). Unreadable file: the message "iadesk VERB: kan ikke lese filen «PATH»: why" and nullopt.
std::optional<DatasetLoad> read_dataset_file(const std::string& path, const std::string& verb, std::ostream& err);

// Reads and loads a dataset. Unreadable file: message, exit_code 2. Invalid dataset: the first
// problems and a hint to run `iadesk validate`, exit_code 1.
std::optional<Dataset> load_dataset_file(const std::string& path, const std::string& verb,
                                         std::ostream& err, int& exit_code);

// Exactly one positional FILE argument, else a usage message (returns nullopt).
std::optional<std::string> file_argument(const ParsedArgs& a, const std::string& verb, const char* usage,
                                         std::ostream& err);

// The start of a verb that reads one data file as of --today (cases, milestones): the arguments
// parsed with `valued` and `flags`, --help answered, the file and the date read, the dataset loaded.
// nullopt: stop with `exit_code` (0 after --help, 2 for bad usage, load_dataset_file's code).
struct DatedFile {
    ParsedArgs args;
    Date today;
    Dataset data;
};
std::optional<DatedFile> open_dated_file(const Args& args, const std::string& verb, const char* usage,
                                         const std::vector<std::string>& valued, const std::vector<std::string>& flags,
                                         std::optional<Date> default_today, std::ostream& out, std::ostream& err,
                                         int& exit_code);

// "1 234,5" style (decimal comma, thin grouping with a normal space), `decimals` digits.
std::string format_number_nb(double v, int decimals);
// A bransjeprogram's Norwegian name ("Barnehager"; "ingen bransjeprogram" for none).
const char* bransje_name(Bransjeprogram b);

// Left-aligned / right-aligned cell padded to `width` display columns (UTF-8 aware).
std::string pad_right(const std::string& s, std::size_t width);
std::string pad_left(const std::string& s, std::size_t width);

} // namespace iadesk::cli
