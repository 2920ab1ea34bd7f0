// Browsers whose storage is disabled, denied to cross-site frames, partitioned, or
// full, made with the browser's own mechanisms (profile preferences, feature
// switches, real quota), never by patching Storage in page scripts.
//
// Measured with Debian's Chromium 156.0.8078.114, headless, playwright-core 1.65.1:
//
//   mode 'disabled'  (Preferences: profile.default_content_setting_values.cookies = 2,
//                    "Block sites from saving data", i.e. cookies AND site data off)
//     top-level document, any origin:
//       window.localStorage   throws DOMException SecurityError (code 18)
//         "Failed to read the 'localStorage' property from 'Window': Access is denied for this document."
//       window.sessionStorage throws the same SecurityError ('sessionStorage')
//       indexedDB.open()      fails: UnknownError "The user denied permission to access the database."
//       document.cookie       silently ignores writes (reads "")
//
//   mode 'third-party-blocked'  (Preferences: profile.cookie_controls_mode = 1 and
//                    block_third_party_cookies = true; Playwright's default
//                    --disable-features=ThirdPartyStoragePartitioning kept)
//     top-level: storage works. A frame of another site (127.0.0.1 page framing
//     localhost): localStorage/sessionStorage throw the SecurityError above,
//     indexedDB UnknownError as above, document.hasStorageAccess() → false.
//     NB: this is ALSO what a plain chromium.launch() + newContext() (the harness)
//     and a fresh persistent profile do in this Chromium: it blocks third-party
//     cookies by default, and without partitioning that denies third-party storage.
//
//   mode 'third-party-partitioned'  (third-party cookies blocked as by default, and
//                    ThirdPartyStoragePartitioning re-enabled: what Chrome, Firefox
//                    and Safari ship)
//     the cross-site frame's localStorage WORKS but is a separate partition: a value
//     its origin stored first-party is not visible (getItem → null), and what the
//     frame stores is not visible first-party.
//
//   mode 'third-party-allowed'  (Preferences: cookie_controls_mode = 0, partitioning
//                    off as Playwright sets it) the cross-site frame shares its
//                    origin's first-party localStorage (it sees the first-party value).
//
//   mode 'default'   a fresh persistent profile, nothing changed.
//
//   sandboxed frame (any mode): <iframe sandbox="allow-scripts"> (no allow-same-origin)
//     → localStorage throws SecurityError "Failed to read the 'localStorage' property
//     from 'Window': The document is sandboxed and lacks the 'allow-same-origin' flag."
//     See framingPage().
//
//   full: fillLocalStorage(page). Chromium's quota is 10 MiB per origin counted as
//     UTF-16 (2 bytes per code unit of keys + values): 5,242,880 code units. Past it,
//     setItem throws QuotaExceededError (its own class QuotaExceededError, a
//     DOMException: name 'QuotaExceededError', code 22, quota/requested null)
//     "Failed to execute 'setItem' on 'Storage': Setting the value of '<key>' exceeded the quota."
//
// NB: a `--disable-features=…` in `args` REPLACES Playwright's whole list (Chromium
// keeps the last switch), which re-enables ThirdPartyStoragePartitioning among others.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

export { CHROMIUM, CHROMIUM_ARGS };

// Playwright 1.65's --disable-features list (chromiumSwitches.ts) without
// ThirdPartyStoragePartitioning: passing our own --disable-features replaces
// Playwright's, so the rest must be repeated. The self-test checks the effect.
const PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** What each mode writes in Default/Preferences and adds to the command line. */
export const STORAGE_MODES = Object.freeze({
  default: { preferences: null, args: [] },
  disabled: {
    preferences: { profile: { default_content_setting_values: { cookies: 2 } } },
    args: [],
  },
  'third-party-blocked': {
    preferences: { profile: { cookie_controls_mode: 1, block_third_party_cookies: true } },
    args: [],
  },
  'third-party-partitioned': {
    preferences: { profile: { cookie_controls_mode: 1, block_third_party_cookies: true } },
    args: [`--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING.join(',')}`],
  },
  'third-party-allowed': {
    preferences: { profile: { cookie_controls_mode: 0, block_third_party_cookies: false } },
    args: [],
  },
});

/**
 * Launches Chromium on a fresh temporary profile set up for `mode` (see above).
 * Resolves to { context, userDataDir, newPage(), close() }; close() closes the
 * browser and deletes the profile. Other options go to launchPersistentContext
 * (locale, viewport, …).
 * @param {{mode?: keyof typeof STORAGE_MODES, headless?: boolean, args?: string[]} & object} [options]
 */
export async function launchWithStorage({ mode = 'default', headless = true, args = [], ...options } = {}) {
  const setup = STORAGE_MODES[mode];
  if (!setup) throw new Error(`unknown storage mode ${mode}: one of ${Object.keys(STORAGE_MODES).join(', ')}`);
  const userDataDir = mkdtempSync(join(tmpdir(), `campus-${mode}-`));
  if (setup.preferences) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(setup.preferences));
  }
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless,
      args: [...CHROMIUM_ARGS, ...setup.args, ...args],
      ...options,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    context,
    userDataDir,
    mode,
    /** The profile's first tab the first time, then new tabs. */
    async newPage() {
      const blank = context.pages().find((p) => p.url() === 'about:blank' && !p.__campusUsed);
      const page = blank ?? (await context.newPage());
      page.__campusUsed = true;
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Tries localStorage in `target` (a Page or a Frame): reads `key`, writes a probe
 * key. Resolves to { ok: true, value, length } or { ok: false, name, message, type }.
 */
export function probeLocalStorage(target, key = 'campus.probe') {
  return target.evaluate((k) => {
    try {
      const s = window.localStorage;
      const value = s.getItem(k);
      s.setItem('__campus_probe__', '1');
      s.removeItem('__campus_probe__');
      return { ok: true, value, length: s.length };
    } catch (e) {
      return { ok: false, name: e.name, message: e.message, type: e.constructor.name };
    }
  }, key);
}

/** Prefix of the keys fillLocalStorage writes. */
export const FILLER_PREFIX = '__campus_filler_';

/**
 * Fills the page origin's localStorage until the quota is reached, leaving less
 * than 64 bytes free (so any real write of a new key, or a longer value, throws
 * QuotaExceededError). Resolves to the number of bytes written, counted as
 * Chromium counts its quota: 2 bytes per UTF-16 code unit of keys and values.
 * Throws if localStorage is unavailable or fails with another error.
 */
export function fillLocalStorage(page, { prefix = FILLER_PREFIX } = {}) {
  return page.evaluate((pre) => {
    const storage = window.localStorage;
    let i = 0;
    while (storage.getItem(pre + i) !== null) i++; // already filled before: add to it
    let chunk = 1 << 20;
    let units = 0;
    while (chunk >= 1) {
      const key = pre + i;
      try {
        storage.setItem(key, 'x'.repeat(chunk));
        units += key.length + chunk;
        i++;
      } catch (e) {
        if (e?.name !== 'QuotaExceededError' && e?.code !== 22) throw e;
        chunk = chunk >> 1;
      }
    }
    return units * 2;
  }, prefix);
}

/** Removes what fillLocalStorage wrote; resolves to the number of keys removed. */
export function freeLocalStorage(page, { prefix = FILLER_PREFIX } = {}) {
  return page.evaluate((pre) => {
    const keys = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(pre)) keys.push(k);
    }
    for (const k of keys) localStorage.removeItem(k);
    return keys.length;
  }, prefix);
}

/**
 * A small HTML page that frames `src` in <iframe id="frame"> (with `sandbox` set
 * when given: 'allow-scripts' denies storage for certain). Write it to a file the
 * static server serves, or route it.
 */
export function framingPage(src, { sandbox, title = 'Cadre' } = {}) {
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const sandboxAttr = sandbox === undefined ? '' : ` sandbox="${esc(sandbox)}"`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body><iframe id="frame" title="${esc(title)}"${sandboxAttr} src="${esc(src)}" width="800" height="600"></iframe></body></html>
`;
}

/** The Frame of <iframe id="frame"> in `page`, once loaded. */
export async function framedFrame(page, selector = '#frame') {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  const frame = await handle.contentFrame();
  await frame.waitForLoadState('load');
  return frame;
}
