//! Pointer, pinch and wheel input as pan and zoom steps (pure: views feed it event positions in
//! CSS px and apply what it returns). One module for both zoomable views: the timeline (1-D; it
//! feeds `y = 0`) and the map (2-D).
//!
//! - [`Pointers`] follows the pointers pressed on a view by pointer id: a press becomes a drag
//!   once it moves more than [`DRAG_THRESHOLD`]; two pointers pinch (zoom by the change of
//!   their distance, about their midpoint); the click that ends a drag or a pinch is not a click.
//! - [`wheel`] reads a wheel event as a zoom, a pan, or the page's own scrolling.
//! - [`Pending`] gathers zoom and pan while a gesture lasts, for a view that previews it as a
//!   transform and lays out once the gesture pauses (the timeline; the map applies each step).

use crate::geo::Point;

/// How far (CSS px) a press moves before it is a drag; a press that moves less is a click.
pub const DRAG_THRESHOLD: f64 = 4.0;
/// Fingers closer than this (px) count as this far apart, so a pinch never divides by almost
/// nothing.
const MIN_SPREAD: f64 = 10.0;
/// How long after a drag ends (ms) the click the browser sends is taken to be the drag's own.
/// The click follows the release at once; the limit only keeps a click that never came (touch
/// sends none after moving) from swallowing a later one, e.g. Enter on a focused mark.
const CLICK_AFTER_DRAG_MS: f64 = 300.0;
/// Wheel zoom per pixel of scroll: about 1.2x per wheel notch (100 px), symmetric in and out.
const WHEEL_ZOOM_PER_PX: f64 = 0.002;
/// Pixels per line, for wheels that scroll by lines (`deltaMode` 1).
const LINE_PX: f64 = 16.0;

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

fn minus(a: Point, b: Point) -> Point {
    Point::new(a.x - b.x, a.y - b.y)
}

/// What a pointer's move means for the view.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub enum Move {
    /// Nothing: a pointer not pressed here, one still within the drag threshold, or a third
    /// finger.
    Still,
    /// The one pointer drags: `total` since it was pressed, `step` since its last drag step.
    /// `began` on the move that crossed the threshold (the time to capture the pointer).
    Drag {
        total: Point,
        step: Point,
        began: bool,
    },
    /// Two pointers: their distance grew by `scale` (above 1: apart, zoom in) and their
    /// midpoint moved `from` → `to`. The view zooms by `scale` about `from` and pans by the
    /// move, so what was between the fingers stays between them.
    Pinch { scale: f64, from: Point, to: Point },
}

/// The pointers pressed on one view, by pointer id.
#[derive(Clone, Default)]
pub struct Pointers {
    /// In the order pressed, with their latest position.
    down: Vec<(i32, Point)>,
    /// Where the one pointer's drag started (or will start once past the threshold).
    origin: Point,
    dragging: bool,
    /// Two pointers moved since the last press: the release ends a pinch.
    pinched: bool,
    /// When the last drag or pinch ended (event time, ms): its click is not a click.
    ended_at: Option<f64>,
}

impl Pointers {
    /// A pointer pressed at `at`. A second pointer starts a pinch and abandons the drag of the
    /// first. Returns how many pointers are down.
    pub fn down(&mut self, id: i32, at: Point) -> usize {
        self.ended_at = None;
        self.down.retain(|p| p.0 != id);
        self.down.push((id, at));
        self.dragging = false;
        match self.down.len() {
            1 => {
                self.origin = at;
                self.pinched = false;
            }
            _ => self.pinched = true,
        }
        self.down.len()
    }

    /// A pointer moved to `at`.
    pub fn moved(&mut self, id: i32, at: Point) -> Move {
        let Some(k) = self.down.iter().position(|p| p.0 == id) else {
            return Move::Still;
        };
        let before = self.down[k].1;
        if self.down.len() >= 2 {
            if k > 1 {
                return Move::Still;
            }
            let other = self.down[1 - k].1;
            self.down[k].1 = at;
            let scale = dist(at, other).max(MIN_SPREAD) / dist(before, other).max(MIN_SPREAD);
            let mid = |p: Point| Point::new((p.x + other.x) / 2.0, (p.y + other.y) / 2.0);
            return Move::Pinch {
                scale,
                from: mid(before),
                to: mid(at),
            };
        }
        let total = minus(at, self.origin);
        let began = !self.dragging && dist(at, self.origin) > DRAG_THRESHOLD;
        if !(self.dragging || began) {
            return Move::Still;
        }
        self.dragging = true;
        self.down[k].1 = at;
        // The first step includes the moves within the threshold: the drag starts where pressed.
        let step = if began { total } else { minus(at, before) };
        Move::Drag { total, step, began }
    }

    /// A pointer released (or cancelled) at event time `time` (ms). Returns the drag's total
    /// move when this release ends one (the drag is then done: commit it).
    pub fn up(&mut self, id: i32, time: f64) -> Option<Point> {
        let k = self.down.iter().position(|p| p.0 == id)?;
        let (_, at) = self.down.remove(k);
        let ended_drag = self.dragging && self.down.is_empty();
        self.dragging = false;
        match self.down[..] {
            // After a pinch, the finger left behind starts a new drag from where it is.
            [(_, rest)] => self.origin = rest,
            [] if ended_drag || self.pinched => self.ended_at = Some(time),
            _ => {}
        }
        ended_drag.then(|| minus(at, self.origin))
    }

    /// Whether a click at event time `time` (ms) ends a drag or pinch and should be ignored.
    /// Answers yes once per gesture.
    pub fn ends_gesture(&mut self, time: f64) -> bool {
        let ended = self
            .ended_at
            .is_some_and(|t| (0.0..=CLICK_AFTER_DRAG_MS).contains(&(time - t)));
        self.ended_at = None;
        ended
    }

    /// How many pointers are down.
    pub fn count(&self) -> usize {
        self.down.len()
    }
}

/// What a view does with the wheel.
#[derive(Clone, Copy, PartialEq)]
pub enum WheelUse {
    /// Every wheel turn zooms (the map: the page never scrolls over it).
    Zoom,
    /// The wheel zooms only with Ctrl or Cmd (and a trackpad pinch, which browsers send as
    /// Ctrl+wheel); sideways scrolling pans; plain vertical scrolling scrolls the page (the
    /// timeline, which sits in a long page).
    ZoomWithKey,
}

/// What one wheel event does.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub enum Wheel {
    /// Zoom by `scale` (above 1: in).
    Zoom(f64),
    /// Pan the drawing by this many px (the wheel's own direction).
    Pan(Point),
    /// Not ours: leave the event to the page.
    Page,
}

/// Reads a wheel event: `delta` as the event gives it, in lines when `lines` (`deltaMode` 1),
/// `zoom_key` when Ctrl or Cmd is held.
pub fn wheel(delta: Point, lines: bool, zoom_key: bool, using: WheelUse) -> Wheel {
    let unit = if lines { LINE_PX } else { 1.0 };
    let (dx, dy) = (delta.x * unit, delta.y * unit);
    let zoom = match using {
        WheelUse::Zoom => true,
        WheelUse::ZoomWithKey => zoom_key,
    };
    if zoom {
        let x = (-dy * WHEEL_ZOOM_PER_PX).clamp(-1.0, 1.0);
        Wheel::Zoom(if x >= 0.0 { 1.0 + x } else { 1.0 / (1.0 - x) })
    } else if dx.abs() > dy.abs() {
        Wheel::Pan(Point::new(dx, dy))
    } else {
        Wheel::Page
    }
}

/// Zoom and pan gathered during a gesture and not yet laid out (1-D, along x).
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Pending {
    /// Magnification (above 1: zoomed in) about `anchor`, a fraction of the width (0: left edge).
    pub scale: f64,
    pub anchor: f64,
    /// Then a pan, px (positive: later, the drawing moves left).
    pub pan: f64,
}

impl Default for Pending {
    fn default() -> Pending {
        Pending {
            scale: 1.0,
            anchor: 0.5,
            pan: 0.0,
        }
    }
}

impl Pending {
    /// Zooms by `scale` about `anchor`; the first zoom of a gesture fixes the anchor.
    pub fn zoom(&mut self, scale: f64, anchor: f64) {
        if self.scale == 1.0 {
            self.anchor = anchor.clamp(0.0, 1.0);
        }
        self.scale *= scale;
    }

    pub fn pan(&mut self, px: f64) {
        self.pan += px;
    }

    /// Whether the zoom changed enough to lay out again.
    pub fn zooms(&self) -> bool {
        (self.scale - 1.0).abs() > 1e-3
    }

    /// The preview for a drawing `width` px wide: translate by the first value (px) after
    /// scaling by the second about the left edge, so the anchor stays put and the pan moves it.
    pub fn preview(&self, width: f64) -> (f64, f64) {
        let ax = self.anchor * width;
        (ax * (1.0 - self.scale) - self.pan, self.scale)
    }

    /// What was gathered, leaving nothing pending.
    pub fn take(&mut self) -> Pending {
        std::mem::take(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn a_press_that_moves_less_than_the_threshold_is_a_click() {
        let mut g = Pointers::default();
        g.down(1, p(100.0, 100.0));
        assert_eq!(g.moved(1, p(103.0, 102.0)), Move::Still);
        assert_eq!(g.up(1, 10.0), None);
        assert!(!g.ends_gesture(11.0), "a click without a drag is a click");
    }

    #[test]
    fn a_drag_starts_past_the_threshold_and_counts_from_the_press() {
        let mut g = Pointers::default();
        g.down(7, p(100.0, 50.0));
        assert_eq!(g.moved(7, p(102.0, 50.0)), Move::Still);
        assert_eq!(
            g.moved(7, p(106.0, 53.0)),
            Move::Drag {
                total: p(6.0, 3.0),
                step: p(6.0, 3.0),
                began: true
            }
        );
        assert_eq!(
            g.moved(7, p(110.0, 53.0)),
            Move::Drag {
                total: p(10.0, 3.0),
                step: p(4.0, 0.0),
                began: false
            }
        );
        // Once dragging, even a move back within the threshold still drags.
        assert!(matches!(
            g.moved(7, p(101.0, 50.0)),
            Move::Drag { began: false, .. }
        ));
        assert_eq!(g.up(7, 1000.0), Some(p(1.0, 0.0)));
    }

    #[test]
    fn the_click_that_ends_a_drag_is_ignored_once_and_only_soon_after() {
        let mut g = Pointers::default();
        g.down(1, p(0.0, 0.0));
        g.moved(1, p(50.0, 0.0));
        assert!(g.up(1, 1000.0).is_some());
        assert!(g.ends_gesture(1001.0));
        assert!(!g.ends_gesture(1002.0), "only the one click");
        // A touch drag sends no click: a much later click (Enter on a mark) is a click.
        g.down(1, p(0.0, 0.0));
        g.moved(1, p(50.0, 0.0));
        g.up(1, 2000.0);
        assert!(!g.ends_gesture(2000.0 + CLICK_AFTER_DRAG_MS + 1.0));
        // A new press forgets the drag before it.
        g.down(1, p(0.0, 0.0));
        g.moved(1, p(50.0, 0.0));
        g.up(1, 3000.0);
        g.down(2, p(5.0, 5.0));
        g.up(2, 3001.0);
        assert!(!g.ends_gesture(3002.0));
    }

    #[test]
    fn pointers_are_told_apart_by_id() {
        let mut g = Pointers::default();
        assert_eq!(g.moved(3, p(10.0, 10.0)), Move::Still, "not pressed here");
        assert_eq!(g.up(3, 0.0), None);
        assert_eq!(g.down(3, p(0.0, 0.0)), 1);
        assert_eq!(g.down(3, p(1.0, 0.0)), 1, "the same pointer pressed again");
        assert_eq!(g.down(4, p(100.0, 0.0)), 2);
        assert_eq!(g.down(5, p(200.0, 0.0)), 3);
        assert_eq!(g.moved(5, p(300.0, 0.0)), Move::Still, "a third finger");
        assert_eq!(g.count(), 3);
    }

    #[test]
    fn two_pointers_pinch_about_their_midpoint() {
        let mut g = Pointers::default();
        g.down(1, p(100.0, 100.0));
        g.down(2, p(200.0, 100.0));
        // Apart: from 100 px to 200 px is twice as far; the midpoint follows the finger.
        assert_eq!(
            g.moved(2, p(300.0, 100.0)),
            Move::Pinch {
                scale: 2.0,
                from: p(150.0, 100.0),
                to: p(200.0, 100.0)
            }
        );
        // Together, in two dimensions: 200 px to 100 px.
        let Move::Pinch { scale, from, to } = g.moved(1, p(300.0, 200.0)) else {
            panic!("a pinch");
        };
        assert!((scale - 0.5).abs() < 1e-9, "{scale}");
        assert_eq!((from, to), (p(200.0, 100.0), p(300.0, 150.0)));
        // Fingers meeting do not divide by zero.
        let Move::Pinch { scale, .. } = g.moved(1, p(300.0, 100.0)) else {
            panic!("a pinch");
        };
        assert!(scale.is_finite() && scale > 0.0);
    }

    #[test]
    fn a_second_finger_abandons_the_drag_and_the_finger_left_drags_anew() {
        let mut g = Pointers::default();
        g.down(1, p(0.0, 0.0));
        assert!(matches!(g.moved(1, p(40.0, 0.0)), Move::Drag { .. }));
        g.down(2, p(100.0, 0.0));
        g.moved(2, p(150.0, 0.0));
        assert_eq!(g.up(2, 500.0), None, "ending a pinch commits no drag");
        // The finger left behind starts from where it is, past the threshold again.
        assert_eq!(g.moved(1, p(42.0, 0.0)), Move::Still);
        assert_eq!(
            g.moved(1, p(60.0, 0.0)),
            Move::Drag {
                total: p(20.0, 0.0),
                step: p(20.0, 0.0),
                began: true
            }
        );
        assert_eq!(g.up(1, 600.0), Some(p(20.0, 0.0)));
        assert!(g.ends_gesture(601.0));
    }

    #[test]
    fn lifting_both_fingers_of_a_pinch_eats_its_click() {
        let mut g = Pointers::default();
        g.down(1, p(0.0, 0.0));
        g.down(2, p(100.0, 0.0));
        g.moved(2, p(120.0, 0.0));
        g.up(1, 100.0);
        assert_eq!(g.up(2, 101.0), None);
        assert!(g.ends_gesture(102.0));
    }

    #[test]
    fn the_map_zooms_with_any_wheel_turn() {
        let notch = wheel(p(0.0, -100.0), false, false, WheelUse::Zoom);
        assert_eq!(notch, Wheel::Zoom(1.2));
        let Wheel::Zoom(out) = wheel(p(0.0, 100.0), false, false, WheelUse::Zoom) else {
            panic!("a zoom");
        };
        assert!((out * 1.2 - 1.0).abs() < 1e-9, "in and out are symmetric");
        // Lines are 16 px; a huge delta is at most 2x.
        assert_eq!(
            wheel(p(0.0, -5.0), true, false, WheelUse::Zoom),
            Wheel::Zoom(1.16)
        );
        assert_eq!(
            wheel(p(0.0, -1e6), false, false, WheelUse::Zoom),
            Wheel::Zoom(2.0)
        );
    }

    #[test]
    fn the_timeline_zooms_with_a_key_pans_sideways_and_leaves_scrolling_to_the_page() {
        let using = WheelUse::ZoomWithKey;
        assert_eq!(wheel(p(0.0, 100.0), false, false, using), Wheel::Page);
        assert_eq!(
            wheel(p(30.0, 5.0), false, false, using),
            Wheel::Pan(p(30.0, 5.0))
        );
        assert_eq!(wheel(p(0.0, -100.0), false, true, using), Wheel::Zoom(1.2));
    }

    #[test]
    fn pending_zoom_keeps_its_anchor_in_place_and_pans_after() {
        let mut g = Pending::default();
        assert!(!g.zooms());
        g.zoom(2.0, 0.25);
        g.zoom(1.5, 0.9); // the anchor of a gesture is its first
        assert!(g.zooms());
        assert_eq!(g.anchor, 0.25);
        let (dx, s) = g.preview(800.0);
        assert_eq!(s, 3.0);
        // The anchor (x = 200) maps onto itself.
        assert!((200.0 * s + dx - 200.0).abs() < 1e-9);
        g.pan(30.0);
        let (dx2, _) = g.preview(800.0);
        assert_eq!(dx2, dx - 30.0);
        let taken = g.take();
        assert_eq!(taken.scale, 3.0);
        assert_eq!(g, Pending::default());
        assert_eq!(g.preview(500.0), (0.0, 1.0));
    }
}
