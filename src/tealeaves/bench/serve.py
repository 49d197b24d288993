"""Load on the HTTP API: concurrent clients on localhost while an ingest writes, p50/p95 per route.

The run, all on this machine and bounded in time:
1. build a store from the corpora, holding one corpus back (the biggest) for the ingest under load;
2. start `tealeaves serve` on 127.0.0.1 (a real server process);
3. *reference*, measured in the same run: the same search requests called in-process on the library,
   one at a time (the cost of the work itself, without HTTP or contention);
4. *quiet*: N keep-alive clients, each sending its next request as soon as the last one answered, for a
   fixed time, with no writer;
5. *ingest*: the same clients while `tealeaves ingest` stores the held-back corpus in another process.
Clients speak HTTP/1.1 on raw asyncio streams (a few microseconds per request of client CPU), so the
figures are the server's. Any status other than 200, or a broken connection, is an error.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from tealeaves.bench.evaluation import repo_root
from tealeaves.errors import UsageError
from tealeaves.store import Store
from tealeaves.store.loader import ingest
from tealeaves.store.query import Query
from tealeaves.store.search import Filters, count, search

HOST = "127.0.0.1"  # loopback only: the benchmark never sends a request anywhere else
MAX_SECONDS = 600

# Queries of every frequency class, phrases, boolean, prefix, column and filtered forms.
SEARCHES: list[dict] = [
    {"q": "kim jong il"},
    {"q": "korea"},
    {"q": "juche"},
    {"q": '"arduous march"'},
    {"q": "party AND congress"},
    {"q": "nuclear*"},
    {"q": "title:visit"},
    {"q": "kanggye OR kangwon"},
    {"q": "army -navy"},
    {"q": '"supreme people\'s assembly"'},
    {"q": "korea", "sort": "date"},
    {"q": "juche", "source": "KCNA", "from": "2011", "to": "2012"},
    {"q": "reunification", "lang": "es"},
    {"q": "people", "from": "2000-01-01", "to": "2005-12-31", "sort": "date"},
    {"q": "workers", "offset": "40"},
    {"q": "\ucc9c\ub9ac\ub9c8"},
]
OTHER = [
    ("timeline", "/api/timeline", {"term": "Arduous March", "by": "year"}),
    ("timeline", "/api/timeline", {"term": "self-reliance", "by": "month"}),
    ("search_timeline", "/api/search/timeline", {"q": "juche", "by": "year"}),
    ("first", "/api/first", {"term": "Kanggye"}),
    ("stats", "/api/stats", {}),
]
MIX = [("search", 0.7), ("document", 0.15), ("other", 0.15)]
# Share of searches (and of the other routes) drawn from the fixed lists above; the rest is a long tail
# drawn from the store's own vocabulary, mostly distinct, which the answer cache cannot have seen.
POPULAR = 0.2


def default_corpora() -> Path:
    for base in (repo_root(), Path.cwd()):  # beside the checkout first (the team's ../shared/corpora)
        for parent in (base, *base.parents):
            if (parent / "shared" / "corpora").is_dir():
                return parent / "shared" / "corpora"
    return repo_root().parent / "shared" / "corpora"


@dataclass
class Phase:
    name: str
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    cache_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    computed: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # cache misses
    error_samples: list[str] = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    def summary(self) -> dict:
        out = {}
        for route in sorted(set(self.latencies) | set(self.errors)):
            lat = sorted(self.latencies.get(route, []))
            n = len(lat)
            out[route] = {
                "requests": n + self.errors.get(route, 0),
                "errors": self.errors.get(route, 0),
                "p50_ms": round(1000 * _pct(lat, 50), 2) if n else None,
                "p95_ms": round(1000 * _pct(lat, 95), 2) if n else None,
                "p99_ms": round(1000 * _pct(lat, 99), 2) if n else None,
                "per_s": round(n / self.seconds, 1) if self.seconds else None,
                "cache_hits": self.cache_hits.get(route, 0),
                **_computed(sorted(self.computed.get(route, []))),
            }
        return {"phase": self.name, "seconds": round(self.seconds, 1), "routes": out, **self.notes}


def _computed(lat: list[float]) -> dict:
    """Figures of the answers computed for the request (not sent from the answer cache)."""
    if not lat:
        return {"computed": 0, "computed_p50_ms": None, "computed_p95_ms": None}
    return {
        "computed": len(lat),
        "computed_p50_ms": round(1000 * _pct(lat, 50), 2),
        "computed_p95_ms": round(1000 * _pct(lat, 95), 2),
    }


def _pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


# -- the client ---------------------------------------------------------------------------------


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    if headers.get("x-cache") == "hit":
        status = -status  # a cached answer: the caller counts it apart
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    while True:  # chunked
        size = int((await reader.readuntil(b"\r\n")).strip(), 16)
        chunk = await reader.readexactly(size + 2)
        if size == 0:
            return status, body
        body += chunk[:-2]


class Workload:
    """Requests in the mix of MIX. A share ``popular`` of the searches are the fixed SEARCHES, the rest a
    long tail of one or two words drawn from the store's own vocabulary (with filters and paging now and
    then), so most answers must be computed; timelines and first use likewise."""

    def __init__(self, doc_ids: list[str], vocabulary: list[str], seed: int, popular: float = POPULAR):
        self.rng = random.Random(seed)
        self.doc_ids = doc_ids or ["missing"]
        self.vocabulary = vocabulary or ["korea"]
        self.popular = popular

    def _search(self) -> dict:
        if self.rng.random() < self.popular:
            return dict(self.rng.choice(SEARCHES))
        words = self.rng.sample(self.vocabulary, self.rng.choice((1, 1, 2)))
        params = {"q": " ".join(words)}
        if self.rng.random() < 0.2:
            year = self.rng.randint(1997, 2014)
            params |= {"from": str(year), "to": str(year + self.rng.randint(0, 3))}
        if self.rng.random() < 0.2:
            params["sort"] = "date"
        if self.rng.random() < 0.1:
            params["offset"] = str(20 * self.rng.randint(1, 3))
        return params

    def _other(self) -> tuple[str, str, dict]:
        if self.rng.random() < self.popular:
            return self.rng.choice(OTHER)
        word = self.rng.choice(self.vocabulary)
        return self.rng.choice(
            [
                ("timeline", "/api/timeline", {"term": word, "by": self.rng.choice(("year", "month"))}),
                ("search_timeline", "/api/search/timeline", {"q": word, "by": "year"}),
                ("first", "/api/first", {"term": word}),
            ]
        )

    def next(self) -> tuple[str, str]:
        r, acc, kind = self.rng.random(), 0.0, MIX[-1][0]
        for name, weight in MIX:
            acc += weight
            if r < acc:
                kind = name
                break
        if kind == "search":
            params = self._search()
            params.setdefault("limit", "20")
            return "search", "/api/search?" + urlencode(params)
        if kind == "document":
            return "document", "/api/documents/" + self.rng.choice(self.doc_ids)
        route, path, params = self._other()
        return route, path + ("?" + urlencode(params) if params else "")


def vocabulary(store: Store, n: int = 3000) -> list[str]:
    """Distinct words (4+ letters) from the titles of a random sample of documents."""
    words: set[str] = set()
    for (title,) in store.conn.execute("SELECT title FROM docs ORDER BY random() LIMIT ?", (n,)):
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", title)}
    return sorted(words)


async def _client(port: int, work: Workload, phase: Phase, stop_at: float, done=lambda: False) -> None:
    reader = writer = None
    while time.monotonic() < stop_at and not done():
        route, path = work.next()
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: application/json\r\n\r\n".encode()
            )
            await writer.drain()
            status, body = await asyncio.wait_for(_read_response(reader), timeout=30)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as e:
            phase.errors[route] += 1
            if len(phase.error_samples) < 5:
                phase.error_samples.append(f"{route} {path}: {type(e).__name__}: {e}")
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        dt = time.perf_counter() - t0
        hit = status < 0
        if hit:
            phase.cache_hits[route] += 1
            status = -status
        if status != 200:
            phase.errors[route] += 1
            if len(phase.error_samples) < 5:
                phase.error_samples.append(f"{route} {path}: HTTP {status}: {body[:200]!r}")
        else:
            phase.latencies[route].append(dt)
            if not hit:
                phase.computed[route].append(dt)
    if writer is not None:
        writer.close()


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) used so far by process ``pid`` and its children (server workers), from
    /proc; None where there is no /proc. Unlike latency, it hardly depends on how busy the machine is."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    pids, total = [pid], 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except (OSError, ValueError):
        pass
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            if p == pid:
                return None
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def drive(
    port: int,
    clients: int,
    seconds: float,
    work: tuple,
    phase: Phase,
    done=None,
    seed: int = 0,
    server_pid: int | None = None,
) -> Phase:
    """``clients`` closed-loop clients for ``seconds`` or until ``done()``; ``work``: (doc ids, words,
    popular share). Each phase gives its own ``seed``, so no phase replays another's requests. With
    ``server_pid``, the server's CPU time per answered request is noted too."""
    doc_ids, words, popular = work

    async def main() -> None:
        t0 = time.monotonic()
        stop_at = t0 + seconds
        tasks = [
            asyncio.create_task(
                _client(
                    port,
                    Workload(doc_ids, words, seed=seed * 1000 + i, popular=popular),
                    phase,
                    stop_at,
                    done or (lambda: False),
                )
            )
            for i in range(clients)
        ]
        await asyncio.gather(*tasks)
        phase.seconds = time.monotonic() - t0

    load0 = os.getloadavg()[0]
    cpu0 = cpu_seconds(server_pid) if server_pid else None
    asyncio.run(main())
    phase.notes["load_avg_1min"] = [round(load0, 2), round(os.getloadavg()[0], 2)]
    cpu1 = cpu_seconds(server_pid) if server_pid else None
    answered = sum(len(v) for v in phase.latencies.values())
    if cpu0 is not None and cpu1 is not None and answered and phase.seconds:
        phase.notes["server_cpu_ms_per_request"] = round(1000 * (cpu1 - cpu0) / answered, 3)
        phase.notes["server_cores_used"] = round((cpu1 - cpu0) / phase.seconds, 2)
    return phase


# -- the run --------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _corpus_files(corpora: Path) -> list[Path]:
    files = sorted(p for p in corpora.rglob("*") if p.is_file() and p.name.endswith((".jsonl", ".jsonl.gz")))
    if not files:
        raise UsageError(f"no corpus files (*.jsonl, *.jsonl.gz) under {corpora}")
    return files


def reference(store: Store, repeat: int = 3) -> Phase:
    """The search requests of the workload, in-process, one at a time (no HTTP, no contention)."""
    phase = Phase("reference: library in-process, 1 caller")
    t0 = time.monotonic()
    for _ in range(repeat):
        for params in SEARCHES:
            q = Query.parse(params["q"])
            f = Filters(
                tuple([params["source"]] if "source" in params else ()),
                tuple([params["lang"]] if "lang" in params else ()),
                _bound(params.get("from"), False),
                _bound(params.get("to"), True),
            )
            t = time.perf_counter()
            search(
                store,
                q,
                f,
                sort=params.get("sort", "relevance"),
                limit=20,
                offset=int(params.get("offset", 0)),
            )
            count(store, q, f)
            phase.latencies["search"].append(time.perf_counter() - t)
    phase.seconds = time.monotonic() - t0
    return phase


def _bound(value, end):
    from tealeaves.dates import parse_bound

    return parse_bound(value, end=end)


def _start_server(db: Path, port: int, workers: int, cache: int, log_path: Path) -> subprocess.Popen:
    log = log_path.open("w")
    env = dict(os.environ, TEALEAVES_API_CACHE_ENTRIES=str(cache))
    cmd = [sys.executable, "-m", "tealeaves", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    cmd += ["--log-level", "warning", "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/api/stats", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise UsageError(f"the server did not start: {log_path.read_text()[-2000:]}") from None
            time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(
    corpora: Path,
    *,
    clients: int = 20,
    seconds: float = 20.0,
    workers: int = 1,
    cache: int = 256,
    popular: float = POPULAR,
    workdir: Path | None = None,
    progress=print,
) -> dict:
    if not 1 <= clients <= 200:
        raise UsageError(f"--clients must be between 1 and 200 (got {clients})")
    if not 1 <= seconds <= MAX_SECONDS:
        raise UsageError(f"--seconds must be between 1 and {MAX_SECONDS} (got {seconds})")
    if not 0 <= popular <= 1:
        raise UsageError(f"--popular must be between 0 and 1 (got {popular})")
    if not corpora.is_dir():
        raise UsageError(f"no corpora at {corpora}: give --corpora DIR (the shared corpora are absent here)")
    files = _corpus_files(corpora)
    held = max(files, key=lambda p: p.stat().st_size)
    base = [p for p in files if p != held] or files
    own_tmp = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="tealeaves-bench-serve-")) if own_tmp else workdir
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    result: dict = {
        "corpora": str(corpora),
        "clients": clients,
        "workers": workers,
        "cache_entries": cache,
        "popular": popular,
        "held_back": f"{held.parent.name}/{held.name}",
        "cpus": os.cpu_count(),
    }
    try:
        progress(
            f"building the store from {len(base)} corpus files (holding back {held.parent.name}/{held.name})"
        )
        with Store(db) as store:
            s = ingest(store, base)
            result["store_docs_before"] = store.count_docs()
            result["build_seconds"] = round(s.seconds, 1)
            doc_ids = [r[0] for r in store.conn.execute("SELECT id FROM docs ORDER BY random() LIMIT 2000")]
            work = (doc_ids, vocabulary(store), popular)
            progress(f"reference: {len(SEARCHES)} searches x 3 in-process")
            ref = reference(store)
        port = _free_port()
        server = _start_server(db, port, workers, cache, workdir / "server.log")
        try:
            progress(f"quiet: {clients} clients for {seconds:.0f}s")
            quiet = drive(
                port, clients, seconds, work, Phase("quiet: HTTP, no writer"), seed=1, server_pid=server.pid
            )
            progress(
                f"ingest: {clients} clients for as long as {held.parent.name}/{held.name} takes to ingest"
            )
            busy = _under_ingest(port, clients, work, db, held, workdir, server.pid)
        finally:
            _stop(server)
        with Store(db, readonly=True) as store:
            result["store_docs_after"] = store.count_docs()
        result["phases"] = [ref.summary(), quiet.summary(), busy.summary()]
        result["error_samples"] = quiet.error_samples + busy.error_samples
    finally:
        if own_tmp:
            shutil.rmtree(workdir, ignore_errors=True)
    return result


def _under_ingest(port, clients, work, db: Path, held: Path, workdir: Path, server_pid=None) -> Phase:
    phase = Phase("ingest: HTTP while `tealeaves ingest` writes")
    log = (workdir / "ingest.log").open("w")
    env = dict(os.environ, TEALEAVES_DB=str(db))
    t0 = time.monotonic()
    writer = subprocess.Popen(
        [sys.executable, "-m", "tealeaves", "ingest", str(held), "--json", "--no-progress", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=log,
        env=env,
    )
    try:  # the clients run exactly as long as the writer does (bounded by MAX_SECONDS)
        drive(
            port,
            clients,
            MAX_SECONDS,
            work,
            phase,
            done=lambda: writer.poll() is not None,
            seed=2,
            server_pid=server_pid,
        )
        out, _ = writer.communicate(timeout=MAX_SECONDS)
    finally:
        if writer.poll() is None:
            writer.kill()
        log.close()
    summary = json.loads(out or b"{}")
    phase.notes |= {
        "ingest_stored": summary.get("stored"),
        "ingest_seconds": summary.get("seconds"),
        "ingest_docs_per_s": round(summary["stored"] / summary["seconds"], 1)
        if summary.get("seconds")
        else None,
        "ingest_finished_after_s": round(time.monotonic() - t0, 1),
    }
    return phase


def format_report(result: dict) -> str:
    lines = [
        f"corpora {result['corpora']}: {result['store_docs_before']:,} documents served, "
        f"{result['held_back']} ingested under load (store ends at {result['store_docs_after']:,}); "
        f"{result['clients']} clients, {result['workers']} server worker(s), cache {result['cache_entries']} "
        f"entries, {100 * result.get('popular', POPULAR):.0f}% of requests from the fixed lists, "
        f"on 127.0.0.1 ({result['cpus']} CPUs)",
        "(cached: answers sent from the answer cache; computed p50/p95: the other answers alone)",
        f"{'phase':46s} {'route':16s} {'requests':>8s} {'errors':>6s} {'p50 ms':>8s} {'p95 ms':>8s} "
        f"{'p99 ms':>8s} {'req/s':>7s} {'cached':>7s} {'comp p50':>8s} {'comp p95':>8s}",
    ]
    for ph in result["phases"]:
        for route, r in ph["routes"].items():
            lines.append(
                f"{ph['phase'][:46]:46s} {route:16s} {r['requests']:8d} {r['errors']:6d} {_ms(r['p50_ms'])} "
                f"{_ms(r['p95_ms'])} {_ms(r['p99_ms'])} {r['per_s'] or 0:7.1f} {r['cache_hits']:7d} "
                f"{_ms(r.get('computed_p50_ms'))} {_ms(r.get('computed_p95_ms'))}"
            )
        if "load_avg_1min" in ph:
            lines.append(f"  machine load (1-min average) before/after: {ph['load_avg_1min']}")
        if "server_cpu_ms_per_request" in ph:
            lines.append(
                f"  server CPU: {ph['server_cpu_ms_per_request']} ms per answered request, "
                f"{ph['server_cores_used']} cores used"
            )
        if "ingest_stored" in ph:
            lines.append(
                f"  the ingest stored {ph['ingest_stored']:,} documents in {ph['ingest_seconds']}s "
                f"({ph['ingest_docs_per_s']} docs/s) while the clients ran"
            )
    for s in result.get("error_samples", []):
        lines.append(f"  error: {s}")
    return "\n".join(lines)


def _ms(v) -> str:
    return f"{v:8.1f}" if v is not None else f"{'-':>8s}"
