// A large synthetic catalogue (contract v1) made in memory in a few seconds, for
// the end-to-end test at scale (tests/e2e/scale.test.mjs). It follows
// src/core/catalogue/synthetic.rs (the native benchmark's generator: same kinds, topics,
// titles, texts, fields, sessions and places), with two differences: a plain
// 32-bit xorshift instead of its 64-bit one (no BigInt: 200,000 courses in a
// few seconds), and sessions in the year from `today` (so that the home page
// always lists sessions ahead, whatever the day the suite runs). Same seed and
// day, same bytes.

const DOMAINS = [
  ['agilite-produit', 'Agilité et produit'],
  ['communs-logiciels-libres', 'Communs et logiciels libres'],
  ['cybersecurite', 'Cybersécurité'],
  ['data', 'Data'],
  ['design-accessibilite', 'Design et accessibilité'],
  ['environnement-numerique-travail', 'Environnement numérique de travail'],
  ['numerique-responsable', 'Numérique responsable'],
  ['cloud-infrastructures', 'Technologie et infrastructures numériques cloud'],
  ['transformation-numerique', 'Transformation numérique'],
];
const TOPICS = [
  'sécurité des systèmes d\'information', 'gestion de crise cyber', 'hameçonnage', 'homologation',
  'pilotage par la donnée', 'science des données', 'open data', 'langage SQL', 'tableaux de bord',
  'intelligence artificielle générative', 'apprentissage automatique', 'accessibilité numérique', 'RGAA',
  'design de services', 'recherche utilisateur', 'système de design de l\'État', 'méthode agile', 'Scrum',
  'Kanban', 'management de produit', 'startup d\'État', 'logiciels libres', 'communs numériques',
  'éco-conception', 'sobriété numérique', 'RGESN', 'cloud souverain', 'SecNumCloud', 'Kubernetes',
  'conteneurs', 'infrastructure as code', 'observabilité', 'messagerie collaborative', 'visioconférence',
  'suite bureautique', 'conduite du changement', 'marchés publics du numérique',
  'protection des données personnelles', 'RGPD', 'API',
];
const VERBS = ['Comprendre', 'Maîtriser', 'Piloter', 'Déployer', 'Concevoir', 'Évaluer', 'Sécuriser', 'Animer', 'Mesurer', 'Documenter', 'Outiller', 'Réussir'];
const CONTEXTS = [
  'dans une administration centrale', 'en service déconcentré', 'pour les équipes projet',
  'au sein d\'une collectivité', 'pour les managers', 'en mode produit', 'à l\'échelle d\'un ministère',
  'pour les agents d\'accueil', 'dans un établissement public', 'pour les cadres dirigeants',
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'tu', 'vé', 'zo', 'ni', 'pa', 'ré', 'so', 'di', 'fa', 'gu', 'jo', 'be',
  'cy', 'xe', 'wa', 'qui', 'bri', 'clo', 'dra', 'fle', 'gro', 'plu', 'tra', 'ste', 'mon', 'ver', 'lin', 'dor'];
const PROVIDERS = ['DINUM', 'ANSSI', 'Inria', 'IGPDE', 'INSP', 'ENM', 'École des Mines', 'CNIL', 'Etalab', 'Campus du numérique public'];
const PLACES = [
  ['Paris', 'Île-de-France'], ['Lyon', 'Auvergne-Rhône-Alpes'], ['Lille', 'Hauts-de-France'],
  ['Bordeaux', 'Nouvelle-Aquitaine'], ['Toulouse', 'Occitanie'], ['Strasbourg', 'Grand Est'],
  ['Marseille', 'Provence-Alpes-Côte d\'Azur'], ['Rennes', 'Bretagne'], ['Nantes', 'Pays de la Loire'],
  ['Rouen', 'Normandie'], ['Dijon', 'Bourgogne-Franche-Comté'], ['Saint-Denis', 'La Réunion'],
];
const LEVELS = ['decouverte', 'intermediaire', 'expert'];
const AUDIENCES = ['["tous-agents"]', '["agents-numerique"]', '["managers","cadres-dirigeants"]', '["tous-agents","managers"]'];
const FORMATS = ['e-learning', 'distanciel', 'presentiel', 'hybride'];

const DAY_MS = 86_400_000;
const pad = (n) => String(n).padStart(2, '0');

/**
 * The catalogue of `n` courses as a Buffer of JSON: about 10 % parcours, 5 %
 * sur-mesure, the rest modules; sessions on days 1 to 365 after `today`.
 */
export function syntheticCatalogue(n, { seed = 2026, today = new Date() } = {}) {
  let x = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
  const below = (k) => next() % k;
  const pick = (items) => items[below(items.length)];
  const projectName = () => {
    let name = '';
    for (let i = 2 + below(2); i > 0; i--) name += pick(SYLLABLES);
    return name[0].toUpperCase() + name.slice(1);
  };
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const chunks = [];
  let part = `{"version":1,"updated":"${new Date(midnight).toISOString().slice(0, 10)}","domains":[`;
  part += DOMAINS.map(([id, label]) => `{"id":"${id}","label":"${label}","description":"Formations du domaine ${label}."}`).join(',');
  part += '],"courses":[';
  const moduleCount = n - Math.floor(n / 10) - Math.floor(n / 20);
  for (let i = 0; i < n; i++) {
    const [kind, id] = i < moduleCount ? ['module', `module-${i}`]
      : i < n - Math.floor(n / 20) ? ['parcours', `parcours-${i}`] : ['sur-mesure', `sur-mesure-${i}`];
    const topic = pick(TOPICS);
    const topic2 = pick(TOPICS);
    const verb = pick(VERBS);
    const context = pick(CONTEXTS);
    const title = `${verb} ${topic} ${context}`;
    const summary = `Une formation pour ${verb.toLowerCase()} ${topic} et ${topic2}.`;
    const paragraphs = [];
    for (let p = 0; p < 3; p++) {
      paragraphs.push(`Cette session aborde ${topic} avec des cas concrets issus de l'administration. `
        + `Les participants travaillent sur ${pick(TOPICS)} et comparent leurs pratiques ${pick(CONTEXTS)}. `
        + `Des exercices guidés, tirés du projet ${projectName()}, relient ${topic2} aux missions quotidiennes.`);
    }
    const d1 = pick(DOMAINS)[0];
    const d2 = pick(DOMAINS)[0];
    const format = pick(FORMATS);
    const hours = kind === 'parcours' ? 10 + below(30) : kind === 'sur-mesure' ? 7 + below(28) : 1 + below(7);
    let course = `${i > 0 ? ',' : ''}{"id":"${id}","kind":"${kind}","title":${JSON.stringify(title)}`
      + `,"summary":${JSON.stringify(summary)},"description":${JSON.stringify(paragraphs.join('\n\n'))}`
      + `,"domains":${d1 === d2 ? `["${d1}"]` : `["${d1}","${d2}"]`}`
      + `,"level":"${pick(LEVELS)}","audience":${pick(AUDIENCES)},"format":"${format}","duration_hours":${hours}`
      + `,"provider":"${pick(PROVIDERS)}","free":${below(10) > 0}`
      + `,"objectives":[${JSON.stringify(`Identifier les enjeux de ${topic}`)},${JSON.stringify(`Mettre en œuvre ${topic2}`)},${JSON.stringify(`Évaluer les résultats ${context}`)}],"prerequisites":[]`;
    if (kind === 'parcours' && moduleCount > 0) {
      const modules = [];
      for (let m = 2 + below(4); m > 0; m--) modules.push(`"module-${below(moduleCount)}"`);
      course += `,"modules":[${modules.join(',')}]`;
    }
    const sessions = [];
    if (format !== 'e-learning') {
      for (let s = below(4); s > 0; s--) {
        // Sorted by start when read: the order here does not matter.
        const day = new Date(midnight + (1 + below(365)) * DAY_MS);
        const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
        const sessionFormat = format === 'hybride' ? 'hybride' : format;
        let session = `{"id":"s-${i}-${sessions.length}","start":"${date}T09:30:00+01:00","end":"${date}T17:00:00+01:00","format":"${sessionFormat}","seats_left":${below(25)}`;
        if (sessionFormat !== 'distanciel') {
          const [city, region] = pick(PLACES);
          session += `,"location":{"city":"${city}","region":${JSON.stringify(region)}}`;
        }
        sessions.push(`${session}}`);
      }
    }
    course += `,"sessions":[${sessions.join(',')}]}`;
    part += course;
    if (part.length > 1 << 20) {
      chunks.push(Buffer.from(part));
      part = '';
    }
  }
  part += ']}';
  chunks.push(Buffer.from(part));
  return Buffer.concat(chunks);
}
