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
        Setting("batch_size", 2000, "Records written per transaction during ingest."),
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
        Setting("search_limit_max", 1000, "Largest page size a search accepts."),
        Setting("query_max_chars", 1000, "Longest search query accepted."),
        Setting("snippet_tokens", 16, "Tokens of context in a search snippet."),
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
    ]
}


def get(name: str, explicit: Any = None) -> Any:
    """The value of setting ``name``: explicit, else environment, else default."""
    return SETTINGS[name].value(explicit)
