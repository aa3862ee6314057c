"""Finding attribution cues in a parsed Doc, with their source and content tokens.

One pass over the tokens looks each one up in the lexicon (a set lookup per token); only
the few cue tokens get the dependency work. Each construction has its own finder:

- verbal (``verbs``): "X said (that) ...", "'...,' he said", "X confirmed the
  presence of ...", "it was reported that ...";
- prepositional: "according to X, ...", "..., per X";
- adverbial: "... are reportedly training ...";
- nominal: "a confirmation by X that ...", "X's claim that ...", "X rejected reports that ...",
  "the American estimate, given by X, was ...";
- a headline: "Zelensky Says Troops Are in Kursk";
- a speaker's line: "TAPPER: ...", "Paul Ryan: FBI decision defies explanation".

A finder returns a ``Candidate``: token indices, nothing resolved yet. ``claims.py`` links
candidates (via, nesting), builds the records and resolves the sources.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...records import Certainty
from .candidate import CLAUSE_SUBJECT_DEPS, RELAYING_DEPS, RELAYING_VERBS, SUBJECT_DEPS, Candidate
from .channels import channel_word
from .lexicon import Lexicon
from .loose import LOOSE_ADJECTIVES, LOOSE_NOUNS, LooseCues
from .spans import Layout
from .stances import NOUN_COMPLEMENTS, STANCE_ADJECTIVES

__all__ = ["SUBJECT_DEPS", "Candidate", "CueFinder"]

#: A speaker's name before a colon is this short ("Rep. Paul Ryan:"); longer is a sentence.
SPEAKER_LINE_MAX_TOKENS = 5
#: Dashes that sign a quotation with its speaker's name at the end of its line ('“...” ― Tom Reyes').
SIGNING_DASHES = {"―", "—"}
#: Prepositions that name where a statement was made ('on Telegram', 'via its website'), not who made it.
CHANNEL_PREPOSITIONS = {"on", "in", "via", "at"}
#: Marks that may end (and, in careless copy, open) a quotation.
QUOTE_CLOSERS = {"”", '"', "''"}
#: A person's name without an entity label ('Ana Maria Ruiz'): at most this many proper nouns.
MAX_NAME_TOKENS = 4
#: A headline has this many words, most of them capitalised ("Zelensky Says Troops Are in Kursk").
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 25
HEADLINE_TITLE_SHARE = 0.8
#: How far up from a noun an 'according to' / 'per' phrase looks for the clause it belongs to.
MAX_HOST_CLIMB = 4
#: What speaks for the people it asked: 'in a poll released Monday, ...' (PolNeAR's 'in' cues; issue 11).
SURVEY_NOUNS = {"poll", "survey"}
#: "RUSSIA: A drone attack ..." is a dateline, not a speaker.
DATELINE_ENTS = {"GPE", "LOC", "NORP", "DATE", "TIME", "ORG", "FAC"}


def relaying(verb: Token) -> bool:
    """'..., quoting the ministry as saying': a participle that names whom the report passes on, a sure cue."""
    return verb.lemma_ in RELAYING_VERBS and verb.dep_ in RELAYING_DEPS and verb.tag_ == "VBG"


class CueFinder(LooseCues):
    """Finds attribution candidates in one Doc: verbal cues (``VerbalCues``), nouns and adjectives of stance
    (``StanceCues``) and the other constructions;
    with ``loose``, also the loose candidates of ``LooseCues``, for the trained filter (``filter.py``)."""

    def __init__(self, doc: Doc, lexicon: Lexicon, layout: Layout, loose: bool = False) -> None:
        super().__init__(doc, lexicon, layout)
        self.loose = loose

    # --- the pass over the tokens -------------------------------------------------------

    def verb_read_as_noun(self, token: Token) -> bool:
        """'..., the agency reports.': the parser takes a sentence's last verb for a plural noun, and yet
        gives it a subject; a cue's third-person form at the root with a subject is that verb."""
        lemma = self.lex.headline_forms.get(token.lower_)
        return lemma in self.lex.verbs and token.dep_ == "ROOT" and any(c.dep_ in SUBJECT_DEPS for c in token.children)

    def find(self) -> list[Candidate]:
        lex = self.lex
        found: list[Candidate] = []
        for token in self.doc:
            pos = token.pos_
            candidate = None
            if token.text in SIGNING_DASHES:  # tagged as anything, a verb too
                candidate = self.signed_quote(token)
                if candidate is not None:
                    found.append(candidate)
                continue
            if token.lower_ in lex.headline_forms and token.is_title and token.i > 0:
                candidate = self.headline(token)
                if candidate is not None:
                    found.append(candidate)
                    continue
            if pos == "VERB" or pos == "AUX":
                lemma = token.lemma_
                if lemma in lex.verbs:
                    candidate = self.verbal(token, lemma, lex.verbs[lemma])
                    weak = lemma in lex.weak_verbs and not self.expectation(candidate, lemma) and not relaying(token)
                    if candidate is not None and self.loose and weak:
                        candidate.loose = True  # a verb right less than half the time: the filter decides
                    elif candidate is None and self.loose and lemma in lex.weak_verbs:
                        candidate = self.weak_participle(token, lemma)
                elif token.lower_ in lex.prepositions:
                    candidate = self.prepositional(token)
                elif self.loose and pos == "VERB" and token.is_alpha and lemma not in lex.not_verbs | lex.media_words:
                    candidate = self.loose_verb(token, lemma)
            elif pos == "NOUN" and self.verb_read_as_noun(token):
                lemma = lex.headline_forms[token.lower_]
                candidate = self.verbal(token, lemma, lex.verbs[lemma])
            elif pos == "NOUN" and token.lemma_ in lex.nouns:
                candidate = self.nominal(token) or self.nominal_complement(token)
            elif pos == "NOUN" and token.lemma_ in NOUN_COMPLEMENTS:
                candidate = self.nominal_complement(token)
            elif pos == "ADJ" and token.lemma_.lower() in STANCE_ADJECTIVES:
                candidate = self.stance_adjective(token)
            elif pos == "ADV" and token.lower_ in lex.adverbs:
                candidate = self.adverbial(token)
            elif pos == "ADP" and token.lower_ in lex.prepositions:
                candidate = self.prepositional(token)
            elif pos == "ADP" and token.lower_ == "in":
                candidate = self.in_survey(token)
            elif token.text == ":":
                candidate = self.speaker_line(token) or self.named_quote(token)
            if candidate is None and self.loose and pos == "NOUN" and token.lemma_ in LOOSE_NOUNS:
                candidate = self.loose_noun(token)
            elif candidate is None and self.loose and pos == "ADJ" and token.lemma_.lower() in LOOSE_ADJECTIVES:
                candidate = self.loose_adjective(token)

            if candidate is not None:
                found.append(candidate)
        capitals = [
            (c, self.doc[c.source])
            for c in found
            if c.construction == "speaker" and c.source is not None and self.doc[c.source].is_upper
        ]
        if len(capitals) == 1 and (not capitals[0][1].ent_type_ or reports(capitals[0][0], found)):
            # One "NAME: ..." line in capitals is a dateline ("RUSSIA: A drone attack ..."); a transcript has several.
            # A name the model took for a body is one too when what follows is a report of someone else's
            # ("NIAMEY: Gunmen killed 17 gendarmes, a source told Reuters").
            found.remove(capitals[0][0])
        return found

    def expectation(self, candidate: Candidate | None, lemma: str) -> bool:
        """'Ruiz is expected to resign', 'the road is believed to be cut': a stance verb in the passive is
        somebody unnamed's expectation, a sure cue (its active use, 'she expects ...', is weak)."""
        return candidate is not None and candidate.passive and lemma in self.lex.stance_verbs

    # --- negation -----------------------------------------------------------------------

    def prepositional(self, token: Token) -> Candidate | None:
        """'according to X, ...', '..., per X' (a source before or after the statement it gives)."""
        lower = token.lower_
        if lower == "according":
            to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        elif lower == "per":
            source = next((c for c in token.children if c.dep_ == "pobj"), None)
            if source is None or not self.looks_like_party(source):
                return None  # "$5 per litre", "per cent"
        else:
            return None
        if source is None:
            return None
        phrase = (token.left_edge.i, token.right_edge.i + 1)
        # The clause the phrase belongs to: "The attack killed 12 people, per local officials" hangs
        # 'per' on 'people'; the statement is the whole clause.
        host = token.head
        for _ in range(MAX_HOST_CLIMB):
            if host.pos_ in {"VERB", "AUX"} or host.head.i == host.i:
                break
            host = host.head
        if host.i == token.i:
            return None
        if phrase[1] <= host.i and not any(c.dep_ in SUBJECT_DEPS for c in host.children):
            # "According to X, the site, used by ..., was part of ...": the clause's subject read as X's apposition
            appos = next((c for c in source.children if c.dep_ == "appos" and c.i > source.i), None)
            if appos is not None and self.doc[appos.left_edge.i - 1].text == ",":
                phrase = (phrase[0], appos.left_edge.i)
        content = {i for i in range(host.left_edge.i, host.right_edge.i + 1) if not phrase[0] <= i < phrase[1]}
        return Candidate(
            construction="prepositional",
            cue=self.lex.prepositions[lower],
            cue_token=token.i,
            cue_tokens=(token.i, (to.i + 1) if lower == "according" and to is not None else token.i + 1),
            certainty=Certainty.ASSERTED,
            content=content,
            source=source.i,
            phrase=phrase,
        )

    def in_survey(self, token: Token) -> Candidate | None:
        """'In a poll released Monday, 52 percent backed the truce', 'the mayor leads in the latest surveys':
        a poll or a survey is the source of the clause it hangs on, as 'according to' would make it."""
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in SURVEY_NOUNS:
            return None
        host = token.head
        if host.pos_ not in {"VERB", "AUX"} or self.negated(host):
            return None
        subject = next((c for c in host.children if c.dep_ in SUBJECT_DEPS), None)
        phrase = (token.left_edge.i, token.right_edge.i + 1)
        if subject is None or phrase[1] > subject.left_edge.i:
            return None  # 'leads in the polls' is the writer's summary; a poll put first is the source
        start = host.left_edge.i
        content = {i for i in range(start, host.right_edge.i + 1) if not phrase[0] <= i < phrase[1]}
        return Candidate(
            construction="prepositional",
            cue="in",
            cue_token=token.i,
            cue_tokens=(token.i, token.i + 1),
            certainty=Certainty.ASSERTED,
            content=content,
            source=source.i,
            phrase=phrase,
        )

    def looks_like_party(self, token: Token) -> bool:
        return token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or token.lower_ in self.lex.unnamed_words

    # --- adverbial cues -----------------------------------------------------------------

    def adverbial(self, token: Token) -> Candidate | None:
        """'Russian forces are reportedly training ...': an unnamed source for the clause."""
        head = token.head
        if token.dep_ != "advmod" or head.pos_ not in {"VERB", "AUX"}:
            return None
        subject = next((c for c in head.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
        start = min(subject.left_edge.i if subject is not None else head.i, head.i)
        content = {i for i in range(start, head.right_edge.i + 1) if i != token.i}
        return Candidate(
            construction="adverbial",
            cue=token.lower_,
            cue_token=token.i,
            cue_tokens=(token.i, token.i + 1),
            certainty=self.lex.adverbs[token.lower_],
            content=content,
            hedged=True,
        )

    # --- nominal cues -------------------------------------------------------------------

    def nominal(self, noun: Token) -> Candidate | None:
        """'a confirmation by X that ...', 'X's claim that ...', 'X rejected reports that ...'."""
        clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and self.has_that(c)), None)
        if clause is None:
            return self.nominal_subject(noun)
        lemma = noun.lemma_
        cue, certainty, source = lemma, self.lex.certainty_of(lemma), None
        for child in noun.children:
            if child.dep_ == "poss":
                source = child
            elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                source = next((c for c in child.children if c.dep_ == "pobj"), source)
        governor = noun.head
        if (
            source is None
            and noun.dep_ == "pobj"
            and governor.dep_ == "prep"
            and governor.head.lemma_ in self.lex.verbs
        ):
            # "X said in a statement that ...": the statement's clause is what X said.
            verb = governor.head
            if self.negated(verb):
                return None
            source = self.subject_of(verb)
            cue, certainty = verb.lemma_, self.lex.verbs[verb.lemma_].certainty
        elif source is None and noun.dep_ == "dobj" and governor.pos_ == "VERB":
            subject = self.subject_of(governor)
            if governor.lemma_ in self.lex.light_verbs:
                source = subject
            elif governor.lemma_ in self.lex.verbs and self.lex.verbs[governor.lemma_].certainty == Certainty.DENIED:
                source, cue, certainty = subject, governor.lemma_, Certainty.DENIED
        if source is None and noun.lower_ in self.lex.unnamed_words:
            source = noun  # "amid reports that ...": the reports are the (unnamed) source
        return Candidate(
            construction="nominal",
            cue=cue,
            cue_token=noun.i,
            cue_tokens=(noun.i, noun.i + 1),
            certainty=certainty,
            content=set(range(clause.left_edge.i, clause.right_edge.i + 1)),
            source=source.i if source is not None else None,
            channel=channel_word(noun, self.lex) if cue != lemma else None,
        )

    def nominal_subject(self, noun: Token) -> Candidate | None:
        """'The American estimate, given by Blinken, was around 8,000 troops': the estimate is what follows 'was'."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_ != "be" or self.negated(verb):
            return None
        attr = next((c for c in verb.children if c.dep_ in {"attr", "acomp"} and c.i > verb.i), None)
        if attr is None:
            return None
        source = None
        for child in noun.children:
            if child.dep_ == "poss":
                source = child
            elif child.dep_ == "acl":
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else source
            elif child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                source = pobj if pobj is not None and self.looks_like_party(pobj) else source
        if source is None:
            return None  # "the estimate was ..." with nobody behind it is the writer's own sentence
        return self.noun_claim(noun, set(range(attr.left_edge.i, verb.right_edge.i + 1)), source)

    # --- a headline ---------------------------------------------------------------------

    def headline(self, verb: Token) -> Candidate | None:
        """'Zelensky Says 11,000 North Korean Troops in Kursk, Urges ...': in a title-case line, the name
        before the verb is the source and the words after it, to the next comma, the content."""
        start, end = self.layout.line_of(verb.i)
        words = [t for t in self.doc[start:end] if t.is_alpha]
        if not (MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS):
            return None
        if sum(t.is_title or t.is_upper or len(t) <= 3 for t in words) < HEADLINE_TITLE_SHARE * len(words):
            return None
        name = self.doc[start : verb.i]
        if not (1 <= len(name) <= SPEAKER_LINE_MAX_TOKENS) or name[-1].pos_ not in {"PROPN", "NOUN"}:
            return None
        stop = next((i for i in range(verb.i + 1, end) if self.doc[i].text in {",", ";", ":", "|", "—", "–"}), end)
        if stop - verb.i <= 1:
            return None
        lemma = self.lex.headline_forms[verb.lower_]
        return Candidate(
            construction="headline",
            cue=lemma,
            cue_token=verb.i,
            cue_tokens=(verb.i, verb.i + 1),
            certainty=self.lex.certainty_of(lemma),
            content=set(range(verb.i + 1, stop)),
            source=name[-1].i,
            bounded=True,
            source_bounds=(name.start, name.end),
        )

    # --- a speaker's line ---------------------------------------------------------------

    def line_opener(self, i: int) -> bool:
        """Does token ``i`` end what comes before a speaker's name: a line break or a dash?"""
        token = self.doc[i]
        return "\n" in token.text_with_ws or token.text in {"-", "–", "—"}

    def speaker_name(self, name: Span) -> bool:
        """A person's or a body's name ('Paul Ryan', 'HUFFPOLLSTER'), not a dateline ('RUSSIA') or a label ('Photo')."""
        if name[0].lower_ in self.lex.speaker_line_labels or not name[0].text[:1].isupper():
            return False
        if len(name.text) == 1:
            return False  # 'Q:' and 'A:' mark an interview's turns; the one who answers is named elsewhere
        labels = {t.ent_type_ for t in name}
        if labels & {"PERSON", "ORG"}:
            return all(t.pos_ in {"PROPN", "PUNCT", "PART"} or t.ent_type_ for t in name)
        return all(t.text.isupper() and t.is_alpha and t.ent_type_ not in DATELINE_ENTS for t in name)

    def signed_quote(self, dash: Token) -> Candidate | None:
        """'“We will vote for whoever fixes the bridge.” ― Tom Reyes': a quotation that fills its line and a
        dash with a name to end it (readers' and passers-by's words, a signed statement)."""
        doc = self.doc
        start, end = self.layout.line_of(dash.i)
        # The name without what ends the line: punctuation and an age ('Tom Reyes, 44').
        while end > dash.i + 1 and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].like_num):
            end -= 1
        name = doc[dash.i + 1 : end]
        opened = doc[start].text in QUOTE_CLOSERS | {"“"}
        if dash.i - 1 <= start or doc[dash.i - 1].text not in QUOTE_CLOSERS or not opened:
            return None
        if not (1 <= len(name) <= SPEAKER_LINE_MAX_TOKENS) or not self.speaker_name_words(name):
            return None
        return Candidate(
            construction="speaker",
            cue=dash.text,
            cue_token=dash.i,
            cue_tokens=(dash.i, dash.i + 1),
            certainty=Certainty.ASSERTED,
            content=set(range(start, dash.i)),
            source=name[-1].i,
            bounded=True,
            source_bounds=(name.start, name.end),
        )

    @staticmethod
    def speaker_name_words(name: Span) -> bool:
        """A person's name in title case ('Tom Reyes', 'Ana M. Ruiz')."""
        words = [t for t in name if not t.is_punct]
        return bool(words) and all(t.is_title or (t.is_upper and len(t) <= 2) for t in words)

    def named_quote(self, colon: Token) -> Candidate | None:
        """'More from the analyst Ana Ruiz: “...”', '... does not surprise the pollster Tom Vale: “...”': a
        person's or a body's name right before a colon that opens a quotation, inside a line. Not the
        hearer of a reporting verb ('told Reuters: “...”': the verb's own claim has it)."""
        i = colon.i
        if i == 0 or i + 1 >= len(self.doc) or i + 1 not in self.quotes.open_to_close:
            return None
        name = self.entity_at(self.doc[i - 1]) or self.proper_name_before(i)
        if name is None or name.label_ not in {"PERSON", "ORG", ""} or not name[0].text[:1].isupper():
            return None
        head = name.root.head
        if name.text.lower() in self.lex.platforms or (
            name.root.dep_ == "pobj" and head.lower_ in CHANNEL_PREPOSITIONS
        ):
            return None  # 'wrote on Telegram: “...”': where it was said, not who said it
        if name.root.dep_ in {"dobj", "dative", "pobj"} and (
            head.lemma_ in self.lex.verbs or head.head.lemma_ in self.lex.verbs
        ):
            return None
        if i + 1 in self.quotes.unclosed:
            return None
        return _speaker_candidate(i, self.quotes.open_to_close[i + 1] + 1, name, name.root.i)

    def proper_name_before(self, i: int) -> Span | None:
        """'Ana Ruiz' before token ``i`` when the model names no entity: two to four proper nouns in title case."""
        start = i
        while start > 0 and i - start < MAX_NAME_TOKENS and self.doc[start - 1].pos_ == "PROPN":
            start -= 1
        words = self.doc[start:i]
        if len(words) < 2 or not all(t.is_title for t in words):
            return None
        return words

    def entity_at(self, token: Token) -> Span | None:
        """The named entity that ends with this token, if any."""
        if not token.ent_type_:
            return None
        return next((e for e in self.doc.ents if e.end == token.i + 1), None)

    def speaker_line(self, colon: Token) -> Candidate | None:
        """'TAPPER: ...', 'Paul Ryan: FBI decision defies explanation', '... - Carl Bialik: “...”': a name
        that opens a line (or follows a dash) and a colon: what follows on the line is theirs."""
        doc = self.doc
        i = colon.i
        start = i
        while start > 0 and i - start < SPEAKER_LINE_MAX_TOKENS and not self.line_opener(start - 1):
            start -= 1
        if start == i or (start > 0 and not self.line_opener(start - 1)):
            return None
        name = doc[start:i]
        if not self.speaker_name(name):
            return None
        end = i + 1
        while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
            end += 1
        close = self.quotes.open_to_close.get(i + 1)
        if close is not None and close not in self.quotes.unclosed:
            end = close + 1
        if end <= i + 1:
            return None
        return _speaker_candidate(i, end, name, name[-1].i)


def reports(line: Candidate, found: list[Candidate]) -> bool:
    """Does a speaker's line hold a report with its own source ('..., a source told Reuters')?"""
    return any(c is not line and c.cue_token in line.content and c.source is not None for c in found)


def _speaker_candidate(colon: int, end: int, name: Span, source: int) -> Candidate:
    """A name and a colon: what follows the colon, up to ``end``, is the name's own words."""
    return Candidate(
        construction="speaker",
        cue=":",
        cue_token=colon,
        cue_tokens=(colon, colon + 1),
        certainty=Certainty.ASSERTED,
        content=set(range(colon + 1, end)),
        source=source,
        bounded=True,
        source_bounds=(name.start, name.end),
    )
