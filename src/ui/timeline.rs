//! The Timeline view: the selected items' milestones on a zoomable time axis, one lane per
//! policy area, and the same milestones as a list by year. Placement is `crate::timeline`; this
//! file renders it and turns buttons, keys, drag, wheel and pinch into the URL's `zoom`.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::controls::ChoiceButton;
use super::{use_ctx, use_loaded, Ctx, DetailPanel};
use crate::dates::day_number;
use crate::format::{self, group};
use crate::i18n::{bracketed, colon, labelled, Key, Locale};
use crate::model::Dataset;
use crate::timeline::{self as tl, LaneLayout, Layout, Source, View};
use crate::view_state::{format_month, toggle, TimelineMode};

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
    let names = loaded.text_locale.html_lang();
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
    // Folded lanes, by policy area id (the URL's `fold`).
    let collapsed = ctx.slice(|s| s.fold.clone());
    // The rows: stacked once per data change, resize or collapse, in the reference view (the
    // whole period); zooming only rescales them.
    let rows = {
        let data = data.clone();
        Memo::new(move |_| {
            let w = width.get();
            if w < 50.0 {
                return None;
            }
            source.with(|s| {
                let reference = View::new(s.default_window(as_of), w);
                let folded: Vec<bool> = collapsed.with(|c| {
                    s.lanes
                        .iter()
                        .map(|&a| c.contains(&data.policy_areas[a].id))
                        .collect()
                });
                Some(Arc::new(Rows {
                    layout: s.layout(&reference, &folded),
                    reference,
                    folded,
                }))
            })
        })
    };
    // The window shown, once per zoom, pan or resize (never while dragging).
    let view = Memo::new(move |_| {
        let w = width.get();
        (w >= 50.0).then(|| View::new(window_m.get(), w))
    });
    // The milestone with keyboard focus (an index into `data.milestones`).
    let current = RwSignal::new(None::<usize>);
    // Roving tabindex: the current mark if in view, else the first one in view.
    let tab = Memo::new(move |_| {
        let cur = current.get();
        let v = view.get()?;
        source.with(|s| {
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
    });
    // Where the axis and lanes are drawn (see `draw`).
    let canvas: NodeRef<leptos::html::Div> = NodeRef::new();
    // While a gesture lasts, what is drawn is only moved or stretched: (x offset, x scale).
    // Applied in the next animation frame, straight to the elements (DOM changes inside an
    // event handler can dispatch events re-entrantly).
    let pending_preview = StoredValue::new(None::<(f32, f32)>);
    let set_preview = move |p: (f32, f32)| {
        let requested = pending_preview
            .try_with_value(|v| v.is_some())
            .unwrap_or(true);
        pending_preview.set_value(Some(p));
        if requested {
            return; // a frame is already requested
        }
        // The view may be gone by the next frame (switched away): then there is nothing to do.
        request_animation_frame(move || {
            let Some(p) = pending_preview.try_with_value(|v| *v).flatten() else {
                return;
            };
            pending_preview.set_value(None);
            let t = transform(p);
            let Some(root) = canvas.try_get_untracked().flatten() else {
                return;
            };
            // A CSS transform of the svg elements themselves: the compositor moves them without
            // painting the marks again (see style/timeline.css).
            if let Ok(svgs) = root.query_selector_all("svg") {
                for k in 0..svgs.length() {
                    if let Some(svg) = svgs.item(k) {
                        let style = svg.unchecked_into::<web_sys::SvgElement>().style();
                        let _ = style.set_property("transform", &t);
                    }
                }
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
        // Below the mark's row (a dot's box is its centre line: its stroke is not counted).
        let middle = r.top() + r.height() / 2.0;
        Some((m, left, middle - c.top() + 12.0))
    };

    let focus_mark = move |m: usize| {
        request_animation_frame(move || {
            let Some(root) = chart.try_get_untracked().flatten() else {
                return;
            };
            if let Ok(Some(el)) = root.query_selector(&format!(".tl-mark[data-i=\"{m}\"]")) {
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
                if input.try_with_value(|i| i.generation) == Some(generation) {
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
        let data = data.clone();
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
                if let Some(id) = data.policy_areas.get(area).map(|a| a.id.clone()) {
                    ctx.replace(|s| toggle(&mut s.fold, id));
                }
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
            if ev.key() == "Escape" {
                // The tip shown on focus is dismissed without moving focus (WCAG 1.4.13).
                focused.set(None);
                return;
            }
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
                    let at = view
                        .get_untracked()
                        .map(|v| (v.x(mid) / v.width) as f64)
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
        // It becomes the one mark in the tab order (`tab`, then `mark_state`).
        current.set(Some(m));
        focused.set(place_tip(&mark, m));
    };
    // A tip shown by hovering is dismissed by Escape wherever the focus is (WCAG 1.4.13).
    let escape = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            hover.try_set(None);
        }
    });
    on_cleanup(move || escape.remove());
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
    let tip = {
        let data = data.clone();
        move || {
            let (m, left, top) = hover.get().or(focused.get())?;
            let ms = data.milestones.get(m)?;
            let title = data.item(&ms.item).map(|i| i.title.clone());
            Some(view! {
                <div class="tl-tip" aria-hidden="true" lang=names style:left=format!("{}px", px(left as f32)) style:top=format!("{}px", px(top as f32))>
                    <strong>{format::date_in(ctx.locale(), &ms.date)}</strong> " · " {ms.label.clone()}
                    <br/>
                    <span class="muted">{title}</span>
                </div>
            })
        }
    };
    // The axis and lanes are drawn with plain DOM calls (see `build` and `place`): the marks
    // once per `rows`, then per zoom only a transform, the ticks and the labels. Drawing
    // happens in an animation frame, outside the reactive run: removing or focusing elements
    // fires focus events, whose handlers set signals. Only the latest request draws.
    let drawn = StoredValue::new(0u32);
    let drawing = StoredValue::new(None::<Drawn>);
    {
        let data = data.clone();
        let item = ctx.slice(|s| s.item.clone());
        Effect::new(move |_| {
            if canvas.get().is_none() {
                return;
            }
            let (Some(r), Some(v)) = (rows.get(), view.get()) else {
                return;
            };
            let (tab, item) = (tab.get(), item.get());
            let as_of_label = ctx.t(Key::AsOf);
            let locale = ctx.locale();
            let src = source.get();
            let generation = drawn.with_value(|g| g.wrapping_add(1));
            drawn.set_value(generation);
            let data = data.clone();
            request_animation_frame(move || {
                let Some(root) = canvas.try_get_untracked().flatten() else {
                    return;
                };
                if drawn.try_with_value(|g| *g) != Some(generation) {
                    return;
                }
                drawing.update_value(|d| {
                    // Marks once per rows; the view's transform, ticks and labels once per view;
                    // focus and the open item (a key press, a click) touch only their marks.
                    if !d.as_ref().is_some_and(|d| Arc::ptr_eq(&d.rows, &r)) {
                        *d = Some(Drawn {
                            buckets: build(&root, &data, &src, &r, tab, (locale, names)),
                            rows: r.clone(),
                            placed: None,
                        });
                    }
                    let Some(d) = d else { return };
                    if d.placed != Some((v, as_of_label)) {
                        let placement = Placement {
                            data: &data,
                            source: &src,
                            rows: &r,
                            view: &v,
                            ticks: &tl::ticks(window_m.get_untracked(), &v),
                            labels: &src.labels(&r.layout, &v, &r.folded),
                            as_of,
                            as_of_label,
                            locale,
                        };
                        place(&root, &placement, &mut d.buckets);
                        d.placed = Some((v, as_of_label));
                    }
                });
                mark_state(&root, &data, &src, tab, item.as_deref());
            });
        });
    }
    // The list: written when shown (in list mode, or when its disclosure is opened).
    let list_ref: NodeRef<leptos::html::Div> = NodeRef::new();
    {
        let data = data.clone();
        Effect::new(move |_| {
            if let Some(root) = list_ref.get() {
                let langs = (ctx.locale(), names);
                source.with(|s| draw_list(&root, s, &data, ctx.t(Key::TlSpanNote), langs));
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
            <p class="tl-help" id=ctx.id("tl-help")>{tx(ctx, Key::TlHelp)}</p>
            <div
                class="tl-chart"
                node_ref=chart
                role="group"
                aria-label=tx(ctx, Key::TlChart)
                aria-describedby=ctx.id("tl-help")
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
        <section class="view timeline" aria-labelledby=ctx.id("view-title")>
            {leptos::html::custom(ctx.heading(1)).id(ctx.id("view-title")).child(tx(ctx, Key::ViewTimeline))}
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
                    <p class="tl-shown" aria-live="polite" aria-atomic="true">{move || labelled(ctx.locale(), ctx.t(Key::TlShown), "")} <span class="tl-range">{shown}</span></p>
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
    format!("translate({dx:.1}px,0) scale({scale:.4},1)")
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

/// A coordinate to a tenth of a pixel.
fn px(v: f32) -> String {
    format!("{v:.1}")
}

/// The rows of every lane, stacked in the reference view (see [`Source::layout`]).
#[derive(PartialEq)]
struct Rows {
    layout: Layout,
    reference: View,
    /// Collapsed lanes, by lane index.
    folded: Vec<bool>,
}

/// What is on screen: the marks built for `rows`, and the view (with the "as of" label's
/// language) they were last placed in.
struct Drawn {
    rows: Arc<Rows>,
    buckets: Vec<Vec<Bucket>>,
    placed: Option<(View, &'static str)>,
}

/// The children of a lane's `.tl-pan` group: grid lines (px), marks (days since the reference
/// view's first day, scaled to the view by one transform) and labels (px).
const GRID: u32 = 0;
const MARKS: u32 = 1;
const LABELS: u32 = 2;

/// The `n`th element child of `el`.
fn child(el: &web_sys::Element, n: u32) -> Option<web_sys::Element> {
    el.children().item(n)
}

/// A lane's marks of one year (of their anchor): a zoomed-in view hides the years it does not
/// show, so the browser neither lays them out nor paints them.
struct Bucket {
    /// First and last day of its marks.
    first: i32,
    last: i32,
    shown: bool,
}

/// Builds the axis and every lane with its marks into `root` (emptied first): once per
/// [`Rows`]. Marks are placed in days, so a zoom does not touch them (see [`place`]). Returns
/// each lane's year buckets.
/// `langs`: the interface language (dates, punctuation) and the `lang` of the data's names.
fn build(
    root: &web_sys::Element,
    data: &Dataset,
    src: &Source,
    rows: &Rows,
    tab: Option<usize>,
    (locale, names): (Locale, &str),
) -> Vec<Vec<Bucket>> {
    // Keep the keyboard focus across the rebuild (a mark, or a lane's fold button).
    let active = document()
        .active_element()
        .filter(|a| root.contains(Some(a)));
    let refocus = active.and_then(|a| match (a.get_attribute("data-lane"), tab) {
        (Some(lane), _) => Some(format!("[data-lane=\"{lane}\"]")),
        (None, Some(m)) if a.has_attribute("data-i") => Some(format!(".tl-mark[data-i=\"{m}\"]")),
        _ => None,
    });
    root.set_text_content(None);
    let w = px(rows.reference.width);
    let axis = add(
        root,
        true,
        "svg",
        &[
            ("class", "tl-axis"),
            ("width", &w),
            ("height", "40"),
            ("aria-hidden", "true"),
        ],
        None,
    );
    let pan = add(&axis, true, "g", &[("class", "tl-pan")], None);
    add(&pan, true, "g", &[], None);
    let base = rows.reference.d0;
    let mut buckets = Vec::with_capacity(rows.layout.lanes.len());
    let lanes = add(root, false, "div", &[("class", "tl-lanes")], None);
    for (i, (lane, &area)) in rows.layout.lanes.iter().zip(&src.lanes).enumerate() {
        let pa = &data.policy_areas[area];
        let div = add(
            &lanes,
            false,
            "div",
            &[("class", "tl-lane"), ("data-area", &pa.id)],
            None,
        );
        let h3 = add(
            &div,
            false,
            super::heading_in(root, 2),
            &[("class", "tl-lane-head")],
            None,
        );
        let folded = rows.folded.get(i).copied().unwrap_or(false);
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
        add(&button, false, "span", &[("lang", names)], Some(&pa.name));
        let count = src.entries.iter().filter(|e| e.lane == i).count();
        add(
            &button,
            false,
            "span",
            &[("class", "tl-count")],
            Some(&bracketed(locale, &count.to_string())),
        );
        let svg = add(
            &div,
            true,
            "svg",
            &[
                ("class", "tl-lane-svg"),
                ("width", &w),
                ("height", &px(lane.height)),
                ("lang", names),
                ("role", "group"),
                ("aria-label", &pa.name),
            ],
            None,
        );
        let pan = add(&svg, true, "g", &[("class", "tl-pan")], None);
        add(&pan, true, "g", &[], None);
        let marks = add(&pan, true, "g", &[("class", "tl-marks")], None);
        add(
            &pan,
            true,
            "g",
            &[("class", "tl-labels"), ("aria-hidden", "true")],
            None,
        );
        let mut lane_buckets: Vec<Bucket> = Vec::new();
        let mut bucket = marks.clone();
        let mut year = None;
        for p in &lane.marks {
            let e = &src.entries[p.entry];
            let y_of = tl::day_month(e.anchor()).div_euclid(12);
            if year != Some(y_of) {
                year = Some(y_of);
                bucket = add(&marks, true, "g", &[], None);
                lane_buckets.push(Bucket {
                    first: e.start,
                    last: e.end,
                    shown: true,
                });
            }
            if let Some(b) = lane_buckets.last_mut() {
                b.first = b.first.min(e.start);
                b.last = b.last.max(e.end);
            }
            let m = &data.milestones[e.milestone];
            let y = LaneLayout::row_y(p.row);
            let title = data.item(&m.item).map(|i| i.title.as_str()).unwrap_or("");
            // One element per mark (no wrapping group): thousands of marks are laid out and
            // painted on every zoom, so every element counts.
            let label = format!(
                "{}{}",
                labelled(locale, &format::date_in(locale, &m.date), &m.label),
                bracketed(locale, title)
            );
            let (i, order) = (e.milestone.to_string(), src.rank[p.entry].to_string());
            let mut attrs = vec![
                ("role", "button"),
                ("tabindex", "-1"),
                ("aria-label", label.as_str()),
                ("data-i", i.as_str()),
                ("data-order", order.as_str()),
                ("data-id", m.id.as_str()),
            ];
            if e.span {
                let (x, top, w) = (
                    (e.start - base).to_string(),
                    px(y - 5.0),
                    (e.end + 1 - e.start).to_string(),
                );
                attrs.extend([
                    ("class", "tl-mark tl-span"),
                    ("x", x.as_str()),
                    ("y", top.as_str()),
                    ("width", w.as_str()),
                    ("height", "10"),
                ]);
                add(&bucket, true, "rect", &attrs, None);
            } else {
                // A round-capped stroke of (almost) no length: a dot that keeps its size
                // however the marks are scaled. Slightly slanted, so that its box (which
                // leaves out the stroke) is not empty: a box of no width reads as invisible.
                let mid = (e.start + e.end + 1) as f32 / 2.0 - base as f32;
                let (x1, x2) = (format!("{:.2}", mid - 0.05), format!("{:.2}", mid + 0.05));
                let (y1, y2) = (px(y - 0.5), px(y + 0.5));
                attrs.extend([
                    ("class", "tl-mark tl-point"),
                    ("x1", x1.as_str()),
                    ("x2", x2.as_str()),
                    ("y1", y1.as_str()),
                    ("y2", y2.as_str()),
                ]);
                add(&bucket, true, "line", &attrs, None);
            }
        }
        buckets.push(lane_buckets);
    }
    if let Some(sel) = refocus {
        if let Ok(Some(el)) = root.query_selector(&sel) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
    buckets
}

/// What placing the built drawing in a view needs.
struct Placement<'a> {
    data: &'a Dataset,
    source: &'a Source,
    rows: &'a Rows,
    view: &'a View,
    ticks: &'a [tl::Tick],
    labels: &'a [tl::LabelPlace],
    as_of: Option<i32>,
    as_of_label: &'a str,
    locale: Locale,
}

/// Shows the built drawing in a view: one transform per lane scales the marks, years far from
/// the view are hidden; the ticks, the "as of" line and the labels (as many as the view has
/// room for) are drawn anew.
fn place(root: &web_sys::Element, p: &Placement, buckets: &mut [Vec<Bucket>]) {
    let v = p.view;
    let k = v.scale();
    let marks_transform = format!(
        "translate({:.1},0) scale({k:.6},1)",
        v.x(p.rows.reference.d0 as f32)
    );
    let as_of_x = p.as_of.map(|a| v.x(a as f32 + 0.5));
    let Some(axis) = root.first_element_child() else {
        return;
    };
    if let Some(ticks) = axis.query_selector(".tl-pan > g").ok().flatten() {
        ticks.set_text_content(None);
        for (k, t) in p.ticks.iter().enumerate() {
            let x = px(t.x);
            add(
                &ticks,
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
                &ticks,
                true,
                "text",
                &[
                    ("class", "tl-tick-label"),
                    ("x", &px(t.x + 3.0)),
                    ("y", "14"),
                ],
                Some(&format::tick_in(p.locale, &t.label, k == 0)),
            );
        }
        if let (Some(x), Some(a)) = (as_of_x, p.as_of) {
            let end = x > v.width - 160.0;
            let day = format::day_in(p.locale, &crate::dates::iso_date(a));
            let label = format!("{} {day}", p.as_of_label);
            add(
                &ticks,
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
    }
    let Ok(svgs) = root.query_selector_all(".tl-lane-svg") else {
        return;
    };
    for (i, lane) in p.rows.layout.lanes.iter().enumerate() {
        let Some(pan) = svgs
            .item(i as u32)
            .and_then(|svg| svg.first_child())
            .and_then(|g| g.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let (Some(grid), Some(marks), Some(labels)) =
            (child(&pan, GRID), child(&pan, MARKS), child(&pan, LABELS))
        else {
            continue;
        };
        let h = px(lane.height);
        grid.set_text_content(None);
        for t in p.ticks {
            let x = px(t.x);
            add(
                &grid,
                true,
                "line",
                &[("class", "tl-grid"), ("x1", &x), ("x2", &x), ("y2", &h)],
                None,
            );
        }
        if let Some(x) = as_of_x {
            let x = px(x);
            add(
                &grid,
                true,
                "line",
                &[("class", "tl-asof"), ("x1", &x), ("x2", &x), ("y2", &h)],
                None,
            );
        }
        let _ = marks.set_attribute("transform", &marks_transform);
        // Half a window either side stays shown, for the start of a drag.
        let margin = (v.d1 - v.d0) / 2;
        let (from, to) = (v.d0 - margin, v.d1 + margin);
        let groups = marks.children();
        for (k, b) in buckets.get_mut(i).into_iter().flatten().enumerate() {
            let show = b.first <= to && b.last >= from;
            if show != b.shown {
                b.shown = show;
                if let Some(g) = groups.item(k as u32) {
                    let _ = if show {
                        g.remove_attribute("display")
                    } else {
                        g.set_attribute("display", "none")
                    };
                }
            }
        }
        labels.set_text_content(None);
        for l in p.labels.iter().filter(|l| l.lane == i) {
            let e = &p.source.entries[l.entry];
            let label = &p.data.milestones[e.milestone].label;
            if let Some(text) = tl::abbreviate(label, l.w) {
                let y = LaneLayout::row_y(l.row) + 4.0;
                add(
                    &labels,
                    true,
                    "text",
                    &[
                        ("class", "tl-label"),
                        ("x", &px(l.x)),
                        ("y", &px(y)),
                        ("data-i", &e.milestone.to_string()),
                    ],
                    Some(&text),
                );
            }
        }
    }
}

/// The one mark in the tab order, and the marks of the open item (ringed).
fn mark_state(
    root: &web_sys::Element,
    data: &Dataset,
    src: &Source,
    tab: Option<usize>,
    item: Option<&str>,
) {
    let set = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        if let Ok(list) = root.query_selector_all(selector) {
            for k in 0..list.length() {
                if let Some(el) = list.item(k).and_then(|n| n.dyn_into().ok()) {
                    f(&el);
                }
            }
        }
    };
    set(".tl-mark[tabindex=\"0\"]", &|el| {
        let _ = el.set_attribute("tabindex", "-1");
    });
    if let Some(m) = tab {
        let selector = format!(".tl-mark[data-i=\"{m}\"]");
        set(&selector, &|el| {
            let _ = el.set_attribute("tabindex", "0");
        });
        // Keys that moved the view (to reveal the next milestone) moved the focus to a mark
        // that may only now be shown.
        let on_other_mark = document().active_element().is_some_and(|a| {
            root.contains(Some(&a))
                && a.has_attribute("data-i")
                && a.get_attribute("data-i") != Some(m.to_string())
        });
        if on_other_mark {
            if let Ok(Some(el)) = root.query_selector(&selector) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    }
    set(".tl-is-open", &|el| {
        let _ = el.class_list().remove_1("tl-is-open");
    });
    if let Some(item) = item {
        for e in &src.entries {
            if data.milestones[e.milestone].item == item {
                set(&format!(".tl-mark[data-i=\"{}\"]", e.milestone), &|el| {
                    let _ = el.class_list().add_1("tl-is-open");
                });
            }
        }
    }
}

/// Writes the list of milestones by year (time order) into `root`, emptied first.
fn draw_list(
    root: &web_sys::Element,
    s: &Source,
    data: &Dataset,
    period: &str,
    (locale, names): (Locale, &str),
) {
    root.set_text_content(None);
    let mut ol = None;
    let mut year = None;
    for &e in &s.time_order {
        let en = &s.entries[e];
        if year != Some(en.year) {
            year = Some(en.year);
            let sec = add(root, false, "section", &[("class", "tl-year")], None);
            add(
                &sec,
                false,
                super::heading_in(root, 2),
                &[],
                Some(&en.year.to_string()),
            );
            ol = Some(add(&sec, false, "ol", &[], None));
        }
        let Some(ol) = &ol else { continue };
        let m = &data.milestones[en.milestone];
        let li = add(ol, false, "li", &[("data-id", &m.id)], None);
        add(
            &li,
            false,
            "time",
            &[("datetime", &m.date.start)],
            Some(&format::date_in(locale, &m.date)),
        );
        if en.span {
            add(
                &li,
                false,
                "span",
                &[("class", "tl-period")],
                Some(&bracketed(locale, period)),
            );
        }
        add(&li, false, "span", &[], Some(colon(locale)));
        add(&li, false, "span", &[("lang", names)], Some(&m.label));
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
                ("lang", names),
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
            {leptos::html::custom(ctx.heading(2)).child(tx(ctx, Key::TlLegend))}
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
