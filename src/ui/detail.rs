//! Item details: everything the dataset says about one item, with its source. Any view opens it
//! by setting `item` in the view state; it is placed by the view that shows it.

use leptos::prelude::*;

use super::{focus, url, use_ctx, use_loaded};
use crate::format;
use crate::i18n::Key;
use crate::model::{Initiative, Status};
use crate::view_state::View;

pub use crate::i18n::{kind_key, status_key};

/// A status as a coloured tag (colour is never the only cue: the word is there).
#[component]
pub fn StatusTag(status: Status) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <span class=format!("tag tag-{}", status.as_str()) data-status=status.as_str()>
            {move || ctx.t(status_key(status))}
        </span>
    }
}

/// The panel for the item named by `item` in the URL; renders nothing when none is open.
#[component]
pub fn DetailPanel() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let open = Memo::new(move |_| ctx.with(|s| s.item.clone()));
    move || {
        let id = open.get()?;
        let item = loaded.data.item(&id)?.clone();
        Some(view! { <ItemDetails item=item/> })
    }
}

#[component]
fn ItemDetails(item: Initiative) -> impl IntoView {
    let ctx = use_ctx();
    let data = use_loaded().data;
    // Keyboard and screen-reader users land on the details they opened, and go back to what
    // opened them when they close them (the result link, timeline mark or site panel button).
    focus::remember_opener();
    focus::focus_id("detail-title");
    let from = item.id.clone();
    let close = move |_| {
        ctx.update(|s| s.item = None);
        focus::return_focus(Some(format!("[data-item-link=\"{from}\"]")));
    };
    let area = data
        .area(&item.area)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let paragraph = data
        .paragraph(&item.source.paragraph)
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let source_href = {
        let mut s = ctx.state().get_untracked();
        s.view = View::Source;
        s.para = Some(item.source.paragraph.clone());
        s.item = Some(item.id.clone());
        url::href(&s)
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
            view! {
                <li>
                    <strong>{format::figure(f)}</strong>
                    " · " {f.measure.clone()}
                    {f.period.clone().map(|p| view! { <span class="muted">" (" {p} ")"</span> })}
                    <br/>
                    <span class="muted">{move || ctx.t(Key::PaperSays)} ": “" {f.text.clone()} "”"</span>
                </li>
            }
        })
        .collect_view();
    let milestones = data
        .milestones_of(&item.id)
        .map(|m| {
            view! {
                <li>
                    <time datetime=m.date.start.clone()>{m.date.text.clone()}</time>
                    " · " {m.label.clone()}
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
                    <button type="button" class="link-button" on:click=show>{site.name.clone()}</button>
                    {site.area_ha.map(|a| format!(" · {} ha", format::group(a, 2)))}
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
                Some(a) => format!("{} ({a})", o.name),
                None => o.name.clone(),
            };
            view! { <li>{name}</li> }
        })
        .collect_view();
    let has_figures = data.figures_of(&item.id).next().is_some();
    let has_milestones = data.milestones_of(&item.id).next().is_some();
    view! {
        <aside class="detail" aria-labelledby="detail-title" data-item=item.id.clone()>
            <div class="detail-head">
                <h2 id="detail-title" tabindex="-1">{item.title.clone()}</h2>
                <button type="button" class="button-secondary detail-close" on:click=close>
                    {move || ctx.t(Key::Close)}
                </button>
            </div>
            <p class="detail-meta">
                <StatusTag status=item.status/>
                " " {move || ctx.t(kind_key(item.kind))} " · " {area}
            </p>
            <p>{item.summary.clone()}</p>
            <p class="status-quote">
                <span class="muted">{move || ctx.t(Key::StatusBecause)} ": "</span>
                "“" {item.status_quote.clone()} "”"
            </p>
            {has_figures.then(|| view! { <h3>{move || ctx.t(Key::Figures)}</h3><ul class="detail-figures">{figures}</ul> })}
            {has_milestones.then(|| view! { <h3>{move || ctx.t(Key::Milestones)}</h3><ul class="detail-milestones">{milestones}</ul> })}
            {(!item.sites.is_empty()).then(|| view! { <h3>{move || ctx.t(Key::Sites)}</h3><ul>{sites}</ul> })}
            {(!item.organisations.is_empty()).then(|| view! { <h3>{move || ctx.t(Key::Organisations)}</h3><ul>{orgs}</ul> })}
            <h3>{move || ctx.t(Key::SourceHeading)}</h3>
            <blockquote class="source-quote">
                <p>{item.source.quote.clone()}</p>
                <footer>
                    {move || ctx.t(Key::Paragraph)} " " {paragraph} " · "
                    <a class="source-link" href=source_href on:click=to_source>{move || ctx.t(Key::ReadInSource)}</a>
                </footer>
            </blockquote>
        </aside>
    }
}
