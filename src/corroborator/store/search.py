"""Full-text search over current documents, claims and figures: FTS5 on SQLite, tsvector on PostgreSQL.

One query language on both engines, the one web search engines taught
everybody, parsed here once (``parse_query``) and written out in each engine's
own syntax, so that no user text is ever the engine's syntax:

- words must all appear, in any form ("killed" finds "kill");
- ``"a phrase"`` must appear in order (an unclosed quote runs to the end);
- ``OR`` (in capitals) between alternatives: ``Blinken OR Austin Kursk`` is
  ``Blinken`` or (``Austin`` and ``Kursk``);
- ``-word`` or ``-"a phrase"`` must not appear, whatever the alternative;
- everything else that is not a letter or a digit separates words (``NEAR(``,
  ``*``, ``:``, a lone ``-``, a doubled or dangling ``OR`` are no syntax).

A query with no word to find is a ``QueryError`` that says so; so is one
longer than ``MAX_QUERY_CHARS`` characters or ``MAX_QUERY_WORDS`` words,
checked before any work: below the caps the cost is linear in the query (one
pass of a regular expression, each repeated term given to the engine once).
On SQLite the query becomes an FTS5 MATCH string with every word quoted; on
PostgreSQL a ``tsquery`` put together from ``phraseto_tsquery`` calls on bound
parameters.

Hits come best first: bm25 on SQLite, ``ts_rank`` on PostgreSQL, with the same
weights (a claim's speaker or a document's title counts most, the text next,
a figure's variable words least). Each hit's snippet is cut from the text a
reader sees (the document's text, the claim's content, the figure's sentence),
with the matched words marked ``[like this]``: a hit on a speaker's name shows
what the speaker said.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import text

from ..errors import ConfigError
from .database import Store

#: Hits returned when the caller does not say.
DEFAULT_LIMIT = 20

#: Words of context in a snippet of a long text: about a sentence.
SNIPPET_WORDS = 24

#: Characters up to which a text (a claim's content, a figure's sentence, a short
#: message) is shown whole, its matched words marked, rather than cut: both
#: engines then show the same thing, and a sentence is never cut short.
WHOLE_SNIPPET_CHARS = 300

#: Words a query may hold (phrases included): a search box's worth. Each one is a
#: term the engine matches and ranks; thousands make a slow query and no sense.
MAX_QUERY_WORDS = 64

#: Characters a query may hold: 64 long words and their quotes and spaces. Checked
#: first, so that what a script pastes into the box is refused before it is read.
MAX_QUERY_CHARS = 1_000

#: Weights of the indexed columns, on both engines: title (a document's title, a
#: claim's speaker, a figure's number), body (the text a reader sees) and terms
#: (words that find a row but are not shown: a figure's measure, subject, place).
#: PostgreSQL's ts_rank takes them as its D, C, B, A weights (see WEIGHTS_PG).
WEIGHTS = (1.0, 0.4, 0.2)
WEIGHTS_PG = "{" + ", ".join(map(str, (0.1, *reversed(WEIGHTS)))) + "}"

KINDS = ("document", "claim", "figure")

SYNTAX = 'words, "a phrase", OR between alternatives, -word to exclude'


class QueryError(ConfigError):
    """A search query with nothing to find in it, or too long to run."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: what matched (a document, or a claim or figure in it), where, and a snippet."""

    kind: str  # document | claim | figure
    document_id: int
    input: str
    title: str  # the document's title, or its first words and outlet when it has none
    item: str | None  # the claim's or figure's id ("c3", "f1"); None for a document
    heading: str | None  # the claim's source, the figure's number; the title for a document
    snippet: str  # from the text a reader sees, matched words [marked]
    rank: float  # higher is better; comparable within one search only

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: any of ``alternatives`` (each a list of terms that must all match), none of ``excluded``.

    A term is a phrase: its words, in order (a lone word is a phrase of one).
    """

    alternatives: tuple[tuple[tuple[str, ...], ...], ...]
    excluded: tuple[tuple[str, ...], ...]


#: A quoted phrase (the closing quote may be missing), or a run of anything else that is not a space.
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
#: A word: letters and digits, as both engines' tokenizers take them (underscores separate).
_WORD = re.compile(r"[^\W_]+")


def parse_query(query: str) -> Query:
    """``query`` in the documented syntax, or a ``QueryError`` when there is nothing to find in it."""
    if not query.strip():
        raise QueryError(f"the search query is empty: give {SYNTAX}")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the search query has {len(query):,} characters: at most {MAX_QUERY_CHARS:,}")
    groups: list[list[tuple[str, ...]]] = [[]]
    excluded: list[tuple[str, ...]] = []
    for match in _TERM.finditer(query):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            if groups[-1]:
                groups.append([])
            continue
        if bare is not None and bare.startswith("-"):
            negated, bare = "-", bare[1:]
        words = tuple(_WORD.findall(phrase if phrase is not None else bare))
        if words:
            (excluded if negated else groups[-1]).append(words)
    count = sum(len(term) for group in (*groups, excluded) for term in group)
    if count > MAX_QUERY_WORDS:
        raise QueryError(f"the search query has {count} words: at most {MAX_QUERY_WORDS}")
    # A term or an alternative said twice is given to the engine once ("drones drones" is "drones").
    alternatives = tuple(dict.fromkeys(tuple(dict.fromkeys(group)) for group in groups if group))
    if not alternatives:
        if excluded:
            raise QueryError(f"the search query only excludes words (-word): give a word to find too ({SYNTAX})")
        raise QueryError(f"nothing to search for in {query.strip()[:40]!r}: give {SYNTAX}")
    return Query(alternatives, tuple(dict.fromkeys(excluded)))


def fts5_query(query: str | Query) -> str:
    """The query as an FTS5 MATCH string, every word quoted: ``("kursk" AND "north korean") NOT "drone"``."""
    parsed = parse_query(query) if isinstance(query, str) else query

    def phrase(words: tuple[str, ...]) -> str:
        return '"' + " ".join(words) + '"'  # words hold no quote: _WORD takes letters and digits only

    alternatives = [" AND ".join(phrase(term) for term in group) for group in parsed.alternatives]
    found = alternatives[0] if len(alternatives) == 1 else " OR ".join(f"({a})" for a in alternatives)
    if parsed.excluded:
        found = f"({found})" + "".join(f" NOT {phrase(term)}" for term in parsed.excluded)
    return found


def postgres_query(query: str | Query) -> tuple[str, dict[str, str]]:
    """The query as a PostgreSQL ``tsquery`` expression over bound parameters, and the parameters.

    Each term is ``phraseto_tsquery('english', :tN)``, put together with ``&&``,
    ``||`` and ``!!``: the user's text is only ever a parameter.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    params: dict[str, str] = {}

    def term(words: tuple[str, ...]) -> str:
        name = f"t{len(params)}"
        params[name] = " ".join(words)
        return f"phraseto_tsquery('english', CAST(:{name} AS text))"

    found = " || ".join("(" + " && ".join(term(t) for t in group) + ")" for group in parsed.alternatives)
    expression = f"({found})" + "".join(f" && !!{term(t)}" for t in parsed.excluded)
    return expression, params


def search(store: Store, query: str, *, limit: int = DEFAULT_LIMIT, kind: str | None = None) -> list[Hit]:
    """The current documents, claims and figures that match ``query``, best first.

    Raises ``QueryError`` for a query with nothing to find (empty, only
    punctuation, only exclusions) or too many words; never an engine's error.
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    parsed = parse_query(query)
    params: dict[str, Any] = {"limit": limit, "kind": kind}
    if store.dialect == "sqlite":
        sql = _SQLITE
        params["match"] = fts5_query(parsed)
    else:
        expression, terms = postgres_query(parsed)
        sql = _POSTGRES.replace("{tsquery}", expression)
        params |= terms
    with store.engine.connect() as connection:
        found = connection.execute(text(sql), params).mappings().all()
    return [Hit(**{k: row[k] for k in Hit.__dataclass_fields__}) for row in found]


_BM25 = "bm25(search_fts, {}, {}, {})".format(*WEIGHTS)

_SQLITE = f"""
    SELECT s.kind, s.document_id, d.input, coalesce(d.title, ds.heading, d.input) AS title, s.item, s.heading,
           CASE WHEN length(s.body) <= {WHOLE_SNIPPET_CHARS} THEN highlight(search_fts, 1, '[', ']')
                ELSE snippet(search_fts, 1, '[', ']', '…', {SNIPPET_WORDS}) END AS snippet,
           -{_BM25} AS rank
    FROM search_fts
    JOIN search s ON s.id = search_fts.rowid
    JOIN documents d ON d.id = s.document_id
    LEFT JOIN search ds ON ds.document_id = s.document_id AND ds.kind = 'document'
    WHERE search_fts MATCH :match AND d.current AND (:kind IS NULL OR s.kind = :kind)
    ORDER BY {_BM25}, s.id
    LIMIT :limit
"""

_POSTGRES = f"""
    WITH query AS (SELECT {{tsquery}} AS q)
    SELECT s.kind, s.document_id, d.input, coalesce(d.title, ds.heading, d.input) AS title, s.item, s.heading,
           CASE WHEN length(s.body) <= {WHOLE_SNIPPET_CHARS}
                THEN ts_headline('english', s.body, query.q, 'StartSel=[, StopSel=], HighlightAll=true')
                ELSE ts_headline('english', s.body, query.q,
                                 'StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS - 4}')
           END AS snippet,
           ts_rank('{WEIGHTS_PG}', s.tsv, query.q) AS rank
    FROM search s
    CROSS JOIN query
    JOIN documents d ON d.id = s.document_id
    LEFT JOIN search ds ON ds.document_id = s.document_id AND ds.kind = 'document'
    WHERE s.tsv @@ query.q AND d.current AND (CAST(:kind AS text) IS NULL OR s.kind = :kind)
    ORDER BY rank DESC, s.id
    LIMIT :limit
"""


__all__ = [
    "DEFAULT_LIMIT",
    "KINDS",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "Hit",
    "Query",
    "QueryError",
    "fts5_query",
    "parse_query",
    "postgres_query",
    "search",
]
