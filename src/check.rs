//! Load-time checks of any dataset (the app takes another one through `data-dataset`, so the
//! dataset is input, not a constant). Cheap, run on every load of a file other than the ones
//! this build ships ([`SHIPPED_PACK_SHA256`], [`SHIPPED_SHA256`]), and separate from
//! `validate`, which checks the bundled dataset against the paper's text in the tests. With
//! them, in the same chunk of the app, comes the JSON reader ([`read`]).
//!
//! Two outcomes, chosen per rule (README, "Dataset limits"):
//! - **Refused**: the file's structure is broken (an id unsafe or repeated, a reference to
//!   nothing, no valid "as of" date). Nothing is shown but the file, the record and the rule.
//! - **Dropped**: one record's value is unusable (a number not finite or out of range for its
//!   unit, a date outside 1990-2100 or ending before it starts, a position outside Hong Kong and
//!   Shenzhen). The record and the references to it are left out and listed in a notice; the
//!   rest of the paper is shown.

use std::collections::HashSet;

use crate::dates::day_number;
use crate::i18n::{t, Key, Locale};
use crate::model::{Dataset, PaperDate, Unit};

/// Bounds of Hong Kong and the Shenzhen border area (inclusive), for site positions.
pub const LAT_RANGE: (f64, f64) = (22.1, 22.9);
pub const LON_RANGE: (f64, f64) = (113.7, 114.5);
/// Years a date may fall in (inclusive).
pub const YEAR_RANGE: (i32, i32) = (1990, 2100);
/// Longest id, in bytes.
pub const MAX_ID_LEN: usize = 64;
/// Most records of one kind (the timeline is benchmarked with 10 000 milestones).
pub const MAX_RECORDS: usize = 20_000;
/// Largest site area stated in hectares (Hong Kong is about 110 000 ha).
pub const MAX_SITE_HA: f64 = 200_000.0;

/// The range a figure's value must fall in, by unit (inclusive).
pub fn value_range(unit: Unit) -> (f64, f64) {
    match unit {
        Unit::Hkd => (0.0, 1e13),
        Unit::Hectares => (0.0, 1e6),
        Unit::SquareMetres => (0.0, 1e10),
        Unit::People | Unit::Count => (0.0, 1e10),
        Unit::Percent => (-100.0, 10_000.0),
        Unit::Rank => (1.0, 10_000.0),
        Unit::Years => (0.0, 1_000.0),
    }
}

/// A rule a record broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Refused: an id is empty, longer than [`MAX_ID_LEN`], or has a character other than
    /// ASCII letters, digits, `-`, `_` and `.` (ids go into URLs, element ids and selectors).
    UnsafeId,
    /// Refused: two records of one kind share an id.
    DuplicateId,
    /// Refused: a reference names a record that does not exist.
    DanglingReference,
    /// Refused: more than [`MAX_RECORDS`] records of one kind.
    TooManyRecords,
    /// Refused: `document.as_of` is not an ISO day within [`YEAR_RANGE`].
    AsOfDate,
    /// Dropped: a figure's value is not finite or outside [`value_range`] for its unit.
    ValueOutOfRange,
    /// Dropped: a date is not an ISO day, lies outside [`YEAR_RANGE`], or ends before it starts.
    BadDate,
    /// Dropped: a site lies outside [`LAT_RANGE`] x [`LON_RANGE`], or its area is not a
    /// positive number up to [`MAX_SITE_HA`].
    BadPosition,
}

/// The kinds of record a problem can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    Paragraph,
    Area,
    Item,
    Figure,
    Milestone,
    Series,
    Site,
    Organisation,
    Document,
}

impl Record {
    pub fn key(self) -> Key {
        match self {
            Record::Paragraph => Key::RecordParagraph,
            Record::Area => Key::RecordArea,
            Record::Item => Key::RecordItem,
            Record::Figure => Key::RecordFigure,
            Record::Milestone => Key::RecordMilestone,
            Record::Series => Key::RecordSeries,
            Record::Site => Key::RecordSite,
            Record::Organisation => Key::RecordOrganisation,
            Record::Document => Key::RecordDocument,
        }
    }
}

/// One broken rule: the record (its kind and id, e.g. figure "f-p3-1") and the rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: Record,
    pub id: String,
    pub rule: Rule,
    /// The offending value as found, shortened (for the message).
    pub value: String,
}

impl Rule {
    /// The rule in words, for the failure message and the notice of dropped records.
    pub fn key(self) -> Key {
        match self {
            Rule::UnsafeId => Key::RuleUnsafeId,
            Rule::DuplicateId => Key::RuleDuplicateId,
            Rule::DanglingReference => Key::RuleDangling,
            Rule::TooManyRecords => Key::RuleTooMany,
            Rule::AsOfDate => Key::RuleAsOf,
            Rule::ValueOutOfRange => Key::RuleValue,
            Rule::BadDate => Key::RuleDate,
            Rule::BadPosition => Key::RulePosition,
        }
    }
}

impl Problem {
    /// `site "x" (999, 114): its position is outside Hong Kong and Shenzhen`, in `locale` (the
    /// value in brackets unless it is the id itself).
    pub fn describe(&self, locale: Locale) -> String {
        let rule = t(locale, self.rule.key());
        let kind = t(locale, self.kind.key());
        match self.value == self.id {
            true => format!("{kind} \"{}\": {rule}", self.id),
            false => format!("{kind} \"{}\" ({}): {rule}", self.id, self.value),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Locale::En))
    }
}

/// A dataset that passed the checks, with the records that were left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub data: Dataset,
    pub dropped: Vec<Problem>,
}

/// The SHA-256 (hex) of the dataset this build ships, `public/data/policy-2021.json`, kept true
/// by a test. Those bytes pass every check with nothing dropped (tested too), so the app skips
/// the checks for them and fetches the checks' code only for another dataset (`ui::split`).
pub const SHIPPED_SHA256: &str = "ddec28c98cab6010d8d846e174c922ec8858cdc7a551258585af8d534b1a4674";

/// The SHA-256 (hex) of the same dataset in the form the app loads, `public/data/policy-2021.pack`
/// (`crate::pack`), kept true by a test as well.
pub const SHIPPED_PACK_SHA256: &str =
    "ccb1c508776069f09b6591d630c74181435f1e05944eb04d08c333225bea84c2";

/// A dataset file as the app has it before the checks' code (in its own chunk) reads it.
pub enum Unread {
    /// A JSON text: read here (the JSON reader comes with the checks), checked unless
    /// `shipped` (its bytes are the file this build ships).
    Json { text: String, shipped: bool },
    /// A pack file other than the shipped one, already read.
    Read(Box<Dataset>),
}

/// Reads and checks a dataset file: what the app does with any file but the shipped pack.
pub fn read(file: Unread) -> Result<Checked, crate::model::LoadError> {
    let data = match file {
        Unread::Json { text, shipped } => {
            let data = Dataset::from_json(&text)?;
            if shipped {
                let dropped = Vec::new();
                return Ok(Checked { data, dropped });
            }
            data
        }
        Unread::Read(data) => *data,
    };
    check(data).map_err(crate::model::LoadError::Refused)
}

/// How to word a failed download, by HTTP status.
pub fn http_status_key(status: u16) -> Key {
    match status {
        404 | 410 => Key::HttpNotFound,
        401 | 403 => Key::HttpDenied,
        500..=599 => Key::HttpServerError,
        _ => Key::HttpOther,
    }
}

/// Shortens a value for a message: at most `max` characters, with "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// Whether an id is safe: non-empty, at most [`MAX_ID_LEN`] bytes, `[A-Za-z0-9_.-]`.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Whether a position lies in the map's area.
pub fn in_area(lat: f64, lon: f64) -> bool {
    (LAT_RANGE.0..=LAT_RANGE.1).contains(&lat) && (LON_RANGE.0..=LON_RANGE.1).contains(&lon)
}

/// Whether a paper date's span is two ISO days within [`YEAR_RANGE`], in order.
pub fn date_ok(d: &PaperDate) -> bool {
    let lo = day_number(&format!("{}-01-01", YEAR_RANGE.0));
    let hi = day_number(&format!("{}-12-31", YEAR_RANGE.1));
    match (day_number(&d.start), day_number(&d.end)) {
        (Some(a), Some(b)) => a <= b && Some(a) >= lo && Some(b) <= hi,
        _ => false,
    }
}

/// A number for a message: as written when ordinary, in exponent form when huge or tiny
/// (1e308 would otherwise print 309 digits).
fn number(v: f64) -> String {
    match v == 0.0 || (1e-6..1e15).contains(&v.abs()) {
        true => v.to_string(),
        false => format!("{v:e}"),
    }
}

fn problem(kind: Record, id: &str, rule: Rule, value: impl ToString) -> Problem {
    Problem {
        kind,
        id: shorten(id, 40),
        rule,
        value: shorten(&value.to_string(), 40),
    }
}

/// Ids of one kind: each safe and unique; returns the set for reference checks.
fn ids<'a>(
    kind: Record,
    list: &mut dyn ExactSizeIterator<Item = &'a str>,
) -> Result<HashSet<&'a str>, Problem> {
    if list.len() > MAX_RECORDS {
        return Err(problem(kind, "", Rule::TooManyRecords, list.len()));
    }
    let mut seen = HashSet::new();
    for id in list {
        if !is_safe_id(id) {
            return Err(problem(kind, id, Rule::UnsafeId, id));
        }
        if !seen.insert(id) {
            return Err(problem(kind, id, Rule::DuplicateId, id));
        }
    }
    Ok(seen)
}

/// Refuses a broken dataset (the first problem found), or drops the unusable records and
/// every reference to them.
pub fn check(mut data: Dataset) -> Result<Checked, Problem> {
    refuse(&data)?;
    let mut dropped = Vec::new();
    data.figures.retain(|f| {
        let (lo, hi) = value_range(f.unit);
        let ok = f.value.is_finite() && (lo..=hi).contains(&f.value);
        if !ok {
            dropped.push(problem(
                Record::Figure,
                &f.id,
                Rule::ValueOutOfRange,
                number(f.value),
            ));
        }
        ok
    });
    data.milestones.retain(|m| {
        let ok = date_ok(&m.date);
        if !ok {
            let span = format!("{} – {}", m.date.start, m.date.end);
            dropped.push(problem(Record::Milestone, &m.id, Rule::BadDate, span));
        }
        ok
    });
    data.sites.retain(|s| {
        let area_ok = s
            .area_ha
            .is_none_or(|a| a.is_finite() && a > 0.0 && a <= MAX_SITE_HA);
        let ok = in_area(s.lat, s.lon) && area_ok;
        if !ok {
            let at = format!("{}, {}", number(s.lat), number(s.lon));
            dropped.push(problem(Record::Site, &s.id, Rule::BadPosition, at));
        }
        ok
    });
    // References to what was dropped go too.
    let figures: HashSet<String> = data.figures.iter().map(|f| f.id.clone()).collect();
    let sites: HashSet<String> = data.sites.iter().map(|s| s.id.clone()).collect();
    for s in &mut data.series {
        s.points.retain(|p| figures.contains(&p.figure));
    }
    data.series.retain(|s| !s.points.is_empty());
    for i in &mut data.items {
        i.sites.retain(|s| sites.contains(s));
    }
    for f in &mut data.figures {
        if f.site.as_ref().is_some_and(|s| !sites.contains(s)) {
            f.site = None;
        }
    }
    Ok(Checked { data, dropped })
}

/// The structural rules: every id safe and unique, every reference resolving, `as_of` a date.
fn refuse(data: &Dataset) -> Result<(), Problem> {
    let paragraphs = &ids(
        Record::Paragraph,
        &mut data.paragraphs.iter().map(|p| p.id.as_str()),
    )?;
    let areas = &ids(
        Record::Area,
        &mut data.policy_areas.iter().map(|a| a.id.as_str()),
    )?;
    let items = &ids(Record::Item, &mut data.items.iter().map(|i| i.id.as_str()))?;
    let figures = &ids(
        Record::Figure,
        &mut data.figures.iter().map(|f| f.id.as_str()),
    )?;
    ids(
        Record::Milestone,
        &mut data.milestones.iter().map(|m| m.id.as_str()),
    )?;
    ids(
        Record::Series,
        &mut data.series.iter().map(|s| s.id.as_str()),
    )?;
    let sites = &ids(Record::Site, &mut data.sites.iter().map(|s| s.id.as_str()))?;
    let orgs = &ids(
        Record::Organisation,
        &mut data.organisations.iter().map(|o| o.id.as_str()),
    )?;
    let as_of_ok = day_number(&data.document.as_of)
        .zip(crate::dates::year_of(&data.document.as_of))
        .is_some_and(|(_, y)| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(&y));
    if !as_of_ok {
        return Err(problem(
            Record::Document,
            "as_of",
            Rule::AsOfDate,
            &data.document.as_of,
        ));
    }
    // Every reference, as (record kind, record id, referenced id, the set it must be in).
    let mut refs: Vec<(Record, &str, &str, &HashSet<&str>)> = Vec::new();
    for p in &data.paragraphs {
        if let Some(a) = &p.area {
            refs.push((Record::Paragraph, &p.id, a, areas));
        }
    }
    for a in &data.policy_areas {
        refs.push((Record::Area, &a.id, &a.source.paragraph, paragraphs));
    }
    for i in &data.items {
        refs.push((Record::Item, &i.id, &i.area, areas));
        refs.push((Record::Item, &i.id, &i.source.paragraph, paragraphs));
        refs.extend(
            i.organisations
                .iter()
                .map(|o| (Record::Item, i.id.as_str(), o.as_str(), orgs)),
        );
        refs.extend(
            i.sites
                .iter()
                .map(|s| (Record::Item, i.id.as_str(), s.as_str(), sites)),
        );
    }
    for f in &data.figures {
        refs.push((Record::Figure, &f.id, &f.source.paragraph, paragraphs));
        if let Some(i) = &f.item {
            refs.push((Record::Figure, &f.id, i, items));
        }
        if let Some(s) = &f.site {
            refs.push((Record::Figure, &f.id, s, sites));
        }
    }
    for m in &data.milestones {
        refs.push((Record::Milestone, &m.id, &m.item, items));
        refs.push((Record::Milestone, &m.id, &m.source.paragraph, paragraphs));
    }
    for s in &data.series {
        refs.push((Record::Series, &s.id, &s.note.paragraph, paragraphs));
        refs.extend(
            s.points
                .iter()
                .map(|p| (Record::Series, s.id.as_str(), p.figure.as_str(), figures)),
        );
    }
    for s in &data.sites {
        refs.push((Record::Site, &s.id, &s.source.paragraph, paragraphs));
    }
    for o in &data.organisations {
        refs.push((Record::Organisation, &o.id, &o.source.paragraph, paragraphs));
    }
    match refs.into_iter().find(|(_, _, to, set)| !set.contains(to)) {
        Some((kind, id, to, _)) => Err(problem(kind, id, Rule::DanglingReference, to)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LoadError;

    /// A dataset's text parsed, then checked: what the app does with a file it does not ship.
    fn load(text: &str) -> Result<Checked, LoadError> {
        read(Unread::Json {
            text: text.into(),
            shipped: false,
        })
    }

    fn bundled() -> Dataset {
        let text = std::fs::read_to_string("public/data/policy-2021.json").expect("dataset");
        Dataset::from_json(&text).expect("parses")
    }

    /// The app trusts exactly these bytes without checking them: each constant must name the
    /// file shipped (the JSON, checked by the test above, and the pack made from it).
    #[test]
    fn the_shipped_digests_name_the_bundled_files() {
        use sha2::Digest;
        for (file, constant, name) in [
            ("policy-2021.json", SHIPPED_SHA256, "SHIPPED_SHA256"),
            (
                "policy-2021.pack",
                SHIPPED_PACK_SHA256,
                "SHIPPED_PACK_SHA256",
            ),
        ] {
            let bytes = std::fs::read(format!("public/data/{file}")).expect(file);
            let hex: String = sha2::Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(
                hex, constant,
                "public/data/{file} changed: set check::{name} to its new SHA-256"
            );
        }
    }

    /// A JSON file is checked unless the app found it to be the shipped one (by its digest):
    /// then it is read and trusted as it is.
    #[test]
    fn only_a_json_file_found_shipped_skips_the_checks() {
        let mut data = bundled();
        data.figures[0].value = 1e30;
        let text = serde_json::to_string(&data).expect("JSON");
        let read_as = |shipped| {
            read(Unread::Json {
                text: text.clone(),
                shipped,
            })
        };
        assert_eq!(read_as(false).expect("not refused").dropped.len(), 1);
        let trusted = read_as(true).expect("read");
        assert!(trusted.dropped.is_empty());
        assert_eq!(trusted.data, data);
    }

    /// A pack other than the shipped one goes through the same checks as any JSON file.
    #[test]
    fn another_pack_is_checked_like_any_file() {
        let mut data = bundled();
        data.figures[0].value = 1e30;
        let read = crate::model::Dataset::from_pack(&data.to_pack()).expect("reads");
        let checked = super::read(Unread::Read(Box::new(read))).expect("not refused");
        assert_eq!(checked.dropped.len(), 1);
        data.items[1].id = data.items[0].id.clone();
        let read = crate::model::Dataset::from_pack(&data.to_pack()).expect("reads");
        assert!(super::read(Unread::Read(Box::new(read))).is_err());
    }

    #[test]
    fn the_bundled_dataset_passes_whole() {
        let checked = check(bundled()).expect("not refused");
        assert!(checked.dropped.is_empty(), "{:?}", checked.dropped);
        assert_eq!(checked.data, bundled());
    }

    #[test]
    fn a_bad_figure_is_dropped_with_its_series_point() {
        let mut d = bundled();
        let series = d.series.iter().find(|s| s.id == "rd-expenditure").unwrap();
        let first = series.points[0].figure.clone();
        let points = series.points.len();
        for v in [-1e18, f64::NAN, f64::INFINITY, 1e300] {
            let mut d = d.clone();
            d.figures.iter_mut().find(|f| f.id == first).unwrap().value = v;
            let c = check(d).expect("not refused");
            assert_eq!(c.dropped.len(), 1);
            assert_eq!(
                (c.dropped[0].kind, c.dropped[0].rule),
                (Record::Figure, Rule::ValueOutOfRange)
            );
            assert!(c.data.figure(&first).is_none());
            let s = c
                .data
                .series
                .iter()
                .find(|s| s.id == "rd-expenditure")
                .unwrap();
            assert_eq!(s.points.len(), points - 1);
        }
        // A rank of 0 is out of range, 1 is fine.
        let rank = d.figures.iter_mut().find(|f| f.unit == Unit::Rank).unwrap();
        rank.value = 0.0;
        assert_eq!(check(d).unwrap().dropped.len(), 1);
    }

    #[test]
    fn bad_dates_and_positions_are_dropped_with_references() {
        let mut d = bundled();
        d.milestones[0].date.start = "0000-01-01".into();
        d.milestones[1].date.end = "9999-12-31".into();
        d.milestones[2].date.start = "2030-01-01".into();
        d.milestones[2].date.end = "2029-01-01".into();
        d.milestones[3].date.start = "not a date".into();
        let used = d.items.iter().find(|i| !i.sites.is_empty()).unwrap().sites[0].clone();
        let site = d.sites.iter_mut().find(|s| s.id == used).unwrap();
        site.lat = -91.0;
        let c = check(d).expect("not refused");
        let rules: Vec<Rule> = c.dropped.iter().map(|p| p.rule).collect();
        assert_eq!(
            rules,
            [[Rule::BadDate; 4].as_slice(), &[Rule::BadPosition]].concat()
        );
        assert!(c.data.site(&used).is_none());
        assert!(c.data.items.iter().all(|i| !i.sites.contains(&used)));
        assert!(c
            .data
            .figures
            .iter()
            .all(|f| f.site.as_ref() != Some(&used)));
        for (lat, lon) in [(1e308, 114.0), (22.3, 999.0), (f64::NAN, 114.0)] {
            let mut d = bundled();
            (d.sites[0].lat, d.sites[0].lon) = (lat, lon);
            assert_eq!(check(d).unwrap().dropped[0].rule, Rule::BadPosition);
        }
    }

    #[test]
    fn structural_problems_refuse_the_file_naming_record_and_rule() {
        let mut d = bundled();
        d.sites[0].id = "a\"b".into();
        let p = check(d).unwrap_err();
        assert_eq!((p.kind, p.rule), (Record::Site, Rule::UnsafeId));
        assert!(p.to_string().contains("site \"a\"b\""), "{p}");

        let mut d = bundled();
        d.items[1].id = d.items[0].id.clone();
        assert_eq!(check(d).unwrap_err().rule, Rule::DuplicateId);

        let mut d = bundled();
        d.milestones[0].item = "nowhere".into();
        let p = check(d).unwrap_err();
        assert_eq!(
            (p.kind, p.rule, p.value.as_str()),
            (Record::Milestone, Rule::DanglingReference, "nowhere")
        );

        let mut d = bundled();
        d.document.as_of = "someday".into();
        assert_eq!(check(d).unwrap_err().rule, Rule::AsOfDate);

        let mut d = bundled();
        d.sites[0].id = "x".repeat(65);
        assert_eq!(check(d).unwrap_err().rule, Rule::UnsafeId);
    }

    #[test]
    fn http_statuses_and_schema_versions_are_worded_for_what_they_are() {
        assert_eq!(http_status_key(404), Key::HttpNotFound);
        assert_eq!(http_status_key(403), Key::HttpDenied);
        assert_eq!(http_status_key(500), Key::HttpServerError);
        assert_eq!(http_status_key(503), Key::HttpServerError);
        assert_eq!(http_status_key(302), Key::HttpOther);
        let text = std::fs::read_to_string("public/data/policy-2021.json").unwrap();
        let with = |v: &str| {
            text.replacen(
                "\"schema_version\": 1",
                &format!("\"schema_version\": {v}"),
                1,
            )
        };
        assert_ne!(with("7"), text, "the version is where the test expects it");
        for v in ["1.0", "-1", "18446744073709551616"] {
            assert!(
                matches!(load(&with(v)), Err(LoadError::NotAVersion(_))),
                "{v}"
            );
        }
        assert!(matches!(
            load(&with("null")),
            Err(LoadError::MissingVersion)
        ));
        assert!(matches!(
            load(&with("2")),
            Err(LoadError::UnsupportedVersion { found: 2, .. })
        ));
        assert!(load(&text).is_ok());
    }

    #[test]
    fn messages_are_short_whatever_the_input() {
        assert_eq!(number(-1e18), "-1e18");
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(22.3), "22.3");
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("前海前海", 2), "前海…");
        assert_eq!(shorten("ab", 3), "ab");
        let mut d = bundled();
        d.items[0].area = "z".repeat(100_000);
        assert!(check(d).unwrap_err().to_string().len() < 200);
    }
}
