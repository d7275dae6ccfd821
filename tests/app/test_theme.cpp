// The theme's colours are readable (theme.hpp contract), WCAG 2.1 level AA, in the light, dark and
// high-contrast themes, for every foreground/background pair the app draws:
// - text (success criterion 1.4.3): 4.5:1. Body, muted and disabled text alike (a read-only form is
//   drawn disabled and still carries the employee's data; muted lines carry facts); in the
//   high-contrast theme 7:1 (1.4.6, AAA) for text on pages, tables and cards.
// - non-text (1.4.11): 3:1 for what identifies a control or a state: the keyboard focus outline,
//   the edge of an input field, a check mark, a progress bar's fill, a scroll bar's thumb, status
//   icons and chart lines, the open card's edge.
// Where the pairs come from: ImGui draws Text on WindowBg/ChildBg/PopupBg, on FrameBg (inputs,
// and their hint in TextDisabled), Button, Header (selectables, menus, tree nodes), Tab, TitleBg
// (modal titles), TableHeaderBg, TableRowBgAlt, TextSelectedBg, PlotHistogram (a progress bar's
// label over its fill), each also hovered and active; inside BeginDisabled every colour is drawn at
// DisabledAlpha. The app adds its semantic colours (theme.hpp) on the page surfaces, tags on their
// own backgrounds, the top bar (its menus' highlight pushed to bar_button), the primary button and
// filter chips (grep PushStyleColor / TextColored / GetColorU32 in src/app).
// Contrast is WCAG's: (L1 + 0.05) / (L2 + 0.05) of the relative luminances of the sRGB colours; a
// colour with alpha is composited over the one beneath it first, as ImGui draws it.
#include "app/theme.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace iadesk::app;

namespace {

// WCAG 2.1, "relative luminance": each sRGB channel c (0..1) is linearised as c / 12.92 when
// c <= 0.03928 (0.04045 in the sRGB standard; no 8-bit value lies between the two), else
// ((c + 0.055) / 1.055) ^ 2.4; L = 0.2126 R + 0.7152 G + 0.0722 B.
double linear(float c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const ImVec4& c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }

// WCAG 2.1, "contrast ratio": (L1 + 0.05) / (L2 + 0.05), L1 the lighter.
double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `top` drawn over the opaque `below` (ImGui blends src_alpha, one_minus_src_alpha).
ImVec4 over(const ImVec4& top, const ImVec4& below) {
    const float a = top.w;
    return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a), 1);
}

ImVec4 faded(ImVec4 c, float alpha) {
    c.w *= alpha;
    return c;
}

struct Pair {
    std::string what;    // "Text on Button"
    ImVec4 fore, back;   // back opaque; fore composited over it before measuring
    double minimum;
};

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

struct Named {
    const char* name;
    ImVec4 colour;
};

// Every pair of `kind` (see the file comment for where each comes from).
std::vector<Pair> pairs_of(ThemeKind kind) {
    Applied applied(kind);
    const ImGuiStyle& style = applied.style;
    const ImVec4* s = style.Colors;
    const SemanticColours& c = semantic_colours(kind);
    const double text = 4.5, non_text = 3.0;
    const double body = kind == ThemeKind::high_contrast ? 7.0 : text;
    std::vector<Pair> out;
    auto add = [&](const std::vector<Named>& fores, const std::vector<Named>& backs, double minimum) {
        for (const Named& f : fores)
            for (const Named& b : backs)
                out.push_back({std::string(f.name) + " on " + b.name, over(f.colour, b.colour), b.colour, minimum});
    };
    const ImVec4 window = over(s[ImGuiCol_WindowBg], ImVec4(1, 1, 1, 1));
    const ImVec4 child = over(s[ImGuiCol_ChildBg], window);
    const ImVec4 popup = over(s[ImGuiCol_PopupBg], window);
    const ImVec4 frame = over(s[ImGuiCol_FrameBg], child);

    // Text on pages, popups, tables (alternate rows, the selected row) and cards.
    const std::vector<Named> body_texts = {
        {"Text", s[ImGuiCol_Text]},          {"TextDisabled (muted)", s[ImGuiCol_TextDisabled]},
        {"text_error", c.text_error},        {"text_warning", c.text_warning},
        {"text_ok", c.text_ok},              {"text_muted", c.text_muted},
        {"tag_overdue", c.tag_overdue},      {"tag_due_soon", c.tag_due_soon},
        {"tag_upcoming", c.tag_upcoming},    {"tag_on_request", c.tag_on_request},
        {"tag_done", c.tag_done},            {"tag_exempt", c.tag_exempt},
        {"tag_not_applicable", c.tag_not_applicable}, {"today_marker", c.today_marker},
    };
    const std::vector<Named> page_surfaces = {
        {"WindowBg", window},
        {"ChildBg", child},
        {"PopupBg", popup},
        {"TableRowBgAlt on WindowBg", over(s[ImGuiCol_TableRowBgAlt], window)},
        {"TableRowBgAlt on ChildBg", over(s[ImGuiCol_TableRowBgAlt], child)},
        {"Header (selected row)", over(s[ImGuiCol_Header], child)},
        {"card_background", c.card_background},
        {"card_hovered", c.card_hovered},
        {"card_selected", c.card_selected},
        {"problem_background", c.problem_background},
    };
    add(body_texts, page_surfaces, body);
    // A hovered row or menu item, under any text of a row.
    add(body_texts, {{"HeaderHovered (hovered row)", over(s[ImGuiCol_HeaderHovered], child)}}, text);

    // The style's text on ImGui's widgets, in each of their states.
    const std::vector<Named> widgets = {
        {"FrameBg", frame},
        {"FrameBgHovered", over(s[ImGuiCol_FrameBgHovered], child)},
        {"FrameBgActive", over(s[ImGuiCol_FrameBgActive], child)},
        {"Button", over(s[ImGuiCol_Button], child)},
        {"ButtonHovered", over(s[ImGuiCol_ButtonHovered], child)},
        {"ButtonActive", over(s[ImGuiCol_ButtonActive], child)},
        {"HeaderActive", over(s[ImGuiCol_HeaderActive], child)},
        {"Tab", over(s[ImGuiCol_Tab], child)},
        {"TabHovered", over(s[ImGuiCol_TabHovered], child)},
        {"TabActive", over(s[ImGuiCol_TabActive], child)},
        {"TabUnfocusedActive", over(s[ImGuiCol_TabUnfocusedActive], child)},
        {"TitleBg", over(s[ImGuiCol_TitleBg], window)},
        {"TitleBgActive (modal title)", over(s[ImGuiCol_TitleBgActive], window)},
        {"TableHeaderBg", over(s[ImGuiCol_TableHeaderBg], child)},
        {"TextSelectedBg on FrameBg", over(s[ImGuiCol_TextSelectedBg], frame)},
        {"PlotHistogram (progress fill)", over(s[ImGuiCol_PlotHistogram], frame)},
        {"chip_on", c.chip_on},
        {"chip_off", c.chip_off},
    };
    add({{"Text", s[ImGuiCol_Text]}}, widgets, text);
    // An input's hint (muted text is never a button's label).
    add({{"TextDisabled (hint)", s[ImGuiCol_TextDisabled]}},
        {{"FrameBg", frame},
         {"FrameBgHovered", over(s[ImGuiCol_FrameBgHovered], child)},
         {"FrameBgActive", over(s[ImGuiCol_FrameBgActive], child)}},
        text);

    // Disabled widgets (BeginDisabled): everything at DisabledAlpha, over the page. A read-only
    // role sees the whole employee form like this.
    const float d = style.DisabledAlpha;
    for (const Named& page : {Named{"WindowBg", window}, Named{"ChildBg", child}}) {
        for (const Named& widget : {Named{"FrameBg", s[ImGuiCol_FrameBg]}, Named{"Button", s[ImGuiCol_Button]},
                                    Named{"no frame", ImVec4(0, 0, 0, 0)}}) {
            const ImVec4 back = over(faded(widget.colour, d), page.colour);
            for (const Named& fore : {Named{"Text", s[ImGuiCol_Text]}, Named{"TextDisabled", s[ImGuiCol_TextDisabled]}}) {
                if (std::string(widget.name) == "Button" && std::string(fore.name) == "TextDisabled") continue;
                out.push_back({"disabled " + std::string(fore.name) + " on " + widget.name + " on " + page.name,
                               over(faded(fore.colour, d), back), back, text});
            }
        }
    }

    // Tags: the word on its own background.
    add({{"text_muted", c.text_muted}, {"TextDisabled", s[ImGuiCol_TextDisabled]}}, {{"tag_background", c.tag_background}}, text);
    add({{"text_ok", c.text_ok}}, {{"tag_ok_background", c.tag_ok_background}}, text);
    add({{"text_warning", c.text_warning}}, {{"tag_warning_background", c.tag_warning_background}}, text);
    // The top bar: its title, menus, organisation name, role menu and buttons; a menu's label is
    // highlighted in bar_button(_hovered) while open or hovered (app.cpp, role_menu.cpp).
    add({{"bar_text", c.bar_text}, {"bar_text_muted", c.bar_text_muted}},
        {{"MenuBarBg", over(s[ImGuiCol_MenuBarBg], window)},
         {"bar_button", c.bar_button},
         {"bar_button_hovered", c.bar_button_hovered}},
        text);
    // The primary button.
    add({{"text_on_accent", c.text_on_accent}},
        {{"accent", c.accent}, {"accent_hovered", c.accent_hovered}, {"accent_active", c.accent_active}}, text);

    // Non-text: focus outline, input edges, check marks, progress fill, scroll bar thumb.
    const std::vector<Named> surfaces = {{"WindowBg", window}, {"ChildBg", child}, {"PopupBg", popup}};
    add({{"NavHighlight (focus outline)", s[ImGuiCol_NavHighlight]}, {"Border (input edge)", s[ImGuiCol_Border]}},
        surfaces, non_text);
    add({{"CheckMark", s[ImGuiCol_CheckMark]}, {"PlotHistogram (progress fill)", s[ImGuiCol_PlotHistogram]}},
        {{"FrameBg", frame}}, non_text);
    add({{"ScrollbarGrab", s[ImGuiCol_ScrollbarGrab]}},
        {{"ScrollbarBg on WindowBg", over(s[ImGuiCol_ScrollbarBg], window)},
         {"ScrollbarBg on ChildBg", over(s[ImGuiCol_ScrollbarBg], child)}},
        non_text);
    // Status icons, the timeline's "i dag" line, the goal chart's lines, the open card's edge.
    add({{"tag_upcoming (chart line)", c.tag_upcoming}, {"tag_due_soon (chart line)", c.tag_due_soon},
         {"text_ok (target line)", c.text_ok}, {"accent (open card edge, chip edge)", c.accent}},
        {{"card_background", c.card_background}, {"card_selected", c.card_selected}, {"chip_on", c.chip_on}}, non_text);
    return out;
}

void check_theme(ThemeKind kind, const char* name) {
    const std::vector<Pair> pairs = pairs_of(kind);
    // `IADESK_CONTRAST_TABLE=1 build/native/app_tests -tc='*contrast*'` prints the table of
    // docs/accessibility.md.
    const char* table = std::getenv("IADESK_CONTRAST_TABLE");
    for (const Pair& p : pairs) {
        const double ratio = contrast(p.fore, p.back);
        if (table && *table == '1') std::printf("| %s | %s | %.2f:1 | %.1f:1 |\n", name, p.what.c_str(), ratio, p.minimum);
        INFO(std::string(name) << ": " << p.what << ": " << ratio << ":1, needs " << p.minimum << ":1");
        CHECK(ratio >= p.minimum);
    }
}

} // namespace

TEST_CASE("theme: the contrast formula gives WCAG's figures, worked out by hand") {
    // Black on white: (1 + 0.05) / (0 + 0.05) = 21:1.
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    // #777777 on white: 0x77/255 = 0.4667 -> ((0.4667 + 0.055) / 1.055)^2.4 = 0.4945^2.4 = 0.1845;
    // (1 + 0.05) / (0.1845 + 0.05) = 4.48:1 (the well-known "#777 just fails AA").
    CHECK(contrast(ImVec4(0x77 / 255.f, 0x77 / 255.f, 0x77 / 255.f, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(4.48).epsilon(0.005));
    // A channel in the linear segment: 0.03 -> 0.03 / 12.92 = 0.002322; grey (0.03) on black:
    // (0.002322 + 0.05) / 0.05 = 1.046:1.
    CHECK(contrast(ImVec4(0.03f, 0.03f, 0.03f, 1), ImVec4(0, 0, 0, 1)) == doctest::Approx(1.046).epsilon(0.001));
    // Pure red on white: L = 0.2126 -> 1.05 / 0.2626 = 4.00:1; pure green: L = 0.7152 -> 1.05 / 0.7652
    // = 1.372:1 (the weights).
    CHECK(contrast(ImVec4(1, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(4.00).epsilon(0.001));
    CHECK(contrast(ImVec4(0, 1, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.372).epsilon(0.001));
    // Half-transparent black over white is mid grey (0.5).
    const ImVec4 grey = over(ImVec4(0, 0, 0, 0.5f), ImVec4(1, 1, 1, 1));
    CHECK(grey.x == doctest::Approx(0.5));
}

TEST_CASE("theme: two of the light theme's pairs, worked out by hand") {
    // The light theme's body text (0.10, 0.11, 0.13) on its window (0.98, 0.98, 0.97):
    //   text:   R 0.10 -> (0.155 / 1.055)^2.4 = 0.1469^2.4 = 0.01002; G 0.11 -> (0.165 / 1.055)^2.4
    //           = 0.01165; B 0.13 -> (0.185 / 1.055)^2.4 = 0.01533;
    //           L = 0.2126 * 0.01002 + 0.7152 * 0.01165 + 0.0722 * 0.01533 = 0.01157
    //   window: 0.98 -> (1.035 / 1.055)^2.4 = 0.9551; 0.97 -> (1.025 / 1.055)^2.4 = 0.9331;
    //           L = (0.2126 + 0.7152) * 0.9551 + 0.0722 * 0.9331 = 0.9535
    //   ratio = (0.9535 + 0.05) / (0.01157 + 0.05) = 1.0035 / 0.06157 = 16.3:1.
    const SemanticColours& light = semantic_colours(ThemeKind::light);
    const ImVec4 text(0.10f, 0.11f, 0.13f, 1), window(0.98f, 0.98f, 0.97f, 1);
    CHECK(contrast(text, window) == doctest::Approx(16.3).epsilon(0.005));
    // White on the primary button's blue (accent, 0.16, 0.38, 0.74):
    //   R 0.16 -> (0.215 / 1.055)^2.4 = 0.2038^2.4 = 0.02198; G 0.38 -> (0.435 / 1.055)^2.4
    //   = 0.4123^2.4 = 0.1193; B 0.74 -> (0.795 / 1.055)^2.4 = 0.7536^2.4 = 0.5071;
    //   L = 0.2126 * 0.02198 + 0.7152 * 0.1193 + 0.0722 * 0.5071 = 0.004673 + 0.08532 + 0.03661
    //   = 0.1266; ratio = 1.05 / (0.1266 + 0.05) = 5.95:1.
    CHECK(light.accent.x == 0.16f);
    CHECK(light.accent.y == 0.38f);
    CHECK(light.accent.z == 0.74f);
    CHECK(contrast(light.text_on_accent, light.accent) == doctest::Approx(5.95).epsilon(0.005));
}

TEST_CASE("theme: light: every pair the app draws has WCAG AA contrast") { check_theme(ThemeKind::light, "light"); }

TEST_CASE("theme: dark: every pair the app draws has WCAG AA contrast") { check_theme(ThemeKind::dark, "dark"); }

TEST_CASE("theme: high contrast: every pair has WCAG AA contrast, text on pages, tables and cards 7:1") {
    check_theme(ThemeKind::high_contrast, "high contrast");
}
