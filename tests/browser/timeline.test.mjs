// The Timeline view: marks match the filtered milestones, lanes, honest precision, zoom in the
// URL (keys, buttons, drag, wheel), labels that never overlap, the list alternative, 10 000 marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, snapshot, bundleCopy, DIST, ARTIFACTS } from './harness.mjs';
import { withMilestones } from '../generate.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policy-2021.json'), 'utf8'));
const dated = (m) => /^\d{4}-\d{2}-\d{2}$/.test(m.date.start) && /^\d{4}-\d{2}-\d{2}$/.test(m.date.end)
  && m.date.start <= m.date.end;
const milestonesOf = (items) => {
  const ids = new Set(items.map((i) => i.id));
  return data.milestones.filter((m) => ids.has(m.item) && dated(m));
};

async function timeline(page) {
  await ready(page);
  await page.waitForSelector('.itpe-tl-chart .itpe-tl-mark, .itpe-tl-list, .itpe-tl-empty');
}

/** Milestone ids of the marks in time order (data-order), and of the list, in reading order. */
const markIds = (page) => page.$$eval('.itpe-tl-mark', (els) => els
  .map((el) => [Number(el.dataset.order), el.dataset.id])
  .sort((a, b) => a[0] - b[0])
  .map((p) => p[1]));
const listIds = (page, scope) => page.$$eval(`${scope} li[data-id]`, (els) => els.map((el) => el.dataset.id));

test('one mark per dated milestone, in one lane per policy area', async (t) => {
  await withPage(t, { query: '?view=timeline' }, async ({ page }) => {
    await timeline(page);
    const expected = milestonesOf(data.items);
    assert.equal(await page.locator('.itpe-tl-mark').count(), expected.length);
    const areas = new Set(data.items.filter((i) => expected.some((m) => m.item === i.id)).map((i) => i.area));
    const lanes = await page.$$eval('.itpe-tl-lane', (els) => els.map((el) => el.dataset.area));
    assert.deepEqual(new Set(lanes), areas);
    assert.match(await page.textContent('.itpe-tl-summary'), new RegExp(`${expected.length} dated milestones of the ${data.items.length} items`));
    // The "as of" marker is drawn and labelled.
    assert.match(await page.textContent('.itpe-tl-asof-label'), new RegExp(data.document.as_of));
    assert.ok(await page.locator('.itpe-tl-lane-svg .itpe-tl-asof').count() > 0);
    await snapshot(page, 'timeline-1280');
  });
});

test('filtering by a policy area leaves only its lane, with its milestones', async (t) => {
  const area = 'a2';
  await withPage(t, { query: `?view=timeline&area=${area}` }, async ({ page }) => {
    await timeline(page);
    const lanes = await page.$$eval('.itpe-tl-lane', (els) => els.map((el) => el.dataset.area));
    assert.deepEqual(lanes, [area]);
    const expected = milestonesOf(data.items.filter((i) => i.area === area));
    assert.ok(expected.length > 0);
    assert.equal(await page.locator('.itpe-tl-mark').count(), expected.length);
    assert.deepEqual(new Set(await markIds(page)), new Set(expected.map((m) => m.id)));
  });
});

test('a vague date is a span drawn wider than a point, and labels never overlap', async (t) => {
  await withPage(t, { query: '?view=timeline' }, async ({ page }) => {
    await timeline(page);
    // Drawn widths on screen: a span's bar; a point's dot, which is its stroke.
    const widths = await page.evaluate(() => {
      const dot = (l) => l.getBoundingClientRect().width + parseFloat(getComputedStyle(l).strokeWidth);
      return {
        spans: [...document.querySelectorAll('rect.itpe-tl-span')].map((r) => r.getBoundingClientRect().width),
        points: [...document.querySelectorAll('line.itpe-tl-point')].map((l) => Math.round(dot(l) * 10) / 10),
      };
    });
    assert.ok(widths.spans.length > 0 && widths.points.length > 0);
    // "2023" (a year) is far wider than a dot; every point has the same small width.
    const year = data.milestones.find((m) => m.date.precision === 'year' && m.date.start.startsWith('2023'));
    const yearWidth = await page.$eval(`.itpe-tl-mark[data-id="${year.id}"]`, (r) => r.getBoundingClientRect().width);
    assert.ok(yearWidth > Math.max(...widths.points) * 3, `${yearWidth} vs ${widths.points[0]}`);
    assert.equal(new Set(widths.points).size, 1);
    // Real text, measured by the browser: no label overlaps another label, or a mark other
    // than its own, in its lane.
    const overlaps = await page.evaluate(() => {
      const found = [];
      const box = (el) => {
        const r = el.getBoundingClientRect();
        const s = el.tagName === 'line' ? parseFloat(getComputedStyle(el).strokeWidth) / 2 : 0;
        return { x: r.x - s, y: r.y - s, w: r.width + 2 * s, h: r.height + 2 * s };
      };
      const meet = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      for (const svg of document.querySelectorAll('.itpe-tl-lane-svg')) {
        const marks = [...svg.querySelectorAll('.itpe-tl-mark')].map((g) => ({ i: g.dataset.i, b: box(g) }));
        const labels = [...svg.querySelectorAll('.itpe-tl-label')].map((el) => ({ i: el.dataset.i, b: box(el), text: el.textContent }));
        for (const a of labels) {
          for (const b of [...marks, ...labels]) {
            if (b.i !== a.i && meet(a.b, b.b)) found.push(`${a.text} / ${b.i}`);
          }
        }
      }
      return found;
    });
    assert.deepEqual(overlaps, []);
    // Crowded labels are shortened, not dropped on top of each other; the mark keeps the full text.
    const short = await page.$$eval('.itpe-tl-label', (els) => els.filter((e) => e.textContent.endsWith('…')).length);
    assert.ok(short > 0, 'some labels are shortened');
    const name = await page.getAttribute(`.itpe-tl-mark[data-id="${year.id}"]`, 'aria-label');
    assert.ok(name.includes(year.label) && name.includes(year.date.text));
  });
});

test('keys move between milestones in time order and zoom; the zoom goes to the URL', async (t) => {
  await withPage(t, { query: '?view=timeline' }, async ({ page }) => {
    await timeline(page);
    assert.equal(await page.locator('.itpe-tl-mark[tabindex="0"]').count(), 1);
    await page.focus('.itpe-tl-mark[tabindex="0"]');
    const order = () => page.evaluate(() => Number(document.activeElement.dataset.order));
    assert.equal(await order(), 0);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.dataset.order === '1');
    await page.keyboard.press('End');
    const last = (await page.locator('.itpe-tl-mark').count()) - 1;
    await page.waitForFunction((n) => document.activeElement?.dataset.order === String(n), last);
    assert.doesNotMatch(page.url(), /zoom=/);
    const focusedId = await page.evaluate(() => document.activeElement.dataset.id);
    await page.keyboard.press('+');
    await page.waitForFunction(() => /zoom=\d{4}-\d{2}%2C|zoom=\d{4}-\d{2},/.test(location.search));
    // The zoomed mark keeps the focus and stays in view.
    await page.waitForFunction((id) => document.activeElement?.dataset.id === id, focusedId);
    const zoomed = new URL(page.url()).searchParams.get('zoom');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.dataset.order === '0');
    // Going to the first milestone moved the window back to it.
    assert.notEqual(new URL(page.url()).searchParams.get('zoom'), zoomed);
    await page.keyboard.press('-');
    await page.waitForFunction((z) => new URL(location.href).searchParams.get('zoom') !== z, zoomed);
    // Enter opens the item's details.
    await page.keyboard.press('Enter');
    await page.waitForSelector('.itpe-timeline .itpe-detail[data-item]');
    assert.match(page.url(), /item=/);
  });
});

test('buttons, drag and ctrl+wheel zoom and pan; a zoomed link opens zoomed', async (t) => {
  await withPage(t, { query: '?view=timeline&zoom=2019-01,2022-12' }, async ({ page }) => {
    await timeline(page);
    assert.equal(await page.textContent('.itpe-tl-range'), '2019-01 – 2022-12');
    const zoom = () => new URL(page.url()).searchParams.get('zoom');
    await page.click('button[data-zoom="in"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') !== '2019-01,2022-12');
    const afterButton = zoom();
    // Drag to the right shows earlier months.
    const box = await page.locator('.itpe-tl-lane-svg').first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 30, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((z) => new URL(location.href).searchParams.get('zoom') !== z, afterButton);
    assert.ok(zoom().split(',')[0] < afterButton.split(',')[0], `${zoom()} after ${afterButton}`);
    const afterDrag = zoom();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 400);
    await page.keyboard.up('Control');
    await page.waitForFunction((z) => new URL(location.href).searchParams.get('zoom') !== z, afterDrag);
    const [a, b] = zoom().split(',');
    const [c, d] = afterDrag.split(',');
    assert.ok(a <= c && b >= d, `wheel down zooms out: ${zoom()} from ${afterDrag}`);
    await page.click('button[data-zoom="all"]');
    await page.waitForFunction(() => !location.search.includes('zoom='));
  });
});

test('a lane folds to one row without labels, and the fold is in the URL', async (t) => {
  let folded;
  await withPage(t, { query: '?view=timeline' }, async ({ page }) => {
    await timeline(page);
    const lane = page.locator('.itpe-tl-lane').nth(1);
    const area = await lane.getAttribute('data-area');
    const height = () => lane.locator('.itpe-tl-lane-svg').evaluate((svg) => svg.getBoundingClientRect().height);
    const open = await height();
    assert.ok(await lane.locator('.itpe-tl-label').count() > 0);
    await lane.locator('button[data-lane]').click();
    await page.waitForFunction((a) => new URL(location.href).searchParams.get('fold') === a, area);
    await page.waitForFunction((a) => document.querySelector(`.itpe-tl-lane[data-area="${a}"] button`).getAttribute('aria-expanded') === 'false', area);
    assert.ok(await height() < open, 'one row is lower than several');
    assert.equal(await lane.locator('.itpe-tl-label').count(), 0);
    // Every mark is still drawn.
    const marks = milestonesOf(data.items).length;
    assert.equal(await page.locator('.itpe-tl-mark').count(), marks);
    folded = { url: page.url(), area };
  });
  // The link opens folded; unfolding takes the parameter away.
  await withPage(t, { query: new URL(folded.url).search }, async ({ page }) => {
    await timeline(page);
    const button = page.locator(`.itpe-tl-lane[data-area="${folded.area}"] button[data-lane]`);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('fold'));
  });
});

test('clicking a mark opens its item; the list holds the same milestones in the same order', async (t) => {
  await withPage(t, { query: '?view=timeline' }, async ({ page }) => {
    await timeline(page);
    const first = page.locator('.itpe-tl-point').first();
    const id = await first.getAttribute('data-id');
    await first.click();
    const item = data.milestones.find((m) => m.id === id).item;
    await page.waitForSelector(`.itpe-timeline .itpe-detail[data-item="${item}"]`);
    const marks = await markIds(page);
    await page.click('.itpe-tl-list-details > summary');
    await page.waitForSelector('.itpe-tl-list-details li[data-id]');
    assert.deepEqual(await listIds(page, '.itpe-tl-list-details'), marks);
    // Grouped by year, in time order.
    const years = await page.$$eval('.itpe-tl-list-details .itpe-tl-year h3', (els) => els.map((e) => Number(e.textContent)));
    assert.deepEqual(years, [...years].sort((x, y) => x - y));
  });
});

test('on a 375 px screen the list is the default; the axis is one click away', async (t) => {
  await withPage(t, { query: '?view=timeline&area=t-land', width: 375, height: 800 }, async ({ page }) => {
    await timeline(page);
    assert.equal(await page.locator('.itpe-tl-chart').count(), 0);
    const expected = milestonesOf(data.items.filter((i) => i.area === 't-land'));
    const ids = await listIds(page, '.itpe-tl-list-main');
    assert.equal(ids.length, expected.length);
    assert.equal(await page.getAttribute('button[data-mode="list"]', 'aria-pressed'), 'true');
    await snapshot(page, 'timeline-list-375');
    await page.click('button[data-mode="axis"]');
    await page.waitForSelector('.itpe-tl-chart .itpe-tl-mark');
    assert.match(page.url(), /tl=axis/);
    assert.deepEqual(await markIds(page), ids);
    await snapshot(page, 'timeline-axis-375');
  });
});

test('the layout follows the app\'s own width, not the window\'s: a 320 px column of a wide page gets the list', async (t) => {
  await withPage(t, { query: '?view=timeline', width: 1280 }, async ({ page }) => {
    await timeline(page);
    await page.waitForSelector('.itpe-tl-chart .itpe-tl-mark');
    // The app narrowed to a column, as when embedded beside other content (CSSOM, allowed by
    // the CSP); the window stays 1280 px wide.
    await page.evaluate(() => { document.querySelector('.itpe').style.width = '320px'; });
    await page.waitForSelector('.itpe-tl-list-main li[data-id]');
    assert.equal(await page.locator('.itpe-tl-chart').count(), 0);
    assert.equal(await page.getAttribute('button[data-mode="list"]', 'aria-pressed'), 'true');
    // And back to the axis when the column widens.
    await page.evaluate(() => { document.querySelector('.itpe').style.width = ''; });
    await page.waitForSelector('.itpe-tl-chart .itpe-tl-mark');
  });
});

test('the Chinese interface shows the Chinese texts, marked as Chinese', async (t) => {
  await withPage(t, { query: '?view=timeline&lang=zh-hant' }, async ({ page }) => {
    await timeline(page);
    await page.waitForSelector('.itpe-translation-note:not([role="status"])');
    assert.match(await page.textContent('button[data-mode="axis"]'), /時間軸/);
    await page.waitForSelector('.itpe-tl-lane-svg[lang="zh-Hant-HK"]');
    await snapshot(page, 'timeline-zh-hant-1280');
  });
});

test('10 000 milestones: every one drawn once, zoom only rescales them', async (t) => {
  const dir = bundleCopy((d) => {
    const f = path.join(d, 'data/policy-2021.json');
    const ds = withMilestones(JSON.parse(fs.readFileSync(f, 'utf8')), 10000);
    fs.writeFileSync(f, JSON.stringify(ds));
  });
  await withPage(t, { dir, query: '?view=timeline' }, async ({ page }) => {
    const t0 = Date.now();
    await timeline(page);
    const loaded = Date.now() - t0;
    assert.equal(await page.locator('.itpe-tl-mark').count(), 10000);
    assert.match(await page.textContent('.itpe-tl-summary'), /10,000 dated milestones/);
    // A zoom step rescales the marks (drawn once) and places the labels that fit.
    const labelsBefore = await page.locator('.itpe-tl-label').count();
    const steps = [];
    for (let i = 0; i < 4; i++) {
      const before = await page.textContent('.itpe-tl-range');
      const t1 = Date.now();
      await page.click('button[data-zoom="in"]');
      await page.waitForFunction((r) => document.querySelector('.itpe-tl-range').textContent !== r, before);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      steps.push(Date.now() - t1);
    }
    await page.waitForFunction(() => location.search.includes('zoom='));
    assert.equal(await page.locator('.itpe-tl-mark').count(), 10000, 'marks are not rebuilt by a zoom');
    assert.ok(await page.locator('.itpe-tl-label').count() > labelsBefore, 'zoomed in, more labels fit');
    t.diagnostic(`10 000 milestones: first render ${loaded} ms (with load), zoom steps ${steps.join(', ')} ms`);
    // The viewport only: a full-page shot of 10 000 SVG marks is slow on a busy machine.
    await page.screenshot({ path: path.join(ARTIFACTS, 'timeline-10000-1280.png'), timeout: 60000 });
  });
  fs.rmSync(dir, { recursive: true, force: true });
});
