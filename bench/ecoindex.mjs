// EcoIndex of the release build (issue 23): for each address of
// bench/addresses.mjs, the three figures of the published method — DOM
// elements, HTTP requests, kilobytes transferred — measured in Debian's Chromium
// at 1280 px once the page has settled (the app mounted, 3 s without a request),
// served compressed like a real host, under the sub-path /formations/campus/; then
// the score and grade computed by npm `ecoindex` (the formula of ecoindex.fr and
// GreenIT-Analysis). The DOM count is the plugin's: every element of the document,
// those inside an `<svg>` excepted.
//
// Figures, not pass/fail (target: grade A, above 80, on the landing pages).
// Usage: node bench/ecoindex.mjs [dist]
import { chromium } from 'playwright-core';
import { computeEcoIndex, getEcoIndexGrade } from 'ecoindex';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { addressesFromUse } from './addresses.mjs';
import { startCompressedServer } from './compressed-server.mjs';
import { markdownTable } from './table.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/support/harness.mjs';

const DIST = resolve(process.argv[2] ?? 'dist');
const BASE = '/formations/campus/';
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** The page has settled when no request has started or ended for this long. */
const QUIET_MS = 3000;

/** DOM elements, requests and bytes (as transferred) of `url` in a fresh profile. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let requests = 0;
  let bytes = 0;
  let last = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('data:')) requests += 1;
    last = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    last = Date.now();
  });
  cdp.on('Network.loadingFailed', () => {
    last = Date.now();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#campus-app:not([hidden]) main h1', { timeout: 30_000 }).catch(() => {});
  while (Date.now() - last < QUIET_MS) await page.waitForTimeout(250);
  const dom = await page.evaluate(() => {
    const all = document.getElementsByTagName('*').length;
    const inSvg = [...document.getElementsByTagName('svg')].reduce((n, svg) => n + svg.getElementsByTagName('*').length, 0);
    return all - inSvg;
  });
  await context.close();
  return { dom, requests, kb: bytes / 1024 };
}

const server = await startCompressedServer({ root: DIST, base: BASE });
const catalogue = JSON.parse(readFileSync(join(DIST, 'catalogue.json'), 'utf8'));
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
try {
  const addresses = await addressesFromUse(server.url, catalogue, { browser });
  console.log(`── EcoIndex (npm ecoindex) of ${DIST}, served compressed at ${server.url}, 1280 px, settled ──`);
  const rows = [];
  for (const { name, path } of addresses) {
    const m = await measure(browser, server.url + path);
    const score = computeEcoIndex(m.dom, m.requests, m.kb);
    rows.push([name, path.length > 60 ? `${path.slice(0, 57)}…` : path, m.dom, m.requests, `${m.kb.toFixed(0)} KB`, score.toFixed(1), getEcoIndexGrade(score)]);
  }
  console.log(markdownTable([['address', 'path', 'DOM', 'requests', 'transferred', 'EcoIndex', 'grade'], ...rows]));
  console.log('target: grade A (EcoIndex > 80) on home, catalogue, course, application start');
} finally {
  await browser.close();
  await server.close();
}
