//! The side panel of the map: the open site (facts, the items, milestones and figures that
//! concern it, the site filter), or a hint to choose one.

use leptos::ev;
use leptos::prelude::*;

use super::super::{focus, use_ctx, use_loaded, Ctx, StatusTag};
use crate::format;
use crate::i18n::{bracketed, Key};
use crate::model::{Dataset, Initiative, PositionPrecision, Site, Status};
use crate::view_state::toggle;

/// The open site's panel, or the hint; nothing while an item's details are open.
pub(super) fn site_side() -> impl IntoView {
    let ctx = use_ctx();
    let data = use_loaded().data;
    let has_item = Memo::new(move |_| ctx.with(|s| s.item.is_some()));
    let place = Memo::new(move |_| ctx.with(|s| s.place.clone()));
    let lang = Memo::new(move |_| ctx.locale());
    move || {
        lang.track();
        if has_item.get() {
            return None;
        }
        Some(match place.get().and_then(|id| data.site(&id).cloned()) {
            Some(site) => site_panel(site).into_any(),
            None => view! { <p class="itpe-map-hint">{ctx.t(Key::MapChooseSite)}</p> }.into_any(),
        })
    }
}

/// A link-styled button that opens an item's details.
fn item_button(ctx: Ctx, lang: &'static str, item: &str, text: String) -> impl IntoView {
    let id = item.to_string();
    let open = move |_| {
        let item = id.clone();
        ctx.update(move |s| s.item = Some(item));
        focus::focus_id(ctx.id("detail-title"));
    };
    view! {
        <button type="button" class="itpe-link-button" lang=lang data-item-link=item.to_string() on:click=open>
            {text}
        </button>
    }
}

/// The selected site: facts, the items, milestones and figures that concern it. Rendered again
/// as a whole when the site or the language changes.
fn site_panel(site: Site) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let data = loaded.data.clone();
    let locale = ctx.locale();
    let id = site.id.clone();
    let items: Vec<(usize, &Initiative)> = data
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.sites.contains(&id))
        .collect();
    let statuses = Status::ALL
        .into_iter()
        .filter(|s| items.iter().any(|(_, i)| i.status == *s))
        .map(|s| view! { <StatusTag status=s/> " " })
        .collect_view();
    let item_list = site_items(ctx, &items);
    let milestones = site_milestones(ctx, &data, &items);
    let figures = site_figures(ctx, &data, &id);
    let filtering = {
        let id = id.clone();
        Memo::new(move |_| ctx.with(|s| s.sites.contains(&id)))
    };
    let toggle_filter = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            ctx.update(move |s| toggle(&mut s.sites, id))
        }
    };
    let close = move || {
        ctx.update(|s| s.place = None);
        focus::return_focus(
            Some(format!(".itpe-map-marker[data-site=\"{id}\"]")),
            ctx.id("main"),
        );
    };
    let close_on_escape = close.clone();
    let lang = loaded.text_locale.html_lang();
    view! {
        <aside
            class="itpe-map-site"
            aria-labelledby=ctx.id("map-site-title")
            data-site=site.id.clone()
            on:keydown=move |e: ev::KeyboardEvent| {
                if e.key() == "Escape" {
                    close_on_escape();
                }
            }
        >
            <div class="itpe-map-site-head">
                {ctx.heading_el(2).id(ctx.id("map-site-title")).attr("tabindex", "-1").attr("lang", lang).child(site.name.clone())}
                <button type="button" class="itpe-button-secondary" on:click=move |_| close()>{ctx.t(Key::Close)}</button>
            </div>
            {site_facts(ctx, &site, statuses)}
            <button type="button" class="itpe-button" aria-pressed=move || filtering.get().to_string() on:click=toggle_filter>
                {move || ctx.t(if filtering.get() { Key::MapStopSiteFilter } else { Key::FilterBySite })}
            </button>
            {ctx.heading_el(3).child((ctx.t(Key::MapItemsHere), " ", bracketed(locale, &items.len().to_string())))}
            <ul class="itpe-map-site-items">{item_list}</ul>
            {milestones.map(|m| view! { {ctx.heading_el(3).child(ctx.t(Key::MapTimeline))}<ul class="itpe-map-site-milestones">{m}</ul> })}
            {figures.map(|f| view! { {ctx.heading_el(3).child(ctx.t(Key::MapFiguresHere))}<ul class="itpe-map-site-figures">{f}</ul> })}
        </aside>
    }
}

/// District, area, position and statuses.
fn site_facts(ctx: Ctx, site: &Site, statuses: impl IntoView) -> impl IntoView {
    let lang = use_loaded().text_locale.html_lang();
    let area = match site.area_ha {
        Some(a) => format::group(a, 2),
        None => ctx.t(Key::None_).to_string(),
    };
    let position = ctx.t(if site.position == PositionPrecision::Approximate {
        Key::PositionApproximate
    } else {
        Key::PositionSurveyed
    });
    let cross = site
        .cross_border
        .then(|| format!(" · {}", ctx.t(Key::MapCrossBorder)));
    view! {
        <dl class="itpe-map-facts">
            <dt>{ctx.t(Key::MapColDistrict)}</dt>
            <dd lang=lang>{site.district.clone()}</dd>
            <dt>{ctx.t(Key::MapColArea)}</dt>
            <dd>{area}</dd>
            <dt>{ctx.t(Key::MapColPosition)}</dt>
            <dd>{position}{cross}</dd>
            <dt>{ctx.t(Key::MapStatuses)}</dt>
            <dd>{statuses}</dd>
        </dl>
    }
}

/// The site's items, those outside the selection marked so.
fn site_items(ctx: Ctx, items: &[(usize, &Initiative)]) -> impl IntoView {
    let loaded = use_loaded();
    let lang = loaded.text_locale.html_lang();
    let selected = loaded.selection.get_untracked();
    items
        .iter()
        .map(|&(idx, item)| {
            let outside = !selected.contains(&idx);
            view! {
                <li>
                    {item_button(ctx, lang, &item.id, item.title.clone())}
                    " " <StatusTag status=item.status/>
                    {outside.then(|| view! { <span class="itpe-muted">" · " {ctx.t(Key::MapNotSelected)}</span> })}
                </li>
            }
        })
        .collect_view()
}

/// The milestones of the site's items in date order, if any.
fn site_milestones(
    ctx: Ctx,
    data: &Dataset,
    items: &[(usize, &Initiative)],
) -> Option<impl IntoView> {
    let loaded = use_loaded();
    let (names, lang) = (loaded.text_locale, loaded.text_locale.html_lang());
    let locale = ctx.locale();
    let mut milestones: Vec<&crate::model::Milestone> = items
        .iter()
        .flat_map(|(_, i)| data.milestones_of(&i.id))
        .collect();
    crate::order::sort_by_key(&mut milestones, |m| m.date.start.as_str());
    (!milestones.is_empty()).then(|| {
        milestones
            .into_iter()
            .map(|m| {
                view! {
                    <li>
                        <time datetime=m.date.start.clone()>{format::date_in(locale, &m.date)}</time>
                        " · "
                        {item_button(ctx, lang, &m.item, m.label.clone())}
                        {data.item(&m.item).map(|i| view! { <span class="itpe-muted" lang=lang>{bracketed(names, &i.title)}</span> })}
                    </li>
                }
            })
            .collect_view()
    })
}

/// The figures stated for the site, if any.
fn site_figures(ctx: Ctx, data: &Dataset, site: &str) -> Option<impl IntoView> {
    let lang = use_loaded().text_locale.html_lang();
    let locale = ctx.locale();
    let figures: Vec<&crate::model::Figure> = data
        .figures
        .iter()
        .filter(|f| f.site.as_deref() == Some(site))
        .collect();
    (!figures.is_empty()).then(|| {
        figures
            .into_iter()
            .map(|f| {
                let text = format!("{} · {}", format::figure_in(locale, f), f.measure);
                match &f.item {
                    Some(item) => {
                        view! { <li>{item_button(ctx, lang, item, text)}</li> }.into_any()
                    }
                    None => view! { <li lang=lang>{text}</li> }.into_any(),
                }
            })
            .collect_view()
    })
}
