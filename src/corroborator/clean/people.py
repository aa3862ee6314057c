"""Author names out of bylines and metadata fields."""

from __future__ import annotations

import re

#: Words that make a byline part a role, a desk or an outlet rather than a person.
_NOT_A_PERSON = frozenset(
    [
        "staff",
        "staffer",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "editorial",
        "desk",
        "team",
        "newsroom",
        "agency",
        "agencies",
        "wire",
        "wires",
        "news",
        "media",
        "press",
        "associated",
        "reuters",
        "afp",
        "ap",
        "dpa",
        "efe",
        "tass",
        "ria",
        "xinhua",
        "yonhap",
        "bloomberg",
        "service",
        "online",
        "digital",
        "web",
        "admin",
        "administrator",
        "contributor",
        "contributors",
        "guest",
        "author",
        "authors",
        "bureau",
        "senior",
        "chief",
        "political",
        "defence",
        "defense",
        "military",
        "foreign",
        "international",
        "affairs",
        "analyst",
        "columnist",
        "producer",
        "photographer",
        "photo",
        "video",
        "updated",
        "published",
        "and",
        "the",
        "of",
        "for",
        "on",
        "in",
        "at",
        "with",
        "from",
        "our",
        "your",
        "his",
        "her",
        "their",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "dos",
        "das",
        "ter",
        "ten",
    ]
)
_SEPARATORS = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bwith\b|\s/\s|\|)\s*", re.IGNORECASE)
_BY = re.compile(r"^(?:written\s+|reported\s+|words\s+|story\s+|posted\s+|text\s+)?by\s*[:\-]?\s+", re.IGNORECASE)
_TRAILING_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")

#: The longest person name we accept, in words ("Maria de la Cruz Fernández Ortega").
_MAX_NAME_WORDS = 6


def split_authors(text: str) -> list[str]:
    """``"By Jane Doe and John Roe, Reuters"`` -> ``["Jane Doe", "John Roe"]``."""
    text = _BY.sub("", text.strip())
    names = []
    for part in _SEPARATORS.split(text):
        name = _TRAILING_PLACE.sub("", _readable(part.strip(" .·-–—()[]")))
        if is_person_name(name):
            names.append(name)
    return names


def _readable(name: str) -> str:
    """A name printed in capitals, as it is written: "GRAHAM O'NEILL" -> "Graham O'Neill"."""
    if not name.isupper() or len(name) < 4:
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m[0].capitalize(), name)


def is_person_name(name: str) -> bool:
    """Two to six words, capitalised (particles aside), no digits, no role or outlet words."""
    tokens = name.split()
    if not 2 <= len(tokens) <= _MAX_NAME_WORDS or any(ch.isdigit() or ch in "@:/" for ch in name):
        return False
    for token in tokens:
        bare = token.strip(".,'’").lower()
        if bare in _NOT_A_PERSON:
            return False
        if not (token[0].isupper() or bare in _PARTICLES):
            return False
    return True
