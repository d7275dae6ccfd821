// tr_format: a translation filled with named arguments through fmt,
//   trf("case.summary", fmt::arg("unit", u), fmt::arg("week", w), fmt::arg("percent", p))
// for the text "{unit} · uke {week} av 52 · {percent} % sykmeldt i dag".
//
// Contract
// - A translation holds only `{name}` placeholders (a name is letters, digits and '_', not
//   starting with a digit) and "{{" / "}}" for a literal brace; no format specs: numbers and dates
//   are written by format.hpp (format_decimal, format_date) before they are passed. The order of
//   the placeholders may differ between languages; an argument a text does not name is ignored.
// - A text that breaks these rules, or names an argument the call does not give, is shown as it
//   is with " [key]" after it: visible to the user and the translator, never a crash. The text is
//   checked before fmt sees it, because in the browser build an exception (fmt::format_error)
//   would abort the app instead of being caught.
#pragma once

#include "app/i18n.hpp"
#include "iadesk/access.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iadesk::app {

// The names of the placeholders in `text`, in order (a name used twice is listed twice);
// nullopt when a brace is neither a placeholder nor an escaped "{{" / "}}".
std::optional<std::vector<std::string>> placeholder_names(std::string_view text);

// `text` filled from `args`; nullopt when it is malformed or names an argument not in `args`.
std::optional<std::string> try_format_translation(std::string_view text, fmt::format_args args);

// `text` filled from `args`, or the raw text followed by " [key]" when it cannot be.
std::string format_translation(std::string_view key, std::string_view text, fmt::format_args args);

// The current translation of `key` (tr()) filled with named arguments (fmt::arg("name", value)).
template <typename... Args>
std::string trf(const char* key, const Args&... args) {
    return format_translation(key, tr(key), fmt::make_format_args(args...));
}

// The singular form: `key` + ".one" when `n` is 1 and the translations have it ("1 endring"),
// else `key` ("{count} endringer"); filled like trf.
template <typename... Args>
std::string trn(const char* key, long long n, const Args&... args) {
    const std::string one = std::string(key) + ".one";
    if (const char* text = tr(one.c_str()); n == 1 && one != text)
        return format_translation(one, text, fmt::make_format_args(args...));
    return trf(key, args...);
}

// The key of a text that depends on the role: `key` + ".manager", ".tillitsvalgt" or ".employee"
// when the translations have it (an empty list says what the role does not see), else `key`.
std::string key_for_role(const char* key, RoleKind role);

} // namespace iadesk::app
