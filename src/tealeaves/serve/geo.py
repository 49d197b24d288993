"""An offline map: province outlines (static/map, Natural Earth) and points, drawn as one SVG on the server.

The projection is equirectangular with the longitude scaled by cos(mean latitude), which is close enough
to conformal over a country this size; the same function places the outlines and the points.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

WIDTH = 560
PAD = 10
PROVINCE_SUBTYPES = {"province", "special city", "capital city"}


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


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z ]", "", s.replace("-", " "))
    s = re.sub(r"\b(province|do|si|city|special|municipality)\b", " ", s)
    return re.sub(r"\s+", "", s).replace("ph", "p")


def feature_for(names: list[str]) -> str | None:
    """The map feature (province) that one of ``names`` denotes, matched romanisation-blind."""
    index = {}
    for prov in provinces()["provinces"]:
        for n in [prov["name"], *prov["alt"]]:
            if n:
                index.setdefault(_norm(n), prov["name"])
    for n in names:
        if n and _norm(n) in index:
            return index[_norm(n)]
    return None


def map_svg(points: list[dict], label: str, shade: dict[str, int] | None = None) -> Markup:
    """Provinces (shaded by ``shade[name]``) plus a circle per point (``lat``, ``lon``, ``count``,
    ``title``, optional ``href``)."""
    shade = shade or {}
    top = max(shade.values(), default=0) or 1
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
        n = shade.get(prov["name"], 0)
        level = 0 if not n else 1 + min(4, int(4 * n / top))
        tip = f"{prov['name'] or 'island'}" + (f": {n:,}" if n else "")
        out.append(
            f'<path class="province shade-{level}" d="{d}" data-name="{escape(prov["name"])}" '
            f'data-count="{n}">'
            f"<title>{escape(tip)}</title></path>"
        )
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
