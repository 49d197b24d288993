"""The offline province map: outlines from Natural Earth, points placed by the same projection."""

from tealeaves.serve.geo import feature_for, inside, map_svg, projection, provinces


def test_provinces_have_provenance_and_outlines():
    data = provinces()
    assert "Natural Earth" in data["source"]
    names = {p["name"] for p in data["provinces"]}
    assert {"Chagang-do", "Kangwŏn-do", "Ryanggang", "P'yŏngyang"} <= names
    assert all(p["rings"] for p in data["provinces"])


def test_points_land_where_they_should():
    proj, _ = projection()
    pyongyang = proj(125.75, 39.02)
    rason = proj(130.3, 42.3)
    assert pyongyang[0] < rason[0] and pyongyang[1] > rason[1]  # west and south of Rason
    assert inside(39.02, 125.75) and not inside(35.1, 129.0)  # Busan is off this map
    svg = map_svg(
        [
            {"lat": 39.02, "lon": 125.75, "count": 10, "title": "Pyongyang <10>", "href": "/x?a=1&b=2"},
            {"lat": 35.1, "lon": 129.0, "count": 3, "title": "Busan"},
            {"lat": None, "lon": None, "count": 5, "title": "no coordinates"},
        ],
        "test",
    )
    assert svg.count('class="province ') == len(provinces()["provinces"])
    assert svg.count("shade-0") == len(provinces()["provinces"])  # nothing to shade here
    assert svg.count('class="point"') == 1
    assert "Pyongyang &lt;10&gt;" in svg and "a=1&amp;b=2" in svg


def test_provinces_match_gazetteer_names_and_get_shaded():
    assert feature_for(["Jagang Province", "Chagang"]) == "Chagang-do"
    assert feature_for(["North Phyongan Province"]) == "P'yŏngan-bukto"
    assert feature_for(["Rason", "Rajin-Sonbong"]) == "Rasŏn"
    assert feature_for(["Atlantis"]) is None
    svg = map_svg([], "shaded", {"Chagang-do": 8, "Kangwŏn-do": 1})
    assert 'data-name="Chagang-do" data-count="8"' in svg and "shade-5" in svg
