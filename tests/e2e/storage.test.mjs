// Storage: autosave to IndexedDB within a second, reload finds the data,
// a second tab on the same data is read-only and says why.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage, withApp, withContext } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));


export const tests = [
  {
    name: 'a change is saved within a second and is there after a reload',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.saved(5000); // the demo is stored on first start
      await app.click('Innstillinger', { kind: 'button' });
      // The promise: saved within a second of each change (autosave waits 0,8 s after the last
      // change): "Lagret" must show within 1,5 s of the last keystroke's change. Watched in the
      // page at every frame, from the frame where the document has the new name (the keystroke's
      // way from Playwright to the app is not the app's time); a "Lagret" counts only after
      // "Lagrer …" has shown, so that one of an earlier save does not.
      await app.type('Organisasjonsnavn', 'Nordlys Barnehager A');
      await app.page.keyboard.type('S');
      const watch = await app.page.waitForFunction((name) => {
        const t = window.iadeskTest;
        const w = window.iadeskSaveWatch || (window.iadeskSaveWatch = {});
        if (w.editedAt === undefined && t.document().organisation.name === name) w.editedAt = performance.now();
        if (w.editedAt === undefined) return false;
        const labels = t.items().filter((it) => it.visible).map((it) => it.label);
        if (labels.includes('Lagrer …')) w.saving = true;
        if (!w.saving || !labels.some((l) => /^Lagret \d\d:\d\d$/.test(l))) return false;
        return { editedAt: w.editedAt, savedAt: performance.now() };
      }, 'Nordlys Barnehager AS', { timeout: 10000, polling: 'raf' });
      const { editedAt, savedAt } = await watch.jsonValue();
      const savedAfterMs = Math.round(savedAt - editedAt);
      console.log(`     "Lagret" ${savedAfterMs} ms after the edit`);
      assert.ok(savedAfterMs <= 1500, `"Lagret" ${savedAfterMs} ms after the edit (at most 1500)`);
      await app.press('Tab');
      await app.persisted();
      await app.reload();
      assert.equal((await app.document()).organisation.name, 'Nordlys Barnehager AS');
      await app.find('Nordlys Barnehager AS', { kind: 'text' });
    }),
  },
  {
    name: 'a second tab on the same data is read-only and explains why',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        const first = await AppPage.open(context, ctx.url, ctx.artifacts);
        await first.saved(5000);
        const second = await AppPage.open(context, ctx.url, ctx.artifacts);
        await second.find(/^⚠ Skrivebeskyttet: dataene er åpne i en annen fane/, { kind: 'text' });
        await second.click('Innstillinger', { kind: 'button' });
        const before = (await second.document()).organisation.name;
        await second.type('Organisasjonsnavn', 'Fra fane to');
        await second.press('Tab');
        assert.equal(await second.value('Organisasjonsnavn'), before, 'the field takes no edits');
        assert.equal((await second.document()).organisation.name, before, 'the read-only tab changes nothing');
        // The first tab still saves.
        await first.renameOrganisation('Fra fane én');
        await first.saved(5000);
        assert.equal((await first.document()).organisation.name, 'Fra fane én');
      });
    },
  },
  {
    name: 'the change log shows who changed what, newest first, and keeps it after a reload; a manager does not see it',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.saved();
      await app.renameOrganisation('Loggtest kommune');
      await app.press('Control+Z');
      await app.click('Endringslogg', { kind: 'text' });
      await app.find(/^\d+ endringer, nyeste først/, { kind: 'text' });
      // Newest first: the undo above the change it undid, both by HR.
      const undo = await app.find('Angret: Endret organisasjonsnavn', { kind: 'text' });
      const change = await app.find('Endret organisasjonsnavn', { kind: 'text' });
      assert.ok(undo.y < change.y, 'newest first');
      await app.find('HR / arbeidsgiver', { kind: 'text', near: 'Angret: Endret organisasjonsnavn' });
      await app.find(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/, { kind: 'text', near: 'Angret: Endret organisasjonsnavn' });
      await app.screenshot('change-log');
      const log = (await app.document()).change_log;
      assert.deepEqual(log.slice(-2).map((e) => [e.role, e.description]),
        [['hr', 'Endret organisasjonsnavn'], ['hr', 'Angret: Endret organisasjonsnavn']]);

      await app.saved(5000);
      await app.persisted();
      await app.reload();
      assert.deepEqual((await app.document()).change_log.slice(-2).map((e) => e.description),
        ['Endret organisasjonsnavn', 'Angret: Endret organisasjonsnavn'], 'the log is saved with the data');

      // A manager of one unit does not see it (it names employees of every unit).
      const unit = (await app.document()).units[0];
      await app.click('Rolle: HR / arbeidsgiver');
      await app.click('Nærmeste leder for');
      await app.click(unit.name);
      await app.find(`Rolle: Nærmeste leder (${unit.name})`, { kind: 'text' });
      await app.click('Innstillinger', { kind: 'button' });
      await app.click('Endringslogg', { kind: 'text' });
      await app.find(/^Endringsloggen vises bare for HR/, { kind: 'text' });
    }),
  },
  {
    name: 'data stored by an earlier version (Emscripten IDBFS) is found, moved to the new storage, and the old database removed',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        // What IDBFS wrote: database "/data", store FILE_DATA, one entry per path.
        const text = fs.readFileSync(path.join(here, '../../examples/fjordvik-small.json'), 'utf8')
          .replace('"Fjordvik kommune"', '"Fjordvik kommune (fra IDBFS)"');
        const blank = await context.newPage();
        await blank.goto(`${ctx.url}favicon.svg`);
        await blank.evaluate((json) => new Promise((resolve, reject) => {
          const req = indexedDB.open('/data', 21);
          req.onupgradeneeded = () => req.result.createObjectStore('FILE_DATA').createIndex('timestamp', 'timestamp', { unique: false });
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(['FILE_DATA'], 'readwrite');
            const store = tx.objectStore('FILE_DATA');
            store.put({ timestamp: new Date(), mode: 16877 }, '/data');
            store.put({ timestamp: new Date(), mode: 33206, contents: new TextEncoder().encode(json) }, '/data/snapshot-000000000007.json');
            tx.oncomplete = () => { db.close(); resolve(); };
            tx.onabort = () => reject(tx.error);
          };
        }), text);
        await blank.close();

        const app = await AppPage.open(context, ctx.url, ctx.artifacts);
        assert.equal((await app.document()).organisation.name, 'Fjordvik kommune (fra IDBFS)', 'the old data is opened, not the demo');
        await app.persisted(10000);
        const stored = await app.page.evaluate(() => window.iadeskTest.indexedDbFiles());
        assert.deepEqual(stored.map((f) => f.name), ['snapshot-000000000007.json'], 'moved to the new storage');
        assert.equal(stored[0].text, text, 'byte for byte');
        const names = await app.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
        assert.deepEqual(names, ['iadesk'], 'the old database is gone once the new one holds its files');
        // And the next start reads the new storage.
        await app.reload();
        assert.equal((await app.document()).organisation.name, 'Fjordvik kommune (fra IDBFS)');
        assert.deepEqual(app.consoleErrors, []);
      });
    },
  },
  {
    name: 'the first frame comes before the stored data is read, and says what is happening',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        const app = await AppPage.open(context, ctx.url, ctx.artifacts);
        const t = await app.page.evaluate(() => ({ first: window.iadeskFirstFrameMs, ...window.iadeskStartup }));
        assert.ok(t.first <= t.storageRead, `first frame ${t.first} ms, storage read ${t.storageRead} ms`);
        assert.ok(t.storageRead <= t.documentReady, `document ready ${t.documentReady} ms`);
        // While IndexedDB is held up, the loading screen stays and names the step.
        const page = await context.newPage();
        await page.addInitScript(() => {
          const open = IDBFactory.prototype.open;
          IDBFactory.prototype.open = function (...args) {
            const req = open.apply(this, args);
            if (args[0] === 'iadesk') {
              const held = {};
              Object.defineProperty(req, 'onsuccess', { set(f) { held.f = f; }, get() { return held.f; } });
              window.releaseStorage = () => held.f && held.f.call(req, new Event('success'));
            }
            return req;
          };
        });
        await page.goto(`${ctx.url}?test`);
        await page.waitForFunction(() => window.iadeskFirstFrameMs !== undefined, null, { timeout: 30000 });
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => window.iadeskTest.started()), false, 'not open while storage is read');
        const loading = (await page.evaluate(() => window.iadeskTest.items())).map((i) => i.label);
        assert.ok(loading.includes('Leser lagrede data …'), `the loading screen says what happens: ${loading.join(' | ')}`);
        const png = await page.screenshot();
        fs.writeFileSync(path.join(ctx.artifacts, 'loading-screen.png'), png);
        await page.evaluate(() => window.releaseStorage());
        await page.waitForFunction(() => window.iadeskTest.started() && window.iadeskTest.frame() > 2, null, { timeout: 30000 });
        const labels = (await page.evaluate(() => window.iadeskTest.items())).map((i) => i.label);
        assert.ok(!labels.includes('Leser lagrede data …'), 'the loading screen is gone once open');
      });
    },
  },
  {
    name: 'a copy to IndexedDB cut off halfway, or a damaged record, leaves the last complete data and is cleaned up',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.saved(5000);
      await app.persisted();
      const name = (await app.document()).organisation.name;
      // What a tab closed in the middle of a copy leaves (parts, no record), and a record whose
      // parts are gone (damage from outside the app).
      await app.page.evaluate(() => new Promise((resolve, reject) => {
        const req = indexedDB.open('iadesk', 1);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['files', 'parts'], 'readwrite');
          tx.objectStore('parts').put(new TextEncoder().encode('{"format":"iadesk","vers'), ['snapshot-000000000090.json', 77, 0]);
          tx.objectStore('files').put({ name: 'snapshot-000000000091.json', size: 5000, version: 78, parts: 3 }, 'snapshot-000000000091.json');
          tx.objectStore('parts').put(new TextEncoder().encode('{"format":'), ['snapshot-000000000091.json', 78, 0]);
          tx.oncomplete = () => { db.close(); resolve(); };
          tx.onabort = () => reject(tx.error);
        };
      }));
      await app.reload();
      assert.equal((await app.document()).organisation.name, name, 'the last complete snapshot is opened');
      const names = await app.page.evaluate(() => window.iadeskTest.storedSnapshots());
      assert.ok(!names.some((n) => n.endsWith('90.json') || n.endsWith('91.json')), `nothing half-written in /data: ${names}`);
      const left = await app.page.evaluate(() => new Promise((resolve) => {
        const req = indexedDB.open('iadesk', 1);
        req.onsuccess = () => {
          const tx = req.result.transaction(['files', 'parts'], 'readonly');
          const files = tx.objectStore('files').getAllKeys();
          const parts = tx.objectStore('parts').getAllKeys();
          tx.oncomplete = () => { req.result.close(); resolve({ files: files.result, parts: parts.result.map((k) => k[0]) }); };
        };
      }));
      assert.ok(!left.files.includes('snapshot-000000000091.json'), `the damaged record is removed: ${left.files}`);
      assert.ok(!left.parts.some((n) => n.endsWith('90.json') || n.endsWith('91.json')), `the stray parts are removed: ${left.parts}`);
    }),
  },
];
