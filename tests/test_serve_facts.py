"""API routes over extracted facts and the term index, on the bundled sample with its facts extracted."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest
from fastapi.testclient import TestClient

from tealeaves.analyze import facts as fq
from tealeaves.analyze import termviews
from tealeaves.analyze.cooccur import cooccurring
from tealeaves.serve.app import create_app
from tealeaves.serve.config import ServeConfig
from tealeaves.serve.geo import provinces
from tealeaves.store import Store


@pytest.fixture(scope="module")
def fclient(facts_db):
    app = create_app(ServeConfig.from_settings(db=str(facts_db)))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def fstore(facts_db):
    s = Store(facts_db, readonly=True)
    yield s
    s.close()


def test_entities_mirror_the_library(fclient, fstore):
    body = fclient.get("/api/entities", params={"type": "PERSON", "limit": 10}).json()
    assert body["entities"] == fq.list_entities(fstore, "PERSON", 10, False)
    assert body["entities"][0]["mentions"] > 0
    unresolved = fclient.get("/api/entities", params={"unresolved": True, "limit": 5}).json()["entities"]
    assert unresolved and all(e["id"] is None for e in unresolved)


def test_entity_with_aliases_timeline_and_cooccurring(fclient, fstore):
    body = fclient.get("/api/entities/Kim Jong-un").json()  # an alias finds the entity
    ent = body["entity"]
    assert ent["id"] == "kim-jong-un" and "Kim Jong-un" in ent["aliases"]
    points = body["timeline"]["series"][0]["points"]
    assert sum(p["count"] for p in points) == sum(y["documents"] for y in ent["years"]) > 0
    names = [r["id"] for r in body["cooccurring"]]
    assert "kim-jong-un" not in names and names
    assert all(r["type"] == "PLACE" for r in body["places"]) and body["places"]


def test_cooccurrence_against_brute_force(fstore):
    docs_of: dict[str, set] = defaultdict(set)
    for doc, ent in fstore.conn.execute("SELECT doc, entity FROM mentions WHERE entity IS NOT NULL"):
        docs_of[ent].add(doc)
    total = len(set().union(*docs_of.values()))
    mine = docs_of["kanggye"]
    for r in cooccurring(fstore, "kanggye", limit=10):
        both = len(mine & docs_of[r["id"]])
        lift = both * total / (len(mine) * len(docs_of[r["id"]]))
        assert r["docs"] == both >= 2
        assert r["lift"] == pytest.approx(lift, rel=1e-3)
        assert r["score"] == pytest.approx(both * math.log(lift), rel=1e-3, abs=1e-3)


def test_quotes_and_events_mirror_the_library(fclient, fstore):
    body = fclient.get("/api/quotes", params={"limit": 20}).json()
    lib = fq.list_quotes(fstore, limit=20)
    assert [q["quote"] for q in body["quotes"]] == [q["quote"] for q in lib]
    assert all("<mark>" in q["context_html"] for q in body["quotes"])
    ev = fclient.get("/api/events", params={"type": "appearance", "limit": 20}).json()["events"]
    assert [e["sentence"] for e in ev] == [
        e["sentence"] for e in fq.list_events(fstore, "appearance", limit=20)
    ]


def test_appearances_counts_and_map(fclient, fstore):
    body = fclient.get("/api/appearances", params={"by": "year"}).json()
    assert body["counts"] == fq.appearance_counts(fstore, "year")
    m = body["map"]
    assert m["points"] and all(37 < p["lat"] < 43.5 and 124 < p["lon"] < 131 for p in m["points"])
    names = {p["name"] for p in provinces()["provinces"]}
    assert m["provinces"] and set(m["provinces"]) <= names
    month = fclient.get("/api/appearances", params={"by": "month", "from": "2012", "to": "2012"}).json()
    assert all(c["period"].startswith("2012-") for c in month["counts"])


def test_terms_bursts_and_one_term(fclient, fstore):
    body = fclient.get("/api/terms", params={"limit": 10}).json()
    assert [t["term"] for t in body["terms"]] == [r.term for r in termviews.list_terms(fstore, limit=10)]
    assert body["index"]["stale"] is False
    term = body["terms"][0]["term"]
    detail = fclient.get(f"/api/terms/{term}", params={"by": "year"}).json()
    assert detail["variant_counts"] and detail["chart"]["series"][0]["points"] == detail["timeline"]
    assert all("<mark>" in f["sentence_html"] for f in detail["first_use"])
    bursts = fclient.get("/api/bursts", params={"limit": 5}).json()["bursts"]
    assert bursts == termviews.list_bursts(fstore, limit=5)


def test_document_carries_its_facts(fclient, fstore):
    doc_id = fq.list_events(fstore, "appearance", limit=1)[0]["doc_id"]
    body = fclient.get(f"/api/documents/{doc_id}").json()
    text = body["document"]["title"] + "\n\n" + body["document"]["body"]
    assert {"mention", "event", "sentence"} <= set(body["facts"])
    for m in body["facts"]["mention"]:
        assert text[m["start"] : m["end"]] == m["text"]
    page = fclient.get(f"/doc/{doc_id}")
    assert page.status_code == 200 and 'class="hl hl-mention' in page.text and "hl-event" in page.text


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/entities/nobody-at-all", {}, 404),
        ("/api/entities", {"type": "ANIMAL"}, 400),
        ("/api/entities", {"limit": 1000}, 400),
        ("/api/events", {"type": "party"}, 400),
        ("/api/appearances", {"by": "decade"}, 400),
        ("/api/terms", {"kind": "no-such-kind"}, 400),
        ("/api/terms/no such term at all", {}, 404),
        ("/api/terms/Kanggye spirit", {"by": "decade"}, 400),
        ("/api/bursts", {"from": "2014", "to": "2012"}, 400),
        ("/api/quotes", {"from": "not a date"}, 400),
    ],
)
def test_fact_route_errors_have_the_one_shape(fclient, path, params, status):
    r = fclient.get(path, params=params)
    assert r.status_code == status, r.text
    assert set(r.json()["error"]) == {"code", "message", "status"}


def test_fact_pages_render(fclient):
    for path in (
        "/entities",
        "/entity/kanggye",
        "/appearances",
        "/quotes",
        "/terms",
        "/term?t=Kanggye+spirit",
    ):
        r = fclient.get(path)
        assert r.status_code == 200, (path, r.text[:300])
    assert 'id="variant-table"' in fclient.get("/term", params={"t": "Kanggye spirit"}).text
    assert 'id="not-in-index"' in fclient.get("/term", params={"t": "Korean peninsula"}).text


def test_brief_precedents_glossary_mirror_the_library(fclient, fstore):
    import datetime as dt

    from tealeaves.analyze.brief import brief
    from tealeaves.analyze.glossary import glossary
    from tealeaves.analyze.precedents import precedents

    body = fclient.get("/api/brief", params={"week": "2012-W15"}).json()
    lib = brief(fstore, dt.date(2012, 4, 9), dt.date(2012, 4, 15)).as_dict()
    assert (body["date_from"], body["date_to"], body["documents"]) == (
        "2012-04-09",
        "2012-04-15",
        lib["documents"],
    )
    assert [t["term"] for t in body["new_terms"]] == [t["term"] for t in lib["new_terms"]]
    assert [q["quote"] for q in body["quotes"]] == [q["quote"] for q in lib["quotes"]]
    assert body["prev"] == "2012-W14" and body["next"] == "2012-W16"
    latest = fclient.get("/api/brief").json()  # the archive's last full week
    assert dt.date.fromisoformat(latest["date_from"]).weekday() == 0 and latest["documents"] > 0
    assert fclient.get("/api/precedents", params={"term": "Kanggye spirit"}).json()[
        "precedents"
    ] == precedents(fstore, "Kanggye spirit", limit=10)
    g = fclient.get("/api/glossary", params={"term": "Arduous March"}).json()["glossary"]
    assert [x["sentence"] for x in g] == [x.sentence for x in glossary(fstore, "Arduous March", limit=5)]
    assert g and all("<mark>" in x["sentence_html"] for x in g)


@pytest.mark.parametrize(
    "params",
    [
        {"week": "2012-15"},
        {"week": "2012-W60"},
        {"from": "2012-01-01", "to": "2012-12-31"},
        {"from": "2012-01-01"},
    ],
)
def test_brief_window_limits(fclient, params):
    r = fclient.get("/api/brief", params=params)
    assert r.status_code == 400 and r.json()["error"]["message"].split(":")[0] in ("week", "to", "from, to")
