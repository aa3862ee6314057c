"""Copies of one story: syndicated wire copies, reposts with other page furniture, a copy with a sentence added.

Candidates come from MinHash LSH over word 3-grams (datasketch), so finding
them does not compare every pair. Real copies can share as little as 30% of
their 3-grams (NEWS-COPY, ICLR 2023: reposts cut, reorder and add), so a
candidate pair is confirmed on what a reader would see: most sentences of the
shorter text appear in the longer one, or the 3-gram sets are close.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b

from datasketch import MinHash, MinHashLSH

from ..records import Document
from .unionfind import DisjointSets

#: LSH threshold on the estimated Jaccard of word 3-grams: low, to catch copies that were cut and added to.
CANDIDATE_JACCARD = 0.3
#: A candidate is a copy when this share of the shorter text's sentences appear in the other ...
SHARED_SENTENCES = 0.5
#: ... or when their 3-gram sets are this close.
CONFIRM_JACCARD = 0.6
PERMUTATIONS = 128
#: Sentences shorter than this many words ("Share this.") say nothing about copying.
MIN_SENTENCE_WORDS = 6

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
#: A wire credit at the head of a story: "(Reuters) -", "KYIV, Feb 23 (AP) —", "Agency Name:" is not one.
_WIRE = re.compile(r"^[^\n(]{0,80}?\((?P<agency>[A-Z][\w&.' -]{1,40})\)\s*[-–—]", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document as the copy detector sees it: hashes of its word 3-grams and of its sentences.

    Hashes (64-bit, from blake2b) rather than the strings: a corpus's fingerprints
    stay a few hundred bytes a document.
    """

    doc_id: str
    shingles: frozenset[int]
    sentences: frozenset[int]


def fingerprint(document: Document) -> Fingerprint:
    words = [w.lower() for w in _WORD.findall(document.text)]
    shingles = frozenset(_hash(" ".join(words[i : i + 3])) for i in range(max(len(words) - 2, 1)))
    sentences = frozenset(
        _hash(" ".join(w.lower() for w in _WORD.findall(s)))
        for s in _SENTENCE.split(document.text)
        if len(_WORD.findall(s)) >= MIN_SENTENCE_WORDS
    )
    return Fingerprint(document.doc_id, shingles, sentences)


def _hash(text: str) -> int:
    """A stable 64-bit hash (Python's own ``hash`` of a str changes from run to run)."""
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def is_copy(a: Fingerprint, b: Fingerprint) -> bool:
    """Confirm a candidate pair on what a reader sees: shared sentences, or close 3-gram sets."""
    shorter, longer = sorted((a.sentences, b.sentences), key=len)
    if shorter and len(shorter & longer) / len(shorter) >= SHARED_SENTENCES:
        return True
    union = len(a.shingles | b.shingles)
    return union > 0 and len(a.shingles & b.shingles) / union >= CONFIRM_JACCARD


def copy_clusters(documents: Iterable[Document]) -> dict[str, str]:
    """Each document's cluster: the smallest doc_id among the documents it is a copy of (itself if none)."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
    prints: dict[str, Fingerprint] = {}
    sets: DisjointSets[str] = DisjointSets()
    for document in documents:
        if document.doc_id in prints:
            continue
        print_ = fingerprint(document)
        signature = _minhash(print_.shingles)
        for candidate in lsh.query(signature):
            if is_copy(print_, prints[candidate]):
                sets.union(document.doc_id, candidate)
        lsh.insert(document.doc_id, signature)
        prints[document.doc_id] = print_
        sets.add(document.doc_id)
    return {doc_id: sets.find(doc_id) for doc_id in prints}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """The permutations every signature shares (drawing them is most of a MinHash's set-up)."""
    return MinHash(num_perm=PERMUTATIONS)


def _minhash(shingles: frozenset[int]) -> MinHash:
    template = _template()
    signature = MinHash(num_perm=PERMUTATIONS, permutations=template.permutations, scheme=template.scheme)
    signature.update_batch([s.to_bytes(8, "little") for s in shingles])
    return signature


def wire_credit(document: Document) -> str | None:
    """The agency a story is credited to at its head ("(Reuters) -"), from its text or its removed lines."""
    heads = [document.text[:300], *(line.text for line in document.removed if line.line <= 5)]
    for head in heads:
        match = _WIRE.search(head)
        if match:
            return match.group("agency").strip()
    return None
