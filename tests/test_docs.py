"""Docs are tested: generated references are current, the README's commands work."""

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _gen():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generated_references_are_current():
    gen = _gen()
    for rel, fn in gen.DOCS.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == fn(), (
            f"{rel} is stale: run python scripts/gen_docs.py"
        )


def test_readme_quickstart_runs(tmp_path):
    """The quickstart line, minus the venv and install steps (the test runs inside an installed venv)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if "tealeaves ingest --sample" in ln)
    steps = [s.strip() for s in line.split("&&")]
    assert steps[0].startswith("python3 -m venv") and any(s.startswith("pip install") for s in steps)
    for step in steps:
        if not step.startswith("tealeaves "):
            continue
        argv = shlex.split(step)
        r = subprocess.run(
            [sys.executable, "-m", "tealeaves", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert r.returncode == 0, (step, r.stderr)
        assert r.stdout.strip(), step
    assert (tmp_path / "tealeaves.db").exists()


def test_every_command_is_in_the_readme_or_reference():
    from tealeaves.cli import cli

    ref = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli.list_commands(None):
        assert re.search(rf"`tealeaves {name}`", ref), name


def test_readme_test_command_is_what_ci_runs():
    """Every install step and the test command of the README's test line are in .ci/run too."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if "python -m pytest" in ln and ln.startswith("pip install"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in (s.strip() for s in line.split("&&")):
        core = step.replace("pip install", "python -m pip install --quiet")
        assert (step == "python -m pytest" and "python -m pytest" in ci) or core in ci, step
