// The theme's colours are readable (theme.hpp contract): every semantic text colour, and the style's
// own text, has at least 4.5:1 contrast (WCAG 2.1 success criterion 1.4.3, body text) against each
// surface it is drawn on, in the light, dark and high-contrast themes. Contrast is WCAG's:
// (L1 + 0.05) / (L2 + 0.05) of the relative luminances of the sRGB colours; a surface with alpha is
// composited over the one beneath it first, as ImGui draws it.
#include "app/theme.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace iadesk::app;

namespace {

double linear(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const ImVec4& c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImVec4 over(const ImVec4& top, const ImVec4& below) {
    const float a = top.w;
    return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a), 1);
}

using Named = std::pair<std::string, ImVec4>;

// The style the theme sets (Theme::apply needs an ImGui context for its fonts).
struct Applied {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiStyle style;
    explicit Applied(ThemeKind kind) {
        Theme theme;
        theme.kind = kind;
        theme.apply(1.0f);
        style = ImGui::GetStyle();
    }
    ~Applied() { ImGui::DestroyContext(context); }
    Applied(const Applied&) = delete;
    Applied& operator=(const Applied&) = delete;
};

void check_pairs(const std::vector<Named>& texts, const std::vector<Named>& surfaces, double minimum = 4.5) {
    for (const auto& [text_name, text] : texts)
        for (const auto& [surface_name, surface] : surfaces) {
            const double ratio = contrast(text, surface);
            INFO(text_name << " on " << surface_name << ": " << ratio << ":1");
            CHECK(ratio >= minimum);
        }
}

// `body_minimum`: for text on the pages, tables and cards; tags, the bar and buttons need 4.5:1.
void check_theme(ThemeKind kind, double body_minimum) {
    Applied applied(kind);
    const ImVec4* s = applied.style.Colors;
    const SemanticColours& c = semantic_colours(kind);
    const ImVec4 window = over(s[ImGuiCol_WindowBg], ImVec4(1, 1, 1, 1));
    const ImVec4 child = over(s[ImGuiCol_ChildBg], window);

    // Text drawn in pages, popups, tables (alternate rows, the selected row) and cards.
    const std::vector<Named> body_texts = {
        {"Text", s[ImGuiCol_Text]},          {"TextDisabled", s[ImGuiCol_TextDisabled]},
        {"text_error", c.text_error},        {"text_warning", c.text_warning},
        {"text_ok", c.text_ok},              {"text_muted", c.text_muted},
        {"tag_overdue", c.tag_overdue},      {"tag_due_soon", c.tag_due_soon},
        {"tag_upcoming", c.tag_upcoming},    {"tag_on_request", c.tag_on_request},
        {"tag_done", c.tag_done},            {"tag_exempt", c.tag_exempt},
        {"tag_not_applicable", c.tag_not_applicable}, {"today_marker", c.today_marker},
    };
    const std::vector<Named> surfaces = {
        {"WindowBg", window},
        {"ChildBg", child},
        {"PopupBg", over(s[ImGuiCol_PopupBg], window)},
        {"TableRowBgAlt on WindowBg", over(s[ImGuiCol_TableRowBgAlt], window)},
        {"TableRowBgAlt on ChildBg", over(s[ImGuiCol_TableRowBgAlt], child)},
        {"Header (selected row)", over(s[ImGuiCol_Header], window)},
        {"card_background", c.card_background},
        {"card_hovered", c.card_hovered},
        {"card_selected", c.card_selected},
        {"problem_background", c.problem_background},
    };
    check_pairs(body_texts, surfaces, body_minimum);
    // Tags: the word on its own background.
    check_pairs({{"text_muted", c.text_muted}}, {{"tag_background", c.tag_background}});
    check_pairs({{"text_ok", c.text_ok}}, {{"tag_ok_background", c.tag_ok_background}});
    check_pairs({{"text_warning", c.text_warning}}, {{"tag_warning_background", c.tag_warning_background}});
    // The top bar and its palette button.
    check_pairs({{"bar_text", c.bar_text}, {"bar_text_muted", c.bar_text_muted}},
                {{"MenuBarBg", over(s[ImGuiCol_MenuBarBg], window)},
                 {"bar_button", c.bar_button},
                 {"bar_button_hovered", c.bar_button_hovered}});
    // The primary button and filter chips.
    check_pairs({{"text_on_accent", c.text_on_accent}},
                {{"accent", c.accent}, {"accent_hovered", c.accent_hovered}, {"accent_active", c.accent_active}});
    check_pairs({{"Text", s[ImGuiCol_Text]}}, {{"chip_on", c.chip_on}, {"chip_off", c.chip_off}});
}

} // namespace

TEST_CASE("theme: light: every text colour has at least 4.5:1 contrast on the surfaces it is drawn on") {
    check_theme(ThemeKind::light, 4.5);
}

TEST_CASE("theme: dark: every text colour has at least 4.5:1 contrast on the surfaces it is drawn on") {
    check_theme(ThemeKind::dark, 4.5);
}

TEST_CASE("theme: high contrast: text on pages, tables and cards has at least 7:1 contrast, tags, bar and buttons 4.5:1") {
    // WCAG AAA (1.4.6) for the body text of the high-contrast theme.
    check_theme(ThemeKind::high_contrast, 7.0);
}

TEST_CASE("theme: the contrast formula gives WCAG's figures") {
    // Worked out by hand from WCAG 2.1's definitions: black on white 21:1; #777777 on white:
    // 0x77/255 = 0.4667 -> ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845, (1.05) / (0.2345) = 4.48:1.
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast(ImVec4(0x77 / 255.f, 0x77 / 255.f, 0x77 / 255.f, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(4.48).epsilon(0.005));
    // Half-transparent black over white is mid grey (0.5).
    const ImVec4 grey = over(ImVec4(0, 0, 0, 0.5f), ImVec4(1, 1, 1, 1));
    CHECK(grey.x == doctest::Approx(0.5));
}
