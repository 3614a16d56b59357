//! What only the printed page shows: at the top, which view, search and filters it is, its
//! address and the data's as-of date; below the view, every item of the selection with its
//! paragraph reference and quote (the screen's list shows ten at first). Rendered only while
//! printing, so typing a search never pays for it. `style/print.css` hides the controls.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::detail::StatusTag;
use super::takeaway::link_to;
use super::{dom, use_ctx, use_loaded};
use crate::export::filter_summary;
use crate::i18n::{long_date, paragraph_ref, results_count, t, Key};
use crate::view_state::View;

/// True while the page is printed (or shown as print media), for content only paper needs.
#[derive(Clone, Copy)]
pub struct Printing(pub ReadSignal<bool>);

/// The width of an A4 page's text in CSS pixels (210 mm less 12 mm margins each side, at 96 px
/// per inch; `style/print.css` sets the margins).
const PAGE_WIDTH_PX: f64 = 700.0;

/// Drawings laid out in pixels for the screen (the timeline's axis, the map's markers) are
/// scaled to the page as a whole: printing lays the page out again but runs no script, so they
/// cannot be redrawn for it.
fn fit_to_page(printing: bool) {
    let Ok(charts) = document().query_selector_all(".itpe .itpe-tl-chart, .itpe .itpe-map-frame")
    else {
        return;
    };
    for i in 0..charts.length() {
        let Some(el) = charts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let width = f64::from(el.client_width());
        let style = el.style();
        // A custom property on an element's own style: setting or removing it cannot fail.
        if printing && width > PAGE_WIDTH_PX {
            let _ = style.set_property(
                "--print-scale",
                &crate::format::group(PAGE_WIDTH_PX / width, 4),
            );
        } else {
            let _ = style.remove_property("--print-scale");
        }
    }
}

/// Starts following the browser's print events; call once, above every view.
pub fn provide_printing() {
    let printing = RwSignal::new(false);
    let set = move |on: bool| {
        fit_to_page(on);
        printing.try_set(on);
    };
    let before = window_event_listener(leptos::ev::beforeprint, move |_| set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| set(false));
    // Print emulation (tools that save PDFs) changes only the media query, without the events.
    let print_media = super::hooks::use_media_query("print");
    Effect::new(move |first: Option<()>| {
        let on = print_media.get();
        // At start the page is not printed: nothing to undo.
        if first.is_some() || on {
            set(on);
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    provide_context(Printing(printing.read_only()));
}

pub fn printing() -> ReadSignal<bool> {
    expect_context::<Printing>().0
}

/// The printed page's header and, below the view, its full selection.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let ctx = use_ctx();
    let data = use_loaded().data;
    let printing = printing();
    move || {
        printing.get().then(|| {
            let state = ctx.state().get_untracked();
            let locale = state.lang;
            let filters = filter_summary(&data, &state, locale);
            let filters = if filters.is_empty() {
                t(locale, Key::PrintedNoFilters).to_string()
            } else {
                filters
                    .into_iter()
                    .map(|(k, v)| format!("{}: {v}", t(locale, k)))
                    .collect::<Vec<_>>()
                    .join(" · ")
            };
            let view_name = t(locale, super::shell::view_label(state.view));
            let doc = &data.document;
            let as_of = format!(
                "{} · {} {}",
                long_date(locale, &doc.as_of),
                t(locale, Key::DatasetVersion),
                doc.dataset_version
            );
            let row = |k: Key, v: String| view! { <dt>{t(locale, k)}</dt><dd>{v}</dd> };
            view! {
                <dl class="itpe-print-only itpe-print-head">
                    {row(Key::PrintedView, view_name.to_string())}
                    {row(Key::PrintedFilters, filters)}
                    {row(Key::PrintedUrl, link_to(ctx, &state))}
                    {row(Key::AsOf, as_of)}
                </dl>
            }
        })
    }
}

/// Every item of the selection, as a printed list (not in the Source view, which prints the
/// paper itself).
#[component]
pub fn PrintSelection() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let printing = printing();
    move || {
        let data = loaded.data.clone();
        let show = printing.get() && ctx.state().with_untracked(|s| s.view != View::Source);
        show.then(|| {
            let locale = ctx.locale();
            let sel = loaded.selection.get_untracked();
            let rows = sel
                .iter()
                .map(|&i| {
                    let item = &data.items[i];
                    let area = data.area(&item.area).map(|a| a.name.clone()).unwrap_or_default();
                    let place = data
                        .paragraph(&item.source.paragraph)
                        .and_then(|p| paragraph_ref(locale, p))
                        .unwrap_or_default();
                    view! {
                        <li class="itpe-print-item">
                            {
                                let h = ctx.heading_node(2, "");
                                dom::set(&h, "lang", Some("en"));
                                h.set_text_content(Some(&item.title));
                                dom::Dom(h)
                            }
                            <p class="itpe-result-meta">
                                <StatusTag status=item.status/>
                                " " {t(locale, crate::i18n::kind_key(item.kind))} " · " <span lang="en">{area}</span>
                            </p>
                            <blockquote lang="en">
                                <p>"“" {item.source.quote.clone()} "”"</p>
                                <footer>{place}</footer>
                            </blockquote>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="itpe-print-only itpe-print-selection">
                    {
                        let h = ctx.heading_node(1, "");
                        let count = results_count(locale, sel.len(), data.items.len());
                        h.set_text_content(Some(&format!("{} ({count})", t(locale, Key::PrintedSelection))));
                        dom::Dom(h)
                    }
                    <ol>{rows}</ol>
                </section>
            }
        })
    }
}
