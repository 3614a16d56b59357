//! Keyboard focus moved by the app, in one place. A panel that opens remembers what had focus
//! (the link, mark or marker that opened it); when it closes, focus goes back there, or, if
//! that element is gone (the view changed, the list was redrawn), to the main region, so focus
//! never falls to `<body>` (WCAG 2.4.3).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static OPENER: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Focuses an HTML or SVG element (timeline marks are SVG). `focus()` on a connected element
/// cannot fail; false when the element is detached or cannot take focus.
pub fn focus(el: &web_sys::Element) -> bool {
    if !el.is_connected() {
        return false;
    }
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        h.focus().is_ok()
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        s.focus().is_ok()
    } else {
        false
    }
}

/// Focuses the element with this id once the next frame has rendered it.
pub fn focus_id(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            focus(&el);
        }
    });
}

/// Focuses the first element inside `root` that `selector` finds, once the next frame has
/// rendered it (the timeline's marks, redrawn in that frame).
pub fn focus_within(root: web_sys::Element, selector: String) {
    request_animation_frame(move || {
        if let Ok(Some(el)) = root.query_selector(&selector) {
            focus(&el);
        }
    });
}

/// Records the focused element as the opener of the panel about to open. If focus is already
/// lost (the opener was redrawn away), nothing is remembered, so an older opener is never used:
/// `return_focus` then finds the redrawn one by its selector.
pub fn remember_opener() {
    let active = document()
        .active_element()
        .filter(|el| el.tag_name() != "BODY" && el.tag_name() != "MAIN");
    OPENER.with(|o| *o.borrow_mut() = active);
}

/// After a panel closes: focus goes back to its opener, else to `fallback` (a selector for an
/// element that stands for it, e.g. the result link of the item), else to the main region of
/// the instance (`main_id`, `<main tabindex="-1">`).
pub fn return_focus(fallback: Option<String>, main_id: String) {
    let opener = OPENER.with(|o| o.borrow_mut().take());
    request_animation_frame(move || {
        if opener.as_ref().is_some_and(focus) {
            return;
        }
        // Looked up inside this instance's main region: another instance may have the same.
        let Some(main) = document().get_element_by_id(&main_id) else {
            return;
        };
        let by_selector = fallback
            .and_then(|sel| main.query_selector(&sel).ok().flatten())
            .is_some_and(|el| focus(&el));
        if !by_selector {
            focus(&main);
        }
    });
}
