//! The Map view: the paper's sites on an offline map of Hong Kong (base map bundled in the wasm,
//! see `geo`), a site panel, item details, and a table of the same sites.
//!
//! Only the sites of the items that the current search and filters select are shown (markers
//! and table alike). Projection, marker sizes, spreading and labels come from `crate::geo`;
//! pan and zoom from `crate::gesture`. The parts: `markers` (markers, labels, the key),
//! `input` (pointer, wheel, pinch, keys), `site_panel`, `table`.

mod input;
mod markers;
mod site_panel;
mod table;

use leptos::prelude::*;

use super::hooks::use_element_width;
use super::{use_ctx, use_loaded, DetailPanel};
use crate::geo::{self, MarkerIn, PlacedMarker, Viewport};
use crate::gesture::Pointers;
use crate::i18n::Key;
use crate::model::Status;

/// Label box height and an estimate of the label text's width per character (CSS px, 13 px).
const LABEL_H: f64 = 17.0;
const CHAR_W: f64 = 7.2;
/// Stated areas at least this large are also drawn to scale.
const EXTENT_MIN_HA: f64 = 50.0;
/// The map's width before it is measured, px.
const DEFAULT_WIDTH: f64 = 800.0;

/// A site shown on the map, with its items in the current selection.
#[derive(Clone, PartialEq)]
struct ShownSite {
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

fn open_site(ctx: super::Ctx, id: String) {
    super::focus::remember_opener();
    ctx.update(move |s| {
        s.place = Some(id);
        s.item = None;
    });
    super::focus::focus_id(ctx.id("map-site-title"));
}

/// The sites of the selected items, with their counts.
fn shown_sites() -> Memo<Vec<ShownSite>> {
    let loaded = use_loaded();
    let (data, selection) = (loaded.data, loaded.selection);
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
                    (selected > 0).then(|| ShownSite {
                        site: si,
                        selected,
                        total: data.items_at(&site.id).count(),
                        statuses,
                    })
                })
                .collect()
        })
    })
}

/// What the map's parts share (every handle is `Copy`).
#[derive(Clone, Copy)]
struct MapState {
    sites: Memo<Vec<ShownSite>>,
    /// The visible window.
    vp: RwSignal<Viewport>,
    /// The drawn map's width in CSS px (measured; 0 until then): see [`MapState::size`].
    width: ReadSignal<f64>,
    /// Where each shown site's marker and label go, and its radius.
    placed: Memo<Vec<(usize, PlacedMarker, f64)>>,
    frame: NodeRef<leptos::html::Div>,
    /// The pointers pressed on the map (pan, pinch, and the click that ends them).
    pointers: StoredValue<Pointers>,
}

impl MapState {
    /// The drawn map's size in CSS px (tracked).
    fn size(self) -> (f64, f64) {
        size_of(self.width.get())
    }
    fn size_untracked(self) -> (f64, f64) {
        size_of(self.width.get_untracked())
    }
}

fn size_of(measured: f64) -> (f64, f64) {
    let w = if measured > 0.0 {
        measured
    } else {
        DEFAULT_WIDTH
    };
    (w, w * geo::HEIGHT / geo::WIDTH)
}

/// Markers and labels laid out for the window and size (`geo::layout`).
fn placement(
    sites: Memo<Vec<ShownSite>>,
    vp: RwSignal<Viewport>,
    width: ReadSignal<f64>,
) -> Memo<Vec<(usize, PlacedMarker, f64)>> {
    let data = use_loaded().data;
    Memo::new(move |_| {
        let size = size_of(width.get());
        // Markers shrink a little on small screens.
        let k = (size.0 / 800.0).clamp(0.75, 1.0);
        sites.with(|sites| {
            let markers: Vec<MarkerIn> = sites
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
            let placed = geo::layout(&markers, &vp.get(), size, LABEL_H);
            sites
                .iter()
                .zip(placed)
                .zip(&markers)
                .map(|((row, p), m)| (row.site, p, m.r))
                .collect()
        })
    })
}

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = use_ctx();
    let sites = shown_sites();
    let frame = NodeRef::<leptos::html::Div>::new();
    let width = use_element_width(frame, 1);
    let vp = RwSignal::new(Viewport::FULL);
    let map = MapState {
        sites,
        vp,
        width,
        placed: placement(sites, vp, width),
        frame,
        pointers: StoredValue::new(Pointers::default()),
    };
    input::listen(map);
    markers::follow_layout(map);

    let is_filtered = ctx.slice(|s| s.is_filtered());
    let is_filtered = move || is_filtered.get();
    let summary = {
        let total = use_loaded().data.sites.len().to_string();
        move || {
            let n = sites.with(Vec::len).to_string();
            if is_filtered() {
                ctx.t(Key::MapSomeShown)
                    .replace("{n}", &n)
                    .replace("{m}", &total)
            } else {
                ctx.t(Key::MapAllShown).replace("{m}", &total)
            }
        }
    };
    let lang = Memo::new(move |_| ctx.locale());

    view! {
        <section class="itpe-view itpe-map-view" aria-labelledby=ctx.id("view-title")>
            {ctx.heading_el(1).id(ctx.id("view-title")).child(ctx.text(Key::ViewMap))}
            <p class="itpe-map-intro">{ctx.text(Key::MapIntro)}</p>
            <p class="itpe-map-summary" role="status">
                {summary} " "
                {move || is_filtered().then(|| view! {
                    <button type="button" class="itpe-link-button" on:click=move |_| ctx.update(|s| *s = s.cleared())>
                        {ctx.t(Key::ClearFilters)}
                    </button>
                })}
            </p>
            <div class="itpe-map-layout">
                <div class="itpe-map-main">
                    <div class="itpe-map-tools">
                        <button type="button" class="itpe-button-secondary" aria-label=ctx.text(Key::MapZoomIn)
                            on:click=move |_| vp.update(|v| *v = v.zoom_centre(1.5))>"+"</button>
                        <button type="button" class="itpe-button-secondary" aria-label=ctx.text(Key::MapZoomOut)
                            on:click=move |_| vp.update(|v| *v = v.zoom_centre(1.0 / 1.5))>"−"</button>
                        <button type="button" class="itpe-button-secondary" on:click=move |_| vp.set(Viewport::FULL)>
                            {ctx.text(Key::MapReset)}
                        </button>
                    </div>
                    {markers::map_frame(map)}
                    <p id=ctx.id("map-help") class="itpe-map-help">{ctx.text(Key::MapHelp)}</p>
                    {move || { lang.track(); markers::legend(ctx) }}
                    <p class="itpe-map-credit">{ctx.text(Key::MapCredit)}</p>
                </div>
                <div class="itpe-map-side">
                    <DetailPanel/>
                    {site_panel::site_side()}
                </div>
            </div>
            <table::SiteTable sites=sites/>
        </section>
    }
}
