// Pinch with two touch pointers, on the map and on the timeline (one gesture module serves
// both, see src/gesture.rs). Touches go through Chromium's input pipeline (CDP), so the
// views' touch-action and pointer handling are what a phone would meet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, ready } from './harness.mjs';

const viewBox = (page) => page.getAttribute('.itpe-map-svg', 'viewBox');

/** Two fingers from `from` px apart to `to` px apart, horizontally about (x, y), in steps. */
async function pinch(page, { x, y, from, to, steps = 8 }) {
  const cdp = await page.context().newCDPSession(page);
  const points = (d) => [
    { x: x - d / 2, y, id: 1, radiusX: 4, radiusY: 4, force: 1 },
    { x: x + d / 2, y, id: 2, radiusX: 4, radiusY: 4, force: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / steps) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const months = (zoom) => {
  const [a, b] = zoom.split(',').map((m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1);
  return { first: a, last: b, len: b - a + 1 };
};

test('map: pinching apart zooms in about the fingers, pinching together zooms out', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe-map-frame .itpe-map-marker');
    const zoom = async () => Number(await page.getAttribute('.itpe-map-frame', 'data-zoom'));
    assert.equal(await zoom(), 1);
    // The fingers about Sha Tin (the University station marker).
    const box = await page.locator('.itpe-map-frame').boundingBox();
    const st = await page.locator('.itpe-map-marker[data-site="university-station"]').boundingBox();
    const x = st.x + st.width / 2;
    const y = st.y + st.height / 2;
    // The map point under (x, y), from the svg's viewBox (the frame shows it edge to edge).
    const mapPoint = async () => {
      const [vx, vy, vw] = (await viewBox(page)).split(/\s+/).map(Number);
      const k = vw / box.width;
      return [vx + (x - box.x) * k, vy + (y - box.y) * k];
    };
    const before = await mapPoint();
    // 100 px apart, spread to 300 px: three times as close.
    await pinch(page, { x, y, from: 100, to: 300 });
    await page.waitForFunction(() => Number(document.querySelector('.itpe-map-frame').dataset.zoom) > 1);
    const z = await zoom();
    assert.ok(z > 2.5 && z < 3.5, `zoom ${z} after spreading the fingers three times as far`);
    // The point between the fingers stays under them.
    const after = await mapPoint();
    const drift = Math.hypot(after[0] - before[0], after[1] - before[1]);
    assert.ok(drift < 3, `the point between the fingers moved ${drift} map units: ${before} to ${after}`);
    // Pinching back together zooms out again.
    await pinch(page, { x, y, from: 300, to: 100 });
    await page.waitForFunction(() => Number(document.querySelector('.itpe-map-frame').dataset.zoom) < 1.2);
    assert.ok(Math.abs((await zoom()) - 1) < 0.05, `zoom ${await zoom()} after pinching back`);
    // The marker under the fingers was not opened by the gesture.
    assert.equal(new URL(page.url()).searchParams.get('place'), null);
  });
});

test('timeline: pinching apart narrows the months shown about the fingers, together widens them', async (t) => {
  await withPage(t, { query: '?view=timeline&zoom=2019-01,2022-12' }, async ({ page }) => {
    await ready(page);
    await page.waitForSelector('.itpe-tl-chart .itpe-tl-mark');
    const zoom = () => new URL(page.url()).searchParams.get('zoom');
    const box = await page.locator('.itpe-tl-lane-svg').first().boundingBox();
    // Fingers about the middle of the window (the start of 2021), on a lane.
    const x = box.x + box.width / 2;
    await pinch(page, { x, y: box.y + 10, from: 100, to: 300 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') !== '2019-01,2022-12');
    const inward = months(zoom());
    // 48 months, three times closer: about 16, centred where the fingers were.
    assert.ok(inward.len >= 12 && inward.len <= 20, `${zoom()}: ${inward.len} months`);
    const middle = (inward.first + inward.last + 1) / 2;
    assert.ok(Math.abs(middle - 2021 * 12) <= 2, `${zoom()} is not centred on 2021-01`);
    // No mark was opened by the fingers.
    assert.equal(new URL(page.url()).searchParams.get('item'), null);
    // Together again: back to about the four years.
    const before = zoom();
    await pinch(page, { x, y: box.y + 10, from: 300, to: 100 });
    await page.waitForFunction((z) => new URL(location.href).searchParams.get('zoom') !== z, before);
    const outward = months(zoom());
    assert.ok(outward.len >= 40 && outward.len <= 56, `${zoom()}: ${outward.len} months`);
  });
});
