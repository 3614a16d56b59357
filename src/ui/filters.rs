//! Search box, facets with live counts, and the chips of active filters.
//!
//! Each facet option is rendered once per dataset and only its checked state, count and
//! disabled state react to the counts memo, so toggling a checkbox keeps keyboard focus on it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

use super::detail::{kind_key, status_key};
use super::hooks::when_laid_out;
use super::{dom, use_ctx, use_loaded, Ctx};
use crate::filter::{facet_counts, FacetCounts};
use crate::i18n::{bracketed, labelled, quoted, t, Key, Locale};
use crate::model::{Dataset, ItemKind, Status};
use crate::view_state::{toggle, ViewState};

/// How a facet option is labelled: by interface text or by a name from the data.
enum Label {
    Ui(Key),
    Data(String),
}

/// One facet as the panel shows it: its options' labels, where their counts are read, and what
/// choosing option `i` does.
struct Facet {
    legend: Key,
    name: &'static str,
    labels: Vec<Label>,
    /// (count, selected) of option `i`.
    pick: fn(&FacetCounts, usize) -> (usize, bool),
    toggle: Callback<usize>,
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="itpe-search" role="search">
            <label for=ctx.id("search") class="itpe-search-label">{ctx.text(Key::Search)}</label>
            <p id=ctx.id("search-hint") class="itpe-hint">{ctx.text(Key::SearchHint)}</p>
            <input
                type="search"
                id=ctx.id("search")
                name="q"
                autocomplete="off"
                spellcheck="false"
                maxlength=crate::view_state::MAX_SEARCH
                aria-describedby=ctx.id("search-hint")
                prop:value=move || ctx.with(|s| s.q.clone())
                on:input=move |ev| {
                    ctx.type_query(event_target_value(&ev));
                }
            />
        </div>
    }
}

/// The facet panel: its heading, the toggle that shows and hides it in one column, and its
/// body. `counts` is computed by the parent so chips and facets share it.
///
/// The body's facets (about two thirds of the first screen's elements) are plain DOM, built the
/// first time the body is laid out: at once in two columns; in one (a phone's width), where the
/// panel starts folded away, on its first opening, so a phone's start builds no hidden facets
/// and computes no counts for them. The body itself is always there, for `aria-controls`.
#[component]
pub fn Facets(counts: Memo<FacetCounts>) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(false);
    let body = dom::element(
        "div",
        &[
            ("id", &ctx.id("filter-body")),
            ("class", "itpe-filter-body"),
        ],
        None,
    );
    let groups = body.clone();
    when_laid_out(&body, Box::new(move || facet_groups(ctx, &groups, counts)));
    let active = ctx.slice(active_filter_count);
    let active = move || active.get();
    view! {
        <section class="itpe-filters" class:itpe-expanded=move || expanded.get() aria-labelledby=ctx.id("filters-title")>
            <div class="itpe-filters-head">
                {ctx.heading_dom(1, "itpe-filters-title", Some("filters-title"), move || {
                    let n = active();
                    let n = if n > 0 { bracketed(ctx.locale(), &n.to_string()) } else { String::new() };
                    format!("{}{n}", ctx.t(Key::Filters))
                })}
                <button
                    type="button"
                    class="itpe-button-secondary itpe-filters-toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=ctx.id("filter-body")
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {ctx.text(Key::Filters)}
                    {move || (active() > 0).then(|| bracketed(ctx.locale(), &active().to_string()))}
                    <span aria-hidden="true">{move || if expanded.get() { " ▴" } else { " ▾" }}</span>
                </button>
            </div>
            {dom::Dom(body)}
        </section>
    }
}

/// Builds the facets into the panel's `body`, in the order the panel shows them.
fn facet_groups(ctx: Ctx, body: &Element, counts: Memo<FacetCounts>) {
    let loaded = use_loaded();
    let (data, names) = (loaded.data, loaded.text_locale);
    // Facets whose values are dataset ids: (id, name) pairs, the count they read, the list of
    // the state they toggle.
    let by_id = |legend: Key,
                 name: &'static str,
                 values: Vec<(String, String)>,
                 pick: fn(&FacetCounts, usize) -> (usize, bool),
                 list: fn(&mut ViewState) -> &mut Vec<String>| {
        let (ids, labels): (Vec<String>, Vec<Label>) = values
            .into_iter()
            .map(|(id, n)| (id, Label::Data(n)))
            .unzip();
        Facet {
            legend,
            name,
            labels,
            pick,
            toggle: Callback::new(move |i: usize| ctx.update(|s| toggle(list(s), ids[i].clone()))),
        }
    };
    let areas = by_id(
        Key::PolicyArea,
        "area",
        data.policy_areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        |c, i| (c.areas[i].count, c.areas[i].selected),
        |s| &mut s.areas,
    );
    let sites = by_id(
        Key::Sites,
        "site",
        data.sites
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect(),
        |c, i| (c.sites[i].count, c.sites[i].selected),
        |s| &mut s.sites,
    );
    let orgs = by_id(
        Key::Organisations,
        "org",
        data.organisations
            .iter()
            .map(|o| {
                let name = match &o.abbreviation {
                    Some(a) => format!("{}{}", o.name, bracketed(names, a)),
                    None => o.name.clone(),
                };
                (o.id.clone(), name)
            })
            .collect(),
        |c, i| (c.orgs[i].count, c.orgs[i].selected),
        |s| &mut s.orgs,
    );
    let kinds = Facet {
        legend: Key::Kind,
        name: "kind",
        labels: ItemKind::ALL.map(|k| Label::Ui(kind_key(k))).into(),
        pick: |c, i| (c.kinds[i].count, c.kinds[i].selected),
        toggle: Callback::new(move |i: usize| {
            ctx.update(|s| toggle(&mut s.kinds, ItemKind::ALL[i]))
        }),
    };
    let statuses = Facet {
        legend: Key::Status,
        name: "status",
        labels: Status::ALL.map(|st| Label::Ui(status_key(st))).into(),
        pick: |c, i| (c.statuses[i].count, c.statuses[i].selected),
        toggle: Callback::new(move |i: usize| {
            ctx.update(|s| toggle(&mut s.statuses, Status::ALL[i]))
        }),
    };
    let lang = names.html_lang();
    for facet in [kinds, statuses, areas] {
        facet_group(ctx, body, facet, counts, lang);
    }
    year_range(ctx, body, counts);
    for facet in [sites, orgs] {
        facet_group(ctx, body, facet, counts, lang);
    }
}

fn active_filter_count(s: &ViewState) -> usize {
    s.areas.len()
        + s.kinds.len()
        + s.statuses.len()
        + s.sites.len()
        + s.orgs.len()
        + usize::from(s.from.is_some() || s.to.is_some())
}

/// A fieldset of the panel, with its legend, appended to `body`.
fn fieldset(ctx: Ctx, body: &Element, attrs: &[(&str, &str)], legend: Key) -> Element {
    let set = dom::add(body, "fieldset", attrs, None);
    ctx.add_text(&dom::add(&set, "legend", &[], None), legend);
    set
}

/// A facet's fieldset. Its options are made once per language; one binding follows the counts
/// and changes only the options whose count or check changed, so toggling a checkbox keeps
/// keyboard focus on it. `lang`: the language of names from the data.
fn facet_group(
    ctx: Ctx,
    body: &Element,
    facet: Facet,
    counts: Memo<FacetCounts>,
    lang: &'static str,
) {
    let Facet {
        legend,
        name,
        labels,
        pick,
        toggle,
    } = facet;
    let set = fieldset(
        ctx,
        body,
        &[("class", "itpe-facet"), ("data-facet-group", name)],
        legend,
    );
    let ul = dom::add(&set, "ul", &[("class", "itpe-facet-options")], None);
    // One listener for the options: their ids end in their index.
    dom::on(&ul, "change", move |ev| {
        let i = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .map(|t| t.id())
            .and_then(|id| id.rsplit('-').next()?.parse::<usize>().ok());
        if let Some(i) = i {
            toggle.run(i);
        }
    });
    let drawn = std::cell::RefCell::new(None);
    dom::bind(Box::new(move || {
        let locale = ctx.locale();
        let mut rows = dom::kept(&ul, drawn.take(), locale);
        if rows.is_empty() {
            let new = |(i, label)| (i, FacetRow::new(&ul, ctx, name, i, label, lang, locale));
            rows = labels.iter().enumerate().map(new).collect();
        }
        counts.with(|c| {
            for (i, row) in &mut rows {
                row.show(locale, pick(c, *i));
            }
        });
        drawn.replace(Some((locale, rows)));
    }));
}

/// One option of a facet: a checkbox, its label and count.
struct FacetRow {
    li: Element,
    input: web_sys::HtmlInputElement,
    count: Element,
    /// The (count, selected) last shown.
    shown: Option<(usize, bool)>,
}

impl FacetRow {
    fn new(
        ul: &Element,
        ctx: Ctx,
        name: &str,
        i: usize,
        label: &Label,
        lang: &str,
        locale: Locale,
    ) -> FacetRow {
        let id = ctx.id(&format!("f-{name}-{i}"));
        let li = dom::add(ul, "li", &[], None);
        let attrs = [("type", "checkbox"), ("id", &id), ("data-facet", name)];
        let input = dom::add(&li, "input", &attrs, None).unchecked_into();
        let label_el = dom::add(&li, "label", &[("for", &id)], None);
        match label {
            Label::Ui(key) => dom::add(&label_el, "span", &[], Some(t(locale, *key))),
            Label::Data(text) => dom::add(&label_el, "span", &[("lang", lang)], Some(text)),
        };
        let count = dom::add(&label_el, "span", &[("class", "itpe-count")], None);
        FacetRow {
            li,
            input,
            count,
            shown: None,
        }
    }

    /// Shows an option's count and check; an option that would find nothing is disabled.
    fn show(&mut self, locale: Locale, (count, selected): (usize, bool)) {
        if self.shown == Some((count, selected)) {
            return;
        }
        let empty = (count, selected) == (0, false);
        self.input.set_checked(selected);
        dom::set(&self.input, "disabled", empty.then_some(""));
        // Toggling a fixed class name cannot fail.
        let _ = self.li.class_list().toggle_with_force("itpe-empty", empty);
        let text = bracketed(locale, &count.to_string());
        self.count.set_text_content(Some(&text));
        self.shown = Some((count, selected));
    }
}

/// Milestone years as a from/to pair of selects; the counts say how many items have a
/// milestone in each year under the other filters. The options are made once (the years are
/// the dataset's); only their counts and the choice follow the filters.
fn year_range(ctx: Ctx, body: &Element, counts: Memo<FacetCounts>) {
    let set = fieldset(
        ctx,
        body,
        &[("class", "itpe-facet itpe-year-range")],
        Key::YearRange,
    );
    let years: Vec<i32> = counts.with_untracked(|c| c.years.iter().map(|y| y.value).collect());
    year_select(ctx, &set, Key::YearFrom, true, &years, counts);
    year_select(ctx, &set, Key::YearTo, false, &years, counts);
}

/// One of the two selects: "Any", then each year with its count.
fn year_select(
    ctx: Ctx,
    set: &Element,
    which: Key,
    is_from: bool,
    years: &[i32],
    counts: Memo<FacetCounts>,
) {
    let id = ctx.id(if is_from { "year-from" } else { "year-to" });
    let div = dom::add(set, "div", &[("class", "itpe-year-select")], None);
    ctx.add_text(&dom::add(&div, "label", &[("for", &id)], None), which);
    let select: HtmlSelectElement = dom::add(&div, "select", &[("id", &id)], None).unchecked_into();
    ctx.add_text(
        &dom::add(&select, "option", &[("value", "")], None),
        Key::AnyYear,
    );
    let options: Vec<(i32, Element)> = years
        .iter()
        .map(|&y| {
            (
                y,
                dom::add(&select, "option", &[("value", &y.to_string())], None),
            )
        })
        .collect();
    dom::bind(Box::new(move || {
        let locale = ctx.locale();
        counts.with(|c| {
            for (k, (y, option)) in options.iter().enumerate() {
                let n = c.years.get(k).map_or(0, |y| y.count);
                let text = format!("{y}{}", bracketed(locale, &n.to_string()));
                if option.text_content().as_deref() != Some(&text) {
                    option.set_text_content(Some(&text));
                }
            }
        });
    }));
    let current = ctx.slice(move |s| if is_from { s.from } else { s.to });
    let shown = select.clone();
    dom::bind(Box::new(move || {
        shown.set_value(&current.get().map(|y| y.to_string()).unwrap_or_default());
    }));
    // The listener reads the select through the event: it must not hold the element it is on
    // (through the wasm's references, the pair would never be collected).
    dom::on(&select.into(), "change", move |ev| {
        let v = event_target_value(&ev).parse::<i32>().ok();
        ctx.update(|s| if is_from { s.from = v } else { s.to = v });
    });
}

/// The facet selections, without the search: what the facet chips show.
#[derive(Clone, PartialEq)]
struct Selected {
    lang: crate::i18n::Locale,
    kinds: Vec<ItemKind>,
    statuses: Vec<Status>,
    areas: Vec<String>,
    sites: Vec<String>,
    orgs: Vec<String>,
    years: Option<(Option<i32>, Option<i32>)>,
}

impl Selected {
    fn of(s: &ViewState) -> Selected {
        Selected {
            lang: s.lang,
            kinds: s.kinds.clone(),
            statuses: s.statuses.clone(),
            areas: s.areas.clone(),
            sites: s.sites.clone(),
            orgs: s.orgs.clone(),
            years: (s.from.is_some() || s.to.is_some()).then_some((s.from, s.to)),
        }
    }
}

/// An active filter, as its chip removes it.
enum Chip {
    Search,
    Kind(ItemKind),
    Status(Status),
    Area(String),
    Site(String),
    Org(String),
    Years,
}

impl Chip {
    fn remove(self, s: &mut ViewState) {
        match self {
            Chip::Search => s.q.clear(),
            Chip::Kind(k) => toggle(&mut s.kinds, k),
            Chip::Status(st) => toggle(&mut s.statuses, st),
            Chip::Area(id) => toggle(&mut s.areas, id),
            Chip::Site(id) => toggle(&mut s.sites, id),
            Chip::Org(id) => toggle(&mut s.orgs, id),
            Chip::Years => {
                s.from = None;
                s.to = None;
            }
        }
    }
}

/// The chips of the search `q` and the facet selections, in order, with their labels.
fn chips(data: &Dataset, sel: &Selected, q: &str) -> Vec<(Chip, String)> {
    let locale = sel.lang;
    let mut chips = Vec::new();
    if !q.is_empty() {
        let label = labelled(locale, t(locale, Key::Search), &quoted(locale, q));
        chips.push((Chip::Search, label));
    }
    for &k in &sel.kinds {
        chips.push((Chip::Kind(k), t(locale, kind_key(k)).to_string()));
    }
    for &st in &sel.statuses {
        chips.push((Chip::Status(st), t(locale, status_key(st)).to_string()));
    }
    let named = |id: &String, name: Option<&String>| name.unwrap_or(id).clone();
    for id in &sel.areas {
        let label = named(id, data.area(id).map(|a| &a.name));
        chips.push((Chip::Area(id.clone()), label));
    }
    for id in &sel.sites {
        let label = named(id, data.site(id).map(|a| &a.name));
        chips.push((Chip::Site(id.clone()), label));
    }
    for id in &sel.orgs {
        let label = named(id, data.organisation(id).map(|a| &a.name));
        chips.push((Chip::Org(id.clone()), label));
    }
    if let Some((from, to)) = sel.years {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        let range = format!("{}–{}", year(from), year(to));
        chips.push((
            Chip::Years,
            labelled(locale, t(locale, Key::YearRange), &range),
        ));
    }
    chips
}

/// Active filters as removable chips, with "Clear all". The chips are plain DOM, drawn anew
/// by one effect when the search or the facet selections change.
#[component]
pub fn Chips() -> impl IntoView {
    let ctx = use_ctx();
    let filtered = ctx.slice(ViewState::is_filtered);
    move || {
        filtered.get().then(|| {
            view! {
                <div class="itpe-chips">
                    {chip_list(ctx)}
                    <button type="button" class="itpe-link-button itpe-clear-all" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                        {ctx.text(Key::ClearAll)}
                    </button>
                </div>
            }
        })
    }
}

/// The `<ul>` of chips; a chip's position in it says which filter it removes.
fn chip_list(ctx: Ctx) -> impl IntoView {
    let data = use_loaded().data;
    let query = ctx.slice(|s| s.q.trim().to_string());
    let selected = ctx.slice(Selected::of);
    let list = NodeRef::<leptos::html::Ul>::new();
    let shown = data.clone();
    Effect::new(move |_| {
        let Some(ul) = list.get() else { return };
        let ul: Element = ul.into();
        ul.set_text_content(None);
        let sel = selected.get();
        let remove = labelled(sel.lang, t(sel.lang, Key::RemoveFilter), "");
        for (_, label) in query.with(|q| chips(&shown, &sel, q)) {
            let li = dom::add(&ul, "li", &[], None);
            let attrs = [("type", "button"), ("class", "itpe-chip")];
            let button = dom::add(&li, "button", &attrs, None);
            dom::add(
                &button,
                "span",
                &[("class", "itpe-visually-hidden")],
                Some(&remove),
            );
            dom::text(&button, &label);
            dom::add(&button, "span", &[("aria-hidden", "true")], Some(" ×"));
        }
    });
    let remove = move |ev: leptos::ev::MouseEvent| {
        let Some(at) = dom::row_index(&ev, "button") else {
            return;
        };
        let chip = selected.with_untracked(|sel| {
            query.with_untracked(|q| chips(&data, sel, q).into_iter().nth(at))
        });
        if let Some((chip, _)) = chip {
            ctx.update(|s| chip.remove(s));
        }
    };
    view! { <ul node_ref=list on:click=remove></ul> }
}

/// Facet counts, shared by the facet panel. They follow [`super::Loaded::lagging`]: while the search
/// is typed, a frame after the results.
pub fn counts_memo() -> Memo<FacetCounts> {
    let loaded = use_loaded();
    let (data, index, state) = (loaded.data.clone(), loaded.index.clone(), loaded.lagging);
    Memo::new(move |_| state.with(|s| facet_counts(&data, &index, s)))
}
