"""How the entity component reads the text around a gazetteer match: which country a text is about, which
towns a region contradicts, which words make a name a place, a group or an outlet, and a name in capitals.

Helpers of ``entities.EntityExtractor``, apart so that the component stays one screenful of steps.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..settings import data_path
from .gazetteer import Entry, Gazetteer, generic_body, generic_name
from .names import MEDIA_HEADS, PLURAL_BODY_NOUNS, named_by_a_place_noun, placed_by_its_words

#: The kind of a name the gazetteer lacks, by its NER label.
KIND_BY_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
#: The shortest word in capitals read as a place's name: shorter ones are acronyms ("DIU", "UN").
MIN_CAPITALISED_PLACE = 4
#: What follows a dateline's place: "NIAMEY, Niger", "KHARTOUM -", "GAZA (Reuters)".
DATELINE_MARKS = frozenset({",", "-", "–", "—", "(", "--"})

#: How many tokens after a town a region may contradict it ("Nyaung Kone village in the northern Sagaing region").
CONTRADICTION_WINDOW = 7
#: A region named by a bearing in its country ("southern Lebanon", "eastern Ukraine") is a loose stretch that the
#: gazetteer pins to one division: it places a town named before it, but contradicts none.
BEARINGS = frozenset({"southern", "northern", "eastern", "western", "central", "south", "north", "east", "west"})


#: Participles that join a body to who runs it ("the Hamas-run health ministry", "the Houthi-led government"): who
#: runs a body is no word of its name.
CONTROL_PARTICIPLES = frozenset("run led backed controlled held aligned affiliated allied appointed".split())


#: A match read: its start, end, candidates ({entry id: label}), the entry it means, and whether its words decided.
Reading = tuple[int, int, dict[str, str], str, bool]


def slug(name: str) -> str:
    """``"Antony Blinken"`` -> ``"antony-blinken"``: a stable id for a name the gazetteer lacks."""
    name = name.replace("’", "").replace("'", "")  # "Kyiv's" and "Kyiv’s" alike
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"^(?:the)\s+", "", ascii_name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def read_lexicon(name: str) -> frozenset[str]:
    """A word list shipped in ``data/lexicon``: one entry a line, ``#`` comments."""
    text = data_path("lexicon", name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def without_contradicted_towns(gazetteer: Gazetteer, doc: Doc, readings: list[Reading]) -> list[Reading]:
    """Readings less the towns that the region named right after them contradicts: "Nyaung Kone village in
    the Sagaing region" is not the Nyaung Kone of the Yangon region the gazetteer knows (villages share
    names; the gazetteer holds one of each name), and a wrong town is worse than none."""
    entries = gazetteer.entries
    by_start = {start: ident for start, _, _, ident, _ in sorted(readings, key=lambda r: r[1] - r[0])}  # longest
    kept = []
    for reading in readings:
        start, end, _, ident, _ = reading
        town = entries[ident]
        after = next((i for i in range(end, min(end + CONTRADICTION_WINDOW, len(doc))) if i in by_start), None)
        loose = after is not None and doc[after].lower_ in BEARINGS and doc[after].is_lower
        if after is None or loose or not is_town(town) or town.parents[:1] == (town.country,):  # a region: no town
            kept.append(reading)
            continue
        region = by_start[after]
        if (
            region in gazetteer.divisions
            and entries[region].country == town.country
            and region not in town.parents
            and doc[start].sent == doc[after].sent
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[end:after])  # "X, which Y region claims"
        ):
            continue
        kept.append(reading)
    return kept


def pattern_docs(nlp: Language, forms: list[str]) -> list[Doc]:
    """The forms as the tokenizer splits them, fast: a form of plain words separated by single spaces is
    split on its spaces (what the tokenizer would do for words without punctuation or special cases),
    the rest goes through the tokenizer. Most of the gazetteer's 30,000 forms are plain words, and
    tokenizing each took most of the component's start-up."""
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer has no stubs
    if not hasattr(tokenizer, "rules") or not hasattr(tokenizer, "pipe"):  # a custom tokenizer: no shortcut
        return [tokenizer(form) for form in forms]
    rules = tokenizer.rules or {}
    docs: list[Doc | None] = []
    rest: list[str] = []
    for form in forms:
        words = form.split(" ")
        if all(word.isalpha() and word not in rules for word in words):
            docs.append(Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False]))
        else:
            docs.append(None)
            rest.append(form)
    tokenized = iter(tokenizer.pipe(rest))
    return [doc if doc is not None else next(tokenized) for doc in docs]


def is_town(entry: Entry) -> bool:
    """A city or town that is not a capital (capitals are too well known to be read as a name)."""
    return entry.type == "GPE" and not entry.is_country and entry.capital_of is None and entry.population is not None


def demonym_owner(chunk: Span) -> Token | None:
    """The adjective before a body named by words that fit any country ("Nigerien" in "the Nigerien defence
    ministry"); not before plural bodies ("Russian forces" are troops more often than a body that speaks)."""
    root = chunk.root
    first = next((t for t in chunk if t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "PROPN")), None)
    if first is None or root.tag_ == "NNS" or not generic_body(chunk.doc[first.i + 1 : root.i + 1].text):
        return None
    return first


def all_caps_name(token: Token) -> bool:
    """A word in capitals that opens a line as a dateline's place ("NIAMEY, Niger (AFP) -", "KHARTOUM -"): long
    enough not to be an acronym, and no byline's name ("By CHAD DAY"), shouting ("a DIRE situation") or speaker's
    label in a transcript ("TAPPER:")."""
    doc = token.doc
    if not (token.is_upper and token.is_alpha and len(token) >= MIN_CAPITALISED_PLACE):
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    opens_line = before is None or "\n" in before.text_with_ws
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None:
        return opens_line
    ends_line = "\n" in token.text_with_ws or (after.is_space and "\n" in after.text)
    return opens_line and (ends_line or after.text in DATELINE_MARKS)


def text_country(
    doc: Doc, found: dict[tuple[int, int], dict[str, str]], entries: dict[str, Entry], others: set[int]
) -> str | None:
    """The country the text is about: the one whose name, demonym or places it names most often.
    Bodies and outlets do not count (every wire story names Reuters)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for (start, end), candidates in sorted(found.items()):
        countries = {entries[c].country if entries[c].kind == "place" else None for c in candidates}
        if len(countries) != 1 or start in others or generic_name(doc[start:end].text):
            continue
        country = countries.pop()
        if country is not None:
            counts[country] = counts.get(country, 0) + 1
            first.setdefault(country, start)
    # Of two named as often, the first: a report names its country first ("NIAMEY ... near the Malian border").
    return min(counts, key=lambda c: (-counts[c], first[c]), default=None)


def named_elsewhere(spans: Collection[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Do ``spans`` (where a country is named) hold another span than ``span``?"""
    return len(spans) > (span in spans)


def inside_a_longer_name(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """Is ``doc[start:end]`` one word of a proper name the gazetteer does not hold ("Bab Tuma", "Tuma" known)?
    ``covered``: the tokens some match covers (a neighbour that is a place of its own makes no longer name)."""
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and i not in covered]
    return any(t.pos_ == "PROPN" and t.is_title and t.ent_type_ != "DATE" for t in neighbours)


def named_as_place(span: Span) -> bool:
    """A place by its label and by the words before it ("killed in Zamzam"), or by a noun of settlement whatever
    its label ("the town of Walda")."""
    return (KIND_BY_LABEL.get(span.label_) == "place" and placed_by_its_words(span.root)) or named_by_a_place_noun(span)


def without_controllers(span: Span) -> Span:
    """``span`` after its last "X-run" ("Hamas-run Civil Defence agency" -> "Civil Defence agency")."""
    cut = [t.i + 1 for t in span[1:-1] if t.lower_ in CONTROL_PARTICIPLES and t.nbor(-1).text == "-"]
    return span.doc[cut[-1] : span.end] if cut else span


def outlet_name(span: Span) -> bool:
    """Does a name end as an outlet's does ("the Saba news agency", "Al-Masirah TV", "the state news agency")?"""
    return span[-1].lower_ in MEDIA_HEADS or span.text.lower().endswith("news agency")


def kind_of_name(span: Span) -> str | None:
    """The kind of a name the gazetteer lacks: by its last word where that says it ("the Saba news agency" is an
    outlet, "the Resistance Committees" a group), else by its label."""
    last = span[-1].lower_
    if span.label_ == "ORG" and outlet_name(span):
        return "media"
    if span.label_ == "ORG" and last in PLURAL_BODY_NOUNS:
        return "group"
    return KIND_BY_LABEL.get(span.label_)
