//! The Explore view: what the dataset holds, then filters, results and details.

use leptos::prelude::*;

use super::{use_ctx, use_loaded};
use crate::i18n::Key;

#[component]
pub fn ExploreView() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let d = loaded.data.clone();
    let counts = [
        (d.items.len(), Key::CountItems),
        (d.figures.len(), Key::CountFigures),
        (d.milestones.len(), Key::CountMilestones),
        (d.sites.len(), Key::CountSites),
        (d.organisations.len(), Key::CountOrganisations),
    ];
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || ctx.t(Key::ViewExplore)}</h2>
            <DatasetCounts counts=counts/>
        </section>
    }
}

/// The dataset at a glance: how many items, figures, milestones, sites and organisations.
#[component]
fn DatasetCounts(counts: [(usize, Key); 5]) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="dataset-counts">
            <h3 class="visually-hidden">{move || ctx.t(Key::InDataset)}</h3>
            <ul>
                {counts
                    .into_iter()
                    .map(|(n, key)| {
                        view! {
                            <li data-count=key_name(key)>
                                <span class="count-number">{n}</span>
                                " "
                                <span class="count-label">{move || ctx.t(key)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

fn key_name(key: Key) -> &'static str {
    match key {
        Key::CountItems => "items",
        Key::CountFigures => "figures",
        Key::CountMilestones => "milestones",
        Key::CountSites => "sites",
        _ => "organisations",
    }
}
