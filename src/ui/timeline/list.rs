//! The milestones as a list by year (time order): the narrow screen's default, and a disclosure
//! under the axis.

use leptos::ev;
use leptos::prelude::*;

use super::super::dom;
use super::super::use_loaded;
use super::{event_mark, Shared};
use crate::format;
use crate::i18n::{bracketed, colon, Key, Locale};
use crate::model::Dataset;
use crate::timeline::MarkSet;

/// The list, written with plain DOM calls when shown (it can be long); a click on an entry's
/// item opens it.
pub(super) fn milestone_list(shared: Shared, class: &'static str) -> impl IntoView {
    let ctx = shared.ctx;
    let loaded = use_loaded();
    let (data, names) = (loaded.data.clone(), loaded.text_locale.html_lang());
    let root: NodeRef<leptos::html::Div> = NodeRef::new();
    {
        let data = data.clone();
        Effect::new(move |_| {
            if let Some(root) = root.get() {
                let langs = (ctx.locale(), names);
                let period = ctx.t(Key::TlSpanNote);
                shared
                    .marks
                    .with(|s| draw_list(&root, s, &data, (period, ctx.heading(2)), langs));
            }
        });
    }
    let on_click = move |ev: ev::MouseEvent| {
        if let Some((el, m)) = event_mark(&ev) {
            if el.tag_name().eq_ignore_ascii_case("button") {
                shared.open(&data, m);
            }
        }
    };
    view! { <div class=class node_ref=root on:click=on_click></div> }
}

/// The list under the axis, built only once opened.
pub(super) fn list_disclosure(shared: Shared) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class="itpe-tl-list-details" on:toggle=move |_| open.update(|o| *o = !*o)>
            <summary>{shared.ctx.text(Key::TlList)}</summary>
            {move || open.get().then(|| milestone_list(shared, "itpe-tl-list"))}
        </details>
    }
}

/// Writes the list of milestones by year (time order) into `root`, emptied first; `year_tag`
/// is the years' heading tag (`Ctx::heading`).
fn draw_list(
    root: &web_sys::Element,
    s: &MarkSet,
    data: &Dataset,
    (period, year_tag): (&str, &'static str),
    (locale, names): (Locale, &str),
) {
    root.set_text_content(None);
    let mut ol = None;
    let mut year = None;
    for &e in &s.time_order {
        let en = &s.entries[e];
        if year != Some(en.year) {
            year = Some(en.year);
            let sec = dom::add(root, "section", &[("class", "itpe-tl-year")], None);
            dom::add(
                &sec,
                year_tag,
                &[("class", super::super::heading_class(2))],
                Some(&en.year.to_string()),
            );
            ol = Some(dom::add(&sec, "ol", &[], None));
        }
        let Some(ol) = &ol else { continue };
        let m = &data.milestones[en.milestone];
        let li = dom::add(ol, "li", &[("data-id", &m.id)], None);
        dom::add(
            &li,
            "time",
            &[("datetime", &m.date.start)],
            Some(&format::date_in(locale, &m.date)),
        );
        if en.span {
            dom::add(
                &li,
                "span",
                &[("class", "itpe-tl-period")],
                Some(&bracketed(locale, period)),
            );
        }
        dom::add(&li, "span", &[], Some(colon(locale)));
        dom::add(&li, "span", &[("lang", names)], Some(&m.label));
        dom::add(&li, "span", &[], Some(" · "));
        let title = data.item(&m.item).map(|i| i.title.as_str()).unwrap_or("");
        dom::add(
            &li,
            "button",
            &[
                ("type", "button"),
                ("class", "itpe-link-button"),
                ("data-i", &en.milestone.to_string()),
                ("lang", names),
            ],
            Some(title),
        );
    }
}
