//! Axes: round tick values, the unit an axis counts in per language, and tick labels kept
//! inside the plot.

use super::draw::{Canvas, HPos, MUTED, SMALL};
use super::text_layout::text_width;
use crate::i18n::{Key, Locale};
use crate::model::Unit;

/// 10 to the power `n` (no libm `pow` in the wasm).
pub(super) fn pow10(n: i32) -> f64 {
    let mut v = 1.0;
    // Beyond 10^±330 an f64 is infinite or zero anyway.
    for _ in 0..n.unsigned_abs().min(330) {
        v *= 10.0;
    }
    if n < 0 {
        1.0 / v
    } else {
        v
    }
}

/// "Nice" axis ticks from 0 to at least `max`, about `count` of them.
pub(super) fn ticks(max: f64, count: usize) -> Vec<f64> {
    if !max.is_finite() || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = max / count.max(1) as f64;
    let mag = pow10(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let n = (max / step - 1e-9).ceil().max(1.0);
    if !(step > 0.0 && n <= 100.0) {
        // A maximum too small for an f64 step (subnormal): one interval.
        return vec![0.0, max];
    }
    (0..=n as usize).map(|i| i as f64 * step).collect()
}

/// How an axis states its unit: divide values by the scale, and name it. Chinese counts in
/// 億 (10^8) and 萬 (10^4), so its ticks are "195" on an axis of 億港元, not billions.
pub(super) fn axis_unit(unit: Unit, max: f64, locale: Locale) -> (f64, Key) {
    let zh = locale != Locale::En;
    let (big, mid) = if zh { (1e8, 1e4) } else { (1e9, 1e6) };
    match unit {
        Unit::Hkd if max >= big => (big, Key::ChartAxisHkdBillion),
        Unit::Hkd if max >= mid => (mid, Key::ChartAxisHkdMillion),
        Unit::People if zh && max >= 1e6 => (1e4, Key::ChartAxisPeopleLarge),
        Unit::Count if zh && max >= 1e6 => (1e4, Key::ChartAxisNumberLarge),
        Unit::Hkd => (1.0, Key::ChartAxisHkd),
        Unit::Hectares => (1.0, Key::ChartAxisHectares),
        Unit::People => (1.0, Key::ChartAxisPeople),
        _ => (1.0, Key::ChartAxisNumber),
    }
}

/// Labels under an axis at their x, centred, or against the plot's edge (`left`..`right`)
/// where centring would cross it.
pub(super) fn axis_labels(
    c: &mut Canvas,
    labels: impl Iterator<Item = (i32, String)>,
    (left, right): (i32, i32),
    y: i32,
) {
    for (x, s) in labels {
        let half = (text_width(&s, SMALL) / 2.0) as i32;
        let (x, h) = if x - half < left {
            (left, HPos::Left)
        } else if x + half > right {
            (right, HPos::Right)
        } else {
            (x, HPos::Center)
        };
        c.text(x, y, &s, SMALL, MUTED, h);
    }
}
