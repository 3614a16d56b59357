// WCAG 2.1 A and AA checks with axe-core on every view, in English and Chinese, at desktop and
// phone widths. axe is injected from node_modules (the page's CSP is bypassed for that script
// only in this test; the app itself still runs under the strict policy elsewhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withPage, ready } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const pages = [
  ['explore', '?item=hsitp&q=park'],
  ['timeline', '?view=timeline'],
  ['map', '?view=map'],
  ['charts', '?view=charts'],
  ['source', '?view=source&para=p8&item=hsitp'],
  ['explore in Chinese', '?lang=zh-hant&status=launched'],
];

for (const [name, query] of pages) {
  for (const width of [1280, 375]) {
    test(`${name} at ${width} px has no WCAG 2.1 AA violations`, async (t) => {
      await withPage(t, { query, width, bypassCSP: true }, async ({ page }) => {
        await ready(page);
        await page.waitForTimeout(300);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(result, [], result.join('\n'));
      });
    });
  }
}
