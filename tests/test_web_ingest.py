"""Web pages and WARC archives: real benchmark pages, WARC files built with warcio."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tealeaves.bench.html import page_counts, prf
from tealeaves.ingest.html import parse_page
from tealeaves.store.documents import get_document, why
from tealeaves.store.loader import ingest
from tealeaves.store.web import web_origins

WEB = Path(__file__).parent / "data" / "web"
GOLD = json.loads((WEB / "ground-truth.json").read_text(encoding="utf-8"))
KO = "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2"  # no URL, no site name
RU = "c4a3637c6696f238cf9fe1c7fbb17bbb6731a71d4f5fe399b9b4fc3294a96a6b"


def page(key: str) -> bytes:
    return gzip.decompress((WEB / "pages" / f"{key}.html.gz").read_bytes())


def not_article() -> bytes:
    """A section front: a list of headlines and links, no article (shaped like a news site's index)."""
    items = "".join(
        f'<li><a href="/news/2024/{i}">Headline number {i}</a> <time>2024-07-{i:02d}</time></li>'
        for i in range(1, 9)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News | Example Daily</title>'
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><ul>{items}</ul>"
        "<footer>© Example Daily</footer></body></html>"
    ).encode()


def test_pages_extract_close_to_gold():
    counts = []
    for key, gold in GOLD.items():
        rec = parse_page(page(key), url=gold["url"])
        assert rec["title"] and rec["lang"], key
        counts.append(page_counts(gold["articleBody"], rec["body"]))
    assert prf(counts)["f1"] > 0.9


def test_ingest_html_folder(store):
    s = ingest(store, [WEB / "pages"])
    assert (s.read, s.stored, s.rejected) == (8, 7, 1)
    assert s.reasons == {"missing_field": 1}
    msg = store.conn.execute("SELECT message FROM quarantine").fetchone()[0]
    assert "--set source=NAME" in msg
    rows = store.conn.execute(
        "SELECT d.published, d.lang, d.url, s.name FROM docs d JOIN sources s ON s.id = d.source_id"
    )
    by_lang = {}
    for published, lang, url, source in rows:
        assert published[:2] in ("19", "20")
        assert (url is None or url.startswith("http")) and source
        by_lang[lang] = by_lang.get(lang, 0) + 1
    assert by_lang.get("en", 0) >= 5 and by_lang.get("ru") == 1
    again = ingest(store, [WEB / "pages"])
    assert (again.stored, again.already_stored) == (0, 7)


def test_set_source_fills_what_a_page_lacks(tmp_path, store):
    f = tmp_path / "ko.html"
    f.write_bytes(page(KO))
    from tealeaves.ingest import FieldMap

    s = ingest(store, [f], FieldMap.parse([], ["source=Entermedia"]))
    assert s.stored == 1
    lang, source = store.conn.execute(
        "SELECT d.lang, s.name FROM docs d JOIN sources s ON s.id = d.source_id"
    ).fetchone()
    assert (lang, source) == ("ko", "Entermedia")


def test_not_an_article_is_rejected_with_reason(tmp_path, store):
    (tmp_path / "index.html").write_bytes(not_article())
    s = ingest(store, [tmp_path])
    assert s.reasons == {"not_article": 1} and s.stored == 0
    (row,) = why(store, f"{tmp_path / 'index.html'}:1")
    assert row["status"] == "rejected" and "no article text" in row["detail"]


def test_unknown_declared_encoding_is_detected(tmp_path, store):
    html = page(RU).decode("utf-8")
    body = GOLD[RU]["articleBody"]
    html = html.replace('charset="UTF-8"', 'charset="x-unknown-charset"').replace(
        "charset=UTF-8", "charset=x-unknown-charset"
    )
    (tmp_path / "ru.html").write_bytes(html.encode("cp1251", "replace"))
    s = ingest(store, [tmp_path])
    assert s.stored == 1
    stored_body = store.conn.execute("SELECT body FROM docs").fetchone()[0]
    assert page_counts(body, stored_body)[0] > 0.8
    (origin,) = store.conn.execute("SELECT encoding FROM web_origins").fetchall()
    assert origin[0].lower() in ("cp1251", "windows-1251")


def test_encoding_option_overrides_a_wrong_declaration(tmp_path, store):
    html = page(RU).decode("utf-8").encode("cp1251", "replace")  # still declares UTF-8
    (tmp_path / "ru.html").write_bytes(html)
    s = ingest(store, [tmp_path], encoding="cp1251")
    assert s.stored == 1
    body = store.conn.execute("SELECT body FROM docs").fetchone()[0]
    assert page_counts(GOLD[RU]["articleBody"], body)[0] > 0.8


def test_undecodable_bytes_are_rejected(tmp_path, store):
    import random

    rng = random.Random(7)
    junk = bytes(rng.randrange(128, 256) for _ in range(20000))
    (tmp_path / "junk.html").write_bytes(
        b"<html><head><meta charset='utf-8'></head><body><p>" + junk + b"</p></body></html>"
    )
    s = ingest(store, [tmp_path])
    assert s.reasons == {"bad_encoding": 1}


# -- WARC ---------------------------------------------------------------------------------------


def build_warc(path: Path, keys: list[str], extras: bool = True) -> None:
    """A WARC shaped like a crawler's: request + response per page, plus an image, a redirect, a 404."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "tests", "format": "WARC/1.0"}))
        for key in keys:
            url = GOLD[key]["url"]
            w.write_record(
                w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            w.write_record(
                w.create_warc_record(url, "response", payload=io.BytesIO(page(key)), http_headers=http)
            )
        if extras:
            for status, ctype, body, url in (
                ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64), "https://example.org/logo.png"),
                ("301 Moved Permanently", "text/html", b"", "https://example.org/old"),
                ("404 Not Found", "text/html", b"<html>gone</html>", "https://example.org/gone"),
            ):
                http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                w.write_record(
                    w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
                )


def test_warc_ingest_counts_and_provenance(tmp_path, store):
    keys = [k for k in GOLD if k != KO]
    warc = tmp_path / "crawl.warc.gz"
    build_warc(warc, keys)
    s = ingest(store, [warc])
    assert (s.stored, s.rejected) == (len(keys), 0)
    assert s.skipped == {
        "warc_warcinfo": 1,
        "warc_request": len(keys),
        "not_html": 1,
        "http_redirect": 1,
        "http_status": 1,
    }
    doc_id = store.conn.execute("SELECT id FROM docs WHERE url = ?", (GOLD[keys[0]]["url"],)).fetchone()[0]
    (origin,) = web_origins(store, doc_id)
    assert origin["kind"] == "warc" and origin["target_uri"] == GOLD[keys[0]]["url"]
    assert origin["fetched_at"] and origin["record_id"].startswith("<urn:uuid:")
    with open(warc, "rb") as f:  # the offset points at that very record
        f.seek(origin["warc_offset"])
        rec = next(iter(ArchiveIterator(f)))
        assert rec.rec_headers.get_header("WARC-Target-URI") == origin["target_uri"]
        assert rec.rec_type == "response"
    rows = why(store, doc_id)
    assert "WARC" in rows[0]["detail"] and str(origin["warc_offset"]) in rows[0]["detail"]
    assert why(store, GOLD[keys[0]]["url"])[0]["id"] == doc_id
    assert (
        get_document(store, doc_id).as_dict(store)["web_origins"][0]["warc_offset"] == origin["warc_offset"]
    )


def test_same_page_in_two_archives_is_one_document(tmp_path, store):
    keys = list(GOLD)[:2]
    build_warc(tmp_path / "a.warc.gz", keys, extras=False)
    build_warc(tmp_path / "b.warc.gz", keys, extras=False)
    s = ingest(store, [tmp_path])
    assert (s.stored, s.duplicate) == (2, 2)
    assert store.conn.execute("SELECT count(*) FROM web_origins").fetchone()[0] == 4


def test_truncated_warc_keeps_what_came_before(tmp_path, store):
    keys = [k for k in GOLD if k != KO][:4]
    warc = tmp_path / "cut.warc.gz"
    build_warc(warc, keys, extras=False)
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 3000])
    s = ingest(store, [warc])
    assert s.stored == 3
    assert s.reasons == {"truncated_warc": 1}


def test_warc_with_fetch_date_fallback(tmp_path, store):
    """A page that carries no date gets the WARC record's fetch date."""
    html = (
        "<html><head><title>Model workers meet</title></head><body><article>"
        + "".join(
            f"<p>The meeting of model workers number {i} was held in the capital with {i * 10} delegates "
            f"present from the province, who spoke about the harvest and the tasks ahead.</p>"
            for i in range(6)
        )
        + "</article></body></html>"
    ).encode()
    warc = tmp_path / "nodate.warc"
    with open(warc, "wb") as f:
        w = WARCWriter(f, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://news.example.org/a/1",
                "response",
                payload=io.BytesIO(html),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
            )
        )
    s = ingest(store, [warc])
    assert s.stored == 1
    assert store.conn.execute("SELECT published, url FROM docs").fetchone() == (
        "2024-03-05",
        "https://news.example.org/a/1",
    )


@pytest.mark.parametrize("name", ["tealeaves"])
def test_bench_scoring_matches_published_method(name):
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("one two three four five six", "one two three four")
    assert fp == 0 and tp > 0 and fn > 0
    assert prf([(1.0, 0.0, 0.0), (0.0, 1.0, 0.0)])["precision"] == 0.5


def test_bench_html_runs_every_extractor_and_the_ingest_path(tmp_path):
    """`tealeaves bench html` on the sample pages: same F1 for our pipeline and trafilatura (our body is
    trafilatura's), all pages stored by the timed ingest, metadata found."""
    from click.testing import CliRunner

    from tealeaves.cli import cli

    (tmp_path / "html").mkdir()
    for f in (WEB / "pages").iterdir():
        (tmp_path / "html" / f.name).write_bytes(f.read_bytes())
    (tmp_path / "ground-truth.json").write_text(json.dumps(GOLD), encoding="utf-8")
    r = CliRunner().invoke(cli, ["bench", "html", "--dir", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    ours, ref = res["tealeaves"], res["trafilatura.extract (reference)"]
    assert ours["pages"] == len(GOLD) and ours["f1"] == ref["f1"] > 0.9
    assert ours["ingest_stored"] == len(GOLD) and ours["ingest_pages_per_s"] > 0
    assert ours["with_title"] == ours["with_lang"] == 1.0
    assert res["whole page text (floor)"]["f1"] < ours["f1"]
