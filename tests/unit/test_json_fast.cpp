// The fast JSON reader (src/core/json_fast.hpp) against nlohmann's SAX parser, event by event:
// what it accepts, nlohmann accepts with the same events; what nlohmann refuses, it refuses; and
// the JSON iadesk writes (the example datasets, a generated one) it reads itself, so loads take
// the fast path.
#include "core/json_fast.hpp"
#include "json_sax_recorder.hpp"
#include "test_util.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/generate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;

struct Both {
    bool fast_ok, nlohmann_ok;
    std::string fast_log, nlohmann_log;
};

Both read_both(std::string_view text) {
    JsonSaxRecorder fast, slow;
    Both b;
    b.fast_ok = iadesk::detail_ds::fast_sax_parse(text, fast);
    b.nlohmann_ok = json::sax_parse(text, &slow);
    b.fast_log = fast.log;
    b.nlohmann_log = slow.log;
    return b;
}

// Accepted by both, with the same events.
void same(std::string_view text) {
    CAPTURE(text);
    const Both b = read_both(text);
    CHECK(b.nlohmann_ok);
    CHECK(b.fast_ok);
    CHECK(b.fast_log == b.nlohmann_log);
}

// Refused by nlohmann, so by the fast reader too.
void refused(std::string_view text) {
    CAPTURE(text);
    const Both b = read_both(text);
    CHECK_FALSE(b.nlohmann_ok);
    CHECK_FALSE(b.fast_ok);
}

} // namespace

TEST_CASE("json_fast: values, containers and whitespace give nlohmann's events") {
    same("{}");
    same("[]");
    same(" \t\r\n{ \"a\" : [ 1 , 2 , { } , [ ] ] , \"b\" : { \"c\" : null } } \n");
    same("true");
    same("false");
    same("null");
    same("\"text\"");
    same("[true,false,null,\"\",\"x\"]");
    same("{\"a\":1,\"a\":2}"); // a repeated key is the handler's business
    same("\xEF\xBB\xBF{\"bom\":true}");
}

TEST_CASE("json_fast: numbers are classified and converted as nlohmann does") {
    for (const char* n : {"0", "-0", "7", "-7", "123456789012345678", "-123456789012345678",
                          "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                          "18446744073709551615", "18446744073709551616", "-9223372036854775809",
                          "99999999999999999999999", "1.5", "-0.0", "0.1", "1e5", "1E+5", "1e-7",
                          "2.5e-308", "4.9e-324", "1.7976931348623157e308", "123.456e2", "1e-400",
                          "0.30000000000000004"})
        same(std::string("[") + n + "]");
    refused("[1e400]");   // overflow: nlohmann's "number overflow"
    refused("[-1e400]");
    refused("[01]");
    refused("[1.]");
    refused("[.5]");
    refused("[+1]");
    refused("[1e]");
    refused("[1e+]");
    refused("[-]");
    refused("[--1]");
    refused("[0x10]");
    refused("[NaN]");
    refused("[Infinity]");
}

TEST_CASE("json_fast: strings, escapes and UTF-8 as nlohmann checks them") {
    same("[\"Blåbærsyltetøy – «test» 😀\"]");
    same(R"(["\" \\ \/ \b \f \n \r \t"])");
    same(R"(["\u0041\u00e5\u00C5\u20ac\ud83d\ude00\u0000"])");
    same("{\"n\u00f8kkel\":\"v\"}");
    same("[\"\x7f\"]");
    refused(R"(["\ud83d"])");         // a high surrogate alone
    refused(R"(["\ude00"])");         // a low surrogate alone
    refused(R"(["\ud83d\u0041"])");   // a high surrogate followed by something else
    refused(R"(["\x"])");
    refused(R"(["\u12"])");
    refused(R"(["\u12G4"])");
    refused("[\"tab\tinside\"]");     // control characters must be escaped
    refused(std::string("[\"nul\0\"]", 8));
    refused("[\"\xC0\xAF\"]");         // overlong
    refused("[\"\xC3\"]");             // cut off
    refused("[\"\xE0\x80\x80\"]");     // overlong three bytes
    refused("[\"\xED\xA0\x80\"]");     // an encoded surrogate
    refused("[\"\xF4\x90\x80\x80\"]"); // past U+10FFFF
    refused("[\"\xF5\x80\x80\x80\"]");
    refused("[\"\x80\"]");
    refused("[\"unterminated");
}

TEST_CASE("json_fast: what is not JSON is refused (and nlohmann words the error)") {
    for (const char* t : {"", " ", "{", "}", "[", "]", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}",
                          "{a:1}", "{\"a\":1,}", "{,}", "[1 2]", "{} {}", "{}x", "tru", "nul", "True",
                          "[true false]", "'text'", "\xEF\xBB{}", "\xEF{}", "/* comment */ {}"})
        refused(t);
}

TEST_CASE("json_fast: declines, without being wrong, what it leaves to nlohmann") {
    // nlohmann takes a NUL byte for the end of the input; the fast reader declines.
    const std::string nul_end("{}\0trailing", 11);
    JsonSaxRecorder fast;
    CHECK_FALSE(iadesk::detail_ds::fast_sax_parse(nul_end, fast));
    // Deeper than kFastJsonMaxDepth: declined; nlohmann reads it.
    const std::string deep = std::string(600, '[') + std::string(600, ']');
    const Both b = read_both(deep);
    CHECK(b.nlohmann_ok);
    CHECK_FALSE(b.fast_ok);
    same(std::string(500, '[') + std::string(500, ']'));
}

TEST_CASE("json_fast: the datasets iadesk writes take the fast path, with nlohmann's events") {
    for (const char* name : {"examples/fjordvik-small.json", "examples/fjordvik-generated.json"}) {
        CAPTURE(name);
        const std::string text = read_text(std::string(IADESK_SOURCE_DIR) + "/" + name);
        REQUIRE(text.size() > 1000);
        same(text);
    }
    iadesk::GenerateOptions opt;
    opt.employees = 300;
    opt.seed = 7;
    same(iadesk::save_dataset(iadesk::generate_dataset(opt)));
}
