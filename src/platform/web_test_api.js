// web_test_api.js: window.iadeskTest, the browser tests' read-only view of the app (installed only
// in test mode, ?test in the URL; web_test_api.cpp has the C++ side, tests/e2e/harness.mjs uses it).
// Linked with --js-library.
mergeInto(LibraryManager.library, {
  js_install_test_api: function () {
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
      // Of that, the accessible mirror (the records' JSON and the DOM update, web_a11y.js), per frame.
      mirrorTimes: (first, last) => {
        const out = [];
        for (let f = first; f <= last; f++) out.push(Module._iadesk_test_mirror_ms(f));
        return out;
      },
      // Of that, the time from ImGui::NewFrame to ImGui::Render (the app's own work), per frame.
      uiTimes: (first, last) => {
        const out = [];
        for (let f = first; f <= last; f++) out.push(Module._iadesk_test_ui_ms(f));
        return out;
      },
    };
  },
});
