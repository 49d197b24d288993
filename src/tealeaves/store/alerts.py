"""Watchlists and alerts: after every ingest, each new document matching a watchlist raises one alert.

A watchlist remembers the highest ``docs.seq`` it has examined, and ``alerts`` is unique on
(watchlist, document), so a document never alerts twice for the same watchlist, whatever is re-run.
Kinds: ``query`` (any search query), ``term`` (an exact phrase), ``entity`` (an entity id or name,
matched against the mentions extraction found: documents are examined once extracted).
Delivery: JSON Lines to a file or stdout, and a webhook (POST per alert, retried; failures stay
``pending`` and are retried on the next delivery).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tealeaves import settings
from tealeaves.errors import NotFoundError, QueryError, UsageError
from tealeaves.ingest.http import FetchError, post_json
from tealeaves.store.db import Store, now_iso
from tealeaves.store.query import Query
from tealeaves.store.search import Filters, _hit, _matching_rowids_sql, _run, plan

KINDS = ("query", "term", "entity")
PER_DOC_CHECK = 200  # up to this many new documents, each is checked alone; beyond, one index pass


@dataclass
class Watchlist:
    id: int
    name: str
    kind: str
    query: str
    created_at: str
    last_seq: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _max_seq(store: Store) -> int:
    return store.conn.execute("SELECT coalesce(max(seq), 0) FROM docs").fetchone()[0]


def _query_text(kind: str, text: str) -> str:
    if kind == "term":
        return '"' + text.replace('"', " ").strip() + '"'
    return text


def add_watchlist(store: Store, name: str, query: str, kind: str = "query") -> Watchlist:
    """A new watchlist; it alerts on documents ingested from now on."""
    if kind not in KINDS:
        raise UsageError(f"unknown watchlist kind {kind!r}; choose one of {', '.join(KINDS)}")
    if not name.strip() or not query.strip():
        raise UsageError("a watchlist needs a NAME and a QUERY")
    if kind == "entity":
        query = resolve_entity(store, query)
    else:
        Query.parse(_query_text(kind, query))  # raises QueryError with a helpful message
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM watchlists WHERE name = ?", (name,)).fetchone():
            raise UsageError(f"watchlist {name!r} exists; remove it first or pick another name")
        conn.execute(
            "INSERT INTO watchlists (name, kind, query, created_at, last_seq) VALUES (?,?,?,?,?)",
            (name, kind, query, now_iso(), _max_seq(store)),
        )
    return get_watchlist(store, name)


def resolve_entity(store: Store, text: str) -> str:
    """An entity id from an id, a name or an alias (the text itself when no pack knows it)."""
    conn = store.conn
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entities'").fetchone():
        return text
    row = conn.execute(
        "SELECT id FROM entities WHERE id = ? OR name = ? COLLATE NOCASE LIMIT 1", (text, text)
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT e.id FROM entities e, json_each(e.aliases) a WHERE a.value = ? COLLATE NOCASE LIMIT 1",
            (text,),
        ).fetchone()
    return row[0] if row else text


def get_watchlist(store: Store, name: str) -> Watchlist:
    row = store.conn.execute(
        "SELECT id, name, kind, query, created_at, last_seq FROM watchlists WHERE name = ?", (name,)
    ).fetchone()
    if row is None:
        names = ", ".join(r[0] for r in store.conn.execute("SELECT name FROM watchlists")) or "none"
        raise NotFoundError(f"no watchlist {name!r}; watchlists: {names}")
    return Watchlist(*row)


def list_watchlists(store: Store) -> list[dict]:
    counts = dict(store.conn.execute("SELECT watchlist_id, count(*) FROM alerts GROUP BY 1").fetchall())
    out = []
    for r in store.conn.execute(
        "SELECT id, name, kind, query, created_at, last_seq FROM watchlists ORDER BY id"
    ):
        w = Watchlist(*r).as_dict()
        w["alerts"] = counts.get(w["id"], 0)
        out.append(w)
    return out


def remove_watchlist(store: Store, name: str) -> Watchlist:
    w = get_watchlist(store, name)
    with store.transaction() as conn:
        conn.execute("DELETE FROM alerts WHERE watchlist_id = ?", (w.id,))
        conn.execute("DELETE FROM watchlists WHERE id = ?", (w.id,))
    return w


# -- matching -----------------------------------------------------------------------------------


def _new_docs(store: Store, after: int) -> list[tuple[int, str, int]]:
    return store.conn.execute(
        "SELECT rowid, id, seq FROM docs WHERE seq > ? ORDER BY seq", (after,)
    ).fetchall()


def _query_matches(store: Store, w: Watchlist, docs: list[tuple[int, str, int]]) -> tuple[list, int]:
    q = Query.parse(_query_text(w.kind, w.query))
    p = plan(store, q, Filters())
    hits = []
    if len(docs) <= PER_DOC_CHECK:
        for rowid, doc_id, seq in docs:
            p.lo = p.hi = rowid
            sql, params = _matching_rowids_sql(p)
            if _run(store, sql + " LIMIT 1", params).fetchone():
                hits.append((rowid, doc_id, seq))
    else:
        p.lo, p.hi = min(d[0] for d in docs), max(d[0] for d in docs)
        sql, params = _matching_rowids_sql(p)
        matched = {r[0] for r in _run(store, sql, params)}
        hits = [d for d in docs if d[0] in matched]
    p.lo, p.hi = 0, 1 << 62
    return [(d, _hit(store, p, q, d[0], None)) for d in hits], docs[-1][2] if docs else w.last_seq


def _entity_matches(store: Store, w: Watchlist, docs: list[tuple[int, str, int]]) -> tuple[list, int]:
    """Documents whose extracted mentions name the entity; unextracted documents wait for extraction."""
    conn = store.conn
    stage = _mention_stage(store)
    if stage is None:
        return [], w.last_seq  # no stage finds mentions yet: wait
    hits, last = [], w.last_seq
    for rowid, doc_id, seq in docs:
        if not conn.execute(
            "SELECT 1 FROM extract_state WHERE doc = ? AND stage = ?", (rowid, stage)
        ).fetchone():
            break  # examined again once extracted
        last = seq
        m = conn.execute(
            'SELECT start, "end", text FROM mentions WHERE doc = ? AND (entity = ? OR '
            "(entity IS NULL AND text = ? COLLATE NOCASE)) ORDER BY start LIMIT 1",
            (rowid, w.query, w.query),
        ).fetchone()
        if m:
            row = conn.execute(
                "SELECT d.id, s.name, d.published, d.title, d.url, d.body FROM docs d JOIN sources s "
                "ON s.id = d.source_id WHERE d.rowid = ?",
                (rowid,),
            ).fetchone()
            hits.append(((rowid, doc_id, seq), {"snippet": m[2], "row": row}))
    return hits, last


def _mention_stage(store: Store) -> str | None:
    """The extraction stage that writes mentions: the pipeline's, else the one found in the table."""
    from tealeaves.extract import Pipeline

    stage = Pipeline().produced_by().get("mention")
    if stage:
        return stage
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'mentions'").fetchone():
        return None
    row = store.conn.execute("SELECT stage FROM mentions LIMIT 1").fetchone()
    return row[0] if row else None


def _payload(w: Watchlist, seq: int, hit) -> dict:
    if isinstance(hit, dict):  # entity match
        r = hit["row"]
        doc = {"id": r[0], "source": r[1], "published": r[2], "title": r[3], "url": r[4]}
        snippet = hit["snippet"]
    else:
        doc = {
            "id": hit.id,
            "source": hit.source,
            "published": hit.published,
            "title": hit.title,
            "url": hit.url,
        }
        snippet = hit.snippet.replace("\x02", "").replace("\x03", "")
    return {
        "watchlist": w.name,
        "kind": w.kind,
        "query": w.query,
        "doc": {**doc, "seq": seq},
        "snippet": snippet,
    }


def check_alerts(store: Store, *, batch: int = 5000) -> list[dict]:
    """Raise an alert for every document ingested since each watchlist last looked. Returns the new
    alerts (each a dict with its ``id``), oldest first."""
    out = []
    for row in store.conn.execute(
        "SELECT id, name, kind, query, created_at, last_seq FROM watchlists"
    ).fetchall():
        w = Watchlist(*row)
        while True:
            docs = _new_docs(store, w.last_seq)[:batch]
            if not docs:
                break
            try:
                matches, last = (_entity_matches if w.kind == "entity" else _query_matches)(store, w, docs)
            except QueryError:
                matches, last = [], docs[-1][2]
            now = now_iso()
            with store.transaction() as conn:
                for (_rowid, doc_id, seq), hit in matches:
                    payload = _payload(w, seq, hit)
                    cur = conn.execute(
                        "INSERT OR IGNORE INTO alerts (watchlist_id, doc_id, doc_seq, created_at, payload, "
                        "webhook_state) VALUES (?,?,?,?,?,?)",
                        (w.id, doc_id, seq, now, json.dumps(payload, ensure_ascii=False), None),
                    )
                    if cur.rowcount:
                        out.append({"id": cur.lastrowid, "raised_at": now, **payload})
                conn.execute("UPDATE watchlists SET last_seq = ? WHERE id = ?", (last, w.id))
            if last == w.last_seq:
                break  # waiting for extraction
            w.last_seq = last
    return out


# -- delivery -----------------------------------------------------------------------------------


@dataclass
class Delivery:
    written: int = 0
    webhook_sent: int = 0
    webhook_failed: int = 0
    errors: list[str] | None = None


def deliver(
    store: Store,
    alerts: list[dict],
    *,
    file: str | None = None,
    webhook: str | None = None,
    echo: Callable[[str], None] | None = None,
) -> Delivery:
    """Write ``alerts`` as JSON Lines to ``file`` ("-" = ``echo``, i.e. stdout) and POST each to
    ``webhook``, with retries; alerts whose webhook failed before are retried first."""
    file = settings.get("alerts_file", file) or None
    webhook = settings.get("alerts_webhook", webhook) or None
    d = Delivery(errors=[])
    lines = [json.dumps(a, ensure_ascii=False) for a in alerts]
    if file == "-" and echo:
        for line in lines:
            echo(line)
        d.written = len(lines)
    elif file and lines:
        with open(Path(file), "a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        d.written = len(lines)
    if webhook:
        with store.transaction() as conn:
            conn.executemany(
                "UPDATE alerts SET webhook_state = 'pending' WHERE id = ? AND webhook_state IS NULL",
                [(a["id"],) for a in alerts],
            )
        _send_pending(store, webhook, d)
    return d


def _send_pending(store: Store, webhook: str, d: Delivery) -> None:
    attempts = int(settings.get("webhook_attempts"))
    rows = store.conn.execute(
        "SELECT a.id, a.payload, a.created_at FROM alerts a WHERE a.webhook_state = 'pending' ORDER BY a.id"
    ).fetchall()
    for alert_id, payload, created in rows:
        body = {"id": alert_id, "raised_at": created, **json.loads(payload)}
        try:
            post_json(webhook, body, attempts=attempts, pause=float(settings.get("webhook_pause")))
            state, err = "sent", None
            d.webhook_sent += 1
        except FetchError as e:
            state, err = ("failed" if e.reason == "http_status" else "pending"), str(e)
            d.webhook_failed += 1
            d.errors.append(str(e))
        with store.transaction() as conn:
            conn.execute(
                "UPDATE alerts SET webhook_state = ?, webhook_tries = webhook_tries + ?, webhook_error = ? "
                "WHERE id = ?",
                (state, attempts if err else 1, err, alert_id),
            )
        if state == "pending":
            break  # the receiver is down: keep the rest pending for the next delivery


def since_bound(text: str) -> str:
    """``--since`` as an ISO timestamp: a date or date-time, or an age such as 30m, 12h, 7d."""
    import datetime as dt
    import re

    m = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text)
    if m:
        unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[m.group(2)]
        t = dt.datetime.now(dt.UTC) - dt.timedelta(**{unit: int(m.group(1))})
        return t.replace(microsecond=0).isoformat()
    try:
        t = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"bad --since {text!r}: give a date (2024-07-01), a date-time (2024-07-01T06:00) "
            "or an age (12h, 7d)"
        ) from None
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def list_alerts(
    store: Store, since: str | None = None, watchlist: str | None = None, limit: int = 100
) -> list[dict]:
    where, params = [], []
    if since:
        where.append("a.created_at >= ?")
        params.append(since_bound(since))
    if watchlist:
        where.append("a.watchlist_id = ?")
        params.append(get_watchlist(store, watchlist).id)
    sql = (
        "SELECT a.id, a.created_at, a.payload, a.webhook_state, a.webhook_error FROM alerts a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.id LIMIT ?"
    )
    out = []
    for alert_id, created, payload, wh, err in store.conn.execute(sql, [*params, limit]):
        a = {"id": alert_id, "raised_at": created, **json.loads(payload)}
        if wh:
            a["webhook"] = wh + (f" ({err})" if err else "")
        out.append(a)
    return out
