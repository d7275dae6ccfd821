// The first day, from an empty browser: the demo says it is the demo; "Start med egen virksomhet"
// with the organisation number (mod 11) and two units; an employee added by hand with a
// fødselsnummer, a sick leave registered; the 4-week plan milestone marked done on an earlier day;
// a plan written from a template, agreed, printed and exported in NAV's format; all of it kept on
// reload.
import assert from 'node:assert/strict';
import { withApp, scrollPlanTo } from './harness.mjs';

const TODAY = '2026-11-24';

export const tests = [
  {
    name: 'first day: an own organisation with two units from an empty browser, an employee and a sick leave, kept on reload',
    fn: (ctx) => withApp(ctx, async (app) => {
      let doc = await app.document();
      assert.match(doc.organisation.name, /\(demo\)$/, 'an empty browser starts with the demo');
      await app.find('Start med egen virksomhet', { kind: 'button' }); // in the top bar
      await app.click('Start med egen virksomhet', { kind: 'button' });
      await app.frames(5); // the dialog sizes itself on its first frames, then stands centred
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
      // A synthetic fødselsnummer (month + 80); its two control digits worked by mod 11 in the unit tests.
      await app.type('Fødselsnummer (valgfritt)', '01819012446');
      await app.click('Lagre', { kind: 'button' });
      await app.registerOpenSickLeave('20.10.2026');
      doc = await app.document();
      assert.equal(doc.absences.filter((a) => a.employee === kari.id).length, 1);
      await app.screenshot('first-day-employee');

      // The plan milestone (week 4, due 16.11.2026) was done on 13.11.2026: the dialog takes that day.
      await app.click('Oversikt', { kind: 'button' });
      await app.click('Kari Testesen', { kind: 'button' });
      const planMilestone = /^Oppfølgingsplan utarbeidet og sendt sykmelder/;
      await app.click('Marker utført', { kind: 'button', near: planMilestone });
      await app.type('Dato da det ble gjort (dd.mm.åååå)', '13.11.2026');
      await app.type('Hvem deltok', 'Kari Testesen, leder Hanne Strand');
      await app.press('Enter');
      await app.find('Utført 13.11.2026', { kind: 'text', near: planMilestone });

      // The plan: from a template, agreed, printed, exported for NAV.
      await app.click('Oppfølgingsplaner', { kind: 'button' });
      await app.click('Kari Testesen', { kind: 'button' });
      await app.click('Kontorarbeid', { kind: 'button' });
      // What NAV requires of a plan (the export refuses it otherwise): the next evaluation and
      // whether the employee took part.
      await scrollPlanTo(app, 'Neste evaluering', 'input');
      await app.type('Neste evaluering', '15.01.2027');
      await scrollPlanTo(app, 'Arbeidstakeren har medvirket');
      await app.click('Arbeidstakeren har medvirket');
      await app.find('Utkastet er lagret', { kind: 'text', timeout: 10000 });
      await app.click('Marker enige', { kind: 'button' });
      await app.type('Leders navn', 'Hanne Strand');
      await app.click('Lagre enighet', { kind: 'button' });
      await app.find(/^Enige · versjon 1/, { kind: 'text' });
      await app.click('Skriv ut', { kind: 'button' });
      const printed = await app.page.evaluate(() => window.iadeskLastDocument);
      assert.ok(printed.text.includes('Bergli barnehager AS'), 'the printed plan names the organisation');
      assert.ok(printed.text.includes('974760673'), 'and its own organisation number, not the demo\'s');
      assert.ok(!printed.text.includes('ingen diagnose'), 'the print states only what was checked');
      await app.click('Eksporter (NAV-format)', { kind: 'button' });
      await app.type('Telefonnummeret til kontaktpersonen', '+47 900 00 000');
      await app.type('E-postadressen til kontaktpersonen', 'hanne.strand@bergli.no');
      await app.click('Last ned filen', { kind: 'button' });
      const exported = await app.page.evaluate(() => window.iadeskLastDocument);
      const nav = JSON.parse(exported.text);
      assert.equal(nav.employeeIdentificationNumber, '01819012446');
      assert.equal(nav.contactPersonPhoneNumber, '+47 900 00 000');
      assert.ok(!Object.values(nav).includes(null), 'no member is null (NAV refuses nulls)');
      await app.screenshot('first-day-plan');

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
