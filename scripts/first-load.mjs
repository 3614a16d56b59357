// What a first visit to the English standalone page downloads before the app is interactive,
// and its weight: shared by the bench (which prints it) and the size guard in the tests (which
// fails when it passes the budget in scripts/size-budget.json, the one place the budget lives).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);
/** { "first_load_brotli_bytes": budget, "goal_bytes": the goal beyond it, "why": ... } */
export const BUDGET = JSON.parse(fs.readFileSync(path.join(here, 'size-budget.json'), 'utf8'));

/** The files of the first load, relative to `dist`: the page, the loader, the glue, the wasm,
 * the dataset (the pack the app loads, src/pack.rs) and every stylesheet the page links (the
 * app's one stylesheet, print rules and the standalone page's own rules included). */
export function firstLoadFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = ['index.html', 'loader.js', 'it-policy-explorer.js', 'it-policy-explorer_bg.wasm', 'data/policy-2021.pack'];
  for (const m of html.matchAll(/href="\.\/([\w.-]+\.css)/g)) files.push(m[1]);
  return files;
}

/** The wasm chunks of the views loaded on demand (src/ui/split.rs), as the glue names them
 * (`new URL("./split_map.wasm?v=..", import.meta.url)`, scripts/postbuild.mjs): not part of the
 * first load; a view fetches its own (`split_{view}.wasm`) and the shared `chunk_{n}.wasm` it
 * needs when it is first shown. */
export function chunkFiles(dist) {
  const glue = fs.readFileSync(path.join(dist, 'it-policy-explorer.js'), 'utf8');
  return [...new Set([...glue.matchAll(/new URL\(\s*"\.\/([\w.-]+\.wasm)(?:\?v=\w+)?"\s*,\s*import\.meta\.url\s*\)/g)].map((m) => m[1]))].sort();
}

const sized = (dist, names) => {
  const files = names.map((f) => {
    const body = fs.readFileSync(path.join(dist, f));
    const brotli = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file: f, raw: body.length, brotli };
  });
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, raw: sum('raw'), brotli: sum('brotli') };
};

/** Each first-load file's raw and brotli (quality 11) size, and the totals. */
export const firstLoad = (dist) => sized(dist, firstLoadFiles(dist));

/** Each chunk's raw and brotli size, and the totals (what a reader of every view adds). */
export const chunks = (dist) => sized(dist, chunkFiles(dist));

// `node scripts/first-load.mjs [dist]` prints the table and the total against the budget.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { files, raw, brotli } = firstLoad(process.argv[2] || 'dist');
  for (const f of files) console.log(`${f.file.padEnd(32)} ${String(f.raw).padStart(9)} B raw ${String(f.brotli).padStart(8)} B brotli`);
  console.log(`${'first load'.padEnd(32)} ${String(raw).padStart(9)} B raw ${String(brotli).padStart(8)} B brotli (budget ${BUDGET.first_load_brotli_bytes})`);
  const later = chunks(process.argv[2] || 'dist');
  for (const f of later.files) console.log(`  later: ${f.file.padEnd(24)} ${String(f.raw).padStart(9)} B raw ${String(f.brotli).padStart(8)} B brotli`);
  console.log(`${'views loaded on demand'.padEnd(32)} ${String(later.raw).padStart(9)} B raw ${String(later.brotli).padStart(8)} B brotli (not in the first load)`);
}
