// Fuzz target: the CSV encoding decoder (decode_csv, include/iadesk/csv.hpp "Contract — encoding")
// on arbitrary bytes, and on texts encoded here as Windows-1252 and UTF-16 with this file's own
// tables and encoders (not the decoder's).
// Invariants:
// - Accepted: the text is valid UTF-8 without control characters other than tab, CR and LF.
//   Refused: an error with a CSV code, both messages, and no text. parse_csv agrees on the encoding.
// - Valid UTF-8 without control characters is accepted as UTF-8 and comes back byte for byte
//   (without its BOM).
// - A text from Windows-1252's repertoire, encoded as Windows-1252, decodes to the same text, unless
//   the bytes are valid UTF-8 (then they are UTF-8), start like a BOM, or hold a well-formed UTF-8
//   sequence of two or more bytes (then refused as mixed) - the detection rule of the contract.
// - Any text of Unicode scalar values (no controls) encoded as UTF-16 LE or BE with BOM decodes to
//   the same text.
#include "fuzz_check.hpp"

#include "iadesk/csv.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace iadesk;

namespace {

// Windows-1252 bytes 0x80-0x9F as code points (Unicode's CP1252.TXT); 0 = undefined.
constexpr uint32_t kHigh[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void put_utf8(std::string& out, uint32_t c) {
    if (c < 0x80) { out += static_cast<char>(c); return; }
    if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); }
    else if (c < 0x10000) { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); }
    else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
}

// Decodes one UTF-8 character at s[i] by its bit pattern; 0 when ill-formed (overlong, surrogate,
// above U+10FFFF, truncated).
std::size_t utf8_char(std::string_view s, std::size_t i, uint32_t& c) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    uint32_t min = 0;
    if (b0 < 0x80) { c = b0; return 1; }
    if ((b0 & 0xE0) == 0xC0) { n = 2; c = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { n = 3; c = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { n = 4; c = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return n;
}

bool is_control(uint32_t c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

struct Utf8Facts {
    bool valid = true;
    bool controls = false;
    bool multibyte = false; // a well-formed sequence of 2+ bytes starts somewhere
};

Utf8Facts facts(std::string_view s) {
    Utf8Facts f;
    for (std::size_t i = 0; i < s.size(); ++i) {
        uint32_t c = 0;
        const std::size_t n = utf8_char(s, i, c);
        if (n == 0) { f.valid = false; continue; }
        if (n > 1) f.multibyte = true;
        if (is_control(c)) f.controls = true;
        i += n - 1;
    }
    return f;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

void check_decoding(std::string_view bytes) {
    const CsvDecoded d = decode_csv(bytes);
    FUZZ_CHECK(parse_csv(bytes).encoding == d.encoding, "parse_csv finds the same encoding");
    if (d.encoding == CsvEncoding::refused) {
        FUZZ_CHECK(d.error.has_value(), "a refusal has an error");
        FUZZ_CHECK(d.error->code >= ProblemCode::csv_spreadsheet_file && d.error->code < ProblemCode::count_,
                   "a refusal has a CSV code");
        FUZZ_CHECK(!d.error->message_nb.empty() && !d.error->message_en.empty(), "a refusal has both messages");
        FUZZ_CHECK(d.text().empty(), "a refusal has no text");
        return;
    }
    FUZZ_CHECK(!d.error.has_value(), "no error when accepted");
    const Utf8Facts out = facts(d.text());
    FUZZ_CHECK(out.valid, "the decoded text is valid UTF-8");
    FUZZ_CHECK(!out.controls, "the decoded text has no control characters");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_decoding(input);

    // UTF-8 comes back byte for byte.
    const Utf8Facts in = facts(input);
    if (in.valid && !in.controls) {
        const CsvDecoded d = decode_csv(input);
        const bool bom = starts_with(input, "\xEF\xBB\xBF");
        FUZZ_CHECK(d.encoding == (bom ? CsvEncoding::utf8_bom : CsvEncoding::utf8), "valid UTF-8 is UTF-8");
        FUZZ_CHECK(d.text() == input.substr(bom ? 3 : 0), "UTF-8 comes back byte for byte");
    }

    // A text from Windows-1252's repertoire (each input byte picks a character), encoded by hand.
    std::string text, encoded;
    for (const char ch : input) {
        auto b = static_cast<unsigned char>(ch);
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') b = static_cast<unsigned char>(b + 0x40); // a letter
        if (b == 0x7F || (b >= 0x80 && b < 0xA0 && kHigh[b - 0x80] == 0)) b = 0xE5;  // å
        const uint32_t c = b >= 0x80 && b < 0xA0 ? kHigh[b - 0x80] : b;
        put_utf8(text, c);
        encoded += static_cast<char>(b);
    }
    check_decoding(encoded);
    const Utf8Facts enc = facts(encoded);
    const bool bom_like = starts_with(encoded, "\xFF\xFE") || starts_with(encoded, "\xFE\xFF") ||
                          starts_with(encoded, "\xEF\xBB\xBF");
    if (!enc.valid && !bom_like) {
        const CsvDecoded d = decode_csv(encoded);
        if (enc.multibyte) {
            FUZZ_CHECK(d.error && d.error->code == ProblemCode::csv_mixed_encoding, "UTF-8 sequences in Windows-1252: mixed");
        } else {
            FUZZ_CHECK(d.encoding == CsvEncoding::windows1252, "Windows-1252 is found");
            FUZZ_CHECK(d.text() == text, "Windows-1252 decodes to the text encoded");
        }
    }

    // Any scalar values (three input bytes each), encoded as UTF-16 with BOM, both byte orders.
    std::string u16_text, le = "\xFF\xFE", be = "\xFE\xFF";
    for (std::size_t i = 0; i + 2 < size; i += 3) {
        uint32_t c = (uint32_t(data[i]) << 16 | uint32_t(data[i + 1]) << 8 | data[i + 2]) % 0x110000;
        if (c >= 0xD800 && c <= 0xDFFF) c -= 0x800;
        if (is_control(c)) c += 0x40;
        put_utf8(u16_text, c);
        const auto unit = [&](uint32_t u) {
            le += static_cast<char>(u & 0xFF); le += static_cast<char>(u >> 8);
            be += static_cast<char>(u >> 8); be += static_cast<char>(u & 0xFF);
        };
        if (c < 0x10000) unit(c);
        else { unit(0xD800 + ((c - 0x10000) >> 10)); unit(0xDC00 + ((c - 0x10000) & 0x3FF)); }
    }
    for (const std::string* bytes : {&le, &be}) {
        const CsvDecoded d = decode_csv(*bytes);
        FUZZ_CHECK(d.encoding == (bytes == &le ? CsvEncoding::utf16le : CsvEncoding::utf16be), "UTF-16 with BOM is found");
        FUZZ_CHECK(d.text() == u16_text, "UTF-16 decodes to the text encoded");
    }
    return 0;
}
