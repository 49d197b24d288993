"""The extraction benchmarks run (no timing is asserted): throughput and the appearance ledger."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from tealeaves.cli import cli

DATA = Path(__file__).parent / "data"


def _corpora(tmp_path: Path) -> Path:
    by_corpus: dict[str, list[str]] = {}
    for line in (DATA / "extract_samples.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        by_corpus.setdefault(r.pop("corpus"), []).append(json.dumps(r))
    for name, lines in by_corpus.items():
        (tmp_path / name).mkdir()
        with gzip.open(tmp_path / name / "docs.jsonl.gz", "wt", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return tmp_path


def test_bench_extract_reports_docs_per_second(tmp_path):
    corpora = str(_corpora(tmp_path))
    r = CliRunner().invoke(cli, ["bench", "extract", "--corpora", corpora, "--no-spacy", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["runs"][0]["docs"] == 11 and out["runs"][0]["docs_per_s"] > 0
    assert out["passes"] == 3 and out["runs"][0]["note"] == "fastest of 3 passes"
    r = CliRunner().invoke(
        cli,
        [
            "bench",
            "extract",
            "--corpora",
            corpora,
            "--no-spacy",
            "--passes",
            "1",
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["runs"][0]["note"] == ""


def test_bench_ledger_counts_appearances_next_to_the_ministry(tmp_path):
    r = CliRunner().invoke(cli, ["bench", "ledger", "--corpora", str(_corpora(tmp_path)), "--format", "json"])
    assert r.exit_code == 0, r.output
    years = {y["year"]: y for y in json.loads(r.output)["years"]}
    assert years["2012"]["tealeaves"] == 1 and years["2012"]["ministry"] == 151
    assert years["2013"]["ministry"] == 212


def test_absent_corpora_are_said_so(tmp_path):
    r = CliRunner().invoke(cli, ["bench", "extract", "--corpora", str(tmp_path / "none"), "--no-spacy"])
    assert r.exit_code != 0 and "absent" in str(r.exception)


def test_the_engines_take_turns_pass_by_pass():
    # a slow spell of a shared machine falls on both engines' passes, not on all the passes of one
    from tealeaves.bench.extraction import _fastest

    calls = []
    got = _fastest(3, lambda: calls.append("t") or 1, lambda: calls.append("s") or 2)
    assert calls == ["t", "s", "t", "s", "t", "s"]
    assert [n for _, n in got] == [1, 2] and all(sec >= 0 for sec, _ in got)


def test_the_short_engine_takes_several_passes_per_turn():
    # a tealeaves pass is some twenty times shorter than a spaCy pass: it is timed several times per turn
    from tealeaves.bench.extraction import _fastest

    calls = []
    _fastest(2, lambda: calls.append("t") or 1, lambda: calls.append("s") or 2, repeats=(3, 1))
    assert calls == ["t", "t", "t", "s", "t", "t", "t", "s"]
