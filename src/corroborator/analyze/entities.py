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
from collections.abc import Callable, Iterable
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
from .gazetteer import Entry, Gazetteer, data_dir, gazetteer_files, load_gazetteer, name_words, read_gazetteer

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
#: Which word of a full name the text shortens it to later: a person's last ("Petra Halvorsen" -> "Halvorsen"),
#: an organisation's first ("Halyard Maritime Risk" -> "Halyard"). Only names the gazetteer lacks.
_SHORTENED_BY = {"PERSON": -1, "ORG": 0}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}$")

#: Words after a place's name that make it a region: "Kursk region", "the Kursk and Bryansk regions".
_REGION_WORDS = frozenset("region regions oblast oblasts province provinces krai governorate governorates".split())
#: NER labels that say a one-word town's name is someone's here ("Tyler said"). Not PRODUCT, WORK_OF_ART or
#: ORG: the small model gives those to towns it does not know ("in Kursk" as a PRODUCT).
_NOT_A_PLACE = frozenset({"PERSON"})
#: Prepositions after which a name is where something is ("fell on Kherson", "an attack on Sumy"). Not "to",
#: "from", "against", "with", "by", which take people as often ("spoke to Tyler", "a call from Tyler").
_PLACE_PREPOSITIONS = frozenset(
    "in at near on over into onto across around outside inside off toward towards through throughout".split()
)
#: Verbs whose object (or passive subject) is a place struck or taken ("drones struck Kyiv", "Tyre was shelled").
#: Kept here, not shared with the figure reader: the analyze stage sits below extract.
_ATTACK_VERBS = frozenset(
    "attack strike hit target shell pound bomb bombard storm raid besiege capture seize recapture encircle".split()
    + "overrun rock blast liberate surround".split()
)
#: NER labels of spans that never name an entity: a gazetteer place inside one wins ("Kyiv overnight" as a TIME).
_UNLINKED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: What may stand between two coordinated names before their shared region word.
_COORDINATION = frozenset({",", "and", "or", "&"})
#: How far a coordinated list of names may run before its region word.
_MAX_COORDINATED_TOKENS = 8


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
            # One-word names and acronyms must match their case ("US", "Turkey"); longer names need not.
            target = exact if len(pattern) == 1 or form.isupper() else folded
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
            _as_person_if_titled(_without_determiner(piece), self.person_roles)
            for span in _joined_people(_outside_places(doc.ents, gazetteer_spans))
            for piece in _names_apart(span)
        ]
        ents = _organisations_shortened(doc, filter_spans(spans), links)
        self._adopt_inner_links(ents, gazetteer_spans, links)
        self._link_acronyms(ents, links)
        self._link_rest(ents, links)
        linked = [_relabelled(span, links.get((span.start, span.end))) for span in ents]
        records = self._records(linked, links)
        for place in _places_inside_names(linked, gazetteer_spans):
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
        others = _other_entities(doc)
        # The countries the document names without doubt: by a country, or by an entry of one country.
        # (a match the NER reads as a person's name is no evidence)
        mentioned = {entries[next(iter(c))].country for (s, _), c in found.items() if len(c) == 1 and s not in others}
        mentioned.discard(None)
        readings: list[tuple[int, int, dict[str, str], str, bool]] = []
        for (start, end), candidates in found.items():
            if (
                end - start == 1
                and start in others
                and all(_is_town(entries[c]) and entries[c].country not in mentioned for c in candidates)
                and not _placed_by_its_words(doc[start])
            ):
                continue  # "Tyler said": a person to the NER, and a town of a country the text never names
            ident, decided = self._twin_reading(doc, start, end, self._one_country(list(candidates), mentioned))
            readings.append((start, end, candidates, ident, decided))
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
        if _region_word_follows(doc, end) or (len(before) == 2 and before[0] in _REGION_WORDS and before[1] == "of"):
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
        """NER entities the gazetteer does not know: a surname to the earlier full name, an organisation's
        first word to its earlier full name ("Halyard Maritime Risk ... Halyard said"), else a slug."""
        shortened: dict[tuple[str, str], str] = {}  # (label, short form) -> id of the name first given in full
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
                shortened.setdefault((span.label_, span[_SHORTENED_BY[span.label_]].text), link.ident)

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


def _other_entities(doc: Doc) -> set[int]:
    """Tokens the NER puts inside a person's name."""
    return {token.i for ent in doc.ents if ent.label_ in _NOT_A_PLACE for token in ent}


def _placed_by_its_words(token: Token) -> bool:
    """Do the words around a name make it a place whatever the NER's label ("struck Kherson", "an attack on
    Sumy", "Tyre was shelled"), where they would not for a person ("Kherson said")?"""
    head = token.head
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ == "to" and before.i > 0 and before.nbor(-1).lower_ == "according":
        return False  # "according to Sumy": a source
    if token.dep_ in ("pobj", "pcomp") and head.lower_ in _PLACE_PREPOSITIONS:
        return True
    if before is not None and before.lower_ in _PLACE_PREPOSITIONS and token.dep_ not in ("nsubj", "poss"):
        return True  # read from the words where the tree hangs the name elsewhere
    return token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _ATTACK_VERBS


def _outside_places(ents: Iterable[Span], places: list[Span]) -> list[Span]:
    """The NER's spans, less the gazetteer's matches inside a span that names no entity ("Kyiv overnight" as a TIME
    is "overnight"): otherwise the longer span wins and the place is lost."""
    covered = {token.i for span in places for token in span}
    kept: list[Span] = []
    for span in ents:
        if span.label_ not in _UNLINKED_LABELS or not any(t.i in covered for t in span):
            kept.append(span)
            continue
        start = span.start
        for i in [*range(span.start, span.end), span.end]:  # the runs of the span outside every match
            if i == span.end or i in covered:
                if i > start:
                    kept.append(Span(span.doc, start, i, label=span.label_))
                start = i + 1
    return kept


def _places_inside_names(ents: list[Span], matches: list[Span]) -> list[Span]:
    """Places named inside an organisation's name after "in" ("the health ministry in Gaza"): the name is one
    entity, and the place stays a mention of its own in the records (not a span: spans do not nest), so that
    what the organisation reports can be placed where it sits."""
    inside = []
    for ent in ents:
        if ent.label_ != "ORG" or len(ent) < 3:
            continue
        inside += [
            match
            for match in matches
            if ent.start < match.start
            and match.end <= ent.end
            and match.label_ in ("GPE", "LOC")
            and match.doc[match.start - 1].lower_ == "in"
        ]
    return inside


def _region_word_follows(doc: Doc, end: int) -> bool:
    """Does a region word follow, at once or after a list of names ("Kursk and Bryansk regions")?"""
    for token in doc[end : end + _MAX_COORDINATED_TOKENS]:
        if token.lower_ in _REGION_WORDS:
            return True
        if token.lower_ not in _COORDINATION and token.pos_ != "PROPN" and not token.text[:1].isupper():
            return False
    return False


def _joined_people(ents: Iterable[Span]) -> list[Span]:
    """The small model splits some names in two ("Oleksandr" "Prokudin"); adjacent PERSON spans are one name."""
    joined: list[Span] = []
    for span in ents:
        last = joined[-1] if joined else None
        if last is not None and span.label_ == last.label_ == "PERSON" and last.end == span.start:
            joined[-1] = Span(span.doc, last.start, span.end, label="PERSON")
        else:
            joined.append(span)
    return joined


def _organisations_shortened(doc: Doc, ents: list[Span], links: dict[tuple[int, int], _Link]) -> list[Span]:
    """An organisation the gazetteer lacks, named in full and then by its first word ("Kestrel Analytics
    Group ... Kestrel said"): the small model labels the short form at random (a person, or nothing), so a
    lone proper noun that starts an earlier full name is that organisation here (one sense per document)."""
    full_names = {
        span[0].text: span.end
        for span in reversed(ents)  # the first full name of each first word wins
        if span.label_ == "ORG" and len(span) > 1 and span[0].pos_ == "PROPN" and (span.start, span.end) not in links
    }
    surnames = {span[-1].text for span in ents if span.label_ == "PERSON" and len(span) > 1}
    if not full_names:
        return ents
    by_start = {span.start: span for span in ents}
    covered = {token.i for span in ents for token in span}
    result = list(ents)
    for token in doc:
        text, after = token.text, full_names.get(token.text)
        if after is None or token.i < after or text in surnames or token.pos_ != "PROPN":
            continue
        single = by_start.get(token.i)
        if single is not None and len(single) == 1 and single.label_ in {"PERSON", "ORG"}:
            if (single.start, single.end) not in links:
                result[result.index(single)] = Span(doc, token.i, token.i + 1, label="ORG")
        elif token.i not in covered and not _is_joined_to_a_name(token):
            result.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return sorted(result, key=lambda span: span.start)


def _is_joined_to_a_name(token: Token) -> bool:
    """Is the word part of a longer name ("Kestrel Road")? Then it is not the organisation's short form."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(n.pos_ == "PROPN" for n in neighbours)


def _names_apart(span: Span) -> list[Span]:
    """NER runs one name across a comma into the next ("a post on X, Central Command said"): a span whose
    words hang from two heads outside it holds two names, cut at its commas. An apposition ("Kyiv, Ukraine")
    hangs from one head and stays whole."""
    outside = [token for token in span if token.head.i < span.start or token.head.i >= span.end or token.head == token]
    if len(outside) < 2 or not any(token.text == "," for token in span):
        return [span]
    pieces, start = [], span.start
    for token in [*span, None]:
        if token is None or token.text == ",":
            end = span.end if token is None else token.i
            if end > start:
                pieces.append(Span(span.doc, start, end, label=span.label_))
            start = end + 1
    return pieces


def _as_person_if_titled(span: Span, roles: frozenset[str]) -> Span:
    """A name with a person's role beside it ("X, a spokeswoman for ...", "Governor X") is a person."""
    if span.label_ not in {"ORG", "GPE", "NORP", "FAC"}:
        return span
    head = span.root
    beside = [c for c in head.children if c.dep_ == "appos" and c.i >= span.end]
    beside += [c for c in head.lefts if c.i < span.start and c.dep_ == "compound"]
    if any(c.lemma_.lower() in roles for c in beside):
        return Span(span.doc, span.start, span.end, label="PERSON")
    return span


def _without_determiner(span: Span) -> Span:
    """NER takes "the" and "'s" into names ("The National Intelligence Service", "Korea's"); names match without."""
    start, end = span.start, span.end
    if end - start > 1 and span[0].lower_ in {"the", "a", "an"}:
        start += 1
    if end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_)


def _relabelled(span: Span, link: _Link | None) -> Span:
    if link is None:
        return span
    return Span(span.doc, span.start, span.end, label=link.label if link.entry else span.label_, kb_id=link.ident)


def role_of(person: Span) -> str | None:
    """A person's office as the text gives it: an apposition after the name, or a title before it."""
    head = person.root
    for child in head.rights:
        if child.dep_ == "appos" and child.i >= person.end:
            subtree = list(child.subtree)
            return person.doc[subtree[0].i : subtree[-1].i + 1].text.strip(" ,")
    titles = [t for t in head.lefts if t.i < person.start and t.dep_ in {"compound", "amod", "nmod", "npadvmod"}]
    if titles:
        start = min(min(t.subtree, key=lambda t: t.i).i for t in titles)
        text = person.doc[start : person.start].text.strip(" ,")
        return text or None
    return None


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
