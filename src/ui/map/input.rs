//! Pan and zoom of the map: pointers (mouse drag, touch drag, two-finger pinch) and the wheel
//! through `crate::gesture`, each step applied to the viewport at once; keys on the frame.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::hooks::use_event_listeners;
use super::MapState;
use crate::geo::{Point, Viewport};
use crate::gesture::{self, Move, WheelUse};

/// Every event type the frame listens to, with one listener.
const KINDS: &[&str] = &[
    "pointerdown",
    "pointermove",
    "pointerup",
    "pointercancel",
    "wheel",
    "keydown",
    "click",
];

/// Starts listening to the frame's input.
pub(super) fn listen(map: MapState) {
    use_event_listeners(map.frame, KINDS, move |ev: web_sys::Event| {
        match ev.type_().as_str() {
            "wheel" => wheel(map, ev.unchecked_into()),
            "keydown" => key(map, ev.unchecked_into()),
            "pointerdown" => down(map, ev.unchecked_into()),
            "pointermove" => moved(map, ev.unchecked_into()),
            // After a marker's own handler (listeners are on the elements, not delegated): the
            // click that ends a gesture is used up here wherever it lands, so it cannot
            // swallow a later click, e.g. Enter on a marker.
            "click" => {
                let time = ev.time_stamp();
                map.pointers.try_update_value(|p| p.ends_gesture(time));
            }
            _ => {
                let ev: web_sys::PointerEvent = ev.unchecked_into();
                let (id, time) = (ev.pointer_id(), ev.time_stamp());
                map.pointers.try_update_value(|p| p.up(id, time));
            }
        }
    });
}

/// A client position in the frame's coordinates (CSS px from its top left corner).
fn local(map: MapState, ev: &web_sys::MouseEvent) -> Point {
    map.frame
        .get_untracked()
        .map(|el| {
            let r = el.get_bounding_client_rect();
            Point::new(
                f64::from(ev.client_x()) - r.left(),
                f64::from(ev.client_y()) - r.top(),
            )
        })
        .unwrap_or_default()
}

fn down(map: MapState, ev: web_sys::PointerEvent) {
    if ev.pointer_type() == "mouse" && ev.button() != 0 {
        return;
    }
    let (id, at) = (ev.pointer_id(), local(map, &ev));
    map.pointers.try_update_value(|p| p.down(id, at));
}

fn moved(map: MapState, ev: web_sys::PointerEvent) {
    let (id, at) = (ev.pointer_id(), local(map, &ev));
    let w = map.size_untracked().0;
    match map.pointers.try_update_value(|p| p.moved(id, at)) {
        Some(Move::Drag { step, began, .. }) => {
            if began {
                if let Some(el) = map.frame.get_untracked() {
                    // Fails only if the pointer was lifted meanwhile: nothing to capture.
                    let _ = el.set_pointer_capture(id);
                }
            }
            map.vp.update(|v| {
                let u = v.units_per_px(w);
                *v = v.pan(-step.x * u, -step.y * u);
            });
        }
        // Pinch: zoom by the change in finger distance about their midpoint, which the map
        // then follows (a two-finger pan).
        Some(Move::Pinch { scale, from, to }) => {
            map.vp.update(|v| {
                let zoomed = v.zoom_at(v.to_map(from, w), scale);
                let u = zoomed.units_per_px(w);
                *v = zoomed.pan((from.x - to.x) * u, (from.y - to.y) * u);
            });
        }
        Some(Move::Still) | None => {}
    }
}

fn wheel(map: MapState, ev: web_sys::WheelEvent) {
    let delta = Point::new(ev.delta_x(), ev.delta_y());
    let zoom_key = ev.ctrl_key() || ev.meta_key();
    if let gesture::Wheel::Zoom(scale) =
        gesture::wheel(delta, ev.delta_mode() == 1, zoom_key, WheelUse::Zoom)
    {
        ev.prevent_default();
        let (p, w) = (local(map, &ev), map.size_untracked().0);
        map.vp.update(|v| *v = v.zoom_at(v.to_map(p, w), scale));
    }
}

/// Arrows pan, + and - zoom, 0 shows the whole map.
fn key(map: MapState, ev: web_sys::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let v = map.vp.get_untracked();
    let step = v.w / 8.0;
    let next = match ev.key().as_str() {
        "ArrowLeft" => v.pan(-step, 0.0),
        "ArrowRight" => v.pan(step, 0.0),
        "ArrowUp" => v.pan(0.0, -step),
        "ArrowDown" => v.pan(0.0, step),
        "+" | "=" => v.zoom_centre(1.5),
        "-" | "_" => v.zoom_centre(1.0 / 1.5),
        "0" => Viewport::FULL,
        _ => return,
    };
    ev.prevent_default();
    map.vp.set(next);
}
