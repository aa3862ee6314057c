"""Shared fixtures: where the shared corpus and the example corpus are, and a CLI runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def _needs(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared corpus lies beside the repository)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return _needs(SHARED)


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    return _needs(shared / "corpus" / "seeds")


@pytest.fixture(scope="session")
def seeds_gold(shared: Path) -> Path:
    return _needs(shared / "eval" / "seeds.gold.jsonl")


@pytest.fixture(scope="session")
def examples() -> Path:
    return _needs(EXAMPLES / "corpus")


class CommandResult:
    def __init__(self, completed: subprocess.CompletedProcess[bytes]) -> None:
        self.code = completed.returncode
        self.stdout = completed.stdout.decode("utf-8", errors="replace")
        self.stderr = completed.stderr.decode("utf-8", errors="replace")

    def jsonl(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture
def cli():
    """Run ``corroborator`` in a child process, as a user would (stdin closed unless given)."""

    def run(*args: str, stdin: bytes | None = None, timeout: float = 120) -> CommandResult:
        completed = subprocess.run(
            [sys.executable, "-m", "corroborator", *map(str, args)],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            timeout=timeout,
        )
        return CommandResult(completed)

    return run
