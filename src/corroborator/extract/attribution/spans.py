"""Content spans of attributed statements: which tokens, trimmed how, quoted or not.

A statement's content is a set of token indices (a clause's subtree, less the attribution
that sits inside it: ", he said," or ", according to X"). ``Content`` turns that set into
contiguous pieces, trims what is not content ("that", edge punctuation, the quote marks
of a direct quote) and says whether it is a direct, mixed or indirect quote.

``QuoteMap`` finds the quotations of a document once, from its text (one regular
expression over the text, not a Python loop over every token), so that a quote which
runs over several sentences can be taken whole.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ...records import QuoteKind
from .candidate import CLAUSE_SUBJECT_DEPS

#: Opening and closing quotation marks. Straight quotes are paired in order within a paragraph.
QUOTE_TOKENS = {"“", "„", "«", "``", "”", "»", "''", '"'}
QUOTE_CHARS = re.compile(r"[“”„«»\"]|``|''")
#: A paragraph break ends any quotation left open (news closes multi-paragraph quotes late).
PARAGRAPH = re.compile(r"\n\s*\n|\n")
LINE_BREAK = re.compile(r"\n")
#: How far past the content's last token an open quotation may carry it (tokens).
MAX_QUOTE_OVERRUN = 60
#: Words that introduce a content clause without being part of it.
LEADING_WORDS = {"that", "whether", "if", "for"}
#: A dateline is a place of this many words at most ('Khartoum:', 'KANO, Nigeria:').
MAX_DATELINE_TOKENS = 4
#: Tokens that never start or end a content (a dangling conjunction or punctuation).
EDGE_WORDS = {"and", "but", "or", "so", "as", "while"}
#: Closing brackets and their openings: one that closes a bracket the content opened stays in it.
CLOSING_BRACKETS = {")": "(", "]": "["}
#: Content that is only one of these says nothing on its own ("he said so", "she said this").
EMPTY_CONTENT = {"so", "this", "that", "it", "these", "those", "something", "anything", "nothing", "what", "one"}
#: Past forms of the plainest reporting verbs: a sentence "It said ..." after an opening quote mark never closed is
#: the writer's next report, not more of the quotation.
REPORTED_FORMS = {"said", "added", "told", "stated", "reported", "announced"}
#: Subjects of quoted speech itself ("we said we would come"), which a quotation may well hold.
SPEAKER_SUBJECTS = {"i", "we", "you"}


class QuoteMap:
    """The quotations of a document as pairs of token indices (opening mark, closing mark)."""

    def __init__(self, doc: Doc, starts: list[int] | None = None, text: str | None = None) -> None:
        self.open_to_close: dict[int, int] = {}
        self.close_to_open: dict[int, int] = {}
        #: Openings left open to the end of their paragraph (a typo, or a quote that goes on in the next one).
        self.unclosed: set[int] = set()
        text = doc.text if text is None else text  # Doc.text joins every token: read it once
        marks = list(QUOTE_CHARS.finditer(text))
        if not marks:
            return
        starts = starts if starts is not None else doc.to_array([IDX]).tolist()
        breaks = [m.start() for m in PARAGRAPH.finditer(text)]
        open_at: int | None = None
        open_para = -1
        for mark in marks:
            i = bisect.bisect_right(starts, mark.start()) - 1
            if i < 0 or starts[i] != mark.start():
                continue  # a mark inside a word ("5'11") is no quotation
            para = bisect.bisect_right(breaks, mark.start())
            if open_at is not None and para != open_para:
                self._pair(open_at, self._last_before(starts, breaks[para - 1]), closed=False)
                open_at = None
            if self._opens(mark.group(), text, mark.start(), mark.end(), open_at is not None):
                open_at, open_para = i, para
            elif open_at is not None:
                self._pair(open_at, i)
                open_at = None
        if open_at is not None:
            self._pair(open_at, len(doc) - 1, closed=False)

    @staticmethod
    def _opens(char: str, text: str, start: int, end: int, is_open: bool) -> bool:
        """Curly marks say which side they are on; straight ones and '' (used both ways) open after a
        space and before a word, close after a word and before a space or punctuation, else alternate."""
        if char in {"“", "„", "«", "``"}:
            return True
        if char in {"”", "»"}:
            return False
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if (before.isspace() or before in "([{—–-") and not after.isspace():
            return True
        if not before.isspace() and (after.isspace() or after in ".,;:!?)]—–"):
            return False
        return not is_open

    @staticmethod
    def _last_before(starts: list[int], char: int) -> int:
        return max(0, bisect.bisect_left(starts, char) - 1)

    def _pair(self, start: int, end: int, closed: bool = True) -> None:
        if not closed:
            self.unclosed.add(start)
        if end > start:
            self.open_to_close[start] = end
            self.close_to_open[end] = start

    def __bool__(self) -> bool:
        return bool(self.open_to_close)

    def enclosing(self, i: int) -> tuple[int, int] | None:
        """The quotation that token ``i`` lies inside (marks excluded), if any."""
        for start, end in self.open_to_close.items():
            if start < i < end:
                return start, end
        return None


class Layout:
    """Where a document's lines and quotations are, found once per Doc from its text."""

    def __init__(self, doc: Doc) -> None:
        text = doc.text
        self.doc = doc
        has_breaks = "\n" in text
        starts = doc.to_array([IDX]).tolist() if has_breaks or QUOTE_CHARS.search(text) else None
        self.quotes = QuoteMap(doc, starts, text)
        #: Token indices that hold a line break: a source or a content does not cross them, since
        #: the parser often runs a headline into the sentence after it.
        self.breaks: list[int] = []
        if has_breaks and starts is not None:
            for match in LINE_BREAK.finditer(text):
                i = bisect.bisect_right(starts, match.start()) - 1
                if i >= 0 and (not self.breaks or self.breaks[-1] != i):
                    self.breaks.append(i)
        if self.quotes.unclosed and doc.has_annotation("DEP"):
            self._end_run_on_quotes()

    def _end_run_on_quotes(self) -> None:
        """An opening mark left unclosed inside its paragraph ends before the first later sentence that is a report
        of its own ('The ministry said: "The enemy lost 40 tanks. It said 12 drones were downed.'), which it would
        otherwise hide."""
        quotes = self.quotes
        for start in sorted(quotes.unclosed):
            end = quotes.open_to_close.get(start)
            if end is None or start == self.line_of(start)[0]:
                continue  # a paragraph that opens a quotation and goes on in the next one leaves it open by custom
            for sent in self.doc[start:end].sents:  # type: ignore[attr-defined]  # Span.sents: spaCy's stubs lack it
                root = sent.root
                subject = next((c for c in root.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
                if subject is None or subject.left_edge.i != sent.start or sent.start <= start + 1:
                    continue
                if root.lower_ in REPORTED_FORMS and subject.lower_ not in SPEAKER_SUBJECTS:
                    # no closing mark there for the report after it to take as the quotation it attributes
                    del quotes.close_to_open[end]
                    quotes.open_to_close[start] = sent.start - 1
                    break

    def line_of(self, i: int) -> tuple[int, int]:
        """[start, end) token range of the line (paragraph) that token ``i`` is on."""
        k = bisect.bisect_left(self.breaks, i)
        start = self.breaks[k - 1] + 1 if k > 0 else 0
        end = self.breaks[k] if k < len(self.breaks) else len(self.doc)
        return start, end

    def sentence(self, i: int) -> tuple[int, int]:
        """[start, end) of token ``i``'s sentence, cut at line breaks (the parser runs sentences over
        them: a headline into the lead, a quote paragraph into the next)."""
        sent = self.doc[i].sent
        line_start, line_end = self.line_of(i)
        return max(sent.start, line_start), min(sent.end, line_end)

    def run_on(self, indices: set[int], cue: int) -> set[int]:
        """'said it hit a depot belonging to' + the rest of the sentence the parser hung on a later verb: a
        content after its cue that ends in a preposition with no object goes on to the end of the sentence."""
        last = max(indices)
        token = self.doc[last]
        if cue > min(indices) or token.pos_ != "ADP" or any(True for _ in token.children):
            return indices
        if self.doc[cue].sent.root.i <= last:
            return indices  # 'wants to talk about': a preposition left at the end of its own clause
        _, end = self.sentence(cue)
        return indices | set(range(last + 1, end))

    def clip(self, indices: set[int], anchor: int) -> set[int]:
        """The indices on the same line as ``anchor`` (and on the next one when the line ends in a colon:
        'Trump told the crowd:' + the quote below)."""
        if not self.breaks:
            return indices
        start, end = self.line_of(anchor)
        last = end - 1
        while last > start and self.doc[last].is_space:
            last -= 1
        if self.doc[last].text == ":" and end < len(self.doc):
            end = self.line_of(end + 1)[1]
        return {i for i in indices if start <= i < end}


def is_quote(token: Token) -> bool:
    return token.text in QUOTE_TOKENS


@dataclass(slots=True)
class Content:
    """The tokens of a statement, trimmed, with its text, character span and quote kind."""

    pieces: list[tuple[int, int]]  # token ranges [start, end)
    text: str
    span: tuple[int, int]
    quote: QuoteKind


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous runs of sorted token indices as [start, end) ranges."""
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _strip_edges(doc: Doc, keep: list[int]) -> list[int]:
    """Drop what may not open or close a content: punctuation (but quote marks), 'that', 'and'."""
    start, end = 0, len(keep)
    while start < end:
        t = doc[keep[start]]
        if (
            (t.is_punct and not is_quote(t))
            or t.is_space
            or (t.lower_ in EDGE_WORDS and not _quantity(doc, t))
            or (t.lower_ in LEADING_WORDS and (t.dep_ == "mark" or (t.tag_ == "IN" and t.lower_ != "for")))
        ):
            start += 1
        else:
            break
    start += _dateline_length(doc, keep[start:end])
    while end > start:
        t = doc[keep[end - 1]]
        closing = t.text in CLOSING_BRACKETS and _open_bracket(doc, keep[start : end - 1], t.text)
        if (t.is_punct and not is_quote(t) and not closing) or t.is_space or t.lower_ in EDGE_WORDS:
            end -= 1
        else:
            break
    return keep[start:end]


def _quantity(doc: Doc, token: Token) -> bool:
    """'As many as 65 people': 'as' opening a quantity, not a conjunction."""
    return token.lower_ == "as" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in {"many", "much", "few"}


def _open_bracket(doc: Doc, keep: list[int], closing: str) -> bool:
    """Is a bracket opened in ``keep`` left unclosed ('... the UN agency for refugees (UNRWA')?"""
    opening = CLOSING_BRACKETS[closing]
    texts = [doc[i].text for i in keep]
    return texts.count(opening) > texts.count(closing)


def _dateline_length(doc: Doc, keep: list[int]) -> int:
    """'Khartoum: At least 10 people were killed ...': a place and a colon opening the line are the dateline,
    where the report was filed, not part of what was said (how many tokens to skip, the colon's included)."""
    colon = next((k for k, i in enumerate(keep[: MAX_DATELINE_TOKENS + 1]) if doc[i].text == ":"), None)
    if colon is None or colon == 0 or not doc[keep[0]].is_sent_start or colon + 1 >= len(keep):
        return 0
    place = [doc[i] for i in keep[:colon] if doc[i].text != ","]
    if not all(t.ent_type_ in {"GPE", "LOC"} or (t.is_upper and t.is_alpha) for t in place):
        return 0
    return colon + 1 if doc[keep[colon + 1]].is_title or doc[keep[colon + 1]].like_num else 0


def extend_quotes(indices: set[int], quotes: QuoteMap) -> set[int]:
    """Take a quotation whole when the content opens or closes it but holds only part of it.

    spaCy may split a long quote into sentences and give the reporting verb only the last one
    ('“A. B,” he said.') or only the first ('He said: “A. B.”').
    """
    if not quotes or not indices:
        return indices
    first, last = min(indices), max(indices)
    out = set(indices)
    # The marks themselves may hang on the reporting verb: look one or two tokens outside.
    for i in (first, first - 1):
        close = quotes.open_to_close.get(i)
        if close is not None and close > last:
            out.update(range(i, close + 1))
            break
    for i in (last, last + 1, last + 2):
        opening = quotes.close_to_open.get(i)
        if opening is not None and opening < first:
            out.update(range(opening, i + 1))
            break
    # A quotation that opens inside the content runs to its end: 'he wanted “solutions that ..., maybe ...”'.
    for i in range(first, last + 1):
        close = quotes.open_to_close.get(i)
        if (
            close is not None
            and close > last
            and i in indices
            and close - last <= MAX_QUOTE_OVERRUN
            and i not in quotes.unclosed
        ):
            out.update(range(last + 1, close + 1))
            break
    return out


def _quoted(doc: Doc, keep: list[int]) -> tuple[list[int], QuoteKind]:
    """The tokens without the marks of a direct quote, and whether they are a direct, mixed or indirect quote."""
    marks = [i for i in keep if is_quote(doc[i])]
    if not marks:
        return keep, QuoteKind.INDIRECT
    opens_and_closes = is_quote(doc[keep[0]]) and is_quote(doc[keep[-1]]) and len(keep) > 2
    inner_marks = [i for i in marks if i not in (keep[0], keep[-1])]
    if opens_and_closes and not inner_marks:
        return _strip_edges(doc, keep[1:-1]), QuoteKind.DIRECT
    if len(marks) == 1 and marks[0] in (keep[0], keep[-1]):
        return _strip_edges(doc, [i for i in keep if i != marks[0]]), QuoteKind.INDIRECT  # a stray mark is no quote
    return keep, QuoteKind.MIXED


def make_content(doc: Doc, groups: list[set[int]], quotes: QuoteMap) -> Content | None:
    """Trim a statement's tokens into a ``Content``; ``None`` when nothing worth a claim is left.

    ``groups`` holds the statement's clause and, in text order with it, the quotations that
    continue it ('“A,” she said. “B.”'); each is trimmed and classified on its own.
    """
    kept: list[int] = []
    kinds: set[QuoteKind] = set()
    for indices in sorted((g for g in groups if g), key=min):
        keep = _strip_edges(doc, sorted(extend_quotes(indices, quotes)))
        if keep:
            keep, kind = _quoted(doc, keep)
            kept.extend(keep)
            kinds.add(kind)
    words = [doc[i] for i in kept if not doc[i].is_punct]
    if not words or (len(words) == 1 and words[0].lower_ in EMPTY_CONTENT):
        return None
    quote = kinds.pop() if len(kinds) == 1 else QuoteKind.MIXED
    pieces = runs(kept)
    text = " ".join(doc[s:e].text for s, e in pieces)
    span = (doc[kept[0]].idx, doc[kept[-1]].idx + len(doc[kept[-1]].text))
    return Content(pieces=pieces, text=text, span=span, quote=quote)


# --- what goes on past a statement ------------------------------------------------------------


def _tops(doc: Doc, indices: set[int]) -> list[Token]:
    """The tokens of a content whose heads lie outside it (its clause's verb, for a reported clause)."""
    return [doc[i] for i in sorted(indices) if doc[i].head.i not in indices or doc[i].head.i == i]


def _form(verb: Token) -> str:
    """The tag that shows a verb's tense: its first auxiliary's ('has said': VBZ) or its own ('said': VBD)."""
    aux = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i), None)
    return (aux or verb).tag_


def speaker_goes_on(conj: Token, verb: Token, cue: Token) -> bool:
    """'She said she admires him and praised his work': a verb without a subject, joined to the reported
    clause's verb but in the tense of the cue and not of that clause, is the speaker's next act, which the
    parser hung on the clause. ('said the panel has the report and will publish it' is one clause.)"""
    if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"} or conj.i < verb.i:
        return False
    if any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in conj.children):
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False  # 'said gunmen have attacked three villages and burned 40 homes': "burned" shares "have"
    return _form(conj) == _form(cue) != _form(verb)


def cut_speaker_acts(doc: Doc, indices: set[int], cue: Token, quotes: QuoteMap) -> set[int]:
    """The content without the speaker's next acts (``speaker_goes_on``), with the 'and' before them.
    Inside a quotation every word is the speaker's, and nothing is cut."""
    out = set(indices)
    for top in _tops(doc, indices):
        if top.pos_ not in {"VERB", "AUX"} or top.i == cue.i:
            continue
        for conj in top.children:
            if conj.i not in out or not speaker_goes_on(conj, top, cue):
                continue
            if quotes and quotes.enclosing(conj.i) is not None:
                continue
            start = conj.left_edge.i
            while start - 1 in out and (doc[start - 1].is_punct or doc[start - 1].dep_ == "cc"):
                start -= 1
            rest = out - set(range(start, conj.right_edge.i + 1))
            if any(not doc[i].is_punct for i in rest):
                out = rest
    return out


# --- the topic of an expressed feeling or remark ---------------------------------------------

#: Nouns of an expressed feeling, remark or sign, the object of a light verb ('expressed concern about X',
#: 'offered kind words about X', 'showed no sign of X'): PolNeAR takes the noun into the cue and X as content.
EXPRESSION_NOUNS = {
    "comment", "remark", "statement", "thought", "word", "message", "tweet", "language", "note", "question",
    "support", "concern", "discomfort", "interest", "confidence", "doubt", "skepticism", "scepticism", "worry",
    "fear", "frustration", "optimism", "enthusiasm", "disappointment", "regret", "reservation", "displeasure",
    "anger", "outrage", "dismay", "sympathy", "appreciation", "gratitude", "admiration", "condolence", "praise",
    "criticism", "objection", "opposition", "opinion", "view", "sign", "apology", "defense", "defence",
    "understanding",
}  # fmt: skip
#: Prepositions that name what such a noun is about.
TOPIC_PREPOSITIONS = {"about", "on", "of", "for", "with", "over", "regarding", "toward", "towards", "against", "in"}


def expression_topic(doc: Doc, indices: set[int], cue: Token, light_verbs: frozenset[str]) -> set[int]:
    """'voiced support for the mayor', 'showed no sign of backing down': the content is what the expressed
    noun is about. A noun with an owner ('voiced their support for X') stays whole: it is a thing of its own."""
    tops = _tops(doc, indices) if indices else []
    if len(tops) != 1 or (cue.lemma_ not in light_verbs and cue.lemma_ != "show"):
        return indices
    noun = tops[0]
    if noun.dep_ != "dobj" or noun.head.i != cue.i or noun.lemma_.lower() not in EXPRESSION_NOUNS:
        return indices
    if any(c.dep_ == "poss" for c in noun.children):
        return indices
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None)
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}] if prep is not None else []
    topic = {i for o in objects for i in range(o.left_edge.i, o.right_edge.i + 1)} & indices
    return topic or indices
