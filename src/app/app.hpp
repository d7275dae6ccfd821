// App: owns the document, the derived data, the UI state and the theme; draws one frame.
//
// Contract
// - The platform creates the ImGui context and backends, calls init() once, then for every
//   frame: set_display_scale(dpr) (when it returns true the fonts were rebuilt and the platform
//   recreates the font texture), NewFrame, draw(), Render.
// - Views never mutate the document: they queue Commands and navigation requests in their
//   ViewContext, which draw() applies after every view has drawn (ImGui's request-flag idiom).
// - Every user action is registered once in the ActionRegistry (menus, shortcuts, palette).
// - document_json() is the whole document in the dataset format (read-only view for tests).
#pragma once

#include "app/actions.hpp"
#include "app/app_platform.hpp"
#include "app/autosave.hpp"
#include "app/derived.hpp"
#include "app/i18n.hpp"
#include "app/role_menu.hpp"
#include "app/route.hpp"
#include "app/team_mode.hpp"
#include "app/test_probe.hpp"
#include "app/theme.hpp"
#include "app/view_context.hpp"
#include "app/views/case_view.hpp"
#include "app/views/employees.hpp"
#include "app/views/statistics.hpp"
#include "app/views/measures_view.hpp"
#include "app/views/overview.hpp"
#include "app/views/palette.hpp"
#include "app/views/shortcuts_view.hpp"
#include "app/views/settings.hpp"
#include "app/views/plan_editor.hpp"
#include "app/views/goals_view.hpp"
#include "app/views/recovery_view.hpp"
#include "app/views/start_view.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/document.hpp"
#include "iadesk/snapshots.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iadesk::app {

struct AppOptions {
    bool test_mode = false;     // publish widget rectangles (test_probe) and the test API
    bool accessible_mirror = false; // record widgets every frame for the platform's accessible mirror (test_probe.hpp)
    Date today = Date::from_ymd(2026, 11, 24);
    int demo_employees = 60;    // demo organisation generated on first start (about 60)
    Platform* platform = nullptr; // storage, downloads, file picker (app_platform.hpp); nullptr = none
};

class App {
public:
    void init(const AppOptions& opt);
    bool set_display_scale(float dpr); // true when fonts were rebuilt
    void draw();
    // Until storage_ready() the app draws a loading screen (the platform is still reading the
    // browser's storage); the frame after that shows "opening", and the one after it loads the
    // newest snapshot (or creates the demo) and draws the app. So the first frame comes before
    // the data (the first frame within 0.5 s) and a long load is never a blank page.
    // When stored snapshots exist but none loads, the recovery screen is drawn instead of the
    // app (recovery_view.hpp) and nothing is saved until the user chooses how to go on; when the
    // stored data is of a newer iadesk, a screen that says so, read-only for good.
    void storage_ready() { if (start_ == StartStage::reading_storage) start_ = StartStage::opening; }
    bool document_open() const { return start_ == StartStage::open; }
    bool reading_storage() const { return start_ == StartStage::reading_storage; }
    void draw_loading(); // the loading screen alone (what draw() shows while reading_storage())
    std::string document_json() const;
    Document& document() { return doc_; }
    bool test_mode() const { return options_.test_mode; }
    // The names of the accessible mirror's landmarks in the user's language, as JSON:
    // {"navigation": "...", "status": "..."} (web_a11y.js).
    std::string landmark_labels_json() const;
    // BCP 47 code of the language the app is shown in ("nb" or "en"); a static string.
    const char* language_code() const { return translations_.language == Language::en ? "en" : "nb"; }
    // Save now if anything is unsaved (page hide), a view's edits not yet in the document first
    // (the plan editor's working copy); true if it wrote a snapshot.
    bool flush();
    void on_persisted(bool ok, const std::string& error); // the platform's sync finished (Platform::persist)
    void set_read_only(ReadOnly why, std::string detail = {}) { autosave_.set_read_only(why, std::move(detail)); }
    void on_file_picked(int purpose, const std::string& name, const std::string& bytes);
    // The address changed outside the app (Back, Forward, a typed address; app_platform.hpp):
    // the route's view is shown from the next frame on, once the data is open. An unknown route,
    // or an employee the role does not see (any more), shows Oversikt and its address replaces
    // the bad one.
    void on_route(std::string path) { requested_route_ = std::move(path); }
    Route current_route() const; // the view shown now, as a route (route.hpp)
    // The platform would not read a picked file this large (web: over 512 MB): said in the status bar.
    void on_file_too_large(const std::string& name, double bytes);
    // The answer to a Platform::http request (team mode, team_mode.hpp; app_team.cpp).
    void on_http(int request, int status, std::string body);
    bool team_mode_on() const { return team_.on(); }

private:
    void register_actions();
    void register_preferences();
    int preferences_key() const {
        return static_cast<int>(theme_.kind) * 10000 + static_cast<int>(theme_.base_size) * 10 +
               (translations_.language == Language::en ? 1 : 0);
    }
    void draw_menu_bar();
    void draw_compact_menu_bar();
    void draw_role_menu();
    void draw_language_items();
    void draw_navigation(); // the views: the sidebar, or the "Meny" menu on narrow screens
    void draw_status_bar();
    void draw_page(ViewContext& ctx);
    void apply_requests(NavigationRequest& nav);
    void apply_route(const std::string& path); // a requested route, before the views draw
    void publish_route();                       // after the frame: the address and title, if changed
    void set_status(std::string text);
    static int64_t now_unix();  // wall clock, for the change log and "Lagret hh:mm"
    std::string actor() const;  // who changes the document: the role's name
    void load_or_create();
    // Team mode (team_mode.hpp, app_team.cpp).
    void team_begin();
    void team_signed_in(const std::string& body);
    void team_request_snapshot();
    void team_data_changed();
    void team_pump();
    bool team_allows(const Command& c) const;
    void draw_team_login();
    void draw_team_account_menu();
    void team_logout();
    void draw_team_conflicts();
    std::string team_status(ImVec4& colour) const;
    enum class StartStage { reading_storage, opening, loading, open };
    StartStage start_ = StartStage::reading_storage;
    void draw_stored_data_screen(); // recovery or newer data, drawn instead of the app
    void start_after_recovery(RecoveryView::Choice choice);
    void download_save(const StoredSave& save);
    ViewContext view_context_for_actions();
    std::function<void(const std::string&, const std::string&, const std::string&)> download_fn();
    std::function<void(const std::string&, const std::string&)> open_html_fn();

    AppOptions options_;
    Document doc_;
    Derived derived_;
    Theme theme_;
    Translations translations_;
    probe::Probe probe_;
    ActionRegistry actions_;
    Page page_ = Page::overview;
    Role role_ = Role::hr();
    RoleMenu role_menu_;
    int preferences_seen_ = -1;
    bool case_open_ = false;     // the Oppfølging page shows case_ (an employee's case)
    OverviewView overview_;
    EmployeesView employees_;
    StatisticsView statistics_;
    CaseView case_;
    MeasuresView measures_;
    SettingsView settings_;
    StartView start_view_;         // the demo banner and "Start med egen virksomhet"
    PlanEditorView plans_;       // Oppfølgingsplaner
    GoalsView goals_;            // IA-mål
    PaletteView palette_;
    ShortcutsView shortcuts_;
    std::optional<Route> focused_view_; // the view the keyboard's focus was last put into (App::draw)
    std::vector<Command> pending_;
    std::vector<Problem> refusals_; // edits refused this frame (by a builder or by Document::apply)
    NavigationRequest action_nav_; // navigation asked for by actions (applied with the frame's)
    std::string status_message_;
    Autosave autosave_;
    TeamMode team_;
    enum class Screen { app, recovery, newer };
    Screen screen_ = Screen::app;
    RecoveryView recovery_;     // what opening the stored data found (damaged saves, newer data)
    std::optional<std::string> requested_route_; // on_route(), applied at the start of the next frame
    std::string shown_route_;   // the route path in the address, as the App last saw or set it
    std::string shown_title_;   // the tab title last set
    bool replace_route_ = true; // the next change of route replaces the address's entry (after a
                                // route came from outside: a bad one is corrected, not added)
};

} // namespace iadesk::app
