"""Linking attribution candidates: relays, chained reports, asides and quotes that go on.

Each finder in ``cues`` sees one construction; here they meet. "He stated that ...,
according to Hotnews" becomes one statement with a relay (via), not two; "..., the agency said,
Harbourline reported, citing two lawmakers" one statement with three parties; "X has confirmed
Y, suggesting Z" two statements, Z cut from Y. A content also loses what the writer hangs on its
end (", where ...", ", a term Kyiv uses for ...") and gains the quotations that continue it
('“A,” she said. “B.”').
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from ...records import Certainty, PartyKind
from .candidate import RELAYING_DEPS, RELAYING_VERBS
from .cues import SUBJECT_DEPS, Candidate
from .lexicon import Lexicon
from .parties import PartyBuilder, relayed_by
from .spans import Layout

#: How far (in sentences) a quotation may continue after its attribution and still be part
#: of the same claim: '“A,” she said. “B.”' Beyond that a quote is more likely somebody else's.
MAX_CONTINUATION_SENTENCES = 3
#: Non-restrictive modifiers that a writer hangs on the end of a reported clause.
ASIDE_DEPS = {"relcl", "appos", "npadvmod"}
#: Pronouns that open a writer's comment hung on the end of a reported clause.
ASIDE_PRONOUNS = {"which", "who", "whom", "whose", "where"}


#: Marks of a clause set beside a statement ("..., as state media reported", "..., while the rebels claimed"), and
#: of one set before or after it ("..., hours after the army said").
PARALLEL_MARKS = frozenset({"as", "while", "whereas", "whilst"})
TIME_MARKS = frozenset({"before", "after"})


def _extent(candidate: Candidate) -> tuple[int, int]:
    return (min(candidate.content), max(candidate.content)) if candidate.content else (-1, -1)


def _host_of(inner: Candidate, candidates: Iterable[Candidate], doc: Doc) -> Candidate | None:
    """The statement an attribution phrase ('according to X', 'per X') belongs to, if any: the smallest
    one whose cue it modifies or whose content it sits in."""
    host_token = doc[inner.cue_token].head.i
    best: Candidate | None = None
    for other in candidates:
        if other is inner or other.construction in {"prepositional", "adverbial"}:
            continue
        start, end = _extent(other)
        hosts = other.cue_token == host_token or start <= inner.cue_token <= end
        if hosts and (best is None or (end - start) < (_extent(best)[1] - _extent(best)[0])):
            best = other
    return best


def link(candidates: list[Candidate], doc: Doc, builder: PartyBuilder) -> list[Candidate]:
    """Turn attribution phrases into relays, merge chained reports, drop duplicates."""
    by_cue = {c.cue_token: c for c in candidates}
    dropped: set[int] = set()
    for candidate in candidates:
        if candidate.construction == "prepositional":
            host = _host_of(candidate, candidates, doc)
            if host is not None and candidate.source is not None:
                if host.source is None and host.passive:
                    host.source = candidate.source  # "are believed to have fled, according to the agency": its belief
                else:
                    host.via.append(candidate.source)
                host.content -= set(range(*candidate.phrase)) if candidate.phrase else set()
                dropped.add(id(candidate))
        elif candidate.construction == "adverbial":
            head = doc[candidate.cue_token].head.i
            sourced = next((c for c in candidates if _sources_clause(c, candidate, doc)), None)
            if head in by_cue and by_cue[head] is not candidate:
                by_cue[head].hedged = True  # "X reportedly said": a hedge on X's statement
                dropped.add(id(candidate))
            elif sourced is not None:
                sourced.hedged = True  # "A drone reportedly hit the base, according to X": X's statement, hedged
                dropped.add(id(candidate))
        elif candidate.construction == "verbal":
            _link_verbal(candidate, by_cue, doc, builder, dropped)
        if candidate.source is not None:  # "..., said a statement quoted by AFP": AFP relays it
            candidate.via += [r.i for c in doc[candidate.source].children if (r := relayed_by(c)) is not None]
    kept = [c for c in candidates if id(c) not in dropped]
    _cut_participles(kept, doc)
    _cut_parallel_reports(kept, doc, builder.lex)
    _cut_inverted(kept, doc)
    _cut_coordinated(kept, doc, builder.lex, builder.layout)
    return _dedupe(kept)


def _sources_clause(candidate: Candidate, adverb: Candidate, doc: Doc) -> bool:
    """Does an 'according to X' name the source of the clause an adverb hedges ('reportedly', 'allegedly')?"""
    head = doc[adverb.cue_token].head.i
    sourced = candidate.construction == "prepositional" and candidate.source is not None
    return sourced and head in candidate.content and adverb.cue_token in candidate.content


def _cut_coordinated(candidates: list[Candidate], doc: Doc, lexicon: Lexicon, layout: Layout) -> None:
    """'Six in 10 said A, and three-quarters said B', 'He says A and says B': the second report is
    not part of the first one's content (a coordinated 'that' clause is: 'said A, but that B')."""
    # "said A and urged B": a coordinated cue that makes a statement of its own is cut out too.
    cues = {c.cue_token for c in candidates if c.construction == "verbal" and c.cue not in lexicon.stance_verbs}
    quotes = layout.quotes
    for candidate in candidates:
        cut: set[int] = set()
        # Words inside a quotation that the cue stands outside of are the speaker's own, all of them
        # ('“Some want A, but others want B,” he said'): nothing in it is cut.
        quoted = (
            {
                i
                for start, end in quotes.open_to_close.items()
                if not start < candidate.cue_token < end and start in candidate.content
                for i in range(start, end + 1)
            }
            if quotes.open_to_close
            else set()
        )
        for i in candidate.content:
            token = doc[i]
            if i in quoted:
                continue
            if (
                token.dep_ == "conj"
                and token.lemma_ in lexicon.verbs
                and (token.lemma_ == candidate.cue or i in cues or any(c.dep_ in SUBJECT_DEPS for c in token.children))
                and token.head.i in candidate.content
                and i != candidate.cue_token
                and not _has_that(token)
                and not _own_stance(token, lexicon)
            ):
                cut.update(range(token.left_edge.i, token.right_edge.i + 1))
        candidate.content -= cut


def _own_stance(verb: Token, lexicon: Lexicon) -> bool:
    """'said the talks had stalled and he feels the deal is lost': a stance verb with a pronoun subject,
    coordinated inside what was said, goes on with the speaker's words (no statement of its own)."""
    if verb.lemma_ not in lexicon.stance_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.pos_ == "PRON"


def _cut_participles(candidates: list[Candidate], doc: Doc) -> None:
    """'X has confirmed Y, suggesting Z': Z is a statement of its own, not part of Y."""

    def participle(candidate: Candidate) -> range | None:
        verb = doc[candidate.cue_token]
        if candidate.construction != "verbal" or verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return None
        return range(verb.left_edge.i, verb.right_edge.i + 1)

    _cut_out(candidates, doc, participle)


def _cut_parallel_reports(candidates: list[Candidate], doc: Doc, lexicon: Lexicon) -> None:
    """'X said A, as state media reported B', 'X said A, while the rebels claimed B': a report set beside the
    statement by "as" or "while", with a subject of its own, is another party's statement, not part of A; so is
    a report of the lexicon's curated verbs set before or after it ('..., hours after the army said B'), where
    other verbs are what happened ('... after he was elected')."""

    def parallel(candidate: Candidate) -> range | None:
        verb = doc[candidate.cue_token]
        if candidate.construction != "verbal" or verb.dep_ != "advcl":
            return None
        reported = candidate.cue in lexicon.curated_verbs and not candidate.loose and _reports_clause(verb)
        words = PARALLEL_MARKS | TIME_MARKS if reported else PARALLEL_MARKS
        marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in words and c.i < verb.i]
        if not marks or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        first = min(marks[0].i, verb.left_edge.i)  # 'hours after the army said'
        start = first - 1 if first > 0 and doc[first - 1].text == "," else first
        return range(start, verb.right_edge.i + 1)

    _cut_out(candidates, doc, parallel)


def _cut_inverted(candidates: list[Candidate], doc: Doc) -> None:
    """'X said A, AFP news agency reported.': a report read from the words between the last comma and its cue
    (the parser hung it inside X's clause) relays X's statement; its words are no part of A."""

    def inverted(candidate: Candidate) -> range | None:
        bounds = candidate.source_bounds
        if candidate.construction != "verbal" or bounds is None or bounds[1] != candidate.cue_token:
            return None
        start = bounds[0] - 1 if bounds[0] > 0 and doc[bounds[0] - 1].text == "," else bounds[0]
        return range(start, doc[candidate.cue_token].sent.end)

    _cut_out(candidates, doc, inverted)


def _reports_clause(verb: Token) -> bool:
    """Does the verb report a clause ('the army said fighters were killed'), not an act ('announced his bid')?"""
    return any(c.dep_ == "ccomp" for c in verb.children)


def _cut_out(candidates: list[Candidate], doc: Doc, own_words: Callable[[Candidate], range | None]) -> None:
    """Cut each candidate's own words (``own_words``; None: nothing to cut) out of the other candidates whose
    content holds its cue. The holders are found through an index of content tokens, once: a document of many
    claims stays linear."""
    holders: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        for i in candidate.content:
            holders.setdefault(i, []).append(candidate)
    for candidate in candidates:
        own = own_words(candidate)
        if own is None:
            continue
        for other in holders.get(candidate.cue_token, []):
            if other is not candidate:
                other.content -= set(own)


def _link_verbal(
    candidate: Candidate, by_cue: dict[int, Candidate], doc: Doc, builder: PartyBuilder, dropped: set[int]
) -> None:
    verb = doc[candidate.cue_token]
    relay = _quoted_by(verb)
    if relay is not None and candidate.source is not None:
        # "X reported(,) quoting Y as saying that A": Y said A, X passed it on; X's report holds nothing else.
        candidate.via.insert(0, candidate.source)
        candidate.source = relay[1].i
        outer = by_cue.get(relay[0].head.i)
        if outer is not None and outer.content <= {t.i for t in relay[0].subtree}:
            dropped.add(id(outer))
        return
    if verb.head.i == verb.i or verb.head.lemma_ not in builder.lex.verbs:
        return
    head = by_cue.get(verb.head.i)
    if head is not None and head.construction != "verbal":
        return
    if _read_as_noun(verb, candidate, builder):
        # "Trend reports citing TASS that ...": the tagger read the outlet's verb as a plural noun, the outlet
        # as its compound. TASS said it, Trend passed it on.
        outlet = next((c for c in verb.head.children if c.dep_ == "compound" and c.text[0].isupper()), verb.head)
        candidate.via.insert(0, outlet.i)
        candidate.source = next(c.i for c in verb.children if c.dep_ == "dobj")
    elif candidate.cue in RELAYING_VERBS and verb.tag_ == "VBG" and verb.dep_ in RELAYING_DEPS:
        # "X reported ..., citing Y" / "quoting Y as saying": Y said it, X passed it on. Citing data or a document
        # names no party.
        cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if head is not None and id(head) not in dropped and head.source is not None and cited is not None:
            if not _is_party(cited, builder):
                dropped.add(id(candidate))
                return
            head.via.insert(0, head.source)
            head.source = cited.i
            if verb.dep_ == "xcomp" and candidate.content and verb.i in head.content:
                head.content = set(candidate.content)  # 'reports citing X that A': A, not the participle
        dropped.add(id(candidate))
    elif verb.dep_ == "parataxis" and head is not None and id(head) not in dropped and not _stance(head, builder):
        # "..., the agency said, Harbourline reported": the agency is the source, Harbourline a relay;
        # "X is believed to ..., Lee said": Lee's statement, hedged.
        candidate.content = set(head.content) - set(range(verb.left_edge.i, verb.right_edge.i + 1))
        candidate.via.extend([head.source, *head.via] if head.source is not None else head.via)
        candidate.hedged = candidate.hedged or head.passive or head.certainty == Certainty.HEDGED
        dropped.add(id(head))
    elif verb.dep_ == "parataxis" and head is None:
        # "..., the agency said, Harbourline reported, citing two lawmakers": the relays, nearest first.
        reporter = verb.head
        for child in reporter.children:
            if child.lemma_ == "cite" and child.dep_ == "advcl":
                cited = next((c for c in child.children if c.dep_ == "dobj"), None)
                if cited is not None and _is_party(cited, builder):
                    candidate.via.append(cited.i)
        subject = next((c for c in reporter.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            candidate.via.append(subject.i)


def _quoted_by(verb: Token) -> tuple[Token, Token] | None:
    """'quoting a senior officer as saying': the relaying participle and the party it quotes, for 'saying'."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.i == prep.i:
        return None
    relay = prep.head
    if relay.lemma_ not in RELAYING_VERBS or relay.tag_ != "VBG" or relay.dep_ not in RELAYING_DEPS:
        return None
    cited = next((c for c in relay.children if c.dep_ == "dobj"), None)
    # whoever is quoted as saying is a speaker, whatever the noun ('a senior officer')
    return (relay, cited) if cited is not None and cited.pos_ in {"NOUN", "PROPN", "PRON"} else None


def _read_as_noun(verb: Token, candidate: Candidate, builder: PartyBuilder) -> bool:
    """'Trend reports citing TASS that ...': a relaying participle on 'reports' read as a noun with an outlet's name
    as its compound, which the candidate took for its source, citing a party."""
    reports = verb.head
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        candidate.cue in RELAYING_VERBS
        and verb.dep_ == "acl"
        and candidate.source == reports.i
        and reports.tag_ == "NNS"
        and reports.lemma_ == "report"
        and any(c.dep_ == "compound" and c.text[0].isupper() for c in reports.children)  # 'Trend' is tagged NN
        and _is_party(cited, builder)
    )


def _stance(candidate: Candidate, builder: PartyBuilder) -> bool:
    """'At one point, she said, she was considering X': the parenthetical reports the whole stance, which is
    no report of its own to relay (the stance's claim stays inside hers, as any stance does). A passive
    stance holds nobody's ('X is believed to ..., Lee said': Lee's statement, hedged)."""
    return candidate.cue in builder.lex.stance_verbs and not candidate.passive


def _has_that(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _is_party(token: Token | None, builder: PartyBuilder) -> bool:
    if token is None:
        return False
    party = builder.build(token)
    return party.kind != PartyKind.UNNAMED or token.lemma_.lower() in builder.lex.unnamed_people


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One claim per (source, content): 'confirmed and said that X' reports X once."""
    seen: set[tuple[int | None, frozenset[int]]] = set()
    out = []
    for candidate in candidates:
        key = (candidate.source, frozenset(candidate.content))
        if key not in seen:
            seen.add(key)
            out.append(candidate)
    return out


# --- trimming --------------------------------------------------------------------------


def trim_asides(doc: Doc, content: set[int]) -> set[int]:
    """Drop a non-restrictive modifier that ends the content: ', who has a delegate lead', ', where he
    trailed', ', the latter a reference to ...': background the writer adds, not what was said."""
    last = max(content)
    for i in sorted(content):
        token = doc[i]
        if token.dep_ not in ASIDE_DEPS or token.right_edge.i != last or token.head.i not in content:
            continue
        start = token.left_edge.i
        kept = {j for j in content if j < start - 1}
        # A long aside carries news of its own ("..., most of whom were first stationed at ..."): keep it;
        # one that opens with its pronoun (", which raised concerns ...") is the writer's comment, whatever its length.
        long_news = len(kept) <= last - start and doc[start].lower_ not in ASIDE_PRONOUNS
        if start - 1 in content and doc[start - 1].text == "," and not long_news and not _quoted(doc, start):
            return kept
    return content


def _quoted(doc: Doc, i: int) -> bool:
    return any(t.text in {"“", "”", '"', "''", "``"} for t in doc[max(0, i - 1) : i + 1])


# --- quotes that go on after the attribution ---------------------------------------------


def continue_quote(
    doc: Doc, content: set[int], layout: Layout, cue_tokens: set[int], cue: int | None = None
) -> list[set[int]]:
    """Quotations that go on before or after the attribution: '“A,” she said. “B.”' and
    '“A.” “B,” she said.': B and A are still hers, when no attribution of their own claims them."""
    quotes = layout.quotes
    groups = []
    _, end = layout.sentence(max(content))
    if cue is not None and cue >= end and layout.line_of(cue) == layout.line_of(max(content)):
        # '“A!” she said. “B.”': the parser ends a sentence at the quote's '!' or '?', and 'she said.' is
        # one of its own; the quote goes on after the attribution's sentence.
        end = max(end, layout.sentence(cue)[1])
    for _ in range(MAX_CONTINUATION_SENTENCES):
        start = end
        if start - 1 in quotes.open_to_close and start - 1 > max(content):
            start -= 1  # the parser left the next quote's opening mark at the end of this sentence
        while start < len(doc) and doc[start].is_space:
            start += 1
        close = quotes.open_to_close.get(start) if start < len(doc) else None
        if close is None or _attributed(layout.sentence(close), start, close, cue_tokens):
            break
        line = layout.line_of(start)
        if line != layout.line_of(max(content)) and not _whole_line(doc, line, start, close):
            break  # a quote that opens a paragraph and goes on after it is somebody else's words
        groups.append(set(range(start, close + 1)))
        _, end = layout.sentence(close)
        if close + 1 < end - 1:
            break  # the sentence goes on after the quote: something else is said there
    start, _ = layout.sentence(min(content))
    for _ in range(MAX_CONTINUATION_SENTENCES):
        end = start - 1
        while end >= 0 and doc[end].is_space:
            end -= 1
        opening = quotes.close_to_open.get(end) if end >= 0 else None
        if opening is None or opening != layout.sentence(opening)[0]:
            break
        if layout.line_of(opening) != layout.line_of(min(content)):
            break  # a quote paragraph before the attribution is as often somebody else's
        if _attributed(layout.sentence(opening), opening, end, cue_tokens):
            break
        groups.append(set(range(opening, end + 1)))
        start, _ = layout.sentence(opening)
    return groups


def _whole_line(doc: Doc, line: tuple[int, int], start: int, close: int) -> bool:
    """Is the quotation [start, close] all there is on its line (a paragraph that only quotes)?"""
    end = line[1]
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start == line[0] and close >= end - 1


def _attributed(sentence: tuple[int, int], start: int, end: int, cue_tokens: set[int]) -> bool:
    """Does an attribution in the quotation's sentence but outside the quotation claim it ('“B,” he added.')?"""
    return any(sentence[0] <= i < sentence[1] and not start <= i <= end for i in cue_tokens)
