// json_fast: a quicker reader for the JSON that nlohmann's parser accepts, feeding the same SAX
// events, for loading large datasets (docs/performance.md: nlohmann's lexer was ~40 % of a load).
//
// Contract
// - fast_sax_parse(text, sax) returns true only when nlohmann::json::sax_parse(text, &sax) (strict,
//   RFC 8259 JSON) would accept `text`, and then it has made exactly the calls that parser makes:
//   the same events in the same order with the same values (numbers classified as nlohmann does:
//   integer, unsigned or float, integers too large for 64 bits as float; the float's text too;
//   containers with size -1). A UTF-8 byte order mark at the start is skipped, as nlohmann does.
// - It returns false for anything else, and also for some JSON it does not handle (a handler
//   returning false, nesting deeper than kMaxDepth); `sax` may then have seen a prefix of the
//   events. The caller starts over with nlohmann's parser, which gives its own error message.
// - It never calls sax.parse_error, never throws (but for std::bad_alloc) and never recurses.
// Checked against nlohmann's parser event by event: tests/unit/test_json_fast.cpp and the fuzz
// target tests/fuzz/fuzz_json_fast.cpp.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string_view>

namespace iadesk::detail_ds {

inline constexpr std::size_t kFastJsonMaxDepth = 512;

bool fast_sax_parse(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax);

// The same, calling `passed` (when not null) now and then, every 8 MB or so, with the offset the
// reader has passed: it does not look at the bytes before it again. The events are the same.
bool fast_sax_parse(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax,
                    const std::function<void(std::size_t)>* passed);

} // namespace iadesk::detail_ds
