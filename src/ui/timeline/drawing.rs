//! The axis and lanes, drawn with plain DOM calls (thousands of marks: no component per mark).
//! [`build`] creates the marks once per [`Stacking`], placed in days; [`place`] shows them in a
//! time window (one transform per lane, the ticks and the labels anew); [`mark_state`] updates
//! only the marks that focus or the open item concern.

use std::sync::Arc;

use wasm_bindgen::JsCast;

use super::super::{dom, focus};
use crate::format;
use crate::i18n::{bracketed, labelled, Locale};
use crate::model::Dataset;
use crate::timeline::{self as tl, Entry, LaneLayout, Layout, MarkSet, PlacedMark, TimeWindow};

/// The rows of every lane, stacked in the reference window (see [`MarkSet::layout`]).
#[derive(PartialEq)]
pub(super) struct Stacking {
    pub layout: Layout,
    pub reference: TimeWindow,
    /// Collapsed lanes, by lane index.
    pub folded: Vec<bool>,
}

/// What is on screen: the marks built for a stacking, and the window (with the "as of" label's
/// language) they were last placed in.
pub(super) struct Drawn {
    pub stacking: Arc<Stacking>,
    pub buckets: Vec<Vec<Bucket>>,
    pub placed: Option<(TimeWindow, &'static str)>,
}

/// A lane's marks of one year (of their anchor): a zoomed-in window hides the years it does not
/// show, so the browser neither lays them out nor paints them.
pub(super) struct Bucket {
    /// First and last day of its marks.
    first: i32,
    last: i32,
    shown: bool,
}

/// The children of a lane's `.tl-pan` group: grid lines (px), marks (days since the reference
/// window's first day, scaled to the window by one transform) and labels (px).
const GRID: u32 = 0;
const MARKS: u32 = 1;
const LABELS: u32 = 2;

/// A coordinate to a tenth of a pixel.
pub(super) fn px(v: f32) -> String {
    format!("{v:.1}")
}

/// The `n`th element child of `el`.
fn child(el: &web_sys::Element, n: u32) -> Option<web_sys::Element> {
    el.children().item(n)
}

/// What building the marks needs besides the root.
pub(super) struct Build<'a> {
    pub data: &'a Dataset,
    pub marks: &'a MarkSet,
    pub stacking: &'a Stacking,
    /// The mark in the tab order.
    pub tab: Option<usize>,
    /// The interface language (dates, punctuation) and the `lang` of the data's names.
    pub locale: Locale,
    pub names: &'a str,
    /// The tag of a lane's heading (`Ctx::heading`: it follows the instance's level).
    pub lane_heading: &'static str,
}

/// Builds the axis and every lane with its marks into `root` (emptied first): once per
/// [`Stacking`]. Marks are placed in days, so a zoom does not touch them (see [`place`]).
/// Returns each lane's year buckets.
pub(super) fn build(root: &web_sys::Element, b: &Build) -> Vec<Vec<Bucket>> {
    // Keep the keyboard focus across the rebuild (a mark, or a lane's fold button).
    let active = leptos::prelude::document()
        .active_element()
        .filter(|a| root.contains(Some(a)));
    let refocus = active.and_then(|a| match (a.get_attribute("data-lane"), b.tab) {
        (Some(lane), _) => Some(format!("[data-lane=\"{lane}\"]")),
        (None, Some(m)) if a.has_attribute("data-i") => {
            Some(format!(".itpe-tl-mark[data-i=\"{m}\"]"))
        }
        _ => None,
    });
    root.set_text_content(None);
    let w = px(b.stacking.reference.width);
    let axis = dom::add_svg(
        root,
        "svg",
        &[
            ("class", "itpe-tl-axis"),
            ("width", &w),
            ("height", "40"),
            ("aria-hidden", "true"),
        ],
        None,
    );
    let pan = dom::add_svg(&axis, "g", &[("class", "itpe-tl-pan")], None);
    dom::add_svg(&pan, "g", &[], None);
    let lanes = dom::add(root, "div", &[("class", "itpe-tl-lanes")], None);
    let lanes_of = b.stacking.layout.lanes.iter().zip(&b.marks.lanes);
    let buckets = (lanes_of.enumerate())
        .map(|(i, (lane, &area))| build_lane(&lanes, b, (i, area), lane))
        .collect();
    if let Some(el) = refocus.and_then(|sel| root.query_selector(&sel).ok().flatten()) {
        focus::focus(&el);
    }
    buckets
}

/// Lane `i` (policy area `area`): its heading (the fold button) and its svg with the marks, grouped by year.
fn build_lane(
    lanes: &web_sys::Element,
    b: &Build,
    (i, area): (usize, usize),
    lane: &LaneLayout,
) -> Vec<Bucket> {
    let pa = &b.data.policy_areas[area];
    let div = dom::add(
        lanes,
        "div",
        &[("class", "itpe-tl-lane"), ("data-area", &pa.id)],
        None,
    );
    let h3 = dom::add(
        &div,
        b.lane_heading,
        &[("class", "itpe-tl-lane-head itpe-h3")],
        None,
    );
    let folded = b.stacking.folded.get(i).copied().unwrap_or(false);
    let button = dom::add(
        &h3,
        "button",
        &[
            ("type", "button"),
            ("data-lane", &area.to_string()),
            ("aria-expanded", if folded { "false" } else { "true" }),
        ],
        None,
    );
    dom::add(
        &button,
        "span",
        &[("class", "itpe-tl-caret"), ("aria-hidden", "true")],
        None,
    );
    dom::add(&button, "span", &[("lang", b.names)], Some(&pa.name));
    let count = b.marks.entries.iter().filter(|e| e.lane == i).count();
    dom::add(
        &button,
        "span",
        &[("class", "itpe-tl-count")],
        Some(&bracketed(b.locale, &count.to_string())),
    );
    let svg = dom::add_svg(
        &div,
        "svg",
        &[
            ("class", "itpe-tl-lane-svg"),
            ("width", &px(b.stacking.reference.width)),
            ("height", &px(lane.height)),
            ("lang", b.names),
            ("role", "group"),
            ("aria-label", &pa.name),
        ],
        None,
    );
    let pan = dom::add_svg(&svg, "g", &[("class", "itpe-tl-pan")], None);
    dom::add_svg(&pan, "g", &[], None);
    let marks = dom::add_svg(&pan, "g", &[("class", "itpe-tl-marks")], None);
    dom::add_svg(
        &pan,
        "g",
        &[("class", "itpe-tl-labels"), ("aria-hidden", "true")],
        None,
    );
    let mut buckets: Vec<Bucket> = Vec::new();
    let mut group = marks.clone();
    let mut year = None;
    for p in &lane.marks {
        let e = &b.marks.entries[p.entry];
        let y_of = tl::day_month(e.anchor()).div_euclid(12);
        if year != Some(y_of) {
            year = Some(y_of);
            group = dom::add_svg(&marks, "g", &[], None);
            buckets.push(Bucket {
                first: e.start,
                last: e.end,
                shown: true,
            });
        }
        if let Some(bucket) = buckets.last_mut() {
            bucket.first = bucket.first.min(e.start);
            bucket.last = bucket.last.max(e.end);
        }
        add_mark(&group, b, p, e);
    }
    buckets
}

/// One mark: a bar for a span, a dot for a point, named by its date, label and item. One
/// element per mark (no wrapping group): thousands of marks are laid out and painted on every
/// zoom, so every element counts.
fn add_mark(group: &web_sys::Element, b: &Build, p: &PlacedMark, e: &Entry) {
    let (data, locale) = (b.data, b.locale);
    let base = b.stacking.reference.d0;
    let m = &data.milestones[e.milestone];
    let y = LaneLayout::row_y(p.row);
    let title = data.item(&m.item).map(|i| i.title.as_str()).unwrap_or("");
    let label = format!(
        "{}{}",
        labelled(locale, &format::date_in(locale, &m.date), &m.label),
        bracketed(locale, title)
    );
    let (i, order) = (e.milestone.to_string(), b.marks.rank[p.entry].to_string());
    let mut attrs = vec![
        ("role", "button"),
        ("tabindex", "-1"),
        ("aria-label", label.as_str()),
        ("data-i", i.as_str()),
        ("data-order", order.as_str()),
        ("data-id", m.id.as_str()),
    ];
    if e.span {
        let (x, top, w) = (
            (e.start - base).to_string(),
            px(y - 5.0),
            (e.end + 1 - e.start).to_string(),
        );
        attrs.extend([
            ("class", "itpe-tl-mark itpe-tl-span"),
            ("x", x.as_str()),
            ("y", top.as_str()),
            ("width", w.as_str()),
            ("height", "10"),
        ]);
        dom::add_svg(group, "rect", &attrs, None);
    } else {
        // A round-capped stroke of (almost) no length: a dot that keeps its size however the
        // marks are scaled. Slightly slanted, so that its box (which leaves out the stroke) is
        // not empty: a box of no width reads as invisible.
        let mid = (e.start + e.end + 1) as f32 / 2.0 - base as f32;
        let (x1, x2) = (format!("{:.2}", mid - 0.05), format!("{:.2}", mid + 0.05));
        let (y1, y2) = (px(y - 0.5), px(y + 0.5));
        attrs.extend([
            ("class", "itpe-tl-mark itpe-tl-point"),
            ("x1", x1.as_str()),
            ("x2", x2.as_str()),
            ("y1", y1.as_str()),
            ("y2", y2.as_str()),
        ]);
        dom::add_svg(group, "line", &attrs, None);
    }
}

/// What placing the built drawing in a window needs.
pub(super) struct Placement<'a> {
    pub data: &'a Dataset,
    pub marks: &'a MarkSet,
    pub stacking: &'a Stacking,
    pub window: &'a TimeWindow,
    pub ticks: &'a [tl::Tick],
    pub labels: &'a [tl::LabelPlace],
    pub as_of: Option<i32>,
    pub as_of_label: &'a str,
    pub locale: Locale,
}

/// Shows the built drawing in a window: one transform per lane scales the marks, years far
/// from the window are hidden; the ticks, the "as of" line and the labels (as many as the
/// window has room for) are drawn anew.
pub(super) fn place(root: &web_sys::Element, p: &Placement, buckets: &mut [Vec<Bucket>]) {
    let v = p.window;
    let as_of_x = p.as_of.map(|a| v.x(a as f32 + 0.5));
    let Some(axis) = root.first_element_child() else {
        return;
    };
    if let Some(ticks) = axis.query_selector(".itpe-tl-pan > g").ok().flatten() {
        draw_ticks(&ticks, p, as_of_x);
    }
    let Ok(svgs) = root.query_selector_all(".itpe-tl-lane-svg") else {
        return;
    };
    let marks_transform = format!(
        "translate({:.1},0) scale({:.6},1)",
        v.x(p.stacking.reference.d0 as f32),
        v.scale()
    );
    for (i, lane) in p.stacking.layout.lanes.iter().enumerate() {
        let Some(pan) = svgs
            .item(i as u32)
            .and_then(|svg| svg.first_child())
            .and_then(|g| g.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let (Some(grid), Some(marks), Some(labels)) =
            (child(&pan, GRID), child(&pan, MARKS), child(&pan, LABELS))
        else {
            continue;
        };
        draw_grid(&grid, p.ticks, as_of_x, &px(lane.height));
        // `transform` is a valid attribute name: setting it cannot fail.
        let _ = marks.set_attribute("transform", &marks_transform);
        show_years(&marks, v, buckets.get_mut(i).map_or(&mut [][..], |b| b));
        draw_labels(&labels, p, i);
    }
}

/// The axis: a tick and its label per year or month, and the "as of" label.
fn draw_ticks(ticks: &web_sys::Element, p: &Placement, as_of_x: Option<f32>) {
    ticks.set_text_content(None);
    for (k, t) in p.ticks.iter().enumerate() {
        let x = px(t.x);
        dom::add_svg(
            ticks,
            "line",
            &[
                ("class", "itpe-tl-tick"),
                ("x1", &x),
                ("x2", &x),
                ("y1", "34"),
                ("y2", "40"),
            ],
            None,
        );
        dom::add_svg(
            ticks,
            "text",
            &[
                ("class", "itpe-tl-tick-label"),
                ("x", &px(t.x + 3.0)),
                ("y", "14"),
            ],
            Some(&format::tick_in(p.locale, &t.label, k == 0)),
        );
    }
    if let (Some(x), Some(a)) = (as_of_x, p.as_of) {
        let end = x > p.window.width - 160.0;
        let day = format::day_in(p.locale, &crate::dates::iso_date(a));
        let label = format!("{} {day}", p.as_of_label);
        dom::add_svg(
            ticks,
            "text",
            &[
                ("class", "itpe-tl-asof-label"),
                ("x", &px(if end { x - 4.0 } else { x + 4.0 })),
                ("y", "30"),
                ("text-anchor", if end { "end" } else { "start" }),
            ],
            Some(&label),
        );
    }
}

/// A lane's grid lines at the ticks, and its "as of" line.
fn draw_grid(grid: &web_sys::Element, ticks: &[tl::Tick], as_of_x: Option<f32>, h: &str) {
    grid.set_text_content(None);
    let lines = ticks.iter().map(|t| ("itpe-tl-grid", t.x));
    for (class, x) in lines.chain(as_of_x.map(|x| ("itpe-tl-asof", x))) {
        let x = px(x);
        dom::add_svg(
            grid,
            "line",
            &[("class", class), ("x1", &x), ("x2", &x), ("y2", h)],
            None,
        );
    }
}

/// Shows the years of a lane near the window (half a window either side, for the start of a
/// drag) and hides the others.
fn show_years(marks: &web_sys::Element, v: &TimeWindow, buckets: &mut [Bucket]) {
    let margin = (v.d1 - v.d0) / 2;
    let (from, to) = (v.d0 - margin, v.d1 + margin);
    let groups = marks.children();
    for (k, b) in buckets.iter_mut().enumerate() {
        let show = b.first <= to && b.last >= from;
        if show != b.shown {
            b.shown = show;
            if let Some(g) = groups.item(k as u32) {
                // `display` is a valid attribute name: setting or removing it cannot fail.
                let _ = if show {
                    g.remove_attribute("display")
                } else {
                    g.set_attribute("display", "none")
                };
            }
        }
    }
}

/// The labels of lane `lane` that the window has room for.
fn draw_labels(labels: &web_sys::Element, p: &Placement, lane: usize) {
    labels.set_text_content(None);
    for l in p.labels.iter().filter(|l| l.lane == lane) {
        let e = &p.marks.entries[l.entry];
        let label = &p.data.milestones[e.milestone].label;
        if let Some(text) = tl::abbreviate(label, l.w) {
            let y = LaneLayout::row_y(l.row) + 4.0;
            dom::add_svg(
                labels,
                "text",
                &[
                    ("class", "itpe-tl-label"),
                    ("x", &px(l.x)),
                    ("y", &px(y)),
                    ("data-i", &e.milestone.to_string()),
                ],
                Some(&text),
            );
        }
    }
}

/// The one mark in the tab order, and the marks of the open item (ringed).
pub(super) fn mark_state(
    root: &web_sys::Element,
    data: &Dataset,
    marks: &MarkSet,
    tab: Option<usize>,
    item: Option<&str>,
) {
    let set = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        if let Ok(list) = root.query_selector_all(selector) {
            for k in 0..list.length() {
                if let Some(el) = list.item(k).and_then(|n| n.dyn_into().ok()) {
                    f(&el);
                }
            }
        }
    };
    // Setting `tabindex` and changing a class list of an element cannot fail.
    set(".itpe-tl-mark[tabindex=\"0\"]", &|el| {
        let _ = el.set_attribute("tabindex", "-1");
    });
    if let Some(m) = tab {
        let selector = format!(".itpe-tl-mark[data-i=\"{m}\"]");
        set(&selector, &|el| {
            let _ = el.set_attribute("tabindex", "0");
        });
        // Keys that moved the window (to reveal the next milestone) moved the focus to a mark
        // that may only now be shown.
        let on_other_mark = leptos::prelude::document()
            .active_element()
            .is_some_and(|a| {
                root.contains(Some(&a))
                    && a.has_attribute("data-i")
                    && a.get_attribute("data-i") != Some(m.to_string())
            });
        if on_other_mark {
            if let Ok(Some(el)) = root.query_selector(&selector) {
                focus::focus(&el);
            }
        }
    }
    set(".itpe-tl-is-open", &|el| {
        let _ = el.class_list().remove_1("itpe-tl-is-open");
    });
    if let Some(item) = item {
        for e in &marks.entries {
            if data.milestones[e.milestone].item == item {
                set(
                    &format!(".itpe-tl-mark[data-i=\"{}\"]", e.milestone),
                    &|el| {
                        let _ = el.class_list().add_1("itpe-tl-is-open");
                    },
                );
            }
        }
    }
}
