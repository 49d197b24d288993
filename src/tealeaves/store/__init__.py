"""Store: one SQLite file (WAL) holding documents, facts and their indexes."""

from tealeaves.store.db import Store

__all__ = ["Store"]
