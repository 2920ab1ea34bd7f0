// Size budgets of the release build (run by `.ci/test` right after the build):
// fails when the wasm (gzip -9) or the first page's transfer (brotli 11) exceeds its
// `current` budget in tests/budgets.json, and always prints how far each figure is
// from its `target` (issue 14). The figures are the size report's (`measure`), and
// its list of first-page files is checked against what Chromium really fetches, so
// the budget cannot drift away from the page.
//
// Run: node --test tests/build/budgets.test.mjs   (after `bash .ci/build`; CAMPUS_DIST=dir for another build)
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { budgetLines, measure, readBudgets, BUDGETS_PATH } from '../../build/size-report.mjs';
import { DIST, startApp } from '../e2e/support/harness.mjs';

const budgets = readBudgets();
const measured = measure(DIST);
const lines = new Map(budgetLines(measured.sizes, budgets).map((l) => [l.name, l]));
const n = (x) => x.toLocaleString('en');

test('the budget file names sizes of the report, in whole bytes', () => {
  assert.ok(Object.keys(budgets).length >= 2, `no budgets in ${BUDGETS_PATH}`);
  for (const name of ['wasm_gzip', 'first_page_brotli']) assert.ok(budgets[name], `${name} has no budget`);
  for (const [name, b] of Object.entries(budgets)) {
    assert.ok(name in measured.sizes, `${name}: not a size of the report (${Object.keys(measured.sizes).join(', ')})`);
    for (const key of ['current', 'target']) {
      assert.ok(Number.isInteger(b[key]) && b[key] > 0, `${name}.${key} must be a positive number of bytes`);
    }
    // The target is the goal: the enforced budget is above it until the build
    // reaches it, and may then go below it (it only ever goes down).
    assert.ok(
      b.target <= b.current || measured.sizes[name] <= b.target,
      `${name}: the target (${n(b.target)}) is the goal: a current budget (${n(b.current)}) below it only once the build (${n(measured.sizes[name])}) meets it`,
    );
    assert.equal(typeof b.why, 'string', `${name}: say why in "why"`);
  }
});

for (const [name, b] of Object.entries(budgets)) {
  test(`${name} within its current budget (distance to target printed)`, (t) => {
    const line = lines.get(name);
    // Never silent: the figure, the headroom and the way to the target, pass or fail.
    t.diagnostic(line.text);
    const size = measured.sizes[name];
    assert.ok(
      size <= b.current,
      `${name} is ${n(size)} bytes, over its current budget of ${n(b.current)} by ${n(size - b.current)} ` +
        `(${((100 * (size - b.current)) / b.current).toFixed(1)} %). Make the build smaller: the current budget in ` +
        'tests/budgets.json only ever goes down (docs/development.md, "Size report and budgets"). Details: node build/size-report.mjs dist',
    );
  });
}

test('the first page of the size report is what Chromium fetches for the home page', async () => {
  const app = await startApp();
  try {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    const fetched = new Set();
    page.on('requestfinished', (request) => {
      const url = request.url();
      if (!url.startsWith(app.url)) return;
      const path = new URL(url).pathname.slice(new URL(app.url).pathname.length);
      fetched.add(path === '' ? 'index.html' : path);
    });
    await page.goto(`${app.url}#/`);
    await page.waitForSelector('main h1');
    // Fonts and icons come once the shell has rendered: wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    // A favicon is outside the definition (not every browser asks for it).
    for (const f of [...fetched]) if (f.startsWith('dsfr/favicon/')) fetched.delete(f);
    const listed = new Set(measured.rows.map((r) => r.path));
    const unlisted = [...fetched].filter((f) => !listed.has(f)).sort();
    const unfetched = [...listed].filter((f) => !fetched.has(f)).sort();
    assert.deepEqual(
      { unlisted, unfetched },
      { unlisted: [], unfetched: [] },
      'the size report\'s first page differs from what Chromium fetched: update LOADED_BY_THE_APP in ' +
        'build/size-report.mjs (unlisted: fetched but not counted; unfetched: counted but not fetched); ' +
        'a file the home page newly loads is growth, and the budget counts it',
    );
    assert.deepEqual(page.problems, []);
  } finally {
    await app.close();
  }
});
