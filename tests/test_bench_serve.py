"""`tealeaves bench serve` runs end to end on a tiny corpus (figures are not checked: tests never time)."""

from pathlib import Path

from conftest import DATA
from tealeaves.bench import serve as load


def test_bench_serve_runs_and_counts_every_request(tmp_path):
    lines = (DATA / "mixed.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    corpora = tmp_path / "corpora"
    for name, part in (("big", lines[:24]), ("small", lines[24:])):
        (corpora / name).mkdir(parents=True)
        (corpora / name / "docs.jsonl").write_text("".join(part), encoding="utf-8")
    result = load.run(corpora, clients=4, seconds=1.5, workdir=tmp_path / "work", progress=lambda m: None)
    sizes = {f"{n}/docs.jsonl": (corpora / n / "docs.jsonl").stat().st_size for n in ("big", "small")}
    assert result["held_back"] == max(sizes, key=sizes.get)  # the biggest file is ingested under load
    assert result["store_docs_after"] == 36
    ref, quiet, busy = result["phases"]
    assert ref["routes"]["search"]["requests"] == 3 * len(load.SEARCHES)
    for phase in (quiet, busy):
        assert phase["routes"]["search"]["requests"] > 0
        # a document id that is not stored gives 404s, counted as errors; every other request must succeed
        assert all(r["errors"] == 0 for r in phase["routes"].values()), result["error_samples"]
        for r in phase["routes"].values():  # every answer is counted once: from the cache or computed
            assert r["cache_hits"] + r["computed"] == r["requests"] - r["errors"]
    assert result["store_docs_before"] + busy["ingest_stored"] == 36
    if Path("/proc/self/stat").exists():  # the server's CPU time per request is read from /proc
        assert quiet["server_cpu_ms_per_request"] > 0 and busy["server_cpu_ms_per_request"] > 0
    assert "p95 ms" in load.format_report(result)
