// theme: fonts and style, scaled once for the display (DPI handled here and nowhere else).
//
// Contract
// - apply(scale) rebuilds the font atlas at round(size * scale) pixels and resets the style to
//   the iadesk look scaled by `scale`; call it between frames (the renderer's font texture must
//   be recreated afterwards by the platform).
// - Fonts come from the embedded assets (Debian's fonts-inter); without them (native tests)
//   ImGui's default font is used. Glyph ranges cover Norwegian letters and the punctuation users
//   type and paste: – — ‘ ’ “ ” « » … • € § ° and a few status symbols.
// - Layout elsewhere is in font units (ImGui::GetFontSize()), never in pixels.
#pragma once

struct ImFont;

namespace iadesk::app {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
};

enum class ThemeKind { light, dark, high_contrast };

struct Theme {
    float scale = 1.0f;       // device pixel ratio
    float base_size = 16.0f;  // CSS pixels of body text (the user's font-size setting)
    ThemeKind kind = ThemeKind::light;
    bool dirty = false;       // kind or base_size changed: apply() again between frames
    Fonts fonts;

    void apply(float scale);
};

} // namespace iadesk::app
