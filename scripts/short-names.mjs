// Shorter names for what the main module and its JS glue call each other by
// (scripts/postbuild.mjs).
//
// wasm-bindgen names each function the wasm imports from its glue `__wbg_<method>_<16 hex
// digits>` and the module "./it-policy-explorer_bg.js", and writes every name twice: in the
// wasm's import section and as a key of the glue's import object. The hex digits are random to
// brotli, so the two copies of about 220 names cost several KB of the first load for nothing a
// browser needs. Here each such import gets a short name (`a`, `b`, ... `Z`, `aa`, ...) and the
// module a one-letter name, in the wasm and in the glue alike; the other modules' imports (the
// chunks' loader) keep theirs. Functions of the glue the wasm no longer imports are removed.
// The same goes for the functions the wasm exports to the glue (`wasm.<name>` there: the
// allocator, the closures' entry points), whose names are as long; the table, memory and
// globals the chunks' loader asks for by name keep theirs.

/** The module wasm-bindgen gives the glue's functions. */
export const GLUE_MODULE = './it-policy-explorer_bg.js';
const SHORT_MODULE = 'w';

export function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function lebBytes(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextEncoder();
const name = (text) => [...lebBytes(utf8.encode(text).length), ...utf8.encode(text)];

/** `a` .. `Z`, then `aa`, `ab`, ...: valid JS property names, none a keyword. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % 52] + s;
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return s;
}

/** The end of an import's description (function, table, memory, global or tag) at `at`. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return leb(bytes, at + 1)[1];
    default: throw new Error(`short-names: unknown import kind ${kind}`);
  }
}

/** The wasm with the content of section `id` replaced by `content(bytes, start, end)`'s. */
export function replaceSection(wasm, id, content) {
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = leb(wasm, at + 1);
    if (wasm[at] !== id) {
      at = body + size;
      continue;
    }
    const out = content(wasm, body, body + size);
    const section = [id, ...lebBytes(out.length), ...out];
    const bytes = new Uint8Array(at + section.length + (wasm.length - body - size));
    bytes.set(wasm.subarray(0, at));
    bytes.set(section, at);
    bytes.set(wasm.subarray(body + size), at + section.length);
    return bytes;
  }
  throw new Error(`short-names: the wasm has no section ${id}`);
}

/** The name (a length-prefixed UTF-8 string) at `p` in a section, and the position after it. */
export const text = (bytes, p) => {
  const [len, start] = leb(bytes, p);
  return [new TextDecoder().decode(bytes.subarray(start, start + len)), start + len];
};

/**
 * Renames the function exports the glue calls as `wasm.<name>` (throws if the glue names none
 * of them, which would mean wasm-bindgen changed how it calls them).
 */
export function shortenExports(wasm, glue) {
  let count = 0;
  const out = replaceSection(wasm, 7, (bytes, start, end) => {
    let [n, p] = leb(bytes, start);
    const entries = [...lebBytes(n)];
    while (n--) {
      let field;
      [field, p] = text(bytes, p);
      const kind = bytes[p];
      const [, after] = leb(bytes, p + 1);
      const called = new RegExp(`\\bwasm\\.${field}\\b`, 'g');
      if (kind === 0 && called.test(glue)) {
        const short = shortName(count++);
        glue = glue.replace(called, `wasm.${short}`);
        field = short;
      }
      entries.push(...name(field), ...bytes.subarray(p, after));
      p = after;
    }
    if (p !== end) throw new Error('short-names: the export section did not parse to its end');
    return entries;
  });
  if (count === 0) throw new Error('short-names: the glue calls no export as `wasm.<name>`');
  return { wasm: out, glue, count };
}

/**
 * The glue without the functions of its import object that the wasm does not import (wasm-opt
 * removed their callers: scripts/unused-exports.mjs). wasm-bindgen writes each as a key at
 * eight spaces' indent, `name: function(..) {`, up to the next such key or the object's end.
 */
function dropUnimported(glue, imported) {
  const start = glue.indexOf('    const import0 = {\n');
  const end = glue.indexOf('\n    };\n', start);
  if (start < 0 || end < 0) throw new Error('short-names: the glue has no import object `import0`');
  const entries = glue.slice(start, end + 1).split(/^(?=        \w+: function\()/m);
  const kept = entries.filter((e, i) => i === 0 || imported.has(e.match(/^        (\w+):/)[1]));
  return glue.slice(0, start) + kept.join('') + glue.slice(end + 1);
}

/**
 * Renames the glue module's imports in `wasm` (a Uint8Array) and the matching keys of the
 * glue's import object in `glue` (wasm-bindgen's output, before bundling or minifying).
 * Throws if a name is not found exactly once as a key in the glue, or the glue's module key is
 * missing: a wasm-bindgen change must stop the build, not ship a page that cannot start.
 */
export function shortenImports(wasm, glue) {
  const renamed = new Map();
  const out = replaceSection(wasm, 2, (bytes, start, end) => {
    const [count, first] = leb(bytes, start);
    const entries = [...lebBytes(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = text(bytes, p);
      [field, p] = text(bytes, p);
      const after = skipDescription(bytes, p);
      if (module === GLUE_MODULE) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        entries.push(...name(SHORT_MODULE), ...name(renamed.get(field)));
      } else {
        entries.push(...name(module), ...name(field));
      }
      entries.push(...bytes.subarray(p, after));
      p = after;
    }
    if (p !== end) throw new Error('short-names: the import section did not parse to its end');
    return entries;
  });
  glue = dropUnimported(glue, renamed);
  for (const [long, short] of renamed) {
    const key = new RegExp(`(?<=[{,\\s])${long}(?=\\s*:)`, 'g');
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`short-names: ${long} is a key ${found} times in the glue, not once`);
    glue = glue.replace(key, short);
  }
  const moduleKey = JSON.stringify(GLUE_MODULE);
  if (glue.split(moduleKey).length !== 2) throw new Error(`short-names: the glue does not name ${moduleKey} once`);
  glue = glue.replace(moduleKey, JSON.stringify(SHORT_MODULE));
  return { wasm: out, glue, count: renamed.size };
}
