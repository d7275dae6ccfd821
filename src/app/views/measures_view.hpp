// Tiltak (measures finder; docs/measures.md): a search box first (results on every
// keystroke), filter chips (phase, current/historic; IA sub-goal, provider and target group under
// "Flere filtre"), results as cards (name, one-line summary, phase tags, and the honest verdict
// "<navn>: Passer" / "Kan passe – sjekk: ..." / "Passer ikke: ..." when a case is chosen), and a
// detail pane (conditions, amounts with their year, evidence with its caveat, sources).
//
// Contract
// - The catalogue and its search index are built once, on the first draw, and kept here; a
//   search runs only when the query or a filter changes, never per frame.
// - Eligibility for the chosen case is computed when the case or the document revision changes.
// - Keyboard: the search box has focus when the page is shown (and on Ctrl+F); Up/Down move the
//   highlighted result while typing; Enter opens the highlighted (by default the first) result;
//   Escape clears the search. Outside the box, ImGui's keyboard navigation reaches every card.
// - Only reads the document; queues nothing ("Legg til i oppfølgingsplan" waits for the plans issue).
#pragma once

#include "app/view_context.hpp"
#include "iadesk/measures.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace iadesk::app {

struct MeasuresView {
    std::string query;
    measures::SearchFilter filter;
    bool more_filters = false;       // "Flere filtre": IA sub-goal, provider, target group chips
    std::string case_employee;       // whose case the cards are checked against; empty = none
    int open = -1;                   // measure shown in the detail pane (catalogue position), -1 = none
    int cursor = 0;                  // highlighted result while typing (position in hits)

    void draw(ViewContext& ctx);

    // For tests and the CLI-equivalent checks: the current hits (after draw()).
    const std::vector<measures::SearchHit>& results() const { return hits_; }

private:
    void ensure_loaded();
    void refresh_hits();
    void refresh_fit(const ViewContext& ctx);
    void draw_search_row(ViewContext& ctx);
    void draw_case_picker(const ViewContext& ctx);
    void draw_filters(const ViewContext& ctx);
    void draw_results(const ViewContext& ctx);
    void draw_card(const ViewContext& ctx, int position, const measures::SearchHit& hit, float width);
    void draw_detail(const ViewContext& ctx);
    void draw_fit_section(const ViewContext& ctx, const iadesk::measures::Measure& m);
    void draw_add_to_plan(const ViewContext& ctx, const iadesk::measures::Measure& m);

    bool loaded_ = false;
    measures::Catalogue catalogue_;
    measures::MeasureIndex index_;
    std::vector<std::string> goal_short_nb_, goal_short_en_; // chip labels of taxonomy.ia_goals

    std::vector<measures::SearchHit> hits_;
    bool hits_dirty_ = true;
    bool scroll_to_cursor_ = false;
    bool focus_search_ = false;
    int last_frame_ = -10;
    int detail_shown_ = -1; // the measure the detail pane showed last frame (its scroll is reset on change)

    // Eligibility of every measure for case_employee's case, by catalogue position.
    std::vector<measures::Eligibility> fit_;
    measures::EligibilityContext fit_context_;
    std::string fit_employee_, fit_name_;
    uint64_t fit_revision_ = UINT64_MAX;
};

} // namespace iadesk::app
