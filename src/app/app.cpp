#include "app/app.hpp"

#include "app/format.hpp"
#include "app/tr_format.hpp"
#include "app/widgets.hpp"
#include "iadesk/dataset.hpp"
#include "iadesk/demo.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <ctime>

namespace iadesk::app {

int64_t App::now_unix() { return static_cast<int64_t>(std::time(nullptr)); }

// The role a change is logged under (ChangeLogEntry::role).
std::string App::actor() const { return team_.on() ? team_.user_email : to_string(role_.kind); }

void App::init(const AppOptions& opt) {
    options_ = opt;
    if (std::string err = translations_.load_builtin(); !err.empty())
        std::fprintf(stderr, "iadesk: translations: %s\n", err.c_str());
    set_current_translations(&translations_);
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (opt.test_mode || opt.accessible_mirror) probe::attach(ImGui::GetCurrentContext(), &probe_);
    register_preferences();
    register_actions();
    team_begin(); // is there a team server behind the page? (team_mode.hpp)
}

// The start-up screen: what is being done, in the user's language, centred.
void App::draw_loading() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("iadesk-loading", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoNav);
    const char* what = tr(start_ == StartStage::reading_storage ? "start.reading_storage" : "start.opening");
    const float width = std::max(ImGui::CalcTextSize(what).x, ImGui::GetFontSize() * 12);
    ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - width) * 0.5f, vp->WorkSize.y * 0.4f));
    ImGui::BeginGroup();
    ui::heading(theme_.fonts.title, "iadesk");
    ui::text(what);
    ImGui::EndGroup();
    ImGui::End();
}

// The newest snapshot that loads; when none loads, the recovery screen; on first start a demo
// organisation clearly marked as demo. Nothing is stored here: the autosave writes what is opened.
void App::load_or_create() {
    SnapshotLoad l = autosave_.open(options_.platform);
    recovery_.saves.clear();
    if (l.newer_version) { // read-only for good: the store refuses to write as well
        screen_ = Screen::newer;
        recovery_.saves.push_back({l.newer_version->name, l.newer_version->message_nb, l.newer_version->message_en});
        autosave_.set_read_only(ReadOnly::newer_data);
        if (options_.platform) options_.platform->look_for_update();
        return;
    }
    for (const SnapshotProblem& p : l.damaged) recovery_.saves.push_back({p.name + ".damaged", p.message_nb, p.message_en});
    if (l.dataset) {
        doc_.reset(std::move(*l.dataset));
        autosave_.opened(doc_.revision);
        if (!l.damaged.empty()) {
            recovery_.opened_text = fallback_opened_text(l.saved_unix, static_cast<int>(l.damaged.size()), translations_.language);
            recovery_.notice_open = true;
            set_status(recovery_.opened_text);
        }
        return;
    }
    // Set aside at an earlier start (their problem was reported then).
    for (const std::string& name : autosave_.damaged_saves())
        if (std::none_of(recovery_.saves.begin(), recovery_.saves.end(), [&](const StoredSave& s) { return s.name == name; }))
            recovery_.saves.push_back({name, "", ""});
    if (!recovery_.saves.empty()) {
        screen_ = Screen::recovery;
        return;
    }
    doc_.reset(make_demo_dataset(options_.today, options_.demo_employees));
    autosave_.opened(0); // not stored yet: the first autosave writes it
}

// The user's choice on the recovery screen: a new document, saved under a new number; the
// damaged saves stay as they are.
void App::start_after_recovery(RecoveryView::Choice choice) {
    Dataset demo = make_demo_dataset(options_.today, options_.demo_employees);
    if (choice == RecoveryView::Choice::empty) {
        Dataset empty;
        empty.organisation = demo.organisation;
        empty.organisation.name = tr("data.new_org_name");
        demo = std::move(empty);
    }
    doc_.reset(std::move(demo));
    autosave_.opened(0);
    screen_ = Screen::app;
    set_status(tr("recovery.kept"));
}

// A stored save's bytes, exactly as stored, offered as a file (nothing is lost by a damaged save).
void App::download_save(const StoredSave& save) {
    std::optional<std::string> bytes = autosave_.stored_bytes(save.name);
    if (!bytes) {
        set_status(std::string(tr("recovery.unreadable")) + save.name);
        return;
    }
    download_fn()(download_name_of(save), "application/json", *bytes);
}

void App::draw_stored_data_screen() {
    const auto download = [this](const StoredSave& s) { download_save(s); };
    if (screen_ == Screen::newer) {
        const bool waiting = options_.platform && options_.platform->update_waiting();
        if (recovery_.draw_newer(theme_, translations_.language, waiting, download) == RecoveryView::Choice::update &&
            options_.platform)
            options_.platform->reload();
        return;
    }
    const RecoveryView::Choice choice = recovery_.draw_recovery(theme_, translations_.language, download);
    if (choice == RecoveryView::Choice::demo || choice == RecoveryView::Choice::empty) start_after_recovery(choice);
}

void App::on_persisted(bool ok, const std::string& error) { autosave_.on_persisted(ok, error, ImGui::GetTime()); }

// A file the user picked (restore, CSV import): checked and previewed in Innstillinger → Data.
void App::on_file_picked(int purpose, const std::string& name, const std::string& bytes) {
    const auto p = static_cast<FilePurpose>(purpose);
    settings_.data.on_file(view_context_for_actions(), p, name, bytes);
    settings_.select_data_tab = true;
    page_ = Page::settings;
}

void App::on_file_too_large(const std::string& name, double bytes) {
    set_status(trf("data.file_too_large", fmt::arg("file", name),
                   fmt::arg("megabytes", static_cast<long long>(bytes / (1024 * 1024))))); // whole MiB, rounded down
}

// Theme, font size and language are the user's, not the document's: they live with ImGui's own
// settings (in the browser: localStorage), in an [iadesk][Preferences] section.
void App::register_preferences() {
    ImGuiSettingsHandler h;
    h.TypeName = "iadesk";
    h.TypeHash = ImHashStr("iadesk");
    h.UserData = this;
    h.ReadOpenFn = [](ImGuiContext*, ImGuiSettingsHandler*, const char* name) -> void* {
        return std::strcmp(name, "Preferences") == 0 ? reinterpret_cast<void*>(1) : nullptr;
    };
    h.ReadLineFn = [](ImGuiContext*, ImGuiSettingsHandler* handler, void*, const char* line) {
        App* app = static_cast<App*>(handler->UserData);
        int v = 0;
        if (std::sscanf(line, "Theme=%d", &v) == 1 && v >= 0 && v <= 2) app->theme_.kind = static_cast<ThemeKind>(v);
        else if (std::sscanf(line, "FontSize=%d", &v) == 1 && v >= 12 && v <= 28) app->theme_.base_size = static_cast<float>(v);
        else if (std::sscanf(line, "English=%d", &v) == 1) app->translations_.language = v ? Language::en : Language::nb;
        app->theme_.dirty = true;
    };
    h.WriteAllFn = [](ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* out) {
        const App* app = static_cast<const App*>(handler->UserData);
        out->appendf("[iadesk][Preferences]\nTheme=%d\nFontSize=%d\nEnglish=%d\n\n", static_cast<int>(app->theme_.kind),
                     static_cast<int>(app->theme_.base_size), app->translations_.language == Language::en ? 1 : 0);
    };
    ImGui::AddSettingsHandler(&h);
}

void App::register_actions() {
    auto go = [this](Page p) { return [this, p] { page_ = p; }; };
    actions_.add({"goto.overview", "nav.overview", "menu.goto", ImGuiMod_Alt | ImGuiKey_1, false, {}, go(Page::overview)});
    actions_.add({"goto.employees", "nav.employees", "menu.goto", ImGuiMod_Alt | ImGuiKey_2, false, {}, go(Page::employees)});
    actions_.add({"goto.followup", "nav.followup", "menu.goto", ImGuiMod_Alt | ImGuiKey_3, false, {}, go(Page::followup)});
    actions_.add({"goto.measures", "nav.measures", "menu.goto", ImGuiMod_Alt | ImGuiKey_7, false, {}, go(Page::measures)});
    actions_.add({"goto.statistics", "nav.statistics", "menu.goto", ImGuiMod_Alt | ImGuiKey_8, false, {}, go(Page::statistics)});
    actions_.add({"goto.settings", "nav.settings", "menu.goto", ImGuiMod_Alt | ImGuiKey_9, false, {}, go(Page::settings)});
    actions_.add({"goto.goals", "nav.goals", "menu.goto", ImGuiMod_Alt | ImGuiKey_5, false, {}, go(Page::goals)});
    actions_.add({"goto.plans", "nav.plans", "menu.goto", ImGuiMod_Alt | ImGuiKey_4, false, {},
                  [this] { page_ = Page::plans; plans_.employee_id.clear(); }});
    actions_.add({"employees.new", "employees.new", "menu.edit", ImGuiMod_Ctrl | ImGuiKey_N, false,
                  [this] { return !team_.on() && !autosave_.state().read_only && may_edit(role_, EditArea::employees); },
                  [this] { page_ = Page::employees; employees_.start_new(view_context_for_actions()); }});
    actions_.add({"edit.undo", "action.undo", "menu.edit", ImGuiMod_Ctrl | ImGuiKey_Z, false,
                  [this] { return doc_.can_undo(); },
                  [this] { set_status(std::string(tr("status.undone")) + doc_.undo(now_unix(), actor())); }});
    actions_.add({"edit.redo", "action.redo", "menu.edit", ImGuiMod_Ctrl | ImGuiKey_Y, false,
                  [this] { return doc_.can_redo(); },
                  [this] { set_status(std::string(tr("status.redone")) + doc_.redo(now_unix(), actor())); }});
    actions_.add({"view.change_log", "action.change_log", "menu.view", 0, false,
                  [this] { return may_see_change_log(role_); },
                  [this] { page_ = Page::settings; settings_.select_log_tab = true; }});
    actions_.add({"app.palette", "action.palette", "menu.view", ImGuiMod_Ctrl | ImGuiKey_K, true, {},
                  [this] { palette_.open_requested = true; }});
    actions_.add({"help.shortcuts", "action.shortcuts", "menu.view", ImGuiKey_F1, true, {},
                  [this] { shortcuts_.request_open(); }});
    actions_.add({"view.language", "action.language", "menu.view", 0, false, {}, [this] {
                      translations_.language = translations_.language == Language::nb ? Language::en : Language::nb;
                  }});
}

bool App::set_display_scale(float dpr) {
    if (preferences_seen_ != preferences_key()) { // remember the user's choice
        preferences_seen_ = preferences_key();
        if (ImGui::GetCurrentContext()) ImGui::MarkIniSettingsDirty();
    }
    if (theme_.fonts.body && dpr == theme_.scale && !theme_.dirty) return false;
    theme_.apply(dpr);
    return true;
}

void App::set_status(std::string text) { status_message_ = std::move(text); }

namespace {

// A menu's label on the top bar, highlighted (hovered, open) in the bar's button colour: the
// style's Header is light in the light themes, under the bar's white text. Pushed around the
// label only, so that the menu's own items keep the theme's colours. Pops with pop_bar_label().
void push_bar_label(const SemanticColours& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour.bar_text);
    ImGui::PushStyleColor(ImGuiCol_Header, colour.bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, colour.bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, colour.bar_button_hovered);
}
void pop_bar_label() { ImGui::PopStyleColor(4); }

} // namespace

void App::draw_menu_bar() {
    if (ui::compact_layout()) {
        draw_compact_menu_bar();
        return;
    }
    if (!ImGui::BeginMenuBar()) return;
    const SemanticColours& colour = colours();
    ImGui::PushFont(theme_.fonts.title);
    ui::coloured_line(colour.bar_text, "iadesk");
    ImGui::PopFont();
    for (const char* menu : {"menu.edit", "menu.goto", "menu.view"}) {
        push_bar_label(colour); // the label on the dark bar; the popup has the theme's colours
        const bool open = ImGui::BeginMenu(tr(menu));
        pop_bar_label();
        if (open) {
            actions_.draw_menu(menu);
            ImGui::EndMenu();
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colour.bar_text_muted);
    ui::text(doc_.data.organisation.name.c_str());
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Button, colour.bar_button);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour.bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour.bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_Text, colour.bar_text);
    start_view_.draw_demo_button(doc_.data, !team_.on() && !autosave_.state().read_only && may_edit(role_, EditArea::organisation));
    ImGui::PopStyleColor(4);
    ImGui::PushStyleColor(ImGuiCol_Text, colour.bar_text_muted);
    const std::string palette = std::string(tr("action.palette")) + "  Ctrl+K";
    const float em = ImGui::GetFontSize();
    // Right-aligned: palette button, role menu, language menu.
    const std::string role_text = std::string(tr("role.prefix")) +
        (translations_.language == Language::nb ? role_label_nb(role_, doc_.data) : role_label_en(role_, doc_.data));
    const float right = ImGui::GetWindowWidth() - 5 * em - ImGui::CalcTextSize(role_text.c_str()).x - 2 * em;
    ImGui::SameLine(right - ImGui::CalcTextSize(palette.c_str()).x - 2 * em);
    ImGui::PushStyleColor(ImGuiCol_Button, colour.bar_button);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour.bar_button_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour.bar_button_hovered);
    if (ImGui::SmallButton(palette.c_str())) palette_.open_requested = true;
    ImGui::PopStyleColor(4);
    ImGui::SameLine(right);
    draw_role_menu();
    ImGui::SameLine(ImGui::GetWindowWidth() - 4.5f * em);
    push_bar_label(colour);
    const bool open_lang = ImGui::BeginMenu(translations_.language == Language::nb ? "nb###lang" : "en###lang");
    probe::note_label(tr("a11y.language")); // "nb" alone says little to a screen reader
    pop_bar_label();
    if (open_lang) {
        draw_language_items();
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

// Narrow screens (ui::compact_layout): the views in a "Meny" menu (no sidebar), the app's menus,
// the palette, the demo's way out and the language in "Mer", then the role.
void App::draw_compact_menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    const SemanticColours& colour = colours();
    push_bar_label(colour);
    const bool views_open = ImGui::BeginMenu(tr("nav.menu"));
    pop_bar_label();
    if (views_open) {
        draw_navigation();
        ImGui::EndMenu();
    }
    push_bar_label(colour);
    const bool more_open = ImGui::BeginMenu(tr("menu.more"));
    pop_bar_label();
    if (more_open) {
        for (const char* menu : {"menu.edit", "menu.goto", "menu.view"}) {
            if (ImGui::BeginMenu(tr(menu))) {
                actions_.draw_menu(menu);
                ImGui::EndMenu();
            }
        }
        if (ImGui::BeginMenu(tr("a11y.language"))) {
            draw_language_items();
            ImGui::EndMenu();
        }
        start_view_.draw_demo_button(doc_.data, !team_.on() && !autosave_.state().read_only && may_edit(role_, EditArea::organisation));
        ImGui::EndMenu();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colour.bar_text_muted);
    draw_role_menu();
    ImGui::PopStyleColor();
    ImGui::EndMenuBar();
}

void App::draw_role_menu() {
    if (team_.on()) { // the account and its role, not to be switched; logging out
        draw_team_account_menu();
        return;
    }
    if (!role_menu_.draw(doc_.data, role_, translations_.language)) return;
    set_status(std::string(tr("role.switched")) +
               (translations_.language == Language::nb ? role_label_nb(role_, doc_.data) : role_label_en(role_, doc_.data)));
    page_ = Page::overview;
    case_open_ = false;
}

void App::draw_language_items() {
    if (ImGui::MenuItem("Norsk bokmål", nullptr, translations_.language == Language::nb)) translations_.language = Language::nb;
    if (ImGui::MenuItem("English", nullptr, translations_.language == Language::en)) translations_.language = Language::en;
}

void App::draw_navigation() {
    struct Entry { Page page; const char* key; };
    const Entry entries[] = {{Page::overview, "nav.overview"}, {Page::employees, "nav.employees"},
                             {Page::followup, "nav.followup"}, {Page::plans, "nav.plans"}, {Page::goals, "nav.goals"}, {Page::measures, "nav.measures"},
                             {Page::statistics, "nav.statistics"}, {Page::settings, "nav.settings"}};
    const bool in_menu = ui::compact_layout(); // the menu bar's "Meny" (draw_compact_menu_bar)
    for (const Entry& e : entries) {
        if (ImGui::Selectable(tr(e.key), page_ == e.page, 0, ImVec2(in_menu ? 12 * ImGui::GetFontSize() : 0, 1.8f * ImGui::GetFontSize()))) {
            page_ = e.page;
        }
    }
}

void App::draw_status_bar() {
    ImGui::Separator();
    // Save state first: it is what a user must be able to trust.
    std::string save_text;
    ImVec4 colour = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
    const SaveState& save = autosave_.state();
    if (team_.on()) {
        save_text = team_status(colour);
    } else if (save.read_only) {
        save_text = std::string("\xE2\x9A\xA0 ") +
                    (save.read_only_reason == ReadOnly::storage_unreadable ? tr("save.read_only_storage") : tr("save.read_only"));
        if (!save.read_only_detail.empty()) save_text += " (" + save.read_only_detail + ")";
        colour = colours().text_error;
    } else if (!save.error.empty()) {
        save_text = std::string("\xE2\x9A\xA0 ") + save.error;
        colour = colours().text_error;
    } else if (save.unloadable) {
        const DatasetProblem& p = *save.unloadable;
        const std::string why = p.pointer + ": " + (translations_.language == Language::en ? p.message_en : p.message_nb);
        save_text = "\xE2\x9A\xA0 " + trf("save.unloadable", fmt::arg("reason", why));
        colour = colours().text_error;
    } else if (const PlanEditorView::UnsavedEdits view = plans_.unsaved_edits(translations_.language); !view.text.empty()) {
        // A view holds edits that are not in the document yet: never "Alt er lagret" then.
        save_text = view.blocked ? "\xE2\x9A\xA0 " + view.text : view.text;
        if (view.blocked) colour = colours().text_error;
    } else if (!autosave_.stored()) {
        save_text = tr("save.not_stored");
    } else if (autosave_.saving(doc_)) {
        save_text = tr("save.saving");
        if (save.stepped.active()) save_text += " " + std::to_string(static_cast<int>(save.stepped.progress() * 100)) + " %";
    } else if (save.saved_unix != 0) {
        std::time_t t = static_cast<std::time_t>(save.saved_unix);
        std::tm tm{};
        localtime_r(&t, &tm);
        save_text = trf("save.saved_at", fmt::arg("time", format_clock(tm.tm_hour, tm.tm_min)));
    } else {
        save_text = tr("save.loaded");
    }
    ui::coloured_line(colour, save_text.c_str());
    ImGui::SameLine(0, 2 * ImGui::GetFontSize());
    const char* text = status_message_.empty() ? tr("status.ready") : status_message_.c_str();
    ui::muted_line(text);
}

void App::draw_page(ViewContext& ctx) {
    switch (page_) {
    case Page::overview: overview_.draw(ctx); break;
    case Page::employees: employees_.draw(ctx); break;
    case Page::statistics: statistics_.draw(ctx, ctx.download); break;
    case Page::followup:
        if (case_open_) {
            case_.draw(ctx);
        } else {
            ui::heading(theme_.fonts.heading, tr("nav.followup"));
            ui::label_text(tr("followup.pick_case"));
        }
        break;
    case Page::measures: measures_.draw(ctx); break;
    case Page::settings:
        settings_.draw(ctx, translations_.language, theme_, [this](FilePurpose purpose) {
            const char* accept = purpose == FilePurpose::restore ? ".json,application/json" : ".csv,text/csv,text/plain"; // every import is CSV
            if (!options_.platform || !options_.platform->pick_file(static_cast<int>(purpose), accept))
                set_status(tr("status.no_download"));
        });
        break;
    case Page::plans: plans_.draw(ctx); break;
    case Page::goals: goals_.draw(ctx); break;
    default: break;
    }
}

void App::apply_requests(NavigationRequest& nav) {
    // Apply what the views asked for, after drawing (ImGui's request-flag idiom).
    if (autosave_.state().read_only && !pending_.empty()) {
        set_status(tr("save.read_only_refused"));
        pending_.clear();
    }
    for (Command& c : pending_) {
        if (team_.on() && !team_allows(c)) { // the server cannot store it yet: never kept only here
            set_status(tr("team.not_synced_edit"));
            continue;
        }
        std::string description = c.description;
        // Document::apply checks the edit with the loader's checks and refuses what it could not load.
        std::vector<Problem> problems = doc_.apply(std::move(c), now_unix(), actor()); // who did it
        if (problems.empty()) set_status(std::move(description));
        else refusals_.insert(refusals_.end(), problems.begin(), problems.end());
    }
    pending_.clear();
    if (settings_.data.start_over_requested) {
        settings_.data.start_over_requested = false;
        start_view_.open_requested = true;
    }
    if (start_view_.requested_demo) { // the demo again, as one undoable step like any other start
        start_view_.requested_demo = false;
        CommandResult r = replace_dataset(doc_.data, make_demo_dataset(options_.today, options_.demo_employees),
                                          "Startet på nytt med eksempeldata");
        if (r.ok()) {
            set_status(r.command->description);
            doc_.apply(std::move(*r.command), now_unix(), actor());
            page_ = Page::overview;
        }
    }
    if (!refusals_.empty()) { // said in the status bar, in the user's language
        const Problem& p = refusals_.front();
        set_status(std::string(tr("status.refused")) + (translations_.language == Language::en ? p.message_en : p.message_nb));
        refusals_.clear();
    }
    if (!ImGui::IsAnyItemActive()) doc_.end_merge(); // a field edit is one undo step
    if (action_nav_.page && !nav.page) nav.page = action_nav_.page;
    if (action_nav_.open_case_employee && !nav.open_case_employee) nav.open_case_employee = action_nav_.open_case_employee;
    action_nav_ = NavigationRequest{};
    if (nav.open_plan_employee) {
        plans_.open(*nav.open_plan_employee);
        page_ = Page::plans;
    }
    if (nav.open_case_employee) {
        case_.employee_id = *nav.open_case_employee;
        case_open_ = true;
        page_ = Page::followup;
    }
    if (nav.page) page_ = *nav.page;
}

void App::draw() {
    switch (team_.stage) { // team mode (team_mode.hpp): the server decides what opens
    case TeamMode::Stage::probing:
    case TeamMode::Stage::loading:
        draw_loading();
        return;
    case TeamMode::Stage::login:
        draw_team_login();
        return;
    case TeamMode::Stage::off:
    case TeamMode::Stage::on:
        break;
    }
    switch (start_) {
    case StartStage::reading_storage:
        draw_loading();
        return;
    case StartStage::opening: // drawn once, so that the screen says so during the load
        draw_loading();
        start_ = StartStage::loading;
        return;
    case StartStage::loading:
        load_or_create();
        start_ = StartStage::open;
        // The view in the address the page was opened with (a reload, a link), unless Back or
        // Forward already asked for another.
        if (!requested_route_ && options_.platform) requested_route_ = options_.platform->route();
        break;
    case StartStage::open:
        break;
    }
    if (screen_ != Screen::app) {
        draw_stored_data_screen();
        return;
    }
    derived_.refresh(doc_.data, doc_.revision, doc_.case_revision, options_.today, role_);
    if (requested_route_) { // from the platform, between frames: before any view draws
        const std::string path = std::move(*requested_route_);
        requested_route_.reset();
        apply_route(path);
    }
    actions_.handle_shortcuts();
    if (question_mark_typed()) shortcuts_.request_open();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("iadesk", nullptr, flags);
    draw_menu_bar();

    NavigationRequest nav;
    ViewContext ctx{doc_, derived_, theme_, options_.today, translations_.language, pending_, nav, autosave_.state().read_only,
                    download_fn(), open_html_fn(), &refusals_};
    ctx.team_mode = team_.on();
    const float em = ImGui::GetFontSize();
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (!ui::compact_layout()) { // narrow screens reach the views through the menu bar's "Meny"
        probe::set_region("navigation"); // the landmarks of the accessible mirror (test_probe.hpp)
        ImGui::BeginChild("navigation", ImVec2(11 * em, -status_h), ImGuiChildFlags_Border);
        draw_navigation();
        ImGui::EndChild();
        probe::note_label(tr("a11y.navigation")); // the panel, as the keyboard reaches it
        ImGui::SameLine();
    }
    probe::set_region("main");
    ImGui::BeginChild("page", ImVec2(0, -status_h), ImGuiChildFlags_None);
    // A view shown for the first time (the start, another page, case or employee): the keyboard's
    // focus goes to the page's first widget, so that Tab goes on there (docs/accessibility.md).
    if (const Route shown = current_route(); !focused_view_ || !(*focused_view_ == shown)) {
        focused_view_ = shown;
        ImGui::FocusWindow(ImGui::GetCurrentWindow());
        ImGui::NavInitWindow(ImGui::GetCurrentWindow(), true);
    }
    draw_page(ctx);
    ImGui::EndChild();
    plans_.keep_committed(ctx, ImGui::GetTime()); // on every page: edits reach the document when the editor is left
    probe::set_region("status");
    draw_status_bar();
    probe::set_region("main");
    start_view_.draw_dialog(ctx);
    draw_team_conflicts();
    palette_.draw(ctx, actions_);
    shortcuts_.draw(actions_);
    recovery_.draw_fallback_notice(theme_, translations_.language, [this](const StoredSave& s) { download_save(s); });
    ImGui::End();
    apply_requests(nav);
    publish_route();
    if (team_.on()) team_pump(); // the server holds the data: nothing is saved in the browser
    else autosave_.tick(doc_, ImGui::GetTime());
}

// The platform's download, or a status message when there is none (native tests).
std::function<void(const std::string&, const std::string&, const std::string&)> App::download_fn() {
    return [this](const std::string& name, const std::string& mime, const std::string& bytes) {
        if (options_.platform && options_.platform->download(name, mime, bytes))
            set_status(std::string(tr("status.downloaded")) + name);
        else
            set_status(tr("status.no_download"));
    };
}

std::function<void(const std::string&, const std::string&)> App::open_html_fn() {
    return [this](const std::string& name, const std::string& html) {
        if (!options_.platform || !options_.platform->open_html(name, html)) set_status(tr("status.no_download"));
    };
}

// Actions run between frames; a view that needs a ViewContext there gets one without requests.
ViewContext App::view_context_for_actions() {
    ViewContext ctx{doc_, derived_, theme_, options_.today, translations_.language, pending_, action_nav_, autosave_.state().read_only,
                    download_fn(), open_html_fn(), &refusals_};
    ctx.team_mode = team_.on();
    return ctx;
}

std::string App::document_json() const { return save_dataset(doc_.data); }

std::string App::landmark_labels_json() const {
    nlohmann::json j = {{"navigation", tr("a11y.navigation")}, {"status", tr("a11y.status")}};
    return j.dump();
}

bool App::flush() {
    if (screen_ != Screen::app || team_.on()) return false;
    if (!autosave_.state().read_only)
        if (std::optional<Command> c = plans_.commit_for_flush(doc_.data, options_.today)) doc_.apply(std::move(*c), now_unix(), actor());
    return autosave_.flush(doc_);
}

} // namespace iadesk::app
