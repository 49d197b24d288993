"""Small aggregates over the documents, kept per process for as long as the documents do not change.

Per-day totals and per-source coverage are read by every timeline, first-use and stats request; on a
store of 100k+ documents each read costs milliseconds of SQLite and Python. Their inputs
(``day_counts``) change only in the same transaction that stores documents, and every such transaction
raises ``max(docs.seq)`` (nothing is ever deleted), so that value, one index probe, is the data
version. A value is kept with the version it was computed under: the version is read *before* the
value, so a commit landing in between leaves a newer value under an older version, which the next
call sees as out of date. The key also holds the store file's device, inode and change time, so a
store rebuilt at the same path is never confused with the old one (a checkpoint that writes the file
costs one recomputation). In-memory stores, and connections inside a
transaction (whose own rows may yet roll back), are never memoised.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from tealeaves.store.db import Store

T = TypeVar("T")
ENTRIES = 64

_lock = threading.Lock()
_kept: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()


def data_version(store: Store) -> int:
    """``max(docs.seq)``: raised by every transaction that stores documents (0 for an empty store)."""
    return store.conn.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0


def memoized(store: Store, name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave at the store's current data version. Callers must not
    modify what they get back (it is shared between threads)."""
    if store.path == ":memory:" or store.conn.in_transaction:  # uncommitted rows may yet roll back
        return compute()
    try:
        st = os.stat(store.path)
    except OSError:
        return compute()
    full = (st.st_dev, st.st_ino, st.st_ctime_ns, store.path, name, key)
    version = data_version(store)
    with _lock:
        kept = _kept.get(full)
        if kept is not None and kept[0] == version:
            _kept.move_to_end(full)
            return kept[1]
    value = compute()
    with _lock:
        _kept[full] = (version, value)
        _kept.move_to_end(full)
        while len(_kept) > ENTRIES:
            _kept.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _kept.clear()
