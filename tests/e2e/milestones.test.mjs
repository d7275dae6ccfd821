// Milestone marks in the case view: "Marker utført" asks for the day it really happened, who took
// part and a note; the 4-week plan milestone marked done on an earlier day with a participant shows
// that day in the milestones table, and the document holds what was typed.
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';

const TODAY = '2026-11-24';
const FIRST_DAY = '20.10.2026'; // five weeks before TODAY: the plan (S+27 = 16.11.2026) is overdue

export const tests = [
  {
    name: 'milestone: the 4-week plan marked done on an earlier day with a participant shows that day in the table',
    fn: (ctx) => withApp(ctx, async (app) => {
      const emp = await app.registerEmployee('Milepæl Testesen');
      await app.registerOpenSickLeave(FIRST_DAY);
      await app.click('Oversikt', { kind: 'button' });
      await app.click('Milepæl Testesen', { kind: 'button' });
      const plan = /^Oppfølgingsplan utarbeidet og sendt sykmelder/;
      await app.find('Forfalt', { kind: 'text', near: plan });
      await app.click('Marker utført', { kind: 'button', near: plan });
      assert.equal(await app.value('Dato da det ble gjort (dd.mm.åååå)'), '24.11.2026', 'today by default');
      await app.type('Dato da det ble gjort (dd.mm.åååå)', '13.11.2026');
      await app.type('Hvem deltok', 'Milepæl Testesen, leder Hanne Strand');
      await app.press('Enter'); // Enter saves
      await app.find('Utført 13.11.2026', { kind: 'text', near: plan });
      await app.find('Deltok: Milepæl Testesen, leder Hanne Strand', { kind: 'text' });
      await app.find('Utført', { kind: 'text', near: plan }); // the status tag
      const doc = await app.document();
      const marks = doc.milestone_events.filter((e) => e.employee === emp.id);
      assert.equal(marks.length, 1);
      assert.equal(marks[0].milestone, 'oppfolgingsplan');
      assert.equal(marks[0].status, 'done');
      assert.equal(marks[0].case_start, '2026-10-20');
      assert.equal(marks[0].date, '2026-11-13');
      assert.equal(marks[0].participants, 'Milepæl Testesen, leder Hanne Strand');
      await app.screenshot('milestone-marked');
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
];
