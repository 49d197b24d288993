"""Domain packs are data: a user folder adds entities without code; bad pack files are named errors."""

from __future__ import annotations

import pytest

from tealeaves.errors import UsageError
from tealeaves.extract import Pipeline
from tealeaves.model import Document
from tealeaves.packs import builtin_dir, load_packs, pack_dirs


def test_builtin_packs_load_and_places_lie_in_provinces():
    packs = load_packs(pack_dirs())
    ents = {e.id: e for p in packs for e in p.entities}
    assert ents["kangdong-county"].province == "pyongyang"
    assert ents["kim-jong-un"].type == "PERSON"
    provinces = {e.id for e in ents.values() if e.subtype in ("province", "capital city", "special city")}
    for e in ents.values():
        if e.pack == "dprk" and e.type == "PLACE" and e.province:
            assert e.province in provinces, e.id


def test_coordinates_only_with_their_geonames_source():
    lines = (builtin_dir("dprk") / "places.tsv").read_text(encoding="utf-8").splitlines()
    header = next(ln for ln in lines if ln.startswith("id\t")).split("\t")
    for ln in lines[lines.index("\t".join(header)) + 1 :]:
        row = dict(zip(header, ln.split("\t"), strict=False))
        assert bool(row.get("lat")) == bool(row.get("geonameid")), row["id"]


def test_a_user_pack_folder_adds_entities_and_changes_the_version(tmp_path):
    pack = tmp_path / "mypack"
    pack.mkdir()
    (pack / "people.tsv").write_text(
        "id\tname\tsubtype\taliases\nzz-tester\tTestperson Zorglub\tofficial\tZorglub T.\n"
    )
    doc = Document.create("X", "2020-01-01", "Testperson Zorglub visits", "")
    plain, extra = Pipeline(), Pipeline(packs=[str(pack)])
    assert not any(m.entity == "zz-tester" for m in plain(doc)["mention"])
    assert any(m.entity == "zz-tester" for m in extra(doc)["mention"])
    assert plain.versions["entities"] != extra.versions["entities"]


def test_bad_pack_files_are_named(tmp_path):
    pack = tmp_path / "bad"
    pack.mkdir()
    (pack / "places.tsv").write_text(
        "id\tname\tsubtype\taliases\tprovince\tlat\tlon\nx\tX Town\ttown\t\t\tnorth\t1\n"
    )
    with pytest.raises(UsageError, match=r"places.tsv:2: lat must be a number"):
        Pipeline(packs=[str(pack)])
    with pytest.raises(UsageError, match="does not exist"):
        Pipeline(packs=[str(tmp_path / "missing")])
