// The CLI's streamed JSON output (src/cli/json_stream.hpp) writes what nlohmann's dump(2) wrote
// from a tree: the verbs' output stays byte for byte the same.
#include "cli/json_stream.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using namespace iadesk;
using nlohmann::ordered_json;

namespace {

std::string dumped(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::replace); }

// `j` written through JsonStream, value by value (what the verbs do by hand).
void write(cli::JsonStream& w, const ordered_json& j) {
    switch (j.type()) {
    case ordered_json::value_t::array:
        w.begin_array();
        for (const auto& e : j) write(w, e);
        w.end_array();
        break;
    case ordered_json::value_t::object:
        w.begin_object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            w.key(it.key());
            write(w, it.value());
        }
        w.end_object();
        break;
    case ordered_json::value_t::string: w.string(j.get_ref<const std::string&>()); break;
    case ordered_json::value_t::boolean: w.boolean(j.get<bool>()); break;
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned: w.integer(j.get<long long>()); break;
    default: w.null(); break;
    }
}

std::string streamed(const ordered_json& j) {
    std::ostringstream s;
    {
        cli::JsonStream w(s);
        write(w, j);
    }
    return s.str();
}

} // namespace

TEST_CASE("json stream: the bytes of nlohmann's dump(2)") {
    const ordered_json cases[] = {
        ordered_json::array(),
        ordered_json::object(),
        ordered_json::array({ordered_json::array(), ordered_json::object(), 1, -7, nullptr, true, false}),
        ordered_json{{"b", 1}, {"a", ordered_json::array({"x"})}, {"empty", ordered_json::array()}, {"o", {{"k", nullptr}}}},
        ordered_json::array({ordered_json{{"employee", "E\"1\\\t\n\r\b\f\x01\x1f\x7f åø €"}, {"n", 1234567890123LL}}}),
    };
    for (const ordered_json& j : cases) {
        CAPTURE(dumped(j));
        CHECK(streamed(j) == dumped(j));
    }
    // Large enough to be written in several pieces.
    ordered_json big = ordered_json::array();
    for (int i = 0; i < 20000; ++i) big.push_back({{"i", i}, {"s", "v" + std::to_string(i)}, {"notes", {"a", "b"}}});
    CHECK(streamed(big) == dumped(big));
}

TEST_CASE("json stream: dates as format_iso writes them") {
    std::ostringstream s;
    {
        cli::JsonStream w(s);
        w.begin_array();
        w.date(Date::from_ymd(2026, 2, 28));
        w.date(Date::from_ymd(1900, 1, 1));
        w.date(Date::from_ymd(12000, 12, 31));
        w.end_array();
    }
    const ordered_json expected = ordered_json::array({format_iso(Date::from_ymd(2026, 2, 28)), "1900-01-01",
                                                       format_iso(Date::from_ymd(12000, 12, 31))});
    CHECK(s.str() == dumped(expected));
}
