"""HTTP for live sources: bounded GETs (timeouts, a size cap, a redirect policy) and JSON POSTs.

Every failure is a :class:`FetchError` with a reason code, so callers count it by name:
``timeout`` (no byte for ``timeout`` seconds), ``deadline`` (the whole response took longer than
``deadline`` seconds: a server dripping bytes), ``too_large`` (over ``max_bytes``; the body is not
read past the cap), ``redirect_offsite`` (a redirect to another host, refused unless allowed),
``too_many_redirects``, ``http_status`` (4xx/5xx), ``connect_error``, ``bad_url``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from tealeaves import __version__, settings
from tealeaves.errors import InputError

USER_AGENT = f"tealeaves/{__version__} (feed reader; +https://github.com/tealeaves)"


class FetchError(InputError):
    """A request that did not give a usable response; ``reason`` is one of the codes above."""

    def __init__(self, reason: str, message: str, status: int | None = None):
        super().__init__(reason, message)
        self.status = status


@dataclass
class Limits:
    timeout: float
    deadline: float
    max_bytes: int
    max_redirects: int = 5
    allow_offsite: bool = False

    @classmethod
    def default(cls, **overrides) -> Limits:
        base = cls(
            timeout=float(settings.get("fetch_timeout")),
            deadline=float(settings.get("fetch_deadline")),
            max_bytes=int(settings.get("max_response_bytes")),
            max_redirects=int(settings.get("max_redirects")),
            allow_offsite=bool(int(settings.get("allow_offsite_redirects"))),
        )
        for k, v in overrides.items():
            if v is not None:
                setattr(base, k, v)
        return base


@dataclass
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    fetched_at: str = ""  # ISO 8601 UTC, second precision

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _same_site(a: str, b: str) -> bool:
    ha, hb = (urlsplit(u).hostname or "" for u in (a, b))
    strip = lambda h: h[4:] if h.startswith("www.") else h  # noqa: E731
    return strip(ha) == strip(hb)


def fetch(
    url: str,
    limits: Limits | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> Response:
    """GET ``url`` within ``limits``, following same-site redirects. A 304 is returned, not raised."""
    limits = limits or Limits.default()
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("bad_url", f"not an http(s) URL: {url!r}")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own = client is None
    client = client or httpx.Client(timeout=httpx.Timeout(limits.timeout), follow_redirects=False)
    start = time.monotonic()
    try:
        current = url
        for _ in range(limits.max_redirects + 1):
            resp = _get_once(client, current, headers, limits, start)
            if resp.status in (301, 302, 303, 307, 308):
                target = resp.header("location")
                if not target:
                    raise FetchError("http_status", f"HTTP {resp.status} without a Location from {current}")
                target = urljoin(current, target)
                if not limits.allow_offsite and not _same_site(url, target):
                    raise FetchError(
                        "redirect_offsite",
                        f"{current} redirects to another host ({target}); not followed "
                        "(setting allow_offsite_redirects)",
                        resp.status,
                    )
                current = target
                continue
            resp.url = url
            resp.final_url = current
            if resp.status >= 400:
                raise FetchError("http_status", f"HTTP {resp.status} from {current}", resp.status)
            return resp
        raise FetchError("too_many_redirects", f"more than {limits.max_redirects} redirects from {url}")
    finally:
        if own:
            client.close()


def _get_once(client: httpx.Client, url: str, headers: dict, limits: Limits, start: float) -> Response:
    try:
        with client.stream("GET", url, headers=headers) as r:
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                raise FetchError(
                    "too_large",
                    f"{url} declares {int(declared):,} bytes, over max_response_bytes {limits.max_bytes:,}; "
                    "not downloaded",
                    r.status_code,
                )
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(
                        "too_large",
                        f"{url} sent more than max_response_bytes {limits.max_bytes:,}; download stopped",
                        r.status_code,
                    )
                if time.monotonic() - start > limits.deadline:
                    raise FetchError(
                        "deadline",
                        f"{url} took longer than fetch_deadline {limits.deadline:g}s "
                        f"({size:,} bytes received); download stopped",
                        r.status_code,
                    )
                chunks.append(chunk)
            return Response(url, url, r.status_code, list(r.headers.multi_items()), b"".join(chunks), _now())
    except httpx.TimeoutException as e:
        raise FetchError(
            "timeout", f"{url}: no response within fetch_timeout {limits.timeout:g}s ({type(e).__name__})"
        ) from None
    except httpx.InvalidURL as e:
        raise FetchError("bad_url", f"invalid URL {url!r}: {e}") from None
    except (httpx.TransportError, httpx.DecodingError) as e:
        raise FetchError("connect_error", f"{url}: {type(e).__name__}: {e}") from None


def post_json(
    url: str, payload: object, *, attempts: int = 3, timeout: float = 10.0, pause: float = 0.5
) -> int:
    """POST ``payload`` as JSON, retrying on network errors and 5xx (``pause`` doubling between tries).

    Returns the final HTTP status; raises FetchError when every attempt failed.
    """
    body = json.dumps(payload, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
    last = ""
    for i in range(attempts):
        try:
            r = httpx.post(url, content=body, headers=headers, timeout=timeout)
            if r.status_code < 500:
                if r.status_code >= 400:
                    raise FetchError(
                        "http_status", f"webhook {url} answered HTTP {r.status_code}", r.status_code
                    )
                return r.status_code
            last = f"HTTP {r.status_code}"
        except httpx.HTTPError as e:
            last = f"{type(e).__name__}: {e}"
        if i + 1 < attempts:
            time.sleep(pause * (2**i))
    raise FetchError("webhook_failed", f"webhook {url} failed {attempts} times (last: {last})")
