//! The timeline's chart: its width, the rows stacked for it, the window shown, the roving tab
//! stop, the tips, and the effect that draws it all (see `drawing`).

use std::sync::Arc;

use leptos::prelude::*;

use super::super::hooks::use_element_width;
use super::super::use_loaded;
use super::drawing::{self, Build, Drawn, Placement, Stacking};
use super::{input, Shared};
use crate::format;
use crate::i18n::Key;
use crate::timeline::{self as tl, TimeWindow};

/// A milestone's tip: the milestone, and its left and top in the chart (px).
pub(super) type Tip = (usize, f64, f64);

/// The chart's handles, shared with its input (every one `Copy`).
#[derive(Clone, Copy)]
pub(super) struct Axis {
    pub shared: Shared,
    /// The chart's width, px (0 until measured).
    pub width: ReadSignal<f64>,
    /// The window shown, once per zoom, pan or resize (never while dragging).
    pub window: Memo<Option<TimeWindow>>,
    /// The tip shown by hovering, and the one shown by focus.
    pub hover: RwSignal<Option<Tip>>,
    pub focused: RwSignal<Option<Tip>>,
    /// The chart, and the element the axis and lanes are drawn into.
    pub chart: NodeRef<leptos::html::Div>,
    pub canvas: NodeRef<leptos::html::Div>,
}

pub(super) fn axis_chart(shared: Shared, as_of: Option<i32>) -> impl IntoView {
    let ctx = shared.ctx;
    let loaded = use_loaded();
    let (data, names) = (loaded.data, loaded.text_locale.html_lang());
    let chart = NodeRef::new();
    let width = use_element_width(chart, 1);
    let window = Memo::new(move |_| {
        let w = width.get() as f32;
        (w >= 50.0).then(|| TimeWindow::new(shared.months.get(), w))
    });
    let axis = Axis {
        shared,
        width,
        window,
        hover: RwSignal::new(None),
        focused: RwSignal::new(None),
        chart,
        canvas: NodeRef::new(),
    };
    draw(axis, stacking(axis, as_of), as_of);
    input::listen(axis);

    let tip = move || {
        let (m, left, top) = axis.hover.get().or(axis.focused.get())?;
        let ms = data.milestones.get(m)?;
        let title = data.item(&ms.item).map(|i| i.title.clone());
        Some(view! {
            <div class="itpe-tl-tip" aria-hidden="true" lang=names style:left=format!("{}px", drawing::px(left as f32)) style:top=format!("{}px", drawing::px(top as f32))>
                <strong>{format::date_in(ctx.locale(), &ms.date)}</strong> " · " {ms.label.clone()}
                <br/>
                <span class="itpe-muted">{title}</span>
            </div>
        })
    };
    view! {
        <p class="itpe-tl-help" id=ctx.id("tl-help")>{ctx.text(Key::TlHelp)}</p>
        <div
            class="itpe-tl-chart"
            node_ref=chart
            role="group"
            aria-label=ctx.text(Key::TlChart)
            aria-describedby=ctx.id("tl-help")
        >
            <div class="itpe-tl-draw" node_ref=axis.canvas></div>
            {tip}
        </div>
    }
}

/// The rows: stacked once per data change, resize or fold, in the reference window (the whole
/// period); zooming only rescales them.
fn stacking(axis: Axis, as_of: Option<i32>) -> Memo<Option<Arc<Stacking>>> {
    let data = use_loaded().data;
    let ctx = axis.shared.ctx;
    // Folded lanes, by policy area id (the URL's `fold`).
    let folded_areas = ctx.slice(|s| s.fold.clone());
    Memo::new(move |_| {
        let w = axis.width.get() as f32;
        if w < 50.0 {
            return None;
        }
        axis.shared.marks.with(|s| {
            let reference = TimeWindow::new(s.default_window(as_of), w);
            let folded: Vec<bool> = folded_areas.with(|c| {
                s.lanes
                    .iter()
                    .map(|&a| c.contains(&data.policy_areas[a].id))
                    .collect()
            });
            Some(Arc::new(Stacking {
                layout: s.layout(&reference, &folded),
                reference,
                folded,
            }))
        })
    })
}

/// The mark in the tab order (roving tabindex): the current mark if in the window, else the
/// first one in the window.
fn tab_stop(axis: Axis) -> Memo<Option<usize>> {
    Memo::new(move |_| {
        let cur = axis.shared.current.get();
        let v = axis.window.get()?;
        axis.shared.marks.with(|s| {
            let in_view = |e: &tl::Entry| {
                let (x, w) = v.mark(e);
                x + w >= 0.0 && x <= v.width
            };
            cur.filter(|&m| s.entries.iter().any(|e| e.milestone == m && in_view(e)))
                .or_else(|| {
                    (0..s.entries.len())
                        .filter(|&e| in_view(&s.entries[e]))
                        .min_by_key(|&e| s.rank[e])
                        .map(|e| s.entries[e].milestone)
                })
        })
    })
}

/// Draws the chart with plain DOM calls: the marks once per stacking, then per window only a
/// transform, the ticks and the labels; focus and the open item touch only their marks.
/// Drawing happens in an animation frame, outside the reactive run: removing or focusing
/// elements fires focus events, whose handlers set signals. Only the latest request draws.
fn draw(axis: Axis, stacking: Memo<Option<Arc<Stacking>>>, as_of: Option<i32>) {
    let loaded = use_loaded();
    let (data, names) = (loaded.data, loaded.text_locale.html_lang());
    let ctx = axis.shared.ctx;
    let tab = tab_stop(axis);
    let item = ctx.slice(|s| s.item.clone());
    let requested = StoredValue::new(0u32);
    let drawn = StoredValue::new(None::<Drawn>);
    Effect::new(move |_| {
        if axis.canvas.get().is_none() {
            return;
        }
        let (Some(st), Some(v)) = (stacking.get(), axis.window.get()) else {
            return;
        };
        let (tab, item) = (tab.get(), item.get());
        let as_of_label = ctx.t(Key::AsOf);
        let locale = ctx.locale();
        let marks = axis.shared.marks.get();
        let generation = requested.with_value(|g| g.wrapping_add(1));
        requested.set_value(generation);
        let data = data.clone();
        request_animation_frame(move || {
            let Some(root) = axis.canvas.try_get_untracked().flatten() else {
                return;
            };
            if requested.try_with_value(|g| *g) != Some(generation) {
                return;
            }
            drawn.update_value(|d| {
                if !d.as_ref().is_some_and(|d| Arc::ptr_eq(&d.stacking, &st)) {
                    let b = Build {
                        data: &data,
                        marks: &marks,
                        stacking: &st,
                        tab,
                        locale,
                        names,
                        lane_heading: ctx.heading(2),
                    };
                    *d = Some(Drawn {
                        buckets: drawing::build(&root, &b),
                        stacking: st.clone(),
                        placed: None,
                    });
                }
                let Some(d) = d else { return };
                if d.placed != Some((v, as_of_label)) {
                    let placement = Placement {
                        data: &data,
                        marks: &marks,
                        stacking: &st,
                        window: &v,
                        ticks: &tl::ticks(axis.shared.months.get_untracked(), &v),
                        labels: &marks.labels(&st.layout, &v, &st.folded),
                        as_of,
                        as_of_label,
                        locale,
                    };
                    drawing::place(&root, &placement, &mut d.buckets);
                    d.placed = Some((v, as_of_label));
                }
            });
            drawing::mark_state(&root, &data, &marks, tab, item.as_deref());
        });
    });
}
