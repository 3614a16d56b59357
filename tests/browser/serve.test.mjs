// The static server of `scripts/serve` and the tests: a request whose path cannot be read gets
// 400 and the server keeps serving (it crashed on "//" and on a broken %-escape).
import assert from 'node:assert/strict';
import http from 'node:http';
import test from 'node:test';
import { DIST } from './harness.mjs';
import { serve } from '../serve.mjs';

/** The status of a GET of the raw request path `p` (sent as is, not normalised by a URL). */
function status(origin, p) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: p }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
  });
}

test('a request path that cannot be read gets 400, and the server keeps serving', async () => {
  const server = await serve({ dir: DIST });
  try {
    const origin = new URL(server.url).origin;
    assert.equal(await status(origin, '//'), 400);
    assert.equal(await status(origin, '/%E0%A4%A'), 400);
    assert.equal(await status(origin, '/'), 200);
    assert.equal(await status(origin, '/loader.js'), 200);
  } finally {
    await server.close();
  }
});
