// The size guard: the English first load (everything the standalone page fetches before it is
// interactive) must stay within the budget of scripts/size-budget.json. Growing it means
// raising the budget in the same change, visibly. `bash scripts/bench` prints the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './harness.mjs';
import { BUDGET, firstLoad } from '../../scripts/first-load.mjs';

test('the first load stays within its brotli budget', () => {
  const load = firstLoad(DIST);
  const table = load.files.map((f) => `${f.file} ${f.brotli} B`).join(', ');
  assert.ok(load.files.length >= 6, `page, loader, glue, wasm, dataset and CSS: ${table}`);
  assert.ok(load.brotli <= BUDGET.first_load_brotli_bytes,
    `first load ${load.brotli} B brotli is over the budget of ${BUDGET.first_load_brotli_bytes} B (${table})`);
});
