"""Copies found once: a kept index compares only new texts, and finds what one pass over all would."""

from __future__ import annotations

from corroborator.crosscheck import MemoryCopies
from corroborator.crosscheck.copies import copy_clusters

STORY = (
    "Volunteers cleared the rubble from the school yard on Monday while the teachers counted the desks. "
    "The district office said the classrooms on the ground floor would open again within a fortnight. "
    "Parents brought tools and food for the workers who stayed on into the evening to finish the roof. "
    "A crane sent from the provincial capital lifted the broken beams away before the first rain came."
)
OTHER = (
    "The water board said on Sunday that the pumping station by the lake was running at half its power. "
    "Crews were waiting for a transformer that had been ordered from abroad before the winter began."
)


class CountingCopies(MemoryCopies):
    """An in-memory index that remembers which texts it was asked to keep."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list[str] = []

    def add(self, print_, copy_of):
        self.added.append(print_.doc_id)
        super().add(print_, copy_of)


def test_a_kept_index_fingerprints_only_new_texts_and_finds_the_same_clusters(build):
    story = build.document(text=STORY, outlet="Valley Times")
    other = build.document(text=OTHER, outlet="Lake Courier")
    copy = build.document(text=STORY + " The mayor thanked the volunteers in a short speech.", outlet="Hill Post")
    index = CountingCopies()

    copy_clusters([story, other], index)
    later = copy_clusters([story, other, copy], index)

    assert index.added == [story.doc_id, other.doc_id, copy.doc_id]
    assert later == copy_clusters([story, other, copy])
    assert later[copy.doc_id] == later[story.doc_id] != later[other.doc_id]


def test_a_document_gone_from_the_corpus_joins_nothing(build):
    story = build.document(text=STORY, outlet="Valley Times")
    copy = build.document(text=STORY + " The mayor thanked the volunteers.", outlet="Hill Post")
    index = MemoryCopies()
    copy_clusters([story, copy], index)

    assert copy_clusters([copy], index) == {copy.doc_id: copy.doc_id}
