"""Store connections for request handlers: one read-only connection per worker thread.

SQLite connections must not be used by two threads at once; the server runs handlers in a thread
pool, so each thread gets its own read-only Store (WAL lets them all read while an ingest writes).
Writes (ingest) open a separate writable Store, one at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from tealeaves.store import Store


class StorePool:
    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def reader(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        with self.write_lock:
            store = Store(self.path, readonly=False)
            try:
                yield store
            finally:
                store.close()

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                s.close()
            self._all.clear()
