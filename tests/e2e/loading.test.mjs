// The first visit does not wait in line: the default catalogue is requested at
// once, in parallel with config.json and the WebAssembly, and fetched only once;
// a config.json naming another catalogue is still obeyed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, startApp, waitForApp } from './support/harness.mjs';
import { catalogue, course } from './support/fixtures.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** A page whose config.json answers after `delay` ms; requests are logged. */
async function open(config, delay = 1500) {
  const page = await app.newPage({ allowConsole: [/preloaded using link preload but not used/] });
  const log = [];
  const t0 = Date.now();
  page.on('request', (r) => log.push({ url: new URL(r.url()).pathname, at: Date.now() - t0 }));
  await page.route('**/autre.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(catalogue([course('seule-formation', { title: 'La seule formation' })])) }));
  await page.route('**/config.json', async (route) => {
    await new Promise((r) => setTimeout(r, delay));
    log.push({ url: 'config answered', at: Date.now() - t0 });
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) });
  });
  await page.goto(`${app.url}catalogue/`);
  await waitForApp(page);
  await page.waitForSelector('.campus-results', { timeout: 20_000 });
  return { page, log };
}

test('the default catalogue is requested before config.json answers, and only once', async () => {
  const { page, log } = await open({ catalogue_url: 'catalogue.json' });
  const catalogue = log.filter((e) => e.url.endsWith('/catalogue.json'));
  const answered = log.find((e) => e.url === 'config answered');
  assert.equal(catalogue.length, 1, JSON.stringify(log));
  assert.ok(catalogue[0].at < answered.at, `catalogue at ${catalogue[0].at} ms, config answered at ${answered.at} ms`);
  assertNoProblems(page);
});

test('another catalogue_url is obeyed: that catalogue is shown', async () => {
  const { page, log } = await open({ catalogue_url: 'autre.json' }, 200);
  assert.ok(log.some((e) => e.url.endsWith('/autre.json')), JSON.stringify(log));
  assert.match(await page.textContent('.campus-results'), /La seule formation/);
  assertNoProblems(page);
});
