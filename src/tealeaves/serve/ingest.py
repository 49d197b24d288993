"""POST /api/ingest: keep each upload beside the store, then ingest it exactly as the CLI does.

Uploaded files are written under ``<db>.uploads/`` with a timestamp and a content hash in the name, so
every stored or quarantined record names a real file and line (`tealeaves why FILE:LINE` works).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from fastapi import UploadFile

from tealeaves.errors import TooLargeError, UsageError
from tealeaves.ingest import FieldMap
from tealeaves.serve.config import ServeConfig
from tealeaves.serve.stores import StorePool
from tealeaves.store.loader import ingest

MAX_FILES = 20
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_name(name: str | None) -> str:
    base = Path(name or "upload").name
    base = _SAFE.sub("_", base).strip("._") or "upload"
    return base[-120:]


def save_upload(upload: UploadFile, folder: Path, budget: int) -> tuple[Path, int]:
    """Copy one upload to ``folder`` (at most ``budget`` bytes); returns the path and its size."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    tmp = folder / f".{stamp}.part"
    h, size = hashlib.sha256(), 0
    try:
        with tmp.open("wb") as out:
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if size > budget:
                    raise TooLargeError(
                        f"files: upload {upload.filename!r} is over the limit of {budget:,} bytes "
                        "(setting upload_max_bytes)"
                    )
                h.update(chunk)
                out.write(chunk)
        path = folder / f"{stamp}-{h.hexdigest()[:8]}-{_safe_name(upload.filename)}"
        tmp.rename(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path, size


def ingest_uploads(
    stores: StorePool, cfg: ServeConfig, files: list[UploadFile], maps: list[str], sets: list[str]
) -> dict:
    if not files:
        raise UsageError("files: upload at least one file")
    if len(files) > MAX_FILES:
        raise UsageError(f"files: at most {MAX_FILES} files per request (got {len(files)})")
    fmap = FieldMap.parse(maps, sets)
    budget, saved = cfg.upload_max_bytes, []
    try:
        for f in files:
            path, size = save_upload(f, cfg.upload_dir, budget)
            budget -= size
            saved.append(path)
    except BaseException:
        for p in saved:  # nothing half-uploaded stays behind
            p.unlink(missing_ok=True)
        raise
    with stores.writer() as store:
        summary = ingest(store, saved, fmap)
    return {"files": [str(p) for p in saved], **summary.as_dict()}
