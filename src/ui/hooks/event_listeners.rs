//! One listener for several event types on an element, for views that delegate their input
//! (the timeline's marks are plain DOM, not components). One closure for every type keeps the
//! wasm smaller than one per type; listeners are not passive, so a wheel handler may prevent
//! the page from scrolling.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `handler` for each event of the `kinds` on the element `target` refers to, for as long
/// as the element and the calling owner live (a re-rendered element gets them again).
pub fn use_event_listeners<E>(
    target: NodeRef<E>,
    kinds: &'static [&'static str],
    handler: impl Fn(web_sys::Event) + Clone + 'static,
) where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    type Attached = (web_sys::Element, js_sys::Function);
    let attached: StoredValue<Option<Attached>, LocalStorage> = StoredValue::new_local(None);
    let detach = move || {
        if let Some((el, f)) = attached.try_update_value(Option::take).flatten() {
            for kind in kinds {
                // Removing a listener never fails (an unknown one is ignored).
                let _ = el.remove_event_listener_with_callback(kind, &f);
            }
        }
    };
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        detach();
        let el: web_sys::Element = el.unchecked_into();
        let f = listen(&el, kinds, Box::new(handler.clone()));
        attached.set_value(Some((el, f)));
    });
    on_cleanup(detach);
}

/// Calls `handler` for each event of the `kinds` on `el`, for as long as `el` lives: the
/// listener goes with the element (plain DOM that is dropped whole, `super::super::dom`).
/// Returns the listener, to remove it earlier. One closure type for every caller.
pub fn listen(
    el: &web_sys::Element,
    kinds: &[&str],
    handler: Box<dyn FnMut(web_sys::Event)>,
) -> js_sys::Function {
    let f: js_sys::Function = Closure::wrap(handler).into_js_value().unchecked_into();
    for kind in kinds {
        // Adding a listener fails only for a callback that is not a function; `f` is one.
        let _ = el.add_event_listener_with_callback(kind, &f);
    }
    f
}
