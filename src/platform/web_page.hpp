// web_page: the state of the one page the browser app runs in, shared by the platform's files:
// web_main.cpp (the frame loop, canvas, text input, clipboard), web_startup.cpp (options from the
// URL, the storage handshake), web_services.cpp (the app::Platform the App sees) and
// web_test_api.cpp (window.iadeskTest's C++ side).
//
// Contract
// - Created once by main() and never destroyed (main() never returns: simulate_infinite_loop);
//   g_page points to it from then on. Callbacks from JavaScript check g_page before use.
#pragma once

#include "app/app.hpp"
#include "platform/platform.hpp"

#include <GLFW/glfw3.h>

#include <optional>
#include <string>

namespace iadesk::web {

// /data as DirectoryStore, with reserve() growing the in-memory file once (web_storage.js). Applied
// after the first non-empty append: MEMFS replaces an empty file's array on its first write.
class WebStore : public platform::DirectoryStore {
public:
    WebStore() : DirectoryStore("/data") {}
    void reserve(const std::string& name, std::size_t bytes) override { reserve_name_ = name, reserve_bytes_ = bytes; }
    bool append(const std::string& name, std::string_view bytes, std::string* error) override;
    // The file's time in /data: when it was written, or the time its IndexedDB copy recorded
    // (web_storage.js gives restored files that time again).
    std::optional<int64_t> modified_unix(const std::string& name) override;

private:
    std::string reserve_name_;
    std::size_t reserve_bytes_ = 0;
};

// The browser's services for the App (app_platform.hpp): /data, its copy to IndexedDB, downloads,
// the file picker, the address (location.hash, history) and the tab title.
class WebServices : public app::Platform {
public:
    ByteStore* store() override { return store_ ? &*store_ : nullptr; }
    bool persist() override;
    bool download(const std::string& name, const std::string& mime, const std::string& bytes) override;
    bool open_html(const std::string& name, const std::string& html) override;
    bool pick_file(int purpose, const std::string& accept) override;
    void look_for_update() override;
    bool update_waiting() override;
    bool reload() override;
    std::string route() override;
    void show_route(const std::string& path, bool push) override;
    void set_title(const std::string& title) override;
    bool team_server() override;
    void keep_text(const std::string& key, const std::string& text) override;
    std::optional<std::string> kept_text(const std::string& key) override;
    bool http(int request, const std::string& method, const std::string& path, const std::string& body,
              const std::string& csrf) override;
    void open_store() { store_.emplace(); } // /data, filled from IndexedDB before the App opens it

private:
    std::optional<WebStore> store_;
};

struct WebPage {
    GLFWwindow* window = nullptr;
    app::App app;
    app::AppOptions options;
    WebServices services;
    std::string clipboard;
    std::string document_json;  // kept alive for the test API
    int fb_width = 0;
    int fb_height = 0;
    unsigned frame = 0;             // frames drawn with the document open
    unsigned mirror_generation = 0; // of the records the accessible mirror shows (web_a11y.js)
    bool drew_first_frame = false;
    bool text_input_active = false;
    const char* document_language = nullptr; // <html lang>, set from the first frame on (js_set_document_language)
    // The app's frame, called through this pointer: binaryen's optimizer inlines a function called
    // from one place into its caller (App::draw holds every view), which made frame() one function
    // of ~240 000 lines of wat that V8 compiled on its first call, 40-55 ms before the first frame
    // in a cold browser. A call through a pointer read from memory is not inlined, so the loading
    // screen's frames compile only what they run; the app's code compiles when the data opens.
    void (*draw_app)(app::App&) = [](app::App& a) { a.draw(); };
    double frame_ms[1024] = {}; // C++ time in frame() per drawn frame, by frame % 1024 (test API)
    double mirror_ms[1024] = {}; // of that, the accessible mirror: the records' JSON and the DOM update
    double ui_ms[1024] = {};    // of that, ImGui's and the app's part (NewFrame to Render), without GL
};

extern WebPage* g_page; // the one page; read by the exported callbacks

// web_startup.cpp: the App's options from the URL, init, the stored settings, then the storage
// handshake (iadesk_start opens the data when IndexedDB has been read).
void start_app(WebPage& page, float device_pixel_ratio);
// Before the app (and the user's language setting) exists: the bokmål text of `key` on the loader.
void report_start_failure(const char* key);
// ImGui's settings to localStorage when ImGui asks for it (once a frame).
void save_imgui_settings();

} // namespace iadesk::web
