// theme: fonts, style and the colours that carry a meaning, scaled once for the display (DPI
// handled here and nowhere else).
//
// Contract
// - apply(scale) rebuilds the font atlas at round(size * scale) pixels and resets the style to
//   the iadesk look scaled by `scale`; call it between frames (the renderer's font texture must
//   be recreated afterwards by the platform).
// - Fonts come from the embedded assets (Debian's fonts-inter); without them (native tests)
//   ImGui's default font is used. Glyph ranges cover Norwegian letters and the punctuation users
//   type and paste: – — ‘ ’ “ ” « » … • € § ° and a few status symbols.
// - Layout elsewhere is in font units (ImGui::GetFontSize()), never in pixels.
// - Colours: views and widgets take every colour from the ImGui style or from colours() (the
//   semantic colours of the theme in use), never from literals. Each text colour of a theme has
//   at least 4.5:1 contrast (WCAG 2.1 AA, 1.4.3) against every surface it is drawn on in that
//   theme: the window, child, popup, alternate, selected and hovered row backgrounds, inputs,
//   buttons, tabs and their hovered and active states, the cards, the problem box and its own tag
//   background; muted text too, and text in a disabled (read-only) widget, drawn at DisabledAlpha;
//   7:1 for text on pages, tables and cards in the high-contrast theme. What identifies a control
//   or a state has 3:1 (1.4.11): focus outline, input edge, check mark, progress fill, scroll
//   thumb, chart lines, the open card's edge (tests/app/test_theme.cpp, docs/accessibility.md).
//   Status is never told by colour alone: every coloured status also has an icon and a word.
#pragma once

#include <imgui.h>

namespace iadesk::app {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
};

enum class ThemeKind { light, dark, high_contrast };

// The colours with a meaning, one set per ThemeKind.
struct SemanticColours {
    // Text, readable on the theme's surfaces (see the contract).
    ImVec4 text_error;    // a refusal, bad input, a warning that asks for action ("⚠ ...")
    ImVec4 text_warning;  // a hint worth a look, not wrong (plan quality, "må avklares")
    ImVec4 text_ok;       // fits, agreed, reached
    ImVec4 text_muted;    // help lines and secondary facts (also the style's TextDisabled)
    // Status tags (milestones, goals): the colour next to the icon and the word.
    ImVec4 tag_overdue;        // also a goal behind
    ImVec4 tag_due_soon;       // also a goal at risk
    ImVec4 tag_upcoming;       // also a goal on track
    ImVec4 tag_on_request;
    ImVec4 tag_done;           // also a goal reached
    ImVec4 tag_exempt;
    ImVec4 tag_not_applicable; // also a goal whose status is unknown
    ImVec4 today_marker;       // the "i dag" line and its label on the case timeline
    // The top bar (ImGuiCol_MenuBarBg): its text and the palette button.
    ImVec4 bar_text;
    ImVec4 bar_text_muted;     // the organisation's name
    ImVec4 bar_button, bar_button_hovered;
    // The screen's one primary action, the open card's edge, a chip that is on.
    ImVec4 accent, accent_hovered, accent_active;
    ImVec4 text_on_accent;
    // Surfaces.
    ImVec4 problem_background;                  // the problem summary under a form
    ImVec4 card_background, card_hovered, card_selected; // goal cards, measure cards
    ImVec4 tag_background;                      // a neutral word tag (text_muted on it)
    ImVec4 tag_ok_background;                   // text_ok on it
    ImVec4 tag_warning_background;              // text_warning on it
    ImVec4 chip_on, chip_off;                   // filter chips (the style's Text on them)
};

// The constant colour set of `kind`.
const SemanticColours& semantic_colours(ThemeKind kind);
// The colour set of the theme applied last (Theme::apply), the light one before any: for widgets
// drawn without a Theme at hand. A context pointer like tr()'s, set by the App through apply().
const SemanticColours& colours();
// The font of page headings (Fonts::heading) of the theme applied last; nullptr before any.
// Headings in it are level 1 for screen readers, the others level 2.
ImFont* page_heading_font();

struct Theme {
    float scale = 1.0f;       // device pixel ratio
    float base_size = 16.0f;  // CSS pixels of body text (the user's font-size setting)
    ThemeKind kind = ThemeKind::light;
    bool dirty = false;       // kind or base_size changed: apply() again between frames
    Fonts fonts;

    void apply(float scale);
};

} // namespace iadesk::app
