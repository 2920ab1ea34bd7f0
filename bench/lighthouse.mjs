// Lighthouse benchmark of the release build: the four landing pages of issue 14
// (home, catalogue, a course, application start) and the addresses of issue 23
// read from the address bar after use (bench/addresses.mjs: a search and a
// domain filter, a course from a card, a form step, a shared selection, old #/
// links), under the sub-path /formations/campus/,
// served compressed like a real host (bench/compressed-server.mjs), audited
// by npm `lighthouse` in Debian's Chromium with its default mobile profile
// (simulated throttling: slow 4G, 4x CPU slowdown, Moto G Power screen). Each page
// runs RUNS times (3 by default); the table shows the median of each column
// separately, with the issue's targets and ✔/✘. Then, for the median run of each
// page (Lighthouse's own choice, closest to the median FCP and TTI): the LCP
// element, the opportunities, the failed audits; then the size targets.
//
// Figures, not pass/fail: the exit code is 1 only when a page has no successful run.
// Reports (JSON + HTML, every run) go to target/bench-lighthouse/.
//
// Usage: node bench/lighthouse.mjs [dist] [--runs 3] [--pages home,course]
//                                        [--out target/bench-lighthouse]
//        (env LIGHTHOUSE_RUNS, LIGHTHOUSE_PAGES, LIGHTHOUSE_TIMEOUT_S — 180 s per run,
//         CHROME_PATH — /usr/bin/chromium by default)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { addressesFromUse } from './addresses.mjs';
import { startCompressedServer } from './compressed-server.mjs';
import { markdownTable } from './table.mjs';
import { measure, readBudgets } from '../build/size-report.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const DIST = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist');
const RUNS = Math.max(1, Number(opt('runs', process.env.LIGHTHOUSE_RUNS ?? 3)) || 3);
const OUT = resolve(opt('out', 'target/bench-lighthouse'));
const BASE = '/formations/campus/';
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE_CLI = join(require.resolve('lighthouse/package.json'), '..', 'cli', 'index.js');
/** One Lighthouse run (Chrome start, load, audits) never takes longer than this. */
const RUN_TIMEOUT_MS = 1000 * (Number(process.env.LIGHTHOUSE_TIMEOUT_S) || 180);
// The switches of TOOLCHAIN.md (root, closed network); chrome-launcher adds its own
// defaults and a fresh profile per run.
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The issue's targets. `fmt` prints a figure; `ok` says whether it is met. */
const COLUMNS = [
  { key: 'performance', head: 'performance', target: '≥ 0.95', ok: (v) => v >= 0.95, fmt: (v) => v.toFixed(2) },
  { key: 'fcp', head: 'FCP', target: '—', ok: null, fmt: (v) => `${(v / 1000).toFixed(2)} s` },
  { key: 'lcp', head: 'LCP', target: '≤ 2.0 s', ok: (v) => v <= 2000, fmt: (v) => `${(v / 1000).toFixed(2)} s` },
  { key: 'tbt', head: 'TBT', target: '≤ 100 ms', ok: (v) => v <= 100, fmt: (v) => `${Math.round(v)} ms` },
  { key: 'cls', head: 'CLS', target: '≤ 0.05', ok: (v) => v <= 0.05, fmt: (v) => v.toFixed(3) },
  { key: 'accessibility', head: 'accessibility', target: '= 1.00', ok: (v) => v >= 1, fmt: (v) => v.toFixed(2) },
  { key: 'best-practices', head: 'best practices', target: '= 1.00', ok: (v) => v >= 1, fmt: (v) => v.toFixed(2) },
  { key: 'seo', head: 'SEO', target: '= 1.00', ok: (v) => v >= 1, fmt: (v) => v.toFixed(2) },
];

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');

/**
 * One Lighthouse run in a child process. chrome-launcher starts Chrome in a process
 * group of its own and writes its pid to `chrome.pid` in its temporary profile,
 * which it makes under TMPDIR: each run gets its own TMPDIR, so that a run that
 * hangs past RUN_TIMEOUT_MS is ended (SIGINT, which chrome-launcher answers by
 * closing Chrome; then SIGKILL) and no Chrome of it outlives it. Resolves to
 * { lhr } or { error }.
 */
function lighthouseRun(url, outBase) {
  // Short: Chrome puts its singleton socket under TMPDIR, and a socket path is
  // limited to 107 bytes (a TMPDIR under target/ failed with "Unable to connect").
  const tmp = mkdtempSync(join(tmpdir(), 'lh-'));
  const killChromes = () => {
    for (const d of readdirSync(tmp).filter((f) => f.startsWith('lighthouse.'))) {
      let pid;
      try {
        pid = Number(readFileSync(join(tmp, d, 'chrome.pid'), 'utf8'));
      } catch {
        continue;
      }
      if (!Number.isInteger(pid) || pid <= 1) continue;
      // Only that Chrome: a pid is reused once its process is gone.
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes(tmp)) continue;
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
  };
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      [
        LIGHTHOUSE_CLI,
        url,
        '--quiet',
        '--no-enable-error-reporting',
        '--form-factor=mobile',
        '--throttling-method=simulate',
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        '--output=json',
        '--output=html',
        `--output-path=${outBase}`,
      ],
      { env: { ...process.env, CHROME_PATH, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    let hardKill;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGINT');
      hardKill = setTimeout(() => {
        child.kill('SIGKILL');
        killChromes();
      }, 5000);
    }, RUN_TIMEOUT_MS);
    const finish = (result) => {
      clearTimeout(timer);
      clearTimeout(hardKill);
      killChromes();
      rmSync(tmp, { recursive: true, force: true });
      resolveRun(result);
    };
    child.on('error', (err) => finish({ error: err.message }));
    child.on('close', (code, signal) => {
      const json = `${outBase}.report.json`;
      if (timedOut) {
        finish({ error: `no result after ${RUN_TIMEOUT_MS / 1000} s (stopped)` });
        return;
      }
      if (code !== 0 || !existsSync(json)) {
        const last = stderr.trim().split('\n').filter(Boolean).slice(-6).join('\n      ');
        finish({ error: `lighthouse exited with ${code ?? signal}: ${last || 'no output'}` });
        return;
      }
      try {
        const lhr = JSON.parse(readFileSync(json, 'utf8'));
        if (lhr.runtimeError) {
          finish({ error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` });
          return;
        }
        finish({ lhr });
      } catch (err) {
        finish({ error: `unreadable report ${json}: ${err.message}` });
      }
    });
  });
}

/** The figures of one run (scores 0–1, times in ms). */
function figures(lhr) {
  const num = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const score = (id) => lhr.categories[id]?.score ?? NaN;
  return {
    performance: score('performance'),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
  };
}

/** The median run, as Lighthouse picks it (closest to the median FCP and TTI). */
async function medianRun(lhrs) {
  try {
    const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
    return computeMedianRun(lhrs);
  } catch {
    return lhrs[0];
  }
}

function table(rows) {
  const head = ['page', ...COLUMNS.map((c) => c.head)];
  const lines = [head, ['target', ...COLUMNS.map((c) => c.target)]];
  for (const r of rows) {
    if (!r.median) {
      lines.push([r.name, ...COLUMNS.map(() => 'error')]);
      continue;
    }
    lines.push([
      r.name,
      ...COLUMNS.map((c) => {
        const v = r.median[c.key];
        if (!Number.isFinite(v)) return 'n/a';
        return c.ok ? `${c.fmt(v)} ${c.ok(v) ? '✔' : '✘'}` : c.fmt(v);
      }),
    ]);
  }
  return markdownTable(lines);
}

/** A URL of the build, relative to the sub-path. */
const short = (url) => String(url ?? '').replace(/^.*\/formations\/campus\//, '') || 'index.html';

/** What stands between the median run and the targets, from its report. */
function diagnose(lhr) {
  const out = [];
  const a = lhr.audits;
  const lcpEl = a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcpEl) out.push(`LCP element: ${lcpEl.nodeLabel?.slice(0, 80) ?? ''} — ${lcpEl.snippet?.slice(0, 100) ?? ''}`);
  const phases = a['largest-contentful-paint-element']?.details?.items?.[1]?.items;
  if (phases?.length) {
    out.push(`LCP phases: ${phases.map((p) => `${p.phase} ${Math.round(p.timing)} ms`).join(', ')}`);
  }
  const shifts = (a['layout-shifts']?.details?.items ?? []).filter((i) => i.score >= 0.001).slice(0, 3);
  for (const i of shifts) {
    out.push(`layout shift ${i.score.toFixed(3)}: ${i.node?.snippet?.slice(0, 80) ?? 'unknown element'}`);
  }
  const opportunities = Object.values(a)
    .filter((x) => x.details?.type === 'opportunity' && (x.score ?? 1) < 1 &&
      ((x.details.overallSavingsMs ?? 0) > 0 || (x.details.overallSavingsBytes ?? 0) > 0))
    .sort((x, y) => (y.details.overallSavingsMs ?? 0) - (x.details.overallSavingsMs ?? 0));
  for (const o of opportunities.slice(0, 6)) {
    const items = (o.details.items ?? []).slice(0, 3)
      .map((i) => `${short(i.url)}${i.wastedBytes ? ` ${kB(i.wastedBytes)}` : ''}`)
      .join(', ');
    out.push(`opportunity: ${o.title} — ${Math.round(o.details.overallSavingsMs ?? 0)} ms` +
      `${o.details.overallSavingsBytes ? `, ${kB(o.details.overallSavingsBytes)}` : ''}${items ? ` (${items})` : ''}`);
  }
  const wasm = a['network-requests']?.details?.items?.find((i) => i.url.endsWith('.wasm'));
  if (wasm) {
    out.push(`wasm: ${kB(wasm.transferSize)} transferred for ${kB(wasm.resourceSize)} (${wasm.mimeType})`);
  }
  const tasks = (a['long-tasks']?.details?.items ?? []).slice(0, 3);
  if (tasks.length) {
    out.push(`longest tasks (simulated): ${tasks.map((t) => `${Math.round(t.duration)} ms at ${(t.startTime / 1000).toFixed(2)} s (${short(t.url)})`).join(', ')}`);
  }
  const weight = a['total-byte-weight'];
  if (weight) out.push(`transferred: ${kB(weight.numericValue)} (total-byte-weight, headers included)`);
  const mainThread = a['mainthread-work-breakdown'];
  if (mainThread) out.push(`main-thread work: ${(mainThread.numericValue / 1000).toFixed(1)} s (simulated ×${lhr.configSettings.throttling.cpuSlowdownMultiplier})`);
  for (const id of ['accessibility', 'best-practices', 'seo']) {
    const failed = (lhr.categories[id]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && a[r.id]?.score !== null && a[r.id]?.score < 1)
      .map((r) => r.id);
    if (failed.length) out.push(`${id} failed: ${failed.join(', ')}`);
  }
  return out;
}

const started = Date.now();
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`lighthouse bench: no build in ${DIST} (run bash .ci/build first)`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
// Only this bench's own reports are replaced: --out may name any folder.
for (const f of readdirSync(OUT)) if (/\.report\.(json|html)$/.test(f)) rmSync(join(OUT, f));
const loadBefore = load();
const t0 = Date.now();
const server = await startCompressedServer({ root: DIST, base: BASE });
// The Debian package's version (running `chromium --version` would leave crash handlers behind).
let chromium = CHROME_PATH;
try {
  const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  chromium = `${CHROME_PATH} (Debian chromium ${version.trim()})`;
} catch {
  /* printed as the path */
}
const lhVersion = JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version;
console.log(`── Lighthouse ${lhVersion} on ${chromium} ──`);
console.log(`build ${DIST} served compressed (brotli 11 / gzip 9, ${server.files.size} files precompressed in ${((Date.now() - t0) / 1000).toFixed(1)} s) at ${server.url}`);
console.log(`mobile profile, simulated throttling; ${RUNS} run(s) per page; load average before: ${loadBefore}`);

const only = opt('pages', process.env.LIGHTHOUSE_PAGES)?.split(',').map((x) => x.trim());
const slugOf = (name) => name.replace(/\W+/g, '-').replace(/^-|-$/g, '');
const catalogue = JSON.parse(readFileSync(join(DIST, 'catalogue.json'), 'utf8'));
const addresses = await addressesFromUse(server.url, catalogue, { executablePath: CHROME_PATH });
const list = addresses.filter((p) => !only || only.includes(p.name) || only.includes(slugOf(p.name)));
if (!list.length) {
  console.error(`lighthouse bench: no page named ${only.join(', ')} (${addresses.map((a) => slugOf(a.name)).join(', ')})`);
  process.exit(1);
}
console.log('addresses (read from the address bar after use):');
for (const a of list) console.log(`  ${a.name}: ${a.path || './'}`);
const results = list.map((p) => ({ ...p, runs: [], errors: [] }));
for (let run = 1; run <= RUNS; run++) {
  for (const r of results) {
    const url = `${server.url}${r.path}`;
    const slug = slugOf(r.name);
    let t = Date.now();
    let { lhr, error } = await lighthouseRun(url, join(OUT, `${slug}-${run}`));
    if (error) {
      // One more try: a loaded machine sometimes starts Chrome too slowly for the launcher.
      console.log(`  … ${r.name} run ${run}/${RUNS} failed (${error}); trying once more`);
      t = Date.now();
      ({ lhr, error } = await lighthouseRun(url, join(OUT, `${slug}-${run}`)));
    }
    const secs = ((Date.now() - t) / 1000).toFixed(0);
    if (error) {
      r.errors.push(error);
      console.log(`  ✘ ${r.name} run ${run}/${RUNS} (${secs} s): ${error}`);
    } else {
      r.runs.push(lhr);
      const f = figures(lhr);
      console.log(`  ${r.name} run ${run}/${RUNS} (${secs} s): performance ${f.performance.toFixed(2)}, LCP ${(f.lcp / 1000).toFixed(2)} s, TBT ${Math.round(f.tbt)} ms`);
    }
  }
}
await server.close();

for (const r of results) {
  if (!r.runs.length) continue;
  const all = r.runs.map(figures);
  r.median = Object.fromEntries(COLUMNS.map((c) => [c.key, median(all.map((f) => f[c.key]))]));
  r.medianLhr = await medianRun(r.runs);
}

console.log('');
console.log(`Lighthouse, mobile (simulated slow 4G, 4x CPU), median of ${RUNS} run(s) per page, each column separately:`);
console.log(table(results));
console.log('');
for (const r of results) {
  console.log(`${r.name} (${r.path || './'})${r.runs.length < RUNS ? ` — ${r.runs.length}/${RUNS} runs succeeded` : ''}`);
  for (const e of r.errors) console.log(`  error: ${e}`);
  if (r.medianLhr) {
    const run = r.runs.indexOf(r.medianLhr) + 1;
    for (const line of diagnose(r.medianLhr)) console.log(`  ${line}`);
    console.log(`  report of the median run: ${join(OUT, `${slugOf(r.name)}-${run}.report.html`)}`);
  }
}

// The two size targets of the issue, on the size report's definition of the first page.
try {
  const { sizes } = measure(DIST);
  const budgets = readBudgets();
  console.log('');
  console.log('size targets (size report, tests/budgets.json):');
  for (const name of ['first_page_brotli', 'wasm_gzip']) {
    const b = budgets[name];
    if (!b) continue;
    const ok = sizes[name] <= b.target;
    console.log(`  ${name}: ${kB(sizes[name])}, target ≤ ${kB(b.target)} ${ok ? '✔' : `✘ (${kB(sizes[name] - b.target)} over)`}`);
  }
} catch (err) {
  console.log(`size targets: ${err.message}`);
}

const bench = results.flatMap((r) => r.runs.map((l) => l.environment?.benchmarkIndex)).filter(Number.isFinite);
console.log('');
console.log(`environment: Chromium's benchmarkIndex median ${Math.round(median(bench))} (Lighthouse's CPU yardstick; lower = slower host), ` +
  `load average before ${loadBefore}, after ${load()}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(results.every((r) => r.runs.length) ? 0 : 1);
