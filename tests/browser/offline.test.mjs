// Offline use: the single-file edition opened from the file system (every view, search, details,
// a chart download, view state across reloads and history), with no request but the file itself;
// and the offline archive (its files and its SHA-256 manifest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPage, withFilePage, ready, snapshot, DIST } from './harness.mjs';

const SINGLE = path.join(DIST, 'it-policy-explorer-offline.html');
const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policy-2021.json'), 'utf8'));
const current = (page) => page.getAttribute('nav.itpe-views a[aria-current="page"]', 'data-view');
const VIEWS = {
  timeline: '.itpe-tl-chart .itpe-tl-mark, .itpe-tl-list, .itpe-tl-empty',
  map: '.itpe-map-frame .itpe-map-marker',
  charts: '.itpe-chart-svg svg',
  source: '[id^="itpe-para-"]',
  explore: '.itpe-result',
};

test('the single file is one self-contained page with a strict meta CSP', () => {
  const html = fs.readFileSync(SINGLE, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(csp, 'a meta CSP');
  assert.match(csp, /^default-src 'none'; script-src 'sha256-[\w+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[\w+/=]+'; img-src data:;/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'|\*/);
  // Nothing refers to another file but the noscript text's link to the dataset.
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(refs.filter((r) => r !== 'data:,'), ['data/policy-2021.json']);
  assert.match(html, /<noscript>/);
});

test('the single file works from file:// with no request: views, search, details, download, state', async (t) => {
  await withFilePage(t, { file: SINGLE }, async ({ page, url }) => {
    await ready(page);
    const note = await page.textContent('.itpe-edition-note');
    const { dataset_version: version } = JSON.parse(fs.readFileSync(path.join(DIST, 'data/policy-2021.json'), 'utf8')).document;
    assert.match(note, new RegExp(`Offline edition · app version \\d+\\.\\d+\\.\\d+ · Data as of 2021-10-06 · dataset version ${version.replace(/\./g, '\\.')}`));
    assert.equal(await page.locator('.itpe-offline-download').count(), 0, 'the offline copy offers no download of itself');
    // The title names the view, and the edition as the first paint did.
    await page.waitForFunction(() => document.title === 'Explore · I&T Policy Explorer (offline edition)');
    await snapshot(page, 'offline-single-file-1280');

    for (const [view, shows] of Object.entries(VIEWS)) {
      await page.click(`nav.itpe-views a[data-view="${view}"]`);
      await page.waitForFunction((v) => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === v, view);
      await page.waitForSelector(shows);
    }

    await page.fill('#itpe-search', '1070');
    await page.waitForSelector('.itpe-figure-matches');
    assert.match(await page.textContent('.itpe-figure-matches'), /1 070/);
    await page.fill('#itpe-search', 'loop');
    await page.click('a[data-item-link="hsitp"]');
    await page.waitForSelector('.itpe-detail[data-item="hsitp"]');
    assert.match(await page.textContent('.itpe-detail'), /Lok Ma Chau Loop/);

    await page.click('nav.itpe-views a[data-view="charts"]');
    await page.waitForSelector('figure[data-chart="land"] .itpe-chart-svg svg');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('figure[data-chart="land"] button[data-download="png"]'),
    ]);
    assert.equal(download.suggestedFilename(), 'itpe-chart-land.png');
    const png = fs.readFileSync(await download.path());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    // The view state is in the address (the query string: Chromium keeps it on file://).
    const state = new URL(page.url());
    assert.equal(state.protocol, 'file:');
    assert.equal(state.searchParams.get('view'), 'charts');
    assert.equal(state.searchParams.get('item'), 'hsitp');
    assert.equal(state.searchParams.get('q'), 'loop');
    await page.reload();
    await ready(page);
    assert.equal(await current(page), 'charts');
    assert.equal(page.url(), state.href);
    // Back and forward.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === 'explore');
    await page.waitForSelector('.itpe-detail[data-item="hsitp"]');
    assert.equal(await page.inputValue('#itpe-search'), 'loop');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('nav.itpe-views a[aria-current="page"]')?.dataset.view === 'charts');
    assert.ok(url.startsWith('file://'));
  });
});

test('a view passed to another copy of the single file opens there', async (t) => {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'itpe-copy-')), 'explorer.html');
  fs.copyFileSync(SINGLE, copy);
  await withFilePage(t, { file: copy, query: '?view=map&place=ma-liu-shui&lang=zh-hant', width: 375 }, async ({ page }) => {
    await ready(page);
    assert.equal(await current(page), 'map');
    await page.waitForSelector('.itpe-map-site h3');
    assert.match(await page.textContent('.itpe-edition-note'), /離線版/);
    await snapshot(page, 'offline-single-file-map-zh-hant-375');
  });
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
});

test('the archive holds the bundle, the single file, the data and a manifest that matches', () => {
  const zip = path.join(DIST, 'it-policy-explorer-offline.zip');
  const listing = JSON.parse(execFileSync('python3', ['-c', `
import base64, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))
`, zip], { maxBuffer: 64 << 20 }));
  const files = Object.fromEntries(Object.entries(listing).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
  const names = Object.keys(files);
  assert.ok(names.every((n) => n.startsWith('it-policy-explorer/')), 'one top folder');
  const inside = names.map((n) => n.slice('it-policy-explorer/'.length)).sort();
  for (const expected of ['README.txt', 'SHA256SUMS', 'index.html', 'loader.js', 'it-policy-explorer.js',
    'it-policy-explorer_bg.wasm', 'it-policy-explorer.css', 'it-policy-explorer-offline.html', 'data/policy-2021.json',
    'data/policy-2021.schema.json']) {
    assert.ok(inside.includes(expected), `${expected} in the archive`);
  }
  assert.ok(!inside.some((n) => n.endsWith('.zip')), 'the archive does not hold itself');

  const manifest = files['it-policy-explorer/SHA256SUMS'].toString('utf8').trim().split('\n');
  const listed = manifest.map((line) => {
    const [, hash, name] = line.match(/^([0-9a-f]{64}) {2}(.+)$/);
    const body = files[`it-policy-explorer/${name}`];
    assert.ok(body, `${name} of the manifest is in the archive`);
    assert.equal(crypto.createHash('sha256').update(body).digest('hex'), hash, `hash of ${name}`);
    return name;
  });
  assert.deepEqual(listed.sort(), inside.filter((n) => n !== 'SHA256SUMS'), 'every other file is listed');

  // The archive's files are the built ones (the index.html without the offer of the archive).
  for (const f of ['it-policy-explorer_bg.wasm', 'it-policy-explorer-offline.html', 'data/policy-2021.json']) {
    assert.ok(files[`it-policy-explorer/${f}`].equals(fs.readFileSync(path.join(DIST, f))), f);
  }
  const readme = files['it-policy-explorer/README.txt'].toString('utf8');
  for (const s of ['it-policy-explorer-offline.html', 'Natural Earth', 'Innovation and Technology Bureau', 'Data as of 2021-10-06']) {
    assert.ok(readme.includes(s), `README.txt mentions ${s}`);
  }
  assert.doesNotMatch(files['it-policy-explorer/index.html'].toString('utf8'), /data-offline-download/);
  // The hosted page offers the archive with its real size.
  const hosted = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(hosted, new RegExp(`data-offline-download="it-policy-explorer-offline.zip" data-offline-bytes="${fs.statSync(zip).size}"`));
});

test('the archive is reproducible: built again from the same files, it is the same bytes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itpe-archive-'));
  try {
    fs.cpSync(DIST, dir, { recursive: true });
    execFileSync('python3', ['scripts/archive.py', dir]);
    const zip = 'it-policy-explorer-offline.zip';
    assert.ok(fs.readFileSync(path.join(dir, zip)).equals(fs.readFileSync(path.join(DIST, zip))));
    assert.equal(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'), fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the hosted page offers the archive for download, with its size', async (t) => {
  const zip = fs.readFileSync(path.join(DIST, 'it-policy-explorer-offline.zip'));
  await withPage(t, { width: 375 }, async ({ page }) => {
    await ready(page);
    const offer = page.locator('.itpe-site-footer .itpe-offline-download');
    const size = zip.length < 1e6 ? `${Math.round(zip.length / 1e3)} KB` : `${(Math.round(zip.length / 1e5) / 10).toFixed(1)} MB`;
    assert.equal((await offer.textContent()).trim(), `Download for offline use (zip, ${size})`);
    assert.equal(await page.locator('.itpe-edition-note').count(), 0, 'the hosted page is not the offline edition');
    await offer.scrollIntoViewIfNeeded();
    await snapshot(page, 'offline-download-footer-375');
    const [download] = await Promise.all([page.waitForEvent('download'), offer.locator('a').click()]);
    assert.equal(download.suggestedFilename(), 'it-policy-explorer-offline.zip');
    assert.ok(fs.readFileSync(await download.path()).equals(zip));
  });
});

test('the data shown offline is the dataset of the bundle', () => {
  const html = fs.readFileSync(SINGLE, 'utf8');
  const inline = html.match(/<script type="application\/json" id="itpe-data">([\s\S]*?)<\/script>/)[1];
  assert.deepEqual(JSON.parse(inline), data);
});
