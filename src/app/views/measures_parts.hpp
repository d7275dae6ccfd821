// Helpers shared by the Tiltak page's files (measures_view: search and filters, measure_cards:
// the result list, measure_detail: the detail pane, measure_fit: the case the measures are checked
// against). Internal to src/app/views.
#pragma once

#include "app/view_context.hpp"
#include "iadesk/measures.hpp"

#include <imgui.h>

#include <string>

namespace iadesk::app::measures_ui {
namespace ms = iadesk::measures;

// Verdicts and tags have a colour from the theme (theme.hpp colours()), always with an icon and a word (status never by colour alone).
inline const char* const kCheck = "\xE2\x9C\x93"; // ✓
inline const char* const kCross = "\xE2\x9C\x97"; // ✗
inline const char* const kDiamond = "\xE2\x97\x87"; // ◇

inline const char* lang_id(Language l) { return l == Language::en ? "en" : "nb"; }
// A small rounded tag with a word in it, drawn at `pos`; returns its width.
float draw_tag(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 bg, ImU32 fg);
// A one-line text drawn as written (RenderTextEllipsis with its end given: no "##" rule), cut
// with "…" at `right`.
void text_ellipsis(ImDrawList* dl, ImVec2 pos, float right, float height, const std::string& text);
void bullet(const std::string& text);
void secondary(const std::string& text);  // wrapped, in the muted colour
void section(const ViewContext& ctx, const char* key); // a heading in the detail pane

struct VerdictLook {
    const char* icon;
    ImVec4 colour;
};
VerdictLook verdict_look(ms::Verdict v);

// The honest verdict (docs/measures.md, Suitability) for `name`, with its icon:
// "✓ Kari Nordmann: Passer", "? Kari Nordmann: Kan passe – sjekk: A; B",
// "✗ Kari Nordmann: Passer ikke: A (her: ...)". Translated with measures.fit.*.
std::string fit_line(const ms::Eligibility& e, const std::string& name, const char* lang);
// The detail of one finding for a bullet: "her: ...", "mangler opplysning: ..." or "iadesk kan
// ikke sjekke dette"; empty when there is nothing to add.
std::string finding_detail(const ms::Finding& f, bool failed, const char* lang);

} // namespace iadesk::app::measures_ui
