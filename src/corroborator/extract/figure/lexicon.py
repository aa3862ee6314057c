"""The word lists of the figures extractor, read once from ``data/lexicon``.

``units.json`` says what a noun counts, ``measures.json`` what a governing word
measures, ``figures.json`` the context words (modality, places, prepositions,
identifiers). Everything is folded to lower case here so that lookups are
plain set and dict membership.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ...records import Measure
from .numbers import load_lexicon, without_comments

ANY_CLASS = "*"  # in measures.json: the measure for every unit class not named

#: The figures component's data files: the number reader's, then the three this module builds a ``Lexicon`` of.
NUMBERS_FILE = "numbers.json"
LEXICON_FILES = ("units.json", "measures.json", "figures.json")


@dataclass(frozen=True, slots=True)
class Lexicon:
    unit_of: dict[str, str]  # noun (lower case) -> unit
    class_of: dict[str, str]  # unit -> unit class (people, munitions, equipment, distance, money, percent)
    groups: frozenset[str]
    activities: frozenset[str]
    durations: frozenset[str]
    glued: frozenset[str]
    strong: frozenset[str]
    measures: dict[str, dict[str, Measure]]  # word -> {unit class or "*": measure}
    phrases: dict[tuple[str, str], dict[str, Measure]]  # (verb lemma, next word) -> {class: measure}
    combined: dict[frozenset[Measure], Measure]
    ground: frozenset[str]
    refuge_verbs: frozenset[str]
    refuges: frozenset[str]
    sheltering_verbs: frozenset[str]
    shelters: frozenset[str]
    leaving_verbs: frozenset[str]
    homes: frozenset[str]
    loss_verbs: frozenset[str]
    outcome_verbs: frozenset[str]
    by_sentence: frozenset[str]
    by_unit_class: dict[str, Measure]
    planned: frozenset[str]
    possible: frozenset[str]
    reporting: frozenset[str]
    value_verbs: frozenset[str]
    partitive: frozenset[str]
    count_nouns: frozenset[str]
    pronouns: frozenset[str]
    place_nouns: frozenset[str]
    static_preps: frozenset[str]
    directional_preps: frozenset[str]
    reference_preps: frozenset[str]
    identifier_labels: frozenset[str]
    age_words: frozenset[str]
    furniture: frozenset[str]
    event_nouns: frozenset[str]
    value_of_subject: frozenset[str]
    clock_words: frozenset[str]
    measure_nouns: frozenset[str]
    heading_max_words: int
    context_chars: int

    def unit_class(self, unit: str | None) -> str | None:
        return self.class_of.get(unit) if unit else None

    def measure_of(self, word: str, unit_class: str | None) -> Measure | None:
        """The measure ``word`` gives a figure of ``unit_class``, or None if it says nothing about it."""
        return _by_class(self.measures.get(word), unit_class)

    def phrase_measure(self, lemma: str, following: str, unit_class: str | None) -> Measure | None:
        return _by_class(self.phrases.get((lemma, following)), unit_class)


def _by_class(table: dict[str, Measure] | None, unit_class: str | None) -> Measure | None:
    if not table:
        return None
    if unit_class and unit_class in table:
        return table[unit_class]
    return table.get(ANY_CLASS)


def _as_table(entry: str | dict[str, str]) -> dict[str, Measure]:
    """A measure for every class (``"killed"``), or one per class; the names must be the SPEC's measures."""
    if isinstance(entry, str):
        return {ANY_CLASS: Measure(entry)}
    return {cls: Measure(measure) for cls, measure in entry.items()}


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def build_lexicon(units: dict[str, Any], measures: dict[str, Any], figures: dict[str, Any]) -> Lexicon:
    unit_of = {noun.lower(): unit for unit, nouns in units["nouns"].items() for noun in nouns}
    class_of = {unit: cls for cls, members in units["classes"].items() for unit in members}
    phrases = {}
    for phrase, entry in measures["phrases"].items():
        verb, _, following = phrase.partition(" ")
        phrases[(verb, following)] = _as_table(entry)
    return Lexicon(
        unit_of=unit_of,
        class_of=class_of,
        groups=_words(units["groups"]),
        activities=_words(units["activities"]),
        durations=_words(units["durations"]),
        glued=_words(units["glued"]),
        strong=_words(units["strong"]),
        measures={word.lower(): _as_table(entry) for word, entry in measures["words"].items()},
        phrases=phrases,
        combined={frozenset(Measure(p) for p in parts): Measure(result) for *parts, result in measures["combined"]},
        ground=_words(measures["ground"]),
        refuge_verbs=_words(measures["refuge"]["verbs"]),
        refuges=_words(measures["refuge"]["places"]),
        sheltering_verbs=_words(measures["sheltering"]["verbs"]),
        shelters=_words(measures["sheltering"]["places"]),
        leaving_verbs=_words(measures["leaving"]["verbs"]),
        homes=_words(measures["leaving"]["places"]),
        loss_verbs=_words(measures["loss_verbs"]),
        outcome_verbs=_words(measures["outcome_verbs"]),
        by_sentence=_words(measures["by_sentence"]),
        by_unit_class={cls: Measure(measure) for cls, measure in measures["by_unit_class"].items()},
        planned=_words(figures["planned"]),
        possible=_words(figures["possible"]),
        reporting=_words(figures["reporting"]),
        value_verbs=_words(figures["value_verbs"]),
        partitive=_words(figures["partitive"]),
        count_nouns=_words(figures["count_nouns"]),
        pronouns=_words(figures["pronouns"]),
        place_nouns=_words(figures["place_nouns"]),
        static_preps=_words(figures["static_prepositions"]),
        directional_preps=_words(figures["directional_prepositions"]),
        reference_preps=_words(figures["reference_prepositions"]),
        identifier_labels=_words(figures["identifier_labels"]),
        age_words=_words(figures["age_words"]),
        furniture=_words(figures["furniture"]),
        event_nouns=_words(figures["event_nouns"]),
        value_of_subject=_words(figures["value_of_subject"]),
        clock_words=_words(figures["clock_words"]),
        measure_nouns=_words(figures["measure_nouns"]),
        heading_max_words=int(figures["heading_max_words"]),
        context_chars=int(figures["context_chars"]),
    )


def read_files(folder: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """The component's data by file name: each file from ``folder`` where it holds it, else the shipped one."""
    data = {}
    for name in (NUMBERS_FILE, *LEXICON_FILES):
        path = Path(folder) / name if folder else None
        if path is not None and path.exists():
            data[name] = without_comments(json.loads(path.read_text(encoding="utf-8")))
        else:
            data[name] = load_lexicon(name)
    return data


def lexicon_of(data: dict[str, dict[str, Any]]) -> Lexicon:
    """The ``Lexicon`` of ``read_files``' data."""
    return build_lexicon(*(data[name] for name in LEXICON_FILES))


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    return build_lexicon(load_lexicon("units.json"), load_lexicon("measures.json"), load_lexicon("figures.json"))
