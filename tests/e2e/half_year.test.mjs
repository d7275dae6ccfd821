// IA half-year report (sintef-ia-2013 kap. 2.3.1): HR writes the key experience of the current half
// year and saves it; the tillitsvalgt signs it off; the document holds the text and the sign-off
// (name and today's date), the printed report says "Gjennomgått med tillitsvalgt: <navn>, dd.mm.åååå",
// and a later change of the text by HR removes the sign-off again.
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';

const TODAY = '2026-11-24'; // 2. halvår 2026
const TEXT = 'Faste ledersamlinger ga raskere tilrettelegging';

export const tests = [
  {
    name: 'half-year report: HR writes the key experience, the tillitsvalgt signs it off',
    fn: (ctx) => withApp(ctx, async (app, context) => {
      await app.click('IA-mål', { kind: 'button' });
      await app.click('Rapporter');
      await app.find('Ikke gjennomgått med tillitsvalgt', { kind: 'text' });
      await app.type('Viktigste erfaring å dele med andre', TEXT);
      await app.screenshot('half-year-typed');
      await app.click('Lagre halvårstekstene', { kind: 'button' });
      let doc = await app.document();
      let report = (doc.half_year_reports || []).find((r) => r.year === 2026 && r.half === 2);
      assert.ok(report, 'the texts of 2. halvår 2026 are stored');
      assert.equal(report.key_experience, TEXT);
      assert.equal(report.signed_off, null);
      // HR has no sign-off button (only the tillitsvalgt signs, access.hpp).
      await app.absent('Signer: gjennomgått med tillitsvalgt', { timeout: 500 });

      await app.click('Rolle: HR / arbeidsgiver');
      await app.click('Tillitsvalgt / verneombud');
      await app.find('Rolle: Tillitsvalgt / verneombud', { kind: 'text' });
      await app.click('IA-mål', { kind: 'button' });
      await app.click('Rapporter');
      assert.equal(await app.value('Viktigste erfaring å dele med andre'), TEXT); // the tillitsvalgt reads it
      await app.absent('Lagre halvårstekstene', { timeout: 500 });
      await app.type('Ditt navn (tillitsvalgt)', 'Kari Fagforbund');
      await app.click('Signer: gjennomgått med tillitsvalgt', { kind: 'button' });
      await app.find('\u2713 Gjennomgått med tillitsvalgt: Kari Fagforbund, 24.11.2026', { kind: 'text' });
      doc = await app.document();
      report = doc.half_year_reports.find((r) => r.year === 2026 && r.half === 2);
      assert.deepEqual(report.signed_off, { name: 'Kari Fagforbund', date: TODAY });
      await app.screenshot('half-year-signed');

      // The printed report; its new tab is closed again (it takes the focus, and the frames, from the app).
      await app.click('Skriv ut halvårsrapport', { kind: 'button' });
      const printed = await app.page.evaluate(() => window.iadeskLastDocument);
      for (const p of context.pages()) if (p !== app.page) await p.close();
      await app.page.bringToFront();
      assert.equal(printed.name, 'ia-halvarsrapport-2026-2.html');
      assert.ok(printed.text.includes('<strong>Gjennomgått med tillitsvalgt:</strong> Kari Fagforbund, 24.11.2026'), 'the printed report names the sign-off');
      assert.ok(printed.text.includes(TEXT));

      // Back as HR, a changed text clears the sign-off (the editor warns first).
      await app.click('Rolle: Tillitsvalgt / verneombud');
      await app.click('HR / arbeidsgiver');
      await app.click('IA-mål', { kind: 'button' });
      await app.click('Rapporter');
      await app.type('Viktigste erfaring å dele med andre', `${TEXT} i hele kommunen`);
      await app.find(/fjernes signeringen/, { kind: 'text' });
      await app.click('Lagre halvårstekstene', { kind: 'button' });
      await app.find('Ikke gjennomgått med tillitsvalgt', { kind: 'text' });
      doc = await app.document();
      report = doc.half_year_reports.find((r) => r.year === 2026 && r.half === 2);
      assert.equal(report.signed_off, null);
      assert.equal(report.key_experience, `${TEXT} i hele kommunen`);
    }, { today: TODAY, viewport: { width: 1400, height: 900 } }),
  },
];
