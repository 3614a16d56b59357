// The Charts view: every chart as SVG with title, source and data table; filters and the money
// switch change the bars; downloads give SVG, PNG and CSV files with the right content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, ready, snapshot, DIST } from './harness.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policy-2021.json'), 'utf8'));
const fig = Object.fromEntries(data.figures.map((f) => [f.id, f]));
const itemArea = Object.fromEntries(data.items.map((i) => [i.id, i.area]));
const CHARTS = ['trends', 'money', 'land', 'people'];

async function chartsReady(page) {
  await ready(page);
  await page.waitForFunction((n) => document.querySelectorAll('.itpe-chart-svg svg').length === n, CHARTS.length);
}

/** The numbers of a chart's data table (value column), after opening it. */
async function tableValues(page, chart) {
  const fig = page.locator(`figure[data-chart="${chart}"]`);
  const toggle = fig.locator('.itpe-chart-actions button[aria-expanded]');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await fig.locator('table').waitFor();
  const cells = await fig.locator('tbody td.itpe-num').allTextContents();
  return cells.map((c) => Number(c.match(/[\d,]+(\.\d+)?/)[0].replace(/,/g, '')));
}

const sortNum = (a) => [...a].sort((x, y) => x - y);

test('each chart renders as SVG with its title, description, source and accessible name', async (t) => {
  await withPage(t, { query: '?view=charts' }, async ({ page }) => {
    await chartsReady(page);
    for (const id of CHARTS) {
      const fig = page.locator(`figure[data-chart="${id}"]`);
      const title = (await fig.locator('h3').textContent()).trim();
      assert.ok(title.length > 10, `${id} has a title`);
      const img = fig.locator('.itpe-chart-svg');
      assert.equal(await img.getAttribute('role'), 'img');
      assert.equal(await img.getAttribute('aria-labelledby'), `itpe-chart-${id}-title`);
      assert.ok((await page.textContent(`#${await img.getAttribute('aria-describedby')}`)).length > 40);
      assert.ok(await fig.locator('.itpe-chart-svg svg text').count() > 5, `${id} has text in its SVG`);
      const source = fig.locator('.itpe-chart-source a').first();
      assert.match(await source.getAttribute('href'), /view=source&.*para=/);
    }
    assert.match(await page.textContent('figure[data-chart="trends"] .itpe-chart-source'), /para 3/);
    assert.match(await page.textContent('figure[data-chart="money"] .itpe-chart-source'), /Annex \(1\)/);
    assert.match(await page.textContent('figure[data-chart="people"] svg'), /log scale/);
    assert.match(await page.textContent('figure[data-chart="trends"] svg'), /Dashed line/);
    await snapshot(page, 'charts-1280');
    // The source link opens the paragraph in the Source view, in place.
    await page.click('figure[data-chart="trends"] .itpe-chart-source a');
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === 'source');
    assert.match(page.url(), /view=source/);
    assert.match(page.url(), /para=p3/);
  });
});

test('charts fit a phone screen and follow the Chinese interface', async (t) => {
  await withPage(t, { query: '?view=charts&lang=zh-hant', width: 375, height: 800 }, async ({ page }) => {
    await chartsReady(page);
    for (const id of CHARTS) {
      const w = Number(await page.getAttribute(`figure[data-chart="${id}"] svg`, 'width'));
      assert.ok(w <= 360 && w >= 280, `${id} svg is ${w}px wide`);
    }
    assert.equal(await page.textContent('#itpe-view-title'), '圖表');
    assert.match(await page.textContent('figure[data-chart="land"] h3'), /公頃/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await snapshot(page, 'charts-zh-hant-375');
    await page.waitForSelector('.itpe-translation-note:not([role="status"])');
    await page.click('figure[data-chart="money"] .itpe-chart-actions button[aria-expanded]');
    const lang = await page.getAttribute('figure[data-chart="money"] tbody td', 'lang');
    assert.equal(lang, 'zh-Hant-HK', 'the translated names are marked as Chinese');
    assert.equal(await page.getAttribute('figure[data-chart="money"] tbody td:nth-child(4)', 'lang'), 'en', 'the paper\'s words stay English');
    await snapshot(page, 'charts-zh-hant-375-table');
  });
});

test('charts redraw at the width of their container', async (t) => {
  await withPage(t, { query: '?view=charts' }, async ({ page }) => {
    await chartsReady(page);
    const wide = Number(await page.getAttribute('figure[data-chart="land"] svg', 'width'));
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction((w) => Number(document.querySelector('figure[data-chart="land"] svg').getAttribute('width')) < w, wide);
    const narrow = Number(await page.getAttribute('figure[data-chart="land"] svg', 'width'));
    assert.ok(wide > 1000 && narrow < 600, `${wide} -> ${narrow}`);
  });
});

test('the data tables hold the same numbers as the dataset', async (t) => {
  await withPage(t, { query: '?view=charts' }, async ({ page }) => {
    await chartsReady(page);
    const trends = data.series.filter((s) => s.points.every((p) => fig[p.figure].source.paragraph === 'p3'));
    assert.deepEqual(await tableValues(page, 'trends'), trends.flatMap((s) => s.points.map((p) => fig[p.figure].value)));
    const land = data.figures.filter((f) => f.unit === 'hectares').map((f) => f.value);
    assert.deepEqual(await tableValues(page, 'land'), [...land].sort((a, b) => b - a));
    const committed = data.figures.filter((f) => f.money === 'committed' && f.item && /^a\d/.test(f.source.paragraph));
    assert.deepEqual(sortNum(await tableValues(page, 'money')), sortNum(committed.map((f) => f.value)));
    const people = await tableValues(page, 'people');
    for (const v of [860000, 5400000, 4000]) assert.ok(people.includes(v), `people chart has ${v}`);
    // Each money row names its kind.
    for (const cell of await page.locator('figure[data-chart="money"] tbody td.itpe-num').allTextContents()) {
      assert.match(cell, /injected\/allocated/);
    }
  });
});

test('filters and the money switch change the bars', async (t) => {
  await withPage(t, { query: '?view=charts' }, async ({ page }) => {
    await chartsReady(page);
    const bars = () => page.locator('figure[data-chart="money"] svg rect:is([fill="#00594F"], [fill="#1D4F91"])').count();
    const all = await bars();
    // The switch: approved or invested amounts, kept in the URL.
    await page.click('figure[data-chart="money"] button[data-money="disbursed"]');
    await page.waitForFunction(() => /approved or invested/i.test(document.querySelector('figure[data-chart="money"] h3').textContent));
    assert.match(page.url(), /money=disbursed/);
    assert.equal(await page.getAttribute('button[data-money="disbursed"]', 'aria-pressed'), 'true');
    const disbursed = data.figures.filter((f) => f.money === 'disbursed' && f.item && /^a\d/.test(f.source.paragraph));
    assert.equal(await bars(), disbursed.length, 'one bar per amount');
    assert.deepEqual(sortNum(await tableValues(page, 'money')), sortNum(disbursed.map((f) => f.value)));
    assert.notEqual(await bars(), all);
  });
  await withPage(t, { query: '?view=charts&area=a4' }, async ({ page }) => {
    await chartsReady(page);
    const a4 = data.figures.filter((f) => f.money === 'committed' && f.item && itemArea[f.item] === 'a4');
    const bars = () => page.locator('figure[data-chart="money"] svg rect[fill="#00594F"]').count();
    assert.equal(await bars(), a4.length);
    const svgText = await page.textContent('figure[data-chart="money"] svg');
    assert.match(svgText, /\(4\) Support for Technology Enterprises/);
    assert.doesNotMatch(svgText, /\(1\) Resources/);
    assert.match(await page.textContent('figure[data-chart="land"]'), /No figures/);
    assert.equal(await page.locator('figure[data-chart="land"] button[data-download]').first().isDisabled(), true);
    // Context statistics stay.
    assert.equal((await tableValues(page, 'trends')).length, 8);
    await page.click('.itpe-charts-filtered button');
    await page.waitForFunction(() => !document.querySelector('.itpe-charts-filtered'));
    await page.waitForFunction((n) => document.querySelectorAll('figure[data-chart="money"] svg rect[fill="#00594F"]').length > n, a4.length);
  });
});

test('downloads give SVG, PNG and CSV files with the right content', async (t) => {
  await withPage(t, { query: '?view=charts' }, async ({ page }) => {
    await chartsReady(page);
    const save = async (chart, kind) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`figure[data-chart="${chart}"] button[data-download="${kind}"]`),
      ]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    const svg = await save('land', 'svg');
    assert.equal(svg.name, 'itpe-chart-land.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(text, /<title>Land for I&amp;T: hectares by site<\/title>/);
    for (const s of ['San Tin Technopole', 'around 240 ha', '2.5 ha', 'para 8']) assert.ok(text.includes(s), s);

    const png = await save('trends', 'png');
    assert.equal(png.name, 'itpe-chart-trends.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const pngWidth = png.bytes.readUInt32BE(16);
    assert.ok(pngWidth >= 1280, `PNG drawn at twice the size: ${pngWidth}px`);
    fs.mkdirSync('tests/artifacts', { recursive: true });
    fs.writeFileSync('tests/artifacts/charts-download-trends.png', png.bytes);

    await page.click('figure[data-chart="money"] button[data-money="disbursed"]');
    await page.waitForFunction(() => /money=disbursed/.test(location.search));
    const csv = await save('money', 'csv');
    assert.equal(csv.name, 'itpe-chart-money-disbursed.csv');
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.match(lines[0], /^chart,figure,group,label,measure,value,unit,/);
    const disbursed = data.figures.filter((f) => f.money === 'disbursed' && f.item && /^a\d/.test(f.source.paragraph));
    assert.equal(lines.length - 1, disbursed.length);
    for (const f of disbursed) {
      assert.ok(lines.some((l) => l.startsWith(`money,${f.id},`) && l.includes(`,${f.value},hkd,`)), f.id);
    }
  });
});

test('the chart controls work from the keyboard', async (t) => {
  await withPage(t, { query: '?view=charts' }, async ({ page }) => {
    await chartsReady(page);
    const toggle = page.locator('figure[data-chart="land"] .itpe-chart-actions button[aria-expanded]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('figure[data-chart="land"] table');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.getAttribute('#itpe-chart-land-table', 'aria-controls') ?? 'ok', 'ok');
    await page.keyboard.press('Enter');
    await page.waitForSelector('figure[data-chart="land"] table', { state: 'detached' });
    await page.focus('figure[data-chart="money"] button[data-money="disbursed"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /money=disbursed/.test(location.search));
  });
});
