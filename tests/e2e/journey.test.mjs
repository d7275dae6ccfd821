// User journeys: register an employee, add a sick leave that started five weeks ago
// and see the overdue plan milestone on Oversikt, mark dialogmøte 1 done, undo it, reload and
// find the data intact.
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';

const TODAY = '2026-11-24';
const FIRST_DAY = '20.10.2026'; // five weeks before TODAY: S+27 = 16.11 (plan) is overdue

export const tests = [
  {
    name: 'register an employee and a sick leave; the overdue plan shows; dialogmøte 1 marked, undone; data survives a reload',
    fn: (ctx) => withApp(ctx, async (app) => {
      const kari = await app.registerEmployee('Kari Testesen');
      await app.registerOpenSickLeave(FIRST_DAY);
      let doc = await app.document();
      const abs = doc.absences.filter((a) => a.employee === kari.id);
      assert.equal(abs.length, 1);
      assert.equal(abs[0].from, '2026-10-20');
      assert.equal(abs[0].to, null);
      assert.equal(abs[0].grade, 100);

      await app.click('Oversikt', { kind: 'button' });
      await app.find('Kari Testesen', { kind: 'button' });
      await app.find('Forfalt', { kind: 'text', near: 'Kari Testesen' });
      await app.screenshot('journey-overview');

      await app.click('Kari Testesen', { kind: 'button' });
      await app.find('Kari Testesen', { kind: 'text' }); // the case view's heading
      const dm1 = /^Dialogmøte 1/;
      await app.click('Marker utført', { kind: 'button', near: dm1 });
      await app.click('Lagre som utført', { kind: 'button' }); // the dialog: today, nobody named
      await app.find('Utført', { kind: 'text', near: dm1 });
      doc = await app.document();
      assert.ok(doc.milestone_events.some((e) => e.employee === kari.id && e.milestone === 'dialogmote1' && e.status === 'done'));
      await app.screenshot('journey-case');

      await app.press('Control+Z');
      await app.find('Kommende', { kind: 'text', near: dm1 });
      doc = await app.document();
      assert.ok(!doc.milestone_events.some((e) => e.employee === kari.id && e.milestone === 'dialogmote1'));

      await app.saved(5000);
      await app.persisted();
      await app.reload();
      doc = await app.document();
      assert.ok(doc.employees.some((e) => e.id === kari.id && e.name === 'Kari Testesen'), 'the employee survives a reload');
      assert.equal(doc.absences.filter((a) => a.employee === kari.id).length, 1, 'the absence survives a reload');
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
];
