#!/usr/bin/env python3
"""Build the Map view's base map (src/geo/hk.txt) from the Natural Earth extract in data/map.

    python3 -m tools.map_build                # from the repository root: write src/geo/hk.txt
    python3 -m tools.map_build --check        # fail if the committed file differs

Input: data/map/hk_ne10m.geojson (Natural Earth 10m, public domain; see data/map/README.md), or
the path given with --input. The output is pre-projected SVG path data in integer map units, so
the app ships no GeoJSON and does no projection of the coastline at run time.

Projection: equirectangular, x scaled by cos(latitude) at the middle of the extent (22.36 N);
over this 0.44-degree-tall extent the scale error is under 0.3 %. src/geo.rs holds the same
constants and its tests check that they match the header written here.

Each polygon ring and line is simplified with Douglas-Peucker (TOLERANCE map units, one unit is
about 65 m; Natural Earth 10m is itself only accurate to a few hundred metres), rounded to
integers, and written with relative "l" commands. Rings that become smaller than MIN_AREA square
units are dropped. Mainland land is clipped to the extent.
"""

import argparse
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(ROOT, "data", "map", "hk_ne10m.geojson")
OUTPUT = os.path.join(ROOT, "src", "geo", "hk.txt")

# Keep these in step with src/geo.rs (its tests read the header line).
LON_MIN, LON_MAX = 113.82, 114.45
LAT_MIN, LAT_MAX = 22.14, 22.58
WIDTH = 1000
TOLERANCE = 0.9
MIN_AREA = 3.0

K = math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))
SCALE = WIDTH / ((LON_MAX - LON_MIN) * K)
HEIGHT = round((LAT_MAX - LAT_MIN) * SCALE)


def project(lon, lat):
    return ((lon - LON_MIN) * K * SCALE, (LAT_MAX - lat) * SCALE)


def dp(points, tol):
    """Douglas-Peucker on a polyline (first and last points kept)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dx * (ay - py) - dy * (ax - px)) / norm
            if d > best:
                best, best_i = d, i
        if best > tol:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tol):
    """A closed ring: split at the point farthest from the first so both halves keep shape."""
    pts = ring[:-1] if ring[0] == ring[-1] else ring
    if len(pts) < 4:
        return pts
    far = max(range(len(pts)), key=lambda i: math.dist(pts[0], pts[i]))
    first = dp(pts[: far + 1], tol)
    second = dp(pts[far:] + [pts[0]], tol)
    return first[:-1] + second[:-1]


def clip(ring, xmin, ymin, xmax, ymax):
    """Sutherland-Hodgman clip of a polygon ring to a rectangle."""

    def cut(pts, inside, cross):
        out = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        return out

    def at_x(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    pts = ring[:-1] if ring[0] == ring[-1] else ring
    for inside, cross in (
        (lambda p: p[0] >= xmin, at_x(xmin)),
        (lambda p: p[0] <= xmax, at_x(xmax)),
        (lambda p: p[1] >= ymin, at_y(ymin)),
        (lambda p: p[1] <= ymax, at_y(ymax)),
    ):
        if not pts:
            break
        pts = cut(pts, inside, cross)
    return pts


def integers(points):
    out = []
    for x, y in points:
        p = (round(x), round(y))
        if not out or out[-1] != p:
            out.append(p)
    return out


def area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def path(points, closed):
    """SVG path data with one absolute move and relative lines: 'M12 34l3-1 0 2z'."""
    (x0, y0), rest = points[0], points[1:]
    d = [f"M{x0} {y0}l"]
    steps = []
    px, py = x0, y0
    for x, y in rest:
        steps.append(f"{x - px} {y - py}".replace(" -", "-"))
        px, py = x, y
    d.append(" ".join(steps).replace(" -", "-"))
    if closed:
        d.append("z")
    return "".join(d)


def polygons(feature, clip_box=None):
    paths = []
    for polygon in feature["geometry"]["coordinates"]:
        for ring in polygon:
            pts = [project(lon, lat) for lon, lat in ring]
            if clip_box:
                pts = clip(pts, *clip_box)
                if len(pts) < 3:
                    continue
                pts.append(pts[0])
            pts = integers(simplify_ring(pts, TOLERANCE))
            if len(pts) >= 3 and area(pts) >= MIN_AREA:
                paths.append(path(pts, True))
    return "".join(paths)


def lines(feature):
    paths = []
    for line in feature["geometry"]["coordinates"]:
        pts = integers(dp([project(lon, lat) for lon, lat in line], TOLERANCE))
        if len(pts) >= 2:
            paths.append(path(pts, False))
    return "".join(paths)


def build(geojson):
    pad = 4
    box = (-pad, -pad, WIDTH + pad, HEIGHT + pad)
    layers = {}
    for f in geojson["features"]:
        p = f["properties"]
        if p["kind"] == "land" and p["region"] == "HK":
            layers["hk"] = polygons(f)
        elif p["kind"] == "land":
            layers["cn"] = polygons(f, box)
        elif p["kind"] == "border":
            layers["border"] = lines(f)
        elif p["kind"] == "district_lines":
            layers["districts"] = lines(f)
    head = [
        "# Generated by tools/map_build.py from hk_ne10m.geojson (Natural Earth 10m, public domain). Do not edit.",
        f"# extent {LON_MIN} {LON_MAX} {LAT_MIN} {LAT_MAX} size {WIDTH} {HEIGHT} tolerance {TOLERANCE}",
    ]
    body = [f"{name} {layers[name]}" for name in ("cn", "hk", "border", "districts")]
    return "\n".join(head + body) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    with open(args.input, encoding="utf-8") as f:
        text = build(json.load(f))
    if args.check:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUTPUT} is out of date: run python3 -m tools.map_build")
        return
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUTPUT}: {len(text)} bytes, {HEIGHT=}")


if __name__ == "__main__":
    main()
