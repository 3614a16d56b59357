// The Chinese edition's code in its own chunk (src/zh_code.rs, src/ui/split.rs `chinese_code`):
// an English reader never fetches it; a Chinese start waits for it before the app's first frame,
// so no English masthead or tabs flash; a switch to Chinese at run time keeps the page in English
// (saying the Chinese texts are loading) until it is there; a chunk that cannot be loaded leaves
// a working English page with a message and a retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, ready, snapshot } from './harness.mjs';

const ZH_CHUNK = 'split_zh.wasm';
const NOT_FOUND = ['404', 'Failed to load resource', 'HTTP status code is not ok'];
const ENGLISH_TABS = /Explore|Timeline|Map|Charts|Source/;

/** The bundle files a page asks for, by name (query dropped). */
function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(r.url().split('?')[0].split('/').pop()));
  return seen;
}

/** Waits until the Chinese texts have replaced the English ones (the edition note shows). */
async function chineseReady(page) {
  await ready(page);
  await page.waitForSelector('.itpe-translation-note:not([role="status"])');
}

/** The app name and the tabs' text now. */
const shell = (page) => page.evaluate(() => ({
  app: document.querySelector('.itpe-app-name')?.textContent,
  tabs: document.querySelector('nav.itpe-views')?.textContent,
  lang: document.querySelector('.itpe')?.lang,
}));

test('an English start fetches no Chinese code, nor a pointer over the English link', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const seen = recordRequests(page);
    await page.reload();
    await ready(page);
    await page.fill('#itpe-search', 'fund');
    await page.hover('.itpe-lang-switch a[hreflang="en"]');
    await page.waitForTimeout(300);
    assert.ok(!seen.includes(ZH_CHUNK), `no ${ZH_CHUNK}: ${seen.filter((f) => f.endsWith('.wasm'))}`);
  });
});

test('a Chinese link: the app\'s first frame is already Chinese (no English masthead or tabs)', async (t) => {
  for (const lang of ['zh-hant', 'zh-hans']) {
    await withPage(t, { query: `?lang=${lang}&view=explore` }, async ({ page }) => {
      const seen = recordRequests(page);
      // Every state of the app's shell, from its first frame on (the first paint of index.html,
      // before the wasm, has no tabs).
      await page.addInitScript(() => {
        window.itpeFrames = [];
        new MutationObserver(() => {
          const tabs = document.querySelector('.itpe nav.itpe-views');
          if (!tabs) return;
          const app = document.querySelector('.itpe-app-name')?.textContent;
          window.itpeFrames.push({ app, tabs: tabs.textContent });
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await page.reload();
      await chineseReady(page);
      const frames = await page.evaluate(() => window.itpeFrames);
      assert.ok(frames.length > 0, 'the observer saw the app');
      for (const f of frames) {
        assert.match(f.app, /創科政策探索|创科政策探索/, `every frame in Chinese: ${JSON.stringify(f)}`);
        assert.doesNotMatch(f.tabs, ENGLISH_TABS, `tabs in Chinese in every frame: ${JSON.stringify(f)}`);
      }
      assert.ok(seen.includes(ZH_CHUNK), 'its code was fetched');
      assert.equal((await shell(page)).lang, lang === 'zh-hant' ? 'zh-Hant-HK' : 'zh-Hans');
      await snapshot(page, `zh-chunk-${lang}-explore-1280`);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForTimeout(300);
      await snapshot(page, `zh-chunk-${lang}-explore-375`);
    });
  }
});

test('a switch to Chinese keeps the page English, saying so, until the code is there; then all Chinese', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const seen = recordRequests(page);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(`**/${ZH_CHUNK}*`, async (route) => { await held; await route.continue(); });
    await ready(page);
    await page.click('.itpe-lang-switch a[hreflang="zh-Hans"]');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh-hans', 'the address changes at once');
    const status = page.locator('.itpe-translation-note[role="status"]');
    await status.waitFor();
    assert.equal(await status.textContent(), 'Loading the Chinese texts…');
    const meanwhile = await shell(page);
    assert.equal(meanwhile.app, 'I&T Policy Explorer', 'English until the code is there, not half Chinese');
    assert.match(meanwhile.tabs, /Explore/);
    assert.equal(meanwhile.lang, 'en');
    assert.equal(await page.getAttribute('.itpe-lang-switch a[aria-current]', 'hreflang'), 'en');
    await snapshot(page, 'zh-chunk-switch-while-loading-1280');
    release();
    await chineseReady(page);
    const after = await shell(page);
    assert.equal(after.app, '创科政策探索');
    assert.doesNotMatch(after.tabs, ENGLISH_TABS);
    assert.equal(after.lang, 'zh-Hans');
    assert.match(await page.textContent('.itpe-result-count'), /个项目/);
    assert.ok(seen.includes(ZH_CHUNK));
    await snapshot(page, 'zh-chunk-switch-done-1280');
    // Back to English and to Chinese again: the code is fetched once.
    const from = seen.length;
    await page.click('.itpe-lang-switch a[hreflang="en"]');
    await page.waitForFunction(() => document.querySelector('.itpe-app-name')?.textContent === 'I&T Policy Explorer');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('.itpe-app-name')?.textContent === '创科政策探索');
    assert.ok(!seen.slice(from).includes(ZH_CHUNK), 'fetched once per page');
  });
});

test('a pointer over a Chinese link fetches the code before the click', async (t) => {
  await withPage(t, {}, async ({ page }) => {
    const seen = recordRequests(page);
    await ready(page);
    await page.hover('.itpe-lang-switch a[hreflang="zh-Hant-HK"]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_zh\.wasm/.test(e.name)));
    assert.equal(new URL(page.url()).searchParams.get('lang'), null, 'still English until a click');
    assert.equal((await shell(page)).app, 'I&T Policy Explorer');
    const from = seen.length;
    await page.click('.itpe-lang-switch a[hreflang="zh-Hant-HK"]');
    await chineseReady(page);
    assert.ok(!seen.slice(from).includes(ZH_CHUNK), 'not fetched again');
  });
});

test('Chinese code that cannot be loaded: English works, the failure says so, Retry turns the page Chinese', async (t) => {
  await withPage(t, { query: '?lang=zh-hant', expectErrors: NOT_FOUND }, async ({ page }) => {
    let broken = true;
    await page.route(`**/${ZH_CHUNK}*`, (route) => (broken ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    await page.reload();
    await ready(page);
    const failed = page.locator('[data-chunk-failed="zh"]');
    await failed.waitFor();
    assert.equal(await failed.getAttribute('role'), 'alert');
    assert.match(await failed.textContent(), /Chinese edition could not be loaded/);
    // A working English page, the address unchanged.
    assert.equal((await shell(page)).app, 'I&T Policy Explorer');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh-hant');
    const before = await page.evaluate(() => [...document.querySelectorAll('.itpe-result')].map((r) => r.dataset.item).join());
    await page.fill('#itpe-search', 'cyberport');
    await page.waitForFunction((b) => [...document.querySelectorAll('.itpe-result')].map((r) => r.dataset.item).join() !== b, before);
    assert.match(await page.textContent('.itpe-result'), /Cyberport/);
    await snapshot(page, 'zh-chunk-failed-1280');
    broken = false;
    await failed.locator('button').click();
    await chineseReady(page);
    assert.equal((await shell(page)).app, '創科政策探索');
    assert.equal(await failed.count(), 0);
    assert.equal(await page.inputValue('#itpe-search'), 'cyberport', 'the search stays');
  });
});
