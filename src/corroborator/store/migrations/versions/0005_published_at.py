"""``documents`` gains ``published_at``: the publication's time of day, where the source gives one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

``published`` stays the day (the contract's ISO date); ``published_at`` is the
same moment with its time (ISO 8601, with the offset the source gives), from a
Telegram message, a feed's ``pubDate`` or a page's ``article:published_time``.
The cross-check orders a day's reports by it. Documents stored before it have
none until ``corroborator reprocess``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("published_at", sa.Text(), nullable=True))


def downgrade() -> None:
    # Not a batch (copy-and-rename) on SQLite: the views that read documents would break it.
    op.execute("ALTER TABLE documents DROP COLUMN published_at")
