"""Numbers as news prints them: digits, words, scales, vague plurals, ranges and qualifiers.

``find_quantities(text)`` returns every quantity expression in a text, in text
order, as ``Quantity`` records: "around 8,000", "1.5 million", "two dozen",
"between 10,000 and 12,000", "10,000-12,000", "dozens", "several thousand",
"up to 12,000", "$1.5bn", "40%". It knows nothing of what is counted and does
not judge whether a number is a figure at all (a date's day, a clock time, a
model designator): that is ``filters``' job, which sees the context.

The words (number words, scales, vague plurals, qualifier phrases) are read
from ``data/lexicon/numbers.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from ...records import Qualifier

LEXICON_PACKAGE = "corroborator"
LEXICON_DIR = ("data", "lexicon")

#: Digits as English news prints them: "8,000", "1.5", "12000". A comma must group
#: three digits, so "1,5" is not one number (and is dropped as an identifier later).
#: A number in digits: "8,000", "1.5", and thousands set apart by a space as Ukrainian and European outlets print
#: them ("1 100 soldiers", "31 000"; a no-break or thin space too). Groups of three digits only, and none glued to a
#: word, so that "On 5 June", "in 2022 500 people", "12 155mm shells" and "10 500-pound bombs" stay apart.
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\w-]|[.,]\d)|\d+(?:\.\d+)?"

#: Currency signs printed before an amount, and the code each stands for.
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB", "¥": "JPY"}

#: How far back to look for a qualifier phrase ("in the region of" is the longest).
QUALIFIER_WINDOW = 40


def load_lexicon(name: str) -> dict[str, Any]:
    """One JSON file of ``data/lexicon``, without its ``_comment`` keys."""
    path = resources.files(LEXICON_PACKAGE).joinpath(*LEXICON_DIR, name)
    data = json.loads(path.read_text(encoding="utf-8"))
    return without_comments(data)


def without_comments(data: dict[str, Any]) -> dict[str, Any]:
    """A lexicon file's data without its ``_comment`` keys."""
    return {k: v for k, v in data.items() if not k.startswith("_")}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number expression: where it is printed, its value and interval, and how it is qualified."""

    start: int  # the whole expression, qualifier words included ("around 8,000")
    end: int
    number_start: int  # the number or range alone ("8,000")
    number_end: int
    value: float  # as printed; the lower bound of a range
    low: float
    high: float
    qualifier: Qualifier = Qualifier.EXACT
    vague: bool = False  # "dozens", "several thousand": a conventional number for a word
    spelled: bool = False  # written in words ("three", "two dozen")
    currency: str | None = None  # "USD" for "$1.5bn", "EUR" for "€300 million"
    percent: bool = False  # "40%", "40 percent"

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True, slots=True)
class _Atom:
    """One number before ranges and qualifiers are put together."""

    start: int
    end: int
    value: float
    scaled: bool  # carries its own scale word ("12 million"), which a range's low end may borrow
    base: float  # the value before the scale
    vague: bool = False
    spelled: bool = False


class NumberReader:
    """Finds quantity expressions in text; built once from the lexicon, then used for every text."""

    def __init__(self, lexicon: dict[str, Any] | None = None) -> None:
        lex = lexicon or load_lexicon("numbers.json")
        self.units: dict[str, int] = {**lex["words"], **lex["tens"]}
        self.tens: dict[str, int] = lex["tens"]
        self.scales: dict[str, int] = lex["scales"]
        self.suffixes: dict[str, int] = lex["scale_suffixes"]
        self.vague: dict[str, int] = {**lex["vague"], **lex["vague_of"]}
        self._compile(lex)

    # -- patterns ---------------------------------------------------------------------------

    def _compile(self, lex: dict[str, Any]) -> None:
        def alternation(words: list[str]) -> str:
            # Longest first, so that "no more than" wins over "more than".
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        scale_words = alternation(list(self.scales))
        suffixes = alternation(list(self.suffixes))
        self._digits = re.compile(
            rf"(?<![\d.,])(?P<num>{DIGITS})"
            rf"(?:(?P<suffix>{suffixes})(?![A-Za-z])|(?:\s+|-)(?P<scale>{scale_words})(?![\w-]))?",  # "15-thousand"
            re.IGNORECASE,
        )
        word = alternation([*self.units, *self.scales])
        tens = alternation(list(self.tens))
        units = alternation(list(lex["words"]))
        one_word = rf"(?:(?:{tens})-(?:{units})|{word})"
        self._words = re.compile(
            rf"(?<![\w-])(?:(?:a|an|half\s+a)\s+(?=(?:{scale_words})\b))?"
            rf"{one_word}(?:(?:\s+|\s+and\s+|-){one_word})*(?![\w-])",
            re.IGNORECASE,
        )
        multipliers = alternation(lex["vague_multipliers"])
        vague = alternation(list(self.vague))
        self._vague = re.compile(
            rf"(?<![\w-])(?:(?P<mult>{multipliers})\s+)?(?P<word>{vague})(?![\w-])"
            rf"|(?<![\w-])(?P<mult2>{multipliers})\s+(?P<scale>{scale_words})"
            rf"(?:\s+(?P<scale2>{scale_words}))?(?![\w-])",
            re.IGNORECASE,
        )
        self._topic_about = re.compile(rf"(?<![\w-])(?:{alternation(lex['topic_words'])})\s+about\s+\Z", re.IGNORECASE)
        self._qualifier_before = {
            Qualifier(q): re.compile(rf"(?<![\w-])(?:{alternation(words)})\s+\Z", re.IGNORECASE)
            for q, words in lex["qualifiers"].items()
        }
        self._qualifier_after = {
            Qualifier(q): re.compile(rf"(?:-|\s+)?(?:{alternation(words)})(?![\w])", re.IGNORECASE)
            for q, words in lex["post_qualifiers"].items()
        }
        joiners = alternation(lex["range_joiners"])
        self._joiner = re.compile(rf"\A\s*(?:{joiners})\s*\Z", re.IGNORECASE)
        # "rose from 100 to 300" is a change between two figures, not a range.
        self._change_before = re.compile(
            rf"(?<![\w-])(?:{alternation(lex['change_words'])})\b[^.;:]{{0,40}}\Z", re.IGNORECASE
        )
        self._openers = {
            opener: (re.compile(rf"(?<![\w-]){opener}\s+\Z", re.IGNORECASE), closer)
            for opener, closer in lex["range_openers"].items()
        }
        signs = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True))
        self._currency_before = re.compile(rf"(?:{signs})\s?\Z")
        self._percent_after = re.compile(r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)", re.IGNORECASE)

    # -- atoms ------------------------------------------------------------------------------

    def _atoms(self, text: str) -> list[_Atom]:
        found = [*self._digit_atoms(text), *self._word_atoms(text), *self._vague_atoms(text)]
        # Where two readings overlap ("hundreds" as a vague word and "hundred" inside it), keep the longer.
        found.sort(key=lambda a: (a.start, -(a.end - a.start)))
        kept: list[_Atom] = []
        for atom in found:
            if kept and atom.start < kept[-1].end:
                continue
            kept.append(atom)
        return kept

    def _digit_atoms(self, text: str) -> list[_Atom]:
        atoms = []
        for m in self._digits.finditer(text):
            base = float(re.sub(r"[,\s\u202f]", "", m.group("num")))
            scale_word = m.group("scale") or m.group("suffix")
            scale = 1
            if m.group("scale"):
                scale = self.scales[_fold(scale_word)]
            elif m.group("suffix"):
                scale = self.suffixes[m.group("suffix").lower()]
            atoms.append(_Atom(m.start(), m.end(), base * scale, scaled=scale != 1, base=base))
        return atoms

    def _word_atoms(self, text: str) -> list[_Atom]:
        atoms = []
        for m in self._words.finditer(text):
            for start, end, value in self._split_words(text, m.start(), m.end()):
                atoms.append(_Atom(start, end, value, scaled=False, base=value, spelled=True))
        return atoms

    def _vague_atoms(self, text: str) -> list[_Atom]:
        atoms = []
        for m in self._vague.finditer(text):
            if m.group("word"):
                value = self.vague[_fold(m.group("word"))]
                # "scores" is a vague number only as "scores of"; otherwise it is a noun.
                if _fold(m.group("word")) == "scores" and not re.match(r"\s+of\b", text[m.end() :]):
                    continue
            else:
                value = self.scales[_fold(m.group("scale"))]
                if m.group("scale2"):
                    value *= self.scales[_fold(m.group("scale2"))]
            atoms.append(_Atom(m.start(), m.end(), value, scaled=False, base=value, vague=True))
        return atoms

    def _split_words(self, text: str, start: int, end: int) -> list[tuple[int, int, float]]:
        """The number word runs inside a match, each with its value ("one and two" is two numbers)."""
        tokens = [
            (m.start() + start, m.end() + start, m.group().lower()) for m in re.finditer(r"[A-Za-z]+", text[start:end])
        ]
        runs: list[tuple[int, int, float]] = []
        i = 0
        while i < len(tokens):
            j, value = self._longest_valid(tokens, i)
            if value is None:
                i += 1
                continue
            runs.append((tokens[i][0], tokens[j - 1][1], value))
            i = j
        return runs

    def _longest_valid(self, tokens: list[tuple[int, int, str]], i: int) -> tuple[int, float | None]:
        for j in range(len(tokens), i, -1):
            value = self.word_value([t[2] for t in tokens[i:j]])
            if value is not None:
                return j, value
        return i + 1, None

    def word_value(self, words: list[str]) -> float | None:
        """The value of number words ("two", "hundred", "and", "fifty") or None if they do not make one."""
        words = [w.lower() for w in words]
        if not words or words[-1] == "and" or words[0] == "and":
            return None
        if words[:2] == ["half", "a"]:
            rest = self.word_value(["a", *words[2:]])
            return rest / 2 if rest is not None else None
        if words[:1] in (["a"], ["an"]):
            if len(words) < 2 or words[1] not in self.scales:
                return None
            words = ["one", *words[1:]]
        return self._compose(words)

    def _compose(self, words: list[str]) -> float | None:
        total, current, last = 0, 0, None  # last: "unit", "tens", "scale", "and"
        for w in words:
            if w == "and":
                if last != "scale":
                    return None
                last = "and"
            elif w in self.units:
                value = self.units[w]
                if last in ("unit", "tens") and not (last == "tens" and value < 10):
                    return None  # "one two" is two numbers; "twenty five" is one
                current += value
                last = "tens" if w in self.tens else "unit"
            elif w in self.scales:
                if last is None or last == "and":
                    return None
                scale = self.scales[w]
                if scale >= 1000:
                    total += (current or 1) * scale
                    current = 0
                else:
                    current = (current or 1) * scale
                last = "scale"
            else:
                return None
        return float(total + current) if last is not None else None

    # -- quantities ---------------------------------------------------------------------------

    def find(self, text: str) -> list[Quantity]:
        """Every quantity expression in ``text``, in text order."""
        atoms = self._atoms(text)
        quantities: list[Quantity] = []
        i = 0
        while i < len(atoms):
            atom = atoms[i]
            upper = atoms[i + 1] if i + 1 < len(atoms) else None
            quantity = self._range(text, atom, upper) if upper else None
            if quantity:
                i += 2
            else:
                quantity = self._single(text, atom)
                i += 1
            quantities.append(self._qualified(text, self._units_around(text, quantity)))
        return quantities

    def _single(self, text: str, atom: _Atom) -> Quantity:
        return Quantity(
            start=atom.start,
            end=atom.end,
            number_start=atom.start,
            number_end=atom.end,
            value=atom.value,
            low=atom.value,
            high=atom.value,
            qualifier=Qualifier.AT_LEAST if atom.vague else Qualifier.EXACT,  # "dozens" is the least the word can mean
            vague=atom.vague,
            spelled=atom.spelled,
        )

    def _range(self, text: str, low: _Atom, high: _Atom) -> Quantity | None:
        """``low`` and ``high`` as one range ("1,000 to 1,500", "between 10 and 12 million"), or None."""
        if low.vague or high.vague:
            return None
        gap = text[low.end : high.start]
        start = low.start
        opened = False
        for opener, (opening, closer) in self._openers.items():
            before = opening.search(text, max(0, low.start - QUALIFIER_WINDOW), low.start)
            if before and re.fullmatch(rf"\s+{closer}\s+", gap, re.IGNORECASE):
                if opener == "from" and self._change_before.search(text, 0, before.start()):
                    return None
                start, opened = before.start(), True
                break
        if not opened and (not self._joiner.match(gap) or re.fullmatch(r"\s+and\s+", gap, re.IGNORECASE)):
            return None  # "and" joins a range only after "between"
        low_value = low.value
        if high.scaled and not low.scaled and low.base < high.base:
            low_value = low.base * (high.value / high.base)  # "10 to 12 million": the scale is shared
        if not low_value < high.value:
            return None  # ranges rise; "5 - 2024" is a date, "34 to 84" may not be, but "84 to 34" never is
        return Quantity(
            start=start,
            end=high.end,
            number_start=low.start,
            number_end=high.end,
            value=low_value,
            low=low_value,
            high=high.value,
            qualifier=Qualifier.RANGE,
            spelled=low.spelled and high.spelled,
        )

    def _qualified(self, text: str, q: Quantity) -> Quantity:
        """``q`` with the qualifier printed before or after it (a range keeps "range")."""
        window = text[max(0, q.start - QUALIFIER_WINDOW) : q.start]
        if q.qualifier != Qualifier.RANGE:
            best: tuple[int, Qualifier] | None = None
            for qualifier, pattern in self._qualifier_before.items():
                m = pattern.search(window)
                if m and (best is None or len(window) - m.start() > best[0]):
                    best = (len(window) - m.start(), qualifier)
            if best and self._topic_about.search(window):
                best = None  # "details about two soldiers": a topic, not an estimate
            if best:
                return replace(q, start=q.start - best[0], qualifier=best[1])
            for qualifier, pattern in self._qualifier_after.items():
                m = pattern.match(text, q.end)
                if m and not re.match(r"\d", text[m.end() : m.end() + 1]):
                    return replace(q, end=m.end(), qualifier=qualifier)
        return q

    def _units_around(self, text: str, q: Quantity) -> Quantity:
        """Currency signs before and percent signs after a number belong to the expression.

        Read before the qualifier, so that "up to $5m" finds "up to" in front of the sign.
        """
        sign = self._currency_before.search(text, max(0, q.number_start - 4), q.number_start)
        if sign and sign.end() == q.number_start:
            code = CURRENCY_SIGNS[sign.group().strip()]
            return replace(q, start=min(q.start, sign.start()), currency=code)
        percent = self._percent_after.match(text, q.end)
        if percent:
            return replace(q, end=percent.end(), percent=True)
        return q


def _fold(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


@cache
def default_reader() -> NumberReader:
    """The reader built from the packaged lexicon (built once per process)."""
    return NumberReader()


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity expression in ``text``, in text order (see ``NumberReader``)."""
    return default_reader().find(text)


def parse_number(text: str) -> float | None:
    """The value of one number as printed ("8,000", "1.5 million", "two dozen", "dozens"), or None."""
    found = find_quantities(text.strip())
    if len(found) != 1 or found[0].end - found[0].start != len(text.strip()):
        return None
    return found[0].value
