// A small static file server for the built bundle, used by `scripts/serve` and the browser
// tests. No dependencies. It can mount the bundle under a sub-path and send a strict
// Content-Security-Policy, as a government host page would.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pack': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

// Compressed bodies by file path, size and modification time: compressing an 800 KB wasm on
// every request would dominate page-load timings.
const compressed = new Map();
function brotli(file, body) {
  const st = fs.statSync(file);
  const key = `${file}:${st.size}:${st.mtimeMs}`;
  let br = compressed.get(key);
  if (!br) {
    br = precompressed(file, body)
      ?? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } });
    compressed.set(key, br);
  }
  return br;
}

/** The build's `<file>.br` (scripts/precompress.mjs), if it holds the file's bytes: a test that
 * changes a file of a bundle's copy gets that file, never a stale `.br`. */
function precompressed(file, body) {
  try {
    const br = fs.readFileSync(`${file}.br`);
    return zlib.brotliDecompressSync(br).equals(body) ? br : null;
  } catch {
    return null;
  }
}

/**
 * Starts a server. `dir`: the folder to serve; `base`: the URL path it is mounted at ("/" or
 * "/some/sub/path/"); `csp`: a Content-Security-Policy header value or null; `port`: 0 for any.
 * `mounts`: more folders at other paths, `[{ base: '/gov/', dir: 'examples/embed' }]` (a host
 * page beside the bundle, as on a government site). Requests outside every base get 404.
 * Resolves to { server, url, origin, close() }.
 */
export function serve({ dir, base = '/', csp = null, port = 0, host = '127.0.0.1', compress = true, mounts = [] }) {
  // Longest base first, so that "/explorer/" wins over "/".
  const all = [{ base, dir }, ...mounts]
    .map((m) => ({ base: m.base, root: path.resolve(m.dir) }))
    .sort((a, b) => b.base.length - a.base.length);
  const server = http.createServer((req, res) => {
    // A request line that is not a path ("//", a broken %-escape) gets 400, not a crash.
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end('bad request');
    }
    const mount = all.find((m) => rel.startsWith(m.base));
    if (!mount) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const { root } = mount;
    rel = rel.slice(mount.base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403);
      return res.end();
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (csp) headers['content-security-policy'] = csp;
      const accepts = String(req.headers['accept-encoding'] || '');
      if (compress && /\bbr\b/.test(accepts) && body.length > 1024) {
        headers['content-encoding'] = 'br';
        body = brotli(file, body);
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({
        server,
        url: `http://${host}:${p}${base}`,
        origin: `http://${host}:${p}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// `node tests/serve.mjs [dir] [port]`: serve the bundle until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  const { url } = await serve({ dir, port, csp: STRICT_CSP });
  console.log(`I&T Policy Explorer is served at ${url}  (Ctrl+C to stop)`);
}
