// Navigation: one address per view (src/app/route.hpp). Moving in the app changes location.hash
// and the tab title ("<view> – iadesk") and adds one history entry per view; the browser's Back
// shows the earlier view; a reload opens the same view; an address that names no view, or an
// employee who is not there, opens Oversikt.
import assert from 'node:assert/strict';
import { AppPage, withApp, withContext } from './harness.mjs';

const EMPLOYEES = 'Bare sykmeldte';                 // the checkbox above the employee list
const STATISTICS = 'Sykefravær per enhet og kvartal'; // the heading of Statistikk
const OVERVIEW = /^Trenger handling denne uken/;      // the first section of Oversikt

const where = (app) => app.page.evaluate(() => ({ hash: window.location.hash, title: document.title }));

export const tests = [
  {
    name: 'each view has its address and tab title; Back shows the earlier view, a reload the same one',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.find(OVERVIEW, { kind: 'text' });
      assert.deepEqual(await where(app), { hash: '#/oversikt', title: 'Oversikt – iadesk' });
      const entries = await app.page.evaluate(() => window.history.length);

      await app.click('Ansatte', { kind: 'button' });
      await app.find(EMPLOYEES, { kind: 'checkbox' });
      await app.frames(3);
      assert.deepEqual(await where(app), { hash: '#/ansatte', title: 'Ansatte – iadesk' });
      await app.click('Statistikk', { kind: 'button' });
      await app.find(STATISTICS, { kind: 'text' });
      await app.frames(3);
      assert.deepEqual(await where(app), { hash: '#/statistikk', title: 'Statistikk – iadesk' });
      assert.equal(await app.page.evaluate(() => window.history.length), entries + 2, 'one history entry per view, not per frame');

      await app.page.goBack();
      await app.find(EMPLOYEES, { kind: 'checkbox' });
      await app.absent(STATISTICS);
      assert.deepEqual(await where(app), { hash: '#/ansatte', title: 'Ansatte – iadesk' });
      await app.page.goForward();
      await app.find(STATISTICS, { kind: 'text' });
      await app.page.goBack();
      await app.find(EMPLOYEES, { kind: 'checkbox' });

      await app.reload();
      await app.find(EMPLOYEES, { kind: 'checkbox' });
      assert.deepEqual(await where(app), { hash: '#/ansatte', title: 'Ansatte – iadesk' });

      // An employee's own address, and Back to the list.
      const employee = (await app.document()).employees[3];
      await app.type('Søk på navn eller nummer', employee.name);
      await app.click(employee.name);
      await app.find(employee.name, { kind: 'text' }); // the editor's heading
      await app.frames(3);
      assert.equal((await where(app)).hash, `#/ansatte/${encodeURIComponent(employee.id)}`);
      await app.reload();
      await app.find('Lagre', { kind: 'button' }); // the editor, open again
      await app.find(employee.name, { kind: 'text' });
      await app.page.goBack();
      await app.absent('Lagre');
      assert.equal((await where(app)).hash, '#/ansatte');
    }),
  },
  {
    name: 'the tab title follows the language; an address that names no view opens Oversikt without an error',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        for (const bad of ['#/finnes-ikke', '#/ansatte/finnes-ikke', '#/ansatte/%zz', '#/oppfolging/finnes-ikke']) {
          const app = await AppPage.open(context, ctx.url, ctx.artifacts, `test${bad}`);
          await app.find(OVERVIEW, { kind: 'text' });
          await app.frames(3);
          assert.deepEqual(await where(app), { hash: '#/oversikt', title: 'Oversikt – iadesk' }, bad);
          assert.deepEqual(app.consoleErrors, [], `no errors for ${bad}`);
          await app.page.close();
        }
        const app = await AppPage.open(context, ctx.url, ctx.artifacts, 'test#/mal');
        await app.frames(3);
        assert.deepEqual(await where(app), { hash: '#/mal', title: 'IA-mål – iadesk' });
        await app.click('Språk: norsk bokmål'); // the language menu (shows "nb")
        await app.click('English');
        await app.frames(3);
        assert.deepEqual(await where(app), { hash: '#/mal', title: 'IA goals – iadesk' });
        assert.deepEqual(app.consoleErrors, []);
      });
    },
  },
];
