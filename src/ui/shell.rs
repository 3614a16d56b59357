//! The frame around the views, in plain DOM (`super::dom`; issue #17: the same elements as
//! Leptos components cost about 6 KB more of the first load's wasm): the masthead with the
//! language switcher (or the iframe page's head, `super::embed`), the view tabs, the notices
//! of ignored link settings, and the footer.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom;
use super::localized::Localized;
use super::{url, Ctx};
use crate::format;
use crate::i18n::{comma, labelled, more_not_listed, Key, Locale};
use crate::model::Dataset;
use crate::view_state::{capped, NoticeReason, View, ViewState};

/// The paper's title and issuer as the header shows them, and their language.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Heading {
    pub(super) title: String,
    /// "Innovation and Technology Bureau, October 2021" / "創新及科技局，2021年10月".
    pub(super) issuer: String,
    pub(super) lang: &'static str,
}

impl Heading {
    pub(super) fn of(e: &Localized) -> Heading {
        let d = &e.data.document;
        let locale = e.text_locale();
        Heading {
            title: d.title.clone(),
            issuer: format!("{}{}{}", d.bureau, comma(locale), d.date_text),
            lang: e.text_locale().html_lang(),
        }
    }
}

/// The standalone page's header: the app's name, the language switcher, the paper's title
/// and issuer (painted first by index.html, then kept in the language shown).
pub(super) fn masthead(ctx: Ctx, heading: ReadSignal<Heading>) -> Element {
    let header = dom::element("header", &[("class", "itpe-masthead")], None);
    let top = dom::add(&header, "div", &[("class", "itpe-masthead-top")], None);
    ctx.add_text(
        &dom::add(&top, "p", &[("class", "itpe-app-name")], None),
        Key::AppName,
    );
    dom::placed(&top, language_switcher(ctx));
    let title = ctx.add_heading(&header, 0, "itpe-paper-title");
    let lang = move || Some(heading.with(|h| h.lang.to_string()));
    dom::bind_attr(&title, "lang", lang);
    dom::bound_text(&title, move || heading.with(|h| h.title.clone()));
    let issuer = dom::add(&header, "p", &[("class", "itpe-issuer")], None);
    dom::bound_text(&issuer, move || {
        labelled(ctx.locale(), ctx.t(Key::IssuedBy), "")
    });
    let by = dom::add(&issuer, "span", &[], None);
    dom::bind_attr(&by, "lang", lang);
    dom::bound_text(&by, move || heading.with(|h| h.issuer.clone()));
    header
}

/// A `<nav>` of links, one per value of `values`, each setting one part of the state to its
/// value: marked `aria-current` while it is the current one, and leading where it would go. A
/// plain click is handled in place, any other keeps its browser meaning (new tab...). A pointer
/// over a link (a touch included) or the focus on it calls `intent` first (a chunk's prefetch).
struct StateLinks<T: 'static> {
    class: &'static str,
    label: Key,
    values: &'static [T],
    /// A link's text and fixed attributes.
    link: fn(T) -> (LinkText, Attributes),
    part: fn(&ViewState) -> T,
    set: fn(&mut ViewState, T),
    intent: fn(T),
    aria_current: &'static str,
}

/// Fixed attributes of an element.
type Attributes = Vec<(&'static str, &'static str)>;

/// The text of a [`StateLinks`] link: the same in every language, or interface text.
enum LinkText {
    Fixed(&'static str),
    Interface(Key),
}

impl<T: Copy + PartialEq + Send + Sync + 'static> StateLinks<T> {
    fn build(self, ctx: Ctx) -> Element {
        let StateLinks {
            class,
            label,
            values,
            link,
            part,
            set,
            intent,
            aria_current,
        } = self;
        let nav = dom::element("nav", &[("class", class)], None);
        dom::bind_attr(&nav, "aria-label", move || Some(ctx.t(label).to_string()));
        let ul = dom::add(&nav, "ul", &[], None);
        let current = ctx.slice(part);
        for &value in values {
            let (text, attrs) = link(value);
            let a = dom::add(&dom::add(&ul, "li", &[], None), "a", &attrs, None);
            match text {
                LinkText::Fixed(text) => dom::text(&a, text),
                LinkText::Interface(key) => ctx.add_text(&a, key),
            }
            dom::bind_attr(&a, "href", move || {
                let mut s = ctx.state().get();
                set(&mut s, value);
                Some(url::href(ctx.instance, &s))
            });
            let is_current = move || (current.get() == value).then(|| aria_current.to_string());
            dom::bind_attr(&a, "aria-current", is_current);
        }
        // One listener for the links: the event's link is found by its position.
        let handler = move |ev: web_sys::Event| {
            let Some(&value) = dom::row_index(&ev, "a").and_then(|i| values.get(i)) else {
                return;
            };
            if ev.type_() != "click" {
                intent(value);
            } else if !super::hooks::is_modified_click(ev.unchecked_ref()) {
                ev.prevent_default();
                ctx.update(|s| set(s, value));
            }
        };
        super::hooks::listen(
            &nav,
            &["click", "pointerover", "focusin"],
            Box::new(handler),
        );
        nav
    }
}

/// The interface languages, each named in itself.
fn language_switcher(ctx: Ctx) -> Element {
    StateLinks {
        class: "itpe-lang-switch",
        label: Key::Language,
        values: &Locale::ALL,
        link: |l| {
            let lang = l.html_lang();
            (
                LinkText::Fixed(l.native_name()),
                vec![("lang", lang), ("hreflang", lang)],
            )
        },
        part: |s| s.lang,
        set: |s, l| s.lang = l,
        // A Chinese link fetches the Chinese edition's code, as the view tabs do their views'.
        intent: |l| {
            if l != Locale::En {
                super::split::prefetch_chinese();
            }
        },
        aria_current: "true",
    }
    .build(ctx)
}

pub(super) fn view_label(view: View) -> Key {
    match view {
        View::Explore => Key::ViewExplore,
        View::Timeline => Key::ViewTimeline,
        View::Map => Key::ViewMap,
        View::Charts => Key::ViewCharts,
        View::Source => Key::ViewSource,
    }
}

/// Tabs between the views. Plain links with real hrefs (open in new tab works); a click is
/// handled in place so the page does not reload. A pointer over a tab (a finger's touch
/// included) or the keyboard's focus on it fetches its view's chunks then, so that most of the
/// wait is over by the click; readers who never show a view never fetch it.
pub(super) fn navigation(ctx: Ctx) -> Element {
    StateLinks {
        class: "itpe-views",
        label: Key::MainNavigation,
        values: &View::ALL,
        link: |v| {
            (
                LinkText::Interface(view_label(v)),
                vec![("data-view", v.as_str())],
            )
        },
        part: |s| s.view,
        set: |s, v| s.view = v,
        intent: super::split::prefetch,
        aria_current: "page",
    }
    .build(ctx)
}

/// Ignored link settings, listed so a broken link is never silently "fixed".
pub(super) fn link_notices(ctx: Ctx, parent: &Element) {
    let reason = move |r: NoticeReason| match r {
        NoticeReason::UnknownParameter => ctx.t(Key::NoticeUnknownParameter),
        NoticeReason::InvalidValue => ctx.t(Key::NoticeInvalidValue),
        NoticeReason::UnknownId => ctx.t(Key::NoticeUnknownId),
        NoticeReason::Repeated => ctx.t(Key::NoticeRepeated),
        NoticeReason::Shortened => ctx.t(Key::NoticeShortened),
    };
    dom::slot(parent, move || {
        let notices = ctx.notices.get();
        if notices.is_empty() {
            return None;
        }
        let locale = ctx.locale();
        let div = dom::element("div", &[("class", "itpe-notice"), ("role", "status")], None);
        dom::add(
            &div,
            "p",
            &[("class", "itpe-notice-title")],
            Some(ctx.t(Key::NoticeTitle)),
        );
        let ul = dom::add(&div, "ul", &[], None);
        let (shown, more) = capped(&notices);
        for n in shown {
            let li = dom::add(&ul, "li", &[], None);
            dom::add(&li, "code", &[], Some(&format!("{}={}", n.param, n.value)));
            dom::text(&li, &labelled(locale, "", reason(n.reason)));
        }
        if more > 0 {
            dom::add(&ul, "li", &[], Some(&more_not_listed(locale, more)));
        }
        let dismiss = [("type", "button"), ("class", "itpe-button-secondary")];
        let button = dom::add(&div, "button", &dismiss, Some(ctx.t(Key::Dismiss)));
        dom::on(&button, "click", move |_| ctx.notices.set(Vec::new()));
        Some(div)
    });
}

/// The page's footer: the data's date and version, the dataset's files, the credit and the
/// offline offer.
pub(super) fn footer(ctx: Ctx, data: Signal<Option<Arc<Dataset>>>, zh: Signal<bool>) -> Element {
    let footer = dom::element("footer", &[("class", "itpe-site-footer")], None);
    dom::slot(&footer, move || {
        let d = data.get()?;
        let d = &d.document;
        let locale = ctx.locale();
        let p = dom::element("p", &[], None);
        dom::text(&p, &format!("{} ", ctx.t(Key::AsOf)));
        dom::add(
            &p,
            "time",
            &[("datetime", &d.as_of)],
            Some(&format::day_in(locale, &d.as_of)),
        );
        dom::text(
            &p,
            &format!(" · {} {}", ctx.t(Key::DatasetVersion), d.dataset_version),
        );
        Some(p)
    });
    dom::placed(&footer, super::takeaway::data_links(ctx));
    // In Chinese, the translation note above the views says what is translated.
    dom::slot(&footer, move || {
        (!zh.get()).then(|| dom::element("p", &[], Some(ctx.t(Key::EnglishOnlyData))))
    });
    ctx.add_text(
        &dom::add(&footer, "p", &[("class", "itpe-credit")], None),
        Key::Credit,
    );
    if let Some(link) = super::offline::download_link(ctx) {
        dom::placed(&footer, link);
    }
    footer
}
