//! The app: mounting, dataset loading, its states (loading, failure, ready) and the switch
//! between views, inside the frame of `super::shell`.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{self, Dom};
use super::localized::{use_localized, Localized, ZhStatus};
use super::offline::Edition;
use super::shell::{self, Heading};
use super::{url, use_ctx, Ctx, Instance, Loaded};
use crate::filter::{select, SearchIndex};
use crate::i18n::{labelled, t, Key, Locale};
use crate::model::{Dataset, LoadError};
use crate::view_state::View;

/// The mount elements: every `[data-it-policy-explorer]`, and the legacy `#it-policy-explorer`
/// of snippets published before several instances were possible.
pub const MOUNTS: &str = "[data-it-policy-explorer], #it-policy-explorer";

/// Set on each mount element once the app runs in it: its instance number (the panic screen
/// finds every instance by it).
pub const MOUNTED: &str = "data-itpe-instance";

/// Set on each mount element: the level of its top heading, as decided (see `Ctx::heading`).
pub const HEADING_LEVEL: &str = "data-heading-level";

/// Where the app finds its files. The loader script writes `data-asset-base` (the URL of the
/// folder it was loaded from), so an embedding page can load the bundle from anywhere.
#[derive(Clone)]
struct Config {
    /// The dataset's URL, as the loader resolved it (`data-dataset-url`).
    dataset_url: String,
    /// The loader's fetch of the dataset, under way since before the wasm arrived (see
    /// `take_prefetched`); taken by the first load.
    prefetched: Rc<Cell<Option<js_sys::Promise>>>,
    /// The first load's outcome, awaited before the app mounts (`mount_instance`).
    first: Rc<Cell<Option<Result<Checked, DatasetError>>>>,
    /// The paper's title as painted by index.html before the wasm arrived.
    static_title: String,
    /// The issuer line ("Innovation and Technology Bureau, October 2021") of the first paint.
    static_issuer: String,
    /// Single-file offline edition or hosted bundle (see `super::offline`).
    edition: Edition,
    /// How far the start has drawn the app (`mount_instance`): in three tasks, each short
    /// enough on a phone that the browser can answer input in between, the shell (masthead,
    /// tabs, footer), then the main region around the view (take-away bar, print parts), then
    /// the view. Each of these is true once its part may be drawn.
    main_open: RwSignal<bool>,
    view_open: RwSignal<bool>,
}

/// Mounts the app into every mount element of the page (document order), each an independent
/// instance with its own state, ids and share of the address; replaces the static first paint.
pub fn start() {
    super::guard::install_panic_hook();
    let Ok(roots) = document().query_selector_all(MOUNTS) else {
        return;
    };
    if roots.length() == 0 {
        web_sys::console::error_1(
            &format!("I&T Policy Explorer: no element {MOUNTS} to mount into").into(),
        );
    }
    for n in 0..roots.length() {
        let root = roots
            .item(n)
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(root) = root.filter(|r| !r.has_attribute(MOUNTED)) {
            mount_instance(root, n as usize + 1);
        }
    }
}

/// What the mount element declares about the `n`-th instance (see README, "Embedding").
fn read_instance(root: &web_sys::Element, n: usize, base: &str) -> Instance {
    use crate::embedding::{
        heading_level, instance_prefix, locale_of_tag, valid_prefix, Binding, Scope,
    };
    let attr = |name: &str| root.get_attribute(name);
    let standalone = root.has_attribute("data-standalone");
    let frame = attr("data-embed").as_deref() == Some("frame");
    let scope = if attr("data-url").as_deref() == Some("off") {
        Scope::Off
    } else if standalone || frame {
        Scope::Page
    } else {
        let prefix = attr("data-params").filter(|p| {
            let ok = valid_prefix(p);
            if !ok {
                let m = format!("I&T Policy Explorer: data-params=\"{p}\" is not a valid prefix (letters, digits, - and _); using the default");
                web_sys::console::warn_1(&m.into());
            }
            ok
        });
        Scope::Prefixed(prefix.unwrap_or_else(|| instance_prefix(n)))
    };
    let lang = if standalone || frame {
        crate::i18n::Locale::En
    } else {
        attr("data-lang")
            .or_else(|| {
                document()
                    .document_element()
                    .and_then(|h| h.get_attribute("lang"))
            })
            .map(|tag| locale_of_tag(&tag))
            .unwrap_or_default()
    };
    let here = url::page_address();
    // A link copied from an embedded instance (or the frame) opens the app on its own.
    let app_page = if standalone {
        here
    } else {
        web_sys::Url::new_with_base("index.html", base)
            .map(|u| u.href())
            .unwrap_or(here)
    };
    Instance {
        binding: Binding {
            scope,
            initial: attr("data-state").unwrap_or_default(),
            lang,
        },
        ids: instance_prefix(n),
        heading_level: heading_level(attr(HEADING_LEVEL).as_deref(), standalone || frame),
        standalone,
        frame,
        asset_base: base.to_string(),
        app_page,
    }
}

fn mount_instance(root: web_sys::HtmlElement, n: usize) {
    let base = root
        .get_attribute("data-asset-base")
        .unwrap_or_else(|| "./".into());
    let base = web_sys::Url::new_with_base(
        &base,
        &document().base_uri().ok().flatten().unwrap_or_default(),
    )
    .map(|u| u.href())
    .unwrap_or(base);
    // loader.js resolves `data-dataset` (or the paper's file) and starts its fetch.
    let dataset_url = root.get_attribute("data-dataset-url").unwrap_or_default();
    let static_text = |selector: &str| {
        root.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    };
    let static_title = static_text("h1");
    let static_issuer = static_text("[data-issuer]");
    let instance: &'static Instance = Box::leak(Box::new(read_instance(&root, n, &base)));
    let config = Config {
        dataset_url,
        prefetched: Rc::new(Cell::new(take_prefetched(&root))),
        first: Rc::new(Cell::new(None)),
        static_title,
        static_issuer,
        edition: Edition::read(&root),
        main_open: RwSignal::new(false),
        view_open: RwSignal::new(false),
    };
    // Setting an attribute with a valid name on an element of the page cannot fail.
    let _ = root.set_attribute(MOUNTED, &n.to_string());
    let (initial, _) = url::read(&instance.binding);
    // Chunks a link asks for are fetched beside the dataset: its view's, an item's details, and
    // for a Chinese link the Chinese edition's code.
    super::split::prefetch(initial.view);
    if initial.item.is_some() {
        super::split::prefetch_details();
    }
    let chinese = initial.lang != Locale::En;
    if chinese {
        super::split::prefetch_chinese();
    }
    // The app's first frame waits for the dataset (the loader's request, under way since before
    // the wasm arrived) and, at a Chinese start, for the Chinese edition's code: it shows the
    // results (or what failed) at once, in the language asked for, with no loading state drawn
    // in between; until then the page shows the loader's "Loading the app…". If the Chinese
    // code cannot be loaded, the app starts in English and says so (`localized`).
    wasm_bindgen_futures::spawn_local(async move {
        let first = load(
            config.dataset_url.clone(),
            config.edition.inline_dataset.clone(),
            config.prefetched.take(),
        )
        .await;
        if chinese {
            let _ = super::split::load_chinese().await;
        }
        // Reading the dataset and drawing each of the app's parts are tasks of their own (see
        // `Config::main_open`). The app is drawn off the page and replaces the first paint when
        // whole, so the page never shows it half drawn.
        next_task().await;
        config.first.set(Some(first));
        let stages = [config.main_open, config.view_open];
        let app = dom::element("div", &[], None);
        mount_to(
            app.clone().unchecked_into(),
            move || view! { <App config=config.clone() instance=instance/> },
        )
        .forget();
        for open in stages {
            next_task().await;
            open.set(true);
        }
        root.set_inner_html("");
        while let Some(node) = app.first_child() {
            // Moving a node of a detached element into the page cannot fail.
            let _ = root.append_child(&node);
        }
        if instance.frame {
            super::embed::post_height(&root);
        }
    });
}

/// Resolves in a task of its own (a zero timeout), after the browser has had its turn.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        // Setting a timeout with a function cannot fail.
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Why the dataset could not be shown: which file and what is wrong.
#[derive(Clone, Debug, PartialEq)]
struct DatasetError {
    url: String,
    problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Problem {
    Http(u16),
    Network(String),
    Invalid(LoadError),
    /// The checks' chunk could not be loaded.
    PartMissing,
}

/// A checked dataset and the records its checks left out.
type Checked = (Arc<Dataset>, Arc<[crate::check::Problem]>);

/// A dataset file read and checked. The shipped pack (`crate::pack`, byte for byte the one
/// this build ships) is read here and trusted as it is; any other file, and any JSON, goes to
/// the checks' chunk (`check::read`: the JSON reader and the load checks), which the paper's
/// own readers never fetch.
async fn checked(bytes: Vec<u8>) -> Result<Checked, Problem> {
    let shipped = is_shipped(&bytes).await;
    let file = if crate::pack::is_pack(&bytes) {
        let data = Dataset::from_pack(&bytes).map_err(Problem::Invalid)?;
        if shipped {
            return Ok((Arc::new(data), Arc::new([])));
        }
        crate::check::Unread::Read(Box::new(data))
    } else {
        let text = utf8(bytes);
        crate::check::Unread::Json { text, shipped }
    };
    let c = super::split::read_dataset(file)
        .await
        .map_err(|_| Problem::PartMissing)?
        .map_err(Problem::Invalid)?;
    Ok((Arc::new(c.data), c.dropped.into()))
}

/// Whether `bytes` are a dataset file this build ships (`check::SHIPPED_PACK_SHA256` or
/// `SHIPPED_SHA256`), by the browser's Web Crypto. Where it is missing (a page served over
/// plain HTTP), nothing is trusted.
async fn is_shipped(bytes: &[u8]) -> bool {
    use js_sys::{Reflect, Uint8Array};
    let digest = async {
        let subtle = Reflect::get(
            &Reflect::get(&js_sys::global(), &"crypto".into())?,
            &"subtle".into(),
        )?;
        let digest: js_sys::Function = Reflect::get(&subtle, &"digest".into())?.dyn_into()?;
        let bytes = Uint8Array::from(bytes);
        let promise = digest.call2(&subtle, &"SHA-256".into(), &bytes)?;
        let hash = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await?;
        Ok::<_, wasm_bindgen::JsValue>(Uint8Array::new(&hash).to_vec())
    };
    let Ok(hash) = digest.await else {
        return false;
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = || {
        hash.iter()
            .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
    };
    [
        crate::check::SHIPPED_PACK_SHA256,
        crate::check::SHIPPED_SHA256,
    ]
    .iter()
    .any(|known| hex().eq(known.bytes()))
}

/// The loader's fetch of a mount element's dataset (loader.js, `fetchDatasets`): the element's
/// `itpeDataset` property, a promise of a `Response`, removed as it is taken.
fn take_prefetched(root: &web_sys::Element) -> Option<js_sys::Promise> {
    let key = wasm_bindgen::JsValue::from_str("itpeDataset");
    let value = js_sys::Reflect::get(root, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(root, &key);
    value.dyn_into().ok()
}

/// The dataset from the page itself (single-file edition: `inline`, an element id), else
/// fetched: through the loader's fetch under way when there is one (the first load), else anew.
/// Boxed: the first load and a retry await one copy of its code.
fn load(
    url: String,
    inline: Option<String>,
    prefetched: Option<js_sys::Promise>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Checked, DatasetError>>>> {
    Box::pin(async move {
        let (bytes, url) = match inline {
            Some(id) => (
                Ok(super::offline::inline_text(&id)
                    .unwrap_or_default()
                    .into_bytes()),
                format!("#{id}"),
            ),
            None => (fetch_bytes(&url, prefetched).await, url),
        };
        let checked = match bytes {
            Ok(bytes) => checked(bytes).await,
            Err(problem) => Err(problem),
        };
        checked.map_err(|problem| DatasetError { url, problem })
    })
}

/// The body of a successful response to `url` (or to the fetch already under way), as text.
pub(super) async fn fetch_text(
    url: &str,
    prefetched: Option<js_sys::Promise>,
) -> Result<String, Problem> {
    fetch_bytes(url, prefetched).await.map(utf8)
}

/// The body of a successful response to `url` (or to the fetch already under way): its bytes,
/// taken once (`text()` would decode them to a JS string that the binding then encodes again).
async fn fetch_bytes(url: &str, prefetched: Option<js_sys::Promise>) -> Result<Vec<u8>, Problem> {
    use wasm_bindgen_futures::JsFuture;
    let network = |e: wasm_bindgen::JsValue| {
        Problem::Network(e.unchecked_into::<js_sys::Error>().to_string().into())
    };
    let request = prefetched.unwrap_or_else(|| window().fetch_with_str(url));
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(network)?
        .unchecked_into();
    if !response.ok() {
        return Err(Problem::Http(response.status()));
    }
    let bytes = JsFuture::from(response.array_buffer().map_err(network)?);
    Ok(js_sys::Uint8Array::new(&bytes.await.map_err(network)?).to_vec())
}

/// Bytes decoded as `text()` does: without a BOM, and with U+FFFD for any invalid sequence.
fn utf8(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // Valid UTF-8 (the usual case) becomes the string without a copy.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[component]
fn App(config: Config, instance: &'static Instance) -> impl IntoView {
    let (initial, notices) = url::read(&instance.binding);
    let ctx = Ctx::new(instance, initial, notices);
    provide_context(ctx);
    provide_context(config.edition.clone());

    // A search typed just before leaving (or reloading) still reaches the address bar.
    let leave = window_event_listener(ev::pagehide, |_| url::flush());
    on_cleanup(move || leave.remove());

    if instance.standalone {
        Effect::new(move |_| {
            let lang = ctx.locale().html_lang();
            if let Some(el) = document().document_element() {
                // A valid attribute name on <html>: cannot fail.
                let _ = el.set_attribute("lang", lang);
            }
        });
    }

    let standalone = instance.standalone;
    let view_open = config.view_open.read_only();
    let main_open = config.main_open;
    let dataset_url = config.dataset_url.clone();
    let inline = config.edition.inline_dataset.clone();
    let (resource, reload) = super::hooks::use_task(config.first.take(), move || {
        load(dataset_url.clone(), inline.clone(), None)
    });
    let heading = RwSignal::new(Heading {
        title: config.static_title.clone(),
        issuer: config.static_issuer.clone(),
        lang: "en",
    });
    let english = Signal::derive(move || match resource.get() {
        Some(Ok((data, _))) => Some(data),
        _ => None,
    });
    // Back/forward: the URL changed under us; read it again.
    // Only this instance's parameters count: an entry of the host or of another instance
    // leaves it (and its notices) as they are.
    let handle = window_event_listener(ev::popstate, move |_| {
        url::discard();
        if !url::follows_history(&instance.binding) {
            return;
        }
        let (mut next, mut notices) = url::read(&instance.binding);
        if let Some(data) = english.get_untracked() {
            notices.extend(next.retain_known(&data));
        }
        if ctx.state.with_untracked(|s| *s != next) {
            ctx.notices.set(notices);
            ctx.state.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    let (localized, zh_status, retry) = use_localized(
        english,
        config.dataset_url.clone(),
        config.edition.inline_dataset.clone(),
    );

    let body = move || match resource.get() {
        None => Dom(loading(ctx)).into_any(),
        Some(Err(e)) => {
            // The button goes with the message: focus goes to the main region, not to <body>.
            let retry = move || {
                reload.run();
                super::focus::return_focus(None, ctx.id("main"));
            };
            Dom(load_failure(ctx, &e, retry)).into_any()
        }
        Some(Ok((_, dropped))) => localized
            .get()
            .map(|l| {
                view! {
                    <Ready localized=l dropped=dropped standalone=standalone view_open=view_open/>
                }
            })
            .into_any(),
    };
    Effect::new(move |_| {
        if let Some(l) = localized.get() {
            heading.set(Heading::of(&l));
        }
    });

    let head = if instance.frame {
        super::embed::frame_head(ctx, heading.read_only())
    } else {
        shell::masthead(ctx, heading.read_only())
    };
    let zh = Signal::derive(move || zh_status.with(|s| matches!(s, ZhStatus::Ready { .. })));
    let top = dom::element("div", &[("class", "itpe")], None);
    dom::bind_attr(&top, "lang", move || {
        Some(ctx.locale().html_lang().to_string())
    });
    let skip = [
        ("class", "itpe-skip-link"),
        ("href", &format!("#{}", ctx.id("main"))),
    ];
    ctx.add_text(&dom::add(&top, "a", &skip, None), Key::SkipToContent);
    dom::placed(&top, head);
    super::offline::edition_note(ctx, &top, english);
    dom::placed(&top, shell::navigation(ctx));
    shell::link_notices(ctx, &top);
    super::localized::translation_note(ctx, &top, zh_status, retry);
    let main = [
        ("id", &*ctx.id("main")),
        ("class", "itpe-main"),
        ("tabindex", "-1"),
    ];
    let main = dom::add(&top, "main", &main, None);
    // The views are Leptos components, mounted anew when the load's state changes.
    let shown = std::cell::RefCell::new(None::<Box<dyn std::any::Any>>);
    dom::bind(Box::new(move || {
        if !main_open.get() {
            return;
        }
        let view = body();
        drop(shown.take());
        let main = main.clone().unchecked_into();
        shown.replace(Some(Box::new(mount_to(main, move || view))));
    }));
    dom::placed(&top, shell::footer(ctx, english, zh));
    Dom(top)
}

/// While the dataset loads again after a retry (the app mounts with its first load done).
fn loading(ctx: Ctx) -> Element {
    let attrs = [
        ("class", "itpe-loading"),
        ("role", "status"),
        ("aria-live", "polite"),
    ];
    let p = dom::element("p", &attrs, None);
    ctx.add_text(&p, Key::Loading);
    p
}

/// Which file could not be shown and why, with a retry.
fn load_failure(ctx: Ctx, error: &DatasetError, on_retry: impl Fn() + 'static) -> Element {
    let problem = match &error.problem {
        Problem::Http(status) => labelled(
            ctx.locale(),
            ctx.t(crate::check::http_status_key(*status)),
            &format!("{} {status}", ctx.t(Key::HttpStatus)),
        ),
        Problem::Network(m) => labelled(ctx.locale(), ctx.t(Key::NetworkError), m),
        Problem::Invalid(LoadError::Refused(p)) => p.describe(ctx.locale()),
        Problem::PartMissing => ctx.t(Key::PartLoadFailed).to_string(),
        Problem::Invalid(e) => e.to_string(),
    };
    let attrs = [
        ("class", "itpe-error-summary"),
        ("role", "alert"),
        ("tabindex", "-1"),
    ];
    let div = dom::element("div", &attrs, None);
    dom::text(&ctx.add_heading(&div, 1, ""), ctx.t(Key::LoadFailed));
    let dl = dom::add(&div, "dl", &[], None);
    dom::add(&dl, "dt", &[], Some(ctx.t(Key::LoadFailedFile)));
    let file = dom::add(&dl, "dd", &[], None);
    dom::add(
        &file,
        "code",
        &[("class", "itpe-error-file")],
        Some(&error.url),
    );
    dom::add(&dl, "dt", &[], Some(ctx.t(Key::LoadFailedWhat)));
    dom::add(
        &dl,
        "dd",
        &[("class", "itpe-error-problem")],
        Some(&problem),
    );
    let retry = [("type", "button"), ("class", "itpe-button")];
    let button = dom::add(&div, "button", &retry, Some(ctx.t(Key::Retry)));
    dom::on(&button, "click", move |_| on_retry());
    div
}

/// The dataset has arrived: derive the selection and show the current view.
#[component]
fn Ready(
    localized: Localized,
    dropped: Arc<[crate::check::Problem]>,
    standalone: bool,
    view_open: ReadSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let text_locale = localized.text_locale();
    let Localized { english, data, zh } = localized;
    // Link ids that are not in the dataset are dropped once, with a notice.
    let mut state = ctx.state.get_untracked();
    let unknown = state.retain_known(&data);
    if !unknown.is_empty() {
        ctx.notices.update(|n| n.extend(unknown));
        url::write(ctx.instance, &state, false);
        ctx.state.set(state);
    }
    let index = Arc::new(SearchIndex::with_translations(english.clone(), zh));
    // The search texts are folded when the start is over, before the first keystroke needs
    // them (at once if the link has a search).
    let idle = index.clone();
    request_idle_callback(move || idle.prepare());
    let selection = {
        let (data, index) = (data.clone(), index.clone());
        Memo::new(move |_| ctx.with(|s| select(&data, &index, s)))
    };
    let total = data.items.len();
    let current = ctx.slice(|s| s.view);
    if standalone {
        keep_title(ctx, current, data.clone());
    }
    let loaded = Loaded {
        data,
        english,
        text_locale,
        index,
        selection,
        lagging: Loaded::lagging_state(ctx),
    };
    provide_context(loaded.clone());
    let announcement = view_announcements(ctx, current, selection, total);
    super::print::provide_printing();
    // Each view reads the state through mirrors it owns, so leaving it leaves nothing behind
    // in the long-lived state (see `Ctx::scoped`).
    let view = move || {
        if !view_open.get() {
            return ().into_any();
        }
        provide_context(ctx.scoped());
        provide_context(loaded.scoped());
        view_for(current.get())
    };
    view! {
        <p class="itpe-visually-hidden" role="status" aria-live="polite" aria-atomic="true">{announcement}</p>
        <super::guard::DroppedRecords dropped=dropped/>
        <super::takeaway::TakeAway/>
        <super::print::PrintHeader/>
        {view}
        <super::print::PrintSelection/>
    }
}

/// The component of a view. The first screen's view is in the main wasm; the others come
/// from their own chunks, loaded when first shown (`super::split`).
fn view_for(view: View) -> AnyView {
    match view {
        View::Explore => view! { <super::explore::ExploreView/> }.into_any(),
        other => view! { <super::split::OnDemand view=other/> }.into_any(),
    }
}

/// After a view switch (not at start), a polite announcement of the new view and how many
/// items it shows: the keyboard focus stays on the tab, so nothing else would say it.
fn view_announcements(
    ctx: Ctx,
    view: Memo<View>,
    selection: Memo<Vec<usize>>,
    total: usize,
) -> ReadSignal<String> {
    let text = RwSignal::new(String::new());
    Effect::new(move |previous: Option<View>| {
        let now = view.get();
        if previous.is_some_and(|p| p != now) {
            let shown = selection.with_untracked(Vec::len);
            let locale = ctx.locale();
            let name = t(locale, shell::view_label(now));
            text.set(crate::i18n::view_announcement(locale, name, shown, total));
        }
        now
    });
    text.read_only()
}

/// The document's title names the view and the open item, in the interface language
/// (WCAG 2.4.2). Only on the standalone page: an embedding page owns its title.
fn keep_title(ctx: Ctx, view: Memo<View>, data: Arc<Dataset>) {
    let item = ctx.slice(|s| s.item.clone());
    let offline = use_context::<super::offline::Edition>().is_some_and(|e| e.offline);
    Effect::new(move |_| {
        let locale = ctx.locale();
        let name = t(locale, shell::view_label(view.get()));
        let item = item.get();
        let title = item
            .as_deref()
            .and_then(|id| data.item(id))
            .map(|i| i.title.as_str());
        document().set_title(&crate::i18n::page_title(locale, name, title, offline));
    });
}
