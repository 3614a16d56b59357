// After scripts/build's trunk and wasm steps: join the chunks' loader into the glue, minify the
// scripts, tidy dist/index.html and add content hashes to asset URLs. trunk's own file hashing
// is off (the external loader must know the file names), so each URL gets a `?v=<hash>` query
// instead: caches stay correct across releases.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { buildSync, transformSync } from 'esbuild';
import { shortenExports, shortenImports } from './short-names.mjs';

const dist = process.argv[2] || 'dist';
const read = (f) => fs.readFileSync(path.join(dist, f));
const hash = (f) => crypto.createHash('sha256').update(read(f)).digest('hex').slice(0, 12);

// Minified with esbuild (pinned in package.json; trunk's own minifier has broken wasm-bindgen's
// glue before, see Trunk.toml): about 2.5 KB brotli less on the first load (README "Size and
// speed"). The glue is a module: its private names shrink too, its exports keep their names
// (scripts/offline.mjs finds the init function through `export { .. as default }`). The loader
// is one arrow function: only its inner names shrink.
const minify = (f, format) =>
  fs.writeFileSync(path.join(dist, f), transformSync(read(f).toString(), { minify: true, format, legalComments: 'none' }).code);

// The views loaded on demand (src/ui/split.rs): scripts/build leaves wasm-split's loader of
// their chunks, __wasm_split.js, beside the glue. The two import each other (the glue imports
// the chunk loaders for the wasm; the loader asks the glue for the running instance's table and
// memory), so they are joined into the glue, one module: no extra request before the first
// screen, and a retried glue (loader.js asks again under a new URL) cannot meet an older copy
// of itself. Each chunk is fetched relative to the glue's own URL (`new URL(.., import.meta.url)`),
// with one hash of the main module and all the chunks (see below).
const SPLIT_LOADER = '__wasm_split.js';
/** The chunk files wasm-split's loader names. */
const chunkNames = (loader) => [...loader.matchAll(/new URL\("\.\/([\w.-]+\.wasm)(?:\?v=\w+)?", import\.meta\.url\)/g)].map((m) => m[1]);
function bundleSplitLoader() {
  const file = path.join(dist, SPLIT_LOADER);
  if (!fs.existsSync(file)) {
    console.error(`postbuild: dist/${SPLIT_LOADER} is missing: scripts/build makes it (wasm-split-cli)`);
    process.exit(1);
  }
  let loader = fs.readFileSync(file, 'utf8');
  const chunks = chunkNames(loader);
  if (chunks.length === 0) {
    console.error(`postbuild: dist/${SPLIT_LOADER} names no chunk: wasm-split-cli changed its output`);
    process.exit(1);
  }
  // A chunk works only with the main module it was cut from (wasm-split checks it), so the
  // chunks are one release: every chunk's URL carries one hash of the main module and all the
  // chunks, a query string repeated, which brotli all but removes (a hash per chunk cost about
  // 0.4 KB of the first load). Any change to any of them changes every chunk's URL.
  const release = crypto.createHash('sha256');
  for (const f of ['it-policy-explorer_bg.wasm', ...chunks.slice().sort()]) release.update(read(f));
  const build = release.digest('hex').slice(0, 12);
  loader = loader.replace(/new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)/g, (_, f) => `new URL("./${f}?v=${build}", import.meta.url)`);
  fs.writeFileSync(file, loader);
  // wasm-bindgen names the chunk loaders' module once per imported function, as keys of one
  // object literal: the repeated key is the same module, so esbuild's warning about it is noise.
  const out = buildSync({
    entryPoints: [path.join(dist, 'it-policy-explorer.js')], bundle: true, format: 'esm', write: false,
    legalComments: 'none', logOverride: { 'duplicate-object-key': 'silent' },
  });
  fs.writeFileSync(path.join(dist, 'it-policy-explorer.js'), out.outputFiles[0].text);
  fs.rmSync(file);
  console.log(`postbuild: the glue carries the loader of ${chunks.length} chunks`);
}
// Before anything else reads the glue: the names it and the wasm call each other by are made
// short in both (scripts/short-names.mjs).
{
  const imports = shortenImports(read('it-policy-explorer_bg.wasm'), read('it-policy-explorer.js').toString());
  const exports = shortenExports(imports.wasm, imports.glue);
  fs.writeFileSync(path.join(dist, 'it-policy-explorer_bg.wasm'), exports.wasm);
  fs.writeFileSync(path.join(dist, 'it-policy-explorer.js'), exports.glue);
  console.log(`postbuild: ${imports.count} imports and ${exports.count} exports of the main module renamed short`);
}
bundleSplitLoader();
minify('it-policy-explorer.js', 'esm');

// The app's stylesheet, for the standalone page and for embedders alike: every file in style/
// but the views' own, joined in a fixed order (the shell first: its reset must precede the
// views' rules; print last; any other file after the known ones, by name) and minified.
// index.html links it as ./it-policy-explorer.css; the loader adds that link to pages that
// lack it. Both URLs get the file's content hash below, as the other assets do. The Timeline,
// Map and Charts views' files go into their chunks instead (src/ui/split.rs includes them;
// ui::hooks::adopt_view_style adds them when the view first shows): they are checked here as
// the rest is.
const STYLESHEET = 'it-policy-explorer.css';
const STYLE_ORDER = ['main.css', 'explore.css', 'takeaway.css', 'print.css', 'page.css'];
const VIEW_STYLES = ['timeline.css', 'map.css', 'charts.css'];

/** Stops the build if `css` (minified) breaks the rules every app stylesheet keeps. */
function checkStyle(name, css) {
  if (/(?:^|[{},])(?:html|body|:root)(?=[\s{,.:#[>+~])/.test(css)) {
    console.error(`postbuild: ${name} has a rule for html, body or :root; page-only rules go in style/page.css, under .itpe-page`);
    process.exit(1);
  }
  // `rem` follows the host page's <html> font size: the app's sizes are in --itpe-rem.
  if (/[\d.]rem\b/.test(css)) {
    console.error(`postbuild: ${name} uses rem; write calc(n * var(--itpe-rem)) (ARCHITECTURE.md, "Styles and embedding")`);
    process.exit(1);
  }
}

function bundleStylesheet() {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'style');
  const known = [...STYLE_ORDER, ...VIEW_STYLES];
  const others = fs.readdirSync(dir).filter((f) => f.endsWith('.css') && !known.includes(f)).sort();
  const files = [...STYLE_ORDER, ...others];
  // Minified by esbuild, as the scripts are: it keeps the order of rules (the cascade) and
  // the modern syntax (@property, @container, :where) as written.
  const minified = (text) => transformSync(text, { loader: 'css', minify: true, legalComments: 'none' }).code;
  for (const f of VIEW_STYLES) checkStyle(`style/${f}`, minified(fs.readFileSync(path.join(dir, f), 'utf8')));
  const css = minified(files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n'));
  checkStyle('the app stylesheet', css);
  fs.writeFileSync(path.join(dist, STYLESHEET), css);
  const v = hash(STYLESHEET);
  const loader = read('loader.js').toString();
  const named = /'\.\/it-policy-explorer\.css(\?v=\w+)?'/;
  if (!named.test(loader)) {
    console.error(`postbuild: loader.js does not name ./${STYLESHEET}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(dist, 'loader.js'), loader.replace(named, `'./${STYLESHEET}?v=${v}'`));
  console.log(`postbuild: ${STYLESHEET} from ${files.length} files (${css.length} bytes)`);
}
bundleStylesheet();

// The loader names the glue and the wasm (hashed before the loader is minified, which rewrites
// its quotes).
let loader = read('loader.js').toString();
loader = loader
  .replace(/'\.\/it-policy-explorer\.js(\?v=\w+)?'/, `'./it-policy-explorer.js?v=${hash('it-policy-explorer.js')}'`)
  .replace(/'\.\/it-policy-explorer_bg\.wasm(\?v=\w+)?'/, `'./it-policy-explorer_bg.wasm?v=${hash('it-policy-explorer_bg.wasm')}'`);
fs.writeFileSync(path.join(dist, 'loader.js'), loader);
minify('loader.js', undefined);

let html = read('index.html').toString();
// Comments are for this file's readers, not the browser's: every byte of the page is in the
// first load.
html = html.replace(/\s*<!--[\s\S]*?-->/g, '');
// trunk leaves its rust link when it does not inject scripts; it means nothing to a browser.
html = html.replace(/\s*<link[^>]*data-trunk[^>]*>/g, '');
// Subresource integrity on same-origin files adds nothing (whoever can change them can change
// this page) and breaks file://, where every check fails and the page stays unstyled. The
// preload hints keep `crossorigin`: loader.js fetches in CORS mode, and a hint in another
// mode would not be used (the file would be fetched twice).
html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => (/\srel="preload"/.test(tag) ? tag : tag.replace(/\s(?:integrity|crossorigin)(?:="[^"]*")?(?=[\s/>])/g, '')));
html = html.replace(/(href|src)="\.\/([\w.-]+\.(?:css|js|wasm))(\?v=\w+)?"/g, (_, attr, file) => `${attr}="./${file}?v=${hash(file)}"`);
// Each hint must name what loader.js fetches, hash included, or it is a second download.
for (const m of html.matchAll(/<link rel="(?:module)?preload" href="\.\/([^"]+)"/g)) {
  if (!loader.includes(`'./${m[1]}'`)) {
    console.error(`postbuild: dist/index.html preloads ./${m[1]}, which loader.js does not fetch`);
    process.exit(1);
  }
}
fs.writeFileSync(path.join(dist, 'index.html'), html);

// The iframe route's page (README, "Embedding"): index.html's head as built (the same
// stylesheets, loader and hashes), its own title, and a mount element for the frame instead of
// the standalone page's (no masthead: the app draws a compact title).
const once = (text, re, to, what) => {
  if (!re.test(text)) {
    console.error(`postbuild: cannot make embed.html: ${what} not found in dist/index.html`);
    process.exit(1);
  }
  return text.replace(re, to);
};
const noscript = html.match(/<noscript>[\s\S]*?<\/noscript>/)?.[0] ?? '';
let frame = once(html, /<title>[^<]*<\/title>/, '<title>I&amp;T Policy Explorer (embedded view)</title>', 'the title');
frame = once(frame, /<body class="itpe-page">[\s\S]*<\/body>/, `<body class="itpe-page">
  <div data-it-policy-explorer data-embed="frame">
    <div class="itpe"><main class="itpe-main">${noscript}</main></div>
  </div>
</body>`, 'the body');
fs.writeFileSync(path.join(dist, 'embed.html'), frame);

// A strict CSP forbids inline script and style: fail the build if any slipped in.
const inline = [/<script(?![^>]*\bsrc=)[^>]*>/i, /<style\b/i, /\sstyle="/i];
for (const [name, text] of [['index.html', html], ['embed.html', frame]]) {
  for (const re of inline) {
    if (re.test(text)) {
      console.error(`postbuild: dist/${name} has inline script or style (${re}); it would break under a strict CSP`);
      process.exit(1);
    }
  }
}
console.log('postbuild: dist/index.html, embed.html and loader.js carry content hashes');
