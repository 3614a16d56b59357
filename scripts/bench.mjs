// Speed and size figures (printed, not asserted): the first-load weight of the bundle, the time
// to first paint and to a loaded app, and search typing-to-paint. Run: bash scripts/bench
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, STRICT_CSP } from '../tests/serve.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const BUDGET = 150 * 1024;

// 1. Size: every file a first visit downloads.
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const firstLoad = ['index.html', 'loader.js', 'it-policy-explorer.js', 'it-policy-explorer_bg.wasm', 'data/policy-2021.json'];
for (const m of html.matchAll(/href="\.\/([\w.-]+\.css)/g)) firstLoad.push(m[1]);
for (const f of fs.readdirSync(dist, { recursive: true })) {
  if (/^map\/.+\.json$/.test(f) && !firstLoad.includes(f)) firstLoad.push(f);
}
let raw = 0;
let br = 0;
console.log('First load (brotli quality 11):');
for (const f of firstLoad) {
  const body = fs.readFileSync(path.join(dist, f));
  const c = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += body.length;
  br += c;
  console.log(`  ${f.padEnd(32)} ${String(body.length).padStart(8)} B raw ${String(c).padStart(8)} B brotli`);
}
console.log(`  ${'total'.padEnd(32)} ${String(raw).padStart(8)} B raw ${String(br).padStart(8)} B brotli (${(br / 1024).toFixed(1)} KB; budget ${BUDGET / 1024} KB: ${br <= BUDGET ? 'within' : 'OVER by ' + ((br - BUDGET) / 1024).toFixed(1) + ' KB'})`);

// 2. Timing in headless Chromium on loopback (no network latency: these are CPU figures).
const server = await serve({ dir: dist, csp: STRICT_CSP });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const runs = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await page.waitForSelector('.result');
  const ready = Date.now() - t0;
  // Typing: for each keystroke, the work it causes (the input handler plus the tasks the app
  // queues, i.e. until the event loop is idle) and the time until the next frame is painted
  // (which also waits for the display's next frame).
  const typing = await page.evaluate(async () => {
    const input = document.getElementById('itpe-search');
    const work = [];
    const paint = [];
    // A task boundary without setTimeout's 4 ms clamp on nested timers.
    const yieldTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    for (const q of ['s', 'sc', 'sci', 'scie', 'scien', 'science', 'science park', 'fund', '1 070', '']) {
      const t = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await yieldTask();
      work.push(performance.now() - t);
      await new Promise((r) => requestAnimationFrame(() => yieldTask().then(r)));
      paint.push(performance.now() - t);
    }
    const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    return { work: med(work), workMax: Math.max(...work), paint: med(paint) };
  });
  runs.push({ fcp, ready, work: typing.work, workMax: typing.workMax, paint: typing.paint });
  await page.close();
}
const med = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[2];
console.log('Timing (median of 5, headless Chromium, loopback):');
console.log(`  first contentful paint (title)  ${med('fcp').toFixed(0)} ms`);
console.log(`  app loaded with results         ${med('ready').toFixed(0)} ms`);
console.log(`  search keystroke: work         median ${med('work').toFixed(1)} ms, worst ${med('workMax').toFixed(1)} ms (one frame = 16.7 ms)`);
console.log(`  search keystroke: to paint     median ${med('paint').toFixed(1)} ms (includes waiting for the next frame)`);
await browser.close();
await server.close();
