"""robots.txt for the pages `tealeaves watch` fetches: Python's ``urllib.robotparser``, one file per
host, cached.

robots.txt is fetched with the same bounded GET as pages (timeouts, a size cap of 512 KiB, up to
``max_redirects`` redirects, to other hosts too as RFC 9309 asks) and handed to
``RobotFileParser.parse``. What a failed fetch means follows RFC 9309: a 4xx answer (no robots.txt)
allows everything; a 5xx answer or no answer (timeout, connection refused, too
large) means the host cannot say, so nothing is fetched from it until it can (the item is retried
on a later round). Rules are matched for tealeaves' user agent (``tealeaves``). A host's answer is kept
``robots_cache_seconds``; a failure is kept for at most a minute so that a host that comes back is
asked again soon.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from tealeaves import settings
from tealeaves.ingest.http import USER_AGENT, FetchError, Limits, fetch

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309: crawlers must parse at least 500 KiB
FAILURE_SECONDS = 60.0


@dataclass
class Verdict:
    allowed: bool
    reason: str | None = None  # robots_disallowed | robots_unavailable
    message: str = ""


@dataclass
class _Entry:
    parser: RobotFileParser | None  # None: robots.txt could not be read (nothing allowed)
    expires: float
    problem: str = ""


class RobotsCache:
    """Answers "may tealeaves fetch this URL?"; thread-safe, one robots.txt fetch per host at a time."""

    def __init__(self, limits: Limits | None = None, ttl: float | None = None, agent: str = USER_AGENT):
        base = limits or Limits.default()
        self.limits = Limits(
            timeout=base.timeout,
            deadline=base.deadline,
            max_bytes=min(base.max_bytes, MAX_ROBOTS_BYTES),
            max_redirects=base.max_redirects,
            allow_offsite=True,  # RFC 9309: robots.txt redirects are followed (up to five)
        )
        self.ttl = float(settings.get("robots_cache_seconds", ttl))
        self.agent = agent
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self.fetches = 0  # robots.txt requests made (for reports and tests)

    def check(self, url: str) -> Verdict:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return Verdict(True)  # fetch() names a bad URL itself
        host = urlunsplit((parts.scheme, parts.netloc.lower(), "", "", ""))
        entry = self._entry(host)
        if entry.parser is None:
            return Verdict(
                False,
                "robots_unavailable",
                f"{host}/robots.txt could not be read ({entry.problem}); the host's pages are not "
                "fetched until it can (setting respect_robots)",
            )
        if entry.parser.can_fetch(self.agent, url):
            return Verdict(True)
        return Verdict(
            False,
            "robots_disallowed",
            f"{host}/robots.txt disallows {url} for tealeaves; not fetched (setting respect_robots)",
        )

    def _entry(self, host: str) -> _Entry:
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:  # other threads asking about the same host wait for this one fetch
            entry = self._entries.get(host)
            if entry is None or entry.expires <= time.monotonic():
                entry = self._read(host)
                self._entries[host] = entry
            return entry

    def _read(self, host: str) -> _Entry:
        self.fetches += 1
        now = time.monotonic()
        try:
            resp = fetch(host + "/robots.txt", self.limits)
        except FetchError as e:
            if e.reason == "http_status" and e.status is not None and 400 <= e.status < 500:
                return _Entry(_allow_all(), now + self.ttl)
            return _Entry(None, now + min(self.ttl, FAILURE_SECONDS), f"{e.reason}: {e}")
        parser = RobotFileParser()
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        parser.modified()
        return _Entry(parser, now + self.ttl)


def _allow_all() -> RobotFileParser:
    parser = RobotFileParser()
    parser.allow_all = True
    return parser
