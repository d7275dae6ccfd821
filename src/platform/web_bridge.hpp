// web_bridge: the JavaScript functions the browser platform calls (defined in web_library.js,
// web_test_api.js and web_a11y.js, linked with --js-library). Strings go in as UTF-8; a returned char* is
// malloc'ed by the JavaScript side and freed by the caller with std::free, or null for "none".
#pragma once

extern "C" {
int js_url_has_test_flag();
char* js_url_param(const char* name);
void js_install_bridges();                                // text input, paste, shortcuts, context menu
void js_set_text_input_active(int active, float x, float y); // the IME caret, in canvas pixels
void js_write_clipboard(const char* text);
char* js_load_setting(const char* key);                   // localStorage
void js_save_setting(const char* key, const char* value);
void js_start_failed(const char* why);                    // index.html's loader shows why
void js_mark_main();
void js_mark_startup(const char* name);                   // window.iadeskStartup[name] = now
void js_first_frame();
void js_set_document_language(const char* code);          // <html lang>
void js_start_storage();                                  // lock, IndexedDB -> /data, then iadesk_start
void js_keep_newest_snapshot();                           // page hide: newest snapshot to localStorage
void js_persist();                                        // /data -> IndexedDB, then iadesk_persisted
void js_reserve_file(const char* path, double bytes);
void js_pick_file(int purpose, const char* accept);       // then iadesk_file_picked
int js_offer_document(const char* name, const char* mime, const char* data, int len, int open_tab);
void js_install_test_api();                               // window.iadeskTest (test mode only)
void js_look_for_update();                                // the service worker checks for a new version
int js_update_waiting();                                  // a new version is installed and waits
void js_reload();                                         // reload, on the waiting version if any
char* js_route();                                         // location.hash without '#' (malloc'ed)
void js_show_route(const char* path, int push);           // history.pushState / replaceState
void js_set_title(const char* title);                     // document.title
int js_team_server();                                     // the cookie iadesk-server sets on its pages
// fetch() to the page's own server; answers through iadesk_http_answer (status 0: no answer).
void js_http(int request, const char* method, const char* path, const char* body, const char* csrf);
void js_install_route_listener();                         // popstate, hashchange -> iadesk_route
void js_a11y_install();                                   // the accessible mirror (web_a11y.js)
void js_a11y_update(const char* items_json, const char* landmark_labels_json);
}
