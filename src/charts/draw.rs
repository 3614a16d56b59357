//! The picture: drawing operations collected on a [`Canvas`] (the SVG's height must be known
//! before the backend is created), the chart's frame (title and source when exported), and the
//! SVG written through plotters' SVG backend.

use plotters::prelude::{
    DrawingBackend, FontFamily, FontStyle, IntoFont, RGBColor, SVGBackend, ShapeStyle,
};
pub(super) use plotters::style::text_anchor::HPos;
use plotters::style::text_anchor::{Pos, VPos};
use plotters::style::{Color, TextStyle};

use super::text_layout::{bold_size, text_width, wrap};
use super::{bars, dots, title, trends, Chart, ChartId};
use crate::i18n::{t, Key, Locale};

pub(super) const INK: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
pub(super) const MUTED: RGBColor = RGBColor(0x50, 0x5a, 0x5f);
pub(super) const GRID: RGBColor = RGBColor(0xd5, 0xd8, 0xda);
pub(super) const BRAND: RGBColor = RGBColor(0x00, 0x59, 0x4f);
pub(super) const BLUE: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
pub(super) const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// Text sizes in CSS pixels.
pub(super) const BODY: f64 = 14.0;
pub(super) const SMALL: f64 = 12.0;
const HEAD: f64 = 18.0;

/// A drawing operation.
pub(super) enum Op {
    Text {
        x: i32,
        y: i32,
        s: String,
        size: f64,
        color: RGBColor,
        h: HPos,
        bold: bool,
    },
    Rect(i32, i32, i32, i32, RGBColor),
    Line(i32, i32, i32, i32, RGBColor, u32),
    Dot(i32, i32, u32, RGBColor),
}

/// The operations of one picture: `back` (grid lines) is drawn under `front` (marks, text).
#[derive(Default)]
pub(super) struct Canvas {
    back: Vec<Op>,
    front: Vec<Op>,
}

/// Most segments of one dashed line: a line longer than this many dashes gets longer dashes,
/// so no data value can make the drawing loop (or the SVG) unbounded.
const MAX_DASHES: f64 = 400.0;

impl Canvas {
    /// Draws `op` over everything drawn behind.
    pub(super) fn draw(&mut self, op: Op) {
        self.front.push(op);
    }

    /// Draws `op` under every `draw`n operation (grid lines).
    pub(super) fn behind(&mut self, op: Op) {
        self.back.push(op);
    }

    pub(super) fn text(&mut self, x: i32, y: i32, s: &str, size: f64, color: RGBColor, h: HPos) {
        self.draw(Op::Text {
            x,
            y,
            s: s.to_string(),
            size,
            color,
            h,
            bold: false,
        });
    }

    pub(super) fn bold(&mut self, x: i32, y: i32, s: &str, size: f64) {
        self.draw(Op::Text {
            x,
            y,
            s: s.to_string(),
            size,
            color: INK,
            h: HPos::Left,
            bold: true,
        });
    }

    /// Small text on a white box (lines drawn before it do not cross it).
    pub(super) fn boxed(&mut self, x: i32, y: i32, s: &str, h: HPos) {
        let w = text_width(s, SMALL).ceil() as i32;
        let x0 = match h {
            HPos::Left => x,
            HPos::Right => x - w,
            HPos::Center => x - w / 2,
        };
        self.draw(Op::Rect(x0 - 2, y - 8, x0 + w + 2, y + 8, WHITE));
        self.text(x, y, s, SMALL, INK, h);
    }

    /// A dashed line made of short segments (the SVG backend has no dash attribute).
    pub(super) fn dashed(&mut self, a: (i32, i32), b: (i32, i32), color: RGBColor) {
        let (dx, dy) = (
            f64::from(b.0) - f64::from(a.0),
            f64::from(b.1) - f64::from(a.1),
        );
        let len = (dx * dx + dy * dy).sqrt();
        let stretch = (len / (11.0 * MAX_DASHES)).max(1.0);
        let (dash, gap) = (6.0 * stretch, 5.0 * stretch);
        let mut s = 0.0;
        while s < len {
            let e = (s + dash).min(len);
            let p = |d: f64| {
                (
                    a.0 + (dx * d / len).round() as i32,
                    a.1 + (dy * d / len).round() as i32,
                )
            };
            let (p0, p1) = (p(s), p(e));
            self.draw(Op::Line(p0.0, p0.1, p1.0, p1.1, color, 2));
            s = e + gap;
        }
    }

    /// Writes text wrapped to `w` pixels in at most `lines` lines; returns the y below it.
    pub(super) fn para(
        &mut self,
        (x, y): (i32, i32),
        s: &str,
        size: f64,
        w: f64,
        lines: usize,
        color: RGBColor,
    ) -> i32 {
        let step = (size * 1.35).round() as i32;
        let mut y = y;
        for l in wrap(s, size, w, lines) {
            self.text(x, y + step / 2, &l, size, color, HPos::Left);
            y += step;
        }
        y
    }

    /// The SVG of the operations on a white `width` × `height` picture.
    fn svg(&self, width: i32, height: u32) -> String {
        let mut markup = String::new();
        {
            let mut b = SVGBackend::with_string(&mut markup, (width as u32, height));
            // Drawing into a String cannot fail: the SVG backend's only errors come from
            // writing a file (`present` of a file target) and from features not enabled here.
            let _ = b.draw_rect((0, 0), (width, height as i32), &WHITE, true);
            for op in self.back.iter().chain(self.front.iter()) {
                let _ = match op {
                    Op::Text {
                        x,
                        y,
                        s,
                        size,
                        color,
                        h,
                        bold,
                    } => {
                        let style = if *bold {
                            FontStyle::Bold
                        } else {
                            FontStyle::Normal
                        };
                        // plotters writes font-size as size / 1.24. The family by its variant,
                        // not by name: a name is lower-cased first, which brings the
                        // standard library's case table (11.7 KB) into the Charts chunk.
                        let font = (FontFamily::SansSerif, size * 1.24, style).into_font();
                        let ts = TextStyle::from(font)
                            .color(color)
                            .pos(Pos::new(*h, VPos::Center));
                        b.draw_text(s, &ts, (*x, *y))
                    }
                    Op::Rect(x0, y0, x1, y1, c) => b.draw_rect((*x0, *y0), (*x1, *y1), c, true),
                    Op::Line(x0, y0, x1, y1, c, sw) => {
                        let style = ShapeStyle {
                            color: c.to_rgba(),
                            filled: false,
                            stroke_width: *sw,
                        };
                        b.draw_line((*x0, *y0), (*x1, *y1), &style)
                    }
                    Op::Dot(x, y, r, c) => b.draw_circle((*x, *y), *r, c, true),
                };
            }
            let _ = b.present();
        }
        markup
    }
}

/// A drawn chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Svg {
    pub markup: String,
    pub width: u32,
    pub height: u32,
}

/// Draws a chart `width` pixels wide. `export` adds the title and the source inside the picture
/// (for the downloaded SVG and PNG, which travel without the page around them).
pub fn render(chart: &Chart, width: u32, locale: Locale, export: bool) -> Svg {
    let w = width.clamp(280, 1600) as i32;
    let m = if export { 16 } else { 4 };
    let inner = f64::from(w - 2 * m);
    let mut c = Canvas::default();
    let mut y = m;
    let title = title(chart.id, chart.money, locale);
    if export {
        let step = (HEAD * 1.3) as i32;
        for l in wrap(title, bold_size(HEAD), inner, 4) {
            c.bold(m, y + step / 2, &l, HEAD);
            y += step;
        }
        y += 8;
    }
    y = if chart.rows.is_empty() {
        let empty = t(locale, Key::ChartEmpty);
        c.para((m, y), empty, BODY, inner, 3, MUTED)
    } else {
        match chart.id {
            ChartId::Trends => trends::trends(&mut c, chart, (m, y), inner, locale),
            ChartId::Money | ChartId::Land => bars::bars(&mut c, chart, (m, y), inner, locale),
            ChartId::People => dots::dots(&mut c, chart, (m, y), inner, locale),
        }
    };
    if export {
        y += 8;
        let refs: Vec<String> = chart.sources.iter().map(|s| s.label_in(locale)).collect();
        let line = crate::i18n::labelled(
            locale,
            t(locale, Key::ChartExportSource),
            &refs.join(crate::i18n::list_separator(locale)),
        );
        // Lines enough for every source at the narrowest width: a citation is never cut.
        y = c.para((m, y), &line, SMALL, inner, 8, MUTED);
    }
    let height = (y + m) as u32;
    let mut markup = c.svg(w, height);
    if export {
        add_title(&mut markup, title);
    }
    Svg {
        markup,
        width: w as u32,
        height,
    }
}

/// Adds a `<title>` to the SVG: it names the file's picture for screen readers and image
/// viewers.
fn add_title(markup: &mut String, title: &str) {
    if let Some(end) = markup.find(">\n") {
        let t = format!("<title>{}</title>\n", crate::text::escape_markup(title));
        markup.insert_str(end + 2, &t);
    }
}
