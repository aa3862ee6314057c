"""Sources and relays of statements: the words of the mention, who they name, of which kind.

``PartyBuilder.build(head)`` reads a source phrase around its head token: the phrase
without its apposition or relative clause ("Andrii Kovalenko, head of ..., who ..."),
the apposition or a title before the name as the role, the linked entity (from
``doc._.entities`` / ``token.ent_kb_id``) and a kind. ``resolver.Resolver`` then names pronouns
and definite descriptions after the last speaker of a compatible kind ("He" -> the last person
who spoke, "the agency" -> the last organisation that did).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ...records import Party, PartyKind
from .candidate import RELAYING_VERBS, TIME_ENTS
from .lexicon import Lexicon
from .spans import Layout

#: Children that are not part of a source's name: they describe it (role) or are punctuation.
DESCRIPTIVE_DEPS = {"appos", "relcl", "acl", "punct", "parataxis", "dep", "advmod", "cc"}
DETERMINERS = {"the", "a", "an"}
#: Descriptions that point back only at a body whose name says as much ("the monitor" after "the Syrian
#: Observatory for Human Rights", never after "the army said"), with the words that name it.
SELF_NAMING_WORDS = {
    "network": ("network",),
    "observatory": ("observatory",),
    "monitor": ("monitor", "observatory"),
    "militia": ("militia", "militias"),
}
#: Determiners that make a description point back at somebody already told of ("the spokesman").
DEFINITE_WORDS = {"the", "this", "that", "his", "her", "its", "their"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
REFLEXIVES = {"himself", "herself", "itself", "themselves"}
#: What the linker's entity kinds mean for a source; a place that speaks is its government.
LINKED_KINDS = {
    "person": PartyKind.PERSON,
    "organization": PartyKind.ORGANIZATION,
    "government": PartyKind.GOVERNMENT,
    "media": PartyKind.MEDIA,
    "place": PartyKind.GOVERNMENT,
    "group": PartyKind.ORGANIZATION,
}
#: Entity labels of a body a spokesperson may speak for.
BODY_LABELS = {"ORG", "NORP", "GPE"}
#: Entity labels a name set beside its description may carry.
NAME_LABELS = {"ORG", "PERSON", "NORP", "FAC", "GPE"}
QUOTE_MARKS = {"“", "”", '"', "''", "``", "«", "»"}
#: "the agency, known as HUR", "a group called Wagner": participles that name what they follow.
ALIAS_VERBS = {"know", "call", "dub", "nickname", "name"}
#: An unlabelled name in capitals this short is an acronym ("DIU", "NATO"); longer, a name in a
#: transcript ("TAPPER").
MAX_ACRONYM = 5
#: Kinds of party that "it" or "the agency" can stand for.
BODIES = {PartyKind.ORGANIZATION, PartyKind.GOVERNMENT, PartyKind.MEDIA}
#: Descriptions any body may go by ("the group", "the organization"): the body that spoke last, before one
#: only named in what it said ("X confirmed the militia's assault. The organization advised ..." is X), and
#: never a news outlet ("the rebel group" after "a statement quoted by AFP" is the rebels).
GENERIC_BODY_WORDS = frozenset({"group", "organization", "organisation"})
#: A source phrase longer than this is a clause the parser took for a subject, not a name.
MAX_SOURCE_TOKENS = 25


class PartyBuilder:
    """Builds unresolved Parties from source heads, for one Doc."""

    def __init__(self, doc: Doc, lexicon: Lexicon, layout: Layout) -> None:
        self.doc = doc
        self.lex = lexicon
        self.layout = layout
        self.records = getattr(doc._, "entities", None) or {}
        self.by_offsets = {m: ident for ident, e in self.records.items() for m in getattr(e, "mentions", ())}

    # --- the phrase ---------------------------------------------------------------------

    def phrase(self, head: Token) -> tuple[int, int]:
        """[start, end) of the source's words: the head with its modifiers, without descriptions."""
        kept = [head.i]
        for child in head.children:
            if self._time(child):
                continue  # "the army on Sunday said": when it spoke, not who
            if (
                child.dep_ not in DESCRIPTIVE_DEPS
                or (child.dep_ in {"acl", "relcl"} and self._restrictive(child))
                or self._is_close_name(child)
                or (child.dep_ == "appos" and child.i == head.i + 1 and child.lower_ in REFLEXIVES)  # 'Dorn himself'
            ):
                kept.extend((child.left_edge.i, child.right_edge.i))
            elif child.dep_ == "cc" or (child.dep_ == "punct" and child.i < head.i and child.text == "-"):
                kept.append(child.i)
        line_start, line_end = self.layout.line_of(head.i)
        start, end = max(min(kept), line_start), min(max(kept) + 1, line_end)
        doc = self.doc
        # A quote mark before the head ends somebody's words, not the name: '..., Mr. President,'' Steve Cohen'.
        marks = [i for i in range(start, head.i) if doc[i].text in QUOTE_MARKS]
        if marks:
            start = marks[-1] + 1
        # "The governor of Belgorod region, Vyacheslav Gladkov," the apposition hangs on a word inside.
        appositions = [t for t in doc[start:end] if t.dep_ == "appos" and t.i > head.i and t.left_edge.i > start]
        for token in appositions:
            if doc[token.left_edge.i - 1].text == ",":
                end = min(end, token.left_edge.i - 1)
        while start < end - 1 and (doc[start].is_punct or doc[start].lower_ in {"and", "but"}):
            start += 1
        while end - 1 > start and doc[end - 1].is_punct:
            end -= 1
        if end < len(doc) and doc[end].text == ")" and doc[start:end].text.count("(") > doc[start:end].text.count(")"):
            end += 1  # "... Defence Forces (SSPDF)": the bracket the name opened
        if end - start > MAX_SOURCE_TOKENS:
            start, end = max(start, head.i - 6), head.i + 1
        # 'reports in BBC Burmese, which Reuters could not verify', 'sources in the territory who accused the
        # rebels of it': a relative clause ending the phrase that describes it, or reports on its own, is no name.
        for token in doc[head.i + 1 : end]:
            if token.dep_ == "relcl" and token.left_edge.i > head.i + 1 and self._describes(token, end):
                return start, token.left_edge.i - (doc[token.left_edge.i - 1].text == ",")
        return start, end

    def _restrictive(self, acl: Token) -> bool:
        """'people briefed on the situation' names the source; ', speaking on condition of anonymity,'
        or ', saying ...' after a comma describes it, and a clause of its own ('saying that ...') is a cue."""
        before = self.doc[acl.left_edge.i - 1] if acl.left_edge.i > 0 else None
        # 'a judge handling the lawsuit' names the judge; 'a statement saying that ...' holds a cue of its own.
        clause = any(c.dep_ in {"ccomp", "dobj"} for c in acl.children) and acl.tag_ == "VBG"
        cue = clause and (acl.lemma_ in self.lex.verbs or any(c.dep_ == "ccomp" for c in acl.children))
        return before is not None and before.text != "," and not cue and relayed_by(acl) is None

    def _describes(self, clause: Token, end: int) -> bool:
        """A relative clause that ends the phrase ('..., and Roy Schwartz' goes on) after a comma, or one whose verb
        reports something ('who accused the rebels', not 'who spoke to reporters' nor a stance: 'who backs her')."""
        if any(not t.is_punct for t in self.doc[clause.right_edge.i + 1 : end]):
            return False
        if self.doc[clause.left_edge.i - 1].text == ",":
            return True
        reports = any(c.dep_ in {"dobj", "ccomp"} for c in clause.children)
        return reports and clause.lemma_ in self.lex.verbs and clause.lemma_ not in self.lex.stance_verbs

    def _is_close_name(self, child: Token) -> bool:
        """A name set right after its description, with no comma ("the security firm Halyard Risk"): the
        phrase's own name, where an apposition after a comma only describes."""
        if child.dep_ != "appos" or child.i < child.head.i or child.pos_ != "PROPN":
            return False
        if child.ent_type_ not in NAME_LABELS:
            return False
        between = self.doc[child.head.i + 1 : child.left_edge.i]
        return not any(token.is_punct for token in between) and child.left_edge.i > child.head.i

    def entity_at(self, token: Token) -> Span | None:
        if token.ent_iob_ == "O" or not token.ent_type_:
            return None
        doc = self.doc
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[start:end]

    def entity_id(self, span: Span) -> str | None:
        ident = span.root.ent_kb_id_ or self.by_offsets.get((span.start_char, span.end_char))
        return ident or None

    # --- the party ----------------------------------------------------------------------

    @staticmethod
    def antecedent(head: Token) -> Token | None:
        """The noun a relative pronoun stands for: 'Tim Canova, who challenged ...' -> Canova; also
        through a verb coordinated in the relative clause ('who ran and said ...')."""
        if head.lower_ not in RELATIVE_PRONOUNS:
            return None
        clause = head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl" or clause.head.i == clause.i:
            return None
        return clause.head

    def build(self, head: Token, bounds: tuple[int, int] | None = None) -> Party:
        """The party whose phrase has this head; ``bounds`` limit the phrase where the parse is no guide."""
        doc = self.doc
        antecedent_head = self.antecedent(head)
        if antecedent_head is not None:
            # "a supporter who said ...": the words stay "who", the name is the antecedent's (its name, else
            # its words), so that the party is known without a later pronoun's guess.
            # Its words end before the relative clause ('legislation which allows ...' is 'legislation').
            antecedent = self.build(antecedent_head, bounds=(0, head.i))
            return replace(
                antecedent,
                text=head.text,
                name=antecedent.name or antecedent.text,
                span=(head.idx, head.idx + len(head.text)),
            )
        head = self._past_dateline(head)
        start, end = self.phrase(head)
        if bounds is not None:
            start, end = max(start, bounds[0]), min(end, bounds[1])
        words = doc[start:end]
        text = words.text
        span = (words.start_char, words.end_char)
        if head.pos_ == "PRON":
            return Party(text=text, kind=self.pronoun_kind(head), span=span)
        close = next((child for child in head.children if self._is_close_name(child)), None)
        if close is not None and head.pos_ != "PROPN":
            return self._named_by_close_name(head, close, words)
        person = self.named_apposition(head)
        if person is not None:
            # "the head of Ukraine's military intelligence, Kyrylo Budanov": the name is the apposition.
            office = self._strip_det(words)
            entity = self.entity_id(person)
            linked = getattr(self.records.get(entity), "kind", None) if entity else None
            record_name = getattr(self.records.get(entity), "name", None) if entity else None
            return Party(
                text=text,
                name=record_name or person.text,
                entity=entity,
                kind=LINKED_KINDS.get(linked or "", PartyKind.PERSON),
                span=span,
                role=office.text if office is not None else None,
            )
        name_span = self.alias_of(head) or self.name_in(words, head)
        entity = self.entity_id(name_span) if name_span is not None else None
        linked = getattr(self.records.get(entity), "kind", None) if entity else None
        kind = LINKED_KINDS.get(linked or "") or self.kind_of(words, head, name_span)
        if kind == PartyKind.PERSON and self.kind_of(words, head, None) == PartyKind.MEDIA:
            kind = PartyKind.MEDIA  # "the Danube Herald": the model (and so the linker) took the paper for a person
        if name_span is None and head.lemma_.lower() in self.lex.speaks_for:
            body = self._body_spoken_for(words, head)
            if body is not None:
                return body
        name, role = self.name_and_role(words, head, name_span, kind)
        record = self.records.get(entity) if entity else None
        if record is not None:
            # The linker knows the canonical name ("DIU" -> its full name) and may know the role.
            name = getattr(record, "name", None) or name
            role = role or getattr(record, "role", None)
        return Party(text=text, name=name, entity=entity, kind=kind, span=span, role=role)

    def _past_dateline(self, head: Token) -> Token:
        """'Damascus, Ministry of Defense has announced ...': a place that opens the line, then a comma and a body,
        is the dateline before the speaker, which the parser made the subject with the body its apposition."""
        if head.ent_type_ not in {"GPE", "LOC"} or head.left_edge.i != self.layout.line_of(head.i)[0]:
            return head
        after = head.i + 1
        for child in head.children:
            body = child.ent_type_ == "ORG" or child.lower_ in self.lex.organization_words
            if child.dep_ == "appos" and body and child.left_edge.i == after + 1 and self.doc[after].text == ",":
                return child
        return head

    def _named_by_close_name(self, head: Token, close: Token, words: Span) -> Party:
        """A name set beside its description ("the security firm Halyard Risk"): the name is the firm's,
        the words before it its role."""
        name = self.entity_at(close) or self.doc[close.left_edge.i : close.right_edge.i + 1]
        entity = self.entity_id(name)
        record = self.records.get(entity) if entity else None
        linked = getattr(record, "kind", None)
        role = self._strip_det(self.doc[words.start : name.start])
        # The description knows the kind better than the model's label of a name it has not seen
        # ("the monitoring group Tidewatch" is labelled a person); "the spokesman X" leaves it to the name.
        described = self.kind_of(role, head, None) if role is not None else PartyKind.UNNAMED
        kind = LINKED_KINDS.get(linked or "") or self.kind_of(name, close, name)
        if kind == PartyKind.PERSON and described in BODIES:
            kind = described
        return Party(
            text=words.text,
            name=getattr(record, "name", None) or name.text,
            entity=entity,
            kind=kind,
            span=(words.start_char, words.end_char),
            role=role.text if role is not None else None,
        )

    def _body_spoken_for(self, words: Span, head: Token) -> Party | None:
        """ "a Houthi military spokesman", "a spokeswoman for the Defence Ministry": the body named in the
        phrase speaks through its spokesperson, so it is the source; the spokesperson is the role."""
        for token in words:
            if token.i == head.i or token.ent_type_ not in BODY_LABELS:
                continue
            body = self.entity_at(token)
            entity = self.entity_id(body) if body is not None else None
            if body is None or entity is None:
                continue
            record = self.records.get(entity)
            role = self._strip_det(words)
            return Party(
                text=words.text,
                name=getattr(record, "name", None) or body.text,
                entity=entity,
                kind=LINKED_KINDS.get(getattr(record, "kind", None) or "", PartyKind.ORGANIZATION),
                span=(words.start_char, words.end_char),
                role=role.text if role is not None else None,
            )
        return None

    def name_in(self, words: Span, head: Token) -> Span | None:
        """The named entity the phrase is about: the one its head belongs to."""
        return self.entity_at(head)

    def named_apposition(self, head: Token) -> Span | None:
        """The person an office is given to: 'the head of X, Kyrylo Budanov', 'The governor of Belgorod
        region, Vyacheslav Gladkov' (the apposition may hang on a word inside the phrase)."""
        if head.ent_type_ == "PERSON" or head.pos_ == "PRON":
            return None
        for token in head.subtree:
            if token.dep_ != "appos" or token.ent_type_ != "PERSON" or token.i <= head.i:
                continue
            if token.head.i == head.i or token.head.i in {t.i for t in head.children if t.dep_ == "prep"} | {
                t.i for t in head.subtree if t.dep_ == "pobj"
            }:
                return self.entity_at(token)
        return None

    def alias_of(self, head: Token) -> Span | None:
        """'the agency, known as HUR': the name a description gives itself."""
        for acl in head.children:
            if acl.dep_ != "acl" or acl.lemma_ not in ALIAS_VERBS:
                continue
            for child in acl.children:
                target = child if child.dep_ == "oprd" else None
                if child.dep_ == "prep" and child.lower_ == "as":
                    target = next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and target.pos_ == "PROPN":
                    return self.entity_at(target) or self.doc[target.left_edge.i : target.right_edge.i + 1]
        return None

    def pronoun_kind(self, head: Token) -> PartyKind:
        lower = head.lower_
        if lower in self.lex.person_pronouns:
            return PartyKind.PERSON
        if lower in self.lex.org_pronouns:
            return PartyKind.ORGANIZATION
        return PartyKind.UNNAMED

    def kind_of(self, words: Span, head: Token, name: Span | None) -> PartyKind:
        lower = words.text.lower()
        label = name.label_ if name is not None else ""
        media = any(p in lower for p in self.lex.media_phrases) or any(
            t.lower_ in self.lex.media_words for t in words if t.pos_ == "PROPN" or t.i == head.i
        )
        if media and head.lower_ not in {"officials", "official"}:
            return PartyKind.MEDIA  # before PERSON: the model takes "the Danube Herald" for a person
        if label == "PERSON":
            return PartyKind.PERSON
        if label == "GPE" or lower in self.lex.government_words or head.lower_ in self.lex.government_words:
            return PartyKind.GOVERNMENT
        if label in {"ORG", "FAC", "PRODUCT", "WORK_OF_ART"} or head.lower_ in self.lex.organization_words:
            return PartyKind.ORGANIZATION
        if head.lower_ in self.lex.unnamed_words or head.lemma_.lower() in self.lex.unnamed_words:
            return PartyKind.UNNAMED
        if head.pos_ == "PROPN" and not label:
            # A proper name the model did not label: an acronym is an organisation ("DIU"),
            # anything else most likely a person ("Kovalenko").
            acronym = head.text.isupper() and 1 < len(head.text) <= MAX_ACRONYM
            return PartyKind.ORGANIZATION if acronym else PartyKind.PERSON
        return PartyKind.UNNAMED

    def name_and_role(
        self, words: Span, head: Token, name: Span | None, kind: PartyKind
    ) -> tuple[str | None, str | None]:
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        appos_span = self._trimmed(appos) if appos is not None else None
        if name is not None and name.label_ == "PERSON":
            before = self._strip_det(self.doc[words.start : name.start])
            return name.text, (before.text if before is not None and len(before) else appos_span)
        if kind == PartyKind.UNNAMED:
            return None, appos_span
        if name is not None:
            named = self._strip_det(name)
            return (named.text if named is not None else name.text), appos_span
        named = self._strip_det(words)
        return (named.text if named is not None else words.text), appos_span

    @staticmethod
    def _time(child: Token) -> bool:
        """A phrase of time after a source ('on Thursday', 'on Thursday (Nov 28)')."""
        if child.dep_ != "prep" or child.i < child.head.i:
            return False
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return bool(objects) and all(c.ent_type_ in TIME_ENTS for c in objects)

    def _trimmed(self, token: Token) -> str | None:
        span = self.doc[token.left_edge.i : token.right_edge.i + 1]
        text = span.text.strip(" ,()–—-")
        return text or None

    def _strip_det(self, span: Span) -> Span | None:
        start, end = span.start, span.end
        while start < end and (self.doc[start].lower_ in DETERMINERS or self.doc[start].is_punct):
            start += 1
        while end > start and self.doc[end - 1].is_punct and not _closes(self.doc[start:end]):
            end -= 1
        return self.doc[start:end] if end > start else None


def relayed_by(acl: Token) -> Token | None:
    """'a statement quoted by AFP', 'figures cited by Reuters': the outlet that passed the source's words on."""
    if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_ not in RELAYING_VERBS:
        return None
    agent = next((c for c in acl.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def quoted_as_saying(verb: Token) -> tuple[Token, Token | None] | None:
    """'the ministry was quoted as saying by TASS': the party quoted, and the outlet that quoted it."""
    quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if verb.lemma_ not in RELAYING_VERBS or quoted is None:
        return None
    by = next((t for t in verb.subtree if t.lower_ == "by" and t.dep_ in {"agent", "prep"} and t.i > verb.i), None)
    return quoted, next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def bracketed_or_time(token: Token) -> bool:
    """A date, or a word in brackets ('(Jan 9)'), which the parser may read as a second subject."""
    start = token.left_edge.i
    doc = token.doc
    return token.ent_type_ in TIME_ENTS or doc[start].text == "(" or (start > 0 and doc[start - 1].text == "(")


def _closes(span: Span) -> bool:
    """Does the span end in the bracket it opened ('the Defence Forces (SSPDF)')?"""
    return span[-1].text == ")" and span.text.count("(") == span.text.count(")")
