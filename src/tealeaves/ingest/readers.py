"""Readers: files and folders in, (Origin, record dict) or Rejected out. Streaming, bounded memory.

Each reader is registered with the file-name endings it takes; ``iter_records`` walks folders and
dispatches. A reader never raises for bad input: it yields a Rejected record and goes on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tealeaves import settings
from tealeaves.model import Origin, Rejected

Item = tuple[Origin, dict[str, Any]] | Rejected


@dataclass(frozen=True)
class ReadOptions:
    max_record_bytes: int
    quarantine_max_bytes: int
    encoding: str = "utf-8"

    @classmethod
    def default(cls, encoding: str = "utf-8") -> ReadOptions:
        return cls(
            max_record_bytes=int(settings.get("max_record_bytes")),
            quarantine_max_bytes=int(settings.get("quarantine_max_bytes")),
            encoding=encoding,
        )


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, ReadOptions, Callable[[int], None] | None], Iterator[Item]]


READERS: list[Reader] = []


def register(name: str, suffixes: tuple[str, ...]):
    def deco(fn):
        READERS.append(Reader(name, suffixes, fn))
        return fn

    return deco


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for r in READERS:
        if name.endswith(r.suffixes):
            return r
    return None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    """Files named, and files under folders named (sorted, hidden ones skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    if reader_for(f):
                        yield f.resolve()
                    else:
                        # not an input record: the loader lists it as a skipped file
                        yield Rejected(
                            Origin(str(f.resolve()), 0),
                            "skipped_file",
                            f"no reader for {f.name} (known: {known_suffixes()})",
                        )
        elif path.is_file():
            yield path.resolve()
        else:
            yield Rejected(Origin(str(path.absolute()), 0), "no_such_file", f"no such file or folder: {p}")


def known_suffixes() -> str:
    return ", ".join(s for r in READERS for s in r.suffixes)


def iter_records(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Item]:
    """Every record of every input, in order, each as (Origin, dict) or Rejected."""
    options = options or ReadOptions.default()
    for f in iter_files(paths):
        if isinstance(f, Rejected):
            yield f
            continue
        reader = reader_for(f)
        if reader is None:
            yield Rejected(
                Origin(str(f), 0), "unsupported_file", f"no reader for {f.name} (known: {known_suffixes()})"
            )
            continue
        yield from reader.read(f, options, progress)


# -- byte streams ----------------------------------------------------------------------------


class _Counting(io.RawIOBase):
    """Wraps a raw file and reports bytes consumed (of the file on disk, so .gz progress is right)."""

    def __init__(self, raw: BinaryIO, progress: Callable[[int], None] | None):
        self.raw, self.progress = raw, progress

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        n = self.raw.readinto(b)
        if n and self.progress:
            self.progress(n)
        return n or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


class _OwningGzip(gzip.GzipFile):
    """A GzipFile that also closes the file it reads from."""

    def close(self) -> None:
        inner = self.fileobj
        super().close()
        if inner is not None:
            inner.close()


def open_binary(path: Path, progress: Callable[[int], None] | None = None) -> BinaryIO:
    """The file's bytes (decompressed for .gz), reporting bytes read from disk to ``progress``."""
    raw = io.BufferedReader(_Counting(open(path, "rb"), progress), buffer_size=1 << 20)  # noqa: SIM115
    if path.name.lower().endswith(".gz"):
        return _OwningGzip(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw  # type: ignore[return-value]


_STREAM_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


def _stream_reason(e: BaseException) -> tuple[str, str]:
    if isinstance(e, EOFError):
        return "truncated_gzip", f"compressed file ends early ({e}); records after this point are lost"
    if isinstance(e, (gzip.BadGzipFile, zlib.error)):
        return "corrupt_gzip", f"corrupt compressed data ({e}); records after this point are lost"
    return "read_error", f"cannot read file: {e}"


def iter_lines(
    path: Path, options: ReadOptions, progress
) -> Iterator[tuple[int, int, bytes, int] | Rejected]:
    """(line number, byte offset, bytes, full size) per line; oversized lines come back truncated.

    Memory stays bounded: a line longer than max_record_bytes is consumed in 1 MiB chunks and only its
    head (up to quarantine_max_bytes) is kept.
    """
    limit = options.max_record_bytes
    lineno, offset = 0, 0
    try:
        f = open_binary(path, progress)
    except OSError as e:
        yield Rejected(Origin(str(path), 0), "read_error", f"cannot open: {e}")
        return
    with f:
        while True:
            try:
                line = f.readline(limit + 1)
            except _STREAM_ERRORS as e:
                reason, msg = _stream_reason(e)
                yield Rejected(Origin(str(path), lineno + 1, offset), reason, msg)
                return
            if not line:
                return
            lineno += 1
            size = len(line)
            if len(line) > limit and not line.endswith(b"\n"):
                head = [line]
                kept = len(line)
                try:
                    while True:
                        chunk = f.readline(1 << 20)
                        size += len(chunk)
                        if kept < options.quarantine_max_bytes:
                            head.append(chunk)
                            kept += len(chunk)
                        if not chunk or chunk.endswith(b"\n"):
                            break
                except _STREAM_ERRORS as e:
                    reason, msg = _stream_reason(e)
                    yield Rejected(Origin(str(path), lineno, offset), reason, msg)
                    return
                line = b"".join(head)[: options.quarantine_max_bytes]
            yield lineno, offset, line, size
            offset += size


def decode(raw: bytes, encoding: str) -> str:
    """Strict decoding; raises UnicodeDecodeError naming the byte offset."""
    text = raw.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _too_large(origin: Origin, raw: bytes, size: int, limit: int) -> Rejected:
    return Rejected(
        origin,
        "too_large",
        f"record of {size:,} bytes exceeds max_record_bytes {limit:,}",
        raw=raw,
        raw_size=size,
    )


def _bad_encoding(origin: Origin, raw: bytes, e: UnicodeDecodeError, encoding: str) -> Rejected:
    return Rejected(
        origin,
        "bad_encoding",
        f"invalid {encoding} byte 0x{raw[e.start]:02x} at byte {e.start} of the record (try --encoding)",
        raw=raw,
        raw_size=len(raw),
    )


# -- JSON Lines ------------------------------------------------------------------------------


@register("jsonl", (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz"))
def read_jsonl(path: Path, options: ReadOptions, progress=None) -> Iterator[Item]:
    for item in iter_lines(path, options, progress):
        if isinstance(item, Rejected):
            yield item
            continue
        lineno, offset, raw, size = item
        origin = Origin(str(path), lineno, offset)
        if size > options.max_record_bytes:
            yield _too_large(origin, raw, size, options.max_record_bytes)
            continue
        if not raw.strip():
            continue  # a blank line carries no record
        try:
            text = decode(raw, options.encoding)
        except UnicodeDecodeError as e:
            yield _bad_encoding(origin, raw, e, options.encoding)
            continue
        except LookupError:
            yield Rejected(origin, "bad_encoding", f"unknown encoding {options.encoding!r}", raw, len(raw))
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as e:
            yield Rejected(origin, "bad_json", f"malformed JSON at column {e.colno}: {e.msg}", raw, len(raw))
            continue
        if not isinstance(rec, dict):
            yield Rejected(
                origin, "bad_json", f"expected a JSON object, got {type(rec).__name__}", raw, len(raw)
            )
            continue
        yield origin, rec


# -- CSV / TSV -------------------------------------------------------------------------------


@register("csv", (".csv", ".csv.gz", ".tsv", ".tsv.gz"))
def read_csv(path: Path, options: ReadOptions, progress=None) -> Iterator[Item]:
    """CSV with a header row. Records may span lines (quoted newlines); origin is the starting line."""
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    csv.field_size_limit(max(options.max_record_bytes, 1 << 20))
    try:
        f = open_binary(path, progress)
    except OSError as e:
        yield Rejected(Origin(str(path), 0), "read_error", f"cannot open: {e}")
        return
    # surrogateescape keeps undecodable bytes so the bad row alone is rejected
    text = io.TextIOWrapper(f, encoding=options.encoding, errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    header: list[str] | None = None
    start = 1
    with text:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield Rejected(Origin(str(path), start), "bad_csv", f"malformed CSV: {e}")
                start = reader.line_num + 1
                continue
            except _STREAM_ERRORS as e:
                reason, msg = _stream_reason(e)
                yield Rejected(Origin(str(path), start), reason, msg)
                return
            origin = Origin(str(path), start)
            start = reader.line_num + 1
            raw = delimiter.join(row).encode(options.encoding, "surrogateescape")
            if header is None:
                header = [h.strip().lstrip("\ufeff") for h in row]
                continue
            if not any(cell.strip() for cell in row):
                continue
            bad = next((c for c in row if _has_surrogate(c)), None)
            if bad is not None:
                yield Rejected(
                    origin,
                    "bad_encoding",
                    f"invalid {options.encoding} bytes in a field (try --encoding)",
                    raw,
                    len(raw),
                )
                continue
            if len(row) != len(header):
                yield Rejected(
                    origin, "bad_csv", f"row has {len(row)} fields, header has {len(header)}", raw, len(raw)
                )
                continue
            yield origin, dict(zip(header, row, strict=True))


def _has_surrogate(s: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in s)
