//! A view's own stylesheet, brought by its code: the Timeline, Map and Charts views' CSS
//! (`style/timeline.css`, `map.css`, `charts.css`) is not in the first load's stylesheet but in
//! their chunks, and goes into the document when the view first shows (README "Size and speed").
//!
//! A constructed stylesheet in `document.adoptedStyleSheets`, not a `<style>` element: a strict
//! Content-Security-Policy (`style-src 'self'`, the embedding host's included) blocks inline
//! style elements but not the CSS object model. The host's own adopted sheets are kept; the
//! app's come after them, and after every linked stylesheet, in the cascade: the view's print
//! rules are in its own file for that reason (ARCHITECTURE.md, "Styles and embedding"). Where
//! the browser cannot construct a stylesheet (Safari before 16.4), a `<style>` element at the
//! end of `<head>` takes the same place in the cascade; only a strict CSP there blocks it.

use std::cell::RefCell;

thread_local! {
    /// The stylesheets already adopted, by the address of their text: each goes in once per
    /// document, whatever the number of instances on the page or switches to the view.
    static ADOPTED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Adds `css` to the document's stylesheets unless it is there already.
pub fn adopt_view_style(css: &'static str) {
    let key = css.as_ptr() as usize;
    if ADOPTED.with(|a| a.borrow().contains(&key)) {
        return;
    }
    let document = leptos::prelude::document();
    match web_sys::CssStyleSheet::new() {
        Ok(sheet) => {
            // Its text is the app's own: it parses (a rule the browser does not know is skipped).
            let _ = sheet.replace_sync(css);
            let sheets = document.adopted_style_sheets();
            sheets.push(&sheet);
            document.set_adopted_style_sheets(&sheets);
        }
        Err(_) => {
            let Ok(style) = document.create_element("style") else {
                return;
            };
            style.set_text_content(Some(css));
            if let Some(head) = document.query_selector("head").ok().flatten() {
                // Appending an element the page just made to its <head> cannot fail.
                let _ = head.append_child(&style);
            }
        }
    }
    ADOPTED.with(|a| a.borrow_mut().push(key));
}
