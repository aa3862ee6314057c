"""Loose candidates: attributions that a word list cannot tell from their look-alikes, made here only
with ``CueFinder(loose=True)`` and each kept or dropped by the trained filter (``filter.py``).

- a verb outside the lexicon with a subject that can speak and a clause or an object ('X bemoaned the
  pace of ...'), the subject its own, the one it shares ('X said A and blasted B', 'after backing X,
  she ...') or the noun it describes ('a group backing X');
- a seeming ('the talks seemed close to collapse', 'it appears that ...'): the writer's or somebody
  unnamed's impression, what seems so the subject and its complement;
- a noun of stance or speech with its holder and what it is about ('X's attacks on Y', 'voiced support
  for Y', 'X is a critic of Y' beyond the sure shapes of ``stances.NOUN_COMPLEMENTS``);
- an adjective of feeling after a copula ('she is wary of Y', 'they were angry that ...').

PolNeAR marks all of these as attributions in some contexts and not in others (issue 11, "The long tail,
decided by a model"); the filter's features tell the kinds apart (``filter.candidate_features``).
A mixin of ``cues.CueFinder``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...records import Certainty
from .candidate import CLAUSE_SUBJECT_DEPS, EVIDENCE_VERBS, SEEMING_VERBS, Candidate
from .lexicon import VerbCue
from .stances import COPULAS, NOMINAL_INTENT, NOUN_COMPLEMENTS, StanceCues

#: What a loose verb's content hangs on: a clause, an infinitive, an object.
LOOSE_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
#: Verbs of seeming: what seems so is the writer's or somebody unnamed's impression ('X seemed unfazed'). Not
#: "look", which seems only with "like" and looks at things far more often.
SEEMING = frozenset(SEEMING_VERBS - {"look"})
#: What a picture or a record is seen to do ('the video appears to show ...'): evidence, not a statement.
PICTURE_VERBS = frozenset(EVIDENCE_VERBS | {"depict", "capture", "record", "contain", "feature"})
#: What says how a thing seems: an infinitive ('seemed to waver'), an adjective ('seems stable'), a noun
#: ('appears a long shot'), a clause after 'it' ('it seems that ...').
SEEMING_DEPS = {"xcomp", "acomp", "oprd", "attr", "ccomp"}
#: Nouns of stance and speech that PolNeAR's training gold marks as cues now and then (issue 11): right too
#: seldom to be sure cues, so each is left to the filter, with its holder and what it is about.
LOOSE_NOUNS = frozenset(
    {
        "support", "criticism", "opposition", "call", "plan", "attack", "complaint", "endorsement",
        "praise", "proposal", "accusation", "allegation", "suggestion", "warning", "remark", "comment",
        "doubt", "concern", "claim", "assertion", "promise", "pledge", "embrace", "defense", "defence",
        "stance", "position", "opinion", "reference", "backing", "push", "argument", "worry", "belief",
        "objection", "commitment", "approval", "condemnation", "skepticism", "rejection", "appeal",
        "request", "message", "view", "fear", "hope", "question", "demand", "threat", "vow", "decision",
        "disdain", "contempt", "admiration", "enthusiasm", "distrust", "frustration", "anger", "outrage",
    }
)  # fmt: skip
#: What a loose noun's complement may be: its preposition ('support for', 'attacks on'), an infinitive or a
#: 'that' clause.
LOOSE_NOUN_SHAPES = NOMINAL_INTENT | {
    f"prep:{p}" for p in ("for", "of", "to", "on", "about", "against", "over", "toward", "towards", "with")
}
#: Adjectives of feeling after a copula, with what they are about ('wary of', 'angry that', 'proud to').
LOOSE_ADJECTIVES = frozenset(
    {
        "aware", "wary", "opposed", "nervous", "proud", "angry", "afraid", "happy", "unhappy", "upset",
        "frustrated", "supportive", "dismissive", "disappointed", "pleased", "satisfied", "furious",
        "enthusiastic", "excited", "comfortable", "uncomfortable", "open", "hostile", "sympathetic",
        "doubtful", "uncertain", "unsure", "suspicious", "fearful", "glad", "grateful", "ashamed", "tired",
        "sick", "fond", "committed", "determined", "keen", "ready", "prepared", "interested", "alarmed",
        "troubled", "anxious", "scared", "terrified", "disgusted", "outraged", "appalled", "impressed",
    }
)  # fmt: skip
LOOSE_ADJECTIVE_SHAPES = frozenset({"acl:that", "ccomp", "xcomp", "acl:to"}) | {
    f"prep:{p}" for p in ("of", "about", "with", "at", "by", "to", "toward", "towards", "in", "for")
}


class LooseCues(StanceCues):
    """Loose candidates on top of the sure ones; ``CueFinder`` asks for them only with ``loose``."""

    def loose_verb(self, verb: Token, lemma: str) -> Candidate | None:
        """A verb outside the lexicon: a seeming, or a verb with somebody who can speak behind it."""
        if lemma in SEEMING:
            return self.seeming(verb, lemma)
        return self.loose_verbal(verb, lemma)

    def loose_verbal(self, verb: Token, lemma: str) -> Candidate | None:
        """A verb outside the lexicon with a subject that can speak and a clause or an object ('X backed
        the plan', 'she suspects that ...', 'X said A and blasted B', 'a group backing X'): a candidate for
        the trained filter to decide on."""
        if not any(c.dep_ in LOOSE_CONTENT_DEPS for c in verb.children):
            return None
        cue = VerbCue(self.lex.certainty_of(lemma), LOOSE_CONTENT_DEPS)
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if own is None and self.described(verb):
            return self.loose_participle(verb, lemma, cue)
        subject = own if own is not None else self.subject_of(verb)
        if subject is None or not self.can_speak(subject) or self.not_a_party(subject):
            return None
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return None
        candidate = self.verbal(verb, lemma, cue)
        if candidate is not None:
            candidate.loose = True
        return candidate

    @staticmethod
    def described(verb: Token) -> bool:
        """'a group backing X', 'voters supporting her': a participle that says what its noun does."""
        return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}

    def loose_participle(self, verb: Token, lemma: str, cue: VerbCue) -> Candidate | None:
        """'a super PAC backing Bush', 'those criticizing the deal': the noun the participle describes is
        who holds the stance, the participle's object what it is about."""
        holder = verb.head
        if verb.i < holder.i or not self.can_speak(holder) or self.not_a_party(holder) or self.negated(verb):
            return None
        content = self.verb_content(verb, cue, False)
        if not content:
            return None
        return Candidate(
            construction="verbal",
            cue=lemma,
            cue_token=verb.i,
            cue_tokens=(verb.i, verb.i + 1),
            certainty=cue.certainty,
            content=content,
            source=holder.i,
            source_bounds=(holder.left_edge.i, verb.i),  # 'Residents', not 'Residents applauding the decision'
            loose=True,
        )

    def weak_participle(self, verb: Token, lemma: str) -> Candidate | None:
        """A weak lexicon verb as a participle of a noun ('voters supporting her'): loose, as the verb is."""
        if not self.described(verb) or any(c.dep_ == "nsubj" for c in verb.children):
            return None
        return self.loose_participle(verb, lemma, self.lex.verbs[lemma])

    def seeming(self, verb: Token, lemma: str) -> Candidate | None:
        """'the talks seemed close to collapse', 'she appears to have won', 'it seems that ...': an
        unnamed impression; what seems so is the subject with its complement, without the verb."""
        if self.negated(verb):
            return None
        complements = [c for c in verb.children if c.dep_ in SEEMING_DEPS and c.i > verb.i]
        if not complements:
            return None  # 'appeared on television', 'she appeared at the rally'
        if any(c.lemma_.lower() in PICTURE_VERBS for c in complements):
            return None  # 'the footage appears to show soldiers': what a picture shows, nobody's statement
        tokens = {t.i for c in complements for t in c.subtree}
        subject = next((c for c in verb.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
        if subject is not None and subject.dep_ != "expl" and subject.lower_ != "it":
            if any(c.dep_ == "ccomp" for c in complements) or self.acts(subject, complements):
                return None  # 'he appears to think that ...', 'X seemed to mock Y': the inner verb's, X's
            tokens |= {t.i for t in subject.subtree}
        elif subject is None:
            return None
        return Candidate(
            construction="verbal",
            cue=lemma,
            cue_token=verb.i,
            cue_tokens=self.cue_words(verb),
            certainty=Certainty.HEDGED,
            content=tokens,
            hedged=True,
            loose=True,
        )

    def acts(self, subject: Token, complements: list[Token]) -> bool:
        """'Mr. Ruiz seemed to mock the plan', 'voters seem to care about ...': somebody who can speak seems to
        do something; PolNeAR takes that as the doer's own stance, which the inner verb's candidate reads."""
        return self.can_speak(subject) and any(
            c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_ not in {"be", "have"} for c in complements
        )

    def loose_noun(self, noun: Token) -> Candidate | None:
        """'X's attacks on Y', 'voiced support for Y', 'X's plan to ...': a noun of stance or speech with its
        holder (a possessive, a light verb's or a copula's subject) and its complement, beyond the sure
        shapes. A candidate for the filter."""
        lemma = noun.lemma_
        listed = lemma in NOUN_COMPLEMENTS or lemma in self.lex.nouns
        sure = NOUN_COMPLEMENTS.get(lemma, NOMINAL_INTENT) if listed else frozenset()
        content = next(
            (c for c in noun.children if c.i > noun.i and self.noun_shape(c) in LOOSE_NOUN_SHAPES - sure), None
        )
        if content is None:
            return None
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        governor = noun.head
        if source is None and noun.dep_ in {"dobj", "attr"} and governor.pos_ in {"VERB", "AUX"}:
            light = governor.lemma_ in self.lex.light_verbs or governor.lemma_ in COPULAS
            source = self.subject_of(governor) if light and not self.negated(governor) else None
        tokens = self.held_content(content, source)
        if tokens is None or source is None:
            return None
        candidate = self.noun_claim(noun, tokens, source)
        candidate.loose = True
        return candidate

    def loose_adjective(self, adjective: Token) -> Candidate | None:
        """'she is wary of the deal', 'they were angry that ...': an adjective of feeling after a copula, its
        holder the copula's subject. A candidate for the filter."""
        verb = adjective.head
        if adjective.dep_ not in {"acomp", "oprd"} or verb.lemma_ not in COPULAS or self.negated(verb):
            return None
        content = next(
            (c for c in [*adjective.children, *verb.children] if c.i > adjective.i and self.adjective_shape(c)),
            None,
        )
        cue = adjective.lemma_.lower()
        candidate = self.adjective_claim(adjective, content, cue, (adjective.i, adjective.i + 1), Certainty.HEDGED)
        if candidate is not None:
            candidate.loose = True  # the filter decides
        return candidate

    def adjective_shape(self, child: Token) -> bool:
        return self.noun_shape(child) in LOOSE_ADJECTIVE_SHAPES
