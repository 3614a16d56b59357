//! The result list: the selected items with their key facts, search matches highlighted; and
//! the figures whose sentence matches the search. Both are plain DOM (`super::dom`): one
//! binding per list keeps the rows by key and updates what changed in them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{self, Row};
use super::{url, use_loaded, Ctx, Loaded};
use crate::filter::{highlight_ranges, matching_figures, snippet, FoldedText};
use crate::format;
use crate::i18n::{
    bracketed, kind_key, labelled, paragraph_label, quote_marks, quoted, results_count, show_all,
    status_key, t, Key, Locale,
};
use crate::view_state::{View, ViewState};

/// Rows drawn before "Show all": a page of search results. Building the rows that a keystroke
/// brings in is most of its cost, and ten rows fill two screens.
const FIRST_ROWS: usize = 10;

/// The results: their count (announced), the first rows and "Show all", or why there are none.
pub fn result_list(ctx: Ctx) -> Element {
    let loaded = use_loaded();
    let total = loaded.data.items.len();
    let selection = loaded.selection;
    let index = loaded.index.clone();
    let query_terms = Memo::new(move |_| ctx.with(|s| index.terms(&s.q)));
    // The first rows are drawn at once and the rest on request, so a keystroke never has to
    // build the whole list (row creation is what costs time while typing).
    let all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        selection.with(|s| {
            s.iter()
                .copied()
                .take(if all.get() { usize::MAX } else { FIRST_ROWS })
                .collect::<Vec<_>>()
        })
    });
    let any = Memo::new(move |_| selection.with(|s| !s.is_empty()));
    let more = Memo::new(move |_| selection.with(Vec::len) > shown.with(Vec::len));
    let title = ctx.id("results-title");
    let section = dom::element(
        "section",
        &[("class", "itpe-results"), ("aria-labelledby", &title)],
        None,
    );
    let heading = ctx.add_heading(&section, 1, "itpe-visually-hidden");
    dom::set(&heading, "id", Some(&title));
    ctx.add_text(&heading, Key::Results);
    let count = dom::add(
        &section,
        "p",
        &[
            ("class", "itpe-result-count"),
            ("role", "status"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
        ],
        None,
    );
    dom::bound_text(&count, move || {
        results_count(ctx.locale(), selection.with(Vec::len), total)
    });
    dom::slot(&section, move || {
        let loaded = use_loaded();
        any.get()
            .then(|| untrack(|| result_rows(ctx, loaded, shown, query_terms)))
    });
    dom::slot(&section, move || {
        (any.get() && more.get()).then(|| {
            let attrs = [
                ("type", "button"),
                ("class", "itpe-button-secondary itpe-show-all"),
            ];
            let button = dom::element("button", &attrs, None);
            dom::bound_text(&button, move || {
                show_all(ctx.locale(), selection.with(Vec::len))
            });
            dom::on(&button, "click", move |_| all.set(true));
            button
        })
    });
    dom::slot(&section, move || {
        (!any.get()).then(|| untrack(|| empty_results(ctx)))
    });
    section
}

/// The `<ol>` of results. Keyed: a keystroke adds and removes rows and updates their links and
/// highlights, but does not rebuild the rows that stay. Rebuilt when the interface language
/// changes (the rows' labels and figures are in it).
fn result_rows(
    ctx: Ctx,
    loaded: Loaded,
    shown: Memo<Vec<usize>>,
    terms: Memo<Vec<String>>,
) -> Element {
    let ol = dom::element("ol", &[("class", "itpe-result-list")], None);
    let list = ol.clone();
    dom::bind_rows(move |drawn| {
        let make = |i, locale| ResultRow::new(ctx, &loaded, locale, i);
        follow(ctx, &list, drawn, shown, terms, make)
    });
    // One listener for every row's link: a plain click opens the item in place.
    dom::on(&ol, "click", move |ev| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("a[data-item-link]").ok().flatten());
        let Some(link) = link else { return };
        let modified = ev
            .dyn_ref::<web_sys::MouseEvent>()
            .is_some_and(super::hooks::is_modified_click);
        if modified {
            return;
        }
        ev.prevent_default();
        let id = link.get_attribute("data-item-link");
        ctx.update(move |s| s.item = id);
    });
    ol
}

/// A row that follows the state (its link) and the search terms (its marks).
trait Follows: Row {
    fn update(&mut self, ctx: Ctx, state: &ViewState, terms: &[String]);
}

/// The body of a keyed list's binding: the rows of `shown` in `list`, in order, made by `make`
/// in the interface language (all anew when it changes), each brought up to date.
fn follow<R: Follows>(
    ctx: Ctx,
    list: &Element,
    drawn: dom::Drawn<R>,
    shown: Memo<Vec<usize>>,
    terms: Memo<Vec<String>>,
    mut make: impl FnMut(usize, Locale) -> R,
) -> (Locale, Vec<(usize, R)>) {
    let locale = ctx.locale();
    let mut rows = dom::kept(list, drawn, locale);
    shown.with(|keys| dom::sync(list, &mut rows, keys, |k| make(k, locale)));
    let state = ctx.state().get();
    terms.with(|t| {
        for (_, row) in &mut rows {
            row.update(ctx, &state, t);
        }
    });
    (locale, rows)
}

/// One result: the item's title (a link to its details), status, kind, area, summary, up to
/// three key figures, sites, and the quote when the search matched only there.
struct ResultRow {
    li: Element,
    link: Element,
    summary: Element,
    id: String,
    title: (String, FoldedText),
    summary_text: (String, FoldedText),
    quote: String,
    /// The title and summary folded: a term missing from both is found in the quote.
    shown_folded: String,
    /// What was last drawn: the link's target, whether it is the open item, the terms.
    drawn: Option<(String, bool, Vec<String>)>,
    /// The marks last drawn in the title and in the summary.
    ranges: [Vec<(usize, usize)>; 2],
    quote_el: Option<Element>,
}

impl Row for ResultRow {
    fn el(&self) -> &Element {
        &self.li
    }
}

impl ResultRow {
    fn new(ctx: Ctx, loaded: &Loaded, locale: Locale, i: usize) -> ResultRow {
        let (data, index) = (&loaded.data, &loaded.index);
        let item = &data.items[i];
        let lang = loaded.text_locale.html_lang();
        let li = dom::element(
            "li",
            &[("class", "itpe-result"), ("data-item", &item.id)],
            None,
        );
        let heading = dom::add(
            &li,
            ctx.heading(2),
            &[
                (
                    "class",
                    &format!("{} itpe-result-title", super::heading_class(2)),
                ),
                ("lang", lang),
            ],
            None,
        );
        let link = dom::add(&heading, "a", &[("data-item-link", &item.id)], None);
        let meta = dom::add(&li, "p", &[("class", "itpe-result-meta")], None);
        status_tag(&meta, locale, item.status);
        dom::text(&meta, " ");
        dom::add(&meta, "span", &[], Some(t(locale, kind_key(item.kind))));
        dom::text(&meta, " · ");
        let area = data.area(&item.area).map_or("", |a| a.name.as_str());
        dom::add(&meta, "span", &[("lang", lang)], Some(area));
        let summary = dom::add(
            &li,
            "p",
            &[("class", "itpe-result-summary"), ("lang", lang)],
            None,
        );
        let mut figures = data.figures_of(&item.id).take(3).peekable();
        if figures.peek().is_some() {
            let ul = dom::add(&li, "ul", &[("class", "itpe-key-figures")], None);
            for f in figures {
                dom::add(&ul, "li", &[], Some(&format::figure_in(locale, f)));
            }
        }
        let sites: Vec<&str> = item
            .sites
            .iter()
            .filter_map(|id| data.site(id))
            .map(|s| s.short_name.as_str())
            .collect();
        if !sites.is_empty() {
            let p = dom::add(&li, "p", &[("class", "itpe-result-sites")], None);
            let label = labelled(locale, t(locale, Key::Sites), "");
            dom::add(
                &p,
                "span",
                &[("class", "itpe-visually-hidden")],
                Some(&label),
            );
            dom::add(&p, "span", &[("lang", lang)], Some(&sites.join(" · ")));
        }
        let folded = |text: &str| (text.to_string(), index.folded_text(text));
        ResultRow {
            li,
            link,
            summary,
            id: item.id.clone(),
            title: folded(&item.title),
            summary_text: folded(&item.summary),
            quote: item.source.quote.clone(),
            shown_folded: index.fold(&format!("{} {}", item.title, item.summary)),
            drawn: None,
            ranges: [Vec::new(), Vec::new()],
            quote_el: None,
        }
    }
}

impl Follows for ResultRow {
    /// Follows the state: the link carries the current filters (for opening in a new tab), the
    /// open item is marked, and the search terms are highlighted.
    fn update(&mut self, ctx: Ctx, state: &ViewState, terms: &[String]) {
        let mut target = state.clone();
        target.item = Some(self.id.clone());
        let href = url::href(ctx.instance, &target);
        let open = state.item.as_deref() == Some(self.id.as_str());
        let (old_href, old_open, old_terms) = match &self.drawn {
            Some((h, o, t)) => (Some(h.as_str()), Some(*o), Some(t.as_slice())),
            None => (None, None, None),
        };
        if old_href != Some(href.as_str()) {
            dom::set(&self.link, "href", Some(&href));
        }
        if old_open != Some(open) {
            // Toggling a fixed class name cannot fail.
            let _ = self.li.class_list().toggle_with_force("itpe-open", open);
            dom::set(&self.link, "aria-current", open.then_some("true"));
        }
        if old_terms != Some(terms) {
            self.mark(ctx.locale(), terms, old_terms.is_none());
        }
        self.drawn = Some((href, open, terms.to_vec()));
    }
}

impl ResultRow {
    /// Highlights `terms` in the title and summary (only where the marks moved, or on the first
    /// drawing) and shows the quote when the title and summary do not hold every term.
    fn mark(&mut self, locale: Locale, terms: &[String], first: bool) {
        let texts = [
            (&self.title, &self.link),
            (&self.summary_text, &self.summary),
        ];
        for (((text, folded), el), drawn) in texts.into_iter().zip(&mut self.ranges) {
            let ranges = folded.ranges(terms);
            if first || ranges != *drawn {
                dom::marked(el, text, &ranges);
                *drawn = ranges;
            }
        }
        if let Some(q) = self.quote_el.take() {
            q.remove();
        }
        let needed = terms
            .iter()
            .any(|term| !self.shown_folded.contains(term.as_str()));
        if needed && !terms.is_empty() {
            let (open, close) = quote_marks(locale);
            let p = dom::add(&self.li, "p", &[("class", "itpe-result-quote")], Some(open));
            let span = dom::add(&p, "span", &[("lang", "en")], None);
            let text = snippet(&self.quote, terms, 90);
            dom::marked(&span, &text, &highlight_ranges(&text, terms));
            dom::text(&p, close);
            self.quote_el = Some(p);
        }
    }
}

/// A status as a coloured tag (colour is never the only cue: the word is there); the DOM twin
/// of [`super::StatusTag`].
fn status_tag(parent: &Element, locale: Locale, status: crate::model::Status) {
    let class = format!("itpe-tag itpe-tag-{}", status.as_str());
    dom::add(
        parent,
        "span",
        &[("class", &class), ("data-status", status.as_str())],
        Some(t(locale, status_key(status))),
    );
}

/// Figures whose own sentence matches the search: the context statistics of paragraphs 2-15
/// belong to no item, and this is where a search for "1 070" finds them. Keyed like the
/// result list: a keystroke updates the snippets of the figures that stay. While typing, they
/// follow a frame after the results ([`super::Loaded::lagging`]). `parent` gets a place for
/// them, filled while any figure matches.
pub fn figure_matches(ctx: Ctx, parent: &Element) {
    let loaded = use_loaded();
    let (data, index, state) = (loaded.data.clone(), loaded.index.clone(), loaded.lagging);
    let found = Memo::new(move |_| state.with(|s| matching_figures(&data, &index, s)));
    let shown = Memo::new(move |_| found.with(|f| f.iter().copied().take(12).collect::<Vec<_>>()));
    let any = Memo::new(move |_| found.with(|f| !f.is_empty()));
    let index = loaded.index.clone();
    let terms = Memo::new(move |_| state.with(|s| index.terms(&s.q)));
    dom::slot(parent, move || {
        let loaded = use_loaded();
        any.get().then(|| {
            untrack(|| {
                let title = ctx.id("figure-matches");
                let attrs = [
                    ("class", "itpe-figure-matches"),
                    ("aria-labelledby", &title),
                ];
                let section = dom::element("section", &attrs, None);
                let heading = ctx.add_heading(&section, 2, "");
                dom::set(&heading, "id", Some(&title));
                dom::bound_text(&heading, move || {
                    let n = bracketed(ctx.locale(), &found.with(Vec::len).to_string());
                    format!("{}{n}", ctx.t(Key::FiguresMatching))
                });
                dom::placed(&section, figure_rows(ctx, loaded, shown, terms));
                section
            })
        })
    });
}

/// The `<ul>` of matching figures, kept by key like [`result_rows`].
fn figure_rows(
    ctx: Ctx,
    loaded: Loaded,
    shown: Memo<Vec<usize>>,
    terms: Memo<Vec<String>>,
) -> Element {
    let ul = dom::element("ul", &[], None);
    let data = loaded.data.clone();
    let list = ul.clone();
    dom::bind_rows(move |drawn| {
        let make = |f, locale| FigureRow::new(&loaded, locale, f);
        follow(ctx, &list, drawn, shown, terms, make)
    });
    // One listener for every row's link to its paragraph in the Source view.
    dom::on(&ul, "click", move |ev| {
        let figure = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .filter(|t| t.closest("a").ok().flatten().is_some())
            .and_then(|t| t.closest("li[data-figure]").ok().flatten())
            .and_then(|li| li.get_attribute("data-figure"));
        let Some(para) = figure.and_then(|id| data.figures.iter().find(|f| f.id == id)) else {
            return;
        };
        ev.prevent_default();
        let para = para.source.paragraph.clone();
        ctx.update(|s| to_paragraph(s, para));
    });
    ul
}

/// The Source view at paragraph `para`.
fn to_paragraph(s: &mut ViewState, para: String) {
    s.view = View::Source;
    s.para = Some(para);
    s.item = None;
}

/// One matching figure: its value, measure, the sentence around the match, and a link to its
/// paragraph.
struct FigureRow {
    li: Element,
    excerpt: Element,
    link: Element,
    para: String,
    quote: String,
    /// The link's target and the terms last drawn.
    drawn: Option<(String, Vec<String>)>,
}

impl Row for FigureRow {
    fn el(&self) -> &Element {
        &self.li
    }
}

impl FigureRow {
    fn new(loaded: &Loaded, locale: Locale, figure: usize) -> FigureRow {
        let data = &loaded.data;
        let fig = &data.figures[figure];
        let para = fig.source.paragraph.clone();
        let label = data.paragraph(&para).map_or("", |p| p.label.as_str());
        let li = dom::element("li", &[("data-figure", &fig.id)], None);
        dom::add(&li, "strong", &[], Some(&format::figure_in(locale, fig)));
        dom::text(&li, " · ");
        let lang = loaded.text_locale.html_lang();
        dom::add(&li, "span", &[("lang", lang)], Some(&fig.measure));
        dom::add(&li, "br", &[], None);
        let (open, close) = quote_marks(locale);
        let muted = dom::add(&li, "span", &[("class", "itpe-muted")], Some(open));
        let excerpt = dom::add(&muted, "span", &[("lang", "en")], None);
        dom::text(&muted, close);
        dom::text(&muted, " ");
        let link = dom::add(&li, "a", &[], Some(&paragraph_label(locale, label)));
        FigureRow {
            li,
            excerpt,
            link,
            para,
            quote: fig.source.quote.clone(),
            drawn: None,
        }
    }
}

impl Follows for FigureRow {
    fn update(&mut self, ctx: Ctx, state: &ViewState, terms: &[String]) {
        let mut target = state.clone();
        to_paragraph(&mut target, self.para.clone());
        let href = url::href(ctx.instance, &target);
        let (old_href, old_terms) = match &self.drawn {
            Some((h, t)) => (Some(h.as_str()), Some(t.as_slice())),
            None => (None, None),
        };
        if old_href != Some(href.as_str()) {
            dom::set(&self.link, "href", Some(&href));
        }
        if old_terms != Some(terms) {
            let text = snippet(&self.quote, terms, 90);
            dom::marked(&self.excerpt, &text, &highlight_ranges(&text, terms));
        }
        self.drawn = Some((href, terms.to_vec()));
    }
}

/// Says what found nothing: the search, the filters, or both; and, in English, where Chinese
/// names can be searched.
fn empty_results(ctx: Ctx) -> Element {
    let text_locale = use_loaded().text_locale;
    let why = move || {
        let locale = ctx.locale();
        ctx.with(|s| {
            let q = s.q.trim();
            let mut facets = s.clone();
            facets.q.clear();
            let key = match (q.is_empty(), facets.is_filtered()) {
                (true, _) => return ctx.t(Key::NoResults).to_string(),
                (false, false) => Key::NoResultsSearch,
                (false, true) => Key::NoResultsSearchFilters,
            };
            let mut text = ctx.t(key).replace("{q}", &quoted(locale, q));
            if text_locale == crate::i18n::Locale::En && q.chars().any(|c| c as u32 >= 0x2E80) {
                text.push(' ');
                text.push_str(ctx.t(Key::ChineseSearchInEnglish));
            }
            text
        })
    };
    let div = dom::element("div", &[("class", "itpe-empty-results")], None);
    dom::bound_text(&dom::add(&div, "p", &[], None), why);
    let attrs = [("type", "button"), ("class", "itpe-button")];
    let clear = dom::add(&div, "button", &attrs, None);
    ctx.add_text(&clear, Key::ClearFilters);
    dom::on(&clear, "click", move |_| ctx.update(|s| *s = s.cleared()));
    div
}
