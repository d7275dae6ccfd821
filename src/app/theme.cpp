#include "app/theme.hpp"

#include "iadesk/assets.hpp"

#include <imgui.h>

#include <cmath>

namespace iadesk::app {
namespace {

// The semantic colours of each theme (theme.hpp). The text colours were chosen for their contrast
// on the theme's surfaces, the selected row included: at least 4.5:1 (WCAG AA), in the high-contrast
// theme 7:1 (WCAG AAA) for text on pages, tables and cards (tests/app/test_theme.cpp).
const SemanticColours kLight = {
    .text_error = ImVec4(0.66f, 0.09f, 0.09f, 1),
    .text_warning = ImVec4(0.55f, 0.31f, 0, 1),
    .text_ok = ImVec4(0.08f, 0.43f, 0.2f, 1),
    .text_muted = ImVec4(0.29f, 0.31f, 0.35f, 1),
    .tag_overdue = ImVec4(0.66f, 0.09f, 0.09f, 1),
    .tag_due_soon = ImVec4(0.55f, 0.31f, 0, 1),
    .tag_upcoming = ImVec4(0.16f, 0.31f, 0.58f, 1),
    .tag_on_request = ImVec4(0.35f, 0.3f, 0.55f, 1),
    .tag_done = ImVec4(0.08f, 0.43f, 0.2f, 1),
    .tag_exempt = ImVec4(0.32f, 0.36f, 0.36f, 1),
    .tag_not_applicable = ImVec4(0.36f, 0.36f, 0.4f, 1),
    .today_marker = ImVec4(0.7f, 0.12f, 0.12f, 1),
    .bar_text = ImVec4(1, 1, 1, 1),
    .bar_text_muted = ImVec4(0.85f, 0.89f, 0.95f, 1),
    .bar_button = ImVec4(0.22f, 0.31f, 0.46f, 1),
    .bar_button_hovered = ImVec4(0.27f, 0.37f, 0.53f, 1),
    .accent = ImVec4(0.16f, 0.38f, 0.74f, 1),
    .accent_hovered = ImVec4(0.2f, 0.45f, 0.84f, 1),
    .accent_active = ImVec4(0.12f, 0.3f, 0.62f, 1),
    .text_on_accent = ImVec4(1, 1, 1, 1),
    .problem_background = ImVec4(0.99f, 0.93f, 0.93f, 1),
    .card_background = ImVec4(1, 1, 1, 1),
    .card_hovered = ImVec4(0.957f, 0.969f, 0.988f, 1),
    .card_selected = ImVec4(0.91f, 0.94f, 0.99f, 1),
    .tag_background = ImVec4(0.925f, 0.937f, 0.957f, 1),
    .tag_ok_background = ImVec4(0.88f, 0.95f, 0.9f, 1),
    .tag_warning_background = ImVec4(0.99f, 0.945f, 0.87f, 1),
    .chip_on = ImVec4(0.84f, 0.9f, 0.98f, 1),
    .chip_off = ImVec4(1, 1, 1, 1),
};

const SemanticColours kDark = {
    .text_error = ImVec4(1, 0.55f, 0.55f, 1),
    .text_warning = ImVec4(0.96f, 0.72f, 0.35f, 1),
    .text_ok = ImVec4(0.45f, 0.82f, 0.55f, 1),
    .text_muted = ImVec4(0.68f, 0.71f, 0.76f, 1),
    .tag_overdue = ImVec4(1, 0.55f, 0.55f, 1),
    .tag_due_soon = ImVec4(0.96f, 0.72f, 0.35f, 1),
    .tag_upcoming = ImVec4(0.58f, 0.74f, 1, 1),
    .tag_on_request = ImVec4(0.78f, 0.7f, 1, 1),
    .tag_done = ImVec4(0.45f, 0.82f, 0.55f, 1),
    .tag_exempt = ImVec4(0.66f, 0.7f, 0.7f, 1),
    .tag_not_applicable = ImVec4(0.66f, 0.66f, 0.7f, 1),
    .today_marker = ImVec4(1, 0.55f, 0.55f, 1),
    .bar_text = ImVec4(1, 1, 1, 1),
    .bar_text_muted = ImVec4(0.85f, 0.89f, 0.95f, 1),
    .bar_button = ImVec4(0.2f, 0.27f, 0.4f, 1),
    .bar_button_hovered = ImVec4(0.28f, 0.37f, 0.52f, 1),
    .accent = ImVec4(0.45f, 0.65f, 1, 1),         // light on the dark cards: an edge of 3:1, dark text
    .accent_hovered = ImVec4(0.55f, 0.72f, 1, 1),
    .accent_active = ImVec4(0.4f, 0.58f, 0.92f, 1),
    .text_on_accent = ImVec4(0.06f, 0.08f, 0.12f, 1),
    .problem_background = ImVec4(0.28f, 0.12f, 0.12f, 1),
    .card_background = ImVec4(0.17f, 0.18f, 0.21f, 1),
    .card_hovered = ImVec4(0.2f, 0.22f, 0.26f, 1),
    .card_selected = ImVec4(0.16f, 0.22f, 0.31f, 1),
    .tag_background = ImVec4(0.2f, 0.215f, 0.25f, 1), // text_muted on it: 4.9:1
    .tag_ok_background = ImVec4(0.13f, 0.26f, 0.17f, 1),
    .tag_warning_background = ImVec4(0.3f, 0.22f, 0.09f, 1),
    .chip_on = ImVec4(0.18f, 0.28f, 0.42f, 1),
    .chip_off = ImVec4(0.17f, 0.18f, 0.21f, 1),
};

const SemanticColours kHighContrast = {
    .text_error = ImVec4(0.55f, 0, 0, 1),
    .text_warning = ImVec4(0.42f, 0.24f, 0, 1),
    .text_ok = ImVec4(0, 0.33f, 0.1f, 1),
    .text_muted = ImVec4(0.2f, 0.2f, 0.2f, 1),
    .tag_overdue = ImVec4(0.55f, 0, 0, 1),
    .tag_due_soon = ImVec4(0.42f, 0.24f, 0, 1),
    .tag_upcoming = ImVec4(0, 0.2f, 0.55f, 1),
    .tag_on_request = ImVec4(0.3f, 0.15f, 0.5f, 1),
    .tag_done = ImVec4(0, 0.33f, 0.1f, 1),
    .tag_exempt = ImVec4(0.2f, 0.25f, 0.25f, 1),
    .tag_not_applicable = ImVec4(0.25f, 0.25f, 0.25f, 1),
    .today_marker = ImVec4(0.55f, 0, 0, 1),
    .bar_text = ImVec4(1, 1, 1, 1),
    .bar_text_muted = ImVec4(0.9f, 0.9f, 0.9f, 1),
    .bar_button = ImVec4(0.25f, 0.25f, 0.25f, 1),
    .bar_button_hovered = ImVec4(0.4f, 0.4f, 0.4f, 1),
    .accent = ImVec4(0, 0.2f, 0.7f, 1),
    .accent_hovered = ImVec4(0, 0.28f, 0.85f, 1),
    .accent_active = ImVec4(0, 0.15f, 0.55f, 1),
    .text_on_accent = ImVec4(1, 1, 1, 1),
    .problem_background = ImVec4(1, 0.92f, 0.92f, 1),
    .card_background = ImVec4(1, 1, 1, 1),
    .card_hovered = ImVec4(0.9f, 0.94f, 1, 1),
    .card_selected = ImVec4(0.82f, 0.89f, 1, 1),
    .tag_background = ImVec4(0.9f, 0.9f, 0.9f, 1),
    .tag_ok_background = ImVec4(0.85f, 0.95f, 0.88f, 1),
    .tag_warning_background = ImVec4(1, 0.92f, 0.8f, 1),
    .chip_on = ImVec4(0.75f, 0.85f, 1, 1),
    .chip_off = ImVec4(1, 1, 1, 1),
};

const SemanticColours* g_colours = &kLight; // the theme applied last; like tr()'s table

// Latin-1, Latin Extended-A (names), general punctuation (– — ‘ ’ “ ” • …), € and a few
// arrows, check marks and shapes used as status icons.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
    0x2190, 0x2199, 0x2212, 0x2212, 0x2318, 0x2318, 0x25A0, 0x25EF, 0x2605, 0x2606, 0x26A0, 0x26A0,
    0x2713, 0x2717, 0,
};

ImFont* add_font(ImGuiIO& io, const char* asset, float px) {
    std::string_view data = assets::get(asset);
    if (data.empty()) {
        ImFontConfig cfg;
        cfg.SizePixels = px;
        return io.Fonts->AddFontDefault(&cfg);
    }
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false; // embedded static bytes
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()), static_cast<int>(data.size()),
                                          px, &cfg, kGlyphRanges);
}

void set_dark(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.17f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.08f, 0.12f, 0.20f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
    c[ImGuiCol_TextDisabled] = kDark.text_muted;
    c[ImGuiCol_Header] = ImVec4(0.16f, 0.23f, 0.33f, 1.0f); // a selected row: muted text on it stays 4.5:1
    // ImGui's dark blues (0.26, 0.59, 0.98) under light text are 2.6:1: darker ones, hovered rows
    // no lighter than the selected one (coloured text stays 4.5:1 on both).
    c[ImGuiCol_HeaderHovered] = ImVec4(0.2f, 0.22f, 0.28f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.22f, 0.33f, 0.5f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.4f, 0.62f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.2f, 0.34f, 0.55f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.24f, 0.4f, 0.62f, 1.0f);
    // Inputs sunk below the surface, so that a progress bar's fill stands out 3:1 from its frame
    // and still carries light text.
    c[ImGuiCol_FrameBg] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.11f, 0.13f, 0.17f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.1f, 0.13f, 0.19f, 1.0f);
    c[ImGuiCol_PlotHistogram] = ImVec4(0.27f, 0.42f, 0.66f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.45f, 0.47f, 0.52f, 1.0f); // an input's edge: 3:1
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.45f, 0.47f, 0.52f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.55f, 0.57f, 0.62f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.62f, 0.64f, 0.7f, 1.0f);
    c[ImGuiCol_CheckMark] = kDark.accent;
}

// High contrast: black on white, strong borders and focus (WCAG AAA text contrast).
void set_high_contrast(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1);
    c[ImGuiCol_WindowBg] = white;
    c[ImGuiCol_ChildBg] = white;
    c[ImGuiCol_PopupBg] = white;
    c[ImGuiCol_MenuBarBg] = black;
    c[ImGuiCol_Text] = black;
    c[ImGuiCol_TextDisabled] = kHighContrast.text_muted;
    c[ImGuiCol_Border] = black;
    c[ImGuiCol_FrameBg] = white;
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.88f, 0.88f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.75f, 0.85f, 1.0f, 1);
    c[ImGuiCol_Header] = ImVec4(0.85f, 0.91f, 1.0f, 1); // a selected row: coloured text on it stays 7:1
    c[ImGuiCol_HeaderHovered] = ImVec4(0.65f, 0.78f, 1.0f, 1);
    c[ImGuiCol_NavHighlight] = ImVec4(0.0f, 0.2f, 0.9f, 1);
    c[ImGuiCol_CheckMark] = black;
    c[ImGuiCol_PlotHistogram] = ImVec4(0.4f, 0.55f, 0.9f, 1); // 3:1 on white, black text on it 5.9:1
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.35f, 0.35f, 0.35f, 1);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    c[ImGuiCol_ScrollbarGrabActive] = black;
    s.FrameBorderSize = 2.0f;
}

void set_colours(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.13f, 0.20f, 0.33f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
    c[ImGuiCol_TextDisabled] = kLight.text_muted;
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.86f, 0.94f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.68f, 0.78f, 0.92f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.85f, 0.90f, 0.97f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.86f, 0.96f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.80f, 0.95f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.95f, 0.97f, 1.0f, 1.0f); // ImGui's blues hide the hint (2.8:1)
    c[ImGuiCol_FrameBgActive] = ImVec4(0.93f, 0.95f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.53f, 0.56f, 0.61f, 1.0f); // an input's edge: 3:1 (WCAG 1.4.11)
    c[ImGuiCol_CheckMark] = kLight.accent;
    c[ImGuiCol_PlotHistogram] = ImVec4(0.36f, 0.55f, 0.86f, 1.0f); // 3:1 on white, text on it 5:1
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.53f, 0.56f, 0.61f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.45f, 0.48f, 0.53f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.38f, 0.41f, 0.46f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.15f, 0.40f, 0.80f, 1.0f);
}

} // namespace

const SemanticColours& semantic_colours(ThemeKind kind) {
    switch (kind) {
    case ThemeKind::light: break;
    case ThemeKind::dark: return kDark;
    case ThemeKind::high_contrast: return kHighContrast;
    }
    return kLight;
}

const SemanticColours& colours() { return *g_colours; }

namespace {
ImFont* g_page_heading_font = nullptr; // like g_colours: set by Theme::apply
}
ImFont* page_heading_font() { return g_page_heading_font; }

void Theme::apply(float new_scale) {
    scale = new_scale > 0.25f ? new_scale : 1.0f;
    dirty = false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float body_px = std::floor(base_size * scale);
    fonts.body = add_font(io, "fonts/Inter-Regular.otf", body_px);
    fonts.heading = add_font(io, "fonts/Inter-SemiBold.otf", std::floor(base_size * 1.3f * scale));
    fonts.title = add_font(io, "fonts/Inter-SemiBold.otf", std::floor(base_size * 1.05f * scale));
    io.FontDefault = fonts.body;
    g_page_heading_font = fonts.heading;
    io.Fonts->Build();

    ImGuiStyle style;
    set_colours(style);
    if (kind == ThemeKind::dark) set_dark(style);
    if (kind == ThemeKind::high_contrast) set_high_contrast(style);
    g_colours = &semantic_colours(kind);
    // A disabled widget (a read-only form) still shows data: at 0.8 its text, muted included,
    // keeps 4.5:1 (ImGui's 0.6 leaves body text at 4.3:1).
    style.DisabledAlpha = 0.8f;
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.ChildRounding = 6.0f;
    style.PopupRounding = 6.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.FrameBorderSize = kind == ThemeKind::high_contrast ? 2.0f : 1.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 8.0f);
    style.WindowPadding = ImVec2(16.0f, 14.0f);
    style.CellPadding = ImVec2(8.0f, 4.0f);
    style.ScrollbarSize = 14.0f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

} // namespace iadesk::app
