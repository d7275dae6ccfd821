// The `iadesk` CLI verbs. main.cpp parses the verb and dispatches; each verb takes the remaining
// arguments, writes its result to `out` and its messages to `err`, and returns the exit code
// (0 ok, 1 bad input data, 2 bad usage or an unreadable/unwritable file, 3 the file to write is
// locked by another process past IADESK_LOCK_TIMEOUT: file_output.hpp).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace iadesk::cli {

using Args = std::vector<std::string>;

int cmd_validate(const Args& args, std::ostream& out, std::ostream& err);
int cmd_cases(const Args& args, std::ostream& out, std::ostream& err);
int cmd_milestones(const Args& args, std::ostream& out, std::ostream& err);
int cmd_stats(const Args& args, std::ostream& out, std::ostream& err);
int cmd_stats_compare(const Args& args, std::ostream& out, std::ostream& err); // `stats compare`, cmd_stats_compare.cpp
int cmd_generate(const Args& args, std::ostream& out, std::ostream& err);
int cmd_measures(const Args& args, std::ostream& out, std::ostream& err); // measures_cmd.cpp
int cmd_goals(const Args& args, std::ostream& out, std::ostream& err);    // cmd_goals.cpp
int cmd_plan(const Args& args, std::ostream& out, std::ostream& err);     // cmd_plan.cpp
int cmd_import(const Args& args, std::ostream& out, std::ostream& err);   // cmd_import.cpp

} // namespace iadesk::cli
