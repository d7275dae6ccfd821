// html_page: the shared pieces of the printable HTML documents (plans_output.cpp, goals_report.cpp):
// escaping of text for element content and attribute values, and the page head with its title and
// the document's own style sheet. Output is UTF-8, lang="nb" (the documents are in bokmål).
#pragma once

#include <string>
#include <string_view>

namespace iadesk::detail_html {

inline std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

// From <!DOCTYPE html> to the opening <body>.
inline std::string page_head(std::string_view title, std::string_view css) {
    return "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
           "</title>\n<style>\n" + std::string(css) + "</style>\n</head>\n<body>\n";
}

} // namespace iadesk::detail_html
