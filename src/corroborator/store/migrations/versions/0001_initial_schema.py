"""The initial schema: every table, index and view of the store, and each engine's full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

The tables match ``corroborator.store.schema`` at revision 0001; the views and
the full-text parts are written here in each engine's SQL, since they differ:
FTS5 with triggers on SQLite, a generated ``tsvector`` with GIN on PostgreSQL,
``group_concat`` against ``string_agg``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("compression", sa.String(length=8), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blobs")),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("command", sa.String(length=16), nullable=False),
        sa.Column("extractor", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("inputs", sa.Integer(), nullable=False),
        sa.Column("inputs_unchanged", sa.Integer(), nullable=False),
        sa.Column("documents_added", sa.Integer(), nullable=False),
        sa.Column("documents_updated", sa.Integer(), nullable=False),
        sa.Column("documents_unchanged", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("host", sa.Text(), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("entity", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
    )
    op.create_index(op.f("ix_sources_entity"), "sources", ["entity"])
    op.create_table(
        "inputs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=True),
        sa.Column("charset", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("extractor", sa.Text(), nullable=True),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_inputs_run_id_runs")),
        sa.ForeignKeyConstraint(["sha256"], ["blobs.sha256"], name=op.f("fk_inputs_sha256_blobs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inputs")),
        sa.UniqueConstraint("source", "sha256", name=op.f("uq_inputs_source_sha256")),
    )
    op.create_index(op.f("ix_inputs_source_current"), "inputs", ["source", "current"])
    op.create_table(
        "skipped",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_skipped_run_id_runs"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skipped")),
    )
    op.create_index(op.f("ix_skipped_reason"), "skipped", ["reason"])
    op.create_index(op.f("ix_skipped_run_id"), "skipped", ["run_id"])
    op.create_table(
        "raw",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("input_id", sa.Integer(), nullable=True),
        sa.Column("data_sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=False),
        sa.Column("hints", sa.Text(), nullable=False),
        sa.Column("guess_title", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["data_sha256"], ["blobs.sha256"], name=op.f("fk_raw_data_sha256_blobs")),
        sa.ForeignKeyConstraint(["input_id"], ["inputs.id"], name=op.f("fk_raw_input_id_inputs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raw")),
        sa.UniqueConstraint("key", "sha256", name=op.f("uq_raw_key_sha256")),
    )
    op.create_index(op.f("ix_raw_data_sha256"), "raw", ["data_sha256"])
    op.create_index(op.f("ix_raw_input_id"), "raw", ["input_id"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("raw_id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("authors", sa.Text(), nullable=False),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("relayed_from", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("extractor", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["raw_id"], ["raw.id"], name=op.f("fk_documents_raw_id_raw")),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_documents_run_id_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("input", "raw_id", name=op.f("uq_documents_input_raw_id")),
        sa.UniqueConstraint("input", "version", name=op.f("uq_documents_input_version")),
    )
    op.create_index(op.f("ix_documents_current_extractor"), "documents", ["current", "extractor"])
    op.create_index(op.f("ix_documents_doc_id"), "documents", ["doc_id"])
    op.create_index(op.f("ix_documents_raw_id"), "documents", ["raw_id"])
    op.create_table(
        "claims",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("source_role", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("certainty", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("parent", sa.Text(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_claims_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_claims_source_id_sources")),
        sa.PrimaryKeyConstraint("document_id", "position", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_source_id"), "claims", ["source_id"])
    op.create_table(
        "entities",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("parents", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("extra", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_entities_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "position", name=op.f("pk_entities")),
    )
    op.create_index(op.f("ix_entities_entity"), "entities", ["entity"])
    op.create_table(
        "figures",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("figure", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("qualifier", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("subject_text", sa.Text(), nullable=True),
        sa.Column("subject_entity", sa.Text(), nullable=True),
        sa.Column("subject_start", sa.Integer(), nullable=True),
        sa.Column("subject_end", sa.Integer(), nullable=True),
        sa.Column("subject_parents", sa.Text(), nullable=True),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("location_text", sa.Text(), nullable=True),
        sa.Column("location_entity", sa.Text(), nullable=True),
        sa.Column("location_start", sa.Integer(), nullable=True),
        sa.Column("location_end", sa.Integer(), nullable=True),
        sa.Column("location_parents", sa.Text(), nullable=True),
        sa.Column("as_of", sa.Text(), nullable=True),
        sa.Column("modality", sa.Text(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=True),
        sa.Column("part_of", sa.Text(), nullable=True),
        sa.Column("vague", sa.Boolean(), nullable=False),
        sa.Column("extra", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_figures_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "position", name=op.f("pk_figures")),
    )
    op.create_index(op.f("ix_figures_location_entity"), "figures", ["location_entity"])
    op.create_index(op.f("ix_figures_measure"), "figures", ["measure"])
    op.create_index(op.f("ix_figures_subject_entity"), "figures", ["subject_entity"])
    op.create_table(
        "removed_lines",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_removed_lines_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "position", name=op.f("pk_removed_lines")),
    )
    op.create_table(
        "search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_search_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search")),
    )
    op.create_index(op.f("ix_search_document_id"), "search", ["document_id"])
    op.create_table(
        "claim_via",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("claim_position", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id", "claim_position"],
            ["claims.document_id", "claims.position"],
            name="fk_claim_via_claim_claims",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_claim_via_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_claim_via_source_id_sources")),
        sa.PrimaryKeyConstraint("document_id", "claim_position", "position", name=op.f("pk_claim_via")),
    )
    op.create_index(op.f("ix_claim_via_source_id"), "claim_via", ["source_id"])
    op.create_table(
        "mentions",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("entity_position", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id", "entity_position"],
            ["entities.document_id", "entities.position"],
            name="fk_mentions_entity_entities",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_mentions_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "entity_position", "position", name=op.f("pk_mentions")),
    )
    _create_search_index()
    _create_views()


def downgrade() -> None:
    for view in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {view}")
    _drop_search_index()
    op.drop_table("mentions")
    op.drop_table("claim_via")
    op.drop_table("search")
    op.drop_table("removed_lines")
    op.drop_table("figures")
    op.drop_table("entities")
    op.drop_table("claims")
    op.drop_table("documents")
    op.drop_table("raw")
    op.drop_table("skipped")
    op.drop_table("inputs")
    op.drop_table("sources")
    op.drop_table("runs")
    op.drop_table("blobs")


def _create_search_index() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # An external-content FTS5 table over "search", kept in step by triggers:
        # deleting a document's rows goes through search's own index, and Datasette
        # finds the FTS table and offers a search box on "search".
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, content=[search], content_rowid=id, tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER search_ai AFTER INSERT ON search BEGIN "
            "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_ad AFTER DELETE ON search BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_au AFTER UPDATE ON search BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
            "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
        )
    else:
        op.execute(
            "ALTER TABLE search ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', body), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_search_tsv ON search USING gin (tsv)")


def _drop_search_index() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_ai", "search_ad", "search_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")


#: Readable views for Datasette and SQL users: current versions only, names instead of ids.
#: ``{names}`` aggregates names in order (group_concat over an ordered subquery on
#: SQLite, string_agg ... ORDER BY on PostgreSQL).
VIEWS = {
    "documents_view": """
        SELECT d.id, d.input, d.version, d.title, d.published, d.outlet, d.url, d.language,
               d.authors, d.tags, d.relayed_from,
               (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims,
               (SELECT count(*) FROM figures f WHERE f.document_id = d.id) AS figures,
               (SELECT count(*) FROM entities e WHERE e.document_id = d.id) AS entities,
               (SELECT count(*) FROM removed_lines r WHERE r.document_id = d.id) AS removed_lines,
               length(d.text) AS characters, d.doc_id, d.extractor, d.updated_at
        FROM documents d
        WHERE d.current
    """,
    "claims_view": """
        SELECT c.document_id, c.claim, d.title AS document_title, d.input, d.outlet, d.published,
               s.name AS source_name, s.kind AS source_kind, s.entity AS source_entity,
               c.source_text, c.cue, c.certainty, c.quote, c.content, c.channel,
               {via} AS via,
               c.parent, c.span_start, c.span_end
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        JOIN sources s ON s.id = c.source_id
        WHERE d.current
    """,
    "figures_view": """
        SELECT f.document_id, f.figure, d.title AS document_title, d.input, d.outlet, d.published,
               f.text, f.value, f.low, f.high, f.qualifier, f.unit,
               f.subject_entity, f.measure, f.location_entity, f.modality, f.as_of,
               f.subject_text, f.location_text, f.vague,
               f.claim, s.name AS source_name, s.kind AS source_kind, c.certainty,
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


def _create_views() -> None:
    dialect = op.get_bind().dialect.name
    for name, query in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {query.format(via=_VIA[dialect]).strip()}")
