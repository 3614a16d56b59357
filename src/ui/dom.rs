//! Plain DOM for lists of many similar rows (results, matching figures, the timeline's marks and
//! list): each row is made with a few web-sys calls and kept by key, and one binding per list
//! (`bind_rows`) updates the rows, instead of a component with its own reactive closures per
//! row. Rows cost no generic view code in the wasm and leave no subscribers behind when they go.
//! Data text is only ever set as text.
//!
//! The first screen's shell is built the same way (`super::app`): every Leptos `view!` is a
//! type of its own whose building code the wasm carries, while these calls are one copy for all.
//! Bindings ([`bind`], [`bound_text`], [`bind_attr`], [`slot`]) are effects of the current owner, so a
//! piece of plain DOM lets go of its signals with the owner that built it; [`Dom`] places such
//! a piece inside a `view!`.

use leptos::prelude::{document, on_cleanup, RenderEffect};
use web_sys::Element;

const SVG: &str = "http://www.w3.org/2000/svg";

/// A new HTML element with attributes and optional text, not yet placed.
pub fn element(tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Element {
    made(None, tag, attrs, text)
}

/// Appends a new HTML element with attributes and optional text to `parent`.
pub fn add(parent: &Element, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Element {
    placed(parent, made(None, tag, attrs, text))
}

/// Appends a new SVG element (the timeline's axis and marks) to `parent`.
pub fn add_svg(parent: &Element, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Element {
    placed(parent, made(Some(SVG), tag, attrs, text))
}

fn made(namespace: Option<&str>, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) -> Element {
    let doc = document();
    let el = match namespace {
        Some(ns) => doc.create_element_ns(Some(ns), tag),
        None => doc.create_element(tag),
    }
    .expect("create element");
    for (k, v) in attrs {
        // Attribute names here are fixed, valid names: setting them cannot fail.
        let _ = el.set_attribute(k, v);
    }
    if text.is_some() {
        el.set_text_content(text);
    }
    el
}

/// Appends `el`, already made, to `parent`.
pub fn placed(parent: &Element, el: Element) -> Element {
    // Appending a new element to an element cannot fail (no cycle, no document node).
    let _ = parent.append_child(&el);
    el
}

/// Appends a text node.
pub fn text(parent: &Element, text: &str) {
    // Appending text to an element cannot fail.
    let _ = parent.append_with_str_1(text);
}

/// Replaces `el`'s content with `text`, the byte `ranges` wrapped in `<mark>`.
pub fn marked(el: &Element, text_: &str, ranges: &[(usize, usize)]) {
    el.set_text_content(None);
    let mut at = 0;
    for &(a, b) in ranges {
        if a > at {
            text(el, &text_[at..a]);
        }
        add(el, "mark", &[], Some(&text_[a..b]));
        at = b;
    }
    if at < text_.len() {
        text(el, &text_[at..]);
    }
}

/// Sets an attribute only when it changed (a keystroke then touches only what moved).
pub fn set(el: &Element, name: &str, value: Option<&str>) {
    if el.get_attribute(name).as_deref() == value {
        return;
    }
    // Attribute names here are fixed, valid names: setting or removing them cannot fail.
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// The rows of a keyed list as its binding keeps them: by key, with the interface language they
/// were drawn in (a list is drawn anew in another language).
pub type Drawn<R> = Option<(crate::i18n::Locale, Vec<(usize, R)>)>;

/// The rows `drawn` kept if they are in `locale`; else none, and `parent` emptied for new ones.
pub fn kept<R>(parent: &Element, drawn: Drawn<R>, locale: crate::i18n::Locale) -> Vec<(usize, R)> {
    match drawn {
        Some((l, rows)) if l == locale => rows,
        _ => {
            parent.set_text_content(None);
            Vec::new()
        }
    }
}

/// Runs `draw` now and whenever a signal it read changes, handing it the rows it drew last
/// (for [`kept`]): the one binding of a list kept by key.
pub fn bind_rows<R: 'static>(
    draw: impl Fn(Drawn<R>) -> (crate::i18n::Locale, Vec<(usize, R)>) + 'static,
) {
    let drawn = std::cell::RefCell::new(None);
    bind(Box::new(move || {
        let last = drawn.take();
        drawn.replace(Some(draw(last)));
    }));
}

/// For an event on an element matching `selector` inside a list row: the row's position among
/// its siblings (rows that carry no key say what they are by their position).
pub fn row_index(ev: &web_sys::Event, selector: &str) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let mut li = target.closest(selector).ok()??.closest("li").ok()??;
    let mut at = 0;
    while let Some(before) = li.previous_element_sibling() {
        (li, at) = (before, at + 1);
    }
    Some(at)
}

/// A row of a keyed list: its element.
pub trait Row {
    fn el(&self) -> &Element;
}

/// Makes `parent`'s children the rows of `keys`, in that order: rows whose key stays are kept
/// (moved if needed), new ones are made by `make`, the others removed.
pub fn sync<R: Row>(
    parent: &Element,
    rows: &mut Vec<(usize, R)>,
    keys: &[usize],
    mut make: impl FnMut(usize) -> R,
) {
    let mut old: Vec<Option<(usize, R)>> = std::mem::take(rows).into_iter().map(Some).collect();
    for slot in &mut old {
        if slot.as_ref().is_some_and(|(k, _)| !keys.contains(k)) {
            if let Some((_, r)) = slot.take() {
                r.el().remove();
            }
        }
    }
    let children = parent.children();
    for (at, &key) in keys.iter().enumerate() {
        let row = old
            .iter_mut()
            .find(|r| r.as_ref().is_some_and(|(k, _)| *k == key))
            .and_then(Option::take)
            .map_or_else(|| make(key), |(_, r)| r);
        let here = children.item(at as u32);
        if here.as_ref() != Some(row.el()) {
            // Inserting an element of the page into its parent cannot fail.
            let _ = parent.insert_before(row.el(), here.as_ref().map(|h| h.as_ref()));
        }
        rows.push((key, row));
    }
}

/// Runs `f` now and again whenever a signal it read changes, for as long as the current owner
/// lives. The one effect type of plain DOM: a render effect, whose first run is at once, so
/// what is built is whole (its texts and attributes set) before it is placed.
pub fn bind(f: Box<dyn Fn()>) {
    let effect = RenderEffect::new(move |_| f());
    on_cleanup(move || drop(effect));
}

/// Appends a text node that `text` keeps up to date.
pub fn bound_text(parent: &Element, text: impl Fn() -> String + 'static) {
    bound_text_boxed(parent, Box::new(text));
}

fn bound_text_boxed(parent: &Element, text: Box<dyn Fn() -> String>) {
    let node = document().create_text_node("");
    // Appending a text node to an element cannot fail.
    let _ = parent.append_child(&node);
    bind(Box::new(move || {
        let now = text();
        if node.data() != now {
            node.set_data(&now);
        }
    }));
}

/// Keeps `el`'s attribute `name` what `value` says (absent for `None`).
pub fn bind_attr(el: &Element, name: &'static str, value: impl Fn() -> Option<String> + 'static) {
    bind_attr_boxed(el.clone(), name, Box::new(value));
}

fn bind_attr_boxed(el: Element, name: &'static str, value: Box<dyn Fn() -> Option<String>>) {
    bind(Box::new(move || set(&el, name, value().as_deref())));
}

/// Keeps the `value` of a form field (`<input>`, `<select>`) what `value` says: the property,
/// which a field shows even after the reader has changed it (the attribute then no longer
/// counts). Set only when it differs, so the caret of a field being typed in stays.
pub fn bind_value(field: &Element, value: impl Fn() -> String + 'static) {
    bind_value_boxed(field.clone(), Box::new(value));
}

fn bind_value_boxed(field: Element, value: Box<dyn Fn() -> String>) {
    let key = wasm_bindgen::JsValue::from_str("value");
    bind(Box::new(move || {
        let now = value();
        let shown = js_sys::Reflect::get(&field, &key)
            .ok()
            .and_then(|v| v.as_string());
        if shown.as_deref() != Some(now.as_str()) {
            // Setting `value` on a form field cannot fail.
            let _ = js_sys::Reflect::set(&field, &key, &now.into());
        }
    }));
}

/// A place in `parent` for an element that comes and goes: `content` (re-run when a signal it
/// read changes) says what is there, if anything. What the last content bound is let go first.
pub fn slot(parent: &Element, content: impl Fn() -> Option<Element> + 'static) {
    slot_boxed(parent, Box::new(content));
}

fn slot_boxed(parent: &Element, content: Box<dyn Fn() -> Option<Element>>) {
    let marker = document().create_text_node("");
    // Appending a text node to an element cannot fail.
    let _ = parent.append_child(&marker);
    let shown = std::cell::RefCell::new(None::<Element>);
    bind(Box::new(move || {
        if let Some(old) = shown.take() {
            old.remove();
        }
        let Some(el) = content() else { return };
        if let Some(parent) = marker.parent_node() {
            // Inserting a new element before a child of its parent cannot fail.
            let _ = parent.insert_before(&el, Some(&marker));
        }
        shown.replace(Some(el));
    }));
}

/// Calls `handler` on each `kind` event on `el` (see `super::hooks::listen`). The handler must
/// not hold `el` or an element of its tree (it reads them through the event): through the
/// wasm's references, the element and its listener would keep each other forever.
pub fn on(el: &Element, kind: &'static str, handler: impl FnMut(web_sys::Event) + 'static) {
    super::hooks::listen(el, &[kind], Box::new(handler));
}

/// A piece of plain DOM as a child of a `view!`: mounted and unmounted as it is, never rebuilt.
pub struct Dom(pub Element);

// SAFETY: the wasm build has one thread (no atomics), so a DOM handle never leaves the thread
// that made it; Leptos asks `Send` of every view for its server renderer, unused here.
unsafe impl Send for Dom {}

mod view {
    use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{add_attr::AddAnyAttr, Position, PositionState, Render, RenderHtml};
    use web_sys::Element;

    use super::Dom;

    impl Render for Dom {
        type State = Element;
        fn build(self) -> Element {
            self.0
        }
        fn rebuild(self, state: &mut Element) {
            if *state != self.0 {
                // Replacing a mounted element by another one cannot fail.
                let _ = state.replace_with_with_node_1(&self.0);
                *state = self.0;
            }
        }
    }

    impl AddAnyAttr for Dom {
        type Output<A: Attribute> = Dom;
        fn add_any_attr<A: Attribute>(self, _: A) -> Dom {
            self
        }
    }

    /// Browser only: never rendered to HTML or hydrated.
    impl RenderHtml for Dom {
        type AsyncOutput = Dom;
        type Owned = Dom;
        const MIN_LENGTH: usize = 0;
        fn dry_resolve(&mut self) {}
        async fn resolve(self) -> Dom {
            self
        }
        fn to_html_with_buf(
            self,
            _: &mut String,
            _: &mut Position,
            _: bool,
            _: bool,
            _: Vec<AnyAttribute>,
        ) {
        }
        fn hydrate<const FROM_SERVER: bool>(self, _: &Cursor, _: &PositionState) -> Element {
            self.0
        }
        fn into_owned(self) -> Dom {
            self
        }
    }
}
