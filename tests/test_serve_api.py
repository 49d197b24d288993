"""The HTTP API on the bundled sample: routes mirror the library, one error shape, limits, token writes."""

from __future__ import annotations

import gzip
import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from tealeaves.analyze.first import first_use
from tealeaves.analyze.terms import term_query
from tealeaves.analyze.timeline import timeline
from tealeaves.serve.app import create_app
from tealeaves.serve.config import ServeConfig
from tealeaves.store import Store
from tealeaves.store.documents import get_document
from tealeaves.store.query import Query
from tealeaves.store.search import Filters, count, search

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(_sample_db):
    app = create_app(ServeConfig.from_settings(db=str(_sample_db)))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writer(sample_db_copy):
    app = create_app(ServeConfig.from_settings(db=str(sample_db_copy), token=TOKEN))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, sample_db_copy


def test_create_app_does_no_work_until_asked(tmp_path):
    app = create_app(ServeConfig.from_settings(db=str(tmp_path / "missing.db")))
    assert not (tmp_path / "missing.db").exists()
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
    assert r.status_code == 503 and "no store at" in r.json()["error"]["message"]
    assert not (tmp_path / "missing.db").exists()  # read-only: never creates a store


def test_search_mirrors_the_library(client, sample_store):
    r = client.get("/api/search", params={"q": '"arduous march"', "limit": 5, "sort": "date-asc"})
    assert r.status_code == 200
    body = r.json()
    q = Query.parse('"arduous march"')
    assert body["total"] == count(sample_store, q) > 5
    lib = search(sample_store, q, sort="date-asc", limit=5)
    assert [h["id"] for h in body["hits"]] == [h.id for h in lib]
    assert all("<mark>" in h["snippet"] for h in body["hits"])
    page2 = client.get(
        "/api/search", params={"q": '"arduous march"', "limit": 5, "offset": 5, "sort": "date-asc"}
    )
    assert page2.json()["hits"][0]["id"] == search(sample_store, q, sort="date-asc", limit=1, offset=5)[0].id


def test_search_filters(client):
    r = client.get(
        "/api/search", params={"q": "juche", "source": "KCNA", "lang": "es", "from": "2011", "to": "2012"}
    )
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert hits and all(h["source"] == "KCNA" and h["lang"] == "es" for h in hits)
    assert all("2011" <= h["published"][:4] <= "2012" for h in hits)


def test_snippets_are_escaped(client):
    r = client.get("/api/search", params={"q": "korea", "limit": 50})
    for h in r.json()["hits"]:
        assert "<" not in h["snippet"].replace("<mark>", "").replace("</mark>", "")


def test_timeline_mirrors_the_library(client, sample_store):
    r = client.get("/api/timeline", params={"term": ["Arduous March", "juche"], "by": "year"})
    assert r.status_code == 200
    series = r.json()["series"]
    assert [s["term"] for s in series] == ["Arduous March", "juche"]
    lib = timeline(sample_store, [("Arduous March", term_query("Arduous March"))], by="year")
    assert [(p["period"], p["count"], p["total"]) for p in series[0]["points"]] == [
        (p.period, p.count, p.total) for p in lib
    ]
    split = client.get("/api/timeline", params={"term": "juche", "by": "year", "split_sources": True}).json()
    assert len(split["series"]) == len(client.get("/api/stats").json()["sources"])


def test_search_timeline_counts_add_up(client):
    t = client.get("/api/search/timeline", params={"q": "juche AND idea", "by": "year"}).json()
    total = client.get("/api/search", params={"q": "juche AND idea"}).json()["total"]
    assert sum(p["count"] for p in t["series"][0]["points"]) == total > 0


def test_first_use_mirrors_the_library(client, sample_store):
    body = client.get("/api/first", params={"term": "Arduous March", "limit": 3}).json()
    lib = first_use(sample_store, "Arduous March", term_query("Arduous March"), Filters(), limit=3)
    assert [h["id"] for h in body["hits"]] == [h.id for h in lib.hits]
    assert "<mark>" in body["hits"][0]["sentence_html"]
    assert set(body["coverage"]) == set(lib.coverage)


def test_document_with_matches(client, sample_store):
    hit = client.get("/api/search", params={"q": "Kanggye", "limit": 1}).json()["hits"][0]
    body = client.get(f"/api/documents/{hit['id']}", params={"q": "Kanggye"}).json()
    d = body["document"]
    assert d == {**get_document(sample_store, hit["id"]).as_dict(), "body_offset": len(d["title"]) + 2}
    text = d["title"] + "\n\n" + d["body"]
    assert body["matches"] and all(text[a:b].lower() == "kanggye" for a, b in body["matches"])
    assert isinstance(body["facts"], dict)
    prefix = client.get(f"/api/documents/{hit['id'][:10]}").json()["document"]["id"]
    assert prefix == hit["id"]


def test_stats(client, sample_store):
    body = client.get("/api/stats").json()
    assert body["documents"] == sample_store.count_docs()
    assert body["writable"] is False


BAD_REQUESTS = [
    ("get", "/api/search", {"q": "("}, 400, "bad_query"),
    ("get", "/api/search", {"q": ""}, 400, "usage"),
    ("get", "/api/search", {}, 400, "usage"),
    ("get", "/api/search", {"q": "x" * 1001}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "limit": 0}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "limit": 101}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "limit": "ten"}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "offset": -1}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "sort": "random"}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "source": "Pravda"}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "from": "2012", "to": "2011"}, 400, "usage"),
    ("get", "/api/search", {"q": "juche", "from": "yesterday-ish"}, 400, "usage"),
    ("get", "/api/timeline", {"term": "juche", "by": "day"}, 400, "usage"),
    ("get", "/api/timeline", {"term": "juche", "by": "fortnight"}, 400, "usage"),
    ("get", "/api/timeline", {"term": [f"t{i}" for i in range(9)]}, 400, "usage"),
    ("get", "/api/timeline", {}, 400, "usage"),
    ("get", "/api/first", {"term": "juche", "limit": 1000}, 400, "usage"),
    ("get", "/api/documents/nonexistent-id", {}, 404, "not_found"),
    ("get", "/api/no-such-route", {}, 404, "not_found"),
    ("delete", "/api/search", {}, 405, "method_not_allowed"),
    ("post", "/api/ingest", {}, 401, "unauthorized"),
]


@pytest.mark.parametrize(("method", "path", "params", "status", "code"), BAD_REQUESTS)
def test_error_shape(client, method, path, params, status, code):
    r = client.request(method, path, params=params)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    msg = body["error"]["message"]
    assert msg and "\n" not in msg and "Traceback" not in msg


def test_error_messages_name_the_parameter(client):
    def msg(**params):
        return client.get("/api/search", params=params).json()["error"]["message"]

    assert msg(q="juche", limit=0).startswith("limit:")
    assert msg(q="juche", offset=-1).startswith("offset:")
    assert msg(q="juche", **{"from": "2011-13"}).startswith("from:")
    assert "KCNA" in msg(q="juche", source="Pravda")  # lists the valid choices


def test_unexpected_errors_are_500_without_a_trace(_sample_db):
    app = create_app(ServeConfig.from_settings(db=str(_sample_db)))

    def boom():
        raise RuntimeError("secret internals /etc/passwd")

    app.add_api_route("/api/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "internal"
    assert "secret" not in r.text and "Traceback" not in r.text


def test_pages_render_errors_as_html(client):
    r = client.get("/doc/nonexistent-id")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "nonexistent-id" in r.text
    r = client.get("/", params={"q": "("})
    assert r.status_code == 400 and 'id="error-message"' in r.text


def test_security_headers_and_no_third_party_assets(client):
    r = client.get("/", params={"q": "juche"})
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in r.text.split("<main>")[0] and "https://" not in r.text.split("<main>")[0]
    assert client.get("/static/chart.js").status_code == 200


def test_openapi_lists_every_api_route(client):
    spec = client.get("/api/openapi.json").json()
    api_paths = {r.path for r in client.app.routes if getattr(r, "path", "").startswith("/api/")}
    api_paths.discard("/api/openapi.json")
    assert api_paths <= set(spec["paths"])
    assert "/docs" not in {r.path for r in client.app.routes if hasattr(r, "path")}


# -- writes ---------------------------------------------------------------------------------------


def _upload_bytes() -> bytes:
    lines = (DATA / "mixed.jsonl").read_text(encoding="utf-8").splitlines()[:10]
    fresh = [json.loads(ln) for ln in lines[:3]]
    for i, rec in enumerate(fresh):  # new text, so these are stored rather than already there
        rec["title"] = f"{rec['title']} (upload test {i})"
    bad = [
        '{"id": "broken", "title": ',
        json.dumps({"id": "nodate", "source": "KCNA", "title": "x", "body": "y"}),
    ]
    return ("\n".join([json.dumps(r) for r in fresh] + lines[3:] + bad) + "\n").encode()


def test_ingest_needs_the_token(writer):
    c, _ = writer
    files = {"files": ("up.jsonl", _upload_bytes())}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        r = c.post("/api/ingest", files=files, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
        assert r.headers["www-authenticate"] == "Bearer"


def test_ingest_validates_and_quarantines_like_the_cli(writer):
    c, db = writer
    before = c.get("/api/stats").json()["documents"]
    r = c.post(
        "/api/ingest",
        files={"files": ("up.jsonl", _upload_bytes())},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200, r.text
    s = r.json()
    assert s["read"] == 12 and s["stored"] >= 3 and s["stored"] + s["already_stored"] + s["duplicate"] == 10
    assert s["rejected"] == 2 and set(s["rejected_by_reason"]) == {"bad_json", "missing_field"}
    assert c.get("/api/stats").json()["documents"] == before + s["stored"]
    again = c.post(
        "/api/ingest",
        files={"files": ("up.jsonl", _upload_bytes())},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert again.json()["stored"] == 0  # idempotent, as from the CLI
    with Store(db, readonly=True) as st:
        reasons = {
            r[0]
            for r in st.conn.execute("SELECT reason FROM quarantine WHERE origin_file = ?", (s["files"][0],))
        }
    assert reasons == {"bad_json", "missing_field"}
    hits = c.get("/api/search", params={"q": '"upload test 1"'}).json()
    assert hits["total"] == 1


def test_ingest_gzip_and_limits(writer, monkeypatch):
    c, _ = writer
    gz = gzip.compress(_upload_bytes())
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = c.post("/api/ingest", files={"files": ("up.jsonl.gz", gz)}, headers=auth)
    assert r.status_code == 200 and r.json()["rejected"] == 2
    r = c.post("/api/ingest", files={"files": ("notes.txt", b"hello")}, headers=auth)
    assert r.status_code == 200 and r.json()["rejected_by_reason"] == {"unsupported_file": 1}
    r = c.post("/api/ingest", data={"map": "nonsense"}, files={"files": ("up.jsonl", b"{}")}, headers=auth)
    assert r.status_code == 400 and "--map" in r.json()["error"]["message"]


def test_upload_size_limit(sample_db_copy, monkeypatch):
    monkeypatch.setenv("TEALEAVES_UPLOAD_MAX_BYTES", "1000")
    app = create_app(ServeConfig.from_settings(db=str(sample_db_copy), token=TOKEN))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post(
            "/api/ingest",
            files={"files": ("big.jsonl", b"x" * 200_000)},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
        r = c.post(
            "/api/ingest",
            files={"files": ("big.jsonl", b"x" * 5_000)},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert r.status_code == 413
    assert not list((sample_db_copy.parent / (sample_db_copy.name + ".uploads")).glob("*.jsonl"))


def test_every_api_route_is_documented(client):
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    for route in client.app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/api/") and path != "/api/openapi.json":
            path = path.replace(":path}", "}")
            for method in route.methods:
                assert f"`{method} {path}`" in doc, f"{method} {path} missing from docs/api.md"


def test_cached_answers_follow_the_store(writer):
    c, _ = writer
    params = {"q": '"cache follows store"'}
    first = c.get("/api/search", params=params)
    assert first.json()["total"] == 0 and first.headers["x-cache"] == "miss"
    again = c.get("/api/search", params=params)
    assert again.json()["total"] == 0 and again.headers["x-cache"] == "hit"
    rec = {
        "source": "KCNA",
        "published": "2012-03-04",
        "title": "Cache follows store",
        "body": "x",
        "lang": "en",
    }
    r = c.post(
        "/api/ingest",
        files={"files": ("one.jsonl", json.dumps(rec).encode())},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.json()["stored"] == 1
    after = c.get("/api/search", params=params)
    assert after.json()["total"] == 1 and after.headers["x-cache"] == "miss"


_any_text = st.text(max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/api/search", "/api/search/timeline", "/api/timeline", "/api/first"]),
    q=_any_text,
    date_from=st.one_of(st.none(), _any_text, st.dates().map(str)),
    date_to=st.one_of(st.none(), _any_text, st.dates().map(str)),
    limit=st.one_of(st.none(), st.integers(-5, 500).map(str), _any_text),
    by=st.sampled_from([None, "year", "month", "week", "day", "decade"]),
)
def test_any_input_gets_an_answer_or_one_error_shape(client, path, q, date_from, date_to, limit, by):
    params = {"q": q, "term": q, "from": date_from, "to": date_to, "limit": limit, "by": by}
    r = client.get(path, params={k: v for k, v in params.items() if v is not None})
    assert r.status_code in (200, 400), (r.status_code, r.text)
    if r.status_code == 400:
        err = r.json()["error"]
        assert err["code"] in ("usage", "bad_query") and err["message"] and err["status"] == 400


def test_a_nul_in_a_query_is_a_bad_query_not_a_crash(client):
    for path in ("/api/search", "/api/search/timeline"):
        r = client.get(path, params={"q": "a\x00b"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "bad_query"
    r = client.get("/api/timeline", params={"term": "a\x00b"})
    assert r.status_code == 400 and "NUL" in r.json()["error"]["message"]


def test_cached_answers_see_an_ingest_by_another_process(writer, tmp_path):
    """Kept answers (sent by the middleware without reaching the route) are dropped as soon as another
    writer commits new documents: each cached route then shows them."""
    from tealeaves.store.loader import ingest

    c, db = writer
    word = "quokkaventure"
    routes = [
        ("/api/search", {"q": word}),
        ("/api/search/timeline", {"q": word, "by": "year"}),
        ("/api/timeline", {"term": word, "by": "year"}),
        ("/api/first", {"term": word}),
        ("/api/stats", {}),
    ]
    before = {}
    for path, params in routes:
        first, again = c.get(path, params=params), c.get(path, params=params)
        assert first.status_code == again.status_code == 200, first.text
        assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit"), path
        assert first.content == again.content
        before[path] = first.json()
    rec = {"source": "KCNA", "published": "2012-03-04", "title": f"A {word} story", "body": "y", "lang": "en"}
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with Store(db) as st:  # its own connection, as `tealeaves ingest` in another process
        assert ingest(st, [new]).stored == 1
    after = {}
    for path, params in routes:
        r = c.get(path, params=params)
        assert r.status_code == 200 and r.headers["x-cache"] == "miss", path
        after[path] = r.json()
    assert before["/api/search"]["total"] == 0
    assert after["/api/search"]["total"] == 1 and word in after["/api/search"]["hits"][0]["title"].lower()
    for path in ("/api/search/timeline", "/api/timeline"):
        counts = {p["period"]: p["count"] for p in after[path]["series"][0]["points"]}
        assert counts["2012"] == 1 and sum(counts.values()) == 1, path
        assert sum(p["count"] for p in before[path]["series"][0]["points"]) == 0
    assert not before["/api/first"]["hits"] and after["/api/first"]["hits"][0]["published"] == "2012-03-04"
    assert after["/api/stats"]["documents"] == before["/api/stats"]["documents"] + 1
    assert c.get("/api/search", params={"q": word}).headers["x-cache"] == "hit"  # kept again


def test_server_tuning_settings_are_checked(monkeypatch):
    from tealeaves.errors import UsageError

    monkeypatch.setenv("TEALEAVES_API_SWITCH_MS", "0")
    with pytest.raises(UsageError, match="api_switch_ms"):
        ServeConfig.from_settings(db="x.db")
    monkeypatch.setenv("TEALEAVES_API_SWITCH_MS", "2.5")
    monkeypatch.setenv("TEALEAVES_API_THREADS", "0")
    with pytest.raises(UsageError, match="api_threads"):
        ServeConfig.from_settings(db="x.db")
    monkeypatch.setenv("TEALEAVES_API_THREADS", "3")
    cfg = ServeConfig.from_settings(db="x.db")
    assert (cfg.threads, cfg.switch_ms) == (3, 2.5)
