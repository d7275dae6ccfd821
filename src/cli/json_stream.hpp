// json_stream: JSON output written as it is produced, byte for byte what
// nlohmann::ordered_json::dump(2, ' ', false, error_handler_t::replace) writes for the same values
// (nlohmann/detail/output/serializer.hpp, 3.11), without building the tree first. `iadesk cases
// --json` at 200 000 employees built a tree of 1.3 million cases: 4.8 GB and 23 s.
//
// Contract
// - Layout as nlohmann's with indent 2: "[" or "{", then each element on its own line indented two
//   spaces per level, "key": value with one space, elements separated by ",", the closing bracket
//   on its own line at the parent's indent; an empty array or object as "[]" or "{}".
// - Strings: '"' and '\' escaped, \b \f \n \r \t as such, other bytes below 0x20 as \u00xx
//   (lowercase hex), everything else as it is. That is nlohmann's output for valid UTF-8, which
//   is all a loaded dataset holds (load_dataset refuses anything else); a string that is not valid
//   UTF-8 is not supported here.
// - Integers in decimal. No floating-point numbers (not needed by the verbs that use it).
// - Output goes to the stream in pieces of ~64 KB; the caller checks the stream.
#pragma once

#include "iadesk/calendar.hpp"

#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::cli {

class JsonStream {
public:
    explicit JsonStream(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
    ~JsonStream() { flush(); }
    JsonStream(const JsonStream&) = delete;
    JsonStream& operator=(const JsonStream&) = delete;

    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    // A member's name; its value follows with the next call.
    void key(std::string_view k) {
        element();
        put_string(k);
        buf_.append(": ", 2);
        after_key_ = true;
    }
    void string(std::string_view s) {
        element();
        put_string(s);
    }
    // A date as format_iso writes it ("YYYY-MM-DD"), without snprintf for years 0-9999.
    void date(Date d) {
        element();
        const CivilDate c = d.civil();
        if (c.year < 0 || c.year > 9999) {
            put_string(format_iso(d));
            return;
        }
        const int y = c.year, m = c.month, day = c.day;
        const char b[12] = {'"', static_cast<char>('0' + y / 1000 % 10), static_cast<char>('0' + y / 100 % 10),
                            static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                            static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                            static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10), '"'};
        buf_.append(b, sizeof b);
    }
    void integer(long long v) {
        element();
        char b[24];
        const auto r = std::to_chars(b, b + sizeof b, v);
        buf_.append(b, static_cast<std::size_t>(r.ptr - b));
    }
    void null() {
        element();
        buf_.append("null", 4);
    }
    void boolean(bool v) {
        element();
        if (v) buf_.append("true", 4);
        else buf_.append("false", 5);
    }
    void newline() { buf_.push_back('\n'); }
    void flush() {
        out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
    }

private:
    static constexpr std::size_t kFlushAt = 64 * 1024;

    // Before a value or a key: the separator and indent its place needs.
    void element() {
        if (after_key_) { // the value of a member: on the key's line
            after_key_ = false;
            return;
        }
        if (!first_.empty()) {
            if (first_.back()) {
                buf_.push_back('\n');
                first_.back() = false;
            } else {
                buf_.append(",\n", 2);
            }
            buf_.append(2 * first_.size(), ' ');
        }
        if (buf_.size() >= kFlushAt) flush();
    }
    void open(char c) {
        element();
        buf_.push_back(c);
        first_.push_back(true);
    }
    void close(char c) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) {
            buf_.push_back('\n');
            buf_.append(2 * first_.size(), ' ');
        }
        buf_.push_back(c);
    }
    void put_string(std::string_view s) {
        buf_.push_back('"');
        std::size_t i = 0;
        for (;;) {
            const std::size_t run = i; // bytes written as they are, appended at once
            while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 && s[i] != '"' && s[i] != '\\') ++i;
            buf_.append(s.data() + run, i - run);
            if (i == s.size()) break;
            const unsigned char c = static_cast<unsigned char>(s[i++]);
            switch (c) {
            case '"': buf_.append("\\\"", 2); break;
            case '\\': buf_.append("\\\\", 2); break;
            case '\b': buf_.append("\\b", 2); break;
            case '\f': buf_.append("\\f", 2); break;
            case '\n': buf_.append("\\n", 2); break;
            case '\r': buf_.append("\\r", 2); break;
            case '\t': buf_.append("\\t", 2); break;
            default:
                if (c < 0x20) {
                    static constexpr char kHex[] = "0123456789abcdef";
                    const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    buf_.append(esc, sizeof esc);
                }
            }
        }
        buf_.push_back('"');
    }

    std::ostream& out_;
    std::string buf_;
    std::vector<bool> first_; // per open array/object: no element written yet
    bool after_key_ = false;
};

} // namespace iadesk::cli
