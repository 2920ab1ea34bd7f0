// Checks one hand-written domain file on its own: node check-domain.mjs domains/data.mjs
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from './build.mjs';

const file = resolve(process.argv[2]);
const d = (await import(pathToFileURL(file).href)).default;
const courses = d.courses.map((c) => {
  const { extra_domains = [], ...rest } = c;
  return { ...rest, contact: c.contact ?? d.contact, domains: [d.id, ...extra_domains], sessions: [] };
});
const known = ['agilite-produit', 'communs-logiciels-libres', 'cybersecurite', 'data', 'design-accessibilite',
  'environnement-numerique-travail', 'numerique-responsable', 'cloud-infrastructures', 'transformation-numerique'];
const doc = { domains: known.map((id) => ({ id, label: id, description: '' })), courses };
const errors = validate(doc);
const kinds = {};
for (const c of courses) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
const inParcours = new Set(courses.flatMap((c) => c.modules ?? []));
const orphans = courses.filter((c) => c.kind === 'module' && !inParcours.has(c.id)).map((c) => c.id);
console.log(`${d.id}: ${JSON.stringify(kinds)}; modules in no parcours: ${orphans.length ? orphans.join(', ') : 'none'}`);
if (!d.label || !d.description) errors.push('domain label/description missing');
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
console.log('ok');
