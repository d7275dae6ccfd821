// web_startup: from main() to the open document.
//
// Contract
// - start_app() reads the options from the URL (?test: the test API and probe; ?demo=N, the size
//   of the first-start demo, for the tests and the benchmark; ?today=YYYY-MM-DD pins the date,
//   in test mode only: for anyone else the date is the computer's, whatever the address says),
//   initialises the App, applies ImGui's stored settings, and starts the storage handshake
//   (js_start_storage: the data lock, IndexedDB read into /data). The App draws its loading
//   screen meanwhile.
// - iadesk_start(locked, error) is called once the stored data is in /data (or reading failed):
//   a tab without the data lock is read-only, and so is one whose storage could not be read
//   (what it opens may not be what is stored, and a save could replace the stored data); the App
//   opens the data in its next frames.
// - iadesk_flush() (page hide) saves what is unsaved at once and keeps the newest snapshot in
//   localStorage; iadesk_persisted(ok, error) is the answer to Platform::persist.
#include "app/i18n.hpp"
#include "platform/web_bridge.hpp"
#include "platform/web_page.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace iadesk::web {

WebPage* g_page = nullptr;

namespace {

constexpr const char* kImGuiSettingsKey = "iadesk.imgui.ini";

Date today_local() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

} // namespace

void report_start_failure(const char* key) {
    app::Translations texts;
    texts.load_builtin();
    js_start_failed(texts.get(key));
}

void start_app(WebPage& page, float device_pixel_ratio) {
    app::AppOptions& opt = page.options;
    opt.test_mode = js_url_has_test_flag() != 0;
    opt.accessible_mirror = true; // web_a11y.js
    opt.today = today_local();
    if (char* today = js_url_param("today")) { // tests pin the date: ?test&today=2026-11-24
        if (!opt.test_mode) std::printf("iadesk: ?today= is ignored outside test mode\n");
        else if (auto d = parse_date(today)) opt.today = *d;
        std::free(today);
    }
    if (char* demo = js_url_param("demo")) { // size of the first-start demo: ?demo=50000
        opt.demo_employees = std::max(1, std::min(200000, std::atoi(demo)));
        std::free(demo);
    }
    if (opt.test_mode) js_install_test_api();
    page.app.set_display_scale(device_pixel_ratio);

    page.services.open_store();
    opt.platform = &page.services;
    page.app.init(opt);
    // After init, so that the app's own settings section (theme, font size, language) is read.
    if (char* ini = js_load_setting(kImGuiSettingsKey)) {
        ImGui::LoadIniSettingsFromMemory(ini);
        std::free(ini);
    }
    js_install_route_listener(); // Back/Forward from now on; the address's own route is read when the data opens
    js_start_storage(); // calls iadesk_start when the stored data is read
}

// ImGui's own settings (window sizes, the app's preferences section), when ImGui asks to save them.
void save_imgui_settings() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantSaveIniSettings) return;
    io.WantSaveIniSettings = false;
    js_save_setting(kImGuiSettingsKey, ImGui::SaveIniSettingsToMemory());
}

} // namespace iadesk::web

using iadesk::web::g_page;

extern "C" {

// Storage is read (or failed to be read): the app opens the data in its next frames.
// `locked` = this tab holds the data.
EMSCRIPTEN_KEEPALIVE void iadesk_start(int locked, const char* sync_error) {
    if (!g_page) return;
    if (sync_error && *sync_error) {
        std::fprintf(stderr, "iadesk: reading IndexedDB failed: %s\n", sync_error);
        g_page->app.set_read_only(iadesk::app::ReadOnly::storage_unreadable, sync_error);
    } else if (!locked) {
        g_page->app.set_read_only(iadesk::app::ReadOnly::another_tab);
    }
    g_page->app.storage_ready();
}

EMSCRIPTEN_KEEPALIVE void iadesk_flush() {
    if (g_page && g_page->app.document_open() && g_page->app.flush()) js_keep_newest_snapshot();
}

EMSCRIPTEN_KEEPALIVE void iadesk_persisted(int ok, const char* error) {
    if (g_page && g_page->app.document_open()) g_page->app.on_persisted(ok != 0, error ? error : "");
}

} // extern "C"
