// assets: files under assets/ embedded into the binary at build time (cmake/embed.cmake).
//
// Contract: get("rules/current.json") returns the file's bytes, or an empty view when no such
// file was embedded. list("rules/") returns the embedded paths under that prefix, sorted.
// The same bytes are available natively and in the browser; no file system is touched.
#pragma once

#include <string_view>
#include <vector>

namespace iadesk::assets {

std::string_view get(std::string_view path);
std::vector<std::string_view> list(std::string_view prefix);

} // namespace iadesk::assets
