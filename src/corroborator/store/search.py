"""Full-text search over current documents, claims and figures: FTS5 on SQLite, tsvector on PostgreSQL.

One query language on both engines, the one web search engines taught
everybody (PostgreSQL's ``websearch_to_tsquery``): words must all appear
(in any form: "killed" finds "kill"), ``"a phrase"`` in order, ``OR`` between
alternatives, ``-word`` must not appear. On SQLite the query is translated
into FTS5's syntax, quoting every word, so no input is a syntax error.

Hits come best first (bm25 on SQLite, ts_rank on PostgreSQL), with a snippet
that marks the matched words ``[like this]``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import text

from .database import Store

#: Hits returned when the caller does not say.
DEFAULT_LIMIT = 20

#: Words of context in a snippet: a sentence's worth.
SNIPPET_WORDS = 16

KINDS = ("document", "claim", "figure")


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: what matched (a document, or a claim or figure in it), where, and a snippet."""

    kind: str  # document | claim | figure
    document_id: int
    input: str
    title: str | None  # the document's title
    item: str | None  # the claim's or figure's id ("c3", "f1"); None for a document
    heading: str | None  # the claim's source, the figure's number; the title for a document
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def search(store: Store, query: str, *, limit: int = DEFAULT_LIMIT, kind: str | None = None) -> list[Hit]:
    """The current documents, claims and figures that match ``query``, best first."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    if store.dialect == "sqlite":
        match = fts5_query(query)
        if not match:
            return []
        sql, params = _SQLITE, {"match": match}
    else:
        if not query.strip():
            return []
        sql, params = _POSTGRES, {"query": query}
    params |= {"limit": limit, "kind": kind}
    with store.engine.connect() as connection:
        found = connection.execute(text(sql), params).mappings().all()
    return [Hit(**{k: row[k] for k in Hit.__dataclass_fields__}) for row in found]


_SQLITE = f"""
    SELECT s.kind, s.document_id, d.input, d.title, s.item, s.title AS heading,
           snippet(search_fts, -1, '[', ']', '…', {SNIPPET_WORDS}) AS snippet,
           -bm25(search_fts, 2.0, 1.0) AS rank
    FROM search_fts
    JOIN search s ON s.id = search_fts.rowid
    JOIN documents d ON d.id = s.document_id
    WHERE search_fts MATCH :match AND d.current AND (:kind IS NULL OR s.kind = :kind)
    ORDER BY bm25(search_fts, 2.0, 1.0), s.id
    LIMIT :limit
"""

_POSTGRES = f"""
    SELECT s.kind, s.document_id, d.input, d.title, s.item, s.title AS heading,
           ts_headline('english', concat_ws(' — ', s.title, s.body), q,
                       'StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}') AS snippet,
           ts_rank(s.tsv, q) AS rank
    FROM search s
    JOIN documents d ON d.id = s.document_id
    CROSS JOIN websearch_to_tsquery('english', :query) AS q
    WHERE s.tsv @@ q AND d.current AND (CAST(:kind AS text) IS NULL OR s.kind = :kind)
    ORDER BY rank DESC, s.id
    LIMIT :limit
"""

#: A quoted phrase, or a run of anything else that is not a space.
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
#: What FTS5 takes as a token character; the rest separates words.
_WORD = re.compile(r"\w+", re.UNICODE)


def fts5_query(query: str) -> str:
    """A web-search style query in FTS5's syntax: ``kursk -drone "north korean" OR dprk``.

    Every word is quoted, so FTS5's operators and punctuation in the user's text
    are words, never syntax. Returns "" when nothing would be searched for.
    """
    groups: list[list[str]] = [[]]  # alternatives (OR) of conjunctions
    excluded: list[str] = []
    for match in _TERM.finditer(query):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            if groups[-1]:
                groups.append([])
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        words = _WORD.findall(phrase if phrase is not None else bare or "")
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        (excluded if negated else groups[-1]).append(term)
    alternatives = [" AND ".join(group) for group in groups if group]
    if not alternatives:
        return ""
    positive = alternatives[0] if len(alternatives) == 1 else " OR ".join(f"({a})" for a in alternatives)
    if excluded:
        positive = f"({positive})" + "".join(f" NOT {term}" for term in excluded)
    return positive


__all__ = ["DEFAULT_LIMIT", "KINDS", "Hit", "fts5_query", "search"]
