//! Horizontal bars on a linear scale (the money and land charts).

use super::axes::{axis_labels, axis_unit, ticks};
use super::draw::{Canvas, HPos, Op, BLUE, BODY, BRAND, GRID, INK, MUTED, SMALL, WHITE};
use super::text_layout::{bold_size, text_width, wrap};
use super::{value_label, Chart, ChartId};
use crate::format;
use crate::i18n::{t, Locale};
use crate::view_state::MoneyView;

/// Bars grouped under their headings; each figure: label line(s), then the bar with its value.
/// Returns the y below the chart.
pub(super) fn bars(
    c: &mut Canvas,
    chart: &Chart,
    (x0, y0): (i32, i32),
    w: f64,
    locale: Locale,
) -> i32 {
    let max = chart.rows.iter().map(|r| r.value).fold(0.0, f64::max);
    let (div, unit_key) = axis_unit(chart.rows[0].unit, max, locale);
    let ticks = ticks(max / div, (w / 110.0).clamp(2.0, 6.0) as usize);
    let top = *ticks.last().expect("ticks");
    // Within the axis whatever the value (negative, infinite).
    let scale = |v: f64| ((v / div / top).clamp(0.0, 1.0) * w).round() as i32;
    let colour = if chart.money == MoneyView::Disbursed && chart.id == ChartId::Money {
        BLUE
    } else {
        BRAND
    };
    let mut y = y0;
    c.text(x0, y + 9, t(locale, unit_key), SMALL, MUTED, HPos::Left);
    y += 20;
    let tick_labels = |c: &mut Canvas, y: i32| {
        let labels = ticks
            .iter()
            .map(|v| (x0 + (v / top * w).round() as i32, format::group(*v, 2)));
        axis_labels(c, labels, (x0, x0 + w as i32), y);
    };
    tick_labels(c, y + 8);
    y += 20;
    let grid_top = y;
    let mut group = "";
    for r in &chart.rows {
        if r.group != group {
            group = &r.group;
            y += 6;
            let step = (BODY * 1.35) as i32;
            for l in wrap(group, bold_size(BODY), w, 3) {
                c.bold(x0, y + step / 2, &l, BODY);
                y += step;
            }
        }
        // Up to four lines: the labels that tell a scheme's amounts apart end in their last words.
        y = c.para((x0, y + 2), &r.label, BODY, w, 4, INK);
        let len = scale(r.value).max(2);
        let (bar_top, bar_h) = (y + 2, 18);
        c.draw(Op::Rect(x0, bar_top, x0 + len, bar_top + bar_h, colour));
        let label = value_label(r, locale);
        let lw = text_width(&label, SMALL).ceil() as i32;
        let mid = bar_top + bar_h / 2;
        let right = x0 + w as i32;
        // The value beside the bar, else inside its end, else on a line of its own.
        if x0 + len + 6 + lw <= right {
            c.boxed(x0 + len + 6, mid, &label, HPos::Left);
            y = bar_top + bar_h + 10;
        } else if len >= lw + 12 {
            c.text(x0 + len - 6, mid, &label, SMALL, WHITE, HPos::Right);
            y = bar_top + bar_h + 10;
        } else {
            y = c.para((x0, bar_top + bar_h + 2), &label, SMALL, w, 2, INK) + 6;
        }
    }
    let grid_bottom = y;
    for v in &ticks {
        let x = x0 + (v / top * w).round() as i32;
        let colour = if *v == 0.0 { MUTED } else { GRID };
        c.behind(Op::Line(x, grid_top, x, grid_bottom, colour, 1));
    }
    tick_labels(c, y + 8);
    y + 20
}
