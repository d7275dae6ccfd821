// The one JSON writer of the saved document (src/core/json_out.hpp): what it writes for strings, numbers
// and dates, and that what it writes reads back (through the loader's own JSON reader) as the value.
#include "core/json_out.hpp"

#include "iadesk/dataset.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace iadesk;
using iadesk::detail_ds::StringSink;

namespace {
std::string as_json_string(std::string_view s) {
    std::string out;
    StringSink sink{out};
    detail_ds::put_json_string(sink, s);
    return out;
}
std::string as_json_number(double v) {
    std::string out;
    StringSink sink{out};
    detail_ds::put_json_number(sink, v);
    return out;
}
} // namespace

TEST_CASE("json_out: strings escape quotes, backslashes and control characters, keep UTF-8") {
    CHECK(as_json_string("Kari \"K\" Nordmann") == "\"Kari \\\"K\\\" Nordmann\"");
    CHECK(as_json_string("a\\b") == "\"a\\\\b\"");
    CHECK(as_json_string("linje 1\nlinje 2\r\tx") == "\"linje 1\\nlinje 2\\r\\tx\"");
    CHECK(as_json_string(std::string("\x1b[2J\x08\x0c", 6)) == "\"\\u001b[2J\\u0008\\u000c\"");
    CHECK(as_json_string("Ålesund – Tromsø 😀") == "\"Ålesund – Tromsø 😀\"");
}

TEST_CASE("json_out: each byte of invalid UTF-8 becomes U+FFFD, so the text always parses") {
    const std::string bad = std::string("a\xff", 2) + "b" + std::string("\xc3", 1) + // lone lead byte
                            std::string("\xed\xa0\x80", 3) +                          // a surrogate
                            std::string("\xe0\x80\x80", 3);                          // overlong
    const std::string written = as_json_string(bad);
    const auto back = nlohmann::json::parse(written, nullptr, false);
    REQUIRE_FALSE(back.is_discarded());
    const std::string r = "\xEF\xBF\xBD";
    CHECK(back.get<std::string>() == "a" + r + "b" + r + r + r + r + r + r + r);
}

TEST_CASE("json_out: numbers are whole when they are, else the shortest form that reads back") {
    CHECK(as_json_number(12) == "12");
    CHECK(as_json_number(-3) == "-3");
    CHECK(as_json_number(6.5) == "6.5");
    CHECK(as_json_number(0.1) == "0.1");
    CHECK(as_json_number(1.0 / 3.0) == "0.33333333333333331"); // 15 digits would read back as another double
    CHECK(as_json_number(1e300) == "1e+300");
    CHECK(as_json_number(std::nan("")) == "null");
    for (double v : {0.1, 2.0 / 3.0, 123456.789, 1e-7, 6.02214076e23})
        CHECK(std::stod(as_json_number(v)) == v);
}

TEST_CASE("json_out: dates are written YYYY-MM-DD") {
    std::string out;
    StringSink sink{out};
    detail_ds::put_json_date(sink, Date::from_ymd(2026, 1, 5));
    CHECK(out == "\"2026-01-05\"");
}
