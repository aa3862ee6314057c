"""The spelling variants of an alias (folded, without diacritics, typographic apostrophes, slugs) and the
aliases that are never emitted."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .tables import ROOT

# fmt: off
# Aliases that are never emitted: ordinary words or very common first names/surnames.
BANNED_ALIASES = {
    "Bor", "Douglas", "Hamilton", "Male", "Plymouth", "Road Town", "Stanley", "The Valley", "Victoria",
    "Vladimir", "West Island", "Hwasong", "Jersey", "Congo", "Korea", "Virgin Islands", "Free State",
    "Saint Lucia's",  # a local council of Malta, not the country's possessive
}
# fmt: on

# Single words that never name a city or division of the bulk lists: ordinary English words and first
# names ("Mobile", "Bath", "Split", "Reading"); one a line in scripts/gazetteer/common_words.txt.
COMMON_WORDS_FILE = ROOT / "scripts" / "gazetteer" / "common_words.txt"
COMMON_WORDS = frozenset(
    line.strip().lower()
    for line in (COMMON_WORDS_FILE.read_text(encoding="utf-8").splitlines() if COMMON_WORDS_FILE.exists() else [])
    if line.strip() and not line.startswith("#")
)


_APOSTROPHES = str.maketrans("", "", "'’ʼ‘`ʹ")


def fold(text: str) -> str:
    """ASCII-ish form: diacritics and apostrophes removed (``Orël`` -> ``Orel``, ``Namp’o`` -> ``Nampo``)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_APOSTROPHES)


def strip_marks(text: str) -> str:
    """Diacritics removed, apostrophes kept (``Côte d'Ivoire`` -> ``Cote d'Ivoire``)."""
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def slug(text: str) -> str:
    text = fold(text).lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def uniq(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(unicodedata.normalize("NFC", item).split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_fold(items: Iterable[str]) -> list[str]:
    """Each alias followed by its form without diacritics when that differs."""
    out: list[str] = []
    for item in items:
        out.append(item)
        out.append(strip_marks(item))
    return uniq(out)


def with_typographic(items: Iterable[str]) -> list[str]:
    """Each alias with a straight apostrophe followed by the same alias with a typographic one."""
    out: list[str] = []
    for item in items:
        out.append(item)
        if "'" in item:
            out.append(item.replace("'", "’"))
    return uniq(out)
