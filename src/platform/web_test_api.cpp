// web_test_api: the C++ side of window.iadeskTest (web_test_api.js), for the browser tests and the
// benchmark. Installed only in test mode (?test); the document is given out only then.
#include "app/test_probe.hpp"
#include "platform/web_page.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

using iadesk::web::g_page;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* iadesk_test_items() { return iadesk::app::probe::items_json().c_str(); }

EMSCRIPTEN_KEEPALIVE const char* iadesk_test_document() {
    if (!g_page || !g_page->app.test_mode()) return "null";
    g_page->document_json = g_page->app.document_json();
    return g_page->document_json.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned iadesk_test_frame() { return g_page ? g_page->frame : 0; }

EMSCRIPTEN_KEEPALIVE double iadesk_test_frame_ms(unsigned f) {
    if (!g_page || f >= g_page->frame || g_page->frame - f > 1024) return -1;
    return g_page->frame_ms[f % 1024];
}

EMSCRIPTEN_KEEPALIVE double iadesk_test_ui_ms(unsigned f) {
    if (!g_page || f >= g_page->frame || g_page->frame - f > 1024) return -1;
    return g_page->ui_ms[f % 1024];
}

EMSCRIPTEN_KEEPALIVE double iadesk_test_mirror_ms(unsigned f) {
    if (!g_page || f >= g_page->frame || g_page->frame - f > 1024) return -1;
    return g_page->mirror_ms[f % 1024];
}

EMSCRIPTEN_KEEPALIVE int iadesk_test_started() { return g_page && g_page->app.document_open() ? 1 : 0; }

// Input events ImGui has queued but not processed yet (it trickles fast key presses over frames).
EMSCRIPTEN_KEEPALIVE int iadesk_test_input_pending() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    return g ? g->InputEventsQueue.Size : 0;
}

} // extern "C"
