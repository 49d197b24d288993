"""A real HTTP server on 127.0.0.1 for the live-source tests: feeds, pages, misbehaving servers, a
webhook receiver. Routes are set per test; every request is recorded."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # accept, then never answer (until the server stops)
    length: int | None = None  # Content-Length to declare for a streamed body


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.posts: list[dict] = []
        self.post_failures = 0  # answer this many POSTs with 500 before accepting
        self.stopping = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [h for m, p, h in self.requests if p == path and m == "GET"]

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server.requests.append(("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    return self._send(404, b"not found", "text/plain")
                if route.hang:
                    server.stopping.wait(60)
                    return None
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    return self._send(304, b"", None, {"ETag": route.etag})
                if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                    return self._send(304, b"", None, {"Last-Modified": route.last_modified})
                extra = dict(route.headers)
                if route.etag:
                    extra["ETag"] = route.etag
                if route.last_modified:
                    extra["Last-Modified"] = route.last_modified
                if callable(route.body):
                    return self._stream(route, extra)
                return self._send(route.status, route.body, route.content_type, extra)

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(n)
                server.requests.append(("POST", self.path, {}))
                if server.post_failures > 0:
                    server.post_failures -= 1
                    return self._send(500, b"try later", "text/plain")
                server.posts.append(json.loads(data))
                return self._send(200, b"ok", "text/plain")

            def _send(self, status, body, ctype, extra=None) -> None:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _stream(self, route: Route, extra) -> None:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for k, v in extra.items():
                    self.send_header(k, v)
                if route.length is not None:
                    self.send_header("Content-Length", str(route.length))
                else:
                    self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for chunk in route.body():
                        if server.stopping.is_set():
                            return
                        if route.length is None:
                            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                        else:
                            self.wfile.write(chunk)
                        self.wfile.flush()
                    if route.length is None:
                        self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: expected for oversized responses
                self.close_connection = True

        return Handler


def rss(items: list[dict], title: str = "KCNA Watch", link: str = "http://127.0.0.1/") -> bytes:
    """An RSS 2.0 document shaped like a news site's (channel metadata, guid, pubDate, CDATA summary)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel>",
        f"<title>{title}</title><link>{link}</link>",
        "<description>Latest stories</description><language>en-us</language>",
        f'<atom:link href="{link}feed.xml" rel="self" type="application/rss+xml"/>',
        "<lastBuildDate>Tue, 16 Jul 2024 06:10:00 +0000</lastBuildDate><ttl>15</ttl>",
    ]
    for it in items:
        parts.append(
            "<item>"
            f"<title>{it['title']}</title><link>{it['link']}</link>"
            f'<guid isPermaLink="false">{it.get("guid", it["link"])}</guid>'
            f"<pubDate>{it.get('date', 'Mon, 15 Jul 2024 08:30:00 +0900')}</pubDate>"
            "<dc:creator>Staff</dc:creator><category>Politics</category>"
            f"<description><![CDATA[<p>{it['title']} — summary.</p>]]></description>"
            "</item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


def atom(entries: list[dict], title: str = "Rodong Watch") -> bytes:
    """An Atom 1.0 feed shaped like a blog platform's (ids as tag URIs, alternate links, updated)."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"<title>{title}</title><id>tag:example.org,2024:feed</id>",
        "<updated>2024-07-16T06:10:00Z</updated><author><name>Desk</name></author>",
        '<link rel="self" href="http://127.0.0.1/atom.xml"/>',
    ]
    for e in entries:
        parts.append(
            "<entry>"
            f'<title type="html">{e["title"]}</title>'
            f'<link rel="alternate" type="text/html" href="{e["link"]}"/>'
            f"<id>{e.get('id', 'tag:example.org,2024:' + e['link'].rsplit('/', 1)[-1])}</id>"
            f"<published>{e.get('date', '2024-07-14T21:00:00Z')}</published>"
            f"<updated>{e.get('date', '2024-07-14T21:00:00Z')}</updated>"
            f'<summary type="html">{e["title"]}</summary>'
            "</entry>"
        )
    parts.append("</feed>")
    return "\n".join(parts).encode()
