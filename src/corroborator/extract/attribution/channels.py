"""Where a statement was made: 'on Telegram', 'in a statement', 'on its website', 'in his video address'.

A channel is a platform the lexicon names (``channels.platforms``) or a noun of its ``channel_nouns``
with the words compounded before it. Phrases of time and of channel date or place a statement; they
are never part of what was said (``is_time_or_channel``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import SUBJECT_DEPS, TIME_ENTS
from .lexicon import Lexicon

#: Prepositions that put a statement on a channel ('on Telegram', 'in a statement', 'via its website').
PLACING_PREPOSITIONS = {"on", "in", "at", "via", "during", "through"}


def channel_word(obj: Token, lexicon: Lexicon) -> str | None:
    """The channel a prepositional object names ('Telegram', 'video address'), if it names one."""
    lower = obj.lower_
    if lower in lexicon.platforms:
        return lexicon.platforms[lower]
    if obj.lemma_.lower() in lexicon.channel_nouns or lower in lexicon.channel_nouns:
        words = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i]
        start = words[0].i if words else obj.i
        return obj.doc[start : obj.i + 1].text
    return None


def channel_of(verb: Token, lexicon: Lexicon) -> str | None:
    """'on Telegram', 'in a statement', 'on its website', also from 'Writing on Telegram, X said'."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACING_PREPOSITIONS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and (word := channel_word(obj, lexicon)):
                    return word
    return None


def is_time_or_channel(prep: Token, lexicon: Lexicon) -> bool:
    """'on Friday', 'in a statement', 'according to X': a phrase that frames a statement, not its content."""
    if prep.lower_ in {"according", "per"}:
        return True
    return any(
        obj.dep_ == "pobj" and (obj.ent_type_ in TIME_ENTS or channel_word(obj, lexicon)) for obj in prep.children
    )


def clause_after_adjunct(verb: Token, lexicon: Lexicon) -> set[int] | None:
    """'said on Friday that aid may arrive', 'said in a statement that the road was cut': the parser hangs the
    'that' clause on the time or the channel as a relative clause. It is what was said when 'that' is no gap in
    it: after a date or a time, or with an object of its own ('a statement that he issued' is a relative clause).
    Also where the channel runs on ('in a statement posted on its page that gunmen had ...': a clause that ends
    the phrase), and after any other phrase when 'that' is surely no gap ('told AFP on condition of anonymity
    that the clinic received 12 bodies')."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        framing = is_time_or_channel(prep, lexicon)
        for obj in prep.children:
            for clause in obj.subtree:
                if clause.head.i != obj.i and clause.right_edge.i != prep.right_edge.i:
                    continue
                that = clause.left_edge
                if clause.dep_ != "relcl" or that.lower_ != "that" or that.dep_ in SUBJECT_DEPS:
                    continue
                if not any(c.dep_ in SUBJECT_DEPS and c.i != that.i for c in clause.children):
                    continue
                surely = that.dep_ == "mark" or _has_complement(clause, that)
                if surely or (framing and obj.ent_type_ in TIME_ENTS):
                    return set(range(that.i + 1, clause.right_edge.i + 1))
    return None


def _has_complement(clause: Token, that: Token) -> bool:
    """Has the clause an object or a complement besides 'that' ('that aid reached the town')?"""
    deps = {"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "auxpass"}
    return any(c.dep_ in deps and c.i != that.i for c in clause.children)


def cut_cue_adjuncts(doc: Doc, indices: set[int], cue: Token, lexicon: Lexicon) -> set[int]:
    """'said on Saturday it had received ...', 'said Tuesday in a statement the road was cut': a time or a channel
    right after the cue and before the reported clause's subject dates or places the statement, though the parser
    hangs it on the clause. Cut from the content when a subject follows it (else it may be the clause's own)."""
    if not indices or cue.pos_ not in {"VERB", "AUX"}:
        return indices
    start = min(indices)
    if start <= cue.i or any(i in indices for i in range(cue.i + 1, start)):
        return indices
    i = start
    while i in indices:
        token = doc[i]
        framing = (token.dep_ == "prep" and is_time_or_channel(token, lexicon)) or (
            token.dep_ == "npadvmod" and token.ent_type_ in TIME_ENTS
        )
        if not framing or token.left_edge.i != i:
            break
        i = token.right_edge.i + 1
        while i in indices and doc[i].text == ",":
            i += 1
    if i == start or i not in indices:
        return indices
    subject = doc[i]
    while subject.dep_ not in SUBJECT_DEPS and subject.head.i != subject.i and subject.head.left_edge.i == i:
        subject = subject.head
    if subject.dep_ not in SUBJECT_DEPS or subject.head.i not in indices:
        return indices
    return {k for k in indices if k >= i}
