"""Figures read for the cross-check: each becomes a ``Report`` with its variable, speaker, time and interval.

The extractor's records stay as they are; this is where the cross-check
decides what a figure is *of*: the subject's entity (a capital speaking for
its country), the place at the right level, the original speaker behind
the relays, the date that applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..records import Claim, Document, Figure, Reference
from .copies import copy_clusters, wire_credit
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
#: Figures of these measures compare nothing across documents.
UNCOMPARABLE_MEASURES = frozenset({"other"})
_WORD = re.compile(r"[a-z]+")
#: A subject that only repeats the unit ("drones" of a count of drones) says no more than a generic head.
_UNIT_HEADS = frozenset({"drones", "drone", "missiles", "missile", "uavs", "shaheds"})


def read_reports(documents: list[Document], index: SpeakerIndex, parties: Belligerents) -> Iterator[Report]:
    """Every comparable figure of every document, once per document for the same value of the same variable."""
    clusters = copy_clusters(documents)
    for document in documents:
        yield from _document_reports(document, clusters[document.doc_id], index, parties)


def _document_reports(document: Document, cluster: str, index: SpeakerIndex, parties: Belligerents) -> Iterator[Report]:
    claims = {c.id: c for c in document.claims}
    wire = wire_credit(document)
    owners = _owners(document.figures, claims, index, document, parties)
    voices = _voices(document, claims, index, parties)
    chosen: dict[tuple[VariableKey, float, float, str], dict[str, Report]] = {}
    for figure in document.figures:
        owner = owners.get((figure.unit, _claim_source(figure, claims, index, document)))
        report = _report(figure, document, claims, owner, cluster, wire, index, parties)
        if report is not None and figure.claim is None and report.variable.subject in voices:
            report = _spoken_by(report, voices[report.variable.subject])
        if report is not None:
            _keep_once(chosen.setdefault(_value_key(report), {}), report)
    for by_speaker in chosen.values():
        yield from by_speaker.values()


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


def _report(
    figure: Figure,
    document: Document,
    claims: dict[str, Claim],
    owner: str | None,
    cluster: str,
    wire: str | None,
    index: SpeakerIndex,
    parties: Belligerents,
) -> Report | None:
    if figure.subject is None or figure.measure in UNCOMPARABLE_MEASURES:
        return None
    speaker, label, relays, speaker_sides, government = _speaker(figure, document, claims, index, parties)
    subject = subject_key(figure.subject, owner, parties, speaker if speaker != UNNAMED else cluster)
    location, location_parents = place_key(figure.location)
    variable = VariableKey(subject, figure.measure, location, figure.unit, figure.modality)
    interested, admitted = judge(speaker_sides, parties.sides_of_entity(subject), figure.measure)
    low, high = interval(figure.value, figure.low, figure.high, figure.qualifier)
    return Report(
        doc_id=document.doc_id,
        figure=figure.id,
        variable=variable,
        text=figure.text,
        value=figure.value,
        qualifier=figure.qualifier,
        printed_low=figure.low,
        printed_high=figure.high,
        low=low,
        high=high,
        vague=figure.vague,
        when=figure.as_of or document.metadata.published,
        speaker=speaker,
        speaker_label=label,
        relays=tuple(relays),
        outlet=document.metadata.outlet,
        wire=wire,
        copy_cluster=cluster,
        government=government,
        location_parents=location_parents,
        part_of=figure.part_of,
        interested=interested,
        admitted=admitted,
    )


def _speaker(
    figure: Figure, document: Document, claims: dict[str, Claim], index: SpeakerIndex, parties: Belligerents
) -> tuple[str, str, list[str], tuple[Side, ...], str | None]:
    """The original speaker (key and label), the relays, the sides it is on, the government it speaks for."""
    claim = claims.get(figure.claim) if figure.claim else None
    relays: list[str] = []
    if claim is None:
        speaker, label, words = UNNAMED, "unattributed", None
    else:
        speaker = index.key(claim.source, document)
        label = index.label(speaker, claim.source) if speaker != UNNAMED else (claim.source.text or "unnamed source")
        relays = relays_of(claim, claims, index, document)
        words = claim.source.text
    forwarded = document.metadata.relayed_from
    if forwarded:
        if speaker == UNNAMED:  # a forwarded post speaks for the channel it came from
            speaker, label = slug(forwarded), forwarded
        else:
            relays.append(slug(forwarded))
    named = speaker != UNNAMED
    sides = parties.sides_of_entity(speaker) if parties.is_official(speaker) else ()
    if not sides and not named:
        sides = parties.sides_of_words(words)
    government = parties.government_of(speaker if named else None, words)
    return speaker, label, relays, sides, government


def subject_key(subject: Reference, owner: str | None, parties: Belligerents, teller: str) -> str:
    """Whose figure it is: the subject's entity (a capital stands for its country), else its owner, else its words.

    Words that name no entity ("drones", "civilians") are kept apart per teller (the
    speaker, or the story when nobody is named): a count of "drones" shot down by
    one side's air defence and a count of "drones" by the other's are not one
    variable, and nothing in the words says whose they are.
    """
    entity = entity_subject(subject, parties)
    if entity:
        return entity
    words = " ".join(_WORD.findall(subject.text.lower()))
    if owner and (words in GENERIC_HEADS or words.rpartition(" ")[2] in GENERIC_HEADS or words in _UNIT_HEADS):
        return owner
    return f"{slug(words) or 'unknown'}~{teller}"


def entity_subject(subject: Reference | None, parties: Belligerents) -> str | None:
    if subject is None or not subject.entity:
        return None
    entry = parties.gazetteer.get(subject.entity)
    return entry.capital_of if entry is not None and entry.capital_of else subject.entity


def _voices(
    document: Document, claims: dict[str, Claim], index: SpeakerIndex, parties: Belligerents
) -> dict[str, Report]:
    """Per subject, the one named speaker a document quotes on it, as a report to borrow from.

    A story that gives a speaker's figures and then one more without a new source
    ("...at least 100 killed, up from...") still speaks in that voice.
    """
    speakers: dict[str, dict[str, Figure]] = {}
    for figure in document.figures:
        claim = claims.get(figure.claim) if figure.claim else None
        if claim is None or figure.subject is None or not figure.subject.entity:
            continue
        key = index.key(claim.source, document)
        if key != UNNAMED:
            speakers.setdefault(entity_subject(figure.subject, parties) or "", {})[key] = figure
    found: dict[str, Report] = {}
    for subject, by_speaker in speakers.items():
        if len(by_speaker) == 1:
            figure = next(iter(by_speaker.values()))
            report = _report(figure, document, claims, None, "", None, index, parties)
            if report is not None:
                found[subject] = report
    return found


def _spoken_by(report: Report, voice: Report) -> Report:
    return replace(
        report,
        speaker=voice.speaker,
        speaker_label=voice.speaker_label,
        relays=voice.relays,
        government=voice.government,
        interested=voice.interested if report.variable.measure == voice.variable.measure else report.interested,
    )


def _owners(
    figures: Iterable[Figure], claims: dict[str, Claim], index: SpeakerIndex, document: Document, parties: Belligerents
) -> dict[tuple[str | None, str], str]:
    """Per unit and speaker, the one country or armed group whose people (or drones) the speaker counts.

    Per speaker, because two sides count each other's drones in one article: the
    "drones" a ministry says it shot down are not those its enemy says it lost.
    """
    counted: dict[tuple[str | None, str], set[str]] = {}
    for figure in figures:
        entity = entity_subject(figure.subject, parties)
        if entity and _is_country_or_group(entity, parties):
            counted.setdefault((figure.unit, _claim_source(figure, claims, index, document)), set()).add(entity)
    return {key: owners.pop() for key, owners in counted.items() if len(owners) == 1}


def _claim_source(figure: Figure, claims: dict[str, Claim], index: SpeakerIndex, document: Document) -> str:
    claim = claims.get(figure.claim) if figure.claim else None
    return index.key(claim.source, document) if claim else UNNAMED


def _is_country_or_group(entity: str, parties: Belligerents) -> bool:
    entry = parties.gazetteer.get(entity)
    return entry is not None and (entry.is_country or entry.kind == "group")
