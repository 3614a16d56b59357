// The load path (issue #17): the standalone page asks for the wasm and the glue itself
// (preload hints), the loader asks for the glue and the wasm at once and for the dataset once
// the page has painted (still before a slow wasm has arrived) instead of one after the other,
// and each file is asked for once, also with several instances on one page or another
// dataset named by `data-dataset`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, bundleCopy } from './harness.mjs';

const HOST = { base: '/explorer/', mounts: [{ base: '/gov/', dir: 'examples/embed' }] };
// The paper's dataset as the app loads it (src/pack.rs), and its public JSON.
const DATA = 'data/policy-2021.pack';
const JSON_FILE = 'data/policy-2021.json';

/**
 * Reloads the page with the responses `held` (a route pattern, the wasm's by default) held back
 * `holdMs`, and returns what happened in order: `request <path>` for every request (query left
 * out), and `<name> served` when a held response is let through.
 */
async function reloadLogged(page, context, holdMs, isReady, { held = '**/*.wasm*', name = 'wasm' } = {}) {
  // The page before the reload fetches chunks once its views are drawn and the browser is idle
  // (an item's details): those requests belong to it, not to the reloaded page, so they end first.
  await page.waitForLoadState('networkidle');
  const log = [];
  page.on('request', (r) => log.push(`request ${new URL(r.url()).pathname}`));
  await context.route(held, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    log.push(`${name} served`);
    await route.continue();
  });
  await page.reload();
  await isReady(page);
  return log;
}

/** The paths asked for more than once. */
const repeated = (log) => {
  const requests = log.filter((l) => l.startsWith('request '));
  return requests.filter((r, i) => requests.indexOf(r) !== i);
};

test('standalone: the glue and the dataset are asked for before the wasm arrives, every file once', async (t) => {
  await withPage(t, {}, async ({ page, context }) => {
    await ready(page);
    const log = await reloadLogged(page, context, 600, ready);
    const served = log.indexOf('wasm served');
    assert.ok(served > 0, log.join('\n'));
    for (const file of ['/it-policy-explorer.js', '/it-policy-explorer_bg.wasm', `/${DATA}`]) {
      const at = log.indexOf(`request ${file}`);
      assert.ok(at >= 0 && at < served, `${file} is asked for before the wasm arrives:\n${log.join('\n')}`);
    }
    assert.deepEqual(repeated(log), [], 'no file asked for twice');
    assert.ok(await page.isVisible('.itpe-result'));
  });
});

test('standalone: the page itself asks for the wasm and the glue before loader.js arrives, and the loader takes those responses', async (t) => {
  await withPage(t, {}, async ({ page, context }) => {
    await ready(page);
    const log = await reloadLogged(page, context, 600, ready, { held: '**/loader.js*', name: 'loader' });
    const served = log.indexOf('loader served');
    assert.ok(served > 0, log.join('\n'));
    for (const file of ['/it-policy-explorer.js', '/it-policy-explorer_bg.wasm']) {
      const at = log.indexOf(`request ${file}`);
      assert.ok(at >= 0 && at < served, `${file} is asked for by the page, before loader.js arrives:\n${log.join('\n')}`);
    }
    // The dataset is the loader's to ask for (the mount element may name another).
    assert.ok(log.indexOf(`request /${DATA}`) > served, log.join('\n'));
    assert.deepEqual(repeated(log), [], 'each preloaded file is fetched once: the loader used the hints');
  });
});

test('the app starts after the page\'s first contentful paint (its title), even when everything is at hand at once', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    // A reload: every file is in the cache and the server is on the same machine, so the
    // wasm is at hand before the first paint unless the loader waits for it.
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcpAt = e.startTime;
      }).observe({ type: 'paint', buffered: true });
      new MutationObserver((_, observer) => {
        if (!document.querySelector('nav.itpe-views')) return;
        window.__appAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await ready(page);
      const { fcp, app } = await page.evaluate(() => ({ fcp: window.__fcpAt, app: window.__appAt }));
      assert.ok(fcp > 0 && app > 0, `fcp ${fcp}, app ${app}`);
      assert.ok(app >= fcp, `the app drew at ${app.toFixed(1)} ms, before the first paint at ${fcp.toFixed(1)} ms`);
    }
  });
});

test('the dataset is asked for only once the page has painted its title', async (t) => {
  // The first paint (the paper's title, in the page's HTML) does not need the dataset; asked
  // for before it, the request could end before that paint, and Lighthouse's model then counts
  // its bytes on the paint's path (README "Size and speed", tenth wave).
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    await page.addInitScript(() => {
      window.__fcpAt = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcpAt = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    });
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await ready(page);
      const { fcp, asked } = await page.evaluate((file) => ({
        fcp: window.__fcpAt,
        asked: performance.getEntriesByType('resource').find((e) => e.name.endsWith(file))?.startTime,
      }), DATA);
      assert.ok(fcp > 0 && asked > 0, `fcp ${fcp}, dataset asked for at ${asked}`);
      assert.ok(asked >= fcp, `the dataset was asked for at ${asked.toFixed(1)} ms, before the first paint at ${fcp.toFixed(1)} ms`);
    }
  });
});

test('the app replaces the first paint whole: never its shell without its results', async (t) => {
  // The start draws the shell and the main region in two tasks, off the page: the first time
  // the page shows the app's tabs, the results are there too, and until then the first paint
  // (title and loading message) stays.
  await withPage(t, { width: 412, height: 823 }, async ({ page }) => {
    await ready(page);
    await page.addInitScript(() => {
      window.__seen = [];
      new MutationObserver((_, observer) => {
        const tabs = !!document.querySelector('nav.itpe-views');
        const results = document.querySelectorAll('#itpe-main .itpe-result').length;
        const loading = !!document.querySelector('.itpe-loading');
        window.__seen.push({ tabs, results, loading });
        if (tabs) observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await ready(page);
      const seen = await page.evaluate(() => window.__seen);
      const first = seen.find((s) => s.tabs);
      assert.ok(first, 'the app appeared');
      assert.ok(first.results > 0, `the tabs appeared with ${first.results} results`);
      assert.ok(!first.loading, 'the loading message went with the app\'s arrival');
      assert.ok(seen.some((s) => s.loading && !s.tabs), 'the loading message showed until then');
    }
  });
});

test('two instances on a host page share one request for the dataset', async (t) => {
  const bothReady = async (page) => {
    await page.waitForSelector('[data-itpe-instance="1"] [data-view][aria-current="page"]');
    await page.waitForSelector('[data-itpe-instance="2"] [data-view][aria-current="page"]');
    await page.waitForFunction(() => !document.querySelector('.itpe-loading'));
  };
  await withPage(t, { ...HOST, query: '../gov/host.html?page=2' }, async ({ page, context }) => {
    await bothReady(page);
    const log = await reloadLogged(page, context, 300, bothReady);
    assert.equal(log.filter((l) => l === `request /explorer/${DATA}`).length, 1, log.join('\n'));
    assert.ok(log.indexOf(`request /explorer/${DATA}`) < log.indexOf('wasm served'), log.join('\n'));
    assert.deepEqual(repeated(log), [], 'no file asked for twice');
    // Each instance read the whole dataset from its own copy of the one response.
    for (const n of [1, 2]) {
      assert.match(await page.textContent(`[data-itpe-instance="${n}"] footer`), /dataset version/i);
    }
  });
});

test('data-dataset names another file: that one is fetched, once, and the paper\'s files never', async (t) => {
  const dir = bundleCopy((d) => {
    const data = JSON.parse(fs.readFileSync(path.join(d, JSON_FILE), 'utf8'));
    data.document.dataset_version = '9.9.9-other';
    fs.writeFileSync(path.join(d, 'data/other.json'), JSON.stringify(data));
    const index = path.join(d, 'index.html');
    const html = fs.readFileSync(index, 'utf8');
    assert.match(html, /data-it-policy-explorer data-standalone/);
    fs.writeFileSync(index, html.replace('data-it-policy-explorer data-standalone', 'data-it-policy-explorer data-standalone data-dataset="data/other.json"'));
  });
  await withPage(t, { dir }, async ({ page, context }) => {
    await ready(page);
    const log = await reloadLogged(page, context, 300, ready);
    assert.equal(log.filter((l) => l === 'request /data/other.json').length, 1, log.join('\n'));
    assert.ok(!log.includes(`request /${DATA}`) && !log.includes(`request /${JSON_FILE}`), log.join('\n'));
    assert.match(await page.textContent('footer'), /9\.9\.9-other/);
    assert.equal(
      await page.getAttribute('[data-it-policy-explorer]', 'data-dataset-url'),
      new URL('data/other.json', page.url()).href,
    );
  });
  fs.rmSync(dir, { recursive: true, force: true });
});
