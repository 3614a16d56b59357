// Robustness (issue #16): hostile datasets, URLs and faults. Each numbered defect of the issue
// is reproduced with its mutation; a long session checks that memory stays flat; a panic shows
// a message with a reload button; every failed dataset load says what went wrong and retries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, snapshot, bundleCopy } from './harness.mjs';

// The paper's JSON (an edited copy is named by the page: see bundleCopy), and the pack the app
// loads by default (src/pack.rs).
const DATA = 'data/policy-2021.json';
const PACK = 'data/policy-2021.pack';

/** A copy of the bundle whose dataset is changed by `mutate(json)` (or replaced by a string). */
function mutated(mutate) {
  return bundleCopy((dir) => {
    const file = path.join(dir, DATA);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    const out = mutate(data) ?? data;
    fs.writeFileSync(file, typeof out === 'string' ? out : JSON.stringify(out));
  });
}

const dropped = (page) => page.locator('.itpe-dropped-records li').allTextContents();

test('1. a negative trend value is left out with a notice; Charts draws and the tabs still work', async (t) => {
  const dir = mutated((d) => { d.figures.find((f) => f.id === 'f-p3-1').value = -1e18; });
  await withPage(t, { dir, query: '?view=charts' }, async ({ page }) => {
    const started = Date.now();
    await ready(page);
    await page.waitForFunction(() => document.querySelectorAll('.itpe-chart-svg svg').length === 4);
    assert.ok(Date.now() - started < 5000, `charts took ${Date.now() - started} ms`);
    const rows = await dropped(page);
    assert.equal(rows.length, 1);
    assert.match(rows[0], /figure "f-p3-1" \(-1e18\): its value is not a number in the range of its unit/);
    // The series keeps its other point; no chart draws the dropped value.
    assert.doesNotMatch(await page.textContent('figure[data-chart="trends"] svg'), /-1,000,000/);
    await snapshot(page, 'robust-1-charts');
    await page.click('nav.itpe-views a[data-view="explore"]');
    await page.waitForSelector('.itpe-result-list, .itpe-results');
    assert.doesNotMatch(page.url(), /view=charts/);
  });
});

test('4. milestones dated year 0 and 9999 are left out; the year selects stay short', async (t) => {
  const dir = mutated((d) => {
    d.milestones[0].date.start = '0000-01-01';
    d.milestones[1].date.end = '9999-12-31';
  });
  await withPage(t, { dir }, async ({ page }) => {
    await ready(page);
    const rows = await dropped(page);
    assert.equal(rows.length, 2, rows.join('\n'));
    assert.match(rows.join('\n'), /its date is not a day between 1990 and 2100/);
    const options = await page.locator('#itpe-year-from option').count();
    assert.ok(options > 5 && options <= 112, `${options} year options`);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    assert.ok(nodes < 20000, `${nodes} DOM nodes`);
  });
});

test('5. sites off the map are left out with a notice; the map draws only finite paths', async (t) => {
  const dir = mutated((d) => {
    d.sites[0].lat = 1e308;
    d.sites[1].lat = -91;
    d.sites[2].lon = 999;
  });
  await withPage(t, { dir, query: '?view=map' }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe svg path');
    const rows = await dropped(page);
    assert.equal(rows.length, 3, rows.join('\n'));
    for (const r of rows) assert.match(r, /its position is outside Hong Kong and Shenzhen/);
    const bad = await page.evaluate(() => [...document.querySelectorAll('.itpe svg path')]
      .map((p) => p.getAttribute('d') || '').filter((d) => /NaN|Infinity/.test(d)).length);
    assert.equal(bad, 0);
    await snapshot(page, 'robust-5-map');
  });
});

test('6. an id with a quote refuses the dataset, naming the file, the record and the rule', async (t) => {
  const dir = mutated((d) => {
    const old = d.sites[0].id;
    d.sites[0].id = 'lmc"loop';
    for (const i of d.items) i.sites = i.sites.map((s) => (s === old ? 'lmc"loop' : s));
    for (const f of d.figures) if (f.site === old) f.site = 'lmc"loop';
  });
  await withPage(t, { dir, query: '?view=map' }, async ({ page }) => {
    await page.waitForSelector('.itpe-error-summary');
    assert.match(await page.textContent('.itpe-error-file'), /data\/policy-2021\.json$/);
    const problem = await page.textContent('.itpe-error-problem');
    assert.match(problem, /site "lmc"loop"/);
    assert.match(problem, /ids use letters, digits/);
    await snapshot(page, 'robust-6-refused');
  });
});

/** Serves the dataset with `status` (an empty body), then lets it through again. */
async function failingStatus(t, status, wording, lang = '') {
  await withPage(t, { query: lang, expectErrors: [`status of ${status}`] }, async ({ page, context }) => {
    await ready(page);
    let fail = true;
    await context.route(`**/${PACK}`, (route) => (fail ? route.fulfill({ status, body: '' }) : route.continue()));
    await page.reload();
    await page.waitForSelector('.itpe-error-summary');
    const problem = await page.textContent('.itpe-error-problem');
    assert.match(problem, wording);
    assert.match(problem, new RegExp(`HTTP (status|狀態|状态) ${status}`));
    fail = false;
    await page.click('.itpe-error-summary button');
    await page.waitForSelector('.itpe-dataset-counts');
    assert.equal(await page.locator('.itpe-error-summary').count(), 0);
  });
}

test('8. HTTP 500 is a server fault, 404 not found, 403 refused: each with a retry', async (t) => {
  await failingStatus(t, 500, /The server failed while sending the file/);
  await failingStatus(t, 404, /The file was not found/);
  await failingStatus(t, 403, /伺服器拒絕存取檔案/, '?lang=zh-hant');
});

test('8. a schema_version of 1.0, -1 or 2^64 is named as such, not as a missing field', async (t) => {
  for (const v of ['1.0', '-1', '18446744073709551616']) {
    const dir = mutated((d) => JSON.stringify(d).replace('"schema_version":1', `"schema_version":${v}`));
    await withPage(t, { dir }, async ({ page }) => {
      await page.waitForSelector('.itpe-error-summary');
      const problem = await page.textContent('.itpe-error-problem');
      assert.match(problem, /schema_version` is .*not a version number/, problem);
      assert.doesNotMatch(problem, /missing/);
    });
  }
});

test('9. URL notices are capped, short, report repeats, and the search limit holds on write', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    // A link too long for a server to accept as a request line: followed in the page instead.
    await page.evaluate(() => {
      const ids = Array.from({ length: 5000 }, (_, i) => `x${i}`).join(',');
      history.pushState(null, '', `?${'y'.repeat(100_000)}=1&area=${ids}&view=map&view=timeline`);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForSelector('.itpe-notice li');
    const rows = await page.locator('.itpe-notice:not(.itpe-dropped-records) li').allTextContents();
    assert.equal(rows.length, 21, `${rows.length} notice rows`);
    assert.match(rows.at(-1), /and 4982 more/);
    assert.match(rows[0], /^y{60}…=1: unknown setting/);
    assert.ok(rows.some((r) => /view=map: given more than once; the last value is used/.test(r)), rows.slice(0, 3).join('\n'));
    const width = await page.evaluate(() => document.querySelector('.itpe-notice').scrollWidth);
    assert.ok(width <= 1280, `notice is ${width}px wide`);
    const current = await page.getAttribute('nav.itpe-views a[aria-current="page"]', 'data-view');
    assert.equal(current, 'timeline', 'the last value is used');
    await snapshot(page, 'robust-9-notices');
  });
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const box = page.locator('input[type="search"]');
    await box.fill('z'.repeat(300));
    await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
    const q = await page.evaluate(() => new URL(location.href).searchParams.get('q'));
    assert.equal(q.length, 200);
    assert.equal((await box.inputValue()).length, 200);
  });
});

test('a panic shows a message with a reload button instead of a dead app', async (t) => {
  await withPage(t, { query: '?view=timeline&tl=axis', expectErrors: ['panicked at', 'unreachable'] }, async ({ page, problems }) => {
    await ready(page);
    // A browser fault the app cannot expect: creating SVG elements throws from now on.
    await page.evaluate(() => {
      Document.prototype.createElementNS = () => { throw new Error('injected fault'); };
    });
    await page.click('nav.itpe-views a[data-view="map"]');
    await page.waitForSelector('.itpe-error-summary.itpe-crash', { timeout: 5000 });
    const text = await page.textContent('.itpe-error-summary.itpe-crash');
    assert.match(text, /Something went wrong and the app stopped/);
    assert.match(text, /發生錯誤/);
    assert.match(text, /发生错误/);
    await snapshot(page, 'robust-panic');
    // The trap after the panic reaches the page as an uncaught "unreachable": expected here.
    problems.splice(0, problems.length, ...problems.filter((p) => !/unreachable|injected fault/.test(p)));
    await Promise.all([page.waitForEvent('load'), page.click('.itpe-error-summary.itpe-crash button')]);
    await ready(page);
    assert.equal(await page.locator('.itpe-error-summary.itpe-crash').count(), 0);
    assert.match(page.url(), /view=map/, 'the link kept the view');
    await page.waitForSelector('.itpe svg path');
  });
});

/** Wasm memory (captured at instantiation), JS heap and DOM nodes, after a garbage collection. */
async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasm = await page.evaluate(() => window.__itpeMemory?.buffer.byteLength ?? 0);
  return { wasm, heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners };
}

test('2. a long session (200 view switches, 100 back/forward steps, 150 searches) keeps wasm memory, JS heap and DOM nodes flat', async (t) => {
  await withPage(t, {}, async ({ page, context }) => {
    await page.addInitScript(() => {
      for (const name of ['instantiateStreaming', 'instantiate']) {
        const orig = WebAssembly[name];
        WebAssembly[name] = async function (...args) {
          const r = await orig.apply(this, args);
          const exports = (r.instance || r).exports || {};
          for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) window.__itpeMemory = v;
          return r;
        };
      }
    });
    await page.reload();
    await ready(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const switches = (n, views) => page.evaluate(async ({ n, views }) => {
      const tick = () => new Promise((r) => setTimeout(r, 0));
      for (let i = 0; i < n; i++) {
        document.querySelector(`nav.itpe-views a[data-view="${views[i % views.length]}"]`).click();
        await tick();
      }
    }, { n, views });
    const steps = (n) => page.evaluate(async (n) => {
      const moved = () => new Promise((r) => addEventListener('popstate', () => setTimeout(r, 0), { once: true }));
      for (let i = 0; i < n; i++) {
        const done = moved();
        if (i % 2) history.forward(); else history.back();
        await done;
      }
    }, n);
    // Warm-up: every view once, and a first round of each kind of navigation.
    const backAndForth = async (n) => {
      await page.click('nav.itpe-views a[data-view="timeline"]');
      await page.click('nav.itpe-views a[data-view="explore"]');
      await steps(n);
    };
    // Searches typed in Explore: result rows come and go.
    const typing = (n) => page.evaluate(async (n) => {
      const words = ['fund', 'science park', 'smart', 'loop', 'talent', 'data', 'hk$', 'school', ''];
      const box = document.querySelector('input[type="search"]');
      for (let i = 0; i < n; i++) {
        box.value = words[i % words.length];
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
      }
    }, n);
    await switches(60, ['explore', 'timeline', 'map', 'charts', 'source']);
    await switches(40, ['explore', 'source']);
    await backAndForth(20);
    await typing(50);
    const before = await measure(page, cdp);
    assert.ok(before.wasm > 0, 'the wasm memory was found');
    let started = Date.now();
    await switches(200, ['explore', 'source']);
    t.diagnostic(`200 view switches: ${Date.now() - started} ms`);
    started = Date.now();
    await backAndForth(100);
    t.diagnostic(`100 back/forward steps: ${Date.now() - started} ms`);
    started = Date.now();
    await typing(150);
    t.diagnostic(`150 searches typed: ${Date.now() - started} ms`);
    const after = await measure(page, cdp);
    t.diagnostic(`before ${JSON.stringify(before)} after ${JSON.stringify(after)}`);
    const mb = (b) => (b / 2 ** 20).toFixed(1);
    assert.ok(after.wasm - before.wasm <= 2 ** 20, `wasm memory ${mb(before.wasm)} -> ${mb(after.wasm)} MB`);
    assert.ok(after.heap - before.heap <= 3 * 2 ** 20, `JS heap ${mb(before.heap)} -> ${mb(after.heap)} MB`);
    assert.ok(after.nodes <= before.nodes * 1.2 + 500, `DOM nodes ${before.nodes} -> ${after.nodes}`);
    assert.ok(after.listeners <= before.listeners * 1.2 + 50, `listeners ${before.listeners} -> ${after.listeners}`);
  });
});
