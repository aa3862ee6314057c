"""Numbers that are not figures: dates, clock times, designators, identifiers, durations, ages.

A ``NotFigures`` is built once from the lexicon; ``blocked`` finds, once per
document, the stretches where no number counts anything (URLs, handles, phone
numbers, written dates, the parser's DATE and TIME entities), and ``reason``
then says, for one quantity, why it is not a figure (or None when it may be one).
The reasons are short codes, for tests and for debugging.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.tokens import Span

from .lexicon import Lexicon
from .numbers import Quantity

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"

#: Written dates. Month names must be capitalised: "may" is a verb far more often than a month.
DATES = re.compile(
    rf"(?<![\w]){_MONTH}\.?\s*{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s*{_YEAR})?(?![\w])"  # Nov. 5, Nov.05, October 31, 2024
    rf"|(?<![\w]){_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s*{_YEAR})?"  # 31 October, 9–10 November
    rf"|(?<![\w]){_MONTH}\.?,?\s+{_YEAR}(?![\w])"  # November 2024
    r"|(?<![\w])\d{4}-\d{1,2}-\d{1,2}(?![\w])"  # 2024-11-05
    r"|(?<![\w])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\w])"  # 05/11/2024, 5.11.24
)

#: URLs, e-mail addresses, @handles and #hashtags: their digits count nothing. An address's name starts
#: where its run of name characters starts: tried from every character of a long run without an "@"
#: ("the-governor-said-..."), the pattern would read the rest of the run each time (quadratic).
ADDRESSES = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)[@#]\w+")

#: Phone numbers: a leading "+" and digit groups, or three groups joined by hyphens or dots.
PHONES = re.compile(
    r"(?<!\w)\+\d[\d\s().-]{6,}\d|(?<![\w,.])\(?\d{2,4}\)?[-.]\d{2,4}[-.]\d{2,4}(?:[-.]\d{2,4})?(?![\w])"
)

_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"

#: Ratios: "one in five soldiers", "3 in 10 homes". Neither number counts anything.
RATIOS = re.compile(rf"(?<![\w,.]){_SMALL}\s+in\s+{_SMALL}(?![\w,])", re.IGNORECASE)

#: The statistical model's labels for times and dates.
DATE_LABELS = frozenset({"DATE", "TIME"})

#: Years a bare four-digit number is taken for ("in 2024"), unless it counts something.
YEAR_RANGE = (1900, 2100)

#: A DATE entity that is a bare number ("wounded 58"): the model's guess, not a date, unless it has four digits.
BARE_NUMBER = re.compile(r"\W*\d{1,3}(?:,\d{3})*\W*")

#: Ages said without "aged" before the number: "as young as four", "as old as 90".
AGE_PHRASE = re.compile(r"(?<!\w)as\s+(?:young|old)\s+as\s+\Z", re.IGNORECASE)

#: A second age after "aged": "two boys aged six and ten", "aged 14, 15 and 17".
AGE_LIST = re.compile(r"(?<!\w)aged\s+\w+(?:\s*,\s*\w+)*\s*(?:,\s*)?(?:and|or|to|-|–)?\s*\Z", re.IGNORECASE)

#: An age after a person: "a child of four", "a boy of 15"; "the girl, who was eight".
AGE_OF = re.compile(
    r"(?<!\w)(?:an?\s+(?:\w+\s+)?(?:child|boy|girl|baby|toddler|son|daughter|teenager|man|woman)\s+of"
    r"|\bwho\s+(?:was|is)(?:\s+(?:just|only|aged))?)\s+\Z",
    re.IGNORECASE,
)

#: Ages listed before "years old": "three sisters, 6, 9 and 13 years old".
_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty"
AGES_BEFORE_YEARS_OLD = re.compile(
    rf"(?:\s*(?:,|and|or|to|-|–)\s*(?:{_SMALL}))*\s*-?\s*years?[\s-]+old\b", re.IGNORECASE
)

#: A measurement and an opening bracket before a number: "46 miles (74 km)", "eight km (five miles)".
CONVERTED = re.compile(rf"(?:\d|\b(?:{_SMALL}))\s*-?\s*([A-Za-z][A-Za-z ]*?)\s*[(\[]\s*\Z", re.IGNORECASE)

_WORD_AFTER = re.compile(r"\s*-?\s*([A-Za-z][A-Za-z.']*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)\s*\Z")


class Blocked:
    """Stretches of a text where numbers are not figures, found by position without reading them all.

    A text with thousands of numbers and dates would otherwise compare every number with every stretch.
    """

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans  # in the order found: the first that overlaps a number gives the reason
        order = sorted(range(len(spans)), key=lambda n: spans[n][0])
        self._order = order
        self._starts = [spans[n][0] for n in order]
        self._longest = max((end - start for start, end, _ in spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The stretches that overlap ``[start, end)``, in the order found."""
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        hits = [n for n in self._order[first:last] if self.spans[n][1] > start]
        return [self.spans[n] for n in sorted(hits)]


class NotFigures:
    """Says why a quantity is not a figure."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        labels = "|".join(re.escape(w) for w in sorted(lexicon.identifier_labels, key=len, reverse=True))
        # "Page 1 of 3", "part 2 of 5": both numbers index a series.
        self._series = re.compile(rf"(?<!\w)(?:{labels})\s+\d+\s+of\s+\d+(?!\w)", re.IGNORECASE)

    def blocked(self, text: str, ents: Iterable[Span]) -> Blocked:
        """Character stretches of ``text`` where numbers are not figures, with the reason; ``ents`` are its Doc's."""
        spans = [(m.start(), m.end(), "date") for m in DATES.finditer(text)]
        spans += [(m.start(), m.end(), "address") for m in ADDRESSES.finditer(text)]
        spans += [(m.start(), m.end(), "phone") for m in PHONES.finditer(text)]
        spans += [(m.start(), m.end(), "ratio") for m in RATIOS.finditer(text)]
        spans += [(m.start(), m.end(), "identifier") for m in self._series.finditer(text)]
        for ent in ents:
            if ent.label_ in DATE_LABELS and not BARE_NUMBER.fullmatch(ent.text):
                spans.append((ent.start_char, ent.end_char, "ner-" + ent.label_.lower()))
        return Blocked(spans)

    def reason(self, text: str, q: Quantity, blocked: Blocked) -> str | None:
        """Why ``q`` is not a figure, or None."""
        after = text[q.number_end : q.number_end + 40]
        before = text[max(0, q.number_start - 40) : q.number_start]
        next_word = self._next_word(text, q.end)
        counts_something = next_word in self.lex.unit_of
        for _, _, why in blocked.overlapping(q.number_start, q.number_end):
            # The parser calls some counts dates ("about 10,000 a year"); a counted noun overrules it.
            if why.startswith("ner-") and counts_something:
                continue
            return why
        return (
            self._glued_reason(before, after, q)
            or self._word_reason(text, q, next_word)
            or self._year_reason(text, q, counts_something)
        )

    def _glued_reason(self, before: str, after: str, q: Quantity) -> str | None:
        """Characters stuck to the digits: "Kh-101", "3rd", "9/11", "5:54", "2+2", "3.8.0", "45-year-old"."""
        if q.spelled or q.vague:
            return None
        if re.search(r"[A-Za-z]-?\Z|#\Z", before):
            return "designator"
        if re.search(r"(?:^|\s)[-−]\Z", before):
            return "negative"  # "-15 degrees": a reading, not a count (a range's dash is read with the range)
        if re.search(r"\d[/:+]\Z", before) or re.match(r"[/:]\d|\+\d", after):
            return "identifier"
        if re.match(r"[.,]\d", after):
            return "identifier"
        letters = re.match(r"[A-Za-z]+", after)
        if q.end == q.number_end and letters:
            word = letters.group().lower()
            if word not in self.lex.glued and self.lex.unit_of.get(word) is None:
                return "designator"  # ordinals, calibres ("155mm"), decades ("1990s"), model names
        hyphened = re.match(r"-([A-Za-z]+)", after)
        if hyphened and q.end == q.number_end:
            word = hyphened.group(1).lower()
            if word in self.lex.durations:
                return "duration"
            if word not in self.lex.glued and word not in self.lex.unit_of:
                return "compound"  # "three-storey", "two-day": an adjective, not a count
        return None

    def _word_reason(self, text: str, q: Quantity, next_word: str | None) -> str | None:
        previous = self._previous_word(text, q.start)
        if previous in self.lex.identifier_labels and not self._numbered_by(text, q.start, previous):
            return "identifier"
        if previous in self.lex.age_words:
            return "age"
        before = text[max(0, q.start - 40) : q.start]
        if AGE_PHRASE.search(before) or AGE_LIST.search(before) or AGE_OF.search(before):
            return "age"
        if AGES_BEFORE_YEARS_OLD.match(text, q.end, q.end + 60):
            return "age"
        if self._converted(before, next_word):
            return "conversion"
        if next_word in self.lex.durations:
            return "duration"
        if next_word in self.lex.furniture:
            return "furniture"
        if next_word in self.lex.clock_words or re.match(r"\s*[ap]\.m\.", text[q.end : q.end + 6], re.IGNORECASE):
            return "time"
        return None

    def _numbered_by(self, text: str, start: int, previous: str) -> bool:
        """ "The injuries number more than 800", "the dead now number 60": "number" is a verb after what is counted."""
        if previous != "number":
            return False
        words = re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start].lower())[:-1]
        while words and words[-1] in ("now", "still", "already", "currently"):
            words.pop()
        last = words[-1] if words else ""
        return last in self.lex.unit_of or self.lex.measure_of(last, "people") is not None

    def _converted(self, before: str, next_word: str | None) -> bool:
        """ "46 miles (74 km)": the same measurement in brackets in another unit of its kind, not a second figure."""
        unit = self.lex.unit_of.get(next_word or "")
        measured = CONVERTED.search(before)
        if unit is None or measured is None:
            return False
        earlier = self.lex.unit_of.get(measured.group(1).lower().strip())
        cls = self.lex.unit_class(unit)
        return earlier is not None and earlier != unit and cls is not None and cls == self.lex.unit_class(earlier)

    def _year_reason(self, text: str, q: Quantity, counts_something: bool) -> str | None:
        printed = text[q.number_start : q.number_end]
        low, high = YEAR_RANGE
        if re.fullmatch(r"\d{4}", printed) and low <= q.value <= high and not counts_something and not q.currency:
            return "year"
        return None

    @staticmethod
    def _next_word(text: str, end: int) -> str | None:
        m = _WORD_AFTER.match(text, end)
        return m.group(1).lower().rstrip(".") if m else None

    @staticmethod
    def _previous_word(text: str, start: int) -> str | None:
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return m.group(1).lower() if m else None
