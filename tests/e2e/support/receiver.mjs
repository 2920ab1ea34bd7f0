// A real HTTP receiver for applications, on 127.0.0.1, started by the tests.
// It stores one application per Idempotency-Key (as a real server must), and can
// be told to fail: answer 500, or never answer (the client times out).
import { createServer } from 'node:http';

export async function startReceiver() {
  const state = { mode: 'ok', requests: [], stored: new Map() };
  const server = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type, idempotency-key',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      state.requests.push({ key, body, mode: state.mode });
      if (state.mode === 'timeout') return; // never answers; the client aborts
      if (state.mode === '500') {
        res.writeHead(500, cors).end('{"error":"boom"}');
        return;
      }
      if (!state.stored.has(key)) state.stored.set(key, JSON.parse(body));
      res.writeHead(201, { ...cors, 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/applications`;
  return {
    url,
    state,
    close: () => {
      server.closeAllConnections?.();
      return new Promise((r) => server.close(r));
    },
  };
}
