// A real HTTP receiver for applications, started by the tests, that behaves like a
// real idempotent server and can fail the way real servers (and what sits in front
// of them) fail.
//
// Contract (what the app may rely on):
//   POST <url>  headers  Content-Type: application/json, Idempotency-Key: <uuid>
//               body     {"reference": "<8 chars>", "idempotency_key": "<uuid>", ...}
//   success  →  201 (first store) or 200 (replay: same key, byte-identical body), JSON
//               {"reference": "<same>", "idempotency_key": "<same>", "received_at": "<RFC 3339>"}
//               (a replay answers the stored response: same received_at, plus the
//               header Idempotent-Replayed: true)
//   same key, different raw body → 422 {"error":"idempotency_key_reused"} (IETF
//               draft-ietf-httpapi-idempotency-key-header); nothing is stored.
//   no key → 400 {"error":"missing_idempotency_key"}; body not JSON → 400
//   {"error":"invalid_json"}; header key ≠ body idempotency_key → 400
//   {"error":"idempotency_key_mismatch"}.
//
// Fault modes: `state.mode` applies to every POST, unless `state.queue` is not empty,
// in which case each POST takes (shifts) the next mode from it.
//   'ok'         the contract above (only 'ok', 'ok-hang', 'ok-reset' store anything)
//   '500'        500 JSON {"error":"boom"}
//   'timeout'    never answers (the client must time out); 'hang' is an alias
//   'redirect'   302, Location = state.redirectTo resolved against the request URL
//                (default '/login'; on the standalone receiver GET …/login answers
//                a login page with CORS, like an SSO in front of the API)
//   'html'       200 text/html, a login page
//   'empty'      200, empty body, no Content-Type
//   'no-echo'    200 JSON {"ok":true}
//   'wrong-echo' 200 JSON echo whose reference differs from the one sent
//   '429'        429, Retry-After: state.retryAfter ?? 2 (seconds), JSON body
//   '503'        503, Retry-After: state.retryAfter ?? 2, JSON body
//   'reset'      the socket is reset without an answer (TCP RST: Chromium reports
//                net::ERR_CONNECTION_RESET, Node's fetch ECONNRESET)
//   'eof'        the socket is closed without an answer (FIN: Chromium reports
//                net::ERR_EMPTY_RESPONSE)
//   'ok-hang'    stores like 'ok', then never answers (the answer is lost: the case
//                idempotency keys exist for; the retry must replay, not 422)
//   'ok-reset'   stores like 'ok', then resets the socket
//
// Records: state.requests gets one entry per POST,
//   { method, key, body, headers, mode, at: Date.now(), status }
// (`status` is set when answered; null when nothing was answered); OPTIONS preflights
// go to state.preflights ({ headers, at }). state.stored: Map key → parsed JSON stored.
// state.reset() clears requests, preflights, stored and queue and sets mode 'ok'
// (redirectTo and retryAfter, which are configuration, are kept).
//
// Two ways to use it:
//  (a) standalone, on its own 127.0.0.1 port, with CORS (a cross-origin endpoint):
//        const receiver = await startReceiver();   // { url, state, close() }
//        // config.json: { "applications_endpoint": receiver.url }
//  (b) same-origin with the app, mounted in the static server that serves dist/:
//        const state = makeReceiverState();
//        const server = await startStaticServer({
//          root: DIST, base: BASE,
//          handlers: { [`${BASE}api/`]: createReceiverHandler(state) },
//        });
//        // endpoint: `${server.url}api/applications`; for 'redirect' set
//        // state.redirectTo = `${server.url}index.html` (a same-origin redirect).
//      close the static server to drop hanging requests (it closes all connections).
import { createServer } from 'node:http';

export const RECEIVER_MODES = Object.freeze([
  'ok', '500', 'timeout', 'hang', 'redirect', 'html', 'empty', 'no-echo', 'wrong-echo',
  '429', '503', 'reset', 'eof', 'ok-hang', 'ok-reset',
]);

export const LOGIN_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion - Portail agents</title></head>
<body><main><h1>Connexion</h1>
<form method="post" action="/login"><label>Identifiant <input name="user" autocomplete="username"></label>
<label>Mot de passe <input name="password" type="password" autocomplete="current-password"></label>
<button>Se connecter</button></form></main></body></html>
`;

/** A fresh receiver state (mode 'ok', empty records), with reset(). */
export function makeReceiverState() {
  const state = {
    mode: 'ok',
    /** @type {string[]} modes for the next POSTs, one each; then `mode` applies */
    queue: [],
    /** @type {Array<{method: string, key: string|undefined, body: string, headers: object, mode: string, at: number, status: number|null}>} */
    requests: [],
    /** @type {Array<{headers: object, at: number}>} */
    preflights: [],
    /** @type {Map<string, any>} key → parsed JSON of what was stored */
    stored: new Map(),
    /** @type {Map<string, {raw: string, response: string}>} key → exact raw body + stored response */
    records: new Map(),
    /** Location of 'redirect' (resolved against the request URL). */
    redirectTo: '/login',
    /** Retry-After seconds of '429' and '503' (default 2). */
    retryAfter: undefined,
    reset() {
      state.mode = 'ok';
      state.queue.length = 0;
      state.requests.length = 0;
      state.preflights.length = 0;
      state.stored.clear();
      state.records.clear();
    },
  };
  return state;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, idempotency-key',
  'access-control-expose-headers': 'retry-after, location, idempotent-replayed',
  'access-control-max-age': '0', // every POST is preflighted: tests can count them
};

/**
 * The receiver as a `(req, res) => void` handler (for a same-origin mount, or for
 * the standalone server with `{ cors: true }`).
 * @param {ReturnType<typeof makeReceiverState>} state
 * @param {{cors?: boolean}} [options] cors: add CORS headers and answer preflights
 */
export function createReceiverHandler(state, { cors = false } = {}) {
  const base = cors ? CORS : {};
  const json = (res, status, value, extra = {}) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    res
      .writeHead(status, {
        ...base,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
        ...extra,
      })
      .end(text);
  };
  const html = (res, method) =>
    res
      .writeHead(200, { ...base, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(LOGIN_PAGE) })
      .end(method === 'HEAD' ? undefined : LOGIN_PAGE);

  // 'ok': an idempotent store. Returns [status, body, extra headers].
  const store = (key, body, parsed) => {
    if (typeof key !== 'string' || key === '') return [400, { error: 'missing_idempotency_key' }];
    const previous = state.records.get(key);
    if (previous) {
      if (previous.raw !== body) return [422, { error: 'idempotency_key_reused' }];
      return [200, previous.response, { 'idempotent-replayed': 'true' }];
    }
    if (parsed === undefined || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return [400, { error: 'invalid_json' }];
    }
    if (parsed.idempotency_key !== undefined && parsed.idempotency_key !== key) {
      return [400, { error: 'idempotency_key_mismatch' }];
    }
    const response = JSON.stringify({
      reference: parsed.reference,
      idempotency_key: key,
      received_at: new Date().toISOString(),
    });
    state.records.set(key, { raw: body, response });
    state.stored.set(key, parsed);
    return [201, response];
  };

  return (req, res) => {
    if (req.method === 'OPTIONS') {
      state.preflights.push({ headers: { ...req.headers }, at: Date.now() });
      res.writeHead(204, base).end();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      // Where 'redirect' sends the client by default: an SSO login page.
      if (new URL(req.url, 'http://x').pathname.endsWith('/login')) {
        html(res, req.method);
        return;
      }
      json(res, 405, { error: 'method_not_allowed' }, { allow: 'POST, OPTIONS' });
      return;
    }
    if (req.method !== 'POST') {
      json(res, 405, { error: 'method_not_allowed' }, { allow: 'POST, OPTIONS' });
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = req.headers['idempotency-key'];
      const mode = state.queue.length > 0 ? state.queue.shift() : state.mode;
      const record = { method: req.method, key, body, headers: { ...req.headers }, mode, at: Date.now(), status: null };
      state.requests.push(record);
      const answer = (status, value, extra) => {
        record.status = status;
        json(res, status, value, extra);
      };
      const retryAfter = String(state.retryAfter ?? 2);
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
      switch (mode) {
        case 'timeout':
        case 'hang':
          return; // never answers; the client aborts (closing the server drops it)
        case 'reset':
          if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
          else req.socket.destroy();
          return;
        case 'eof':
          req.socket.destroy();
          return;
        case '500':
          return answer(500, { error: 'boom' });
        case '429':
          return answer(429, { error: 'too_many_requests', retry_after: Number(retryAfter) }, { 'retry-after': retryAfter });
        case '503':
          return answer(503, { error: 'service_unavailable', retry_after: Number(retryAfter) }, { 'retry-after': retryAfter });
        case 'redirect': {
          const location = new URL(state.redirectTo ?? '/login', `http://${req.headers.host}${req.url}`).href;
          record.status = 302;
          res.writeHead(302, { ...base, location, 'content-length': 0 }).end();
          return;
        }
        case 'html':
          record.status = 200;
          html(res, 'POST');
          return;
        case 'empty':
          record.status = 200;
          res.writeHead(200, { ...base, 'content-length': 0 }).end();
          return;
        case 'no-echo':
          return answer(200, { ok: true });
        case 'wrong-echo': {
          const reference = typeof parsed?.reference === 'string' ? parsed.reference : '';
          return answer(200, {
            reference: reference === 'ZZZZ9999' ? 'YYYY8888' : 'ZZZZ9999',
            idempotency_key: key ?? parsed?.idempotency_key ?? null,
            received_at: new Date().toISOString(),
          });
        }
        case 'ok':
        case 'ok-hang':
        case 'ok-reset':
          break;
        default:
          return answer(500, { error: `unknown receiver mode ${JSON.stringify(mode)}` });
      }
      const [status, value, extra] = store(key, body, parsed);
      if (mode === 'ok-hang') return; // stored, but the answer is lost
      if (mode === 'ok-reset') {
        if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
        else req.socket.destroy();
        return;
      }
      return answer(status, value, extra);
    });
  };
}

/**
 * Starts the standalone receiver on its own 127.0.0.1 port, with CORS.
 * Resolves to { url, origin, state, close() }; `url` is http://127.0.0.1:<port>/applications.
 * @param {{state?: ReturnType<typeof makeReceiverState>}} [options]
 */
export async function startReceiver({ state = makeReceiverState() } = {}) {
  const server = createServer(createReceiverHandler(state, { cors: true }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}/applications`,
    origin,
    state,
    close: () => {
      server.closeAllConnections?.();
      return new Promise((r) => server.close(r));
    },
  };
}
