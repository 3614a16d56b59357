//! The timeline's toolbar (presentation, zoom buttons, the months shown) and its legend.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::controls::ChoiceButton;
use super::super::use_ctx;
use super::Shared;
use crate::format;
use crate::i18n::{labelled, Key};
use crate::timeline as tl;
use crate::view_state::{format_month, TimelineMode};

/// Axis or list, and, on the axis, the zoom buttons and the months shown.
pub(super) fn toolbar(
    shared: Shared,
    mode: Memo<TimelineMode>,
    has_marks: Memo<bool>,
) -> impl IntoView {
    let ctx = shared.ctx;
    // The zoom buttons, by their `data-zoom` (one handler for the group).
    let on_zoom = move |ev: ev::MouseEvent| {
        let action = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-zoom]").ok().flatten())
            .and_then(|b| b.get_attribute("data-zoom"));
        let w = shared.months.get_untracked();
        let quarter = ((w.1 - w.0 + 1) / 4).max(1);
        match action.as_deref() {
            Some("in") => shared.zoom_at(1.0 / 1.5, 0.5),
            Some("out") => shared.zoom_at(1.5, 0.5),
            Some("earlier") => shared.show(tl::pan(w, -quarter)),
            Some("later") => shared.show(tl::pan(w, quarter)),
            Some("all") => ctx.replace(|s| s.zoom = None),
            _ => {}
        }
    };
    let shown = move || {
        let (a, b) = shared.months.get();
        format::month_span_in(ctx.locale(), &format_month(a), &format_month(b))
    };
    let mode_button = move |m: TimelineMode, key: Key| {
        view! {
            <ChoiceButton
                chosen=Signal::derive(move || mode.get() == m)
                on_choose=Callback::new(move |_| ctx.update(|s| s.timeline_mode = Some(m)))
                label={key}
                {..}
                data-mode=m.as_str()
            />
        }
    };
    view! {
        <div class="itpe-tl-toolbar">
            <div class="itpe-tl-modes" role="group" aria-label=ctx.text(Key::TlPresentation)>
                {mode_button(TimelineMode::Axis, Key::TlModeAxis)}
                {mode_button(TimelineMode::List, Key::TlModeList)}
            </div>
            <Show when=move || mode.get() == TimelineMode::Axis && has_marks.get()>
                <div class="itpe-tl-zoom" role="group" aria-label=ctx.text(Key::TlZoom) on:click=on_zoom>
                    <button type="button" class="itpe-button-secondary" data-zoom="in">{ctx.text(Key::TlZoomIn)}</button>
                    <button type="button" class="itpe-button-secondary" data-zoom="out">{ctx.text(Key::TlZoomOut)}</button>
                    <button type="button" class="itpe-button-secondary" data-zoom="earlier">"← " {ctx.text(Key::TlEarlier)}</button>
                    <button type="button" class="itpe-button-secondary" data-zoom="later">{ctx.text(Key::TlLater)} " →"</button>
                    <button type="button" class="itpe-button-secondary" data-zoom="all" disabled=move || ctx.with(|s| s.zoom.is_none())>
                        {ctx.text(Key::TlWhole)}
                    </button>
                </div>
                <p class="itpe-tl-shown" aria-live="polite" aria-atomic="true">{move || labelled(ctx.locale(), ctx.t(Key::TlShown), "")} <span class="itpe-tl-range">{shown}</span></p>
            </Show>
        </div>
    }
}

#[component]
pub(super) fn Legend() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="itpe-tl-legend">
            {ctx.heading_el(2).child(ctx.text(Key::TlLegend))}
            <ul>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><rect class="itpe-tl-key-point" x="7" y="2" width="10" height="10" rx="5"/></svg>
                    {ctx.text(Key::TlLegendPoint)}
                </li>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><rect class="itpe-tl-key-span" x="1" y="2" width="22" height="10"/></svg>
                    {ctx.text(Key::TlLegendSpan)}
                </li>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><line class="itpe-tl-asof" x1="12" x2="12" y1="0" y2="14"/></svg>
                    {ctx.text(Key::TlLegendAsOf)}
                </li>
                <li>{ctx.text(Key::TlLegendLabels)}</li>
            </ul>
        </div>
    }
}
