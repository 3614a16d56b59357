// Writes each file of the bundle that compresses (text, the wasm, the dataset's pack)
// precompressed beside it: `<file>.br` (brotli at its highest quality, as
// scripts/first-load.mjs counts the first load) and `<file>.gz` (gzip,
// level 9), for servers that send such files as they are (nginx `brotli_static` and
// `gzip_static`, and the like; README "Hosting"). A server that compresses as it sends
// usually does so at a lower quality: for the wasm, brotli at quality 9 is about 18 KB more.
// tests/serve.mjs sends the `.br` file when it holds the same bytes as the file.
// `node scripts/precompress.mjs dist`
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const COMPRESSIBLE = /\.(?:html|js|css|json|pack|wasm|svg|txt|csv)$/;
// The offline outputs are downloaded to be opened from disk: not worth compressing twice.
const SKIP = /^it-policy-explorer-offline\.html$/;
let files = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (COMPRESSIBLE.test(entry.name) && !SKIP.test(entry.name)) {
      const body = fs.readFileSync(file);
      if (body.length < 1024) continue;
      const br = zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
      fs.writeFileSync(`${file}.br`, br);
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      files += 1;
    }
  }
};
walk(dist);
console.log(`precompress: ${files} files as .br and .gz`);
