// The Chinese reader's edition: translated names and texts, Chinese numbers and dates, search in
// both scripts, language attributes, the translation file fetched only for Chinese, and a clear
// notice (with English shown) when it cannot be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { withPage, ready, snapshot, bundleCopy } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LANGS = ['zh-hant', 'zh-hans'];

/** Waits until the Chinese texts have replaced the English ones (the edition note shows). */
async function chineseReady(page) {
  await ready(page);
  await page.waitForSelector('.itpe-translation-note:not([role="status"])');
}

/** The ids of all results, after asking for the rows beyond the first ones. */
async function resultIds(page) {
  if (await page.isVisible('.itpe-show-all')) await page.click('.itpe-show-all');
  return page.$$eval('.itpe-result', (els) => els.map((e) => e.dataset.item));
}

/**
 * Latin-script words and Chinese words in an element's text, leaving out what is marked as
 * English (the paper's quotes, English titles). A Chinese word is counted as two characters
 * (Chinese words average 1.5-2 characters), which errs against Chinese.
 */
function wordShares(selector) {
  const root = document.querySelector(selector);
  let text = '';
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += ` ${node.textContent}`;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.getAttribute('lang') === 'en' || node.hidden) return;
    if (getComputedStyle(node).display === 'none') return;
    for (const c of node.childNodes) walk(c);
  };
  walk(root);
  const latin = (text.match(/[A-Za-z][A-Za-z'’-]*/g) || []).length;
  const han = (text.match(/[\u3400-\u9fff]/g) || []).length;
  return { latin, chinese: han / 2, sample: (text.match(/[A-Za-z][A-Za-z'’-]*/g) || []).slice(0, 40).join(' ') };
}

for (const lang of LANGS) {
  test(`${lang}: Explore reads in Chinese, says once that translations are unofficial, and marks English`, async (t) => {
    // Largest amounts first, so the first rows state HK$ figures.
    await withPage(t, { query: `?lang=${lang}&sort=amount` }, async ({ page }) => {
      await chineseReady(page);
      const html = await page.evaluate(() => document.documentElement.lang);
      assert.equal(html, lang === 'zh-hant' ? 'zh-Hant-HK' : 'zh-Hans');
      // The note, once.
      const notes = await page.$$eval('.itpe', (els) => els[0].textContent.match(/非官方/g) || []);
      assert.equal(notes.length, 1, 'the unofficial-translation note appears once');
      // Header and tab title in Chinese.
      assert.match(await page.textContent('.itpe-paper-title'), /施政報告|施政报告/);
      assert.match(await page.textContent('.itpe-issuer'), /^(發出機構|发出机构)：創新及科技局|^(發出機構|发出机构)：创新及科技局/);
      assert.match(await page.title(), /創科政策探索|创科政策探索/);
      // Amounts in 億/萬 and Chinese hedges; no English number words.
      const figures = await page.$$eval('.itpe-key-figures li', (els) => els.map((e) => e.textContent).join(' '));
      assert.match(figures, /[億亿]港元/);
      assert.doesNotMatch(figures, /billion|million|HK\$|around|over /);
      // Under 15% of the words of the main area are Latin-script (the paper's quotes aside).
      const share = await page.evaluate(wordShares, '#itpe-main');
      const ratio = share.latin / (share.latin + share.chinese);
      assert.ok(ratio < 0.15, `Latin words: ${share.latin} of ${share.latin + share.chinese} (${(ratio * 100).toFixed(1)}%): ${share.sample}`);
      // Facet counts and punctuation in the Chinese style.
      const count = await page.textContent('[data-facet-group="kind"] .itpe-count');
      assert.match(count, /^（\d+）$/);
      await snapshot(page, `chinese-${lang}-explore-1280`);
    });
  });

  test(`${lang}: both scripts find both scripts, by name, alias and amount`, async (t) => {
    await withPage(t, { query: `?lang=${lang}` }, async ({ page }) => {
      await chineseReady(page);
      const cases = [
        ['數碼港', 'cyberport-5'],
        ['数码港', 'cyberport-5'],
        ['河套', 'hsitp'],
        ['科學園', 'science-park-rd-facilities'],
        ['科学园', 'science-park-rd-facilities'],
        ['Cyberport', 'cyberport-5'],
      ];
      for (const [q, item] of cases) {
        await page.fill('#itpe-search', q);
        await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
        const ids = await resultIds(page);
        assert.ok(ids.includes(item), `${q} finds ${item} (${lang}): ${ids.join(' ')}`);
      }
      // The match is marked in the title, whichever script was typed.
      await page.fill('#itpe-search', lang === 'zh-hant' ? '数码港' : '數碼港');
      await page.waitForSelector('.itpe-result mark');
      assert.match(await page.textContent('.itpe-result mark'), /數碼港|数码港/);
      // 263億 and 26.3億 find HK$26.3 billion (a figure of paragraph 3). The figures follow the
      // results a frame later, so each query starts from an empty search, which shows none.
      for (const q of ['263億', '26.3億', '263亿']) {
        await page.fill('#itpe-search', '');
        await page.waitForSelector('.itpe-figure-matches', { state: 'detached' });
        await page.fill('#itpe-search', q);
        await page.waitForSelector('.itpe-figure-matches li[data-figure="f-p3-2"]');
      }
      // A search that finds nothing says so, quoting it; it does not blame the filters.
      await page.fill('#itpe-search', '不存在的東西');
      await page.waitForSelector('.itpe-empty-results');
      const empty = await page.textContent('.itpe-empty-results p');
      assert.match(empty, /不存在的東西/);
      assert.doesNotMatch(empty, /篩選|筛选/);
      const chip = await page.textContent('.itpe-chips .itpe-chip');
      assert.match(chip, lang === 'zh-hant' ? /搜尋：「不存在的東西」/ : /搜索：“不存在的東西”/);
    });
  });

  test(`${lang}: item details show the English title beside the Chinese, with dates and amounts in Chinese`, async (t) => {
    await withPage(t, { query: `?lang=${lang}&item=itf-injection` }, async ({ page }) => {
      await chineseReady(page);
      await page.waitForSelector('.itpe-detail');
      const title = await page.textContent('#itpe-detail-title');
      assert.match(title, /[\u3400-\u9fff]/, 'Chinese title');
      const english = page.locator('.itpe-english-title [lang="en"]');
      assert.match(await english.textContent(), /[A-Za-z]/);
      assert.match(await page.textContent('.itpe-detail-figures'), /195[億亿]港元/);
      assert.equal(await page.getAttribute('.itpe-source-quote p', 'lang'), 'en');
      // The close button stays on one line.
      const box = await page.locator('.itpe-detail-close').boundingBox();
      assert.ok(box.height < 48, `close button ${box.height}px high`);
      await snapshot(page, `chinese-${lang}-detail-1280`);
    });
  });

  test(`${lang}: the timeline writes dates with 年, the map and charts in Chinese`, async (t) => {
    await withPage(t, { query: `?lang=${lang}&view=timeline&tl=list` }, async ({ page }) => {
      await chineseReady(page);
      await page.waitForSelector('.itpe-tl-list time');
      const dates = await page.$$eval('.itpe-tl-list time', (els) => els.map((e) => e.textContent));
      assert.ok(dates.every((d) => /年/.test(d)), dates.slice(0, 5).join(' '));
      assert.ok(dates.some((d) => /年年中|年年底/.test(d)));
      await snapshot(page, `chinese-${lang}-timeline-1280`);
      // Zoomed in to months: the period shown and the ticks in 年月.
      await page.click('button[data-mode="axis"]');
      await page.waitForSelector('.itpe-tl-range');
      await page.click('button[data-zoom="in"]');
      await page.click('button[data-zoom="in"]');
      await page.waitForFunction(() => /^\d{4}年\d{1,2}月至\d{4}年\d{1,2}月$/.test(document.querySelector('.itpe-tl-range')?.textContent));
      await page.waitForFunction(() => [...document.querySelectorAll('.itpe-tl-tick-label')].some((t) => /年\d+月/.test(t.textContent)));
      await page.click('nav.itpe-views a[data-view="map"]');
      await page.waitForSelector('.itpe-map-table td');
      const districts = await page.$$eval('.itpe-map-table tbody td:nth-child(2)', (els) => els.map((e) => e.textContent));
      assert.ok(districts.every((d) => /[\u3400-\u9fff]/.test(d)), districts.join(' '));
      assert.doesNotMatch(await page.textContent('.itpe-map-table'), /, /);
      await snapshot(page, `chinese-${lang}-map-1280`);
      await page.click('nav.itpe-views a[data-view="charts"]');
      await page.waitForSelector('.itpe-chart-svg svg');
      const money = await page.textContent('#itpe-chart-money .itpe-chart-svg');
      assert.match(money, /[億亿]港元/);
      assert.doesNotMatch(money, /billion|million/);
      await snapshot(page, `chinese-${lang}-charts-1280`);
    });
  });

  for (const [name, query, width] of [
    ['explore with details', `?lang=${lang}&item=hsitp&q=河套`, 1280],
    ['explore', `?lang=${lang}`, 375],
    ['timeline', `?lang=${lang}&view=timeline`, 1280],
    ['map', `?lang=${lang}&view=map&place=cyberport`, 1280],
    ['charts', `?lang=${lang}&view=charts`, 375],
  ]) {
    test(`${lang}: ${name} at ${width} px has no WCAG 2.1 AA violations`, async (t) => {
      await withPage(t, { query, width, bypassCSP: true }, async ({ page }) => {
        await chineseReady(page);
        await page.waitForTimeout(300);
        if (width === 375) await snapshot(page, `chinese-${lang}-${name.replace(/\W+/g, '-')}-375`);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(result, [], result.join('\n'));
      });
    });
  }
}

test('English fetches no translation file; Chinese fetches only its own, once', async (t) => {
  await withPage(t, { query: '' }, async ({ page }) => {
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.reload();
    await ready(page);
    assert.deepEqual(fetched.filter((p) => /\.zh-han[st]\.json$/.test(p)), []);
    await page.click('.itpe-lang-switch a[hreflang="zh-Hant-HK"]');
    await chineseReady(page);
    await page.click('.itpe-lang-switch a[hreflang="en"]');
    await page.waitForFunction(() => !document.querySelector('.itpe-translation-note'));
    await page.click('.itpe-lang-switch a[hreflang="zh-Hant-HK"]');
    await chineseReady(page);
    assert.deepEqual(fetched.filter((p) => /\.zh-han[st]\.json$/.test(p)), ['/data/policy-2021.zh-hant.json']);
  });
});

test('a missing translation file leaves English on screen with a clear notice', async (t) => {
  const dir = bundleCopy((d) => fs.rmSync(path.join(d, 'data/policy-2021.zh-hant.json')));
  await withPage(t, { query: '?lang=zh-hant', dir, expectErrors: ['404'] }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe-translation-failed');
    assert.match(await page.textContent('.itpe-translation-failed'), /無法載入中文內容[\s\S]*policy-2021\.zh-hant\.json[\s\S]*404/);
    assert.ok((await page.locator('.itpe-result').count()) > 0, 'the items still show, in English');
    assert.equal(await page.getAttribute('.itpe-result-title', 'lang'), 'en');
  });
});

test('a translation file for another dataset version is refused with its reason', async (t) => {
  const dir = bundleCopy((d) => {
    const file = path.join(d, 'data/policy-2021.zh-hans.json');
    const tr = JSON.parse(fs.readFileSync(file, 'utf8'));
    tr.dataset_version = '0.0.1';
    fs.writeFileSync(file, JSON.stringify(tr));
  });
  await withPage(t, { query: '?lang=zh-hans', dir }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe-translation-failed');
    assert.match(await page.textContent('.itpe-translation-failed'), /0\.0\.1/);
  });
});
