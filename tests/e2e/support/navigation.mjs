// A visit of the app once its catalogue is loaded, step by step, with the
// longest main-thread task of each step (PerformanceObserver 'longtask'): the
// end-to-end test at scale (tests/e2e/scale.test.mjs) asserts on it, the
// browser benchmark (bench/longtask.mjs, LONGTASK_NAVIGATE=1) prints it.

/**
 * Installed before the app's first script (`page.addInitScript`): records every
 * long task as [start, duration] in `window.__long`.
 */
export function recordLongTasks() {
  window.__long = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__noLongtask = true;
  }
}

/** The steps of [`navigate`], in order. */
export const STEPS = ['home', 'course page', 'catalogue', 'next-session sort', 'back to the catalogue'];

/** Two frames, then `quietMs`: the step's work and its long tasks are over. */
async function settle(page, quietMs) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(quietMs);
}

/**
 * From the catalogue page, loaded (its results shown): the home page by the
 * header's link, a course page by the home page's first upcoming session, the
 * catalogue by the course page's breadcrumb, the next-session sort, and the
 * browser's Back to the catalogue as it was. Returns one row per step:
 * { step, longest (ms, 0 if no task over 50 ms), tasks ([start, duration]),
 * ms (the step's time, settling included) }.
 */
export async function navigate(page, { quietMs = 600, timeout = 60_000 } = {}) {
  const rows = [];
  const step = async (name, act) => {
    const t0 = await page.evaluate(() => performance.now());
    await act();
    await settle(page, quietMs);
    const { tasks, t1 } = await page.evaluate((from) => ({
      tasks: window.__long.filter(([start, duration]) => start + duration > from),
      t1: performance.now(),
    }), t0);
    rows.push({ step: name, longest: Math.max(0, ...tasks.map(([, d]) => d)), tasks, ms: t1 - t0 });
  };
  const app = '#campus-app:not([hidden])';
  await step(STEPS[0], async () => {
    await page.click(`${app} header .fr-header__service a`);
    await page.waitForSelector(`${app} .campus-upcoming li a`, { timeout });
  });
  await step(STEPS[1], async () => {
    const title = (await page.textContent(`${app} .campus-upcoming li a`)).trim();
    await page.click(`${app} .campus-upcoming li a`);
    await page.waitForFunction(
      ([sel, t]) => document.querySelector(sel)?.textContent.trim() === t,
      [`${app} main h1`, title],
      { timeout },
    );
  });
  await step(STEPS[2], async () => {
    await page.click(`${app} .fr-breadcrumb a[href*="catalogue"]`);
    await page.waitForSelector(`${app} .campus-results .fr-card`, { timeout });
  });
  await step(STEPS[3], async () => {
    await page.selectOption(`${app} #tri`, 'prochaine-session');
    await page.waitForFunction(() => location.href.includes('tri=prochaine-session'), null, { timeout });
  });
  await step(STEPS[4], async () => {
    await page.goBack();
    await page.waitForFunction(() => !location.href.includes('tri='), null, { timeout });
    await page.waitForSelector(`${app} .campus-results .fr-card`, { timeout });
  });
  return rows;
}
