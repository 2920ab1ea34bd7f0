// Builds public/catalogue.json, the bundled sample catalogue, from the
// hand-written course texts in ./domains/*.mjs. Sessions (dates, places, seats)
// are generated deterministically here: same inputs, same file.
//
// Usage: node build/sample-catalogue/build.mjs [--check]
//   --check  validates only, writes nothing (used by the test suite).
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const OUT = join(HERE, '../../public/catalogue.json');

/** The nine domains, in the campus's order. */
export const DOMAIN_ORDER = [
  'agilite-produit',
  'communs-logiciels-libres',
  'cybersecurite',
  'data',
  'design-accessibilite',
  'environnement-numerique-travail',
  'numerique-responsable',
  'cloud-infrastructures',
  'transformation-numerique',
];

const PLACES = [
  ['Paris', 'Île-de-France'], ['Paris', 'Île-de-France'], ['Lyon', 'Auvergne-Rhône-Alpes'],
  ['Clermont-Ferrand', 'Auvergne-Rhône-Alpes'], ['Lille', 'Hauts-de-France'], ['Amiens', 'Hauts-de-France'],
  ['Bordeaux', 'Nouvelle-Aquitaine'], ['Poitiers', 'Nouvelle-Aquitaine'], ['Toulouse', 'Occitanie'],
  ['Montpellier', 'Occitanie'], ['Strasbourg', 'Grand Est'], ['Metz', 'Grand Est'],
  ['Marseille', "Provence-Alpes-Côte d'Azur"], ['Nice', "Provence-Alpes-Côte d'Azur"], ['Rennes', 'Bretagne'],
  ['Nantes', 'Pays de la Loire'], ['Rouen', 'Normandie'], ['Caen', 'Normandie'], ['Dijon', 'Bourgogne-Franche-Comté'],
  ['Besançon', 'Bourgogne-Franche-Comté'], ['Orléans', 'Centre-Val de Loire'], ['Saint-Denis', 'La Réunion'],
];

/** Deterministic xorshift PRNG. */
function rng(seed) {
  let x = seed >>> 0 || 0x9e3779b9;
  return (n) => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

/** Paris UTC offset on a date: +02:00 from the last Sunday of March to the last Sunday of October. */
export function parisOffset(year, month, day) {
  const lastSunday = (m) => {
    const d = new Date(Date.UTC(year, m, 0)); // last day of month m (1-based)
    return d.getUTCDate() - d.getUTCDay();
  };
  const summer =
    (month > 3 && month < 10) ||
    (month === 3 && day >= lastSunday(3)) ||
    (month === 10 && day < lastSunday(10));
  return summer ? '+02:00' : '+01:00';
}

const pad = (n) => String(n).padStart(2, '0');
const stamp = (y, m, d, h, min) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:00${parisOffset(y, m, d)}`;

/** Sessions for a course, spread over January 2026 – December 2027. */
function sessionsFor(course, index) {
  if (course.format === 'e-learning') return [];
  const next = rng(index * 7919 + 17);
  const count = course.kind === 'sur-mesure' ? next(2) : 1 + next(4);
  const sessions = [];
  for (let i = 0; i < count; i++) {
    // A month between 2026-01 and 2027-12, a weekday between the 2nd and the 27th.
    const monthIndex = next(24);
    const year = 2026 + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    // A weekday; multi-day sessions run on consecutive weekdays from a Monday–Wednesday.
    const days = course.duration_hours > 7 ? Math.min(3, Math.ceil(course.duration_hours / 7)) : 1;
    const first = new Date(Date.UTC(year, month - 1, 2 + next(26)));
    while (first.getUTCDay() === 0 || first.getUTCDay() === 6 || first.getUTCDay() + days - 1 > 5) {
      first.setUTCDate(first.getUTCDate() + 1);
    }
    const last = new Date(first);
    last.setUTCDate(first.getUTCDate() + days - 1);
    const ymd = (d) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const startHour = course.duration_hours <= 3.5 ? [9, 14][next(2)] : 9;
    const endHour = course.duration_hours <= 3.5 ? startHour + Math.ceil(course.duration_hours) : 17;
    const format = course.format === 'hybride' ? ['hybride', 'presentiel', 'distanciel'][next(3)] : course.format;
    const id = `s-${course.id}-${i + 1}`;
    const session = {
      id,
      start: stamp(...ymd(first), startHour, startHour === 9 ? 30 : 0),
      end: stamp(...ymd(last), endHour, 0),
      format,
    };
    if (format !== 'distanciel') {
      const [city, region] = PLACES[next(PLACES.length)];
      session.location = { city, region };
    }
    session.seats_left = [0, 2, 5, 8, 12, 15, 20, 24][next(8)];
    session.registration_url = `https://campus.numerique.gouv.fr/inscription/${id}`;
    sessions.push(session);
  }
  return sessions.sort((a, b) => a.start.localeCompare(b.start));
}

export async function loadDomains() {
  const files = readdirSync(join(HERE, 'domains')).filter((f) => f.endsWith('.mjs')).sort();
  const loaded = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(HERE, 'domains', f)).href);
    loaded.push(mod.default);
  }
  return DOMAIN_ORDER.map((id) => loaded.find((d) => d.id === id)).filter(Boolean);
}

export function validate(doc) {
  const errors = [];
  const ids = new Set();
  const domainIds = new Set(doc.domains.map((d) => d.id));
  const byId = new Map(doc.courses.map((c) => [c.id, c]));
  const text = JSON.stringify(doc);
  if (/[<>]/.test(text)) errors.push('a text contains < or >');
  const titles = new Set();
  for (const c of doc.courses) {
    if (titles.has(c.title)) errors.push(`duplicate title ${c.title}`);
    titles.add(c.title);
    if (ids.has(c.id)) errors.push(`duplicate id ${c.id}`);
    ids.add(c.id);
    if (!/^[a-z0-9-]+$/.test(c.id)) errors.push(`bad id ${c.id}`);
    for (const k of ['title', 'summary', 'description', 'provider']) {
      if (typeof c[k] !== 'string' || !c[k].trim()) errors.push(`${c.id}: empty ${k}`);
    }
    if (c.summary.length > 200) errors.push(`${c.id}: summary over 200 characters`);
    if (!['parcours', 'module', 'sur-mesure'].includes(c.kind)) errors.push(`${c.id}: kind`);
    if (!['decouverte', 'intermediaire', 'expert'].includes(c.level)) errors.push(`${c.id}: level`);
    if (!['e-learning', 'distanciel', 'presentiel', 'hybride'].includes(c.format)) errors.push(`${c.id}: format`);
    if (!c.audience?.length || !c.audience.every((a) => ['tous-agents', 'agents-numerique', 'managers', 'cadres-dirigeants'].includes(a))) errors.push(`${c.id}: audience`);
    if (!c.domains.length || !c.domains.every((d) => domainIds.has(d))) errors.push(`${c.id}: domains ${c.domains}`);
    if (typeof c.duration_hours !== 'number' || c.duration_hours <= 0) errors.push(`${c.id}: duration`);
    if (!Array.isArray(c.objectives) || c.objectives.length < 2) errors.push(`${c.id}: objectives`);
    if (c.kind === 'parcours') {
      if (!(c.modules?.length >= 2)) errors.push(`${c.id}: a parcours needs modules`);
      for (const m of c.modules ?? []) if (byId.get(m)?.kind !== 'module') errors.push(`${c.id}: module ${m} missing`);
    } else if (c.modules) errors.push(`${c.id}: only a parcours has modules`);
    if (c.url && !c.url.startsWith('https://')) errors.push(`${c.id}: url`);
    // The next-step fields (optional in the contract; the sample fills them in).
    if (c.contact !== undefined && !/^[a-z0-9._+-]+@([a-z0-9-]+\.)+[a-z]{2,}$/.test(c.contact)) errors.push(`${c.id}: contact`);
    if (c.access_url !== undefined && (c.format !== 'e-learning' || !c.access_url.startsWith('https://'))) errors.push(`${c.id}: access_url on e-learning only, https`);
    if (!c.free && !(typeof c.price === 'string' && c.price.trim())) errors.push(`${c.id}: a paid course states its price`);
    if (c.price !== undefined && (typeof c.price !== 'string' || c.price.length > 120)) errors.push(`${c.id}: price`);
    if (c.eligibility !== undefined && (typeof c.eligibility !== 'string' || c.eligibility.length > 300)) errors.push(`${c.id}: eligibility`);
    if (c.languages !== undefined && !(Array.isArray(c.languages) && c.languages.length && c.languages.every((l) => ['fr', 'en', 'de', 'es', 'it'].includes(l)))) errors.push(`${c.id}: languages`);
    for (const k of ['price', 'eligibility']) {
      // French typography: a no-break space before : ; ! ? and the euro sign,
      // a narrow one between thousands.
      if (c[k] && / [:;!?€]|\d[ \u00a0]\d{3}\b/.test(c[k])) errors.push(`${c.id}: ${k} typography`);
    }
    for (const s of c.sessions) {
      if (ids.has(s.id)) errors.push(`duplicate session ${s.id}`);
      ids.add(s.id);
      if (!(Date.parse(s.end) > Date.parse(s.start))) errors.push(`${s.id}: end before start`);
      for (const t of [s.start, s.end]) {
        // A real calendar date: no 31 November or 29 February 2027 (Date.parse would roll over).
        const [y, m, d] = t.slice(0, 10).split('-').map(Number);
        const back = new Date(Date.UTC(y, m - 1, d));
        if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) errors.push(`${s.id}: ${t} is not a date`);
        if (t.slice(19) !== parisOffset(y, m, d)) errors.push(`${s.id}: ${t} has the wrong Paris offset`);
      }
    }
  }
  return errors;
}

export async function build() {
  const domains = await loadDomains();
  const courses = [];
  for (const d of domains) {
    for (const c of d.courses) {
      const { extra_domains = [], ...rest } = c;
      courses.push({
        ...rest,
        contact: c.contact ?? d.contact,
        domains: [d.id, ...extra_domains],
        objectives: c.objectives ?? [],
        prerequisites: c.prerequisites ?? [],
      });
    }
  }
  courses.forEach((c, i) => { c.sessions = sessionsFor(c, i + 1); });
  return {
    version: 1,
    updated: '2026-11-20',
    domains: domains.map(({ id, label, description }) => ({ id, label, description })),
    courses,
    figures: [
      { value: '21 000', label: 'agents formés en 2024' },
      { value: '190', label: 'cadres dirigeants formés en 2024' },
      { value: '1 200', label: 'sessions organisées en 2024' },
      { value: 'près de 10 000', label: 'agents certifiés en 2024' },
      { value: 'plus de 90 %', label: 'des participants déclarent des compétences numériques renforcées' },
      { value: '50', label: 'parcours au catalogue' },
      { value: '100', label: 'modules au catalogue' },
      { value: '10', label: 'programmes sur mesure' },
    ],
    // Equivalent terms agents type for one another (acronyms, English words).
    synonyms: [
      ['ia', 'intelligence artificielle', 'ai', 'artificial intelligence'],
      ['open data', 'données ouvertes', 'ouverture des données'],
      ['rgpd', 'données personnelles'],
      ['cyber', 'cybersécurité'],
      ['télétravail', 'travail à distance'],
      ['logiciel libre', 'open source'],
      ['rgaa', 'accessibilité numérique'],
      ['dsfr', "système de design de l'État"],
    ],
    trainer_call: {
      open: true,
      year: 2027,
      deadline: '2027-06-30',
      sought_skills: ['Coaching produit', 'Déploiement de produits numériques', 'Intelligence artificielle', 'Design', 'Data'],
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = await build();
  const errors = validate(doc);
  const kinds = {};
  for (const c of doc.courses) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  const upcoming = doc.courses.flatMap((c) => c.sessions).filter((s) => Date.parse(s.start) > Date.parse('2026-11-23T00:00:00Z')).length;
  console.log(`domains ${doc.domains.length}, courses ${doc.courses.length} ${JSON.stringify(kinds)}, sessions ${doc.courses.flatMap((c) => c.sessions).length} (${upcoming} after 2026-11-23)`);
  if (errors.length) {
    console.error(errors.join('\n'));
    process.exit(1);
  }
  // Compact: it is generated (the sources are readable) and every visitor downloads it.
  const json = `${JSON.stringify(doc)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== json) {
      console.error('public/catalogue.json is not what build.mjs generates: run node build/sample-catalogue/build.mjs');
      process.exit(1);
    }
    console.log('public/catalogue.json is up to date');
  } else {
    writeFileSync(OUT, json);
    console.log(`wrote ${OUT} (${json.length} bytes)`);
  }
}
