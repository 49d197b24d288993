"""One settings table: name, default, help. The CLI flags, the API and docs/settings.md read it.

A setting's value comes from (highest first) an explicit argument, the environment variable
``TEALEAVES_<NAME>`` (upper case), then the default below.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "TEALEAVES_" + self.name.upper()

    def value(self, explicit: Any = None) -> Any:
        if explicit is not None:
            return explicit
        raw = os.environ.get(self.env)
        if raw is None:
            return self.default
        return type(self.default)(raw) if self.default is not None else raw


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("db", "tealeaves.db", "SQLite file holding documents, facts and indexes."),
        Setting("batch_size", 10000, "Records written per transaction during ingest."),
        Setting(
            "reader_process",
            "auto",
            "Read and validate input in a second process while this one writes (auto: for inputs of "
            "8 MB or more on a machine with two or more cores; on; off).",
        ),
        Setting(
            "max_record_bytes",
            16 * 1024 * 1024,
            "Largest input record (one JSON line, CSV row or file) accepted; larger ones are quarantined.",
        ),
        Setting(
            "quarantine_max_bytes",
            64 * 1024 * 1024,
            "Raw bytes of a rejected record kept in quarantine; beyond this only the head and a pointer "
            "(file, byte offset, length) are kept.",
        ),
        Setting(
            "rank_index",
            "auto",
            "Ranked search through the derived tantivy index beside the store (`auto`: when the package "
            "is installed and the index is caught up; `off`: always rank with FTS5's BM25).",
        ),
        Setting("search_limit_max", 1000, "Largest page size a search accepts."),
        Setting("query_max_chars", 1000, "Longest search query accepted."),
        Setting("snippet_tokens", 16, "Tokens of context in a search snippet."),
        Setting(
            "packs",
            "",
            "Extra domain-pack folders (paths separated by ':' on Unix, ';' on Windows), used after the "
            "built-in general and dprk packs; see docs/packs.md.",
        ),
        Setting(
            "coverage_warn_days",
            90,
            "`first` warns when the earliest hit is within this many days of the start of its source's "
            "coverage (the term may be older than the archive).",
        ),
        Setting(
            "term_packs",
            "",
            "Extra pack folders (separated by the OS path separator) whose term_patterns.tsv and "
            "term_words.tsv add campaign-term patterns to the built-in packs.",
        ),
        Setting(
            "serve_host", "127.0.0.1", "Address `tealeaves serve` binds to (localhost unless told otherwise)."
        ),
        Setting("serve_port", 8000, "Port `tealeaves serve` listens on."),
        Setting(
            "serve_token",
            None,
            "Bearer token that enables writes (POST /api/ingest); unset, the server is read-only.",
        ),
        Setting("api_limit_max", 100, "Largest page size an API or web list accepts."),
        Setting(
            "api_points_max",
            5000,
            "Most periods a timeline request may return (a daily timeline over 20 years is refused: "
            "narrow the dates or use a longer period).",
        ),
        Setting(
            "api_cache_entries",
            256,
            "Answers the API keeps in memory (least recently used first out); emptied whenever the store "
            "changes. 0 turns the cache off.",
        ),
        Setting("upload_max_bytes", 64 * 1024 * 1024, "Largest file accepted by POST /api/ingest."),
        Setting("feed_interval", 900.0, "Seconds between polls of a feed by `tealeaves watch`."),
        Setting(
            "feed_backoff",
            60.0,
            "Seconds before retrying a feed after its first failure; doubles with each further failure.",
        ),
        Setting("feed_backoff_max", 21600.0, "Longest wait between retries of a failing feed (seconds)."),
        Setting("fetch_timeout", 20.0, "Seconds to wait for a server to connect or send the next bytes."),
        Setting(
            "fetch_deadline",
            60.0,
            "Longest a whole response may take (seconds); slower downloads are stopped.",
        ),
        Setting(
            "max_response_bytes",
            10 * 1024 * 1024,
            "Largest feed or page downloaded; bigger responses are stopped at this size (reason too_large).",
        ),
        Setting("max_redirects", 5, "Redirects followed per request."),
        Setting(
            "allow_offsite_redirects",
            0,
            "1: follow redirects to another host (off: the page stored is the one the feed named).",
        ),
        Setting("fetch_workers", 4, "Feeds and pages `tealeaves watch` fetches at the same time."),
        Setting("item_max_attempts", 3, "Fetches of a feed item's page before watch gives up on it."),
        Setting(
            "respect_robots",
            1,
            "1: `tealeaves watch` fetches a page only if its site's robots.txt allows it (0: ignore it).",
        ),
        Setting(
            "robots_cache_seconds", 86400.0, "How long a site's robots.txt is kept before it is read again."
        ),
        Setting(
            "spool_dir", "", "Folder for the WARC files of pages fetched by watch (default: <db>.spool)."
        ),
        Setting("alerts_file", "", "File to append alerts to as JSON Lines ('-' = standard output)."),
        Setting("alerts_webhook", "", "URL to POST each alert to as JSON (retried; see webhook_attempts)."),
        Setting("webhook_attempts", 3, "Tries per alert before a webhook delivery is left pending."),
        Setting("webhook_pause", 1.0, "Seconds before the first webhook retry (doubling after)."),
    ]
}


def get(name: str, explicit: Any = None) -> Any:
    """The value of setting ``name``: explicit, else environment, else default."""
    return SETTINGS[name].value(explicit)
