// Taking the data away: the selection's CSV and JSON downloads (exact ids, formula-like text
// neutralised, Chinese intact), the data package of the bundle, the printed page (as a PDF,
// read back with poppler's pdftotext), Copy link (standalone and embedded, with and without the
// Clipboard API) and the citation in three languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { withPage, ready, snapshot, bundleCopy, focusOn, DIST, ARTIFACTS } from './harness.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policy-2021.json'), 'utf8'));
const BOM = '\ufeff';

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { /* CRLF */ } else if (c === '\n') {
      record.push(field); records.push(record); record = []; field = '';
    } else field += c;
  }
  return records;
}

/** Every result id, after asking for the rows beyond the first ten. */
async function resultIds(page) {
  if (await page.isVisible('.itpe-show-all')) await page.click('.itpe-show-all');
  return page.$$eval('.itpe-result', (els) => els.map((e) => e.dataset.item));
}

/** Downloads one of the selection's files: { name, bytes, text }. */
async function download(page, what) {
  if (!(await page.isVisible(`button[data-download="${what}"]`))) await page.click('.itpe-takeaway-downloads > summary');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`.itpe-takeaway button[data-download="${what}"]`)]);
  const bytes = fs.readFileSync(await d.path());
  return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

test('the CSV of a filtered selection has exactly its results, with paragraph and quote', async (t) => {
  await withPage(t, { query: '?q=cyberport&status=launched,completed' }, async ({ page }) => {
    await ready(page);
    const ids = await resultIds(page);
    assert.ok(ids.length > 3, `several results (${ids.length})`);
    const items = await download(page, 'items');
    assert.match(items.name, /^itpe-2021-v\d+\.\d+\.\d+-items-search-cyberport_status-launched\+completed-\d{4}-\d\d-\d\d\.csv$/);
    assert.deepEqual([...items.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const rows = parseCsv(items.text.slice(1));
    const head = rows[0];
    assert.deepEqual(head.slice(-3), ['paragraph', 'paragraph_label', 'quote']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ids, 'the same ids in the same order');
    const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
    for (const r of rows.slice(1)) {
      assert.equal(r[head.indexOf('paragraph')], byId[r[0]].source.paragraph);
      assert.equal(r[head.indexOf('quote')], byId[r[0]].source.quote);
    }
    // Figures and milestones: those of the selected items, each with its source.
    const figures = parseCsv((await download(page, 'figures')).text.slice(1));
    const expected = data.figures.filter((f) => ids.includes(f.item)).map((f) => f.id).sort();
    assert.deepEqual(figures.slice(1).map((r) => r[0]).sort(), expected);
    const milestones = await download(page, 'milestones');
    assert.match(milestones.name, /-milestones-search-cyberport_/);
    const ms = parseCsv(milestones.text.slice(1));
    assert.deepEqual(ms.slice(1).map((r) => r[0]).sort(), data.milestones.filter((m) => ids.includes(m.item)).map((m) => m.id).sort());
    // JSON: the same records, and what they are.
    const json = await download(page, 'selection');
    assert.match(json.name, /-selection-search-cyberport_.*\.json$/);
    const doc = JSON.parse(json.text);
    assert.deepEqual(doc.items.map((i) => i.id), ids);
    assert.equal(doc.dataset.as_of, data.document.as_of);
    assert.match(doc.url, /\?q=cyberport&status=launched%2Ccompleted|\?q=cyberport&status=launched,completed/);
    assert.equal(doc.figures.length, expected.length);
    // The menu closes with Escape, back on its button.
    await page.focus('.itpe-takeaway button[data-download="items"]');
    await page.keyboard.press('Escape');
    assert.equal(await page.$eval('.itpe-takeaway-downloads', (d) => d.open), false);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  });
});

test('formula-like text comes out neutralised and Chinese text intact', async (t) => {
  const dir = bundleCopy((d) => {
    const file = path.join(d, 'data/policy-2021.json');
    const mutated = JSON.parse(fs.readFileSync(file, 'utf8'));
    const [a, b, c, e] = mutated.items;
    a.title = '=HYPERLINK("http://example.invalid","click")';
    a.summary = '\tcmd /c calc';
    b.title = '@SUM(1+1)';
    b.summary = '\r=1+1';
    c.title = '+1+2';
    e.title = '創新及科技局：「香港」科技園';
    fs.writeFileSync(file, JSON.stringify(mutated));
    // The Chinese interface shows the translation file's titles and summaries: the same texts
    // there, so the download in Chinese carries them too.
    const zhFile = path.join(d, 'data/policy-2021.zh-hant.json');
    const zh = JSON.parse(fs.readFileSync(zhFile, 'utf8'));
    for (const item of [a, b, c, e]) {
      zh.items[item.id].title.text = item.title;
      if (item !== e) zh.items[item.id].summary.text = item.summary;
    }
    fs.writeFileSync(zhFile, JSON.stringify(zh));
  });
  try {
    await withPage(t, { dir, query: '?lang=zh-hant' }, async ({ page }) => {
      await ready(page);
      const { text, bytes } = await download(page, 'items');
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const rows = parseCsv(text.slice(1));
      const head = rows[0];
      const row = (i) => rows[1 + i];
      const title = head.indexOf('title');
      const summary = head.indexOf('summary');
      assert.equal(row(0)[title], `'=HYPERLINK("http://example.invalid","click")`);
      assert.equal(row(0)[summary], "'\tcmd /c calc");
      assert.equal(row(1)[title], "'@SUM(1+1)");
      assert.equal(row(1)[summary], "'\r=1+1");
      assert.equal(row(2)[title], "'+1+2");
      assert.equal(row(3)[title], '創新及科技局：「香港」科技園');
      // Labels in the interface language.
      const status = { launched: '已推出', under_way: '進行中', completed: '已完成', planned: '已計劃', proposed: '建議中' };
      assert.equal(row(0)[head.indexOf('status_label')], status[data.items[0].status]);
      // No cell of any row starts with a formula character unless it is a plain number.
      for (const r of rows.slice(1)) {
        for (const cell of r) assert.ok(!/^[=+\-@\t\r]/.test(cell) || /^[+-]?[\d.]+$/.test(cell), cell);
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the data package validates: every resource exists, fields match the CSV headers', async (t) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(DIST, 'data/datapackage.json'), 'utf8'));
  assert.equal(pkg.version, data.document.dataset_version);
  const tabular = pkg.resources.filter((r) => r.schema);
  assert.deepEqual(tabular.map((r) => r.name), ['items', 'figures', 'milestones', 'sites', 'organisations']);
  const counts = { items: data.items.length, figures: data.figures.length, milestones: data.milestones.length, sites: data.sites.length, organisations: data.organisations.length };
  for (const r of pkg.resources) {
    const file = path.join(DIST, 'data', r.path);
    assert.ok(fs.existsSync(file), `${r.path} is in the bundle`);
    assert.equal(fs.statSync(file).size, r.bytes, `${r.path}: bytes`);
    if (!r.schema) continue;
    const rows = parseCsv(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(rows[0], r.schema.fields.map((f) => f.name), `${r.path}: header`);
    assert.equal(rows.length - 1, counts[r.name], `${r.path}: one row per record`);
    for (const f of r.schema.fields) assert.ok(['string', 'number', 'boolean', 'date'].includes(f.type), f.type);
  }
  // The footer links to the JSON, its schema and the package, with sizes, and the links work.
  await withPage(t, {}, async ({ page }) => {
    await ready(page);
    const links = await page.$$eval('.itpe-data-links a', (as) => as.map((a) => ({ href: a.href, text: a.parentElement.textContent })));
    assert.equal(links.length, 3);
    for (const l of links) {
      assert.match(l.text, /\d+ KB/);
      const status = await page.evaluate((u) => fetch(u).then((r) => r.status), l.href);
      assert.equal(status, 200, l.href);
    }
    assert.match(links[2].href, /data\/datapackage\.json$/);
  });
});

/** Prints the page to an A4 PDF, saves page images for people to look at, returns its text. */
async function printText(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}

const squash = (s) => s.replace(/\s+/g, '');

test('a filtered Explore prints every result with its paragraph, and no controls', async (t) => {
  await withPage(t, { query: '?q=fund&item=hsitp' }, async ({ page }) => {
    await ready(page);
    const ids = await resultIds(page);
    await page.reload();
    await ready(page);
    assert.ok(ids.length > 10, `more results than the first page (${ids.length})`);
    const text = squash(await printText(page, 'print-explore'));
    const byId = Object.fromEntries(data.items.map((i) => [i.id, i]));
    const para = Object.fromEntries(data.paragraphs.map((p) => [p.id, p]));
    for (const id of ids) {
      const item = byId[id];
      assert.ok(text.includes(squash(item.title)), `title of ${id}`);
      const p = para[item.source.paragraph];
      const ref = p.kind === 'body' ? `para. ${p.label}` : p.kind === 'annex_row' ? p.label : p.label.toLowerCase();
      assert.ok(text.includes(squash(ref)), `paragraph of ${id}: ${ref}`);
    }
    for (const control of ['Skip to main content', '繁體中文', '简体中文', 'Timeline', 'Charts', 'Sort by', 'Order in the paper',
      'Clear all', 'Show all', 'Download the selection', 'Copy link', 'Filters']) {
      assert.ok(!text.includes(squash(control)), `no "${control}" on paper`);
    }
    // The top of the page says what it is.
    for (const s of ['View', 'Explore', 'Search: “fund”', '?q=fund&item=hsitp', 'Data as of', '6 October 2021']) {
      assert.ok(text.includes(squash(s)), `header has ${s}`);
    }
  });
});

test('charts print as vector SVG with their data tables', async (t) => {
  await withPage(t, { query: '?view=charts&area=a1' }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe-chart-svg svg');
    const text = squash(await printText(page, 'print-charts'));
    assert.ok(text.includes(squash('What it measures')), 'the data tables are printed');
    assert.ok(!text.includes(squash('Show data table')) && !text.includes(squash('Download PNG')));
    const tables = await page.$$eval('.itpe-chart-table', (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
    assert.ok(tables >= 1);
  });
});

test('Copy link gives the full state, and it reopens the same view in a fresh page', async (t) => {
  const query = '?view=timeline&lang=zh-hant&q=park&status=under_way&tl=list';
  await withPage(t, { query }, async ({ page, context, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await ready(page);
    await page.click('button[data-takeaway="link"]');
    await page.waitForFunction(() => document.querySelector('.itpe-takeaway-status').textContent === '已複製');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(new URL(copied).search, query);
    const fresh = await context.newPage();
    await fresh.goto(copied);
    await ready(fresh);
    assert.equal(await fresh.getAttribute('nav.itpe-views a[aria-current="page"]', 'data-view'), 'timeline');
    assert.equal(await fresh.getAttribute('.itpe', 'lang'), 'zh-Hant-HK');
    assert.equal(await fresh.evaluate(() => location.search), query);
    await fresh.close();
  });
});

test('embedded, Copy link opens the standalone app; without a clipboard it shows the link selected', async (t) => {
  const dir = bundleCopy((d) => {
    fs.mkdirSync(path.join(d, 'host'));
    // No stylesheet link: the loader adds the app's.
    fs.writeFileSync(path.join(d, 'host/page.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>' +
      '<body><h1>A government page</h1><div id="it-policy-explorer"></div><script type="module" src="../loader.js"></script></body></html>');
  });
  try {
    await withPage(t, { dir, query: 'host/page.html?itpe.view=map&itpe.q=loop' }, async ({ page, url }) => {
      await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
      await ready(page);
      await page.click('button[data-takeaway="link"]');
      await page.waitForSelector('#itpe-link', { state: 'visible' });
      await focusOn(page, '#itpe-link');
      const field = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, value: el.value, selected: el.selectionEnd - el.selectionStart };
      });
      assert.equal(field.id, 'itpe-link');
      assert.equal(field.value, new URL('../index.html?view=map&q=loop', url).href);
      assert.equal(field.selected, field.value.length, 'the whole link is selected');
      assert.match(await page.textContent('.itpe-takeaway-status'), /Ctrl\+C/);
      await snapshot(page, 'takeaway-embedded-link-fallback');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the citation names the paper and the open item\'s paragraph in all three languages', async (t) => {
  const paper = 'Innovation and Technology in the 2021 Policy Address';
  const expected = {
    en: new RegExp(`^Innovation and Technology Bureau \\(2021\\)\\. ${paper}, para\\. 8\\. Retrieved \\d{1,2} [A-Z][a-z]+ \\d{4}, from http://\\S+/\\?item=hsitp$`),
    'zh-hant': new RegExp(`^Innovation and Technology Bureau（2021）。${paper}，第8段。\\d{4}年\\d{1,2}月\\d{1,2}日擷取自 http://\\S+/\\?lang=zh-hant&item=hsitp$`),
    'zh-hans': new RegExp(`^Innovation and Technology Bureau（2021）。${paper}，第8段。\\d{4}年\\d{1,2}月\\d{1,2}日检索自 http://\\S+/\\?lang=zh-hans&item=hsitp$`),
  };
  for (const [lang, pattern] of Object.entries(expected)) {
    const query = lang === 'en' ? '?item=hsitp' : `?lang=${lang}&item=hsitp`;
    await withPage(t, { query, width: lang === 'en' ? 375 : 1280 }, async ({ page, context, server }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      await ready(page);
      await page.click('button[data-takeaway="cite"]');
      const citation = await page.inputValue('#itpe-citation');
      assert.match(citation, pattern);
      await page.click('button[data-takeaway="copy-citation"]');
      await page.waitForFunction(() => document.querySelector('.itpe-takeaway-status').textContent.length > 0);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
      await snapshot(page, `takeaway-cite-${lang}`);
    });
  }
  // Without an open item, the paper as a whole.
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await ready(page);
    await page.click('button[data-takeaway="cite"]');
    assert.match(await page.inputValue('#itpe-citation'), /Policy Address\. Retrieved /);
  });
});
