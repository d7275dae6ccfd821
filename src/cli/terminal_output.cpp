// terminal_output: see terminal_output.hpp.
#include "cli/terminal_output.hpp"

namespace iadesk::cli {

bool TerminalSafeBuf::put(unsigned char c) {
    auto out = [this](char b) { return target_->sputc(b) != traits_type::eof(); };
    if (pending_c2_) {
        pending_c2_ = false;
        if (c >= 0x80 && c <= 0x9F) return out('?'); // U+0080-U+009F: a C1 control
        if (!out(static_cast<char>(0xC2))) return false;
    }
    if (c == 0xC2) {
        pending_c2_ = true;
        return true;
    }
    if (c == '\r') return true;
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return out('?');
    return out(static_cast<char>(c));
}

TerminalSafeBuf::int_type TerminalSafeBuf::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    return put(static_cast<unsigned char>(traits_type::to_char_type(ch))) ? ch : traits_type::eof();
}

std::streamsize TerminalSafeBuf::xsputn(const char* s, std::streamsize n) {
    for (std::streamsize i = 0; i < n; ++i)
        if (!put(static_cast<unsigned char>(s[i]))) return i;
    return n;
}

int TerminalSafeBuf::sync() {
    if (pending_c2_) { // the text ended after 0xC2 (not valid UTF-8 on its own): shown as it was
        pending_c2_ = false;
        target_->sputc(static_cast<char>(0xC2));
    }
    return target_->pubsync();
}

} // namespace iadesk::cli
