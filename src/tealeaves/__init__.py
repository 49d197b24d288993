"""tealeaves: read state media the way a seasoned analyst does."""

__version__ = "0.1.0"
