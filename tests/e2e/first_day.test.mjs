// The first day, from an empty browser: the demo says it is the demo; "Start med egen virksomhet"
// with the organisation number (mod 11) and two units; an employee added by hand in one of them,
// a sick leave registered; the organisation survives a reload, and Ctrl+Z brings the demo back.
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';

const TODAY = '2026-11-24';

export const tests = [
  {
    name: 'first day: an own organisation with two units from an empty browser, an employee and a sick leave, kept on reload',
    fn: (ctx) => withApp(ctx, async (app) => {
      let doc = await app.document();
      assert.match(doc.organisation.name, /\(demo\)$/, 'an empty browser starts with the demo');
      await app.find('Start med egen virksomhet', { kind: 'button' }); // in the top bar
      await app.click('Start med egen virksomhet', { kind: 'button' });
      await app.type('Virksomhetens navn', 'Bergli barnehager AS');
      await app.type('Organisasjonsnummer', '974760674'); // wrong check digit (97476067 gives 3)
      await app.find(/stemmer ikke med kontrollsifferet/, { kind: 'text' });
      await app.type('Organisasjonsnummer', '974760673');
      await app.absent(/stemmer ikke med kontrollsifferet/);
      await app.click('Enheter (én per linje)');
      await app.page.keyboard.type('Bergli');
      await app.page.keyboard.press('Enter');
      await app.page.keyboard.type('Solsiden');
      await app.settle();
      await app.click('Opprett', { kind: 'button' });
      doc = await app.document();
      assert.equal(doc.organisation.name, 'Bergli barnehager AS');
      assert.equal(doc.organisation.orgnr, '974760673');
      assert.deepEqual(doc.units.map((u) => u.name), ['Bergli', 'Solsiden']);
      assert.equal(doc.employees.length, 0);
      await app.absent('Start med egen virksomhet');

      const kari = await app.registerEmployee('Kari Testesen');
      assert.equal(kari.unit, doc.units[0].id, 'a new employee starts in the first unit');
      await app.registerOpenSickLeave('20.10.2026');
      doc = await app.document();
      assert.equal(doc.absences.filter((a) => a.employee === kari.id).length, 1);
      await app.screenshot('first-day-employee');

      await app.saved(5000);
      await app.persisted();
      await app.reload();
      doc = await app.document();
      assert.equal(doc.organisation.name, 'Bergli barnehager AS', 'the organisation survives a reload');
      assert.equal(doc.employees.length, 1);
      await app.absent('Start med egen virksomhet');
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
];
