"""What Corroborator's three spaCy components share: spaCy's ``Pipe`` contract and one way to fail.

``corroborator_entities``, ``corroborator_claims`` and ``corroborator_figures``
subclass ``Component``. Each keeps a pure ``find(doc)`` (reads the Doc, returns
what it found, changes nothing) apart from ``set_annotations(doc, found)``
(writes it), so that ``__call__`` is the same for all three: when ``find``
fails, the Doc gets the component's ``nothing(doc)`` and the error goes to the
handler from ``get_error_handler()``. The default handler, ``log_error``, logs
a warning and lets the run go on (one odd document must not end a run over
many); ``nlp.set_error_handler(spacy.util.raise_error)`` makes every component
fail loudly instead.

Each component's data (the gazetteer, the cue lexicon, the figure word lists)
is what its factory loads, or what ``initialize(...)`` loads instead; ``to_disk``
writes the data in use and ``from_disk`` reads it back, so that a saved
pipeline reads as it did when it was saved.

Every attribute a component reads is in its factory's ``requires`` and every
one it writes in ``assigns``, so that ``nlp.analyze_pipes()`` names a missing
component. Two gaps are spaCy's: ``token.pos`` is set from the tag by the
model's ``attribute_ruler``, which declares nothing, so ``token.tag`` stands for
it; ``doc._.published`` is the caller's (``extract.make_doc``), not a
component's, and is optional.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.pipeline import Pipe
from spacy.tokens import Doc

log = logging.getLogger(__name__)

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]


def doc_extension(name: str) -> str:
    """The name spaCy's ``requires``/``assigns`` give a Doc extension: ``doc._.claims``."""
    return f"doc._.{name}"


def log_error(proc_name: str, proc: Any, docs: list[Doc], error: Exception) -> None:
    """The default error handler: a warning per Doc, saying what the Doc keeps; the traceback with --debug."""
    keeps = getattr(proc, "on_failure", "nothing")
    for doc in docs:
        log.warning(
            "%s: %s for a document (%d chars): %s: %s",
            proc_name,
            keeps,
            len(doc.text),
            type(error).__name__,
            error,
            exc_info=error if log.isEnabledFor(logging.DEBUG) else None,
        )


class Component(Pipe):
    """A spaCy pipeline component with a pure ``find`` (see the module docstring)."""

    #: What the default error handler says a Doc keeps when ``find`` fails.
    on_failure = "nothing"

    def __init__(self, name: str) -> None:
        self.name = name
        # spaCy's stub types a handler as never returning, though its own ignore_error returns.
        self.set_error_handler(log_error)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = self.find(doc)
        except Exception as error:  # one odd document must not stop a corpus (unless the handler says so)
            self.set_annotations(doc, self.nothing(doc))
            handler: ErrorHandler = self.get_error_handler()  # may return (log_error) or raise (raise_error)
            handler(self.name, self, [doc], error)
            return doc
        self.set_annotations(doc, found)
        return doc

    def find(self, doc: Doc) -> Any:
        """What the component reads in ``doc``; changes nothing."""
        raise NotImplementedError

    def nothing(self, doc: Doc) -> Any:
        """What a Doc gets when ``find`` fails."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        """Write what ``find`` returned onto ``doc``."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        raise NotImplementedError

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> Component:
        raise NotImplementedError
