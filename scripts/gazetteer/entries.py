"""An entry of the gazetteer's files, and the check that ids are unique and every id an entry names exists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .aliases import with_typographic


def entry(
    id: str,
    name: str,
    type: str,
    kind: str,
    aliases: Iterable[str] = (),
    demonyms: Iterable[str] = (),
    lat: float | None = None,
    lon: float | None = None,
    parents: Iterable[str] = (),
    capital_of: str | None = None,
    country: str | None = None,
    role: str | None = None,
    population: int | None = None,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "type": type,
        "kind": kind,
        "aliases": with_typographic([name, *aliases]),
        "demonyms": with_typographic(demonyms),
        "lat": None if lat is None else round(float(lat), 4),
        "lon": None if lon is None else round(float(lon), 4),
        "population": population,
        "parents": list(parents),
        "capital_of": capital_of,
        "country": country,
        "role": role,
    }


def check_entries(out: dict[str, list[dict]]) -> None:
    ids: set[str] = set()
    for rows in out.values():
        for e in rows:
            if e["id"] in ids:
                raise SystemExit(f"duplicate id {e['id']}")
            ids.add(e["id"])
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["id"]):
                raise SystemExit(f"bad id {e['id']!r}")
    for rows in out.values():
        for e in rows:
            refs = [*e["parents"], e["capital_of"], e["country"]]
            for ref in refs:
                if ref is not None and ref not in ids:
                    raise SystemExit(f"{e['id']} refers to unknown id {ref}")
