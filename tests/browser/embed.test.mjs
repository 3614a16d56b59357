// Embedding (issue #12): the hostile host page examples/embed/host.html with two instances
// (the bundle at /explorer/, the host at /gov/, the strict CSP), the iframe route's host page
// examples/embed/frame.html with the host script, and "Embed this view".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, snapshot, bundleCopy } from './harness.mjs';

const HOST = { base: '/explorer/', mounts: [{ base: '/gov/', dir: 'examples/embed' }] };
const A = '[data-itpe-instance="1"]';
const B = '[data-itpe-instance="2"]';

/** Waits until both instances show their view with the dataset loaded. */
async function bothReady(page) {
  await page.waitForSelector(`${A} [data-view][aria-current="page"]`);
  await page.waitForSelector(`${B} [data-view][aria-current="page"]`);
  await page.waitForSelector('#itpe-view-title, #itpe-results-title', { state: 'attached' });
  await page.waitForSelector('#itpe2-view-title, #itpe2-results-title', { state: 'attached' });
}

const current = (page, root) => page.getAttribute(`${root} [data-view][aria-current="page"]`, 'data-view');
const search = (page) => page.evaluate(() => location.search);

/** Nothing in the page says that a link setting was ignored. */
async function noNotice(page) {
  assert.doesNotMatch(await page.textContent('body'), /link settings were ignored/);
}

test('embedded by script: the host keeps its parameters, its language and its one h1; two independent instances', async (t) => {
  await withPage(t, { ...HOST, query: '../gov/host.html?page=2&lang=tc#content' }, async ({ page }) => {
    await bothReady(page);
    await noNotice(page);
    assert.equal(await current(page, A), 'map', 'data-state of the first instance');
    assert.equal(await current(page, B), 'timeline', 'data-state of the second instance');
    // lang=tc is the host's: the app stays English and never sets <html lang>.
    assert.equal(await page.getAttribute(`${A} > .itpe`, 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent(`${A} [data-view="explore"]`)).trim(), 'Explore');
    // One h1 (the host's); the app's top heading is an h2, its view title an h3.
    assert.deepEqual(await page.$$eval('h1', (hs) => hs.map((h) => h.textContent.trim())), ['Innovation and technology policy']);
    assert.equal(await page.$eval('#itpe-view-title', (h) => h.tagName), 'H3');
    assert.equal(await page.$eval(`${B} > .itpe h2`, (h) => h.textContent.length > 10), true);
    const duplicates = () => page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    assert.deepEqual(await duplicates(), []);
    assert.equal(await search(page), '?page=2&lang=tc', 'nothing written before the reader acts');

    // Both to Explore: each writes its own prefixed parameter, the host's stay first.
    // (The first keeps its data-state's site filter: filters are shared by every view.)
    await page.click(`${A} [data-view="explore"]`);
    await page.waitForSelector('#itpe-search');
    assert.equal(await search(page), '?page=2&lang=tc&itpe.site=lmc-loop');
    await page.click(`${B} [data-view="explore"]`);
    await page.waitForSelector('#itpe2-search');
    assert.equal(await search(page), '?page=2&lang=tc&itpe.site=lmc-loop&tl.view=explore');
    assert.deepEqual(await duplicates(), [], 'no duplicate id with two Explore views');

    // A search in the first filters the first only.
    // The number of results the instance states ("12 of 120 items").
    const count = async (root) => parseInt(await page.textContent(`${root} [aria-labelledby$="results-title"] > [role="status"]`), 10);
    const [a0, b0] = [await count(A), await count(B)];
    assert.ok(a0 > 0 && b0 > a0, `${a0} items in the Loop, ${b0} in all`);
    await page.fill('#itpe-search', 'cyberport');
    await page.waitForFunction(() => /itpe\.q=cyberport/.test(location.search), null, { timeout: 3000 });
    assert.ok((await count(A)) < a0, 'the first instance is filtered');
    assert.equal(await count(B), b0, 'the second is not');
    assert.equal(await page.inputValue('#itpe2-search'), '');
    assert.equal(await search(page), '?page=2&lang=tc&tl.view=explore&itpe.q=cyberport&itpe.site=lmc-loop');

    // Back and forward: each instance follows only its own parameters.
    await page.goBack();
    await page.waitForFunction(() => !/tl\.view/.test(location.search));
    await page.waitForSelector(`${B} [data-view="timeline"][aria-current="page"]`);
    assert.equal(await current(page, A), 'explore');
    assert.equal(await page.inputValue('#itpe-search'), '', 'the search was typed in the entry left');
    assert.match(await search(page), /^\?page=2&lang=tc&/);
    await page.goBack();
    await page.waitForSelector(`${A} [data-view="map"][aria-current="page"]`);
    assert.equal(await search(page), '?page=2&lang=tc');
    await page.goForward();
    await page.waitForSelector(`${A} [data-view="explore"][aria-current="page"]`);
    assert.equal(await current(page, B), 'timeline');
    assert.match(await search(page), /^\?page=2&lang=tc&/);
    await noNotice(page);

    // The app's links keep the host's parameters too (open in a new tab works).
    const href = await page.getAttribute(`${B} [data-view="charts"]`, 'href');
    assert.match(href, /^\?page=2&lang=tc&.*tl\.view=charts/);
    // The language switcher changes the instance's own language only.
    // By keyboard: on the unstyled host page (no app stylesheet in this branch) the host's
    // fixed-height header lets the tabs overlap the switcher.
    await page.focus(`${A} a[hreflang="zh-Hant-HK"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /itpe\.lang=zh-hant/.test(location.search));
    // The address changes at once; the interface once the Chinese edition's code has arrived.
    await page.waitForFunction((root) => document.querySelector(root)?.getAttribute('lang') === 'zh-Hant-HK', `${A} > .itpe`);
    assert.equal(await page.getAttribute(`${B} > .itpe`, 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await search(page), /^\?page=2&lang=tc&/);
    assert.equal(await page.evaluate(() => location.hash), '#content', 'the host\'s hash is kept too');
    await snapshot(page, 'embed-host');
  });
});

test('embedded: an unknown parameter under the instance\'s prefix is reported; the host\'s never', async (t) => {
  await withPage(t, { ...HOST, query: '../gov/host.html?page=2&itpe.bogus=1&tl.view=nowhere' }, async ({ page }) => {
    await page.waitForSelector(`${A} [data-view][aria-current="page"]`);
    await page.waitForSelector(`${B} [data-view][aria-current="page"]`);
    const notices = await page.$$eval('[data-itpe-instance] [role="status"] code', (cs) => cs.map((c) => c.textContent));
    assert.deepEqual(notices.sort(), ['itpe.bogus=1', 'tl.view=nowhere']);
    assert.doesNotMatch(await page.textContent(`${A}`), /page=2/);
  });
});

/** Inside a frame: the app's content height, as its page measures it. */
const contentHeight = (frame) => frame.evaluate(() => {
  const root = document.querySelector('[data-itpe-instance]');
  return Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
});

/** Waits (at most `ms`) until the iframe's box is the frame's content height; the time taken. */
async function sized(page, frame, ms) {
  const start = Date.now();
  for (;;) {
    const want = await contentHeight(frame);
    const got = await page.$eval('iframe[data-it-policy-explorer-frame]', (f) => f.clientHeight);
    if (Math.abs(got - want) <= 1) return Date.now() - start;
    if (Date.now() - start > ms) assert.fail(`iframe ${got}px, content ${want}px after ${ms} ms`);
    await page.waitForTimeout(50);
  }
}

test('iframe route: the host script sizes the frame to its content after load and after a view switch', async (t) => {
  await withPage(t, { ...HOST, query: '../gov/frame.html?page=2' }, async ({ page }) => {
    const element = await page.waitForSelector('iframe[data-it-policy-explorer-frame]');
    const frame = await element.contentFrame();
    await frame.waitForSelector('#itpe-view-title');
    await frame.waitForSelector('[data-site]', { state: 'attached' });
    const loaded = await sized(page, frame, 1000);
    assert.ok(loaded <= 1000, `sized ${loaded} ms after load`);
    // The frame's page: a compact title and the full app with the same state in a new tab.
    assert.equal(await frame.$$eval('h1', (hs) => hs.length), 1);
    const full = await frame.$('[data-full-app]');
    assert.equal(await full.getAttribute('target'), '_blank');
    assert.equal(await full.getAttribute('rel'), 'noopener');
    assert.match(await full.getAttribute('href'), /\/explorer\/index\.html\?view=map&site=lmc-loop$/);
    const before = await contentHeight(frame);
    await frame.click('[data-view="source"]');
    await frame.waitForSelector('[id^="itpe-para-"]');
    await frame.waitForFunction((h) => {
      const root = document.querySelector('[data-itpe-instance]');
      return Math.ceil(root.getBoundingClientRect().bottom + window.scrollY) !== h;
    }, before);
    const switched = await sized(page, frame, 1000);
    assert.ok(switched <= 1000, `sized ${switched} ms after a view switch`);
    assert.equal(await page.evaluate(() => location.search), '?page=2', 'the frame never touches the host\'s address');
    await snapshot(page, 'embed-frame-host');
  });
});

test('iframe route: the frame\'s page on its own has no page header, and a link to the full app', async (t) => {
  await withPage(t, { ...HOST, query: 'embed.html?view=charts' }, async ({ page }) => {
    await page.waitForSelector('#itpe-view-title');
    assert.equal(await page.$$eval('[hreflang]', (as) => as.length), 0, 'no page header (language switcher)');
    assert.match(await page.textContent('[data-full-app]'), /^Open the full app/);
    assert.equal(await page.$eval('#itpe-view-title', (h) => h.tagName), 'H2', 'the frame is a page: its title is the h1');
  });
});

test('Embed this view: the snippets hold the current view and filters, and copy', async (t) => {
  await withPage(t, { query: '?view=map&site=lmc-loop&q=loop' }, async ({ page, context, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.waitForSelector('#itpe-view-title');
    const button = page.locator('button[data-takeaway="embed"]');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const frameCode = await page.inputValue('#itpe-embed-frame');
    const base = new URL('./', server.url).href;
    assert.equal(frameCode,
      `<iframe src="${base}embed.html?view=map&amp;q=loop&amp;site=lmc-loop" data-it-policy-explorer-frame title="I&amp;T Policy Explorer: Map" width="100%" height="640" loading="lazy"></iframe>\n` +
      `<script defer src="${base}embed.js"></script>`);
    const scriptCode = await page.inputValue('#itpe-embed-script');
    assert.equal(scriptCode,
      `<div data-it-policy-explorer data-state="view=map&amp;q=loop&amp;site=lmc-loop"></div>\n<script defer src="${base}loader.js"></script>`);
    await page.click('button[data-takeaway="copy-embed-frame"]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('[role="status"][class*="takeaway-status"]').textContent));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), frameCode);
    // The snippets follow the state.
    await page.click('[data-view="timeline"]');
    await page.waitForFunction(() => /view=timeline/.test(document.querySelector('#itpe-embed-script').value));
    await snapshot(page, 'embed-dialog');
  });
});

test('a panic in one instance shows the message in every instance of the page (one wasm)', async (t) => {
  await withPage(t, { ...HOST, query: '../gov/host.html?page=2', expectErrors: ['panicked at', 'unreachable'] }, async ({ page, problems }) => {
    await bothReady(page);
    // A browser fault the app cannot expect: creating SVG elements throws from now on.
    await page.evaluate(() => {
      Document.prototype.createElementNS = () => { throw new Error('injected fault'); };
    });
    await page.click(`${B} [data-view="map"]`);
    for (const root of [A, B]) {
      await page.waitForSelector(`${root} [role="alert"]`, { timeout: 5000 });
      assert.match(await page.textContent(`${root} [role="alert"]`), /Something went wrong and the app stopped/);
    }
    problems.splice(0, problems.length, ...problems.filter((p) => !/unreachable|injected fault/.test(p)));
    assert.match(await page.textContent('h1'), /Innovation and technology policy/, 'the host page stays');
  });
});

test('data-url="off", data-lang, the host\'s <html lang> and data-heading-level', async (t) => {
  const dir = bundleCopy((d) => {
    fs.mkdirSync(path.join(d, 'host'));
    fs.writeFileSync(path.join(d, 'host/page.html'), '<!doctype html><html lang="zh-HK"><head><meta charset="utf-8"><title>Host</title>' +
      '<script defer src="../loader.js"></script></head><body><h1>A host page</h1>' +
      '<div data-it-policy-explorer data-url="off" data-state="view=charts" data-heading-level="3"></div>' +
      '<div data-it-policy-explorer data-lang="en"></div></body></html>');
  });
  try {
    await withPage(t, { dir, query: 'host/page.html?x=1' }, async ({ page, url }) => {
      await page.waitForSelector('#itpe-view-title');
      await page.waitForSelector('#itpe2-results-title', { state: 'attached' });
      // The first follows the host's <html lang="zh-HK">; the second its data-lang.
      await page.waitForFunction(() => document.querySelector('#itpe-view-title').textContent === '圖表');
      assert.equal(await page.getAttribute(`${A} > .itpe`, 'lang'), 'zh-Hant-HK');
      assert.equal(await page.getAttribute(`${B} > .itpe`, 'lang'), 'en');
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-HK', 'the host\'s <html lang> is left alone');
      // Headings: the first's top heading an h3 (data-heading-level), the second's an h2.
      const top = (root) => page.$eval(root, (r) => r.querySelector('h1, h2, h3, h4, h5, h6').tagName);
      assert.equal(await top(A), 'H3');
      assert.equal(await top(B), 'H2');
      assert.equal(await page.$eval('#itpe-view-title', (h) => h.tagName), 'H4');
      assert.equal(await page.$eval('#itpe2-results-title', (h) => h.tagName), 'H3');
      // In memory only: the address never changes, the tabs link to the standalone app.
      assert.equal(new URL(await page.getAttribute(`${A} [data-view="map"]`, 'href')).href, new URL('../index.html?view=map&lang=zh-hant', url).href);
      await page.focus(`${A} [data-view="map"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${A} [data-view="map"][aria-current="page"]`);
      assert.equal(await page.evaluate(() => location.search), '?x=1');
      await page.focus(`${B} [data-view="timeline"]`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.search === '?x=1&itpe2.view=timeline');
      await page.goBack();
      await page.waitForSelector(`${B} [data-view="explore"][aria-current="page"]`);
      assert.equal(await current(page, A), 'map', 'back/forward leave the in-memory instance alone');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
