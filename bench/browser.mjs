// The browser app with 50 000 employees, through the e2e harness (headless chromium,
// SwiftShader WebGL, the site served from 127.0.0.1):
//   node bench/browser.mjs SITE_DIR [--employees 50000] [--json FILE]
// Measures
// - transfer size of index.html + app.js + app.wasm, raw and gzip -9 (harness transferSizes), and
//   what the browser received from the harness's server, which compresses as production would;
// - time to first frame (performance.now() at the first drawn frame, from navigation start; the
//   app's loading screen, drawn before the stored data is read) and until the register is open
//   (window.iadeskStartup: storage read, document ready): on first start (the app generates the
//   demo of N employees) and after a reload (the N employees are read from the IndexedDB snapshot);
//   the first start also apart, five times, each in a browser of its own (see firstStarts);
// - CPU time per frame: the C++ time spent in the frame function (window.iadeskTest.frameTimes,
//   a ring buffer in src/platform/web.cpp), median and p95, while the mouse wheel scrolls the
//   employee list (Ansatte) and the Oversikt, one wheel step per drawn frame; and of that the UI
//   part (ImGui::NewFrame to ImGui::Render: input, the app's views, layout, draw lists) without
//   the WebGL calls of ImGui's OpenGL backend, which SwiftShader runs on the CPU; and of the
//   frame, the accessible mirror (the records' JSON and the DOM update of web_a11y.js);
// - autosave: the organisation name is changed under Innstillinger; from the first keystroke until
//   the snapshot is written and copied to IndexedDB: the longest frame function, the main thread's
//   tasks of 50 ms or more (the longtask observer; JavaScript outside the frame function too, such
//   as the IndexedDB copy of web_storage.js) and the longest gap between two animation frames,
//   next to the gaps of 2 s without any work (SwiftShader sets its own pace).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, transferSizes, AppPage } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const site = path.resolve(args[0] || 'build/web-bench/site');
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const employees = Number(opt('--employees', 50000));
const jsonOut = opt('--json');
if (!fs.existsSync(path.join(site, 'app.wasm'))) {
  console.error(`browser bench: ${site}/app.wasm is missing; build the app first`);
  process.exit(1);
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const summary = (xs) => ({ frames: xs.length, median: quantile(xs, 0.5), p95: quantile(xs, 0.95),
                           max: xs.length ? Math.max(...xs) : NaN });

// Records requestAnimationFrame gaps (wall time between frames) and the main thread's long tasks
// (PerformanceObserver "longtask": every task of 50 ms or more, whatever ran it) in the page.
const installGapRecorder = (page) => page.evaluate(() => {
  window.benchGaps = [];
  window.benchLongTasks = [];
  let last = performance.now();
  const tick = (t) => { window.benchGaps.push([t, t - last]); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ entryTypes: ['longtask'] });
});

async function frameNo(app) { return app.page.evaluate(() => window.iadeskTest.frame()); }
async function frameTimes(app, first, last) {
  const xs = await app.page.evaluate(([f, l]) => window.iadeskTest.frameTimes(f, l), [first, last]);
  return xs.filter((x) => x >= 0);
}
async function uiTimes(app, first, last) {
  const xs = await app.page.evaluate(([f, l]) => window.iadeskTest.uiTimes(f, l), [first, last]);
  return xs.filter((x) => x >= 0);
}
async function mirrorTimes(app, first, last) {
  const xs = await app.page.evaluate(([f, l]) => window.iadeskTest.mirrorTimes(f, l), [first, last]);
  return xs.filter((x) => x >= 0);
}
// Frame, UI and accessible-mirror times of frames first..last, summarised.
async function frameSummary(app, first, last) {
  return { ...summary(await frameTimes(app, first, last)), ui: summary(await uiTimes(app, first, last)),
           mirror: summary(await mirrorTimes(app, first, last)) };
}

// Scrolls with the mouse wheel at (x, y): `steps` wheel events of `dy` pixels, each followed by
// one drawn frame; returns the C++ frame times of those frames.
async function scroll(app, x, y, steps, dy) {
  await app.page.mouse.move(x, y);
  await app.frames(3);
  const first = await frameNo(app);
  for (let i = 0; i < steps; i++) {
    await app.page.mouse.wheel(0, i < steps / 2 ? dy : -dy);
    await app.frames(1);
  }
  const last = (await frameNo(app)) - 1;
  return frameSummary(app, first, last);
}

// The point just below a table's header labelled `header`, or the canvas' middle.
async function tablePoint(app, header) {
  const items = await app.items();
  const h = items.find((it) => it.visible && it.label === header);
  if (h) return { x: h.x + h.w / 2, y: h.y + h.h + 200 };
  return { x: 640, y: 450 };
}

// The browser's own cost of its first WebGL context: a blank page in a freshly launched browser
// (three launches, the median), the same wait the app's first start has in glfwCreateWindow.
async function blankFirstWebGl() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const b = await launch();
    try {
      const p = await (await b.newContext()).newPage();
      await p.goto('about:blank');
      times.push(await p.evaluate(() => {
        const t = performance.now();
        document.createElement('canvas').getContext('webgl2');
        return performance.now() - t;
      }));
    } finally {
      await b.close();
    }
  }
  return quantile(times, 0.5);
}

// First start, each sample in a newly launched browser with a fresh profile (nothing cached, no
// stored data), the app opened `settleMs` after the launch. With 2 000 ms the browser has started
// its GPU process meanwhile, as the browser a user opens the app in has; with 0 that start
// (blankFirstWebGl) is part of the first frame. The first frame is the loading screen; the demo is
// generated after it, so the browser is closed then.
async function firstStarts(url, settleMs, samples) {
  const out = [];
  for (let i = 0; i < samples; i++) {
    const b = await launch();
    try {
      const p = await (await b.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await p.goto('about:blank');
      await p.waitForTimeout(settleMs);
      await p.goto(`${url}?test&demo=${employees}&today=2026-11-24`);
      await p.waitForFunction(() => window.iadeskFirstFrameMs !== undefined, null, { timeout: 60000 });
      out.push(await p.evaluate(() => ({ first: window.iadeskFirstFrameMs, main: window.iadeskMainMs,
                                        graphicsReady: window.iadeskStartup.graphicsReady })));
    } finally {
      await b.close();
    }
  }
  const first = out.map((x) => x.first);
  return { settleMs, samples: out, median: quantile(first, 0.5), min: Math.min(...first), max: Math.max(...first) };
}

const server = await serve(site);
const result = { employees, site, blankFirstWebGlMs: await blankFirstWebGl() };
result.firstStart = await firstStarts(server.url, 2000, 5);
result.firstStartJustLaunched = await firstStarts(server.url, 0, 3);
const browser = await launch();
try {
  result.transfer = transferSizes(site);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const app = new AppPage(page, path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts'));
  const waitStarted = () => page.waitForFunction(() => window.iadeskFirstFrameMs !== undefined && window.iadeskTest
                                                 && window.iadeskTest.frame() > 2, null, { timeout: 120000 });
  // First start: the demo of `employees` is generated, then autosaved (first snapshot). The app is
  // opened 2 s after the browser's launch, as in firstStarts.
  await page.waitForTimeout(2000);
  await page.goto(`${server.url}?test&demo=${employees}&today=2026-11-24`);
  await waitStarted();
  result.firstFrameGenerateMs = await page.evaluate(() => window.iadeskFirstFrameMs);
  result.startupGenerate = await page.evaluate(() => ({ main: window.iadeskMainMs, ...window.iadeskStartup }));
  // The bytes the browser received for the app (the harness's server compresses like a production
  // server), against the gzip -9 sizes computed from the files.
  result.transferReceived = await page.evaluate(() => Object.fromEntries(
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .map((e) => [new URL(e.name).pathname.split('/').pop() || 'index.html', e.encodedBodySize])
      .filter(([n]) => ['index.html', 'app.js', 'app.wasm'].includes(n))));
  await app.find(/^Lagret \d\d:\d\d$/, { kind: 'text', timeout: 60000 });
  await page.waitForFunction(() => !window.Module.iadeskSyncing, null, { timeout: 60000 });
  result.documentEmployees = (await page.evaluate(() => window.iadeskTest.document().employees.length));

  // Reload: the same employees from the IndexedDB snapshot.
  await page.reload();
  await waitStarted();
  result.firstFrameReloadMs = await page.evaluate(() => window.iadeskFirstFrameMs);
  result.startupReload = await page.evaluate(() => ({ main: window.iadeskMainMs, ...window.iadeskStartup }));
  result.startupFrames = summary(await frameTimes(app, 0, 2));

  // Scrolling the employee list.
  await app.click('Ansatte', { kind: 'button' });
  let p = await tablePoint(app, 'Navn');
  result.scrollEmployees = await scroll(app, p.x, p.y, 40, 240);

  // Scrolling the Oversikt.
  await app.click('Oversikt', { kind: 'button' });
  p = await tablePoint(app, 'Navn');
  result.scrollOverview = await scroll(app, p.x, p.y, 40, 240);

  // Idle frames on the Oversikt (nothing happens).
  await app.frames(2);
  let f0 = await frameNo(app);
  await app.frames(30);
  result.idleOverview = await frameSummary(app, f0, (await frameNo(app)) - 1);

  // Autosave: change the organisation name; the save runs ~0.8 s after the change.
  await app.click('Innstillinger', { kind: 'button' });
  await installGapRecorder(page);
  // First a baseline: the same page for 2 s with nothing to do. Under SwiftShader the browser
  // draws at its own pace, so gaps between animation frames occur without any work of the app.
  const b0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(2000);
  const baseline = (await page.evaluate(() => window.benchGaps)).filter(([t]) => t >= b0).map(([, g]) => g);
  result.idleGaps = { frames: baseline.length, longestGapMs: Math.max(...baseline), medianGapMs: quantile(baseline, 0.5) };
  f0 = await frameNo(app);
  const t0 = await page.evaluate(() => performance.now());
  await app.type('Organisasjonsnavn', 'Nordlys kommune');
  await app.press('Tab');
  await app.find('Lagrer …', { kind: 'text', timeout: 3000 }).catch(() => {});
  await app.find(/^Lagret \d\d:\d\d$/, { kind: 'text', timeout: 30000 });
  await page.waitForFunction(() => !window.Module.iadeskSyncing, null, { timeout: 30000 });
  await app.frames(5);
  const f1 = (await frameNo(app)) - 1;
  const saveFrames = await frameTimes(app, f0, f1);
  const saveUi = await uiTimes(app, f0, f1);
  const gaps = (await page.evaluate(() => window.benchGaps)).filter(([t]) => t >= t0).map(([, g]) => g);
  const longTasks = (await page.evaluate(() => window.benchLongTasks)).filter(([t]) => t >= t0).map(([, d]) => d);
  result.autosave = { frames: saveFrames.length, longestFrameMs: Math.max(...saveFrames), longestUiMs: Math.max(...saveUi),
                      medianFrameMs: quantile(saveFrames, 0.5), longestGapMs: Math.max(...gaps),
                      longTasks: longTasks.length, longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
                      savedName: (await app.document()).organisation.name };
  // Unique messages only (Emscripten's GLFW wheel handler warns on every wheel event).
  result.consoleErrors = [...new Set(app.consoleErrors)];
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const f = (x) => (typeof x === 'number' ? x.toFixed(1) : String(x));
console.log(`browser (${employees} employees; headless chromium, SwiftShader WebGL)`);
console.log(`  transfer: ${(result.transfer.raw / 1024).toFixed(0)} KiB raw, ${(result.transfer.gzip / 1024).toFixed(0)} KiB gzip -9 ` +
            Object.entries(result.transfer.files).map(([n, s]) => `${n} ${(s.raw / 1024).toFixed(0)}/${(s.gzip / 1024).toFixed(0)}`).join(', ') +
            `; received by the browser ${(Object.values(result.transferReceived).reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB`);
console.log(`  first frame: ${f(result.firstFrameGenerateMs)} ms on first start (generates the demo), ${f(result.firstFrameReloadMs)} ms after a reload (from IndexedDB)`);
const phases = (s) => `main() ${f(s.main)} ms, WebGL and ImGui ready ${f(s.graphicsReady)} ms, storage read ${f(s.storageRead)} ms, register open ${f(s.documentReady)} ms`;
console.log(`  start-up: first start ${phases(result.startupGenerate)}; reload ${phases(result.startupReload)}`);
const starts = (s) => `median ${f(s.median)} ms (${f(s.min)}-${f(s.max)}, ${s.samples.length} browsers)`;
console.log(`  first start, the app opened 2 s after the browser's launch: first frame ${starts(result.firstStart)}; ` +
            `opened at once: ${starts(result.firstStartJustLaunched)}`);
console.log(`  the browser's first WebGL context on a blank page, freshly launched: ${f(result.blankFirstWebGlMs)} ms (median of 3)`);
for (const [k, name] of [['scrollEmployees', 'scroll Ansatte'], ['scrollOverview', 'scroll Oversikt'], ['idleOverview', 'idle Oversikt']]) {
  const s = result[k];
  console.log(`  ${name}: ${s.frames} frames, C++ frame time median ${f(s.median)} ms, p95 ${f(s.p95)} ms, max ${f(s.max)} ms; ` +
              `UI part (without WebGL) median ${f(s.ui.median)} ms, p95 ${f(s.ui.p95)} ms; ` +
              `accessible mirror median ${f(s.mirror.median)} ms, p95 ${f(s.mirror.p95)} ms`);
}
console.log(`  autosave: longest frame ${f(result.autosave.longestFrameMs)} ms (UI part ${f(result.autosave.longestUiMs)} ms), ` +
            `main-thread tasks >= 50 ms: ${result.autosave.longTasks} (longest ${f(result.autosave.longestTaskMs)} ms), ` +
            `longest gap between frames ${f(result.autosave.longestGapMs)} ms (${result.autosave.frames} frames; ` +
            `idle baseline: longest gap ${f(result.idleGaps.longestGapMs)} ms, median ${f(result.idleGaps.medianGapMs)} ms)`);
if (result.consoleErrors.length) console.log(`  console errors: ${result.consoleErrors.join(' | ')}`);
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(result, null, 1) + '\n');
