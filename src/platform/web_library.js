// web_library.js: the JavaScript the browser platform calls from C++ (web_bridge.hpp declares each
// function). Linked with --js-library: Emscripten adds these functions to app.js and imports them
// into the wasm module. Storage itself is web_storage.js (Module.iadeskDisk); the test API is
// web_test_api.js.
//
// Contract
// - Strings come in as pointers to UTF-8; a returned string is malloc'ed here and freed by the
//   caller (std::free), or 0 for "none".
// - Nothing here throws into C++: browser APIs that may refuse (localStorage, clipboard) are
//   wrapped.
// - Callbacks into C++ go through Module.ccall / Module._name to the EMSCRIPTEN_KEEPALIVE
//   functions of web_startup.cpp and web_services.cpp.
mergeInto(LibraryManager.library, {
  js_url_has_test_flag: function () {
    return new URLSearchParams(window.location.search).has('test') ? 1 : 0;
  },

  js_url_param__deps: ['malloc'],
  js_url_param: function (name) {
    const v = new URLSearchParams(window.location.search).get(UTF8ToString(name));
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },

  js_install_bridges: function () {
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
    // Typed text from `el` to ImGui. The invisible field is emptied after each input; a text field
    // of the accessible mirror (web_a11y.js) keeps its value, which the app sets from the field.
    Module.iadeskAttachTextInput = (el, clear) => {
      const send = (text) => { if (text) Module.ccall('iadesk_text_input', null, ['string'], [text]); };
      el.addEventListener('compositionstart', () => { el.__iadeskComposing = true; });
      el.addEventListener('compositionend', (e) => {
        el.__iadeskComposing = false;
        send(e.data);
        if (clear) el.value = "";
      });
      el.addEventListener('input', (e) => {
        if (el.__iadeskComposing || e.isComposing) return;
        if (e.inputType !== 'insertFromPaste' && e.inputType !== 'insertLineBreak') send(e.data);
        if (clear) el.value = "";
      });
    };
    Module.iadeskAttachTextInput(ta, true);
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
      // A character typed while no text field has the focus (the keyboard help's "?") still
      // reaches the app as a character; in a field it arrives through the field's input event.
      const a = document.activeElement;
      const editable = a && (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT');
      if (!editable && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey)
        Module.ccall('iadesk_text_input', null, ['string'], [e.key]);
    }, true);
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      if (Module.setStatus) Module.setStatus('Grafikken ble tilbakestilt av nettleseren. Last inn siden på nytt.');
    });
  },

  js_set_text_input_active: function (active, x, y) {
    const ta = Module.iadeskTextInput;
    if (!ta) return;
    if (active) {
      const dpr = window.devicePixelRatio || 1;
      const r = document.getElementById('canvas').getBoundingClientRect();
      ta.style.left = (r.left + x / dpr) + 'px'; // IME windows open at the caret
      ta.style.top = (r.top + y / dpr) + 'px';
      // The mirror's own field for the widget, when it has the focus (web_a11y.js), takes the text.
      const a = document.activeElement;
      const mirrorField = a && a.tagName === 'INPUT' && a.closest && a.closest('#iadesk-a11y');
      if (a !== ta && !mirrorField) ta.focus({ preventScroll: true });
    } else if (document.activeElement === ta) {
      ta.blur();
    }
  },

  js_write_clipboard: function (text) {
    const s = UTF8ToString(text);
    const fallback = () => {
      const t = document.createElement('textarea');
      t.value = s;
      document.body.appendChild(t);
      t.select();
      try { document.execCommand('copy'); } catch (err) { /* nothing more to try */ }
      t.remove();
      if (Module.iadeskTextInput) Module.iadeskTextInput.focus({ preventScroll: true });
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(fallback);
    else fallback();
  },

  js_load_setting__deps: ['malloc'],
  js_load_setting: function (key) {
    let v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (err) { /* storage off: defaults */ }
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },

  js_save_setting: function (key, value) {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (err) { /* not kept */ }
  },

  // The app cannot start (no WebGL 2): index.html's loader shows `why` in place of "Laster …".
  js_start_failed: function (why) {
    if (Module.onAbort) Module.onAbort(UTF8ToString(why));
  },

  js_mark_main: function () { window.iadeskMainMs = performance.now(); },

  // Start-up phases (performance.now() in ms) for the benchmark: window.iadeskStartup[name].
  js_mark_startup: function (name) {
    (window.iadeskStartup = window.iadeskStartup || {})[UTF8ToString(name)] = performance.now();
  },

  js_first_frame: function () {
    window.iadeskFirstFrameMs = performance.now();
    console.log('iadesk: main() at ' + window.iadeskMainMs.toFixed(0) + ' ms');
    const loader = document.getElementById('loader');
    if (loader) loader.remove();
    console.log('iadesk: first frame after ' + window.iadeskFirstFrameMs.toFixed(0) + ' ms');
    if (Module.afterFirstFrame) Module.afterFirstFrame(); // index.html: the offline service worker
  },

  // <html lang>: the app's language, for screen readers and the browser. Set only from the first
  // frame on: with lang="nb" in the HTML, Chromium's first WebGL context came 100-200 ms later
  // (docs/performance.md, "first frame").
  js_set_document_language: function (code) {
    document.documentElement.lang = UTF8ToString(code);
  },

  // Storage: take the data lock (a second tab on the same data becomes read-only instead of
  // overwriting the first unnoticed), read IndexedDB's copy into /data (web_storage.js), then
  // start the app (iadesk_start).
  js_start_storage__deps: ['$FS'],
  js_start_storage: function () {
    const start = (locked) => {
      try { FS.mkdir("/data"); } catch (err) { /* already there */ }
      const run = (err) => Module.ccall("iadesk_start", null, ["number", "string"], [locked ? 1 : 0, err ? String(err.message || err) : ""]);
      Module.iadeskDisk.restore(locked)
        .then(() => { (window.iadeskStartup = window.iadeskStartup || {}).storageRead = performance.now(); return locked ? Module.iadeskDisk.takeBackKept() : null; })
        .then(() => run(null), (err) => run(err || new Error("IndexedDB read failed")));
    };
    if (!navigator.locks) { start(true); return; }
    navigator.locks.request("iadesk-data", { ifAvailable: true }, (lock) => {
      start(!!lock);
      return lock ? new Promise(() => {}) : undefined; // held for the life of the page
    });
    const flush = () => { if (Module._iadesk_flush) Module._iadesk_flush(); };
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
    window.addEventListener("pagehide", flush);
  },

  // On page hide, after the flush: the newest snapshot also into localStorage (web_storage.js).
  js_keep_newest_snapshot: function () { Module.iadeskDisk.keepNewest(); },

  // After a snapshot was written to /data: copy what changed to IndexedDB (web_storage.js), then
  // tell the app whether the browser took it (iadesk_persisted).
  js_persist: function () {
    Module.iadeskDisk.persist().then((err) => {
      const why = err ? String((err.name ? err.name + ": " : "") + (err.message || err)) : "";
      Module.ccall("iadesk_persisted", null, ["number", "string"], [err ? 0 : 1, why]);
    });
  },

  js_reserve_file: function (path, bytes) {
    Module.iadeskDisk.reserve(UTF8ToString(path), bytes);
  },

  // A file picker: one hidden <input type=file> (tests set files on it, #iadesk-file-input); the
  // chosen file's bytes go to iadesk_file_picked. Cancelling does nothing.
  js_pick_file__deps: ['malloc', 'free'],
  js_pick_file: function (purpose, accept) {
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
        const chosen = Number(input.dataset.purpose || 0);
        // A file over 512 MB is not read at all (it would not fit the app's memory beside the
        // register); the app says so instead (iadesk_file_too_large). So does a failed allocation.
        const tooLarge = () => {
          Module.ccall('iadesk_file_too_large', null, ['number', 'string', 'number'], [chosen, file.name, file.size]);
          input.value = "";
        };
        if (file.size > 512 * 1024 * 1024) { tooLarge(); return; }
        file.arrayBuffer().then((buf) => {
          const bytes = new Uint8Array(buf);
          const ptr = _malloc(bytes.length + 1);
          if (!ptr) { tooLarge(); return; }
          HEAPU8.set(bytes, ptr);
          Module.ccall('iadesk_file_picked', null, ['number', 'string', 'number', 'number'], [chosen, file.name, ptr, bytes.length]);
          _free(ptr);
          input.value = "";
        }).catch(tooLarge); // the browser could not hold it
      });
    }
    input.dataset.purpose = String(purpose);
    input.accept = UTF8ToString(accept);
    input.click();
  },

  // iadesk-server sets the cookie iadesk_team=1 on the app's files (src/server/serve.cpp): a page
  // from a static server has none, and the app then asks no API at all.
  js_team_server: function () {
    return document.cookie.split(';').some((c) => c.trim() === 'iadesk_team=1') ? 1 : 0;
  },

  // A request to the page's own server (team mode, docs/team.md): the session cookie goes with it
  // (same origin); the answer's text goes to iadesk_http_answer through the heap (a register can be
  // tens of MB), status 0 when there was none (offline, the server gone).
  js_http__deps: ['malloc', 'free'],
  js_http: function (request, method, path, body, csrf) {
    const m = UTF8ToString(method);
    const init = { method: m, credentials: 'same-origin', cache: 'no-store', headers: {} };
    const token = UTF8ToString(csrf);
    if (token) init.headers['X-CSRF-Token'] = token;
    if (m !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      init.body = UTF8ToString(body);
    }
    const answer = (status, text) => {
      const bytes = new TextEncoder().encode(text);
      const ptr = _malloc(bytes.length + 1);
      if (!ptr) { Module.ccall('iadesk_http_answer', null, ['number', 'number', 'number', 'number'], [request, 0, 0, 0]); return; }
      HEAPU8.set(bytes, ptr);
      Module.ccall('iadesk_http_answer', null, ['number', 'number', 'number', 'number'], [request, status, ptr, bytes.length]);
      _free(ptr);
    };
    fetch(UTF8ToString(path), init)
      .then((r) => r.text().then((t) => answer(r.status, t)))
      .catch(() => answer(0, ''));
  },

  // Updates through the service worker (web/sw.js; index.html keeps its registration). A new
  // version that has installed waits until it is asked to take over; js_reload asks it, and the
  // page reloads once it controls the page (or after 3 s, should it never take over). Without a
  // waiting version it is a plain reload (the worker fetches network first).
  js_look_for_update: function () {
    const reg = Module.serviceWorkerRegistration;
    if (reg) reg.update().catch(() => {});
  },
  js_update_waiting: function () {
    const reg = Module.serviceWorkerRegistration;
    return reg && reg.waiting && navigator.serviceWorker.controller ? 1 : 0;
  },
  js_reload: function () {
    const reg = Module.serviceWorkerRegistration;
    if (reg && reg.waiting) {
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload());
      reg.waiting.postMessage({ type: 'skip-waiting' });
      setTimeout(() => window.location.reload(), 3000);
    } else {
      window.location.reload();
    }
  },

  // One address per view (app_platform.hpp, route.hpp): the route is what follows '#'. The App
  // writes it with history.pushState/replaceState (neither fires an event, so nothing comes back);
  // Back, Forward and a typed address fire popstate and/or hashchange, both reported (the App
  // applies the last one before its next frame).
  js_route__deps: ['malloc'],
  js_route: function () {
    const route = window.location.hash.slice(1);
    const size = lengthBytesUTF8(route) + 1;
    const ptr = _malloc(size);
    stringToUTF8(route, ptr, size);
    return ptr;
  },
  js_show_route: function (path, push) {
    const url = '#' + UTF8ToString(path);
    if (window.location.hash === url) return;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  },
  js_set_title: function (title) { document.title = UTF8ToString(title); },
  js_install_route_listener: function () {
    const report = () => Module.ccall('iadesk_route', null, ['string'], [window.location.hash.slice(1)]);
    window.addEventListener('popstate', report);
    window.addEventListener('hashchange', report);
  },

  // A document for the user: opened in a new tab (open_tab; a blocked pop-up falls back to a
  // download) or downloaded as `name`. The last one is also kept in window.iadeskLastDocument
  // (read by the browser tests).
  js_offer_document: function (name, mime, data, len, open_tab) {
    const bytes = HEAPU8.slice(data, data + len);
    const type = UTF8ToString(mime);
    const file = UTF8ToString(name);
    window.iadeskLastDocument = { name: file, mime: type, text: new TextDecoder().decode(bytes) };
    const url = URL.createObjectURL(new Blob([bytes], { type: type }));
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    if (open_tab && window.open(url, '_blank')) return 1;
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return 1;
  },
});
