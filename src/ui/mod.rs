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
mod edition;
mod explore;
mod filters;
mod list;
mod map;
mod source;
mod timeline;
pub mod url;

use std::sync::Arc;

use leptos::prelude::*;

use crate::filter::SearchIndex;
use crate::i18n::{t, Key, Locale};
use crate::model::Dataset;
use crate::view_state::{Notice, ViewState};

pub use app::start;
pub use detail::{DetailPanel, StatusTag};

/// Shared, copyable handles every component can ask for with `expect_context::<Ctx>()`.
#[derive(Clone, Copy)]
pub struct Ctx {
    state: RwSignal<ViewState>,
    /// The interface language: read by every piece of interface text, so it is a memo of its
    /// own and typing a search re-runs none of them.
    lang: Memo<Locale>,
    /// Link settings that were ignored, shown until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
}

impl Ctx {
    pub fn new(initial: ViewState, notices: Vec<Notice>) -> Ctx {
        let state = RwSignal::new(initial);
        Ctx {
            state,
            lang: Memo::new(move |_| state.with(|s| s.lang)),
            notices: RwSignal::new(notices),
        }
    }
    /// A memo of one part of the state: what reads it re-runs only when that part changes.
    pub fn slice<T>(&self, part: impl Fn(&ViewState) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let state = self.state;
        Memo::new(move |_| state.with(&part))
    }
    /// The current view state (reactive).
    pub fn state(&self) -> ReadSignal<ViewState> {
        self.state.read_only()
    }
    /// Reads one part of the state reactively.
    pub fn with<R>(&self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.state.with(f)
    }
    /// The current locale (reactive).
    pub fn locale(&self) -> Locale {
        self.lang.get()
    }
    /// Interface text in the current locale (reactive).
    pub fn t(&self, key: Key) -> &'static str {
        t(self.locale(), key)
    }
    /// Moves to a new state: a history entry for real navigation, an in-place update when only
    /// the search changed.
    pub fn navigate(&self, next: ViewState) {
        let push = self.state.with_untracked(|s| s.is_new_history_entry(&next));
        url::write(&next, push);
        self.state.set(next);
    }
    /// The search as typed: in place, and written to the address bar once typing pauses.
    pub fn type_query(&self, q: String) {
        let mut next = self.state.get_untracked();
        next.q = q;
        url::write_later(&next);
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
        url::write(&next, false);
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
    pub lagging: ReadSignal<ViewState>,
}

impl Loaded {
    /// Makes [`Loaded::lagging`] for `ctx`'s state.
    pub fn lagging_state(ctx: Ctx) -> ReadSignal<ViewState> {
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
        lagging.read_only()
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

pub fn use_loaded() -> Loaded {
    expect_context::<Loaded>()
}
