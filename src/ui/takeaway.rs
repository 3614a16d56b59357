//! Taking what was found away, from every view: downloads of the selection (CSV of its items,
//! figures and milestones; JSON of all three), a link that reopens the view, a citation, and
//! printing. What goes into the files and texts is decided by `export` and `i18n`; this file
//! wires buttons to it and to the browser (Blob downloads, the Clipboard API).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::charts::save_text;
use super::{dom, use_ctx, use_loaded, Ctx, Loaded};
use crate::export::{file_name, share_url, Selection};
use crate::i18n::{citation, Key};
use crate::view_state::{View, ViewState};
use web_sys::Element;

/// The address that reopens `state` in the standalone app: this page when the app owns it,
/// else the bundle's `index.html` next to the loader (see `Instance::app_page`), so a link
/// copied from an embedded app, with its prefixed parameters, opens the app on its own with
/// today's bare ones: a reader who follows it expects the view, not the host page around it.
pub fn link_to(ctx: Ctx, state: &ViewState) -> String {
    share_url(&ctx.instance.app_page, state)
}

/// Today as an ISO day, in the reader's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Writes `text` to the clipboard; `done(true)` once it is there, `done(false)` where the
/// Clipboard API is missing (insecure pages, old browsers) or refuses.
pub(super) fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(JsValue::is_object);
    let promise = clipboard.and_then(|c| {
        let write = js_sys::Reflect::get(&c, &"writeText".into()).ok()?;
        let write: js_sys::Function = write.dyn_into().ok()?;
        let promise = write.call1(&c, &text.into()).ok()?;
        let then = js_sys::Reflect::get(&promise, &"then".into()).ok()?;
        Some((promise, then.dyn_into::<js_sys::Function>().ok()?))
    });
    let Some((promise, then)) = promise else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let settle = |ok: bool| {
        let done = done.clone();
        wasm_bindgen::closure::Closure::once_into_js(move |_: JsValue| {
            if let Some(f) = done.take() {
                f(ok)
            }
        })
    };
    // The callback that is not called stays allocated: a few bytes per click.
    if then.call2(&promise, &settle(true), &settle(false)).is_err() {
        // `then` of a promise does not throw; if a patched one did, copy by hand.
        if let Some(f) = done.take() {
            f(false)
        }
    }
}

/// Selects the text of the field with this id, for copying by hand. (`focus()` of a field that
/// is shown cannot fail: web-sys types every DOM call as fallible.)
fn select_field(id: &str) {
    let field = document().get_element_by_id(id);
    if let Some(input) = field.and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = document()
        .get_element_by_id(id)
        .and_then(|f| f.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}

/// Copies `text`; on success announces "Copied", otherwise shows and selects the field `id`
/// (through `show`) and says how to copy by hand.
pub(super) fn copy_or_select(
    ctx: Ctx,
    text: String,
    id: String,
    announce: RwSignal<&'static str>,
    show: RwSignal<bool>,
) {
    announce.set("");
    copy_text(&text, move |ok| {
        if ok {
            announce.set(ctx.t(Key::Copied));
        } else {
            show.set(true);
            request_animation_frame(move || select_field(&id));
            announce.set(ctx.t(Key::CopyFailed));
        }
    });
}

/// The take-away bar shown above every view.
#[component]
pub fn TakeAway() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let announce = RwSignal::new("");
    let show_link = RwSignal::new(false);
    let show_cite = RwSignal::new(false);
    let show_embed = RwSignal::new(false);
    let link = Memo::new(move |_| ctx.with(|s| link_to(ctx, s)));

    let data = loaded.data.clone();
    let cited = Memo::new(move |_| {
        ctx.with(|s| {
            let from_item = s.item.as_deref().and_then(|id| data.item(id));
            let para = match (s.view, &s.para) {
                (View::Source, Some(p)) => Some(p.clone()),
                _ => from_item.map(|i| i.source.paragraph.clone()),
            };
            para.and_then(|p| data.paragraph(&p).cloned())
        })
    });
    // The paper is cited as published, in English, also from a Chinese interface.
    let english = loaded.english.clone();
    let cite_text = Memo::new(move |_| {
        cited.with(|p| {
            link.with(|l| citation(ctx.locale(), &english.document, p.as_ref(), &today(), l))
        })
    });

    let copy_link = move |_| {
        copy_or_select(
            ctx,
            link.get_untracked(),
            ctx.id("link"),
            announce,
            show_link,
        )
    };
    let copy_cite = move |_| {
        copy_or_select(
            ctx,
            cite_text.get_untracked(),
            ctx.id("citation"),
            announce,
            show_cite,
        )
    };
    let print = move |_| {
        // Fails only where the page may not open dialogs (a sandboxed frame), where the
        // browser's own Print menu is the way, as for any page.
        let _ = window().print();
    };

    view! {
        <section class="itpe-takeaway" aria-label=ctx.text(Key::TakeAway)>
            <div class="itpe-takeaway-bar">
                <Downloads announce=announce/>
                <button type="button" class="itpe-button-secondary" data-takeaway="link" on:click=copy_link>
                    {ctx.text(Key::CopyLink)}
                </button>
                <button
                    type="button"
                    class="itpe-button-secondary"
                    data-takeaway="cite"
                    aria-expanded=move || if show_cite.get() { "true" } else { "false" }
                    aria-controls=ctx.id("cite-panel")
                    on:click=move |_| show_cite.update(|v| *v = !*v)
                >
                    {ctx.text(Key::Cite)}
                </button>
                <button type="button" class="itpe-button-secondary" data-takeaway="print" on:click=print>
                    {ctx.text(Key::Print)}
                </button>
                <super::embed::EmbedButton open=show_embed/>
            </div>
            <div class="itpe-takeaway-panel" hidden=move || !show_link.get()>
                <label for=ctx.id("link")>{ctx.text(Key::LinkToView)}</label>
                <input id=ctx.id("link") type="text" readonly prop:value=move || if show_link.get() { link.get() } else { String::new() }/>
            </div>
            <div class="itpe-takeaway-panel" id=ctx.id("cite-panel") hidden=move || !show_cite.get()>
                <label for=ctx.id("citation")>{ctx.text(Key::Citation)}</label>
                <textarea id=ctx.id("citation") readonly rows="3" prop:value=move || if show_cite.get() { cite_text.get() } else { String::new() }></textarea>
                <button type="button" class="itpe-button-secondary" data-takeaway="copy-citation" on:click=copy_cite>
                    {ctx.text(Key::CopyCitation)}
                </button>
            </div>
            <super::embed::EmbedPanel open=show_embed announce=announce/>
            <p class="itpe-visually-hidden itpe-takeaway-status" role="status">{move || announce.get()}</p>
        </section>
    }
}

/// Saves the selection as a file: `what` is "items", "figures" or "milestones" (CSV) or
/// "selection" (JSON of all three). Its code comes with the first download
/// (`split::download_selection`): the first screen does not need it.
pub(super) fn save_selection(ctx: Ctx, loaded: &Loaded, what: &str) {
    let data = &loaded.data;
    let state = ctx.state().get_untracked();
    let locale = state.lang;
    let day = today();
    loaded.selection.with_untracked(|sel| {
        let s = Selection::of(data, sel);
        let (text, ext, mime) = match what {
            "items" => (
                s.items(data, locale).csv(true),
                "csv",
                "text/csv;charset=utf-8",
            ),
            "figures" => (s.figures(data).csv(true), "csv", "text/csv;charset=utf-8"),
            "milestones" => (
                s.milestones(data).csv(true),
                "csv",
                "text/csv;charset=utf-8",
            ),
            _ => (
                s.json(data, locale, &link_to(ctx, &state), &day),
                "json",
                "application/json",
            ),
        };
        save_text(&file_name(data, &state, what, &day, ext), mime, &text);
    });
}

/// The selection's downloads, in a disclosure so the bar stays one line.
#[component]
fn Downloads(announce: RwSignal<&'static str>) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let download = move |what: &'static str| {
        let loaded = loaded.clone();
        announce.set("");
        leptos::task::spawn_local(async move {
            if super::split::download_selection(ctx, loaded, what)
                .await
                .is_err()
            {
                announce.set(ctx.t(Key::DownloadFailed));
            }
        });
    };
    let button = move |what: &'static str, key: Key| {
        let download = download.clone();
        view! {
            <li>
                <button type="button" class="itpe-button-secondary" data-download=what on:click=move |_| download(what)>
                    {ctx.text(key)}
                </button>
            </li>
        }
    };
    // Escape closes the menu and returns to its button, as in other menus.
    let on_key = |ev: leptos::ev::KeyboardEvent| {
        let details = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let (Some(details), "Escape") = (details, ev.key().as_str()) {
            // Removing an attribute throws only for an invalid name; focusing the shown
            // summary cannot fail.
            let _ = details.remove_attribute("open");
            let summary = details.query_selector("summary").ok().flatten();
            if let Some(s) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = s.focus();
            }
        }
    };
    view! {
        <details class="itpe-takeaway-downloads" on:keydown=on_key>
            <summary class="itpe-button-secondary">{ctx.text(Key::DownloadSelection)}</summary>
            <div class="itpe-takeaway-menu">
                <ul>
                    {button("items", Key::DownloadItemsCsv)}
                    {button("figures", Key::DownloadFiguresCsv)}
                    {button("milestones", Key::DownloadMilestonesCsv)}
                    {button("selection", Key::DownloadJson)}
                </ul>
                <p class="itpe-hint">{ctx.text(Key::DownloadNote)}</p>
            </div>
        </details>
    }
}

/// Sizes of the bundled data files, known when the app is compiled (the files are in the same
/// repository); `include_bytes!(..).len()` is a constant, the bytes stay out of the wasm.
const DATASET_BYTES: usize = include_bytes!("../../public/data/policy-2021.json").len();
const SCHEMA_BYTES: usize = include_bytes!("../../public/data/policy-2021.schema.json").len();
const PACKAGE_BYTES: usize = include_bytes!("../../public/data/datapackage.json").len()
    + include_bytes!("../../public/data/policy-2021-items.csv").len()
    + include_bytes!("../../public/data/policy-2021-figures.csv").len()
    + include_bytes!("../../public/data/policy-2021-milestones.csv").len()
    + include_bytes!("../../public/data/policy-2021-sites.csv").len()
    + include_bytes!("../../public/data/policy-2021-organisations.csv").len();

/// The footer's links to the whole dataset: the JSON, its schema and the data package, with
/// their sizes. Resolved from the loader's folder, like the dataset itself.
pub fn data_links(ctx: Ctx) -> Element {
    let base = &ctx.instance.asset_base;
    let div = dom::element("div", &[("class", "itpe-data-links")], None);
    ctx.add_text(&ctx.add_heading(&div, 1, ""), Key::DatasetLinks);
    let ul = dom::add(&div, "ul", &[], None);
    // Sizes written as the footer's offline offer writes them (`edition::file_size`).
    for (file, key, bytes) in [
        ("policy-2021.json", Key::DatasetJson, DATASET_BYTES),
        ("policy-2021.schema.json", Key::DatasetSchema, SCHEMA_BYTES),
        ("datapackage.json", Key::DataPackage, PACKAGE_BYTES),
    ] {
        let href = web_sys::Url::new_with_base(&format!("data/{file}"), base)
            .map(|u| u.href())
            .unwrap_or_else(|_| format!("data/{file}"));
        let li = dom::add(&ul, "li", &[], None);
        let attrs = [
            ("href", &*href),
            ("data-file", file),
            ("type", "application/json"),
        ];
        ctx.add_text(&dom::add(&li, "a", &attrs, None), key);
        let size = crate::edition::file_size(bytes as u64);
        dom::bound_text(&li, move || {
            format!("{}{size}", crate::i18n::comma(ctx.locale()))
        });
    }
    div
}
