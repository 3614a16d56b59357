// After postbuild: writes the single-file offline edition, dist/it-policy-explorer-offline.html,
// from the built bundle. One HTML file that works when double-clicked (file://), where browsers
// refuse module files, fetch and integrity-checked files, and makes no request of any kind:
//
// - the CSS files, concatenated, in one <style>;
// - the dataset in a <script type="application/json" id="itpe-data"> data block (never run), which
//   the app reads instead of fetching it (the mount element names it: data-dataset-inline), and
//   the Chinese translation files likewise (itpe-data-zh-hant, itpe-data-zh-hans);
// - the wasm, base64, in a <script type="application/octet-stream" id="itpe-wasm"> data block,
//   and each chunk of the views loaded on demand likewise (id "itpe-wasm-{file name}"): the
//   glue's fetch of a chunk is replaced by a Response made from its block;
// - one inline module: wasm-bindgen's glue unchanged, followed by loader.js, which finds the glue's
//   `__wbg_init` and passes it the decoded bytes (`init({ module_or_path: bytes })`);
// - a meta Content-Security-Policy that allows exactly these inline script and style (by hash),
//   WebAssembly, and data: images (chart PNGs are drawn from a data: SVG); nothing else may load.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] || 'dist';
const OUT = 'it-policy-explorer-offline.html';
const read = (f) => fs.readFileSync(path.join(dist, f.replace(/\?.*$/, '')), 'utf8');
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const fail = (why) => {
  console.error(`offline: ${why}`);
  process.exit(1);
};
// Inline text must not end its element early.
const safe = (text, what) => {
  if (/<\/(script|style)/i.test(text)) fail(`${what} contains a closing tag`);
  return text;
};

let html = read('index.html');
let glue = read('it-policy-explorer.js');
// The loader calls the glue's init function as `__wbg_init`; the minified glue (postbuild)
// renamed it, so it is named again through the glue's default export.
if (!/\bfunction __wbg_init\b/.test(glue)) {
  const init = glue.match(/export\s*\{(?:[^}]*?[\s,])?([\w$]+) as default\b/)?.[1];
  if (!init) fail('the glue has no __wbg_init nor default export: wasm-bindgen changed, see loader.js');
  glue += `\nconst __wbg_init = ${init};`;
}
const loader = read('loader.js');

// The chunks (src/ui/split.rs): the glue fetches each beside itself, `fetch(new URL("./f.wasm?v=..",
// import.meta.url))` (scripts/postbuild.mjs); here it takes the bytes from the chunk's block.
const chunkFetch = /fetch\(\s*new URL\(\s*"\.\/([\w.-]+)\.wasm(?:\?v=\w+)?"\s*,\s*import\.meta\.url\s*\)\s*\)/g;
const chunks = [...new Set([...glue.matchAll(chunkFetch)].map((m) => m[1]))];
if (chunks.length === 0) fail('the glue fetches no chunk: scripts/postbuild.mjs or wasm-split changed, see src/ui/split.rs');
glue = glue.replace(chunkFetch, (_, name) => `Promise.resolve(new Response(__itpeBytes("itpe-wasm-${name}"),{headers:{"content-type":"application/wasm"}}))`);
glue = `const __itpeBytes=(id)=>Uint8Array.from(atob(document.getElementById(id).textContent.trim()),(c)=>c.charCodeAt(0));\n${glue}`;
const chunkBlocks = chunks
  .map((name) => `<script type="application/octet-stream" id="itpe-wasm-${name}">${fs.readFileSync(path.join(dist, `${name}.wasm`)).toString('base64')}</script>\n`)
  .join('');

const css = [...html.matchAll(/<link rel="stylesheet" href="\.\/([\w.-]+\.css)[^"]*"[^>]*>/g)].map((m) => m[1]);
if (css.length === 0) fail('no stylesheet found in index.html');
const style = safe(css.map((f) => `/* ${f} */\n${read(f)}`).join('\n'), 'the CSS');
const script = safe(`${glue}\n${loader}`, 'the glue or the loader');
// "<" only occurs inside JSON strings, where \u003c means the same.
const data = JSON.stringify(JSON.parse(read('data/policy-2021.json'))).replace(/</g, '\\u003c');
// The Chinese translation files, each in a data block the app reads for that language
// (`{dataset block id}-{locale}`), since the single file can fetch nothing.
const translations = ['zh-hant', 'zh-hans']
  .filter((l) => fs.existsSync(path.join(dist, `data/policy-2021.${l}.json`)))
  .map((l) => `<script type="application/json" id="itpe-data-${l}">${JSON.stringify(JSON.parse(read(`data/policy-2021.${l}.json`))).replace(/</g, '\\u003c')}</script>\n`)
  .join('');
const wasm = fs.readFileSync(path.join(dist, 'it-policy-explorer_bg.wasm')).toString('base64');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const once = (re, replacement, what) => {
  if (!re.test(html)) fail(`index.html has no ${what}`);
  // A function, so that "$" in the glue or the data is not read as a replacement pattern.
  html = html.replace(re, typeof replacement === 'function' ? replacement : () => replacement);
};
once(/<meta charset="utf-8">/, `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`, 'charset meta');
once(/<title>I&amp;T Policy Explorer/, '<title>I&amp;T Policy Explorer (offline edition)', 'title');
html = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, '');
// The single file fetches nothing: no preload hints.
html = html.replace(/\s*<link rel="(?:module)?preload"[^>]*>/g, '');
once(/<link rel="icon"[^>]*>/, (m) => `${m}\n  <style>${style}</style>`, 'icon link');
once(/\s*<script defer src="\.\/loader\.js[^"]*"><\/script>/, '', 'loader script');
once(/<div id="it-policy-explorer"/, '<div id="it-policy-explorer" data-edition="offline" data-dataset-inline="itpe-data" data-wasm="itpe-wasm"', 'mount element');
once(/<\/body>/, `<script type="application/json" id="itpe-data">${data}</script>
${translations}<script type="application/octet-stream" id="itpe-wasm">${wasm}</script>
${chunkBlocks}<script type="module">${script}</script>
</body>`, 'body end');

fs.writeFileSync(path.join(dist, OUT), html);
console.log(`offline: ${dist}/${OUT} (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB)`);
