"""Response shapes of the HTTP API (they document the OpenAPI schema; the data comes from the library)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="Machine-readable error code, e.g. usage, bad_query, not_found.")
    message: str = Field(description="One line for a human: what was wrong and where.")
    status: int = Field(description="The HTTP status, repeated.")


class ErrorResponse(BaseModel):
    error: ErrorBody


class SearchHit(BaseModel):
    id: str
    source: str
    published: str
    title: str
    snippet: str = Field(description="HTML-escaped text with <mark> around the matched words.")
    url: str | None
    lang: str | None
    ext_id: str | None
    score: float | None = Field(description="BM25 relevance (higher is better); null when sorted by date.")


class SearchResult(BaseModel):
    query: str
    total: int | None = Field(description="Documents matching in all (null when count=false).")
    limit: int
    offset: int
    sort: str
    hits: list[SearchHit]


class Point(BaseModel):
    period: str
    count: int = Field(description="Documents mentioning the term in the period.")
    total: int = Field(description="All documents in the period (under the same filters).")
    share: float | None = Field(description="count / total.")


class Series(BaseModel):
    term: str
    source: str | None = None
    points: list[Point]


class Timeline(BaseModel):
    by: str
    series: list[Series]


class Document(BaseModel):
    id: str
    source: str
    published: str
    precision: str
    title: str
    body: str
    url: str | None
    lang: str | None
    ext_id: str | None
    origin: str | None
    ingested_at: str
    body_offset: int = Field(
        description="Where the body starts in the canonical text title + '\\n\\n' + body."
    )


class DocumentView(BaseModel):
    document: Document
    matches: list[tuple[int, int]] = Field(
        description="Spans [start, end) of the query's matches over the canonical text (when q is given)."
    )
    facts: dict[str, list[dict[str, Any]]] = Field(
        description="Extracted facts per kind: spans over the canonical text, with stage and version."
    )


class FirstHit(BaseModel):
    id: str
    published: str
    source: str
    title: str
    sentence: str
    sentence_html: str = Field(description="The sentence, HTML-escaped, with <mark> around the term.")
    start: int
    end: int
    coverage_start: str
    near_coverage_start: bool


class Coverage(BaseModel):
    source: str
    start: str
    end: str
    docs: int


class FirstUse(BaseModel):
    term: str
    hits: list[FirstHit]
    per_source: dict[str, FirstHit]
    coverage: dict[str, Coverage]
    warnings: list[str]


class Stats(BaseModel):
    documents: int
    sources: list[Coverage]
    writable: bool = Field(
        description="True when the server accepts POST /api/ingest (started with a token)."
    )


class IngestResult(BaseModel):
    files: list[str] = Field(description="Where the uploaded files were kept (origin of each record).")
    read: int
    stored: int
    duplicate: int
    already_stored: int
    rejected: int
    headline_only: int
    rejected_by_reason: dict[str, int]
    seconds: float
    bytes_read: int
    skipped_files: list[str]
