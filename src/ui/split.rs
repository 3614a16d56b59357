//! What the first screen does not need is not in the first load: the Timeline, Map, Charts and
//! Source views, an item's details, the load checks of a dataset other than the shipped one,
//! the Chinese edition's code, the selection's downloads and the "Embed this view" panel's
//! snippets. Each is a split point (`wasm_split_helpers`, the mechanism of Leptos' `#[lazy]`),
//! and `scripts/build` cuts the wasm there into the main module and one chunk per split point
//! (plus chunks of code several of them share), which the glue fetches, beside itself, the
//! first time it is needed. Until a part's chunk arrives its place says it is loading; if it
//! cannot be loaded, it says so and offers a retry (the rest of the app keeps working and the
//! state is untouched). See ARCHITECTURE.md, "Views loaded on demand".
//!
//! `fallible` (rather than `#[lazy]`, which panics when a chunk does not load, and a panic ends
//! the whole wasm instance) turns a failed load into `ChunkMissing`; a later call tries again.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::dom::{self, Dom};
use super::use_ctx;
use crate::i18n::Key;
use crate::model::Initiative;
use crate::view_state::View;

/// A chunk did not load (network, HTTP status, damaged file; the browser console has the
/// details, logged by the glue).
#[derive(Clone, Copy, Debug)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

#[wasm_split(timeline, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_timeline))]
fn timeline_view() -> Result<AnyView, ChunkMissing> {
    crate::i18n::install_view_texts();
    super::hooks::adopt_view_style(include_str!("../../style/timeline.css"));
    Ok(view! { <super::timeline::TimelineView/> }.into_any())
}

#[wasm_split(map, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_map))]
fn map_view() -> Result<AnyView, ChunkMissing> {
    crate::i18n::install_view_texts();
    super::hooks::adopt_view_style(include_str!("../../style/map.css"));
    Ok(view! { <super::map::MapView/> }.into_any())
}

#[wasm_split(charts, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_charts))]
fn charts_view() -> Result<AnyView, ChunkMissing> {
    crate::i18n::install_view_texts();
    super::hooks::adopt_view_style(include_str!("../../style/charts.css"));
    Ok(view! { <super::charts::ChartsView/> }.into_any())
}

#[wasm_split(source, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_source))]
fn source_view() -> Result<AnyView, ChunkMissing> {
    crate::i18n::install_view_texts();
    Ok(view! { <super::source::SourceView/> }.into_any())
}

/// An item's details (`detail::ItemDetails`): most readers open one, but none needs them
/// before the first screen answers.
#[wasm_split(details, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_details))]
fn item_details(item: Initiative) -> Result<AnyView, ChunkMissing> {
    Ok(view! { <super::detail::ItemDetails item=item/> }.into_any())
}

/// The JSON reader and the load checks (`check::read`), for any dataset file but the pack
/// this build ships.
#[wasm_split(checks, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn read_dataset(
    file: crate::check::Unread,
) -> Result<Result<crate::check::Checked, crate::model::LoadError>, ChunkMissing> {
    Ok(crate::check::read(file))
}

/// The Chinese edition's code (`zh_code::ZhCode`): everything only this table reaches comes
/// in this chunk, fetched for a Chinese reader only.
#[wasm_split(zh, wasm_split_path = ::leptos::wasm_split, fallible)]
fn chinese_code() -> Result<&'static crate::zh_code::ZhCode, ChunkMissing> {
    Ok(&crate::zh_code::ZhCode::FULL)
}

/// Loads the Chinese edition's code (once per page; a failed load is tried again on the next
/// call) and installs it (`zh_code::install`).
pub async fn load_chinese() -> Result<(), ChunkMissing> {
    if crate::zh_code::installed().is_none() {
        crate::zh_code::install(chinese_code().await?);
    }
    Ok(())
}

/// The Chinese edition's code, fetched when a switch to Chinese is likely (a pointer over a
/// Chinese link of the language switcher, or the focus on it). A failure is left to the switch.
pub fn prefetch_chinese() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load_chinese().await;
    });
}

/// A link that opens a view loaded on demand: its chunks are fetched at once, beside the
/// dataset, rather than once the dataset has arrived and the view is drawn. A failure here is
/// left to the view (`OnDemand` loads again and says so).
pub fn prefetch(view: View) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = match view {
            View::Timeline => preload_timeline().await,
            View::Map => preload_map().await,
            View::Charts => preload_charts().await,
            View::Source => preload_source().await,
            View::Explore => Ok(()),
        };
    });
}

/// The details' chunk, fetched when an item is likely to be opened soon: a link that names
/// one, a pointer over (or the focus in) the results, a view whose marks open items.
pub fn prefetch_details() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = preload_details().await;
    });
}

/// The selection's downloads (`takeaway::save_selection`): the export of the selection as
/// CSV and JSON comes with the first download.
#[wasm_split(downloads, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn download_selection(
    ctx: super::Ctx,
    loaded: super::Loaded,
    what: &'static str,
) -> Result<(), ChunkMissing> {
    super::takeaway::save_selection(ctx, &loaded, what);
    Ok(())
}

/// The embed panel's snippets (`embed::EmbedSnippets`), fetched when the panel first opens.
#[wasm_split(embed, wasm_split_path = ::leptos::wasm_split, fallible)]
fn embed_snippets(
    open: RwSignal<bool>,
    announce: RwSignal<&'static str>,
) -> Result<AnyView, ChunkMissing> {
    Ok(view! { <super::embed::EmbedSnippets open=open announce=announce/> }.into_any())
}

/// What comes from a chunk: a view, an item's details, or the embed panel's content (its open
/// state and the take-away bar's status).
#[derive(Clone, Copy)]
enum Part {
    View(View),
    Details(StoredValue<Initiative>),
    Embed(RwSignal<bool>, RwSignal<&'static str>),
}

impl Part {
    /// The value of `data-chunk-loading` / `data-chunk-failed`.
    fn name(self) -> &'static str {
        match self {
            Part::View(view) => view.as_str(),
            Part::Details(_) => "details",
            Part::Embed(..) => "embed",
        }
    }

    /// The part's chunk, loaded if need be, then the part built (under the caller's owner, so
    /// it finds the contexts `Ready` provided).
    async fn load(self) -> Result<AnyView, ChunkMissing> {
        let part = match self {
            Part::View(View::Timeline) => timeline_view().await,
            Part::View(View::Map) => map_view().await,
            Part::View(View::Charts) => charts_view().await,
            Part::View(View::Source) => source_view().await,
            // In the main wasm: `app::view_for` shows it directly.
            Part::View(View::Explore) => Ok(view! { <super::explore::ExploreView/> }.into_any()),
            Part::Details(item) => item_details(item.get_value()).await,
            Part::Embed(open, announce) => embed_snippets(open, announce).await,
        };
        // The timeline's marks, the map's sites and the source's annotations open items: their
        // details come next, once the browser is idle (after the view is drawn, so as not to
        // slow its first switch).
        if part.is_ok() && matches!(self, Part::View(View::Timeline | View::Map | View::Source)) {
            request_idle_callback(prefetch_details);
        }
        part
    }
}

/// A view from its own chunk: "Loading…" while it arrives (nothing when it is
/// already there), the view, or what failed with a retry.
#[component]
pub fn OnDemand(view: View) -> impl IntoView {
    on_demand(Part::View(view))
}

/// The open item's details, from their chunk, as `OnDemand` shows a view.
pub fn item_details_on_demand(item: Initiative) -> impl IntoView {
    on_demand(Part::Details(StoredValue::new(item)))
}

/// The embed panel's content, from its chunk, as `OnDemand` shows a view; the caller mounts
/// it on the panel's first opening.
pub fn embed_snippets_on_demand(
    open: RwSignal<bool>,
    announce: RwSignal<&'static str>,
) -> impl IntoView {
    on_demand(Part::Embed(open, announce))
}

fn on_demand(part: Part) -> impl IntoView {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let ctx = use_ctx();
    // The part, built once its chunk is there (taken by the view below), or why it is not.
    let built: StoredValue<Option<AnyView>, LocalStorage> = StoredValue::new_local(None);
    let state = RwSignal::new(None::<Result<(), ChunkMissing>>);
    let done = move |part: Result<AnyView, ChunkMissing>| {
        state.try_set(Some(part.map(|view| built.set_value(Some(view)))));
    };
    // A chunk that is there already builds the part at once (no "Loading…" in between); else
    // the load goes on as a task of this owner, under which the part is built (so it finds
    // the contexts `Ready` provided).
    // A retry comes from a click, outside any owner: the part is built under this one.
    let owner = Owner::current();
    let load = move || {
        let start = move || {
            let mut loading = Box::pin(part.load());
            match loading
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(part) => done(part),
                Poll::Pending => {
                    let task = async move { done(loading.await) };
                    leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new(task));
                }
            }
        };
        match &owner {
            Some(owner) => owner.with(start),
            None => start(),
        }
    };
    load();
    let retry = move || {
        state.set(None);
        load();
        // The button goes with the message: focus goes to the main region (for a view) or to
        // the panel's button (for the panel), not to <body>.
        match part {
            Part::View(_) | Part::Details(_) => super::focus::return_focus(None, ctx.id("main")),
            Part::Embed(..) => super::focus::focus_id(ctx.id("embed-button")),
        }
    };
    move || match state.get() {
        Some(Ok(())) => built
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        None => {
            let attrs = [
                ("class", "itpe-loading"),
                ("role", "status"),
                ("aria-live", "polite"),
                ("data-chunk-loading", part.name()),
            ];
            let p = dom::element("p", &attrs, None);
            ctx.add_text(&p, Key::PartLoading);
            Dom(p).into_any()
        }
        Some(Err(ChunkMissing)) => {
            let attrs = [
                ("class", "itpe-error-summary"),
                ("role", "alert"),
                ("data-chunk-failed", part.name()),
            ];
            let div = dom::element("div", &attrs, None);
            dom::add(&div, "p", &[], Some(ctx.t(Key::PartLoadFailed)));
            let button = dom::add(
                &div,
                "button",
                &[("type", "button"), ("class", "itpe-button")],
                Some(ctx.t(Key::Retry)),
            );
            let retry = retry.clone();
            dom::on(&button, "click", move |_| retry());
            Dom(div).into_any()
        }
    }
}
