// A browser's first sync from the team server (docs/team.md, "Scaling"): logs in as HR in headless
// chromium and times from the click on "Logg inn" to the register open in the app (login,
// GET /api/sync/snapshot, loading it). Needs a running iadesk-server with --site build/web/site
// and an HR account (bench/team_snapshot.sh's set-up, or your own):
//   node bench/team_browser.mjs http://127.0.0.1:PORT EMAIL PASSWORD [runs=3]
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const [base, email, password, runsText] = process.argv.slice(2);
if (!base || !email || !password) {
  console.error('usage: node bench/team_browser.mjs http://127.0.0.1:PORT EMAIL PASSWORD [runs]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const times = [];
for (let run = 0; run < Number(runsText || 3); run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/?test`);
  const item = async (label) => (await page.waitForFunction((l) => window.iadeskTest && window.iadeskTest.items()
    .find((it) => it.visible && it.label === l), label, { timeout: 60000 })).jsonValue();
  const click = async (label) => { const it = await item(label); await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2); };
  await click('E-postadresse');
  await page.keyboard.type(email);
  await click('Passord');
  await page.keyboard.type(password);
  await page.waitForTimeout(500); // the typed keys reach the app
  const start = Date.now();
  await click('Logg inn');
  await page.waitForFunction(() => window.iadeskTest.frame() > 0, null, { timeout: 120000 });
  times.push(Date.now() - start);
  console.log(`run ${run + 1}: the register open ${times.at(-1)} ms after the click on "Logg inn"`);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`median ${times[Math.floor(times.length / 2)]} ms of ${times.length} runs (login, snapshot, load)`);
