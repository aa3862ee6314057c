"""The ledger is refreshed family by family, from each document's reports kept between refreshes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

``ledger_documents`` and ``ledger_reports`` keep what the cross-check read of
each document (its speakers, and its figures as reports, with the signature of
what the corpus lent that reading), so that a refresh reads again only the
documents that changed or whose reading moved. ``ledger_variables`` and
``ledger_findings`` gain ``family``, the unit a refresh recomputes, and
findings a ``rank`` within it. The stored ledger is dropped: the next
command that reads it computes it again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("ledger_variables", sa.Column("family", sa.Text(), nullable=True))
    op.create_index("ix_ledger_variables_family", "ledger_variables", ["family"])
    op.add_column("ledger_findings", sa.Column("family", sa.Text(), nullable=True))
    op.add_column("ledger_findings", sa.Column("rank", sa.Integer(), nullable=True))
    op.create_index("ix_ledger_findings_family", "ledger_findings", ["family"])
    op.execute("DELETE FROM ledger")  # its rows have no family: computed again on the next read
    op.create_table(
        "ledger_documents",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extracted", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("doc_id", name="pk_ledger_documents"),
    )
    op.create_index("ix_ledger_documents_document_id", "ledger_documents", ["document_id"])
    op.create_table(
        "ledger_reports",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("family", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["ledger_documents.doc_id"],
            name="fk_ledger_reports_doc_id_ledger_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("doc_id", "position", name="pk_ledger_reports"),
    )
    op.create_index("ix_ledger_reports_family", "ledger_reports", ["family"])


def downgrade() -> None:
    op.drop_index("ix_ledger_reports_family", table_name="ledger_reports")
    op.drop_table("ledger_reports")
    op.drop_index("ix_ledger_documents_document_id", table_name="ledger_documents")
    op.drop_table("ledger_documents")
    op.drop_index("ix_ledger_findings_family", table_name="ledger_findings")
    op.drop_index("ix_ledger_variables_family", table_name="ledger_variables")
    # Not a batch (copy-and-rename) on SQLite: the views that read the ledger would break it.
    for table, column in (("ledger_findings", "rank"), ("ledger_findings", "family"), ("ledger_variables", "family")):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
