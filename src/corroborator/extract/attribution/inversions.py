"""The report that comes last: "A is B, Andrii Kovalenko of X said on Telegram.", "A was shot down, the
agency reports." (parsed wrong), and "A. This was stated by X." (a sentence of its own); and the condition
that comes first ("should the talks fail").

The parser often fails to hang the clause before the comma on the cue at the sentence's end: it
coordinates the cue with the first verb, or leaves the clause on a word of its own. Read as a reader
reads it: the words between the last comma and the cue are the speaker, the sentence before that
comma is what was said. A fallback for when the parse gives the cue no content at all.
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Span, Token

from .candidate import INVERTED_AUXILIARIES, MIN_CLAUSE_AS_OBJECT, SUBJECT_DEPS
from .spans import Layout

#: How far back from the cue a comma is looked for: a speaker's words are a name and a title at most.
MAX_SPEAKER_TOKENS = 12
#: How the parser hangs a phrase the writer sets after a closing attribution ('..., an official says, the latest in
#: a week of raids'): as an apposition, or as an object or a modifier of the clause's verb.
ASIDE_OBJECT_DEPS = {"appos", "dobj", "npadvmod", "attr"}
#: Verbs whose object right after them is whom it was told ('told AFP'), not what was said.
ADDRESSED_VERBS = {"tell", "inform", "brief", "assure", "warn"}


def inverted_report(
    doc: Doc, layout: Layout, verb: Token, reporting: Container[str] = ()
) -> tuple[set[int] | None, Token | None, Span | None]:
    """The content (token indices), the speaker's head and the speaker's words of a report whose cue ends its
    sentence. The words are those between the comma and the cue, whatever the tree hangs on the head ("a local
    official announced on Saturday": the parser makes the cue a participle of the official). ``reporting``: the
    lemmas of reporting verbs, whose participle after the cue is a report of its own (', citing X')."""
    if any(_own_complement(verb, c) for c in verb.children):
        return None, None, None
    sent_start, sent_end = layout.sentence(verb.i)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # 'Militants killed 12 soldiers, a source told AFP': the parser gives the cue both subjects, the
    # event's and the speaker's; the speaker's is the one nearest before the cue.
    subject = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0] if subjects else None)
    comma = next(
        (i for i in range(verb.i - 1, max(sent_start, verb.i - MAX_SPEAKER_TOKENS) - 1, -1) if doc[i].text == ","),
        None,
    )
    if comma is None or comma - sent_start < MIN_CLAUSE_AS_OBJECT:
        return None, None, None
    if comma + 1 == verb.i and subject is not None and subject.i > verb.i:
        # "A, said an emergency worker at the scene and an official of X.": the speaker after the cue, the parser
        # having coordinated the cue with the verb before the comma
        speaker = doc[subject.left_edge.i : subject.right_edge.i + 1]
        if all(t.is_punct for t in doc[speaker.end : sent_end]):
            return set(range(sent_start, comma)), subject, speaker
        return None, None, None
    if comma + 1 >= verb.i:
        return None, None, None
    if subject is not None and not _closes_its_sentence(doc, verb, subject, comma, sent_end, reporting):
        return None, None, None
    speaker = doc[comma + 1 : verb.i]
    if not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in speaker):
        return None, None, None
    return set(range(sent_start, comma)), subject if subject is not None else speaker.root, speaker


def _closes_its_sentence(
    doc: Doc, verb: Token, subject: Token, comma: int, sent_end: int, reporting: Container[str]
) -> bool:
    """A cue with a subject of its own is the sentence's last report: its subject starts right after the
    comma and nothing but a time or punctuation follows it ('..., the agency reports.'). The parser may coordinate
    it with the clause's verb or hang it on the clause's last noun ('... kills three fighters, a source says, the
    latest in ...'): then only its own words must end there, and the writer's aside after them is no part of it."""
    hung = verb.dep_ in {"conj", "relcl"} and verb.head.i < comma and not _relative(verb)
    if (verb.head.i != verb.i and not hung) or subject.left_edge.i != comma + 1:
        return False
    after = doc[verb.i + 1 : sent_end]
    if verb.head.i != verb.i:
        after = doc[verb.i + 1 : verb.right_edge.i + 1]
        last = verb.right_edge.i
        if last + 1 < sent_end and not (doc[last].text == "," or doc[last + 1].is_punct):
            return False
    told = {t.i for c in verb.children if _addressee(verb, c) for t in c.subtree}
    aside = {t.i for c in verb.children if trailing_participle(doc, c) and c.lemma_ not in reporting for t in c.subtree}
    # 'says in a statement' after a clause the cue was hung on (the parse of a cue that ends its sentence on its
    # own is trusted as it is: its phrase may be the clause's, 'In Miami, he said, ...')
    framed = {t.i for c in verb.children if c.dep_ == "prep" and c.i > verb.i and hung for t in c.subtree}
    allowed = framed | told | aside
    return all(t.is_punct or t.ent_type_ in {"DATE", "TIME"} or t.dep_ == "prep" or t.i in allowed for t in after)


def _relative(verb: Token) -> bool:
    """Has the clause a relative word of its own ('the fighters whom a source named')?"""
    return any(c.tag_ in {"WDT", "WP", "WP$", "WRB"} or c.lower_ == "that" for c in verb.children)


def _own_complement(verb: Token, child: Token) -> bool:
    """Does the cue report something of its own after it (a clause, an object), so that the sentence before
    the comma is not its content? 'told AFP' names whom it was told; 'the capital of Darfur, the army said'
    read with the army inside the clause before leaves that clause, swallowed speaker and all, under the cue."""
    if child.dep_ == "ccomp":
        return child.i > verb.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    return child.dep_ == "dobj" and not _addressee(verb, child)


def _addressee(verb: Token, child: Token) -> bool:
    """'told AFP', 'told reporters', 'told him': the one-word object of a telling verb right after it."""
    return (
        child.dep_ in {"dobj", "dative"}
        and verb.lemma_ in ADDRESSED_VERBS
        and child.i == verb.i + 1
        and child.left_edge.i == child.i
        and (child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in {"ORG", "PERSON"} or child.lower_ == "reporters")
    )


def trailing_participle(doc: Doc, child: Token) -> bool:
    """', updating an earlier toll', ', adding that ...': the writer's aside after a comma, not the cue's object."""
    before = child.left_edge.i - 1
    return child.dep_ == "advcl" and child.tag_ == "VBG" and before >= 0 and doc[before].text == ","


def parenthetical_content(verb: Token) -> set[int]:
    """'Most of them, he said, had spent ...' / '“...,” he said': the host clause, less the attribution."""
    doc = verb.doc
    host = verb.head
    if host.pos_ not in {"VERB", "AUX"}:
        host = verb.sent.root  # '..., as reported by the army' hung on a noun of the clause: the whole clause
    own = set(range(verb.left_edge.i, verb.right_edge.i + 1))
    end = host.right_edge.i + 1
    rest = [t for t in doc[verb.right_edge.i + 1 : end] if not t.is_punct]
    if verb.i > host.i and rest and _ranking(verb, rest, end):
        end = verb.left_edge.i
    return {i for i in range(host.left_edge.i, end) if i not in own}


def _ranking(verb: Token, rest: list[Token], end: int) -> bool:
    """'..., an official says, the latest in a week of raids': the writer's ranking of the event after a closing
    attribution (a superlative, hung as an apposition or as a second object), not what was said ('It was, he said,
    one of ...' is)."""
    phrase = rest[0]
    while verb.right_edge.i < phrase.head.i < end and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.tag_ != "JJS" or phrase.dep_ not in ASIDE_OBJECT_DEPS or phrase.head.i > verb.i:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in rest)


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


def inverted_condition(clause: Token) -> bool:
    """'should the talks succeed', 'had they known': a condition with its auxiliary first, which the
    parser may hang on the cue verb as if it were the reported clause."""
    first = clause.left_edge
    if first.dep_ != "aux" or first.lower_ not in INVERTED_AUXILIARIES or first.i + 1 >= len(clause.doc):
        return False
    after = clause.doc[first.i + 1]
    return any(c.dep_ in SUBJECT_DEPS and c.left_edge.i == after.i for c in clause.children)
