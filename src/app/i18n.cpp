#include "app/i18n.hpp"

#include "iadesk/assets.hpp"

#include <nlohmann/json.hpp>

namespace iadesk::app {
namespace {

const Translations* g_current = nullptr; // set by the App; like ImGui's GImGui

std::string load_table(std::string_view path, std::unordered_map<std::string, std::string>& into) {
    std::string_view text = assets::get(path);
    if (text.empty()) return std::string(path) + ": not embedded";
    auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::string(path) + ": not a JSON object";
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.value().is_string()) into[it.key()] = it.value().get<std::string>();
    return {};
}

} // namespace

std::string Translations::load_builtin() {
    nb.clear();
    en.clear();
    std::string err = load_table("i18n/nb.json", nb);
    std::string err_en = load_table("i18n/en.json", en);
    return err.empty() ? err_en : err;
}

const char* Translations::get(std::string_view key) const {
    const auto& primary = language == Language::en ? en : nb;
    std::string k(key);
    if (auto it = primary.find(k); it != primary.end()) return it->second.c_str();
    if (auto it = nb.find(k); it != nb.end()) return it->second.c_str();
    return nullptr;
}

void set_current_translations(const Translations* t) { g_current = t; }

const char* tr(const char* key) {
    if (g_current)
        if (const char* s = g_current->get(key)) return s;
    return key;
}

} // namespace iadesk::app
