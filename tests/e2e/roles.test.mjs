// Roles and language: a manager of one unit does not see another unit's
// employees; the app switches to English while running, and the page's language with it.
import assert from 'node:assert/strict';
import { AppPage, withContext } from './harness.mjs';

export const tests = [
  {
    name: 'a manager of one unit sees only that unit; English replaces bokmål while running (and <html lang>)',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        const app = await AppPage.open(context, ctx.url, ctx.artifacts, 'test&today=2026-11-24');
        const doc = await app.document();
        const [unitA, unitB] = doc.units;
        const inA = doc.employees.filter((e) => e.unit === unitA.id);
        const inB = doc.employees.filter((e) => e.unit === unitB.id);
        assert.ok(inA.length >= 5 && inB.length >= 5, 'the demo has staff in both units');

        await app.click('Ansatte', { kind: 'button' });
        await app.find(`${doc.employees.length} av ${doc.employees.length} ansatte`, { kind: 'text' });

        await app.click('Rolle: HR / arbeidsgiver');
        await app.click('Nærmeste leder for');
        await app.click(unitA.name);
        await app.find(`Rolle: Nærmeste leder (${unitA.name})`, { kind: 'text' });
        await app.click('Ansatte', { kind: 'button' });
        await app.find(`${inA.length} av ${inA.length} ansatte`, { kind: 'text' });
        await app.type('Søk på navn eller nummer', inB[0].name);
        await app.find(`0 av ${inA.length} ansatte`, { kind: 'text' }); // another unit's employee is not there
        await app.type('Søk på navn eller nummer', inA[0].name);
        await app.find(inA[0].name, { kind: 'button' });
        assert.ok(!(await app.items()).some((it) => it.label === inB[0].name && it.visible));
        await app.screenshot('roles-manager');

        const pageLanguage = () => app.page.evaluate(() => document.documentElement.lang);
        assert.equal(await pageLanguage(), 'nb', 'screen readers are told the page is in bokmål');
        await app.click('Språk: norsk bokmål'); // the language menu (shows "nb")
        await app.click('English');
        await app.find('Employees', { kind: 'button' });
        assert.equal(await pageLanguage(), 'en', 'and in English after the switch');
        await app.find(`Role: Manager (${unitA.name})`, { kind: 'text' });
        await app.absent('Ansatte');
        await app.screenshot('roles-english');
        assert.deepEqual(app.consoleErrors, []);
      }, { viewport: { width: 1400, height: 900 } });
    },
  },
];
