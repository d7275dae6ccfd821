// Tiltak (measures finder, docs/measures.md): type a query, see the expected first result, open it and see
// its detail (a condition, an amount with its year, evidence with its caveat); Enter opens the
// first result; filter chips; the honest verdict for a chosen sick-listed employee ("Passer",
// "Kan passe – sjekk: ...", "Passer ikke: ...").
import assert from 'node:assert/strict';
import { AppPage, withApp as withAppIn } from './harness.mjs';

// The measure cards need a wider window.
const withApp = (ctx, fn, contextOptions = {}) => withAppIn(ctx, fn, { viewport: { width: 1440, height: 900 }, ...contextOptions });

// The visible result cards (buttons in the results list) from top to bottom, by their labels.
async function cards(app, names) {
  const items = await app.items();
  return items.filter((it) => it.visible && it.kind === 'button' && names.includes(it.label))
    .sort((a, b) => a.y - b.y).map((it) => it.label);
}

// Scrolls the detail pane (mouse wheel over it) until a text labelled `label` is visible.
async function scrollDetailTo(app, label) {
  for (let i = 0; i < 40; i++) {
    try { return await app.find(label, { kind: 'text', timeout: 0 }); } catch { /* not yet in view */ }
    const pane = await app.find(/measures-detail/);
    await app.page.mouse.move(pane.x + pane.w / 2, pane.y + pane.h / 2);
    await app.page.mouse.wheel(0, 240);
    await app.settle();
  }
  return app.find(label, { kind: 'text', timeout: 0 });
}

async function openMeasures(app) {
  await app.click('Tiltak', { kind: 'button' });
  await app.find('Tiltak og virkemidler', { kind: 'text' });
  await app.find('Søk etter tiltak', { kind: 'input' });
}

export const tests = [
  {
    name: 'measures: typing a misspelled query shows the expected first result, and opening it shows conditions and amounts with year',
    fn: (ctx) => withApp(ctx, async (app) => {
      await openMeasures(app);
      await app.find(/^38 av 38 tiltak$/, { kind: 'text' }); // an empty query lists every measure
      await app.type('Søk etter tiltak', 'inkluderingstilsudd');
      assert.equal(await app.value('Søk etter tiltak'), 'inkluderingstilsudd');
      const hits = await cards(app, ['Inkluderingstilskudd', 'Hjelpemidler på arbeidsplassen (folketrygdloven § 10-5)']);
      assert.equal(hits[0], 'Inkluderingstilskudd', `first result: ${hits.join(', ')}`);
      await app.find(/^\d+ av 38 tiltak$/, { kind: 'text' });
      await app.click('Inkluderingstilskudd', { kind: 'button' });
      // Detail pane: heading, a condition, an amount with its year, evidence and sources.
      await app.find('Inkluderingstilskudd', { kind: 'text' });
      await app.find('Vilkår', { kind: 'text' });
      await app.find('Det søkes før utgiften påløper.', { kind: 'text' });
      await app.find('Beløp og satser', { kind: 'text' });
      await app.screenshot('measures-detail');
      await scrollDetailTo(app, 'Maksimalt tilskudd: 160\u00a0400 kr (år 2026)'); // every amount has its year
      await app.screenshot('measures-detail-amounts');
      await scrollDetailTo(app, 'Kilder');
    }),
  },
  {
    name: 'measures: Enter opens the first result; Down arrow moves the highlight; evidence shows its caveat',
    fn: (ctx) => withApp(ctx, async (app) => {
      await openMeasures(app);
      await app.type('Søk etter tiltak', 'lonnstilskudd');
      await app.press('Enter');
      await app.find('Midlertidig lønnstilskudd', { kind: 'text' }); // the detail heading
      await scrollDetailTo(app, /^Forbehold: /);                     // evidence comes with its caveat
      // Down moves to the second result (Varig lønnstilskudd); Enter opens it.
      await app.type('Søk etter tiltak', 'lonnstilskudd');
      await app.press('ArrowDown');
      await app.press('Enter');
      await app.find('Varig lønnstilskudd', { kind: 'text' });
    }),
  },
  {
    name: 'measures: filter chips narrow the list and say they are on without colour alone',
    fn: (ctx) => withApp(ctx, async (app) => {
      await openMeasures(app);
      await app.click('Historiske', { kind: 'button' });
      await app.find('✓ Historiske', { kind: 'button' }); // a check mark, not only a colour
      const count = await app.find(/^\d+ av 38 tiltak$/, { kind: 'text' });
      const n = Number(count.label.split(' ')[0]);
      assert.ok(n > 0 && n < 10, `historic measures: ${n}`);
      await app.find('Tilretteleggingstilskudd (IA)', { kind: 'button' });
      await app.click('✓ Historiske', { kind: 'button' }); // toggles off
      await app.find('38 av 38 tiltak', { kind: 'text' });
      await app.click('Sykmeldt 8–26 uker', { kind: 'button' });
      await app.type('Søk etter tiltak', 'kompetanse sykmeldt');
      const hits = await cards(app, ['Kompetansetiltak for sykmeldte', 'Mentor']);
      assert.deepEqual(hits, ['Kompetansetiltak for sykmeldte']);
    }),
  },
  {
    name: 'measures: choosing a sick-listed employee gives the honest verdict: fits, may fit (with what to check), does not fit',
    fn: (ctx) => withApp(ctx, async (app) => {
      await openMeasures(app);
      await app.click('Vurder for sykmeldt', { kind: 'item' }); // the combo box, not its label above it
      // An employee within the sick-pay year (week 1-52): the phases these measures are for.
      const items = await app.items();
      const entry = items.find((it) => it.visible && it.kind === 'button' && / · uke \d+ · \d+ %$/.test(it.label)
                                       && Number(it.label.match(/ · uke (\d+) · /)[1]) <= 52);
      assert.ok(entry, 'the list offers employees with an open case in week 1-52');
      await app.page.mouse.click(entry.x + entry.w / 2, entry.y + entry.h / 2);
      await app.settle();
      const name = entry.label.split(' · ')[0];
      await app.find(new RegExp(`^Uke \\d+ · \\d+ % sykmeldt · \\d+ hele måneder$`), { kind: 'text' });

      // Reisetilskudd has one condition, checked (sick-listed), and it holds: it fits.
      await app.type('Søk etter tiltak', 'reisetilskudd');
      await app.press('Enter');
      await app.find('Vurdering for den sykmeldte', { kind: 'text' });
      await app.find(`✓ ${name}: Passer`, { kind: 'text' });

      // Gradert sykmelding: "the employee is sick-listed" holds, but "enough productive tasks" has no
      // machine check, so it only may fit and the condition to check is named - never a plain yes.
      await app.type('Søk etter tiltak', 'gradert sykmelding');
      await app.press('Enter');
      await app.find(`? ${name}: Kan passe – sjekk: Arbeidsgiveren har nok produktive oppgaver tilsvarende frisk-andelen`, { kind: 'text' });
      await app.find('Arbeidsgiveren har nok produktive oppgaver tilsvarende frisk-andelen. – iadesk kan ikke sjekke dette', { kind: 'text' });
      await app.screenshot('measures-fit');

      // Tilretteleggingstilskudd ended with 2018: it does not fit, and says why.
      await app.type('Søk etter tiltak', 'tilretteleggingstilskudd');
      await app.press('Enter');
      await app.find(`✗ ${name}: Passer ikke: Historisk ordning, gjaldt til 31.12.2018`, { kind: 'text' });
    }),
  },
  {
    name: 'measures: a historic measure says what replaced it and when the record was checked',
    fn: (ctx) => withApp(ctx, async (app) => {
      await openMeasures(app);
      await app.type('Søk etter tiltak', 'raskere tilbake');
      const hits = await cards(app, ['Avklaring (Raskere tilbake)', 'Individuell oppfølging (Raskere tilbake)']);
      assert.equal(hits.length, 2, `cards: ${hits.join(', ')}`);
      await app.click('Avklaring (Raskere tilbake)', { kind: 'button' });
      await app.find('◇ Historisk – gjaldt til 31.12.2017', { kind: 'text' });
      await app.find('Kontrollert mot kildene 07.12.2026', { kind: 'text' });
      await app.find('Erstattet av: Avklaring, Oppfølging (arbeidsrettet oppfølgingstiltak), Arbeidsrettet rehabilitering', { kind: 'text' });
      await app.click('Arbeidsrettet rehabilitering', { kind: 'button' }); // one click to what to use today
      await app.find('● Gjeldende ordning', { kind: 'text' });
    }),
  },
];
