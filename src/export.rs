//! Taking the data away (pure): the one CSV writer of the app (the selection's downloads, the
//! charts' data and the data package all use it), the selection as tables of items, figures
//! and milestones, as CSV or JSON, the names of downloaded files, the printed summary of the
//! filters, and the Frictionless data package of the whole dataset. No browser APIs.
//!
//! CSV is written here rather than with the `csv` crate: RFC 4180 quoting is a dozen lines and
//! the crate would add its writer to the wasm for nothing else (see ARCHITECTURE.md, "Size").

use std::borrow::Cow;

use crate::i18n::{kind_key, status_key, t, Key, Locale};
use crate::model::{
    Dataset, EventKind, Figure, Initiative, Milestone, MoneyKind, PositionPrecision, Precision,
    Qualifier, SourceRef, Unit,
};
use crate::view_state::ViewState;

// ---------------------------------------------------------------------------------------------
// CSV

/// Text a spreadsheet would run as a formula gets a leading apostrophe, as OWASP's
/// CSV-injection guidance says: cells starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return. Plain numbers ("-5", "+1.25") are no formula and stay numbers.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// An optional sign, digits and at most one decimal point, with a digit somewhere.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
}

/// Writes CSV (RFC 4180: commas, CRLF line ends, fields with a comma, quote or line break in
/// double quotes, quotes doubled), every field neutralised first.
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// `bom`: start with a UTF-8 byte-order mark, so Excel reads the file as UTF-8 (Chinese,
    /// curly quotes) instead of the system's code page. Downloads have one; the data package,
    /// read by tools, has none.
    pub fn new(bom: bool) -> CsvWriter {
        let out = if bom {
            "\u{feff}".into()
        } else {
            String::new()
        };
        CsvWriter { out }
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            let field = neutralise(field.as_ref());
            if field.contains([',', '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&field.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&field);
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

// ---------------------------------------------------------------------------------------------
// The dataset's vocabularies as their JSON values

pub fn unit_str(u: Unit) -> &'static str {
    match u {
        Unit::Hkd => "hkd",
        Unit::Hectares => "hectares",
        Unit::SquareMetres => "square_metres",
        Unit::People => "people",
        Unit::Count => "count",
        Unit::Percent => "percent",
        Unit::Rank => "rank",
        Unit::Years => "years",
    }
}

pub fn qualifier_str(q: Option<Qualifier>) -> &'static str {
    match q {
        Some(Qualifier::About) => "about",
        Some(Qualifier::Over) => "over",
        Some(Qualifier::AtMost) => "at_most",
        None => "",
    }
}

pub fn money_str(m: Option<MoneyKind>) -> &'static str {
    match m {
        Some(MoneyKind::Committed) => "committed",
        Some(MoneyKind::Disbursed) => "disbursed",
        Some(MoneyKind::Attracted) => "attracted",
        Some(MoneyKind::Other) => "other",
        None => "",
    }
}

fn event_str(e: EventKind) -> &'static str {
    match e {
        EventKind::Announced => "announced",
        EventKind::Launched => "launched",
        EventKind::Established => "established",
        EventKind::Injected => "injected",
        EventKind::Commenced => "commenced",
        EventKind::Completed => "completed",
        EventKind::PlannedCompletion => "planned_completion",
        EventKind::PlannedLaunch => "planned_launch",
        EventKind::Signed => "signed",
        EventKind::Released => "released",
        EventKind::Expanded => "expanded",
        EventKind::Reported => "reported",
    }
}

fn precision_str(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::PartOfMonth => "part_of_month",
        Precision::Month => "month",
        Precision::PartOfYear => "part_of_year",
        Precision::Year => "year",
        Precision::SchoolYear => "school_year",
        Precision::FinancialYear => "financial_year",
        Precision::Range => "range",
    }
}

fn item_kind_str(k: crate::model::ItemKind) -> &'static str {
    match k {
        crate::model::ItemKind::NewInitiative => "new_initiative",
        crate::model::ItemKind::ProgressItem => "progress_item",
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

/// A column's type, as Frictionless Table Schema names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    String,
    Number,
    Boolean,
    Date,
}

impl FieldType {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
        }
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    Empty,
}

impl Cell {
    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }
    fn opt(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }
    /// The cell as CSV text (numbers in Rust's shortest exact form, never an exponent).
    pub fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Number(v) => Cow::Owned(format!("{v}")),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Empty => Cow::Borrowed(""),
        }
    }
    fn json(&self) -> String {
        match self {
            Cell::Text(s) => json_string(s),
            Cell::Number(v) if v.is_finite() => format!("{v}"),
            Cell::Bool(b) => b.to_string(),
            Cell::Number(_) | Cell::Empty => "null".into(),
        }
    }
}

/// A JSON string literal (serde_json's escaping).
fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// Records of one kind: items, figures, milestones, sites or organisations.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Resource name: "items", "figures"...
    pub name: &'static str,
    pub fields: &'static [(&'static str, FieldType)],
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn header(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.0).collect()
    }
    pub fn csv(&self, bom: bool) -> String {
        let mut w = CsvWriter::new(bom);
        w.row(self.header());
        for row in &self.rows {
            w.row(row.iter().map(Cell::csv));
        }
        w.finish()
    }
    /// The rows as a JSON array of objects, keys in column order.
    pub fn json(&self) -> String {
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| {
                let pairs: Vec<String> = self
                    .fields
                    .iter()
                    .zip(row)
                    .map(|((name, _), cell)| format!("{}:{}", json_string(name), cell.json()))
                    .collect();
                format!("{{{}}}", pairs.join(","))
            })
            .collect();
        format!("[\n{}\n]", rows.join(",\n"))
    }
}

use FieldType::{Boolean as B, Date as D, Number as N, String as S};

const SOURCE_FIELDS: usize = 3;

/// The last columns of every table: where in the paper the record comes from.
fn source_cells(data: &Dataset, source: &SourceRef) -> [Cell; SOURCE_FIELDS] {
    let label = data
        .paragraph(&source.paragraph)
        .map(|p| p.label.as_str())
        .unwrap_or("");
    [
        Cell::text(&source.paragraph),
        Cell::text(label),
        Cell::text(&source.quote),
    ]
}

pub const ITEM_FIELDS: &[(&str, FieldType)] = &[
    ("id", S),
    ("kind", S),
    ("kind_label", S),
    ("title", S),
    ("summary", S),
    ("policy_area", S),
    ("policy_area_name", S),
    ("status", S),
    ("status_label", S),
    ("status_quote", S),
    ("sites", S),
    ("organisations", S),
    ("paragraph", S),
    ("paragraph_label", S),
    ("quote", S),
];

pub const FIGURE_FIELDS: &[(&str, FieldType)] = &[
    ("id", S),
    ("item", S),
    ("item_title", S),
    ("measure", S),
    ("value", N),
    ("unit", S),
    ("paper_text", S),
    ("scale", S),
    ("qualifier", S),
    ("period", S),
    ("money_kind", S),
    ("site", S),
    ("paragraph", S),
    ("paragraph_label", S),
    ("quote", S),
];

pub const MILESTONE_FIELDS: &[(&str, FieldType)] = &[
    ("id", S),
    ("item", S),
    ("item_title", S),
    ("event", S),
    ("label", S),
    ("date_text", S),
    ("date_precision", S),
    ("date_start", D),
    ("date_end", D),
    ("paragraph", S),
    ("paragraph_label", S),
    ("quote", S),
];

pub const SITE_FIELDS: &[(&str, FieldType)] = &[
    ("id", S),
    ("name", S),
    ("short_name", S),
    ("district", S),
    ("lat", N),
    ("lon", N),
    ("position", S),
    ("position_source", S),
    ("area_ha", N),
    ("cross_border", B),
    ("paragraph", S),
    ("paragraph_label", S),
    ("quote", S),
];

pub const ORGANISATION_FIELDS: &[(&str, FieldType)] = &[
    ("id", S),
    ("name", S),
    ("abbreviation", S),
    ("paragraph", S),
    ("paragraph_label", S),
    ("quote", S),
];

/// Items as rows; `kind_label` and `status_label` in `locale`.
pub fn items_table(data: &Dataset, items: &[&Initiative], locale: Locale) -> Table {
    let rows = items
        .iter()
        .map(|i| {
            let area = data.area(&i.area).map(|a| a.name.as_str());
            let mut row = vec![
                Cell::text(&i.id),
                Cell::text(item_kind_str(i.kind)),
                Cell::text(t(locale, kind_key(i.kind))),
                Cell::text(&i.title),
                Cell::text(&i.summary),
                Cell::text(&i.area),
                Cell::opt(area),
                Cell::text(i.status.as_str()),
                Cell::text(t(locale, status_key(i.status))),
                Cell::text(&i.status_quote),
                Cell::text(&i.sites.join(" ")),
                Cell::text(&i.organisations.join(" ")),
            ];
            row.extend(source_cells(data, &i.source));
            row
        })
        .collect();
    Table {
        name: "items",
        fields: ITEM_FIELDS,
        rows,
    }
}

fn item_title(data: &Dataset, id: Option<&str>) -> Cell {
    Cell::opt(id.and_then(|id| data.item(id)).map(|i| i.title.as_str()))
}

pub fn figures_table(data: &Dataset, figures: &[&Figure]) -> Table {
    let rows = figures
        .iter()
        .map(|f| {
            let mut row = vec![
                Cell::text(&f.id),
                Cell::opt(f.item.as_deref()),
                item_title(data, f.item.as_deref()),
                Cell::text(&f.measure),
                Cell::Number(f.value),
                Cell::text(unit_str(f.unit)),
                Cell::text(&f.text),
                Cell::opt(f.scale.as_deref()),
                Cell::text(qualifier_str(f.qualifier)),
                Cell::opt(f.period.as_deref()),
                Cell::text(money_str(f.money)),
                Cell::opt(f.site.as_deref()),
            ];
            row.extend(source_cells(data, &f.source));
            row
        })
        .collect();
    Table {
        name: "figures",
        fields: FIGURE_FIELDS,
        rows,
    }
}

pub fn milestones_table(data: &Dataset, milestones: &[&Milestone]) -> Table {
    let rows = milestones
        .iter()
        .map(|m| {
            let mut row = vec![
                Cell::text(&m.id),
                Cell::text(&m.item),
                item_title(data, Some(&m.item)),
                Cell::text(event_str(m.event)),
                Cell::text(&m.label),
                Cell::text(&m.date.text),
                Cell::text(precision_str(m.date.precision)),
                Cell::text(&m.date.start),
                Cell::text(&m.date.end),
            ];
            row.extend(source_cells(data, &m.source));
            row
        })
        .collect();
    Table {
        name: "milestones",
        fields: MILESTONE_FIELDS,
        rows,
    }
}

/// The records a selection of items brings: the items in the selection's order, then their
/// figures and milestones (grouped by item, in that order).
pub struct Selection<'a> {
    pub items: Vec<&'a Initiative>,
    pub figures: Vec<&'a Figure>,
    pub milestones: Vec<&'a Milestone>,
}

impl<'a> Selection<'a> {
    /// `selection`: indices into `data.items`, as `filter::select` returns them.
    pub fn of(data: &'a Dataset, selection: &[usize]) -> Selection<'a> {
        let items: Vec<&Initiative> = selection.iter().map(|&i| &data.items[i]).collect();
        let figures = items.iter().flat_map(|i| data.figures_of(&i.id)).collect();
        let milestones = items
            .iter()
            .flat_map(|i| data.milestones_of(&i.id))
            .collect();
        Selection {
            items,
            figures,
            milestones,
        }
    }

    pub fn items(&self, data: &Dataset, locale: Locale) -> Table {
        items_table(data, &self.items, locale)
    }
    pub fn figures(&self, data: &Dataset) -> Table {
        figures_table(data, &self.figures)
    }
    pub fn milestones(&self, data: &Dataset) -> Table {
        milestones_table(data, &self.milestones)
    }

    /// The same records as one JSON document, with what the dataset and the selection are.
    pub fn json(&self, data: &Dataset, locale: Locale, url: &str, retrieved: &str) -> String {
        let d = &data.document;
        let head = [
            ("title", &d.title),
            ("bureau", &d.bureau),
            ("date", &d.date),
            ("as_of", &d.as_of),
            ("dataset_version", &d.dataset_version),
        ]
        .map(|(k, v)| format!("    {}: {}", json_string(k), json_string(v)))
        .join(",\n");
        format!(
            "{{\n  \"dataset\": {{\n{}\n  }},\n  \"url\": {},\n  \"retrieved\": {},\n  \"items\": {},\n  \"figures\": {},\n  \"milestones\": {}\n}}\n",
            head,
            json_string(url),
            json_string(retrieved),
            self.items(data, locale).json(),
            self.figures(data).json(),
            self.milestones(data).json(),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// File names, share links, the printed summary of the filters

/// Lower-case letters and digits (any script), everything else one hyphen; at most `max` chars.
fn slug(s: &str, max: usize) -> String {
    let mut lower = String::new();
    s.chars()
        .for_each(|c| crate::text::push_lowercase(&mut lower, c));
    let mut out = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.chars().take(max).collect();
    out.trim_end_matches('-').to_string()
}

/// What the filters select, for a file name: "all", or e.g. "search-loop_area-a1+t-land".
pub fn filters_slug(state: &ViewState) -> String {
    let mut parts = Vec::new();
    let q = slug(&state.q, 40);
    if !q.is_empty() {
        parts.push(format!("search-{q}"));
    }
    let mut list = |name: &str, values: Vec<&str>| {
        if !values.is_empty() {
            let values: Vec<String> = values.iter().map(|v| slug(v, 30)).collect();
            parts.push(format!("{name}-{}", values.join("+")));
        }
    };
    list("area", state.areas.iter().map(String::as_str).collect());
    list("kind", state.kinds.iter().map(|k| k.as_str()).collect());
    list(
        "status",
        state.statuses.iter().map(|s| s.as_str()).collect(),
    );
    list("site", state.sites.iter().map(String::as_str).collect());
    list("org", state.orgs.iter().map(String::as_str).collect());
    match (state.from, state.to) {
        (None, None) => {}
        (from, to) => parts.push(format!(
            "years-{}-{}",
            from.map_or("any".into(), |y| y.to_string()),
            to.map_or("any".into(), |y| y.to_string())
        )),
    }
    if parts.is_empty() {
        return "all".into();
    }
    let mut out = parts.join("_");
    if out.chars().count() > 120 {
        out = out.chars().take(120).collect::<String>() + "-etc";
    }
    out
}

/// "itpe-2021-v1.0.0-items-search-loop_status-launched-2026-11-30.csv": the paper, the
/// dataset's version, what is in the file, the filters and the day it was saved.
pub fn file_name(data: &Dataset, state: &ViewState, what: &str, today: &str, ext: &str) -> String {
    let year = data.document.date.get(..4).unwrap_or("paper");
    format!(
        "itpe-{year}-v{}-{what}-{}-{today}.{ext}",
        data.document.dataset_version,
        filters_slug(state)
    )
}

/// The address that reopens `state` in the standalone app at `page` (an absolute URL without
/// query or fragment). The one place a shareable link is built.
pub fn share_url(page: &str, state: &ViewState) -> String {
    format!("{page}{}", state.to_query())
}

/// The search and filters in words, for the printed page: (what, values) pairs in `locale`.
pub fn filter_summary(data: &Dataset, state: &ViewState, locale: Locale) -> Vec<(Key, String)> {
    let mut out = Vec::new();
    if !state.q.trim().is_empty() {
        out.push((Key::Search, format!("“{}”", state.q.trim())));
    }
    let mut push = |key: Key, values: Vec<String>| {
        if !values.is_empty() {
            out.push((key, values.join("; ")));
        }
    };
    // Names where the dataset has them, else the id as the link gave it.
    let named = |ids: &[String], name: &dyn Fn(&str) -> Option<String>| -> Vec<String> {
        ids.iter()
            .map(|id| name(id).unwrap_or_else(|| id.clone()))
            .collect()
    };
    let word = |key: Key| t(locale, key).to_string();
    push(
        Key::PolicyArea,
        named(&state.areas, &|id| data.area(id).map(|a| a.name.clone())),
    );
    push(
        Key::Kind,
        state.kinds.iter().map(|&k| word(kind_key(k))).collect(),
    );
    push(
        Key::Status,
        state
            .statuses
            .iter()
            .map(|&s| word(status_key(s)))
            .collect(),
    );
    push(
        Key::Sites,
        named(&state.sites, &|id| data.site(id).map(|s| s.name.clone())),
    );
    push(
        Key::Organisations,
        named(&state.orgs, &|id| {
            data.organisation(id).map(|o| o.name.clone())
        }),
    );
    if state.from.is_some() || state.to.is_some() {
        let year = |y: Option<i32>| y.map_or_else(|| word(Key::AnyYear), |y| y.to_string());
        push(
            Key::YearRange,
            vec![format!("{} – {}", year(state.from), year(state.to))],
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The data package

/// The five tables of the whole dataset, for the data package (labels in English).
pub fn package_tables(data: &Dataset) -> Vec<Table> {
    let items: Vec<&Initiative> = data.items.iter().collect();
    let figures: Vec<&Figure> = data.figures.iter().collect();
    let milestones: Vec<&Milestone> = data.milestones.iter().collect();
    let sites = data
        .sites
        .iter()
        .map(|s| {
            let mut row = vec![
                Cell::text(&s.id),
                Cell::text(&s.name),
                Cell::text(&s.short_name),
                Cell::text(&s.district),
                Cell::Number(s.lat),
                Cell::Number(s.lon),
                Cell::text(match s.position {
                    PositionPrecision::Surveyed => "surveyed",
                    PositionPrecision::Approximate => "approximate",
                }),
                Cell::text(&s.position_source),
                s.area_ha.map_or(Cell::Empty, Cell::Number),
                Cell::Bool(s.cross_border),
            ];
            row.extend(source_cells(data, &s.source));
            row
        })
        .collect();
    let organisations = data
        .organisations
        .iter()
        .map(|o| {
            let mut row = vec![
                Cell::text(&o.id),
                Cell::text(&o.name),
                Cell::opt(o.abbreviation.as_deref()),
            ];
            row.extend(source_cells(data, &o.source));
            row
        })
        .collect();
    vec![
        items_table(data, &items, Locale::En),
        figures_table(data, &figures),
        milestones_table(data, &milestones),
        Table {
            name: "sites",
            fields: SITE_FIELDS,
            rows: sites,
        },
        Table {
            name: "organisations",
            fields: ORGANISATION_FIELDS,
            rows: organisations,
        },
    ]
}

/// What a column holds, for the data package's field descriptions.
fn describe(field: &str) -> &'static str {
    match field {
        "id" => "Stable id (lower-case slug), unique in this table; the same id as in policy-2021.json.",
        "kind" => "new_initiative (announced in the 2021 Policy Address) or progress_item (a row of the Annex).",
        "kind_label" | "status_label" => "The value above in words (English).",
        "title" => "Short name of the item.",
        "summary" => "One or two plain sentences written for this dataset (not a quote).",
        "policy_area" => "Policy area id (a theme t-... or an Annex area a1..a11).",
        "policy_area_name" => "The policy area's name, as the paper prints it.",
        "status" => "proposed, planned, under_way, launched or completed (see DATA.md).",
        "status_quote" => "The paper's phrase that justifies the status, verbatim.",
        "sites" => "Ids of the sites the item concerns, separated by spaces (see sites.csv).",
        "organisations" => "Ids of the organisations involved, separated by spaces (see organisations.csv).",
        "paragraph" => "Id of the paper's paragraph the record comes from (p8, fn1, a4-2, h-...).",
        "paragraph_label" => "How the paper numbers that paragraph (\"8\", \"Footnote 1\", \"Annex (4), row 2\"); empty for headings.",
        "quote" => "The paper's sentence(s) the record comes from, verbatim.",
        "item" => "Id of the item it belongs to (see items.csv); empty for context figures.",
        "item_title" => "Title of that item.",
        "measure" => "What the figure measures.",
        "value" => "The number in full units (\"$19.5 billion\" is 19500000000).",
        "unit" => "hkd, hectares, square_metres, people, count, percent, rank or years.",
        "paper_text" => "The number exactly as the paper prints it.",
        "scale" => "The paper's scale word (million, billion), if any.",
        "qualifier" => "The paper's hedge: about, over or at_most; empty when none.",
        "period" => "The year or period the number refers to, in the paper's words.",
        "money_kind" => "HK$ figures: committed, disbursed, attracted or other (see DATA.md).",
        "site" => "Id of the site whose area the figure states (see sites.csv).",
        "event" => "What happens: announced, launched, established, injected, commenced, completed, planned_completion, planned_launch, signed, released, expanded or reported.",
        "label" => "What happens, in a short phrase.",
        "date_text" => "The date in the paper's words.",
        "date_precision" => "How exactly the date is known: day, part_of_month, month, part_of_year, year, school_year, financial_year or range.",
        "date_start" => "First day of the span the date means.",
        "date_end" => "Last day of the span the date means.",
        "name" => "Name as the paper gives it.",
        "short_name" => "Short name for map labels.",
        "district" => "Hong Kong district, or Shenzhen.",
        "lat" => "Latitude, WGS 84 degrees.",
        "lon" => "Longitude, WGS 84 degrees.",
        "position" => "surveyed (from a cited source) or approximate (expect 0.3-0.7 km error).",
        "position_source" => "Where the position comes from.",
        "area_ha" => "Area the paper states, in hectares; empty when it states none.",
        "cross_border" => "true for places across the boundary (Shenzhen), shown as context.",
        "abbreviation" => "Abbreviation the paper uses, if any.",
        _ => "",
    }
}

/// File name of a table in the package: "policy-2021-items.csv".
pub fn package_file(table: &str) -> String {
    format!("policy-2021-{table}.csv")
}

/// The Frictionless data package of the whole dataset: the five CSV tables (no byte-order
/// mark) and `datapackage.json`, which describes them (fields, types, keys, sizes) and lists the
/// JSON dataset and its schema. Returns (file name, content) pairs; `json_bytes` and
/// `schema_bytes` are the sizes of policy-2021.json and policy-2021.schema.json.
pub fn data_package(
    data: &Dataset,
    json_bytes: usize,
    schema_bytes: usize,
) -> Vec<(String, String)> {
    use serde_json::{json, Value};
    let tables = package_tables(data);
    let mut files = Vec::new();
    let mut resources = Vec::new();
    for table in &tables {
        let csv = table.csv(false);
        let fields: Vec<Value> = table
            .fields
            .iter()
            .map(|(name, kind)| {
                let mut f =
                    json!({ "name": name, "type": kind.as_str(), "description": describe(name) });
                if *name == "id" {
                    f["constraints"] = json!({ "required": true, "unique": true });
                }
                f
            })
            .collect();
        let mut schema = json!({ "fields": fields, "primaryKey": ["id"], "missingValues": [""] });
        let fk = |field: &str, resource: &str| json!({ "fields": field, "reference": { "resource": resource, "fields": "id" } });
        let keys: Vec<Value> = match table.name {
            "figures" => vec![fk("item", "items"), fk("site", "sites")],
            "milestones" => vec![fk("item", "items")],
            _ => vec![],
        };
        if !keys.is_empty() {
            schema["foreignKeys"] = Value::Array(keys);
        }
        let path = package_file(table.name);
        resources.push(json!({
            "name": table.name,
            "path": path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": csv.len(),
            "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true },
            "schema": schema,
        }));
        files.push((path, csv));
    }
    resources.push(json!({
        "name": "policy-2021",
        "path": "policy-2021.json",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": json_bytes,
        "description": "The whole dataset as one JSON document (also paragraphs, policy areas and series), described by policy-2021.schema.json.",
    }));
    resources.push(json!({
        "name": "policy-2021-schema",
        "path": "policy-2021.schema.json",
        "format": "json",
        "mediatype": "application/schema+json",
        "encoding": "utf-8",
        "bytes": schema_bytes,
        "description": "JSON Schema (draft 2020-12) of policy-2021.json.",
    }));
    let d = &data.document;
    let package = json!({
        "profile": "data-package",
        "name": "it-policy-2021",
        "title": format!("{} ({}, {})", d.title, d.bureau, d.date_text),
        "description": "Every initiative, progress item, figure, milestone, site and organisation of the Innovation and Technology Bureau's paper on the 2021 Policy Address, each with the paragraph it comes from and its quote. Text cells that a spreadsheet would run as a formula start with an apostrophe.",
        "version": d.dataset_version,
        "created": d.as_of,
        "keywords": ["Hong Kong", "innovation and technology", "policy address", "2021"],
        "sources": [{ "title": format!("{}: paper on the 2021 Policy Address ({})", d.bureau, d.date_text) }],
        "resources": resources,
    });
    let text = serde_json::to_string_pretty(&package).unwrap_or_default() + "\n";
    files.push(("datapackage.json".into(), text));
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{select, SearchIndex};

    fn data() -> Dataset {
        Dataset::from_json(include_str!("../public/data/policy-2021.json")).expect("dataset")
    }

    fn csv_of(rows: &[&[&str]]) -> String {
        let mut w = CsvWriter::new(false);
        for r in rows {
            w.row(r.iter());
        }
        w.finish()
    }

    #[test]
    fn formula_like_cells_are_neutralised() {
        for bad in [
            "=1+1",
            "+A1",
            "-2+3",
            "@SUM(A1)",
            "\tcmd",
            "\r=x",
            "-inf",
            "=HYPERLINK(\"x\")",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"), "{bad:?}");
        }
        for fine in [
            "-5",
            "+1.25",
            "42",
            "Loop",
            "",
            "'quoted",
            "a=b",
            "−2 (U+2212)",
        ] {
            assert_eq!(neutralise(fine), fine, "{fine:?}");
        }
        let out = csv_of(&[&["=HYPERLINK(\"x\")", "\tx", "\rx", "ok"]]);
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",'\tx,\"'\rx\",ok\r\n");
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let out = csv_of(&[&["a,b", "say \"hi\"", "two\nlines", "plain", "創新"]]);
        assert_eq!(
            out,
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,創新\r\n"
        );
        assert!(CsvWriter::new(true).finish().starts_with('\u{feff}'));
    }

    #[test]
    fn a_selection_brings_its_items_figures_and_milestones() {
        let data = data();
        let index = SearchIndex::new(std::sync::Arc::new(data.clone()));
        let (state, _) = ViewState::parse("?q=cyberport&status=launched");
        let sel = select(&data, &index, &state);
        assert!(!sel.is_empty());
        let s = Selection::of(&data, &sel);
        let items = s.items(&data, Locale::ZhHant);
        let ids: Vec<&str> = sel.iter().map(|&i| data.items[i].id.as_str()).collect();
        let csv = items.csv(true);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), ids.len() + 1);
        assert!(lines[0].starts_with("\u{feff}id,kind,kind_label,title,"));
        assert!(lines[0].ends_with(",paragraph,paragraph_label,quote"));
        for (line, id) in lines[1..].iter().zip(&ids) {
            assert!(line.starts_with(&format!("{id},")), "{line}");
            assert!(line.contains("已推出"), "status label in Chinese: {line}");
        }
        for f in &s.figures {
            assert!(ids.contains(&f.item.as_deref().unwrap_or("")));
        }
        for m in &s.milestones {
            assert!(ids.contains(&m.item.as_str()));
        }
        assert_eq!(s.figures(&data).rows.len(), s.figures.len());
        let json: serde_json::Value = serde_json::from_str(&s.json(
            &data,
            Locale::En,
            "https://x/?q=cyberport",
            "2026-11-30",
        ))
        .expect("valid JSON");
        assert_eq!(json["items"].as_array().map(Vec::len), Some(ids.len()));
        assert_eq!(json["items"][0]["id"], ids[0]);
        assert_eq!(json["dataset"]["as_of"], "2021-10-06");
        assert_eq!(
            json["figures"].as_array().map(Vec::len),
            Some(s.figures.len())
        );
        if let Some(f) = s.figures.first() {
            assert_eq!(json["figures"][0]["value"].as_f64(), Some(f.value));
        }
    }

    #[test]
    fn file_names_say_what_is_in_them() {
        let data = data();
        let (state, _) =
            ViewState::parse("?q=Lok+Ma+Chau%2C+Loop!&area=a1,t-land&status=launched&from=2020");
        assert_eq!(
            file_name(&data, &state, "items", "2026-11-30", "csv"),
            "itpe-2021-v1.0.0-items-search-lok-ma-chau-loop_area-a1+t-land_status-launched_years-2020-any-2026-11-30.csv"
                .replace("v1.0.0", &format!("v{}", data.document.dataset_version))
        );
        let (all, _) = ViewState::parse("?view=map");
        assert_eq!(filters_slug(&all), "all");
        let (zh, _) = ViewState::parse("?q=%E5%89%B5%E6%96%B0%20%E7%A7%91%E6%8A%80");
        assert_eq!(filters_slug(&zh), "search-創新-科技");
    }

    #[test]
    fn share_urls_carry_the_whole_state() {
        let (state, _) =
            ViewState::parse("?view=timeline&lang=zh-hant&q=loop&zoom=2021-01,2024-12");
        let url = share_url("https://example.gov.hk/explorer/index.html", &state);
        assert_eq!(
            ViewState::parse(url.split_once('?').map(|x| x.1).unwrap_or("")).0,
            state
        );
        assert!(url.starts_with(
            "https://example.gov.hk/explorer/index.html?view=timeline&lang=zh-hant&q=loop"
        ));
    }

    #[test]
    fn filters_are_summarised_in_words() {
        let data = data();
        let (state, _) = ViewState::parse("?q=loop&status=launched,planned&site=lmc-loop&to=2024");
        let s = filter_summary(&data, &state, Locale::En);
        assert_eq!(s[0], (Key::Search, "“loop”".into()));
        assert_eq!(s[1], (Key::Status, "Launched; Planned".into()));
        assert!(s[2].1.starts_with("Lok Ma Chau Loop"));
        assert_eq!(s[3], (Key::YearRange, "Any – 2024".into()));
        assert!(filter_summary(&data, &ViewState::default(), Locale::En).is_empty());
    }

    #[test]
    fn the_package_tables_hold_every_record() {
        let data = data();
        let tables = package_tables(&data);
        let counts: Vec<usize> = tables.iter().map(|t| t.rows.len()).collect();
        assert_eq!(
            counts,
            [
                data.items.len(),
                data.figures.len(),
                data.milestones.len(),
                data.sites.len(),
                data.organisations.len()
            ]
        );
        for table in &tables {
            for row in &table.rows {
                assert_eq!(row.len(), table.fields.len(), "{}", table.name);
            }
            for (name, _) in table.fields {
                assert!(!describe(name).is_empty(), "{name} is described");
            }
        }
    }
}
