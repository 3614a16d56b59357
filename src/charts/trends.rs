//! Small multiples, one panel per series: the known points marked, joined by a dashed line (the
//! paper gives two years, not the path between them), each point with its value, and a legend.

use super::axes::{axis_unit, ticks};
use super::draw::{Canvas, HPos, Op, BODY, BRAND, GRID, INK, MUTED, SMALL};
use super::text_layout::{bold_size, text_width, wrap};
use super::{value_label, Chart, ChartedFigure};
use crate::format;
use crate::i18n::{t, Key, Locale};

/// Height of a panel's plot and width of its value axis, px.
const PLOT_H: i32 = 140;
const AXIS_W: i32 = 52;
/// Space between panels, px.
const GAP: f64 = 24.0;

/// A series: its title and its figures, in the chart's order.
type Series<'a> = (&'a str, Vec<&'a ChartedFigure>);

/// Where a panel goes: its left edge, top, width, and the title lines of its row of panels
/// (the plots of a row start at the same height).
struct Panel {
    x: i32,
    y: i32,
    w: f64,
    title_lines: i32,
}

/// The value axis of a panel: values (in the axis unit) to y pixels.
struct ValueAxis {
    base: i32,
    div: f64,
    top: f64,
}

impl ValueAxis {
    /// Clamped to the plot: a value outside the axis (negative) cannot throw a line far off.
    fn y(&self, v: f64) -> i32 {
        self.base - ((v / self.div / self.top).clamp(0.0, 1.0) * f64::from(PLOT_H)).round() as i32
    }
}

/// The time axis, shared by every panel: years to x pixels.
struct YearAxis {
    left: i32,
    inner: f64,
    first: i32,
    last: i32,
}

impl YearAxis {
    fn x(&self, year: i32) -> i32 {
        let at = (f64::from(year) - f64::from(self.first))
            / (f64::from(self.last) - f64::from(self.first));
        self.left + 12 + (at * self.inner).round() as i32
    }
}

/// Draws the panels in rows of as many as the width holds, then the legend. Returns the y below.
pub(super) fn trends(
    c: &mut Canvas,
    chart: &Chart,
    (x0, y0): (i32, i32),
    w: f64,
    locale: Locale,
) -> i32 {
    let series = series_of(chart);
    let years = year_span(chart);
    let cols = if w >= 1000.0 {
        4.min(series.len())
    } else if w >= 520.0 {
        2
    } else {
        1
    }
    .max(1);
    let pw = (w - GAP * (cols as f64 - 1.0)) / cols as f64;
    let mut y = y0;
    for row in series.chunks(cols) {
        let title_lines = row
            .iter()
            .map(|(name, _)| wrap(name, bold_size(BODY), pw, 2).len())
            .max()
            .unwrap_or(1) as i32;
        let mut bottom = y;
        for (i, s) in row.iter().enumerate() {
            let at = Panel {
                x: x0 + (i as f64 * (pw + GAP)).round() as i32,
                y,
                w: pw,
                title_lines,
            };
            bottom = bottom.max(panel(c, s, at, years, locale));
        }
        y = bottom + 12;
    }
    legend(c, (x0, y), w, locale)
}

/// The chart's figures by series, in order of first appearance.
fn series_of(chart: &Chart) -> Vec<Series<'_>> {
    let mut series: Vec<Series> = Vec::new();
    for r in &chart.rows {
        match series.iter_mut().find(|g| g.0 == r.group) {
            Some(g) => g.1.push(r),
            None => series.push((&r.group, vec![r])),
        }
    }
    series
}

/// The first and last year of every series (a year apart at least).
fn year_span(chart: &Chart) -> (i32, i32) {
    let years: Vec<i32> = chart.rows.iter().filter_map(|r| r.year).collect();
    let (first, last) = (
        years.iter().copied().min().unwrap_or(0),
        years.iter().copied().max().unwrap_or(1),
    );
    (first, last.max(first.saturating_add(1)))
}

/// One series' panel: title, unit, value axis, year ticks, the points and their connector.
/// Returns the panel's bottom.
fn panel(
    c: &mut Canvas,
    (name, pts): &Series,
    at: Panel,
    (first, last): (i32, i32),
    locale: Locale,
) -> i32 {
    let step = (BODY * 1.35) as i32;
    let mut ty = at.y;
    for l in wrap(name, bold_size(BODY), at.w, 2) {
        c.bold(at.x, ty + step / 2, &l, BODY);
        ty += step;
    }
    let mut py = at.y + at.title_lines * step;
    let max = pts.iter().map(|r| r.value).fold(0.0, f64::max);
    let (div, unit_key) = axis_unit(pts[0].unit, max, locale);
    c.text(at.x, py + 8, t(locale, unit_key), SMALL, MUTED, HPos::Left);
    py += 22;
    let (left, right) = (at.x + AXIS_W, at.x + at.w as i32 - 8);
    let values = value_axis(c, (max, div), (left, right), py + PLOT_H);
    let years = YearAxis {
        left,
        inner: f64::from(right - left - 24),
        first,
        last,
    };
    year_ticks(c, &years, values.base);
    let marks: Vec<Mark> = pts
        .iter()
        .filter_map(|r| Some((years.x(r.year?), values.y(r.value), *r)))
        .collect();
    for pair in marks.windows(2) {
        c.dashed((pair[0].0, pair[0].1), (pair[1].0, pair[1].1), MUTED);
    }
    let room = (py, values.base, left, at.x + at.w as i32);
    points(c, &marks, room, locale);
    values.base + 24
}

/// Grid lines and labels of a panel's value axis (about three ticks) from `base` up.
fn value_axis(
    c: &mut Canvas,
    (max, div): (f64, f64),
    (left, right): (i32, i32),
    base: i32,
) -> ValueAxis {
    let ticks = ticks(max / div, 3);
    let top = *ticks.last().expect("ticks");
    for v in &ticks {
        let gy = base - (v / top * f64::from(PLOT_H)).round() as i32;
        let colour = if *v == 0.0 { MUTED } else { GRID };
        c.behind(Op::Line(left, gy, right, gy, colour, 1));
        let label = format::group(*v, 2);
        c.text(left - 6, gy, &label, SMALL, MUTED, HPos::Right);
    }
    ValueAxis { base, div, top }
}

/// A tick per year, or per decade, century... when the span is long.
fn year_ticks(c: &mut Canvas, years: &YearAxis, base: i32) {
    let every = (i64::from(years.last) - i64::from(years.first)) / 60 + 1;
    for yr in (i64::from(years.first)..=i64::from(years.last))
        .step_by(every as usize)
        .map(|y| y as i32)
    {
        c.behind(Op::Line(years.x(yr), base, years.x(yr), base + 4, MUTED, 1));
    }
}

/// A point as drawn: x, y and its figure.
type Mark<'a> = (i32, i32, &'a ChartedFigure);

/// The points, their years under the axis and their values beside them. `room`: the plot's top
/// and base, the value axis and the panel's right edge, which the value labels stay within.
fn points(c: &mut Canvas, marks: &[Mark], room: (i32, i32, i32, i32), locale: Locale) {
    let (py, base, left, edge) = room;
    let n = marks.len();
    for (i, (x, yy, r)) in marks.iter().enumerate() {
        c.draw(Op::Dot(*x, *yy, 5, BRAND));
        c.text(*x, base + 14, &r.label, SMALL, INK, HPos::Center);
        // First label starts at its point, the last ends at it; others are centred.
        // Kept between the tick labels and the panel's right edge.
        let label = value_label(r, locale);
        let w = text_width(&label, SMALL).ceil() as i32;
        let start = if i == 0 && n > 1 {
            *x - 4
        } else if i == n - 1 && n > 1 {
            *x + 4 - w
        } else {
            *x - w / 2
        };
        let lx = start.min(edge - w).max(left);
        // On the side away from the connector: below a point the line rises from,
        // above one it rises to (if there is room above the axis).
        let rises_from = i + 1 < n && marks[i + 1].1 < *yy;
        // Above the plot's top is the unit's line: a label that would reach it goes below.
        let room_above = yy - 23 >= py;
        let below = (rises_from || !room_above) && base - yy >= 24;
        let ly = if below { yy + 15 } else { yy - 15 };
        c.boxed(lx, ly, &label, HPos::Left);
    }
}

/// What the marks mean: a dot for a figure the paper gives, a dashed line for the unknown path.
fn legend(c: &mut Canvas, (x0, y): (i32, i32), w: f64, locale: Locale) -> i32 {
    let lx = x0 + 34;
    c.draw(Op::Dot(x0 + 14, y + 9, 5, BRAND));
    let dot = t(locale, Key::ChartDotLegend);
    let y = c.para((lx, y), dot, SMALL, w - 34.0, 3, INK) + 4;
    c.dashed((x0, y + 9), (x0 + 28, y + 9), MUTED);
    let dashed = t(locale, Key::ChartDashedLegend);
    c.para((lx, y), dashed, SMALL, w - 34.0, 3, INK)
}
