//! The sites shown on the map as a table: the map's text alternative.

use leptos::prelude::*;

use super::super::{use_ctx, use_loaded};
use super::{open_site, status_summary, ShownSite};
use crate::format;
use crate::i18n::{list_separator, Key};
use crate::model::PositionPrecision;

/// The sites shown on the map, as a table (the map's text alternative). Rendered again as a
/// whole when the shown sites, the open site or the language change.
#[component]
pub(super) fn SiteTable(sites: Memo<Vec<ShownSite>>) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let (data, lang) = (loaded.data, loaded.text_locale.html_lang());
    let state = Memo::new(move |_| ctx.with(|s| (s.lang, s.is_filtered(), s.place.clone())));
    let table = move || {
        let (locale, filtered, place) = state.get();
        let body = sites
            .get()
            .into_iter()
            .map(|r| {
                let s = &data.sites[r.site];
                let id = s.id.clone();
                let current = place.as_deref() == Some(id.as_str());
                let open = {
                    let id = id.clone();
                    move |_| open_site(ctx, id.clone())
                };
                let position = ctx.t(if s.position == PositionPrecision::Approximate {
                    Key::MapApproxShort
                } else {
                    Key::MapSurveyedShort
                });
                let cross = s
                    .cross_border
                    .then(|| format!("{}{}", list_separator(locale), ctx.t(Key::MapCrossBorder)));
                let count = if filtered {
                    format!("{} / {}", r.selected, r.total)
                } else {
                    r.selected.to_string()
                };
                view! {
                    <tr data-site=id aria-current=current.then_some("true")>
                        <th scope="row">
                            <button type="button" class="itpe-link-button" lang=lang on:click=open>{s.name.clone()}</button>
                        </th>
                        <td lang=lang>{s.district.clone()}</td>
                        <td class="itpe-num">{s.area_ha.map(|a| format::group(a, 2)).unwrap_or_else(|| "—".into())}</td>
                        <td class="itpe-num">{count}</td>
                        <td>{status_summary(ctx, r.statuses)}</td>
                        <td>{position}{cross}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {ctx.heading_el(2).id(ctx.id("map-list-title")).child(ctx.t(Key::MapSiteList))}
            <div class="itpe-map-table-wrap">
                <table class="itpe-map-table">
                    <thead>
                        <tr>
                            <th scope="col">{ctx.t(Key::MapColSite)}</th>
                            <th scope="col">{ctx.t(Key::MapColDistrict)}</th>
                            <th scope="col" class="itpe-num">{ctx.t(Key::MapColArea)}</th>
                            <th scope="col" class="itpe-num">{ctx.t(Key::MapColItems)}</th>
                            <th scope="col">{ctx.t(Key::MapStatuses)}</th>
                            <th scope="col">{ctx.t(Key::MapColPosition)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };
    view! { <section class="itpe-map-list" aria-labelledby=ctx.id("map-list-title")>{table}</section> }
}
