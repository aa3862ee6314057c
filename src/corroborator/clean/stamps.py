"""What a page prints about its own story at the head of the body: datelines and stamps.

A dateline opens the first paragraph with the place the story was filed from,
perhaps a date and the agency ("KYIV, Feb 23 (Reuters) -", "GAZA CITY —",
"Juba, March 3:"). It is page furniture glued to a sentence: the prefix goes
(into the audit), the sentence stays, and the place becomes metadata.

A stamp is a line that dates the page ("Updated: 03-02-2025 09:40 IST",
"Published on 12 March 2024, 10:15 GMT", "Wire | Geneva | Updated: ... |
Created: ..."); the date is read by ``dates.parse_stamp`` (dateparser); here
is only which lines are stamps and where their dates begin.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from ..dates import Stamp, parse_stamp
from ..settings import data_path
from .patterns import SENTENCE_END

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: "Feb 23", "March 3", "3 March", "Nov. 5, 2024": a day without a year, or with one.
_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?)"
#: "16th May, 2021", "May 16, 2021": a full date as a reprint's credit prints it.
_FULL_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
#: "(Reuters)", "(AP)", "(IANS)", "(Bayline)": the agency a wire copy credits.
_AGENCY = r"\((?P<agency>[A-Z][\w&.'’ -]{0,30})\)"
_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.-]+(?:[\s-][A-Z][a-z'’.-]+){0,3}"
#: ", Occupied Palestine", ", Ukraine": the country or region after the place.
_REGION = r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?"
_DASH = r"\s*[-–—]+\s+"
#: A dash glued to the sentence ("SEOUL--At", "GAZA CITY—The"): only after a place in capitals, since US copy
#: glues dashes to ordinary words ("Officials--Smith among them--said").
_GLUED_DASH = r"(?:--|—)"
#: What follows a dateline: a sentence, opening with a capital, a digit or a quote.
_SENTENCE = r"(?=[A-Z0-9\"“‘'(])"

#: The shapes of a dateline, each anchored at the start of the paragraph.
_DATELINES = (
    # "KYIV, Feb 23 (Reuters) -", "Juba, March 3:", "Seoul, Dec 16 The ..."
    re.compile(
        rf"^(?P<place>(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_REGION}),\s+{_DAY}\s*(?:{_AGENCY})?(?:{_DASH}|\s*:\s+|\s+{_SENTENCE})"
    ),
    # "MOSCOW, December 26. /TASS/.": the agency between slashes, as Russian wires print it
    re.compile(rf"^(?P<place>{_CAPS_PLACE}),\s+{_DAY}\.?\s*/(?P<agency>[A-Z][\w-]{{1,20}})/\.?\s+{_SENTENCE}"),
    # "GAZA CITY —", "BANGKOK:", "KYIV (Reuters) -", "GAZA STRIP, Occupied Palestine —"
    re.compile(rf"^(?P<place>{_CAPS_PLACE}{_REGION})\s*(?:{_AGENCY})?(?:{_DASH}|{_GLUED_DASH}|\s*:\s+){_SENTENCE}"),
    # "Gaza Strip, Palestinian Territories - ...", "Kharkiv (AFP) - ..."
    re.compile(rf"^(?P<place>{_TITLE_PLACE}{_REGION})\s*(?:{_AGENCY})?{_DASH}{_SENTENCE}"),
    # "(Reuters) -": the agency alone; "Aug 19 (Reuters) -": with its date
    re.compile(rf"^(?:{_DAY}\s*)?{_AGENCY}{_DASH}{_SENTENCE}"),
    # "GAZA (X News / Sputnik - 16th May, 2021) A ...": a reprint's credit and date in brackets, and no dash after
    re.compile(
        rf"^(?:(?P<place>{_CAPS_PLACE}(?:\s*/\s*{_CAPS_PLACE})*)\s*)?\((?P<agency>[A-Z][^()]{{1,60}}?)\s*[-–—,]\s*"
        rf"(?P<date>{_FULL_DAY})\)\s*{_SENTENCE}"
    ),
    # "(MENAFN- UkrinForm) Kharkiv ...": a syndicator's name and its source's
    re.compile(rf"^\((?P<agency>[A-Z]{{2,12}}\s*[-–—]\s*[A-Z][\w&.'’ /-]{{1,40}})\)\s+{_SENTENCE}"),
)
#: "Jerusalem: An Israeli strike ...": a known place's name and a colon; "Ramallah, The death toll ...": a comma
#: before a capitalised article, which no sentence would capitalise there.
_NAMED_PLACE_COLON = re.compile(rf"^(?P<place>{_TITLE_PLACE})(?::\s+{_SENTENCE}|,\s+(?=(?:The|A|An)\s))")

#: Capitals that open a paragraph as labels, not places: "UPDATE:", "BREAKING —".
_LABEL_WORDS = frozenset(
    "update updated breaking exclusive watch analysis opinion live editorial note video photos photo "
    "correction clarification warning fact check editor's editor’s urgent flash alert new read also listen "
    "q a faq explainer interview comment review summary".split()
)

#: "BY A STAFF REPORTER: Russia has ...", "World News Desk!!! At least ...": a capitalised byline or a desk's name glued
#: to the first sentence.
GLUED_BYLINE = re.compile(
    r"^(?:BY\s+[A-Z][A-Z .'’-]{2,60}:|(?:[A-Z][\w'’]*\s+){0,3}(?:News\s+)?Desk\s*(?:!+|:|[-–—|]))\s+(?=[A-Z\"“])"
)

#: A line of stamps is no longer than this ("Reuters | Geneva | Updated: ... | Created: ...").
_STAMP_LINE_MAX_CHARS = 120
#: What separates the parts of a line of stamps.
STAMP_PARTS = re.compile(r"\s+[|•·]\s+")
#: A part of a line of stamps may hold a few words more than its date: a section, a place, an agency.
_STAMP_PART_MAX_WORDS = 3
#: The words a date or a stamp is written with: labels, months, weekdays, numbers, times and their zones.
_DATE_WORDS = re.compile(
    r"\b(?:first\s+published|published|posted|created|last\s+updated|last\s+modified|updated|modified|edited|on|at"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september"
    r"|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|am|pm|a\.m|p\.m|gmt|utc|(?-i:[A-Z]{2,4}T|IST)|\d+(?:[:.h]\d+)*(?:am|pm|st|nd|rd|th)?)\b\.?",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")

#: A dateline's place has at most this many words (region aside).
_PLACE_MAX_WORDS = 4
#: The sentence after a dateline has at least this many words.
_REST_MIN_WORDS = 5


#: " date 2024-12-16 Gaza rescuers ...": a scraper's date field glued before the page's first line; a month alone
#: (" date 2021-05 ...") dates nothing.
_GLUED_DATE = re.compile(
    r"^date\s*:?\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s+(?=\S)",
    re.IGNORECASE,
)
#: "Briefing Notes, 7 June 2013", "Sunday 11 February 2024 05:55, UK": a date with a label or a place after a comma.
#: The label is a stamp's ("Notes", "Briefing", "Updated", a weekday): "Flight MH17, 17 July 2014" and "Kyiv, 24
#: February 2022" under a story name the day of an event or a letter, not the page's.
_LABELLED_DATE = re.compile(
    r"^(?:(?P<label>(?:[A-Z][\w'’]*\s+){0,2}(?:Notes?|Briefings?|Releases?|Statements?|Bulletin|Brief|Digest|Transcript"
    r"|Remarks|Updated?|Published|Posted)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),\s+)?"
    r"(?P<date>.*?\d.*?)(?:,\s+[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,2})?$"
)


#: A name set off by a comma before a date ("Kyiv, 24 February 2022"): a letter's place, or a stamp's label.
_NAME_COMMA = re.compile(r"^(?P<name>[A-Z][^\d,]{0,40}),\s+(?=\S*\d)")


@dataclass(frozen=True, slots=True)
class Dateline:
    prefix: str  # as printed, with its punctuation: "KYIV, Feb 23 (Reuters) - "
    place: str | None  # "Kyiv"; None for "(Reuters) -" alone
    stamp: Stamp | None = None  # the date a reprint's credit gives: "GAZA (X / Sputnik - 16th May, 2021)"


def dateline_of(line: str) -> Dateline | None:
    """The dateline that opens ``line``, if it opens with one and a sentence follows."""
    for pattern in _DATELINES:
        match = pattern.match(line)
        if match and _acceptable(match, line):
            date = match.groupdict().get("date")
            return Dateline(match.group(0), _place(match), parse_stamp(date) if date else None)
    match = _NAMED_PLACE_COLON.match(line)
    if match and _acceptable(match, line) and match["place"].casefold() in _known_places():
        return Dateline(match.group(0), _place(match))
    return None


def _acceptable(match: re.Match[str], line: str) -> bool:
    if len(line[match.end() :].split()) < _REST_MIN_WORDS:
        return False
    place = match.groupdict().get("place")
    if place is None:
        return True
    head = place.split(",")[0]
    return len(head.split()) <= _PLACE_MAX_WORDS and head.casefold() not in _LABEL_WORDS


def _place(match: re.Match[str]) -> str | None:
    place = match.groupdict().get("place")
    if not place:
        return None
    place = place.split("/")[0]  # "GAZA/TEL AVIV/MOSCOW": the first is where the story was filed
    return ", ".join(_readable(part.strip()) for part in place.split(","))


def _readable(name: str) -> str:
    """ "GAZA CITY" -> "Gaza City"; a name already in mixed case stays as printed."""
    return re.sub(r"[A-Za-z]+", lambda m: m[0].capitalize(), name) if name.isupper() else name


def is_known_place(name: str) -> bool:
    """Does the gazetteer list ``name`` as a country or a city ("Tel Aviv", "Gaza")?"""
    return name.strip().casefold() in _known_places()


@cache
def _known_places() -> frozenset[str]:
    """Names and aliases of the countries and cities the package's gazetteer lists, lower-cased.

    Read once, on the first "Place: ..." opening; a Title Case word before a colon
    ("Update:", "Zelensky:") is a dateline only when it names a place. The files are
    read as data: the cleaner does not import the analysis stage.
    """
    known: set[str] = set()
    folder = data_path("gazetteer")
    for name in ("countries.jsonl", "cities.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                known.update(alias.casefold() for alias in [entry["name"], *entry.get("aliases", [])])
    return frozenset(known)


def date_line_stamps(line: str, head: bool = True) -> list[Stamp] | None:
    """The stamps of a line that only dates the page, or None: "Monday, July 22, 2024", "WORLD | 11-03-2022 14:33",
    "AFP Published 13 Sep, 2024 12:38pm", "Reuters | Geneva | Updated: 29-01-2021 15:21 IST | Created: ...".

    Its parts (split at bars and bullets) are dates, labelled stamps or a few words of place, section or agency; one at
    least is a date. A headline that names a day ("Strikes resume on May 5, 2024") is not one: it says more. A name
    set off by a comma before the date is a stamp's label ("Briefing Notes, 7 June 2013"), or, at the ``head`` of the
    page, the place the story was filed from ("Kyiv, 24 February 2022"); a footer's "Kyiv, 24 February 2022" signs a
    letter, and "Flight MH17, 17 July 2014" names an event's day.
    """
    if len(line) > _STAMP_LINE_MAX_CHARS:
        return None
    stamps = []
    for part in STAMP_PARTS.split(line):
        n = len(_WORD.findall(part))
        rest = len(_WORD.findall(_DATE_WORDS.sub(" ", part)))
        named = (name := _NAME_COMMA.match(part)) is not None and not (head and is_known_place(name["name"]))
        stamp = (stamp_in(part) if rest < n and rest <= 1 and not named else None) or _labelled_stamp(part)
        if stamp is not None:
            stamps.append(stamp)
        elif n > _STAMP_PART_MAX_WORDS or SENTENCE_END.search(part):
            return None
    return stamps or None


def is_date_line(line: str) -> bool:
    return date_line_stamps(line) is not None


def stamp_in(text: str) -> Stamp | None:
    """The stamp a short text holds, from its first date word on ("AFP Published 13 Sep, 2024": the agency aside)."""
    start = _DATE_WORDS.search(text)
    return parse_stamp(text[start.start() :]) if start else None


def _labelled_stamp(part: str) -> Stamp | None:
    """The stamp of "Briefing Notes, 7 June 2013" or "Sunday 11 February 2024 05:55, UK": a date alone between a label
    and a place set off by commas."""
    match = _LABELLED_DATE.match(part)
    if match is None or _WORD.findall(_DATE_WORDS.sub(" ", match["date"])):
        return None
    return stamp_in(match["date"])


def glued_date(line: str) -> tuple[int, Stamp | None] | None:
    """Where a scraper's date field glued to ``line`` ends (" date 2024-12-16 Gaza ..."), and its date if it names a
    day; None where the line opens otherwise."""
    match = _GLUED_DATE.match(line)
    if match is None:
        return None
    return match.end(), parse_stamp(match["date"]) if len(match["date"]) == len("2024-12-16") else None
