"""Is a line a headline? The title of a page read as plain text is its first line that looks like one."""

from __future__ import annotations

import re

from . import patterns as p
from .stamps import dateline_of

#: Headlines are rarely longer than this (words), and never end in a full stop.
_HEADLINE_MAX_WORDS = 30
#: A headline that ends with a full stop is at most this long ...
_STOPPED_HEADLINE_MAX_WORDS = 25
#: ... and either this short, or in Title Case (this share of its content words capitalised).
_SHORT_HEADLINE_WORDS = 16
_TITLE_CASE_SHARE = 0.6
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as vs via into over after up out".split())
#: Lead sentences attribute in the past tense; headlines say "says".
_LEAD_SENTENCE = re.compile(r"\b(?:said|according\s+to|told)\b", re.IGNORECASE)
#: A sentence ending inside a line: a word of three letters or more (not "U.S.", "J.", "Gov."), a stop, a capital.
_INNER_SENTENCE_END = re.compile(r"[a-z]{3,}[.!?]['’\"”]?\s+['‘\"“]?[A-Z]")
#: An abbreviation that ends a headline ("U.N.", "U.S.").
_FINAL_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.){2,}$")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
#: A label in brackets at either end of a title: "[News Today] ...", "... [VIDEO]", "[LIVE] ...". At the end, a label
#: is in capitals or names a medium: "... 40,000 [Ministry]" names the figure's source.
_TITLE_LABEL = re.compile(
    r"^\s*\[[^\]]{1,25}\]\s*(?=\S)"
    r"|(?<=\S)\s*\[(?:(?-i:[^a-z\]]{1,25})|(?i:videos?|photos?|pictures|gallery|live|watch|audio|podcast|listen"
    r"|updated?|breaking|exclusive|opinion|analysis|explainer|interview|infographic|map|pdf))\]\s*$"
)
#: A title keeps its label rather than fall below this many words.
_TITLE_MIN_WORDS = 3
#: A title's own part, once a site's name and section are cut off, has at least this many words.
_TITLE_PART_MIN_WORDS = 3
#: A site's name glued to a title ("The Straits Chronicle :: World :: ...") is this short.
_MASTHEAD_MAX_WORDS = 5
#: Words that make a short title part a site's name.
_MASTHEAD_WORDS = frozenset(
    "times post news herald chronicle review daily tribune gazette journal monitor telegraph express guardian "
    "observer courier ledger mirror star sun today online tv radio agency press standard independent weekly "
    "insider wire report dispatch bulletin world".split()
)
#: How titles glue a headline to a section and a site's name.
_TITLE_GLUE = re.compile(r"(\s*::\s*|\s+[|»]\s+|\s+[-–—]\s+)")


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def looks_like_headline(line: str) -> bool:
    n = len(words(line))
    line = _FINAL_ABBREVIATION.sub("", line)  # "... violence: U.N." ends with a name, not a full stop
    return 0 < n <= _HEADLINE_MAX_WORDS and not line.endswith(".") and not p.SENTENCE_END.search(line.rstrip("?!"))


def headline_of(line: str, stands_alone: bool) -> str | None:
    """The title an opening line gives, if it is one.

    A line without a full stop that is short enough is a headline. Some corpora
    end headlines with a full stop ("Poll finds voters split."): such a line is
    a headline when it stands alone, is short or in Title Case, and does not
    read like a lead sentence (those say who "said" it). Its final stop is
    dropped unless the headline is several sentences long.
    """
    dateline = dateline_of(line)
    if dateline and not dateline.prefix.rstrip().endswith(":") and line.rstrip("'’\"”").endswith("."):
        # "KYIV, Feb 23 (Reuters) - Russia ... on Sunday.": the lead under a headline the page lacks ("Sudan: RSF
        # kills 40 in El Fasher." is a headline)
        return None
    if looks_like_headline(line):
        return line
    n = len(words(line))
    if not (stands_alone and line.rstrip("'’\"”").endswith(".") and n <= _STOPPED_HEADLINE_MAX_WORDS):
        return None
    if _LEAD_SENTENCE.search(line) or not (n <= _SHORT_HEADLINE_WORDS or _title_case_share(line) >= _TITLE_CASE_SHARE):
        return None
    return line if _INNER_SENTENCE_END.search(line) else without_final_stop(line)


def without_final_stop(line: str) -> str:
    return re.sub(r"\.(?=['’\"”]?$)", "", line)


def _title_case_share(line: str) -> float:
    content = [w for w in words(line) if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    return sum(w[0].isupper() for w in content) / len(content) if content else 0.0


def fold(line: str) -> str:
    return " ".join(w.lower() for w in words(line))


def tidy_title(title: str, outlet: str | None = None) -> str:
    """A title without the site's name and section glued to it.

    "The Straits Chronicle :: World :: Navy downs seven drones" -> "Navy downs seven drones".
    Only the ends are cut, and only parts that are a section word, the outlet's
    name, or a short name with a masthead word ("Chronicle", "Times", "News"), and a label in brackets
    ("[News Today] ...", "... [VIDEO]").
    """
    title = without_title_labels(title)
    pieces = _TITLE_GLUE.split(title)
    parts, glue = pieces[0::2], pieces[1::2]
    outlet_folded = fold(outlet or "")
    while len(parts) > 1 and _is_title_furniture(parts[-1], outlet_folded):
        parts, glue = parts[:-1], glue[:-1]
    while len(parts) > 1 and _is_title_furniture(parts[0], outlet_folded):
        parts, glue = parts[1:], glue[1:]
    if len(words(" ".join(parts))) < _TITLE_PART_MIN_WORDS:
        return title
    return "".join(part + sep for part, sep in zip(parts, [*glue, ""], strict=True))


def _is_title_furniture(part: str, outlet_folded: str) -> bool:
    folded = fold(part)
    if not folded:
        return True
    if folded == outlet_folded or folded.replace(" ", "-") in p.SECTION_WORDS:
        return True
    tokens = folded.split()
    return len(tokens) <= _MASTHEAD_MAX_WORDS and (
        any(t in _MASTHEAD_WORDS for t in tokens) or bool(re.search(r"\.(?:com|org|net|co|news)\b", part.lower()))
    )


def without_title_labels(title: str) -> str:
    """A title without the bracketed label a page prints at its start or end ("[VIDEO]"), if words are left."""
    bare = _TITLE_LABEL.sub("", title)
    return bare if len(words(bare)) >= _TITLE_MIN_WORDS else title
