// Helpers shared by the unit tests.
#pragma once

#include "iadesk/dataset.hpp"

#include <fstream>
#include <sstream>
#include <string>

// The data as saved, without the change log: undo restores the data exactly, while the log (part
// of the document, model.hpp) keeps the history and so grows with every step, undo included.
inline std::string data_bytes(const iadesk::Dataset& d, int indent = 1) {
    iadesk::Dataset copy = d;
    copy.change_log.clear();
    return iadesk::save_dataset(copy, indent);
}

// A file's bytes; empty when it cannot be read (a missing golden file then fails its comparison).
inline std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
