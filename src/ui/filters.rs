//! Search box, facets with live counts, and the chips of active filters.
//!
//! Each facet option is rendered once per dataset and only its checked state, count and
//! disabled state react to the counts memo, so toggling a checkbox keeps keyboard focus on it.

use leptos::either::Either;
use leptos::prelude::*;

use super::detail::{kind_key, status_key};
use super::{use_ctx, use_loaded};
use crate::filter::{facet_counts, FacetCounts};
use crate::i18n::{bracketed, labelled, quoted, Key};
use crate::model::{ItemKind, Status};
use crate::view_state::{toggle, ViewState};

/// How a facet option is labelled: by interface text or by a name from the data.
#[derive(Clone)]
enum Label {
    Ui(Key),
    Data(String),
}

#[derive(Clone)]
struct FacetOption {
    label: Label,
    /// (count, selected) of this option: a memo, so only options whose count changed update.
    state: Memo<(usize, bool)>,
    toggle: Callback<()>,
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="itpe-search" role="search">
            <label for=ctx.id("search") class="itpe-search-label">{move || ctx.t(Key::Search)}</label>
            <p id=ctx.id("search-hint") class="itpe-hint">{move || ctx.t(Key::SearchHint)}</p>
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

/// The facet panel. `counts` is computed by the parent so chips and facets share it.
#[component]
pub fn Facets(counts: Memo<FacetCounts>) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let (data, names) = (loaded.data, loaded.text_locale);
    let expanded = RwSignal::new(false);

    let option = |label: Label,
                  pick: fn(&FacetCounts, usize) -> (usize, bool),
                  i: usize,
                  apply: Callback<()>| FacetOption {
        label,
        state: Memo::new(move |_| counts.with(|c| pick(c, i))),
        toggle: apply,
    };

    // Facets whose values are dataset ids: (id, name) pairs, the count they read, the list of
    // the state they toggle.
    let by_id = |values: Vec<(String, String)>,
                 pick: fn(&FacetCounts, usize) -> (usize, bool),
                 list: fn(&mut ViewState) -> &mut Vec<String>| {
        values
            .into_iter()
            .enumerate()
            .map(|(i, (id, name))| {
                let apply = Callback::new(move |_| ctx.update(|s| toggle(list(s), id.clone())));
                option(Label::Data(name), pick, i, apply)
            })
            .collect::<Vec<_>>()
    };
    let areas = by_id(
        data.policy_areas
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        |c, i| (c.areas[i].count, c.areas[i].selected),
        |s| &mut s.areas,
    );
    let sites = by_id(
        data.sites
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect(),
        |c, i| (c.sites[i].count, c.sites[i].selected),
        |s| &mut s.sites,
    );
    let orgs = by_id(
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
    let kinds: Vec<FacetOption> = ItemKind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            option(
                Label::Ui(kind_key(k)),
                |c, i| (c.kinds[i].count, c.kinds[i].selected),
                i,
                Callback::new(move |_| ctx.update(|s| toggle(&mut s.kinds, k))),
            )
        })
        .collect();
    let statuses: Vec<FacetOption> = Status::ALL
        .into_iter()
        .enumerate()
        .map(|(i, st)| {
            option(
                Label::Ui(status_key(st)),
                |c, i| (c.statuses[i].count, c.statuses[i].selected),
                i,
                Callback::new(move |_| ctx.update(|s| toggle(&mut s.statuses, st))),
            )
        })
        .collect();

    let active = ctx.slice(active_filter_count);
    let active = move || active.get();
    view! {
        <section class="itpe-filters" class:itpe-expanded=move || expanded.get() aria-labelledby=ctx.id("filters-title")>
            <div class="itpe-filters-head">
                {ctx.heading_el(1).id(ctx.id("filters-title")).class(("itpe-filters-title", true)).child((
                    move || ctx.t(Key::Filters),
                    move || (active() > 0).then(|| bracketed(ctx.locale(), &active().to_string())),
                ))}
                <button
                    type="button"
                    class="itpe-button-secondary itpe-filters-toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=ctx.id("filter-body")
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || ctx.t(Key::Filters)}
                    {move || (active() > 0).then(|| bracketed(ctx.locale(), &active().to_string()))}
                    <span aria-hidden="true">{move || if expanded.get() { " ▴" } else { " ▾" }}</span>
                </button>
            </div>
            <div id=ctx.id("filter-body") class="itpe-filter-body">
                <FacetGroup legend=Key::Kind name="kind" options=kinds lang=names.html_lang()/>
                <FacetGroup legend=Key::Status name="status" options=statuses lang=names.html_lang()/>
                <FacetGroup legend=Key::PolicyArea name="area" options=areas lang=names.html_lang()/>
                <YearRange counts=counts/>
                <FacetGroup legend=Key::Sites name="site" options=sites lang=names.html_lang()/>
                <FacetGroup legend=Key::Organisations name="org" options=orgs lang=names.html_lang()/>
            </div>
        </section>
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

/// `lang`: the language of the options named from the data.
#[component]
fn FacetGroup(
    legend: Key,
    name: &'static str,
    options: Vec<FacetOption>,
    lang: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let rows = options
        .into_iter()
        .enumerate()
        .map(|(i, opt)| {
            let id = ctx.id(&format!("f-{name}-{i}"));
            let state = opt.state;
            let (label, lang) = match opt.label {
                Label::Ui(key) => (Either::Left(move || ctx.t(key)), None),
                Label::Data(text) => (Either::Right(text), Some(lang)),
            };
            view! {
                <li class:itpe-empty=move || state.get() == (0, false)>
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-facet=name
                        prop:checked=move || state.get().1
                        disabled=move || state.get() == (0, false)
                        on:change=move |_| opt.toggle.run(())
                    />
                    <label for=id>
                        <span lang=lang>{label}</span>
                        <span class="itpe-count">{move || bracketed(ctx.locale(), &state.get().0.to_string())}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="itpe-facet" data-facet-group=name>
            <legend>{move || ctx.t(legend)}</legend>
            <ul class="itpe-facet-options">{rows}</ul>
        </fieldset>
    }
}

/// Milestone years as a from/to pair of selects; the counts say how many items have a
/// milestone in each year under the other filters. The options are built once (the years are
/// the dataset's); only their counts follow the filters.
#[component]
fn YearRange(counts: Memo<FacetCounts>) -> impl IntoView {
    let ctx = use_ctx();
    let years: Vec<i32> = counts.with_untracked(|c| c.years.iter().map(|y| y.value).collect());
    let count_of = move |k: usize| counts.with(|c| c.years.get(k).map_or(0, |y| y.count));
    let select = move |which: Key, is_from: bool| {
        let id = ctx.id(if is_from { "year-from" } else { "year-to" });
        let current = ctx.slice(move |s| if is_from { s.from } else { s.to });
        let options = years
            .iter()
            .enumerate()
            .map(|(k, &y)| {
                view! {
                    <option value=y.to_string() selected=move || current.get() == Some(y)>
                        {y} {move || bracketed(ctx.locale(), &count_of(k).to_string())}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="itpe-year-select">
                <label for=id.clone()>{move || ctx.t(which)}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<i32>().ok();
                        ctx.update(|s| if is_from { s.from = v } else { s.to = v });
                    }
                >
                    <option value="" selected=move || current.get().is_none()>{move || ctx.t(Key::AnyYear)}</option>
                    {options}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="itpe-facet itpe-year-range">
            <legend>{move || ctx.t(Key::YearRange)}</legend>
            {select(Key::YearFrom, true)}
            {select(Key::YearTo, false)}
        </fieldset>
    }
}

/// One removable filter chip.
/// `remove`: the hidden "Remove filter:" prefix, punctuated.
fn chip(remove: String, label: impl IntoView + 'static, cb: Callback<()>) -> impl IntoView {
    view! {
        <li>
            <button type="button" class="itpe-chip" on:click=move |_| cb.run(())>
                <span class="itpe-visually-hidden">{remove}</span>
                {label}
                <span aria-hidden="true">" ×"</span>
            </button>
        </li>
    }
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

/// Active filters as removable chips, with "Clear all". While typing, only the search chip's
/// text changes: the facet chips depend on the facet selections alone.
#[component]
pub fn Chips() -> impl IntoView {
    let ctx = use_ctx();
    let data = use_loaded().data;
    let filtered = ctx.slice(ViewState::is_filtered);
    let query = ctx.slice(|s| s.q.trim().to_string());
    let has_query = ctx.slice(|s| !s.q.trim().is_empty());
    let selected = ctx.slice(Selected::of);
    let search_chip = move || {
        has_query.get().then(|| {
            let label = move || {
                let locale = ctx.locale();
                labelled(locale, ctx.t(Key::Search), &quoted(locale, &query.get()))
            };
            chip(
                labelled(ctx.locale(), ctx.t(Key::RemoveFilter), ""),
                label,
                Callback::new(move |_| ctx.update(|s| s.q.clear())),
            )
        })
    };
    let facet_chips = move || {
        let sel = selected.get();
        let locale = sel.lang;
        let t = |key| crate::i18n::t(locale, key);
        let mut chips: Vec<(String, Callback<()>)> = Vec::new();
        for &k in &sel.kinds {
            chips.push((
                t(kind_key(k)).to_string(),
                Callback::new(move |_| ctx.update(|s| toggle(&mut s.kinds, k))),
            ));
        }
        for &st in &sel.statuses {
            chips.push((
                t(status_key(st)).to_string(),
                Callback::new(move |_| ctx.update(|s| toggle(&mut s.statuses, st))),
            ));
        }
        let named = |list: &[String],
                     name: &dyn Fn(&str) -> Option<String>,
                     which: fn(&mut ViewState) -> &mut Vec<String>| {
            list.iter()
                .map(|id| {
                    let label = name(id).unwrap_or_else(|| id.clone());
                    let id = id.clone();
                    (
                        label,
                        Callback::new(move |_| ctx.update(|s| toggle(which(s), id.clone()))),
                    )
                })
                .collect::<Vec<_>>()
        };
        chips.extend(named(
            &sel.areas,
            &|id| data.area(id).map(|a| a.name.clone()),
            |s| &mut s.areas,
        ));
        chips.extend(named(
            &sel.sites,
            &|id| data.site(id).map(|a| a.name.clone()),
            |s| &mut s.sites,
        ));
        chips.extend(named(
            &sel.orgs,
            &|id| data.organisation(id).map(|a| a.name.clone()),
            |s| &mut s.orgs,
        ));
        if let Some((from, to)) = sel.years {
            let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
            chips.push((
                labelled(
                    locale,
                    t(Key::YearRange),
                    &format!("{}–{}", year(from), year(to)),
                ),
                Callback::new(move |_| {
                    ctx.update(|s| {
                        s.from = None;
                        s.to = None;
                    })
                }),
            ));
        }
        let remove = labelled(locale, t(Key::RemoveFilter), "");
        chips
            .into_iter()
            .map(|(label, cb)| chip(remove.clone(), label, cb))
            .collect_view()
    };
    move || {
        filtered.get().then(|| {
            view! {
                <div class="itpe-chips">
                    <ul>{search_chip} {facet_chips.clone()}</ul>
                    <button type="button" class="itpe-link-button itpe-clear-all" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                        {move || ctx.t(Key::ClearAll)}
                    </button>
                </div>
            }
        })
    }
}

/// Facet counts, shared by the facet panel. They follow [`super::Loaded::lagging`]: while the search
/// is typed, a frame after the results.
pub fn counts_memo() -> Memo<FacetCounts> {
    let loaded = use_loaded();
    let (data, index, state) = (loaded.data.clone(), loaded.index.clone(), loaded.lagging);
    Memo::new(move |_| state.with(|s| facet_counts(&data, &index, s)))
}
