"""The long tail of attributions, decided by a small trained model.

The lexicon's verbs are reporting verbs whatever their context. Many other verbs report a
stance or a statement only in some contexts ("X backed the plan", "she suspects that ...",
"he pledged to ..."), and a word list cannot say which. For those the finders make *loose*
candidates (any verb outside the lexicon with a subject that can speak and a clause or an
object), and this filter keeps a loose candidate only when a logistic regression over
features of the cue, its arguments and its context gives it a probability at or above the
model's threshold.

The model is data: ``data/model/claims_filter.json`` holds the feature weights, the bias and
the threshold, trained by ``scripts/train_claims_filter.py`` on the PolNeAR training split
(see docs/claims.md, "Data card: the claims filter"). Scoring a candidate is a sum of a
dozen weights and a sigmoid: no library, no hub, nothing downloaded.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from .candidate import SUBJECT_DEPS, Candidate
from .lexicon import Lexicon
from .loose import SEEMING, SEEMING_DEPS
from .spans import QuoteMap

FILTER_FILE = "claims_filter.json"
DEFAULT_FILTER_PATH = Path(__file__).resolve().parents[2] / "data" / "model" / FILTER_FILE
#: Content length buckets (tokens): a one-word object, a phrase, a clause, a long passage.
LENGTH_BUCKETS = (1, 3, 8, 20)
#: The relations that carry a loose candidate's content, in the order they are looked for.
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "prep")


@dataclass(frozen=True)
class ClaimFilter:
    """A logistic regression over named features; ``keep`` says whether a loose candidate stays."""

    weights: dict[str, float]
    bias: float
    threshold: float
    about: dict[str, Any]

    @classmethod
    def from_path(cls, path: str | Path) -> ClaimFilter:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            about={k: v for k, v in data.items() if k not in {"weights", "bias", "threshold"}},
        )

    @classmethod
    def default(cls) -> ClaimFilter | None:
        """The shipped model, or None where the package has none (the rules then run alone)."""
        return cls.from_path(DEFAULT_FILTER_PATH) if DEFAULT_FILTER_PATH.exists() else None

    def to_json(self) -> str:
        data = {**self.about, "bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n"

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def keep(self, features: list[str]) -> bool:
        return self.probability(features) >= self.threshold


def held_by_sure(candidates: list[Candidate]) -> set[int]:
    """The tokens inside the contents of the sure (not loose) candidates. A loose cue there ('Moscow intends
    to ..., according to X') is part of what that claim reports, not a statement of its own, and never
    goes to the filter."""
    return {i for c in candidates if not c.loose for i in c.content}


def candidate_features(doc: Doc, candidate: Candidate, lexicon: Lexicon, quotes: QuoteMap) -> list[str]:
    """Named features of a loose candidate: its verb, how its content hangs on it, who its source is,
    what its content and object are, and where it stands (quoted, under a modal, under which other verb)."""
    verb = doc[candidate.cue_token]
    lemma = candidate.cue
    shape = _content_shape(verb, candidate.content)
    source = doc[candidate.source] if candidate.source is not None else None
    subject = _subject_kind(source, lexicon)
    content_tokens = [doc[i] for i in sorted(candidate.content)]
    size = len(content_tokens)
    length = next((str(b) for b in LENGTH_BUCKETS if size <= b), "long")
    clause = any(t.dep_ in SUBJECT_DEPS for t in content_tokens)
    kind = _kind(verb, source)
    features = [
        f"kind={kind}",
        f"kind|shape={kind}|{shape}",
        f"kind|subject={kind}|{subject}",
        f"lemma={lemma}",
        f"shape={shape}",
        f"lemma|shape={lemma}|{shape}",
        f"subject={subject}",
        f"lemma|subject={lemma}|{subject}",
        f"shape|subject={shape}|{subject}",
        f"tag={verb.tag_}",
        f"dep={verb.dep_}",
        f"length={length}",
        f"clause={clause}",
    ]
    if source is not None and source.pos_ == "NOUN":
        features.append(f"source_lemma={source.lemma_.lower()}")
    if verb.dep_ in {"xcomp", "advcl", "conj", "ccomp"} and verb.head.i != verb.i:
        features.append(f"head_lemma={verb.head.lemma_.lower()}")
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in lexicon.hedge_modals:
            features.append("modal")
        elif child.dep_ == "mark" or (child.dep_ == "prt"):
            features.append(f"{child.dep_}={child.lower_}")
    marks = {t.lower_ for t in content_tokens[:2] if t.dep_ == "mark"}
    features.extend(f"content_mark={m}" for m in sorted(marks))
    if quotes.open_to_close and quotes.enclosing(verb.i) is not None:
        features.append("cue_quoted")
    if content_tokens and content_tokens[0].i > 0 and doc[content_tokens[0].i - 1].text in {"“", '"', "''", "``"}:
        features.append("content_quoted")
    if lemma in lexicon.stance_verbs:
        features.append("stance")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        features.append(f"object={obj.lemma_.lower()}")
        features.append(f"lemma|object_pos={lemma}|{obj.pos_}")
    if kind == "seem":
        # What seems so: whose (a name, 'the talks') and of what kind ('to say', 'unlikely').
        holder = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"), None)
        features.append(f"seem_subject={_subject_kind(holder, lexicon)}")
        features.extend(f"seem_complement={c.dep_}" for c in verb.children if c.dep_ in SEEMING_DEPS)
    complement = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}), None)
    if complement is not None and complement.lemma_ in lexicon.verbs:
        features.append("complement_cue")  # 'seemed to suggest', 'wants to say': the inner verb reports
    if content_tokens:
        # The content's first word ('to', 'that', 'his') or, for a content word, its part of speech.
        features.append(f"first={content_tokens[0].lower_ if content_tokens[0].is_stop else content_tokens[0].pos_}")
    return features


def _kind(cue: Token, source: Token | None) -> str:
    """Which kind of loose candidate: a verb with its own subject, one that shares it ('said A and blasted
    B'), a participle of its noun ('a group backing X'), a seeming, a noun, an adjective."""
    if cue.pos_ in {"NOUN", "ADJ"}:
        return cue.pos_.lower()
    if cue.lemma_ in SEEMING and source is None:
        return "seem"
    if source is None:
        return "unnamed"
    if source.head.i == cue.i:
        return "own"
    if cue.dep_ == "acl" and source.i == cue.head.i:
        return "participle"
    return "inherited"


def _content_shape(verb: Token, content: set[int]) -> str:
    for dep in CONTENT_DEPS:
        for child in verb.children:
            if child.dep_ == dep and child.i in content:
                return f"prep:{child.lower_}" if dep == "prep" else dep
    for child in verb.children:
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.i in content:
                    return f"prep:{child.lower_}"
    return "other"


def _subject_kind(source: Token | None, lexicon: Lexicon) -> str:
    if source is None:
        return "none"
    if source.pos_ == "PRON":
        return f"pron:{source.lower_}"
    if source.ent_type_:
        return f"ent:{source.ent_type_}"
    if source.lemma_.lower() in lexicon.unnamed_people:
        return "people"
    if source.lower_ in lexicon.organization_words:
        return "body"
    return source.pos_.lower()
