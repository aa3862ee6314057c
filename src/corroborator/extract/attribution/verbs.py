"""Verbal attribution cues: the verb, its source and its content, read from the dependency parse.

"X said (that) ...", "'...,' he said", "..., X said, ...", "X said: ...", "X confirmed the presence of ...", "X
claimed to have ...", "called for ...", passives ("it was reported that ...", "1,000 were reported injured"), with
negation ("did not say", "declined to comment"), hedges ("may have said") and channels ("on Telegram", "in a
statement"). The parser's mistakes that recur in news (a quote hung on the wrong verb, a clause read as an object, a
headline run into the lead) each have a fallback here, named after the mistake.

``VerbalCues`` is the base of ``cues.CueFinder``, which adds the other constructions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import (
    CONDITION_MARKS,
    CONTINUING_CONJUNCTIONS,
    EVIDENCE_VERBS,
    GOING_ON_VERBS,
    INHERIT_DEPS,
    MAX_QUOTE_GAP,
    MIN_CLAUSE_AS_OBJECT,
    MISPARSED_CLAUSE_DEPS,
    MODIFIER_DEPS,
    NARRATED_SUBJECTS,
    NEGATIVE_SUBJECTS,
    NON_PARTY_SUBJECTS,
    OBJECT_REST_DEPS,
    RELATIVE_PRONOUNS,
    SEEMING_VERBS,
    STANCE_MEASURES,
    SUBJECT_DEPS,
    TOLL_OBJECTS,
    TRAILING_MARKS,
    Candidate,
)
from .channels import channel_of, clause_after_adjunct, is_time_or_channel
from .inversions import (
    inverted_condition,
    inverted_report,
    parenthetical_content,
    sentence_before,
    trailing_participle,
)
from .lexicon import Lexicon, VerbCue
from .parties import bracketed_or_time, quoted_as_saying
from .spans import Layout, is_quote


class VerbalCues:
    """Verbal cues of one Doc (and what the other finders share: negation, subjects, channels)."""

    def __init__(self, doc: Doc, lexicon: Lexicon, layout: Layout) -> None:
        self.doc = doc
        self.lex = lexicon
        self.layout = layout
        self.quotes = layout.quotes

    def negated(self, verb: Token) -> bool:
        """'did not say', 'neither confirmed nor denied', 'declined to confirm', 'could not verify', 'without saying',
        'neither Moscow nor Pyongyang has acknowledged', 'none of them has published'."""
        words = self.lex.negation_words
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ in {"preconj", "cc", "advmod"} and child.lower_ in words):
                return True
            if child.dep_ in SUBJECT_DEPS and self.negative_subject(child):
                return True
        head = verb.head
        if head.i == verb.i:
            return False
        if verb.dep_ == "xcomp" and (head.lemma_ in self.lex.negator_verbs or self.negated(head)):
            return True
        if verb.dep_ == "pcomp" and head.lower_ == "without":
            return True  # 'confirmed the attack without saying how many died': what was not said
        if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            # "did not confirm or deny": the negation is shared; "did not mention A, but told B": it is not.
            contrasted = any(c.dep_ == "cc" and c.lower_ == "but" and c.i < verb.i for c in head.children)
            return not contrasted and self.negated(head)
        return False

    def negative_subject(self, subject: Token) -> bool:
        if subject.lower_ in NEGATIVE_SUBJECTS:
            return True
        return any(c.dep_ in {"preconj", "det"} and c.lower_ in {"neither", "no"} for c in subject.children)

    # --- sources ------------------------------------------------------------------------

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        """The verb's subject, or the one it shares with the verb it hangs on."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        if len(subjects) > 1:  # "The army on Sunday (Oct 12) said": the date in brackets read as a second subject
            subjects = [c for c in subjects if not bracketed_or_time(c)] or subjects
        if subjects:
            # Two subjects come from a headline run into the sentence: the one on the verb's line counts.
            start, end = self.layout.line_of(verb.i)
            return min(subjects, key=lambda c: (not start <= c.i < end, abs(c.i - verb.i)))
        # ", adding that B": the reporter goes on (but ", saying it was a stronghold" may be the clause's subject's)
        # (and ", arguing that B" after a clause whose subject cannot speak: "said the raid hit X, arguing ...")
        aside = trailing_participle(self.doc, verb) and (verb.lemma_ in GOING_ON_VERBS or self.mute_clause(verb.head))
        if (verb.dep_ == "conj" or aside) and verb.lemma_ in self.lex.verbs and verb.head.lemma_ not in self.lex.verbs:
            # "He says A was so and says B", "told RFA that A, adding that B": the second cue hangs on A's verb;
            # the speaker is the subject of the report A belongs to, not A's subject.
            reporter = next((a for a in verb.head.ancestors if a.lemma_ in self.lex.verbs), None)
            if reporter is not None and depth < 3:
                return self.subject_of(reporter, depth + 1)
        if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
            head = verb.head
            if head.pos_ in {"VERB", "AUX"}:
                return self.subject_of(head, depth + 1)
            if verb.dep_ == "pcomp" and head.head.i != head.i:
                return self.subject_of(head.head, depth + 1)  # "by saying", "after noting"
        # "a statement saying that ...", "the agency, ..., reported that ..." (a verb the parser hung on
        # its subject), but not "a video showing the attack": the verb must report a clause.
        hung_on_subject = verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.i < verb.i
        if hung_on_subject and any(c.dep_ == "ccomp" for c in verb.children):
            return verb.head
        return None

    # --- verbal cues --------------------------------------------------------------------

    def verbal(self, verb: Token, lemma: str, cue: VerbCue) -> Candidate | None:
        if verb.dep_ in MODIFIER_DEPS or self.negated(verb) or self.not_a_report(verb, lemma):
            return None
        # 'as reported by the army': a participle with its agent is passive without an auxiliary
        agent = verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
        passive = agent or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
        content, speaker, speaker_words = self.verb_content(verb, cue, passive), None, None
        # "This was stated by X." opening its paragraph reports the paragraph before: its own line holds nothing
        bounded = content is not None and bool(content) and max(content) < self.layout.line_of(verb.i)[0]
        if not content:
            content, bounded = self.after_colon(verb), True
        if not content and not {"quote", "ccomp"}.isdisjoint(cue.complements):  # verbs that can report a clause
            content, speaker, speaker_words = inverted_report(self.doc, self.layout, verb, self.lex.verbs)
            if speaker is not None and not self.can_speak(speaker):
                return None  # "..., the highest death toll reported since the fighting began": no speaker
        if not content:
            return None
        content = self.layout.run_on(content, verb.i)
        found, source = (True, speaker) if speaker is not None else self.verb_source(verb, cue, passive)
        relay = quoted_as_saying(verb) if passive else None
        if relay is not None:  # 'the ministry was quoted as saying by TASS': the ministry's words, TASS's relay
            found, source = True, relay[0]
        if not found:
            return None
        return Candidate(
            construction="verbal",
            cue=lemma,
            cue_token=verb.i,
            cue_tokens=self.cue_words(verb),
            certainty=cue.certainty,
            content=content,
            source=source.i if source is not None else None,
            passive=passive,
            hedged=self.hedged(verb),
            channel=channel_of(verb, self.lex),
            bounded=bounded,
            source_bounds=(speaker_words.start, speaker_words.end) if speaker_words is not None else None,
            via=[relay[1].i] if relay is not None and relay[1] is not None else [],
        )

    def not_a_report(self, verb: Token, lemma: str) -> bool:
        """Cue verbs used for what is not a statement: 'the attack claimed 12 lives' (a toll), 'the video
        appears to show ...' (what a picture shows), '..., indicating that ...' hung on an event or a
        figure (the writer's inference), where no one who can speak is the subject."""
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_ in TOLL_OBJECTS for c in verb.children):
            return True
        if lemma in EVIDENCE_VERBS and verb.dep_ == "xcomp" and verb.head.lemma_ in SEEMING_VERBS:
            return True
        if lemma in EVIDENCE_VERBS and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return not self.can_speak(self.subject_of(verb))
        return False

    def verb_source(self, verb: Token, cue: VerbCue, passive: bool) -> tuple[bool, Token | None]:
        """The head of the verb's source: (True, None) for an unnamed one ('it was reported', 'Asked
        about X, ...'), (False, None) when the verb has no source that can speak ('this shows')."""
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return True, next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if self.reduced_passive(verb):
            return True, None  # "Asked about the polls, Trump said ...": whoever asked is not named
        source = self.subject_of(verb)
        if source is None and "quote" in cue.complements:
            source = self.name_before(verb) or self.name_after(verb)
        if source is None or source.dep_ == "expl" or self.not_a_party(source):
            return False, None
        return True, self.on_line(source, verb)

    def on_line(self, source: Token, cue: Token) -> Token:
        """A subject on another line than its verb is a headline run into the sentence by the parser:
        take the top of the part of the subject that is on the verb's line ('Andrii Kovalenko')."""
        start, end = self.layout.line_of(cue.i)
        if start <= source.i < end:
            return source
        on_line = [t for t in source.subtree if start <= t.i < end and not t.is_space and not t.is_punct]
        if not on_line:
            return source
        return min(on_line, key=lambda t: sum(1 for _ in t.ancestors))

    def name_before(self, verb: Token) -> Token | None:
        """'..., Speaker Paul Ryan (R-WI) said “...”' parsed without a subject: the name just before the verb
        (the last word of a name is its head: 'Paul Ryan' -> 'Ryan')."""
        doc = self.doc
        i = verb.i - 1
        while i >= 0 and doc[i].pos_ == "ADV" and verb.i - i <= 2:
            i -= 1
        if i >= 0 and doc[i].text == ")":
            while i >= 0 and doc[i].text != "(" and verb.i - i <= MAX_QUOTE_GAP:
                i -= 1
            i -= 1
        if i < 0 or doc[i].pos_ != "PROPN":
            return None
        return doc[i]

    def name_after(self, verb: Token) -> Token | None:
        """'“...,” said the governor, half smiling.' parsed with the governor as the subject of 'smiling':
        the phrase right after the verb, closed by a comma, is the speaker."""
        if verb.i + 1 >= len(self.doc) or not self.quote_before(verb):
            return None
        first = self.doc[verb.i + 1]
        noun = first if first.dep_ in SUBJECT_DEPS else first.head
        if noun.dep_ not in SUBJECT_DEPS or noun.left_edge.i != first.i or noun.head.head.i != verb.i:
            return None
        after = noun.right_edge.i + 1
        closed = noun.right_edge.text == "," or (after < len(self.doc) and self.doc[after].text == ",")
        return noun if closed and noun.head.i > noun.i else None

    def can_speak(self, subject: Token | None) -> bool:
        """A person, a body, a pronoun or people ('officials') - not 'deficits' or 'background checks'."""
        if subject is None:
            return False
        return (
            subject.pos_ in {"PRON", "PROPN"}
            or subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or subject.lemma_.lower() in self.lex.speaking_people
            or subject.lower_ in self.lex.organization_words
        )

    def mute_clause(self, verb: Token) -> bool:
        """Has the verb a subject of its own that cannot speak, a thing ('the raid targeted ...'; not a plural,
        which may be people: 'the rebels shelled ...')?"""
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        return subject is not None and subject.tag_ == "NN" and not self.can_speak(subject)

    def not_a_party(self, subject: Token) -> bool:
        lower = subject.lower_
        return lower in NON_PARTY_SUBJECTS and not (lower == "which" and subject.head.dep_ == "relcl")

    @staticmethod
    def reduced_passive(verb: Token) -> bool:
        """A past participle before its clause, without a subject: 'Asked about X, he said ...', 'When
        asked whether ..., she ...' (the tagger often reads a sentence-initial 'Asked' as a past tense)."""
        participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.lower_.endswith("ed"))
        return (
            participle
            and verb.dep_ in {"advcl", "ccomp", "csubj"}
            and verb.i < verb.head.i
            and not any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children)
        )

    def cue_words(self, verb: Token) -> tuple[int, int]:
        """The cue's own words: the verb with its auxiliaries and particles ('has also said', 'pointed out')."""
        start = end = verb.i
        for child in verb.children:
            if child.dep_ in {"aux", "auxpass", "prt"} and abs(child.i - verb.i) <= 3:
                start, end = min(start, child.i), max(end, child.i)
        return start, end + 1

    def hedged(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in self.lex.hedge_modals:
                return True
            if child.dep_ == "advmod" and child.lower_ in self.lex.adverbs:
                return True
        return False

    def verb_content(self, verb: Token, cue: VerbCue, passive: bool) -> set[int] | None:
        complements = cue.complements
        children = list(verb.children)
        speech = "quote" in complements
        clauses = [
            c
            for c in children
            if c.dep_ == "ccomp" and (c.i > verb.i or self.reported_before_verb(c, verb)) and not inverted_condition(c)
        ]
        if not clauses:  # 'told dpa that ...', 'confirmed to dpa that ...': an outlet read as a verb holds the clause
            outlets = [c for c in children if c.dep_ in {"xcomp", "dobj"} and c.lower_ in self.lex.media_words]
            clauses = [c for o in outlets for c in o.children if c.dep_ == "ccomp" and c.i > o.i]
        if not clauses:
            clauses = [c for c in children if c.dep_ in {"parataxis", "dep"} and self.quoted_or_after_colon(verb, c)]
        if not clauses and speech:
            clauses = [c for c in children if c.dep_ in MISPARSED_CLAUSE_DEPS and c.i > verb.i and self.is_clause(c)]
        if not clauses:  # 'said that the militia, after ..., resorted to ...' read as 'that' with an object
            clauses = [c for c in children if c.lower_ == "that" and c.tag_ == "IN" and c.i > verb.i and c.n_rights]
        if not clauses:
            clause = clause_after_adjunct(verb, self.lex)
            if clause is not None:
                return clause
        # '“A,” she said, “B.”' and 'he said “B”' (whatever the parser made of B): the quote after the verb.
        after = self.quote_after(verb) if speech else set()
        before = self.quote_before(verb) if speech else set()
        if before:
            # '“A,” she said': the quotation is the content, whatever the parser hung under the verb
            # (it often reaches back into the sentence before when quotes and sentences interleave).
            return before | after
        if clauses:
            # "told reporters that A, but that B": a coordinated 'that' clause is content too, and so is
            # "said A, but B" / "said A, and B" (a clause the parser hung on the verb, not a report of its own).
            clauses += [c for c in children if c.dep_ == "conj" and c.i > verb.i and self.has_mark(c, {"that"})]
            clauses += self.continuations(verb, max(t.right_edge.i for t in clauses))
            end = max(t.right_edge.i for t in clauses)
            clauses += [c for c in children if c.i > end and inverted_condition(c)]
            return self.subtrees(clauses) | after
        if after:
            return after
        if verb.dep_ == "parataxis" and verb.head.i != verb.i and not (not speech and self.own_object(verb)):
            return parenthetical_content(verb)
        if verb.dep_ == "ccomp" and verb.i > verb.head.i and self.reported_before(verb):
            return parenthetical_content(verb)
        reports_clause = not {"quote", "ccomp"}.isdisjoint(complements)
        if reports_clause and verb.dep_ == "advcl" and self.has_mark(verb, {"as"}) and not self.own_object(verb):
            return parenthetical_content(verb)  # 'As the agency reported, ...': the clause it hangs on
        if passive:
            return self.passive_content(verb)
        return self.object_content(verb, children, complements)

    @staticmethod
    def own_object(verb: Token) -> bool:
        """Does the verb have a thing of its own to report ('as he noted the losses'), other than 'it' ('as X put
        it', 'as Y said it would')?"""
        return any(c.dep_ in {"dobj", "ccomp", "xcomp"} and c.lower_ != "it" for c in verb.children)

    def conditions(self, verb: Token, end: int) -> list[Token]:
        """'vowed to impose a tariff unless the company cancels ...': a condition the parser hung on the
        cue verb after its infinitive belongs to what was promised or demanded."""
        return [
            child
            for child in verb.children
            if child.i > end
            and (
                (child.dep_ == "advcl" and child.left_edge.lower_ in CONDITION_MARKS)
                or (child.dep_ in {"advcl", "ccomp"} and inverted_condition(child))
            )
        ]

    def continuations(self, verb: Token, end: int) -> list[Token]:
        """Clauses that go on from a reported clause ending at ``end``: ', but B', ', and B', ', because B'
        (the parser hangs them on the reporting verb), with their joining words. A clause with a reporting
        verb of its own is a second statement ('said A and urged B'), not a continuation; a stance
        ('..., but he feels confident that ...') goes on with the speaker's words."""
        out: list[Token] = []
        for child in verb.children:
            if child.i <= end or not self.is_clause(child):
                continue
            if child.lemma_ in self.lex.verbs and child.lemma_ not in self.lex.stance_verbs:
                continue
            if any(c.dep_ in SUBJECT_DEPS and c.lower_ in NARRATED_SUBJECTS for c in child.children):
                break  # "said A, but he sounded a note of B": the writer goes on about the speaker
            between = self.doc[end + 1 : child.left_edge.i]
            words = [t for t in between if not t.is_punct]
            if child.dep_ == "conj":
                joined = len(words) == 1 and words[0].lower_ in CONTINUING_CONJUNCTIONS and between[0].text == ","
            else:
                joined = not words and child.dep_ == "advcl" and child.left_edge.lower_ == "because"
            if not joined:
                break
            out.extend(between)
            out.append(child)
            end = child.right_edge.i
        return out

    def quote_before(self, verb: Token) -> set[int]:
        """The quotation that closes right before 'he said' / 'said Madison' / 'X, a spokesman, said'."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
        start = min([verb.i, *(c.left_edge.i for c in subjects)])
        if subjects and verb.i - subjects[0].right_edge.i > MAX_QUOTE_GAP:
            return set()
        # The parser may hang the closing mark on the subject ('“Why?” reporter Ana Ruiz asked'): it is still before it.
        hung = start in self.quotes.close_to_open and self.layout.line_of(start) == self.layout.line_of(verb.i)
        j = start if hung and start < verb.i else start - 1
        while j >= 0 and self.doc[j].text in {",", "—", "–"}:
            j -= 1
        opening = self.quotes.close_to_open.get(j) if j >= 0 else None
        if opening is None:
            return set()
        # A whole quoted statement, not a phrase quoted inside the writer's clause ('calling her “scum,” she said').
        previous = self.doc[opening - 1] if opening > 0 else None
        if previous is not None and not (previous.is_punct or previous.is_space or self.doc[opening].is_sent_start):
            return set()
        return set(range(opening, j + 1))

    def quote_after(self, verb: Token) -> set[int]:
        """The quotation that opens right after the verb (past an inverted subject and a comma or colon)."""
        doc = self.doc
        # past an inverted subject ('said Madison'), and a short phrase ('saying at one point, “...”')
        # and past whom it was told ('told reporters on Tuesday, “...”'), an object that is not the quote.
        skip = {
            t.i
            for c in verb.children
            if c.i > verb.i
            and (
                c.dep_ in SUBJECT_DEPS
                or c.dep_ in {"prep", "npadvmod", "advmod"}
                or (c.dep_ in {"dobj", "dative"} and not is_quote(c.left_edge))
            )
            for t in c.subtree
        }
        j = verb.i + 1
        while j < len(doc) and j - verb.i <= MAX_QUOTE_GAP and (j in skip or doc[j].text in {",", ":"}):
            j += 1
        close = self.quotes.open_to_close.get(j)
        return set(range(j, close + 1)) if close is not None else set()

    @staticmethod
    def is_clause(token: Token) -> bool:
        """Has the token a subject of its own below it (a clause, not a phrase)?"""
        return any(t.dep_ in SUBJECT_DEPS for t in token.subtree)

    def reported_before_verb(self, clause: Token, verb: Token) -> bool:
        """'“...,” he said': a clause before the verb, closed by a comma or a quote, with the verb outside
        the quotation ('“changes are needed — he's addressing them,” he said' is one quote, one report)."""
        if not self.closes_before(clause):
            return False
        inside = self.quotes.enclosing(verb.i) if self.quotes else None
        return inside is None or not inside[0] < clause.i < inside[1]

    def closes_before(self, clause: Token) -> bool:
        """A clause before its reporting verb is reported by it when a comma or a quote closes it
        ('“...,” he said', '..., officials said'); after a colon it is the writer's own lead-in."""
        after = clause.right_edge.i + 1
        if clause.right_edge.text in {",", "”", '"', "''"}:
            return True
        return after < len(self.doc) and self.doc[after].text in {",", "”", '"', "''", "—"}

    @staticmethod
    def has_mark(clause: Token, words: set[str]) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in words for c in clause.children)

    def subtrees(self, tokens: list[Token]) -> set[int]:
        out: set[int] = set()
        for token in tokens:
            out.update(range(token.left_edge.i, token.right_edge.i + 1))
        return out

    def quoted_or_after_colon(self, verb: Token, clause: Token) -> bool:
        left = clause.left_edge
        if is_quote(left):
            return True
        before = self.doc[left.i - 1] if left.i > 0 else None
        return before is not None and before.text == ":" and before.i > verb.i

    def reported_before(self, verb: Token) -> bool:
        """'X is Y, officials said' parsed with 'said' under the clause it reports: a comma just before the subject."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i > verb.i:
            return False
        before = subject.left_edge.i - 1
        return before >= 0 and self.doc[before].text in {",", "”", '"', "''"}

    def after_colon(self, verb: Token) -> set[int] | None:
        """'He said: ...', 'Trump told the crowd:' + a quote on the next line: what follows the colon,
        when the parser left it outside the verb."""
        doc = self.doc
        last = min(max(verb.right_edge.i, verb.i + 1), verb.i + MAX_QUOTE_GAP, len(doc) - 1)
        colon = next((i for i in range(verb.i + 1, last + 1) if doc[i].text == ":"), None)
        if colon is None:
            return None
        start = colon + 1
        while start < len(doc) and doc[start].is_space:
            start += 1
        if start >= len(doc):
            return None
        close = self.quotes.open_to_close.get(start)
        if close is not None:
            return set(range(start, close + 1))
        _, end = self.layout.sentence(start)
        return set(range(start, end)) if end > start else None

    def passive_content(self, verb: Token) -> set[int] | None:
        """'around 1,000 have been reported injured', 'he is said to have fled': the whole clause."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lower_ in {"this", "that"} and any(c.dep_ == "agent" for c in verb.children):
            return sentence_before(self.doc, self.layout, verb)  # "This was stated by X."
        if subject is None or subject.lower_ in {"it", "this"}:
            return None
        if not any(c.dep_ in {"oprd", "xcomp", "acomp"} for c in verb.children):
            return None  # "the attack was reported" names an event, it reports no statement
        start = subject.left_edge.i
        agent = {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree}
        return {i for i in range(start, verb.right_edge.i + 1) if i not in agent}

    def object_content(self, verb: Token, children: list[Token], complements: frozenset[str]) -> set[int] | None:
        """Direct objects ('confirmed the presence of ...'), infinitives ('claimed to have ...'), 'call for ...'."""
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None:
            content = self.direct_object(verb, obj, children, complements)
            if content:
                return content
        if "xcomp" in complements:
            xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
            if xcomp is not None:
                return self.subtrees([xcomp, *self.conditions(verb, xcomp.right_edge.i)])
        for child in children:
            if child.dep_ == "prep" and child.i > verb.i and f"prep:{child.lower_}" in complements:
                objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
                if objects:
                    # "called for $1 trillion in new spending to improve infrastructure": what follows too.
                    return self.subtrees(objects) | self.object_rest(verb, child, children)
            if child.dep_ in {"advcl", "xcomp", "ccomp"} and child.i > verb.i:
                # "called for all candidates to lay out ...", parsed as a 'for ... to' clause
                words = {c.lower_ for c in child.children if c.dep_ == "mark"}
                question = "ccomp" in complements and words & {"if", "whether"}  # "asked if he was bullied"
                if question or {f"prep:{w}" for w in words} & complements:
                    return self.subtrees([child])
        return None

    def direct_object(self, verb: Token, obj: Token, children: list[Token], complements: frozenset[str]) -> set[int]:
        required = {c.split(":", 1)[1] for c in complements if c.startswith("dobj:")}
        size = obj.right_edge.i - obj.left_edge.i + 1
        # A long object of a speech verb ("say", "tell") is a clause the parser read as a noun phrase
        # ("saying its cooperation with Pyongyang concerns only the two countries").
        misparsed_clause = (
            "quote" in complements
            and size >= MIN_CLAUSE_AS_OBJECT
            and obj.left_edge.lower_ not in {"a", "an"}  # "added a new title to his resume" is a phrase
            and self.can_speak(self.subject_of(verb))  # "deficits add up to ..." says nothing
        )
        if not ("dobj" in complements or required or misparsed_clause):
            return set()
        rest = self.object_rest(verb, obj, children)
        if obj.i < verb.i:
            # "which bloggers called the largest attack", "what officials described as ...": the
            # relative pronoun stands for something outside the clause; what follows is the content.
            return rest if obj.lower_ in RELATIVE_PRONOUNS | {"what"} else set()
        content = self.subtrees([obj]) | rest
        if required and not required & {self.doc[i].lower_ for i in content}:
            return set()
        return content

    def object_rest(self, verb: Token, obj: Token, children: list[Token]) -> set[int]:
        """What follows the object and still belongs to the content: 'to the soldiers ...', 'at about 10,000'.
        Everything up to the last such child is kept ('estimated the dead over the past week at 200')."""
        end = None
        for child in children:
            if child.i <= max(obj.i, verb.i):
                continue
            if child.dep_ in {"prep", "prt"}:
                if verb.lemma_ in self.lex.stance_verbs and child.lower_ in STANCE_MEASURES:
                    break  # 'backed her by 40 points in Ohio': how much, not what the stance is about
                rests = self.lex.rests_of(verb.lemma_)
                if ("*" in rests or child.lower_ in rests) and not is_time_or_channel(child, self.lex):
                    end = child.right_edge.i
            elif child.dep_ in OBJECT_REST_DEPS and not self.is_aside(child):
                if child.left_edge.lower_ in TRAILING_MARKS:
                    break  # 'called the plan a failure when asked about it': the scene, not what was said
                end = child.right_edge.i
            elif child.dep_ not in {"advmod", "npadvmod", "prep"}:
                break
        start = (obj.right_edge.i if obj.i > verb.i else verb.i) + 1
        return set(range(start, end + 1)) if end is not None else set()

    def is_aside(self, clause: Token) -> bool:
        """', saying ...', ', adding ...' after the object: a statement of its own, not the object's rest."""
        before = self.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        return clause.dep_ == "advcl" and before is not None and before.text == "," and clause.lemma_ in self.lex.verbs
