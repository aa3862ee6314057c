"""Findings over the values of the variables: agreement, disagreement, update, part exceeding whole, misquote.

The rules, with their reasons, are in docs/crosscheck.md. In short:

- *disagreement*: two values of one variable whose intervals are apart, at
  the same moment (``timing.same_moment``), from different groups; a toll
  that grew is not a disagreement (over days, or through one day by the
  documents' times of day: ``timing.rose_in_time``);
- *agreement*: a value backed by two or more groups, or two values whose
  intervals overlap at one moment, from different groups;
- *update*: one speaker gives a new value later (not for counts of events:
  another night's count is another event);
- *misquote*: one speaker, one statement (the same day, and the documents
  agree on another of its numbers), two values: a relay changed the number;
- *part_exceeds_whole*: a place's figure above the figure of a place that
  contains it, for the same subject, unit, modality and moment.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import combinations
from typing import Protocol

from .independence import Partition
from .intervals import overlap
from .model import Finding, FindingKind, Report, Value, Variable, VariableKey
from .moments import Moments, earlier_and_later, meeting
from .timing import STATEMENT_WINDOW_DAYS, MeasureKind, clock, days_between, measure_kind, rose_in_time, same_moment

#: How many sayings an agreement's explanation lists before "and N more".
SHOWN = 5


class Statements(Protocol):
    """Each document's reports of each named speaker, by (doc_id, speaker): what the speaker is quoted as
    saying there, in every variable (a misquote is told by the other numbers of one statement)."""

    def __getitem__(self, key: tuple[str, str], /) -> list[Report]: ...


def statements_of(reports: Iterable[Report]) -> Statements:
    found: defaultdict[tuple[str, str], list[Report]] = defaultdict(list)
    for report in reports:
        if report.named:
            found[(report.doc_id, report.speaker)].append(report)
    return found


def find_all(variables: list[Variable], statements: Statements) -> list[Finding]:
    """The findings of one family of variables (``VariableKey.family``), or of several: parts are compared
    with their wholes among the variables given."""
    findings: list[Finding] = []
    for variable in variables:
        groups = Partition([r for value in variable.values for r in value.reports])
        moments = {id(value): Moments(value, groups) for value in variable.values}
        findings.extend(disagreements(variable, groups, moments))
        findings.extend(agreements(variable, groups, moments))
        findings.extend(updates_and_misquotes(variable, statements))
    findings.extend(parts_exceeding_wholes(variables))
    return findings


# Disagreement


def disagreements(variable: Variable, groups: Partition, moments: dict[int, Moments]) -> Iterator[Finding]:
    measure = variable.key.measure
    for a, b in combinations(variable.values, 2):
        if overlap(_interval(a), _interval(b)):
            continue
        higher, lower = (a, b) if a.reports[0].low > b.reports[0].high else (b, a)
        if rose_in_time(measure, lower.reports, higher.reports):
            continue  # a toll counted again later the same day, higher
        pair = meeting(measure, moments[id(a)], moments[id(b)], groups)
        if pair is None and measure_kind(measure) is MeasureKind.TOLL:
            pair = earlier_and_later(moments[id(higher)], moments[id(lower)], groups)  # a toll that fell
        if pair is not None:
            reports = [*a.reports, *b.reports]
            explanation = f"{describe(pair[0])} vs {describe(pair[1])}"
            yield Finding(
                FindingKind.DISAGREEMENT, variable.key, reports, groups.count(reports), explanation, values=[a, b]
            )


def _interval(value: Value) -> tuple[float, float]:
    """A value's interval (its reports share it: same printed bounds and qualifier)."""
    return value.reports[0].low, value.reports[0].high


# Agreement


def agreements(variable: Variable, groups: Partition, moments: dict[int, Moments]) -> Iterator[Finding]:
    """A value backed by two or more independent groups at one moment, or two values overlapping at one."""
    measure = variable.key.measure
    for value in variable.values:
        if value.independent_sources >= 2 and meeting(measure, moments[id(value)], moments[id(value)], groups):
            yield _agreement(variable.key, value.reports, groups, [value])
    for a, b in combinations(variable.values, 2):
        if _open_ended(a) != _open_ended(b) or not overlap(_interval(a), _interval(b)):
            continue  # "at least 100" is not corroborated by "around 300": only not contradicted
        if meeting(measure, moments[id(a)], moments[id(b)], groups):
            yield _agreement(variable.key, [*a.reports, *b.reports], groups, [a, b])


def _agreement(key: VariableKey, reports: list[Report], groups: Partition, values: list[Value]) -> Finding:
    count = groups.count(reports)
    said = list(dict.fromkeys(describe(r) for r in reports))
    described = ", ".join(said[:SHOWN]) + (f" and {len(said) - SHOWN} more" if len(said) > SHOWN else "")
    return Finding(
        FindingKind.AGREEMENT, key, reports, count, f"{count} independent sources: {described}", values=values
    )


def _open_ended(value: Value) -> bool:
    return value.qualifier == "at_least"


def _same_statement(a: Report, b: Report, statements: Statements) -> bool:
    """Do two documents quote one statement of a speaker? They agree on another of its numbers, and
    neither tells a change (a document that gives the speaker's old and new value is not a relay of one)."""
    ours, theirs = statements[(a.doc_id, a.speaker)], statements[(b.doc_id, b.speaker)]
    if _tells_a_change(ours, a) or _tells_a_change(theirs, b):
        return False
    others = {(r.variable.measure, r.value) for r in ours if r is not a}
    return any((r.variable.measure, r.value) in others for r in theirs if r is not b)


def _tells_a_change(reports: list[Report], report: Report) -> bool:
    return any(r.variable == report.variable and r.value != report.value for r in reports)


def updates_and_misquotes(variable: Variable, statements: Statements) -> Iterator[Finding]:
    """One speaker, two values: later is an update; the same statement relayed with another number, a misquote."""
    by_speaker: dict[str, list[Report]] = defaultdict(list)
    for value in variable.values:
        for report in value.reports:
            if report.named and report.when:
                by_speaker[report.speaker].append(report)
    # A count of events belongs to its day: the same speaker's count of another night is another
    # event, not a revision (a revision of one night's count keeps that night's as_of).
    revisable = measure_kind(variable.key.measure) is not MeasureKind.EVENT
    for dated in by_speaker.values():
        dated.sort(key=lambda r: (r.when or "", clock(r.at), r.doc_id))
        if revisable:
            yield from _updates(variable.key, dated)
        yield from _misquotes(variable.key, dated, statements)


def _updates(key: VariableKey, dated: list[Report]) -> Iterator[Finding]:
    """Walk a speaker's reports in time: each new printed number, a day or more later, is an update.

    Printed numbers, not intervals: "at least 100" and later "about 300" overlap,
    but the speaker has moved its estimate, and that is what a reader follows.
    """
    current = dated[0]
    for report in dated[1:]:
        if report.value == current.value:
            continue
        if (days_between(current.when, report.when) or 0) > STATEMENT_WINDOW_DAYS:
            yield Finding(
                FindingKind.UPDATE, key, [current, report], 1, f"{describe(current)}, then {describe(report)}"
            )
            current = report


def _misquotes(key: VariableKey, dated: list[Report], statements: Statements) -> Iterator[Finding]:
    """Pairs of documents quoting one statement with two numbers; the number more documents give is the original."""
    support = Counter(r.value for r in dated)
    pairs: dict[tuple[float, float], list[Report]] = defaultdict(list)
    for a, b in _within_a_statement_window(dated):
        if a.doc_id == b.doc_id or a.value == b.value or overlap((a.low, a.high), (b.low, b.high)):
            continue
        if _same_statement(a, b, statements):
            # The number more documents give; else the one said directly; else the earlier, by day, then
            # by a time of day where one is known (a report with none is not taken for the earlier).
            original, relayed = sorted(
                (a, b), key=lambda r: (-support[r.value], bool(r.relays), r.when or "", r.at is None, clock(r.at))
            )
            found = pairs[(original.value, relayed.value)]
            found.extend(r for r in (original, relayed) if r not in found)
    for (said, relayed_as), reports in pairs.items():
        original = next(r for r in reports if r.value == said)
        relays = [r for r in reports if r.value == relayed_as]
        where = ", ".join(dict.fromkeys(_where(r) for r in relays))
        yield Finding(
            FindingKind.MISQUOTE,
            key,
            sorted(reports, key=lambda r: r.value != said),
            1,
            f"{original.speaker_label} said {original.text} ({format_date(original.when)}, "
            f"{support[said]} document{'s' if support[said] != 1 else ''}); {where} relayed it as {relays[0].text}",
        )


def _within_a_statement_window(dated: list[Report]) -> Iterator[tuple[Report, Report]]:
    """Pairs of reports (sorted by date) at most ``STATEMENT_WINDOW_DAYS`` apart: a window, not all pairs."""
    for position, first in enumerate(dated):
        for second in dated[position + 1 :]:
            if (days_between(first.when, second.when) or 0) > STATEMENT_WINDOW_DAYS:
                break
            yield first, second


# Part exceeding its whole


def parts_exceeding_wholes(variables: list[Variable]) -> Iterator[Finding]:
    """A place's figure above the figure of a place that contains it (same subject, unit, modality, moment)."""
    wholes: dict[tuple[str, str], list[Variable]] = defaultdict(list)
    for variable in variables:
        if variable.key.location:
            wholes[(variable.key.family, variable.key.location)].append(variable)
    for part in variables:
        parents = next((r.location_parents for v in part.values for r in v.reports), ())
        for parent in parents:
            for whole in wholes.get((part.key.family, parent), []):
                yield from _exceeding(part, whole)


def _exceeding(part: Variable, whole: Variable) -> Iterator[Finding]:
    for part_value in part.values:
        for whole_value in whole.values:
            pair = next(
                (
                    (p, w)
                    for p in part_value.reports
                    for w in whole_value.reports
                    if p.printed_low > _printed_top(w) and same_moment(part.key.measure, p.when, w.when)
                ),
                None,
            )
            if pair:
                p, w = pair
                reports = [*part_value.reports, *whole_value.reports]
                yield Finding(
                    FindingKind.PART_EXCEEDS_WHOLE,
                    part.key,
                    reports,
                    Partition(reports).count(reports),
                    f"{describe(p)} in {part.location_name or part.key.location} is more than "
                    f"{describe(w)} in all of {whole.location_name or whole.key.location}",
                )


def _printed_top(report: Report) -> float:
    """The most a figure says, read at its printed value: "roughly 10,000" is 10,000, "more than 10,000" unbounded."""
    return float("inf") if report.qualifier == "at_least" else report.printed_high


# Words


def describe(report: Report) -> str:
    """'around 8,000 (Antony Blinken, 31 Oct 2024)': what a journalist could paste."""
    return f"{report.text} ({report.speaker_label}, {format_date(report.when)})"


def format_date(when: str | None) -> str:
    if not when:
        return "undated"
    try:
        day = date.fromisoformat(when[:10])
    except ValueError:
        return when
    return f"{day.day} {day:%b %Y}"


def _where(report: Report) -> str:
    return report.outlet or "a document that names no outlet"
