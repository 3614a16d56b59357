// Shared set-up for the browser tests: a loopback server for the built bundle, Debian's
// headless Chromium through playwright-core, and a page that fails its test on any console
// error, uncaught exception, CSP violation or request to a host other than the server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve, STRICT_CSP } from '../serve.mjs';

export const DIST = path.resolve(process.env.DIST || 'dist');
export const ARTIFACTS = path.resolve('tests/artifacts');
export { STRICT_CSP };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

let browser;
before(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no built bundle in ${DIST}: run scripts/build first`);
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
});

/** The paper's public JSON, which a broken-input test may edit (see `bundleCopy`). */
const DATASET_JSON = 'data/policy-2021.json';

/**
 * A copy of the bundle in a temporary folder, changed by `edit(dir)`: for broken-input tests.
 * The app loads the paper's pack (`data/policy-2021.pack`, src/pack.rs), not its JSON: when
 * `edit` changes or removes the JSON, the copy's pages name it (`data-dataset`), as a host
 * page with a dataset of its own does, so that the app loads the edited file.
 */
export function bundleCopy(edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itpe-bundle-'));
  fs.cpSync(DIST, dir, { recursive: true });
  edit(dir);
  const json = (d) => { try { return fs.readFileSync(path.join(d, DATASET_JSON)); } catch { return null; } };
  const edited = json(dir);
  if (!edited || !edited.equals(json(DIST))) {
    for (const page of ['index.html', 'embed.html']) {
      const file = path.join(dir, page);
      const html = fs.readFileSync(file, 'utf8');
      if (!html.includes('data-dataset=')) {
        fs.writeFileSync(file, html.replace('data-it-policy-explorer', `data-it-policy-explorer data-dataset="${DATASET_JSON}"`));
      }
    }
  }
  return dir;
}

/**
 * Opens `query` (e.g. "?view=map") in a fresh page of a bundle served at `base` and runs
 * `body({ page, url, problems })`. The test fails if the page logged a console error, threw,
 * reported a CSP violation or asked for any host but the server; a screenshot is saved on
 * failure. `expectErrors` lists console-error substrings that the test provokes on purpose;
 * `bypassCSP` lets a test inject its own script (axe-core) into the page; `mounts` serves more
 * folders beside the bundle (see `serve`), e.g. a host page that embeds it.
 */
export async function withPage(t, opts, body) {
  const { query = '', base = '/', csp = STRICT_CSP, dir = DIST, width = 1280, height = 900,
    expectErrors = [], bypassCSP = false, javaScriptEnabled = true, mounts = [] } = opts;
  const server = await serve({ dir, base, csp, mounts });
  const origin = new URL(server.url).origin;
  const url = server.url + query;
  try {
    await checkedPage(t, { allowed: origin, width, height, expectErrors, bypassCSP, javaScriptEnabled }, url,
      (args) => body({ ...args, url, server }));
  } finally {
    await server.close();
  }
}

/**
 * Opens a page of a file in the file system (`file` an absolute path, `query` e.g. "?view=map")
 * and runs `body` as `withPage` does. Every request that is not for a file fails the test.
 */
export async function withFilePage(t, opts, body) {
  const { file, query = '', width = 1280, height = 900, expectErrors = [] } = opts;
  const url = pathToFileURL(file).href + query;
  await checkedPage(t, { allowed: 'file:', width, height, expectErrors }, url, (args) => body({ ...args, url }));
}

/** A fresh context and page at `url` that fails its test on any problem (see `withPage`). */
async function checkedPage(t, { allowed, width, height, expectErrors, bypassCSP = false, javaScriptEnabled = true }, url, body) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, bypassCSP, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(allowed) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push(`request to another host: ${u}`);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (expectErrors.some((e) => text.includes(e))) return;
    problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  try {
    await page.goto(url);
    await body({ page, context, problems });
    if (problems.length) throw new Error(problems.join('\n'));
  } catch (err) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const name = t.name.replace(/[^\w-]+/g, '_').slice(0, 80);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }).catch(() => {});
    err.message += `\n(screenshot: tests/artifacts/${name}.png)`;
    throw err;
  } finally {
    await context.close();
  }
}

/** Waits until the app has replaced the first paint and the dataset has loaded. */
export async function ready(page) {
  await page.waitForSelector('.itpe nav.itpe-views');
  await page.waitForFunction(() => !document.querySelector('.itpe-loading'));
}

/** What has focus, in a form a failure message can show. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}=${a.value}]`).join('')}`;
});

/** Waits until focus is on an element matching `selector`, and fails saying where it is if it
 * does not get there: the app moves focus in the frame after it draws what it focuses
 * (`hooks::focus`), so reading it at once races that frame. */
export async function focusOn(page, selector, message = '') {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), selector, { timeout: 3000 })
    .catch(async () => assert.fail(`focus should be on ${selector}, is on ${await focused(page)}${message ? ` (${message})` : ''}`));
}

/** Saves a screenshot for people to look at (not a check). */
export async function snapshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
