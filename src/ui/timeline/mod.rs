//! The Timeline view: the selected items' milestones on a zoomable time axis, one lane per
//! policy area, and the same milestones as a list by year. Placement is `crate::timeline`; the
//! parts here render it:
//! - `axis`: the chart (its width, stacking, window, tips) and the effect that draws it;
//! - `drawing`: the plain-DOM drawing of marks, ticks and labels;
//! - `input`: buttons, keys, drag, wheel and pinch (through `crate::gesture`) into the URL's
//!   `zoom`;
//! - `controls`: the toolbar and the legend; `list`: the list by year.

mod axis;
mod controls;
mod drawing;
mod input;
mod list;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::hooks::use_element_width;
use super::{use_ctx, use_loaded, Ctx, DetailPanel};
use crate::dates::day_number;
use crate::format::group;
use crate::i18n::Key;
use crate::model::Dataset;
use crate::timeline::{self as tl, MarkSet};
use crate::view_state::TimelineMode;

/// Under this width of the view (rem) the list is the default presentation, as under the same
/// width in style/timeline.css. The view's own width, not the window's: embedded in a narrow
/// column of a wide page, the app behaves as in a narrow window.
const NARROW_REM: f64 = 40.0;

/// Whether a view `width` px wide (0: not measured yet) is narrow.
fn is_narrow(width: f64) -> bool {
    // Before the view is measured (its first render), the window's width stands in for it.
    let width = if width > 0.0 {
        width
    } else {
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(0.0)
    };
    width > 0.0 && width <= NARROW_REM * rem_px()
}

/// The root font size in px (what `rem` means), 16 unless the reader changed it.
fn rem_px() -> f64 {
    let root = document().document_element();
    root.and_then(|el| window().get_computed_style(&el).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        // JavaScript's parseFloat reads "16px" as 16; Rust's float parser would add its
        // tables (about 10 KB) to the wasm.
        .map(|size| js_sys::parse_float(&size))
        .filter(|&px| px > 0.0)
        .unwrap_or(16.0)
}

/// The element carrying `data-i` (a mark, or a list button) an event happened in.
fn event_mark(ev: &web_sys::Event) -> Option<(web_sys::Element, usize)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let mark = el.closest("[data-i]").ok()??;
    let i = mark.get_attribute("data-i")?.parse().ok()?;
    Some((mark, i))
}

/// What the view's parts share (every handle is `Copy`).
#[derive(Clone, Copy)]
struct Shared {
    ctx: Ctx,
    /// The selection's dated milestones, once per data or selection change.
    marks: Memo<Arc<MarkSet>>,
    /// The months shown: the URL's `zoom`, else the whole period.
    months: Memo<(i32, i32)>,
    /// The milestone with keyboard focus (an index into `data.milestones`).
    current: RwSignal<Option<usize>>,
}

impl Shared {
    /// Shows the months `w` (a continuous gesture: no history entry).
    fn show(self, w: (i32, i32)) {
        if w != self.months.get_untracked() {
            self.ctx.replace(|s| s.zoom = Some(w));
        }
    }

    /// Zooms by `factor` (the window's length multiplier) about a fraction of the width.
    fn zoom_at(self, factor: f64, anchor: f64) {
        self.show(tl::zoom(self.months.get_untracked(), factor, anchor));
    }

    /// Opens the item of milestone `m` and brings its details into view.
    fn open(self, data: &Dataset, m: usize) {
        let Some(item) = data.milestones.get(m).map(|m| m.item.clone()) else {
            return;
        };
        self.current.set(Some(m));
        self.ctx.update(|s| s.item = Some(item));
        request_animation_frame(|| {
            if let Some(el) = document()
                .query_selector(".itpe-timeline .itpe-detail")
                .ok()
                .flatten()
            {
                el.scroll_into_view_with_bool(false);
            }
        });
    }
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let data = loaded.data.clone();
    let selection = loaded.selection;
    let as_of = day_number(&data.document.as_of);

    let marks = Memo::new(move |_| Arc::new(selection.with(|sel| MarkSet::new(&data, sel))));
    let section = NodeRef::<leptos::html::Section>::new();
    let view_width = use_element_width(section, 1);
    let narrow = Memo::new(move |_| is_narrow(view_width.get()));
    let mode = Memo::new(move |_| {
        ctx.with(|s| s.timeline_mode).unwrap_or(if narrow.get() {
            TimelineMode::List
        } else {
            TimelineMode::Axis
        })
    });
    let months = Memo::new(move |_| {
        ctx.with(|s| s.zoom)
            .unwrap_or_else(|| marks.with(|s| s.default_window(as_of)))
    });
    let shared = Shared {
        ctx,
        marks,
        months,
        current: RwSignal::new(None),
    };
    let has_marks = Memo::new(move |_| marks.with(|s| !s.entries.is_empty()));

    let summary = move || {
        marks.with(|s| {
            let mut text = ctx
                .t(Key::TlSummary)
                .replace("{n}", &group(s.entries.len() as f64, 0))
                .replace("{m}", &group(s.items as f64, 0));
            if s.undated > 0 {
                text.push(' ');
                text.push_str(&ctx.t(Key::TlUndated).replace("{k}", &s.undated.to_string()));
            }
            text
        })
    };
    let body = move || {
        if !has_marks.get() {
            return view! { <p class="itpe-tl-empty">{ctx.text(Key::TlEmpty)}</p> }.into_any();
        }
        if mode.get() == TimelineMode::List {
            return view! {
                {list::milestone_list(shared, "itpe-tl-list itpe-tl-list-main")}
                <DetailPanel/>
            }
            .into_any();
        }
        view! {
            {axis::axis_chart(shared, as_of)}
            <DetailPanel/>
            <controls::Legend/>
            {list::list_disclosure(shared)}
        }
        .into_any()
    };

    view! {
        <section class="itpe-view itpe-timeline" aria-labelledby=ctx.id("view-title") node_ref=section>
            {ctx.heading_el(1).id(ctx.id("view-title")).child(ctx.text(Key::ViewTimeline))}
            <p class="itpe-tl-summary" role="status">{summary}</p>
            {controls::toolbar(shared, mode, has_marks)}
            {body}
        </section>
    }
}
