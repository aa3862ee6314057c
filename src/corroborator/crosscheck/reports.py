"""Figures read for the cross-check: each becomes a ``Report`` with its variable, speaker, time and interval.

The extractor's records stay as they are; this is where the cross-check
decides what a figure is *of*: the subject's entity (a capital speaking for
its country), the place at the right level, the original speaker behind
the relays, the date that applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Document, Figure, Reference
from .copies import wire_credit
from .intervals import interval
from .model import UNNAMED, Report, VariableKey
from .parties import Belligerents, Side, judge
from .places import place_key
from .speakers import SpeakerIndex, relays_of, slug

#: Heads that name armed people without saying whose: "troops", "the soldiers". In a
#: document whose counted people belong to one country or group, they are its.
GENERIC_HEADS = frozenset(
    {
        "troops",
        "soldiers",
        "forces",
        "personnel",
        "fighters",
        "servicemen",
        "service members",
        "military",
        "men",
        "units",
    }
)
#: Measures whose generic subjects ("drones") belong to whoever tells them (see ``subject_key``).
TELLER_BOUND = frozenset({"launched", "intercepted", "destroyed", "damaged"})
_DETERMINERS = frozenset({"the", "a", "an", "some", "of", "these", "those", "its", "their", "his", "her"})
#: Measures whose generic subject ("troops") the document's one counted country owns, whoever speaks.
DOCUMENT_OWNED = frozenset({"present", "deployed"})
#: The key of ``_owners`` for the whole document, whoever speaks (no speaker's key has a space).
_ANY_SPEAKER = "any speaker"
#: Possessives that make the people counted the speaker's own ("its fighters", "our soldiers").
_POSSESSIVES = frozenset({"its", "their", "our"})
_POSSESSIVE_REACH = 8  # characters before a subject to look for one
#: Figures of these measures compare nothing across documents.
UNCOMPARABLE_MEASURES = frozenset({"other"})
_WORD = re.compile(r"[a-z]+")
#: A subject that only repeats the unit ("drones" of a count of drones) says no more than a generic head.
_UNIT_HEADS = frozenset({"drones", "drone", "missiles", "missile", "uavs", "shaheds"})


def read_reports(
    documents: Iterable[Document], index: SpeakerIndex, parties: Belligerents, clusters: dict[str, str]
) -> Iterator[Report]:
    """Every comparable figure of every document, once per document for the same value of the same variable
    (``clusters``: each document's copy cluster, from ``copies.copy_clusters``)."""
    for document in documents:
        cluster = clusters.get(document.doc_id)
        if cluster is not None:  # a document stored between the two readings waits for the next refresh
            yield from _DocumentReader(document, cluster, index, parties).reports()


class _DocumentReader:
    """One document's figures as reports: what the document knows of its speakers, owners and copies."""

    def __init__(self, document: Document, cluster: str, index: SpeakerIndex, parties: Belligerents) -> None:
        self.document, self.cluster, self.index, self.parties = document, cluster, index, parties
        self.claims = {c.id: c for c in document.claims}
        self.wire = wire_credit(document)
        self.owners = self._owners()
        self.voices = self._voices()
        self.places = self._places()  # figure id -> the place its document gives figures like it

    def reports(self) -> Iterator[Report]:
        chosen: dict[tuple[VariableKey, float, float, str], dict[str, Report]] = {}
        for figure in self.document.figures:
            report = self.report(figure)
            if report is not None:
                _keep_once(chosen.setdefault(_value_key(report), {}), report)
        for by_speaker in chosen.values():
            yield from by_speaker.values()

    def report(self, figure: Figure) -> Report | None:
        if figure.subject is None or figure.measure in UNCOMPARABLE_MEASURES:
            return None
        speaker = self.speaker(figure)
        owner = (
            self.owners.get((figure.unit, self.source_key(figure)))
            or self._speakers_own(figure, speaker)
            or (self.owners.get((figure.unit, _ANY_SPEAKER)) if figure.measure in DOCUMENT_OWNED else None)
        )
        teller = speaker.key if speaker.named else self.cluster
        location, location_parents = place_key(figure.location)
        if location is None:
            location, location_parents = self.places.get(figure.id) or (None, ())
        subject = subject_key(figure.subject, owner, self.parties, teller, figure.measure, location is not None)
        if figure.claim is None and subject in self.voices:
            speaker = self.voices[subject]  # an unattributed figure in a story told in one voice
        subject_sides = self.parties.sides_of_entity(subject)
        interested, admitted = judge(speaker.sides, subject_sides, figure.measure, figure.subject.text)
        low, high = interval(figure.value, figure.low, figure.high, figure.qualifier)
        meta = self.document.metadata
        when = figure.as_of or meta.published
        return Report(
            doc_id=self.document.doc_id,
            figure=figure.id,
            variable=VariableKey(subject, figure.measure, location, figure.unit, figure.modality),
            text=figure.text,
            value=figure.value,
            qualifier=figure.qualifier,
            printed_low=figure.low,
            printed_high=figure.high,
            low=low,
            high=high,
            vague=figure.vague,
            when=when,
            at=meta.published_at if when and when == meta.published else None,  # the document's time of that day
            speaker=speaker.key,
            speaker_label=speaker.label,
            relays=speaker.relays,
            outlet=self.document.metadata.outlet,
            wire=self.wire,
            copy_cluster=self.cluster,
            government=speaker.government,
            location_parents=location_parents,
            part_of=figure.part_of,
            interested=interested,
            admitted=admitted,
        )

    def speaker(self, figure: Figure) -> _Speaker:
        """Who says a figure: the original speaker behind the relays, and what the parties' data knows of it."""
        claim = self.claims.get(figure.claim) if figure.claim else None
        relays: list[str] = []
        if claim is None:
            key, label, words = UNNAMED, "unattributed", None
        else:
            key = self.index.key(claim.source, self.document)
            label = self.index.label(key, claim.source) if key != UNNAMED else (claim.source.text or "unnamed source")
            relays = relays_of(claim, self.claims, self.index, self.document)
            words = claim.source.text
        forwarded = self.document.metadata.relayed_from
        if forwarded and key == UNNAMED:  # a forwarded post speaks for the channel it came from
            key, label = slug(forwarded), forwarded
        elif forwarded:
            relays.append(slug(forwarded))
        named = key != UNNAMED
        sides = self.parties.sides_of_entity(key) if self.parties.is_official(key) else ()
        if not sides:  # an unnamed source, or a name the gazetteer lacks ("US Central Command")
            sides = self.parties.sides_of_words(words or label)
        government = self.parties.government_of(key if named else None, words or label)
        return _Speaker(key, label, tuple(relays), sides, government)

    def source_key(self, figure: Figure) -> str:
        claim = self.claims.get(figure.claim) if figure.claim else None
        return self.index.key(claim.source, self.document) if claim else UNNAMED

    def _owners(self) -> dict[tuple[str | None, str], str]:
        """Per unit and speaker, the one country or armed group whose people (or drones) the speaker counts.

        Per speaker, because two sides count each other's drones in one article: the
        "drones" a ministry says it shot down are not those its enemy says it lost. Under
        ``_ANY_SPEAKER``, the one the whole document counts: a story about one country's
        troops that gives a speaker's "8,000 troops in Kursk" means that country's, for troops
        present or deployed (``DOCUMENT_OWNED``). Not for tolls, where a figure whose subject was
        carried over from another speaker's sentence would make a false disagreement, nor for
        munitions fired, which stay per speaker.
        """
        counted: dict[tuple[str | None, str], set[str]] = {}
        for figure in self.document.figures:
            entity = entity_subject(figure.subject, self.parties)
            if entity and _is_country_or_group(entity, self.parties):
                counted.setdefault((figure.unit, self.source_key(figure)), set()).add(entity)
                counted.setdefault((figure.unit, _ANY_SPEAKER), set()).add(entity)
        return {key: owners.pop() for key, owners in counted.items() if len(owners) == 1}

    def _speakers_own(self, figure: Figure, speaker: _Speaker) -> str | None:
        """ "three of its fighters", "our soldiers": a possessive before the subject points back at the
        speaker, whose own people they are (the group or country it is, else the one it speaks for)."""
        if figure.subject is None or figure.subject.span is None:
            return None
        before = self.document.text[max(0, figure.subject.span[0] - _POSSESSIVE_REACH) : figure.subject.span[0]]
        words = before.lower().split()
        if not words or words[-1] not in _POSSESSIVES:
            return None
        if speaker.named and _is_country_or_group(speaker.key, self.parties):
            return speaker.key
        return speaker.government

    def _places(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Per measure and unit, the one place the document gives its placed figures.

        A story about one strike places its first toll and then gives the other side's count, or
        the interceptions after the launches, without naming the place again ("he said three of
        its fighters had been killed"; "18 of the drones were shot down"): an unplaced figure is
        read where the document's figures of its measure are, else of its unit, when they are
        all in one place. Two places, and the figure stays unplaced. A part gives no place and a whole
        takes none: "72 of the drones, 31 of them over the capital" puts the 31 there, not the 72.
        """
        wholes = {figure.part_of for figure in self.document.figures if figure.part_of}
        givers = [f for f in self.document.figures if not f.part_of]
        by_measure: dict[tuple[str, str | None], set[tuple[str, tuple[str, ...]]]] = {}
        by_unit: dict[str | None, set[tuple[str, tuple[str, ...]]]] = {}
        for figure in givers:
            location, parents = place_key(figure.location)
            if location is not None and figure.measure not in UNCOMPARABLE_MEASURES:
                by_measure.setdefault((figure.measure, figure.unit), set()).add((location, parents))
                by_unit.setdefault(figure.unit, set()).add((location, parents))
        places: dict[str, tuple[str, tuple[str, ...]]] = {}
        for figure in givers:
            if figure.id in wholes:
                continue
            found = by_measure.get((figure.measure, figure.unit)) or by_unit.get(figure.unit) or set()
            if figure.location is None and len({location for location, _ in found}) == 1:
                places[figure.id] = next(iter(found))
        return places

    def _voices(self) -> dict[str, _Speaker]:
        """Per subject, the one named speaker the document quotes on it.

        A story that gives a speaker's figures and then one more without a new source
        ("...at least 100 killed, up from...") still speaks in that voice.
        """
        speakers: dict[str, dict[str, Figure]] = {}
        for figure in self.document.figures:
            subject = entity_subject(figure.subject, self.parties)
            if figure.claim and subject and (key := self.source_key(figure)) != UNNAMED:
                speakers.setdefault(subject, {})[key] = figure
        return {
            subject: self.speaker(next(iter(by_speaker.values())))
            for subject, by_speaker in speakers.items()
            if len(by_speaker) == 1
        }


@dataclass(frozen=True, slots=True)
class _Speaker:
    key: str
    label: str
    relays: tuple[str, ...]
    sides: tuple[Side, ...]
    government: str | None

    @property
    def named(self) -> bool:
        return self.key != UNNAMED


def _value_key(report: Report) -> tuple[VariableKey, float, float, str]:
    return (report.variable, report.printed_low, report.printed_high, report.qualifier)


def _keep_once(by_speaker: dict[str, Report], report: Report) -> None:
    """One report per speaker for a value in a document: a headline and its sentence are one report, and
    an unattributed repeat of a named speaker's number is that speaker's."""
    if report.speaker in by_speaker or (not report.named and by_speaker):
        return
    if report.named:
        by_speaker.pop(UNNAMED, None)
    by_speaker[report.speaker] = report


def subject_key(
    subject: Reference, owner: str | None, parties: Belligerents, teller: str, measure: str, placed: bool
) -> str:
    """Whose figure it is: the subject's entity (a capital stands for its country), else the party or
    country its words name ("Houthi fighters"), else its owner, else its words.

    Words that name nothing ("people", "civilian") make a subject shared across speakers
    only where the figure has a place: "16 people killed" with no place may be any
    strike of the day, so it stays per teller (the speaker, or the story when nobody is
    named). Munitions launched or shot down stay per teller always: the "drones" one
    side's air defence shot down and the "drones" its enemy lost are not one variable.
    """
    entity = entity_subject(subject, parties) or parties.entity_of_words(subject.text)
    if entity:
        return entity
    words = _plain_words(subject.text)
    if owner and (words in GENERIC_HEADS or words.rpartition(" ")[2] in GENERIC_HEADS or words in _UNIT_HEADS):
        return owner
    key = slug(_singular(words)) or "unknown"
    return f"{key}~{teller}" if measure in TELLER_BOUND or not placed else key


def _plain_words(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.lower()) if w not in _DETERMINERS)


def _singular(words: str) -> str:
    """The last word singular, for keys ("fighters" and "fighter" are one subject): a rule for English plurals."""
    head, _, last = words.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return f"{head} {last}".strip()


def entity_subject(subject: Reference | None, parties: Belligerents) -> str | None:
    if subject is None or not subject.entity:
        return None
    entry = parties.gazetteer.get(subject.entity)
    return entry.capital_of if entry is not None and entry.capital_of else subject.entity


def _is_country_or_group(entity: str, parties: Belligerents) -> bool:
    entry = parties.gazetteer.get(entity)
    return entry is not None and (entry.is_country or entry.kind == "group")
