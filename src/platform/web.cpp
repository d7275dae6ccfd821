// web: the browser platform (Emscripten 3.1.6, GLFW emulation, WebGL2).
//
// What the GLFW emulation of this toolchain lacks, and this file adds (style-models.md §4):
// - HiDPI: the canvas backing store is its CSS size x devicePixelRatio, checked every frame
//   (browser zoom changes it); fonts and style are rebuilt by the App when the ratio changes.
// - Text: characters reach ImGui through a focused, invisible <textarea> whose `input` and
//   composition events are forwarded (AddInputCharactersUTF8), not through GLFW's keypress path,
//   which loses æ ø å, dashes and quotes, and never sees dead keys, IME or on-screen keyboards.
// - Clipboard: ImGui's copy goes to navigator.clipboard; the browser's `paste` event feeds ImGui.
// - Shortcuts the app owns (Ctrl+S, F, P, Z, Y, K, O) are kept from the browser.
// - ImGui's settings live in localStorage, not in imgui.ini.
// - With ?test in the URL, window.iadeskTest exposes the widgets of the last frame (test_probe)
//   and the document as JSON, read-only.
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "app/test_probe.hpp"
#include "platform/platform.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <cstdio>
#include <ctime>
#include <string>

namespace {

// --- Browser bridges (JavaScript) ---------------------------------------------------------------

EM_JS(int, js_url_has_test_flag, (), {
    return new URLSearchParams(window.location.search).has('test') ? 1 : 0;
});

EM_JS(void, js_install_bridges, (), {
    // Invisible text field: the browser's text input, composition (dead keys, IME) and
    // on-screen keyboards all arrive here as `input` events.
    const ta = document.createElement('textarea');
    ta.id = 'iadesk-text-input';
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocorrect', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.setAttribute('aria-hidden', 'true');
    ta.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;' +
                       'resize:none;overflow:hidden;pointer-events:none;';
    document.body.appendChild(ta);
    let composing = false;
    const send = (text) => { if (text) Module.ccall('iadesk_text_input', null, ['string'], [text]); };
    ta.addEventListener('compositionstart', () => { composing = true; });
    ta.addEventListener('compositionend', (e) => { composing = false; send(e.data); ta.value = ""; });
    ta.addEventListener('input', (e) => {
        if (composing || e.isComposing) return;
        if (e.inputType !== 'insertFromPaste' && e.inputType !== 'insertLineBreak') send(e.data);
        ta.value = "";
    });
    Module.iadeskTextInput = ta;

    // Clipboard: the paste event carries the system clipboard's text to ImGui's Ctrl+V.
    window.addEventListener('paste', (e) => {
        const text = (e.clipboardData || window.clipboardData).getData('text/plain');
        Module.ccall('iadesk_paste', null, ['string'], [text || ""]);
        e.preventDefault();
    }, true);

    // Shortcuts the app owns never reach the browser (save page, find, print, ...).
    window.addEventListener('keydown', (e) => {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && 'sfpzyko'.includes(e.key.toLowerCase())) e.preventDefault();
    }, true);
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('webglcontextlost', (e) => {
        e.preventDefault();
        if (Module.setStatus) Module.setStatus('Grafikken ble tilbakestilt av nettleseren. Last inn siden på nytt.');
    });
});

EM_JS(void, js_set_text_input_active, (int active, float x, float y), {
    const ta = Module.iadeskTextInput;
    if (!ta) return;
    if (active) {
        const dpr = window.devicePixelRatio || 1;
        const r = document.getElementById('canvas').getBoundingClientRect();
        ta.style.left = (r.left + x / dpr) + 'px'; // IME windows open at the caret
        ta.style.top = (r.top + y / dpr) + 'px';
        if (document.activeElement !== ta) ta.focus({preventScroll: true});
    } else if (document.activeElement === ta) {
        ta.blur();
    }
});

EM_JS(void, js_write_clipboard, (const char* text), {
    const s = UTF8ToString(text);
    const fallback = () => {
        const t = document.createElement('textarea');
        t.value = s;
        document.body.appendChild(t);
        t.select();
        try { document.execCommand('copy'); } catch (err) {}
        t.remove();
        if (Module.iadeskTextInput) Module.iadeskTextInput.focus({preventScroll: true});
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(fallback);
    else fallback();
});

EM_JS(char*, js_load_setting, (const char* key), {
    let v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (err) {}
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_save_setting, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (err) {}
});

// The app cannot start (no WebGL 2): index.html's loader shows `why` in place of "Laster …".
EM_JS(void, js_start_failed, (const char* why), {
    if (Module.onAbort) Module.onAbort(UTF8ToString(why));
});

// Before the app (and the user's language setting) exists: the bokmål text of `key`.
void report_start_failure(const char* key) {
    iadesk::app::Translations texts;
    texts.load_builtin();
    js_start_failed(texts.get(key));
}

EM_JS(void, js_mark_main, (), { window.iadeskMainMs = performance.now(); });

// Start-up phases (performance.now() in ms) for the benchmark: window.iadeskStartup[name].
EM_JS(void, js_mark_startup, (const char* name), {
    (window.iadeskStartup = window.iadeskStartup || {})[UTF8ToString(name)] = performance.now();
});

EM_JS(void, js_first_frame, (), {
    window.iadeskFirstFrameMs = performance.now();
    console.log('iadesk: main() at ' + window.iadeskMainMs.toFixed(0) + ' ms');
    const loader = document.getElementById('loader');
    if (loader) loader.remove();
    console.log('iadesk: first frame after ' + window.iadeskFirstFrameMs.toFixed(0) + ' ms');
    if (Module.afterFirstFrame) Module.afterFirstFrame(); // index.html: the offline service worker
});

// <html lang>: the app's language, for screen readers and the browser. Set only from the first
// frame on: with lang="nb" in the HTML, Chromium's first WebGL context came 100-200 ms later
// (docs/performance.md, "first frame").
EM_JS(void, js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
});

// Storage: take the data lock (a second tab on the same data becomes read-only instead of
// overwriting the first unnoticed), read IndexedDB's copy into /data (web_storage.js), then start
// the app.
EM_JS(void, js_start_storage, (), {
    const start = (locked) => {
        try { FS.mkdir("/data"); } catch (err) {}
        const run = (err) => Module.ccall("iadesk_start", null, ["number", "string"], [locked ? 1 : 0, err ? String(err.message || err) : ""]);
        Module.iadeskDisk.restore(locked)
            .then(() => { (window.iadeskStartup = window.iadeskStartup || {}).storageRead = performance.now(); return locked ? Module.iadeskDisk.takeBackKept() : null; })
            .then(() => run(null), (err) => run(err || new Error("IndexedDB read failed")));
    };
    if (!navigator.locks) { start(true); return; }
    navigator.locks.request("iadesk-data", {ifAvailable: true}, (lock) => {
        start(!!lock);
        return lock ? new Promise(() => {}) : undefined; // held for the life of the page
    });
    const flush = () => { if (Module._iadesk_flush) Module._iadesk_flush(); };
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
    window.addEventListener("pagehide", flush);
});

// On page hide, after the flush: the newest snapshot also into localStorage (web_storage.js).
EM_JS(void, js_keep_newest_snapshot, (), { Module.iadeskDisk.keepNewest(); });

// After a snapshot was written to /data: copy what changed to IndexedDB (web_storage.js), then
// tell the app whether the browser took it.
EM_JS(void, js_persist, (), {
    Module.iadeskDisk.persist().then((err) => {
        const why = err ? String((err.name ? err.name + ": " : "") + (err.message || err)) : "";
        Module.ccall("iadesk_persisted", null, ["number", "string"], [err ? 0 : 1, why]);
    });
});

EM_JS(void, js_reserve_file, (const char* path, double bytes), {
    Module.iadeskDisk.reserve(UTF8ToString(path), bytes);
});

// A file picker: one hidden <input type=file> (tests set files on it, #iadesk-file-input); the
// chosen file's bytes go to iadesk_file_picked. Cancelling does nothing.
EM_JS(void, js_pick_file, (int purpose, const char* accept), {
    let input = document.getElementById('iadesk-file-input');
    if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'iadesk-file-input';
        input.style.display = 'none';
        document.body.appendChild(input);
        input.addEventListener('change', () => {
            const file = input.files && input.files[0];
            if (!file) return;
            const purpose = Number(input.dataset.purpose || 0);
            file.arrayBuffer().then((buf) => {
                const bytes = new Uint8Array(buf);
                const ptr = _malloc(bytes.length + 1);
                HEAPU8.set(bytes, ptr);
                Module.ccall('iadesk_file_picked', null, ['number', 'string', 'number', 'number'], [purpose, file.name, ptr, bytes.length]);
                _free(ptr);
                input.value = "";
            });
        });
    }
    input.dataset.purpose = String(purpose);
    input.accept = UTF8ToString(accept);
    input.click();
});

EM_JS(char*, js_url_param, (const char* name), {
    const v = new URLSearchParams(window.location.search).get(UTF8ToString(name));
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_install_test_api, (), {
    const json = (ptr) => JSON.parse(UTF8ToString(ptr));
    window.iadeskTest = {
        // Widgets of the last frame, in CSS pixels of the page.
        items: () => {
            const dpr = window.devicePixelRatio || 1;
            const r = document.getElementById('canvas').getBoundingClientRect();
            return json(Module._iadesk_test_items()).map((it) => Object.assign(it, {
                x: r.left + it.x / dpr, y: r.top + it.y / dpr, w: it.w / dpr, h: it.h / dpr }));
        },
        document: () => json(Module._iadesk_test_document()),
        frame: () => Module._iadesk_test_frame(),
        started: () => Module._iadesk_test_started() === 1,
        storedSnapshots: () => { try { return Module.iadeskDisk.snapshotNames(); } catch (e) { return []; } },
        // The files IndexedDB holds (web_storage.js): a promise of [{name, size, text}].
        indexedDbFiles: () => Module.iadeskDisk.stored(),
        inputPending: () => Module._iadesk_test_input_pending(),
        // C++ time (ms) spent in each frame function call, for frames first..last still in the
        // ring of the last 1024 (bench/browser.mjs); -1 for frames no longer held.
        frameTimes: (first, last) => {
            const out = [];
            for (let f = first; f <= last; f++) out.push(Module._iadesk_test_frame_ms(f));
            return out;
        },
        // Of that, the time from ImGui::NewFrame to ImGui::Render (the app's own work), per frame.
        uiTimes: (first, last) => {
            const out = [];
            for (let f = first; f <= last; f++) out.push(Module._iadesk_test_ui_ms(f));
            return out;
        },
    };
});

// --- Platform state -----------------------------------------------------------------------------

constexpr const char* kImGuiSettingsKey = "iadesk.imgui.ini";

// /data as DirectoryStore, with reserve() growing the in-memory file once (web_storage.js). Applied
// after the first non-empty append: MEMFS replaces an empty file's array on its first write.
class WebStore : public iadesk::platform::DirectoryStore {
public:
    WebStore() : DirectoryStore("/data") {}
    void reserve(const std::string& name, std::size_t bytes) override { reserve_name_ = name, reserve_bytes_ = bytes; }
    bool append(const std::string& name, std::string_view bytes, std::string* error) override {
        if (!DirectoryStore::append(name, bytes, error)) return false;
        if (name == reserve_name_ && !bytes.empty()) {
            js_reserve_file(("/data/" + name).c_str(), static_cast<double>(reserve_bytes_));
            reserve_name_.clear();
        }
        return true;
    }

private:
    std::string reserve_name_;
    std::size_t reserve_bytes_ = 0;
};

struct WebPlatform {
    GLFWwindow* window = nullptr;
    iadesk::app::App app;
    iadesk::app::AppOptions options;
    std::optional<WebStore> store;
    std::string clipboard;
    std::string document_json;  // kept alive for the test API
    int fb_width = 0;
    int fb_height = 0;
    unsigned frame = 0;             // frames drawn with the document open
    bool drew_first_frame = false;
    bool text_input_active = false;
    const char* document_language = nullptr; // <html lang>, set from the first frame on (js_set_document_language)
    // The app's frame, called through this pointer: binaryen's optimizer inlines a function called
    // from one place into its caller (App::draw holds every view), which made frame() one function
    // of ~240 000 lines of wat that V8 compiled on its first call, 40-55 ms before the first frame
    // in a cold browser. A call through a pointer read from memory is not inlined, so the loading
    // screen's frames compile only what they run; the app's code compiles when the data opens.
    void (*draw_app)(iadesk::app::App&) = [](iadesk::app::App& app) { app.draw(); };
    double frame_ms[1024] = {}; // C++ time in frame() per drawn frame, by frame % 1024 (test API)
    double ui_ms[1024] = {};    // of that, ImGui's and the app's part (NewFrame to Render), without GL
    // The state queries of ImGui's OpenGL backend that Chromium answers only after a GPU round trip
    // (web_gl_state.hpp): the first answer to each, kept.
    struct KeptGlState {
        GLenum pname;
        int count;
        bool known = false;
        GLint values[4] = {};
    };
    KeptGlState kept_gl_state[8] = {
        {GL_VIEWPORT, 4}, {GL_SCISSOR_BOX, 4}, {GL_BLEND_SRC_RGB, 1}, {GL_BLEND_DST_RGB, 1},
        {GL_BLEND_SRC_ALPHA, 1}, {GL_BLEND_DST_ALPHA, 1}, {GL_BLEND_EQUATION_RGB, 1}, {GL_BLEND_EQUATION_ALPHA, 1}};
};

WebPlatform* g_platform = nullptr; // the one platform of this page; read by the exported callbacks

const char* get_clipboard(void* user) { return static_cast<WebPlatform*>(user)->clipboard.c_str(); }

void set_clipboard(void* user, const char* text) {
    static_cast<WebPlatform*>(user)->clipboard = text ? text : "";
    js_write_clipboard(text ? text : "");
}

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    if (!g_platform) return;
    const bool active = data->WantVisible;
    js_set_text_input_active(active ? 1 : 0, data->InputPos.x, data->InputPos.y);
    g_platform->text_input_active = active;
}

// Canvas backing store = CSS size x devicePixelRatio (sokol_app's algorithm).
void follow_canvas_size(WebPlatform& p) {
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
    WebPlatform& p = *static_cast<WebPlatform*>(arg);
    const double frame_start = emscripten_get_now();
    glfwPollEvents();
    follow_canvas_size(p);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    iadesk::app::probe::begin_frame();
    const double ui_start = emscripten_get_now();
    ImGui::NewFrame();
    if (p.app.reading_storage()) p.app.draw_loading(); // the first frames need none of the app's views
    else p.draw_app(p.app);
    ImGui::Render();
    const double ui_ms = emscripten_get_now() - ui_start;
    iadesk::app::probe::end_frame();

    glViewport(0, 0, p.fb_width, p.fb_height);
    glClearColor(0.98f, 0.98f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    ImGuiIO& io = ImGui::GetIO();
    if (io.WantSaveIniSettings) {
        io.WantSaveIniSettings = false;
        js_save_setting(kImGuiSettingsKey, ImGui::SaveIniSettingsToMemory());
    }
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
    p.frame_ms[p.frame % 1024] = emscripten_get_now() - frame_start;
    ++p.frame;
}

iadesk::Date today_local() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return iadesk::Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

} // namespace

// The contract is in web_gl_state.hpp: only ImGui's OpenGL backend calls this.
extern "C" void iadesk_gl_get_integerv(GLenum pname, GLint* data) {
    if (g_platform) {
        for (auto& kept : g_platform->kept_gl_state) {
            if (kept.pname != pname) continue;
            if (!kept.known) {
                glGetIntegerv(pname, kept.values);
                kept.known = true;
            }
            std::copy(kept.values, kept.values + kept.count, data);
            return;
        }
    }
    glGetIntegerv(pname, data);
}

// --- Callbacks from JavaScript --------------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void iadesk_text_input(const char* utf8) {
    if (utf8 && ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

EMSCRIPTEN_KEEPALIVE void iadesk_paste(const char* utf8) {
    if (g_platform) g_platform->clipboard = utf8 ? utf8 : "";
}

EMSCRIPTEN_KEEPALIVE const char* iadesk_test_items() {
    return iadesk::app::probe::items_json().c_str();
}

EMSCRIPTEN_KEEPALIVE const char* iadesk_test_document() {
    if (!g_platform || !g_platform->app.test_mode()) return "null";
    g_platform->document_json = g_platform->app.document_json();
    return g_platform->document_json.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned iadesk_test_frame() { return g_platform ? g_platform->frame : 0; }
EMSCRIPTEN_KEEPALIVE double iadesk_test_frame_ms(unsigned f) {
    if (!g_platform || f >= g_platform->frame || g_platform->frame - f > 1024) return -1;
    return g_platform->frame_ms[f % 1024];
}
EMSCRIPTEN_KEEPALIVE double iadesk_test_ui_ms(unsigned f) {
    if (!g_platform || f >= g_platform->frame || g_platform->frame - f > 1024) return -1;
    return g_platform->ui_ms[f % 1024];
}
EMSCRIPTEN_KEEPALIVE int iadesk_test_started() { return g_platform && g_platform->app.document_open() ? 1 : 0; }

// Storage is read (or failed to be read): the app opens the data in its next frames.
// `locked` = this tab holds the data.
EMSCRIPTEN_KEEPALIVE void iadesk_start(int locked, const char* sync_error) {
    WebPlatform& p = *g_platform;
    if (sync_error && *sync_error) std::fprintf(stderr, "iadesk: reading IndexedDB failed: %s\n", sync_error);
    if (!locked) p.app.set_read_only(true, "another tab");
    p.app.storage_ready();
}

EMSCRIPTEN_KEEPALIVE void iadesk_file_picked(int purpose, const char* name, const char* bytes, int length) {
    if (g_platform && g_platform->app.document_open() && bytes && length >= 0)
        g_platform->app.on_file_picked(purpose, name ? name : "", std::string(bytes, static_cast<std::size_t>(length)));
}

EMSCRIPTEN_KEEPALIVE void iadesk_flush() {
    if (g_platform && g_platform->app.document_open() && g_platform->app.flush()) js_keep_newest_snapshot();
}

EMSCRIPTEN_KEEPALIVE void iadesk_persisted(int ok, const char* error) {
    if (g_platform && g_platform->app.document_open()) g_platform->app.on_persisted(ok != 0, error ? error : "");
}

// Input events ImGui has queued but not processed yet (it trickles fast key presses over frames).
EMSCRIPTEN_KEEPALIVE int iadesk_test_input_pending() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    return g ? g->InputEventsQueue.Size : 0;
}

} // extern "C"


int main() {
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
    WebPlatform& platform = *new WebPlatform();
    g_platform = &platform;
    double css_w = 1280, css_h = 800;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    platform.fb_width = static_cast<int>(std::lround(css_w * dpr));
    platform.fb_height = static_cast<int>(std::lround(css_h * dpr));
    platform.window = glfwCreateWindow(platform.fb_width, platform.fb_height, "iadesk", nullptr, nullptr);
    if (!platform.window) {
        std::fprintf(stderr, "iadesk: WebGL2 is not available in this browser\n");
        report_start_failure("start.no_webgl");
        return 1;
    }
    glfwMakeContextCurrent(platform.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // settings go to localStorage
    ImGui_ImplGlfw_InitForOpenGL(platform.window, true);
    // After the backend's init, which installs GLFW's (empty, on this toolchain) clipboard.
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = &platform;
    io.SetPlatformImeDataFn = set_ime_data;
    glfwSetCharCallback(platform.window, nullptr); // text comes from js_install_bridges instead
    ImGui_ImplOpenGL3_Init("#version 300 es");
    js_install_bridges();
    js_mark_startup("graphicsReady");

    iadesk::app::AppOptions& opt = platform.options;
    opt.test_mode = js_url_has_test_flag() != 0;
    opt.today = today_local();
    if (char* today = js_url_param("today")) { // tests pin the date: ?today=2026-11-24
        if (auto d = iadesk::parse_date(today)) opt.today = *d;
        std::free(today);
    }
    if (char* demo = js_url_param("demo")) { // size of the first-start demo: ?demo=50000
        opt.demo_employees = std::max(1, std::min(200000, std::atoi(demo)));
        std::free(demo);
    }
    if (opt.test_mode) js_install_test_api();
    platform.app.set_display_scale(static_cast<float>(dpr));

    platform.store.emplace(); // /data, filled from IndexedDB by js_start_storage before the app opens it
    opt.store = &*platform.store;
    opt.persist = [] { js_persist(); };
    opt.download = [](const std::string& name, const std::string& mime, const std::string& bytes) {
        iadesk::platform::download(name, mime, bytes);
    };
    opt.open_html = [](const std::string& name, const std::string& html) { iadesk::platform::open_html(name, html); };
    opt.pick_file = [](int purpose, const std::string& accept) { js_pick_file(purpose, accept.c_str()); };
    platform.app.init(opt);
    // After init, so that the app's own settings section (theme, font size, language) is read.
    if (char* ini = js_load_setting(kImGuiSettingsKey)) {
        ImGui::LoadIniSettingsFromMemory(ini);
        std::free(ini);
    }
    js_start_storage(); // calls iadesk_start when the stored data is read

    frame(&platform); // the loading screen now, not at the next animation frame (~17-60 ms later)
    emscripten_set_main_loop_arg(frame, &platform, 0, true);
    return 0;
}

// --- Documents for the user (plans: print and export, issue 4; platform.hpp) ---------------------

EM_JS(int, js_offer_document, (const char* name, const char* mime, const char* data, int len, int open_tab), {
    const bytes = HEAPU8.slice(data, data + len);
    const type = UTF8ToString(mime);
    const file = UTF8ToString(name);
    window.iadeskLastDocument = {name: file, mime: type, text: new TextDecoder().decode(bytes)};
    const url = URL.createObjectURL(new Blob([bytes], {type: type}));
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    if (open_tab && window.open(url, '_blank')) return 1;
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return 1;
});

namespace iadesk::platform {

bool open_html(const std::string& name, std::string_view html) {
    return js_offer_document(name.c_str(), "text/html;charset=utf-8", html.data(), static_cast<int>(html.size()), 1) != 0;
}

bool download(const std::string& name, const std::string& mime, std::string_view bytes) {
    return js_offer_document(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()), 0) != 0;
}

} // namespace iadesk::platform
