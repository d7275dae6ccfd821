// Foundation: the app loads and renders, text and clipboard reach it intact, a click
// changes what is shown, HiDPI is honoured, and the console stays clean.
import assert from 'node:assert/strict';
import { AppPage, imageStats, transferSizes, withApp, withContext } from './harness.mjs';

const NORWEGIAN = 'Blåbærsyltetøy – «test»';

export const tests = [
  {
    name: 'loads (compressed), reports first frame and transfer size, and renders a non-blank page',
    fn: (ctx) => withApp(ctx, async (app) => {
      const size = transferSizes(ctx.site);
      const kb = (n) => (n / 1024).toFixed(0) + ' KiB';
      // The browser was launched just before the tests, so this includes its GPU process start;
      // bench/browser.mjs measures the first start in settled browsers (docs/performance.md).
      console.log(`     time to first frame: ${app.firstFrameMs.toFixed(0)} ms (a browser launched just before)`);
      console.log(`     transfer size (index.html + app.js + app.wasm): ${kb(size.raw)} raw, ${kb(size.gzip)} gzip`);
      for (const [n, s] of Object.entries(size.files)) console.log(`       ${n}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip`);
      // What the browser received: the server compresses as a production server would.
      const got = await app.page.evaluate(() => Object.fromEntries(
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
          .map((e) => [new URL(e.name).pathname.split('/').pop() || 'index.html', [e.encodedBodySize, e.decodedBodySize]])));
      const [wasmSent, wasmSize] = got['app.wasm'];
      assert.equal(wasmSize, size.files['app.wasm'].raw, 'the browser got the whole app.wasm');
      assert.ok(wasmSent < wasmSize * 0.6, `app.wasm came compressed (${wasmSent} of ${wasmSize} bytes)`);
      console.log(`     received: ${Object.entries(got).filter(([n]) => n in size.files).map(([n, [e]]) => `${n} ${kb(e)}`).join(', ')}`);
      await app.find(/^Trenger handling denne uken \(\d+\)$/, { kind: 'text' });
      const { png } = await app.screenshot('foundation-overview');
      const st = imageStats(png);
      assert.ok(st.colours > 50, `the screenshot has ${st.colours} colours; a blank page has a handful`);
      assert.ok(st.nonBackgroundShare > 0.05, `only ${(st.nonBackgroundShare * 100).toFixed(1)} % of the page differs from the background`);
      const title = await app.page.title();
      assert.match(title, /iadesk/);
      assert.equal(await app.page.evaluate(() => document.getElementById('loader')), null, 'the loading indicator is gone');
    }),
  },
  {
    name: 'the demo has the same people as the native build (the generator is deterministic across compilers)',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        // The names tests/unit/test_generate.cpp pins for g++ (generator seed: 2026, 24.11.2026).
        const app = await AppPage.open(context, ctx.url, ctx.artifacts, 'test&today=2026-11-24');
        const names = (await app.document()).employees.slice(0, 4).map((e) => e.name);
        assert.deepEqual(names, ['Ingrid Johnsen', 'Martin Johansen', 'Nora Karlsen', 'Ole Olsen']);
      });
    },
  },
  {
    name: 'without WebGL 2 the page says why in Norwegian instead of loading forever',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        await context.addInitScript(() => { // a browser with WebGL turned off
          const getContext = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
            return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest);
          };
        });
        const page = await context.newPage();
        await page.goto(`${ctx.url}?test`);
        const text = page.locator('#loader-text.error');
        await text.waitFor({ timeout: 20000 });
        assert.match(await text.innerText(), /^iadesk kunne ikke starte: Nettleseren gir ikke iadesk grafikk \(WebGL 2\).*maskinvareakselerasjon/);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
        assert.ok(!/Running/.test(await page.locator('#loader').innerText()), 'no English status text');
      });
    },
  },
  {
    name: 'clicking a navigation entry changes the page',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.find(/^Trenger handling denne uken/, { kind: 'text' });
      await app.absent('Organisasjonsnavn', { timeout: 0 });
      await app.click('Innstillinger', { kind: 'button' });
      await app.find('Innstillinger', { kind: 'text' });
      await app.find('Organisasjonsnavn', { kind: 'input' });
      await app.screenshot('foundation-settings');
    }),
  },
  {
    name: 'Norwegian text typed into a field arrives intact, and Ctrl+Z undoes it',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.click('Innstillinger', { kind: 'button' });
      const before = (await app.document()).organisation.name;
      await app.type('Organisasjonsnavn', NORWEGIAN);
      assert.equal(await app.value('Organisasjonsnavn'), NORWEGIAN);
      // Leave the field (a click outside it; Tab would enter the organisation number, where Ctrl+Z
      // is the field's own undo): the edit becomes one undo step.
      await app.click('Innstillinger', { kind: 'button' });
      assert.equal((await app.document()).organisation.name, NORWEGIAN, 'the document holds the typed text');
      await app.find(NORWEGIAN, { kind: 'text' }); // shown in the top bar
      await app.press('Control+Z');
      assert.equal((await app.document()).organisation.name, before, 'Ctrl+Z restores the name');
      await app.find('Angret: Endret organisasjonsnavn', { kind: 'text' });
    }),
  },
  {
    name: 'clipboard: copy from the app to the system and paste from the system into the app',
    fn: (ctx) => withApp(ctx, async (app, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.url).origin });
      await app.click('Innstillinger', { kind: 'button' });
      await app.type('Organisasjonsnavn', 'Kopiér «meg» – takk');
      await app.press('Control+A');
      await app.press('Control+C');
      const copied = await app.page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, 'Kopiér «meg» – takk');
      await app.page.evaluate(() => navigator.clipboard.writeText('Limt inn: æøå ÆØÅ € §'));
      await app.press('Control+A');
      await app.press('Control+V');
      assert.equal(await app.value('Organisasjonsnavn'), 'Limt inn: æøå ÆØÅ € §');
    }),
  },
  {
    name: 'HiDPI: the canvas backing store is CSS size × devicePixelRatio',
    fn: (ctx) => withApp(ctx, async (app) => {
      const m = await app.page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: window.devicePixelRatio };
      });
      assert.equal(m.dpr, 2);
      assert.equal(m.w, m.cssW * 2);
      assert.equal(m.h, m.cssH * 2);
      await app.click('Innstillinger', { kind: 'button' }); // clicks land where the labels are drawn
      await app.find('Organisasjonsnavn', { kind: 'input' });
      await app.page.setViewportSize({ width: 900, height: 600 }); // the canvas follows the window
      await app.frames(3);
      const w = await app.page.evaluate(() => document.getElementById('canvas').width);
      assert.equal(w, 1800);
    }, { deviceScaleFactor: 2 }),
  },
  {
    name: 'browser shortcuts the app owns do not reach the browser',
    fn: (ctx) => withApp(ctx, async (app) => {
      const prevented = await app.page.evaluate(() => {
        const keys = ['s', 'f', 'p', 'z', 'k'];
        return keys.map((k) => {
          const e = new KeyboardEvent('keydown', { key: k, ctrlKey: true, bubbles: true, cancelable: true });
          window.dispatchEvent(e);
          return e.defaultPrevented;
        });
      });
      assert.deepEqual(prevented, [true, true, true, true, true]);
    }),
  },
];
