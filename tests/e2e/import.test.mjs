// CSV import: a file with one bad row shows that row's error and imports nothing;
// the corrected file imports every row as one step that Ctrl+Z undoes.
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';

const BAD = '\ufeffid;navn;enhet;stillingsprosent;fra;til\r\n' +
  'N1;Kari Import;Nyenheten;100;01.08.2019;\r\n' +
  'N2;Ola Import;Nyenheten;150;01.01.2020;\r\n' +   // 150 % is not a position percent
  'N3;Åse Æøå;Nyenheten;50;2021-03-01;\r\n';
const GOOD = BAD.replace('N2;Ola Import;Nyenheten;150', 'N2;Ola Import;Nyenheten;80');

// Each test: the app opened on 24.11.2026 in a wide window (withApp: no console errors), the
// number of employees before the import, and the Data tab of Innstillinger open.
async function withDataTab(ctx, fn) {
  await withApp(ctx, async (app) => {
    const before = (await app.document()).employees.length;
    await app.openData();
    await fn(app, before);
  }, { today: '2026-11-24', viewport: { width: 1400, height: 900 } });
}

export const tests = [
  {
    name: 'import: a Windows-1252 file from Norwegian Excel shows its encoding and imports the names intact',
    fn: async (ctx) => {
      await withDataTab(ctx, async (app, before) => {
        // Å C5, Ø D8, å E5, ø F8 in Windows-1252.
        const bytes = Buffer.concat([Buffer.from('id;navn;enhet;fra\r\nW1;'),
          Buffer.from([0xC5]), Buffer.from('se '), Buffer.from([0xD8]), Buffer.from('deg'), Buffer.from([0xE5]),
          Buffer.from('rd;Kj'), Buffer.from([0xF8]), Buffer.from('kken;01.08.2019\r\n')]);
        await app.chooseFile('Importer ansatte …', 'excel.csv', bytes);
        await app.find('excel.csv: 1 rad lest, 0 feil.', { kind: 'text' });
        await app.find('Tegnsett: Windows-1252 (omgjort til UTF-8)', { kind: 'text' });
        await app.screenshot('import-windows-1252');
        await app.click('Importer', { kind: 'button' });
        const doc = await app.document();
        assert.equal(doc.employees.length, before + 1);
        assert.ok(doc.employees.some((e) => e.name === 'Åse Ødegård'), 'the name arrives as UTF-8');
        assert.ok(doc.units.some((u) => u.name === 'Kjøkken'));
      });
    },
  },
  {
    name: 'import: one bad row is named and nothing is imported; the fixed file imports, and undo removes it',
    fn: async (ctx) => {
      await withDataTab(ctx, async (app, before) => {
        await app.chooseFile('Importer ansatte …', 'ansatte.csv', BAD);
        await app.find('ansatte.csv: 2 rader lest, 1 feil.', { kind: 'text' });
        await app.find(/^Linje 3, kolonne stillingsprosent: /, { kind: 'text' });
        await app.screenshot('import-error');
        assert.equal((await app.document()).employees.length, before, 'nothing imported');

        await app.chooseFile('Importer ansatte …', 'ansatte.csv', GOOD);
        await app.find('ansatte.csv: 3 rader lest, 0 feil.', { kind: 'text' });
        await app.click('Importer', { kind: 'button' });
        let doc = await app.document();
        assert.equal(doc.employees.length, before + 3);
        assert.ok(doc.employees.some((e) => e.name === 'Åse Æøå'), 'UTF-8 with BOM arrives intact');
        assert.ok(doc.units.some((u) => u.name === 'Nyenheten' || u.id === 'Nyenheten'));
        await app.press('Control+Z');
        doc = await app.document();
        assert.equal(doc.employees.length, before, 'one undo step removes the whole import');
      });
    },
  },
  {
    name: 'import: a large file shows its progress (read, check, done) before the preview; nothing changes until approved',
    fn: async (ctx) => {
      await withDataTab(ctx, async (app, before) => {
        let csv = 'id;navn;enhet;stillingsprosent;fra;til\r\n';
        for (let i = 1; i <= 20000; i++) csv += `S${i};Stor Import ${i};Storenheten;100;01.08.2019;\r\n`;
        await app.chooseFile('Importer ansatte …', 'stor.csv', csv, { frames: 0 });
        // Every frame's widgets until the preview is there: the progress modal must have shown.
        const seen = new Set();
        const deadline = Date.now() + 30000;
        for (;;) {
          const labels = (await app.items()).filter((i) => i.visible).map((i) => i.label);
          for (const l of labels) if (/^(Leser|Kontrollerer hver rad i) «stor\.csv» \(\d+,\d MB\)/.test(l) || l === '3 / 3' || l === '2 / 3') seen.add(l.split(' ')[0]);
          if (labels.includes('stor.csv: 20000 rader lest, 0 feil.')) break;
          assert.ok(Date.now() < deadline, 'the preview appears');
        }
        assert.ok(seen.has('Leser') || seen.has('Kontrollerer'), `progress was shown: ${[...seen].join(', ')}`);
        assert.equal((await app.document()).employees.length, before, 'nothing changes before the import is approved');
        await app.click('Importer', { kind: 'button' });
        assert.equal((await app.document()).employees.length, before + 20000);
      });
    },
  },
  {
    name: 'import: newer comparison figures are previewed, kept in the register over a reload, and shown on Statistikk',
    fn: async (ctx) => {
      await withDataTab(ctx, async (app) => {
        // The country's legemeldt 2025K4-2026K3 (test figures): the four quarters Statistikk compares on 24.11.2026.
        const csv = '\ufeffkategori;kode;år;kvartal;prosent\r\nland;;2025;4;6,0\r\nland;;2026;1;6,4\r\nland;;2026;2;6,0\r\nland;;2026;3;5,6\r\n';
        await app.chooseFile('Importer sammenligningstall …', 'ssb-2026K3.csv', csv);
        await app.find('ssb-2026K3.csv: 4 tall lest, 0 av dem erstatter tall som er importert før.', { kind: 'text' });
        await app.find('• Landet · legemeldt · 3. kvartal 2026 · 5,6 %', { kind: 'text' });
        assert.equal((await app.document()).comparison_figures, undefined, 'nothing kept before "Importer"');
        await app.click('Importer', { kind: 'button' });
        await app.find('4 importerte sammenligningstall i registeret.', { kind: 'text' });
        await app.persisted();
        await app.reload();
        const doc = await app.document();
        assert.equal(doc.comparison_figures.length, 4, 'the figures are stored with the register');
        assert.equal(doc.comparison_figures[3].source, '«ssb-2026K3.csv», importert 24.11.2026');
        await app.click('Statistikk', { kind: 'button' });
        await app.reveal('4 importerte tall går foran (Innstillinger → Data); hold over et tall for å se kilden.', { kind: 'text' });
        await app.screenshot('comparison-imported');
      });
    },
  },
];
