"""The cross-check's ledger (variables, values, findings and sources, with their Datasette views), and datelines.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

The tables hold what ``pipeline.ledger`` computes from the current documents
(the JSON of SPEC section 2 beside the columns Datasette filters on), with a
stamp of the documents and the cross-check code they came from: a cross-check
change makes the ledger stale without making any document stale.

``documents`` gains ``dateline``: the place a story was filed from.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = {
    "variables_view": """
        SELECT v.id AS variable, coalesce(v.subject_name, v.subject) AS subject, v.measure,
               coalesce(v.location_name, v.location) AS place, v.unit, v.modality,
               {number:v.low} AS low, {number:v.best} AS best, {number:v.high} AS high,
               v.value_count AS value_count, v.independent_sources, v.grades
        FROM ledger_variables v
    """,
    "values_view": """
        SELECT x.variable, x.position, {number:x.value} AS value, x.qualifier, x.as_of,
               x.independent_sources, x.grade, x.interested_party, {list:x.sources} AS sources
        FROM ledger_values x
    """,
    "findings_view": """
        SELECT f.kind, f.variable, f.independent_sources, f.explanation, {list:f.sources} AS sources
        FROM ledger_findings f
    """,
}

#: Frozen copies of 0002's view helpers (a migration must not follow later code).
_LIST = {"sqlite": "json({})", "postgresql": "CAST({} AS jsonb)"}
_NUMBER = {
    "sqlite": "(CASE WHEN {0} = CAST({0} AS INTEGER) AND abs({0}) < 1e15 THEN CAST({0} AS INTEGER) ELSE {0} END)",
    "postgresql": "CAST({0} AS numeric)",
}


def _fill(query: str, dialect: str) -> str:
    for name, pattern in (("list", _LIST[dialect]), ("number", _NUMBER[dialect])):
        while "{" + name + ":" in query:
            start = query.index("{" + name + ":")
            end = query.index("}", start)
            query = query[:start] + pattern.format(query[start + len(name) + 2 : end]) + query[end + 1 :]
    return query.strip()


def upgrade() -> None:
    op.add_column("documents", sa.Column("dateline", sa.Text(), nullable=True))
    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("crosscheck", sa.Text(), nullable=False),
        sa.Column("documents", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("variables", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger"),
    )
    op.create_table(
        "ledger_variables",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("measure", sa.String(32), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("subject_name", sa.Text(), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("best", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("value_count", sa.Integer(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("grades", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_variables"),
    )
    op.create_table(
        "ledger_values",
        sa.Column("variable", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("as_of", sa.String(32), nullable=True),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("interested_party", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["variable"], ["ledger_variables.id"], name="fk_ledger_values_variable_ledger_variables", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("variable", "position", name="pk_ledger_values"),
    )
    op.create_table(
        "ledger_findings",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("variable", sa.Text(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("position", name="pk_ledger_findings"),
    )
    op.create_index("ix_ledger_findings_variable", "ledger_findings", ["variable"])
    op.create_index("ix_ledger_findings_kind", "ledger_findings", ["kind"])
    op.create_table(
        "ledger_sources",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("relays", sa.Text(), nullable=False),
        sa.Column("party_to_fighting", sa.Text(), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_ledger_sources"),
    )
    dialect = op.get_bind().dialect.name
    for name, query in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {_fill(query, dialect)}")


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_index("ix_ledger_findings_kind", table_name="ledger_findings")
    op.drop_index("ix_ledger_findings_variable", table_name="ledger_findings")
    for table in ("ledger_sources", "ledger_findings", "ledger_values", "ledger_variables", "ledger"):
        op.drop_table(table)
    # Not a batch (copy-and-rename) on SQLite: the views that read documents would break it.
    # SQLite drops a column in place since 3.35.
    op.execute("ALTER TABLE documents DROP COLUMN dateline")
