// json_out: how the saved document writes JSON values, in one place. Both writers of the file use it:
// the streaming Writer of save_dataset (dataset_save.cpp, its own buffer for speed in WebAssembly) and
// JsonOut (json_fields.hpp) for the members built as parts (plans, goals, half-year reports, change log).
//
// Contract (the canonical form that save_dataset promises to write byte for byte again):
// - Strings: '"' and '\' escaped, \n \r \t as such, other control characters as \u00xx; valid UTF-8
//   is written as it is; each byte of invalid UTF-8 (possible only in a document built in memory, since
//   load_dataset refuses it) becomes U+FFFD, so the output always parses.
// - Numbers: whole numbers below 10^15 as integers; others in the shortest of %.15g and %.17g that
//   reads back to the same double (std::to_chars for double is missing from Emscripten 3.1.6's
//   libc++); NaN and infinities as null.
// - Dates: "YYYY-MM-DD".
// A Sink has raw(const char*, std::size_t) and ch(char).
#pragma once

#include "iadesk/calendar.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace iadesk::detail_ds {

// Length of a valid UTF-8 sequence at s[i] (lead byte >= 0x80), or 0 (overlong, surrogate, beyond
// U+10FFFF, cut off).
inline std::size_t valid_utf8_length(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c >= 0xF0 ? (c <= 0xF4 ? 4 : 0) : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0; // overlong
    if (c == 0xED && c1 >= 0xA0) return 0; // surrogates
    if (c == 0xF0 && c1 < 0x90) return 0; // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0; // > U+10FFFF
    return len;
}

template <class Sink>
void put_json_string(Sink& out, std::string_view s) {
    out.ch('"');
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        // Fast path: a run of printable ASCII that needs no escaping.
        std::size_t run = i;
        while (run < n) {
            const unsigned char c = static_cast<unsigned char>(s[run]);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
            ++run;
        }
        if (run > i) {
            out.raw(s.data() + i, run - i);
            i = run;
            if (i == n) break;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out.ch('\\');
            out.ch(static_cast<char>(c));
            ++i;
        } else if (c < 0x20) {
            switch (c) {
            case '\n': out.raw("\\n", 2); break;
            case '\r': out.raw("\\r", 2); break;
            case '\t': out.raw("\\t", 2); break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                out.raw(esc, sizeof esc);
            }
            }
            ++i;
        } else if (const std::size_t len = valid_utf8_length(s, i); len == 0) {
            out.raw("\xEF\xBF\xBD", 3);
            ++i;
        } else {
            out.raw(s.data() + i, len);
            i += len;
        }
    }
    out.ch('"');
}

template <class Sink>
void put_json_integer(Sink& out, long long v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.raw(buf, static_cast<std::size_t>(r.ptr - buf));
}

template <class Sink>
void put_json_number(Sink& out, double v) {
    if (!std::isfinite(v)) { out.raw("null", 4); return; }
    if (v == static_cast<double>(static_cast<long long>(v)) && v > -1e15 && v < 1e15) {
        put_json_integer(out, static_cast<long long>(v));
        return;
    }
    char buf[32];
    int len = std::snprintf(buf, sizeof buf, "%.15g", v);
    if (std::strtod(buf, nullptr) != v) len = std::snprintf(buf, sizeof buf, "%.17g", v);
    out.raw(buf, static_cast<std::size_t>(len));
}

template <class Sink>
void put_json_date(Sink& out, Date d) {
    const CivilDate c = d.civil();
    const int y = c.year, m = c.month, day = c.day;
    if (y < 0 || y > 9999) { // not a date a record can hold; written as format_iso does
        const std::string iso = format_iso(d);
        out.ch('"');
        out.raw(iso.data(), iso.size());
        out.ch('"');
        return;
    }
    const char buf[12] = {'"', static_cast<char>('0' + y / 1000 % 10), static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                          static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                          static_cast<char>('0' + day / 10), static_cast<char>('0' + day % 10), '"'};
    out.raw(buf, sizeof buf);
}

// A Sink that appends to a std::string.
struct StringSink {
    std::string& s;
    void raw(const char* p, std::size_t n) { s.append(p, n); }
    void ch(char c) { s.push_back(c); }
};

} // namespace iadesk::detail_ds
