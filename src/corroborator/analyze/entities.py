"""The ``corroborator_entities`` component: gazetteer matching, linking to stable ids, roles.

After the statistical NER, it

1. matches the gazetteer's aliases and demonyms ("Kursk border region",
   "DIU", "North Korean") and lets them win over shorter or equal NER spans;
   a city named like its region is read by its context (see ``_twin_reading``);
2. links what the gazetteer does not know: an acronym defined in brackets
   ("Ukraine's Defense Intelligence Agency (DIU)"), a country's described body
   ("South Korea's intelligence agency" -> that country's intelligence service),
   a surname that repeats an earlier full name ("Blinken"), else a slug of the name;
3. reads a person's role from the text: an apposition ("Andrii Kovalenko, head
   of Ukraine's Center for Countering Disinformation,") or a title before the
   name ("U.S. Secretary of State Antony Blinken");
4. sets ``span.kb_id_`` on every entity span and ``doc._.entities`` to the
   ``records.Entity`` of every id, with its mentions, place hierarchy and role.

``EntityExtractor.find`` does 1-3 and 4's records without touching the Doc;
``set_annotations`` writes them. The gazetteer is the shipped one unless the
factory's ``gazetteer`` (or ``initialize(gazetteer=...)``) names a folder of
``*.jsonl`` files; ``to_disk`` writes the one in use and ``from_disk`` reads it back.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import Entity
from ..settings import data_path
from .component import Component, doc_extension
from .extensions import ENTITIES, install_extensions
from .gazetteer import (
    Entry,
    Gazetteer,
    data_dir,
    gazetteer_files,
    generic_name,
    load_gazetteer,
    name_words,
    read_gazetteer,
)
from .names import (
    REGION_WORDS,
    as_person_if_titled,
    joined_people,
    named_by_a_place_noun,
    names_apart,
    organisations_shortened,
    other_entities,
    outside_places,
    placed_by_its_words,
    places_inside_names,
    region_word_follows,
    role_of,
    without_determiner,
)

#: The folder of a saved pipeline's component that holds the gazetteer in use.
GAZETTEER_DIR = "gazetteer"

#: NER labels that name something a claim can come from or a figure can be about.
LINKED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

#: Head nouns of a body described through its country ("South Korea's intelligence agency").
_BODY_HEADS = frozenset(
    """agency service services ministry army forces force military intelligence command staff guard police government
    parliament office directorate council committee navy administration department leadership authorities
    """.split()
)
#: Words too general to tell two bodies of one country apart.
_GENERIC_WORDS = frozenset("the of and for agency service national state main".split())

_KIND_BY_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
#: Which words of a full name the text shortens it to later: a person's last ("Petra Halvorsen" -> "Halvorsen")
#: or first, where the family name comes first ("Lee Seong-kweun" -> "Lee"); an organisation's first ("Halyard
#: Maritime Risk" -> "Halyard"). Only names the gazetteer lacks.
_SHORTENED_BY = {"PERSON": (-1, 0), "ORG": (0,)}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}$")


#: How many tokens after a town a region may contradict it ("Nyaung Kone village in the northern Sagaing region").
CONTRADICTION_WINDOW = 7


def slug(name: str) -> str:
    """``"Antony Blinken"`` -> ``"antony-blinken"``: a stable id for a name the gazetteer lacks."""
    name = name.replace("’", "").replace("'", "")  # "Kyiv's" and "Kyiv’s" alike
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"^(?:the)\s+", "", ascii_name.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass(slots=True)
class _Link:
    """What the linker decided about one span."""

    ident: str
    label: str
    entry: Entry | None = None


@dataclass(slots=True)
class Linked:
    """What ``find`` read in a Doc: the entity spans to set (None: keep the Doc's own) and the records by id."""

    ents: list[Span] | None
    records: dict[str, Entity]


class EntityExtractor(Component):
    """Match, link and describe the entities of a Doc (see the module docstring)."""

    on_failure = "its NER entities and no linked entities"

    def __init__(self, nlp: Language, name: str, *, gazetteer: str | None = None) -> None:
        super().__init__(name)
        self.nlp = nlp
        self.person_roles = read_lexicon("person_roles.txt")
        self._use(gazetteer, load_gazetteer(gazetteer))
        install_extensions()

    def _use(self, folder: str | None, gazetteer: Gazetteer) -> None:
        """Match and link with ``gazetteer``, read from ``folder`` (None: the shipped one)."""
        self.gazetteer_path = folder
        self.gazetteer = gazetteer
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._add_patterns(self.nlp)

    def _add_patterns(self, nlp: Language) -> None:
        forms = list(self.gazetteer.forms())
        docs = _pattern_docs(nlp, [form for form, _, _ in forms])
        exact: dict[str, list[Doc]] = {}
        folded: dict[str, list[Doc]] = {}
        for (form, ident, demonym), pattern in zip(forms, docs, strict=True):
            key = f"{ident}|{'demonym' if demonym else 'name'}"
            # One-word names and acronyms must match their case ("US", "Turkey"); longer names need not, unless
            # they are a place's generic words, which only a capitalised name makes a name ("Eastern Region").
            generic = self.gazetteer.entries[ident].kind == "place" and generic_name(form)
            if generic and not all(t.text[:1].isupper() for t in pattern if t.lower_ not in ("of", "the")):
                continue
            target = exact if len(pattern) == 1 or form.isupper() or generic else folded
            target.setdefault(key, []).append(pattern)
        for key, patterns in exact.items():
            self.exact.add(key, patterns)
        for key, patterns in folded.items():
            self.folded.add(key, patterns)

    # -- the component: find, then set ------------------------------------------------------------

    def find(self, doc: Doc) -> Linked:
        """The Doc's entity spans with their ids, and the record of every id; the Doc is left as it is."""
        links: dict[tuple[int, int], _Link] = {}
        gazetteer_spans = self._gazetteer_spans(doc, links)
        spans = gazetteer_spans + self._described_bodies(doc, links)
        spans += [
            as_person_if_titled(without_determiner(piece), self.person_roles)
            for span in joined_people(outside_places(doc.ents, gazetteer_spans))
            for piece in names_apart(span)
        ]
        ents = organisations_shortened(doc, filter_spans(spans), links)
        self._adopt_inner_links(ents, gazetteer_spans, links)
        self._link_acronyms(ents, links)
        self._link_rest(ents, links)
        linked = [_relabelled(span, links.get((span.start, span.end))) for span in ents]
        records = self._records(linked, links)
        for place in places_inside_names(linked, gazetteer_spans):
            self._records([place], links, records)
        return Linked(linked, records)

    def nothing(self, doc: Doc) -> Linked:
        return Linked(None, {})

    def set_annotations(self, doc: Doc, found: Linked) -> None:
        if found.ents is not None:
            # Spans are views: kb ids only stick when the entities are set anew.
            doc.ents = found.ents
        doc._.entities = found.records

    # -- 1. gazetteer spans win over NER spans they cover -------------------------------------

    def _gazetteer_spans(self, doc: Doc, links: dict[tuple[int, int], _Link]) -> list[Span]:
        found: dict[tuple[int, int], dict[str, str]] = {}  # span -> {entry id: label}
        entries = self.gazetteer.entries
        for match_id, start, end in [*self.exact(doc), *self.folded(doc)]:
            ident, _, form = doc.vocab.strings[match_id].partition("|")
            label = "NORP" if form == "demonym" else entries[ident].type
            found.setdefault((start, end), {})[ident] = label
        others = other_entities(doc)
        # The countries the document names without doubt, and where: by a country, or by entries of one country
        # ("Sumy", the city or its region). A match the NER reads as a person's name is no evidence.
        naming: dict[str, set[tuple[int, int]]] = {}
        for (s, e), c in found.items():
            countries = {entries[ident].country for ident in c}
            country = countries.pop() if len(countries) == 1 else None
            generic = generic_name(doc[s:e].text) and any(entries[ident].kind == "place" for ident in c)
            if country is not None and s not in others and not generic:
                naming.setdefault(country, set()).add((s, e))
        mentioned: set[str | None] = set(naming)
        covered = {i for s, e in found for i in range(s, e)}
        readings: list[tuple[int, int, dict[str, str], str, bool]] = []
        for (start, end), candidates in found.items():
            if generic_name(doc[start:end].text):  # "Southern Region" is Zambia's only in a text about Zambia
                candidates = {
                    c: label
                    for c, label in candidates.items()
                    if entries[c].kind != "place" or entries[c].country in mentioned  # "State Department" is a body
                }
                if not candidates:
                    continue
            if (
                end - start == 1
                and start in others
                and all(_is_town(entries[c]) and entries[c].country not in mentioned for c in candidates)
                and not placed_by_its_words(doc[start])
            ):
                continue  # "Tyler said": a person to the NER, and a town of a country the text never names
            if (
                end - start == 1
                and all(_is_town(entries[c]) for c in candidates)
                and not any(
                    _named_elsewhere(naming.get(entries[c].country or "", ()), (start, end)) for c in candidates
                )
                and _inside_a_longer_name(doc, start, end, covered)
            ):
                continue  # "the Bab Tuma district" of Damascus is no Tuma of Russia
            ident, decided = self._twin_reading(doc, start, end, self._one_country(list(candidates), mentioned))
            readings.append((start, end, candidates, ident, decided))
        readings = self._without_contradicted_towns(doc, readings)
        # One sense per discourse: where the document names a region by its region word ("the Kursk
        # region"), its bare name elsewhere in the document ("troops in Kursk") is the region too.
        twins = self.gazetteer.twins
        regions = {ident for *_, ident, _ in readings if ident in twins.values()}
        spans = []
        for start, end, candidates, ident, decided in readings:
            if not decided and twins.get(ident) in regions:
                ident = twins[ident]
            entry = entries[ident]
            label = candidates.get(ident, entry.type)
            # One span, one id: a name two entries share becomes one entity, never two.
            spans.append(Span(doc, start, end, label=label, kb_id=ident))
            links[(start, end)] = _Link(ident, label, entry)
        return spans

    def _without_contradicted_towns(
        self, doc: Doc, readings: list[tuple[int, int, dict[str, str], str, bool]]
    ) -> list[tuple[int, int, dict[str, str], str, bool]]:
        """Readings less the towns that the region named right after them contradicts: "Nyaung Kone village in
        the Sagaing region" is not the Nyaung Kone of the Yangon region the gazetteer knows (villages share
        names; the gazetteer holds one of each name), and a wrong town is worse than none."""
        entries = self.gazetteer.entries
        by_start = {start: ident for start, _, _, ident, _ in sorted(readings, key=lambda r: r[1] - r[0])}  # longest
        kept = []
        for reading in readings:
            start, end, _, ident, _ = reading
            town = entries[ident]
            after = next((i for i in range(end, min(end + CONTRADICTION_WINDOW, len(doc))) if i in by_start), None)
            if after is None or not _is_town(town) or town.parents[:1] == (town.country,):  # a region is no town
                kept.append(reading)
                continue
            region = by_start[after]
            if (
                region in self.gazetteer.divisions
                and entries[region].country == town.country
                and region not in town.parents
                and doc[start].sent == doc[after].sent
                and not any(t.pos_ in ("VERB", "AUX") for t in doc[end:after])  # "X, which Y region claims"
            ):
                continue
            kept.append(reading)
        return kept

    def _one_country(self, candidates: list[str], mentioned: set[str | None]) -> list[str]:
        """The candidates of one country where places of several share a name ("Tripoli", "Córdoba").

        The country the document names wins (a second entry of it, its name or its demonym), else
        the most populous place; see the gazetteer's data card. A city and its region named alike
        are of one country and are left to ``_twin_reading``.
        """
        entries = self.gazetteer.entries
        if len({entries[c].country for c in candidates}) < 2:
            return candidates
        local = [c for c in candidates if entries[c].country in mentioned] or candidates
        best = max(local, key=lambda c: (entries[c].population or 0, c))
        return [c for c in candidates if entries[c].country == entries[best].country]

    def _twin_reading(self, doc: Doc, start: int, end: int, candidates: list[str]) -> tuple[str, bool]:
        """The entry a name means where a city and its region share it ("Kursk", "Kursk Oblast"),
        and whether its own words decided it.

        A region word after the name, or after a list of names the name begins
        ("the Kursk and Bryansk regions"), or "region of" before it makes it the
        region; "city of" before it or "city" after it makes it the city. Alone,
        it is undecided: the city, unless the document names the region elsewhere
        (one sense per discourse, in ``_gazetteer_spans``).
        """
        twins = self.gazetteer.twins
        ident = candidates[0]
        for candidate in candidates:  # a region's alias that is also its city's name: the region
            if candidate in twins.values():
                return candidate, True
        if ident not in twins:
            return ident, True
        before = [t.lower_ for t in doc[max(start - 2, 0) : start]]
        if region_word_follows(doc, end) or (len(before) == 2 and before[0] in REGION_WORDS and before[1] == "of"):
            return twins[ident], True
        if before == ["city", "of"] or (end < len(doc) and doc[end].lower_ == "city"):
            return ident, True
        return ident, False

    # -- 2. linking what the gazetteer does not know ---------------------------------------------

    def _described_bodies(self, doc: Doc, links: dict[tuple[int, int], _Link]) -> list[Span]:
        """ "South Korea's intelligence agency": a country's possessive, then a body's name."""
        found: list[Span] = []
        for chunk in doc.noun_chunks:
            owner = next((t for t in chunk if t.dep_ == "poss"), None)
            if owner is None or chunk.root.lower_ not in _BODY_HEADS:
                continue
            country = self._country_at(owner, links)
            if country is None:
                continue
            rest = doc[owner.i + 1 : chunk.end]
            if rest and rest[0].tag_ == "POS":
                rest = rest[1:]
            if not rest:
                continue
            entry = self._body_of(country, rest.text)
            ident = entry.id if entry else f"{country}-{slug(rest.text)}"
            start = chunk.start + (1 if chunk[0].dep_ == "det" else 0)
            span = Span(doc, start, chunk.end, label="ORG", kb_id=ident)
            links[(span.start, span.end)] = _Link(ident, "ORG", entry)
            found.append(span)
        return found

    def _country_at(self, token: Token, links: dict[tuple[int, int], _Link]) -> str | None:
        for (start, end), link in links.items():
            if start <= token.i < end and link.entry is not None:
                entry = link.entry
                return entry.capital_of or (entry.id if entry.is_country else None)
        return None

    def _body_of(self, country: str, description: str) -> Entry | None:
        """The organisation of ``country`` whose name holds the description's distinctive words."""
        wanted = name_words(description) - _GENERIC_WORDS
        if not wanted:
            return None
        best, best_score = None, 0.0
        for entry in self.gazetteer.organisations_of(country):
            for alias in (entry.name, *entry.aliases):
                words = name_words(alias)
                if wanted <= words:
                    score = len(wanted) / len(words | wanted)
                    if score > best_score:
                        best, best_score = entry, score
        return best

    def _adopt_inner_links(
        self, ents: list[Span], gazetteer_spans: list[Span], links: dict[tuple[int, int], _Link]
    ) -> None:
        """ "Ukraine's Center for Countering Disinformation": a known name after its country's possessive."""
        by_end = {span.end: span for span in gazetteer_spans}
        for span in ents:
            if (span.start, span.end) in links or span.end not in by_end:
                continue
            inner = by_end[span.end]
            prefix = span.doc[span.start : inner.start]
            if inner.start <= span.start or prefix[-1].tag_ != "POS":
                continue
            link = links[(inner.start, inner.end)]
            owner = self._country_at(prefix[0], links)
            if owner and link.entry is not None and link.entry.country not in (None, owner):
                # "Russia's Air Force" is not the Air Force the bare name means.
                entry = self._body_of(owner, inner.text)
                link = _Link(entry.id, "ORG", entry) if entry else _Link(f"{owner}-{slug(inner.text)}", "ORG")
            links[(span.start, span.end)] = link

    def _link_acronyms(self, ents: list[Span], links: dict[tuple[int, int], _Link]) -> None:
        """ "Long Name (ACR)": both name the same thing, whichever of them is known."""
        for long, short in pairwise(ents):
            doc = long.doc
            between = doc[long.end : short.start]
            if between.text != "(" or short.end >= len(doc) or doc[short.end].text != ")":
                continue
            if not _ACRONYM.match(short.text):
                continue
            known = links.get((short.start, short.end)) or links.get((long.start, long.end))
            if known is None:
                continue
            for span in (long, short):
                links[(span.start, span.end)] = known

    def _link_rest(self, ents: list[Span], links: dict[tuple[int, int], _Link]) -> None:
        """NER entities the gazetteer does not know: a surname to the earlier full name (the last word, or the
        first where the family name comes first: "Lee Seong-kweun ... Lee said"), an organisation's first
        word to its earlier full name ("Halyard Maritime Risk ... Halyard said"), else a slug. A short form
        two full names share ("Kim" of two Kims) is left to a slug of its own."""
        shortened: dict[tuple[str, str], str | None] = {}  # (label, short form) -> the full name's id; None: two
        for span in ents:
            link = links.get((span.start, span.end))
            if span.label_ not in LINKED_LABELS:
                continue
            if link is None:
                earlier = shortened.get((span.label_, span.text)) if len(span) == 1 else None
                if earlier is not None:
                    link = _Link(earlier, span.label_)
                else:
                    ident = slug(span.text)
                    if not ident:
                        continue
                    link = _Link(ident, span.label_)
                links[(span.start, span.end)] = link
            if len(span) > 1 and span.label_ in _SHORTENED_BY:
                for short in {span[position].text for position in _SHORTENED_BY[span.label_]}:
                    known = shortened.get((span.label_, short), link.ident)
                    shortened[(span.label_, short)] = link.ident if known == link.ident else None

    # -- 3 and 4. roles and records ----------------------------------------------------------------

    def _records(
        self, ents: list[Span], links: dict[tuple[int, int], _Link], records: dict[str, Entity] | None = None
    ) -> dict[str, Entity]:
        records = {} if records is None else records
        for span in ents:
            link = links.get((span.start, span.end))
            if link is None:
                continue
            entity = records.get(link.ident)
            if entity is None:
                entity = records[link.ident] = self._entity(link, span)
            entity.mentions.append((span.start_char, span.end_char))
            if link.entry is None and len(span.text) > len(entity.name):
                entity.name = span.text  # the fullest form the text gives
            if link.entry is None and entity.kind != "place" and _named_as_place(span):
                # "the Zamzam and Abou Shouk camps" (a person to the NER) ... "25 in Zamzam": a place the
                # gazetteer lacks is a place wherever the text names it as one
                entity.kind, entity.type = "place", span.label_
            if span.label_ == "PERSON" and entity.role is None:
                entity.role = role_of(span)
        return records

    def _entity(self, link: _Link, span: Span) -> Entity:
        entry = link.entry
        if entry is None:
            return Entity(id=link.ident, name=span.text, type=span.label_, kind=_KIND_BY_LABEL.get(span.label_))
        return Entity(
            id=entry.id,
            name=entry.name,
            type=entry.type,
            kind=entry.kind,
            lat=entry.lat,
            lon=entry.lon,
            parents=list(entry.parents),
            role=None,
        )

    # -- data: the gazetteer in use travels with the pipeline ----------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        gazetteer: str | None = None,
    ) -> None:
        """Load another gazetteer (``[initialize.components.corroborator_entities] gazetteer = ...``)."""
        if gazetteer:
            self._use(gazetteer, load_gazetteer(gazetteer))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The gazetteer's ``*.jsonl`` files, as they are, in ``path/gazetteer``."""
        folder = Path(path) / GAZETTEER_DIR
        folder.mkdir(parents=True, exist_ok=True)
        for file in gazetteer_files(self.gazetteer_path or data_dir()):
            shutil.copyfile(file, folder / file.name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityExtractor:
        folder = Path(path) / GAZETTEER_DIR
        if gazetteer_files(folder):
            self._use(str(folder), read_gazetteer(folder))  # not the cache: the folder is the saved copy
        return self


def _pattern_docs(nlp: Language, forms: list[str]) -> list[Doc]:
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


def read_lexicon(name: str) -> frozenset[str]:
    """A word list shipped in ``data/lexicon``: one entry a line, ``#`` comments."""
    text = data_path("lexicon", name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_town(entry: Entry) -> bool:
    """A city or town that is not a capital (capitals are too well known to be read as a name)."""
    return entry.type == "GPE" and not entry.is_country and entry.capital_of is None and entry.population is not None


def _named_elsewhere(spans: Collection[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Do ``spans`` (where a country is named) hold another span than ``span``?"""
    return len(spans) > (span in spans)


def _inside_a_longer_name(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """Is ``doc[start:end]`` one word of a proper name the gazetteer does not hold ("Bab Tuma", "Tuma" known)?
    ``covered``: the tokens some match covers (a neighbour that is a place of its own makes no longer name)."""
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc) and i not in covered]
    return any(t.pos_ == "PROPN" and t.is_title and t.ent_type_ != "DATE" for t in neighbours)


def _named_as_place(span: Span) -> bool:
    """A place by its label and by the words before it ("killed in Zamzam"), or by a noun of settlement whatever
    its label ("the town of Walda")."""
    return (_KIND_BY_LABEL.get(span.label_) == "place" and placed_by_its_words(span.root)) or named_by_a_place_noun(
        span
    )


def _relabelled(span: Span, link: _Link | None) -> Span:
    if link is None:
        return span
    return Span(span.doc, span.start, span.end, label=link.label if link.entry else span.label_, kb_id=link.ident)


@Language.factory(
    "corroborator_entities",
    # The NER's spans, the parse (noun chunks, appositions, titles), tags and lemmas; see analyze.component.
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "token.ent_kb_id", doc_extension(ENTITIES)],
    default_config={"gazetteer": None},
)
def make_entities(nlp: Language, name: str, gazetteer: str | None) -> EntityExtractor:
    """The gazetteer is the shipped one unless ``gazetteer`` names a folder of ``*.jsonl`` files."""
    return EntityExtractor(nlp, name, gazetteer=gazetteer)
