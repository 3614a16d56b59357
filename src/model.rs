//! The dataset's types: one set of serde structs shared by the app and the native tests, so the
//! model cannot drift from `public/data/policy-2021.json` (see DATA.md for every field).

use serde::Serialize;

use crate::json::{self, record, variants, Decode};

/// The schema version this build understands. A dataset with another version is refused with a
/// clear message rather than half-rendered.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole bundled dataset: one policy paper.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub schema_version: u32,
    pub document: Document,
    pub paragraphs: Vec<Paragraph>,
    pub policy_areas: Vec<PolicyArea>,
    pub items: Vec<Initiative>,
    pub figures: Vec<Figure>,
    pub milestones: Vec<Milestone>,
    pub series: Vec<Series>,
    pub sites: Vec<Site>,
    pub organisations: Vec<Organisation>,
}

/// What the paper is and where the dataset's text came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    pub title: String,
    /// The issuing bureau, as signed at the end of the paper.
    pub bureau: String,
    /// Every office that signed the paper (bureau first).
    pub offices: Vec<String>,
    /// Issue date as printed ("October 2021") and as ISO month ("2021-10").
    pub date_text: String,
    pub date: String,
    /// The date the paper's facts are "as of" (ISO day); the timeline marks it.
    pub as_of: String,
    /// Version of this dataset's content (semver); bump on any change to records.
    pub dataset_version: String,
    pub source_file: String,
    pub source_sha256: String,
    /// Page headers of the PDF extract that the reflowed paragraphs leave out, verbatim.
    pub removed_headers: Vec<String>,
}

/// Where a paragraph sits in the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Section headings and the signature block: text of the paper that is not a numbered paragraph.
    Heading,
    Body,
    Footnote,
    AnnexRow,
}

/// A reflowed unit of the paper's text, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Paragraph {
    /// Stable id used in links and citations: "p3", "fn1", "a1-2" (Annex area 1, row 2), "h-purpose".
    pub id: String,
    pub kind: ParagraphKind,
    /// How the paper numbers it: "3", "Footnote 1", "Annex (1), row 2"; empty for headings.
    pub label: String,
    /// For Annex rows: the "Policy Initiatives" cell; for body paragraphs: the heading above them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// For Annex rows: the policy area id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The paragraph's text, reflowed (for Annex rows: the "Progress / Achievements" cell).
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// A theme of the new initiatives in paragraphs 7-23 and 26.
    Theme,
    /// One of the Annex's numbered policy areas.
    AnnexArea,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyArea {
    pub id: String,
    pub kind: AreaKind,
    /// The Annex's number "(1)".."(11)"; none for themes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u8>,
    pub name: String,
    pub source: SourceRef,
}

/// A citation: the paragraph id and the exact sentence (whitespace-normalised) it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub paragraph: String,
    pub quote: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Announced in the 2021 Policy Address (paragraphs 7-23, 26).
    NewInitiative,
    /// A row of the Annex: progress of the current-term Government.
    ProgressItem,
}

/// The small status vocabulary; each item justifies its status with a quoted phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Proposed, being studied or explored; no work started ("will explore", "proposes").
    Proposed,
    /// Decided and being planned or designed ("has started to plan", "will set up").
    Planned,
    /// Construction or implementation in progress ("pressing ahead", "commenced works").
    UnderWay,
    /// Launched and running as an ongoing programme ("launched in 2018", "regularised").
    Launched,
    /// Finished, delivered or one-off done ("completed", "transferred", "distributed").
    Completed,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Proposed,
        Status::Planned,
        Status::UnderWay,
        Status::Launched,
        Status::Completed,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Planned => "planned",
            Status::UnderWay => "under_way",
            Status::Launched => "launched",
            Status::Completed => "completed",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl ItemKind {
    pub const ALL: [ItemKind; 2] = [ItemKind::NewInitiative, ItemKind::ProgressItem];
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::NewInitiative => "new",
            ItemKind::ProgressItem => "progress",
        }
    }
    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// An initiative or progress item: the unit users search, filter and open.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Initiative {
    pub id: String,
    pub kind: ItemKind,
    pub title: String,
    /// One or two plain sentences written for this dataset (not a quote).
    pub summary: String,
    /// Policy area id (a theme for new initiatives, an Annex area for progress items).
    pub area: String,
    pub status: Status,
    /// The phrase of the paper that justifies `status`, verbatim; it lies inside `source.quote`'s paragraph.
    pub status_quote: String,
    pub organisations: Vec<String>,
    pub sites: Vec<String>,
    pub source: SourceRef,
}

/// Units of a figure's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Hong Kong dollars (the paper writes "$" or "HK$").
    Hkd,
    Hectares,
    SquareMetres,
    People,
    /// A count of things (projects, start-ups, buildings, applications...).
    Count,
    Percent,
    /// A position in a ranking (1 = first).
    Rank,
    Years,
}

/// How the paper hedges a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "around", "about", "approximately", "some", "estimated to amount to about".
    About,
    /// "over", "more than", "exceeded".
    Over,
    /// "a maximum of", "up to".
    AtMost,
}

/// What kind of money a HK$ figure is, since the paper mixes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyKind {
    /// Injected into, allocated to, or the size of a fund or scheme (money put in).
    Committed,
    /// Approved, invested, granted or spent on projects (money paid out).
    Disbursed,
    /// Private or external money attracted or raised.
    Attracted,
    /// Other amounts (tax claims, caps, per-applicant ceilings, ratios).
    Other,
}

/// A number stated by the paper, typed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    pub id: String,
    /// The item it belongs to; none for context figures (paragraphs 2-4, 15).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The number in full units (16.7 billion dollars => 16700000000).
    pub value: f64,
    /// The number as the paper spells it, found inside the quote ("1 070", "$19.5 billion").
    pub text: String,
    pub unit: Unit,
    /// The paper's scale word, if any ("million", "billion").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The year or period the number refers to, as the paper says it ("2014", "2018 to 2022", "so far").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// What it measures, in a short phrase ("venture capital investment in Hong Kong, 2020").
    pub measure: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money: Option<MoneyKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub source: SourceRef,
}

/// How exactly a date of the paper is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// "1 April 2018"
    Day,
    /// "mid-September 2021", "end-July 2021"
    PartOfMonth,
    /// "July 2021"
    Month,
    /// "mid-2022", "end-2024", "early 2020", "the middle of next year"
    PartOfYear,
    /// "2019"
    Year,
    /// "2021/22 school year"
    SchoolYear,
    /// "2021-22", "2019/20" used for government financial years
    FinancialYear,
    /// "from 2018 to 2022", "from 18 May 2020 to 31 October 2020"
    Range,
}

/// A date as the paper gives it, with the span it means (inclusive ISO days).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaperDate {
    /// The paper's own wording ("end-2024 onwards" keeps "end-2024").
    pub text: String,
    pub precision: Precision,
    pub start: String,
    pub end: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Announced,
    Launched,
    Established,
    Injected,
    Commenced,
    Completed,
    PlannedCompletion,
    PlannedLaunch,
    Signed,
    Released,
    Expanded,
    Reported,
}

/// A dated event of an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Milestone {
    pub id: String,
    pub item: String,
    pub event: EventKind,
    /// What happens, in a short phrase ("First batch of HSITP buildings completed").
    pub label: String,
    pub date: PaperDate,
    pub source: SourceRef,
}

/// A statistics series for charts: a few known points, each a figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    pub title: String,
    pub unit: Unit,
    /// Figure ids, in time order.
    pub points: Vec<SeriesPoint>,
    /// The paper's note on the trend, quoted.
    pub note: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// Label of the point on the axis ("2014", "2021", "World, 2021").
    pub label: String,
    pub figure: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionPrecision {
    /// From a cited coordinate source.
    Surveyed,
    /// An estimate (expect 0.3-0.7 km error); shown to users as approximate.
    Approximate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Site {
    pub id: String,
    pub name: String,
    /// Short name for map labels.
    pub short_name: String,
    /// Hong Kong district, or "Shenzhen".
    pub district: String,
    pub lat: f64,
    pub lon: f64,
    pub position: PositionPrecision,
    pub position_source: String,
    /// Area stated by the paper, in hectares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_ha: Option<f64>,
    /// A place across the boundary, drawn as context.
    pub cross_border: bool,
    pub source: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    pub source: SourceRef,
}

// How each type is read from the JSON file (`crate::json`): every record refuses fields it does
// not list; enum variants are written in snake_case, as serde writes them (`Serialize` above).
record!(
    Dataset,
    deny {
        schema_version: field,
        document: field,
        paragraphs: field,
        policy_areas: field,
        items: field,
        figures: field,
        milestones: field,
        series: field,
        sites: field,
        organisations: field,
    }
);
record!(
    Document,
    deny {
        title: field,
        bureau: field,
        offices: field,
        date_text: field,
        date: field,
        as_of: field,
        dataset_version: field,
        source_file: field,
        source_sha256: field,
        removed_headers: field,
    }
);
variants!(ParagraphKind {
    Heading = "heading",
    Body = "body",
    Footnote = "footnote",
    AnnexRow = "annex_row",
});
record!(
    Paragraph,
    deny {
        id: field,
        kind: field,
        label: field,
        heading: optional,
        area: optional,
        text: field,
    }
);
variants!(AreaKind {
    Theme = "theme",
    AnnexArea = "annex_area",
});
record!(
    PolicyArea,
    deny {
        id: field,
        kind: field,
        number: optional,
        name: field,
        source: field,
    }
);
record!(
    SourceRef,
    deny {
        paragraph: field,
        quote: field,
    }
);
variants!(ItemKind {
    NewInitiative = "new_initiative",
    ProgressItem = "progress_item",
});
variants!(Status {
    Proposed = "proposed",
    Planned = "planned",
    UnderWay = "under_way",
    Launched = "launched",
    Completed = "completed",
});
record!(
    Initiative,
    deny {
        id: field,
        kind: field,
        title: field,
        summary: field,
        area: field,
        status: field,
        status_quote: field,
        organisations: field,
        sites: field,
        source: field,
    }
);
variants!(Unit {
    Hkd = "hkd",
    Hectares = "hectares",
    SquareMetres = "square_metres",
    People = "people",
    Count = "count",
    Percent = "percent",
    Rank = "rank",
    Years = "years",
});
variants!(Qualifier {
    About = "about",
    Over = "over",
    AtMost = "at_most",
});
variants!(MoneyKind {
    Committed = "committed",
    Disbursed = "disbursed",
    Attracted = "attracted",
    Other = "other",
});
record!(
    Figure,
    deny {
        id: field,
        item: optional,
        value: field,
        text: field,
        unit: field,
        scale: optional,
        qualifier: optional,
        period: optional,
        measure: field,
        money: optional,
        site: optional,
        source: field,
    }
);
variants!(Precision {
    Day = "day",
    PartOfMonth = "part_of_month",
    Month = "month",
    PartOfYear = "part_of_year",
    Year = "year",
    SchoolYear = "school_year",
    FinancialYear = "financial_year",
    Range = "range",
});
record!(
    PaperDate,
    deny {
        text: field,
        precision: field,
        start: field,
        end: field,
    }
);
variants!(EventKind {
    Announced = "announced",
    Launched = "launched",
    Established = "established",
    Injected = "injected",
    Commenced = "commenced",
    Completed = "completed",
    PlannedCompletion = "planned_completion",
    PlannedLaunch = "planned_launch",
    Signed = "signed",
    Released = "released",
    Expanded = "expanded",
    Reported = "reported",
});
record!(
    Milestone,
    deny {
        id: field,
        item: field,
        event: field,
        label: field,
        date: field,
        source: field,
    }
);
record!(
    Series,
    deny {
        id: field,
        title: field,
        unit: field,
        points: field,
        note: field,
    }
);
record!(
    SeriesPoint,
    deny {
        label: field,
        figure: field,
    }
);
variants!(PositionPrecision {
    Surveyed = "surveyed",
    Approximate = "approximate",
});
record!(
    Site,
    deny {
        id: field,
        name: field,
        short_name: field,
        district: field,
        lat: field,
        lon: field,
        position: field,
        position_source: field,
        area_ha: optional,
        cross_border: field,
        source: field,
    }
);
record!(
    Organisation,
    deny {
        id: field,
        name: field,
        abbreviation: optional,
        source: field,
    }
);

/// A JSON file of this app, parsed, with its `schema_version` read first so that an old or
/// future file gets a precise message instead of a confusing field error. Shared by the dataset
/// and its translation files.
pub fn parse_versioned(text: &str) -> Result<(u64, json::Node<'_>), LoadError> {
    let malformed = |e: json::Error| LoadError::Malformed(e.in_text(text).to_string());
    let root = json::parse(text).map_err(malformed)?;
    let json::Value::Object(members) = &root.value else {
        return Err(malformed(json::invalid_type(&root, "a JSON object")));
    };
    let version = members
        .iter()
        .find(|(k, _)| k == "schema_version")
        .map(|(_, v)| v);
    let version = match version.map(|v| (v, &v.value)) {
        None | Some((_, json::Value::Null)) => return Err(LoadError::MissingVersion),
        Some((_, json::Value::Number(json::Number::Unsigned(n)))) => *n,
        Some((_, json::Value::Number(n))) => return Err(LoadError::NotAVersion(n.to_string())),
        Some((v, _)) => return Err(malformed(json::invalid_type(v, "a JSON number"))),
    };
    Ok((version, root))
}

/// Why a dataset could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or JSON of the wrong shape (the reader's message, with line and column).
    Malformed(String),
    /// No `schema_version` field.
    MissingVersion,
    /// A `schema_version` that is not a whole number (1.0, -1, 2^64), as written.
    NotAVersion(String),
    /// A schema version this build does not read.
    UnsupportedVersion { found: u64, supported: u32 },
    /// A record breaks a rule of the load-time checks (`check`).
    Refused(crate::check::Problem),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Malformed(m) => write!(f, "it is not a valid dataset: {m}"),
            LoadError::MissingVersion => write!(
                f,
                "it has no `schema_version` field, so it is not a dataset of this app (version {SCHEMA_VERSION})"
            ),
            LoadError::NotAVersion(v) => write!(
                f,
                "its `schema_version` is {v}, which is not a version number (a whole number such as {SCHEMA_VERSION})"
            ),
            LoadError::UnsupportedVersion { found, supported } => write!(
                f,
                "its schema version is {found}, but this app reads version {supported}"
            ),
            LoadError::Refused(p) => write!(f, "it breaks a rule of the dataset: {p}"),
        }
    }
}

impl Dataset {
    /// Parses a dataset, checking the schema version first.
    pub fn from_json(text: &str) -> Result<Dataset, LoadError> {
        let (found, root) = parse_versioned(text)?;
        if found != u64::from(SCHEMA_VERSION) {
            return Err(LoadError::UnsupportedVersion {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Dataset::decode(root).map_err(|e| LoadError::Malformed(e.in_text(text).to_string()))
    }

    pub fn item(&self, id: &str) -> Option<&Initiative> {
        self.items.iter().find(|i| i.id == id)
    }
    pub fn area(&self, id: &str) -> Option<&PolicyArea> {
        self.policy_areas.iter().find(|a| a.id == id)
    }
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }
    pub fn figures_of<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures
            .iter()
            .filter(move |f| f.item.as_deref() == Some(item))
    }
    pub fn milestones_of<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Milestone> + 'a {
        self.milestones.iter().filter(move |m| m.item == item)
    }
    /// Items that concern a site (derived from the items' `sites`, so it is stored once).
    pub fn items_at<'a>(&'a self, site: &'a str) -> impl Iterator<Item = &'a Initiative> + 'a {
        self.items
            .iter()
            .filter(move |i| i.sites.iter().any(|s| s == site))
    }
    /// Items that cite a paragraph.
    pub fn items_citing<'a>(
        &'a self,
        paragraph: &'a str,
    ) -> impl Iterator<Item = &'a Initiative> + 'a {
        self.items
            .iter()
            .filter(move |i| i.source.paragraph == paragraph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the reader accepts are the names serde writes (`rename_all = "snake_case"`),
    /// so a dataset written by `Serialize` reads back.
    #[test]
    fn variant_names_match_serde() {
        fn check<T: Serialize + Decode + Copy + PartialEq + std::fmt::Debug>(
            names: &[(&str, T)],
            all: usize,
        ) {
            assert_eq!(names.len(), all);
            for &(name, v) in names {
                assert_eq!(
                    serde_json::to_value(v).unwrap(),
                    serde_json::json!(name),
                    "{v:?}"
                );
                let written = serde_json::to_string(&v).unwrap();
                assert_eq!(json::from_str::<T>(&written).unwrap(), v, "{written}");
            }
        }
        check(ParagraphKind::JSON_NAMES, 4);
        check(AreaKind::JSON_NAMES, 2);
        check(ItemKind::JSON_NAMES, ItemKind::ALL.len());
        check(Status::JSON_NAMES, Status::ALL.len());
        check(Unit::JSON_NAMES, 8);
        check(Qualifier::JSON_NAMES, 3);
        check(MoneyKind::JSON_NAMES, 4);
        check(Precision::JSON_NAMES, 8);
        check(EventKind::JSON_NAMES, 12);
        check(PositionPrecision::JSON_NAMES, 2);
    }
}
