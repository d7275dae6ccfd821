// Browser test harness: Playwright (playwright-core) drives Debian's chromium, headless, with WebGL
// through SwiftShader, against the built app served from a local static server on 127.0.0.1.
// The app is opened with ?test, so it publishes each widget's label, id and rectangle of the last
// frame (src/app/test_probe.hpp) and the document as JSON: tests find widgets by their label and
// click or type into them as a person would.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// The site is served by scripts/serve.mjs, the same server `bash scripts/serve.sh` runs: on
// 127.0.0.1 (a free port), gzip like a production server, never a path outside the site, 400 for a
// malformed URL (docs/reliability.md, "The local server"). It counts the bytes it sends.
export { serve } from '../../scripts/serve.mjs';

// Sizes of what the page downloads, raw and gzip (-9), in bytes.
export function transferSizes(root, names = ['index.html', 'app.js', 'app.wasm']) {
  const out = { raw: 0, gzip: 0, files: {} };
  for (const n of names) {
    const p = path.join(root, n);
    if (!fs.existsSync(p)) continue;
    const body = fs.readFileSync(p);
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    out.files[n] = { raw: body.length, gzip: gz };
    out.raw += body.length;
    out.gzip += gz;
  }
  return out;
}

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--no-sandbox', '--no-first-run', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--mute-audio',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
                           args: CHROMIUM_ARGS });
}

// A fresh browser context (its own storage) with the tests' viewport, closed afterwards whatever
// happens: await withContext(ctx, async (context) => { ... }). When fn fails, every page still open
// is saved as artifacts/FAILED-<test name>[-n].png first, and the paths are added to the error's
// message and stack (node:test's reporter prints them).
export async function withContext(ctx, fn, options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  try {
    return await fn(context);
  } catch (err) {
    const shots = await screenshotPages(context, ctx.artifacts, `FAILED-${ctx.testName || 'test'}`);
    if (shots.length && err instanceof Error) {
      const note = `screenshot: ${shots.join('\nscreenshot: ')}`;
      err.message += `\n${note}`;
      if (typeof err.stack === 'string') err.stack += `\n${note}`; // the reporter prints the stack
    }
    throw err;
  } finally {
    await context.close();
  }
}

// Saves each open page of the context; a page that cannot be captured (crashed, closed) is noted.
async function screenshotPages(context, artifacts, name) {
  const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 100);
  const shots = [];
  const pages = context.pages();
  for (let i = 0; i < pages.length; i++) {
    const file = path.join(artifacts, `${slug}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
    try {
      fs.mkdirSync(artifacts, { recursive: true });
      await pages[i].screenshot({ path: file, timeout: 10000 });
      shots.push(file);
    } catch (e) {
      shots.push(`${file} not taken (${String(e && e.message || e).split('\n')[0]})`);
    }
  }
  return shots;
}

// withContext with the app opened in it (test mode): fn(app, context, planted); the test fails on
// any console error of the app. Options: `today` ('yyyy-mm-dd': the app's date, ?today=), `plant`
// (files [{name, text, mtime?}] stored before the app first starts: plantBeforeStart; `planted`
// is then what was stored), and the browser context's own options (viewport ...).
export async function withApp(ctx, fn, { today, plant, ...options } = {}) {
  await withContext(ctx, async (context) => {
    const planted = plant ? await plantBeforeStart(ctx, context, plant) : undefined;
    const app = await AppPage.open(context, ctx.url, ctx.artifacts, today ? `test&today=${today}` : 'test');
    await fn(app, context, planted);
    assert.deepEqual(app.consoleErrors, [], 'the console has no errors');
  }, options);
}

// Scrolls the plan's parts (a child window) with the mouse wheel until `label` is visible.
export async function scrollPlanTo(app, label, kind) {
  for (let i = 0; i < 30; i++) {
    const items = await app.items();
    if (items.some((it) => it.visible && it.label === label && (!kind || it.kind === kind))) return;
    const parts = items.find((it) => it.visible && /plan-parts/.test(it.label));
    assert.ok(parts, 'the plan parts are shown');
    await app.page.mouse.move(parts.x + parts.w / 2, parts.y + parts.h / 2);
    await app.page.mouse.wheel(0, 240);
    await app.settle();
  }
}

// The status bar after a save: "Lagret hh:mm".
export const SAVED = /^Lagret \d\d:\d\d$/;

// One page of the app with the helpers a test uses.
export class AppPage {
  constructor(page, artifacts) {
    this.page = page;
    this.artifacts = artifacts;
    this.consoleErrors = [];
    // Chromium's own notice when Emscripten's GLFW wheel handler calls preventDefault on a passive
    // listener is not an error of the app; everything else logged as an error fails the test.
    const ignored = /Unable to preventDefault inside passive event listener/;
    page.on('console', (m) => { if (m.type() === 'error' && !ignored.test(m.text())) this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  static async open(context, url, artifacts, query = 'test') {
    const page = await context.newPage();
    const app = new AppPage(page, artifacts);
    await page.goto(`${url}?${query}`);
    await page.waitForFunction(() => window.iadeskFirstFrameMs !== undefined && window.iadeskTest
                               && window.iadeskTest.frame() > 2, null, { timeout: 30000 });
    app.firstFrameMs = await page.evaluate(() => window.iadeskFirstFrameMs);
    return app;
  }

  // Reloads the page and waits until the app has drawn a few frames with the data open.
  async reload() {
    await this.page.reload();
    await this.page.waitForFunction(() => window.iadeskTest && window.iadeskTest.frame() > 2, null, { timeout: 30000 });
  }

  // Waits until the browser's storage has taken every save (web_storage.js: no copy running).
  async persisted(timeout = 5000) {
    await this.page.waitForFunction(() => !window.Module.iadeskSyncing, null, { timeout });
  }

  items() { return this.page.evaluate(() => window.iadeskTest.items()); }
  document() { return this.page.evaluate(() => window.iadeskTest.document()); }

  // Waits until the app has drawn `n` more frames, so that input has been processed and shown.
  async frames(n = 3) {
    const start = await this.page.evaluate(() => window.iadeskTest.frame());
    await this.page.waitForFunction((s) => window.iadeskTest.frame() >= s, start + n, { timeout: 10000 });
  }

  // Waits until ImGui has processed every queued input event, then for two more frames. ImGui takes
  // about one queued event a frame, so a typed paragraph on a loaded machine (a few frames a
  // second under SwiftShader) takes longer than any fixed limit: this fails only when the queue
  // has not shrunk for 15 s.
  async settle() {
    let fewest = Infinity;
    let progressAt = Date.now();
    for (;;) {
      const pending = await this.page.evaluate(() => window.iadeskTest.inputPending());
      if (pending === 0) break;
      if (pending < fewest) {
        fewest = pending;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > 15000) {
        throw new Error(`the app has not taken input for 15 s: ${pending} events still queued`);
      }
      await this.frames(1);
    }
    await this.frames(2);
  }

  // The visible widget with this label (a string or a RegExp), optionally of a kind ('button',
  // 'input', 'text', 'checkbox', 'tree') and, when several match, the one on the same row as the
  // widget labelled `near` (e.g. the "Marker utført" button of the "Dialogmøte 1" row).
  async find(label, { kind, near, timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    const matches = (it, l) => it.visible && (l instanceof RegExp ? l.test(it.label) : it.label === l);
    for (;;) {
      const items = await this.items();
      let hits = items.filter((it) => matches(it, label) && (!kind || it.kind === kind));
      if (near && hits.length) {
        const ref = items.find((it) => matches(it, near));
        if (ref) {
          const cy = (it) => it.y + it.h / 2;
          hits.sort((a, b) => Math.abs(cy(a) - cy(ref)) - Math.abs(cy(b) - cy(ref)));
          if (Math.abs(cy(hits[0]) - cy(ref)) > Math.max(ref.h, hits[0].h)) hits = [];
        } else hits = [];
      }
      const hit = hits[0];
      if (hit) return hit;
      if (Date.now() > deadline) {
        const seen = [...new Set(items.filter((i) => i.visible).map((i) => i.label))].slice(0, 60).join(' | ');
        throw new Error(`no visible widget labelled ${label}${kind ? ` (${kind})` : ''}${near ? ` near ${near}` : ''}; visible: ${seen}`);
      }
      await this.frames(1);
    }
  }

  waitForLabel(label, opts) { return this.find(label, opts); }

  async absent(label, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const items = await this.items();
      if (!items.some((it) => it.visible && it.label === label)) return;
      if (Date.now() > deadline) throw new Error(`widget labelled ${label} is still shown`);
      await this.frames(1);
    }
  }

  // Scrolls the panel under (x, y) with the mouse wheel until the widget is in view, then returns
  // it (as find). For forms taller than the window, e.g. the absence form under the employee editor.
  async reveal(label, { kind, x = 1150, y = 500 } = {}) {
    for (let i = 0; i < 15; i++) {
      try { return await this.find(label, { kind, timeout: 200 }); } catch { /* not in view yet */ }
      await this.page.mouse.move(x, y);
      await this.page.mouse.wheel(0, 150);
      await this.settle();
    }
    return this.find(label, { kind });
  }

  async click(label, opts) {
    const it = await this.find(label, opts);
    await this.page.mouse.click(it.x + it.w / 2, it.y + it.h / 2, { delay: 60 });
    await this.settle();
    return it;
  }

  // Clicks the field, selects what is in it, and types `text` as keystrokes.
  async type(label, text, { replace = true, near } = {}) {
    await this.click(label, { kind: 'input', near });
    if (replace) {
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Backspace');
    }
    await this.page.keyboard.type(text, { delay: 5 });
    await this.settle();
  }

  async press(keys) { await this.page.keyboard.press(keys); await this.settle(); }

  async value(label) { return (await this.find(label, { kind: 'input' })).value; }

  // Waits until the status bar says "Lagret hh:mm" (a save done).
  async saved(timeout = 10000) { await this.find(SAVED, { kind: 'text', timeout }); }

  // Ansatte › Ny ansatt: registers an employee called `name`, employed from 01.01.2020 (before any
  // sick leave the tests give: one outside the employment is refused), and leaves the employee
  // open; returns the employee as stored in the document.
  async registerEmployee(name) {
    await this.click('Ansatte', { kind: 'button' });
    await this.click('Ny ansatt', { kind: 'button' });
    await this.type('Navn', name);
    await this.type('Fra', '01.01.2020');
    await this.click('Lagre', { kind: 'button' });
    const employee = (await this.document()).employees.find((e) => e.name === name);
    assert.ok(employee, 'the employee is in the document');
    return employee;
  }

  // For the employee open in Ansatte: an open-ended sick leave from `firstDay` (dd.mm.yyyy).
  async registerOpenSickLeave(firstDay) {
    await this.click('Registrer fravær', { kind: 'button' });
    await this.type('Første fraværsdag', firstDay);
    await this.click('Åpen slutt (sluttdato ukjent)', { kind: 'checkbox' });
    await this.reveal('Lagre fravær', { kind: 'button' }); // below the employee editor
    await this.click('Lagre fravær', { kind: 'button' });
  }

  // Opens Innstillinger (settings) at its Data tab: backup, restore, import.
  async openData() {
    await this.click('Innstillinger', { kind: 'button' });
    await this.click('Data');
  }

  // In Innstillinger, types `name` as the organisation's name and leaves the field (a click on the
  // navigation entry), which makes it one edit of the document.
  async renameOrganisation(name) {
    await this.click('Innstillinger', { kind: 'button' });
    await this.type('Organisasjonsnavn', name);
    await this.click('Innstillinger', { kind: 'button' });
  }

  // Clicks the button `button` and gives the file chooser it opens the file `name` with `content`
  // (a string, sent as UTF-8, or a Buffer of the file's exact bytes); then waits `frames` frames
  // for the app to read it (0: the test watches the frames itself).
  async chooseFile(button, name, content, { mimeType = 'text/csv', frames = 5 } = {}) {
    const it = await this.find(button, { kind: 'button' });
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser', { timeout: 10000 }),
      this.page.mouse.click(it.x + it.w / 2, it.y + it.h / 2),
    ]);
    const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    await chooser.setFiles({ name, mimeType, buffer });
    if (frames > 0) await this.frames(frames);
  }

  async screenshot(name) {
    fs.mkdirSync(this.artifacts, { recursive: true });
    const file = path.join(this.artifacts, `${name}.png`);
    const png = await this.page.screenshot({ path: file });
    return { file, png };
  }
}

// --- PNG inspection (no dependencies): decodes 8-bit RGB/RGBA non-interlaced PNGs -----------------
export function decodePng(buf) {
  let pos = 8; let width = 0; let height = 0; let colorType = 0; const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos); const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9];
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG'); }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : (() => { throw new Error('unsupported colour type'); })();
  const raw = zlib.inflateSync(Buffer.concat(idat)); const stride = width * bpp;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]; const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp] : 0; const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      let v = src[x];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c; const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      out[y * stride + x] = v & 255;
    }
  }
  return { width, height, bpp, pixels: out };
}

// Share of pixels that differ clearly from the most common colour, and the number of colours.
export function imageStats(png) {
  const { width, height, bpp, pixels } = decodePng(png);
  const counts = new Map();
  for (let i = 0; i < width * height; i++) {
    const k = (pixels[i * bpp] << 16) | (pixels[i * bpp + 1] << 8) | pixels[i * bpp + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  let bg = 0; let bgCount = 0;
  for (const [k, n] of counts) if (n > bgCount) { bg = k; bgCount = n; }
  return { width, height, colours: counts.size, nonBackgroundShare: 1 - bgCount / (width * height), background: bg };
}

// --- The app's browser storage (src/platform/web_storage.js), from a page of the app's origin ---
// Database "iadesk": store "files" (name -> {name, size, version, parts, mtime}) and store "parts"
// ([name, version, i] -> bytes). A planted file is one part, recorded after its part, as the app
// writes them, under a version above every stored one.
const OPEN_STORAGE = `new Promise((resolve, reject) => {
    const r = indexedDB.open('iadesk', 1);
    r.onupgradeneeded = () => { r.result.createObjectStore('files'); r.result.createObjectStore('parts'); };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  })`;

// Every stored file, by name: [{name, size, version, mtime, text}].
export async function storedFiles(page) {
  return page.evaluate(`(async () => {
    const db = await ${OPEN_STORAGE};
    const tx = db.transaction(['files', 'parts'], 'readonly');
    const get = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const files = await get(tx.objectStore('files').getAll());
    const out = [];
    for (const f of files) {
      const parts = await get(tx.objectStore('parts').getAll(IDBKeyRange.bound([f.name, f.version, 0], [f.name, f.version, Infinity])));
      const decoder = new TextDecoder();
      const text = parts.map((p) => decoder.decode(p, { stream: true })).join('') + decoder.decode();
      out.push({ name: f.name, size: f.size, version: f.version, mtime: f.mtime, text });
    }
    db.close();
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  })()`);
}

// Plants files [{name, text, mtime?}] in a fresh context's storage before the app first starts
// there (from a page of the app's origin that is not the app) and returns what is then stored.
export async function plantBeforeStart(ctx, context, files) {
  const page = await context.newPage();
  await page.goto(`${ctx.url}favicon.svg`);
  await plantFiles(page, files);
  const planted = await storedFiles(page);
  await page.close();
  return planted;
}

// Writes files [{name, text, mtime?}] into the storage as the app would have stored them.
export async function plantFiles(page, files) {
  await page.evaluate(`(async (files) => {
    const db = await ${OPEN_STORAGE};
    const get = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const stored = await get(db.transaction(['files'], 'readonly').objectStore('files').getAll());
    let version = stored.reduce((m, f) => Math.max(m, f.version), 0) + 1000;
    const tx = db.transaction(['files', 'parts'], 'readwrite');
    for (const f of files) {
      const bytes = new TextEncoder().encode(f.text);
      version += 1;
      tx.objectStore('parts').put(bytes, [f.name, version, 0]);
      tx.objectStore('files').put({ name: f.name, size: bytes.length, version, parts: 1, mtime: f.mtime || Date.now() }, f.name);
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    db.close();
  })(${JSON.stringify(files)})`);
}
