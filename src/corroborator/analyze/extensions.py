"""The custom attributes Corroborator sets on spaCy Docs.

``install_extensions()`` is idempotent and is called by every component, so
that ``nlp.add_pipe("corroborator_claims")`` works without importing anything
else first; nothing is registered (or forced) at import time.
"""

from __future__ import annotations

from typing import Any

import srsly
from spacy.tokens import Doc

from ..records import Claim, Entity, Figure, Party, Reference

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


# -- DocBin and Doc.to_bytes: the records travel as tagged dicts through msgpack --------------------

_MARK = "__corroborator__"
_RECORDS: dict[str, Any] = {cls.__name__: cls for cls in (Claim, Entity, Figure, Party, Reference)}


def _encode(obj: Any, chain: Any = None) -> Any:
    kind = type(obj).__name__
    if _RECORDS.get(kind) is type(obj):
        return {_MARK: kind, "data": obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _MARK in obj:
        return _RECORDS[obj[_MARK]].from_dict(obj["data"])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("corroborator.records", func=_encode)
srsly.msgpack_decoders.register("corroborator.records", func=_decode)
