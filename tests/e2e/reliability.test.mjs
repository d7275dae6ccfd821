// Reliability in the browser (two tabs on the same data: storage.test.mjs):
// - a reload in the middle of typing: every keystroke the app had taken into the document before
//   the reload is there afterwards, although the reload came before the ~0.8 s autosave (the
//   page-hide flush saves it), and the app starts without reporting a damaged snapshot;
// - a full IndexedDB quota (Chromium's quota override through the DevTools protocol): the user is
//   told in the status bar, in Norwegian, that the browser's storage is full and what to do; the
//   edit stays in the open window; nothing half-written is stored; when space is back the app
//   saves by itself (no new edit needed), and a reload finds the edit.
import assert from 'node:assert/strict';
import { AppPage, withApp, withContext } from './harness.mjs';

const STORED = /^(Lagret \d\d:\d\d|Alt er lagret)$/; // after a start from a stored snapshot
const QUOTA = /^⚠ Ikke lagret: lagringsplassen i nettleseren er full/;

export const tests = [
  {
    name: 'reload in the middle of typing keeps every keystroke the app had taken',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.saved();
      // A committed edit (Tab leaves the field), then half a word more in the same field.
      await app.renameOrganisation('Fjellheim');
      await app.click('Organisasjonsnavn', { kind: 'input' });
      await app.page.keyboard.press('End');
      await app.page.keyboard.type(' kommu', { delay: 15 });
      await app.page.waitForFunction(() => window.iadeskTest.inputPending() === 0, null, { timeout: 15000 });
      const typed = (await app.document()).organisation.name;
      assert.equal(typed, 'Fjellheim kommu', 'each keystroke is an edit of the document');
      await app.reload(); // well inside the 0.8 s autosave delay: only the page-hide flush saves it
      const after = await app.document();
      assert.equal(after.organisation.name, typed, 'the half-typed name survives the reload');
      await app.find(STORED, { kind: 'text', timeout: 10000 });
      const labels = (await app.items()).filter((i) => i.visible).map((i) => i.label);
      assert.ok(!labels.some((l) => /skadet|kunne ikke leses/i.test(l)), `no damage report: ${labels.join(' | ')}`);
    }),
  },
  {
    name: 'a full IndexedDB quota is reported, keeps the edit, stores nothing broken, and saves when space is back',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        // Chromium's quota override (DevTools protocol) before the app first opens its database:
        // the browser then refuses the app's IndexedDB writes with QuotaExceededError (an aborted transaction).
        // (Set later, on a database already open, this Chromium let the writes through.)
        const blank = await context.newPage();
        const cdp = await context.newCDPSession(blank);
        const origin = new URL(ctx.url).origin;
        await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });

        const app = await AppPage.open(context, ctx.url, ctx.artifacts);
        await app.find(QUOTA, { kind: 'text', timeout: 15000 }); // the first save of the demo is refused
        await app.renameOrganisation('Kvotetest AS');
        await app.frames(30);
        const warning = await app.find(QUOTA, { kind: 'text', timeout: 15000 });
        assert.match(warning.label, /sikkerhetskopi/, 'the message says what to do');
        await app.screenshot('quota-full');
        assert.equal((await app.document()).organisation.name, 'Kvotetest AS', 'the edit stays in the window');
        assert.equal(await app.value('Organisasjonsnavn'), 'Kvotetest AS');
        // Nothing half-written reached IndexedDB: its snapshot entries (if any) all parse.
        const stored = (await app.page.evaluate(() => window.iadeskTest.indexedDbFiles())).map((f) => {
          let ok = true;
          try { JSON.parse(f.text); } catch { ok = false; }
          return { name: f.name, ok };
        });
        assert.ok(stored.every((e) => e.ok), `stored snapshots parse: ${JSON.stringify(stored)}`);

        // Space again: the app retries by itself (no new edit) and says so; a reload finds the edit.
        await cdp.send('Storage.overrideQuotaForOrigin', { origin });
        await app.saved(15000);
        await app.persisted(10000);
        await app.reload();
        assert.equal((await app.document()).organisation.name, 'Kvotetest AS', 'saved once space was back');
        const labels = (await app.items()).filter((i) => i.visible).map((i) => i.label);
        assert.ok(!labels.some((l) => /skadet|kunne ikke leses/i.test(l)), `no damage report: ${labels.join(' | ')}`);
        assert.deepEqual(app.consoleErrors, []);
      });
    },
  },
];
