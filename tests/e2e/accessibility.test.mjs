// Accessibility: what a screen reader, switch access and the keyboard get (docs/accessibility.md).
// The canvas is hidden from assistive technology; the accessible mirror (src/platform/web_a11y.js)
// speaks for it. These tests read the page as a screen reader does, through roles and accessible
// names (Playwright's getByRole and ariaSnapshot, computed from the DOM the way browsers do), act
// only through those elements and the keyboard (never a click at canvas coordinates), and run
// axe-core on every view.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withApp } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const AXE = path.join(here, 'node_modules/axe-core/axe.min.js');

const VIEWS = [
  ['Oversikt', '#/oversikt'], ['Ansatte', '#/ansatte'], ['Oppfølging', '#/oppfolging'],
  ['Oppfølgingsplaner', '#/oppfolgingsplaner'], ['IA-mål', '#/mal'], ['Tiltak', '#/tiltak'],
  ['Statistikk', '#/statistikk'], ['Innstillinger', '#/innstillinger'],
];

// What assistive technology does: find by role and name, then press (click()) or focus.
function reader(app) {
  const page = app.page;
  return {
    page,
    nav: () => page.getByRole('navigation', { name: 'Hovedmeny' }),
    main: () => page.getByRole('main'),
    async press(locator) {
      await locator.waitFor({ state: 'attached', timeout: 10000 });
      await locator.dispatchEvent('click'); // a screen reader's "activate": no pointer involved
      await app.frames(3);
      await app.settle();
    },
    // Focuses the text field (which starts editing it), replaces its text by typing.
    async type(name, text) {
      const box = page.getByRole('textbox', { name, exact: true }).first();
      await box.waitFor({ state: 'attached', timeout: 10000 });
      await box.focus();
      await app.frames(3);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text, { delay: 20 });
      await app.settle();
      await app.frames(3);
    },
    async focusedName() {
      return page.evaluate(() => {
        const a = document.activeElement;
        if (!a || !a.closest('#iadesk-a11y')) return null;
        return `${a.getAttribute('role') || a.tagName.toLowerCase()}: ${a.getAttribute('aria-label') || a.textContent}`;
      });
    },
  };
}

export const tests = [
  {
    name: 'accessibility: every view has landmarks, a level-1 heading and named widgets, and axe-core finds no serious or critical violation',
    fn: (ctx) => withApp(ctx, async (app) => {
      const r = reader(app);
      // The canvas is hidden; the mirror carries the page.
      assert.equal(await app.page.getAttribute('#canvas', 'aria-hidden'), 'true');
      await r.main().getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10000 });
      await app.page.addScriptTag({ path: AXE });
      for (const [view, hash] of VIEWS) {
        await r.press(r.nav().getByRole('button', { name: view, exact: true }));
        assert.equal(await app.page.evaluate(() => window.location.hash), hash, `${view}: the address follows`);
        // Landmarks a screen reader lists: the menu bar, the navigation with its eight views, the
        // page, and the status bar as a live region that says whether the data is saved.
        assert.equal(await app.page.getByRole('banner').count(), 1, `${view}: one banner`);
        assert.equal(await r.nav().getByRole('button').count(), 8, `${view}: eight views in the navigation`);
        await r.main().getByRole('heading', { level: 1 }).first().waitFor({ timeout: 5000 });
        const status = app.page.getByRole('status', { name: 'Statuslinje' });
        assert.match(await status.textContent(), /Lagret|Klar|Endringene/, `${view}: the status bar is read out`);
        // Every control has a name (no empty buttons, no unnamed fields).
        const unnamed = await app.page.evaluate(() => [...document.querySelectorAll(
          '#iadesk-a11y [role=button], #iadesk-a11y [role=checkbox], #iadesk-a11y input')]
          .filter((el) => !(el.getAttribute('aria-label') || el.textContent).trim()).length);
        assert.equal(unnamed, 0, `${view}: every control has a name`);
        const violations = await app.page.evaluate(async () => {
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${view}: axe-core`);
      }
    }, { today: '2026-11-24' }),
  },
  {
    name: 'accessibility: register an absence and mark a milestone done through the accessible elements and the keyboard alone',
    fn: (ctx) => withApp(ctx, async (app) => {
      const r = reader(app);
      const page = app.page;
      await r.main().getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10000 });

      // A new employee, with a sick leave from 20.10.2026 (open-ended).
      await r.press(r.nav().getByRole('button', { name: 'Ansatte', exact: true }));
      await r.press(r.main().getByRole('button', { name: 'Ny ansatt', exact: true }));
      await r.type('Navn', 'Tove Tastatur');
      await r.type('Fra', '01.01.2020');
      await r.press(r.main().getByRole('button', { name: 'Lagre', exact: true }));
      let doc = await app.document();
      const tove = doc.employees.find((e) => e.name === 'Tove Tastatur');
      assert.ok(tove, 'the employee is stored');
      await r.press(r.main().getByRole('button', { name: 'Registrer fravær', exact: true }));
      await r.type('Første fraværsdag', '20.10.2026');
      const open = r.main().getByRole('checkbox', { name: 'Åpen slutt (sluttdato ukjent)' });
      assert.equal(await open.getAttribute('aria-checked'), 'false');
      await r.press(open);
      assert.equal(await open.getAttribute('aria-checked'), 'true', 'the checkbox says it is checked');
      // "Lagre fravær" lies below the fold: the keyboard gets there (ImGui scrolls to the focus).
      const save = r.main().getByRole('button', { name: 'Lagre fravær', exact: true });
      for (let i = 0; i < 12 && !(await save.count()); i++) { await page.keyboard.press('Tab'); await app.frames(2); }
      await r.press(save);
      doc = await app.document();
      assert.equal(doc.absences.filter((a) => a.employee === tove.id).length, 1, 'the absence is stored');

      // The case: its plan milestone marked done in the dialog, confirmed with Enter.
      await r.press(r.nav().getByRole('button', { name: 'Oversikt', exact: true }));
      await r.press(r.main().getByRole('button', { name: 'Tove Tastatur', exact: true }).first());
      const plan = r.main().getByRole('row', { name: /^Oppfølgingsplan utarbeidet og sendt sykmelder/ });
      await r.press(plan.getByRole('button', { name: 'Marker utført', exact: true }));
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'attached', timeout: 5000 }); // a container without a box of its own
      assert.equal(await dialog.getAttribute('aria-modal'), 'true');
      assert.ok((await dialog.getAttribute('aria-label')).length > 0, 'the dialog is named in words');
      await r.type('Dato da det ble gjort (dd.mm.åååå)', '13.11.2026');
      await page.keyboard.press('Enter');
      await app.frames(3);
      await plan.getByText('Utført 13.11.2026').waitFor({ timeout: 5000 });
      doc = await app.document();
      assert.ok(doc.milestone_events.some((e) => e.employee === tove.id && e.milestone === 'oppfolgingsplan' && e.status === 'done' && e.date === '2026-11-13'),
                'the milestone is marked done on 13.11.2026');
    }, { today: '2026-11-24' }),
  },
  {
    name: 'accessibility: Tab moves the focus the screen reader announces, Escape/Tab/Enter move between panels, "?" lists the shortcuts, and the text on screen can be found and copied',
    fn: (ctx) => withApp(ctx, async (app) => {
      const r = reader(app);
      await r.press(r.nav().getByRole('button', { name: 'Statistikk', exact: true }));
      await r.press(r.nav().getByRole('button', { name: 'Oversikt', exact: true }));
      const seen = [];
      for (let i = 0; i < 4; i++) {
        await app.page.keyboard.press('Tab');
        await app.frames(3);
        seen.push(await r.focusedName());
      }
      assert.ok(seen.every((s) => s !== null), `each Tab gives a focused element of the mirror: ${seen.join(' | ')}`);
      assert.ok(new Set(seen).size >= 3, `Tab moves on: ${seen.join(' | ')}`);
      // A view opened puts the focus in its page. Escape leaves the page (announced as a panel named
      // by its heading), Tab goes on to the list of views, Enter goes into it.
      assert.ok(await app.page.evaluate(() => !!document.activeElement.closest('main')), 'the focus is in the page');
      for (let i = 0; i < 3 && !/^group: /.test(await r.focusedName()); i++) { // a field being edited takes one Escape first
        await app.page.keyboard.press('Escape');
        await app.frames(3);
      }
      assert.match(await r.focusedName(), /^group: Trenger handling denne uken/);
      for (let i = 0; i < 4 && (await r.focusedName()) !== 'group: Hovedmeny'; i++) {
        await app.page.keyboard.press('Tab');
        await app.frames(3);
      }
      assert.equal(await r.focusedName(), 'group: Hovedmeny', 'Tab reaches the list of views');
      await app.page.keyboard.press('Enter');
      await app.frames(3);
      await app.page.keyboard.press('Tab');
      await app.frames(3);
      const inList = await app.page.evaluate(() => !!(document.activeElement && document.activeElement.closest('nav')));
      assert.ok(inList, `inside the list after Enter: ${await r.focusedName()}`);

      // "?" opens the keyboard help, a dialog that lists the registry's shortcuts; Escape closes it.
      await app.page.keyboard.press('Escape'); // leave any field
      await app.frames(2);
      await app.page.keyboard.type('?');
      await app.frames(3);
      const help = app.page.getByRole('dialog', { name: 'Hurtigtaster' });
      await help.waitFor({ state: 'attached', timeout: 5000 });
      const palette = help.getByRole('row', { name: /Søk og kommandoer/ });
      assert.match(await palette.textContent(), /Ctrl\+K/, 'the palette\'s shortcut is listed');
      assert.match(await help.textContent(), /Tab \/ Shift\+Tab/, 'the keys that work everywhere are listed');
      await app.page.keyboard.press('Escape');
      await app.frames(3);
      assert.equal(await help.count(), 0, 'Escape closes the help');

      // The employees' names are text of the page: the browser's find and copy see them.
      const name = (await app.document()).employees[0].name;
      const found = await app.page.evaluate((n) => window.find(n), name);
      assert.ok(found, `find in page finds ${name}`);
      const selected = await app.page.evaluate(() => String(window.getSelection()));
      assert.equal(selected, name, 'what find selected is the text to copy');
    }, { today: '2026-11-24' }),
  },
  {
    name: 'narrow screens: on a 390 x 844 phone the views are in a menu, Oversikt shows stacked rows, and a manager marks a milestone done',
    fn: (ctx) => withApp(ctx, async (app) => {
      const page = app.page;
      const width = 390;
      await app.find(/^Trenger handling denne uken/, { kind: 'text' });
      // No sidebar: the views are behind "Meny" in the top bar, whose items all fit side by side.
      assert.equal(await page.getByRole('navigation').count(), 0, 'no sidebar on a phone');
      const bar = (await app.items()).filter((it) => it.region === 'banner' && it.visible && it.kind !== 'window');
      assert.ok(bar.some((it) => it.label === 'Meny'), 'the top bar has "Meny"');
      for (const it of bar) assert.ok(it.x >= 0 && it.x + it.w <= width + 1, `${it.label} fits the screen`);
      const sorted = bar.filter((it) => it.kind !== 'text').sort((a, b) => a.x - b.x);
      for (let i = 1; i < sorted.length; i++)
        assert.ok(sorted[i].x >= sorted[i - 1].x + sorted[i - 1].w - 1, `${sorted[i - 1].label} and ${sorted[i].label} do not overlap`);
      await app.screenshot('phone-390x844-oversikt');

      // Stacked rows: each case's name, its unit, week and grade, the next milestone and its
      // status, all inside the screen's width (a long milestone name ends in "…").
      const doc = await app.document();
      const cards = (await app.items()).filter((it) => it.region === 'main' && it.visible && it.x + it.w > width + 1 && it.kind !== 'window');
      assert.deepEqual(cards.map((it) => it.label), [], 'nothing on Oversikt runs past the right edge');
      const first = (await app.items()).find((it) => it.region === 'main' && it.kind === 'button' &&
                                                    doc.employees.some((e) => e.name === it.label));
      assert.ok(first, 'a case is listed by name');
      // As the manager of that employee's unit, as on a manager's phone.
      const unit = doc.units.find((u) => u.id === doc.employees.find((e) => e.name === first.label).unit);
      // (Through the mirror, as a phone's screen reader would: a submenu chased with a finger on a
      // 390 px screen opens its neighbour on the way.)
      const r = reader(app);
      await r.press(page.getByRole('banner').getByRole('button', { name: 'Rolle: HR / arbeidsgiver' }));
      await r.press(page.getByRole('option', { name: 'Nærmeste leder for' }));
      await r.press(page.getByRole('menuitem', { name: unit.name, exact: true }));
      await app.find(`Rolle: Nærmeste leder (${unit.name})`, { kind: 'text' });
      await app.click(first.label, { kind: 'button' });

      // The case, its milestones stacked; "Marker utført" on the first open one; the dialog fits.
      await app.reveal('Marker utført', { kind: 'button', x: 195, y: 600 });
      await app.click('Marker utført', { kind: 'button' });
      const date = await app.find('Dato da det ble gjort (dd.mm.åååå)', { kind: 'input' });
      assert.ok(date.x >= 0 && date.x + date.w <= width + 1, 'the dialog\'s field fits the screen');
      await app.screenshot('phone-390x844-mark-done');
      await app.type('Dato da det ble gjort (dd.mm.åååå)', '20.11.2026');
      await app.press('Enter');
      await app.find('Utført 20.11.2026', { kind: 'text' });
      const after = await app.document();
      assert.equal(after.milestone_events.length, doc.milestone_events.length + 1, 'the mark is stored');

      // The views through "Meny".
      await app.click('Meny');
      await app.click('Statistikk', { kind: 'button' });
      await app.frames(3);
      assert.equal(await page.evaluate(() => window.location.hash), '#/statistikk');
    }, { today: '2026-11-24', viewport: { width: 390, height: 844 } }),
  },
  {
    name: 'narrow screens: a wide window keeps the sidebar and the tables (1366 x 768)',
    fn: (ctx) => withApp(ctx, async (app) => {
      await app.find(/^Trenger handling denne uken/, { kind: 'text' });
      assert.equal(await app.page.getByRole('navigation', { name: 'Hovedmeny' }).count(), 1);
      assert.ok(await app.page.getByRole('main').getByRole('table').count() >= 1, 'Oversikt is a table');
      await app.screenshot('wide-1366x768-oversikt');
    }, { today: '2026-11-24', viewport: { width: 1366, height: 768 } }),
  },
  {
    name: 'accessibility: the keyboard alone (no mouse, no mirror clicks) opens a case from Oversikt and marks a milestone done',
    fn: (ctx) => withApp(ctx, async (app) => {
      const r = reader(app);
      const page = app.page;
      await app.find(/^Trenger handling denne uken/, { kind: 'text' });
      const key = async (k) => { await page.keyboard.press(k); await app.frames(3); };
      // Tab until the focused element's "role: name" is what `wanted` (a RegExp or a test) accepts; a
      // panel (group) on the way that `enter` accepts is entered with Enter. Gives up after 60 keys.
      const reach = async (wanted, enter = () => false) => {
        const ok = (n) => (wanted instanceof RegExp ? wanted.test(n) : wanted(n));
        const seen = [];
        for (let i = 0; i < 60; i++) {
          const name = await r.focusedName();
          seen.push(name);
          if (name && ok(name)) return name;
          if (name && name.startsWith('group: ') && enter(name)) await key('Enter');
          else await key('Tab');
        }
        throw new Error(`the keyboard did not reach ${wanted}; on the way: ${seen.join(' | ')}`);
      };
      const doc = await app.document();
      const names = new Set(doc.employees.map((e) => e.name));
      // The focus starts in the page: on into the table's panel, onto a case's row.
      const row = await reach((n) => n.startsWith('button: ') && names.has(n.slice('button: '.length)),
                              (n) => n !== 'group: Hovedmeny' && !n.startsWith('group: Trenger handling denne uken'));
      const name = row.slice('button: '.length);
      assert.ok(names.has(name), `a case's row has the focus: ${row}`);
      await key('Enter');
      await app.find(name, { kind: 'text' }); // the case's heading
      const before = doc.milestone_events.length;
      // The case's page has the focus: on to "Marker utført" of its first open milestone.
      await reach(/^button: Marker utført$/);
      await key('Enter');
      await page.getByRole('dialog').waitFor({ state: 'attached', timeout: 5000 });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('20.11.2026', { delay: 20 });
      await app.settle();
      await key('Enter');
      await app.find('Utført 20.11.2026', { kind: 'text' });
      const after = await app.document();
      assert.equal(after.milestone_events.length, before + 1, 'the mark is stored');
      assert.ok(after.milestone_events.some((e) => e.date === '2026-11-20' && e.status === 'done'));
    }, { today: '2026-11-24' }),
  },
];
