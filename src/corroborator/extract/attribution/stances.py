"""Nouns and adjectives of stance, intent and speech with their holder and what they hold: 'X's decision to
withdraw', 'X voiced fear that ...', 'X is a vocal critic of ...', 'Kyiv is confident that ...', 'she remains
critical of ...', 'X made it clear that ...'.

The words and their complements are those of the PolNeAR training split's gold cues (issue 11), each kept
where its claims were right often enough there (see docs/claims.md). A mixin of ``cues.CueFinder``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...records import Certainty
from .candidate import Candidate
from .verbs import VerbalCues

#: Nouns of speech, stance and intent (and of those who hold one: 'a critic of') and the complements that
#: carry what their holder says or means ('X's decision to withdraw', 'voiced fear that', 'X is a vocal critic
#: of'); the nouns are nominal cues of the PolNeAR training split's gold (issue 11), their shapes as the gold
#: marks them. 'call for', 'support for', 'plan to', 'criticism of', 'opposition to' were right a third of
#: the time or less there and stay out.
NOMINAL_INTENT = frozenset({"acl:to", "acl:that"})
NOUN_COMPLEMENTS: dict[str, frozenset[str]] = {
    "question": frozenset({"prep:about"}),
    "concern": frozenset({"prep:about", "acl:that"}),
    "fear": frozenset({"acl:that"}),
    "hope": frozenset({"acl:that"}),
    "view": frozenset({"prep:of", "prep:on", "acl:that"}),
    "praise": frozenset({"prep:for"}),
    "decision": NOMINAL_INTENT,
    "promise": NOMINAL_INTENT,
    "pledge": NOMINAL_INTENT,
    "offer": NOMINAL_INTENT,
    "demand": NOMINAL_INTENT | {"prep:for"},
    "vow": NOMINAL_INTENT,
    "refusal": NOMINAL_INTENT,
    "threat": NOMINAL_INTENT,
    "supporter": frozenset({"prep:of"}),
    "advocate": frozenset({"prep:of", "prep:for"}),
    "proponent": frozenset({"prep:of"}),
    "critic": frozenset({"prep:of"}),
    "opponent": frozenset({"prep:of"}),
    "defender": frozenset({"prep:of"}),
}
#: Adjectives of stance and intent and what says what the stance is about ('confident that ...', 'critical
#: of ...', 'eager to ...'), from the PolNeAR training split's gold cues (issue 11); 'clear' only in 'made (it)
#: clear that ...'. 'determined to' and 'keen to' made no right claim there and stay out.
BELIEF = frozenset({"acl:that", "ccomp"})
STANCE_ADJECTIVES: dict[str, frozenset[str]] = {
    "confident": BELIEF | {"prep:about", "prep:in"},
    "convinced": BELIEF,
    "sure": BELIEF,
    "certain": BELIEF,
    "hopeful": BELIEF,
    "optimistic": BELIEF | {"prep:about"},
    "adamant": BELIEF,
    "concerned": BELIEF | {"prep:about"},
    "worried": BELIEF | {"prep:about"},
    "skeptical": frozenset({"prep:of", "prep:about"}),
    "critical": frozenset({"prep:of"}),
    "clear": frozenset({"acl:that", "ccomp"}),
    "eager": frozenset({"xcomp"}),
    "willing": frozenset({"xcomp"}),
    "reluctant": frozenset({"xcomp"}),
}
#: The verbs an adjective of stance follows: 'is confident', 'remains critical', 'grew worried'.
COPULAS = frozenset({"be", "remain", "feel", "seem", "appear", "become", "grow", "sound", "stay"})
STANCE_COPULAS = {"clear": frozenset({"make"})}


class StanceCues(VerbalCues):
    """Candidates of nouns and adjectives of stance, on top of the verbal ones."""

    def held_content(self, content: Token | None, source: Token | None) -> set[int] | None:
        """What a holder's stance or speech is about: a preposition's object ('support for the plan': 'the plan'),
        else the whole clause or phrase; None when the holder cannot speak, or nothing is held."""
        if content is None or source is None or not self.can_speak(source) or self.not_a_party(source):
            return None
        heads = list(content.children) if content.dep_ == "prep" else [content]
        return {t.i for head in heads for t in head.subtree} or None

    def nominal_complement(self, noun: Token) -> Candidate | None:
        """'X's call for a ceasefire', 'X voiced support for the plan', 'X's decision to withdraw': a noun of
        speech or intent, its speaker (a possessive, or the subject of the light verb that carries it) and
        the complement that says what (an infinitive, a 'that' clause, the noun's own preposition)."""
        shapes = NOUN_COMPLEMENTS.get(noun.lemma_, NOMINAL_INTENT)
        content = next((c for c in noun.children if self.noun_shape(c) in shapes and c.i > noun.i), None)
        if content is None:
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        governor = noun.head
        if source is None and noun.dep_ == "attr" and governor.lemma_ in COPULAS and not self.negated(governor):
            source = self.subject_of(governor)  # 'X is a vocal critic of the deal': X's stance
        if source is None and noun.dep_ == "dobj" and governor.lemma_ in self.lex.light_verbs:
            if self.negated(governor):
                return None
            source = self.subject_of(governor)
        tokens = self.held_content(content, source)
        if tokens is None or source is None:
            return None
        return self.noun_claim(noun, tokens, source)

    def noun_claim(self, noun: Token, content: set[int], source: Token) -> Candidate:
        """A claim whose cue is a noun ('X's estimate', 'a vocal critic of'), as sure as the noun says."""
        return Candidate(
            construction="nominal",
            cue=noun.lemma_,
            cue_token=noun.i,
            cue_tokens=(noun.i, noun.i + 1),
            certainty=self.lex.certainty_of(noun.lemma_),
            content=content,
            source=source.i,
        )

    def noun_shape(self, child: Token) -> str:
        """How a complement hangs on a noun: 'acl:to' (an infinitive), 'acl:that', 'prep:for', ..."""
        if child.dep_ == "prep":
            return f"prep:{child.lower_}"
        if child.dep_ in {"acl", "ccomp"}:
            if self.has_that(child):
                return "acl:that"
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return "acl:to"
        return child.dep_

    def stance_adjective(self, adjective: Token) -> Candidate | None:
        """'Kyiv is confident that the line will hold', 'she remains critical of the deal', 'X made it clear
        that ...': an adjective of stance after a copula (or 'made ... clear'), its holder the verb's subject
        and what follows the adjective (a clause, its preposition's object) what is held."""
        verb = adjective.head
        lemma = adjective.lemma_.lower()
        if adjective.dep_ not in {"acomp", "oprd", "ccomp", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
            return None
        if verb.lemma_ not in STANCE_COPULAS.get(lemma, COPULAS) or self.negated(verb):
            return None
        shapes = STANCE_ADJECTIVES[lemma]
        holders = [adjective, verb] if lemma == "clear" else [adjective]
        content = next(
            (c for h in holders for c in h.children if c.i > adjective.i and self.noun_shape(c) in shapes), None
        )
        if lemma == "clear":  # "made it clear that": a statement, its cue both words
            cue = (min(verb.i, adjective.i), max(verb.i, adjective.i) + 1)
            return self.adjective_claim(adjective, content, f"make {lemma}", cue, Certainty.ASSERTED)
        return self.adjective_claim(adjective, content, lemma, (adjective.i, adjective.i + 1), Certainty.HEDGED)

    def adjective_claim(
        self, adjective: Token, content: Token | None, cue: str, cue_tokens: tuple[int, int], certainty: Certainty
    ) -> Candidate | None:
        """The claim of an adjective after a copula: held by the copula's subject, about ``content``."""
        source = self.subject_of(adjective.head)
        tokens = self.held_content(content, source)
        if tokens is None or source is None:
            return None
        return Candidate(
            construction="nominal",
            cue=cue,
            cue_token=adjective.i,
            cue_tokens=cue_tokens,
            certainty=certainty,
            content=tokens,
            source=source.i,
        )

    @staticmethod
    def has_that(clause: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
