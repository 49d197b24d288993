"""One exception tree for the whole engine.

Every boundary translates these once: the CLI prints ``str(err)`` on one line and exits with
``err.exit_code``; the HTTP API returns ``{"error": {"code": err.code, "message": str(err)}}`` with
``err.http_status``.
"""

from __future__ import annotations


class TealeavesError(Exception):
    """Base of every error tealeaves raises on purpose."""

    code = "error"
    exit_code = 1
    http_status = 500


class UsageError(TealeavesError):
    """The caller asked for something that cannot be done as asked (bad option, bad value)."""

    code = "usage"
    exit_code = 2
    http_status = 400


class TooLargeError(UsageError):
    """A request or upload over a size limit."""

    code = "too_large"
    http_status = 413


class AuthError(TealeavesError):
    """A write without the right token, or on a read-only server."""

    code = "unauthorized"
    http_status = 401


class QueryError(UsageError):
    """A search query that does not parse."""

    code = "bad_query"


class NotFoundError(TealeavesError):
    """A document, term, entity or file the caller named does not exist."""

    code = "not_found"
    exit_code = 1
    http_status = 404


class StoreError(TealeavesError):
    """The store cannot be opened or is not in a usable state."""

    code = "store"
    exit_code = 1
    http_status = 503


class InputError(TealeavesError):
    """An input record cannot be read. Carries a machine-readable ``reason`` code.

    Raised inside readers and turned into a quarantine entry; never escapes an ingest run.
    """

    code = "bad_input"
    http_status = 422

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
