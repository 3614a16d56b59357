//! The width of an element, followed with a `ResizeObserver`: the one way views measure
//! themselves. An element follows its own container, not the window, so the app behaves the
//! same in a 320 px column of a wide page as in a 320 px window.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A `ResizeObserver` and the callback it calls, kept alive together. Dropped, it stops
/// observing first, so the observer never calls a callback that is gone; whoever keeps it
/// (a view's stored value, or the page for ever) decides how long it observes.
pub struct Observer {
    ro: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Observer {
    /// Observes `el` too (its first report comes once it is laid out with a box).
    pub fn observe(&self, el: &web_sys::Element) {
        self.ro.observe(el);
    }

    /// Stops observing every element.
    pub fn disconnect(&self) {
        self.ro.disconnect();
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.ro.disconnect();
    }
}

/// A `ResizeObserver` that calls `on_resize`: the one place the app makes one (the views'
/// widths below, the filter body's first layout, the iframe route's height messages). `None`
/// where the browser has none (before 2020): callers then measure once.
pub fn resize_observer(on_resize: impl FnMut() + 'static) -> Option<Observer> {
    let callback = Closure::<dyn FnMut()>::new(on_resize);
    let ro = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    Some(Observer {
        ro,
        _callback: callback,
    })
}

/// The `clientWidth` (CSS px, padding included) of the element `target` refers to, rounded
/// down to a multiple of `step` px (1: exact; more, so small resizes change nothing): measured
/// when it is rendered and whenever its size changes, 0 until then. A hidden element (width 0)
/// keeps its last width, so what was laid out for it stays.
pub fn use_element_width<E>(target: NodeRef<E>, step: u32) -> ReadSignal<f64>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let width = RwSignal::new(0.0);
    let element = move || {
        target
            .get_untracked()
            .map(|el| el.unchecked_into::<web_sys::Element>())
    };
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let el: web_sys::Element = el.unchecked_into();
        let measure = move || {
            if let Some(el) = element() {
                set_width(width, &el, step);
            }
        };
        // Measured now, so the first drawing need not wait for the observer's first report.
        set_width(width, &el, step);
        observer.update_value(|o| {
            if o.is_none() {
                // Without an observer the width was measured once, above.
                *o = resize_observer(measure);
            }
            if let Some(o) = o {
                // One element at a time: a re-rendered target replaces the old one.
                o.disconnect();
                o.observe(&el);
            }
        });
    });
    // The stored observer goes with the owner, and stops observing as it goes.
    width.read_only()
}

fn set_width(width: RwSignal<f64>, el: &web_sys::Element, step: u32) {
    let step = step.max(1);
    let w = f64::from(el.client_width().max(0) as u32 / step * step);
    if w > 0.0 && w != width.get_untracked() {
        width.try_set(w);
    }
}

/// Calls `build` once, the first time `el` is laid out (given a box: neither it nor an ancestor
/// is `display: none`), under the current owner, so that what it binds goes with the owner's
/// view: for what is built only once it can be seen. The observer reports an element with a
/// box as soon as it is laid out, before it is painted; where the browser has none, at once.
pub fn when_laid_out(el: &web_sys::Element, build: Box<dyn FnOnce()>) {
    // Weak: the observer's callback, which the owner keeps, must not keep the owner.
    let owner = Owner::current().map(|o| o.downgrade());
    let pending = std::cell::Cell::new(Some(build));
    let run = std::rc::Rc::new(move || {
        let Some(build) = pending.take() else { return };
        match &owner {
            Some(owner) => {
                if let Some(owner) = owner.upgrade() {
                    owner.with(build);
                }
            }
            None => build(),
        }
    });
    let (seen, report) = (el.clone(), run.clone());
    let Some(observer) = resize_observer(move || {
        if seen.client_width() > 0 {
            report();
        }
    }) else {
        return run();
    };
    observer.observe(el);
    // Observed until the owner goes (a report after the build does nothing).
    StoredValue::new_local(observer);
}
