// Runs every tests/e2e/*.test.mjs against the built site (build/web/site by default) through
// node's test runner (node:test), one suite per file, one browser and one server for all:
//
//   node [--test-reporter=spec] tests/e2e/run.mjs [SITE] [NAME-FILTER]
//
// A test file exports `tests`: [{ name, fn(ctx) }], where ctx gives the served url, the site folder,
// a launched browser, the server, an artifacts folder for screenshots and the test's name
// (testName: harness.mjs names the screenshots of a failed test after it). Only tests whose name
// contains NAME-FILTER run. node:test's reporter prints each result (a failure with its stack and
// the screenshots taken when it failed); the last line is `e2e: N passed, N failed`
// (scripts/test.sh reads it; a run that dies before it counts as failed there). Exit code 1 on any
// failure.
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, launch } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2] || path.join(here, '../../build/web/site'));
const only = process.argv[3];
const artifacts = path.join(here, 'artifacts');
// A hang guard per test, not a speed limit: the slowest test takes about a minute on a loaded machine.
const TEST_TIMEOUT_MS = 10 * 60 * 1000;

// Every registered test that did not pass counts as failed: also one that timed out or was
// cancelled, whose own code never finished.
let registered = 0;
let passed = 0;
process.on('exit', () => console.log(`e2e: ${passed} passed, ${registered - passed} failed`));

if (!fs.existsSync(path.join(site, 'app.wasm'))) {
  console.error(`e2e: ${site}/app.wasm is missing; build the browser app first`);
  registered++;
  process.exit(1);
}

// Every test file first (a file that does not load is a failed test of its own), then the server
// and the browser, then the tests are registered in one go, so that the suite's `after` closes the
// browser only when all of them have run.
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
const loaded = [];
for (const f of files) {
  try {
    const mod = await import(pathToFileURL(path.join(here, f)));
    if (!Array.isArray(mod.tests)) throw new Error(`${f} does not export tests: [{ name, fn }]`);
    loaded.push({ file: f, tests: mod.tests.filter((t) => !only || t.name.includes(only)) });
  } catch (err) {
    loaded.push({ file: f, loadError: err });
  }
}
let server;
let browser;
try {
  server = await serve(site);
  browser = await launch();
} catch (err) {
  console.error(`e2e: could not start the server or the browser: ${err && err.stack || err}`);
  registered++;
  if (server) await server.close();
  process.exit(1);
}

// Counts a pass for the closing line; node:test reports every outcome.
function counted(fn) {
  registered++;
  return async () => {
    await fn();
    passed++;
  };
}

describe('e2e', () => {
  after(async () => {
    await browser.close();
    await server.close();
  });
  for (const { file, tests, loadError } of loaded) {
    if (loadError) {
      test(`${file} loads`, counted(() => { throw loadError; }));
      continue;
    }
    if (!tests.length) continue;
    describe(file, () => {
      for (const t of tests) {
        const ctx = { url: server.url, site, browser, artifacts, server, testName: `${file.replace(/\.test\.mjs$/, '')} ${t.name}` };
        test(t.name, { timeout: TEST_TIMEOUT_MS }, counted(() => t.fn(ctx)));
      }
    });
  }
});
