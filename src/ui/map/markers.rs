//! The map itself: the base map, the stated areas, the site markers with their labels and
//! leader lines (positioned in one place whenever the layout changes), and the key.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::{use_ctx, use_loaded, Ctx};
use super::{open_site, status_index, status_summary, MapState, EXTENT_MIN_HA};
use crate::geo;
use crate::i18n::Key;
use crate::model::{PositionPrecision, Site, Status};

/// The framed map: pans and zooms (see `input`), focusable, named and described.
pub(super) fn map_frame(map: MapState) -> impl IntoView {
    let ctx = use_ctx();
    let data = use_loaded().data;
    let base = geo::base_layers()
        .map(|(name, d)| view! { <path class=format!("itpe-map-{name}") d=d vector-effect="non-scaling-stroke"/> })
        .collect_view();
    let extents = {
        let data = data.clone();
        move |cross: bool| {
            map.sites.with(|sites| {
                sites
                    .iter()
                    .map(|r| &data.sites[r.site])
                    .filter(|s| s.cross_border == cross)
                    .filter_map(|s| {
                        let ha = s.area_ha.filter(|&a| a >= EXTENT_MIN_HA)?;
                        Some(geo::circle_path(
                            geo::project(s.lat, s.lon),
                            geo::area_radius_units(ha),
                        ))
                    })
                    .collect::<String>()
            })
        }
    };
    let ext = extents.clone();
    let leaders = move || {
        map.placed
            .with(|v| geo::leader_path(v.iter().map(|p| &p.1)))
    };
    // Rebuilt only when the shown sites change; panning and zooming move them in place.
    let markers = move || {
        map.sites.with(|sites| {
            sites
                .iter()
                .map(|r| marker(map, &data.sites[r.site], r.statuses))
                .collect_view()
        })
    };
    let vp = map.vp;
    view! {
        <div
            class="itpe-map-frame"
            node_ref=map.frame
            tabindex="0"
            role="group"
            aria-label=move || ctx.t(Key::MapLabel)
            aria-describedby=ctx.id("map-help")
            data-zoom=move || format!("{:.2}", vp.get().zoom())
        >
            <svg class="itpe-map-svg" viewBox=move || vp.get().view_box() aria-hidden="true" focusable="false">
                <rect class="itpe-map-sea" x="-10" y="-10" width="1020" height="775"/>
                {base}
                <path class="itpe-map-extent" d=move || extents(false) vector-effect="non-scaling-stroke"/>
                <path class="itpe-map-extent itpe-map-cross" d=move || ext(true) vector-effect="non-scaling-stroke"/>
            </svg>
            <svg class="itpe-map-leaders" aria-hidden="true" focusable="false">
                <path d=move || leaders().0/>
                <path class="itpe-map-anchor" d=move || leaders().1/>
            </svg>
            <div class="itpe-map-markers">{markers}</div>
        </div>
    }
}

/// Positions the markers and labels, in one place, whenever the layout changes.
pub(super) fn follow_layout(map: MapState) {
    let ctx = use_ctx();
    let sites = use_loaded().data;
    Effect::new(move |_| {
        let place = ctx.with(|s| s.place.clone());
        let (w, h) = map.size();
        let Some(el) = map.frame.get() else { return };
        map.placed.with(|v| {
            for (i, p, r) in v {
                let id = &sites.sites[*i].id;
                let find = |sel: String| el.query_selector(&sel).ok().flatten();
                let c = p.centre;
                let off = c.x < -r || c.y < -r || c.x > w + r || c.y > h + r;
                if let Some(m) = find(format!(".itpe-map-marker[data-site=\"{id}\"]")) {
                    set_style(&m, "left", c.x - r);
                    set_style(&m, "top", c.y - r);
                    set_style(&m, "width", 2.0 * r);
                    set_style(&m, "height", 2.0 * r);
                    set_flag(&m, "data-off", off);
                    set_flag(&m, "aria-current", place.as_deref() == Some(id.as_str()));
                }
                if let Some(l) = find(format!(".itpe-map-label[data-site=\"{id}\"]")) {
                    match p.label.filter(|_| !off) {
                        Some(b) => {
                            set_style(&l, "left", b.x);
                            set_style(&l, "top", b.y);
                            set_flag(&l, "hidden", false);
                        }
                        None => set_flag(&l, "hidden", true),
                    }
                }
            }
        });
    });
}

/// Sets a CSS property in pixels through CSSOM (allowed by the strict CSP, unlike `style=""`).
fn set_style(el: &web_sys::Element, prop: &str, px: f64) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        // A length on an element's own style: cannot fail.
        let _ = el.style().set_property(prop, &format!("{px:.1}px"));
    }
}

fn set_flag(el: &web_sys::Element, attr: &str, on: bool) {
    // Fixed, valid attribute names: setting or removing them cannot fail.
    let _ = if on {
        el.set_attribute(attr, if attr == "aria-current" { "true" } else { "" })
    } else {
        el.remove_attribute(attr)
    };
}

/// One site's marker (a button named by the site) and its label; `follow_layout` positions
/// them.
fn marker(map: MapState, site: &Site, statuses: [usize; 5]) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_loaded().text_locale.html_lang();
    let (picture, fallback) = geo::pie_image(statuses).unzip();
    let approx = site.position == PositionPrecision::Approximate;
    let cross = if site.cross_border {
        " itpe-map-cross"
    } else {
        ""
    };
    let class = format!(
        "itpe-map-marker{}{cross}",
        if approx { " itpe-map-approx" } else { "" }
    );
    let id = site.id.clone();
    let open = {
        let id = id.clone();
        move |ev: web_sys::MouseEvent| {
            // The click that ends a pan or pinch begun on the marker does not open it.
            let time = ev.time_stamp();
            if map.pointers.try_update_value(|p| p.ends_gesture(time)) == Some(false) {
                open_site(ctx, id.clone());
            }
        }
    };
    view! {
        <button
            type="button"
            class=class
            data-site=id.clone()
            aria-describedby=approx.then(|| ctx.id("map-approx-note"))
            style:background-image=picture
            style:background-color=fallback
            on:click=open
        >
            <span class="itpe-visually-hidden">
                <span lang=lang>{site.name.clone()}</span>
                <span lang=move || ctx.locale().html_lang()>
                    {move || {
                        let summary = status_summary(ctx, statuses);
                        (!summary.is_empty()).then(|| crate::i18n::bracketed(ctx.locale(), &summary))
                    }}
                </span>
            </span>
        </button>
        <span class=format!("itpe-map-label{cross}") data-site=id lang=lang aria-hidden="true" hidden>
            {site.short_name.clone()}
        </span>
    }
}

/// The key's picture of one status: the markers' colour and pattern.
fn status_swatch(s: Status) -> Option<String> {
    let mut counts = [0; 5];
    counts[status_index(s)] = 1;
    geo::pie_image(counts).map(|p| p.0)
}

/// The key (re-rendered as a whole when the language changes).
pub(super) fn legend(ctx: Ctx) -> impl IntoView {
    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <span
                        class="itpe-map-swatch"
                        data-status=s.as_str()
                        style:background-image=status_swatch(s)
                    ></span>
                    {ctx.t(super::super::detail::status_key(s))}
                </li>
            }
        })
        .collect_view();
    let items = [
        ("size", Key::MapLegendSize),
        ("approx", Key::MapLegendApprox),
        ("leader", Key::MapLegendLeader),
        ("extent", Key::MapLegendExtent),
        ("cross", Key::MapLegendCrossBorder),
    ]
    .into_iter()
    .map(|(class, key)| {
        view! {
            <li id=(class == "approx").then(|| ctx.id("map-approx-note"))>
                <span class=format!("itpe-map-swatch itpe-map-swatch-{class}")></span>
                {ctx.t(key)}
            </li>
        }
    })
    .collect_view();
    view! {
        <div class="itpe-map-legend">
            {ctx.heading_el(2).child(ctx.t(Key::MapLegend))}
            <p>{ctx.t(Key::MapLegendStatus)}</p>
            <ul class="itpe-map-legend-statuses">{statuses}</ul>
            <ul>{items}</ul>
        </div>
    }
}
