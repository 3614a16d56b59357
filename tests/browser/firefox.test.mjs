// The single-file edition in Firefox (Debian's firefox-esr, stock, through WebDriver BiDi):
// double-clicked from disk it starts, shows every view, keeps its state in the query string and
// reads the Chinese texts it carries, with no console error. (Chromium covers the rest in
// offline.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ARTIFACTS } from './harness.mjs';
import { firefox } from '../firefox/bidi.mjs';

const SINGLE = pathToFileURL(path.join(DIST, 'it-policy-explorer-offline.html')).href;

test('Firefox runs the single file from file://: every view, state in the URL, Chinese', async () => {
  const ff = await firefox();
  try {
    const views = { explore: '.itpe-result', timeline: '.itpe-tl-chart, .itpe-tl-list', map: '.itpe-map-marker', charts: '.itpe-chart-svg svg', source: '.itpe-source' };
    for (const [view, shows] of Object.entries(views)) {
      await ff.goto(`${SINGLE}?view=${view}`);
      await ff.until(`!!document.querySelector(${JSON.stringify(shows)}) && !document.querySelector('.itpe-loading')`);
      assert.equal(await ff.eval("document.querySelector('nav.itpe-views a[aria-current=\"page\"]')?.dataset.view"), view);
    }
    await ff.goto(`${SINGLE}?lang=zh-hant&q=${encodeURIComponent('數碼港')}`);
    await ff.until("document.querySelector('.itpe-translation-note:not([role=\"status\"])')");
    assert.ok(await ff.eval("[...document.querySelectorAll('.itpe-result-title')].some((t) => t.textContent.includes('數碼港'))"),
      'a Chinese search finds Cyberport\'s items by their Chinese titles');
    assert.equal(await ff.eval('location.search'), `?lang=zh-hant&q=${encodeURIComponent('數碼港')}`);
    assert.equal(await ff.eval("document.querySelectorAll('.itpe-error-summary').length"), 0);
    assert.deepEqual(ff.errors, []);
  } catch (err) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await ff.screenshot(path.join(ARTIFACTS, 'firefox-single-file.png')).catch(() => {});
    throw err;
  } finally {
    await ff.close();
  }
});
