// JsonSaxRecorder: every call nlohmann's SAX interface receives, as a line of text, to compare two
// readers event by event (tests/unit/test_json_fast.cpp, tests/fuzz/fuzz_json_fast.cpp). Floats
// are logged with 17 digits and their source text.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

struct JsonSaxRecorder final : nlohmann::json_sax<nlohmann::json> {
    using json = nlohmann::json;
    std::string log;
    bool null() override { log += "null\n"; return true; }
    bool boolean(bool v) override { log += v ? "true\n" : "false\n"; return true; }
    bool number_integer(number_integer_t v) override { log += "int " + std::to_string(v) + "\n"; return true; }
    bool number_unsigned(number_unsigned_t v) override { log += "uint " + std::to_string(v) + "\n"; return true; }
    bool number_float(number_float_t v, const string_t& s) override {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        log += "float " + std::string(buf) + " '" + s + "'\n";
        return true;
    }
    bool string(string_t& v) override { log += "string " + json(v).dump() + "\n"; return true; }
    bool binary(binary_t&) override { log += "binary\n"; return true; }
    bool start_object(std::size_t n) override { log += "{ " + std::to_string(n) + "\n"; return true; }
    bool key(string_t& v) override { log += "key " + json(v).dump() + "\n"; return true; }
    bool end_object() override { log += "}\n"; return true; }
    bool start_array(std::size_t n) override { log += "[ " + std::to_string(n) + "\n"; return true; }
    bool end_array() override { log += "]\n"; return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        log += "error\n";
        return false;
    }
};
