//! Embedding, as the reader sees it: "Embed this view" in the take-away bar (a disclosure with
//! the iframe and script snippets of the current view, each with a Copy button), and the
//! iframe route's page (`embed.html`, `data-embed="frame"`): a compact title with "Open the
//! full app", and its content height posted to the host page. The snippets themselves are
//! written by `crate::embedding::snippets`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::dom;
use super::shell::Heading;
use super::takeaway::{copy_or_select, link_to};
use super::{use_ctx, Ctx};
use crate::i18n::{bracketed, labelled, Key};
use web_sys::Element;

/// The button that shows or hides the embed panel.
#[component]
pub fn EmbedButton(open: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button
            type="button"
            class="itpe-button-secondary"
            data-takeaway="embed"
            id=ctx.id("embed-button")
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=ctx.id("embed-panel")
            on:click=move |_| open.update(|v| *v = !*v)
        >
            {move || ctx.t(Key::EmbedView)}
        </button>
    }
}

/// The embed panel: its content comes from its own chunk (`split::embed_snippets_on_demand`),
/// fetched on the first opening, and is built only while the panel is open.
#[component]
pub fn EmbedPanel(open: RwSignal<bool>, announce: RwSignal<&'static str>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="itpe-takeaway-panel itpe-embed-panel" id=ctx.id("embed-panel") hidden=move || !open.get()>
            {move || open.get().then(|| super::split::embed_snippets_on_demand(open, announce))}
        </div>
    }
}

/// The two snippets of the current view and filters, each in a read-only field (selectable
/// by hand) with a Copy button. Mounted only while the panel is open (`EmbedPanel`).
#[component]
pub fn EmbedSnippets(open: RwSignal<bool>, announce: RwSignal<&'static str>) -> impl IntoView {
    let ctx = use_ctx();
    let snippets = Memo::new(move |_| {
        let locale = ctx.locale();
        ctx.with(|s| {
            let view = ctx.t(super::shell::view_label(s.view));
            let title = labelled(locale, ctx.t(Key::AppName), view);
            crate::embedding::snippets(&ctx.instance.asset_base, s, &title)
        })
    });
    let field = move |name: &'static str, label: Key, copy: Key, frame: bool| {
        let id = ctx.id(name);
        let text = move || snippets.with(|(f, s)| if frame { f.clone() } else { s.clone() });
        let on_copy = {
            let id = id.clone();
            move |_| copy_or_select(ctx, text(), id.clone(), announce, open)
        };
        view! {
            <div class="itpe-embed-field">
                <label for=id.clone()>{move || ctx.t(label)}</label>
                <textarea id=id readonly rows="4" spellcheck="false" data-embed-code=name prop:value=text></textarea>
                <button type="button" class="itpe-button-secondary" data-takeaway=format!("copy-{name}") on:click=on_copy>
                    {move || ctx.t(copy)}
                </button>
            </div>
        }
    };
    view! {
        <p class="itpe-embed-intro">{move || ctx.t(Key::EmbedIntro)}</p>
        {field("embed-frame", Key::EmbedFrameCode, Key::CopyFrameCode, true)}
        {field("embed-script", Key::EmbedScriptCode, Key::CopyScriptCode, false)}
    }
}

/// The iframe page's header: the paper's title, small, and a link to the full app with the
/// same state in a new tab (in place of the standalone page's masthead).
pub fn frame_head(ctx: Ctx, heading: ReadSignal<Heading>) -> Element {
    let full = Memo::new(move |_| ctx.with(|s| link_to(ctx, s)));
    // A view switch changes the content: its height goes to the host once it is drawn.
    let view = ctx.slice(|s| s.view);
    Effect::new(move |_| {
        view.track();
        request_animation_frame(post_now);
    });
    let head = dom::element("div", &[("class", "itpe-frame-head")], None);
    let title = ctx.add_heading(&head, 0, "itpe-frame-title");
    dom::bind_attr(&title, "lang", move || {
        Some(heading.with(|h| h.lang.to_string()))
    });
    dom::bound_text(&title, move || heading.with(|h| h.title.clone()));
    let attrs = [
        ("class", "itpe-frame-full"),
        ("target", "_blank"),
        ("rel", "noopener"),
        ("data-full-app", ""),
    ];
    let a = dom::add(&head, "a", &attrs, None);
    dom::bind_attr(&a, "href", move || Some(full.get()));
    ctx.add_text(&a, Key::OpenFullApp);
    let note = dom::add(&a, "span", &[("class", "itpe-visually-hidden")], None);
    dom::bound_text(&note, move || {
        format!(" {}", bracketed(ctx.locale(), ctx.t(Key::OpensInNewTab)))
    });
    head
}

/// The message type the host script (`public/embed.js`) recognises.
const HEIGHT_MESSAGE: &str = "it-policy-explorer:height";

/// The content height of the frame's app, in whole CSS pixels: the mount element's bottom
/// edge in the document (margins above it included).
fn content_height() -> Option<f64> {
    let root = document()
        .query_selector(&format!("[{}]", super::app::MOUNTED))
        .ok()
        .flatten()?;
    let rect = root.get_bounding_client_rect();
    let scrolled = window().scroll_y().unwrap_or(0.0);
    Some((rect.bottom() + scrolled).ceil())
}

/// Posts `{type: "it-policy-explorer:height", height}` to the parent page: the height only,
/// nothing about the state or the reader. The frame listens to no message.
fn post_now() {
    let (Some(height), Ok(Some(parent))) = (content_height(), window().parent()) else {
        return;
    };
    let message = js_sys::Object::new();
    // Setting a property of a plain new object cannot fail; a parent gone (the frame removed)
    // takes the message without error, and nothing here waits for an answer.
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height));
    let _ = parent.post_message(&message, "*");
}

/// In the iframe route, posts the height whenever the app's root changes size (the load, a
/// view switch, a panel opening, the frame's width changing the layout). The observer lives
/// as long as the page.
pub fn post_height(root: &web_sys::HtmlElement) {
    if let Some(observer) = super::hooks::resize_observer(post_now) {
        observer.observe(root);
        // The frame's page lives as long as the app: so do the observer and its callback.
        std::mem::forget(observer);
    } else {
        post_now();
    }
}
