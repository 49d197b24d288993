"""The SQLite store: connection settings, migrations, and small shared helpers."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from tealeaves import settings
from tealeaves.errors import StoreError

DAY_SHIFT = 22  # docs.rowid = day_ordinal << DAY_SHIFT | n  (up to 4M documents a day)
DAY_MASK = (1 << DAY_SHIFT) - 1


def day_rowid_range(first: dt.date | None, last: dt.date | None) -> tuple[int, int]:
    """The docs.rowid range covering ``first``..``last`` inclusive (open ends allowed)."""
    lo = (first.toordinal() << DAY_SHIFT) if first else 0
    hi = ((last.toordinal() + 1) << DAY_SHIFT) - 1 if last else (1 << 62)
    return lo, hi


def rowid_day(rowid: int) -> dt.date:
    return dt.date.fromordinal(rowid >> DAY_SHIFT)


# Secondary indexes over random keys (URLs, input ids). Inserting a large input into them row by row costs
# more than the full-text index itself; a bulk load drops them and builds them once, sorted, at the end.
# A killed bulk load leaves them missing: the next writable open rebuilds them (ensure_indexes).
BULK_INDEXES = {
    "docs_ext_id": "CREATE INDEX IF NOT EXISTS docs_ext_id ON docs(ext_id)",
    "docs_url": "CREATE INDEX IF NOT EXISTS docs_url ON docs(url)",
    "docs_origin": "CREATE INDEX IF NOT EXISTS docs_origin ON docs(origin_file, origin_line)",
}


# what SQLite says when another process changed the schema (an index built, a migration applied) while a
# statement of this connection was being prepared: the statement has not run, and preparing it again works
_SCHEMA_CHANGED = ("vtable constructor failed", "database schema has changed")


class _Connection(sqlite3.Connection):
    """A connection whose statements are prepared again, a few times, when another process changed the
    schema under them: a reader keeps working while a writer builds an index or migrates (the error is
    transient; the statement has not run)."""

    def execute(self, sql, parameters=(), /):
        for attempt in range(4):
            try:
                return super().execute(sql, parameters)
            except sqlite3.OperationalError as e:
                if attempt == 3 or not any(m in str(e) for m in _SCHEMA_CHANGED):
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")


def migrations() -> list[tuple[str, str]]:
    """(name, sql) of every migration shipped with the package, in name order."""
    folder = resources.files("tealeaves.store") / "migrations"
    items = [(p.name, p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".sql")]
    return sorted(items)


class Store:
    """One SQLite database file. Opened lazily; migrated on first write access.

    ``readonly`` stores never create or migrate the file; they fail with a clear message if it is
    missing or older than the code.
    """

    def __init__(self, path: str | Path | None = None, *, readonly: bool = False):
        self.path = str(settings.get("db", str(path) if path is not None else None))
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = None

    # -- connection ---------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        exists = self.path == ":memory:" or Path(self.path).exists()
        if self.readonly and not exists:
            raise StoreError(f"no store at {self.path}: run `tealeaves ingest PATH --db {self.path}` first")
        try:
            conn = sqlite3.connect(
                self.path, timeout=60, isolation_level=None, check_same_thread=False, factory=_Connection
            )
            conn.execute("PRAGMA busy_timeout = 60000")
            if not self.readonly:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache
            conn.execute("PRAGMA mmap_size = 268435456")
            conn.execute("PRAGMA temp_store = MEMORY")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from None
        self._conn = conn
        try:
            pending = self.pending_migrations()
        except sqlite3.DatabaseError as e:
            conn.close()
            self._conn = None
            raise StoreError(f"{self.path} is not a tealeaves store: {e}") from None
        if pending:
            if self.readonly:
                names = ", ".join(n for n, _ in pending)
                raise StoreError(
                    f"store {self.path} needs migrations ({names}); open it once for writing "
                    "(e.g. `tealeaves migrate`)"
                )
            self.migrate()
        if not self.readonly:
            self.ensure_indexes()
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations ---------------------------------------------------------------------------
    def applied_migrations(self) -> set[str]:
        conn = self._conn if self._conn is not None else self.conn
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
        ).fetchone()
        if row is None:
            return set()
        return {r[0] for r in conn.execute("SELECT name FROM _migrations")}

    def pending_migrations(self) -> list[tuple[str, str]]:
        done = self.applied_migrations()
        return [(n, sql) for n, sql in migrations() if n not in done]

    def migrate(self) -> list[str]:
        """Apply every pending migration, each in its own transaction. Returns their names."""
        conn = self.conn
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        applied = []
        for name, sql in self.pending_migrations():
            with self.transaction():
                if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                    continue  # another process applied it meanwhile
                for stmt in _split_sql(sql):
                    conn.execute(stmt)
                conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, now_iso()))
                count = conn.execute("SELECT count(*) FROM _migrations").fetchone()[0]
                conn.execute(f"PRAGMA user_version = {int(count)}")
            applied.append(name)
        return applied

    # -- indexes a bulk load drops and rebuilds -----------------------------------------------
    def missing_bulk_indexes(self) -> list[str]:
        have = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        return [name for name in BULK_INDEXES if name not in have]

    def ensure_indexes(self) -> list[str]:
        """Recreate any bulk-load index a killed ingest left dropped. Returns what was rebuilt."""
        missing = self.missing_bulk_indexes()
        for name in missing:
            self.conn.execute(BULK_INDEXES[name])
        return missing

    def drop_bulk_indexes(self) -> None:
        for name in BULK_INDEXES:
            self.conn.execute(f"DROP INDEX IF EXISTS {name}")

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self, immediate: bool = True) -> Iterator[sqlite3.Connection]:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # -- small shared lookups ----------------------------------------------------------------
    def source_ids(self) -> dict[str, int]:
        return {name: i for i, name in self.conn.execute("SELECT id, name FROM sources")}

    def source_id(self, name: str) -> int | None:
        row = self.conn.execute("SELECT id FROM sources WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
        return row[0] if row else None

    def count_docs(self) -> int:
        return self.conn.execute("SELECT count(*) FROM docs").fetchone()[0]


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements (complete_statement knows about strings/triggers)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
