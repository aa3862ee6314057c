"""Records to rows and back: a ``Document`` as the store's rows, and the rows as the export contract.

``document_rows`` flattens a document into one row per table; ``document_dict``
rebuilds the contract's dict (``Document.to_dict``) from the rows, so that an
export is byte for byte what ``corroborator extract`` wrote. A field a record
grows that the schema has no column for travels in the row's ``extra`` JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..records import Claim, Document, Figure, Party

Row = Mapping[Any, Any]  # a row by column name (SQLAlchemy's RowMapping also takes columns as keys)

#: The contract's keys that have columns; anything else a record writes goes to ``extra``.
_ENTITY_KEYS = {"id", "name", "type", "kind", "mentions", "lat", "lon", "parents", "role"}
_CLAIM_KEYS = {"id", "source", "cue", "certainty", "content", "span", "via", "channel", "quote", "cue_span", "parent"}
_FIGURE_KEYS = {
    "id", "text", "span", "value", "low", "high", "qualifier", "unit", "subject", "measure",
    "location", "as_of", "modality", "claim", "part_of", "vague",
}  # fmt: skip


def dumps(value: Any) -> str:
    """JSON as the store keeps it: compact, non-ASCII as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _extra(record: Any, known: set[str], keep: dict[str, Any] | None = None) -> str | None:
    """JSON of the record's fields that have no column (none, until a record grows one), and of ``keep``."""
    rest = dict(keep or {})
    if set(record.__dataclass_fields__) - known:  # only then is to_dict worth its cost
        rest |= {k: v for k, v in record.to_dict().items() if k not in known}
    return dumps(rest) if rest else None


def _whole_numbers(lat: Any, lon: Any) -> dict[str, Any]:
    """Coordinates given as ints: a float column would hand back 51.0 where the record said 51."""
    return {k: v for k, v in (("lat", lat), ("lon", lon)) if isinstance(v, int) and not isinstance(v, bool)}


def source_key(party: Party) -> str:
    """What makes two claim sources the same source: kind, linked entity and name."""
    return f"{party.kind}|{party.entity or ''}|{party.name or ''}"


def parties(document: Document) -> dict[str, Party]:
    """Every source and relay the document's claims name, by key, in key order (a stable lock order)."""
    found: dict[str, Party] = {}
    for claim in document.claims:
        for party in (claim.source, *claim.via):
            found.setdefault(source_key(party), party)
    return dict(sorted(found.items()))


def source_row(party: Party) -> dict[str, Any]:
    return {"key": source_key(party), "name": party.name, "entity": party.entity, "kind": party.kind}


def metadata_columns(document: Document) -> dict[str, Any]:
    """The ``documents`` columns that come from the document itself."""
    meta = document.metadata
    return {
        "doc_id": document.doc_id,
        "title": meta.title,
        "authors": dumps(list(meta.authors)),
        "published": meta.published,
        "published_at": meta.published_at,
        "outlet": meta.outlet,
        "url": meta.url,
        "language": meta.language,
        "tags": dumps(list(meta.tags)),
        "relayed_from": meta.relayed_from,
        "dateline": meta.dateline,
        "text": document.text,
    }


@dataclass
class ChildRows:
    """One document's rows in the tables that hang off it."""

    removed_lines: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    claim_via: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    search: list[dict[str, Any]] = field(default_factory=list)


def child_rows(document_id: int, document: Document, source_ids: Mapping[str, int]) -> ChildRows:
    """The rows of ``document`` (stored as ``document_id``); ``source_ids`` maps source keys to ids."""
    rows = ChildRows()
    doc = {"document_id": document_id}
    for position, removed in enumerate(document.removed):
        rows.removed_lines.append(
            {**doc, "position": position, "line": removed.line, "text": removed.text, "rule": removed.rule}
        )
    for position, entity in enumerate(document.entities):
        rows.entities.append(
            {
                **doc,
                "position": position,
                "entity": entity.id,
                "name": entity.name,
                "type": entity.type,
                "kind": entity.kind,
                "lat": entity.lat,
                "lon": entity.lon,
                "parents": dumps(list(entity.parents)),
                "role": entity.role,
                "extra": _extra(entity, _ENTITY_KEYS, _whole_numbers(entity.lat, entity.lon)),
            }
        )
        for index, (start, end) in enumerate(entity.mentions):
            rows.mentions.append(
                {
                    **doc,
                    "entity_position": position,
                    "position": index,
                    "entity": entity.id,
                    "span_start": start,
                    "span_end": end,
                }
            )
    for position, claim in enumerate(document.claims):
        rows.claims.append(_claim_row(doc, position, claim, source_ids))
        for index, party in enumerate(claim.via):
            span = party.span or (None, None)
            rows.claim_via.append(
                {
                    **doc,
                    "claim_position": position,
                    "position": index,
                    "source_id": source_ids[source_key(party)],
                    "text": party.text,
                    "span_start": span[0],
                    "span_end": span[1],
                    "role": party.role,
                }
            )
    for position, figure in enumerate(document.figures):
        rows.figures.append(_figure_row(doc, position, figure))
    rows.search = search_rows(document_id, document)
    return rows


def _claim_row(doc: dict[str, Any], position: int, claim: Claim, source_ids: Mapping[str, int]) -> dict[str, Any]:
    source_span = claim.source.span or (None, None)
    cue_span = claim.cue_span or (None, None)
    return {
        **doc,
        "position": position,
        "claim": claim.id,
        "source_id": source_ids[source_key(claim.source)],
        "source_text": claim.source.text,
        "source_start": source_span[0],
        "source_end": source_span[1],
        "source_role": claim.source.role,
        "cue": claim.cue,
        "certainty": claim.certainty,
        "content": claim.content,
        "span_start": claim.span[0],
        "span_end": claim.span[1],
        "channel": claim.channel,
        "quote": claim.quote,
        "cue_start": cue_span[0],
        "cue_end": cue_span[1],
        "parent": claim.parent,
        "extra": _extra(claim, _CLAIM_KEYS),
    }


def _figure_row(doc: dict[str, Any], position: int, figure: Figure) -> dict[str, Any]:
    row = {
        **doc,
        "position": position,
        "figure": figure.id,
        "text": figure.text,
        "span_start": figure.span[0],
        "span_end": figure.span[1],
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
        "measure": figure.measure,
        "as_of": figure.as_of,
        "modality": figure.modality,
        "claim": figure.claim,
        "part_of": figure.part_of,
        "vague": bool(figure.vague),
        "extra": _extra(figure, _FIGURE_KEYS),
    }
    for name in ("subject", "location"):
        reference = getattr(figure, name)
        span = (reference.span if reference else None) or (None, None)
        row[f"{name}_text"] = reference.text if reference else None
        row[f"{name}_entity"] = reference.entity if reference else None
        row[f"{name}_start"] = span[0]
        row[f"{name}_end"] = span[1]
        row[f"{name}_parents"] = dumps(list(reference.parents)) if reference else None
    return row


#: Characters of context either side of a figure when no sentence boundary is near.
_CONTEXT = 160

#: Words of an untitled document's text that stand for its title: a headline's length.
UNTITLED_WORDS = 10


def display_title(title: str | None, text: str, outlet: str | None) -> str:
    """What a document is shown as: its title, or its first words and its outlet when it has none.

    A Telegram message without a bold first line or a JSON Lines record with only
    text has no title; "(untitled)" would tell a reader nothing.
    """
    if title:
        return title
    words = text.split()
    shown = " ".join(words[:UNTITLED_WORDS]) + ("…" if len(words) > UNTITLED_WORDS else "")
    return " — ".join(part for part in (shown, outlet) if part) or "(empty)"


def search_rows(document_id: int, document: Document) -> list[dict[str, Any]]:
    """The full-text rows: the document, each claim (speaker and content), each figure (number and sentence).

    ``body`` is what a reader sees and what snippets are cut from; ``terms`` only
    help to find the row (see ``schema.search``).
    """
    meta = document.metadata
    doc = {"document_id": document_id}
    rows: list[dict[str, Any]] = [
        {
            **doc,
            "kind": "document",
            "item": None,
            "title": meta.title,
            "body": document.text,
            "terms": None,
            "heading": display_title(meta.title, document.text, meta.outlet),
        }
    ]
    for claim in document.claims:
        speaker = claim.source.name or claim.source.text
        others = [claim.source.text] + [party.name or party.text for party in claim.via]
        terms = _distinct(word for word in others if word and word != speaker)
        rows.append(
            {**doc, "kind": "claim", "item": claim.id, "title": speaker, "body": claim.content}
            | {"terms": terms, "heading": speaker}
        )
    for figure in document.figures:
        words = [figure.measure] + [ref.text for ref in (figure.subject, figure.location) if ref]
        rows.append(
            {**doc, "kind": "figure", "item": figure.id, "title": figure.text}
            | {"body": _sentence(document.text, *figure.span), "terms": _distinct(words), "heading": figure.text}
        )
    return rows


def _distinct(words: Iterable[str | None]) -> str | None:
    return " ".join(dict.fromkeys(w for w in words if w)) or None


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, or a window of it when sentences are long."""
    low = max(0, start - _CONTEXT)
    high = min(len(text), end + _CONTEXT)
    before = max(text.rfind(". ", low, start), text.rfind("\n", low, start))
    after = [i for i in (text.find(". ", end, high), text.find("\n", end, high)) if i >= 0]
    return text[before + 1 if before >= 0 else low : (min(after) + 1) if after else high].strip()


# Back from rows to the contract.


def _span(start: Any, end: Any) -> list[int] | None:
    return None if start is None else [start, end]


def _loads(text: str | None, default: Any = None) -> Any:
    return json.loads(text) if text else default


def _with_extra(data: dict[str, Any], extra: str | None) -> dict[str, Any]:
    if extra:
        data.update(json.loads(extra))
    return data


def party_dict(source: Row, text: Any, start: Any, end: Any, role: Any) -> dict[str, Any]:
    return {
        "text": text,
        "name": source["name"],
        "entity": source["entity"],
        "kind": source["kind"],
        "span": _span(start, end),
        "role": role,
    }


def entity_dict(row: Row, mentions: Iterable[Row]) -> dict[str, Any]:
    data = {
        "id": row["entity"],
        "name": row["name"],
        "type": row["type"],
        "kind": row["kind"],
        "mentions": [[m["span_start"], m["span_end"]] for m in mentions],
        "lat": row["lat"],
        "lon": row["lon"],
        "parents": _loads(row["parents"], []),
        "role": row["role"],
    }
    return _with_extra(data, row["extra"])


def claim_dict(row: Row, sources: Mapping[int, Row], via: Iterable[Row]) -> dict[str, Any]:
    data = {
        "id": row["claim"],
        "source": party_dict(
            sources[row["source_id"]], row["source_text"], row["source_start"], row["source_end"], row["source_role"]
        ),
        "cue": row["cue"],
        "certainty": row["certainty"],
        "content": row["content"],
        "span": [row["span_start"], row["span_end"]],
        "via": [party_dict(sources[v["source_id"]], v["text"], v["span_start"], v["span_end"], v["role"]) for v in via],
        "channel": row["channel"],
        "quote": row["quote"],
        "cue_span": _span(row["cue_start"], row["cue_end"]),
        "parent": row["parent"],
    }
    return _with_extra(data, row["extra"])


def figure_dict(row: Row) -> dict[str, Any]:
    data = {
        "id": row["figure"],
        "text": row["text"],
        "span": [row["span_start"], row["span_end"]],
        "value": row["value"],
        "low": row["low"],
        "high": row["high"],
        "qualifier": row["qualifier"],
        "unit": row["unit"],
        "subject": _reference(row, "subject"),
        "measure": row["measure"],
        "location": _reference(row, "location"),
        "as_of": row["as_of"],
        "modality": row["modality"],
        "claim": row["claim"],
        "part_of": row["part_of"],
        "vague": bool(row["vague"]),
    }
    return _with_extra(data, row["extra"])


def _reference(row: Row, name: str) -> dict[str, Any] | None:
    if row[f"{name}_text"] is None:
        return None
    return {
        "text": row[f"{name}_text"],
        "entity": row[f"{name}_entity"],
        "span": _span(row[f"{name}_start"], row[f"{name}_end"]),
        "parents": _loads(row[f"{name}_parents"], []),
    }


def document_record(
    row: Row,
    removed: Iterable[Row],
    entities: Iterable[tuple[Row, list[Row]]],
    claims: Iterable[tuple[Row, list[Row]]],
    figures: Iterable[Row],
    sources: Mapping[int, Row],
) -> Document:
    """A stored document as the record it was stored from (``to_dict`` gives the same dict back)."""
    data = {
        "input": row["input"],
        "text": row["text"],
        "title": row["title"],
        "authors": _loads(row["authors"], []),
        "published": row["published"],
        "published_at": row["published_at"],
        "outlet": row["outlet"],
        "url": row["url"],
        "language": row["language"],
        "tags": _loads(row["tags"], []),
        "relayed_from": row["relayed_from"],
        "dateline": row["dateline"],
        "removed": [{"line": r["line"], "text": r["text"], "rule": r["rule"]} for r in removed],
        "entities": [entity_dict(e, mentions) for e, mentions in entities],
        "claims": [claim_dict(c, sources, via) for c, via in claims],
        "figures": [figure_dict(f) for f in figures],
    }
    return Document.from_dict(data)


def group(rows: Iterable[Row], *keys: str) -> Iterator[tuple[tuple[Any, ...], list[Row]]]:
    """Consecutive rows with equal ``keys``, as (key values, rows); the rows must be sorted by them."""
    current: tuple[Any, ...] | None = None
    bucket: list[Row] = []
    for row in rows:
        value = tuple(row[k] for k in keys)
        if value != current and bucket:
            yield current, bucket  # type: ignore[misc]
            bucket = []
        current = value
        bucket.append(row)
    if bucket:
        yield current, bucket  # type: ignore[misc]
