"""Extension values survive DocBin, so annotated Docs can be stored and shipped."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin

from corroborator.analyze.extensions import install_extensions
from corroborator.records import Certainty, Claim, Entity, Figure, Measure, Party, PartyKind, Qualifier, Reference


def test_records_round_trip_through_docbin():
    install_extensions()
    nlp = spacy.blank("en")
    doc = nlp("The ministry said 40 drones were launched.")
    doc._.published = "2024-11-05"
    doc._.entities = {"ministry": Entity(id="ministry", name="ministry", type="ORG", mentions=[(4, 12)])}
    doc._.claims = [
        Claim(id="c1", source=Party(text="The ministry", kind=PartyKind.ORGANIZATION, span=(0, 12)), cue="say",
              certainty=Certainty.ASSERTED, content="40 drones were launched", span=(18, 41))
    ]  # fmt: skip
    doc._.figures = [
        Figure(id="f1", text="40", span=(18, 20), value=40, low=40, high=40, qualifier=Qualifier.EXACT, unit="drones",
               subject=Reference(text="drones"), measure=Measure.LAUNCHED, claim="c1")
    ]  # fmt: skip
    store = DocBin(store_user_data=True)
    store.add(doc)
    [again] = DocBin(store_user_data=True).from_bytes(store.to_bytes()).get_docs(nlp.vocab)
    assert again._.published == "2024-11-05"
    assert again._.entities == doc._.entities
    # DocBin reads msgpack arrays back as tuples.
    assert list(again._.claims) == doc._.claims
    assert list(again._.figures) == doc._.figures
