//! Timeline layout (pure): placing milestones on a time axis, lanes and label stacking.
//!
//! The work is split so that a zoom costs one transform and a linear pass over the labels, and
//! a drag costs nothing:
//! - [`MarkSet::new`] picks the selected items' milestones, gives each a lane (its policy area)
//!   and sorts them, once per data or selection change;
//! - [`MarkSet::layout`] stacks them in rows per lane (greedy, O(milestones × rows)) at a
//!   reference view, the whole period: once per data change, resize or lane collapse. Rows then
//!   stay put while zooming (marks never jump between rows), and since zooming in only moves
//!   marks apart, marks that do not overlap in the reference view never overlap;
//! - [`MarkSet::labels`] gives each mark in the current view the label room left before the
//!   next mark of its row, once per zoom or pan (the marks themselves are only rescaled);
//! - while dragging, the drawn result is only translated.
//!
//! Labels never overlap: in each row of a lane a label ends before the next mark of that row
//! starts; it is shortened ("…") to fit, or dropped below [`MIN_LABEL`] px (the full text is
//! shown on hover and focus). Text widths are estimated (generously, see [`text_width`]), as
//! this code runs without a browser.

use crate::dates::{day_number, iso_date};
use crate::model::{Dataset, Precision};

/// Label font size, px (style/timeline.css sets the same).
pub const FONT_PX: f32 = 12.0;
/// Radius of a point mark: a point is `2 * POINT_R` px wide.
pub const POINT_R: f32 = 5.0;
/// A span is never drawn narrower than this, px.
pub const MIN_SPAN_W: f32 = 2.0;
/// Space between a mark and its label, px.
pub const LABEL_GAP: f32 = 4.0;
/// Space between a label (or mark) and the next mark of the same row, px.
pub const GAP: f32 = 6.0;
/// Labels that would be shorter than this are dropped rather than shortened, px.
pub const MIN_LABEL: f32 = 40.0;
/// Height of a row of marks, px.
pub const ROW_H: f32 = 22.0;
/// Space above and below the rows of a lane, px.
pub const LANE_PAD: f32 = 4.0;
/// Rows per expanded lane; beyond it labels are shortened or dropped, then marks crowd.
pub const ROW_CAP: usize = 6;
/// Narrowest and widest zoom windows, in months.
pub const MIN_MONTHS: i32 = 6;
pub const MAX_MONTHS: i32 = 80 * 12;
/// The months a zoom window may cover (as `ViewState::parse` accepts).
const FIRST_MONTH: i32 = 1900 * 12;
const LAST_MONTH: i32 = 2200 * 12 + 11;

/// Whether the paper's date is drawn as a span (a vague or long period) rather than a point.
pub fn is_span(p: Precision) -> bool {
    !matches!(
        p,
        Precision::Day | Precision::Month | Precision::PartOfMonth
    )
}

/// Estimated advance of a character, in em (`text::char_em`, the layouts' one estimate).
fn char_em(c: char) -> f32 {
    crate::text::char_em(c) as f32
}

/// Estimated width of `s` in px at [`FONT_PX`].
pub fn text_width(s: &str) -> f32 {
    crate::text::width_em(s) as f32 * FONT_PX
}

/// `label` shortened to fit `avail` px: the whole label, a prefix with "…", or None when not
/// even a few characters fit.
pub fn abbreviate(label: &str, avail: f32) -> Option<String> {
    if text_width(label) <= avail {
        return Some(label.to_string());
    }
    let budget = avail - char_em('…') * FONT_PX;
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in label.char_indices() {
        used += char_em(c) * FONT_PX;
        if used > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    let prefix = label[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:-(".contains(c));
    (prefix.chars().count() >= 3).then(|| format!("{prefix}…"))
}

/// Day number of the first day of a month (months since year 0).
pub fn month_day(month: i32) -> i32 {
    let iso = format!(
        "{:04}-{:02}-01",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    );
    day_number(&iso).unwrap_or(0)
}

/// The month (months since year 0) that contains a day.
pub fn day_month(day: i32) -> i32 {
    let iso = iso_date(day);
    let y: i32 = iso[..4].parse().unwrap_or(0);
    let m: i32 = iso[5..7].parse().unwrap_or(1);
    y * 12 + m - 1
}

/// One milestone to place.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Index into the dataset's milestones.
    pub milestone: usize,
    /// Index into [`MarkSet::lanes`].
    pub lane: usize,
    /// First and last day (inclusive), as day numbers.
    pub start: i32,
    pub end: i32,
    pub span: bool,
    /// The year the list files it under (of its first day).
    pub year: i32,
    /// Estimated width of the whole label, px.
    pub label_w: f32,
}

impl Entry {
    /// Where the mark sits in time: the middle of a point's days, the start of a span.
    pub fn anchor(&self) -> i32 {
        if self.span {
            self.start
        } else {
            self.start + (self.end - self.start) / 2
        }
    }
}

/// The selected items' dated milestones, by lane, sorted once.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MarkSet {
    /// Policy areas (indices into the dataset's `policy_areas`) that have a milestone, in the
    /// dataset's order.
    pub lanes: Vec<usize>,
    /// Sorted by lane, then position in time.
    pub entries: Vec<Entry>,
    /// Indices into `entries` in time order (first day, last day, dataset order): the order of
    /// the list and of the arrow keys.
    pub time_order: Vec<usize>,
    /// `rank[e]` is the place of entry `e` in `time_order`.
    pub rank: Vec<usize>,
    /// Number of selected items.
    pub items: usize,
    /// Milestones of selected items whose dates cannot be read (left out).
    pub undated: usize,
}

impl MarkSet {
    /// The milestones of the items `selection` (indices into `data.items`) selects.
    pub fn new(data: &Dataset, selection: &[usize]) -> MarkSet {
        let mut selected = vec![false; data.items.len()];
        for &i in selection {
            if let Some(s) = selected.get_mut(i) {
                *s = true;
            }
        }
        let mut lane_of_area = vec![usize::MAX; data.policy_areas.len()];
        let mut raw = Vec::new();
        let mut undated = 0;
        for (i, m) in data.milestones.iter().enumerate() {
            let Some(item) = data.items.iter().position(|it| it.id == m.item) else {
                continue;
            };
            if !selected[item] {
                continue;
            }
            let area = &data.items[item].area;
            let area = data.policy_areas.iter().position(|a| &a.id == area);
            let dates = day_number(&m.date.start).zip(day_number(&m.date.end));
            match (dates, area) {
                (Some((start, end)), Some(area)) if start <= end => {
                    lane_of_area[area] = 0;
                    raw.push((i, area, start, end, m));
                }
                _ => undated += 1,
            }
        }
        let mut lanes = Vec::new();
        for (area, lane) in lane_of_area.iter_mut().enumerate() {
            if *lane == 0 {
                *lane = lanes.len();
                lanes.push(area);
            }
        }
        let entries = raw
            .into_iter()
            .map(|(i, area, start, end, m)| Entry {
                milestone: i,
                lane: lane_of_area[area],
                start,
                end,
                span: is_span(m.date.precision),
                year: crate::dates::year_of(&m.date.start).unwrap_or(0),
                label_w: text_width(&m.label),
            })
            .collect();
        MarkSet::from_entries(lanes, entries, selection.len(), undated)
    }

    /// Sorts entries (any order) into a source.
    pub fn from_entries(
        lanes: Vec<usize>,
        entries: Vec<Entry>,
        items: usize,
        undated: usize,
    ) -> MarkSet {
        let by_lane = sorted(entries.len(), &|i| {
            let e = &entries[i];
            [
                e.lane as i64,
                e.anchor() as i64,
                e.end as i64,
                e.milestone as i64,
            ]
        });
        let entries: Vec<Entry> = by_lane.into_iter().map(|i| entries[i].clone()).collect();
        let time_order = sorted(entries.len(), &|i| {
            let e = &entries[i];
            [e.start as i64, e.end as i64, e.milestone as i64, 0]
        });
        let mut rank = vec![0; entries.len()];
        for (r, &e) in time_order.iter().enumerate() {
            rank[e] = r;
        }
        MarkSet {
            lanes,
            entries,
            time_order,
            rank,
            items,
            undated,
        }
    }

    /// The first and last day of all milestones.
    pub fn extent(&self) -> Option<(i32, i32)> {
        let first = self.entries.iter().map(|e| e.start).min()?;
        let last = self.entries.iter().map(|e| e.end).max()?;
        Some((first, last))
    }

    /// The whole period: from January of the first milestone's year (or `as_of`'s) to December
    /// of the last one's.
    pub fn default_window(&self, as_of: Option<i32>) -> (i32, i32) {
        let (a, b) = match (self.extent(), as_of) {
            (Some((a, b)), Some(d)) => (a.min(d), b.max(d)),
            (Some(e), None) => e,
            (None, Some(d)) => (d, d),
            (None, None) => (month_day(2021 * 12), month_day(2021 * 12)),
        };
        let first = day_month(a).div_euclid(12) * 12;
        let last = day_month(b).div_euclid(12) * 12 + 11;
        (first, last)
    }

    /// The range of `entries` in a lane, in the order they are stacked.
    fn lane_range(&self, lane: usize) -> std::ops::Range<usize> {
        let from = self.entries.partition_point(|e| e.lane < lane);
        from..self.entries.partition_point(|e| e.lane <= lane)
    }

    /// Places the milestones in `view`; lanes flagged in `collapsed` get one row, no labels.
    /// Marks more than half a window width outside the view are left out (those within are
    /// drawn for the start of a drag).
    pub fn layout(&self, view: &TimeWindow, collapsed: &[bool]) -> Layout {
        let lanes = (0..self.lanes.len())
            .map(|lane| {
                let range = self.lane_range(lane);
                let first = range.start;
                let folded = collapsed.get(lane).copied().unwrap_or(false);
                let cap = if folded { 1 } else { ROW_CAP };
                stack(&self.entries[range], first, view, cap, !folded)
            })
            .collect();
        Layout { lanes }
    }
}

/// Indices `0..n` ordered by `key` (one sort instantiation for every use keeps the wasm small;
/// keys end with a unique field, so the order is fully determined).
fn sorted(n: usize, key: &dyn Fn(usize) -> [i64; 4]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    v.sort_unstable_by_key(|&i| key(i));
    v
}

/// A window of time drawn `width` px wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeWindow {
    /// First day shown and the day after the last one.
    pub d0: i32,
    pub d1: i32,
    pub width: f32,
}

impl TimeWindow {
    /// The window of whole months `window` (inclusive), `width` px wide.
    pub fn new(window: (i32, i32), width: f32) -> TimeWindow {
        TimeWindow {
            d0: month_day(window.0),
            d1: month_day(window.1 + 1),
            width,
        }
    }
    /// Pixels per day.
    pub fn scale(&self) -> f32 {
        self.width / (self.d1 - self.d0).max(1) as f32
    }
    /// The x of the start of a day (fractional days allowed).
    pub fn x(&self, day: f32) -> f32 {
        (day - self.d0 as f32) * self.scale()
    }
    /// Where a milestone's mark goes: left edge and width.
    pub fn mark(&self, e: &Entry) -> (f32, f32) {
        if e.span {
            let x0 = self.x(e.start as f32);
            (x0, (self.x((e.end + 1) as f32) - x0).max(MIN_SPAN_W))
        } else {
            let mid = (e.start as f32 + e.end as f32 + 1.0) / 2.0;
            (self.x(mid) - POINT_R, 2.0 * POINT_R)
        }
    }
}

/// A placed mark.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMark {
    /// Index into [`MarkSet::entries`].
    pub entry: usize,
    /// Left edge and width of the mark, px.
    pub x: f32,
    pub w: f32,
    pub row: usize,
    /// Width available to the label, which starts at `x + w + LABEL_GAP` (0: no label; at
    /// least the estimated width of the label: the whole label).
    pub label_w: f32,
    /// Could not get a free place even without a label: it overlaps its row's previous mark.
    pub crowded: bool,
}

impl PlacedMark {
    pub fn label_x(&self) -> f32 {
        self.x + self.w + LABEL_GAP
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneLayout {
    pub rows: usize,
    pub height: f32,
    /// In the order placed (left to right, roughly).
    pub marks: Vec<PlacedMark>,
}

impl LaneLayout {
    /// The vertical middle of a row, px from the top of the lane.
    pub fn row_y(row: usize) -> f32 {
        LANE_PAD + row as f32 * ROW_H + ROW_H / 2.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub lanes: Vec<LaneLayout>,
}

impl Layout {
    pub fn marks(&self) -> impl Iterator<Item = &PlacedMark> {
        self.lanes.iter().flat_map(|l| l.marks.iter())
    }
}

/// A label placed in the current view.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelPlace {
    /// Index into [`MarkSet::entries`], and the lane and row of its mark.
    pub entry: usize,
    pub lane: usize,
    pub row: usize,
    /// Left edge, px, and the width it may take: the whole label, or at least [`MIN_LABEL`].
    pub x: f32,
    pub w: f32,
}

impl MarkSet {
    /// The labels for `view` of marks stacked in `layout` (the rows of a reference view). A
    /// visible mark in an expanded lane that overlaps no earlier mark of its row gets the room
    /// before the next mark of its row and the right edge of the view; no room, no label.
    pub fn labels(
        &self,
        layout: &Layout,
        view: &TimeWindow,
        collapsed: &[bool],
    ) -> Vec<LabelPlace> {
        let mut out = Vec::new();
        let mut row: Vec<(f32, f32, usize)> = Vec::new();
        for (lane, l) in layout.lanes.iter().enumerate() {
            if collapsed.get(lane).copied().unwrap_or(false) {
                continue;
            }
            for r in 0..l.rows {
                row.clear();
                row.extend(l.marks.iter().filter(|p| p.row == r).map(|p| {
                    let (x, w) = view.mark(&self.entries[p.entry]);
                    (x, w, p.entry)
                }));
                row.sort_by(|a, b| a.0.total_cmp(&b.0));
                let mut reach = f32::NEG_INFINITY;
                for k in 0..row.len() {
                    let (x, w, entry) = row[k];
                    let free = reach + GAP <= x;
                    reach = reach.max(x + w);
                    if !free || x + w <= 0.0 || x >= view.width {
                        continue;
                    }
                    let next = row.get(k + 1).map_or(f32::INFINITY, |n| n.0);
                    let lx = x + w + LABEL_GAP;
                    let w = fit(
                        (next - GAP).min(view.width) - lx,
                        self.entries[entry].label_w,
                    );
                    if w > 0.0 {
                        out.push(LabelPlace {
                            entry,
                            lane,
                            row: r,
                            x: lx,
                            w,
                        });
                    }
                }
            }
        }
        out
    }
}

/// The right end of the last thing in a row, for the three ways a new mark may follow it.
struct RowEnd {
    /// The row's last mark (index into the lane's output).
    last: usize,
    /// Right end of the marks.
    mark_end: f32,
    /// Right end if the last label stays whole / is shortened to [`MIN_LABEL`].
    want_end: f32,
    need_end: f32,
}

/// What remains of a label given `avail` px: whole, shortened, or nothing.
fn fit(avail: f32, whole: f32) -> f32 {
    if avail >= whole {
        whole
    } else if avail >= MIN_LABEL {
        avail
    } else {
        0.0
    }
}

/// Greedy stacking of one lane's marks (sorted by position) into at most `cap` rows.
fn stack(
    entries: &[Entry],
    first: usize,
    view: &TimeWindow,
    cap: usize,
    labels: bool,
) -> LaneLayout {
    let w = view.width;
    let mut out: Vec<PlacedMark> = Vec::new();
    let mut rows: Vec<RowEnd> = Vec::new();
    for (k, e) in entries.iter().enumerate() {
        let (x, mw) = view.mark(e);
        if x + mw < -0.5 * w || x > 1.5 * w {
            continue;
        }
        let whole = if labels { e.label_w } else { 0.0 };
        let x1 = x + mw;
        // a) a row whose last label fits whole; b) a new row; c) a row whose last label can
        // be shortened; d) a row whose last label must go; e) the least crowded row.
        let free = |end: f32| end + GAP <= x;
        let choice = if let Some(r) = rows.iter().position(|r| free(r.want_end)) {
            Some((r, false))
        } else if rows.len() < cap {
            None
        } else if let Some(r) = argmin(&rows, |r| free(r.need_end), |r| r.want_end) {
            Some((r, false))
        } else if let Some(r) = argmin(&rows, |r| free(r.mark_end), |r| r.mark_end) {
            Some((r, false))
        } else {
            // The crowd goes to the lowest of the fullest rows, so the rows above keep labels.
            let least = rows
                .iter()
                .map(|r| r.mark_end)
                .fold(f32::INFINITY, f32::min);
            rows.iter()
                .rposition(|r| r.mark_end <= least)
                .map(|r| (r, true))
        };
        let label_w = if choice.is_some_and(|c| c.1) {
            0.0
        } else {
            whole
        };
        let lx = x1 + LABEL_GAP;
        let (want_end, need_end) = if label_w > 0.0 {
            (lx + label_w, lx + label_w.min(MIN_LABEL))
        } else {
            (x1, x1)
        };
        let row = match choice {
            None => {
                rows.push(RowEnd {
                    last: out.len(),
                    mark_end: x1,
                    want_end,
                    need_end,
                });
                rows.len() - 1
            }
            Some((r, _)) => {
                let prev = &mut out[rows[r].last];
                prev.label_w = fit(x - GAP - prev.label_x(), prev.label_w);
                let row = &mut rows[r];
                row.last = out.len();
                row.mark_end = row.mark_end.max(x1);
                row.want_end = want_end.max(row.mark_end);
                row.need_end = need_end.max(row.mark_end);
                r
            }
        };
        out.push(PlacedMark {
            entry: first + k,
            x,
            w: mw,
            row,
            label_w,
            crowded: choice.is_some_and(|c| c.1),
        });
    }
    // Labels stop at the right edge of the view.
    for p in out.iter_mut() {
        let lx = p.label_x();
        if p.label_w > 0.0 && lx < w {
            p.label_w = fit(w - lx, p.label_w);
        }
    }
    let n = rows.len().max(1);
    LaneLayout {
        rows: n,
        height: n as f32 * ROW_H + 2.0 * LANE_PAD,
        marks: out,
    }
}

/// The row, among those passing `ok`, with the least `key`.
fn argmin(
    rows: &[RowEnd],
    ok: impl Fn(&RowEnd) -> bool,
    key: impl Fn(&RowEnd) -> f32,
) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| ok(r))
        .min_by(|a, b| key(a.1).total_cmp(&key(b.1)))
        .map(|(i, _)| i)
}

fn clamp_window(first: i32, len: i32) -> (i32, i32) {
    let len = len.clamp(MIN_MONTHS, MAX_MONTHS);
    let first = first.clamp(FIRST_MONTH, LAST_MONTH + 1 - len);
    (first, first + len - 1)
}

/// The window zoomed by `factor` (< 1 zooms in) about the point at `anchor` (0 = left edge,
/// 1 = right edge), which stays where it is.
pub fn zoom(window: (i32, i32), factor: f64, anchor: f64) -> (i32, i32) {
    let len = window.1 - window.0 + 1;
    let new_len = ((len as f64 * factor).round() as i32).clamp(MIN_MONTHS, MAX_MONTHS);
    let at = window.0 as f64 + anchor.clamp(0.0, 1.0) * len as f64;
    let first = (at - anchor.clamp(0.0, 1.0) * new_len as f64).round() as i32;
    clamp_window(first, new_len)
}

/// The window moved by `months` (negative: earlier).
pub fn pan(window: (i32, i32), months: i32) -> (i32, i32) {
    clamp_window(window.0 + months, window.1 - window.0 + 1)
}

/// The window moved, if needed, so that the days `start..=end` are in it (centred on them).
pub fn reveal(window: (i32, i32), start: i32, end: i32) -> (i32, i32) {
    let (a, b) = (day_month(start), day_month(end));
    if a >= window.0 && b <= window.1 {
        return window;
    }
    let len = window.1 - window.0 + 1;
    clamp_window((a + b) / 2 - len / 2, len)
}

/// A tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f32,
    /// "2021" at a year, "2021-04" at other months.
    pub label: String,
}

/// Ticks at whole years (or months when zoomed in), far enough apart for their labels.
pub fn ticks(window: (i32, i32), view: &TimeWindow) -> Vec<Tick> {
    let months = (window.1 - window.0 + 1).max(1);
    let per_month = view.width / months as f32;
    let step = [1, 2, 3, 6, 12, 24, 60, 120, 240]
        .into_iter()
        .find(|&s| s as f32 * per_month >= if s < 12 { 64.0 } else { 44.0 })
        // A window longer than the zoom allows (dates far apart): about 20 ticks at most.
        .unwrap_or((months / 240 + 1) * 12);
    let first = window.0 + (step - window.0.rem_euclid(step)) % step;
    (first..=window.1 + 1)
        .step_by(step as usize)
        .map(|m| Tick {
            x: view.x(month_day(m) as f32),
            label: if step >= 12 {
                format!("{}", m.div_euclid(12))
            } else {
                format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
            },
        })
        .filter(|t| t.x <= view.width - 20.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: i32) -> i32 {
        y * 12 + m - 1
    }

    fn day(iso: &str) -> i32 {
        day_number(iso).unwrap()
    }

    fn entry(lane: usize, start: &str, end: &str, span: bool, label: &str, id: usize) -> Entry {
        Entry {
            milestone: id,
            lane,
            start: day(start),
            end: day(end),
            span,
            year: start[..4].parse().unwrap(),
            label_w: text_width(label),
        }
    }

    /// Checks what the layout promises, returning the number of crowded marks.
    fn check(src: &MarkSet, layout: &Layout, view: &TimeWindow) -> usize {
        let mut crowded = 0;
        for lane in &layout.lanes {
            let mut by_row: Vec<Vec<&PlacedMark>> = vec![Vec::new(); lane.rows];
            for p in &lane.marks {
                assert!(p.row < lane.rows);
                by_row[p.row].push(p);
                let e = &src.entries[p.entry];
                assert!(p.label_w == 0.0 || p.label_w >= MIN_LABEL.min(e.label_w));
                assert!(p.label_w <= e.label_w + 0.001, "label wider than its text");
                if p.label_w > 0.0 && p.label_x() < view.width {
                    assert!(p.label_x() + p.label_w <= view.width + 0.01);
                }
            }
            for row in by_row {
                for pair in row.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    if b.crowded {
                        crowded += 1;
                        assert_eq!(b.label_w, 0.0);
                    } else {
                        assert!(a.x + a.w + GAP <= b.x + 0.01, "marks overlap: {a:?} {b:?}");
                    }
                    if a.label_w > 0.0 {
                        assert!(
                            a.label_x() + a.label_w + GAP <= b.x + 0.01,
                            "label overlaps the next mark: {a:?} {b:?}"
                        );
                    }
                }
            }
        }
        crowded
    }

    #[test]
    fn precision_decides_point_or_span() {
        assert!(!is_span(Precision::Day));
        assert!(!is_span(Precision::Month));
        assert!(!is_span(Precision::PartOfMonth));
        for p in [
            Precision::PartOfYear,
            Precision::Year,
            Precision::SchoolYear,
            Precision::FinancialYear,
            Precision::Range,
        ] {
            assert!(is_span(p), "{p:?}");
        }
    }

    #[test]
    fn abbreviations_fit_and_end_with_an_ellipsis() {
        let label = "First batch of eight HSITP buildings completed in phases from end-2024";
        assert_eq!(abbreviate(label, 1000.0).as_deref(), Some(label));
        for avail in [40.0, 55.0, 80.0, 150.0, 300.0] {
            let a = abbreviate(label, avail).unwrap();
            assert!(a.ends_with('…'), "{a}");
            assert!(text_width(&a) <= avail, "{a} in {avail}");
            assert!(label.starts_with(a.trim_end_matches('…')));
        }
        assert_eq!(abbreviate(label, 10.0), None);
        assert!(text_width("WWW") > text_width("iii"));
    }

    #[test]
    fn month_arithmetic_round_trips() {
        assert_eq!(month_day(ym(1970, 1)), 0);
        assert_eq!(iso_date(month_day(ym(2024, 2))), "2024-02-01");
        assert_eq!(day_month(day("2021-10-06")), ym(2021, 10));
        assert_eq!(day_month(day("2021-12-31")), ym(2021, 12));
    }

    #[test]
    fn spans_are_as_long_as_their_period_and_points_are_small() {
        let view = TimeWindow::new((ym(2017, 1), ym(2026, 12)), 1200.0);
        let year = entry(0, "2023-01-01", "2023-12-31", true, "x", 0);
        let month = entry(0, "2021-07-01", "2021-07-31", false, "x", 1);
        let (x, w) = view.mark(&year);
        assert!(
            (w - 120.0).abs() < 0.5,
            "a year is a tenth of ten years: {w}"
        );
        assert!((x - 720.0).abs() < 0.5);
        let (px, pw) = view.mark(&month);
        assert_eq!(pw, 2.0 * POINT_R);
        // The point is centred in its month.
        let mid = view.x(day("2021-07-16") as f32 + 0.5);
        assert!((px + POINT_R - mid).abs() < 0.01);
        assert!(w > pw);
    }

    #[test]
    fn sparse_marks_keep_whole_labels_in_one_row() {
        let entries = (0..8)
            .map(|i| {
                let d = format!("{}-03-01", 2015 + i);
                entry(0, &d, &d, false, "Short label", i as usize)
            })
            .collect();
        let src = MarkSet::from_entries(vec![0], entries, 8, 0);
        let view = TimeWindow::new((ym(2015, 1), ym(2022, 12)), 1000.0);
        let l = src.layout(&view, &[false]);
        assert_eq!(l.lanes[0].rows, 1);
        assert_eq!(l.lanes[0].marks.len(), 8);
        for p in &l.lanes[0].marks {
            assert_eq!(p.label_w, src.entries[p.entry].label_w);
        }
        assert_eq!(check(&src, &l, &view), 0);
    }

    #[test]
    fn a_dense_cluster_stacks_then_shortens_then_crowds() {
        // 19 milestones on the day of the Policy Address, as in the dataset, plus neighbours.
        let mut entries: Vec<Entry> = (0..19)
            .map(|i| {
                entry(
                    0,
                    "2021-10-06",
                    "2021-10-06",
                    false,
                    "Announced in the 2021 Policy Address",
                    i,
                )
            })
            .collect();
        for i in 0..12 {
            let d = format!("2021-{:02}-15", 1 + i % 12);
            entries.push(entry(
                0,
                &d,
                &d,
                false,
                "A neighbouring milestone with a long label",
                100 + i,
            ));
        }
        let src = MarkSet::from_entries(vec![0], entries, 31, 0);
        let view = TimeWindow::new((ym(2017, 1), ym(2025, 12)), 900.0);
        let l = src.layout(&view, &[false]);
        let lane = &l.lanes[0];
        assert_eq!(lane.rows, ROW_CAP);
        assert_eq!(lane.marks.len(), 31, "every mark is drawn");
        let crowded = check(&src, &l, &view);
        assert!(
            crowded > 0,
            "19 marks on one day cannot all have a free place"
        );
        // Zoomed in to a few months, the same marks spread out and keep more text.
        let near = TimeWindow::new((ym(2021, 9), ym(2021, 11)), 900.0);
        let l2 = src.layout(&near, &[false]);
        check(&src, &l2, &near);
    }

    #[test]
    fn a_crowd_on_one_day_piles_up_in_the_last_row() {
        let entries = (0..19)
            .map(|i| entry(0, "2021-10-06", "2021-10-06", false, "Announced", i))
            .collect();
        let src = MarkSet::from_entries(vec![0], entries, 19, 0);
        let view = TimeWindow::new((ym(2017, 1), ym(2025, 12)), 900.0);
        let l = src.layout(&view, &[false]);
        let lane = &l.lanes[0];
        check(&src, &l, &view);
        // The first rows keep their labels whole; the overflow piles up in the last row.
        for row in 0..ROW_CAP - 1 {
            let in_row: Vec<&PlacedMark> = lane.marks.iter().filter(|p| p.row == row).collect();
            assert_eq!(in_row.len(), 1, "row {row}");
            assert_eq!(in_row[0].label_w, text_width("Announced"));
        }
        let crowded = lane.marks.iter().filter(|p| p.crowded).count();
        assert_eq!(crowded, 19 - ROW_CAP);
        assert!(lane
            .marks
            .iter()
            .filter(|p| p.crowded)
            .all(|p| p.row == ROW_CAP - 1));
    }

    /// Forty marks six days (about 14 px at 18 months) apart in one lane; every fourth a span
    /// when `spans`.
    fn six_days_apart(label: &str, spans: bool) -> MarkSet {
        let entries = (0..40)
            .map(|i| {
                let d = iso_date(day("2020-01-01") + i * 6);
                entry(0, &d, &d, spans && i % 4 == 0, label, i as usize)
            })
            .collect();
        MarkSet::from_entries(vec![0], entries, 40, 0)
    }

    #[test]
    fn close_marks_get_shortened_labels_not_overlapping_ones() {
        let src = six_days_apart("Label that is rather long for the space", false);
        let view = TimeWindow::new((ym(2019, 7), ym(2020, 12)), 1300.0);
        let l = src.layout(&view, &[false]);
        check(&src, &l, &view);
        let shortened = l.lanes[0]
            .marks
            .iter()
            .filter(|p| p.label_w > 0.0 && p.label_w < src.entries[p.entry].label_w)
            .count();
        assert!(shortened > 0, "some labels are shortened");
    }

    #[test]
    fn a_collapsed_lane_is_one_row_without_labels() {
        let entries = (0..30)
            .map(|i| entry(0, "2021-10-06", "2021-10-06", false, "Announced", i))
            .collect();
        let src = MarkSet::from_entries(vec![0], entries, 30, 0);
        let view = TimeWindow::new((ym(2017, 1), ym(2025, 12)), 900.0);
        let l = src.layout(&view, &[true]);
        assert_eq!(l.lanes[0].rows, 1);
        assert_eq!(l.lanes[0].marks.len(), 30);
        assert!(l.lanes[0].marks.iter().all(|p| p.label_w == 0.0));
    }

    #[test]
    fn marks_far_outside_the_window_are_left_out() {
        let entries = vec![
            entry(0, "2001-01-01", "2001-01-01", false, "a", 0),
            entry(0, "2021-01-01", "2021-01-01", false, "b", 1),
            entry(0, "2024-01-01", "2024-01-01", false, "c", 2),
        ];
        let src = MarkSet::from_entries(vec![0], entries, 3, 0);
        let view = TimeWindow::new((ym(2021, 1), ym(2021, 12)), 600.0);
        let kept: Vec<usize> = src
            .layout(&view, &[false])
            .marks()
            .map(|p| src.entries[p.entry].milestone)
            .collect();
        // Only 2021 is within half a window's width of the view.
        assert_eq!(kept, vec![1]);
        // Viewing 2020-2022, 2024 is within half a width to the right; 2001 is not.
        let wide = TimeWindow::new((ym(2020, 1), ym(2022, 12)), 600.0);
        assert_eq!(src.layout(&wide, &[false]).marks().count(), 2);
    }

    /// A deterministic pseudo-random dataset: 10 000 milestones in 15 lanes over 30 years,
    /// with dense clusters (a fifth of them on 20 popular days).
    fn ten_thousand() -> MarkSet {
        let mut seed: u64 = 42;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as i32
        };
        let base = day("2000-01-01");
        let entries: Vec<Entry> = (0..10_000)
            .map(|i| {
                let lane = (next() % 15) as usize;
                let start = if i % 5 == 0 {
                    base + (next() % 20) * 547
                } else {
                    base + next() % (30 * 365)
                };
                let span = i % 3 == 0;
                let end = if span { start + next() % 800 } else { start };
                let label = "Milestone label of a typical length".repeat(3);
                Entry {
                    milestone: i as usize,
                    lane,
                    start,
                    end,
                    span,
                    year: 2000,
                    label_w: text_width(&label[..20 + (i % 40) as usize]),
                }
            })
            .collect();
        MarkSet::from_entries((0..15).collect(), entries, 10_000, 0)
    }

    #[test]
    fn ten_thousand_milestones_in_one_pass_without_overlaps() {
        let src = ten_thousand();
        let window = src.default_window(None);
        assert_eq!(window, (ym(2000, 1), ym(2031, 12)));
        let view = TimeWindow::new(window, 1200.0);
        let l = src.layout(&view, &[false; 15]);
        assert_eq!(l.marks().count(), 10_000);
        let mut seen = vec![false; 10_000];
        for p in l.marks() {
            assert!(!seen[p.entry], "each entry placed once");
            seen[p.entry] = true;
        }
        check(&src, &l, &view);
        assert!(l.lanes.iter().all(|lane| lane.rows <= ROW_CAP));
        // Zoomed in: still consistent.
        let view = TimeWindow::new((ym(2010, 1), ym(2011, 6)), 1200.0);
        let l = src.layout(&view, &[false; 15]);
        check(&src, &l, &view);
        // Time order is sorted and rank is its inverse.
        for pair in src.time_order.windows(2) {
            assert!(src.entries[pair[0]].start <= src.entries[pair[1]].start);
        }
        for (r, &e) in src.time_order.iter().enumerate() {
            assert_eq!(src.rank[e], r);
        }
    }

    /// Checks the labels of `view` for marks stacked at a reference view: no label reaches the
    /// next mark of its row or the edge of the view, and marks that did not overlap still do not.
    fn check_labels(src: &MarkSet, l: &Layout, view: &TimeWindow) -> usize {
        let labels = src.labels(l, view, &vec![false; l.lanes.len()]);
        for lab in &labels {
            let e = &src.entries[lab.entry];
            assert!(lab.w >= MIN_LABEL.min(e.label_w) && lab.w <= e.label_w + 0.001);
            assert!(
                lab.x + lab.w <= view.width + 0.01,
                "label past the edge: {lab:?}"
            );
            let (x, w) = view.mark(e);
            assert!(x + w > 0.0 && x < view.width, "label of a mark out of view");
            for p in l.lanes[lab.lane].marks.iter().filter(|p| p.row == lab.row) {
                let (px, pw) = view.mark(&src.entries[p.entry]);
                let apart = lab.x + lab.w + GAP <= px + 0.01 || px + pw <= lab.x;
                assert!(
                    p.entry == lab.entry || apart,
                    "label {lab:?} meets the mark at {px}..{}",
                    px + pw
                );
            }
        }
        for lane in &l.lanes {
            let mut by_row: Vec<Vec<&PlacedMark>> = vec![Vec::new(); lane.rows];
            for p in lane.marks.iter() {
                by_row[p.row].push(p);
            }
            for row in by_row {
                for pair in row.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    if !b.crowded {
                        let (ax, aw) = view.mark(&src.entries[a.entry]);
                        let (bx, _) = view.mark(&src.entries[b.entry]);
                        assert!(ax + aw + GAP <= bx + 0.01, "zoomed marks overlap");
                    }
                }
            }
        }
        labels.len()
    }

    #[test]
    fn zooming_in_keeps_rows_and_gives_labels_more_room() {
        // At the reference view few labels fit.
        let src = six_days_apart("Label that is rather long", true);
        let reference = TimeWindow::new((ym(2017, 1), ym(2024, 12)), 1000.0);
        let l = src.layout(&reference, &[false]);
        let wide = check_labels(&src, &l, &reference);
        let near = TimeWindow::new((ym(2020, 1), ym(2020, 6)), 1000.0);
        let close = check_labels(&src, &l, &near);
        assert!(
            close > wide,
            "{close} labels zoomed in, {wide} in the whole view"
        );
        let whole = src
            .labels(&l, &near, &[false])
            .iter()
            .filter(|lab| lab.w == src.entries[lab.entry].label_w)
            .count();
        assert!(whole > 0, "zoomed in, some labels are whole");
        // A collapsed lane has no labels.
        assert!(src.labels(&l, &near, &[true]).is_empty());
    }

    #[test]
    fn labels_of_ten_thousand_rows_hold_at_every_zoom() {
        let src = ten_thousand();
        let reference = TimeWindow::new(src.default_window(None), 1200.0);
        let l = src.layout(&reference, &[false; 15]);
        let mut window = src.default_window(None);
        for step in 0..12 {
            let view = TimeWindow::new(window, 1200.0);
            check_labels(&src, &l, &view);
            window = zoom(window, 1.0 / 1.5, (step % 3) as f64 / 2.0);
        }
    }

    /// `cargo test --release --lib timeline::tests::perf -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn perf() {
        let entries: Vec<Entry> = (0..10_000)
            .map(|i| Entry {
                milestone: i,
                lane: i % 15,
                start: 11_000 + ((i * 7919) % 11_000) as i32,
                end: 11_000 + ((i * 7919) % 11_000) as i32 + (i % 3 * 200) as i32,
                span: i % 3 != 0,
                year: 2000,
                label_w: 100.0 + (i % 50) as f32 * 4.0,
            })
            .collect();
        let t = std::time::Instant::now();
        let src = MarkSet::from_entries((0..15).collect(), entries, 10_000, 0);
        let sorted = t.elapsed();
        let t = std::time::Instant::now();
        let view = TimeWindow::new(src.default_window(None), 1200.0);
        let l = src.layout(&view, &[false; 15]);
        println!(
            "10 000 milestones: sort {sorted:?}, layout {:?}, {} marks",
            t.elapsed(),
            l.marks().count()
        );
    }

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        let w = (ym(2017, 1), ym(2026, 12));
        let z = zoom(w, 0.5, 0.5);
        assert_eq!(z.1 - z.0 + 1, 60);
        assert_eq!(z, (ym(2019, 7), ym(2024, 6)));
        // Anchored at the left edge, the left edge stays.
        assert_eq!(zoom(w, 0.5, 0.0).0, w.0);
        // Never narrower than MIN_MONTHS or wider than MAX_MONTHS, never outside 1900-2200.
        let tiny = zoom(w, 0.001, 0.5);
        assert_eq!(tiny.1 - tiny.0 + 1, MIN_MONTHS);
        let huge = zoom(w, 1000.0, 0.5);
        assert_eq!(huge.1 - huge.0 + 1, MAX_MONTHS);
        assert!(huge.0 >= FIRST_MONTH);
        assert_eq!(pan(w, 12), (ym(2018, 1), ym(2027, 12)));
        assert_eq!(
            pan((ym(1900, 1), ym(1900, 12)), -5),
            (ym(1900, 1), ym(1900, 12))
        );
    }

    #[test]
    fn reveal_moves_the_window_only_when_needed() {
        let w = (ym(2020, 1), ym(2020, 12));
        assert_eq!(reveal(w, day("2020-06-01"), day("2020-06-01")), w);
        let moved = reveal(w, day("2024-06-01"), day("2024-06-30"));
        assert_eq!(moved.1 - moved.0, w.1 - w.0);
        assert!(moved.0 <= ym(2024, 6) && moved.1 >= ym(2024, 6));
    }

    #[test]
    fn default_window_covers_the_milestones_and_the_as_of_date() {
        let src = MarkSet::from_entries(
            vec![0],
            vec![entry(0, "2018-04-01", "2018-04-01", false, "a", 0)],
            1,
            0,
        );
        assert_eq!(
            src.default_window(Some(day("2021-10-06"))),
            (ym(2018, 1), ym(2021, 12))
        );
    }

    #[test]
    fn ticks_are_years_or_months_and_never_crowd() {
        let w = (ym(2007, 1), ym(2025, 12));
        let view = TimeWindow::new(w, 1200.0);
        let t = ticks(w, &view);
        assert_eq!(t[0].label, "2007");
        assert!(t.windows(2).all(|p| p[1].x - p[0].x >= 44.0));
        let narrow = TimeWindow::new(w, 300.0);
        let t = ticks(w, &narrow);
        assert!(t.len() < 10 && t.windows(2).all(|p| p[1].x - p[0].x >= 44.0));
        let w = (ym(2021, 1), ym(2021, 12));
        let t = ticks(w, &TimeWindow::new(w, 1200.0));
        assert_eq!(t[1].label, "2021-02");
    }
}
