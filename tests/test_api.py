"""The public API: a short, sorted, complete ``__all__``."""

from __future__ import annotations

import corroborator
from corroborator.records import Certainty, Measure, Modality, PartyKind, Qualifier, QuoteKind


def test_all_is_sorted_and_importable():
    assert corroborator.__all__ == sorted(corroborator.__all__)
    for name in corroborator.__all__:
        assert getattr(corroborator, name) is not None


def test_process_streams_documents_and_skips(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(
        "Headline Here\n\nThe ministry said on Monday that 40 drones were shot down overnight.\n", encoding="utf-8"
    )
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    outcomes = list(corroborator.process([str(tmp_path)]))
    document, skip = outcomes
    assert isinstance(document, corroborator.Document) and isinstance(skip, corroborator.Skipped)
    assert document.metadata.title == "Headline Here"
    assert skip.reason == corroborator.SkipReason.EMPTY


def test_extract_reads_one_text():
    found = corroborator.extract(
        "Ukraine's air force said on Tuesday that it shot down 40 of the 52 drones Russia launched overnight.",
        published="2024-11-05",
    )
    assert isinstance(found, corroborator.Extraction)
    assert "russia" in {entity.id for entity in found.entities}


def test_extracted_vocabularies_are_enums():
    found = corroborator.extract(
        "Ukraine's air force said on Tuesday that it shot down about 40 of the 52 drones Russia launched overnight.",
        published="2024-11-05",
    )
    claim = found.claims[0]
    assert (type(claim.certainty), type(claim.quote), type(claim.source.kind)) == (Certainty, QuoteKind, PartyKind)
    assert found.figures
    for figure in found.figures:
        assert (type(figure.qualifier), type(figure.measure), type(figure.modality)) == (Qualifier, Measure, Modality)
