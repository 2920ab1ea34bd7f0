// Local doubles of the State's two back offices, each on its own 127.0.0.1 port
// (another origin than the app), behaving as their sources say.
//
// Grist (grist-core): a form published from a document takes anonymous rows at
//   POST /api/s/{shareKey}/tables/{tableId}/records  {"records":[{"fields":{…}}]}
//   → 200 {"records":[{"id":N}]}            (app/server/lib/DocApi.ts, FormAPI.ts)
// with trustOriginHandler's CORS (app/server/lib/FlexServer.ts): every answer has
//   Access-Control-Allow-Methods: GET, PATCH, PUT, POST, DELETE, OPTIONS
//   Access-Control-Allow-Origin: *   Access-Control-Allow-Headers: Content-Type, X-Requested-With
// (no Access-Control-Expose-Headers: a page on another origin cannot read
// Retry-After), OPTIONS → 200, and a request with a Cookie or an Authorization
// header → 403 {"error":"Credentials not supported for cross-origin requests"}.
// An unknown share key → 404, a body that is not {"records":[{"fields":{}}]} → 400.
//   state.mode (or the next of state.queue): 'ok' | '500' | 'html' (200 text/html)
//   | 'timeout' (never answers) | 'no-id' (200 {"records":[{}]}) | '429' (Retry-After: 1)
//   state.requests: { headers, body, mode, status }; state.rows: the stored fields.
//
// démarches simplifiées: GET /commencer/{path}?… answers a page "Dossier prérempli";
// state.visits records each such URL as the browser sent it (and its length); a URL
// longer than 2,000 characters (DS's MAX_PREFILL_LINK_LENGTH) answers 414.
import { createServer } from 'node:http';

const GRIST_CORS = {
  'access-control-allow-methods': 'GET, PATCH, PUT, POST, DELETE, OPTIONS',
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'Content-Type, X-Requested-With',
};

function listen(handler) {
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The Grist double. `shareKey` is the published form's key. */
export async function startGrist({ shareKey = 'cle-formulaire-1', table = 'Candidatures' } = {}) {
  const state = {
    mode: 'ok',
    queue: [],
    requests: [],
    preflights: [],
    rows: [],
    reset() {
      state.mode = 'ok';
      state.queue.length = 0;
      state.requests.length = 0;
      state.preflights.length = 0;
      state.rows.length = 0;
    },
  };
  const server = await listen((req, res) => {
    const send = (status, body, type = 'application/json; charset=utf-8', extra = {}) => {
      res.writeHead(status, { ...GRIST_CORS, 'content-type': type, ...extra }).end(body);
    };
    if (req.headers.cookie || req.headers.authorization) {
      if (req.method !== 'OPTIONS') state.requests.push({ headers: req.headers, body: '', mode: 'credentials', status: 403 });
      return send(403, JSON.stringify({ error: 'Credentials not supported for cross-origin requests' }));
    }
    if (req.method === 'OPTIONS') {
      state.preflights.push({ headers: req.headers });
      return res.writeHead(200, GRIST_CORS).end('OK');
    }
    const match = /^\/api\/s\/([^/]+)\/tables\/([^/]+)\/records$/.exec(req.url.split('?')[0]);
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const record = { headers: req.headers, body: raw, mode: null, status: null, url: req.url };
      state.requests.push(record);
      if (req.method !== 'POST' || !match || match[1] !== shareKey || match[2] !== table) {
        record.status = 404;
        return send(404, JSON.stringify({ error: 'not found' }));
      }
      const mode = state.queue.length ? state.queue.shift() : state.mode;
      record.mode = mode;
      if (mode === 'timeout') return; // never answers
      const answer = (status, ...rest) => { record.status = status; send(status, ...rest); };
      if (mode === '500') return answer(500, JSON.stringify({ error: 'boom' }));
      if (mode === 'html') return answer(200, '<!doctype html><title>Grist</title><p>Connexion</p>', 'text/html; charset=utf-8');
      if (mode === '429') return answer(429, JSON.stringify({ error: 'too many requests' }), undefined, { 'retry-after': '1' });
      let body;
      try { body = JSON.parse(raw); } catch { return answer(400, JSON.stringify({ error: 'invalid JSON' })); }
      const fields = body?.records?.[0]?.fields;
      if (!Array.isArray(body?.records) || body.records.length !== 1 || typeof fields !== 'object' || fields === null) {
        return answer(400, JSON.stringify({ error: 'Invalid payload' }));
      }
      state.rows.push(fields);
      if (mode === 'no-id') return answer(200, JSON.stringify({ records: [{}] }));
      return answer(200, JSON.stringify({ records: [{ id: state.rows.length }] }));
    });
  });
  return { ...server, state, shareKey, table };
}

/** The démarches simplifiées double. */
export async function startDemarches() {
  const state = { visits: [] };
  const server = await listen((req, res) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith('/commencer/')) return res.writeHead(404).end(); // e.g. /favicon.ico
    state.visits.push({ url: req.url, length: req.url.length });
    if (req.url.length > 2000) return res.writeHead(414, { 'content-type': 'text/plain' }).end('URI too long');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html lang="fr"><title>Dossier prérempli</title><h1>Dossier prérempli</h1></html>');
  });
  return { ...server, state };
}
