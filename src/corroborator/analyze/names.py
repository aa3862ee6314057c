"""Names as the small model reads them, mended: its recurring mistakes with the spans of names.

The entity component (``entities.py``) links spans to the gazetteer; these functions first
correct the spans it is given: a name run across a comma into the next, a person's name split
in two, a town labelled a person or hidden in a time, a place named inside an organisation's
name, an organisation named in full and then by its first word, a determiner taken in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

#: Words after a place's name that make it a region: "Kursk region", "the Kursk and Bryansk regions".
REGION_WORDS = frozenset("region regions oblast oblasts province provinces krai governorate governorates".split())
#: NER labels that say a one-word town's name is someone's here ("Tyler said"). Not PRODUCT, WORK_OF_ART or
#: ORG: the small model gives those to towns it does not know ("in Kursk" as a PRODUCT).
NOT_A_PLACE = frozenset({"PERSON"})
#: Prepositions after which a name is where something is ("fell on Kherson", "an attack on Sumy"). Not "to",
#: "from", "against", "with", "by", which take people as often ("spoke to Tyler", "a call from Tyler").
PLACE_PREPOSITIONS = frozenset(
    "in at near on over into onto across around outside inside off toward towards through throughout".split()
)
#: Verbs whose object (or passive subject) is a place struck or taken ("drones struck Kyiv", "Tyre was shelled").
#: Kept here, not shared with the figure reader: the analyze stage sits below extract.
ATTACK_VERBS = frozenset(
    "attack strike hit target shell pound bomb bombard storm raid besiege capture seize recapture encircle".split()
    + "overrun rock blast liberate surround".split()
)
#: Verbs of flight whose object is a place left ("thousands fled Kadugli"); a person is not fled from by name.
FLIGHT_VERBS = frozenset({"flee"})  # not "evacuate" or "escape": their object is mostly people ("evacuated Hassan")
#: Nouns that say the name before them or after their "of" is a place's ("the town of X", "X camp"): the small
#: model labels towns and camps it does not know as organisations.
SETTLEMENT_WORDS = frozenset(
    "town towns village villages city camp camps district region province county neighbourhood neighborhood"
    " suburb settlement hamlet locality kebele woreda municipality governorate".split()
)
#: NER labels of spans that never name an entity: a gazetteer place inside one wins ("Kyiv overnight" as a TIME).
UNLINKED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: Plural nouns of bodies: a name they head is an organisation, never a person ("the Resistance Committees in El
#: Fasher", "Popular Mobilization Units"), whatever the NER says or misses.
PLURAL_BODY_NOUNS = frozenset(
    "committees forces brigades councils networks battalions units militias coalitions alliances movements".split()
)
#: The last words of an outlet the gazetteer lacks ("the Saba news agency", "Al-Masirah TV").
MEDIA_HEADS = frozenset("tv television radio newspaper broadcaster channel daily".split())
#: Languages an outlet broadcasts in: "BBC Burmese", "VOA Pashto", "RFA's Burmese service" are the outlet.
LANGUAGES = frozenset(
    """Arabic Pashto Dari Persian Farsi Urdu Hindi Bengali Bangla Tamil Nepali Sinhala Punjabi Hausa Swahili Somali
    Amharic Tigrinya Oromo Kinyarwanda Yoruba Igbo Pidgin Kurdish Sorani Kurmanji Mandarin Cantonese Chinese Uyghur
    Tibetan Uzbek Tajik Kyrgyz Kazakh Turkmen Azeri Azerbaijani Russian Ukrainian Belarusian Tatar Georgian Armenian
    Burmese Thai Vietnamese Khmer Lao Indonesian Malay Korean Japanese Turkish Hebrew Serbian Albanian Romanian
    French Spanish Portuguese English Mundo Afrique Brasil""".split()
)
#: Nouns after an outlet's language that belong to its name ("the BBC's Burmese service").
SERVICE_WORDS = frozenset("service section desk channel".split())
#: What may stand between two coordinated names before their shared region word.
COORDINATION = frozenset({",", "and", "or", "&"})
#: How far a coordinated list of names may run before its region word.
MAX_COORDINATED_TOKENS = 8


def other_entities(doc: Doc) -> set[int]:
    """Tokens the NER puts inside a person's name."""
    return {token.i for ent in doc.ents if ent.label_ in NOT_A_PLACE for token in ent}


def placed_by_its_words(token: Token) -> bool:
    """Do the words around a name make it a place whatever the NER's label ("struck Kherson", "an attack on
    Sumy", "Tyre was shelled"), where they would not for a person ("Kherson said")?"""
    head = token.head
    if token.dep_ == "conj" and head.i < token.i:
        return placed_by_its_words(head)  # "struck Sumy and Kharkiv": both were struck
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ == "to" and before.i > 0 and before.nbor(-1).lower_ == "according":
        return False  # "according to Sumy": a source
    if token.dep_ in ("pobj", "pcomp") and head.lower_ in PLACE_PREPOSITIONS:
        return True
    if before is not None and before.lower_ in PLACE_PREPOSITIONS and token.dep_ not in ("nsubj", "poss"):
        return True  # read from the words where the tree hangs the name elsewhere
    if token.dep_ == "dobj" and head.lemma_.lower() in FLIGHT_VERBS:
        return True
    return token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ATTACK_VERBS


def named_by_a_place_noun(span: Span) -> bool:
    """ "the town of Walda", "Dembecha town", "the Deir Billa camp": a noun of settlement names it a place."""
    root = span.root
    if root.lower_ in SETTLEMENT_WORDS and len(span) > 1:
        return True  # the NER took the noun in: "Deir Billa camp"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lower_ in SETTLEMENT_WORDS and head.head.i < head.i
    # not a person's or a people's: "the Machar camp" is a faction, "Kashmiri villages" a people's
    named = span.label_ not in ("PERSON", "NORP")
    return named and root.dep_ == "compound" and head.lower_ in SETTLEMENT_WORDS and head.i == span.end


def outside_places(ents: Iterable[Span], places: list[Span]) -> list[Span]:
    """The NER's spans, less the gazetteer's matches inside a span that names no entity ("Kyiv overnight" as a TIME
    is "overnight"): otherwise the longer span wins and the place is lost."""
    covered = {token.i for span in places for token in span}
    kept: list[Span] = []
    for span in ents:
        if span.label_ not in UNLINKED_LABELS or not any(t.i in covered for t in span):
            kept.append(span)
            continue
        start = span.start
        for i in [*range(span.start, span.end), span.end]:  # the runs of the span outside every match
            if i == span.end or i in covered:
                if i > start:
                    kept.append(Span(span.doc, start, i, label=span.label_))
                start = i + 1
    return kept


def places_inside_names(ents: list[Span], matches: list[Span]) -> list[Span]:
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


def region_word_follows(doc: Doc, end: int) -> bool:
    """Does a region word follow, at once or after a list of names ("Kursk and Bryansk regions")?"""
    for token in doc[end : end + MAX_COORDINATED_TOKENS]:
        if token.lower_ in REGION_WORDS:
            return True
        if token.lower_ not in COORDINATION and token.pos_ != "PROPN" and not token.text[:1].isupper():
            return False
    return False


def joined_people(ents: Iterable[Span]) -> list[Span]:
    """The small model splits some names in two ("Oleksandr" "Prokudin"); adjacent PERSON spans are one name."""
    joined: list[Span] = []
    for span in ents:
        last = joined[-1] if joined else None
        if last is not None and span.label_ == last.label_ == "PERSON" and last.end == span.start:
            joined[-1] = Span(span.doc, last.start, span.end, label="PERSON")
        else:
            joined.append(span)
    return joined


def organisations_shortened(doc: Doc, ents: list[Span], links: Mapping[tuple[int, int], object]) -> list[Span]:
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
        elif token.i not in covered and not is_joined_to_a_name(token):
            result.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return sorted(result, key=lambda span: span.start)


def is_joined_to_a_name(token: Token) -> bool:
    """Is the word part of a longer name ("Kestrel Road")? Then it is not the organisation's short form."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(n.pos_ == "PROPN" for n in neighbours)


def names_apart(span: Span) -> list[Span]:
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


def as_person_if_titled(span: Span, roles: frozenset[str]) -> Span:
    """A name with a person's role beside it ("X, a spokeswoman for ...", "Governor X") is a person."""
    if span.label_ not in {"ORG", "GPE", "NORP", "FAC"}:
        return span
    head = span.root
    beside = [c for c in head.children if c.dep_ == "appos" and c.i >= span.end]
    beside += [c for c in head.lefts if c.i < span.start and c.dep_ == "compound"]
    if any(c.lemma_.lower() in roles for c in beside):
        return Span(span.doc, span.start, span.end, label="PERSON")
    return span


def without_determiner(span: Span) -> Span:
    """NER takes "the" and "'s" into names ("The National Intelligence Service", "Korea's"), the start of a bracket
    after one, and the blank lines after a dateline ("NIAMEY" and its paragraph break); names match without."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].is_space:
        end -= 1
    while end - start > 1 and span.doc[start].is_space:
        start += 1
    if end - start > 1 and span[0].lower_ in {"the", "a", "an"}:
        start += 1
    if end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    opened = next((t.i for t in span if t.text == "("), None)
    if opened is not None and opened > start and not any(t.text == ")" for t in span.doc[opened:end]):
        end = opened  # "the Line of Control (LoC" run into the bracket that spells it out
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_)


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


def language_service_end(doc: Doc, end: int) -> int | None:
    """Where an outlet's language service ends, the outlet's name ending at ``end`` ("BBC| Burmese", "VOA| Pashto",
    "the BBC|'s Burmese service"), or None where no language follows."""
    i = end + 1 if end < len(doc) and doc[end].tag_ == "POS" else end
    if i >= len(doc) or doc[i].text not in LANGUAGES:
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ in SERVICE_WORDS:
        return i + 2
    if i > end or (i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN")):
        return None  # "the BBC's Burmese" alone is no service's name; "told Reuters Russian forces had ..." neither
    return i + 1


def plural_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with the names that a plural body noun heads made organisations: the NER's spans relabelled
    ("Resistance Committees" as a PERSON), and the capitalised names it missed ("The Resistance Committees in El
    Fasher said", no span at all)."""
    covered = {token.i for span in ents for token in span}
    result = [_as_organisation(span) for span in ents]
    for token in doc:
        if token.i in covered or token.lower_ not in PLURAL_BODY_NOUNS or not token.is_title:
            continue
        start = token.i
        while start > 0 and _name_word(doc[start - 1]) and start - 1 not in covered:
            start -= 1
        if start < token.i:
            result.append(Span(doc, start, token.i + 1, label="ORG"))
    return sorted(result, key=lambda span: span.start)


def _name_word(token: Token) -> bool:
    """A word of a body's name: capitalised, and a proper noun's (a Title Case headline capitalises its verbs too:
    "Troops Repel Bandit Attack On Police Units")."""
    return token.is_title and token.is_alpha and token.pos_ == "PROPN" and token.lower_ not in {"the", "a", "an"}


def _as_organisation(span: Span) -> Span:
    last = span[-1]
    if span.label_ in ("ORG", *UNLINKED_LABELS) or len(span) < 2:
        return span
    if last.lower_ not in PLURAL_BODY_NOUNS or not last.is_title:
        return span
    return Span(span.doc, span.start, span.end, label="ORG")
