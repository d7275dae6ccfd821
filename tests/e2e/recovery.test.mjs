// Storage that never takes the user's data away (docs/reliability.md, "Browser storage"):
// - damaged newest saves: the previous good one opens, and the app says from when and how many
//   were damaged; a download gives a damaged save's bytes; new saves get new numbers;
// - no save opens: the recovery screen, downloads, nothing written until the user chooses, and
//   the choice deletes nothing;
// - a save of a newer format version: the message, nothing written, not after a reload either;
//   a restore of such a file is refused with the same message; the waiting new version of the
//   app (service worker) is offered as "Oppdater";
// - ?today= changes the date in test mode only.
// Saves are planted in IndexedDB as the app stores them (harness.mjs: plantFiles).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage, plantFiles, serve, storedFiles, withApp, withContext } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLE = fs.readFileSync(path.join(here, '../../examples/fjordvik-small.json'), 'utf8');
const snapshot = (n) => `snapshot-${String(n).padStart(12, '0')}.json`;
const seqOf = (name) => Number(name.slice('snapshot-'.length, 'snapshot-'.length + 12));

// What the reported bug wrote: a name longer than the loader accepts (10 000 bytes).
const TOO_LONG = EXAMPLE.replace('"Fjordvik kommune"', JSON.stringify('x'.repeat(10001)));
const TORN = EXAMPLE.slice(0, 200);
const NEWER = EXAMPLE.replace(/"version": *1/, '"version": 999').replace('"Fjordvik kommune"', '"Fjordvik kommune (nyere)"');

// dd.mm.yyyy kl. hh:mm of a time in ms, in the browser's time zone (as the app shows it).
function shownTime(page, ms) {
  return page.evaluate((t) => {
    const d = new Date(t);
    const two = (n) => String(n).padStart(2, '0');
    return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} kl. ${two(d.getHours())}:${two(d.getMinutes())}`;
  }, ms);
}

export const tests = [
  {
    name: 'damaged newest saves: the previous good one opens, the message says from when and that the 2 newest were damaged, nothing is deleted',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.saved();
      await app.renameOrganisation('God lagring AS');
      await app.saved(5000);
      await app.persisted();
      const good = (await storedFiles(app.page)).filter((f) => f.name.startsWith('snapshot-')).pop();
      assert.match(good.text, /God lagring AS/);
      const next = seqOf(good.name) + 1;
      await plantFiles(app.page, [{ name: snapshot(next), text: TOO_LONG }, { name: snapshot(next + 1), text: TORN }]);

      await app.reload();
      assert.equal((await app.document()).organisation.name, 'God lagring AS', 'the last good save is opened');
      const expected = `Åpnet lagringen fra ${await shownTime(app.page, good.mtime)}; de 2 nyeste lagringene var skadet`;
      await app.find(expected, { kind: 'text' });
      await app.find(new RegExp(`^${snapshot(next)}: er skadet \\(/organisation/name: Teksten er for lang`), { kind: 'text' });
      await app.screenshot('recovery-fallback-notice');
      // Each damaged save can be downloaded as it was stored.
      await app.click('Last ned', { near: new RegExp(`^${snapshot(next)}: `) });
      const doc = await app.page.evaluate(() => window.iadeskLastDocument);
      assert.equal(doc.name, `iadesk-skadet-${snapshot(next)}`);
      assert.equal(doc.text, TOO_LONG, 'the damaged save byte for byte');
      await app.click('OK', { kind: 'button' });

      // The next save gets a new number; the damaged ones stay, unchanged, as .damaged.
      await app.renameOrganisation('God lagring AS, videre');
      await app.saved(5000);
      await app.persisted();
      const after = await storedFiles(app.page);
      const byName = Object.fromEntries(after.map((f) => [f.name, f.text]));
      assert.equal(byName[`${snapshot(next)}.damaged`], TOO_LONG);
      assert.equal(byName[`${snapshot(next + 1)}.damaged`], TORN);
      // Every save since the reload has a number above the damaged ones (the good one and older
      // good saves may still be kept: pruning keeps the last five).
      const numbers = after.filter((f) => /^snapshot-\d+\.json$/.test(f.name)).map((f) => seqOf(f.name))
        .filter((n) => n > seqOf(good.name));
      assert.ok(numbers.length && numbers.every((n) => n > next + 1), `new numbers only: ${after.map((f) => f.name)}`);
      assert.match(after.find((f) => seqOf(f.name) === Math.max(...numbers)).text, /God lagring AS, videre/);
    }),
  },
  {
    name: 'no save opens: the recovery screen, a download of a damaged save, nothing written until a choice, and the choice deletes nothing',
    fn: (ctx) => withApp(ctx, async (app, _context, planted) => {
      await app.find('De lagrede dataene kunne ikke åpnes', { kind: 'text' });
      await app.find(/^snapshot-000000000008\.json: er skadet \(\/organisation\/name: Teksten er for lang/, { kind: 'text' });
      await app.find(/^snapshot-000000000007\.json: er skadet/, { kind: 'text' });
      await app.screenshot('recovery-screen');
      await app.page.waitForTimeout(2000); // well past the autosave's 0.8 s
      assert.deepEqual(await storedFiles(app.page), planted, 'nothing written before the user chooses');

      await app.click('Last ned', { near: /^snapshot-000000000007\.json: / });
      const doc = await app.page.evaluate(() => window.iadeskLastDocument);
      assert.equal(doc.text, TORN, 'the damaged save byte for byte');

      await app.reload(); // still nothing written: the same screen again
      await app.find('De lagrede dataene kunne ikke åpnes', { kind: 'text' });
      assert.deepEqual(await storedFiles(app.page), planted);

      await app.click('Start med demoen', { kind: 'button' });
      await app.saved();
      await app.persisted();
      const after = await storedFiles(app.page);
      assert.deepEqual(after.map((f) => f.name),
        [`${snapshot(7)}.damaged`, `${snapshot(8)}.damaged`, snapshot(9)], 'kept as .damaged; the demo under a new number');
      assert.equal(after[0].text, TORN);
      assert.equal(after[1].text, TOO_LONG);
      assert.match((await app.document()).organisation.name, /demo/i);
    }, { plant: [{ name: snapshot(7), text: TORN }, { name: snapshot(8), text: TOO_LONG }] }),
  },
  {
    name: 'a save of a newer format version: the message, nothing written, also after a reload; a restore of such a file is refused',
    fn: async (ctx) => {
      await withApp(ctx, async (app, _context, planted) => {
        await app.find('Lagret av en nyere iadesk', { kind: 'text' });
        await app.find(/^Lagret av en nyere iadesk; last inn siden på nytt for å oppdatere/, { kind: 'text' });
        await app.find('Oppdater', { kind: 'button' });
        await app.screenshot('newer-version');
        const labels = (await app.items()).filter((i) => i.visible).map((i) => i.label);
        assert.ok(!labels.includes('Fjordvik kommune'), 'the older save is not shown as if it were current');
        await app.page.waitForTimeout(1500);
        await app.reload();
        await app.find('Lagret av en nyere iadesk', { kind: 'text' });
        await app.page.waitForTimeout(1500);
        assert.deepEqual(await storedFiles(app.page), planted, 'nothing written, renamed or pruned');
        assert.deepEqual(await app.page.evaluate(() => window.iadeskTest.storedSnapshots()), [snapshot(3), snapshot(4)]);
      }, { plant: [{ name: snapshot(3), text: EXAMPLE }, { name: snapshot(4), text: NEWER }] });
      // Restoring such a file in Innstillinger.
      await withApp(ctx, async (app) => {
        await app.saved();
        const before = await app.document();
        await app.openData();
        await app.chooseFile('Gjenopprett fra fil …', 'fra-nyere.json', NEWER, { mimeType: 'application/json' });
        await app.find('fra-nyere.json er lagret av en nyere iadesk; last inn siden på nytt for å oppdatere. Ingenting er endret.', { kind: 'text' });
        assert.deepEqual(await app.document(), before, 'nothing restored');
      });
    },
  },
  {
    name: 'a save of a newer format version: the waiting new version of the app is offered, and "Oppdater" switches to it',
    fn: async (ctx) => {
      // A copy of the site, so that its service worker can change as a new deployment would.
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iadesk-site-'));
      for (const f of fs.readdirSync(ctx.site)) fs.copyFileSync(path.join(ctx.site, f), path.join(root, f));
      const server = await serve(root);
      try {
        await withContext(ctx, async (context) => {
          const app = await AppPage.open(context, server.url, ctx.artifacts);
          await app.saved();
          await app.persisted();
          await app.page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null, null, { timeout: 15000 });
          await app.reload(); // now controlled by the worker
          await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
          const stored = (await storedFiles(app.page)).filter((f) => /^snapshot-\d+\.json$/.test(f.name)).pop();
          await plantFiles(app.page, [{ name: snapshot(seqOf(stored.name) + 1), text: NEWER }]);
          // A new deployment: the worker's build stamp changes.
          const sw = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
          const stamp = sw.match(/const BUILD = '([^']*)'/)[1];
          fs.writeFileSync(path.join(root, 'sw.js'), sw.replace(`const BUILD = '${stamp}'`, "const BUILD = 'next-build'"));

          await app.reload();
          await app.find('Lagret av en nyere iadesk', { kind: 'text' });
          await app.find('En nyere utgave av iadesk er lastet ned og klar.', { kind: 'text', timeout: 20000 });
          const firstStart = await app.page.evaluate(() => window.iadeskMainMs);
          await app.click('Oppdater', { kind: 'button' }).catch(() => {}); // the page goes away meanwhile
          await app.page.waitForFunction((t) => window.iadeskMainMs !== undefined && window.iadeskMainMs !== t
                                         && window.iadeskTest && window.iadeskTest.frame() > 2, firstStart, { timeout: 20000 });
          const caches = await app.page.evaluate(() => caches.keys());
          assert.ok(caches.includes('iadesk-next-build'), `the new worker took over: ${caches}`);
          await app.find('Lagret av en nyere iadesk', { kind: 'text' }); // the same build: still the message
        });
      } finally {
        await server.close();
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  },
  {
    name: '?today= changes the date only in test mode',
    fn: async (ctx) => {
      // The demo's goals end on 31.12. of the year after "today" (src/core/demo.cpp).
      const deadlineYear = async (page) => {
        const files = (await storedFiles(page)).filter((f) => /^snapshot-\d+\.json$/.test(f.name));
        return Number(JSON.parse(files.pop().text).goals[0].deadline.slice(0, 4));
      };
      const thisYear = new Date().getFullYear();
      await withContext(ctx, async (context) => {
        const page = await context.newPage();
        const logs = [];
        page.on('console', (m) => logs.push(m.text()));
        await page.goto(`${ctx.url}?today=2020-01-15`); // no test flag: as anyone could open it
        // Once the app has opened its database (window.iadeskStartup.storageRead), until the demo is stored.
        await page.waitForFunction(() => window.iadeskStartup && window.iadeskStartup.storageRead, null, { timeout: 30000 });
        for (let waited = 0; !(await storedFiles(page)).some((f) => /^snapshot-\d+\.json$/.test(f.name)); waited += 250) {
          assert.ok(waited < 20000, 'the demo is stored within 20 s');
          await page.waitForTimeout(250);
        }
        assert.equal(await deadlineYear(page), thisYear + 1, 'the computer\'s date, not 2020');
        assert.ok(logs.some((l) => l.includes('?today= is ignored outside test mode')), `said in the console: ${logs.join(' | ')}`);
        assert.equal(await page.evaluate(() => window.iadeskTest), undefined, 'no test API either');
      });
      await withContext(ctx, async (context) => {
        const app = await AppPage.open(context, ctx.url, ctx.artifacts, 'test&today=2020-01-15');
        await app.saved();
        await app.persisted();
        assert.equal(await deadlineYear(app.page), 2021, 'in test mode the date is pinned');
      });
    },
  },
];
