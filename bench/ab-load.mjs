// A/B of the load figures in Chromium: loads a catalogue ROUNDS times (default 4)
// in each of several release builds, interleaved so that both see the same machine
// load, and prints the app's own measures `campus:parse` and `campus:index`
// (median). Usage, after `cargo bench --bench search -- --write target/bench-data`:
//   DATA=target/bench-data/catalogue-10000.json ROUNDS=5 node bench/ab-load.mjs /tmp/dist-old dist
import { cpSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../build/static-server.mjs';
const [,, ...dists] = process.argv;
const data = process.env.DATA ?? 'target/bench-data/catalogue-10000.json';
const rounds = Number(process.env.ROUNDS ?? 4);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const servers = [];
for (const d of dists) {
  const root = mkdtempSync(join(tmpdir(), 'ab-'));
  cpSync(d, root, { recursive: true });
  copyFileSync(data, join(root, 'bench-catalogue.json'));
  writeFileSync(join(root, 'config.json'), JSON.stringify({ catalogue_url: 'bench-catalogue.json' }));
  servers.push(await startStaticServer({ root, base: '/c/', isolated: true }));
}
const res = dists.map(() => ({ parse: [], index: [] }));
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < dists.length; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(() => { window.__m = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__m.push([e.name, e.duration]); }).observe({ type: 'measure', buffered: true }); });
    await page.goto(servers[i].url + 'catalogue/');
    await page.waitForSelector('.campus-results', { timeout: 600000 });
    const m = await page.evaluate(() => window.__m);
    res[i].parse.push(m.find((x) => x[0] === 'campus:parse')?.[1]);
    res[i].index.push(m.find((x) => x[0] === 'campus:index')?.[1]);
    await ctx.close();
  }
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
dists.forEach((d, i) => console.log(d, 'parse', res[i].parse.map((x) => x.toFixed(0)).join(' '), 'median', med(res[i].parse).toFixed(1), '| index', res[i].index.map((x) => x.toFixed(0)).join(' '), 'median', med(res[i].index).toFixed(1)));
await browser.close();
for (const s of servers) await s.close();
