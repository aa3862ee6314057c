"""The ``corroborator_entities`` component (work in progress, issue 4): links entities to ids."""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Entity
from .extensions import install_extensions


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class EntityLinker:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, Entity] = {}
        for span in doc.ents:
            ident = slug(span.text)
            if not ident:
                continue
            span.kb_id_ = ident
            entity = found.setdefault(ident, Entity(id=ident, name=span.text, type=span.label_))
            entity.mentions.append((span.start_char, span.end_char))
        doc._.entities = found
        return doc


@Language.factory("corroborator_entities", assigns=["doc._.entities", "token.ent_kb_id"], requires=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)
