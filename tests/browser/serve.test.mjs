// The static server of `scripts/serve` and the tests: a request whose path cannot be read gets
// 400 and the server keeps serving (it crashed on "//" and on a broken %-escape). The bundle's
// precompressed files (scripts/precompress.mjs): what the server sends, and never stale.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import test from 'node:test';
import zlib from 'node:zlib';
import { DIST, bundleCopy } from './harness.mjs';
import { serve } from '../serve.mjs';

/** A GET of the raw request path `p` (sent as is, not normalised by a URL), asking for
 * brotli: its status, body and content-encoding. */
function get(origin, p) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: p, headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(parts), encoding: res.headers['content-encoding'] }));
    }).on('error', reject);
  });
}
const status = async (origin, p) => (await get(origin, p)).status;

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

test('the build writes .br and .gz beside the first load\'s files; the server sends the .br, and a changed file its own bytes', async () => {
  const WASM = 'it-policy-explorer_bg.wasm';
  for (const f of [WASM, 'it-policy-explorer.js', 'it-policy-explorer.css', 'data/policy-2021.json', 'loader.js']) {
    const body = fs.readFileSync(path.join(DIST, f));
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(DIST, `${f}.br`))).equals(body), `${f}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${f}.gz`))).equals(body), `${f}.gz`);
  }
  const server = await serve({ dir: DIST });
  try {
    const sent = await get(new URL(server.url).origin, `/${WASM}`);
    assert.equal(sent.encoding, 'br');
    assert.ok(sent.body.equals(fs.readFileSync(path.join(DIST, `${WASM}.br`))), 'the build\'s .br is sent as it is');
  } finally {
    await server.close();
  }
  // A copy whose wasm was changed after the build: its .br no longer holds it.
  const dir = bundleCopy((d) => fs.appendFileSync(path.join(d, WASM), Buffer.from([0, 1, 2])));
  const copy = await serve({ dir });
  try {
    const sent = await get(new URL(copy.url).origin, `/${WASM}`);
    assert.ok(zlib.brotliDecompressSync(sent.body).equals(fs.readFileSync(path.join(dir, WASM))));
  } finally {
    await copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
