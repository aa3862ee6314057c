"""What a run reports as it goes, to one callback (``on_event``) that the command line renders.

Every run (``process``, ``ingest``, ``reprocess``) says when an input is
finished (``InputDone``: progress), when an input is skipped (the ``Skipped``
record itself) and, when it stores, what became of each document (``Stored``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import SkipInput
from ..records import Skipped

if TYPE_CHECKING:  # the store's module loads SQLAlchemy, which only the store's commands pay for
    from ..store import Status

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class InputDone:
    """Progress: one input (file, URL, stored input) is finished; ``unchanged`` when its bytes were known."""

    source: str
    unchanged: bool = False


@dataclass(frozen=True, slots=True)
class Stored:
    """Progress: one document's outcome in the store: added (a new version), updated (re-extracted) or unchanged."""

    input: str
    status: Status


Event = InputDone | Stored | Skipped
OnEvent = Callable[[Event], None]


def ignore(event: Event) -> None:
    """The callback of a run that nobody watches."""


def skipped(skip: SkipInput) -> Skipped:
    """The record of a skipped input, logged."""
    log.info("skipped %s: %s", skip.input, skip.message)
    return Skipped.from_skip(skip)


__all__ = ["Event", "InputDone", "OnEvent", "Stored", "ignore", "skipped"]
