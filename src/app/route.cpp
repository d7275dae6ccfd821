#include "app/route.hpp"

#include <array>

namespace iadesk::app {
namespace {

struct Slug {
    Page page;
    const char* slug;
    bool takes_employee;
};

// One slug per page; "data" is the settings page's Data tab (route_path, parse_route).
constexpr std::array<Slug, 8> kSlugs = {{
    {Page::overview, "oversikt", false},
    {Page::employees, "ansatte", true},
    {Page::followup, "oppfolging", true},
    {Page::plans, "oppfolgingsplaner", true},
    {Page::goals, "mal", false},
    {Page::measures, "tiltak", false},
    {Page::statistics, "statistikk", false},
    {Page::settings, "innstillinger", false},
}};
constexpr const char* kDataSlug = "data";
constexpr char kHex[] = "0123456789ABCDEF";

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::string percent_encode(std::string_view text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt; // '%' needs two hex digits after it
        const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

} // namespace

std::string route_path(const Route& route) {
    if (route.page == Page::settings && route.data_tab) return std::string("/") + kDataSlug;
    for (const Slug& s : kSlugs)
        if (s.page == route.page) {
            std::string path = std::string("/") + s.slug;
            if (s.takes_employee && !route.employee.empty()) path += "/" + percent_encode(route.employee);
            return path;
        }
    return "/oversikt";
}

std::optional<Route> parse_route(std::string_view path) {
    if (!path.empty() && path.front() == '#') path.remove_prefix(1);
    if (path.empty() || path.front() != '/') return std::nullopt;
    path.remove_prefix(1);
    if (!path.empty() && path.back() == '/') path.remove_suffix(1);
    const std::size_t slash = path.find('/');
    const std::string_view slug = path.substr(0, slash);
    const std::optional<std::string_view> rest =
        slash == std::string_view::npos ? std::nullopt : std::optional<std::string_view>(path.substr(slash + 1));
    if (slug == kDataSlug) {
        if (rest) return std::nullopt;
        return Route{Page::settings, {}, true};
    }
    for (const Slug& s : kSlugs) {
        if (slug != s.slug) continue;
        Route route{s.page, {}, false};
        if (!rest) return route;
        if (!s.takes_employee || rest->empty() || rest->find('/') != std::string_view::npos) return std::nullopt;
        std::optional<std::string> id = percent_decode(*rest);
        if (!id || id->empty()) return std::nullopt;
        route.employee = std::move(*id);
        return route;
    }
    return std::nullopt;
}

const char* route_title_key(const Route& route) {
    switch (route.page) {
    case Page::overview: break;
    case Page::employees: return "nav.employees";
    case Page::followup: return "nav.followup";
    case Page::plans: return "nav.plans";
    case Page::goals: return "nav.goals";
    case Page::measures: return "nav.measures";
    case Page::statistics: return "nav.statistics";
    case Page::settings: return route.data_tab ? "settings.tab_data" : "nav.settings";
    }
    return "nav.overview";
}

} // namespace iadesk::app
