"""Serve: the HTTP API and web UI (thin: they call the library)."""
