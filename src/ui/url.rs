//! The one place that touches `window.location` and `window.history`: the URL query string is
//! the single source of the view state (see `view_state`).

use crate::view_state::ViewState;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

/// The current query string, including its "?" (or "").
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Writes `state` to the address bar: a new history entry when `push`, else in place. The path
/// is kept as it is, so the app works from any sub-path and inside a host page.
pub fn write(state: &ViewState, push: bool) {
    let w = window();
    let location = w.location();
    let query = state.to_query();
    if query == location.search().unwrap_or_default() {
        return;
    }
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        query,
        location.hash().unwrap_or_default()
    );
    let Ok(history) = w.history() else { return };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// A link target for a state, relative to the current page (for `href`s that open in new tabs).
pub fn href(state: &ViewState) -> String {
    let q = state.to_query();
    if q.is_empty() {
        window().location().pathname().unwrap_or_default()
    } else {
        q
    }
}
