// Valid HTML (RGAA criterion 8.2): the W3C Nu Html Checker (npm vnu-jar, run
// with the machine's Java) finds no error in any static page of the build,
// nor in the live document once the app has taken over a few kinds of page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertNoProblems, DIST, startApp, waitForApp } from './support/harness.mjs';

const VNU = join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/**
 * The checker's errors for `files`, as "file: message (extract)" lines.
 * vnu exits with 1 when it finds errors and writes its JSON report to stderr.
 */
async function vnuErrors(files) {
  let stderr;
  try {
    ({ stderr } = await promisify(execFile)('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    if (error.stderr === undefined) throw error;
    stderr = error.stderr;
  }
  const { messages } = JSON.parse(stderr);
  return messages.map((m) => `${m.url?.replace(/^file:/, '')}:${m.lastLine ?? '?'}: ${m.message} (${(m.extract ?? '').trim().slice(0, 80)})`);
}

/** Every `index.html` below `dir`. */
function pages(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...pages(path));
    else if (name === 'index.html') found.push(path);
  }
  return found;
}

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test('every static page passes the Nu Html Checker with no error', async () => {
  const files = pages(DIST);
  assert.ok(files.length >= 9 + 100, `the build has its static pages (${files.length})`);
  const errors = await vnuErrors(files);
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors in ${files.length} pages`);
  console.log(`# Nu Html Checker: ${files.length} static pages, 0 errors`);
});

test('the live document passes the Nu Html Checker once the app has taken over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campus-vnu-'));
  try {
    const page = await app.newPage();
    const files = [];
    for (const [name, path] of [
      ['home', ''],
      ['catalogue', 'catalogue/'],
      ['catalogue-search', 'catalogue/?q=donn%C3%A9es&domaine=data'],
      ['course', 'formation/module-cyber-gestion-crise/'],
      ['application', 'candidature/'],
    ]) {
      await page.goto(app.url + path);
      await waitForApp(page);
      await page.waitForSelector('#campus-app main h1');
      const file = join(dir, `${name}.html`);
      writeFileSync(file, `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
      files.push(file);
    }
    const errors = (await vnuErrors(files)).map((e) => e.replaceAll(`${dir}/`, ''));
    assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors`);
    assertNoProblems(page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
