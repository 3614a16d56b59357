//! What the user sees when things go wrong after start-up: a panic (the app is replaced by a
//! message and a reload button, built with plain DOM calls since the reactive runtime may be
//! broken), and the records the load-time checks left out of the dataset.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::use_ctx;
use crate::check::Problem;
use crate::i18n::{crash_screen, more_not_listed, Key, Locale};
use crate::view_state::MAX_NOTICES;

/// Logs panics to the console (with the Rust message and stack) and replaces the app with a
/// message and a reload button: a panic must not leave a page that silently stops responding.
/// Every instance of the page shares the one wasm instance, which a panic stops: each shows it.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(move |info| {
        console_error_panic_hook::hook(info);
        show_crash();
    }));
}

/// Replaces the content of every mounted instance with the crash message, once. The locale may
/// be unknown (the state may be what broke), so the message is given in all three languages.
fn show_crash() {
    static SHOWN: AtomicBool = AtomicBool::new(false);
    if SHOWN.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let Ok(roots) = doc.query_selector_all(&format!("[{}]", super::app::MOUNTED)) else {
        return;
    };
    let el = |tag: &str, class: &str| {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let shell = el("div", "itpe")?;
        let alert = el("div", "itpe-error-summary itpe-crash")?;
        alert.set_attribute("role", "alert").ok()?;
        for locale in Locale::ALL {
            let p = el("p", "")?;
            p.set_attribute("lang", locale.html_lang()).ok()?;
            p.set_text_content(Some(crash_screen(locale).0));
            alert.append_child(&p).ok()?;
        }
        let button = el("button", "itpe-button")?;
        button.set_attribute("type", "button").ok()?;
        let label: Vec<&str> = Locale::ALL.iter().map(|l| crash_screen(*l).1).collect();
        button.set_text_content(Some(&label.join(" · ")));
        // `location.reload` bound to `location`: a plain JS function, so the button works
        // even if the wasm instance is no longer usable after the panic.
        let location = window.location();
        let reload: js_sys::Function = js_sys::Reflect::get(&location, &"reload".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let reload = reload.bind0(&location);
        button
            .add_event_listener_with_callback("click", &reload)
            .ok()?;
        alert.append_child(&button).ok()?;
        shell.append_child(&alert).ok()?;
        Some(shell)
    };
    for n in 0..roots.length() {
        let Some(root) = roots.item(n) else { continue };
        if let Some(shell) = build() {
            root.set_text_content(None);
            // Appending a new element to an element of the page cannot fail (it throws only for
            // a node that contains its parent); if focusing is refused, the button is there.
            let _ = root.append_child(&shell);
            if n == 0 {
                if let Some(b) = shell.query_selector("button").ok().flatten() {
                    let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        }
    }
}

/// The records the load-time checks left out, each with the rule it broke (at most
/// [`MAX_NOTICES`] listed, the rest counted).
#[component]
pub fn DroppedRecords(dropped: std::sync::Arc<[Problem]>) -> impl IntoView {
    let ctx = use_ctx();
    (!dropped.is_empty()).then(|| {
        let rows = move || {
            let locale = ctx.locale();
            let shown = dropped.len().min(MAX_NOTICES);
            let mut rows: Vec<_> = dropped[..shown]
                .iter()
                .map(|p| view! { <li>{p.describe(locale)}</li> })
                .collect();
            if dropped.len() > shown {
                let more = more_not_listed(locale, dropped.len() - shown);
                rows.push(view! { <li>{more}</li> });
            }
            rows
        };
        view! {
            <div class="itpe-notice itpe-dropped-records" role="status">
                <p class="itpe-notice-title">{ctx.text(Key::DataDroppedTitle)}</p>
                <ul>{rows}</ul>
            </div>
        }
    })
}
