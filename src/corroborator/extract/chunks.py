"""Long texts in pieces: spaCy's parser needs memory in proportion to a text's length
(and refuses texts over ``nlp.max_length``), so a long document is read paragraph
group by paragraph group and the pieces' records are joined with their offsets shifted.

Pronouns and elided subjects are resolved within a piece, so pieces are cut at
paragraph breaks and are as long as allowed. A text with no paragraph break in
reach (a document on one line) is cut after a sentence's closing punctuation,
else at whitespace, else, for a run of characters with no space at all, at the
limit itself: whatever its line breaks, no piece is longer than the limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from ..records import Claim, Entity, Figure, Offsets, Party, Reference

#: The longest text read in one piece. The small English model parses 100,000
#: characters in well under a gigabyte; news articles are a tenth of that.
MAX_PIECE_CHARS = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_WHITESPACE = re.compile(r"\s+")


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, each at most ``limit`` characters.

    Cut at the last paragraph break within reach, else the last sentence end, else the last whitespace;
    pieces of whitespace alone are left out. ``text[offset : offset + len(piece)] == piece`` for each.
    """
    cuts = [0]
    while len(text) - cuts[-1] > limit:
        start = cuts[-1]
        window = text[start : start + limit]
        cut = (
            _last_break(_PARAGRAPH_BREAK, window)
            or _last_break(_SENTENCE_BREAK, window)
            or _last_break(_WHITESPACE, window)
            or limit
        )
        cuts.append(start + cut)
    cuts.append(len(text))
    return [(a, text[a:b]) for a, b in pairwise(cuts) if text[a:b].strip()]


def _last_break(pattern: re.Pattern[str], window: str) -> int | None:
    ends = [m.end() for m in pattern.finditer(window)]
    return ends[-1] if ends and ends[-1] > 0 else None


def joined(parts: list[tuple[int, list[Entity], list[Claim], list[Figure]]]):  # type: ignore[no-untyped-def]
    """The records of all pieces as one document's: offsets shifted, ids renumbered, references kept."""
    entities: dict[str, Entity] = {}
    claims: list[Claim] = []
    figures: list[Figure] = []
    for offset, piece_entities, piece_claims, piece_figures in parts:
        move = _mover(offset)
        for entity in piece_entities:
            mentions = [_shifted(m, offset) for m in entity.mentions]
            if entity.id in entities:
                entities[entity.id].mentions.extend(mentions)
            else:
                entities[entity.id] = replace(entity, mentions=mentions)
        claim_ids = {c.id: f"c{len(claims) + i + 1}" for i, c in enumerate(piece_claims)}
        for claim in piece_claims:
            claims.append(
                replace(
                    claim,
                    id=claim_ids[claim.id],
                    span=_shifted(claim.span, offset),
                    cue_span=move(claim.cue_span),
                    source=_moved_party(claim.source, move),
                    via=[_moved_party(v, move) for v in claim.via],
                    parent=claim_ids.get(claim.parent or ""),
                )
            )
        figure_ids = {f.id: f"f{len(figures) + i + 1}" for i, f in enumerate(piece_figures)}
        for figure in piece_figures:
            figures.append(
                replace(
                    figure,
                    id=figure_ids[figure.id],
                    span=_shifted(figure.span, offset),
                    subject=_moved_reference(figure.subject, move),
                    location=_moved_reference(figure.location, move),
                    claim=claim_ids.get(figure.claim or ""),
                    part_of=figure_ids.get(figure.part_of or ""),
                )
            )
    return list(entities.values()), claims, figures


def _shifted(span: Offsets, offset: int) -> Offsets:
    """A span that every record has, moved by ``offset``."""
    return span[0] + offset, span[1] + offset


def _mover(offset: int) -> Callable[[Offsets | None], Offsets | None]:
    def move(span: Offsets | None) -> Offsets | None:
        return (span[0] + offset, span[1] + offset) if span else None

    return move


def _moved_party(party: Party, move: Callable[[Offsets | None], Offsets | None]) -> Party:
    return replace(party, span=move(party.span))


def _moved_reference(reference: Reference | None, move: Callable[[Offsets | None], Offsets | None]) -> Reference | None:
    return replace(reference, span=move(reference.span)) if reference else None
