"""Fixtures: an empty working folder for every test, and the CLI run in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from boilercut.cli import app
from support import WIDE


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test runs in an empty folder: no boilercut.toml or pyproject.toml is picked up."""
    cwd = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(cwd)
    # The rule-file cache goes to a folder of the test session, never to the user's home.
    monkeypatch.setenv("BOILERCUT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    return cwd


Invoke = Callable[..., Result]


@pytest.fixture
def cli() -> Invoke:
    """Run the CLI in-process: cli("clean", "a.txt", "-", input=...) -> Result with stdout and stderr."""
    runner = CliRunner(env=WIDE)

    def invoke(*args: str | Path, input: str | bytes | None = None) -> Result:
        return runner.invoke(app, [str(arg) for arg in args], input=input, catch_exceptions=False)

    return invoke
