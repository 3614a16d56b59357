// The Explore and Source views: search, facets, details, source links, URL state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, snapshot, bundleCopy, DIST } from './harness.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policy-2021.json'), 'utf8'));
/** The ids of all results, after asking for the rows beyond the first ones. */
async function resultIds(page) {
  if (await page.isVisible('.itpe-show-all')) await page.click('.itpe-show-all');
  return page.$$eval('.itpe-result', (els) => els.map((e) => e.dataset.item));
}

test('search finds items and figures however a number is written', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    await page.fill('#itpe-search', 'loop');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'loop');
    assert.ok((await resultIds(page)).includes('hsitp'));
    assert.ok(await page.isVisible('.itpe-result[data-item="hsitp"] mark'));
    // The figures follow the results a frame later, showing the last query's figures until
    // then; so each query starts from an empty search, which shows none.
    for (const q of ['1070', '1 070', '1,070']) {
      await page.fill('#itpe-search', '');
      await page.waitForSelector('.itpe-figure-matches', { state: 'detached' });
      await page.fill('#itpe-search', q);
      await page.waitForSelector('.itpe-figure-matches');
      assert.match(await page.textContent('.itpe-figure-matches'), /1 070/, `search ${q}`);
    }
    await snapshot(page, 'explore-search-1280');
  });
});

test('typing in search replaces the history entry instead of adding one per key', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const before = await page.evaluate(() => history.length);
    await page.type('#itpe-search', 'cyberport', { delay: 20 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'cyberport');
    assert.equal(await page.evaluate(() => history.length), before);
  });
});

test('a search typed just before leaving the page is kept in its history entry', async (t) => {
  await withPage(t, {}, async ({ page, url }) => {
    await ready(page);
    // Leave at once, before the address bar is written (it waits for typing to pause).
    await page.type('#itpe-search', 'loop', { delay: 5 });
    await page.goto(`${url}?view=map`);
    await page.goBack();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'loop');
  });
});

test('while typing, facet counts follow the results and settle on the same selection', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    await page.type('#itpe-search', 'loop', { delay: 5 });
    // The results follow each keystroke at once (the counts may still show an earlier query).
    const results = parseInt(await page.textContent('.itpe-result-count'), 10);
    assert.ok(results > 0 && results < data.items.length, `${results} items match "loop"`);
    // The kinds partition the items, so their counts add up to the number of results.
    await page.waitForFunction(() => {
      const results = parseInt(document.querySelector('.itpe-result-count').textContent, 10);
      const kinds = [...document.querySelectorAll('[data-facet-group="kind"] .itpe-count')]
        .reduce((sum, el) => sum + parseInt(el.textContent.replace(/\D/g, ''), 10), 0);
      return results === kinds;
    });
    // The address bar follows once typing pauses.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'loop');
  });
});

test('two facets combine and their counts agree with the dataset', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const progress = data.items.filter((i) => i.kind === 'progress_item');
    const launched = progress.filter((i) => i.status === 'launched');
    await page.check('input[data-facet="kind"] >> nth=1');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kind') === 'progress');
    const statusLabel = await page.textContent('[data-facet-group="status"] li:nth-child(4) label');
    assert.match(statusLabel, new RegExp(`\\(${launched.length}\\)`), 'launched count among progress items');
    await page.check('[data-facet-group="status"] li:nth-child(4) input');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'launched');
    assert.deepEqual(await resultIds(page), launched.map((i) => i.id));
    assert.match(await page.textContent('.itpe-result-count'), new RegExp(`^${launched.length} of ${data.items.length} items`));
    // Chips show both filters; removing one widens the results again.
    assert.equal(await page.locator('.itpe-chips .itpe-chip').count(), 2);
    await page.click('.itpe-chips .itpe-chip >> nth=0');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('kind'));
    assert.equal((await resultIds(page)).length, data.items.filter((i) => i.status === 'launched').length);
    await snapshot(page, 'explore-facets-1280');
  });
});

test('an item opens in details and its source link shows the quote highlighted in the paper', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const item = data.items.find((i) => i.id === 'hsitp');
    await page.click('a[data-item-link="hsitp"]');
    await page.waitForSelector('.itpe-detail[data-item="hsitp"]');
    assert.equal(new URL(page.url()).searchParams.get('item'), 'hsitp');
    assert.match(await page.textContent('.itpe-detail'), /Lok Ma Chau Loop/);
    await snapshot(page, 'explore-detail-1280');
    await page.click('.itpe-detail .itpe-source-link');
    await page.waitForSelector(`#itpe-para-${item.source.paragraph} mark.itpe-quote-highlight`);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('view'), 'source');
    assert.equal(url.searchParams.get('para'), item.source.paragraph);
    assert.equal(await page.textContent(`#itpe-para-${item.source.paragraph} mark.itpe-quote-highlight`), item.source.quote);
    const inView = await page.$eval(`#itpe-para-${item.source.paragraph}`, (el) => {
      const r = el.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });
    assert.ok(inView, 'the cited paragraph is scrolled into view');
    await snapshot(page, 'source-highlight-1280');
  });
});

test('a copied URL reproduces the view, and back/forward walk through changes', async (t) => {
  let shared;
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    await page.check('input[data-facet="kind"] >> nth=0');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('kind'));
    await page.selectOption('#itpe-sort', 'date');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
    const ids = await resultIds(page);
    shared = { url: page.url(), ids };
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sort'));
    assert.equal(await page.inputValue('#itpe-sort'), 'paper');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('kind'));
    assert.equal(await page.isChecked('input[data-facet="kind"] >> nth=0'), false);
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('kind'));
    assert.equal(await page.isChecked('input[data-facet="kind"] >> nth=0'), true);
  });
  const query = new URL(shared.url).search;
  await withPage(t, { query }, async ({ page }) => {
    await ready(page);
    assert.deepEqual(await resultIds(page), shared.ids);
    assert.equal(await page.isChecked('input[data-facet="kind"] >> nth=0'), true);
    assert.equal(await page.inputValue('#itpe-sort'), 'date');
  });
});

test('invalid parameters are dropped with a visible notice', async (t) => {
  await withPage(t, { query: '?status=finished&item=no-such-item&area=a1&site=atlantis' }, async ({ page }) => {
    await ready(page);
    const notice = await page.textContent('.itpe-notice');
    assert.match(notice, /status=finished/);
    assert.match(notice, /item=no-such-item/);
    assert.match(notice, /site=atlantis/);
    assert.equal(new URL(page.url()).search, '?area=a1', 'the URL keeps only what was valid');
    assert.equal(await page.isChecked('[data-facet-group="area"] li:nth-child(1) input'), true);
  });
});

test('long result lists draw their first rows and the rest on request', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const first = await page.locator('.itpe-result').count();
    assert.ok(first < data.items.length, `only the first rows (${first})`);
    assert.match(await page.textContent('.itpe-show-all'), new RegExp(`Show all ${data.items.length} items`));
    await page.click('.itpe-show-all');
    assert.equal(await page.locator('.itpe-result').count(), data.items.length);
    assert.equal(await page.isVisible('.itpe-show-all'), false);
  });
});

test('no results offer to clear the filters', async (t) => {
  await withPage(t, { query: '?q=zzzzqqq' }, async ({ page }) => {
    await ready(page);
    await page.click('.itpe-empty-results button');
    await page.waitForSelector('.itpe-result');
    assert.equal(new URL(page.url()).search, '');
  });
});

test('hostile text in the data renders as text, never as markup', async (t) => {
  const hostile = '<img src=x onerror="document.body.dataset.pwned=1">';
  const dir = bundleCopy((d) => {
    const f = path.join(d, 'data/policy-2021.json');
    const ds = JSON.parse(fs.readFileSync(f, 'utf8'));
    ds.items[0].title = hostile;
    ds.items[0].summary = `<script>document.body.dataset.pwned=2</script>`;
    fs.writeFileSync(f, JSON.stringify(ds));
  });
  await withPage(t, { dir }, async ({ page }) => {
    await ready(page);
    const id = data.items[0].id;
    assert.equal(await page.textContent(`a[data-item-link="${id}"]`), hostile);
    assert.equal(await page.locator('.itpe-result img').count(), 0);
    assert.equal(await page.evaluate(() => document.body.dataset.pwned), undefined);
  });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('search ignores case in any script, as the browser lower-cases it', async (t) => {
  // Outside ASCII the wasm asks the browser for lower case (src/text.rs, push_lowercase).
  const dir = bundleCopy((d) => {
    const f = path.join(d, 'data/policy-2021.json');
    const ds = JSON.parse(fs.readFileSync(f, 'utf8'));
    ds.items[0].title = 'ΣΩΜΑ ДАННЫЕ ÆRØ';
    fs.writeFileSync(f, JSON.stringify(ds));
  });
  await withPage(t, { dir }, async ({ page }) => {
    await ready(page);
    const id = data.items[0].id;
    for (const q of ['σωμα', 'Данные', 'ærø']) {
      await page.fill('#itpe-search', q);
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
      assert.deepEqual(await resultIds(page), [id], `search ${q}`);
      assert.ok(await page.isVisible(`.itpe-result[data-item="${id}"] mark`), `mark for ${q}`);
    }
  });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('facets folded away at a narrow width appear when the app becomes wide, and work', async (t) => {
  await withPage(t, { width: 375, height: 800 }, async ({ page }) => {
    await ready(page);
    assert.equal(await page.locator('#itpe-filter-body input').count(), 0);
    await page.setViewportSize({ width: 1280, height: 800 });
    const kind = 'input[data-facet="kind"] >> nth=0';
    await page.waitForSelector(kind);
    const before = (await resultIds(page)).length;
    await page.check(kind);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('kind'));
    assert.ok((await resultIds(page)).length < before, 'the checked kind filters the results');
    // Narrow again, the built facets stay, folded away, with their state.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.click('.itpe-filters-toggle');
    assert.equal(await page.isChecked(kind), true);
  });
});

test('the year selects filter by milestone year and follow back and forward', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const all = (await resultIds(page)).length;
    await page.selectOption('#itpe-year-from', '2024');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024');
    assert.ok((await resultIds(page)).length < all, 'fewer items from 2024 on');
    assert.match(await page.textContent('.itpe-chips'), /2024/);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
    assert.equal(await page.inputValue('#itpe-year-from'), '', 'back shows "Any" again');
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2024');
    assert.equal(await page.inputValue('#itpe-year-from'), '2024');
    // Each year's option says how many items have a milestone in it under the other filters,
    // the same in both selects, and follows them.
    const text = (sel) => page.textContent(`${sel} option[value="2024"]`);
    const before = await text('#itpe-year-to');
    assert.match(before, /^2024 \(\d+\)$/);
    await page.fill('#itpe-search', 'cyberport');
    await page.waitForFunction((b) => document.querySelector('#itpe-year-to option[value="2024"]').textContent !== b, before);
    assert.equal(await text('#itpe-year-from'), await text('#itpe-year-to'));
  });
});

test('Explore is usable at 375 px: filters fold away, details come first', async (t) => {
  await withPage(t, { width: 375, height: 800, query: '?item=hsitp' }, async ({ page }) => {
    await ready(page);
    assert.equal(await page.isVisible('#itpe-filter-body'), false);
    // Folded away, the facets are not built yet (issue #17: two thirds of the first screen's
    // elements); the first opening builds them, with their counts.
    assert.equal(await page.locator('#itpe-filter-body input').count(), 0);
    await page.click('.itpe-filters-toggle');
    await page.waitForSelector('#itpe-filter-body input[data-facet="kind"]');
    assert.equal(await page.isVisible('#itpe-filter-body'), true);
    assert.match(await page.textContent('[data-facet-group="kind"] .itpe-count'), /\(\d+\)/);
    const detailTop = await page.$eval('.itpe-detail', (e) => e.getBoundingClientRect().top);
    const listTop = await page.$eval('.itpe-result-list', (e) => e.getBoundingClientRect().top);
    assert.ok(detailTop < listTop, 'details above the list');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling');
    await snapshot(page, 'explore-detail-375');
  });
});
