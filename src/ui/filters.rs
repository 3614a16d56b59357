//! Search box, facets with live counts, and the chips of active filters, in plain DOM
//! (`super::dom`).
//!
//! Each facet option is rendered once per dataset and only its checked state, count and
//! disabled state react to the counts memo, so toggling a checkbox keeps keyboard focus on it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::detail::{kind_key, status_key};
use super::hooks::when_laid_out;
use super::{dom, use_loaded, Ctx};
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

/// The search box: its label, hint and field. The field's value follows the address (back,
/// forward, a chip's removal); what is typed goes to the state at once.
pub fn search_box(ctx: Ctx) -> dom::Dom {
    let (id, hint) = (ctx.id("search"), ctx.id("search-hint"));
    let div = dom::element("div", &[("class", "itpe-search"), ("role", "search")], None);
    let label = [("for", id.as_str()), ("class", "itpe-search-label")];
    ctx.add_text(&dom::add(&div, "label", &label, None), Key::Search);
    let p = dom::add(&div, "p", &[("id", &hint), ("class", "itpe-hint")], None);
    ctx.add_text(&p, Key::SearchHint);
    let max = crate::view_state::MAX_SEARCH.to_string();
    let attrs = [
        ("type", "search"),
        ("id", &id),
        ("name", "q"),
        ("autocomplete", "off"),
        ("spellcheck", "false"),
        ("maxlength", &max),
        ("aria-describedby", &hint),
    ];
    let input = dom::add(&div, "input", &attrs, None);
    dom::bind_value(&input, move || ctx.with(|s| s.q.clone()));
    dom::on(&input, "input", move |ev| {
        ctx.type_query(event_target_value(&ev))
    });
    dom::Dom(div)
}

/// The facet panel: its heading, the toggle that shows and hides it in one column, and its
/// body. `counts` is computed by the parent so chips and facets share it.
///
/// The body's facets (about two thirds of the first screen's elements) are built the first
/// time the body is laid out: at once in two columns; in one (a phone's width), where the
/// panel starts folded away, on its first opening, so a phone's start builds no hidden facets
/// and computes no counts for them. The body itself is always there, for `aria-controls`.
pub fn facets(ctx: Ctx, counts: Memo<FacetCounts>) -> dom::Dom {
    let (title, body_id) = (ctx.id("filters-title"), ctx.id("filter-body"));
    let attrs = [("class", "itpe-filters"), ("aria-labelledby", &title)];
    let section = dom::element("section", &attrs, None);
    let expanded = RwSignal::new(false);
    let folded = section.clone();
    dom::bind(Box::new(move || {
        // Toggling a fixed class name cannot fail.
        let _ = folded
            .class_list()
            .toggle_with_force("itpe-expanded", expanded.get());
    }));
    let head = dom::add(&section, "div", &[("class", "itpe-filters-head")], None);
    // "Filters", and how many are active: the heading beside the facets, the toggle's text
    // where they fold away.
    let active = ctx.slice(active_filter_count);
    let label = move || {
        let n = active.get();
        let n = if n > 0 {
            bracketed(ctx.locale(), &n.to_string())
        } else {
            String::new()
        };
        format!("{}{n}", ctx.t(Key::Filters))
    };
    let heading = ctx.add_heading(&head, 1, "itpe-filters-title");
    dom::set(&heading, "id", Some(&title));
    dom::bound_text(&heading, label);
    let attrs = [
        ("type", "button"),
        ("class", "itpe-button-secondary itpe-filters-toggle"),
        ("aria-controls", &body_id),
    ];
    let toggle = dom::add(&head, "button", &attrs, None);
    dom::bind_attr(&toggle, "aria-expanded", move || {
        Some(expanded.get().to_string())
    });
    dom::bound_text(&toggle, label);
    let arrow = dom::add(&toggle, "span", &[("aria-hidden", "true")], None);
    dom::bound_text(&arrow, move || {
        (if expanded.get() { " ▴" } else { " ▾" }).into()
    });
    dom::on(&toggle, "click", move |_| expanded.update(|e| *e = !*e));
    let attrs = [("id", body_id.as_str()), ("class", "itpe-filter-body")];
    let body = dom::add(&section, "div", &attrs, None);
    let groups = body.clone();
    when_laid_out(&body, Box::new(move || facet_groups(ctx, &groups, counts)));
    dom::Dom(section)
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
    dom::bind_rows(move |drawn| {
        let locale = ctx.locale();
        let mut rows = dom::kept(&ul, drawn, locale);
        if rows.is_empty() {
            let new = |(i, label)| (i, FacetRow::new(&ul, ctx, name, i, label, lang, locale));
            rows = labels.iter().enumerate().map(new).collect();
        }
        counts.with(|c| {
            for (i, row) in &mut rows {
                row.show(locale, pick(c, *i));
            }
        });
        (locale, rows)
    });
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
    let from = year_select(ctx, &set, Key::YearFrom, true, &years);
    let to = year_select(ctx, &set, Key::YearTo, false, &years);
    // Both selects list the same years with the same counts: each text is made once, and set
    // only where it changed.
    dom::bind(Box::new(move || {
        let locale = ctx.locale();
        counts.with(|c| {
            let options = years.iter().zip(from.iter().zip(&to));
            for (i, (y, (from, to))) in options.enumerate() {
                let n = c.years.get(i).map_or(0, |y| y.count);
                let text = format!("{y}{}", bracketed(locale, &n.to_string()));
                if from.text_content().as_deref() != Some(&text) {
                    from.set_text_content(Some(&text));
                    to.set_text_content(Some(&text));
                }
            }
        });
    }));
}

/// One of the two selects: "Any", then an option for each year (its text set by
/// [`year_range`]); the choice follows the address. Returns the years' options.
fn year_select(ctx: Ctx, set: &Element, which: Key, is_from: bool, years: &[i32]) -> Vec<Element> {
    let id = ctx.id(if is_from { "year-from" } else { "year-to" });
    let div = dom::add(set, "div", &[("class", "itpe-year-select")], None);
    ctx.add_text(&dom::add(&div, "label", &[("for", &id)], None), which);
    let select = dom::add(&div, "select", &[("id", &id)], None);
    ctx.add_text(
        &dom::add(&select, "option", &[("value", "")], None),
        Key::AnyYear,
    );
    let options = years
        .iter()
        .map(|y| dom::add(&select, "option", &[("value", &y.to_string())], None))
        .collect();
    let current = ctx.slice(move |s| if is_from { s.from } else { s.to });
    dom::bind_value(&select, move || {
        current.get().map(|y| y.to_string()).unwrap_or_default()
    });
    dom::on(&select, "change", move |ev| {
        let v = event_target_value(&ev).parse::<i32>().ok();
        ctx.update(|s| if is_from { s.from = v } else { s.to = v });
    });
    options
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
fn chips_of(data: &Dataset, sel: &Selected, q: &str) -> Vec<(Chip, String)> {
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

/// Active filters as removable chips, with "Clear all", in a place `parent` gets for them,
/// filled while any filter is active. The chips are drawn anew by one binding when the search
/// or the facet selections change.
pub fn chips(ctx: Ctx, parent: &Element) {
    let filtered = ctx.slice(ViewState::is_filtered);
    dom::slot(parent, move || {
        filtered.get().then(|| {
            untrack(|| {
                let div = dom::element("div", &[("class", "itpe-chips")], None);
                dom::placed(&div, chip_list(ctx));
                let attrs = [
                    ("type", "button"),
                    ("class", "itpe-link-button itpe-clear-all"),
                ];
                let clear = dom::add(&div, "button", &attrs, None);
                ctx.add_text(&clear, Key::ClearAll);
                dom::on(&clear, "click", move |_| ctx.update(|s| *s = s.cleared()));
                div
            })
        })
    });
}

/// The `<ul>` of chips; a chip's position in it says which filter it removes.
fn chip_list(ctx: Ctx) -> Element {
    let data = use_loaded().data;
    let query = ctx.slice(|s| s.q.trim().to_string());
    let selected = ctx.slice(Selected::of);
    let ul = dom::element("ul", &[], None);
    let list = ul.clone();
    let shown = data.clone();
    dom::bind(Box::new(move || {
        list.set_text_content(None);
        let sel = selected.get();
        let remove = labelled(sel.lang, t(sel.lang, Key::RemoveFilter), "");
        for (_, label) in query.with(|q| chips_of(&shown, &sel, q)) {
            let li = dom::add(&list, "li", &[], None);
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
    }));
    dom::on(&ul, "click", move |ev| {
        let Some(at) = dom::row_index(&ev, "button") else {
            return;
        };
        let chip = selected.with_untracked(|sel| {
            query.with_untracked(|q| chips_of(&data, sel, q).into_iter().nth(at))
        });
        if let Some((chip, _)) = chip {
            ctx.update(|s| chip.remove(s));
        }
    });
    ul
}

/// Facet counts, shared by the facet panel. They follow [`super::Loaded::lagging`]: while the search
/// is typed, a frame after the results.
pub fn counts_memo() -> Memo<FacetCounts> {
    let loaded = use_loaded();
    let (data, index, state) = (loaded.data.clone(), loaded.index.clone(), loaded.lagging);
    Memo::new(move |_| state.with(|s| facet_counts(&data, &index, s)))
}
