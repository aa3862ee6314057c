"""Search that reads well, and views that read well in Datasette.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

- ``search`` gains ``terms`` (indexed words that are not shown: a figure's
  measure, subject and place, which 0001 appended to the figure's sentence, so
  that a snippet could read "…captured [North] [Korean] [soldiers] [Kursk]") and
  ``heading`` (what a hit is shown as: an untitled document's first words and
  outlet). Existing rows are rewritten, and each engine's index is built again
  over ``title``, ``body`` and ``terms``.
- The views show an untitled document by its first words and outlet, an unnamed
  source by its wording, whole numbers as integers, and authors and tags as JSON
  arrays.

The helpers below are frozen copies of what the code did at this revision
(``rows.display_title``, ``rows._sentence``), as a migration must be.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UNTITLED_WORDS = 10
_CONTEXT = 160
_BATCH = 500


def upgrade() -> None:
    initial = _initial()
    _drop_views(initial.VIEWS)
    initial._drop_search_index()
    if _dialect() == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_tsv")
        op.execute("ALTER TABLE search DROP COLUMN tsv")
    op.add_column("search", sa.Column("terms", sa.Text(), nullable=True))
    op.add_column("search", sa.Column("heading", sa.Text(), nullable=True))
    _rewrite_rows()
    _create_search_index()
    _create_views(VIEWS)


def downgrade() -> None:
    initial = _initial()
    _drop_views(VIEWS)
    initial._drop_search_index()
    if _dialect() == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_search_tsv")
        op.execute("ALTER TABLE search DROP COLUMN tsv")
    # 0001 kept a figure's variable words after its sentence.
    op.execute("UPDATE search SET body = body || ' ' || terms WHERE kind = 'figure' AND terms IS NOT NULL")
    with op.batch_alter_table("search") as batch:
        batch.drop_column("heading")
        batch.drop_column("terms")
    initial._create_search_index()
    initial._create_views()


def _dialect() -> str:
    return op.get_bind().dialect.name


def _initial() -> ModuleType:
    """Revision 0001's module, for its views and each engine's full-text index."""
    path = Path(__file__).with_name("0001_initial_schema.py")
    spec = importlib.util.spec_from_file_location("corroborator_migration_0001", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _drop_views(views: Iterable[str]) -> None:
    for view in reversed(list(views)):
        op.execute(f"DROP VIEW IF EXISTS {view}")


def _display_title(title: str | None, text: str, outlet: str | None) -> str:
    if title:
        return title
    words = text.split()
    shown = " ".join(words[:_UNTITLED_WORDS]) + ("…" if len(words) > _UNTITLED_WORDS else "")
    return " — ".join(part for part in (shown, outlet) if part) or "(empty)"


def _sentence(text: str, start: int, end: int) -> str:
    low = max(0, start - _CONTEXT)
    high = min(len(text), end + _CONTEXT)
    before = max(text.rfind(". ", low, start), text.rfind("\n", low, start))
    after = [i for i in (text.find(". ", end, high), text.find("\n", end, high)) if i >= 0]
    return text[before + 1 if before >= 0 else low : (min(after) + 1) if after else high].strip()


def _distinct(words: Sequence[str | None]) -> str | None:
    return " ".join(dict.fromkeys(w for w in words if w)) or None


def _rewrite_rows() -> None:
    """Every search row as 0002 writes it: headings, terms apart, a figure's sentence alone in its body."""
    bind = op.get_bind()
    updates: list[dict[str, Any]] = []
    statement = sa.text("UPDATE search SET body = :body, terms = :terms, heading = :heading WHERE id = :id")

    def flush(force: bool = False) -> None:
        if updates and (force or len(updates) >= _BATCH):
            bind.execute(statement, updates)
            updates.clear()

    documents = bind.execute(
        sa.text(
            "SELECT s.id, s.body, d.title, d.outlet FROM search s JOIN documents d ON d.id = s.document_id "
            "WHERE s.kind = 'document'"
        )
    )
    for row in documents.mappings():
        heading = _display_title(row["title"], row["body"], row["outlet"])
        updates.append({"id": row["id"], "body": row["body"], "terms": None, "heading": heading})
        flush()
    via: dict[tuple[int, int], list[str | None]] = {}
    relays = bind.execute(
        sa.text(
            "SELECT v.document_id, v.claim_position, coalesce(vs.name, v.text) AS name FROM claim_via v "
            "JOIN sources vs ON vs.id = v.source_id ORDER BY v.document_id, v.claim_position, v.position"
        )
    )
    for row in relays.mappings():
        via.setdefault((row["document_id"], row["claim_position"]), []).append(row["name"])
    claims = bind.execute(
        sa.text(
            "SELECT s.id, s.title, s.body, c.document_id, c.position, c.source_text FROM search s "
            "JOIN claims c ON c.document_id = s.document_id AND c.claim = s.item WHERE s.kind = 'claim'"
        )
    )
    for row in claims.mappings():
        others = [row["source_text"], *via.get((row["document_id"], row["position"]), [])]
        terms = _distinct([w for w in others if w and w != row["title"]])
        updates.append({"id": row["id"], "body": row["body"], "terms": terms, "heading": row["title"]})
        flush()
    figures = bind.execute(
        sa.text(
            "SELECT s.id, f.text, f.span_start, f.span_end, f.measure, f.subject_text, f.location_text, "
            "d.text AS document_text FROM search s "
            "JOIN figures f ON f.document_id = s.document_id AND f.figure = s.item "
            "JOIN documents d ON d.id = s.document_id WHERE s.kind = 'figure'"
        )
    )
    for row in figures.mappings():
        body = _sentence(row["document_text"], row["span_start"], row["span_end"])
        terms = _distinct([row["measure"], row["subject_text"], row["location_text"]])
        updates.append({"id": row["id"], "body": body, "terms": terms, "heading": row["text"]})
        flush()
    flush(force=True)


def _create_search_index() -> None:
    if _dialect() == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, terms, content=[search], content_rowid=id, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER search_ai AFTER INSERT ON search BEGIN "
            "INSERT INTO search_fts(rowid, title, body, terms) VALUES (new.id, new.title, new.body, new.terms); END"
        )
        op.execute(
            "CREATE TRIGGER search_ad AFTER DELETE ON search BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body, terms) "
            "VALUES ('delete', old.id, old.title, old.body, old.terms); END"
        )
        op.execute(
            "CREATE TRIGGER search_au AFTER UPDATE ON search BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body, terms) "
            "VALUES ('delete', old.id, old.title, old.body, old.terms); "
            "INSERT INTO search_fts(rowid, title, body, terms) VALUES (new.id, new.title, new.body, new.terms); END"
        )
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    else:
        op.execute(
            "ALTER TABLE search ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', body), 'B') || "
            "setweight(to_tsvector('english', coalesce(terms, '')), 'C')) STORED"
        )
        op.execute("CREATE INDEX ix_search_tsv ON search USING gin (tsv)")


#: A document's title as shown: its own, or the first words and outlet that its search row keeps.
_TITLE = "coalesce(d.title, (SELECT t.heading FROM search t WHERE t.document_id = d.id AND t.kind = 'document'))"

#: Readable views for Datasette and SQL users: current versions only, names instead of ids.
#: ``{via}`` aggregates relays in order; ``{list}`` shows a JSON list column as a JSON
#: array; ``{number}`` a float column as an integer where it is whole.
VIEWS = {
    "documents_view": f"""
        SELECT d.id, d.input, d.version, {_TITLE} AS title, d.published, d.outlet, d.url, d.language,
               {{list:d.authors}} AS authors, {{list:d.tags}} AS tags, d.relayed_from,
               (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims,
               (SELECT count(*) FROM figures f WHERE f.document_id = d.id) AS figures,
               (SELECT count(*) FROM entities e WHERE e.document_id = d.id) AS entities,
               (SELECT count(*) FROM removed_lines r WHERE r.document_id = d.id) AS removed_lines,
               length(d.text) AS characters, d.doc_id, d.extractor, d.updated_at
        FROM documents d
        WHERE d.current
    """,
    "claims_view": f"""
        SELECT c.document_id, c.claim, {_TITLE} AS document_title, d.input, d.outlet, d.published,
               coalesce(s.name, c.source_text) AS source_name, s.kind AS source_kind, s.entity AS source_entity,
               c.source_text, c.cue, c.certainty, c.quote, c.content, c.channel,
               {{via}} AS via,
               c.parent, c.span_start, c.span_end
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        JOIN sources s ON s.id = c.source_id
        WHERE d.current
    """,
    "figures_view": f"""
        SELECT f.document_id, f.figure, {_TITLE} AS document_title, d.input, d.outlet, d.published,
               f.text, {{number:f.value}} AS value, {{number:f.low}} AS low, {{number:f.high}} AS high,
               f.qualifier, f.unit,
               f.subject_entity, f.measure, f.location_entity, f.modality, f.as_of,
               f.subject_text, f.location_text, f.vague,
               f.claim, coalesce(s.name, c.source_text) AS source_name, s.kind AS source_kind,
               c.source_text, c.certainty,
               f.part_of, f.span_start, f.span_end
        FROM figures f
        JOIN documents d ON d.id = f.document_id
        LEFT JOIN claims c ON c.document_id = f.document_id AND c.claim = f.claim
        LEFT JOIN sources s ON s.id = c.source_id
        WHERE d.current
    """,
    "entities_view": """
        SELECT e.entity, max(e.name) AS name, max(e.type) AS type, max(e.kind) AS kind,
               max(e.lat) AS lat, max(e.lon) AS lon,
               count(DISTINCT e.document_id) AS documents, count(m.position) AS mentions
        FROM entities e
        JOIN documents d ON d.id = e.document_id
        LEFT JOIN mentions m ON m.document_id = e.document_id AND m.entity_position = e.position
        WHERE d.current
        GROUP BY e.entity
    """,
    "sources_view": """
        SELECT s.id, s.name, s.kind, s.entity,
               count(c.position) AS claims, count(DISTINCT c.document_id) AS documents
        FROM sources s
        JOIN claims c ON c.source_id = s.id
        JOIN documents d ON d.id = c.document_id
        WHERE d.current
        GROUP BY s.id, s.name, s.kind, s.entity
    """,
    "skipped_view": """
        SELECT k.id, k.input, k.reason, k.message, r.id AS run_id, r.command, r.started_at
        FROM skipped k
        JOIN runs r ON r.id = k.run_id
    """,
}

_VIA = {
    "sqlite": """(SELECT group_concat(name, '; ') FROM (
                    SELECT coalesce(vs.name, v.text) AS name FROM claim_via v JOIN sources vs ON vs.id = v.source_id
                    WHERE v.document_id = c.document_id AND v.claim_position = c.position ORDER BY v.position))""",
    "postgresql": """(SELECT string_agg(coalesce(vs.name, v.text), '; ' ORDER BY v.position)
                    FROM claim_via v JOIN sources vs ON vs.id = v.source_id
                    WHERE v.document_id = c.document_id AND v.claim_position = c.position)""",
}

#: A JSON list column as a JSON array: SQLite's json() (Datasette shows it as a list), PostgreSQL's jsonb.
_LIST = {"sqlite": "json({})", "postgresql": "CAST({} AS jsonb)"}

#: A float as an integer where it is whole (8000, not 8000.0). SQLite's values carry
#: their own type; PostgreSQL's numeric prints a whole number without a fraction.
_NUMBER = {
    "sqlite": "(CASE WHEN {0} = CAST({0} AS INTEGER) AND abs({0}) < 1e15 THEN CAST({0} AS INTEGER) ELSE {0} END)",
    "postgresql": "CAST({0} AS numeric)",
}


def _create_views(views: dict[str, str]) -> None:
    dialect = _dialect()

    def fill(query: str) -> str:
        query = query.replace("{via}", _VIA[dialect])
        for name, pattern in (("list", _LIST[dialect]), ("number", _NUMBER[dialect])):
            while "{" + name + ":" in query:
                start = query.index("{" + name + ":")
                end = query.index("}", start)
                query = query[:start] + pattern.format(query[start + len(name) + 2 : end]) + query[end + 1 :]
        return query.strip()

    for name, query in views.items():
        op.execute(f"CREATE VIEW {name} AS {fill(query)}")
