//! The one place that touches `window.location` and `window.history`: the URL query string is
//! the single source of the view state (see `view_state`). Each instance reads and writes only
//! its share of it ([`Binding`]: the whole query on the standalone page, its prefixed
//! parameters when embedded, nothing with `data-url="off"`); the other parameters and the hash
//! are kept as they are in every write.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use super::Instance;
use crate::embedding::{Binding, Scope};
use crate::view_state::ViewState;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

/// This page's address without query or hash (absolute): the standalone app's own page.
pub fn page_address() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The current query string, including its "?" (or "").
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The instance's state as the address gives it now, with notices for its own bad parameters.
pub fn read(binding: &Binding) -> (ViewState, Vec<crate::view_state::Notice>) {
    binding.read(&current_query())
}

/// Whether back/forward can change this instance's state (not when it keeps it in memory).
pub fn follows_history(binding: &Binding) -> bool {
    binding.scope != Scope::Off
}

/// Writes `state` to the address bar: a new history entry when `push`, else in place. The path,
/// the hash and the parameters that are not the instance's are kept, so the app works from any
/// sub-path and inside a host page.
pub fn write(instance: &'static Instance, state: &ViewState, push: bool) {
    // Pending in-place writes belong to the entry being left: they go first.
    flush();
    set(&instance.binding, state, push);
}

/// Like [`write`] in place, but a moment later, once typing pauses: `history.replaceState`
/// costs a few milliseconds, too much to pay on every keystroke. A later [`write`] or
/// [`write_later`] takes its place.
pub fn write_later(instance: &'static Instance, state: &ViewState) {
    let scheduled = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let first = p.is_empty();
        p.retain(|(i, _)| !std::ptr::eq(*i, instance));
        p.push((instance, state.clone()));
        !first
    });
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

/// Writes the pending in-place changes now, if there are any.
pub fn flush() {
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for (instance, state) in pending {
        set(&instance.binding, &state, false);
    }
}

/// Drops the pending in-place changes: the user went back or forward, so they belong to an
/// entry no longer shown.
pub fn discard() {
    PENDING.with(|p| p.borrow_mut().clear());
}

const WRITE_DELAY_MS: i32 = 300;

thread_local! {
    /// The states of [`write_later`] not yet written, per instance.
    static PENDING: RefCell<Vec<(&'static Instance, ViewState)>> = const { RefCell::new(Vec::new()) };
}

fn set(binding: &Binding, state: &ViewState, push: bool) {
    let w = window();
    let location = w.location();
    let now = location.search().unwrap_or_default();
    let Some(query) = binding.write(&now, state) else {
        return;
    };
    if query == now {
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

/// A link target for a state (for `href`s that open in new tabs): this page with the state
/// written in, relative to it; with the address off, the standalone app's link.
pub fn href(instance: &Instance, state: &ViewState) -> String {
    match instance.binding.write(&current_query(), state) {
        Some(q) if q.is_empty() => window().location().pathname().unwrap_or_default(),
        Some(q) => q,
        None => crate::export::share_url(&instance.app_page, state),
    }
}
