"""Ingest: turn input files into Documents, and anything unreadable into Rejected records.

Readers are pure iterators (no store access); ``tealeaves.store.loader`` writes what they yield.
"""

from tealeaves.ingest import html as _html  # noqa: F401  (registers the HTML reader)
from tealeaves.ingest import warc as _warc  # noqa: F401  (registers the WARC reader)
from tealeaves.ingest.readers import READERS, Reader, iter_records
from tealeaves.ingest.records import FieldMap, to_document

__all__ = ["READERS", "FieldMap", "Reader", "iter_records", "to_document"]
