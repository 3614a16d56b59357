// The Map view: offline base map, site markers sized by area, pan/zoom, site panel, site filter
// shared through the URL, and the site table as the map's text alternative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withPage, ready, snapshot, focusOn, DIST } from './harness.mjs';
import { chunkFiles } from '../../scripts/first-load.mjs';

const require = createRequire(import.meta.url);

async function openMap(page) {
  await ready(page);
  await page.waitForSelector('.itpe-map-frame .itpe-map-marker');
}

const markerIds = (page) => page.$$eval('.itpe-map-marker', (els) => els.map((e) => e.dataset.site).sort());
const rowIds = (page) => page.$$eval('.itpe-map-table tbody tr', (els) => els.map((e) => e.dataset.site).sort());
const viewBox = (page) => page.getAttribute('.itpe-map-svg', 'viewBox');

test('the map draws from the bundle alone: no request beyond the app files', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page, server }) => {
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.reload();
    await openMap(page);
    await page.waitForLoadState('networkidle');
    const files = new Set(requests.map((p) => p.replace(/^.*\//, '')));
    // The app files: the first load and the bundle's chunks of the views loaded on demand.
    const chunks = chunkFiles(DIST);
    for (const f of files) {
      if (chunks.includes(f)) continue;
      assert.match(f, /^(|loader\.js|it-policy-explorer\.js|it-policy-explorer_bg\.wasm|[\w-]+\.css|policy-2021\.pack)$/, `unexpected request: ${f}`);
    }
    // Hong Kong, Shenzhen, the boundary and the district lines are drawn.
    for (const layer of ['hk', 'cn', 'border', 'districts']) {
      const d = await page.getAttribute(`.itpe-map-svg .itpe-map-${layer}`, 'd');
      assert.ok(d && d.length > 100, `${layer} layer drawn`);
    }
    assert.match(await page.textContent('.itpe-map-credit'), /Made with Natural Earth/);
    await snapshot(page, 'map-1280');
  });
});

test('named markers for the Loop, Ma Liu Shui and Lau Fau Shan; larger areas get larger markers', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await openMap(page);
    const frame = page.locator('.itpe-map-frame');
    for (const name of [/^Lok Ma Chau Loop/, /^Ma Liu Shui reclamation \(/, /^Lau Fau Shan \(/]) {
      await frame.getByRole('button', { name }).waitFor();
    }
    const width = async (id) => (await page.locator(`.itpe-map-marker[data-site="${id}"]`).boundingBox()).width;
    const [coop, santin, mls, pokfulam, cuhk, laufaushan] = await Promise.all(
      ['co-operation-zone', 'san-tin', 'ma-liu-shui', 'pokfulam-hku', 'cuhk-medical-centre', 'lau-fau-shan'].map(width));
    assert.ok(coop > santin && santin > mls && mls > pokfulam && pokfulam > cuhk, `${[coop, santin, mls, pokfulam, cuhk]}`);
    // No stated area: the fixed smallest size.
    assert.ok(laufaushan < cuhk);
    // Approximate positions are marked and described.
    const loop = page.locator('.itpe-map-marker[data-site="lmc-loop"]');
    assert.match(await loop.getAttribute('class'), /\bitpe-map-approx\b/);
    assert.equal(await loop.getAttribute('aria-describedby'), 'itpe-map-approx-note');
    assert.match(await page.textContent('#itpe-map-approx-note'), /approximate/);
  });
});

test('crowded markers do not overlap, and leader lines lead to their true positions', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await openMap(page);
    const circles = await page.$$eval('.itpe-map-marker', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.dataset.site, x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
    }));
    for (let i = 0; i < circles.length; i++) {
      for (let j = i + 1; j < circles.length; j++) {
        const [a, b] = [circles[i], circles[j]];
        assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r, `${a.id} overlaps ${b.id}`);
      }
    }
    // One leader line ("M x y L x y") per spread-out marker: at least the six of Sha Tin.
    const leaders = await page.getAttribute('.itpe-map-leaders path:not(.itpe-map-anchor)', 'd');
    assert.ok((leaders.match(/M/g) || []).length >= 6, leaders);
    const labels = await page.$$eval('.itpe-map-label:not(.itpe-map-hidden)', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i], labels[j]];
        const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
        assert.ok(apart, `labels ${i} and ${j} overlap`);
      }
    }
  });
});

test('the site table lists exactly the sites on the map', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await openMap(page);
    const markers = await markerIds(page);
    assert.equal(markers.length, 21);
    assert.deepEqual(await rowIds(page), markers);
    const row = page.locator('.itpe-map-table tr[data-site="san-tin"]');
    assert.match(await row.textContent(), /San Tin Technopole.*Yuen Long.*240.*1/);
  });
});

test('choosing a site opens its panel; filtering by it narrows map, table and URL', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await openMap(page);
    await page.click('.itpe-map-marker[data-site="ma-liu-shui"]');
    await page.waitForSelector('.itpe-map-site h3');
    assert.match(page.url(), /place=ma-liu-shui/);
    await focusOn(page, '#itpe-map-site-title');
    const panel = await page.textContent('.itpe-map-site');
    assert.match(panel, /Sha Tin/);
    assert.match(panel, /88/);
    assert.match(panel, /Items at this site/);
    // Escape closes the panel and returns focus to the marker; Enter on the marker reopens it.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.itpe-map-site'));
    await focusOn(page, '[data-site="ma-liu-shui"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.itpe-map-site h3');
    await page.click('.itpe-map-site button[aria-pressed]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('site') === 'ma-liu-shui');
    await page.waitForFunction(() => document.querySelectorAll('.itpe-map-marker').length < 21);
    const markers = await markerIds(page);
    assert.ok(markers.includes('ma-liu-shui') && !markers.includes('cyberport'), markers.join());
    assert.deepEqual(await rowIds(page), markers);
    assert.match(await page.textContent('.itpe-map-summary'), new RegExp(`${markers.length} of 21 sites`));
    // The same filter shows in Explore (shared URL state).
    assert.equal(await page.getAttribute('.itpe-map-site button[aria-pressed]', 'aria-pressed'), 'true');
    // An item of the site opens its details.
    await page.click('.itpe-map-site-items button');
    await page.waitForSelector('.itpe-map-side .itpe-detail');
    assert.match(page.url(), /item=/);
    await snapshot(page, 'map-site-filter-1280');
    // The filter travels with the other views (one URL state).
    await page.click('nav.itpe-views a[data-view="explore"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === null);
    assert.equal(new URL(page.url()).searchParams.get('site'), 'ma-liu-shui');
    await page.click('nav.itpe-views a[data-view="map"]');
    await page.waitForSelector('.itpe-map-frame .itpe-map-marker');
    assert.deepEqual(await markerIds(page), markers);
    // Back to all sites.
    await page.click('.itpe-map-summary button');
    await page.waitForFunction(() => document.querySelectorAll('.itpe-map-marker').length === 21);
    assert.doesNotMatch(page.url(), /site=/);
  });
});

test('a site link from elsewhere (place= in the URL) opens the panel; the site filter from the URL applies', async (t) => {
  await withPage(t, { query: '?view=map&place=lau-fau-shan&site=cyberport' }, async ({ page }) => {
    await openMap(page);
    assert.match(await page.textContent('#itpe-map-site-title'), /Lau Fau Shan/);
    const markers = await markerIds(page);
    assert.ok(markers.includes('cyberport') && !markers.includes('lau-fau-shan'));
    assert.deepEqual(await rowIds(page), markers);
  });
});

test('filters and search from elsewhere decide which sites show', async (t) => {
  // Policy area (7), Smart City: the smart lampposts of Kwun Tong and Kai Tak.
  await withPage(t, { query: '?view=map&area=a7' }, async ({ page }) => {
    await openMap(page);
    assert.deepEqual(await markerIds(page), ['kai-tak', 'kwun-tong']);
    assert.deepEqual(await rowIds(page), ['kai-tak', 'kwun-tong']);
    assert.match(await page.textContent('.itpe-map-summary'), /2 of 21 sites/);
  });
});

test('pan and zoom by keyboard, buttons, wheel and drag', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await openMap(page);
    const full = await viewBox(page);
    const zoom = () => page.getAttribute('.itpe-map-frame', 'data-zoom');
    await page.focus('.itpe-map-frame');
    await page.keyboard.press('+');
    assert.equal(await zoom(), '1.50');
    const before = await viewBox(page);
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await viewBox(page), before);
    await page.keyboard.press('0');
    assert.equal(await viewBox(page), full);
    // Buttons.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.equal(await zoom(), '2.25');
    await page.getByRole('button', { name: 'Show all' }).click();
    assert.equal(await viewBox(page), full);
    // Wheel over Sha Tin zooms in there; the cluster then needs less spreading.
    const box = await page.locator('.itpe-map-frame').boundingBox();
    const st = await page.locator('.itpe-map-marker[data-site="university-station"]').boundingBox();
    await page.mouse.move(st.x + st.width / 2, st.y + st.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => Number(document.querySelector('.itpe-map-frame').dataset.zoom) > 4);
    await snapshot(page, 'map-zoomed-sha-tin-1280');
    // Drag pans (mouse); a click without moving still opens a marker.
    const vb = await viewBox(page);
    await page.mouse.move(box.x + 200, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 260, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await viewBox(page), vb);
    // Keyboard: Tab reaches a marker, Enter opens it.
    await page.keyboard.press('0');
    await page.focus('.itpe-map-marker[data-site="cyberport"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('place') === 'cyberport');
  });
});

test('small screen: the map fits, the table follows, the page does not scroll sideways', async (t) => {
  await withPage(t, { query: '?view=map', width: 375, height: 800 }, async ({ page }) => {
    await openMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px too wide`);
    const frame = await page.locator('.itpe-map-frame').boundingBox();
    assert.ok(frame.width <= 375 && frame.width > 300);
    assert.equal((await markerIds(page)).length, 21);
    await snapshot(page, 'map-375');
    await page.click('.itpe-map-table tr[data-site="hksp"] button');
    await page.waitForSelector('.itpe-map-site');
    await snapshot(page, 'map-site-375');
  });
});

test('Chinese interface: map text and site names in Chinese, marked as Chinese', async (t) => {
  await withPage(t, { query: '?view=map&lang=zh-hant&place=san-tin' }, async ({ page }) => {
    await openMap(page);
    await page.waitForSelector('.itpe-translation-note:not([role="status"])');
    await page.waitForSelector('#itpe-map-site-title[lang="zh-Hant-HK"]');
    assert.equal(await page.textContent('.itpe-map-list h3'), '地圖上的地點');
    // The marker's name: the site's Chinese name, then its statuses, both marked as Chinese.
    const parts = await page.$$eval('.itpe-map-marker[data-site="san-tin"] .itpe-visually-hidden > span', (s) => s.map((e) => e.lang));
    assert.deepEqual(parts, ['zh-Hant-HK', 'zh-Hant-HK']);
    assert.equal(await page.textContent('#itpe-map-site-title'), '新田科技城');
    await snapshot(page, 'map-zh-hant-1280');
  });
});

test('axe finds no WCAG 2.1 AA violations in the map view', async (t) => {
  // axe is injected as a script tag, which the strict CSP would refuse: serve this page without it.
  await withPage(t, { query: '?view=map&place=hksp', csp: null }, async ({ page }) => {
    await openMap(page);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() => window.axe.run(document.querySelector('.itpe-map-view'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(problems, []);
  });
});
