"""The copy detector's fingerprints, band keys and confirmed copies, kept between runs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

A new document is compared with the stored corpus through ``copy_bands``
(the LSH band keys of every fingerprint) instead of the whole corpus being
fingerprinted again at every ingest. The rows are a cache keyed on the clean
text's id, each stamped with the detector's ``version``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "copy_fingerprints",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("shingles", sa.LargeBinary(), nullable=False),
        sa.Column("sentences", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_copy_fingerprints"),
    )
    op.create_table(
        "copy_bands",
        sa.Column("band", sa.BigInteger(), nullable=False),
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["copy_fingerprints.doc_id"],
            name="fk_copy_bands_doc_id_copy_fingerprints",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("band", "doc_id", name="pk_copy_bands"),
    )
    op.create_table(
        "copy_pairs",
        sa.Column("doc_id", sa.Text(), nullable=False),
        sa.Column("copy_of", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["copy_fingerprints.doc_id"],
            name="fk_copy_pairs_doc_id_copy_fingerprints",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("doc_id", "copy_of", name="pk_copy_pairs"),
    )


def downgrade() -> None:
    for table in ("copy_pairs", "copy_bands", "copy_fingerprints"):
        op.drop_table(table)
