"""A small LRU of view results, keyed by the store's version, so an answer is never older than the store.

Only answers that depend on the documents alone (search, timelines, first use, stats) are cached:
extracted facts and the term index change without new documents, so their routes are never cached. The
store's version for them is ``max(docs.seq)``: every ingest batch that stores a document raises it, in the
same transaction as the full-text rows, and nothing is ever deleted. Reading it is one index probe, the
same value for every connection, so one commit empties the cache once (not once per worker thread).

The API keeps its answers here already encoded as JSON, so a hit costs a dictionary lookup and that one
index probe: :meth:`ViewCache.peek` answers on the event loop; :meth:`ViewCache.get` computes a miss in
a worker thread and keeps it only when that thread's snapshot is the cache's version.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from tealeaves.store import Store


class ViewCache:
    def __init__(self, entries: int):
        self.entries = entries
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.version: int | None = None
        self.generation = 0
        self.hits = self.misses = 0

    def _current(self, store: Store) -> bool:
        """Bring the cache to the store's version; False when this reader's snapshot is older than it."""
        version = store.conn.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0
        with self._lock:
            if self.version is None or version > self.version:
                self._data.clear()
                self.generation += 1
                self.version = version
            return version == self.version

    def peek(self, store: Store, key: Hashable) -> Any | None:
        """The kept answer for ``key`` at the store's current version, or None (nothing is computed)."""
        if self.entries <= 0 or not self._current(store):
            return None
        with self._lock:
            if key not in self._data:
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return self._data[key]

    def get(self, store: Store, key: Hashable, compute: Callable[[], Any]) -> tuple[Any, bool]:
        """(value, True when it came from the cache)."""
        if self.entries <= 0 or not self._current(store):
            return compute(), False
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key], True
            generation = self.generation
        value = compute()
        with self._lock:
            self.misses += 1
            if generation == self.generation:  # the store did not change while we computed
                self._data[key] = value
                while len(self._data) > self.entries:
                    self._data.popitem(last=False)
        return value, False
