// platform: the few services that differ between the browser and the native build.
// One implementation file per platform: web.cpp (Emscripten) and native.cpp (POSIX files).
//
// Contract
// - read_file returns the whole file, or nullopt with `error` set to a short English reason.
// - write_file_atomic writes to "<path>.tmp", flushes it, then renames it over `path`, so a
//   reader sees either the old or the new bytes, never a mix.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iadesk::platform {

std::optional<std::string> read_file(const std::string& path, std::string* error);
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error);

} // namespace iadesk::platform
