"""The ledger: variables with their values, each value's independent groups and grade, low / best / high.

Conflict-data practice, as the README of docs/crosscheck.md gives it:

- low / best / high over a variable's latest values (UCDP): low is the most
  conservative bound, high the largest finite one, best the value with the
  most independent support (ties: the latest, then the lower), never an average;
- a grade per value after Airwars: ``confirmed`` (the party concerned admits
  it), ``contested`` (an independent source disagrees), ``fair`` (two or more
  independent sources), ``weak`` (one);
- ``interested_party`` where every source is a party to the fighting speaking
  of its own success or the enemy's losses: shown, and left out of low / best
  / high when any other source gives the variable a value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .findings import Statements, find_all, statements_of
from .independence import group_reports
from .model import Finding, FindingKind, Grade, Ledger, Report, Speaker, Value, Variable, VariableKey
from .timing import LEVEL_WINDOW_DAYS, WINDOW_DAYS, MeasureKind, days_between, measure_kind, order_key


def build_variables(reports: Iterable[Report], names: dict[str, str]) -> list[Variable]:
    by_variable: dict[VariableKey, dict[tuple[float, float, str], list[Report]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for report in reports:
        by_variable[report.variable][(report.printed_low, report.printed_high, report.qualifier)].append(report)
    variables = []
    for key, by_value in by_variable.items():
        values = [_value(reports) for reports in by_value.values()]
        values.sort(key=lambda v: (order_key(v.when), v.value))
        variables.append(
            Variable(key, values, subject_name=names.get(key.subject), location_name=names.get(key.location or ""))
        )
    variables.sort(key=most_reported_first)
    return variables


def _value(reports: list[Report]) -> Value:
    reports = sorted(reports, key=lambda r: (order_key(r.when), r.doc_id))
    first = reports[0]
    return Value(
        value=first.value,
        low=first.printed_low,
        high=first.printed_high,
        qualifier=first.qualifier,
        when=first.when,
        reports=reports,
        groups=group_reports(reports),
        interested_party=all(r.interested for r in reports),
    )


def grade(variables: list[Variable], contested: set[int]) -> None:
    """Each value's grade; ``contested`` holds the ids of the values a disagreement names."""
    for variable in variables:
        for value in variable.values:
            if any(r.admitted for r in value.reports):
                value.grade = Grade.CONFIRMED
            elif id(value) in contested:
                value.grade = Grade.CONTESTED
            elif value.independent_sources >= 2:
                value.grade = Grade.FAIR
            else:
                value.grade = Grade.WEAK


def estimate(variable: Variable) -> None:
    """low / best / high over the latest values (see the module's docstring)."""
    values = [v for v in variable.values if not v.interested_party] or variable.values
    latest = _latest(variable.key.measure, values)
    if not latest:
        return
    variable.low = min(v.low for v in latest)
    variable.high = max(v.high if v.qualifier != "at_least" else v.low for v in latest)
    best = max(latest, key=lambda v: (v.independent_sources, order_key(v.when)[0] == 0, v.when or "", -v.value))
    variable.best = best.value


def _latest(measure: str, values: list[Value]) -> list[Value]:
    """The values of the latest moment, and the undated ones (they may be of any moment)."""
    if measure_kind(measure) is MeasureKind.CONSTANT:
        return values
    dates = [r.when for v in values for r in v.reports if r.when]
    if not dates:
        return values
    newest = max(dates)
    window = WINDOW_DAYS[measure_kind(measure)] if measure_kind(measure) is MeasureKind.EVENT else LEVEL_WINDOW_DAYS
    return [
        v for v in values if any(r.when is None or (days_between(r.when, newest) or 0) <= window for r in v.reports)
    ]


def assemble_family(reports: list[Report], names: dict[str, str], statements: Statements) -> Family:
    """One family's variables (``VariableKey.family``), graded and estimated, and their findings: what a
    refresh recomputes when one of the family's reports changes, and nothing outside it."""
    variables = build_variables(reports, names)
    findings = find_all(variables, statements)
    contested = {
        id(value) for finding in findings if finding.kind is FindingKind.DISAGREEMENT for value in finding.values
    }
    grade(variables, contested)
    for variable in variables:
        estimate(variable)
    return Family(variables, findings)


@dataclass(frozen=True, slots=True)
class Family:
    variables: list[Variable]
    findings: list[Finding]


def by_family(reports: Iterable[Report]) -> dict[str, list[Report]]:
    """The reports by family, families in the order of their keys (the order findings are listed in)."""
    families: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        families[report.variable.family].append(report)
    return dict(sorted(families.items()))


def assemble(reports: list[Report], names: dict[str, str], speakers: dict[str, Speaker]) -> Ledger:
    """The ledger of a corpus held in memory: family by family, as a store's refresh computes it."""
    statements = statements_of(reports)
    variables: list[Variable] = []
    findings: list[Finding] = []
    for members in by_family(reports).values():
        family = assemble_family(members, names, statements)
        variables.extend(family.variables)
        findings.extend(family.findings)
    variables.sort(key=most_reported_first)
    return Ledger(variables=variables, findings=findings, speakers=speakers)


def most_reported_first(variable: Variable) -> tuple[int, str]:
    return (-sum(len(value.reports) for value in variable.values), variable.id)
