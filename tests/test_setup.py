"""Set-up as a fresh machine does it: `make setup` into a new venv made by the bare interpreter.

The venv starts with the pip that the interpreter bundles (3.11.7 bundles 23.2.1,
which once rejected the hashed lock when the registry moved on). Building the whole
environment here makes that class of failure show in `make test`, not in a new
user's first minute. It reuses pip's download cache, so it costs about half a minute.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pip_pin(lock_name: str) -> str:
    """The pip requirement of a lock file: its version and hash lines."""
    lock = (ROOT / lock_name).read_text(encoding="utf-8")
    match = re.search(r"^pip==\S+(?: \\\n\s+--hash=\S+)+", lock, re.MULTILINE)
    assert match, f"{lock_name} pins no pip"
    return match.group(0)


def test_bootstrap_pip_is_the_locked_pip() -> None:
    assert _pip_pin("requirements-bootstrap.lock") == _pip_pin("requirements.lock")


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    completed = subprocess.run(
        ["make", "--no-print-directory", "setup", f"VENV={venv}", f"PYTHON={base_python}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return venv


def test_setup_installs_the_pinned_pip_before_the_lock(fresh_venv: Path) -> None:
    version = subprocess.run(
        [fresh_venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True, text=True, check=True
    ).stdout
    pinned = _pip_pin("requirements-bootstrap.lock").split()[0].removeprefix("pip==")
    assert version.startswith(f"pip {pinned} ")


def test_fresh_environment_runs_the_command_and_loads_the_model(fresh_venv: Path) -> None:
    completed = subprocess.run(
        [fresh_venv / "bin" / "corroborator", "extract", "-", "--quiet"],
        input="Officials said at least 40 drones were shot down over the Kharkiv region on Monday.\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert '"value": 40' in completed.stdout


def test_fresh_environment_is_consistent(fresh_venv: Path) -> None:
    completed = subprocess.run(
        [fresh_venv / "bin" / "python", "-m", "pip", "check"], capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
