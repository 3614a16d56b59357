//! The view state and its URL query string: the single source of what the user sees.
//!
//! Parsing never fails: unknown parameters and invalid values are dropped and reported as
//! [`Notice`]s, so a mangled link still opens the app with a visible explanation.
//! `to_query(parse(q))` is canonical (fixed order, defaults omitted), which keeps links short
//! and lets tests compare URLs.

use crate::i18n::Locale;
use crate::model::{Dataset, ItemKind, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Explore,
    Timeline,
    Map,
    Charts,
    Source,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Explore,
        View::Timeline,
        View::Map,
        View::Charts,
        View::Source,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            View::Explore => "explore",
            View::Timeline => "timeline",
            View::Map => "map",
            View::Charts => "charts",
            View::Source => "source",
        }
    }
    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Result order of the item list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// The order of the paper (paragraphs, then the Annex).
    #[default]
    Paper,
    /// Earliest milestone first; undated items last.
    Date,
    /// Largest HK$ figure first.
    Amount,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Paper, Sort::Date, Sort::Amount];
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Paper => "paper",
            Sort::Date => "date",
            Sort::Amount => "amount",
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Which HK$ amounts the money chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum MoneyView {
    #[default]
    Committed,
    Disbursed,
}

impl MoneyView {
    pub fn as_str(self) -> &'static str {
        match self {
            MoneyView::Committed => "committed",
            MoneyView::Disbursed => "disbursed",
        }
    }
    pub fn parse(s: &str) -> Option<MoneyView> {
        [MoneyView::Committed, MoneyView::Disbursed]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// How the timeline is shown: the drawn axis or the ordered list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimelineMode {
    Axis,
    List,
}

impl TimelineMode {
    pub fn as_str(self) -> &'static str {
        match self {
            TimelineMode::Axis => "axis",
            TimelineMode::List => "list",
        }
    }
    pub fn parse(s: &str) -> Option<TimelineMode> {
        [TimelineMode::Axis, TimelineMode::List]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Everything that selects what is shown. Filters are shared by every view.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub view: View,
    pub lang: Locale,
    /// Free-text search.
    pub q: String,
    pub areas: Vec<String>,
    pub kinds: Vec<ItemKind>,
    pub statuses: Vec<Status>,
    pub sites: Vec<String>,
    pub orgs: Vec<String>,
    /// Milestone year range (inclusive): items with a milestone in it.
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub sort: Sort,
    /// The open item (details panel), or in the Source view the item whose quote is highlighted.
    pub item: Option<String>,
    /// The paragraph the Source view scrolls to.
    pub para: Option<String>,
    /// The map's selected site (site panel).
    pub place: Option<String>,
    /// Timeline zoom window as (start, end) in months since year 0 (year*12 + month-1).
    pub zoom: Option<(i32, i32)>,
    /// Timeline presentation; none means "by screen width".
    pub timeline_mode: Option<TimelineMode>,
    /// Timeline lanes folded to one row, by policy area id.
    pub fold: Vec<String>,
    pub money: MoneyView,
}

/// A parameter that was dropped, and why; shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub reason: NoticeReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeReason {
    UnknownParameter,
    InvalidValue,
    UnknownId,
    /// A one-value parameter given again: this earlier value gave way to the last one.
    Repeated,
    /// The search was longer than [`MAX_SEARCH`] characters and was cut.
    Shortened,
}

/// Longest search, in characters, read from and written to the URL alike.
pub const MAX_SEARCH: usize = 200;
/// Longest value a notice quotes, in characters (a notice must stay readable).
pub const NOTICE_VALUE_CHARS: usize = 60;
/// Most notices listed; the rest are counted.
pub const MAX_NOTICES: usize = 20;

/// The search as kept and written: at most [`MAX_SEARCH`] characters.
pub fn clip_search(q: &str) -> &str {
    match q.char_indices().nth(MAX_SEARCH) {
        Some((at, _)) => &q[..at],
        None => q,
    }
}

/// The notices to list (at most [`MAX_NOTICES`]) and how many more there are.
pub fn capped(notices: &[Notice]) -> (&[Notice], usize) {
    let n = notices.len().min(MAX_NOTICES);
    (&notices[..n], notices.len() - n)
}

impl Notice {
    /// A notice quoting at most [`NOTICE_VALUE_CHARS`] of the parameter and of its value.
    pub fn new(param: &str, value: &str, reason: NoticeReason) -> Notice {
        Notice {
            param: crate::check::shorten(param, NOTICE_VALUE_CHARS),
            value: crate::check::shorten(value, NOTICE_VALUE_CHARS),
            reason,
        }
    }
}

/// Decodes `application/x-www-form-urlencoded` text ("+" is a space, %XX bytes as UTF-8).
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query component, leaving the characters that are safe and readable in a URL.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn split_list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Parses "2017-01" into months since year 0.
fn parse_month(s: &str) -> Option<i32> {
    let (y, m) = s.split_once('-')?;
    let y: i32 = y.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    ((1..=12).contains(&m) && (1900..=2200).contains(&y)).then_some(y * 12 + m - 1)
}

/// Months since year 0 as "2017-01" (the form of the `zoom` parameter).
pub fn format_month(m: i32) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// Parameters that take one value: a repeat replaces the earlier one, with a notice.
const ONE_VALUE: [&str; 12] = [
    "view", "lang", "q", "from", "to", "sort", "item", "para", "place", "zoom", "tl", "money",
];

fn parse_year(s: &str) -> Option<i32> {
    s.parse().ok().filter(|y| (1900..=2200).contains(y))
}

impl ViewState {
    /// Reads a query string (with or without the leading "?"). Syntactic checks only; ids are
    /// checked against the dataset by [`ViewState::retain_known`].
    pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
        let mut s = ViewState::default();
        let mut notices = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        // Values of the one-value parameters seen so far, to report a repeat.
        let mut seen: Vec<(String, String)> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode_component(k);
            let value = decode_component(v);
            let bad = |notices: &mut Vec<Notice>, value: &str| {
                notices.push(Notice::new(&key, value, NoticeReason::InvalidValue))
            };
            if ONE_VALUE.contains(&key.as_str()) {
                if let Some((_, earlier)) = seen.iter_mut().find(|(k, _)| *k == key) {
                    let earlier = std::mem::replace(earlier, value.clone());
                    notices.push(Notice::new(&key, &earlier, NoticeReason::Repeated));
                } else {
                    seen.push((key.clone(), value.clone()));
                }
            }
            match key.as_str() {
                "view" => match View::parse(&value) {
                    Some(view) => s.view = view,
                    None => bad(&mut notices, &value),
                },
                "lang" => match Locale::parse(&value) {
                    Some(l) => s.lang = l,
                    None => bad(&mut notices, &value),
                },
                "q" => {
                    s.q = clip_search(&value).to_string();
                    if s.q.len() < value.len() {
                        notices.push(Notice::new(&key, &value, NoticeReason::Shortened));
                    }
                }
                "area" => s.areas.extend(split_list(&value).map(String::from)),
                "site" => s.sites.extend(split_list(&value).map(String::from)),
                "org" => s.orgs.extend(split_list(&value).map(String::from)),
                "kind" => {
                    for v in split_list(&value) {
                        match ItemKind::parse(v) {
                            Some(k) if !s.kinds.contains(&k) => s.kinds.push(k),
                            Some(_) => {}
                            None => bad(&mut notices, v),
                        }
                    }
                }
                "status" => {
                    for v in split_list(&value) {
                        match Status::parse(v) {
                            Some(st) if !s.statuses.contains(&st) => s.statuses.push(st),
                            Some(_) => {}
                            None => bad(&mut notices, v),
                        }
                    }
                }
                "from" => match parse_year(&value) {
                    Some(y) => s.from = Some(y),
                    None => bad(&mut notices, &value),
                },
                "to" => match parse_year(&value) {
                    Some(y) => s.to = Some(y),
                    None => bad(&mut notices, &value),
                },
                "sort" => match Sort::parse(&value) {
                    Some(v) => s.sort = v,
                    None => bad(&mut notices, &value),
                },
                "item" if !value.is_empty() => s.item = Some(value.clone()),
                "para" if !value.is_empty() => s.para = Some(value.clone()),
                "place" if !value.is_empty() => s.place = Some(value.clone()),
                "zoom" => {
                    let parsed = value
                        .split_once(',')
                        .and_then(|(a, b)| Some((parse_month(a)?, parse_month(b)?)))
                        .filter(|(a, b)| a < b);
                    match parsed {
                        Some(z) => s.zoom = Some(z),
                        None => bad(&mut notices, &value),
                    }
                }
                "fold" => s.fold.extend(split_list(&value).map(String::from)),
                "tl" => match TimelineMode::parse(&value) {
                    Some(m) => s.timeline_mode = Some(m),
                    None => bad(&mut notices, &value),
                },
                "money" => match MoneyView::parse(&value) {
                    Some(m) => s.money = m,
                    None => bad(&mut notices, &value),
                },
                _ => notices.push(Notice::new(&key, &value, NoticeReason::UnknownParameter)),
            }
        }
        if let (Some(f), Some(t)) = (s.from, s.to) {
            if f > t {
                notices.push(Notice::new(
                    "from",
                    &format!("{f} > {t}"),
                    NoticeReason::InvalidValue,
                ));
                s.from = None;
                s.to = None;
            }
        }
        dedup(&mut s.areas);
        dedup(&mut s.sites);
        dedup(&mut s.orgs);
        dedup(&mut s.fold);
        (s, notices)
    }

    /// Drops ids that the dataset does not have, reporting each.
    pub fn retain_known(&mut self, data: &Dataset) -> Vec<Notice> {
        let mut notices = Vec::new();
        let mut keep = |param: &str, list: &mut Vec<String>, known: &dyn Fn(&str) -> bool| {
            list.retain(|id| {
                let ok = known(id);
                if !ok {
                    notices.push(Notice::new(param, id, NoticeReason::UnknownId));
                }
                ok
            })
        };
        keep("area", &mut self.areas, &|id| data.area(id).is_some());
        keep("site", &mut self.sites, &|id| data.site(id).is_some());
        keep("org", &mut self.orgs, &|id| data.organisation(id).is_some());
        keep("fold", &mut self.fold, &|id| data.area(id).is_some());
        let mut one = |param: &str, v: &mut Option<String>, known: bool| {
            if let (Some(id), false) = (v.as_ref(), known) {
                notices.push(Notice::new(param, id, NoticeReason::UnknownId));
                *v = None;
            }
        };
        let item_ok = self
            .item
            .as_deref()
            .is_none_or(|id| data.item(id).is_some());
        one("item", &mut self.item, item_ok);
        let para_ok = self
            .para
            .as_deref()
            .is_none_or(|id| data.paragraph(id).is_some());
        one("para", &mut self.para, para_ok);
        let place_ok = self
            .place
            .as_deref()
            .is_none_or(|id| data.site(id).is_some());
        one("place", &mut self.place, place_ok);
        notices
    }

    /// The canonical query string ("" for the default state, else starting with "?").
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if self.view != View::Explore {
            parts.push(("view", self.view.as_str().into()));
        }
        if self.lang != Locale::En {
            parts.push(("lang", self.lang.as_str().into()));
        }
        if !self.q.is_empty() {
            parts.push(("q", clip_search(&self.q).to_string()));
        }
        let join = |v: &[&str]| v.join(",");
        if !self.areas.is_empty() {
            parts.push(("area", self.areas.join(",")));
        }
        if !self.kinds.is_empty() {
            let v: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
            parts.push(("kind", join(&v)));
        }
        if !self.statuses.is_empty() {
            let v: Vec<&str> = self.statuses.iter().map(|k| k.as_str()).collect();
            parts.push(("status", join(&v)));
        }
        if !self.sites.is_empty() {
            parts.push(("site", self.sites.join(",")));
        }
        if !self.orgs.is_empty() {
            parts.push(("org", self.orgs.join(",")));
        }
        if let Some(f) = self.from {
            parts.push(("from", f.to_string()));
        }
        if let Some(t) = self.to {
            parts.push(("to", t.to_string()));
        }
        if self.sort != Sort::Paper {
            parts.push(("sort", self.sort.as_str().into()));
        }
        if let Some(i) = &self.item {
            parts.push(("item", i.clone()));
        }
        if let Some(p) = &self.para {
            parts.push(("para", p.clone()));
        }
        if let Some(p) = &self.place {
            parts.push(("place", p.clone()));
        }
        if let Some((a, b)) = self.zoom {
            parts.push(("zoom", format!("{},{}", format_month(a), format_month(b))));
        }
        if let Some(m) = self.timeline_mode {
            parts.push(("tl", m.as_str().into()));
        }
        if !self.fold.is_empty() {
            parts.push(("fold", self.fold.join(",")));
        }
        if self.money != MoneyView::Committed {
            parts.push(("money", self.money.as_str().into()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let body: Vec<String> = parts
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_component(v)))
            .collect();
        format!("?{}", body.join("&"))
    }

    /// True when any filter or search narrows the items.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.areas.is_empty()
            || !self.kinds.is_empty()
            || !self.statuses.is_empty()
            || !self.sites.is_empty()
            || !self.orgs.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// The same view with every filter and the search removed.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            view: self.view,
            lang: self.lang,
            sort: self.sort,
            zoom: self.zoom,
            timeline_mode: self.timeline_mode,
            fold: self.fold.clone(),
            money: self.money,
            ..ViewState::default()
        }
    }

    /// Whether going from `self` to `next` deserves a history entry: typing in the search box
    /// replaces the entry instead, so Back does not replay keystrokes.
    pub fn is_new_history_entry(&self, next: &ViewState) -> bool {
        let mut a = self.clone();
        a.q = next.q.clone();
        a != *next
    }
}

/// Adds `v` to the list, or removes it when present (a facet option, a folded lane).
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, v: T) {
    match list.iter().position(|x| *x == v) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(v),
    }
}

fn dedup(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_state_has_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        let (s, n) = ViewState::parse("");
        assert_eq!(s, ViewState::default());
        assert!(n.is_empty());
    }

    #[test]
    fn round_trips_every_parameter() {
        let q = "?view=timeline&lang=zh-hant&q=lok+ma+chau%26loop&area=a1,t-land&kind=new&status=planned,under_way&site=san_tin&org=hkstpc&from=2018&to=2024&sort=amount&item=hsitp&para=p8&place=cyberport&zoom=2017-01,2025-06&tl=list&fold=a1,a3&money=disbursed";
        let (s, n) = ViewState::parse(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.view, View::Timeline);
        assert_eq!(s.q, "lok ma chau&loop");
        assert_eq!(s.statuses, vec![Status::Planned, Status::UnderWay]);
        assert_eq!(s.zoom, Some((2017 * 12, 2025 * 12 + 5)));
        assert_eq!(s.fold, vec!["a1", "a3"]);
        assert_eq!(s.to_query(), q);
    }

    #[test]
    fn bad_values_are_dropped_with_notices() {
        let (s, n) =
            ViewState::parse("view=nope&status=done,planned&bogus=1&from=abc&zoom=2020-13,2021-01");
        assert_eq!(s.view, View::Explore);
        assert_eq!(s.statuses, vec![Status::Planned]);
        let params: Vec<&str> = n.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, vec!["view", "status", "bogus", "from", "zoom"]);
        assert_eq!(n[2].reason, NoticeReason::UnknownParameter);
    }

    #[test]
    fn reversed_year_range_is_dropped() {
        let (s, n) = ViewState::parse("from=2024&to=2018");
        assert_eq!((s.from, s.to), (None, None));
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn decoding_handles_utf8_and_broken_escapes() {
        assert_eq!(decode_component("%E5%89%8D%E6%B5%B7"), "前海");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz"), "%zz");
        assert_eq!(decode_component("a+b"), "a b");
    }

    #[test]
    fn typing_replaces_history_but_filters_push() {
        let a = ViewState::default();
        let mut b = a.clone();
        b.q = "loop".into();
        assert!(!a.is_new_history_entry(&b));
        b.kinds.push(ItemKind::NewInitiative);
        assert!(a.is_new_history_entry(&b));
    }

    #[test]
    fn notices_quote_short_values_and_are_capped() {
        let long = "x".repeat(100_000);
        let (_, n) = ViewState::parse(&format!("{long}={long}"));
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].param.chars().count(), NOTICE_VALUE_CHARS + 1);
        assert!(n[0].value.ends_with('…'));
        let ids: Vec<String> = (0..5000).map(|i| format!("x{i}")).collect();
        let (mut s, _) = ViewState::parse(&format!("area={}", ids.join(",")));
        let data = crate::model::Dataset::from_json(
            &std::fs::read_to_string("public/data/policy-2021.json").unwrap(),
        )
        .unwrap();
        let n = s.retain_known(&data);
        assert_eq!(n.len(), 5000);
        let (shown, more) = capped(&n);
        assert_eq!((shown.len(), more), (MAX_NOTICES, 5000 - MAX_NOTICES));
        assert_eq!(capped(&n[..3]), (&n[..3], 0));
    }

    #[test]
    fn repeated_parameters_are_reported() {
        let (s, n) = ViewState::parse("view=map&view=charts&area=a1&area=a2&q=a&q=b");
        assert_eq!(s.view, View::Charts);
        assert_eq!(s.q, "b");
        assert_eq!(s.areas, vec!["a1", "a2"], "list parameters add up");
        assert_eq!(
            n,
            vec![
                Notice::new("view", "map", NoticeReason::Repeated),
                Notice::new("q", "a", NoticeReason::Repeated),
            ]
        );
    }

    #[test]
    fn the_search_limit_applies_on_read_and_on_write() {
        let long = "前".repeat(MAX_SEARCH + 50);
        let (s, n) = ViewState::parse(&format!("q={}", encode_component(&long)));
        assert_eq!(s.q.chars().count(), MAX_SEARCH);
        assert_eq!(n[0].reason, NoticeReason::Shortened);
        let written = ViewState {
            q: long.clone(),
            ..ViewState::default()
        }
        .to_query();
        let (back, n) = ViewState::parse(&written);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(back.q, clip_search(&long));
    }
}
