#include "app/tr_format.hpp"

namespace iadesk::app {
namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

bool is_name(std::string_view s) {
    if (s.empty() || !is_name_start(s.front())) return false;
    for (char c : s)
        if (!is_name_char(c)) return false;
    return true;
}

} // namespace

std::optional<std::vector<std::string>> placeholder_names(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '{' && c != '}') continue;
        if (i + 1 < text.size() && text[i + 1] == c) { // "{{" or "}}": a literal brace
            ++i;
            continue;
        }
        if (c == '}') return std::nullopt; // a lone closing brace
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (!is_name(name)) return std::nullopt; // "{}", "{0}", "{n:.1f}", "{a{b}" ...
        names.emplace_back(name);
        i = close;
    }
    return names;
}

std::optional<std::string> try_format_translation(std::string_view text, fmt::format_args args) {
    const auto names = placeholder_names(text);
    if (!names) return std::nullopt;
    for (const std::string& name : *names)
        if (args.get_id(fmt::string_view(name)) < 0) return std::nullopt;
    try {
        return fmt::vformat(fmt::string_view(text.data(), text.size()), args);
    } catch (const fmt::format_error&) { // not reached after the checks above; natively a second guard
        return std::nullopt;
    }
}

std::string format_translation(std::string_view key, std::string_view text, fmt::format_args args) {
    if (auto filled = try_format_translation(text, args)) return std::move(*filled);
    std::string raw(text);
    raw += " [";
    raw += key;
    raw += ']';
    return raw;
}

std::string key_for_role(const char* key, RoleKind role) {
    if (role == RoleKind::hr) return key;
    const std::string specific = std::string(key) + "." + to_string(role);
    return specific != tr(specific.c_str()) ? specific : std::string(key);
}

} // namespace iadesk::app
