//! Filtering, search and facet counts: which items the current view state selects.
//!
//! Every view (list, timeline, map, charts) shows the same selection, computed here once per
//! state change. Search text is folded (see `text::fold`) and precomputed per item in a
//! [`SearchIndex`], so a keystroke costs one pass of substring tests.

use crate::dates;
use crate::model::{Dataset, Initiative, ItemKind, Status, Unit};
use crate::text::fold;
use crate::view_state::{Sort, ViewState};

/// Folded searchable text of every item, built once per dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchIndex {
    haystacks: Vec<String>,
    /// Milestone year span of each item (min start year, max end year), if dated.
    years: Vec<Option<(i32, i32)>>,
    /// First milestone day of each item, for sorting by date.
    first_day: Vec<Option<i32>>,
    /// Largest HK$ figure of each item, for sorting by amount.
    max_amount: Vec<Option<f64>>,
}

impl SearchIndex {
    pub fn new(data: &Dataset) -> SearchIndex {
        let mut haystacks = Vec::with_capacity(data.items.len());
        let mut years = Vec::with_capacity(data.items.len());
        let mut first_day = Vec::with_capacity(data.items.len());
        let mut max_amount = Vec::with_capacity(data.items.len());
        for item in &data.items {
            let mut text = String::new();
            let mut add = |s: &str| {
                text.push_str(s);
                text.push('\n');
            };
            add(&item.title);
            add(&item.summary);
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
            let mut amount: Option<f64> = None;
            for f in data.figures_of(&item.id) {
                add(&f.text);
                add(&f.measure);
                add(&f.source.quote);
                if let Some(p) = &f.period {
                    add(p);
                }
                if f.unit == Unit::Hkd {
                    amount = Some(amount.map_or(f.value, |a| a.max(f.value)));
                }
            }
            let mut span: Option<(i32, i32)> = None;
            let mut first: Option<i32> = None;
            for m in data.milestones_of(&item.id) {
                add(&m.label);
                add(&m.date.text);
                add(&m.source.quote);
                if let (Some(a), Some(b)) =
                    (dates::year_of(&m.date.start), dates::year_of(&m.date.end))
                {
                    span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
                }
                if let Some(d) = dates::day_number(&m.date.start) {
                    first = Some(first.map_or(d, |f| f.min(d)));
                }
            }
            haystacks.push(fold(&text));
            years.push(span);
            first_day.push(first);
            max_amount.push(amount);
        }
        SearchIndex {
            haystacks,
            years,
            first_day,
            max_amount,
        }
    }
}

/// The folded search terms of a query: every word must occur.
pub fn terms(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
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
    if on(Facet::Search)
        && !terms
            .iter()
            .all(|t| index.haystacks[i].contains(t.as_str()))
    {
        return false;
    }
    true
}

/// Indices of the items the state selects, in the state's sort order.
pub fn select(data: &Dataset, index: &SearchIndex, state: &ViewState) -> Vec<usize> {
    let terms = terms(&state.q);
    let mut out: Vec<usize> = (0..data.items.len())
        .filter(|&i| passes(data, index, &terms, state, i, None))
        .collect();
    match state.sort {
        Sort::Paper => {}
        Sort::Date => out.sort_by_key(|&i| (index.first_day[i].is_none(), index.first_day[i])),
        Sort::Amount => out.sort_by(|&a, &b| {
            let (x, y) = (index.max_amount[a], index.max_amount[b]);
            y.partial_cmp(&x)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(x.is_none().cmp(&y.is_none()))
        }),
    }
    out
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
    let terms = terms(&state.q);
    let pool = |skip: Facet| -> Vec<usize> {
        (0..data.items.len())
            .filter(|&i| passes(data, index, &terms, state, i, Some(skip)))
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
    // Fold character by character, keeping the source byte range of each folded byte.
    let mut folded = String::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let end = start + c.len_utf8();
        let piece = fold(&c.to_string());
        // Digit-group separators inside numbers vanish in `fold`; mirror that here.
        let between_digits = (c == ',' || c.is_whitespace())
            && folded.ends_with(|p: char| p.is_ascii_digit())
            && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
        if between_digits {
            continue;
        }
        let piece = if c.is_whitespace() {
            if folded.ends_with(' ') || folded.is_empty() {
                continue;
            }
            " ".to_string()
        } else {
            piece
        };
        for _ in 0..piece.len() {
            origin.push((start, end));
        }
        folded.push_str(&piece);
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms {
        let mut from = 0;
        while let Some(pos) = folded[from..].find(term.as_str()) {
            let a = from + pos;
            let b = a + term.len();
            ranges.push((origin[a].0, origin[b - 1].1));
            from = b;
        }
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn highlights_overlapping_terms_merge() {
        let text = "Science Park";
        let r = highlight_ranges(text, &terms("scien science"));
        assert_eq!(r, vec![(0, 7)]);
    }
}
