// The harness must be able to fail: a console error, an uncaught exception or an
// axe-core violation on a page is caught. (A check that cannot fail is no check.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, startApp, waitForApp } from './support/harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('console errors and uncaught exceptions are reported as problems', async () => {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await page.evaluate(() => {
    console.error('boom from the page');
    setTimeout(() => {
      throw new Error('uncaught in the page');
    });
  });
  await page.waitForTimeout(100);
  assert.throws(() => assertNoProblems(page), /boom from the page/);
  assert.ok(page.problems.some((p) => p.includes('uncaught in the page')));
});

test('an axe-core violation fails the accessibility check', async () => {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.querySelector('main').append(img);
  });
  await assert.rejects(assertAccessible(page, 'image without alt'), /image-alt/);
});
