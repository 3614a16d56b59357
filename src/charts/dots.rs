//! Dots on a log scale (the people chart: counts from tens to tens of millions).

use super::axes::{axis_labels, pow10};
use super::draw::{Canvas, HPos, Op, BLUE, BODY, GRID, INK, MUTED, SMALL};
use super::text_layout::text_width;
use super::{value_label, Chart};
use crate::format;
use crate::i18n::{t, Key, Locale};

/// One line per figure: its label, then its dot on the scale with the value beside it.
/// Returns the y below the chart.
pub(super) fn dots(
    c: &mut Canvas,
    chart: &Chart,
    (x0, y0): (i32, i32),
    w: f64,
    locale: Locale,
) -> i32 {
    let (lo, hi) = chart
        .rows
        .iter()
        .filter(|r| r.value > 0.0)
        .fold((f64::MAX, 0.0f64), |(lo, hi), r| {
            (lo.min(r.value), hi.max(r.value))
        });
    // Decades within f64's normal range (a subnormal or infinite value is held at the ends).
    let d0 = if lo == f64::MAX {
        0
    } else {
        (lo.log10().floor() as i32).clamp(-300, 300)
    };
    let d1 = (hi.max(1.0).log10().ceil() as i32).clamp(d0 + 1, 301);
    let pad = 8.0;
    let span = w - 2.0 * pad;
    let xv = |v: f64| {
        let l = v.clamp(pow10(d0), pow10(d1)).log10();
        x0 + (pad + (l - f64::from(d0)) / f64::from(d1 - d0) * span).round() as i32
    };
    let mut y = y0;
    y = c.para((x0, y), t(locale, Key::ChartAxisLog), SMALL, w, 3, MUTED);
    y += 2;
    // Label every decade that fits.
    let widest = text_width("100 million", SMALL) + 10.0;
    let every = ((widest / (span / f64::from(d1 - d0))).ceil() as i32).max(1);
    let tick_labels = |c: &mut Canvas, y: i32| {
        let labels = (d0..=d1)
            .filter(|d| (d - d0) % every == 0)
            .map(|d| (xv(pow10(d)), format::compact_in(locale, pow10(d))));
        axis_labels(c, labels, (x0, x0 + w as i32), y);
    };
    tick_labels(c, y + 8);
    y += 20;
    let grid_top = y;
    let right = x0 + w as i32;
    for r in &chart.rows {
        y = c.para((x0, y + 4), &r.label, BODY, w, 3, INK);
        let x = xv(r.value);
        let short = value_label(r, locale);
        let long = format!("{short} · {}", r.measure);
        // Beside the dot, right if it fits, else left; the measure goes above the line when the
        // long label fits neither side.
        let side = |s: &str| {
            let lw = text_width(s, SMALL).ceil() as i32;
            if x + 12 + lw <= right {
                Some((x + 12, HPos::Left))
            } else if x - 12 - lw >= x0 {
                Some((x - 12, HPos::Right))
            } else {
                None
            }
        };
        let (label, at) = match side(&long) {
            Some(at) => (long, Some(at)),
            None => {
                y = c.para((x0, y), &r.measure, SMALL, w, 3, MUTED);
                let at = side(&short);
                (short, at)
            }
        };
        let mid = y + 12;
        c.behind(Op::Line(x0, mid, right, mid, GRID, 1));
        c.draw(Op::Dot(x, mid, 6, BLUE));
        y = match at {
            Some((lx, h)) => {
                c.boxed(lx, mid, &label, h);
                mid + 14
            }
            None => c.para((x0, mid + 12), &label, SMALL, w, 2, INK) + 2,
        };
    }
    for d in d0..=d1 {
        let x = xv(pow10(d));
        c.behind(Op::Line(x, grid_top, x, y + 4, GRID, 1));
    }
    tick_labels(c, y + 14);
    y + 26
}
