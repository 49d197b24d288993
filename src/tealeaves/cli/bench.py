"""bench: benchmark commands (they measure; tests never time anything)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
