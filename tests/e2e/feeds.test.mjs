// Following what is not open yet (issue 26): `campus-pages` writes a calendar
// feed per course, per domain, per region and for every session
// (`calendriers/*.ics`, RFC 5545 with RFC 7986's name and refresh interval)
// and an Atom feed (`nouveautes.atom`, RFC 4287). Each calendar is checked
// line by line against RFC 5545's framing and parsed by ical.js (Mozilla's
// parser, Thunderbird's), its events checked against the catalogue; the Atom
// feed is validated by Jing (inside vnu.jar) against RFC 4287's RELAX NG
// schema (tests/fixtures/atom/atom.rnc). The same on a hostile catalogue
// (markup, `]]>`, control characters, 500-character titles, NFD). No browser.
//
// Run: PATH=$PWD/node_modules/.bin:$PATH node --test tests/e2e/feeds.test.mjs
// (after `bash .ci/build`; CAMPUS_DIST=dir for another build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { DIST } from './support/harness.mjs';
import { bundledCatalogue, catalogue, course } from './support/fixtures.mjs';

const TOOL = join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'campus-pages');
const VNU = new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url).pathname;
const SCHEMA = new URL('../fixtures/atom/atom.rnc', import.meta.url).pathname;
const SITE = 'https://exemple.gouv.fr/campus/';
const UID_DOMAIN = '@campus.numerique.gouv.fr';
const WEEK = 7 * 86400 * 1000;

/** Runs campus-pages on a copy of the build with `data` as its catalogue; the copy's path. */
function pages(data) {
  assert.ok(existsSync(TOOL), 'bash .ci/build built campus-pages');
  const dir = mkdtempSync(join(tmpdir(), 'campus-feeds-'));
  for (const f of ['index.html', 'config.json']) cpSync(join(DIST, f), join(dir, f));
  writeFileSync(join(dir, 'catalogue.json'), JSON.stringify(data));
  execFileSync(TOOL, ['--dist', dir, '--site-url', SITE], { encoding: 'utf8', stdio: 'pipe' });
  return dir;
}

/** The calendar files a run wrote, by name. */
function calendars(dir) {
  const folder = join(dir, 'calendriers');
  assert.ok(existsSync(folder), 'campus-pages wrote calendriers/');
  return new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

/** RFC 5545's framing, which parsers forgive: CRLF, lines of 75 octets at most, balanced components, required properties. */
function assertFraming(name, text) {
  assert.ok(text.endsWith('\r\n'), `${name}: ends with CRLF`);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    assert.ok(Buffer.byteLength(line) <= 75, `${name}: line over 75 octets: ${line}`);
    assert.ok(!/[\x00-\x08\x0a-\x1f\x7f]/.test(line), `${name}: control character in ${JSON.stringify(line)}`);
  }
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
  assert.equal(lines[0], 'BEGIN:VCALENDAR', name);
  assert.equal(lines.at(-1), 'END:VCALENDAR', name);
  const stack = [];
  let props = new Set();
  for (const line of lines) {
    assert.match(line, /^[A-Z0-9-]+[;:]/, `${name}: a content line is NAME[;params]:value (${line})`);
    const [, key, value] = line.match(/^([A-Z0-9-]+)[^:]*:(.*)$/) ?? [];
    if (key === 'BEGIN') { stack.push([value, props]); props = new Set(); continue; }
    if (key === 'END') {
      const [open, outer] = stack.pop();
      assert.equal(value, open, `${name}: END:${value} closes BEGIN:${open}`);
      if (value === 'VEVENT') for (const p of ['UID', 'DTSTAMP', 'DTSTART']) assert.ok(props.has(p), `${name}: a VEVENT without ${p}`);
      if (value === 'VCALENDAR') for (const p of ['VERSION', 'PRODID']) assert.ok(props.has(p), `${name}: no ${p}`);
      props = outer;
      continue;
    }
    props.add(key);
  }
  assert.equal(stack.length, 0, `${name}: every BEGIN has its END`);
}

/** Parses a calendar with ical.js: its events and its own properties. */
function parse(name, text) {
  let calendar;
  assert.doesNotThrow(() => { calendar = new ICAL.Component(ICAL.parse(text)); }, `${name}: ical.js parses it`);
  assert.equal(calendar.name, 'vcalendar', name);
  return {
    name: calendar.getFirstPropertyValue('name'),
    wrName: calendar.getFirstPropertyValue('x-wr-calname'),
    refresh: String(calendar.getFirstPropertyValue('refresh-interval')),
    ttl: String(calendar.getFirstPropertyValue('x-published-ttl')),
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

/** The session an event's UID names (`{session}@…` or `{session}-{yyyymmdd}@…`). */
function sessionOf(uid, sessions) {
  assert.ok(uid.endsWith(UID_DOMAIN), uid);
  const base = uid.slice(0, -UID_DOMAIN.length);
  return sessions.get(base) ?? sessions.get(base.replace(/-\d{8}$/, ''));
}

/** Sessions a feed built now holds: not of a sur-mesure programme, ended less than a week ago. */
const inFeed = (c, s, now) => c.kind !== 'sur-mesure' && Date.parse(s.end) > now - WEEK;

/** Checks every calendar of a run against the catalogue `data`; the number of events checked. */
function checkCalendars(dir, data) {
  const now = Date.now();
  const files = calendars(dir);
  const sessions = new Map();
  for (const c of data.courses) for (const s of c.sessions ?? []) sessions.set(s.id, { c, s });
  let checked = 0;
  for (const [file, text] of files) {
    assertFraming(file, text);
    const cal = parse(file, text);
    assert.ok(cal.name && cal.name === cal.wrName, `${file}: NAME and X-WR-CALNAME`);
    assert.equal(cal.refresh, 'PT12H', `${file}: REFRESH-INTERVAL`);
    assert.equal(cal.ttl, 'PT12H', `${file}: X-PUBLISHED-TTL`);
    const seen = new Set();
    for (const event of cal.events) {
      assert.ok(!seen.has(event.uid), `${file}: UID ${event.uid} once`);
      seen.add(event.uid);
      const found = sessionOf(event.uid, sessions);
      assert.ok(found, `${file}: ${event.uid} names a session of the catalogue`);
      const { c, s } = found;
      assert.ok(inFeed(c, s, now), `${file}: ${s.id} belongs in a feed`);
      const [start, end] = [event.startDate.toJSDate().getTime(), event.endDate.toJSDate().getTime()];
      assert.ok(start < end, `${file}: ${event.uid} starts before it ends`);
      assert.ok(start >= Date.parse(s.start) && end <= Date.parse(s.end), `${file}: ${event.uid} within its session`);
      const title = c.title.replace(/[\x00-\x08\x0b-\x1f\x7f\r]/g, '');
      assert.ok(event.summary.startsWith(title), `${file}: ${event.uid}'s summary is its course's title (${event.summary})`);
      assert.equal(/\(complet\)( \(jour \d+\/\d+\))?$/.test(event.summary), s.seats_left === 0, `${file}: a full session says so (${event.summary})`);
      checked += 1;
    }
    // Every session the feed follows is there.
    const course = file.match(/^formation-(.+)\.ics$/)?.[1];
    if (course || file === 'toutes-les-sessions.ics') {
      const expected = data.courses
        .filter((c) => !course || c.id === course)
        .flatMap((c) => (c.sessions ?? []).filter((s) => inFeed(c, s, now)).map((s) => s.id))
        .sort();
      const got = [...new Set(cal.events.map((e) => sessionOf(e.uid, sessions).s.id))].sort();
      assert.deepEqual(got, expected, `${file}: its sessions`);
    }
  }
  return { files: files.size, events: checked };
}

/** Validates an Atom file against RFC 4287's RELAX NG schema with Jing. */
async function assertAtomValid(file) {
  try {
    await promisify(execFile)('java', ['-cp', VNU, 'nu.validator.vendor.thaiopensource.relaxng.util.Driver', '-c', SCHEMA, file]);
  } catch (e) {
    assert.fail(`${file} is not valid Atom (RFC 4287 schema, Jing):\n${e.stdout}${e.stderr}`);
  }
  // The schema's Schematron rules, which Jing does not run.
  const xml = readFileSync(file, 'utf8');
  assert.match(xml.split('<entry>')[0], /<author><name>[^<]+<\/name>/, 'the feed has an author');
  for (const entry of xml.split('<entry>').slice(1)) {
    assert.match(entry, /<link rel="alternate" type="text\/html" href="https:\/\/exemple\.gouv\.fr\/campus\//, 'each entry links to its page');
  }
  return xml;
}

test('campus-pages writes valid calendar feeds of the bundled catalogue, stable from one build to the next', async () => {
  const data = bundledCatalogue();
  const dir = pages(data);
  try {
    const names = [...calendars(dir).keys()];
    assert.ok(names.includes('toutes-les-sessions.ics'));
    const feedOf = (id) => `formation-${id}.ics`;
    const courses = data.courses.filter((c) => c.kind !== 'sur-mesure' && /^[a-z0-9][a-z0-9_-]{0,99}$/.test(c.id));
    for (const c of courses) assert.ok(names.includes(feedOf(c.id)), `a feed for ${c.id}`);
    assert.ok(!names.some((n) => data.courses.some((c) => c.kind === 'sur-mesure' && n === feedOf(c.id))), 'none for a sur-mesure programme');
    for (const d of data.domains) assert.ok(names.some((n) => n.startsWith('domaine-')), `a feed for domain ${d.id}`);
    const regions = new Set(data.courses.flatMap((c) => (c.sessions ?? []).map((s) => s.location?.region).filter(Boolean)));
    assert.equal(names.filter((n) => n.startsWith('region-')).length, regions.size, 'one feed per region');
    assert.ok(names.every((n) => /^[a-z0-9-]+\.ics$/.test(n)), 'safe file names');
    const { files, events } = checkCalendars(dir, data);
    assert.ok(events > 100, `events checked: ${events} in ${files} files`);

    // A full course says so, and its feed is what its page subscribes to.
    const full = courses.find((c) => c.sessions?.some((s) => s.seats_left === 0 && Date.parse(s.end) > Date.now()));
    if (full) assert.match(readFileSync(join(dir, 'calendriers', feedOf(full.id)), 'utf8').replace(/\r\n /g, ''), /SUMMARY:.*\(complet\)/);
    const page = readFileSync(join(dir, 'formation', courses[0].id, 'index.html'), 'utf8');
    assert.ok(page.includes(`href="webcal://exemple.gouv.fr/campus/calendriers/${feedOf(courses[0].id)}"`), 'the course page subscribes with webcal:');
    assert.ok(page.includes(`href="calendriers/${feedOf(courses[0].id)}" download`), 'and downloads the file');
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(home.includes('<link rel="alternate" type="application/atom+xml" title="Nouveautés du Campus du numérique public" href="https://exemple.gouv.fr/campus/nouveautes.atom" />'));

    // The same catalogue built again gives the same files: calendars fetch no false change.
    const first = calendars(dir);
    const atom = readFileSync(join(dir, 'nouveautes.atom'), 'utf8');
    execFileSync(TOOL, ['--dist', dir, '--site-url', SITE], { stdio: 'pipe' });
    assert.deepEqual(calendars(dir), first);
    assert.equal(readFileSync(join(dir, 'nouveautes.atom'), 'utf8'), atom);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Atom feed of the bundled catalogue is valid RFC 4287, its ids stable and its links absolute', async () => {
  const data = bundledCatalogue();
  const dir = pages(data);
  try {
    const xml = await assertAtomValid(join(dir, 'nouveautes.atom'));
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    assert.equal(ids[0], `${SITE}nouveautes.atom`);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    const entries = ids.length - 1;
    assert.ok(entries > 0 && entries <= 100, `${entries} entries`);
    const last = data.courses.at(-1);
    assert.equal(ids[1], `tag:campus.numerique.gouv.fr,2026:formation:${last.id}`, 'the last course first');
    const updated = [...xml.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    assert.ok(updated.every((u) => u === `${data.updated}T00:00:00Z`), 'the catalogue\'s date');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hostile catalogue still gives valid calendars and a valid Atom feed', async () => {
  const hostile = [
    '<script>alert(1)</script> & « ]]> »',
    'Contrôle\u0000\u0007\u001b\u007f fin\r\nBEGIN:VEVENT\nUID:x',
    'Cafe\u0301 NFD, zero\u200bwidth\u200d; \\ "quotes" \'single\'',
    `Long ${'é'.repeat(495)}`,
    '\ufffe\uffff',
  ];
  const courses = hostile.map((title, i) =>
    course(`hostile-${i}`, {
      title,
      summary: `${title} ]]></summary><entry>`,
      domains: ['data', 'cybersecurite'],
      sessions: [
        {
          id: `s;${i},<x>`,
          start: '2030-03-12T09:30:00+01:00',
          end: i === 3 ? '2030-03-14T17:00:00+01:00' : '2030-03-12T12:30:00+01:00',
          format: 'presentiel',
          location: { city: `${title} ville`, region: i % 2 ? 'Île-de-France' : `Région ${title}` },
          seats_left: i % 2 ? 0 : 3,
        },
      ],
    }),
  );
  const data = catalogue(courses);
  const dir = pages(data);
  try {
    const { files, events } = checkCalendars(dir, data);
    assert.ok(files >= hostile.length + 3 && events >= hostile.length + 2, `${events} events in ${files} files`);
    for (const name of calendars(dir).keys()) assert.match(name, /^[a-z0-9-]+\.ics$/);
    const xml = await assertAtomValid(join(dir, 'nouveautes.atom'));
    assert.ok(!xml.includes('<script>') && !xml.includes(']]>'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
