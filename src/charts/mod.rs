//! Chart building (pure): the dataset's figures become chart data ([`Chart`]), then an SVG
//! string drawn with plotters' SVG backend, and CSV. No browser APIs: tested natively.
//!
//! By job:
//! - `figures`: which figures and series each chart holds (the same in every language);
//! - `labels`: titles, descriptions and value labels in the interface language;
//! - `text_layout`: estimated text widths and line wrapping;
//! - `draw` (the picture and its SVG), `axes` (ticks and axis units), and one file per kind of
//!   plot: `bars` (money, land), `dots` (people, log scale), `trends` (small multiples);
//! - `csv`: the chart's data through the app's one CSV writer (`export::CsvWriter`).
//!
//! Layout is computed here, with text widths estimated from character classes, and drawn with
//! the backend's primitives only (rectangles, lines, circles, text). plotters' chart builder is
//! not used on purpose: it measures text, and on wasm32 its measurement inserts an inline-styled
//! `<span>` into the page, which a strict CSP (`style-src 'self'`) refuses. The SVG backend's
//! `draw_text` never measures and XML-escapes the text.

mod axes;
mod bars;
mod csv;
mod dots;
mod draw;
mod figures;
mod labels;
mod text_layout;
mod trends;

pub use csv::csv;
pub use draw::{render, Svg};
pub use figures::{build, build_in, Chart, ChartedFigure, SourceLink};
pub use labels::{description, exact, exact_in, money_word, title, value_label};

/// The charts of the Charts view, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// Paragraph 3's statistics: two known years each.
    Trends,
    /// HK$ of the Annex by policy area and scheme, one kind of money at a time.
    Money,
    /// Hectares by site.
    Land,
    /// Counts of people and of uptake, on a log scale.
    People,
}

impl ChartId {
    pub const ALL: [ChartId; 4] = [
        ChartId::Trends,
        ChartId::Money,
        ChartId::Land,
        ChartId::People,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ChartId::Trends => "trends",
            ChartId::Money => "money",
            ChartId::Land => "land",
            ChartId::People => "people",
        }
    }
}

#[cfg(test)]
mod tests;
