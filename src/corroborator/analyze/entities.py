"""The ``corroborator_entities`` component: gazetteer matching, linking to stable ids, roles.

After the statistical NER, it

1. matches the gazetteer's aliases and demonyms ("Kursk border region",
   "DIU", "North Korean", a dateline in capitals: "NIAMEY") and lets them win over shorter or equal NER
   spans; a city named like its region is read by its context (see ``_twin_reading``), a body's name that
   fits any country ("General Staff") is the gazetteer's only where the text names that country, and an
   outlet's language service ("BBC Burmese") is the outlet (see ``readings`` for these readings);
2. links what the gazetteer does not know: an acronym defined in brackets
   ("Ukraine's Defense Intelligence Agency (DIU)"), a country's described body
   ("South Korea's intelligence agency" -> that country's intelligence service, "the Nigerien defence
   ministry" -> Niger's, "the defence ministry" -> that of the country the text is about),
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
from .component import Component, doc_extension
from .extensions import ENTITIES, install_extensions
from .gazetteer import (
    Entry,
    Gazetteer,
    data_dir,
    gazetteer_files,
    generic_body,
    generic_name,
    in_its_war,
    load_gazetteer,
    name_words,
    read_gazetteer,
)
from .names import (
    REGION_WORDS,
    as_person_if_titled,
    joined_people,
    language_service_end,
    names_apart,
    organisations_shortened,
    other_entities,
    outside_places,
    placed_by_its_words,
    places_inside_names,
    plural_bodies,
    region_word_follows,
    role_of,
    without_determiner,
)
from .readings import (
    Reading,
    all_caps_name,
    demonym_owner,
    inside_a_longer_name,
    is_town,
    kind_of_name,
    named_as_place,
    named_elsewhere,
    outlet_name,
    pattern_docs,
    read_lexicon,
    slug,
    text_country,
    without_contradicted_towns,
    without_controllers,
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
#: Heads of which a country has many: alone ("the Russian ministry") they name none of them in particular.
_MANY_OF_A_KIND = frozenset("ministry agency service office directorate department council committee command".split())
#: Words too general to tell two bodies of one country apart.
_GENERIC_WORDS = frozenset("the of and for agency service national state main".split())

#: Which words of a full name the text shortens it to later: a person's last ("Petra Halvorsen" -> "Halvorsen")
#: or first, where the family name comes first ("Lee Seong-kweun" -> "Lee"); an organisation's first ("Halyard
#: Maritime Risk" -> "Halyard"). Only names the gazetteer lacks.
_SHORTENED_BY = {"PERSON": (-1, 0), "ORG": (0,)}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}$")


@dataclass(slots=True)
class _Link:
    """What the linker decided about one span; ``kind``: of a name the gazetteer lacks, where the text says it."""

    ident: str
    label: str
    entry: Entry | None = None
    kind: str | None = None


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
        # One-word place names by their lower case, for names in capitals ("NIAMEY", a dateline).
        self._capitalised_places: dict[str, list[str]] = {}
        for form, ident, demonym in gazetteer.forms():
            if not demonym and " " not in form and gazetteer.entries[ident].kind == "place":
                self._capitalised_places.setdefault(form.lower(), []).append(ident)

    def _add_patterns(self, nlp: Language) -> None:
        forms = list(self.gazetteer.forms())
        docs = pattern_docs(nlp, [form for form, _, _ in forms])
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
        gazetteer_spans, country = self._gazetteer_spans(doc, links)
        spans = gazetteer_spans + self._described_bodies(doc, links)
        spans += [
            as_person_if_titled(without_determiner(piece), self.person_roles)
            for span in joined_people(outside_places(doc.ents, gazetteer_spans))
            for piece in names_apart(span)
        ]
        ents = organisations_shortened(doc, plural_bodies(doc, filter_spans(spans)), links)
        self._adopt_inner_links(ents, gazetteer_spans, links)
        self._link_acronyms(ents, links)
        self._link_local_bodies(ents, links, country)
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

    def _gazetteer_spans(self, doc: Doc, links: dict[tuple[int, int], _Link]) -> tuple[list[Span], str | None]:
        """The gazetteer's spans, linked, and the country the text is about (None: no one country)."""
        found = self._matches(doc)
        others = other_entities(doc)
        naming = self._countries_named(doc, found, others)
        country = text_country(doc, found, self.gazetteer.entries, others)
        readings = without_contradicted_towns(self.gazetteer, doc, self._readings(doc, found, naming, others))
        spans = self._spans(doc, readings, links, set(naming), country)
        return self._language_services(doc, spans, links), country

    def _matches(self, doc: Doc) -> dict[tuple[int, int], dict[str, str]]:
        """Span -> {entry id: label} of every alias, demonym and capitalised place ("NIAMEY") in the Doc."""
        found: dict[tuple[int, int], dict[str, str]] = {}
        entries = self.gazetteer.entries
        for match_id, start, end in [*self.exact(doc), *self.folded(doc)]:
            ident, _, form = doc.vocab.strings[match_id].partition("|")
            label = "NORP" if form == "demonym" else entries[ident].type
            found.setdefault((start, end), {})[ident] = label
        for token in doc:
            places = self._capitalised_places.get(token.lower_, ()) if all_caps_name(token) else ()
            if places and (token.i, token.i + 1) not in found:
                found[(token.i, token.i + 1)] = {ident: entries[ident].type for ident in places}
        return found

    def _countries_named(
        self, doc: Doc, found: dict[tuple[int, int], dict[str, str]], others: set[int]
    ) -> dict[str, set[tuple[int, int]]]:
        """The countries the document names without doubt, and where: by a country, or by entries of one country
        ("Sumy", the city or its region). A match the NER reads as a person's name is no evidence, nor is a body's
        name that fits any country ("General Staff")."""
        entries = self.gazetteer.entries
        naming: dict[str, set[tuple[int, int]]] = {}
        for (s, e), c in found.items():
            countries = {entries[ident].country for ident in c}
            country = countries.pop() if len(countries) == 1 else None
            generic = generic_name(doc[s:e].text) and any(entries[ident].kind == "place" for ident in c)
            generic = generic or (generic_body(doc[s:e].text) and all(entries[i].kind != "place" for i in c))
            if country is not None and s not in others and not generic:
                naming.setdefault(country, set()).add((s, e))
        return naming

    def _readings(
        self,
        doc: Doc,
        found: dict[tuple[int, int], dict[str, str]],
        naming: dict[str, set[tuple[int, int]]],
        others: set[int],
    ) -> list[Reading]:
        """Each match's candidates and the entry it means, less the matches that name nothing here."""
        entries = self.gazetteer.entries
        mentioned: set[str | None] = set(naming)
        covered = {i for s, e in found for i in range(s, e)}
        readings: list[Reading] = []
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
                and all(is_town(entries[c]) and entries[c].country not in mentioned for c in candidates)
                and not placed_by_its_words(doc[start])
            ):
                continue  # "Tyler said": a person to the NER, and a town of a country the text never names
            if (
                end - start == 1
                and all(is_town(entries[c]) for c in candidates)
                and not any(named_elsewhere(naming.get(entries[c].country or "", ()), (start, end)) for c in candidates)
                and inside_a_longer_name(doc, start, end, covered)
            ):
                continue  # "the Bab Tuma district" of Damascus is no Tuma of Russia
            ident, decided = self._twin_reading(doc, start, end, self._one_country(list(candidates), mentioned))
            readings.append((start, end, candidates, ident, decided))
        return readings

    def _spans(
        self,
        doc: Doc,
        readings: list[Reading],
        links: dict[tuple[int, int], _Link],
        named: set[str],
        country: str | None,
    ) -> list[Span]:
        """One span and link per reading. A body's name that fits any country ("General Staff") is the gazetteer's
        body where the text names that body's country, else the body of the country the text is about."""
        entries = self.gazetteer.entries
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
            link = _Link(ident, label, entry)
            fits_any = entry.kind != "place" and generic_body(doc[start:end].text)
            if fits_any and entry.country not in named and not in_its_war(entry.country, named):
                link = self._local_body(doc[start:end], country)
            # One span, one id: a name two entries share becomes one entity, never two.
            spans.append(Span(doc, start, end, label=link.label, kb_id=link.ident))
            links[(start, end)] = link
        return spans

    def _local_body(self, span: Span, country: str | None) -> _Link:
        """The body of ``country`` that a name fitting any country means ("the defence ministry" in a text about
        Niger); a name of its own where the text is about no one country, or the gazetteer lacks the body."""
        name = without_determiner(span).text
        entry = self._body_of(country, name) if country else None
        if entry is not None:
            return _Link(entry.id, "ORG", entry)
        ident = f"{country}-{slug(name)}" if country else slug(name)
        return _Link(ident, "ORG", kind="government")

    def _language_services(self, doc: Doc, spans: list[Span], links: dict[tuple[int, int], _Link]) -> list[Span]:
        """ "BBC Burmese", "VOA Pashto", "the BBC's Burmese service": an outlet's language service is the outlet,
        not the country whose people speak the language ("Burmese" is a demonym of Myanmar)."""
        result = list(spans)
        for span in spans:
            link = links[(span.start, span.end)]
            end = language_service_end(doc, span.end) if link.entry and link.entry.kind == "media" else None
            if end is None:
                continue
            result = [s for s in result if s.end <= span.start or s.start >= end]
            result.append(Span(doc, span.start, end, label=link.label, kb_id=link.ident))
            links[(span.start, end)] = link
        return sorted(result, key=lambda s: s.start)

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
        """ "South Korea's intelligence agency": a country's possessive, then a body's name; or its demonym, then a
        name that fits any country's body ("the Nigerien defence ministry")."""
        found: list[Span] = []
        for chunk in sorted(doc.noun_chunks, key=len, reverse=True):  # the full names first, for the bare heads
            owner = next((t for t in chunk if t.dep_ == "poss"), None) or demonym_owner(chunk)
            if owner is None or chunk.root.lower_ not in _BODY_HEADS:
                continue
            owned = self._owner_at(owner, links)
            rest = doc[owner.i + 1 : chunk.end]
            if rest and rest[0].tag_ == "POS":
                rest = rest[1:]
            if owned is None or not rest:
                continue
            # "Gaza's Hamas-run civil defence agency": the body of the place's country that bears the place's name
            country, place = owned
            rest = without_controllers(rest)
            entry = self._body_of(country, f"{place} {rest.text}", {link.ident for link in links.values()})
            ident = entry.id if entry else f"{slug(place) or country}-{slug(rest.text)}"
            start = chunk.start + (1 if chunk[0].dep_ == "det" else 0)
            span = Span(doc, start, chunk.end, label="ORG", kb_id=ident)
            kind = "media" if outlet_name(rest) else "government"  # "Lebanon's state news agency" is an outlet
            links[(span.start, span.end)] = _Link(ident, "ORG", entry, kind=kind)
            found.append(span)
        return found

    def _owner_at(self, token: Token, links: dict[tuple[int, int], _Link]) -> tuple[str, str] | None:
        """The country of a body's owner, and the owner's name where it is a place in a country ("Gaza")."""
        country = self._country_at(token, links)
        if country is not None:
            return country, ""
        span = next((s for s in links if s[0] <= token.i < s[1]), None)
        entry = links[span].entry if span else None
        if span is None or entry is None or entry.kind != "place" or entry.country is None:
            return None
        return entry.country, token.doc[span[0] : span[1]].text

    def _country_at(self, token: Token, links: dict[tuple[int, int], _Link]) -> str | None:
        for (start, end), link in links.items():
            if start <= token.i < end and link.entry is not None:
                entry = link.entry
                return entry.capital_of or (entry.id if entry.is_country else None)
        return None

    def _body_of(self, country: str, description: str, among: Collection[str] = ()) -> Entry | None:
        """The organisation of ``country`` whose name holds the description's distinctive words. A head noun alone
        ("the Russian ministry") tells no body of a country from another: it is the one such body the text names
        (``among``), else none (the Emergencies Ministry's name holds "ministry" as the Defence Ministry's does)."""
        wanted = name_words(description) - _GENERIC_WORDS
        bare = wanted <= _MANY_OF_A_KIND
        scored = [
            (len(wanted) / len(name_words(alias) | wanted), entry)
            for entry in self.gazetteer.organisations_of(country)
            if not bare or entry.id in among
            for alias in (entry.name, *entry.aliases)
            if wanted and wanted <= name_words(alias)
        ]
        if not scored or (bare and len({entry.id for _, entry in scored}) > 1):
            return None
        return max(scored, key=lambda pair: pair[0])[1]

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

    def _link_local_bodies(self, ents: list[Span], links: dict[tuple[int, int], _Link], country: str | None) -> None:
        """NER organisations named by words that fit any country ("the defence ministry"): the body of the country
        the text is about, where it is about one."""
        for span in ents:
            if country and span.label_ == "ORG" and (span.start, span.end) not in links and generic_body(span.text):
                links[(span.start, span.end)] = self._local_body(span, country)

    def _link_acronyms(self, ents: list[Span], links: dict[tuple[int, int], _Link]) -> None:
        """ "Long Name (ACR)": both name the same thing, whichever of them is known."""
        for long, short in pairwise(ents):
            doc = long.doc
            between = doc[long.end : short.start]
            if between.text != "(" or short.end >= len(doc) or doc[short.end].text != ")":
                continue
            if not _ACRONYM.match(short.text):
                continue
            short_link, long_link = links.get((short.start, short.end)), links.get((long.start, long.end))
            if short_link is not None and long_link is not None and short_link.ident != long_link.ident:
                continue  # "NIAMEY, Niger (AFP) -": a dateline's place before its agency, two things
            known = short_link or long_link
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
            if link.entry is None and entity.kind != "place" and named_as_place(span):
                # "the Zamzam and Abou Shouk camps" (a person to the NER) ... "25 in Zamzam": a place the
                # gazetteer lacks is a place wherever the text names it as one
                entity.kind, entity.type = "place", span.label_
            if span.label_ == "PERSON" and entity.role is None:
                entity.role = role_of(span)
        return records

    def _entity(self, link: _Link, span: Span) -> Entity:
        entry = link.entry
        if entry is None:
            return Entity(id=link.ident, name=span.text, type=span.label_, kind=link.kind or kind_of_name(span))
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
