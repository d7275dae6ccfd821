// Follow-up plans: draft a plan from a template, fill in the work ability (saved as it is typed:
// there is no save button), mark it agreed, print (the HTML document opens), reload, and find the
// plan unchanged; text typed into a draft and reloaded at once is there after the reload.
import assert from 'node:assert/strict';
import { withApp, scrollPlanTo as scrollTo } from './harness.mjs';

const TODAY = '2026-11-24';
const FIRST_DAY = '20.10.2026'; // five weeks before TODAY: the case is open

export const tests = [
  {
    name: 'plan: draft from a template, save, mark agreed, print; the plan survives a reload unchanged',
    fn: (ctx) => withApp(ctx, async (app) => {
      const emp = await app.registerEmployee('Plan Testesen');
      await app.registerOpenSickLeave(FIRST_DAY);

      // The nav entry, the list, the empty state with the template picker.
      await app.click('Oppfølgingsplaner', { kind: 'button' });
      await app.click('Plan Testesen', { kind: 'button' });
      await app.find('Oppfølgingsplan – Plan Testesen', { kind: 'text' });
      await app.click('Kontorarbeid', { kind: 'button' });
      let doc = await app.document();
      let plan = (doc.plans || []).find((p) => p.employee === emp.id);
      assert.ok(plan, 'a plan was made');
      assert.equal(plan.versions.length, 1);
      assert.equal(plan.versions[0].origin, 'office');
      assert.equal(plan.versions[0].content.tasks[0].description, 'Skjermarbeid');
      await app.find(/^Utkast · versjon 1 · kvalitet 4 av 5/, { kind: 'text' });
      await app.find('⚠ Vurder arbeidsevnen: hva kan arbeidstakeren gjøre nå?', { kind: 'text' }); // a quality hint, as drawn

      await scrollTo(app, 'Vurdering av arbeidsevnen nå', 'input');
      await app.type('Vurdering av arbeidsevnen nå', 'Kan arbeide fire timer om dagen.');
      await app.absent('Lagre utkast', { timeout: 0 }); // no save button: the draft is saved as it is typed
      await app.find('Utkastet er lagret', { kind: 'text', timeout: 10000 }); // about a second after typing stops
      await app.find(/^Utkast · versjon 1 · kvalitet 5 av 5/, { kind: 'text' });
      doc = await app.document();
      plan = doc.plans.find((p) => p.employee === emp.id);
      assert.equal(plan.versions[0].content.work_ability, 'Kan arbeide fire timer om dagen.');
      await app.screenshot('plans-editor');

      await app.click('Marker enige', { kind: 'button' });
      await app.type('Leders navn', 'Hanne Strand');
      await app.click('Lagre enighet', { kind: 'button' });
      await app.find(/^Enige · versjon 1/, { kind: 'text' });
      doc = await app.document();
      plan = doc.plans.find((p) => p.employee === emp.id);
      assert.equal(plan.versions[0].agreed_employee, TODAY);
      assert.equal(plan.versions[0].agreed_manager, TODAY);
      assert.equal(plan.versions[0].manager_name, 'Hanne Strand');

      await app.click('Skriv ut', { kind: 'button' });
      const printed = await app.page.evaluate(() => window.iadeskLastDocument);
      assert.ok(printed && printed.text.includes('<h1>Oppfølgingsplan</h1>'), 'the HTML document was offered');
      assert.ok(printed.text.includes('Kan arbeide fire timer om dagen.'));
      await app.screenshot('plans-agreed');

      const before = JSON.stringify(plan);
      await app.saved(5000);
      await app.persisted();
      await app.reload();
      doc = await app.document();
      const after = (doc.plans || []).find((p) => p.employee === emp.id);
      assert.equal(JSON.stringify(after), before, 'the plan is unchanged after a reload');
      // The reload opens the same view (#/oppfolgingsplaner/<id>): the plan itself.
      await app.find('Oppfølgingsplan – Plan Testesen', { kind: 'text' });
      await app.find(/^Enige · versjon 1 · kvalitet 5 av 5/, { kind: 'text' });
      // withApp: no console errors (AppPage passes over Chromium's notice about the mouse wheel on
      // the canvas: Emscripten's GLFW listener is passive).
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
  {
    name: 'plan: text typed into the draft is there after a reload right after typing',
    fn: (ctx) => withApp(ctx, async (app) => {
      const emp = await app.registerEmployee('Reload Testesen');
      await app.registerOpenSickLeave(FIRST_DAY);
      await app.click('Oppfølgingsplaner', { kind: 'button' });
      await app.click('Reload Testesen', { kind: 'button' });
      await app.click('Kontorarbeid', { kind: 'button' });
      await scrollTo(app, 'Hvordan ser en vanlig arbeidsdag ut?', 'input');
      const text = 'Dagvakt 08-16 i kundesenteret, mest telefon.';
      await app.type('Hvordan ser en vanlig arbeidsdag ut?', text);
      assert.equal(await app.value('Hvordan ser en vanlig arbeidsdag ut?'), text);
      await app.reload(); // at once: within the pause before the draft is committed and saved
      const doc = await app.document();
      const plan = (doc.plans || []).find((p) => p.employee === emp.id);
      assert.ok(plan, 'the plan is there after the reload');
      assert.equal(plan.versions[0].content.typical_workday, text, 'the typed text survives the reload');
      await app.find('Oppfølgingsplan – Reload Testesen', { kind: 'text' }); // the same view (#/oppfolgingsplaner/<id>)
      await scrollTo(app, 'Hvordan ser en vanlig arbeidsdag ut?', 'input');
      assert.equal(await app.value('Hvordan ser en vanlig arbeidsdag ut?'), text, 'and the editor shows it');
      await app.find('Utkastet er lagret', { kind: 'text' });
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
];
