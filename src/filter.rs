//! Filtering, search and facet counts: which items the current view state selects.
//!
//! Every view (list, timeline, map, charts) shows the same selection, computed here once per
//! state change. Search text is folded (see `text::fold`) once per item, on the first search,
//! and kept in a [`SearchIndex`], so a keystroke costs one pass of substring tests.

use crate::dates;
use crate::format;
use crate::i18n::Locale;
use crate::model::{Dataset, Figure, Initiative, ItemKind, Status, Unit};
use crate::text::{fold, is_digit, push_folded};
use crate::view_state::{Sort, ViewState};
use crate::zh::{ScriptFold, Translations};
use std::sync::{Arc, OnceLock};

/// What filtering and sorting compare, per dataset: each item's year span and sort keys, made
/// with the index; and the folded text search compares with, made on the first search (most
/// starts have no query, and folding the whole paper is most of the index's cost).
#[derive(Debug)]
pub struct SearchIndex {
    /// The dataset and a Chinese edition's translations, kept to fold the texts from.
    data: Arc<Dataset>,
    zh: Option<(Arc<Translations>, Locale)>,
    /// Made by the first call of `texts`.
    texts: OnceLock<Texts>,
    /// Milestone year span of each item (min start year, max end year), if dated.
    years: Vec<Option<(i32, i32)>>,
    /// Each item's key for sorting by date (its first milestone day) and by amount (its
    /// largest HK$ figure, negated: largest first), infinite without one so that it goes last:
    /// derived once per dataset, not on every keystroke.
    date_key: Vec<f64>,
    amount_key: Vec<f64>,
    /// Index into `items` of each figure's item.
    figure_item: Vec<Option<usize>>,
    /// Simplified -> Traditional, applied to texts and queries alike.
    script: ScriptFold,
}

/// The folded searchable text of every item and of every figure (number, measure, period,
/// quote), so search finds the context figures that belong to no item too.
#[derive(Debug)]
struct Texts {
    items: Vec<String>,
    figures: Vec<String>,
}

/// The Chinese forms search adds for a figure in every edition: a HK$ amount as Chinese
/// readers write it ("263億", "26.3億").
fn figure_forms(f: &Figure) -> String {
    let mut out = String::new();
    if f.unit == Unit::Hkd {
        for form in format::hkd_search_forms(f.value) {
            out.push_str(&form);
            out.push('\n');
        }
    }
    out
}

/// What a Chinese edition adds to the search index: for each item (in the dataset's order) and
/// each figure, its Chinese texts and its figures and dates as the edition writes them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChineseSearch {
    items: Vec<String>,
    figures: Vec<String>,
}

/// The Chinese edition's search texts (reached through `zh_code::ZhCode::search` only).
pub fn chinese_search(tr: &Translations, locale: Locale, data: &Dataset) -> ChineseSearch {
    let lines = |texts: &mut dyn Iterator<Item = String>| {
        texts.fold(String::new(), |mut out, t| {
            out.push_str(&t);
            out.push('\n');
            out
        })
    };
    let items = data
        .items
        .iter()
        .map(|item| {
            let texts = tr.search_texts(item, data).into_iter().map(String::from);
            let figures = data
                .figures_of(&item.id)
                .map(|f| format::figure_in(locale, f));
            let dates = data
                .milestones_of(&item.id)
                .map(|m| format::date_in(locale, &m.date));
            lines(&mut texts.chain(figures).chain(dates))
        })
        .collect();
    let figures = data
        .figures
        .iter()
        .map(|f| {
            let texts = tr.figure_texts(&f.id).into_iter().map(String::from);
            lines(&mut std::iter::once(format::figure_in(locale, f)).chain(texts))
        })
        .collect();
    ChineseSearch { items, figures }
}

impl SearchIndex {
    /// The index of the English dataset (English edition).
    pub fn new(data: Arc<Dataset>) -> SearchIndex {
        SearchIndex::with_translations(data, None)
    }

    /// The index of the English dataset plus, in a Chinese edition, its Chinese texts, dates
    /// and amounts: English search keeps working, and Chinese is found by substring in either
    /// script (both are folded to Traditional).
    pub fn with_translations(
        data: Arc<Dataset>,
        zh: Option<(Arc<Translations>, Locale)>,
    ) -> SearchIndex {
        let script = ScriptFold::new(zh.as_ref().map_or("", |(t, _)| t.script_fold.as_str()));
        let mut years = Vec::with_capacity(data.items.len());
        let mut date_key = Vec::with_capacity(data.items.len());
        let mut amount_key = Vec::with_capacity(data.items.len());
        for item in &data.items {
            let amount = data
                .figures_of(&item.id)
                .filter(|f| f.unit == Unit::Hkd)
                .map(|f| f.value)
                .reduce(f64::max);
            let mut span: Option<(i32, i32)> = None;
            let mut first: Option<i32> = None;
            for m in data.milestones_of(&item.id) {
                if let (Some(a), Some(b)) =
                    (dates::year_of(&m.date.start), dates::year_of(&m.date.end))
                {
                    span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
                }
                if let Some(d) = dates::day_number(&m.date.start) {
                    first = Some(first.map_or(d, |f| f.min(d)));
                }
            }
            years.push(span);
            date_key.push(first.map_or(f64::INFINITY, f64::from));
            amount_key.push(amount.map_or(f64::INFINITY, |a| -a));
        }
        let figure_item = data
            .figures
            .iter()
            .map(|f| {
                f.item
                    .as_deref()
                    .and_then(|id| data.items.iter().position(|i| i.id == id))
            })
            .collect();
        SearchIndex {
            data,
            zh,
            texts: OnceLock::new(),
            years,
            date_key,
            amount_key,
            figure_item,
            script,
        }
    }

    /// The folded texts, made on the first call.
    fn texts(&self) -> &Texts {
        self.texts.get_or_init(|| self.fold_texts())
    }

    /// Makes the folded texts now if no search has yet (called when the app is idle after its
    /// start, so that the first keystroke does not pay for them).
    pub fn prepare(&self) {
        self.texts();
    }

    fn fold_texts(&self) -> Texts {
        let (data, script) = (&*self.data, &self.script);
        let chinese = self
            .zh
            .as_ref()
            .and_then(|(tr, l)| Some((crate::zh_code::for_locale(*l)?.search)(tr, *l, data)));
        let items = data
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut text = String::new();
                let mut add = |s: &str| {
                    text.push_str(s);
                    text.push('\n');
                };
                add(&item.title);
                add(&item.summary);
                if let Some(c) = &chinese {
                    add(&c.items[i]);
                }
                add(&item.source.quote);
                add(&item.status_quote);
                if let Some(area) = data.area(&item.area) {
                    add(&area.name);
                }
                for id in &item.sites {
                    if let Some(site) = data.site(id) {
                        add(&site.name);
                        add(&site.short_name);
                        add(&site.district);
                    }
                }
                for id in &item.organisations {
                    if let Some(org) = data.organisation(id) {
                        add(&org.name);
                        if let Some(a) = &org.abbreviation {
                            add(a);
                        }
                    }
                }
                for f in data.figures_of(&item.id) {
                    add(&f.text);
                    add(&f.measure);
                    add(&f.source.quote);
                    if let Some(p) = &f.period {
                        add(p);
                    }
                    add(&figure_forms(f));
                }
                for m in data.milestones_of(&item.id) {
                    add(&m.label);
                    add(&m.date.text);
                    add(&m.source.quote);
                }
                script.apply(&fold(&text))
            })
            .collect();
        let figures = data
            .figures
            .iter()
            .enumerate()
            .map(|(j, f)| {
                script.apply(&fold(&format!(
                    "{}\n{}\n{}\n{}\n{}\n{}",
                    f.text,
                    f.measure,
                    f.period.as_deref().unwrap_or(""),
                    f.source.quote,
                    figure_forms(f),
                    chinese.as_ref().map_or("", |c| c.figures[j].as_str())
                )))
            })
            .collect();
        Texts { items, figures }
    }

    /// The search terms of a query as this index compares them (scripts folded).
    pub fn terms(&self, query: &str) -> Vec<String> {
        terms(&self.script.apply(query))
    }

    /// A text folded the way this index folds its texts (case, numbers, scripts).
    pub fn fold(&self, text: &str) -> String {
        self.script.apply(&fold(text))
    }

    /// A text folded for highlighting the way this index folds (scripts folded), so 数码港
    /// marks 數碼港 on a Traditional page.
    pub fn folded_text(&self, text: &str) -> FoldedText {
        FoldedText::with_script(text, &self.script)
    }
}

/// The folded search terms of a query: every word must occur. Words are separated by spaces
/// or by list punctuation (commas outside numbers, 、, 。); Chinese, written without spaces, is
/// matched by substring.
pub fn terms(query: &str) -> Vec<String> {
    fold(query)
        .split([' ', ',', '、', '。', '；', '「', '」', '『', '』'])
        .map(|t| {
            t.trim_matches(|c: char| matches!(c, '"' | '\'' | '(' | ')' | '.' | ',' | ';' | ':'))
        })
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// One facet dimension; used to compute counts "with every other filter applied".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Area,
    Kind,
    Status,
    Site,
    Org,
    Years,
    Search,
}

/// Whether item `i` passes every filter of `state` except `skip`.
fn passes(
    data: &Dataset,
    index: &SearchIndex,
    terms: &[String],
    state: &ViewState,
    i: usize,
    skip: Option<Facet>,
) -> bool {
    let item: &Initiative = &data.items[i];
    let on = |f: Facet| skip != Some(f);
    if on(Facet::Area) && !state.areas.is_empty() && !state.areas.contains(&item.area) {
        return false;
    }
    if on(Facet::Kind) && !state.kinds.is_empty() && !state.kinds.contains(&item.kind) {
        return false;
    }
    if on(Facet::Status) && !state.statuses.is_empty() && !state.statuses.contains(&item.status) {
        return false;
    }
    if on(Facet::Site)
        && !state.sites.is_empty()
        && !item.sites.iter().any(|s| state.sites.contains(s))
    {
        return false;
    }
    if on(Facet::Org)
        && !state.orgs.is_empty()
        && !item.organisations.iter().any(|o| state.orgs.contains(o))
    {
        return false;
    }
    if on(Facet::Years) && (state.from.is_some() || state.to.is_some()) {
        let from = state.from.unwrap_or(i32::MIN);
        let to = state.to.unwrap_or(i32::MAX);
        match index.years[i] {
            Some((a, b)) if a <= to && b >= from => {}
            _ => return false,
        }
    }
    if on(Facet::Search) && !terms.is_empty() && !found(index, terms, i) {
        return false;
    }
    true
}

/// Whether item `i`'s text holds every search term (folds the index's texts on first use).
fn found(index: &SearchIndex, terms: &[String], i: usize) -> bool {
    terms
        .iter()
        .all(|t| index.texts().items[i].contains(t.as_str()))
}

/// Indices of the items the state selects, in the state's sort order.
pub fn select(data: &Dataset, index: &SearchIndex, state: &ViewState) -> Vec<usize> {
    let terms = index.terms(&state.q);
    let mut out: Vec<usize> = (0..data.items.len())
        .filter(|&i| passes(data, index, &terms, state, i, None))
        .collect();
    // `sort_indices` keeps the paper's order among equal keys.
    let keys = match state.sort {
        Sort::Paper => return out,
        Sort::Date => &index.date_key,
        Sort::Amount => &index.amount_key,
    };
    crate::order::sort_indices(&mut out, keys);
    out
}

/// A search term worth pointing at: a lone letter matches nearly everywhere, so marking it
/// would bury the text (and cost a DOM node per match on every row). It still filters.
pub fn is_telling(term: &str) -> bool {
    term.chars().count() > 1 || term.chars().all(|c| c.is_ascii_digit())
}

/// Figures whose own text matches the search, for the "figures" block beside the results.
/// A figure of an item shows only while its item passes the other filters; a context figure
/// (no item) shows only while no facet narrows the view. Empty when there is no search, or
/// when it is only lone letters (which would list nearly every figure).
pub fn matching_figures(data: &Dataset, index: &SearchIndex, state: &ViewState) -> Vec<usize> {
    let terms = index.terms(&state.q);
    if !terms.iter().any(|t| is_telling(t)) {
        return Vec::new();
    }
    let facets_active = {
        let mut s = state.clone();
        s.q.clear();
        s.is_filtered()
    };
    let figures = &index.texts().figures;
    (0..data.figures.len())
        .filter(|&f| terms.iter().all(|t| figures[f].contains(t.as_str())))
        .filter(|&f| match index.figure_item[f] {
            Some(i) => passes(data, index, &terms, state, i, Some(Facet::Search)),
            None => !facets_active,
        })
        .collect()
}

/// A facet value with the number of items it would select, given the other filters.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetCount<V> {
    pub value: V,
    pub count: usize,
    pub selected: bool,
}

/// Counts of every facet value under the other filters (standard faceted-search semantics:
/// choosing a value never zeroes its own siblings).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FacetCounts {
    pub areas: Vec<FacetCount<String>>,
    pub kinds: Vec<FacetCount<ItemKind>>,
    pub statuses: Vec<FacetCount<Status>>,
    pub sites: Vec<FacetCount<String>>,
    pub orgs: Vec<FacetCount<String>>,
    /// Items per milestone year, under every filter but the year range.
    pub years: Vec<FacetCount<i32>>,
}

pub fn facet_counts(data: &Dataset, index: &SearchIndex, state: &ViewState) -> FacetCounts {
    let terms = index.terms(&state.q);
    // Every pool below keeps the search: each item's text is searched once here, not once per
    // facet (six times per keystroke), and the pools test the other filters without terms.
    let searched: Vec<bool> = (0..data.items.len())
        .map(|i| terms.is_empty() || found(index, &terms, i))
        .collect();
    let pool = |skip: Facet| -> Vec<usize> {
        (0..data.items.len())
            .filter(|&i| searched[i] && passes(data, index, &[], state, i, Some(skip)))
            .collect()
    };
    let areas_pool = pool(Facet::Area);
    let areas = data
        .policy_areas
        .iter()
        .map(|a| FacetCount {
            count: areas_pool
                .iter()
                .filter(|&&i| data.items[i].area == a.id)
                .count(),
            selected: state.areas.contains(&a.id),
            value: a.id.clone(),
        })
        .collect();
    let kinds_pool = pool(Facet::Kind);
    let kinds = ItemKind::ALL
        .into_iter()
        .map(|k| FacetCount {
            count: kinds_pool
                .iter()
                .filter(|&&i| data.items[i].kind == k)
                .count(),
            selected: state.kinds.contains(&k),
            value: k,
        })
        .collect();
    let status_pool = pool(Facet::Status);
    let statuses = Status::ALL
        .into_iter()
        .map(|s| FacetCount {
            count: status_pool
                .iter()
                .filter(|&&i| data.items[i].status == s)
                .count(),
            selected: state.statuses.contains(&s),
            value: s,
        })
        .collect();
    let site_pool = pool(Facet::Site);
    let sites = data
        .sites
        .iter()
        .map(|s| FacetCount {
            count: site_pool
                .iter()
                .filter(|&&i| data.items[i].sites.contains(&s.id))
                .count(),
            selected: state.sites.contains(&s.id),
            value: s.id.clone(),
        })
        .collect();
    let org_pool = pool(Facet::Org);
    let orgs = data
        .organisations
        .iter()
        .map(|o| FacetCount {
            count: org_pool
                .iter()
                .filter(|&&i| data.items[i].organisations.contains(&o.id))
                .count(),
            selected: state.orgs.contains(&o.id),
            value: o.id.clone(),
        })
        .collect();
    let year_pool = pool(Facet::Years);
    let (lo, hi) = index
        .years
        .iter()
        .flatten()
        .fold((i32::MAX, i32::MIN), |(lo, hi), &(a, b)| {
            (lo.min(a), hi.max(b))
        });
    // One option per year: only the years a dataset may have (`check`), however wrong a date.
    let (lo, hi) = (
        lo.max(crate::check::YEAR_RANGE.0),
        hi.min(crate::check::YEAR_RANGE.1),
    );
    let years = if lo <= hi {
        (lo..=hi)
            .map(|y| FacetCount {
                value: y,
                count: year_pool
                    .iter()
                    .filter(|&&i| index.years[i].is_some_and(|(a, b)| a <= y && y <= b))
                    .count(),
                selected: state.from.is_none_or(|f| f <= y) && state.to.is_none_or(|t| y <= t),
            })
            .collect()
    } else {
        Vec::new()
    };
    FacetCounts {
        areas,
        kinds,
        statuses,
        sites,
        orgs,
        years,
    }
}

/// Byte ranges of `text` where a search term occurs, for highlighting. Matching is done on the
/// folded text; each folded character remembers the original range it came from.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    FoldedText::new(text).ranges(terms)
}

/// A text folded once for highlighting: a row that stays on screen while the search changes
/// matches each new query against it without folding it again.
#[derive(Clone, Debug)]
pub struct FoldedText {
    folded: String,
    /// The source byte range of each folded byte.
    origin: Vec<(usize, usize)>,
}

impl FoldedText {
    pub fn new(text: &str) -> FoldedText {
        FoldedText::with_script(text, &ScriptFold::default())
    }

    /// Folded with Simplified characters read as Traditional (one for one, so every folded
    /// byte still knows its source range).
    pub fn with_script(text: &str, script: &ScriptFold) -> FoldedText {
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
        let mut iter = text.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            let next_digit = iter.peek().is_some_and(|&(_, n)| is_digit(n));
            push_folded(&mut folded, script.char(c), next_digit);
            origin.resize(folded.len(), (start, start + c.len_utf8()));
        }
        FoldedText { folded, origin }
    }

    /// Byte ranges of the source text where a term occurs, sorted and merged.
    pub fn ranges(&self, terms: &[String]) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for term in terms.iter().filter(|t| is_telling(t)) {
            let mut from = 0;
            while let Some(pos) = self.folded[from..].find(term.as_str()) {
                let a = from + pos;
                let b = a + term.len();
                ranges.push((self.origin[a].0, self.origin[b - 1].1));
                from = b;
            }
        }
        // By start alone: the merge below takes the larger end of overlapping ranges.
        crate::order::sort_by_number(&mut ranges, |r| r.0 as f64);
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// A window of `text` around the first search match (whole words, "…" where cut), so a long
/// quote shows where it matched. The whole text when it is short or nothing matches.
pub fn snippet(text: &str, terms: &[String], radius: usize) -> String {
    let Some(&(a, b)) = highlight_ranges(text, terms).first() else {
        return text.to_string();
    };
    if text.len() <= 2 * radius + (b - a) {
        return text.to_string();
    }
    let mut start = a.saturating_sub(radius);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        start = text[start..a].find(' ').map_or(start, |i| start + i + 1);
    }
    let mut end = (b + radius).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end < text.len() {
        end = text[b..end].rfind(' ').map_or(end, |i| b + i);
    }
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        &text[start..end],
        if end < text.len() { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_cut_around_the_match_at_word_boundaries() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let s = snippet(text, &terms("seven"), 12);
        assert_eq!(s, "…five six seven eight nine…");
        assert_eq!(snippet("short text", &terms("text"), 12), "short text");
        assert_eq!(snippet(text, &terms("absent"), 5), text);
    }

    #[test]
    fn query_terms_fold_numbers() {
        assert_eq!(
            terms("Around 1 070 start-ups"),
            vec!["around", "1070", "start-ups"]
        );
        assert_eq!(terms("1,070"), vec!["1070"]);
        assert!(terms("   ").is_empty());
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let text = "from around 1 070 in 2014 to the Lok Ma Chau Loop";
        let r = highlight_ranges(text, &terms("1070 loop"));
        let parts: Vec<&str> = r.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(parts, vec!["1 070", "Loop"]);
    }

    #[test]
    fn single_letters_are_not_marked_but_single_digits_are() {
        assert!(highlight_ranges("a science park", &terms("a")).is_empty());
        assert_eq!(highlight_ranges("phase 2 of 3", &terms("2")), vec![(6, 7)]);
    }

    #[test]
    fn highlights_overlapping_terms_merge() {
        let text = "Science Park";
        let r = highlight_ranges(text, &terms("scien science"));
        assert_eq!(r, vec![(0, 7)]);
    }
}

#[cfg(test)]
mod dataset_tests {
    //! Properties of filtering over the real bundled dataset.
    use super::*;
    use crate::model::Dataset;
    use proptest::prelude::*;

    fn data() -> Dataset {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/policy-2021.json"
        ))
        .expect("bundled dataset");
        Dataset::from_json(&text).expect("valid dataset")
    }

    fn ids(d: &Dataset, sel: &[usize]) -> Vec<String> {
        sel.iter().map(|&i| d.items[i].id.clone()).collect()
    }

    #[test]
    fn the_start_up_figure_is_found_however_the_number_is_written() {
        let d = data();
        let index = SearchIndex::new(Arc::new(d.clone()));
        for q in ["1070", "1 070", "1,070"] {
            let state = ViewState {
                q: q.into(),
                ..ViewState::default()
            };
            let found = matching_figures(&d, &index, &state);
            assert!(
                found.iter().any(|&f| d.figures[f].text.contains("1 070")),
                "{q:?} finds no figure with 1 070"
            );
        }
    }

    #[test]
    fn a_lone_letter_filters_but_lists_no_figures() {
        let d = data();
        let index = SearchIndex::new(Arc::new(d.clone()));
        let state = |q: &str| ViewState {
            q: q.into(),
            ..ViewState::default()
        };
        assert!(matching_figures(&d, &index, &state("s")).is_empty());
        assert!(select(&d, &index, &state("j")).len() < d.items.len());
        assert!(matching_figures(&d, &index, &state("j")).is_empty());
        assert!(!matching_figures(&d, &index, &state("s park")).is_empty());
        assert!(!matching_figures(&d, &index, &state("5")).is_empty());
    }

    #[test]
    fn loop_finds_the_lok_ma_chau_loop_items() {
        let d = data();
        let index = SearchIndex::new(Arc::new(d.clone()));
        let state = ViewState {
            q: "loop".into(),
            ..ViewState::default()
        };
        let found = ids(&d, &select(&d, &index, &state));
        assert!(found.contains(&"hsitp".to_string()), "{found:?}");
    }

    #[test]
    fn every_figure_is_findable_by_a_word_of_its_sentence() {
        let d = data();
        let index = SearchIndex::new(Arc::new(d.clone()));
        for (n, f) in d.figures.iter().enumerate() {
            let word = f
                .source
                .quote
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 5)
                .max_by_key(|w| w.len())
                .unwrap_or(&f.text);
            let state = ViewState {
                q: word.into(),
                ..ViewState::default()
            };
            assert!(
                matching_figures(&d, &index, &state).contains(&n),
                "figure {} not found by {word:?}",
                f.id
            );
        }
    }

    /// The index of a Chinese edition, with the bundled translation file.
    fn chinese_index(d: &Dataset, locale: Locale) -> SearchIndex {
        let tr = crate::zh::tests::bundled(d, locale);
        SearchIndex::with_translations(Arc::new(d.clone()), Some((Arc::new(tr), locale)))
    }

    fn found(d: &Dataset, index: &SearchIndex, q: &str) -> Vec<String> {
        let state = ViewState {
            q: q.into(),
            ..ViewState::default()
        };
        ids(d, &select(d, index, &state))
    }

    #[test]
    fn both_scripts_find_both_scripts_and_english_still_works() {
        let d = data();
        for locale in [Locale::ZhHant, Locale::ZhHans] {
            let index = chinese_index(&d, locale);
            // (Traditional, Simplified, an item it must find)
            let cases = [
                ("數碼港", "数码港", "cyberport-5"),
                ("河套", "河套", "hsitp"),
                ("落馬洲", "落马洲", "hsitp"),
                ("科學園", "科学园", "science-park-rd-facilities"),
            ];
            for (hant, hans, item) in cases {
                let (a, b) = (found(&d, &index, hant), found(&d, &index, hans));
                assert!(
                    a.contains(&item.to_string()),
                    "{hant} ({locale:?}) misses {item}: {a:?}"
                );
                // Both scripts find exactly the same items.
                assert_eq!(a, b, "{hant} and {hans} differ ({locale:?})");
            }
            assert!(found(&d, &index, "Cyberport").contains(&"cyberport-5".to_string()));
        }
        // English search keeps finding everything it finds in English.
        let english = SearchIndex::new(Arc::new(d.clone()));
        let zh = chinese_index(&d, Locale::ZhHant);
        for q in ["loop", "2024", "cyberport", "fund", "science park"] {
            let (en, in_zh) = (found(&d, &english, q), found(&d, &zh, q));
            assert!(!en.is_empty(), "{q}");
            assert!(
                en.iter().all(|i| in_zh.contains(i)),
                "{q}: {en:?} vs {in_zh:?}"
            );
        }
    }

    #[test]
    fn chinese_amounts_find_the_figure_however_they_are_written() {
        let d = data();
        let target = d.figures.iter().position(|f| f.id == "f-p3-2").unwrap();
        // Amounts are indexed in every edition, so 億 works even before Chinese has loaded.
        for index in [
            SearchIndex::new(Arc::new(d.clone())),
            chinese_index(&d, Locale::ZhHans),
        ] {
            for q in ["263億", "263亿", "26.3億", "２６３億", "263 億"] {
                let state = ViewState {
                    q: q.into(),
                    ..ViewState::default()
                };
                assert!(
                    matching_figures(&d, &index, &state).contains(&target),
                    "{q} does not find HK$26.3 billion"
                );
            }
        }
    }

    #[test]
    fn chinese_dates_are_searchable_in_a_chinese_edition() {
        let d = data();
        let index = chinese_index(&d, Locale::ZhHant);
        let state = ViewState {
            q: "2024年年底".into(),
            ..ViewState::default()
        };
        assert!(!select(&d, &index, &state).is_empty());
    }

    #[test]
    fn highlights_fold_scripts() {
        let script = ScriptFold::new("数數码碼");
        let text = "位於數碼港的項目";
        let r = FoldedText::with_script(text, &script).ranges(&terms(&script.apply("数码港")));
        assert_eq!(
            r.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(),
            vec!["數碼港"]
        );
    }

    #[test]
    fn texts_are_folded_on_the_first_search_and_find_what_a_prepared_index_finds() {
        let d = data();
        let lazy = SearchIndex::new(Arc::new(d.clone()));
        let prepared = SearchIndex::new(Arc::new(d.clone()));
        prepared.prepare();
        // Filtering, sorting and counting without a search fold nothing.
        let state = ViewState {
            sort: Sort::Amount,
            from: Some(2022),
            ..ViewState::default()
        };
        assert_eq!(select(&d, &lazy, &state), select(&d, &prepared, &state));
        facet_counts(&d, &lazy, &state);
        assert!(matching_figures(&d, &lazy, &state).is_empty());
        assert!(lazy.texts.get().is_none(), "folded without a search");
        for q in ["loop", "1,070", "Cyberport fund", "數碼港", "absent words"] {
            let state = ViewState {
                q: q.into(),
                ..ViewState::default()
            };
            assert_eq!(
                select(&d, &lazy, &state),
                select(&d, &prepared, &state),
                "{q}"
            );
            assert_eq!(
                matching_figures(&d, &lazy, &state),
                matching_figures(&d, &prepared, &state),
                "{q}"
            );
        }
        assert!(lazy.texts.get().is_some());
    }

    #[test]
    fn facet_counts_sum_to_the_selection() {
        let d = data();
        let index = SearchIndex::new(Arc::new(d.clone()));
        let state = ViewState::default();
        let c = facet_counts(&d, &index, &state);
        let n = select(&d, &index, &state).len();
        assert_eq!(c.kinds.iter().map(|k| k.count).sum::<usize>(), n);
        assert_eq!(c.statuses.iter().map(|k| k.count).sum::<usize>(), n);
        assert_eq!(c.areas.iter().map(|k| k.count).sum::<usize>(), n);
    }

    #[test]
    fn sorting_by_amount_puts_the_largest_first() {
        let d = data();
        let index = SearchIndex::new(Arc::new(d.clone()));
        let state = ViewState {
            sort: Sort::Amount,
            ..ViewState::default()
        };
        let sel = select(&d, &index, &state);
        // Each item's largest HK$ figure, from the dataset; items without one last.
        let largest = |i: usize| {
            d.figures_of(&d.items[i].id)
                .filter(|f| f.unit == Unit::Hkd)
                .map(|f| f.value)
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
        };
        let amounts: Vec<Option<f64>> = sel.iter().map(|&i| largest(i)).collect();
        let known = amounts.iter().take_while(|a| a.is_some()).count();
        assert!(amounts[known..].iter().all(Option::is_none), "{amounts:?}");
        let amounts: Vec<f64> = amounts.into_iter().flatten().collect();
        assert!(
            known > 10 && amounts.windows(2).all(|w| w[0] >= w[1]),
            "{amounts:?}"
        );
        assert_eq!(sel.len(), d.items.len());
    }

    fn arb_state(d: &Dataset) -> impl Strategy<Value = ViewState> {
        let areas: Vec<String> = d.policy_areas.iter().map(|a| a.id.clone()).collect();
        let sites: Vec<String> = d.sites.iter().map(|a| a.id.clone()).collect();
        (
            proptest::sample::subsequence(areas.clone(), 0..3),
            proptest::sample::subsequence(ItemKind::ALL.to_vec(), 0..2),
            proptest::sample::subsequence(Status::ALL.to_vec(), 0..3),
            proptest::sample::subsequence(sites, 0..2),
            proptest::option::of(2015..2025i32),
            proptest::sample::select(vec!["", "fund", "smart", "hk$", "2021", "science park"]),
        )
            .prop_map(|(areas, kinds, statuses, sites, from, q)| ViewState {
                areas,
                kinds,
                statuses,
                sites,
                from,
                q: q.into(),
                ..ViewState::default()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// A combination of filters selects exactly the intersection of each filter alone.
        #[test]
        fn combined_filters_are_the_intersection_of_single_filters(state in arb_state(&data())) {
            let d = data();
            let index = SearchIndex::new(Arc::new(d.clone()));
            let all = select(&d, &index, &state);
            let singles = [
                ViewState { areas: state.areas.clone(), ..ViewState::default() },
                ViewState { kinds: state.kinds.clone(), ..ViewState::default() },
                ViewState { statuses: state.statuses.clone(), ..ViewState::default() },
                ViewState { sites: state.sites.clone(), ..ViewState::default() },
                ViewState { from: state.from, ..ViewState::default() },
                ViewState { q: state.q.clone(), ..ViewState::default() },
            ];
            let mut expected: Vec<usize> = (0..d.items.len()).collect();
            for s in &singles {
                let one = select(&d, &index, s);
                expected.retain(|i| one.contains(i));
            }
            prop_assert_eq!(all, expected);
        }

        /// Each facet value's count is the size of the selection if that value alone were chosen
        /// in its facet (with the other facets and the search as they are).
        #[test]
        fn facet_counts_match_selecting_each_value(state in arb_state(&data())) {
            let d = data();
            let index = SearchIndex::new(Arc::new(d.clone()));
            let counts = facet_counts(&d, &index, &state);
            for c in &counts.statuses {
                let s = ViewState { statuses: vec![c.value], ..state.clone() };
                prop_assert_eq!(c.count, select(&d, &index, &s).len());
            }
            for c in &counts.kinds {
                let s = ViewState { kinds: vec![c.value], ..state.clone() };
                prop_assert_eq!(c.count, select(&d, &index, &s).len());
            }
            for c in &counts.areas {
                let s = ViewState { areas: vec![c.value.clone()], ..state.clone() };
                prop_assert_eq!(c.count, select(&d, &index, &s).len());
            }
        }
    }
}
