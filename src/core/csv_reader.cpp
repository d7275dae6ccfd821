// csv_reader: the CSV tokenizer, the delimiter and parse_csv (csv.hpp, "Contract — reading").
#include "csv_internal.hpp"

#include <utility>

namespace iadesk {

namespace {

using detail_csv::csv_error;
using detail_csv::is_blank;

class Reader {
public:
    Reader(std::string_view t, char delim) : t_(t), delim_(delim) {}

    enum class Status { ok, error, eof };

    // Reads one record into `fields`; on error fills `error` and resumes at a following line.
    Status next(std::vector<std::string>& fields, std::size_t& start_line, CsvRowError& error) {
        fields.clear();
        if (pos_ >= t_.size()) return Status::eof;
        const std::size_t rec_pos = pos_;
        start_line = line_;
        std::string field;
        enum { start, unquoted, quoted, after_quote } st = start;
        for (;;) {
            if (pos_ >= t_.size()) {
                if (st == quoted) {
                    error = csv_error(start_line, {}, ProblemCode::csv_quote_unclosed);
                    // Resume at the line after the row's first line.
                    pos_ = rec_pos;
                    line_ = start_line;
                    skip_line();
                    return Status::error;
                }
                fields.push_back(std::move(field));
                return Status::ok;
            }
            const char c = t_[pos_];
            switch (st) {
            case start:
                if (c == '"') { st = quoted; ++pos_; continue; }
                st = unquoted;
                [[fallthrough]];
            case unquoted:
                if (c == delim_) { fields.push_back(std::move(field)); field.clear(); st = start; ++pos_; }
                else if (c == '\n' || c == '\r') { eat_newline(); fields.push_back(std::move(field)); return Status::ok; }
                else if (c == '"') {
                    error = csv_error(start_line, {}, ProblemCode::csv_quote_inside, {{"n", fields.size() + 1}});
                    skip_line();
                    return Status::error;
                } else { field += c; ++pos_; }
                break;
            case quoted:
                if (c == '"') {
                    if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '"') { field += '"'; pos_ += 2; }
                    else { st = after_quote; ++pos_; }
                } else if (c == '\r') {
                    field += '\n'; // a line break inside a field becomes "\n"
                    ++line_;
                    pos_ += (pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n') ? 2 : 1;
                } else {
                    if (c == '\n') ++line_;
                    field += c;
                    ++pos_;
                }
                break;
            case after_quote:
                if (c == delim_) { fields.push_back(std::move(field)); field.clear(); st = start; ++pos_; }
                else if (c == '\n' || c == '\r') { eat_newline(); fields.push_back(std::move(field)); return Status::ok; }
                else {
                    error = csv_error(start_line, {}, ProblemCode::csv_text_after_quote, {{"n", fields.size() + 1}});
                    skip_line();
                    return Status::error;
                }
                break;
            }
        }
    }

private:
    void eat_newline() {
        if (t_[pos_] == '\r' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }
    void skip_line() {
        while (pos_ < t_.size() && t_[pos_] != '\n' && t_[pos_] != '\r') ++pos_;
        if (pos_ < t_.size()) eat_newline();
    }

    std::string_view t_;
    char delim_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

char detect_delimiter(std::string_view t) {
    std::size_t p = 0;
    // First non-blank line.
    while (p < t.size()) {
        std::size_t e = t.find_first_of("\r\n", p);
        if (e == std::string_view::npos) e = t.size();
        if (!is_blank(t.substr(p, e - p))) break;
        p = e + 1;
    }
    std::size_t semi = 0, comma = 0, tab = 0;
    bool in_q = false;
    for (; p < t.size(); ++p) {
        const char c = t[p];
        if (c == '"') in_q = !in_q;
        else if (in_q) continue;
        else if (c == '\n' || c == '\r') break;
        else if (c == ';') ++semi;
        else if (c == ',') ++comma;
        else if (c == '\t') ++tab;
    }
    if (tab > semi && tab > comma) return '\t';
    return comma > semi ? ',' : ';';
}

} // namespace

CsvTable parse_csv(std::string_view bytes) {
    CsvTable t;
    const CsvDecoded decoded = decode_csv(bytes);
    t.encoding = decoded.encoding;
    if (decoded.error) {
        t.errors.push_back(*decoded.error);
        return t;
    }
    const std::string_view text = decoded.text();
    t.delimiter = detect_delimiter(text);
    Reader rd(text, t.delimiter);
    std::vector<std::string> fields;
    std::size_t line = 0;
    CsvRowError error;
    for (;;) {
        const auto st = rd.next(fields, line, error);
        if (st == Reader::Status::eof) break;
        if (st == Reader::Status::error) {
            t.errors.push_back(std::move(error));
            error = {};
            continue;
        }
        bool blank = true;
        for (const std::string& f : fields) blank = blank && is_blank(f);
        if (blank) continue;
        if (t.header_line == 0) {
            t.header = std::move(fields);
            t.header_line = line;
            fields = {};
            continue;
        }
        t.rows.push_back(std::move(fields));
        t.lines.push_back(line);
        fields = {};
        fields.reserve(t.header.size());
    }
    return t;
}

} // namespace iadesk
