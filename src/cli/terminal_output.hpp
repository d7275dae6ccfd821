// terminal_output: what the CLI writes to a terminal never acts on it. Names and notes come from
// the data, and a name like "Kari\x1b[2J" would otherwise clear the user's screen, move the
// cursor or retitle the window (an escape sequence is control characters followed by text).
//
// Contract
// - TerminalSafeBuf forwards every byte to the wrapped buffer except control characters: C0
//   (0x00-0x1F) other than line feed and tab, DEL (0x7F) and the C1 controls U+0080-U+009F (UTF-8
//   0xC2 0x80-0x9F, which some terminals read as escape sequences) each become "?"; a carriage
//   return is dropped (a CRLF line end looks the same on a terminal; a lone CR could overwrite
//   the line). Everything else, UTF-8 included, passes unchanged.
// - main.cpp wraps std::cout and std::cerr only when they are terminals (isatty): output to a file
//   or a pipe (--json, CSV, HTML) stays byte for byte what the verb wrote.
#pragma once

#include <streambuf>

namespace iadesk::cli {

class TerminalSafeBuf : public std::streambuf {
public:
    explicit TerminalSafeBuf(std::streambuf* target) : target_(target) {}

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    bool put(unsigned char c);
    std::streambuf* target_;
    bool pending_c2_ = false; // a 0xC2 byte held back until the next byte says whether it starts a C1 control
};

} // namespace iadesk::cli
