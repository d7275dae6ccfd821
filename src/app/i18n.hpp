// i18n: the translation table (assets/i18n/nb.json, en.json), Norwegian bokmål first.
//
// Contract
// - tr("nav.overview") returns the text in the current language; a key missing there falls back
//   to bokmål, and a key missing everywhere returns the key itself (visible, never a crash).
// - Returned pointers stay valid until the table is reloaded.
// - The current table is a context pointer set by the App (like ImGui's current context).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace iadesk::app {

enum class Language { nb, en };

struct Translations {
    std::unordered_map<std::string, std::string> nb;
    std::unordered_map<std::string, std::string> en;
    Language language = Language::nb;

    // Loads the embedded tables; returns a problem description, empty on success.
    std::string load_builtin();
    const char* get(std::string_view key) const;
};

void set_current_translations(const Translations* t);
const char* tr(const char* key);

} // namespace iadesk::app
