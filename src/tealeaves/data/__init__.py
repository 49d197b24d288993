"""Data shipped with the package (see the README beside each file)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_path() -> Path:
    """The bundled sample corpus (src/tealeaves/data/sample/README.md says what it holds)."""
    return Path(str(resources.files("tealeaves.data") / "sample" / "docs.jsonl.gz"))
