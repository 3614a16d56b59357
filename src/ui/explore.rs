//! The Explore view: search and facets on the left, results in the middle, details on the
//! right (stacked on narrow screens). Plain DOM (`super::dom`) inside one `view!`, which also
//! holds the detail panel (a component: its content comes from a chunk).

use leptos::prelude::*;
use web_sys::Element;

use super::filters::{chips, counts_memo, facets, search_box};
use super::list::{figure_matches, result_list};
use super::{dom, use_ctx, use_loaded, Ctx, DetailPanel};
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
                {search_box(ctx)}
                {facets(ctx, counts)}
            </div>
            {results(ctx)}
            <div class="itpe-explore-detail">
                <DetailPanel/>
            </div>
        </div>
    }
}

/// The results column: the dataset's counts, the active filters and the order, the matching
/// figures, the results. A pointer over it (a finger's touch included) or the focus in it
/// fetches the details' chunk before an item is opened.
fn results(ctx: Ctx) -> dom::Dom {
    let column = dom::element("div", &[("class", "itpe-explore-results")], None);
    let prefetch = Box::new(|_| super::split::prefetch_details());
    super::hooks::listen(&column, &["pointerenter", "focusin"], prefetch);
    dom::placed(&column, dataset_counts(ctx));
    let bar = dom::add(&column, "div", &[("class", "itpe-results-bar")], None);
    chips(ctx, &bar);
    dom::placed(&bar, sort_select(ctx));
    figure_matches(ctx, &column);
    dom::placed(&column, result_list(ctx));
    dom::Dom(column)
}

/// How the results are ordered: a select that follows the address.
fn sort_select(ctx: Ctx) -> Element {
    let id = ctx.id("sort");
    let div = dom::element("div", &[("class", "itpe-sort")], None);
    ctx.add_text(&dom::add(&div, "label", &[("for", &id)], None), Key::SortBy);
    dom::text(&div, " ");
    let select = dom::add(&div, "select", &[("id", &id)], None);
    let options = [
        (Sort::Paper, Key::SortPaper),
        (Sort::Date, Key::SortDate),
        (Sort::Amount, Key::SortAmount),
    ];
    for (sort, key) in options {
        let option = dom::add(&select, "option", &[("value", sort.as_str())], None);
        ctx.add_text(&option, key);
    }
    let current = ctx.slice(|s| s.sort);
    dom::bind_value(&select, move || current.get().as_str().to_string());
    dom::on(&select, "change", move |ev| {
        if let Some(sort) = Sort::parse(&event_target_value(&ev)) {
            ctx.update(|s| s.sort = sort);
        }
    });
    div
}

/// The dataset at a glance: how many items, figures, milestones, sites and organisations.
fn dataset_counts(ctx: Ctx) -> Element {
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
    let div = dom::element("div", &[("class", "itpe-dataset-counts")], None);
    let heading = ctx.add_heading(&div, 2, "itpe-visually-hidden");
    ctx.add_text(&heading, Key::InDataset);
    let ul = dom::add(&div, "ul", &[], None);
    for (n, key, name) in counts {
        let li = dom::add(&ul, "li", &[("data-count", name)], None);
        let number = n.to_string();
        dom::add(
            &li,
            "span",
            &[("class", "itpe-count-number")],
            Some(&number),
        );
        dom::bound_text(&li, move || crate::i18n::number_gap(ctx.locale()).into());
        ctx.add_text(
            &dom::add(&li, "span", &[("class", "itpe-count-label")], None),
            key,
        );
    }
    div
}
