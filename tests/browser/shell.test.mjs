// The app shell: first paint, navigation and URL, sub-path hosting, strict CSP, broken data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, bundleCopy, snapshot, DIST } from './harness.mjs';

test('the built index.html has no inline script or style, and paints the title without wasm', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i);
  assert.doesNotMatch(html, /<style\b|\sstyle="/i);
  assert.match(html, /<h1 class="itpe-paper-title">Innovation and Technology in the 2021 Policy Address<\/h1>/);
  assert.match(html, /<noscript>/); // the loading message comes from loader.js (start.test.mjs)
  for (const ref of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    assert.ok(!/^(https?:)?\/\//.test(ref[1]) && !ref[1].startsWith('/'), `not relative: ${ref[1]}`);
  }
});

test('first paint shows the title before the app starts', async (t) => {
  await withPage(t, {}, async ({ page, context, server }) => {
    const blocked = await context.newPage();
    await blocked.route('**/*.wasm*', () => {}); // never answers: the wasm does not arrive
    await blocked.goto(server.url);
    assert.equal((await blocked.textContent('h1')).trim(), 'Innovation and Technology in the 2021 Policy Address');
    assert.match(await blocked.textContent('.itpe-loading'), /Loading/);
    await blocked.close();
  });
});

test('each view has a tab, a URL and a heading; back and forward move between them', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    for (const view of ['timeline', 'map', 'charts', 'source', 'explore']) {
      await page.click(`nav.itpe-views a[data-view="${view}"]`);
      await page.waitForFunction((v) => document.querySelector(`nav.itpe-views a[aria-current="page"]`)?.dataset.view === v, view);
      const expected = view === 'explore' ? '' : `?view=${view}`;
      assert.equal(new URL(page.url()).search, expected);
      await snapshot(page, `view-${view}-1280`);
    }
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === 'source');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === 'charts');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === 'source');
  });
});

test('an unknown view falls back to Explore with a visible notice', async (t) => {
  await withPage(t, { query: '?view=nowhere&colour=red' }, async ({ page }) => {
    await ready(page);
    assert.equal(await page.getAttribute('nav.itpe-views a[aria-current="page"]', 'data-view'), 'explore');
    const notice = await page.textContent('.itpe-notice');
    assert.match(notice, /view=nowhere/);
    assert.match(notice, /colour=red/);
  });
});

test('the bundle works from a sub-path under a strict CSP', async (t) => {
  await withPage(t, { base: '/some/sub/path/', query: '?view=explore' }, async ({ page }) => {
    await ready(page);
    assert.ok(await page.isVisible('.itpe-dataset-counts'));
    assert.match(page.url(), /\/some\/sub\/path\/\?view=explore$/);
  });
});

test('the interface switches to Traditional and Simplified Chinese', async (t) => {
  await withPage(t, { query: '?lang=zh-hant', width: 375 }, async ({ page }) => {
    await ready(page);
    assert.equal(await page.textContent('nav.itpe-views a[data-view="map"]'), '地圖');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant-HK');
    await page.click('.itpe-lang-switch a[hreflang="zh-Hans"]');
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[data-view="map"]').textContent === '地图');
    assert.match(page.url(), /lang=zh-hans/);
    await snapshot(page, 'lang-zh-hans-375');
  });
});

// The paper's JSON (named by the page, see bundleCopy) and the pack the app loads by default.
const JSON_FILE = 'data/policy-2021.json';
const PACK = 'data/policy-2021.pack';
const brokenCases = [
  ['missing', JSON_FILE, (dir) => fs.rmSync(path.join(dir, JSON_FILE)), /HTTP status 404/, 'status of 404'],
  ['not JSON', JSON_FILE, (dir) => fs.writeFileSync(path.join(dir, JSON_FILE), '<html>oops'), /not a valid dataset/, null],
  ['unsupported schema version', JSON_FILE, (dir) => {
    const f = path.join(dir, JSON_FILE);
    const d = JSON.parse(fs.readFileSync(f, 'utf8'));
    d.schema_version = 99;
    fs.writeFileSync(f, JSON.stringify(d));
  }, /schema version is 99/, null],
  ['missing pack', PACK, (dir) => fs.rmSync(path.join(dir, PACK)), /HTTP status 404/, 'status of 404'],
  ['cut-off pack', PACK, (dir) => {
    const f = path.join(dir, PACK);
    fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 5000));
  }, /pack file is damaged/, null],
  ['pack of another schema version', PACK, (dir) => {
    // The pack's magic bytes, then the version as a varint (src/pack.rs).
    fs.writeFileSync(path.join(dir, PACK), Buffer.concat([Buffer.from('ITPEpack'), Buffer.from([99])]));
  }, /schema version is 99/, null],
];
for (const [name, file, edit, message, consoleError] of brokenCases) {
  test(`a ${name} dataset shows which file and what is wrong, with a retry`, async (t) => {
    const dir = bundleCopy(edit);
    await withPage(t, { dir, expectErrors: consoleError ? [consoleError] : [] }, async ({ page }) => {
      await page.waitForSelector('.itpe-error-summary');
      assert.ok((await page.textContent('.itpe-error-file')).endsWith(file));
      assert.match(await page.textContent('.itpe-error-problem'), message);
      // Mend the file and retry: the app recovers without a reload.
      fs.cpSync(path.join(DIST, file), path.join(dir, file));
      await page.click('.itpe-error-summary button');
      await ready(page);
      // The error stays until the new answer arrives: wait for the app itself.
      await page.waitForSelector('.itpe-dataset-counts');
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
