//! The Explore view: search and facets on the left, results in the middle, details on the
//! right (stacked on narrow screens).

use leptos::prelude::*;

use super::filters::{counts_memo, Chips, Facets, SearchBox};
use super::list::{FigureMatches, ResultList};
use super::{use_ctx, use_loaded, DetailPanel};
use crate::i18n::Key;
use crate::view_state::Sort;

#[component]
pub fn ExploreView() -> impl IntoView {
    let ctx = use_ctx();
    let counts = counts_memo();
    let has_detail = ctx.slice(|s| s.item.is_some());
    view! {
        <div class="itpe-explore" class:itpe-has-detail=move || has_detail.get()>
            {ctx.heading_dom(1, "itpe-visually-hidden", None, move || ctx.t(Key::ViewExplore).into())}
            <div class="itpe-explore-filters">
                <SearchBox/>
                <Facets counts=counts/>
            </div>
            // A pointer over the results (a finger's touch included) or the focus in them
            // fetches the details' chunk before an item is opened.
            <div
                class="itpe-explore-results"
                on:pointerenter=|_| super::split::prefetch_details()
                on:focusin=|_| super::split::prefetch_details()
            >
                <DatasetCounts/>
                <div class="itpe-results-bar">
                    <Chips/>
                    <SortSelect/>
                </div>
                <FigureMatches/>
                <ResultList/>
            </div>
            <div class="itpe-explore-detail">
                <DetailPanel/>
            </div>
        </div>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let ctx = use_ctx();
    let current = ctx.slice(|s| s.sort);
    let options = [
        (Sort::Paper, Key::SortPaper),
        (Sort::Date, Key::SortDate),
        (Sort::Amount, Key::SortAmount),
    ];
    view! {
        <div class="itpe-sort">
            <label for=ctx.id("sort")>{ctx.text(Key::SortBy)}</label>
            " "
            <select
                id=ctx.id("sort")
                on:change=move |ev| {
                    if let Some(sort) = Sort::parse(&event_target_value(&ev)) {
                        ctx.update(|s| s.sort = sort);
                    }
                }
            >
                {options
                    .into_iter()
                    .map(|(sort, key)| {
                        view! {
                            <option value=sort.as_str() selected=move || current.get() == sort>
                                {ctx.text(key)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The dataset at a glance: how many items, figures, milestones, sites and organisations.
#[component]
fn DatasetCounts() -> impl IntoView {
    let ctx = use_ctx();
    let d = use_loaded().data;
    let counts = [
        (d.items.len(), Key::CountItems, "items"),
        (d.figures.len(), Key::CountFigures, "figures"),
        (d.milestones.len(), Key::CountMilestones, "milestones"),
        (d.sites.len(), Key::CountSites, "sites"),
        (
            d.organisations.len(),
            Key::CountOrganisations,
            "organisations",
        ),
    ];
    view! {
        <div class="itpe-dataset-counts">
            {ctx.heading_dom(2, "itpe-visually-hidden", None, move || ctx.t(Key::InDataset).into())}
            <ul>
                {counts
                    .into_iter()
                    .map(|(n, key, name)| {
                        view! {
                            <li data-count=name>
                                <span class="itpe-count-number">{n}</span>
                                {move || crate::i18n::number_gap(ctx.locale())}
                                <span class="itpe-count-label">{ctx.text(key)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
