"""What the web app is built from: one ServeConfig, read from the settings table (tealeaves.settings)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path

from tealeaves import settings
from tealeaves.errors import AuthError, UsageError


@dataclass(frozen=True)
class ServeConfig:
    db: str
    token: str | None = None
    limit_max: int = 100
    points_max: int = 5000
    upload_max_bytes: int = 64 * 1024 * 1024
    query_max_chars: int = 1000
    cache_entries: int = 256
    threads: int = 8
    switch_ms: float = 1.0

    @classmethod
    def from_settings(cls, db: str | None = None, token: str | None = None) -> ServeConfig:
        """Explicit arguments first, then ``TEALEAVES_*`` environment variables, then the defaults."""
        threads = int(settings.get("api_threads"))
        if threads < 1:
            raise UsageError(f"api_threads: give 1 or more worker threads (got {threads})")
        switch_ms = float(settings.get("api_switch_ms"))
        if not 0.05 <= switch_ms <= 100:
            raise UsageError(f"api_switch_ms: give 0.05 to 100 milliseconds (got {switch_ms})")
        return cls(
            db=str(settings.get("db", db)),
            token=settings.get("serve_token", token) or None,
            limit_max=int(settings.get("api_limit_max")),
            points_max=int(settings.get("api_points_max")),
            upload_max_bytes=int(settings.get("upload_max_bytes")),
            query_max_chars=int(settings.get("query_max_chars")),
            cache_entries=int(settings.get("api_cache_entries")),
            threads=threads,
            switch_ms=switch_ms,
        )

    @property
    def writable(self) -> bool:
        return bool(self.token)

    @property
    def upload_dir(self) -> Path:
        """Uploaded files are kept beside the store, so `tealeaves why FILE:LINE` can name them."""
        return Path(self.db).resolve().parent / (Path(self.db).name + ".uploads")

    def auth_error(self, authorization: str | None) -> AuthError | None:
        """Why a write with this Authorization header is refused, or None when it is allowed."""
        if not self.token:
            return AuthError(
                "this server is read-only: writes need a server started with `tealeaves serve --token`"
            )
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            return AuthError("missing or wrong token: send the header 'Authorization: Bearer <token>'")
        return None
