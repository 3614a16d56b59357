// The views loaded on demand (src/ui/split.rs): the Explore view starts with the first load
// alone (no chunk); each other view fetches its chunks the first time it is shown, from the
// glue's folder, and works; a chunk that cannot be loaded gives a message and a retry, and the
// rest of the app and its state stay as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, bundleCopy, focusOn, DIST } from './harness.mjs';
import { firstLoadFiles, chunkFiles } from '../../scripts/first-load.mjs';

const CHUNKS = chunkFiles(DIST);
/** What shows that each view's code runs: an element only that view draws. */
const DRAWN = {
  timeline: '.itpe-tl-chart .itpe-tl-mark',
  map: '.itpe-map-frame .itpe-map-marker',
  charts: '.itpe-chart-svg svg',
  source: '.itpe-source .itpe-para',
};

/** The bundle files a page asks for, by path relative to the bundle (query dropped). */
function recordRequests(page, url) {
  const base = new URL('./', url).href;
  const seen = [];
  page.on('request', (r) => {
    const u = r.url().split('?')[0];
    if (u.startsWith(base)) seen.push(u.slice(base.length));
  });
  return seen;
}

const chunksIn = (files) => files.filter((f) => CHUNKS.includes(f));

test('the glue names a chunk for every view but Explore, each in the bundle and fetched with a content hash', () => {
  assert.ok(CHUNKS.length >= 4, `one chunk per split view at least: ${CHUNKS}`);
  for (const view of Object.keys(DRAWN)) assert.ok(CHUNKS.includes(`split_${view}.wasm`), `${view} has its chunk`);
  // Each named chunk is in the bundle, and the glue asks for it with its content hash (long
  // cache lifetimes are safe only then).
  const glue = fs.readFileSync(path.join(DIST, 'it-policy-explorer.js'), 'utf8');
  for (const chunk of CHUNKS) {
    assert.ok(fs.existsSync(path.join(DIST, chunk)), `${chunk} is in the bundle`);
    assert.match(glue, new RegExp(`\\./${chunk.replace('.', '\\.')}\\?v=\\w+`), `${chunk} is fetched with ?v=<hash>`);
  }
});

test('Explore answers a typed search having fetched the first load only, no chunk', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await page.reload();
    await ready(page);
    const before = await page.evaluate(() => [...document.querySelectorAll('.itpe-result')].map((r) => r.textContent).join('\n'));
    await page.fill('#itpe-search', 'science park');
    await page.waitForFunction((b) => [...document.querySelectorAll('.itpe-result')].map((r) => r.textContent).join('\n') !== b, before);
    await page.waitForTimeout(500);
    assert.deepEqual(chunksIn(seen), [], `no chunk before another view is asked for: ${seen}`);
    const expected = firstLoadFiles(DIST).map((f) => (f === 'index.html' ? '' : f)).sort();
    assert.deepEqual([...new Set(seen)].sort(), expected, 'the files scripts/first-load.mjs counts, no more');
  });
});

test('each split view loads its chunks when first shown, and works; a second visit fetches nothing', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await ready(page);
    for (const [view, drawn] of Object.entries(DRAWN)) {
      const from = seen.length;
      await page.click(`nav.itpe-views a[data-view="${view}"]`);
      await page.waitForSelector(drawn);
      const fetched = chunksIn(seen.slice(from));
      assert.ok(fetched.includes(`split_${view}.wasm`), `${view}: its chunk fetched (${fetched})`);
      assert.equal(await page.locator('[data-chunk-loading], [data-chunk-failed]').count(), 0);
    }
    const from = seen.length;
    for (const [view, drawn] of Object.entries(DRAWN)) {
      await page.click(`nav.itpe-views a[data-view="${view}"]`);
      await page.waitForSelector(drawn);
    }
    assert.deepEqual(chunksIn(seen.slice(from)), [], 'chunks are loaded once per page');
  });
});

test('the Timeline, Map and Charts views bring their stylesheets with their chunks, once each, under a strict CSP', async (t) => {
  // Not in the first load's stylesheet (scripts/postbuild.mjs); a constructed stylesheet the
  // view adopts (ui::hooks::adopt_view_style), which style-src 'self' allows.
  const css = fs.readFileSync(path.join(DIST, 'it-policy-explorer.css'), 'utf8');
  for (const name of ['itpe-tl-tip', 'itpe-map-legend', 'itpe-chart-note']) assert.ok(!css.includes(name), `${name}'s rules are not in the first load`);
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
    const overflow = () => page.evaluate(() => getComputedStyle(document.querySelector('.itpe-tl-chart')).overflow);
    await page.click('nav.itpe-views a[data-view="timeline"]');
    await page.waitForSelector(DRAWN.timeline);
    assert.equal(await overflow(), 'hidden', 'timeline.css applies');
    // The printed page's rule for the chart comes after the view's own, as before the move.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await overflow(), 'visible', 'the print rule wins in print');
    await page.emulateMedia({ media: 'screen' });
    for (const view of ['map', 'charts', 'timeline', 'map']) {
      await page.click(`nav.itpe-views a[data-view="${view}"]`);
      await page.waitForSelector(DRAWN[view]);
    }
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 3, 'one stylesheet per view, once');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.itpe-map-svg')).aspectRatio), '1000 / 755');
  });
});

test('without constructed stylesheets (Safari before 16.4), a view brings its rules in a style element', async (t) => {
  // No strict CSP here: where it forbids inline style, such a browser shows these views unstyled.
  await withPage(t, { csp: null }, async ({ page }) => {
    await page.addInitScript(() => {
      window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('not constructible here'); };
    });
    await page.reload();
    await ready(page);
    await page.click('nav.itpe-views a[data-view="timeline"]');
    await page.waitForSelector(DRAWN.timeline);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.itpe-tl-chart')).overflow), 'hidden');
    await page.click('nav.itpe-views a[data-view="explore"]');
    await page.click('nav.itpe-views a[data-view="timeline"]');
    await page.waitForSelector(DRAWN.timeline);
    assert.equal(await page.locator('head style').count(), 1, 'one style element, added once');
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
  });
});

test('a link to a split view loads its chunk at start', async (t) => {
  await withPage(t, { base: '/deep/sub/path/', query: '?view=map&site=lmc-loop' }, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await page.reload();
    await ready(page);
    await page.waitForSelector(DRAWN.map);
    assert.ok(chunksIn(seen).includes('split_map.wasm'));
    assert.ok(!chunksIn(seen).includes('split_charts.wasm'), 'only the chunks of the view shown');
  });
});

test('a chunk that cannot be loaded: a message and a retry; the app and its state stay', async (t) => {
  await withPage(t, { expectErrors: ['404', 'Failed to load resource', 'HTTP status code is not ok'] }, async ({ page }) => {
    let broken = true;
    await page.route('**/split_charts.wasm*', (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await ready(page);
    await page.fill('#itpe-search', 'fund');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'fund');
    await page.click('nav.itpe-views a[data-view="charts"]');
    const failed = page.locator('[data-chunk-failed="charts"]');
    await failed.waitFor();
    assert.equal(await failed.getAttribute('role'), 'alert');
    assert.match(await failed.textContent(), /could not be loaded/);
    // Nothing lost: the address, the tabs, the search; the other views still work.
    assert.equal(new URL(page.url()).searchParams.get('view'), 'charts');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'fund');
    await page.click('nav.itpe-views a[data-view="explore"]');
    await page.waitForSelector('.itpe-result');
    assert.equal(await page.inputValue('#itpe-search'), 'fund');
    await page.click('nav.itpe-views a[data-view="charts"]');
    await failed.waitFor();
    // Fixed on the server: Retry loads the view in place.
    broken = false;
    await failed.locator('button').click();
    await page.waitForSelector(DRAWN.charts);
    assert.equal(await page.locator('[data-chunk-failed]').count(), 0);
    await focusOn(page, ':not(body)', 'focus is not lost to <body>');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'fund');
  });
});

test('while a chunk arrives, the view says it is loading (a polite status)', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/split_source.wasm*', async (route) => { await held; await route.continue(); });
    await ready(page);
    await page.click('nav.itpe-views a[data-view="source"]');
    const status = page.locator('[data-chunk-loading="source"]');
    await status.waitFor();
    assert.equal(await status.getAttribute('role'), 'status');
    assert.match(await status.textContent(), /^Loading…$/);
    release();
    await page.waitForSelector(DRAWN.source);
    assert.equal(await status.count(), 0);
  });
});

test('the downloads come with their own chunk: fetched on the first download; if it fails, the bar says so and the next click works', async (t) => {
  await withPage(t, { expectErrors: ['404', 'Failed to load resource', 'HTTP status code is not ok'] }, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    let broken = true;
    await page.route('**/split_downloads.wasm*', (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await ready(page);
    assert.ok(!seen.includes('split_downloads.wasm'), 'not before a download');
    await page.click('.itpe-takeaway-downloads > summary');
    await page.click('.itpe-takeaway button[data-download="items"]');
    await page.waitForFunction(() => /could not be prepared/.test(document.querySelector('.itpe-takeaway-status').textContent));
    broken = false;
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('.itpe-takeaway button[data-download="items"]')]);
    assert.match(file.suggestedFilename(), /-items-.*\.csv$/);
    assert.equal(await page.textContent('.itpe-takeaway-status'), '', 'the message goes with the retry');
    assert.ok(seen.includes('split_downloads.wasm'));
  });
});

test('the embed panel comes with its own chunk, fetched when the panel first opens; its snippets and Copy work', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await ready(page);
    assert.ok(CHUNKS.includes('split_embed.wasm'), 'the panel has its chunk');
    assert.ok(!seen.includes('split_embed.wasm'), 'not before the panel opens');
    await page.click('.itpe-takeaway button[data-takeaway="embed"]');
    const frame = page.locator('[data-embed-code="embed-frame"]');
    await frame.waitFor();
    assert.ok(seen.includes('split_embed.wasm'), 'fetched on opening');
    assert.match(await frame.inputValue(), /<iframe /);
    await page.click('.itpe-takeaway button[data-takeaway="copy-embed-frame"]');
    await page.waitForFunction(() => document.querySelector('.itpe-takeaway-status').textContent !== '');
    // Closed and opened again: the content is there at once, nothing fetched again.
    const from = seen.length;
    await page.click('.itpe-takeaway button[data-takeaway="embed"]');
    await page.click('.itpe-takeaway button[data-takeaway="embed"]');
    await frame.waitFor();
    assert.deepEqual(chunksIn(seen.slice(from)), []);
  });
});

test('an embed panel whose chunk cannot be loaded says so in the panel, and its retry loads it', async (t) => {
  await withPage(t, { expectErrors: ['404', 'Failed to load resource', 'HTTP status code is not ok'] }, async ({ page }) => {
    let broken = true;
    await page.route('**/split_embed.wasm*', (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await ready(page);
    await page.click('.itpe-takeaway button[data-takeaway="embed"]');
    const failed = page.locator('.itpe-embed-panel [data-chunk-failed="embed"]');
    await failed.waitFor();
    assert.equal(await failed.getAttribute('role'), 'alert');
    assert.match(await failed.textContent(), /could not be loaded/);
    // The rest of the bar still works.
    await page.click('.itpe-takeaway button[data-takeaway="cite"]');
    assert.match(await page.inputValue('#itpe-citation'), /\S/);
    broken = false;
    await failed.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.itpe-embed-panel [data-embed-code="embed-script"]');
    assert.equal(await page.locator('[data-chunk-failed]').count(), 0);
    await focusOn(page, '[data-takeaway="embed"]', 'focus goes to the panel\'s button');
  });
});

test('a pointer over a tab, or the keyboard focus on it, fetches its view\'s chunk before any click', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await ready(page);
    assert.deepEqual(chunksIn(seen), [], 'nothing before the intent');
    await page.hover('nav.itpe-views a[data-view="map"]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_map\.wasm/.test(e.name)));
    await page.focus('nav.itpe-views a[data-view="charts"]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_charts\.wasm/.test(e.name)));
    assert.ok(chunksIn(seen).includes('split_map.wasm') && chunksIn(seen).includes('split_charts.wasm'), `${chunksIn(seen)}`);
    assert.ok(!chunksIn(seen).includes('split_timeline.wasm'), 'only the chunks of the tabs pointed at');
    assert.equal(new URL(page.url()).searchParams.get('view'), null, 'the view stays Explore until a click');
    // The click then shows the view without fetching its chunk again.
    const from = seen.length;
    await page.click('nav.itpe-views a[data-view="map"]');
    await page.waitForSelector(DRAWN.map);
    assert.ok(!chunksIn(seen.slice(from)).includes('split_map.wasm'), 'fetched once');
  });
});

test('an item\'s details come with their own chunk: none at start, fetched on the intent to open one, then shown', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await ready(page);
    assert.ok(CHUNKS.includes('split_details.wasm'), 'the details have their chunk');
    assert.ok(!seen.includes('split_details.wasm'), 'not at start');
    // A pointer over the results (a finger's touch included) fetches it before any click.
    await page.hover('.itpe-result >> nth=0');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_details\.wasm/.test(e.name)));
    const from = seen.length;
    await page.click('a[data-item-link="hsitp"]');
    await page.waitForSelector('.itpe-detail[data-item="hsitp"]');
    assert.match(await page.textContent('.itpe-detail'), /Lok Ma Chau Loop/);
    await focusOn(page, '#itpe-detail-title', 'focus on the details opened');
    assert.deepEqual(chunksIn(seen.slice(from)), [], 'fetched once');
  });
});

test('a link that names an item fetches the details\' chunk at start, beside the dataset', async (t) => {
  await withPage(t, { query: '?item=hsitp' }, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await page.reload();
    await page.waitForSelector('.itpe-detail[data-item="hsitp"]');
    assert.ok(chunksIn(seen).includes('split_details.wasm'));
    assert.ok(!chunksIn(seen).some((c) => /^split_(timeline|map|charts|source)/.test(c)), `no view's chunk: ${chunksIn(seen)}`);
  });
});

test('details whose chunk cannot be loaded: the panel says so, the results stay, and Retry shows them', async (t) => {
  await withPage(t, { expectErrors: ['404', 'Failed to load resource', 'HTTP status code is not ok'] }, async ({ page }) => {
    let broken = true;
    await page.route('**/split_details.wasm*', (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await ready(page);
    await page.click('a[data-item-link="hsitp"]');
    const failed = page.locator('.itpe-explore-detail [data-chunk-failed="details"]');
    await failed.waitFor();
    assert.equal(await failed.getAttribute('role'), 'alert');
    assert.equal(new URL(page.url()).searchParams.get('item'), 'hsitp', 'the address names the item still');
    assert.ok(await page.locator('.itpe-result').count() > 0, 'the results stay');
    broken = false;
    await failed.locator('button').click();
    await page.waitForSelector('.itpe-detail[data-item="hsitp"]');
    assert.equal(await page.locator('[data-chunk-failed]').count(), 0);
  });
});

/** A copy of the bundle whose dataset is `edit(json)`, written back as JSON (other bytes). */
function datasetCopy(edit) {
  return bundleCopy((dir) => {
    const file = path.join(dir, 'data/policy-2021.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit(data);
    fs.writeFileSync(file, JSON.stringify(data));
  });
}

test('the shipped dataset is trusted as it is; any other file goes through the load checks, whose chunk comes then', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await page.reload();
    await ready(page);
    assert.ok(!seen.includes('split_checks.wasm'), 'the file this build ships: no checks');
  });
  // The same records in other bytes are not trusted: checked, nothing left out.
  await withPage(t, { dir: datasetCopy(() => {}) }, async ({ page, url }) => {
    const seen = recordRequests(page, url);
    await page.reload();
    await ready(page);
    assert.ok(seen.includes('split_checks.wasm'), 'another file: checked');
    assert.equal(await page.locator('.itpe-dropped-records').count(), 0);
  });
  // A record the checks leave out: the notice says which.
  const dir = datasetCopy((d) => { d.figures.find((f) => f.id === 'f-p3-1').value = -1e18; });
  await withPage(t, { dir }, async ({ page }) => {
    await ready(page);
    assert.match(await page.textContent('.itpe-dropped-records'), /figure "f-p3-1"/);
  });
});

test('a dataset whose checks cannot be loaded is not shown unchecked: the failure says so, and Retry loads it', async (t) => {
  const dir = datasetCopy((d) => { d.figures.find((f) => f.id === 'f-p3-1').value = -1e18; });
  await withPage(t, { dir, expectErrors: ['404', 'Failed to load resource', 'HTTP status code is not ok'] }, async ({ page }) => {
    let broken = true;
    await page.route('**/split_checks.wasm*', (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.reload();
    const failure = page.locator('.itpe-error-summary');
    await failure.waitFor();
    assert.match(await failure.locator('.itpe-error-problem').textContent(), /could not be loaded/);
    assert.equal(await page.locator('.itpe-result').count(), 0, 'nothing shown unchecked');
    broken = false;
    await failure.locator('button').click();
    await page.waitForSelector('.itpe-dropped-records');
    assert.match(await page.textContent('.itpe-dropped-records'), /figure "f-p3-1"/);
  });
});
