// Removes wasm-bindgen exports the app never calls from the main module and its glue, before
// wasm-opt, so that their code leaves the wasm (scripts/build).
//
// Leptos depends on server_fn with its "browser" feature, which brings wasm-streams, whose
// `#[wasm_bindgen]` classes (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink:
// Rust streams as JS streams, for server functions) are exported whether used or not. This app
// has no server functions: their export functions, their JS classes and the imports only
// their code calls (about 2 KB brotli of the first load) go. The build stops if the glue does
// not have them in the shape this expects: a wasm-bindgen change must be looked at, not
// shipped half-edited.
//
// Usage: node scripts/unused-exports.mjs <module_bg.wasm> <module.js>
import fs from 'node:fs';
import { leb, lebBytes, replaceSection, text } from './short-names.mjs';

/** Export names of wasm-streams' classes, as wasm-bindgen writes them. */
const UNUSED = /^(?:__wbg_)?intounderlying(?:bytesource|sink|source)_\w+$/;

/** The wasm without the exports whose names match `unused`, and the names removed. */
export function dropExports(wasm, unused) {
  const dropped = [];
  const out = replaceSection(wasm, 7, (bytes, start, end) => {
    const [count, first] = leb(bytes, start);
    const kept = [];
    let p = first;
    for (let i = 0; i < count; i++) {
      const entry = p;
      let name;
      [name, p] = text(bytes, p);
      [, p] = leb(bytes, p + 1);
      if (unused.test(name)) dropped.push(name);
      else kept.push(...bytes.subarray(entry, p));
    }
    if (p !== end) throw new Error('unused-exports: the export section did not parse to its end');
    return [...lebBytes(count - dropped.length), ...kept];
  });
  return { wasm: out, dropped };
}

/** The glue without wasm-streams' classes and what serves only them. */
export function dropStreamClasses(glue) {
  const parts = [
    /^export class IntoUnderlying\w+ \{\n[\s\S]*?^\}\n/gm,
    /^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = IntoUnderlying\w+\.prototype\.free;\n/gm,
    /^const IntoUnderlying\w+Finalization = [^;]*;\n/gm,
    /^const __wbindgen_enum_ReadableStreamType = [^;]*;\n/gm,
  ];
  const expected = [3, 3, 3, 1];
  parts.forEach((re, i) => {
    const found = glue.match(re)?.length ?? 0;
    if (found !== expected[i]) throw new Error(`unused-exports: ${re} found ${found} times in the glue, not ${expected[i]}`);
    glue = glue.replace(re, '');
  });
  if (/intounderlying/i.test(glue)) throw new Error('unused-exports: the glue still names wasm-streams\' classes');
  return glue;
}

if (process.argv[1] && new URL(import.meta.url).pathname === fs.realpathSync(process.argv[1])) {
  const [wasmFile, glueFile] = process.argv.slice(2);
  const { wasm, dropped } = dropExports(fs.readFileSync(wasmFile), UNUSED);
  if (dropped.length !== 13) throw new Error(`unused-exports: ${dropped.length} of wasm-streams' exports found, not 13: ${dropped}`);
  fs.writeFileSync(wasmFile, wasm);
  fs.writeFileSync(glueFile, dropStreamClasses(fs.readFileSync(glueFile, 'utf8')));
  console.log(`unused-exports: ${dropped.length} exports of wasm-streams' classes removed`);
}
