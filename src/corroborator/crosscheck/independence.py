"""How many independent sources back a value: reports joined into groups that count once.

Two reports are one source when
- they have the same original speaker (relays resolved): "same speaker";
- their speakers are official voices of one government (a minister and his
  ministry's spokesperson speak from one set of information): "same government";
- their documents are copies of one story (``copies``): "copies of one story";
- neither names a speaker and they come from the same outlet or carry the
  same wire credit: "same outlet", "same wire credit".

Named speakers reported by one outlet stay apart: an article that quotes two
officials has two sources. Unnamed reports lean on the outlet that printed
them, so that is what they share.
"""

from __future__ import annotations

from collections import Counter

from .model import UNNAMED, Group, Report
from .unionfind import DisjointSets

#: What joins reports: ("speaker", key), ("outlet", name), ("copy", cluster), ...
Node = tuple[str, ...]

SAME_SPEAKER = "same speaker"
SAME_GOVERNMENT = "same government"
COPIES = "copies of one story"
SAME_OUTLET = "same outlet"
SAME_WIRE = "same wire credit"


def _links(report: Report) -> list[tuple[Node, str]]:
    links: list[tuple[Node, str]] = []
    if report.government:
        links.append((("government", report.government), SAME_GOVERNMENT))
    if report.named:
        links.append((("speaker", report.speaker), SAME_SPEAKER))
    else:
        if report.outlet:
            links.append((("outlet", report.outlet.casefold()), SAME_OUTLET))
        if report.wire:
            links.append((("wire", report.wire.casefold()), SAME_WIRE))
    return links


def group_reports(reports: list[Report]) -> list[Group]:
    """The independent groups of some reports, largest first."""
    roots, whys = partition(reports)
    members: dict[int, list[Report]] = {}
    for report, root in zip(reports, roots, strict=True):
        members.setdefault(root, []).append(report)
    groups = [_group(group, whys.get(root, set())) for root, group in members.items()]
    return sorted(groups, key=lambda g: (-len(g.documents), g.source))


def partition(reports: list[Report]) -> tuple[list[int], dict[int, set[str]]]:
    """Each report's group (the position of a representative report) and why each group was joined.

    Copies join reports of *other* documents of their cluster only: two speakers
    quoted by one article are not one source because they share a page.
    """
    sets: DisjointSets[int] = DisjointSets(range(len(reports)))
    first_at: dict[Node, int] = {}
    reasons: dict[Node, str] = {}
    first_document: dict[str, tuple[str, int]] = {}  # copy cluster -> its first document and report
    for position, report in enumerate(reports):
        anchor = first_document.setdefault(report.copy_cluster, (report.doc_id, position))
        if anchor[0] != report.doc_id:
            sets.union(anchor[1], position)
            copies: Node = ("copy", report.copy_cluster)
            first_at.setdefault(copies, anchor[1])
            reasons[copies] = COPIES
        for node, why in _links(report):
            if node in first_at:
                sets.union(first_at[node], position)
                reasons[node] = why
            else:
                first_at[node] = position
    _unnamed_to_outlet_speaker(reports, sets, first_at, reasons)
    whys: dict[int, set[str]] = {}
    for node, why in reasons.items():
        whys.setdefault(sets.find(first_at[node]), set()).add(why)
    return [sets.find(i) for i in range(len(reports))], whys


def _unnamed_to_outlet_speaker(
    reports: list[Report], sets: DisjointSets[int], first_at: dict[Node, int], reasons: dict[Node, str]
) -> None:
    """An outlet that repeats a number without its source has the source it gave before: when one
    named speaker of the same outlet gives the value, the unnamed report joins that speaker."""
    named_by_outlet: dict[str, set[int]] = {}
    for position, report in enumerate(reports):
        if report.named and report.outlet:
            named_by_outlet.setdefault(report.outlet.casefold(), set()).add(sets.find(position))
    for position, report in enumerate(reports):
        if report.named or not report.outlet:
            continue
        roots = named_by_outlet.get(report.outlet.casefold(), set())
        if len(roots) == 1:
            sets.union(next(iter(roots)), position)
            node = ("outlet", report.outlet.casefold())
            first_at.setdefault(node, position)
            reasons[node] = SAME_OUTLET


def _group(members: list[Report], whys: set[str]) -> Group:
    named = Counter(r.speaker for r in members if r.named)
    source = named.most_common(1)[0][0] if named else UNNAMED
    relays = dict.fromkeys(relay for r in members for relay in r.relays)
    why = sorted(whys) or ["one report"]
    if relays:
        why.append("relays resolved to the original speaker")
    return Group(source=source, documents=sorted({r.doc_id for r in members}), via=list(relays), why=why)


class Partition:
    """The groups of all the reports of one variable, for the findings to ask "one source?" in O(1)."""

    def __init__(self, reports: list[Report]) -> None:
        roots, _ = partition(reports)
        self._root = {id(report): root for report, root in zip(reports, roots, strict=True)}

    def root(self, report: Report) -> int:
        return self._root[id(report)]

    def same(self, a: Report, b: Report) -> bool:
        return self._root[id(a)] == self._root[id(b)]

    def count(self, reports: list[Report]) -> int:
        return len({self._root[id(r)] for r in reports})
