"""`tealeaves bench foundation` runs end to end on a small corpus (tests never check timings)."""

import json

from click.testing import CliRunner

from conftest import DATA
from tealeaves.cli import cli


def test_bench_foundation_alternates_floor_and_ours_and_reports_every_pair(tmp_path):
    corpora = tmp_path / "corpora" / "mixed"
    corpora.mkdir(parents=True)
    (corpora / "docs.jsonl.gz").write_bytes(_gz((DATA / "mixed.jsonl").read_bytes()))
    args = ["bench", "foundation", "--corpora", str(corpora.parent), "--million", "0", "--repeat", "2"]
    r = CliRunner().invoke(cli, [*args, "--keep", str(tmp_path / "work"), "--json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    ing = res["ingest"]
    lines = (DATA / "mixed.jsonl").read_text(encoding="utf-8").splitlines()
    assert ing["docs_read"] == ing["docs_stored"] == len(lines)
    assert len(ing["ratios_all_pairs"]) == 2 and ing["ratio_to_floor"] in ing["ratios_all_pairs"]
    assert res["latency_full"]["search_relevance"]["n"] > 0
    assert "ingest_big" not in res


def _gz(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data)
