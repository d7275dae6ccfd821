// IA-mål (issue 5): create a result goal for a unit and see its computed current value and progress.
// The demo organisation (generated absence history) is used; the test reads the unit sizes from the
// document, picks a unit with at least 5 employees (so nothing is masked), gives a baseline of 7,0 %
// for 3. kvartal 2025 and a target of -20 % (5,6 %), and checks that the shown progress equals
// (baseline - current) / (baseline - target), never below 0, from the current value the app computed
// for the same quarter a year later (3. kvartal 2026 on 24.11.2026).
import assert from 'node:assert/strict';
import { AppPage, imageStats, withContext } from './harness.mjs';

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
const num = (s) => Number(s.replace(/\s/g, '').replace(',', '.').replace('\u2212', '-'));
// The first visible text matching `label` below the widget titled `title` (the goal cards of the
// dashboard stack their lines under the title; the demo has goals of its own), scrolling the
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

export const tests = [
  {
    name: 'goal: create a result goal for a unit; the computed current value and progress show',
    fn: async (ctx) => {
      await withContext(ctx, async (context) => {
        const app = await AppPage.open(context, ctx.url, ctx.artifacts, `test&today=${TODAY}`);
        let doc = await app.document();
        const goalsBefore = (doc.goals || []).length; // the demo has IA goals of its own
        const counts = {};
        for (const e of doc.employees) counts[e.unit] = (counts[e.unit] || 0) + 1;
        const unit = doc.units.find((u) => (counts[u.id] || 0) >= 8);
        assert.ok(unit, 'a unit with at least 8 employees');

        await app.click('IA-mål', { kind: 'button' });
        await app.find('IA-mål', { kind: 'text' });
        await app.find(/^(\u26A0|\u2713) IA-møter i år: \d av 2/, { kind: 'text' });
        await app.click('Nytt resultatmål', { kind: 'button' });
        await app.type('Tittel', `Sykefraværet i ${unit.name} ned 20 %`);
        await reveal(app, unit.name, 'checkbox');
        await app.click(unit.name, { kind: 'checkbox' });
        for (const [label, text] of [['Utgangspunkt (periode)', '2025-Q3'], ['Utgangspunkt (verdi)', '7,0'],
                                     ['Mål: endring i %', '-20'], ['Frist', '31.12.2027']]) {
          await reveal(app, label, 'input');
          await app.type(label, text);
        }
        await app.screenshot('goals-editor');
        await reveal(app, 'Lagre mål', 'button');
        await app.click('Lagre mål', { kind: 'button' });

        doc = await app.document();
        const title = `Sykefraværet i ${unit.name} ned 20 %`;
        assert.equal(doc.goals.length, goalsBefore + 1);
        const g = doc.goals.find((x) => x.title === title);
        assert.ok(g, 'the new goal is in the document');
        assert.deepEqual([g.kind, g.metric, g.units, g.baseline_period, g.baseline_value, g.target_change, g.deadline],
          ['result', 'sick_leave', [unit.id], '2025-Q3', 7, -20, '2027-12-31']);

        await reveal(app, title, 'text');
        await below(app, title, /^Mål: 5,6 %$/);
        const now = await below(app, title, /^Nå: /);
        const m = now.label.match(/^Nå: (\d+,\d) % \(3\. kvartal 2026\)$/);
        assert.ok(m, `a computed current value for the same quarter: ${now.label}`);
        const current = num(m[1]);
        const expected = Math.max(0, (7.0 - current) / (7.0 - 5.6)) * 100;
        const bar = await below(app, title, /^Fremdrift: /);
        const p = bar.label.match(/^Fremdrift: (\d+,\d) % av veien$/);
        assert.ok(p, bar.label);
        assert.ok(Math.abs(num(p[1]) - expected) <= 0.051, `progress ${p[1]} = (7,0 - ${current}) / 1,4 = ${expected.toFixed(2)}`);
        // A status word (never colour alone).
        await app.find(/^(Nådd|I rute|Risiko|Etter|Ukjent)$/, { kind: 'text', near: `Sykefraværet i ${unit.name} ned 20 %` });
        const shot = await app.screenshot('goals-dashboard');
        assert.ok(imageStats(shot.png).colours > 50, 'the dashboard and its chart are drawn');

        // Undo removes the goal again.
        await app.press('Control+Z');
        doc = await app.document();
        assert.equal((doc.goals || []).length, goalsBefore, 'undo removes the goal');
        assert.ok(!(doc.goals || []).some((x) => x.title === title));
        // Chromium warns about the wheel events of Emscripten's GLFW (a passive listener); nothing else may appear.
        assert.deepEqual(app.consoleErrors.filter((e) => !/passive event listener/.test(e)), []);
      }, { viewport: { width: 1400, height: 900 } });
    },
  },
];
