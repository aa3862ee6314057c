"""The custom attributes Corroborator sets on spaCy Docs.

``install_extensions()`` is idempotent and is called by every component, so
that ``nlp.add_pipe("corroborator_claims")`` works without importing anything
else first; nothing is registered (or forced) at import time.
"""

from __future__ import annotations

from spacy.tokens import Doc

PUBLISHED = "published"  # ISO date of the document, for resolving "last week"
ENTITIES = "entities"  # dict: entity id -> records.Entity
CLAIMS = "claims"  # list of records.Claim, in text order
FIGURES = "figures"  # list of records.Figure, in text order


def install_extensions() -> None:
    if not Doc.has_extension(PUBLISHED):
        Doc.set_extension(PUBLISHED, default=None)
    for name in (ENTITIES, CLAIMS, FIGURES):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
