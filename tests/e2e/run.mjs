// Runs every tests/e2e/*.test.mjs against the built site (build/web/site by default) and prints
// `N passed, N failed`. A test file exports `tests`: [{ name, fn(ctx) }], where ctx gives the served
// url, the site folder, a launched browser and an artifacts folder for screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, launch } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2] || path.join(here, '../../build/web/site'));
const only = process.argv[3];
if (!fs.existsSync(path.join(site, 'app.wasm'))) {
  console.error(`e2e: ${site}/app.wasm is missing; build the browser app first`);
  process.exit(1);
}
const artifacts = path.join(here, 'artifacts');
const server = await serve(site);
const browser = await launch();
let passed = 0; let failed = 0;
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
for (const f of files) {
  const mod = await import(pathToFileURL(path.join(here, f)));
  for (const t of mod.tests) {
    if (only && !t.name.includes(only)) continue;
    const started = Date.now();
    try {
      await t.fn({ url: server.url, site, browser, artifacts, server });
      passed++;
      console.log(`ok   ${f} › ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${f} › ${t.name}\n     ${String(err && err.stack || err).split('\n').join('\n     ')}`);
    }
  }
}
await browser.close();
await server.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
