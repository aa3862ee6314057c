"""What the cue finders share: the ``Candidate`` record, and the dependency labels and word lists
their rules read (kept apart from ``verbs`` so that no module carries both the data and the rules).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...records import Certainty

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: A clause's subject, the dummy one included ("it appears that", "there were").
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}
#: Participles that name whom a report passes on: "X reported ..., citing Y", "..., quoting Y as saying".
RELAYING_VERBS = frozenset({"cite", "quote"})
#: Where the parser hangs such a participle: after a comma an adverbial clause, without one ("reported quoting Y
#: as saying") the verb's complement.
RELAYING_DEPS = frozenset({"advcl", "xcomp"})
#: A cue used as a modifier ("the reported attack", "a claimed success") states nothing.
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod", "attr"}
#: Where a cue's missing subject is found: the verb it is coordinated with or subordinated to
#: ("X smiled and said", "..., saying that", "X went on to say").
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
#: Participles by which a reporter goes on after a comma (", adding that B"), whatever the parser hangs them on.
GOING_ON_VERBS = {"add", "note", "stress", "insist", "explain", "emphasise", "emphasize", "underline", "point"}
#: Children of a verb after its object that still belong to a direct-object content
#: ("attributes the losses to ...", "called him a liar"); prepositions are checked against
#: the lexicon's ``object_rests``.
OBJECT_REST_DEPS = {"oprd", "xcomp", "ccomp", "acomp", "advcl", "dative"}
#: Prepositional objects that date or place a statement rather than say what it is about.
TIME_ENTS = {"DATE", "TIME"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
#: Subjects that deny the statement they report ("none of them has confirmed ...").
NEGATIVE_SUBJECTS = {"none", "nobody", "neither", "no-one"}
#: How far after its verb a quotation may open and still be what the verb reports ('said Madison, “...').
MAX_QUOTE_GAP = 8
#: Relations the parser gives a reported clause by mistake ('He said legalizing it could ...' as xcomp).
MISPARSED_CLAUSE_DEPS = {"xcomp", "advcl", "dep", "oprd", "attr"}
#: A direct object this long under a speech verb is a clause the parser read as a noun phrase.
MIN_CLAUSE_AS_OBJECT = 5
#: 'claimed N lives': a death toll, not a claim.
TOLL_OBJECTS = {"life", "lives", "victim", "victims"}
#: Verbs that report evidence rather than words: a claim only with a subject that can speak.
EVIDENCE_VERBS = {"show", "indicate", "suggest", "reveal", "demonstrate", "confirm"}
#: 'appears to show', 'seems to indicate': what a picture or a figure looks like, not a statement.
SEEMING_VERBS = {"appear", "seem", "look"}
#: Subjects of a clause after ', but' that make it the writer's narration about the speaker.
NARRATED_SUBJECTS = {"he", "she", "they"}
#: Conjunctions after which a clause hung on the reporting verb still belongs to what was said.
CONTINUING_CONJUNCTIONS = {"but", "and"}
#: Conditions on a promise or a demand: 'vowed to act unless ...', 'called for talks if ...'.
CONDITION_MARKS = {"unless", "if", "once"}
#: Auxiliaries that open an inverted condition: 'should the talks fail', 'had they known', 'were it true'.
INVERTED_AUXILIARIES = {"should", "had", "were"}
#: Words that open the scene a writer sets after a cue's object ('called the plan a failure when asked
#: about it', '... while visiting the border'): the frame of the statement, not its content.
TRAILING_MARKS = {"when", "while", "although", "though", "until", "whereas", "even"}
#: Prepositions after a stance's object that say by how much or how it is held ('backs her by 40 points',
#: 'views her with suspicion'): not what the stance is about, and nothing after them is either.
STANCE_MEASURES = {"by", "with"}
#: Pronouns that point at a thing said or shown, not at somebody who says it ("this shows ...").
NON_PARTY_SUBJECTS = {"this", "that", "these", "those", "what", "which", "there", "here"}


@dataclass(slots=True)
class Candidate:
    """An attribution found in the parse, before it is linked to others and turned into a Claim."""

    construction: str  # verbal | prepositional | adverbial | nominal | headline | speaker
    cue: str  # the cue's lemma: "say", "according to", "reportedly", "confirmation"
    cue_token: int
    cue_tokens: tuple[int, int]  # [start, end) of the cue words
    certainty: Certainty
    content: set[int]
    source: int | None = None  # head token of the source phrase
    passive: bool = False
    hedged: bool = False
    via: list[int] = field(default_factory=list)  # head tokens of relays, nearest first
    channel: str | None = None
    phrase: tuple[int, int] | None = None  # the attribution phrase itself ("according to X"), to cut from contents
    bounded: bool = False  # the content has its end already (after a colon, a line): not clipped to the cue's line
    source_bounds: tuple[int, int] | None = None  # the source's words when the parse cannot tell them ("HOST:")
    loose: bool = False  # a verb outside the lexicon: kept only if the trained filter says so (attribution/filter.py)
