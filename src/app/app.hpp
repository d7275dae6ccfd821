// App: owns the document, the derived data, the UI state and the theme; draws one frame.
//
// Contract
// - The platform creates the ImGui context and backends, calls init() once, then for every
//   frame: set_display_scale(dpr) (may rebuild fonts: the platform then recreates the font
//   texture when it returns true), NewFrame, draw(), Render.
// - Views never mutate the document: they queue Commands (pending_) that draw() applies after
//   the views have drawn (ImGui's request-flag idiom).
// - document_json() is the whole document in the dataset format (read-only view for tests).
#pragma once

#include "app/i18n.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/views/overview.hpp"
#include "app/views/settings.hpp"
#include "iadesk/cases.hpp"
#include "iadesk/document.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace iadesk::app {

enum class Page { overview, settings };

struct AppOptions {
    bool test_mode = false;     // publish widget rectangles (test_probe)
    Date today = Date::from_ymd(2026, 11, 24);
    int demo_employees = 400;   // demo organisation generated on first start
};

// Data derived from the document, recomputed once per revision (never per frame).
struct Derived {
    uint64_t revision = UINT64_MAX;
    std::vector<SicknessCase> cases;
    int open_cases = 0;
};

class App {
public:
    void init(const AppOptions& opt);
    bool set_display_scale(float dpr); // true when fonts were rebuilt
    void draw();
    std::string document_json() const;
    Document& document() { return doc_; }
    probe::Probe& test_probe() { return probe_; }
    bool test_mode() const { return options_.test_mode; }

private:
    void refresh_derived();
    void draw_menu_bar();
    void draw_navigation();
    void draw_status_bar();
    void handle_shortcuts();

    AppOptions options_;
    Document doc_;
    Derived derived_;
    Theme theme_;
    Translations translations_;
    probe::Probe probe_;
    Page page_ = Page::overview;
    OverviewView overview_;
    SettingsView settings_;
    std::vector<Command> pending_;
    std::string status_message_;
};

} // namespace iadesk::app
