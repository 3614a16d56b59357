//! A media query as a signal, for what only the medium decides (print). Layout breakpoints are
//! not media queries here: they follow the app's own width (`use_element_width`), since the app
//! may be embedded in a column narrower than the window.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether `query` matches, followed through the query list's `change` event.
pub fn use_media_query(query: &str) -> ReadSignal<bool> {
    // `matchMedia` fails only for a query that cannot be parsed: then it never matches.
    let list = window().match_media(query).ok().flatten();
    let matches = RwSignal::new(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        let l = list.clone();
        let changed = Closure::<dyn Fn()>::new(move || {
            matches.try_set(l.matches());
        });
        list.set_onchange(Some(changed.as_ref().unchecked_ref()));
        let changed = StoredValue::new_local(Some(changed));
        on_cleanup(move || {
            list.set_onchange(None);
            changed.set_value(None);
        });
    }
    matches.read_only()
}
