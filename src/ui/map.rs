//! The Map view: the paper's sites on an offline map of Hong Kong (base map bundled in the wasm,
//! see `geo`), a site panel, item details, and a table of the same sites.
//!
//! Only the sites of the items that the current search and filters select are shown (markers
//! and table alike). Projection, marker sizes, spreading and labels come from `crate::geo`; this
//! file wires pan and zoom (pointer, wheel, pinch, keys, buttons) and renders.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{use_ctx, use_loaded, DetailPanel, StatusTag};
use crate::format;
use crate::geo::{self, MarkerIn, Placed, Point, Viewport};
use crate::i18n::{bracketed, list_separator, Key};
use crate::model::{PositionPrecision, Site, Status};

/// Label box height and an estimate of the label text's width per character (CSS px, 13 px).
const LABEL_H: f64 = 17.0;
const CHAR_W: f64 = 7.2;
/// Stated areas at least this large are also drawn to scale.
const EXTENT_MIN_HA: f64 = 50.0;

/// A site shown on the map, with its items in the current selection.
#[derive(Clone, PartialEq)]
struct Row {
    /// Index into `data.sites`.
    site: usize,
    selected: usize,
    total: usize,
    /// Selected items per status, in `Status::ALL` order.
    statuses: [usize; 5],
}

fn status_index(s: Status) -> usize {
    Status::ALL.iter().position(|&x| x == s).unwrap_or(0)
}

/// "Launched 3, Planned 1": a site's statuses in words, so the marker's name and the table
/// say what its colours show (WCAG 1.4.1).
fn status_summary(ctx: super::Ctx, statuses: [usize; 5]) -> String {
    let parts: Vec<(&str, usize)> = Status::ALL
        .iter()
        .zip(statuses)
        .filter(|(_, n)| *n > 0)
        .map(|(&s, n)| (ctx.t(super::detail::status_key(s)), n))
        .collect();
    crate::i18n::counted_list(ctx.locale(), &parts)
}

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let data = loaded.data.clone();
    let selection = loaded.selection;

    let rows = {
        let data = data.clone();
        Memo::new(move |_| {
            selection.with(|sel| {
                data.sites
                    .iter()
                    .enumerate()
                    .filter_map(|(si, site)| {
                        let mut statuses = [0; 5];
                        let mut selected = 0;
                        for &i in sel {
                            let item = &data.items[i];
                            if item.sites.contains(&site.id) {
                                selected += 1;
                                statuses[status_index(item.status)] += 1;
                            }
                        }
                        (selected > 0).then(|| Row {
                            site: si,
                            selected,
                            total: data.items_at(&site.id).count(),
                            statuses,
                        })
                    })
                    .collect::<Vec<Row>>()
            })
        })
    };

    // The visible window, and the drawn map's size in CSS px (measured).
    let vp = RwSignal::new(Viewport::FULL);
    let size = RwSignal::new((800.0, 800.0 * geo::HEIGHT / geo::WIDTH));
    let frame = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - size.get_untracked().0).abs() > 0.5 {
                size.set((w, w * geo::HEIGHT / geo::WIDTH));
            }
        }
    };
    // Measured on mount and whenever the frame's width changes (window, scrollbar, layout).
    type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut()>);
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(el) = frame.get() {
            let cb = Closure::<dyn FnMut()>::new(measure);
            if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                ro.observe(&el);
                observer.set_value(Some((ro, cb)));
            }
        }
    });
    on_cleanup(move || {
        observer.with_value(|o| {
            if let Some((ro, _)) = o {
                ro.disconnect();
            }
        })
    });

    // Markers shrink a little on small screens.
    let marker_scale = move || (size.get().0 / 800.0).clamp(0.75, 1.0);
    let placed = {
        let data = data.clone();
        Memo::new(move |_| {
            let k = marker_scale();
            rows.with(|rows| {
                let markers: Vec<MarkerIn> = rows
                    .iter()
                    .map(|r| {
                        let s = &data.sites[r.site];
                        MarkerIn {
                            at: geo::project(s.lat, s.lon),
                            r: geo::marker_radius(s.area_ha) * k,
                            label_w: s.short_name.chars().count() as f64 * CHAR_W + 6.0,
                        }
                    })
                    .collect();
                let placed = geo::layout(&markers, &vp.get(), size.get(), LABEL_H);
                rows.iter()
                    .zip(placed)
                    .zip(&markers)
                    .map(|((row, p), m)| (row.site, p, m.r))
                    .collect::<Vec<(usize, Placed, f64)>>()
            })
        })
    };

    // Pan and zoom: pointers (mouse drag, touch drag, two-finger pinch) and the wheel.
    let pointers: StoredValue<Vec<(i32, f64, f64)>> = StoredValue::new(Vec::new());
    let dragging = StoredValue::new(false);
    let local = move |x: i32, y: i32| -> Point {
        frame
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                Point::new(x as f64 - r.left(), y as f64 - r.top())
            })
            .unwrap_or_default()
    };
    let on_down = move |e: ev::PointerEvent| {
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        let p = local(e.client_x(), e.client_y());
        pointers.update_value(|v| v.push((e.pointer_id(), p.x, p.y)));
        if pointers.with_value(|v| v.len()) == 1 {
            dragging.set_value(false);
        }
    };
    let on_move = move |e: ev::PointerEvent| {
        let id = e.pointer_id();
        let Some(before) = pointers
            .with_value(|v| v.clone())
            .into_iter()
            .find(|p| p.0 == id)
        else {
            return;
        };
        let p = local(e.client_x(), e.client_y());
        let w = size.get_untracked().0;
        let others: Vec<(i32, f64, f64)> =
            pointers.with_value(|v| v.iter().filter(|q| q.0 != id).cloned().collect());
        if let Some(&(_, ox, oy)) = others.first() {
            // Pinch: zoom by the change in finger distance around their midpoint.
            let d0 = ((before.1 - ox).powi(2) + (before.2 - oy).powi(2)).sqrt();
            let d1 = ((p.x - ox).powi(2) + (p.y - oy).powi(2)).sqrt();
            if d0 > 1.0 && d1 > 1.0 {
                let mid = Point::new((p.x + ox) / 2.0, (p.y + oy) / 2.0);
                vp.update(|v| *v = v.zoom_at(v.to_map(mid, w), d1 / d0));
            }
            dragging.set_value(true);
        } else {
            let (dx, dy) = (p.x - before.1, p.y - before.2);
            if !dragging.get_value() && dx * dx + dy * dy < 16.0 {
                return;
            }
            if !dragging.get_value() {
                dragging.set_value(true);
                if let Some(el) = frame.get_untracked() {
                    let _ = el.set_pointer_capture(id);
                }
            }
            vp.update(|v| {
                let u = v.units_per_px(w);
                *v = v.pan(-dx * u, -dy * u);
            });
        }
        pointers.update_value(|v| {
            if let Some(q) = v.iter_mut().find(|q| q.0 == id) {
                *q = (id, p.x, p.y);
            }
        });
    };
    let on_up = move |e: ev::PointerEvent| {
        let id = e.pointer_id();
        pointers.update_value(|v| v.retain(|q| q.0 != id));
    };
    let on_wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        let lines = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
        // About 1.2x per wheel notch (100 px), symmetric in and out.
        let x = (-e.delta_y() * lines * 0.002).clamp(-1.0, 1.0);
        let factor = if x >= 0.0 { 1.0 + x } else { 1.0 / (1.0 - x) };
        let p = local(e.client_x(), e.client_y());
        let w = size.get_untracked().0;
        vp.update(|v| *v = v.zoom_at(v.to_map(p, w), factor));
    };
    let on_key = move |e: ev::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let v = vp.get_untracked();
        let step = v.w / 8.0;
        let next = match e.key().as_str() {
            "ArrowLeft" => v.pan(-step, 0.0),
            "ArrowRight" => v.pan(step, 0.0),
            "ArrowUp" => v.pan(0.0, -step),
            "ArrowDown" => v.pan(0.0, step),
            "+" | "=" => v.zoom_centre(1.5),
            "-" | "_" => v.zoom_centre(1.0 / 1.5),
            "0" => Viewport::FULL,
            _ => return,
        };
        e.prevent_default();
        vp.set(next);
    };

    let is_filtered = ctx.slice(|s| s.is_filtered());
    let is_filtered = move || is_filtered.get();
    let summary = {
        let total = data.sites.len().to_string();
        move || {
            let n = rows.with(Vec::len).to_string();
            if is_filtered() {
                ctx.t(Key::MapSomeShown)
                    .replace("{n}", &n)
                    .replace("{m}", &total)
            } else {
                ctx.t(Key::MapAllShown).replace("{m}", &total)
            }
        }
    };

    let base = geo::base_layers()
        .map(|(name, d)| view! { <path class=format!("map-{name}") d=d vector-effect="non-scaling-stroke"/> })
        .collect_view();
    let extents = {
        let data = data.clone();
        move |cross: bool| {
            rows.with(|rows| {
                rows.iter()
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
    let leaders = move || placed.with(|v| geo::leader_path(v.iter().map(|p| &p.1)));

    // Rebuilt only when the shown sites change; panning and zooming move them in place (below).
    let markers = {
        let data = data.clone();
        move || {
            rows.with(|rows| {
                rows.iter()
                    .map(|r| marker(&data.sites[r.site], r.statuses))
                    .collect_view()
            })
        }
    };
    // Markers and labels are positioned here, in one place, whenever the layout changes.
    let sites = data.clone();
    Effect::new(move |_| {
        let place = ctx.with(|s| s.place.clone());
        let (w, h) = size.get();
        let Some(el) = frame.get() else { return };
        placed.with(|v| {
            for (i, p, r) in v {
                let id = &sites.sites[*i].id;
                let find = |sel: String| el.query_selector(&sel).ok().flatten();
                let c = p.centre;
                let off = c.x < -r || c.y < -r || c.x > w + r || c.y > h + r;
                if let Some(m) = find(format!(".map-marker[data-site=\"{id}\"]")) {
                    set_style(&m, "left", c.x - r);
                    set_style(&m, "top", c.y - r);
                    set_style(&m, "width", 2.0 * r);
                    set_style(&m, "height", 2.0 * r);
                    set_flag(&m, "data-off", off);
                    set_flag(&m, "aria-current", place.as_deref() == Some(id.as_str()));
                }
                if let Some(l) = find(format!(".map-label[data-site=\"{id}\"]")) {
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

    let has_item = Memo::new(move |_| ctx.with(|s| s.item.is_some()));
    let place = Memo::new(move |_| ctx.with(|s| s.place.clone()));
    let lang = Memo::new(move |_| ctx.locale());
    let side = {
        let data = data.clone();
        move || {
            lang.track();
            if has_item.get() {
                return None;
            }
            Some(match place.get().and_then(|id| data.site(&id).cloned()) {
                Some(site) => site_panel(site).into_any(),
                None => view! { <p class="map-hint">{ctx.t(Key::MapChooseSite)}</p> }.into_any(),
            })
        }
    };
    let tr = move |key: Key| move || ctx.t(key);
    let ext = extents.clone();

    view! {
        <section class="view map-view" aria-labelledby=ctx.id("view-title")>
            {leptos::html::custom(ctx.heading(1)).id(ctx.id("view-title")).child(tr(Key::ViewMap))}
            <p class="map-intro">{tr(Key::MapIntro)}</p>
            <p class="map-summary" role="status">
                {summary} " "
                {move || is_filtered().then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                        {ctx.t(Key::ClearFilters)}
                    </button>
                })}
            </p>
            <div class="map-layout">
                <div class="map-main">
                    <div class="map-tools">
                        <button type="button" class="button-secondary" aria-label=tr(Key::MapZoomIn)
                            on:click=move |_| vp.update(|v| *v = v.zoom_centre(1.5))>"+"</button>
                        <button type="button" class="button-secondary" aria-label=tr(Key::MapZoomOut)
                            on:click=move |_| vp.update(|v| *v = v.zoom_centre(1.0 / 1.5))>"−"</button>
                        <button type="button" class="button-secondary" on:click=move |_| vp.set(Viewport::FULL)>
                            {tr(Key::MapReset)}
                        </button>
                    </div>
                    <div
                        class="map-frame"
                        node_ref=frame
                        tabindex="0"
                        role="group"
                        aria-label=tr(Key::MapLabel)
                        aria-describedby=ctx.id("map-help")
                        data-zoom=move || format!("{:.2}", vp.get().zoom())
                        on:pointerdown=on_down
                        on:pointermove=on_move
                        on:pointerup=on_up
                        on:pointercancel=on_up
                        on:wheel=on_wheel
                        on:keydown=on_key
                    >
                        <svg class="map-svg" viewBox=move || vp.get().view_box() aria-hidden="true" focusable="false">
                            <rect class="map-sea" x="-10" y="-10" width="1020" height="775"/>
                            {base}
                            <path class="map-extent" d=move || extents(false) vector-effect="non-scaling-stroke"/>
                            <path class="map-extent map-cross" d=move || ext(true) vector-effect="non-scaling-stroke"/>
                        </svg>
                        <svg class="map-leaders" aria-hidden="true" focusable="false">
                            <path d=move || leaders().0/>
                            <path class="map-anchor" d=move || leaders().1/>
                        </svg>
                        <div class="map-markers">{markers}</div>
                    </div>
                    <p id=ctx.id("map-help") class="map-help">{tr(Key::MapHelp)}</p>
                    {move || { lang.track(); legend(ctx) }}
                    <p class="map-credit">{tr(Key::MapCredit)}</p>
                </div>
                <div class="map-side">
                    <DetailPanel/>
                    {side}
                </div>
            </div>
            <SiteTable rows=rows/>
        </section>
    }
}

/// Sets a CSS property in pixels through CSSOM (allowed by the strict CSP, unlike `style=""`).
fn set_style(el: &web_sys::Element, prop: &str, px: f64) {
    use js_sys::{Function, Reflect};
    let Ok(style) = Reflect::get(el, &"style".into()) else {
        return;
    };
    if let Ok(f) = Reflect::get(&style, &"setProperty".into()) {
        let f: Function = f.unchecked_into();
        let _ = f.call2(&style, &prop.into(), &format!("{px:.1}px").into());
    }
}

fn set_flag(el: &web_sys::Element, attr: &str, on: bool) {
    let _ = if on {
        el.set_attribute(attr, if attr == "aria-current" { "true" } else { "" })
    } else {
        el.remove_attribute(attr)
    };
}

/// One site's marker (a button named by the site) and its label; `MapView` positions them.
fn marker(site: &Site, statuses: [usize; 5]) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_loaded().text_locale.html_lang();
    let (picture, fallback) = geo::pie_image(statuses).unzip();
    let approx = site.position == PositionPrecision::Approximate;
    let cross = if site.cross_border { " map-cross" } else { "" };
    let class = format!(
        "map-marker{}{cross}",
        if approx { " map-approx" } else { "" }
    );
    let id = site.id.clone();
    let open = {
        let id = id.clone();
        move |_| open_site(ctx, id.clone())
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
            <span class="visually-hidden">
                <span lang=lang>{site.name.clone()}</span>
                <span lang=move || ctx.locale().html_lang()>
                    {move || {
                        let summary = status_summary(ctx, statuses);
                        (!summary.is_empty()).then(|| crate::i18n::bracketed(ctx.locale(), &summary))
                    }}
                </span>
            </span>
        </button>
        <span class=format!("map-label{cross}") data-site=id lang=lang aria-hidden="true" hidden>
            {site.short_name.clone()}
        </span>
    }
}

fn open_site(ctx: super::Ctx, id: String) {
    super::focus::remember_opener();
    ctx.update(move |s| {
        s.place = Some(id);
        s.item = None;
    });
    super::focus::focus_id(ctx.id("map-site-title"));
}

/// The key's picture of one status: the markers' colour and pattern.
fn status_swatch(s: Status) -> Option<String> {
    let mut counts = [0; 5];
    counts[status_index(s)] = 1;
    geo::pie_image(counts).map(|p| p.0)
}

/// The key (re-rendered as a whole when the language changes).
fn legend(ctx: super::Ctx) -> impl IntoView {
    let t = |k| ctx.t(k);
    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <span
                        class="map-swatch"
                        data-status=s.as_str()
                        style:background-image=status_swatch(s)
                    ></span>
                    {t(super::detail::status_key(s))}
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
                <span class=format!("map-swatch map-swatch-{class}")></span>
                {t(key)}
            </li>
        }
    })
    .collect_view();
    view! {
        <div class="map-legend">
            {leptos::html::custom(ctx.heading(2)).child(t(Key::MapLegend))}
            <p>{t(Key::MapLegendStatus)}</p>
            <ul class="map-legend-statuses">{statuses}</ul>
            <ul>{items}</ul>
        </div>
    }
}

/// The selected site: facts, the items, milestones and figures that concern it. Rendered again
/// as a whole when the site, the language or the selection changes.
fn site_panel(site: Site) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let data = loaded.data.clone();
    let t = |k| ctx.t(k);
    let locale = ctx.locale();
    let (names, lang) = (loaded.text_locale, loaded.text_locale.html_lang());
    let id = site.id.clone();
    let selected = loaded.selection.get_untracked();
    let items: Vec<(usize, &crate::model::Initiative)> = data
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.sites.contains(&id))
        .collect();
    let open_item = move |item: String| {
        move |_| {
            let item = item.clone();
            ctx.update(move |s| s.item = Some(item));
            super::focus::focus_id(ctx.id("detail-title"));
        }
    };
    let item_button = move |item: &str, text: String| {
        view! {
            <button type="button" class="link-button" lang=lang data-item-link=item.to_string() on:click=open_item(item.to_string())>
                {text}
            </button>
        }
    };
    let statuses = Status::ALL
        .into_iter()
        .filter(|s| items.iter().any(|(_, i)| i.status == *s))
        .map(|s| view! { <StatusTag status=s/> " " })
        .collect_view();
    let item_list = items
        .iter()
        .map(|&(idx, item)| {
            let outside = !selected.contains(&idx);
            view! {
                <li>
                    {item_button(&item.id, item.title.clone())}
                    " " <StatusTag status=item.status/>
                    {outside.then(|| view! { <span class="muted">" · " {t(Key::MapNotSelected)}</span> })}
                </li>
            }
        })
        .collect_view();
    let mut milestones: Vec<&crate::model::Milestone> = items
        .iter()
        .flat_map(|(_, i)| data.milestones_of(&i.id))
        .collect();
    // In date order (insertion sort: a handful of entries, and no extra sort code in the wasm).
    for i in 1..milestones.len() {
        let mut j = i;
        while j > 0 && milestones[j - 1].date.start > milestones[j].date.start {
            milestones.swap(j - 1, j);
            j -= 1;
        }
    }
    let has_milestones = !milestones.is_empty();
    let milestones = milestones
        .into_iter()
        .map(|m| {
            view! {
                <li>
                    <time datetime=m.date.start.clone()>{format::date_in(locale, &m.date)}</time>
                    " · "
                    {item_button(&m.item, m.label.clone())}
                    {data.item(&m.item).map(|i| view! { <span class="muted" lang=lang>{bracketed(names, &i.title)}</span> })}
                </li>
            }
        })
        .collect_view();
    let figures: Vec<&crate::model::Figure> = data
        .figures
        .iter()
        .filter(|f| f.site.as_deref() == Some(id.as_str()))
        .collect();
    let has_figures = !figures.is_empty();
    let figures = figures
        .into_iter()
        .map(|f| {
            let text = format!("{} · {}", format::figure_in(locale, f), f.measure);
            match &f.item {
                Some(item) => view! { <li>{item_button(item, text)}</li> }.into_any(),
                None => view! { <li lang=lang>{text}</li> }.into_any(),
            }
        })
        .collect_view();
    let filtering = {
        let id = id.clone();
        Memo::new(move |_| ctx.with(|s| s.sites.contains(&id)))
    };
    let toggle_filter = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            ctx.update(move |s| {
                if let Some(i) = s.sites.iter().position(|x| *x == id) {
                    s.sites.remove(i);
                } else {
                    s.sites.push(id);
                }
            })
        }
    };
    let close = {
        let id = id.clone();
        move |_: ()| {
            ctx.update(|s| s.place = None);
            super::focus::return_focus(
                Some(format!(".map-marker[data-site=\"{id}\"]")),
                ctx.id("main"),
            );
        }
    };
    let close_on_escape = close.clone();
    let area = match site.area_ha {
        Some(a) => format::group(a, 2),
        None => t(Key::None_).to_string(),
    };
    let position = t(if site.position == PositionPrecision::Approximate {
        Key::PositionApproximate
    } else {
        Key::PositionSurveyed
    });
    let cross = site
        .cross_border
        .then(|| format!(" · {}", t(Key::MapCrossBorder)));
    view! {
        <aside
            class="map-site"
            aria-labelledby=ctx.id("map-site-title")
            data-site=site.id.clone()
            on:keydown=move |e: ev::KeyboardEvent| {
                if e.key() == "Escape" {
                    close_on_escape(());
                }
            }
        >
            <div class="map-site-head">
                {leptos::html::custom(ctx.heading(2)).id(ctx.id("map-site-title")).attr("tabindex", "-1").attr("lang", lang).child(site.name.clone())}
                <button type="button" class="button-secondary" on:click=move |_| close(())>{t(Key::Close)}</button>
            </div>
            <dl class="map-facts">
                <dt>{t(Key::MapColDistrict)}</dt>
                <dd lang=lang>{site.district.clone()}</dd>
                <dt>{t(Key::MapColArea)}</dt>
                <dd>{area}</dd>
                <dt>{t(Key::MapColPosition)}</dt>
                <dd>{position}{cross}</dd>
                <dt>{t(Key::MapStatuses)}</dt>
                <dd>{statuses}</dd>
            </dl>
            <button type="button" class="button" aria-pressed=move || filtering.get().to_string() on:click=toggle_filter>
                {move || ctx.t(if filtering.get() { Key::MapStopSiteFilter } else { Key::FilterBySite })}
            </button>
            {leptos::html::custom(ctx.heading(3)).child((t(Key::MapItemsHere), " ", bracketed(locale, &items.len().to_string())))}
            <ul class="map-site-items">{item_list}</ul>
            {has_milestones.then(|| view! { {leptos::html::custom(ctx.heading(3)).child(t(Key::MapTimeline))}<ul class="map-site-milestones">{milestones}</ul> })}
            {has_figures.then(|| view! { {leptos::html::custom(ctx.heading(3)).child(t(Key::MapFiguresHere))}<ul class="map-site-figures">{figures}</ul> })}
        </aside>
    }
}

/// The sites shown on the map, as a table (the map's text alternative). Rendered again as a
/// whole when the rows, the open site or the language change.
#[component]
fn SiteTable(rows: Memo<Vec<Row>>) -> impl IntoView {
    let ctx = use_ctx();
    let loaded = use_loaded();
    let (data, lang) = (loaded.data, loaded.text_locale.html_lang());
    let state = Memo::new(move |_| ctx.with(|s| (s.lang, s.is_filtered(), s.place.clone())));
    let table = move || {
        let t = |k| ctx.t(k);
        let (locale, filtered, place) = state.get();
        let body = rows
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
                let position = t(if s.position == PositionPrecision::Approximate {
                    Key::MapApproxShort
                } else {
                    Key::MapSurveyedShort
                });
                let cross = s
                    .cross_border
                    .then(|| format!("{}{}", list_separator(locale), t(Key::MapCrossBorder)));
                let count = if filtered {
                    format!("{} / {}", r.selected, r.total)
                } else {
                    r.selected.to_string()
                };
                view! {
                    <tr data-site=id aria-current=current.then_some("true")>
                        <th scope="row">
                            <button type="button" class="link-button" lang=lang on:click=open>{s.name.clone()}</button>
                        </th>
                        <td lang=lang>{s.district.clone()}</td>
                        <td class="num">{s.area_ha.map(|a| format::group(a, 2)).unwrap_or_else(|| "—".into())}</td>
                        <td class="num">{count}</td>
                        <td>{status_summary(ctx, r.statuses)}</td>
                        <td>{position}{cross}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {leptos::html::custom(ctx.heading(2)).id(ctx.id("map-list-title")).child(t(Key::MapSiteList))}
            <div class="map-table-wrap">
                <table class="map-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::MapColSite)}</th>
                            <th scope="col">{t(Key::MapColDistrict)}</th>
                            <th scope="col" class="num">{t(Key::MapColArea)}</th>
                            <th scope="col" class="num">{t(Key::MapColItems)}</th>
                            <th scope="col">{t(Key::MapStatuses)}</th>
                            <th scope="col">{t(Key::MapColPosition)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };
    view! { <section class="map-list" aria-labelledby=ctx.id("map-list-title")>{table}</section> }
}
