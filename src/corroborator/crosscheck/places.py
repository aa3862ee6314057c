"""Places compared through their hierarchy: one key per place, and which place holds which.

A figure's place is its entity id with its enclosing places, nearest first
(``kursk`` in ``kursk-oblast`` in ``russia``). Reporting on a war names a
region by its capital's name ("troops in Kursk"), so a city that shares its
name with the region that encloses it is read as the region unless the words
say "city" (``kursk`` -> ``kursk-oblast``; ``kursk city`` stays the city).
"""

from __future__ import annotations

from ..records import Reference


def place_key(location: Reference | None) -> tuple[str | None, tuple[str, ...]]:
    """The place a figure counts in, and the places enclosing it (nearest first)."""
    if location is None or not location.entity:
        return None, ()
    entity, parents = location.entity, tuple(location.parents)
    if parents and parents[0].startswith(f"{entity}-") and "city" not in location.text.lower():
        return parents[0], parents[1:]
    return entity, parents


def contains(whole: str | None, part_parents: tuple[str, ...]) -> bool:
    """Is ``whole`` one of the places enclosing the part?"""
    return whole is not None and whole in part_parents
