"""Analyze: queries and algorithms over the store (never over raw files)."""
