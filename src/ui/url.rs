//! The one place that touches `window.location` and `window.history`: the URL query string is
//! the single source of the view state (see `view_state`).

use wasm_bindgen::JsCast;

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
    // A pending in-place write belongs to the entry being left: it goes first.
    flush();
    set(&state.to_query(), push);
}

/// Like [`write`] in place, but a moment later, once typing pauses: `history.replaceState`
/// costs a few milliseconds, too much to pay on every keystroke. A later [`write`] or
/// [`write_later`] takes its place.
pub fn write_later(state: &ViewState) {
    let query = state.to_query();
    let scheduled = PENDING.with(|p| p.replace(Some(query)).is_some());
    if !scheduled {
        let later = wasm_bindgen::closure::Closure::once_into_js(flush);
        let timer = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            later.unchecked_ref(),
            WRITE_DELAY_MS,
        );
        // Without a timer the change would wait for the next write: write it now instead.
        if timer.is_err() {
            flush();
        }
    }
}

/// Writes the pending in-place change now, if there is one.
pub fn flush() {
    if let Some(query) = PENDING.with(|p| p.take()) {
        set(&query, false);
    }
}

/// Drops the pending in-place change: the user went back or forward, so it belongs to an
/// entry no longer shown.
pub fn discard() {
    PENDING.with(|p| p.take());
}

const WRITE_DELAY_MS: i32 = 300;

thread_local! {
    /// The query of a [`write_later`] not yet written.
    static PENDING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn set(query: &str, push: bool) {
    let w = window();
    let location = w.location();
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
    // Refused only when the browser throttles history calls (Safari, after 100 in 30 s) or the
    // page is sandboxed: the view state is already set, only the address bar lags until the
    // next write, which carries the whole state. Nothing to tell the reader.
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
