// json_fast: see json_fast.hpp for the contract. The grammar and the checks follow nlohmann's
// lexer and parser (nlohmann/detail/input/lexer.hpp, parser.hpp, 3.11): RFC 8259 JSON, strict
// (nothing but whitespace after the value), UTF-8 checked byte by byte with the same ranges,
// \u escapes with surrogate pairs, numbers through the same strtoull/strtoll/strtod calls.
// Any doubt returns false and the caller asks nlohmann.
#include "json_fast.hpp"

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace iadesk::detail_ds {
namespace {

using json = nlohmann::json;
using Sax = nlohmann::json_sax<json>;
constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);

// Bytes a string can copy as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> plain_bytes() {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return t;
}
constexpr std::array<bool, 256> kPlain = plain_bytes();

class Reader {
public:
    Reader(std::string_view text, Sax& sax, const std::function<void(std::size_t)>* passed)
        : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()), sax_(sax),
          begin_(p_), passed_(passed), next_hint_(passed ? step_from(p_) : nullptr) {}

    bool document() {
        if (end_ - p_ >= 1 && p_[0] == 0xEF) { // a byte order mark, or nlohmann's error
            if (end_ - p_ < 3 || p_[1] != 0xBB || p_[2] != 0xBF) return false;
            p_ += 3;
        }
        // Containers open: true = array, false = object (as nlohmann's parser keeps them).
        // (Bytes, not std::vector<bool>: its bit operations were measurable in the loop below.)
        std::vector<unsigned char> open;
        open.reserve(64);
        for (;;) {
            // A value.
            skip_space();
            if (p_ == end_) return false;
            switch (*p_) {
            case '{':
                ++p_;
                if (next_hint_ && p_ >= next_hint_) hint();
                if (!sax_.start_object(kUnknownSize)) return false;
                skip_space();
                if (p_ != end_ && *p_ == '}') {
                    ++p_;
                    if (!sax_.end_object()) return false;
                    break;
                }
                if (open.size() >= kFastJsonMaxDepth || !member_key()) return false;
                open.push_back(false);
                continue;
            case '[':
                ++p_;
                if (!sax_.start_array(kUnknownSize)) return false;
                skip_space();
                if (p_ != end_ && *p_ == ']') {
                    ++p_;
                    if (!sax_.end_array()) return false;
                    break;
                }
                if (open.size() >= kFastJsonMaxDepth) return false;
                open.push_back(true);
                continue;
            case '"':
                ++p_;
                if (!string(text_) || !sax_.string(text_)) return false;
                break;
            case 't':
                if (!literal("true") || !sax_.boolean(true)) return false;
                break;
            case 'f':
                if (!literal("false") || !sax_.boolean(false)) return false;
                break;
            case 'n':
                if (!literal("null") || !sax_.null()) return false;
                break;
            default:
                if (!number()) return false;
                break;
            }
            // After a value: close containers, or go on to the next element or member.
            for (;;) {
                skip_space();
                if (open.empty()) return p_ == end_;
                if (p_ == end_) return false;
                const unsigned char c = *p_++;
                if (c == ',') {
                    if (!open.back()) {
                        skip_space();
                        if (!member_key()) return false;
                    }
                    break; // the next value
                }
                if (c == (open.back() ? ']' : '}')) {
                    if (!(open.back() ? sax_.end_array() : sax_.end_object())) return false;
                    open.pop_back();
                    continue;
                }
                return false;
            }
        }
    }

private:
    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    // `"key" :` at p_ (after whitespace); the key goes to the handler.
    bool member_key() {
        if (p_ == end_ || *p_ != '"') return false;
        ++p_;
        if (!string(text_) || !sax_.key(text_)) return false;
        skip_space();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        return true;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size()) return false;
        for (char c : word)
            if (*p_++ != static_cast<unsigned char>(c)) return false;
        return true;
    }

    // The bytes of a string after its opening quote, decoded into `out`.
    bool string(std::string& out) {
        out.clear();
        for (;;) {
            const unsigned char* run = p_;
            while (p_ != end_ && kPlain[*p_]) ++p_;
            out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p_ - run));
            if (p_ == end_) return false;
            const unsigned char c = *p_++;
            if (c == '"') return true;
            if (c == '\\') {
                if (!escape(out)) return false;
                continue;
            }
            // UTF-8 outside ASCII, with nlohmann's ranges (control characters are refused).
            std::size_t more = 0;
            unsigned char lo = 0x80, hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) more = 1;
            else if (c == 0xE0) more = 2, lo = 0xA0;
            else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) more = 2;
            else if (c == 0xED) more = 2, hi = 0x9F;
            else if (c == 0xF0) more = 3, lo = 0x90;
            else if (c >= 0xF1 && c <= 0xF3) more = 3;
            else if (c == 0xF4) more = 3, hi = 0x8F;
            else return false;
            if (static_cast<std::size_t>(end_ - p_) < more) return false;
            if (p_[0] < lo || p_[0] > hi) return false;
            for (std::size_t k = 1; k < more; ++k)
                if (p_[k] < 0x80 || p_[k] > 0xBF) return false;
            out.push_back(static_cast<char>(c));
            out.append(reinterpret_cast<const char*>(p_), more);
            p_ += more;
        }
    }

    bool escape(std::string& out) {
        if (p_ == end_) return false;
        switch (*p_++) {
        case '"': out.push_back('"'); return true;
        case '\\': out.push_back('\\'); return true;
        case '/': out.push_back('/'); return true;
        case 'b': out.push_back('\b'); return true;
        case 'f': out.push_back('\f'); return true;
        case 'n': out.push_back('\n'); return true;
        case 'r': out.push_back('\r'); return true;
        case 't': out.push_back('\t'); return true;
        case 'u': break;
        default: return false;
        }
        long cp = hex4();
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) { // a high surrogate: the low one must follow
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            const long low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp <= 0x7FF) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp <= 0xFFFF) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        return true;
    }

    // Four hex digits; -1 if they are not.
    long hex4() {
        if (end_ - p_ < 4) return -1;
        long v = 0;
        for (int k = 0; k < 4; ++k) {
            const unsigned char c = *p_++;
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else return -1;
            v = v * 16 + d;
        }
        return v;
    }

    static bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, classified and converted as nlohmann does.
    bool number() {
        const unsigned char* start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_ || !digit(*p_)) return false;
        if (*p_ == '0') ++p_;
        else while (p_ != end_ && digit(*p_)) ++p_;
        bool is_float = false;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (p_ == end_ || !digit(*p_)) return false;
            while (p_ != end_ && digit(*p_)) ++p_;
            is_float = true;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !digit(*p_)) return false;
            while (p_ != end_ && digit(*p_)) ++p_;
            is_float = true;
        }
        const std::size_t length = static_cast<std::size_t>(p_ - start);
        const std::size_t digits = length - (negative ? 1 : 0);
        if (!is_float && digits <= 18) { // fits in 64 bits whatever the digits: no strtoll needed
            std::uint64_t v = 0;
            for (const unsigned char* q = start + (negative ? 1 : 0); q != p_; ++q) v = v * 10 + (*q - '0');
            return negative ? sax_.number_integer(-static_cast<std::int64_t>(v)) : sax_.number_unsigned(v);
        }
        number_text_.assign(reinterpret_cast<const char*>(start), length); // NUL-terminated for strto*
        char* stop = nullptr;
        if (!is_float) {
            errno = 0;
            if (negative) {
                const long long x = std::strtoll(number_text_.c_str(), &stop, 10);
                if (errno == 0) return sax_.number_integer(static_cast<std::int64_t>(x));
            } else {
                const unsigned long long x = std::strtoull(number_text_.c_str(), &stop, 10);
                if (errno == 0) return sax_.number_unsigned(static_cast<std::uint64_t>(x));
            }
        }
        const double d = std::strtod(number_text_.c_str(), &stop);
        if (!std::isfinite(d)) return false; // nlohmann: "number overflow"
        return sax_.number_float(d, number_text_);
    }

    static constexpr std::ptrdiff_t kHintStep = 8 << 20;
    // The next place to call `passed_` at, or null when less than a step is left.
    const unsigned char* step_from(const unsigned char* p) const { return end_ - p > kHintStep ? p + kHintStep : nullptr; }
    void hint() {
        (*passed_)(static_cast<std::size_t>(p_ - begin_));
        next_hint_ = step_from(p_);
    }

    const unsigned char* p_;
    const unsigned char* end_;
    Sax& sax_;
    const unsigned char* begin_;
    const std::function<void(std::size_t)>* passed_;
    const unsigned char* next_hint_; // null without `passed_`
    std::string text_;        // the current string or key (handed to the handler, which may move it)
    std::string number_text_; // the current number's text
};

} // namespace

bool fast_sax_parse(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax) {
    return Reader(text, sax, nullptr).document();
}

bool fast_sax_parse(std::string_view text, nlohmann::json_sax<nlohmann::json>& sax,
                    const std::function<void(std::size_t)>* passed) {
    return Reader(text, sax, passed).document();
}

} // namespace iadesk::detail_ds
