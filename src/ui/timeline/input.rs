//! The chart's input: clicks, keys, focus and hover on the marks; drag, wheel and pinch
//! through `crate::gesture`. While a gesture lasts, what is drawn is only transformed (a
//! preview the compositor applies without repainting); the new window is laid out once the
//! gesture ends or pauses.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::focus;
use super::super::hooks::use_event_listeners;
use super::super::use_loaded;
use super::axis::{Axis, Tip};
use super::event_mark;
use crate::geo::Point;
use crate::gesture::{self, Move, Pending, Pointers, Wheel, WheelUse};
use crate::model::Dataset;
use crate::timeline as tl;
use crate::view_state::toggle;

/// Every event type the chart listens to, with one listener (see `use_event_listeners`).
const KINDS: &[&str] = &[
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
];

/// A wheel or pinch gesture is laid out once no event came for this long (ms).
const PAUSE_MS: u64 = 250;

/// A gesture in progress: the pointers, and the zoom and pan not yet laid out.
#[derive(Default)]
struct Gesture {
    pointers: Pointers,
    pending: Pending,
    /// Bumped by each wheel or pinch event; a pause lays out only if no event came since.
    generation: u32,
}

#[derive(Clone, Copy)]
struct Input {
    axis: Axis,
    gesture: StoredValue<Gesture>,
    /// The preview to apply in the next frame: (x offset, x scale).
    preview: StoredValue<Option<(f64, f64)>>,
}

/// Starts listening to the chart's input.
pub(super) fn listen(axis: Axis) {
    let input = Input {
        axis,
        gesture: StoredValue::new(Gesture::default()),
        preview: StoredValue::new(None),
    };
    let data = use_loaded().data;
    // A tip shown by hovering is dismissed by Escape wherever the focus is (WCAG 1.4.13).
    let escape = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            axis.hover.try_set(None);
        }
    });
    on_cleanup(move || escape.remove());
    use_event_listeners(axis.chart, KINDS, move |ev: web_sys::Event| {
        match ev.type_().as_str() {
            "wheel" => input.wheel(ev.unchecked_into()),
            "pointerdown" => input.down(ev.unchecked_into()),
            "pointermove" => input.moved(ev.unchecked_into()),
            "pointerup" | "pointercancel" => input.up(ev.unchecked_into()),
            "click" => input.click(&data, ev.unchecked_into()),
            "keydown" => input.key(&data, ev.unchecked_into()),
            "focusin" => input.focus_in(&ev),
            "focusout" => axis.focused.set(None),
            "pointerover" => input.over(ev.unchecked_into()),
            _ => axis.hover.set(None),
        }
    });
}

impl Input {
    /// Shows the preview (x offset, x scale) in the next animation frame, straight on the
    /// elements (DOM changes inside an event handler can dispatch events re-entrantly).
    fn set_preview(self, p: (f64, f64)) {
        let Some(requested) = self.preview.try_with_value(Option::is_some) else {
            return; // the chart is gone
        };
        self.preview.set_value(Some(p));
        if requested {
            return; // a frame is already requested
        }
        // The chart may be gone by the next frame (switched away): then there is nothing to do.
        request_animation_frame(move || {
            let Some((dx, scale)) = self.preview.try_update_value(Option::take).flatten() else {
                return;
            };
            let Some(root) = self.axis.canvas.try_get_untracked().flatten() else {
                return;
            };
            let t = format!("translate({dx:.1}px,0) scale({scale:.4},1)");
            // A CSS transform of the svg elements themselves: the compositor moves them without
            // painting the marks again (see style/timeline.css).
            if let Ok(svgs) = root.query_selector_all("svg") {
                for k in 0..svgs.length() {
                    if let Some(svg) = svgs.item(k) {
                        let style = svg.unchecked_into::<web_sys::SvgElement>().style();
                        // `transform` with a valid value on an element's own style: cannot fail.
                        let _ = style.set_property("transform", &t);
                    }
                }
            }
        });
    }

    fn clear_preview(self) {
        self.set_preview((0.0, 1.0));
    }

    /// Pixels per month in the window shown.
    fn per_month(self, months: (i32, i32)) -> f64 {
        self.axis.width.get_untracked().max(1.0) / f64::from(months.1 - months.0 + 1)
    }

    /// Where a client x falls in the chart, as a fraction of its width.
    fn anchor_of(self, client_x: f64) -> f64 {
        self.axis
            .chart
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                ((client_x - r.left()) / r.width().max(1.0)).clamp(0.0, 1.0)
            })
            .unwrap_or(0.5)
    }

    /// Lays out the zoom and pan the gesture gathered.
    fn commit(self) {
        let Some(pending) = self.gesture.try_update_value(|g| g.pending.take()) else {
            return;
        };
        self.clear_preview();
        let shared = self.axis.shared;
        let w = shared.months.get_untracked();
        let zoomed = if pending.zooms() {
            tl::zoom(w, 1.0 / pending.scale, pending.anchor)
        } else {
            w
        };
        let months = (pending.pan / self.per_month(zoomed)).round() as i32;
        shared.show(tl::pan(zoomed, months));
    }

    /// Previews what the gesture gathered at once; lays it out when the gesture pauses.
    fn gathered(self) {
        let width = self.axis.width.get_untracked();
        let Some((preview, generation)) = self.gesture.try_update_value(|g| {
            g.generation = g.generation.wrapping_add(1);
            (g.pending.preview(width), g.generation)
        }) else {
            return;
        };
        self.set_preview(preview);
        set_timeout(
            move || {
                if self.gesture.try_with_value(|g| g.generation) == Some(generation) {
                    self.commit();
                }
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
    }

    fn wheel(self, ev: web_sys::WheelEvent) {
        let delta = Point::new(ev.delta_x(), ev.delta_y());
        let zoom_key = ev.ctrl_key() || ev.meta_key();
        match gesture::wheel(delta, ev.delta_mode() == 1, zoom_key, WheelUse::ZoomWithKey) {
            Wheel::Page => return,
            Wheel::Zoom(scale) => {
                let anchor = self.anchor_of(f64::from(ev.client_x()));
                self.gesture.update_value(|g| g.pending.zoom(scale, anchor));
            }
            Wheel::Pan(d) => self.gesture.update_value(|g| g.pending.pan(d.x)),
        }
        ev.prevent_default();
        self.gathered();
    }

    fn down(self, ev: web_sys::PointerEvent) {
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
        let at = Point::new(f64::from(ev.client_x()), 0.0);
        let id = ev.pointer_id();
        // A second finger starts a pinch: the drag's preview is dropped.
        if self.gesture.try_update_value(|g| g.pointers.down(id, at)) == Some(2) {
            self.clear_preview();
        }
    }

    fn moved(self, ev: web_sys::PointerEvent) {
        let at = Point::new(f64::from(ev.client_x()), 0.0);
        let id = ev.pointer_id();
        match self.gesture.try_update_value(|g| g.pointers.moved(id, at)) {
            Some(Move::Drag { total, began, .. }) => {
                if began {
                    if let Some(el) = self.axis.chart.get_untracked() {
                        // Fails only if the pointer was lifted meanwhile: nothing to capture.
                        let _ = el.set_pointer_capture(id);
                    }
                }
                // Whole months, as the URL holds months: the drop lands where it shows.
                let pm = self.per_month(self.axis.shared.months.get_untracked());
                self.set_preview(((total.x / pm).round() * pm, 1.0));
            }
            // Zoom about the fingers' midpoint, which the drawing then follows.
            Some(Move::Pinch { scale, from, to }) => {
                let anchor = self.anchor_of(from.x);
                self.gesture.update_value(|g| {
                    g.pending.zoom(scale, anchor);
                    g.pending.pan(from.x - to.x);
                });
                self.gathered();
            }
            Some(Move::Still) | None => {}
        }
    }

    fn up(self, ev: web_sys::PointerEvent) {
        let (id, time) = (ev.pointer_id(), ev.time_stamp());
        let Some(Some(total)) = self.gesture.try_update_value(|g| g.pointers.up(id, time)) else {
            return;
        };
        let shared = self.axis.shared;
        let w = shared.months.get_untracked();
        let months = -(total.x / self.per_month(w)).round() as i32;
        self.clear_preview();
        if months != 0 {
            shared.show(tl::pan(w, months));
        }
    }

    /// A click folds a lane (its heading) or opens a mark's item; the click that ends a drag
    /// does neither.
    fn click(self, data: &Dataset, ev: web_sys::MouseEvent) {
        let time = ev.time_stamp();
        if self
            .gesture
            .try_update_value(|g| g.pointers.ends_gesture(time))
            != Some(false)
        {
            return;
        }
        let lane = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-lane]").ok().flatten())
            .and_then(|b| b.get_attribute("data-lane")?.parse::<usize>().ok());
        if let Some(area) = lane {
            if let Some(id) = data.policy_areas.get(area).map(|a| a.id.clone()) {
                self.axis.shared.ctx.replace(|s| toggle(&mut s.fold, id));
            }
        } else if let Some((_, m)) = event_mark(&ev) {
            self.axis.shared.open(data, m);
        }
    }

    /// Keys on a mark: arrows, Home and End move in time order (revealing the next mark),
    /// + and - zoom about it, Enter and Space open it, Escape hides its tip.
    fn key(self, data: &Dataset, ev: web_sys::KeyboardEvent) {
        let Some((_, m)) = event_mark(&ev) else {
            return;
        };
        if ev.key() == "Escape" {
            // The tip shown on focus is dismissed without moving focus (WCAG 1.4.13).
            self.axis.focused.set(None);
            return;
        }
        let shared = self.axis.shared;
        let s = shared.marks.get_untracked();
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
                let at = (self.axis.window.get_untracked())
                    .map(|v| f64::from(v.x(mid) / v.width))
                    .unwrap_or(0.5);
                let factor = if matches!(k, "+" | "=") {
                    1.0 / 1.5
                } else {
                    1.5
                };
                shared.zoom_at(factor, at);
                self.focus_mark(m);
                return;
            }
            "Enter" | " " => {
                ev.prevent_default();
                shared.open(data, m);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let e = &s.entries[s.time_order[to]];
        shared.current.set(Some(e.milestone));
        shared.show(tl::reveal(shared.months.get_untracked(), e.start, e.end));
        self.focus_mark(e.milestone);
    }

    /// Focuses milestone `m`'s mark once the next frame has drawn it.
    fn focus_mark(self, m: usize) {
        if let Some(chart) = self.axis.chart.get_untracked() {
            focus::focus_within(chart.into(), format!(".itpe-tl-mark[data-i=\"{m}\"]"));
        }
    }

    /// A focused mark becomes the one in the tab order (`tab_stop`, then `mark_state`) and
    /// shows its tip.
    fn focus_in(self, ev: &web_sys::Event) {
        let Some((mark, m)) = event_mark(ev) else {
            return;
        };
        self.axis.shared.current.set(Some(m));
        self.axis.focused.set(self.tip_at(&mark, m));
    }

    fn over(self, ev: web_sys::PointerEvent) {
        if ev.pointer_type() != "mouse" {
            return;
        }
        let tip = event_mark(&ev).and_then(|(mark, m)| self.tip_at(&mark, m));
        self.axis.hover.set(tip);
    }

    /// Where milestone `m`'s tip goes: below its mark's row, inside the chart.
    fn tip_at(self, mark: &web_sys::Element, m: usize) -> Option<Tip> {
        let root = self.axis.chart.get_untracked()?;
        let (r, c) = (
            mark.get_bounding_client_rect(),
            root.get_bounding_client_rect(),
        );
        let left = (r.left() - c.left()).clamp(0.0, (c.width() - 300.0).max(0.0));
        // A dot's box is its centre line: its stroke is not counted.
        let middle = r.top() + r.height() / 2.0;
        Some((m, left, middle - c.top() + 12.0))
    }
}
