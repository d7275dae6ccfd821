// IA-mål: create a result goal for a unit and see its computed current value, progress,
// projection and status. The data is tests/fixtures/goals/goals.json, restored through Innstillinger
// › Data, so every figure is worked out by hand (the working is in tests/cli/goals.sh, G1):
// Sykehjem Nord (U1, 50 employees at 100 %), baseline 2. kvartal 2025 given as 7,0 %, target -20 %
// = 5,6 %, deadline 30.06.2027, today 24.11.2026:
//   current: the same quarter a year later, 2. kvartal 2026: 3 of 50 sick all quarter = 6,0 %;
//   progress (7,0 - 6,0) / (7,0 - 5,6) = 71,4 % of the way;
//   projection: the rolling four-quarter figures to Q3 2025 .. Q3 2026 (6,2; 6,2; 6,2; 6,0; 5,5) give
//   -0,16 a quarter; 6,0 - 4 x 0,16 = 5,4 % in 2. kvartal 2027 <= 5,6 -> "I rute".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageStats, withApp } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, '../fixtures/goals/goals.json');
const TODAY = '2026-11-24';
// The goal editor scrolls: wheel over it until the widget is in view.
async function reveal(app, label, kind) {
  for (let i = 0; i < 15; i++) {
    try { return await app.find(label, { kind, timeout: 200 }); } catch { /* not in view yet */ }
    await app.page.mouse.move(1150, 500);
    await app.page.mouse.wheel(0, 150);
    await app.settle();
  }
  return app.find(label, { kind });
}
// The first visible text matching `label` below the widget titled `title` (the goal cards of the
// dashboard stack their lines under the title; the fixture has goals of its own), scrolling the
// dashboard a little at a time until both are in view.
async function below(app, title, label) {
  for (let i = 0; ; i++) {
    const items = (await app.items()).filter((it) => it.visible);
    const t = items.find((it) => it.label === title);
    const hits = t ? items.filter((it) => label.test(it.label) && it.y > t.y).sort((a, b) => a.y - b.y) : [];
    if (hits.length) return hits[0];
    assert.ok(i < 20, `a text ${label} under "${title}"`);
    await app.page.mouse.move(1150, 500);
    await app.page.mouse.wheel(0, 60);
    await app.settle();
  }
}

// The fixture with a third unit, Kjøkken (U3), of 6 employees without absence.
function fixtureWithThirdUnit() {
  const d = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  d.units.push({ id: 'U3', name: 'Kjøkken' });
  for (let i = 1; i <= 6; i++)
    d.employees.push({ id: `K${i}`, name: `Kokk ${i}`, unit: 'U3', employment: [{ from: '2020-01-01', to: null, percent: 100 }] });
  return Buffer.from(JSON.stringify(d), 'utf8');
}

// Restores a backup file through Innstillinger › Data (checked first, then "Gjenopprett").
async function restore(app, file, bytes = fs.readFileSync(file)) {
  await app.openData();
  await app.chooseFile('Gjenopprett fra fil …', path.basename(file), bytes, { mimeType: 'application/json' });
  await app.click('Gjenopprett', { kind: 'button' });
}

export const tests = [
  {
    name: 'goal: create a result goal for a unit; current value, progress, projection and status as worked out by hand',
    fn: (ctx) => withApp(ctx, async (app) => {
      await restore(app, FIXTURE, fixtureWithThirdUnit());
      let doc = await app.document();
      const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
      assert.equal(doc.organisation.name, fixture.organisation.name, 'the fixture is restored');
      const goalsBefore = doc.goals.length;
      assert.equal(goalsBefore, 6);

      await app.click('IA-mål', { kind: 'button' });
      await app.find('IA-mål', { kind: 'text' });
      // The meeting count is neutral: good practice, not a duty (no warning sign, no "1 av 2").
      await app.find(/^IA-møter i år: \d+/, { kind: 'text' });
      await app.find(/^Lovpålagt for alle arbeidsgivere: oppfølgingsplan og dialogmøter/, { kind: 'text' });
      assert.ok(!(await app.items()).some((it) => it.visible && /IA-møter i år: \d av 2|\u26A0 IA-møter/.test(it.label)), 'no duty-like meeting warning');
      await app.click('Nytt resultatmål', { kind: 'button' });
      const title = 'Nord ned 20 %'; // short: each key takes frames to type
      await app.type('Tittel', title);
      await reveal(app, 'Sykehjem Nord', 'checkbox');
      await app.click('Sykehjem Nord', { kind: 'checkbox' });
      for (const [label, text] of [['Utgangspunkt (periode)', '2025-Q2'], ['Utgangspunkt (verdi)', '7,0'],
                                   ['Mål: endring i %', '-20'], ['Frist', '30.06.2027']]) {
        await reveal(app, label, 'input');
        await app.type(label, text);
      }
      await app.screenshot('goals-editor');
      await reveal(app, 'Lagre mål', 'button');
      await app.click('Lagre mål', { kind: 'button' });

      doc = await app.document();
      assert.equal(doc.goals.length, goalsBefore + 1);
      const g = doc.goals.find((x) => x.title === title);
      assert.ok(g, 'the new goal is in the document');
      assert.deepEqual([g.kind, g.metric, g.units, g.baseline_period, g.baseline_value, g.target_change, g.deadline],
        ['result', 'sick_leave', ['U1'], '2025-Q2', 7, -20, '2027-06-30']);

      await reveal(app, title, 'text');
      await below(app, title, /^Mål: 5,6 %$/);
      await below(app, title, /^Nå: 6,0 % \(2\. kvartal 2026\)$/);
      await below(app, title, /^Fremdrift: 71,4 % av veien$/);
      await below(app, title, /^Framskrevet til fristen: 5,4 % \(2\. kvartal 2027\)$/);
      // The status as a word (never colour alone), on the title's row.
      await app.find('I rute', { kind: 'text', near: title });
      const shot = await app.screenshot('goals-dashboard');
      assert.ok(imageStats(shot.png).colours > 50, 'the dashboard and its chart are drawn');

      // Undo removes the goal again.
      await app.press('Control+Z');
      doc = await app.document();
      assert.equal(doc.goals.length, goalsBefore, 'undo removes the goal');
      assert.ok(!doc.goals.some((x) => x.title === title));
      // Chromium warns about the wheel events of Emscripten's GLFW (a passive listener); nothing else may appear.
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
];
