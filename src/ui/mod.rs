//! The browser user interface (wasm32 only). Components render and wire signals; every
//! decision (filtering, layout, projection, charts) is made by the plain modules of the crate.
//!
//! State flows one way: the URL query string is parsed into [`ViewState`] (`url`), held in one
//! signal, and changed only through [`Ctx::navigate`], which writes the URL back. The loaded
//! [`Dataset`] and everything derived from it (the search index, the selection) are memos.
//!
//! A closure that reads the whole state re-runs on every keystroke in the search box, so
//! components read the part they show through a memo ([`Ctx::slice`], [`Ctx::locale`]).

mod app;
mod charts;
mod controls;
mod detail;
mod dom;
mod embed;
mod explore;
mod filters;
mod guard;
mod hooks;
mod list;
mod localized;
mod map;
mod offline;
mod print;
mod shell;
mod source;
mod split;
mod takeaway;
mod timeline;
pub mod url;

use std::sync::Arc;

use leptos::prelude::*;

use crate::filter::SearchIndex;
use crate::i18n::{t, Key, Locale};
use crate::model::Dataset;
use crate::view_state::{Notice, ViewState};
use hooks::focus;

pub use app::start;
pub use detail::{DetailPanel, StatusTag};

/// One mounted instance of the app, as its mount element declares it. Made once per mount
/// element and kept for the page's life (a few strings), so every [`Ctx`] can point to it.
#[derive(Debug)]
pub struct Instance {
    /// Its share of the page's address (see `crate::embedding`).
    pub binding: crate::embedding::Binding,
    /// Element ids are `{ids}-{name}` ([`Ctx::id`]): `itpe` for the first instance of a page,
    /// `itpe2`, `itpe3`... for the next ones, so two instances never repeat an id.
    pub ids: String,
    /// The level of the app's top heading (1 to 4); lower headings follow ([`Ctx::heading`]).
    pub heading_level: u8,
    /// `data-standalone`: the app owns the page (its title, `<html lang>`).
    pub standalone: bool,
    /// `data-embed="frame"`: the iframe route's page (compact title, height posted to the host).
    pub frame: bool,
    /// The bundle's folder (absolute URL, ending in "/"), where the loader was loaded from.
    pub asset_base: String,
    /// The standalone app's page (absolute, without query): share links and "Open the full app".
    pub app_page: String,
}

/// Shared, copyable handles every component can ask for with `expect_context::<Ctx>()`.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The instance this context belongs to: its ids, headings and address.
    pub instance: &'static Instance,
    /// The one state: written by navigation, read untracked by event handlers.
    state: RwSignal<ViewState>,
    /// What components read reactively: the state itself for the shell, a mirror owned by the
    /// view for the views (see [`Ctx::scoped`]); its language is the interface's, which is the
    /// address's except that a Chinese one shows English until the Chinese edition's code has
    /// loaded (`zh_code`).
    view: Memo<ViewState>,
    /// The interface language: read by every piece of interface text, so it is a memo of its
    /// own and typing a search re-runs none of them.
    lang: Memo<Locale>,
    /// The language the address asks for.
    asked: Memo<Locale>,
    /// Whether this instance has seen the Chinese edition's code loaded (`crate::zh_code`).
    zh_code: RwSignal<bool>,
    /// Link settings that were ignored, shown until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
}

/// A memo owned by the current owner (a view) that leaves no trace in what it reads once the
/// owner is cleaned up. reactive_graph keeps a dropped subscriber's entry in each of its
/// sources (signals and memos clone their subscriber lists, never prune them): a view that
/// read the long-lived state directly left hundreds of entries there on every visit, and the
/// wasm memory grew by tens of kilobytes per view switch. Reading through this mirror, a view
/// leaves none: its own subscribers go with the mirror.
fn view_mirror<T>(read: impl Fn() -> T + Send + Sync + 'static) -> ArcMemo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    use leptos::reactive::graph::{Subscriber, ToAnySubscriber};
    let memo = ArcMemo::new(move |_| read());
    let me = memo.to_any_subscriber();
    on_cleanup(move || me.clear_sources(&me));
    memo
}

impl Ctx {
    pub fn new(instance: &'static Instance, initial: ViewState, notices: Vec<Notice>) -> Ctx {
        let state = RwSignal::new(initial);
        let zh_code = RwSignal::new(crate::zh_code::installed().is_some());
        let view = Memo::new(move |_| {
            let mut s = state.get();
            if s.lang != Locale::En && !zh_code.get() {
                s.lang = Locale::En;
            }
            s
        });
        Ctx {
            instance,
            state,
            view,
            lang: Memo::new(move |_| view.with(|s| s.lang)),
            asked: Memo::new(move |_| state.with(|s| s.lang)),
            zh_code,
            notices: RwSignal::new(notices),
        }
    }
    /// The context for one view: the same state, read through a mirror that the view owns
    /// (see [`view_mirror`]). Call it where the view is chosen, and provide the result.
    pub fn scoped(&self) -> Ctx {
        let outer = self.view;
        let view: Memo<ViewState> = view_mirror(move || outer.get()).into();
        Ctx {
            view,
            lang: Memo::new(move |_| view.with(|s| s.lang)),
            ..*self
        }
    }
    /// The page-wide id of this instance's element `name` (see [`Instance::ids`]).
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.instance.ids)
    }
    /// The tag of a heading `depth` levels below the app's top heading (0: the paper's title).
    pub fn heading(&self, depth: u8) -> &'static str {
        heading_tag(self.instance.heading_level, depth)
    }
    /// A heading `depth` levels below the app's top heading: its tag follows the instance's
    /// level, its look comes from the class of its depth ([`heading_class`]). More classes are
    /// added as `.class(("itpe-name", true))`. (Attributes are a `Vec` under the
    /// `erase_components` cfg that `.cargo/config.toml` sets for every wasm build.)
    pub fn heading_el(
        &self,
        depth: u8,
    ) -> leptos::html::HtmlElement<
        leptos::html::Custom<&'static str>,
        Vec<leptos::attr::any_attribute::AnyAttribute>,
        (),
    > {
        leptos::html::custom(self.heading(depth)).class(heading_class(depth))
    }
    /// A heading `depth` levels below the app's top heading in plain DOM (see
    /// [`Ctx::heading_el`]), `class` beside its depth's, not yet placed.
    pub fn heading_node(&self, depth: u8, class: &str) -> web_sys::Element {
        let class = format!("{} {class}", heading_class(depth));
        dom::element(self.heading(depth), &[("class", class.trim_end())], None)
    }
    /// [`Ctx::heading_node`] appended to `parent`.
    pub fn add_heading(
        &self,
        parent: &web_sys::Element,
        depth: u8,
        class: &str,
    ) -> web_sys::Element {
        dom::placed(parent, self.heading_node(depth, class))
    }
    /// [`Ctx::heading_node`] with the id `name` (see [`Ctx::id`]) if any and the text `text`
    /// keeps, as a child of a `view!`.
    pub fn heading_dom(
        &self,
        depth: u8,
        class: &str,
        name: Option<&str>,
        text: impl Fn() -> String + 'static,
    ) -> dom::Dom {
        let h = self.heading_node(depth, class);
        if let Some(name) = name {
            dom::set(&h, "id", Some(&self.id(name)));
        }
        dom::bound_text(&h, text);
        dom::Dom(h)
    }
    /// Appends the interface text `key` to plain DOM, kept in the interface language.
    pub fn add_text(self, parent: &web_sys::Element, key: Key) {
        dom::bound_text(parent, move || self.t(key).to_string());
    }
    /// A memo of one part of the state: what reads it re-runs only when that part changes.
    pub fn slice<T>(&self, part: impl Fn(&ViewState) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let view = self.view;
        Memo::new(move |_| view.with(&part))
    }
    /// The current view state (reactive).
    pub fn state(&self) -> Memo<ViewState> {
        self.view
    }
    /// Reads one part of the state reactively.
    pub fn with<R>(&self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.view.with(f)
    }
    /// The current locale (reactive): the interface's language.
    pub fn locale(&self) -> Locale {
        self.lang.get()
    }
    /// The language the address asks for (reactive), which the interface shows once its code
    /// is there (see [`Ctx::locale`]).
    pub fn asked_locale(&self) -> Locale {
        self.asked.get()
    }
    /// The Chinese edition's code has loaded: a Chinese address now shows Chinese.
    pub fn chinese_code_loaded(&self) {
        if self.zh_code.try_get_untracked() == Some(false) {
            self.zh_code.try_set(true);
        }
    }
    /// Interface text in the current locale (reactive when read inside a reactive closure).
    pub fn t(&self, key: Key) -> &'static str {
        t(self.locale(), key)
    }
    /// [`Ctx::t`] as a reactive closure, for a view's text or attribute: one closure type for
    /// every key keeps the wasm small.
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }
    /// Moves to a new state: a history entry for real navigation, an in-place update when only
    /// the search changed.
    pub fn navigate(&self, next: ViewState) {
        let push = self.state.with_untracked(|s| s.is_new_history_entry(&next));
        url::write(self.instance, &next, push);
        self.state.set(next);
    }
    /// The search as typed: in place, and written to the address bar once typing pauses.
    pub fn type_query(&self, q: String) {
        let mut next = self.state.get_untracked();
        // The limit the URL has, so what is searched is what a copied link restores.
        next.q = crate::view_state::clip_search(&q).to_string();
        url::write_later(self.instance, &next);
        self.state.set(next);
    }
    /// Applies a change to a copy of the current state and navigates to it.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        f(&mut next);
        self.navigate(next);
    }
    /// Like [`Ctx::update`], but in place (no history entry): for zooming and panning.
    pub fn replace(&self, f: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        f(&mut next);
        url::write(self.instance, &next, false);
        self.state.set(next);
    }
}

/// The loaded dataset and what derives from it, provided once it has arrived.
#[derive(Clone)]
pub struct Loaded {
    /// The dataset the views show: in Chinese, with the translated names and texts in place.
    pub data: Arc<Dataset>,
    /// The dataset as published (English): the English title beside the Chinese one.
    pub english: Arc<Dataset>,
    /// The language of `data`'s names, titles and summaries (English until Chinese has
    /// loaded): their `lang` and punctuation. Quotes of the paper are always English.
    pub text_locale: crate::i18n::Locale,
    pub index: Arc<SearchIndex>,
    /// Indices into `data.items` that the current filters and search select, in sort order.
    pub selection: Memo<Vec<usize>>,
    /// The view state, except that while the search is typed it follows a painted frame late:
    /// the facet counts and matching figures read it, so a keystroke's frame has only the
    /// results to draw and the rest comes in the next one. Any other change is immediate.
    pub lagging: Memo<ViewState>,
}

impl Loaded {
    /// The loaded data for one view, its selection and lagging state read through mirrors the
    /// view owns (see [`view_mirror`]).
    pub fn scoped(&self) -> Loaded {
        let (selection, lagging) = (self.selection, self.lagging);
        Loaded {
            selection: view_mirror(move || selection.get()).into(),
            lagging: view_mirror(move || lagging.get()).into(),
            ..self.clone()
        }
    }
    /// Makes [`Loaded::lagging`] for `ctx`'s state.
    pub fn lagging_state(ctx: Ctx) -> Memo<ViewState> {
        let state = ctx.state();
        let lagging = RwSignal::new(state.get_untracked());
        Effect::new(move |_| {
            let next = state.get();
            if lagging.with_untracked(|l| l.is_new_history_entry(&next)) {
                lagging.set(next);
            } else {
                // A task queued from the next frame's animation callback runs after that frame
                // is painted; by then the state may have moved on again.
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            if let Some(now) = state.try_get_untracked() {
                                lagging.try_set(now);
                            }
                        },
                        std::time::Duration::ZERO,
                    )
                });
            }
        });
        Memo::new(move |_| lagging.get())
    }
}

/// The heading tags, by level.
const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

fn heading_tag(top: u8, depth: u8) -> &'static str {
    HEADINGS[usize::from(top + depth).clamp(1, 6) - 1]
}

/// The class of a heading at `depth` (named after its tag on the standalone page): the styles
/// select headings by these classes, never by tag, since an embedded instance's tags shift
/// with the host's heading level (`data-heading-level`).
pub fn heading_class(depth: u8) -> &'static str {
    [
        "itpe-h1", "itpe-h2", "itpe-h3", "itpe-h4", "itpe-h5", "itpe-h6",
    ][usize::from(depth).min(5)]
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// For a component that comes and goes often (a list row): its own [`Ctx`], provided to what
/// it contains, so that removing it leaves nothing behind in the view (see [`view_mirror`]).
pub fn row_ctx() -> Ctx {
    let ctx = use_ctx().scoped();
    provide_context(ctx);
    ctx
}

/// A memo handed down to such a component, read through a mirror it owns.
pub fn mirror<T>(memo: Memo<T>) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    view_mirror(move || memo.get()).into()
}

pub fn use_loaded() -> Loaded {
    expect_context::<Loaded>()
}
