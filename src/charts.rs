//! Chart building (pure): the dataset's figures become chart specs (rows of figures), then an SVG
//! string drawn with plotters' SVG backend, and CSV. No browser APIs: tested natively.
//!
//! Layout is computed here, with text widths estimated from character classes, and drawn with
//! the backend's primitives only (rectangles, lines, circles, text). plotters' chart builder is
//! not used on purpose: it measures text, and on wasm32 its measurement inserts an inline-styled
//! `<span>` into the page, which a strict CSP (`style-src 'self'`) refuses. The SVG backend's
//! `draw_text` never measures and XML-escapes the text.

use plotters::prelude::{DrawingBackend, FontStyle, IntoFont, RGBColor, SVGBackend, ShapeStyle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, TextStyle};

use crate::export::{money_str, qualifier_str, unit_str, CsvWriter};
use crate::format;
use crate::i18n::{t, Key, Locale};
use crate::model::{Dataset, Figure, MoneyKind, ParagraphKind, Qualifier, SourceRef, Unit};
use crate::view_state::MoneyView;

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

/// One figure as a chart shows it: one mark, one table row, one CSV line.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub figure: String,
    pub item: Option<String>,
    /// Heading the row is grouped under (series title, policy area); "" for none.
    pub group: String,
    /// Label drawn beside the mark (year, site, scheme).
    pub label: String,
    /// What the figure measures (the dataset's phrase).
    pub measure: String,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Option<Qualifier>,
    /// The number as the paper spells it.
    pub text: String,
    pub period: Option<String>,
    pub money: Option<MoneyKind>,
    /// Source paragraph id.
    pub paragraph: String,
    /// Position on the time axis (trend charts).
    pub year: Option<i32>,
}

/// A link to where a chart's figures come from: "para 3", "Annex (5)".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLink {
    pub paragraph: String,
    pub label: String,
}

impl SourceLink {
    /// The label in the given language: "para 3" / "第3段", "Annex (4)" / "附件（4）".
    pub fn label_in(&self, locale: Locale) -> String {
        if locale == Locale::En {
            return self.label.clone();
        }
        if let Some(n) = self.label.strip_prefix("para ") {
            return crate::i18n::paragraph_label(locale, n);
        }
        match self
            .label
            .strip_prefix("Annex (")
            .and_then(|r| r.strip_suffix(')'))
        {
            Some(n) => format!("附件（{n}）"),
            None => self.label.clone(),
        }
    }
}

/// A chart's data, before drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: ChartId,
    pub money: MoneyView,
    /// Rows in drawing order (grouped, sorted).
    pub rows: Vec<Row>,
    pub sources: Vec<SourceLink>,
    /// The paper's own notes on the figures (the growth sentence of paragraph 3).
    pub notes: Vec<SourceRef>,
}

/// Measures of counts that say how many people took something up (downloads, accesses, visas...).
const UPTAKE_WORDS: [&str; 6] = [
    "download",
    "accesses",
    "views of",
    "visa",
    "enquiries",
    "participating",
];

/// Inserts `x` keeping `v` in descending order of `key` (equal keys keep their arrival order).
/// Used instead of `sort_by`: each sort closure adds kilobytes of wasm.
fn insert_desc<T>(v: &mut Vec<T>, x: T, key: fn(&T) -> f64) {
    let k = key(&x);
    let at = v.iter().position(|y| key(y) < k).unwrap_or(v.len());
    v.insert(at, x);
}

fn by_value(r: &Row) -> f64 {
    r.value
}

fn row(f: &Figure, group: &str, label: &str) -> Row {
    Row {
        figure: f.id.clone(),
        item: f.item.clone(),
        group: group.to_string(),
        label: label.to_string(),
        measure: f.measure.clone(),
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        text: f.text.clone(),
        period: f.period.clone(),
        money: f.money,
        paragraph: f.source.paragraph.clone(),
        year: None,
    }
}

/// Builds one chart from the figures whose item is selected (`selected(item_id)`); figures with no
/// item (context statistics) always count.
pub fn build(
    id: ChartId,
    data: &Dataset,
    selected: &dyn Fn(&str) -> bool,
    money: MoneyView,
) -> Chart {
    build_in(id, (data, data, Locale::En), selected, money)
}

/// [`build`] for a translated edition: `data` gives the texts (in the language `names`), and
/// `english`, the dataset as published, decides which figures each chart holds (year labels,
/// uptake words), so every language charts the same figures. `data` is `english` localized:
/// the same records in the same order.
pub fn build_in(
    id: ChartId,
    (data, english, names): (&Dataset, &Dataset, Locale),
    selected: &dyn Fn(&str) -> bool,
    money: MoneyView,
) -> Chart {
    let visible = |f: &Figure| f.item.as_deref().is_none_or(selected);
    let item_title = |f: &Figure| {
        f.item
            .as_deref()
            .and_then(|i| data.item(i))
            .map(|i| i.title.clone())
            .unwrap_or_default()
    };
    let mut notes: Vec<SourceRef> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    match id {
        ChartId::Trends => {
            for (s, en) in data.series.iter().zip(&english.series) {
                // (label, year from the English label, figure)
                let points: Vec<(&str, Option<i32>, &Figure)> = s
                    .points
                    .iter()
                    .zip(&en.points)
                    .filter_map(|(p, e)| {
                        Some((
                            p.label.as_str(),
                            e.label.parse().ok(),
                            data.figure(&p.figure)?,
                        ))
                    })
                    .collect();
                let yearly = points.len() >= 2
                    && points
                        .iter()
                        .all(|(_, y, f)| f.source.paragraph == "p3" && y.is_some());
                if !yearly || !points.iter().all(|(_, _, f)| visible(f)) {
                    continue;
                }
                for (label, year, f) in points {
                    let mut r = row(f, &s.title, label);
                    r.year = year;
                    rows.push(r);
                }
                if !notes.contains(&s.note) {
                    notes.push(s.note.clone());
                }
            }
        }
        ChartId::Money => {
            let want = match money {
                MoneyView::Committed => MoneyKind::Committed,
                MoneyView::Disbursed => MoneyKind::Disbursed,
            };
            let annex = |p: &str| {
                data.paragraph(p)
                    .is_some_and(|p| p.kind == ParagraphKind::AnnexRow)
            };
            let mut groups: Vec<(u8, Vec<Row>)> = Vec::new();
            for f in &data.figures {
                if f.unit != Unit::Hkd
                    || f.money != Some(want)
                    || f.item.is_none()
                    || !visible(f)
                    || !annex(&f.source.paragraph)
                {
                    continue;
                }
                let Some(area) = f
                    .item
                    .as_deref()
                    .and_then(|i| data.item(i))
                    .and_then(|i| data.area(&i.area))
                else {
                    continue;
                };
                let number = area.number.unwrap_or(0);
                let name = format!("({number}) {}", area.name);
                let r = row(f, &name, &item_title(f));
                match groups.iter_mut().find(|g| g.0 == number) {
                    Some(g) => insert_desc(&mut g.1, r, by_value),
                    None => groups.push((number, vec![r])),
                }
            }
            // Areas with the largest amount first (an area's amounts are not summed: the paper's
            // amounts overlap, e.g. a fund's total and its latest injection).
            let mut ordered: Vec<Vec<Row>> = Vec::new();
            for g in groups {
                insert_desc(&mut ordered, g.1, |g| g[0].value);
            }
            rows = ordered.into_iter().flatten().collect();
            // A scheme with several amounts names each one ("Cyberport Macro Fund: fund size").
            for i in 0..rows.len() {
                if rows.iter().filter(|r| r.item == rows[i].item).count() > 1 {
                    rows[i].label = crate::i18n::labelled(names, &rows[i].label, &rows[i].measure);
                }
            }
        }
        ChartId::Land => {
            for f in data
                .figures
                .iter()
                .filter(|f| f.unit == Unit::Hectares && visible(f))
            {
                let label = f
                    .site
                    .as_deref()
                    .and_then(|s| data.site(s))
                    .map(|s| s.short_name.clone())
                    .unwrap_or_else(|| f.measure.clone());
                insert_desc(&mut rows, row(f, "", &label), by_value);
            }
        }
        ChartId::People => {
            for (f, en) in data.figures.iter().zip(&english.figures) {
                let measure = en.measure.to_ascii_lowercase();
                let uptake =
                    f.unit == Unit::Count && UPTAKE_WORDS.iter().any(|w| measure.contains(w));
                if f.item.is_none() || !visible(f) || !(f.unit == Unit::People || uptake) {
                    continue;
                }
                // The same number reported twice (a new initiative and its Annex row) shows once.
                if rows
                    .iter()
                    .any(|r| r.measure == f.measure && r.value == f.value)
                {
                    continue;
                }
                insert_desc(&mut rows, row(f, "", &item_title(f)), by_value);
            }
        }
    }
    let sources = sources(data, &rows);
    Chart {
        id,
        money,
        rows,
        sources,
        notes,
    }
}

/// The distinct places the rows come from: body paragraphs as "para N", Annex rows by area.
fn sources(data: &Dataset, rows: &[Row]) -> Vec<SourceLink> {
    let mut out: Vec<(u32, SourceLink)> = Vec::new();
    for r in rows {
        let Some(p) = data.paragraph(&r.paragraph) else {
            continue;
        };
        let (order, label) = match (p.kind, p.area.as_deref().and_then(|a| data.area(a))) {
            (ParagraphKind::AnnexRow, Some(a)) => {
                let n = a.number.unwrap_or(0);
                (1000 + u32::from(n), format!("Annex ({n})"))
            }
            _ => (p.label.parse().unwrap_or(999), format!("para {}", p.label)),
        };
        if !out.iter().any(|(_, s)| s.label == label) {
            let at = out
                .iter()
                .position(|(o, _)| *o > order)
                .unwrap_or(out.len());
            let link = SourceLink {
                paragraph: p.id.clone(),
                label,
            };
            out.insert(at, (order, link));
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// The chart's title in the interface language.
pub fn title(id: ChartId, money: MoneyView, locale: Locale) -> &'static str {
    t(
        locale,
        match (id, money) {
            (ChartId::Trends, _) => Key::ChartTrendsTitle,
            (ChartId::Money, MoneyView::Committed) => Key::ChartMoneyTitleCommitted,
            (ChartId::Money, MoneyView::Disbursed) => Key::ChartMoneyTitleDisbursed,
            (ChartId::Land, _) => Key::ChartLandTitle,
            (ChartId::People, _) => Key::ChartPeopleTitle,
        },
    )
}

/// How to read the chart (its accessible description, shown under the title).
pub fn description(id: ChartId, locale: Locale) -> &'static str {
    t(
        locale,
        match id {
            ChartId::Trends => Key::ChartTrendsDesc,
            ChartId::Money => Key::ChartMoneyDesc,
            ChartId::Land => Key::ChartLandDesc,
            ChartId::People => Key::ChartPeopleDesc,
        },
    )
}

/// The short word each money bar carries so no bar is read as the other kind.
pub fn money_word(kind: Option<MoneyKind>, locale: Locale) -> &'static str {
    match kind {
        Some(MoneyKind::Committed) => t(locale, Key::ChartMoneyCommittedShort),
        Some(MoneyKind::Disbursed) => t(locale, Key::ChartMoneyDisbursedShort),
        _ => "",
    }
}

/// A row's value as drawn: the paper's hedge, the number and unit, and the kind of money.
pub fn value_label(r: &Row, locale: Locale) -> String {
    let base = format!(
        "{}{}",
        format::qualifier_in(locale, r.qualifier),
        format::value_with_unit_in(locale, r.value, r.unit)
    );
    match money_word(r.money, locale) {
        "" => base,
        w => format!("{base} · {w}"),
    }
}

/// The exact number with its unit in the given language, for data tables ("HK$19,500,000,000",
/// "19,500,000,000港元", "2.5公頃").
pub fn exact_in(locale: Locale, value: f64, unit: Unit) -> String {
    match (locale, unit) {
        (Locale::En, _) | (_, Unit::Count | Unit::Percent) => exact(value, unit),
        (_, Unit::Hkd) => format!("{}港元", format::group(value, 2)),
        _ => format::value_with_unit_in(locale, value, unit),
    }
}

/// The exact number with its unit, for data tables ("HK$19,500,000,000", "2.5 ha").
pub fn exact(value: f64, unit: Unit) -> String {
    let n = format::group(value, 2);
    match unit {
        Unit::Hkd => format!("HK${n}"),
        Unit::Hectares => format!("{n} ha"),
        Unit::SquareMetres => format!("{n} m²"),
        Unit::People => format!("{n} people"),
        Unit::Count => n,
        Unit::Percent => format!("{n}%"),
        Unit::Rank => format::ordinal(value as i64),
        Unit::Years => format!("{n} years"),
    }
}

/// The chart's data as CSV (UTF-8 with a byte-order mark, so spreadsheets read the quotes
/// right), written by the app's one CSV writer.
pub fn csv(chart: &Chart) -> String {
    let mut w = CsvWriter::new(true);
    w.row([
        "chart",
        "figure",
        "group",
        "label",
        "measure",
        "value",
        "unit",
        "qualifier",
        "paper_text",
        "period",
        "money_kind",
        "source_paragraph",
    ]);
    for r in &chart.rows {
        let value = format!("{}", r.value);
        w.row([
            chart.id.as_str(),
            &r.figure,
            &r.group,
            &r.label,
            &r.measure,
            &value,
            unit_str(r.unit),
            qualifier_str(r.qualifier),
            &r.text,
            r.period.as_deref().unwrap_or(""),
            money_str(r.money),
            &r.paragraph,
        ]);
    }
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Drawing

const INK: RGBColor = RGBColor(0x0b, 0x0c, 0x0c);
const MUTED: RGBColor = RGBColor(0x50, 0x5a, 0x5f);
const GRID: RGBColor = RGBColor(0xd5, 0xd8, 0xda);
const BRAND: RGBColor = RGBColor(0x00, 0x59, 0x4f);
const BLUE: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// Text sizes in CSS pixels.
const BODY: f64 = 14.0;
const SMALL: f64 = 12.0;
const HEAD: f64 = 18.0;

/// A drawing operation; layout collects them first because the SVG's height must be known
/// before the backend is created.
enum Op {
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

fn text(ops: &mut Vec<Op>, x: i32, y: i32, s: &str, size: f64, color: RGBColor, h: HPos) {
    ops.push(Op::Text {
        x,
        y,
        s: s.to_string(),
        size,
        color,
        h,
        bold: false,
    });
}

/// Bold text is about a tenth wider: estimate it at this size.
fn bold_size(size: f64) -> f64 {
    size * 1.1
}

fn bold(ops: &mut Vec<Op>, x: i32, y: i32, s: &str, size: f64) {
    ops.push(Op::Text {
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
fn boxed(ops: &mut Vec<Op>, x: i32, y: i32, s: &str, h: HPos) {
    let w = text_width(s, SMALL).ceil() as i32;
    let x0 = match h {
        HPos::Left => x,
        HPos::Right => x - w,
        HPos::Center => x - w / 2,
    };
    ops.push(Op::Rect(x0 - 2, y - 8, x0 + w + 2, y + 8, WHITE));
    text(ops, x, y, s, SMALL, INK, h);
}

/// Most segments of one dashed line: a line longer than this many dashes gets longer dashes,
/// so no data value can make the drawing loop (or the SVG) unbounded.
const MAX_DASHES: f64 = 400.0;

/// A dashed line made of short segments (the SVG backend has no dash attribute).
fn dashed(ops: &mut Vec<Op>, a: (i32, i32), b: (i32, i32), color: RGBColor) {
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
        ops.push(Op::Line(p0.0, p0.1, p1.0, p1.1, color, 2));
        s = e + gap;
    }
}

/// Estimated width of text in pixels (no measuring: see the module comment). Errs wide, and
/// leaves room for a reader's wider text spacing (`text::spacing_allowance_em`).
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| {
            crate::text::spacing_allowance_em(c)
                + match c {
                    ' ' | 'i' | 'j' | 'l' | '.' | ',' | '\'' | ':' | ';' | '|' | '!' => 0.3,
                    'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.42,
                    'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.95,
                    'A'..='Z' | '0'..='9' | '$' | '&' | '#' => 0.72,
                    c if (c as u32) >= 0x2e80 => 1.0,
                    _ => 0.63,
                }
        })
        .sum::<f64>()
        * size
}

/// Breaks text into at most `max_lines` lines of `max_w` pixels; the last line ends in "…" if cut.
pub fn wrap(s: &str, size: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Words; text without spaces (Chinese) breaks between any characters.
    let mut tokens: Vec<String> = Vec::new();
    for w in s.split(' ') {
        if text_width(w, size) <= max_w {
            tokens.push(w.to_string());
        } else {
            let mut chunk = String::new();
            for c in w.chars() {
                chunk.push(c);
                if text_width(&chunk, size) > max_w {
                    chunk.pop();
                    tokens.push(std::mem::take(&mut chunk));
                    chunk.push(c);
                }
            }
            tokens.push(chunk);
        }
    }
    for tok in tokens {
        let candidate = if line.is_empty() {
            tok.clone()
        } else {
            format!("{line} {tok}")
        };
        if text_width(&candidate, size) <= max_w || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, tok));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && text_width(&format!("{last}…"), size) > max_w {
            last.pop();
        }
        last.push('…');
    }
    lines
}

/// Writes wrapped text; returns the y below it.
fn para(
    ops: &mut Vec<Op>,
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
        text(ops, x, y + step / 2, &l, size, color, HPos::Left);
        y += step;
    }
    y
}

/// 10 to the power `n` (no libm `pow` in the wasm).
fn pow10(n: i32) -> f64 {
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
pub fn ticks(max: f64, count: usize) -> Vec<f64> {
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
fn axis_unit(unit: Unit, max: f64, locale: Locale) -> (f64, Key) {
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
    let mut back: Vec<Op> = Vec::new();
    let mut ops: Vec<Op> = Vec::new();
    let mut y = m;
    let title = title(chart.id, chart.money, locale);
    if export {
        let step = (HEAD * 1.3) as i32;
        for l in wrap(title, bold_size(HEAD), inner, 3) {
            bold(&mut ops, m, y + step / 2, &l, HEAD);
            y += step;
        }
        y += 8;
    }
    if chart.rows.is_empty() {
        y = para(
            &mut ops,
            (m, y),
            t(locale, Key::ChartEmpty),
            BODY,
            inner,
            3,
            MUTED,
        );
    } else {
        y = match chart.id {
            ChartId::Trends => trends(&mut back, &mut ops, chart, m, y, inner, locale),
            ChartId::Money | ChartId::Land => bars(&mut back, &mut ops, chart, m, y, inner, locale),
            ChartId::People => dots(&mut back, &mut ops, chart, m, y, inner, locale),
        };
    }
    if export {
        y += 8;
        let refs: Vec<String> = chart.sources.iter().map(|s| s.label_in(locale)).collect();
        let line = crate::i18n::labelled(
            locale,
            t(locale, Key::ChartExportSource),
            &refs.join(crate::i18n::list_separator(locale)),
        );
        y = para(&mut ops, (m, y), &line, SMALL, inner, 4, MUTED);
    }
    let height = (y + m) as u32;
    let mut markup = String::new();
    {
        let mut b = SVGBackend::with_string(&mut markup, (w as u32, height));
        let _ = b.draw_rect((0, 0), (w, height as i32), &WHITE, true);
        for op in back.iter().chain(ops.iter()) {
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
                    // plotters writes font-size as size / 1.24.
                    let font = ("sans-serif", size * 1.24, style).into_font();
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
    if export {
        // A <title> names the file's picture for screen readers and image viewers.
        if let Some(end) = markup.find(">\n") {
            let mut t = String::from("<title>");
            for c in title.chars() {
                match c {
                    '<' => t.push_str("&lt;"),
                    '&' => t.push_str("&amp;"),
                    '>' => t.push_str("&gt;"),
                    c => t.push(c),
                }
            }
            t.push_str("</title>\n");
            markup.insert_str(end + 2, &t);
        }
    }
    Svg {
        markup,
        width: w as u32,
        height,
    }
}

/// Horizontal bars on a linear scale, grouped; each row: label line(s), then the bar with its value.
fn bars(
    back: &mut Vec<Op>,
    ops: &mut Vec<Op>,
    chart: &Chart,
    x0: i32,
    y0: i32,
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
    text(
        ops,
        x0,
        y + 9,
        t(locale, unit_key),
        SMALL,
        MUTED,
        HPos::Left,
    );
    y += 20;
    let tick_labels = |ops: &mut Vec<Op>, y: i32| {
        let labels = ticks
            .iter()
            .map(|v| (x0 + (v / top * w).round() as i32, format::group(*v, 2)));
        axis_labels(ops, labels, (x0, x0 + w as i32), y);
    };
    tick_labels(ops, y + 8);
    y += 20;
    let grid_top = y;
    let mut group = "";
    for r in &chart.rows {
        if r.group != group {
            group = &r.group;
            y += 6;
            let step = (BODY * 1.35) as i32;
            for l in wrap(group, bold_size(BODY), w, 2) {
                bold(ops, x0, y + step / 2, &l, BODY);
                y += step;
            }
        }
        y = para(ops, (x0, y + 2), &r.label, BODY, w, 3, INK);
        let len = scale(r.value).max(2);
        let (bar_top, bar_h) = (y + 2, 18);
        ops.push(Op::Rect(x0, bar_top, x0 + len, bar_top + bar_h, colour));
        let label = value_label(r, locale);
        let lw = text_width(&label, SMALL).ceil() as i32;
        let mid = bar_top + bar_h / 2;
        let right = x0 + w as i32;
        if x0 + len + 6 + lw <= right {
            boxed(ops, x0 + len + 6, mid, &label, HPos::Left);
            y = bar_top + bar_h + 10;
        } else if len >= lw + 12 {
            text(ops, x0 + len - 6, mid, &label, SMALL, WHITE, HPos::Right);
            y = bar_top + bar_h + 10;
        } else {
            y = para(ops, (x0, bar_top + bar_h + 2), &label, SMALL, w, 2, INK) + 6;
        }
    }
    let grid_bottom = y;
    for v in &ticks {
        let x = x0 + (v / top * w).round() as i32;
        let c = if *v == 0.0 { MUTED } else { GRID };
        back.push(Op::Line(x, grid_top, x, grid_bottom, c, 1));
    }
    tick_labels(ops, y + 8);
    y + 20
}

/// Labels under an axis at their x, centred, or against the plot's edge (`left`..`right`)
/// where centring would cross it.
fn axis_labels(
    ops: &mut Vec<Op>,
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
        text(ops, x, y, &s, SMALL, MUTED, h);
    }
}

/// Dots on a log scale (counts from tens to tens of millions).
fn dots(
    back: &mut Vec<Op>,
    ops: &mut Vec<Op>,
    chart: &Chart,
    x0: i32,
    y0: i32,
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
    y = para(
        ops,
        (x0, y),
        t(locale, Key::ChartAxisLog),
        SMALL,
        w,
        3,
        MUTED,
    );
    y += 2;
    // Label every decade that fits.
    let widest = text_width("100 million", SMALL) + 10.0;
    let every = ((widest / (span / f64::from(d1 - d0))).ceil() as i32).max(1);
    let tick_labels = |ops: &mut Vec<Op>, y: i32| {
        let labels = (d0..=d1)
            .filter(|d| (d - d0) % every == 0)
            .map(|d| (xv(pow10(d)), format::compact_in(locale, pow10(d))));
        axis_labels(ops, labels, (x0, x0 + w as i32), y);
    };
    tick_labels(ops, y + 8);
    y += 20;
    let grid_top = y;
    let right = x0 + w as i32;
    for r in &chart.rows {
        y = para(ops, (x0, y + 4), &r.label, BODY, w, 2, INK);
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
                y = para(ops, (x0, y), &r.measure, SMALL, w, 2, MUTED);
                let at = side(&short);
                (short, at)
            }
        };
        let mid = y + 12;
        back.push(Op::Line(x0, mid, right, mid, GRID, 1));
        ops.push(Op::Dot(x, mid, 6, BLUE));
        y = match at {
            Some((lx, h)) => {
                boxed(ops, lx, mid, &label, h);
                mid + 14
            }
            None => para(ops, (x0, mid + 12), &label, SMALL, w, 2, INK) + 2,
        };
    }
    for d in d0..=d1 {
        let x = xv(pow10(d));
        back.push(Op::Line(x, grid_top, x, y + 4, GRID, 1));
    }
    tick_labels(ops, y + 14);
    y + 26
}

/// Small multiples, one per series: the known points marked, joined by a labelled dashed line.
fn trends(
    back: &mut Vec<Op>,
    ops: &mut Vec<Op>,
    chart: &Chart,
    x0: i32,
    y0: i32,
    w: f64,
    locale: Locale,
) -> i32 {
    let mut groups: Vec<(&str, Vec<&Row>)> = Vec::new();
    for r in &chart.rows {
        match groups.iter_mut().find(|g| g.0 == r.group) {
            Some(g) => g.1.push(r),
            None => groups.push((&r.group, vec![r])),
        }
    }
    let years: Vec<i32> = chart.rows.iter().filter_map(|r| r.year).collect();
    let (ya, yb) = (
        years.iter().copied().min().unwrap_or(0),
        years.iter().copied().max().unwrap_or(1),
    );
    let yb = yb.max(ya.saturating_add(1));
    let cols = if w >= 1000.0 {
        4.min(groups.len())
    } else if w >= 520.0 {
        2
    } else {
        1
    }
    .max(1);
    let gap = 24.0;
    let pw = (w - gap * (cols as f64 - 1.0)) / cols as f64;
    let (plot_h, axis_w) = (140, 52);
    let mut y = y0;
    let step = (BODY * 1.35) as i32;
    for row in groups.chunks(cols) {
        let mut bottom = y;
        // Plots of a row start at the same height, below the longest title.
        let title_lines = row
            .iter()
            .map(|(name, _)| wrap(name, bold_size(BODY), pw, 2).len())
            .max()
            .unwrap_or(1) as i32;
        for (c, (name, pts)) in row.iter().enumerate() {
            let px = x0 + (c as f64 * (pw + gap)).round() as i32;
            let mut ty = y;
            for l in wrap(name, bold_size(BODY), pw, 2) {
                bold(ops, px, ty + step / 2, &l, BODY);
                ty += step;
            }
            let mut py = y + title_lines * step;
            let max = pts.iter().map(|r| r.value).fold(0.0, f64::max);
            let (div, unit_key) = axis_unit(pts[0].unit, max, locale);
            text(
                ops,
                px,
                py + 8,
                t(locale, unit_key),
                SMALL,
                MUTED,
                HPos::Left,
            );
            py += 22;
            let ticks = ticks(max / div, 3);
            let top = *ticks.last().expect("ticks");
            let (left, right) = (px + axis_w, px + pw as i32 - 8);
            let base = py + plot_h;
            // Clamped to the plot: a value outside the axis (negative) cannot throw a line far off.
            let yv = |v: f64| {
                base - ((v / div / top).clamp(0.0, 1.0) * f64::from(plot_h)).round() as i32
            };
            for v in &ticks {
                let gy = base - (v / top * f64::from(plot_h)).round() as i32;
                back.push(Op::Line(
                    left,
                    gy,
                    right,
                    gy,
                    if *v == 0.0 { MUTED } else { GRID },
                    1,
                ));
                text(
                    ops,
                    left - 6,
                    gy,
                    &format::group(*v, 2),
                    SMALL,
                    MUTED,
                    HPos::Right,
                );
            }
            let inner = f64::from(right - left - 24);
            let xv = |yr: i32| {
                let at = (f64::from(yr) - f64::from(ya)) / (f64::from(yb) - f64::from(ya));
                left + 12 + (at * inner).round() as i32
            };
            // A tick per year, or per decade, century... when the span is long.
            let every = (i64::from(yb) - i64::from(ya)) / 60 + 1;
            for yr in (i64::from(ya)..=i64::from(yb))
                .step_by(every as usize)
                .map(|y| y as i32)
            {
                back.push(Op::Line(xv(yr), base, xv(yr), base + 4, MUTED, 1));
            }
            let marks: Vec<(i32, i32, &Row)> = pts
                .iter()
                .filter_map(|r| Some((xv(r.year?), yv(r.value), *r)))
                .collect();
            for pair in marks.windows(2) {
                dashed(ops, (pair[0].0, pair[0].1), (pair[1].0, pair[1].1), MUTED);
            }
            let n = marks.len();
            for (i, (x, yy, r)) in marks.iter().enumerate() {
                ops.push(Op::Dot(*x, *yy, 5, BRAND));
                text(ops, *x, base + 14, &r.label, SMALL, INK, HPos::Center);
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
                let lx = start.min(px + pw as i32 - w).max(left);
                // On the side away from the connector: below a point the line rises from,
                // above one it rises to (if there is room above the axis).
                let rises_from = i + 1 < n && marks[i + 1].1 < *yy;
                // Above the plot's top is the unit's line: a label that would reach it goes below.
                let room_above = yy - 23 >= py;
                let below = (rises_from || !room_above) && base - yy >= 24;
                let ly = if below { yy + 15 } else { yy - 15 };
                boxed(ops, lx, ly, &label, HPos::Left);
            }
            bottom = bottom.max(base + 24);
        }
        y = bottom + 12;
    }
    // Legend: what the marks mean.
    let lx = x0 + 34;
    ops.push(Op::Dot(x0 + 14, y + 9, 5, BRAND));
    y = para(
        ops,
        (lx, y),
        t(locale, Key::ChartDotLegend),
        SMALL,
        w - 34.0,
        3,
        INK,
    ) + 4;
    dashed(ops, (x0, y + 9), (x0 + 28, y + 9), MUTED);
    y = para(
        ops,
        (lx, y),
        t(locale, Key::ChartDashedLegend),
        SMALL,
        w - 34.0,
        3,
        INK,
    );
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(group: &str, label: &str, value: f64, unit: Unit) -> Row {
        Row {
            figure: format!("f-{label}"),
            item: None,
            group: group.into(),
            label: label.into(),
            measure: format!("measure of {label}"),
            value,
            unit,
            qualifier: Some(Qualifier::About),
            text: format!("{value}"),
            period: None,
            money: None,
            paragraph: "p3".into(),
            year: None,
        }
    }

    fn chart(id: ChartId, rows: Vec<Row>) -> Chart {
        Chart {
            id,
            money: MoneyView::Committed,
            rows,
            sources: vec![SourceLink {
                paragraph: "p3".into(),
                label: "para 3".into(),
            }],
            notes: vec![],
        }
    }

    #[test]
    fn bars_contain_every_label_and_value() {
        let mut a = r(
            "(1) Research",
            "Innovation and Technology Fund",
            19.5e9,
            Unit::Hkd,
        );
        a.money = Some(MoneyKind::Committed);
        let mut b = r("(4) Enterprises", "Cyberport", 2e8, Unit::Hkd);
        b.money = Some(MoneyKind::Committed);
        let c = chart(ChartId::Money, vec![a, b]);
        let svg = render(&c, 1200, Locale::En, false).markup;
        for s in [
            "Innovation and Technology Fund",
            "Cyberport",
            "(1) Research",
            "(4) Enterprises",
            "around HK$19.5 billion · injected/allocated",
            "around HK$200 million · injected/allocated",
            "HK$ billion",
        ] {
            assert!(svg.contains(s), "missing {s:?} in\n{svg}");
        }
        assert_eq!(svg.matches("fill=\"#00594F\"").count(), 2, "two bars");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let bad = "<img src=x onerror=alert(1)>";
        let c = chart(ChartId::Land, vec![r("", bad, 5.0, Unit::Hectares)]);
        for export in [false, true] {
            let svg = render(&c, 800, Locale::En, export).markup;
            assert!(!svg.contains("<img"), "{svg}");
            assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{svg}");
        }
        let csv = csv(&chart(
            ChartId::Land,
            vec![r("", "=HYPERLINK(\"x\")", 1.0, Unit::Count)],
        ));
        assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
    }

    #[test]
    fn trend_marks_two_points_and_a_labelled_dashed_connector() {
        let mut a = r("Start-ups", "2014", 1070.0, Unit::Count);
        a.year = Some(2014);
        let mut b = r("Start-ups", "2021", 3800.0, Unit::Count);
        b.year = Some(2021);
        let svg = render(&chart(ChartId::Trends, vec![a, b]), 1200, Locale::En, false).markup;
        // Two data points plus the legend's sample dot; no solid polyline between years.
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(!svg.contains("<polyline"));
        assert!(
            svg.matches("<line").count() > 10,
            "dashes are short segments"
        );
        for s in [
            "Start-ups",
            "2014",
            "2021",
            "around 1,070",
            "around 3,800",
            "Dashed line",
        ] {
            assert!(svg.contains(s), "missing {s:?}");
        }
    }

    #[test]
    fn every_language_charts_the_same_figures() {
        let en = crate::zh::tests::data();
        for locale in [Locale::ZhHant, Locale::ZhHans] {
            let zh = crate::zh::tests::bundled(&en, locale).localize(&en);
            for id in ChartId::ALL {
                for money in [MoneyView::Committed, MoneyView::Disbursed] {
                    let figures =
                        |c: Chart| c.rows.into_iter().map(|r| r.figure).collect::<Vec<_>>();
                    let english = figures(build(id, &en, &|_| true, money));
                    let chinese = figures(build_in(id, (&zh, &en, locale), &|_| true, money));
                    assert!(!english.is_empty(), "{id:?}");
                    assert_eq!(english, chinese, "{id:?} {money:?} {locale:?}");
                }
            }
        }
    }

    #[test]
    fn chinese_axes_count_in_yi_and_wan_with_matching_ticks() {
        let mut a = r("(1) 研究", "創新及科技基金", 19.5e9, Unit::Hkd);
        a.money = Some(MoneyKind::Committed);
        a.qualifier = Some(Qualifier::About);
        let c = chart(ChartId::Money, vec![a]);
        let svg = render(&c, 1200, Locale::ZhHant, false).markup;
        for s in ["億港元", "約195億港元 · 注資／撥款", ">\n200\n<"] {
            assert!(svg.contains(s), "missing {s:?} in\n{svg}");
        }
        assert!(!svg.contains("billion") && !svg.contains("十億"));
        let people = chart(
            ChartId::People,
            vec![
                r("", "安心出行", 5.4e6, Unit::Count),
                r("", "STEM", 40.0, Unit::People),
            ],
        );
        let svg = render(&people, 1200, Locale::ZhHans, false).markup;
        assert!(svg.contains("540万") && svg.contains("40人"), "{svg}");
        assert!(svg.contains(">\n100万\n<"), "ticks in 万: {svg}");
        assert!(!svg.contains("million"));
    }

    #[test]
    fn log_scale_keeps_small_counts_readable_and_says_so() {
        let c = chart(
            ChartId::People,
            vec![
                r("", "LeaveHomeSafe", 5.4e6, Unit::Count),
                r("", "Global STEM", 40.0, Unit::People),
            ],
        );
        let svg = render(&c, 375, Locale::En, false).markup;
        assert!(svg.contains("log scale"));
        assert!(svg.contains("around 5.4 million") && svg.contains("around 40 people"));
        // Decades from 10 to 10 million; at 375 px every other one is labelled.
        assert!(svg.contains(">\n10\n<") || svg.contains(">\n100\n<"));
        let cx: Vec<i32> = svg
            .match_indices("<circle cx=\"")
            .map(|(i, m)| {
                svg[i + m.len()..]
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        assert_eq!(cx.len(), 2);
        assert!(cx[0] > cx[1] + 200, "the small count sits far left: {cx:?}");
    }

    #[test]
    fn export_carries_title_and_source() {
        let c = chart(ChartId::Land, vec![r("", "Site", 2.5, Unit::Hectares)]);
        let svg = render(&c, 600, Locale::En, true);
        assert!(svg.markup.starts_with("<svg"));
        assert!(svg.markup.contains("<title>Land for I&amp;T"));
        assert!(svg.markup.contains("para 3"));
        assert!(svg.markup.contains(&format!("height=\"{}\"", svg.height)));
        assert!(svg.markup.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn empty_chart_says_so() {
        let svg = render(&chart(ChartId::Land, vec![]), 600, Locale::En, false).markup;
        assert!(svg.contains("No figures"));
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(19.5, 4), vec![0.0, 5.0, 10.0, 15.0, 20.0]);
        assert_eq!(ticks(540.0, 5), vec![0.0, 200.0, 400.0, 600.0]);
        assert_eq!(ticks(3800.0, 3), vec![0.0, 2000.0, 4000.0]);
        assert_eq!(ticks(0.0, 3), vec![0.0, 1.0]);
    }

    #[test]
    fn wrapping_respects_width_and_line_count() {
        let lines = wrap("one two three four five six seven eight", 14.0, 90.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| text_width(l, 14.0) <= 90.0));
        assert_eq!(wrap("短句子", 14.0, 200.0, 1), vec!["短句子"]);
        // 1.12 em a character (with the text-spacing allowance): three to a 40 px line.
        assert_eq!(wrap("一二三四五六七八九十", 10.0, 40.0, 9).len(), 4);
    }

    #[test]
    fn csv_quotes_and_lists_every_row() {
        let mut a = r("", "a, b", 16.7e9, Unit::Hkd);
        a.text = "$16.7 billion".into();
        let out = csv(&chart(
            ChartId::Trends,
            vec![a, r("", "c", 3.0, Unit::Count)],
        ));
        let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("\u{feff}chart,figure,"));
        assert_eq!(
            lines[1],
            "trends,f-a, b,,\"a, b\",\"measure of a, b\",16700000000,hkd,about,$16.7 billion,,,p3"
                .replace("f-a, b", "\"f-a, b\"")
        );
    }

    #[test]
    fn exact_values_for_tables() {
        assert_eq!(exact(19.5e9, Unit::Hkd), "HK$19,500,000,000");
        assert_eq!(exact(2.5, Unit::Hectares), "2.5 ha");
        assert_eq!(exact(44_600.0, Unit::People), "44,600 people");
    }
}
