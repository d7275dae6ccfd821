// web_services: the browser's app::Platform (web_page.hpp: storage, files, the address and the tab
// title) and the documents handed to the user (platform.hpp: open_html, download).
#include "platform/platform.hpp"
#include "platform/web_bridge.hpp"
#include "platform/web_page.hpp"

#include <emscripten.h>
#include <sys/stat.h>

#include <cstdlib>

namespace iadesk::web {

bool WebStore::append(const std::string& name, std::string_view bytes, std::string* error) {
    if (!DirectoryStore::append(name, bytes, error)) return false;
    if (name == reserve_name_ && !bytes.empty()) {
        js_reserve_file(("/data/" + name).c_str(), static_cast<double>(reserve_bytes_));
        reserve_name_.clear();
    }
    return true;
}

std::optional<int64_t> WebStore::modified_unix(const std::string& name) {
    struct stat st {};
    if (::stat(("/data/" + name).c_str(), &st) != 0) return std::nullopt;
    return static_cast<int64_t>(st.st_mtime);
}

bool WebServices::persist() {
    js_persist(); // answers through iadesk_persisted
    return true;
}

bool WebServices::download(const std::string& name, const std::string& mime, const std::string& bytes) {
    return platform::download(name, mime, bytes);
}

bool WebServices::open_html(const std::string& name, const std::string& html) { return platform::open_html(name, html); }

bool WebServices::pick_file(int purpose, const std::string& accept) {
    js_pick_file(purpose, accept.c_str()); // answers through iadesk_file_picked, or not at all (cancelled)
    return true;
}

void WebServices::look_for_update() { js_look_for_update(); }
bool WebServices::update_waiting() { return js_update_waiting() != 0; }
bool WebServices::reload() {
    js_reload(); // the page goes; nothing is unsaved when the App asks for it
    return true;
}

std::string WebServices::route() {
    char* hash = js_route();
    std::string path = hash ? hash : "";
    std::free(hash);
    return path;
}
void WebServices::show_route(const std::string& path, bool push) { js_show_route(path.c_str(), push ? 1 : 0); }
void WebServices::set_title(const std::string& title) { js_set_title(title.c_str()); }
bool WebServices::team_server() { return js_team_server() != 0; }
void WebServices::keep_text(const std::string& key, const std::string& text) { js_save_setting(key.c_str(), text.c_str()); }
std::optional<std::string> WebServices::kept_text(const std::string& key) {
    char* v = js_load_setting(key.c_str());
    if (!v) return std::nullopt;
    std::string text = v;
    std::free(v);
    return text;
}
bool WebServices::http(int request, const std::string& method, const std::string& path, const std::string& body,
                       const std::string& csrf) {
    js_http(request, method.c_str(), path.c_str(), body.c_str(), csrf.c_str());
    return true;
}

} // namespace iadesk::web

// Back, Forward or a typed address (web_library.js js_install_route_listener): the route's view
// from the next frame on (before the data is open too: applied when it opens).
extern "C" EMSCRIPTEN_KEEPALIVE void iadesk_route(const char* path) {
    using iadesk::web::g_page;
    if (g_page) g_page->app.on_route(path ? path : "");
}

// The answer to js_http (web_library.js): status 0 when the request got no answer.
extern "C" EMSCRIPTEN_KEEPALIVE void iadesk_http_answer(int request, int status, const char* body, int length) {
    using iadesk::web::g_page;
    if (g_page) g_page->app.on_http(request, status, body && length > 0 ? std::string(body, static_cast<std::size_t>(length)) : std::string());
}

extern "C" EMSCRIPTEN_KEEPALIVE void iadesk_file_picked(int purpose, const char* name, const char* bytes, int length) {
    using iadesk::web::g_page;
    if (g_page && g_page->app.document_open() && bytes && length >= 0)
        g_page->app.on_file_picked(purpose, name ? name : "", std::string(bytes, static_cast<std::size_t>(length)));
}

// A picked file too large to read (web_library.js js_pick_file): the app says so; nothing changes.
extern "C" EMSCRIPTEN_KEEPALIVE void iadesk_file_too_large(int, const char* name, double bytes) {
    using iadesk::web::g_page;
    if (g_page && g_page->app.document_open()) g_page->app.on_file_too_large(name ? name : "", bytes);
}

namespace iadesk::platform {

bool open_html(const std::string& name, std::string_view html) {
    return js_offer_document(name.c_str(), "text/html;charset=utf-8", html.data(), static_cast<int>(html.size()), 1) != 0;
}

bool download(const std::string& name, const std::string& mime, std::string_view bytes) {
    return js_offer_document(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()), 0) != 0;
}

} // namespace iadesk::platform
