// Accessibility beyond axe (WCAG 2.1 AA): keyboard journeys that must never drop focus to
// <body> (2.4.3), focus indicators with 3:1 contrast that survive forced colours (1.4.11, 2.4.7),
// status in words as well as colours (1.4.1), dismissible tooltips (1.4.13), titles per view
// (2.4.2) and announced view switches (4.1.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, ready, focusOn } from './harness.mjs';

/** Opens an item's details from `opener` with Enter, closes them with the keyboard, and checks
 * that focus lands on `back`. */
async function openAndClose(page, opener, back) {
  await opener.focus();
  await page.keyboard.press('Enter');
  await focusOn(page, '#itpe-detail-title');
  await page.locator('.itpe-detail-close').focus();
  await page.keyboard.press('Enter');
  await focusOn(page, back);
}

test('timeline axis: Close returns focus to the mark that opened the details; Escape hides its tip', async (t) => {
  await withPage(t, { query: '?view=timeline&tl=axis' }, async ({ page }) => {
    await ready(page);
    const mark = page.locator('.itpe-tl-mark[tabindex="0"]').first();
    await mark.waitFor();
    await page.keyboard.press('Shift');
    await mark.focus();
    const i = await mark.getAttribute('data-i');
    await page.locator('.itpe-tl-tip').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.itpe-tl-tip').waitFor({ state: 'detached' });
    await focusOn(page, `.itpe-tl-mark[data-i="${i}"]`);
    await openAndClose(page, mark, `.itpe-tl-mark[data-i="${i}"]`);
  });
});

test('timeline list: Close returns focus to the list entry', async (t) => {
  await withPage(t, { query: '?view=timeline&tl=list' }, async ({ page }) => {
    await ready(page);
    const entry = page.locator('.itpe-tl-list-main button[data-i]').nth(3);
    await entry.waitFor();
    const i = await entry.getAttribute('data-i');
    await openAndClose(page, entry, `.itpe-tl-list-main button[data-i="${i}"]`);
  });
});

test('an item opened from the URL: Close moves focus to the main region, not <body>', async (t) => {
  await withPage(t, { query: '?view=timeline&tl=axis&item=hsitp' }, async ({ page }) => {
    await ready(page);
    await page.locator('.itpe-detail-close').click();
    await focusOn(page, '#itpe-main');
  });
});

test('explore and map: every panel gives focus back to what opened it', async (t) => {
  await withPage(t, { query: '?q=park' }, async ({ page }) => {
    await ready(page);
    const link = page.locator('[data-item-link]').first();
    const id = await link.getAttribute('data-item-link');
    await openAndClose(page, link, `[data-item-link="${id}"]`);

    // Map: Science Park is among the sites of the items that mention "park".
    await page.locator('nav.itpe-views a[data-view="map"]').click();
    const marker = page.locator('.itpe-map-marker[data-site="hksp"]');
    await marker.focus();
    await page.keyboard.press('Enter');
    await focusOn(page, '#itpe-map-site-title');
    // An item from the site's panel, then back to its button, then Escape closes the site.
    const itemButton = page.locator('.itpe-map-site button[data-item-link]').first();
    const item = await itemButton.getAttribute('data-item-link');
    await openAndClose(page, itemButton, `.itpe-map-site button[data-item-link="${item}"]`);
    await page.keyboard.press('Escape');
    await focusOn(page, '.itpe-map-marker[data-site="hksp"]');
  });
});

/** Relative luminance and contrast ratio (WCAG 2.1 definitions). */
function contrast(a, b) {
  const lum = ([r, g, bl]) => {
    const c = [r, g, bl].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('focus indicators of every control type contrast 3:1 with what surrounds them', async (t) => {
  await withPage(t, { query: '?view=timeline&tl=axis' }, async ({ page }) => {
    await ready(page);
    const controls = {
      'view tab (link)': 'nav.itpe-views a[data-view="map"]',
      'secondary button (zoom)': 'button[data-zoom="in"]',
      'choice button': 'button[data-mode="list"]',
      'lane fold button': '.itpe-tl-lane-head button',
      'skip link': '.itpe-skip-link',
    };
    for (const [name, selector] of Object.entries(controls)) {
      await page.keyboard.press('Shift');
      await page.locator(selector).first().focus();
      const style = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 4).map(Number);
        // The colour around the control: the first opaque background of an ancestor.
        let bg = [255, 255, 255];
        for (let p = el.parentElement; p; p = p.parentElement) {
          const c = rgb(getComputedStyle(p).backgroundColor);
          if (c.length === 3 || c[3] > 0) { bg = c.slice(0, 3); break; }
        }
        const shadow = cs.boxShadow.match(/rgba?\([^)]*\)/)?.[0];
        return {
          visible: el.matches(':focus-visible'),
          outline: { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: rgb(cs.outlineColor) },
          own: rgb(cs.backgroundColor),
          shadow: shadow ? rgb(shadow) : null,
          around: bg,
        };
      });
      assert.ok(style.visible, `${name}: :focus-visible applies`);
      assert.notEqual(style.outline.style, 'none', `${name}: an outline (kept by forced colours)`);
      if (style.outline.color.length === 3 || style.outline.color[3] > 0) {
        // A ring: it must stand out from the page around it and from the control inside it.
        assert.ok(style.outline.width >= 2, `${name}: ring at least 2 px`);
        const ring = style.outline.color.slice(0, 3);
        assert.ok(contrast(ring, style.around) >= 3, `${name}: ring vs page ${contrast(ring, style.around).toFixed(2)}`);
        const own = style.own.length === 3 || style.own[3] > 0 ? style.own.slice(0, 3) : style.around;
        assert.ok(contrast(ring, own) >= 3, `${name}: ring vs control ${contrast(ring, own).toFixed(2)}`);
      } else {
        // A link: the yellow highlight is marked by a black underline bar.
        assert.ok(style.shadow, `${name}: an underline bar`);
        assert.ok(contrast(style.shadow.slice(0, 3), style.own.slice(0, 3)) >= 3, `${name}: bar vs highlight`);
        assert.ok(contrast(style.shadow.slice(0, 3), style.around) >= 3, `${name}: bar vs page`);
      }
    }
  });
});

test('forced colours: focus and the current view stay visible; markers keep their status colours', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await ready(page);
    await page.emulateMedia({ forcedColors: 'active' });
    const shot = async (selector) => {
      const box = await page.locator(selector).boundingBox();
      return page.screenshot({ clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
    };
    for (const selector of ['nav.itpe-views a[data-view="timeline"]', 'nav.itpe-views a[data-view="map"]', '.itpe-map-tools button[aria-label="Zoom in"]']) {
      await page.evaluate(() => document.activeElement?.blur());
      const before = await shot(selector);
      await page.keyboard.press('Shift');
      await page.locator(selector).first().focus();
      const after = await shot(selector);
      assert.ok(!before.equals(after), `focusing ${selector} changes what is on screen`);
    }
    const bar = (view) => page.$eval(`nav.itpe-views a[data-view="${view}"]`, (a) => getComputedStyle(a).borderBottomColor);
    assert.notEqual(await bar('map'), await bar('timeline'), 'the current tab is marked');
    const adjust = await page.$eval('.itpe-map-marker', (m) => getComputedStyle(m).forcedColorAdjust);
    assert.equal(adjust, 'none');
  });
});

test('map statuses in words: marker names and the site table say them', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await ready(page);
    const name = await page.locator('.itpe-map-marker[data-site="cyberport"]').textContent();
    assert.match(name.replace(/\s+/g, ' '), /Cyberport.*\((Proposed|Planned|Under way|Launched|Completed) \d/);
    const headers = await page.locator('.itpe-map-table thead th').allTextContents();
    assert.ok(headers.includes('Status of its items'), headers.join('|'));
    const row = await page.locator('.itpe-map-table tr[data-site="cyberport"]').textContent();
    assert.match(row, /(Launched|Under way|Planned|Completed|Proposed) \d/);
  });
});

test('the title names the view and the open item, in the interface language; view switches are announced', async (t) => {
  await withPage(t, { query: '?view=timeline' }, async ({ page }) => {
    await ready(page);
    await page.waitForFunction(() => document.title === 'Timeline · I&T Policy Explorer');
    await page.locator('nav.itpe-views a[data-view="map"]').click();
    await page.waitForFunction(() => document.title === 'Map · I&T Policy Explorer');
    const status = page.locator('main#itpe-main > p.itpe-visually-hidden[role="status"]');
    await page.waitForFunction(() => /^Map view, \d+ of \d+ items$/.test(document.querySelector('main#itpe-main > p.itpe-visually-hidden[role="status"]')?.textContent || ''));
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    await page.locator('nav.itpe-views a[data-view="explore"]').click();
    await page.locator('[data-item-link="hsitp"]').click();
    await page.waitForFunction(() => document.title.endsWith(' · Explore · I&T Policy Explorer') && document.title.length > 40);
    await page.locator('.itpe-lang-switch a[hreflang="zh-Hant-HK"], .itpe-lang-switch a[lang="zh-Hant-HK"]').first().click();
    await page.waitForFunction(() => document.title.endsWith('｜探索｜創科政策探索'));
  });
});

test('the search box is a search landmark; the timeline announces the period it shows', async (t) => {
  await withPage(t, { query: '?view=timeline&tl=axis' }, async ({ page }) => {
    await ready(page);
    assert.equal(await page.locator('.itpe-tl-shown').getAttribute('aria-live'), 'polite');
    await page.locator('nav.itpe-views a[data-view="explore"]').click();
    await page.getByRole('search').locator('input[type="search"]').waitFor();
  });
});

// WCAG 1.4.12: text spacing a user may set must not hide content or make the page scroll sideways.
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;
for (const [query, width] of [['', 320], ['?view=map', 320], ['?view=source', 320], ['?item=hsitp', 1280], ['?view=map&place=hksp', 1280], ['?view=source&para=p8', 1280]]) {
  test(`text spacing at ${width} px does not make ${query || 'explore'} scroll sideways`, async (t) => {
    await withPage(t, { query, width, bypassCSP: true }, async ({ page }) => {
      await ready(page);
      await page.addStyleTag({ content: SPACING });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page is ${overflow} px wider than the window`);
    });
  });
}

/** Pairs of text boxes that overlap, and boxes that stick out of their picture, in every
 * `svgSelector` of the page (labels are laid out with estimated widths). */
const textCollisions = (page, svgSelector) => page.$$eval(svgSelector, (svgs) => {
  const problems = [];
  for (const svg of svgs) {
    const frame = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && getComputedStyle(t).visibility !== 'hidden')
      .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0);
    for (const b of boxes) {
      if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1) problems.push(`cut: "${b.text}"`);
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, c] = [boxes[i].r, boxes[j].r];
        const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
        const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
        if (w > 1 && h > 1) problems.push(`"${boxes[i].text}" overlaps "${boxes[j].text}"`);
      }
    }
  }
  return problems;
});

for (const width of [1280, 320]) {
  test(`text spacing at ${width} px: chart and timeline labels are neither cut nor overlapping`, async (t) => {
    for (const [query, svgs] of [['?view=charts', '.itpe-chart-svg svg'], ['?view=timeline&tl=axis', '.itpe-tl-lane-svg']]) {
      await withPage(t, { query, width, bypassCSP: true }, async ({ page }) => {
        await ready(page);
        await page.locator(svgs).first().waitFor();
        await page.addStyleTag({ content: SPACING });
        // Charts and the timeline lay out again when their width changes; give them a frame.
        await page.waitForTimeout(500);
        const problems = await textCollisions(page, svgs);
        assert.deepEqual(problems, [], `${query}: ${problems.slice(0, 8).join('; ')}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${query}: page is ${overflow} px wider than the window`);
      });
    }
  });
}

test('status key and markers: a pattern per status besides the colour, also in forced colours', async (t) => {
  await withPage(t, { query: '?view=map' }, async ({ page }) => {
    await ready(page);
    const swatches = () => page.$$eval('.itpe-map-legend-statuses .itpe-map-swatch[data-status]', (s) => s.map((e) => getComputedStyle(e).backgroundImage));
    const normal = await swatches();
    assert.equal(normal.length, 5);
    assert.equal(new Set(normal).size, 5, 'five different pictures');
    for (const image of normal) assert.match(image, /^url\("data:image\/svg\+xml,/);
    // The five statuses still differ when reduced to grey: their patterns differ, not only hues.
    assert.equal(new Set(normal.map((i) => i.replace(/%23[0-9a-f]{6}/g, ''))).size, 5);
    await page.emulateMedia({ forcedColors: 'active' });
    assert.deepEqual(await swatches(), normal, 'forced colours keep the patterns');
    const marker = await page.$eval('.itpe-map-marker[data-site="san-tin"]', (m) => getComputedStyle(m).backgroundImage);
    assert.match(marker, /pattern/);
  });
});
