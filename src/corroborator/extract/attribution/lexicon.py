"""The cue lexicon of the claims component, read from ``data/lexicon/cues.json``.

The file, not the code, says which words are attribution cues and how sure each one is:
``verbs`` is mined from the PolNeAR training split by ``scripts/mine_cues.py`` (with its
counts), the other tables are curated. ``Lexicon`` turns the JSON into the sets and maps
the extractor looks words up in, once, when the component is built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...records import Certainty

#: The certainty of a cue the lexicon gives none; the classes are ``records.Certainty``, see docs/claims.md.
DEFAULT_CERTAINTY = Certainty.ASSERTED
LEXICON_FILE = "cues.json"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "lexicon" / LEXICON_FILE
#: Nouns of people mined from the PolNeAR training split's gold sources (bench/mine_speaker_nouns.py).
SPEAKER_NOUNS_PATH = DEFAULT_PATH.with_name("speaker_nouns.json")


@dataclass(frozen=True, slots=True)
class VerbCue:
    """A reporting verb: its certainty and the complements that carry its content ("ccomp", "dobj", "prep:for")."""

    certainty: Certainty
    complements: frozenset[str]


#: A mined verb whose claims matched gold less often than this is decided by the trained filter in context.
WEAK_CLAIM_PRECISION = 0.6


def _lower_set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _headline_forms(lemmas: Any, irregular: dict[str, str]) -> dict[str, str]:
    """Third-person and past forms of the curated verbs, for headlines ('Says', 'Warns', 'Denies')."""
    forms = {form.lower(): lemma for form, lemma in irregular.items()}
    for lemma in lemmas:
        third = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma + "s"
        if lemma.endswith(("s", "sh", "ch", "x")):
            third = lemma + "es"
        forms[third] = lemma
    return forms


@cache
def _speaker_nouns() -> frozenset[str]:
    """The mined speaker nouns of groups ('economists', 'advisers'), as written and as the tagger's lemma. A
    title in the singular ('the secretary') names one person whom the text names elsewhere: left out."""
    nouns = [n.lower() for n in json.loads(SPEAKER_NOUNS_PATH.read_text(encoding="utf-8"))["nouns"]]
    groups = [n for n in nouns if _singular(n) != n]
    return frozenset(groups) | frozenset(_singular(n) for n in groups)


def _singular(word: str) -> str:
    """The lemma the tagger gives a regular plural ('allies' -> 'ally', 'advisers' -> 'adviser')."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class Lexicon:
    """Word lists and maps for finding attributions, built from the JSON data."""

    data: dict[str, Any]
    verbs: dict[str, VerbCue] = field(init=False)
    nouns: dict[str, str] = field(init=False)  # nominal cue -> the verb whose certainty it has
    light_verbs: frozenset[str] = field(init=False)
    speaker_line_labels: frozenset[str] = field(init=False)
    stance_verbs: frozenset[str] = field(init=False)
    curated_verbs: frozenset[str] = field(init=False)  # the reporting verbs of war reporting, kept whatever their score
    not_verbs: frozenset[str] = field(init=False)  # never cues, not even loose ones ('be', 'attack', 'identify')
    weak_verbs: frozenset[str] = field(init=False)  # mined, right less than WEAK_CLAIM_PRECISION: the filter decides
    headline_forms: dict[str, str] = field(init=False)  # "says" -> "say", "warns" -> "warn"
    adverbs: dict[str, Certainty] = field(init=False)
    prepositions: dict[str, str] = field(init=False)  # "according" -> "according to"
    object_rests: dict[str, frozenset[str]] = field(init=False)  # verb -> prepositions; "" is the default
    negator_verbs: frozenset[str] = field(init=False)
    negation_words: frozenset[str] = field(init=False)
    hedge_modals: frozenset[str] = field(init=False)
    platforms: dict[str, str] = field(init=False)  # lower-case -> as written ("telegram" -> "Telegram")
    channel_nouns: frozenset[str] = field(init=False)
    unnamed_words: frozenset[str] = field(init=False)
    unnamed_people: frozenset[str] = field(init=False)
    speaking_people: frozenset[str] = field(init=False)  # unnamed_people and the mined speaker nouns
    speaks_for: frozenset[str] = field(init=False)  # "spokesman": the body named beside it is the speaker
    media_words: frozenset[str] = field(init=False)
    media_phrases: tuple[str, ...] = field(init=False)
    organization_words: frozenset[str] = field(init=False)
    government_words: frozenset[str] = field(init=False)
    person_pronouns: frozenset[str] = field(init=False)
    org_pronouns: frozenset[str] = field(init=False)
    plural_pronouns: frozenset[str] = field(init=False)
    _certainty: dict[str, Certainty] = field(init=False)

    def __post_init__(self) -> None:
        data = self.data
        certainty = {lemma: Certainty(cls) for cls, lemmas in data.get("certainty", {}).items() for lemma in lemmas}
        overrides = data.get("verb_complements", {})
        verbs = {
            lemma: VerbCue(
                # The curated classes win over the copy in the mined table, so that editing them is enough.
                certainty=Certainty(certainty.get(lemma) or entry.get("certainty") or DEFAULT_CERTAINTY),
                # A curated list replaces the mined one: it restricts a verb as well as it extends it.
                complements=frozenset(overrides.get(lemma) or entry.get("complements", ())),
            )
            for lemma, entry in data.get("verbs", {}).items()
            if lemma not in set(data.get("not_verbs", {}).get("lemmas", ()))
        }
        nouns = data.get("nouns", {})
        channels = data.get("channels", {})
        sources = data.get("sources", {})
        negators = data.get("negators", {})
        prepositions = {k: v for k, v in data.get("prepositions", {}).items() if k != "about"}
        values = {
            "verbs": verbs,
            "not_verbs": _lower_set(data.get("not_verbs", {}).get("lemmas")),
            "weak_verbs": frozenset(
                lemma
                for lemma, entry in data.get("verbs", {}).items()
                if (entry.get("claim_precision") or 1.0) < WEAK_CLAIM_PRECISION
                and lemma not in set(data.get("curated_verbs", ()))
            ),
            "nouns": dict(nouns.get("cues", {})),
            "light_verbs": _lower_set(nouns.get("light_verbs")),
            "speaker_line_labels": _lower_set(data.get("speaker_lines", {}).get("labels")),
            "stance_verbs": _lower_set(data.get("stance_verbs", {}).get("lemmas")),
            "curated_verbs": _lower_set(data.get("curated_verbs")),
            "headline_forms": _headline_forms(data.get("curated_verbs", ()), data.get("irregular_forms", {})),
            "adverbs": {k.lower(): Certainty(v) for k, v in data.get("adverbs", {}).items()},
            "prepositions": prepositions,
            "object_rests": {
                "": _lower_set(data.get("object_rests", {}).get("default")),
                **{k: _lower_set(v) for k, v in data.get("object_rests", {}).get("verbs", {}).items()},
            },
            "negator_verbs": _lower_set(negators.get("verbs")),
            "negation_words": _lower_set(negators.get("words")),
            "hedge_modals": _lower_set(data.get("hedge_modals")),
            "platforms": {p.lower(): p for p in channels.get("platforms", ())},
            "channel_nouns": _lower_set(channels.get("nouns")),
            "unnamed_words": _lower_set(sources.get("unnamed")) | _lower_set(sources.get("unnamed_people")),
            "unnamed_people": _lower_set(sources.get("unnamed_people")),
            "speaking_people": _lower_set(sources.get("unnamed_people")) | _speaker_nouns(),
            "speaks_for": _lower_set(sources.get("speaks_for")),
            "media_words": _lower_set(sources.get("media")),
            "media_phrases": tuple(p.lower() for p in sources.get("media_phrases", ())),
            "organization_words": _lower_set(sources.get("organization")),
            "government_words": _lower_set(sources.get("government")),
            "person_pronouns": _lower_set(sources.get("person_pronouns")),
            "org_pronouns": _lower_set(sources.get("org_pronouns")),
            "plural_pronouns": _lower_set(sources.get("plural_pronouns")),
            "_certainty": certainty,
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)  # frozen dataclass: set once, here

    def rests_of(self, lemma: str) -> frozenset[str]:
        """Prepositions that continue a direct-object content of this verb."""
        return self.object_rests.get(lemma, self.object_rests[""])

    def certainty_of(self, lemma: str) -> Certainty:
        """The certainty class of a cue lemma (a verb, or the verb a nominal cue stands for)."""
        verb = self.verbs.get(lemma)
        if verb is not None:
            return verb.certainty
        return self._certainty.get(self.nouns.get(lemma, lemma), DEFAULT_CERTAINTY)

    @classmethod
    def from_path(cls, path: str | Path) -> Lexicon:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with the package."""
        return cls.from_path(DEFAULT_PATH)

    def to_json(self) -> str:
        return json.dumps(self.data, indent=1, ensure_ascii=False) + "\n"
