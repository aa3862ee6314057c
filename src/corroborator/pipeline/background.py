"""A thread that applies steps in stream order, fed through a bounded queue.

The pipeline extracts in its own thread and writes in this one, so that the
database's waits (and the driver's work, which releases the GIL) overlap
spaCy's. An error in the thread stops the producer at its next ``put`` and is
raised there; an error in the producer lets the thread finish what is queued
(whole documents only) before it is raised.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Generic, TypeVar

Step = TypeVar("Step")

#: Seconds between checks, while the queue is full, that the thread has not failed.
_POLL_S = 0.1


class InOrder(Generic[Step]):
    """``with InOrder(apply, size) as worker: worker.put(step)``: ``apply`` runs on the steps, in order, in a thread.

    ``apply`` takes a list: the steps waiting in the queue when the thread gets to them (entries are taken
    while it has fewer than ``group`` steps), so that it can write several in one transaction. ``put_all``
    queues steps as one entry, which the thread takes whole: a producer that makes its steps in batches
    hands over a batch at a time. ``size`` bounds the entries waiting.
    """

    def __init__(
        self, apply: Callable[[list[Step]], None], size: int, name: str = "corroborator-writer", group: int = 1
    ) -> None:
        self.apply = apply
        self.group = group
        self.queue: queue.Queue[tuple[Step, ...] | None] = queue.Queue(maxsize=size)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._work, name=name, daemon=True)

    def __enter__(self) -> InOrder[Step]:
        self.thread.start()
        return self

    def put(self, step: Step) -> None:
        self.put_all((step,))

    def put_all(self, steps: Iterable[Step]) -> None:
        entry = tuple(steps)
        while entry:
            self._raise()
            try:
                self.queue.put(entry, timeout=_POLL_S)
                return
            except queue.Full:
                continue

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        while self.thread.is_alive():
            try:
                self.queue.put(None, timeout=_POLL_S)  # the end of the stream
                break
            except queue.Full:
                continue
        self.thread.join()
        if kind is None:
            self._raise()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def _work(self) -> None:
        while (item := self.queue.get()) is not None:
            steps, ended = self._waiting(item)
            try:
                self.apply(steps)
            except BaseException as error:  # handed to the producer, which raises it
                self.error = error
                return
            if ended:
                return

    def _waiting(self, first: tuple[Step, ...]) -> tuple[list[Step], bool]:
        """``first`` and the steps queued behind it (never waiting for more), and whether the stream ended."""
        steps = list(first)
        while len(steps) < self.group:
            try:
                item = self.queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return steps, True
            steps += item
        return steps, False


__all__ = ["InOrder"]
