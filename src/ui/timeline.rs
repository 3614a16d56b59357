//! The Timeline view: the selected items' milestones on a zoomable time axis, one lane per
//! policy area, and the same milestones as a list by year. Placement is `crate::timeline`; this
//! file renders it and turns buttons, keys, drag, wheel and pinch into the URL's `zoom`.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_ctx, use_loaded, Ctx, DetailPanel};
use crate::dates::day_number;
use crate::format::group;
use crate::i18n::Key;
use crate::model::Dataset;
use crate::timeline::{self as tl, LaneLayout, Layout, Source, View};
use crate::view_state::{format_month, TimelineMode};

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
    // Where the axis and lanes are drawn (see `draw`).
    let canvas: NodeRef<leptos::html::Div> = NodeRef::new();
    // While a gesture lasts, what is drawn is only moved or stretched: (x offset, x scale).
    // Applied in the next animation frame, straight to the elements (DOM changes inside an
    // event handler can dispatch events re-entrantly).
    let pending_preview = StoredValue::new(None::<(f32, f32)>);
    let set_preview = move |p: (f32, f32)| {
        let requested = pending_preview.with_value(|v| v.is_some());
        pending_preview.set_value(Some(p));
        if requested {
            return; // a frame is already requested
        }
        request_animation_frame(move || {
            let Some(p) = pending_preview.with_value(|v| *v) else {
                return;
            };
            pending_preview.set_value(None);
            let t = transform(p);
            let Some(root) = canvas.get_untracked() else {
                return;
            };
            // The axis, then each lane's svg: their first <g> is the one that pans.
            let mut next = root.first_element_child();
            while let Some(el) = next {
                if let Ok(Some(g)) = el.query_selector(".tl-pan") {
                    let _ = g.set_attribute("transform", &t);
                }
                next = if el.get_attribute("class").as_deref() == Some("tl-lanes") {
                    el.first_element_child()
                } else {
                    el.next_element_sibling()
                };
            }
        });
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
    // The zoom buttons, by their `data-zoom`.
    let on_zoom = move |ev: ev::MouseEvent| {
        let action = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-zoom]").ok().flatten())
            .and_then(|b| b.get_attribute("data-zoom"));
        let w = window_m.get_untracked();
        let quarter = ((w.1 - w.0 + 1) / 4).max(1);
        match action.as_deref() {
            Some("in") => zoom_at(1.0 / 1.5, 0.5),
            Some("out") => zoom_at(1.5, 0.5),
            Some("earlier") => set_window(tl::pan(w, -quarter)),
            Some("later") => set_window(tl::pan(w, quarter)),
            Some("all") => ctx.replace(|s| s.zoom = None),
            _ => {}
        }
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
        set_preview((0.0, 1.0));
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
        set_preview((ax * (1.0 - s) - pan_px as f32, s));
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
            set_preview((0.0, 1.0));
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
                set_preview((((dx / pm).round() * pm) as f32, 1.0));
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
            set_preview((0.0, 1.0));
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
            let lane = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button[data-lane]").ok().flatten())
                .and_then(|b| b.get_attribute("data-lane")?.parse::<usize>().ok());
            if let Some(area) = lane {
                collapsed.update(|c| match c.iter().position(|&a| a == area) {
                    Some(k) => {
                        c.remove(k);
                    }
                    None => c.push(area),
                });
            } else if let Some((_, m)) = event_mark(&ev) {
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
        format!("{} – {}", format_month(a), format_month(b))
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
                <div class="tl-tip" aria-hidden="true" lang="en" style:left=format!("{}px", px(left as f32)) style:top=format!("{}px", px(top as f32))>
                    <strong>{ms.date.text.clone()}</strong> " · " {ms.label.clone()}
                    <br/>
                    <span class="muted">{title}</span>
                </div>
            })
        }
    };
    // The axis and lanes are drawn with plain DOM calls, once per layout (see `draw`).
    // Drawing happens in an animation frame, outside the reactive run: removing or focusing
    // elements fires focus events, whose handlers set signals. Only the latest request draws.
    let drawn = StoredValue::new(0u32);
    {
        let data = data.clone();
        Effect::new(move |_| {
            if canvas.get().is_none() {
                return;
            }
            let Some(l) = layout.get() else {
                return;
            };
            let (tab, item) = (tab.get(), ctx.with(|s| s.item.clone()));
            let as_of_label = ctx.t(Key::AsOf);
            let (src, folded) = (source.get(), collapsed.get());
            let ticks = tl::ticks(window_m.get_untracked(), &l.0);
            let generation = drawn.with_value(|g| g.wrapping_add(1));
            drawn.set_value(generation);
            let data = data.clone();
            request_animation_frame(move || {
                let Some(root) = canvas.get_untracked() else {
                    return;
                };
                if drawn.with_value(|g| *g) != generation {
                    return;
                }
                draw(
                    &root,
                    &Drawing {
                        data: &data,
                        source: &src,
                        view: &l.0,
                        layout: &l.1,
                        ticks: &ticks,
                        collapsed: &folded,
                        tab,
                        item: item.as_deref(),
                        as_of,
                        as_of_label,
                    },
                );
            });
        });
    }
    // The list: written when shown (in list mode, or when its disclosure is opened).
    let list_ref: NodeRef<leptos::html::Div> = NodeRef::new();
    {
        let data = data.clone();
        Effect::new(move |_| {
            if let Some(root) = list_ref.get() {
                source.with(|s| draw_list(&root, s, &data, ctx.t(Key::TlSpanNote)));
            }
        });
    }
    let on_list_click = {
        let open = open.clone();
        move |ev: ev::MouseEvent| {
            if let Some((el, m)) = event_mark(&ev) {
                if el.tag_name().eq_ignore_ascii_case("button") {
                    open(m);
                }
            }
        }
    };
    // The list under the axis is built only when opened (it can be long).
    let list_open = RwSignal::new(false);
    let has_marks = move || source.with(|s| !s.entries.is_empty());

    // The chart's input: one listener for every event type (one closure type instead of
    // eleven keeps the wasm smaller). The wheel listener must not be passive.
    Effect::new(move |_| {
        let Some(el) = chart.get() else {
            return;
        };
        let (on_click, on_key) = (on_click.clone(), on_key.clone());
        let handler = move |ev: web_sys::Event| match ev.type_().as_str() {
            "wheel" => on_wheel(ev.unchecked_into()),
            "pointerdown" => on_down(ev.unchecked_into()),
            "pointermove" => on_move(ev.unchecked_into()),
            "pointerup" | "pointercancel" => on_up(ev.unchecked_into()),
            "click" => on_click(ev.unchecked_into()),
            "keydown" => on_key(ev.unchecked_into()),
            "focusin" => on_focusin(ev.unchecked_into()),
            "focusout" => focused.set(None),
            "pointerover" => on_over(ev.unchecked_into()),
            _ => hover.set(None),
        };
        let handler = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(handler)
            .into_js_value();
        for kind in [
            "wheel",
            "pointerdown",
            "pointermove",
            "pointerup",
            "pointercancel",
            "click",
            "keydown",
            "focusin",
            "focusout",
            "pointerover",
            "pointerleave",
        ] {
            let _ = el.add_event_listener_with_callback(kind, handler.unchecked_ref());
        }
    });
    let body = move || {
        if !has_marks() {
            return view! { <p class="tl-empty">{tx(ctx, Key::TlEmpty)}</p> }.into_any();
        }
        if mode.get() == TimelineMode::List {
            return view! {
                <div class="tl-list tl-list-main" node_ref=list_ref on:click=on_list_click.clone()></div>
                <DetailPanel/>
            }
            .into_any();
        }
        view! {
            <p class="tl-help" id="tl-help">{tx(ctx, Key::TlHelp)}</p>
            <div
                class="tl-chart"
                node_ref=chart
                role="group"
                aria-label=tx(ctx, Key::TlChart)
                aria-describedby="tl-help"
            >
                <div class="tl-draw" node_ref=canvas></div>
                {tip.clone()}
            </div>
            <DetailPanel/>
            <Legend/>
            <details class="tl-list-details" on:toggle=move |_| list_open.update(|o| *o = !*o)>
                <summary>{tx(ctx, Key::TlList)}</summary>
                {
                    let on_click = on_list_click.clone();
                    move || {
                        list_open.get().then(|| view! {
                            <div class="tl-list" node_ref=list_ref on:click=on_click.clone()></div>
                        })
                    }
                }
            </details>
        }
        .into_any()
    };

    view! {
        <section class="view timeline" aria-labelledby="view-title">
            <h2 id="view-title">{tx(ctx, Key::ViewTimeline)}</h2>
            <p class="tl-summary" role="status">{summary}</p>
            <div class="tl-toolbar">
                <div class="tl-modes" role="group" aria-label=tx(ctx, Key::TlPresentation)>
                    {mode_button(TimelineMode::Axis, Key::TlModeAxis)}
                    {mode_button(TimelineMode::List, Key::TlModeList)}
                </div>
                <Show when=move || mode.get() == TimelineMode::Axis && has_marks()>
                    <div class="tl-zoom" role="group" aria-label=tx(ctx, Key::TlZoom) on:click=on_zoom>
                        <button type="button" class="button-secondary" data-zoom="in">{tx(ctx, Key::TlZoomIn)}</button>
                        <button type="button" class="button-secondary" data-zoom="out">{tx(ctx, Key::TlZoomOut)}</button>
                        <button type="button" class="button-secondary" data-zoom="earlier">"← " {tx(ctx, Key::TlEarlier)}</button>
                        <button type="button" class="button-secondary" data-zoom="later">{tx(ctx, Key::TlLater)} " →"</button>
                        <button type="button" class="button-secondary" data-zoom="all" disabled=move || ctx.with(|s| s.zoom.is_none())>
                            {tx(ctx, Key::TlWhole)}
                        </button>
                    </div>
                    <p class="tl-shown">{tx(ctx, Key::TlShown)} ": " <span class="tl-range">{shown}</span></p>
                </Show>
            </div>
            {body}
        </section>
    }
}

/// Interface text as a reactive closure; one closure type for every key keeps the wasm small.
fn tx(ctx: Ctx, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || ctx.t(key)
}

fn transform((dx, scale): (f32, f32)) -> String {
    format!("translate({},0) scale({},1)", px(dx), fixed(scale, 10_000))
}

const SVG: &str = "http://www.w3.org/2000/svg";

/// Appends an element (SVG when `svg`) with attributes and optional text. Data text is only
/// ever set as text, never parsed as markup.
fn add(
    parent: &web_sys::Element,
    svg: bool,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> web_sys::Element {
    let doc = document();
    let el = if svg {
        doc.create_element_ns(Some(SVG), tag)
    } else {
        doc.create_element(tag)
    }
    .expect("create element");
    for (k, v) in attrs {
        let _ = el.set_attribute(k, v);
    }
    if text.is_some() {
        el.set_text_content(text);
    }
    let _ = parent.append_child(&el);
    el
}

/// A coordinate to a tenth of a pixel (integer formatting keeps float printing out of the wasm).
fn px(v: f32) -> String {
    fixed(v, 10)
}

/// `v` with as many decimals as `scale` (10, 100, 1000) has zeros.
fn fixed(v: f32, scale: i64) -> String {
    let t = (v as f64 * scale as f64).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let digits = scale.to_string().len() - 1;
    format!("{sign}{}.{:0digits$}", t.abs() / scale, t.abs() % scale)
}

/// What one drawing of the axis and lanes needs.
struct Drawing<'a> {
    data: &'a Dataset,
    source: &'a Source,
    view: &'a View,
    layout: &'a Layout,
    ticks: &'a [tl::Tick],
    collapsed: &'a [usize],
    /// The mark in the tab order; the open item (its marks are ringed).
    tab: Option<usize>,
    item: Option<&'a str>,
    as_of: Option<i32>,
    as_of_label: &'a str,
}

/// Draws the axis and every lane into `root` (emptied first), once per layout. Built with
/// plain DOM calls: far lighter than a component tree for thousands of marks.
fn draw(root: &web_sys::Element, d: &Drawing) {
    // Keep the keyboard focus across the redraw (a mark, or a lane's fold button).
    let active = document()
        .active_element()
        .filter(|a| root.contains(Some(a)));
    // A mark's focus goes to the mark in the tab order (the current one, maybe just revealed).
    let refocus = active.and_then(|a| match (a.get_attribute("data-lane"), d.tab) {
        (Some(lane), _) => Some(format!("[data-lane=\"{lane}\"]")),
        (None, Some(m)) if a.has_attribute("data-i") => Some(format!("[data-i=\"{m}\"]")),
        _ => None,
    });
    root.set_text_content(None);
    let w = d.view.width;
    let as_of_x = d.as_of.map(|a| d.view.x(a as f32 + 0.5));
    let axis = add(
        root,
        true,
        "svg",
        &[
            ("class", "tl-axis"),
            ("width", &px(w)),
            ("height", "40"),
            ("aria-hidden", "true"),
        ],
        None,
    );
    let defs = add(&axis, true, "defs", &[], None);
    let pattern = add(
        &defs,
        true,
        "pattern",
        &[
            ("id", "tl-hatch"),
            ("width", "6"),
            ("height", "6"),
            ("patternUnits", "userSpaceOnUse"),
            ("patternTransform", "rotate(45)"),
        ],
        None,
    );
    add(
        &pattern,
        true,
        "rect",
        &[("width", "6"), ("height", "6"), ("fill", "#e6f2f0")],
        None,
    );
    add(
        &pattern,
        true,
        "line",
        &[("y2", "6"), ("stroke", "#00594f"), ("stroke-width", "3")],
        None,
    );
    let g = add(&axis, true, "g", &[("class", "tl-pan")], None);
    for t in d.ticks {
        let x = px(t.x);
        add(
            &g,
            true,
            "line",
            &[
                ("class", "tl-tick"),
                ("x1", &x),
                ("x2", &x),
                ("y1", "34"),
                ("y2", "40"),
            ],
            None,
        );
        add(
            &g,
            true,
            "text",
            &[
                ("class", "tl-tick-label"),
                ("x", &px(t.x + 3.0)),
                ("y", "14"),
            ],
            Some(&t.label),
        );
    }
    if let (Some(x), Some(a)) = (as_of_x, d.as_of) {
        let end = x > w - 160.0;
        let label = format!("{} {}", d.as_of_label, crate::dates::iso_date(a));
        add(
            &g,
            true,
            "text",
            &[
                ("class", "tl-asof-label"),
                ("x", &px(if end { x - 4.0 } else { x + 4.0 })),
                ("y", "30"),
                ("text-anchor", if end { "end" } else { "start" }),
            ],
            Some(&label),
        );
    }
    let lanes = add(root, false, "div", &[("class", "tl-lanes")], None);
    for (i, (lane, &area)) in d.layout.lanes.iter().zip(&d.source.lanes).enumerate() {
        let pa = &d.data.policy_areas[area];
        let div = add(
            &lanes,
            false,
            "div",
            &[("class", "tl-lane"), ("data-area", &pa.id)],
            None,
        );
        let h3 = add(&div, false, "h3", &[("class", "tl-lane-head")], None);
        let folded = d.collapsed.contains(&area);
        let button = add(
            &h3,
            false,
            "button",
            &[
                ("type", "button"),
                ("data-lane", &area.to_string()),
                ("aria-expanded", if folded { "false" } else { "true" }),
            ],
            None,
        );
        add(
            &button,
            false,
            "span",
            &[("class", "tl-caret"), ("aria-hidden", "true")],
            None,
        );
        add(&button, false, "span", &[("lang", "en")], Some(&pa.name));
        let count = d.source.entries.iter().filter(|e| e.lane == i).count();
        add(
            &button,
            false,
            "span",
            &[("class", "tl-count")],
            Some(&format!(" ({count})")),
        );
        let h = px(lane.height);
        let svg = add(
            &div,
            true,
            "svg",
            &[
                ("class", "tl-lane-svg"),
                ("width", &px(w)),
                ("height", &h),
                ("lang", "en"),
                ("role", "group"),
                ("aria-label", &pa.name),
            ],
            None,
        );
        let g = add(&svg, true, "g", &[("class", "tl-pan")], None);
        for t in d.ticks {
            let x = px(t.x);
            add(
                &g,
                true,
                "line",
                &[("class", "tl-grid"), ("x1", &x), ("x2", &x), ("y2", &h)],
                None,
            );
        }
        if let Some(x) = as_of_x {
            let x = px(x);
            add(
                &g,
                true,
                "line",
                &[("class", "tl-asof"), ("x1", &x), ("x2", &x), ("y2", &h)],
                None,
            );
        }
        for p in &lane.marks {
            let e = &d.source.entries[p.entry];
            let m = &d.data.milestones[e.milestone];
            let y = LaneLayout::row_y(p.row);
            if d.item == Some(m.item.as_str()) {
                add(
                    &g,
                    true,
                    "rect",
                    &[
                        ("class", "tl-open"),
                        ("x", &px(p.x - 4.0)),
                        ("y", &px(y - 9.0)),
                        ("width", &px(p.w + 8.0)),
                        ("height", "18"),
                        ("rx", "3"),
                    ],
                    None,
                );
            }
            let title = d.data.item(&m.item).map(|i| i.title.as_str()).unwrap_or("");
            let mark = add(
                &g,
                true,
                "g",
                &[
                    (
                        "class",
                        if e.span {
                            "tl-mark tl-span"
                        } else {
                            "tl-mark tl-point"
                        },
                    ),
                    ("role", "button"),
                    (
                        "tabindex",
                        if d.tab == Some(e.milestone) {
                            "0"
                        } else {
                            "-1"
                        },
                    ),
                    (
                        "aria-label",
                        &format!("{}: {} ({title})", m.date.text, m.label),
                    ),
                    ("data-i", &e.milestone.to_string()),
                    ("data-order", &d.source.rank[p.entry].to_string()),
                    ("data-id", &m.id),
                ],
                None,
            );
            let rx = if e.span { "0" } else { "5" };
            add(
                &mark,
                true,
                "rect",
                &[
                    ("x", &px(p.x)),
                    ("y", &px(y - 5.0)),
                    ("width", &px(p.w)),
                    ("height", "10"),
                    ("rx", rx),
                ],
                None,
            );
            if let Some(t) = (p.label_w > 0.0)
                .then(|| tl::abbreviate(&m.label, p.label_w))
                .flatten()
            {
                add(
                    &mark,
                    true,
                    "text",
                    &[("x", &px(p.label_x())), ("y", &px(y + 4.0))],
                    Some(&t),
                );
            }
        }
    }
    if let Some(sel) = refocus {
        if let Ok(Some(el)) = root.query_selector(&sel) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// Writes the list of milestones by year (time order) into `root`, emptied first.
fn draw_list(root: &web_sys::Element, s: &Source, data: &Dataset, period: &str) {
    root.set_text_content(None);
    let mut ol = None;
    let mut year = None;
    for &e in &s.time_order {
        let en = &s.entries[e];
        if year != Some(en.year) {
            year = Some(en.year);
            let sec = add(root, false, "section", &[("class", "tl-year")], None);
            add(&sec, false, "h3", &[], Some(&en.year.to_string()));
            ol = Some(add(&sec, false, "ol", &[], None));
        }
        let Some(ol) = &ol else { continue };
        let m = &data.milestones[en.milestone];
        let li = add(ol, false, "li", &[("data-id", &m.id)], None);
        add(
            &li,
            false,
            "time",
            &[("datetime", &m.date.start), ("lang", "en")],
            Some(&m.date.text),
        );
        if en.span {
            add(
                &li,
                false,
                "span",
                &[("class", "tl-period")],
                Some(&format!(" ({period})")),
            );
        }
        add(&li, false, "span", &[], Some(": "));
        add(&li, false, "span", &[("lang", "en")], Some(&m.label));
        add(&li, false, "span", &[], Some(" · "));
        let title = data.item(&m.item).map(|i| i.title.as_str()).unwrap_or("");
        add(
            &li,
            false,
            "button",
            &[
                ("type", "button"),
                ("class", "link-button"),
                ("data-i", &en.milestone.to_string()),
                ("lang", "en"),
            ],
            Some(title),
        );
    }
}

#[component]
fn Legend() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="tl-legend">
            <h3>{tx(ctx, Key::TlLegend)}</h3>
            <ul>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><rect class="tl-key-point" x="7" y="2" width="10" height="10" rx="5"/></svg>
                    {tx(ctx, Key::TlLegendPoint)}
                </li>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><rect class="tl-key-span" x="1" y="2" width="22" height="10"/></svg>
                    {tx(ctx, Key::TlLegendSpan)}
                </li>
                <li>
                    <svg width="24" height="14" aria-hidden="true"><line class="tl-asof" x1="12" x2="12" y1="0" y2="14"/></svg>
                    {tx(ctx, Key::TlLegendAsOf)}
                </li>
                <li>{tx(ctx, Key::TlLegendLabels)}</li>
            </ul>
        </div>
    }
}
