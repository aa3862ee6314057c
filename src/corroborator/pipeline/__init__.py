"""The pipeline: the one orchestrator, which runs ingest -> clean -> analyze/extract -> store.

Two ways through it, one batching loop (``in_batches``) and one event callback
(``on_event``, see ``events``) for both:

- ``process(sources)`` -> cleaned ``Document`` and ``Skipped`` records, in
  order, and ``with_extraction(outcomes, nlp)`` fills them: ``extract``'s path;
- ``pipeline.storing.ingest(store, sources)`` and ``reprocess(store)``: the
  same steps, with each input's hash checked before it is split and each
  document written to the store (imported from ``storing``, which loads the
  store's SQLAlchemy: the other commands do not pay for it).

The stages below know nothing of it: the store persists records and reads them
back; the stages turn inputs into records.
"""

from __future__ import annotations

from .documents import BATCH_SIZE, Outcome, Tally, in_batches, process, process_input, with_extraction
from .events import Event, InputDone, OnEvent, Stored, skipped

__all__ = [
    "BATCH_SIZE",
    "Event",
    "InputDone",
    "OnEvent",
    "Outcome",
    "Stored",
    "Tally",
    "in_batches",
    "process",
    "process_input",
    "skipped",
    "with_extraction",
]
