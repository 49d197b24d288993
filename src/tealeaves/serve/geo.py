"""An offline map: province outlines (static/map, Natural Earth) and points, drawn as one SVG on the server.

The projection is equirectangular with the longitude scaled by cos(mean latitude), which is close enough
to conformal over a country this size; the same function places the outlines and the points.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

WIDTH = 560
PAD = 10


@lru_cache(maxsize=1)
def provinces() -> dict:
    path = resources.files("tealeaves.serve") / "static" / "map" / "dprk-provinces.json"
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Projection:
    lon0: float
    lat1: float
    kx: float
    scale: float

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - self.lon0) * self.kx * self.scale, PAD + (self.lat1 - lat) * self.scale


@lru_cache(maxsize=1)
def projection() -> tuple[Projection, int]:
    pts = [p for prov in provinces()["provinces"] for ring in prov["rings"] for p in ring]
    lon0, lon1 = min(p[0] for p in pts), max(p[0] for p in pts)
    lat0, lat1 = min(p[1] for p in pts), max(p[1] for p in pts)
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    scale = (WIDTH - 2 * PAD) / ((lon1 - lon0) * kx)
    height = round((lat1 - lat0) * scale + 2 * PAD)
    return Projection(lon0, lat1, kx, scale), height


def inside(lat: float | None, lon: float | None) -> bool:
    """True for a coordinate on this map (the outlines' bounding box, with a small margin)."""
    if lat is None or lon is None:
        return False
    proj, height = projection()
    x, y = proj(lon, lat)
    return -PAD <= x <= WIDTH + PAD and -PAD <= y <= height + PAD


def map_svg(points: list[dict], label: str) -> Markup:
    """Provinces plus a circle per point (``lat``, ``lon``, ``count``, ``title``, optional ``href``)."""
    proj, height = projection()
    out = [
        f'<svg class="map" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="{escape(label)}">'
    ]
    for prov in provinces()["provinces"]:
        d = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (proj(lon, lat) for lon, lat in ring)) + " Z"
            for ring in prov["rings"]
        )
        out.append(f'<path class="province" d="{d}"><title>{escape(prov["name"] or "island")}</title></path>')
    biggest = max((p["count"] for p in points), default=1) or 1
    for p in sorted(points, key=lambda p: -p["count"]):
        if not inside(p.get("lat"), p.get("lon")):
            continue
        x, y = proj(p["lon"], p["lat"])
        r = 3 + 12 * math.sqrt(p["count"] / biggest)
        circle = (
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" data-count="{p["count"]}">'
            f"<title>{escape(p['title'])}</title></circle>"
        )
        if p.get("href"):
            circle = f'<a href="{escape(p["href"])}">{circle}</a>'
        out.append(circle)
    out.append("</svg>")
    return Markup("".join(out))
