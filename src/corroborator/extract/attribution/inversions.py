"""The report that comes last: "A is B, Andrii Kovalenko of X said on Telegram.", "A was shot down, the
agency reports." (parsed wrong), and "A. This was stated by X." (a sentence of its own).

The parser often fails to hang the clause before the comma on the cue at the sentence's end: it
coordinates the cue with the first verb, or leaves the clause on a word of its own. Read as a reader
reads it: the words between the last comma and the cue are the speaker, the sentence before that
comma is what was said. A fallback for when the parse gives the cue no content at all.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .candidate import MIN_CLAUSE_AS_OBJECT, SUBJECT_DEPS
from .spans import Layout

#: How far back from the cue a comma is looked for: a speaker's words are a name and a title at most.
MAX_SPEAKER_TOKENS = 12


def inverted_report(doc: Doc, layout: Layout, verb: Token) -> tuple[set[int] | None, Token | None, Span | None]:
    """The content (token indices), the speaker's head and the speaker's words of a report whose cue ends its
    sentence. The words are those between the comma and the cue, whatever the tree hangs on the head ("a local
    official announced on Saturday": the parser makes the cue a participle of the official)."""
    if any(c.dep_ in {"ccomp", "dobj"} for c in verb.children):
        return None, None, None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    sent_start, sent_end = layout.sentence(verb.i)
    comma = next(
        (i for i in range(verb.i - 1, max(sent_start, verb.i - MAX_SPEAKER_TOKENS) - 1, -1) if doc[i].text == ","),
        None,
    )
    if comma is None or comma - sent_start < MIN_CLAUSE_AS_OBJECT or comma + 1 >= verb.i:
        return None, None, None
    if subject is not None and not _closes_its_sentence(doc, verb, subject, comma, sent_end):
        return None, None, None
    speaker = doc[comma + 1 : verb.i]
    if not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in speaker):
        return None, None, None
    return set(range(sent_start, comma)), subject if subject is not None else speaker.root, speaker


def _closes_its_sentence(doc: Doc, verb: Token, subject: Token, comma: int, sent_end: int) -> bool:
    """A cue with a subject of its own is the sentence's last report: its subject starts right after the
    comma and nothing but a time or punctuation follows it ('..., the agency reports.')."""
    if verb.head.i != verb.i or subject.left_edge.i != comma + 1:
        return False
    after = doc[verb.i + 1 : sent_end]
    return all(t.is_punct or t.ent_type_ in {"DATE", "TIME"} or t.dep_ == "prep" for t in after)


def sentence_before(doc: Doc, layout: Layout, verb: Token) -> set[int] | None:
    """ "Nine drones were shot down. This was stated by the governor.": what the demonstrative stands for
    is the sentence before; at a paragraph's start, the paragraph before when it is one sentence (sites that
    print each sentence as a paragraph of its own)."""
    start, _ = layout.sentence(verb.i)
    previous = next((i for i in range(start - 1, -1, -1) if not doc[i].is_space), None)
    if previous is None:
        return None
    before_start, before_end = layout.sentence(previous)
    if layout.line_of(previous) != layout.line_of(start) and before_start != layout.line_of(previous)[0]:
        return None  # the paragraph before says more than one thing
    content = {i for i in range(before_start, before_end) if not doc[i].is_punct or doc[i].text in ("'", '"')}
    return content or None
