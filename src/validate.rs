//! Checks of the bundled dataset against the paper's text: every quote verbatim, every number of
//! the paper accounted for, every reference resolving, every date read the way the parser reads
//! it. `validate` returns human-readable problems, each naming the record and what is wrong; an
//! empty list means the dataset is sound. Pure Rust (no browser APIs), run by `cargo test`.

use std::collections::{HashMap, HashSet};

use crate::dates::{day_number, parse_paper_date_in, PAPER_MONTH, PAPER_YEAR};
use crate::model::{
    AreaKind, Dataset, ItemKind, Paragraph, ParagraphKind, PositionPrecision, Qualifier, SourceRef,
    Unit, SCHEMA_VERSION,
};
use crate::text::normalize_ws;

/// Body paragraphs whose number the extract does not print (the "Purpose" paragraph is
/// paragraph 1 but the PDF shows no "1.").
pub const UNPRINTED_LABELS: &[&str] = &["p1"];

/// Digits in the checked paragraphs that are not quantities, each with the reason. An entry is
/// (paragraph id or "*" for any, the exact text around the digits, reason). Every entry must
/// match somewhere, so stale entries are reported too.
pub const NUMBER_EXCLUSIONS: &[(&str, &str, &str)] = &[
    (
        "p2",
        "areas1",
        "footnote reference mark 1 printed after 'areas'",
    ),
    ("*", "14th Five-Year Plan", "name of the national plan"),
    (
        "p6",
        "2021 PA",
        "names the Policy Address (its date is in paragraph 1)",
    ),
    (
        "p6",
        "paragraphs 7 to 23",
        "cross-reference to the paper's own paragraphs",
    ),
    ("*", "Cyberport 5", "name of the project"),
    ("a2-4", "Stage 1", "name of the expansion stage"),
    ("*", "Smart-Space 8", "name of the co-working space"),
    (
        "*",
        "1823 chatbot",
        "name of the chatbot of the 1823 enquiry service",
    ),
    (
        "*",
        "Hong Kong 2.0",
        "version number in the Blueprint's title",
    ),
    ("*", "COVID-19", "name of the disease"),
    ("*", "Return2hk", "name of a scheme"),
    ("*", "Come2hk", "name of a scheme"),
];

/// Hong Kong's 18 districts, plus "Shenzhen" for places across the boundary.
pub const DISTRICTS: &[&str] = &[
    "Central and Western",
    "Wan Chai",
    "Eastern",
    "Southern",
    "Yau Tsim Mong",
    "Sham Shui Po",
    "Kowloon City",
    "Wong Tai Sin",
    "Kwun Tong",
    "Kwai Tsing",
    "Tsuen Wan",
    "Tuen Mun",
    "Yuen Long",
    "North",
    "Tai Po",
    "Sha Tin",
    "Sai Kung",
    "Islands",
    "Shenzhen",
];

/// The source text reflowed into one line, the way the paragraphs were cut from it: lines equal
/// (after collapsing spaces) to a removed header are dropped; a line ending in a hyphen that
/// follows a non-space character ("Co-", "re-", "end-") is joined to the next line with no space,
/// keeping the hyphen ("Co-operation", "end-2020"); every other line break and run of spaces
/// becomes one space.
pub fn reflow_source(source: &str, removed_headers: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in source.lines() {
        let t = normalize_ws(line);
        if t.is_empty() || removed_headers.contains(&t) {
            continue;
        }
        if let Some(last) = lines.last_mut() {
            let joins = last.ends_with('-')
                && last[..last.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace());
            if joins {
                last.push_str(&t);
                continue;
            }
        }
        lines.push(t);
    }
    lines.join(" ")
}

/// The exact source text a paragraph stands for: its printed number, heading cell and text.
pub fn source_piece(p: &Paragraph) -> String {
    match p.kind {
        ParagraphKind::Heading => p.text.clone(),
        ParagraphKind::Body if UNPRINTED_LABELS.contains(&p.id.as_str()) => p.text.clone(),
        ParagraphKind::Body => format!("{}. {}", p.label, p.text),
        ParagraphKind::Footnote => {
            let n = p.label.strip_prefix("Footnote ").unwrap_or(&p.label);
            format!("{n} {}", p.text)
        }
        ParagraphKind::AnnexRow => {
            format!("{} {}", p.heading.as_deref().unwrap_or_default(), p.text)
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte offsets of `needle` in `hay` where it is not part of a longer word or number: "$1" is
/// not found in "$13" or "$1.2 billion", "100" not in "1 100", "five" not in "fivefold".
pub fn find_tokens(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let first = needle.chars().next().unwrap_or(' ');
    let last = needle.chars().next_back().unwrap_or(' ');
    let mut from = 0;
    while let Some(k) = hay[from..].find(needle) {
        let i = from + k;
        let j = i + needle.len();
        let mut before = hay[..i].chars().rev();
        let b1 = before.next();
        let b2 = before.next();
        let mut after = hay[j..].chars();
        let a1 = after.next();
        let a2 = after.next();
        let mut ok = true;
        if is_word(first) && b1.is_some_and(is_word) {
            ok = false;
        }
        if first.is_ascii_digit()
            && b1.is_some_and(|c| matches!(c, ' ' | ',' | '.'))
            && b2.is_some_and(|c| c.is_ascii_digit())
        {
            ok = false;
        }
        if is_word(last) && a1.is_some_and(is_word) {
            ok = false;
        }
        if last.is_ascii_digit()
            && a1.is_some_and(|c| matches!(c, ' ' | ',' | '.'))
            && a2.is_some_and(|c| c.is_ascii_digit())
        {
            ok = false;
        }
        if ok {
            out.push(i);
        }
        from = i + first.len_utf8();
    }
    out
}

/// The number a figure's text spells, in full units: "$19.5 billion" -> 19.5e9, "1 070" -> 1070,
/// "4-ha." -> 4, "75%" -> 75, "five" -> 5, "second" -> 2.
pub fn figure_text_value(text: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 13] = [
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
    ];
    let t = text.to_lowercase();
    if let Some(&(_, v)) = WORDS.iter().find(|(w, _)| *w == t) {
        return Some(v);
    }
    let mut t = t.as_str();
    let mut scale = 1.0;
    for (w, f) in [(" million", 1e6), (" billion", 1e9)] {
        if let Some(rest) = t.strip_suffix(w) {
            t = rest;
            scale = f;
        }
    }
    for suffix in ["-ha.", " ha.", " hectares", " square metres", "%"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    let t = t.strip_prefix("hk$").unwrap_or(t);
    let t = t.strip_prefix('$').unwrap_or(t);
    let digits: String = t.chars().filter(|c| *c != ' ' && *c != ',').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| v * scale)
}

/// The qualifier that the words right before a figure imply, if any.
pub fn qualifier_before(before: &str) -> Option<Qualifier> {
    const PHRASES: [(&str, Qualifier); 9] = [
        ("a maximum of ", Qualifier::AtMost),
        ("up to ", Qualifier::AtMost),
        ("approximately ", Qualifier::About),
        ("around ", Qualifier::About),
        ("about ", Qualifier::About),
        ("some ", Qualifier::About),
        ("more than ", Qualifier::Over),
        ("exceeded ", Qualifier::Over),
        ("over ", Qualifier::Over),
    ];
    let b = before.to_lowercase();
    PHRASES
        .iter()
        .find(|(p, _)| b.ends_with(p))
        .map(|&(_, q)| q)
}

/// The paper's year and month from `document.date` ("2021-10"), which relative date phrases
/// ("this year", "up to now") count from; the defaults of `dates` when it does not parse.
fn paper_month(data: &Dataset) -> (i32, u32) {
    let mut parts = data.document.date.split('-');
    let y = parts.next().and_then(|y| y.parse().ok());
    let m = parts.next().and_then(|m| m.parse().ok());
    match (y, m) {
        (Some(y), Some(m)) if (1..=12).contains(&m) => (y, m),
        _ => (PAPER_YEAR, PAPER_MONTH),
    }
}

fn parse_paper_date(
    data: &Dataset,
    text: &str,
) -> Option<(crate::model::Precision, String, String)> {
    let (y, m) = paper_month(data);
    parse_paper_date_in(text, y, m)
}

/// One run of the checks: the dataset, its paragraphs by id, and the problems found so far.
struct Checker<'a> {
    data: &'a Dataset,
    paragraphs: HashMap<&'a str, &'a Paragraph>,
    problems: Vec<String>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, msg: String) {
        self.problems.push(msg);
    }

    /// Checks a citation: the paragraph exists and the quote is a non-empty, whitespace-normal
    /// substring of its text (or, for an Annex row, of its "Policy Initiatives" cell).
    fn source(&mut self, who: &str, s: &SourceRef) -> Option<(&'a Paragraph, usize)> {
        let Some(p) = self.paragraphs.get(s.paragraph.as_str()).copied() else {
            self.report(format!(
                "{who}: source paragraph \"{}\" does not exist",
                s.paragraph
            ));
            return None;
        };
        if s.quote.trim().is_empty() {
            self.report(format!("{who}: source quote is empty"));
            return None;
        }
        if normalize_ws(&s.quote) != s.quote {
            self.report(format!(
                "{who}: source quote is not whitespace-normalised: \"{}\"",
                s.quote
            ));
        }
        if let Some(i) = p.text.find(&s.quote) {
            return Some((p, i));
        }
        if p.heading.as_deref().is_some_and(|h| h.contains(&s.quote)) {
            return None;
        }
        self.report(format!(
            "{who}: quote not found verbatim in paragraph {}: \"{}\"",
            p.id, s.quote
        ));
        None
    }
}

fn check_unique<'b>(
    checker: &mut Checker,
    what: &str,
    ids: impl Iterator<Item = &'b str>,
) -> HashSet<&'b str> {
    let mut seen = HashSet::new();
    for id in ids {
        if !crate::check::is_safe_id(id) {
            checker.report(format!(
                "{what} \"{id}\": id is empty, too long or has unsafe characters"
            ));
        }
        if !seen.insert(id) {
            checker.report(format!("{what} \"{id}\": id is used more than once"));
        }
    }
    seen
}

/// Every check of the dataset against the paper's text (`source_text` = the extract as stored in
/// data/source). Returns the problems found, each naming the record.
pub fn validate(data: &Dataset, source_text: &str) -> Vec<String> {
    let mut checker = Checker {
        data,
        paragraphs: data.paragraphs.iter().map(|p| (p.id.as_str(), p)).collect(),
        problems: Vec::new(),
    };
    check_document(&mut checker);
    check_reflow(&mut checker, source_text);
    check_paragraphs(&mut checker);
    check_areas(&mut checker);
    check_items(&mut checker);
    check_figures(&mut checker);
    check_milestones(&mut checker);
    check_series(&mut checker);
    check_sites(&mut checker);
    check_organisations(&mut checker);
    check_number_coverage(&mut checker);
    checker.problems
}

fn check_document(checker: &mut Checker) {
    let d = &checker.data.document;
    if checker.data.schema_version != SCHEMA_VERSION {
        checker.report(format!(
            "dataset: schema_version {} is not {SCHEMA_VERSION}",
            checker.data.schema_version
        ));
    }
    for (field, value) in [
        ("title", &d.title),
        ("bureau", &d.bureau),
        ("source_file", &d.source_file),
    ] {
        if value.trim().is_empty() {
            checker.report(format!("document: {field} is empty"));
        }
    }
    if d.offices.first() != Some(&d.bureau) {
        checker.report("document: offices must start with the bureau".into());
    }
    match parse_paper_date(checker.data, &d.date_text) {
        Some((_, start, _)) if start.get(..7) == Some(d.date.as_str()) => {}
        _ => checker.report(format!(
            "document: date \"{}\" does not match date_text \"{}\"",
            d.date, d.date_text
        )),
    }
    match (day_number(&d.as_of), day_number(&format!("{}-01", d.date))) {
        (Some(a), Some(issued)) if a >= issued - 31 => {}
        _ => checker.report(format!(
            "document: as_of \"{}\" is not an ISO day near the paper's date",
            d.as_of
        )),
    }
    let semver = d.dataset_version.split('.').collect::<Vec<_>>();
    if semver.len() != 3 || semver.iter().any(|p| p.parse::<u32>().is_err()) {
        checker.report(format!(
            "document: dataset_version \"{}\" is not semver",
            d.dataset_version
        ));
    }
    if d.source_sha256.len() != 64 || !d.source_sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        checker.report("document: source_sha256 is not 64 hex digits".into());
    }
}

fn check_reflow(checker: &mut Checker, source_text: &str) {
    let headers = &checker.data.document.removed_headers;
    for h in headers {
        if !source_text.lines().any(|l| normalize_ws(l) == *h) {
            checker.report(format!(
                "document: removed header \"{h}\" is not a line of the source"
            ));
        }
    }
    let reflowed = reflow_source(source_text, headers);
    let mut pos = 0;
    for p in &checker.data.paragraphs {
        if normalize_ws(&p.text) != p.text || p.text.is_empty() {
            checker.problems.push(format!(
                "paragraph {}: text is empty or not whitespace-normalised",
                p.id
            ));
        }
        let piece = source_piece(p);
        let sep = if pos == 0 { "" } else { " " };
        let expected = format!("{sep}{piece}");
        if reflowed[pos..].starts_with(&expected) {
            pos += expected.len();
            continue;
        }
        let common = reflowed[pos..]
            .char_indices()
            .zip(expected.chars())
            .find(|((_, a), b)| a != b)
            .map(|((i, _), _)| i)
            .unwrap_or(0);
        let at = pos + common;
        let show = |s: &str| s.chars().take(60).collect::<String>();
        let found = reflowed.get(at..).map(show).unwrap_or_default();
        let offset = common.min(expected.len());
        let wanted = expected
            .get(offset..)
            .map(show)
            .unwrap_or_else(|| show(&expected));
        checker.problems.push(format!(
            "paragraph {}: text differs from the source: the source continues \"{found}\" but the paragraph has \"{wanted}\"",
            p.id
        ));
        return;
    }
    if pos != reflowed.len() {
        let rest: String = reflowed[pos..].chars().take(80).collect();
        checker.problems.push(format!(
            "paragraphs: source text after the last paragraph is missing: \"{rest}\""
        ));
    }
}

fn check_paragraphs(checker: &mut Checker) {
    let data = checker.data;
    check_unique(
        checker,
        "paragraph",
        data.paragraphs.iter().map(|p| p.id.as_str()),
    );
    let mut body_numbers = Vec::new();
    for p in &data.paragraphs {
        match p.kind {
            ParagraphKind::Heading => {
                if !p.id.starts_with("h-") || !p.label.is_empty() {
                    checker.report(format!(
                        "paragraph {}: a heading needs an id \"h-...\" and an empty label",
                        p.id
                    ));
                }
            }
            ParagraphKind::Body => {
                let n: Option<u32> = p.label.parse().ok();
                if n.is_none() || p.id != format!("p{}", p.label) {
                    checker.report(format!(
                        "paragraph {}: a body paragraph needs id \"p<label>\" and a numeric label (label \"{}\")",
                        p.id, p.label
                    ));
                }
                body_numbers.extend(n);
            }
            ParagraphKind::Footnote => {
                let n = p.label.strip_prefix("Footnote ").unwrap_or("");
                if n.parse::<u32>().is_err() || p.id != format!("fn{n}") {
                    checker.report(format!(
                        "paragraph {}: a footnote needs id \"fn<n>\" and label \"Footnote <n>\"",
                        p.id
                    ));
                }
            }
            ParagraphKind::AnnexRow => {
                let Some(area_id) = p.area.as_deref() else {
                    checker.report(format!("paragraph {}: an Annex row needs an area", p.id));
                    continue;
                };
                match data.area(area_id) {
                    None => checker.report(format!(
                        "paragraph {}: area \"{area_id}\" does not exist",
                        p.id
                    )),
                    Some(a) if a.kind != AreaKind::AnnexArea => checker.report(format!(
                        "paragraph {}: area \"{area_id}\" is not an Annex area",
                        p.id
                    )),
                    Some(a) => {
                        let n = a.number.unwrap_or(0);
                        let row = p.id.strip_prefix(&format!("a{n}-")).unwrap_or("");
                        if row.parse::<u32>().is_err()
                            || p.label != format!("Annex ({n}), row {row}")
                        {
                            checker.report(format!(
                                "paragraph {}: an Annex row of area ({n}) needs id \"a{n}-<row>\" and label \"Annex ({n}), row <row>\" (label \"{}\")",
                                p.id, p.label
                            ));
                        }
                    }
                }
                if p.heading.as_deref().is_none_or(|h| h.trim().is_empty()) {
                    checker.report(format!(
                        "paragraph {}: an Annex row needs its Policy Initiatives cell as heading",
                        p.id
                    ));
                }
            }
        }
        if p.kind != ParagraphKind::AnnexRow && p.area.is_some() {
            checker.report(format!("paragraph {}: only Annex rows have an area", p.id));
        }
    }
    let expected: Vec<u32> = (1..=body_numbers.len() as u32).collect();
    if body_numbers != expected {
        checker.report(format!(
            "paragraphs: body paragraphs are not numbered 1..n in order: {body_numbers:?}"
        ));
    }
}

fn check_areas(checker: &mut Checker) {
    let data = checker.data;
    check_unique(
        checker,
        "policy area",
        data.policy_areas.iter().map(|a| a.id.as_str()),
    );
    let mut numbers = Vec::new();
    for a in &data.policy_areas {
        let who = format!("policy area {}", a.id);
        checker.source(&who, &a.source);
        match (a.kind, a.number) {
            (AreaKind::AnnexArea, Some(n)) => {
                numbers.push(n);
                if a.id != format!("a{n}") {
                    checker.report(format!("{who}: an Annex area's id must be \"a{n}\""));
                }
                let heading = format!("({n}) {}", a.name);
                if !data
                    .paragraphs
                    .iter()
                    .any(|p| p.kind == ParagraphKind::Heading && p.text == heading)
                {
                    checker.report(format!(
                        "{who}: no heading paragraph reads \"{heading}\" (names must be verbatim)"
                    ));
                }
                if !data.items.iter().any(|i| i.area == a.id) {
                    checker.report(format!("{who}: no item belongs to it"));
                }
            }
            (AreaKind::AnnexArea, None) => {
                checker.report(format!("{who}: an Annex area needs its number"))
            }
            (AreaKind::Theme, Some(_)) => checker.report(format!("{who}: a theme has no number")),
            (AreaKind::Theme, None) => {
                if !a.id.starts_with("t-") {
                    checker.report(format!("{who}: a theme's id must start with \"t-\""));
                }
            }
        }
    }
    let expected: Vec<u8> = (1..=numbers.len() as u8).collect();
    if numbers != expected {
        checker.report(format!(
            "policy areas: Annex areas are not numbered 1..n in order: {numbers:?}"
        ));
    }
}

fn check_items(checker: &mut Checker) {
    let data = checker.data;
    check_unique(checker, "item", data.items.iter().map(|i| i.id.as_str()));
    for i in &data.items {
        let who = format!("item {}", i.id);
        if i.title.trim().is_empty() || i.summary.trim().is_empty() {
            checker.report(format!("{who}: title or summary is empty"));
        }
        checker.source(&who, &i.source);
        if let Some(p) = checker.paragraphs.get(i.source.paragraph.as_str()).copied() {
            if p.text.contains(i.summary.as_str()) {
                checker.report(format!(
                    "{who}: summary is copied from the paper; write it in plain words"
                ));
            }
            if !p.text.contains(i.status_quote.as_str()) || i.status_quote.trim().is_empty() {
                checker.report(format!(
                    "{who}: status_quote \"{}\" is not in its own paragraph {}",
                    i.status_quote, p.id
                ));
            }
            let want = match i.kind {
                ItemKind::NewInitiative => ParagraphKind::Body,
                ItemKind::ProgressItem => ParagraphKind::AnnexRow,
            };
            if p.kind != want {
                checker.report(format!(
                    "{who}: a {} item must cite a {want:?} paragraph, not {}",
                    i.kind.as_str(),
                    p.id
                ));
            }
            if i.kind == ItemKind::ProgressItem && p.area.as_deref() != Some(i.area.as_str()) {
                checker.report(format!(
                    "{who}: area \"{}\" differs from its Annex row's area",
                    i.area
                ));
            }
        }
        match data.area(&i.area) {
            None => checker.report(format!("{who}: area \"{}\" does not exist", i.area)),
            Some(a) => {
                let want = match i.kind {
                    ItemKind::NewInitiative => AreaKind::Theme,
                    ItemKind::ProgressItem => AreaKind::AnnexArea,
                };
                if a.kind != want {
                    checker.report(format!(
                        "{who}: area \"{}\" is a {:?}, expected a {want:?}",
                        i.area, a.kind
                    ));
                }
            }
        }
        for o in &i.organisations {
            if data.organisation(o).is_none() {
                checker.report(format!("{who}: organisation \"{o}\" does not exist"));
            }
        }
        for s in &i.sites {
            if data.site(s).is_none() {
                checker.report(format!("{who}: site \"{s}\" does not exist"));
            }
        }
    }
    for p in &data.paragraphs {
        if p.kind == ParagraphKind::AnnexRow
            && !data
                .items
                .iter()
                .any(|i| i.kind == ItemKind::ProgressItem && i.source.paragraph == p.id)
        {
            checker.report(format!(
                "paragraph {}: Annex row has no progress item",
                p.id
            ));
        }
    }
}

fn check_figures(checker: &mut Checker) {
    let data = checker.data;
    check_unique(
        checker,
        "figure",
        data.figures.iter().map(|f| f.id.as_str()),
    );
    for f in &data.figures {
        let who = format!("figure {} (\"{}\")", f.id, f.text);
        if let Some(item) = &f.item {
            if data.item(item).is_none() {
                checker.report(format!("{who}: item \"{item}\" does not exist"));
            }
        }
        if let Some(site) = &f.site {
            if data.site(site).is_none() {
                checker.report(format!("{who}: site \"{site}\" does not exist"));
            }
        }
        if f.measure.trim().is_empty() {
            checker.report(format!("{who}: measure is empty"));
        }
        match (f.unit, f.money) {
            (Unit::Hkd, None) => checker.report(format!("{who}: a HK$ figure needs a money kind")),
            (u, Some(_)) if u != Unit::Hkd => {
                checker.report(format!("{who}: only HK$ figures have a money kind"))
            }
            _ => {}
        }
        if f.unit == Unit::Hkd && !f.text.contains('$') {
            checker.report(format!("{who}: a HK$ figure's text must show the \"$\""));
        }
        if f.unit == Unit::Percent && !f.text.ends_with('%') {
            checker.report(format!("{who}: a percentage's text must end with \"%\""));
        }
        let scale_in_text = ["million", "billion"]
            .into_iter()
            .find(|w| f.text.ends_with(&format!(" {w}")));
        if f.scale.as_deref() != scale_in_text {
            checker.report(format!(
                "{who}: scale {:?} does not match the text",
                f.scale
            ));
        }
        match figure_text_value(&f.text) {
            Some(v) if (v - f.value).abs() <= 1e-9 * v.abs().max(1.0) => {}
            Some(v) => checker.report(format!(
                "{who}: value {} differs from the number in the text ({v})",
                f.value
            )),
            None => checker.report(format!("{who}: the text does not read as a number")),
        }
        if let Some((p, qstart)) = checker.source(&who, &f.source) {
            let hits = find_tokens(&f.source.quote, &f.text);
            match hits.first() {
                None => checker.report(format!(
                    "{who}: the number is not in its quote \"{}\"",
                    f.source.quote
                )),
                Some(&k) => {
                    let implied = qualifier_before(&p.text[..qstart + k]);
                    if implied.is_some() && implied != f.qualifier {
                        checker.report(format!(
                            "{who}: the paper hedges it ({implied:?}) but the qualifier is {:?}",
                            f.qualifier
                        ));
                    }
                }
            }
        }
    }
}

fn check_milestones(checker: &mut Checker) {
    let data = checker.data;
    check_unique(
        checker,
        "milestone",
        data.milestones.iter().map(|m| m.id.as_str()),
    );
    for m in &data.milestones {
        let who = format!("milestone {}", m.id);
        if data.item(&m.item).is_none() {
            checker.report(format!("{who}: item \"{}\" does not exist", m.item));
        }
        if m.label.trim().is_empty() {
            checker.report(format!("{who}: label is empty"));
        }
        match parse_paper_date(data, &m.date.text) {
            None => checker.report(format!(
                "{who}: date \"{}\" is not a date phrase the parser reads",
                m.date.text
            )),
            Some((precision, start, end)) => {
                if precision != m.date.precision || start != m.date.start || end != m.date.end {
                    checker.report(format!(
                        "{who}: date \"{}\" is stored as {:?} {}..{} but reads as {precision:?} {start}..{end}",
                        m.date.text, m.date.precision, m.date.start, m.date.end
                    ));
                }
            }
        }
        if checker.source(&who, &m.source).is_some() && !m.source.quote.contains(&m.date.text) {
            checker.report(format!(
                "{who}: date text \"{}\" is not in its quote",
                m.date.text
            ));
        }
    }
}

fn check_series(checker: &mut Checker) {
    let data = checker.data;
    check_unique(checker, "series", data.series.iter().map(|s| s.id.as_str()));
    for s in &data.series {
        let who = format!("series {}", s.id);
        if s.points.is_empty() {
            checker.report(format!("{who}: has no points"));
        }
        for pt in &s.points {
            match data.figure(&pt.figure) {
                None => checker.report(format!(
                    "{who}: point \"{}\" refers to missing figure \"{}\"",
                    pt.label, pt.figure
                )),
                Some(f) if f.unit != s.unit => checker.report(format!(
                    "{who}: point \"{}\" (figure {}) is in {:?}, the series in {:?}",
                    pt.label, f.id, f.unit, s.unit
                )),
                Some(_) => {}
            }
        }
        checker.source(&format!("{who} note"), &s.note);
    }
}

fn check_sites(checker: &mut Checker) {
    let data = checker.data;
    check_unique(checker, "site", data.sites.iter().map(|s| s.id.as_str()));
    for s in &data.sites {
        let who = format!("site {}", s.id);
        checker.source(&who, &s.source);
        if !crate::check::in_area(s.lat, s.lon) {
            checker.report(format!(
                "{who}: position {}, {} is outside Hong Kong / Shenzhen",
                s.lat, s.lon
            ));
        }
        if !DISTRICTS.contains(&s.district.as_str()) {
            checker.report(format!(
                "{who}: district \"{}\" is not one of Hong Kong's 18 districts or Shenzhen",
                s.district
            ));
        }
        if (s.district == "Shenzhen") != s.cross_border {
            checker.report(format!(
                "{who}: cross_border must be true exactly for Shenzhen sites"
            ));
        }
        if s.name.trim().is_empty() || s.short_name.trim().is_empty() {
            checker.report(format!("{who}: name or short_name is empty"));
        }
        if s.position_source.trim().is_empty() {
            checker.report(format!("{who}: position_source is empty"));
        }
        if (s.position_source.contains("knowledge (approx.")
            || s.position_source.contains("approx."))
            && s.position != PositionPrecision::Approximate
        {
            checker.report(format!(
                "{who}: its position is an estimate and must be marked approximate"
            ));
        }
        if let Some(a) = s.area_ha {
            if a <= 0.0
                || !data.figures.iter().any(|f| {
                    f.site.as_deref() == Some(s.id.as_str())
                        && f.unit == Unit::Hectares
                        && f.value == a
                })
            {
                checker.report(format!(
                    "{who}: area_ha {a} is not a hectare figure of the paper for this site"
                ));
            }
        }
    }
}

fn check_organisations(checker: &mut Checker) {
    let data = checker.data;
    check_unique(
        checker,
        "organisation",
        data.organisations.iter().map(|o| o.id.as_str()),
    );
    for o in &data.organisations {
        let who = format!("organisation {}", o.id);
        checker.source(&who, &o.source);
        if let Some(abbr) = &o.abbreviation {
            let p = checker.paragraphs.get(o.source.paragraph.as_str());
            let shown = data
                .paragraphs
                .iter()
                .any(|p| p.text.contains(&format!("“{abbr}”")));
            if !shown || p.is_none() {
                checker.report(format!(
                    "{who}: abbreviation \"{abbr}\" is not defined in the paper"
                ));
            }
        }
    }
}

/// Paragraphs whose numbers must all be accounted for: body paragraphs 2-23 and the Annex rows
/// (both cells).
fn coverage_scope(p: &Paragraph) -> bool {
    match p.kind {
        ParagraphKind::AnnexRow => true,
        ParagraphKind::Body => p.label.parse::<u32>().is_ok_and(|n| (2..=23).contains(&n)),
        _ => false,
    }
}

fn mark(claimed: &mut [bool], hay: &str, start: usize, needle: &str) -> bool {
    let mut any = false;
    for i in find_tokens(hay, needle) {
        for c in claimed.iter_mut().skip(start + i).take(needle.len()) {
            *c = true;
        }
        any = true;
    }
    any
}

fn check_number_coverage(checker: &mut Checker) {
    let data = checker.data;
    let mut used = vec![false; NUMBER_EXCLUSIONS.len()];
    for p in data.paragraphs.iter().filter(|p| coverage_scope(p)) {
        let cells: Vec<(&str, &str)> = match &p.heading {
            Some(h) if p.kind == ParagraphKind::AnnexRow => vec![("heading", h), ("text", &p.text)],
            _ => vec![("text", &p.text)],
        };
        for (cell, text) in cells {
            let mut claimed = vec![false; text.len()];
            if cell == "text" {
                let mut claim = |quote: &str, needles: &[&str]| {
                    if let Some(q) = text.find(quote) {
                        let region = &text[q..q + quote.len()];
                        for n in needles {
                            mark(&mut claimed, region, q, n);
                        }
                    }
                };
                for f in data.figures.iter().filter(|f| f.source.paragraph == p.id) {
                    let mut needles = vec![f.text.as_str()];
                    needles.extend(f.period.as_deref());
                    claim(&f.source.quote, &needles);
                }
                for m in data
                    .milestones
                    .iter()
                    .filter(|m| m.source.paragraph == p.id)
                {
                    claim(&m.source.quote, &[m.date.text.as_str()]);
                }
            }
            for (k, (pid, exc, _)) in NUMBER_EXCLUSIONS.iter().enumerate() {
                if (*pid == "*" || *pid == p.id) && mark(&mut claimed, text, 0, exc) {
                    used[k] = true;
                }
            }
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() && !claimed[i] {
                    let a = text[..i]
                        .rfind(|c: char| c.is_whitespace())
                        .map_or(0, |x| x + 1);
                    let b = text[i..]
                        .find(|c: char| c.is_whitespace())
                        .map_or(text.len(), |x| i + x);
                    checker.problems.push(format!(
                        "paragraph {} ({cell}): number \"{}\" is not claimed by any figure, milestone date or exclusion",
                        p.id,
                        &text[a..b]
                    ));
                    i = b;
                } else {
                    i += 1;
                }
            }
        }
    }
    for (k, (pid, exc, _)) in NUMBER_EXCLUSIONS.iter().enumerate() {
        if !used[k] {
            checker.problems.push(format!(
                "number exclusion ({pid}, \"{exc}\") matches nothing; remove it"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflow_joins_hyphenated_line_ends() {
        let src = "the Shenzhen-Hong Kong I&T Co-\n\noperation Zone  of\n 540 ha.\n- End -\nre-\norganisation";
        let headers = vec!["- End -".to_string()];
        assert_eq!(
            reflow_source(src, &headers),
            "the Shenzhen-Hong Kong I&T Co-operation Zone of 540 ha. re-organisation"
        );
    }

    #[test]
    fn tokens_respect_number_boundaries() {
        assert_eq!(
            find_tokens("for every $1 invested, $13 attracted", "$1"),
            vec![10]
        );
        assert_eq!(
            find_tokens("about 1 100 firms and 100 clinics", "100"),
            vec![22]
        );
        assert_eq!(find_tokens("$1.2 billion", "$1"), Vec::<usize>::new());
        assert_eq!(find_tokens("fivefold, five", "five"), vec![10]);
        assert_eq!(find_tokens("areas1 for", "1"), Vec::<usize>::new());
    }

    #[test]
    fn figure_texts_read_as_numbers() {
        assert_eq!(figure_text_value("$19.5 billion"), Some(19.5e9));
        assert_eq!(figure_text_value("HK$290 million"), Some(290e6));
        assert_eq!(figure_text_value("1 070"), Some(1070.0));
        assert_eq!(figure_text_value("$100,000"), Some(100_000.0));
        assert_eq!(figure_text_value("4-ha."), Some(4.0));
        assert_eq!(figure_text_value("2.5-ha."), Some(2.5));
        assert_eq!(figure_text_value("240 hectares"), Some(240.0));
        assert_eq!(figure_text_value("75%"), Some(75.0));
        assert_eq!(figure_text_value("second"), Some(2.0));
        assert_eq!(figure_text_value("many"), None);
    }

    #[test]
    fn qualifiers_follow_the_words_before() {
        assert_eq!(
            qualifier_before("rose from around "),
            Some(Qualifier::About)
        );
        assert_eq!(qualifier_before("has exceeded "), Some(Qualifier::Over));
        assert_eq!(
            qualifier_before("to a maximum of "),
            Some(Qualifier::AtMost)
        );
        assert_eq!(qualifier_before("Injected "), None);
    }
}
