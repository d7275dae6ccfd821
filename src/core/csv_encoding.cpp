// csv_encoding: finding a CSV file's encoding and converting it to UTF-8 (csv.hpp, "Contract —
// encoding"). Sources: The Unicode Standard, table 3-7 (well-formed UTF-8) and section 3.9 (UTF-16);
// the Windows-1252 code page as published by Unicode (MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
#include "csv_internal.hpp"

#include <cstdint>
#include <cstdio>

namespace iadesk {

namespace {

using detail_csv::csv_error;

// Windows-1252 bytes 0x80-0x9F; 0 = undefined. 0xA0-0xFF are U+00A0-U+00FF.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, // 98-9F
};

bool is_control(char32_t c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The length of the well-formed UTF-8 sequence at s[i] (table 3-7), 0 when ill-formed; its code
// point in `cp`.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) { cp = c; return 1; }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return 0;
    if (i + len > s.size() || b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((b(k) & 0xC0) != 0x80) return 0;
    cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (b(k) & 0x3F);
    return len;
}

// Where a character is: LF, CR and CRLF each end a line (as the reader counts), 1-based.
struct Place {
    std::size_t line = 1, column = 1;
    bool after_cr = false;

    void pass(char32_t c) {
        if (c == '\n' && after_cr) { after_cr = false; return; } // the LF of a CRLF
        after_cr = c == '\r';
        if (c == '\n' || c == '\r') { ++line; column = 1; }
        else ++column;
    }
};

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

std::string code_point(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

// A control character at `at`: NUL has its own message (a sign of UTF-16 without BOM).
CsvRowError control_error(const Place& at, const std::string& code, bool nul) {
    if (nul) return csv_error(at.line, {}, ProblemCode::csv_nul_byte, {{"position", at.column}});
    return csv_error(at.line, {}, ProblemCode::csv_control_byte, {{"code", code}, {"position", at.column}});
}

CsvDecoded refuse(CsvRowError e) {
    CsvDecoded d;
    d.encoding = CsvEncoding::refused;
    d.error = std::move(e);
    return d;
}

// What one pass over UTF-8-or-not bytes found.
struct Utf8Scan {
    bool valid = true;
    std::size_t invalid_at = 0;   // the first ill-formed byte
    Place invalid_place;
    std::optional<Place> control; // the first control character before invalid_at
    unsigned char control_byte = 0;
    std::optional<std::size_t> multibyte_line; // line of the first well-formed sequence of 2+ bytes,
                                               // also after ill-formed bytes (a mixed file)
};

Utf8Scan scan_utf8(std::string_view s) {
    Utf8Scan r;
    Place at;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t len = utf8_sequence(s, i, cp);
        if (len == 0) {
            if (r.valid) {
                r.valid = false;
                r.invalid_at = i;
                r.invalid_place = at;
            }
            if (r.multibyte_line) return r; // all a caller needs: the file is neither
            cp = static_cast<unsigned char>(s[i]); // a byte of 0x80 or more: never a line end
            len = 1;
        } else {
            if (r.valid && !r.control && is_control(cp)) { r.control = at; r.control_byte = static_cast<unsigned char>(cp); }
            if (len > 1 && !r.multibyte_line) r.multibyte_line = at.line;
        }
        at.pass(cp);
        i += len;
    }
    return r;
}

CsvDecoded decode_utf16(std::string_view s, bool big_endian) {
    CsvDecoded d;
    d.encoding = big_endian ? CsvEncoding::utf16be : CsvEncoding::utf16le;
    d.converted.reserve(s.size() / 2 * 3 / 2 + 8);
    const auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        return big_endian ? (char32_t(a) << 8 | b) : (char32_t(b) << 8 | a);
    };
    Place at;
    std::size_t i = 0;
    for (; i + 1 < s.size(); i += 2) {
        char32_t c = unit(i);
        if (c >= 0xD800 && c <= 0xDFFF) {
            const char32_t low = c <= 0xDBFF && i + 3 < s.size() ? unit(i + 2) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                return refuse(csv_error(at.line, {}, ProblemCode::csv_utf16_surrogate,
                                        {{"code", code_point(c)}, {"position", at.column}}));
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        if (is_control(c)) return refuse(control_error(at, code_point(c), c == 0));
        append_utf8(d.converted, c);
        at.pass(c);
    }
    if (i < s.size()) return refuse(csv_error(at.line, {}, ProblemCode::csv_utf16_odd));
    return d;
}

// Bytes that are not UTF-8: Windows-1252, unless a byte rules it out or the file mixes encodings.
CsvDecoded decode_windows1252(std::string_view s, const Utf8Scan& utf8) {
    CsvDecoded d;
    d.encoding = CsvEncoding::windows1252;
    d.converted.reserve(s.size() + s.size() / 8 + 8);
    Place at;
    for (const char ch : s) {
        const auto b = static_cast<unsigned char>(ch);
        const char32_t c = b >= 0x80 && b < 0xA0 ? kCp1252High[b - 0x80] : char32_t(b);
        if (b >= 0x80 && c == 0)
            return refuse(csv_error(at.line, {}, ProblemCode::csv_byte_undefined,
                                    {{"byte", hex_byte(b)}, {"position", at.column}}));
        if (is_control(c)) return refuse(control_error(at, hex_byte(b), b == 0));
        append_utf8(d.converted, c);
        at.pass(c);
    }
    if (utf8.multibyte_line)
        return refuse(csv_error(utf8.invalid_place.line, {}, ProblemCode::csv_mixed_encoding,
                                {{"byte", hex_byte(static_cast<unsigned char>(s[utf8.invalid_at]))},
                                 {"utf8_line", *utf8.multibyte_line}}));
    return d;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

} // namespace

std::string_view csv_encoding_name(CsvEncoding e) {
    switch (e) {
    case CsvEncoding::utf8: return "UTF-8";
    case CsvEncoding::utf8_bom: return "UTF-8 (BOM)";
    case CsvEncoding::utf16le: return "UTF-16 LE";
    case CsvEncoding::utf16be: return "UTF-16 BE";
    case CsvEncoding::windows1252: return "Windows-1252";
    case CsvEncoding::refused: break;
    }
    return "";
}

bool csv_encoding_converted(CsvEncoding e) {
    return e == CsvEncoding::utf16le || e == CsvEncoding::utf16be || e == CsvEncoding::windows1252;
}

CsvDecoded decode_csv(std::string_view bytes) {
    using namespace std::literals;
    if (starts_with(bytes, "PK\x03\x04"sv) || starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv))
        return refuse(csv_error(0, {}, ProblemCode::csv_spreadsheet_file));
    if (starts_with(bytes, "\xFF\xFE"sv)) return decode_utf16(bytes.substr(2), false);
    if (starts_with(bytes, "\xFE\xFF"sv)) return decode_utf16(bytes.substr(2), true);
    const bool bom = starts_with(bytes, "\xEF\xBB\xBF"sv);
    const std::string_view s = bom ? bytes.substr(3) : bytes;
    const Utf8Scan scan = scan_utf8(s);
    if (scan.control) return refuse(control_error(*scan.control, hex_byte(scan.control_byte), scan.control_byte == 0));
    if (scan.valid) {
        CsvDecoded d;
        d.encoding = bom ? CsvEncoding::utf8_bom : CsvEncoding::utf8;
        d.unconverted = s;
        return d;
    }
    if (bom)
        return refuse(csv_error(scan.invalid_place.line, {}, ProblemCode::csv_utf8_invalid,
                                {{"byte", hex_byte(static_cast<unsigned char>(s[scan.invalid_at]))},
                                 {"position", scan.invalid_place.column}}));
    return decode_windows1252(s, scan);
}

} // namespace iadesk
