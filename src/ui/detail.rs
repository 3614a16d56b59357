//! Item details: everything the dataset says about one item, with its source. Any view opens it
//! by setting `item` in the view state; it is placed by the view that shows it.

use leptos::prelude::*;

use super::{focus, url, use_ctx, use_loaded};
use crate::format;
use crate::i18n::{bracketed, labelled, paragraph_label, quote_marks, Key, Locale};
use crate::model::{Initiative, Status, Unit};
use crate::view_state::View;

pub use crate::i18n::{kind_key, status_key};

/// A status as a coloured tag (colour is never the only cue: the word is there).
#[component]
pub fn StatusTag(status: Status) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <span class=format!("itpe-tag itpe-tag-{}", status.as_str()) data-status=status.as_str()>
            {ctx.text(status_key(status))}
        </span>
    }
}

/// The panel for the item named by `item` in the URL; renders nothing when none is open. Its
/// content comes from its own chunk (`split::item_details_on_demand`).
#[component]
pub fn DetailPanel() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let open = Memo::new(move |_| ctx.with(|s| s.item.clone()));
    move || {
        let id = open.get()?;
        let item = loaded.data.item(&id)?.clone();
        Some(super::split::item_details_on_demand(item))
    }
}

#[component]
pub fn ItemDetails(item: Initiative) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let data = loaded.data;
    let names = loaded.text_locale;
    let lang = names.html_lang();
    // In Chinese, the English title is shown beside the (unofficial) Chinese one.
    let english_title = (names != Locale::En)
        .then(|| loaded.english.item(&item.id).map(|i| i.title.clone()))
        .flatten();
    let marks = move || quote_marks(ctx.locale());
    // Keyboard and screen-reader users land on the details they opened, and go back to what
    // opened them when they close them (the result link, timeline mark or site panel button).
    focus::remember_opener();
    focus::focus_id(ctx.id("detail-title"));
    let from = item.id.clone();
    let close = move |_| {
        ctx.update(|s| s.item = None);
        focus::return_focus(Some(format!("[data-item-link=\"{from}\"]")), ctx.id("main"));
    };
    let area = data
        .area(&item.area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let paragraph = data
        .paragraph(&item.source.paragraph)
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let paragraph = move || paragraph_label(ctx.locale(), &paragraph);
    let source_href = {
        let mut s = ctx.state().get_untracked();
        s.view = View::Source;
        s.para = Some(item.source.paragraph.clone());
        s.item = Some(item.id.clone());
        url::href(ctx.instance, &s)
    };
    let (para, id) = (item.source.paragraph.clone(), item.id.clone());
    let to_source = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let (para, id) = (para.clone(), id.clone());
        ctx.update(move |s| {
            s.view = View::Source;
            s.para = Some(para);
            s.item = Some(id);
        });
    };
    let figures = data
        .figures_of(&item.id)
        .map(|f| {
            // A Chinese measure often names its period already: "本地研發總開支（2014年）".
            let period = f.period.clone().filter(|p| !f.measure.contains(p.as_str()));
            let (said, measure) = (f.text.clone(), f.measure.clone());
            let f = f.clone();
            view! {
                <li>
                    <strong>{move || format::figure_in(ctx.locale(), &f)}</strong>
                    " · " <span lang=lang>{measure}</span>
                    {period.map(|p| view! { <span class="itpe-muted" lang=lang>{bracketed(names, &p)}</span> })}
                    <br/>
                    <span class="itpe-muted">
                        {move || labelled(ctx.locale(), ctx.t(Key::PaperSays), marks().0)}
                        <span lang="en">{said}</span>
                        {move || marks().1}
                    </span>
                </li>
            }
        })
        .collect_view();
    let milestones = data
        .milestones_of(&item.id)
        .map(|m| {
            let date = m.date.clone();
            view! {
                <li>
                    <time datetime=m.date.start.clone()>{move || format::date_in(ctx.locale(), &date)}</time>
                    " · " <span lang=lang>{m.label.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let sites = item
        .sites
        .iter()
        .filter_map(|id| data.site(id))
        .map(|site| {
            let id = site.id.clone();
            let show = move |_| {
                let id = id.clone();
                ctx.update(move |s| {
                    s.view = View::Map;
                    s.place = Some(id);
                })
            };
            view! {
                <li>
                    <button type="button" class="itpe-link-button" lang=lang on:click=show>{site.name.clone()}</button>
                    {site.area_ha.map(|a| move || format!(" · {}", format::value_with_unit_in(ctx.locale(), a, Unit::Hectares)))}
                </li>
            }
        })
        .collect_view();
    let orgs = item
        .organisations
        .iter()
        .filter_map(|id| data.organisation(id))
        .map(|o| {
            let name = match &o.abbreviation {
                Some(a) => format!("{}{}", o.name, bracketed(names, a)),
                None => o.name.clone(),
            };
            view! { <li lang=lang>{name}</li> }
        })
        .collect_view();
    let has_figures = data.figures_of(&item.id).next().is_some();
    let has_milestones = data.milestones_of(&item.id).next().is_some();
    view! {
        <aside class="itpe-detail" aria-labelledby=ctx.id("detail-title") data-item=item.id.clone()>
            <div class="itpe-detail-head">
                {ctx.heading_el(1).id(ctx.id("detail-title")).attr("tabindex", "-1").attr("lang", lang).child(item.title.clone())}
                <button type="button" class="itpe-button-secondary itpe-detail-close" on:click=close>
                    {ctx.text(Key::Close)}
                </button>
            </div>
            <p class="itpe-detail-meta">
                <StatusTag status=item.status/>
                " " {ctx.text(kind_key(item.kind))} " · " <span lang=lang>{area}</span>
            </p>
            {english_title.map(|title| view! {
                <p class="itpe-english-title">
                    <span class="itpe-muted">{move || labelled(ctx.locale(), ctx.t(Key::EnglishTitle), "")}</span>
                    <span lang="en">{title}</span>
                </p>
            })}
            <p lang=lang>{item.summary.clone()}</p>
            <p class="itpe-status-quote">
                <span class="itpe-muted">{move || labelled(ctx.locale(), ctx.t(Key::StatusBecause), "")}</span>
                {move || marks().0} <span lang="en">{item.status_quote.clone()}</span> {move || marks().1}
            </p>
            {has_figures.then(|| view! { {ctx.heading_el(2).child(ctx.text(Key::Figures))}<ul class="itpe-detail-figures">{figures}</ul> })}
            {has_milestones.then(|| view! { {ctx.heading_el(2).child(ctx.text(Key::Milestones))}<ul class="itpe-detail-milestones">{milestones}</ul> })}
            {(!item.sites.is_empty()).then(|| view! { {ctx.heading_el(2).child(ctx.text(Key::Sites))}<ul>{sites}</ul> })}
            {(!item.organisations.is_empty()).then(|| view! { {ctx.heading_el(2).child(ctx.text(Key::Organisations))}<ul>{orgs}</ul> })}
            {ctx.heading_el(2).child(ctx.text(Key::SourceHeading))}
            <blockquote class="itpe-source-quote">
                <p lang="en">{item.source.quote.clone()}</p>
                <footer>
                    {paragraph} " · "
                    <a class="itpe-source-link" href=source_href on:click=to_source>{ctx.text(Key::ReadInSource)}</a>
                </footer>
            </blockquote>
        </aside>
    }
}
