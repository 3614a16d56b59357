// Embedding, styles (issue #12): the app on a hostile host page (examples/embed, served at /gov/
// beside the bundle at /explorer/, under the strict CSP) changes none of the host's elements,
// looks as it does on its own page, and lays itself out by the width of its column.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ready, snapshot, withPage } from './harness.mjs';

const HOST = path.resolve('examples/embed');
const HOST_QUERY = '?page=2&lang=tc';

/**
 * The host page's folder, with `bare.html`: host.html without the loader (the host as it is
 * without the app).
 */
function hostFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itpe-host-'));
  fs.cpSync(HOST, dir, { recursive: true });
  const html = fs.readFileSync(path.join(HOST, 'host.html'), 'utf8');
  const bare = html.replace(/\s*<script\b[^>]*loader\.js[^>]*><\/script>/, '');
  assert.notEqual(bare, html, 'host.html loads the loader');
  fs.writeFileSync(path.join(dir, 'bare.html'), bare);
  return dir;
}

const onHost = (t, opts, body) => {
  const dir = hostFolder();
  return withPage(t, { base: '/explorer/', mounts: [{ base: '/gov/', dir }], query: `../gov/host.html${HOST_QUERY}`, ...opts }, body)
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
};

/** Every app instance on the page (a root `.itpe` in each mount element) has started. */
async function allReady(page) {
  await page.waitForFunction(() => {
    const mounts = [...document.querySelectorAll('[data-it-policy-explorer], #it-policy-explorer')];
    const started = mounts.filter((m) => m.querySelector('.itpe nav.itpe-views'));
    return mounts.length > 1 && started.length === mounts.length && !document.querySelector('.itpe-loading');
  });
  return page.evaluate(() => document.querySelectorAll('.itpe nav.itpe-views').length);
}

/** Shows `view` in every instance (each its own tabs). */
async function showEverywhere(page, view, selector) {
  const tabs = page.locator(`.itpe nav.itpe-views a[data-view="${view}"]`);
  for (let i = 0; i < await tabs.count(); i++) await tabs.nth(i).click();
  await page.waitForFunction(([v, sel]) => [...document.querySelectorAll('.itpe nav.itpe-views')]
    .every((nav) => nav.querySelector(`a[aria-current="page"]`)?.dataset.view === v
      && nav.closest('.itpe').querySelector(sel)), [view, selector]);
}

/** Opens every instance's filter panel where it is folded away (a column of 62em or less),
 * so that its facets are built (they are on first opening) and their style can be read. */
async function openFilters(page) {
  const toggles = page.locator('.itpe-filters-toggle');
  for (let i = 0; i < await toggles.count(); i++) {
    if (await toggles.nth(i).isVisible()) await toggles.nth(i).click();
  }
  await page.waitForFunction(() => [...document.querySelectorAll('.itpe-filter-body')]
    .every((body) => body.querySelector('.itpe-facet legend')));
}

const PROPS = [
  'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing',
  'text-transform', 'text-indent', 'text-align', 'text-decoration-line', 'white-space', 'display',
  'box-sizing', 'width', 'height', 'vertical-align', 'transform', 'list-style-type',
  ...['top', 'right', 'bottom', 'left'].flatMap((s) => [`margin-${s}`, `padding-${s}`, `border-${s}-width`, `border-${s}-style`, `border-${s}-color`]),
  'border-top-left-radius', 'background-color', 'background-image', 'box-shadow', 'outline-style',
];

/** The computed PROPS of the first element of each selector (null if none), inside `scope`. */
function styles(page, selectors, scope = null, skip = []) {
  return page.evaluate(([sels, props, scopeSel, skipProps]) => {
    const root = scopeSel ? document.querySelector(scopeSel) : document;
    return Object.fromEntries(sels.map((s) => {
      const el = root.querySelector(s);
      if (!el) return [s, null];
      const cs = getComputedStyle(el);
      return [s, Object.fromEntries(props.filter((p) => !skipProps.includes(p)).map((p) => [p, cs.getPropertyValue(p)]))];
    }));
  }, [selectors, PROPS, scope, skip]);
}

// The host's own elements. Containers that hold the app grow with it: no height for those.
// (Host classes as [class~=...]: /work/prefix-classes.py, which prefixes the app's, skips these.)
const HOST_LEAVES = ['header[class~="header"]', 'header nav a', 'h1', 'main h2', 'p[class~="notice"]',
  'p:not([class~="notice"])', 'a[href="#content"]', 'span[class~="tag"]', 'span[class~="hint"]',
  'span[class~="visually-hidden"]', 'input[class~="search"]', 'select', 'button[class~="button"]', 'table', 'th', 'td'];
const HOST_BOXES = ['html', 'body', 'main#content', '[data-it-policy-explorer]'];
// Their side margins are compared where they show, as each box's left edge and width: Chromium
// 156 reports the used value of an `auto` margin (the host's centred column) as "0px" once a
// size container inside the box has been laid out again, in some runs, while the box stays put.
const BOX_SKIP = ['height', 'margin-left', 'margin-right'];

/** The left edge and width of the first element of each selector, in CSS pixels. */
function placed(page, selectors) {
  return page.evaluate((sels) => Object.fromEntries(sels.map((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return [s, r ? [Math.round(r.left), Math.round(r.width)] : null];
  })), selectors);
}

test('the host page: its elements look the same with and without the app, which adds one stylesheet and no page rules', async (t) => {
  await onHost(t, {}, async ({ page, server }) => {
    const bare = `${server.origin}/gov/bare.html${HOST_QUERY}`;
    await page.goto(bare);
    const without = { ...await styles(page, HOST_LEAVES), ...await styles(page, HOST_BOXES, null, BOX_SKIP) };
    const placedWithout = await placed(page, HOST_BOXES);

    await page.goto(`${server.origin}/gov/host.html${HOST_QUERY}`);
    const instances = await allReady(page);
    assert.equal(instances, 2, 'both instances of the host page started');
    const withApp = { ...await styles(page, HOST_LEAVES), ...await styles(page, HOST_BOXES, null, BOX_SKIP) };
    for (const sel of [...HOST_LEAVES, ...HOST_BOXES]) {
      assert.ok(without[sel], `the host page has ${sel}`);
      assert.deepEqual(withApp[sel], without[sel], `${sel} is unchanged by the app`);
    }
    assert.deepEqual(await placed(page, HOST_BOXES), placedWithout, 'the host boxes keep their place and width');

    // One stylesheet, added by the loader, with a content hash; not the standalone page's.
    const links = await page.$$eval('link[rel="stylesheet"]', (ls) => ls.map((l) => new URL(l.href).pathname + new URL(l.href).search));
    const app = links.filter((l) => l.startsWith('/explorer/'));
    assert.equal(app.length, 1, `one app stylesheet: ${links}`);
    assert.match(app[0], /^\/explorer\/it-policy-explorer\.css\?v=[0-9a-f]{12}$/);
    // Every selector of it starts at the app's root or ends on an element of the app's classes.
    const outside = await page.evaluate(() => {
      const sheet = [...document.styleSheets].find((s) => s.href?.includes('/explorer/'));
      const bad = [];
      const selectors = (text) => {
        const list = [];
        let depth = 0;
        let start = 0;
        [...text].forEach((c, i) => {
          if (c === '(' || c === '[') depth++;
          if (c === ')' || c === ']') depth--;
          if (c === ',' && depth === 0) { list.push(text.slice(start, i)); start = i + 1; }
        });
        return [...list, text.slice(start)].map((s) => s.trim());
      };
      const check = (rules) => {
        for (const r of rules) {
          // A page rule reaches the host only unnamed (or named for the host's elements): the
          // app's own, for its standalone page, is named itpe-... and used by that page's body.
          if (r instanceof CSSPageRule) {
            if (!/^itpe-[\w-]+$/.test(r.selectorText)) bad.push(`@page ${r.selectorText}`);
          } else if (r.selectorText) {
            for (const sel of selectors(r.selectorText)) {
              // Compounds and combinators, outside parentheses; an app class on a compound
              // followed by a descendant or child step (or by nothing) keeps the rest inside.
              const parts = sel.replace(/\s*([>+~])\s*/g, ' $1 ').split(/\s+/);
              const app = (p) => /\.itpe(?![\w-])|\.itpe-[\w-]/.test(p.replace(/\(.*\)/g, ''));
              const own = parts.findIndex(app);
              if (!app(parts.at(-1)) && (own < 0 || ['+', '~'].includes(parts[own + 1]))) bad.push(sel);
            }
          } else if (r.cssRules) check(r.cssRules);
        }
      };
      check(sheet.cssRules);
      return bad;
    });
    assert.deepEqual(outside, [], 'no rule outside the app');
    // The host's html font size (20px) is not the app's.
    const rootSizes = await page.$$eval('.itpe', (rs) => rs.map((r) => getComputedStyle(r).fontSize));
    assert.ok(rootSizes.every((s) => s === '16px'), `root font sizes ${rootSizes}`);
  });
});

/** The paper size a page prints on when it follows its own CSS, in PDF points. */
async function paper(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  return pdf.match(/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/).slice(1, 3).map((n) => Math.round(Number(n)));
}

test('the standalone page prints on A4; a host page keeps its own paper', async (t) => {
  await withPage(t, { base: '/explorer/', query: 'index.html' }, async ({ page }) => {
    await ready(page);
    assert.deepEqual(await paper(page), [595, 842], 'A4');
  });
  await onHost(t, {}, async ({ page }) => {
    await allReady(page);
    // Chromium's default paper, as the host page without the app prints.
    assert.deepEqual(await paper(page), [612, 792], 'US Letter, the browser default');
  });
});

// The app's own elements, compared with the standalone page at the same root width.
const APP_PARTS = ['.itpe-paper-title', '.itpe-app-name', '.itpe-views a', '.itpe-views a[aria-current="page"]',
  '.itpe-takeaway-downloads > summary', '.itpe-search-label', '.itpe-search input', '.itpe-hint',
  '.itpe-facet legend', '.itpe-facet-options input', '.itpe-facet-options label', '.itpe-result-count',
  '.itpe-result-title', '.itpe-result-title a', '.itpe-result-meta', '.itpe-result-summary', '.itpe-tag',
  '.itpe-dataset-counts', '.itpe-site-footer p', '.itpe-lang-switch a'];

test("the app's heading, tabs, buttons, search box, result titles and tags look as on its own page", async (t) => {
  const WIDTH = 1000;
  let standalone;
  await withPage(t, { base: '/explorer/', query: 'index.html', width: WIDTH }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe-result-title');
    await openFilters(page);
    standalone = await styles(page, APP_PARTS, '.itpe');
    standalone.root = (await styles(page, ['.itpe'], null, ['height']))['.itpe'];
  });
  for (const sel of APP_PARTS) assert.ok(standalone[sel], `the standalone page has ${sel}`);

  await onHost(t, {}, async ({ page }) => {
    await page.evaluate((w) => { document.querySelector('main#content').style.width = `${w}px`; }, WIDTH);
    const instances = await allReady(page);
    await showEverywhere(page, 'explore', '.itpe-result-title');
    // The same results as the standalone page (the first instance starts filtered to a site),
    // so that the facets' counts, and with them the options' widths, are the same.
    for (const clear of await page.locator('.itpe-clear-all').all()) await clear.click();
    await page.waitForFunction(() => !document.querySelector('.itpe-clear-all'));
    await openFilters(page);
    await page.mouse.move(0, 0); // no :hover on the last tab clicked
    for (let i = 0; i < instances; i++) {
      const embedded = await page.evaluate(([n, sels, props]) => {
        const root = document.querySelectorAll('.itpe')[n];
        const read = (el) => el && Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
        // The root's height aside: the host's own query parameters may add a notice.
        const { height: _, ...rootStyle } = read(root);
        return { root: rootStyle, ...Object.fromEntries(sels.map((s) => [s, read(root.querySelector(s))])) };
      }, [i, APP_PARTS, PROPS]);
      assert.equal(embedded.root.width, standalone.root.width, `instance ${i + 1}: the same root width as standalone`);
      for (const sel of ['root', ...APP_PARTS]) {
        assert.deepEqual(embedded[sel], standalone[sel], `instance ${i + 1}: ${sel} as on the standalone page`);
      }
    }
    await snapshot(page, 'embed-host-1000');
  });
});

/** Sizes of each instance's root and of its parts, in the current view. */
function measure(page, parts) {
  return page.$$eval('.itpe', (roots, sels) => roots.map((root) => {
    const box = root.getBoundingClientRect();
    return {
      width: box.width,
      overflow: root.scrollWidth - root.clientWidth,
      parts: Object.fromEntries(sels.map((s) => {
        const el = root.querySelector(s);
        const b = el?.getBoundingClientRect();
        return [s, b ? { left: b.left - box.left, right: b.right - box.left, width: b.width } : null];
      })),
    };
  }), parts);
}

test('columns of 320, 600, 1000 and 1200 px: the layout follows the column, not the window, and never overflows', async (t) => {
  await onHost(t, { width: 1280, height: 900 }, async ({ page }) => {
    await allReady(page);
    for (const column of [320, 600, 1000, 1200]) {
      await page.evaluate((w) => { document.querySelector('main#content').style.width = `${w}px`; }, column);
      for (const [view, shown] of [['explore', '.itpe-result-list'], ['map', '.itpe-map-frame .itpe-map-marker'],
        ['charts', '.itpe-chart-svg svg'], ['source', '.itpe-source'], ['timeline', '.itpe-tl-chart, .itpe-tl-list, .itpe-tl-empty']]) {
        await showEverywhere(page, view, shown);
        await page.waitForTimeout(150); // a resize observer's redraw
        for (const [i, m] of (await measure(page, ['.itpe-result-list', '.itpe-explore-filters', '.itpe-map-frame'])).entries()) {
          const where = `column ${column}px, ${view}, instance ${i + 1}`;
          assert.equal(Math.round(m.width), column, `${where}: the root fills the column`);
          assert.ok(m.overflow <= 1, `${where}: no horizontal overflow (${m.overflow}px)`);
          const list = m.parts['.itpe-result-list'];
          const map = m.parts['.itpe-map-frame'];
          if (view === 'explore') {
            const filters = m.parts['.itpe-explore-filters'];
            if (column <= 1000) {
              // One column, as in a window this narrow (the window is 1280 px wide).
              assert.ok(list.width >= 0.9 * column, `${where}: the results take ${list.width}px`);
            } else {
              assert.ok(list.left >= filters.right, `${where}: filters beside the results`);
            }
          }
          if (view === 'map' && column <= 600) assert.ok(map.width >= 0.9 * column, `${where}: the map takes ${map.width}px`);
        }
        if (view === 'explore' || view === 'map') await snapshot(page, `embed-column-${column}-${view}`);
      }
    }
  });
});
