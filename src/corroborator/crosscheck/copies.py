"""Copies of one story: syndicated wire copies, reposts with other page furniture, a copy with a sentence added.

Candidates come from MinHash LSH over word 3-grams (datasketch), so finding
them does not compare every pair. Real copies can share as little as 30% of
their 3-grams (NEWS-COPY, ICLR 2023: reposts cut, reorder and add), so a
candidate pair is confirmed on what a reader would see: most sentences of the
shorter text appear in the longer one, or the 3-gram sets are close.

Fingerprints and confirmed pairs live in a ``CopyIndex``: in memory for one
cross-check of records (``MemoryCopies``), or in the store between runs, so
that only new texts are fingerprinted and compared. The LSH banding is
datasketch's (its bands and rows for the threshold); the band keys are
hashed here so that an index can keep them as numbers.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from typing import TYPE_CHECKING, Protocol

from ..records import Document
from .unionfind import DisjointSets

if TYPE_CHECKING:
    from datasketch import MinHash

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


#: What a stored fingerprint and its confirmed copies were made with: another value makes them stale.
FINGERPRINT_VERSION = (
    f"word-3-grams blake2b-64; minhash {PERMUTATIONS}; lsh {CANDIDATE_JACCARD}; "
    f"sentences {MIN_SENTENCE_WORDS}+ words {SHARED_SENTENCES}; jaccard {CONFIRM_JACCARD}"
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A document as the copy detector sees it: hashes of its word 3-grams and of its sentences,
    and the keys of its MinHash signature's LSH bands (two documents sharing one are candidates).

    Hashes (64-bit, from blake2b) rather than the strings: a corpus's fingerprints
    stay a few kilobytes a document, and can be stored.
    """

    doc_id: str
    shingles: frozenset[int]
    sentences: frozenset[int]
    bands: tuple[int, ...] = ()


def packed_hashes(hashes: Iterable[int]) -> bytes:
    """3-gram or sentence hashes as machine words, sorted (8 bytes a hash, not a Python int in a set)."""
    return array("Q", sorted(hashes)).tobytes()


def unpacked_hashes(packed: bytes) -> frozenset[int]:
    return frozenset(array("Q", packed))


def fingerprint(document: Document) -> Fingerprint:
    words = [w.lower() for w in _WORD.findall(document.text)]
    shingles = frozenset(_hash(" ".join(words[i : i + 3])) for i in range(max(len(words) - 2, 1)))
    sentences = frozenset(
        _hash(" ".join(w.lower() for w in _WORD.findall(s)))
        for s in _SENTENCE.split(document.text)
        if len(_WORD.findall(s)) >= MIN_SENTENCE_WORDS
    )
    return Fingerprint(document.doc_id, shingles, sentences, _bands(_minhash(shingles)))


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


class CopyIndex(Protocol):
    """Where fingerprints and confirmed copies are kept between documents: memory, or the store."""

    def fingerprinted(self) -> set[str]:
        """The doc_ids already fingerprinted (and compared with every one fingerprinted before)."""
        ...

    def sharing_a_band(self, print_: Fingerprint) -> Iterable[Fingerprint]:
        """The fingerprints that share at least one LSH band with this one."""
        ...

    def add(self, print_: Fingerprint, copy_of: list[str]) -> None:
        """Keep a new fingerprint and the documents it was confirmed to copy."""
        ...

    def copies(self) -> Iterable[tuple[str, str]]:
        """Every confirmed pair, as it was added."""
        ...


class MemoryCopies:
    """A ``CopyIndex`` in memory, for one cross-check of records.

    Fingerprints are kept packed (their hashes as machine words, ``array``: 8 bytes a 3-gram rather
    than a Python int in a set's slot, about a sixth), and a band key points at its one document
    until a second shares it: a corpus's index is a few kilobytes a document, not fifteen.
    """

    def __init__(self) -> None:
        self.packed: dict[str, tuple[bytes, bytes, bytes]] = {}  # doc_id -> shingles, sentences, bands
        self.by_band: dict[int, str | list[str]] = {}
        self.pairs: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self.packed)

    def fingerprinted(self) -> set[str]:
        return set(self.packed)

    def fingerprints(self) -> Iterator[Fingerprint]:
        return (self._unpacked(doc_id) for doc_id in self.packed)

    def sharing_a_band(self, print_: Fingerprint) -> Iterable[Fingerprint]:
        found: set[str] = set()
        for band in print_.bands:
            holders = self.by_band.get(band, ())
            found.update((holders,) if isinstance(holders, str) else holders)
        return [self._unpacked(doc_id) for doc_id in sorted(found)]

    def add(self, print_: Fingerprint, copy_of: list[str]) -> None:
        self.packed[print_.doc_id] = (
            packed_hashes(print_.shingles),
            packed_hashes(print_.sentences),
            array("q", print_.bands).tobytes(),  # band keys are signed (what a store's BIGINT holds)
        )
        for band in print_.bands:
            holders = self.by_band.get(band)
            if holders is None:
                self.by_band[band] = print_.doc_id
            elif isinstance(holders, str):
                self.by_band[band] = [holders, print_.doc_id]
            else:
                holders.append(print_.doc_id)
        self.pairs.extend((print_.doc_id, other) for other in copy_of)

    def copies(self) -> Iterable[tuple[str, str]]:
        return self.pairs

    def _unpacked(self, doc_id: str) -> Fingerprint:
        shingles, sentences, bands = self.packed[doc_id]
        return Fingerprint(doc_id, unpacked_hashes(shingles), unpacked_hashes(sentences), tuple(array("q", bands)))


def copy_clusters(documents: Iterable[Document], index: CopyIndex | None = None) -> dict[str, str]:
    """Each document's cluster: the smallest doc_id among the documents it is a copy of (itself if none).

    Only documents that ``index`` has not fingerprinted are read and compared (with every
    fingerprint that shares a band with theirs), so a stored index makes a new document cost
    its own comparisons, not the corpus's. Pairs whose documents are gone no longer join.
    """
    index = index if index is not None else MemoryCopies()
    known = index.fingerprinted()
    current: set[str] = set()
    for document in documents:
        if document.doc_id in current:
            continue
        current.add(document.doc_id)
        if document.doc_id in known:
            continue
        print_ = fingerprint(document)
        index.add(print_, [other.doc_id for other in index.sharing_a_band(print_) if is_copy(print_, other)])
    sets: DisjointSets[str] = DisjointSets(sorted(current))
    for a, b in index.copies():
        if a in current and b in current:
            sets.union(a, b)
    return {doc_id: sets.find(doc_id) for doc_id in current}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """The permutations every signature shares (drawing them is most of a MinHash's set-up)."""
    from datasketch import MinHash  # imported when first needed: datasketch imports scipy (seconds)

    return MinHash(num_perm=PERMUTATIONS)


@lru_cache(maxsize=1)
def _banding() -> tuple[int, int]:
    """Bands and rows per band for the candidate threshold, as datasketch's LSH chooses them."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
    return lsh.b, lsh.r


def _minhash(shingles: frozenset[int]) -> MinHash:
    template = _template()
    signature = type(template)(num_perm=PERMUTATIONS, permutations=template.permutations, scheme=template.scheme)
    signature.update_batch([s.to_bytes(8, "little") for s in shingles])
    return signature


def _bands(signature: MinHash) -> tuple[int, ...]:
    """One key per band: the band's number and its rows of the signature, hashed to a signed 64-bit int
    (what SQL's BIGINT holds). Two signatures share a key exactly where datasketch's LSH would bucket them."""
    bands, rows = _banding()
    values = signature.hashvalues
    keys = []
    for band in range(bands):
        chunk = band.to_bytes(2, "little") + values[band * rows : (band + 1) * rows].tobytes()
        keys.append(int.from_bytes(blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return tuple(keys)


def wire_credit(document: Document) -> str | None:
    """The agency a story is credited to at its head ("(Reuters) -"), from its text or its removed lines."""
    heads = [document.text[:300], *(line.text for line in document.removed if line.line <= 5)]
    for head in heads:
        match = _WIRE.search(head)
        if match:
            return match.group("agency").strip()
    return None
