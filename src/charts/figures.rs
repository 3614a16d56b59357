//! Which figures each chart holds, in which order and under which headings. The choice is made
//! on the English dataset in every language (year labels, uptake words), so a Chinese chart
//! shows the same figures as the English one.

use super::ChartId;
use crate::i18n::Locale;
use crate::model::{Dataset, Figure, MoneyKind, ParagraphKind, Qualifier, SourceRef, Unit};
use crate::view_state::MoneyView;

/// One figure as a chart shows it: one mark, one table row, one CSV line.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartedFigure {
    pub figure: String,
    pub item: Option<String>,
    /// Heading the figure is grouped under (series title, policy area); "" for none.
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

impl ChartedFigure {
    fn of(f: &Figure, group: &str, label: &str) -> ChartedFigure {
        ChartedFigure {
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
    /// The charted figures in drawing order (grouped, sorted): the chart's table rows.
    pub rows: Vec<ChartedFigure>,
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

fn by_value(r: &ChartedFigure) -> f64 {
    r.value
}

/// Whether a figure is charted under the current filters.
type Visible<'a> = &'a dyn Fn(&Figure) -> bool;

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
    let (rows, notes) = match id {
        ChartId::Trends => trend_figures(data, english, &visible),
        ChartId::Money => (money_figures(data, names, &visible, money), Vec::new()),
        ChartId::Land => (land_figures(data, &visible), Vec::new()),
        ChartId::People => (people_figures(data, english, &visible), Vec::new()),
    };
    let sources = sources(data, &rows);
    Chart {
        id,
        money,
        rows,
        sources,
        notes,
    }
}

/// The title of a figure's item ("" for a figure without one).
fn item_title(data: &Dataset, f: &Figure) -> String {
    f.item
        .as_deref()
        .and_then(|i| data.item(i))
        .map(|i| i.title.clone())
        .unwrap_or_default()
}

/// Paragraph 3's series with two or more known years, all visible, and their notes.
fn trend_figures(
    data: &Dataset,
    english: &Dataset,
    visible: Visible,
) -> (Vec<ChartedFigure>, Vec<SourceRef>) {
    let mut rows = Vec::new();
    let mut notes: Vec<SourceRef> = Vec::new();
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
            let mut r = ChartedFigure::of(f, &s.title, label);
            r.year = year;
            rows.push(r);
        }
        if !notes.contains(&s.note) {
            notes.push(s.note.clone());
        }
    }
    (rows, notes)
}

/// The Annex's HK$ amounts of one kind, grouped by policy area, largest first.
fn money_figures(
    data: &Dataset,
    names: Locale,
    visible: Visible,
    money: MoneyView,
) -> Vec<ChartedFigure> {
    let want = match money {
        MoneyView::Committed => MoneyKind::Committed,
        MoneyView::Disbursed => MoneyKind::Disbursed,
    };
    let annex = |p: &str| {
        data.paragraph(p)
            .is_some_and(|p| p.kind == ParagraphKind::AnnexRow)
    };
    let mut groups: Vec<(u8, Vec<ChartedFigure>)> = Vec::new();
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
        let r = ChartedFigure::of(f, &name, &item_title(data, f));
        match groups.iter_mut().find(|g| g.0 == number) {
            Some(g) => crate::order::insert_desc(&mut g.1, r, by_value),
            None => groups.push((number, vec![r])),
        }
    }
    // Areas with the largest amount first (an area's amounts are not summed: the paper's
    // amounts overlap, e.g. a fund's total and its latest injection).
    let mut ordered: Vec<Vec<ChartedFigure>> = Vec::new();
    for g in groups {
        crate::order::insert_desc(&mut ordered, g.1, |g| g[0].value);
    }
    let mut rows: Vec<ChartedFigure> = ordered.into_iter().flatten().collect();
    // A scheme with several amounts names each one ("Cyberport Macro Fund: fund size").
    for i in 0..rows.len() {
        if rows.iter().filter(|r| r.item == rows[i].item).count() > 1 {
            rows[i].label = crate::i18n::labelled(names, &rows[i].label, &rows[i].measure);
        }
    }
    rows
}

/// Hectares, by site, largest first.
fn land_figures(data: &Dataset, visible: Visible) -> Vec<ChartedFigure> {
    let mut rows = Vec::new();
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
        crate::order::insert_desc(&mut rows, ChartedFigure::of(f, "", &label), by_value);
    }
    rows
}

/// Counts of people and of uptake (by the English measure's words), largest first.
fn people_figures(data: &Dataset, english: &Dataset, visible: Visible) -> Vec<ChartedFigure> {
    let mut rows: Vec<ChartedFigure> = Vec::new();
    for (f, en) in data.figures.iter().zip(&english.figures) {
        let measure = en.measure.to_ascii_lowercase();
        let uptake = f.unit == Unit::Count && UPTAKE_WORDS.iter().any(|w| measure.contains(w));
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
        let r = ChartedFigure::of(f, "", &item_title(data, f));
        crate::order::insert_desc(&mut rows, r, by_value);
    }
    rows
}

/// The distinct places the figures come from: body paragraphs as "para N", Annex rows by area.
fn sources(data: &Dataset, rows: &[ChartedFigure]) -> Vec<SourceLink> {
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
