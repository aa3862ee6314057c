"""Countries: ISO 3166-1 (pycountry) and the curated table, each at its centroid, with its capital city."""

from __future__ import annotations

import re
from typing import Any

from .aliases import BANNED_ALIASES, fold, slug, with_fold
from .entries import entry
from .tables import ROOT, blank

# Country centroids (largest polygon, so on land), ISO 3166-1 alpha-3 -> (lat, lon); see the file's header.
CENTROIDS_FILE = ROOT / "scripts" / "country_centroids.csv"

# The capital of a city-state is the country itself: no separate city entry.
CITY_STATES = {"SG", "MC", "VA", "GI", "MO", "HK"}


def read_centroids() -> dict[str, tuple[float, float]]:
    """ISO 3166-1 alpha-3 -> (lat, lon) from ``country_centroids.csv`` (``#`` lines are its header)."""
    centroids: dict[str, tuple[float, float]] = {}
    lines = [line for line in CENTROIDS_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for line in lines[1:]:
        code, lat, lon = line.split(",")
        centroids[code] = (float(lat), float(lon))
    return centroids


def build_countries(
    gc: Any, cities: dict[str, dict], tables: dict[str, list[dict[str, Any]]]
) -> tuple[list[dict], dict[str, str], list[dict]]:
    """Countries, alpha-2 -> id, and capital-city records to add to the cities."""
    import pycountry

    gc_countries = gc.get_countries()
    centroids = read_centroids()
    curated = {row["code"]: row for row in tables["countries"]}
    capital_rows = {row["country_code"]: row for row in tables["capitals"]}
    alpha3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows: list[tuple[str, str, str | None, str | None]] = []  # alpha2, name, official, common
    for c in pycountry.countries:
        rows.append((c.alpha_2, c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)))
    # Codes outside ISO 3166-1 that the news needs (Kosovo, GeoNames code XK) come from the table alone.
    rows += [(code, row["name"], None, None) for code, row in curated.items() if code not in alpha3_of]

    by_code: dict[str, list[dict]] = {}
    for city in cities.values():
        by_code.setdefault(city["countrycode"], []).append(city)

    out: list[dict] = []
    code_to_id: dict[str, str] = {}
    capitals: list[dict] = []
    for alpha2, pname, official, common in sorted(rows):
        row = curated.get(alpha2) or blank("countries", code=alpha2)
        name = row["name"] or common or pname
        cid = slug(name)
        code_to_id[alpha2] = cid
        aliases = [name]
        for candidate in (pname, official, common):
            if candidate and "," not in candidate and "(" not in candidate:
                aliases.append(re.sub(r"^the ", "", candidate))
        aliases += row["aliases"]
        aliases = [a for a in with_fold(aliases) if a not in BANNED_ALIASES]

        capital = None
        gcountry = gc_countries.get(alpha2)
        cap_name = (capital_rows.get(alpha2) or blank("capitals", country_code=alpha2))["geonames_name"] or (
            gcountry["capital"].strip() if gcountry else ""
        )
        if cap_name:
            want = fold(cap_name).lower()
            found = [
                x
                for x in by_code.get(alpha2, [])
                if fold(x["name"]).lower() == want or want in {fold(a).lower() for a in x["alternatenames"]}
            ]
            exact = [x for x in found if fold(x["name"]).lower() == want]
            pool = exact or found
            if pool:
                capital = max(pool, key=lambda x: (x["population"], -x["geonameid"]))
        # A country is a place at its centroid; small territories missing from the centroid table
        # are placed at their capital (a few kilometres away on an island of that size).
        alpha3 = row["alpha3"] or alpha3_of.get(alpha2)
        if alpha3 in centroids:
            lat, lon = centroids[alpha3]
        elif capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        elif row["lat"] is not None:
            lat, lon = row["lat"], row["lon"]
        else:
            raise SystemExit(f"no coordinates for country {alpha2} {name}")

        # kind "place": the entity is the country. When it speaks ("Russia said"), the claim's
        # source is its government (extract/attribution/parties.py), not the entity record.
        etype = "LOC" if alpha2 == "AQ" else "GPE"
        out.append(entry(cid, name, etype, "place", aliases, row["demonyms"], lat, lon, [], None, cid))

        if capital is not None and alpha2 not in CITY_STATES and capital["population"] > 0:
            capitals.append({"city": capital, "country_code": alpha2, "capital_of": cid})
    return out, code_to_id, capitals


def neighbours(gc: Any) -> dict[str, set[str]]:
    """Alpha-2 -> the alpha-2 codes of the countries it borders (GeoNames' country table)."""
    return {cc: set(filter(None, c["neighbours"].split(","))) for cc, c in gc.get_countries().items()}
