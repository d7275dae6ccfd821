// web_main: the browser platform's main() and frame loop (Emscripten 3.1.6, GLFW emulation, WebGL2).
//
// What the GLFW emulation of this toolchain lacks, and the platform adds:
// - HiDPI: the canvas backing store is its CSS size x devicePixelRatio, checked every frame
//   (browser zoom changes it); fonts and style are rebuilt by the App when the ratio changes.
// - Text: characters reach ImGui through a focused, invisible <textarea> whose `input` and
//   composition events are forwarded (AddInputCharactersUTF8), not through GLFW's keypress path,
//   which loses æ ø å, dashes and quotes, and never sees dead keys, IME or on-screen keyboards.
// - Clipboard: ImGui's copy goes to navigator.clipboard; the browser's `paste` event feeds ImGui.
// - Shortcuts the app owns (Ctrl+S, F, P, Z, Y, K, O) are kept from the browser.
// - ImGui's settings live in localStorage, not in imgui.ini.
// - Accessibility: the widgets of each frame (test_probe.hpp) become a DOM tree beside the canvas
//   (web_a11y.js), updated after a frame whose widgets changed.
// The JavaScript is web_library.js; start-up and storage are web_startup.cpp, the App's services
// web_services.cpp, the test API web_test_api.cpp.
#include "app/test_probe.hpp"
#include "platform/web_bridge.hpp"
#include "platform/web_page.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>

namespace iadesk::web {
namespace {

const char* get_clipboard(void* user) { return static_cast<WebPage*>(user)->clipboard.c_str(); }

void set_clipboard(void* user, const char* text) {
    static_cast<WebPage*>(user)->clipboard = text ? text : "";
    js_write_clipboard(text ? text : "");
}

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    if (!g_page) return;
    const bool active = data->WantVisible;
    js_set_text_input_active(active ? 1 : 0, data->InputPos.x, data->InputPos.y);
    g_page->text_input_active = active;
}

// Canvas backing store = CSS size x devicePixelRatio (sokol_app's algorithm).
void follow_canvas_size(WebPage& p) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = static_cast<int>(std::lround(css_w * dpr));
    const int h = static_cast<int>(std::lround(css_h * dpr));
    if (w > 0 && h > 0 && (w != p.fb_width || h != p.fb_height)) {
        glfwSetWindowSize(p.window, w, h);
        p.fb_width = w;
        p.fb_height = h;
    }
    if (p.app.set_display_scale(static_cast<float>(dpr)) && p.drew_first_frame) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

// Every animation frame draws: the app's loading screen until the stored data is read and opened
// (App::storage_ready), then the app. Frames are counted (test API, timings) from the first frame
// with the document open.
void frame(void* arg) {
    WebPage& p = *static_cast<WebPage*>(arg);
    const double frame_start = emscripten_get_now();
    glfwPollEvents();
    follow_canvas_size(p);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    app::probe::begin_frame();
    const double ui_start = emscripten_get_now();
    ImGui::NewFrame();
    if (p.app.reading_storage()) p.app.draw_loading(); // the first frames need none of the app's views
    else p.draw_app(p.app);
    ImGui::Render();
    const double ui_ms = emscripten_get_now() - ui_start;
    const double mirror_start = emscripten_get_now();
    app::probe::end_frame();
    if (app::probe::generation() != p.mirror_generation) { // only when the records changed
        p.mirror_generation = app::probe::generation();
        js_a11y_update(app::probe::items_json().c_str(), p.app.landmark_labels_json().c_str());
    }
    const double mirror_ms = emscripten_get_now() - mirror_start;

    glViewport(0, 0, p.fb_width, p.fb_height);
    glClearColor(0.98f, 0.98f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    save_imgui_settings();
    if (!p.drew_first_frame) {
        p.drew_first_frame = true;
        js_first_frame();
    }
    if (p.document_language != p.app.language_code()) {
        p.document_language = p.app.language_code();
        js_set_document_language(p.document_language);
    }
    if (!p.app.document_open()) return;
    if (p.frame == 0) js_mark_startup("documentReady");
    p.ui_ms[p.frame % 1024] = ui_ms;
    p.mirror_ms[p.frame % 1024] = mirror_ms;
    p.frame_ms[p.frame % 1024] = emscripten_get_now() - frame_start;
    ++p.frame;
}

} // namespace
} // namespace iadesk::web

using iadesk::web::g_page;

// --- Callbacks from JavaScript (web_library.js) ----------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void iadesk_text_input(const char* utf8) {
    if (utf8 && ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// The accessible mirror asks for a widget to be pressed (a screen reader's click, web_a11y.js):
// ImGui activates it as if by keyboard, on the next frame.
EMSCRIPTEN_KEEPALIVE void iadesk_a11y_activate(unsigned id) {
    if (ImGui::GetCurrentContext()) iadesk::app::probe::activate(id);
}

EMSCRIPTEN_KEEPALIVE void iadesk_paste(const char* utf8) {
    if (g_page) g_page->clipboard = utf8 ? utf8 : "";
}

} // extern "C"

int main() {
    using namespace iadesk::web;
    js_mark_main();
    if (!glfwInit()) {
        std::fprintf(stderr, "iadesk: glfwInit failed\n");
        report_start_failure("start.no_webgl");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);

    // Lives as long as the page: main() never returns (simulate_infinite_loop).
    WebPage& page = *new WebPage();
    g_page = &page;
    double css_w = 1280, css_h = 800;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    page.fb_width = static_cast<int>(std::lround(css_w * dpr));
    page.fb_height = static_cast<int>(std::lround(css_h * dpr));
    page.window = glfwCreateWindow(page.fb_width, page.fb_height, "iadesk", nullptr, nullptr);
    if (!page.window) {
        std::fprintf(stderr, "iadesk: WebGL2 is not available in this browser\n");
        report_start_failure("start.no_webgl");
        return 1;
    }
    glfwMakeContextCurrent(page.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // settings go to localStorage
    ImGui_ImplGlfw_InitForOpenGL(page.window, true);
    // After the backend's init, which installs GLFW's (empty, on this toolchain) clipboard.
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = &page;
    io.SetPlatformImeDataFn = set_ime_data;
    glfwSetCharCallback(page.window, nullptr); // text comes from js_install_bridges instead
    ImGui_ImplOpenGL3_Init("#version 300 es");
    js_install_bridges();
    js_a11y_install(); // after the bridges: its text fields use their typed-text path
    js_mark_startup("graphicsReady");

    start_app(page, static_cast<float>(dpr));

    frame(&page); // the loading screen now, not at the next animation frame (~17-60 ms later)
    emscripten_set_main_loop_arg(frame, &page, 0, true);
    return 0;
}
