//! The Timeline view: the selected items' milestones on a zoomable time axis, one lane per
//! policy area, and the same milestones as a list by year. Placement is `crate::timeline`; this
//! file renders it and turns buttons, keys, drag, wheel and pinch into the URL's `zoom`.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_ctx, use_loaded, DetailPanel};
use crate::dates::day_number;
use crate::format::group;
use crate::i18n::Key;
use crate::model::Dataset;
use crate::timeline::{self as tl, LaneLayout, Layout, Source, View};
use crate::view_state::TimelineMode;

/// Under this width the list is the default presentation (as in style/timeline.css).
const NARROW: &str = "(max-width: 40rem)";

fn is_narrow() -> bool {
    window()
        .match_media(NARROW)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The element carrying `data-i` (a mark, or a list button) an event happened in.
fn event_mark(ev: &web_sys::Event) -> Option<(web_sys::Element, usize)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let mark = el.closest("[data-i]").ok()??;
    let i = mark.get_attribute("data-i")?.parse().ok()?;
    Some((mark, i))
}

/// Wheel, pinch and drag input not yet applied. While a gesture lasts, the drawing is only
/// transformed (a preview); the new window is laid out once the gesture pauses.
#[derive(Default)]
struct Input {
    /// Zoom factor (window length multiplier) about `anchor` (0..1 of the width), then a pan.
    factor: f64,
    anchor: f64,
    pan_px: f64,
    /// Bumped by each event; a pause commits only if no event came since.
    generation: u32,
    /// Active pointers (id, x) and where a one-pointer drag started.
    pointers: Vec<(i32, f64)>,
    start_x: f64,
    pinch: f64,
    moved: bool,
    /// A drag just ended: the click that follows is not a selection.
    eat_click: bool,
}

/// What the lanes share.
#[derive(Clone, Copy)]
struct Shared {
    source: Memo<Arc<Source>>,
    layout: Memo<Option<Arc<(View, Layout)>>>,
    ticks: Memo<Vec<tl::Tick>>,
    collapsed: RwSignal<Vec<usize>>,
    tab: Memo<Option<usize>>,
    /// Preview transform while a gesture lasts: (x offset, horizontal scale).
    preview: RwSignal<(f32, f32)>,
    as_of_x: Memo<Option<f32>>,
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let data = loaded.data.clone();
    let selection = loaded.selection;
    let as_of = day_number(&data.document.as_of);

    // Once per data or selection change.
    let source = {
        let data = data.clone();
        Memo::new(move |_| Arc::new(selection.with(|sel| Source::new(&data, sel))))
    };
    let narrow = RwSignal::new(is_narrow());
    let width = RwSignal::new(0.0f32);
    let chart: NodeRef<leptos::html::Div> = NodeRef::new();
    let measure = move |el: &web_sys::HtmlDivElement| {
        let w = el.client_width() as f32;
        if w != width.get_untracked() {
            width.set(w);
        }
    };
    let resize = window_event_listener(ev::resize, move |_| {
        narrow.set(is_narrow());
        if let Some(el) = chart.get_untracked() {
            measure(&el);
        }
    });
    on_cleanup(move || resize.remove());
    Effect::new(move |_| {
        if let Some(el) = chart.get() {
            measure(&el);
        }
    });

    let mode = Memo::new(move |_| {
        ctx.with(|s| s.timeline_mode).unwrap_or(if narrow.get() {
            TimelineMode::List
        } else {
            TimelineMode::Axis
        })
    });
    let window_m = Memo::new(move |_| {
        ctx.with(|s| s.zoom)
            .unwrap_or_else(|| source.with(|s| s.default_window(as_of)))
    });
    let collapsed = RwSignal::new(Vec::<usize>::new());
    // Once per zoom, pan, resize or collapse (never while dragging).
    let layout = Memo::new(move |_| {
        let w = width.get();
        if w < 50.0 {
            return None;
        }
        let view = View::new(window_m.get(), w);
        source.with(|s| {
            let folded: Vec<bool> =
                collapsed.with(|c| s.lanes.iter().map(|a| c.contains(a)).collect());
            Some(Arc::new((view, s.layout(&view, &folded))))
        })
    });
    let ticks = Memo::new(move |_| {
        layout.with(|l| {
            l.as_ref()
                .map(|l| tl::ticks(window_m.get_untracked(), &l.0))
                .unwrap_or_default()
        })
    });
    let as_of_x = Memo::new(move |_| {
        let d = as_of? as f32;
        layout.with(|l| l.as_ref().map(|l| l.0.x(d + 0.5)))
    });
    // The milestone with keyboard focus (an index into `data.milestones`).
    let current = RwSignal::new(None::<usize>);
    // Roving tabindex: the current mark if drawn, else the first one in view.
    let tab = Memo::new(move |_| {
        let cur = current.get_untracked();
        layout.with(|l| {
            let (view, l) = &**l.as_ref()?;
            source.with(|s| {
                let ids: Vec<usize> = l
                    .marks()
                    .filter(|p| p.x + p.w >= 0.0 && p.x <= view.width)
                    .map(|p| p.entry)
                    .collect();
                cur.filter(|&m| ids.iter().any(|&e| s.entries[e].milestone == m))
                    .or_else(|| {
                        ids.iter()
                            .min_by_key(|&&e| s.rank[e])
                            .map(|&e| s.entries[e].milestone)
                    })
            })
        })
    });
    let preview = RwSignal::new((0.0f32, 1.0f32));
    let shared = Shared {
        source,
        layout,
        ticks,
        collapsed,
        tab,
        preview,
        as_of_x,
    };

    // Hover and focus show the milestone's full text: (milestone, left, top) in the chart.
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let focused = RwSignal::new(None::<(usize, f64, f64)>);
    let place_tip = move |mark: &web_sys::Element, m: usize| {
        let root = chart.get_untracked()?;
        let (r, c) = (
            mark.get_bounding_client_rect(),
            root.get_bounding_client_rect(),
        );
        let left = (r.left() - c.left()).clamp(0.0, (c.width() - 300.0).max(0.0));
        Some((m, left, r.bottom() - c.top() + 6.0))
    };

    let focus_mark = move |m: usize| {
        request_animation_frame(move || {
            let Some(root) = chart.get_untracked() else {
                return;
            };
            if let Ok(Some(el)) = root.query_selector(&format!("[data-i=\"{m}\"]")) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };
    let open = {
        let data = data.clone();
        move |m: usize| {
            let Some(item) = data.milestones.get(m).map(|m| m.item.clone()) else {
                return;
            };
            current.set(Some(m));
            ctx.update(|s| s.item = Some(item));
            request_animation_frame(|| {
                if let Some(el) = document()
                    .query_selector(".timeline .detail")
                    .ok()
                    .flatten()
                {
                    el.scroll_into_view_with_bool(false);
                }
            });
        }
    };
    let set_window = move |w: (i32, i32)| {
        if w != window_m.get_untracked() {
            ctx.replace(|s| s.zoom = Some(w));
        }
    };
    // Zoom about a fraction of the width (0 = left edge).
    let zoom_at = move |factor: f64, anchor: f64| {
        set_window(tl::zoom(window_m.get_untracked(), factor, anchor));
    };
    let pan_by = move |quarters: i32| {
        let w = window_m.get_untracked();
        let step = ((w.1 - w.0 + 1) / 4).max(1);
        set_window(tl::pan(w, quarters * step));
    };

    // Wheel and pinch input: previewed at once, laid out when the gesture pauses.
    let input = StoredValue::new(Input {
        factor: 1.0,
        ..Input::default()
    });
    let commit = move || {
        let (factor, anchor, pan_px) = input.with_value(|i| (i.factor, i.anchor, i.pan_px));
        input.update_value(|i| {
            i.factor = 1.0;
            i.pan_px = 0.0;
        });
        preview.set((0.0, 1.0));
        let w = window_m.get_untracked();
        let mut next = if (factor - 1.0).abs() > 1e-3 {
            tl::zoom(w, factor, anchor)
        } else {
            w
        };
        let per_month = width.get_untracked().max(1.0) as f64 / (next.1 - next.0 + 1) as f64;
        next = tl::pan(next, (pan_px / per_month).round() as i32);
        set_window(next);
    };
    let gesture = move || {
        let (factor, anchor, pan_px) = input.with_value(|i| (i.factor, i.anchor, i.pan_px));
        let s = (1.0 / factor) as f32;
        let ax = anchor as f32 * width.get_untracked();
        preview.set((ax * (1.0 - s) - pan_px as f32, s));
        let generation = input.with_value(|i| i.generation).wrapping_add(1);
        input.update_value(|i| i.generation = generation);
        set_timeout(
            move || {
                if input.with_value(|i| i.generation) == generation {
                    commit();
                }
            },
            std::time::Duration::from_millis(250),
        );
    };
    let anchor_of = move |client_x: f64| {
        chart
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                ((client_x - r.left()) / r.width().max(1.0)).clamp(0.0, 1.0)
            })
            .unwrap_or(0.5)
    };
    let on_wheel = move |ev: ev::WheelEvent| {
        let zooming = ev.ctrl_key() || ev.meta_key();
        let (dx, dy) = (ev.delta_x(), ev.delta_y());
        if !zooming && dx.abs() <= dy.abs() {
            return; // vertical scrolling belongs to the page
        }
        ev.prevent_default();
        let unit = if ev.delta_mode() == 1 { 16.0 } else { 1.0 };
        let anchor = anchor_of(ev.client_x() as f64);
        input.update_value(|i| {
            if zooming {
                if i.factor == 1.0 {
                    i.anchor = anchor;
                }
                i.factor *= (dy * unit * 0.002).exp();
            } else {
                i.pan_px += dx * unit;
            }
        });
        gesture();
    };
    let per_month = move || {
        let w = window_m.get_untracked();
        width.get_untracked().max(1.0) as f64 / (w.1 - w.0 + 1) as f64
    };
    let on_down = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some();
        if on_button {
            return;
        }
        let x = ev.client_x() as f64;
        input.update_value(|i| {
            i.eat_click = false;
            i.pointers.retain(|p| p.0 != ev.pointer_id());
            i.pointers.push((ev.pointer_id(), x));
            match i.pointers.len() {
                1 => {
                    i.start_x = x;
                    i.moved = false;
                }
                2 => {
                    i.pinch = (i.pointers[0].1 - i.pointers[1].1).abs();
                    i.moved = false;
                }
                _ => {}
            }
        });
        if input.with_value(|i| i.pointers.len()) == 2 {
            preview.set((0.0, 1.0));
        }
    };
    let on_move = move |ev: ev::PointerEvent| {
        let x = ev.client_x() as f64;
        let id = ev.pointer_id();
        let known = input.with_value(|i| i.pointers.iter().any(|p| p.0 == id));
        if !known {
            return;
        }
        input.update_value(|i| {
            if let Some(p) = i.pointers.iter_mut().find(|p| p.0 == id) {
                p.1 = x;
            }
        });
        let (n, start, moved) = input.with_value(|i| (i.pointers.len(), i.start_x, i.moved));
        if n == 1 {
            let dx = x - start;
            if !moved && dx.abs() > 4.0 {
                input.update_value(|i| i.moved = true);
                if let Some(el) = chart.get_untracked() {
                    let _ = el.set_pointer_capture(id);
                }
            }
            if moved || dx.abs() > 4.0 {
                // Whole months, as the URL holds months: the drop lands where it shows.
                let pm = per_month();
                preview.set((((dx / pm).round() * pm) as f32, 1.0));
            }
        } else if n == 2 {
            let (a, b) = input.with_value(|i| (i.pointers[0].1, i.pointers[1].1));
            let dist = (a - b).abs().max(10.0);
            let anchor = anchor_of((a + b) / 2.0);
            input.update_value(|i| {
                if i.factor == 1.0 {
                    i.anchor = anchor;
                }
                i.factor *= i.pinch.max(10.0) / dist;
                i.pinch = dist;
            });
            gesture();
        }
    };
    let on_up = move |ev: ev::PointerEvent| {
        let id = ev.pointer_id();
        let (was_drag, dx) = input.with_value(|i| {
            (
                i.pointers.len() == 1 && i.moved && i.pointers[0].0 == id,
                i.pointers.first().map(|p| p.1 - i.start_x).unwrap_or(0.0),
            )
        });
        input.update_value(|i| {
            i.pointers.retain(|p| p.0 != id);
            // After a pinch, the finger left behind starts a new drag.
            if let [(_, x)] = i.pointers[..] {
                i.start_x = x;
            }
            if was_drag {
                i.eat_click = true;
                i.moved = false;
            }
        });
        if was_drag {
            let months = -(dx / per_month()).round() as i32;
            preview.set((0.0, 1.0));
            if months != 0 {
                set_window(tl::pan(window_m.get_untracked(), months));
            }
        }
    };

    let on_click = {
        let open = open.clone();
        move |ev: ev::MouseEvent| {
            if input.with_value(|i| i.eat_click) {
                input.update_value(|i| i.eat_click = false);
                return;
            }
            if let Some((_, m)) = event_mark(&ev) {
                open(m);
            }
        }
    };
    let on_key = {
        let open = open.clone();
        move |ev: ev::KeyboardEvent| {
            let Some((_, m)) = event_mark(&ev) else {
                return;
            };
            let s = source.get_untracked();
            let Some(e) = s.entries.iter().position(|e| e.milestone == m) else {
                return;
            };
            let (rank, last) = (s.rank[e], s.time_order.len() - 1);
            let to = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (rank + 1).min(last),
                "ArrowLeft" | "ArrowUp" => rank.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                k @ ("+" | "=" | "-" | "_") => {
                    ev.prevent_default();
                    let en = &s.entries[e];
                    let mid = (en.start + en.end + 1) as f32 / 2.0;
                    let at = layout
                        .get_untracked()
                        .map(|l| (l.0.x(mid) / l.0.width) as f64)
                        .unwrap_or(0.5);
                    let factor = if matches!(k, "+" | "=") {
                        1.0 / 1.5
                    } else {
                        1.5
                    };
                    zoom_at(factor, at);
                    focus_mark(m);
                    return;
                }
                "Enter" | " " => {
                    ev.prevent_default();
                    open(m);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            let e = &s.entries[s.time_order[to]];
            current.set(Some(e.milestone));
            set_window(tl::reveal(window_m.get_untracked(), e.start, e.end));
            focus_mark(e.milestone);
        }
    };
    let on_focusin = move |ev: ev::FocusEvent| {
        let Some((mark, m)) = event_mark(&ev) else {
            return;
        };
        current.set(Some(m));
        // Exactly one mark is in the tab order: this one.
        if let Some(root) = chart.get_untracked() {
            while let Ok(Some(el)) = root.query_selector("[data-i][tabindex=\"0\"]") {
                let _ = el.set_attribute("tabindex", "-1");
            }
        }
        let _ = mark.set_attribute("tabindex", "0");
        focused.set(place_tip(&mark, m));
    };
    let on_over = move |ev: ev::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            return;
        }
        hover.set(event_mark(&ev).and_then(|(mark, m)| place_tip(&mark, m)));
    };

    let summary = move || {
        source.with(|s| {
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
    let shown = move || {
        let (a, b) = window_m.get();
        format!(
            "{}-{:02} – {}-{:02}",
            a.div_euclid(12),
            a.rem_euclid(12) + 1,
            b.div_euclid(12),
            b.rem_euclid(12) + 1
        )
    };
    let mode_button = move |m: TimelineMode, key: Key| {
        view! {
            <button
                type="button"
                class="button-secondary"
                data-mode=m.as_str()
                aria-pressed=move || (mode.get() == m).to_string()
                on:click=move |_| ctx.update(|s| s.timeline_mode = Some(m))
            >
                {move || ctx.t(key)}
            </button>
        }
    };
    let tip = {
        let data = data.clone();
        move || {
            let (m, left, top) = hover.get().or(focused.get())?;
            let ms = data.milestones.get(m)?;
            let title = data.item(&ms.item).map(|i| i.title.clone());
            Some(view! {
                <div class="tl-tip" aria-hidden="true" lang="en" style:left=format!("{left}px") style:top=format!("{top}px")>
                    <strong>{ms.date.text.clone()}</strong> " · " {ms.label.clone()}
                    <br/>
                    <span class="muted">{title}</span>
                </div>
            })
        }
    };
    let lanes = {
        let data = data.clone();
        move || {
            source.with(|s| {
                s.lanes
                    .iter()
                    .map(|&area| lane(area, shared, data.clone()))
                    .collect_view()
            })
        }
    };
    let axis = move || {
        let w = width.get();
        let ticks = ticks.get();
        let as_of_label = as_of_x.get().map(|x| {
            let end = x > w - 160.0;
            view! {
                <text class="tl-asof-label" x={if end { x - 4.0 } else { x + 4.0 }} y="30" text-anchor={if end { "end" } else { "start" }}>
                    {ctx.t(Key::AsOf)} " " {as_of.map(crate::dates::iso_date)}
                </text>
            }
        });
        view! {
            <svg class="tl-axis" width=w height="40" aria-hidden="true">
                <defs>
                    <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="#e6f2f0"/>
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#00594f" stroke-width="3"/>
                    </pattern>
                </defs>
                <g transform=move || transform(preview.get())>
                    {ticks
                        .into_iter()
                        .map(|t| view! {
                            <line x1=t.x x2=t.x y1="34" y2="40" class="tl-tick"/>
                            <text x={t.x + 3.0} y="14" class="tl-tick-label">{t.label}</text>
                        })
                        .collect_view()}
                    {as_of_label}
                </g>
            </svg>
        }
    };
    let list = {
        let data = data.clone();
        let open = open.clone();
        move || {
            let open = open.clone();
            source.with(|s| list_view(s, &data, ctx, open))
        }
    };
    // The list under the axis is built only when opened (it can be long).
    let list_open = RwSignal::new(false);
    let has_marks = move || source.with(|s| !s.entries.is_empty());

    let body = move || {
        if !has_marks() {
            return view! { <p class="tl-empty">{move || ctx.t(Key::TlEmpty)}</p> }.into_any();
        }
        if mode.get() == TimelineMode::List {
            return view! {
                <div class="tl-list-main">{list.clone()}</div>
                <DetailPanel/>
            }
            .into_any();
        }
        view! {
            <p class="tl-help" id="tl-help">{move || ctx.t(Key::TlHelp)}</p>
            <div
                class="tl-chart"
                node_ref=chart
                role="group"
                aria-label=move || ctx.t(Key::TlChart)
                aria-describedby="tl-help"
                on:wheel=on_wheel
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:click=on_click.clone()
                on:keydown=on_key.clone()
                on:focusin=on_focusin
                on:focusout=move |_| focused.set(None)
                on:pointerover=on_over
                on:pointerleave=move |_| hover.set(None)
            >
                {axis}
                <div class="tl-lanes">{lanes.clone()}</div>
                {tip.clone()}
            </div>
            <DetailPanel/>
            <Legend/>
            <details class="tl-list-details" on:toggle=move |_| list_open.update(|o| *o = !*o)>
                <summary>{move || ctx.t(Key::TlList)}</summary>
                {
                    let list = list.clone();
                    move || list_open.get().then(list.clone())
                }
            </details>
        }
        .into_any()
    };

    view! {
        <section class="view timeline" aria-labelledby="view-title">
            <h2 id="view-title">{move || ctx.t(Key::ViewTimeline)}</h2>
            <p class="tl-summary" role="status">{summary}</p>
            <div class="tl-toolbar">
                <div class="tl-modes" role="group" aria-label=move || ctx.t(Key::TlPresentation)>
                    {mode_button(TimelineMode::Axis, Key::TlModeAxis)}
                    {mode_button(TimelineMode::List, Key::TlModeList)}
                </div>
                <Show when=move || mode.get() == TimelineMode::Axis && has_marks()>
                    <div class="tl-zoom" role="group" aria-label=move || ctx.t(Key::TlZoom)>
                        <button type="button" class="button-secondary" data-zoom="in" on:click=move |_| zoom_at(1.0 / 1.5, 0.5)>{move || ctx.t(Key::TlZoomIn)}</button>
                        <button type="button" class="button-secondary" data-zoom="out" on:click=move |_| zoom_at(1.5, 0.5)>{move || ctx.t(Key::TlZoomOut)}</button>
                        <button type="button" class="button-secondary" on:click=move |_| pan_by(-1)>"← " {move || ctx.t(Key::TlEarlier)}</button>
                        <button type="button" class="button-secondary" on:click=move |_| pan_by(1)>{move || ctx.t(Key::TlLater)} " →"</button>
                        <button type="button" class="button-secondary" data-zoom="all" disabled=move || ctx.with(|s| s.zoom.is_none()) on:click=move |_| ctx.replace(|s| s.zoom = None)>
                            {move || ctx.t(Key::TlWhole)}
                        </button>
                    </div>
                    <p class="tl-shown">{move || ctx.t(Key::TlShown)} ": " <span class="tl-range">{shown}</span></p>
                </Show>
            </div>
            {body}
        </section>
    }
}

fn transform((dx, scale): (f32, f32)) -> String {
    format!("translate({dx},0) scale({scale},1)")
}

/// One policy area's lane: a heading that folds it, and its marks.
fn lane(area: usize, sh: Shared, data: Arc<Dataset>) -> impl IntoView {
    let ctx = use_ctx();
    let name = data
        .policy_areas
        .get(area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let area_id = data
        .policy_areas
        .get(area)
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let idx = move || sh.source.with(|s| s.lanes.iter().position(|&a| a == area));
    let count = move || {
        sh.source.with(|s| {
            let i = s.lanes.iter().position(|&a| a == area);
            s.entries.iter().filter(|e| Some(e.lane) == i).count()
        })
    };
    let expanded = move || !sh.collapsed.with(|c| c.contains(&area));
    let toggle = move |_| {
        sh.collapsed
            .update(|c| match c.iter().position(|&a| a == area) {
                Some(k) => {
                    c.remove(k);
                }
                None => c.push(area),
            })
    };
    let height = move || {
        sh.layout.with(|l| {
            l.as_ref()
                .and_then(|l| l.1.lanes.get(idx()?).map(|ll| ll.height))
                .unwrap_or(0.0)
        })
    };
    let width = move || {
        sh.layout
            .with(|l| l.as_ref().map(|l| l.0.width).unwrap_or(0.0))
    };
    let grid = move || {
        let h = height();
        sh.ticks
            .get()
            .into_iter()
            .map(|t| view! { <line class="tl-grid" x1=t.x x2=t.x y1="0" y2=h/> })
            .collect_view()
    };
    let as_of = move || {
        let h = height();
        sh.as_of_x
            .get()
            .map(|x| view! { <line class="tl-asof" x1=x x2=x y1="0" y2=h/> })
    };
    // The open item's marks, ringed.
    let open = {
        let data = data.clone();
        move || {
            let item = ctx.with(|s| s.item.clone())?;
            let i = idx()?;
            sh.layout.with(|l| {
                let l = l.as_ref()?;
                sh.source.with(|s| {
                    Some(
                        l.1.lanes[i]
                            .marks
                            .iter()
                            .filter(|p| data.milestones[s.entries[p.entry].milestone].item == item)
                            .map(|p| {
                                let y = LaneLayout::row_y(p.row);
                                view! { <rect class="tl-open" x={p.x - 4.0} y={y - 9.0} width={p.w + 8.0} height="18" rx="3"/> }
                            })
                            .collect_view(),
                    )
                })
            })
        }
    };
    let marks = move || {
        let tab = sh.tab.get();
        let Some(i) = idx() else {
            return Vec::new();
        };
        sh.layout.with(|l| {
            let Some(l) = l.as_ref() else {
                return Vec::new();
            };
            sh.source.with(|s| {
                l.1.lanes[i]
                    .marks
                    .iter()
                    .map(|p| mark(p, s, &data, tab))
                    .collect()
            })
        })
    };
    view! {
        <div class="tl-lane" data-area=area_id>
            <h3 class="tl-lane-head">
                <button type="button" aria-expanded=move || expanded().to_string() on:click=toggle>
                    <span class="tl-caret" aria-hidden="true"></span>
                    <span lang="en">{name.clone()}</span>
                    " "
                    <span class="tl-count">"(" {count} ")"</span>
                </button>
            </h3>
            <svg class="tl-lane-svg" width=width height=height lang="en" role="group" aria-label=name>
                <g transform=move || transform(sh.preview.get())>
                    {grid}
                    {as_of}
                    {open}
                    {marks}
                </g>
            </svg>
        </div>
    }
}

/// A milestone's mark: a dot for a day or month, a hatched bar for a period; its label,
/// shortened to the room the layout left; its full text as its accessible name.
fn mark(p: &tl::Placed, s: &Source, data: &Dataset, tab: Option<usize>) -> impl IntoView {
    let e = &s.entries[p.entry];
    let m = &data.milestones[e.milestone];
    let y = LaneLayout::row_y(p.row);
    let title = data.item(&m.item).map(|i| i.title.as_str()).unwrap_or("");
    let name = format!("{}: {} ({})", m.date.text, m.label, title);
    let text = (p.label_w > 0.0)
        .then(|| tl::abbreviate(&m.label, p.label_w))
        .flatten()
        .map(|t| view! { <text x={p.label_x()} y={y + 4.0}>{t}</text> });
    view! {
        <g
            class={if e.span { "tl-mark tl-span" } else { "tl-mark tl-point" }}
            role="button"
            tabindex={if tab == Some(e.milestone) { "0" } else { "-1" }}
            aria-label=name
            data-i=e.milestone
            data-order=s.rank[p.entry]
            data-id=m.id.clone()
        >
            <rect x=p.x y={y - 5.0} width=p.w height="10" rx={if e.span { 0.0 } else { tl::POINT_R }}/>
            {text}
        </g>
    }
}

/// The same milestones as an ordered list, by year, in time order.
fn list_view(
    s: &Source,
    data: &Dataset,
    ctx: super::Ctx,
    open: impl Fn(usize) + Clone + 'static,
) -> impl IntoView {
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for &e in &s.time_order {
        let y = s.entries[e].year;
        match years.last_mut() {
            Some((last, v)) if *last == y => v.push(e),
            _ => years.push((y, vec![e])),
        }
    }
    let on_click = move |ev: ev::MouseEvent| {
        if let Some((el, m)) = event_mark(&ev) {
            if el.tag_name().eq_ignore_ascii_case("button") {
                open(m);
            }
        }
    };
    let years = years
        .into_iter()
        .map(|(y, es)| {
            let items = es
                .into_iter()
                .map(|e| {
                    let en = &s.entries[e];
                    let m = &data.milestones[en.milestone];
                    let title = data.item(&m.item).map(|i| i.title.clone());
                    view! {
                        <li data-id=m.id.clone()>
                            <time datetime=m.date.start.clone() lang="en">{m.date.text.clone()}</time>
                            {en.span.then(|| view! { <span class="tl-period">" (" {move || ctx.t(Key::TlSpanNote)} ")"</span> })}
                            ": " <span lang="en">{m.label.clone()}</span> " · "
                            <button type="button" class="link-button" data-i=en.milestone lang="en">{title}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="tl-year">
                    <h3>{y}</h3>
                    <ol>{items}</ol>
                </section>
            }
        })
        .collect_view();
    view! { <div class="tl-list" on:click=on_click>{years}</div> }
}

#[component]
fn Legend() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="tl-legend">
            <h3>{move || ctx.t(Key::TlLegend)}</h3>
            <ul>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><rect class="tl-key-point" x="7" y="2" width="10" height="10" rx="5"/></svg>
                    {move || ctx.t(Key::TlLegendPoint)}
                </li>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><rect class="tl-key-span" x="1" y="2" width="22" height="10"/></svg>
                    {move || ctx.t(Key::TlLegendSpan)}
                </li>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><line class="tl-asof" x1="12" x2="12" y1="0" y2="14"/></svg>
                    {move || ctx.t(Key::TlLegendAsOf)}
                </li>
                <li>{move || ctx.t(Key::TlLegendLabels)}</li>
            </ul>
        </div>
    }
}
