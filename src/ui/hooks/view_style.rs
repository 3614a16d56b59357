//! A view's own stylesheet, brought by its code: the Timeline, Map and Charts views' CSS
//! (`style/timeline.css`, `map.css`, `charts.css`) is not in the first load's stylesheet but in
//! their chunks, and goes into the document when the view first shows (README "Size and speed").
//!
//! A constructed stylesheet in `document.adoptedStyleSheets`, not a `<style>` element: a strict
//! Content-Security-Policy (`style-src 'self'`, the embedding host's included) blocks inline
//! style elements but not the CSS object model. The host's own adopted sheets are kept; the
//! app's come after them, and after every linked stylesheet, in the cascade: the view's print
//! rules are in its own file for that reason (ARCHITECTURE.md, "Styles and embedding").

use std::cell::RefCell;

thread_local! {
    /// The stylesheets already adopted, by the address of their text: each goes in once per
    /// document, whatever the number of instances on the page or switches to the view.
    static ADOPTED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Adds `css` to the document's stylesheets unless it is there already. Where the browser has
/// no constructed stylesheets (before 2023), the view shows unstyled rather than failing.
pub fn adopt_view_style(css: &'static str) {
    let key = css.as_ptr() as usize;
    if ADOPTED.with(|a| a.borrow().contains(&key)) {
        return;
    }
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(css).is_err() {
        return;
    }
    let document = leptos::prelude::document();
    let sheets = document.adopted_style_sheets();
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    ADOPTED.with(|a| a.borrow_mut().push(key));
}
