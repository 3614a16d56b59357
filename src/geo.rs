//! Map projection and geometry (pure): where a latitude/longitude lands on the map, the visible
//! window (pan and zoom), marker sizes, and the layout that spreads overlapping markers apart
//! (with leader lines back to their true positions) and places labels without overlaps.
//!
//! Map units: the whole extent is `WIDTH` x `HEIGHT` units (one unit is about 65 m), y down.
//! The base map in `geo/hk.txt` is pre-projected into these units by `tools/map_build.py`.
//! Screen layout works in CSS pixels of the rendered map.

/// The extent (degrees). Keep in step with `tools/map_build.py` (a test reads its header).
pub const LON_MIN: f64 = 113.82;
pub const LON_MAX: f64 = 114.45;
pub const LAT_MIN: f64 = 22.14;
pub const LAT_MAX: f64 = 22.58;
pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 755.0;
/// The deepest zoom (the view is then 1/MAX_ZOOM of the extent wide).
pub const MAX_ZOOM: f64 = 16.0;

/// Pre-projected, simplified base map: one line per layer, "name <svg path data>".
const BASE_MAP: &str = include_str!("geo/hk.txt");

/// Metres per degree of latitude (spherical earth, mean radius 6 371 km).
const METRES_PER_DEGREE: f64 = 111_195.0;

/// cos(22.36 degrees), the middle latitude: the x scale of the equirectangular projection.
/// A literal so the wasm needs no trigonometry (the tests check it against `f64::cos`).
const K: f64 = 0.924_811_845_594_415;

fn k() -> f64 {
    K
}

fn len(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// (cos a, sin a) for a in [0, 2 pi], by Taylor series around pi (error < 1e-11): layout needs
/// no more, and it keeps libm's trigonometry out of the wasm.
fn cos_sin(a: f64) -> (f64, f64) {
    let x = a - std::f64::consts::PI;
    let (mut c, mut s, mut tc, mut ts) = (0.0, 0.0, 1.0, x);
    for n in 0..12 {
        let k = (2 * n + 1) as f64;
        c += tc;
        s += ts;
        tc *= -x * x / (k * (k + 1.0));
        ts *= -x * x / ((k + 1.0) * (k + 2.0));
    }
    (-c, -s)
}

/// A number that orders directions like their angle (-pi..pi], without trigonometry.
fn pseudo_angle(dx: f64, dy: f64) -> f64 {
    let p = dx / (dx.abs() + dy.abs());
    if dy < 0.0 {
        p - 1.0
    } else {
        1.0 - p
    }
}

/// Map units per degree of latitude.
fn scale() -> f64 {
    WIDTH / ((LON_MAX - LON_MIN) * k())
}

#[derive(Clone, Copy, PartialEq, Default)]
#[cfg_attr(test, derive(Debug))]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
    fn dist(self, o: Point) -> f64 {
        len(self.x - o.x, self.y - o.y)
    }
}

/// Latitude/longitude to map units (the same formula as the generator).
pub fn project(lat: f64, lon: f64) -> Point {
    // A position far off the map (bad data) is held a little outside its edge: a path never
    // gets an infinite or NaN coordinate.
    let hold = |v: f64, lo: f64, hi: f64| match v.is_finite() {
        true => v.clamp(lo - 1.0, hi + 1.0),
        false => (lo + hi) / 2.0,
    };
    let (lat, lon) = (hold(lat, LAT_MIN, LAT_MAX), hold(lon, LON_MIN, LON_MAX));
    let s = scale();
    Point::new((lon - LON_MIN) * k() * s, (LAT_MAX - lat) * s)
}

/// A ground distance in map units.
pub fn metres_to_units(m: f64) -> f64 {
    m / METRES_PER_DEGREE * scale()
}

/// The radius in map units of a circle of `ha` hectares (for drawing a stated area to scale).
pub fn area_radius_units(ha: f64) -> f64 {
    let ha = if ha.is_finite() {
        ha.clamp(0.0, 1e6)
    } else {
        0.0
    };
    metres_to_units((ha * 10_000.0 / std::f64::consts::PI).sqrt())
}

/// The base map's layers in drawing order: ("cn" | "hk" | "border" | "districts", path data).
pub fn base_layers() -> impl Iterator<Item = (&'static str, &'static str)> {
    BASE_MAP
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
}

/// Most a marker's radius grows with its area, in CSS px (an area of 3 600 ha or more).
const MAX_MARKER_GROWTH: f64 = 60.0;

/// Marker radius in CSS pixels: the marker's area grows with the stated hectares (radius with
/// their square root), above a floor; sites with no stated area get the fixed smallest size.
pub fn marker_radius(area_ha: Option<f64>) -> f64 {
    match area_ha {
        Some(a) if a > 0.0 => 6.0 + a.sqrt().min(MAX_MARKER_GROWTH),
        _ => 5.5,
    }
}

/// How each status is painted on the map, in `Status::ALL` order (proposed, planned, under way,
/// launched, completed): a colour and a pattern of white marks in a 4-unit cell, so markers and
/// their key do not rely on colour alone (WCAG 1.4.1): dots, diagonal lines, horizontal lines,
/// solid, a grid.
pub const STATUS_PAINT: [(&str, &str); 5] = [
    ("#8a6d00", "<circle cx='2' cy='2' r='0.85' fill='#fff'/>"),
    (
        "#1d4f91",
        "<path d='M-1 1l2-2M0 4l4-4M3 5l2-2' stroke='#fff' stroke-width='0.7'/>",
    ),
    (
        "#b3470b",
        "<path d='M0 2h4' stroke='#fff' stroke-width='0.9'/>",
    ),
    ("#00703c", ""),
    (
        "#505a5f",
        "<path d='M0 2h4M2 0v4' stroke='#fff' stroke-width='0.6'/>",
    ),
];

/// A marker's picture: a pie of its items' statuses (`counts` in `Status::ALL` order), each slice
/// in its status's colour and pattern, as a CSS `url()` of an SVG data URL, with the colour of the
/// largest share for a fallback `background-color`. `None` when there are no items.
///
/// Slices are dashes of one circle's stroke (radius 5, width 10: the whole disc), so no
/// trigonometry is needed (the wasm carries none).
pub fn pie_image(counts: [usize; 5]) -> Option<(String, &'static str)> {
    let total: usize = counts.iter().sum();
    if total == 0 {
        return None;
    }
    let main = (0..5).max_by_key(|&i| (counts[i], 5 - i)).unwrap_or(0);
    // Circumference of the radius-5 circle.
    const C: f64 = 31.415_926_535_897_93;
    let mut defs = String::new();
    let mut slices = String::new();
    let mut at = 0usize;
    for (i, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let (colour, marks) = STATUS_PAINT[i];
        defs.push_str(&format!(
            "<pattern id='s{i}' width='4' height='4' patternUnits='userSpaceOnUse'>\
             <rect width='4' height='4' fill='{colour}'/>{marks}</pattern>"
        ));
        let (start, len) = (at as f64 / total as f64 * C, n as f64 / total as f64 * C);
        at += n;
        slices.push_str(&format!(
            "<circle cx='10' cy='10' r='5' fill='none' stroke='url(#s{i})' stroke-width='10' \
             stroke-dasharray='{len:.3} {C:.3}' stroke-dashoffset='{:.3}' \
             transform='rotate(-90 10 10)'/>",
            -start
        ));
    }
    let svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 20'><defs>{defs}</defs>{slices}</svg>"
    );
    let encoded = svg
        .replace('%', "%25")
        .replace('#', "%23")
        .replace('<', "%3C")
        .replace('>', "%3E");
    Some((
        format!("url(\"data:image/svg+xml,{encoded}\")"),
        STATUS_PAINT[main].0,
    ))
}

/// SVG path data for a circle (two arcs), for drawing many circles as one path.
pub fn circle_path(c: Point, r: f64) -> String {
    format!(
        "M{:.1} {:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0",
        c.x - r,
        c.y,
        2.0 * r,
        -2.0 * r
    )
}

/// Leader lines of moved markers (from the true position to the marker) and the dots at their
/// true positions, as two path data strings.
pub fn leader_path<'a>(placed: impl Iterator<Item = &'a PlacedMarker>) -> (String, String) {
    let (mut lines, mut dots) = (String::new(), String::new());
    for p in placed.filter(|p| p.moved()) {
        let (a, c) = (p.anchor, p.centre);
        lines.push_str(&format!("M{:.1} {:.1}L{:.1} {:.1}", a.x, a.y, c.x, c.y));
        dots.push_str(&circle_path(a, 2.5));
    }
    (lines, dots)
}

/// The visible window of the map (an SVG viewBox) in map units. Its aspect is the extent's.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub w: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport::FULL
    }
}

impl Viewport {
    /// The whole extent.
    pub const FULL: Viewport = Viewport {
        x: 0.0,
        y: 0.0,
        w: WIDTH,
    };

    pub fn h(&self) -> f64 {
        self.w * HEIGHT / WIDTH
    }
    pub fn zoom(&self) -> f64 {
        WIDTH / self.w
    }
    /// The SVG `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("{:.2} {:.2} {:.2} {:.2}", self.x, self.y, self.w, self.h())
    }
    /// Keeps the zoom within 1..=MAX_ZOOM and the window inside the extent.
    fn clamped(self) -> Viewport {
        let w = self.w.clamp(WIDTH / MAX_ZOOM, WIDTH);
        let h = w * HEIGHT / WIDTH;
        Viewport {
            x: self.x.clamp(0.0, WIDTH - w),
            y: self.y.clamp(0.0, HEIGHT - h),
            w,
        }
    }
    /// Zooms in by `factor` (< 1 zooms out) keeping the map point `at` where it is on screen.
    pub fn zoom_at(self, at: Point, factor: f64) -> Viewport {
        let w = (self.w / factor).clamp(WIDTH / MAX_ZOOM, WIDTH);
        let f = w / self.w;
        Viewport {
            x: at.x - (at.x - self.x) * f,
            y: at.y - (at.y - self.y) * f,
            w,
        }
        .clamped()
    }
    /// Zooms around the middle of the window.
    pub fn zoom_centre(self, factor: f64) -> Viewport {
        let c = Point::new(self.x + self.w / 2.0, self.y + self.h() / 2.0);
        self.zoom_at(c, factor)
    }
    /// Moves the window by a distance in map units.
    pub fn pan(self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            w: self.w,
        }
        .clamped()
    }
    /// Map units per CSS pixel when the window is drawn `px_width` pixels wide.
    pub fn units_per_px(&self, px_width: f64) -> f64 {
        self.w / px_width.max(1.0)
    }
    /// A map point in CSS pixels from the top-left of the drawn map.
    pub fn to_px(&self, p: Point, px_width: f64) -> Point {
        let s = px_width / self.w;
        Point::new((p.x - self.x) * s, (p.y - self.y) * s)
    }
    /// A pixel position on the drawn map back to map units.
    pub fn to_map(&self, px: Point, px_width: f64) -> Point {
        let u = self.units_per_px(px_width);
        Point::new(self.x + px.x * u, self.y + px.y * u)
    }
}

/// One marker to lay out: its true position (map units), radius and label width (CSS px).
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct MarkerIn {
    pub at: Point,
    pub r: f64,
    pub label_w: f64,
}

/// A label's box in CSS px (top-left corner and size).
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    fn hits_circle(&self, c: Point, r: f64) -> bool {
        let nx = c.x.clamp(self.x, self.x + self.w);
        let ny = c.y.clamp(self.y, self.y + self.h);
        Point::new(nx, ny).dist(c) < r
    }
    fn inside(&self, w: f64, h: f64) -> bool {
        self.x >= 0.0 && self.y >= 0.0 && self.x + self.w <= w && self.y + self.h <= h
    }
}

/// Where a marker is drawn (CSS px): its centre, its true position, and its label if one fits.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct PlacedMarker {
    pub centre: Point,
    pub anchor: Point,
    pub label: Option<Rect>,
}

impl PlacedMarker {
    /// Whether the marker was moved off its true position (draw a leader line).
    pub fn moved(&self) -> bool {
        self.centre.dist(self.anchor) > 0.5
    }
}

/// Space kept between markers (px).
const GAP: f64 = 3.0;

/// Lays markers out for a window drawn `size` CSS px wide and high. Markers whose circles
/// overlap are spread evenly on a ring around their common centre (keeping their compass order),
/// then labels (`label_h` px high) go to the first free spot around each marker, preferring the
/// side away from the ring's centre; a label that fits nowhere is left out (the marker keeps its
/// accessible name and the site list names it).
pub fn layout(
    markers: &[MarkerIn],
    vp: &Viewport,
    size: (f64, f64),
    label_h: f64,
) -> Vec<PlacedMarker> {
    let n = markers.len();
    let anchors: Vec<Point> = markers.iter().map(|m| vp.to_px(m.at, size.0)).collect();
    let mut pos = anchors.clone();
    // Direction each label prefers (unit vector); (1, 0) = to the right.
    let mut prefer: Vec<Point> = vec![Point::new(1.0, 0.0); n];
    let touching = |pos: &[Point], i: usize, j: usize| {
        pos[i].dist(pos[j]) < markers[i].r + markers[j].r + GAP - 0.01
    };
    // Groups can grow into their neighbours: repeat until nothing overlaps (or give up).
    for _ in 0..6 {
        let groups = groups(n, |i, j| touching(&pos, i, j));
        if groups.iter().all(|g| g.len() < 2) {
            break;
        }
        for g in groups.iter().filter(|g| g.len() > 1) {
            spread(g, markers, &anchors, &mut pos, &mut prefer);
        }
    }
    // Whatever still overlaps (crowded small screens) is pushed apart pairwise.
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let need = markers[i].r + markers[j].r + GAP;
                let (dx, dy) = (pos[j].x - pos[i].x, pos[j].y - pos[i].y);
                let d = len(dx, dy);
                if d < need - 0.01 {
                    let (ux, uy) = if d < 1e-6 {
                        (1.0, 0.0)
                    } else {
                        (dx / d, dy / d)
                    };
                    let push = (need - d) / 2.0 + 0.01;
                    pos[i] = Point::new(pos[i].x - ux * push, pos[i].y - uy * push);
                    pos[j] = Point::new(pos[j].x + ux * push, pos[j].y + uy * push);
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    // Labels: larger markers first (they are the paper's big sites).
    let mut order: Vec<usize> = (0..n).collect();
    crate::order::sort_by_key(&mut order, |&i| -markers[i].r);
    let mut labels: Vec<Option<Rect>> = vec![None; n];
    let mut taken: Vec<Rect> = Vec::new();
    for &i in &order {
        let (c, r, w) = (pos[i], markers[i].r, markers[i].label_w);
        let d = r + 3.0;
        let candidates = [
            Rect {
                x: c.x + d,
                y: c.y - label_h / 2.0,
                w,
                h: label_h,
            },
            Rect {
                x: c.x - d - w,
                y: c.y - label_h / 2.0,
                w,
                h: label_h,
            },
            Rect {
                x: c.x - w / 2.0,
                y: c.y - d - label_h,
                w,
                h: label_h,
            },
            Rect {
                x: c.x - w / 2.0,
                y: c.y + d,
                w,
                h: label_h,
            },
            Rect {
                x: c.x + d * 0.7,
                y: c.y - d * 0.7 - label_h,
                w,
                h: label_h,
            },
            Rect {
                x: c.x + d * 0.7,
                y: c.y + d * 0.7,
                w,
                h: label_h,
            },
            Rect {
                x: c.x - d * 0.7 - w,
                y: c.y - d * 0.7 - label_h,
                w,
                h: label_h,
            },
            Rect {
                x: c.x - d * 0.7 - w,
                y: c.y + d * 0.7,
                w,
                h: label_h,
            },
        ];
        // Try the side facing the preferred direction first.
        let p = prefer[i];
        let mut ranked: Vec<usize> = (0..candidates.len()).collect();
        crate::order::sort_by_key(&mut ranked, |&k| {
            let r = &candidates[k];
            let v = Point::new(r.x + r.w / 2.0 - c.x, r.y + r.h / 2.0 - c.y);
            -(v.x * p.x + v.y * p.y) / len(v.x, v.y).max(1e-9)
        });
        let free = ranked.into_iter().map(|k| &candidates[k]).find(|rect| {
            rect.inside(size.0, size.1)
                && !taken.iter().any(|t| t.overlaps(rect))
                && !(0..n).any(|j| rect.hits_circle(pos[j], markers[j].r + 1.0))
        });
        if let Some(rect) = free {
            taken.push(*rect);
            labels[i] = Some(*rect);
        }
    }
    (0..n)
        .map(|i| PlacedMarker {
            centre: pos[i],
            anchor: anchors[i],
            label: labels[i],
        })
        .collect()
}

/// Connected groups of `0..n` under `linked` (each group in ascending order).
fn groups(n: usize, linked: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..n).collect();
    fn root(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if linked(i, j) {
                let (a, b) = (root(&mut group, i), root(&mut group, j));
                group[a.max(b)] = a.min(b);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = root(&mut group, i);
        match slot[r] {
            Some(s) => out[s].push(i),
            None => {
                slot[r] = Some(out.len());
                out.push(vec![i]);
            }
        }
    }
    out
}

/// Puts a group of markers evenly on a ring around the centre of their true positions, in the
/// compass order of those positions, with a radius that keeps neighbours `GAP` apart.
fn spread(
    g: &[usize],
    markers: &[MarkerIn],
    anchors: &[Point],
    pos: &mut [Point],
    prefer: &mut [Point],
) {
    let k = g.len() as f64;
    let centre = Point::new(
        g.iter().map(|&i| anchors[i].x).sum::<f64>() / k,
        g.iter().map(|&i| anchors[i].y).sum::<f64>() / k,
    );
    // Compass order of the members around the centre; coincident points keep index order.
    let dir = |i: usize| {
        let (dx, dy) = (anchors[i].x - centre.x, anchors[i].y - centre.y);
        let d = len(dx, dy);
        (d > 1e-6).then(|| Point::new(dx / d, dy / d))
    };
    let mut ring: Vec<usize> = g.to_vec();
    crate::order::sort_by_key(&mut ring, |&i| match dir(i) {
        Some(u) => pseudo_angle(u.x, u.y),
        None => 3.0 + i as f64,
    });
    let (cs, sn) = cos_sin(std::f64::consts::TAU / k);
    // Radius: neighbours on the ring must not touch (chord = 2 R sin(step / 2) >= r_a + r_b +
    // GAP), and the ring must be wide enough for the biggest marker to clear the centre.
    let m = ring.len();
    let half_sin = ((1.0 - cs) / 2.0).sqrt();
    let mut radius: f64 = ring.iter().map(|&i| markers[i].r).fold(0.0, f64::max);
    for s in 0..m {
        let (a, b) = (ring[s], ring[(s + 1) % m]);
        radius = radius.max((markers[a].r + markers[b].r + GAP) / (2.0 * half_sin));
    }
    // Rotate the ring to match the members' true directions as well as possible: the mean of
    // each member's direction turned back by its slot's angle.
    let (mut sx, mut sy) = (0.0, 0.0);
    let mut rot = Point::new(1.0, 0.0);
    for &i in &ring {
        if let Some(u) = dir(i) {
            sx += u.x * rot.x + u.y * rot.y;
            sy += u.y * rot.x - u.x * rot.y;
        }
        rot = Point::new(rot.x * cs - rot.y * sn, rot.x * sn + rot.y * cs);
    }
    let d = len(sx, sy);
    let mut u = if d > 1e-9 {
        Point::new(sx / d, sy / d)
    } else {
        Point::new(1.0, 0.0)
    };
    for &i in &ring {
        pos[i] = Point::new(centre.x + radius * u.x, centre.y + radius * u.y);
        prefer[i] = u;
        u = Point::new(u.x * cs - u.y * sn, u.x * sn + u.y * cs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses the generator's path data ("M x y l dx dy ... z") into rings of absolute points.
    fn rings(d: &str) -> Vec<Vec<Point>> {
        let mut out: Vec<Vec<Point>> = Vec::new();
        let mut nums: Vec<f64> = Vec::new();
        let mut cmd = ' ';
        let mut num = String::new();
        let flush = |num: &mut String, nums: &mut Vec<f64>| {
            if !num.is_empty() {
                nums.push(num.parse().unwrap());
                num.clear();
            }
        };
        let emit = |cmd: char, nums: &mut Vec<f64>, out: &mut Vec<Vec<Point>>| {
            match cmd {
                'M' => out.push(vec![Point::new(nums[0], nums[1])]),
                'l' => {
                    let ring = out.last_mut().unwrap();
                    for pair in nums.chunks(2) {
                        let last = *ring.last().unwrap();
                        ring.push(Point::new(last.x + pair[0], last.y + pair[1]));
                    }
                }
                _ => {}
            }
            nums.clear();
        };
        for c in d.chars() {
            match c {
                'M' | 'l' | 'z' => {
                    flush(&mut num, &mut nums);
                    emit(cmd, &mut nums, &mut out);
                    cmd = c;
                }
                '-' => {
                    flush(&mut num, &mut nums);
                    num.push('-');
                }
                ' ' => flush(&mut num, &mut nums),
                _ => num.push(c),
            }
        }
        flush(&mut num, &mut nums);
        emit(cmd, &mut nums, &mut out);
        out
    }

    fn layer(name: &str) -> &'static str {
        base_layers().find(|l| l.0 == name).unwrap().1
    }

    /// Even-odd point in polygon over all rings of a layer.
    fn on_land(layer_name: &str, p: Point) -> bool {
        let mut inside = false;
        for ring in rings(layer(layer_name)) {
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
                {
                    inside = !inside;
                }
            }
        }
        inside
    }

    #[test]
    fn generator_used_the_same_projection() {
        let header = BASE_MAP.lines().nth(1).unwrap();
        let expected =
            format!("# extent {LON_MIN} {LON_MAX} {LAT_MIN} {LAT_MAX} size {WIDTH} {HEIGHT} ");
        assert!(header.starts_with(&expected), "{header}");
        // The generator's HEIGHT is rounded from the same formula.
        assert_eq!((project(LAT_MIN, LON_MIN).y).round(), HEIGHT);
    }

    #[test]
    fn trigonometry_substitutes_are_exact_enough() {
        assert!((K - 22.36f64.to_radians().cos()).abs() < 1e-12);
        for i in 0..=64 {
            let a = std::f64::consts::TAU * i as f64 / 64.0;
            let (c, s) = cos_sin(a);
            assert!(
                (c - a.cos()).abs() < 1e-9 && (s - a.sin()).abs() < 1e-9,
                "{a}"
            );
            let (x, y) = (a.cos(), a.sin());
            let b = std::f64::consts::TAU * (i + 1) as f64 / 64.0 - 1e-9;
            let next = (b.cos(), b.sin());
            if a > 0.0 && b < std::f64::consts::PI || a > std::f64::consts::PI {
                assert!(pseudo_angle(x, y) < pseudo_angle(next.0, next.1), "{a}");
            }
        }
        let mut v = vec![0, 1, 2, 3];
        crate::order::sort_by_key(&mut v, |&i| [2.0, 1.0, 2.0, 0.0][i]);
        assert_eq!(v, [3, 1, 0, 2]);
    }

    #[test]
    fn extent_corners_land_on_the_view_corners() {
        let tl = project(LAT_MAX, LON_MIN);
        let br = project(LAT_MIN, LON_MAX);
        assert!(tl.x.abs() < 1e-9 && tl.y.abs() < 1e-9);
        assert!((br.x - WIDTH).abs() < 1e-9);
        assert!((br.y - HEIGHT).abs() < 0.5);
    }

    #[test]
    fn a_kilometre_is_the_same_length_east_and_north() {
        // 0.01 degree of longitude at 22.36 N is cos(22.36) of 0.01 degree of latitude.
        let a = project(22.36, 114.1);
        let east = project(22.36, 114.11);
        let north = project(22.37, 114.1);
        let ratio = (east.x - a.x) / (a.y - north.y);
        assert!((ratio - 22.36f64.to_radians().cos()).abs() < 1e-9);
        // ~65 m per unit, so 1 km is ~15.4 units.
        assert!((metres_to_units(1000.0) - 15.43).abs() < 0.05);
    }

    #[test]
    fn known_places_are_on_land_or_in_the_sea() {
        // Tai Mo Shan summit, Lantau Peak, Sha Tin town centre, Kam Tin.
        for (lat, lon) in [
            (22.4107, 114.1244),
            (22.2555, 113.9199),
            (22.3817, 114.1877),
            (22.4440, 114.0600),
        ] {
            assert!(
                on_land("hk", project(lat, lon)),
                "{lat},{lon} should be HK land"
            );
        }
        // Victoria Harbour, the South China Sea south of Lamma, Tolo Harbour.
        for (lat, lon) in [
            (22.2905, 114.1700),
            (22.1600, 114.1300),
            (22.4500, 114.2400),
        ] {
            let p = project(lat, lon);
            let (hk, cn) = (on_land("hk", p), on_land("cn", p));
            assert!(!hk && !cn, "{lat},{lon} should be sea ({hk} {cn})");
        }
        // Futian, Shenzhen is mainland, not Hong Kong.
        let futian = project(22.5400, 114.0500);
        assert!(on_land("cn", futian) && !on_land("hk", futian));
    }

    #[test]
    fn base_map_fits_the_extent_and_stays_small() {
        let names: Vec<&str> = base_layers().map(|l| l.0).collect();
        assert_eq!(names, ["cn", "hk", "border", "districts"]);
        for (name, d) in base_layers() {
            for ring in rings(d) {
                for p in ring {
                    assert!(
                        (-5.0..=WIDTH + 5.0).contains(&p.x) && (-5.0..=HEIGHT + 5.0).contains(&p.y),
                        "{name}: {p:?} outside the extent"
                    );
                }
            }
        }
        assert!(
            BASE_MAP.len() < 6_000,
            "base map grew to {} bytes",
            BASE_MAP.len()
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor_and_stays_inside() {
        let at = Point::new(600.0, 300.0);
        let vp = Viewport::FULL.zoom_at(at, 4.0);
        assert_eq!(vp.w, 250.0);
        // `at` is still 60% across and 300/755 down.
        assert!(((at.x - vp.x) / vp.w - 0.6).abs() < 1e-9);
        assert!(((at.y - vp.y) / vp.h() - 300.0 / HEIGHT).abs() < 1e-9);
        // Zoom is clamped both ways, and the window never leaves the extent.
        assert_eq!(Viewport::FULL.zoom_centre(0.5), Viewport::FULL);
        assert_eq!(vp.zoom_at(at, 1000.0).zoom(), MAX_ZOOM);
        let far = vp.pan(5000.0, -5000.0);
        assert_eq!((far.x, far.y), (WIDTH - vp.w, 0.0));
        // Pixels and map units convert both ways.
        let px = vp.to_px(at, 800.0);
        assert!(vp.to_map(px, 800.0).dist(at) < 1e-9);
    }

    #[test]
    fn bigger_areas_get_bigger_markers() {
        let r = |a| marker_radius(Some(a));
        assert!(r(540.0) > r(240.0) && r(240.0) > r(88.0) && r(88.0) > r(4.0) && r(4.0) > r(2.5));
        assert!(marker_radius(None) < r(2.5));
        assert_eq!(marker_radius(Some(0.0)), marker_radius(None));
        // Marker area is proportional to hectares above the floor: r - 6 = sqrt(ha).
        assert!(((r(240.0) - 6.0).powi(2) - 240.0).abs() < 1e-9);
    }

    #[test]
    fn pie_divides_by_share_with_a_pattern_per_status() {
        assert_eq!(pie_image([0; 5]), None);
        let (one, fallback) = pie_image([0, 0, 0, 2, 0]).expect("one status");
        assert_eq!(fallback, STATUS_PAINT[3].0);
        assert!(one.starts_with("url(\"data:image/svg+xml,%3Csvg"));
        assert_eq!(one.matches("%3Cpattern").count(), 1);
        assert!(
            !one.contains('#') && !one.contains('<'),
            "encoded for a URL"
        );
        // A quarter planned, three quarters launched: dashes of a quarter and three quarters of
        // the circumference, the second starting where the first ends.
        let (two, fallback) = pie_image([0, 1, 0, 3, 0]).expect("two statuses");
        assert_eq!(fallback, STATUS_PAINT[3].0);
        assert!(two.contains("stroke-dasharray='7.854 31.416' stroke-dashoffset='-0.000'"));
        assert!(two.contains("stroke-dasharray='23.562 31.416' stroke-dashoffset='-7.854'"));
        // Every status has its own pattern (or none: solid), so no two look alike in grey.
        let marks: std::collections::HashSet<_> = STATUS_PAINT.iter().map(|p| p.1).collect();
        assert_eq!(marks.len(), 5);
    }

    #[test]
    fn leaders_only_for_moved_markers() {
        let still = PlacedMarker {
            centre: Point::new(10.0, 10.0),
            anchor: Point::new(10.0, 10.0),
            label: None,
        };
        let moved = PlacedMarker {
            centre: Point::new(30.0, 10.0),
            anchor: Point::new(20.0, 10.0),
            label: None,
        };
        let (lines, dots) = leader_path([still, moved].iter());
        assert_eq!(lines, "M20.0 10.0L30.0 10.0");
        assert_eq!(dots, "M17.5 10.0a2.5 2.5 0 1 0 5.0 0a2.5 2.5 0 1 0 -5.0 0");
    }

    /// The real sites' positions (lat, lon, area) from the dataset.
    fn sites() -> Vec<(String, MarkerIn)> {
        let text = std::fs::read_to_string("public/data/policy-2021.json").unwrap();
        let data = crate::model::Dataset::from_json(&text).unwrap();
        data.sites
            .iter()
            .map(|s| {
                let m = MarkerIn {
                    at: project(s.lat, s.lon),
                    r: marker_radius(s.area_ha),
                    label_w: s.short_name.len() as f64 * 7.0 + 8.0,
                };
                (s.id.clone(), m)
            })
            .collect()
    }

    fn check_layout(markers: &[MarkerIn], placed: &[PlacedMarker]) {
        for i in 0..placed.len() {
            for j in i + 1..placed.len() {
                let d = placed[i].centre.dist(placed[j].centre);
                assert!(
                    d >= markers[i].r + markers[j].r + GAP - 0.1,
                    "markers {i} and {j} overlap ({d:.1} px)"
                );
                if let (Some(a), Some(b)) = (placed[i].label, placed[j].label) {
                    assert!(!a.overlaps(&b), "labels {i} and {j} overlap");
                }
            }
            if let Some(l) = placed[i].label {
                for (j, p) in placed.iter().enumerate() {
                    assert!(
                        !l.hits_circle(p.centre, markers[j].r),
                        "label {i} covers marker {j}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_sha_tin_cluster_is_spread_apart_with_leader_lines() {
        let sites = sites();
        let markers: Vec<MarkerIn> = sites.iter().map(|s| s.1).collect();
        let placed = layout(&markers, &Viewport::FULL, (800.0, 604.0), 16.0);
        check_layout(&markers, &placed);
        let at = |id: &str| placed[sites.iter().position(|s| s.0 == id).unwrap()];
        // The six Sha Tin / Ma Liu Shui sites start within a few px of each other...
        let cluster = [
            "ma-liu-shui",
            "shatin-stw",
            "hksp",
            "cuhk-medical-centre",
            "university-station",
            "innocell",
        ];
        for id in cluster {
            assert!(at(id).anchor.dist(at("hksp").anchor) < 30.0, "{id}");
            // ...and are moved, but stay near their true position.
            assert!(at(id).moved(), "{id} should be spread");
            assert!(
                at(id).centre.dist(at(id).anchor) < 60.0,
                "{id} moved too far"
            );
        }
        // Isolated sites stay exactly where they are.
        for id in ["lau-fau-shan", "cyberport", "kwun-tong", "yl-mec"] {
            assert!(!at(id).moved(), "{id} should not move");
            assert!(
                at(id).label.is_some(),
                "{id} should have a label at full view"
            );
        }
        // Compass order is kept: the Science Park (north) stays north of the STW (south).
        assert!(at("hksp").centre.y < at("shatin-stw").centre.y);
    }

    #[test]
    fn zooming_in_undoes_the_spreading() {
        let sites = sites();
        let markers: Vec<MarkerIn> = sites.iter().map(|s| s.1).collect();
        // Centred on the middle of the Sha Tin cluster (University Station).
        let stn = sites
            .iter()
            .find(|s| s.0 == "university-station")
            .unwrap()
            .1
            .at;
        let inside = |zoom: f64| {
            let vp = Viewport::FULL.zoom_at(stn, zoom);
            let placed = layout(&markers, &vp, (800.0, 604.0), 16.0);
            check_layout(&markers, &placed);
            placed
                .into_iter()
                .filter(|p| {
                    (0.0..800.0).contains(&p.anchor.x) && (0.0..604.0).contains(&p.anchor.y)
                })
                .collect::<Vec<PlacedMarker>>()
        };
        // At 8x all six are in view and only nudged; at the deepest zoom none needs moving.
        let at8 = inside(8.0);
        assert_eq!(at8.len(), 6);
        assert!(
            at8.iter().all(|p| p.centre.dist(p.anchor) < 15.0),
            "{at8:#?}"
        );
        let deepest = inside(MAX_ZOOM);
        assert!(deepest.len() >= 4);
        assert!(
            deepest.iter().all(|p| !p.moved() && p.label.is_some()),
            "{deepest:#?}"
        );
    }

    #[test]
    fn small_screens_still_have_no_overlaps() {
        let sites = sites();
        let markers: Vec<MarkerIn> = sites.iter().map(|s| s.1).collect();
        let placed = layout(&markers, &Viewport::FULL, (343.0, 259.0), 14.0);
        check_layout(&markers, &placed);
    }

    #[test]
    fn coincident_markers_are_separated() {
        let m = MarkerIn {
            at: Point::new(500.0, 300.0),
            r: 8.0,
            label_w: 40.0,
        };
        let placed = layout(&[m, m, m], &Viewport::FULL, (1000.0, 755.0), 16.0);
        check_layout(&[m, m, m], &placed);
        assert!(placed.iter().all(PlacedMarker::moved));
    }
}
