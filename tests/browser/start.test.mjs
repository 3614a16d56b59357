// Every failed start has a message (and, where trying again can help, a Retry that works once
// the cause is gone): the bundle opened from the file system, the JS glue or the wasm missing,
// the wasm damaged, WebAssembly refused by the page's CSP, JavaScript turned off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage, withFilePage, ready, bundleCopy, snapshot, DIST } from './harness.mjs';

const GLUE = 'it-policy-explorer.js';
const WASM = 'it-policy-explorer_bg.wasm';

// The page's preload hints (index.html) are refused from file://, each with a console error:
// expected here, where the app cannot run and says so.
const HINTS_REFUSED = ['CORS policy', 'net::ERR_FAILED'];

test('dist/index.html opened from file:// says within a second that it needs a server', async (t) => {
  await withFilePage(t, { file: path.join(DIST, 'index.html'), expectErrors: HINTS_REFUSED }, async ({ page }) => {
    await page.waitForSelector('[role="alert"]');
    const elapsed = await page.evaluate(() => performance.now());
    assert.ok(elapsed < 1000, `the message shows ${Math.round(elapsed)} ms after the navigation started`);
    const text = await page.textContent('[role="alert"]');
    assert.match(text, /needs a web server/);
    assert.match(text, /python3 -m http\.server 8000 --directory "[^"]+dist\/?"/);
    assert.equal(await page.locator('.itpe-loading').count(), 0, 'no endless "Loading"');
    await snapshot(page, 'start-file-url-1280');
    // The single-file edition is named beside it, and the link opens it.
    await page.click('[role="alert"] a[href="it-policy-explorer-offline.html"]');
    await ready(page);
    assert.match(await page.textContent('.itpe-edition-note'), /Offline edition/);
  });
});

test('without its CSS (e.g. a copy missing them), the file:// message is still readable', async (t) => {
  const dir = bundleCopy((d) => {
    for (const f of fs.readdirSync(d)) if (f.endsWith('.css')) fs.rmSync(path.join(d, f));
  });
  await withFilePage(t, { file: path.join(dir, 'index.html'), expectErrors: ['ERR_FILE_NOT_FOUND', ...HINTS_REFUSED] }, async ({ page }) => {
    await page.waitForSelector('[role="alert"] h2');
    assert.match(await page.textContent('[role="alert"] h2'), /needs a web server/);
    assert.ok(await page.isVisible('[role="alert"] pre code'));
    await snapshot(page, 'start-file-url-unstyled-1280');
  });
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens a bundle whose file `name` was changed by `breakIt`, checks the message, restores the
 * file and retries: the app must then start without reloading the page. */
async function failsThenRetries(t, { name, breakIt, message, expectErrors }) {
  const original = fs.readFileSync(path.join(DIST, name));
  const dir = bundleCopy((d) => breakIt(path.join(d, name)));
  await withPage(t, { dir, expectErrors }, async ({ page }) => {
    await page.waitForSelector('[role="alert"] button');
    const text = await page.textContent('[role="alert"]');
    assert.match(text, /The app could not start/);
    assert.match(text, message);
    assert.ok(text.includes(name), `names ${name}`);
    assert.doesNotMatch(text, /this browser/i, 'does not blame the browser');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Retry');
    await snapshot(page, `start-${t.name.replace(/\W+/g, '-').slice(0, 40)}`);
    fs.writeFileSync(path.join(dir, name), original);
    await page.evaluate(() => { window.notReloaded = true; });
    await page.click('[role="alert"] button');
    await ready(page);
    assert.ok(await page.isVisible('.itpe-result'));
    assert.equal(await page.evaluate(() => window.notReloaded), true, 'retried in place');
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

test('the JS glue missing (404): a message naming it, and Retry', async (t) => {
  await failsThenRetries(t, {
    name: GLUE,
    breakIt: (f) => fs.rmSync(f),
    message: /could not be loaded/,
    expectErrors: ['404', 'the JS glue did not load'],
  });
});

test('the wasm missing (404): a message with the HTTP status, and Retry', async (t) => {
  await failsThenRetries(t, {
    name: WASM,
    breakIt: (f) => fs.rmSync(f),
    message: /could not be loaded.*\(HTTP 404\)/,
    expectErrors: ['404', 'the wasm did not load'],
  });
});

test('the wasm damaged: a message saying so, and Retry', async (t) => {
  await failsThenRetries(t, {
    name: WASM,
    breakIt: (f) => fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 5000)),
    message: /damaged \(not valid WebAssembly\)/,
    expectErrors: ['could not start'],
  });
});

test("a host page whose CSP lacks 'wasm-unsafe-eval' is told so", async (t) => {
  const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
  await withPage(t, { csp, expectErrors: ['could not start', 'CSP violation', 'unsafe-eval'] }, async ({ page }) => {
    await page.waitForSelector('[role="alert"]');
    assert.match(await page.textContent('[role="alert"]'), /Content-Security-Policy does not allow WebAssembly/);
  });
});

test('the failure messages follow the language of the link', async (t) => {
  const dir = bundleCopy((d) => fs.rmSync(path.join(d, WASM)));
  await withPage(t, { dir, query: '?lang=zh-hans', expectErrors: ['404', 'the wasm did not load'] }, async ({ page }) => {
    await page.waitForSelector('[role="alert"] button');
    assert.match(await page.textContent('[role="alert"]'), /应用程序未能启动。.*未能加载此文件/s);
    assert.equal(await page.textContent('[role="alert"] button'), '重试');
  });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('with JavaScript off, only the noscript text shows', async (t) => {
  await withPage(t, { javaScriptEnabled: false }, async ({ page }) => {
    const main = await page.innerText('main');
    assert.match(main, /This app needs JavaScript and WebAssembly/);
    assert.doesNotMatch(main, /Loading/);
    assert.equal(await page.locator('.itpe-loading').count(), 0);
    await snapshot(page, 'start-no-javascript-1280');
  });
});
